/**
 * Kargo's tag regexes. A module of its own so that a subscription without regexes never loads the
 * RE2 engine (re2js is the largest module discovery would load, ~12 ms of a process's start).
 */
import { compileRegex } from '../util/regex.js';

/** `allowTagsRegexes` / `ignoreTagsRegexes`: ignore wins; no allow list allows everything. */
export interface TagFilter {
  matches(tag: string): boolean;
}

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

/** The filter of a subscription without regexes: every tag passes. */
export const ALL_TAGS: TagFilter = { matches: () => true };
