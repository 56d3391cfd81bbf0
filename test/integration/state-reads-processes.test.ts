/**
 * What the two views a user opens most run, process by process (the children git starts too,
 * read from git's own trace2 events), and the freight index checked against the tags however
 * they changed behind gantry's back: in the shards a page shows and in the others.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, onTestFinished, test, vi } from 'vitest';
import { parseRemote } from '../../src/git/index.js';
import { freightIndexRef, parseHeadMessage, SHARD_LINES } from '../../src/state/freight-index.js';
import { StateStore } from '../../src/state/index.js';
import { withDirLock } from '../../src/state/lock.js';
import { shallowLock } from '../../src/state/store.js';
import type { Freight } from '../../src/freight/types.js';
import { makeFreight } from '../support/freight.js';
import { manyFreight, writeFreightTags } from '../support/freight-tags.js';
import { startGitHttpServer, type GitHttpServer } from '../support/git-server.js';
import { commitToBare, createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { shWaitUntil } from '../support/rendezvous.js';
import { newestFreightIds, sharedFixture } from '../support/state-fixtures.js';

const noSleep = { sleep: async () => undefined };

function store(
  cacheDir: string,
  url: string,
  extra: Partial<ConstructorParameters<typeof StateStore>[0]> = {},
) {
  return new StateStore({
    remote: parseRemote(url),
    cacheDir,
    baseEnv: testGitEnv(cacheDir),
    clock: () => new Date('2026-11-02T12:00:00Z'),
    retryHooks: noSleep,
    log: () => undefined,
    ...extra,
  });
}

/** The subcommand of each traced git command (`-c key=value` options left out). */
const subcommands = (trace: string[]) =>
  trace.map((l) => l.replace(/^git (-c \S+ )*/, '').split(' ')[0] as string);

/** The subcommands of the processes git itself started, from a trace2 event file. */
function gitChildren(eventFile: string): string[] {
  return readFileSync(eventFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { event: string; argv?: string[] })
    .filter((e) => e.event === 'child_start' && e.argv)
    .map((e) => {
      const argv = (e.argv ?? []).filter((a, i, all) => a !== '-c' && all[i - 1] !== '-c');
      // `git --shallow-file <f> pack-objects`: the subcommand after git's own options.
      const at = argv.findIndex(
        (a, i) => i > 0 && !a.startsWith('-') && argv[i - 1] !== '--shallow-file',
      );
      return (argv[0] === 'git' || argv[0]?.endsWith('/git') ? argv[at] : argv[0]) ?? '';
    });
}

/** The tag objects a cache directory's tag repository holds: what a read fetched. */
function tagObjects(cacheDir: string): number {
  const repo = readdirSync(cacheDir).find((n) => n.endsWith('-tags.git'));
  if (!repo) return 0;
  const out = execFileSync(
    'git',
    ['cat-file', '--batch-all-objects', '--batch-check=%(objecttype)'],
    { cwd: join(cacheDir, repo), encoding: 'utf8' },
  );
  return out.split('\n').filter((t) => t === 'tag').length;
}

// Two shards of freight (a page shows the newer, and never reads the older), a promotion of
// dev with its verification, and the index the first page wrote: built once, copied for each
// describe below that starts from it.
const twoShards = manyFreight(SHARD_LINES + 100);
const twoShardsFixture = sharedFixture(async (dir) => {
  const bare = createBareRepo(dir, 'gitops', { '.gantry/echo.yaml': 'project: echo\n' });
  const url = `file://${bare}`;
  writeFreightTags(bare, 'echo', twoShards);
  const w = store(`${dir}-writer`, url);
  await w.commitPromotion({
    project: 'echo',
    stage: 'dev',
    freight: twoShards[3]!,
    promotedBy: 'a',
  });
  await w.recordVerification({
    project: 'echo',
    stage: 'dev',
    freightId: twoShards[3]!.id,
    alias: twoShards[3]!.alias,
    verifiedAt: '2026-11-02T12:00:00.000Z',
    verifiedBy: 'ci',
  });
  // The first page writes the index.
  await store(`${dir}-first`, url).freightPage('echo', { limit: 1 });
});
afterAll(() => twoShardsFixture.cleanup());

describe('the processes of a cold view', () => {
  const tmp = tempDir();
  let bare: string;
  let url: string;
  const old = twoShards;
  beforeAll(async () => {
    await twoShardsFixture.copyTo(tmp.path);
    bare = join(tmp.path, 'gitops.git');
    url = `file://${bare}`;
  });
  afterAll(() => tmp.cleanup());

  test('get stages: three fetches and three local reads, and no connectivity rev-list over the tags', async () => {
    const cache = join(tmp.path, 'c-stages');
    const events = join(tmp.path, 'stages.trace2.json');
    const trace: string[] = [];
    const r = store(cache, url, {
      baseEnv: { ...testGitEnv(cache), GIT_TRACE2_EVENT: events },
      trace: (l) => trace.push(l),
    });
    await r.projectFiles();
    const states = await r.stageStates('echo', [{ name: 'dev' }, { name: 'prod' }]);
    const snap = await r.stageRecords('echo', states);
    expect(snap.freight.map((f) => f.id)).toEqual([old[3]!.id]);
    expect(snap.verifications.map((v) => v.freightId)).toEqual([old[3]!.id]);
    expect(subcommands(trace)).toEqual([
      'fetch', // HEAD: names the default branch, brings its trees
      'ls-tree', // the project directory
      'fetch', // the project file and the stage states, by blob ID
      'cat-file', // read
      'fetch', // the tags of the freight the stages run, by name
      'for-each-ref', // their refs and objects in one read
    ]);
    // The tags come as a promisor pack: no rev-list over them, no loose objects to write.
    const children = gitChildren(events);
    expect(children.filter((c) => c === 'rev-list' || c === 'unpack-objects')).toEqual([]);
    // Only that fetch saw the remote as a promisor: the tag cache's config does not say so, or
    // asking it which objects it lacks would fetch each one.
    const tagsCache = readdirSync(cache).find((n) => n.endsWith('-tags.git'))!;
    expect(readFileSync(join(cache, tagsCache, 'config'), 'utf8')).not.toMatch(
      /promisor|partialclone/i,
    );
  });

  test('get stages asked for ahead: the tags are fetched as soon as the state files are read, before the stages are', async () => {
    const trace: string[] = [];
    const r = store(join(tmp.path, 'c-stages-ahead'), url, { trace: (l) => trace.push(l) });
    r.fetchStageRecordsAhead();
    await r.projectFiles();
    // Nobody asked for the stages yet, and their tags are fetched.
    await vi.waitFor(() => expect(trace.filter((l) => l.includes('-tags.git'))).toHaveLength(1));
    const before = trace.length;
    const states = await r.stageStates('echo', [{ name: 'dev' }, { name: 'prod' }]);
    const snap = await r.stageRecords('echo', states);
    expect(snap.freight.map((f) => f.id)).toEqual([old[3]!.id]);
    expect(snap.verifications.map((v) => v.freightId)).toEqual([old[3]!.id]);
    // The stages' reads add the listing of the fetched tags and nothing else.
    expect(subcommands(trace.slice(before))).toEqual(['for-each-ref']);
    // The six of a cold view, and the read of the states' blobs the first fetch brought by
    // their stage state refs (beside the listing of the project directory).
    expect(subcommands(trace)).toHaveLength(7);

    // Once: a later read of the stages (after a write, say) fetches afresh.
    const again = trace.length;
    await r.stageRecords('echo', states);
    expect(subcommands(trace.slice(again))).toEqual(['fetch', 'for-each-ref']);
  });

  test("the stages' tags fetched ahead do not wait for the JavaScript that runs meanwhile (no refspecs on stdin)", async () => {
    const cache = join(tmp.path, 'c-stages-busy');
    const events = join(tmp.path, 'stages-busy.trace2.json');
    const r = store(cache, url, { baseEnv: { ...testGitEnv(cache), GIT_TRACE2_EVENT: events } });
    r.fetchStageRecordsAhead();
    await r.projectFiles();
    // The project files are handed out while the fetch runs: parsing them keeps this thread
    // busy. Here it is blocked until git's own trace says the fetch ended (asleep between looks,
    // not spinning): git's stdin would get its end only after the thread is free, so a fetch
    // that waited for it would never end meanwhile.
    const fetchExit = () => {
      const lines = readFileSync(events, 'utf8')
        .split('\n')
        .flatMap((l) => {
          try {
            return [JSON.parse(l) as { event: string; sid: string; time: string; argv?: string[] }];
          } catch {
            return []; // a line git is still writing
          }
        });
      const fetch = lines.find(
        (e) => e.event === 'start' && e.argv?.includes('remote.origin.partialclonefilter=tree:0'),
      );
      return lines.find((e) => e.event === 'exit' && e.sid === fetch?.sid);
    };
    const nap = new Int32Array(new SharedArrayBuffer(4));
    const giveUp = Date.now() + 10_000;
    let exit = fetchExit();
    while (!exit && Date.now() < giveUp) {
      Atomics.wait(nap, 0, 0, 20);
      exit = fetchExit();
    }
    const released = Date.now();
    const states = await r.stageStates('echo', [{ name: 'dev' }]);
    expect((await r.stageRecords('echo', states)).freight.map((f) => f.id)).toEqual([old[3]!.id]);
    expect(exit).toBeDefined();
    expect(Date.parse(exit!.time)).toBeLessThan(released);
  });

  test('the first fetch started ahead: resolved once its git runs (not once it ends), read by the rest without another', async () => {
    // A git whose fetches log when they start and end, and are held at their start: the first
    // until this test has looked (after the promise resolved), each later one until the other of
    // its round has started too. What ended before the promise resolved shows, and the second
    // round's two fetches run at the same time by construction, not by a sleep long enough.
    const bin = join(tmp.path, 'slow-fetch');
    mkdirSync(bin, { recursive: true });
    const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    const log = join(tmp.path, 'slow-fetch.log');
    const looked = join(tmp.path, 'slow-fetch.looked');
    const starts = `$(grep -c '^start' ${log})`;
    writeFileSync(
      join(bin, 'git'),
      [
        '#!/bin/sh',
        'case " $* " in *" fetch "*)',
        `  echo "start $$ $(date +%s%N)" >>${log}`,
        `  if [ ${starts} -eq 1 ]; then`,
        `    ${shWaitUntil(`[ -e ${looked} ]`, log, 'the test to look')}`,
        '  else',
        `    ${shWaitUntil(`[ ${starts} -ge 3 ]`, log, 'the other fetch of the round')}`,
        '  fi',
        `  ${real} "$@"; rc=$?`,
        `  echo "end $$ $(date +%s%N)" >>${log}; exit $rc;;`,
        'esac',
        `exec ${real} "$@"`,
        '',
      ].join('\n'),
    );
    chmodSync(join(bin, 'git'), 0o755);
    const cache = join(tmp.path, 'c-head-ahead');
    const env = testGitEnv(cache);
    const trace: string[] = [];
    const r = store(cache, url, {
      baseEnv: { ...env, PATH: `${bin}:${env.PATH}` },
      trace: (l) => trace.push(l),
    });
    r.fetchStageRecordsAhead();
    await r.defaultBranchAhead();
    // Started, not finished: the fetch is held until this look, so no git has ended yet.
    expect(trace).toEqual([]);
    writeFileSync(looked, '');
    // The stages' reads take that fetch; the stage state refs it brought name the states, so
    // the stages' tags are fetched beside the project file's blob: two rounds, not three.
    await r.projectFiles();
    const states = await r.stageStates('echo', [{ name: 'dev' }, { name: 'prod' }]);
    expect((await r.stageRecords('echo', states)).freight.map((f) => f.id)).toEqual([old[3]!.id]);
    const cmds = subcommands(trace);
    expect(cmds[0]).toBe('fetch');
    expect(trace[0]).toContain('+HEAD:');
    expect(trace[0]).toContain('+refs/gantry/*/state:refs/gantry-state/*/state');
    // The directory's listing and the states' blobs, read at once.
    expect(cmds.slice(1, 3).sort()).toEqual(['cat-file', 'ls-tree']);
    expect(cmds.slice(3).sort()).toEqual(['cat-file', 'fetch', 'fetch', 'for-each-ref']);
    // The second round: the project file's blob and the stages' tags, fetched at the same time.
    const spans = readFileSync(log, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(' '));
    // No fetch gave up waiting: a wait that ran out is a rendezvous that never happened.
    expect(spans.filter((x) => x[0] === 'timeout')).toEqual([]);
    const at = (what: string, pid: string) =>
      Number(spans.find((x) => x[0] === what && x[1] === pid)?.[2]);
    const pids = spans.filter((x) => x[0] === 'start').map((x) => x[1] as string);
    expect(pids).toHaveLength(3);
    const [, a, b] = pids.sort((x, y) => at('start', x) - at('start', y)) as string[];
    expect(at('start', b!)).toBeLessThan(at('end', a!));
    expect(at('start', a!)).toBeLessThan(at('end', b!));

    // A remote that is not there: the promise resolves all the same, and the read reports that
    // failure without trying (and retrying) again.
    const goneTrace: string[] = [];
    const gone = store(join(tmp.path, 'c-head-gone'), `file://${join(tmp.path, 'nowhere.git')}`, {
      trace: (l) => goneTrace.push(l),
    });
    await gone.defaultBranchAhead();
    await gone.defaultBranch().catch(() => undefined);
    const tried = goneTrace.length;
    expect(tried).toBeGreaterThan(0);
    await expect(gone.projectFiles()).rejects.toThrow(/nowhere\.git/);
    expect(goneTrace).toHaveLength(tried);
  });

  test("the page's listing runs outside any repository: a work tree around the cache does not bend it", async () => {
    // A work tree whose config would send every file:// URL nowhere, with the cache inside it.
    const tree = join(tmp.path, 'around');
    git(tmp.path, ['init', '-q', tree]);
    git(tree, ['config', 'url.file:///nowhere/.insteadOf', 'file://']);
    const trace: string[] = [];
    const cacheDir = join(tree, 'cache');
    const r = store(cacheDir, url, { trace: (l) => trace.push(l) });
    r.listTagsAhead('echo', { peeled: false });
    const page = await r.freightPage('echo', { limit: 2 });
    expect(page.total).toBe(old.length);
    expect(trace.filter((l) => l.startsWith('git ls-remote'))).toEqual([
      expect.stringContaining(`(${cacheDir}) exit 0`),
    ]);
  });

  test('a page of freight: its index and newest shard are read with the project files, its tags while the tag listing runs', async () => {
    // A git whose ls-remote says when it ended, and is held until the page's tag fetch has
    // started (objects by ID, without a filter: see below): a page that waited for the listing
    // before fetching its tags never releases it, and the wait's bound ends it with the fetch
    // after the listing.
    const bin = join(tmp.path, 'slow-git');
    mkdirSync(bin, { recursive: true });
    const log = join(tmp.path, 'slow-git.log');
    const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    const tagFetchStarted = `grep '^start -c fetch.negotiationAlgorithm=noop' ${log} | grep -qv -- --filter`;
    writeFileSync(
      join(bin, 'git'),
      [
        '#!/bin/sh',
        `echo "start $*" >> ${log}`,
        'case "$1" in ls-remote)',
        `  ${shWaitUntil(tagFetchStarted, log, 'the tag fetch')}`,
        `  ${real} "$@"; rc=$?; echo "end ls-remote" >> ${log}; exit $rc;;`,
        'esac',
        `exec ${real} "$@"`,
        '',
      ].join('\n'),
    );
    chmodSync(join(bin, 'git'), 0o755);
    const cache = join(tmp.path, 'c-page');
    const env = testGitEnv(cache);
    const trace: string[] = [];
    const r = store(cache, url, {
      baseEnv: { ...env, PATH: `${bin}:${env.PATH}` },
      trace: (l) => trace.push(l),
    });
    // As `gantry get freight` asks for them.
    r.listTagsAhead();
    r.fetchIndexesAhead({ limit: 5 });
    await r.projectFiles();
    const page = await r.freightPage('echo', { limit: 5 });
    expect(page.snap.freight.map((f) => f.id)).toEqual(
      [...old]
        .reverse()
        .slice(0, 5)
        .map((f) => f.id),
    );
    expect(page.total).toBe(old.length);
    expect(tagObjects(cache)).toBe(5);
    expect(subcommands(trace).sort()).toEqual(
      [
        'fetch', // HEAD with every freight index
        'ls-tree', // the project directory, and beside it
        'cat-file', // the index commit and tree, which the HEAD fetch brought
        'fetch', // the project files and the index's newest shard
        'cat-file',
        'ls-remote', // the tags, to check the index against
        'fetch', // the page's freight tags, by the IDs in the index
        'cat-file',
      ].sort(),
    );
    // The shard came with the project files: one blob fetch in all.
    expect(trace.filter((l) => l.includes('--filter=blob:none -- '))).toHaveLength(1);
    const lines = readFileSync(log, 'utf8').split('\n');
    expect(lines.filter((l) => l.startsWith('timeout'))).toEqual([]);
    const listed = lines.indexOf('end ls-remote');
    const tagsCache = readdirSync(cache).find((n) => n.endsWith('-tags.git'))!;
    // The page's tags were fetched before the listing ended (the wrapper does not know its
    // directory, so the fetch is known by its arguments: objects by ID, without a filter).
    const tagFetch = lines.findIndex(
      (l) => l.startsWith('start -c fetch.negotiationAlgorithm=noop') && !l.includes('--filter'),
    );
    expect(tagsCache).toBeDefined();
    expect(tagFetch).toBeGreaterThan(-1);
    expect(tagFetch).toBeLessThan(listed);
  });
});

describe('an index that no longer matches the tags', () => {
  const tmp = tempDir();
  let bare: string;
  let url: string;
  // Two shards: the page shows the newer; the older it never reads.
  const old = twoShards;
  let n = 0;
  beforeAll(async () => {
    await twoShardsFixture.copyTo(tmp.path);
    bare = join(tmp.path, 'gitops.git');
    url = `file://${bare}`;
  });
  afterAll(() => tmp.cleanup());

  const freightRef = (f: Freight) => `refs/tags/gantry/echo/freight/${f.id}`;
  const tags = () =>
    git(bare, ['for-each-ref', '--format=%(refname)', 'refs/tags/gantry/echo/freight/'])
      .split('\n')
      .filter(Boolean);
  const head = () =>
    parseHeadMessage(
      execFileSync('git', ['cat-file', 'commit', freightIndexRef('echo')], {
        cwd: bare,
        encoding: 'utf8',
      }),
    );
  /** The newest freight as the tags say, read from the tags themselves (no index). */
  const newest = (k: number) => newestFreightIds(bare, 'echo', k);

  /** A page from a cold cache after `change`: the tags decide it, and the index is repaired. */
  async function pageAfter(change: () => void) {
    change();
    const stale = head();
    const expected = newest(5);
    const page = await store(join(tmp.path, `c-${++n}`), url).freightPage('echo', { limit: 5 });
    expect(page.snap.freight.map((f) => f.id)).toEqual(expected);
    expect(page.total).toBe(tags().length);
    // Repaired: the index counts the tags again, and a next reader reads only its page.
    expect(head()).not.toEqual(stale);
    expect(head()?.count).toBe(tags().length);
    const cache = join(tmp.path, `c-${++n}`);
    const next = await store(cache, url).freightPage('echo', { limit: 5 });
    expect(next.snap.freight.map((f) => f.id)).toEqual(expected);
    expect(tagObjects(cache)).toBe(5);
    return expected;
  }

  test('a tag added in a shard the page does not show', async () => {
    const added = makeFreight('0.0.1', { createdAt: '2025-06-01T00:00:00.000Z' });
    await pageAfter(() => writeFreightTags(bare, 'echo', [added]));
  });

  test('a tag deleted from a shard the page does not show', async () => {
    await pageAfter(() => git(bare, ['update-ref', '-d', freightRef(old[7]!)]));
  });

  test('a tag deleted and another added in old shards: the count is the same, the XOR is not', async () => {
    const added = makeFreight('0.0.2', { createdAt: '2025-06-02T00:00:00.000Z' });
    const before = tags().length;
    await pageAfter(() => {
      git(bare, ['update-ref', '-d', freightRef(old[20]!)]);
      writeFreightTags(bare, 'echo', [added]);
    });
    expect(tags()).toHaveLength(before);
  });

  test('a tag added to the shard the page shows, newer than every indexed one', async () => {
    const added = makeFreight('9.0.0', { createdAt: '2027-01-01T00:00:00.000Z' });
    expect((await pageAfter(() => writeFreightTags(bare, 'echo', [added])))[0]).toBe(added.id);
  });

  test('a tag deleted from the page itself', async () => {
    const shown = newest(5);
    const gone = shown[1]!;
    const page = await pageAfter(() =>
      git(bare, ['update-ref', '-d', `refs/tags/gantry/echo/freight/${gone}`]),
    );
    expect(page).not.toContain(gone);
    expect(page.slice(0, 4)).toEqual(shown.filter((id) => id !== gone));
  });
});

const unpeeledFreight = manyFreight(SHARD_LINES + 40);
/** The repository of the describes below, with its freight index built by a first page. */
const unpeeledFixture = sharedFixture(async (dir) => {
  const bare = createBareRepo(dir, 'gitops', { '.gantry/echo.yaml': 'project: echo\n' });
  // History a lightweight tag's commit would drag along if it were fetched whole.
  for (let i = 0; i < 5; i++)
    commitToBare(bare, 'main', { [`file-${i}.txt`]: `${i}\n` }, `commit ${i}`);
  writeFreightTags(bare, 'echo', unpeeledFreight);
  await store(`${dir}-cache`, `file://${bare}`).freightPage('echo', { limit: 1 });
});
afterAll(() => unpeeledFixture.cleanup());

/**
 * A page lists the tags without git's peeled lines (`ls-remote --refs`), so the index check
 * counts every ref under a freight name, lightweight tags too, and reads the page's other tags
 * without knowing their kind. Over both transports.
 */
describe.each(['file', 'http'] as const)(
  'the index check without peeled lines, over %s',
  (kind) => {
    const tmp = tempDir();
    const password = 'refs-only-5521';
    let bare: string;
    let server: GitHttpServer | undefined;
    let n = 0;
    const old = unpeeledFreight;
    const make = (dir: string, extra: Partial<ConstructorParameters<typeof StateStore>[0]> = {}) =>
      new StateStore({
        remote:
          kind === 'http'
            ? parseRemote(`${server?.url}/gitops.git`, { kind: 'basic', username: 'bot', password })
            : parseRemote(`file://${bare}`),
        cacheDir: join(tmp.path, dir),
        baseEnv: testGitEnv(tmp.path),
        clock: () => new Date('2026-11-02T12:00:00Z'),
        retryHooks: noSleep,
        log: () => undefined,
        ...extra,
      });
    beforeAll(async () => {
      // The same repository and index over both transports: built once, copied for each.
      await unpeeledFixture.copyTo(tmp.path);
      bare = join(tmp.path, 'gitops.git');
      if (kind === 'http')
        server = await startGitHttpServer({ root: tmp.path, auth: { username: 'bot', password } });
    });
    afterAll(async () => {
      await server?.close();
      tmp.cleanup();
    });

    const freightRef = (id: string) => `refs/tags/gantry/echo/freight/${id}`;
    const head = () =>
      parseHeadMessage(
        execFileSync('git', ['cat-file', 'commit', freightIndexRef('echo')], {
          cwd: bare,
          encoding: 'utf8',
        }),
      );
    const freightRefs = () =>
      git(bare, ['for-each-ref', '--format=%(refname)', 'refs/tags/gantry/echo/freight/'])
        .split('\n')
        .filter(Boolean).length;
    /** The objects of each type a cache directory's tag repository holds. */
    const tagCacheTypes = (cacheDir: string) => {
      const repo = readdirSync(cacheDir).find((r) => r.endsWith('-tags.git'))!;
      const out = execFileSync(
        'git',
        ['cat-file', '--batch-all-objects', '--batch-check=%(objecttype)'],
        { cwd: join(cacheDir, repo), encoding: 'utf8' },
      );
      const types: Record<string, number> = {};
      // The empty tree the tags point at comes with them (or is git's own): not counted.
      for (const t of out.split('\n').filter((x) => x && x !== 'tree'))
        types[t] = (types[t] ?? 0) + 1;
      return types;
    };
    const newest = (k: number) => newestFreightIds(bare, 'echo', k);
    /** A cold page, as `gantry get freight` reads it (listing ahead, without peeled lines). */
    async function coldPage(warnings: string[] = [], trace: string[] = []) {
      const cache = `c-${++n}`;
      const r = make(cache, { warn: (l) => warnings.push(l), trace: (l) => trace.push(l) });
      r.listTagsAhead('echo', { peeled: false });
      r.fetchIndexesAhead({ project: 'echo', limit: 5 });
      await r.projectFiles();
      return { page: await r.freightPage('echo', { limit: 5 }), cache: join(tmp.path, cache) };
    }

    test('a lightweight tag under a freight name makes the index stale; the rebuilt one counts it and never shows it', async () => {
      const before = head();
      const id = 'f'.repeat(40);
      git(bare, ['update-ref', freightRef(id), 'refs/heads/main']);
      onTestFinished(() => void git(bare, ['update-ref', '-d', freightRef(id)]));
      const expected = newest(5);
      const warnings: string[] = [];
      const trace: string[] = [];
      const first = await coldPage(warnings, trace);
      expect(first.page.snap.freight.map((f) => f.id)).toEqual(expected);
      // The repair read every tag: from a listing with peeled lines, so the lightweight tag was
      // told apart and not fetched.
      expect(
        trace.filter((l) => l.startsWith('git ls-remote')).map((l) => l.split(' ')[3]),
      ).toEqual(['--refs', kind === 'http' ? `${server?.url}/gitops.git` : `file://${bare}`]);
      expect(warnings.join('\n')).toContain(`gantry/echo/freight/${id}: it is a lightweight tag`);
      expect(head()).not.toEqual(before);
      expect(head()?.count).toBe(freightRefs());
      expect(freightRefs()).toBe(old.length + 1);
      // Listed without a time (so with the oldest): counted, never shown.
      const shard = git(bare, ['cat-file', '-p', `${freightIndexRef('echo')}:000000`]);
      expect(shard).toContain(`\t${id}\t${git(bare, ['rev-parse', 'refs/heads/main']).trim()}\t`);

      // The next cold page takes the index: five tag objects, no commit.
      const next = await coldPage();
      expect(next.page.snap.freight.map((f) => f.id)).toEqual(expected);
      expect(next.page.total).toBe(old.length + 1);
      expect(tagCacheTypes(next.cache)).toEqual({ tag: 5 });
    });

    test('a tag replaced on the page itself (same name, another tag object): the page shows the new one', async () => {
      const shown = newest(5);
      const target = old.find((f) => f.id === shown[0])!;
      const replaced = { ...target, alias: 'replaced-by-hand' };
      const stale = head();
      git(bare, ['update-ref', '-d', freightRef(target.id)]);
      writeFreightTags(bare, 'echo', [replaced]);
      expect(freightRefs()).toBe(old.length);
      const { page } = await coldPage();
      expect(page.snap.freight[0]?.alias).toBe('replaced-by-hand');
      expect(head()).not.toEqual(stale);
      expect(head()?.count).toBe(old.length);
      const next = await coldPage();
      expect(next.page.snap.freight[0]?.alias).toBe('replaced-by-hand');
      expect(tagCacheTypes(next.cache)).toEqual({ tag: 5 });
    });

    test("a lightweight verification of a freight on the page is read as no tag, without its commit's history", async () => {
      const shown = newest(5);
      const name = `refs/tags/gantry/echo/verified/dev/${shown[0]}`;
      git(bare, ['update-ref', name, 'refs/heads/main']);
      try {
        const warnings: string[] = [];
        const { page, cache } = await coldPage(warnings);
        expect(page.snap.freight.map((f) => f.id)).toEqual(shown);
        expect(page.snap.verifications).toEqual([]);
        expect(warnings).toEqual([
          expect.stringContaining(`gantry/echo/verified/dev/${shown[0]}: it is a lightweight tag`),
        ]);
        // Its commit came one deep and without its tree: none of the five commits before it.
        expect(tagCacheTypes(cache)).toEqual({ tag: 5, commit: 1 });

        // That fetch takes the tag cache's shallow.lock: it waits for another gantry process's.
        const dir = join(tmp.path, `c-${++n}`);
        const tags = () =>
          join(
            dir,
            readdirSync(dir).find((r) => r.endsWith('-tags.git'))!,
          );
        await make(`c-${n}`).projectFiles();
        const r = make(`c-${n}`, { warn: () => undefined });
        let released = 0;
        let read: Promise<unknown> | undefined;
        await withDirLock(shallowLock(tags()), async () => {
          read = r.freightPage('echo', { limit: 5 });
          // Held until the read waits at the lock: a waiter makes its claim (the lock's
          // `.lock.new-<pid>` directory) before it tries the lock, and cannot pass it while this
          // test holds it. A read that took no lock never makes one, and this wait fails.
          const lock = `${basename(shallowLock(tags()))}.lock.new-`;
          await vi.waitFor(
            () =>
              expect(
                readdirSync(dir).some((e) => e.startsWith(lock)),
                'a waiter',
              ).toBe(true),
            { timeout: 15_000, interval: 10 },
          );
          expect(readdirSync(tags())).not.toContain('shallow');
          released = Date.now();
        });
        await read;
        expect(released).toBeGreaterThan(0);
        expect(readdirSync(tags())).toContain('shallow');
      } finally {
        git(bare, ['update-ref', '-d', name]);
      }
    });
  },
);
