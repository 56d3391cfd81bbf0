/**
 * Path filters of git subscriptions (`includePaths` / `excludePaths`), as Kargo reads them
 * (`pkg/pattern` and `pkg/controller/git/commit/base_selector.go`):
 *
 * - `glob:<pattern>`: a doublestar glob over the whole path. `*` and `?` stay within one path
 *   segment, `**` as a whole segment spans any number of directories (none included), `[a-z]`,
 *   `[!a]`/`[^a]` classes, `{a,b}` alternatives (nestable), `\` escapes.
 * - `regex:<re>` / `regexp:<re>`: a Go RE2 expression, unanchored and case-sensitive.
 * - anything else: a base directory; it matches itself and every path below it (`configs`
 *   matches `configs` and `configs/dev/db.yaml`, not `configurations/app.yaml`).
 *
 * A commit passes when at least one of its changed paths is included (by any include pattern,
 * or by default when there are none) and not excluded (by any exclude pattern). A commit that
 * changed nothing never passes. Filters only apply when at least one list is non-empty.
 */
import { ConfigError } from '../util/errors.js';
import { compileRegex, type Regex } from '../util/regex.js';

export interface PathMatcher {
  /** The pattern as written, prefix included. */
  readonly pattern: string;
  matches(path: string): boolean;
}

export interface PathFilter {
  /** Whether any include or exclude pattern is set; when false, commits are not filtered by path. */
  readonly active: boolean;
  /** Kargo's `MatchesPaths`: some path is included and not excluded. */
  matches(paths: readonly string[]): boolean;
}

/** Parses one path pattern. Throws an Error naming the pattern when it does not compile. */
export function parsePathPattern(pattern: string): PathMatcher {
  if (pattern.startsWith('glob:')) {
    const re = compileGlob(pattern.slice('glob:'.length));
    return { pattern, matches: (p) => re.test(p) };
  }
  for (const prefix of ['regex:', 'regexp:']) {
    if (pattern.startsWith(prefix)) {
      const re = compileRegex(pattern.slice(prefix.length));
      return { pattern, matches: (p) => re.test(p) };
    }
  }
  const base = cleanPath(pattern);
  return { pattern, matches: (p) => underBaseDir(base, p) };
}

/**
 * Compiles include and exclude lists. Errors say which list and which pattern:
 * `error parsing include path selectors: …`.
 */
export function compilePathFilter(
  includePaths: readonly string[],
  excludePaths: readonly string[],
): PathFilter {
  const compile = (list: readonly string[], which: string): PathMatcher[] =>
    list.map((p) => {
      try {
        return parsePathPattern(p);
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        throw new ConfigError(`error parsing ${which} path selectors: ${why}`);
      }
    });
  const include = compile(includePaths, 'include');
  const exclude = compile(excludePaths, 'exclude');
  return {
    active: include.length > 0 || exclude.length > 0,
    matches(paths) {
      for (const path of paths) {
        if (include.length && !include.some((m) => m.matches(path))) continue;
        if (exclude.some((m) => m.matches(path))) continue;
        return true;
      }
      return false;
    },
  };
}

// ---- base directories ---------------------------------------------------------------------------

/** Go's `path.Clean`: collapses `//`, `.` and `..` segments; `""` becomes `"."`. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const joined = out.join('/');
  if (rooted) return `/${joined}`;
  return joined || '.';
}

/**
 * Kargo's base-dir matcher is `filepath.Rel(base, path)` not containing `..`. Both are cleaned,
 * so `config/shared/../private/x` is not under `config/shared`. Kargo tests for the substring
 * `..`, which also rejects legal names such as `configs/a..b.yaml`; gantry looks for a `..`
 * segment instead (deviation: file names may contain two dots).
 */
function underBaseDir(base: string, path: string): boolean {
  const target = cleanPath(path);
  if (base.startsWith('/') !== target.startsWith('/')) return false; // Rel fails: abs vs rel
  if (base === '.') return target !== '..' && !target.startsWith('../');
  if (target === base) return true;
  return target.startsWith(base === '/' ? '/' : `${base}/`);
}

// ---- doublestar globs ---------------------------------------------------------------------------

class GlobSyntaxError extends Error {}

const REGEX_SPECIAL = new Set('\\^$.*+?()[]{}|/');

function literal(ch: string): string {
  return REGEX_SPECIAL.has(ch) ? `\\${ch}` : ch;
}

/**
 * Translates a doublestar (v4) pattern into an anchored RE2 expression over `/`-separated paths
 * (RE2, so that `*a*a*a*…` against a long name cannot backtrack for ever). An unclosed `[` or `{`,
 * or a trailing `\`, is `syntax error in pattern` as in doublestar.
 */
export function compileGlob(pattern: string): Regex {
  let source: string;
  try {
    source = new GlobTranslator(pattern).translate();
  } catch (err) {
    if (err instanceof GlobSyntaxError)
      throw new Error(`syntax error in pattern ${JSON.stringify(pattern)}: ${err.message}`, {
        cause: err,
      });
    throw err;
  }
  // (?s): `**` spans every character, newlines included, as doublestar's does.
  return compileRegex(`(?s)^${source}$`);
}

class GlobTranslator {
  private pos = 0;
  constructor(private readonly src: string) {}

  translate(): string {
    const out = this.sequence(false);
    if (this.pos < this.src.length) throw new GlobSyntaxError(`unexpected ${this.src[this.pos]}`);
    return finishDoubleStar(out);
  }

  /** Translates until the end, or (inside braces) until an unnested `,` or `}`. */
  private sequence(inBraces: boolean): string {
    let out = '';
    while (this.pos < this.src.length) {
      const c = this.src[this.pos] as string;
      if (inBraces && (c === ',' || c === '}')) return out;
      switch (c) {
        case '*': {
          if (this.src[this.pos + 1] === '*') {
            out += this.doubleStar();
          } else {
            this.pos++;
            out += '[^/]*';
          }
          break;
        }
        case '?':
          this.pos++;
          out += '[^/]';
          break;
        case '[':
          out += this.charClass();
          break;
        case '{':
          out += this.braces();
          break;
        case '\\': {
          const next = this.src[this.pos + 1];
          if (next === undefined) throw new GlobSyntaxError('trailing backslash');
          this.pos += 2;
          out += literal(next);
          break;
        }
        default: {
          const cp = this.src.codePointAt(this.pos) ?? 0;
          const ch = String.fromCodePoint(cp);
          this.pos += ch.length;
          out += literal(ch);
        }
      }
    }
    return out;
  }

  /**
   * `**` spans directories only when it is a whole segment: `**` alone (anything), `**` + `/`
   * (zero or more directories), `/` + `**` at the end (the directory itself or anything below).
   * Elsewhere (`a**b`) it is a plain `*`.
   */
  private doubleStar(): string {
    const start = this.pos;
    let end = start;
    while (this.src[end] === '*') end++;
    const before = start === 0 ? '/' : this.src[start - 1];
    const after = this.src[end];
    this.pos = end;
    const segmentStart = before === '/' || before === '{' || before === ',';
    if (!segmentStart) return '[^/]*';
    if (after === '/') {
      this.pos++;
      return '(?:[^/]*/)*';
    }
    if (after === undefined || after === '}' || after === ',') {
      // `a/**` also matches `a`: drop the slash just written, make it optional.
      return '__DSTAR_END__';
    }
    return '[^/]*';
  }

  private charClass(): string {
    const start = this.pos;
    this.pos++;
    let negated = false;
    if (this.src[this.pos] === '!' || this.src[this.pos] === '^') {
      negated = true;
      this.pos++;
    }
    const ranges: [number, number][] = [];
    let first = true;
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) throw new GlobSyntaxError(`unclosed [ at ${start}`);
      if (c === ']' && !first) {
        this.pos++;
        break;
      }
      first = false;
      const lo = this.classChar();
      if (this.src[this.pos] === '-' && this.src[this.pos + 1] !== ']') {
        this.pos++;
        if (this.src[this.pos] === undefined) throw new GlobSyntaxError(`unclosed [ at ${start}`);
        const hi = this.classChar();
        if ((hi.codePointAt(0) ?? 0) < (lo.codePointAt(0) ?? 0))
          throw new GlobSyntaxError(`bad range ${lo}-${hi}`);
        ranges.push([lo.codePointAt(0) ?? 0, hi.codePointAt(0) ?? 0]);
      } else {
        const cp = lo.codePointAt(0) ?? 0;
        ranges.push([cp, cp]);
      }
    }
    // A class never matches the separator.
    if (negated) return `[^/${ranges.map(classRange).join('')}]`;
    const allowed = withoutSlash(ranges);
    // RE2 has no empty class; this one matches nothing.
    return allowed.length ? `[${allowed.map(classRange).join('')}]` : '[^\\x00-\\x{10FFFF}]';
  }

  private classChar(): string {
    if (this.src[this.pos] === '\\') {
      const next = this.src[this.pos + 1];
      if (next === undefined) throw new GlobSyntaxError('trailing backslash');
      this.pos += 2;
      return next;
    }
    const cp = this.src.codePointAt(this.pos) ?? 0;
    const ch = String.fromCodePoint(cp);
    this.pos += ch.length;
    return ch;
  }

  private braces(): string {
    const start = this.pos;
    this.pos++;
    const alternatives: string[] = [];
    for (;;) {
      alternatives.push(this.sequence(true));
      const c = this.src[this.pos];
      if (c === undefined) throw new GlobSyntaxError(`unclosed { at ${start}`);
      this.pos++;
      if (c === '}') break;
    }
    return `(?:${alternatives.map(finishDoubleStar).join('|')})`;
  }
}

const SLASH = 0x2f;

/** The ranges less `/`. */
function withoutSlash(ranges: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [lo, hi] of ranges) {
    if (hi < SLASH || lo > SLASH) out.push([lo, hi]);
    else {
      if (lo < SLASH) out.push([lo, SLASH - 1]);
      if (hi > SLASH) out.push([SLASH + 1, hi]);
    }
  }
  return out;
}

/** One range of an RE2 class; every code point in hex, so that no character is special. */
function classRange([lo, hi]: [number, number]): string {
  const hex = (cp: number): string => `\\x{${cp.toString(16)}}`;
  return lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`;
}

/** Resolves the end-of-segment `**` marker: `x/**` matches `x` and everything below it. */
function finishDoubleStar(source: string): string {
  const marker = '__DSTAR_END__';
  if (!source.includes(marker)) return source;
  return source
    .split(marker)
    .map((part, i, parts) => {
      if (i === parts.length - 1) return part;
      // The slash before `**` (escaped as `\/`) becomes part of the optional tail.
      if (part.endsWith('\\/')) return `${part.slice(0, -2)}(?:/.*)?`;
      return `${part}.*`;
    })
    .join('');
}
