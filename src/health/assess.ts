/**
 * Stage health as Kargo reports it (Stage `status.health`): one of five states, the issues that
 * explain it, and the Argo CD Applications it was read from. Kargo's controller builds it from
 * the health checks its `argocd-update` steps registered; its argocd checker
 * (pkg/health/checker/builtin/argocd.go) decides each Application and the worst one wins. This
 * file is that decision, pure; ./read.ts finds the apps and reads them.
 */
import {
  isSha,
  oneLine,
  sameRevision,
  short,
  sourceMatches,
  type Application,
} from '../verification/providers/argocd.js';

/** Kargo's HealthState. */
export type HealthStatus = 'Healthy' | 'NotApplicable' | 'Progressing' | 'Unknown' | 'Unhealthy';

export const HEALTH_STATUSES: readonly HealthStatus[] = [
  'Healthy',
  'NotApplicable',
  'Progressing',
  'Unknown',
  'Unhealthy',
];

/** Kargo's severity order: merging two states keeps the more severe. */
const SEVERITY: Readonly<Record<HealthStatus, number>> = {
  Healthy: 0,
  NotApplicable: 1,
  Progressing: 2,
  Unknown: 3,
  Unhealthy: 4,
};

export function mergeHealth(a: HealthStatus, b: HealthStatus): HealthStatus {
  return SEVERITY[a] > SEVERITY[b] ? a : b;
}

/** One Application, as the stage's health saw it. */
export interface AppHealthReport {
  name: string;
  /** Absent: Argo CD's own namespace. */
  namespace?: string;
  status: HealthStatus;
  /** Argo CD's status.health.status, when the app was read. */
  health?: string;
  /** Argo CD's status.sync.status, when the app was read. */
  sync?: string;
  /** status.sync.revision(s), short, joined by ",". */
  revision?: string;
  /** The revision the app must be synced to for the stage to be Healthy; absent: not compared. */
  wanted?: string;
  /** Why it is not Healthy (empty when it is). */
  issues: string[];
}

/** Kargo's Stage `status.health`, with the applications instead of its opaque `output`. */
export interface StageHealthReport {
  status: HealthStatus;
  issues: string[];
  applications: AppHealthReport[];
}

/**
 * What an app must be synced to:
 * - `revision`: any of its sources at this revision (the `argocd` metric's rule: the commit the
 *   stage's branch points at, or the metric's `revision`);
 * - `sources`: per source of the app's spec, matched by repoURL and chart (an `argocd-update`
 *   step's `sources[].desiredRevision`, Kargo's rule); a source with no entry is not compared;
 * - undefined: revisions are not compared.
 */
export type WantedRevision =
  | { revision: string }
  | { sources: { repoURL: string; chart?: string; desiredRevision: string }[] };

const FAILED_PHASES = new Set(['Failed', 'Error']);
/** Kargo reads these conditions as "the health status cannot be trusted: Unhealthy". */
const ERROR_CONDITIONS = new Set(['ComparisonError', 'InvalidSpecError']);

const nonEmpty = (xs: (string | undefined)[] | undefined) =>
  (xs ?? []).filter((x): x is string => typeof x === 'string' && x !== '');

const shortList = (xs: string[]) => xs.map(short).join(',');

/**
 * The desired revision of each source of `app`, '' where not known, from a step's source
 * updates (Kargo's getDesiredRevisions).
 */
function desiredPerSource(
  app: Application,
  wanted: Extract<WantedRevision, { sources: unknown }>,
): string[] {
  const specSources = app.spec?.sources?.length
    ? app.spec.sources
    : app.spec?.source
      ? [app.spec.source]
      : [];
  return specSources.map(
    (src) => wanted.sources.find((u) => sourceMatches(u, src))?.desiredRevision ?? '',
  );
}

/**
 * Decides one Application the way Kargo's argocd checker does, in its order:
 * 1. health assessed before the last sync finished (reconciledAt < operationState.finishedAt):
 *    Unknown, the status is not trusted yet;
 * 2. a ComparisonError or InvalidSpecError condition: Unhealthy;
 * 3. when a revision is wanted: a sync requested or running, or none ever finished: Unknown
 *    ("being synced"); synced to another revision: Unhealthy;
 * 4. health: Healthy → Healthy; Progressing, Suspended or none yet → Progressing; Degraded,
 *    Missing, Unknown → Unhealthy.
 * One addition, because Argo CD's sync revision is the revision it compared with, not the one it
 * deployed: a last sync that ended Failed or Error (for the wanted revision, when one is wanted)
 * is Unhealthy, where Kargo would look only at the health of what is still running.
 */
export function assessAppHealth(
  ref: { name: string; namespace?: string },
  app: Application,
  wanted: WantedRevision | undefined,
): AppHealthReport {
  const status = app.status ?? {};
  const sync = status.sync?.status || 'Unknown';
  const revisions = nonEmpty(status.sync?.revisions).length
    ? nonEmpty(status.sync?.revisions)
    : nonEmpty([status.sync?.revision]);
  const health = status.health?.status ?? '';
  const op = status.operationState;
  const label = ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
  const wantedList =
    wanted === undefined
      ? []
      : 'revision' in wanted
        ? nonEmpty([wanted.revision])
        : nonEmpty(desiredPerSource(app, wanted));
  const base = {
    name: ref.name,
    ...(ref.namespace !== undefined && { namespace: ref.namespace }),
    health: health || 'Unknown',
    sync,
    ...(revisions.length && { revision: shortList(revisions) }),
    ...(wantedList.length && { wanted: shortList(wantedList) }),
  };
  const out = (s: HealthStatus, issue?: string): AppHealthReport => ({
    ...base,
    status: s,
    issues: issue ? [issue] : [],
  });
  const why = (text: string | undefined) => (text?.trim() ? `: ${oneLine(text)}` : '');

  const finished = op?.finishedAt ? Date.parse(op.finishedAt) : NaN;
  const reconciled = status.reconciledAt ? Date.parse(status.reconciledAt) : NaN;
  if (!Number.isNaN(finished) && (Number.isNaN(reconciled) || reconciled < finished)) {
    return out(
      'Unknown',
      `${label}: Argo CD has not reassessed it since its last sync finished; its health is not trusted yet`,
    );
  }

  const conditions = (status.conditions ?? []).filter((c) => ERROR_CONDITIONS.has(c?.type ?? ''));
  if (conditions.length) {
    return {
      ...base,
      status: 'Unhealthy',
      issues: conditions.map((c) => `${label}: ${c.type}${why(c.message)}`),
    };
  }

  const opRevisions = nonEmpty([
    ...(op?.syncResult?.revisions ?? []),
    op?.syncResult?.revision,
    ...(op?.operation?.sync?.revisions ?? []),
    op?.operation?.sync?.revision,
  ]);
  if (wantedList.length) {
    if (app.operation?.sync !== undefined || op === undefined || !op.finishedAt) {
      return out('Unknown', `${label}: being synced`);
    }
  }
  const opForWanted =
    !wantedList.length || opRevisions.some((r) => wantedList.some((w) => sameRevision(r, w)));
  if (op?.finishedAt && FAILED_PHASES.has(op.phase ?? '') && opForWanted) {
    const to = opRevisions.find(isSha) ?? opRevisions[0];
    return out(
      'Unhealthy',
      `${label}: sync${to ? ` to ${short(to)}` : ''} ${op.phase}${why(op.message)}`,
    );
  }
  if (wanted !== undefined && wantedList.length) {
    let mismatch: string | undefined;
    if ('revision' in wanted) {
      if (!revisions.some((r) => sameRevision(r, wanted.revision))) {
        mismatch = `synced to ${revisions.length ? shortList(revisions) : 'no revision'}, not ${short(wanted.revision)}`;
      }
    } else {
      const desired = desiredPerSource(app, wanted);
      if (desired.length !== revisions.length) {
        return out(
          'Unknown',
          `${label}: has ${desired.length} sources but reports ${revisions.length} revisions`,
        );
      }
      const off = desired
        .map((d, i) => ({ d, got: revisions[i] ?? '', i }))
        .filter(({ d, got }) => d !== '' && !sameRevision(got, d));
      if (off.length) {
        mismatch = off
          .map(
            ({ d, got, i }) =>
              `source ${i} synced to ${short(got) || 'no revision'}, not ${short(d)}`,
          )
          .join('; ');
      }
    }
    if (mismatch) return out('Unhealthy', `${label}: ${mismatch}`);
  }

  switch (health) {
    case 'Healthy':
      return out('Healthy');
    case '':
    case 'Progressing':
      return out('Progressing', `${label}: Progressing${why(status.health?.message)}`);
    case 'Suspended':
      // Kargo counts a suspended app as progressing until it is resumed (akuity/kargo#2216).
      return out('Progressing', `${label}: Suspended${why(status.health?.message)}`);
    default:
      return out('Unhealthy', `${label}: ${health}${why(status.health?.message)}`);
  }
}

/** Kargo's aggregation: the most severe app wins; no app at all: NotApplicable. */
export function stageHealthOf(
  apps: AppHealthReport[],
  extraIssues: string[] = [],
): StageHealthReport {
  let status: HealthStatus = apps.length ? 'Healthy' : 'NotApplicable';
  for (const a of apps) status = mergeHealth(status, a.status);
  if (extraIssues.length) status = mergeHealth(status, 'Unknown');
  return {
    status,
    issues: [...apps.flatMap((a) => a.issues), ...extraIssues],
    applications: apps,
  };
}

/** An app that could not be read: Unknown, with the reason. */
export function unreadableApp(
  ref: { name: string; namespace?: string },
  reason: string,
): AppHealthReport {
  return {
    name: ref.name,
    ...(ref.namespace !== undefined && { namespace: ref.namespace }),
    status: 'Unknown',
    issues: [reason],
  };
}
