/** Small helpers for writing YAML by hand, comments and all. */

// Plain scalars that YAML 1.1 or 1.2 readers (GitHub's among them) would take for something else.
const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;
const NUMBER_LIKE =
  /^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?(?:e[-+]?[0-9]+)?|\.[0-9]+|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan)$/i;
const SAFE_PLAIN = /^[A-Za-z0-9_./][A-Za-z0-9_./:-]*$/;

/** A string as a YAML scalar: plain when that reads back as the same string, else double-quoted. */
export function scalar(s: string): string {
  if (SAFE_PLAIN.test(s) && !RESERVED.test(s) && !NUMBER_LIKE.test(s) && !/:$/.test(s)) return s;
  return JSON.stringify(s);
}

/** A flow sequence of scalars: `[dev, staging, prod]`. */
export function flowList(items: readonly string[]): string {
  return `[${items.map(scalar).join(', ')}]`;
}

/**
 * An optional example: the lines as they would be written, commented out (`# ` after the
 * indentation of the first line) unless `active`. Tests turn examples on to prove they are valid.
 */
export function example(lines: readonly string[], active: boolean): string[] {
  if (active) return [...lines];
  const indent = Math.min(...lines.map((l) => /^ */.exec(l)?.[0].length ?? 0));
  return lines.map((l) => `${' '.repeat(indent)}# ${l.slice(indent)}`);
}

/** Lines joined with newlines, ending with one. */
export function text(lines: readonly string[]): string {
  return lines.join('\n').replace(/\n*$/, '\n');
}
