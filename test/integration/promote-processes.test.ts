/**
 * The git processes of a short-form promotion's commit (src/state/transaction.ts): its checkout
 * repository is written as files, the tip the reads fetched is checked out by its ID, and the
 * commit's ID is read from the ref git wrote; a seed whose objects lack the tip still lands.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseRemote } from '../../src/git/index.js';
import { loadProjectsFromFiles, type Project } from '../../src/pipeline/index.js';
import { promote } from '../../src/promotion/promote.js';
import { defaultRegistry } from '../../src/promotion/steps/registry.js';
import { StateStore } from '../../src/state/index.js';
import { commitPromotion } from '../../src/state/transaction.js';
import { makeFreight } from '../support/freight.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';

describe('the commit of a short-form promotion', () => {
  const tmp = tempDir();
  let url: string;
  let bare: string;
  beforeAll(() => {
    bare = createBareRepo(tmp.path, 'gitops', {
      '.gantry/echo.yaml': 'project: echo\n',
      'apps/echo/values.yaml': 'tag: 1.0.0\n',
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

  test('after the reads: checkout, add, commit and push, no init, update-ref or rev-parse', async () => {
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
    const TEXT = `project: echo
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
