import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { discover, type DiscoverySources } from '../../src/discovery/discover.js';
import { newestFreight } from '../../src/freight/order.js';
import type { DiscoveredImage } from '../../src/discovery/types.js';
import { parseRemote } from '../../src/git/index.js';
import { parseProjectFile, type Project } from '../../src/pipeline/index.js';
import { StateStore } from '../../src/state/index.js';
import { ConfigError } from '../../src/util/errors.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';

const PROJECT = `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
      - chart: {repoURL: https://charts.acme.dev, name: echo}
      - git: {repoURL: https://github.com/acme/config}
  - name: tools
    freightCreationPolicy: Manual
    subscriptions:
      - image: {repoURL: ghcr.io/acme/tools}
stages:
  - name: dev
    autoPromotion: true
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate: {steps: [{uses: yaml-update}]}
  - name: qa
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate: {steps: [{uses: yaml-update}]}
  - name: staging
    autoPromotion: true
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {stages: [dev]}
    promotionTemplate: {steps: [{uses: yaml-update}]}
`;

const log = { info: () => undefined, warn: () => undefined };

function sources(images: Record<string, DiscoveredImage[] | Error>): DiscoverySources {
  return {
    images: async (sub) => {
      const v = images[sub.repoURL] ?? [];
      if (v instanceof Error) throw v;
      return v;
    },
    charts: async () => [{ version: '2.1.0' }, { version: '2.0.0' }],
    commits: async () => [
      {
        id: 'a'.repeat(40),
        branch: 'main',
        message: 'fix: things',
        author: 'Ada <ada@example.test>',
      },
    ],
  };
}

const img = (tag: string): DiscoveredImage => ({
  tag,
  digest: `sha256:${tag.replace(/\./g, '').padEnd(64, '0')}`,
});

describe('discover()', () => {
  const tmp = tempDir();
  let project: Project;
  let store: StateStore;
  let bare: string;
  let t = Date.parse('2026-11-01T00:00:00Z');
  const clock = () => new Date((t += 60_000));

  beforeAll(() => {
    bare = createBareRepo(tmp.path, 'gitops', { '.gantry/echo.yaml': PROJECT });
    const parsed = parseProjectFile('.gantry/echo.yaml', PROJECT);
    expect(parsed.problems).toEqual([]);
    project = parsed.project as Project;
    store = new StateStore({
      remote: parseRemote(`file://${bare}`),
      cacheDir: join(tmp.path, 'cache'),
      baseEnv: testGitEnv(tmp.path),
    });
  });
  afterAll(() => tmp.cleanup());

  const run = (
    images: Record<string, DiscoveredImage[] | Error>,
    extra: { dryRun?: boolean; warehouses?: string[] } = {},
  ) =>
    discover({
      project,
      store,
      sources: sources(images),
      dryRun: false,
      clock,
      createdBy: 'test',
      log,
      ...extra,
    });

  test('dry run: reports the freight it would record and writes nothing', async () => {
    const before = git(bare, ['for-each-ref']);
    const r = await run(
      { 'ghcr.io/acme/echo': [img('1.0.0')], 'ghcr.io/acme/tools': [img('0.1.0')] },
      { dryRun: true },
    );
    expect(r.warehouses[0]?.freight).toMatchObject({
      new: true,
      images: [{ tag: '1.0.0' }],
      charts: [{ version: '2.1.0', name: 'echo' }],
    });
    expect(r.warehouses[0]?.note).toBe('dry run: not recorded');
    // What it would make due is shown too.
    expect(r.promotions.map((p) => [p.stage, p.freight])).toEqual([
      ['dev', r.warehouses[0]?.freight?.id],
    ]);
    expect(git(bare, ['for-each-ref'])).toBe(before);
  });

  test('records the newest of each subscription as freight, once', async () => {
    const r1 = await run({
      'ghcr.io/acme/echo': [img('1.1.0'), img('1.0.0')],
      'ghcr.io/acme/tools': [img('0.1.0')],
    });
    const f = r1.warehouses[0]?.freight;
    expect(f).toMatchObject({
      new: true,
      origin: { kind: 'Warehouse', name: 'echo' },
      images: [{ repoURL: 'ghcr.io/acme/echo', tag: '1.1.0' }],
      charts: [{ repoURL: 'https://charts.acme.dev', name: 'echo', version: '2.1.0' }],
      commits: [{ repoURL: 'https://github.com/acme/config', id: 'a'.repeat(40), branch: 'main' }],
      createdBy: 'test',
    });
    expect(r1.warehouses[0]?.subscriptions.map((s) => s.selected)).toEqual([
      '1.1.0',
      '2.1.0',
      'aaaaaaa',
    ]);
    expect(git(bare, ['tag', '-l', 'gantry/echo/freight/*']).trim()).toBe(
      `gantry/echo/freight/${f?.id}`,
    );

    const r2 = await run({
      'ghcr.io/acme/echo': [img('1.1.0')],
      'ghcr.io/acme/tools': [img('0.1.0')],
    });
    expect(r2.warehouses[0]?.freight).toMatchObject({
      id: f?.id,
      alias: f?.alias,
      new: false,
      createdAt: f?.createdAt,
    });
  });

  test('Manual policy: found and reported, never recorded', async () => {
    const r = await run({
      'ghcr.io/acme/echo': [img('1.1.0')],
      'ghcr.io/acme/tools': [img('0.2.0')],
    });
    const tools = r.warehouses.find((w) => w.name === 'tools');
    expect(tools?.note).toBe('freightCreationPolicy is Manual: found, not recorded');
    expect(tools?.freight).toMatchObject({ new: true, recorded: false });
    expect(r.freight.map((f) => [f.origin.name, f.recorded])).toContainEqual(['tools', false]);
    expect(tools?.freight?.images[0]?.tag).toBe('0.2.0');
    expect(git(bare, ['tag', '-l', 'gantry/echo/freight/*']).trim().split('\n')).toHaveLength(1);
  });

  test('due promotions: auto-promoted stages that take the warehouse directly, newest freight', async () => {
    const r = await run({ 'ghcr.io/acme/echo': [img('1.2.0')] }, { warehouses: ['echo'] });
    const newest = r.warehouses[0]?.freight;
    expect(r.promotions).toEqual([
      { project: 'echo', stage: 'dev', freight: newest?.id, alias: newest?.alias },
    ]);
  });

  test('a stage that already runs the newest freight is not due; a held stage is skipped with the reason', async () => {
    const snap = await store.snapshot('echo');
    // Chosen by what it holds, not by newestFreight (which would make the test circular).
    const newest = snap.freight.find((f) => f.images[0]?.tag === '1.2.0');
    if (!newest) throw new Error('no freight');
    await store.commitPromotion({
      project: 'echo',
      stage: 'dev',
      freight: newest,
      promotedBy: 'test',
    });
    expect(
      (await run({ 'ghcr.io/acme/echo': [img('1.2.0')] }, { warehouses: ['echo'] })).promotions,
    ).toEqual([]);

    // A rollback by hand leaves a hold in the state file; discovery must leave the stage alone.
    const older = snap.freight.find((f) => f.id !== newest.id);
    if (!older) throw new Error('no older freight');
    await store.commitPromotion({
      project: 'echo',
      stage: 'dev',
      freight: older,
      promotedBy: 'alice',
    });
    const work = join(tmp.path, 'hold');
    git(tmp.path, ['clone', '-q', bare, work]);
    const file = join(work, '.gantry/state/echo/dev.yaml');
    const { appendFileSync } = await import('node:fs');
    appendFileSync(
      file,
      'autoPromotionHold: {since: "2026-11-02T00:00:00Z", by: alice, reason: rollback}\n',
    );
    git(work, ['commit', '-qam', 'hold dev']);
    git(work, ['push', '-q', 'origin', 'main']);
    const r = await run({ 'ghcr.io/acme/echo': [img('1.2.0')] }, { warehouses: ['echo'] });
    expect(r.promotions).toEqual([]);
    expect(r.skipped).toEqual([
      { stage: 'dev', reason: 'held since 2026-11-02T00:00:00Z by alice: rollback' },
    ]);
  });

  test('a failing subscription leaves its warehouse without freight and says why; others go on', async () => {
    const r = await run({
      'ghcr.io/acme/echo': new Error('registry said no'),
      'ghcr.io/acme/tools': [img('0.3.0')],
    });
    const echo = r.warehouses.find((w) => w.name === 'echo');
    expect(echo?.freight).toBeUndefined();
    expect(echo?.note).toBe('no freight: ghcr.io/acme/echo failed (registry said no)');
    expect(echo?.subscriptions[0]?.error).toBe('registry said no');
    expect(r.warehouses.find((w) => w.name === 'tools')?.freight?.images[0]?.tag).toBe('0.3.0');
  });

  test('a subscription with nothing that passes its filters: no freight', async () => {
    const r = await run({ 'ghcr.io/acme/echo': [] }, { warehouses: ['echo'] });
    expect(r.warehouses[0]?.note).toBe(
      'no freight: ghcr.io/acme/echo offered no version that passes its filters',
    );
  });

  test('an unknown warehouse is a configuration error', async () => {
    await expect(run({}, { warehouses: ['nope'] })).rejects.toThrow(ConfigError);
    await expect(run({}, { warehouses: ['nope'] })).rejects.toThrow(
      'project echo has no warehouse nope',
    );
  });

  test('credentials in a repository URL never reach the freight', async () => {
    const withCreds = parseProjectFile(
      '.gantry/echo.yaml',
      PROJECT.replace(
        'https://charts.acme.dev',
        'https://bob:S3cretPass@charts.acme.dev/?sig=tok3n',
      ),
    ).project as Project;
    const r = await discover({
      project: withCreds,
      store,
      sources: sources({ 'ghcr.io/acme/echo': [img('9.9.9')] }),
      dryRun: true,
      clock,
      createdBy: 'test',
      log,
      warehouses: ['echo'],
    });
    const text = JSON.stringify(r);
    expect(text).not.toContain('S3cretPass');
    expect(text).not.toContain('tok3n');
    expect(r.warehouses[0]?.freight?.charts[0]?.repoURL).toBe('https://charts.acme.dev/');
  });

  test('a state that cannot be read is an error of the call, not a crash', async () => {
    // A remote that is not a repository: the state listing fails while subscriptions still run.
    const s = new StateStore({
      remote: parseRemote(`file://${join(tmp.path, 'no-such-repo.git')}`),
      cacheDir: join(tmp.path, 'cache-broken'),
      baseEnv: testGitEnv(tmp.path),
    });
    const slow: DiscoverySources = {
      ...sources({}),
      images: () => new Promise((r) => setTimeout(() => r([img('1.0.0')]), 300)),
    };
    await expect(
      discover({ project, store: s, sources: slow, dryRun: true, clock, createdBy: 'test', log }),
    ).rejects.toThrow(/no-such-repo\.git/);
  });
});

describe('discover() reads the freight it needs, not every freight tag', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  test('with a matching freight index: no full read; freight found again is reported as stored', async () => {
    const bare = createBareRepo(tmp.path, 'gitops', { '.gantry/echo.yaml': PROJECT });
    const project = parseProjectFile('.gantry/echo.yaml', PROJECT).project as Project;
    const store = new StateStore({
      remote: parseRemote(`file://${bare}`),
      cacheDir: join(tmp.path, 'cache'),
      baseEnv: testGitEnv(tmp.path),
    });
    let fullReads = 0;
    const counted = new Proxy(store, {
      get(target, key) {
        if (key === 'snapshot') {
          return (p: string) => {
            fullReads++;
            return target.snapshot(p);
          };
        }
        const v: unknown = Reflect.get(target, key);
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    let t = Date.parse('2026-11-01T00:00:00Z');
    const run = (tag: string, createdBy: string) =>
      discover({
        project,
        store: counted,
        sources: sources({ 'ghcr.io/acme/echo': [img(tag)] }),
        dryRun: false,
        clock: () => new Date((t += 60_000)),
        createdBy,
        log,
        warehouses: ['echo'],
      });
    // Ten freight, so that reading every tag and reading a few differ.
    const recorded = [];
    for (let i = 0; i < 10; i++) recorded.push((await run(`1.${i}.0`, `run-${i}`)).freight[0]);
    expect(recorded.every((f) => f?.new)).toBe(true);
    expect(new Set(recorded.map((f) => f?.alias)).size).toBe(10);
    fullReads = 0;

    // The newest, found again: read whole from its tag (createdBy is not in the index).
    const again = await run('1.9.0', 'later');
    expect(again.freight[0]).toMatchObject({
      id: recorded[9]?.id,
      alias: recorded[9]?.alias,
      createdAt: recorded[9]?.createdAt,
      createdBy: 'run-9',
      commits: [{ message: 'fix: things' }],
      new: false,
    });
    // An older one (a registry rolled back): its tag is read too.
    const older = await run('1.3.0', 'later');
    expect(older.freight[0]).toMatchObject({
      id: recorded[3]?.id,
      createdBy: 'run-3',
      new: false,
    });
    // The candidate of auto-promotion is still the newest freight of the warehouse.
    expect(older.promotions.map((p) => [p.stage, p.freight])).toEqual([['dev', recorded[9]?.id]]);
    // A new one gets an alias none of the ten has.
    const fresh = await run('2.0.0', 'later');
    expect(fresh.freight[0]?.new).toBe(true);
    expect(recorded.map((f) => f?.alias)).not.toContain(fresh.freight[0]?.alias);
    expect(fullReads).toBe(0);
  });
});

describe('newestFreight (Kargo auto-promotion candidate, conformance L)', () => {
  const now = Date.parse('2026-11-01T12:00:00Z');
  const at = (offsetMin: number) => new Date(now + offsetMin * 60_000).toISOString();
  test('newest by creation time', () => {
    expect(
      newestFreight([
        { id: 'older-freight', createdAt: at(-60) },
        { id: 'newer-freight', createdAt: at(0) },
      ])?.id,
    ).toBe('newer-freight');
  });
  test('times are compared as instants, whatever their offset or precision', () => {
    expect(
      newestFreight([
        { id: 'a', createdAt: '2026-11-01T12:00:00+02:00' },
        { id: 'b', createdAt: '2026-11-01T11:00:00Z' },
      ])?.id,
    ).toBe('b');
    expect(
      newestFreight([
        { id: 'a', createdAt: '2026-11-01T12:00:00Z' },
        { id: 'b', createdAt: '2026-11-01T12:00:00.500Z' },
      ])?.id,
    ).toBe('b');
  });

  test('ties go to the name (ID) that sorts last', () => {
    expect(
      newestFreight([
        { id: 'aaa-freight', createdAt: at(0) },
        { id: 'bbb-freight', createdAt: at(0) },
      ])?.id,
    ).toBe('bbb-freight');
  });
  test('none', () => {
    expect(newestFreight([])).toBeUndefined();
  });
});
