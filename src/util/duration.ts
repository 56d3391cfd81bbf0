/**
 * Go's duration grammar (`time.ParseDuration`) and its written forms, in one place for the two
 * readers of durations: project files (milliseconds, never negative, gantry's own messages) and the
 * expression language (nanoseconds, signed, Go's exact messages). Each wraps `scanDuration` with
 * its own rules and words; neither re-implements the grammar.
 */

/** Nanoseconds per unit; `µs` is U+00B5 (micro sign), `μs` U+03BC (Greek mu): Go takes both. */
const UNIT_NS: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** What `scanDuration` found: a value, or why the text is not a duration. */
export type DurationScan =
  | { ok: true; sign: 1 | -1; /** magnitude, unrounded */ ns: number }
  | { ok: false; reason: 'empty' }
  /** A term without a number (`.h`, `x`), or a number without a unit (`5`, `1h30`); `rest` is the text from there. */
  | { ok: false; reason: 'malformed' | 'missing-unit'; rest: string }
  | { ok: false; reason: 'unknown-unit'; unit: string };

const TERM = /^(\d*)(?:\.(\d*))?([a-zµμ]*)/;

/** Reads `[+-]` then `0`, or one or more `<number><unit>` terms (`1h30m`, `.5s`, `1.5h`). */
export function scanDuration(text: string): DurationScan {
  let s = text;
  let sign: 1 | -1 = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s.startsWith('-')) sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, sign, ns: 0 };
  if (s === '') return { ok: false, reason: 'empty' };
  let ns = 0;
  while (s !== '') {
    const m = TERM.exec(s);
    const whole = m?.[1] ?? '';
    const fraction = m?.[2] ?? '';
    const unit = m?.[3] ?? '';
    if (!m || (whole === '' && fraction === '')) return { ok: false, reason: 'malformed', rest: s };
    if (unit === '') return { ok: false, reason: 'missing-unit', rest: s };
    const size = UNIT_NS[unit];
    if (size === undefined) return { ok: false, reason: 'unknown-unit', unit };
    ns += Number(`${whole || '0'}.${fraction || '0'}`) * size;
    s = s.slice(m[0].length);
  }
  return { ok: true, sign, ns };
}

function trimZeros(digits: string): string {
  return digits.replace(/0+$/, '');
}

/** Go's `Duration.String()`: `1h30m0s`, `1.5s`, `250ms`, `-2µs`, `0s`. */
function goForm(ns: number): string {
  if (ns === 0) return '0s';
  let u = Math.abs(Math.round(ns));
  let out: string;
  if (u < 1e9) {
    // Below a second: the largest of ns, µs, ms that keeps an integer part.
    const [unit, scale] = u < 1e3 ? ['ns', 1] : u < 1e6 ? ['µs', 1e3] : ['ms', 1e6];
    const whole = Math.floor(u / scale);
    const frac = trimZeros(String(u % scale).padStart(String(scale).length - 1, '0'));
    out = `${whole}${frac && scale > 1 ? `.${frac}` : ''}${unit}`;
  } else {
    const h = Math.floor(u / 3600e9);
    u -= h * 3600e9;
    const m = Math.floor(u / 60e9);
    u -= m * 60e9;
    const sec = Math.floor(u / 1e9);
    const frac = trimZeros(String(u - sec * 1e9).padStart(9, '0'));
    out = `${sec}${frac ? `.${frac}` : ''}s`;
    if (h > 0) out = `${h}h${m}m${out}`;
    else if (m > 0) out = `${m}m${out}`;
  }
  return ns < 0 ? `-${out}` : out;
}

/** The short form people read in logs and summaries: `1h30m`, `1m30s`, `500ms` (no zero parts). */
function shortForm(ms: number): string {
  if (ms === 0) return '0s';
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of [
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
  ] as const) {
    if (rest >= size) {
      const n = Math.floor(rest / size);
      parts.push(`${n}${unit}`);
      rest -= n * size;
    }
  }
  if (rest > 0) parts.push(`${rest}ms`);
  return parts.join('');
}

/**
 * A duration written out: `go` as Go prints it (what the expression language's `string()` of a
 * duration gives; takes nanoseconds), `short` for people (takes milliseconds, the unit gantry
 * measures elapsed time in, so a measured `1500` stays exactly `1s500ms`).
 */
export function formatDuration(value: number, style: 'go' | 'short'): string {
  return style === 'go' ? goForm(value) : shortForm(value);
}
