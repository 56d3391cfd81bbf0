/**
 * The `prometheus` provider (Argo Rollouts' metricproviders/prometheus): one instant query per
 * measurement, `POST <address>/api/v1/query` with the query and the evaluation time as a form
 * (GET when the server answers 405 or 501, as Prometheus' Go client does).
 *
 * Fields (Argo's names): `address` (required), `query` (required), `timeout` (seconds, or a
 * duration such as 30s; default 30 as in Argo), `headers` (`[{key, value}]`, e.g. an
 * Authorization header; values are secrets), `insecure` (skip TLS verification).
 *
 * `result` is what Argo hands its conditions:
 * - a vector: the list of sample values as numbers, in the order Prometheus returns them
 *   (`result[0] >= 0.95`); an empty vector is `[]` (`len(result) == 0`);
 * - a scalar: the number.
 * NaN, +Inf and -Inf are numbers too (`isNaN(result[0])`). The measurement's value reads like
 * Argo's (`[0.99,0.98]`). A matrix or string result is an Error (`Prometheus metric type not
 * supported`), and so is an error answer, with Prometheus' own words (`bad_data: invalid
 * parameter "query": …`).
 */
import {
  checkConfig,
  headers,
  httpURL,
  isSecretHeader,
  optionalBool,
  optionalTimeout,
  requiredString,
  type Header,
} from './fields.js';
import { sendRequest, snippet, type Response } from './request.js';
import type { Measurement, ProviderContext, ProviderDefinition } from '../types.js';

const FIELDS = ['address', 'query', 'timeout', 'headers', 'insecure'] as const;

/** Argo's default Prometheus query timeout. */
export const DEFAULT_PROMETHEUS_TIMEOUT_MS = 30_000;

export interface PrometheusConfig {
  /** Base URL without a trailing slash. */
  address: string;
  query: string;
  timeoutMs: number;
  headers: Header[];
  insecure: boolean;
}

function parse(config: unknown, where: string): PrometheusConfig {
  const c = checkConfig(where, 'prometheus', config, FIELDS);
  const address = httpURL(where, 'address', requiredString(where, c, 'address'))
    .toString()
    .replace(/\/+$/, '');
  return {
    address,
    query: requiredString(where, c, 'query'),
    timeoutMs: optionalTimeout(where, c, 'timeout') ?? DEFAULT_PROMETHEUS_TIMEOUT_MS,
    headers: headers(where, c, 'headers'),
    insecure: optionalBool(where, c, 'insecure') ?? false,
  };
}

/** Prometheus' sample values are strings: "0.5", "NaN", "+Inf", "-Inf". */
export function sampleValue(text: unknown): number {
  if (text === '+Inf' || text === 'Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (text === 'NaN') return NaN;
  const n = typeof text === 'string' ? Number(text) : NaN;
  if (Number.isNaN(n))
    throw new Error(
      `Prometheus returned a sample value that is not a number: ${JSON.stringify(text)}`,
    );
  return n;
}

/** Go's `%v` of a float64 sample, as in Argo's measurement value (`[0.99,1]`). */
function show(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  return String(n);
}

interface ApiAnswer {
  status?: string;
  errorType?: string;
  error?: string;
  warnings?: unknown[];
  data?: { resultType?: string; result?: unknown };
}

function answerOf(res: Response): ApiAnswer {
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    const text = snippet(res.text);
    throw new Error(
      `server returned HTTP status ${res.status} ${res.statusText}`.trim() +
        (res.status >= 200 && res.status < 300
          ? ` with a body that is not JSON: ${text}`
          : text
            ? `: ${text}`
            : ''),
    );
  }
  if (body === null || typeof body !== 'object') {
    throw new Error(`Prometheus answered ${snippet(res.text)}, not an API response`);
  }
  const answer = body as ApiAnswer;
  if (answer.status === 'error') {
    throw new Error(`${answer.errorType ?? 'error'}: ${answer.error ?? '(no message)'}`);
  }
  if (res.status < 200 || res.status >= 300) {
    throw new Error(`server returned HTTP status ${res.status} ${res.statusText}`.trim());
  }
  return answer;
}

async function measure(config: PrometheusConfig, ctx: ProviderContext): Promise<Measurement> {
  for (const h of config.headers) if (isSecretHeader(h.name)) ctx.secret(h.value);
  const url = `${config.address}/api/v1/query`;
  const params = new URLSearchParams({
    query: config.query,
    time: (ctx.clock().getTime() / 1000).toFixed(3),
  });
  const common = { timeoutMs: config.timeoutMs, insecure: config.insecure };
  let res = await sendRequest(ctx, url, {
    ...common,
    method: 'POST',
    headers: [
      ...config.headers,
      { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
    ],
    body: params.toString(),
  });
  if (res.status === 405 || res.status === 501) {
    res = await sendRequest(ctx, `${url}?${params.toString()}`, {
      ...common,
      method: 'GET',
      headers: config.headers,
    });
  }
  const answer = answerOf(res);
  for (const w of answer.warnings ?? []) ctx.log(`Prometheus warning: ${String(w)}`);
  const type = answer.data?.resultType;
  const data = answer.data?.result;
  if (type === 'vector' && Array.isArray(data)) {
    const values = data.map((sample: unknown) => {
      const value = (sample as { value?: unknown[] } | null)?.value;
      return sampleValue(Array.isArray(value) ? value[1] : undefined);
    });
    return { result: values, detail: `[${values.map(show).join(',')}]` };
  }
  if (type === 'scalar' && Array.isArray(data)) {
    const value = sampleValue(data[1]);
    return { result: value, detail: show(value) };
  }
  throw new Error(
    `Prometheus metric type not supported: ${type ?? 'no resultType'} (use a query that returns a vector or a scalar)`,
  );
}

export const prometheus: ProviderDefinition<PrometheusConfig> = {
  name: 'prometheus',
  parse,
  measure,
};
