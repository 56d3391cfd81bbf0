/**
 * Reading one chart's versions out of a Helm repository's `index.yaml`, without building the
 * document. Public indexes run to tens of megabytes (hundreds of charts × thousands of versions);
 * a full YAML parse of one costs seconds and a heap many times its size, while discovery needs
 * only the `version` fields of one chart.
 *
 * Helm writes the index with go-yaml in a fixed block layout:
 *
 *     apiVersion: v1
 *     entries:
 *       mychart:
 *       - apiVersion: v2          ← items at the chart key's indent ("indentless") or deeper
 *         dependencies:
 *         - name: common
 *           version: 2.x.x        ← deeper than the item's keys: not the chart's version
 *         urls:
 *         - https://…
 *         version: 1.2.3          ← a key at the item's key indent
 *     generated: "2024-01-01T00:00:00Z"
 *
 * `IndexYamlScanner` reads that layout line by line, as bytes, and decodes only the lines that
 * matter (top-level keys, chart keys, and the keys of the requested chart's items). It is
 * deliberately narrow: on anything it does not recognise (flow collections where it needs to
 * look, anchors and aliases, merge keys, tags, multi-line scalars or keys with escapes on lines
 * it reads, tabs in indentation, several documents, duplicate keys it would have to choose
 * between) it says so, and the caller falls back to `parseIndexFull`, the `yaml` package's full
 * parser (or `JSON.parse`). Where the scanner answers, it answers what the full parser would:
 * the unit tests hold the two side by side on varied fixtures.
 *
 * JSON indexes (`helm repo index --json`) get the same treatment from `scanJsonIndex`, a skimmer
 * that steps over every value except the requested chart's `version` strings.
 *
 * Versions come back exactly as written (strings, in file order); scalars are read with YAML's
 * failsafe schema, so `version: 1.10` stays `1.10`.
 */
import { parse as parseYaml } from 'yaml';
import { isRecord } from '../util/guards.js';

/** What a scan of an index found for the requested chart. */
export type IndexScan =
  /** The chart is listed; its versions in file order (entries without a version are skipped). */
  | { status: 'found'; versions: string[] }
  /** The index is readable and does not list the chart. */
  | { status: 'absent' }
  /** The scanner met a layout it does not read; parse the index whole instead. */
  | { status: 'unrecognised'; line: number; reason: string };

/** The index is not a Helm repository index (not YAML/JSON, or not shaped like one). */
export class IndexFormatError extends Error {
  override name = 'IndexFormatError';
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;
const DASH = 0x2d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const BACKSLASH = 0x5c;
const COLON = 0x3a;

/** Characters that may not start a plain (unquoted) scalar or key in YAML's block context. */
const INDICATORS = new Set([...'[]{}#&*!|>%@`,'].map((c) => c.charCodeAt(0)));

interface KeyLine {
  key: string;
  /** The value as written after `key:`, trimmed, comment included (empty when none). */
  value: string;
}

/**
 * Parse `key: value` at `start` (the first non-space byte of the line) up to `end`. Returns
 * null when the line is not a simple block-mapping entry the scanner reads.
 */
function readKeyLine(buf: Uint8Array, start: number, end: number): KeyLine | null {
  const first = buf[start];
  if (first === undefined) return null;
  let keyEnd: number;
  let key: string;
  if (first === DQUOTE || first === SQUOTE) {
    const close = closingQuote(buf, start, end);
    if (close < 0) return null;
    key = quotedText(buf, start, close);
    keyEnd = close + 1;
    while (keyEnd < end && buf[keyEnd] === SPACE) keyEnd++;
    if (buf[keyEnd] !== COLON) return null;
  } else {
    if (INDICATORS.has(first)) return null;
    // `- `, `? ` and `: ` at the start are a sequence item, a complex key, an empty key.
    if (
      (first === DASH || first === 0x3f || first === COLON) &&
      isBreakOrSpace(buf, start + 1, end)
    )
      return null;
    keyEnd = -1;
    for (let i = start; i < end; i++) {
      const c = buf[i];
      if (c === COLON && isBreakOrSpace(buf, i + 1, end)) {
        keyEnd = i;
        break;
      }
      if (c === HASH && i > start && (buf[i - 1] === SPACE || buf[i - 1] === TAB)) return null;
    }
    if (keyEnd < 0) return null;
    let k = keyEnd;
    while (k > start && (buf[k - 1] === SPACE || buf[k - 1] === TAB)) k--;
    key = decode(buf, start, k);
  }
  // Past the colon: the value, if any, on the same line.
  let v = keyEnd + 1;
  while (v < end && (buf[v] === SPACE || buf[v] === TAB)) v++;
  let e = end;
  while (e > v && (buf[e - 1] === SPACE || buf[e - 1] === TAB)) e--;
  return { key, value: decode(buf, v, e) };
}

function isBreakOrSpace(buf: Uint8Array, i: number, end: number): boolean {
  return i >= end || buf[i] === SPACE || buf[i] === TAB;
}

/** Index of the quote closing the quoted scalar opened at `start`, or -1 (also for escapes). */
function closingQuote(buf: Uint8Array, start: number, end: number): number {
  const q = buf[start];
  for (let i = start + 1; i < end; i++) {
    const c = buf[i];
    if (q === DQUOTE && c === BACKSLASH) return -1; // escapes: left to the full parser
    if (c === q) {
      if (q === SQUOTE && buf[i + 1] === SQUOTE) {
        i++; // '' is an escaped quote
        continue;
      }
      return i;
    }
  }
  return -1;
}

function quotedText(buf: Uint8Array, open: number, close: number): string {
  const text = decode(buf, open + 1, close);
  return buf[open] === SQUOTE ? text.replaceAll("''", "'") : text;
}

const decoder = new TextDecoder('utf-8');
function decode(buf: Uint8Array, start: number, end: number): string {
  return decoder.decode(buf.subarray(start, end));
}

/** A value that is empty or only a comment. */
function isEmptyValue(value: string): boolean {
  return value === '' || value.startsWith('#');
}

/**
 * A scalar value (what failsafe YAML reads) if it is complete on its line, else null: plain or
 * quoted, with an optional trailing comment.
 */
function readScalar(value: string): string | null {
  const first = value.charCodeAt(0);
  if (first === DQUOTE || first === SQUOTE) {
    const bytes = Buffer.from(value, 'utf8');
    const close = closingQuote(bytes, 0, bytes.length);
    if (close < 0) return null;
    const rest = decode(bytes, close + 1, bytes.length).trim();
    if (rest !== '' && !rest.startsWith('#')) return null;
    return quotedText(bytes, 0, close);
  }
  if (value === '' || INDICATORS.has(first)) return null;
  if ((first === DASH || first === 0x3f || first === COLON) && /^.(?:\s|$)/.test(value))
    return null;
  const comment = value.search(/[ \t]#/);
  const text = (comment >= 0 ? value.slice(0, comment) : value).trimEnd();
  // `a: b` in a value is a nested mapping (an error in a block mapping); `x:` likewise.
  if (/:(?:[ \t]|$)/.test(text)) return null;
  return text;
}

type Phase = 'start' | 'top' | 'entries';

/** The `reason` of an unrecognised scan whose document starts with `{` or `[`. */
export const JSON_DOCUMENT = 'JSON or flow-style document';

/** Longest line the scanner holds while it straddles chunks. */
const MAX_LINE_BYTES = 1 << 20;

/**
 * The streaming line scanner. Feed it the index in chunks with `push` (lines may straddle
 * chunks) and call `end` for the result. It keeps only the current partial line and the versions
 * found, whatever the size of the index.
 */
export class IndexYamlScanner {
  private readonly chart: string;
  private carry: Buffer[] = [];
  private carried = 0;
  private lineNo = 0;
  private verdict: IndexScan | null = null;
  /** The first significant byte is `{` or `[`: a JSON (or flow YAML) document. */
  private json = false;

  private phase: Phase = 'start';
  private readonly topKeys = new Set<string>();
  /** Indent of the chart names under `entries:` (-1 until the first one). */
  private entriesIndent = -1;
  private found = false;
  private inChart = false;
  private readonly versions: string[] = [];
  /** Indent of the `-` of the chart's items, and of the keys within the current item. */
  private dashIndent = -1;
  private keyIndent = -1;
  private itemHasVersion = false;
  /** The previous significant line was the item's `version:`: a deeper line would continue it. */
  private afterVersion = false;

  constructor(chart: string) {
    this.chart = chart;
  }

  /** True once the scanner has given up; the rest of the input need not be pushed. */
  get done(): boolean {
    return this.verdict !== null || this.json;
  }

  /** Whether the document is JSON (or flow-style YAML); `end` then reports it unrecognised. */
  get isJson(): boolean {
    return this.json;
  }

  push(data: Uint8Array): void {
    if (this.done) return;
    // A Buffer view (no copy) for its native, memchr-backed indexOf.
    const chunk = Buffer.isBuffer(data)
      ? data
      : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    if (this.phase === 'start' && this.carry.length === 0) this.sniff(chunk);
    let pos = 0;
    if (this.carry.length > 0) {
      const nl = chunk.indexOf(LF);
      if (nl < 0) {
        // A line longer than a chunk: its pieces are joined once, when it ends.
        this.hold(chunk);
        return;
      }
      const line = Buffer.concat([...this.carry, chunk.subarray(0, nl)]);
      this.carry = [];
      this.carried = 0;
      this.line(line, 0, line.length);
      pos = nl + 1;
    }
    while (pos < chunk.length && !this.done) {
      const nl = chunk.indexOf(LF, pos);
      if (nl < 0) {
        this.hold(chunk.subarray(pos));
        return;
      }
      this.line(chunk, pos, nl);
      pos = nl + 1;
    }
  }

  /**
   * Keep the start of a line that goes on in the next chunk. A line of more than a MiB is no
   * index the scanner reads (and a body without newlines would otherwise be held whole here).
   */
  private hold(piece: Buffer): void {
    this.carried += piece.length;
    if (this.carried > MAX_LINE_BYTES) {
      this.carry = [];
      this.carried = 0;
      this.giveUp(`a line longer than ${MAX_LINE_BYTES} bytes`);
      return;
    }
    this.carry.push(piece);
  }

  /** Recognise a JSON document from its first byte, before its first (maybe only) line ends. */
  private sniff(chunk: Buffer): void {
    let i = 0;
    if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
    while (i < chunk.length && (chunk[i] === SPACE || chunk[i] === TAB || chunk[i] === CR)) i++;
    if (chunk[i] === 0x7b || chunk[i] === 0x5b) this.json = true;
  }

  end(): IndexScan {
    if (this.carry.length > 0 && !this.done) {
      const last = Buffer.concat(this.carry);
      this.carry = [];
      this.line(last, 0, last.length);
    }
    if (this.verdict) return this.verdict;
    if (this.json) return { status: 'unrecognised', line: 1, reason: JSON_DOCUMENT };
    return this.found ? { status: 'found', versions: this.versions } : { status: 'absent' };
  }

  private giveUp(reason: string): void {
    this.verdict = { status: 'unrecognised', line: this.lineNo, reason };
  }

  private line(buf: Uint8Array, start: number, end: number): void {
    this.lineNo++;
    let s = start;
    let e = end;
    if (e > s && buf[e - 1] === CR) e--;
    if (this.lineNo === 1 && buf[s] === 0xef && buf[s + 1] === 0xbb && buf[s + 2] === 0xbf) s += 3;
    let i = s;
    while (i < e && buf[i] === SPACE) i++;
    if (i < e && buf[i] === TAB) {
      let j = i;
      while (j < e && (buf[j] === SPACE || buf[j] === TAB)) j++;
      if (j === e) return; // a blank line
      return this.giveUp('tab in indentation');
    }
    if (i === e) return; // a blank line
    const c = buf[i];
    if (c === HASH) return; // a comment line
    const indent = i - s;

    if (this.phase === 'start') {
      if (c === 0x7b || c === 0x5b) {
        this.json = true;
        return;
      }
      if (c === 0x25) return this.giveUp('YAML directive');
      if (isMarker(buf, i, e, DASH)) {
        if (indent === 0 && isEmptyValue(decode(buf, i + 3, e).trim())) return; // `---`
        return this.giveUp('content after ---');
      }
      if (indent > 0) return this.giveUp('indented top-level mapping');
      this.phase = 'top';
    }

    if (indent === 0) return this.topLevel(buf, i, e);
    if (this.phase !== 'entries') return; // inside another top-level key's value
    if (this.entriesIndent < 0) this.entriesIndent = indent;
    const entriesIndent = this.entriesIndent;
    if (indent < entriesIndent) return this.giveUp('line less indented than the chart names');
    const dash = c === DASH && isBreakOrSpace(buf, i + 1, e);

    if (indent === entriesIndent && !dash) {
      this.closeItem();
      this.inChart = false;
      return this.chartKey(buf, i, e);
    }
    if (!this.inChart) return; // another chart's items

    if (this.dashIndent < 0) {
      if (!dash) return this.giveUp('chart entry is not a block sequence');
      this.dashIndent = indent;
    }
    if (indent < this.dashIndent) return this.giveUp('line less indented than the chart items');
    if (indent === this.dashIndent) {
      if (!dash) return this.giveUp('key beside the chart items');
      return this.item(buf, i, e);
    }
    // Deeper than the dash: a key of the current item, or something nested in one.
    if (this.keyIndent < 0) this.keyIndent = indent;
    if (indent < this.keyIndent) return this.giveUp('item key less indented than the first');
    if (indent > this.keyIndent || dash) {
      // Nested content (or an indentless sequence under the previous key). After `version:`
      // it would be a continuation of the version (or an error): not ours to judge.
      if (this.afterVersion) return this.giveUp('line continuing an item version');
      return;
    }
    this.itemKey(buf, i, e);
  }

  private topLevel(buf: Uint8Array, i: number, e: number): void {
    this.closeItem();
    this.inChart = false;
    if (isMarker(buf, i, e, DASH) || isMarker(buf, i, e, 0x2e)) {
      return this.giveUp('document marker after content');
    }
    const kv = readKeyLine(buf, i, e);
    if (!kv) return this.giveUp('top-level line is not a `key: value` entry');
    if (this.topKeys.has(kv.key)) return this.giveUp(`duplicate top-level key ${kv.key}`);
    this.topKeys.add(kv.key);
    if (kv.key === 'entries') {
      if (isEmptyValue(kv.value)) {
        this.phase = 'entries';
        this.entriesIndent = -1;
        return;
      }
      if (/^\{\s*\}\s*(?:#.*)?$/.test(kv.value)) {
        this.phase = 'top';
        return;
      }
      return this.giveUp('entries is not a block mapping');
    }
    this.phase = 'top';
    // Another key: its value may run on over more-indented lines, which are skipped. A flow
    // collection or an unclosed quoted scalar could do otherwise, so they are not guessed at.
    const v = kv.value.charCodeAt(0);
    if (v === 0x7b || v === 0x5b) return this.giveUp(`flow collection under ${kv.key}`);
    if ((v === DQUOTE || v === SQUOTE) && readScalar(kv.value) === null) {
      return this.giveUp(`quoted scalar under ${kv.key} the scanner does not read`);
    }
  }

  private chartKey(buf: Uint8Array, i: number, e: number): void {
    const kv = readKeyLine(buf, i, e);
    if (!kv) return this.giveUp('chart name line is not a `name:` entry');
    const empty =
      isEmptyValue(kv.value) || /^(?:\[\s*\]|~|null|Null|NULL)\s*(?:#.*)?$/.test(kv.value);
    if (!empty) return this.giveUp(`chart ${kv.key} is not a block sequence`);
    if (kv.key !== this.chart) return;
    if (this.found) return this.giveUp(`chart ${kv.key} is listed twice`);
    this.found = true;
    this.inChart = isEmptyValue(kv.value);
    this.dashIndent = -1;
    this.keyIndent = -1;
    this.itemHasVersion = false;
    this.afterVersion = false;
  }

  /** A `- ` line at the items' indent: a new item, possibly with its first key on the line. */
  private item(buf: Uint8Array, i: number, e: number): void {
    this.closeItem();
    let k = i + 1;
    while (k < e && buf[k] === SPACE) k++;
    if (k < e && buf[k] === TAB) return this.giveUp('tab after -');
    this.keyIndent = -1;
    if (k === e || buf[k] === HASH) return; // keys on the following lines
    this.keyIndent = k - (i - this.dashIndent);
    this.itemKey(buf, k, e);
  }

  private itemKey(buf: Uint8Array, i: number, e: number): void {
    this.afterVersion = false;
    const kv = readKeyLine(buf, i, e);
    if (!kv) return this.giveUp('item line is not a `key: value` entry');
    if (kv.key === '<<') return this.giveUp('merge key');
    if (kv.key !== 'version') return;
    if (this.itemHasVersion) return this.giveUp('item has two versions');
    const version = readScalar(kv.value);
    if (version === null) return this.giveUp('version is not a one-line scalar');
    this.itemHasVersion = true;
    this.afterVersion = true;
    this.versions.push(version);
  }

  private closeItem(): void {
    this.itemHasVersion = false;
    this.afterVersion = false;
  }
}

/** `---` or `...` followed by a space or the end of the line. */
function isMarker(buf: Uint8Array, i: number, e: number, c: number): boolean {
  return buf[i] === c && buf[i + 1] === c && buf[i + 2] === c && isBreakOrSpace(buf, i + 3, e);
}

/** Scan a whole YAML index held in memory (see `IndexYamlScanner`). */
export function scanYamlIndex(body: Uint8Array, chart: string): IndexScan {
  const scanner = new IndexYamlScanner(chart);
  scanner.push(body);
  return scanner.end();
}

// ---------------------------------------------------------------------------------------------
// JSON

class Unrecognised extends Error {}

/**
 * Read the requested chart's versions from a JSON index without building it: every other value
 * is stepped over byte by byte. Anything unexpected (a non-object at the top, a version that is
 * not a string, a duplicate key, invalid JSON) is reported unrecognised, for `parseIndexFull` to
 * judge.
 */
export function scanJsonIndex(buf: Uint8Array, chart: string): IndexScan {
  const p = new JsonSkimmer(buf);
  try {
    let result: IndexScan = { status: 'absent' };
    let sawEntries = false;
    p.ws();
    p.objectEntries((key) => {
      if (key !== 'entries') return p.skipValue();
      if (sawEntries) throw new Unrecognised('duplicate entries');
      sawEntries = true;
      if (p.literal('null')) return;
      let sawChart = false;
      p.objectEntries((name) => {
        if (name !== chart) return p.skipValue();
        if (sawChart) throw new Unrecognised(`chart ${name} is listed twice`);
        sawChart = true;
        const versions: string[] = [];
        result = { status: 'found', versions };
        if (p.literal('null')) return;
        p.arrayItems(() => {
          if (p.literal('null')) return;
          let sawVersion = false;
          p.objectEntries((field) => {
            if (field !== 'version') return p.skipValue();
            if (sawVersion) throw new Unrecognised('item has two versions');
            sawVersion = true;
            if (p.literal('null')) return;
            if (p.peek() !== DQUOTE) throw new Unrecognised('version is not a string');
            versions.push(p.string());
          });
        });
      });
    });
    p.ws();
    if (!p.atEnd()) throw new Unrecognised('content after the document');
    return result;
  } catch (err) {
    if (err instanceof Unrecognised) {
      return { status: 'unrecognised', line: p.lineAt(), reason: err.message };
    }
    throw err;
  }
}

class JsonSkimmer {
  pos = 0;
  constructor(private readonly buf: Uint8Array) {
    if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) this.pos = 3;
  }

  atEnd(): boolean {
    return this.pos >= this.buf.length;
  }

  peek(): number | undefined {
    return this.buf[this.pos];
  }

  lineAt(): number {
    let n = 1;
    for (let i = 0; i < Math.min(this.pos, this.buf.length); i++) if (this.buf[i] === LF) n++;
    return n;
  }

  ws(): void {
    const b = this.buf;
    let i = this.pos;
    for (;;) {
      const c = b[i];
      if (c === SPACE || c === LF || c === CR || c === TAB) i++;
      else break;
    }
    this.pos = i;
  }

  expect(c: number): void {
    this.ws();
    if (this.buf[this.pos] !== c) throw new Unrecognised(`expected ${String.fromCharCode(c)}`);
    this.pos++;
  }

  literal(word: string): boolean {
    this.ws();
    for (let k = 0; k < word.length; k++) {
      if (this.buf[this.pos + k] !== word.charCodeAt(k)) return false;
    }
    this.pos += word.length;
    return true;
  }

  /** `{ "k": v, … }`, calling `each` with the value's key and the position at the value. */
  objectEntries(each: (key: string) => void): void {
    this.expect(0x7b);
    this.ws();
    if (this.buf[this.pos] === 0x7d) {
      this.pos++;
      return;
    }
    for (;;) {
      this.ws();
      if (this.buf[this.pos] !== DQUOTE) throw new Unrecognised('expected a key');
      const key = this.string();
      this.expect(COLON);
      this.ws();
      each(key);
      this.ws();
      const c = this.buf[this.pos++];
      if (c === 0x7d) return;
      if (c !== 0x2c) throw new Unrecognised('expected , or }');
    }
  }

  arrayItems(each: () => void): void {
    this.expect(0x5b);
    this.ws();
    if (this.buf[this.pos] === 0x5d) {
      this.pos++;
      return;
    }
    for (;;) {
      this.ws();
      each();
      this.ws();
      const c = this.buf[this.pos++];
      if (c === 0x5d) return;
      if (c !== 0x2c) throw new Unrecognised('expected , or ]');
    }
  }

  /** A string at the position, decoded. */
  string(): string {
    const start = this.pos;
    const end = this.stringEnd(start);
    this.pos = end + 1;
    let escaped = false;
    for (let i = start + 1; i < end; i++) {
      if (this.buf[i] === BACKSLASH) {
        escaped = true;
        break;
      }
    }
    const raw = decode(this.buf, start, end + 1);
    if (!escaped) return raw.slice(1, -1);
    try {
      return JSON.parse(raw) as string;
    } catch {
      throw new Unrecognised('invalid string');
    }
  }

  /** Index of the closing quote of the string opening at `start`. */
  private stringEnd(start: number): number {
    const b = this.buf;
    let i = start + 1;
    for (;;) {
      const q = b.indexOf(DQUOTE, i);
      if (q < 0) throw new Unrecognised('unterminated string');
      let slashes = 0;
      for (let k = q - 1; k > start && b[k] === BACKSLASH; k--) slashes++;
      if (slashes % 2 === 0) return q;
      i = q + 1;
    }
  }

  /** Step over one value of any kind. */
  skipValue(): void {
    this.ws();
    const b = this.buf;
    const c = b[this.pos];
    if (c === DQUOTE) {
      this.pos = this.stringEnd(this.pos) + 1;
      return;
    }
    if (c === 0x7b || c === 0x5b) {
      let depth = 0;
      let i = this.pos;
      for (;;) {
        const d = b[i];
        if (d === undefined) throw new Unrecognised('unterminated value');
        if (d === DQUOTE) {
          i = this.stringEnd(i) + 1;
          continue;
        }
        if (d === 0x7b || d === 0x5b) depth++;
        else if (d === 0x7d || d === 0x5d) {
          depth--;
          if (depth === 0) {
            this.pos = i + 1;
            return;
          }
        }
        i++;
      }
    }
    // A number or a literal: up to the next delimiter.
    let i = this.pos;
    while (i < b.length) {
      const d = b[i];
      if (
        d === 0x2c ||
        d === 0x7d ||
        d === 0x5d ||
        d === SPACE ||
        d === LF ||
        d === CR ||
        d === TAB
      )
        break;
      i++;
    }
    const word = decode(b, this.pos, i);
    if (!/^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)$/.test(word)) {
      throw new Unrecognised('invalid value');
    }
    this.pos = i;
  }
}

// ---------------------------------------------------------------------------------------------
// Full parse

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a sequence';
  return typeof v === 'object' ? 'a mapping' : `a ${typeof v}`;
}

/** Failsafe YAML reads `~`, `null` and empty values as strings; Go's YAML reads them as null. */
function isNullish(v: unknown): boolean {
  return (
    v === null ||
    v === undefined ||
    v === '' ||
    v === '~' ||
    v === 'null' ||
    v === 'Null' ||
    v === 'NULL'
  );
}

/**
 * Parse an index whole (YAML with the failsafe schema, or JSON) and return the chart's versions,
 * or null when the chart is not listed. Throws `IndexFormatError` when the text is not YAML/JSON
 * or not shaped like an index (`entries` a mapping of sequences of mappings).
 */
export function parseIndexFull(text: string, chart: string): string[] | null {
  return chartVersionsIn(parseIndexDocument(text), chart);
}

/**
 * The first half of `parseIndexFull`: the whole text parsed (YAML with the failsafe schema, or
 * JSON), not yet checked. Split out so that a caller asking about several charts of one index
 * (the scanner tests' oracle) parses it once.
 */
export function parseIndexDocument(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let doc: unknown;
  let parsed = false;
  if (/^\s*[[{]/.test(body)) {
    try {
      doc = JSON.parse(body);
      parsed = true;
    } catch {
      // Flow-style YAML is not JSON; let the YAML parser have it.
    }
  }
  if (!parsed) {
    try {
      doc = parseYaml(body, { schema: 'failsafe', merge: true, maxAliasCount: 10_000 });
    } catch (err) {
      const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
      throw new IndexFormatError(message ?? 'not YAML', { cause: err });
    }
  }
  return doc;
}

/** The second half of `parseIndexFull`: one chart's versions from a parsed index. */
export function chartVersionsIn(doc: unknown, chart: string): string[] | null {
  if (isNullish(doc)) return null;
  if (!isRecord(doc)) throw new IndexFormatError(`the index is ${kindOf(doc)}, not a mapping`);
  const entries = doc.entries;
  if (isNullish(entries)) return null;
  if (!isRecord(entries))
    throw new IndexFormatError(`entries is ${kindOf(entries)}, not a mapping`);
  if (!Object.hasOwn(entries, chart)) return null;
  const items = entries[chart];
  if (isNullish(items)) return [];
  if (!Array.isArray(items)) {
    throw new IndexFormatError(`entries.${chart} is ${kindOf(items)}, not a sequence`);
  }
  const versions: string[] = [];
  for (const [n, item] of items.entries()) {
    if (isNullish(item)) continue;
    if (!isRecord(item)) {
      throw new IndexFormatError(`entries.${chart}[${n}] is ${kindOf(item)}, not a mapping`);
    }
    const v = item.version;
    if (v === undefined || v === null) continue;
    if (typeof v === 'number' || typeof v === 'boolean') versions.push(String(v));
    else if (typeof v === 'string') versions.push(v);
    else {
      throw new IndexFormatError(`entries.${chart}[${n}].version is ${kindOf(v)}, not a string`);
    }
  }
  return versions;
}

/** How `readChartVersions` got its answer. */
export type IndexReadMethod = 'yaml-scanner' | 'json-scanner' | 'full-parse';

export interface IndexRead {
  /** The chart's versions in file order, or null when the index does not list the chart. */
  versions: string[] | null;
  method: IndexReadMethod;
  /** Why the scanner handed over to the full parser. */
  fallbackReason?: string;
}

/**
 * The chart's versions from a whole index. `scan` is the result of an `IndexYamlScanner` already
 * fed the same bytes while they arrived (it is run here when not given).
 */
export function readChartVersions(
  body: Uint8Array | (() => Uint8Array),
  chart: string,
  scan?: IndexScan,
): IndexRead {
  const bytes = (): Uint8Array => (typeof body === 'function' ? body() : body);
  let result = scan ?? scanYamlIndex(bytes(), chart);
  let method: IndexReadMethod = 'yaml-scanner';
  if (result.status === 'unrecognised' && result.reason === JSON_DOCUMENT) {
    result = scanJsonIndex(bytes(), chart);
    method = 'json-scanner';
  }
  if (result.status === 'found') return { versions: result.versions, method };
  if (result.status === 'absent') return { versions: null, method };
  // The scanners do not read this layout: parse the index whole.
  const versions = parseIndexFull(decoder.decode(bytes()), chart);
  return {
    versions,
    method: 'full-parse',
    fallbackReason: `line ${result.line}: ${result.reason}`,
  };
}
