/**
 * The `http` provider (Argo Rollouts' `web` metric, metricproviders/webmetric): one HTTP request
 * per measurement.
 *
 * Fields (Argo's names): `url` (required), `method` (GET, default; POST, PUT, PATCH, DELETE),
 * `headers` (`[{key, value}]`, also `[{name, value}]` or a mapping), `body` (a string) or
 * `jsonBody` (any YAML value, sent as JSON with `Content-Type: application/json`; only one of
 * the two, and not with GET), `timeoutSeconds` (default 10), `jsonPath` (`{$.data.ok}`, see
 * json-path.ts; default the whole body), `insecure` (skip TLS verification).
 *
 * What conditions see:
 * - `result`: the JSON body at `jsonPath`, or the body's text when it is not JSON. (Argo marks a
 *   non-JSON body Successful without evaluating the conditions; gantry evaluates them on the text,
 *   so `result == "ok"` works.)
 * - `response.status` (a number) and `response.headers` (lower-case names).
 *
 * A response other than 2xx is an Error measurement, as in Argo (`received non 2xx response
 * code: 503`), so it counts towards consecutiveErrorLimit, not failureLimit. Header values are
 * secrets (except Accept, Content-Type, User-Agent, Accept-Encoding).
 */
import {
  checkConfig,
  fail,
  headers,
  httpURL,
  isSecretHeader,
  optionalBool,
  optionalPositiveInt,
  optionalString,
  requiredString,
  type Header,
} from './fields.js';
import { applyJsonPath, JsonPathError, parseJsonPath, type PathSegment } from './json-path.js';
import { sendRequest, snippet } from './request.js';
import type { Measurement, ProviderContext, ProviderDefinition } from '../types.js';

const FIELDS = [
  'url',
  'method',
  'headers',
  'body',
  'jsonBody',
  'timeoutSeconds',
  'jsonPath',
  'insecure',
] as const;

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Argo's default web metric timeout. */
export const DEFAULT_HTTP_TIMEOUT_SECONDS = 10;

export interface HttpConfig {
  url: string;
  method: (typeof METHODS)[number];
  headers: Header[];
  body?: string;
  timeoutMs: number;
  jsonPath?: string;
  path: PathSegment[];
  insecure: boolean;
}

function parse(config: unknown, where: string): HttpConfig {
  const c = checkConfig(where, 'http', config, FIELDS);
  const url = httpURL(where, 'url', requiredString(where, c, 'url')).toString();
  const method = (optionalString(where, c, 'method') ?? 'GET').toUpperCase();
  if (!(METHODS as readonly string[]).includes(method)) {
    fail(where, 'method', `must be one of ${METHODS.join(', ')}, not ${JSON.stringify(c.method)}`);
  }
  const hs = headers(where, c, 'headers');
  const body = optionalString(where, c, 'body');
  const hasJsonBody = c.jsonBody !== undefined && c.jsonBody !== null;
  if (body !== undefined && hasJsonBody) {
    fail(where, 'jsonBody', 'use either body or jsonBody, not both');
  }
  if ((body !== undefined || hasJsonBody) && method === 'GET') {
    fail(
      where,
      body !== undefined ? 'body' : 'jsonBody',
      'needs method POST, PUT, PATCH or DELETE',
    );
  }
  let sent = body;
  if (hasJsonBody) {
    sent = JSON.stringify(c.jsonBody);
    if (!hs.some((h) => h.name.toLowerCase() === 'content-type')) {
      hs.push({ name: 'Content-Type', value: 'application/json' });
    }
  }
  const timeoutSeconds =
    optionalPositiveInt(where, c, 'timeoutSeconds') ?? DEFAULT_HTTP_TIMEOUT_SECONDS;
  const jsonPath = optionalString(where, c, 'jsonPath');
  let path: PathSegment[] = [];
  if (jsonPath !== undefined) {
    try {
      path = parseJsonPath(jsonPath);
    } catch (err) {
      fail(where, 'jsonPath', (err as Error).message);
    }
  }
  return {
    url,
    method: method as HttpConfig['method'],
    headers: hs,
    ...(sent !== undefined && { body: sent }),
    timeoutMs: timeoutSeconds * 1000,
    ...(jsonPath !== undefined && { jsonPath }),
    path,
    insecure: optionalBool(where, c, 'insecure') ?? false,
  };
}

async function measure(config: HttpConfig, ctx: ProviderContext): Promise<Measurement> {
  for (const h of config.headers) if (isSecretHeader(h.name)) ctx.secret(h.value);
  const res = await sendRequest(ctx, config.url, {
    method: config.method,
    headers: config.headers,
    ...(config.body !== undefined && { body: config.body }),
    timeoutMs: config.timeoutMs,
    insecure: config.insecure,
  });
  if (res.status < 200 || res.status >= 300) {
    const body = snippet(res.text);
    throw new Error(
      `received non 2xx response code: ${res.status}${body ? ` (body: ${body})` : ''}`,
    );
  }
  let data: unknown;
  let json = true;
  try {
    data = JSON.parse(res.text);
  } catch {
    json = false;
    data = res.text;
  }
  let result = data;
  if (json && config.path.length > 0) {
    try {
      result = applyJsonPath(data, config.path);
    } catch (err) {
      if (!(err instanceof JsonPathError)) throw err;
      throw new Error(
        `could not find jsonPath ${config.jsonPath ?? ''} in the body: ${err.message}`,
        { cause: err },
      );
    }
  } else if (!json && config.path.length > 0) {
    ctx.log(`the body is not JSON, so jsonPath ${config.jsonPath ?? ''} is not applied`);
  }
  return {
    result,
    vars: { response: { status: res.status, headers: res.headers } },
  };
}

export const http: ProviderDefinition<HttpConfig> = { name: 'http', parse, measure };
