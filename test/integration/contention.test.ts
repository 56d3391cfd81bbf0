/**
 * Discovery-style writers and promotions into 5 stages on one branch, all at once over smart HTTP
 * with basic auth: every write lands (none given up), history stays linear, nothing is force
 * pushed, every commit's manifests agree with its state file. The 100-writer version of this is
 * `npm run bench -- writers`.
 */
import { afterAll, expect, test } from 'vitest';
import { DEFAULT_RACE_RETRY } from '../../src/util/retry.js';
import { runContention } from '../support/contention.js';
import { tempDir } from '../support/repos.js';

const tmp = tempDir('gantry-contention-');
afterAll(() => tmp.cleanup());

test('20 writers at once on one branch: every write lands, the remote stays consistent', async () => {
  // Ten promotions, two into each stage, and ten discoverers. promote-concurrency's one-branch case
  // (twenty promotions, four into each stage) checked the same race, at the cost of this whole
  // test again; its checks are in runContention's now. Mutations of src/state/transaction.ts
  // this run still catches: a replay built on its old parent's tree instead of the new tip's
  // (which sets the other stages back), 10 runs of 10, on those checks alone; a lost race
  // reported as a landed push, 5 of 5.
  const run = await runContention({
    root: tmp.path,
    discoverers: 10,
    promoters: 10,
    stages: 5,
    // Production's backoff (full jitter from 250 ms, doubling), capped at 2 s instead of 30 s:
    // what is checked is that every write lands, and a last loser's waits (up to 14 s, with
    // little else left to run) set how long the run took.
    raceRetry: { ...DEFAULT_RACE_RETRY, maxDelayMs: 2_000 },
  });
  const lost = run.outcomes.filter((o) => !o.ok).map((o) => `${o.kind} ${o.index}: ${o.error}`);
  expect(lost).toEqual([]);
  expect(run.problems).toEqual([]);
  const promotions = run.outcomes.filter((o) => o.kind === 'promote');
  const attempts = promotions.map((p) => p.attempts ?? 0);
  // They really raced, and some lost pushes were replayed on the new tip rather than run again.
  expect(Math.max(...attempts)).toBeGreaterThan(1);
  expect(promotions.reduce((a, p) => a + (p.replays ?? 0), 0)).toBeGreaterThan(0);
  const waits = run.outcomes.map((o) => o.waitedMs);
  console.log(
    `20 writers in ${run.elapsedMs} ms; promotion tries: ${attempts.sort((a, b) => a - b).join(' ')}; backoff: max ${Math.max(...waits)} ms, total ${waits.reduce((a, b) => a + b, 0)} ms`,
  );
}, 120_000);
