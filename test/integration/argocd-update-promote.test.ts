/**
 * A Kargo-style template whose last step is argocd-update, end to end: `promote()` renders the
 * stage's branch over smart HTTP with auth, pushes it, then has the Argo CD fake sync the app to
 * the commit it pushed and waits for it; the app it updated is the one stage health reads.
 */
import { quickstartSteps } from '../support/kargo.js';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseRemote } from '../../src/git/index.js';
import type { StageHealthReport } from '../../src/health/index.js';
import { loadProjectsWith } from '../../src/pipeline/load.js';
import { promote } from '../../src/promotion/promote.js';
import { PROMOTION_INFO } from '../../src/promotion/steps/argocd-update.js';
import { defaultRegistry } from '../../src/promotion/steps/registry.js';
import { StateStore } from '../../src/state/index.js';
import { startFakeArgoCD, type FakeArgoCD } from '../support/argocd-fake.js';
import { recordedSleep, runGantry } from '../support/cli.js';
import { makeFreight } from '../support/freight.js';
import { startGitHttpServer, type GitHttpServer } from '../support/git-server.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { seedFreight } from '../support/seed-freight.js';

const AUTH = { username: 'bot', password: 's3cret-pw' };
const ARGO_TOKEN = 'argocd-e2e-t0ken-secret';

function project(gitops: string): string {
  return `project: echo
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
${quickstartSteps(8, { repoURL: gitops, build: './src/base', commitAs: 'commit' })}        - uses: git-push
          config: {path: ./out}
        - uses: argocd-update
          config:
            apps:
              - name: echo-dev
                sources:
                  - repoURL: ${gitops}
                    desiredRevision: \${{ outputs.commit.commit }}
`;
}

const FILES = {
  'base/kustomization.yaml': 'resources: [deploy.yaml]\n',
  'base/deploy.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: echo\nspec:\n  template:\n    spec:\n      containers:\n        - name: echo\n          image: ghcr.io/acme/echo:0.9.0\n',
};

describe('promote() with argocd-update as the last step', () => {
  const tmp = tempDir();
  let server: GitHttpServer;
  let argo: FakeArgoCD;
  let bare: string;
  let remote: string;
  const f1 = makeFreight('1.0.0', { createdAt: '2026-11-01T10:00:00.000Z' });

  beforeAll(async () => {
    server = await startGitHttpServer({ root: tmp.path, auth: AUTH });
    remote = `${server.url}/gitops.git`;
    bare = createBareRepo(tmp.path, 'gitops', { '.gantry/echo.yaml': project(remote), ...FILES });
    argo = await startFakeArgoCD({
      token: ARGO_TOKEN,
      // Argo CD resolves the branch the app tracks to its tip when it syncs.
      resolveRevision: (src) =>
        execFileSync('git', ['rev-parse', String(src.targetRevision)], { cwd: bare })
          .toString()
          .trim(),
    });
    argo.setApp({
      name: 'echo-dev',
      annotations: { 'kargo.akuity.io/authorized-stage': 'echo:dev' },
      spec: { source: { repoURL: remote, path: '.', targetRevision: 'stage/dev' } },
      timeline: [{ sync: 'OutOfSync', revision: 'none', health: 'Missing' }],
    });
    await seedFreight(bare, 'echo', [f1]);
  });
  afterAll(async () => {
    await argo.close();
    await server.close();
    tmp.cleanup();
  });

  // The step's polls, recorded and passed at once: the fake moves on per request, not per second.
  const { waits, sleep } = recordedSleep();
  const run = (dryRun: boolean, logs: string[]) => {
    const loaded = loadProjectsWith([{ file: '.gantry/echo.yaml', text: project(remote) }]);
    expect(loaded.problems).toEqual([]);
    const p = loaded.projects[0];
    if (!p) throw new Error('no project');
    const withAuth = remote.replace('http://', `http://${AUTH.username}:${AUTH.password}@`);
    return promote({
      project: p,
      stage: 'dev',
      store: new StateStore({
        remote: parseRemote(withAuth),
        cacheDir: join(tmp.path, `promote-${String(dryRun)}`),
        baseEnv: testGitEnv(tmp.path),
      }),
      registry: defaultRegistry(),
      dryRun,
      promotedBy: 'bob',
      clock: () => new Date('2026-11-02T00:00:00Z'),
      sleep,
      fetch,
      log: (l) => logs.push(l),
      env: { ...testGitEnv(tmp.path), ARGOCD_SERVER: argo.url, ARGOCD_AUTH_TOKEN: ARGO_TOKEN },
    });
  };

  test('--dry-run: the app is read and checked, nothing is changed on Argo CD', async () => {
    const logs: string[] = [];
    await run(true, logs);
    expect(argo.requests.map((r) => r.method)).toEqual(['GET']);
    expect(argo.syncs('echo-dev')).toEqual([]);
    expect(waits).toEqual([]);
    expect(logs.join('\n')).toContain('argocd-update: dry run: would sync echo-dev to stage/dev');
    argo.requests.length = 0;
  });

  test('the app is synced to the pushed commit, waited for, and stage health reads it', async () => {
    const logs: string[] = [];
    const out = await run(false, logs);

    const tip = git(bare, ['rev-parse', 'stage/dev']).trim();
    expect(out.result?.commit).toBe(tip);
    // The sync Argo CD ran was for the commit the promotion pushed, marked as this promotion's.
    const syncs = argo.syncs('echo-dev');
    expect(syncs).toHaveLength(1);
    expect(syncs[0]?.revisions).toEqual([tip]);
    const info = syncs[0]?.infos.find((i) => i.name === PROMOTION_INFO)?.value;
    expect(info).toMatch(new RegExp(`^dev\\.[0-9a-z]+\\.${f1.id.slice(0, 7)}$`));
    // The step waited: asked again while the sync ran, done when it succeeded at the commit.
    expect(logs.some((l) => /argocd-update.*not done yet.*echo-dev: sync requested/.test(l))).toBe(
      true,
    );
    // Kargo's poll: asked again 5 s later, once, and the sync had succeeded by then.
    expect(waits).toEqual([5000]);
    expect(logs.join('\n')).not.toContain(ARGO_TOKEN);
    const order = argo.requests.map((r) => r.method);
    expect(order.slice(0, 3)).toEqual(['GET', 'PATCH', 'POST']);
    expect(order.slice(3).every((m) => m === 'GET')).toBe(true);

    // Stage health reads the app the step updated (by its literal name), at the stage's tip.
    const r = await runGantry(
      ['get', 'stages', '--repo', `file://${bare}`, '-o', 'json'],
      {
        ...testGitEnv(tmp.path),
        GANTRY_CACHE_DIR: join(tmp.path, 'cache'),
        ARGOCD_SERVER: argo.url,
        ARGOCD_AUTH_TOKEN: ARGO_TOKEN,
      },
      () => new Date('2026-11-02T00:00:00Z'),
    );
    expect(r.code).toBe(0);
    expect(r.out).not.toContain(ARGO_TOKEN);
    const doc = JSON.parse(r.out) as { stages: { name: string; appHealth?: StageHealthReport }[] };
    const dev = doc.stages.find((s) => s.name === 'dev')?.appHealth;
    expect(dev?.status).toBe('Healthy');
    expect(dev?.applications).toEqual([
      expect.objectContaining({
        name: 'echo-dev',
        status: 'Healthy',
        sync: 'Synced',
        revision: tip.slice(0, 7),
        // desiredRevision is outputs.commit.commit: the commit pushed, the stage's tip.
        wanted: tip.slice(0, 7),
      }),
    ]);
  });
});
