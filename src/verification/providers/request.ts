/**
 * One HTTP request for the http and prometheus providers: through the adapter's fetch, with a
 * per-request timeout on top of the measurement's signal, an optional TLS-verification bypass,
 * and a cap on the body it reads. Errors say what was asked and what went wrong, in one line.
 */
import type { Agent } from 'undici';
import { formatDuration } from '../../pipeline/duration.js';
import { errorMessage } from '../../util/errors.js';
import { BodyTooLargeError, readText } from '../../util/http-body.js';
import type { ProviderContext } from '../types.js';
import type { Header } from './fields.js';

/**
 * Most of a response body the http and prometheus providers read: a health endpoint's JSON or
 * a query's vector, which gantry reduces to one value. A range query over many series that
 * needs more is better aggregated in PromQL.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

let insecureAgent: Agent | undefined;

export interface RequestOptions {
  method: string;
  headers: readonly Header[];
  body?: string;
  timeoutMs: number;
  insecure?: boolean;
}

export interface Response {
  status: number;
  statusText: string;
  /** Lower-case names; several values of one name joined with `, `. */
  headers: Record<string, string>;
  text: string;
}

/** Why a fetch failed, from the undici error and its cause (`connect ECONNREFUSED …`). */
function failure(err: unknown): string {
  const cause = (err as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: string }).code;
    const msg = cause.message || code || errorMessage(err);
    return code && !msg.includes(code) ? `${code}: ${msg}` : msg;
  }
  return errorMessage(err);
}

/** Send the request; throws an Error with a readable message (the runner records an Error). */
export async function sendRequest(
  ctx: ProviderContext,
  url: string,
  opts: RequestOptions,
): Promise<Response> {
  // undici only for an unverified TLS connection: every verify loads this module.
  if (opts.insecure) {
    insecureAgent ??= new (await import('undici')).Agent({
      connect: { rejectUnauthorized: false },
    });
  }
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new Error('request timeout')), opts.timeoutMs);
  const signal = AbortSignal.any([ctx.signal, timeout.signal]);
  const headers = new Headers();
  for (const h of opts.headers) headers.append(h.name, h.value);
  if (!headers.has('user-agent')) headers.set('user-agent', 'gantry');
  const what = `${opts.method} ${url}`;
  try {
    const init: RequestInit & { dispatcher?: Agent } = {
      method: opts.method,
      headers,
      signal,
      redirect: 'follow',
      ...(opts.body !== undefined && { body: opts.body }),
      ...(opts.insecure && insecureAgent && { dispatcher: insecureAgent }),
    };
    const res = await ctx.fetch(url, init);
    const text = await readText(res, { url, maxBytes: MAX_BODY_BYTES, what: 'the response' });
    const out: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      out[name] = value;
    });
    return { status: res.status, statusText: res.statusText, headers: out, text };
  } catch (err) {
    if (err instanceof BodyTooLargeError) throw err;
    if (timeout.signal.aborted && !ctx.signal.aborted) {
      throw new Error(`${what}: no response within ${formatDuration(opts.timeoutMs)}`, {
        cause: err,
      });
    }
    if (ctx.signal.aborted) throw err;
    throw new Error(`${what}: ${failure(err)}`, { cause: err });
  } finally {
    clearTimeout(timer);
  }
}

/** The start of a body, on one line, for error messages. */
export function snippet(text: string, max = 200): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
