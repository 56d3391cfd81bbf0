/**
 * `gantry lint` on a GitOps repository holding a Kargo template that cannot work: each problem
 * at its file, line and column, exit 2; the same template fixed lints clean.
 */
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { createBareRepo, tempDir, testGitEnv } from '../support/repos.js';
import { runGantry } from '../support/cli.js';

const tmp = tempDir('gantry-ws-lint-');
afterAll(() => tmp.cleanup());
const env = { ...testGitEnv(tmp.path), GANTRY_CACHE_DIR: join(tmp.path, 'cache') };

/** The quickstart's template with `clear` as git-clear's path and `push` as git-push's config. */
const project = (clear: string, push: string) => `project: demo
warehouses:
  - name: echo
    subscriptions: [{image: {repoURL: ghcr.io/acme/echo}}]
stages:
  - name: dev
    requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {direct: true}}]
    promotionTemplate:
      steps:
        - uses: git-clone
          config:
            repoURL: https://github.com/acme/gitops
            checkout:
              - {branch: main, path: ./src}
              - {branch: 'stage/\${{ ctx.stage }}', create: true, path: ./out}
        - uses: git-clear
          config: {path: ${clear}}
        - uses: kustomize-build
          config: {path: './src/stages/\${{ ctx.stage }}', outPath: ./out}
        - uses: git-commit
          config: {path: ./out, message: render}
        - uses: git-push
          config: ${push}
`;

let n = 0;
const lint = (text: string) => {
  const bare = createBareRepo(tmp.path, `gitops-${++n}`, { '.gantry/demo.yaml': text });
  return runGantry(['lint', '--repo', `file://${bare}`], env);
};

test('lint prints each problem of a Kargo template at its line and exits 2', async () => {
  const r = await lint(project('./out/manifests', '{path: ./out, force: true}'));
  expect(r.out).toBe(
    [
      `.gantry/demo.yaml:17:26: stages[0].promotionTemplate.steps[1].config.path: step 2 (git-clear): path "./out/manifests" is not a checkout (checkouts made before this step: ./src, ./out)`,
      `.gantry/demo.yaml:23:40: stages[0].promotionTemplate.steps[4].config.force: step 5 (git-push): gantry never force-pushes a branch that others may write; drop force (a push that loses a race runs the template again on the new tip), or push with generateTargetBranch: true`,
      '',
    ].join('\n'),
  );
  expect(r.code).toBe(2);
});

test('the same template, fixed, lints clean', async () => {
  const r = await lint(project('./out', '{path: ./out}'));
  expect(r.out).toBe('');
  expect(r.err).toContain('ok: 1 project (demo)');
  expect(r.code).toBe(0);
});
