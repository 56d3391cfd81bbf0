import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { discoverCommits } from '../../src/discovery/git.js';
import type { DiscoveredCommit } from '../../src/discovery/types.js';
import { Git, parseRemote, type GitCredentials } from '../../src/git/index.js';
import type { GitSubscription } from '../../src/pipeline/types.js';
import { startGitHttpServer, type GitHttpServer } from '../support/git-server.js';
import { currentOwner, serializeOwner } from '../../src/state/owner.js';
import { git, tempDir, testGitEnv } from '../support/repos.js';

/** The PID of a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(r.stdout);
}

function sub(repoURL: string, over: Partial<GitSubscription> = {}): GitSubscription {
  return {
    repoURL,
    commitSelectionStrategy: 'NewestFromBranch',
    strictSemvers: false,
    allowTagsRegexes: [],
    ignoreTagsRegexes: [],
    includePaths: [],
    excludePaths: [],
    discoveryLimit: 20,
    insecureSkipTLSVerify: false,
    ...over,
  };
}

/** A work repository pushing to a bare one, with commits and tags at chosen dates. */
class Upstream {
  readonly bare: string;
  readonly work: string;
  private seq = 0;
  constructor(
    readonly root: string,
    readonly name: string,
  ) {
    this.bare = join(root, `${name}.git`);
    this.work = join(root, `${name}-work`);
    const env = testGitEnv(root);
    execFileSync('git', ['init', '-q', '--bare', '-b', 'main', this.bare], { env });
    git(this.bare, ['config', 'uploadpack.allowFilter', 'true'], env);
    git(this.bare, ['config', 'uploadpack.allowAnySHA1InWant', 'true'], env);
    mkdirSync(this.work, { recursive: true });
    git(this.work, ['init', '-q', '-b', 'main'], env);
  }

  env(date?: string, who = 'Test Author'): Record<string, string> {
    const env = testGitEnv(this.root);
    env.GIT_AUTHOR_NAME = who;
    env.GIT_COMMITTER_NAME = `${who} (c)`;
    if (date) env.GIT_AUTHOR_DATE = env.GIT_COMMITTER_DATE = date;
    return env;
  }

  /** Commits changes (path → content) with a subject at a date; returns the commit id. */
  commit(subject: string, files: Record<string, string>, date?: string, who?: string): string {
    const d = date ?? new Date(Date.UTC(2024, 0, 1) + this.seq++ * 60_000).toISOString();
    for (const [p, content] of Object.entries(files)) {
      mkdirSync(join(this.work, p, '..'), { recursive: true });
      writeFileSync(join(this.work, p), content);
    }
    git(this.work, ['add', '-A'], this.env(d, who));
    git(this.work, ['commit', '-q', '--allow-empty', '-m', subject], this.env(d, who));
    return git(this.work, ['rev-parse', 'HEAD']).trim();
  }

  /**
   * The commits `commit` would make one by one (same trees, dates, names, so the same ids), by one
   * `git fast-import` and a reset of the work tree: three processes for a long history instead of
   * three a commit. They go on top of `main`, which must have a commit already.
   */
  commits(list: { subject: string; files: Record<string, string> }[]): string[] {
    const author = `Test Author <author@example.test>`;
    const committer = `Test Author (c) <author@example.test>`;
    const chunks: string[] = [];
    list.forEach(({ subject, files }, i) => {
      const when = `${(Date.UTC(2024, 0, 1) + this.seq++ * 60_000) / 1000} +0000`;
      const message = `${subject}\n`;
      chunks.push(
        `commit refs/heads/main\nmark :${i + 1}\nauthor ${author} ${when}\ncommitter ${committer} ${when}\n` +
          `data ${Buffer.byteLength(message)}\n${message}`,
      );
      if (i === 0) chunks.push('from refs/heads/main^0\n');
      for (const [p, content] of Object.entries(files))
        chunks.push(`M 100644 inline ${p}\ndata ${Buffer.byteLength(content)}\n${content}\n`);
      chunks.push('\n');
    });
    const marks = join(this.root, `${this.name}.marks`);
    git(
      this.work,
      ['fast-import', '--quiet', `--export-marks=${marks}`],
      this.env(),
      chunks.join(''),
    );
    git(this.work, ['reset', '-q', '--hard'], this.env());
    const ids = new Map(
      readFileSync(marks, 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(' ') as [string, string]),
    );
    return list.map((_, i) => ids.get(`:${i + 1}`) as string);
  }

  tag(name: string, opts: { annotated?: string; date?: string; at?: string } = {}): void {
    const args = opts.annotated ? ['tag', '-a', '-m', opts.annotated, name] : ['tag', name];
    if (opts.at) args.push(opts.at);
    git(this.work, args, this.env(opts.date));
  }

  push(...refs: string[]): void {
    git(this.work, ['push', '-q', '--force', this.bare, ...(refs.length ? refs : ['--all'])]);
    git(this.work, ['push', '-q', '--force', '--tags', this.bare]);
  }
}

interface Probe {
  git: Git;
  lines: string[];
  fetches(): string[];
}

function probe(home: string, url: string, credentials?: GitCredentials): Probe {
  const lines: string[] = [];
  const g = new Git({
    baseEnv: testGitEnv(home),
    remote: parseRemote(url, credentials),
    trace: (l) => lines.push(l),
  });
  return { git: g, lines, fetches: () => lines.filter((l) => /^git (-c \S+ )*fetch /.test(l)) };
}

const silent = { info: () => undefined, warn: () => undefined };

describe('git discovery over file://', () => {
  const tmp = tempDir('gantry-gitdisc-');
  let up: Upstream;
  let url: string;
  const ids: string[] = [];
  beforeAll(() => {
    up = new Upstream(tmp.path, 'app');
    url = `file://${up.bare}`;
    ids.push(up.commit('initial', { 'README.md': 'hi\n' }));
    ids.push(up.commit('app: first', { 'app/values.yaml': 'a: 1\n' }));
    ids.push(up.commit('docs: typo', { 'docs/guide.md': 'x\n' }));
    ids.push(up.commit('app: chart helper', { 'app/templates/_helpers.tpl': 'x\n' }));
    ids.push(up.commit('app: readme only', { 'app/README.md': 'x\n' }));
    ids.push(up.commit(`feat: ${'long subject '.repeat(10)}`, { 'app/values.yaml': 'a: 2\n' }));
    up.push();
    git(up.work, ['branch', 'develop', ids[2] as string]);
    up.push('develop');
  });
  afterAll(() => tmp.cleanup());

  test('NewestFromBranch on the default branch: newest first, limited, with metadata', async () => {
    const p = probe(tmp.path, url);
    const cache = join(tmp.path, 'cache-a');
    const found = await discoverCommits(sub(url, { discoveryLimit: 3 }), {
      git: p.git,
      cacheDir: cache,
      log: silent,
    });
    expect(found.map((c) => c.id)).toEqual([ids[5], ids[4], ids[3]]);
    const top = found[0] as DiscoveredCommit;
    expect(top.branch).toBe('main');
    expect(top.message).toHaveLength(80);
    expect(top.message?.endsWith('...')).toBe(true);
    expect(top.author).toBe('Test Author <author@example.test>');
    expect(top.committer).toBe('Test Author (c) <author@example.test>');
    expect(top.createdAt).toBe('2024-01-01T00:05:00.000Z');
    // commit metadata only: one treeless fetch, as deep as the limit
    expect(p.fetches()).toHaveLength(1);
    expect(p.fetches()[0]).toMatch(/--filter=tree:0 --depth=3 /);

    // Unchanged refs: ls-remote only, no fetch.
    const again = probe(tmp.path, url);
    const second = await discoverCommits(sub(url, { discoveryLimit: 3 }), {
      git: again.git,
      cacheDir: cache,
      log: silent,
    });
    expect(second).toEqual(found);
    expect(again.fetches()).toEqual([]);
    expect(again.lines.filter((l) => l.startsWith('git ls-remote'))).toHaveLength(1);
  });

  test('a named branch; a missing branch is a clear error', async () => {
    const p = probe(tmp.path, url);
    const cache = join(tmp.path, 'cache-b');
    const found = await discoverCommits(sub(url, { branch: 'develop', discoveryLimit: 10 }), {
      git: p.git,
      cacheDir: cache,
      log: silent,
    });
    expect(found.map((c) => c.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect(found.every((c) => c.branch === 'develop')).toBe(true);
    await expect(
      discoverCommits(sub(url, { branch: 'nope' }), { git: p.git, cacheDir: cache, log: silent }),
    ).rejects.toThrow(`branch nope does not exist in ${url}`);
  });

  test('path filters: plain base dir, glob exclude; conformance semantics on real diffs', async () => {
    const p = probe(tmp.path, url);
    const cache = join(tmp.path, 'cache-c');
    const s = sub(url, { includePaths: ['app'], excludePaths: ['glob:**/*.md'] });
    const found = await discoverCommits(s, { git: p.git, cacheDir: cache, log: silent });
    // app/README.md only ⇒ excluded; docs ⇒ not included; README.md at the root ⇒ not included
    expect(found.map((c) => c.id)).toEqual([ids[5], ids[3], ids[1]]);
    expect(p.fetches()).toHaveLength(1);
    expect(p.fetches()[0]).toMatch(/--filter=blob:none/);

    const regex = await discoverCommits(
      sub(url, { includePaths: ['regex:_helpers\\.tpl$', 'glob:docs/*.md'] }),
      { git: p.git, cacheDir: cache, log: silent },
    );
    expect(regex.map((c) => c.id)).toEqual([ids[3], ids[2]]);
  });

  test('a new commit is fetched incrementally and selected', async () => {
    const p = probe(tmp.path, url);
    const cache = join(tmp.path, 'cache-d');
    const s = sub(url, { includePaths: ['app/'] });
    await discoverCommits(s, { git: p.git, cacheDir: cache, log: silent });
    const next = up.commit('app: second', { 'app/values.yaml': 'a: 3\n' });
    up.push();
    const p2 = probe(tmp.path, url);
    const found = await discoverCommits(s, { git: p2.git, cacheDir: cache, log: silent });
    expect(found[0]?.id).toBe(next);
    expect(p2.fetches()).toHaveLength(1);
    // from the previous tip: no --depth, so history already held is kept
    expect(p2.fetches()[0]).not.toMatch(/--depth/);
  });

  test('after a kill -9: a mirror created but never configured is rebuilt, and git lock files a dead lock holder left are removed without waiting', async () => {
    const cache = join(tmp.path, 'cache-killed');
    const run = (limit: number, cacheDir = cache) =>
      discoverCommits(sub(url, { discoveryLimit: limit }), {
        git: probe(tmp.path, url).git,
        cacheDir,
        log: silent,
      });
    // What an untouched cache answers, to compare with.
    const want = (limit: number) => run(limit, join(tmp.path, `cache-fresh-${limit}`));
    await run(2);
    const root = join(cache, 'git-discovery');
    const mirror = join(root, readdirSync(root).find((f) => f.endsWith('.git')) as string);
    // Killed between `git init` and its configuration (what the old code could leave).
    rmSync(mirror, { recursive: true, force: true });
    git(tmp.path, ['init', '-q', '--bare', mirror]);
    // Killed while fetching under the lock: the lock with a dead owner, and git's own locks.
    mkdirSync(`${mirror}.lock`);
    writeFileSync(
      join(`${mirror}.lock`, 'owner'),
      serializeOwner({ ...currentOwner('killed'), pid: deadPid() }),
    );
    // A different limit, so the remembered answer does not serve it and the mirror is used.
    const started = Date.now();
    const found = await run(3);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(found).toEqual(await want(3));
    expect(git(mirror, ['config', 'remote.origin.url']).trim()).toBe(url);
    expect(git(mirror, ['config', 'extensions.partialClone']).trim()).toBe('origin');
    expect(existsSync(`${mirror}.lock`)).toBe(false);
    expect(readdirSync(root).filter((f) => f.includes('.tmp-'))).toEqual([]);

    writeFileSync(join(mirror, 'shallow.lock'), '');
    mkdirSync(`${mirror}.lock`);
    writeFileSync(
      join(`${mirror}.lock`, 'owner'),
      serializeOwner({ ...currentOwner('killed'), pid: deadPid() }),
    );
    expect(await run(4)).toEqual(await want(4));
    expect(existsSync(join(mirror, 'shallow.lock'))).toBe(false);
  });

  test('insecureSkipTLSVerify applies to that subscription’s commands only', async () => {
    const p = probe(tmp.path, url);
    await discoverCommits(sub(url, { insecureSkipTLSVerify: true, discoveryLimit: 1 }), {
      git: p.git,
      cacheDir: join(tmp.path, 'cache-e'),
      log: silent,
    });
    const remoteCmds = p.lines.filter((l) =>
      /^git -c http\.sslVerify=false (ls-remote|fetch)/.test(l),
    );
    expect(remoteCmds.length).toBeGreaterThanOrEqual(2);
    const q = probe(tmp.path, url);
    await discoverCommits(sub(url, { discoveryLimit: 1 }), {
      git: q.git,
      cacheDir: join(tmp.path, 'cache-f'),
      log: silent,
    });
    expect(q.lines.some((l) => l.includes('sslVerify'))).toBe(false);
  });
});

describe('path filters that need deep history', () => {
  const tmp = tempDir('gantry-gitdisc-deep-');
  let up: Upstream;
  let url: string;
  let wanted: string[];
  beforeAll(() => {
    up = new Upstream(tmp.path, 'deep');
    url = `file://${up.bare}`;
    wanted = [];
    wanted.push(up.commit('deploy 1', { 'deploy/a.yaml': '1' }));
    wanted.push(up.commit('deploy 2', { 'deploy/a.yaml': '2' }));
    up.commits(
      Array.from({ length: 150 }, (_, i) => ({
        subject: `src ${i}`,
        files: { 'src/x.txt': String(i) },
      })),
    );
    up.push();
  });
  afterAll(() => tmp.cleanup());

  test('deepens until enough commits match, and treats the shallow boundary as unknown', async () => {
    const p = probe(tmp.path, url);
    const logs: string[] = [];
    const found = await discoverCommits(sub(url, { includePaths: ['deploy'], discoveryLimit: 5 }), {
      git: p.git,
      cacheDir: join(tmp.path, 'cache'),
      log: { info: (l) => logs.push(l), warn: (l) => logs.push(l) },
    });
    // the root commit (deploy 1) counts: its diff adds deploy/a.yaml
    expect(found.map((c) => c.id)).toEqual([wanted[1], wanted[0]]);
    expect(p.fetches().some((l) => l.includes('--deepen='))).toBe(true);
    expect(logs.some((l) => /fetching \d+ more/.test(l))).toBe(true);
  });
});

describe('tags', () => {
  const tmp = tempDir('gantry-gitdisc-tags-');
  let up: Upstream;
  let url: string;
  const c: Record<string, string> = {};
  beforeAll(() => {
    up = new Upstream(tmp.path, 'tags');
    url = `file://${up.bare}`;
    c.one = up.commit('one', { 'f.txt': '1' }, '2023-01-01T00:00:00Z', 'Ann');
    up.tag('v1.0.0', { annotated: 'Release 1.0.0\n\nnotes', date: '2023-01-02T00:00:00Z' });
    c.two = up.commit('two', { 'f.txt': '2' }, '2023-06-01T00:00:00Z', 'Bob');
    up.tag('v1.1.0'); // lightweight: creator date = commit date (2023-06-01)
    c.three = up.commit('three', { 'f.txt': '3' }, '2022-01-01T00:00:00Z', 'Ann');
    up.tag('v2.0.0-rc.1');
    up.tag('v10.0.0', { annotated: 'ten', date: '2021-01-01T00:00:00Z' });
    up.tag('nightly-20240315', { at: c.one });
    up.tag('nightly-20240101', { at: c.two });
    // annotated long after its commit: NewestTag uses the tagger date
    up.tag('late', { annotated: 'late tag', date: '2025-01-01T00:00:00Z', at: c.one });
    up.tag('foo');
    up.push();
  });
  afterAll(() => tmp.cleanup());

  const run = (over: Partial<GitSubscription>, cache = 'cache', p = probe(tmp.path, url)) =>
    discoverCommits(sub(url, over), { git: p.git, cacheDir: join(tmp.path, cache), log: silent });

  test('SemVer: newest version first, pre-releases only when asked, annotated tags peeled', async () => {
    const p = probe(tmp.path, url);
    const found = await run({ commitSelectionStrategy: 'SemVer', discoveryLimit: 2 }, 'c1', p);
    expect(found.map((f) => f.tag)).toEqual(['v10.0.0', 'v2.0.0-rc.1']);
    expect(found[0]).toMatchObject({
      id: c.three,
      message: 'three',
      createdAt: '2021-01-01T00:00:00.000Z',
    });
    // only the two selected tags were fetched
    expect(p.fetches()).toHaveLength(1);
    const constrained = await run(
      { commitSelectionStrategy: 'SemVer', semverConstraint: '^1.0' },
      'c1',
    );
    expect(constrained.map((f) => [f.tag, f.id, f.author])).toEqual([
      ['v1.1.0', c.two, 'Bob <author@example.test>'],
      ['v1.0.0', c.one, 'Ann <author@example.test>'],
    ]);
    expect(constrained[1]?.createdAt).toBe('2023-01-02T00:00:00.000Z');
    const strictIgnore = await run(
      {
        commitSelectionStrategy: 'SemVer',
        ignoreTagsRegexes: ['^v1\\.0\\.0$'],
        allowTagsRegexes: ['^v1\\.'],
      },
      'c1',
    );
    expect(strictIgnore.map((f) => f.tag)).toEqual(['v1.1.0']);
  });

  test('Lexical and NewestTag', async () => {
    const lex = await run({ commitSelectionStrategy: 'Lexical', allowTagsRegexes: ['^nightly-'] });
    expect(lex.map((f) => [f.tag, f.id])).toEqual([
      ['nightly-20240315', c.one],
      ['nightly-20240101', c.two],
    ]);
    const newest = await run({ commitSelectionStrategy: 'NewestTag', discoveryLimit: 3 });
    expect(newest.map((f) => f.tag)).toEqual(['late', 'nightly-20240101', 'v1.1.0']);
    expect(newest[0]).toMatchObject({ id: c.one, createdAt: '2025-01-01T00:00:00.000Z' });
  });

  test('a second run with unchanged tags fetches nothing; a new tag is fetched alone', async () => {
    const s: Partial<GitSubscription> = { commitSelectionStrategy: 'NewestTag' };
    await run(s, 'c3');
    const p = probe(tmp.path, url);
    await run(s, 'c3', p);
    expect(p.fetches()).toEqual([]);
    up.tag('newer', { annotated: 'n', date: '2026-01-01T00:00:00Z' });
    up.push();
    const q = probe(tmp.path, url);
    const found = await run(s, 'c3', q);
    expect(found[0]?.tag).toBe('newer');
    expect(q.fetches()).toHaveLength(1);
  });
});

describe('git discovery over smart HTTP with basic auth', () => {
  const tmp = tempDir('gantry-gitdisc-http-');
  let server: GitHttpServer;
  let up: Upstream;
  const password = 'http-Pa55word-disc';
  beforeAll(async () => {
    up = new Upstream(tmp.path, 'svc');
    up.commit('one', { 'app/a.yaml': '1' });
    up.commit('two', { 'docs/b.md': '2' });
    up.commit('three', { 'app/a.yaml': '3' });
    up.tag('v0.1.0', { annotated: 'first' });
    up.push();
    server = await startGitHttpServer({ root: tmp.path, auth: { username: 'bot', password } });
  });
  afterAll(async () => {
    await server.close();
    tmp.cleanup();
  });

  test('credentials go with each command; an unchanged second run makes only the ref listing', async () => {
    const url = `${server.url}/svc.git`;
    const creds: GitCredentials = { kind: 'basic', username: 'bot', password };
    const s = sub(url, { includePaths: ['app'] });
    const cache = join(tmp.path, 'cache');
    const p = probe(tmp.path, url, creds);
    const found = await discoverCommits(s, { git: p.git, cacheDir: cache, log: silent });
    expect(found.map((f) => f.message)).toEqual(['three', 'one']);
    expect(server.requests.every((r) => r.authorized)).toBe(true);
    const firstRun = server.requests.length;

    server.requests.length = 0;
    const q = probe(tmp.path, url, creds);
    expect(await discoverCommits(s, { git: q.git, cacheDir: cache, log: silent })).toEqual(found);
    // protocol v2 ls-remote: GET info/refs + one POST (ls-refs); no fetch
    expect(server.requests.map((r) => r.method)).toEqual(['GET', 'POST']);
    expect(firstRun).toBeGreaterThan(server.requests.length);

    const tags = await discoverCommits(sub(url, { commitSelectionStrategy: 'SemVer' }), {
      git: q.git,
      cacheDir: cache,
      log: silent,
    });
    expect(tags.map((t) => t.tag)).toEqual(['v0.1.0']);
    for (const l of [...p.lines, ...q.lines]) expect(l).not.toContain(password);
  });

  test('a wrong password fails as an auth error without the password', async () => {
    const url = `${server.url}/svc.git`;
    const p = probe(tmp.path, url, { kind: 'basic', username: 'bot', password: 'wrong-pass-9' });
    const err = await discoverCommits(sub(url), {
      git: p.git,
      cacheDir: join(tmp.path, 'c2'),
      log: silent,
    }).catch((e: unknown) => e as Error & { kind?: string });
    expect(err).toMatchObject({ kind: 'auth' });
    expect((err as Error).message).not.toContain('wrong-pass-9');
  });
});

describe('a repository with thousands of tags', () => {
  const tmp = tempDir('gantry-gitdisc-many-');
  let url: string;
  const N = 3000;
  beforeAll(() => {
    const up = new Upstream(tmp.path, 'many');
    const base = up.commit('base', { 'f.txt': 'x' });
    up.push();
    const lines: string[] = [];
    for (let i = 0; i < N; i++)
      lines.push(`create refs/tags/v${Math.floor(i / 100)}.${i % 100}.0 ${base}`);
    git(up.bare, ['update-ref', '--stdin'], testGitEnv(tmp.path), lines.join('\n') + '\n');
    url = `file://${up.bare}`;
  });
  afterAll(() => tmp.cleanup());

  test('SemVer with a small limit fetches only the selected tags, and stays fast', async () => {
    const p = probe(tmp.path, url);
    const started = performance.now();
    const found = await discoverCommits(
      sub(url, { commitSelectionStrategy: 'SemVer', discoveryLimit: 5 }),
      { git: p.git, cacheDir: join(tmp.path, 'cache'), log: silent },
    );
    const first = performance.now() - started;
    expect(found.map((f) => f.tag)).toEqual([
      'v29.99.0',
      'v29.98.0',
      'v29.97.0',
      'v29.96.0',
      'v29.95.0',
    ]);
    expect(p.fetches()).toHaveLength(1);
    const t2 = performance.now();
    const q = probe(tmp.path, url);
    await discoverCommits(sub(url, { commitSelectionStrategy: 'SemVer', discoveryLimit: 5 }), {
      git: q.git,
      cacheDir: join(tmp.path, 'cache'),
      log: silent,
    });
    const second = performance.now() - t2;
    expect(q.fetches()).toEqual([]);
    console.log(
      `${N} tags, SemVer limit 5: first run ${first.toFixed(0)} ms, unchanged ${second.toFixed(0)} ms`,
    );
    expect(first).toBeLessThan(10_000);
  });

  test('NewestTag reads every tag once, then nothing', async () => {
    const p = probe(tmp.path, url);
    const started = performance.now();
    const found = await discoverCommits(
      sub(url, { commitSelectionStrategy: 'NewestTag', discoveryLimit: 3 }),
      { git: p.git, cacheDir: join(tmp.path, 'cache-nt'), log: silent },
    );
    const first = performance.now() - started;
    expect(found).toHaveLength(3);
    // equal dates (one commit): ties by name ascending, as git for-each-ref orders them
    expect(found.map((f) => f.tag)).toEqual(['v0.0.0', 'v0.1.0', 'v0.10.0']);
    console.log(`${N} tags, NewestTag: first run ${first.toFixed(0)} ms`);
    expect(first).toBeLessThan(20_000);
  });
});

describe('tag strategies with path filters (Kargo filterTagsByDiffPaths)', () => {
  const tmp = tempDir('gantry-gitdisc-tagpaths-');
  let url: string;
  beforeAll(() => {
    const up = new Upstream(tmp.path, 'tp');
    up.commit('base', { 'app/a.yaml': '0', 'docs/x.md': '0' });
    up.commit('app change', { 'app/a.yaml': '1' });
    up.tag('v1.0.0', { annotated: 'one' });
    up.commit('docs change', { 'docs/x.md': '1' });
    up.tag('v1.1.0');
    up.commit('app again', { 'app/a.yaml': '2' });
    up.tag('v1.2.0', { annotated: 'three' });
    up.push();
    url = `file://${up.bare}`;
  });
  afterAll(() => tmp.cleanup());

  test('a tag passes when the commit it points to changed an included path', async () => {
    const p = probe(tmp.path, url);
    const found = await discoverCommits(
      sub(url, { commitSelectionStrategy: 'SemVer', includePaths: ['app'] }),
      { git: p.git, cacheDir: join(tmp.path, 'cache'), log: silent },
    );
    expect(found.map((f) => f.tag)).toEqual(['v1.2.0', 'v1.0.0']);
  });
});

describe('expression filters against real repositories', () => {
  const tmp = tempDir('gantry-gitdisc-expr-');
  let up: Upstream;
  let url: string;
  const ids: string[] = [];
  beforeAll(() => {
    up = new Upstream(tmp.path, 'ex');
    ids.push(up.commit('fix: one', { a: '1' }, '2022-06-01T00:00:00Z', 'Ann'));
    up.tag('v1.0.0', { annotated: 'Release one', date: '2022-06-02T00:00:00Z' });
    ids.push(up.commit('chore: two', { a: '2' }, '2023-06-01T00:00:00Z', 'Bob'));
    up.tag('v1.1.0', { annotated: 'Release two', date: '2023-06-02T00:00:00Z' });
    ids.push(up.commit('fix: three', { a: '3' }, '2024-06-01T00:00:00Z', 'Ann'));
    up.tag('v2.0.0', { annotated: 'Candidate', date: '2024-06-02T00:00:00Z' });
    up.commits(
      Array.from({ length: 60 }, (_, i) => ({
        subject: `chore: noise ${i}`,
        files: { b: String(i) },
      })),
    );
    up.push();
    url = `file://${up.bare}`;
  });
  afterAll(() => tmp.cleanup());

  test('commits: walks past rejected commits, deepening as needed', async () => {
    const p = probe(tmp.path, url);
    const found = await discoverCommits(
      sub(url, { expressionFilter: "subject startsWith 'fix:'", discoveryLimit: 5 }),
      { git: p.git, cacheDir: join(tmp.path, 'c1'), log: silent },
    );
    expect(found.map((f) => f.id)).toEqual([ids[2], ids[0]]);
    expect(p.fetches().some((l) => l.includes('--deepen='))).toBe(true);
  });

  test('tags: env has tag, annotation, creatorDate; SemVer reads objects in batches', async () => {
    const found = await discoverCommits(
      sub(url, {
        commitSelectionStrategy: 'SemVer',
        expressionFilter: "annotation startsWith 'Release' && creatorDate.Year() >= 2022",
      }),
      { git: probe(tmp.path, url).git, cacheDir: join(tmp.path, 'c2'), log: silent },
    );
    expect(found.map((f) => f.tag)).toEqual(['v1.1.0', 'v1.0.0']);
    const byAuthor = await discoverCommits(
      sub(url, {
        commitSelectionStrategy: 'NewestTag',
        expressionFilter: "author startsWith 'Ann'",
      }),
      { git: probe(tmp.path, url).git, cacheDir: join(tmp.path, 'c2'), log: silent },
    );
    expect(byAuthor.map((f) => f.tag)).toEqual(['v2.0.0', 'v1.0.0']);
  });
});
