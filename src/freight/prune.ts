/**
 * Freight retention: which freight `gantry freight prune` may delete. Pure: the reads (the freight
 * index, the stage state files, promotion history, approvals) are done by the caller.
 */

export interface PruneCandidate {
  freightId: string;
  alias: string;
  warehouse: string;
  /** Empty for a freight tag gantry cannot read: never pruned (lint reports it). */
  createdAt: string;
}

export interface PruneRules {
  /** The newest `keep` freight of each warehouse always stay. */
  keep: number;
  /** Only freight created before this instant may go. */
  cutoff: Date;
}

export interface PruneFacts {
  /** Freight a stage runs now (its state file names it): never pruned. */
  current: ReadonlySet<string>;
  /** Freight that ran in a stage at some time after the cutoff (from promotion history). */
  ranRecently: ReadonlySet<string>;
  /** Freight approved for a stage: the approval may still be used to promote it. */
  approved: ReadonlySet<string>;
  /**
   * Promotion history was read back to this instant only (a branch's history is read to a bound):
   * a freight created at or before it may have run after the cutoff unseen, so it stays.
   */
  historyFrom?: string;
}

export type KeepReason =
  'newest' | 'recent' | 'current' | 'ran-recently' | 'history-unread' | 'approved' | 'unreadable';

export interface PrunePlan {
  /** Oldest first. */
  remove: PruneCandidate[];
  /** How many stay, by the first reason that kept each. */
  kept: Record<KeepReason, number>;
}

export function planPrune(
  freight: readonly PruneCandidate[],
  rules: PruneRules,
  facts: PruneFacts,
): PrunePlan {
  const kept: Record<KeepReason, number> = {
    newest: 0,
    recent: 0,
    current: 0,
    'ran-recently': 0,
    'history-unread': 0,
    approved: 0,
    unreadable: 0,
  };
  const cutoff = rules.cutoff.toISOString();
  const seen = new Map<string, number>();
  const remove: PruneCandidate[] = [];
  const newestFirst = [...freight].sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || b.freightId.localeCompare(a.freightId),
  );
  for (const f of newestFirst) {
    const rank = (seen.get(f.warehouse) ?? 0) + 1;
    if (f.createdAt) seen.set(f.warehouse, rank);
    const reason: KeepReason | undefined = !f.createdAt
      ? 'unreadable'
      : facts.current.has(f.freightId)
        ? 'current'
        : rank <= rules.keep
          ? 'newest'
          : f.createdAt >= cutoff
            ? 'recent'
            : facts.ranRecently.has(f.freightId)
              ? 'ran-recently'
              : facts.historyFrom !== undefined && f.createdAt <= facts.historyFrom
                ? 'history-unread'
                : facts.approved.has(f.freightId)
                  ? 'approved'
                  : undefined;
    if (reason) kept[reason]++;
    else remove.push(f);
  }
  return { remove: remove.reverse(), kept };
}

/**
 * Freight that ran in a stage after `cutoff`: each promoted since, and the one each stage ran
 * (per warehouse) when the window opened. `promotions` are newest first.
 */
export function ranSince(
  promotions: readonly {
    stage: string;
    warehouse?: string;
    freightId: string;
    promotedAt: string;
  }[],
  cutoff: Date,
): Set<string> {
  const since = cutoff.toISOString();
  const out = new Set<string>();
  const atCutoff = new Set<string>();
  for (const p of promotions) {
    if (p.promotedAt >= since) {
      out.add(p.freightId);
      continue;
    }
    const key = `${p.stage}\0${p.warehouse ?? ''}`;
    if (atCutoff.has(key)) continue;
    atCutoff.add(key);
    out.add(p.freightId);
  }
  return out;
}

/** `30d`, `12h`, `1h30m`: milliseconds; days are 24 hours. Throws on anything else. */
export function parseAge(text: string, parseDuration: (t: string) => number): number {
  const days = /^(\d+)d$/.exec(text);
  if (days) return Number(days[1]) * 86_400_000;
  return parseDuration(text);
}
