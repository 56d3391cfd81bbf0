// One concurrent writer for the concurrency test, run as its own process (bundled by the test):
// records its own freight and a freight every writer shares, then promotes its freight into a stage.
import { parseRemote } from '../../src/git/index.js';
import { StateStore } from '../../src/state/index.js';
import { DEFAULT_RACE_RETRY } from '../../src/util/retry.js';
import { makeFreight } from './freight.js';

const [url, cacheDir, indexText, stages] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
];
const index = Number(indexText);
let waited = 0;
const store = new StateStore({
  remote: parseRemote(url),
  cacheDir,
  baseEnv: process.env,
  // Production's backoff, capped at 2 s instead of 30 s: what the test checks is what lands,
  // and a last loser's waits (up to 12 s, with little else left to run) set its length.
  raceRetry: { ...DEFAULT_RACE_RETRY, maxDelayMs: 2_000 },
  retryHooks: { onRetry: (_try, ms) => void (waited += ms) },
});
const own = makeFreight(`1.0.${index}`, {
  createdAt: new Date(Date.UTC(2026, 10, 1, 0, index)).toISOString(),
});
const shared = makeFreight('shared');
const a = await store.recordFreight('echo', own);
const b = await store.recordFreight('echo', shared);
const stage = `s${index % Number(stages)}`;
const p = await store.commitPromotion({
  project: 'echo',
  stage,
  freight: own,
  promotedBy: `writer-${index}`,
});
process.stdout.write(
  JSON.stringify({
    index,
    own: a.created,
    shared: b.created,
    stage,
    commit: p.commit,
    attempts: p.attempts,
    waitedMs: waited,
  }) + '\n',
);
