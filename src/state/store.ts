import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { formatChange, versionChanges, type VersionChange } from '../freight/changes.js';
import { parseFreight, serializeFreight } from '../freight/document.js';
import type { Freight, FreightOrigin } from '../freight/types.js';
import { Git, GitError, type GitIdentity, type Remote } from '../git/index.js';
import { ConfigError, errorMessage, OperationError } from '../util/errors.js';
import {
  DEFAULT_PUSH_RETRY,
  DEFAULT_RACE_RETRY,
  retry,
  type RetryHooks,
  type RetryPolicy,
} from '../util/retry.js';
import { isBrokenCache, makeCheckout, openCacheRepo, repairRepo, sweepCheckouts } from './cache.js';
import {
  byNewest,
  compareText,
  formatEntry,
  formatHeadMessage,
  freightIndexRef,
  headOf,
  parseHeadMessage,
  parseShard,
  sameHead,
  shardName,
  SHARD_LINES,
  toShards,
  xorOids,
  type IndexEntry,
  type IndexHead,
} from './freight-index.js';
import { withDirLock } from './lock.js';
import { settleAll, settled } from '../util/settle.js';
import { checkoutPlan, commitPromotion, openCheckout, type OpenCheckout } from './transaction.js';
import {
  parseApproval,
  parseVerification,
  serializeApproval,
  serializeVerification,
  type ApprovalRecord,
  type VerificationRecord,
} from './records.js';
import {
  parseStageStateRef,
  parseStateRef,
  projectRefPrefix,
  stageStateRefs,
  stateFilePath,
  stateRefName,
  type StateRef,
} from './refs.js';
import { parseStageState, toStageFreight, type StageState } from './stage-state.js';
import {
  applyNotes,
  nextStageMetadata,
  noteRefName,
  noteStamp,
  parseNoteRef,
  readNotes,
  serializeNote,
  type FreightNote,
  type ResolvedNotes,
} from './freight-notes.js';

const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

export const DEFAULT_IDENTITY: GitIdentity = {
  name: 'gantry[bot]',
  email: 'gantry[bot]@users.noreply.github.com',
};

export interface StateStoreOptions {
  remote: Remote;
  /** Where gantry keeps its partial, shallow copy of the remote (one per remote URL). */
  cacheDir: string;
  /** Environment for git (PATH, HOME, proxies): the adapter's, never read here. */
  baseEnv: Readonly<Record<string, string | undefined>>;
  identity?: GitIdentity;
  retry?: RetryPolicy;
  /**
   * Tries and time for a promotion whose push keeps losing races (the branch moved on); default
   * `retry` when that is given, else DEFAULT_RACE_RETRY. Network failures get `retry`'s tries.
   */
  raceRetry?: RetryPolicy;
  retryHooks?: RetryHooks;
  clock?: () => Date;
  log?: (line: string) => void;
  /** Problems that do not stop a command (an unreadable tag, skipped); default: `log`. */
  warn?: (line: string) => void;
  gitTimeoutMs?: number;
  trace?: (line: string) => void;
}

/** Everything recorded as tags for one project, read in one listing. */
export interface ProjectSnapshot {
  /** Newest first. */
  freight: Freight[];
  verifications: VerificationRecord[];
  approvals: ApprovalRecord[];
  /** Tags under the project's prefix that gantry cannot read: left out of the lists above. */
  unreadable?: UnreadableTag[];
  /** Metadata of freight (set-metadata), by freight ID; aliases are applied to `freight`. */
  freightMetadata?: Record<string, Record<string, unknown>>;
  /** The alias and metadata records read (src/state/freight-notes.ts), oldest first. */
  notes?: { note: FreightNote; tag: string }[];
  /** Alias records that lost to an earlier claim of the same alias (the fold ignores them). */
  deniedAliases?: ResolvedNotes['denied'];
}

export interface UnreadableTag {
  /** `gantry/<project>/…`, without `refs/tags/`. */
  tag: string;
  /** Why, naming the tag, and how to remove it. */
  message: string;
}

export interface PromotionRecord {
  project: string;
  stage: string;
  branch: string;
  freightId: string;
  alias: string;
  /** The promoted freight's warehouse (its Gantry-Warehouse trailer), when the commit has one. */
  warehouse?: string;
  commit: string;
  promotedAt: string;
  promotedBy: string;
  approvedBy: string[];
  run?: string;
  subject: string;
}

export interface PromotionWrite {
  project: string;
  stage: string;
  /** Branch the stage deploys from; default: the remote's default branch. */
  branch?: string;
  freight: Freight;
  promotedBy: string;
  approvedBy?: string[];
  run?: string;
  /** Paths (files or directories) the edit reads or writes, checked out sparsely; the state file is added. */
  paths?: string[];
  /**
   * Edits the manifests in a fresh checkout of the branch tip. After a lost push race it is called
   * again on the new tip when the commits in between changed what it reads (`paths`, the state
   * file; anything, with `sparse: false`); otherwise its commit is replayed there as it was.
   * Returns lines describing what it changed, for the commit message.
   */
  edit?: (worktree: string, previous: StageState | undefined) => Promise<string[] | undefined>;
  /** Hold auto-promotion (a rollback by hand), or clear a hold (null); undefined keeps what is. */
  autoPromotionHold?: StageState['autoPromotionHold'] | null;
  /**
   * Stage metadata the promotion's steps set (set-metadata, kind Stage), asked for when the state
   * file is written: each key replaces the previous state's, the others are kept.
   */
  stageMetadata?: () => Readonly<Record<string, unknown>> | undefined;
  /** Build the commit and report its diff, but push nothing. */
  dryRun?: boolean;
  /** false: check out the whole tree (steps whose paths are expressions); default: only `paths`. */
  sparse?: boolean;
  /**
   * Publishes the commit instead of pushing it to `branch`: through a pull request, or as a
   * commit GitHub signs. Called in the checkout, whose HEAD is `commit` on top of `parent` (the
   * branch tip). Throw RaceLostError when the target moved on: the edit runs again on the new tip.
   */
  publish?: (p: PublishRequest) => Promise<Published>;
}

export interface PublishRequest {
  /** The checkout (a git work tree) holding the commit. */
  dir: string;
  commit: string;
  parent: string;
  branch: string;
  message: string;
  /** Version changes (old → new) and the steps' summary lines, for a pull request's body. */
  changes: VersionChange[];
  edits: string[];
  /** Runs git in the checkout. */
  git: (args: string[], input?: string) => Promise<{ stdout: string }>;
}

export interface Published {
  /** The commit as published (GitHub's signed copy has another ID). */
  commit: string;
  pullRequest?: { number: number; url: string; created: boolean };
}

/**
 * The branch moved while a promotion was being made (a rejected push, a stale expectedHeadOid):
 * the promotion runs its edit again on the new tip.
 */
export class RaceLostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RaceLostError';
  }
}

/** See StateStore.workspaceHost. */
export interface WorkspaceHost {
  git: Git;
  remoteUrl: string;
  /** For git runners of other repositories: the same environment and identity, no credentials. */
  gitOptions: {
    baseEnv: Readonly<Record<string, string | undefined>>;
    identity: GitIdentity;
    timeoutMs?: number;
    trace?: (line: string) => void;
  };
  scratch: () => Promise<{ dir: string; remove: () => Promise<void> }>;
  /**
   * The tip of `branch` this store's reads fetched, and the object directory that holds its
   * commit and trees: a promotion's first try starts from it without fetching it again.
   */
  seed?: (branch: string) => { tip: string; objects: string } | undefined;
  /**
   * Every branch tip this store's reads fetched so far (a copy, taken before `scratch` forgets
   * them), with the object directory holding their commits and trees: the workspace form's
   * first attempt checks those branches out without fetching them again.
   */
  seeds?: () => Seeds | undefined;
  racePolicy: RetryPolicy;
  transientTries: number;
  retryHooks?: RetryHooks;
  isTransient: (err: unknown) => boolean;
  now: () => Date;
  log: (line: string) => void;
}

/** Branch tips the reads fetched, and where their commits and trees are (see WorkspaceHost). */
export interface Seeds {
  tips: ReadonlyMap<string, string>;
  objects: string;
}

/** The push a promotion lost a race with (rejected as non-fast-forward, a stale lock). */
export const PUSH_RACE =
  /\[rejected\]|\[remote rejected\].*(?:cannot lock|failed to update|incorrect old value)/;

/**
 * Whether a push lost a race (PUSH_RACE), an atomic one too: when a ref moved under an atomic
 * push, the server reports every ref as "atomic transaction failed" and says which lock failed
 * on stderr only. Any other refusal (a hook, a protected branch) is no race.
 */
export function pushRaceLost(res: { stdout: string; stderr: string }): boolean {
  return (
    PUSH_RACE.test(res.stdout) ||
    (/\[remote rejected\] \(atomic transaction failed\)/.test(res.stdout) &&
      /cannot lock ref|incorrect old value/.test(res.stderr))
  );
}

/** A promotion commit built in the checkout, and what it records. */
export interface Built {
  commit: string;
  parent: string;
  message: string;
  previous?: StageState;
  changes: VersionChange[];
  edits: string[];
  /** The files the commit changes (`diff-tree` against its parent), once read. */
  files?: { mode: string; oid: string; status: string; path: string }[];
  /** The blob of the stage's state file in the commit, pushed as its stageStateRef. */
  stateBlob?: string;
}

export interface PromotionResult {
  changed: boolean;
  /** The new commit, or the tip the stage already had when nothing changed. */
  commit: string;
  branch: string;
  previous?: StageState;
  changes: VersionChange[];
  attempts: number;
  /** Of `attempts`, how many replayed the commit on a new tip instead of running the steps again. */
  replays?: number;
  /** With dryRun: the diff the promotion would commit. */
  diff?: string;
  /** What the steps changed (`- env/dev/values.yaml: image.tag 1.0.0 → 1.1.0`). */
  edits: string[];
  /** In pull-request mode: the pull request that carries the commit. */
  pullRequest?: Published['pullRequest'];
}

export const TRAILER = {
  project: 'Gantry-Project',
  stage: 'Gantry-Stage',
  freight: 'Gantry-Freight',
  alias: 'Gantry-Alias',
  warehouse: 'Gantry-Warehouse',
  promotedBy: 'Gantry-Promoted-By',
  run: 'Gantry-Run',
  approvedBy: 'Approved-By',
} as const;

/** Where the cache keeps each project's freight index: `<prefix><project>`. */
const INDEX_LOCAL = 'refs/gantry-index/';

/** Which freight a promotion reads, from the index's entries and the alias notes' IDs. */
export type PickFreight = (
  entries: readonly IndexEntry[],
  aliasNoteIds: readonly string[],
) => Set<string> | undefined;

/**
 * gantry's state, kept in the GitOps repository and nothing else (see DESIGN.md): freight and
 * verification/approval records as immutable annotated tags under `refs/tags/gantry/<project>/`,
 * promotions as commits that carry the stage's state file. Reads go through a local cache
 * repository that holds only what was asked for (tags, branch tips without blobs, commit
 * objects without trees), so their cost does not grow with the repository's history.
 */
export class StateStore {
  readonly git: Git;
  private readonly cache: string;
  private readonly tagCache: string;
  private readonly policy: RetryPolicy;
  private readonly now: () => Date;
  private readonly log: (line: string) => void;
  private readonly warn: (line: string) => void;
  /** Unreadable tags already reported by this instance: one warning per tag and command. */
  private readonly warned = new Set<string>();
  private cacheReady?: Promise<void>;
  /**
   * The tag cache was created by this instance: it held no object when this command started, so
   * asking it which tags it lacks would cost a process to learn "all of them".
   */
  private tagCacheNew = false;
  /** Tag objects this instance fetched into the tag cache by ID (see lackedTags). */
  private readonly tagsFetched = new Set<string>();
  /** Branch tips fetched by this instance: one command reads each branch once. Writes clear it. */
  private readonly tipMemo = new Map<string, string>();
  /** Files read, by `<commit>:<path>`: a commit's files never change, so this never goes stale. */
  private readonly blobMemo = new Map<string, string>();
  /** Commits whose every state file is in blobMemo (read with the project files). */
  private readonly statesRead = new Set<string>();
  private defaultBranchName?: Promise<string>;
  /**
   * A tag listing started ahead of the read that needs it (see listTagsAhead): the project it
   * covers (undefined: every project), and the projects whose read has taken it already.
   */
  private ahead?: { project?: string; stdout: Promise<string>; used: Set<string>; peeled: boolean };
  /**
   * Freight indexes asked for ahead (see fetchIndexesAhead): `fetched` once the fetch of HEAD
   * brought every project's index too; `used`, the projects whose read has taken theirs.
   */
  private indexesAhead?: IndexesAhead;
  /** Shard texts read ahead (see fetchIndexesAhead), by blob ID: no git to read them again. */
  private readonly shardTexts = new Map<string, string>();
  /** See fetchStageRecordsAhead: the project asked for (undefined: every project). */
  private recordsAheadFor?: { project?: string };
  /** The fetch fetchStageRecordsAhead started: what it asked for, and when it is done. */
  private recordsAhead?: {
    names: Set<string>;
    notePrefixes: Set<string>;
    fetched: Promise<unknown>;
    used: Set<string>;
  };
  /** Called as the HEAD fetch's git process starts (see defaultBranchAhead). */
  private headStarted?: () => void;
  /**
   * The stage state refs (see stageStateRef) the HEAD fetch brought for fetchStageRecordsAhead:
   * the blob each names, by the state file's path. Their blobs are in the cache.
   */
  private stateRefsAhead?: Map<string, string>;
  /** The last freight write of each project from this instance (see recordFreight). */
  private readonly freightWrites = new Map<string, Promise<unknown>>();

  constructor(private readonly opts: StateStoreOptions) {
    this.git = new Git({
      baseEnv: opts.baseEnv,
      remote: opts.remote,
      identity: opts.identity ?? DEFAULT_IDENTITY,
      timeoutMs: opts.gitTimeoutMs,
      trace: opts.trace,
    });
    const key = createHash('sha256').update(opts.remote.url).digest('hex').slice(0, 16);
    this.cache = join(opts.cacheDir, `${key}.git`);
    this.tagCache = join(opts.cacheDir, `${key}-tags.git`);
    this.policy = opts.retry ?? DEFAULT_PUSH_RETRY;
    this.now = opts.clock ?? (() => new Date());
    this.log = opts.log ?? (() => undefined);
    this.warn = opts.warn ?? this.log;
  }

  get remoteUrl(): string {
    return this.opts.remote.url;
  }

  // ---- the cache repository -------------------------------------------------------------------

  private ensureCache(): Promise<void> {
    this.cacheReady ??= (async () => {
      await mkdir(this.opts.cacheDir, { recursive: true });
      // Only the URL is stored: credentials come with each command's environment.
      const origin = [['remote.origin.url', this.opts.remote.url]] as const;
      // A promisor remote lets git fetch the few blobs asked for later, instead of all of them now.
      await openCacheRepo(this.git, this.cache, [
        ...origin,
        ['remote.origin.promisor', 'true'],
        ['remote.origin.partialclonefilter', 'blob:none'],
        ['extensions.partialClone', 'origin'],
      ]);
      // Tag objects live in a plain repository, where asking whether an object is present answers
      // "missing" instead of fetching it one round trip at a time, as a promisor repository would.
      this.tagCacheNew = await openCacheRepo(this.git, this.tagCache, origin);
    })().catch((err: unknown) => {
      this.cacheReady = undefined;
      throw err;
    });
    return this.cacheReady;
  }

  /**
   * Runs git against the cache under its lock: concurrent gantry processes may share it. A cache
   * git cannot use (damaged by a crash, a full disk, a hand) is rebuilt once, and `fn` run again.
   */
  private async inCache<T>(fn: () => Promise<T>): Promise<T> {
    await this.ensureCache();
    const locked = () => withDirLock(this.cache, fn, { recover: () => repairRepo(this.cache) });
    try {
      return await locked();
    } catch (err) {
      if (!isBrokenCache(err)) throw err;
      this.log(`the cache ${this.cache} is damaged (${errorMessage(err)}); rebuilding it`);
      await withDirLock(this.cache, () => rm(this.cache, { recursive: true, force: true }));
      this.tipMemo.clear();
      this.cacheReady = undefined;
      await this.ensureCache();
      return locked();
    }
  }

  private fetch(args: string[]): Promise<unknown> {
    return retry(
      () =>
        this.git.run(['fetch', '-q', '--no-tags', '--no-write-fetch-head', 'origin', ...args], {
          cwd: this.cache,
        }),
      isTransient,
      READ_RETRY(this.policy),
      this.opts.retryHooks,
    );
  }

  async defaultBranch(): Promise<string> {
    // A failure is not remembered: one network blip must not poison the rest of the command.
    this.defaultBranchName ??= this.resolveDefaultBranch().catch((err: unknown) => {
      this.defaultBranchName = undefined;
      throw err;
    });
    return this.defaultBranchName;
  }

  /**
   * Starts the fetch that names the default branch (with the freight indexes asked for ahead, see
   * fetchIndexesAhead) and resolves once its git process has started, or once it failed (the
   * read that needs the branch then reports it): the caller loads the code it runs next while
   * the fetch runs, instead of before it starts.
   */
  defaultBranchAhead(): Promise<void> {
    let started = (): void => undefined;
    const spawned = new Promise<void>((resolve) => (started = resolve));
    this.headStarted = started;
    // As promoteNamedAhead: the failure is kept, and the first read that needs the branch reports
    // it instead of trying again all the retries this one made.
    this.defaultBranchName ??= this.resolveDefaultBranch();
    this.defaultBranchName.catch(() => undefined).finally(started);
    return spawned;
  }

  private async resolveDefaultBranch(): Promise<string> {
    const named = await this.inCache(() => this.fetchHead()).catch(() => undefined);
    if (named) return named;
    const res = await this.withNetworkRetry(() =>
      this.git.run(['ls-remote', '--symref', this.opts.remote.url, 'HEAD']),
    );
    const m = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(res.stdout);
    if (m?.[1] && res.stdout.includes('\tHEAD\n')) return m[1];
    // HEAD names a branch that does not exist (a bare repo made with `master`, then only `main`
    // pushed), or the server hides it: fall back to the branches there are.
    const heads = await this.withNetworkRetry(() =>
      this.git.run(['ls-remote', '--heads', this.opts.remote.url]),
    );
    const branches = heads.stdout
      .split('\n')
      .map((l) => l.split('\t')[1]?.replace(/^refs\/heads\//, ''))
      .filter((b): b is string => Boolean(b));
    if (!branches.length) {
      throw new OperationError(
        `${this.opts.remote.url} has no branches: push the GitOps repository's first commit`,
      );
    }
    if (branches.length === 1) return branches[0] as string;
    for (const b of ['main', 'master']) if (branches.includes(b)) return b;
    throw new ConfigError(
      `${this.opts.remote.url}: HEAD names no existing branch${m?.[1] ? ` (${m[1]})` : ''}; its branches are ${branches.slice(0, 10).join(', ')}: set each stage's branch in the project file`,
    );
  }

  /**
   * Names the default branch and fetches its tip in one request. The server's answer to a fetch
   * of HEAD carries HEAD's symref target, which git shows only in its packet trace; `ls-remote
   * --symref` would list every ref of the repository (every freight tag) to answer the same
   * question. Undefined when the trace does not say (an old server, HEAD detached or unborn): the
   * caller asks the slow way.
   */
  private async fetchHead(): Promise<string | undefined> {
    const ahead = this.indexesAhead;
    // The stages' state refs, for a view of the stages: their blobs come in this fetch, when the
    // cache offers the server no "have" (see offersNoHaves).
    const states =
      this.recordsAheadFor && offersNoHaves(this.cache) ? this.recordsAheadFor : undefined;
    const trace = join(this.opts.cacheDir, `head-${randomBytes(6).toString('hex')}.trace`);
    try {
      // Its git process starts next, before any I/O callback (for an ssh remote, after the
      // once-per-process ssh check): what promoteNamedAhead's caller waits for.
      this.namedAhead?.started();
      this.headStarted?.();
      const res = await this.git.tryRun(
        [
          'fetch',
          '-q',
          '--no-tags',
          '--no-write-fetch-head',
          '--depth=1',
          '--filter=blob:none',
          // Every project's freight index (commit and tree, no shard), in the same request, for
          // a page of freight; --prune drops the local copy of one deleted since.
          ...(ahead || states ? ['--prune'] : []),
          'origin',
          `+HEAD:${HEAD_TIP}`,
          ...(ahead ? [`+${freightIndexRef('*')}:${INDEX_LOCAL}*`] : []),
          ...(states ? [stateRefspec(states.project)] : []),
          ...(this.namedAhead?.refspecs ?? []),
        ],
        { cwd: this.cache, env: { GIT_TRACE_PACKET: trace } },
      );
      if (res.exitCode !== 0) return undefined;
      if (ahead) ahead.fetched = true;
      const text = await readFile(trace, 'utf8').catch(() => '');
      // The listing named each index's commit: the project files' read takes their objects
      // along (see projectFiles), instead of a process of its own for each page.
      if (ahead)
        for (const m of text.matchAll(/([0-9a-f]{40}) refs\/gantry\/([^\s]+)\/freight-index$/gm))
          ahead.commits.set(m[2] as string, m[1] as string);
      if (states) {
        this.stateRefsAhead = new Map();
        for (const m of text.matchAll(/([0-9a-f]{40,64}) (refs\/gantry\/\S+)$/gm)) {
          const ref = parseStageStateRef(m[2] as string);
          if (ref && (states.project ?? ref.project) === ref.project)
            this.stateRefsAhead.set(stateFilePath(ref.project, ref.stage), m[1] as string);
        }
      }
      // A read that fails here only costs the promotion its shortcut: it lists the tags itself.
      if (this.namedAhead)
        await this.takeNamedListing(this.namedAhead, text).catch(() => undefined);
      const v2 = /([0-9a-f]{40,64}) HEAD symref-target:refs\/heads\/(\S+)/.exec(text);
      const name = v2?.[2] ?? /symref=HEAD:refs\/heads\/(\S+)/.exec(text)?.[1];
      if (!name) return undefined;
      // The listing that named the branch gave its tip, which the fetch wrote to HEAD_TIP: asking
      // git for it again would cost a process. The tip is remembered, not written under
      // tipRef(name): every later fetch of the branch writes that ref itself.
      const tip =
        v2?.[1] ?? (await this.git.run(['rev-parse', HEAD_TIP], { cwd: this.cache })).stdout.trim();
      this.tipMemo.set(name, tip);
      return name;
    } finally {
      await rm(trace, { force: true });
    }
  }

  private withNetworkRetry<T>(fn: () => Promise<T>): Promise<T> {
    return retry(fn, isTransient, READ_RETRY(this.policy), this.opts.retryHooks);
  }

  /**
   * Fetches the tips of `branches` (no blobs, one commit deep) and returns each tip's commit.
   * With `allowMissing`, a branch the remote does not have is left out of the result (a stage
   * whose branch is created later has no state yet) instead of failing every stage's read.
   */
  private async fetchTips(
    branches: string[],
    allowMissing = false,
    /** More refspecs for the same request, when it is made. */
    also: readonly string[] = [],
  ): Promise<Map<string, string>> {
    const tips = new Map<string, string>();
    for (const b of branches) {
      const known = this.tipMemo.get(b);
      if (known) tips.set(b, known);
    }
    let unique = [...new Set(branches)].filter((b) => !tips.has(b));
    if (!unique.length) return tips;
    const refspecs = () => [...unique.map((b) => `+refs/heads/${b}:${tipRef(b)}`), ...also];
    try {
      await this.fetch(['--depth=1', '--filter=blob:none', ...refspecs()]);
    } catch (err) {
      const missingRef = err instanceof GitError && /couldn't find remote ref/i.test(err.stderr);
      if (missingRef && allowMissing) {
        // Only on this path: ask which of them exist, and fetch those.
        const heads = await this.git.run([
          'ls-remote',
          '--heads',
          this.opts.remote.url,
          ...unique.map((b) => `refs/heads/${b}`),
        ]);
        const present = new Set(
          heads.stdout
            .split('\n')
            .map((l) => l.split('\t')[1]?.replace(/^refs\/heads\//, ''))
            .filter((b): b is string => Boolean(b)),
        );
        unique = unique.filter((b) => present.has(b));
        if (!unique.length) return tips;
        await this.fetch(['--depth=1', '--filter=blob:none', ...refspecs()]);
      } else if (missingRef && err instanceof GitError) {
        const ref = /couldn't find remote ref (\S+)/i.exec(err.stderr)?.[1] ?? unique.join(', ');
        throw new OperationError(
          `branch ${ref.replace(/^refs\/heads\//, '')} does not exist in ${this.opts.remote.url}`,
        );
      } else throw err;
    }
    const res = await this.git.run(
      ['for-each-ref', '--format=%(refname:lstrip=2) %(objectname)', ...unique.map(tipRef)],
      { cwd: this.cache },
    );
    for (const line of res.stdout.split('\n').filter(Boolean)) {
      const [encoded, sha] = line.split(' ');
      const branch = encoded === undefined ? undefined : decodeURIComponent(encoded);
      if (branch && sha && unique.includes(branch)) {
        tips.set(branch, sha);
        this.tipMemo.set(branch, sha);
      }
    }
    const lost = unique.filter((b) => !tips.has(b));
    if (lost.length)
      throw new OperationError(
        `fetched ${lost.join(', ')} but found no tip in the cache ${this.cache}`,
      );
    return tips;
  }

  /**
   * Reads files at `<commit>:<path>` from trees fetched without blobs: resolves the blob ids from the
   * local trees, fetches the missing blobs in one request (git skips the network when none are
   * missing), then reads them all through one `cat-file --batch`.
   */
  private async readBlobs(specs: string[]): Promise<Map<string, string | undefined>> {
    const out = new Map<string, string | undefined>();
    const byCommit = new Map<string, string[]>();
    for (const spec of specs) {
      out.set(spec, this.blobMemo.get(spec));
      if (this.knownBlob(spec)) continue;
      const i = spec.indexOf(':');
      const commit = spec.slice(0, i);
      byCommit.set(commit, [...(byCommit.get(commit) ?? []), spec.slice(i + 1)]);
    }
    const ids = new Map<string, string>();
    for (const [commit, paths] of byCommit) {
      const res = await this.git.run(['ls-tree', '-z', commit, '--', ...paths], {
        cwd: this.cache,
      });
      for (const entry of res.stdout.split('\0').filter(Boolean)) {
        const m = /^\d+ blob ([0-9a-f]{40,64})\t(.*)$/s.exec(entry);
        if (m?.[1] && m[2]) ids.set(`${commit}:${m[2]}`, m[1]);
      }
    }
    if (!ids.size) return out;
    const contents = await this.readBlobContents([...new Set(ids.values())]);
    for (const [spec, oid] of ids) out.set(spec, contents.get(oid));
    return out;
  }

  /**
   * Whether readBlobs answers `<commit>:<path>` without git: read already, or a state file that
   * was not among the commit's state files read with its project files, so does not exist (a
   * stage never promoted).
   */
  private knownBlob(spec: string): boolean {
    if (this.blobMemo.has(spec)) return true;
    const i = spec.indexOf(':');
    const path = spec.slice(i + 1);
    if (!path.startsWith(`${PROJECT_DIR}/`) || !STATE_FILE.test(path.slice(PROJECT_DIR.length + 1)))
      return false;
    const tip = spec.slice(0, i);
    // `.gantry/state/<project>/<stage>.yaml`: every project's states read, or this one's.
    return this.statesRead.has(tip) || this.statesRead.has(`${tip}:${path.split('/')[2]}`);
  }

  /**
   * The texts of files of commit `tip` whose blob IDs are known (path → ID): fetched in one
   * request, read in one process, and remembered for readBlobs (a commit's files never change).
   */
  private async readBlobIds(
    tip: string,
    ids: Map<string, string>,
    /** Objects the cache has (by ID or revision), read by the same process into `also`. */
    also?: { revs: string[]; into: Map<string, { type: string; body: Buffer }> },
    /** Index shards (blob IDs) fetched and read by the same processes, into shardTexts. */
    shards: readonly string[] = [],
  ): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const contents = await this.readBlobContents([...new Set([...ids.values(), ...shards])], also);
    for (const oid of shards) {
      const text = contents.get(oid);
      if (text !== undefined) this.shardTexts.set(oid, text);
    }
    for (const [path, oid] of ids) {
      const text = contents.get(oid);
      if (text === undefined) continue;
      out.set(path, text);
      this.blobMemo.set(`${tip}:${path}`, text);
    }
    return out;
  }

  /** Blobs by ID, fetched (git skips the network when none are missing) and read as text. */
  private async readBlobContents(
    blobs: string[],
    also?: { revs: string[]; into: Map<string, { type: string; body: Buffer }> },
  ): Promise<Map<string, string>> {
    if (!blobs.length) return new Map();
    const ahead = this.namedShardsAhead();
    await this.fetchObjects(this.cache, [...blobs, ...ahead]);
    const objects = await this.readObjects(this.cache, [
      ...blobs,
      ...this.namedObjectsAhead(ahead),
      ...(also?.revs ?? []),
    ]);
    for (const rev of also?.revs ?? []) {
      const o = objects.get(rev);
      if (o) also?.into.set(rev, o);
      objects.delete(rev);
    }
    this.keepNamedObjects(objects);
    return new Map([...objects].map(([oid, o]) => [oid, o.body.toString('utf8')]));
  }

  // ---- reads ----------------------------------------------------------------------------------

  /** Every freight, verification and approval of a project: one ref listing, one object read. */
  async snapshot(project: string): Promise<ProjectSnapshot> {
    return (await this.readAll(await this.listProject(project))).snap;
  }

  /**
   * The project's tags as the remote lists them now: names and object IDs, no objects. Tags of
   * kinds gantry does not know (another tool's, a newer gantry's) are left out.
   */
  private async listProject(project: string, peeled = true): Promise<Listing> {
    const raw = await this.listProjectText(project, peeled);
    return parseListing(raw.text, project, raw.peeled);
  }

  /** The `ls-remote` text listProject parses: the one listed ahead when it fits, else a new one. */
  private async listProjectText(
    project: string,
    peeled = true,
  ): Promise<{ text: string; peeled: boolean }> {
    const ahead = this.ahead;
    if (
      ahead &&
      (ahead.project ?? project) === project &&
      !ahead.used.has(project) &&
      (ahead.peeled || !peeled)
    ) {
      // Once per project: a later read in the same command (after a write) lists afresh.
      ahead.used.add(project);
      return { text: await ahead.stdout, peeled: ahead.peeled };
    }
    return { text: await this.lsTags(projectRefPrefix(project), peeled), peeled };
  }

  /**
   * `ls-remote` of the tags under `prefix`: the server sends refs/tags/ only, the pattern narrows.
   * Without `peeled`, `--refs`: no peeled line after each annotated tag, half the lines to read.
   */
  private async lsTags(prefix: string, peeled = true): Promise<string> {
    // No repository needed: the listing, the slowest read of a page, starts while the caches
    // are made (its readers go on to read tags there). git is kept from taking a repository
    // above the cache directory as its own.
    const dir = resolve(this.opts.cacheDir);
    await mkdir(dir, { recursive: true });
    const ready = this.ensureCache();
    ready.catch(() => undefined);
    const ls = await this.lsRemoteTags(prefix, peeled, {
      cwd: dir,
      env: { GIT_CEILING_DIRECTORIES: dirname(dir) },
    });
    await ready;
    return ls;
  }

  /** The `ls-remote` of lsTags, retried, run where `where` says (a prune's runs in the cache). */
  private async lsRemoteTags(
    prefix: string,
    peeled: boolean,
    where: { cwd: string; env?: Record<string, string> },
  ): Promise<string> {
    const args = ['ls-remote', '--tags', ...(peeled ? [] : ['--refs']), this.opts.remote.url];
    const ls = await retry(
      () => this.git.run([...args, `${prefix}*`], where),
      isTransient,
      READ_RETRY(this.policy),
      this.opts.retryHooks,
    );
    return ls.stdout;
  }

  /**
   * Starts listing the tags of `project` (of every project when undefined) now, so that the
   * listing, the slowest read of a page of freight, runs while the project files are fetched and
   * parsed instead of after. The next read of each project it covers takes it; a failure surfaces
   * there, as that read's own listing would.
   */
  listTagsAhead(project?: string, opts: { peeled?: boolean } = {}): void {
    const peeled = opts.peeled ?? true;
    const stdout = this.lsTags(
      project === undefined ? 'refs/tags/gantry/' : projectRefPrefix(project),
      peeled,
    );
    // Nobody may read it (the project is not found): its failure must not go unhandled.
    stdout.catch(() => undefined);
    this.ahead = { project, stdout, used: new Set(), peeled };
  }

  /**
   * Has the fetch that names the default branch (the first read of a command) bring every
   * project's freight index with it, so that a page of freight reads its index without a fetch of
   * its own. Once per project: a later read (after a write) fetches afresh.
   */
  fetchIndexesAhead(page?: { project?: string; limit: number }): void {
    this.indexesAhead = {
      fetched: false,
      used: new Set(),
      commits: new Map(),
      objects: new Map(),
      ...(page ? { page } : {}),
      pages: new Map(),
    };
  }

  /** An empty snapshot whose `skip` leaves a bad tag out and reports it once per command. */
  private emptySnapshot(): {
    snap: ProjectSnapshot;
    skip: (name: string, problem: string) => void;
  } {
    const snap: ProjectSnapshot = { freight: [], verifications: [], approvals: [], unreadable: [] };
    // One bad tag (written by hand, or by a broken tool) must not stop every command of the
    // project: it is left out, and reported once per command with the way to delete it.
    const skip = (name: string, problem: string): void => {
      const tag = name.replace(/^refs\/tags\//, '');
      const message = `${problem}; skipped it (delete it: git push origin :${name})`;
      snap.unreadable?.push({ tag, message });
      if (!this.warned.has(tag)) {
        this.warned.add(tag);
        this.warn(message);
      }
    };
    return { snap, skip };
  }

  /** Every record of the listing, read: fetches the tag objects the cache lacks, by ID. */
  private async readAll(listing: Listing): Promise<FullRead> {
    const { snap, skip } = this.emptySnapshot();
    const annotated = new Set(listing.annotated);
    const lightweight = [
      ...listing.refs.filter((r) => !annotated.has(r)).map((r) => r.name),
      ...listing.lightweightNotes,
    ];
    // Fetching a lightweight tag's commit would pull history into the cache: skipped unfetched.
    for (const name of lightweight)
      skip(
        name,
        `unreadable tag ${name.replace(/^refs\/tags\//, '')}: it is a lightweight tag, gantry writes annotated tags`,
      );
    const freightOids = new Map<string, string>();
    await this.readTags(listing.annotated, snap, skip, freightOids);
    snap.freight.sort((a, b) => compareText(b.createdAt, a.createdAt) || compareText(b.id, a.id));
    return { snap: await this.withNotes(snap, listing.notes, skip), freightOids };
  }

  /**
   * `snap` with the aliases and metadata set after its freight was recorded
   * (src/state/freight-notes.ts): reads the note tags given, fetching those the cache lacks.
   */
  private async withNotes(
    snap: ProjectSnapshot,
    notes: readonly ListedNote[],
    skip: (name: string, problem: string) => void,
    known?: TagObjects,
  ): Promise<ProjectSnapshot> {
    if (!notes.length) return snap;
    const read = readNotes(notes, known ?? (await this.tagObjects(notes)), skip);
    return read.length ? applyNotes(snap, read) : snap;
  }

  /** The tag objects of `refs`: those the tag cache lacks fetched in one request, all read in one. */
  private async tagObjects(
    refs: readonly { oid: string }[],
    /** Some may be lightweight tags (a listing without peeled lines): see fetchObjects. */
    unknownTypes = false,
  ): Promise<TagObjects> {
    const oids = [...new Set(refs.map((r) => r.oid))];
    const missing = await this.lackedTags(oids);
    if (missing.length) await this.fetchObjects(this.tagCache, missing, unknownTypes);
    for (const o of missing) this.tagsFetched.add(o);
    return this.readObjects(this.tagCache, oids);
  }

  /**
   * Reads the tag objects of `refs` into `snap` (fetching, in one request, those the tag cache
   * lacks: tag objects are immutable and named by their hash). `freightOids` gets the tag object
   * of each freight read. `known`: the objects, read already.
   */
  private async readTags(
    refs: readonly ListedRef[],
    snap: ProjectSnapshot,
    skip: (name: string, problem: string) => void,
    freightOids?: Map<string, string>,
    known?: TagObjects,
  ): Promise<void> {
    if (!refs.length) return;
    const objects = known ?? (await this.tagObjects(refs));
    for (const { name, oid, ref } of refs) {
      const where = name.replace(/^refs\/tags\//, '');
      const obj = objects.get(oid);
      if (obj?.type !== 'tag') {
        // Read because the listing did not say (no peeled lines): a lightweight tag.
        skip(
          name,
          `unreadable tag ${where}: ${obj ? 'it is a lightweight tag, gantry writes annotated tags' : 'it is not an annotated tag'}`,
        );
        continue;
      }
      const message = tagMessage(obj.body);
      try {
        if (ref.kind === 'freight') {
          snap.freight.push(parseFreight(message, where, ref.freightId));
          freightOids?.set(ref.freightId, oid);
        } else if (ref.kind === 'verified')
          snap.verifications.push(checkRecord(parseVerification(message, where), ref, where));
        else snap.approvals.push(checkRecord(parseApproval(message, where), ref, where));
      } catch (err) {
        if (!(err instanceof OperationError)) throw err;
        skip(name, err.message);
      }
    }
  }

  /**
   * Fetches the tags `names` (those that exist) and every tag under `notePrefixes` into the tag
   * cache's peek namespace; runs under the cache lock.
   */
  private fetchRecords(names: ReadonlySet<string>, notePrefixes: ReadonlySet<string>) {
    // A pattern refspec that matches nothing is no error, where an exact one would fail the
    // fetch: `<name>*` asks for the name if it exists. --prune drops what was deleted since.
    const local = (n: string) => `${PEEK_PREFIX}${n.slice('refs/tags/'.length)}`;
    const specs = stdinOrArgs([...names, ...notePrefixes].map((n) => `+${n}*:${local(n)}*`));
    return retry(
      () =>
        this.git.run(
          [
            // Fetched as from a promisor remote, for this command only: git then trusts the
            // pack it receives instead of running a rev-list over it to check that it is
            // connected (the tags' trees are the empty tree, which every git has). With the
            // filter given here too, git writes neither into the cache's config: a tag cache
            // configured as a promisor would fetch each object it is asked about and lacks.
            '-c',
            'remote.origin.promisor=true',
            '-c',
            'remote.origin.partialclonefilter=tree:0',
            'fetch',
            '-q',
            '--no-tags',
            '--no-write-fetch-head',
            '--prune',
            '--filter=tree:0',
            'origin',
            ...specs.args,
          ],
          { cwd: this.tagCache, ...specs.input },
        ),
      isTransient,
      READ_RETRY(this.policy),
      this.opts.retryHooks,
    );
  }

  /**
   * Has the read of the project files (projectFiles), which brings every stage state file of the
   * default branch, start fetching the tags those states name (of `project`, or of every project)
   * at once: the fetch then runs while the project files are parsed. stageRecords takes it when
   * it asked for every tag a view needs, and fetches its own otherwise.
   */
  fetchStageRecordsAhead(project?: string): void {
    this.recordsAheadFor = { project };
  }

  /**
   * What a view of the stages needs and nothing more: the freight each stage runs, with its
   * verifications and approvals in that stage, fetched by tag name. The server lists only the
   * names asked for (protocol v2 ref prefixes), so the cost follows the stages, not the number of
   * freight ever recorded. `freight` holds the current freight (for health's metric templates).
   */
  async stageRecords(
    project: string,
    states: ReadonlyMap<string, StageState | undefined>,
  ): Promise<ProjectSnapshot> {
    const { names, notePrefixes } = recordNames(project, states);
    const { snap, skip } = this.emptySnapshot();
    if (!names.size) return snap;
    // Fetched ahead (see fetchStageRecordsAhead) when that fetch asked for every one of them.
    // Once per project: a later read (after a write, say) fetches afresh.
    const ahead = this.recordsAhead;
    const covered =
      ahead !== undefined &&
      !ahead.used.has(project) &&
      [...names].every((n) => ahead.names.has(n)) &&
      [...notePrefixes].every((n) => ahead.notePrefixes.has(n));
    if (covered) ahead.used.add(project);
    // A failed fetch ahead is no answer: this read's own fetch retries and reports.
    const fetchedAhead = covered && 'value' in (await settled(ahead.fetched));
    const refs = await this.inCache(async () => {
      const local = (n: string) => `${PEEK_PREFIX}${n.slice('refs/tags/'.length)}`;
      if (!fetchedAhead) await this.fetchRecords(names, notePrefixes);
      // Only the names asked for: the peek namespace keeps refs earlier reads fetched.
      const listed = await this.peekedRefs([...names, ...notePrefixes].map(local));
      const found: ListedRef[] = [];
      const notes: ListedNote[] = [];
      for (const { oid, type, localName } of listed.refs) {
        const name = `refs/tags/${localName.slice(PEEK_PREFIX.length)}`;
        const note = parseNoteRef(name);
        const ref = note ? undefined : parseStateRef(name);
        const wanted = note
          ? [...notePrefixes].some((p) => name.startsWith(p))
          : ref !== undefined && names.has(name);
        if (!wanted) continue;
        if (type !== 'tag') {
          skip(
            name,
            `unreadable tag ${name.slice('refs/tags/'.length)}: it is a lightweight tag, gantry writes annotated tags`,
          );
          continue;
        }
        if (note) notes.push({ name, oid, note });
        else if (ref) found.push({ name, oid, ref });
      }
      return { found, notes, objects: listed.objects };
    });
    // The refs were just fetched into the tag cache, so their objects are there (a fetch writes
    // no ref without its object); the listing read them already, or else one process reads them.
    const oids = [...new Set([...refs.found, ...refs.notes].map((r) => r.oid))];
    const objects =
      refs.objects ?? (oids.length ? await this.readObjects(this.tagCache, oids) : new Map());
    await this.readTags(refs.found, snap, skip, undefined, objects);
    return this.withNotes(snap, refs.notes, skip, objects);
  }

  /**
   * The refs of the tag cache that `patterns` name (a whole name, or a prefix ending in `/`),
   * with their objects read by the same process (for-each-ref's `%(raw)`, git 2.38 and later):
   * no second process to read the tags. An older git lists the refs only (`objects` undefined).
   */
  private async peekedRefs(patterns: string[]): Promise<{
    refs: { oid: string; type: string; localName: string }[];
    objects?: TagObjects;
  }> {
    const format = '%(objectname) %(objecttype) %(raw:size) %(refname)%0a%(raw)';
    const raw = await this.git.tryRun(['for-each-ref', `--format=${format}`, ...patterns], {
      cwd: this.tagCache,
    });
    if (raw.exitCode === 0) {
      const bytes = raw.stdoutBytes;
      const refs: { oid: string; type: string; localName: string }[] = [];
      const objects: TagObjects = new Map();
      // Each ref: "<oid> <type> <size> <name>\n", <size> bytes of the object, "\n".
      for (let pos = 0; pos < bytes.length;) {
        const nl = bytes.indexOf(10, pos);
        if (nl < 0) break;
        const head = bytes.subarray(pos, nl).toString('utf8');
        const [oid = '', type = '', size = '0'] = head.split(' ', 3);
        const localName = head.slice(oid.length + type.length + size.length + 3);
        const n = parseInt(size, 10);
        if (!oid || !localName || !Number.isFinite(n)) break;
        refs.push({ oid, type, localName });
        objects.set(oid, { type, body: bytes.subarray(nl + 1, nl + 1 + n) });
        pos = nl + 1 + n + 1;
      }
      return { refs, objects };
    }
    if (!/unknown field name/i.test(raw.stderr))
      throw this.git.error(['for-each-ref', `--format=${format}`, ...patterns], raw);
    const res = await this.git.run(
      ['for-each-ref', '--format=%(objectname) %(objecttype) %(refname)', ...patterns],
      { cwd: this.tagCache },
    );
    const refs = res.stdout.split('\n').flatMap((line) => {
      const [oid, type = '', localName] = line.split(' ');
      return oid && localName ? [{ oid, type, localName }] : [];
    });
    return { refs };
  }

  // ---- the freight index (see ./freight-index.ts) ------------------------------------------------

  /**
   * The project's freight index as the remote has it now; undefined when there is none. With
   * `shards`, the fetch brings every shard's blob too (the cache's blob:none filter lifted), for
   * a reader that needs all of them (readShards then reads them without fetching).
   */
  private async readIndex(
    project: string,
    opts: { shards?: boolean } = {},
  ): Promise<IndexState | undefined> {
    const local = `${INDEX_LOCAL}${encodeURIComponent(project)}`;
    const ahead = this.indexesAhead;
    const fetched = !opts.shards && ahead?.fetched === true && !ahead.used.has(project);
    if (fetched) ahead.used.add(project);
    return this.inCache(async () => {
      try {
        // Fetched with HEAD (fetchIndexesAhead): the local ref is the remote's, or absent.
        if (!fetched)
          await this.fetch([
            '--depth=1',
            opts.shards ? '--no-filter' : '--filter=blob:none',
            `+${freightIndexRef(project)}:${local}`,
          ]);
      } catch (err) {
        if (err instanceof GitError && /couldn't find remote ref/i.test(err.stderr))
          return undefined;
        throw err;
      }
      // The commit and its tree in one process (cat-file names them by the ref), unless they were
      // read with the project files.
      const named = fetched ? ahead.commits.get(project) : undefined;
      const early = named
        ? [ahead?.objects.get(named), ahead?.objects.get(`${named}^{tree}`)]
        : undefined;
      const [commit, tree] =
        early?.[0] && early[1]
          ? [
              { oid: named as string, ...early[0] },
              { oid: '', ...early[1] },
            ]
          : await this.readRevs(this.cache, [local, `${local}^{tree}`]);
      if (commit?.type !== 'commit' || tree?.type !== 'tree') return undefined;
      return indexStateOf(commit.oid, commit.body, tree.body);
    });
  }

  /**
   * The pages fetchIndexesAhead asked for, from the index commits and trees read beside the
   * project directory's listing (kept for readIndex): each project's index, when it has shards.
   */
  private pagesToRead(
    ahead: IndexesAhead,
    read: Settled<({ oid: string; type: string; body: Buffer } | undefined)[]>,
  ): { project: string; index: IndexState; limit: number }[] {
    // A failed read only costs the shortcut: readIndex reads them again.
    if ('error' in read || !ahead.page) return [];
    const commits = [...ahead.commits];
    read.value.forEach((o, i) => {
      const commit = commits[Math.floor(i / 2)]?.[1];
      if (o && commit) ahead.objects.set(i % 2 ? `${commit}^{tree}` : commit, o);
    });
    const { project: only, limit } = ahead.page;
    return commits.flatMap(([project, commit]) => {
      if (only !== undefined && project !== only) return [];
      const [c, t] = [ahead.objects.get(commit), ahead.objects.get(`${commit}^{tree}`)];
      if (c?.type !== 'commit' || t?.type !== 'tree') return [];
      const index = indexStateOf(commit, c.body, t.body);
      return index?.shards.length ? [{ project, index, limit }] : [];
    });
  }

  /** Every line of every shard of `index` (none without one); `fetched` as for readShards. */
  private async allEntries(index: IndexState | undefined, fetched = false): Promise<IndexEntry[]> {
    if (!index) return [];
    return (
      await this.readShards(
        index,
        index.shards.map((sh) => sh.name),
        fetched,
      )
    ).flat();
  }

  /**
   * Entries of the shards `names` (in that order), read in one fetch; `fetched`: the index was
   * read with its shards (readIndex's `shards`), so they are only read.
   */
  private async readShards(
    index: IndexState,
    names: string[],
    fetched = false,
  ): Promise<IndexEntry[][]> {
    if (!names.length) return [];
    const oids = new Map(index.shards.map((sh) => [sh.name, sh.oid]));
    // Read ahead with the project files: no git, so no lock to wait for.
    const early = names.map((n) => this.shardTexts.get(oids.get(n) ?? ''));
    if (early.every((t) => t !== undefined))
      return names.map((n, i) => shardEntries(index, n, early[i]));
    return this.inCache(async () => {
      // The shards' blob IDs came with the index's tree: no listing of it again.
      const wanted = new Map(
        names.flatMap((n) => (oids.has(n) ? [[n, oids.get(n) as string] as const] : [])),
      );
      const blobs = fetched
        ? await this.readObjects(this.cache, [...wanted.values()]).then(
            (objects) =>
              new Map(
                [...wanted].flatMap(([n, oid]) => {
                  const body = objects.get(oid)?.body;
                  return body ? [[n, body.toString('utf8')] as const] : [];
                }),
              ),
          )
        : await this.readBlobIds(index.commit, wanted);
      return names.map((n) => shardEntries(index, n, blobs.get(n)));
    });
  }

  /**
   * Builds an index commit holding `shards` (name → text, or an existing blob ID), on top of
   * `parent`; the commit is in the cache, ready to push.
   */
  private async makeIndexCommit(
    project: string,
    shards: Map<string, { text?: string; oid?: string }>,
    head: IndexHead,
    parent: string | undefined,
    what: string,
  ): Promise<string> {
    return this.inCache(async () => {
      const sorted = [...shards].sort(([a], [b]) => compareText(a, b));
      const written = await this.writeBlobs(
        sorted.filter(([, sh]) => !sh.oid).map(([, sh]) => sh.text ?? ''),
      );
      const lines = sorted.map(
        ([name, sh]) => `100644 blob ${sh.oid ?? (written.shift() as string)}\t${name}\n`,
      );
      const tree =
        // --missing: the shards not rewritten stay on the remote; the cache has only their IDs.
        (
          await this.git.run(['mktree', '--missing'], { cwd: this.cache, input: lines.join('') })
        ).stdout.trim();
      const date = `${Math.floor(this.now().getTime() / 1000)} +0000`;
      const res = await this.git.run(
        [
          'commit-tree',
          tree,
          ...(parent ? ['-p', parent] : []),
          '-m',
          formatHeadMessage(project, head, what),
        ],
        { cwd: this.cache, env: { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } },
      );
      return res.stdout.trim();
    });
  }

  /** Writes `texts` as blobs into the cache in one git process; returns their IDs in order. */
  private async writeBlobs(texts: string[]): Promise<string[]> {
    if (!texts.length) return [];
    const dir = await mkdtemp(join(this.opts.cacheDir, 'blobs-'));
    try {
      const paths = await Promise.all(
        texts.map(async (t, i) => {
          const p = join(dir, String(i));
          await writeFile(p, t);
          return p;
        }),
      );
      const res = await this.git.run(['hash-object', '-w', '--stdin-paths'], {
        cwd: this.cache,
        input: paths.join('\n') + '\n',
      });
      return res.stdout.trim().split('\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** An index commit of exactly `entries` (a rebuild), on top of `parent`. */
  private makeFullIndex(
    project: string,
    entries: IndexEntry[],
    parent: string | undefined,
    what: string,
  ): Promise<string> {
    const sorted = [...entries].sort((a, b) => -byNewest(a, b));
    const shards = new Map(toShards(sorted).map((text, i) => [shardName(i), { text }]));
    return this.makeIndexCommit(project, shards, headOf(sorted.map((e) => e.tagOid)), parent, what);
  }

  /**
   * Pushes `refspecs` in one atomic push: all land or none. Returns git's porcelain report, and
   * the rejection when they did not land (network failures are retried, then thrown).
   */
  private async pushAtomic(
    refspecs: string[],
    /** Options before the URL: `--force-with-lease=<ref>:<oid>` for each ref that must not move. */
    options: readonly string[] = [],
  ): Promise<{ rejected?: string; porcelain: string }> {
    return retry(
      async () => {
        const args = [
          'push',
          '--atomic',
          '--porcelain',
          ...options,
          this.opts.remote.url,
          ...refspecs,
        ];
        const res = await this.git.tryRun(args, { cwd: this.cache });
        if (res.exitCode === 0) return { porcelain: res.stdout };
        if (/\[(?:remote )?rejected\]/.test(res.stdout + res.stderr))
          return { rejected: this.git.error(args, res).message, porcelain: res.stdout };
        throw this.git.error(args, res);
      },
      isTransient,
      this.policy,
      this.opts.retryHooks,
    );
  }

  /**
   * The project's freight index entries, every one, checked against the tag listing: an index
   * that does not match the tags is rebuilt from them (and written back when the remote takes
   * it; a read-only token only costs the next reader the same full read).
   */
  private async checkedIndex(
    project: string,
    listing: Listing,
    index: IndexState | undefined,
  ): Promise<{ index?: IndexState; full?: FullRead }> {
    const actual = listing.freightHead;
    if (index && sameHead(index.head, actual)) return { index };
    if (!index && !actual.count) return {};
    // Reading every tag needs to know the lightweight ones, which are never fetched: a listing
    // without peeled lines is made again with them (only here, on the way to reading all).
    const peeled = listing.peeled
      ? listing
      : parseListing(await this.lsTags(projectRefPrefix(project)), project);
    const full = await this.readAll(peeled);
    const entries = indexEntries(full, freightRefsOf(peeled));
    try {
      const commit = await this.makeFullIndex(
        project,
        entries,
        index?.commit,
        index ? 'rebuilt (it did not match the tags)' : 'created',
      );
      const { rejected } = await this.pushAtomic([`${commit}:${freightIndexRef(project)}`]);
      if (rejected) this.log(`the freight index of ${project} moved while being rebuilt; left it`);
    } catch (err) {
      // A read-only token cannot write it: the next reader pays the same full read, no more.
      this.log(`could not write the freight index of ${project}: ${errorMessage(err)}`);
    }
    return { full };
  }

  /**
   * A page of the project's freight, newest first: the index says which are the newest `limit`,
   * and only their tags (and their verifications and approvals) are read. `total` counts every
   * freight; `latest` holds the newest freight of each warehouse in `warehouses` (shards are read
   * further back until each is found). An index that does not match the tags is not used.
   *
   * The tag listing, the slowest read at tens of thousands of freight, runs while the index, its
   * newest shards and the page's freight tags are read: the page is only used once the listing
   * shows the index matches the tags, and is dropped (the tags read instead) when it does not.
   */
  async freightPage(
    project: string,
    opts: { limit: number; warehouses?: readonly string[] },
  ): Promise<FreightPage> {
    const listed = settled(this.listProject(project, false));
    const stored = await settled(this.readIndex(project));
    const early =
      'value' in stored && stored.value
        ? (this.pageReadAhead(project, stored.value, opts) ??
          settled(this.pageOfIndex(stored.value, opts)))
        : undefined;
    const [listing, earlyPage] = await settleAll([
      listed.then(unwrap),
      early ?? Promise.resolve(undefined),
    ]);
    const checked = await this.checkedIndex(project, listing, unwrap(stored));
    const latestOf = (entries: readonly IndexEntry[]) => {
      const latest = new Map<string, { id: string; alias: string; createdAt: string }>();
      for (const e of [...entries].sort(byNewest))
        if (e.createdAt && !latest.has(e.warehouse))
          latest.set(e.warehouse, { id: e.freightId, alias: e.alias, createdAt: e.createdAt });
      return latest;
    };
    if (checked.full) {
      const { snap } = checked.full;
      const page = snap.freight.slice(0, opts.limit);
      const ids = new Set(page.map((f) => f.id));
      return {
        snap: {
          ...snap,
          freight: page,
          verifications: snap.verifications.filter((v) => ids.has(v.freightId)),
          approvals: snap.approvals.filter((a) => ids.has(a.freightId)),
        },
        total: snap.freight.length,
        latest: latestOf(
          snap.freight.map((f) => ({
            createdAt: f.createdAt,
            freightId: f.id,
            tagOid: '',
            warehouse: f.origin.name,
            alias: f.alias,
          })),
        ),
      };
    }
    const index = checked.index;
    if (!index) return { snap: this.emptySnapshot().snap, total: 0, latest: new Map() };
    // The index matches the tags: what was read from it ahead stands (or its failure does).
    const { loaded, page, objects } = unwrap(earlyPage as Settled<IndexPage>);
    return {
      snap: await this.recordsOf(listing, new Set(page.map((e) => e.freightId)), objects),
      total: index.head.count,
      latest: latestOf(loaded),
    };
  }

  /** The page fetchIndexesAhead read for `project` from this very index; once. */
  private pageReadAhead(
    project: string,
    index: IndexState,
    opts: { limit: number; warehouses?: readonly string[] },
  ): Promise<Settled<IndexPage>> | undefined {
    const pages = this.indexesAhead?.pages;
    const page = pages?.get(project);
    if (!page || page.commit !== index.commit || page.limit !== opts.limit) return undefined;
    if (opts.warehouses?.length) return undefined;
    pages?.delete(project);
    return page.read;
  }

  /**
   * The page `index` names, read before the tag listing says whether the index can be used: the
   * newest shards until the page is full and each warehouse asked about has its newest, and the
   * page's freight tag objects (their IDs are in the index).
   */
  private async pageOfIndex(
    index: IndexState,
    opts: { limit: number; warehouses?: readonly string[] },
  ): Promise<IndexPage> {
    // Newest shards first, until the page is full and each warehouse asked about has its newest.
    const loaded: IndexEntry[] = [];
    const want = new Set(opts.warehouses ?? []);
    for (let end = index.shards.length; end > 0;) {
      const readable = loaded.filter((e) => e.createdAt).length;
      const seen = new Set(loaded.map((e) => e.warehouse));
      if (readable >= opts.limit && [...want].every((w) => seen.has(w))) break;
      // One shard at first (the usual page), then the rest in larger steps.
      const start = end === index.shards.length ? end - 1 : Math.max(0, end - 4);
      const batch = await this.readShards(
        index,
        index.shards.slice(start, end).map((s) => s.name),
      );
      for (const entries of batch) loaded.push(...entries);
      end = start;
    }
    const page = loaded
      .filter((e) => e.createdAt)
      .sort(byNewest)
      .slice(0, opts.limit);
    const objects = await this.tagObjects(page.map((e) => ({ oid: e.tagOid })));
    return { loaded, page, objects };
  }

  /**
   * The tags of the freight `ids` from `listing`, newest first, with their verifications and
   * approvals, every alias change (they are few) and the metadata of those freight only.
   */
  private async recordsOf(
    listing: Listing,
    ids: ReadonlySet<string>,
    /** Tag objects read already (a page's freight): only the others are fetched and read. */
    known?: TagObjects,
  ): Promise<ProjectSnapshot> {
    const { snap, skip } = this.emptySnapshot();
    const refs = listing.annotatedOf(ids);
    const notes = listing.notes.filter((n) => n.note.kind === 'alias' || ids.has(n.note.freightId));
    const rest = [...refs, ...notes].filter((r) => !known?.has(r.oid));
    const objects = rest.length
      ? new Map([...(known ?? []), ...(await this.tagObjects(rest, !listing.peeled))])
      : (known ?? new Map());
    await this.readTags(refs, snap, skip, undefined, objects);
    snap.freight.sort((a, b) => compareText(b.createdAt, a.createdAt) || compareText(b.id, a.id));
    return this.withNotes(snap, notes, skip, objects);
  }

  /**
   * Which tag objects of `oids` the tag cache lacks; all of them on the first read into a cache
   * this instance created (fetching one that another process fetched meanwhile costs nothing:
   * git skips what it has).
   */
  private lackedTags(oids: string[]): Promise<string[]> {
    if (!this.tagCacheNew) return this.missingObjects(this.tagCache, oids);
    // What this instance fetched is all the cache can hold (another process fetching the same
    // objects meanwhile costs nothing more than git skipping them).
    return Promise.resolve(oids.filter((o) => !this.tagsFetched.has(o)));
  }

  /**
   * The freight, verifications and approvals a promotion of one named freight decides from, read
   * without every freight tag: the freight index, checked against the tag listing, picks the IDs
   * (`pick`, see ./promote-reads.ts), and only their tags are read, with every alias tag and
   * their metadata tags. undefined when the index is missing or does not match the tags, or
   * `pick` cannot tell: the caller then reads everything (snapshot), as before the index.
   */
  async promotionRecords(project: string, pick: PickFreight): Promise<ProjectSnapshot | undefined> {
    const [listing, stored] = await settleAll([
      this.listProject(project),
      this.readWholeIndex(project),
    ]);
    if (!stored || !sameHead(stored.head, listing.freightHead)) return undefined;
    const ids = pick(stored.entries, aliasNoteIds(listing));
    return ids && this.recordsOf(listing, ids);
  }

  /**
   * Every entry of the project's freight index, commit and shards in one fetch (the cache's
   * blob:none filter lifted for it); undefined when there is no index.
   */
  private async readWholeIndex(
    project: string,
  ): Promise<{ head: IndexHead; entries: IndexEntry[] } | undefined> {
    const index = await this.readIndex(project, { shards: true });
    if (!index) return undefined;
    return { head: index.head, entries: await this.allEntries(index, true) };
  }

  /** Which of `oids` a plain (non-promisor) repository does not have. */
  private async missingObjects(repo: string, oids: string[]): Promise<string[]> {
    const res = await this.git.run(['cat-file', '--buffer', '--batch-check=%(objectname)'], {
      cwd: repo,
      input: oids.join('\n') + '\n',
    });
    return res.stdout
      .split('\n')
      .filter((l) => l.endsWith(' missing'))
      .map((l) => l.slice(0, l.indexOf(' ')));
  }

  /**
   * Fetches objects by ID in one request; a no-op without network when all are present. With
   * `unknownTypes` (into the tag cache: IDs from a listing without peeled lines), an ID may be a
   * lightweight tag's commit: one commit deep and no trees, so that it cannot pull history in,
   * taken as from a promisor remote for this command only (as fetchRecords does).
   */
  private fetchObjects(repo: string, oids: string[], unknownTypes = false): Promise<unknown> {
    const specs = stdinOrArgs(oids);
    const bounded = unknownTypes
      ? ['-c', 'remote.origin.promisor=true', '-c', 'remote.origin.partialclonefilter=tree:0']
      : [];
    // A fetch with --depth takes the repository's shallow.lock: two gantry processes sharing
    // the tag cache would fail on each other's, so these go one at a time (a holder that died
    // leaves its git's lock behind, which the next one removes).
    const exclusive = <T>(fn: () => Promise<T>): Promise<T> =>
      unknownTypes
        ? withDirLock(shallowLock(repo), fn, {
            recover: () => rm(join(repo, 'shallow.lock'), { force: true }),
          })
        : fn();
    return retry(
      () =>
        exclusive(() =>
          this.git.run(
            [
              ...bounded,
              '-c',
              'fetch.negotiationAlgorithm=noop',
              'fetch',
              '-q',
              'origin',
              '--no-tags',
              '--no-write-fetch-head',
              '--recurse-submodules=no',
              // The branch cache is a partial clone; the tag cache holds whole objects.
              ...(repo === this.cache ? ['--filter=blob:none'] : []),
              ...(unknownTypes ? ['--depth=1', '--filter=tree:0'] : []),
              ...specs.args,
            ],
            { cwd: repo, ...specs.input },
          ),
        ),
      isTransient,
      READ_RETRY(this.policy),
      this.opts.retryHooks,
    );
  }

  /** Reads whole objects through one `cat-file --batch` (sizes are bytes, so parse bytes). */
  private async readObjects(
    repo: string,
    oids: string[],
  ): Promise<Map<string, { type: string; body: Buffer }>> {
    const res = await this.git.run(['cat-file', '--buffer', '--batch'], {
      cwd: repo,
      input: oids.join('\n') + '\n',
    });
    const bytes = res.stdoutBytes;
    const out = new Map<string, { type: string; body: Buffer }>();
    let pos = 0;
    for (const oid of oids) {
      const nl = bytes.indexOf(10, pos);
      const [, type = 'missing', size = '0'] = bytes
        .subarray(pos, nl)
        .toString('latin1')
        .split(' ');
      if (type === 'missing') {
        pos = nl + 1;
        continue;
      }
      const n = parseInt(size, 10);
      out.set(oid, { type, body: bytes.subarray(nl + 1, nl + 1 + n) });
      pos = nl + 1 + n + 1;
    }
    return out;
  }

  /**
   * Objects named by revisions (`<ref>`, `<ref>^{tree}`), in that order, through one
   * `cat-file --batch`: undefined for a name that resolves to nothing.
   */
  private async readRevs(
    repo: string,
    revs: string[],
  ): Promise<({ oid: string; type: string; body: Buffer } | undefined)[]> {
    const res = await this.git.run(['cat-file', '--batch'], {
      cwd: repo,
      input: revs.join('\n') + '\n',
    });
    const bytes = res.stdoutBytes;
    const out: ({ oid: string; type: string; body: Buffer } | undefined)[] = [];
    let pos = 0;
    for (let i = 0; i < revs.length; i++) {
      const nl = bytes.indexOf(10, pos);
      if (nl < 0) break;
      const [oid = '', type = 'missing', size = '0'] = bytes
        .subarray(pos, nl)
        .toString('latin1')
        .split(' ');
      if (type === 'missing' || type === 'ambiguous') {
        out.push(undefined);
        pos = nl + 1;
        continue;
      }
      const n = parseInt(size, 10);
      out.push({ oid, type, body: bytes.subarray(nl + 1, nl + 1 + n) });
      pos = nl + 1 + n + 1;
    }
    return out;
  }

  /** The branches `stages` deploy from, each once; a stage without one uses the default branch. */
  async stageBranches(stages: readonly { branch?: string }[]): Promise<string[]> {
    const def = stages.some((s) => !s.branch) ? await this.defaultBranch() : '';
    return [...new Set(stages.map((s) => s.branch ?? def))];
  }

  /** The commit a branch points at now (fetched without blobs, one commit deep). */
  async branchTip(branch?: string): Promise<string> {
    const b = branch ?? (await this.defaultBranch());
    return this.inCache(async () => {
      const tip = (await this.fetchTips([b])).get(b);
      if (!tip) throw new OperationError(`branch ${b} does not exist in ${this.opts.remote.url}`);
      return tip;
    });
  }

  /**
   * The remote's tips of `branches` now, by one `ls-remote` (nothing fetched): a check whether
   * anything was committed to them since an earlier read. A branch the remote lacks is absent.
   */
  async remoteTips(branches: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(branches)];
    const res = await retry(
      () =>
        this.git.run([
          'ls-remote',
          '--heads',
          this.opts.remote.url,
          ...unique.map((b) => `refs/heads/${b}`),
        ]),
      isTransient,
      READ_RETRY(this.policy),
      this.opts.retryHooks,
    );
    const tips = new Map<string, string>();
    for (const line of res.stdout.split('\n')) {
      const [oid, ref] = line.split('\t');
      const branch = ref?.replace(/^refs\/heads\//, '');
      if (oid && branch && unique.includes(branch)) tips.set(branch, oid);
    }
    return tips;
  }

  /**
   * stageStates read from the remote's tips now, not from the tips this store read before (a
   * check right before a write, after other writers may have moved them).
   */
  async stageStatesNow(
    project: string,
    stages: { name: string; branch?: string }[],
  ): Promise<Map<string, StageState | undefined>> {
    for (const b of await this.stageBranches(stages)) this.tipMemo.delete(b);
    return this.stageStates(project, stages);
  }

  /** The state file of each stage at the tip of its branch (undefined: never promoted). */
  async stageStates(
    project: string,
    stages: { name: string; branch?: string }[],
    /** More branches to fetch in the same request (a promotion's other checkouts). */
    alsoFetch: readonly string[] = [],
  ): Promise<Map<string, StageState | undefined>> {
    const def = stages.some((s) => !s.branch) ? await this.defaultBranch() : '';
    const branchOf = (s: { branch?: string }) => s.branch ?? def;
    // Every tip and file known already (read with the project files): no git, so no lock to
    // wait for behind a fetch that another read started.
    const branches = [...stages.map(branchOf), ...alsoFetch];
    const known =
      branches.every((br) => this.tipMemo.has(br)) &&
      stages.every((st) =>
        this.knownBlob(`${this.tipMemo.get(branchOf(st))}:${stateFilePath(project, st.name)}`),
      );
    const read = async () => {
      // The project's stage state refs in the same request (into a cache with no ref yet, see
      // offersNoHaves): the blobs they name are those of the state files as gantry last wrote
      // them, so the files' read below finds them here and fetches none (it still reads each
      // file from the branch's tree).
      const tips = await this.fetchTips(
        [...stages.map(branchOf), ...alsoFetch],
        true,
        offersNoHaves(this.cache) ? [stateRefspec(project)] : [],
      );
      const specs = stages.map((s) => {
        const tip = tips.get(branchOf(s));
        return tip ? `${tip}:${stateFilePath(project, s.name)}` : undefined;
      });
      const present = specs.filter((x): x is string => x !== undefined);
      return { specs, blobs: await this.readBlobs(present) };
    };
    const files = known ? await read() : await this.inCache(read);
    const out = new Map<string, StageState | undefined>();
    stages.forEach((s, i) => {
      const spec = files.specs[i];
      const text = spec === undefined ? undefined : files.blobs.get(spec);
      out.set(
        s.name,
        text === undefined
          ? undefined
          : parseStageState(text, `${branchOf(s)}:${stateFilePath(project, s.name)}`),
      );
    });
    return out;
  }

  /**
   * Project files (`.gantry/*.yaml`) at the tip of a branch, for remotes with no local checkout;
   * `dir` reads another directory's YAML files the same way (`.github/workflows`), and with
   * `recursive` those of its subdirectories too (Kargo's manifests). `only` names one project:
   * only its file (`<only>.yaml` or `.yml`) and its stages' state files are fetched and read, so
   * that a matrix job's read does not grow with the other projects of the repository.
   */
  async projectFiles(
    branch?: string,
    dir = '.gantry',
    recursive = false,
    only?: string,
  ): Promise<{ file: string; text: string }[]> {
    const b = branch ?? (await this.defaultBranch());
    type Files = { file: string; text: string }[];
    let handOut: ((files: Files) => void) | undefined;
    const early = new Promise<Files>((resolve) => (handOut = resolve));
    const locked: Promise<Files> = this.inCache(async () => {
      const tip = (await this.fetchTips([b])).get(b) as string;
      // The project directory is listed with its subdirectories: the stage state files under
      // .gantry/state/ are what a command reads next, and their blobs come in the same fetch
      // (stageStates then finds them read). -z: names are not quoted (écho.yaml stays écho.yaml).
      const withStates = dir === PROJECT_DIR && !recursive;
      const own = only === undefined || !withStates ? undefined : only;
      // The freight indexes fetched with HEAD: their commits and trees come in the blobs' read,
      // or, with a page of freight to read ahead, in a read beside the directory's listing, so
      // that each index's newest shard joins the blob fetch.
      const ahead = this.indexesAhead;
      const indexes =
        ahead?.fetched && withStates && ahead.objects.size === 0
          ? [...ahead.commits.values()].flatMap((c) => [c, `${c}^{tree}`])
          : [];
      const indexesRead =
        ahead?.page && indexes.length ? settled(this.readRevs(this.cache, indexes)) : undefined;
      // The blobs the stage state refs name came with the HEAD fetch: read while the directory is
      // listed, and taken for the states whose file in the tree is that very blob.
      const viewed = withStates && !this.recordsAhead ? this.recordsAheadFor : undefined;
      const refStates = viewed ? this.stateRefsAhead : undefined;
      const refBlobs = refStates?.size
        ? settled(this.readObjects(this.cache, [...new Set(refStates.values())]))
        : undefined;
      const args = ['ls-tree', '-z', ...(recursive || withStates ? ['-r'] : []), `${tip}:${dir}`];
      const ls = await this.git.tryRun(args, { cwd: this.cache });
      if (ls.exitCode !== 0) {
        await refBlobs;
        // No such directory at all is an answer (no files), anything else an error.
        if (/not a valid object name|not a tree object/i.test(ls.stderr)) return [];
        throw this.git.error(args, ls);
      }
      const files: string[] = [];
      const blobs = new Map<string, string>();
      const states: string[] = [];
      for (const entry of ls.stdout.split('\0').filter(Boolean)) {
        const m = /^\d+ (\w+) ([0-9a-f]{40,64})\t(.*)$/s.exec(entry);
        const [, type, oid, name] = m ?? [];
        if (!name || !/\.ya?ml$/.test(name)) continue;
        if (withStates && name.includes('/')) {
          if (own !== undefined && !name.startsWith(`state/${own}/`)) continue;
          if (type === 'blob' && oid && STATE_FILE.test(name)) states.push(`${dir}/${name}`);
          if (type === 'blob' && oid) blobs.set(`${dir}/${name}`, oid);
          continue;
        }
        if (own !== undefined && name !== `${own}.yaml` && name !== `${own}.yml`) continue;
        files.push(`${dir}/${name}`);
        if (type === 'blob' && oid) blobs.set(`${dir}/${name}`, oid);
      }
      const early = new Map<string, string>();
      const blobsRead = refBlobs && (await refBlobs);
      if (refStates && blobsRead && 'value' in blobsRead)
        for (const f of states) {
          const oid = blobs.get(f);
          const o = oid === undefined ? undefined : blobsRead.value.get(oid);
          if (o?.type === 'blob' && refStates.get(f) === oid) early.set(f, o.body.toString('utf8'));
        }
      // Every state of the view known now: the stages' tags are fetched beside the files' blobs.
      const ofView = states.filter((f) => (viewed?.project ?? f.split('/')[2]) === f.split('/')[2]);
      const recordsEarly =
        early.size && ofView.every((f) => early.has(f))
          ? recordsOfStates(viewed?.project, ofView, early)
          : undefined;
      const fetchedEarly =
        recordsEarly && settled(this.fetchRecords(recordsEarly.names, recordsEarly.notePrefixes));
      // A repository with many projects and stages reads its state files stage by stage instead.
      const prefetch = withStates && states.length <= PREFETCH_STATES;
      const wanted = [...files, ...(prefetch ? states.filter((f) => !early.has(f)) : [])];
      const pages = indexesRead && ahead ? this.pagesToRead(ahead, await indexesRead) : [];
      // The tags' fetch, started above, ends under this lock even when the files' read fails.
      const texts = await this.readBlobIds(
        tip,
        new Map(wanted.flatMap((f) => (blobs.has(f) ? [[f, blobs.get(f) as string]] : []))),
        indexes.length && ahead && !indexesRead
          ? { revs: indexes, into: ahead.objects }
          : undefined,
        pages.flatMap((p) => p.index.shards.slice(-1).map((sh) => sh.oid)),
      ).catch(async (err: unknown) => {
        await fetchedEarly;
        throw err;
      });
      // Started, not awaited: the page reads its shard from memory, not under this lock, and
      // its tags from the tag cache.
      for (const { project, index, limit } of pages)
        ahead?.pages.set(project, {
          commit: index.commit,
          limit,
          read: settled(this.pageOfIndex(index, { limit })),
        });
      for (const [f, text] of early) {
        texts.set(f, text);
        this.blobMemo.set(`${tip}:${f}`, text);
      }
      // A read of one project's states says nothing of the others' (see knownBlob).
      if (prefetch && states.every((f) => texts.has(f)))
        this.statesRead.add(own === undefined ? tip : `${tip}:${own}`);
      const out = files.map((file) => ({ file, text: texts.get(file) ?? '' }));
      const records =
        recordsEarly ??
        (prefetch && this.recordsAheadFor && !this.recordsAhead
          ? recordsOfStates(this.recordsAheadFor.project, states, texts)
          : undefined);
      if (records) {
        // The stages' tags (see fetchStageRecordsAhead): the files are handed out now, to be
        // parsed while the fetch runs, and the lock is kept until it is done.
        const fetched =
          fetchedEarly || settled(this.fetchRecords(records.names, records.notePrefixes));
        // Settled once the lock is released too, so that stageRecords does not wait for it.
        const done = fetched.then((r) => locked.then(() => unwrap(r)));
        // Nobody may ask for the stages (a failing read elsewhere): no unhandled rejection.
        done.catch(() => undefined);
        this.recordsAhead = { ...records, fetched: done, used: new Set() };
        handOut?.(out);
        await fetched;
      }
      return out;
    });
    return Promise.race([early, locked]);
  }

  /**
   * The newest `limit` promotions of a project on the given branches, from commit trailers. Fetches
   * commit objects only (no trees), deepening until enough promotions are found or history ends,
   * so the cost follows `limit`, not the length of history.
   */
  async promotions(project: string, branches: string[], limit = 20): Promise<PromotionRecord[]> {
    return (await this.promotionHistory(project, branches, { limit })).records;
  }

  /**
   * promotions, and how far back they are known: `horizon` (when some history was left unread:
   * a branch read to `maxDepth` commits, or to `limit` promotions, without reaching its root, or
   * promotions beyond `limit`) is the time of the oldest commit read there; a promotion at or
   * before it may be missing.
   */
  async promotionHistory(
    project: string,
    branches: string[],
    opts: { limit: number; maxDepth?: number },
  ): Promise<{ records: PromotionRecord[]; horizon?: string }> {
    const { limit } = opts;
    // Without maxDepth (the views), as before: the first read may go deeper than the bound.
    const clamp = opts.maxDepth ?? Infinity;
    const maxDepth = opts.maxDepth ?? MAX_HISTORY_DEPTH;
    const unique = [...new Set(branches.length ? branches : [await this.defaultBranch()])];
    return this.inCache(async () => {
      const tips = await this.fetchTips(unique, true);
      const found = new Map<string, PromotionRecord>();
      let horizon: string | undefined;
      const later = (t: string | undefined) => {
        if (t && (horizon === undefined || t > horizon)) horizon = t;
      };
      for (const branch of unique.filter((b) => tips.has(b))) {
        // Start deep enough for `limit` promotions when one commit in four is one (one round trip
        // in an established repository), and stop at a bound: a project with few promotions in a
        // long-lived repository would otherwise read the whole history on every call.
        for (
          let depth = Math.min(
            clamp,
            Math.max(64, 4 ** Math.ceil(Math.log(limit * 4) / Math.log(4))),
          );
          ;
          depth = Math.min(clamp, depth * 4)
        ) {
          await this.fetch([
            `--depth=${depth}`,
            '--filter=tree:0',
            `+refs/heads/${branch}:${tipRef(branch)}`,
          ]);
          const res = await this.git.run(
            ['log', `--max-count=${depth}`, '--format=%H%x00%ct%x00%B%x00', tipRef(branch)],
            { cwd: this.cache },
          );
          const records = res.stdout.split('\0\n').filter(Boolean);
          let count = 0;
          for (const rec of records) {
            const p = parsePromotionCommit(rec, branch);
            if (p?.project === project) {
              found.set(p.commit, p);
              count++;
            }
          }
          const reachedRoot = records.length < depth;
          if (reachedRoot) break;
          if (count >= limit || depth >= maxDepth) {
            const oldest = Number(records.at(-1)?.split('\0')[1]);
            later(Number.isFinite(oldest) ? new Date(oldest * 1000).toISOString() : undefined);
            break;
          }
        }
      }
      const sorted = [...found.values()].sort((a, b) => b.promotedAt.localeCompare(a.promotedAt));
      later(sorted[limit]?.promotedAt);
      const records = sorted.slice(0, limit);
      return horizon === undefined ? { records } : { records, horizon };
    });
  }

  // ---- writes ---------------------------------------------------------------------------------

  /** Writes the annotated tag object of `ref` into the cache (no ref): ready to push. */
  private makeTag(ref: StateRef, message: string, when: Date): Promise<string> {
    const name = stateRefName(ref);
    const identity = this.opts.identity ?? DEFAULT_IDENTITY;
    const seconds = Math.floor(when.getTime() / 1000);
    return this.inCache(async () => {
      await this.git.run(['mktree'], { cwd: this.cache, input: '' });
      const body = `object ${EMPTY_TREE}\ntype tree\ntag ${name.replace(/^refs\/tags\//, '')}\ntagger ${identity.name} <${identity.email}> ${seconds} +0000\n\n${message}`;
      return (await this.git.run(['mktag'], { cwd: this.cache, input: body })).stdout.trim();
    });
  }

  /**
   * Records a state tag. Tags are immutable: if it exists, nothing changes and `created` is false
   * (two writers racing for the same freight both succeed, one of them as a no-op).
   */
  private async writeTag(
    ref: StateRef,
    message: string,
    when: Date,
  ): Promise<{ created: boolean; ref: string }> {
    const name = stateRefName(ref);
    const tagObject = await this.makeTag(ref, message, when);
    return retry(
      async () => {
        const res = await this.git.tryRun(
          ['push', '--porcelain', this.opts.remote.url, `${tagObject}:${name}`],
          {
            cwd: this.cache,
          },
        );
        // Porcelain flags: `*` a new ref, `=` it was already there with this very object (the
        // same freight recorded by another writer at the same instant).
        if (res.exitCode === 0) return { created: !/^=\t/m.test(res.stdout), ref: name };
        // Rejected: usually because the tag exists, written earlier or by a writer racing us
        // ("already exists", or "cannot lock ref" while the other push holds it). Ask the remote.
        const seen = await this.git.tryRun(['ls-remote', this.opts.remote.url, name], {
          cwd: this.cache,
        });
        if (seen.exitCode === 0 && seen.stdout.includes(`\t${name}`))
          return { created: false, ref: name };
        throw this.git.error(
          ['push', '--porcelain', this.opts.remote.url, `${tagObject}:${name}`],
          res,
        );
      },
      isTransient,
      this.policy,
      this.opts.retryHooks,
    );
  }

  /**
   * Records a freight: its tag and the index entry that lists it, in one atomic push, so the index
   * never lists a tag that is not there nor misses one gantry wrote. A lost race for the index
   * (another freight of the project recorded at the same moment) reads it again and retries.
   */
  recordFreight(project: string, freight: Freight): Promise<{ created: boolean; ref: string }> {
    // Writes of one project from this store go one after another: racing each other for the
    // index would only make them wait out each other's backoff.
    const before = this.freightWrites.get(project) ?? Promise.resolve();
    const mine = before.then(
      () => this.recordFreightNow(project, freight),
      () => this.recordFreightNow(project, freight),
    );
    this.freightWrites.set(
      project,
      mine.catch(() => undefined),
    );
    return mine;
  }

  private async recordFreightNow(
    project: string,
    freight: Freight,
  ): Promise<{ created: boolean; ref: string }> {
    const ref: StateRef = { kind: 'freight', project, freightId: freight.id };
    const name = stateRefName(ref);
    const tagObject = await this.makeTag(
      ref,
      serializeFreight(freight),
      new Date(freight.createdAt),
    );
    const entry: IndexEntry = {
      createdAt: freight.createdAt,
      freightId: freight.id,
      tagOid: tagObject,
      warehouse: freight.origin.name,
      alias: freight.alias,
    };
    const policy = this.opts.raceRetry ?? this.opts.retry ?? DEFAULT_RACE_RETRY;
    // A lost race waits (full-jitter backoff, as a promotion's push does) and reads the index
    // again: ten writers recording at once would otherwise keep colliding.
    const attempt = async (): Promise<{ created: boolean; ref: string }> => {
      const index = await this.readIndex(project);
      const last = index?.shards[index.shards.length - 1];
      const lastEntries =
        last && index ? ((await this.readShards(index, [last.name]))[0] ?? []) : [];
      // Already listed: the tag was recorded with it (by a writer that raced us to the same
      // freight); listing it twice would break the index's count.
      const listed = lastEntries.some((e) => e.freightId === freight.id);
      const refspecs = [`${tagObject}:${name}`];
      if (!listed) {
        const shards = new Map<string, { text?: string; oid?: string }>(
          (index?.shards ?? []).map((s) => [s.name, { oid: s.oid }]),
        );
        const line = formatEntry(entry) + '\n';
        if (last && lastEntries.length < SHARD_LINES)
          shards.set(last.name, {
            text: lastEntries.map((e) => formatEntry(e) + '\n').join('') + line,
          });
        else shards.set(shardName(index?.shards.length ?? 0), { text: line });
        const head: IndexHead = index
          ? { count: index.head.count + 1, xor: xorOids([tagObject], index.head.xor) }
          : headOf([tagObject]);
        const commit = await this.makeIndexCommit(
          project,
          shards,
          head,
          index?.commit,
          `+ ${freight.alias} (${freight.id.slice(0, 7)})`,
        );
        refspecs.push(`${commit}:${freightIndexRef(project)}`);
      }
      const { rejected, porcelain } = await this.pushAtomic(refspecs);
      // `=`: the tag was already there with this very object (the same freight recorded by
      // another writer at the same instant).
      if (!rejected) return { created: !/^=\t/m.test(porcelain), ref: name };
      // Rejected: the tag exists (recorded earlier, or by a writer racing us), or the index moved.
      const seen = await this.git.tryRun(['ls-remote', this.opts.remote.url, name], {
        cwd: this.cache,
      });
      if (seen.exitCode === 0 && seen.stdout.includes(`\t${name}`))
        return { created: false, ref: name };
      this.log(`the freight index of ${project} moved while recording ${freight.alias}`);
      throw new IndexRaceError(`could not record freight ${freight.alias}: ${rejected}`);
    };
    return retry(attempt, (e) => e instanceof IndexRaceError, policy, this.opts.retryHooks);
  }

  /**
   * Deletes freight (`ids`) with every tag of the project that names it as its last segment
   * (verifications, approvals, and records of kinds added later) or as its note's freight, and
   * rewrites the index without them. Deletes only what the plan saw: it refuses, deleting nothing,
   * when the index does not match the tags read for the plan (`plan.head`: a freight was recorded
   * or deleted), or when a tag of a doomed freight is new or names another object than the plan's
   * `plan.tags` (an approval, a verification, a note made meanwhile). Each tag is deleted with a
   * lease on the object the plan saw, in the same atomic push as the index, so one that changes
   * after this check stays too and the push is refused.
   *
   * The pushes go in batches of PUSH_BATCH refs, each atomic with the index without its freight:
   * a refusal after the first leaves the earlier batches deleted and says so. `guard` is asked
   * right before each push which of the freight the plan's rules keep now (a promotion made
   * meanwhile): any aborts. After the last push (or a refusal) it is asked once more, and the
   * tags listed again: a deleted freight a stage started running in between, or that a record
   * written in between names (an approval whose writer read the freight before it went), comes
   * back (same tags, same objects, and its index line).
   */
  async deleteFreight(
    project: string,
    ids: readonly string[],
    plan: PlannedTags,
    guard?: PruneGuard,
  ): Promise<PruneResult> {
    if (!ids.length) return { deleted: [], restored: [] };
    const gone = new Set(ids);
    const prefix = projectRefPrefix(project);
    const [ls, index] = await settleAll([
      this.lsRemoteTags(prefix, true, { cwd: this.cache }),
      this.readIndex(project),
    ]);
    if (!index || !sameHead(index.head, plan.head))
      throw new OperationError(
        `the freight of ${project} changed while planning the prune (or its index is missing); nothing was deleted; run it again`,
      );
    const listed = listedTags(ls, prefix);
    // The freight's own tag and its verifications and approvals end in its ID; its alias and
    // metadata records (src/state/freight-notes.ts) carry it before their stamp.
    const freightOf = recordFreightId;
    const tags = [...listed.keys()].filter((n) => gone.has(freightOf(n)));
    const unplanned = tags.filter((n) => plan.tags.get(n)?.oid !== listed.get(n)?.oid);
    if (unplanned.length)
      throw new OperationError(
        `the freight of ${project} changed while planning the prune: ${unplanned.length} tag${unplanned.length === 1 ? '' : 's'} of freight it would delete ${unplanned.length === 1 ? 'is' : 'are'} new or changed (${unplanned
          .slice(0, 3)
          .map((n) => n.replace(/^refs\/tags\//, ''))
          .join(', ')}${unplanned.length > 3 ? ', …' : ''}); nothing was deleted; run it again`,
      );
    const oidOf = (n: string) => listed.get(n)?.oid ?? '';
    // Each shard's lines stay where they are, fewer; a shard left empty goes. Pushes go in
    // batches (a command line holds so many refs), each batch's tags with the index without them,
    // so the index matches the tags after every batch.
    const shards = new Map(
      (
        await this.readShards(
          index,
          index.shards.map((sh) => sh.name),
        )
      ).map((entries, i) => [index.shards[i]?.name ?? '', entries] as const),
    );
    const byFreight = new Map<string, string[]>();
    for (const t of tags) {
      const id = freightOf(t);
      byFreight.set(id, [...(byFreight.get(id) ?? []), t]);
    }
    // A freight a promotion starts running, or a new record names, after the last check is
    // pushed back from here: its tag objects (annotated: a lightweight tag's commit would pull
    // history in) are fetched into the cache before any is deleted, in one request (git skips
    // those the cache has).
    const keepable = tags.filter((n) => listed.get(n)?.annotated);
    if (keepable.length)
      await this.inCache(() => this.fetchObjects(this.cache, [...new Set(keepable.map(oidOf))]));
    const order = [...byFreight.keys()];
    const rewritten = new Set<string>();
    const removed = new Map<string, IndexEntry>();
    let parent = index.commit;
    let head = index.head;
    const deleted: string[] = [];
    const deletedIds: string[] = [];
    for (let i = 0; i < order.length;) {
      const batch: string[] = [];
      let refs = 0;
      while (i < order.length) {
        const n = byFreight.get(order[i] as string)?.length ?? 0;
        if (batch.length && refs + n > PUSH_BATCH) break;
        batch.push(order[i] as string);
        refs += n;
        i++;
      }
      const out = new Set(batch);
      if (guard) {
        const kept = [...(await guard.protectedNow(out))].filter((id) => out.has(id));
        if (kept.length) {
          // Those deleted by earlier batches may have started running meanwhile too.
          const restored = await this.restoreRunning(project, deletedIds, removed, listed, guard);
          throw new OperationError(
            `the freight of ${project} changed while pruning: a stage runs or ran ${kept.length} of the freight it would delete since the plan was made (${kept.map((id) => id.slice(0, 7)).join(', ')}); ${deleted.length ? `${deleted.length} tags were deleted${restored.length ? ` (${restored.length} of their freight pushed back since: a stage runs them)` : ''}, the rest were not` : 'nothing was deleted'}; run it again`,
          );
        }
      }
      const removedOids: string[] = [];
      for (const [name, entries] of shards) {
        const left = entries.filter((e) => !out.has(e.freightId));
        if (left.length === entries.length) continue;
        for (const e of entries)
          if (out.has(e.freightId)) {
            removedOids.push(e.tagOid);
            removed.set(e.freightId, e);
          }
        shards.set(name, left);
        rewritten.add(name);
      }
      head = { count: head.count - removedOids.length, xor: xorOids(removedOids, head.xor) };
      const tree = new Map<string, { text?: string; oid?: string }>();
      for (const sh of index.shards) {
        const now = shards.get(sh.name) ?? [];
        if (!now.length) continue;
        tree.set(
          sh.name,
          rewritten.has(sh.name)
            ? { text: now.map((e) => formatEntry(e) + '\n').join('') }
            : { oid: sh.oid },
        );
      }
      const commit = await this.makeIndexCommit(
        project,
        tree,
        head,
        parent,
        `pruned ${removedOids.length} freight`,
      );
      const batchTags = batch.flatMap((id) => byFreight.get(id) ?? []);
      const { rejected, porcelain } = await this.pushAtomic(
        [...batchTags.map((t) => `:${t}`), `${commit}:${freightIndexRef(project)}`],
        batchTags.map((t) => `--force-with-lease=${t}:${oidOf(t)}`),
      );
      if (rejected) {
        // git's own message repeats the command line, a thousand refs long: the refs it refused,
        // and why, say what moved (`stale info`: a tag's lease; the index: another writer).
        const refused = porcelain
          .split('\n')
          .filter((l) => l.startsWith('!') && !/atomic push failed/.test(l))
          .map((l) => l.split('\t').slice(1).join(' ').replace('refs/tags/', ''));
        const restored = await this.restoreRunning(project, deletedIds, removed, listed, guard);
        throw new OperationError(
          `the freight of ${project} changed while pruning (${deleted.length ? `${deleted.length} tags were deleted${restored.length ? ` (${restored.length} of their freight pushed back since: a stage runs them)` : ''}, the rest were not` : 'nothing was deleted'}); run it again: ${refused.length ? `refused ${refused.slice(0, 3).join(', ')}${refused.length > 3 ? `, and ${refused.length - 3} more` : ''}` : rejected}`,
        );
      }
      deleted.push(...batchTags);
      deletedIds.push(...batch);
      parent = commit;
    }
    let restored: string[];
    try {
      restored = await this.restoreRunning(project, deletedIds, removed, listed, guard);
    } catch (err) {
      throw new OperationError(
        `deleted ${deleted.length} tags of ${project}'s freight, then could not check whether a stage started running one of them meanwhile (or push it back): ${errorMessage(err)}`,
      );
    }
    const back = new Set(restored);
    return {
      deleted: deleted
        .filter((t) => !back.has(freightOf(t)))
        .map((t) => t.replace(/^refs\/tags\//, '')),
      restored,
    };
  }

  /**
   * Of the freight `ids` just deleted, pushes back those the plan's rules keep now (`guard`: a
   * promotion that landed between the last check and the push runs one) and those a tag written
   * since names (an approval, a verification, an alias). Their tags come back
   * under the same names at the same objects (fetched into the cache before the delete), with
   * their index lines, in one atomic push; an index that moved meanwhile is read again. Returns
   * the freight restored.
   */
  private async restoreRunning(
    project: string,
    ids: readonly string[],
    removed: ReadonlyMap<string, IndexEntry>,
    listed: ReadonlyMap<string, ListedTag>,
    guard?: PruneGuard,
  ): Promise<string[]> {
    if (!ids.length) return [];
    const wanted = new Set(ids);
    const prefix = projectRefPrefix(project);
    // A tag that names a deleted freight was written after the check (an approval, a
    // verification, an alias: its writer read the freight before it went): the freight stays.
    const [protectedNow, ls] = await settleAll([
      guard ? guard.protectedNow(wanted) : Promise.resolve(new Set<string>()),
      this.lsRemoteTags(prefix, false, { cwd: this.cache }),
    ]);
    const again = new Set([...protectedNow].filter((id) => wanted.has(id)));
    for (const name of listedTags(ls, prefix).keys())
      if (wanted.has(recordFreightId(name))) again.add(recordFreightId(name));
    if (!again.size) return [];
    const back = [...again];
    const refspecs: string[] = [];
    const lost: string[] = [];
    for (const [name, t] of listed) {
      if (!again.has(recordFreightId(name))) continue;
      if (t.annotated) refspecs.push(`${t.oid}:${name}`);
      else lost.push(name.replace(/^refs\/tags\//, ''));
    }
    if (lost.length)
      this.log(`could not restore lightweight tags (gantry never wrote them): ${lost.join(', ')}`);
    for (let attempt = 1; ; attempt++) {
      const index = await this.readIndex(project, { shards: true });
      const entries = await this.allEntries(index, true);
      const present = new Set(entries.map((e) => e.freightId));
      for (const id of back) {
        const e = removed.get(id);
        if (e && !present.has(id)) entries.push(e);
      }
      const commit = await this.makeFullIndex(
        project,
        entries,
        index?.commit,
        `restored ${back.length} freight a stage ran during a prune`,
      );
      const { rejected } = await this.pushAtomic([
        ...refspecs,
        `${commit}:${freightIndexRef(project)}`,
      ]);
      if (!rejected) {
        this.log(
          `kept ${back.length} freight of ${project} a stage started running, or a record named, during the prune: ${back.map((id) => id.slice(0, 7)).join(', ')}`,
        );
        return back;
      }
      if (attempt >= 5)
        throw new OperationError(
          `the prune of ${project} deleted freight a stage now runs (${back.join(', ')}) and could not push them back: ${rejected}; push their tags back (git push origin <oid>:<tag>) from a clone that has them`,
        );
    }
  }

  /**
   * Every freight of the project as the index lists it (no tag objects read), checked against the
   * tags as `freightPage` does. `head` and `tags` (every tag of the project, name to object) are
   * what a later deleteFreight expects to find.
   */
  async freightEntries(project: string): Promise<{
    entries: IndexEntry[];
    head: IndexHead;
    tags: ReadonlyMap<string, ListedTag>;
    snap: ProjectSnapshot;
  }> {
    const [raw, stored] = await settleAll([this.listProjectText(project), this.readIndex(project)]);
    const listing = parseListing(raw.text, project, raw.peeled);
    const tags = listedTags(raw.text, projectRefPrefix(project));
    const checked = await this.checkedIndex(project, listing, stored);
    const freightRefs = freightRefsOf(listing);
    const head = listing.freightHead;
    // Records other than freight are few next to freight; the plan needs the approvals.
    const { snap, skip } = this.emptySnapshot();
    await this.readTags(
      listing.annotated.filter((r) => r.ref.kind === 'approved'),
      snap,
      skip,
    );
    if (checked.full) return { entries: indexEntries(checked.full, freightRefs), head, tags, snap };
    const entries = await this.allEntries(checked.index);
    return { entries, head, tags, snap };
  }

  async recordVerification(r: VerificationRecord): Promise<{ created: boolean; ref: string }> {
    return this.writeTag(
      { kind: 'verified', project: r.project, stage: r.stage, freightId: r.freightId },
      serializeVerification(r),
      new Date(r.verifiedAt),
    );
  }

  async recordApproval(r: ApprovalRecord): Promise<{ created: boolean; ref: string }> {
    return this.writeTag(
      { kind: 'approved', project: r.project, stage: r.stage, freightId: r.freightId },
      serializeApproval(r),
      new Date(r.approvedAt),
    );
  }

  /**
   * Records aliases and metadata of freight (src/state/freight-notes.ts): each a new tag, named
   * uniquely so that nothing is overwritten, all of them in one atomic push (all land or none).
   * Returns the tags' names.
   */
  async recordNotes(notes: readonly FreightNote[]): Promise<string[]> {
    if (!notes.length) return [];
    const identity = this.opts.identity ?? DEFAULT_IDENTITY;
    const tags = await this.inCache(async () => {
      // mktag checks that the object tagged exists: the empty tree, written once.
      await this.git.run(['mktree'], { cwd: this.cache, input: '' });
      const out: { name: string; oid: string }[] = [];
      for (const note of notes) {
        const at = new Date(note.record.recordedAt);
        const name = noteRefName(note, noteStamp(at));
        const body = `object ${EMPTY_TREE}\ntype tree\ntag ${name.replace(/^refs\/tags\//, '')}\ntagger ${identity.name} <${identity.email}> ${Math.floor(at.getTime() / 1000)} +0000\n\n${serializeNote(note)}`;
        const oid = (await this.git.run(['mktag'], { cwd: this.cache, input: body })).stdout.trim();
        out.push({ name, oid });
      }
      return out;
    });
    const args = [
      'push',
      '--atomic',
      '--porcelain',
      this.opts.remote.url,
      ...tags.map((t) => `${t.oid}:${t.name}`),
    ];
    await retry(
      // A retry after a push that landed but reported a network error finds the same objects
      // there already (`=`): success.
      () => this.git.run(args, { cwd: this.cache }),
      isTransient,
      this.policy,
      this.opts.retryHooks,
    );
    return tags.map((t) => t.name.replace(/^refs\/tags\//, ''));
  }

  /**
   * Commits a promotion to the stage's branch: see src/state/transaction.ts, which holds the
   * write transaction apart from the reads above.
   */
  commitPromotion(w: PromotionWrite, opened?: Promise<OpenCheckout>): Promise<PromotionResult> {
    return commitPromotion(
      { ...this.workspaceHost(), defaultBranch: () => this.defaultBranch() },
      w,
      opened,
    );
  }

  /** The checkout of a commitPromotion of `w`, opened while other reads go on (transaction.ts). */
  async openCheckout(
    w: Pick<PromotionWrite, 'project' | 'stage' | 'branch' | 'paths' | 'sparse'>,
  ): Promise<OpenCheckout> {
    const plan = checkoutPlan(w, w.branch ?? (await this.defaultBranch()));
    return openCheckout(
      { ...this.workspaceHost(), defaultBranch: () => this.defaultBranch() },
      plan,
    );
  }

  /**
   * What a promotion that runs Kargo's git steps in its own workspace (src/promotion/workspace.ts)
   * uses of the store: the git runner with the GitOps remote's credentials, a fresh scratch
   * directory (killed promotions' leftovers swept first), and the store's retry policies.
   */
  workspaceHost(): WorkspaceHost {
    return {
      git: this.git,
      remoteUrl: this.opts.remote.url,
      gitOptions: {
        baseEnv: this.opts.baseEnv,
        identity: this.opts.identity ?? DEFAULT_IDENTITY,
        ...(this.opts.gitTimeoutMs !== undefined ? { timeoutMs: this.opts.gitTimeoutMs } : {}),
        ...(this.opts.trace ? { trace: this.opts.trace } : {}),
      },
      seed: (branch) => {
        const tip = this.tipMemo.get(branch);
        return tip ? { tip, objects: join(this.cache, 'objects') } : undefined;
      },
      seeds: () =>
        this.tipMemo.size
          ? { tips: new Map(this.tipMemo), objects: join(this.cache, 'objects') }
          : undefined,
      scratch: async () => {
        this.tipMemo.clear();
        await mkdir(this.opts.cacheDir, { recursive: true });
        const swept = await sweepCheckouts(this.opts.cacheDir).catch(() => []);
        if (swept.length)
          this.log(
            `removed ${swept.length} checkout(s) left by killed promotions: ${swept.join(', ')}`,
          );
        return makeCheckout(this.opts.cacheDir);
      },
      racePolicy: this.opts.raceRetry ?? this.opts.retry ?? DEFAULT_RACE_RETRY,
      transientTries: this.policy.attempts,
      ...(this.opts.retryHooks ? { retryHooks: this.opts.retryHooks } : {}),
      isTransient,
      now: this.now,
      log: this.log,
    };
  }

  // ---- the promotion of named freight (src/promotion/promote.ts, `gantry promote --freight`) ---
  // Added for the promote path (h/promote4): the reads of a promotion of one named freight ride on
  // the fetch that names the default branch instead of listing every tag and fetching the freight
  // index on their own.

  /** What promoteNamedAhead asked the HEAD fetch for, and what that fetch brought. */
  private namedAhead?: NamedAhead;

  /**
   * Has the fetch that names the default branch (the first read of a command) also list the
   * project's tags, bring its freight index (commit and tree; the shards come with the next blob
   * fetch, the project files') and the tags of freight `ref` when it is a full ID (the freight's,
   * its verifications' and approvals'): everything namedPromotionRecords reads for a promotion of
   * freight the newest of its warehouse. The listing is the fetch's own: in protocol v2 the server
   * lists every ref under the prefix a refspec pattern names, `refs/tags/gantry/<project>/*<id>`
   * names the whole project while matching only that freight's tags, and git's packet trace shows
   * the list. Once per command, before the first read. The fetch starts now: the promise resolves
   * once its git process has started (or the fetch failed: the first read that needs the branch
   * reports that), so that the caller loads the rest of the promotion's code while it runs.
   */
  promoteNamedAhead(project: string, ref: string): Promise<void> {
    const id = ref.trim().toLowerCase();
    const full = /^[0-9a-f]{40}$/.test(id) ? id : undefined;
    // No tag of gantry's ends so: the pattern then lists the project and fetches nothing.
    const suffix = full ?? NAMED_NONE;
    let started = (): void => undefined;
    const spawned = new Promise<void>((resolve) => (started = resolve));
    const local = `${NAMED_PREFIX}${encodeURIComponent(project)}/`;
    this.namedAhead = {
      project,
      ...(full ? { fetchedId: full } : {}),
      refspecs: [
        `+${projectRefPrefix(project)}*${suffix}:${local}*${suffix}`,
        // A pattern: a project without an index must not fail the fetch.
        `+${freightIndexRef(project)}*:${namedIndexRef(project)}*`,
      ],
      shardsTaken: false,
      used: false,
      started,
    };
    // Unlike defaultBranch, the failure is kept: the first read that needs the branch reports it,
    // instead of trying again all the retries this one made.
    this.defaultBranchName ??= this.resolveDefaultBranch();
    this.defaultBranchName.catch(() => undefined).finally(started);
    return spawned;
  }

  /**
   * Reads the HEAD fetch's packet trace for what promoteNamedAhead asked: the project's tags as
   * the server listed them, and its freight index when the fetch brought it (its commit and tree
   * read now, so that the shards' blobs join the next blob fetch). Leaves both unset when the trace
   * does not show a v2 listing of the project (an old server): the promotion then lists the tags.
   */
  private async takeNamedListing(named: NamedAhead, trace: string): Promise<void> {
    const prefix = projectRefPrefix(named.project);
    if (!trace.includes(`ref-prefix ${prefix}\n`)) return;
    const indexName = freightIndexRef(named.project);
    const listed = new Map<string, { oid: string; peeled?: string }>();
    let indexOid: string | undefined;
    // `fetch< <oid> <ref>[ peeled:<oid>]`; a line may show up twice (both ends trace over file://).
    for (const m of trace.matchAll(/[<>] ([0-9a-f]{40}) (refs\/\S+)([^\n]*)/g)) {
      const [, oid = '', name = '', rest = ''] = m;
      if (name === indexName) indexOid = oid;
      if (!name.startsWith(prefix) || listed.has(name)) continue;
      const peeled = / peeled:([0-9a-f]{40})/.exec(rest)?.[1];
      listed.set(name, { oid, ...(peeled ? { peeled } : {}) });
    }
    // ls-remote's shape: a tag's peeled line right after it, names sorted as git sorts them.
    const names = [...listed.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const text = names
      .map((n) => {
        const { oid, peeled } = listed.get(n) as { oid: string; peeled?: string };
        return `${oid}\t${n}\n${peeled ? `${peeled}\t${n}^{}\n` : ''}`;
      })
      .join('');
    named.listing = parseListing(text, named.project);
    // A promotion that reads every tag after all (a soak time to count, a name the index does not
    // know) takes this listing instead of listing them again.
    this.ahead ??= {
      project: named.project,
      stdout: Promise.resolve(text),
      used: new Set(),
      peeled: true,
    };
    if (!indexOid) return;
    const local = namedIndexRef(named.project);
    const [commit, tree] = await this.readRevs(this.cache, [local, `${local}^{tree}`]);
    if (commit?.oid !== indexOid || commit.type !== 'commit' || tree?.type !== 'tree') return;
    const index = indexStateOf(commit.oid, commit.body, tree.body);
    if (index) named.index = index;
  }

  /**
   * What the read of the blobs the shards were fetched with reads too: the shards, and the named
   * freight's tags (the HEAD fetch brought them). Kept for namedPromotionRecords: no process of its
   * own to read them.
   */
  private namedObjectsAhead(shards: string[]): string[] {
    const named = this.namedAhead;
    if (!named?.listing || !shards.length) return [];
    const mine = named.fetchedId ? named.listing.annotatedOf(new Set([named.fetchedId])) : [];
    named.objects = new Map();
    return [...shards, ...new Set(mine.map((r) => r.oid))];
  }

  private keepNamedObjects(objects: TagObjects): void {
    const kept = this.namedAhead?.objects;
    if (!kept || kept.size) return;
    for (const [oid, o] of objects) kept.set(oid, o);
  }

  /** The index shards the next blob fetch brings along (once; see takeNamedListing). */
  private namedShardsAhead(): string[] {
    const named = this.namedAhead;
    if (!named?.index || named.shardsTaken) return [];
    named.shardsTaken = true;
    return named.index.shards.map((sh) => sh.oid);
  }

  /**
   * promotionRecords from what the HEAD fetch brought (promoteNamedAhead): the listing and the
   * index checked against it, the named freight's tags read from the cache, other freight's tags
   * (the newer ones the rollback rule asks about) fetched by ID. Without that data (not asked for,
   * an old server, no index yet) it is promotionRecords itself. undefined as there: the index does
   * not match the tags, or `pick` cannot tell.
   */
  async namedPromotionRecords(
    project: string,
    pick: PickFreight,
  ): Promise<ProjectSnapshot | undefined> {
    const named = this.namedAhead;
    // The fetch that names the default branch may still be running (the stage states' read).
    if (named && !named.listing && this.defaultBranchName)
      await this.defaultBranchName.catch(() => undefined);
    if (named?.project !== project || named.used || !named.listing || !named.index)
      return this.promotionRecords(project, pick);
    named.used = true;
    const { listing, index } = named;
    if (!sameHead(index.head, listing.freightHead)) return undefined;
    // The named freight's tags came with the HEAD fetch (the refspec matched every one of them)
    // and the shards with the project files (a promisor cache fetches any it lacks when read):
    // one process reads both.
    const mine = named.fetchedId ? listing.annotatedOf(new Set([named.fetchedId])) : [];
    const wanted = [...index.shards.map((sh) => sh.oid), ...new Set(mine.map((r) => r.oid))];
    const kept = named.objects;
    const cached =
      kept && wanted.every((oid) => kept.has(oid))
        ? kept
        : await this.inCache(() => this.readObjects(this.cache, wanted));
    const entries = index.shards.flatMap((sh) =>
      shardEntries(index, sh.name, cached.get(sh.oid)?.body.toString('utf8')),
    );
    const ids = pick(entries, aliasNoteIds(listing));
    if (!ids) return undefined;
    // Read: a later read of the project (another stage's promotion, after this one's write)
    // lists the tags afresh.
    if (this.ahead?.project === project) this.ahead.used.add(project);
    // Any other freight's tags (the newer ones the rollback rule asks about) and the notes the
    // cache lacks are fetched by ID there.
    return this.recordsOf(listing, ids, cached);
  }
}

/**
 * Where the cache keeps a branch's tip. The branch name is one encoded path segment, so a remote
 * that replaces `release` with `release/v1` cannot make a directory/file conflict in the cache.
 */
const tipRef = (branch: string): string => `refs/gantry-tips/${encodeURIComponent(branch)}`;

/** The directory of project files and, under state/, of the stage state files (see stateFilePath). */
const PROJECT_DIR = '.gantry';
/** A stage state file as projectFiles lists it under the project directory (state/<p>/<s>.yaml). */
const STATE_FILE = /^state\/[^/]+\/[^/]+\.yaml$/;
/** Up to this many state files are fetched with the project files; more are read when asked. */
const PREFETCH_STATES = 500;

/** Where the cache keeps the remote HEAD's tip while naming the default branch. */
const HEAD_TIP = 'refs/gantry-head';

/**
 * How far back promotions are read on a branch: soak times and `get promotions` look at recent
 * history, and reading further would make every command slower as the repository ages.
 */
export const MAX_HISTORY_DEPTH = 4096;

/** Reads retry transient failures a few times; writes have their own, longer policy. */
const READ_RETRY = (p: RetryPolicy): RetryPolicy => ({ ...p, attempts: Math.min(p.attempts, 4) });

/** `diff-tree -r -z` raw output: `:<old mode> <new mode> <old oid> <new oid> <status>\0<path>\0`. */
export function parseRawDiff(
  text: string,
): { mode: string; oid: string; status: string; path: string }[] {
  const fields = text.split('\0');
  const out: { mode: string; oid: string; status: string; path: string }[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [, mode = '', , oid = '', status = ''] = (fields[i] ?? '').slice(1).split(' ');
    out.push({ mode, oid, status: status.charAt(0), path: fields[i + 1] ?? '' });
  }
  return out;
}

function sameOrigin(a: FreightOrigin, b: FreightOrigin): boolean {
  return a.kind === b.kind && a.name === b.name;
}

function isTransient(err: unknown): boolean {
  return err instanceof GitError && (err.kind === 'network' || err.kind === 'timeout');
}

/** The message of a raw tag object: everything after the header's blank line. */
function tagMessage(body: Buffer): string {
  const text = body.toString('utf8');
  const i = text.indexOf('\n\n');
  return i < 0 ? '' : text.slice(i + 2);
}

function checkRecord<T extends { project: string; stage: string; freightId: string }>(
  r: T,
  ref: StateRef,
  where: string,
): T {
  if (r.project !== ref.project || r.stage !== ref.stage || r.freightId !== ref.freightId) {
    throw new OperationError(
      `unreadable tag ${where}: its document names ${r.project}/${r.stage}/${r.freightId}, not the tag's own`,
    );
  }
  return r;
}

/** The freight the stage ran from the promoted freight's warehouse, and the version changes. */
export function stageChange(
  w: Pick<PromotionWrite, 'freight'>,
  previous: StageState | undefined,
): { before: StageState['freight'][number] | undefined; changes: VersionChange[] } {
  const before = previous?.freight.find((f) => sameOrigin(f.origin, w.freight.origin));
  return { before, changes: versionChanges(before, w.freight) };
}

/** The stage's state after the promotion `w`: its freight for other warehouses is kept. */
export function nextStageState(
  w: PromotionWrite,
  previous: StageState | undefined,
  now: Date,
): StageState {
  return {
    project: w.project,
    stage: w.stage,
    freight: [
      ...(previous?.freight.filter((f) => !sameOrigin(f.origin, w.freight.origin)) ?? []),
      toStageFreight(w.freight),
    ].sort((a, b) => a.origin.name.localeCompare(b.origin.name)),
    promotedAt: now.toISOString(),
    promotedBy: w.promotedBy,
    approvedBy: w.approvedBy ?? [],
    run: w.run,
    autoPromotionHold:
      w.autoPromotionHold === undefined
        ? previous?.autoPromotionHold
        : (w.autoPromotionHold ?? undefined),
    ...nextStageMetadata(previous, w.stageMetadata?.()),
  };
}

/** Whether the state `next` records other stage metadata than `previous`. */
export function metadataChanged(previous: StageState | undefined, next: StageState): boolean {
  return JSON.stringify(previous?.metadata ?? {}) !== JSON.stringify(next.metadata ?? {});
}

export function promotionMessage(
  w: PromotionWrite,
  changes: VersionChange[],
  editLines: string[],
  /** A Kargo template's git-commit message: it opens the commit, gantry's record follows. */
  heading?: string,
): string {
  // Values come from workflow inputs and actors: a newline in one would start a paragraph of
  // forged trailers, so every value is kept to one line.
  const one = (v: string) => v.replace(/[\r\n]+/g, ' ').trim();
  const lines = heading?.trim()
    ? [
        ...heading
          .trim()
          .split(/\r?\n/)
          .map((l) => l.trimEnd()),
        '',
      ]
    : [`promote(${w.project}/${w.stage}): ${one(w.freight.alias)}`, ''];
  lines.push(
    `Freight ${one(w.freight.alias)} (${w.freight.id.slice(0, 7)}) from warehouse ${w.freight.origin.name}.`,
  );
  if (changes.length) {
    lines.push('');
    for (const c of changes) lines.push(`- ${one(formatChange(c))}`);
  }
  if (editLines.length) {
    lines.push('');
    for (const l of editLines) lines.push(one(l));
  }
  lines.push('');
  lines.push(`${TRAILER.project}: ${w.project}`);
  lines.push(`${TRAILER.stage}: ${w.stage}`);
  lines.push(`${TRAILER.freight}: ${w.freight.id}`);
  lines.push(`${TRAILER.alias}: ${one(w.freight.alias)}`);
  lines.push(`${TRAILER.warehouse}: ${w.freight.origin.name}`);
  lines.push(`${TRAILER.promotedBy}: ${one(w.promotedBy)}`);
  if (w.run) lines.push(`${TRAILER.run}: ${one(w.run)}`);
  for (const a of w.approvedBy ?? []) lines.push(`${TRAILER.approvedBy}: ${one(a)}`);
  return lines.join('\n') + '\n';
}

/** Reads a `%H%x00%ct%x00%B` log record; undefined when it is not a gantry promotion. */
export function parsePromotionCommit(record: string, branch: string): PromotionRecord | undefined {
  const [sha = '', date = '', body = ''] = record.replace(/^\n+/, '').split('\0');
  if (!body.includes(`${TRAILER.stage}: `)) return undefined;
  const trailers = new Map<string, string[]>();
  // Trailers are the last paragraph; read them from there only, so a quoted line in the body does not count.
  const paragraphs = body.trimEnd().split(/\n\s*\n/);
  for (const line of (paragraphs[paragraphs.length - 1] ?? '').split('\n')) {
    const m = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
    if (m?.[1] && m[2] !== undefined)
      trailers.set(m[1], [...(trailers.get(m[1]) ?? []), m[2].trim()]);
  }
  const one = (k: string) => trailers.get(k)?.[0];
  const project = one(TRAILER.project);
  const stage = one(TRAILER.stage);
  const freightId = one(TRAILER.freight);
  if (!project || !stage || !freightId) return undefined;
  return {
    project,
    stage,
    branch,
    freightId,
    alias: one(TRAILER.alias) ?? freightId.slice(0, 7),
    ...(one(TRAILER.warehouse) ? { warehouse: one(TRAILER.warehouse) } : {}),
    commit: sha,
    // Committer time as epoch seconds (%ct), shown in UTC: sorting the committers' own offsets
    // as text would put a Tokyo laptop's older promotion after a UTC runner's newer one.
    promotedAt: /^\d+$/.test(date) ? new Date(Number(date) * 1000).toISOString() : date,
    promotedBy: one(TRAILER.promotedBy) ?? '',
    approvedBy: trailers.get(TRAILER.approvedBy) ?? [],
    run: one(TRAILER.run),
    subject: body.split('\n')[0] ?? '',
  };
}

export interface ListedRef {
  /** `refs/tags/gantry/<project>/…` */
  name: string;
  oid: string;
  ref: StateRef;
}

/** A tag of an alias or metadata change (src/state/freight-notes.ts). */
interface ListedNote {
  name: string;
  oid: string;
  note: NonNullable<ReturnType<typeof parseNoteRef>>;
}

export interface Listing {
  /** gantry's refs of the project, lightweight ones too (made on first use: see parseListing). */
  readonly refs: ListedRef[];
  /** Of `refs`, the annotated tags: the only ones gantry reads. */
  readonly annotated: ListedRef[];
  /** Of `annotated`, the freight, verified and approved tags of the freight `ids`. */
  annotatedOf(ids: ReadonlySet<string>): ListedRef[];
  /** The alias and metadata tags (annotated ones): few, so every view reads them all. */
  notes: ListedNote[];
  /** Alias and metadata tags that are lightweight: reported, never read. */
  lightweightNotes: string[];
  /**
   * The count and XOR of the objects of the freight refs, annotated tags or not (what the index
   * records): a listing without peeled lines gives it too.
   */
  freightHead: IndexHead;
  /**
   * Whether `annotated`, `annotatedOf` and `notes` hold annotated tags only. Without git's peeled
   * lines they hold every ref of their kinds: a reader fetches their objects so that a
   * lightweight tag's commit cannot pull history in (see tagObjects), and skips one that is not a
   * tag object.
   */
  readonly peeled: boolean;
}

/** Objects read from the tag cache, by ID. */
type TagObjects = Map<string, { type: string; body: Buffer }>;

interface FullRead {
  snap: ProjectSnapshot;
  /** Freight ID → its tag object, for each freight read. */
  freightOids: Map<string, string>;
}

interface IndexState {
  commit: string;
  head: IndexHead;
  /** Oldest first. */
  shards: { name: string; oid: string }[];
}

/** The index an index commit and its tree describe; undefined when its message is not one. */
function indexStateOf(commit: string, message: Buffer, tree: Buffer): IndexState | undefined {
  const head = parseHeadMessage(tagMessage(message));
  if (!head) return undefined;
  const shards = treeEntries(tree)
    .filter((e) => e.mode !== '40000' && e.mode !== '160000' && /^\d+$/.test(e.name))
    .map((e) => ({ name: e.name, oid: e.oid }));
  shards.sort((a, b) => compareText(a.name, b.name));
  return { commit, head, shards };
}

/** The entries of shard `name` of `index`, whose text was read (undefined: it was not there). */
function shardEntries(index: IndexState, name: string, text: string | undefined): IndexEntry[] {
  const commit = index.commit.slice(0, 7);
  if (text === undefined)
    throw new OperationError(`freight index ${commit}: shard ${name} is missing`);
  return parseShard(text, `${commit}:${name}`);
}

/** The freight IDs the listing's alias tags name (an alias can move to older freight). */
function aliasNoteIds(listing: Listing): string[] {
  return listing.notes.filter((n) => n.note.kind === 'alias').map((n) => n.note.freightId);
}

/** What StateStore.fetchIndexesAhead asked for, and what the reads it speeds brought. */
interface IndexesAhead {
  fetched: boolean;
  used: Set<string>;
  /** Each project's index commit, as the fetch's ref listing named it (project → commit). */
  commits: Map<string, string>;
  /** Their commit and tree objects, read with the project files (by `<commit>`, `<commit>^{tree}`). */
  objects: Map<string, { type: string; body: Buffer }>;
  /**
   * A page of freight to read as soon as the project files are (get freight's default page):
   * its index's newest shard comes in their blob fetch, and its freight tags are fetched at
   * once, while the tag listing that decides whether the page stands still runs.
   */
  page?: { project?: string; limit: number };
  /** The pages read so (project → the index they were read from, and the read). */
  pages: Map<string, { commit: string; limit: number; read: Promise<Settled<IndexPage>> }>;
}

/** A page of freight; see StateStore.freightPage. */
export interface FreightPage {
  /** `freight`: the page, newest first; verifications and approvals of those freight only. */
  snap: ProjectSnapshot;
  total: number;
  latest: Map<string, { id: string; alias: string; createdAt: string }>;
}

/** What freightPage reads from the index before the tag listing tells whether it can be used. */
interface IndexPage {
  /** Every entry of the shards read. */
  loaded: IndexEntry[];
  /** The page: the newest `limit` entries with a time. */
  page: IndexEntry[];
  /** The page's freight tag objects. */
  objects: TagObjects;
}

type Settled<T> = { value: T } | { error: unknown };

/** The value of a settled promise, or its error thrown. */
function unwrap<T>(s: Settled<T>): T {
  if ('error' in s) throw s.error;
  return s.value;
}

/** The freight index moved between reading it and pushing: read it again and retry. */
class IndexRaceError extends OperationError {}

/**
 * Refspecs for a fetch: on its command line when they are short enough, else on its stdin. git
 * reads stdin to its end before it connects, and the end comes only when this process's event
 * loop next runs: a fetch started just before JavaScript work (the project files parsed, a tag
 * listing read) would wait for that work instead of running beside it.
 */
function stdinOrArgs(specs: readonly string[]): {
  args: string[];
  input?: { input: string };
} {
  const size = specs.reduce((n, sp) => n + sp.length + 1, 0);
  return size <= ARGS_BYTES
    ? { args: ['--', ...specs] }
    : { args: ['--stdin'], input: { input: specs.map((sp) => `${sp}\n`).join('') } };
}

/**
 * Bytes of refspecs passed as arguments: below Windows' 32,767-character command line with room
 * for the rest (Linux and macOS allow far more). A page's tags or a hundred stages' fit.
 */
const ARGS_BYTES = 24 * 1024;

/** The lock a fetch with --depth into `repo` holds (see StateStore.fetchObjects). */
export const shallowLock = (repo: string): string => `${repo}-shallow`;

/** Refs deleted per push: a command line holds only so many. */
const PUSH_BATCH = 500;

/** A tag as `ls-remote` lists it: its object, and whether git printed a peeled line after it. */
export interface ListedTag {
  oid: string;
  /** A peeled line followed it: an annotated tag (gantry writes only those). */
  annotated: boolean;
}

/** What a prune plan was made from: the index head and every tag of the project it listed. */
export interface PlannedTags {
  head: IndexHead;
  tags: ReadonlyMap<string, ListedTag>;
}

/** deleteFreight's question, asked right before each push and once after the last. */
export interface PruneGuard {
  /** Of `ids`, those the plan's rules keep now (a stage runs one, or ran it since the cutoff). */
  protectedNow(ids: ReadonlySet<string>): Promise<ReadonlySet<string>>;
}

export interface PruneResult {
  /** The tags deleted (`gantry/<project>/…`), those of restored freight left out. */
  deleted: string[];
  /** Freight deleted and pushed back: a stage started running them, or a record named them. */
  restored: string[];
}

/**
 * The freight a tag of the project is about: the last segment of a freight, verification or
 * approval tag (and of a kind a later gantry adds), the freight of an alias or metadata note.
 */
function recordFreightId(name: string): string {
  return parseNoteRef(name)?.freightId ?? name.slice(name.lastIndexOf('/') + 1);
}

/** Every tag under `prefix` in `ls-remote` text, name to object (peeled lines mark annotated). */
export function listedTags(text: string, prefix: string): Map<string, ListedTag> {
  const out = new Map<string, ListedTag>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const name = line.slice(tab + 1);
    if (!name.startsWith(prefix)) continue;
    if (name.endsWith('^{}')) {
      const tag = out.get(name.slice(0, -3));
      if (tag) tag.annotated = true;
    } else out.set(name, { oid: line.slice(0, tab), annotated: false });
  }
  return out;
}

/** What StateStore.promoteNamedAhead asked the HEAD fetch for, and what it brought. */
interface NamedAhead {
  project: string;
  /** The freight whose tags the fetch brought, when it was named by full ID. */
  fetchedId?: string;
  refspecs: string[];
  /** The project's tags as the fetch listed them. */
  listing?: Listing;
  /** The project's freight index, when the fetch listed and brought one. */
  index?: IndexState;
  /** The shards' blobs were handed to a blob fetch. */
  shardsTaken: boolean;
  /** The shards and the named freight's tags, read with the blobs fetched with them. */
  objects?: TagObjects;
  /** namedPromotionRecords took the data: a later read reads afresh. */
  used: boolean;
  /** Called by fetchHead as it starts git: what promoteNamedAhead's promise waits for. */
  started: () => void;
}

/** Where the HEAD fetch keeps the named freight's tags (promoteNamedAhead), in the cache. */
const NAMED_PREFIX = 'refs/gantry-named/';
/** A tag name ending no gantry tag has (IDs and stamps end in hex): lists, fetches nothing. */
const NAMED_NONE = '/none';
const namedIndexRef = (project: string): string =>
  `${NAMED_PREFIX}${encodeURIComponent(project)}-freight-index`;

/** Where stageRecords keeps the tags it fetched by name, in the tag cache. */
const PEEK_PREFIX = 'refs/gantry-peek/';
/**
 * Whether the repository `dir` has no ref, so that a fetch into it offers the server no "have".
 * Only such a fetch may ask for the stage state refs: a server leaves out of its pack every
 * object that a have reaches, and the blob-less cache lacks the very blobs its commits reach, so
 * a state blob in the tree of a commit the cache holds would never come, and git would fail the
 * fetch ("remote did not send all necessary objects"). Synchronous: the HEAD fetch's process
 * must start before any I/O callback (see fetchHead); a ref directory is small.
 */
function offersNoHaves(dir: string): boolean {
  let packed = '';
  try {
    packed = readFileSync(join(dir, 'packed-refs'), 'utf8');
  } catch {
    // No packed refs.
  }
  if (packed.split('\n').some((l) => l !== '' && !l.startsWith('#'))) return false;
  const anyFile = (d: string): boolean => {
    let entries: Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return false;
    }
    return entries.some((e) => e.isFile() || (e.isDirectory() && anyFile(join(d, e.name))));
  };
  return !anyFile(join(dir, 'refs'));
}

/** Where the cache keeps the stage state refs (see stageStateRef) its fetches brought. */
const STATE_LOCAL = 'refs/gantry-state/';
/** The fetch refspec of the stage state refs of `project` (undefined: of every project). */
const stateRefspec = (project?: string): string => {
  const pattern = stageStateRefs(project);
  return `+${pattern}:${pattern.replace(/^refs\/gantry\//, STATE_LOCAL)}`;
};

/**
 * The tags recordNames gives for the stage state files `files` (`.gantry/state/<p>/<s>.yaml`,
 * of `project` or of every project when undefined); undefined when they name none. A file that
 * does not parse is left out: the read that needs it reports it.
 */
function recordsOfStates(
  project: string | undefined,
  files: readonly string[],
  texts: ReadonlyMap<string, string>,
): { names: Set<string>; notePrefixes: Set<string> } | undefined {
  const byProject = new Map<string, Map<string, StageState | undefined>>();
  for (const file of files) {
    const [, , p, name] = file.split('/');
    const text = texts.get(file);
    if (!p || !name || text === undefined || (project !== undefined && p !== project)) continue;
    try {
      const states = byProject.get(p) ?? new Map<string, StageState | undefined>();
      states.set(name.replace(/\.yaml$/, ''), parseStageState(text, file));
      byProject.set(p, states);
    } catch {
      continue;
    }
  }
  const wanted = { names: new Set<string>(), notePrefixes: new Set<string>() };
  for (const [p, states] of byProject) recordNames(p, states, wanted);
  return wanted.names.size ? wanted : undefined;
}

/**
 * The tags a view of the stages reads: the freight each stage runs, with its verification and
 * approval in that stage (whole names), and the alias changes of any freight and the metadata
 * changes of those (name prefixes; an alias is unique in the project: every claim counts).
 */
function recordNames(
  project: string,
  states: ReadonlyMap<string, StageState | undefined>,
  into = { names: new Set<string>(), notePrefixes: new Set<string>() },
): { names: Set<string>; notePrefixes: Set<string> } {
  const { names, notePrefixes } = into;
  notePrefixes.add(`${projectRefPrefix(project)}alias/`);
  for (const [stage, st] of states) {
    for (const f of st?.freight ?? []) {
      notePrefixes.add(`${projectRefPrefix(project)}metadata/${f.id}/`);
      names.add(stateRefName({ kind: 'freight', project, freightId: f.id }));
      names.add(stateRefName({ kind: 'verified', project, stage, freightId: f.id }));
      names.add(stateRefName({ kind: 'approved', project, stage, freightId: f.id }));
    }
  }
  return into;
}

/** The listing's freight refs, annotated tags or not: what the index lists and counts. */
function freightRefsOf(listing: Listing): ListedRef[] {
  return listing.refs.filter((r) => r.ref.kind === 'freight');
}

/** Index entries for every freight ref; one gantry could not read (or lightweight) gets no time. */
function indexEntries(full: FullRead, freightRefs: readonly ListedRef[]): IndexEntry[] {
  const byId = new Map(full.snap.freight.map((f) => [f.id, f]));
  return freightRefs.map((r) => {
    const f =
      full.freightOids.get(r.ref.freightId) === r.oid ? byId.get(r.ref.freightId) : undefined;
    return {
      createdAt: f?.createdAt ?? '',
      freightId: r.ref.freightId,
      tagOid: r.oid,
      warehouse: f?.origin.name ?? '',
      alias: f?.alias ?? '',
    };
  });
}

/**
 * `ls-remote` output (`<oid>\t<name>` lines) as gantry's refs of `project`. Tens of thousands of
 * lines are read on every page of freight, which needs of them only the index head and a page of
 * refs: freight tags (nearly all of the lines) are checked and folded into the head in place, and
 * become objects only when a reader asks for them (`refs`, `annotated`, `annotatedOf`).
 * `peeled`: the listing has git's peeled lines (`<oid>\t<name>^{}`), which tell annotated tags
 * from lightweight ones; `ls-remote --refs` leaves them out (half the lines), and then every ref
 * counts as annotated until its object is read (see Listing.peeled).
 */
export function parseListing(text: string, project: string, peeled = true): Listing {
  const prefix = projectRefPrefix(project);
  const freightPrefix = `${prefix}freight/`;
  const freightName = freightPrefix.length + 40;
  /** Other refs than freight (few of each per freight), made as they are read. */
  const others: { at: number; ref: ListedRef }[] = [];
  const othersAnnotated: { at: number; ref: ListedRef }[] = [];
  /** Where each freight tag's line starts, and of those the annotated ones. */
  const freight: number[] = [];
  let freightAnnotated: number[] = [];
  const notes: ListedNote[] = [];
  const lightweightNotes: string[] = [];
  let last: ListedRef | undefined;
  let lastNote: ListedNote | undefined;
  // The line of the last ref (of `last`, `lastNote` or a freight tag) and its name's length: its
  // peeled line is matched in place, without slicing half of the lines only to compare them.
  let lastLine = -1;
  let lastLength = -1;
  let lastIsFreight = false;
  // The freight head is folded as the lines go by, from the hex digits in place: tens of
  // thousands of IDs sliced and parsed again afterwards cost as much as the rest of the parse.
  const acc = new Uint32Array(5);
  const words = new Uint32Array(5);
  let count = 0;
  const freightLine = 41 + freightName;
  const idAt = freightPrefix.length + 41;
  for (let pos = 0; pos < text.length;) {
    // A freight ref's line (nearly every line) has one length: it is checked in place, with no
    // search for its end (the hex checks rule out a line break inside it).
    const fe = pos + freightLine;
    if (
      (fe === text.length || text.charCodeAt(fe) === 10) &&
      text.charCodeAt(pos + 40) === 9 &&
      text.startsWith(freightPrefix, pos + 41) &&
      isHex40(text, pos + idAt) &&
      hexWords(text, pos, words)
    ) {
      if (lastNote) lightweightNotes.push(lastNote.name);
      last = undefined;
      lastNote = undefined;
      lastLine = pos;
      lastLength = freightName;
      lastIsFreight = true;
      // Every freight ref counts, annotated or not: the head needs no peeled line, and a
      // lightweight tag under a freight name changes it as any other tag does.
      freight.push(pos);
      for (let w = 0; w < 5; w++) acc[w] = (acc[w] as number) ^ (words[w] as number);
      count++;
      pos = fe + 1;
      continue;
    }
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const tab = pos + 40;
    const at = tab + 1;
    if (text.charCodeAt(tab) === 9 && text.startsWith(prefix, at)) {
      if (
        peeled &&
        text.charCodeAt(end - 1) === 125 &&
        text.charCodeAt(end - 2) === 123 &&
        text.charCodeAt(end - 3) === 94
      ) {
        // git prints an annotated tag's peeled line right after the tag's own line; a tag
        // without one is lightweight.
        const len = end - 3 - at;
        const peels = lastLength === len && sameText(text, lastLine + 41, at, len);
        if (peels && lastIsFreight) freightAnnotated.push(lastLine);
        else if (peels && last) othersAnnotated.push({ at: lastLine, ref: last });
        if (lastNote && peels) notes.push(lastNote);
        else if (lastNote) lightweightNotes.push(lastNote.name);
        last = undefined;
        lastNote = undefined;
        lastIsFreight = false;
        lastLength = -1;
      } else {
        if (lastNote) lightweightNotes.push(lastNote.name);
        last = undefined;
        lastNote = undefined;
        lastLine = pos;
        lastLength = end - at;
        lastIsFreight =
          lastLength === freightName &&
          text.startsWith(freightPrefix, at) &&
          isHex40(text, at + freightPrefix.length) &&
          hexWords(text, pos, words);
        if (lastIsFreight) {
          // As above (a line the fast path did not take: never, as git prints them).
          freight.push(pos);
          for (let w = 0; w < 5; w++) acc[w] = (acc[w] as number) ^ (words[w] as number);
          count++;
        } else {
          const name = text.slice(at, end);
          const ref = parseStateRef(name);
          // Someone's own tag under the prefix is not gantry's to read (nor to fetch).
          if (ref?.project === project) {
            last = { name, oid: text.slice(pos, tab), ref };
            others.push({ at: pos, ref: last });
            if (!peeled) othersAnnotated.push({ at: pos, ref: last });
          }
          const note = ref ? undefined : parseNoteRef(name);
          if (note?.project === project) {
            const listed = { name, oid: text.slice(pos, tab), note };
            if (peeled) lastNote = listed;
            else notes.push(listed);
          }
          if (!last && !lastNote) lastLength = -1;
        }
      }
    }
    pos = end + 1;
  }
  if (lastNote) lightweightNotes.push(lastNote.name);
  if (!peeled) freightAnnotated = freight;
  const xor = [...acc].map((w) => w.toString(16).padStart(8, '0')).join('');

  // One object per freight tag, made once: `refs` and `annotated` share them.
  const made = new Map<number, ListedRef>();
  const freightRef = (line: number): ListedRef => {
    let ref = made.get(line);
    if (!ref) {
      const name = text.slice(line + 41, line + 41 + freightName);
      ref = {
        name,
        oid: text.slice(line, line + 40),
        ref: { kind: 'freight', project, freightId: name.slice(freightPrefix.length) },
      };
      made.set(line, ref);
    }
    return ref;
  };
  /** Freight lines and other refs, merged back into the listing's order. */
  const merged = (lines: readonly number[], rest: readonly { at: number; ref: ListedRef }[]) => {
    const out: ListedRef[] = [];
    let j = 0;
    for (const line of lines) {
      for (let r = rest[j]; r && r.at < line; r = rest[++j]) out.push(r.ref);
      out.push(freightRef(line));
    }
    for (const r of rest.slice(j)) out.push(r.ref);
    return out;
  };
  let refs: ListedRef[] | undefined;
  let annotated: ListedRef[] | undefined;
  return {
    get refs() {
      return (refs ??= merged(freight, others));
    },
    get annotated() {
      return (annotated ??= merged(freightAnnotated, othersAnnotated));
    },
    annotatedOf: (ids) => {
      // The first four hex digits of each ID asked for, as a bitmap: of tens of thousands of
      // lines, only those it hits are sliced to be looked up.
      const hits = new Uint8Array(65536);
      for (const id of ids) {
        const k = hex4(id, 0);
        if (k >= 0) hits[k] = 1;
      }
      return merged(
        freightAnnotated.filter((line) => {
          const k = hex4(text, line + idAt);
          return k >= 0 && hits[k] === 1 && ids.has(text.slice(line + idAt, line + idAt + 40));
        }),
        othersAnnotated.filter((r) => ids.has(r.ref.ref.freightId)),
      );
    },
    notes,
    lightweightNotes,
    freightHead: { count, xor },
    peeled,
  };
}

/** Whether `s` holds the same `len` characters at `a` and at `b` (compared from the end). */
function sameText(s: string, a: number, b: number, len: number): boolean {
  for (let i = len - 1; i >= 0; i--) if (s.charCodeAt(a + i) !== s.charCodeAt(b + i)) return false;
  return true;
}

/** Values of lowercase hex digits by character code; -1 for any other character. */
const HEX = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < 10; i++) t[48 + i] = i;
  for (let i = 0; i < 6; i++) t[97 + i] = 10 + i;
  return t;
})();

/** The value of a lowercase hex digit, or -1. */
function hexDigit(c: number): number {
  return c < 128 ? (HEX[c] as number) : -1;
}

/** The four hex digits at `at` as a number, or -1. */
function hex4(s: string, at: number): number {
  let v = 0;
  for (let i = at; i < at + 4; i++) {
    const d = hexDigit(s.charCodeAt(i));
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/** Whether `s` holds 40 lowercase hex digits at `at`. */
function isHex40(s: string, at: number): boolean {
  for (let i = at; i < at + 40; i++) if (hexDigit(s.charCodeAt(i)) < 0) return false;
  return true;
}

/** The 40 hex digits at `at` as five 32-bit words, into `out`; false when they are not hex. */
function hexWords(s: string, at: number, out: Uint32Array): boolean {
  for (let w = 0; w < 5; w++) {
    let v = 0;
    for (let i = at + w * 8; i < at + w * 8 + 8; i++) {
      const d = hexDigit(s.charCodeAt(i));
      if (d < 0) return false;
      v = v * 16 + d;
    }
    out[w] = v;
  }
  return true;
}

/** A tree object's entries (`<mode> <name>`, NUL, a 20-byte ID each: the caches hold SHA-1). */
export function treeEntries(body: Buffer): { mode: string; name: string; oid: string }[] {
  const out: { mode: string; name: string; oid: string }[] = [];
  for (let pos = 0; pos < body.length;) {
    const space = body.indexOf(32, pos);
    const nul = body.indexOf(0, space + 1);
    if (space < 0 || nul < 0 || nul + 21 > body.length) break;
    out.push({
      mode: body.subarray(pos, space).toString('latin1'),
      name: body.subarray(space + 1, nul).toString('utf8'),
      oid: body.subarray(nul + 1, nul + 21).toString('hex'),
    });
    pos = nul + 21;
  }
  return out;
}
