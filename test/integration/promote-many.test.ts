/**
 * `gantry promote --stage a,b` and `--downstream-of S`: one freight to several stages, each with
 * its own gates, every stage's result reported, exit 1 when any failed. Real git remote.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseRemote } from '../../src/git/index.js';
import { StateStore } from '../../src/state/index.js';
import { makeFreight } from '../support/freight.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { runGantry } from '../support/cli.js';

const step = `    promotionTemplate:
      steps:
        - uses: yaml-update
          config:
            path: values-STAGE.yaml
            updates: [{key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}]
`;
const stage = (name: string, sources: string) =>
  `  - name: ${name}
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: ${sources}
${step.replace('STAGE', name)}`;

const PROJECT = `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
stages:
${stage('dev', '{direct: true}')}${stage('qa', '{stages: [dev]}')}${stage('uat', '{stages: [dev]}')}${stage('perf', '{stages: [dev, qa], availabilityStrategy: All}')}${stage('prod', '{stages: [uat]}')}`;

const NOW = new Date('2026-11-03T12:00:00Z');

describe('promote to several stages', () => {
  const tmp = tempDir();
  const env = { ...testGitEnv(tmp.path), GANTRY_CACHE_DIR: join(tmp.path, 'cache') };
  let bare: string;
  const f1 = makeFreight('1.0.0', { createdAt: '2026-11-03T09:00:00.000Z' });
  const f2 = makeFreight('1.1.0', { createdAt: '2026-11-03T11:00:00.000Z' });
  const cli = (args: string[]) =>
    runGantry([...args, '--repo', `file://${bare}`, '--by', 'ana'], env, () => NOW);
  const file = (stageName: string) => git(bare, ['show', `main:values-${stageName}.yaml`]).trim();

  beforeAll(async () => {
    bare = createBareRepo(tmp.path, 'gitops', {
      '.gantry/echo.yaml': PROJECT,
      ...Object.fromEntries(
        ['dev', 'qa', 'uat', 'perf', 'prod'].map((s) => [
          `values-${s}.yaml`,
          'image: {tag: none}\n',
        ]),
      ),
    });
    const store = new StateStore({
      remote: parseRemote(`file://${bare}`),
      cacheDir: join(tmp.path, 'writer-cache'),
      baseEnv: testGitEnv(tmp.path),
      clock: () => new Date('2026-11-03T10:00:00Z'),
    });
    await store.recordFreight('echo', f1);
    await store.recordFreight('echo', f2);
    await store.commitPromotion({ project: 'echo', stage: 'dev', freight: f1, promotedBy: 'al' });
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

  test('--downstream-of dev delivers what dev runs to every stage that takes from dev; perf (needs qa too) fails alone', async () => {
    const r = await cli(['promote', '--downstream-of', 'dev']);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`promoted ${f1.alias} (${f1.id.slice(0, 7)}) into qa: commit`);
    expect(r.out).toContain(`promoted ${f1.alias} (${f1.id.slice(0, 7)}) into uat: commit`);
    expect(r.out).toMatch(
      new RegExp(
        `perf: not promoted: freight ${f1.alias} \\(${f1.id.slice(0, 7)}\\) is not available to perf: .*qa`,
      ),
    );
    expect(r.out).toContain('1 of 3 stages failed: perf');
    expect(file('qa')).toBe('image: {tag: 1.0.0}');
    expect(file('uat')).toBe('image: {tag: 1.0.0}');
    expect(file('perf')).toBe('image: {tag: none}');
    // prod takes from uat, not dev: untouched.
    expect(file('prod')).toBe('image: {tag: none}');
  });

  test('--stage a,b with a freight one of them may not take: the other is promoted, the JSON says which', async () => {
    // f2 is verified nowhere: dev takes it directly, qa may not.
    const r = await cli(['promote', '--stage', 'qa, dev', '--freight', f2.alias, '-o', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as {
      results: {
        stage: string;
        ok: boolean;
        error?: string;
        changed?: boolean;
        freight?: { id: string };
      }[];
    };
    expect(doc.results.map((x) => [x.stage, x.ok])).toEqual([
      ['qa', false],
      ['dev', true],
    ]);
    expect(doc.results[0]?.error).toMatch(/is not available to qa: not verified in dev/);
    expect(doc.results[1]).toMatchObject({ changed: true, freight: { id: f2.id } });
    expect(file('dev')).toBe('image: {tag: 1.1.0}');
    expect(file('qa')).toBe('image: {tag: 1.0.0}');
  });

  test('all stages promoted: exit 0; an unknown stage is refused before anything runs', async () => {
    const ok = await cli(['promote', '--stage', 'qa,uat', '--freight', f1.alias]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain(`qa already runs ${f1.alias}`);
    expect(ok.out).toContain('2 stages: all promoted or up to date');
    const before = git(bare, ['rev-parse', 'main']);
    const bad = await cli(['promote', '--stage', 'qa,prd']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/no stage "prd" in project echo \(did you mean "prod"\?\)/);
    expect(git(bare, ['rev-parse', 'main'])).toBe(before);
  });

  test('--downstream-of a stage nothing takes from, and --stage with --downstream-of, are usage errors', async () => {
    const none = await cli(['promote', '--downstream-of', 'prod']);
    expect(none.err).toMatch(/no stage of project echo requests freight from prod/);
    const both = await cli(['promote', '--stage', 'qa', '--downstream-of', 'dev']);
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/--stage or --downstream-of, not both/);
  });
});
