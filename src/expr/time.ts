/**
 * Time values for expressions, shaped like Go's `time.Time` and `time.Duration` because that is
 * what Kargo users call methods on (`creatorDate.Year()`, `now().Sub(t).Hours()`).
 *
 * - `ExprTime` is an instant (millisecond precision; Go has nanoseconds) with a fixed UTC offset.
 *   Named zones other than UTC are not modelled: a time parsed with `+02:00` keeps that offset,
 *   and `Year()`, `Hour()`, `Format()` read the wall clock at that offset, as Go does.
 * - `ExprDuration` is a signed number of nanoseconds (a JS number, so exact up to ~104 days).
 * - Layouts are Go reference layouts (`2006-01-02T15:04:05Z07:00`), used by `Format` and `date`.
 */
import { formatDuration as formatGo, scanDuration } from '../util/duration.js';
import { compileRegex } from '../util/regex-core.js';

const NS_PER_MS = 1e6;
const MINUTE_MS = 60_000;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Thrown for malformed durations, layouts and dates; the evaluator adds the position. */
export class TimeError extends Error {}

export class ExprDuration {
  readonly ns: number;
  constructor(ns: number) {
    this.ns = ns;
  }

  /** Go's `Duration.String()`: `1h2m3.5s`, `1.5ms`, `0s`. */
  toString(): string {
    return formatDuration(this.ns);
  }
}

export class ExprTime {
  /** Milliseconds since the Unix epoch. */
  readonly ms: number;
  /** Offset of the wall clock from UTC, in minutes. */
  readonly offsetMinutes: number;

  constructor(ms: number, offsetMinutes = 0) {
    if (!Number.isFinite(ms)) throw new TimeError('invalid time');
    this.ms = ms;
    this.offsetMinutes = offsetMinutes;
  }

  static fromDate(d: Date): ExprTime {
    return new ExprTime(d.getTime(), 0);
  }

  toDate(): Date {
    return new Date(this.ms);
  }

  /** The wall clock at this time's offset, as a UTC-based Date (read it with getUTC*). */
  wall(): Date {
    return new Date(this.ms + this.offsetMinutes * MINUTE_MS);
  }

  /** Go's `Time.String()`: `2006-01-02 15:04:05.999999999 -0700 MST`. */
  toString(): string {
    return formatTime(this, '2006-01-02 15:04:05.999999999 -0700 MST');
  }

  /** RFC 3339 with fractional seconds when present, as Go marshals times to JSON. */
  toJSON(): string {
    return formatTime(this, '2006-01-02T15:04:05.999999999Z07:00');
  }
}

// ---- durations ----------------------------------------------------------------------------

/** Go's `time.ParseDuration`: `300ms`, `-1.5h`, `2h45m`; units ns, us (µs), ms, s, m, h. */
export function parseDuration(text: string): ExprDuration {
  const found = scanDuration(text);
  if (found.ok) return new ExprDuration(found.sign * Math.round(found.ns));
  if (found.reason === 'unknown-unit') {
    throw new TimeError(
      `time: unknown unit ${JSON.stringify(found.unit)} in duration ${JSON.stringify(text)}`,
    );
  }
  throw new TimeError(`time: invalid duration ${JSON.stringify(text)}`);
}

function trimFraction(digits: string): string {
  return digits.replace(/0+$/, '');
}

/** Go's `Duration.String()`. */
export function formatDuration(ns: number): string {
  return formatGo(ns, 'go');
}

// ---- layouts ------------------------------------------------------------------------------

type Chunk =
  | { lit: string }
  | {
      std: string;
      /** Fractional seconds: number of digits, and whether trailing zeros are dropped. */
      frac?: { digits: number; trim: boolean; sep: string };
    };

/** Go layout elements, longest first where one is a prefix of another. */
const STD = [
  'January',
  'Jan',
  'Monday',
  'Mon',
  'MST',
  '2006',
  '-07:00:00',
  '-070000',
  '-07:00',
  '-0700',
  '-07',
  'Z07:00:00',
  'Z070000',
  'Z07:00',
  'Z0700',
  'Z07',
  '002',
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '_2',
  '15',
  '1',
  '2',
  '3',
  '4',
  '5',
  'PM',
  'pm',
];

const layoutCache = new Map<string, Chunk[]>();

function chunksOf(layout: string): Chunk[] {
  const cached = layoutCache.get(layout);
  if (cached) return cached;
  const chunks: Chunk[] = [];
  let lit = '';
  let i = 0;
  outer: while (i < layout.length) {
    const frac = /^([.,])(0+|9+)(?!\d)/.exec(layout.slice(i));
    // Fractional seconds only directly after a seconds element, as in Go.
    if (frac && /(05|5)$/.test(layout.slice(0, i))) {
      if (lit) chunks.push({ lit });
      lit = '';
      const digits = frac[2] ?? '';
      chunks.push({
        std: 'frac',
        frac: { digits: digits.length, trim: digits[0] === '9', sep: frac[1] ?? '.' },
      });
      i += frac[0].length;
      continue;
    }
    for (const std of STD) {
      if (layout.startsWith(std, i)) {
        if (lit) chunks.push({ lit });
        lit = '';
        chunks.push({ std });
        i += std.length;
        continue outer;
      }
    }
    lit += layout[i];
    i++;
  }
  if (lit) chunks.push({ lit });
  if (layoutCache.size > 100) layoutCache.clear();
  layoutCache.set(layout, chunks);
  return chunks;
}

function pad(n: number, width: number, fill = '0'): string {
  return String(n).padStart(width, fill);
}

function formatOffset(minutes: number, std: string): string {
  if (std.startsWith('Z') && minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = pad(Math.floor(abs / 60), 2);
  const mm = pad(abs % 60, 2);
  const body = std.replace(/^Z/, '-');
  switch (body) {
    case '-07':
      return `${sign}${hh}`;
    case '-0700':
      return `${sign}${hh}${mm}`;
    case '-07:00':
      return `${sign}${hh}:${mm}`;
    case '-070000':
      return `${sign}${hh}${mm}00`;
    default:
      return `${sign}${hh}:${mm}:00`;
  }
}

/** Go's `Time.Format(layout)`. */
export function formatTime(t: ExprTime, layout: string): string {
  const w = t.wall();
  const year = w.getUTCFullYear();
  const month = w.getUTCMonth();
  const day = w.getUTCDate();
  const hour = w.getUTCHours();
  let out = '';
  for (const c of chunksOf(layout)) {
    if ('lit' in c) {
      out += c.lit;
      continue;
    }
    switch (c.std) {
      case 'January':
        out += MONTHS[month];
        break;
      case 'Jan':
        out += (MONTHS[month] ?? '').slice(0, 3);
        break;
      case 'Monday':
        out += DAYS[w.getUTCDay()];
        break;
      case 'Mon':
        out += (DAYS[w.getUTCDay()] ?? '').slice(0, 3);
        break;
      case 'MST':
        out += t.offsetMinutes === 0 ? 'UTC' : formatOffset(t.offsetMinutes, '-0700');
        break;
      case '2006':
        out += pad(year, 4);
        break;
      case '06':
        out += pad(year % 100, 2);
        break;
      case '01':
        out += pad(month + 1, 2);
        break;
      case '1':
        out += String(month + 1);
        break;
      case '02':
        out += pad(day, 2);
        break;
      case '_2':
        out += pad(day, 2, ' ');
        break;
      case '2':
        out += String(day);
        break;
      case '002': {
        const start = Date.UTC(year, 0, 1);
        out += pad(Math.floor((w.getTime() - start) / 86_400_000) + 1, 3);
        break;
      }
      case '15':
        out += pad(hour, 2);
        break;
      case '03':
        out += pad(hour % 12 === 0 ? 12 : hour % 12, 2);
        break;
      case '3':
        out += String(hour % 12 === 0 ? 12 : hour % 12);
        break;
      case '04':
        out += pad(w.getUTCMinutes(), 2);
        break;
      case '4':
        out += String(w.getUTCMinutes());
        break;
      case '05':
        out += pad(w.getUTCSeconds(), 2);
        break;
      case '5':
        out += String(w.getUTCSeconds());
        break;
      case 'PM':
        out += hour >= 12 ? 'PM' : 'AM';
        break;
      case 'pm':
        out += hour >= 12 ? 'pm' : 'am';
        break;
      case 'frac': {
        const f = c.frac ?? { digits: 3, trim: false, sep: '.' };
        let digits = pad(w.getUTCMilliseconds(), 3).padEnd(9, '0').slice(0, f.digits);
        if (f.trim) digits = trimFraction(digits);
        if (digits) out += f.sep + digits;
        break;
      }
      default:
        out += formatOffset(t.offsetMinutes, c.std);
    }
  }
  return out;
}

const OFFSET_PATTERNS: Record<string, string> = {
  '-07': '[+-]\\d{2}',
  '-0700': '[+-]\\d{4}',
  '-07:00': '[+-]\\d{2}:\\d{2}',
  '-070000': '[+-]\\d{6}',
  '-07:00:00': '[+-]\\d{2}:\\d{2}:\\d{2}',
};

function stdPattern(c: Chunk & { std: string }): string {
  switch (c.std) {
    case 'January':
      return MONTHS.join('|');
    case 'Jan':
      return MONTHS.map((m) => m.slice(0, 3)).join('|');
    case 'Monday':
      return DAYS.join('|');
    case 'Mon':
      return DAYS.map((d) => d.slice(0, 3)).join('|');
    case 'MST':
      return '[A-Z]{3,5}|[+-]\\d{4}';
    case '2006':
      return '\\d{4}';
    case '002':
      return '\\d{3}';
    case '_2':
      return ' ?\\d{1,2}';
    case 'PM':
    case 'pm':
      return '[AaPp][Mm]';
    case 'frac':
      return '[.,]\\d+';
    default:
      if (c.std.startsWith('Z')) return `Z|${OFFSET_PATTERNS[c.std.replace(/^Z/, '-')] ?? ''}`;
      if (c.std.startsWith('-')) return OFFSET_PATTERNS[c.std] ?? '';
      return c.std.length === 2 ? '\\d{2}' : '\\d{1,2}';
  }
}

function parseOffset(text: string): number {
  if (text === 'Z' || text === 'UTC' || text === 'GMT') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?/.exec(text);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? '0');
  return m[1] === '-' ? -minutes : minutes;
}

/**
 * Go's `time.Parse(layout, value)`, for the layout elements above. Times without an offset in the
 * layout are UTC (or at `defaultOffset` minutes, for `date(s, layout, "+02:00")`).
 */
export function parseTime(layout: string, value: string, defaultOffset = 0): ExprTime {
  const chunks = chunksOf(layout);
  let re = '^';
  const stds: (Chunk & { std: string })[] = [];
  for (const c of chunks) {
    if ('lit' in c) re += c.lit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else {
      re += `(${stdPattern(c)})`;
      stds.push(c);
    }
  }
  // RE2: the layout is the user's, and a layout such as `111111…` (months of one or two digits)
  // would make a backtracking engine try exponentially many splits of a long value.
  const m = compileRegex(`${re}$`).exec(value);
  const fail = (): TimeError =>
    new TimeError(
      `parsing time ${JSON.stringify(value)} as ${JSON.stringify(layout)}: cannot parse`,
    );
  if (!m) throw fail();
  let year = 1;
  let month = 1;
  let day = 1;
  let yday = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let ms = 0;
  let pm: boolean | undefined;
  let offset: number | undefined;
  stds.forEach((c, k) => {
    const text = (m[k + 1] ?? '').trim();
    const n = Number(text);
    switch (c.std) {
      case 'January':
        month = MONTHS.indexOf(text) + 1;
        break;
      case 'Jan':
        month = MONTHS.findIndex((x) => x.startsWith(text)) + 1;
        break;
      case '2006':
        year = n;
        break;
      case '06':
        year = n >= 69 ? 1900 + n : 2000 + n;
        break;
      case '01':
      case '1':
        month = n;
        break;
      case '02':
      case '_2':
      case '2':
        day = n;
        break;
      case '002':
        yday = n;
        break;
      case '15':
        hour = n;
        break;
      case '03':
      case '3':
        hour = n % 12;
        break;
      case '04':
      case '4':
        minute = n;
        break;
      case '05':
      case '5':
        second = n;
        break;
      case 'PM':
      case 'pm':
        pm = text.toLowerCase() === 'pm';
        break;
      case 'frac':
        ms = Number(`0.${text.slice(1)}`) * 1000;
        break;
      case 'MST':
        if (offset === undefined) offset = parseOffset(text);
        break;
      case 'Monday':
      case 'Mon':
        break;
      default:
        offset = parseOffset(text);
    }
  });
  if (pm === true) hour += 12;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    throw new TimeError(`parsing time ${JSON.stringify(value)}: value out of range`);
  }
  const off = offset ?? defaultOffset;
  let wall = Date.UTC(year, month - 1, day, hour, minute, second, Math.floor(ms));
  if (year < 100) {
    const d = new Date(wall);
    d.setUTCFullYear(year);
    wall = d.getTime();
  }
  if (yday > 0) wall = Date.UTC(year, 0, 1) + (yday - 1) * 86_400_000;
  if (new Date(wall).getUTCDate() !== day && yday === 0) {
    throw new TimeError(`parsing time ${JSON.stringify(value)}: day out of range`);
  }
  return new ExprTime(wall - off * MINUTE_MS, off);
}

/** Layouts `date(s)` tries without a layout argument, as expr-lang's `date` does. */
const DEFAULT_LAYOUTS = [
  '2006-01-02',
  '15:04:05',
  '2006-01-02 15:04:05',
  '2006-01-02T15:04:05Z07:00',
  '2006-01-02T15:04:05.999999999Z07:00',
  '02 Jan 06 15:04 MST',
  '02 Jan 06 15:04 -0700',
  'Monday, 02-Jan-06 15:04:05 MST',
  'Mon, 02 Jan 2006 15:04:05 MST',
  'Mon, 02 Jan 2006 15:04:05 -0700',
  'Mon Jan _2 15:04:05 2006',
  'Mon Jan _2 15:04:05 MST 2006',
];

/** `date(s)`: the first of the common layouts that parses. */
export function parseDateAuto(value: string, defaultOffset = 0): ExprTime {
  for (const layout of DEFAULT_LAYOUTS) {
    try {
      return parseTime(layout, value, defaultOffset);
    } catch {
      // try the next layout
    }
  }
  throw new TimeError(`invalid date ${JSON.stringify(value)}`);
}

/** `"UTC"`, `"Z"`, `"+02:00"`, `"-0530"` → minutes east of UTC. Named zones are not supported. */
export function parseZone(zone: string): number {
  if (zone === 'UTC' || zone === 'Z' || zone === 'GMT' || zone === '') return 0;
  if (/^[+-]\d{2}(:?\d{2})?$/.test(zone)) return parseOffset(zone);
  throw new TimeError(
    `unknown time zone ${JSON.stringify(zone)} (gantry supports UTC and fixed offsets such as "+02:00")`,
  );
}

export function addDate(t: ExprTime, years: number, months: number, days: number): ExprTime {
  const w = t.wall();
  const moved = Date.UTC(
    w.getUTCFullYear() + years,
    w.getUTCMonth() + months,
    w.getUTCDate() + days,
    w.getUTCHours(),
    w.getUTCMinutes(),
    w.getUTCSeconds(),
    w.getUTCMilliseconds(),
  );
  return new ExprTime(moved - t.offsetMinutes * MINUTE_MS, t.offsetMinutes);
}

export function addDuration(t: ExprTime, d: ExprDuration): ExprTime {
  return new ExprTime(t.ms + d.ns / NS_PER_MS, t.offsetMinutes);
}

export function subTimes(a: ExprTime, b: ExprTime): ExprDuration {
  return new ExprDuration((a.ms - b.ms) * NS_PER_MS);
}

export { MONTHS };
