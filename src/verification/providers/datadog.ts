/**
 * The `datadog` provider, with Argo Rollouts' Datadog provider semantics
 * (argoproj/argo-rollouts metricproviders/datadog, docs/analysis/datadog.md):
 *
 * - `apiVersion: v1` (Argo's default) sends `query` to `GET /api/v1/query?from&to&query` (Unix
 *   seconds); `result` is the value of the last point of the first series.
 * - `apiVersion: v2` sends `query`, or `queries` (name → query) with an optional `formula`, to
 *   `POST /api/v2/query/scalar` (Unix milliseconds, `aggregator` default `last`); `result` is the
 *   first value of the first number column, or, for a `by {tag}` query, the list of values.
 * - No data gives `result` null (Argo evaluates nil): write `default(result, 0) < 0.05`.
 * - `interval` is the look-back window (default 5m), not the polling rate (that is the metric's).
 * - Keys: `apiKey`/`appKey` in the config, else DD_API_KEY/DD_APP_KEY from the environment,
 *   sent as DD-API-KEY/DD-APPLICATION-KEY. Endpoint: `address`, else `https://api.<site>` (site
 *   default datadoghq.com), else DD_ADDRESS / DD_SITE.
 *
 * The provider never sets a phase: conditions decide. Failures to measure (auth, bad query,
 * rate limit, timeouts) are thrown, so the runner records an Error measurement.
 */
import { parseDuration } from '../../pipeline/duration.js';
import { ConfigError, errorMessage } from '../../util/errors.js';
import { BodyTooLargeError, readText } from '../../util/http-body.js';
import { suggest } from '../../util/suggest.js';
import type { Measurement, ProviderContext, ProviderDefinition } from '../types.js';
import { fail, isRecord, optionalNonEmptyString } from './fields.js';

export const DATADOG_AGGREGATORS = [
  'avg',
  'min',
  'max',
  'sum',
  'last',
  'percentile',
  'mean',
  'l2norm',
  'area',
] as const;
export type DatadogAggregator = (typeof DATADOG_AGGREGATORS)[number];

export interface DatadogConfig {
  apiVersion: 'v1' | 'v2';
  /** v1: the query; v2: a single query (sent as `queries: {query: …}`, as Argo does). */
  query?: string;
  /** v2 only: named queries, combined by `formula`. */
  queries?: Record<string, string>;
  /** v2 only: a formula over the query names, e.g. `a / b * 100`. */
  formula?: string;
  /** Look-back window in milliseconds (the `interval` field; Argo's default 5m). */
  intervalMs: number;
  /** v2 only; `last` when not set (Argo's default). */
  aggregator?: DatadogAggregator;
  /** Base URL override (`https://api.datadoghq.eu`, a proxy, a test server). */
  address?: string;
  /** Datadog site (`datadoghq.com`, `datadoghq.eu`, `us3.datadoghq.com`, …). */
  site?: string;
  apiKey?: string;
  appKey?: string;
  /** Per-request timeout in milliseconds (Argo's `requestTimeout`, default 10s). */
  requestTimeoutMs: number;
}

const FIELDS = [
  'apiVersion',
  'query',
  'queries',
  'formula',
  'interval',
  'aggregator',
  'address',
  'site',
  'apiKey',
  'appKey',
  'requestTimeout',
] as const;

const DEFAULT_SITE = 'datadoghq.com';
const DEFAULT_INTERVAL = '5m';
const DEFAULT_REQUEST_TIMEOUT = '10s';
const QUERY_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Enough of an error body to explain it; Datadog's are short, proxies' HTML pages are not. */
const MAX_BODY_IN_MESSAGE = 300;

function duration(where: string, field: string, text: string, minMs: number): number {
  let ms: number;
  try {
    ms = parseDuration(text);
  } catch (err) {
    fail(where, field, errorMessage(err));
  }
  if (ms < minMs) fail(where, field, `must be at least ${minMs / 1000}s, not "${text}"`);
  return ms;
}

function httpUrl(where: string, field: string, text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    fail(where, field, `"${text}" is not a URL (expected https://api.datadoghq.com or similar)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    fail(where, field, `must be an http(s) URL, not "${text}"`);
  }
  if (url.username || url.password) {
    fail(where, field, 'must not hold credentials: use apiKey/appKey (or DD_API_KEY/DD_APP_KEY)');
  }
  return text.replace(/\/+$/, '');
}

function parse(config: unknown, where: string): DatadogConfig {
  if (!isRecord(config)) fail(where, 'datadog', 'must be a mapping');
  for (const k of Object.keys(config)) {
    if (!(FIELDS as readonly string[]).includes(k)) {
      const hint = suggest(k, FIELDS);
      fail(
        where,
        k,
        `is not a field of the datadog provider${hint ? ` (did you mean ${hint}?)` : ''}`,
      );
    }
  }

  const version = config.apiVersion ?? 'v1';
  if (version !== 'v1' && version !== 'v2') {
    fail(where, 'apiVersion', `must be v1 or v2, not ${JSON.stringify(version)}`);
  }
  const query = optionalNonEmptyString(where, config, 'query');
  const formula = optionalNonEmptyString(where, config, 'formula');

  let queries: Record<string, string> | undefined;
  if (config.queries !== undefined && config.queries !== null) {
    if (!isRecord(config.queries)) fail(where, 'queries', 'must be a mapping of name to query');
    queries = {};
    for (const [name, q] of Object.entries(config.queries)) {
      if (!QUERY_NAME.test(name)) {
        fail(
          where,
          `queries.${name}`,
          'a query name is a letter or _ followed by letters, digits or _',
        );
      }
      if (typeof q !== 'string' || q.trim() === '') {
        fail(where, `queries.${name}`, 'must be a non-empty string');
      }
      queries[name] = q;
    }
    if (Object.keys(queries).length === 0) fail(where, 'queries', 'must name at least one query');
  }

  // The checks of Argo Rollouts' validateIncomingProps, in its order.
  if (query === undefined && queries === undefined) {
    fail(where, 'query', 'is required (or, with apiVersion v2, queries)');
  }
  if (query !== undefined && queries !== undefined) {
    fail(where, 'queries', 'cannot be used together with query: use one or the other');
  }
  if (version === 'v1' && query === undefined) {
    fail(where, 'queries', 'needs apiVersion: v2 (v1 takes a single query)');
  }
  if (formula !== undefined && queries === undefined) {
    fail(where, 'formula', 'needs queries (a formula combines named queries)');
  }
  if (version === 'v1' && formula !== undefined) {
    fail(where, 'formula', 'needs apiVersion: v2');
  }
  if (formula === undefined && queries !== undefined && Object.keys(queries).length > 1) {
    fail(where, 'formula', 'is required when there are several queries (which one would decide?)');
  }

  let aggregator: DatadogAggregator | undefined;
  if (config.aggregator !== undefined && config.aggregator !== null) {
    if (version === 'v1') fail(where, 'aggregator', 'needs apiVersion: v2 (v1 has no aggregator)');
    if (!(DATADOG_AGGREGATORS as readonly unknown[]).includes(config.aggregator)) {
      fail(where, 'aggregator', `must be one of ${DATADOG_AGGREGATORS.join(', ')}`);
    }
    aggregator = config.aggregator as DatadogAggregator;
  }

  const intervalText = optionalNonEmptyString(where, config, 'interval') ?? DEFAULT_INTERVAL;
  // Datadog takes whole seconds (v1) and Argo truncates to seconds too.
  const intervalMs = Math.floor(duration(where, 'interval', intervalText, 1000) / 1000) * 1000;
  const timeoutText =
    optionalNonEmptyString(where, config, 'requestTimeout') ?? DEFAULT_REQUEST_TIMEOUT;
  const requestTimeoutMs = duration(where, 'requestTimeout', timeoutText, 1);

  const address = optionalNonEmptyString(where, config, 'address');
  let site = optionalNonEmptyString(where, config, 'site');
  if (site !== undefined) {
    site = normaliseSite(site);
    if (!/^[a-z0-9.-]+$/i.test(site)) {
      fail(
        where,
        'site',
        `"${site}" is not a Datadog site such as datadoghq.eu or us3.datadoghq.com`,
      );
    }
  }

  const apiKey = optionalNonEmptyString(where, config, 'apiKey');
  const appKey = optionalNonEmptyString(where, config, 'appKey');

  return {
    apiVersion: version,
    ...(query !== undefined && { query }),
    ...(queries !== undefined && { queries }),
    ...(formula !== undefined && { formula }),
    intervalMs,
    ...(aggregator !== undefined && { aggregator }),
    ...(address !== undefined && { address: httpUrl(where, 'address', address) }),
    ...(site !== undefined && { site }),
    ...(apiKey !== undefined && { apiKey }),
    ...(appKey !== undefined && { appKey }),
    requestTimeoutMs,
  };
}

/** `app.datadoghq.eu` (what the browser shows) and `datadoghq.eu` (DD_SITE) name the same site. */
function normaliseSite(site: string): string {
  return site
    .trim()
    .replace(/^https?:\/\//, '')
    .replace(/\/+$/, '')
    .replace(/^(app|api)\./, '');
}

function baseUrl(config: DatadogConfig, env: ProviderContext['env']): string {
  if (config.address) return config.address;
  if (config.site) return `https://api.${config.site}`;
  const envAddress = env.DD_ADDRESS?.trim();
  if (envAddress) return envAddress.replace(/\/+$/, '');
  const envSite = env.DD_SITE?.trim();
  return `https://api.${envSite ? normaliseSite(envSite) : DEFAULT_SITE}`;
}

interface Keys {
  apiKey: string;
  appKey: string;
  secrets: string[];
}

function keys(config: DatadogConfig, ctx: ProviderContext): Keys {
  const apiKey = config.apiKey ?? ctx.env.DD_API_KEY;
  const appKey = config.appKey ?? ctx.env.DD_APP_KEY;
  // Register what we have before complaining, so nothing below can print it.
  if (apiKey) ctx.secret(apiKey);
  if (appKey) ctx.secret(appKey);
  const missing = [
    ...(apiKey ? [] : ['an API key (apiKey, or DD_API_KEY in the environment)']),
    ...(appKey ? [] : ['an application key (appKey, or DD_APP_KEY in the environment)']),
  ];
  if (missing.length || !apiKey || !appKey) {
    throw new ConfigError(`datadog: ${missing.join(' and ')} is required`);
  }
  return { apiKey, appKey, secrets: [apiKey, appKey] };
}

/** Belt and braces: the runner masks registered secrets, but our own messages never hold them. */
function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('***');
  return out;
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_BODY_IN_MESSAGE ? `${flat.slice(0, MAX_BODY_IN_MESSAGE)}…` : flat;
}

/** Datadog's error body is `{"errors": ["…"]}` (APIErrorResponse); anything else is shown clipped. */
function errorText(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (isRecord(parsed) && Array.isArray(parsed.errors) && parsed.errors.length) {
      return parsed.errors.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join('; ');
    }
  } catch {
    // not JSON
  }
  return clip(body) || '(empty body)';
}

function rateLimitText(headers: Headers): string {
  const h = (n: string) => headers.get(n);
  const parts: string[] = [];
  const name = h('x-ratelimit-name');
  if (name) parts.push(`limit ${name}`);
  const limit = h('x-ratelimit-limit');
  const period = h('x-ratelimit-period');
  if (limit) parts.push(`${limit} requests${period ? ` per ${period}s` : ''}`);
  const remaining = h('x-ratelimit-remaining');
  if (remaining) parts.push(`${remaining} left`);
  const reset = h('x-ratelimit-reset');
  if (reset) parts.push(`resets in ${reset}s`);
  return parts.join(', ');
}

/**
 * Most of a Datadog answer read. gantry reads one series' last point; a query grouped by a
 * busy tag answers a few MiB at most, so more is a broken proxy or a query to narrow.
 */
export const DATADOG_MAX_BODY_BYTES = 8 << 20;

interface Sent {
  status: number;
  statusText: string;
  headers: Headers;
  body: string;
}

async function send(
  ctx: ProviderContext,
  url: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string },
  timeoutMs: number,
  secrets: readonly string[],
): Promise<Sent> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = AbortSignal.any([ctx.signal, timeout]);
  const host = new URL(url).host;
  try {
    const res = await ctx.fetch(url, { ...init, signal, redirect: 'follow' });
    const body = await readText(res, {
      url,
      maxBytes: DATADOG_MAX_BODY_BYTES,
      what: 'the Datadog response',
    });
    return { status: res.status, statusText: res.statusText, headers: res.headers, body };
  } catch (err) {
    if (err instanceof BodyTooLargeError) throw err;
    if (timeout.aborted) {
      throw new Error(`Datadog API request to ${host} timed out after ${timeoutMs / 1000}s`, {
        cause: err,
      });
    }
    if (ctx.signal.aborted) {
      throw new Error(`Datadog API request to ${host} was cancelled`, { cause: err });
    }
    const cause =
      err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
    throw new Error(
      scrub(`Datadog API request to ${host} failed: ${errorMessage(err)}${cause}`, secrets),
      { cause: err },
    );
  }
}

function checkStatus(sent: Sent, route: string, secrets: readonly string[]): void {
  if (sent.status === 200) return;
  const what = `${sent.status}${sent.statusText ? ` ${sent.statusText}` : ''}`;
  const text = errorText(sent.body);
  let message: string;
  if (sent.status === 401 || sent.status === 403) {
    message =
      `Datadog refused the keys for ${route} (${what}: ${text}); check the API and application ` +
      'keys (apiKey/appKey or DD_API_KEY/DD_APP_KEY), that they belong to this site, and that the ' +
      'application key may query timeseries (timeseries_query)';
  } else if (sent.status === 429) {
    const limits = rateLimitText(sent.headers);
    message =
      `Datadog rate limit hit on ${route} (${what}${limits ? `; ${limits}` : ''}): ` +
      'poll less often (the metric interval) or ask Datadog support to raise it';
  } else {
    message = `Datadog answered ${what} to ${route}: ${text}`;
  }
  throw new Error(scrub(message, secrets));
}

function parseJson(sent: Sent, route: string): unknown {
  try {
    return JSON.parse(sent.body);
  } catch {
    throw new Error(`Datadog answered ${route} with a body that is not JSON: ${clip(sent.body)}`);
  }
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(6))));
const window = (ms: number) =>
  ms % 3_600_000 === 0
    ? `${ms / 3_600_000}h`
    : ms % 60_000 === 0
      ? `${ms / 60_000}m`
      : `${ms / 1000}s`;

async function measureV1(
  config: DatadogConfig,
  ctx: ProviderContext,
  base: string,
  k: Keys,
): Promise<Measurement> {
  const query = config.query ?? '';
  const to = Math.floor(ctx.clock().getTime() / 1000);
  const from = to - config.intervalMs / 1000;
  const params = new URLSearchParams({ from: String(from), to: String(to), query });
  const route = 'GET /api/v1/query';
  ctx.log(
    `datadog: ${route} on ${new URL(base).host}, last ${window(config.intervalMs)}: ${query}`,
  );
  const sent = await send(
    ctx,
    `${base}/api/v1/query?${params}`,
    {
      method: 'GET',
      headers: {
        Accept: 'application/json',
        'DD-API-KEY': k.apiKey,
        'DD-APPLICATION-KEY': k.appKey,
      },
    },
    config.requestTimeoutMs,
    k.secrets,
  );
  checkStatus(sent, route, k.secrets);
  const body = parseJson(sent, route);
  if (!isRecord(body)) throw new Error(`Datadog answered ${route} with ${clip(sent.body)}`);
  if (body.status === 'error' || (typeof body.error === 'string' && body.error)) {
    throw new Error(
      `Datadog could not run the query: ${String(body.error ?? body.message ?? 'error')}`,
    );
  }
  const series = Array.isArray(body.series) ? body.series : [];
  const first: unknown = series[0];
  const points = isRecord(first) && Array.isArray(first.pointlist) ? first.pointlist : [];
  const last: unknown = points[points.length - 1];
  if (!Array.isArray(last)) {
    return {
      result: null,
      detail: `no data in the last ${window(config.intervalMs)}; result is null (conditions can use default(result, 0))`,
    };
  }
  if (last.length !== 2) throw new Error('Datadog returned a point that does not have 2 values');
  const [ts, value] = last as [unknown, unknown];
  if (value === null) {
    return {
      result: null,
      detail: `the last point of the series has no value; result is null (conditions can use default(result, 0))`,
    };
  }
  if (typeof value !== 'number')
    throw new Error(`Datadog returned a non-numeric point value ${JSON.stringify(value)}`);
  const at = typeof ts === 'number' ? ` at ${new Date(ts).toISOString()}` : '';
  const more = series.length > 1 ? ` (first of ${series.length} series)` : '';
  return { result: value, detail: `${fmt(value)}${at}${more}` };
}

interface Column {
  name?: unknown;
  type?: unknown;
  values?: unknown;
}

async function measureV2(
  config: DatadogConfig,
  ctx: ProviderContext,
  base: string,
  k: Keys,
): Promise<Measurement> {
  const queries = config.queries ?? { query: config.query ?? '' };
  const aggregator = config.aggregator ?? 'last';
  const to = Math.floor(ctx.clock().getTime() / 1000) * 1000;
  const from = to - config.intervalMs;
  const payload = {
    data: {
      type: 'scalar_request',
      attributes: {
        from,
        to,
        queries: Object.entries(queries).map(([name, query]) => ({
          aggregator,
          data_source: 'metrics',
          name,
          query,
        })),
        formulas: config.formula ? [{ formula: config.formula }] : [],
      },
    },
  };
  const route = 'POST /api/v2/query/scalar';
  const shown = config.formula ?? Object.values(queries)[0] ?? '';
  ctx.log(
    `datadog: ${route} on ${new URL(base).host}, last ${window(config.intervalMs)}, ${aggregator}: ${shown}`,
  );
  const sent = await send(
    ctx,
    `${base}/api/v2/query/scalar`,
    {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        'DD-API-KEY': k.apiKey,
        'DD-APPLICATION-KEY': k.appKey,
      },
      body: JSON.stringify(payload),
    },
    config.requestTimeoutMs,
    k.secrets,
  );
  checkStatus(sent, route, k.secrets);
  const body = parseJson(sent, route);
  const data = isRecord(body) && isRecord(body.data) ? body.data : undefined;
  if (data && typeof data.errors === 'string' && data.errors) {
    throw new Error(`Datadog reported errors in the query: ${data.errors}`);
  }
  const attributes = data && isRecord(data.attributes) ? data.attributes : undefined;
  const columns: Column[] =
    attributes && Array.isArray(attributes.columns) ? attributes.columns.filter(isRecord) : [];

  // As Argo: the first number column decides (a legacy column without a type counts as one); a
  // `group` column means a `by {tag}` query, whose result is the list of values, never a scalar.
  const numbers = columns.find((c) => c.type === undefined || c.type === '' || c.type === 'number');
  const groups = columns.filter((c) => c.type === 'group');
  const raw = numbers && Array.isArray(numbers.values) ? numbers.values : [];
  const values: number[] = [];
  const labels: string[] = [];
  raw.forEach((v: unknown, i: number) => {
    if (v === null) return; // Datadog's "no data for this group"
    if (typeof v !== 'number') {
      throw new Error(
        `Datadog returned a non-numeric value ${JSON.stringify(v)} in column ${String(numbers?.name)}`,
      );
    }
    values.push(v);
    if (groups.length) labels.push(groupLabel(groups, i));
  });

  if (values.length === 0) {
    return {
      result: null,
      detail: `no data in the last ${window(config.intervalMs)}; result is null (conditions can use default(result, 0))`,
    };
  }
  if (!groups.length) {
    const value = values[0] as number;
    return {
      result: value,
      detail: `${fmt(value)} (${aggregator} over ${window(config.intervalMs)})`,
    };
  }
  const shownGroups = values
    .slice(0, 5)
    .map((v, i) => `${labels[i]}=${fmt(v)}`)
    .join(', ');
  return {
    result: values,
    detail: `${values.length} group${values.length === 1 ? '' : 's'}: ${shownGroups}${values.length > 5 ? ', …' : ''}`,
  };
}

/** A row's label across every group column (`by {env, resource}` → `prod,GET /a`), as Argo does. */
function groupLabel(groups: Column[], row: number): string {
  const parts: string[] = [];
  for (const g of groups) {
    const cell: unknown = Array.isArray(g.values) ? g.values[row] : undefined;
    if (!Array.isArray(cell) || cell.length === 0) {
      throw new Error(`Datadog returned no group label for row ${row}`);
    }
    parts.push(...cell.map(String));
  }
  return parts.join(',');
}

async function measure(config: DatadogConfig, ctx: ProviderContext): Promise<Measurement> {
  const k = keys(config, ctx);
  const base = baseUrl(config, ctx.env);
  return config.apiVersion === 'v1'
    ? measureV1(config, ctx, base, k)
    : measureV2(config, ctx, base, k);
}

export const datadog: ProviderDefinition<DatadogConfig> = { name: 'datadog', parse, measure };
