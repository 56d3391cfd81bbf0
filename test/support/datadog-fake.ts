import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the two Datadog metric query routes gantry's `datadog` provider calls:
 *
 * - `GET /api/v1/query?from&to&query` (from/to in Unix seconds), answering
 *   `{"status":"ok","res_type":"time_series","series":[{"pointlist":[[ms, value], …], …}], …}`,
 *   the shape of Datadog's recorded response (datadog-api-client-go cassette
 *   Scenario_Query_timeseries_points_returns_OK_response);
 * - `POST /api/v2/query/scalar` with `{"data":{"type":"scalar_request","attributes":{from, to,
 *   queries:[{data_source, name, query, aggregator}], formulas:[{formula}]}}}` (from/to in Unix
 *   milliseconds), answering `{"data":{"type":"scalar_response","attributes":{"columns":[…]}}}`
 *   with `application/vnd.api+json` (cassette Scenario_Scalar_cross_product_query_returns_OK_response;
 *   no data is a number column with `values: []`).
 *
 * Both need `DD-API-KEY` and `DD-APPLICATION-KEY`; a missing or wrong key is `403
 * {"errors":["Forbidden"]}`, Datadog's documented APIErrorResponse. A query the fake was told is
 * invalid is `400 {"errors":["…"]}`. Rate limits carry X-RateLimit-{Limit,Period,Remaining,Reset,
 * Name} (docs.datadoghq.com/api/latest/rate-limits). Requests are recorded (keys reduced to
 * whether they matched) so tests can assert what was sent.
 *
 * Values are configured per query string (v1 series, v2 scalars) and, for v2 formulas, per
 * formula string: the fake does not evaluate formulas.
 */

export type Point = [number, number | null];

/** One v2 row of a `by {tag}` query: one tag list per group column, and its value. */
export interface GroupRow {
  tags: string[][];
  value: number | null;
}

export type ScalarSpec = number | null | { groupBy: string[]; rows: GroupRow[] };

export interface RecordedDatadogRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  apiKeyOk: boolean;
  appKeyOk: boolean;
  contentType?: string;
  body: unknown;
}

export interface FailSpec {
  status: number;
  /** How many requests fail (default 1). */
  count?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FakeDatadog {
  url: string;
  requests: RecordedDatadogRequest[];
  /** v1: the series for a query (`[]` or no call: no data). Several series: pass several lists. */
  setSeries(query: string, ...series: Point[][]): void;
  /** v2: the scalar for a query (no formula) or for a formula string. */
  setScalar(queryOrFormula: string, value: ScalarSpec): void;
  /** Requests for this query string (v1) or query/formula (v2) answer 400 with this message. */
  setInvalid(queryOrFormula: string, message: string): void;
  failNext(spec: FailSpec): void;
  /** The next `count` requests answer 429 with Datadog's rate-limit headers. */
  rateLimitNext(count?: number, name?: string): void;
  /** Hold the next `count` responses for `ms` milliseconds (timeouts). */
  delayNext(ms: number, count?: number): void;
  close(): Promise<void>;
}

export interface FakeDatadogOptions {
  apiKey: string;
  appKey: string;
}

const AGGREGATORS = ['avg', 'min', 'max', 'sum', 'last', 'percentile', 'mean', 'l2norm', 'area'];

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  contentType = 'application/json',
): void {
  res
    .writeHead(status, { 'content-type': contentType, ...headers })
    .end(typeof body === 'string' ? body : JSON.stringify(body));
}

const errors = (res: ServerResponse, status: number, ...messages: string[]) =>
  send(res, status, { errors: messages });

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export async function startFakeDatadog(opts: FakeDatadogOptions): Promise<FakeDatadog> {
  const requests: RecordedDatadogRequest[] = [];
  const series = new Map<string, Point[][]>();
  const scalars = new Map<string, ScalarSpec>();
  const invalid = new Map<string, string>();
  const pendingFailures: FailSpec[] = [];
  let delay: { ms: number; count: number } | undefined;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const text = await readBody(req);
    let body: unknown;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = { __invalid: text };
      }
    }
    const apiKeyOk = req.headers['dd-api-key'] === opts.apiKey;
    const appKeyOk = req.headers['dd-application-key'] === opts.appKey;
    requests.push({
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      apiKeyOk,
      appKeyOk,
      ...(req.headers['content-type'] && { contentType: req.headers['content-type'] }),
      body,
    });

    if (delay && delay.count > 0) {
      delay.count--;
      const ms = delay.ms;
      await new Promise((r) => setTimeout(r, ms));
    }

    const failure = pendingFailures[0];
    if (failure) {
      failure.count = (failure.count ?? 1) - 1;
      if (failure.count <= 0) pendingFailures.shift();
      send(
        res,
        failure.status,
        failure.body ?? { errors: ['Internal Server Error'] },
        failure.headers,
      );
      return;
    }

    const route = `${req.method} ${url.pathname}`;
    if (route !== 'GET /api/v1/query' && route !== 'POST /api/v2/query/scalar') {
      errors(res, 404, 'Not found');
      return;
    }
    if (!apiKeyOk || !appKeyOk) {
      errors(res, 403, 'Forbidden');
      return;
    }
    if (route === 'GET /api/v1/query') v1(url, res);
    else v2(body, res);
  };

  const v1 = (url: URL, res: ServerResponse): void => {
    const q = url.searchParams;
    const query = q.get('query');
    const from = Number(q.get('from'));
    const to = Number(q.get('to'));
    if (!query) return errors(res, 400, "The 'query' parameter is required");
    if (!q.get('from') || !Number.isInteger(from)) {
      return errors(res, 400, "The 'from' parameter must be an integer (seconds since the epoch)");
    }
    if (!q.get('to') || !Number.isInteger(to)) {
      return errors(res, 400, "The 'to' parameter must be an integer (seconds since the epoch)");
    }
    if (from >= to) return errors(res, 400, "'from' must be before 'to'");
    if (to > 1e11) return errors(res, 400, "'to' is not a time in seconds since the epoch");
    const bad = invalid.get(query);
    if (bad) return errors(res, 400, bad);
    const list = series.get(query) ?? [];
    send(res, 200, {
      status: 'ok',
      resp_version: 1,
      res_type: 'time_series',
      query,
      from_date: from * 1000,
      to_date: to * 1000,
      message: '',
      group_by: [],
      series: list.map((pointlist, i) => ({
        metric: query.replace(/^[a-z0-9]+:/, '').replace(/\{.*$/, ''),
        display_name: query,
        expression: query,
        scope: '*',
        tag_set: [],
        query_index: 0,
        aggr: null,
        attributes: {},
        unit: null,
        interval: 300,
        length: pointlist.length,
        start: pointlist[0]?.[0] ?? from * 1000,
        end: pointlist[pointlist.length - 1]?.[0] ?? to * 1000,
        pointlist,
        index: i,
      })),
      times: [],
      values: [],
    });
  };

  const v2 = (body: unknown, res: ServerResponse): void => {
    const data = isRecord(body) ? body.data : undefined;
    if (!isRecord(data) || data.type !== 'scalar_request' || !isRecord(data.attributes)) {
      return errors(res, 400, 'Invalid request: data.type must be scalar_request');
    }
    const a = data.attributes;
    if (typeof a.from !== 'number' || typeof a.to !== 'number') {
      return errors(res, 400, 'Invalid request: from and to are required (milliseconds)');
    }
    if (a.to < 1e11) return errors(res, 400, "'to' is not a time in milliseconds since the epoch");
    if (a.from >= a.to) return errors(res, 400, "'from' must be before 'to'");
    if (!Array.isArray(a.queries) || a.queries.length === 0) {
      return errors(res, 400, 'Invalid request: queries must not be empty');
    }
    const names: string[] = [];
    const queryText = new Map<string, string>();
    for (const q of a.queries) {
      if (!isRecord(q) || q.data_source !== 'metrics') {
        return errors(res, 400, 'Invalid request: data_source must be metrics');
      }
      if (typeof q.name !== 'string' || typeof q.query !== 'string') {
        return errors(res, 400, 'Invalid request: a query needs a name and a query');
      }
      if (q.aggregator !== undefined && !AGGREGATORS.includes(String(q.aggregator))) {
        return errors(res, 400, `Invalid aggregator: ${String(q.aggregator)}`);
      }
      names.push(q.name);
      queryText.set(q.name, q.query);
    }
    const formulas = Array.isArray(a.formulas) ? a.formulas.filter(isRecord) : [];
    for (const f of formulas) {
      if (typeof f.formula !== 'string' || !f.formula) {
        return errors(res, 400, 'Invalid request: a formula must be a non-empty string');
      }
    }
    // Without formulas each query is its own column; with them, each formula is.
    const columns: { name: string; key: string }[] = formulas.length
      ? formulas.map((f) => ({ name: String(f.formula), key: String(f.formula) }))
      : names.map((n) => ({ name: n, key: queryText.get(n) ?? '' }));
    for (const c of [...columns.map((c) => c.key), ...queryText.values()]) {
      const bad = invalid.get(c);
      if (bad) return errors(res, 400, bad);
    }
    const out: unknown[] = [];
    const groupColumns: unknown[] = [];
    for (const c of columns) {
      const spec = scalars.get(c.key) ?? null;
      if (spec === null) {
        out.push({ name: c.name, values: [], type: 'number', meta: { unit: null } });
      } else if (typeof spec === 'number') {
        out.push({ name: c.name, values: [spec], type: 'number', meta: { unit: null } });
      } else {
        if (!groupColumns.length) {
          spec.groupBy.forEach((tag, i) =>
            groupColumns.push({
              name: tag,
              type: 'group',
              values: spec.rows.map((r) => r.tags[i]),
            }),
          );
        }
        out.push({
          name: c.name,
          values: spec.rows.map((r) => r.value),
          type: 'number',
          meta: { unit: null },
        });
      }
    }
    send(
      res,
      200,
      {
        data: {
          id: '0',
          type: 'scalar_response',
          attributes: { columns: [...groupColumns, ...out] },
        },
      },
      {},
      'application/vnd.api+json',
    );
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) errors(res, 500, String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setSeries: (query, ...list) => void series.set(query, list),
    setScalar: (key, value) => void scalars.set(key, value),
    setInvalid: (key, message) => void invalid.set(key, message),
    failNext: (spec) => void pendingFailures.push({ ...spec }),
    rateLimitNext: (count = 1, name = 'query_scalar_public') =>
      void pendingFailures.push({
        status: 429,
        count,
        body: { errors: ['Too many requests'] },
        headers: {
          'x-ratelimit-limit': '100',
          'x-ratelimit-period': '60',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': '17',
          'x-ratelimit-name': name,
        },
      }),
    delayNext: (ms, count = 1) => {
      delay = { ms, count };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
