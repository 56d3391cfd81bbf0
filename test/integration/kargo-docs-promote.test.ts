/**
 * Kargo's documentation examples that promote, run as fixtures against a real GitOps repository
 * (and the Argo CD fake): the file changes and step outcomes Kargo's docs describe. The fixtures
 * are committed under kargo/ as they are; only the GitOps repository's address, which no example
 * can know, is this test's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseRemote } from '../../src/git/index.js';
import type { Freight } from '../../src/freight/types.js';
import { StateStore } from '../../src/state/index.js';
import { startFakeArgoCD, type FakeArgoCD } from '../support/argocd-fake.js';
import { recordedSleep, runGantry } from '../support/cli.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';

const DIR = fileURLToPath(new URL('../fixtures/kargo/docs', import.meta.url));
const GITOPS = 'https://github.com/acme/gitops.git';
const ARGO_TOKEN = 'argocd-docs-t0ken';

const fixture = (page: string, url: string) =>
  readFileSync(join(DIR, page), 'utf8').replaceAll(GITOPS, url);

const FILES = {
  'values.yaml': 'image:\n  tag: 1.0.0\n',
  'base/kustomization.yaml': 'resources: [deploy.yaml]\n',
  'base/deploy.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: guestbook\nspec:\n  template:\n    spec:\n      containers:\n        - name: guestbook\n          image: ghcr.io/acme/guestbook:1.0.0\n',
  'stages/render/kustomization.yaml': 'namespace: render\nresources: [../../base]\n',
};

function freight(url: string, commit: string): Freight {
  return {
    id: 'd0c5'.padEnd(40, '0'),
    alias: 'docs-example',
    origin: { kind: 'Warehouse', name: 'kargo-demo' },
    images: [
      { repoURL: 'ghcr.io/acme/guestbook', tag: '1.4.0', digest: `sha256:${'4'.repeat(64)}` },
    ],
    charts: [
      { repoURL: 'https://charts.acme.example', name: 'guestbook-chart', version: '2.1.0' },
      { repoURL: 'oci://registry.acme.example/charts/guestbook-chart', name: '', version: '2.1.0' },
    ],
    commits: [{ repoURL: url, id: commit, branch: 'main' }],
    createdAt: '2026-11-01T10:00:00.000Z',
    createdBy: 'test',
  };
}

describe("Kargo's documentation examples promote as the docs describe", () => {
  const tmp = tempDir();
  let argo: FakeArgoCD;
  let bare: string;
  let url: string;
  const env = () => ({
    ...testGitEnv(tmp.path),
    GANTRY_CACHE_DIR: join(tmp.path, 'cache'),
    ARGOCD_SERVER: argo.url,
    ARGOCD_AUTH_TOKEN: ARGO_TOKEN,
    USER: 'alice',
  });
  const promote = (stage: string) =>
    runGantry(
      ['promote', '--stage', stage, '--freight', 'docs-example', '--repo', url],
      env(),
      () => new Date('2026-11-02T00:00:00Z'),
    );
  const values = () => git(bare, ['show', 'main:values.yaml']);

  beforeAll(async () => {
    bare = join(tmp.path, 'gitops.git');
    url = `file://${bare}`;
    createBareRepo(tmp.path, 'gitops', {
      '.gantry/kargo-demo.yaml': 'kargo: kargo\n',
      'kargo/project.yaml': fixture('project.yaml', url),
      'kargo/promotion-templates.yaml': fixture('promotion-templates.yaml', url),
      ...FILES,
    });
    argo = await startFakeArgoCD({
      token: ARGO_TOKEN,
      resolveRevision: (src) => git(bare, ['rev-parse', String(src.targetRevision)]).trim(),
    });
    const store = new StateStore({
      remote: parseRemote(url),
      cacheDir: join(tmp.path, 'seed'),
      baseEnv: testGitEnv(tmp.path),
    });
    await store.recordFreight('kargo-demo', freight(url, git(bare, ['rev-parse', 'main']).trim()));
  });
  afterAll(async () => {
    await argo.close();
    tmp.cleanup();
  });

  test('lint accepts the committed examples', async () => {
    const r = await runGantry(['lint', '--repo', url], env());
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  });

  test('a ClusterPromotionTask step', async () => {
    expect(values()).toBe('image:\n  tag: 1.0.0\n');
    const r = await promote('cluster-task');
    expect(r.code).toBe(0);
    expect(values()).toBe('image:\n  tag: 1.4.0\n');
  });

  test('if: success() after a step that succeeds: the promotion succeeds, failure() is skipped', async () => {
    const r = await promote('if-succeeds');
    expect(r.code).toBe(0);
    expect(r.out).toContain('step 3 (compose-output): skipped');
    expect(r.out).toContain('step 4 (yaml-update): done');
  });

  test('a step that fails: always() and failure() run, success() is skipped, the promotion fails', async () => {
    const before = git(bare, ['rev-parse', 'main']);
    const r = await promote('if-fails');
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('some-step failed');
    expect(r.out + r.err).toContain('step 2 (compose-output): done');
    expect(r.out + r.err).toContain('step 3 (compose-output): done');
    expect(r.out + r.err).toContain('step 4 (yaml-update): skipped');
    expect(git(bare, ['rev-parse', 'main'])).toBe(before);
  });

  test("a step that errors: status('my-step') == 'Errored' runs, the promotion fails", async () => {
    const r = await promote('if-errors');
    expect(r.code).not.toBe(0);
    expect(r.out + r.err).toContain('step 4 (compose-output "errored"): done');
  });

  test('continueOnError: the failed step leaves success() true, the promotion succeeds', async () => {
    const r = await promote('continue-on-error');
    expect(r.err).not.toContain('error:');
    expect(r.code).toBe(0);
    expect(r.out).toContain('step 3 (compose-output): skipped');
    expect(r.out).toContain('step 4 (yaml-update): done');
  });

  test('continueOnError in the middle: every step after it runs, the promotion succeeds', async () => {
    const r = await promote('continue-in-the-middle');
    expect(r.code).toBe(0);
    expect(r.out).toContain('step 3 (compose-output): done');
    expect(r.out).toContain('step 4 (yaml-update): done');
  });

  test('a template var, git-clone of main, then a PromotionTask that sets the image there and pushes', async () => {
    const r = await promote('test');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const k = git(bare, ['show', 'main:base/kustomization.yaml']);
    expect(k).toContain('name: ghcr.io/acme/guestbook');
    expect(k).toContain('newTag: 1.4.0');
  });
});

describe('"Working with Stages": the promotion template example renders, pushes and syncs Argo CD', () => {
  const tmp = tempDir();
  let argo: FakeArgoCD;
  let bare: string;
  let url: string;

  beforeAll(async () => {
    bare = join(tmp.path, 'gitops.git');
    url = `file://${bare}`;
    createBareRepo(tmp.path, 'gitops', {
      '.gantry/kargo-demo.yaml': 'kargo: kargo\n',
      'kargo/project.yaml': fixture('project.yaml', url),
      'kargo/stages.yaml': fixture('stages.yaml', url),
      ...FILES,
    });
    argo = await startFakeArgoCD({
      token: ARGO_TOKEN,
      resolveRevision: (src) => git(bare, ['rev-parse', String(src.targetRevision)]).trim(),
    });
    argo.setApp({
      name: 'kargo-demo-render',
      annotations: { 'kargo.akuity.io/authorized-stage': 'kargo-demo:render' },
      timeline: [{ sync: 'Synced', revision: 'old', health: 'Healthy' }],
      spec: { source: { repoURL: url, path: '.', targetRevision: 'stage/render' } },
    });
    const store = new StateStore({
      remote: parseRemote(url),
      cacheDir: join(tmp.path, 'seed'),
      baseEnv: testGitEnv(tmp.path),
    });
    await store.recordFreight('kargo-demo', freight(url, git(bare, ['rev-parse', 'main']).trim()));
  });
  afterAll(async () => {
    await argo.close();
    tmp.cleanup();
  });

  const polls = recordedSleep();

  test('stage/render holds the rendered manifests; Argo CD synced the app to the commit pushed', async () => {
    const r = await runGantry(
      ['promote', '--stage', 'render', '--freight', 'docs-example', '--repo', url],
      {
        ...testGitEnv(tmp.path),
        GANTRY_CACHE_DIR: join(tmp.path, 'cache'),
        ARGOCD_SERVER: argo.url,
        ARGOCD_AUTH_TOKEN: ARGO_TOKEN,
        USER: 'alice',
      },
      () => new Date('2026-11-02T00:00:00Z'),
      polls.sleep,
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const manifests = git(bare, ['show', 'stage/render:manifests.yaml']);
    expect(manifests).toContain('namespace: render');
    // The page's kustomize-set-image names the image without a tag: Kargo takes the freight's.
    expect(manifests).toContain('image: ghcr.io/acme/guestbook:1.4.0');
    const tip = git(bare, ['rev-parse', 'stage/render']).trim();
    expect(argo.syncs('kargo-demo-render')[0]?.revisions).toEqual([tip]);
    // argocd-update asked again once, Kargo's 5 s later (recorded, not waited: the fake Argo CD
    // moves on per request).
    expect(polls.waits).toEqual([5000]);
  });
});
