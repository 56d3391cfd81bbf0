/**
 * `gantry freight prune`'s work, for any adapter: plan from the stages, the promotion history and
 * the freight index, then delete what the plan removes while checking that promotions landing
 * meanwhile do not make it wrong (see StateStore.deleteFreight).
 */
import { planPrune, ranSince, type PrunePlan } from '../freight/prune.js';
import type { Project } from '../pipeline/index.js';
import { MAX_HISTORY_DEPTH, type PruneGuard, type StateStore } from '../state/index.js';

/** Promotions read again before each push of a prune (see the guard below). */
const RECHECK_PROMOTIONS = 20;

export interface PruneOutcome {
  plan: PrunePlan;
  /** The tags deleted (none in a dry run). */
  deleted: string[];
  /** Freight deleted, then pushed back: a stage started running it during the push. */
  restored: string[];
  /** How far back the promotion history was read, when some was left unread. */
  historyFrom?: string;
}

export async function pruneFreight(
  store: StateStore,
  project: Project,
  opts: { keep: number; cutoff: Date; dryRun: boolean },
): Promise<PruneOutcome> {
  const { keep, cutoff, dryRun } = opts;
  const branches = await store.stageBranches(project.stages);
  // Before the plan's reads: a promotion that lands during them moves a tip, and the checks
  // below then read the stages again.
  const planTips = await store.remoteTips(branches);
  const [read, states, history] = await Promise.all([
    store.freightEntries(project.name),
    // Read at tips no older than planTips (the project files' read took an earlier one).
    store.stageStatesNow(project.name, project.stages),
    store.promotionHistory(project.name, branches, {
      limit: MAX_HISTORY_DEPTH,
      maxDepth: MAX_HISTORY_DEPTH,
    }),
  ]);
  const current = new Set<string>();
  for (const st of states.values()) for (const f of st?.freight ?? []) current.add(f.id);
  const plan = planPrune(
    read.entries,
    { keep, cutoff },
    {
      current,
      ranRecently: ranSince(history.records, cutoff),
      approved: new Set(read.snap.approvals.map((a) => a.freightId)),
      ...(history.horizon === undefined ? {} : { historyFrom: history.horizon }),
    },
  );
  // Promotions land while a prune runs: right before each push, and once after the last, the
  // stages are read again and a freight the plan's rules now keep is not deleted (or comes
  // back). Only when a stage branch moved since the plan (one ls-remote tells): then the newest
  // promotions suffice, as those the plan read cover the older ones, unless more landed
  // meanwhile than this reads, which keeps them all.
  const seen = new Set(history.records.map((p) => p.commit));
  const guard: PruneGuard = {
    async protectedNow(ids) {
      const tips = await store.remoteTips(branches);
      if (tips.size === planTips.size && [...tips].every(([b, t]) => planTips.get(b) === t))
        return new Set();
      const [now, recent] = await Promise.all([
        store.stageStatesNow(project.name, project.stages),
        store.promotions(project.name, branches, RECHECK_PROMOTIONS),
      ]);
      if (recent.length >= RECHECK_PROMOTIONS && !recent.some((p) => seen.has(p.commit)))
        return ids;
      const out = new Set<string>();
      for (const st of now.values()) for (const f of st?.freight ?? []) out.add(f.id);
      for (const id of ranSince(recent, cutoff)) out.add(id);
      return new Set([...out].filter((id) => ids.has(id)));
    },
  };
  const result =
    dryRun || !plan.remove.length
      ? { deleted: [], restored: [] }
      : await store.deleteFreight(
          project.name,
          plan.remove.map((f) => f.freightId),
          { head: read.head, tags: read.tags },
          guard,
        );
  return {
    plan,
    ...result,
    ...(history.horizon === undefined ? {} : { historyFrom: history.horizon }),
  };
}
