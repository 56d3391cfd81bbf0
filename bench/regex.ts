/**
 * bench/regex: what matching user- and registry-supplied patterns costs with RE2 (re2js, what
 * gantry uses) next to JavaScript's backtracking RegExp.
 *
 *   npm run bench -- regex            (or: npx tsx bench/regex.ts [--max-js 28] [--tags 10000])
 *
 * 1. The pathological case, `^(a+)+$` against n a's and a `!`: JS RegExp doubles with each `a`
 *    (run only up to --max-js, it is exponential), RE2 stays linear up to a million.
 * 2. A normal tag-filter workload: --tags semver-like tags through an allow and an ignore regex,
 *    compiled once, as discovery does it.
 */
import { parseArgs } from 'node:util';
import { compileRegex } from '../src/util/regex.js';

const { values } = parseArgs({
  options: {
    'max-js': { type: 'string', default: '28' },
    tags: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
  },
});
const MAX_JS = Number(values['max-js']);
const TAGS = Number(values.tags);
const RUNS = Number(values.runs);

function time<T>(f: () => T): { ms: number; result: T } {
  const started = performance.now();
  const result = f();
  return { ms: performance.now() - started, result };
}

/** Median of `RUNS` timings, after one warm-up. */
function median(f: () => unknown): number {
  f();
  const ms = Array.from({ length: RUNS }, () => time(f).ms).sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)] ?? NaN;
}

const fmt = (ms: number): string => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0)).padStart(9);

console.log('1. ^(a+)+$ against n a\'s and "!" (no match)\n');
console.log('   n          JS RegExp (ms)   RE2 (ms)');
const js = /^(a+)+$/;
const re2 = compileRegex('^(a+)+$');
for (let n = 16; n <= MAX_JS; n += 2) {
  const subject = `${'a'.repeat(n)}!`;
  const j = time(() => js.test(subject));
  const r = time(() => re2.test(subject));
  if (j.result !== r.result) throw new Error(`engines disagree at n=${n}`);
  console.log(`   ${String(n).padEnd(10)} ${fmt(j.ms)}        ${fmt(r.ms)}`);
}
for (const n of [1_000, 100_000, 1_000_000]) {
  const subject = `${'a'.repeat(n)}!`;
  const r = time(() => re2.test(subject));
  if (r.result) throw new Error('RE2 matched');
  console.log(`   ${String(n).padEnd(10)} ${'(years)'.padStart(9)}        ${fmt(r.ms)}`);
}

console.log(`\n2. ${TAGS} tags through an allow and an ignore regex (median of ${RUNS})\n`);
const tags = Array.from({ length: TAGS }, (_, i) => {
  const v = `${i % 7}.${i % 13}.${i}`;
  return i % 5 === 0 ? `v${v}-rc.${i % 3}` : i % 11 === 0 ? `sha-${i.toString(16)}` : `v${v}`;
});
const allow = '^v?[0-9]+\\.[0-9]+\\.[0-9]+(-rc\\.[0-9]+)?$';
const ignore = '-rc\\.0$';
const jsAllow = new RegExp(allow, 'u');
const jsIgnore = new RegExp(ignore, 'u');
const reAllow = compileRegex(allow);
const reIgnore = compileRegex(ignore);
const kept = (test: (re: 'allow' | 'ignore', tag: string) => boolean): number =>
  tags.filter((t) => !test('ignore', t) && test('allow', t)).length;
const jsKept = kept((w, t) => (w === 'allow' ? jsAllow : jsIgnore).test(t));
const reKept = kept((w, t) => (w === 'allow' ? reAllow : reIgnore).test(t));
if (jsKept !== reKept) throw new Error(`engines disagree: ${jsKept} vs ${reKept}`);
const jsMs = median(() => kept((w, t) => (w === 'allow' ? jsAllow : jsIgnore).test(t)));
const reMs = median(() => kept((w, t) => (w === 'allow' ? reAllow : reIgnore).test(t)));
const compileMs = median(() => [compileRegex(allow), compileRegex(ignore)]);
console.log(`   JS RegExp  ${fmt(jsMs)} ms  (${((jsMs * 1e6) / TAGS).toFixed(0)} ns a tag)`);
console.log(`   RE2        ${fmt(reMs)} ms  (${((reMs * 1e6) / TAGS).toFixed(0)} ns a tag)`);
console.log(`   RE2 compile of both patterns: ${fmt(compileMs)} ms`);
console.log(`   ${reKept} of ${TAGS} tags kept`);
