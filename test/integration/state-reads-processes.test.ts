/**
 * What the two views a user opens most run, process by process (the children git starts too,
 * read from git's own trace2 events), and the freight index checked against the tags however
 * they changed behind gantry's back: in the shards a page shows and in the others.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { parseRemote } from '../../src/git/index.js';
import { freightIndexRef, parseHeadMessage, SHARD_LINES } from '../../src/state/freight-index.js';
import { StateStore } from '../../src/state/index.js';
import type { Freight } from '../../src/freight/types.js';
import { makeFreight } from '../support/freight.js';
import { manyFreight, writeFreightTags } from '../support/freight-tags.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';

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

describe('the processes of a cold view', () => {
  const tmp = tempDir();
  let bare: string;
  let url: string;
  const old = manyFreight(SHARD_LINES + 100);
  beforeAll(async () => {
    bare = createBareRepo(tmp.path, 'gitops', { '.gantry/echo.yaml': 'project: echo\n' });
    url = `file://${bare}`;
    writeFreightTags(bare, 'echo', old);
    const w = store(join(tmp.path, 'c-writer'), url);
    await w.commitPromotion({ project: 'echo', stage: 'dev', freight: old[3]!, promotedBy: 'a' });
    await w.recordVerification({
      project: 'echo',
      stage: 'dev',
      freightId: old[3]!.id,
      alias: old[3]!.alias,
      verifiedAt: '2026-11-02T12:00:00.000Z',
      verifiedBy: 'ci',
    });
    // The first page writes the index.
    await store(join(tmp.path, 'c-first'), url).freightPage('echo', { limit: 1 });
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
    expect(subcommands(trace)).toHaveLength(6);

    // Once: a later read of the stages (after a write, say) fetches afresh.
    const again = trace.length;
    await r.stageRecords('echo', states);
    expect(subcommands(trace.slice(again))).toEqual(['fetch', 'for-each-ref']);
  });

  test('a page of freight: its index is read with the project files, its shard and its tags while the tag listing runs', async () => {
    // A git whose ls-remote takes seconds and says when it ended: what ran meanwhile shows
    // which reads waited for it.
    const bin = join(tmp.path, 'slow-git');
    mkdirSync(bin, { recursive: true });
    const log = join(tmp.path, 'slow-git.log');
    const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(
      join(bin, 'git'),
      [
        '#!/bin/sh',
        `echo "start $*" >> ${log}`,
        'case "$1" in ls-remote)',
        `  sleep 3; ${real} "$@"; rc=$?; echo "end ls-remote" >> ${log}; exit $rc;;`,
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
    r.fetchIndexesAhead();
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
        'ls-tree',
        'fetch', // the project files
        'cat-file', // and the index commit and tree, which the HEAD fetch brought
        'ls-remote', // the tags, to check the index against
        'fetch', // the newest shard
        'cat-file',
        'fetch', // the page's freight tags, by the IDs in the index
        'cat-file',
      ].sort(),
    );
    const lines = readFileSync(log, 'utf8').split('\n');
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
  const old = manyFreight(SHARD_LINES + 60);
  let n = 0;
  beforeAll(async () => {
    bare = createBareRepo(tmp.path, 'gitops', { '.gantry/echo.yaml': 'project: echo\n' });
    url = `file://${bare}`;
    writeFreightTags(bare, 'echo', old);
    await store(join(tmp.path, 'c-first'), url).freightPage('echo', { limit: 1 });
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
  /** The newest freight as the tags say, read from every tag (no index). */
  const newest = async (k: number) =>
    (await store(join(tmp.path, `c-${++n}`), url).snapshot('echo')).freight
      .slice(0, k)
      .map((f) => f.id);

  /** A page from a cold cache after `change`: the tags decide it, and the index is repaired. */
  async function pageAfter(change: () => void) {
    change();
    const stale = head();
    const expected = await newest(5);
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
    const shown = await newest(5);
    const gone = shown[1]!;
    const page = await pageAfter(() =>
      git(bare, ['update-ref', '-d', `refs/tags/gantry/echo/freight/${gone}`]),
    );
    expect(page).not.toContain(gone);
    expect(page.slice(0, 4)).toEqual(shown.filter((id) => id !== gone));
  });
});
