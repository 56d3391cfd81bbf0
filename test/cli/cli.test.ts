import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseRemote } from '../../src/git/index.js';
import { StateStore } from '../../src/state/index.js';
import { makeFreight } from '../support/freight.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { seedFreight } from '../support/seed-freight.js';
import { runGantry } from '../support/cli.js';

const PROJECT = `project: echo
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
            path: values.yaml
            updates: [{key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}]
  - name: prod
    branch: release
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {stages: [dev]}
    promotionTemplate:
      steps:
        - uses: yaml-update
          config:
            path: values.yaml
            updates: [{key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}]
`;

const NOW = new Date('2026-11-03T12:00:00Z');

const cli = (args: string[], env: Record<string, string>) => runGantry(args, env, () => NOW);

describe('gantry CLI', () => {
  const tmp = tempDir();
  const env = { ...testGitEnv(tmp.path), GANTRY_CACHE_DIR: join(tmp.path, 'cache') };
  let bare: string;
  let clone: string;
  const f1 = makeFreight('1.0.0', { createdAt: '2026-11-03T09:00:00.000Z' });
  const f2 = makeFreight('1.1.0', { createdAt: '2026-11-03T11:00:00.000Z' });

  beforeAll(async () => {
    bare = createBareRepo(tmp.path, 'gitops', { '.gantry/echo.yaml': PROJECT }, ['release']);
    clone = join(tmp.path, 'clone');
    git(tmp.path, ['clone', '-q', bare, clone]);
    const store = new StateStore({
      remote: parseRemote(`file://${bare}`),
      cacheDir: join(tmp.path, 'writer-cache'),
      baseEnv: testGitEnv(tmp.path),
      clock: () => new Date('2026-11-03T10:00:00Z'),
    });
    await seedFreight(bare, 'echo', [f1, f2], { now: new Date('2026-11-03T10:00:00Z') });
    await store.commitPromotion({
      project: 'echo',
      stage: 'dev',
      freight: f1,
      promotedBy: 'alice',
    });
    await store.recordVerification({
      project: 'echo',
      stage: 'dev',
      freightId: f1.id,
      alias: f1.alias,
      verifiedAt: '2026-11-03T10:30:00Z',
      verifiedBy: 'ci',
    });
  });
  afterAll(() => tmp.cleanup());

  test('lint passes on a valid repository', async () => {
    const r = await cli(['lint', '--repo', clone], env);
    expect(r).toMatchObject({ code: 0, out: '' });
    expect(r.err).toBe('ok: 1 project (echo)\n');
  });

  test('lint prints file:line:col problems and exits 2', async () => {
    const broken = join(tmp.path, 'broken');
    cpSync(clone, broken, { recursive: true });
    writeFileSync(
      join(broken, '.gantry/echo.yaml'),
      PROJECT.replace(
        'requestedFreight:\n      - origin: {kind: Warehouse, name: echo}\n        sources: {stages: [dev]}',
        'requestedFreigt: []',
      ),
    );
    const r = await cli(['lint', '--repo', broken], env);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^\.gantry\/echo\.yaml:\d+:\d+: stages\[1\]/m);
    expect(r.out).toContain('did you mean "requestedFreight"?');
  });

  test('lint knows the steps and providers of this build: unknown step, bad provider fields', async () => {
    const broken = join(tmp.path, 'broken-steps');
    cpSync(clone, broken, { recursive: true });
    const text = PROJECT.replace('uses: yaml-update', 'uses: yaml-updat').concat(
      [
        '    verification:',
        '      - name: healthz',
        '        provider:',
        '          http: {method: GET}',
        '',
      ].join('\n'),
    );
    writeFileSync(join(broken, '.gantry/echo.yaml'), text);
    const r = await cli(['lint', '--repo', broken], env);
    expect(r.code).toBe(2);
    const lines = r.out.trim().split('\n');
    const stepLine = text.split('\n').findIndex((l) => l.includes('uses: yaml-updat')) + 1;
    expect(lines[0]).toMatch(
      new RegExp(
        `^\\.gantry/echo\\.yaml:${stepLine}:\\d+: stages\\[0\\]\\.promotionTemplate\\.steps\\[0\\]\\.uses: unknown step "yaml-updat" \\(did you mean "yaml-update"\\?\\)`,
      ),
    );
    expect(r.out).toMatch(
      /verification\[0\]\.provider: verification metric "healthz": provider http: .*url/,
    );
  });

  test('get stages: table', async () => {
    const r = await cli(['get', 'stages', '--repo', clone], env);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        'NAME   FREIGHT       ID        VERIFIED   SINCE   BY',
        `dev    alias-1-0-0   ${f1.id.slice(0, 7)}   yes        2h      alice`,
        'prod   -             -         -          -       -',
        '',
      ].join('\n'),
    );
  });

  test('get stages: json', async () => {
    const r = await cli(['get', 'stages', '--repo', clone, '-o', 'json'], env);
    const doc = JSON.parse(r.out) as {
      stages: { name: string; verified?: boolean; freight: { id: string }[] }[];
    };
    expect(doc.stages.map((s) => [s.name, s.verified, s.freight.map((f) => f.id)])).toEqual([
      ['dev', true, [f1.id]],
      ['prod', undefined, []],
    ]);
  });

  test('get freight: Kargo shape, newest first, with where each freight is', async () => {
    const r = await cli(['get', 'freight', '--repo', `file://${bare}`, '--output', 'json'], env);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { freight: Record<string, unknown>[]; total: number };
    expect(doc.freight.map((f) => f.id)).toEqual([f2.id, f1.id]);
    expect(doc.total).toBe(2);
    // A page of one says how many there are.
    const one = await cli(
      ['get', 'freight', '--repo', `file://${bare}`, '--output', 'json', '--limit', '1'],
      env,
    );
    expect(JSON.parse(one.out)).toMatchObject({ freight: [{ id: f2.id }], total: 2 });
    expect(one.err).toContain('the newest 1 of 2 freight');
    expect(doc.freight[1]).toMatchObject({
      id: f1.id,
      alias: f1.alias,
      origin: { kind: 'Warehouse', name: 'echo' },
      images: f1.images,
      charts: [],
      commits: [],
      status: {
        currentlyIn: { dev: {} },
        verifiedIn: { dev: { verifiedAt: '2026-11-03T10:30:00Z' } },
        approvedFor: {},
      },
    });
    const t = await cli(['get', 'freight', '--repo', clone], env);
    expect(t.out.split('\n')[0]).toBe(
      'ID        ALIAS         WAREHOUSE   VERSIONS     AGE   STAGES',
    );
    expect(t.out).toContain(
      `${f1.id.slice(0, 7)}   alias-1-0-0   echo        echo:1.0.0   3h    dev✓`,
    );
  });

  test('get promotions', async () => {
    const r = await cli(['get', 'promotions', '--repo', clone, '-o', 'json'], env);
    const doc = JSON.parse(r.out) as { promotions: Record<string, unknown>[] };
    expect(doc.promotions).toEqual([
      expect.objectContaining({
        project: 'echo',
        stage: 'dev',
        freight: { id: f1.id, alias: f1.alias },
        promotedBy: 'alice',
        branch: 'main',
      }),
    ]);
  });

  test.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['get', 'stage'], 'did you mean "stages"?'],
    [['get', 'stages', '--output', 'yaml'], '--output must be table or json'],
    [['get', 'stages', '--projekt', 'echo'], 'did you mean --project?'],
    [['get', 'promotions', '--limit', '0'], '--limit must be a positive integer'],
  ])('usage error %j exits 2', async (args, message) => {
    const r = await cli([...args, '--repo', clone], env);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  test('an unknown project exits 2 and lists the known ones', async () => {
    const r = await cli(['get', 'stages', '--repo', clone, '--project', 'nope'], env);
    expect(r).toMatchObject({ code: 2 });
    expect(r.err).toContain('no project "nope"; projects here: echo');
  });

  test('a directory that is not a clone, and a clone without origin, exit 2', async () => {
    const plain = join(tmp.path, 'plain');
    mkdirSync(plain);
    expect((await cli(['get', 'stages', '--repo', plain], env)).err).toContain(
      'is not a git repository',
    );
    git(plain, ['init', '-q']);
    const r = await cli(['get', 'stages', '--repo', plain], env);
    expect(r.code).toBe(2);
    expect(r.err).toContain('has no "origin" remote');
  });

  test('an unreachable remote exits 1 with the git command that failed', async () => {
    const r = await cli(['get', 'freight', '--repo', 'http://127.0.0.1:9/gitops.git'], env);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/gantry: git (ls-remote|fetch) .*failed/);
  });

  test('lint by URL without project files exits 2, as it does for a clone', async () => {
    const empty = createBareRepo(tmp.path, 'empty', { 'README.md': 'no gantry here\n' });
    const r = await cli(['lint', '--repo', `file://${empty}`], env);
    expect(r.code).toBe(2);
    expect(r.out).toContain('.gantry/:1:1: no project files found');
  });

  test('--repo may name the bare repository itself', async () => {
    const r = await cli(['get', 'stages', '--repo', bare], env);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^dev +alias-1-0-0/m);
  });

  test('--repo naming nothing is a usage error', async () => {
    const r = await cli(['get', 'stages', '--repo', join(tmp.path, 'does-not-exist')], env);
    expect(r.code).toBe(2);
    expect(r.err).toContain('does not exist');
  });

  test('GANTRY_DEBUG prints each git command, without the token', async () => {
    const r = await cli(['get', 'freight', '--repo', `file://${bare}`], {
      ...env,
      GANTRY_DEBUG: '1',
      GANTRY_TOKEN: 'ghs_DEBUGtoken42',
    });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^debug: git ls-remote --tags --refs file:\/\/.* exit 0 in \d+ ms$/m);
    expect(r.err + r.out).not.toContain('ghs_DEBUGtoken42');
  });

  test('approve records an approval once; unknown stage and freight are usage errors', async () => {
    const r = await cli(
      [
        'approve',
        '--repo',
        clone,
        '--stage',
        'prod',
        '--freight',
        f2.alias,
        '--reason',
        'hotfix',
        '--by',
        'carol',
      ],
      env,
    );
    expect(r.err).toBe('');
    expect(r).toMatchObject({
      code: 0,
      out: `approved: ${f2.alias} (${f2.id.slice(0, 7)}) for prod by carol (hotfix)\n`,
    });
    const again = await cli(
      [
        'approve',
        '--repo',
        clone,
        '--stage',
        'prod',
        '--freight',
        f2.id.slice(0, 8),
        '--by',
        'dave',
      ],
      env,
    );
    expect(again.out).toMatch(/^already approved: .* by carol/);
    expect(git(bare, ['cat-file', '-p', `gantry/echo/approved/prod/${f2.id}`])).toContain(
      '"approvedBy": "carol"',
    );
    const json = JSON.parse(
      (await cli(['get', 'freight', '--repo', clone, '-o', 'json'], env)).out,
    ) as { freight: { id: string; status: { approvedFor: Record<string, unknown> } }[] };
    expect(json.freight.find((x) => x.id === f2.id)?.status.approvedFor).toMatchObject({
      prod: { approvedBy: 'carol' },
    });
    expect(
      (await cli(['approve', '--repo', clone, '--stage', 'qa', '--freight', f2.alias], env)).code,
    ).toBe(2);
    const unknown = await cli(
      ['approve', '--repo', clone, '--stage', 'prod', '--freight', 'no-such-alias'],
      env,
    );
    expect(unknown.code).toBe(2);
    expect((await cli(['approve', '--repo', clone, '--stage', 'prod'], env)).err).toContain(
      'approve needs --stage and --freight',
    );
  });

  test('help and version', async () => {
    expect((await cli(['help', 'get'], env)).out).toContain('gantry get stages|freight|promotions');
    expect((await cli(['version'], env)).out).toMatch(/^gantry \d+\.\d+\.\d+\n$/);
    expect((await cli([], env)).code).toBe(2);
  });
});
