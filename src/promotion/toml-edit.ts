/**
 * Format-keeping TOML edits for the `toml-update` step, and TOML reading for `toml-parse`.
 *
 * Kargo's `toml-update` splices: it finds the byte range of each addressed value and replaces only
 * that range, so comments, key order, quoting of other values and blank lines survive. smol-toml
 * (which checks the document) gives no positions, so gantry indexes the document with its own
 * scanner: every key path, dotted keys, `[table]` and `[[array.of.tables]]` headers (an array
 * table's elements are `name.0`, `name.1`, …; a header under an array table lands in its last
 * element), inline tables and arrays (items by index), mapped to the span of its value.
 *
 * Rules, as Kargo's:
 * - keys follow `splitKey` (keypath.ts): `image.tag`, `labels.example\.com/version`, `values.1`;
 * - only a key the file has, addressing a scalar (string, integer, float, boolean, date/time), can
 *   be updated; a table or array is refused (`addresses a table, not a scalar`);
 * - values must be strings, finite numbers or booleans; they are written as go-toml writes them:
 *   strings as literal strings (`'v1.2.3'`), or basic strings with escapes when they hold a `'` or
 *   a control character; integers as integers; other numbers in their shortest decimal form;
 * - several updates of one key: the last wins.
 * The edited text is parsed again and each updated key compared with its intended value.
 */
import { isDeepStrictEqual } from 'node:util';
import { parse, TomlDate, TomlError } from 'smol-toml';
import { ConfigError, OperationError } from '../util/errors.js';
import { KeyPathError, splitKey, type KeyPart } from './keypath.js';
import type { ValueUpdate } from './yaml-edit.js';

type NodeKind = 'table' | 'array-of-tables' | 'array' | 'inline-table' | 'scalar';

interface Span {
  kind: NodeKind;
  start: number;
  end: number;
}

/** `text` parsed by smol-toml; an error names the file, line and column. */
export function parseTomlText(step: string, rel: string, text: string): Record<string, unknown> {
  try {
    return plain(parse(text, { integersAsBigInt: 'asNeeded' })) as Record<string, unknown>;
  } catch (err) {
    if (err instanceof TomlError) {
      const reason = err.message.split('\n')[0]?.replace(/^Invalid TOML document: /, '') ?? '';
      throw new ConfigError(`${step}: ${rel}:${err.line}:${err.column}: not valid TOML: ${reason}`);
    }
    throw err;
  }
}

/**
 * smol-toml's values as the expression language reads them: a date or time becomes its TOML text
 * (RFC 3339), an integer too large for a JavaScript number becomes its decimal text, and tables
 * become plain objects (keys such as `__proto__` stay data).
 */
function plain(v: unknown): unknown {
  if (v instanceof TomlDate) return v.toISOString();
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      Object.defineProperty(out, k, {
        value: plain(x),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return v;
}

/** A value as Kargo's toml-update writes it (go-toml's encoding of a scalar). */
export function formatTomlValue(value: unknown): string {
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return BigInt(value).toString();
    return String(value);
  }
  if (typeof value === 'string') {
    // eslint-disable-next-line no-control-regex
    if (!/['\u0000-\u0008\u000a-\u001f\u007f\t]/.test(value)) return `'${value}'`;
    let out = '"';
    for (const ch of value) {
      const c = ch.charCodeAt(0);
      if (ch === '\\') out += '\\\\';
      else if (ch === '"') out += '\\"';
      else if (ch === '\b') out += '\\b';
      else if (ch === '\f') out += '\\f';
      else if (ch === '\n') out += '\\n';
      else if (ch === '\r') out += '\\r';
      else if (ch === '\t') out += '\\t';
      else if (c < 0x20 || c === 0x7f)
        out += `\\u00${c.toString(16).toUpperCase().padStart(2, '0')}`;
      else out += ch;
    }
    return `${out}"`;
  }
  throw new Error('not a TOML scalar');
}

/** Kargo's toml-update commit message: `Updated <path>` and `- key: <TOML value>` per update. */
export function tomlUpdateCommitMessage(path: string, updates: readonly ValueUpdate[]): string {
  if (updates.length === 0) return '';
  let msg = `Updated ${path}\n`;
  for (const u of updates) {
    let shown: string;
    try {
      shown = formatTomlValue(u.value);
    } catch {
      shown = String(u.value);
    }
    msg += `\n- ${u.key}: ${shown}`;
  }
  return msg;
}

const isScalar = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/**
 * `text` with each update's value replaced in place. `where` (the file, as shown) prefixes every
 * error; `previous` is filled with each key's value before the edit.
 */
export function setTomlValues(
  text: string,
  updates: readonly ValueUpdate[],
  where: string,
  previous?: Map<string, unknown>,
): string {
  const step = 'toml-update';
  const before = parseTomlText(step, where, text);
  const index = indexToml(text, where);
  const byPath = new Map<string, { start: number; end: number; text: string }>();
  const planned: { key: string; parts: KeyPart[]; value: unknown }[] = [];
  for (const [i, u] of updates.entries()) {
    let parts: KeyPart[];
    try {
      parts = splitKey(u.key);
    } catch (err) {
      if (err instanceof KeyPathError) {
        throw new ConfigError(
          `${step}: updates[${i}].key ${JSON.stringify(u.key)}: ${err.message}`,
        );
      }
      throw err;
    }
    if (!isScalar(u.value)) {
      throw new ConfigError(
        `${step}: updates[${i}].value for key ${JSON.stringify(u.key)} is not a TOML scalar type (a string, number or boolean), got ${Array.isArray(u.value) ? 'a list' : u.value === null ? 'null' : typeof u.value}`,
      );
    }
    const path = encode(parts);
    const node = index.get(path);
    if (!node) {
      throw new ConfigError(
        `${step}: ${where}: key ${JSON.stringify(u.key)} not found; toml-update only changes keys the file has`,
      );
    }
    if (node.kind !== 'scalar') {
      throw new ConfigError(
        `${step}: ${where}:${lineCol(text, node.start)}: key ${JSON.stringify(u.key)} addresses ${KIND_TEXT[node.kind]}, not a scalar; toml-update updates scalar values only`,
      );
    }
    previous?.set(u.key, lookup(before, parts));
    byPath.set(path, { start: node.start, end: node.end, text: formatTomlValue(u.value) });
    planned.push({ key: u.key, parts, value: u.value });
  }
  let out = text;
  for (const edit of [...byPath.values()].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  let after: Record<string, unknown> | undefined;
  try {
    after = parseTomlText(step, where, out);
  } catch {
    after = undefined;
  }
  const last = new Map(planned.map((p) => [encode(p.parts), p]));
  for (const p of last.values()) {
    if (!after || !isDeepStrictEqual(lookup(after, p.parts), p.value)) {
      throw new OperationError(
        `${step}: ${where}: the edited file does not read back as intended at key ${JSON.stringify(p.key)}; nothing was changed. This is a gantry bug.`,
      );
    }
  }
  return out;
}

const KIND_TEXT: Record<NodeKind, string> = {
  table: 'a table',
  'array-of-tables': 'an array of tables',
  array: 'an array',
  'inline-table': 'an inline table',
  scalar: 'a scalar',
};

/** Paths compared as Kargo does: every part as text, so `values.1` is item 1 or the key "1". */
function encode(parts: readonly (string | number)[]): string {
  return parts.map((p) => `${String(p).length}:${String(p)}`).join('|');
}

function lookup(root: unknown, parts: readonly KeyPart[]): unknown {
  let node = root;
  for (const part of parts) {
    if (Array.isArray(node)) node = node[Number(part)];
    else if (node !== null && typeof node === 'object' && Object.hasOwn(node, String(part))) {
      node = (node as Record<string, unknown>)[String(part)];
    } else return undefined;
  }
  return node;
}

function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
}

const BARE_KEY = /[A-Za-z0-9_-]/;

/**
 * Every key path of a document smol-toml accepted, with the span of its value. The scanner relies
 * on that check: it only needs to find where things end, not to judge them.
 */
function indexToml(text: string, where: string): Map<string, Span> {
  const index = new Map<string, Span>();
  /** Elements so far of each array of tables, by its path with earlier indexes resolved. */
  const arrayTables = new Map<string, number>();
  let i = 0;
  const fail = (what: string): never => {
    throw new ConfigError(`toml-update: ${where}:${lineCol(text, i)}: ${what}`);
  };
  const blank = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  };
  /** Spaces, newlines and comments: between array items. */
  const gap = (): void => {
    for (;;) {
      blank();
      if (text[i] === '#') while (i < text.length && text[i] !== '\n') i++;
      else if (text[i] === '\n' || text[i] === '\r') i++;
      else return;
    }
  };
  const basicString = (): string => {
    // i at the opening quote
    i++;
    let out = '';
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        const e = text[i + 1];
        const simple: Record<string, string> = {
          b: '\b',
          t: '\t',
          n: '\n',
          f: '\f',
          r: '\r',
          '"': '"',
          '\\': '\\',
        };
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' || e === 'U') {
          const n = e === 'u' ? 4 : 8;
          out += String.fromCodePoint(parseInt(text.slice(i + 2, i + 2 + n), 16));
          i += 2 + n;
        } else fail('invalid escape in a key');
      } else out += text[i++];
    }
    i++;
    return out;
  };
  const literalString = (): string => {
    const close = text.indexOf("'", i + 1);
    if (close < 0) fail('unterminated string');
    const s = text.slice(i + 1, close);
    i = close + 1;
    return s;
  };
  const key = (): string[] => {
    const parts: string[] = [];
    for (;;) {
      blank();
      const c = text[i];
      if (c === '"') parts.push(basicString());
      else if (c === "'") parts.push(literalString());
      else {
        const start = i;
        while (i < text.length && BARE_KEY.test(text[i] ?? '')) i++;
        if (i === start) fail('expected a key');
        parts.push(text.slice(start, i));
      }
      blank();
      if (text[i] !== '.') return parts;
      i++;
    }
  };
  const skipMultiline = (quote: string): void => {
    i += 3;
    for (;;) {
      if (i >= text.length) fail('unterminated multi-line string');
      if (quote === '"' && text[i] === '\\') i += 2;
      else if (text.startsWith(quote.repeat(3), i)) break;
      else i++;
    }
    // The content may end with one or two quotes: `"""a""""` closes after `a"`.
    let run = 0;
    while (text[i + run] === quote && run < 5) run++;
    i += run;
  };
  const value = (path: string[]): void => {
    const start = i;
    const c = text[i];
    if (c === '[') {
      i++;
      let n = 0;
      for (;;) {
        gap();
        if (text[i] === ']') break;
        value([...path, String(n++)]);
        gap();
        if (text[i] === ',') i++;
      }
      i++;
      index.set(encode(path), { kind: 'array', start, end: i });
      return;
    }
    if (c === '{') {
      i++;
      for (;;) {
        blank();
        if (text[i] === '}') break;
        const k = key();
        if (text[i] !== '=') fail('expected "="');
        i++;
        blank();
        value([...path, ...k]);
        blank();
        if (text[i] === ',') i++;
      }
      i++;
      index.set(encode(path), { kind: 'inline-table', start, end: i });
      return;
    }
    if (c === '"' || c === "'") {
      if (text.startsWith(c.repeat(3), i)) skipMultiline(c);
      else if (c === '"') basicString();
      else literalString();
    } else {
      while (i < text.length && !/[\s,\]}#]/.test(text[i] ?? '')) i++;
      // A date-time may separate date and time with a space: `1979-05-27 07:32:00Z`.
      if (
        /^\d{4}-\d{2}-\d{2}$/.test(text.slice(start, i)) &&
        /^ \d{2}:/.test(text.slice(i, i + 4))
      ) {
        i++;
        while (i < text.length && !/[\s,\]}#]/.test(text[i] ?? '')) i++;
      }
    }
    index.set(encode(path), { kind: 'scalar', start, end: i });
  };
  /** A header's key with the index of the current element of every array of tables on the way. */
  const resolve = (parts: string[], isArrayHeader: boolean): string[] => {
    const out: string[] = [];
    parts.forEach((p, n) => {
      out.push(p);
      const last = n === parts.length - 1;
      if (last && isArrayHeader) return;
      const count = arrayTables.get(encode(out));
      if (count !== undefined) out.push(String(count - 1));
    });
    return out;
  };

  let current: string[] = [];
  if (text.startsWith('\uFEFF')) i = 1;
  while (i < text.length) {
    gap();
    if (i >= text.length) break;
    const headerStart = i;
    if (text[i] === '[') {
      const isArray = text[i + 1] === '[';
      i += isArray ? 2 : 1;
      const parts = resolve(key(), isArray);
      i += isArray ? 2 : 1;
      if (isArray) {
        const base = encode(parts);
        const n = arrayTables.get(base) ?? 0;
        arrayTables.set(base, n + 1);
        index.set(base, { kind: 'array-of-tables', start: headerStart, end: i });
        current = [...parts, String(n)];
      } else current = parts;
      index.set(encode(current), { kind: 'table', start: headerStart, end: i });
      continue;
    }
    const k = key();
    if (text[i] !== '=') fail('expected "="');
    i++;
    blank();
    // Parents made by a dotted key are tables too: addressing one is refused as such.
    for (let n = 1; n < k.length; n++) {
      const parent = encode([...current, ...k.slice(0, n)]);
      if (!index.has(parent)) index.set(parent, { kind: 'table', start: i, end: i });
    }
    value([...current, ...k]);
  }
  return index;
}
