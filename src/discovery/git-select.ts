/**
 * The pure half of git discovery: how Kargo's commit and tag selectors choose among what a
 * repository has (names, SemVer constraints, regexes, expression filters), and how git's own
 * output reads. No I/O here: `git.ts` runs git and hands these functions what it printed, so
 * selection is tested without a repository.
 */
import { compileExpr, evaluateBool, ExprTime, type CompiledExpr } from '../expr/index.js';
import type { GitSubscription } from '../pipeline/types.js';
import { parseConstraint, type Constraint } from '../semver/constraint.js';
import { compareVersionsDesc, parseVersion, type ParsedVersion } from '../semver/parse.js';
import { ConfigError, errorMessage } from '../util/errors.js';
import { compileRegex, type Regex } from '../util/regex.js';
import type { DiscoveredCommit } from './types.js';

/** Commit metadata as the expression filters see it (Kargo's `git.CommitMetadata`). */
export interface CommitInfo {
  id: string;
  /** Committer date, with the committer's UTC offset. */
  commitDate: string;
  /** `Name <email>`. */
  author: string;
  committer: string;
  subject: string;
}

/** Tag metadata as the expression filters see it (Kargo's `git.TagMetadata`). */
export interface TagInfo {
  tag: string;
  /** The commit the tag points to (peeled). */
  id: string;
  /** Tagger date for annotated tags, committer date for lightweight ones. */
  creatorDate: string;
  /** Of the commit. */
  author: string;
  committer: string;
  subject: string;
  /** `Name <email>` of the tagger; empty for lightweight tags. */
  tagger: string;
  /** The annotated tag's message; empty for lightweight tags. */
  annotation: string;
}

/** A tag as `ls-remote` lists it. */
export interface RemoteTag {
  tag: string;
  /** The tag's own object: a tag object (annotated) or the commit (lightweight). */
  oid: string;
  /** The commit it peels to (`^{}` line), or `oid` for lightweight tags. */
  commit: string;
}

// ---- pure parts -----------------------------------------------------------------------------------

/**
 * Kargo's `shortenString(s, 80)`: the first 77 characters and `...` when longer than 80. Counts
 * code points where Go counts bytes (deviation: a multi-byte character is never cut in half).
 */
export function shortenString(s: string, length: number): string {
  const chars = [...s];
  if (chars.length <= length) return s;
  return chars.slice(0, length - 3).join('') + '...';
}

/** Parsed `git ls-remote [--symref]` output. */
export interface LsRemote {
  /** `HEAD` → `refs/heads/main` from `ref: … HEAD` lines. */
  symrefs: Map<string, string>;
  refs: Map<string, string>;
  /** Ref name → peeled object (`<ref>^{}` lines). */
  peeled: Map<string, string>;
}

export function parseLsRemote(stdout: string): LsRemote {
  const out: LsRemote = { symrefs: new Map(), refs: new Map(), peeled: new Map() };
  for (const line of stdout.split('\n')) {
    if (!line) continue;
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const left = line.slice(0, tab);
    const name = line.slice(tab + 1);
    if (left.startsWith('ref: ')) out.symrefs.set(name, left.slice(5));
    else if (name.endsWith('^{}')) out.peeled.set(name.slice(0, -3), left);
    else out.refs.set(name, left);
  }
  return out;
}

/** The tags of an ls-remote listing, each with the commit it peels to. */
export function remoteTags(ls: LsRemote): RemoteTag[] {
  const out: RemoteTag[] = [];
  for (const [name, oid] of ls.refs) {
    if (!name.startsWith('refs/tags/')) continue;
    out.push({ tag: name.slice('refs/tags/'.length), oid, commit: ls.peeled.get(name) ?? oid });
  }
  return out;
}

/**
 * Kargo's branch `MatchesRef`: only `refs/heads/` refs; no configured branch means `main` or
 * `master` (Kargo's guess, used here only where the remote does not say which is its default).
 */
export function branchMatchesRef(branch: string | undefined, ref: string): boolean {
  if (!ref.startsWith('refs/heads/')) return false;
  const name = ref.slice('refs/heads/'.length);
  if (!branch) return name === 'main' || name === 'master';
  return name === branch;
}

/** Name filters of the tag strategies, compiled once. */
export interface TagSelector {
  /** Kargo's `MatchesRef` for tag strategies: `refs/tags/` refs that pass the name filters. */
  matchesRef(ref: string): boolean;
  matchesTag(tag: string): boolean;
  /**
   * The tags that pass the name filters (and, for SemVer, parse and satisfy the constraint),
   * ordered for selection: SemVer newest version first, Lexical by descending byte order. For
   * NewestTag the order is the listing's; dates decide later.
   */
  candidates<T extends { tag: string }>(tags: readonly T[]): T[];
}

function compileRegexes(list: readonly string[]): Regex[] {
  return list.map((r) => {
    try {
      return compileRegex(r);
    } catch (err) {
      throw new ConfigError(err instanceof Error ? err.message : String(err));
    }
  });
}

export function tagSelector(sub: GitSubscription): TagSelector {
  const allow = compileRegexes(sub.allowTagsRegexes);
  const ignore = compileRegexes(sub.ignoreTagsRegexes);
  let constraint: Constraint | undefined;
  if (sub.commitSelectionStrategy === 'SemVer' && sub.semverConstraint) {
    try {
      constraint = parseConstraint(sub.semverConstraint);
    } catch (err) {
      throw new ConfigError(err instanceof Error ? err.message : String(err));
    }
  }
  const byName = (tag: string): boolean => {
    // Ignore wins; no allow list allows everything.
    if (ignore.some((r) => r.test(tag))) return false;
    return allow.length === 0 || allow.some((r) => r.test(tag));
  };
  const semver = (tag: string): ParsedVersion | null => {
    const v = parseVersion(tag, sub.strictSemvers);
    if (!v || (constraint && !constraint.matches(v.version))) return null;
    return v;
  };
  const matchesTag = (tag: string): boolean =>
    byName(tag) && (sub.commitSelectionStrategy !== 'SemVer' || semver(tag) !== null);
  return {
    matchesTag,
    matchesRef: (ref) => ref.startsWith('refs/tags/') && matchesTag(ref.slice(10)),
    candidates<T extends { tag: string }>(tags: readonly T[]): T[] {
      const named = tags.filter((t) => byName(t.tag));
      switch (sub.commitSelectionStrategy) {
        case 'SemVer': {
          const parsed: { t: T; v: ParsedVersion }[] = [];
          for (const t of named) {
            const v = semver(t.tag);
            if (v) parsed.push({ t, v });
          }
          return parsed.sort((a, b) => compareVersionsDesc(a.v, b.v)).map((p) => p.t);
        }
        case 'Lexical':
          return named.sort((a, b) => compareBytes(b.tag, a.tag));
        default:
          return named;
      }
    },
  };
}

/** Go's string order (bytes of UTF-8), which differs from JS's UTF-16 order above U+FFFF. */
export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * NewestTag order: creator date descending; equal dates by tag name ascending, which is what
 * `git for-each-ref --sort=-creatordate` (Kargo's listing) falls back to.
 */
export function sortByCreatorDate<T extends { tag: string; creatorDate: string }>(
  tags: readonly T[],
): T[] {
  return [...tags].sort((a, b) => {
    const d = Date.parse(b.creatorDate) - Date.parse(a.creatorDate);
    return d !== 0 ? d : compareBytes(a.tag, b.tag);
  });
}

/** A time for expressions, keeping the offset git printed (`Year()` reads the wall clock there). */
export function exprTime(iso: string): ExprTime {
  const ms = Date.parse(iso);
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(iso);
  const offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  return new ExprTime(ms, offset);
}

/** Kargo's env for commit expression filters: id, commitDate, author, committer, subject. */
export function commitEnv(c: CommitInfo): Record<string, unknown> {
  return {
    id: c.id,
    commitDate: exprTime(c.commitDate),
    author: c.author,
    committer: c.committer,
    subject: c.subject,
  };
}

/** Kargo's env for tag expression filters. */
export function tagEnv(t: TagInfo): Record<string, unknown> {
  return {
    tag: t.tag,
    id: t.id,
    creatorDate: exprTime(t.creatorDate),
    author: t.author,
    committer: t.committer,
    subject: t.subject,
    tagger: t.tagger,
    annotation: t.annotation,
  };
}

/** Compiles an `expressionFilter` once; Kargo's `error compiling filter expression` otherwise. */
function compileFilter(source: string | undefined): CompiledExpr | undefined {
  if (!source?.trim()) return undefined;
  try {
    return compileExpr(source);
  } catch (err) {
    throw new ConfigError(`error compiling filter expression: ${errorMessage(err)}`);
  }
}

/**
 * `expressionFilter` over commits (env: id, commitDate, author, committer, subject). A non-bool
 * result is read with Go's `strconv.ParseBool`; errors read like Kargo's
 * (`error evaluating filter expression: …`).
 */
export function commitFilter(source: string | undefined): (c: CommitInfo) => boolean {
  const compiled = compileFilter(source);
  if (!compiled) return () => true;
  return (c) => {
    try {
      return evaluateBool(compiled, commitEnv(c));
    } catch (err) {
      throw new ConfigError(
        `error selecting relevant commits from branch: error evaluating filter expression on commit ${c.id.slice(0, 7)}: ${errorMessage(err)}`,
      );
    }
  };
}

/**
 * `expressionFilter` over tags (env: tag, id, creatorDate, author, committer, subject, tagger,
 * annotation); errors read like Kargo's (`error filtering tags by expression: …`).
 */
export function tagFilter(source: string | undefined): (t: TagInfo) => boolean {
  const compiled = compileFilter(source);
  if (!compiled) return () => true;
  return (t) => {
    try {
      return evaluateBool(compiled, tagEnv(t));
    } catch (err) {
      throw new ConfigError(
        `error filtering tags by expression (tag ${t.tag}): ${errorMessage(err)}`,
      );
    }
  };
}

export function commitToDiscovered(c: CommitInfo, branch: string): DiscoveredCommit {
  return {
    id: c.id,
    branch,
    message: shortenString(c.subject, 80),
    author: c.author,
    committer: c.committer,
    createdAt: isoUtc(c.commitDate),
  };
}

export function tagToDiscovered(t: TagInfo): DiscoveredCommit {
  return {
    id: t.id,
    tag: t.tag,
    message: shortenString(t.subject, 80),
    author: t.author,
    committer: t.committer,
    createdAt: isoUtc(t.creatorDate),
  };
}

function isoUtc(s: string): string {
  const ms = Date.parse(s);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : s;
}

// ---- git output parsing ---------------------------------------------------------------------------

/** `git log` format: one record per commit, NUL-separated fields, introduced by \x01. */
export const LOG_FORMAT = '--format=%x01%H%x00%cI%x00%an <%ae>%x00%cn <%ce>%x00%s%x00';

export interface LoggedCommit extends CommitInfo {
  /** Changed paths, when the log was run with `--name-only -z`. */
  paths: string[];
}

export function parseLog(stdout: string): LoggedCommit[] {
  const out: LoggedCommit[] = [];
  for (const rec of stdout.split('\x01')) {
    if (!rec) continue;
    const parts = rec.split('\0');
    const [id = '', commitDate = '', author = '', committer = '', subject = ''] = parts;
    if (!/^[0-9a-f]{40,64}$/.test(id)) continue;
    const paths = parts
      .slice(5)
      .map((p) => p.replace(/^\n/, ''))
      .filter((p) => p !== '');
    out.push({ id, commitDate, author, committer, subject, paths });
  }
  return out;
}

export const TAG_FORMAT =
  '--format=%(refname)%00%(objectname)%00%(objecttype)%00%(*objectname)%00%(*objecttype)%00%(creatordate:iso-strict)%00%(authorname) %(authoremail)%00%(committername) %(committeremail)%00%(subject)%00%(*authorname) %(*authoremail)%00%(*committername) %(*committeremail)%00%(*subject)%00%(taggername) %(taggeremail)%00%(contents)%01';

export interface LocalTag extends TagInfo {
  oid: string;
}

/** Reads `for-each-ref` output in TAG_FORMAT; tags that do not point to a commit are skipped. */
export function parseTagRefs(stdout: string): LocalTag[] {
  const out: LocalTag[] = [];
  for (let rec of stdout.split('\x01')) {
    rec = rec.replace(/^\n/, '');
    if (!rec) continue;
    const f = rec.split('\0');
    const [ref = '', oid = '', type = '', peeledOid = '', peeledType = '', date = ''] = f;
    if (!ref.startsWith('refs/tags/')) continue;
    const tag = ref.slice('refs/tags/'.length);
    const trim = (s: string | undefined) => (s ?? '').trim();
    if (type === 'commit') {
      out.push({
        tag,
        oid,
        id: oid,
        creatorDate: date,
        author: trim(f[6]),
        committer: trim(f[7]),
        subject: f[8] ?? '',
        tagger: '',
        annotation: '',
      });
    } else if (type === 'tag' && peeledType === 'commit') {
      out.push({
        tag,
        oid,
        id: peeledOid,
        creatorDate: date,
        author: trim(f[9]),
        committer: trim(f[10]),
        subject: f[11] ?? '',
        tagger: trim(f[12]),
        annotation: (f[13] ?? '').replace(/\n$/, ''),
      });
    }
  }
  return out;
}
