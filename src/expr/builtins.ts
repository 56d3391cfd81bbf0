/**
 * Builtin functions: expr-lang's string, number, array, map, conversion and date functions, plus
 * Kargo's `semverParse` and `semverDiff`. The predicate builtins (`filter`, `map`, …) need the
 * evaluator and live there.
 */
import { inc, type SemVer } from 'semver';
import { parseVersion } from '../semver/parse.js';
import { expectArgs, type ExprFunction } from './functions.js';
import { parseDateAuto, parseDuration, parseTime, parseZone } from './time.js';
import {
  deepEqual,
  ExprDuration,
  ExprTime,
  ExprVersion,
  formatValue,
  isMap,
  mapKeys,
  marshalJSON,
  readKey,
  typeName,
} from './values.js';

type Fn = ExprFunction;

function str(name: string, args: readonly unknown[], n = 1): string[] {
  return expectArgs(name, args, Array<'string'>(n).fill('string')) as string[];
}

function roundHalfAway(n: number): number {
  return Math.sign(n) * Math.round(Math.abs(n));
}

/** Go's strings.SplitN / SplitAfterN. */
function splitN(s: string, sep: string, n: number, after: boolean): string[] {
  if (n === 0) return [];
  const parts: string[] = [];
  if (sep === '') {
    const chars = [...s];
    if (n < 0 || n >= chars.length) return chars;
    return [...chars.slice(0, n - 1), chars.slice(n - 1).join('')];
  }
  let rest = s;
  while (n < 0 || parts.length < n - 1) {
    const i = rest.indexOf(sep);
    if (i < 0) break;
    parts.push(rest.slice(0, after ? i + sep.length : i));
    rest = rest.slice(i + sep.length);
  }
  parts.push(rest);
  return parts;
}

function numbersOf(name: string, args: readonly unknown[]): number[] {
  const list = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  if (list.length === 0) throw new Error(`${name}(): needs at least one number`);
  return list.map((v) => {
    if (typeof v !== 'number') throw new Error(`${name}(): ${typeName(v)} is not a number`);
    return v;
  });
}

function compareSortable(a: unknown, b: unknown, name: string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof ExprTime && b instanceof ExprTime) return a.ms - b.ms;
  if (a instanceof ExprDuration && b instanceof ExprDuration) return a.ns - b.ns;
  throw new Error(`${name}(): cannot compare ${typeName(a)} and ${typeName(b)}`);
}

const SPACE = /^[\s\u0085]$/u;

/**
 * strings.TrimSpace. By hand: /[\s]+$/ tries every start in a run of spaces that is not at the
 * end, which is quadratic in the run's length. Every space character is in the BMP.
 */
function trimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && SPACE.test(s[a] ?? '')) a++;
  while (b > a && SPACE.test(s[b - 1] ?? '')) b--;
  return s.slice(a, b);
}

/** Go's strconv.ParseInt(s, 10, 64) as used by expr's int(). */
function parseGoInt(s: string): number {
  if (!/^[+-]?[0-9]+$/.test(s)) {
    throw new Error(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  }
  return Number(s);
}

/** Go's strconv.ParseFloat for decimal text. */
export function parseGoFloat(s: string): number | undefined {
  // Each digit belongs to exactly one place in the pattern, so a failed match cannot backtrack
  // quadratically (`[0-9]+\.?[0-9]*` could split a run of digits n ways).
  if (!/^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

export function semverOf(name: string, v: unknown): { version: SemVer; original: string } | null {
  if (v instanceof ExprVersion) return v;
  if (typeof v !== 'string') throw new Error(`${name}(): ${typeName(v)} is not a version string`);
  return parseVersion(v, false);
}

/** Kargo's semverDiff: which part differs first; prerelease differences are ignored. */
function semverDiff(args: readonly unknown[]): string {
  if (args.length !== 2) throw new Error(`semverDiff(): expected 2 arguments, got ${args.length}`);
  const a = semverOf('semverDiff', args[0]);
  const b = semverOf('semverDiff', args[1]);
  if (!a || !b) return 'Incomparable';
  if (a.version.major !== b.version.major) return 'Major';
  if (a.version.minor !== b.version.minor) return 'Minor';
  if (a.version.patch !== b.version.patch) return 'Patch';
  if (a.version.build.join('.') !== b.version.build.join('.')) return 'Metadata';
  return 'None';
}

/** Masterminds' IncMajor/IncMinor/IncPatch: prerelease and metadata are dropped. */
export function incVersion(v: ExprVersion, part: 'major' | 'minor' | 'patch'): ExprVersion {
  const sv = v.version;
  let text: string;
  if (part === 'patch' && sv.prerelease.length > 0) {
    text = `${sv.major}.${sv.minor}.${sv.patch}`;
  } else {
    text = inc(`${sv.major}.${sv.minor}.${sv.patch}`, part) ?? sv.version;
  }
  const parsed = parseVersion(text, false);
  if (!parsed) throw new Error(`cannot increment ${sv.version}`);
  const prefix = v.original.startsWith('v') ? 'v' : '';
  return new ExprVersion(parsed.version, prefix + text);
}

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

export const BUILTINS: Readonly<Record<string, Fn>> = {
  // ---- strings ----
  len: (args) => {
    const [v] = expectArgs('len', args, ['any']);
    if (typeof v === 'string') return [...v].length;
    if (Array.isArray(v)) return v.length;
    if (isMap(v)) return mapKeys(v).length;
    throw new Error(`len(): invalid argument for len (type ${typeName(v)})`);
  },
  lower: (args) => str('lower', args)[0]?.toLowerCase(),
  upper: (args) => str('upper', args)[0]?.toUpperCase(),
  trim: (args) => {
    const [s, chars] = expectArgs('trim', args, ['string'], ['string']) as [string, string?];
    if (chars === undefined) return trimSpace(s);
    const set = new Set(chars);
    const cps = [...s];
    let a = 0;
    let b = cps.length;
    while (a < b && set.has(cps[a] ?? '')) a++;
    while (b > a && set.has(cps[b - 1] ?? '')) b--;
    return cps.slice(a, b).join('');
  },
  trimPrefix: (args) => {
    const [s = '', p = ''] = str('trimPrefix', args, 2);
    return p !== '' && s.startsWith(p) ? s.slice(p.length) : s;
  },
  trimSuffix: (args) => {
    const [s = '', p = ''] = str('trimSuffix', args, 2);
    return p !== '' && s.endsWith(p) ? s.slice(0, s.length - p.length) : s;
  },
  split: (args, ctx) => {
    const [s, sep, n] = expectArgs('split', args, ['string', 'string'], ['int']) as [
      string,
      string,
      number?,
    ];
    ctx.charge(s.length / 64);
    const out = splitN(s, sep, n ?? -1, false);
    ctx.checkItems(out.length);
    return out;
  },
  splitAfter: (args, ctx) => {
    const [s, sep, n] = expectArgs('splitAfter', args, ['string', 'string'], ['int']) as [
      string,
      string,
      number?,
    ];
    ctx.charge(s.length / 64);
    const out = splitN(s, sep, n ?? -1, true);
    ctx.checkItems(out.length);
    return out;
  },
  join: (args, ctx) => {
    const [list, sep = ''] = expectArgs('join', args, ['array'], ['string']) as [
      unknown[],
      string?,
    ];
    let size = Math.max(0, list.length - 1) * sep.length;
    for (const item of list) {
      if (typeof item !== 'string') {
        throw new Error(`join(): array items must be strings, got ${typeName(item)}`);
      }
      size += item.length;
    }
    ctx.checkString(size);
    ctx.charge(list.length);
    return list.join(sep);
  },
  replace: (args, ctx) => {
    const [s = '', from = '', to = ''] = str('replace', args, 3);
    const parts = s.split(from);
    ctx.checkString(s.length + (parts.length - 1) * (to.length - from.length));
    ctx.charge(s.length / 64);
    return parts.join(to);
  },
  hasPrefix: (args) => {
    const [s = '', p = ''] = str('hasPrefix', args, 2);
    return s.startsWith(p);
  },
  hasSuffix: (args) => {
    const [s = '', p = ''] = str('hasSuffix', args, 2);
    return s.endsWith(p);
  },
  indexOf: (args) => {
    const [s = '', sub = ''] = str('indexOf', args, 2);
    return s.indexOf(sub);
  },
  lastIndexOf: (args) => {
    const [s = '', sub = ''] = str('lastIndexOf', args, 2);
    return s.lastIndexOf(sub);
  },
  repeat: (args, ctx) => {
    const [s, n] = expectArgs('repeat', args, ['string', 'int']) as [string, number];
    if (n < 0) throw new Error('repeat(): negative repeat count');
    ctx.checkString(s.length * n);
    ctx.charge((s.length * n) / 64);
    return s.repeat(n);
  },

  // ---- conversions ----
  string: (args, ctx) => {
    const [v] = expectArgs('string', args, ['any']);
    const out = formatValue(v);
    ctx.checkString(out.length);
    return out;
  },
  int: (args) => {
    const [v] = expectArgs('int', args, ['any']);
    if (typeof v === 'number') return Math.trunc(v);
    if (typeof v === 'string') return parseGoInt(v);
    throw new Error(`int(): invalid operation: int(${typeName(v)})`);
  },
  float: (args) => {
    const [v] = expectArgs('float', args, ['any']);
    if (typeof v === 'number') return v;
    if (typeof v === 'string') {
      const n = parseGoFloat(v);
      if (n === undefined) {
        throw new Error(`strconv.ParseFloat: parsing ${JSON.stringify(v)}: invalid syntax`);
      }
      return n;
    }
    throw new Error(`float(): invalid operation: float(${typeName(v)})`);
  },
  type: (args) => typeName(expectArgs('type', args, ['any'])[0]),
  toJSON: (args, ctx) => {
    const out = marshalJSON(expectArgs('toJSON', args, ['any'])[0], '  ');
    ctx.checkString(out.length);
    return out;
  },
  fromJSON: (args, ctx) => {
    const [s = ''] = str('fromJSON', args);
    ctx.charge(s.length / 64);
    try {
      return JSON.parse(s) as unknown;
    } catch (err) {
      throw new Error(`fromJSON(): ${(err as Error).message}`, { cause: err });
    }
  },
  toBase64: (args) => b64(str('toBase64', args)[0] ?? ''),
  fromBase64: (args) => {
    const [s = ''] = str('fromBase64', args);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) {
      throw new Error('fromBase64(): illegal base64 data');
    }
    return Buffer.from(s, 'base64').toString('utf8');
  },

  // ---- numbers ----
  abs: (args) => Math.abs(expectArgs('abs', args, ['number'])[0] as number),
  ceil: (args) => Math.ceil(expectArgs('ceil', args, ['number'])[0] as number),
  floor: (args) => Math.floor(expectArgs('floor', args, ['number'])[0] as number),
  round: (args) => roundHalfAway(expectArgs('round', args, ['number'])[0] as number),
  max: (args) => Math.max(...numbersOf('max', args)),
  min: (args) => Math.min(...numbersOf('min', args)),
  mean: (args) => {
    const ns = numbersOf('mean', args);
    return ns.reduce((a, b) => a + b, 0) / ns.length;
  },
  median: (args) => {
    const ns = numbersOf('median', args).sort((a, b) => a - b);
    const mid = Math.floor(ns.length / 2);
    return ns.length % 2 ? (ns[mid] ?? 0) : ((ns[mid - 1] ?? 0) + (ns[mid] ?? 0)) / 2;
  },

  // ---- arrays ----
  first: (args) => {
    const [list] = expectArgs('first', args, ['array']) as [unknown[]];
    return list.length ? list[0] : null;
  },
  last: (args) => {
    const [list] = expectArgs('last', args, ['array']) as [unknown[]];
    return list.length ? list[list.length - 1] : null;
  },
  take: (args) => {
    const [list, n] = expectArgs('take', args, ['array', 'int']) as [unknown[], number];
    return list.slice(0, Math.max(0, n));
  },
  reverse: (args) => [...(expectArgs('reverse', args, ['array'])[0] as unknown[])].reverse(),
  uniq: (args, ctx) => {
    const [list] = expectArgs('uniq', args, ['array']) as [unknown[]];
    const out: unknown[] = [];
    for (const v of list) {
      ctx.charge(out.length + 1);
      if (!out.some((o) => deepEqual(o, v))) out.push(v);
    }
    return out;
  },
  flatten: (args, ctx) => {
    const [list] = expectArgs('flatten', args, ['array']) as [unknown[]];
    const out: unknown[] = [];
    const walk = (l: readonly unknown[], depth: number): void => {
      if (depth > 100) throw new Error('flatten(): arrays nest too deeply');
      for (const v of l) {
        if (Array.isArray(v)) walk(v, depth + 1);
        else out.push(v);
        ctx.checkItems(out.length);
      }
    };
    walk(list, 0);
    ctx.charge(out.length);
    return out;
  },
  concat: (args, ctx) => {
    const lists = args.map((a, i) => {
      if (!Array.isArray(a)) throw new Error(`concat(): argument ${i + 1} must be array`);
      return a as unknown[];
    });
    const size = lists.reduce((n, l) => n + l.length, 0);
    ctx.checkItems(size);
    ctx.charge(size);
    return lists.flat(1);
  },
  sort: (args, ctx) => {
    const [list, order = 'asc'] = expectArgs('sort', args, ['array'], ['string']) as [
      unknown[],
      string?,
    ];
    if (order !== 'asc' && order !== 'desc') throw new Error('sort(): order must be asc or desc');
    ctx.charge(list.length * Math.log2(list.length + 1));
    const out = [...list].sort((a, b) => compareSortable(a, b, 'sort'));
    return order === 'desc' ? out.reverse() : out;
  },

  // ---- maps ----
  keys: (args) => {
    const [m] = expectArgs('keys', args, ['map']) as [Record<string, unknown>];
    return mapKeys(m);
  },
  values: (args) => {
    const [m] = expectArgs('values', args, ['map']) as [Record<string, unknown>];
    return mapKeys(m).map((k) => readKey(m, k).value);
  },
  get: (args) => {
    const [c, k] = expectArgs('get', args, ['any', 'any']);
    if (Array.isArray(c) && typeof k === 'number' && Number.isInteger(k)) {
      const i = k < 0 ? c.length + k : k;
      return i >= 0 && i < c.length ? c[i] : null;
    }
    if (isMap(c) && (typeof k === 'string' || typeof k === 'number')) {
      return readKey(c, String(k)).value;
    }
    return null;
  },

  // ---- dates ----
  now: (args, ctx) => {
    expectArgs('now', args, []);
    return ExprTime.fromDate(ctx.now());
  },
  date: (args) => {
    const [v, layout, zone] = expectArgs('date', args, ['any'], ['string', 'string']) as [
      unknown,
      string?,
      string?,
    ];
    if (v instanceof ExprTime) return v;
    if (typeof v === 'number') return new ExprTime(v * 1000);
    if (typeof v !== 'string') throw new Error(`date(): cannot make a date of ${typeName(v)}`);
    const offset = zone === undefined ? 0 : parseZone(zone);
    return layout === undefined ? parseDateAuto(v, offset) : parseTime(layout, v, offset);
  },
  duration: (args) => parseDuration(str('duration', args)[0] ?? ''),

  // ---- Kargo ----
  semverParse: (args) => {
    const [v] = expectArgs('semverParse', args, ['string']) as [string];
    const parsed = parseVersion(v, false);
    if (!parsed) throw new Error(`semverParse(): invalid semantic version ${JSON.stringify(v)}`);
    return new ExprVersion(parsed.version, parsed.original);
  },
  semverDiff: (args) => semverDiff(args),
};
