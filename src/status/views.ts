import type { Freight } from '../freight/types.js';
import type { StageHealthReport } from '../health/index.js';
import type { Project } from '../pipeline/index.js';
import type { ProjectSnapshot, PromotionRecord, StageFreight, StageState } from '../state/index.js';

/** What `gantry get stages` shows for one stage. */
export interface StageView {
  project: string;
  name: string;
  branch?: string;
  environment: string;
  /** Current freight per origin; empty when never promoted. */
  freight: StageFreight[];
  /** True when every current freight is verified in this stage; undefined when there is none. */
  verified?: boolean;
  promotedAt?: string;
  promotedBy?: string;
  /** Kargo's Stage status metadata (set-metadata), from the state file, when any was set. */
  metadata?: Record<string, unknown>;
  /**
   * Kargo's stage health (its Stage `status.health`), from the Argo CD Applications the stage
   * names: NotApplicable when it names none; absent when not known (no freight, no Argo CD
   * server configured, or not read). `health` in the dashboard's data is the verification
   * state, hence the name.
   */
  appHealth?: StageHealthReport;
}

/** Kargo's freight JSON, with where the freight is (currentlyIn, verifiedIn, approvedFor). */
export interface FreightView extends Freight {
  project: string;
  status: {
    currentlyIn: Record<string, Record<string, never>>;
    verifiedIn: Record<string, { verifiedAt: string }>;
    approvedFor: Record<string, { approvedAt: string; approvedBy: string }>;
    /** Kargo's Freight status metadata (set-metadata), when any was set. */
    metadata?: Record<string, unknown>;
  };
}

export interface PromotionView {
  project: string;
  stage: string;
  freight: { id: string; alias: string };
  commit: string;
  branch: string;
  promotedBy: string;
  promotedAt: string;
  approvedBy: string[];
  run?: string;
}

export function stageViews(
  project: Project,
  snap: ProjectSnapshot,
  states: Map<string, StageState | undefined>,
  health?: ReadonlyMap<string, StageHealthReport | undefined>,
): StageView[] {
  const verified = new Set(snap.verifications.map((v) => `${v.stage}/${v.freightId}`));
  return project.stages.map((stage) => {
    const st = states.get(stage.name);
    // The alias as it is now: set-freight-alias may have changed it since the state was written.
    const freight = (st?.freight ?? []).map((f) => {
      const alias = snap.freight.find((x) => x.id === f.id)?.alias;
      return alias === undefined || alias === f.alias ? f : { ...f, alias };
    });
    return {
      project: project.name,
      name: stage.name,
      branch: stage.branch,
      environment: stage.environment,
      freight,
      verified: freight.length
        ? freight.every((f) => verified.has(`${stage.name}/${f.id}`))
        : undefined,
      promotedAt: st?.promotedAt,
      promotedBy: st?.promotedBy,
      ...(st?.metadata ? { metadata: st.metadata } : {}),
      ...(health?.get(stage.name) && { appHealth: health.get(stage.name) }),
    };
  });
}

export function freightViews(
  project: Project,
  snap: ProjectSnapshot,
  states: Map<string, StageState | undefined>,
): FreightView[] {
  const current = new Map<string, string[]>();
  for (const [stage, st] of states) {
    for (const f of st?.freight ?? []) current.set(f.id, [...(current.get(f.id) ?? []), stage]);
  }
  return snap.freight.map((f) => ({
    ...f,
    project: project.name,
    status: {
      currentlyIn: Object.fromEntries((current.get(f.id) ?? []).map((s) => [s, {}])),
      verifiedIn: Object.fromEntries(
        snap.verifications
          .filter((v) => v.freightId === f.id)
          .map((v) => [v.stage, { verifiedAt: v.verifiedAt }]),
      ),
      approvedFor: Object.fromEntries(
        snap.approvals
          .filter((a) => a.freightId === f.id)
          .map((a) => [a.stage, { approvedAt: a.approvedAt, approvedBy: a.approvedBy }]),
      ),
      ...(snap.freightMetadata?.[f.id] ? { metadata: snap.freightMetadata[f.id] } : {}),
    },
  }));
}

export function promotionViews(records: PromotionRecord[]): PromotionView[] {
  return records.map((r) => ({
    project: r.project,
    stage: r.stage,
    freight: { id: r.freightId, alias: r.alias },
    commit: r.commit,
    branch: r.branch,
    promotedBy: r.promotedBy,
    promotedAt: r.promotedAt,
    approvedBy: r.approvedBy,
    run: r.run,
  }));
}

/** `1.2.3`, `chart 2.0.0`, `abc1234`: the versions of a freight, short, for tables. */
export function versionsOf(f: Pick<Freight, 'images' | 'charts' | 'commits'>): string {
  const parts = [
    ...f.images.map((i) => `${lastSegment(i.repoURL)}:${i.tag || i.digest.slice(0, 19)}`),
    ...f.charts.map((c) => `${c.name || lastSegment(c.repoURL)}@${c.version}`),
    ...f.commits.map((c) => `${lastSegment(c.repoURL)}#${c.tag ?? c.id.slice(0, 7)}`),
  ];
  return parts.join(', ');
}

const lastSegment = (url: string) =>
  url
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
    .split('/')
    .pop() ?? url;
