/**
 * The part of Kubernetes JSONPath that Argo Rollouts' web metrics use in practice (`jsonPath:
 * "{$.data.ok}"`): a path of fields and array indexes. Accepted forms: `{$.a.b}`, `{.a.b}`,
 * `$.a.b`, `{$.items[0].value}`, `{$.items[-1]}`, `{$['a-b'].c}`, and `{$}` (the whole body,
 * Argo's default). Wildcards, recursive descent, filters and slices are refused with a message
 * that says so. As in Argo, the first value found is the result.
 */

export type PathSegment = string | number;

export class JsonPathError extends Error {
  override name = 'JsonPathError';
}

/** Parse a JSONPath of the supported subset into segments; throws JsonPathError. */
export function parseJsonPath(text: string): PathSegment[] {
  let s = text.trim();
  if (s.startsWith('{') && s.endsWith('}')) s = s.slice(1, -1).trim();
  if (s.startsWith('$')) s = s.slice(1);
  const out: PathSegment[] = [];
  let i = 0;
  const unsupported = (what: string): never => {
    throw new JsonPathError(
      `jsonPath ${JSON.stringify(text)}: ${what} is not supported (use fields and indexes, e.g. {$.items[0].value})`,
    );
  };
  while (i < s.length) {
    const c = s[i];
    if (c === '.') {
      if (s[i + 1] === '.') unsupported('recursive descent (..)');
      const m = /^[A-Za-z0-9_-]+/.exec(s.slice(i + 1));
      if (!m) {
        if (s[i + 1] === '*') unsupported('the wildcard *');
        throw new JsonPathError(
          `jsonPath ${JSON.stringify(text)}: expected a field name after "."`,
        );
      }
      out.push(m[0]);
      i += 1 + m[0].length;
    } else if (c === '[') {
      const end = s.indexOf(']', i);
      if (end < 0) throw new JsonPathError(`jsonPath ${JSON.stringify(text)}: missing "]"`);
      const inner = s.slice(i + 1, end).trim();
      const quoted = /^(['"])(.*)\1$/.exec(inner);
      if (quoted) out.push(quoted[2] ?? '');
      else if (/^-?\d+$/.test(inner)) out.push(Number(inner));
      else if (inner === '*') unsupported('the wildcard [*]');
      else if (inner.startsWith('?')) unsupported('a filter [?()]');
      else if (inner.includes(':')) unsupported('a slice [a:b]');
      else if (inner.includes(',')) unsupported('a union [a,b]');
      else throw new JsonPathError(`jsonPath ${JSON.stringify(text)}: cannot read [${inner}]`);
      i = end + 1;
    } else if (c === ' ') {
      i++;
    } else {
      throw new JsonPathError(
        `jsonPath ${JSON.stringify(text)}: unexpected ${JSON.stringify(c)} at ${i}`,
      );
    }
  }
  return out;
}

/** The value at `path` in `data`; throws JsonPathError saying what is missing. */
export function applyJsonPath(data: unknown, path: readonly PathSegment[]): unknown {
  let cur = data;
  let at = '$';
  for (const seg of path) {
    if (typeof seg === 'number') {
      if (!Array.isArray(cur)) throw new JsonPathError(`${at} is not an array`);
      const index = seg < 0 ? cur.length + seg : seg;
      if (index < 0 || index >= cur.length) {
        throw new JsonPathError(`array index out of bounds: ${at}[${seg}] (length ${cur.length})`);
      }
      cur = cur[index];
      at += `[${seg}]`;
    } else {
      if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) {
        throw new JsonPathError(`${at} is not an object, so it has no field ${seg}`);
      }
      if (!Object.hasOwn(cur, seg)) throw new JsonPathError(`${seg} is not found in ${at}`);
      cur = (cur as Record<string, unknown>)[seg];
      at += `.${seg}`;
    }
  }
  return cur;
}
