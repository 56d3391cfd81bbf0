/**
 * Which freight may enter a stage, and which one auto-promotion would pick: Kargo's
 * `Stage.IsFreightAvailable` and its NewestFreight auto-promotion candidates, as pure functions
 * over what gantry's state holds (freight, verification and approval tags, promotion history).
 *
 * Kargo's freight status maps onto gantry's records like this:
 *
 * | Kargo                         | gantry                                                      |
 * | ----------------------------- | ----------------------------------------------------------- |
 * | `status.verifiedIn[stage]`    | a tag `gantry/<project>/verified/<stage>/<freight-id>`      |
 * | `status.approvedFor[stage]`   | a tag `gantry/<project>/approved/<stage>/<freight-id>`      |
 * | `GetLongestSoak(stage)`       | `soak(stage, freightId)`, derived from promotion history    |
 * | namespace                     | project                                                     |
 */
import { newestFreight } from '../freight/order.js';
import type { Freight } from '../freight/types.js';
import { formatDuration } from '../pipeline/duration.js';
import type { FreightRequest, Stage } from '../pipeline/types.js';
import type {
  ApprovalRecord,
  PromotionRecord,
  StageState,
  VerificationRecord,
} from '../state/index.js';
import { ConfigError } from '../util/errors.js';
import { suggest } from '../util/suggest.js';

/** What availability is decided from: one project's records and its soak times. */
export interface AvailabilityFacts {
  verifications: readonly VerificationRecord[];
  approvals: readonly ApprovalRecord[];
  /** Longest continuous time (ms) the freight has been current in the stage; undefined if never. */
  soak: (stage: string, freightId: string) => number | undefined;
  /**
   * When the freight became current in the stage, if it still is. Optional: with it, a freight
   * that is still soaking gets an `availableAt`; without it, only the reasons say what is missing.
   */
  currentSince?: (stage: string, freightId: string) => Date | undefined;
  /** When set, records of other projects are ignored (Kargo's "different namespaces"). */
  project?: string;
}

export interface Availability {
  available: boolean;
  /** Why it is not available, one sentence per missing fact; empty when available. */
  reasons: string[];
  /** When a freight that is only short of soak time will become available, if it keeps running. */
  availableAt?: Date;
  /** What makes it available, when it is. */
  via?: 'approval' | 'direct' | 'verification';
}

const sameProject = (project: string | undefined, r: { project: string }) =>
  project === undefined || r.project === project;

function requestFor(stage: Stage, freight: Freight): FreightRequest | undefined {
  return stage.requestedFreight.find(
    (r) => r.origin.kind === freight.origin.kind && r.origin.name === freight.origin.name,
  );
}

/** Durations as people read them, to the second (`20m`, `1h0m5s` reads as `1h5s`). */
function human(ms: number): string {
  return formatDuration(Math.max(0, Math.floor(ms / 1000) * 1000));
}

/**
 * Kargo's `IsFreightAvailable`: freight is available to a stage that requests its warehouse when
 * it is approved for the stage, when the stage takes it `direct`ly from the warehouse, or when it
 * is verified in one (`OneOf`, the default) or all (`All`) of the upstream `stages`, each with at
 * least `requiredSoakTime` of soak there (≥: exactly the required time is enough).
 */
export function freightAvailability(
  stage: Stage | undefined,
  freight: Freight | undefined,
  facts: AvailabilityFacts,
  now: Date,
): Availability {
  if (!stage) return { available: false, reasons: ['no such stage'] };
  if (!freight) return { available: false, reasons: ['no such freight'] };
  const req = requestFor(stage, freight);
  if (!req) {
    return {
      available: false,
      reasons: [`warehouse ${freight.origin.name} is not requested by stage ${stage.name}`],
    };
  }
  const approved = facts.approvals.some(
    (a) => a.stage === stage.name && a.freightId === freight.id && sameProject(facts.project, a),
  );
  if (approved) return { available: true, reasons: [], via: 'approval' };
  if (req.sources.direct) return { available: true, reasons: [], via: 'direct' };
  const upstream = req.sources.stages;
  if (!upstream.length) {
    return {
      available: false,
      reasons: [
        `stage ${stage.name} takes warehouse ${freight.origin.name} from no source (neither direct nor upstream stages)`,
      ],
    };
  }
  const required = req.sources.requiredSoakTimeMs;
  const checks = upstream.map((up) => checkUpstream(up, freight, facts, required, now));
  const ok = checks.filter((c) => c.ok);
  const all = req.sources.availabilityStrategy === 'All';
  if (all ? ok.length === checks.length : ok.length > 0) {
    return { available: true, reasons: [], via: 'verification' };
  }
  const missing = checks.filter((c) => !c.ok);
  const reasons = missing.map((c) => c.reason as string);
  let availableAt: Date | undefined;
  if (all) {
    // Every missing upstream must be only short of soak, and then the last of them decides.
    if (missing.every((c) => c.availableAt)) {
      availableAt = new Date(Math.max(...missing.map((c) => (c.availableAt as Date).getTime())));
    }
  } else {
    const times = missing.flatMap((c) => (c.availableAt ? [c.availableAt.getTime()] : []));
    if (times.length) availableAt = new Date(Math.min(...times));
  }
  if (all && upstream.length > 1) {
    reasons.unshift(`needs all of ${upstream.join(', ')} (availabilityStrategy All)`);
  } else if (!all && upstream.length > 1) {
    reasons.unshift(`needs one of ${upstream.join(', ')}`);
  }
  return { available: false, reasons, ...(availableAt ? { availableAt } : {}) };
}

interface UpstreamCheck {
  ok: boolean;
  reason?: string;
  availableAt?: Date;
}

function checkUpstream(
  up: string,
  freight: Freight,
  facts: AvailabilityFacts,
  required: number | undefined,
  now: Date,
): UpstreamCheck {
  const verified = facts.verifications.some(
    (v) => v.stage === up && v.freightId === freight.id && sameProject(facts.project, v),
  );
  if (!verified) return { ok: false, reason: `not verified in ${up}` };
  if (!required) return { ok: true };
  const soak = facts.soak(up, freight.id);
  if (soak !== undefined && soak >= required) return { ok: true };
  const since = facts.currentSince?.(up, freight.id);
  const need = `needs ${formatDuration(required)} of soak time in ${up}`;
  if (soak === undefined) return { ok: false, reason: `${need}; has not run there` };
  if (!since) {
    return {
      ok: false,
      reason: `${need}; has ${human(soak)} and no longer runs there`,
    };
  }
  // Still current: the running interval reaches the requirement at since + required.
  const at = new Date(Math.max(since.getTime() + required, now.getTime()));
  return {
    ok: false,
    reason: `${need}; has ${human(soak)} (available at ${at.toISOString()})`,
    availableAt: at,
  };
}

/** Soak times derived from a project's promotion history; see {@link soakFromHistory}. */
export interface SoakIndex {
  soak: (stage: string, freightId: string) => number | undefined;
  currentSince: (stage: string, freightId: string) => Date | undefined;
}

/**
 * Soak time from git history. Kargo's controller watches each stage and records how long freight
 * has been current in it; gantry has no controller, so it derives the same number from the
 * promotion commits (`StateStore.promotions`):
 *
 * - A freight becomes current in a stage at its promotion commit's time (committer time), and
 *   stays current until the next promotion into that stage *of the same warehouse* (a stage that
 *   takes several warehouses keeps one current freight per warehouse), or until `now`.
 * - Promoting the freight the stage already runs again does not restart the clock.
 * - A freight promoted, replaced and promoted again has several intervals; its soak is the
 *   longest one (Kargo's `LongestCompletedSoak`, or the running one when longer).
 * - A promotion of freight whose tag is unknown (no origin to compare) ends every running
 *   interval in its stage: soak may be undercounted, never overcounted.
 * - Only the history passed in counts. A freight promoted before the oldest record given has no
 *   known soak (undefined), unless `states` (from `StateStore.stageStates`) says it is current:
 *   then, when no promotion of its warehouse into the stage is in the history, it has been
 *   current at least since its stage's last promotion (`promotedAt`) and since the oldest record
 *   given (the history is the newest promotions of the project, so nothing newer is missing).
 *   That lower bound is its soak; read a longer history for a closer one.
 * - Not seen: a `git revert` of a promotion commit (it carries no gantry trailers), and the wait
 *   between a pull request's commit and its merge (the commit's time is used).
 */
export function soakFromHistory(
  promotions: readonly PromotionRecord[],
  freight: readonly Pick<Freight, 'id' | 'origin'>[],
  now: Date,
  states?: ReadonlyMap<string, StageState | undefined>,
): SoakIndex {
  const originOf = new Map(freight.map((f) => [f.id, `${f.origin.kind}/${f.origin.name}`]));
  const key = (stage: string, id: string) => `${stage}\0${id}`;
  const longest = new Map<string, number>();
  const since = new Map<string, Date>();
  const note = (stage: string, id: string, ms: number) =>
    longest.set(key(stage, id), Math.max(longest.get(key(stage, id)) ?? 0, Math.max(0, ms)));

  const byStage = new Map<string, { p: PromotionRecord; at: number; order: number }[]>();
  promotions.forEach((p, order) => {
    const at = Date.parse(p.promotedAt);
    if (Number.isNaN(at)) return;
    byStage.set(p.stage, [...(byStage.get(p.stage) ?? []), { p, at, order }]);
  });
  for (const [stage, list] of byStage) {
    // Oldest first; records of the same second keep the store's order (newest first) reversed.
    list.sort((a, b) => a.at - b.at || b.order - a.order);
    /** Per origin: the freight current in the stage and since when. */
    const current = new Map<string, { id: string; at: number }>();
    for (const { p, at } of list) {
      const origin = originOf.get(p.freightId);
      const ending =
        origin === undefined
          ? [...current.keys()]
          : current.get(origin)?.id === p.freightId
            ? []
            : current.has(origin)
              ? [origin]
              : [];
      for (const o of ending) {
        const c = current.get(o) as { id: string; at: number };
        note(stage, c.id, at - c.at);
        current.delete(o);
      }
      const o = origin ?? `?/${p.freightId}`;
      if (!current.has(o)) current.set(o, { id: p.freightId, at });
    }
    for (const c of current.values()) {
      note(stage, c.id, now.getTime() - c.at);
      since.set(key(stage, c.id), new Date(c.at));
    }
  }
  const times = [...byStage.values()].flatMap((list) => list.map((e) => e.at));
  const oldest = times.length ? Math.min(...times) : undefined;
  for (const [stage, state] of states ?? []) {
    for (const f of state?.freight ?? []) {
      const origin = `${f.origin.kind}/${f.origin.name}`;
      const seen = (byStage.get(stage) ?? []).some(
        (e) => originOf.get(e.p.freightId) === origin || !originOf.has(e.p.freightId),
      );
      // History covers this warehouse in this stage: it is the better witness, and a state file
      // that disagrees with it (a revert, a hand edit) is not used to lengthen anything.
      if (seen) continue;
      const starts = [Date.parse(state?.promotedAt ?? '')].filter((t) => !Number.isNaN(t));
      if (oldest !== undefined) starts.push(oldest);
      if (!starts.length) continue;
      const start = Math.min(...starts, now.getTime());
      note(stage, f.id, now.getTime() - start);
      since.set(key(stage, f.id), new Date(start));
    }
  }
  return {
    soak: (stage, id) => longest.get(key(stage, id)),
    currentSince: (stage, id) => since.get(key(stage, id)),
  };
}

/**
 * Kargo's NewestFreight auto-promotion candidates: for each warehouse the stage requests, the
 * newest freight available to it (by creation time, ties by ID descending). Keyed by warehouse
 * name, in the order the stage requests them; a warehouse with no available freight is absent.
 */
export function promotionCandidate(
  stage: Stage,
  freightNewestFirst: readonly Freight[],
  facts: AvailabilityFacts,
  now: Date,
): Map<string, Freight> {
  const out = new Map<string, Freight>();
  for (const req of stage.requestedFreight) {
    const available = freightNewestFirst.filter(
      (f) =>
        f.origin.kind === req.origin.kind &&
        f.origin.name === req.origin.name &&
        freightAvailability(stage, f, facts, now).available,
    );
    const newest = newestFreight(available);
    if (newest) out.set(req.origin.name, newest);
  }
  return out;
}

/** Shortest ID prefix accepted, as `git` shows abbreviated commits. */
export const MIN_ID_PREFIX = 7;

/**
 * The freight a user named: a full ID, an alias, or a unique ID prefix of at least 7 characters.
 * Throws a ConfigError that says what matched (nothing, or several) and suggests the closest alias.
 */
export function resolveFreight(ref: string, freight: readonly Freight[]): Freight {
  const wanted = ref.trim();
  const lower = wanted.toLowerCase();
  if (!wanted) throw new ConfigError('no freight given: name one by ID, ID prefix or alias');
  const exact =
    freight.find((f) => f.id === lower) ??
    freight.find((f) => f.alias === wanted) ??
    freight.find((f) => f.alias.toLowerCase() === lower);
  if (exact) return exact;
  const label = (f: Freight) => `${f.alias} (${f.id.slice(0, MIN_ID_PREFIX)})`;
  if (/^[0-9a-f]+$/.test(lower)) {
    const matches = freight.filter((f) => f.id.startsWith(lower));
    if (matches.length && lower.length < MIN_ID_PREFIX) {
      throw new ConfigError(
        `freight ID prefix "${wanted}" is too short: give at least ${MIN_ID_PREFIX} characters, or the alias`,
      );
    }
    if (matches.length === 1) return matches[0] as Freight;
    if (matches.length > 1) {
      const shown = matches.slice(0, 5).map(label).join(', ');
      const more = matches.length > 5 ? ` and ${matches.length - 5} more` : '';
      throw new ConfigError(
        `freight ID prefix "${wanted}" is ambiguous: it matches ${shown}${more}; give more characters or the alias`,
      );
    }
  }
  if (!freight.length) throw new ConfigError(`no freight "${wanted}": there is no freight yet`);
  const close = suggest(
    wanted,
    freight.map((f) => f.alias),
  );
  const hint = close !== undefined ? ` (did you mean "${close}"?)` : '';
  throw new ConfigError(
    `no freight "${wanted}"${hint}: name freight by its ID, an ID prefix of at least ${MIN_ID_PREFIX} characters, or its alias`,
  );
}
