/**
 * Version parsing the way Kargo parses tags and chart versions (Masterminds/semver v3 underneath):
 * non-strict parsing coerces partial versions (`1` → `1.0.0`, `v1.2` → `1.2.0`), strict parsing
 * wants exactly `MAJOR.MINOR.PATCH` (optionally with pre-release and build metadata) after at
 * most one leading `v`. The original string is kept: it is what gets written back to manifests.
 */
// The class alone: the package's index loads every range and function module (~15 ms at start).
import SemVer from 'semver/classes/semver.js';

export interface ParsedVersion {
  version: SemVer;
  /** The tag or version string exactly as found. */
  original: string;
}

const IDENTIFIERS = '[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*';
const LOOSE = new RegExp(
  `^v?([0-9]+)(?:\\.([0-9]+))?(?:\\.([0-9]+))?(?:-(${IDENTIFIERS}))?(?:\\+(${IDENTIFIERS}))?$`,
);
const NUMBER = '(?:0|[1-9][0-9]*)';
const STRICT = new RegExp(
  `^${NUMBER}\\.${NUMBER}\\.${NUMBER}(?:-(${IDENTIFIERS}))?(?:\\+(${IDENTIFIERS}))?$`,
);

function numeric(part: string | undefined): number | null {
  if (part === undefined) return 0;
  const n = Number(part);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * Parse a tag as a semantic version, or return null when it is not one.
 *
 * strict=false: optional leading `v`, missing minor/patch filled with 0, leading zeros in the
 * numbers tolerated. strict=true: additionally the tag, less one leading `v`, must be a full
 * SemVer 2.0 version (three numbers, no leading zeros), so `v1.0` is rejected.
 */
export function parseVersion(tag: string, strict: boolean): ParsedVersion | null {
  if (strict && !STRICT.test(tag.startsWith('v') ? tag.slice(1) : tag)) return null;
  const m = LOOSE.exec(tag);
  if (!m) return null;
  const major = numeric(m[1]);
  const minor = numeric(m[2]);
  const patch = numeric(m[3]);
  if (major === null || minor === null || patch === null) return null;
  const text =
    `${major}.${minor}.${patch}` +
    (m[4] !== undefined ? `-${m[4]}` : '') +
    (m[5] !== undefined ? `+${m[5]}` : '');
  try {
    // Pre-release identifiers are validated here (`1.0.0-01` is not a version).
    return { version: new SemVer(text), original: tag };
  } catch {
    return null;
  }
}

/**
 * Sort comparator: newest version first by SemVer precedence (build metadata ignored); equal
 * versions by descending original string, so the order is total and stable across runs
 * (`["1.0","1.0.0"]` ⇒ `["1.0.0","1.0"]`, `["1.0.0","v1.0.0"]` ⇒ `["v1.0.0","1.0.0"]`).
 */
export function compareVersionsDesc(a: ParsedVersion, b: ParsedVersion): number {
  const byVersion = b.version.compare(a.version);
  if (byVersion !== 0) return byVersion;
  return a.original < b.original ? 1 : a.original > b.original ? -1 : 0;
}

/** Parse the tags that are versions and sort them newest first; the others are dropped. */
export function sortVersionsDesc(tags: Iterable<string>, strict: boolean): ParsedVersion[] {
  const out: ParsedVersion[] = [];
  for (const tag of tags) {
    const parsed = parseVersion(tag, strict);
    if (parsed) out.push(parsed);
  }
  return out.sort(compareVersionsDesc);
}
