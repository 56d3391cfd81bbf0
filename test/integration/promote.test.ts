import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseRemote } from '../../src/git/index.js';
import { StateStore } from '../../src/state/index.js';
import { makeFreight } from '../support/freight.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { runGantry } from '../support/cli.js';

const PROJECT = `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
stages:
  - name: dev
    autoPromotion: true
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: yaml-update
          config:
            path: env/dev/values.yaml
            updates:
              - {key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}
  - name: staging
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {stages: [dev]}
    promotionTemplate:
      steps:
        - uses: yaml-update
          config:
            path: env/staging/values.yaml
            updates:
              - {key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}
`;

const VALUES = '# echo\nimage:\n  repository: ghcr.io/acme/echo\n  tag: 0.9.0 # set by gantry\n';

describe('gantry promote (direct mode)', () => {
  const tmp = tempDir();
  let bare: string;
  let store: StateStore;
  const env = () => ({
    ...testGitEnv(tmp.path),
    GANTRY_CACHE_DIR: join(tmp.path, 'cache'),
    USER: 'alice',
  });
  const f1 = makeFreight('1.0.0', { createdAt: '2026-11-01T10:00:00.000Z' });
  const f2 = makeFreight('1.1.0', { createdAt: '2026-11-01T11:00:00.000Z' });

  beforeAll(async () => {
    bare = createBareRepo(tmp.path, 'gitops', {
      '.gantry/echo.yaml': PROJECT,
      'env/dev/values.yaml': VALUES,
      'env/staging/values.yaml': VALUES,
    });
    store = new StateStore({
      remote: parseRemote(`file://${bare}`),
      cacheDir: join(tmp.path, 'w'),
      baseEnv: testGitEnv(tmp.path),
    });
    await store.recordFreight('echo', f1);
    await store.recordFreight('echo', f2);
  });
  afterAll(() => tmp.cleanup());

  const cli = (args: string[]) =>
    runGantry([...args, '--repo', `file://${bare}`], env(), () => new Date('2026-11-02T00:00:00Z'));

  test('--dry-run prints the diff and writes nothing', async () => {
    const before = git(bare, ['rev-parse', 'main']);
    const r = await cli(['promote', '--stage', 'dev', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`would promote ${f2.alias}`);
    expect(r.out).toContain('-  tag: 0.9.0 # set by gantry');
    expect(r.out).toContain('+  tag: 1.1.0 # set by gantry');
    expect(git(bare, ['rev-parse', 'main'])).toBe(before);
  });

  test('promotes the newest available freight: one commit, manifests and state, comments kept', async () => {
    const r = await cli(['promote', '--stage', 'dev']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      new RegExp(
        `^step 1 \\(yaml-update\\): done\npromoted ${f2.alias} \\(${f2.id.slice(0, 7)}\\) into dev: commit [0-9a-f]{7} on main`,
      ),
    );
    expect(git(bare, ['show', 'main:env/dev/values.yaml'])).toBe(VALUES.replace('0.9.0', '1.1.0'));
    expect(
      git(bare, ['show', '--name-only', '--format=', 'main']).trim().split('\n').sort(),
    ).toEqual(['.gantry/state/echo/dev.yaml', 'env/dev/values.yaml']);
    expect(
      git(bare, [
        'log',
        '-1',
        '--format=%(trailers:key=Gantry-Promoted-By,valueonly)',
        'main',
      ]).trim(),
    ).toBe('Test Author'); // --by, else GIT_AUTHOR_NAME, else USER
    // Again: nothing to do.
    expect((await cli(['promote', '--stage', 'dev'])).out).toContain('nothing to promote into dev');
  });

  test('without --freight, a stage nothing is available to is refused with the newest freight and why', async () => {
    const r = await cli(['promote', '--stage', 'staging']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `no freight is available to staging; the newest, ${f2.alias} (${f2.id.slice(0, 7)}): not verified in dev`,
    );
  });

  test('staging refuses freight not verified in dev, with the reason, and exits 1', async () => {
    const r = await cli(['promote', '--stage', 'staging', '--freight', f2.alias]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`is not available to staging: not verified in dev`);
  });

  test('once verified in dev, staging takes it', async () => {
    await store.recordVerification({
      project: 'echo',
      stage: 'dev',
      freightId: f2.id,
      alias: f2.alias,
      verifiedAt: '2026-11-01T12:00:00Z',
      verifiedBy: 'ci',
    });
    const r = await cli(['promote', '--stage', 'staging', '-o', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      stage: 'staging',
      freight: { id: f2.id },
      changed: true,
      held: false,
    });
    expect(git(bare, ['show', 'main:env/staging/values.yaml'])).toContain(
      'tag: 1.1.0 # set by gantry',
    );
  });

  test('promoting older freight by hand holds the stage; the newest releases it', async () => {
    const r = await cli(['promote', '--stage', 'dev', '--freight', f1.alias]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('auto-promotion of dev is now held');
    expect(git(bare, ['show', 'main:.gantry/state/echo/dev.yaml'])).toContain('autoPromotionHold:');
    const back = await cli(['promote', '--stage', 'dev', '--freight', f2.alias]);
    expect(back.code).toBe(0);
    expect(git(bare, ['show', 'main:.gantry/state/echo/dev.yaml'])).not.toContain(
      'autoPromotionHold',
    );
  });

  test('an unknown stage is a usage error', async () => {
    const r = await cli(['promote', '--stage', 'prdo']);
    expect(r.code).toBe(2);
  });
});
