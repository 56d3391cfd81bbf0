/**
 * A project's status in one piece: what runs in each stage and whether it is verified there, the
 * freight with where each one is, and the recent promotions. Read from the GitOps repository
 * (one tag listing, the stage branches' tips, optionally the promotion history) and rendered as
 * job summaries (./markdown.ts) and the dashboard (src/dashboard/).
 */
import type { Project, PromotionMode } from '../pipeline/index.js';
import type { ProjectSnapshot, PromotionRecord, StateStore, StageState } from '../state/index.js';
import {
  freightViews,
  promotionViews,
  stageViews,
  versionsOf,
  type FreightView,
  type PromotionView,
  type StageView,
} from './views.js';
import { settleAll } from '../util/settle.js';
import { projectHealth, type HealthSettings, type StageHealthReport } from '../health/index.js';

/** Verification of the freight a stage runs: all verified, not (yet) verified, or no freight. */
export type StageHealth = 'verified' | 'not-verified' | 'none';

export interface StageStatus extends StageView {
  health: StageHealth;
  autoPromotion: boolean;
  mode: PromotionMode;
  environmentUrl?: string;
  approvedBy: string[];
  /** The workflow run of the last promotion. */
  run?: string;
  /** Auto-promotion held after a promotion by hand of other than the newest freight. */
  hold?: NonNullable<StageState['autoPromotionHold']>;
  /** When each current freight was verified here (by freight ID). */
  verifiedAt: Record<string, string>;
}

export interface FreightStatus extends FreightView {
  /** `echo:1.2.0, chart@2.0.0`: the versions, short. */
  versions: string;
  /** Stages this freight was promoted into, among the promotions read (current or not). */
  promotedTo: string[];
}

export interface PromotionStatus extends PromotionView {
  /** The commit's subject line. */
  subject: string;
  /** The commit on the repository's web page, when its web URL is known. */
  commitUrl?: string;
}

export interface WarehouseStatus {
  name: string;
  /** `image ghcr.io/acme/echo`, `chart https://…/charts podinfo`, `git https://…` */
  subscriptions: string[];
  /** The newest freight from this warehouse. */
  latest?: { id: string; alias: string; createdAt: string };
}

export interface PipelineStatus {
  project: string;
  /** `https://github.com/owner/name`, when known: commit links. */
  repoWebUrl?: string;
  warehouses: WarehouseStatus[];
  stages: StageStatus[];
  /** Newest first, at most `freightLimit`. */
  freight: FreightStatus[];
  /** How many freight the project has in all. */
  freightTotal: number;
  /** Newest first; empty when promotions were not read. */
  promotions: PromotionStatus[];
}

export interface StatusOptions {
  /** Promotions to read (newest first); 0 skips the history (a cheaper read). Default 0. */
  promotions?: number;
  /**
   * Freight to read, newest first: only these freight's tags are read (see StateStore.freightPage).
   * Default: DEFAULT_FREIGHT_PAGE.
   */
  freightLimit?: number;
  repoWebUrl?: string;
  /**
   * Read each stage's health from Argo CD (src/health) with these settings; without them no
   * Argo CD is asked and stages have no `appHealth`.
   */
  health?: HealthSettings;
}

/** How many freight a status reads when not told: more than a summary or a page shows. */
export const DEFAULT_FREIGHT_PAGE = 20;

/**
 * Reads a project's status: the stage tips, the tags of the freight the stages run, a page of the
 * newest freight and, if asked, promotion history. What it costs follows the stages and the page,
 * not the number of freight ever recorded.
 */
export async function pipelineStatus(
  store: StateStore,
  project: Project,
  opts: StatusOptions = {},
): Promise<PipelineStatus> {
  const limit = opts.freightLimit ?? DEFAULT_FREIGHT_PAGE;
  // Both reads end before this returns or throws: no git process is left writing to the cache.
  const [[states, records], page] = await settleAll([
    store
      .stageStates(project.name, project.stages)
      .then(async (st) => [st, await store.stageRecords(project.name, st)] as const),
    store.freightPage(project.name, {
      limit,
      warehouses: project.warehouses.map((w) => w.name),
    }),
  ]);
  const snap = mergeSnapshots(records, page.snap);
  // Argo CD is asked while git reads the history; projectHealth never rejects (an app it
  // cannot read is Unknown), so no git process outlives a failure here.
  const [history, health] = await settleAll([
    opts.promotions
      ? store
          .stageBranches(project.stages)
          .then((branches) => store.promotions(project.name, branches, opts.promotions))
      : Promise.resolve<PromotionRecord[]>([]),
    opts.health
      ? projectHealth(store, project, states, snap.freight, opts.health)
      : Promise.resolve(undefined),
  ]);
  return buildStatus(
    project,
    {
      snap,
      states,
      promotions: history,
      ...(health && { health }),
      freightTotal: page.total,
      latest: page.latest,
    },
    { ...opts, freightLimit: limit },
  );
}

/** Both reads' records, each once: the stages' current freight and the page may overlap. */
export function mergeSnapshots(a: ProjectSnapshot, b: ProjectSnapshot): ProjectSnapshot {
  const once = <T>(xs: T[], key: (x: T) => string) => [
    ...new Map(xs.map((x) => [key(x), x])).values(),
  ];
  return {
    freight: once([...a.freight, ...b.freight], (f) => f.id).sort(
      (x, y) => y.createdAt.localeCompare(x.createdAt) || y.id.localeCompare(x.id),
    ),
    verifications: once(
      [...a.verifications, ...b.verifications],
      (v) => `${v.stage}/${v.freightId}`,
    ),
    approvals: once([...a.approvals, ...b.approvals], (r) => `${r.stage}/${r.freightId}`),
    unreadable: once([...(a.unreadable ?? []), ...(b.unreadable ?? [])], (u) => u.tag),
  };
}

/** The status from what was read; pure, for tests and for callers that already hold the reads. */
export function buildStatus(
  project: Project,
  read: {
    snap: ProjectSnapshot;
    states: Map<string, StageState | undefined>;
    promotions?: PromotionRecord[];
    health?: ReadonlyMap<string, StageHealthReport | undefined>;
    /** How many freight the project has; default: those in `snap`. */
    freightTotal?: number;
    /** The newest freight of each warehouse; default: found in `snap`. */
    latest?: ReadonlyMap<string, { id: string; alias: string; createdAt: string }>;
  },
  opts: Pick<StatusOptions, 'freightLimit' | 'repoWebUrl'> = {},
): PipelineStatus {
  const { snap, states } = read;
  const records = read.promotions ?? [];
  const web = opts.repoWebUrl?.replace(/\/+$/, '');
  const stages: StageStatus[] = stageViews(project, snap, states, read.health).map((v, i) => {
    const stage = project.stages[i];
    const st = states.get(v.name);
    const verifiedAt: Record<string, string> = {};
    for (const f of v.freight) {
      const rec = snap.verifications.find((r) => r.stage === v.name && r.freightId === f.id);
      if (rec) verifiedAt[f.id] = rec.verifiedAt;
    }
    return {
      ...v,
      health: v.verified === undefined ? 'none' : v.verified ? 'verified' : 'not-verified',
      autoPromotion: stage?.autoPromotion ?? false,
      mode: stage?.promotionTemplate.mode ?? 'direct',
      ...(stage?.environmentUrl ? { environmentUrl: stage.environmentUrl } : {}),
      approvedBy: st?.approvedBy ?? [],
      ...(st?.run ? { run: st.run } : {}),
      ...(st?.autoPromotionHold ? { hold: st.autoPromotionHold } : {}),
      verifiedAt,
    };
  });
  const promotedTo = new Map<string, string[]>();
  for (const r of records) {
    const list = promotedTo.get(r.freightId) ?? [];
    if (!list.includes(r.stage)) promotedTo.set(r.freightId, [...list, r.stage]);
  }
  const limit = opts.freightLimit ?? snap.freight.length;
  const freight: FreightStatus[] = freightViews(project, snap, states)
    .slice(0, limit)
    .map((f) => ({
      ...f,
      versions: versionsOf(f),
      promotedTo: project.stages
        .map((s) => s.name)
        .filter((s) => promotedTo.get(f.id)?.includes(s) || s in f.status.currentlyIn),
    }));
  const promotions: PromotionStatus[] = promotionViews(records).map((p, i) => ({
    ...p,
    subject: records[i]?.subject ?? '',
    ...(web ? { commitUrl: `${web}/commit/${p.commit}` } : {}),
  }));
  const warehouses: WarehouseStatus[] = project.warehouses.map((w) => {
    const latest = read.latest
      ? read.latest.get(w.name)
      : snap.freight.find((f) => f.origin.name === w.name);
    return {
      name: w.name,
      subscriptions: w.subscriptions.map((s) =>
        s.kind === 'image'
          ? `image ${s.image.repoURL}`
          : s.kind === 'chart'
            ? `chart ${s.chart.repoURL}${s.chart.name ? ` ${s.chart.name}` : ''}`
            : `git ${s.git.repoURL}`,
      ),
      ...(latest
        ? { latest: { id: latest.id, alias: latest.alias, createdAt: latest.createdAt } }
        : {}),
    };
  });
  return {
    project: project.name,
    ...(web ? { repoWebUrl: web } : {}),
    warehouses,
    stages,
    freight,
    freightTotal: read.freightTotal ?? snap.freight.length,
    promotions,
  };
}
