import { createHash } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
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
import { withDirLock } from './lock.js';
import { commitPromotion } from './transaction.js';
import {
  parseApproval,
  parseVerification,
  serializeApproval,
  serializeVerification,
  type ApprovalRecord,
  type VerificationRecord,
} from './records.js';
import {
  parseStateRef,
  projectRefPrefix,
  stateFilePath,
  stateRefName,
  type StateRef,
} from './refs.js';
import { parseStageState, toStageFreight, type StageState } from './stage-state.js';

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
  /** Branch tips fetched by this instance: one command reads each branch once. Writes clear it. */
  private readonly tipMemo = new Map<string, string>();
  private defaultBranchName?: Promise<string>;

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
      await openCacheRepo(this.git, this.tagCache, origin);
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

  private async resolveDefaultBranch(): Promise<string> {
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

  private withNetworkRetry<T>(fn: () => Promise<T>): Promise<T> {
    return retry(fn, isTransient, READ_RETRY(this.policy), this.opts.retryHooks);
  }

  /**
   * Fetches the tips of `branches` (no blobs, one commit deep) and returns each tip's commit.
   * With `allowMissing`, a branch the remote does not have is left out of the result (a stage
   * whose branch is created later has no state yet) instead of failing every stage's read.
   */
  private async fetchTips(branches: string[], allowMissing = false): Promise<Map<string, string>> {
    const tips = new Map<string, string>();
    for (const b of branches) {
      const known = this.tipMemo.get(b);
      if (known) tips.set(b, known);
    }
    let unique = [...new Set(branches)].filter((b) => !tips.has(b));
    if (!unique.length) return tips;
    const refspecs = () => unique.map((b) => `+refs/heads/${b}:${tipRef(b)}`);
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
      const i = spec.indexOf(':');
      const commit = spec.slice(0, i);
      byCommit.set(commit, [...(byCommit.get(commit) ?? []), spec.slice(i + 1)]);
      out.set(spec, undefined);
    }
    const ids = new Map<string, string>();
    for (const [commit, paths] of byCommit) {
      const res = await this.git.run(['ls-tree', '-z', commit, '--', ...paths], {
        cwd: this.cache,
      });
      for (const entry of res.stdout.split('\0').filter(Boolean)) {
        const m = /^\d+ blob ([0-9a-f]{40})\t(.*)$/s.exec(entry);
        if (m?.[1] && m[2]) ids.set(`${commit}:${m[2]}`, m[1]);
      }
    }
    const blobs = [...new Set(ids.values())];
    if (!blobs.length) return out;
    await this.fetchObjects(this.cache, blobs);
    const objects = await this.readObjects(this.cache, blobs);
    const contents = new Map([...objects].map(([oid, o]) => [oid, o.body.toString('utf8')]));
    for (const [spec, oid] of ids) out.set(spec, contents.get(oid));
    return out;
  }

  // ---- reads ----------------------------------------------------------------------------------

  /** Every freight, verification and approval of a project: one ref listing, one object read. */
  async snapshot(project: string): Promise<ProjectSnapshot> {
    const prefix = projectRefPrefix(project);
    await this.ensureCache();
    // ls-remote with --tags asks the server for refs/tags/ only; the pattern narrows to the project.
    const ls = await retry(
      () =>
        this.git.run(['ls-remote', '--tags', this.opts.remote.url, `${prefix}*`], {
          cwd: this.cache,
        }),
      isTransient,
      READ_RETRY(this.policy),
      this.opts.retryHooks,
    );
    const refs: { name: string; oid: string; ref: StateRef }[] = [];
    const peeled = new Set<string>();
    for (const line of ls.stdout.split('\n')) {
      const [oid, name] = line.split('\t');
      if (!oid || !name?.startsWith(prefix)) continue;
      if (name.endsWith('^{}')) {
        peeled.add(name.slice(0, -3));
        continue;
      }
      const ref = parseStateRef(name);
      // Someone's own tag under the prefix is not gantry's to read (nor to fetch).
      if (ref?.project === project) refs.push({ name, oid, ref });
    }
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
    // Annotated tags come with a peeled `^{}` line; a tag without one is lightweight, and
    // fetching its commit would pull history into the cache, so it is skipped before any fetch.
    const annotated = refs.filter((r) => {
      if (peeled.has(r.name)) return true;
      skip(
        r.name,
        `unreadable tag ${r.name.replace(/^refs\/tags\//, '')}: it is a lightweight tag, gantry writes annotated tags`,
      );
      return false;
    });
    if (!annotated.length) return snap;
    // Tag objects are immutable and named by their hash: fetch only those this cache lacks, by
    // object ID, without writing a ref for each.
    const oids = [...new Set(annotated.map((r) => r.oid))];
    const missing = await this.missingObjects(this.tagCache, oids);
    if (missing.length) await this.fetchObjects(this.tagCache, missing);
    const objects = await this.readObjects(this.tagCache, oids);
    for (const { name, oid, ref } of annotated) {
      const where = name.replace(/^refs\/tags\//, '');
      const obj = objects.get(oid);
      if (obj?.type !== 'tag') {
        skip(name, `unreadable tag ${where}: it is not an annotated tag`);
        continue;
      }
      const message = tagMessage(obj.body);
      try {
        if (ref.kind === 'freight') snap.freight.push(parseFreight(message, where, ref.freightId));
        else if (ref.kind === 'verified')
          snap.verifications.push(checkRecord(parseVerification(message, where), ref, where));
        else snap.approvals.push(checkRecord(parseApproval(message, where), ref, where));
      } catch (err) {
        if (!(err instanceof OperationError)) throw err;
        skip(name, err.message);
      }
    }
    snap.freight.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
    return snap;
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

  /** Fetches objects by ID in one request; a no-op without network when all are present. */
  private fetchObjects(repo: string, oids: string[]): Promise<unknown> {
    return retry(
      () =>
        this.git.run(
          [
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
            '--stdin',
          ],
          { cwd: repo, input: oids.join('\n') + '\n' },
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

  /** The state file of each stage at the tip of its branch (undefined: never promoted). */
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

  async stageStates(
    project: string,
    stages: { name: string; branch?: string }[],
  ): Promise<Map<string, StageState | undefined>> {
    const def = stages.some((s) => !s.branch) ? await this.defaultBranch() : '';
    const branchOf = (s: { branch?: string }) => s.branch ?? def;
    const files = await this.inCache(async () => {
      const tips = await this.fetchTips(stages.map(branchOf), true);
      const specs = stages.map((s) => {
        const tip = tips.get(branchOf(s));
        return tip ? `${tip}:${stateFilePath(project, s.name)}` : undefined;
      });
      const present = specs.filter((x): x is string => x !== undefined);
      return { specs, blobs: await this.readBlobs(present) };
    });
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
   * `recursive` those of its subdirectories too (Kargo's manifests).
   */
  async projectFiles(
    branch?: string,
    dir = '.gantry',
    recursive = false,
  ): Promise<{ file: string; text: string }[]> {
    const b = branch ?? (await this.defaultBranch());
    return this.inCache(async () => {
      const tip = (await this.fetchTips([b])).get(b) as string;
      // -z: names are not quoted (a file called écho.yaml stays écho.yaml).
      const args = ['ls-tree', '-z', ...(recursive ? ['-r'] : []), '--name-only', `${tip}:${dir}`];
      const ls = await this.git.tryRun(args, { cwd: this.cache });
      if (ls.exitCode !== 0) {
        // No such directory at all is an answer (no files), anything else an error.
        if (/not a valid object name|not a tree object/i.test(ls.stderr)) return [];
        throw this.git.error(args, ls);
      }
      const files = ls.stdout
        .split('\0')
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => `${dir}/${f}`);
      const blobs = await this.readBlobs(files.map((f) => `${tip}:${f}`));
      return files.map((file) => ({ file, text: blobs.get(`${tip}:${file}`) ?? '' }));
    });
  }

  /**
   * The newest `limit` promotions of a project on the given branches, from commit trailers. Fetches
   * commit objects only (no trees), deepening until enough promotions are found or history ends,
   * so the cost follows `limit`, not the length of history.
   */
  async promotions(project: string, branches: string[], limit = 20): Promise<PromotionRecord[]> {
    const unique = [...new Set(branches.length ? branches : [await this.defaultBranch()])];
    return this.inCache(async () => {
      const tips = await this.fetchTips(unique, true);
      const found = new Map<string, PromotionRecord>();
      for (const branch of unique.filter((b) => tips.has(b))) {
        // Start deep enough for `limit` promotions when one commit in four is one (one round trip
        // in an established repository), and stop at a bound: a project with few promotions in a
        // long-lived repository would otherwise read the whole history on every call.
        for (
          let depth = Math.max(64, 4 ** Math.ceil(Math.log(limit * 4) / Math.log(4)));
          ;
          depth *= 4
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
          if (count >= limit || reachedRoot || depth >= MAX_HISTORY_DEPTH) break;
        }
      }
      return [...found.values()]
        .sort((a, b) => b.promotedAt.localeCompare(a.promotedAt))
        .slice(0, limit);
    });
  }

  // ---- writes ---------------------------------------------------------------------------------

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
    const identity = this.opts.identity ?? DEFAULT_IDENTITY;
    const seconds = Math.floor(when.getTime() / 1000);
    const tagObject = await this.inCache(async () => {
      await this.git.run(['mktree'], { cwd: this.cache, input: '' });
      const body = `object ${EMPTY_TREE}\ntype tree\ntag ${name.replace(/^refs\/tags\//, '')}\ntagger ${identity.name} <${identity.email}> ${seconds} +0000\n\n${message}`;
      return (await this.git.run(['mktag'], { cwd: this.cache, input: body })).stdout.trim();
    });
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

  async recordFreight(
    project: string,
    freight: Freight,
  ): Promise<{ created: boolean; ref: string }> {
    return this.writeTag(
      { kind: 'freight', project, freightId: freight.id },
      serializeFreight(freight),
      new Date(freight.createdAt),
    );
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
   * Commits a promotion to the stage's branch: see src/state/transaction.ts, which holds the
   * write transaction apart from the reads above.
   */
  commitPromotion(w: PromotionWrite): Promise<PromotionResult> {
    return commitPromotion(
      { ...this.workspaceHost(), defaultBranch: () => this.defaultBranch() },
      w,
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
}

/**
 * Where the cache keeps a branch's tip. The branch name is one encoded path segment, so a remote
 * that replaces `release` with `release/v1` cannot make a directory/file conflict in the cache.
 */
const tipRef = (branch: string): string => `refs/gantry-tips/${encodeURIComponent(branch)}`;

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
  };
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
