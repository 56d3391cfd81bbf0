import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { parseRemote } from '../../src/git/index.js';
import { GitHubClient } from '../../src/github/client.js';
import { loadProjectsFromFiles } from '../../src/pipeline/load.js';
import type { Project } from '../../src/pipeline/types.js';
import { promote, type PromoteOptions } from '../../src/promotion/promote.js';
import { defaultRegistry } from '../../src/promotion/steps/registry.js';
import { StateStore } from '../../src/state/index.js';
import { defaultProviders } from '../../src/verification/index.js';
import { verify, type VerifyOptions } from '../../src/verification/verify.js';
import { runGantry } from '../support/cli.js';
import { makeFreight } from '../support/freight.js';
import { startFakeGitHub, type FakeGitHub } from '../support/github-fake.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { seedFreight } from '../support/seed-freight.js';

/**
 * verify end to end on a real git remote: a real HTTP service is measured, the verified tag is
 * written (or not), the deployment GitHub keeps for the stage is marked, and the chain lists and
 * starts the next promotions.
 */

const project = (healthUrl: string) => `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
stages:
  - name: dev
    environmentUrl: https://dev.echo.acme.dev
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
    verification:
      - name: healthz
        successCondition: result.version == "\${{ ctx.freight.alias }}" && result.tag == "\${{ imageFrom('ghcr.io/acme/echo').Tag }}"
        provider:
          http:
            url: ${healthUrl}/healthz
  - name: staging
    autoPromotion: true
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
  - name: soak
    autoPromotion: true
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {stages: [dev], requiredSoakTime: 1h}
    promotionTemplate:
      steps:
        - uses: compose-output
          config: {note: nothing to edit}
  - name: prod
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {stages: [staging]}
    promotionTemplate:
      steps:
        - uses: compose-output
          config: {note: nothing to edit}
`;

const VALUES = 'image:\n  tag: 0.9.0\n';
const TOKEN = 'ghs_verifyTestToken77';

describe('verify', () => {
  const tmp = tempDir();
  let service: Server;
  let serviceUrl: string;
  /** What the service reports: the version running (an alias), and whether it is healthy. */
  const running = { version: '', tag: '1.1.0', status: 200 };
  let n = 0;
  let bare: string;
  let proj: Project;
  let gh: FakeGitHub;
  const f1 = makeFreight('1.0.0', { createdAt: '2026-11-01T10:00:00.000Z' });
  const f2 = makeFreight('1.1.0', { createdAt: '2026-11-01T11:00:00.000Z' });
  const now = new Date('2026-11-02T00:00:00Z');

  beforeAll(async () => {
    service = createServer((req, res) => {
      res
        .writeHead(running.status, { 'content-type': 'application/json' })
        .end(JSON.stringify({ version: running.version, tag: running.tag }));
    });
    await new Promise<void>((r) => service.listen(0, '127.0.0.1', r));
    serviceUrl = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => service.close(r));
    await gh?.close();
    tmp.cleanup();
  });

  const store = () =>
    new StateStore({
      remote: parseRemote(`file://${bare}`),
      cacheDir: join(tmp.path, `cache${n}-${Math.random().toString(36).slice(2)}`),
      baseEnv: testGitEnv(tmp.path),
      clock: () => now,
    });

  beforeEach(async () => {
    n++;
    await gh?.close();
    const text = project(serviceUrl);
    bare = createBareRepo(join(tmp.path, `r${n}`), 'gitops', {
      '.gantry/echo.yaml': text,
      'env/dev/values.yaml': VALUES,
      'env/staging/values.yaml': VALUES,
    });
    const loaded = await loadProjectsFromFiles([{ file: '.gantry/echo.yaml', text }]);
    expect(loaded.problems).toEqual([]);
    proj = loaded.projects[0] as Project;
    gh = await startFakeGitHub({
      owner: 'acme',
      repo: 'gitops',
      token: TOKEN,
      repoPath: bare,
      workflows: [
        {
          file: 'gantry-promote.yml',
          id: 7,
          dispatchInputs: ['stage', 'freight', 'project'],
          requiredInputs: ['stage'],
        },
      ],
    });
    await seedFreight(bare, 'echo', [f1, f2], { now });
  });

  const api = () =>
    new GitHubClient({ token: TOKEN, apiUrl: gh.url, owner: 'acme', repo: 'gitops' });

  const promoteTo = (stage: string, over: Partial<PromoteOptions> = {}) =>
    promote({
      project: proj,
      stage,
      store: store(),
      registry: defaultRegistry(),
      dryRun: false,
      promotedBy: 'ci',
      clock: () => now,
      fetch,
      log: () => undefined,
      ...over,
    });

  /** Promotes to dev, with a deployment on GitHub for verify to mark. */
  const promoteDev = (freight = f2.alias) =>
    promoteTo('dev', { freight, github: { repo: api(), signCommits: false, deployments: true } });

  /** verify starts the next promotions with gantry-promote.yml on main. */
  const chain = (): VerifyOptions['dispatch'] => ({
    github: api(),
    workflow: 'gantry-promote.yml',
    ref: 'main',
    withProject: false,
  });

  const options = (over: Partial<VerifyOptions> = {}): VerifyOptions => ({
    project: proj,
    stage: 'dev',
    store: store(),
    providers: defaultProviders(),
    verifiedBy: 'https://github.com/acme/gitops/actions/runs/5',
    run: 'https://github.com/acme/gitops/actions/runs/5',
    fetch,
    env: {},
    secrets: [TOKEN],
    clock: () => now,
    log: () => undefined,
    github: api(),
    ...over,
  });

  test('success: verified tag, deployment success with the URL, the chain dispatched', async () => {
    const promoted = await promoteDev();
    running.version = f2.alias;
    running.status = 200;
    const out = await verify(options({ dispatch: chain() }));
    expect(out.phase).toBe('Successful');
    expect(out.verified).toBe(true);
    expect(out.commit).toBe(promoted.result?.commit);
    expect(out.analysis?.metrics[0]?.measurements[0]?.phase).toBe('Successful');
    const tag = git(bare, ['cat-file', '-p', `gantry/echo/verified/dev/${f2.id}`]);
    expect(tag).toContain('healthz: Successful');

    // The promotion's deployment is now successful, pointing at the stage's URL.
    expect(gh.deployments).toHaveLength(1);
    const statuses = gh.deployments[0]?.statuses ?? [];
    expect(statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
    expect(statuses[1]?.environmentUrl).toBe('https://dev.echo.acme.dev');

    // staging: due and started; soak: waits an hour; prod: not downstream of dev.
    expect(out.downstream.map((d) => [d.stage, d.due])).toEqual([
      ['staging', true],
      ['soak', false],
    ]);
    const soak = out.downstream[1];
    expect(soak?.reason).toMatch(/soak/i);
    expect(gh.dispatches).toEqual([
      { workflow: 'gantry-promote.yml', ref: 'main', inputs: { stage: 'staging', freight: f2.id } },
    ]);

    // Again: nothing measured, nothing written, nothing started.
    const requestsBefore = gh.requests.length;
    const again = await verify(options({ dispatch: chain() }));
    expect(again.alreadyVerified).toBe(true);
    expect(again.verified).toBe(true);
    expect(again.analysis).toBeUndefined();
    expect(gh.dispatches).toHaveLength(1);
    expect(gh.requests.slice(requestsBefore).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  test('failure: no tag, deployment failure, nothing downstream; the CLI exits 1', async () => {
    await promoteDev();
    running.version = 'something-else';
    running.status = 200;
    const { code, out } = await runGantry(
      ['verify', '--stage', 'dev', '--repo', `file://${bare}`],
      { ...testGitEnv(tmp.path), GANTRY_CACHE_DIR: join(tmp.path, `cli${n}`) },
      () => now,
    );
    expect(code).toBe(1);
    expect(out).toContain(`verification of ${f2.alias} (${f2.id.slice(0, 7)}) in dev failed`);
    expect(out).toContain('healthz (http): Failed');
    expect(out).toContain('#1 Failed');
    expect(() =>
      git(bare, ['rev-parse', '--verify', `gantry/echo/verified/dev/${f2.id}`]),
    ).toThrow();

    const r = await verify(options());
    expect(r.phase).toBe('Failed');
    expect(r.downstream).toEqual([]);
    expect(gh.deployments[0]?.statuses.map((s) => s.state)).toEqual(['in_progress', 'failure']);
  });

  test('a service that answers 500 ends in Error after consecutiveErrorLimit, not Failed', async () => {
    await promoteDev();
    running.status = 500;
    const sleeps: number[] = [];
    const r = await verify(
      options({
        sleep: (ms) => {
          sleeps.push(ms);
          return Promise.resolve();
        },
      }),
    );
    expect(r.phase).toBe('Error');
    // Argo Rollouts: 4 consecutive errors are tolerated, the fifth decides.
    expect(r.analysis?.metrics[0]?.measurements).toHaveLength(5);
    expect(r.analysis?.metrics[0]?.message).toMatch(/consecutive/i);
    expect(gh.deployments[0]?.statuses.map((s) => s.state)).toEqual(['in_progress', 'error']);
  });

  test('a rollback to freight verified before resolves its new deployment without measuring', async () => {
    running.status = 200;
    running.version = f1.alias;
    running.tag = '1.0.0';
    await promoteDev(f1.alias);
    await verify(options());
    running.version = f2.alias;
    running.tag = '1.1.0';
    await promoteDev(f2.alias);
    await verify(options());
    // Back to f1: a new promotion commit and a new deployment, in progress.
    const back = await promoteDev(f1.alias);
    expect(gh.deployments).toHaveLength(3);
    running.status = 500; // would fail if it were measured
    const r = await verify(options());
    expect(r).toMatchObject({ alreadyVerified: true, verified: true, phase: 'Successful' });
    expect(r.analysis).toBeUndefined();
    const d = gh.deployments.find((x) => x.sha === back.result?.commit);
    expect(d?.statuses.map((x) => [x.state, x.description])).toEqual([
      ['in_progress', 'promoted; waiting for verification'],
      ['success', `verified ${f1.alias} before`],
    ]);
  });

  test('freight that is not running in the stage is refused with what runs there', async () => {
    await promoteDev(f2.alias);
    await expect(verify(options({ freight: f1.alias }))).rejects.toThrow(
      `freight ${f1.alias} (${f1.id.slice(0, 7)}) is not running in dev (it runs`,
    );
  });

  test('a stage without verification is verified as soon as it runs the freight', async () => {
    running.version = f2.alias;
    running.status = 200;
    await promoteDev();
    await verify(options());
    await promoteTo('staging');
    const r = await verify(options({ stage: 'staging', github: undefined }));
    expect(r.verified).toBe(true);
    expect(r.analysis).toBeUndefined();
    expect(r.downstream).toEqual([
      {
        stage: 'prod',
        due: false,
        freight: { id: f2.id, alias: f2.alias },
        reason: 'auto-promotion is off: promote it by hand',
      },
    ]);
    expect(git(bare, ['cat-file', '-p', `gantry/echo/verified/staging/${f2.id}`])).toContain(
      'no verification configured',
    );
  });
});
