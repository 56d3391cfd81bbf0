import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  argocd,
  type ArgoCDResult,
  type ArgoCDConfig,
} from '../../../src/verification/providers/argocd.js';
import type { Measurement } from '../../../src/verification/types.js';
import { ConfigError } from '../../../src/util/errors.js';
import { providerHarness, thrownBy } from '../../support/analysis.js';
import { startFakeArgoCD, type FakeArgoCD, type Snapshot } from '../../support/argocd-fake.js';

/*
 * The argocd provider against a local fake of Argo CD's API (real HTTP). The provider decides:
 * Successful when every app is Synced at the promotion commit and Healthy, Failed when one is
 * Degraded there or its sync to it failed, Inconclusive while waiting. The runner polls; here
 * the tests poll by hand.
 */

const TOKEN = 'argocd-token-eyJhbGciOiJIUzI1NiJ9.gantry.test';
const LIMITED = 'argocd-limited-token-0123456789';
const COMMIT = 'c0ffee0123456789abcdef0123456789abcdef01';
const OLD = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const NOW = new Date('2025-03-01T12:00:00Z');
const WHERE = 'stages[1].verification.metrics[0].provider';

/** A context at `now`, for the promotion commit COMMIT. */
const harness = (env: Record<string, string> = {}, now = NOW) =>
  providerHarness({ env, clock: () => now, target: { commit: COMMIT } });

const healthy = (revision = COMMIT, extra: Partial<Snapshot> = {}): Snapshot => ({
  sync: 'Synced',
  revision,
  health: 'Healthy',
  operation: { phase: 'Succeeded', revision },
  ...extra,
});

let argo: FakeArgoCD;
let seq = 0;
/** A fresh app name per test, so tests do not share timelines. */
const appName = (what: string) => `${what}-${++seq}`;

beforeAll(async () => {
  argo = await startFakeArgoCD({ token: TOKEN, limitedTokens: { [LIMITED]: ['visible'] } });
});
afterAll(async () => {
  await argo.close();
});

function config(raw: Record<string, unknown>): ArgoCDConfig {
  return argocd.parse({ server: argo.url, token: TOKEN, ...raw }, WHERE);
}

async function measure(raw: Record<string, unknown>, h = harness()): Promise<Measurement> {
  return argocd.measure(config(raw), h.ctx);
}

/** What measure throws, with the fake's server and TOKEN unless `raw` says otherwise. */
function failure(raw: Record<string, unknown>, h = harness()): Promise<Error> {
  return thrownBy(() => argocd.measure(config(raw), h.ctx));
}

/** Polls like the runner would, until the provider decides or `max` measurements were taken. */
async function poll(raw: Record<string, unknown>, max: number): Promise<Measurement[]> {
  const seen: Measurement[] = [];
  const c = config(raw);
  for (let i = 0; i < max; i++) {
    const m = await argocd.measure(c, harness().ctx);
    seen.push(m);
    if (m.phase !== 'Inconclusive') break;
  }
  return seen;
}

const apps = (m: Measurement) => (m.result as ArgoCDResult).applications;

function expectNoToken(...texts: (string | undefined)[]): void {
  for (const t of texts) expect(t ?? '').not.toContain(TOKEN);
}

describe('argocd: one application', () => {
  it('is Successful when Synced at the promotion commit and Healthy', async () => {
    const name = appName('web');
    argo.setApp({ name, timeline: [healthy()] });
    const h = harness();
    const m = await measure({ applications: [name] }, h);

    expect(m.phase).toBe('Successful');
    expect(m.detail).toBe(`${name}: Synced at c0ffee0 and Healthy`);
    expect(m.result).toEqual({
      revision: 'c0ffee0',
      applications: [
        {
          name,
          sync: 'Synced',
          revision: COMMIT,
          revisions: [COMMIT],
          health: 'Healthy',
          operation: 'Succeeded',
          message: 'successfully synced (all tasks run)',
          state: 'ready',
          reason: 'Synced at c0ffee0 and Healthy',
        },
      ],
    });
    const req = argo.requests.at(-1);
    expect(req).toMatchObject({
      method: 'GET',
      path: `/api/v1/applications/${name}`,
      authorization: `Bearer ${TOKEN}`,
    });
    expect(h.secrets).toEqual([TOKEN]);
    expect(h.logs).toEqual([`argocd: ${name} on ${new URL(argo.url).host}, waiting for c0ffee0`]);
    expectNoToken(m.detail, ...h.logs, JSON.stringify(m.result));
  });

  it('waits through OutOfSync, a running sync and Progressing, then succeeds', async () => {
    const name = appName('web');
    argo.setApp({
      name,
      timeline: [
        healthy(OLD, { sync: 'OutOfSync', times: 2 }),
        {
          sync: 'OutOfSync',
          revision: OLD,
          health: 'Progressing',
          operation: { phase: 'Running', revision: COMMIT, finishedAt: null },
        },
        {
          sync: 'Synced',
          revision: COMMIT,
          health: 'Progressing',
          healthMessage: 'Waiting for rollout to finish: 1 of 3 updated replicas are available...',
          operation: { phase: 'Succeeded', revision: COMMIT },
        },
        healthy(),
      ],
    });
    const seen = await poll({ applications: [name] }, 10);

    expect(seen.map((m) => m.phase)).toEqual([
      'Inconclusive',
      'Inconclusive',
      'Inconclusive',
      'Inconclusive',
      'Successful',
    ]);
    expect(seen.map((m) => m.detail)).toEqual([
      `${name}: OutOfSync at a1b2c3d (waiting for c0ffee0)`,
      `${name}: OutOfSync at a1b2c3d (waiting for c0ffee0)`,
      `${name}: sync Running to c0ffee0: waiting for healthy state of apps/Deployment/${name}`,
      `${name}: Synced at c0ffee0, Progressing: Waiting for rollout to finish: 1 of 3 updated replicas are available...`,
      `${name}: Synced at c0ffee0 and Healthy`,
    ]);
    expect(argo.gets(name)).toBe(5);
  });

  it('fails when the app is Degraded at the promotion commit', async () => {
    const name = appName('web');
    argo.setApp({
      name,
      timeline: [
        healthy(COMMIT, {
          health: 'Degraded',
          healthMessage: 'Deployment "web" exceeded its progress deadline',
        }),
      ],
    });
    const m = await measure({ applications: [name] });
    expect(m.phase).toBe('Failed');
    expect(m.detail).toBe(
      `${name}: Degraded at c0ffee0: Deployment "web" exceeded its progress deadline`,
    );
    expect(apps(m)[0]).toMatchObject({ health: 'Degraded', state: 'failed' });
  });

  it('waits (does not fail) while the old revision is Degraded: the new one may fix it', async () => {
    const name = appName('web');
    argo.setApp({ name, timeline: [healthy(OLD, { health: 'Degraded', sync: 'OutOfSync' })] });
    const m = await measure({ applications: [name] });
    expect(m.phase).toBe('Inconclusive');
  });

  it('stays Inconclusive while the app stays OutOfSync (the runner gives up at its limit)', async () => {
    const name = appName('web');
    argo.setApp({
      name,
      timeline: [healthy(OLD, { sync: 'OutOfSync' })],
    });
    const seen = await poll({ applications: [name] }, 6);
    expect(seen).toHaveLength(6);
    expect(new Set(seen.map((m) => m.phase))).toEqual(new Set(['Inconclusive']));
    expect(seen[5]?.detail).toBe(`${name}: OutOfSync at a1b2c3d (waiting for c0ffee0)`);
  });

  it('stays Inconclusive when Synced at the promotion commit but never synced (manual sync policy)', async () => {
    const name = appName('manual');
    argo.setApp({
      name,
      timeline: [
        {
          sync: 'OutOfSync',
          revision: COMMIT,
          health: 'Healthy',
          operation: { phase: 'Succeeded', revision: OLD },
        },
      ],
    });
    const m = await measure({ applications: [name] });
    expect(m.phase).toBe('Inconclusive');
    expect(m.detail).toBe(`${name}: OutOfSync at c0ffee0`);
  });

  it('fails when the sync to the promotion commit failed', async () => {
    const name = appName('web');
    argo.setApp({
      name,
      timeline: [
        {
          sync: 'OutOfSync',
          revision: COMMIT,
          health: 'Healthy',
          operation: {
            phase: 'Failed',
            revision: COMMIT,
            message:
              'one or more objects failed to apply, reason: Deployment.apps "web" is invalid: spec.template.spec.containers[0].image: Required value',
          },
        },
      ],
    });
    const m = await measure({ applications: [name] });
    expect(m.phase).toBe('Failed');
    expect(m.detail).toBe(
      `${name}: sync to c0ffee0 Failed: one or more objects failed to apply, reason: Deployment.apps "web" is invalid: spec.template.spec.containers[0].image: Required value`,
    );
    expect(apps(m)[0]?.operation).toBe('Failed');
  });

  it('fails on an Error operation too, and waits on one that failed for an older revision', async () => {
    const a = appName('err');
    argo.setApp({
      name: a,
      timeline: [
        healthy(COMMIT, {
          sync: 'OutOfSync',
          operation: {
            phase: 'Error',
            revision: COMMIT,
            message: 'rpc error: manifest generation failed',
          },
        }),
      ],
    });
    const b = appName('old-failure');
    argo.setApp({
      name: b,
      timeline: [
        healthy(OLD, {
          sync: 'OutOfSync',
          operation: { phase: 'Failed', revision: OLD, message: 'hook failed' },
        }),
      ],
    });
    expect((await measure({ applications: [a] })).phase).toBe('Failed');
    const m = await measure({ applications: [b] });
    expect(m.phase).toBe('Inconclusive');
    expect(m.detail).toBe(
      `${b}: OutOfSync at a1b2c3d (waiting for c0ffee0); last sync Failed: hook failed`,
    );
  });

  it('waits while Synced and Healthy at another revision (wrong revision)', async () => {
    const name = appName('web');
    argo.setApp({ name, timeline: [healthy(OLD)] });
    const m = await measure({ applications: [name] });
    expect(m.phase).toBe('Inconclusive');
    expect(m.detail).toBe(`${name}: Synced at a1b2c3d (waiting for c0ffee0)`);
  });

  it('compares abbreviated revisions, and not at all with revision: ""', async () => {
    const name = appName('web');
    argo.setApp({ name, timeline: [healthy(OLD)] });
    const short = await measure({ applications: [name], revision: OLD.slice(0, 8) });
    expect(short.phase).toBe('Successful');
    const none = await measure({ applications: [name], revision: '' });
    expect(none.phase).toBe('Successful');
    expect((none.result as ArgoCDResult).revision).toBeNull();
    expect(none.detail).toBe(`${name}: Synced at a1b2c3d and Healthy`);
  });

  it('matches any source of a multi-source app (a chart plus the GitOps repo)', async () => {
    const name = appName('multi');
    argo.setApp({
      name,
      timeline: [
        {
          sync: 'Synced',
          revisions: ['1.4.2', COMMIT],
          health: 'Healthy',
          operation: { phase: 'Succeeded', revision: COMMIT },
        },
      ],
    });
    const m = await measure({ applications: [name] });
    expect(m.phase).toBe('Successful');
    expect(apps(m)[0]).toMatchObject({ revision: `1.4.2,${COMMIT}`, revisions: ['1.4.2', COMMIT] });
    expect(m.detail).toBe(`${name}: Synced at 1.4.2,c0ffee0 and Healthy`);
  });

  it('does not trust a health status younger than 10 s after the sync (Kargo cooldown)', async () => {
    const name = appName('fresh');
    const justNow = new Date(NOW.getTime() - 3000).toISOString();
    argo.setApp({
      name,
      timeline: [
        healthy(COMMIT, {
          operation: { phase: 'Succeeded', revision: COMMIT, finishedAt: justNow },
        }),
      ],
    });
    const m = await measure({ applications: [name] });
    expect(m.phase).toBe('Inconclusive');
    expect(m.detail).toBe(
      `${name}: Healthy at c0ffee0, but the sync finished only 3 s ago; waiting for Argo CD to reassess health`,
    );
    // Later on, the same status is trusted.
    const later = await argocd.measure(
      config({ applications: [name] }),
      harness({}, new Date(NOW.getTime() + 20_000)).ctx,
    );
    expect(later.phase).toBe('Successful');

    // status.health.lastTransitionTime, when Argo CD sets it, is what counts (as in Kargo).
    const settled = appName('settled');
    argo.setApp({
      name: settled,
      timeline: [
        healthy(COMMIT, {
          healthSince: new Date(NOW.getTime() - 60_000).toISOString(),
          operation: { phase: 'Succeeded', revision: COMMIT, finishedAt: justNow },
        }),
      ],
    });
    expect((await measure({ applications: [settled] })).phase).toBe('Successful');
    const flipped = appName('flipped');
    argo.setApp({
      name: flipped,
      timeline: [healthy(COMMIT, { health: 'Degraded', healthSince: justNow })],
    });
    const m2 = await measure({ applications: [flipped] });
    expect(m2.detail).toBe(
      `${flipped}: Degraded at c0ffee0, but the health changed only 3 s ago; waiting for Argo CD to reassess health`,
    );
  });

  it('waits on a requested sync, Suspended, Missing and ComparisonError; fails on InvalidSpecError', async () => {
    const requested = appName('requested');
    argo.setApp({ name: requested, timeline: [healthy(OLD, { requested: { revision: COMMIT } })] });
    const suspended = appName('suspended');
    argo.setApp({ name: suspended, timeline: [healthy(COMMIT, { health: 'Suspended' })] });
    const missing = appName('missing');
    argo.setApp({ name: missing, timeline: [healthy(COMMIT, { health: 'Missing' })] });
    const comparison = appName('comparison');
    argo.setApp({
      name: comparison,
      timeline: [
        healthy(COMMIT, {
          conditions: [
            {
              type: 'ComparisonError',
              message: 'Failed to load target state: rpc error: code = Unavailable',
            },
          ],
        }),
      ],
    });
    const invalid = appName('invalid');
    argo.setApp({
      name: invalid,
      timeline: [
        healthy(COMMIT, {
          conditions: [
            {
              type: 'InvalidSpecError',
              message: 'application destination server is not permitted in project',
            },
          ],
        }),
      ],
    });

    const detail = async (n: string) => {
      const m = await measure({ applications: [n] });
      return `${m.phase} ${m.detail}`;
    };
    expect(await detail(requested)).toBe(`Inconclusive ${requested}: sync requested to c0ffee0`);
    expect(await detail(suspended)).toBe(`Inconclusive ${suspended}: Synced at c0ffee0, Suspended`);
    expect(await detail(missing)).toBe(`Inconclusive ${missing}: Synced at c0ffee0, Missing`);
    expect(await detail(comparison)).toBe(
      `Inconclusive ${comparison}: ComparisonError: Failed to load target state: rpc error: code = Unavailable`,
    );
    expect(await detail(invalid)).toBe(
      `Failed ${invalid}: InvalidSpecError: application destination server is not permitted in project`,
    );
  });
});

describe('argocd: several applications', () => {
  it('waits for the one that lags, then succeeds', async () => {
    const api = appName('api');
    const web = appName('web');
    argo.setApp({ name: api, timeline: [healthy()] });
    argo.setApp({
      name: web,
      timeline: [healthy(OLD, { sync: 'OutOfSync', times: 2 }), healthy()],
    });
    const seen = await poll({ applications: [api, web] }, 5);
    expect(seen.map((m) => `${m.phase}: ${m.detail}`)).toEqual([
      `Inconclusive: ${web}: OutOfSync at a1b2c3d (waiting for c0ffee0); also 1 ready`,
      `Inconclusive: ${web}: OutOfSync at a1b2c3d (waiting for c0ffee0); also 1 ready`,
      `Successful: 2 applications Synced and Healthy (${api}, ${web})`,
    ]);
    expect(apps(seen[0]!).map((a) => a.state)).toEqual(['ready', 'waiting']);
  });

  it('fails as soon as one fails, whatever the others do', async () => {
    const a = appName('a');
    const b = appName('b');
    const c = appName('c');
    argo.setApp({ name: a, timeline: [healthy()] });
    argo.setApp({ name: b, timeline: [healthy(COMMIT, { health: 'Degraded' })] });
    argo.setApp({ name: c, timeline: [healthy(OLD)] });
    const m = await measure({ applications: [a, b, c] });
    expect(m.phase).toBe('Failed');
    expect(m.detail).toBe(`${b}: Degraded at c0ffee0; also 1 waiting, 1 ready`);
  });
});

describe('argocd: where the applications are', () => {
  it('asks for apps in other namespaces with appNamespace (ns/name or namespace)', async () => {
    const a = appName('team');
    const b = appName('team');
    argo.setApp({ name: a, namespace: 'team-a', timeline: [healthy()] });
    argo.setApp({ name: b, namespace: 'team-b', timeline: [healthy()] });
    const m = await measure({
      applications: [`team-a/${a}`, { name: b, namespace: 'team-b' }],
      refresh: 'normal',
    });
    expect(m.phase).toBe('Successful');
    expect(apps(m).map((x) => x.namespace)).toEqual(['team-a', 'team-b']);
    const queries = argo.requests.slice(-2).map((r) => r.query);
    expect(queries).toEqual(
      expect.arrayContaining([
        { appNamespace: 'team-a', refresh: 'normal' },
        { appNamespace: 'team-b', refresh: 'normal' },
      ]),
    );
  });

  it('reads ARGOCD_SERVER and ARGOCD_AUTH_TOKEN from the environment', async () => {
    const name = appName('env');
    argo.setApp({ name, timeline: [healthy()] });
    const h = harness({ ARGOCD_SERVER: argo.url, ARGOCD_AUTH_TOKEN: TOKEN });
    const m = await argocd.measure(argocd.parse({ applications: [name] }, WHERE), h.ctx);
    expect(m.phase).toBe('Successful');
    expect(h.secrets).toEqual([TOKEN]);
  });

  it('keeps a path prefix (Argo CD under --rootpath)', async () => {
    const name = appName('root');
    argo.setApp({ name, timeline: [healthy()] });
    const err = await failure({ server: `${argo.url}/argocd/`, applications: [name] });
    expect(argo.requests.at(-1)?.path).toBe(`/argocd/api/v1/applications/${name}`);
    expect(err.message).toBe(
      `${new URL(argo.url).host} answered 404 Not Found for /argocd/api/v1/applications/${name}, not as ` +
        "Argo CD's API would (Not Found): is server the Argo CD URL, with its --rootpath if it has one?",
    );
  });
});

describe('argocd: failures to measure are Error measurements (thrown), without the token', () => {
  it('401 for a wrong token, with a hint', async () => {
    const h = harness();
    const wrong = 'argocd-wrong-token-000000000000';
    const err = await failure({ token: wrong, applications: ['web'] }, h);
    expect(err.message).toBe(
      `Argo CD (${new URL(argo.url).host}) rejected the token (401 Unauthorized: invalid session: token signature is invalid): ` +
        'check token / ARGOCD_AUTH_TOKEN; it may have expired, been revoked, or belong to another Argo CD',
    );
    expect(argo.requests.at(-1)?.authorization).toBe(`Bearer ${wrong}`);
    expect(h.secrets).toEqual([wrong]);
    expect(err.message).not.toContain(wrong);
  });

  it('refuses to measure without a token or a server', async () => {
    const asGiven = (raw: Record<string, unknown>) =>
      thrownBy(() => argocd.measure(argocd.parse(raw, WHERE), harness().ctx));
    const err = await asGiven({ server: argo.url, applications: ['web'] });
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toBe(
      'argocd: a token (token, or ARGOCD_AUTH_TOKEN in the environment) is required',
    );
    const err2 = await asGiven({ token: TOKEN, applications: ['web'] });
    expect(err2.message).toBe(
      'argocd: the Argo CD server (server, or ARGOCD_SERVER in the environment) is required',
    );
  });

  it('403 when the token may not read the app, or the app does not exist (no project given)', async () => {
    const name = appName('hidden');
    argo.setApp({ name, timeline: [healthy()] });
    const denied = await failure({ token: LIMITED, applications: [name] });
    expect(denied.message).toBe(
      `Argo CD (${new URL(argo.url).host}) denied access to application ${name} (403 Forbidden: permission denied): ` +
        "the token lacks 'applications, get' on it, or the application does not exist (Argo CD answers 403 for both; " +
        'set project to tell them apart); check the name and namespace',
    );
    const absent = await failure({ applications: ['no-such-app'] });
    expect(absent.message).toContain(
      'denied access to application no-such-app (403 Forbidden: permission denied)',
    );
    expect(denied.message).not.toContain(LIMITED);
  });

  it('404 when the app does not exist in the given project', async () => {
    const err = await failure({ project: 'shop', applications: ['no-such-app'] });
    expect(argo.requests.at(-1)?.query).toEqual({ project: 'shop' });
    expect(err.message).toBe(
      `application no-such-app not found on Argo CD (${new URL(argo.url).host}) (or the token cannot see it): ` +
        'applications.argoproj.io "no-such-app" not found',
    );
  });

  it('500s and slow answers', async () => {
    const name = appName('flaky');
    argo.setApp({ name, timeline: [healthy()] });
    argo.failNext(503, 14, 'connection error: desc = "transport: error while dialing"');
    const err = await failure({ applications: [name] });
    expect(err.message).toBe(
      `Argo CD (${new URL(argo.url).host}) answered 503 Service Unavailable for application ${name}: ` +
        'connection error: desc = "transport: error while dialing"',
    );
    argo.delayNext(2000);
    const slow = await failure({ applications: [name], requestTimeout: '200ms' });
    expect(slow.message).toBe(
      `Argo CD (${new URL(argo.url).host}) did not answer for application ${name} within 0.2s`,
    );
    expect((await measure({ applications: [name] })).phase).toBe('Successful');
  });
});

describe('argocd over TLS with a self-signed certificate', () => {
  let tls: FakeArgoCD;
  beforeAll(async () => {
    tls = await startFakeArgoCD({ token: TOKEN, tls: true });
    tls.setApp({ name: 'web', timeline: [healthy()] });
  });
  afterAll(async () => {
    await tls.close();
  });

  it('fails verification with a hint, and works with insecure: true', async () => {
    const err = await failure({ server: tls.url, applications: ['web'] });
    expect(err.message).toMatch(
      /^Argo CD \(127\.0\.0\.1:\d+\) unreachable: fetch failed: .*certificate/,
    );
    expect(err.message).toContain('set insecure: true to skip verification');
    const m = await argocd.measure(
      argocd.parse({ server: tls.url, token: TOKEN, applications: ['web'], insecure: true }, WHERE),
      harness().ctx,
    );
    expect(m.phase).toBe('Successful');
  });
});

describe('argocd config (parse)', () => {
  const bad = (raw: unknown) => () => argocd.parse(raw, WHERE);

  it('names the field', () => {
    expect(bad({ server: 'https://argocd.example.com' })).toThrow(
      `${WHERE}: applications: must list at least one Argo CD Application name`,
    );
    expect(bad({ applications: ['Web_App'] })).toThrow(
      'applications[0]: "Web_App" is not an Argo CD Application name',
    );
    expect(bad({ applications: [{ namespace: 'x' }] })).toThrow(
      'applications[0].name: is required',
    );
    expect(bad({ applications: ['a', 'a'] })).toThrow('applications[1]: lists a twice');
    expect(bad({ applications: ['a'], insecure: 'yes' })).toThrow(
      'insecure: must be true or false',
    );
    expect(bad({ applications: ['a'], refresh: 'soft' })).toThrow(
      'refresh: must be normal or hard',
    );
    expect(bad({ applications: ['a'], server: 'ftp://argocd' })).toThrow(
      'server: must be an http(s) URL',
    );
    expect(bad({ applications: ['a'], server: 'https://admin:pw@argocd' })).toThrow(
      'server: must not hold credentials',
    );
    expect(bad({ applications: ['a'], namespace: 'a', appNamespace: 'b' })).toThrow(
      'appNamespace: names another namespace than namespace',
    );
    expect(bad({ applications: ['a'], aplications: ['b'] })).toThrow(
      'aplications: is not a field of the argocd provider (did you mean applications?)',
    );
    expect(bad({ applications: [{ name: 'a', projct: 'x' }] })).toThrow(
      'applications[0].projct: is not a field of the argocd provider (did you mean project?)',
    );
  });

  it('normalises: a bare host is https, defaults apply, namespace and project are inherited', () => {
    expect(
      argocd.parse(
        {
          server: 'argocd.example.com',
          applications: ['web', { name: 'api', project: 'core' }, 'ops/db'],
          namespace: 'apps',
          project: 'shop',
        },
        WHERE,
      ),
    ).toEqual({
      server: 'https://argocd.example.com',
      applications: [
        { name: 'web', namespace: 'apps', project: 'shop' },
        { name: 'api', namespace: 'apps', project: 'core' },
        { name: 'db', namespace: 'ops', project: 'shop' },
      ],
      insecure: false,
      requestTimeoutMs: 10_000,
    });
    expect(bad({ applications: ['a'] })).not.toThrow(ConfigError);
  });
});
