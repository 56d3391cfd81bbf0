/**
 * A reader for the plain block YAML that gantry's own writer emits for stage state files (block
 * mappings and sequences, plain and quoted one-line strings, empty `[]` and `{}`). Reading 20 of
 * them through the full YAML library costs more than the rest of a stages view's parsing; this
 * reads that common shape directly and answers undefined for anything else (numbers, booleans,
 * nulls, block scalars, anchors, comments after the header, flow collections, odd indentation),
 * which the caller then reads with the library, so a hand-edited file reads exactly as before.
 */

type Value = string | Value[] | { [key: string]: Value };

/** Plain scalars the YAML 1.2 core schema reads as something other than a string. */
const NOT_A_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const KEY = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;
/** Characters that make a plain scalar something else when they start it. */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`\s]/;

class Unsupported extends Error {}
const no = (): never => {
  throw new Unsupported();
};

export function readPlainYaml(text: string): Value | undefined {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let i = 0;
  // The writer's header: comment lines first, nothing else.
  while (i < lines.length && (lines[i] ?? '').startsWith('#')) i++;
  if (i >= lines.length) return undefined;
  try {
    const { value, next } = block(lines, i, 0);
    if (next !== lines.length) return undefined;
    return value;
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
}

function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  if (line.length === n || line.charCodeAt(n) === 9 || line.endsWith(' ') || line.endsWith('\r'))
    no();
  return n;
}

/** The block (mapping or sequence) whose lines start at `at` with indentation `indent`. */
function block(lines: string[], at: number, indent: number): { value: Value; next: number } {
  const first = lines[at] ?? '';
  if (indentOf(first) !== indent) no();
  return first.startsWith('- ', indent) ? sequence(lines, at, indent) : mapping(lines, at, indent);
}

function sequence(lines: string[], at: number, indent: number): { value: Value; next: number } {
  const out: Value[] = [];
  let i = at;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const n = indentOf(line);
    if (n < indent) break;
    if (n > indent || !line.startsWith('- ', indent)) no();
    const rest = line.slice(indent + 2);
    if (rest.startsWith('- ') || rest === '-') no();
    if (isEntry(rest)) {
      // An item that is a mapping: its first entry on the dash's line, the others below it.
      const copy = lines.slice();
      copy[i] = ' '.repeat(indent + 2) + rest;
      const m = mappingIn(copy, lines, i, indent + 2);
      out.push(m.value);
      i = m.next;
    } else {
      out.push(scalar(rest));
      i++;
    }
  }
  return { value: out, next: i };
}

/** Whether a line's content is `key:` or `key: value` (a plain key). */
function isEntry(s: string): boolean {
  const colon = s.indexOf(':');
  if (colon <= 0 || colon > 200 || !(s.length === colon + 1 || s[colon + 1] === ' ')) return false;
  const key = s.slice(0, colon);
  // A key YAML reads as a number, boolean or null is not the string it looks like.
  return KEY.test(key) && !NOT_A_STRING.test(key);
}

function mapping(lines: string[], at: number, indent: number): { value: Value; next: number } {
  return mappingIn(lines, lines, at, indent);
}

/** A mapping read from `view` at its first line and from `lines` after it (same lines). */
function mappingIn(
  view: string[],
  lines: string[],
  at: number,
  indent: number,
): { value: Value; next: number } {
  const out: { [key: string]: Value } = {};
  let i = at;
  while (i < lines.length) {
    const line = i === at ? (view[i] ?? '') : (lines[i] ?? '');
    const n = indentOf(line);
    if (n < indent) break;
    if (n > indent) no();
    const s = line.slice(indent);
    if (!isEntry(s)) no();
    const colon = s.indexOf(':');
    const key = s.slice(0, colon);
    if (key === '__proto__' || Object.prototype.hasOwnProperty.call(out, key)) no();
    if (s.length === colon + 1) {
      // `key:` then a deeper block; a sequence may also sit at the key's own indentation.
      const next = lines[i + 1];
      if (next === undefined) return no();
      const d = indentOf(next);
      if (!(d > indent || (d === indent && next.startsWith('- ', indent)))) no();
      const b = block(lines, i + 1, d);
      out[key] = b.value;
      i = b.next;
    } else {
      out[key] = scalar(s.slice(colon + 2));
      i++;
    }
  }
  return { value: out, next: i };
}

function scalar(s: string): Value {
  if (s === '[]') return [];
  if (s === '{}') return {};
  if (s.startsWith('"')) return doubleQuoted(s);
  if (s.startsWith("'")) return singleQuoted(s);
  if (
    !s ||
    INDICATOR.test(s) ||
    NOT_A_STRING.test(s) ||
    s.includes(': ') ||
    s.includes(' #') ||
    s.endsWith(':') ||
    s.includes('\t')
  )
    return no();
  return s;
}

function doubleQuoted(s: string): string {
  if (s.length < 2 || !s.endsWith('"')) return no();
  const body = s.slice(1, -1);
  // Only the escapes JSON and YAML read alike; a lone quote inside means it did not end here.
  for (let k = 0; k < body.length; k++) {
    const c = body[k];
    if (c === '"') return no();
    if (c === '\\') {
      const e = body[k + 1];
      if (e === undefined || !'"\\/bfnrtu'.includes(e)) return no();
      k++;
    }
  }
  try {
    return JSON.parse(s) as string;
  } catch {
    return no();
  }
}

function singleQuoted(s: string): string {
  if (s.length < 2 || !s.endsWith("'")) return no();
  const body = s.slice(1, -1);
  if (body.replace(/''/g, '').includes("'")) return no();
  return body.replace(/''/g, "'");
}
