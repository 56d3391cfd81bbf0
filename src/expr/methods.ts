/**
 * Methods callable on values (`creatorDate.Year()`, `duration("1h").Minutes()`,
 * `semverParse(v).IncMinor().String()`), named as in Go. Plain data (strings, arrays, maps) has
 * no methods: expr-lang uses functions for those (`upper(s)`, not `s.upper()`).
 */
import { expectArgs } from './functions.js';
import { incVersion, semverOf } from './builtins.js';
import {
  addDate,
  addDuration,
  ExprDuration,
  ExprTime,
  formatTime,
  MONTHS,
  subTimes,
} from './time.js';
import { ExprVersion, typeName } from './values.js';

/** Go's zero time, 0001-01-01T00:00:00Z. */
const ZERO_TIME_MS = (() => {
  const d = new Date(0);
  d.setUTCFullYear(1, 0, 1);
  return d.getTime();
})();

type Method<T> = (self: T, args: readonly unknown[]) => unknown;

function noArgs<T>(name: string, f: (self: T) => unknown): Method<T> {
  return (self, args) => {
    expectArgs(name, args, []);
    return f(self);
  };
}

function otherTime(name: string, args: readonly unknown[]): ExprTime {
  const [t] = expectArgs(name, args, ['time']);
  return t as ExprTime;
}

const TIME_METHODS: Record<string, Method<ExprTime>> = {
  Year: noArgs('Year', (t) => t.wall().getUTCFullYear()),
  Month: noArgs('Month', (t) => t.wall().getUTCMonth() + 1),
  Day: noArgs('Day', (t) => t.wall().getUTCDate()),
  Hour: noArgs('Hour', (t) => t.wall().getUTCHours()),
  Minute: noArgs('Minute', (t) => t.wall().getUTCMinutes()),
  Second: noArgs('Second', (t) => t.wall().getUTCSeconds()),
  Nanosecond: noArgs('Nanosecond', (t) => t.wall().getUTCMilliseconds() * 1e6),
  Weekday: noArgs('Weekday', (t) => t.wall().getUTCDay()),
  YearDay: noArgs(
    'YearDay',
    (t) => Math.floor((t.wall().getTime() - Date.UTC(t.wall().getUTCFullYear(), 0, 1)) / 864e5) + 1,
  ),
  Unix: noArgs('Unix', (t) => Math.floor(t.ms / 1000)),
  UnixMilli: noArgs('UnixMilli', (t) => t.ms),
  UnixNano: noArgs('UnixNano', (t) => t.ms * 1e6),
  IsZero: noArgs('IsZero', (t) => t.ms === ZERO_TIME_MS),
  UTC: noArgs('UTC', (t) => new ExprTime(t.ms, 0)),
  String: noArgs('String', (t) => t.toString()),
  MonthName: noArgs('MonthName', (t) => MONTHS[t.wall().getUTCMonth()]),
  Before: (t, args) => t.ms < otherTime('Before', args).ms,
  After: (t, args) => t.ms > otherTime('After', args).ms,
  Equal: (t, args) => t.ms === otherTime('Equal', args).ms,
  Compare: (t, args) => Math.sign(t.ms - otherTime('Compare', args).ms),
  Sub: (t, args) => subTimes(t, otherTime('Sub', args)),
  Add: (t, args) => {
    const [d] = expectArgs('Add', args, ['any']);
    if (!(d instanceof ExprDuration))
      throw new Error(`Add(): argument must be duration, got ${typeName(d)}`);
    return addDuration(t, d);
  },
  AddDate: (t, args) => {
    const [y, m, d] = expectArgs('AddDate', args, ['int', 'int', 'int']) as number[];
    return addDate(t, y ?? 0, m ?? 0, d ?? 0);
  },
  Format: (t, args) => formatTime(t, expectArgs('Format', args, ['string'])[0] as string),
};

const DURATION_METHODS: Record<string, Method<ExprDuration>> = {
  Hours: noArgs('Hours', (d) => d.ns / 3600e9),
  Minutes: noArgs('Minutes', (d) => d.ns / 60e9),
  Seconds: noArgs('Seconds', (d) => d.ns / 1e9),
  Milliseconds: noArgs('Milliseconds', (d) => Math.trunc(d.ns / 1e6)),
  Microseconds: noArgs('Microseconds', (d) => Math.trunc(d.ns / 1e3)),
  Nanoseconds: noArgs('Nanoseconds', (d) => d.ns),
  Abs: noArgs('Abs', (d) => new ExprDuration(Math.abs(d.ns))),
  String: noArgs('String', (d) => d.toString()),
};

function otherVersion(name: string, args: readonly unknown[]): ExprVersion {
  const [v] = expectArgs(name, args, ['any']);
  const parsed = semverOf(name, v);
  if (!parsed) throw new Error(`${name}(): invalid semantic version ${JSON.stringify(v)}`);
  return parsed instanceof ExprVersion ? parsed : new ExprVersion(parsed.version, parsed.original);
}

const VERSION_METHODS: Record<string, Method<ExprVersion>> = {
  Major: noArgs('Major', (v) => v.version.major),
  Minor: noArgs('Minor', (v) => v.version.minor),
  Patch: noArgs('Patch', (v) => v.version.patch),
  Prerelease: noArgs('Prerelease', (v) => v.version.prerelease.join('.')),
  Metadata: noArgs('Metadata', (v) => v.version.build.join('.')),
  Original: noArgs('Original', (v) => v.original),
  String: noArgs('String', (v) => v.toString()),
  IncMajor: noArgs('IncMajor', (v) => incVersion(v, 'major')),
  IncMinor: noArgs('IncMinor', (v) => incVersion(v, 'minor')),
  IncPatch: noArgs('IncPatch', (v) => incVersion(v, 'patch')),
  Compare: (v, args) => v.version.compare(otherVersion('Compare', args).version),
  LessThan: (v, args) => v.version.compare(otherVersion('LessThan', args).version) < 0,
  GreaterThan: (v, args) => v.version.compare(otherVersion('GreaterThan', args).version) > 0,
  Equal: (v, args) => v.version.compare(otherVersion('Equal', args).version) === 0,
};

/** The method table for a value, or undefined when the value has no methods. */
export function methodsOf(v: unknown): ReadonlyMap<string, Method<unknown>> | undefined {
  if (v instanceof ExprTime) return TIME;
  if (v instanceof ExprDuration) return DURATION;
  if (v instanceof ExprVersion) return VERSION;
  return undefined;
}

// Maps, so that a method name can never reach Object.prototype.
const TIME = new Map(Object.entries(TIME_METHODS)) as ReadonlyMap<string, Method<unknown>>;
const DURATION = new Map(Object.entries(DURATION_METHODS)) as ReadonlyMap<string, Method<unknown>>;
const VERSION = new Map(Object.entries(VERSION_METHODS)) as ReadonlyMap<string, Method<unknown>>;
