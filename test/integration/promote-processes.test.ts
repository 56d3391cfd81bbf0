/**
 * The git processes of a short-form promotion's commit (src/state/transaction.ts): its checkout
 * repository is written as files, the tip the reads fetched is checked out by its ID, and the
 * commit's ID is read from the ref git wrote; a seed whose objects lack the tip still lands.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { serializeFreight } from '../../src/freight/document.js';
import { parseRemote } from '../../src/git/index.js';
import { loadProjectsFromFiles, type Project } from '../../src/pipeline/index.js';
import { promote } from '../../src/promotion/promote.js';
import { defaultRegistry } from '../../src/promotion/steps/registry.js';
import { StateStore } from '../../src/state/index.js';
import { commitPromotion } from '../../src/state/transaction.js';
import { makeFreight } from '../support/freight.js';
import { runGantry } from '../support/cli.js';
import { startGitHttpServer, type GitHttpServer } from '../support/git-server.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';

/** A project of two stages, dev then prod, for the named-freight reads. */
const DEV_PROD = `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
stages:
  - name: dev
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: yaml-update
          config:
            path: apps/echo/values.yaml
            updates:
              - {key: tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}
  - name: prod
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {stages: [dev]}
    promotionTemplate:
      steps:
        - uses: compose-output
          config: {note: nothing to edit}
`;

describe('the commit of a short-form promotion', () => {
  const tmp = tempDir();
  let url: string;
  let bare: string;
  beforeAll(() => {
    bare = createBareRepo(tmp.path, 'gitops', {
      '.gantry/echo.yaml': 'project: echo\n',
      'apps/echo/values.yaml': 'tag: 1.0.0\n',
      'apps/echo/extra.yaml': 'kept: until deleted\n',
      'apps/other/values.yaml': 'tag: 9.9.9\n',
    });
    url = `file://${bare}`;
  });
  afterAll(() => tmp.cleanup());

  const store = (name: string, trace?: (l: string) => void, env: Record<string, string> = {}) =>
    new StateStore({
      remote: parseRemote(url),
      cacheDir: join(tmp.path, name),
      baseEnv: { ...testGitEnv(tmp.path), ...env },
      ...(trace ? { trace } : {}),
    });
  const edit = (tag: string) => async (dir: string) => {
    writeFileSync(join(dir, 'apps/echo/values.yaml'), `tag: ${tag}\n`);
    return [`apps/echo/values.yaml: tag ${tag}`];
  };

  test("a stage's first promotion (a new state file): checkout, add, commit, push; no init, update-ref or rev-parse", async () => {
    const lines: string[] = [];
    const s = store('c-count', (l) => lines.push(l));
    await s.stageStates('echo', [{ name: 'dev' }]);
    const read = lines.length;
    const f = makeFreight('1.1.0');
    const r = await s.commitPromotion({
      project: 'echo',
      stage: 'dev',
      freight: f,
      promotedBy: 'a',
      paths: ['apps/echo'],
      edit: edit('1.1.0'),
    });
    const commands = lines.slice(read).map((l) => l.replace(/^git (\S+).*$/s, '$1'));
    expect(commands).toEqual(['checkout', 'add', 'commit', 'push']);
    // The ID read from the ref file is the commit that landed.
    expect(r.commit).toBe(git(bare, ['rev-parse', 'main']).trim());
    expect(git(bare, ['show', 'main:apps/echo/values.yaml'])).toBe('tag: 1.1.0\n');
    expect(git(bare, ['show', 'main:apps/other/values.yaml'])).toBe('tag: 9.9.9\n');
    expect(git(bare, ['show', 'main:.gantry/state/echo/dev.yaml'])).toContain(f.id);
  });

  test('a stage with a state file, an edit of tracked files: no git add, `commit -a` takes it', async () => {
    const prepare = store('c-no-add-0');
    await prepare.commitPromotion({
      project: 'echo',
      stage: 'qa',
      freight: makeFreight('1.3.0'),
      promotedBy: 'a',
      paths: ['apps/echo'],
      edit: edit('1.3.0'),
    });
    const lines: string[] = [];
    const s = store('c-no-add', (l) => lines.push(l));
    await s.stageStates('echo', [{ name: 'qa' }]);
    const read = lines.length;
    const f = makeFreight('1.3.1');
    const r = await s.commitPromotion({
      project: 'echo',
      stage: 'qa',
      freight: f,
      promotedBy: 'a',
      paths: ['apps/echo'],
      edit: async (dir) => {
        writeFileSync(join(dir, 'apps/echo/values.yaml'), 'tag: 1.3.1\n');
        // A tracked file deleted: staged by `commit -a` as well.
        rmSync(join(dir, 'apps/echo/extra.yaml'));
        return ['apps/echo/values.yaml: tag 1.3.1'];
      },
    });
    const commands = lines.slice(read).map((l) => l.replace(/^git (\S+).*$/s, '$1'));
    expect(commands).toEqual(['checkout', 'commit', 'push']);
    expect(lines.find((l) => l.startsWith('git commit'))).toMatch(/^git commit -q -a /);
    expect(r.commit).toBe(git(bare, ['rev-parse', 'main']).trim());
    expect(git(bare, ['show', 'main:apps/echo/values.yaml'])).toBe('tag: 1.3.1\n');
    expect(git(bare, ['show', 'main:.gantry/state/echo/qa.yaml'])).toContain(f.id);
    // Only what the promotion changed: the files outside the sparse checkout stay.
    expect(
      git(bare, ['diff', '--name-status', `${r.commit}^`, r.commit])
        .trim()
        .split('\n')
        .sort(),
    ).toEqual([
      'D\tapps/echo/extra.yaml',
      'M\t.gantry/state/echo/qa.yaml',
      'M\tapps/echo/values.yaml',
    ]);
    expect(git(bare, ['show', 'main:apps/other/values.yaml'])).toBe('tag: 9.9.9\n');
  });

  test('an edit that adds a file: git add before the commit, the new file in it', async () => {
    const lines: string[] = [];
    const s = store('c-added', (l) => lines.push(l));
    await s.stageStates('echo', [{ name: 'qa' }]);
    const read = lines.length;
    const r = await s.commitPromotion({
      project: 'echo',
      stage: 'qa',
      freight: makeFreight('1.3.2'),
      promotedBy: 'a',
      paths: ['apps/echo'],
      edit: async (dir) => {
        mkdirSync(join(dir, 'apps/echo/rendered'), { recursive: true });
        writeFileSync(join(dir, 'apps/echo/rendered/all.yaml'), 'kind: List\n');
        return ['apps/echo/rendered/all.yaml: rendered'];
      },
    });
    const commands = lines.slice(read).map((l) => l.replace(/^git (\S+).*$/s, '$1'));
    expect(commands).toEqual(['checkout', 'add', 'commit', 'push']);
    expect(git(bare, ['show', `${r.commit}:apps/echo/rendered/all.yaml`])).toBe('kind: List\n');
    expect(
      git(bare, ['diff', '--name-status', `${r.commit}^`, r.commit])
        .trim()
        .split('\n')
        .sort(),
    ).toEqual(['A\tapps/echo/rendered/all.yaml', 'M\t.gantry/state/echo/qa.yaml']);
  });

  test('a branch with slashes in its name: the commit is read from its nested ref file', async () => {
    git(bare, ['branch', 'env/dev/live', 'main']);
    const s = store('c-nested');
    const f = makeFreight('1.2.0');
    const r = await s.commitPromotion({
      project: 'echo',
      stage: 'dev',
      branch: 'env/dev/live',
      freight: f,
      promotedBy: 'a',
      paths: ['apps/echo'],
      edit: edit('1.2.0'),
    });
    expect(r.commit).toBe(git(bare, ['rev-parse', 'env/dev/live']).trim());
    expect(git(bare, ['show', 'env/dev/live:apps/echo/values.yaml'])).toBe('tag: 1.2.0\n');
  });

  test('a checkout opened ahead for other paths is removed; the commit opens its own', async () => {
    const s = store('c-other-paths');
    await s.stageStates('echo', [{ name: 'dev' }]);
    const opened = s.openCheckout({ project: 'echo', stage: 'dev', paths: ['apps/other'] });
    const f = makeFreight('1.2.5');
    const r = await s.commitPromotion(
      {
        project: 'echo',
        stage: 'dev',
        freight: f,
        promotedBy: 'a',
        paths: ['apps/echo'],
        edit: edit('1.2.5'),
      },
      opened,
    );
    expect(r.commit).toBe(git(bare, ['rev-parse', 'main']).trim());
    expect(git(bare, ['show', 'main:apps/echo/values.yaml'])).toBe('tag: 1.2.5\n');
    expect(
      readdirSync(join(tmp.path, 'c-other-paths')).filter((n) => n.startsWith('promote-')),
    ).toEqual([]);
  });

  test('a seed whose objects lack the tip: the branch is fetched and the promotion lands', async () => {
    const s = store('c-seedless');
    const host = { ...s.workspaceHost(), defaultBranch: () => s.defaultBranch() };
    const tip = git(bare, ['rev-parse', 'main']).trim();
    // An object directory that holds nothing, as if the cache had lost the tip.
    const empty = join(tmp.path, 'empty-objects');
    mkdirSync(join(empty, 'pack'), { recursive: true });
    const logs: string[] = [];
    const f = makeFreight('1.3.0');
    const r = await commitPromotion(
      {
        ...host,
        seed: () => ({ tip, objects: empty }),
        log: (l) => logs.push(l),
      },
      {
        project: 'echo',
        stage: 'dev',
        freight: f,
        promotedBy: 'a',
        paths: ['apps/echo'],
        edit: edit('1.3.0'),
      },
    );
    expect(r.changed).toBe(true);
    // git's own lazy fetch of the missing commit got it here (a promisor remote); a server
    // refusing that would have the transaction fetch the branch instead. Either way nothing is
    // logged as failed and the commit sits on the tip.
    expect(logs.filter((l) => /fail/i.test(l))).toEqual([]);
    expect(git(bare, ['rev-parse', 'main']).trim()).toBe(r.commit);
    expect(git(bare, ['rev-parse', `${r.commit}^`]).trim()).toBe(tip);
    expect(git(bare, ['show', 'main:apps/echo/values.yaml'])).toBe('tag: 1.3.0\n');
    expect(readFileSync(join(bare, 'HEAD'), 'utf8')).toContain('refs/heads/main');
  });

  test('the push sends without fetching: the shallow commits of the read cache are shallow in the checkout too', async () => {
    // Two freight: the index ref the remote advertises has a parent the reader's cache lacks.
    const writer = store('c-writer');
    await writer.recordFreight('echo', makeFreight('2.0.0'));
    await writer.recordFreight('echo', makeFreight('2.0.1'));
    const events = join(tmp.path, 'trace2.json');
    const s = store('c-push', undefined, { GIT_TRACE2_EVENT: events });
    await s.projectFiles();
    const index = await s.promotionRecords('echo', () => undefined);
    expect(index).toBeUndefined();
    const f = makeFreight('2.0.1');
    const r = await s.commitPromotion({
      project: 'echo',
      stage: 'dev',
      freight: f,
      promotedBy: 'a',
      paths: ['apps/echo'],
      edit: edit('2.0.1'),
    });
    expect(r.commit).toBe(git(bare, ['rev-parse', 'main']).trim());
    expect(existsSync(events)).toBe(true);
    const starts = readFileSync(events, 'utf8')
      .split('\n')
      .filter((l) => l.includes('"event":"start"'))
      .map((l) => JSON.parse(l) as { sid: string; argv: string[] });
    const push = starts.find((e) => e.argv.includes('push'));
    expect(push).toBeDefined();
    // Whatever the push started: its pack-objects and the transport, and no fetch beneath them.
    const under = starts.filter((e) => e.sid.startsWith(`${push?.sid}/`));
    expect(under.some((e) => e.argv.includes('pack-objects'))).toBe(true);
    expect(under.filter((e) => e.argv.includes('fetch'))).toEqual([]);
  });

  describe('promote() of named freight', () => {
    const TEXT = DEV_PROD;
    let project: Project;
    const f = makeFreight('3.0.0', { createdAt: '2026-11-01T10:00:00.000Z' });
    beforeAll(async () => {
      const loaded = await loadProjectsFromFiles([{ file: '.gantry/echo.yaml', text: TEXT }]);
      expect(loaded.problems).toEqual([]);
      project = loaded.projects[0] as Project;
      // Two writes: the freight index the reads fetch has a parent commit they do not.
      await store('c-record').recordFreight('echo', makeFreight('2.9.0'));
      await store('c-record').recordFreight('echo', f);
    });
    const run = (s: StateStore, stage: string, freight: string) =>
      promote({
        project,
        stage,
        freight,
        store: s,
        registry: defaultRegistry(),
        dryRun: false,
        promotedBy: 'test',
        clock: () => new Date('2026-11-02T00:00:00Z'),
        fetch,
        log: () => undefined,
      });
    const checkouts = (name: string) =>
      readdirSync(join(tmp.path, name)).filter((n) => n.startsWith('promote-'));

    test('the checkout opened during the reads is the one the commit is made in', async () => {
      const lines: string[] = [];
      const events = join(tmp.path, 'trace2-early.json');
      const s = store('c-early', (l) => lines.push(l), { GIT_TRACE2_EVENT: events });
      const out = await run(s, 'dev', f.id);
      expect(out.result?.changed).toBe(true);
      expect(git(bare, ['show', 'main:apps/echo/values.yaml'])).toBe('tag: 3.0.0\n');
      // One checkout of the branch: the commit did not open a second.
      expect(lines.filter((l) => l.startsWith('git checkout'))).toHaveLength(1);
      expect(lines.filter((l) => /^git (init|update-ref|rev-parse)\b/.test(l))).toEqual([]);
      expect(checkouts('c-early')).toEqual([]);
      // The freight index was fetched while the checkout was open: its shallow commit reached
      // the checkout before the push, which fetches nothing.
      const starts = readFileSync(events, 'utf8')
        .split('\n')
        .filter((l) => l.includes('"event":"start"'))
        .map((l) => JSON.parse(l) as { sid: string; argv: string[] });
      const push = starts.find((e) => e.argv.includes('push'));
      expect(push).toBeDefined();
      const under = starts.filter((e) => e.sid.startsWith(`${push?.sid}/`));
      expect(under.filter((e) => e.argv.includes('fetch'))).toEqual([]);
      // The checkout fetched the blobs of its paths (a promisor fetch) without listing the read
      // cache's refs, and nothing under it waited on fsync: it is a scratch repository.
      const checkout = starts.find((e) => e.argv.includes('checkout'));
      const lazy = starts.filter((e) => e.sid.startsWith(`${checkout?.sid}/`));
      expect(lazy.some((e) => e.argv.includes('fetch'))).toBe(true);
      expect(lazy.filter((e) => e.argv.includes('for-each-ref'))).toEqual([]);
      const synced = readFileSync(events, 'utf8')
        .split('\n')
        .filter((l) => l.includes('"category":"fsync"') && l.includes(`"sid":"${checkout?.sid}`));
      expect(synced).toEqual([]);
    });

    test('refused or unknown freight: the checkout opened ahead is removed, nothing is pushed', async () => {
      const tip = git(bare, ['rev-parse', 'main']).trim();
      const newer = makeFreight('3.1.0', { createdAt: '2026-11-01T11:00:00.000Z' });
      await store('c-record').recordFreight('echo', newer);
      // Not verified in dev: prod refuses it.
      await expect(run(store('c-refused'), 'prod', newer.id)).rejects.toThrow(
        /not available to prod/,
      );
      expect(checkouts('c-refused')).toEqual([]);
      await expect(run(store('c-unknown'), 'dev', 'alias-9-9-9')).rejects.toThrow(
        /no freight "alias-9-9-9"/,
      );
      expect(checkouts('c-unknown')).toEqual([]);
      expect(git(bare, ['rev-parse', 'main']).trim()).toBe(tip);
    });
  });

  test('the Kargo-steps form: its repository is written as files, and its push fetches nothing', async () => {
    const text = `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
stages:
  - name: qa
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: git-clone
          config:
            repoURL: ${url}
            checkout:
              - {branch: main, path: ./src}
        - uses: yaml-update
          config:
            path: ./src/apps/echo/values.yaml
            updates:
              - {key: tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}
        - uses: git-commit
          config: {path: ./src, message: bump}
        - uses: git-push
          config: {path: ./src}
`;
    const loaded = await loadProjectsFromFiles([{ file: '.gantry/echo.yaml', text }]);
    expect(loaded.problems).toEqual([]);
    const f = makeFreight('4.0.0', { createdAt: '2026-11-01T12:00:00.000Z' });
    const writer = store('c-kargo-writer');
    await writer.recordFreight('echo', f);
    await writer.recordFreight(
      'echo',
      makeFreight('4.0.1', { createdAt: '2026-11-01T13:00:00.000Z' }),
    );
    const events = join(tmp.path, 'trace2-kargo.json');
    const lines: string[] = [];
    const s = store('c-kargo', (l) => lines.push(l), { GIT_TRACE2_EVENT: events });
    const out = await promote({
      project: loaded.projects[0] as Project,
      stage: 'qa',
      freight: f.id,
      store: s,
      registry: defaultRegistry(),
      dryRun: false,
      promotedBy: 'test',
      clock: () => new Date('2026-11-02T00:00:00Z'),
      fetch,
      log: () => undefined,
    });
    expect(out.result?.changed).toBe(true);
    expect(git(bare, ['show', 'main:apps/echo/values.yaml'])).toBe('tag: 4.0.0\n');
    expect(lines.filter((l) => l.startsWith('git init'))).toEqual([]);
    const starts = readFileSync(events, 'utf8')
      .split('\n')
      .filter((l) => l.includes('"event":"start"'))
      .map((l) => JSON.parse(l) as { sid: string; argv: string[] });
    const pushes = starts.filter((e) => e.argv.includes('push'));
    expect(pushes.length).toBeGreaterThan(0);
    for (const push of pushes) {
      const under = starts.filter((e) => e.sid.startsWith(`${push.sid}/`));
      expect(under.filter((e) => e.argv.includes('fetch'))).toEqual([]);
    }
  });
});

/**
 * `gantry promote --project P --freight F`: the fetch that names the default branch also lists the
 * project's tags, brings its freight index and the named freight's tags (promoteNamedAhead), so
 * that the promotion lists no tags and fetches no index of its own. Refusals stay as they were.
 */
describe('a promotion of freight named up front', () => {
  const tmp = tempDir();
  const password = 'named-secret-5521';
  let server: GitHttpServer;
  const TEXT = `${DEV_PROD}  - name: late
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {stages: [dev], requiredSoakTime: 1h}
    promotionTemplate:
      steps:
        - uses: compose-output
          config: {note: nothing to edit}
`;
  const at = (h: number) => `2026-11-01T${String(h).padStart(2, '0')}:00:00.000Z`;
  const f1 = makeFreight('5.0.0', { createdAt: at(10) });
  const f2 = makeFreight('5.1.0', { createdAt: at(11) });
  let project: Project;
  beforeAll(async () => {
    for (const name of ['file', 'http'])
      createBareRepo(tmp.path, name, {
        '.gantry/echo.yaml': TEXT,
        'apps/echo/values.yaml': 'tag: 1.0.0\n',
      });
    server = await startGitHttpServer({ root: tmp.path, auth: { username: 'bot', password } });
    const loaded = await loadProjectsFromFiles([{ file: '.gantry/echo.yaml', text: TEXT }]);
    expect(loaded.problems).toEqual([]);
    project = loaded.projects[0] as Project;
  });
  afterAll(async () => {
    await server.close();
    tmp.cleanup();
  });

  let n = 0;
  const transports = [
    {
      name: 'file://',
      bare: 'file.git',
      url: () => parseRemote(`file://${join(tmp.path, 'file.git')}`),
    },
    {
      name: 'smart HTTP',
      bare: 'http.git',
      url: () =>
        parseRemote(`${server.url}/http.git`, { kind: 'basic', username: 'bot', password }),
    },
  ];
  describe.each(transports)('over $name', ({ url, bare }) => {
    const store = (lines?: string[]) =>
      new StateStore({
        remote: url(),
        cacheDir: join(tmp.path, `named-${n++}`),
        baseEnv: testGitEnv(tmp.path),
        ...(lines ? { trace: (l: string) => lines.push(l) } : {}),
      });
    /** Set-up's records, written straight into the bare repository whatever the transport. */
    const writer = () =>
      new StateStore({
        remote: parseRemote(`file://${join(tmp.path, bare)}`),
        cacheDir: join(tmp.path, `named-${n++}`),
        baseEnv: testGitEnv(tmp.path),
      });
    /** As the CLI runs it: the reads asked for ahead, the project files read, then promote(). */
    const promoteNamed = async (stage: string, freight: string, lines: string[] = []) => {
      const s = store(lines);
      s.promoteNamedAhead('echo', freight);
      await s.projectFiles();
      return promote({
        project,
        stage,
        freight,
        store: s,
        registry: defaultRegistry(),
        dryRun: false,
        promotedBy: 'test',
        clock: () => new Date('2026-11-02T00:00:00Z'),
        fetch,
        log: () => undefined,
      });
    };
    const isFetch = (l: string) => /^git (-c \S+ )*fetch /.test(l);
    /** The git commands run before the commit's checkout. */
    const reads = (lines: string[]) => {
      const end = lines.findIndex((l) => l.startsWith('git checkout'));
      return lines.slice(0, end < 0 ? lines.length : end);
    };

    beforeAll(async () => {
      const s = writer();
      await s.recordFreight('echo', f1);
      await s.recordFreight('echo', f2);
    });

    test('the newest freight by ID: one fetch with HEAD, one of blobs; no listing, no index fetch', async () => {
      const lines: string[] = [];
      const out = await promoteNamed('dev', f2.id, lines);
      expect(out.result?.changed).toBe(true);
      expect(out.held).toBe(false);
      const read = reads(lines);
      expect(read.filter((l) => l.startsWith('git ls-remote'))).toEqual([]);
      const fetches = read.filter(isFetch);
      expect(fetches).toHaveLength(2);
      // The index and the named freight's tags came with the fetch of HEAD.
      expect(fetches[0]).toContain('+HEAD:');
      expect(fetches[0]).toContain(`*${f2.id}`);
      expect(fetches.slice(1).join('\n')).not.toContain('freight-index');
      // The index's commit and tree; the project directory; the blobs (project files, state
      // files, index shards); one read of them with the named freight's tags.
      expect(read.map((l) => l.replace(/^git (-c \S+ )*(\S+).*$/s, '$2'))).toEqual([
        'fetch',
        'cat-file',
        'ls-tree',
        'fetch',
        'cat-file',
      ]);
    });

    test('older freight by ID holds the stage: the newer one is read by ID, still no listing', async () => {
      const lines: string[] = [];
      const out = await promoteNamed('dev', f1.id, lines);
      expect(out.freight?.id).toBe(f1.id);
      expect(out.held).toBe(true);
      const read = reads(lines);
      expect(read.filter((l) => l.startsWith('git ls-remote'))).toEqual([]);
      expect(read.filter(isFetch).length).toBeLessThanOrEqual(3);
    });

    test('by alias and by ID prefix: resolved from the index the fetch brought', async () => {
      const lines: string[] = [];
      const out = await promoteNamed('dev', f2.alias, lines);
      expect(out.freight?.id).toBe(f2.id);
      expect(out.held).toBe(false);
      const prefix = await promoteNamed('dev', f1.id.slice(0, 9), lines);
      expect(prefix.freight?.id).toBe(f1.id);
      expect(prefix.held).toBe(true);
      expect(lines.filter((l) => l.startsWith('git ls-remote'))).toEqual([]);
    });

    test('refusals keep their messages: unknown ID, unknown alias, not verified upstream', async () => {
      const tip = await store().branchTip();
      await expect(promoteNamed('dev', 'f'.repeat(40))).rejects.toThrow(
        /no freight "f{40}": name freight by its ID/,
      );
      const lines: string[] = [];
      await expect(promoteNamed('dev', 'alias-9-9-9', lines)).rejects.toThrow(
        /no freight "alias-9-9-9" \(did you mean/,
      );
      // The full read that gives the hints lists no tags either: it takes the fetch's listing.
      expect(lines.filter((l) => l.startsWith('git ls-remote'))).toEqual([]);
      // Nor does a stage with a soak time, which reads every freight and the history.
      const soak: string[] = [];
      await expect(promoteNamed('late', f2.id, soak)).rejects.toThrow(
        /is not available to late: not verified in dev/,
      );
      expect(soak.filter((l) => l.startsWith('git ls-remote'))).toEqual([]);
      await expect(promoteNamed('prod', f2.id)).rejects.toThrow(
        new RegExp(
          `freight ${f2.alias} \\(${f2.id.slice(0, 7)}\\) is not available to prod: not verified in dev`,
        ),
      );
      expect(await store().branchTip()).toBe(tip);
    });

    test('verified upstream, or approved for the stage: the records read by name count', async () => {
      const s = writer();
      const f3 = makeFreight('5.2.0', { createdAt: at(12) });
      const f4 = makeFreight('5.3.0', { createdAt: at(13) });
      await s.recordFreight('echo', f3);
      await s.recordFreight('echo', f4);
      await s.recordVerification({
        project: 'echo',
        stage: 'dev',
        freightId: f3.id,
        alias: f3.alias,
        verifiedAt: at(12),
        verifiedBy: 'test',
      });
      await s.recordApproval({
        project: 'echo',
        stage: 'prod',
        freightId: f4.id,
        alias: f4.alias,
        approvedAt: at(13),
        approvedBy: 'carol',
      });
      const verified = await promoteNamed('prod', f3.id);
      expect(verified.freight?.id).toBe(f3.id);
      // f4 is newer and available to prod (approved for it): f3 is a rollback there.
      expect(verified.held).toBe(true);
      const approved = await promoteNamed('prod', f4.id);
      expect(approved.freight?.id).toBe(f4.id);
      expect(approved.held).toBe(false);
      expect(approved.approvedBy).toEqual(['carol']);
    });

    test('gantry promote --project --freight asks for the reads ahead', async () => {
      const f = makeFreight('5.4.0', { createdAt: at(14) });
      await writer().recordFreight('echo', f);
      const r = url();
      const c = r.credentials;
      const remote =
        c?.kind === 'basic' ? r.url.replace('://', `://${c.username}:${c.password}@`) : r.url;
      const out = await runGantry(
        ['promote', '--repo', remote, '--project', 'echo', '--stage', 'dev', '--freight', f.id],
        {
          ...testGitEnv(tmp.path),
          GANTRY_CACHE_DIR: join(tmp.path, `cli-${n++}`),
          GANTRY_DEBUG: '1',
          USER: 'alice',
        },
        () => new Date('2026-11-02T00:00:00Z'),
      );
      expect(out.code).toBe(0);
      expect(out.out).toContain(`promoted ${f.alias}`);
      const git = out.err.split('\n').filter((l) => l.startsWith('debug: git '));
      expect(git.length).toBeGreaterThan(0);
      expect(git.filter((l) => l.includes(' ls-remote '))).toEqual([]);
      const fetches = git.filter((l) => /^debug: git (-c \S+ )*fetch /.test(l));
      expect(fetches).toHaveLength(2);
      expect(fetches[0]).toContain(`*${f.id}`);
    });

    test('a freight tag the index lacks (pushed by hand): the tags are read, the rollback rule sees it', async () => {
      const newest = makeFreight('5.9.0', { createdAt: at(20) });
      const dir = join(tmp.path, bare);
      const env = testGitEnv(tmp.path);
      const tree = git(dir, ['mktree'], env, '').trim();
      const name = `gantry/echo/freight/${newest.id}`;
      const body = `object ${tree}\ntype tree\ntag ${name}\ntagger hand <hand@example.test> 1790000000 +0000\n\n${serializeFreight(newest)}`;
      const oid = git(dir, ['hash-object', '-t', 'tag', '-w', '--stdin'], env, body).trim();
      git(dir, ['update-ref', `refs/tags/${name}`, oid], env);
      const out = await promoteNamed('dev', f2.id);
      expect(out.freight?.id).toBe(f2.id);
      expect(out.held).toBe(true);
    });
  });
});

/**
 * promoteNamedAhead starts the fetch that names the default branch at once. When that fetch
 * fails, the first read that needs the branch reports its failure: it does not go through every
 * git command (and their retries) again.
 */
test('named freight, a remote that is not there: its reads run once, and fail', async () => {
  const tmp = tempDir();
  try {
    const lines: string[] = [];
    const s = new StateStore({
      remote: parseRemote(`file://${join(tmp.path, 'absent.git')}`),
      cacheDir: join(tmp.path, 'cache'),
      baseEnv: testGitEnv(tmp.path),
      retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
      trace: (l) => lines.push(l),
    });
    await s.promoteNamedAhead('echo', makeFreight('1.0.0').id);
    // As while the CLI loads the promotion's code: the reads started ahead have failed already.
    await vi.waitFor(() => expect(lines).toHaveLength(2));
    await expect(s.projectFiles()).rejects.toThrow(/absent\.git/);
    const commands = lines.map((l) => l.replace(/^git (-c \S+ )*(\S+).*$/s, '$2'));
    expect(commands).toEqual(['fetch', 'ls-remote']);
  } finally {
    tmp.cleanup();
  }
});
