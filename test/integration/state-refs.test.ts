/**
 * The stage state refs (refs/gantry/<project>/stage/<stage>/state): pushed with each promotion's
 * commit in one atomic push, and read by a cold view of the stages with the default branch's tip
 * only where the tree names the very blob they do. Anything else (a state edited by hand, a
 * repository an older gantry wrote, a stage removed) is read from the tree as before.
 */
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseRemote } from '../../src/git/index.js';
import { StateStore } from '../../src/state/index.js';
import { gitBlobId, stageStateRef } from '../../src/state/refs.js';
import { serializeStageState, toStageFreight } from '../../src/state/stage-state.js';
import { makeFreight } from '../support/freight.js';
import { commitToBare, createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

function store(
  bare: string,
  trace?: string[],
  log: (m: string) => void = () => undefined,
  cacheDir = join(tmp.path, `cache-${n++}`),
) {
  return new StateStore({
    remote: parseRemote(`file://${bare}`),
    cacheDir,
    baseEnv: testGitEnv(cacheDir),
    retryHooks: { sleep: async () => undefined },
    log,
    ...(trace ? { trace: (l: string) => trace.push(l) } : {}),
  });
}

const subcommands = (trace: string[]) =>
  trace.map((l) => l.replace(/^git (-c \S+ )*/, '').split(' ')[0] as string);

/** A cold `get stages -p echo`, as the command runs it: the stages' states and their tags. */
async function coldView(bare: string, stages: string[], trace?: string[], cacheDir?: string) {
  const r = store(bare, trace, undefined, cacheDir);
  r.fetchStageRecordsAhead('echo');
  await r.defaultBranchAhead();
  await r.projectFiles();
  const states = await r.stageStates(
    'echo',
    stages.map((name) => ({ name })),
  );
  const snap = await r.stageRecords('echo', states);
  return {
    running: Object.fromEntries([...states].map(([s, st]) => [s, st?.freight[0]?.id ?? null])),
    freight: snap.freight.map((f) => f.id).sort(),
  };
}

const ref = (bare: string, name: string) =>
  git(bare, ['for-each-ref', '--format=%(objectname)', name]).trim();

describe('stage state refs', () => {
  const f1 = makeFreight('1.0.0', { createdAt: '2026-11-01T10:00:00.000Z' });
  const f2 = makeFreight('2.0.0', { createdAt: '2026-11-01T11:00:00.000Z' });
  let template: string;
  /** A copy of the repository two promotions wrote (dev and prod run f1), for one test. */
  let k = 0;
  const fresh = () => {
    const bare = join(tmp.path, `gitops-${k++}.git`);
    git(tmp.path, ['clone', '-q', '--bare', '--mirror', template, bare]);
    git(bare, ['config', 'uploadpack.allowFilter', 'true']);
    return bare;
  };
  beforeAll(async () => {
    template = createBareRepo(tmp.path, 'template', { '.gantry/echo.yaml': 'project: echo\n' });
    const w = store(template);
    await w.recordFreight('echo', f1);
    await w.recordFreight('echo', f2);
    for (const stage of ['dev', 'prod'])
      await w.commitPromotion({ project: 'echo', stage, freight: f1, promotedBy: 'a' });
  });

  test("a promotion pushes its stage's ref to the state file's blob, computed without git", async () => {
    for (const stage of ['dev', 'prod']) {
      const blob = git(template, ['rev-parse', `main:.gantry/state/echo/${stage}.yaml`]).trim();
      expect(ref(template, stageStateRef('echo', stage))).toBe(blob);
      const text = git(template, ['cat-file', 'blob', blob]);
      expect(gitBlobId(text, 40)).toBe(blob);
    }
    expect(gitBlobId('x', 64)).toHaveLength(64);
  });

  test('a cold view of the stages: their tags fetched beside the project files, two rounds', async () => {
    const bare = fresh();
    const trace: string[] = [];
    const view = await coldView(bare, ['dev', 'prod'], trace);
    expect(view).toEqual({ running: { dev: f1.id, prod: f1.id }, freight: [f1.id] });
    const cmds = subcommands(trace);
    // The tip with the state refs; then the listing and the states' blobs it brought, at once;
    // then the files' blobs and the tags, at once; then each one read.
    expect(cmds[0]).toBe('fetch');
    expect(trace[0]).toContain(
      '+refs/gantry/echo/stage/*/state:refs/gantry-state/echo/stage/*/state',
    );
    expect(cmds.slice(1, 3).sort()).toEqual(['cat-file', 'ls-tree']);
    expect(cmds.slice(3).sort()).toEqual(['cat-file', 'fetch', 'fetch', 'for-each-ref']);
    // The second round's fetches: the tags into the tag cache, the files' blobs into the cache.
    const fetches = trace.slice(3).filter((l) => subcommands([l])[0] === 'fetch');
    expect(fetches.filter((l) => l.includes('-tags.git'))).toHaveLength(1);
  });

  test('a cache kept from an earlier command, whose commits reach the state blobs: no state ref asked for, the view right', async () => {
    // A server leaves out every object a "have" reaches: a state blob asked for by a fetch from a
    // cache holding the commit whose tree has it would never come, and the fetch would fail.
    const bare = fresh();
    const cache = join(tmp.path, `kept-${k}`);
    const first: string[] = [];
    expect((await coldView(bare, ['dev', 'prod'], first, cache)).running).toEqual({
      dev: f1.id,
      prod: f1.id,
    });
    expect(first.join('\n')).toContain('/state:');
    const again: string[] = [];
    expect((await coldView(bare, ['dev', 'prod'], again, cache)).running).toEqual({
      dev: f1.id,
      prod: f1.id,
    });
    expect(again.join('\n')).not.toContain('/state:');
    // A stage's own read (summaries, a promotion) from the same cache.
    const states = await store(bare, undefined, undefined, cache).stageStates('echo', [
      { name: 'dev' },
    ]);
    expect(states.get('dev')?.freight[0]?.id).toBe(f1.id);
  });

  test('a state edited by hand and pushed without its ref: the file is read, not the ref', async () => {
    const bare = fresh();
    const before = ref(bare, stageStateRef('echo', 'dev'));
    const text = serializeStageState({
      project: 'echo',
      stage: 'dev',
      freight: [toStageFreight(f2)],
      promotedAt: '2026-11-02T00:00:00.000Z',
      promotedBy: 'hand',
      approvedBy: [],
    });
    commitToBare(bare, 'main', { '.gantry/state/echo/dev.yaml': text }, 'edited by hand');
    expect(ref(bare, stageStateRef('echo', 'dev'))).toBe(before);
    const trace: string[] = [];
    const view = await coldView(bare, ['dev', 'prod'], trace);
    expect(view).toEqual({ running: { dev: f2.id, prod: f1.id }, freight: [f1.id, f2.id].sort() });
    // Today's three rounds: the tags are asked for once the file is read.
    expect(subcommands(trace).filter((c) => c === 'fetch')).toHaveLength(3);
  });

  test('a repository written by an older gantry (no state refs): the same stages, three rounds', async () => {
    const bare = fresh();
    for (const stage of ['dev', 'prod'])
      git(bare, ['update-ref', '-d', stageStateRef('echo', stage)]);
    const trace: string[] = [];
    const view = await coldView(bare, ['dev', 'prod'], trace);
    expect(view).toEqual({ running: { dev: f1.id, prod: f1.id }, freight: [f1.id] });
    expect(subcommands(trace)).toEqual([
      'fetch',
      'ls-tree',
      'fetch',
      'cat-file',
      'fetch',
      'for-each-ref',
    ]);
  });

  test('the ref of a stage whose state file is gone is ignored', async () => {
    const bare = fresh();
    // A stage removed from the project, its file deleted, its ref left behind.
    git(bare, [
      'update-ref',
      stageStateRef('echo', 'gone'),
      ref(bare, stageStateRef('echo', 'dev')),
    ]);
    const trace: string[] = [];
    const view = await coldView(bare, ['dev', 'prod', 'gone'], trace);
    expect(view).toEqual({
      running: { dev: f1.id, prod: f1.id, gone: null },
      freight: [f1.id],
    });
    expect(subcommands(trace).filter((c) => c === 'fetch')).toHaveLength(3);
  });

  test('a ref to another blob than the tree has, whatever it holds, is not taken', async () => {
    const bare = fresh();
    // The ref says f2 runs in prod; the branch says f1.
    const text = serializeStageState({
      project: 'echo',
      stage: 'prod',
      freight: [toStageFreight(f2)],
      promotedAt: '2026-11-02T00:00:00.000Z',
      promotedBy: 'liar',
      approvedBy: [],
    });
    const blob = git(bare, ['hash-object', '-w', '--stdin'], undefined, text).trim();
    git(bare, ['update-ref', stageStateRef('echo', 'prod'), blob]);
    const view = await coldView(bare, ['dev', 'prod']);
    expect(view).toEqual({ running: { dev: f1.id, prod: f1.id }, freight: [f1.id] });
  });

  test("the freight indexes' reads pass over the state refs, a stage named freight-index's too", async () => {
    const bare = fresh();
    await store(bare).commitPromotion({
      project: 'echo',
      stage: 'freight-index',
      freight: f2,
      promotedBy: 'a',
    });
    expect(ref(bare, stageStateRef('echo', 'freight-index'))).toMatch(/^[0-9a-f]{40}$/);
    // get freight: every project's index fetched with the tip, by the pattern that ends in
    // /freight-index; then a page of it.
    const r = store(bare);
    r.fetchIndexesAhead({ limit: 5 });
    await r.defaultBranchAhead();
    await r.projectFiles();
    const page = await r.freightPage('echo', { limit: 5 });
    expect(page.total).toBe(2);
    expect(page.snap.freight.map((f) => f.id)).toEqual([f2.id, f1.id]);
    // The index written with the next freight is a commit as before.
    await store(bare).recordFreight('echo', makeFreight('3.0.0'));
    expect(git(bare, ['cat-file', '-t', 'refs/gantry/echo/freight-index']).trim()).toBe('commit');
    expect((await coldView(bare, ['dev', 'freight-index'])).running).toEqual({
      dev: f1.id,
      'freight-index': f2.id,
    });
  });

  test("a status's read of the stages (summaries, the dashboard): the state files' blobs come with the tips", async () => {
    const bare = fresh();
    const cacheDir = join(tmp.path, `cache-${n++}`);
    const events = join(cacheDir, 'trace2.json');
    const trace: string[] = [];
    const r = new StateStore({
      remote: parseRemote(`file://${bare}`),
      cacheDir,
      baseEnv: { ...testGitEnv(cacheDir), GIT_TRACE2_EVENT: events },
      trace: (l) => trace.push(l),
    });
    // As a summary reads them after the action's writes: the branch's tip fetched afresh (here
    // named in the project, so no fetch of HEAD names it first).
    const stages = [
      { name: 'dev', branch: 'main' },
      { name: 'prod', branch: 'main' },
    ];
    const states = await r.stageStates('echo', stages);
    const snap = await r.stageRecords('echo', states);
    expect(snap.freight.map((f) => f.id)).toEqual([f1.id]);
    expect(subcommands(trace)).toEqual([
      'fetch', // the tip, and the stage state refs with their blobs
      'for-each-ref', // the tip fetched
      'ls-tree', // the state files' blob IDs in the tip's tree
      'fetch', // those blobs: here already, so git does not reach the remote
      'cat-file',
      'fetch', // the stages' tags
      'for-each-ref',
    ]);
    expect(trace[0]).toContain('+refs/gantry/echo/stage/*/state:');
    // The remote served two requests, not three.
    const served = readFileSync(events, 'utf8')
      .split('\n')
      .filter((l) => l.includes('"event":"child_start"') && l.includes('upload-pack'));
    expect(served).toHaveLength(2);
  });

  test('the push is atomic: a refused branch lands no ref; a refused state ref costs the shortcut, not the promotion', async () => {
    const bare = fresh();
    const hook = join(bare, 'hooks', 'update');
    const tip = git(bare, ['rev-parse', 'main']).trim();
    const dev = ref(bare, stageStateRef('echo', 'dev'));
    // git's per-ref hook refusing the branch: the state ref, which it would take, stays too.
    writeFileSync(hook, '#!/bin/sh\ncase "$1" in refs/heads/*) exit 1;; esac\nexit 0\n');
    chmodSync(hook, 0o755);
    await expect(
      store(bare).commitPromotion({ project: 'echo', stage: 'dev', freight: f2, promotedBy: 'a' }),
    ).rejects.toThrow(/refs\/heads\/main/);
    expect(git(bare, ['rev-parse', 'main']).trim()).toBe(tip);
    expect(ref(bare, stageStateRef('echo', 'dev'))).toBe(dev);

    // Refusing the state ref alone: the promotion lands without it, and says so.
    writeFileSync(hook, '#!/bin/sh\ncase "$1" in refs/gantry/*) exit 1;; esac\nexit 0\n');
    const logs: string[] = [];
    const landed = await store(bare, undefined, (m) => logs.push(m)).commitPromotion({
      project: 'echo',
      stage: 'dev',
      freight: f2,
      promotedBy: 'a',
    });
    expect(landed.commit).toBe(git(bare, ['rev-parse', 'main']).trim());
    expect(ref(bare, stageStateRef('echo', 'dev'))).toBe(dev);
    expect(logs.join('\n')).toMatch(
      /did not take refs\/gantry\/echo\/stage\/dev\/state \(\[remote rejected\] .*hook declined.*\); pushing the promotion without it/,
    );
    // The ref now names an older state than the branch's tree: readers pass it by.
    expect((await coldView(bare, ['dev', 'prod'])).running).toEqual({ dev: f2.id, prod: f1.id });

    // Without the hook the next promotion (dev back to f1) lands with its ref.
    writeFileSync(hook, '#!/bin/sh\nexit 0\n');
    const r = await store(bare).commitPromotion({
      project: 'echo',
      stage: 'dev',
      freight: f1,
      promotedBy: 'a',
    });
    expect(r.commit).toBe(git(bare, ['rev-parse', 'main']).trim());
    expect(ref(bare, stageStateRef('echo', 'dev'))).toBe(
      git(bare, ['rev-parse', 'main:.gantry/state/echo/dev.yaml']).trim(),
    );
    expect((await coldView(bare, ['dev', 'prod'])).running).toEqual({ dev: f1.id, prod: f1.id });
  });
});
