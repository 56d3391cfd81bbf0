/**
 * Ten promote() calls at once against one repository over smart HTTP with basic auth, each with
 * its own StateStore and cache directory, as ten Actions jobs would run, into five stages that
 * each deploy from a branch of their own, two into each: every promotion lands, none is lost, history stays
 * linear, and every commit's manifests agree with its state file.
 *
 * Promotions into stages that share one branch race harder; that case is the contention test's
 * (test/integration/contention.test.ts), whose writers are promotions like these and discoverers
 * beside them, checked the same way (and more strictly: no commit changes another stage's state).
 */
import { join } from 'node:path';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Freight } from '../../src/freight/types.js';
import { parseRemote, type Remote } from '../../src/git/index.js';
import { loadProjectsFromFiles, type Project } from '../../src/pipeline/index.js';
import { promote, type PromoteOutcome } from '../../src/promotion/promote.js';
import { defaultRegistry } from '../../src/promotion/steps/registry.js';
import { parseStageState, StateStore, stateFilePath } from '../../src/state/index.js';
import { DEFAULT_RACE_RETRY } from '../../src/util/retry.js';
import { makeFreight } from '../support/freight.js';
import { projectFile, stageName, VALUES, valuesPath } from '../support/contention.js';
import { startGitHttpServer, type GitHttpServer } from '../support/git-server.js';
import {
  createBareRepo,
  git,
  nonFastForwards,
  readBlobs,
  tempDir,
  testGitEnv,
} from '../support/repos.js';

const STAGES = 5;
// Two promotions race on each branch. Four did, at twice the cost: with two, a lost race taken for
// a landed push (src/state/transaction.ts answering PUSH_RACE with result(b), mutated for the
// check, not committed) still failed this test in 10 runs of 10.
const PER_STAGE = 2;
const JOBS = STAGES * PER_STAGE;
const AUTH = { username: 'gantry-bot', password: 's3cret-token' };
interface Job {
  index: number;
  stage: string;
  freight: Freight;
  outcome: PromoteOutcome;
}

/**
 * The new commits on `branch` since `from`, oldest last, each checked: its state file names the
 * freight its trailer names, and every stage's manifests run the freight its state file names.
 * One log and one cat-file for all of them.
 */
function checkCommits(
  bare: string,
  from: string,
  branch: string,
): { sha: string; parents: string[]; stage: string; freight: string }[] {
  const log = git(bare, [
    'log',
    '--format=%H %P%x1f%(trailers:key=Gantry-Stage,valueonly)%x1f%(trailers:key=Gantry-Freight,valueonly)%x1e',
    `${from}..${branch}`,
  ])
    .split('\x1e')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [line = '', stage = '', freight = ''] = entry.split('\x1f');
      const [sha = '', ...parents] = line.split(' ');
      return { sha, parents, stage: stage.trim(), freight: freight.trim() };
    });
  const perCommit = 1 + 2 * STAGES;
  const files = readBlobs(
    bare,
    log.flatMap(({ sha: commit, stage }) => [
      `${commit}:${stateFilePath('echo', stage)}`,
      ...Array.from({ length: STAGES }, (_, s) => [
        `${commit}:${stateFilePath('echo', stageName(s))}`,
        `${commit}:${valuesPath(s)}`,
      ]).flat(),
    ]),
  );
  log.forEach(({ sha: commit, stage, freight: freightId }, i) => {
    const [own, ...perStage] = files.slice(i * perCommit, (i + 1) * perCommit);
    expect(own, `${stateFilePath('echo', stage)} at ${commit}`).toBeDefined();
    const state = parseStageState(own as string, `${commit}:${stage}`);
    expect(
      state.freight.map((f) => f.id),
      `state of ${stage} at ${commit}`,
    ).toEqual([freightId]);
    // Every stage promoted so far at this commit: its manifests run the freight its state names.
    for (let s = 0; s < STAGES; s++) {
      const path = stateFilePath('echo', stageName(s));
      const stateText = perStage[2 * s];
      const valuesText = perStage[2 * s + 1];
      expect(valuesText, `${valuesPath(s)} at ${commit}`).toBeDefined();
      const values = YAML.parse(valuesText as string) as { image: { tag: string } };
      if (stateText === undefined) {
        expect(values.image.tag, `${valuesPath(s)} at ${commit}`).toBe('0.1.0');
        continue;
      }
      const st = parseStageState(stateText, `${commit}:${path}`);
      expect(values.image.tag, `${valuesPath(s)} at ${commit}`).toBe(st.freight[0]?.images[0]?.tag);
    }
  });
  return log;
}

const freight = Array.from({ length: JOBS }, (_, i) =>
  makeFreight(`1.${i % STAGES}.${i}`, {
    createdAt: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
  }),
);
const shared = tempDir('gantry-promote-race-freight-');
afterAll(() => shared.cleanup());
let recorded: Promise<string> | undefined;
/**
 * The freight both cases promote, recorded once by the store's own code (file://) into a
 * repository of its own: each case fetches its tags and index, the same refs and objects the
 * recorder would write into it again.
 */
function recordedFreight(): Promise<string> {
  recorded ??= (async () => {
    const bare = createBareRepo(shared.path, 'freight', { 'README.md': 'freight\n' });
    const recorder = new StateStore({
      remote: parseRemote(`file://${bare}`),
      cacheDir: join(shared.path, 'recorder'),
      baseEnv: testGitEnv(shared.path),
    });
    await Promise.all(freight.map((f) => recorder.recordFreight('echo', f)));
    return bare;
  })();
  return recorded;
}

describe(`${JOBS} concurrent promote() calls over HTTP with basic auth: a branch per stage`, () => {
  const tmp = tempDir('gantry-promote-race-');
  const env = testGitEnv(tmp.path);
  let bare: string;
  let server: GitHttpServer;
  let remote: Remote;
  const branchOf = (s: number) => `stage/${stageName(s)}`;
  const before = new Map<string, string>();

  beforeAll(async () => {
    const files: Record<string, string> = {
      '.gantry/echo.yaml': projectFile(STAGES, true),
    };
    for (let s = 0; s < STAGES; s++) files[valuesPath(s)] = VALUES;
    bare = createBareRepo(
      tmp.path,
      'gitops',
      files,
      Array.from({ length: STAGES }, (_, s) => branchOf(s)),
    );
    git(bare, ['config', 'core.logAllRefUpdates', 'always']);
    for (let s = 0; s < STAGES; s++)
      before.set(branchOf(s), git(bare, ['rev-parse', branchOf(s)]).trim());
    server = await startGitHttpServer({ root: tmp.path, auth: AUTH });
    remote = parseRemote(`${server.url}/gitops.git`, { kind: 'basic', ...AUTH });
    // The freight is recorded by the store's own code, not over HTTP: the promotions' race over
    // HTTP is what this is about, not the server's work for the setup.
    git(bare, [
      'fetch',
      '-q',
      await recordedFreight(),
      'refs/tags/gantry/echo/*:refs/tags/gantry/echo/*',
      'refs/gantry/echo/*:refs/gantry/echo/*',
    ]);
  });
  afterAll(async () => {
    await server?.close();
    tmp.cleanup();
  });

  // Cold caches racing over HTTP (twenty of them): on a machine loaded by other work (load 16) this took over
  // 120 s, so the limit is what a hung run would pass, not what a slow one does.
  test('all land, none lost, history linear, manifests agree with state', async () => {
    const started = Date.now();
    /** Each job's backoff waits, in ms: time it spent idle, for the log. */
    const waited = freight.map(() => 0);
    const jobs = await Promise.all(
      freight.map(async (f, index): Promise<Job> => {
        // A job of its own: its own cache, its own store, the project read from the remote.
        const store = new StateStore({
          remote,
          cacheDir: join(tmp.path, `job-${index}`),
          baseEnv: env,
          // Production's backoff (full jitter from 250 ms, doubling), capped at 4 s instead of
          // 30 s: what is checked is that every promotion lands, and the last losers' waits set
          // how long the case took.
          raceRetry: { ...DEFAULT_RACE_RETRY, maxDelayMs: 4_000 },
          retryHooks: { onRetry: (_try, ms) => void (waited[index] = (waited[index] ?? 0) + ms) },
        });
        const { projects, problems } = await loadProjectsFromFiles(await store.projectFiles());
        expect(problems).toEqual([]);
        const stage = stageName(index % STAGES);
        const outcome = await promote({
          project: projects[0] as Project,
          stage,
          freight: f.id,
          store,
          registry: defaultRegistry(),
          dryRun: false,
          promotedBy: `job-${index}`,
          run: `https://github.com/acme/gitops/actions/runs/${1000 + index}`,
          clock: () => new Date(),
          fetch,
          log: () => undefined,
        });
        return { index, stage, freight: f, outcome };
      }),
    );
    const elapsed = Date.now() - started;

    // Every call committed and pushed its own promotion.
    for (const j of jobs) {
      expect(j.outcome.freight?.id, `job ${j.index}`).toBe(j.freight.id);
      expect(j.outcome.result?.changed, `job ${j.index}`).toBe(true);
      expect(j.outcome.result?.commit, `job ${j.index}`).toMatch(/^[0-9a-f]{40}$/);
    }
    const commits = new Set(jobs.map((j) => j.outcome.result?.commit));
    expect(commits.size).toBe(JOBS);

    const branches = [...new Set(Array.from({ length: STAGES }, (_, s) => branchOf(s)))];
    const landed = new Map<string, { stage: string; freight: string }>();
    for (const branch of branches) {
      // Linear: no merge commit anywhere on the branch, and each new commit has one parent.
      expect(git(bare, ['rev-list', '--merges', branch]).trim()).toBe('');
      const log = checkCommits(bare, before.get(branch) as string, branch);
      expect(log.every((c) => c.parents.length === 1)).toBe(true);
      const expected = jobs.filter((j) => branchOf(Number(j.stage.slice(1))) === branch);
      expect(log, `promotions on ${branch}`).toHaveLength(expected.length);
      for (const { sha, stage, freight: freightId } of log)
        landed.set(sha, { stage, freight: freightId });
    }
    // Each call's commit is on its branch, naming its stage and freight.
    for (const j of jobs) {
      expect(landed.get(j.outcome.result?.commit as string), `job ${j.index}`).toEqual({
        stage: j.stage,
        freight: j.freight.id,
      });
    }

    for (let s = 0; s < STAGES; s++) {
      const stage = stageName(s);
      const branch = branchOf(s);
      const path = stateFilePath('echo', stage);
      // The state file's history: one entry per promotion into the stage, newest first.
      const history = git(bare, [
        'log',
        '--format=%(trailers:key=Gantry-Freight,valueonly)',
        `${before.get(branch)}..${branch}`,
        '--',
        path,
      ])
        .split('\n')
        .filter(Boolean);
      expect(history, `history of ${path}`).toHaveLength(PER_STAGE);
      expect(new Set(history)).toEqual(
        new Set(jobs.filter((j) => j.stage === stage).map((j) => j.freight.id)),
      );
      // The final state names the freight of the last promotion that landed.
      const final = parseStageState(git(bare, ['show', `${branch}:${path}`]), path);
      expect(final.freight.map((f) => f.id)).toEqual([history[0]]);
      const values = YAML.parse(git(bare, ['show', `${branch}:${valuesPath(s)}`])) as {
        image: { tag: string };
      };
      expect(values.image.tag).toBe(freight.find((f) => f.id === history[0])?.images[0]?.tag);
    }

    // No force-push: every update of each branch in the server's reflog was a fast-forward.
    for (const branch of branches)
      expect(nonFastForwards(bare, `refs/heads/${branch}`), branch).toEqual([]);

    const attempts = jobs.map((j) => j.outcome.result?.attempts ?? 0);
    console.log(
      `${JOBS} promotions (a branch per stage) in ${elapsed} ms; attempts: max ${Math.max(...attempts)}, total ${attempts.reduce((a, b) => a + b, 0)}; backoff: max ${Math.max(...waited)} ms, total ${waited.reduce((a, b) => a + b, 0)} ms`,
    );
  }, 300_000);
});
