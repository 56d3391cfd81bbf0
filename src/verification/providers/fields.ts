/**
 * Checks shared by the providers' `parse`, with errors that name the metric, the provider and the
 * field: `verification metric "smoke": provider http: url: …`.
 * Declared functions, so that TypeScript narrows after a call to the `never` ones.
 */
import { parseDuration } from '../../pipeline/duration.js';
import { ConfigError, errorMessage } from '../../util/errors.js';
import { didYouMean } from '../../util/suggest.js';

import { fieldError as fail } from '../../util/errors.js';
import { isRecord } from '../../util/guards.js';

export { fail, isRecord };

/** The config itself must be a mapping holding only `fields`. */
export function checkConfig(
  where: string,
  provider: string,
  config: unknown,
  fields: readonly string[],
): Record<string, unknown> {
  if (!isRecord(config)) {
    throw new ConfigError(
      `${where}: must be a mapping with the fields of the ${provider} provider`,
    );
  }
  for (const key of Object.keys(config)) {
    if (!fields.includes(key)) {
      const hint = didYouMean(key, fields);
      fail(
        where,
        key,
        `is not a field of the ${provider} provider${hint || ` (fields: ${fields.join(', ')})`}`,
      );
    }
  }
  return config;
}

/**
 * `obj[field]` when it passes `ok`, undefined when it is missing or null; anything else fails
 * with `message` (a function of the value when the message shows it).
 */
function optional<T>(
  where: string,
  obj: Record<string, unknown>,
  field: string,
  ok: (v: unknown) => v is T,
  message: string | ((v: unknown) => string),
): T | undefined {
  const v = obj[field];
  if (v === undefined || v === null) return undefined;
  if (!ok(v)) fail(where, field, typeof message === 'string' ? message : message(v));
  return v;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNonEmptyString = (v: unknown): v is string => isString(v) && v.trim() !== '';
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isPositiveInt = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v > 0;

export function optionalString(where: string, obj: Record<string, unknown>, field: string) {
  return optional(where, obj, field, isString, 'must be a string');
}

/** A string with more than blanks in it, as given (not trimmed). */
export function optionalNonEmptyString(where: string, obj: Record<string, unknown>, field: string) {
  return optional(where, obj, field, isNonEmptyString, 'must be a non-empty string');
}

export function requiredString(where: string, obj: Record<string, unknown>, field: string) {
  const v = optionalNonEmptyString(where, obj, field);
  if (v === undefined) fail(where, field, 'is required');
  return v;
}

export function optionalBool(where: string, obj: Record<string, unknown>, field: string) {
  return optional(where, obj, field, isBool, 'must be true or false');
}

export function optionalPositiveInt(where: string, obj: Record<string, unknown>, field: string) {
  return optional(
    where,
    obj,
    field,
    isPositiveInt,
    (v) => `must be a whole number of seconds above 0, got ${JSON.stringify(v)}`,
  );
}

/** A Go duration (`30s`), or a number of seconds; milliseconds, above 0. */
export function optionalTimeout(
  where: string,
  obj: Record<string, unknown>,
  field: string,
): number | undefined {
  const v = obj[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v <= 0) fail(where, field, 'must be more than 0 seconds');
    return v * 1000;
  }
  if (typeof v !== 'string') fail(where, field, 'must be a duration such as 30s, or seconds');
  let ms: number;
  try {
    ms = parseDuration(v);
  } catch (err) {
    fail(where, field, errorMessage(err));
  }
  if (ms <= 0) fail(where, field, 'must be more than 0');
  return ms;
}

/** An absolute http(s) URL. */
export function httpURL(where: string, field: string, text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    fail(where, field, `${JSON.stringify(text)} is not an absolute URL (http://… or https://…)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    fail(where, field, `must be an http:// or https:// URL, not ${JSON.stringify(text)}`);
  }
  return url;
}

export interface Header {
  name: string;
  value: string;
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Headers as Argo Rollouts writes them (`[{key, value}]`), or `[{name, value}]`, or a mapping
 * `{Name: value}`.
 */
export function headers(where: string, obj: Record<string, unknown>, field: string): Header[] {
  const v = obj[field];
  if (v === undefined || v === null) return [];
  const out: Header[] = [];
  const add = (at: string, name: unknown, value: unknown): void => {
    if (typeof name !== 'string' || !HEADER_NAME.test(name)) {
      fail(
        where,
        at,
        `header name must be a token such as Authorization, got ${JSON.stringify(name)}`,
      );
    }
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      fail(where, at, 'header value must be a string');
    }
    const text = String(value);
    if (/[\r\n\0]/.test(text)) fail(where, at, 'header value must not hold line breaks');
    out.push({ name, value: text });
  };
  if (Array.isArray(v)) {
    v.forEach((h, i) => {
      const at = `${field}[${i}]`;
      if (!isRecord(h)) fail(where, at, 'must be a mapping {key: <name>, value: <value>}');
      for (const k of Object.keys(h)) {
        if (!['key', 'name', 'value'].includes(k)) {
          fail(where, `${at}.${k}`, 'is not a header field (key or name, and value)');
        }
      }
      if (h.key !== undefined && h.name !== undefined) {
        fail(where, at, 'set key or name, not both');
      }
      add(at, h.key ?? h.name, h.value);
    });
  } else if (isRecord(v)) {
    for (const [name, value] of Object.entries(v)) add(`${field}.${name}`, name, value);
  } else {
    fail(where, field, 'must be a list of {key, value} (or a mapping of name to value)');
  }
  return out;
}

/** Headers whose values are not worth hiding; every other header value is a secret. */
const PLAIN_HEADERS = new Set(['accept', 'content-type', 'user-agent', 'accept-encoding']);

export function isSecretHeader(name: string): boolean {
  return !PLAIN_HEADERS.has(name.toLowerCase());
}
