/**
 * Which freight a promotion of one named freight has to read, decided from the freight index
 * (src/state/freight-index.ts) instead of every freight tag: the freight the name can mean, and
 * every freight of the same warehouse created at or after it, since the rollback rule (promoting
 * older freight than the newest available holds the stage) asks about exactly those. The caller
 * uses this only with an index that matches the tag listing, and reads the tags themselves (with
 * their verifications and approvals) for every decision.
 */
import type { IndexEntry } from './freight-index.js';

/**
 * The IDs to read for `ref` (an ID, an ID prefix or an alias), or undefined when the index cannot
 * tell (nothing matches, so the full read gives its hints; an entry of an unreadable tag is
 * among the matches). `aliasNoteIds`: freight named by alias tags, whose alias may now be `ref`.
 */
export function promotionFreightIds(
  ref: string,
  entries: readonly IndexEntry[],
  aliasNoteIds: readonly string[],
): Set<string> | undefined {
  const lower = ref.trim().toLowerCase();
  if (!lower) return undefined;
  // A full ID wins over any alias (resolveFreight asks for it first): nothing else can match.
  const exact = entries.find((e) => e.freightId === lower);
  const hex = /^[0-9a-f]+$/.test(lower);
  const named = exact
    ? [exact]
    : entries.filter(
        (e) =>
          e.alias.toLowerCase() === lower ||
          (hex && e.freightId.startsWith(lower)) ||
          aliasNoteIds.includes(e.freightId),
      );
  if (!named.length || named.some((e) => !e.createdAt)) return undefined;
  const ids = new Set(named.map((e) => e.freightId));
  for (const n of named) {
    const since = Date.parse(n.createdAt);
    for (const e of entries) {
      if (e.warehouse !== n.warehouse) continue;
      // An unreadable tag's entry has no time: read it, its tag decides.
      if (!e.createdAt || Date.parse(e.createdAt) >= since) ids.add(e.freightId);
    }
  }
  return ids;
}
