/**
 * "Did you mean …?" for misspelled names: field names, enum values, stage names, CLI flags.
 *
 * Distance is the optimal-string-alignment variant of Damerau-Levenshtein (insert, delete,
 * substitute, swap two adjacent characters), computed case-insensitively so that `automatic`
 * finds `Automatic`; ties are broken by the case-sensitive distance, then by candidate order.
 */

/** Edit distance with adjacent transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  // Three rolling rows: two back (for transpositions), previous, current.
  let prev2: number[] = new Array<number>(b.length + 1).fill(0);
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur: number[] = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      }
      cur[j] = d;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length] ?? 0;
}

/**
 * The candidate closest to `word`, or undefined when none is close enough. "Close enough" is a
 * distance of at most max(2, ⌊len/3⌋) where len is the longer of the two strings, which catches a
 * dropped or swapped letter in short names and a few slips in long ones without suggesting
 * unrelated words. Failing that, a word of four or more letters that is part of exactly one
 * candidate suggests that candidate. Returns `word` itself when it is one of the candidates.
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const folded = editDistance(lower, candidate.toLowerCase());
    const limit = Math.max(2, Math.floor(Math.max(word.length, candidate.length) / 3));
    if (folded > limit) continue;
    // Case-insensitive distance first; exact-case distance only breaks ties.
    const score = folded * 1000 + editDistance(word, candidate);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  if (best !== undefined || lower.length < 4) return best;
  // A shortened name (`strategy` for `imageSelectionStrategy`, `Auto` for `Automatic`): suggest
  // the one candidate that contains it, if exactly one does.
  const containing = candidates.filter((c) => c.toLowerCase().includes(lower));
  return containing.length === 1 ? containing[0] : undefined;
}

/** ` (did you mean "x"?)` or the empty string: ready to append to a message. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const s = suggest(word, candidates);
  return s !== undefined && s !== word ? ` (did you mean "${s}"?)` : '';
}
