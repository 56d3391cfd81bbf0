/**
 * Format-preserving YAML edits for the `yaml-update` step.
 *
 * Kargo's `yaml-update` (pkg/yaml `UpdateField`, go-yaml v3 nodes) decodes the file and encodes it
 * again, which re-indents and re-quotes everything. gantry instead splices the text: it parses the
 * file with the `yaml` package, finds the byte range of each value a key addresses, and replaces
 * only those bytes. Everything else (comments, including one after the value on the same line,
 * blank lines, indentation, anchors, aliases, document markers, CRLF line endings, flow style)
 * stays as it was. After all edits the result is parsed again and compared with the intended
 * document (the original with the updates applied to its model); a mismatch is an OperationError
 * and nothing is written.
 *
 * Semantics (Kargo's where it has them):
 * - Keys follow `splitKey` (keypath.ts). On a mapping a numeric part is the key `String(n)`; on a
 *   sequence it is an index (`-1` and an index past the end append, with `create` below), below
 *   -1 is an error. The legacy `[n]` form indexes too.
 * - A key must address a scalar that exists, as in Kargo's yaml-update: a missing key is the
 *   error `key path not found` (a misspelt key would otherwise add a key nobody reads and leave
 *   the real one as it was), and a key that holds a mapping or a sequence is the error `key path
 *   does not address a scalar node` (replacing a whole subtree is never what an image bump means).
 * - An update with `create: true` may add what is missing (helm-update-chart and
 *   kustomize-set-image ask for this too): a new `key: value` line at the mapping's indentation
 *   after its last entry, with block mappings for missing intermediate keys; an index past the
 *   end of a sequence (or `-1`) appends. A key whose value is empty or `null` (`root:`) gets the
 *   new mapping nested under it. A path that runs through a non-null scalar is an error even then
 *   (that would lose data).
 * - Aliases are followed (Kargo does): `alias.key` edits the anchored node, so every alias of it
 *   sees the change. When the key addresses the alias itself, the alias is replaced by the value.
 * - Strings keep the quoting style of the old value: double stays double, single stays single,
 *   plain stays plain unless the string would then read as something else (a number, bool, null,
 *   in YAML 1.2 or 1.1, since Helm reads values with a YAML 1.1 parser) or is not valid as a plain
 *   scalar there; then it is double-quoted. A block scalar (`|`, `>`) replaced by a multi-line
 *   string stays a block scalar with fitting chomping (`>` is written as `|`: folding would change
 *   the text); replaced by a one-line string it becomes a one-line scalar.
 * - An explicit tag (`!!str 1`) stays; a value the tag cannot hold is an error.
 * - Numbers, booleans and null are written plain (Kargo would keep the old quotes, turning 3 into
 *   "3"; gantry writes the type it was given). Objects and arrays are written in flow style on one
 *   line (`{a: 1, b: [x, y]}`), so a diff stays on the line of the key.
 * - Multi-document files: Kargo decodes only the first document and writes only it back, dropping
 *   the rest. gantry refuses a multi-document file unless `options.document` (0-based) says which
 *   document the keys address.
 */
import { isDeepStrictEqual } from 'node:util';
import {
  Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parse as parseYaml,
  parseAllDocuments,
  Scalar,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { ConfigError, OperationError, type Problem } from '../util/errors.js';
import { didYouMean } from '../util/suggest.js';
import { indexOf, KeyPathError, lookupKey, splitKey, type KeyPart } from './keypath.js';

export interface ValueUpdate {
  key: string;
  value: unknown;
  /** Add the key (and missing parents) when the file lacks it, instead of failing. */
  create?: boolean;
}

export interface YamlEditOptions {
  /** 0-based document to edit in a multi-document file (required there). */
  document?: number;
  /** Filled with the value each key had before the edit (undefined when it did not exist). */
  previous?: Map<string, unknown>;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

type Parsed = ReturnType<typeof parseAllDocuments>;
type YDoc = Parsed extends (infer D)[] ? D : never;

export function setYamlValues(
  text: string,
  updates: readonly ValueUpdate[],
  where: string,
  options: YamlEditOptions = {},
): string {
  const planned = updates.map((u) => ({
    key: u.key,
    parts: parseKey(u.key, where),
    value: checkValue(u.value, u.key, where),
    create: u.create === true,
  }));
  if (planned.length === 0) return text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';

  const original = parseDocs(text, where);
  const docIndex = chooseDocument(original, where, options, text);
  const expected = parseDocs(text, where);
  if (options.previous) {
    const before = original[docIndex]?.toJS({ maxAliasCount: -1 }) as unknown;
    for (const u of planned) options.previous.set(u.key, lookupKey(before, u.parts));
  }

  let out = text;
  for (const u of planned) {
    const docs = out === text ? original : parseDocs(out, where);
    const doc = docs[docIndex];
    const model = expected[docIndex];
    if (!doc || !model)
      throw new OperationError(`${where}: document ${docIndex} vanished while editing`);
    const ctx: Ctx = { text: out, eol, where, key: u.key, doc, create: u.create };
    const edit = locate(ctx, doc.contents, u.parts, 0, u.value, { indent: 0, flow: false });
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    applyToModel(model, u.parts, u.value);
  }

  const result = parseDocs(out, where, 'the edited file');
  const want = expected.map((d) => d.toJS({ maxAliasCount: -1 }) as unknown);
  const got = result.map((d) => d.toJS({ maxAliasCount: -1 }) as unknown);
  if (result.length !== expected.length || !isDeepStrictEqual(got, want)) {
    throw new OperationError(
      `${where}: yaml-update: the edited file does not read back as intended (keys ${planned
        .map((p) => p.key)
        .join(', ')}); nothing was changed. This is a gantry bug: please report it with the file.`,
    );
  }
  return out;
}

/** Kargo's yaml-update commit message: `Updated <path>` and one `- key: value` line per update. */
export function yamlUpdateCommitMessage(path: string, updates: readonly ValueUpdate[]): string {
  if (updates.length === 0) return '';
  let msg = `Updated ${path}\n`;
  for (const u of updates) msg += `\n- ${u.key}: ${goValue(quoteIfNecessary(u.value))}`;
  return msg;
}

/**
 * Kargo's `yaml.QuoteIfNecessary`: a string that would read as a number, a bool or JSON is
 * `%q`-quoted; other strings and non-strings are left alone.
 */
export function quoteIfNecessary(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (GO_FLOAT.test(value) || GO_BOOL.has(value) || isJson(value)) return goQuote(value);
  return value;
}

const GO_FLOAT =
  /^[+-]?((\d[\d_]*)?\.?\d[\d_]*([eE][+-]?\d+)?|\d+\.|0[xX][0-9a-fA-F_.]+([pP][+-]?\d+)?|inf|infinity|nan)$/i;
const GO_BOOL = new Set([
  '1',
  't',
  'T',
  'TRUE',
  'true',
  'True',
  '0',
  'f',
  'F',
  'FALSE',
  'false',
  'False',
]);

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

/** Go's `%q` for the strings we meet (JSON escaping matches it for printable text). */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** Go's `%v` for JSON-decoded values (numbers are float64 there). */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return goFloat(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function goFloat(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
  if (n === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 21 || (exp >= 6 && Number.isFinite(n))) {
    const [m, e] = n.toExponential().split('e') as [string, string];
    const sign = e.startsWith('-') ? '-' : '+';
    const digits = e.replace(/^[+-]/, '').padStart(2, '0');
    return `${m}e${sign}${digits}`;
  }
  return String(n);
}

// ---------------------------------------------------------------------------------------------

interface Ctx {
  text: string;
  eol: string;
  where: string;
  key: string;
  doc: YDoc;
  create: boolean;
}

interface Place {
  /** Column of the key (or `-`) that owns the node: nested block content goes 2 further. */
  indent: number;
  /** Inside a flow collection. */
  flow: boolean;
}

function parseKey(key: string, where: string): KeyPart[] {
  try {
    return splitKey(key);
  } catch (err) {
    if (err instanceof KeyPathError) {
      throw new ConfigError(`${where}: yaml-update: key ${JSON.stringify(key)}: ${err.message}`);
    }
    throw err;
  }
}

function checkValue(value: unknown, key: string, where: string): unknown {
  const ok = (v: unknown): boolean => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
    if (typeof v === 'number') return Number.isFinite(v);
    if (Array.isArray(v)) return v.every(ok);
    if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      return Object.values(v as object).every(ok);
    }
    return false;
  };
  if (!ok(value)) {
    throw new ConfigError(
      `${where}: yaml-update: key ${JSON.stringify(key)}: value must be a string, number, boolean, null, list or map`,
    );
  }
  return value;
}

function parseDocs(text: string, where: string, what = 'the file'): YDoc[] {
  const docs = parseAllDocuments(text, { keepSourceTokens: true });
  if (!Array.isArray(docs)) return [];
  for (const d of docs) {
    const err = d.errors[0];
    if (err) {
      const pos = err.linePos?.[0] ?? { line: 1, col: 1 };
      const message = `malformed YAML: ${(err.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`;
      const problem: Problem = { file: where, line: pos.line, column: pos.col, path: '', message };
      if (what === 'the file') throw new ConfigError(`${where}: ${message}`, [problem]);
      throw new OperationError(
        `${where}: ${what} is not valid YAML (${message}); this is a gantry bug`,
      );
    }
  }
  return docs;
}

function isEmptyDoc(d: YDoc): boolean {
  const c = d.contents;
  return c === null || (isScalar(c) && c.value === null && c.range?.[0] === c.range?.[1]);
}

function chooseDocument(
  docs: YDoc[],
  where: string,
  options: YamlEditOptions,
  text: string,
): number {
  const nonEmpty = docs.map((d, i) => (isEmptyDoc(d) ? -1 : i)).filter((i) => i >= 0);
  if (options.document !== undefined) {
    if (
      !Number.isInteger(options.document) ||
      options.document < 0 ||
      options.document >= docs.length
    ) {
      throw new ConfigError(
        `${where}: yaml-update: document ${options.document} does not exist (the file has ${docs.length})`,
      );
    }
    return options.document;
  }
  if (nonEmpty.length > 1) {
    const second = docs[nonEmpty[1] ?? 0];
    const line = lineCol(text, second?.range?.[0] ?? 0).line;
    throw new ConfigError(
      `${where}: yaml-update: the file holds ${nonEmpty.length} YAML documents (the second starts at line ${line}); ` +
        'yaml-update edits one document: say which with `document` (0-based)',
    );
  }
  if (nonEmpty.length === 0) {
    throw new ConfigError(`${where}: yaml-update: the file holds no YAML document to update`);
  }
  return nonEmpty[0] ?? 0;
}

function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function columnOf(text: string, offset: number): number {
  return lineCol(text, offset).column - 1;
}

function fail(ctx: Ctx, offset: number, message: string): never {
  const { line, column } = lineCol(ctx.text, offset);
  throw new ConfigError(`${ctx.where}: yaml-update failed`, [
    { file: ctx.where, line, column, path: ctx.key, message },
  ]);
}

/** The first `n` parts of a key, written back as a key path (`image.tag`). */
function joinKey(parts: readonly KeyPart[], n: number): string {
  return parts
    .slice(0, n)
    .map((p) => String(p).replace(/\\/g, '\\\\').replace(/\./g, '\\.'))
    .join('.');
}

/** Kargo's `key path not found`, saying what is missing and how to add it on purpose. */
function notFound(ctx: Ctx, offset: number, why: string): never {
  fail(
    ctx,
    offset,
    `key path not found: ${why}; yaml-update changes keys that exist (check the spelling), or set create: true on this update to add it`,
  );
}

/** Kargo's `key path does not address a scalar node`: a mapping or a sequence is never replaced. */
function requireScalar(ctx: Ctx, node: Node | null, offset: number): void {
  let target: unknown = node;
  if (isAlias(target)) target = target.resolve(ctx.doc);
  if (!isMap(target) && !isSeq(target)) return;
  const what = isMap(target)
    ? `a mapping (keys: ${(target as YAMLMap<unknown, unknown>).items
        .map((p) => keyString(p.key))
        .filter((k) => k !== undefined)
        .slice(0, 8)
        .join(', ')})`
    : `a sequence of ${(target as YAMLSeq<unknown>).items.length} items`;
  fail(
    ctx,
    offset,
    `key path does not address a scalar node: it holds ${what}; yaml-update sets one scalar value, so address a key inside it`,
  );
}

function keyString(node: unknown): string | undefined {
  if (isScalar(node)) return node.value === null ? '' : String(node.value);
  return undefined;
}

function isNullScalar(node: unknown): node is Scalar {
  return isScalar(node) && node.value === null;
}

function locate(
  ctx: Ctx,
  node: Node | null,
  parts: readonly KeyPart[],
  i: number,
  value: unknown,
  place: Place,
): Edit {
  const part = parts[i] ?? '';
  const last = i === parts.length - 1;
  let target: unknown = node;
  if (isAlias(target)) {
    const resolved = target.resolve(ctx.doc);
    if (!resolved) fail(ctx, target.range?.[0] ?? 0, `alias *${target.source} has no anchor`);
    target = resolved;
  }
  if (isMap(target)) {
    const map = target as YAMLMap<unknown, unknown>;
    const pair = map.items.find((p) => keyString(p.key) === String(part));
    if (!pair) {
      if (!ctx.create) {
        const keys = map.items.map((p) => keyString(p.key) ?? '').filter((k) => k !== '');
        const under = i === 0 ? 'at the top level' : `under ${JSON.stringify(joinKey(parts, i))}`;
        notFound(
          ctx,
          map.range?.[0] ?? 0,
          `there is no key ${JSON.stringify(String(part))} ${under}${didYouMean(String(part), keys)}`,
        );
      }
      return insertIntoMap(ctx, map, parts.slice(i), value, place);
    }
    const keyStart = (pair.key as Node).range?.[0] ?? 0;
    const childPlace: Place = {
      indent: columnOf(ctx.text, keyStart),
      flow: place.flow || !!map.flow,
    };
    const child = pair.value as Node | null;
    if (last) {
      requireScalar(ctx, child, keyStart);
      return replaceValue(ctx, child, value, childPlace, pair);
    }
    return locate(ctx, child, parts, i + 1, value, childPlace);
  }
  if (isSeq(target)) {
    const seq = target as YAMLSeq<unknown>;
    const index = indexOf(part);
    const at = seq.range?.[0] ?? 0;
    if (index === undefined) {
      fail(
        ctx,
        at,
        `${JSON.stringify(String(part))} is not an index, and the node there is a sequence`,
      );
    }
    if (index < -1) fail(ctx, at, `invalid negative index: ${index}`);
    if (index === -1 || index >= seq.items.length) {
      if (!ctx.create) {
        const where = i === 0 ? 'at the top level' : `at ${JSON.stringify(joinKey(parts, i))}`;
        notFound(
          ctx,
          at,
          index === -1
            ? `index -1 appends an item to the sequence ${where}`
            : `the sequence ${where} has ${seq.items.length} item${seq.items.length === 1 ? '' : 's'}, so there is no item ${index}`,
        );
      }
      return appendToSeq(ctx, seq, parts.slice(i + 1), value, place);
    }
    const item = seq.items[index] as Node | null;
    const itemPlace: Place = {
      indent: seq.flow ? place.indent : columnOf(ctx.text, at),
      flow: place.flow || !!seq.flow,
    };
    if (last) {
      requireScalar(ctx, item, at);
      return replaceValue(ctx, item, value, itemPlace);
    }
    return locate(ctx, item, parts, i + 1, value, itemPlace);
  }
  if (isNullScalar(target)) {
    if (!ctx.create) {
      notFound(
        ctx,
        target.range?.[0] ?? 0,
        `${JSON.stringify(joinKey(parts, i))} is empty, so there is no key ${JSON.stringify(String(part))} under it`,
      );
    }
    return replaceValue(ctx, target, nest(parts.slice(i), value), place, undefined, true);
  }
  const at = (target as Node | null)?.range?.[0] ?? 0;
  fail(
    ctx,
    at,
    `cannot set ${JSON.stringify(String(part))}: the value there is a scalar, not a mapping or sequence`,
  );
}

/** `['a', 'b'], v` ⇒ `{a: {b: v}}` (numbers become keys: created structure is always mappings, as in Kargo). */
function nest(parts: readonly KeyPart[], value: unknown): unknown {
  let v = value;
  for (let i = parts.length - 1; i >= 0; i--) v = { [String(parts[i])]: v };
  return v;
}

function replaceValue(
  ctx: Ctx,
  node: Node | null,
  value: unknown,
  place: Place,
  pair?: Pair<unknown, unknown>,
  blockNest = false,
): Edit {
  const { text } = ctx;
  if (!node || !node.range) {
    // `key:` with nothing at all: append after the key's `:`.
    const keyEnd = (pair?.key as Node | undefined)?.range?.[1] ?? 0;
    const colon = text.indexOf(':', keyEnd);
    return { start: colon + 1, end: colon + 1, text: ` ${renderFlow(value, place.flow)}` };
  }
  const [start, end] = node.range;
  const collection = value !== null && typeof value === 'object';

  if (blockNest && !place.flow && collection) {
    // An empty/null value gets a nested block mapping: `root:` ⇒ `root:\n  new:\n    key: v`.
    const from = afterIndicator(text, start);
    if (from < 0)
      fail(ctx, start, 'cannot nest a mapping under a value that is followed by a comment');
    const lines = blockLines(value as Record<string, unknown>, place.indent + 2, ctx.eol);
    return { start: from, end, text: ctx.eol + lines.join(ctx.eol) };
  }

  if (isScalar(node) && !(isMap(node) || isSeq(node))) {
    checkTag(ctx, node, value);
    const type = node.type;
    if (type === Scalar.BLOCK_LITERAL || type === Scalar.BLOCK_FOLDED) {
      const endsWithNewline = text[end - 1] === '\n';
      if (typeof value === 'string' && value.includes('\n')) {
        const block = renderBlock(value, contentIndent(text, start, place.indent + 2), ctx.eol);
        if (block !== undefined)
          return { start, end, text: block + (endsWithNewline ? ctx.eol : '') };
      }
      const one = collection
        ? renderFlow(value, place.flow)
        : renderScalar(value, Scalar.PLAIN, place.flow);
      return { start, end, text: one + (endsWithNewline ? ctx.eol : '') };
    }
    const rendered = collection
      ? renderFlow(value, place.flow)
      : renderScalar(value, type, place.flow, node.tag !== undefined);
    if (start === end && text[start - 1] !== ' ' && text[start - 1] !== '\t') {
      return { start, end, text: ` ${rendered}` };
    }
    return { start, end, text: rendered };
  }

  if (isAlias(node)) {
    return { start, end, text: renderFlow(value, place.flow) };
  }

  // requireScalar stops every update that addresses a mapping or a sequence before this point.
  throw new OperationError(
    `${ctx.where}: yaml-update: key ${JSON.stringify(ctx.key)} addresses a collection (this is a gantry bug)`,
  );
}

const CORE_TAG_TYPES: Record<string, string> = {
  'tag:yaml.org,2002:str': 'string',
  'tag:yaml.org,2002:int': 'number',
  'tag:yaml.org,2002:float': 'number',
  'tag:yaml.org,2002:bool': 'boolean',
  'tag:yaml.org,2002:null': 'null',
};

/** An explicit tag stays in the file (it is outside the value's bytes): the new value must fit it. */
function checkTag(ctx: Ctx, node: Scalar, value: unknown): void {
  if (!node.tag) return;
  const type = value === null ? 'null' : typeof value;
  const wanted = CORE_TAG_TYPES[node.tag] ?? 'string';
  if (type !== wanted || (node.tag === 'tag:yaml.org,2002:int' && !Number.isInteger(value))) {
    fail(
      ctx,
      node.range?.[0] ?? 0,
      `the value there has the explicit tag ${node.tag.replace('tag:yaml.org,2002:', '!!')}, which a ${type} cannot keep`,
    );
  }
}

/** Offset just after the `:` or `-` that introduces the node at `start`, or -1 past a comment. */
function afterIndicator(text: string, start: number): number {
  let i = start - 1;
  while (i >= 0 && ' \t\r\n'.includes(text[i] ?? 'x')) i--;
  if (i >= 0 && (text[i] === ':' || text[i] === '-')) return i + 1;
  return text[i] === undefined ? 0 : -1;
}

function contentIndent(text: string, headerStart: number, fallback: number): string {
  const nl = text.indexOf('\n', headerStart);
  if (nl >= 0) {
    const m = /^([ ]*)\S/m.exec(text.slice(nl + 1));
    if (m?.[1]) return m[1];
  }
  return ' '.repeat(fallback);
}

function renderBlock(value: string, indent: string, eol: string): string | undefined {
  if (value.includes('\r') || hasControl(value.replace(/[\n\t]/g, ''))) return undefined;
  let chomp = '';
  let body = value;
  if (!value.endsWith('\n')) chomp = '-';
  else if (value.endsWith('\n\n')) {
    chomp = '+';
    body = value.slice(0, -1);
  } else body = value.slice(0, -1);
  const lines = body.split('\n');
  const first = lines.find((l) => l !== '');
  if (first === undefined || /^[ \t]/.test(first)) return undefined;
  return `|${chomp}${eol}${lines.map((l) => (l === '' ? '' : indent + l)).join(eol)}`;
}

function renderScalar(
  value: unknown,
  style: Scalar.Type | undefined,
  flow: boolean,
  tagged = false,
): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  const s = String(value);
  if (style === Scalar.QUOTE_DOUBLE) return JSON.stringify(s);
  if (style === Scalar.QUOTE_SINGLE) {
    return hasControl(s) ? JSON.stringify(s) : `'${s.replace(/'/g, "''")}'`;
  }
  return plainSafe(s, flow, tagged) ? s : JSON.stringify(s);
}

/** Any C0 control character (tab and newline included) or DEL. */
function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** A string that can be written as a plain scalar and still read back as that very string. */
export function plainSafe(s: string, flow: boolean, tagged = false): boolean {
  if (s === '' || s !== s.trim() || hasControl(s)) return false;
  if (/^[-?:](\s|$)/.test(s) || /^[,[\]{}#&*!|>'"%@`]/.test(s)) return false;
  if (s.includes(': ') || s.includes(' #') || s.endsWith(':')) return false;
  if (flow && /[,[\]{}]/.test(s)) return false;
  if (s === '---' || s === '...') return false;
  // Under an explicit tag (`!!str 1`) the tag, not the text, decides the type.
  if (tagged) return true;
  try {
    for (const version of ['1.2', '1.1'] as const) {
      if (parseYaml(`k: ${s}`, { version }).k !== s) return false;
    }
  } catch {
    return false;
  }
  return true;
}

function renderFlow(value: unknown, flow: boolean): string {
  if (Array.isArray(value)) return `[${value.map((v) => renderFlow(v, true)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    return `{${entries.map(([k, v]) => `${renderScalar(k, Scalar.PLAIN, true)}: ${renderFlow(v, true)}`).join(', ')}}`;
  }
  return renderScalar(value, Scalar.PLAIN, flow);
}

/** Block lines for a nested mapping made by `nest` (the innermost value is written flow). */
function blockLines(value: Record<string, unknown>, indent: number, eol: string): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    const key = renderScalar(k, Scalar.PLAIN, false);
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0) {
      lines.push(`${pad}${key}:`, ...blockLines(v as Record<string, unknown>, indent + 2, eol));
    } else {
      lines.push(`${pad}${key}: ${renderFlow(v, false)}`);
    }
  }
  return lines;
}

/** Where a new line goes after a block collection: the start of the line after its content. */
function lineAfter(ctx: Ctx, end: number): { at: number; prefix: string } {
  const { text } = ctx;
  if (text[end - 1] === '\n') return { at: end, prefix: '' };
  const nl = text.indexOf('\n', end);
  if (nl < 0) return { at: text.length, prefix: ctx.eol };
  return { at: nl + 1, prefix: '' };
}

function insertIntoMap(
  ctx: Ctx,
  map: YAMLMap<unknown, unknown>,
  parts: readonly KeyPart[],
  value: unknown,
  place: Place,
): Edit {
  const { text } = ctx;
  const [start, end] = map.range ?? [0, 0];
  const keyText = renderScalar(String(parts[0]), Scalar.PLAIN, true);
  const rest = parts.length > 1 ? nest(parts.slice(1), value) : value;
  if (map.flow) {
    const entry = `${keyText}: ${renderFlow(rest, true)}`;
    const lastPair = map.items[map.items.length - 1];
    if (!lastPair) {
      const close = text.lastIndexOf('}', end - 1);
      return { start: close, end: close, text: entry };
    }
    const lastNode = (lastPair.value ?? lastPair.key) as Node;
    const after = lastNode.range?.[1] ?? closingBrace(text, end);
    return { start: after, end: after, text: `, ${entry}` };
  }
  const firstKey = map.items[0]?.key as Node | undefined;
  const indent = firstKey?.range ? columnOf(text, firstKey.range[0]) : place.indent;
  const lines = blockLines({ [String(parts[0])]: rest }, indent, ctx.eol);
  const { at, prefix } = lineAfter(ctx, map.items.length ? end : start);
  return { start: at, end: at, text: prefix + lines.join(ctx.eol) + ctx.eol };
}

function closingBrace(text: string, end: number): number {
  return text.lastIndexOf('}', end - 1);
}

function appendToSeq(
  ctx: Ctx,
  seq: YAMLSeq<unknown>,
  rest: readonly KeyPart[],
  value: unknown,
  _place: Place,
): Edit {
  const { text } = ctx;
  const [start, end] = seq.range ?? [0, 0];
  const item = rest.length ? nest(rest, value) : value;
  if (seq.flow) {
    const lastItem = seq.items[seq.items.length - 1] as Node | undefined;
    if (!lastItem?.range) {
      const closing = text.lastIndexOf(']', end - 1);
      return { start: closing, end: closing, text: renderFlow(item, true) };
    }
    return {
      start: lastItem.range[1],
      end: lastItem.range[1],
      text: `, ${renderFlow(item, true)}`,
    };
  }
  const indent = columnOf(text, start);
  const pad = ' '.repeat(indent);
  let entry: string;
  if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
    const lines = blockLines(item as Record<string, unknown>, indent + 2, ctx.eol);
    entry = `${pad}- ${lines.join(ctx.eol).slice(indent + 2)}`;
  } else entry = `${pad}- ${renderFlow(item, false)}`;
  const { at, prefix } = lineAfter(ctx, end);
  return { start: at, end: at, text: prefix + entry + ctx.eol };
}

/** The same update applied to a document model: what the edited text must read back as. */
function applyToModel(doc: YDoc, parts: readonly KeyPart[], value: unknown): void {
  let node: unknown = doc.contents;
  const make = (v: unknown, old?: unknown): Node => {
    const made = (doc as Document).createNode(v) as Node;
    // The text edit keeps an anchor on the replaced value, and so aliases of it see the new value.
    if (old && !isAlias(old) && (old as Node).anchor) made.anchor = (old as Node).anchor;
    return made;
  };
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const last = i === parts.length - 1;
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => keyString(p.key) === String(part));
      if (!pair) {
        node.items.push(
          (doc as Document).createPair(String(part), nest(parts.slice(i + 1), value)),
        );
        return;
      }
      if (last) {
        pair.value = make(value, pair.value);
        return;
      }
      if (isNullScalar(pair.value) || pair.value === null) {
        pair.value = make(nest(parts.slice(i + 1), value));
        return;
      }
      node = pair.value;
    } else if (isSeq(node)) {
      const index = indexOf(part) ?? -1;
      if (index === -1 || index >= node.items.length) {
        node.items.push(make(nest(parts.slice(i + 1), value)));
        return;
      }
      if (last) {
        node.items[index] = make(value, node.items[index]);
        return;
      }
      if (isNullScalar(node.items[index])) {
        node.items[index] = make(nest(parts.slice(i + 1), value));
        return;
      }
      node = node.items[index];
    } else {
      return;
    }
  }
}
