/**
 * Kargo's `http` step: one HTTP(S) request, its response judged by expr-lang expressions, and
 * outputs taken from it for later steps (`outputs.<alias>.<name>`).
 *
 * Config (Kargo's fields): `url` (required); `method` (DELETE, GET, HEAD, PATCH, POST, PUT; GET by
 * default); `headers` and `queryParams` (`[{name, value}]`, query values URL-encoded and added to
 * any query the URL already has); `body`, or `bodyFromFile` (a file inside the checkout, at most
 * 2 MiB, sent as it is; not both); `insecureSkipTLSVerify`; `proxy` (an http(s) URL, the
 * request is tunnelled through it); `timeout` (a Go duration, 10s by default, for the whole
 * exchange, body included); `responseContentType` (`application/json`, `application/yaml` or
 * `text/plain`, overriding the response's Content-Type); `successExpression`,
 * `failureExpression`, `errorExpression`; `outputs` (`[{name, fromExpression}]`); `pollInterval`
 * (accepted, see below).
 *
 * The expressions are plain expr-lang, not `${{ }}` templates (the engine renders those before the
 * step runs, so `'${{ vars.x }}'` inside one is filled in first). They are compiled before the
 * request is sent, so a typo is a config error and nothing is sent. They see `response`:
 * - `status`: the status code;
 * - `headers`: Go's `http.Header` shape, canonical names to lists of values
 *   (`response.headers["Content-Type"][0]`); several fields of one name arrive as one value joined
 *   with ", " (fetch joins them), except `Set-Cookie`;
 * - `body`: a response declared `text/plain` is its text; YAML types are parsed as YAML; anything
 *   else is parsed as JSON. When parsing fails the body is the text (Kargo gives an empty map for
 *   unparsable bodies of unknown types); an empty body is an empty map, as in Kargo.
 * Kargo's `response.header(name)` function cannot be offered: the expression language has no
 * methods on maps.
 *
 * Outcome (Kargo's rules): `failureExpression` true fails the step (with `errorExpression`'s
 * string, when it gives one, in the message); else `successExpression` true succeeds; with neither
 * expression, a 2xx status succeeds. Outputs are computed only when the step succeeds.
 *
 * Where Kargo keeps a step running: with an expression given and not met (`successExpression`
 * false, or only `failureExpression` given and false), or a non-2xx status and no expressions,
 * Kargo leaves the step Running (or Failed, retryable) and asks again every `pollInterval` until
 * the step's `retry.timeout`. gantry runs each step once, in one job, and does not retry: these
 * outcomes fail the step, saying which rule was not met. `pollInterval` is validated and
 * otherwise ignored (logged), so Kargo templates load. Note that, as in Kargo, a step with only a
 * `failureExpression` can never succeed.
 *
 * Deviations that only accept more: `method` in any case; header and query values that rendered
 * to numbers or booleans (`${{ vars.port }}`) are sent as their text; a `body` that is a map or a
 * list (what `${{ }}` rendering makes of JSON text, when `quote()` was not used) is sent as JSON,
 * with `Content-Type: application/json` unless a header says otherwise. A string body goes as is,
 * with no Content-Type added (as Go's client does). Credentials in the URL become basic auth
 * (fetch refuses them in URLs; Go sends them so).
 *
 * Secrets: header values, query values and URL credentials are never logged nor put in messages;
 * the request is named as `GET https://host/path?token=***` (every query value masked), and error
 * text from the network is scrubbed of those values. The response body is read up to 2 MiB
 * (Kargo's cap); a larger one fails the step.
 */
import { flag, nonEmpty, text } from './schema-parts.js';
import { readFile, stat } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { compileExpr, formatValue, parseDuration, type CompiledExpr } from '../../expr/index.js';
import { OperationError, errorMessage } from '../../util/errors.js';
import {
  BodyTooLargeError,
  formatBytes,
  isTimeout,
  networkReason,
  readBody,
  safeURL,
} from '../../util/http-body.js';
import { Redactor } from '../../util/redact.js';
import { fieldError, isRecord } from './config-check.js';
import { checkFields, optionalBool } from './engine.js';
import { normalizeRelative, safePath } from './safe-path.js';
import { StepPendingError, type StepDefinition } from './types.js';

const STEP = 'http';

const FIELDS = [
  'method',
  'url',
  'headers',
  'queryParams',
  'body',
  'bodyFromFile',
  'insecureSkipTLSVerify',
  'proxy',
  'timeout',
  'pollInterval',
  'responseContentType',
  'successExpression',
  'failureExpression',
  'errorExpression',
  'outputs',
] as const;

const METHODS = ['DELETE', 'GET', 'HEAD', 'PATCH', 'POST', 'PUT'] as const;

const CONTENT_TYPES = ['application/json', 'application/yaml', 'text/plain'] as const;

const YAML_TYPES = new Set(['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml']);

/** The most of a response body the step reads (Kargo's limit). */
export const MAX_RESPONSE_BYTES = 2 << 20;

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_TIMEOUT_MS = 24 * 3600_000;

/** RFC 9110 token characters. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const BAD_HEADER_VALUE = /[\0\r\n]/;

export interface NameValue {
  name: string;
  value: string;
}

interface HttpConfig {
  method: (typeof METHODS)[number];
  url: URL;
  headers: NameValue[];
  queryParams: NameValue[];
  body: { bytes: Buffer; json: boolean } | undefined;
  /** A file (relative to the checkout) whose bytes are the body; read when the request is made. */
  bodyFromFile: string | undefined;
  insecureSkipTLSVerify: boolean;
  proxy: string | undefined;
  timeoutMs: number;
  pollInterval: string | undefined;
  responseContentType: string | undefined;
  successExpression: CompiledExpr | undefined;
  failureExpression: CompiledExpr | undefined;
  errorExpression: CompiledExpr | undefined;
  outputs: { name: string; expr: CompiledExpr }[];
}

/** A scalar rendered from a template (`${{ 8080 }}` is a number) as the text it stands for. */
function scalarText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean') return String(v);
  return undefined;
}

function optionalString(config: Record<string, unknown>, field: string): string | undefined {
  const v = config[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') fieldError(STEP, `config.${field}`, 'must be a string');
  return v;
}

/**
 * A `[{name, value}]` field (headers, queryParams) of the http steps; `check` adds a step's own
 * rules for one entry. A value is never echoed in an error: it may be a token.
 */
export function nameValues(
  step: string,
  config: Record<string, unknown>,
  field: string,
  check?: (name: string, value: string, at: string) => void,
): NameValue[] {
  const v = config[field];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) fieldError(step, `config.${field}`, 'must be a list of {name, value}');
  return v.map((item: unknown, i) => {
    const at = `config.${field}[${i}]`;
    if (!isRecord(item)) fieldError(step, at, 'must be a map with name and value');
    checkFields(`${step}: ${at}`, item, ['name', 'value']);
    const name = item['name'];
    if (typeof name !== 'string' || name === '') {
      fieldError(step, `${at}.name`, 'must be a non-empty string');
    }
    const value = scalarText(item['value']);
    if (value === undefined || value === '') {
      fieldError(step, `${at}.value`, `must be a non-empty string (${field} ${name})`);
    }
    check?.(name, value, at);
    return { name, value };
  });
}

function compileField(field: string, v: unknown): CompiledExpr | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const source = typeof v === 'boolean' ? String(v) : v;
  if (typeof source !== 'string') {
    fieldError(STEP, field, 'must be an expression (a string, without ${{ }})');
  }
  try {
    return compileExpr(source);
  } catch (err) {
    return fieldError(STEP, field, errorMessage(err));
  }
}

function durationMs(field: string, text: string): number {
  let ns: number;
  try {
    ns = parseDuration(text).ns;
  } catch (err) {
    return fieldError(STEP, `config.${field}`, errorMessage(err));
  }
  if (ns <= 0) fieldError(STEP, `config.${field}`, `must be positive, got ${JSON.stringify(text)}`);
  return Math.max(1, Math.round(ns / 1e6));
}

function requestBody(v: unknown, method: string): { bytes: Buffer; json: boolean } | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (method === 'GET' || method === 'HEAD') {
    fieldError(STEP, 'config.body', `a ${method} request cannot have a body`);
  }
  if (typeof v === 'string') return { bytes: Buffer.from(v, 'utf8'), json: false };
  if (typeof v === 'object') return { bytes: Buffer.from(JSON.stringify(v), 'utf8'), json: true };
  const text = scalarText(v);
  if (text === undefined) fieldError(STEP, 'config.body', 'must be a string');
  return { bytes: Buffer.from(text, 'utf8'), json: false };
}

/** Validate the rendered config; throws ConfigError naming the field. */
export function parseHttpConfig(config: Record<string, unknown>): HttpConfig {
  checkFields(STEP, config, FIELDS);

  const rawMethod = optionalString(config, 'method') ?? 'GET';
  const method = METHODS.find((m) => m === rawMethod.toUpperCase());
  if (!method) {
    fieldError(
      STEP,
      'config.method',
      `must be one of ${METHODS.join(', ')}, got ${JSON.stringify(rawMethod)}`,
    );
  }

  const rawURL = config['url'];
  if (rawURL === undefined || rawURL === null || rawURL === '') {
    fieldError(STEP, 'config.url', 'is required');
  }
  let url: URL | undefined;
  if (typeof rawURL === 'string') {
    try {
      url = new URL(rawURL);
    } catch {
      url = undefined;
    }
  }
  // The URL is not echoed: it may carry a token.
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    fieldError(STEP, 'config.url', 'must be an absolute http(s) URL');
  }

  const headers = nameValues(STEP, config, 'headers');
  for (const [i, h] of headers.entries()) {
    if (!HEADER_NAME.test(h.name)) {
      fieldError(
        STEP,
        `config.headers[${i}].name`,
        `${JSON.stringify(h.name)} is not a header name`,
      );
    }
    if (BAD_HEADER_VALUE.test(h.value)) {
      fieldError(
        STEP,
        `config.headers[${i}].value`,
        `must not contain line breaks or NUL (header ${h.name})`,
      );
    }
  }
  const queryParams = nameValues(STEP, config, 'queryParams');

  const proxy = optionalString(config, 'proxy');
  if (proxy !== undefined && (!/^https?:\/\/[^/?#]/i.test(proxy) || !URL.canParse(proxy))) {
    fieldError(STEP, 'config.proxy', 'must be an http(s) URL, scheme included');
  }

  const timeout = optionalString(config, 'timeout');
  const timeoutMs = timeout === undefined ? DEFAULT_TIMEOUT_MS : durationMs('timeout', timeout);
  if (timeoutMs > MAX_TIMEOUT_MS) fieldError(STEP, 'config.timeout', 'must be at most 24h');
  const pollInterval = optionalString(config, 'pollInterval');
  if (pollInterval !== undefined) durationMs('pollInterval', pollInterval);

  const responseContentType = optionalString(config, 'responseContentType');
  if (
    responseContentType !== undefined &&
    !(CONTENT_TYPES as readonly string[]).includes(responseContentType)
  ) {
    fieldError(
      STEP,
      'config.responseContentType',
      `must be one of ${CONTENT_TYPES.join(', ')}, got ${JSON.stringify(responseContentType)}`,
    );
  }

  const rawOutputs = config['outputs'];
  const outputs: HttpConfig['outputs'] = [];
  if (rawOutputs !== undefined && rawOutputs !== null) {
    if (!Array.isArray(rawOutputs)) {
      fieldError(STEP, 'config.outputs', 'must be a list of {name, fromExpression}');
    }
    for (const [i, item] of (rawOutputs as unknown[]).entries()) {
      const at = `config.outputs[${i}]`;
      if (!isRecord(item)) fieldError(STEP, at, 'must be a map with name and fromExpression');
      checkFields(`${STEP}: ${at}`, item, ['name', 'fromExpression']);
      const name = item['name'];
      if (typeof name !== 'string' || name === '') {
        fieldError(STEP, `${at}.name`, 'must be a non-empty string');
      }
      if (outputs.some((o) => o.name === name)) {
        fieldError(STEP, `${at}.name`, `${JSON.stringify(name)} is already an output`);
      }
      const expr = compileField(`${at}.fromExpression`, item['fromExpression']);
      if (!expr) fieldError(STEP, `${at}.fromExpression`, 'is required');
      outputs.push({ name, expr });
    }
  }

  const bodyFromFile = optionalString(config, 'bodyFromFile') || undefined;
  if (bodyFromFile !== undefined) {
    const body = config['body'];
    if (body !== undefined && body !== null && body !== '') {
      fieldError(STEP, 'config.bodyFromFile', 'give body or bodyFromFile, not both');
    }
    if (method === 'GET' || method === 'HEAD') {
      fieldError(STEP, 'config.bodyFromFile', `a ${method} request cannot have a body`);
    }
  }

  return {
    method,
    url,
    headers,
    queryParams,
    body: requestBody(config['body'], method),
    bodyFromFile,
    insecureSkipTLSVerify: optionalBool(STEP, config, 'insecureSkipTLSVerify') ?? false,
    proxy,
    timeoutMs,
    pollInterval,
    responseContentType,
    successExpression: compileField('config.successExpression', config['successExpression']),
    failureExpression: compileField('config.failureExpression', config['failureExpression']),
    errorExpression: compileField('config.errorExpression', config['errorExpression']),
    outputs,
  };
}

/** `bodyFromFile`'s bytes: a file inside the checkout, at most MAX_RESPONSE_BYTES (Kargo's cap). */
async function readBodyFile(worktree: string, rel: string): Promise<Buffer> {
  const abs = await safePath(worktree, rel, `${STEP}: bodyFromFile`);
  const shown = JSON.stringify(normalizeRelative(rel));
  let info;
  try {
    info = await stat(abs);
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') {
      fieldError(STEP, 'config.bodyFromFile', `${shown}: no such file`);
    }
    throw err;
  }
  if (!info.isFile()) fieldError(STEP, 'config.bodyFromFile', `${shown} is not a file`);
  if (info.size > MAX_RESPONSE_BYTES) {
    fieldError(
      STEP,
      'config.bodyFromFile',
      `${shown} is ${formatBytes(info.size)}, more than the ${formatBytes(MAX_RESPONSE_BYTES)} a request body may be`,
    );
  }
  return readFile(abs);
}

/** Go's `CanonicalMIMEHeaderKey`: `content-type` → `Content-Type`. */
function canonicalHeader(name: string): string {
  return name
    .split('-')
    .map((p) => (p ? p[0]?.toUpperCase() + p.slice(1).toLowerCase() : p))
    .join('-');
}

function headerMap(headers: Headers): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const put = (name: string, values: string[]): void => {
    Object.defineProperty(out, canonicalHeader(name), {
      value: values,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  };
  headers.forEach((value, name) => {
    if (name !== 'set-cookie') put(name, [value]);
  });
  const cookies = headers.getSetCookie();
  if (cookies.length) put('set-cookie', cookies);
  return out;
}

/** The body as the expressions see it (see the module comment). */
export function parseResponseBody(text: string, contentType: string | null): unknown {
  if (text === '') return {};
  const media = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (media === 'text/plain') return text;
  if (YAML_TYPES.has(media)) {
    try {
      return parseYaml(text) as unknown;
    } catch {
      return text;
    }
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function formatTimeout(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

const nameValuesSchema = (description: string) => ({
  type: 'array',
  description,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'value'],
    properties: { name: nonEmpty('The name.'), value: text('The value.') },
  },
});

const expression = (description: string) => ({ type: ['string', 'boolean'], description });

export const http: StepDefinition = {
  name: STEP,
  schema: {
    type: 'object',
    description: 'Sends one HTTP(S) request and judges the response with expressions.',
    additionalProperties: false,
    required: ['url'],
    properties: {
      method: { enum: [...METHODS], description: 'The HTTP method; default GET.' },
      url: nonEmpty('The absolute http(s) URL.'),
      headers: nameValuesSchema('Request headers.'),
      queryParams: nameValuesSchema('Query parameters added to the URL.'),
      body: { description: 'The request body: a string, or a value sent as JSON.' },
      bodyFromFile: nonEmpty(
        'A file, relative to the checkout, whose contents are the request body (at most 2 MiB); not with `body`.',
      ),
      insecureSkipTLSVerify: flag("Do not verify the server's certificate."),
      proxy: text('An http(s) proxy URL.'),
      timeout: text('How long one request may take (Go duration, e.g. 30s).'),
      pollInterval: text('With retry.timeout: how long to wait before asking again.'),
      responseContentType: text('How to read the body when the server does not say.'),
      successExpression: expression('An expression over `response`: true means done.'),
      failureExpression: expression('An expression over `response`: true means failed.'),
      errorExpression: expression('An expression over `response`: true means an error to retry.'),
      outputs: {
        type: 'array',
        description: 'Outputs for later steps, each computed from the response.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'fromExpression'],
          properties: {
            name: nonEmpty('The output name.'),
            fromExpression: expression('An expression over `response`.'),
          },
        },
      },
    },
  },
  async run(config, ctx) {
    const cfg = parseHttpConfig(config);
    if (cfg.bodyFromFile !== undefined) {
      cfg.body = { bytes: await readBodyFile(ctx.worktree, cfg.bodyFromFile), json: false };
    }
    const url = new URL(cfg.url);
    for (const q of cfg.queryParams) url.searchParams.append(q.name, q.value);
    url.hash = '';

    const redactor = new Redactor();
    const headers = new Headers();
    if (url.username || url.password) {
      const user = decodeURIComponent(url.username);
      const pass = decodeURIComponent(url.password);
      redactor.addBasicAuth(user, pass);
      if (!cfg.headers.some((h) => h.name.toLowerCase() === 'authorization')) {
        headers.set('Authorization', `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`);
      }
      url.username = '';
      url.password = '';
    }
    for (const h of cfg.headers) {
      redactor.add(h.value);
      headers.append(h.name, h.value);
    }
    for (const v of url.searchParams.values()) redactor.add(v, encodeURIComponent(v));
    if (!headers.has('user-agent')) headers.set('User-Agent', 'gantry');
    if (cfg.body?.json && !headers.has('content-type')) {
      headers.set('Content-Type', 'application/json');
    }

    const what = `${cfg.method} ${safeURL(url)}`;
    // Text from elsewhere (network errors, the response) is scrubbed of the request's secrets:
    // servers echo tokens back ("invalid token abc…").
    const scrub = (text: string): string => redactor.redact(text);
    // No `cause`: the original error's text is not scrubbed.
    const fail = (message: string): OperationError =>
      new OperationError(`${STEP}: ${what}: ${message}`);
    // Kargo's default poll interval when the step is asked again (retry.timeout).
    const pollMs =
      cfg.pollInterval !== undefined ? durationMs('pollInterval', cfg.pollInterval) : 5_000;

    const tls = cfg.insecureSkipTLSVerify ? { rejectUnauthorized: false } : undefined;
    // undici (~1 MB of bundle) is loaded only for a proxy or an unverified TLS connection: every
    // promotion loads this module with the step registry.
    const undici = cfg.proxy || tls ? await import('undici') : undefined;
    const dispatcher = !undici
      ? undefined
      : cfg.proxy
        ? new undici.ProxyAgent({
            uri: cfg.proxy,
            ...(tls && { requestTls: tls, proxyTls: tls }),
          })
        : new undici.Agent({ connect: tls });

    let status: number;
    let responseHeaders: Headers;
    let text: string;
    try {
      const signal = AbortSignal.timeout(cfg.timeoutMs);
      const init: RequestInit = {
        method: cfg.method,
        headers,
        redirect: 'follow',
        signal,
        ...(cfg.body && { body: cfg.body.bytes }),
        // undici's Agent is the dispatcher Node's own fetch (undici inside) takes.
        ...(dispatcher && { dispatcher: dispatcher as unknown as RequestInit['dispatcher'] }),
      };
      let res: Response;
      try {
        res = await ctx.fetch(url, init);
      } catch (err) {
        if (isTimeout(err)) {
          throw fail(`no response within ${formatTimeout(cfg.timeoutMs)} (config.timeout)`);
        }
        throw fail(`request failed: ${scrub(networkReason(err))}`);
      }
      status = res.status;
      responseHeaders = res.headers;
      try {
        text =
          cfg.method === 'HEAD'
            ? ''
            : // TextDecoder, not Buffer: it drops a byte-order mark that would break JSON.parse.
              new TextDecoder('utf-8').decode(
                await readBody(res, { url, maxBytes: MAX_RESPONSE_BYTES, what: 'the response' }),
              );
      } catch (err) {
        if (err instanceof BodyTooLargeError) {
          const declared = err.declared !== undefined ? ` (Content-Length ${err.declared})` : '';
          throw fail(
            `the HTTP ${status} response body${declared} is larger than the ${formatBytes(MAX_RESPONSE_BYTES)} the step reads`,
          );
        }
        if (isTimeout(err)) {
          throw fail(
            `the response body did not arrive within ${formatTimeout(cfg.timeoutMs)} (config.timeout)`,
          );
        }
        throw fail(`reading the response failed: ${scrub(networkReason(err))}`);
      }
    } finally {
      await dispatcher?.destroy().catch(() => undefined);
    }

    const response = {
      status,
      headers: headerMap(responseHeaders),
      body: parseResponseBody(text, cfg.responseContentType ?? responseHeaders.get('content-type')),
    };
    const env = { response };
    ctx.log(`${STEP}: ${what}: HTTP ${status}, ${Buffer.byteLength(text)} bytes`);

    const evaluate = (field: string, expr: CompiledExpr): unknown => {
      try {
        return expr.evaluate(env);
      } catch (err) {
        throw fail(
          `HTTP ${status} response: ${field} ${scrub(JSON.stringify(expr.source))}: ${scrub(errorMessage(err))}`,
        );
      }
    };
    const criterion = (field: string, expr: CompiledExpr | undefined): boolean | undefined => {
      if (!expr) return undefined;
      const v = evaluate(field, expr);
      if (typeof v !== 'boolean') {
        throw fail(
          `HTTP ${status} response: ${field} ${scrub(JSON.stringify(expr.source))} must evaluate to true or false, got ${scrub(formatValue(v))}`,
        );
      }
      return v;
    };

    // The failure criterion first: when it is met, a success criterion that does not fit the
    // (error-shaped) response does not hide it.
    const failed = criterion('failureExpression', cfg.failureExpression);
    if (failed === true) {
      let detail = '';
      if (cfg.errorExpression) {
        try {
          const msg = cfg.errorExpression.evaluate(env);
          if (typeof msg === 'string' && msg !== '') detail = `: ${JSON.stringify(scrub(msg))}`;
        } catch {
          // Kargo's rule: an errorExpression that does not fit the response gives the default.
        }
      }
      throw fail(`HTTP ${status} response met failureExpression${detail}`);
    }
    const succeeded = criterion('successExpression', cfg.successExpression);
    if (succeeded !== true) {
      if (succeeded === undefined && failed === undefined) {
        if (status < 200 || status > 299) {
          throw new StepPendingError(
            `${STEP}: ${what}: HTTP ${status} response; with no successExpression or failureExpression only a 2xx status succeeds`,
            pollMs,
          );
        }
      } else {
        const rule =
          succeeded === false
            ? 'did not meet successExpression'
            : 'did not meet failureExpression, and there is no successExpression (as in Kargo, a step with only a failureExpression never succeeds)';
        throw new StepPendingError(`${STEP}: ${what}: HTTP ${status} response ${rule}`, pollMs);
      }
    }

    const outputs: Record<string, unknown> = {};
    for (const o of cfg.outputs) {
      Object.defineProperty(outputs, o.name, {
        value: evaluate(`outputs ${JSON.stringify(o.name)} fromExpression`, o.expr),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return { outputs };
  },
};
