/**
 * Semantic-version constraints as Kargo reads them (Masterminds/semver v3 grammar and meaning),
 * which differ from node-semver's ranges: commas separate ANDed comparators, `=<`/`=>` are
 * operators, partial versions are wildcards, and pre-releases are judged per comparator.
 *
 * Grammar:
 *   constraint := and ( "||" and )*
 *   and        := comparator ( ( whitespace | "," ) comparator )*   |   version " - " version
 *   comparator := op? version
 *   op         := "=" | "!=" | ">" | "<" | ">=" | "=>" | "<=" | "=<" | "~" | "~>" | "^"
 *   version    := "v"? part ( "." part ( "." part )? )? ( "-" prerelease )? ( "+" build )?
 *   part       := digits | "x" | "X" | "*"
 *
 * A missing or wildcard part makes the comparator a range: `1.2`, `1.2.x`, `=1.2` mean
 * `>=1.2.0 <1.3.0`; `>1.2` means `>=1.3.0`; `<=1.2` means `<1.3.0`; `*` means anything.
 * Tilde: `~1.2.3` = `>=1.2.3 <1.3.0`, `~1` = `>=1.0.0 <2.0.0`. Caret: `^1.2` = `>=1.2.0 <2.0.0`,
 * `^0.2.3` = `>=0.2.3 <0.3.0`, `^0.0.3` = `>=0.0.3 <0.0.4`.
 *
 * Pre-releases (Masterminds v3): a version with a pre-release fails every comparator whose own
 * version has none, so `1.2.x-0` admits `1.2.3-alpha.1` while `^1.2` does not admit `1.3.0-rc.1`.
 * Comparisons use SemVer precedence; build metadata is ignored.
 */
// The class alone: the package's index loads every range and function module (~15 ms at start).
import SemVer from 'semver/classes/semver.js';
import { parseVersion } from './parse.js';

type Op = '=' | '!=' | '>' | '<' | '>=' | '<=' | '~' | '^';

interface Comparator {
  op: Op;
  /** The version with wildcards replaced by 0 (and the pre-release kept). */
  con: SemVer;
  /** Which part is the first wildcard: 'major' (`*`), 'minor' (`1`, `1.x`), 'patch' (`1.2`). */
  wild: 'major' | 'minor' | 'patch' | null;
  hasPre: boolean;
}

export interface Constraint {
  /** The constraint exactly as written. */
  readonly text: string;
  /** Whether the version satisfies the constraint. Strings are parsed leniently (`v1.2`). */
  matches(v: SemVer | string): boolean;
}

const OPS: readonly [string, Op][] = [
  // Longest first.
  ['!=', '!='],
  ['>=', '>='],
  ['=>', '>='],
  ['<=', '<='],
  ['=<', '<='],
  ['~>', '~'],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
  ['~', '~'],
  ['^', '^'],
];

const PART = '(?:[0-9]+|[xX*])';
const IDENTIFIERS = '[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*';
const VERSION_SOURCE = `v?(${PART})(?:\\.(${PART}))?(?:\\.(${PART}))?(?:-(${IDENTIFIERS}))?(?:\\+${IDENTIFIERS})?`;
const VERSION = new RegExp(`^${VERSION_SOURCE}`);
const PLAIN_VERSION = `v?${PART}(?:\\.${PART}){0,2}(?:-${IDENTIFIERS})?(?:\\+${IDENTIFIERS})?`;
const HYPHEN_RANGE = new RegExp(`(${PLAIN_VERSION})\\s+-\\s+(${PLAIN_VERSION})`, 'g');

class ConstraintSyntaxError extends Error {}

function isWild(part: string | undefined): boolean {
  return part === undefined || part === 'x' || part === 'X' || part === '*';
}

function toNumber(part: string): number {
  const n = Number(part);
  if (!Number.isSafeInteger(n))
    throw new ConstraintSyntaxError(`version number too large: ${part}`);
  return n;
}

/** Parse `op? version` at the start of `text`; returns the comparator and the rest. */
function parseComparator(text: string, segment: string): [Comparator, string] {
  let rest = text;
  let op: Op = '=';
  for (const [spelling, meaning] of OPS) {
    if (rest.startsWith(spelling)) {
      op = meaning;
      rest = rest.slice(spelling.length).trimStart();
      break;
    }
  }
  const m = VERSION.exec(rest);
  if (!m) throw new ConstraintSyntaxError(`improper constraint: ${segment}`);
  rest = rest.slice(m[0].length);
  if (rest !== '' && !/^[\s,]/.test(rest))
    throw new ConstraintSyntaxError(`improper constraint: ${segment}`);
  const [, major, minor, patch, pre] = m;
  let wild: Comparator['wild'] = null;
  const nums: [number, number, number] = [0, 0, 0];
  if (isWild(major)) wild = 'major';
  else {
    nums[0] = toNumber(major ?? '');
    if (isWild(minor)) wild = 'minor';
    else {
      nums[1] = toNumber(minor ?? '');
      if (isWild(patch)) wild = 'patch';
      else nums[2] = toNumber(patch ?? '');
    }
  }
  let con: SemVer;
  try {
    con = new SemVer(`${nums.join('.')}${pre !== undefined ? `-${pre}` : ''}`);
  } catch {
    throw new ConstraintSyntaxError(`improper constraint: ${segment}`);
  }
  return [{ op, con, wild, hasPre: pre !== undefined }, rest];
}

function parseAnd(segment: string): Comparator[] {
  const out: Comparator[] = [];
  let rest = segment.trim();
  if (rest === '') throw new ConstraintSyntaxError(`improper constraint: ${segment}`);
  for (;;) {
    const [comparator, after] = parseComparator(rest, segment);
    out.push(comparator);
    rest = after.trimStart();
    if (rest === '') return out;
    if (rest.startsWith(',')) {
      rest = rest.slice(1).trimStart();
      if (rest === '') throw new ConstraintSyntaxError(`improper constraint: ${segment}`);
    }
  }
}

/** `v` is within the wildcard range or tilde range of `c` (lower bound checked by the caller). */
function sameTildeRange(v: SemVer, c: Comparator): boolean {
  if (c.wild === 'major') return true;
  // `~0.0.0` is Masterminds' special case for "anything".
  if (c.wild === null && c.con.major === 0 && c.con.minor === 0 && c.con.patch === 0) return true;
  if (v.major !== c.con.major) return false;
  return c.wild === 'minor' || v.minor === c.con.minor;
}

function check(v: SemVer, c: Comparator): boolean {
  const vPre = v.prerelease.length > 0;
  // Masterminds excludes pre-releases per comparator; its exact `!=` is the one exception.
  if (vPre && !c.hasPre && !(c.op === '!=' && c.wild === null)) return false;
  const cmp = v.compare(c.con);
  switch (c.op) {
    case '=':
      if (c.wild === null) return cmp === 0;
      return cmp >= 0 && sameTildeRange(v, c);
    case '~':
      return cmp >= 0 && sameTildeRange(v, c);
    case '!=':
      if (c.wild === null) return cmp !== 0;
      if (c.wild === 'major') return false;
      return !(v.major === c.con.major && (c.wild === 'minor' || v.minor === c.con.minor));
    case '>':
      if (c.wild === null) return cmp > 0;
      if (c.wild === 'major') return false;
      if (c.wild === 'minor') return v.major > c.con.major;
      return v.major > c.con.major || (v.major === c.con.major && v.minor > c.con.minor);
    case '<':
      if (c.wild === 'major') return false;
      return cmp < 0;
    case '>=':
      return cmp >= 0;
    case '<=':
      if (c.wild === null) return cmp <= 0;
      if (c.wild === 'major') return true;
      if (c.wild === 'minor') return v.major <= c.con.major;
      return v.major < c.con.major || (v.major === c.con.major && v.minor <= c.con.minor);
    case '^':
      if (cmp < 0) return false;
      if (c.wild === 'major') return true;
      if (c.con.major > 0 || c.wild === 'minor') return v.major === c.con.major;
      if (v.major !== 0) return false;
      if (c.con.minor > 0 || c.wild === 'patch') return v.minor === c.con.minor;
      return v.minor === 0 && v.patch === c.con.patch;
  }
}

/**
 * Parse a Masterminds-style constraint. Throws `error parsing semver constraint "<text>": …`.
 */
export function parseConstraint(text: string): Constraint {
  let ors: Comparator[][];
  try {
    const rewritten = text.replace(HYPHEN_RANGE, ' >=$1, <=$2 ');
    ors = rewritten.split('||').map(parseAnd);
  } catch (err) {
    if (err instanceof ConstraintSyntaxError) {
      throw new Error(`error parsing semver constraint ${JSON.stringify(text)}: ${err.message}`, {
        cause: err,
      });
    }
    throw err;
  }
  return {
    text,
    matches(v: SemVer | string): boolean {
      const version = typeof v === 'string' ? parseVersion(v, false)?.version : v;
      if (!version) return false;
      return ors.some((and) => and.every((c) => check(version, c)));
    },
  };
}
