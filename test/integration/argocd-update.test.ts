/**
 * Kargo's argocd-update step against the Argo CD fake: Kargo's reference examples (a Git source
 * synced to the promotion commit, a chart's targetRevision, Kustomize images, Helm parameters, a
 * multi-source app), its authorization rule, and the sync it starts and waits for.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { PromotionTemplate } from '../../src/pipeline/types.js';
import {
  ARGOCD_UPDATE_POLL_MS,
  PROMOTION_INFO,
  authorizedStages,
  parseArgoCDUpdateConfig,
} from '../../src/promotion/steps/argocd-update.js';
import { runSteps } from '../../src/promotion/steps/engine.js';
import { defaultRegistry } from '../../src/promotion/steps/registry.js';
import { ConfigError } from '../../src/util/errors.js';
import { startFakeArgoCD, type FakeApp, type FakeArgoCD } from '../support/argocd-fake.js';
import { realTempDir, stepContext } from '../support/steps.js';

const TOKEN = 'argocd-t0ken-never-shown';
const READ_ONLY = 'argocd-read-only-t0ken';
const SHA = 'a1b2c3d'.padEnd(40, '0');
const GIT = 'https://github.com/example/repo.git';
const CHARTS = 'https://charts.example.com';
const AUTHORIZED = { 'kargo.akuity.io/authorized-stage': 'echo:dev' };

let argo: FakeArgoCD;
let dir: string;
let cleanup: () => void;

beforeAll(async () => {
  argo = await startFakeArgoCD({
    token: TOKEN,
    readOnlyTokens: [READ_ONLY],
    // Argo CD resolves a branch to its tip when it syncs; the fake's "stage/dev" is at SHA.
    resolveRevision: (src) =>
      src.targetRevision === 'stage/dev' ? SHA : String(src.targetRevision ?? 'HEAD'),
  });
  ({ dir, cleanup } = realTempDir());
});
afterAll(async () => {
  await argo.close();
  cleanup();
});
afterEach(() => {
  argo.requests.length = 0;
});

const synced = { sync: 'Synced' as const, revision: 'old', health: 'Healthy' as const };

function app(over: Partial<FakeApp> & { name: string }): FakeApp {
  return {
    annotations: AUTHORIZED,
    timeline: [synced],
    spec: { source: { repoURL: GIT, path: 'env/dev', targetRevision: 'stage/dev' } },
    ...over,
  };
}

function template(yaml: string): PromotionTemplate {
  const steps = (parseYaml(yaml) as Record<string, unknown>[]).map((s) => ({
    uses: String(s.uses),
    config: (s.config ?? {}) as Record<string, unknown>,
    vars: [],
    ...(typeof s.as === 'string' && { as: s.as }),
    ...(s.retry !== undefined && {
      retry: { timeoutMs: (s.retry as { timeoutMs: number }).timeoutMs },
    }),
  }));
  return { vars: [], steps } as unknown as PromotionTemplate;
}

interface Run {
  logs: string[];
  sleeps: number[];
}

async function run(
  yaml: string,
  over: { token?: string; env?: Record<string, string>; dryRun?: boolean } = {},
) {
  const seen: Run = { logs: [], sleeps: [] };
  let now = Date.parse('2026-12-01T00:00:00Z');
  const done = await runSteps(
    template(yaml),
    stepContext(dir, {
      fetch,
      env: over.env ?? { ARGOCD_SERVER: argo.url, ARGOCD_AUTH_TOKEN: over.token ?? TOKEN },
      log: (l) => seen.logs.push(l),
      sleep: (ms) => {
        seen.sleeps.push(ms);
        now += ms;
        return Promise.resolve();
      },
      clock: () => new Date(now),
      ...(over.dryRun && { dryRun: true }),
    }),
    defaultRegistry(),
  );
  return { done, ...seen };
}

async function fails(yaml: string, over: { token?: string; env?: Record<string, string> } = {}) {
  const logs: string[] = [];
  let now = Date.parse('2026-12-01T00:00:00Z');
  const err = await runSteps(
    template(yaml),
    stepContext(dir, {
      fetch,
      env: over.env ?? { ARGOCD_SERVER: argo.url, ARGOCD_AUTH_TOKEN: over.token ?? TOKEN },
      log: (l) => logs.push(l),
      sleep: (ms) => {
        now += ms;
        return Promise.resolve();
      },
      clock: () => new Date(now),
    }),
    defaultRegistry(),
  ).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  if (!err) throw new Error('expected the step to fail');
  return { err, logs };
}

const writes = () => argo.requests.filter((r) => r.method !== 'GET');

describe('argocd-update: Kargo reference examples', () => {
  test('common usage: a Git source synced to the promotion commit, waited for', async () => {
    argo.setApp(app({ name: 'my-app', sync: { runningGets: 1 } }));
    const r = await run(`
- uses: compose-output
  as: commit
  config: {commit: ${SHA}}
- uses: argocd-update
  config:
    apps:
      - name: my-app
        sources:
          - repoURL: https://github.com/example/repo.git
            desiredRevision: \${{ outputs.commit.commit }}
`);
    expect(r.done.statuses).toEqual(['Succeeded', 'Succeeded']);
    expect(r.done.outputs['step-2']).toEqual({ apps: [{ name: 'my-app', namespace: 'argocd' }] });
    // Asked once, pending while the sync ran (one GET saw it Running), then done.
    expect(r.sleeps).toEqual([ARGOCD_UPDATE_POLL_MS, ARGOCD_UPDATE_POLL_MS]);

    const [patch, sync] = writes();
    expect(patch).toMatchObject({ method: 'PATCH', path: '/api/v1/applications/my-app' });
    const body = patch?.body as { patch: string; patchType: string; name: string };
    expect(body.patchType).toBe('json');
    // No targetRevision change (updateTargetRevision is not set): the source is tested and kept,
    // and Argo CD is asked for a hard refresh, as Kargo does.
    expect(JSON.parse(body.patch)).toEqual([
      {
        op: 'test',
        path: '/spec/source',
        value: { repoURL: GIT, path: 'env/dev', targetRevision: 'stage/dev' },
      },
      {
        op: 'replace',
        path: '/spec/source',
        value: { repoURL: GIT, path: 'env/dev', targetRevision: 'stage/dev' },
      },
      { op: 'add', path: '/metadata/annotations/argocd.argoproj.io~1refresh', value: 'hard' },
    ]);
    expect(sync).toMatchObject({ method: 'POST', path: '/api/v1/applications/my-app/sync' });
    const req = sync?.body as Record<string, unknown>;
    // Argo CD's ApplicationSyncRequest: no revision (the spec's targetRevision is synced; an
    // explicit one is refused on an auto-synced app), no prune, the promotion in infos.
    expect(req.revision).toBeUndefined();
    expect(req.prune).toBeUndefined();
    expect(req.infos).toContainEqual({ name: PROMOTION_INFO, value: expect.any(String) as string });
    expect(argo.syncs('my-app')).toHaveLength(1);
    expect(argo.syncs('my-app')[0]?.revisions).toEqual([SHA]);
    expect(argo.live('my-app').annotations['argocd.argoproj.io/refresh']).toBe('hard');
    // Every request carries the token as a bearer token; no log line holds it.
    expect(argo.requests.every((q) => q.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(r.logs.join('\n')).not.toContain(TOKEN);
  });

  test('apps by label selector (matchLabels and matchExpressions): each app found is updated and synced', async () => {
    const labels = (environment: string, team = 'platform') => ({ environment, team });
    argo.setApp(app({ name: 'sel-staging', labels: labels('staging') }));
    argo.setApp(app({ name: 'sel-prod', labels: labels('production') }));
    argo.setApp(
      app({
        name: 'sel-legacy',
        labels: { ...labels('production'), 'managed-by': 'legacy-system' },
      }),
    );
    argo.setApp(app({ name: 'sel-other-team', labels: labels('production', 'web') }));
    argo.setApp(app({ name: 'sel-dev', labels: labels('dev') }));
    const r = await run(`
- uses: compose-output
  as: commit
  config: {commit: ${SHA}}
- uses: argocd-update
  config:
    apps:
      - selector:
          matchLabels:
            team: platform
          matchExpressions:
            - key: environment
              operator: In
              values: [staging, production]
            - key: managed-by
              operator: NotIn
              values: [legacy-system]
        sources:
          - repoURL: https://github.com/example/repo.git
            desiredRevision: \${{ outputs.commit.commit }}
`);
    expect(r.done.statuses).toEqual(['Succeeded', 'Succeeded']);
    expect(r.done.outputs['step-2']).toEqual({
      apps: [
        { name: 'sel-staging', namespace: 'argocd' },
        { name: 'sel-prod', namespace: 'argocd' },
      ],
    });
    const list = argo.requests.find((q) => q.method === 'GET' && q.path === '/api/v1/applications');
    expect(list?.query.selector).toBe(
      'team=platform,environment in (staging,production),managed-by notin (legacy-system)',
    );
    expect(argo.syncs('sel-staging')[0]?.revisions).toEqual([SHA]);
    expect(argo.syncs('sel-prod')[0]?.revisions).toEqual([SHA]);
    for (const untouched of ['sel-legacy', 'sel-other-team', 'sel-dev']) {
      expect(argo.syncs(untouched)).toEqual([]);
    }
  });

  test('a selector that matches no app fails the step, as in Kargo', async () => {
    const { err } = await fails(`
- uses: argocd-update
  config:
    apps:
      - selector: {matchLabels: {team: nobody}}
`);
    expect(err.message).toContain(
      'argocd-update: no Argo CD Application matches the selector team=nobody',
    );
    expect(writes()).toEqual([]);
  });

  test("updating a chart source's targetRevision (chartFrom), multi-source by repoURL and chart", async () => {
    argo.setApp(
      app({
        name: 'charted',
        spec: {
          sources: [
            { repoURL: GIT, path: 'values', targetRevision: 'main', ref: 'values' },
            {
              repoURL: CHARTS,
              chart: 'echo',
              targetRevision: '0.1.0',
              helm: { valueFiles: ['$values/dev.yaml'] },
            },
          ],
        },
      }),
    );
    const r = await run(`
- uses: argocd-update
  config:
    apps:
      - name: charted
        sources:
          - repoURL: ${CHARTS}
            chart: echo
            desiredRevision: \${{ chartFrom("${CHARTS}", "echo").Version }}
            updateTargetRevision: true
`);
    expect(r.done.statuses).toEqual(['Succeeded']);
    const sources = argo.live('charted').spec.sources as Record<string, unknown>[];
    // Only the chart source changed.
    expect(sources[0]).toEqual({
      repoURL: GIT,
      path: 'values',
      targetRevision: 'main',
      ref: 'values',
    });
    expect(sources[1]).toEqual({
      repoURL: CHARTS,
      chart: 'echo',
      targetRevision: '0.3.1',
      helm: { valueFiles: ['$values/dev.yaml'] },
    });
    expect(argo.syncs('charted')[0]?.revisions).toEqual(['main', '0.3.1']);
  });

  test('a Kustomize image override (imageFrom), with newName and digest', async () => {
    argo.setApp(
      app({
        name: 'kust',
        spec: {
          source: {
            repoURL: GIT,
            path: 'env/dev',
            targetRevision: 'stage/dev',
            kustomize: { namePrefix: 'dev-', images: ['ghcr.io/acme/old:0.1.0'] },
          },
        },
      }),
    );
    const r = await run(`
- uses: argocd-update
  config:
    apps:
      - name: kust
        sources:
          - repoURL: https://github.com/Example/repo
            kustomize:
              images:
                - repoURL: ghcr.io/acme/echo
                  tag: \${{ imageFrom("ghcr.io/acme/echo").Tag }}
                - repoURL: ghcr.io/acme/side
                  newName: mirror.example.com/side
                  digest: sha256:0123
`);
    expect(r.done.statuses).toEqual(['Succeeded']);
    // The Git URL matches normalised (case, no .git); the images are replaced, other fields kept.
    expect(argo.live('kust').spec.source).toMatchObject({
      kustomize: {
        namePrefix: 'dev-',
        images: [
          'ghcr.io/acme/echo:1.2.0',
          'ghcr.io/acme/side=mirror.example.com/side@sha256:0123',
        ],
      },
    });
  });

  test('Helm image parameters: set one, keep the others', async () => {
    argo.setApp(
      app({
        name: 'helmed',
        namespace: 'team-a',
        annotations: { 'gantry.io/authorized-stage': 'other:prod, echo:dev' },
        spec: {
          source: {
            repoURL: GIT,
            path: 'chart',
            targetRevision: 'stage/dev',
            helm: {
              parameters: [
                { name: 'replicas', value: '2' },
                { name: 'image.tag', value: '1.0.0' },
              ],
            },
          },
        },
      }),
    );
    const r = await run(`
- uses: argocd-update
  config:
    apps:
      - name: helmed
        namespace: team-a
        sources:
          - repoURL: ${GIT}
            helm:
              images:
                - key: image.tag
                  value: \${{ imageFrom("ghcr.io/acme/echo").Tag }}
`);
    expect(r.done.outputs['step-1']).toEqual({ apps: [{ name: 'helmed', namespace: 'team-a' }] });
    expect(argo.live('helmed', 'team-a').spec.source).toMatchObject({
      helm: {
        parameters: [
          { name: 'replicas', value: '2' },
          { name: 'image.tag', value: '1.2.0' },
        ],
      },
    });
    // appNamespace travels in the query of the GET and in the bodies of PATCH and sync.
    expect(argo.requests.find((q) => q.method === 'GET')?.query).toEqual({
      appNamespace: 'team-a',
    });
    expect(writes().map((q) => (q.body as { appNamespace?: string }).appNamespace)).toEqual([
      'team-a',
      'team-a',
    ]);
  });
});

describe('argocd-update: refusals and failures', () => {
  test('an Application without the authorized-stage annotation is not touched', async () => {
    argo.setApp(app({ name: 'foreign', annotations: {} }));
    const { err } = await fails(`
- uses: argocd-update
  config: {apps: [{name: foreign}]}
`);
    expect(err.message).toContain(
      'Argo CD Application foreign does not permit changes by stage dev of project echo',
    );
    expect(err.message).toContain('kargo.akuity.io/authorized-stage: "echo:dev"');
    expect(writes()).toEqual([]);
  });

  test('an annotation for another stage is refused, naming what it allows', async () => {
    argo.setApp(
      app({ name: 'prod-app', annotations: { 'kargo.akuity.io/authorized-stage': 'echo:prod' } }),
    );
    const { err } = await fails(`
- uses: argocd-update
  config: {apps: [{name: prod-app}]}
`);
    expect(err.message).toContain('"echo:prod"');
    expect(writes()).toEqual([]);
  });

  test('an app Argo CD does not have (403 without project, as Argo CD ≥ 2.6.7 answers)', async () => {
    const { err } = await fails(`
- uses: argocd-update
  config: {apps: [{name: nowhere}]}
`);
    expect(err.message).toContain('application nowhere');
    expect(err.message).toContain('403');
    expect(writes()).toEqual([]);
  });

  test('a token Argo CD rejects never shows, even when the server echoes it', async () => {
    argo.setApp(app({ name: 'my-app' }));
    argo.failNext(401, 16, `invalid session: token ${TOKEN} has expired`);
    const { err, logs } = await fails(`
- uses: argocd-update
  config: {apps: [{name: my-app}]}
`);
    expect(err.message).toContain('rejected the token');
    expect(err.message).not.toContain(TOKEN);
    expect(logs.join('\n')).not.toContain(TOKEN);
  });

  test('a token that may read but not update: 403 names the permission', async () => {
    argo.setApp(app({ name: 'my-app' }));
    const { err } = await fails(
      `
- uses: argocd-update
  config: {apps: [{name: my-app}]}
`,
      { token: READ_ONLY },
    );
    expect(err.message).toContain('refused to update application my-app (HTTP 403');
    expect(err.message).toContain("'applications, update'");
    expect(err.message).not.toContain(READ_ONLY);
    expect(argo.syncs('my-app')).toEqual([]);
  });

  test('a source the app does not have fails before anything is written', async () => {
    argo.setApp(app({ name: 'my-app' }));
    const { err } = await fails(`
- uses: argocd-update
  config:
    apps:
      - name: my-app
        sources: [{repoURL: ${CHARTS}, chart: other, desiredRevision: 1.0.0, updateTargetRevision: true}]
`);
    expect(err.message).toContain(
      `no source of Argo CD Application my-app matches repoURL ${CHARTS} and chart other`,
    );
    expect(writes()).toEqual([]);
  });

  test('a sync that fails fails the step with Argo CD’s message', async () => {
    argo.setApp(
      app({
        name: 'broken',
        sync: { phase: 'Failed', message: 'one or more synchronization tasks are not valid' },
      }),
    );
    const { err } = await fails(`
- uses: argocd-update
  config: {apps: [{name: broken}]}
`);
    expect(err.message).toContain(
      'Argo CD Application broken: sync Failed: one or more synchronization tasks are not valid',
    );
    expect(argo.syncs('broken')).toHaveLength(1);
  });

  test('no Argo CD in the environment: a config error naming the variables', async () => {
    const { err } = await fails(
      `
- uses: argocd-update
  config: {apps: [{name: my-app}]}
`,
      { env: {} },
    );
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toContain('ARGOCD_SERVER and ARGOCD_AUTH_TOKEN must be set');
  });

  test("still running after Kargo's default 5 minutes: gives up", async () => {
    argo.setApp(app({ name: 'slow', sync: { runningGets: 1000 } }));
    const { err } = await fails(`
- uses: argocd-update
  config: {apps: [{name: slow}]}
`);
    expect(err.message).toContain('gave up: retry.timeout 5m reached');
    expect(err.message).toContain('slow: sync Running');
    // 5 minutes of asking every 5 s: the first look, then one per poll until the timeout.
    const gets = argo.requests.filter((q) => q.method === 'GET').length;
    expect(gets).toBeGreaterThanOrEqual(59);
    expect(gets).toBeLessThanOrEqual(61);
  });
});

describe('argocd-update: retry.timeout', () => {
  test("the template's retry.timeout replaces Kargo's default", async () => {
    argo.setApp(app({ name: 'slow', sync: { runningGets: 1000 } }));
    const { err } = await fails(`
- uses: argocd-update
  retry: {timeoutMs: 30000}
  config: {apps: [{name: slow}]}
`);
    expect(err.message).toContain('gave up: retry.timeout 30s reached');
    const gets = argo.requests.filter((q) => q.method === 'GET').length;
    expect(gets).toBeGreaterThanOrEqual(5);
    expect(gets).toBeLessThanOrEqual(7);
  });
});

describe('argocd-update: Argo CD concurrency', () => {
  test('an edit between the read and the patch: read again, nobody’s change lost', async () => {
    argo.setApp(
      app({
        name: 'busy',
        spec: { source: { repoURL: CHARTS, chart: 'echo', targetRevision: '0.1.0' } },
      }),
    );
    argo.beforeNextPatch(() =>
      argo.edit('busy', undefined, (spec) => {
        (spec.source as Record<string, unknown>).helm = { releaseName: 'echo-dev' };
      }),
    );
    const r = await run(`
- uses: argocd-update
  config:
    apps:
      - name: busy
        sources: [{repoURL: ${CHARTS}, chart: echo, desiredRevision: 0.3.1, updateTargetRevision: true}]
`);
    expect(r.done.statuses).toEqual(['Succeeded']);
    expect(writes().map((q) => q.method)).toEqual(['PATCH', 'PATCH', 'POST']);
    expect(r.logs.join('\n')).toContain('busy changed while being updated; reading it again');
    expect(argo.live('busy').spec.source).toEqual({
      repoURL: CHARTS,
      chart: 'echo',
      targetRevision: '0.3.1',
      helm: { releaseName: 'echo-dev' },
    });
  });

  test('a deny sync window is waited out, not failed', async () => {
    argo.setApp(app({ name: 'windowed', syncWindowDenies: 1 }));
    const r = await run(`
- uses: argocd-update
  config: {apps: [{name: windowed}]}
`);
    expect(r.done.statuses).toEqual(['Succeeded']);
    expect(r.logs.join('\n')).toContain('blocked by sync window');
    expect(argo.syncs('windowed')).toHaveLength(1);
  });

  test("a sync someone else requested is waited for before this promotion's own", async () => {
    argo.setApp(
      app({
        name: 'queued',
        timeline: [{ ...synced, requested: { revision: 'x' }, times: 2 }, synced],
      }),
    );
    const r = await run(`
- uses: argocd-update
  config: {apps: [{name: queued}]}
`);
    expect(r.done.statuses).toEqual(['Succeeded']);
    expect(r.logs.join('\n')).toContain('a sync requested by someone else has not started yet');
    expect(argo.syncs('queued')).toHaveLength(1);
  });
});

describe('argocd-update: dry run', () => {
  test('reads, authorizes and matches, says what it would do, changes nothing', async () => {
    argo.setApp(
      app({
        name: 'rehearsed',
        spec: { source: { repoURL: CHARTS, chart: 'echo', targetRevision: '0.1.0' } },
      }),
    );
    const r = await run(
      `
- uses: argocd-update
  config:
    apps:
      - name: rehearsed
        sources: [{repoURL: ${CHARTS}, chart: echo, desiredRevision: 0.3.1, updateTargetRevision: true}]
`,
      { dryRun: true },
    );
    expect(r.done.statuses).toEqual(['Succeeded']);
    expect(r.logs.join('\n')).toContain(
      'argocd-update: dry run: would update and sync rehearsed to 0.3.1; nothing was changed on Argo CD',
    );
    expect(argo.requests.map((q) => q.method)).toEqual(['GET']);
    expect(argo.live('rehearsed').spec.source).toMatchObject({ targetRevision: '0.1.0' });
    // Refusals still happen in a dry run: it is a rehearsal of the checks too.
    argo.setApp(app({ name: 'rehearsed', annotations: {} }));
    await expect(
      run(
        `
- uses: argocd-update
  config: {apps: [{name: rehearsed}]}
`,
        { dryRun: true },
      ),
    ).rejects.toThrow('does not permit changes by stage dev');
  });
});

describe('argocd-update: config', () => {
  test("Kargo's rules: updateTargetRevision needs desiredRevision; tag or digest; name or selector", () => {
    expect(() =>
      parseArgoCDUpdateConfig({
        apps: [{ name: 'a', sources: [{ repoURL: GIT, updateTargetRevision: true }] }],
      }),
    ).toThrow('config.apps[0].sources[0].updateTargetRevision: needs desiredRevision');
    expect(() =>
      parseArgoCDUpdateConfig({
        apps: [
          {
            name: 'a',
            sources: [
              {
                repoURL: GIT,
                kustomize: { images: [{ repoURL: 'x', tag: '1', digest: 'sha256:1' }] },
              },
            ],
          },
        ],
      }),
    ).toThrow('needs one of tag or digest (not both)');
    expect(() =>
      parseArgoCDUpdateConfig({ apps: [{ name: 'a', selector: { matchLabels: { a: 'b' } } }] }),
    ).toThrow('config.apps[0]: has both name and selector');
    expect(() => parseArgoCDUpdateConfig({ apps: [{ selector: {} }] })).toThrow(
      'config.apps[0].selector: selects nothing',
    );
    expect(() =>
      parseArgoCDUpdateConfig({
        apps: [{ selector: { matchExpressions: [{ key: 'env', operator: 'Within' }] } }],
      }),
    ).toThrow('config.apps[0].selector.matchExpressions[0].operator: must be one of In, NotIn');
    // Kargo's reference example: matchLabels and matchExpressions together, all must hold.
    expect(
      parseArgoCDUpdateConfig({
        apps: [
          {
            selector: {
              matchLabels: { team: 'platform' },
              matchExpressions: [
                { key: 'environment', operator: 'In', values: ['staging', 'production'] },
                { key: 'managed-by', operator: 'NotIn', values: ['legacy-system'] },
                { key: 'tier', operator: 'Exists' },
                { key: 'frozen', operator: 'DoesNotExist' },
              ],
            },
          },
        ],
      }),
    ).toEqual([
      {
        selector:
          'team=platform,environment in (staging,production),managed-by notin (legacy-system),tier,!frozen',
        sources: [],
      },
    ]);
    expect(() => parseArgoCDUpdateConfig({ apps: [{ name: 'a' }, { name: 'a' }] })).toThrow(
      'names a a second time',
    );
  });

  test("the authorized-stage annotation's grammar (Kargo's AuthorizedStages)", () => {
    expect(authorizedStages(' echo:dev , echo:prod,')).toEqual([
      { project: 'echo', stage: 'dev' },
      { project: 'echo', stage: 'prod' },
    ]);
    expect(() => authorizedStages('echo')).toThrow('expected <project>:<stage>');
    expect(() => authorizedStages('echo:*')).toThrow('glob expressions are not supported');
    expect(() => authorizedStages(' , ')).toThrow('no authorized stage');
  });
});

describe("argocd-wait (Kargo's reference examples)", () => {
  test('waits until the app is healthy, synced and idle; by default for all three', async () => {
    argo.setApp(
      app({
        name: 'wait-app',
        annotations: {},
        timeline: [
          { sync: 'OutOfSync', revision: 'old', health: 'Progressing' },
          { sync: 'Synced', revision: SHA, health: 'Progressing' },
          { sync: 'Synced', revision: SHA, health: 'Healthy' },
        ],
      }),
    );
    const r = await run(`
- uses: argocd-wait
  config:
    apps:
      - name: wait-app
`);
    expect(r.done.statuses).toEqual(['Succeeded']);
    expect(r.done.outputs['step-1']).toEqual({ apps: [{ name: 'wait-app', namespace: 'argocd' }] });
    // Two looks found it not ready; it needs no authorized-stage annotation; nothing written.
    expect(r.sleeps).toEqual([ARGOCD_UPDATE_POLL_MS, ARGOCD_UPDATE_POLL_MS]);
    expect(writes()).toEqual([]);
  });

  test('waitFor: suspended, by label selector', async () => {
    argo.setApp(
      app({
        name: 'wait-suspended',
        labels: { 'rollout-group': 'paused' },
        timeline: [{ sync: 'Synced', revision: SHA, health: 'Suspended' }],
      }),
    );
    const r = await run(`
- uses: argocd-wait
  config:
    apps:
      - selector: {matchLabels: {rollout-group: paused}}
        waitFor: [suspended]
`);
    expect(r.done.outputs['step-1']).toEqual({
      apps: [{ name: 'wait-suspended', namespace: 'argocd' }],
    });
    expect(r.sleeps).toEqual([]);
  });

  test('an app that turns Degraded while waited for fails the step at once', async () => {
    argo.setApp(
      app({
        name: 'wait-degrades',
        timeline: [
          { sync: 'Synced', revision: SHA, health: 'Progressing' },
          { sync: 'Synced', revision: SHA, health: 'Degraded', healthMessage: 'CrashLoopBackOff' },
        ],
      }),
    );
    const { err } = await fails(`
- uses: argocd-wait
  retry: {timeoutMs: 600000}
  config:
    apps:
      - name: wait-degrades
`);
    expect(err.message).toContain(
      'argocd-wait: Argo CD Application argocd/wait-degrades turned Degraded while waited for: CrashLoopBackOff',
    );
  });
});
