/**
 * The value model of the expression language and the sandbox rules for reading values.
 *
 * Values are: `null` (expr's `nil`; `undefined` from the environment reads as nil), booleans,
 * numbers (one JS number type for expr's int and float: an integral number is an int), strings,
 * arrays, maps (plain objects or `Map`s with string keys), `ExprTime`, `ExprDuration`, and
 * `ExprVersion` (from `semverParse`). A JS `Date` in the environment reads as an `ExprTime`.
 *
 * Reading a field or an item is the only way into a value, and it only ever sees own, enumerable
 * data properties of plain objects (prototype `Object.prototype` or null), entries of `Map`s and
 * in-range items of arrays. `__proto__`, `constructor` and `prototype` are refused by name even
 * when present as own keys, getters are never run, and class instances are opaque. Nothing in
 * this module writes to a value it was given.
 */
import type { SemVer } from 'semver';
import { ExprDuration, ExprTime, TimeError } from './time.js';

export { ExprDuration, ExprTime };

/** Map an error thrown by a builtin or a method into one the evaluator reports at a position. */
export class ValueError extends Error {}

/** Names that are never readable, whatever the value. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.has(key);
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

export function isMap(v: unknown): v is Record<string, unknown> | ReadonlyMap<unknown, unknown> {
  return isPlainObject(v) || v instanceof Map;
}

/** A semantic version from `semverParse`, with Masterminds/semver's method names. */
export class ExprVersion {
  readonly version: SemVer;
  readonly original: string;
  constructor(version: SemVer, original: string) {
    this.version = version;
    this.original = original;
  }
  toString(): string {
    return this.version.version;
  }
}

export type Scalar = null | boolean | number | string;

export function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'nil';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(v) ? 'int' : 'float';
    case 'string':
      return 'string';
    case 'function':
      return 'func';
  }
  if (Array.isArray(v)) return 'array';
  if (v instanceof ExprTime || v instanceof Date) return 'time';
  if (v instanceof ExprDuration) return 'duration';
  if (v instanceof ExprVersion) return 'version';
  if (isMap(v)) return 'map';
  return 'unsupported';
}

/** Normalise a value read from the environment or a function: undefined → nil, Date → time. */
export function normalize(v: unknown): unknown {
  if (v === undefined) return null;
  if (v instanceof Date) return ExprTime.fromDate(v);
  return v;
}

/**
 * A typed record: what Kargo's functions return as Go structs (`imageFrom()` → `Image`). It is a
 * plain map in every other respect (JSON, `%v`, `==`, iteration), but reading a field it does not
 * have is an error instead of nil, as expr-lang reports for a struct: a typo such as `.Tga` must
 * not quietly become `null` in a committed file.
 */
const STRUCT_TYPE = Symbol('exprStructType');

export function makeStruct(
  type: string,
  fields: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out = makeMap(Object.entries(fields));
  // Not enumerable: invisible to keys(), JSON and spreads, so a copy is a plain map again.
  Object.defineProperty(out, STRUCT_TYPE, { value: type, enumerable: false });
  return out;
}

/** The struct type name of a value made by `makeStruct`, else undefined. */
export function structType(v: unknown): string | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const t = (v as { [STRUCT_TYPE]?: unknown })[STRUCT_TYPE];
  return typeof t === 'string' ? t : undefined;
}

/** Own enumerable data property of a plain object, or Map entry; undefined when absent. */
export function readKey(
  obj: Record<string, unknown> | ReadonlyMap<unknown, unknown>,
  key: string,
): {
  found: boolean;
  value: unknown;
} {
  if (FORBIDDEN_KEYS.has(key))
    throw new ValueError(`access to ${JSON.stringify(key)} is not allowed`);
  if (obj instanceof Map) {
    return obj.has(key)
      ? { found: true, value: normalize(obj.get(key)) }
      : { found: false, value: null };
  }
  const desc = Object.getOwnPropertyDescriptor(obj, key);
  if (!desc || !desc.enumerable || !('value' in desc)) return { found: false, value: null };
  return { found: true, value: normalize(desc.value) };
}

/** Keys of a map in insertion order (own enumerable string keys for objects). */
export function mapKeys(obj: Record<string, unknown> | ReadonlyMap<unknown, unknown>): string[] {
  if (obj instanceof Map) return [...obj.keys()].map((k) => String(k));
  return Object.keys(obj).filter((k) => {
    const desc = Object.getOwnPropertyDescriptor(obj, k);
    return desc !== undefined && 'value' in desc && !FORBIDDEN_KEYS.has(k);
  });
}

/** A fresh plain object; keys are defined, never assigned, so `__proto__` is just a key. */
export function makeMap(entries: Iterable<readonly [string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    Object.defineProperty(out, k, {
      value: v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

const MAX_DEPTH = 100;
/** Nodes one deep walk may visit: shared sub-values (a DAG) could otherwise blow up. */
const MAX_VISITS = 200_000;

/** Per-walk counter of visited nodes. */
interface Visits {
  n: number;
}

function depthGuard(depth: number, visits?: Visits): void {
  if (depth > MAX_DEPTH) throw new ValueError(`value nests more than ${MAX_DEPTH} levels deep`);
  if (visits && ++visits.n > MAX_VISITS) {
    throw new ValueError(`value has more than ${MAX_VISITS} parts`);
  }
}

/** expr's `==`: numbers by value, times by instant, arrays and maps deeply. */
export function deepEqual(a: unknown, b: unknown, depth = 0, visits: Visits = { n: 0 }): boolean {
  depthGuard(depth, visits);
  a = normalize(a);
  b = normalize(b);
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (a instanceof ExprTime && b instanceof ExprTime) return a.ms === b.ms;
  if (a instanceof ExprDuration && b instanceof ExprDuration) return a.ns === b.ns;
  if (a instanceof ExprVersion && b instanceof ExprVersion)
    return (
      a.version.compare(b.version) === 0 && a.version.build.join('.') === b.version.build.join('.')
    );
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i], depth + 1, visits));
  }
  if (isMap(a) && isMap(b)) {
    const ka = mapKeys(a);
    const kb = mapKeys(b);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => {
      const rb = readKey(b, k);
      return rb.found && deepEqual(readKey(a, k).value, rb.value, depth + 1, visits);
    });
  }
  return false;
}

// ---- Go's %v --------------------------------------------------------------------------------

/** Go's `%v` of a float64 that is not integral: shortest digits, `%e` form for tiny/huge. */
function goFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const [mant = '', expText = '0'] = n.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 21 || (!Number.isInteger(n) && exp >= 6)) {
    const e = Math.abs(exp);
    return `${mant}e${exp < 0 ? '-' : '+'}${e < 10 ? `0${e}` : e}`;
  }
  return String(n);
}

/**
 * Go's `fmt.Sprintf("%v", v)`, which is what expr's `string()` and Kargo's bool parsing of
 * non-bool results use: `[1 2]`, `map[a:1 b:2]`, `<nil>`.
 */
export function formatValue(v: unknown, depth = 0, visits: Visits = { n: 0 }): string {
  depthGuard(depth, visits);
  v = normalize(v);
  if (v === null) return '<nil>';
  switch (typeof v) {
    case 'string':
      return v;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return goFloat(v);
  }
  if (Array.isArray(v)) return `[${v.map((x) => formatValue(x, depth + 1, visits)).join(' ')}]`;
  if (v instanceof ExprTime || v instanceof ExprDuration || v instanceof ExprVersion)
    return v.toString();
  if (isMap(v)) {
    const keys = mapKeys(v).sort();
    return `map[${keys.map((k) => `${k}:${formatValue(readKey(v, k).value, depth + 1, visits)}`).join(' ')}]`;
  }
  return `<${typeName(v)}>`;
}

// ---- Go's encoding/json ---------------------------------------------------------------------

const HTML_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

function jsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * Go's `json.Marshal` (or `MarshalIndent` with `indent`): map keys sorted, `<>&` escaped, times
 * as RFC 3339 strings, durations as nanoseconds, versions as strings. NaN, ±Inf and values that
 * are not data (functions, class instances) are errors, as in Go.
 */
export function marshalJSON(v: unknown, indent = '', depth = 0, visits: Visits = { n: 0 }): string {
  depthGuard(depth, visits);
  v = normalize(v);
  const nl = indent ? `\n${indent.repeat(depth + 1)}` : '';
  const close = indent ? `\n${indent.repeat(depth)}` : '';
  const colon = indent ? ': ' : ':';
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return jsonString(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(v)) throw new ValueError(`json: unsupported value: ${goFloat(v)}`);
      return String(v);
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[${v.map((x) => nl + marshalJSON(x, indent, depth + 1, visits)).join(',')}${close}]`;
  }
  if (v instanceof ExprTime) return jsonString(v.toJSON());
  if (v instanceof ExprDuration) return String(v.ns);
  if (v instanceof ExprVersion) return jsonString(v.toString());
  if (isMap(v)) {
    const keys = mapKeys(v).sort();
    if (keys.length === 0) return '{}';
    const parts = keys.map(
      (k) =>
        nl + jsonString(k) + colon + marshalJSON(readKey(v, k).value, indent, depth + 1, visits),
    );
    return `{${parts.join(',')}${close}}`;
  }
  throw new ValueError(`json: unsupported type: ${typeName(v)}`);
}

/** The value as plain JSON data (what a Go program would see after a marshal round trip). */
export function toPlain(v: unknown): unknown {
  return JSON.parse(marshalJSON(v)) as unknown;
}

export function isTimeError(err: unknown): err is TimeError {
  return err instanceof TimeError;
}
