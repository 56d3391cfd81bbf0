/**
 * Key paths as Kargo's `yaml-update` and `json-update` steps take them (Kargo's `pkg/sjson`
 * `SplitKey`, which follows tidwall/sjson's path syntax):
 *
 * - `.` separates parts: `image.tag` ⇒ `['image', 'tag']`;
 * - `\.` and `\:` are a literal dot and colon inside a part; any other escape is an error;
 * - a part that is a canonical integer (`0`, `12`, `-1`) is returned as a **number**: it indexes a
 *   sequence (`-1` appends), and on a mapping it is looked up as the key `String(n)`, as Kargo does;
 * - a leading `:` forces the part to be a mapping key: `foo.:2` ⇒ `['foo', '2']`, a **string**. The
 *   difference matters when a missing key is created (a number makes an array in JSON, a string
 *   makes an object key) and when the node is a sequence (a string part does not index it).
 *
 * Errors use Kargo's wording: `empty key`, `empty key part in key "…"`, `invalid escape sequence in
 * key "…"`, `unexpected colon in key "…"`.
 */

export type KeyPart = string | number;

export class KeyPathError extends Error {
  override name = 'KeyPathError';
}

const CANONICAL_INT = /^(0|-?[1-9][0-9]*)$/;

export function splitKey(key: string): KeyPart[] {
  const k = key.trim();
  if (k === '') throw new KeyPathError('empty key');
  const parts: KeyPart[] = [];
  let current = '';
  let forced = false;
  let escaped = false;
  const finish = (): void => {
    if (current === '') throw new KeyPathError(`empty key part in key ${JSON.stringify(k)}`);
    parts.push(!forced && CANONICAL_INT.test(current) ? Number(current) : current);
    current = '';
    forced = false;
  };
  for (const ch of k) {
    if (escaped) {
      if (ch !== '.' && ch !== ':') {
        throw new KeyPathError(`invalid escape sequence in key ${JSON.stringify(k)}`);
      }
      current += ch;
      escaped = false;
      continue;
    }
    if (ch === '\\') escaped = true;
    else if (ch === '.') finish();
    else if (ch === ':') {
      if (current !== '') {
        throw new KeyPathError(`unexpected colon in key ${JSON.stringify(k)}`);
      }
      forced = true;
    } else current += ch;
  }
  if (escaped) throw new KeyPathError(`invalid escape sequence in key ${JSON.stringify(k)}`);
  finish();
  return parts;
}

/** Render parts back into a key (the inverse of `splitKey`), for messages. */
export function joinKey(parts: readonly KeyPart[]): string {
  return parts
    .map((p) => {
      if (typeof p === 'number') return String(p);
      const escaped = p.replace(/[.:]/g, (c) => `\\${c}`);
      return CANONICAL_INT.test(p) ? `:${escaped}` : escaped;
    })
    .join('.');
}

/** The index a part denotes on a sequence, or undefined when it is not one (Kargo also accepts the legacy `[n]`). */
export function indexOf(part: KeyPart): number | undefined {
  if (typeof part === 'number') return part;
  const legacy = /^\[(-?[0-9]+)\]$/.exec(part);
  return legacy ? Number(legacy[1]) : undefined;
}

/**
 * The value at `parts` in a plain JS value (parsed YAML or JSON), or undefined when the path does
 * not exist. Used to report what an update replaced (`image.tag 1.2.0 → 1.3.0`).
 */
export function lookupKey(root: unknown, parts: readonly KeyPart[]): unknown {
  let node = root;
  for (const part of parts) {
    if (Array.isArray(node)) {
      const i = indexOf(part);
      if (i === undefined || i < 0) return undefined;
      node = node[i];
    } else if (node !== null && typeof node === 'object') {
      const key = String(part);
      if (!Object.prototype.hasOwnProperty.call(node, key)) return undefined;
      node = (node as Record<string, unknown>)[key];
    } else return undefined;
  }
  return node;
}
