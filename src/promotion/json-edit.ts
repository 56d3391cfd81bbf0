/**
 * Format-preserving JSON edits for the `json-update` step.
 *
 * Kargo's `json-update` calls tidwall/sjson `Set` once per update, which splices the text: only the
 * changed value's bytes change. gantry does the same with its own scanner:
 * - keys follow `splitKey` (keypath.ts); on an object a numeric part is the key `String(n)`;
 * - on an array a number indexes it; `-1` or the length appends; past the end pads with `null`
 *   (sjson does);
 * - missing keys are created: a number part makes an array, anything else (including a `:`-forced
 *   number) an object key, as sjson does. A new member goes after the object's last member, on its
 *   own line at the members' indentation when the object is laid out one member a line, else
 *   inline; new nested values are written compactly with the file's `:` spacing;
 * - `null` on the way is replaced by the created structure; any other scalar on the way is an error
 *   (sjson would overwrite it; that loses data, so gantry refuses);
 * - values must be strings, numbers or booleans (Kargo's `isValidScalar`: `value for key "k" is
 *   not a scalar type`), and the key must not address an object or an array: Kargo documents
 *   json-update as updating scalar values only (sjson would replace the whole subtree).
 * The result is parsed again and compared with the intended value (a safety net).
 */
import { isDeepStrictEqual } from 'node:util';
import { ConfigError, OperationError } from '../util/errors.js';
import { indexOf, KeyPathError, lookupKey, splitKey, type KeyPart } from './keypath.js';
import { goQuote, goValue, type ValueUpdate } from './yaml-edit.js';

interface JNode {
  kind: 'object' | 'array' | 'scalar';
  start: number;
  end: number;
  members: { key: string; keyStart: number; value: JNode }[];
  items: JNode[];
  isNull: boolean;
}

export function setJsonValues(
  text: string,
  updates: readonly ValueUpdate[],
  where: string,
  /** Filled with the value each key had before the edit (undefined when it did not exist). */
  previous?: Map<string, unknown>,
): string {
  const planned = updates.map((u) => {
    let parts: KeyPart[];
    try {
      parts = splitKey(u.key);
    } catch (err) {
      if (err instanceof KeyPathError) {
        throw new ConfigError(
          `${where}: json-update: key ${JSON.stringify(u.key)}: ${err.message}`,
        );
      }
      throw err;
    }
    const v = u.value;
    if (!(
      typeof v === 'string' ||
      typeof v === 'boolean' ||
      (typeof v === 'number' && Number.isFinite(v))
    )) {
      throw new ConfigError(
        `${where}: json-update: value for key ${JSON.stringify(u.key)} is not a scalar type`,
      );
    }
    return { key: u.key, parts, value: v };
  });
  if (planned.length === 0) return text;

  let expected = parseStrict(text, where);
  for (const u of planned) previous?.set(u.key, lookupKey(expected, u.parts));
  let out = text;
  for (const u of planned) {
    const root = scan(out, where);
    const edit = locate(out, root, u.parts, 0, u.value, where, u.key);
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    expected = setIn(expected, u.parts, u.value);
  }
  let got: unknown;
  try {
    got = JSON.parse(out);
  } catch {
    got = Symbol('unparseable');
  }
  if (!isDeepStrictEqual(got, expected)) {
    throw new OperationError(
      `${where}: json-update: the edited file does not read back as intended; nothing was changed. This is a gantry bug.`,
    );
  }
  return out;
}

/** Kargo's json-update commit message: strings `%q`-quoted, other values `%v`. */
export function jsonUpdateCommitMessage(path: string, updates: readonly ValueUpdate[]): string {
  if (updates.length === 0) return '';
  let msg = `Updated ${path}\n`;
  for (const u of updates) {
    msg += `\n- ${u.key}: ${typeof u.value === 'string' ? goQuote(u.value) : goValue(u.value)}`;
  }
  return msg;
}

// ---------------------------------------------------------------------------------------------

function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

function parseStrict(text: string, where: string): unknown {
  scan(text, where); // for a positioned message
  return JSON.parse(text) as unknown;
}

/** A JSON scanner that records where each value starts and ends. */
function scan(text: string, where: string): JNode {
  let i = 0;
  const bad = (what: string): never => {
    throw new ConfigError(`${where}:${lineCol(text, i)}: malformed JSON: ${what}`);
  };
  const ws = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text[i] ?? 'x')) i++;
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) bad('unterminated string');
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      i = start;
      return bad('invalid string');
    }
  };
  const value = (): JNode => {
    ws();
    const start = i;
    const node: JNode = {
      kind: 'scalar',
      start,
      end: start,
      members: [],
      items: [],
      isNull: false,
    };
    const c = text[i];
    if (c === '{') {
      node.kind = 'object';
      i++;
      ws();
      if (text[i] === '}') i++;
      else {
        for (;;) {
          ws();
          if (text[i] !== '"') bad('expected a string key');
          const keyStart = i;
          const key = str();
          ws();
          if (text[i] !== ':') bad('expected ":"');
          i++;
          node.members.push({ key, keyStart, value: value() });
          ws();
          if (text[i] === ',') i++;
          else if (text[i] === '}') {
            i++;
            break;
          } else bad('expected "," or "}"');
        }
      }
    } else if (c === '[') {
      node.kind = 'array';
      i++;
      ws();
      if (text[i] === ']') i++;
      else {
        for (;;) {
          node.items.push(value());
          ws();
          if (text[i] === ',') i++;
          else if (text[i] === ']') {
            i++;
            break;
          } else bad('expected "," or "]"');
        }
      }
    } else if (c === '"') {
      str();
    } else {
      const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(
        text.slice(i, i + 400),
      );
      const token = m?.[0] ?? bad('unexpected character');
      i += token.length;
      node.isNull = token === 'null';
    }
    node.end = i;
    return node;
  };
  const root = value();
  ws();
  if (i < text.length) bad('unexpected text after the JSON value');
  return root;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function locate(
  text: string,
  node: JNode,
  parts: readonly KeyPart[],
  i: number,
  value: unknown,
  where: string,
  key: string,
): Edit {
  const part = parts[i] ?? '';
  const last = i === parts.length - 1;
  const fail = (at: number, message: string): never => {
    throw new ConfigError(
      `${where}:${lineCol(text, at)}: json-update: key ${JSON.stringify(key)}: ${message}`,
    );
  };
  if (node.kind === 'object') {
    const member = node.members.find((m) => m.key === String(part));
    if (!member) return insertMember(text, node, String(part), create(parts.slice(i + 1), value));
    if (last) {
      if (member.value.kind !== 'scalar') fail(member.value.start, notScalar(member.value));
      return { start: member.value.start, end: member.value.end, text: JSON.stringify(value) };
    }
    return locate(text, member.value, parts, i + 1, value, where, key);
  }
  if (node.kind === 'array') {
    const index = indexOf(part);
    if (index === undefined)
      return fail(
        node.start,
        `${JSON.stringify(part)} is not an index, and the value there is an array`,
      );
    if (index < -1) return fail(node.start, `invalid negative index: ${index}`);
    if (index === -1 || index >= node.items.length) {
      const pad = index === -1 ? 0 : index - node.items.length;
      const added = [
        ...Array<string>(pad).fill('null'),
        compact(text, create(parts.slice(i + 1), value)),
      ];
      const lastItem = node.items[node.items.length - 1];
      // Separate new items the way the array separates its items already.
      const [i0, i1] = node.items;
      const sep =
        i0 && i1
          ? text.slice(i0.end, i1.start).trimStart()
          : colonSpacing(text) === ': '
            ? ', '
            : ',';
      const join = sep.startsWith(',') ? sep : `,${sep}`;
      if (!lastItem) return { start: node.start + 1, end: node.start + 1, text: added.join(join) };
      return { start: lastItem.end, end: lastItem.end, text: join + added.join(join) };
    }
    const item = node.items[index];
    if (!item) return fail(node.start, `no item ${index}`);
    if (last) {
      if (item.kind !== 'scalar') fail(item.start, notScalar(item));
      return { start: item.start, end: item.end, text: JSON.stringify(value) };
    }
    return locate(text, item, parts, i + 1, value, where, key);
  }
  if (node.isNull) {
    return { start: node.start, end: node.end, text: compact(text, create(parts.slice(i), value)) };
  }
  return fail(
    node.start,
    `cannot set ${JSON.stringify(String(part))}: the value there is a scalar`,
  );
}

/** Kargo documents json-update as updating scalar values only: an object or array stays. */
function notScalar(node: JNode): string {
  const what =
    node.kind === 'object'
      ? `an object (keys: ${node.members
          .slice(0, 8)
          .map((m) => m.key)
          .join(', ')})`
      : `an array of ${node.items.length} items`;
  return `the value there is ${what}, not a scalar; json-update updates scalar values only, so address a key inside it`;
}

/** The structure sjson creates for missing parts: numbers make arrays (null-padded), others objects. */
function create(parts: readonly KeyPart[], value: unknown): unknown {
  let v = value;
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i] ?? '';
    if (typeof p === 'number') {
      const arr: unknown[] = p > 0 ? new Array<unknown>(p).fill(null) : [];
      arr.push(v);
      v = arr;
    } else v = { [p]: v };
  }
  return v;
}

function colonSpacing(text: string): string {
  return /"\s*:\s/.test(text) ? ': ' : ':';
}

function compact(text: string, v: unknown): string {
  const sep = colonSpacing(text);
  const r = (x: unknown): string => {
    if (Array.isArray(x)) return `[${x.map(r).join(sep === ': ' ? ', ' : ',')}]`;
    if (x !== null && typeof x === 'object') {
      return `{${Object.entries(x)
        .map(([k, y]) => `${JSON.stringify(k)}${sep}${r(y)}`)
        .join(sep === ': ' ? ', ' : ',')}}`;
    }
    return JSON.stringify(x);
  };
  return r(v);
}

function insertMember(text: string, obj: JNode, key: string, value: unknown): Edit {
  const sepMatch = obj.members[0]
    ? /^"(?:[^"\\]|\\.)*"(\s*:\s*)/.exec(text.slice(obj.members[0].keyStart))
    : null;
  const colon = sepMatch?.[1] ?? colonSpacing(text);
  const entry = `${JSON.stringify(key)}${colon}${compact(text, value)}`;
  const lastMember = obj.members[obj.members.length - 1];
  if (!lastMember) return { start: obj.start + 1, end: obj.start + 1, text: entry };
  const [first, second] = obj.members;
  if (!first) return { start: obj.start + 1, end: obj.start + 1, text: entry };
  const lead = text.slice(obj.start + 1, first.keyStart);
  if (lead.includes('\n')) {
    const eol = lead.includes('\r\n') ? '\r\n' : '\n';
    const indent = lead.slice(lead.lastIndexOf('\n') + 1);
    return {
      start: lastMember.value.end,
      end: lastMember.value.end,
      text: `,${eol}${indent}${entry}`,
    };
  }
  const between = second ? /,(\s*)$/.exec(text.slice(first.value.end, second.keyStart)) : null;
  return {
    start: lastMember.value.end,
    end: lastMember.value.end,
    text: `,${between?.[1] ?? ''}${entry}`,
  };
}

function setIn(root: unknown, parts: readonly KeyPart[], value: unknown): unknown {
  if (parts.length === 0) return value;
  const [part, ...rest] = parts as [KeyPart, ...KeyPart[]];
  if (Array.isArray(root)) {
    const copy = [...root] as unknown[];
    const index = indexOf(part) ?? -1;
    if (index === -1 || index >= copy.length) {
      while (index > copy.length) copy.push(null);
      copy.push(setIn(undefined, rest, value));
    } else copy[index] = setIn(copy[index], rest, value);
    return copy;
  }
  if (root !== null && typeof root === 'object') {
    const obj = root as Record<string, unknown>;
    return { ...obj, [String(part)]: setIn(obj[String(part)], rest, value) };
  }
  return create(parts, value);
}
