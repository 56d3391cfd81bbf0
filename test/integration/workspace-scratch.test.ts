/**
 * The workspace's scratch space, as Kargo has it: a file a step writes outside every checkout (its
 * oci-download page downloads `./chart.tgz` for helm-template) is there for later steps to read,
 * and is never committed. Lint accepts the template; the promotion commits only what was copied
 * into the stage's checkout.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseRemote } from '../../src/git/index.js';
import { StateStore } from '../../src/state/index.js';
import { runGantry } from '../support/cli.js';
import { makeFreight } from '../support/freight.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';

const tmp = tempDir();
let gitops: string;
const f1 = makeFreight('1.0.0', { createdAt: '2026-11-01T10:00:00.000Z' });

const project = (url: string) => `project: demo
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
        - uses: git-clone
          config:
            repoURL: ${url}
            checkout: [{branch: stage/dev, create: true, path: ./out}]
        - uses: file-write
          config:
            path: ./scratch/release.txt
            contents: 'echo \${{ imageFrom("ghcr.io/acme/echo").Tag }}'
        - uses: copy
          config: {inPath: ./scratch/release.txt, outPath: ./out/release.txt}
        - uses: git-commit
          config: {path: ./out, message: release}
        - uses: git-push
          config: {path: ./out}
`;

beforeAll(async () => {
  // createBareRepo makes <root>/<name>.git: the project file names its own URL.
  const url = `file://${join(tmp.path, 'gitops.git')}`;
  gitops = createBareRepo(tmp.path, 'gitops', { '.gantry/demo.yaml': project(url) });
  await new StateStore({
    remote: parseRemote(url),
    cacheDir: join(tmp.path, 'rec'),
    baseEnv: testGitEnv(tmp.path),
  }).recordFreight('demo', f1);
});
afterAll(() => tmp.cleanup());

const env = () => ({ ...testGitEnv(tmp.path), GANTRY_CACHE_DIR: join(tmp.path, 'cache') });

test('lint accepts a file written outside the checkouts that a later step reads', async () => {
  const r = await runGantry(['lint', '--repo', `file://${gitops}`], env());
  expect(r.err).not.toMatch(/outside every checkout/);
  expect(r.code).toBe(0);
});

test('the promotion reads the scratch file and commits only what was copied into ./out', async () => {
  const r = await runGantry(['promote', '--stage', 'dev', '--repo', `file://${gitops}`], env());
  expect({ code: r.code, err: r.code ? r.err : '' }).toEqual({ code: 0, err: '' });
  expect(git(gitops, ['show', 'stage/dev:release.txt'])).toBe('echo 1.0.0');
  expect(git(gitops, ['ls-tree', '-r', '--name-only', 'stage/dev']).trim().split('\n')).toEqual([
    '.gantry/state/demo/dev.yaml',
    'release.txt',
  ]);
});
