import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { datadog, type DatadogConfig } from '../../../src/verification/providers/datadog.js';
import type { Measurement } from '../../../src/verification/types.js';
import { ConfigError } from '../../../src/util/errors.js';
import { providerHarness, thrownBy, type ProviderHarness } from '../../support/analysis.js';
import { startFakeDatadog, type FakeDatadog } from '../../support/datadog-fake.js';

/*
 * The datadog provider against a local fake of Datadog's query API (real HTTP). Argo Rollouts'
 * semantics: v1 result = last point of the first series, v2 result = the scalar (a list for
 * grouped queries), no data = null, failures to measure are thrown (Error measurements).
 */

const API_KEY = 'dd-api-0123456789abcdef0123456789abcdef';
const APP_KEY = 'dd-app-0123456789abcdef0123456789abcdef01234567';
const NOW = new Date('2025-03-01T12:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const WHERE = 'stages[0].verification.metrics[0].provider';

interface Harness extends ProviderHarness {
  /** Every URL the provider fetched (before `rewrite`). */
  urls: string[];
}

/** A context at NOW whose fetch records each URL and sends it on, rewritten if `rewrite` says. */
function harness(env: Record<string, string> = {}, rewrite?: (url: string) => string): Harness {
  const urls: string[] = [];
  const h = providerHarness({
    env,
    clock: () => NOW,
    fetch: (input, init) => {
      const url = String(input);
      urls.push(url);
      return fetch(rewrite ? rewrite(url) : url, init);
    },
  });
  return { ...h, urls };
}

let dd: FakeDatadog;

beforeAll(async () => {
  dd = await startFakeDatadog({ apiKey: API_KEY, appKey: APP_KEY });
});
afterAll(async () => {
  await dd.close();
});
beforeEach(() => {
  dd.requests.length = 0;
});

function config(raw: Record<string, unknown>): DatadogConfig {
  return datadog.parse({ address: dd.url, apiKey: API_KEY, appKey: APP_KEY, ...raw }, WHERE);
}

async function measure(raw: Record<string, unknown>, h = harness()): Promise<Measurement> {
  return datadog.measure(config(raw), h.ctx);
}

/** What measure throws, with the fake's address and both keys unless `raw` says otherwise. */
function failure(raw: Record<string, unknown>, h = harness()): Promise<Error> {
  return thrownBy(() => datadog.measure(config(raw), h.ctx));
}

function expectNoSecrets(...texts: (string | undefined)[]): void {
  for (const t of texts) {
    expect(t ?? '').not.toContain(API_KEY);
    expect(t ?? '').not.toContain(APP_KEY);
  }
}

describe('datadog v1 (GET /api/v1/query)', () => {
  it('takes the last point of the first series, over the default 5m window', async () => {
    const q = 'sum:requests.error.rate{service:shop}';
    dd.setSeries(
      q,
      [
        [(NOW_S - 120) * 1000, 0.02],
        [(NOW_S - 60) * 1000, 0.004],
      ],
      [[(NOW_S - 60) * 1000, 9]],
    );
    const h = harness();
    const m = await measure({ query: q }, h);

    expect(m.result).toBe(0.004);
    expect(m.phase).toBeUndefined(); // conditions decide
    expect(m.detail).toContain('0.004');
    expect(m.detail).toContain('first of 2 series');
    const [req] = dd.requests;
    expect(req).toMatchObject({
      method: 'GET',
      path: '/api/v1/query',
      query: { query: q, from: String(NOW_S - 300), to: String(NOW_S) },
      apiKeyOk: true,
      appKeyOk: true,
    });
    expect(h.secrets).toEqual([API_KEY, APP_KEY]);
    expectNoSecrets(m.detail, ...h.logs);
  });

  it('uses the interval as the look-back window', async () => {
    dd.setSeries('avg:latency{*}', [[(NOW_S - 10) * 1000, 120]]);
    const m = await measure({ query: 'avg:latency{*}', interval: '1h30m' });
    expect(m.result).toBe(120);
    expect(dd.requests[0]?.query.from).toBe(String(NOW_S - 5400));
  });

  it('gives result null when there is no data (Argo: use default(result, 0))', async () => {
    const m = await measure({ query: 'sum:nothing{*}' });
    expect(m.result).toBeNull();
    expect(m.detail).toMatch(/no data in the last 5m.*default\(result, 0\)/);
  });

  it('gives result null when the last point has no value', async () => {
    dd.setSeries('avg:gappy{*}', [
      [(NOW_S - 120) * 1000, 1],
      [(NOW_S - 60) * 1000, null],
    ]);
    const m = await measure({ query: 'avg:gappy{*}' });
    expect(m.result).toBeNull();
  });

  it('is the default apiVersion', async () => {
    dd.setSeries('avg:x{*}', [[NOW_S * 1000, 1]]);
    await measure({ query: 'avg:x{*}' });
    expect(dd.requests[0]?.path).toBe('/api/v1/query');
  });

  it('throws a bad query as Datadog explains it (400)', async () => {
    dd.setInvalid(
      'avg:broken{',
      "Error parsing query: unable to parse avg:broken{: Rule 'scope_expr' didn't match",
    );
    const err = await failure({ query: 'avg:broken{' });
    expect(err.message).toContain('Datadog answered 400');
    expect(err.message).toContain("Rule 'scope_expr' didn't match");
  });
});

describe('datadog v2 (POST /api/v2/query/scalar)', () => {
  it('sends a scalar_request in milliseconds with aggregator last, and reads the scalar', async () => {
    const q = 'avg:kubernetes.cpu.user.total{service:shop}';
    dd.setScalar(q, 0.42);
    const m = await measure({ apiVersion: 'v2', query: q });

    expect(m.result).toBe(0.42);
    expect(m.detail).toBe('0.42 (last over 5m)');
    const [req] = dd.requests;
    expect(req?.path).toBe('/api/v2/query/scalar');
    expect(req?.contentType).toBe('application/json');
    expect(req?.body).toEqual({
      data: {
        type: 'scalar_request',
        attributes: {
          from: (NOW_S - 300) * 1000,
          to: NOW_S * 1000,
          queries: [{ aggregator: 'last', data_source: 'metrics', name: 'query', query: q }],
          formulas: [],
        },
      },
    });
  });

  it('sends named queries with a formula and an aggregator', async () => {
    const formula = "moving_rollup(a, 300, 'sum') / moving_rollup(b, 300, 'sum') * 100";
    dd.setScalar(formula, 2.5);
    const m = await measure({
      apiVersion: 'v2',
      interval: '10m',
      aggregator: 'sum',
      queries: {
        a: 'count:requests.errors{service:shop}.as_count()',
        b: 'count:requests{service:shop}.as_count()',
      },
      formula,
    });
    expect(m.result).toBe(2.5);
    const attributes = (dd.requests[0]?.body as { data: { attributes: Record<string, unknown> } })
      .data.attributes;
    expect(attributes.from).toBe((NOW_S - 600) * 1000);
    expect(attributes.formulas).toEqual([{ formula }]);
    expect(attributes.queries).toEqual([
      {
        aggregator: 'sum',
        data_source: 'metrics',
        name: 'a',
        query: 'count:requests.errors{service:shop}.as_count()',
      },
      {
        aggregator: 'sum',
        data_source: 'metrics',
        name: 'b',
        query: 'count:requests{service:shop}.as_count()',
      },
    ]);
  });

  it('gives a list for a by {tag} query, skipping groups without data', async () => {
    const q = 'sum:trace.http.request.errors{service:shop} by {resource_name}.as_count()';
    dd.setScalar(q, {
      groupBy: ['resource_name'],
      rows: [
        { tags: [['GET /a']], value: 0.01 },
        { tags: [['GET /b']], value: null },
        { tags: [['POST /c']], value: 0.2 },
      ],
    });
    const m = await measure({ apiVersion: 'v2', queries: { q } });
    expect(m.result).toEqual([0.01, 0.2]);
    expect(m.detail).toBe('2 groups: GET /a=0.01, POST /c=0.2');
  });

  it('gives result null when there is no data', async () => {
    const m = await measure({ apiVersion: 'v2', query: 'avg:nothing.here{*}' });
    expect(m.result).toBeNull();
    expect(m.detail).toContain('default(result, 0)');
  });

  it('throws a bad query as Datadog explains it (400)', async () => {
    dd.setInvalid('a +', 'Queries ending outside the retention date are invalid');
    const err = await failure({ apiVersion: 'v2', queries: { a: 'avg:x{*}' }, formula: 'a +' });
    expect(err.message).toBe(
      'Datadog answered 400 Bad Request to POST /api/v2/query/scalar: Queries ending outside the retention date are invalid',
    );
  });
});

describe('datadog endpoint and keys', () => {
  it('reads DD_API_KEY and DD_APP_KEY and registers them as secrets', async () => {
    dd.setSeries('avg:env{*}', [[NOW_S * 1000, 3]]);
    const h = harness({ DD_API_KEY: API_KEY, DD_APP_KEY: APP_KEY });
    const m = await datadog.measure(
      datadog.parse({ address: dd.url, query: 'avg:env{*}' }, WHERE),
      h.ctx,
    );
    expect(m.result).toBe(3);
    expect(dd.requests[0]).toMatchObject({ apiKeyOk: true, appKeyOk: true });
    expect(h.secrets).toEqual([API_KEY, APP_KEY]);
  });

  it('goes to https://api.<site>, from the config or DD_SITE, datadoghq.com by default', async () => {
    dd.setSeries('avg:site{*}', [[NOW_S * 1000, 1]]);
    const toFake = (url: string) => url.replace(/^https:\/\/api\.[^/]+/, dd.url);
    const keys = { apiKey: API_KEY, appKey: APP_KEY, query: 'avg:site{*}' };

    const a = harness({}, toFake);
    await datadog.measure(datadog.parse({ ...keys, site: 'datadoghq.eu' }, WHERE), a.ctx);
    const b = harness({ DD_SITE: 'us5.datadoghq.com' }, toFake);
    await datadog.measure(datadog.parse(keys, WHERE), b.ctx);
    const c = harness({}, toFake);
    await datadog.measure(datadog.parse(keys, WHERE), c.ctx);
    const d = harness({}, toFake);
    await datadog.measure(datadog.parse({ ...keys, site: 'app.datadoghq.eu' }, WHERE), d.ctx);

    expect(a.urls[0]).toMatch(/^https:\/\/api\.datadoghq\.eu\/api\/v1\/query\?/);
    expect(b.urls[0]).toMatch(/^https:\/\/api\.us5\.datadoghq\.com\/api\/v1\/query\?/);
    expect(c.urls[0]).toMatch(/^https:\/\/api\.datadoghq\.com\/api\/v1\/query\?/);
    expect(d.urls[0]).toMatch(/^https:\/\/api\.datadoghq\.eu\//);
  });

  it('takes DD_ADDRESS when the config names no endpoint (Argo reads it too)', async () => {
    dd.setSeries('avg:addr{*}', [[NOW_S * 1000, 5]]);
    const h = harness({ DD_ADDRESS: `${dd.url}/`, DD_API_KEY: API_KEY, DD_APP_KEY: APP_KEY });
    const m = await datadog.measure(datadog.parse({ query: 'avg:addr{*}' }, WHERE), h.ctx);
    expect(m.result).toBe(5);
  });

  it('refuses to measure without keys, naming where they come from', async () => {
    const err = await thrownBy(() =>
      datadog.measure(
        datadog.parse({ address: dd.url, query: 'avg:x{*}', apiKey: API_KEY }, WHERE),
        harness().ctx,
      ),
    );
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toBe(
      'datadog: an application key (appKey, or DD_APP_KEY in the environment) is required',
    );
    expect(dd.requests).toHaveLength(0);
  });
});

describe('datadog failures are Error measurements (thrown), without secrets', () => {
  it('403 Forbidden for wrong keys, with a hint about the keys', async () => {
    const h = harness();
    const wrong = 'dd-app-wrong-0000000000000000000000000000';
    const err = await failure({ appKey: wrong, query: 'avg:x{*}' }, h);
    expect(dd.requests[0]).toMatchObject({ apiKeyOk: true, appKeyOk: false });
    expect(err.message).toContain(
      'Datadog refused the keys for GET /api/v1/query (403 Forbidden: Forbidden)',
    );
    expect(err.message).toContain('DD_API_KEY/DD_APP_KEY');
    expect(h.secrets).toEqual([API_KEY, wrong]);
    expectNoSecrets(err.message, ...h.logs);
    expect(err.message).not.toContain(wrong);
  });

  it('429 with the rate-limit headers explained', async () => {
    dd.rateLimitNext(1, 'query_scalar_public');
    const err = await failure({ apiVersion: 'v2', query: 'avg:x{*}' });
    expect(err.message).toBe(
      'Datadog rate limit hit on POST /api/v2/query/scalar (429 Too Many Requests; limit query_scalar_public, ' +
        '100 requests per 60s, 0 left, resets in 17s): poll less often (the metric interval) or ask Datadog support to raise it',
    );
  });

  it('500 with whatever Datadog said', async () => {
    dd.failNext({ status: 500, body: { errors: ['Internal Server Error'] } });
    const err = await failure({ query: 'avg:x{*}' });
    expect(err.message).toBe(
      'Datadog answered 500 Internal Server Error to GET /api/v1/query: Internal Server Error',
    );
  });

  it('a body that is not JSON (a proxy page) is shown clipped', async () => {
    dd.failNext({ status: 200, body: '<html><body>gateway</body></html>' });
    const err = await failure({ query: 'avg:x{*}' });
    expect(err.message).toBe(
      'Datadog answered GET /api/v1/query with a body that is not JSON: <html><body>gateway</body></html>',
    );
  });

  it('times out after requestTimeout (Argo: 10s by default)', async () => {
    dd.delayNext(2000);
    const started = Date.now();
    const err = await failure({ query: 'avg:slow{*}', requestTimeout: '200ms' });
    expect(err.message).toBe(`Datadog API request to ${new URL(dd.url).host} timed out after 0.2s`);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('stops when the runner cancels the measurement', async () => {
    dd.delayNext(2000);
    const h = harness();
    const controller = new AbortController();
    h.ctx.signal = controller.signal;
    setTimeout(() => controller.abort(), 100);
    const err = await failure({ query: 'avg:slow{*}' }, h);
    expect(err.message).toContain('was cancelled');
  });

  it('an unreachable endpoint says which host', async () => {
    const err = await failure({ address: 'http://127.0.0.1:9', query: 'avg:x{*}' });
    expect(err.message).toMatch(/^Datadog API request to 127\.0\.0\.1:9 failed: fetch failed/);
  });
});

describe('datadog config (parse)', () => {
  const bad = (raw: unknown) => () => datadog.parse(raw, WHERE);

  it('rejects what Argo Rollouts rejects, naming the field', () => {
    expect(bad({})).toThrow(`${WHERE}: query: is required (or, with apiVersion v2, queries)`);
    expect(bad({ query: 'a', queries: { a: 'b' }, apiVersion: 'v2' })).toThrow(
      'queries: cannot be used together with query',
    );
    expect(bad({ queries: { a: 'avg:x{*}' } })).toThrow('queries: needs apiVersion: v2');
    expect(bad({ apiVersion: 'v2', query: 'q', formula: 'a' })).toThrow('formula: needs queries');
    expect(bad({ apiVersion: 'v2', queries: { a: 'x', b: 'y' } })).toThrow(
      'formula: is required when there are several queries',
    );
    expect(bad({ query: 'q', aggregator: 'sum' })).toThrow('aggregator: needs apiVersion: v2');
    expect(bad({ apiVersion: 'v2', query: 'q', aggregator: 'median' })).toThrow(
      'aggregator: must be one of avg, min, max, sum, last, percentile, mean, l2norm, area',
    );
    expect(bad({ apiVersion: 'v3', query: 'q' })).toThrow('apiVersion: must be v1 or v2, not "v3"');
  });

  it('checks durations, names, addresses and unknown fields', () => {
    expect(bad({ query: 'q', interval: '5' })).toThrow('interval: invalid duration "5"');
    expect(bad({ query: 'q', interval: '10ms' })).toThrow('interval: must be at least 1s');
    expect(bad({ apiVersion: 'v2', queries: { 'a-b': 'x' } })).toThrow('queries.a-b: a query name');
    expect(bad({ query: 'q', address: 'api.datadoghq.com' })).toThrow(
      'address: "api.datadoghq.com" is not a URL',
    );
    expect(bad({ query: 'q', address: 'https://k:s@api.datadoghq.com' })).toThrow(
      'address: must not hold credentials',
    );
    expect(bad({ query: 'q', intervall: '5m' })).toThrow(
      'intervall: is not a field of the datadog provider (did you mean interval?)',
    );
    expect(bad('sum:x{*}')).toThrow(ConfigError);
  });

  it('defaults: v1, 5m, 10s request timeout', () => {
    expect(datadog.parse({ query: 'q' }, WHERE)).toEqual({
      apiVersion: 'v1',
      query: 'q',
      intervalMs: 300_000,
      requestTimeoutMs: 10_000,
    });
  });
});
