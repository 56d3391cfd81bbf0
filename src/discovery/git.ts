/**
 * Git subscriptions: which commits of a repository are candidates for freight, the way Kargo's
 * commit selectors choose them (`pkg/controller/git/commit`), at the cost of a ref listing when
 * nothing changed.
 *
 * Cost model, cheapest first:
 * 1. One `git ls-remote` (the branch, or `refs/tags/`) on every run. When the refs that matter
 *    and the subscription are the same as on an earlier run, its answer is returned from a small
 *    JSON file in the cache directory: no fetch at all.
 * 2. Otherwise objects are fetched into bare mirrors under the cache directory, incrementally,
 *    and only what the strategy needs:
 *    - NewestFromBranch without path filters: commit objects only (`--filter=tree:0`), as deep as
 *      `discoveryLimit` (deeper, doubling, when an expression filter rejects commits);
 *    - NewestFromBranch with path filters: commits and trees, no blobs (`--filter=blob:none`),
 *      enough history to find `discoveryLimit` matching commits;
 *    - tag strategies: for SemVer and Lexical the tag and commit objects (`--filter=tree:0
 *      --depth=1`) of the best `discoveryLimit` names only (more, in batches, when an expression
 *      filter rejects some); NewestTag needs the date of every tag that passed the name filters.
 *    Later runs fetch only what moved: a branch from its previous tip, tags whose object changed.
 *
 * All git goes through the `Git` door handed in (its remote's credentials, its trace).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compileExpr, evaluateBool, ExprTime, type CompiledExpr } from '../expr/index.js';
import { GitError, type Git, type RunOptions, type GitResult } from '../git/index.js';
import type { GitSubscription } from '../pipeline/types.js';
import { parseConstraint, type Constraint } from '../semver/constraint.js';
import { compareVersionsDesc, parseVersion, type ParsedVersion } from '../semver/parse.js';
import { openCacheRepo, repairRepo } from '../state/cache.js';
import { withDirLock } from '../state/lock.js';
import { ConfigError, OperationError } from '../util/errors.js';
import { compileRegex, type Regex } from '../util/regex.js';
import { retry, type RetryPolicy } from '../util/retry.js';
import { compilePathFilter, type PathFilter } from './path-filter.js';
import type { DiscoveredCommit, DiscoveryLog } from './types.js';

export interface GitDiscoveryDeps {
  /** Git for the subscription's remote, with its credentials (and, in tests, a trace). */
  git: Git;
  /** Directory that survives between runs; mirrors and the last answers live under it. */
  cacheDir: string;
  log: DiscoveryLog;
  clock?: () => Date;
  /** Retries of ls-remote and fetch on network errors and timeouts. */
  retry?: RetryPolicy;
}

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

const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 250, maxDelayMs: 2_000 };
const RESULT_CACHE_VERSION = 1;
const RESULT_CACHE_ENTRIES = 64;

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
    throw new ConfigError(`error compiling filter expression: ${errText(err)}`);
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
        `error selecting relevant commits from branch: error evaluating filter expression on commit ${c.id.slice(0, 7)}: ${errText(err)}`,
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
      throw new ConfigError(`error filtering tags by expression (tag ${t.tag}): ${errText(err)}`);
    }
  };
}

function errText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
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
const LOG_FORMAT = '--format=%x01%H%x00%cI%x00%an <%ae>%x00%cn <%ce>%x00%s%x00';

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

const TAG_FORMAT =
  '--format=%(refname)%00%(objectname)%00%(objecttype)%00%(*objectname)%00%(*objecttype)%00%(creatordate:iso-strict)%00%(authorname) %(authoremail)%00%(committername) %(committeremail)%00%(subject)%00%(*authorname) %(*authoremail)%00%(*committername) %(*committeremail)%00%(*subject)%00%(taggername) %(taggeremail)%00%(contents)%01';

interface LocalTag extends TagInfo {
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

// ---- discovery ------------------------------------------------------------------------------------

function isTransient(err: unknown): boolean {
  return err instanceof GitError && (err.kind === 'network' || err.kind === 'timeout');
}

type MirrorKind = 'commits' | 'paths' | 'tags' | 'assembly';

/** One subscription's discovery: the remote, its mirrors, its git commands. */
class GitSource {
  readonly url: string;
  private readonly key: string;
  private readonly root: string;
  private readonly tls: string[];
  private readonly policy: RetryPolicy;

  constructor(
    readonly sub: GitSubscription,
    readonly deps: GitDiscoveryDeps,
  ) {
    this.url = deps.git.remote?.url ?? sub.repoURL;
    this.key = createHash('sha256').update(this.url).digest('hex').slice(0, 16);
    this.root = join(deps.cacheDir, 'git-discovery');
    this.tls = sub.insecureSkipTLSVerify ? ['-c', 'http.sslVerify=false'] : [];
    this.policy = deps.retry ?? DEFAULT_RETRY;
  }

  info(line: string): void {
    this.deps.log.info(line);
  }

  /** A local git command (in a mirror); TLS settings do not matter, but keep one shape. */
  run(args: string[], options: RunOptions = {}): Promise<GitResult> {
    return this.deps.git.run([...this.tls, ...args], options);
  }

  /** A command that talks to the remote: retried on network errors and timeouts. */
  remote(args: string[], options: RunOptions = {}): Promise<GitResult> {
    return retry(() => this.run(args, options), isTransient, this.policy);
  }

  async lsRemote(options: string[], patterns: string[] = []): Promise<LsRemote> {
    const res = await this.remote(['ls-remote', ...options, this.url, ...patterns]);
    return parseLsRemote(res.stdout);
  }

  mirrorPath(kind: MirrorKind): string {
    return join(this.root, `${this.key}-${kind}.git`);
  }

  /**
   * Runs `fn` on an initialised mirror under its lock (other subscriptions, other processes). The
   * mirror is a cache like the state store's, with the same guarantees after a `kill -9`: it is
   * built under a temporary name and renamed into place (one missing its settings is rebuilt),
   * and the git lock files a dead holder of its lock left are removed before it is used.
   */
  async inMirror<T>(kind: MirrorKind, fn: (dir: string) => Promise<T>): Promise<T> {
    const dir = this.mirrorPath(kind);
    await mkdir(this.root, { recursive: true });
    // Only the URL is stored; credentials come with each command's environment.
    await openCacheRepo(this.deps.git, dir, [
      ['remote.origin.url', this.url],
      ['remote.origin.promisor', 'true'],
      ['remote.origin.partialclonefilter', kind === 'paths' ? 'blob:none' : 'tree:0'],
      ['core.repositoryFormatVersion', '1'],
      ['extensions.partialClone', 'origin'],
    ]);
    return withDirLock(dir, () => fn(dir), { recover: () => repairRepo(dir) });
  }

  fetch(dir: string, args: string[], input?: string): Promise<GitResult> {
    return this.remote(
      [
        // By object id (`--stdin` with ids): say nothing of what the mirror has, as the state
        // cache does; for refspecs the default negotiation keeps incremental fetches small.
        ...(args.includes('--stdin') ? ['-c', 'fetch.negotiationAlgorithm=noop'] : []),
        'fetch',
        '-q',
        '--no-tags',
        '--no-write-fetch-head',
        '--recurse-submodules=no',
        'origin',
        ...args,
      ],
      { cwd: dir, input },
    );
  }

  // ---- the answer cache -------------------------------------------------------------------------

  private get resultsFile(): string {
    return join(this.root, `${this.key}-results.json`);
  }

  private async readResults(): Promise<
    Record<string, { at: string; commits: DiscoveredCommit[] }>
  > {
    try {
      const doc = JSON.parse(await readFile(this.resultsFile, 'utf8')) as {
        version?: number;
        entries?: Record<string, { at: string; commits: DiscoveredCommit[] }>;
      };
      return doc.version === RESULT_CACHE_VERSION && doc.entries ? doc.entries : {};
    } catch {
      return {};
    }
  }

  async cachedAnswer(key: string): Promise<DiscoveredCommit[] | undefined> {
    return (await this.readResults())[key]?.commits;
  }

  async rememberAnswer(key: string, commits: DiscoveredCommit[]): Promise<void> {
    await mkdir(this.root, { recursive: true });
    const entries = await this.readResults();
    const now = (this.deps.clock?.() ?? new Date()).toISOString();
    entries[key] = { at: now, commits };
    const kept = Object.entries(entries)
      .sort((a, b) => b[1].at.localeCompare(a[1].at))
      .slice(0, RESULT_CACHE_ENTRIES);
    const tmp = `${this.resultsFile}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    await writeFile(
      tmp,
      JSON.stringify({ version: RESULT_CACHE_VERSION, entries: Object.fromEntries(kept) }),
    );
    await rename(tmp, this.resultsFile);
  }

  /** The key of an answer: everything about the subscription that shapes it, and the refs. */
  answerKey(refs: unknown): string {
    const s = this.sub;
    return createHash('sha256')
      .update(
        JSON.stringify({
          v: RESULT_CACHE_VERSION,
          url: this.url,
          strategy: s.commitSelectionStrategy,
          branch: s.branch ?? '',
          strict: s.strictSemvers,
          constraint: s.semverConstraint ?? '',
          allow: s.allowTagsRegexes,
          ignore: s.ignoreTagsRegexes,
          expr: s.expressionFilter ?? '',
          include: s.includePaths,
          exclude: s.excludePaths,
          limit: s.discoveryLimit,
          refs,
        }),
      )
      .digest('hex');
  }
}

/**
 * The commits a git subscription offers, newest first, at most `discoveryLimit` of them.
 *
 * NewestFromBranch follows `branch`, or the remote's default branch (its `HEAD`) when none is
 * set, as Kargo's current selector does; `main`, then `master`, when the remote does not say.
 */
export async function discoverCommits(
  sub: GitSubscription,
  deps: GitDiscoveryDeps,
): Promise<DiscoveredCommit[]> {
  const source = new GitSource(sub, deps);
  const limit = Math.max(1, sub.discoveryLimit);
  if (sub.commitSelectionStrategy === 'NewestFromBranch') {
    const filter = compilePathFilter(sub.includePaths, sub.excludePaths);
    const accept = commitFilter(sub.expressionFilter);
    return discoverFromBranch(source, filter, accept, limit);
  }
  const selector = tagSelector(sub);
  const accept = tagFilter(sub.expressionFilter);
  const paths = compilePathFilter(sub.includePaths, sub.excludePaths);
  return discoverFromTags(source, selector, accept, paths, limit);
}

// ---- NewestFromBranch -------------------------------------------------------------------------------

async function resolveBranch(source: GitSource): Promise<{ branch: string; tip: string }> {
  const wanted = source.sub.branch?.trim();
  const ls = await source.lsRemote(['--symref'], wanted ? [`refs/heads/${wanted}`] : ['HEAD']);
  if (wanted) {
    const tip = ls.refs.get(`refs/heads/${wanted}`);
    if (!tip) throw new OperationError(`branch ${wanted} does not exist in ${source.url}`);
    return { branch: wanted, tip };
  }
  const head = ls.symrefs.get('HEAD');
  if (head?.startsWith('refs/heads/')) {
    const tip = ls.refs.get('HEAD') ?? ls.refs.get(head);
    if (tip) return { branch: head.slice('refs/heads/'.length), tip };
  }
  // No symref advertised (old or unusual servers): Kargo's guess.
  const heads = await source.lsRemote(['--heads']);
  for (const name of ['main', 'master']) {
    const tip = heads.refs.get(`refs/heads/${name}`);
    if (tip) return { branch: name, tip };
  }
  throw new OperationError(
    `${source.url} has no default branch (is the repository empty?); set the subscription's branch`,
  );
}

async function discoverFromBranch(
  source: GitSource,
  paths: PathFilter,
  accept: (c: CommitInfo) => boolean,
  limit: number,
): Promise<DiscoveredCommit[]> {
  const { branch, tip } = await resolveBranch(source);
  const key = source.answerKey({ branch, tip });
  const cached = await source.cachedAnswer(key);
  if (cached) {
    source.info(`${source.url}: ${branch} is still at ${tip.slice(0, 7)}; nothing to fetch`);
    return cached;
  }
  const filtered = paths.active || Boolean(source.sub.expressionFilter?.trim());
  const kind: MirrorKind = paths.active ? 'paths' : 'commits';
  const commits = await source.inMirror(kind, (dir) =>
    walkBranch(source, dir, { branch, tip, paths, accept, limit, filtered, kind }),
  );
  const found = commits.map((c) => commitToDiscovered(c, branch));
  await source.rememberAnswer(key, found);
  return found;
}

interface Walk {
  branch: string;
  tip: string;
  paths: PathFilter;
  accept: (c: CommitInfo) => boolean;
  limit: number;
  filtered: boolean;
  kind: MirrorKind;
}

async function readShallow(dir: string): Promise<Set<string>> {
  const text = await readFile(join(dir, 'shallow'), 'utf8').catch(() => '');
  return new Set(text.split('\n').filter(Boolean));
}

/**
 * Walks the branch from its tip in `git log` order, fetching more history (deepening) until
 * `limit` commits pass the filters or history ends. A commit at the shallow boundary has no
 * parents locally, so its changed paths are unknown until the history is deepened past it.
 */
async function walkBranch(source: GitSource, dir: string, w: Walk): Promise<CommitInfo[]> {
  const ref = `refs/gantry/heads/${w.branch}`;
  const refspec = `+refs/heads/${w.branch}:${ref}`;
  const filter = `--filter=${w.kind === 'paths' ? 'blob:none' : 'tree:0'}`;
  const local = await source.deps.git.tryRun(['rev-parse', '--verify', '-q', `${ref}^{commit}`], {
    cwd: dir,
  });
  const localTip = local.exitCode === 0 ? local.stdout.trim() : undefined;
  if (localTip !== w.tip) {
    try {
      if (localTip) {
        // Incremental: only the commits since the previous tip; shallow boundaries stay put.
        await source.fetch(dir, [filter, refspec]);
      } else {
        const depth = w.filtered ? Math.max(2 * w.limit, 50) : w.limit;
        await source.fetch(dir, [filter, `--depth=${depth}`, refspec]);
      }
    } catch (err) {
      if (err instanceof GitError && /couldn't find remote ref/i.test(err.stderr))
        throw new OperationError(`branch ${w.branch} does not exist in ${source.url}`);
      throw err;
    }
  }
  let previous = -1;
  for (;;) {
    const shallow = await readShallow(dir);
    const args = ['log', LOG_FORMAT];
    if (w.kind === 'paths') args.push('--no-renames', '--cc', '--name-only', '-z');
    else if (!w.filtered) args.push(`--max-count=${w.limit}`);
    args.push(ref, '--');
    const logged = parseLog((await source.run(args, { cwd: dir })).stdout);
    const selected: CommitInfo[] = [];
    let blocked = false;
    for (const c of logged) {
      if (w.kind === 'paths' && shallow.has(c.id)) {
        blocked = true; // its diff is unknown: deepen first
        break;
      }
      if (!w.accept(c)) continue;
      if (w.paths.active && !w.paths.matches(c.paths)) continue;
      const { paths: _paths, ...info } = c;
      selected.push(info);
      if (selected.length >= w.limit) return selected;
    }
    const more = blocked || logged.some((c) => shallow.has(c.id));
    if (!more || logged.length === previous) return selected;
    previous = logged.length;
    const by = Math.max(logged.length, 50) * 3;
    source.info(
      `${source.url}: ${selected.length} of ${w.limit} commits on ${w.branch} pass the filters in the newest ${logged.length}; fetching ${by} more`,
    );
    await source.fetch(dir, [filter, `--deepen=${by}`, refspec]);
  }
}

// ---- tags ---------------------------------------------------------------------------------------

async function discoverFromTags(
  source: GitSource,
  selector: TagSelector,
  accept: (t: TagInfo) => boolean,
  paths: PathFilter,
  limit: number,
): Promise<DiscoveredCommit[]> {
  const listed = remoteTags(await source.lsRemote(['--tags']));
  const candidates = selector.candidates(listed);
  const key = source.answerKey(candidates.map((t) => `${t.oid} ${t.tag}`));
  const cached = await source.cachedAnswer(key);
  if (cached) {
    source.info(
      `${source.url}: the ${candidates.length} matching tags are unchanged; nothing to fetch`,
    );
    return cached;
  }
  if (!candidates.length) {
    await source.rememberAnswer(key, []);
    return [];
  }
  const strategy = source.sub.commitSelectionStrategy;
  const selected: LocalTag[] = [];
  // Kargo's order of filters: names, expression, sort, then paths (checked only until `limit`
  // tags pass, in the selection's order).
  const keep = async (tags: LocalTag[]): Promise<LocalTag[]> => {
    const accepted = tags.filter(accept);
    return paths.active
      ? filterTagsByPaths(source, accepted, paths, limit - selected.length)
      : accepted;
  };
  await source.inMirror('tags', async (dir) => {
    if (strategy === 'NewestTag') {
      // Dates decide the order, and only the objects know them.
      const infos = await tagInfos(source, dir, candidates, listed);
      selected.push(...(await keep(sortByCreatorDate(infos))));
      return;
    }
    // SemVer and Lexical: the order is known from the names; read objects only for the best
    // ones, in growing batches while filters keep rejecting.
    const filtered = Boolean(source.sub.expressionFilter?.trim()) || paths.active;
    let batch = filtered ? Math.max(2 * limit, 20) : limit;
    for (let i = 0; i < candidates.length && selected.length < limit; batch *= 2) {
      const slice = candidates.slice(i, i + batch);
      i += slice.length;
      const infos = new Map((await tagInfos(source, dir, slice, listed)).map((t) => [t.tag, t]));
      const ordered = slice.flatMap((c) => infos.get(c.tag) ?? []);
      selected.push(...(await keep(ordered)));
    }
  });
  const found = selected.slice(0, limit).map(tagToDiscovered);
  await source.rememberAnswer(key, found);
  return found;
}

/**
 * Metadata of `wanted` tags from the tag mirror, fetching (treeless, one commit deep) the tags
 * whose object the mirror lacks, and dropping local tags the remote no longer has.
 */
async function tagInfos(
  source: GitSource,
  dir: string,
  wanted: readonly RemoteTag[],
  listed: readonly RemoteTag[],
): Promise<LocalTag[]> {
  const readLocal = async () =>
    parseTagRefs(
      (await source.run(['for-each-ref', TAG_FORMAT, 'refs/tags/'], { cwd: dir })).stdout,
    );
  let local = new Map((await readLocal()).map((t) => [t.tag, t]));
  const missing = wanted.filter((t) => local.get(t.tag)?.oid !== t.oid);
  if (missing.length) {
    const remoteNames = new Set(listed.map((t) => t.tag));
    const stale = [...local.keys()].filter((t) => !remoteNames.has(t));
    if (stale.length) {
      await source.run(['update-ref', '--stdin'], {
        cwd: dir,
        input: stale.map((t) => `delete refs/tags/${t}\n`).join(''),
      });
    }
    source.info(`${source.url}: fetching ${missing.length} tag(s) (objects only, no trees)`);
    // By object id, then the refs written locally: git matches explicit refspecs against the
    // remote's refs pairwise, which takes seconds for a few thousand tags; ids take milliseconds.
    await source.fetch(
      dir,
      ['--filter=tree:0', '--depth=1', '--stdin'],
      [...new Set(missing.map((t) => t.oid))].join('\n') + '\n',
    );
    await source.run(['update-ref', '--stdin'], {
      cwd: dir,
      input: missing.map((t) => `update refs/tags/${t.tag} ${t.oid}\n`).join(''),
    });
    local = new Map((await readLocal()).map((t) => [t.tag, t]));
  }
  const out: LocalTag[] = [];
  for (const w of wanted) {
    const t = local.get(w.tag);
    // A tag moved between ls-remote and fetch is read as fetched; one pointing at a tree or a
    // blob is not a commit and is skipped.
    if (t) out.push(t);
  }
  return out;
}

/**
 * Kargo also applies path filters to tag strategies: a tag passes when the commit it points to
 * changed a matching path. Needs that commit's tree and its parents' (blobless, two deep).
 */
async function filterTagsByPaths(
  source: GitSource,
  tags: LocalTag[],
  paths: PathFilter,
  limit: number,
): Promise<LocalTag[]> {
  return source.inMirror('paths', async (dir) => {
    const out: LocalTag[] = [];
    for (let i = 0; i < tags.length && out.length < limit;) {
      const slice = tags.slice(i, i + Math.max(limit, 20));
      i += slice.length;
      // The tag's own object is a ref tip, which any server lets a client ask for by id.
      await source.fetch(
        dir,
        ['--filter=blob:none', '--depth=2', '--stdin'],
        [...new Set(slice.map((t) => t.oid))].join('\n') + '\n',
      );
      // One log for the whole slice: each commit with the paths it changed against its parents.
      const res = await source.run(
        [
          'log',
          '--no-walk=unsorted',
          LOG_FORMAT,
          '--no-renames',
          '--cc',
          '--name-only',
          '-z',
          ...new Set(slice.map((t) => t.id)),
          '--',
        ],
        { cwd: dir },
      );
      const changed = new Map(parseLog(res.stdout).map((c) => [c.id, c.paths]));
      for (const t of slice) {
        if (paths.matches(changed.get(t.id) ?? [])) out.push(t);
        if (out.length >= limit) break;
      }
    }
    return out;
  });
}

// ---- one chosen commit (freight assembly) -------------------------------------------------------

/**
 * The commit `ref` names in a subscription's repository, as discovery would have recorded it:
 * a full commit ID, a branch or a tag (a tag wins over a branch of the same name, as git's own
 * lookup does). Its branch is the subscription's (or the branch named); its tag the one named,
 * or for a tag subscription the remote's tag on that commit. Refused when the remote has no such
 * ref or commit.
 */
export async function resolveCommit(
  sub: GitSubscription,
  ref: string,
  deps: GitDiscoveryDeps,
): Promise<DiscoveredCommit> {
  const source = new GitSource(sub, deps);
  const byTags = sub.commitSelectionStrategy !== 'NewestFromBranch';
  let id: string | undefined;
  let tag: string | undefined;
  let branch: string | undefined;
  if (/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(ref)) {
    id = ref;
    if (byTags) {
      const tags = remoteTags(await source.lsRemote(['--tags']));
      tag = tags.find((t) => t.commit === id)?.tag;
    } else branch = sub.branch;
  } else if (/^[0-9a-f]{4,39}$/.test(ref)) {
    throw new ConfigError(
      `${source.url}: "${ref}" looks like an abbreviated commit ID; give the full ID (40 hex digits), a branch or a tag`,
    );
  } else {
    const ls = await source.lsRemote([], [`refs/tags/${ref}`, `refs/heads/${ref}`]);
    const tagRef = `refs/tags/${ref}`;
    if (ls.refs.has(tagRef)) {
      tag = ref;
      id = ls.peeled.get(tagRef) ?? ls.refs.get(tagRef);
    } else if (ls.refs.has(`refs/heads/${ref}`)) {
      branch = ref;
      id = ls.refs.get(`refs/heads/${ref}`);
    }
    if (!id) throw new OperationError(`${source.url} has no branch or tag named ${ref}`);
  }
  const commit = id;
  const info = await source.inMirror('assembly', async (dir) => {
    try {
      await source.fetch(dir, ['--filter=tree:0', '--depth=1', commit]);
    } catch (err) {
      if (err instanceof GitError && err.kind !== 'network' && err.kind !== 'timeout') {
        throw new OperationError(`${source.url} has no commit ${commit}`);
      }
      throw err;
    }
    return parseLog(
      (await source.run(['log', '-1', LOG_FORMAT, commit, '--'], { cwd: dir })).stdout,
    )[0];
  });
  if (!info) throw new OperationError(`${source.url}: could not read commit ${commit}`);
  const found = commitToDiscovered(info, branch ?? '');
  if (!branch) delete found.branch;
  if (tag) found.tag = tag;
  return found;
}
