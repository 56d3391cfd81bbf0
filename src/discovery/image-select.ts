/**
 * Pure pieces of Kargo's image selection (`pkg/image`): tag filters, the order each strategy
 * sorts by, platform constraints and the annotation merge. No I/O: images.ts calls the registry.
 */
import type { ImageSelectionStrategy } from '../pipeline/types.js';
import { parseConstraint, type Constraint } from '../semver/constraint.js';
import { compareVersionsDesc, parseVersion, type ParsedVersion } from '../semver/parse.js';

/** `allowTagsRegexes` / `ignoreTagsRegexes`: ignore wins; no allow list allows everything. */
export interface TagFilter {
  matches(tag: string): boolean;
}

/** The filter of a subscription without regexes: every tag passes (tag-filter.ts compiles the rest). */
export const ALL_TAGS: TagFilter = { matches: () => true };

/** Kargo's `filterTags`: the tags the filter keeps, in their order. */
export function filterTags(tags: readonly string[], filter: TagFilter): string[] {
  return tags.filter((t) => filter.matches(t));
}

export interface SemverMatcher {
  /** The tag passes the regexes, parses as a version (strictly, if asked) and meets the constraint. */
  matches(tag: string): boolean;
  /** The parsed version when `matches`, else null. */
  parse(tag: string): ParsedVersion | null;
}

/** SemVer's MatchesTag. Throws `error parsing semver constraint …` for a bad constraint. */
export function semverMatcher(opts: {
  filter: TagFilter;
  constraint?: string | undefined;
  strictSemvers: boolean;
}): SemverMatcher {
  const constraint: Constraint | null = opts.constraint ? parseConstraint(opts.constraint) : null;
  const parse = (tag: string): ParsedVersion | null => {
    if (!opts.filter.matches(tag)) return null;
    const v = parseVersion(tag, opts.strictSemvers);
    if (!v) return null;
    return !constraint || constraint.matches(v.version) ? v : null;
  };
  return { parse, matches: (tag) => parse(tag) !== null };
}

/** SemVer order: newest version first, ties by descending original string; non-versions dropped. */
export function sortSemverTags(tags: readonly string[], strictSemvers: boolean): string[] {
  const parsed: ParsedVersion[] = [];
  for (const t of tags) {
    const v = parseVersion(t, strictSemvers);
    if (v) parsed.push(v);
  }
  return parsed.sort(compareVersionsDesc).map((v) => v.original);
}

/** Go's `strings.Compare` (byte order; tags are ASCII, so UTF-16 order is the same). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Lexical order: descending byte order (`v9` before `v10`, as Kargo does it). */
export function sortLexicalTags(tags: readonly string[]): string[] {
  return [...tags].sort((a, b) => compareStrings(b, a));
}

/** Digest's MatchesTag: exactly the mutable tag. */
export function digestMatchesTag(mutableTag: string, tag: string): boolean {
  return tag === mutableTag;
}

export interface BuildTimed {
  tag: string;
  /** ISO time; undefined sorts after every known time. */
  createdAt?: string | undefined;
}

/** NewestBuild order: newest build first, ties (and unknown times) by descending tag. */
export function sortNewestBuild<T extends BuildTimed>(images: readonly T[]): T[] {
  const time = (i: T): number => {
    const t = i.createdAt ? Date.parse(i.createdAt) : NaN;
    return Number.isNaN(t) ? -Infinity : t;
  };
  return [...images].sort((a, b) => {
    const ta = time(a);
    const tb = time(b);
    if (ta !== tb) return tb > ta ? 1 : -1;
    return compareStrings(b.tag, a.tag);
  });
}

export interface PlatformConstraint {
  os: string;
  arch: string;
  variant: string;
}

/** Parse `os/arch[/variant]`. Throws `error parsing platform constraint "<s>"`. */
export function parsePlatform(s: string): PlatformConstraint {
  const parts = s.split('/');
  if (parts.length < 2) throw new Error(`error parsing platform constraint ${JSON.stringify(s)}`);
  const [os = '', arch = '', ...rest] = parts;
  return { os, arch, variant: rest.join('/') };
}

export function formatPlatform(p: PlatformConstraint): string {
  return p.variant ? `${p.os}/${p.arch}/${p.variant}` : `${p.os}/${p.arch}`;
}

/** OS, architecture and variant all equal (an empty variant does not match `v8`). */
export function platformMatches(
  p: PlatformConstraint,
  os: string,
  arch: string,
  variant: string | undefined,
): boolean {
  return p.os === os && p.arch === arch && p.variant === (variant ?? '');
}

export interface PlatformEntry {
  os: string;
  arch: string;
  variant?: string | undefined;
  annotations?: Record<string, string> | undefined;
}

/**
 * Kargo's `getAnnotations`: a copy of the image's own annotations, overlaid with those of the
 * platform matching the constraint (if any). Without a constraint, platform annotations are not
 * used. Undefined when there is nothing.
 */
export function mergeAnnotations(
  base: Record<string, string> | undefined,
  platforms: readonly PlatformEntry[],
  constraint: PlatformConstraint | undefined,
): Record<string, string> | undefined {
  const out = base ? { ...base } : undefined;
  if (!constraint) return out;
  const p = platforms.find((e) => platformMatches(constraint, e.os, e.arch, e.variant));
  if (!p) return out;
  return { ...(out ?? {}), ...(p.annotations ?? {}) };
}

/** Strategies that choose among tags by name alone, so only the kept tags need a registry call. */
export function selectsByName(strategy: ImageSelectionStrategy): boolean {
  return strategy === 'SemVer' || strategy === 'Lexical';
}
