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
import { GitError, type Git, type RunOptions, type GitResult } from '../git/index.js';
import type { GitSubscription } from '../pipeline/types.js';
import { openCacheRepo, repairRepo } from '../state/cache.js';
import { withDirLock } from '../state/lock.js';
import { ConfigError, OperationError } from '../util/errors.js';
import { retry, type RetryPolicy } from '../util/retry.js';
import {
  commitFilter,
  commitToDiscovered,
  LOG_FORMAT,
  parseLog,
  parseLsRemote,
  parseTagRefs,
  remoteTags,
  sortByCreatorDate,
  TAG_FORMAT,
  tagFilter,
  tagSelector,
  tagToDiscovered,
  type CommitInfo,
  type TagInfo,
  type RemoteTag,
  type LsRemote,
  type TagSelector,
  type LocalTag,
} from './git-select.js';
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

const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 250, maxDelayMs: 2_000 };
const RESULT_CACHE_VERSION = 1;
const RESULT_CACHE_ENTRIES = 64;

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
