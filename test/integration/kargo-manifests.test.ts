/**
 * A Kargo project moved over with no edit: the quickstart's manifests (Project, ProjectConfig,
 * Warehouse, a ClusterPromotionTask, Stages in several files and directories, an AnalysisTemplate
 * with args, a control-flow Stage) committed under kargo/, and beside them the small gantry file
 * that points at them. Read from the remote over smart HTTP with auth, and run dev → staging →
 * prod end to end.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseRemote } from '../../src/git/index.js';
import { StateStore } from '../../src/state/index.js';
import { startFakeArgoCD, type FakeArgoCD } from '../support/argocd-fake.js';
import { makeFreight } from '../support/freight.js';
import { startGitHttpServer, type GitHttpServer } from '../support/git-server.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { recordedSleep, runGantry } from '../support/cli.js';

const AUTH = { username: 'bot', password: 's3cret-pw' };

const PROJECT = `apiVersion: kargo.akuity.io/v1alpha1
kind: Project
metadata:
  name: demo
---
apiVersion: kargo.akuity.io/v1alpha1
kind: ProjectConfig
metadata:
  name: demo
  namespace: demo
spec:
  promotionPolicies:
  - stage: dev
    autoPromotionEnabled: true
`;

const WAREHOUSE = `apiVersion: kargo.akuity.io/v1alpha1
kind: Warehouse
metadata:
  name: echo
  namespace: demo
spec:
  subscriptions:
  - image:
      repoURL: ghcr.io/acme/echo
      discoveryLimit: 5
`;

/** Kargo's quickstart task, as a ClusterPromotionTask: render, push, then argocd-update. */
const TASK = (gitops: string) => `apiVersion: kargo.akuity.io/v1alpha1
kind: ClusterPromotionTask
metadata:
  name: demo-promo-process
spec:
  vars:
  - name: gitopsRepo
    value: ${gitops}
  - name: imageRepo
    value: ghcr.io/acme/echo
  steps:
  - uses: git-clone
    config:
      repoURL: \${{ vars.gitopsRepo }}
      checkout:
      - branch: main
        path: ./src
      - branch: stage/\${{ ctx.stage }}
        create: true
        path: ./out
  - uses: git-clear
    config:
      path: ./out
  - uses: kustomize-set-image
    as: update
    config:
      path: ./src/base
      images:
      - image: \${{ vars.imageRepo }}
        tag: \${{ imageFrom(vars.imageRepo).Tag }}
  - uses: kustomize-build
    config:
      path: ./src/stages/\${{ ctx.stage }}
      outPath: ./out
  - uses: git-commit
    as: commit
    config:
      path: ./out
      message: \${{ task.outputs.update.commitMessage }}
  - uses: git-push
    config:
      path: ./out
  - uses: argocd-update
    config:
      apps:
      - name: demo-\${{ ctx.stage }}
        sources:
        - repoURL: \${{ vars.gitopsRepo }}
          desiredRevision: \${{ task.outputs.commit.commit }}
`;

const stage = (name: string, sources: string, extra = '') => `apiVersion: kargo.akuity.io/v1alpha1
kind: Stage
metadata:
  name: ${name}
  namespace: demo
spec:
  requestedFreight:
  - origin:
      kind: Warehouse
      name: echo
    sources:
      ${sources}
  promotionTemplate:
    spec:
      steps:
      - task:
          name: demo-promo-process
          kind: ClusterPromotionTask
        as: promo-process
${extra}`;

const VERIFIED = `  verification:
    analysisTemplates:
    - name: health
    args:
    - name: stage
      value: \${{ ctx.stage }}
`;

const ANALYSIS = (base: string) => `apiVersion: argoproj.io/v1alpha1
kind: AnalysisTemplate
metadata:
  name: health
  namespace: demo
spec:
  args:
  - name: stage
  - name: base
    value: ${base}
  metrics:
  - name: up
    successCondition: result == true
    provider:
      web:
        url: "{{args.base}}/{{args.stage}}/health"
        jsonPath: "{$.ok}"
`;

/** A control-flow Stage: no promotionTemplate. */
const GATE = `apiVersion: kargo.akuity.io/v1alpha1
kind: Stage
metadata:
  name: audit
  namespace: demo
spec:
  requestedFreight:
  - origin:
      kind: Warehouse
      name: echo
    sources:
      stages:
      - dev
`;

const BASE = {
  'base/kustomization.yaml': 'resources:\n  - deploy.yaml\n',
  'base/deploy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: echo
spec:
  template:
    spec:
      containers:
        - name: echo
          image: ghcr.io/acme/echo:0.1.0
`,
};
const overlay = (name: string) => ({
  [`stages/${name}/kustomization.yaml`]: `resources:\n  - ../../base\nnamespace: ${name}\n`,
});

describe("Kargo's manifests as they are: dev → staging → prod", () => {
  const tmp = tempDir();
  let server: GitHttpServer;
  let health: Server;
  let argo: FakeArgoCD;
  const measured: string[] = [];
  let bare: string;
  let url: string;
  const f1 = makeFreight('1.0.0', { createdAt: '2026-11-01T10:00:00.000Z' });
  const env = () => ({
    ...testGitEnv(tmp.path),
    GANTRY_CACHE_DIR: join(tmp.path, 'cache'),
    ARGOCD_SERVER: argo.url,
    ARGOCD_AUTH_TOKEN: 'argocd-quickstart-t0ken',
    USER: 'alice',
  });
  const remote = () => url.replace('http://', `http://${AUTH.username}:${AUTH.password}@`);
  // The waits promote asks for (argocd-update's poll while a sync runs), recorded and passed at
  // once: the fake Argo CD moves on per request, not per second.
  const { waits, sleep } = recordedSleep();
  const cli = (args: string[]) =>
    runGantry([...args, '--repo', remote()], env(), () => new Date('2026-11-02T00:00:00Z'), sleep);

  beforeAll(async () => {
    health = createServer((req, res) => {
      measured.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok": true}');
    });
    await new Promise<void>((r) => health.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(health.address() as AddressInfo).port}`;
    const root = join(tmp.path, 'srv');
    server = await startGitHttpServer({ root, auth: AUTH });
    url = `${server.url}/gitops.git`;
    bare = createBareRepo(root, 'gitops', {
      // Everything GitHub-specific lives here, not in the Kargo files.
      '.gantry/demo.yaml': 'kargo: kargo\nstages:\n  prod:\n    environment: production\n',
      'kargo/project.yaml': PROJECT,
      'kargo/warehouse.yaml': WAREHOUSE,
      'kargo/tasks/promo.yaml': TASK(url),
      'kargo/stages/dev.yaml': stage('dev', 'direct: true'),
      'kargo/stages/later.yml': `${stage('staging', 'stages: [dev]', VERIFIED)}---\n${stage('prod', 'stages: [staging]')}`,
      'kargo/stages/audit.yaml': GATE,
      'kargo/analysis.yaml': ANALYSIS(base),
      ...BASE,
      ...overlay('dev'),
      ...overlay('staging'),
      ...overlay('prod'),
    });
    // The Argo CD Applications the quickstart's argocd-update syncs, one per stage, each
    // authorizing its stage; Argo CD resolves stage/<name> to the branch's tip when it syncs.
    argo = await startFakeArgoCD({
      token: 'argocd-quickstart-t0ken',
      resolveRevision: (src) => git(bare, ['rev-parse', String(src.targetRevision)]).trim(),
    });
    for (const name of ['dev', 'staging', 'prod']) {
      argo.setApp({
        name: `demo-${name}`,
        annotations: { 'kargo.akuity.io/authorized-stage': `demo:${name}` },
        timeline: [{ sync: 'Synced', revision: 'old', health: 'Healthy' }],
        spec: { source: { repoURL: url, path: '.', targetRevision: `stage/${name}` } },
      });
    }
    // Set-up, not the subject: recorded straight into the bare repository, not over HTTP.
    const store = new StateStore({
      remote: parseRemote(`file://${bare}`),
      cacheDir: join(tmp.path, 'w'),
      baseEnv: testGitEnv(tmp.path),
    });
    await store.recordFreight('demo', f1);
  });
  afterAll(async () => {
    await server.close();
    await argo.close();
    await new Promise((r) => health.close(r));
    tmp.cleanup();
  });

  test('lint reads the manifests from the remote and accepts them', async () => {
    const r = await cli(['lint']);
    expect(r.out).toBe('');
    expect(r.err).toContain('ok: 1 project (demo)');
    expect(r.code).toBe(0);
  });

  test('get stages shows the Kargo stages with the gantry file and ProjectConfig applied', async () => {
    const r = await cli(['get', 'stages', '--output', 'json']);
    expect(r.code).toBe(0);
    const stages = (
      JSON.parse(r.out) as { stages: { name: string; environment?: string }[] }
    ).stages.map((s) => s.name);
    // In the order the manifests are read: by path, then document.
    expect(stages).toEqual(['audit', 'dev', 'staging', 'prod']);
    expect(r.out).toContain('production');
  });

  test('promote runs the ClusterPromotionTask, verify measures the AnalysisTemplate, on to prod', async () => {
    const dev = await cli(['promote', '--stage', 'dev']);
    expect(dev.err).toBe('');
    expect(dev.code).toBe(0);
    expect(dev.out).toContain('step 6 (git-push "promo-process::step-6"): done');
    expect(dev.out).toContain('step 7 (argocd-update "promo-process::step-7"): done');
    // The sync it started was still requested when first asked: asked again after Kargo's 5 s.
    expect(waits).toEqual([5000]);
    // argocd-update synced the stage's app to the commit the task pushed.
    expect(argo.syncs('demo-dev')[0]?.revisions).toEqual([
      git(bare, ['rev-parse', 'stage/dev']).trim(),
    ]);
    expect(git(bare, ['show', 'stage/dev:dev-deployment-echo.yaml'])).toContain(
      'image: ghcr.io/acme/echo:1.0.0',
    );
    expect((await cli(['verify', '--stage', 'dev'])).code).toBe(0);

    expect((await cli(['promote', '--stage', 'staging'])).code).toBe(0);
    const verified = await cli(['verify', '--stage', 'staging']);
    expect(verified.err).toBe('');
    expect(verified.code).toBe(0);
    // {{args.stage}} came from the Stage's args, rendered from ${{ ctx.stage }}.
    expect(measured).toEqual(['/staging/health']);

    const prod = await cli(['promote', '--stage', 'prod']);
    expect(prod.code).toBe(0);
    expect(git(bare, ['show', 'stage/prod:prod-deployment-echo.yaml'])).toContain(
      'namespace: prod',
    );
    expect(git(bare, ['show', 'stage/prod:.gantry/state/demo/prod.yaml'])).toContain(f1.id);
    for (const name of ['staging', 'prod']) {
      expect(argo.syncs(`demo-${name}`).map((x) => x.revisions)).toEqual([
        [git(bare, ['rev-parse', `stage/${name}`]).trim()],
      ]);
    }
    // One poll per promotion: each sync was still requested when first asked.
    expect(waits).toEqual([5000, 5000, 5000]);
    // The Kargo files were read, never written.
    expect(
      git(bare, ['log', '--format=%s', 'main', '--', 'kargo']).trim().split('\n'),
    ).toHaveLength(1);
  });

  test('a control-flow stage records the freight and changes no manifest', async () => {
    const r = await cli(['promote', '--stage', 'audit']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const changed = git(bare, ['show', '--name-only', '--format=', 'main']).trim();
    expect(changed).toBe('.gantry/state/demo/audit.yaml');
    expect(git(bare, ['show', 'main:.gantry/state/demo/audit.yaml'])).toContain(f1.id);
  });
});

describe("Kargo's manifests as they are: discover, and lint in a clone", () => {
  const tmp = tempDir();
  let bare: string;
  const env = () => ({
    ...testGitEnv(tmp.path),
    GANTRY_CACHE_DIR: join(tmp.path, 'cache'),
    USER: 'alice',
  });
  const cli = (args: string[]) =>
    runGantry([...args, '--repo', `file://${bare}`], env(), () => new Date('2026-11-02T00:00:00Z'));

  beforeAll(() => {
    const app = `file://${createBareRepo(tmp.path, 'app', { 'main.go': 'package main\n' })}`;
    bare = createBareRepo(tmp.path, 'gitops', {
      '.gantry/echo.yaml': 'kargo: deploy/kargo\n',
      // One file, several documents; the named subscription form Kargo's docs recommend.
      'deploy/kargo/echo.yaml': `apiVersion: kargo.akuity.io/v1alpha1
kind: Warehouse
metadata:
  name: echo
  namespace: echo
spec:
  interval: 5m
  freightCreationCriteria:
    expression: commitFrom("${app}").Message contains "release"
  subscriptions:
  - name: source
    git:
      repoURL: ${app}
      branch: main
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Stage
metadata:
  name: dev
  namespace: echo
spec:
  vars:
  - name: file
    value: env/dev/values.yaml
  requestedFreight:
  - origin:
      kind: Warehouse
      name: echo
    sources:
      direct: true
  promotionTemplate:
    spec:
      steps:
      - uses: yaml-update
        config:
          path: \${{ vars.file }}
          updates:
          - key: commit
            value: \${{ commitFrom("${app}").ID }}
`,
      'env/dev/values.yaml': 'commit: none\n',
    });
  });
  afterAll(() => tmp.cleanup());

  test('discover records freight from the Warehouse once its criteria hold, promote applies it', async () => {
    const first = await cli(['discover']);
    expect(first.code).toBe(0);
    expect(first.err).toContain(
      `warehouse echo: freightCreationCriteria not met (commitFrom("file://${join(tmp.path, 'app.git')}").Message contains "release"): found, not recorded`,
    );
    expect(git(bare, ['tag', '--list', 'gantry/echo/freight/*'])).toBe('');
    const app = join(tmp.path, 'app.git');
    const release = git(app, [
      'commit-tree',
      'main^{tree}',
      '-p',
      'main',
      '-m',
      'release 1',
    ]).trim();
    git(app, ['update-ref', 'refs/heads/main', release]);

    const d = await cli(['discover']);
    expect(d.code).toBe(0);
    expect(d.err).toMatch(/recorded freight [a-z]+-[a-z]+ \([0-9a-f]{7}\) from warehouse echo/);
    const p = await cli(['promote', '--stage', 'dev']);
    expect(p.err).toBe('');
    expect(p.code).toBe(0);
    const commit = git(join(tmp.path, 'app.git'), ['rev-parse', 'main']).trim();
    expect(git(bare, ['show', 'main:env/dev/values.yaml'])).toBe(`commit: ${commit}\n`);
  });

  test('lint reads the work tree of a clone, and names the Kargo file of a problem', async () => {
    const clone = join(tmp.path, 'clone');
    git(tmp.path, ['clone', '-q', bare, clone]);
    const ok = await runGantry(['lint', '--repo', clone], env());
    expect(ok.err).toBe('ok: 1 project (echo)\n');
    expect(ok.code).toBe(0);
    const file = join(clone, 'deploy/kargo/echo.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('uses: yaml-update', 'uses: yaml-updat'),
    );
    const bad = await runGantry(['lint', '--repo', clone], env());
    expect(bad.out).toContain(
      'deploy/kargo/echo.yaml:34:15: spec.promotionTemplate.spec.steps[0].uses: unknown step "yaml-updat" (did you mean "yaml-update"?); gantry has ',
    );
    expect(bad.code).toBe(2);
  });
});
