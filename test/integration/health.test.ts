import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  readStageHealth,
  stageNamesApps,
  type HealthSettings,
  type StageHealthReport,
} from '../../src/health/index.js';
import type { Stage } from '../../src/pipeline/index.js';
import { startFakeArgoCD, type FakeArgoCD, type Snapshot } from '../support/argocd-fake.js';
import { f1, loadProject, state } from '../unit/dashboard/fixture.js';

/*
 * Stage health read from a local fake of Argo CD's API (real HTTP): each of Kargo's states, the
 * ways an app cannot be read (unreachable, 403, too slow), revisions, and stages that name no
 * app. The fake answers as Argo CD does; see test/support/argocd-fake.ts.
 */

const TOKEN = 'argocd-health-token-eyJhbGciOiJIUzI1NiJ9.test';
const LIMITED = 'argocd-limited-health-token-42';
const COMMIT = 'c0ffee0123456789abcdef0123456789abcdef01';
const OLD = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

const healthy = (revision = COMMIT, extra: Partial<Snapshot> = {}): Snapshot => ({
  sync: 'Synced',
  revision,
  health: 'Healthy',
  operation: { phase: 'Succeeded', revision },
  ...extra,
});

let argo: FakeArgoCD;
let seq = 0;
const appName = (what: string) => `${what}-${++seq}`;

beforeAll(async () => {
  argo = await startFakeArgoCD({ token: TOKEN, limitedTokens: { [LIMITED]: ['visible'] } });
});
afterAll(async () => {
  await argo.close();
});

/** A stage whose verification is one argocd metric with `argocd` as its provider config. */
function stageWith(argocd: Record<string, unknown> | undefined, steps = ''): Stage {
  const metric = argocd
    ? `
    verification:
      - name: deployed
        provider:
          argocd: ${JSON.stringify(argocd)}`
    : '';
  const project = loadProject(`project: echo
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
        - uses: yaml-update
          config: {path: values.yaml, updates: [{key: tag, value: x}]}${steps}${metric}
`);
  return project.stages[0] as Stage;
}

const settings = (env: Record<string, string> = {}): HealthSettings => ({
  env: { ARGOCD_SERVER: argo.url, ARGOCD_AUTH_TOKEN: TOKEN, ...env },
  fetch,
});

async function healthOf(
  stage: Stage,
  s: HealthSettings = settings(),
  opts: { commit?: string | null; freight?: boolean } = {},
): Promise<StageHealthReport | undefined> {
  const commit = opts.commit === null ? undefined : (opts.commit ?? COMMIT);
  const map = await readStageHealth(
    [
      {
        project: 'echo',
        stage,
        state: opts.freight === false ? undefined : state(stage.name, f1),
        ...(commit !== undefined && { commit }),
        freight: [f1],
      },
    ],
    s,
  );
  return map.get(stage.name);
}

/** One app with this timeline, read through a metric; the stage's health. */
async function one(timeline: Snapshot[], extra: Record<string, unknown> = {}) {
  const name = appName('app');
  argo.setApp({ name, timeline });
  const h = await healthOf(stageWith({ applications: [name], ...extra }));
  return { name, h: h as StageHealthReport };
}

function expectNoToken(h: unknown): void {
  expect(JSON.stringify(h)).not.toContain(TOKEN);
}

describe("Kargo's states, from one application", () => {
  test('Healthy: synced to the commit the stage runs, and Healthy', async () => {
    const { name, h } = await one([healthy()]);
    expect(h).toEqual({
      status: 'Healthy',
      issues: [],
      applications: [
        {
          name,
          status: 'Healthy',
          health: 'Healthy',
          sync: 'Synced',
          revision: 'c0ffee0',
          wanted: 'c0ffee0',
          issues: [],
        },
      ],
    });
  });

  test('Progressing: rolling out at the commit', async () => {
    const { name, h } = await one([
      healthy(COMMIT, { health: 'Progressing', healthMessage: 'Waiting for rollout' }),
    ]);
    expect(h.status).toBe('Progressing');
    expect(h.issues).toEqual([`${name}: Progressing: Waiting for rollout`]);
  });

  test('Suspended counts as Progressing, as in Kargo', async () => {
    const { h } = await one([healthy(COMMIT, { health: 'Suspended' })]);
    expect(h.status).toBe('Progressing');
    expect(h.applications[0]?.health).toBe('Suspended');
  });

  test('Unhealthy: Degraded, or Missing', async () => {
    const degraded = await one([
      healthy(COMMIT, { health: 'Degraded', healthMessage: 'CrashLoopBackOff' }),
    ]);
    expect(degraded.h.status).toBe('Unhealthy');
    expect(degraded.h.issues).toEqual([`${degraded.name}: Degraded: CrashLoopBackOff`]);
    const missing = await one([healthy(COMMIT, { health: 'Missing' })]);
    expect(missing.h.status).toBe('Unhealthy');
  });

  test('Unhealthy: the sync to the commit failed, though the old pods are still Healthy', async () => {
    const { name, h } = await one([
      {
        sync: 'OutOfSync',
        revision: COMMIT,
        health: 'Healthy',
        operation: { phase: 'Failed', revision: COMMIT, message: 'one or more objects failed' },
      },
    ]);
    expect(h.status).toBe('Unhealthy');
    expect(h.issues).toEqual([`${name}: sync to c0ffee0 Failed: one or more objects failed`]);
  });

  test('Unhealthy: synced to another revision than the one the stage runs', async () => {
    const { name, h } = await one([healthy(OLD)]);
    expect(h.status).toBe('Unhealthy');
    expect(h.issues).toEqual([`${name}: synced to a1b2c3d, not c0ffee0`]);
    expect(h.applications[0]).toMatchObject({ revision: 'a1b2c3d', wanted: 'c0ffee0' });
  });

  test('revision: "" compares no revision: Healthy at any revision', async () => {
    const { h } = await one([healthy(OLD)], { revision: '' });
    expect(h.status).toBe('Healthy');
    expect(h.applications[0]?.wanted).toBeUndefined();
  });

  test("the metric's revision wins over the stage's commit", async () => {
    const { h } = await one([healthy(OLD)], { revision: OLD.slice(0, 7) });
    expect(h.status).toBe('Healthy');
  });

  test('a multi-source app is at the commit when one of its sources is', async () => {
    const { h } = await one([{ ...healthy(), revision: undefined, revisions: ['1.4.2', COMMIT] }]);
    expect(h.status).toBe('Healthy');
    expect(h.applications[0]?.revision).toBe('1.4.2,c0ffee0');
  });

  test('Unknown: a sync is requested or running', async () => {
    const requested = await one([healthy(OLD, { requested: { revision: COMMIT } })]);
    expect(requested.h.status).toBe('Unknown');
    expect(requested.h.issues).toEqual([`${requested.name}: being synced`]);
    const running = await one([
      healthy(COMMIT, {
        health: 'Progressing',
        operation: { phase: 'Running', revision: COMMIT, finishedAt: null },
      }),
    ]);
    expect(running.h.status).toBe('Unknown');
  });

  test('Unknown: Argo CD has not reassessed health since the sync finished', async () => {
    const { name, h } = await one([
      healthy(COMMIT, {
        operation: { phase: 'Succeeded', revision: COMMIT, finishedAt: '2026-11-01T10:00:05Z' },
        reconciledAt: '2026-11-01T10:00:00Z',
      }),
    ]);
    expect(h.status).toBe('Unknown');
    expect(h.issues[0]).toBe(
      `${name}: Argo CD has not reassessed it since its last sync finished; its health is not trusted yet`,
    );
  });

  test('Unhealthy: a ComparisonError makes health unreliable', async () => {
    const { name, h } = await one([
      healthy(COMMIT, {
        conditions: [{ type: 'ComparisonError', message: 'failed to load target state' }],
      }),
    ]);
    expect(h.status).toBe('Unhealthy');
    expect(h.issues).toEqual([`${name}: ComparisonError: failed to load target state`]);
  });
});

describe('apps that cannot be read are Unknown, with the reason', () => {
  test('an unreachable server', async () => {
    const port = await new Promise<number>((resolve) => {
      const srv = createServer();
      srv.listen(0, '127.0.0.1', () => {
        const p = (srv.address() as { port: number }).port;
        srv.close(() => resolve(p));
      });
    });
    const h = await healthOf(
      stageWith({ applications: ['shop'] }),
      settings({ ARGOCD_SERVER: `http://127.0.0.1:${port}` }),
    );
    expect(h?.status).toBe('Unknown');
    expect(h?.issues[0]).toMatch(/^Argo CD \(127\.0\.0\.1:\d+\) unreachable: .*ECONNREFUSED/);
    expectNoToken(h);
  });

  test('403: the token may not read the app', async () => {
    const name = appName('hidden');
    argo.setApp({ name, timeline: [healthy()] });
    const h = await healthOf(
      stageWith({ applications: [name, 'visible'] }),
      settings({ ARGOCD_AUTH_TOKEN: LIMITED }),
    );
    expect(h?.status).toBe('Unknown');
    expect(h?.applications.find((a) => a.name === name)?.issues[0]).toContain(
      `denied access to application ${name} (403 Forbidden: permission denied)`,
    );
    expect(JSON.stringify(h)).not.toContain(LIMITED);
  });

  test('a server that does not answer within the bound', async () => {
    const name = appName('slow');
    argo.setApp({ name, timeline: [healthy()] });
    argo.delayNext(3000);
    const started = Date.now();
    const h = await healthOf(stageWith({ applications: [name] }), {
      ...settings(),
      requestTimeoutMs: 300,
    });
    expect(Date.now() - started).toBeLessThan(2500);
    expect(h?.status).toBe('Unknown');
    expect(h?.issues[0]).toContain(`did not answer for application ${name} within 0.3s`);
  });

  test('a server but no token: Unknown, saying what is missing; nothing asked', async () => {
    const before = argo.requests.length;
    const h = await healthOf(stageWith({ applications: ['shop'] }), {
      env: { ARGOCD_SERVER: argo.url },
      fetch,
    });
    expect(h?.status).toBe('Unknown');
    expect(h?.issues).toEqual([
      'argocd: a token (token, or ARGOCD_AUTH_TOKEN in the environment) is required',
    ]);
    expect(argo.requests.length).toBe(before);
  });

  test('a metric whose templates cannot be rendered: Unknown, naming the metric', async () => {
    const h = await healthOf(
      stageWith({ applications: ['shop'], token: '${{ env.SHOP_ARGO_TOKEN }}' }),
    );
    expect(h?.status).toBe('Unknown');
    expect(h?.issues[0]).toMatch(
      /^verification metric "deployed": .*env\.SHOP_ARGO_TOKEN is not set/,
    );
  });
});

describe('where health is not known, or not applicable', () => {
  test('a stage that names no app: NotApplicable, and Argo CD is not asked', async () => {
    const before = argo.requests.length;
    const stage = stageWith(undefined);
    expect(stageNamesApps(stage)).toBe(false);
    const h = await healthOf(stage);
    expect(h).toEqual({ status: 'NotApplicable', issues: [], applications: [] });
    expect(argo.requests.length).toBe(before);
  });

  test('no Argo CD server configured: no health, and nothing asked', async () => {
    const before = argo.requests.length;
    const stage = stageWith({ applications: ['shop'] });
    expect(stageNamesApps(stage)).toBe(true);
    expect(await healthOf(stage, { env: { ARGOCD_AUTH_TOKEN: TOKEN }, fetch })).toBeUndefined();
    expect(argo.requests.length).toBe(before);
  });

  test('a stage that runs no freight has no health (Kargo: none before the first promotion)', async () => {
    const name = appName('fresh');
    argo.setApp({ name, timeline: [healthy()] });
    expect(
      await healthOf(stageWith({ applications: [name] }), settings(), { freight: false }),
    ).toBeUndefined();
    expect(argo.gets(name)).toBe(0);
  });
});

describe('several applications', () => {
  test('read in parallel, the most severe state wins, each app once', async () => {
    const a = appName('api');
    const b = appName('web');
    const c = appName('worker');
    argo.setApp({ name: a, timeline: [healthy()] });
    argo.setApp({ name: b, timeline: [healthy(COMMIT, { health: 'Progressing' })] });
    argo.setApp({ name: c, namespace: 'ops', timeline: [healthy()] });
    argo.delayNext(600, 3);
    const stage = stageWith(
      { applications: [a, b, `ops/${c}`] },
      `
        - uses: argocd-update
          config:
            apps:
              - name: ${a}`,
    );
    const started = Date.now();
    const h = await healthOf(stage);
    // One after another they would take 1.8 s.
    expect(Date.now() - started).toBeLessThan(1500);
    expect(h?.status).toBe('Progressing');
    expect(h?.applications.map((x) => [x.namespace, x.name, x.status])).toEqual([
      [undefined, a, 'Healthy'],
      [undefined, b, 'Progressing'],
      ['ops', c, 'Healthy'],
    ]);
    expect(argo.gets(a)).toBe(1);
  });

  test('Unhealthy wins over Unknown, Unknown over Progressing', async () => {
    const bad = appName('bad');
    const slow = appName('prog');
    argo.setApp({ name: bad, timeline: [healthy(COMMIT, { health: 'Degraded' })] });
    argo.setApp({ name: slow, timeline: [healthy(COMMIT, { health: 'Progressing' })] });
    const h = await healthOf(stageWith({ applications: [bad, slow, 'not-there'] }));
    expect(h?.status).toBe('Unhealthy');
    expect(h?.applications.map((x) => x.status)).toEqual(['Unhealthy', 'Progressing', 'Unknown']);
    const h2 = await healthOf(stageWith({ applications: [slow, 'not-there'] }));
    expect(h2?.status).toBe('Unknown');
  });
});

describe('argocd-update steps', () => {
  test('apps with literal names count; names from expressions are left out', async () => {
    const a = appName('step');
    argo.setApp({ name: a, namespace: 'team', timeline: [healthy()] });
    const stage = stageWith(
      undefined,
      `
        - uses: argocd-update
          config:
            apps:
              - name: ${a}
                namespace: team
              - name: \${{ vars.app }}`,
    );
    expect(stageNamesApps(stage)).toBe(true);
    const h = await healthOf(stage);
    expect(h?.status).toBe('Healthy');
    expect(h?.applications.map((x) => [x.namespace, x.name])).toEqual([['team', a]]);
    // No desiredRevision: Kargo compares no revision for such a source.
    expect(h?.applications[0]?.wanted).toBeUndefined();
  });

  test("a source's literal desiredRevision must match, by repoURL (Kargo's rule)", async () => {
    const a = appName('pinned');
    argo.setApp({
      name: a,
      repoURL: 'https://github.com/acme/manifests.git',
      timeline: [healthy(OLD)],
    });
    const step = (rev: string) => `
        - uses: argocd-update
          config:
            apps:
              - name: ${a}
                sources:
                  - repoURL: https://github.com/acme/manifests.git
                    desiredRevision: ${rev}`;
    const off = await healthOf(stageWith(undefined, step(COMMIT)));
    expect(off?.status).toBe('Unhealthy');
    expect(off?.issues).toEqual([`${a}: source 0 synced to a1b2c3d, not c0ffee0`]);
    const on = await healthOf(stageWith(undefined, step(OLD)));
    expect(on?.status).toBe('Healthy');
  });

  test("Kargo's desiredRevision: ${{ outputs.commit.commit }} of a git-commit step is the stage's tip", async () => {
    const a = appName('pushed');
    argo.setApp({
      name: a,
      repoURL: 'https://github.com/acme/manifests.git',
      timeline: [healthy(OLD)],
    });
    const steps = (uses: string) => `
        - uses: ${uses}
          as: commit
          config: {path: ./out, message: render}
        - uses: argocd-update
          config:
            apps:
              - name: ${a}
                sources:
                  - repoURL: https://github.com/acme/manifests.git
                    desiredRevision: \${{ outputs.commit.commit }}`;
    // The app runs OLD; the stage's branch is at COMMIT: it is not synced to what was promoted.
    const off = await healthOf(stageWith(undefined, steps('git-commit')));
    expect(off?.status).toBe('Unhealthy');
    expect(off?.applications[0]?.wanted).toBe(COMMIT.slice(0, 7));
    expect(off?.issues).toEqual([`${a}: source 0 synced to a1b2c3d, not c0ffee0`]);
    const on = await healthOf(stageWith(undefined, steps('git-commit')), settings(), {
      commit: OLD,
    });
    expect(on?.status).toBe('Healthy');
    // An output of another step is only known to the promotion: not compared.
    const other = await healthOf(stageWith(undefined, steps('compose-output')));
    expect(other?.status).toBe('Healthy');
    expect(other?.applications[0]?.wanted).toBeUndefined();
  });

  test('a Git repoURL matches as the step matches it when it updates: normalised', async () => {
    const a = appName('spelled');
    argo.setApp({
      name: a,
      repoURL: 'https://github.com/acme/manifests.git',
      timeline: [healthy(OLD)],
    });
    // The step would update this source (case and ".git" aside): health compares it too.
    const h = await healthOf(
      stageWith(
        undefined,
        `
        - uses: argocd-update
          config:
            apps:
              - name: ${a}
                sources:
                  - repoURL: https://github.com/Acme/manifests
                    desiredRevision: ${COMMIT}`,
      ),
    );
    expect(h?.status).toBe('Unhealthy');
    expect(h?.issues).toEqual([`${a}: source 0 synced to a1b2c3d, not c0ffee0`]);
  });

  test("without ARGOCD_SERVER, step apps use the Argo CD of the stage's argocd metric", async () => {
    const a = appName('borrow');
    const m = appName('metric');
    argo.setApp({ name: a, timeline: [healthy()] });
    argo.setApp({ name: m, timeline: [healthy()] });
    const stage = stageWith(
      { server: argo.url, token: '${{ env.ARGO_TOKEN }}', applications: [m] },
      `
        - uses: argocd-update
          config:
            apps: [{name: ${a}}]`,
    );
    const h = await healthOf(stage, { env: { ARGO_TOKEN: TOKEN }, fetch });
    expect(h?.status).toBe('Healthy');
    expect(h?.applications.map((x) => x.name)).toEqual([m, a]);
    expect(argo.requests.at(-1)?.authorization).toBe(`Bearer ${TOKEN}`);
  });
});
