/**
 * Go RE2 patterns (what Kargo users write in `allowTags`, `ignoreTags`, path filters,
 * `matches` in expressions, …), matched by re2js, a JavaScript port of RE2.
 *
 * Patterns and subjects come from users and registries, so matching must not be able to hang the
 * process: JavaScript's RegExp backtracks (`^(a+)+$` against a few dozen `a`s and a `!` takes
 * minutes, and blocks the event loop so no timer can end it). RE2 matches in time linear in the
 * subject's length for every pattern, and its parser is the one Go's regexp/syntax has, so what
 * Kargo accepts and rejects, and the error messages, are Go's.
 *
 * Matching is unanchored, as in Go. Errors read like Kargo's:
 * `error compiling regular expression "<pattern>": error parsing regexp: <reason>: `<expr>``.
 */
import type { RE2JS as RE2JSClass, RE2JSException as RE2JSExceptionClass } from 're2js';

/**
 * re2js, once loaded: it is ~260 KB of code, which a command that compiles no pattern (`get
 * stages` of a project without filters or expressions) does not load. Importing ./regex.js loads
 * it (statically, for modules that match at run time); loadRegexEngine does so on demand.
 */
interface Engine {
  RE2JS: typeof RE2JSClass;
  RE2JSException: typeof RE2JSExceptionClass;
}
let engine: Engine | undefined;

/** Called by ./regex.js when it loads re2js. */
export function useRegexEngine(e: Engine): void {
  engine ??= e;
}

/** Loads re2js, when it is not loaded yet: compileRegex needs it. */
export async function loadRegexEngine(): Promise<void> {
  if (!engine) await import('./regex.js');
}

function loaded(): Engine {
  if (!engine)
    throw new Error(
      'the RE2 engine is not loaded: import util/regex.js, or await loadRegexEngine() before compiling a pattern',
    );
  return engine;
}

/** A compiled RE2 pattern. Matching never backtracks and keeps no state between calls. */
export interface Regex {
  /** The pattern as written. */
  readonly source: string;
  /** Whether the pattern matches anywhere in `input`. */
  test(input: string): boolean;
  /**
   * The leftmost match and its groups (unmatched groups are undefined), or null. Submatches are
   * the ones Perl and Go pick (leftmost-first).
   */
  exec(input: string): (string | undefined)[] | null;
}

const NAMED_GROUP = /^\(\?P?<([A-Za-z0-9_]+)>/;

/**
 * Go allows one name on several groups (`(?P<x>a)(?P<x>b)`; lookups take the leftmost); RE2's
 * own parser, which re2js follows, does not. Names only matter for submatch lookups, so a repeated
 * name is dropped, leaving a plain capturing group (numbering is unchanged). The scan skips
 * escapes, `\Q…\E` and character classes, where `(?<` is not a group.
 */
function dropRepeatedNames(pattern: string): string {
  const seen = new Set<string>();
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
      } else {
        out += pattern.slice(i, i + 2);
        i += 2;
      }
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++; // a leading `]` is a literal
      while (j < pattern.length && pattern[j] !== ']') {
        if (pattern[j] === '\\') j += 2;
        else if (pattern.startsWith('[:', j)) {
          const end = pattern.indexOf(':]', j + 2);
          j = end < 0 ? j + 1 : end + 2;
        } else j++;
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

function compileRe2(pattern: string): RE2JSClass {
  const { RE2JS, RE2JSException } = loaded();
  try {
    return RE2JS.compile(pattern);
  } catch (err) {
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
export function compileRegex(pattern: string): Regex {
  let re: RE2JSClass;
  loaded();
  try {
    re = compileRe2(pattern);
  } catch (err) {
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
      return m ? Array.from(m, (g: unknown) => (typeof g === 'string' ? g : undefined)) : null;
    },
  };
}
