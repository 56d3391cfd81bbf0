/**
 * `gantry promote` with kustomize-build on a real git repository, rendered by the real
 * `kubectl kustomize` (or a kustomize binary, where PATH has one): the rendered manifests are in
 * the promotion commit. And `gantry lint` catches a misspelt field of the new steps by schema.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runGantry } from '../support/cli.js';
import { makeFreight } from '../support/freight.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { seedFreight } from '../support/seed-freight.js';

// The stage's path is an expression, as in Kargo's templates; the literal variant below checks
// that a renderer gets the whole branch all the same (its kustomization reads ../../base, which
// no step path names).
const project = (stepConfig: string) => `project: echo
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
        - uses: kustomize-set-image
          config:
            path: ./src/stages/\${{ ctx.stage }}
            images: [{image: ghcr.io/acme/echo}]
        - uses: kustomize-build
          config:
${stepConfig}
`;

const FILES = {
  'src/base/kustomization.yaml': 'resources: [deployment.yaml]\n',
  'src/base/deployment.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: echo\nspec:\n  template:\n    spec:\n      containers:\n        - name: echo\n          image: ghcr.io/acme/echo:0.9.0\n',
  'src/stages/dev/kustomization.yaml': 'namespace: dev\nresources: [../../base]\n',
};

describe('gantry promote renders with kustomize-build', () => {
  const tmp = tempDir();
  const env = () => ({ ...testGitEnv(tmp.path), GANTRY_CACHE_DIR: join(tmp.path, 'cache') });
  let bare: string;

  beforeAll(async () => {
    bare = createBareRepo(tmp.path, 'gitops', {
      '.gantry/echo.yaml': project(
        '            path: ./src/stages/dev\n            outPath: ./manifests/dev.yaml',
      ),
      ...FILES,
    });
    await seedFreight(bare, 'echo', [makeFreight('1.0.0')]);
  });
  afterAll(() => tmp.cleanup());

  test('the rendered file is in the promotion commit', async () => {
    const r = await runGantry(['promote', '--stage', 'dev', '--repo', `file://${bare}`], env());
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/step 2 \(kustomize-build\): done/);
    const rendered = git(bare, ['show', 'main:manifests/dev.yaml']);
    expect(rendered).toBe(
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: echo\n  namespace: dev\nspec:\n  template:\n    spec:\n      containers:\n      - image: ghcr.io/acme/echo:1.0.0\n        name: echo\n',
    );
    const message = git(bare, ['log', '-1', '--format=%B', 'main']);
    expect(message).toMatch(
      /- src\/stages\/dev → manifests\/dev\.yaml: 1 resource\(s\) rendered with (kubectl kustomize|kustomize)/,
    );
    // Only the kustomization and the rendering changed.
    expect(
      git(bare, ['diff', '--name-only', 'main~1', 'main'])
        .split('\n')
        .filter((f) => f !== '' && !f.startsWith('.gantry/')),
    ).toEqual(['manifests/dev.yaml', 'src/stages/dev/kustomization.yaml']);
  });

  test('with every step path literal, the overlay still reads ../../base: a renderer checks out the whole branch', async () => {
    const literal = createBareRepo(tmp.path, 'literal', {
      '.gantry/echo.yaml': project(
        '            path: ./src/stages/dev\n            outPath: ./manifests/dev.yaml',
      ).replace('./src/stages/${{ ctx.stage }}', './src/stages/dev'),
      ...FILES,
    });
    await seedFreight(literal, 'echo', [makeFreight('1.0.0')]);
    expect(git(literal, ['show', 'main:.gantry/echo.yaml'])).not.toContain('ctx.stage');
    const r = await runGantry(['promote', '--stage', 'dev', '--repo', `file://${literal}`], env());
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(git(literal, ['show', 'main:manifests/dev.yaml'])).toContain(
      'image: ghcr.io/acme/echo:1.0.0',
    );
  });

  test('gantry lint finds a misspelt field by the step schema', async () => {
    const typo = createBareRepo(tmp.path, 'typo', {
      '.gantry/echo.yaml': project(
        '            path: ./src/stages/dev\n            outpath: ./manifests/dev.yaml',
      ),
      ...FILES,
    });
    const r = await runGantry(['lint', '--repo', `file://${typo}`], env());
    expect(r.code).not.toBe(0);
    expect(r.out + r.err).toContain(
      '.gantry/echo.yaml:20:13: stages[0].promotionTemplate.steps[1].config.outpath: kustomize-build: unknown field "outpath" (did you mean "outPath"?)',
    );
  });
});
