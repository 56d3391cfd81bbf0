/**
 * bench/writers: many writers on one GitOps repository at once. Half are discovery-style writers
 * (read the project's freight, record a new freight tag), half promote freight into 5 stages that
 * all deploy from `main`, over smart HTTP with basic auth (`git http-backend` behind
 * test/support/git-server.ts). Each writer has its own StateStore and cache directory, as each
 * Actions job would; they all start at once, in one node process, every git command a process
 * of its own.
 *
 *   npm run bench -- writers     (or: node --import tsx bench/writers.ts [--sizes 50,100] [--keep])
 *
 * For each size: how many writes landed and how many were lost (a writer that gave up), the p50
 * and p95 time from the start to each writer's answer, the promotions' tries (how many needed 1,
 * 2, ...; how many of the retries replayed the commit on the new tip instead of running the
 * steps again), and whether the remote is as promised: every tag there, history linear, no force
 * push, every commit's manifests agreeing with its state file. Target: every write lands.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { quantile, runContention, type WriterOutcome } from '../test/support/contention.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '50,100' },
    stages: { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
const STAGES = Number(values.stages);

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function line(kind: string, xs: WriterOutcome[]): string {
  const ok = xs.filter((x) => x.ok);
  const times = ok.map((x) => x.ms);
  return `  ${kind.padEnd(10)} landed ${ok.length}/${xs.length}, lost ${xs.length - ok.length}; p50 ${seconds(quantile(times, 0.5))}, p95 ${seconds(quantile(times, 0.95))}, max ${seconds(Math.max(...times))}`;
}

const root = mkdtempSync(join(tmpdir(), 'gantry-bench-writers-'));
let failed = false;
try {
  for (const size of sizes) {
    const dir = join(root, `n${size}`);
    const half = Math.floor(size / 2);
    const run = await runContention({
      root: mkdtempSync(`${dir}-`),
      discoverers: size - half,
      promoters: half,
      stages: STAGES,
    });
    const promotions = run.outcomes.filter((o) => o.kind === 'promote');
    const discoveries = run.outcomes.filter((o) => o.kind === 'discover');
    console.log(
      `${size} writers (${discoveries.length} discover, ${promotions.length} promote into ${STAGES} stages on one branch), smart HTTP with auth: all done in ${seconds(run.elapsedMs)}`,
    );
    console.log(line('discover', discoveries));
    console.log(line('promote', promotions));
    const tries = new Map<number, number>();
    for (const p of promotions.filter((x) => x.ok))
      tries.set(p.attempts ?? 0, (tries.get(p.attempts ?? 0) ?? 0) + 1);
    const dist = [...tries]
      .sort((a, b) => a[0] - b[0])
      .map(([n, c]) => `${n}:${c}`)
      .join(' ');
    const retries = promotions.reduce((a, p) => a + Math.max(0, (p.attempts ?? 1) - 1), 0);
    const replays = promotions.reduce((a, p) => a + (p.replays ?? 0), 0);
    console.log(
      `  tries per promotion (tries:count) ${dist}; ${retries} retries, ${replays} of them replays on the new tip, ${retries - replays} ran the steps again`,
    );
    for (const o of run.outcomes.filter((x) => !x.ok))
      console.log(`  LOST ${o.kind} ${o.index}: ${o.error}`);
    console.log(
      run.problems.length
        ? `  remote: ${run.problems.length} problems\n    ${run.problems.join('\n    ')}`
        : '  remote: every tag there, history linear, no force push, manifests agree with state in every commit',
    );
    if (run.problems.length || run.outcomes.some((o) => !o.ok)) failed = true;
  }
} finally {
  if (values.keep) console.log(`kept ${root}`);
  else rmSync(root, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
