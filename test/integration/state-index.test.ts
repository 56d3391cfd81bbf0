/**
 * Reads that cost what they show, against real git (file:// and authenticated smart HTTP): the
 * stages' view reads only the tags of the freight the stages run; a page of freight reads the
 * freight index and the page's tags; the index is written with the tags in one atomic push,
 * checked against the tags on every read, and rebuilt when it does not match them.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseRemote } from '../../src/git/index.js';
import { StateStore } from '../../src/state/index.js';
import { freightIndexRef, parseHeadMessage, SHARD_LINES } from '../../src/state/freight-index.js';
import { makeFreight } from '../support/freight.js';
import { manyFreight, writeFreightTags } from '../support/freight-tags.js';
import { startGitHttpServer, type GitHttpServer } from '../support/git-server.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { sharedFixture } from '../support/state-fixtures.js';

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
    ...extra,
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

function indexHead(bare: string, project = 'echo') {
  const res = execFileSync('git', ['cat-file', 'commit', freightIndexRef(project)], {
    cwd: bare,
    encoding: 'utf8',
  });
  return parseHeadMessage(res);
}

function freightTagCount(bare: string): number {
  return git(bare, ['for-each-ref', '--format=x', 'refs/tags/gantry/echo/freight/'])
    .split('\n')
    .filter(Boolean).length;
}

// Three shards' worth of freight tags, written by hand (no index yet): built once, copied for
// each describe that starts from them.
const threeShards = manyFreight(SHARD_LINES * 2 + 200);
const threeShardsFixture = sharedFixture((dir) => {
  const bare = createBareRepo(dir, 'gitops', { '.gantry/echo.yaml': 'project: echo\n' });
  writeFreightTags(bare, 'echo', threeShards);
});
afterAll(() => threeShardsFixture.cleanup());

describe('state reads by what they show, over file://', () => {
  const tmp = tempDir();
  let bare: string;
  let url: string;
  const old = threeShards;
  beforeAll(async () => {
    await threeShardsFixture.copyTo(tmp.path);
    bare = join(tmp.path, 'gitops.git');
    url = `file://${bare}`;
  });
  afterAll(() => tmp.cleanup());

  test('the stages view fetches the tags of the freight the stages run, and no other', async () => {
    const s = store(join(tmp.path, 'c-writer'), url);
    const current = old[10]!;
    await s.commitPromotion({ project: 'echo', stage: 'dev', freight: current, promotedBy: 'a' });
    await s.recordVerification({
      project: 'echo',
      stage: 'dev',
      freightId: current.id,
      alias: current.alias,
      verifiedAt: '2026-11-02T12:00:00.000Z',
      verifiedBy: 'ci',
    });
    const cache = join(tmp.path, 'c-stages');
    const trace: string[] = [];
    const r = store(cache, url, { trace: (l) => trace.push(l) });
    const states = await r.stageStates('echo', [{ name: 'dev' }, { name: 'prod' }]);
    const snap = await r.stageRecords('echo', states);
    expect(snap.freight.map((f) => f.id)).toEqual([current.id]);
    expect(snap.verifications).toEqual([
      expect.objectContaining({ stage: 'dev', freightId: current.id }),
    ]);
    // The freight and its verification: 2 of the 1,200 tags.
    expect(tagObjects(cache)).toBe(2);
    // The default branch was named by the fetch of HEAD: no listing of every ref.
    expect(trace.filter((l) => l.startsWith('git ls-remote'))).toEqual([]);
    expect(await r.defaultBranch()).toBe('main');
  });

  test('a cold stages view runs six git processes: the stage states come with the project files, the tags with their listing', async () => {
    // The stage promoted by the test above: dev runs old[10], prod was never promoted.
    const trace: string[] = [];
    const r = store(join(tmp.path, 'c-count'), url, { trace: (l) => trace.push(l) });
    expect((await r.projectFiles()).map((f) => f.file)).toEqual(['.gantry/echo.yaml']);
    const read = trace.length;
    const states = await r.stageStates('echo', [{ name: 'dev' }, { name: 'prod' }]);
    // Both answers were known from the project directory's listing: dev's file, prod's absence.
    expect(trace.slice(read)).toEqual([]);
    expect(states.get('dev')?.freight.map((f) => f.id)).toEqual([old[10]!.id]);
    expect(states.get('prod')).toBeUndefined();
    const snap = await r.stageRecords('echo', states);
    expect(snap.freight.map((f) => f.id)).toEqual([old[10]!.id]);
    // No `git init` (the caches are written as files), no rev-parse/update-ref of the tip the
    // listing named, no presence check of tag objects the same read just fetched.
    const commands = trace.map((l) => l.replace(/ \(.*$/, ''));
    expect(
      commands.filter((c) => /^git (init|rev-parse|update-ref|config)\b|batch-check/.test(c)),
    ).toEqual([]);
    // The tags fetched are listed and read by one for-each-ref: no cat-file in the tag cache.
    expect(trace.filter((l) => /^git cat-file .*-tags\.git\)/.test(l))).toEqual([]);
    expect(commands).toHaveLength(6);

    // Warm: the caches are known configured from their config files, without `git config`.
    const warm: string[] = [];
    await store(join(tmp.path, 'c-count'), url, { trace: (l) => warm.push(l) }).projectFiles();
    expect(warm.length).toBeGreaterThan(0);
    expect(warm.filter((l) => l.startsWith('git config'))).toEqual([]);
  });

  test('a git without for-each-ref %(raw) (before 2.38) reads the same records with one more process', async () => {
    // A git that answers %(raw) as older versions do, and runs everything else as git.
    const bin = join(tmp.path, 'old-git');
    mkdirSync(bin, { recursive: true });
    const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(
      join(bin, 'git'),
      `#!/bin/sh\ncase "$*" in *'%(raw'*) echo "fatal: unknown field name: raw:size" >&2; exit 128;; esac\nexec ${real} "$@"\n`,
    );
    chmodSync(join(bin, 'git'), 0o755);
    const cache = join(tmp.path, 'c-old-git');
    const env = testGitEnv(cache);
    const trace: string[] = [];
    const r = store(cache, url, {
      baseEnv: { ...env, PATH: `${bin}:${env.PATH}` },
      trace: (l) => trace.push(l),
    });
    const states = await r.stageStates('echo', [{ name: 'dev' }, { name: 'prod' }]);
    const snap = await r.stageRecords('echo', states);
    expect(snap.freight.map((f) => f.id)).toEqual([old[10]!.id]);
    expect(snap.verifications).toEqual([
      expect.objectContaining({ stage: 'dev', freightId: old[10]!.id }),
    ]);
    expect(trace.filter((l) => /^git cat-file .*-tags\.git\)/.test(l))).toHaveLength(1);
  });

  test('the first page builds the index from the tags; a page then reads the index and its own tags', async () => {
    const first = store(join(tmp.path, 'c-first'), url);
    const page = await first.freightPage('echo', { limit: 20 });
    const newest = [...old].reverse();
    expect(page.snap.freight.map((f) => f.id)).toEqual(newest.slice(0, 20).map((f) => f.id));
    expect(page.total).toBe(old.length);
    expect(indexHead(bare)).toMatchObject({ count: old.length });
    expect(git(bare, ['ls-tree', '--name-only', freightIndexRef('echo')]).split('\n')).toEqual([
      '000000',
      '000001',
      '000002',
      '',
    ]);

    const cache = join(tmp.path, 'c-page');
    const trace: string[] = [];
    const again = await store(cache, url, { trace: (l) => trace.push(l) }).freightPage('echo', {
      limit: 20,
      warehouses: ['echo'],
    });
    // The index commit and its tree in one cat-file (no rev-parse, no ls-tree of either), the
    // shard by the blob ID its tree gave, and the page's tags without asking a new cache which
    // it lacks: the index fetch and read, the listing, the shard's fetch and read, the tags'.
    const commands = trace.map((l) => l.replace(/ \(.*$/, ''));
    expect(commands.filter((c) => /^git (init|rev-parse|ls-tree)\b|batch-check/.test(c))).toEqual(
      [],
    );
    expect(commands).toHaveLength(7);
    expect(again.snap.freight.map((f) => f.id)).toEqual(newest.slice(0, 20).map((f) => f.id));
    expect(again.total).toBe(old.length);
    expect(again.latest.get('echo')).toMatchObject({ id: newest[0]?.id });
    expect(tagObjects(cache)).toBe(20);

    // A page longer than a shard reads back as far as it needs.
    const long = await store(cache, url).freightPage('echo', { limit: SHARD_LINES + 50 });
    expect(long.snap.freight.map((f) => f.id)).toEqual(
      newest.slice(0, SHARD_LINES + 50).map((f) => f.id),
    );
  });

  test('a page of freight asked for ahead takes its index from the fetch that names the default branch', async () => {
    const trace: string[] = [];
    const r = store(join(tmp.path, 'c-ahead'), url, { trace: (l) => trace.push(l) });
    r.listTagsAhead();
    r.fetchIndexesAhead();
    await r.projectFiles();
    const head = trace.find((l) => l.includes('+HEAD:'));
    expect(head).toContain('+refs/gantry/*/freight-index:refs/gantry-index/*');
    const page = await r.freightPage('echo', { limit: 20 });
    const newest = [...old].reverse();
    expect(page.snap.freight.map((f) => f.id)).toEqual(newest.slice(0, 20).map((f) => f.id));
    expect(page.total).toBe(old.length);
    // No fetch of the index of its own: one fetch names the index ref, the HEAD fetch.
    expect(trace.filter((l) => l.includes('freight-index'))).toEqual([head]);

    // Once: the next read (after a write, say) fetches the index afresh.
    const before = trace.length;
    await r.freightPage('echo', { limit: 5 });
    expect(
      trace.slice(before).filter((l) => l.startsWith('git fetch') && l.includes('freight-index')),
    ).toHaveLength(1);
  });

  test('an index deleted on the remote is dropped from a warm cache by the fetch ahead', async () => {
    const cache = join(tmp.path, 'c-ahead-gone');
    const indexRefs = () =>
      git(
        join(
          cache,
          readdirSync(cache).find((n) => /[0-9a-f]\.git$/.test(n))!,
        ),
        ['for-each-ref', '--format=%(refname)', 'refs/gantry-index/'],
      );
    const first = store(cache, url);
    first.fetchIndexesAhead();
    await first.projectFiles();
    expect(indexRefs()).toContain('refs/gantry-index/echo');
    const saved = git(bare, ['rev-parse', freightIndexRef('echo')]).trim();
    git(bare, ['update-ref', '-d', freightIndexRef('echo')]);
    try {
      const r = store(cache, url, { log: () => undefined });
      r.fetchIndexesAhead();
      await r.projectFiles();
      expect(indexRefs()).toBe('');
      // The tags decide: the page is read from them, not from the copy the cache had.
      const page = await r.freightPage('echo', { limit: 3 });
      expect(page.total).toBe(old.length);
      expect(page.snap.freight.map((f) => f.id)).toEqual(
        [...old]
          .reverse()
          .slice(0, 3)
          .map((f) => f.id),
      );
    } finally {
      git(bare, ['update-ref', freightIndexRef('echo'), saved]);
    }
  });

  test('a tag pushed or deleted by hand makes the index stale: the reader goes by the tags and repairs it', async () => {
    const added = makeFreight('9.9.9', { createdAt: '2026-10-01T00:00:00.000Z' });
    writeFreightTags(bare, 'echo', [added]);
    const gone = old[old.length - 1]!;
    git(bare, ['update-ref', '-d', `refs/tags/gantry/echo/freight/${gone.id}`]);
    const page = await store(join(tmp.path, 'c-stale'), url).freightPage('echo', { limit: 3 });
    expect(page.snap.freight.map((f) => f.id)).toEqual([
      added.id,
      old[old.length - 2]?.id,
      old[old.length - 3]?.id,
    ]);
    expect(page.total).toBe(old.length);
    expect(indexHead(bare)).toMatchObject({ count: freightTagCount(bare) });
    // The repaired index is used as it is by the next reader: it reads only its page.
    const cache = join(tmp.path, 'c-repaired');
    const next = await store(cache, url).freightPage('echo', { limit: 3 });
    expect(next.snap.freight.map((f) => f.id)).toEqual(page.snap.freight.map((f) => f.id));
    expect(tagObjects(cache)).toBe(3);
  });

  test('freight is recorded with its index entry in one push; writers racing for the index all land', async () => {
    const fresh = manyFreight(4, Date.UTC(2026, 10, 1), 'other');
    const writers = [0, 1].map((i) => store(join(tmp.path, `c-race-${i}`), url));
    const results = await Promise.all(
      fresh.map((f, i) => writers[i % 2]!.recordFreight('echo', f)),
    );
    expect(results.every((r) => r.created)).toBe(true);
    expect(indexHead(bare)).toMatchObject({ count: freightTagCount(bare) });
    const cache = join(tmp.path, 'c-after-race');
    const page = await store(cache, url).freightPage('echo', { limit: 4 });
    expect(page.snap.freight.map((f) => f.id)).toEqual([...fresh].reverse().map((f) => f.id));
    expect(tagObjects(cache)).toBe(4);
    // Recording one again changes nothing, the index included.
    const before = git(bare, ['rev-parse', freightIndexRef('echo')]);
    expect(await writers[0]!.recordFreight('echo', fresh[0]!)).toMatchObject({ created: false });
    expect(git(bare, ['rev-parse', freightIndexRef('echo')])).toBe(before);
  });

  test('a tag listing started before the project is known serves the next page of each project it covers, once', async () => {
    const listings = (trace: string[]) =>
      trace.filter((l) => l.startsWith('git ls-remote')).map((l) => l.replace(/ \(.*$/, ''));
    const plain = await store(join(tmp.path, 'c-plain'), url).freightPage('echo', { limit: 5 });

    const trace: string[] = [];
    const r = store(join(tmp.path, 'c-ahead'), url, { trace: (l) => trace.push(l) });
    r.listTagsAhead();
    await r.projectFiles();
    const page = await r.freightPage('echo', { limit: 5 });
    expect(page.snap.freight.map((f) => f.id)).toEqual(plain.snap.freight.map((f) => f.id));
    expect(page.total).toBe(plain.total);
    expect(listings(trace)).toEqual([`git ls-remote --tags ${url} refs/tags/gantry/*`]);

    // Freight recorded since: the next read of the project lists again and sees it.
    const added = makeFreight('9.9.10', { createdAt: '2026-12-01T00:00:00.000Z' });
    await store(join(tmp.path, 'c-ahead-writer'), url).recordFreight('echo', added);
    const next = await r.freightPage('echo', { limit: 5 });
    expect(next.snap.freight[0]?.id).toBe(added.id);
    expect(next.total).toBe(plain.total + 1);
    // A page's own listing has no peeled lines (--refs): the index check needs none.
    expect(listings(trace).slice(1)).toEqual([
      `git ls-remote --tags --refs ${url} refs/tags/gantry/echo/*`,
    ]);

    // A listing of another project is not this project's.
    const other: string[] = [];
    const o = store(join(tmp.path, 'c-ahead-other'), url, { trace: (l) => other.push(l) });
    o.listTagsAhead('other');
    expect((await o.freightPage('echo', { limit: 5 })).total).toBe(plain.total + 1);
    expect(listings(other).sort()).toEqual([
      `git ls-remote --tags --refs ${url} refs/tags/gantry/echo/*`,
      `git ls-remote --tags ${url} refs/tags/gantry/other/*`,
    ]);
  });
});

describe('the stages view with aliases', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  test('reads the records and the aliases of the freight the stages run with their listing', async () => {
    const bare = createBareRepo(tmp.path, 'gitops', { '.gantry/echo.yaml': 'project: echo\n' });
    const url = `file://${bare}`;
    const [f] = manyFreight(3);
    const w = store(join(tmp.path, 'c-writer'), url);
    await w.recordFreight('echo', f!);
    await w.commitPromotion({ project: 'echo', stage: 'dev', freight: f!, promotedBy: 'a' });
    await w.recordNotes([
      {
        kind: 'alias',
        record: {
          project: 'echo',
          freightId: f!.id,
          alias: 'renamed',
          recordedAt: '2026-11-02T12:00:00.000Z',
          recordedBy: 'a',
        },
      },
    ]);
    const trace: string[] = [];
    const r = store(join(tmp.path, 'c-reader'), url, { trace: (l) => trace.push(l) });
    const states = await r.stageStates('echo', [{ name: 'dev' }]);
    const before = trace.length;
    const snap = await r.stageRecords('echo', states);
    expect(snap.freight.map((x) => [x.id, x.alias])).toEqual([[f!.id, 'renamed']]);
    // The fetch of the refs, then their listing, which reads the freight tag and the alias tag.
    const commands = trace.slice(before).map((l) => l.replace(/^git (-c \S+ )*/, 'git '));
    expect(commands.map((l) => l.split(' ').slice(0, 3).join(' '))).toEqual([
      'git fetch -q',
      'git for-each-ref --format=%(objectname)',
    ]);
  });
});

describe('deleting freight', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  test('goes in batches, each with the index without them, so the index matches the tags after each', async () => {
    await threeShardsFixture.copyTo(tmp.path);
    const bare = join(tmp.path, 'gitops.git');
    const url = `file://${bare}`;
    const freight = threeShards;
    expect(freight).toHaveLength(1200);
    const s = store(join(tmp.path, 'cache'), url);
    await s.recordVerification({
      project: 'echo',
      stage: 'dev',
      freightId: freight[3]!.id,
      alias: freight[3]!.alias,
      verifiedAt: '2026-11-02T12:00:00.000Z',
      verifiedBy: 'ci',
    });
    const { entries, head, tags } = await s.freightEntries('echo');
    expect(entries).toHaveLength(1200);
    const before = git(bare, ['rev-parse', freightIndexRef('echo')]).trim();
    const { deleted } = await s.deleteFreight(
      'echo',
      freight.slice(0, 1100).map((f) => f.id),
      { head, tags },
    );
    // 1,100 freight tags and the verification of one of them, in three pushes.
    expect(deleted).toHaveLength(1101);
    expect(deleted).toContain(`gantry/echo/verified/dev/${freight[3]!.id}`);
    expect(freightTagCount(bare)).toBe(100);
    expect(indexHead(bare)).toMatchObject({ count: 100 });
    expect(git(bare, ['rev-list', '--count', `${before}..${freightIndexRef('echo')}`]).trim()).toBe(
      '3',
    );
    const page = await store(join(tmp.path, 'fresh'), url).freightPage('echo', { limit: 200 });
    expect(page.snap.freight.map((f) => f.id)).toEqual(
      freight
        .slice(1100)
        .reverse()
        .map((f) => f.id),
    );
    // A plan made against another state of the tags deletes nothing.
    await expect(s.deleteFreight('echo', [freight[1150]!.id], { head, tags })).rejects.toThrow(
      /changed while planning the prune/,
    );
    expect(freightTagCount(bare)).toBe(100);
  });
});

describe('the tag and its index entry land together or not at all', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  test('a remote that refuses the index update gets no tag either', async () => {
    const bare = createBareRepo(tmp.path, 'gitops', { '.gantry/echo.yaml': 'project: echo\n' });
    const hook = join(bare, 'hooks', 'pre-receive');
    writeFileSync(
      hook,
      '#!/bin/sh\nwhile read old new ref; do case "$ref" in refs/gantry/*) echo "no index here" >&2; exit 1;; esac; done\n',
    );
    chmodSync(hook, 0o755);
    const s = store(join(tmp.path, 'cache'), `file://${bare}`, {
      raceRetry: { attempts: 2, baseDelayMs: 0, maxDelayMs: 0 },
    });
    await expect(s.recordFreight('echo', makeFreight('1.0.0'))).rejects.toThrow(
      /could not record freight/,
    );
    expect(git(bare, ['for-each-ref', 'refs/tags/', 'refs/gantry/'])).toBe('');
  });
});

describe('over authenticated smart HTTP', () => {
  const tmp = tempDir();
  const password = 'index-secret-8731';
  let server: GitHttpServer;
  let bare: string;
  beforeAll(async () => {
    bare = createBareRepo(tmp.path, 'gitops', { '.gantry/echo.yaml': 'project: echo\n' });
    writeFreightTags(bare, 'echo', manyFreight(50));
    server = await startGitHttpServer({ root: tmp.path, auth: { username: 'bot', password } });
  });
  afterAll(async () => {
    await server.close();
    tmp.cleanup();
  });

  test('pages, stage records and recording freight work the same, with credentials kept out', async () => {
    const make = (dir: string, trace?: string[]) =>
      new StateStore({
        remote: parseRemote(`${server.url}/gitops.git`, {
          kind: 'basic',
          username: 'bot',
          password,
        }),
        cacheDir: join(tmp.path, dir),
        baseEnv: testGitEnv(tmp.path),
        retryHooks: noSleep,
        ...(trace ? { trace: (l: string) => trace.push(l) } : {}),
      });
    const s = make('cache');
    const f = makeFreight('2.0.0', { createdAt: '2026-12-01T00:00:00.000Z' });
    expect(await s.recordFreight('echo', f)).toMatchObject({ created: true });
    await s.commitPromotion({ project: 'echo', stage: 'dev', freight: f, promotedBy: 'bot' });
    const page = await make('cache-2').freightPage('echo', { limit: 5 });
    expect(page.snap.freight[0]?.id).toBe(f.id);
    expect(page.total).toBe(51);
    expect(indexHead(bare)).toMatchObject({ count: 51 });
    const trace: string[] = [];
    const r = make('cache-3', trace);
    const snap = await r.stageRecords('echo', await r.stageStates('echo', [{ name: 'dev' }]));
    expect(snap.freight.map((x) => x.id)).toEqual([f.id]);
    expect(trace.filter((l) => l.startsWith('git ls-remote'))).toEqual([]);
    expect(server.requests.every((q) => q.authorized)).toBe(true);
    const configs = execFileSync('sh', ['-c', `cat ${join(tmp.path, 'cache')}*/*.git/config`], {
      encoding: 'utf8',
    });
    expect(configs).not.toContain(password);
  });
});
