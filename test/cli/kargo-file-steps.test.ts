/**
 * The file steps from Kargo's catalogue (yaml-parse, file-write, yaml-merge, tar, fail) through
 * the command line on a real GitOps repository: lint checks their configs at their lines, a
 * promotion commits what they write, and `fail` stops a promotion with nothing committed.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Freight } from '../../src/freight/types.js';
import { makeFreight } from '../support/freight.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { seedFreight } from '../support/seed-freight.js';
import { runGantry } from '../support/cli.js';

const APP = 'https://github.com/acme/app';
const NOW = new Date('2026-11-03T12:00:00Z');

const FILES = {
  'src/apps.yaml': 'apps:\n  dev:\n    replicas: 1\n  prod:\n    replicas: 3\n',
  'src/charts/my-chart/values.yaml': '# chart defaults\nservice:\n  enabled: false\n',
  'src/charts/qa/values.yaml': 'service:\n  enabled: true\n',
  'src/charts/qa/cluster-a/values.yaml': 'service:\n  type: LoadBalancer\n',
};

function project(steps: string): string {
  return `project: app
warehouses:
  - name: app
    subscriptions:
      - git: {repoURL: ${APP}}
stages:
  - name: dev
    requestedFreight:
      - origin: {kind: Warehouse, name: app}
        sources: {direct: true}
    promotionTemplate:
      steps:
${steps}`;
}

const STEPS = `        - uses: yaml-parse
          as: read-config
          config:
            path: ./src/apps.yaml
            outputs:
              - name: appConfig
                fromExpression: apps[ctx.stage]
        - uses: file-write
          config:
            path: ./out/app-config.yaml
            contents: \${{ asYAML(outputs['read-config'].appConfig) }}
            overwrite: true
        - uses: yaml-merge
          config:
            inFiles:
              - ./src/charts/my-chart/values.yaml
              - ./src/charts/qa/values.yaml
              - ./src/charts/qa/cluster-a/values.yaml
            outFile: ./out/charts/my-chart/values.yaml
        - uses: tar
          config:
            inPath: ./out/charts
            outPath: ./out/charts.tar.gz
            gzip: true
`;

const freight: Freight = {
  ...makeFreight('v1.2.0', { warehouse: 'app', createdAt: '2026-11-03T09:00:00.000Z' }),
  images: [],
  commits: [{ repoURL: APP, id: 'a'.repeat(40), tag: 'v1.2.0' }],
};

const tmp = tempDir('gantry-kargo-files-');
afterAll(() => tmp.cleanup());
const env = { ...testGitEnv(tmp.path), GANTRY_CACHE_DIR: join(tmp.path, 'cache') };
let n = 0;

async function gitops(projectText: string): Promise<string> {
  const name = `gitops-${++n}`;
  const bare = createBareRepo(tmp.path, name, { '.gantry/app.yaml': projectText, ...FILES });
  await seedFreight(bare, 'app', [freight], { now: new Date('2026-11-03T10:00:00Z') });
  return bare;
}

const cli = (args: string[]) => runGantry(args, env, () => NOW);
const lint = (bare: string) => cli(['lint', '--repo', `file://${bare}`]);
const promote = (bare: string) =>
  cli(['promote', '--stage', 'dev', '--repo', `file://${bare}`, '--by', 'tester']);
const head = (bare: string) => git(bare, ['rev-parse', 'main'], env).trim();
const show = (bare: string, path: string) => git(bare, ['show', `main:${path}`], env);

function where(text: string, needle: string): string {
  const i = text.indexOf(needle);
  const before = text.slice(0, i);
  return `${before.split('\n').length}:${i - before.lastIndexOf('\n')}`;
}

describe("Kargo's file steps through gantry promote", () => {
  test('lint is clean, and the promotion commits what yaml-parse, file-write, yaml-merge and tar made', async () => {
    const bare = await gitops(project(STEPS));
    expect(await lint(bare)).toMatchObject({ code: 0, out: '' });
    const r = await promote(bare);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(show(bare, 'out/app-config.yaml')).toBe('replicas: 1\n');
    expect(show(bare, 'out/charts/my-chart/values.yaml')).toBe(
      '# chart defaults\nservice:\n  enabled: true\n  type: LoadBalancer\n',
    );
    const files = git(bare, ['ls-tree', '-r', '--name-only', 'main', 'out'], env);
    expect(files.split('\n')).toContain('out/charts.tar.gz');
  });

  test('lint reports a misspelt field of a new step at its line', async () => {
    const text = project(STEPS.replace('overwrite: true', 'overwirte: true'));
    const bare = await gitops(text);
    const r = await lint(bare);
    expect(r.code).toBe(2);
    expect(r.out).toBe(
      `.gantry/app.yaml:${where(text, 'overwirte')}: stages[0].promotionTemplate.steps[1].config.overwirte: file-write: unknown field "overwirte" (did you mean "overwrite"?)\n`,
    );
  });

  test('fail under an if stops the promotion with its message; nothing is committed', async () => {
    const text = project(`        - uses: yaml-parse
          as: chart
          config:
            path: src/charts/qa/values.yaml
            outputs:
              - {name: enabled, fromExpression: service.enabled}
        - uses: file-write
          config: {path: out/marker, contents: written}
        - uses: fail
          if: \${{ outputs.chart.enabled }}
          config:
            message: the qa chart enables the service
`);
    const bare = await gitops(text);
    const before = head(bare);
    const r = await promote(bare);
    expect(r.code).toBe(1);
    expect(r.err).toContain('step 3 (fail): fail: failed: the qa chart enables the service');
    expect(head(bare)).toBe(before);
  });
});
