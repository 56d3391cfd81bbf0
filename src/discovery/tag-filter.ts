/**
 * Kargo's tag regexes. A module of its own so that image discovery without regexes does not load
 * the RE2 engine (re2js, ~12 ms of a process's start). The CLI and the actions still load it with
 * the project files (expressions, lint), so today this spares only a process of discovery alone.
 */
import { compileRegex } from '../util/regex.js';
import type { TagFilter } from './image-select.js';

/** Compile the tag regexes (Go RE2, unanchored). Errors read `error compiling regular expression "…"`. */
export function compileTagFilter(allow: readonly string[], ignore: readonly string[]): TagFilter {
  const allowRes = allow.map(compileRegex);
  const ignoreRes = ignore.map(compileRegex);
  return {
    matches(tag: string): boolean {
      if (ignoreRes.some((re) => re.test(tag))) return false;
      return allowRes.length === 0 || allowRes.some((re) => re.test(tag));
    },
  };
}
