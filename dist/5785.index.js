export const id = 5785;
export const ids = [5785];
export const modules = {

/***/ 1750:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  x4: () => (/* reexport */ ANY),
  _M: () => (/* reexport */ errors_ExprError),
  lV: () => (/* reexport */ ExprTime),
  E_: () => (/* reexport */ FREIGHT_SIGNATURES),
  f8: () => (/* reexport */ TEMPLATE_SIGNATURES),
  l4: () => (/* reexport */ checkExpression),
  Pd: () => (/* reexport */ compile_compileExpr),
  cG: () => (/* binding */ evaluateBool),
  dA: () => (/* reexport */ expectArgs),
  Fl: () => (/* reexport */ formatValue),
  L$: () => (/* reexport */ freightFunctions),
  xS: () => (/* reexport */ hasExpression),
  E9: () => (/* reexport */ parseDuration),
  Xm: () => (/* reexport */ renderTemplate),
  g$: () => (/* reexport */ renderTemplates),
  Tb: () => (/* reexport */ structOf),
  A_: () => (/* reexport */ templateExpressions)
});

// UNUSED EXPORTS: BUILTIN_SIGNATURES, DEFAULT_LIMITS, DEFAULT_PARSE_LIMITS, ExprDuration, ExprVersion, RESERVED_TEMPLATE_NAMES, checkTemplate, evaluate, evaluateJSONTemplate, formatDuration, formatTime, makeStruct, marshalJSON, parseGoBool, parseTime, structType

// EXTERNAL MODULE: ./src/util/regex-core.ts
var regex_core = __webpack_require__(8887);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/expr/errors.ts
/**
 * The one error type the expression language throws: syntax errors from `compileExpr`, runtime
 * errors from evaluation (unknown names, type mismatches, exhausted budgets) and template errors.
 * `reason` is the message without the position; `message` adds ` at line:column` when the error
 * points into the source.
 */

class errors_ExprError extends errors/* GantryError */.Ah {
    name = 'ExprError';
    /** The message without the position suffix. */
    reason;
    /** 1-based line and column of the offending token, or 0 when the error has no position. */
    line;
    column;
    constructor(reason, line = 0, column = 0, options) {
        super(line > 0 ? `${reason} at ${line}:${column}` : reason, options);
        this.reason = reason;
        this.line = line;
        this.column = column;
    }
}
/** 1-based line and column of a UTF-16 offset in `source` (columns count code points). */
function positionOf(source, offset) {
    let line = 1;
    let lineStart = 0;
    const end = Math.min(offset, source.length);
    for (let i = 0; i < end; i++) {
        if (source.charCodeAt(i) === 10) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: [...source.slice(lineStart, end)].length + 1 };
}
function exprErrorAt(source, offset, reason, cause) {
    const { line, column } = positionOf(source, offset);
    return new errors_ExprError(reason, line, column, cause === undefined ? undefined : { cause });
}

// EXTERNAL MODULE: ./src/util/suggest.ts
var suggest = __webpack_require__(7406);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
// EXTERNAL MODULE: ./src/semver/parse.ts
var parse = __webpack_require__(2507);
// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(6518);
;// CONCATENATED MODULE: ./src/expr/time.ts
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
class time_TimeError extends Error {
}
class ExprDuration {
    ns;
    constructor(ns) {
        this.ns = ns;
    }
    /** Go's `Duration.String()`: `1h2m3.5s`, `1.5ms`, `0s`. */
    toString() {
        return formatDuration(this.ns);
    }
}
class ExprTime {
    /** Milliseconds since the Unix epoch. */
    ms;
    /** Offset of the wall clock from UTC, in minutes. */
    offsetMinutes;
    constructor(ms, offsetMinutes = 0) {
        if (!Number.isFinite(ms))
            throw new time_TimeError('invalid time');
        this.ms = ms;
        this.offsetMinutes = offsetMinutes;
    }
    static fromDate(d) {
        return new ExprTime(d.getTime(), 0);
    }
    toDate() {
        return new Date(this.ms);
    }
    /** The wall clock at this time's offset, as a UTC-based Date (read it with getUTC*). */
    wall() {
        return new Date(this.ms + this.offsetMinutes * MINUTE_MS);
    }
    /** Go's `Time.String()`: `2006-01-02 15:04:05.999999999 -0700 MST`. */
    toString() {
        return formatTime(this, '2006-01-02 15:04:05.999999999 -0700 MST');
    }
    /** RFC 3339 with fractional seconds when present, as Go marshals times to JSON. */
    toJSON() {
        return formatTime(this, '2006-01-02T15:04:05.999999999Z07:00');
    }
}
// ---- durations ----------------------------------------------------------------------------
/** Go's `time.ParseDuration`: `300ms`, `-1.5h`, `2h45m`; units ns, us (µs), ms, s, m, h. */
function parseDuration(text) {
    const found = (0,duration/* scanDuration */.y)(text);
    if (found.ok)
        return new ExprDuration(found.sign * Math.round(found.ns));
    if (found.reason === 'unknown-unit') {
        throw new time_TimeError(`time: unknown unit ${JSON.stringify(found.unit)} in duration ${JSON.stringify(text)}`);
    }
    throw new time_TimeError(`time: invalid duration ${JSON.stringify(text)}`);
}
function trimFraction(digits) {
    return digits.replace(/0+$/, '');
}
/** Go's `Duration.String()`. */
function formatDuration(ns) {
    return (0,duration/* formatDuration */.a)(ns, 'go');
}
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
const layoutCache = new Map();
function chunksOf(layout) {
    const cached = layoutCache.get(layout);
    if (cached)
        return cached;
    const chunks = [];
    let lit = '';
    let i = 0;
    outer: while (i < layout.length) {
        const frac = /^([.,])(0+|9+)(?!\d)/.exec(layout.slice(i));
        // Fractional seconds only directly after a seconds element, as in Go.
        if (frac && /(05|5)$/.test(layout.slice(0, i))) {
            if (lit)
                chunks.push({ lit });
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
                if (lit)
                    chunks.push({ lit });
                lit = '';
                chunks.push({ std });
                i += std.length;
                continue outer;
            }
        }
        lit += layout[i];
        i++;
    }
    if (lit)
        chunks.push({ lit });
    if (layoutCache.size > 100)
        layoutCache.clear();
    layoutCache.set(layout, chunks);
    return chunks;
}
function pad(n, width, fill = '0') {
    return String(n).padStart(width, fill);
}
function formatOffset(minutes, std) {
    if (std.startsWith('Z') && minutes === 0)
        return 'Z';
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
function formatTime(t, layout) {
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
                if (f.trim)
                    digits = trimFraction(digits);
                if (digits)
                    out += f.sep + digits;
                break;
            }
            default:
                out += formatOffset(t.offsetMinutes, c.std);
        }
    }
    return out;
}
const OFFSET_PATTERNS = {
    '-07': '[+-]\\d{2}',
    '-0700': '[+-]\\d{4}',
    '-07:00': '[+-]\\d{2}:\\d{2}',
    '-070000': '[+-]\\d{6}',
    '-07:00:00': '[+-]\\d{2}:\\d{2}:\\d{2}',
};
function stdPattern(c) {
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
            if (c.std.startsWith('Z'))
                return `Z|${OFFSET_PATTERNS[c.std.replace(/^Z/, '-')] ?? ''}`;
            if (c.std.startsWith('-'))
                return OFFSET_PATTERNS[c.std] ?? '';
            return c.std.length === 2 ? '\\d{2}' : '\\d{1,2}';
    }
}
function parseOffset(text) {
    if (text === 'Z' || text === 'UTC' || text === 'GMT')
        return 0;
    const m = /^([+-])(\d{2}):?(\d{2})?/.exec(text);
    if (!m)
        return 0;
    const minutes = Number(m[2]) * 60 + Number(m[3] ?? '0');
    return m[1] === '-' ? -minutes : minutes;
}
/**
 * Go's `time.Parse(layout, value)`, for the layout elements above. Times without an offset in the
 * layout are UTC (or at `defaultOffset` minutes, for `date(s, layout, "+02:00")`).
 */
function parseTime(layout, value, defaultOffset = 0) {
    const chunks = chunksOf(layout);
    let re = '^';
    const stds = [];
    for (const c of chunks) {
        if ('lit' in c)
            re += c.lit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        else {
            re += `(${stdPattern(c)})`;
            stds.push(c);
        }
    }
    // RE2: the layout is the user's, and a layout such as `111111…` (months of one or two digits)
    // would make a backtracking engine try exponentially many splits of a long value.
    const m = (0,regex_core/* compileRegex */.DL)(`${re}$`).exec(value);
    const fail = () => new time_TimeError(`parsing time ${JSON.stringify(value)} as ${JSON.stringify(layout)}: cannot parse`);
    if (!m)
        throw fail();
    let year = 1;
    let month = 1;
    let day = 1;
    let yday = 0;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let ms = 0;
    let pm;
    let offset;
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
                if (offset === undefined)
                    offset = parseOffset(text);
                break;
            case 'Monday':
            case 'Mon':
                break;
            default:
                offset = parseOffset(text);
        }
    });
    if (pm === true)
        hour += 12;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
        throw new time_TimeError(`parsing time ${JSON.stringify(value)}: value out of range`);
    }
    const off = offset ?? defaultOffset;
    let wall = Date.UTC(year, month - 1, day, hour, minute, second, Math.floor(ms));
    if (year < 100) {
        const d = new Date(wall);
        d.setUTCFullYear(year);
        wall = d.getTime();
    }
    if (yday > 0)
        wall = Date.UTC(year, 0, 1) + (yday - 1) * 86_400_000;
    if (new Date(wall).getUTCDate() !== day && yday === 0) {
        throw new time_TimeError(`parsing time ${JSON.stringify(value)}: day out of range`);
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
function parseDateAuto(value, defaultOffset = 0) {
    for (const layout of DEFAULT_LAYOUTS) {
        try {
            return parseTime(layout, value, defaultOffset);
        }
        catch {
            // try the next layout
        }
    }
    throw new time_TimeError(`invalid date ${JSON.stringify(value)}`);
}
/** `"UTC"`, `"Z"`, `"+02:00"`, `"-0530"` → minutes east of UTC. Named zones are not supported. */
function parseZone(zone) {
    if (zone === 'UTC' || zone === 'Z' || zone === 'GMT' || zone === '')
        return 0;
    if (/^[+-]\d{2}(:?\d{2})?$/.test(zone))
        return parseOffset(zone);
    throw new time_TimeError(`unknown time zone ${JSON.stringify(zone)} (gantry supports UTC and fixed offsets such as "+02:00")`);
}
function addDate(t, years, months, days) {
    const w = t.wall();
    const moved = Date.UTC(w.getUTCFullYear() + years, w.getUTCMonth() + months, w.getUTCDate() + days, w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds(), w.getUTCMilliseconds());
    return new ExprTime(moved - t.offsetMinutes * MINUTE_MS, t.offsetMinutes);
}
function addDuration(t, d) {
    return new ExprTime(t.ms + d.ns / NS_PER_MS, t.offsetMinutes);
}
function subTimes(a, b) {
    return new ExprDuration((a.ms - b.ms) * NS_PER_MS);
}


;// CONCATENATED MODULE: ./src/expr/values.ts


/** Map an error thrown by a builtin or a method into one the evaluator reports at a position. */
class ValueError extends Error {
}
/** Names that are never readable, whatever the value. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
function isForbiddenKey(key) {
    return FORBIDDEN_KEYS.has(key);
}
function isPlainObject(v) {
    if (v === null || typeof v !== 'object' || Array.isArray(v))
        return false;
    const proto = Object.getPrototypeOf(v);
    return proto === Object.prototype || proto === null;
}
function isMap(v) {
    return isPlainObject(v) || v instanceof Map;
}
/** A semantic version from `semverParse`, with Masterminds/semver's method names. */
class ExprVersion {
    version;
    original;
    constructor(version, original) {
        this.version = version;
        this.original = original;
    }
    toString() {
        return this.version.version;
    }
}
function typeName(v) {
    if (v === null || v === undefined)
        return 'nil';
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
    if (Array.isArray(v))
        return 'array';
    if (v instanceof ExprTime || v instanceof Date)
        return 'time';
    if (v instanceof ExprDuration)
        return 'duration';
    if (v instanceof ExprVersion)
        return 'version';
    if (isMap(v))
        return 'map';
    return 'unsupported';
}
/** Normalise a value read from the environment or a function: undefined → nil, Date → time. */
function normalize(v) {
    if (v === undefined)
        return null;
    if (v instanceof Date)
        return ExprTime.fromDate(v);
    return v;
}
/**
 * A typed record: what Kargo's functions return as Go structs (`imageFrom()` → `Image`). It is a
 * plain map in every other respect (JSON, `%v`, `==`, iteration), but reading a field it does not
 * have is an error instead of nil, as expr-lang reports for a struct: a typo such as `.Tga` must
 * not quietly become `null` in a committed file.
 */
const STRUCT_TYPE = Symbol('exprStructType');
function makeStruct(type, fields) {
    const out = makeMap(Object.entries(fields));
    // Not enumerable: invisible to keys(), JSON and spreads, so a copy is a plain map again.
    Object.defineProperty(out, STRUCT_TYPE, { value: type, enumerable: false });
    return out;
}
/** The struct type name of a value made by `makeStruct`, else undefined. */
function structType(v) {
    if (v === null || typeof v !== 'object')
        return undefined;
    const t = v[STRUCT_TYPE];
    return typeof t === 'string' ? t : undefined;
}
/** Own enumerable data property of a plain object, or Map entry; undefined when absent. */
function readKey(obj, key) {
    if (FORBIDDEN_KEYS.has(key))
        throw new ValueError(`access to ${JSON.stringify(key)} is not allowed`);
    if (obj instanceof Map) {
        return obj.has(key)
            ? { found: true, value: normalize(obj.get(key)) }
            : { found: false, value: null };
    }
    const desc = Object.getOwnPropertyDescriptor(obj, key);
    if (!desc || !desc.enumerable || !('value' in desc))
        return { found: false, value: null };
    return { found: true, value: normalize(desc.value) };
}
/** Keys of a map in insertion order (own enumerable string keys for objects). */
function mapKeys(obj) {
    if (obj instanceof Map)
        return [...obj.keys()].map((k) => String(k));
    return Object.keys(obj).filter((k) => {
        const desc = Object.getOwnPropertyDescriptor(obj, k);
        return desc !== undefined && 'value' in desc && !FORBIDDEN_KEYS.has(k);
    });
}
/** A fresh plain object; keys are defined, never assigned, so `__proto__` is just a key. */
function makeMap(entries) {
    const out = {};
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
function depthGuard(depth, visits) {
    if (depth > MAX_DEPTH)
        throw new ValueError(`value nests more than ${MAX_DEPTH} levels deep`);
    if (visits && ++visits.n > MAX_VISITS) {
        throw new ValueError(`value has more than ${MAX_VISITS} parts`);
    }
}
/** expr's `==`: numbers by value, times by instant, arrays and maps deeply. */
function deepEqual(a, b, depth = 0, visits = { n: 0 }) {
    depthGuard(depth, visits);
    a = normalize(a);
    b = normalize(b);
    if (a === b)
        return true;
    if (a === null || b === null)
        return false;
    if (typeof a !== 'object' || typeof b !== 'object')
        return false;
    if (a instanceof ExprTime && b instanceof ExprTime)
        return a.ms === b.ms;
    if (a instanceof ExprDuration && b instanceof ExprDuration)
        return a.ns === b.ns;
    if (a instanceof ExprVersion && b instanceof ExprVersion)
        return (a.version.compare(b.version) === 0 && a.version.build.join('.') === b.version.build.join('.'));
    if (Array.isArray(a) && Array.isArray(b)) {
        if (a.length !== b.length)
            return false;
        return a.every((x, i) => deepEqual(x, b[i], depth + 1, visits));
    }
    if (isMap(a) && isMap(b)) {
        const ka = mapKeys(a);
        const kb = mapKeys(b);
        if (ka.length !== kb.length)
            return false;
        return ka.every((k) => {
            const rb = readKey(b, k);
            return rb.found && deepEqual(readKey(a, k).value, rb.value, depth + 1, visits);
        });
    }
    return false;
}
// ---- Go's %v --------------------------------------------------------------------------------
/** Go's `%v` of a float64 that is not integral: shortest digits, `%e` form for tiny/huge. */
function goFloat(n) {
    if (Number.isNaN(n))
        return 'NaN';
    if (!Number.isFinite(n))
        return n > 0 ? '+Inf' : '-Inf';
    if (Number.isInteger(n) && Math.abs(n) < 1e21)
        return String(n);
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
function formatValue(v, depth = 0, visits = { n: 0 }) {
    depthGuard(depth, visits);
    v = normalize(v);
    if (v === null)
        return '<nil>';
    switch (typeof v) {
        case 'string':
            return v;
        case 'boolean':
            return v ? 'true' : 'false';
        case 'number':
            return goFloat(v);
    }
    if (Array.isArray(v))
        return `[${v.map((x) => formatValue(x, depth + 1, visits)).join(' ')}]`;
    if (v instanceof ExprTime || v instanceof ExprDuration || v instanceof ExprVersion)
        return v.toString();
    if (isMap(v)) {
        const keys = mapKeys(v).sort();
        return `map[${keys.map((k) => `${k}:${formatValue(readKey(v, k).value, depth + 1, visits)}`).join(' ')}]`;
    }
    return `<${typeName(v)}>`;
}
// ---- Go's encoding/json ---------------------------------------------------------------------
const HTML_ESCAPES = {
    '<': '\\u003c',
    '>': '\\u003e',
    '&': '\\u0026',
    '\u2028': '\\u2028',
    '\u2029': '\\u2029',
};
function jsonString(s) {
    return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => HTML_ESCAPES[c] ?? c);
}
/**
 * Go's `json.Marshal` (or `MarshalIndent` with `indent`): map keys sorted, `<>&` escaped, times
 * as RFC 3339 strings, durations as nanoseconds, versions as strings. NaN, ±Inf and values that
 * are not data (functions, class instances) are errors, as in Go.
 */
function marshalJSON(v, indent = '', depth = 0, visits = { n: 0 }) {
    depthGuard(depth, visits);
    v = normalize(v);
    const nl = indent ? `\n${indent.repeat(depth + 1)}` : '';
    const close = indent ? `\n${indent.repeat(depth)}` : '';
    const colon = indent ? ': ' : ':';
    if (v === null)
        return 'null';
    switch (typeof v) {
        case 'string':
            return jsonString(v);
        case 'boolean':
            return v ? 'true' : 'false';
        case 'number':
            if (!Number.isFinite(v))
                throw new ValueError(`json: unsupported value: ${goFloat(v)}`);
            return String(v);
    }
    if (Array.isArray(v)) {
        if (v.length === 0)
            return '[]';
        return `[${v.map((x) => nl + marshalJSON(x, indent, depth + 1, visits)).join(',')}${close}]`;
    }
    if (v instanceof ExprTime)
        return jsonString(v.toJSON());
    if (v instanceof ExprDuration)
        return String(v.ns);
    if (v instanceof ExprVersion)
        return jsonString(v.toString());
    if (isMap(v)) {
        const keys = mapKeys(v).sort();
        if (keys.length === 0)
            return '{}';
        const parts = keys.map((k) => nl + jsonString(k) + colon + marshalJSON(readKey(v, k).value, indent, depth + 1, visits));
        return `{${parts.join(',')}${close}}`;
    }
    throw new ValueError(`json: unsupported type: ${typeName(v)}`);
}
/** The value as plain JSON data (what a Go program would see after a marshal round trip). */
function toPlain(v) {
    return JSON.parse(marshalJSON(v));
}
function isTimeError(err) {
    return err instanceof TimeError;
}

;// CONCATENATED MODULE: ./src/expr/functions.ts
/**
 * The function-call contract, shared by gantry's builtins and by functions a caller registers.
 *
 * A function receives its arguments already evaluated, as an array (so any function can be
 * variadic), and a context for budgets and the clock:
 *
 * ```ts
 * const functions: ExprFunctions = {
 *   // imageFrom(repoURL[, origin]) → the image map, or nil when the freight has none.
 *   imageFrom: (args) => {
 *     const [repoURL, origin] = expectArgs('imageFrom', args, ['string'], ['map']);
 *     return lookUpImage(repoURL, origin) ?? null;
 *   },
 * };
 * compileExpr('imageFrom("ghcr.io/acme/api").Tag').evaluate(env, { functions });
 * ```
 *
 * Return plain data (null, booleans, numbers, strings, arrays, plain objects, `ExprTime`,
 * `ExprDuration`); `undefined` reads as nil. Throw an `Error` to fail the evaluation: its message
 * is reported with the position of the call. Caller functions take precedence over builtins of
 * the same name, except the predicate builtins (`filter`, `map`, `all`, …), whose second argument
 * is not an ordinary value. Functions must not mutate their arguments: they may be values of the
 * caller's environment.
 */

function matches(v, t) {
    const actual = typeName(v);
    switch (t) {
        case 'any':
            return true;
        case 'number':
            return actual === 'int' || actual === 'float';
        default:
            return actual === t;
    }
}
/**
 * Check the count and types of `args`: `required` types first, then `optional` ones. Returns the
 * arguments typed loosely as a tuple for destructuring; throws a readable Error otherwise.
 */
function expectArgs(name, args, required, optional = []) {
    const max = required.length + optional.length;
    if (args.length < required.length || args.length > max) {
        const want = optional.length === 0 ? `${required.length}` : `${required.length} to ${max}`;
        throw new Error(`${name}(): expected ${want} argument${max === 1 ? '' : 's'}, got ${args.length}`);
    }
    args.forEach((a, i) => {
        const t = (i < required.length ? required[i] : optional[i - required.length]) ?? 'any';
        if (!matches(a, t)) {
            throw new Error(`${name}(): argument ${i + 1} must be ${t}, got ${typeName(a)}`);
        }
    });
    return [...args];
}

;// CONCATENATED MODULE: ./src/expr/builtins.ts
/**
 * Builtin functions: expr-lang's string, number, array, map, conversion and date functions, plus
 * Kargo's `semverParse` and `semverDiff`. The predicate builtins (`filter`, `map`, …) need the
 * evaluator and live there.
 */





function str(name, args, n = 1) {
    return expectArgs(name, args, Array(n).fill('string'));
}
function roundHalfAway(n) {
    return Math.sign(n) * Math.round(Math.abs(n));
}
/** Go's strings.SplitN / SplitAfterN. */
function splitN(s, sep, n, after) {
    if (n === 0)
        return [];
    const parts = [];
    if (sep === '') {
        const chars = [...s];
        if (n < 0 || n >= chars.length)
            return chars;
        return [...chars.slice(0, n - 1), chars.slice(n - 1).join('')];
    }
    let rest = s;
    while (n < 0 || parts.length < n - 1) {
        const i = rest.indexOf(sep);
        if (i < 0)
            break;
        parts.push(rest.slice(0, after ? i + sep.length : i));
        rest = rest.slice(i + sep.length);
    }
    parts.push(rest);
    return parts;
}
function numbersOf(name, args) {
    const list = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
    if (list.length === 0)
        throw new Error(`${name}(): needs at least one number`);
    return list.map((v) => {
        if (typeof v !== 'number')
            throw new Error(`${name}(): ${typeName(v)} is not a number`);
        return v;
    });
}
function compareSortable(a, b, name) {
    if (typeof a === 'number' && typeof b === 'number')
        return a - b;
    if (typeof a === 'string' && typeof b === 'string')
        return a < b ? -1 : a > b ? 1 : 0;
    if (a instanceof ExprTime && b instanceof ExprTime)
        return a.ms - b.ms;
    if (a instanceof ExprDuration && b instanceof ExprDuration)
        return a.ns - b.ns;
    throw new Error(`${name}(): cannot compare ${typeName(a)} and ${typeName(b)}`);
}
const SPACE = /^[\s\u0085]$/u;
/**
 * strings.TrimSpace. By hand: /[\s]+$/ tries every start in a run of spaces that is not at the
 * end, which is quadratic in the run's length. Every space character is in the BMP.
 */
function trimSpace(s) {
    let a = 0;
    let b = s.length;
    while (a < b && SPACE.test(s[a] ?? ''))
        a++;
    while (b > a && SPACE.test(s[b - 1] ?? ''))
        b--;
    return s.slice(a, b);
}
/** Go's strconv.ParseInt(s, 10, 64) as used by expr's int(). */
function parseGoInt(s) {
    if (!/^[+-]?[0-9]+$/.test(s)) {
        throw new Error(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
    }
    return Number(s);
}
/** Go's strconv.ParseFloat for decimal text. */
function parseGoFloat(s) {
    // Each digit belongs to exactly one place in the pattern, so a failed match cannot backtrack
    // quadratically (`[0-9]+\.?[0-9]*` could split a run of digits n ways).
    if (!/^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(s))
        return undefined;
    const n = Number(s);
    return Number.isFinite(n) ? n : undefined;
}
function semverOf(name, v) {
    if (v instanceof ExprVersion)
        return v;
    if (typeof v !== 'string')
        throw new Error(`${name}(): ${typeName(v)} is not a version string`);
    return (0,parse/* parseVersion */.ot)(v, false);
}
/** Kargo's semverDiff: which part differs first; prerelease differences are ignored. */
function semverDiff(args) {
    if (args.length !== 2)
        throw new Error(`semverDiff(): expected 2 arguments, got ${args.length}`);
    const a = semverOf('semverDiff', args[0]);
    const b = semverOf('semverDiff', args[1]);
    if (!a || !b)
        return 'Incomparable';
    if (a.version.major !== b.version.major)
        return 'Major';
    if (a.version.minor !== b.version.minor)
        return 'Minor';
    if (a.version.patch !== b.version.patch)
        return 'Patch';
    if (a.version.build.join('.') !== b.version.build.join('.'))
        return 'Metadata';
    return 'None';
}
/** Masterminds' IncMajor/IncMinor/IncPatch: prerelease and metadata are dropped. */
function incVersion(v, part) {
    const sv = v.version;
    let text;
    if (part === 'patch' && sv.prerelease.length > 0) {
        text = `${sv.major}.${sv.minor}.${sv.patch}`;
    }
    else {
        text = (0,semver.inc)(`${sv.major}.${sv.minor}.${sv.patch}`, part) ?? sv.version;
    }
    const parsed = (0,parse/* parseVersion */.ot)(text, false);
    if (!parsed)
        throw new Error(`cannot increment ${sv.version}`);
    const prefix = v.original.startsWith('v') ? 'v' : '';
    return new ExprVersion(parsed.version, prefix + text);
}
const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');
const BUILTINS = {
    // ---- strings ----
    len: (args) => {
        const [v] = expectArgs('len', args, ['any']);
        if (typeof v === 'string')
            return [...v].length;
        if (Array.isArray(v))
            return v.length;
        if (isMap(v))
            return mapKeys(v).length;
        throw new Error(`len(): invalid argument for len (type ${typeName(v)})`);
    },
    lower: (args) => str('lower', args)[0]?.toLowerCase(),
    upper: (args) => str('upper', args)[0]?.toUpperCase(),
    trim: (args) => {
        const [s, chars] = expectArgs('trim', args, ['string'], ['string']);
        if (chars === undefined)
            return trimSpace(s);
        const set = new Set(chars);
        const cps = [...s];
        let a = 0;
        let b = cps.length;
        while (a < b && set.has(cps[a] ?? ''))
            a++;
        while (b > a && set.has(cps[b - 1] ?? ''))
            b--;
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
        const [s, sep, n] = expectArgs('split', args, ['string', 'string'], ['int']);
        ctx.charge(s.length / 64);
        const out = splitN(s, sep, n ?? -1, false);
        ctx.checkItems(out.length);
        return out;
    },
    splitAfter: (args, ctx) => {
        const [s, sep, n] = expectArgs('splitAfter', args, ['string', 'string'], ['int']);
        ctx.charge(s.length / 64);
        const out = splitN(s, sep, n ?? -1, true);
        ctx.checkItems(out.length);
        return out;
    },
    join: (args, ctx) => {
        const [list, sep = ''] = expectArgs('join', args, ['array'], ['string']);
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
        const [s, n] = expectArgs('repeat', args, ['string', 'int']);
        if (n < 0)
            throw new Error('repeat(): negative repeat count');
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
        if (typeof v === 'number')
            return Math.trunc(v);
        if (typeof v === 'string')
            return parseGoInt(v);
        throw new Error(`int(): invalid operation: int(${typeName(v)})`);
    },
    float: (args) => {
        const [v] = expectArgs('float', args, ['any']);
        if (typeof v === 'number')
            return v;
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
            return JSON.parse(s);
        }
        catch (err) {
            throw new Error(`fromJSON(): ${err.message}`, { cause: err });
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
    abs: (args) => Math.abs(expectArgs('abs', args, ['number'])[0]),
    ceil: (args) => Math.ceil(expectArgs('ceil', args, ['number'])[0]),
    floor: (args) => Math.floor(expectArgs('floor', args, ['number'])[0]),
    round: (args) => roundHalfAway(expectArgs('round', args, ['number'])[0]),
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
        const [list] = expectArgs('first', args, ['array']);
        return list.length ? list[0] : null;
    },
    last: (args) => {
        const [list] = expectArgs('last', args, ['array']);
        return list.length ? list[list.length - 1] : null;
    },
    take: (args) => {
        const [list, n] = expectArgs('take', args, ['array', 'int']);
        return list.slice(0, Math.max(0, n));
    },
    reverse: (args) => [...expectArgs('reverse', args, ['array'])[0]].reverse(),
    uniq: (args, ctx) => {
        const [list] = expectArgs('uniq', args, ['array']);
        const out = [];
        for (const v of list) {
            ctx.charge(out.length + 1);
            if (!out.some((o) => deepEqual(o, v)))
                out.push(v);
        }
        return out;
    },
    flatten: (args, ctx) => {
        const [list] = expectArgs('flatten', args, ['array']);
        const out = [];
        const walk = (l, depth) => {
            if (depth > 100)
                throw new Error('flatten(): arrays nest too deeply');
            for (const v of l) {
                if (Array.isArray(v))
                    walk(v, depth + 1);
                else
                    out.push(v);
                ctx.checkItems(out.length);
            }
        };
        walk(list, 0);
        ctx.charge(out.length);
        return out;
    },
    concat: (args, ctx) => {
        const lists = args.map((a, i) => {
            if (!Array.isArray(a))
                throw new Error(`concat(): argument ${i + 1} must be array`);
            return a;
        });
        const size = lists.reduce((n, l) => n + l.length, 0);
        ctx.checkItems(size);
        ctx.charge(size);
        return lists.flat(1);
    },
    sort: (args, ctx) => {
        const [list, order = 'asc'] = expectArgs('sort', args, ['array'], ['string']);
        if (order !== 'asc' && order !== 'desc')
            throw new Error('sort(): order must be asc or desc');
        ctx.charge(list.length * Math.log2(list.length + 1));
        const out = [...list].sort((a, b) => compareSortable(a, b, 'sort'));
        return order === 'desc' ? out.reverse() : out;
    },
    // ---- maps ----
    keys: (args) => {
        const [m] = expectArgs('keys', args, ['map']);
        return mapKeys(m);
    },
    values: (args) => {
        const [m] = expectArgs('values', args, ['map']);
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
        const [v, layout, zone] = expectArgs('date', args, ['any'], ['string', 'string']);
        if (v instanceof ExprTime)
            return v;
        if (typeof v === 'number')
            return new ExprTime(v * 1000);
        if (typeof v !== 'string')
            throw new Error(`date(): cannot make a date of ${typeName(v)}`);
        const offset = zone === undefined ? 0 : parseZone(zone);
        return layout === undefined ? parseDateAuto(v, offset) : parseTime(layout, v, offset);
    },
    duration: (args) => parseDuration(str('duration', args)[0] ?? ''),
    // ---- Kargo ----
    semverParse: (args) => {
        const [v] = expectArgs('semverParse', args, ['string']);
        const parsed = (0,parse/* parseVersion */.ot)(v, false);
        if (!parsed)
            throw new Error(`semverParse(): invalid semantic version ${JSON.stringify(v)}`);
        return new ExprVersion(parsed.version, parsed.original);
    },
    semverDiff: (args) => semverDiff(args),
};

;// CONCATENATED MODULE: ./src/expr/methods.ts
/**
 * Methods callable on values (`creatorDate.Year()`, `duration("1h").Minutes()`,
 * `semverParse(v).IncMinor().String()`), named as in Go. Plain data (strings, arrays, maps) has
 * no methods: expr-lang uses functions for those (`upper(s)`, not `s.upper()`).
 */




/** Go's zero time, 0001-01-01T00:00:00Z. */
const ZERO_TIME_MS = (() => {
    const d = new Date(0);
    d.setUTCFullYear(1, 0, 1);
    return d.getTime();
})();
function noArgs(name, f) {
    return (self, args) => {
        expectArgs(name, args, []);
        return f(self);
    };
}
function otherTime(name, args) {
    const [t] = expectArgs(name, args, ['time']);
    return t;
}
const TIME_METHODS = {
    Year: noArgs('Year', (t) => t.wall().getUTCFullYear()),
    Month: noArgs('Month', (t) => t.wall().getUTCMonth() + 1),
    Day: noArgs('Day', (t) => t.wall().getUTCDate()),
    Hour: noArgs('Hour', (t) => t.wall().getUTCHours()),
    Minute: noArgs('Minute', (t) => t.wall().getUTCMinutes()),
    Second: noArgs('Second', (t) => t.wall().getUTCSeconds()),
    Nanosecond: noArgs('Nanosecond', (t) => t.wall().getUTCMilliseconds() * 1e6),
    Weekday: noArgs('Weekday', (t) => t.wall().getUTCDay()),
    YearDay: noArgs('YearDay', (t) => Math.floor((t.wall().getTime() - Date.UTC(t.wall().getUTCFullYear(), 0, 1)) / 864e5) + 1),
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
        const [y, m, d] = expectArgs('AddDate', args, ['int', 'int', 'int']);
        return addDate(t, y ?? 0, m ?? 0, d ?? 0);
    },
    Format: (t, args) => formatTime(t, expectArgs('Format', args, ['string'])[0]),
};
const DURATION_METHODS = {
    Hours: noArgs('Hours', (d) => d.ns / 3600e9),
    Minutes: noArgs('Minutes', (d) => d.ns / 60e9),
    Seconds: noArgs('Seconds', (d) => d.ns / 1e9),
    Milliseconds: noArgs('Milliseconds', (d) => Math.trunc(d.ns / 1e6)),
    Microseconds: noArgs('Microseconds', (d) => Math.trunc(d.ns / 1e3)),
    Nanoseconds: noArgs('Nanoseconds', (d) => d.ns),
    Abs: noArgs('Abs', (d) => new ExprDuration(Math.abs(d.ns))),
    String: noArgs('String', (d) => d.toString()),
};
function otherVersion(name, args) {
    const [v] = expectArgs(name, args, ['any']);
    const parsed = semverOf(name, v);
    if (!parsed)
        throw new Error(`${name}(): invalid semantic version ${JSON.stringify(v)}`);
    return parsed instanceof ExprVersion ? parsed : new ExprVersion(parsed.version, parsed.original);
}
const VERSION_METHODS = {
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
function methodsOf(v) {
    if (v instanceof ExprTime)
        return TIME;
    if (v instanceof ExprDuration)
        return DURATION;
    if (v instanceof ExprVersion)
        return VERSION;
    return undefined;
}
// Maps, so that a method name can never reach Object.prototype.
const TIME = new Map(Object.entries(TIME_METHODS));
const DURATION = new Map(Object.entries(DURATION_METHODS));
const VERSION = new Map(Object.entries(VERSION_METHODS));

;// CONCATENATED MODULE: ./src/expr/evaluator.ts
/**
 * Tree-walking evaluator. Every node visited costs one step of a budget; functions charge for
 * work proportional to their input; strings and arrays the evaluation builds are size-checked
 * before they are built. Exceeding any limit is an ExprError, never a hang or a crash. `matches`
 * uses RE2 (util/regex.ts), whose matching is linear in the subject, so its charge bounds it.
 *
 * Evaluation is synchronous: while it runs no timer can fire. A caller with a deadline passes
 * `interrupt`, which the evaluator polls every INTERRUPT_POLL_STEPS steps.
 */







const DEFAULT_LIMITS = {
    maxSteps: 100_000,
    maxStringLength: 1_000_000,
    maxItems: 100_000,
};
/** How many steps pass between two polls of EvalOptions.interrupt. */
const INTERRUPT_POLL_STEPS = 1024;
const BUILTIN_MAP = new Map(Object.entries(BUILTINS));
/** Thrown by `?.` on nil; caught by the chain's root, which then yields nil. */
class ShortCircuit {
    shortCircuit = true;
}
const SHORT_CIRCUIT = new ShortCircuit();
const REGEX_CACHE = new Map();
function regexFor(pattern) {
    let re = REGEX_CACHE.get(pattern);
    if (!re) {
        re = (0,regex_core/* compileRegex */.DL)(pattern);
        if (REGEX_CACHE.size >= 256)
            REGEX_CACHE.clear();
        REGEX_CACHE.set(pattern, re);
    }
    return re;
}
function mismatch(op, a, b) {
    return new ValueError(`invalid operation: ${op} (mismatched types ${typeName(a)} and ${typeName(b)})`);
}
/** `type Image has no field Tga (did you mean "Tag"?; fields: RepoURL, Tag, Digest)`. */
function noField(type, obj, prop) {
    const name = String(prop);
    const fields = mapKeys(obj);
    return `type ${type} has no field ${name}${(0,suggest/* didYouMean */.au)(name, fields)} (fields: ${fields.join(', ')})`;
}
class Evaluator {
    source;
    env;
    functions;
    clock;
    limits;
    interrupt;
    steps = 0;
    nextPoll = INTERRUPT_POLL_STEPS;
    constructor(source, env, opts = {}) {
        this.source = source;
        this.env = env;
        this.functions = opts.functions ?? {};
        this.clock = opts.now ?? (() => new Date());
        this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
        this.interrupt = opts.interrupt;
    }
    run(root) {
        return this.eval(root, {});
    }
    fail(node, reason, cause) {
        return exprErrorAt(this.source, node.pos, reason, cause);
    }
    /** Turn errors from helpers into ExprErrors at `node`; let ExprErrors and short circuits by. */
    guard(node, f) {
        try {
            return f();
        }
        catch (err) {
            if (err instanceof errors_ExprError || err instanceof ShortCircuit)
                throw err;
            if (err instanceof RangeError && /call stack/i.test(err.message)) {
                throw this.fail(node, 'expression nests too deeply', err);
            }
            throw this.fail(node, err instanceof Error ? err.message : String(err), err);
        }
    }
    charge(node, units) {
        this.steps += units;
        if (this.steps > this.limits.maxSteps) {
            throw this.fail(node, `expression exceeded its budget of ${this.limits.maxSteps} steps`);
        }
        if (this.interrupt && this.steps >= this.nextPoll) {
            this.nextPoll = this.steps + INTERRUPT_POLL_STEPS;
            const reason = this.interrupt();
            if (reason !== undefined)
                throw this.fail(node, reason);
        }
    }
    checkString(node, length) {
        if (length > this.limits.maxStringLength) {
            throw this.fail(node, `string of ${length} characters exceeds the limit of ${this.limits.maxStringLength}`);
        }
    }
    checkItems(node, count) {
        if (count > this.limits.maxItems) {
            throw this.fail(node, `${count} items exceed the limit of ${this.limits.maxItems}`);
        }
    }
    eval(node, scope) {
        this.charge(node, 1);
        switch (node.k) {
            case 'lit':
                return node.value;
            case 'ident':
                return this.lookup(node, node.name, scope);
            case 'pointer':
                return this.pointer(node, scope);
            case 'array': {
                this.checkItems(node, node.items.length);
                return node.items.map((n) => this.eval(n, scope));
            }
            case 'map': {
                const entries = node.entries.map((e) => {
                    const key = this.eval(e.key, scope);
                    if (typeof key !== 'string' && typeof key !== 'number') {
                        throw this.fail(e.key, `map key must be a string, got ${typeName(key)}`);
                    }
                    return [String(key), this.eval(e.value, scope)];
                });
                return makeMap(entries);
            }
            case 'member': {
                const obj = this.eval(node.object, scope);
                if (obj === null) {
                    if (node.optional)
                        throw SHORT_CIRCUIT;
                    const prop = node.name ?? formatValue(this.eval(node.property, scope));
                    throw this.fail(node, `cannot fetch ${prop} from nil`);
                }
                const prop = this.eval(node.property, scope);
                // Indexing a string walks its code points.
                if (typeof obj === 'string')
                    this.charge(node, obj.length / 16);
                return this.guard(node, () => this.fetch(obj, prop));
            }
            case 'slice':
                return this.slice(node, scope);
            case 'call':
                return this.call(node, scope);
            case 'method':
                return this.method(node, scope);
            case 'closure':
                throw this.fail(node, 'a predicate can only be an argument of a predicate function');
            case 'unary':
                return this.unary(node, scope);
            case 'binary':
                return this.binary(node, scope);
            case 'cond': {
                const test = this.eval(node.test, scope);
                if (node.elvis)
                    return test === null || test === false ? this.eval(node.else, scope) : test;
                if (typeof test !== 'boolean') {
                    throw this.fail(node, `non-bool ${typeName(test)} used as condition`);
                }
                return this.eval(test ? node.then : node.else, scope);
            }
            case 'chain':
                try {
                    return this.eval(node.node, scope);
                }
                catch (err) {
                    if (err instanceof ShortCircuit)
                        return null;
                    throw err;
                }
            case 'let': {
                const value = this.eval(node.value, scope);
                return this.eval(node.body, { parent: scope, vars: new Map([[node.name, value]]) });
            }
        }
    }
    envKeys() {
        return this.env instanceof Map
            ? [...this.env.keys()]
            : mapKeys(this.env);
    }
    lookup(node, name, scope) {
        for (let s = scope; s; s = s.parent) {
            if (s.vars?.has(name))
                return s.vars.get(name);
        }
        if (name === '$env')
            return this.env;
        const found = this.guard(node, () => readKey(this.env, name));
        if (found.found) {
            if (typeof found.value === 'function') {
                throw this.fail(node, `${JSON.stringify(name)} is a function; call it as ${name}()`);
            }
            return found.value;
        }
        const names = [...this.envKeys()];
        for (let s = scope; s; s = s.parent)
            names.push(...(s.vars?.keys() ?? []));
        throw this.fail(node, `unknown name ${JSON.stringify(name)}${(0,suggest/* didYouMean */.au)(name, names)}`);
    }
    pointer(node, scope) {
        let s = scope;
        while (s && !s.pointer)
            s = s.parent;
        if (!s?.pointer)
            throw this.fail(node, 'cannot use pointer accessor outside predicate');
        switch (node.name) {
            case '':
                return s.pointer.item;
            case 'index':
                return s.pointer.index;
            case 'acc':
                if (!('acc' in s.pointer))
                    throw this.fail(node, '#acc is only defined in reduce()');
                return s.pointer.acc;
            default:
                throw this.fail(node, `unknown pointer #${node.name}`);
        }
    }
    /** `obj[prop]` / `obj.prop` under the sandbox rules. */
    fetch(obj, prop) {
        if (Array.isArray(obj) || typeof obj === 'string') {
            if (typeof prop === 'string') {
                throw new ValueError(`cannot fetch ${prop} from ${typeName(obj)}`);
            }
            if (typeof prop !== 'number' || !Number.isInteger(prop)) {
                throw new ValueError(`${typeName(obj)} index must be an int, got ${typeName(prop)}`);
            }
            const items = typeof obj === 'string' ? [...obj] : obj;
            const i = prop < 0 ? items.length + prop : prop;
            if (i < 0 || i >= items.length) {
                throw new ValueError(`index out of range: ${prop} (array length is ${items.length})`);
            }
            return normalize(items[i]);
        }
        if (isMap(obj)) {
            if (typeof prop !== 'string' && typeof prop !== 'number') {
                throw new ValueError(`cannot use ${typeName(prop)} as a map key`);
            }
            const found = readKey(obj, String(prop));
            const struct = structType(obj);
            if (!found.found && struct !== undefined)
                throw new ValueError(noField(struct, obj, prop));
            return found.value;
        }
        const methods = methodsOf(obj);
        if (methods && typeof prop === 'string' && methods.has(prop)) {
            throw new ValueError(`${prop} is a method of ${typeName(obj)}; call it as ${prop}()`);
        }
        throw new ValueError(`cannot fetch ${formatValue(prop)} from ${typeName(obj)}`);
    }
    slice(node, scope) {
        const obj = this.eval(node.object, scope);
        const bound = (n, dflt, len) => {
            if (!n)
                return dflt;
            const v = this.eval(n, scope);
            if (typeof v !== 'number' || !Number.isInteger(v)) {
                throw this.fail(n, `slice index must be an int, got ${typeName(v)}`);
            }
            const i = v < 0 ? len + v : v;
            return Math.min(Math.max(i, 0), len);
        };
        if (typeof obj === 'string') {
            this.charge(node, obj.length / 16);
            const cps = [...obj];
            const from = bound(node.from, 0, cps.length);
            const to = bound(node.to, cps.length, cps.length);
            return cps.slice(from, Math.max(from, to)).join('');
        }
        if (Array.isArray(obj)) {
            const from = bound(node.from, 0, obj.length);
            const to = bound(node.to, obj.length, obj.length);
            return obj.slice(from, Math.max(from, to));
        }
        throw this.fail(node, `cannot slice ${typeName(obj)}`);
    }
    context(node, name) {
        return {
            name,
            charge: (units) => this.charge(node, Math.ceil(Math.max(0, units))),
            checkString: (length) => this.checkString(node, length),
            checkItems: (count) => this.checkItems(node, count),
            now: () => this.clock(),
        };
    }
    resolveFunction(node, name) {
        if (Object.hasOwn(this.functions, name)) {
            const f = this.functions[name];
            if (typeof f === 'function')
                return f;
        }
        const builtin = BUILTIN_MAP.get(name);
        if (builtin)
            return builtin;
        const candidates = [...Object.keys(this.functions), ...BUILTIN_MAP.keys(), ...PREDICATES];
        throw this.fail(node, `unknown function ${name}()${(0,suggest/* didYouMean */.au)(name, candidates)}`);
    }
    call(node, scope) {
        if (PREDICATES.has(node.name))
            return this.predicateCall(node, scope);
        const fn = this.resolveFunction(node, node.name);
        const args = node.args.map((a) => this.eval(a, scope));
        const ctx = this.context(node, node.name);
        return this.guard(node, () => normalize(fn(args, ctx)));
    }
    method(node, scope) {
        const obj = this.eval(node.object, scope);
        if (obj === null) {
            if (node.optional)
                throw SHORT_CIRCUIT;
            throw this.fail(node, `cannot call ${node.name}() on nil`);
        }
        const methods = methodsOf(obj);
        const m = methods?.get(node.name);
        if (!methods || !m) {
            const hint = methods ? (0,suggest/* didYouMean */.au)(node.name, [...methods.keys()]) : '';
            const extra = typeof obj === 'string' || Array.isArray(obj) || isMap(obj)
                ? ' (expr-lang uses functions for these, e.g. upper(s), len(list))'
                : '';
            throw this.fail(node, `${typeName(obj)} has no method ${node.name}${hint}${extra}`);
        }
        const args = node.args.map((a) => this.eval(a, scope));
        return this.guard(node, () => normalize(m(obj, args)));
    }
    unary(node, scope) {
        const v = this.eval(node.operand, scope);
        switch (node.op) {
            case 'not':
            case '!':
                if (typeof v !== 'boolean') {
                    throw this.fail(node, `invalid operation: ${node.op} ${typeName(v)} (needs bool)`);
                }
                return !v;
            case '-':
                if (typeof v === 'number')
                    return -v;
                if (v instanceof ExprDuration)
                    return new ExprDuration(-v.ns);
                throw this.fail(node, `invalid operation: - ${typeName(v)}`);
            default:
                if (typeof v === 'number')
                    return v;
                throw this.fail(node, `invalid operation: + ${typeName(v)}`);
        }
    }
    bool(node, op, v) {
        if (typeof v !== 'boolean') {
            throw this.fail(node, `invalid operation: ${op} needs bool operands, got ${typeName(v)}`);
        }
        return v;
    }
    binary(node, scope) {
        const op = node.op;
        if (op === 'and' || op === '&&') {
            return this.bool(node, op, this.eval(node.left, scope))
                ? this.bool(node, op, this.eval(node.right, scope))
                : false;
        }
        if (op === 'or' || op === '||') {
            return this.bool(node, op, this.eval(node.left, scope))
                ? true
                : this.bool(node, op, this.eval(node.right, scope));
        }
        if (op === '??') {
            const left = this.eval(node.left, scope);
            return left !== null ? left : this.eval(node.right, scope);
        }
        const a = this.eval(node.left, scope);
        const b = this.eval(node.right, scope);
        return this.guard(node, () => this.operate(node, op, a, b));
    }
    operate(node, op, a, b) {
        const nums = typeof a === 'number' && typeof b === 'number';
        switch (op) {
            case '==':
            case '!=': {
                const visits = { n: 0 };
                const equal = deepEqual(a, b, 0, visits);
                this.charge(node, visits.n / 16);
                return op === '==' ? equal : !equal;
            }
            case '+':
                if (nums)
                    return a + b;
                if (typeof a === 'string' && typeof b === 'string') {
                    this.checkString(node, a.length + b.length);
                    return a + b;
                }
                if (Array.isArray(a) && Array.isArray(b)) {
                    this.checkItems(node, a.length + b.length);
                    return [...a, ...b];
                }
                if (a instanceof ExprTime && b instanceof ExprDuration)
                    return addDuration(a, b);
                if (a instanceof ExprDuration && b instanceof ExprTime)
                    return addDuration(b, a);
                if (a instanceof ExprDuration && b instanceof ExprDuration) {
                    return new ExprDuration(a.ns + b.ns);
                }
                throw mismatch(op, a, b);
            case '-':
                if (nums)
                    return a - b;
                if (a instanceof ExprTime && b instanceof ExprTime)
                    return subTimes(a, b);
                if (a instanceof ExprTime && b instanceof ExprDuration) {
                    return addDuration(a, new ExprDuration(-b.ns));
                }
                if (a instanceof ExprDuration && b instanceof ExprDuration) {
                    return new ExprDuration(a.ns - b.ns);
                }
                throw mismatch(op, a, b);
            case '*':
                if (nums)
                    return a * b;
                if (a instanceof ExprDuration && typeof b === 'number')
                    return new ExprDuration(a.ns * b);
                if (typeof a === 'number' && b instanceof ExprDuration)
                    return new ExprDuration(a * b.ns);
                throw mismatch(op, a, b);
            case '/':
                if (nums)
                    return a / b;
                throw mismatch(op, a, b);
            case '%':
                if (nums) {
                    if (!Number.isInteger(a) || !Number.isInteger(b))
                        throw mismatch(op, a, b);
                    if (b === 0)
                        throw new ValueError('integer divide by zero');
                    return a % b;
                }
                throw mismatch(op, a, b);
            case '**':
            case '^':
                if (nums)
                    return a ** b;
                throw mismatch(op, a, b);
            case '<':
            case '>':
            case '<=':
            case '>=': {
                const c = this.compare(op, a, b);
                return op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
            }
            case '..': {
                if (!nums || !Number.isInteger(a) || !Number.isInteger(b))
                    throw mismatch(op, a, b);
                const n = Math.max(0, b - a + 1);
                this.checkItems(node, n);
                this.charge(node, n);
                return Array.from({ length: n }, (_, i) => a + i);
            }
            case 'in':
                if (Array.isArray(b)) {
                    this.charge(node, b.length);
                    return b.some((x) => deepEqual(a, x));
                }
                if (isMap(b)) {
                    if (typeof a !== 'string' && typeof a !== 'number')
                        return false;
                    return readKey(b, String(a)).found;
                }
                if (b === null)
                    return false;
                throw mismatch(op, a, b);
            case 'contains':
            case 'startsWith':
            case 'endsWith':
                if (typeof a !== 'string' || typeof b !== 'string')
                    throw mismatch(op, a, b);
                this.charge(node, a.length / 16);
                return op === 'contains'
                    ? a.includes(b)
                    : op === 'startsWith'
                        ? a.startsWith(b)
                        : a.endsWith(b);
            case 'matches':
                if (typeof a !== 'string' || typeof b !== 'string')
                    throw mismatch(op, a, b);
                this.charge(node, a.length / 16);
                return regexFor(b).test(a);
        }
        throw new ValueError(`unknown operator ${op}`);
    }
    compare(op, a, b) {
        if (typeof a === 'number' && typeof b === 'number')
            return a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN;
        if (typeof a === 'string' && typeof b === 'string')
            return a < b ? -1 : a > b ? 1 : 0;
        if (a instanceof ExprTime && b instanceof ExprTime)
            return Math.sign(a.ms - b.ms);
        if (a instanceof ExprDuration && b instanceof ExprDuration)
            return Math.sign(a.ns - b.ns);
        if (a instanceof ExprVersion && b instanceof ExprVersion)
            return a.version.compare(b.version);
        throw mismatch(op, a, b);
    }
    // ---- predicates ----
    predicateCall(node, scope) {
        const name = node.name;
        const [listNode, closure, extra] = node.args;
        if (!listNode)
            throw this.fail(node, `${name}() expects at least 1 argument`);
        const rawList = this.eval(listNode, scope);
        let list;
        if (Array.isArray(rawList))
            list = rawList;
        else if (rawList === null)
            list = [];
        else if (isMap(rawList) && name !== 'reduce') {
            list = mapKeys(rawList).map((k) => readKey(rawList, k).value);
        }
        else
            throw this.fail(listNode, `${name}() cannot iterate over ${typeName(rawList)}`);
        const body = closure && closure.k === 'closure' ? closure.body : undefined;
        const apply = (item, index, acc) => body
            ? this.eval(body, {
                parent: scope,
                pointer: acc
                    ? { item: normalize(item), index, acc: acc.acc }
                    : { item: normalize(item), index },
            })
            : normalize(item);
        const test = (item, index) => {
            const r = apply(item, index);
            if (typeof r !== 'boolean') {
                throw this.fail(body ?? node, `predicate of ${name}() must return bool, got ${typeName(r)}`);
            }
            return r;
        };
        switch (name) {
            case 'all':
                return list.every((x, i) => test(x, i));
            case 'any':
                return list.some((x, i) => test(x, i));
            case 'none':
                return !list.some((x, i) => test(x, i));
            case 'one': {
                let n = 0;
                for (let i = 0; i < list.length && n < 2; i++)
                    if (test(list[i], i))
                        n++;
                return n === 1;
            }
            case 'count':
                return list.filter((x, i) => test(x, i)).length;
            case 'filter':
                return list.filter((x, i) => test(x, i));
            case 'map':
                return list.map((x, i) => apply(x, i));
            case 'find':
                for (let i = 0; i < list.length; i++)
                    if (test(list[i], i))
                        return normalize(list[i]);
                return null;
            case 'findIndex':
                for (let i = 0; i < list.length; i++)
                    if (test(list[i], i))
                        return i;
                return -1;
            case 'findLast':
                for (let i = list.length - 1; i >= 0; i--)
                    if (test(list[i], i))
                        return normalize(list[i]);
                return null;
            case 'findLastIndex':
                for (let i = list.length - 1; i >= 0; i--)
                    if (test(list[i], i))
                        return i;
                return -1;
            case 'sum': {
                let total = 0;
                list.forEach((x, i) => {
                    const v = apply(x, i);
                    if (typeof v === 'number' && typeof total === 'number')
                        total += v;
                    else if (v instanceof ExprDuration && (total === 0 || total instanceof ExprDuration)) {
                        total = new ExprDuration((total === 0 ? 0 : total.ns) + v.ns);
                    }
                    else
                        throw this.fail(node, `sum(): cannot add ${typeName(v)}`);
                });
                return total;
            }
            case 'groupBy': {
                const groups = new Map();
                list.forEach((x, i) => {
                    const key = formatValue(apply(x, i));
                    const g = groups.get(key) ?? [];
                    g.push(normalize(x));
                    groups.set(key, g);
                });
                return makeMap(groups);
            }
            case 'sortBy': {
                const order = extra ? this.eval(extra, scope) : 'asc';
                if (order !== 'asc' && order !== 'desc') {
                    throw this.fail(node, 'sortBy(): order must be "asc" or "desc"');
                }
                const keyed = list.map((x, i) => ({ x: normalize(x), key: apply(x, i) }));
                this.charge(node, list.length * Math.log2(list.length + 1));
                const sorted = this.guard(node, () => keyed.sort((p, q) => {
                    const c = this.compare('sortBy', p.key, q.key);
                    return order === 'desc' ? -c : c;
                }));
                return sorted.map((p) => p.x);
            }
            case 'reduce': {
                let acc;
                let start = 0;
                if (extra)
                    acc = this.eval(extra, scope);
                else if (list.length === 0)
                    return null;
                else {
                    acc = normalize(list[0]);
                    start = 1;
                }
                for (let i = start; i < list.length; i++)
                    acc = apply(list[i], i, { acc });
                return acc;
            }
        }
        throw this.fail(node, `unknown function ${name}()`);
    }
}
const PREDICATES = new Set([
    'all',
    'none',
    'any',
    'one',
    'filter',
    'map',
    'find',
    'findIndex',
    'findLast',
    'findLastIndex',
    'groupBy',
    'count',
    'sum',
    'sortBy',
    'reduce',
]);


;// CONCATENATED MODULE: ./src/expr/lexer.ts
/**
 * Tokens of expr-lang: numbers (`42`, `0x2A`, `0o52`, `0b101010`, `1_000`, `0.5`, `.5`, `1e3`),
 * strings (`'…'` and `"…"` with Go escapes, raw `` `…` ``), identifiers (`$env` included),
 * operators and punctuation. Comments `// …` and `/* … *\/` are skipped.
 */

/** Words that are operators wherever an operator may stand. */
const WORD_OPERATORS = new Set([
    'and',
    'or',
    'not',
    'in',
    'contains',
    'startsWith',
    'endsWith',
    'matches',
    'let',
]);
/** Symbol operators, longest first. */
const SYMBOLS = [
    '?.',
    '??',
    '..',
    '**',
    '==',
    '!=',
    '<=',
    '>=',
    '&&',
    '||',
    '::',
    '+',
    '-',
    '*',
    '/',
    '%',
    '^',
    '<',
    '>',
    '!',
    '?',
    ':',
    '.',
    ',',
    '(',
    ')',
    '[',
    ']',
    '{',
    '}',
    '|',
    '#',
    ';',
    '=',
];
function isIdentStart(c) {
    return /[A-Za-z_$]/.test(c) || (c.charCodeAt(0) > 127 && /\p{L}/u.test(c));
}
function isIdentPart(c) {
    return /[A-Za-z0-9_$]/.test(c) || (c.charCodeAt(0) > 127 && /[\p{L}\p{N}]/u.test(c));
}
const SIMPLE_ESCAPES = {
    a: '\x07',
    b: '\b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
    v: '\v',
    '\\': '\\',
    "'": "'",
    '"': '"',
    '`': '`',
};
function tokenize(src) {
    const tokens = [];
    let i = 0;
    const err = (pos, msg) => {
        throw exprErrorAt(src, pos, msg);
    };
    while (i < src.length) {
        const c = src[i] ?? '';
        if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
            i++;
            continue;
        }
        if (c === '/' && src[i + 1] === '/') {
            while (i < src.length && src[i] !== '\n')
                i++;
            continue;
        }
        if (c === '/' && src[i + 1] === '*') {
            const end = src.indexOf('*/', i + 2);
            if (end < 0)
                err(i, 'unclosed comment');
            i = end + 2;
            continue;
        }
        const start = i;
        // Numbers: a digit, or a dot followed by a digit (but `..` is the range operator).
        if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
            const rest = src.slice(i);
            const radix = /^0([xXoObB])[0-9A-Fa-f_]+/.exec(rest);
            if (radix) {
                const text = radix[0];
                const digits = text.slice(2).replace(/_/g, '');
                const base = { x: 16, o: 8, b: 2 }[(radix[1] ?? 'x').toLowerCase()];
                const valid = base === 16 ? /^[0-9A-Fa-f]+$/ : base === 8 ? /^[0-7]+$/ : /^[01]+$/;
                if (!valid.test(digits))
                    err(start, `invalid number literal ${text}`);
                tokens.push({ kind: 'number', value: text, num: parseInt(digits, base), pos: start });
                i += text.length;
                continue;
            }
            // Integer part, then a fraction only if the dot is not the start of `..`.
            const m = /^(?:[0-9][0-9_]*)?(?:\.(?!\.)[0-9_]*)?(?:[eE][+-]?[0-9_]+)?/.exec(rest);
            const text = m?.[0] ?? '';
            if (/[A-Za-z_]/.test(src[i + text.length] ?? '')) {
                // `1abc` is not a number followed by a name.
                err(start, `invalid number literal ${src.slice(i, i + text.length + 1)}`);
            }
            const clean = text.replace(/_/g, '');
            const num = Number(clean);
            if (clean === '' || Number.isNaN(num) || /_$|_\.|\._/.test(text)) {
                err(start, `invalid number literal ${text}`);
            }
            if (!Number.isFinite(num))
                err(start, 'number literal is too large');
            tokens.push({ kind: 'number', value: text, num, pos: start });
            i += text.length;
            continue;
        }
        if (c === '"' || c === "'") {
            let out = '';
            i++;
            for (;;) {
                if (i >= src.length || src[i] === '\n')
                    err(start, 'literal not terminated');
                const ch = src[i] ?? '';
                if (ch === c) {
                    i++;
                    break;
                }
                if (ch !== '\\') {
                    out += ch;
                    i++;
                    continue;
                }
                const e = src[i + 1] ?? '';
                const simple = SIMPLE_ESCAPES[e];
                if (simple !== undefined) {
                    out += simple;
                    i += 2;
                    continue;
                }
                const hex = (len) => {
                    const digits = src.slice(i + 2, i + 2 + len);
                    if (!new RegExp(`^[0-9A-Fa-f]{${len}}$`).test(digits))
                        err(i, 'invalid char escape');
                    return parseInt(digits, 16);
                };
                if (e === 'x') {
                    out += String.fromCharCode(hex(2));
                    i += 4;
                }
                else if (e === 'u' || e === 'U') {
                    const len = e === 'u' ? 4 : 8;
                    const cp = hex(len);
                    if (cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000))
                        err(i, 'invalid char escape');
                    out += String.fromCodePoint(cp);
                    i += 2 + len;
                }
                else if (/[0-7]/.test(e)) {
                    const digits = src.slice(i + 1, i + 4);
                    if (!/^[0-7]{3}$/.test(digits))
                        err(i, 'invalid char escape');
                    const cp = parseInt(digits, 8);
                    if (cp > 255)
                        err(i, 'invalid char escape');
                    out += String.fromCharCode(cp);
                    i += 4;
                }
                else {
                    err(i, 'invalid char escape');
                }
            }
            tokens.push({ kind: 'string', value: out, pos: start });
            continue;
        }
        if (c === '`') {
            const end = src.indexOf('`', i + 1);
            if (end < 0)
                err(start, 'literal not terminated');
            tokens.push({ kind: 'string', value: src.slice(i + 1, end).replace(/\r/g, ''), pos: start });
            i = end + 1;
            continue;
        }
        if (isIdentStart(c)) {
            let j = i + 1;
            while (j < src.length && isIdentPart(src[j] ?? ''))
                j++;
            const word = src.slice(i, j);
            tokens.push({ kind: WORD_OPERATORS.has(word) ? 'op' : 'ident', value: word, pos: start });
            i = j;
            continue;
        }
        const sym = SYMBOLS.find((s) => src.startsWith(s, i));
        if (sym === undefined)
            err(start, `unrecognized character ${JSON.stringify(c)}`);
        else {
            tokens.push({ kind: 'op', value: sym, pos: start });
            i += sym.length;
        }
    }
    tokens.push({ kind: 'eof', value: '', pos: src.length });
    return tokens;
}
/** How a token is named in "unexpected token" messages. */
function describeToken(t) {
    switch (t.kind) {
        case 'eof':
            return 'end of expression';
        case 'string':
            return `string ${JSON.stringify(t.value)}`;
        case 'number':
            return `number ${t.value}`;
        case 'ident':
            return `name ${JSON.stringify(t.value)}`;
        default:
            return `'${t.value}'`;
    }
}

;// CONCATENATED MODULE: ./src/expr/parser.ts


const BINARY = {
    '|': { prec: 0 },
    or: { prec: 10 },
    '||': { prec: 10 },
    and: { prec: 15 },
    '&&': { prec: 15 },
    '==': { prec: 20 },
    '!=': { prec: 20 },
    '<': { prec: 20 },
    '>': { prec: 20 },
    '<=': { prec: 20 },
    '>=': { prec: 20 },
    in: { prec: 20 },
    matches: { prec: 20 },
    contains: { prec: 20 },
    startsWith: { prec: 20 },
    endsWith: { prec: 20 },
    '..': { prec: 25 },
    '+': { prec: 30 },
    '-': { prec: 30 },
    '*': { prec: 60 },
    '/': { prec: 60 },
    '%': { prec: 60 },
    '**': { prec: 100, right: true },
    '^': { prec: 100, right: true },
    '??': { prec: 500 },
};
const UNARY = { not: 50, '!': 50, '-': 90, '+': 90 };
const NEGATABLE = new Set(['in', 'contains', 'startsWith', 'endsWith', 'matches']);
/** Argument shapes of the predicate builtins: e = expression, p = predicate, ? = optional. */
const PREDICATE_BUILTINS = {
    all: ['e', 'p'],
    none: ['e', 'p'],
    any: ['e', 'p'],
    one: ['e', 'p'],
    filter: ['e', 'p'],
    map: ['e', 'p'],
    find: ['e', 'p'],
    findIndex: ['e', 'p'],
    findLast: ['e', 'p'],
    findLastIndex: ['e', 'p'],
    groupBy: ['e', 'p'],
    count: ['e', 'p?'],
    sum: ['e', 'p?'],
    sortBy: ['e', 'p', 'e?'],
    reduce: ['e', 'p', 'e?'],
};
const DEFAULT_PARSE_LIMITS = { maxDepth: 128, maxSourceLength: 64 * 1024 };
class Parser {
    src;
    tokens;
    pos = 0;
    predicateDepth = 0;
    nesting = 0;
    limits;
    constructor(src, limits) {
        this.src = src;
        this.limits = limits;
        this.tokens = tokenize(src);
    }
    get cur() {
        return this.tokens[this.pos] ?? this.tokens[this.tokens.length - 1];
    }
    peekAt(offset) {
        return this.tokens[this.pos + offset] ?? this.tokens[this.tokens.length - 1];
    }
    error(token, reason) {
        return exprErrorAt(this.src, token.pos, reason);
    }
    unexpected(token = this.cur) {
        if (token.kind === 'eof')
            return this.error(token, 'unexpected end of expression');
        return this.error(token, `unexpected token ${describeToken(token)}`);
    }
    isOp(value, token = this.cur) {
        return token.kind === 'op' && token.value === value;
    }
    expectOp(value) {
        const t = this.cur;
        if (!this.isOp(value))
            throw this.unexpected();
        this.pos++;
        return t;
    }
    parse() {
        if (this.tokens.length === 1)
            throw this.error(this.cur, 'empty expression');
        const node = this.expression(0);
        if (this.cur.kind !== 'eof')
            throw this.unexpected();
        return node;
    }
    expression(minPrec) {
        if (++this.nesting > this.limits.maxDepth) {
            throw this.error(this.cur, `expression nests too deeply (limit ${this.limits.maxDepth})`);
        }
        try {
            return this.expressionInner(minPrec);
        }
        finally {
            this.nesting--;
        }
    }
    expressionInner(minPrec) {
        if (minPrec === 0 && this.isOp('let'))
            return this.letExpression();
        let left = this.primary();
        let prevOp = '';
        for (;;) {
            let opToken = this.cur;
            if (opToken.kind !== 'op')
                break;
            let negate = false;
            if (opToken.value === 'not') {
                const next = this.peekAt(1);
                if (next.kind !== 'op' || !NEGATABLE.has(next.value))
                    throw this.unexpected(next);
                if ((BINARY[next.value]?.prec ?? -1) < minPrec)
                    break;
                negate = true;
                this.pos++;
                opToken = next;
            }
            const op = BINARY[opToken.value];
            if (!op || op.prec < minPrec)
                break;
            this.pos++;
            if (opToken.value === '|') {
                const name = this.cur;
                if (name.kind !== 'ident')
                    throw this.unexpected();
                this.pos++;
                left = this.postfix(this.call(name, [left]));
                prevOp = '|';
                continue;
            }
            if (prevOp === '??' && opToken.value !== '??') {
                throw this.error(opToken, `operator (${opToken.value}) and coalesce expressions (??) cannot be mixed; wrap either in parentheses`);
            }
            if (op.prec === 20 && !negate) {
                left = this.comparison(left, opToken);
            }
            else {
                const right = this.expression(op.right ? op.prec : op.prec + 1);
                left = { k: 'binary', pos: opToken.pos, op: opToken.value, left, right };
                if (negate)
                    left = { k: 'unary', pos: opToken.pos, op: 'not', operand: left };
            }
            prevOp = opToken.value;
        }
        if (minPrec === 0)
            left = this.conditional(left);
        return left;
    }
    /** `a < b < c` ⇒ `a < b && b < c`, as expr-lang chains comparisons. */
    comparison(left, first) {
        let root;
        let token = first;
        for (;;) {
            const right = this.expression(21);
            const cmp = { k: 'binary', pos: token.pos, op: token.value, left, right };
            root = root ? { k: 'binary', pos: token.pos, op: '&&', left: root, right: cmp } : cmp;
            left = right;
            token = this.cur;
            if (token.kind !== 'op' || BINARY[token.value]?.prec !== 20)
                break;
            this.pos++;
        }
        return root;
    }
    conditional(test) {
        let node = test;
        while (this.isOp('?')) {
            const q = this.cur;
            this.pos++;
            if (this.isOp(':')) {
                // `a ?: b` is `a ? a : b`.
                this.pos++;
                node = {
                    k: 'cond',
                    pos: q.pos,
                    test: node,
                    then: node,
                    else: this.expression(0),
                    elvis: true,
                };
            }
            else {
                const then = this.expression(0);
                this.expectOp(':');
                node = { k: 'cond', pos: q.pos, test: node, then, else: this.expression(0) };
            }
        }
        return node;
    }
    letExpression() {
        const letToken = this.expectOp('let');
        const name = this.cur;
        if (name.kind !== 'ident')
            throw this.unexpected();
        this.pos++;
        this.expectOp('=');
        const value = this.expression(0);
        this.expectOp(';');
        return { k: 'let', pos: letToken.pos, name: name.value, value, body: this.expression(0) };
    }
    primary() {
        const t = this.cur;
        if (t.kind === 'op') {
            const prec = UNARY[t.value];
            if (prec !== undefined) {
                this.pos++;
                const operand = this.expression(prec);
                return this.postfix({ k: 'unary', pos: t.pos, op: t.value, operand });
            }
            if (t.value === '(') {
                this.pos++;
                const inner = this.expression(0);
                this.expectOp(')');
                return this.postfix(inner);
            }
            if (t.value === '#' || t.value === '.') {
                if (this.predicateDepth === 0) {
                    throw this.error(t, 'cannot use pointer accessor outside predicate');
                }
                if (t.value === '.')
                    return this.postfix({ k: 'pointer', pos: t.pos, name: '' });
                this.pos++;
                let name = '';
                const next = this.cur;
                // `#index`, `#acc`: the name must touch the `#`.
                if (next.kind === 'ident' && next.pos === t.pos + 1) {
                    name = next.value;
                    this.pos++;
                }
                return this.postfix({ k: 'pointer', pos: t.pos, name });
            }
            if (t.value === '[')
                return this.postfix(this.arrayLiteral());
            if (t.value === '{')
                return this.postfix(this.mapLiteral());
            throw this.unexpected();
        }
        this.pos++;
        switch (t.kind) {
            case 'number':
                return this.postfix({ k: 'lit', pos: t.pos, value: t.num ?? 0 });
            case 'string':
                return this.postfix({ k: 'lit', pos: t.pos, value: t.value });
            case 'ident':
                switch (t.value) {
                    case 'true':
                        return this.postfix({ k: 'lit', pos: t.pos, value: true });
                    case 'false':
                        return this.postfix({ k: 'lit', pos: t.pos, value: false });
                    case 'nil':
                    case 'null':
                        return this.postfix({ k: 'lit', pos: t.pos, value: null });
                }
                if (this.isOp('('))
                    return this.postfix(this.call(t, []));
                return this.postfix({ k: 'ident', pos: t.pos, name: t.value });
            default:
                this.pos--;
                throw this.unexpected();
        }
    }
    call(name, piped) {
        const shape = Object.hasOwn(PREDICATE_BUILTINS, name.value)
            ? PREDICATE_BUILTINS[name.value]
            : undefined;
        this.expectOp('(');
        const args = [...piped];
        if (!shape) {
            while (!this.isOp(')')) {
                if (args.length > piped.length) {
                    this.expectOp(',');
                    if (this.isOp(')'))
                        break;
                }
                args.push(this.expression(0));
            }
            this.expectOp(')');
            return { k: 'call', pos: name.pos, name: name.value, args };
        }
        const rest = shape.slice(piped.length);
        for (let i = 0; i < rest.length; i++) {
            const kind = rest[i] ?? 'e';
            if (this.isOp(')')) {
                if (kind.endsWith('?'))
                    break;
                const required = shape.filter((s) => !s.endsWith('?')).length;
                throw this.error(this.cur, `${name.value}() expects at least ${required} arguments`);
            }
            if (i > 0) {
                this.expectOp(',');
                if (this.isOp(')') && kind.endsWith('?'))
                    break;
            }
            if (kind.startsWith('p'))
                args.push(this.predicate());
            else
                args.push(this.expression(0));
        }
        if (this.isOp(','))
            this.pos++;
        if (!this.isOp(')')) {
            throw this.error(this.cur, `${name.value}() takes at most ${shape.length} arguments`);
        }
        this.pos++;
        return { k: 'call', pos: name.pos, name: name.value, args };
    }
    predicate() {
        const start = this.cur;
        const braced = this.isOp('{');
        if (braced)
            this.pos++;
        this.predicateDepth++;
        const body = this.expression(0);
        this.predicateDepth--;
        if (braced)
            this.expectOp('}');
        return { k: 'closure', pos: start.pos, body };
    }
    arrayLiteral() {
        const open = this.expectOp('[');
        const items = [];
        while (!this.isOp(']')) {
            if (items.length > 0) {
                this.expectOp(',');
                if (this.isOp(']'))
                    break;
            }
            items.push(this.expression(0));
        }
        this.expectOp(']');
        return { k: 'array', pos: open.pos, items };
    }
    mapLiteral() {
        const open = this.expectOp('{');
        const entries = [];
        while (!this.isOp('}')) {
            if (entries.length > 0) {
                this.expectOp(',');
                if (this.isOp('}'))
                    break;
            }
            const t = this.cur;
            let key;
            if (t.kind === 'string' ||
                t.kind === 'ident' ||
                t.kind === 'number' ||
                (t.kind === 'op' && WORD_OPERATORS.has(t.value))) {
                key = { k: 'lit', pos: t.pos, value: t.value };
                this.pos++;
            }
            else if (this.isOp('(')) {
                key = this.expression(0);
            }
            else {
                throw this.error(t, `a map key must be a quoted string, a number, a name, or an expression in parentheses (unexpected token ${describeToken(t)})`);
            }
            this.expectOp(':');
            entries.push({ key, value: this.expression(0) });
        }
        this.expectOp('}');
        return { k: 'map', pos: open.pos, entries };
    }
    /** Member access, indexing, slicing and method calls after a primary. */
    postfix(start) {
        let node = start;
        let chained = false;
        for (;;) {
            const t = this.cur;
            if (this.isOp('.') || this.isOp('?.')) {
                const optional = t.value === '?.';
                this.pos++;
                if (optional && this.isOp('[')) {
                    chained = true;
                    node = this.index(node, true);
                    continue;
                }
                const name = this.cur;
                // Operator words (`not`, `matches`, …) are valid property and method names.
                if (name.kind !== 'ident' && !(name.kind === 'op' && WORD_OPERATORS.has(name.value))) {
                    throw this.error(name, 'expected name');
                }
                this.pos++;
                if (optional)
                    chained = true;
                if (this.isOp('(')) {
                    this.pos++;
                    const args = [];
                    while (!this.isOp(')')) {
                        if (args.length > 0) {
                            this.expectOp(',');
                            if (this.isOp(')'))
                                break;
                        }
                        args.push(this.expression(0));
                    }
                    this.expectOp(')');
                    node = { k: 'method', pos: name.pos, object: node, name: name.value, args, optional };
                }
                else {
                    node = {
                        k: 'member',
                        pos: name.pos,
                        object: node,
                        property: { k: 'lit', pos: name.pos, value: name.value },
                        optional,
                        name: name.value,
                    };
                }
                continue;
            }
            if (this.isOp('[')) {
                node = this.index(node, false);
                continue;
            }
            break;
        }
        return chained ? { k: 'chain', pos: start.pos, node } : node;
    }
    index(object, optional) {
        const open = this.expectOp('[');
        if (this.isOp(':')) {
            this.pos++;
            const to = this.isOp(']') ? undefined : this.expression(0);
            this.expectOp(']');
            return { k: 'slice', pos: open.pos, object, to };
        }
        const from = this.expression(0);
        if (this.isOp(':')) {
            this.pos++;
            const to = this.isOp(']') ? undefined : this.expression(0);
            this.expectOp(']');
            return { k: 'slice', pos: open.pos, object, from, to };
        }
        this.expectOp(']');
        return { k: 'member', pos: open.pos, object, property: from, optional };
    }
}
/** The child nodes of a node, for walks that must not recurse. */
function children(n) {
    switch (n.k) {
        case 'lit':
        case 'ident':
        case 'pointer':
            return [];
        case 'array':
            return n.items;
        case 'map':
            return n.entries.flatMap((e) => [e.key, e.value]);
        case 'member':
            return [n.object, n.property];
        case 'slice':
            return [n.object, ...(n.from ? [n.from] : []), ...(n.to ? [n.to] : [])];
        case 'call':
            return n.args;
        case 'method':
            return [n.object, ...n.args];
        case 'closure':
            return [n.body];
        case 'unary':
            return [n.operand];
        case 'binary':
            return [n.left, n.right];
        case 'cond':
            return [n.test, n.then, n.else];
        case 'chain':
            return [n.node];
        case 'let':
            return [n.value, n.body];
    }
}
/** Parse `source` into a syntax tree; throws ExprError with the position of the problem. */
function parser_parse(source, limits = DEFAULT_PARSE_LIMITS) {
    if (source.length > limits.maxSourceLength) {
        throw new errors_ExprError(`expression is too long (limit ${limits.maxSourceLength} characters)`);
    }
    const root = new Parser(source, limits).parse();
    // Left-associative chains are built in a loop, so check the tree's depth without recursion.
    const stack = [[root, 1]];
    while (stack.length > 0) {
        const [node, depth] = stack.pop();
        if (depth > limits.maxDepth) {
            throw exprErrorAt(source, node.pos, `expression nests too deeply (limit ${limits.maxDepth})`);
        }
        for (const c of children(node))
            stack.push([c, depth + 1]);
    }
    return root;
}

;// CONCATENATED MODULE: ./src/expr/compile.ts





/** Regex literals (`x matches "^v1"`) are checked once, here, as expr-lang does at compile time. */
function checkRegexLiterals(source, root) {
    const stack = [root];
    while (stack.length > 0) {
        const n = stack.pop();
        if (n.k === 'binary' && n.op === 'matches' && n.right.k === 'lit') {
            const pattern = n.right.value;
            if (typeof pattern === 'string') {
                try {
                    (0,regex_core/* compileRegex */.DL)(pattern);
                }
                catch (err) {
                    throw exprErrorAt(source, n.right.pos, err.message, err);
                }
            }
        }
        stack.push(...children(n));
    }
}
/** Parse `source` once; throws ExprError (`unexpected token ')' at 1:14`). */
function compile_compileExpr(source, opts = {}) {
    if (typeof source !== 'string') {
        throw new errors_ExprError(`expression must be a string, got ${formatValue(source)}`);
    }
    const root = parser_parse(source, { ...DEFAULT_PARSE_LIMITS, ...opts.limits });
    checkRegexLiterals(source, root);
    return {
        source,
        evaluate(env, evalOpts) {
            return new Evaluator(source, env, evalOpts).run(root);
        },
    };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/expr/template.ts
/**
 * Kargo's expression templates: strings with `${{ expr }}` (or `${% expr %}`) inside, as found in
 * promotion step configuration.
 *
 * Rendering follows Kargo (pkg/expressions/json_templates.go):
 * 1. A string without any opening delimiter is returned untouched (`"42"` stays a string).
 * 2. Each expression is evaluated; a string result is inserted as is, anything else as Go's
 *    JSON encoding of it (`42`, `true`, `null`, `{"a":1}`). Text between expressions is kept.
 *    An expression ends at the first closing delimiter, even inside a string literal: use
 *    `${% … %}` to write `}}` (Kargo's `'{{.domain}}'` case).
 * 3. The rendered text, less one trailing newline (YAML `|` blocks end with one), is then typed:
 *    if it is wrapped in double quotes (what `quote()`, `unsafeQuote()`, `asYAML()` and
 *    `asJSON()` produce) the quotes are stripped and the result is a string; otherwise a Go
 *    float, then a Go bool (`true`, `T`, `1` is taken by the float rule first…), then any JSON
 *    value; otherwise the text (with its newline back) is the string result.
 *
 * So `"${{ anInt }}"` is the number 42, `"${{ quote(anInt) }}"` the string "42",
 * `"${{ \"null\" }}"` JSON null, and `"${{ aString }}, world!"` the string "hello, world!".
 */






const DELIMITERS = [
    { open: '${{', close: '}}' },
    { open: '${%', close: '%}' },
];
/** Names that templates reserve for their own functions; an environment may not use them. */
const RESERVED_TEMPLATE_NAMES = ['quote', 'asYAML', 'asJSON'];
function quoteFn(args) {
    const [v] = expectArgs('quote', args, ['any']);
    // Strings keep their text exactly (see the deviation note in the report); other values are
    // written as JSON, like unsafeQuote.
    return typeof v === 'string' ? `"${v}"` : unsafeQuoteFn(args);
}
function unsafeQuoteFn(args) {
    const [v] = expectArgs('unsafeQuote', args, ['any']);
    return `"${marshalJSON(v)}"`;
}
const asYAMLFn = (args, ctx) => {
    const [v] = expectArgs('asYAML', args, ['any']);
    // yaml.v3's defaults: four-space indentation, sorted map keys, no line folding.
    const text = (0,dist.stringify)(toPlain(v), {
        indent: 4,
        indentSeq: true,
        sortMapEntries: true,
        lineWidth: 0,
    });
    ctx.checkString(text.length);
    return `"${text}"`;
};
const asJSONFn = (args, ctx) => {
    const [v] = expectArgs('asJSON', args, ['any']);
    const text = marshalJSON(v, '  ');
    ctx.checkString(text.length);
    return `"${text}\n"`;
};
const TEMPLATE_FUNCTIONS = {
    quote: quoteFn,
    unsafeQuote: unsafeQuoteFn,
    asYAML: asYAMLFn,
    asJSON: asJSONFn,
};
function checkReservedKeys(env) {
    for (const name of RESERVED_TEMPLATE_NAMES) {
        const present = env instanceof Map ? env.has(name) : Object.hasOwn(env, name);
        if (present) {
            throw new errors_ExprError(`${JSON.stringify(name)} is a forbidden key in the environment map; it is reserved for internal use`);
        }
    }
}
/** Does `template` contain an opening delimiter (and so need evaluating at all)? */
function hasExpression(template) {
    return DELIMITERS.some((d) => template.includes(d.open));
}
const GO_BOOLS = {
    '1': true,
    t: true,
    T: true,
    TRUE: true,
    true: true,
    True: true,
    '0': false,
    f: false,
    F: false,
    FALSE: false,
    false: false,
    False: false,
};
/** Go's strconv.ParseBool; undefined when the text is not a bool. */
function parseGoBool(text) {
    return Object.hasOwn(GO_BOOLS, text) ? GO_BOOLS[text] : undefined;
}
/** Evaluate every expression of `template` and concatenate (step 2 above). */
function renderText(template, env, opts) {
    let out = '';
    let rest = template;
    for (;;) {
        let best;
        for (const d of DELIMITERS) {
            const at = rest.indexOf(d.open);
            if (at >= 0 && (!best || at < best.at))
                best = { at, open: d.open, close: d.close };
        }
        if (!best)
            return out + rest;
        out += rest.slice(0, best.at);
        const start = best.at + best.open.length;
        const end = rest.indexOf(best.close, start);
        if (end < 0) {
            throw new errors_ExprError(`unclosed expression: expected ${JSON.stringify(best.close)} but reached end of template`);
        }
        const source = rest.slice(start, end);
        let value;
        try {
            value = compile_compileExpr(source).evaluate(env, opts);
        }
        catch (err) {
            // Name the expression: a config holds many, and the position alone does not say which.
            if (!(err instanceof errors_ExprError))
                throw err;
            const shown = source.trim();
            throw new errors_ExprError(`${err.message} in \${{ ${shown.length > 80 ? `${shown.slice(0, 77)}...` : shown} }}`, 0, 0, { cause: err });
        }
        let text;
        if (typeof value === 'string')
            text = value;
        else {
            try {
                text = marshalJSON(value);
            }
            catch (err) {
                throw new errors_ExprError(`${err.message} (in ${JSON.stringify(source.trim())})`, 0, 0, {
                    cause: err,
                });
            }
        }
        out += text;
        const limit = opts.limits?.maxStringLength ?? 1_000_000;
        if (out.length > limit) {
            throw new errors_ExprError(`rendered template exceeds the limit of ${limit} characters`);
        }
        rest = rest.slice(end + best.close.length);
    }
}
/**
 * Render one template string the way Kargo does (see the module comment): the typed result of a
 * template that is a single expression, or the string of a mixed one. Strings without `${{` or
 * `${%` are returned as they are. Throws ExprError.
 */
function renderTemplate(template, env, opts = {}) {
    checkReservedKeys(env);
    if (!hasExpression(template))
        return template;
    const functions = { ...opts.functions, ...TEMPLATE_FUNCTIONS };
    let result = renderText(template, env, { ...opts, functions });
    const hadNewline = result.endsWith('\n');
    if (hadNewline)
        result = result.slice(0, -1);
    if (result.length > 1 && result.startsWith('"') && result.endsWith('"')) {
        return result.slice(1, -1) + (hadNewline ? '\n' : '');
    }
    const num = parseGoFloat(result);
    if (num !== undefined)
        return num;
    const bool = parseGoBool(result);
    if (bool !== undefined)
        return bool;
    try {
        return JSON.parse(result);
    }
    catch {
        return result + (hadNewline ? '\n' : '');
    }
}
/** Render every string leaf of a JSON value (map keys are left alone), returning a new value. */
function renderTemplates(value, env, opts = {}) {
    checkReservedKeys(env);
    const walk = (v, depth, path) => {
        if (depth > 100)
            throw new errors_ExprError('template nests more than 100 levels deep');
        if (typeof v === 'string') {
            try {
                return renderTemplate(v, env, opts);
            }
            catch (err) {
                // Say which field: `updates[0].value: …`.
                if (!(err instanceof errors_ExprError) || path === '')
                    throw err;
                throw new errors_ExprError(`${path}: ${err.message}`, 0, 0, { cause: err });
            }
        }
        if (Array.isArray(v))
            return v.map((x, i) => walk(x, depth + 1, `${path}[${i}]`));
        if (v !== null && typeof v === 'object') {
            const out = {};
            for (const [k, x] of Object.entries(v)) {
                const field = /^[A-Za-z_$][\w$-]*$/.test(k) ? k : JSON.stringify(k);
                Object.defineProperty(out, k, {
                    value: walk(x, depth + 1, path === '' ? field : `${path}.${field}`),
                    enumerable: true,
                    writable: true,
                    configurable: true,
                });
            }
            return out;
        }
        return v;
    };
    return walk(value, 0, '');
}
/**
 * Kargo's EvaluateJSONTemplate: parse `jsonText` (expressions must sit inside JSON strings), then
 * render every string value. Returns the resulting value.
 */
function evaluateJSONTemplate(jsonText, env, opts = {}) {
    checkReservedKeys(env);
    let parsed;
    try {
        parsed = JSON.parse(jsonText);
    }
    catch (err) {
        throw new ExprError(`input is not valid JSON; are all expressions enclosed in quotes? ${err.message}`, 0, 0, { cause: err });
    }
    return renderTemplates(parsed, env, opts);
}

;// CONCATENATED MODULE: ./src/expr/check.ts
/**
 * Static checks of expressions, before anything runs: what expr-lang's type checker reports when
 * Kargo compiles an expression against its environment. `gantry lint` uses them for every
 * `${{ }}` of a project file.
 *
 * The checker knows the names an expression may read (`vars`, `ctx`, `outputs`, …) and the
 * functions it may call, with their argument counts and, where the function returns a struct,
 * the struct's fields. It reports syntax errors, unknown names, unknown functions, wrong argument
 * counts, and fields a struct does not have (`imageFrom(x).Tga`), each at its position in the
 * expression. Anything it cannot know statically (a field of a var, of a step output, of a map
 * from `fromJSON`) is left to run time, where reading a missing struct field is an error too.
 */





const ANY = { kind: 'any' };
function structOf(name, fields, unknown) {
    return { kind: 'struct', name, fields, ...(unknown ? { unknown } : {}) };
}
/** `n` string fields, as most of Kargo's structs have. */
function stringFields(...names) {
    return Object.fromEntries(names.map((n) => [n, ANY]));
}
const sig = (min, max = min) => ({ min, max });
/** Argument counts of the builtins (builtins.ts), which check their arguments only when called. */
const BUILTIN_SIGNATURES = {
    len: sig(1),
    lower: sig(1),
    upper: sig(1),
    trim: sig(1, 2),
    trimPrefix: sig(2),
    trimSuffix: sig(2),
    split: sig(2, 3),
    splitAfter: sig(2, 3),
    join: sig(1, 2),
    replace: sig(3),
    hasPrefix: sig(2),
    hasSuffix: sig(2),
    indexOf: sig(2),
    lastIndexOf: sig(2),
    repeat: sig(2),
    string: sig(1),
    int: sig(1),
    float: sig(1),
    type: sig(1),
    toJSON: sig(1),
    fromJSON: sig(1),
    toBase64: sig(1),
    fromBase64: sig(1),
    abs: sig(1),
    ceil: sig(1),
    floor: sig(1),
    round: sig(1),
    max: sig(1, Infinity),
    min: sig(1, Infinity),
    mean: sig(1, Infinity),
    median: sig(1, Infinity),
    first: sig(1),
    last: sig(1),
    take: sig(2),
    reverse: sig(1),
    uniq: sig(1),
    flatten: sig(1),
    concat: sig(0, Infinity),
    sort: sig(1, 2),
    keys: sig(1),
    values: sig(1),
    get: sig(2),
    now: sig(0),
    date: sig(1, 3),
    duration: sig(1),
    semverParse: sig(1),
    semverDiff: sig(2),
};
/** The functions `${{ }}` templates add (template.ts). */
const TEMPLATE_SIGNATURES = {
    quote: sig(1),
    unsafeQuote: sig(1),
    asYAML: sig(1),
    asJSON: sig(1),
};
function offsetOf(source, line, column) {
    let offset = 0;
    for (let l = 1; l < line; l++) {
        const nl = source.indexOf('\n', offset);
        if (nl < 0)
            break;
        offset = nl + 1;
    }
    // Columns count code points.
    const rest = [...source.slice(offset)].slice(0, Math.max(0, column - 1)).join('');
    return offset + rest.length;
}
const same = (a, b) => a.kind === 'struct' && b.kind === 'struct' && a.name === b.name;
/** Check one expression (no `${{ }}` around it). */
function checkExpression(source, env) {
    let root;
    try {
        // compileExpr also checks regex literals; parse again for the tree it keeps to itself.
        compile_compileExpr(source);
        root = parser_parse(source, DEFAULT_PARSE_LIMITS);
    }
    catch (err) {
        if (!(err instanceof errors_ExprError))
            throw err;
        const offset = err.line > 0 ? offsetOf(source, err.line, err.column) : 0;
        return [{ offset, message: err.reason }];
    }
    const problems = [];
    const report = (node, message) => {
        problems.push({ offset: node.pos, message });
    };
    const typeOf = (node, scope) => {
        switch (node.k) {
            case 'ident': {
                const local = scope.get(node.name);
                if (local)
                    return local;
                if (node.name === '$env')
                    return ANY;
                if (Object.hasOwn(env.names, node.name))
                    return env.names[node.name] ?? ANY;
                const known = [...Object.keys(env.names), ...scope.keys()];
                report(node, `unknown name ${JSON.stringify(node.name)}${(0,suggest/* didYouMean */.au)(node.name, known)}`);
                return ANY;
            }
            case 'member': {
                const object = typeOf(node.object, scope);
                const property = node.property;
                if (object.kind === 'struct' &&
                    property.k === 'lit' &&
                    typeof property.value === 'string') {
                    const field = property.value;
                    if (Object.hasOwn(object.fields, field))
                        return object.fields[field] ?? ANY;
                    const known = Object.keys(object.fields);
                    report(node, object.unknown
                        ? object.unknown(field, known)
                        : `type ${object.name} has no field ${field}${(0,suggest/* didYouMean */.au)(field, known)} (fields: ${known.join(', ')})`);
                    return ANY;
                }
                typeOf(property, scope);
                return ANY;
            }
            case 'call': {
                if (Object.hasOwn(PREDICATE_BUILTINS, node.name)) {
                    for (const a of node.args)
                        typeOf(a, scope);
                    return ANY;
                }
                const signature = Object.hasOwn(env.functions, node.name)
                    ? env.functions[node.name]
                    : Object.hasOwn(BUILTIN_SIGNATURES, node.name)
                        ? BUILTIN_SIGNATURES[node.name]
                        : undefined;
                const why = env.unsupported?.[node.name];
                if (!signature && why !== undefined) {
                    report(node, `${node.name}() is not available: ${why}`);
                }
                else if (!signature) {
                    const known = [
                        ...Object.keys(env.functions),
                        ...Object.keys(BUILTINS),
                        ...Object.keys(PREDICATE_BUILTINS),
                    ];
                    report(node, `unknown function ${node.name}()${(0,suggest/* didYouMean */.au)(node.name, known)}`);
                }
                else if (node.args.length < signature.min || node.args.length > signature.max) {
                    const want = signature.min === signature.max
                        ? `${signature.min}`
                        : signature.max === Infinity
                            ? `at least ${signature.min}`
                            : `${signature.min} to ${signature.max}`;
                    report(node, `${node.name}(): expected ${want} argument${want === '1' ? '' : 's'}, got ${node.args.length}`);
                }
                for (const a of node.args)
                    typeOf(a, scope);
                if (signature && env.checkCall) {
                    const literals = node.args.map((a) => a.k === 'lit' && typeof a.value === 'string' ? a.value : undefined);
                    const problem = env.checkCall(node.name, literals);
                    if (problem)
                        report(node, problem);
                }
                return signature?.returns ?? ANY;
            }
            case 'binary': {
                const left = typeOf(node.left, scope);
                const right = typeOf(node.right, scope);
                return node.op === '??' && same(left, right) ? left : ANY;
            }
            case 'cond': {
                const test = typeOf(node.test, scope);
                const then = typeOf(node.then, scope);
                const otherwise = typeOf(node.else, scope);
                if (node.elvis)
                    return same(test, otherwise) ? test : ANY;
                return same(then, otherwise) ? then : ANY;
            }
            case 'chain':
                return typeOf(node.node, scope);
            case 'let': {
                const value = typeOf(node.value, scope);
                return typeOf(node.body, new Map([...scope, [node.name, value]]));
            }
            default:
                for (const c of children(node))
                    typeOf(c, scope);
                return ANY;
        }
    };
    typeOf(root, new Map());
    return problems;
}
const check_DELIMITERS = [
    { open: '${{', close: '}}' },
    { open: '${%', close: '%}' },
];
/**
 * The expressions of a template string, with the offset of each one's source in the string (just
 * after its 3-character opening delimiter); `unclosed` when the text ends before the closing one.
 */
function templateExpressions(template) {
    const out = [];
    let at = 0;
    for (;;) {
        let best;
        for (const d of check_DELIMITERS) {
            const i = template.indexOf(d.open, at);
            if (i >= 0 && (!best || i < best.at))
                best = { at: i, open: d.open, close: d.close };
        }
        if (!best)
            return out;
        const start = best.at + best.open.length;
        const end = template.indexOf(best.close, start);
        if (end < 0) {
            out.push({ source: template.slice(start), offset: start, unclosed: true });
            return out;
        }
        out.push({ source: template.slice(start, end), offset: start });
        at = end + best.close.length;
    }
}
/**
 * Check every expression of a template string (`"v${{ vars.tag }}"`); offsets are into the
 * template. The template functions (`quote`, `asYAML`, …) are available, as when rendering.
 */
function checkTemplate(template, env) {
    const problems = [];
    const withTemplateFns = {
        ...env,
        functions: { ...env.functions, ...TEMPLATE_SIGNATURES },
    };
    for (const e of templateExpressions(template)) {
        if (e.unclosed) {
            problems.push({
                offset: e.offset - 3,
                message: 'unclosed expression: no closing delimiter before the end of the text',
            });
            continue;
        }
        for (const p of checkExpression(e.source, withTemplateFns)) {
            problems.push({ offset: e.offset + p.offset, message: p.message });
        }
    }
    return problems;
}

// EXTERNAL MODULE: ./src/urls/index.ts
var urls = __webpack_require__(6066);
;// CONCATENATED MODULE: ./src/expr/freight.ts




const IMAGE_FIELDS = ['RepoURL', 'Tag', 'Digest'];
const CHART_FIELDS = ['RepoURL', 'Name', 'Version'];
const COMMIT_FIELDS = ['RepoURL', 'ID', 'Branch', 'Tag', 'Message', 'Author', 'Committer'];
const ORIGIN_FIELDS = ['Kind', 'Name'];
const IMAGE = structOf('Image', stringFields(...IMAGE_FIELDS));
const CHART = structOf('Chart', stringFields(...CHART_FIELDS));
const COMMIT = structOf('GitCommit', stringFields(...COMMIT_FIELDS));
const ORIGIN = structOf('FreightOrigin', stringFields(...ORIGIN_FIELDS));
/** Argument counts and result types of the freight functions, for static checks. */
const FREIGHT_SIGNATURES = {
    warehouse: { min: 1, max: 1, returns: ORIGIN },
    imageFrom: { min: 1, max: 2, returns: IMAGE },
    chartFrom: { min: 1, max: 3, returns: CHART },
    commitFrom: { min: 1, max: 2, returns: COMMIT },
};
function originArg(fn, v) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        const o = v;
        const name = o['Name'] ?? o['name'];
        const kind = o['Kind'] ?? o['kind'] ?? 'Warehouse';
        if (typeof name === 'string' && typeof kind === 'string')
            return { kind, name };
    }
    throw new Error(`${fn}(): the origin argument must come from warehouse(name)`);
}
/**
 * The one artifact `match` finds in the collection (restricted to `origin` when given): nil when
 * none, an error when freight of several origins could provide it.
 */
function findArtifact(fn, what, collection, origin, pick) {
    const found = [];
    for (const freight of collection) {
        if (origin && (freight.origin.name !== origin.name || freight.origin.kind !== origin.kind))
            continue;
        const item = pick(freight);
        if (item !== undefined)
            found.push({ freight, item });
    }
    if (found.length > 1) {
        const origins = found.map((f) => JSON.stringify(f.freight.origin.name)).join(', ');
        throw new Error(`${fn}(): freight from several warehouses (${origins}) could provide the ${what}; pass warehouse("name") to say which`);
    }
    return found[0]?.item ?? null;
}
/** The freight functions over `collection` (see the module comment). */
function freightFunctions(collection, log = () => undefined) {
    const missing = (fn, what, origin) => {
        log(`${fn}(): the freight collection has no ${what}${origin ? ` from warehouse ${JSON.stringify(origin.name)}` : ''}; returning nil`);
        return null;
    };
    return {
        warehouse: (args) => {
            const [name] = expectArgs('warehouse', args, ['string']);
            if (name === '')
                throw new Error('warehouse(): the name must not be empty');
            return makeStruct('FreightOrigin', { Kind: 'Warehouse', Name: name });
        },
        imageFrom: (args) => {
            const [repoURL, o] = expectArgs('imageFrom', args, ['string'], ['map']);
            const origin = o === undefined ? undefined : originArg('imageFrom', o);
            const want = (0,urls/* normalizeImageURL */.Eq)(repoURL);
            const what = `image from ${JSON.stringify(repoURL)}`;
            const image = findArtifact('imageFrom', what, collection, origin, (f) => f.images.find((i) => i.repoURL === repoURL || (0,urls/* normalizeImageURL */.Eq)(i.repoURL) === want));
            if (!image)
                return missing('imageFrom', what, origin);
            return makeStruct('Image', {
                RepoURL: image.repoURL,
                Tag: image.tag,
                Digest: image.digest,
            });
        },
        chartFrom: (args) => {
            if (args.length < 1 || args.length > 3)
                throw new Error(`chartFrom(): expected 1 to 3 arguments, got ${args.length}`);
            const [repoURL] = expectArgs('chartFrom', args.slice(0, 1), ['string']);
            let name;
            let origin;
            const second = args[1];
            if (typeof second === 'string')
                name = second;
            else if (args.length >= 2)
                origin = originArg('chartFrom', second);
            if (args.length === 3) {
                if (origin)
                    throw new Error('chartFrom(): the chart name comes before the origin');
                origin = originArg('chartFrom', args[2]);
            }
            const want = (0,urls/* normalizeChartURL */.D$)(repoURL);
            const what = `chart ${name ? `${JSON.stringify(name)} ` : ''}from ${JSON.stringify(repoURL)}`;
            const chart = findArtifact('chartFrom', what, collection, origin, (f) => f.charts.find((c) => (c.repoURL === repoURL || (0,urls/* normalizeChartURL */.D$)(c.repoURL) === want) &&
                (name === undefined || name === '' || c.name === name)));
            if (!chart)
                return missing('chartFrom', what, origin);
            return makeStruct('Chart', {
                RepoURL: chart.repoURL,
                Name: chart.name,
                Version: chart.version,
            });
        },
        commitFrom: (args) => {
            const [repoURL, o] = expectArgs('commitFrom', args, ['string'], ['map']);
            const origin = o === undefined ? undefined : originArg('commitFrom', o);
            const want = (0,urls/* normalizeGitURL */.Pn)(repoURL);
            const what = `commit from ${JSON.stringify(repoURL)}`;
            const commit = findArtifact('commitFrom', what, collection, origin, (f) => f.commits.find((c) => c.repoURL === repoURL || (0,urls/* normalizeGitURL */.Pn)(c.repoURL) === want));
            if (!commit)
                return missing('commitFrom', what, origin);
            return makeStruct('GitCommit', {
                RepoURL: commit.repoURL,
                ID: commit.id,
                Branch: commit.branch ?? '',
                Tag: commit.tag ?? '',
                Message: commit.message ?? '',
                Author: commit.author ?? '',
                Committer: commit.committer ?? '',
            });
        },
    };
}

;// CONCATENATED MODULE: ./src/expr/index.ts
/**
 * gantry's expression language: the subset of expr-lang (github.com/expr-lang/expr) that Kargo
 * users write in git `expressionFilter`s and in `${{ }}` promotion templates, evaluated by a
 * sandboxed tree-walking interpreter (no eval, no access beyond the data it is given, bounded
 * work). See docs in each module: lexer/parser (syntax), evaluator (semantics and limits),
 * functions (registering functions), template (Kargo's template rendering).
 */














/** Compile and evaluate in one go. */
function evaluate(source, env, opts) {
    return compileExpr(source).evaluate(env, opts);
}
/**
 * Evaluate a filter expression the way Kargo's git selectors do: a bool is used as is; anything
 * else is formatted with Go's `%v` and parsed with `strconv.ParseBool` (`1`, `t`, `TRUE` are true;
 * `0`, `f`, `False` false); any other result is an error
 * `error parsing expression result: strconv.ParseBool: parsing "…": invalid syntax`.
 */
function evaluateBool(expression, env, opts) {
    const compiled = typeof expression === 'string' ? compile_compileExpr(expression) : expression;
    const result = compiled.evaluate(env, opts);
    if (typeof result === 'boolean')
        return result;
    const text = formatValue(result);
    const parsed = parseGoBool(text);
    if (parsed === undefined) {
        throw new errors_ExprError(`error parsing expression result: strconv.ParseBool: parsing ${JSON.stringify(text)}: invalid syntax`);
    }
    return parsed;
}


/***/ }),

/***/ 5785:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  u7: () => (/* reexport */ PROJECT_DIR),
  U9: () => (/* reexport */ findStage),
  Rm: () => (/* reexport */ kargo_files/* isKargoFile */.Rm),
  a9: () => (/* reexport */ kargo_files/* kargoDirsOf */.a9),
  ok: () => (/* reexport */ loadProjectsFromDir),
  i3: () => (/* reexport */ loadProjectsFromFiles)
});

// UNUSED EXPORTS: branchNameProblem, checkProjects, formatDuration, isValidBranchName, loadProjectsWith, parseDuration, parseProjectFile, projectSchema

// EXTERNAL MODULE: ./src/pipeline/parse.ts + 2 modules
var parse = __webpack_require__(5499);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/suggest.ts
var suggest = __webpack_require__(7406);
;// CONCATENATED MODULE: ./src/pipeline/find.ts


/** The stage named `name`; a ConfigError with a did-you-mean when the project has none. */
function findStage(project, name) {
    const stage = project.stages.find((s) => s.name === name);
    if (!stage) {
        const names = project.stages.map((s) => s.name);
        throw new errors/* ConfigError */.xL(`no stage "${name}" in project ${project.name}${(0,suggest/* didYouMean */.au)(name, names)}`);
    }
    return stage;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/pipeline/kargo-files.ts
var kargo_files = __webpack_require__(1964);
// EXTERNAL MODULE: ./src/pipeline/source.ts
var source = __webpack_require__(4741);
// EXTERNAL MODULE: ./src/util/regex-core.ts
var regex_core = __webpack_require__(8887);
;// CONCATENATED MODULE: ./src/pipeline/load.ts
/**
 * Several project files together: the checks that need more than one file, and loading the
 * `.gantry/` directory of a GitOps checkout.
 */






/** The directory, relative to the repository root, that holds one file per project. */
const PROJECT_DIR = '.gantry';
function projectKeyProblem(project, message) {
    const src = (0,parse/* sourceOf */.vz)(project);
    if (!src)
        return { file: project.file, line: 1, column: 1, path: 'project', message };
    return (0,source/* problemAt */.l4)(src, ['project'], message, 'key');
}
/**
 * Checks across project files: each project name is used once, and each file is named after its
 * project (`.gantry/<project>.yaml` or `.yml`).
 */
function checkProjects(projects) {
    const problems = [];
    const firstFile = new Map();
    for (const project of projects) {
        const base = external_node_path_default().posix.basename(project.file.replace(/\\/g, '/'));
        const ext = /\.yml$/i.test(base) ? '.yml' : '.yaml';
        const expected = `${project.name}${ext}`;
        if (base !== expected) {
            problems.push(projectKeyProblem(project, `project ${JSON.stringify(project.name)} must be in a file named ${expected} (this file is ${base}): rename the file or the project`));
        }
        const earlier = firstFile.get(project.name);
        if (earlier !== undefined) {
            problems.push(projectKeyProblem(project, `project ${JSON.stringify(project.name)} is already defined in ${earlier}`));
        }
        else {
            firstFile.set(project.name, project.file);
        }
    }
    return (0,source/* tidyProblems */.zf)(problems);
}
/**
 * Parse each file, then run the cross-file checks over the ones that parsed. A file naming Kargo's
 * manifests (`kargo: <dir>`) is read with the files of that directory from `kargo` (by the
 * directory as `kargoDirsOf` gives it, file paths relative to the repository root). Kargo's
 * reader, with its schemas and validators, is loaded only when such a file is there: a
 * repository of gantry files never pays for it.
 */
async function loadProjectsFromFiles(files, kargo = new Map()) {
    const reader = files.some((f) => (0,kargo_files/* isKargoFile */.Rm)(f.text)) ? await Promise.all(/* import() */[__webpack_require__.e(2856), __webpack_require__.e(3902), __webpack_require__.e(8669)]).then(__webpack_require__.bind(__webpack_require__, 3902)) : undefined;
    if (reader || files.some((f) => mayCompileRegex(f.text)))
        await (0,regex_core/* loadRegexEngine */.cG)();
    return loadProjectsWith(files, kargo, reader?.parseKargoProject);
}
/**
 * Whether a project file may compile a pattern, now or when its project runs: tag regexes, a
 * `regex:` path filter or selector, an expression (`matches`, time layouts: criteria, metric
 * conditions, a step's `if`, an output's `fromExpression`) or a template. A
 * file with none of these never needs re2js; one with any loads it before its checks. The test
 * is on the text, so it errs towards loading (a comment naming a field counts).
 */
function mayCompileRegex(text) {
    return /Regexes|regexp?:|matches|[eE]xpression|Condition|\{\{|\bif\s*:/.test(text);
}
/**
 * loadProjectsFromFiles without the import: for a caller that holds Kargo's reader already, or
 * knows its files are gantry's own (a Kargo file given no reader fails loudly, never silently).
 */
function loadProjectsWith(files, kargo = new Map(), readKargo) {
    if (!files.length) {
        return {
            projects: [],
            problems: [
                {
                    file: `${PROJECT_DIR}/`,
                    line: 1,
                    column: 1,
                    path: '',
                    message: `no project files found: add a file ${PROJECT_DIR}/<project>.yaml describing warehouses and stages`,
                },
            ],
        };
    }
    const projects = [];
    const problems = [];
    for (const { file, text } of files) {
        let result;
        if ((0,kargo_files/* isKargoFile */.Rm)(text)) {
            if (!readKargo)
                throw new Error(`${file} names Kargo's manifests: load it with Kargo's reader`);
            const dir = (0,kargo_files/* kargoDirOf */.fm)(text);
            result = readKargo(file, text, dir === undefined ? [] : (kargo.get(dir) ?? []));
        }
        else
            result = (0,parse/* parseProjectFile */.NL)(file, text);
        if (result.project)
            projects.push(result.project);
        problems.push(...result.problems);
    }
    problems.push(...checkProjects(projects));
    return { projects, problems: (0,source/* tidyProblems */.zf)(problems) };
}
/**
 * Load `.gantry/*.yaml` and `.gantry/*.yml` (not subdirectories such as `.gantry/state/`) of the
 * checkout at `repoDir`, in file-name order. File paths in the result are relative to `repoDir`.
 */
async function loadProjectsFromDir(repoDir) {
    let names = [];
    try {
        const entries = await (0,promises_.readdir)(external_node_path_default().join(repoDir, PROJECT_DIR), { withFileTypes: true });
        names = entries
            .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
            .map((e) => e.name)
            .sort();
    }
    catch (err) {
        const code = err.code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR')
            throw err;
    }
    // A file over the cap is not read at all: its size alone is the problem.
    const oversized = [];
    const files = [];
    for (const name of names) {
        const full = external_node_path_default().join(repoDir, PROJECT_DIR, name);
        const file = `${PROJECT_DIR}/${name}`;
        const { size } = await (0,promises_.stat)(full);
        if (size > parse/* PROJECT_FILE_LIMITS */.Wb.bytes)
            oversized.push((0,parse/* tooLarge */.g$)(file, size));
        else
            files.push({ file, text: await (0,promises_.readFile)(full, 'utf8') });
    }
    const kargo = new Map();
    for (const dir of (0,kargo_files/* kargoDirsOf */.a9)(files)) {
        const read = await readYamlTree(repoDir, dir);
        oversized.push(...read.oversized);
        kargo.set(dir, read.files);
    }
    if (!oversized.length)
        return loadProjectsFromFiles(files, kargo);
    const loaded = files.length
        ? await loadProjectsFromFiles(files, kargo)
        : { projects: [], problems: [] };
    return { projects: loaded.projects, problems: (0,source/* tidyProblems */.zf)([...oversized, ...loaded.problems]) };
}
/**
 * The YAML files under `dir` of the checkout at `repoDir`, subdirectories included, in path
 * order; paths relative to `repoDir`. A file over the cap is not read.
 */
async function readYamlTree(repoDir, dir) {
    let names = [];
    try {
        const entries = await (0,promises_.readdir)(external_node_path_default().join(repoDir, dir), {
            recursive: true,
            withFileTypes: true,
        });
        names = entries
            .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
            .map((e) => external_node_path_default().relative(repoDir, external_node_path_default().join(e.parentPath, e.name)).split((external_node_path_default()).sep).join('/'))
            .sort();
    }
    catch (err) {
        const code = err.code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR')
            throw err;
    }
    const files = [];
    const oversized = [];
    for (const file of names) {
        const full = external_node_path_default().join(repoDir, file);
        const { size } = await (0,promises_.stat)(full);
        if (size > parse/* PROJECT_FILE_LIMITS */.Wb.bytes)
            oversized.push((0,parse/* tooLarge */.g$)(file, size));
        else
            files.push({ file, text: await (0,promises_.readFile)(full, 'utf8') });
    }
    return { files, oversized };
}

// EXTERNAL MODULE: ./src/pipeline/duration.ts
var duration = __webpack_require__(2512);
// EXTERNAL MODULE: ./src/pipeline/schema.ts + 2 modules
var schema = __webpack_require__(5215);
;// CONCATENATED MODULE: ./src/pipeline/index.ts






// Kargo's reader (./kargo.js) is not re-exported: it loads with its validators, which only a
// repository holding Kargo's manifests needs (loadProjectsFromFiles imports it then).



/***/ }),

/***/ 1964:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rm: () => (/* binding */ isKargoFile),
/* harmony export */   a9: () => (/* binding */ kargoDirsOf),
/* harmony export */   fm: () => (/* binding */ kargoDirOf),
/* harmony export */   tx: () => (/* binding */ normalizeKargoDir)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/**
 * Telling a gantry file for Kargo's manifests (`kargo: <dir>`) from an ordinary project file, and
 * which directories such files name: what loading needs before it knows whether any Kargo
 * manifest is there. Kept apart from ./kargo.ts, whose validators and schemas (most of the
 * pipeline's code) load only when one is.
 */

/** `./kargo/` → `kargo`: the form file paths under the directory start with. */
function normalizeKargoDir(dir) {
    return dir
        .replace(/\\/g, '/')
        .replace(/^(\.\/)+/, '')
        .replace(/\/+$/, '');
}
/**
 * Whether a `.gantry/` file is a gantry file for Kargo's manifests (a top-level `kargo:` key),
 * even one whose directory is invalid: its own checks say why.
 */
function isKargoFile(text) {
    return /^kargo\s*:/m.test(text);
}
/**
 * The manifests directory a `.gantry/` file names with `kargo:` (normalized), or undefined for
 * an ordinary project file. Cheap enough to call on every file before choosing how to read it.
 */
function kargoDirOf(text) {
    if (!isKargoFile(text))
        return undefined;
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__.parseDocument)(text);
    if (doc.errors.length || !(0,yaml__WEBPACK_IMPORTED_MODULE_0__.isMap)(doc.contents))
        return undefined;
    const value = doc.get('kargo');
    if (typeof value !== 'string' || value.trim() === '')
        return undefined;
    const dir = normalizeKargoDir(value.trim());
    // An unsafe path is not read; the gantry file's schema reports it.
    return dir === '' || dir.startsWith('/') || /(^|\/)\.\.(\/|$)/.test(dir) ? undefined : dir;
}
/** Every manifests directory the given `.gantry/` files name. */
function kargoDirsOf(files) {
    const dirs = files.map((f) => kargoDirOf(f.text)).filter((d) => d !== undefined);
    return [...new Set(dirs)].sort();
}


/***/ }),

/***/ 5499:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Wb: () => (/* binding */ PROJECT_FILE_LIMITS),
  NL: () => (/* binding */ parseProjectFile),
  iz: () => (/* binding */ projectFromData),
  vz: () => (/* binding */ sourceOf),
  g$: () => (/* binding */ tooLarge)
});

// UNUSED EXPORTS: DEFAULT_MEASUREMENT_TIMEOUT

// EXTERNAL MODULE: ./src/pipeline/workspace.ts
var workspace = __webpack_require__(8163);
// EXTERNAL MODULE: ./src/pipeline/tasks.ts
var tasks = __webpack_require__(5800);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/pipeline/duration.ts
var duration = __webpack_require__(2512);
// EXTERNAL MODULE: ./src/pipeline/schema.ts + 2 modules
var schema = __webpack_require__(5215);
// EXTERNAL MODULE: ./src/expr/index.ts + 13 modules
var expr = __webpack_require__(1750);
// EXTERNAL MODULE: ./src/util/regex-core.ts
var regex_core = __webpack_require__(8887);
// EXTERNAL MODULE: ./src/semver/constraint.ts
var constraint = __webpack_require__(5541);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/suggest.ts
var suggest = __webpack_require__(7406);
;// CONCATENATED MODULE: ./src/pipeline/branch.ts
/**
 * Branch names as `git check-ref-format --branch` accepts them, without spawning git: the rules of
 * git-check-ref-format(1) applied to `refs/heads/<name>`, plus the two --branch extras (no leading
 * `-`, not `HEAD`). `@{-N}` shorthands are not branch names in a config file and are rejected.
 */
/** Why `name` is not a valid branch name, or undefined when it is. */
function branchNameProblem(name) {
    if (name === '')
        return 'a branch name cannot be empty';
    if (name === 'HEAD')
        return '"HEAD" is not a valid branch name';
    if (name === '@')
        return 'a branch name cannot be the single character "@"';
    if (name.startsWith('-'))
        return 'a branch name cannot start with "-"';
    if (name.startsWith('refs/')) {
        return `write the branch name without "refs/…", e.g. "${name.replace(/^refs\/(heads\/)?/, '')}"`;
    }
    const bad = [...name].find((ch) => ch <= ' ' || ch === '\x7f' || '~^:?*[\\'.includes(ch));
    if (bad !== undefined) {
        const shown = bad === ' ' ? 'a space' : bad < ' ' || bad === '\x7f' ? 'a control character' : `"${bad}"`;
        return `a branch name cannot contain ${shown}`;
    }
    if (name.includes('..'))
        return 'a branch name cannot contain ".."';
    if (name.includes('@{'))
        return 'a branch name cannot contain "@{"';
    if (name.startsWith('/') || name.endsWith('/'))
        return 'a branch name cannot start or end with "/"';
    if (name.includes('//'))
        return 'a branch name cannot contain "//"';
    if (name.endsWith('.'))
        return 'a branch name cannot end with "."';
    for (const component of name.split('/')) {
        if (component.startsWith('.'))
            return `a branch name component cannot start with "." ("${component}")`;
        if (component.endsWith('.lock'))
            return `a branch name component cannot end with ".lock" ("${component}")`;
    }
    return undefined;
}
function isValidBranchName(name) {
    return branchNameProblem(name) === undefined;
}

// EXTERNAL MODULE: ./src/pipeline/source.ts
var source = __webpack_require__(4741);
;// CONCATENATED MODULE: ./src/pipeline/semantic.ts
/**
 * Checks the JSON schema cannot express, run once a file has passed the schema: names that must be
 * unique, references between warehouses and stages, cycles, and the syntax of embedded languages
 * (regular expressions, semver constraints, branch names).
 */









/** Path filters with these prefixes hold a regular expression. */
const REGEX_FILTER = /^(regexp?):(.*)$/s;
function semanticProblems(src, raw) {
    const problems = [];
    // A task used by several stages would report its problems once per stage: once is enough.
    const seen = new Set();
    const report = (segments, message) => {
        const key = `${segments.join('.')}\0${message}`;
        if (seen.has(key))
            return;
        seen.add(key);
        problems.push((0,source/* problemAt */.l4)(src, segments, message));
    };
    checkUniqueNames(src, report, 'warehouse', 'warehouses', raw.warehouses);
    checkUniqueNames(src, report, 'stage', 'stages', raw.stages);
    raw.warehouses.forEach((warehouse, w) => {
        const criteria = warehouse.freightCreationCriteria?.expression;
        if (criteria?.trim()) {
            try {
                (0,expr/* compileExpr */.Pd)(criteria);
            }
            catch (err) {
                report(['warehouses', w, 'freightCreationCriteria', 'expression'], `invalid freightCreationCriteria expression: ${(0,errors/* errorMessage */.gJ)(err)}`);
            }
        }
        warehouse.subscriptions.forEach((sub, s) => {
            const at = ['warehouses', w, 'subscriptions', s];
            if (sub.image)
                checkImage(report, [...at, 'image'], sub.image);
            if (sub.chart?.semverConstraint !== undefined) {
                checkConstraint(report, [...at, 'chart', 'semverConstraint'], sub.chart.semverConstraint);
            }
            if (sub.git)
                checkGit(report, [...at, 'git'], sub.git);
        });
    });
    const warehouseNames = raw.warehouses.map((w) => w.name);
    const stageNames = raw.stages.map((s) => s.name);
    raw.stages.forEach((stage, i) => {
        checkStage(report, raw, stage, i, warehouseNames, stageNames);
    });
    checkCycles(report, raw.stages);
    return problems;
}
function checkUniqueNames(src, report, what, field, items) {
    const first = new Map();
    items.forEach((item, i) => {
        const earlier = first.get(item.name);
        if (earlier === undefined) {
            first.set(item.name, i);
        }
        else {
            const line = (0,source/* lineOf */.cA)(src, [field, earlier, 'name']);
            // Read from Kargo's manifests, the first one may be in another file.
            const first = (0,source/* locate */.x5)(src, [field, earlier, 'name']).src;
            const where = first === src ? `${field}[${earlier}] at line ${line}` : `the one at ${first.file}:${line}`;
            report([field, i, 'name'], `duplicate ${what} name ${JSON.stringify(item.name)}: ${where} has the same name`);
        }
    });
}
function checkRegexes(report, at, patterns) {
    patterns?.forEach((pattern, i) => checkRegex(report, [...at, i], pattern));
}
function checkRegex(report, at, pattern) {
    try {
        (0,regex_core/* compileRegex */.DL)(pattern);
    }
    catch (err) {
        const msg = (0,errors/* errorMessage */.gJ)(err);
        report(at, /regular expression|regexp/i.test(msg)
            ? msg
            : `invalid regular expression ${JSON.stringify(pattern)}: ${msg}`);
    }
}
function checkConstraint(report, at, text) {
    try {
        (0,constraint/* parseConstraint */.F)(text);
    }
    catch (err) {
        const msg = (0,errors/* errorMessage */.gJ)(err);
        report(at, /constraint/i.test(msg) ? msg : `invalid semver constraint ${JSON.stringify(text)}: ${msg}`);
    }
}
function checkImage(report, at, image) {
    const strategy = image.imageSelectionStrategy ?? 'SemVer';
    if (strategy === 'SemVer' && image.constraint !== undefined) {
        checkConstraint(report, [...at, 'constraint'], image.constraint);
    }
    checkRegexes(report, [...at, 'allowTagsRegexes'], image.allowTagsRegexes);
    checkRegexes(report, [...at, 'ignoreTagsRegexes'], image.ignoreTagsRegexes);
}
function checkGit(report, at, git) {
    if (git.branch !== undefined) {
        const why = branchNameProblem(git.branch);
        if (why)
            report([...at, 'branch'], `invalid branch name ${JSON.stringify(git.branch)}: ${why}`);
    }
    if (git.semverConstraint !== undefined) {
        checkConstraint(report, [...at, 'semverConstraint'], git.semverConstraint);
    }
    checkRegexes(report, [...at, 'allowTagsRegexes'], git.allowTagsRegexes);
    checkRegexes(report, [...at, 'ignoreTagsRegexes'], git.ignoreTagsRegexes);
    for (const field of ['includePaths', 'excludePaths']) {
        git[field]?.forEach((entry, i) => {
            const m = REGEX_FILTER.exec(entry);
            if (m)
                checkRegex(report, [...at, field, i], m[2] ?? '');
        });
    }
}
function known(kind, name, names) {
    const hint = (0,suggest/* didYouMean */.au)(name, names);
    return hint || (names.length ? ` (${kind}s: ${names.join(', ')})` : '');
}
function checkStage(report, raw, stage, i, warehouseNames, stageNames) {
    const at = ['stages', i];
    const { steps: inflated, problems: taskProblems } = (0,tasks/* inflateSteps */.Fv)(raw, stage, i);
    for (const p of taskProblems)
        report(p.at, p.message);
    stage.promotionTemplate.steps.forEach((step, k) => {
        if ((step.uses === undefined) === (step.task === undefined)) {
            report([...at, 'promotionTemplate', 'steps', k], step.uses === undefined
                ? 'a step needs uses (a built-in step) or task (a promotion task)'
                : 'a step has either uses or task, not both');
        }
    });
    // Problems in a task's step point at the task, where the fix goes.
    for (const p of (0,workspace/* planWorkspace */.hl)(raw.project, (0,workspace/* planStage */.cJ)(stage, inflated)).problems) {
        const [first, second, index, ...rest] = p.at;
        const source = first === 'promotionTemplate' && second === 'steps' && typeof index === 'number'
            ? inflated[index]?.source
            : undefined;
        report(source ? [...source, ...rest] : [...at, ...p.at], p.message);
    }
    if (stage.branch !== undefined) {
        const why = branchNameProblem(stage.branch);
        if (why)
            report([...at, 'branch'], `invalid branch name ${JSON.stringify(stage.branch)}: ${why}`);
    }
    const origins = new Map();
    stage.requestedFreight.forEach((request, r) => {
        const rat = [...at, 'requestedFreight', r];
        const origin = request.origin.name;
        if (!warehouseNames.includes(origin)) {
            report([...rat, 'origin', 'name'], `unknown warehouse ${JSON.stringify(origin)}${known('warehouse', origin, warehouseNames)}`);
        }
        const earlier = origins.get(origin);
        if (earlier !== undefined) {
            report([...rat, 'origin', 'name'], `warehouse ${JSON.stringify(origin)} is requested twice by stage ${JSON.stringify(stage.name)} (also requestedFreight[${earlier}])`);
        }
        else {
            origins.set(origin, r);
        }
        const upstream = request.sources.stages ?? [];
        if (request.sources.direct !== true && upstream.length === 0) {
            report([...rat, 'sources'], 'sources must set direct: true (take freight from the warehouse) or list upstream stages in stages');
        }
        // Kargo's rule: MatchUpstream follows exactly one upstream stage.
        if (request.sources.autoPromotionOptions?.selectionPolicy === 'MatchUpstream' &&
            (request.sources.direct === true || upstream.length !== 1)) {
            report([...rat, 'sources', 'autoPromotionOptions', 'selectionPolicy'], `MatchUpstream takes the freight of exactly one upstream stage; this request ${request.sources.direct === true ? 'takes freight from the warehouse directly' : `lists ${upstream.length} upstream stages`}: use NewestFreight, or list one stage in stages`);
        }
        upstream.forEach((name, u) => {
            const sat = [...rat, 'sources', 'stages', u];
            if (name === stage.name) {
                report(sat, `stage ${JSON.stringify(name)} cannot take freight from itself`);
                return;
            }
            const target = raw.stages.find((s) => s.name === name);
            if (!target) {
                report(sat, `unknown stage ${JSON.stringify(name)}${known('stage', name, stageNames.filter((n) => n !== stage.name))}`);
                return;
            }
            if (!target.requestedFreight.some((req) => req.origin.name === origin)) {
                report(sat, `upstream stage ${JSON.stringify(name)} does not request freight from warehouse ${JSON.stringify(origin)}, so it can never pass that freight on`);
            }
        });
    });
    checkMetrics(report, [...at, 'verification'], stage.verification ?? []);
    const aliases = new Map();
    stage.promotionTemplate.steps.forEach((step, s) => {
        if (step.as === undefined)
            return;
        const earlier = aliases.get(step.as);
        if (earlier !== undefined) {
            report([...at, 'promotionTemplate', 'steps', s, 'as'], `duplicate step alias ${JSON.stringify(step.as)}: steps[${earlier}] already uses it`);
        }
        else {
            aliases.set(step.as, s);
        }
    });
}
/**
 * A stage's verification metrics: unique names, Argo Rollouts' ValidateMetric rules (count versus
 * the limits, interval when count > 1) on the count gantry will really take, and conditions that
 * parse. Conditions holding `${{ }}` are only parsed once rendered, when verification runs.
 */
function checkMetrics(report, at, metrics) {
    const names = new Map();
    metrics.forEach((metric, i) => {
        const mat = [...at, i];
        const earlier = names.get(metric.name);
        if (earlier !== undefined) {
            report([...mat, 'name'], `duplicate verification metric name ${JSON.stringify(metric.name)}: verification[${earlier}] already uses it`);
        }
        else {
            names.set(metric.name, i);
        }
        const count = metric.count ?? 1;
        for (const field of ['failureLimit', 'inconclusiveLimit']) {
            const limit = metric[field];
            if (limit === undefined || count >= limit)
                continue;
            if (metric.count !== undefined) {
                report([...mat, 'count'], `count (${count}) must be at least ${field} (${limit})`);
            }
            else {
                const forever = metric.interval !== undefined
                    ? ' (Argo Rollouts measures forever when interval is set without count; a verification must end)'
                    : '';
                report([...mat, field], `${field} (${limit}) needs count set to at least ${limit}: without count gantry takes 1 measurement${forever}`);
            }
        }
        if (count > 1 && metric.interval === undefined) {
            report([...mat, 'count'], `interval must be set when count is more than 1 (the time between measurements, e.g. interval: 30s)`);
        }
        for (const field of ['successCondition', 'failureCondition']) {
            const source = metric[field];
            if (source === undefined || (0,expr/* hasExpression */.xS)(source))
                continue;
            try {
                (0,expr/* compileExpr */.Pd)(source);
            }
            catch (err) {
                report([...mat, field], `invalid ${field}: ${(0,errors/* errorMessage */.gJ)(err)}`);
            }
        }
    });
}
/**
 * Freight flows from upstream to downstream stages; a cycle means no freight can ever enter it.
 * Each cycle is reported once, in flow order starting from the stage that comes first in the file,
 * at the `sources.stages` entry of that stage which closes the loop.
 */
function checkCycles(report, stages) {
    const index = new Map();
    stages.forEach((s, i) => {
        if (!index.has(s.name))
            index.set(s.name, i);
    });
    // upstreams[i]: indexes of the stages stage i takes freight from (known stages, not itself).
    const upstreams = stages.map((s) => {
        const out = new Set();
        for (const req of s.requestedFreight) {
            for (const name of req.sources.stages ?? []) {
                const j = index.get(name);
                if (j !== undefined && stages[j]?.name !== s.name)
                    out.add(j);
            }
        }
        return [...out];
    });
    const state = new Array(stages.length).fill(0); // 0 new, 1 on stack, 2 done
    const stack = [];
    const reported = new Set();
    const visit = (i) => {
        state[i] = 1;
        stack.push(i);
        for (const j of upstreams[i] ?? []) {
            if (state[j] === 1) {
                // stack from j to the end: j <- ... <- i <- j in "takes from" terms.
                const loop = stack.slice(stack.indexOf(j));
                // Flow order is the reverse of "takes from" order.
                const flow = [...loop].reverse();
                const start = flow.indexOf(Math.min(...flow));
                const rotated = [...flow.slice(start), ...flow.slice(0, start)];
                const key = rotated.join(',');
                const first = rotated[0];
                const feeder = rotated.at(-1);
                if (!reported.has(key) && first !== undefined && feeder !== undefined) {
                    reported.add(key);
                    const names = [...rotated, first].map((k) => stages[k]?.name ?? '?');
                    report(entryFor(stages, first, feeder), `stages form a cycle: ${names.join(' -> ')}`);
                }
            }
            else if (state[j] === 0) {
                visit(j);
            }
        }
        stack.pop();
        state[i] = 2;
    };
    stages.forEach((_, i) => {
        if (state[i] === 0)
            visit(i);
    });
}
/** Path of the `sources.stages` entry by which stage `i` takes freight from stage `j`. */
function entryFor(stages, i, j) {
    const target = stages[j]?.name ?? '';
    for (const [r, request] of (stages[i]?.requestedFreight ?? []).entries()) {
        const u = (request.sources.stages ?? []).indexOf(target);
        if (u >= 0)
            return ['stages', i, 'requestedFreight', r, 'sources', 'stages', u];
    }
    return ['stages', i, 'name'];
}

;// CONCATENATED MODULE: ./src/pipeline/parse.ts
/**
 * One project file: YAML → schema → semantic checks → typed Project with defaults applied.
 */







/**
 * Caps on one project file, far above any real pipeline (the largest examples are a few KB and a
 * few hundred nodes), so that a file pushed to the GitOps repository cannot make every command
 * of every workflow parse megabytes or expand an alias bomb.
 */
const PROJECT_FILE_LIMITS = {
    /** Bytes of one file (1 MiB). */
    bytes: 1024 * 1024,
    /** YAML nodes (mappings, sequences, scalars, aliases) of one file. */
    nodes: 50_000,
    /** Alias expansions when reading it (the yaml package's `maxAliasCount`). */
    aliases: 1000,
};
const grouped = (n) => n.toLocaleString('en-US');
/** Where each parsed Project came from, for problems found later (across files). */
const sources = new WeakMap();
function sourceOf(project) {
    return sources.get(project);
}
function yamlProblem(src, err) {
    const { line, col } = src.lineCounter.linePos(err.pos[0]);
    const message = err.code === 'MULTIPLE_DOCS'
        ? 'a project file holds exactly one YAML document: remove the "---" separator and put other projects in their own .gantry/<project>.yaml'
        : `YAML syntax error: ${err.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`;
    return { file: src.file, line, column: col, path: '', message };
}
/**
 * Parse and validate one project file. `file` is the path shown in problems (relative to the
 * repository root, e.g. `.gantry/echo.yaml`). The project is returned only when there are no
 * problems; every problem found is returned, sorted by position.
 */
function parseProjectFile(file, text) {
    const top = { file, line: 1, column: 1, path: '' };
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > PROJECT_FILE_LIMITS.bytes)
        return { problems: [tooLarge(file, bytes)] };
    const lineCounter = new dist.LineCounter();
    const doc = (0,dist.parseDocument)(text, {
        lineCounter,
        prettyErrors: false,
        merge: true,
        uniqueKeys: true,
    });
    const src = { file, doc, lineCounter };
    if (doc.errors.length) {
        return { problems: (0,source/* tidyProblems */.zf)(doc.errors.map((e) => yamlProblem(src, e))) };
    }
    let nodes = 0;
    (0,dist.visit)(doc, {
        Node() {
            return ++nodes > PROJECT_FILE_LIMITS.nodes ? dist.visit.BREAK : undefined;
        },
    });
    if (nodes > PROJECT_FILE_LIMITS.nodes) {
        return {
            problems: [
                {
                    ...top,
                    message: `the file holds more than ${grouped(PROJECT_FILE_LIMITS.nodes)} YAML nodes, gantry's cap for a project file: split it, one project per file`,
                },
            ],
        };
    }
    let data;
    try {
        data = doc.toJS({ maxAliasCount: PROJECT_FILE_LIMITS.aliases });
    }
    catch (err) {
        // Only an alias bomb gets here; point at the top.
        return {
            problems: [
                {
                    file,
                    ...(0,source/* positionOf */.df)(src, undefined),
                    path: '',
                    message: `cannot read YAML: its aliases (*name) expand beyond gantry's cap of ${grouped(PROJECT_FILE_LIMITS.aliases)} alias expansions for a project file (${err instanceof Error ? err.message : String(err)})`,
                },
            ],
        };
    }
    return projectFromData(src, data);
}
/**
 * The data of a project file, whatever it was read from, through the schema and the semantic
 * checks to a Project. Problems are positioned through `src` (and its `redirect`, for a project
 * built from Kargo's manifests).
 */
function projectFromData(src, data) {
    const schemaErrors = (0,schema/* schemaProblems */.Ic)(src, data);
    if (schemaErrors.length)
        return { problems: (0,source/* tidyProblems */.zf)(schemaErrors) };
    // The schema has vouched for the shape; from here on the data is a RawProject.
    const raw = data;
    const semantic = semanticProblems(src, raw);
    if (semantic.length)
        return { problems: (0,source/* tidyProblems */.zf)(semantic) };
    const project = toProject(src.file, raw);
    sources.set(project, src);
    return { project, problems: [] };
}
/** The problem of a file over the byte cap (also used before reading one from disk). */
function tooLarge(file, bytes) {
    return {
        file,
        line: 1,
        column: 1,
        path: '',
        message: `the file is ${grouped(bytes)} bytes, over gantry's cap of ${grouped(PROJECT_FILE_LIMITS.bytes)} bytes (1 MiB) for a project file: split it, one project per file`,
    };
}
function vars(list) {
    return (list ?? []).map((v) => ({ name: v.name, value: v.value }));
}
function toSubscription(sub) {
    if (sub.image) {
        const i = sub.image;
        return {
            kind: 'image',
            image: {
                repoURL: i.repoURL,
                ...(i.name !== undefined && { name: i.name }),
                imageSelectionStrategy: i.imageSelectionStrategy ?? 'SemVer',
                ...(i.constraint !== undefined && { constraint: i.constraint }),
                strictSemvers: i.strictSemvers ?? true,
                allowTagsRegexes: i.allowTagsRegexes ?? [],
                ignoreTagsRegexes: i.ignoreTagsRegexes ?? [],
                ...(i.platform !== undefined && { platform: i.platform }),
                discoveryLimit: i.discoveryLimit ?? 20,
                insecureSkipTLSVerify: i.insecureSkipTLSVerify ?? false,
            },
        };
    }
    if (sub.chart) {
        const c = sub.chart;
        return {
            kind: 'chart',
            chart: {
                repoURL: c.repoURL,
                ...(c.name !== undefined && { name: c.name }),
                ...(c.semverConstraint !== undefined && { semverConstraint: c.semverConstraint }),
                discoveryLimit: c.discoveryLimit ?? 20,
            },
        };
    }
    if (sub.git) {
        const g = sub.git;
        return {
            kind: 'git',
            git: {
                repoURL: g.repoURL,
                ...(g.name !== undefined && { name: g.name }),
                commitSelectionStrategy: g.commitSelectionStrategy ?? 'NewestFromBranch',
                ...(g.branch !== undefined && { branch: g.branch }),
                strictSemvers: g.strictSemvers ?? true,
                ...(g.semverConstraint !== undefined && { semverConstraint: g.semverConstraint }),
                allowTagsRegexes: g.allowTagsRegexes ?? [],
                ignoreTagsRegexes: g.ignoreTagsRegexes ?? [],
                ...(g.expressionFilter !== undefined && { expressionFilter: g.expressionFilter }),
                includePaths: g.includePaths ?? [],
                excludePaths: g.excludePaths ?? [],
                discoveryLimit: g.discoveryLimit ?? 20,
                insecureSkipTLSVerify: g.insecureSkipTLSVerify ?? false,
            },
        };
    }
    // The schema admits exactly one of image, chart, git.
    throw new Error('internal: subscription without image, chart or git passed the schema');
}
function toWarehouse(w) {
    return {
        name: w.name,
        freightCreationPolicy: w.freightCreationPolicy ?? 'Automatic',
        ...(w.freightCreationCriteria?.expression?.trim() && {
            freightCreationCriteria: w.freightCreationCriteria.expression.trim(),
        }),
        ...(w.interval !== undefined && { interval: w.interval }),
        subscriptions: w.subscriptions.map(toSubscription),
    };
}
function toRequest(r) {
    const soak = r.sources.requiredSoakTime;
    return {
        origin: { kind: 'Warehouse', name: r.origin.name },
        sources: {
            direct: r.sources.direct ?? false,
            stages: r.sources.stages ?? [],
            ...(soak !== undefined && {
                requiredSoakTime: soak,
                requiredSoakTimeMs: (0,duration/* parseDuration */.E9)(soak),
            }),
            availabilityStrategy: r.sources.availabilityStrategy ?? 'OneOf',
            ...(r.sources.autoPromotionOptions?.selectionPolicy === 'MatchUpstream' && {
                selectionPolicy: 'MatchUpstream',
            }),
        },
    };
}
function toStep(s, alias, extraVars, source) {
    const retry = s.retry && {
        ...(s.retry.timeout !== undefined && { timeoutMs: (0,duration/* parseDuration */.E9)(s.retry.timeout) }),
        ...(s.retry.errorThreshold !== undefined && { errorThreshold: s.retry.errorThreshold }),
    };
    return {
        uses: s.uses ?? '',
        ...(s.as !== undefined && { as: s.as }),
        alias,
        source,
        ...(s.if !== undefined && { if: s.if }),
        config: s.config ?? {},
        continueOnError: s.continueOnError ?? false,
        vars: vars([...extraVars, ...(s.vars ?? [])]),
        ...(retry && { retry }),
    };
}
/** Argo Rollouts calls the http provider `web`; both names mean the same provider. */
const PROVIDER_ALIASES = { web: 'http' };
/** Default of a metric's `timeout`: the longest one measurement may take. */
const DEFAULT_MEASUREMENT_TIMEOUT = '5m';
function toMetric(m) {
    // The schema admits exactly one provider key.
    const [key, config] = Object.entries(m.provider)[0] ?? ['', {}];
    const timeout = m.timeout ?? DEFAULT_MEASUREMENT_TIMEOUT;
    return {
        name: m.name,
        provider: { name: PROVIDER_ALIASES[key] ?? key, config },
        ...(m.successCondition !== undefined && { successCondition: m.successCondition }),
        ...(m.failureCondition !== undefined && { failureCondition: m.failureCondition }),
        ...(m.initialDelay !== undefined && {
            initialDelay: m.initialDelay,
            initialDelayMs: (0,duration/* parseDuration */.E9)(m.initialDelay),
        }),
        ...(m.interval !== undefined && {
            interval: m.interval,
            intervalMs: (0,duration/* parseDuration */.E9)(m.interval),
        }),
        count: m.count ?? 1,
        failureLimit: m.failureLimit ?? 0,
        inconclusiveLimit: m.inconclusiveLimit ?? 0,
        consecutiveErrorLimit: m.consecutiveErrorLimit ?? 4,
        timeout,
        timeoutMs: (0,duration/* parseDuration */.E9)(timeout),
    };
}
function toStage(raw, s, index) {
    const inflated = (0,tasks/* inflateSteps */.Fv)(raw, s, index).steps;
    // A Kargo template that pushes to `stage/${{ ctx.stage }}` names the stage's branch itself.
    const branch = s.branch ?? (0,workspace/* planWorkspace */.hl)(raw.project, (0,workspace/* planStage */.cJ)(s, inflated)).stageBranch;
    return {
        name: s.name,
        ...(branch !== undefined && { branch }),
        environment: s.environment ?? s.name,
        ...(s.environmentUrl !== undefined ? { environmentUrl: s.environmentUrl } : {}),
        requestedFreight: s.requestedFreight.map(toRequest),
        autoPromotion: s.autoPromotion ?? false,
        promotionTemplate: {
            mode: s.promotionTemplate.mode ?? 'direct',
            vars: vars(s.promotionTemplate.vars),
            steps: inflated.map((x) => toStep(x.step, x.alias, x.vars, x.source)),
        },
        verification: (s.verification ?? []).map(toMetric),
    };
}
function toProject(file, raw) {
    return {
        name: raw.project,
        file,
        warehouses: raw.warehouses.map(toWarehouse),
        stages: raw.stages.map((s, i) => toStage(raw, s, i)),
    };
}


/***/ }),

/***/ 5215:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ic: () => (/* binding */ schemaProblems),
  gw: () => (/* binding */ validationProblems)
});

// UNUSED EXPORTS: projectSchema

;// CONCATENATED MODULE: ./schema/project.schema.json
const project_schema_namespaceObject = {};
;// CONCATENATED MODULE: ./src/pipeline/generated/project-validator.js
// Generated by scripts/gen-validators.ts from schema/project.schema.json: do not edit; run
// `node --import tsx scripts/gen-validators.ts` after changing the schema.
const validate = validate10;/* harmony default export */ const project_validator = ((/* unused pure expression or super */ null && (validate10)));const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://raw.githubusercontent.com/gantry-dev/gantry/main/schema/project.schema.json","title":"gantry project","description":"One gantry pipeline: the file .gantry/<project>.yaml in a GitOps repository. Field names follow Kargo's Warehouse and Stage resources.","type":"object","required":["project","warehouses","stages"],"additionalProperties":false,"properties":{"$schema":{"type":"string","description":"URL of this JSON schema, for editors. Ignored by gantry."},"project":{"$ref":"#/definitions/dnsLabel","description":"Name of the project: a lowercase DNS-1123 label (a-z, 0-9 and '-', at most 63 characters). The file must be named .gantry/<project>.yaml (or .yml)."},"warehouses":{"type":"array","minItems":1,"description":"Sources of freight. Each warehouse watches a list of subscriptions and records every new combination of their versions as one piece of freight.","items":{"$ref":"#/definitions/warehouse"}},"stages":{"type":"array","minItems":1,"description":"Steps of the pipeline, usually one per environment. Each stage requests freight from warehouses directly or from upstream stages where it has been verified.","items":{"$ref":"#/definitions/stage"}},"promotionTasks":{"type":"array","default":[],"description":"Reusable sequences of promotion steps (Kargo's PromotionTask and ClusterPromotionTask), used by a template step with task: {name}. Their steps are inflated into the template in place, with aliases <task alias>::<step alias>.","items":{"$ref":"#/definitions/promotionTask"}}},"definitions":{"dnsLabel":{"type":"string","minLength":1,"maxLength":63,"pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$","patternErrorMessage":"must be a lowercase DNS-1123 label: a-z, 0-9 and '-', starting and ending with a letter or digit","description":"A lowercase DNS-1123 label: a-z, 0-9 and '-', starting and ending with a letter or digit, at most 63 characters."},"duration":{"type":"string","pattern":"^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$","patternErrorMessage":"must be a Go duration such as 90s, 30m, 1h or 1h30m (units: ns, us, ms, s, m, h)","description":"A Go-style duration such as 90s, 30m, 1h or 1h30m (units: ns, us, ms, s, m, h)."},"discoveryLimit":{"type":"integer","minimum":1,"maximum":100,"default":20,"description":"How many of the newest matching versions to keep as candidates (1 to 100, default 20)."},"regexList":{"type":"array","items":{"type":"string","minLength":1},"description":"Regular expressions (Go RE2 syntax, e.g. '^v1\\.' or '(?i)rc')."},"pathFilterList":{"type":"array","items":{"type":"string","minLength":1},"description":"Path filters: a plain path matches that path and everything below it; 'glob:<pattern>' is a glob where ** crosses directories; 'regex:<re>' or 'regexp:<re>' is a Go regular expression."},"insecureSkipTLSVerify":{"type":"boolean","default":false,"description":"Skip TLS certificate verification when talking to this repository. For test setups only."},"var":{"type":"object","required":["name","value"],"additionalProperties":false,"description":"A named value available to expressions as vars.<name>.","properties":{"name":{"type":"string","pattern":"^[a-zA-Z_][a-zA-Z0-9_]*$","patternErrorMessage":"must be an identifier: letters, digits and '_', not starting with a digit","description":"Variable name, used in expressions as vars.<name>."},"value":{"type":"string","description":"Variable value; may contain ${{ }} expressions."}}},"warehouse":{"type":"object","required":["name","subscriptions"],"additionalProperties":false,"description":"A named source of freight (Kargo's Warehouse).","properties":{"name":{"$ref":"#/definitions/dnsLabel","description":"Warehouse name, unique within the project: a lowercase DNS-1123 label. Stages name it in requestedFreight[].origin.name."},"freightCreationPolicy":{"type":"string","enum":["Automatic","Manual"],"default":"Automatic","description":"Automatic (default): discovery records new freight as soon as it finds new versions. Manual: discovery only reports what it found; freight is created on request."},"freightCreationCriteria":{"type":"object","additionalProperties":false,"properties":{"expression":{"type":"string","description":"An expression (Kargo's expr-lang, without ${{ }}) over the versions just found, with imageFrom(), chartFrom() and commitFrom(): new freight is recorded only when it is true, e.g. imageFrom('ghcr.io/acme/api').Tag == imageFrom('ghcr.io/acme/web').Tag. Empty means always."}},"description":"Kargo's freight creation criteria: a condition new freight must meet before discovery records it automatically."},"interval":{"$ref":"#/definitions/duration","description":"How often discovery is expected to run, as a Go duration (e.g. 5m). Informational: the schedule of the discover workflow decides."},"subscriptions":{"type":"array","minItems":1,"description":"What the warehouse watches. Each entry has exactly one of image, chart or git; one piece of freight holds one version of each.","items":{"$ref":"#/definitions/subscription"}}}},"subscription":{"type":"object","minProperties":1,"maxProperties":1,"additionalProperties":false,"errorMessage":"a subscription needs exactly one of image, chart, git","description":"One thing to watch: exactly one of image, chart or git.","properties":{"image":{"$ref":"#/definitions/imageSubscription","description":"Watch a container image repository for new tags."},"chart":{"$ref":"#/definitions/chartSubscription","description":"Watch a Helm chart, in an HTTP(S) chart repository or an OCI registry, for new versions."},"git":{"$ref":"#/definitions/gitSubscription","description":"Watch a Git repository for new commits on a branch or new tags."}}},"imageSubscription":{"type":"object","required":["repoURL"],"additionalProperties":false,"description":"A container image repository to watch for new tags.","properties":{"repoURL":{"type":"string","pattern":"^(?![a-zA-Z][a-zA-Z0-9+.-]*://)([^\\s/@]+/)*[^\\s/:@]+$","patternErrorMessage":"must be an image repository such as ghcr.io/acme/echo: no scheme (https://), tag (:1.0) or digest (@sha256:…)","description":"Image repository without scheme, tag or digest, e.g. ghcr.io/acme/echo or docker.io/library/nginx."},"name":{"type":"string","minLength":1,"description":"Optional subscription name. When set it becomes part of the freight ID, so two subscriptions to the same repository can be told apart."},"imageSelectionStrategy":{"type":"string","enum":["SemVer","Lexical","Digest","NewestBuild"],"default":"SemVer","description":"How to pick the newest image. SemVer (default): highest semantic version tag matching constraint. Lexical: lexically greatest tag. Digest: the current digest of the mutable tag named by constraint. NewestBuild: most recently built image (reads image metadata, slower)."},"constraint":{"type":"string","minLength":1,"description":"For SemVer: a semver constraint such as ^1.2, '>= 1.2, < 2' or 1.2.x (pre-releases only when the constraint names one). For Digest: the mutable tag to follow, e.g. latest (required). Unused by Lexical and NewestBuild."},"strictSemvers":{"type":"boolean","default":true,"description":"With SemVer, accept only tags that are complete semantic versions (1.2.3, not 1.2). Default true."},"allowTagsRegexes":{"$ref":"#/definitions/regexList","description":"Only tags matching at least one of these regular expressions (Go RE2 syntax) are considered. Empty: all tags."},"ignoreTagsRegexes":{"$ref":"#/definitions/regexList","description":"Tags matching any of these regular expressions (Go RE2 syntax) are ignored; ignoring wins over allowing."},"allowTags":{"deprecated":true,"not":{},"errorMessage":"allowTags is deprecated: use allowTagsRegexes","description":"Deprecated in Kargo and rejected by gantry: use allowTagsRegexes."},"ignoreTags":{"deprecated":true,"not":{},"errorMessage":"ignoreTags is deprecated: use ignoreTagsRegexes","description":"Deprecated in Kargo and rejected by gantry: use ignoreTagsRegexes."},"platform":{"type":"string","pattern":"^[a-z0-9_.-]+/[a-zA-Z0-9_.-]+(/[a-zA-Z0-9_.-]+)?$","patternErrorMessage":"must be os/arch or os/arch/variant, e.g. linux/amd64 or linux/arm64/v8","description":"Only consider images built for this platform: os/arch or os/arch/variant, e.g. linux/amd64 or linux/arm64/v8."},"discoveryLimit":{"$ref":"#/definitions/discoveryLimit","description":"How many of the newest matching versions to keep as candidates (1 to 100, default 20). It also bounds the registry requests: SemVer and Lexical examine at most this many tags per run (with platform, 20 more that lack the platform), one manifest request each."},"insecureSkipTLSVerify":{"$ref":"#/definitions/insecureSkipTLSVerify","description":"Skip TLS certificate verification when talking to this repository. For test setups only."}},"allOf":[{"if":{"type":"object","properties":{"imageSelectionStrategy":{"const":"Digest"}},"required":["imageSelectionStrategy"]},"then":{"type":"object","required":["constraint"],"errorMessage":"imageSelectionStrategy Digest needs constraint: the mutable tag to follow, e.g. constraint: latest"}}]},"chartSubscription":{"type":"object","required":["repoURL"],"additionalProperties":false,"description":"A Helm chart to watch for new versions, in an HTTP(S) chart repository or an OCI registry.","properties":{"repoURL":{"type":"string","pattern":"^(https?|oci)://\\S+$","patternErrorMessage":"must start with https://, http:// (a chart repository) or oci:// (a chart in an OCI registry)","description":"https://… or http://… for a classic chart repository (with an index.yaml), or oci://registry/path/chart for a chart stored in an OCI registry."},"name":{"type":"string","minLength":1,"description":"Chart name within an https:// or http:// repository (required there). Must be omitted for oci:// URLs, whose last path segment is the chart name."},"semverConstraint":{"type":"string","minLength":1,"description":"Semver constraint the chart version must satisfy, e.g. ^2 or '>= 1.2, < 2'. Empty: any version."},"discoveryLimit":{"$ref":"#/definitions/discoveryLimit","description":"How many of the newest matching versions to keep as candidates (1 to 100, default 20)."}},"if":{"type":"object","properties":{"repoURL":{"type":"string","pattern":"^oci://"}},"required":["repoURL"]},"then":{"type":"object","properties":{"name":{"not":{},"errorMessage":"name must be omitted for oci:// charts: the last segment of repoURL is the chart name (e.g. repoURL: oci://ghcr.io/acme/charts/echo)"}}},"else":{"type":"object","required":["name"],"errorMessage":"name (the chart name) is required for an https:// or http:// chart repository"}},"gitSubscription":{"type":"object","required":["repoURL"],"additionalProperties":false,"description":"A Git repository to watch for new commits on a branch or new tags.","properties":{"repoURL":{"type":"string","pattern":"^((https?|ssh|git|file)://\\S+|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:\\S+)$","patternErrorMessage":"must be a Git URL: https://, http://, ssh://, git://, file:// or user@host:path","description":"URL of the Git repository: https://…, ssh://…, git@host:path or file://…."},"name":{"type":"string","minLength":1,"description":"Optional subscription name. When set it becomes part of the freight ID."},"commitSelectionStrategy":{"type":"string","enum":["NewestFromBranch","SemVer","Lexical","NewestTag"],"default":"NewestFromBranch","description":"NewestFromBranch (default): newest commit on branch. SemVer: commit of the highest semver tag matching semverConstraint. Lexical: commit of the lexically greatest tag. NewestTag: commit of the most recently created tag."},"branch":{"type":"string","minLength":1,"description":"Branch to follow with NewestFromBranch; default: the repository's default branch."},"strictSemvers":{"type":"boolean","default":true,"description":"With SemVer, accept only tags that are complete semantic versions. Default true."},"semverConstraint":{"type":"string","minLength":1,"description":"With SemVer: semver constraint the tag must satisfy, e.g. ^1.2."},"allowTagsRegexes":{"$ref":"#/definitions/regexList","description":"With tag strategies: only tags matching at least one of these regular expressions are considered."},"ignoreTagsRegexes":{"$ref":"#/definitions/regexList","description":"With tag strategies: tags matching any of these regular expressions are ignored; ignoring wins."},"allowTags":{"deprecated":true,"not":{},"errorMessage":"allowTags is deprecated: use allowTagsRegexes","description":"Deprecated in Kargo and rejected by gantry: use allowTagsRegexes."},"ignoreTags":{"deprecated":true,"not":{},"errorMessage":"ignoreTags is deprecated: use ignoreTagsRegexes","description":"Deprecated in Kargo and rejected by gantry: use ignoreTagsRegexes."},"expressionFilter":{"type":"string","minLength":1,"description":"An expression evaluated for each candidate commit or tag; only those for which it is true are considered."},"includePaths":{"$ref":"#/definitions/pathFilterList","description":"Only commits touching at least one matching path are considered. Entries: a plain path (that directory or file), glob:<pattern> or regex:<re> / regexp:<re>."},"excludePaths":{"$ref":"#/definitions/pathFilterList","description":"Commits touching only matching paths are ignored. Entries: a plain path, glob:<pattern> or regex:<re> / regexp:<re>."},"discoveryLimit":{"$ref":"#/definitions/discoveryLimit","description":"How many of the newest matching versions to keep as candidates (1 to 100, default 20)."},"insecureSkipTLSVerify":{"$ref":"#/definitions/insecureSkipTLSVerify","description":"Skip TLS certificate verification when talking to this repository. For test setups only."}}},"stage":{"type":"object","required":["name","requestedFreight","promotionTemplate"],"additionalProperties":false,"description":"A step of the pipeline (Kargo's Stage): where freight is promoted to and verified.","properties":{"name":{"$ref":"#/definitions/dnsLabel","description":"Stage name, unique within the project: a lowercase DNS-1123 label. Downstream stages name it in sources.stages."},"branch":{"type":"string","minLength":1,"description":"Branch of the GitOps repository this stage deploys from (promotion commits go there). Default: the repository's default branch."},"environment":{"type":"string","minLength":1,"description":"GitHub environment that gates promotions to this stage: the promote workflow runs the job under it (command: environment), and the promote action refuses a run that did not pass its protection rules. Default: the stage name."},"environmentUrl":{"type":"string","pattern":"^https?://\\S+$","patternErrorMessage":"must be an http(s) URL such as https://dev.echo.acme.dev","description":"Where the stage's deployment can be reached. Shown as the deployment's URL in the repository's Environments view once verification succeeds."},"requestedFreight":{"type":"array","minItems":1,"description":"Which freight the stage takes: one entry per warehouse, saying where the freight may come from.","items":{"$ref":"#/definitions/freightRequest"}},"autoPromotion":{"type":"boolean","default":false,"description":"Promote new freight automatically as soon as it is available to this stage. Default false."},"promotionTemplate":{"$ref":"#/definitions/promotionTemplate","description":"How freight is promoted into this stage: the steps to run and whether the result is pushed directly or proposed as a pull request."},"verification":{"type":"array","default":[],"description":"Checks run after each promotion; when all succeed the freight is verified in this stage and becomes available downstream.","items":{"$ref":"#/definitions/verificationMetric"}}}},"freightRequest":{"type":"object","required":["origin","sources"],"additionalProperties":false,"description":"A request for freight from one warehouse.","properties":{"origin":{"type":"object","required":["kind","name"],"additionalProperties":false,"description":"Where the freight was created.","properties":{"kind":{"type":"string","enum":["Warehouse"],"description":"Kind of origin; always Warehouse."},"name":{"type":"string","minLength":1,"description":"Name of a warehouse of this project."}}},"sources":{"type":"object","additionalProperties":false,"description":"Where the stage may take this freight from: straight from the warehouse (direct) and/or once verified in upstream stages.","properties":{"direct":{"type":"boolean","default":false,"description":"Take freight straight from the warehouse, without upstream verification."},"stages":{"type":"array","default":[],"description":"Upstream stages: freight becomes available once verified in them (or approved for this stage).","items":{"type":"string","minLength":1}},"requiredSoakTime":{"$ref":"#/definitions/duration","description":"How long freight must have been verified in the upstream stages before it is available here, as a Go duration (e.g. 1h)."},"availabilityStrategy":{"type":"string","enum":["OneOf","All"],"default":"OneOf","description":"OneOf (default): freight verified in any one upstream stage is available. All: it must be verified in every listed upstream stage."},"autoPromotionOptions":{"type":"object","additionalProperties":false,"description":"Which freight auto-promotion picks (Kargo's).","properties":{"selectionPolicy":{"type":"string","enum":["NewestFreight","MatchUpstream"],"default":"NewestFreight","description":"NewestFreight (default): the newest freight available to the stage. MatchUpstream: the freight the one upstream stage runs, once verified there (only with exactly one upstream stage, and not direct)."}}}}}}},"promotionTemplate":{"type":"object","required":["steps"],"additionalProperties":false,"description":"How freight is promoted into the stage: steps run in order, and their result is committed.","properties":{"mode":{"type":"string","enum":["direct","pull-request"],"default":"direct","description":"direct (default): push the promotion commit to the stage's branch. pull-request: open a pull request with it; merging the pull request completes the promotion."},"vars":{"type":"array","default":[],"description":"Variables available to every step's expressions as vars.<name>.","items":{"$ref":"#/definitions/var"}},"steps":{"type":"array","description":"Promotion steps, run in order. Empty for a control-flow stage (Kargo's Stage without promotionTemplate): a promotion records the freight in the stage's state and changes no other file.","items":{"$ref":"#/definitions/promotionStep"}}}},"promotionStep":{"type":"object","additionalProperties":false,"description":"One promotion step: a built-in step (uses) and its configuration, or a promotion task (task) inflated in its place.","properties":{"uses":{"type":"string","minLength":1,"description":"Name of the step to run, e.g. yaml-update, kustomize-set-image, helm-update-chart, copy, git-commit, git-open-pr. Set this or task."},"task":{"type":"object","additionalProperties":false,"required":["name"],"description":"Run a promotion task's steps here (set instead of uses). Its vars come from the template's vars and this step's vars; its compose-output steps' outputs become outputs.<alias>.","properties":{"name":{"type":"string","minLength":1,"description":"Name of the promotion task."},"kind":{"type":"string","enum":["PromotionTask","ClusterPromotionTask"],"default":"PromotionTask","description":"Which kind of task the name refers to."}}},"as":{"type":"string","pattern":"^[a-zA-Z_][a-zA-Z0-9_-]*$","patternErrorMessage":"must start with a letter or '_' and contain only letters, digits, '_' and '-'","description":"Alias of the step, unique within the template; later steps read its outputs as outputs.<alias>."},"if":{"type":"string","minLength":1,"description":"Expression deciding whether the step runs, e.g. ${{ vars.enabled }}."},"config":{"type":"object","default":{},"description":"Configuration of the step; its fields depend on the step (see each step's documentation). Strings may contain ${{ }} expressions."},"continueOnError":{"type":"boolean","default":false,"description":"Keep going with the next steps when this one fails. Default false."},"vars":{"type":"array","default":[],"description":"Variables available to this step's expressions as vars.<name>, overriding the template's.","items":{"$ref":"#/definitions/var"}},"retry":{"type":"object","additionalProperties":false,"description":"How a failing step is retried.","properties":{"timeout":{"$ref":"#/definitions/duration","description":"Give up retrying after this long, as a Go duration (e.g. 5m)."},"errorThreshold":{"type":"integer","minimum":1,"description":"Number of consecutive failures after which the step fails."}}}}},"verificationMetric":{"type":"object","required":["name","provider"],"additionalProperties":false,"description":"One verification check (an Argo Rollouts metric): measurements taken through one provider, each judged by successCondition and failureCondition, and limits that turn the measurements into the metric's outcome. See docs/verify.md.","properties":{"name":{"type":"string","minLength":1,"description":"Name of the check, unique within the stage; shown in summaries and in the verification record."},"provider":{"$ref":"#/definitions/verificationProvider","description":"Where measurements come from: exactly one of http (or web), prometheus, datadog, command, argocd, github."},"successCondition":{"type":"string","minLength":1,"description":"Expression over result (the provider's measurement) that makes a measurement Successful, e.g. result[0] >= 0.95. Without failureCondition, a measurement for which it is false is Failed."},"failureCondition":{"type":"string","minLength":1,"description":"Expression over result that makes a measurement Failed, e.g. result[0] < 0.5. With both conditions set, a measurement matching neither is Inconclusive; without successCondition, one for which it is false is Successful."},"initialDelay":{"$ref":"#/definitions/duration","description":"Wait this long before the first measurement, as a Go duration (e.g. 30s)."},"interval":{"$ref":"#/definitions/duration","description":"Time between measurements, as a Go duration (e.g. 1m). Required when count is more than 1."},"count":{"type":"integer","minimum":1,"default":1,"description":"How many measurements to take (measurements that end in Error do not count). Default 1, also when interval is set: unlike Argo Rollouts, a verification never measures forever."},"failureLimit":{"type":"integer","minimum":0,"default":0,"description":"The metric fails once more than this many measurements have Failed. Default 0: the first failed measurement fails it."},"inconclusiveLimit":{"type":"integer","minimum":0,"default":0,"description":"The metric is Inconclusive once more than this many measurements have been Inconclusive. Default 0."},"consecutiveErrorLimit":{"type":"integer","minimum":0,"default":4,"description":"The metric ends in Error once more than this many measurements in a row have ended in Error (the provider could not measure). Default 4. After an Error the next measurement is taken 10s later."},"timeout":{"$ref":"#/definitions/duration","description":"The longest one measurement may take, as a Go duration; a measurement still running then ends in Error. Default 5m.","default":"5m"}}},"verificationProvider":{"type":"object","minProperties":1,"maxProperties":1,"additionalProperties":false,"errorMessage":"a verification provider needs exactly one of http, web, prometheus, datadog, command, argocd, github","description":"The source of a metric's measurements: exactly one provider. Each provider checks its own fields before anything is measured; strings may contain ${{ }} expressions over ctx (project, stage, freight, commit) and env.","properties":{"http":{"type":"object","description":"Call an HTTP endpoint: url, method, headers, body or jsonBody, timeoutSeconds, jsonPath, insecure. result is the JSON body (or its text); response.status and response.headers are also readable. A response other than 2xx is an Error. See docs/verify.md."},"web":{"type":"object","description":"Argo Rollouts' name for http; the same fields."},"prometheus":{"type":"object","description":"Run an instant PromQL query: address, query, timeout (seconds), headers, insecure. result is the list of sample values of a vector (result[0]) or the number of a scalar. See docs/verify.md."},"datadog":{"type":"object","description":"Query Datadog metrics (v1 query or v2 formulas) with API and application keys. See docs/verify.md."},"command":{"type":"object","description":"Run a shell command with /bin/sh -c: run, timeout, env, dir. result is {exitCode, stdout, stderr, json}; without conditions exit status 0 is Successful and anything else Failed. See docs/verify.md."},"argocd":{"type":"object","description":"Wait until Argo CD applications are synced to the promotion's commit and Healthy. Metrics with this provider run before all others. See docs/verify.md."},"github":{"type":"object","description":"Read the check runs and commit statuses of the promotion commit. See docs/verify.md."}}},"taskVar":{"type":"object","required":["name"],"additionalProperties":false,"description":"An input of a promotion task: required unless it has a default value.","properties":{"name":{"type":"string","pattern":"^[a-zA-Z_][a-zA-Z0-9_]*$","patternErrorMessage":"must be an identifier: letters, digits and '_', not starting with a digit","description":"Variable name, used in expressions as vars.<name>."},"value":{"type":"string","description":"Default value; without one the variable must be set by the template's vars or the task step's vars."}}},"promotionTask":{"type":"object","required":["name","steps"],"additionalProperties":false,"description":"A reusable sequence of steps (Kargo's PromotionTask; kind ClusterPromotionTask for a task templates reference with that kind).","properties":{"name":{"type":"string","minLength":1,"description":"Name templates use in task: {name}."},"kind":{"type":"string","enum":["PromotionTask","ClusterPromotionTask"],"default":"PromotionTask","description":"PromotionTask (default) or ClusterPromotionTask."},"vars":{"type":"array","default":[],"description":"The task's inputs, available to its steps as vars.<name>.","items":{"$ref":"#/definitions/taskVar"}},"steps":{"type":"array","minItems":1,"description":"The task's steps. Within the task, task.outputs.<alias> reads the outputs of its earlier steps. A task cannot use another task.","items":{"$ref":"#/definitions/promotionStep"}}}}}};const schema12 = {"type":"string","minLength":1,"maxLength":63,"pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$","patternErrorMessage":"must be a lowercase DNS-1123 label: a-z, 0-9 and '-', starting and ending with a letter or digit","description":"A lowercase DNS-1123 label: a-z, 0-9 and '-', starting and ending with a letter or digit, at most 63 characters."};const func2 = function codePoints(s) { let n = 0; for (const _ of s) n++; return n; };const pattern0 = new RegExp("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "u");const schema13 = {"type":"object","required":["name","subscriptions"],"additionalProperties":false,"description":"A named source of freight (Kargo's Warehouse).","properties":{"name":{"$ref":"#/definitions/dnsLabel","description":"Warehouse name, unique within the project: a lowercase DNS-1123 label. Stages name it in requestedFreight[].origin.name."},"freightCreationPolicy":{"type":"string","enum":["Automatic","Manual"],"default":"Automatic","description":"Automatic (default): discovery records new freight as soon as it finds new versions. Manual: discovery only reports what it found; freight is created on request."},"freightCreationCriteria":{"type":"object","additionalProperties":false,"properties":{"expression":{"type":"string","description":"An expression (Kargo's expr-lang, without ${{ }}) over the versions just found, with imageFrom(), chartFrom() and commitFrom(): new freight is recorded only when it is true, e.g. imageFrom('ghcr.io/acme/api').Tag == imageFrom('ghcr.io/acme/web').Tag. Empty means always."}},"description":"Kargo's freight creation criteria: a condition new freight must meet before discovery records it automatically."},"interval":{"$ref":"#/definitions/duration","description":"How often discovery is expected to run, as a Go duration (e.g. 5m). Informational: the schedule of the discover workflow decides."},"subscriptions":{"type":"array","minItems":1,"description":"What the warehouse watches. Each entry has exactly one of image, chart or git; one piece of freight holds one version of each.","items":{"$ref":"#/definitions/subscription"}}}};const schema15 = {"type":"string","pattern":"^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$","patternErrorMessage":"must be a Go duration such as 90s, 30m, 1h or 1h30m (units: ns, us, ms, s, m, h)","description":"A Go-style duration such as 90s, 30m, 1h or 1h30m (units: ns, us, ms, s, m, h)."};const pattern2 = new RegExp("^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$", "u");const schema16 = {"type":"object","minProperties":1,"maxProperties":1,"additionalProperties":false,"errorMessage":"a subscription needs exactly one of image, chart, git","description":"One thing to watch: exactly one of image, chart or git.","properties":{"image":{"$ref":"#/definitions/imageSubscription","description":"Watch a container image repository for new tags."},"chart":{"$ref":"#/definitions/chartSubscription","description":"Watch a Helm chart, in an HTTP(S) chart repository or an OCI registry, for new versions."},"git":{"$ref":"#/definitions/gitSubscription","description":"Watch a Git repository for new commits on a branch or new tags."}}};const schema17 = {"type":"object","required":["repoURL"],"additionalProperties":false,"description":"A container image repository to watch for new tags.","properties":{"repoURL":{"type":"string","pattern":"^(?![a-zA-Z][a-zA-Z0-9+.-]*://)([^\\s/@]+/)*[^\\s/:@]+$","patternErrorMessage":"must be an image repository such as ghcr.io/acme/echo: no scheme (https://), tag (:1.0) or digest (@sha256:…)","description":"Image repository without scheme, tag or digest, e.g. ghcr.io/acme/echo or docker.io/library/nginx."},"name":{"type":"string","minLength":1,"description":"Optional subscription name. When set it becomes part of the freight ID, so two subscriptions to the same repository can be told apart."},"imageSelectionStrategy":{"type":"string","enum":["SemVer","Lexical","Digest","NewestBuild"],"default":"SemVer","description":"How to pick the newest image. SemVer (default): highest semantic version tag matching constraint. Lexical: lexically greatest tag. Digest: the current digest of the mutable tag named by constraint. NewestBuild: most recently built image (reads image metadata, slower)."},"constraint":{"type":"string","minLength":1,"description":"For SemVer: a semver constraint such as ^1.2, '>= 1.2, < 2' or 1.2.x (pre-releases only when the constraint names one). For Digest: the mutable tag to follow, e.g. latest (required). Unused by Lexical and NewestBuild."},"strictSemvers":{"type":"boolean","default":true,"description":"With SemVer, accept only tags that are complete semantic versions (1.2.3, not 1.2). Default true."},"allowTagsRegexes":{"$ref":"#/definitions/regexList","description":"Only tags matching at least one of these regular expressions (Go RE2 syntax) are considered. Empty: all tags."},"ignoreTagsRegexes":{"$ref":"#/definitions/regexList","description":"Tags matching any of these regular expressions (Go RE2 syntax) are ignored; ignoring wins over allowing."},"allowTags":{"deprecated":true,"not":{},"errorMessage":"allowTags is deprecated: use allowTagsRegexes","description":"Deprecated in Kargo and rejected by gantry: use allowTagsRegexes."},"ignoreTags":{"deprecated":true,"not":{},"errorMessage":"ignoreTags is deprecated: use ignoreTagsRegexes","description":"Deprecated in Kargo and rejected by gantry: use ignoreTagsRegexes."},"platform":{"type":"string","pattern":"^[a-z0-9_.-]+/[a-zA-Z0-9_.-]+(/[a-zA-Z0-9_.-]+)?$","patternErrorMessage":"must be os/arch or os/arch/variant, e.g. linux/amd64 or linux/arm64/v8","description":"Only consider images built for this platform: os/arch or os/arch/variant, e.g. linux/amd64 or linux/arm64/v8."},"discoveryLimit":{"$ref":"#/definitions/discoveryLimit","description":"How many of the newest matching versions to keep as candidates (1 to 100, default 20). It also bounds the registry requests: SemVer and Lexical examine at most this many tags per run (with platform, 20 more that lack the platform), one manifest request each."},"insecureSkipTLSVerify":{"$ref":"#/definitions/insecureSkipTLSVerify","description":"Skip TLS certificate verification when talking to this repository. For test setups only."}},"allOf":[{"if":{"type":"object","properties":{"imageSelectionStrategy":{"const":"Digest"}},"required":["imageSelectionStrategy"]},"then":{"type":"object","required":["constraint"],"errorMessage":"imageSelectionStrategy Digest needs constraint: the mutable tag to follow, e.g. constraint: latest"}}]};const schema18 = {"type":"array","items":{"type":"string","minLength":1},"description":"Regular expressions (Go RE2 syntax, e.g. '^v1\\.' or '(?i)rc')."};const schema20 = {"type":"integer","minimum":1,"maximum":100,"default":20,"description":"How many of the newest matching versions to keep as candidates (1 to 100, default 20)."};const schema21 = {"type":"boolean","default":false,"description":"Skip TLS certificate verification when talking to this repository. For test setups only."};const func6 = Object.prototype.hasOwnProperty;const pattern3 = new RegExp("^(?![a-zA-Z][a-zA-Z0-9+.-]*://)([^\\s/@]+/)*[^\\s/:@]+$", "u");const pattern4 = new RegExp("^[a-z0-9_.-]+/[a-zA-Z0-9_.-]+(/[a-zA-Z0-9_.-]+)?$", "u");function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;const _errs2 = errors;let valid1 = true;const _errs3 = errors;if(errors === _errs3){if(data && typeof data == "object" && !Array.isArray(data)){let missing0;if((data.imageSelectionStrategy === undefined) && (missing0 = "imageSelectionStrategy")){const err0 = {};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}else {if(data.imageSelectionStrategy !== undefined){if("Digest" !== data.imageSelectionStrategy){const err1 = {};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}}}else {const err2 = {};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}var _valid0 = _errs3 === errors;errors = _errs2;if(vErrors !== null){if(_errs2){vErrors.length = _errs2;}else {vErrors = null;}}if(_valid0){const _errs6 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.constraint === undefined){const err3 = {instancePath,schemaPath:"#/allOf/0/then/required",keyword:"required",params:{missingProperty: "constraint"},message:"must have required property '"+"constraint"+"'",schema:schema17.allOf[0].then.required,parentSchema:schema17.allOf[0].then,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}else {const err4 = {instancePath,schemaPath:"#/allOf/0/then/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema17.allOf[0].then.type,parentSchema:schema17.allOf[0].then,data};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}var _valid0 = _errs6 === errors;valid1 = _valid0;}if(!valid1){const err5 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema17.allOf[0].if,parentSchema:schema17.allOf[0],data};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}if(data && typeof data == "object" && !Array.isArray(data)){if(data.repoURL === undefined){const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "repoURL"},message:"must have required property '"+"repoURL"+"'",schema:schema17.required,parentSchema:schema17,data};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}for(const key0 in data){if(!(func6.call(schema17.properties, key0))){const err7 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema17,data};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.repoURL !== undefined){let data1 = data.repoURL;if(typeof data1 === "string"){if(!pattern3.test(data1)){const err8 = {instancePath:instancePath+"/repoURL",schemaPath:"#/properties/repoURL/pattern",keyword:"pattern",params:{pattern: "^(?![a-zA-Z][a-zA-Z0-9+.-]*://)([^\\s/@]+/)*[^\\s/:@]+$"},message:"must match pattern \""+"^(?![a-zA-Z][a-zA-Z0-9+.-]*://)([^\\s/@]+/)*[^\\s/:@]+$"+"\"",schema:"^(?![a-zA-Z][a-zA-Z0-9+.-]*://)([^\\s/@]+/)*[^\\s/:@]+$",parentSchema:schema17.properties.repoURL,data:data1};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}else {const err9 = {instancePath:instancePath+"/repoURL",schemaPath:"#/properties/repoURL/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.repoURL.type,parentSchema:schema17.properties.repoURL,data:data1};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data.name !== undefined){let data2 = data.name;if(typeof data2 === "string"){if(func2(data2) < 1){const err10 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema17.properties.name,data:data2};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}else {const err11 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.name.type,parentSchema:schema17.properties.name,data:data2};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data.imageSelectionStrategy !== undefined){let data3 = data.imageSelectionStrategy;if(typeof data3 !== "string"){const err12 = {instancePath:instancePath+"/imageSelectionStrategy",schemaPath:"#/properties/imageSelectionStrategy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.imageSelectionStrategy.type,parentSchema:schema17.properties.imageSelectionStrategy,data:data3};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}if(!((((data3 === "SemVer") || (data3 === "Lexical")) || (data3 === "Digest")) || (data3 === "NewestBuild"))){const err13 = {instancePath:instancePath+"/imageSelectionStrategy",schemaPath:"#/properties/imageSelectionStrategy/enum",keyword:"enum",params:{allowedValues: schema17.properties.imageSelectionStrategy.enum},message:"must be equal to one of the allowed values",schema:schema17.properties.imageSelectionStrategy.enum,parentSchema:schema17.properties.imageSelectionStrategy,data:data3};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data.constraint !== undefined){let data4 = data.constraint;if(typeof data4 === "string"){if(func2(data4) < 1){const err14 = {instancePath:instancePath+"/constraint",schemaPath:"#/properties/constraint/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema17.properties.constraint,data:data4};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}else {const err15 = {instancePath:instancePath+"/constraint",schemaPath:"#/properties/constraint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.constraint.type,parentSchema:schema17.properties.constraint,data:data4};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data.strictSemvers !== undefined){let data5 = data.strictSemvers;if(typeof data5 !== "boolean"){const err16 = {instancePath:instancePath+"/strictSemvers",schemaPath:"#/properties/strictSemvers/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema17.properties.strictSemvers.type,parentSchema:schema17.properties.strictSemvers,data:data5};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}if(data.allowTagsRegexes !== undefined){let data6 = data.allowTagsRegexes;if(Array.isArray(data6)){const len0 = data6.length;for(let i0=0; i0<len0; i0++){let data7 = data6[i0];if(typeof data7 === "string"){if(func2(data7) < 1){const err17 = {instancePath:instancePath+"/allowTagsRegexes/" + i0,schemaPath:"#/definitions/regexList/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema18.items,data:data7};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}else {const err18 = {instancePath:instancePath+"/allowTagsRegexes/" + i0,schemaPath:"#/definitions/regexList/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.items.type,parentSchema:schema18.items,data:data7};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}}else {const err19 = {instancePath:instancePath+"/allowTagsRegexes",schemaPath:"#/definitions/regexList/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema18.type,parentSchema:schema18,data:data6};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}if(data.ignoreTagsRegexes !== undefined){let data8 = data.ignoreTagsRegexes;if(Array.isArray(data8)){const len1 = data8.length;for(let i1=0; i1<len1; i1++){let data9 = data8[i1];if(typeof data9 === "string"){if(func2(data9) < 1){const err20 = {instancePath:instancePath+"/ignoreTagsRegexes/" + i1,schemaPath:"#/definitions/regexList/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema18.items,data:data9};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}else {const err21 = {instancePath:instancePath+"/ignoreTagsRegexes/" + i1,schemaPath:"#/definitions/regexList/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.items.type,parentSchema:schema18.items,data:data9};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}}else {const err22 = {instancePath:instancePath+"/ignoreTagsRegexes",schemaPath:"#/definitions/regexList/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema18.type,parentSchema:schema18,data:data8};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}if(data.allowTags !== undefined){const err23 = {instancePath:instancePath+"/allowTags",schemaPath:"#/properties/allowTags/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema17.properties.allowTags.not,parentSchema:schema17.properties.allowTags,data:data.allowTags};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}if(data.ignoreTags !== undefined){const err24 = {instancePath:instancePath+"/ignoreTags",schemaPath:"#/properties/ignoreTags/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema17.properties.ignoreTags.not,parentSchema:schema17.properties.ignoreTags,data:data.ignoreTags};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}if(data.platform !== undefined){let data12 = data.platform;if(typeof data12 === "string"){if(!pattern4.test(data12)){const err25 = {instancePath:instancePath+"/platform",schemaPath:"#/properties/platform/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9_.-]+/[a-zA-Z0-9_.-]+(/[a-zA-Z0-9_.-]+)?$"},message:"must match pattern \""+"^[a-z0-9_.-]+/[a-zA-Z0-9_.-]+(/[a-zA-Z0-9_.-]+)?$"+"\"",schema:"^[a-z0-9_.-]+/[a-zA-Z0-9_.-]+(/[a-zA-Z0-9_.-]+)?$",parentSchema:schema17.properties.platform,data:data12};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}else {const err26 = {instancePath:instancePath+"/platform",schemaPath:"#/properties/platform/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.platform.type,parentSchema:schema17.properties.platform,data:data12};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}if(data.discoveryLimit !== undefined){let data13 = data.discoveryLimit;if(!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))){const err27 = {instancePath:instancePath+"/discoveryLimit",schemaPath:"#/definitions/discoveryLimit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema20.type,parentSchema:schema20,data:data13};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}if((typeof data13 == "number") && (isFinite(data13))){if(data13 > 100 || isNaN(data13)){const err28 = {instancePath:instancePath+"/discoveryLimit",schemaPath:"#/definitions/discoveryLimit/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema20,data:data13};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}if(data13 < 1 || isNaN(data13)){const err29 = {instancePath:instancePath+"/discoveryLimit",schemaPath:"#/definitions/discoveryLimit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema20,data:data13};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}}if(data.insecureSkipTLSVerify !== undefined){let data14 = data.insecureSkipTLSVerify;if(typeof data14 !== "boolean"){const err30 = {instancePath:instancePath+"/insecureSkipTLSVerify",schemaPath:"#/definitions/insecureSkipTLSVerify/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema21.type,parentSchema:schema21,data:data14};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}}}else {const err31 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema17.type,parentSchema:schema17,data};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}validate13.errors = vErrors;return errors === 0;}const schema22 = {"type":"object","required":["repoURL"],"additionalProperties":false,"description":"A Helm chart to watch for new versions, in an HTTP(S) chart repository or an OCI registry.","properties":{"repoURL":{"type":"string","pattern":"^(https?|oci)://\\S+$","patternErrorMessage":"must start with https://, http:// (a chart repository) or oci:// (a chart in an OCI registry)","description":"https://… or http://… for a classic chart repository (with an index.yaml), or oci://registry/path/chart for a chart stored in an OCI registry."},"name":{"type":"string","minLength":1,"description":"Chart name within an https:// or http:// repository (required there). Must be omitted for oci:// URLs, whose last path segment is the chart name."},"semverConstraint":{"type":"string","minLength":1,"description":"Semver constraint the chart version must satisfy, e.g. ^2 or '>= 1.2, < 2'. Empty: any version."},"discoveryLimit":{"$ref":"#/definitions/discoveryLimit","description":"How many of the newest matching versions to keep as candidates (1 to 100, default 20)."}},"if":{"type":"object","properties":{"repoURL":{"type":"string","pattern":"^oci://"}},"required":["repoURL"]},"then":{"type":"object","properties":{"name":{"not":{},"errorMessage":"name must be omitted for oci:// charts: the last segment of repoURL is the chart name (e.g. repoURL: oci://ghcr.io/acme/charts/echo)"}}},"else":{"type":"object","required":["name"],"errorMessage":"name (the chart name) is required for an https:// or http:// chart repository"}};const pattern5 = new RegExp("^oci://", "u");const pattern6 = new RegExp("^(https?|oci)://\\S+$", "u");function validate15(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;const _errs1 = errors;let valid0 = true;const _errs2 = errors;if(errors === _errs2){if(data && typeof data == "object" && !Array.isArray(data)){let missing0;if((data.repoURL === undefined) && (missing0 = "repoURL")){const err0 = {};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}else {if(data.repoURL !== undefined){let data0 = data.repoURL;const _errs4 = errors;if(errors === _errs4){if(typeof data0 === "string"){if(!pattern5.test(data0)){const err1 = {};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}else {const err2 = {};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}}}}else {const err3 = {};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}var _valid0 = _errs2 === errors;errors = _errs1;if(vErrors !== null){if(_errs1){vErrors.length = _errs1;}else {vErrors = null;}}let ifClause0;if(_valid0){const _errs6 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.name !== undefined){const err4 = {instancePath:instancePath+"/name",schemaPath:"#/then/properties/name/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema22.then.properties.name.not,parentSchema:schema22.then.properties.name,data:data.name};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}else {const err5 = {instancePath,schemaPath:"#/then/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema22.then.type,parentSchema:schema22.then,data};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}var _valid0 = _errs6 === errors;valid0 = _valid0;ifClause0 = "then";}else {const _errs10 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.name === undefined){const err6 = {instancePath,schemaPath:"#/else/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema22.else.required,parentSchema:schema22.else,data};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}else {const err7 = {instancePath,schemaPath:"#/else/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema22.else.type,parentSchema:schema22.else,data};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}var _valid0 = _errs10 === errors;valid0 = _valid0;ifClause0 = "else";}if(!valid0){const err8 = {instancePath,schemaPath:"#/if",keyword:"if",params:{failingKeyword: ifClause0},message:"must match \""+ifClause0+"\" schema",schema:schema22.if,parentSchema:schema22,data};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}if(data && typeof data == "object" && !Array.isArray(data)){if(data.repoURL === undefined){const err9 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "repoURL"},message:"must have required property '"+"repoURL"+"'",schema:schema22.required,parentSchema:schema22,data};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}for(const key0 in data){if(!((((key0 === "repoURL") || (key0 === "name")) || (key0 === "semverConstraint")) || (key0 === "discoveryLimit"))){const err10 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema22,data};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}if(data.repoURL !== undefined){let data2 = data.repoURL;if(typeof data2 === "string"){if(!pattern6.test(data2)){const err11 = {instancePath:instancePath+"/repoURL",schemaPath:"#/properties/repoURL/pattern",keyword:"pattern",params:{pattern: "^(https?|oci)://\\S+$"},message:"must match pattern \""+"^(https?|oci)://\\S+$"+"\"",schema:"^(https?|oci)://\\S+$",parentSchema:schema22.properties.repoURL,data:data2};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}else {const err12 = {instancePath:instancePath+"/repoURL",schemaPath:"#/properties/repoURL/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.repoURL.type,parentSchema:schema22.properties.repoURL,data:data2};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data.name !== undefined){let data3 = data.name;if(typeof data3 === "string"){if(func2(data3) < 1){const err13 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema22.properties.name,data:data3};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}else {const err14 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.name.type,parentSchema:schema22.properties.name,data:data3};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data.semverConstraint !== undefined){let data4 = data.semverConstraint;if(typeof data4 === "string"){if(func2(data4) < 1){const err15 = {instancePath:instancePath+"/semverConstraint",schemaPath:"#/properties/semverConstraint/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema22.properties.semverConstraint,data:data4};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}else {const err16 = {instancePath:instancePath+"/semverConstraint",schemaPath:"#/properties/semverConstraint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.semverConstraint.type,parentSchema:schema22.properties.semverConstraint,data:data4};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}if(data.discoveryLimit !== undefined){let data5 = data.discoveryLimit;if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){const err17 = {instancePath:instancePath+"/discoveryLimit",schemaPath:"#/definitions/discoveryLimit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema20.type,parentSchema:schema20,data:data5};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}if((typeof data5 == "number") && (isFinite(data5))){if(data5 > 100 || isNaN(data5)){const err18 = {instancePath:instancePath+"/discoveryLimit",schemaPath:"#/definitions/discoveryLimit/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema20,data:data5};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}if(data5 < 1 || isNaN(data5)){const err19 = {instancePath:instancePath+"/discoveryLimit",schemaPath:"#/definitions/discoveryLimit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema20,data:data5};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}}}else {const err20 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema22.type,parentSchema:schema22,data};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}validate15.errors = vErrors;return errors === 0;}const schema24 = {"type":"object","required":["repoURL"],"additionalProperties":false,"description":"A Git repository to watch for new commits on a branch or new tags.","properties":{"repoURL":{"type":"string","pattern":"^((https?|ssh|git|file)://\\S+|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:\\S+)$","patternErrorMessage":"must be a Git URL: https://, http://, ssh://, git://, file:// or user@host:path","description":"URL of the Git repository: https://…, ssh://…, git@host:path or file://…."},"name":{"type":"string","minLength":1,"description":"Optional subscription name. When set it becomes part of the freight ID."},"commitSelectionStrategy":{"type":"string","enum":["NewestFromBranch","SemVer","Lexical","NewestTag"],"default":"NewestFromBranch","description":"NewestFromBranch (default): newest commit on branch. SemVer: commit of the highest semver tag matching semverConstraint. Lexical: commit of the lexically greatest tag. NewestTag: commit of the most recently created tag."},"branch":{"type":"string","minLength":1,"description":"Branch to follow with NewestFromBranch; default: the repository's default branch."},"strictSemvers":{"type":"boolean","default":true,"description":"With SemVer, accept only tags that are complete semantic versions. Default true."},"semverConstraint":{"type":"string","minLength":1,"description":"With SemVer: semver constraint the tag must satisfy, e.g. ^1.2."},"allowTagsRegexes":{"$ref":"#/definitions/regexList","description":"With tag strategies: only tags matching at least one of these regular expressions are considered."},"ignoreTagsRegexes":{"$ref":"#/definitions/regexList","description":"With tag strategies: tags matching any of these regular expressions are ignored; ignoring wins."},"allowTags":{"deprecated":true,"not":{},"errorMessage":"allowTags is deprecated: use allowTagsRegexes","description":"Deprecated in Kargo and rejected by gantry: use allowTagsRegexes."},"ignoreTags":{"deprecated":true,"not":{},"errorMessage":"ignoreTags is deprecated: use ignoreTagsRegexes","description":"Deprecated in Kargo and rejected by gantry: use ignoreTagsRegexes."},"expressionFilter":{"type":"string","minLength":1,"description":"An expression evaluated for each candidate commit or tag; only those for which it is true are considered."},"includePaths":{"$ref":"#/definitions/pathFilterList","description":"Only commits touching at least one matching path are considered. Entries: a plain path (that directory or file), glob:<pattern> or regex:<re> / regexp:<re>."},"excludePaths":{"$ref":"#/definitions/pathFilterList","description":"Commits touching only matching paths are ignored. Entries: a plain path, glob:<pattern> or regex:<re> / regexp:<re>."},"discoveryLimit":{"$ref":"#/definitions/discoveryLimit","description":"How many of the newest matching versions to keep as candidates (1 to 100, default 20)."},"insecureSkipTLSVerify":{"$ref":"#/definitions/insecureSkipTLSVerify","description":"Skip TLS certificate verification when talking to this repository. For test setups only."}}};const schema27 = {"type":"array","items":{"type":"string","minLength":1},"description":"Path filters: a plain path matches that path and everything below it; 'glob:<pattern>' is a glob where ** crosses directories; 'regex:<re>' or 'regexp:<re>' is a Go regular expression."};const pattern7 = new RegExp("^((https?|ssh|git|file)://\\S+|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:\\S+)$", "u");function validate17(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.repoURL === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "repoURL"},message:"must have required property '"+"repoURL"+"'",schema:schema24.required,parentSchema:schema24,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data){if(!(func6.call(schema24.properties, key0))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema24,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.repoURL !== undefined){let data0 = data.repoURL;if(typeof data0 === "string"){if(!pattern7.test(data0)){const err2 = {instancePath:instancePath+"/repoURL",schemaPath:"#/properties/repoURL/pattern",keyword:"pattern",params:{pattern: "^((https?|ssh|git|file)://\\S+|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:\\S+)$"},message:"must match pattern \""+"^((https?|ssh|git|file)://\\S+|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:\\S+)$"+"\"",schema:"^((https?|ssh|git|file)://\\S+|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:\\S+)$",parentSchema:schema24.properties.repoURL,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}else {const err3 = {instancePath:instancePath+"/repoURL",schemaPath:"#/properties/repoURL/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.repoURL.type,parentSchema:schema24.properties.repoURL,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.name !== undefined){let data1 = data.name;if(typeof data1 === "string"){if(func2(data1) < 1){const err4 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema24.properties.name,data:data1};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}else {const err5 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.name.type,parentSchema:schema24.properties.name,data:data1};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data.commitSelectionStrategy !== undefined){let data2 = data.commitSelectionStrategy;if(typeof data2 !== "string"){const err6 = {instancePath:instancePath+"/commitSelectionStrategy",schemaPath:"#/properties/commitSelectionStrategy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.commitSelectionStrategy.type,parentSchema:schema24.properties.commitSelectionStrategy,data:data2};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}if(!((((data2 === "NewestFromBranch") || (data2 === "SemVer")) || (data2 === "Lexical")) || (data2 === "NewestTag"))){const err7 = {instancePath:instancePath+"/commitSelectionStrategy",schemaPath:"#/properties/commitSelectionStrategy/enum",keyword:"enum",params:{allowedValues: schema24.properties.commitSelectionStrategy.enum},message:"must be equal to one of the allowed values",schema:schema24.properties.commitSelectionStrategy.enum,parentSchema:schema24.properties.commitSelectionStrategy,data:data2};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.branch !== undefined){let data3 = data.branch;if(typeof data3 === "string"){if(func2(data3) < 1){const err8 = {instancePath:instancePath+"/branch",schemaPath:"#/properties/branch/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema24.properties.branch,data:data3};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}else {const err9 = {instancePath:instancePath+"/branch",schemaPath:"#/properties/branch/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.branch.type,parentSchema:schema24.properties.branch,data:data3};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data.strictSemvers !== undefined){let data4 = data.strictSemvers;if(typeof data4 !== "boolean"){const err10 = {instancePath:instancePath+"/strictSemvers",schemaPath:"#/properties/strictSemvers/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema24.properties.strictSemvers.type,parentSchema:schema24.properties.strictSemvers,data:data4};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}if(data.semverConstraint !== undefined){let data5 = data.semverConstraint;if(typeof data5 === "string"){if(func2(data5) < 1){const err11 = {instancePath:instancePath+"/semverConstraint",schemaPath:"#/properties/semverConstraint/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema24.properties.semverConstraint,data:data5};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}else {const err12 = {instancePath:instancePath+"/semverConstraint",schemaPath:"#/properties/semverConstraint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.semverConstraint.type,parentSchema:schema24.properties.semverConstraint,data:data5};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data.allowTagsRegexes !== undefined){let data6 = data.allowTagsRegexes;if(Array.isArray(data6)){const len0 = data6.length;for(let i0=0; i0<len0; i0++){let data7 = data6[i0];if(typeof data7 === "string"){if(func2(data7) < 1){const err13 = {instancePath:instancePath+"/allowTagsRegexes/" + i0,schemaPath:"#/definitions/regexList/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema18.items,data:data7};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}else {const err14 = {instancePath:instancePath+"/allowTagsRegexes/" + i0,schemaPath:"#/definitions/regexList/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.items.type,parentSchema:schema18.items,data:data7};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}}else {const err15 = {instancePath:instancePath+"/allowTagsRegexes",schemaPath:"#/definitions/regexList/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema18.type,parentSchema:schema18,data:data6};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data.ignoreTagsRegexes !== undefined){let data8 = data.ignoreTagsRegexes;if(Array.isArray(data8)){const len1 = data8.length;for(let i1=0; i1<len1; i1++){let data9 = data8[i1];if(typeof data9 === "string"){if(func2(data9) < 1){const err16 = {instancePath:instancePath+"/ignoreTagsRegexes/" + i1,schemaPath:"#/definitions/regexList/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema18.items,data:data9};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}else {const err17 = {instancePath:instancePath+"/ignoreTagsRegexes/" + i1,schemaPath:"#/definitions/regexList/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.items.type,parentSchema:schema18.items,data:data9};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}}else {const err18 = {instancePath:instancePath+"/ignoreTagsRegexes",schemaPath:"#/definitions/regexList/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema18.type,parentSchema:schema18,data:data8};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}if(data.allowTags !== undefined){const err19 = {instancePath:instancePath+"/allowTags",schemaPath:"#/properties/allowTags/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema24.properties.allowTags.not,parentSchema:schema24.properties.allowTags,data:data.allowTags};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}if(data.ignoreTags !== undefined){const err20 = {instancePath:instancePath+"/ignoreTags",schemaPath:"#/properties/ignoreTags/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema24.properties.ignoreTags.not,parentSchema:schema24.properties.ignoreTags,data:data.ignoreTags};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}if(data.expressionFilter !== undefined){let data12 = data.expressionFilter;if(typeof data12 === "string"){if(func2(data12) < 1){const err21 = {instancePath:instancePath+"/expressionFilter",schemaPath:"#/properties/expressionFilter/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema24.properties.expressionFilter,data:data12};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}else {const err22 = {instancePath:instancePath+"/expressionFilter",schemaPath:"#/properties/expressionFilter/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.expressionFilter.type,parentSchema:schema24.properties.expressionFilter,data:data12};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}if(data.includePaths !== undefined){let data13 = data.includePaths;if(Array.isArray(data13)){const len2 = data13.length;for(let i2=0; i2<len2; i2++){let data14 = data13[i2];if(typeof data14 === "string"){if(func2(data14) < 1){const err23 = {instancePath:instancePath+"/includePaths/" + i2,schemaPath:"#/definitions/pathFilterList/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema27.items,data:data14};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}else {const err24 = {instancePath:instancePath+"/includePaths/" + i2,schemaPath:"#/definitions/pathFilterList/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.items.type,parentSchema:schema27.items,data:data14};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}}else {const err25 = {instancePath:instancePath+"/includePaths",schemaPath:"#/definitions/pathFilterList/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema27.type,parentSchema:schema27,data:data13};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}if(data.excludePaths !== undefined){let data15 = data.excludePaths;if(Array.isArray(data15)){const len3 = data15.length;for(let i3=0; i3<len3; i3++){let data16 = data15[i3];if(typeof data16 === "string"){if(func2(data16) < 1){const err26 = {instancePath:instancePath+"/excludePaths/" + i3,schemaPath:"#/definitions/pathFilterList/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema27.items,data:data16};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}else {const err27 = {instancePath:instancePath+"/excludePaths/" + i3,schemaPath:"#/definitions/pathFilterList/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.items.type,parentSchema:schema27.items,data:data16};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}}else {const err28 = {instancePath:instancePath+"/excludePaths",schemaPath:"#/definitions/pathFilterList/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema27.type,parentSchema:schema27,data:data15};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}if(data.discoveryLimit !== undefined){let data17 = data.discoveryLimit;if(!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))){const err29 = {instancePath:instancePath+"/discoveryLimit",schemaPath:"#/definitions/discoveryLimit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema20.type,parentSchema:schema20,data:data17};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}if((typeof data17 == "number") && (isFinite(data17))){if(data17 > 100 || isNaN(data17)){const err30 = {instancePath:instancePath+"/discoveryLimit",schemaPath:"#/definitions/discoveryLimit/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema20,data:data17};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}if(data17 < 1 || isNaN(data17)){const err31 = {instancePath:instancePath+"/discoveryLimit",schemaPath:"#/definitions/discoveryLimit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema20,data:data17};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}}if(data.insecureSkipTLSVerify !== undefined){let data18 = data.insecureSkipTLSVerify;if(typeof data18 !== "boolean"){const err32 = {instancePath:instancePath+"/insecureSkipTLSVerify",schemaPath:"#/definitions/insecureSkipTLSVerify/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema21.type,parentSchema:schema21,data:data18};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}}else {const err33 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema24.type,parentSchema:schema24,data};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}validate17.errors = vErrors;return errors === 0;}function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(Object.keys(data).length > 1){const err0 = {instancePath,schemaPath:"#/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties",schema:1,parentSchema:schema16,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(Object.keys(data).length < 1){const err1 = {instancePath,schemaPath:"#/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema16,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}for(const key0 in data){if(!(((key0 === "image") || (key0 === "chart")) || (key0 === "git"))){const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema16,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.image !== undefined){if(!(validate13(data.image, {instancePath:instancePath+"/image",parentData:data,parentDataProperty:"image",rootData}))){vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);errors = vErrors.length;}}if(data.chart !== undefined){if(!(validate15(data.chart, {instancePath:instancePath+"/chart",parentData:data,parentDataProperty:"chart",rootData}))){vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);errors = vErrors.length;}}if(data.git !== undefined){if(!(validate17(data.git, {instancePath:instancePath+"/git",parentData:data,parentDataProperty:"git",rootData}))){vErrors = vErrors === null ? validate17.errors : vErrors.concat(validate17.errors);errors = vErrors.length;}}}else {const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.type,parentSchema:schema16,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}validate12.errors = vErrors;return errors === 0;}function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.name === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema13.required,parentSchema:schema13,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.subscriptions === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "subscriptions"},message:"must have required property '"+"subscriptions"+"'",schema:schema13.required,parentSchema:schema13,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}for(const key0 in data){if(!(((((key0 === "name") || (key0 === "freightCreationPolicy")) || (key0 === "freightCreationCriteria")) || (key0 === "interval")) || (key0 === "subscriptions"))){const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema13,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.name !== undefined){let data0 = data.name;if(typeof data0 === "string"){if(func2(data0) > 63){const err3 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/dnsLabel/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters",schema:63,parentSchema:schema12,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if(func2(data0) < 1){const err4 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/dnsLabel/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}if(!pattern0.test(data0)){const err5 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/dnsLabel/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",parentSchema:schema12,data:data0};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}else {const err6 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/dnsLabel/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.type,parentSchema:schema12,data:data0};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data.freightCreationPolicy !== undefined){let data1 = data.freightCreationPolicy;if(typeof data1 !== "string"){const err7 = {instancePath:instancePath+"/freightCreationPolicy",schemaPath:"#/properties/freightCreationPolicy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.freightCreationPolicy.type,parentSchema:schema13.properties.freightCreationPolicy,data:data1};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}if(!((data1 === "Automatic") || (data1 === "Manual"))){const err8 = {instancePath:instancePath+"/freightCreationPolicy",schemaPath:"#/properties/freightCreationPolicy/enum",keyword:"enum",params:{allowedValues: schema13.properties.freightCreationPolicy.enum},message:"must be equal to one of the allowed values",schema:schema13.properties.freightCreationPolicy.enum,parentSchema:schema13.properties.freightCreationPolicy,data:data1};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data.freightCreationCriteria !== undefined){let data2 = data.freightCreationCriteria;if(data2 && typeof data2 == "object" && !Array.isArray(data2)){for(const key1 in data2){if(!(key1 === "expression")){const err9 = {instancePath:instancePath+"/freightCreationCriteria",schemaPath:"#/properties/freightCreationCriteria/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema13.properties.freightCreationCriteria,data:data2};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data2.expression !== undefined){let data3 = data2.expression;if(typeof data3 !== "string"){const err10 = {instancePath:instancePath+"/freightCreationCriteria/expression",schemaPath:"#/properties/freightCreationCriteria/properties/expression/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.freightCreationCriteria.properties.expression.type,parentSchema:schema13.properties.freightCreationCriteria.properties.expression,data:data3};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}}else {const err11 = {instancePath:instancePath+"/freightCreationCriteria",schemaPath:"#/properties/freightCreationCriteria/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema13.properties.freightCreationCriteria.type,parentSchema:schema13.properties.freightCreationCriteria,data:data2};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data.interval !== undefined){let data4 = data.interval;if(typeof data4 === "string"){if(!pattern2.test(data4)){const err12 = {instancePath:instancePath+"/interval",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$"},message:"must match pattern \""+"^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$"+"\"",schema:"^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$",parentSchema:schema15,data:data4};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}else {const err13 = {instancePath:instancePath+"/interval",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.type,parentSchema:schema15,data:data4};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data.subscriptions !== undefined){let data5 = data.subscriptions;if(Array.isArray(data5)){if(data5.length < 1){const err14 = {instancePath:instancePath+"/subscriptions",schemaPath:"#/properties/subscriptions/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema13.properties.subscriptions,data:data5};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}const len0 = data5.length;for(let i0=0; i0<len0; i0++){if(!(validate12(data5[i0], {instancePath:instancePath+"/subscriptions/" + i0,parentData:data5,parentDataProperty:i0,rootData}))){vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);errors = vErrors.length;}}}else {const err15 = {instancePath:instancePath+"/subscriptions",schemaPath:"#/properties/subscriptions/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema13.properties.subscriptions.type,parentSchema:schema13.properties.subscriptions,data:data5};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}}else {const err16 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema13.type,parentSchema:schema13,data};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}validate11.errors = vErrors;return errors === 0;}const schema31 = {"type":"object","required":["name","requestedFreight","promotionTemplate"],"additionalProperties":false,"description":"A step of the pipeline (Kargo's Stage): where freight is promoted to and verified.","properties":{"name":{"$ref":"#/definitions/dnsLabel","description":"Stage name, unique within the project: a lowercase DNS-1123 label. Downstream stages name it in sources.stages."},"branch":{"type":"string","minLength":1,"description":"Branch of the GitOps repository this stage deploys from (promotion commits go there). Default: the repository's default branch."},"environment":{"type":"string","minLength":1,"description":"GitHub environment that gates promotions to this stage: the promote workflow runs the job under it (command: environment), and the promote action refuses a run that did not pass its protection rules. Default: the stage name."},"environmentUrl":{"type":"string","pattern":"^https?://\\S+$","patternErrorMessage":"must be an http(s) URL such as https://dev.echo.acme.dev","description":"Where the stage's deployment can be reached. Shown as the deployment's URL in the repository's Environments view once verification succeeds."},"requestedFreight":{"type":"array","minItems":1,"description":"Which freight the stage takes: one entry per warehouse, saying where the freight may come from.","items":{"$ref":"#/definitions/freightRequest"}},"autoPromotion":{"type":"boolean","default":false,"description":"Promote new freight automatically as soon as it is available to this stage. Default false."},"promotionTemplate":{"$ref":"#/definitions/promotionTemplate","description":"How freight is promoted into this stage: the steps to run and whether the result is pushed directly or proposed as a pull request."},"verification":{"type":"array","default":[],"description":"Checks run after each promotion; when all succeed the freight is verified in this stage and becomes available downstream.","items":{"$ref":"#/definitions/verificationMetric"}}}};const pattern9 = new RegExp("^https?://\\S+$", "u");const schema33 = {"type":"object","required":["origin","sources"],"additionalProperties":false,"description":"A request for freight from one warehouse.","properties":{"origin":{"type":"object","required":["kind","name"],"additionalProperties":false,"description":"Where the freight was created.","properties":{"kind":{"type":"string","enum":["Warehouse"],"description":"Kind of origin; always Warehouse."},"name":{"type":"string","minLength":1,"description":"Name of a warehouse of this project."}}},"sources":{"type":"object","additionalProperties":false,"description":"Where the stage may take this freight from: straight from the warehouse (direct) and/or once verified in upstream stages.","properties":{"direct":{"type":"boolean","default":false,"description":"Take freight straight from the warehouse, without upstream verification."},"stages":{"type":"array","default":[],"description":"Upstream stages: freight becomes available once verified in them (or approved for this stage).","items":{"type":"string","minLength":1}},"requiredSoakTime":{"$ref":"#/definitions/duration","description":"How long freight must have been verified in the upstream stages before it is available here, as a Go duration (e.g. 1h)."},"availabilityStrategy":{"type":"string","enum":["OneOf","All"],"default":"OneOf","description":"OneOf (default): freight verified in any one upstream stage is available. All: it must be verified in every listed upstream stage."},"autoPromotionOptions":{"type":"object","additionalProperties":false,"description":"Which freight auto-promotion picks (Kargo's).","properties":{"selectionPolicy":{"type":"string","enum":["NewestFreight","MatchUpstream"],"default":"NewestFreight","description":"NewestFreight (default): the newest freight available to the stage. MatchUpstream: the freight the one upstream stage runs, once verified there (only with exactly one upstream stage, and not direct)."}}}}}}};function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.origin === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "origin"},message:"must have required property '"+"origin"+"'",schema:schema33.required,parentSchema:schema33,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.sources === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "sources"},message:"must have required property '"+"sources"+"'",schema:schema33.required,parentSchema:schema33,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}for(const key0 in data){if(!((key0 === "origin") || (key0 === "sources"))){const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema33,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.origin !== undefined){let data0 = data.origin;if(data0 && typeof data0 == "object" && !Array.isArray(data0)){if(data0.kind === undefined){const err3 = {instancePath:instancePath+"/origin",schemaPath:"#/properties/origin/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema33.properties.origin.required,parentSchema:schema33.properties.origin,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if(data0.name === undefined){const err4 = {instancePath:instancePath+"/origin",schemaPath:"#/properties/origin/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema33.properties.origin.required,parentSchema:schema33.properties.origin,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}for(const key1 in data0){if(!((key1 === "kind") || (key1 === "name"))){const err5 = {instancePath:instancePath+"/origin",schemaPath:"#/properties/origin/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.origin,data:data0};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data0.kind !== undefined){let data1 = data0.kind;if(typeof data1 !== "string"){const err6 = {instancePath:instancePath+"/origin/kind",schemaPath:"#/properties/origin/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.origin.properties.kind.type,parentSchema:schema33.properties.origin.properties.kind,data:data1};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}if(!(data1 === "Warehouse")){const err7 = {instancePath:instancePath+"/origin/kind",schemaPath:"#/properties/origin/properties/kind/enum",keyword:"enum",params:{allowedValues: schema33.properties.origin.properties.kind.enum},message:"must be equal to one of the allowed values",schema:schema33.properties.origin.properties.kind.enum,parentSchema:schema33.properties.origin.properties.kind,data:data1};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data0.name !== undefined){let data2 = data0.name;if(typeof data2 === "string"){if(func2(data2) < 1){const err8 = {instancePath:instancePath+"/origin/name",schemaPath:"#/properties/origin/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema33.properties.origin.properties.name,data:data2};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}else {const err9 = {instancePath:instancePath+"/origin/name",schemaPath:"#/properties/origin/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.origin.properties.name.type,parentSchema:schema33.properties.origin.properties.name,data:data2};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}}else {const err10 = {instancePath:instancePath+"/origin",schemaPath:"#/properties/origin/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.origin.type,parentSchema:schema33.properties.origin,data:data0};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}if(data.sources !== undefined){let data3 = data.sources;if(data3 && typeof data3 == "object" && !Array.isArray(data3)){for(const key2 in data3){if(!(((((key2 === "direct") || (key2 === "stages")) || (key2 === "requiredSoakTime")) || (key2 === "availabilityStrategy")) || (key2 === "autoPromotionOptions"))){const err11 = {instancePath:instancePath+"/sources",schemaPath:"#/properties/sources/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.sources,data:data3};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data3.direct !== undefined){let data4 = data3.direct;if(typeof data4 !== "boolean"){const err12 = {instancePath:instancePath+"/sources/direct",schemaPath:"#/properties/sources/properties/direct/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema33.properties.sources.properties.direct.type,parentSchema:schema33.properties.sources.properties.direct,data:data4};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data3.stages !== undefined){let data5 = data3.stages;if(Array.isArray(data5)){const len0 = data5.length;for(let i0=0; i0<len0; i0++){let data6 = data5[i0];if(typeof data6 === "string"){if(func2(data6) < 1){const err13 = {instancePath:instancePath+"/sources/stages/" + i0,schemaPath:"#/properties/sources/properties/stages/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema33.properties.sources.properties.stages.items,data:data6};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}else {const err14 = {instancePath:instancePath+"/sources/stages/" + i0,schemaPath:"#/properties/sources/properties/stages/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.sources.properties.stages.items.type,parentSchema:schema33.properties.sources.properties.stages.items,data:data6};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}}else {const err15 = {instancePath:instancePath+"/sources/stages",schemaPath:"#/properties/sources/properties/stages/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema33.properties.sources.properties.stages.type,parentSchema:schema33.properties.sources.properties.stages,data:data5};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data3.requiredSoakTime !== undefined){let data7 = data3.requiredSoakTime;if(typeof data7 === "string"){if(!pattern2.test(data7)){const err16 = {instancePath:instancePath+"/sources/requiredSoakTime",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$"},message:"must match pattern \""+"^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$"+"\"",schema:"^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$",parentSchema:schema15,data:data7};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}else {const err17 = {instancePath:instancePath+"/sources/requiredSoakTime",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.type,parentSchema:schema15,data:data7};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data3.availabilityStrategy !== undefined){let data8 = data3.availabilityStrategy;if(typeof data8 !== "string"){const err18 = {instancePath:instancePath+"/sources/availabilityStrategy",schemaPath:"#/properties/sources/properties/availabilityStrategy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.sources.properties.availabilityStrategy.type,parentSchema:schema33.properties.sources.properties.availabilityStrategy,data:data8};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}if(!((data8 === "OneOf") || (data8 === "All"))){const err19 = {instancePath:instancePath+"/sources/availabilityStrategy",schemaPath:"#/properties/sources/properties/availabilityStrategy/enum",keyword:"enum",params:{allowedValues: schema33.properties.sources.properties.availabilityStrategy.enum},message:"must be equal to one of the allowed values",schema:schema33.properties.sources.properties.availabilityStrategy.enum,parentSchema:schema33.properties.sources.properties.availabilityStrategy,data:data8};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}if(data3.autoPromotionOptions !== undefined){let data9 = data3.autoPromotionOptions;if(data9 && typeof data9 == "object" && !Array.isArray(data9)){for(const key3 in data9){if(!(key3 === "selectionPolicy")){const err20 = {instancePath:instancePath+"/sources/autoPromotionOptions",schemaPath:"#/properties/sources/properties/autoPromotionOptions/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.sources.properties.autoPromotionOptions,data:data9};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}if(data9.selectionPolicy !== undefined){let data10 = data9.selectionPolicy;if(typeof data10 !== "string"){const err21 = {instancePath:instancePath+"/sources/autoPromotionOptions/selectionPolicy",schemaPath:"#/properties/sources/properties/autoPromotionOptions/properties/selectionPolicy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.sources.properties.autoPromotionOptions.properties.selectionPolicy.type,parentSchema:schema33.properties.sources.properties.autoPromotionOptions.properties.selectionPolicy,data:data10};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}if(!((data10 === "NewestFreight") || (data10 === "MatchUpstream"))){const err22 = {instancePath:instancePath+"/sources/autoPromotionOptions/selectionPolicy",schemaPath:"#/properties/sources/properties/autoPromotionOptions/properties/selectionPolicy/enum",keyword:"enum",params:{allowedValues: schema33.properties.sources.properties.autoPromotionOptions.properties.selectionPolicy.enum},message:"must be equal to one of the allowed values",schema:schema33.properties.sources.properties.autoPromotionOptions.properties.selectionPolicy.enum,parentSchema:schema33.properties.sources.properties.autoPromotionOptions.properties.selectionPolicy,data:data10};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}}else {const err23 = {instancePath:instancePath+"/sources/autoPromotionOptions",schemaPath:"#/properties/sources/properties/autoPromotionOptions/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.sources.properties.autoPromotionOptions.type,parentSchema:schema33.properties.sources.properties.autoPromotionOptions,data:data9};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}}else {const err24 = {instancePath:instancePath+"/sources",schemaPath:"#/properties/sources/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.sources.type,parentSchema:schema33.properties.sources,data:data3};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}}else {const err25 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.type,parentSchema:schema33,data};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}validate22.errors = vErrors;return errors === 0;}const schema35 = {"type":"object","required":["steps"],"additionalProperties":false,"description":"How freight is promoted into the stage: steps run in order, and their result is committed.","properties":{"mode":{"type":"string","enum":["direct","pull-request"],"default":"direct","description":"direct (default): push the promotion commit to the stage's branch. pull-request: open a pull request with it; merging the pull request completes the promotion."},"vars":{"type":"array","default":[],"description":"Variables available to every step's expressions as vars.<name>.","items":{"$ref":"#/definitions/var"}},"steps":{"type":"array","description":"Promotion steps, run in order. Empty for a control-flow stage (Kargo's Stage without promotionTemplate): a promotion records the freight in the stage's state and changes no other file.","items":{"$ref":"#/definitions/promotionStep"}}}};const schema36 = {"type":"object","required":["name","value"],"additionalProperties":false,"description":"A named value available to expressions as vars.<name>.","properties":{"name":{"type":"string","pattern":"^[a-zA-Z_][a-zA-Z0-9_]*$","patternErrorMessage":"must be an identifier: letters, digits and '_', not starting with a digit","description":"Variable name, used in expressions as vars.<name>."},"value":{"type":"string","description":"Variable value; may contain ${{ }} expressions."}}};const pattern11 = new RegExp("^[a-zA-Z_][a-zA-Z0-9_]*$", "u");const schema37 = {"type":"object","additionalProperties":false,"description":"One promotion step: a built-in step (uses) and its configuration, or a promotion task (task) inflated in its place.","properties":{"uses":{"type":"string","minLength":1,"description":"Name of the step to run, e.g. yaml-update, kustomize-set-image, helm-update-chart, copy, git-commit, git-open-pr. Set this or task."},"task":{"type":"object","additionalProperties":false,"required":["name"],"description":"Run a promotion task's steps here (set instead of uses). Its vars come from the template's vars and this step's vars; its compose-output steps' outputs become outputs.<alias>.","properties":{"name":{"type":"string","minLength":1,"description":"Name of the promotion task."},"kind":{"type":"string","enum":["PromotionTask","ClusterPromotionTask"],"default":"PromotionTask","description":"Which kind of task the name refers to."}}},"as":{"type":"string","pattern":"^[a-zA-Z_][a-zA-Z0-9_-]*$","patternErrorMessage":"must start with a letter or '_' and contain only letters, digits, '_' and '-'","description":"Alias of the step, unique within the template; later steps read its outputs as outputs.<alias>."},"if":{"type":"string","minLength":1,"description":"Expression deciding whether the step runs, e.g. ${{ vars.enabled }}."},"config":{"type":"object","default":{},"description":"Configuration of the step; its fields depend on the step (see each step's documentation). Strings may contain ${{ }} expressions."},"continueOnError":{"type":"boolean","default":false,"description":"Keep going with the next steps when this one fails. Default false."},"vars":{"type":"array","default":[],"description":"Variables available to this step's expressions as vars.<name>, overriding the template's.","items":{"$ref":"#/definitions/var"}},"retry":{"type":"object","additionalProperties":false,"description":"How a failing step is retried.","properties":{"timeout":{"$ref":"#/definitions/duration","description":"Give up retrying after this long, as a Go duration (e.g. 5m)."},"errorThreshold":{"type":"integer","minimum":1,"description":"Number of consecutive failures after which the step fails."}}}}};const pattern12 = new RegExp("^[a-zA-Z_][a-zA-Z0-9_-]*$", "u");function validate25(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!((((((((key0 === "uses") || (key0 === "task")) || (key0 === "as")) || (key0 === "if")) || (key0 === "config")) || (key0 === "continueOnError")) || (key0 === "vars")) || (key0 === "retry"))){const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema37,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}if(data.uses !== undefined){let data0 = data.uses;if(typeof data0 === "string"){if(func2(data0) < 1){const err1 = {instancePath:instancePath+"/uses",schemaPath:"#/properties/uses/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema37.properties.uses,data:data0};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}else {const err2 = {instancePath:instancePath+"/uses",schemaPath:"#/properties/uses/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.uses.type,parentSchema:schema37.properties.uses,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.task !== undefined){let data1 = data.task;if(data1 && typeof data1 == "object" && !Array.isArray(data1)){if(data1.name === undefined){const err3 = {instancePath:instancePath+"/task",schemaPath:"#/properties/task/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema37.properties.task.required,parentSchema:schema37.properties.task,data:data1};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}for(const key1 in data1){if(!((key1 === "name") || (key1 === "kind"))){const err4 = {instancePath:instancePath+"/task",schemaPath:"#/properties/task/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema37.properties.task,data:data1};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data1.name !== undefined){let data2 = data1.name;if(typeof data2 === "string"){if(func2(data2) < 1){const err5 = {instancePath:instancePath+"/task/name",schemaPath:"#/properties/task/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema37.properties.task.properties.name,data:data2};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}else {const err6 = {instancePath:instancePath+"/task/name",schemaPath:"#/properties/task/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.task.properties.name.type,parentSchema:schema37.properties.task.properties.name,data:data2};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data1.kind !== undefined){let data3 = data1.kind;if(typeof data3 !== "string"){const err7 = {instancePath:instancePath+"/task/kind",schemaPath:"#/properties/task/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.task.properties.kind.type,parentSchema:schema37.properties.task.properties.kind,data:data3};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}if(!((data3 === "PromotionTask") || (data3 === "ClusterPromotionTask"))){const err8 = {instancePath:instancePath+"/task/kind",schemaPath:"#/properties/task/properties/kind/enum",keyword:"enum",params:{allowedValues: schema37.properties.task.properties.kind.enum},message:"must be equal to one of the allowed values",schema:schema37.properties.task.properties.kind.enum,parentSchema:schema37.properties.task.properties.kind,data:data3};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}}else {const err9 = {instancePath:instancePath+"/task",schemaPath:"#/properties/task/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.properties.task.type,parentSchema:schema37.properties.task,data:data1};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data.as !== undefined){let data4 = data.as;if(typeof data4 === "string"){if(!pattern12.test(data4)){const err10 = {instancePath:instancePath+"/as",schemaPath:"#/properties/as/pattern",keyword:"pattern",params:{pattern: "^[a-zA-Z_][a-zA-Z0-9_-]*$"},message:"must match pattern \""+"^[a-zA-Z_][a-zA-Z0-9_-]*$"+"\"",schema:"^[a-zA-Z_][a-zA-Z0-9_-]*$",parentSchema:schema37.properties.as,data:data4};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}else {const err11 = {instancePath:instancePath+"/as",schemaPath:"#/properties/as/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.as.type,parentSchema:schema37.properties.as,data:data4};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data.if !== undefined){let data5 = data.if;if(typeof data5 === "string"){if(func2(data5) < 1){const err12 = {instancePath:instancePath+"/if",schemaPath:"#/properties/if/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema37.properties.if,data:data5};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}else {const err13 = {instancePath:instancePath+"/if",schemaPath:"#/properties/if/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.if.type,parentSchema:schema37.properties.if,data:data5};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data.config !== undefined){let data6 = data.config;if(!(data6 && typeof data6 == "object" && !Array.isArray(data6))){const err14 = {instancePath:instancePath+"/config",schemaPath:"#/properties/config/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.properties.config.type,parentSchema:schema37.properties.config,data:data6};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data.continueOnError !== undefined){let data7 = data.continueOnError;if(typeof data7 !== "boolean"){const err15 = {instancePath:instancePath+"/continueOnError",schemaPath:"#/properties/continueOnError/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema37.properties.continueOnError.type,parentSchema:schema37.properties.continueOnError,data:data7};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data.vars !== undefined){let data8 = data.vars;if(Array.isArray(data8)){const len0 = data8.length;for(let i0=0; i0<len0; i0++){let data9 = data8[i0];if(data9 && typeof data9 == "object" && !Array.isArray(data9)){if(data9.name === undefined){const err16 = {instancePath:instancePath+"/vars/" + i0,schemaPath:"#/definitions/var/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema36.required,parentSchema:schema36,data:data9};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}if(data9.value === undefined){const err17 = {instancePath:instancePath+"/vars/" + i0,schemaPath:"#/definitions/var/required",keyword:"required",params:{missingProperty: "value"},message:"must have required property '"+"value"+"'",schema:schema36.required,parentSchema:schema36,data:data9};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}for(const key2 in data9){if(!((key2 === "name") || (key2 === "value"))){const err18 = {instancePath:instancePath+"/vars/" + i0,schemaPath:"#/definitions/var/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema36,data:data9};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}if(data9.name !== undefined){let data10 = data9.name;if(typeof data10 === "string"){if(!pattern11.test(data10)){const err19 = {instancePath:instancePath+"/vars/" + i0+"/name",schemaPath:"#/definitions/var/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-zA-Z_][a-zA-Z0-9_]*$"},message:"must match pattern \""+"^[a-zA-Z_][a-zA-Z0-9_]*$"+"\"",schema:"^[a-zA-Z_][a-zA-Z0-9_]*$",parentSchema:schema36.properties.name,data:data10};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}else {const err20 = {instancePath:instancePath+"/vars/" + i0+"/name",schemaPath:"#/definitions/var/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.name.type,parentSchema:schema36.properties.name,data:data10};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}if(data9.value !== undefined){let data11 = data9.value;if(typeof data11 !== "string"){const err21 = {instancePath:instancePath+"/vars/" + i0+"/value",schemaPath:"#/definitions/var/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.value.type,parentSchema:schema36.properties.value,data:data11};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}}else {const err22 = {instancePath:instancePath+"/vars/" + i0,schemaPath:"#/definitions/var/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema36.type,parentSchema:schema36,data:data9};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}}else {const err23 = {instancePath:instancePath+"/vars",schemaPath:"#/properties/vars/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema37.properties.vars.type,parentSchema:schema37.properties.vars,data:data8};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}if(data.retry !== undefined){let data12 = data.retry;if(data12 && typeof data12 == "object" && !Array.isArray(data12)){for(const key3 in data12){if(!((key3 === "timeout") || (key3 === "errorThreshold"))){const err24 = {instancePath:instancePath+"/retry",schemaPath:"#/properties/retry/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema37.properties.retry,data:data12};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}if(data12.timeout !== undefined){let data13 = data12.timeout;if(typeof data13 === "string"){if(!pattern2.test(data13)){const err25 = {instancePath:instancePath+"/retry/timeout",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$"},message:"must match pattern \""+"^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$"+"\"",schema:"^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$",parentSchema:schema15,data:data13};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}else {const err26 = {instancePath:instancePath+"/retry/timeout",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.type,parentSchema:schema15,data:data13};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}if(data12.errorThreshold !== undefined){let data14 = data12.errorThreshold;if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){const err27 = {instancePath:instancePath+"/retry/errorThreshold",schemaPath:"#/properties/retry/properties/errorThreshold/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema37.properties.retry.properties.errorThreshold.type,parentSchema:schema37.properties.retry.properties.errorThreshold,data:data14};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}if((typeof data14 == "number") && (isFinite(data14))){if(data14 < 1 || isNaN(data14)){const err28 = {instancePath:instancePath+"/retry/errorThreshold",schemaPath:"#/properties/retry/properties/errorThreshold/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema37.properties.retry.properties.errorThreshold,data:data14};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}}}else {const err29 = {instancePath:instancePath+"/retry",schemaPath:"#/properties/retry/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.properties.retry.type,parentSchema:schema37.properties.retry,data:data12};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}}else {const err30 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.type,parentSchema:schema37,data};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}validate25.errors = vErrors;return errors === 0;}function validate24(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.steps === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "steps"},message:"must have required property '"+"steps"+"'",schema:schema35.required,parentSchema:schema35,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data){if(!(((key0 === "mode") || (key0 === "vars")) || (key0 === "steps"))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema35,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.mode !== undefined){let data0 = data.mode;if(typeof data0 !== "string"){const err2 = {instancePath:instancePath+"/mode",schemaPath:"#/properties/mode/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.mode.type,parentSchema:schema35.properties.mode,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(!((data0 === "direct") || (data0 === "pull-request"))){const err3 = {instancePath:instancePath+"/mode",schemaPath:"#/properties/mode/enum",keyword:"enum",params:{allowedValues: schema35.properties.mode.enum},message:"must be equal to one of the allowed values",schema:schema35.properties.mode.enum,parentSchema:schema35.properties.mode,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.vars !== undefined){let data1 = data.vars;if(Array.isArray(data1)){const len0 = data1.length;for(let i0=0; i0<len0; i0++){let data2 = data1[i0];if(data2 && typeof data2 == "object" && !Array.isArray(data2)){if(data2.name === undefined){const err4 = {instancePath:instancePath+"/vars/" + i0,schemaPath:"#/definitions/var/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema36.required,parentSchema:schema36,data:data2};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}if(data2.value === undefined){const err5 = {instancePath:instancePath+"/vars/" + i0,schemaPath:"#/definitions/var/required",keyword:"required",params:{missingProperty: "value"},message:"must have required property '"+"value"+"'",schema:schema36.required,parentSchema:schema36,data:data2};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}for(const key1 in data2){if(!((key1 === "name") || (key1 === "value"))){const err6 = {instancePath:instancePath+"/vars/" + i0,schemaPath:"#/definitions/var/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema36,data:data2};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data2.name !== undefined){let data3 = data2.name;if(typeof data3 === "string"){if(!pattern11.test(data3)){const err7 = {instancePath:instancePath+"/vars/" + i0+"/name",schemaPath:"#/definitions/var/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-zA-Z_][a-zA-Z0-9_]*$"},message:"must match pattern \""+"^[a-zA-Z_][a-zA-Z0-9_]*$"+"\"",schema:"^[a-zA-Z_][a-zA-Z0-9_]*$",parentSchema:schema36.properties.name,data:data3};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}else {const err8 = {instancePath:instancePath+"/vars/" + i0+"/name",schemaPath:"#/definitions/var/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.name.type,parentSchema:schema36.properties.name,data:data3};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data2.value !== undefined){let data4 = data2.value;if(typeof data4 !== "string"){const err9 = {instancePath:instancePath+"/vars/" + i0+"/value",schemaPath:"#/definitions/var/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.value.type,parentSchema:schema36.properties.value,data:data4};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}}else {const err10 = {instancePath:instancePath+"/vars/" + i0,schemaPath:"#/definitions/var/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema36.type,parentSchema:schema36,data:data2};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}}else {const err11 = {instancePath:instancePath+"/vars",schemaPath:"#/properties/vars/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema35.properties.vars.type,parentSchema:schema35.properties.vars,data:data1};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data.steps !== undefined){let data5 = data.steps;if(Array.isArray(data5)){const len1 = data5.length;for(let i1=0; i1<len1; i1++){if(!(validate25(data5[i1], {instancePath:instancePath+"/steps/" + i1,parentData:data5,parentDataProperty:i1,rootData}))){vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);errors = vErrors.length;}}}else {const err12 = {instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema35.properties.steps.type,parentSchema:schema35.properties.steps,data:data5};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}}else {const err13 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.type,parentSchema:schema35,data};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}validate24.errors = vErrors;return errors === 0;}const schema40 = {"type":"object","required":["name","provider"],"additionalProperties":false,"description":"One verification check (an Argo Rollouts metric): measurements taken through one provider, each judged by successCondition and failureCondition, and limits that turn the measurements into the metric's outcome. See docs/verify.md.","properties":{"name":{"type":"string","minLength":1,"description":"Name of the check, unique within the stage; shown in summaries and in the verification record."},"provider":{"$ref":"#/definitions/verificationProvider","description":"Where measurements come from: exactly one of http (or web), prometheus, datadog, command, argocd, github."},"successCondition":{"type":"string","minLength":1,"description":"Expression over result (the provider's measurement) that makes a measurement Successful, e.g. result[0] >= 0.95. Without failureCondition, a measurement for which it is false is Failed."},"failureCondition":{"type":"string","minLength":1,"description":"Expression over result that makes a measurement Failed, e.g. result[0] < 0.5. With both conditions set, a measurement matching neither is Inconclusive; without successCondition, one for which it is false is Successful."},"initialDelay":{"$ref":"#/definitions/duration","description":"Wait this long before the first measurement, as a Go duration (e.g. 30s)."},"interval":{"$ref":"#/definitions/duration","description":"Time between measurements, as a Go duration (e.g. 1m). Required when count is more than 1."},"count":{"type":"integer","minimum":1,"default":1,"description":"How many measurements to take (measurements that end in Error do not count). Default 1, also when interval is set: unlike Argo Rollouts, a verification never measures forever."},"failureLimit":{"type":"integer","minimum":0,"default":0,"description":"The metric fails once more than this many measurements have Failed. Default 0: the first failed measurement fails it."},"inconclusiveLimit":{"type":"integer","minimum":0,"default":0,"description":"The metric is Inconclusive once more than this many measurements have been Inconclusive. Default 0."},"consecutiveErrorLimit":{"type":"integer","minimum":0,"default":4,"description":"The metric ends in Error once more than this many measurements in a row have ended in Error (the provider could not measure). Default 4. After an Error the next measurement is taken 10s later."},"timeout":{"$ref":"#/definitions/duration","description":"The longest one measurement may take, as a Go duration; a measurement still running then ends in Error. Default 5m.","default":"5m"}}};const schema41 = {"type":"object","minProperties":1,"maxProperties":1,"additionalProperties":false,"errorMessage":"a verification provider needs exactly one of http, web, prometheus, datadog, command, argocd, github","description":"The source of a metric's measurements: exactly one provider. Each provider checks its own fields before anything is measured; strings may contain ${{ }} expressions over ctx (project, stage, freight, commit) and env.","properties":{"http":{"type":"object","description":"Call an HTTP endpoint: url, method, headers, body or jsonBody, timeoutSeconds, jsonPath, insecure. result is the JSON body (or its text); response.status and response.headers are also readable. A response other than 2xx is an Error. See docs/verify.md."},"web":{"type":"object","description":"Argo Rollouts' name for http; the same fields."},"prometheus":{"type":"object","description":"Run an instant PromQL query: address, query, timeout (seconds), headers, insecure. result is the list of sample values of a vector (result[0]) or the number of a scalar. See docs/verify.md."},"datadog":{"type":"object","description":"Query Datadog metrics (v1 query or v2 formulas) with API and application keys. See docs/verify.md."},"command":{"type":"object","description":"Run a shell command with /bin/sh -c: run, timeout, env, dir. result is {exitCode, stdout, stderr, json}; without conditions exit status 0 is Successful and anything else Failed. See docs/verify.md."},"argocd":{"type":"object","description":"Wait until Argo CD applications are synced to the promotion's commit and Healthy. Metrics with this provider run before all others. See docs/verify.md."},"github":{"type":"object","description":"Read the check runs and commit statuses of the promotion commit. See docs/verify.md."}}};function validate28(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.name === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema40.required,parentSchema:schema40,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.provider === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "provider"},message:"must have required property '"+"provider"+"'",schema:schema40.required,parentSchema:schema40,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}for(const key0 in data){if(!(func6.call(schema40.properties, key0))){const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema40,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.name !== undefined){let data0 = data.name;if(typeof data0 === "string"){if(func2(data0) < 1){const err3 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema40.properties.name,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}else {const err4 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.name.type,parentSchema:schema40.properties.name,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.provider !== undefined){let data1 = data.provider;if(data1 && typeof data1 == "object" && !Array.isArray(data1)){if(Object.keys(data1).length > 1){const err5 = {instancePath:instancePath+"/provider",schemaPath:"#/definitions/verificationProvider/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties",schema:1,parentSchema:schema41,data:data1};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}if(Object.keys(data1).length < 1){const err6 = {instancePath:instancePath+"/provider",schemaPath:"#/definitions/verificationProvider/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema41,data:data1};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}for(const key1 in data1){if(!(((((((key1 === "http") || (key1 === "web")) || (key1 === "prometheus")) || (key1 === "datadog")) || (key1 === "command")) || (key1 === "argocd")) || (key1 === "github"))){const err7 = {instancePath:instancePath+"/provider",schemaPath:"#/definitions/verificationProvider/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema41,data:data1};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data1.http !== undefined){let data2 = data1.http;if(!(data2 && typeof data2 == "object" && !Array.isArray(data2))){const err8 = {instancePath:instancePath+"/provider/http",schemaPath:"#/definitions/verificationProvider/properties/http/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema41.properties.http.type,parentSchema:schema41.properties.http,data:data2};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data1.web !== undefined){let data3 = data1.web;if(!(data3 && typeof data3 == "object" && !Array.isArray(data3))){const err9 = {instancePath:instancePath+"/provider/web",schemaPath:"#/definitions/verificationProvider/properties/web/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema41.properties.web.type,parentSchema:schema41.properties.web,data:data3};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data1.prometheus !== undefined){let data4 = data1.prometheus;if(!(data4 && typeof data4 == "object" && !Array.isArray(data4))){const err10 = {instancePath:instancePath+"/provider/prometheus",schemaPath:"#/definitions/verificationProvider/properties/prometheus/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema41.properties.prometheus.type,parentSchema:schema41.properties.prometheus,data:data4};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}if(data1.datadog !== undefined){let data5 = data1.datadog;if(!(data5 && typeof data5 == "object" && !Array.isArray(data5))){const err11 = {instancePath:instancePath+"/provider/datadog",schemaPath:"#/definitions/verificationProvider/properties/datadog/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema41.properties.datadog.type,parentSchema:schema41.properties.datadog,data:data5};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data1.command !== undefined){let data6 = data1.command;if(!(data6 && typeof data6 == "object" && !Array.isArray(data6))){const err12 = {instancePath:instancePath+"/provider/command",schemaPath:"#/definitions/verificationProvider/properties/command/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema41.properties.command.type,parentSchema:schema41.properties.command,data:data6};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data1.argocd !== undefined){let data7 = data1.argocd;if(!(data7 && typeof data7 == "object" && !Array.isArray(data7))){const err13 = {instancePath:instancePath+"/provider/argocd",schemaPath:"#/definitions/verificationProvider/properties/argocd/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema41.properties.argocd.type,parentSchema:schema41.properties.argocd,data:data7};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data1.github !== undefined){let data8 = data1.github;if(!(data8 && typeof data8 == "object" && !Array.isArray(data8))){const err14 = {instancePath:instancePath+"/provider/github",schemaPath:"#/definitions/verificationProvider/properties/github/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema41.properties.github.type,parentSchema:schema41.properties.github,data:data8};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}}else {const err15 = {instancePath:instancePath+"/provider",schemaPath:"#/definitions/verificationProvider/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema41.type,parentSchema:schema41,data:data1};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data.successCondition !== undefined){let data9 = data.successCondition;if(typeof data9 === "string"){if(func2(data9) < 1){const err16 = {instancePath:instancePath+"/successCondition",schemaPath:"#/properties/successCondition/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema40.properties.successCondition,data:data9};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}else {const err17 = {instancePath:instancePath+"/successCondition",schemaPath:"#/properties/successCondition/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.successCondition.type,parentSchema:schema40.properties.successCondition,data:data9};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data.failureCondition !== undefined){let data10 = data.failureCondition;if(typeof data10 === "string"){if(func2(data10) < 1){const err18 = {instancePath:instancePath+"/failureCondition",schemaPath:"#/properties/failureCondition/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema40.properties.failureCondition,data:data10};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}else {const err19 = {instancePath:instancePath+"/failureCondition",schemaPath:"#/properties/failureCondition/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.failureCondition.type,parentSchema:schema40.properties.failureCondition,data:data10};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}if(data.initialDelay !== undefined){let data11 = data.initialDelay;if(typeof data11 === "string"){if(!pattern2.test(data11)){const err20 = {instancePath:instancePath+"/initialDelay",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$"},message:"must match pattern \""+"^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$"+"\"",schema:"^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$",parentSchema:schema15,data:data11};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}else {const err21 = {instancePath:instancePath+"/initialDelay",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.type,parentSchema:schema15,data:data11};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}if(data.interval !== undefined){let data12 = data.interval;if(typeof data12 === "string"){if(!pattern2.test(data12)){const err22 = {instancePath:instancePath+"/interval",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$"},message:"must match pattern \""+"^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$"+"\"",schema:"^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$",parentSchema:schema15,data:data12};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}else {const err23 = {instancePath:instancePath+"/interval",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.type,parentSchema:schema15,data:data12};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}if(data.count !== undefined){let data13 = data.count;if(!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))){const err24 = {instancePath:instancePath+"/count",schemaPath:"#/properties/count/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema40.properties.count.type,parentSchema:schema40.properties.count,data:data13};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}if((typeof data13 == "number") && (isFinite(data13))){if(data13 < 1 || isNaN(data13)){const err25 = {instancePath:instancePath+"/count",schemaPath:"#/properties/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema40.properties.count,data:data13};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}}if(data.failureLimit !== undefined){let data14 = data.failureLimit;if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){const err26 = {instancePath:instancePath+"/failureLimit",schemaPath:"#/properties/failureLimit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema40.properties.failureLimit.type,parentSchema:schema40.properties.failureLimit,data:data14};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}if((typeof data14 == "number") && (isFinite(data14))){if(data14 < 0 || isNaN(data14)){const err27 = {instancePath:instancePath+"/failureLimit",schemaPath:"#/properties/failureLimit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema40.properties.failureLimit,data:data14};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}}if(data.inconclusiveLimit !== undefined){let data15 = data.inconclusiveLimit;if(!(((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15))) && (isFinite(data15)))){const err28 = {instancePath:instancePath+"/inconclusiveLimit",schemaPath:"#/properties/inconclusiveLimit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema40.properties.inconclusiveLimit.type,parentSchema:schema40.properties.inconclusiveLimit,data:data15};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}if((typeof data15 == "number") && (isFinite(data15))){if(data15 < 0 || isNaN(data15)){const err29 = {instancePath:instancePath+"/inconclusiveLimit",schemaPath:"#/properties/inconclusiveLimit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema40.properties.inconclusiveLimit,data:data15};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}}if(data.consecutiveErrorLimit !== undefined){let data16 = data.consecutiveErrorLimit;if(!(((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16))) && (isFinite(data16)))){const err30 = {instancePath:instancePath+"/consecutiveErrorLimit",schemaPath:"#/properties/consecutiveErrorLimit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema40.properties.consecutiveErrorLimit.type,parentSchema:schema40.properties.consecutiveErrorLimit,data:data16};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}if((typeof data16 == "number") && (isFinite(data16))){if(data16 < 0 || isNaN(data16)){const err31 = {instancePath:instancePath+"/consecutiveErrorLimit",schemaPath:"#/properties/consecutiveErrorLimit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema40.properties.consecutiveErrorLimit,data:data16};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}}if(data.timeout !== undefined){let data17 = data.timeout;if(typeof data17 === "string"){if(!pattern2.test(data17)){const err32 = {instancePath:instancePath+"/timeout",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$"},message:"must match pattern \""+"^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$"+"\"",schema:"^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$",parentSchema:schema15,data:data17};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}else {const err33 = {instancePath:instancePath+"/timeout",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.type,parentSchema:schema15,data:data17};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}}else {const err34 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.type,parentSchema:schema40,data};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}validate28.errors = vErrors;return errors === 0;}function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.name === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema31.required,parentSchema:schema31,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.requestedFreight === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "requestedFreight"},message:"must have required property '"+"requestedFreight"+"'",schema:schema31.required,parentSchema:schema31,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(data.promotionTemplate === undefined){const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "promotionTemplate"},message:"must have required property '"+"promotionTemplate"+"'",schema:schema31.required,parentSchema:schema31,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}for(const key0 in data){if(!((((((((key0 === "name") || (key0 === "branch")) || (key0 === "environment")) || (key0 === "environmentUrl")) || (key0 === "requestedFreight")) || (key0 === "autoPromotion")) || (key0 === "promotionTemplate")) || (key0 === "verification"))){const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema31,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.name !== undefined){let data0 = data.name;if(typeof data0 === "string"){if(func2(data0) > 63){const err4 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/dnsLabel/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters",schema:63,parentSchema:schema12,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}if(func2(data0) < 1){const err5 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/dnsLabel/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12,data:data0};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}if(!pattern0.test(data0)){const err6 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/dnsLabel/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",parentSchema:schema12,data:data0};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}else {const err7 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/dnsLabel/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.type,parentSchema:schema12,data:data0};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.branch !== undefined){let data1 = data.branch;if(typeof data1 === "string"){if(func2(data1) < 1){const err8 = {instancePath:instancePath+"/branch",schemaPath:"#/properties/branch/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema31.properties.branch,data:data1};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}else {const err9 = {instancePath:instancePath+"/branch",schemaPath:"#/properties/branch/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.branch.type,parentSchema:schema31.properties.branch,data:data1};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data.environment !== undefined){let data2 = data.environment;if(typeof data2 === "string"){if(func2(data2) < 1){const err10 = {instancePath:instancePath+"/environment",schemaPath:"#/properties/environment/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema31.properties.environment,data:data2};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}else {const err11 = {instancePath:instancePath+"/environment",schemaPath:"#/properties/environment/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.environment.type,parentSchema:schema31.properties.environment,data:data2};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data.environmentUrl !== undefined){let data3 = data.environmentUrl;if(typeof data3 === "string"){if(!pattern9.test(data3)){const err12 = {instancePath:instancePath+"/environmentUrl",schemaPath:"#/properties/environmentUrl/pattern",keyword:"pattern",params:{pattern: "^https?://\\S+$"},message:"must match pattern \""+"^https?://\\S+$"+"\"",schema:"^https?://\\S+$",parentSchema:schema31.properties.environmentUrl,data:data3};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}else {const err13 = {instancePath:instancePath+"/environmentUrl",schemaPath:"#/properties/environmentUrl/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.environmentUrl.type,parentSchema:schema31.properties.environmentUrl,data:data3};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data.requestedFreight !== undefined){let data4 = data.requestedFreight;if(Array.isArray(data4)){if(data4.length < 1){const err14 = {instancePath:instancePath+"/requestedFreight",schemaPath:"#/properties/requestedFreight/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema31.properties.requestedFreight,data:data4};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}const len0 = data4.length;for(let i0=0; i0<len0; i0++){if(!(validate22(data4[i0], {instancePath:instancePath+"/requestedFreight/" + i0,parentData:data4,parentDataProperty:i0,rootData}))){vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);errors = vErrors.length;}}}else {const err15 = {instancePath:instancePath+"/requestedFreight",schemaPath:"#/properties/requestedFreight/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.requestedFreight.type,parentSchema:schema31.properties.requestedFreight,data:data4};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data.autoPromotion !== undefined){let data6 = data.autoPromotion;if(typeof data6 !== "boolean"){const err16 = {instancePath:instancePath+"/autoPromotion",schemaPath:"#/properties/autoPromotion/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema31.properties.autoPromotion.type,parentSchema:schema31.properties.autoPromotion,data:data6};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}if(data.promotionTemplate !== undefined){if(!(validate24(data.promotionTemplate, {instancePath:instancePath+"/promotionTemplate",parentData:data,parentDataProperty:"promotionTemplate",rootData}))){vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);errors = vErrors.length;}}if(data.verification !== undefined){let data8 = data.verification;if(Array.isArray(data8)){const len1 = data8.length;for(let i1=0; i1<len1; i1++){if(!(validate28(data8[i1], {instancePath:instancePath+"/verification/" + i1,parentData:data8,parentDataProperty:i1,rootData}))){vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);errors = vErrors.length;}}}else {const err17 = {instancePath:instancePath+"/verification",schemaPath:"#/properties/verification/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.verification.type,parentSchema:schema31.properties.verification,data:data8};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}}else {const err18 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.type,parentSchema:schema31,data};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}validate21.errors = vErrors;return errors === 0;}const schema45 = {"type":"object","required":["name","steps"],"additionalProperties":false,"description":"A reusable sequence of steps (Kargo's PromotionTask; kind ClusterPromotionTask for a task templates reference with that kind).","properties":{"name":{"type":"string","minLength":1,"description":"Name templates use in task: {name}."},"kind":{"type":"string","enum":["PromotionTask","ClusterPromotionTask"],"default":"PromotionTask","description":"PromotionTask (default) or ClusterPromotionTask."},"vars":{"type":"array","default":[],"description":"The task's inputs, available to its steps as vars.<name>.","items":{"$ref":"#/definitions/taskVar"}},"steps":{"type":"array","minItems":1,"description":"The task's steps. Within the task, task.outputs.<alias> reads the outputs of its earlier steps. A task cannot use another task.","items":{"$ref":"#/definitions/promotionStep"}}}};const schema46 = {"type":"object","required":["name"],"additionalProperties":false,"description":"An input of a promotion task: required unless it has a default value.","properties":{"name":{"type":"string","pattern":"^[a-zA-Z_][a-zA-Z0-9_]*$","patternErrorMessage":"must be an identifier: letters, digits and '_', not starting with a digit","description":"Variable name, used in expressions as vars.<name>."},"value":{"type":"string","description":"Default value; without one the variable must be set by the template's vars or the task step's vars."}}};function validate31(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.name === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema45.required,parentSchema:schema45,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.steps === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "steps"},message:"must have required property '"+"steps"+"'",schema:schema45.required,parentSchema:schema45,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}for(const key0 in data){if(!((((key0 === "name") || (key0 === "kind")) || (key0 === "vars")) || (key0 === "steps"))){const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema45,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.name !== undefined){let data0 = data.name;if(typeof data0 === "string"){if(func2(data0) < 1){const err3 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema45.properties.name,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}else {const err4 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema45.properties.name.type,parentSchema:schema45.properties.name,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.kind !== undefined){let data1 = data.kind;if(typeof data1 !== "string"){const err5 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema45.properties.kind.type,parentSchema:schema45.properties.kind,data:data1};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}if(!((data1 === "PromotionTask") || (data1 === "ClusterPromotionTask"))){const err6 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/enum",keyword:"enum",params:{allowedValues: schema45.properties.kind.enum},message:"must be equal to one of the allowed values",schema:schema45.properties.kind.enum,parentSchema:schema45.properties.kind,data:data1};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data.vars !== undefined){let data2 = data.vars;if(Array.isArray(data2)){const len0 = data2.length;for(let i0=0; i0<len0; i0++){let data3 = data2[i0];if(data3 && typeof data3 == "object" && !Array.isArray(data3)){if(data3.name === undefined){const err7 = {instancePath:instancePath+"/vars/" + i0,schemaPath:"#/definitions/taskVar/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema46.required,parentSchema:schema46,data:data3};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}for(const key1 in data3){if(!((key1 === "name") || (key1 === "value"))){const err8 = {instancePath:instancePath+"/vars/" + i0,schemaPath:"#/definitions/taskVar/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema46,data:data3};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data3.name !== undefined){let data4 = data3.name;if(typeof data4 === "string"){if(!pattern11.test(data4)){const err9 = {instancePath:instancePath+"/vars/" + i0+"/name",schemaPath:"#/definitions/taskVar/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-zA-Z_][a-zA-Z0-9_]*$"},message:"must match pattern \""+"^[a-zA-Z_][a-zA-Z0-9_]*$"+"\"",schema:"^[a-zA-Z_][a-zA-Z0-9_]*$",parentSchema:schema46.properties.name,data:data4};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}else {const err10 = {instancePath:instancePath+"/vars/" + i0+"/name",schemaPath:"#/definitions/taskVar/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema46.properties.name.type,parentSchema:schema46.properties.name,data:data4};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}if(data3.value !== undefined){let data5 = data3.value;if(typeof data5 !== "string"){const err11 = {instancePath:instancePath+"/vars/" + i0+"/value",schemaPath:"#/definitions/taskVar/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema46.properties.value.type,parentSchema:schema46.properties.value,data:data5};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}}else {const err12 = {instancePath:instancePath+"/vars/" + i0,schemaPath:"#/definitions/taskVar/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema46.type,parentSchema:schema46,data:data3};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}}else {const err13 = {instancePath:instancePath+"/vars",schemaPath:"#/properties/vars/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema45.properties.vars.type,parentSchema:schema45.properties.vars,data:data2};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data.steps !== undefined){let data6 = data.steps;if(Array.isArray(data6)){if(data6.length < 1){const err14 = {instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema45.properties.steps,data:data6};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}const len1 = data6.length;for(let i1=0; i1<len1; i1++){if(!(validate25(data6[i1], {instancePath:instancePath+"/steps/" + i1,parentData:data6,parentDataProperty:i1,rootData}))){vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);errors = vErrors.length;}}}else {const err15 = {instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema45.properties.steps.type,parentSchema:schema45.properties.steps,data:data6};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}}else {const err16 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema45.type,parentSchema:schema45,data};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}validate31.errors = vErrors;return errors === 0;}function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){/*# sourceURL="https://raw.githubusercontent.com/gantry-dev/gantry/main/schema/project.schema.json" */;let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.project === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "project"},message:"must have required property '"+"project"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.warehouses === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "warehouses"},message:"must have required property '"+"warehouses"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(data.stages === undefined){const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "stages"},message:"must have required property '"+"stages"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}for(const key0 in data){if(!(((((key0 === "$schema") || (key0 === "project")) || (key0 === "warehouses")) || (key0 === "stages")) || (key0 === "promotionTasks"))){const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.$schema !== undefined){let data0 = data.$schema;if(typeof data0 !== "string"){const err4 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.$schema.type,parentSchema:schema11.properties.$schema,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.project !== undefined){let data1 = data.project;if(typeof data1 === "string"){if(func2(data1) > 63){const err5 = {instancePath:instancePath+"/project",schemaPath:"#/definitions/dnsLabel/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters",schema:63,parentSchema:schema12,data:data1};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}if(func2(data1) < 1){const err6 = {instancePath:instancePath+"/project",schemaPath:"#/definitions/dnsLabel/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12,data:data1};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}if(!pattern0.test(data1)){const err7 = {instancePath:instancePath+"/project",schemaPath:"#/definitions/dnsLabel/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",parentSchema:schema12,data:data1};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}else {const err8 = {instancePath:instancePath+"/project",schemaPath:"#/definitions/dnsLabel/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.type,parentSchema:schema12,data:data1};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data.warehouses !== undefined){let data2 = data.warehouses;if(Array.isArray(data2)){if(data2.length < 1){const err9 = {instancePath:instancePath+"/warehouses",schemaPath:"#/properties/warehouses/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.warehouses,data:data2};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}const len0 = data2.length;for(let i0=0; i0<len0; i0++){if(!(validate11(data2[i0], {instancePath:instancePath+"/warehouses/" + i0,parentData:data2,parentDataProperty:i0,rootData}))){vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);errors = vErrors.length;}}}else {const err10 = {instancePath:instancePath+"/warehouses",schemaPath:"#/properties/warehouses/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.warehouses.type,parentSchema:schema11.properties.warehouses,data:data2};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}if(data.stages !== undefined){let data4 = data.stages;if(Array.isArray(data4)){if(data4.length < 1){const err11 = {instancePath:instancePath+"/stages",schemaPath:"#/properties/stages/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.stages,data:data4};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}const len1 = data4.length;for(let i1=0; i1<len1; i1++){if(!(validate21(data4[i1], {instancePath:instancePath+"/stages/" + i1,parentData:data4,parentDataProperty:i1,rootData}))){vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);errors = vErrors.length;}}}else {const err12 = {instancePath:instancePath+"/stages",schemaPath:"#/properties/stages/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.stages.type,parentSchema:schema11.properties.stages,data:data4};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data.promotionTasks !== undefined){let data6 = data.promotionTasks;if(Array.isArray(data6)){const len2 = data6.length;for(let i2=0; i2<len2; i2++){if(!(validate31(data6[i2], {instancePath:instancePath+"/promotionTasks/" + i2,parentData:data6,parentDataProperty:i2,rootData}))){vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);errors = vErrors.length;}}}else {const err13 = {instancePath:instancePath+"/promotionTasks",schemaPath:"#/properties/promotionTasks/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.promotionTasks.type,parentSchema:schema11.properties.promotionTasks,data:data6};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}}else {const err14 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}validate10.errors = vErrors;return errors === 0;}

// EXTERNAL MODULE: ./src/util/suggest.ts
var suggest = __webpack_require__(7406);
// EXTERNAL MODULE: ./src/pipeline/source.ts
var source = __webpack_require__(4741);
;// CONCATENATED MODULE: ./src/pipeline/schema.ts




const projectSchema = (/* unused pure expression or super */ null && (schema));
/**
 * The schema compiled ahead of time (scripts/gen-validators.ts, with every error, the failing
 * data and schema, strict): compiling it here cost each command ~100 ms before its first read.
 */
const validator = () => validate;
function asSchemaNode(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value)
        ? value
        : undefined;
}
function stringProp(node, key) {
    const v = node?.[key];
    return typeof v === 'string' ? v : undefined;
}
function numberProp(node, key) {
    const v = node?.[key];
    return typeof v === 'number' ? v : undefined;
}
const TYPE_NAMES = {
    object: 'a mapping',
    array: 'a list',
    string: 'a string',
    integer: 'an integer',
    number: 'a number',
    boolean: 'true or false',
    null: 'nothing',
};
function describeValue(value) {
    if (value === null || value === undefined)
        return 'nothing';
    if (Array.isArray(value))
        return 'a list';
    switch (typeof value) {
        case 'string':
            return `the string ${JSON.stringify(value)}`;
        case 'number':
            return `the number ${value}`;
        case 'boolean':
            return `${value}`;
        case 'object':
            return 'a mapping';
        default:
            return typeof value;
    }
}
function quote(value) {
    return typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value));
}
function typeMessage(err) {
    const expected = String(err.params.type ?? '')
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t)
        .join(' or ');
    const data = err.data;
    let hint = '';
    if (err.params.type === 'boolean' && typeof data === 'string') {
        hint = /^(y|yes|on|true)$/i.test(data)
            ? ' (write true)'
            : /^(n|no|off|false)$/i.test(data)
                ? ' (write false)'
                : '';
    }
    else if (err.params.type === 'string' &&
        (typeof data === 'number' || typeof data === 'boolean')) {
        hint = ` (quote it: "${String(data)}")`;
    }
    else if (err.params.type === 'integer' && typeof data === 'string' && /^\d+$/.test(data)) {
        hint = ' (remove the quotes)';
    }
    else if (err.params.type === 'integer' && typeof data === 'number') {
        return `expected an integer, got ${data}`;
    }
    return `expected ${expected}, got ${describeValue(data)}${hint}`;
}
function allowedKeys(parentSchema) {
    const props = asSchemaNode(parentSchema?.properties);
    if (!props)
        return [];
    return Object.keys(props).filter((k) => k !== '$schema' && asSchemaNode(props[k])?.deprecated !== true);
}
function mapError(err, data) {
    const segments = (0,source/* pointerToSegments */.vH)(err.instancePath, data);
    const parent = asSchemaNode(err.parentSchema);
    const custom = stringProp(parent, 'errorMessage');
    const at = (message, anchor = 'value') => ({ segments, anchor, message });
    switch (err.keyword) {
        case 'if':
            return undefined; // the failing then/else branch reports it
        case 'additionalProperties': {
            const name = String(err.params.additionalProperty);
            const candidates = allowedKeys(parent);
            const hint = (0,suggest/* didYouMean */.au)(name, candidates);
            const list = !hint && candidates.length ? ` (allowed: ${candidates.join(', ')})` : '';
            return {
                segments: [...segments, name],
                anchor: 'key',
                message: `unknown field ${JSON.stringify(name)}${hint}${list}`,
            };
        }
        case 'required': {
            if (custom)
                return at(custom);
            if (segments.length === 0 && (data === null || typeof data !== 'object')) {
                return at('a project file must be a mapping with project, warehouses and stages');
            }
            return at(`missing required field ${JSON.stringify(String(err.params.missingProperty))}`);
        }
        case 'type':
            if (segments.length === 0) {
                return at(`a project file must be a mapping with project, warehouses and stages, found ${describeValue(err.data)}`);
            }
            return at(typeMessage(err));
        case 'enum': {
            const allowed = err.params.allowedValues.map((v) => String(v));
            const hint = typeof err.data === 'string' ? (0,suggest/* didYouMean */.au)(err.data, allowed) : '';
            const one = allowed.length === 1;
            return at(`invalid value ${quote(err.data)}: must be ${one ? '' : 'one of '}${allowed.join(', ')}${hint}`);
        }
        case 'const':
            return at(`invalid value ${quote(err.data)}: must be ${quote(err.params.allowedValue)}`);
        case 'pattern': {
            const msg = stringProp(parent, 'patternErrorMessage') ??
                custom ??
                `must match the pattern ${String(err.params.pattern)}`;
            return at(`invalid value ${quote(err.data)}: ${msg}`);
        }
        case 'minLength': {
            const limit = Number(err.params.limit);
            return at(limit === 1 ? 'must not be empty' : `must be at least ${limit} characters long`);
        }
        case 'maxLength':
            return at(`must be at most ${String(err.params.limit)} characters long (this is ${String(err.data).length})`);
        case 'minItems': {
            const limit = Number(err.params.limit);
            return at(limit === 1 ? 'must have at least one entry' : `must have at least ${limit} entries`);
        }
        case 'maxItems':
            return at(`must have at most ${String(err.params.limit)} entries`);
        case 'uniqueItems':
            return at(`has duplicate entries (items ${String(err.params.j)} and ${String(err.params.i)} are the same)`);
        case 'minimum':
        case 'maximum': {
            const min = numberProp(parent, 'minimum');
            const max = numberProp(parent, 'maximum');
            const range = min !== undefined && max !== undefined
                ? `must be between ${min} and ${max}`
                : err.keyword === 'minimum'
                    ? `must be at least ${String(min)}`
                    : `must be at most ${String(max)}`;
            return at(`${range}, got ${String(err.data)}`);
        }
        case 'not':
        case 'false schema':
            return at(custom ?? 'this field is not allowed here', 'key');
        case 'minProperties':
        case 'maxProperties':
        case 'oneOf':
        case 'anyOf':
            return at(custom ??
                (err.keyword === 'oneOf' || err.keyword === 'anyOf'
                    ? 'does not match any of the allowed forms'
                    : (err.message ?? 'invalid')));
        default:
            return at(custom ?? err.message ?? `failed ${err.keyword}`);
    }
}
/**
 * ajv reports every branch of a oneOf/anyOf that failed, which reads as noise ("must be object",
 * "must have required property", "must match exactly one schema"…). Keep the oneOf/anyOf error
 * itself (it carries the useful errorMessage) and drop what its branches said.
 */
function collapseAlternatives(errors) {
    const alternatives = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
    if (!alternatives.length)
        return [...errors];
    return errors.filter((e) => !alternatives.some((alt) => alt !== e &&
        e.schemaPath.startsWith(`${alt.schemaPath}/`) &&
        e.instancePath.startsWith(alt.instancePath)));
}
/** Problems from validating `data` (the document as plain JS) against the project schema. */
function schemaProblems(src, data) {
    return validationProblems(src, data, validator());
}
/**
 * Problems from validating `data`, found at `base` in the file, with `validate` (any ajv
 * validator compiled with `allErrors` and `verbose`). `ignore` drops errors about a part of the
 * data (by JSON pointer) that cannot be judged yet, such as a string that is an expression.
 */
function validationProblems(src, data, validate, base = [], ignore = () => false) {
    if (validate(data))
        return [];
    const problems = [];
    // Several missing fields of one object make one problem: `missing required fields "a", "b"`.
    const missing = new Map();
    const errors = collapseAlternatives((validate.errors ?? []).filter((e) => !ignore(e)));
    // A misspelt required field is reported once, as the unknown field with its suggestion, not
    // a second time as missing.
    const suggested = new Set();
    for (const err of errors) {
        if (err.keyword !== 'additionalProperties')
            continue;
        const hint = (0,suggest/* suggest */.ZA)(String(err.params.additionalProperty), allowedKeys(asSchemaNode(err.parentSchema)));
        if (hint)
            suggested.add(`${err.instancePath}\0${hint}`);
    }
    for (const err of errors) {
        const plain = err.keyword === 'required' && !stringProp(asSchemaNode(err.parentSchema), 'errorMessage');
        if (plain && suggested.has(`${err.instancePath}\0${String(err.params.missingProperty)}`))
            continue;
        if (plain && data !== null && typeof data === 'object') {
            const list = missing.get(err.instancePath) ?? [];
            list.push(JSON.stringify(String(err.params.missingProperty)));
            missing.set(err.instancePath, list);
            continue;
        }
        const mapped = mapError(err, data);
        if (mapped) {
            problems.push((0,source/* problemAt */.l4)(src, [...base, ...mapped.segments], mapped.message, mapped.anchor));
        }
    }
    for (const [pointer, fields] of missing) {
        const message = `missing required field${fields.length > 1 ? 's' : ''} ${fields.join(', ')}`;
        problems.push((0,source/* problemAt */.l4)(src, [...base, ...(0,source/* pointerToSegments */.vH)(pointer, data)], message));
    }
    return problems;
}


/***/ }),

/***/ 4741:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cA: () => (/* binding */ lineOf),
/* harmony export */   cy: () => (/* binding */ findNode),
/* harmony export */   df: () => (/* binding */ positionOf),
/* harmony export */   jV: () => (/* binding */ formatPath),
/* harmony export */   l4: () => (/* binding */ problemAt),
/* harmony export */   vH: () => (/* binding */ pointerToSegments),
/* harmony export */   x5: () => (/* binding */ locate),
/* harmony export */   zf: () => (/* binding */ tidyProblems)
/* harmony export */ });
/* unused harmony export compareProblems */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/**
 * Positions in a parsed project file: from a field path (`['stages', 1, 'name']`) to the YAML node
 * it came from, and from there to a 1-based line and column.
 */

/** Where the field at `segments` of `src`'s data is written (following `redirect`). */
function locate(src, segments) {
    return src.redirect?.(segments) ?? { src, segments: [...segments] };
}
/** `stages[1].requestedFreight[0].origin.name`; odd keys are quoted: `config["a.b"]`. */
function formatPath(segments) {
    let out = '';
    for (const seg of segments) {
        if (typeof seg === 'number')
            out += `[${seg}]`;
        else if (/^[A-Za-z_$][\w$-]*$/.test(seg))
            out += out ? `.${seg}` : seg;
        else
            out += `[${JSON.stringify(seg)}]`;
    }
    return out;
}
/**
 * Segments of a JSON pointer (as ajv's `instancePath`), numbers where the data at that point is an
 * array, so that `/stages/1/name` becomes `['stages', 1, 'name']`.
 */
function pointerToSegments(pointer, data) {
    if (!pointer)
        return [];
    const out = [];
    let cur = data;
    for (const raw of pointer.slice(1).split('/')) {
        const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        if (Array.isArray(cur)) {
            const index = Number(key);
            out.push(index);
            cur = cur[index];
        }
        else {
            out.push(key);
            cur =
                cur !== null && typeof cur === 'object' ? cur[key] : undefined;
        }
    }
    return out;
}
function deref(src, node) {
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__.isAlias)(node))
        return node.resolve(src.doc) ?? undefined;
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__.isMap)(node) || (0,yaml__WEBPACK_IMPORTED_MODULE_0__.isSeq)(node) || (0,yaml__WEBPACK_IMPORTED_MODULE_0__.isScalar)(node) ? node : undefined;
}
function findNode(src, segments) {
    let cur = deref(src, src.doc.contents);
    let nearest = cur;
    let key;
    for (const seg of segments) {
        key = undefined;
        let next;
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__.isMap)(cur)) {
            const pair = cur.items.find((p) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__.isScalar)(p.key) && String(p.key.value) === String(seg));
            if (pair) {
                key = (0,yaml__WEBPACK_IMPORTED_MODULE_0__.isScalar)(pair.key) ? pair.key : undefined;
                // A key with no value (`name:`) has a null scalar; fall back to the key for positions.
                next = pair.value ?? pair.key;
            }
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__.isSeq)(cur) && typeof seg === 'number') {
            next = cur.items[seg];
        }
        const node = deref(src, next);
        if (!node)
            return { nearest, key };
        cur = node;
        nearest = node;
    }
    return { value: cur, key, nearest };
}
function positionOf(src, node) {
    const offset = node?.range?.[0];
    if (offset === undefined)
        return { line: 1, column: 1 };
    const { line, col } = src.lineCounter.linePos(offset);
    return { line, column: col };
}
/**
 * A problem about the field at `segments`: positioned at its value (default) or at its key, falling
 * back to the nearest enclosing node that exists.
 */
function problemAt(src, segments, message, anchor = 'value') {
    if (src.redirect) {
        const at = locate(src, segments);
        if (at.src !== src)
            return problemAt(at.src, at.segments, message, anchor);
    }
    const found = findNode(src, segments);
    const node = anchor === 'key' ? (found.key ?? found.value ?? found.nearest) : (found.value ?? found.nearest);
    return { file: src.file, ...positionOf(src, node), path: formatPath(segments), message };
}
/** Line of the node at `segments` (for "first defined at line N"). */
function lineOf(src, segments) {
    if (src.redirect) {
        const at = locate(src, segments);
        if (at.src !== src)
            return lineOf(at.src, at.segments);
    }
    const found = findNode(src, segments);
    return positionOf(src, found.value ?? found.nearest).line;
}
function compareProblems(a, b) {
    return (a.file.localeCompare(b.file) ||
        a.line - b.line ||
        a.column - b.column ||
        a.path.localeCompare(b.path) ||
        a.message.localeCompare(b.message));
}
/** Sorted by position, exact duplicates removed. */
function tidyProblems(problems) {
    const seen = new Set();
    const out = [];
    for (const p of [...problems].sort(compareProblems)) {
        const id = `${p.file}\0${p.line}\0${p.column}\0${p.path}\0${p.message}`;
        if (!seen.has(id)) {
            seen.add(id);
            out.push(p);
        }
    }
    return out;
}


/***/ }),

/***/ 5800:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fv: () => (/* binding */ inflateSteps),
/* harmony export */   P: () => (/* binding */ taskNamespace),
/* harmony export */   j: () => (/* binding */ TASK_ALIAS_SEPARATOR)
/* harmony export */ });
/* unused harmony export defaultAlias */
/** Kargo's separator between a task's alias and its steps' aliases. */
const TASK_ALIAS_SEPARATOR = '::';
/** The alias Kargo gives the step at 0-based `index` of a template or task. */
function defaultAlias(step, index) {
    return step.as ?? `${step.task ? 'task' : 'step'}-${index + 1}`;
}
/** The task a step alias belongs to (`promo::commit` → `promo`), if it was inflated from one. */
function taskNamespace(alias) {
    const parts = alias.split(TASK_ALIAS_SEPARATOR);
    return parts.length === 2 ? parts[0] : undefined;
}
function inflateSteps(raw, stage, stageIndex) {
    const template = stage.promotionTemplate;
    const at = (k, ...rest) => [
        'stages',
        stageIndex,
        'promotionTemplate',
        'steps',
        k,
        ...rest,
    ];
    const steps = [];
    const problems = [];
    const tasks = raw.promotionTasks ?? [];
    template.steps.forEach((step, k) => {
        if (!step.task) {
            steps.push({ step, alias: defaultAlias(step, k), vars: [], source: at(k) });
            return;
        }
        const alias = defaultAlias(step, k);
        const kind = step.task.kind ?? 'PromotionTask';
        const t = tasks.findIndex((x) => x.name === step.task?.name && (x.kind ?? 'PromotionTask') === kind);
        const task = tasks[t];
        if (!task) {
            const names = tasks.filter((x) => (x.kind ?? 'PromotionTask') === kind).map((x) => x.name);
            problems.push({
                at: at(k, 'task', 'name'),
                message: `unknown ${kind} ${JSON.stringify(step.task.name)}${names.length ? ` (${kind}s: ${names.join(', ')})` : ` (the project defines no ${kind} in promotionTasks)`}`,
            });
            return;
        }
        // Kargo's rule: a template var that is set wins over the task's default; a step var over both.
        const fromTemplate = new Set((template.vars ?? []).filter((v) => v.value !== '').map((v) => v.name));
        const fromStep = new Set((step.vars ?? []).filter((v) => v.value !== '').map((v) => v.name));
        const vars = [];
        for (const v of task.vars ?? []) {
            if (fromTemplate.has(v.name))
                continue;
            if (v.value !== undefined && v.value !== '') {
                vars.push({ name: v.name, value: v.value });
                continue;
            }
            if (!fromStep.has(v.name)) {
                problems.push({
                    at: at(k, 'task'),
                    message: `${kind} ${JSON.stringify(task.name)} needs var ${JSON.stringify(v.name)}, which has no default: set it in the template's vars or in this step's vars`,
                });
            }
        }
        vars.push(...(step.vars ?? []));
        task.steps.forEach((inner, j) => {
            const source = ['promotionTasks', t, 'steps', j];
            if (inner.task) {
                problems.push({
                    at: [...source, 'task'],
                    message: `a promotion task cannot use another task (${JSON.stringify(inner.task.name)}); inline its steps`,
                });
                return;
            }
            steps.push({
                step: inner,
                alias: `${alias}${TASK_ALIAS_SEPARATOR}${defaultAlias(inner, j)}`,
                vars,
                source,
            });
        });
    });
    return { steps, problems };
}


/***/ }),

/***/ 8163:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qg: () => (/* binding */ generatedBranch),
/* harmony export */   Y_: () => (/* binding */ normalizeWorkspacePath),
/* harmony export */   cJ: () => (/* binding */ planStage),
/* harmony export */   hl: () => (/* binding */ planWorkspace)
/* harmony export */ });
/* unused harmony export within */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _expr_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1750);
/**
 * What a promotion template's git steps will do, read from the project file before anything runs:
 * the checkouts `git-clone` makes, where `git-push` sends each, which pull requests `git-open-pr`
 * opens, and from those the branch the stage deploys from. `gantry lint` reports a template that
 * cannot work (a path outside every checkout, two pushes to the stage's branch, a push straight to
 * the branch a pull request targets); the loader takes the stage's branch from here when the
 * stage does not name one, so reads and writes agree on where the stage's state file lives.
 *
 * Values are known when they are literals or expressions over `ctx.project`, `ctx.stage` and the
 * template's vars (Kargo's `stage/${{ ctx.stage }}`); anything that needs the freight or a step's
 * outputs is only known when the promotion runs, and is left undefined here.
 */


/** A raw stage with its template's steps replaced by the inflated ones (tasks expanded). */
function planStage(stage, inflated) {
    return {
        name: stage.name,
        ...(stage.branch !== undefined ? { branch: stage.branch } : {}),
        promotionTemplate: {
            vars: stage.promotionTemplate.vars ?? [],
            steps: inflated.map(({ step, vars }) => ({
                uses: step.uses ?? '',
                ...(step.as !== undefined ? { as: step.as } : {}),
                ...(step.config ? { config: step.config } : {}),
                vars: [...(vars ?? []), ...(step.vars ?? [])],
            })),
        },
    };
}
/** The branch gantry pushes `generateTargetBranch` to: one per stage, the pull request's head. */
function generatedBranch(project, stage) {
    return `gantry/promote/${project}/${stage}`;
}
/** Config fields that hold workspace paths, and lists of them. */
const PATH_FIELDS = ['path', 'inPath', 'outPath', 'outFile', 'bodyFromFile'];
const PATH_LISTS = ['paths', 'valuesFiles', 'inFiles'];
/**
 * Whether a step's path field names what the step writes (its output) rather than what it reads.
 * A written path may lie outside every checkout, in the workspace's scratch space, as in Kargo
 * (its oci-download page downloads `./chart.tgz` for helm-template to read): it is simply not
 * committed.
 */
function writes(uses, key) {
    return key === 'outPath' || key === 'outFile' || (key === 'path' && uses === 'file-write');
}
/** Steps whose `path` must name a checkout itself, not a file inside one. */
const CHECKOUT_STEPS = new Set(['git-clear', 'git-commit', 'git-push', 'git-tag', 'github-push']);
/** Steps that only make sense on a checkout git-clone made. */
const NEEDS_CLONE = new Set([
    'git-push',
    'github-push',
    'git-tag',
    'git-open-pr',
    'git-wait-for-pr',
    'git-merge-pr',
]);
/** `./out/` → `out`, `.` → `.`; undefined for a path that leaves the workspace. */
function normalizeWorkspacePath(p) {
    if (p.includes('\0') || node_path__WEBPACK_IMPORTED_MODULE_0__.posix.isAbsolute(p.replace(/\\/g, '/')) || /^[A-Za-z]:/.test(p)) {
        return undefined;
    }
    const n = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(p.replace(/\\/g, '/'));
    const trimmed = n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
    const out = trimmed === '' ? '.' : trimmed;
    return out === '..' || out.startsWith('../') ? undefined : out;
}
/** Whether `p` is `dir` or lies below it (both normalized). */
function within(p, dir) {
    return dir === '.' || p === dir || p.startsWith(`${dir}/`);
}
function planWorkspace(project, stage) {
    const template = stage.promotionTemplate;
    const steps = template.steps;
    const plan = {
        workspace: steps.some((s) => s.uses === 'git-clone'),
        checkouts: [],
        pushes: [],
        pullRequests: [],
        problems: [],
    };
    let vars = {};
    const env = () => ({ ctx: { project, stage: stage.name }, vars });
    // Template vars in order, each seeing the ones before it; one that needs the freight stays out.
    for (const v of template.vars ?? []) {
        try {
            vars[v.name] = (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderTemplate */ .Xm)(String(v.value), env());
        }
        catch {
            // Known only when the promotion runs.
        }
    }
    const known = (value) => {
        if (typeof value !== 'string')
            return undefined;
        if (!(0,_expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .hasExpression */ .xS)(value))
            return value;
        try {
            const out = (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderTemplate */ .Xm)(value, env());
            return typeof out === 'string' ? out : undefined;
        }
        catch {
            return undefined;
        }
    };
    const stepAt = (i, ...rest) => [
        'promotionTemplate',
        'steps',
        i,
        ...rest,
    ];
    const problem = (at, message) => plan.problems.push({ at, message });
    /** Paths steps wrote outside every checkout: fine when a later step reads them. */
    const scratch = [];
    const label = (s, i) => `step ${i + 1} (${s.uses}${s.as ? ` ${JSON.stringify(s.as)}` : ''})`;
    steps.forEach((step, i) => {
        const config = step.config ?? {};
        // The step's vars shadow the template's while its fields are read.
        const saved = vars;
        vars = { ...saved };
        for (const v of step.vars ?? []) {
            let value;
            try {
                value = (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderTemplate */ .Xm)(String(v.value), env());
            }
            catch {
                // Known only when the promotion runs: the template's value must not stand in for it.
                value = undefined;
            }
            const { [v.name]: _shadowed, ...rest } = vars;
            vars = value === undefined ? rest : { ...rest, [v.name]: value };
        }
        try {
            planStep(step, i, config);
        }
        finally {
            vars = saved;
        }
    });
    function planStep(step, i, config) {
        if (step.uses === 'git-clone') {
            const list = Array.isArray(config['checkout']) ? config['checkout'] : [];
            const repoURL = known(config['repoURL']);
            list.forEach((raw, e) => {
                const c = (raw ?? {});
                const written = known(c['path']);
                if (written === undefined) {
                    if (c['path'] !== undefined) {
                        problem(stepAt(i, 'config', 'checkout', e, 'path'), `${label(step, i)}: a checkout path must be known before the promotion runs (a literal, or an expression over ctx.stage and vars)`);
                    }
                    return;
                }
                const path = normalizeWorkspacePath(written);
                if (path === undefined || path === '.') {
                    problem(stepAt(i, 'config', 'checkout', e, 'path'), `${label(step, i)}: checkout path ${JSON.stringify(written)} ${path === '.' ? 'is the workspace itself; give each checkout its own directory (./src, ./out)' : 'leaves the workspace'}`);
                    return;
                }
                const clash = plan.checkouts.find((o) => within(path, o.path) || within(o.path, path));
                if (clash) {
                    problem(stepAt(i, 'config', 'checkout', e, 'path'), `${label(step, i)}: checkout path ${JSON.stringify(written)} ${clash.path === path ? 'is used twice' : `overlaps the checkout at ./${clash.path}`} (step ${clash.step + 1})`);
                    return;
                }
                for (const w of scratch.filter((w) => !w.reported)) {
                    if (within(w.path, path) || within(path, w.path)) {
                        w.reported = true;
                        problem(w.at, `${w.subject} is where ${label(step, i)} makes its checkout ./${path}: git-clone needs that directory empty; write it after that step`);
                    }
                }
                const branch = known(c['branch']);
                plan.checkouts.push({
                    step: i,
                    entry: e,
                    path,
                    ...(repoURL !== undefined ? { repoURL } : {}),
                    ...(branch !== undefined ? { branch } : {}),
                    create: c['create'] === true,
                    detached: c['commit'] !== undefined || c['tag'] !== undefined,
                });
            });
            return;
        }
        if (!plan.workspace) {
            if (NEEDS_CLONE.has(step.uses)) {
                problem(stepAt(i, 'uses'), `${label(step, i)}: ${step.uses} works on a checkout that a git-clone step made, and this template has none. Without git-clone, gantry checks out the stage's branch and commits and pushes it itself: remove this step, or add git-clone and the git-commit/git-push that go with it`);
            }
            return;
        }
        // Paths later steps use must lie in a checkout made before them.
        const before = plan.checkouts.filter((c) => c.step < i);
        const checkPath = (value, at, what, key) => {
            const written = known(value);
            if (written === undefined)
                return undefined;
            const path = normalizeWorkspacePath(written);
            if (path === undefined) {
                problem(at, `${label(step, i)}: ${what} ${JSON.stringify(written)} leaves the workspace`);
                return undefined;
            }
            const checkouts = before.map((c) => `./${c.path}`).join(', ') || 'none yet';
            if (CHECKOUT_STEPS.has(step.uses) && what === 'path') {
                if (!before.some((c) => c.path === path)) {
                    problem(at, `${label(step, i)}: path ${JSON.stringify(written)} is not a checkout (checkouts made before this step: ${checkouts})`);
                    return undefined;
                }
                return path;
            }
            if (!before.some((c) => within(path, c.path))) {
                const subject = `${label(step, i)}: ${what} ${JSON.stringify(written)}`;
                if (writes(step.uses, key)) {
                    scratch.push({ path, at, subject, checkouts, read: false, reported: false });
                    return path;
                }
                const from = scratch.filter((w) => within(path, w.path) || within(w.path, path));
                if (from.length)
                    for (const w of from)
                        w.read = true;
                else {
                    problem(at, `${subject} is outside every checkout (checkouts made before this step: ${checkouts}), and no step before it writes it there`);
                }
            }
            return path;
        };
        let path;
        for (const key of PATH_FIELDS) {
            if (config[key] === undefined)
                continue;
            const p = checkPath(config[key], stepAt(i, 'config', key), key, key);
            if (key === 'path')
                path = p;
        }
        for (const key of PATH_LISTS) {
            const list = config[key];
            if (!Array.isArray(list))
                continue;
            list.forEach((v, n) => {
                // delete's globs are matched when it runs.
                if (typeof v === 'string' && !/[*?[]/.test(v)) {
                    checkPath(v, stepAt(i, 'config', key, n), `${key}[${n}]`, key);
                }
            });
        }
        if (step.uses === 'git-push' || step.uses === 'github-push') {
            const checkout = before.find((c) => c.path === path);
            const generated = config['generateTargetBranch'] === true;
            const tag = config['tag'] !== undefined;
            const target = generated
                ? generatedBranch(project, stage.name)
                : config['targetBranch'] !== undefined
                    ? known(config['targetBranch'])
                    : tag
                        ? undefined
                        : checkout?.branch;
            if (config['force'] === true && !generated) {
                problem(stepAt(i, 'config', 'force'), `${label(step, i)}: gantry never force-pushes a branch that others may write; drop force (a push that loses a race runs the template again on the new tip), or push with generateTargetBranch: true`);
            }
            plan.pushes.push({
                step: i,
                path: path ?? '',
                ...(target !== undefined ? { target } : {}),
                generated,
                tag,
                force: config['force'] === true,
                ...(checkout?.repoURL !== undefined ? { repoURL: checkout.repoURL } : {}),
            });
        }
        if (step.uses === 'git-open-pr') {
            const target = known(config['targetBranch']);
            const repoURL = known(config['repoURL']);
            plan.pullRequests.push({
                step: i,
                ...(target !== undefined ? { target } : {}),
                ...(repoURL !== undefined ? { repoURL } : {}),
            });
        }
    }
    for (const w of scratch.filter((w) => !w.read && !w.reported)) {
        problem(w.at, `${w.subject} is outside every checkout (checkouts made before this step: ${w.checkouts}), and no later step reads it: it would be lost with the workspace; write it into a checkout`);
    }
    if (!plan.workspace) {
        if (stage.branch !== undefined)
            plan.stageBranch = stage.branch;
        return plan;
    }
    decideStageBranch(plan, stage.branch, stepAt, label, steps);
    return plan;
}
function decideStageBranch(plan, declared, stepAt, label, steps) {
    const branchPushes = plan.pushes.filter((p) => !p.tag);
    const prTargets = plan.pullRequests.map((p) => p.target);
    // Where the stage's manifests land: the pull requests' base, or the branches pushed to directly.
    const landing = plan.pullRequests.length
        ? prTargets
        : branchPushes.filter((p) => !p.generated).map((p) => p.target);
    if (declared !== undefined)
        plan.stageBranch = declared;
    else if (landing.length && landing.every((t) => t !== undefined)) {
        const distinct = [...new Set(landing)];
        if (distinct.length === 1)
            plan.stageBranch = distinct[0];
    }
    const stage = plan.stageBranch;
    if (!branchPushes.length && !plan.pullRequests.length) {
        const tags = plan.pushes.filter((p) => p.tag).map((p) => p.step + 1);
        plan.problems.push({
            at: ['promotionTemplate', 'steps'],
            message: tags.length
                ? `the template clones but pushes only tags (step ${tags.join(' and ')}): nothing it does would reach the branch the stage deploys from; push the checkout of that branch with git-push`
                : 'the template clones but never pushes (no git-push step): nothing it does would reach the branch the stage deploys from',
        });
        return;
    }
    if (stage === undefined) {
        plan.problems.push({
            at: ['promotionTemplate', 'steps'],
            message: `gantry cannot tell which branch this stage deploys from: the template ${landing.length ? `lands on ${[...new Set(landing.map((t) => t ?? '(a branch known only when it runs)'))].join(', ')}` : 'pushes only to a generated branch'}. Set the stage's branch: (the branch Argo CD or Flux reads), so that gantry reads and writes its state there`,
        });
        return;
    }
    // A template that opens a pull request can never push to that pull request's base itself.
    for (const pr of plan.pullRequests) {
        for (const push of branchPushes) {
            if (push.target !== undefined && push.target === (pr.target ?? stage)) {
                plan.problems.push({
                    at: stepAt(push.step, 'config'),
                    message: `${label(steps[push.step] ?? { uses: 'git-push' }, push.step)} pushes straight to ${push.target}, the branch that ${label(steps[pr.step] ?? { uses: 'git-open-pr' }, pr.step)} opens a pull request into: the pull request would be bypassed. Push to a generated branch (generateTargetBranch: true) and let the merge land it`,
                });
            }
        }
    }
    if (!plan.pullRequests.length) {
        const toStage = branchPushes.filter((p) => p.target === stage);
        // A branch of the same name in another repository is not the stage's (unknown URLs count
        // as the same repository: lint cannot tell them apart).
        const second = toStage.find((p, k) => toStage.slice(0, k).some((q) => q.repoURL === p.repoURL));
        if (second) {
            const both = toStage.filter((p) => p.repoURL === second.repoURL);
            plan.problems.push({
                at: stepAt(second.step),
                message: `the template pushes to the stage's branch ${stage} twice (steps ${both.map((p) => p.step + 1).join(' and ')}): a promotion is one commit there, carrying the stage's state; push once`,
            });
        }
        if (!toStage.length && branchPushes.every((p) => p.target !== undefined)) {
            plan.problems.push({
                at: ['branch'],
                message: `the stage deploys from ${stage}, but the template never pushes there (it pushes to ${[...new Set(branchPushes.map((p) => p.target))].join(', ')}); fix the stage's branch or the push's targetBranch`,
            });
        }
    }
}


/***/ }),

/***/ 5541:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ parseConstraint)
/* harmony export */ });
/* harmony import */ var semver_classes_semver_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7163);
/* harmony import */ var semver_classes_semver_js__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver_classes_semver_js__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2507);
/**
 * Semantic-version constraints as Kargo reads them (Masterminds/semver v3 grammar and meaning),
 * which differ from node-semver's ranges: commas separate ANDed comparators, `=<`/`=>` are
 * operators, partial versions are wildcards, and pre-releases are judged per comparator.
 *
 * Grammar:
 *   constraint := and ( "||" and )*
 *   and        := comparator ( ( whitespace | "," ) comparator )*   |   version " - " version
 *   comparator := op? version
 *   op         := "=" | "!=" | ">" | "<" | ">=" | "=>" | "<=" | "=<" | "~" | "~>" | "^"
 *   version    := "v"? part ( "." part ( "." part )? )? ( "-" prerelease )? ( "+" build )?
 *   part       := digits | "x" | "X" | "*"
 *
 * A missing or wildcard part makes the comparator a range: `1.2`, `1.2.x`, `=1.2` mean
 * `>=1.2.0 <1.3.0`; `>1.2` means `>=1.3.0`; `<=1.2` means `<1.3.0`; `*` means anything.
 * Tilde: `~1.2.3` = `>=1.2.3 <1.3.0`, `~1` = `>=1.0.0 <2.0.0`. Caret: `^1.2` = `>=1.2.0 <2.0.0`,
 * `^0.2.3` = `>=0.2.3 <0.3.0`, `^0.0.3` = `>=0.0.3 <0.0.4`.
 *
 * Pre-releases (Masterminds v3): a version with a pre-release fails every comparator whose own
 * version has none, so `1.2.x-0` admits `1.2.3-alpha.1` while `^1.2` does not admit `1.3.0-rc.1`.
 * Comparisons use SemVer precedence; build metadata is ignored.
 */
// The class alone: the package's index loads every range and function module (~15 ms at start).


const OPS = [
    // Longest first.
    ['!=', '!='],
    ['>=', '>='],
    ['=>', '>='],
    ['<=', '<='],
    ['=<', '<='],
    ['~>', '~'],
    ['>', '>'],
    ['<', '<'],
    ['=', '='],
    ['~', '~'],
    ['^', '^'],
];
const PART = '(?:[0-9]+|[xX*])';
const IDENTIFIERS = '[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*';
const VERSION_SOURCE = `v?(${PART})(?:\\.(${PART}))?(?:\\.(${PART}))?(?:-(${IDENTIFIERS}))?(?:\\+${IDENTIFIERS})?`;
const VERSION = new RegExp(`^${VERSION_SOURCE}`);
const PLAIN_VERSION = `v?${PART}(?:\\.${PART}){0,2}(?:-${IDENTIFIERS})?(?:\\+${IDENTIFIERS})?`;
const HYPHEN_RANGE = new RegExp(`(${PLAIN_VERSION})\\s+-\\s+(${PLAIN_VERSION})`, 'g');
class ConstraintSyntaxError extends Error {
}
function isWild(part) {
    return part === undefined || part === 'x' || part === 'X' || part === '*';
}
function toNumber(part) {
    const n = Number(part);
    if (!Number.isSafeInteger(n))
        throw new ConstraintSyntaxError(`version number too large: ${part}`);
    return n;
}
/** Parse `op? version` at the start of `text`; returns the comparator and the rest. */
function parseComparator(text, segment) {
    let rest = text;
    let op = '=';
    for (const [spelling, meaning] of OPS) {
        if (rest.startsWith(spelling)) {
            op = meaning;
            rest = rest.slice(spelling.length).trimStart();
            break;
        }
    }
    const m = VERSION.exec(rest);
    if (!m)
        throw new ConstraintSyntaxError(`improper constraint: ${segment}`);
    rest = rest.slice(m[0].length);
    if (rest !== '' && !/^[\s,]/.test(rest))
        throw new ConstraintSyntaxError(`improper constraint: ${segment}`);
    const [, major, minor, patch, pre] = m;
    let wild = null;
    const nums = [0, 0, 0];
    if (isWild(major))
        wild = 'major';
    else {
        nums[0] = toNumber(major ?? '');
        if (isWild(minor))
            wild = 'minor';
        else {
            nums[1] = toNumber(minor ?? '');
            if (isWild(patch))
                wild = 'patch';
            else
                nums[2] = toNumber(patch ?? '');
        }
    }
    let con;
    try {
        con = new (semver_classes_semver_js__WEBPACK_IMPORTED_MODULE_0___default())(`${nums.join('.')}${pre !== undefined ? `-${pre}` : ''}`);
    }
    catch {
        throw new ConstraintSyntaxError(`improper constraint: ${segment}`);
    }
    return [{ op, con, wild, hasPre: pre !== undefined }, rest];
}
function parseAnd(segment) {
    const out = [];
    let rest = segment.trim();
    if (rest === '')
        throw new ConstraintSyntaxError(`improper constraint: ${segment}`);
    for (;;) {
        const [comparator, after] = parseComparator(rest, segment);
        out.push(comparator);
        rest = after.trimStart();
        if (rest === '')
            return out;
        if (rest.startsWith(',')) {
            rest = rest.slice(1).trimStart();
            if (rest === '')
                throw new ConstraintSyntaxError(`improper constraint: ${segment}`);
        }
    }
}
/** `v` is within the wildcard range or tilde range of `c` (lower bound checked by the caller). */
function sameTildeRange(v, c) {
    if (c.wild === 'major')
        return true;
    // `~0.0.0` is Masterminds' special case for "anything".
    if (c.wild === null && c.con.major === 0 && c.con.minor === 0 && c.con.patch === 0)
        return true;
    if (v.major !== c.con.major)
        return false;
    return c.wild === 'minor' || v.minor === c.con.minor;
}
function check(v, c) {
    const vPre = v.prerelease.length > 0;
    // Masterminds excludes pre-releases per comparator; its exact `!=` is the one exception.
    if (vPre && !c.hasPre && !(c.op === '!=' && c.wild === null))
        return false;
    const cmp = v.compare(c.con);
    switch (c.op) {
        case '=':
            if (c.wild === null)
                return cmp === 0;
            return cmp >= 0 && sameTildeRange(v, c);
        case '~':
            return cmp >= 0 && sameTildeRange(v, c);
        case '!=':
            if (c.wild === null)
                return cmp !== 0;
            if (c.wild === 'major')
                return false;
            return !(v.major === c.con.major && (c.wild === 'minor' || v.minor === c.con.minor));
        case '>':
            if (c.wild === null)
                return cmp > 0;
            if (c.wild === 'major')
                return false;
            if (c.wild === 'minor')
                return v.major > c.con.major;
            return v.major > c.con.major || (v.major === c.con.major && v.minor > c.con.minor);
        case '<':
            if (c.wild === 'major')
                return false;
            return cmp < 0;
        case '>=':
            return cmp >= 0;
        case '<=':
            if (c.wild === null)
                return cmp <= 0;
            if (c.wild === 'major')
                return true;
            if (c.wild === 'minor')
                return v.major <= c.con.major;
            return v.major < c.con.major || (v.major === c.con.major && v.minor <= c.con.minor);
        case '^':
            if (cmp < 0)
                return false;
            if (c.wild === 'major')
                return true;
            if (c.con.major > 0 || c.wild === 'minor')
                return v.major === c.con.major;
            if (v.major !== 0)
                return false;
            if (c.con.minor > 0 || c.wild === 'patch')
                return v.minor === c.con.minor;
            return v.minor === 0 && v.patch === c.con.patch;
    }
}
/**
 * Parse a Masterminds-style constraint. Throws `error parsing semver constraint "<text>": …`.
 */
function parseConstraint(text) {
    let ors;
    try {
        const rewritten = text.replace(HYPHEN_RANGE, ' >=$1, <=$2 ');
        ors = rewritten.split('||').map(parseAnd);
    }
    catch (err) {
        if (err instanceof ConstraintSyntaxError) {
            throw new Error(`error parsing semver constraint ${JSON.stringify(text)}: ${err.message}`, {
                cause: err,
            });
        }
        throw err;
    }
    return {
        text,
        matches(v) {
            const version = typeof v === 'string' ? (0,_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .parseVersion */ .ot)(v, false)?.version : v;
            if (!version)
                return false;
            return ors.some((and) => and.every((c) => check(version, c)));
        },
    };
}


/***/ }),

/***/ 2507:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c7: () => (/* binding */ compareVersionsDesc),
/* harmony export */   ot: () => (/* binding */ parseVersion)
/* harmony export */ });
/* unused harmony export sortVersionsDesc */
/* harmony import */ var semver_classes_semver_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7163);
/* harmony import */ var semver_classes_semver_js__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver_classes_semver_js__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Version parsing the way Kargo parses tags and chart versions (Masterminds/semver v3 underneath):
 * non-strict parsing coerces partial versions (`1` → `1.0.0`, `v1.2` → `1.2.0`), strict parsing
 * wants exactly `MAJOR.MINOR.PATCH` (optionally with pre-release and build metadata) after at
 * most one leading `v`. The original string is kept: it is what gets written back to manifests.
 */
// The class alone: the package's index loads every range and function module (~15 ms at start).

const IDENTIFIERS = '[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*';
const LOOSE = new RegExp(`^v?([0-9]+)(?:\\.([0-9]+))?(?:\\.([0-9]+))?(?:-(${IDENTIFIERS}))?(?:\\+(${IDENTIFIERS}))?$`);
const NUMBER = '(?:0|[1-9][0-9]*)';
const STRICT = new RegExp(`^${NUMBER}\\.${NUMBER}\\.${NUMBER}(?:-(${IDENTIFIERS}))?(?:\\+(${IDENTIFIERS}))?$`);
function numeric(part) {
    if (part === undefined)
        return 0;
    const n = Number(part);
    return Number.isSafeInteger(n) ? n : null;
}
/**
 * Parse a tag as a semantic version, or return null when it is not one.
 *
 * strict=false: optional leading `v`, missing minor/patch filled with 0, leading zeros in the
 * numbers tolerated. strict=true: additionally the tag, less one leading `v`, must be a full
 * SemVer 2.0 version (three numbers, no leading zeros), so `v1.0` is rejected.
 */
function parseVersion(tag, strict) {
    if (strict && !STRICT.test(tag.startsWith('v') ? tag.slice(1) : tag))
        return null;
    const m = LOOSE.exec(tag);
    if (!m)
        return null;
    const major = numeric(m[1]);
    const minor = numeric(m[2]);
    const patch = numeric(m[3]);
    if (major === null || minor === null || patch === null)
        return null;
    const text = `${major}.${minor}.${patch}` +
        (m[4] !== undefined ? `-${m[4]}` : '') +
        (m[5] !== undefined ? `+${m[5]}` : '');
    try {
        // Pre-release identifiers are validated here (`1.0.0-01` is not a version).
        return { version: new (semver_classes_semver_js__WEBPACK_IMPORTED_MODULE_0___default())(text), original: tag };
    }
    catch {
        return null;
    }
}
/**
 * Sort comparator: newest version first by SemVer precedence (build metadata ignored); equal
 * versions by descending original string, so the order is total and stable across runs
 * (`["1.0","1.0.0"]` ⇒ `["1.0.0","1.0"]`, `["1.0.0","v1.0.0"]` ⇒ `["v1.0.0","1.0.0"]`).
 */
function compareVersionsDesc(a, b) {
    const byVersion = b.version.compare(a.version);
    if (byVersion !== 0)
        return byVersion;
    return a.original < b.original ? 1 : a.original > b.original ? -1 : 0;
}
/** Parse the tags that are versions and sort them newest first; the others are dropped. */
function sortVersionsDesc(tags, strict) {
    const out = [];
    for (const tag of tags) {
        const parsed = parseVersion(tag, strict);
        if (parsed)
            out.push(parsed);
    }
    return out.sort(compareVersionsDesc);
}


/***/ }),

/***/ 6066:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Br: () => (/* binding */ sanitizeURL),
/* harmony export */   D$: () => (/* binding */ normalizeChartURL),
/* harmony export */   Eq: () => (/* binding */ normalizeImageURL),
/* harmony export */   Pn: () => (/* binding */ normalizeGitURL)
/* harmony export */ });
/**
 * Canonical forms of repository URLs, as Kargo computes them (`pkg/urls`). They decide whether two
 * spellings name the same repository, and the Git and chart forms feed the freight ID, so they must
 * agree with Kargo's byte for byte.
 */
/**
 * Trim leading and trailing spaces and drop every non-printable character (byte-order marks,
 * zero-width spaces, control characters, non-ASCII spaces) wherever it is. Printable means what
 * Go's `unicode.IsPrint` says: letters, marks, numbers, punctuation, symbols and the ASCII space.
 */
function sanitizeURL(url) {
    return url.replace(/[^\p{L}\p{M}\p{N}\p{P}\p{S} ]/gu, '').trim();
}
// Characters Go's url.Parse accepts in a host (reg-name, IP literal, port).
const HOST = /^[A-Za-z0-9.\-_~%!$&'()*+,;=:[\]]*$/;
// Anything Go would reject or re-escape; such URLs are returned unchanged.
const UNSAFE = /[\s\p{Cc}]/u;
/** A small parser with Go's `net/url` behaviour for `scheme://authority/path?query#fragment`. */
function parseHierarchical(text) {
    const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s.exec(text);
    if (!m)
        return null;
    const [, scheme = '', authority = '', path = '', query, fragment] = m;
    if (UNSAFE.test(text))
        return null;
    const at = authority.lastIndexOf('@');
    const user = at >= 0 ? authority.slice(0, at) : null;
    const host = at >= 0 ? authority.slice(at + 1) : authority;
    if (!HOST.test(host))
        return null;
    const port = /:([^:\]]*)$/.exec(host);
    if (port && !host.startsWith('[') && !/^[0-9]*$/.test(port[1] ?? ''))
        return null;
    return { scheme, user, host, path, query: query ?? null, fragment: fragment ?? null };
}
function hasQueryParameters(query) {
    return query !== null && query.split(/[&;]/).some((pair) => pair !== '');
}
function formatHierarchical(u) {
    return (`${u.scheme}://${u.user !== null ? `${u.user}@` : ''}${u.host}${u.path}` +
        (u.query ? `?${u.query}` : '') +
        (u.fragment !== null ? `#${u.fragment}` : ''));
}
function trimRepoPath(path) {
    let p = path.endsWith('/') ? path.slice(0, -1) : path;
    if (p.endsWith('.git'))
        p = p.slice(0, -4);
    return p;
}
const SCP = /^((?:[A-Za-z0-9_-]+@)?[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)(?::(.*))?$/s;
/**
 * Normalise a Git URL: lower case; for http(s) drop the user info; drop one trailing `/` and then
 * one `.git`; SCP-style `[user@]host[:path]` becomes `ssh://[user@]host[/path]`. URLs with query
 * parameters, and anything unparseable, are returned exactly as given. `file://` URLs are treated
 * like `ssh://` ones.
 */
function normalizeGitURL(repo) {
    const lower = repo.toLowerCase();
    const isHttp = lower.startsWith('http://') || lower.startsWith('https://');
    // file:// is gantry's addition (Kargo would read it as SCP syntax): local repositories in tests
    // and demos get the same treatment as ssh:// URLs.
    if (isHttp || lower.startsWith('ssh://') || lower.startsWith('file://')) {
        const u = parseHierarchical(lower);
        if (!u || hasQueryParameters(u.query))
            return repo;
        if (isHttp)
            u.user = null;
        u.path = trimRepoPath(u.path);
        return formatHierarchical(u);
    }
    const m = SCP.exec(lower);
    if (!m)
        return repo;
    const userHost = m[1] ?? '';
    const rest = m[2] ?? '';
    // The path is read as a relative URL reference: a query or fragment is kept as is.
    const pm = /^([^?#]*)(\?[^#]*)?(#.*)?$/s.exec(rest);
    const rawPath = pm?.[1] ?? '';
    if (UNSAFE.test(rest) || (rawPath.split('/')[0] ?? '').includes(':'))
        return repo;
    const path = trimRepoPath(rawPath);
    const suffix = (pm?.[2] && pm[2] !== '?' ? pm[2] : '') + (pm?.[3] ?? '');
    if (path === '' && suffix === '')
        return `ssh://${userHost}`;
    return `ssh://${userHost}/${path}${suffix}`;
}
const DOCKER_HUB = 'index.docker.io';
const REPOSITORY_CHARS = /^[a-z0-9_\-./]{2,255}$/;
const TAG = /^[\w.-]{1,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
/** Registry and repository of an image reference, read like go-containerregistry (weak). */
function parseImageReference(ref) {
    let base = null;
    const colon = ref.lastIndexOf(':');
    const afterColon = ref.slice(colon + 1);
    if (colon >= 0 && !afterColon.includes('/')) {
        if (TAG.test(afterColon))
            base = ref.slice(0, colon);
    }
    else {
        base = ref;
    }
    let parsed = base === null ? null : parseRepository(base);
    if (!parsed) {
        const at = ref.indexOf('@');
        if (at >= 0 && DIGEST.test(ref.slice(at + 1)))
            parsed = parseRepository(ref.slice(0, at));
    }
    return parsed;
}
function parseRepository(name) {
    let registry = DOCKER_HUB;
    let repository = name;
    const slash = name.indexOf('/');
    if (slash >= 0) {
        const first = name.slice(0, slash);
        if (first.includes('.') || first.includes(':')) {
            registry = first === 'docker.io' ? DOCKER_HUB : first;
            repository = name.slice(slash + 1);
        }
    }
    if (registry !== DOCKER_HUB && (!HOST.test(registry) || registry === ''))
        return null;
    if (registry === DOCKER_HUB && !repository.includes('/'))
        repository = `library/${repository}`;
    if (!REPOSITORY_CHARS.test(repository))
        return null;
    return { registry, repository };
}
/**
 * Normalise an image repository: Docker Hub's many spellings (`docker.io/library/busybox`,
 * `index.docker.io/busybox`, `registry-1.docker.io/…`, `library/busybox`) collapse to `busybox`,
 * `example/repo`; other registries keep `registry/repository`. A tag or digest is dropped.
 * Anything that is not an image reference is returned as given.
 */
function normalizeImageURL(repoURL) {
    const parsed = parseImageReference(repoURL);
    if (!parsed)
        return repoURL;
    if (parsed.registry === DOCKER_HUB || parsed.registry === 'registry-1.docker.io') {
        return parsed.repository.startsWith('library/')
            ? parsed.repository.slice('library/'.length)
            : parsed.repository;
    }
    return `${parsed.registry}/${parsed.repository}`;
}
/**
 * Normalise a chart repository URL: trim, lower case, drop `oci://`, then normalise as an image
 * repository (so Docker Hub spellings collapse). HTTP(S) repository URLs come out lower-cased and
 * otherwise unchanged.
 */
function normalizeChartURL(repo) {
    let s = repo.trim().toLowerCase();
    if (s.startsWith('oci://'))
        s = s.slice('oci://'.length);
    return normalizeImageURL(s);
}


/***/ }),

/***/ 8887:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DL: () => (/* binding */ compileRegex),
/* harmony export */   cG: () => (/* binding */ loadRegexEngine),
/* harmony export */   p8: () => (/* binding */ useRegexEngine)
/* harmony export */ });
let engine;
/** Called by ./regex.js when it loads re2js. */
function useRegexEngine(e) {
    engine ??= e;
}
/** Loads re2js, when it is not loaded yet: compileRegex needs it. */
async function loadRegexEngine() {
    if (!engine)
        await Promise.all(/* import() */[__webpack_require__.e(2856), __webpack_require__.e(7107)]).then(__webpack_require__.bind(__webpack_require__, 7107));
}
function loaded() {
    if (!engine)
        throw new Error('the RE2 engine is not loaded: import util/regex.js, or await loadRegexEngine() before compiling a pattern');
    return engine;
}
const NAMED_GROUP = /^\(\?P?<([A-Za-z0-9_]+)>/;
/**
 * Go allows one name on several groups (`(?P<x>a)(?P<x>b)`; lookups take the leftmost); RE2's
 * own parser, which re2js follows, does not. Names only matter for submatch lookups, so a repeated
 * name is dropped, leaving a plain capturing group (numbering is unchanged). The scan skips
 * escapes, `\Q…\E` and character classes, where `(?<` is not a group.
 */
function dropRepeatedNames(pattern) {
    const seen = new Set();
    let out = '';
    let i = 0;
    while (i < pattern.length) {
        const c = pattern[i];
        if (c === '\\') {
            if (pattern[i + 1] === 'Q') {
                const end = pattern.indexOf('\\E', i + 2);
                const stop = end < 0 ? pattern.length : end + 2;
                out += pattern.slice(i, stop);
                i = stop;
            }
            else {
                out += pattern.slice(i, i + 2);
                i += 2;
            }
            continue;
        }
        if (c === '[') {
            let j = i + 1;
            if (pattern[j] === '^')
                j++;
            if (pattern[j] === ']')
                j++; // a leading `]` is a literal
            while (j < pattern.length && pattern[j] !== ']') {
                if (pattern[j] === '\\')
                    j += 2;
                else if (pattern.startsWith('[:', j)) {
                    const end = pattern.indexOf(':]', j + 2);
                    j = end < 0 ? j + 1 : end + 2;
                }
                else
                    j++;
            }
            out += pattern.slice(i, j + 1);
            i = j + 1;
            continue;
        }
        const named = c === '(' ? NAMED_GROUP.exec(pattern.slice(i, i + 1024)) : null;
        if (named) {
            const name = named[1] ?? '';
            out += seen.has(name) ? '(' : named[0];
            seen.add(name);
            i += named[0].length;
            continue;
        }
        out += c;
        i++;
    }
    return out;
}
function compileRe2(pattern) {
    const { RE2JS, RE2JSException } = loaded();
    try {
        return RE2JS.compile(pattern);
    }
    catch (err) {
        if (err instanceof RE2JSException && /duplicate capture group name/.test(err.message)) {
            return RE2JS.compile(dropRepeatedNames(pattern));
        }
        throw err;
    }
}
/**
 * Compile a Go RE2 pattern (unanchored, as in Go). Throws an Error whose message starts
 * `error compiling regular expression "<pattern>": ` when the pattern is not valid RE2 (which
 * includes lookaround and backreferences).
 */
function compileRegex(pattern) {
    let re;
    loaded();
    try {
        re = compileRe2(pattern);
    }
    catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        throw new Error(`error compiling regular expression ${JSON.stringify(pattern)}: ${reason}`, {
            cause: err,
        });
    }
    return {
        source: pattern,
        test: (input) => re.test(input),
        exec: (input) => {
            const m = re.exec(input);
            return m ? Array.from(m, (g) => (typeof g === 'string' ? g : undefined)) : null;
        },
    };
}


/***/ })

};
