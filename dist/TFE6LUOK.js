import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);

// src/util/suggest.ts
function editDistance(a, b) {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev2 = new Array(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array(b.length + 1).fill(0);
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
function suggest(word, candidates) {
  const lower = word.toLowerCase();
  let best;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const folded = editDistance(lower, candidate.toLowerCase());
    const limit = Math.max(2, Math.floor(Math.max(word.length, candidate.length) / 3));
    if (folded > limit) continue;
    const score = folded * 1e3 + editDistance(word, candidate);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  if (best !== void 0 || lower.length < 4) return best;
  const containing = candidates.filter((c) => c.toLowerCase().includes(lower));
  return containing.length === 1 ? containing[0] : void 0;
}
function didYouMean(word, candidates) {
  const s = suggest(word, candidates);
  return s !== void 0 && s !== word ? ` (did you mean "${s}"?)` : "";
}

export {
  suggest,
  didYouMean
};
