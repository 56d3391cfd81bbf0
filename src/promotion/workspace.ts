/**
 * A promotion's workspace, as Kargo has one: a fresh directory in which `git-clone` makes real
 * checkouts (several per template: the source at the freight's commit in `./src`, the stage's
 * rendered branch in `./out`, …), and `git-clear`, `git-commit`, `git-tag` and `git-push` act on
 * them. Each repository is cloned once per workspace, bare, partial (no blobs until a checkout
 * needs them) and one commit deep; each checkout is a worktree of it.
 *
 * gantry's guarantees, kept here:
 * - the stage's checkout (the GitOps repository at the stage's branch) gets the stage's state
 *   file in the commit `git-commit` makes there, so what lands on the branch carries it;
 * - the push to the stage's branch goes through `publish` (a plain push, a commit GitHub signs,
 *   or gantry's pull request), once; a push that lost a race throws RaceLostError and the whole
 *   template runs again on a fresh workspace;
 * - nothing is force-pushed but gantry's own generated branch, and a template that opens a pull
 *   request never pushes to that pull request's base;
 * - credentials are the GitOps remote's and reach only URLs under it (Git scopes them).
 */
import { appendFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { Git, GitError, shallowCommitsOf, type GitIdentity, type GitResult } from '../git/index.js';
// Not through the index: `gantry version` loads that, and needs no ref reader.
import { looseRef } from '../git/ref-file.js';
import { configText } from '../git/config-file.js';
import { parseRemote } from '../git/remote.js';
import { githubRepoOf } from '../github/url.js';
import type { VersionChange } from '../freight/changes.js';
import type { GitHubPort, PullRequest } from '../github/port.js';
import {
  metadataChanged,
  nextStageState,
  parseStageState,
  promotionMessage,
  PUSH_RACE,
  pushRaceLost,
  RaceLostError,
  serializeStageState,
  stageChange,
  stateFilePath,
  type PromotionWrite,
  type PublishRequest,
  type Published,
  type Seeds,
  type StageState,
  type WorkspaceHost,
} from '../state/index.js';
import { generatedBranch, normalizeWorkspacePath } from '../pipeline/workspace.js';
import { signedPublisher } from './publish.js';
import { initBare } from '../state/cache.js';
import { ConfigError, OperationError } from '../util/errors.js';

const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/**
 * A branch name git accepts as it is (git-check-ref-format's rules, narrowed to common
 * characters): such a name is safe to write as a ref file. Anything else goes through git.
 */
function plainBranchName(name: string): boolean {
  return (
    name
      .split('/')
      .every(
        (part) =>
          /^[A-Za-z0-9_+=,@-][A-Za-z0-9._+=,@-]*$/.test(part) &&
          !part.endsWith('.') &&
          !part.endsWith('.lock') &&
          !part.includes('..') &&
          !part.includes('@{'),
      ) &&
    name !== '@' &&
    !name.startsWith('-')
  );
}

export interface WorkspaceOptions {
  host: WorkspaceHost;
  /** Scratch directory of this attempt: the steps' root is `<dir>/work`. */
  dir: string;
  /** The promotion being made: the stage's state and the commit's trailers come from it. */
  write: PromotionWrite;
  /** The branch the stage deploys from (resolved: never the default-branch placeholder). */
  stageBranch: string;
  /**
   * Tips of the GitOps repository's branches that the promotion's reads fetched: checkouts of
   * those branches start from the read cache's commits and trees, without fetching them again.
   */
  seeds?: Seeds;
  /**
   * The stage's state as the promotion's reads found it at `tip` of the stage's branch: a
   * checkout of that very commit takes it from here instead of reading the file again.
   */
  seedState?: { tip: string; state: StageState | undefined };
  /** The template opens pull requests: then no push may go to the stage's branch itself. */
  opensPullRequests: boolean;
  /** How the stage's commit leaves: undefined is a plain push. */
  publish?: (p: PublishRequest) => Promise<Published>;
  dryRun: boolean;
  log: (line: string) => void;
  /** The GitOps repository's API, for git-open-pr, git-wait-for-pr and git-merge-pr. */
  github?: GitHubPort;
}

export interface Checkout {
  /** As written in the config (`./out`), and normalized (`out`). */
  written: string;
  path: string;
  /** Absolute directory of the worktree. */
  dir: string;
  repo: ClonedRepo;
  /** The branch the worktree is on; undefined for a commit or tag (detached). */
  branch?: string;
  /** The remote branch's tip when cloned; undefined when `create` made the branch. */
  remoteTip?: string;
  /** The GitOps repository at the stage's branch: its commit carries the stage's state. */
  stage: boolean;
  /** The stage's state as the branch held it when cloned (read before any git-clear). */
  previous?: StageState;
  /** The messages of the promotion's commit, once git-commit made it here (state and record). */
  recorded?: string[];
  /** The commit identity for this clone (`author` of git-clone). */
  identity?: GitIdentity;
  /** HEAD as of the checkout or this promotion's last git-commit here (which alone move it). */
  head?: string;
  /** The empty first commit `create` started the branch with (its root). */
  started?: string;
  /** Checked out sparse: files outside the cone are in the index only. */
  sparse?: boolean;
  /**
   * The parent of `head` when `head` is a commit git-commit made here without amending: git
   * refuses an empty commit, so its tree differs from that parent's.
   */
  builtOn?: string;
}

interface ClonedRepo {
  url: string;
  dir: string;
  git: Git;
  gitops: boolean;
  /** `-c` options every command on this repository gets (insecureSkipTLSVerify). */
  config: string[];
}

/** What happened to the stage's branch, for the promotion's result. */
export interface StageLanding {
  changed: boolean;
  commit: string;
  parent?: string;
  previous?: StageState;
  changes: VersionChange[];
  pullRequest?: Published['pullRequest'];
  diff?: string;
  /** The branch the stage's commit was pushed to (the stage's, or a pull request's head). */
  pushedTo: string;
  /** The pull request that carried it, merged within the job. */
  merged?: { number: number; url: string };
}

/** Same repository, whatever the spelling: GitHub's forms compare by owner/name, others by URL. */
export function sameRepository(a: string, b: string): boolean {
  const ga = githubRepoOf(a);
  const gb = githubRepoOf(b);
  if (ga && gb) {
    return (
      ga.owner.toLowerCase() === gb.owner.toLowerCase() &&
      ga.repo.toLowerCase() === gb.repo.toLowerCase() &&
      ga.apiUrl === gb.apiUrl
    );
  }
  const norm = (u: string) => {
    const { url } = parseRemote(u);
    return url
      .trim()
      .replace(/\/+$/, '')
      .replace(/\.git$/, '')
      .replace(/^([a-z]+:\/\/[^/]+)/i, (m) => m.toLowerCase());
  };
  return norm(a) === norm(b);
}

export class Workspace {
  /** The steps' root: every path a step names resolves inside it. */
  readonly root: string;
  private readonly repos = new Map<string, ClonedRepo>();
  private readonly checkouts = new Map<string, Checkout>();
  /** Worktrees linked by hand so far: each one's name under the bare clone's `worktrees/`. */
  private worktrees = 0;
  /** What landed on (or was proposed for) the stage's branch, once the stage's push ran. */
  landing?: StageLanding;
  /** Commits pushed in this promotion, by branch, for git-open-pr's defaults and its Skipped. */
  readonly pushed = new Map<string, { commit: string; base?: string; checkout: Checkout }>();
  private readonly statePath: string;
  /** Tags git-push was asked to send before the stage's commit left: they go with it. */
  private readonly deferredTags: { c: Checkout; tag: string }[] = [];

  constructor(readonly o: WorkspaceOptions) {
    this.root = join(o.dir, 'work');
    this.statePath = stateFilePath(o.write.project, o.write.stage);
  }

  get stageBranch(): string {
    return this.o.stageBranch;
  }

  get dryRun(): boolean {
    return this.o.dryRun;
  }

  get github(): GitHubPort | undefined {
    return this.o.github;
  }

  get gitopsUrl(): string {
    return this.o.host.remoteUrl;
  }

  /** git-open-pr's pull request: the promotion is proposed, not landed, until it is merged. */
  openedPullRequest(pr: { number: number; url: string; created: boolean }): void {
    if (this.landing) this.landing.pullRequest = pr;
  }

  /** A pull request merged within the job: the stage's branch now holds the merge commit. */
  mergedPullRequest(pr: PullRequest): void {
    if (!this.landing || pr.base !== this.o.stageBranch) return;
    delete this.landing.pullRequest;
    if (pr.mergeCommitSha) this.landing.commit = pr.mergeCommitSha;
    this.landing.merged = { number: pr.number, url: pr.url };
  }

  /** The branch `generateTargetBranch` pushes to: one per stage, which the PR flow merges. */
  get generatedBranch(): string {
    return generatedBranch(this.o.write.project, this.o.write.stage);
  }

  isGitOps(url: string): boolean {
    return sameRepository(url, this.o.host.remoteUrl);
  }

  async init(): Promise<void> {
    await mkdir(this.root, { recursive: true });
    await mkdir(join(this.o.dir, 'repos'), { recursive: true });
  }

  checkout(written: string, field: string): Checkout {
    const path = normalizeWorkspacePath(written);
    const found = path === undefined ? undefined : this.checkouts.get(path);
    if (!found) {
      const known = [...this.checkouts.values()].map((c) => c.written).join(', ') || 'none';
      throw new ConfigError(
        `${field} ${JSON.stringify(written)} is not a checkout of this promotion (checkouts: ${known})`,
      );
    }
    return found;
  }

  /**
   * Makes `dir` a worktree of the bare clone `repoDir` with HEAD on `branch` (set to `head`,
   * as `worktree add -B` would) or detached at `head`, unchecked-out, by writing what `git
   * worktree add` writes (gitrepository-layout: `worktrees/<id>/{gitdir,commondir,HEAD}`, the
   * `.git` file). False, having written nothing, when `dir` exists already or the branch's name
   * is one git might refuse: `worktree add` then judges and words the error.
   */
  private async linkWorktree(
    repoDir: string,
    dir: string,
    branch: string | undefined,
    head: string,
  ): Promise<boolean> {
    if (branch !== undefined && !plainBranchName(branch)) return false;
    try {
      await mkdir(dir);
    } catch {
      return false;
    }
    if (branch !== undefined) {
      const refFile = join(repoDir, 'refs', 'heads', branch);
      try {
        await mkdir(dirname(refFile), { recursive: true });
        await writeFile(refFile, `${head}\n`);
      } catch {
        // A branch whose name is a directory of others' refs (a, a/b): git says why.
        await rm(dir, { recursive: true, force: true });
        return false;
      }
    }
    const admin = join(repoDir, 'worktrees', `w${++this.worktrees}`);
    await mkdir(admin, { recursive: true });
    await writeFile(join(admin, 'gitdir'), `${join(dir, '.git')}\n`);
    await writeFile(join(admin, 'commondir'), '../..\n');
    await writeFile(
      join(admin, 'HEAD'),
      branch === undefined ? `${head}\n` : `ref: refs/heads/${branch}\n`,
    );
    await writeFile(join(dir, '.git'), `gitdir: ${admin}\n`);
    return true;
  }

  /** The repository `url`, cloned bare into the workspace once. */
  private async repo(url: string, insecure: boolean): Promise<ClonedRepo> {
    const have = this.repos.get(url);
    if (have) return have;
    const gitops = this.isGitOps(url);
    // The GitOps remote's runner carries its credentials (scoped to its URL); another repository
    // is reached with what its URL itself holds, never with the GitOps token.
    const git = gitops
      ? this.o.host.git
      : new Git({ ...this.o.host.gitOptions, remote: parseRemote(url) });
    const remoteUrl = gitops ? this.o.host.remoteUrl : parseRemote(url).url;
    const key = createHash('sha256').update(remoteUrl).digest('hex').slice(0, 12);
    const dir = join(this.o.dir, 'repos', `${key}.git`);
    const config = insecure ? ['-c', 'http.sslVerify=false'] : [];
    // Written as files (gitrepository-layout), its settings in the config file at once: a
    // `git init` and four `git config` processes would each cost a start-up.
    await initBare(dir);
    await appendFile(
      join(dir, 'config'),
      configText({
        'remote.origin': {
          url: remoteUrl,
          promisor: 'true',
          partialclonefilter: 'blob:none',
        },
        extensions: { partialClone: 'origin' },
      }),
    );
    const repo: ClonedRepo = { url: remoteUrl, dir, git, gitops, config };
    this.repos.set(url, repo);
    return repo;
  }

  private run(repo: ClonedRepo, args: string[], cwd: string, env?: Record<string, string>) {
    return repo.git.run([...repo.config, ...args], { cwd, ...(env ? { env } : {}) });
  }

  /**
   * git-clone: the checkouts of one repository. Every ref is fetched in one command, one commit
   * deep and without blobs; each checkout is a worktree (sparse when asked) of the bare clone.
   */
  async clone(spec: CloneSpec): Promise<Record<string, string>> {
    const repo = await this.repo(spec.repoURL, spec.insecureSkipTLSVerify);
    try {
      return await this.checkOut(repo, spec);
    } catch (err) {
      // Git's own advice (set GANTRY_TOKEN) is wrong here: gantry's token is the GitOps
      // repository's, and it is kept from every other repository on purpose.
      if (!repo.gitops && err instanceof GitError && err.kind === 'auth') {
        throw new OperationError(
          `git-clone: ${repo.url} asks for credentials, and gantry sends its token only to the GitOps repository (${this.o.host.remoteUrl}): give this repository's own credentials in its URL (from a secret) or through a git credential helper`,
          { cause: err },
        );
      }
      throw err;
    }
  }

  private async checkOut(repo: ClonedRepo, spec: CloneSpec): Promise<Record<string, string>> {
    const git = (args: string[], cwd = repo.dir) => this.run(repo, args, cwd);
    // Branch tips the promotion's reads fetched into the read cache moments ago (GitOps
    // repository only). Trusting them is safe: a branch that moved since makes the stage's push
    // lose its race, and the next attempt fetches everything anew.
    const seeds = repo.gitops ? this.o.seeds : undefined;
    const seeded = (b: string | undefined) => (b === undefined ? undefined : seeds?.tips.get(b));
    const wantHead = spec.checkout.some(
      (c) => c.branch === undefined && c.commit === undefined && c.tag === undefined,
    );
    // Whether the branches asked for exist (and the default branch, when a checkout names no
    // ref), in one round trip that lists only those: a repository may have thousands of branches.
    // Needed only to find the default branch or to learn whether a `create` branch exists: a
    // branch that must exist is fetched by name, and its fetch failing says it does not.
    const list =
      wantHead ||
      spec.checkout.some((c) => c.branch !== undefined && c.create && !seeded(c.branch));
    const heads = new Map<string, string>();
    let defaultBranch: string | undefined;
    if (list) {
      const patterns = [
        ...(wantHead ? ['--symref', 'origin', 'HEAD'] : ['origin']),
        ...new Set(spec.checkout.flatMap((c) => (c.branch ? [`refs/heads/${c.branch}`] : []))),
      ];
      const listing = (await git(['ls-remote', ...patterns])).stdout.split('\n');
      let headTip: string | undefined;
      for (const line of listing) {
        const sym = /^ref: refs\/heads\/(\S+)\s+HEAD$/.exec(line);
        if (sym) defaultBranch = sym[1];
        const tip = /^([0-9a-f]{40,64})\s+HEAD$/.exec(line);
        if (tip) headTip = tip[1];
        const m = /^([0-9a-f]{40,64})\s+refs\/heads\/(.+)$/.exec(line);
        if (m?.[1] && m[2]) heads.set(m[2], m[1]);
      }
      if (defaultBranch !== undefined && headTip !== undefined && !heads.has(defaultBranch)) {
        heads.set(defaultBranch, headTip);
      }
    } else {
      for (const c of spec.checkout) {
        const tip = seeded(c.branch);
        if (c.branch !== undefined && tip !== undefined) heads.set(c.branch, tip);
      }
    }
    const plans = spec.checkout.map((c) => {
      const branch =
        c.branch ?? (c.commit === undefined && c.tag === undefined ? defaultBranch : undefined);
      if (c.commit === undefined && c.tag === undefined && branch === undefined) {
        throw new OperationError(`${repo.url} has no default branch to check out`);
      }
      const tip = branch === undefined ? undefined : heads.get(branch);
      if (branch !== undefined && tip === undefined && !c.create && list) {
        throw new OperationError(missingBranch(branch, repo.url));
      }
      // From the read cache when its tip is the branch's; fetched otherwise (a tip not listed
      // means the branch is fetched by name, and learned from the fetch).
      const fromSeed = tip !== undefined && tip === seeded(branch);
      const fetched = branch !== undefined && !fromSeed && (tip !== undefined || !list);
      return { c, branch, tip, fromSeed, fetched };
    });
    const seedTips = [...new Set(plans.flatMap((p) => (p.fromSeed && p.tip ? [p.tip] : [])))];
    if (seeds && seedTips.length) {
      // The read cache's objects, borrowed; its tips one commit deep, as a --depth=1 fetch leaves
      // them (the cache may hold their parents without trees).
      await writeFile(join(repo.dir, 'objects', 'info', 'alternates'), `${seeds.objects}\n`);
      // The cache's other shallow commits too: a push would otherwise walk to their parents,
      // missing, and fetch them.
      const shallow = new Set([...seedTips, ...(await shallowCommitsOf(seeds.objects))]);
      await appendFile(join(repo.dir, 'shallow'), [...shallow].map((t) => `${t}\n`).join(''));
    }
    const refspecs: string[] = [];
    for (const p of plans) {
      if (p.fetched && p.branch !== undefined) {
        refspecs.push(`+refs/heads/${p.branch}:refs/remotes/origin/${p.branch}`);
      }
      if (p.c.commit !== undefined) refspecs.push(p.c.commit);
      if (p.c.tag !== undefined) refspecs.push(`+refs/tags/${p.c.tag}:refs/tags/${p.c.tag}`);
    }
    if (refspecs.length) {
      const args = [
        'fetch',
        '-q',
        '--no-tags',
        '--depth=1',
        '--filter=blob:none',
        'origin',
        ...[...new Set(refspecs)],
      ];
      const res = await repo.git.tryRun([...repo.config, ...args], { cwd: repo.dir });
      if (res.exitCode !== 0) {
        const ref = /couldn't find remote ref refs\/heads\/(\S+)/i.exec(res.stderr)?.[1];
        if (ref !== undefined) throw new OperationError(missingBranch(ref, repo.url));
        throw repo.git.error(args, res);
      }
    }
    const commits: Record<string, string> = {};
    for (const { c, branch, tip, fromSeed } of plans) {
      const path = normalizeWorkspacePath(c.path);
      if (path === undefined || path === '.') {
        throw new ConfigError(
          `checkout path ${JSON.stringify(c.path)} must be a directory inside the workspace`,
        );
      }
      if (this.checkouts.has(path)) {
        throw new ConfigError(`checkout path ${JSON.stringify(c.path)} is used twice`);
      }
      // Git keeps a branch in one worktree: a second would move the first one's branch under it.
      const twin = [...this.checkouts.values()].find(
        (o) => o.repo.dir === repo.dir && branch !== undefined && o.branch === branch,
      );
      if (twin) {
        throw new ConfigError(
          `checkout path ${JSON.stringify(c.path)}: branch ${branch} of ${repo.url} is checked out at ${twin.written} already; a branch has one checkout per promotion (check out a commit or tag for a second, read-only copy)`,
        );
      }
      const dir = join(this.root, path);
      await mkdir(dirname(dir), { recursive: true });
      let ref: string;
      // The commit the checkout's HEAD will be, when known without asking git.
      let head: string | undefined;
      let fetchedTip = false;
      let started: string | undefined;
      if (branch !== undefined) {
        if (tip === undefined && c.create) {
          // Kargo's create: an orphan branch whose first commit is empty. It is pushed with the
          // promotion, not now: a promotion that fails leaves no empty branch behind.
          head = (
            await repo.git.run(['commit-tree', EMPTY_TREE, '-m', 'Initial commit'], {
              cwd: repo.dir,
              env: identityEnv(spec.author),
            })
          ).stdout.trim();
          started = head;
        } else if (fromSeed && tip !== undefined) {
          head = tip;
        } else {
          // What the fetch brought (it may be newer than a listing a moment before).
          head = await looseRef(repo.dir, `refs/remotes/origin/${branch}`);
          fetchedTip = true;
        }
        ref = head ?? `refs/remotes/origin/${branch}`;
      } else {
        // A commit is named by its full ID (git-clone checks): it is the checkout's HEAD.
        if (c.commit !== undefined) head = c.commit.toLowerCase();
        ref = c.commit ?? `refs/tags/${c.tag ?? ''}^{commit}`;
      }
      // The branch is made (or moved) by the worktree's own command, not by a `git branch` first;
      // --no-track: a branch started from a remote-tracking ref would get upstream settings.
      const on = branch === undefined ? ['--detach'] : ['--no-track', '-B', branch];
      // With HEAD known, the worktree's files are written here and git only checks it out:
      // `worktree add` starts three more git processes of its own (branch --force, symbolic-ref
      // or update-ref, reset --hard) for what three small files and a ref file say.
      const linked = head !== undefined && (await this.linkWorktree(repo.dir, dir, branch, head));
      if (c.sparse?.length) {
        if (!linked) await git(['worktree', 'add', '-q', '--no-checkout', ...on, dir, ref]);
        await git(['sparse-checkout', 'set', '--cone', ...c.sparse], dir);
        await git(['checkout', '-q'], dir);
      } else if (linked) {
        await git(['reset', '-q', '--hard'], dir);
      } else {
        // No sparse patterns to set first: the worktree is checked out as it is added.
        await git(['worktree', 'add', '-q', ...on, dir, ref]);
      }
      if (spec.recurseSubmodules) {
        await git(['submodule', 'update', '--init', '--recursive'], dir);
      }
      head ??= (await git(['rev-parse', 'HEAD'], dir)).stdout.trim();
      // The branch's tip on the remote, for the stage's push (its parent); none for a new branch.
      const remoteTip = fromSeed ? tip : fetchedTip ? head : undefined;
      const stage = repo.gitops && branch === this.o.stageBranch;
      const checkout: Checkout = {
        written: c.path,
        path,
        dir,
        repo,
        ...(branch !== undefined ? { branch } : {}),
        ...(remoteTip !== undefined ? { remoteTip } : {}),
        stage,
        ...(spec.author ? { identity: spec.author } : {}),
        ...(c.sparse?.length ? { sparse: true } : {}),
        ...(started !== undefined ? { started } : {}),
      };
      const known = this.o.seedState;
      if (stage && remoteTip !== undefined && fromSeed && known?.tip === head) {
        if (known.state) checkout.previous = known.state;
      } else if (stage && remoteTip !== undefined) {
        // Read through git, not the work tree: a sparse checkout may not hold .gantry/.
        const text = await repo.git.tryRun(['show', `${head}:${this.statePath}`], { cwd: dir });
        if (text.exitCode === 0) {
          checkout.previous = parseStageState(text.stdout, `${branch}:${this.statePath}`);
        }
      }
      checkout.head = head;
      this.checkouts.set(path, checkout);
      commits[c.as ?? c.path] = head;
    }
    return commits;
  }

  /**
   * git-clear: every file of the checkout removed (git-commit stages the removals), but in the
   * GitOps repository `.gantry/`, as in gantry's short form: on the default branch it holds the
   * project files, and on any branch the state of every stage deploying from it.
   */
  async clear(written: string): Promise<number> {
    const c = this.checkout(written, 'git-clear: path');
    const git = (args: string[]) => this.run(c.repo, args, c.dir);
    const keep = c.repo.gitops ? [':(exclude).gantry'] : [];
    // The files outside a sparse checkout's cone are not on disk, so only git can remove them.
    // Every other file goes from the disk below, and git-commit's `add -A` stages its removal.
    if (c.sparse) {
      await git(['rm', '-r', '-q', '-f', '--sparse', '--ignore-unmatch', '--', '.', ...keep]);
    }
    let removed = 0;
    for (const e of await readdir(c.dir)) {
      if (e === '.git' || (c.repo.gitops && e === '.gantry')) continue;
      await rm(join(c.dir, e), { recursive: true, force: true });
      removed++;
    }
    return removed;
  }

  /**
   * git-commit: everything in the checkout, committed when anything changed. In the stage's
   * checkout the stage's state file is written first and gantry's record closes the message;
   * promoting what the stage runs already, with no manifest changed, commits nothing.
   */
  async commit(
    written: string,
    message: string,
    edits: readonly string[],
    author?: GitIdentity,
  ): Promise<{ commit: string; committed: boolean }> {
    const c = this.checkout(written, 'git-commit: path');
    const git = (args: string[], input?: string) =>
      c.repo.git.run([...c.repo.config, ...args], {
        cwd: c.dir,
        ...(input !== undefined ? { input } : {}),
        env: identityEnv(author ?? c.identity),
      });
    if (c.branch === undefined) {
      throw new ConfigError(
        `git-commit: path ${JSON.stringify(written)} is a checkout of a commit or tag, not of a branch: check out a branch to commit to`,
      );
    }
    const add = () => git(['add', '-A', '--sparse']);
    if (!c.stage) {
      // Another checkout: everything staged, and git's commit says whether anything was.
      await add();
      const res = await c.repo.git.tryRun([...c.repo.config, 'commit', '-q', '-F', '-'], {
        cwd: c.dir,
        input: message.endsWith('\n') ? message : `${message}\n`,
        env: identityEnv(author ?? c.identity),
      });
      if (res.exitCode !== 0) {
        if (/nothing to commit/.test(res.stdout)) {
          return { commit: c.head ?? (await this.headOf(c)), committed: false };
        }
        throw c.repo.git.error(['commit', '-q', '-F', '-'], res);
      }
      c.builtOn = c.head;
      c.head = await this.headOf(c);
      return { commit: c.head, committed: true };
    }
    const { before, changes } = stageChange(this.o.write, c.previous);
    const state = nextStageState(this.o.write, c.previous, this.o.host.now());
    const same = before?.id === this.o.write.freight.id && !metadataChanged(c.previous, state);
    // New freight (or metadata) changes the state file, so there is a commit whatever else
    // changed: git is asked what changed only when the state alone would not make one (the same
    // freight again), or when the commit is to be amended.
    let dirty = true;
    let staged = false;
    if (c.recorded || same) {
      await add();
      staged = true;
      // The state file alone does not count: git-clear removes it, and it is written again below.
      const others = ['--', '.', `:(exclude)${this.statePath}`];
      dirty = (await git(['status', '--porcelain', ...others])).stdout.trim() !== '';
      if (!c.recorded && !dirty)
        return { commit: c.head ?? (await this.headOf(c)), committed: false };
    }
    if (!c.recorded) {
      const file = join(c.dir, this.statePath);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, serializeStageState(state));
      staged = false;
    }
    if (!dirty) return { commit: c.head ?? (await this.headOf(c)), committed: false };
    if (!staged) await add();
    // A promotion is one commit on the stage's branch (its history lists each commit that
    // carries the record): a later git-commit here, before the push, amends it.
    const amend = c.recorded !== undefined && !this.landing;
    c.recorded = [...(amend ? (c.recorded ?? []) : []), message];
    const text = promotionMessage(this.o.write, changes, [...edits], c.recorded.join('\n\n'));
    const args = ['commit', '-q', ...(amend ? ['--amend'] : []), '-F', '-'];
    await git(args, text.endsWith('\n') ? text : `${text}\n`);
    // An amended commit may end up with its parent's tree again: no claim about it then.
    c.builtOn = amend ? undefined : c.head;
    c.head = await this.headOf(c);
    return { commit: c.head, committed: true };
  }

  /** git-tag: an annotated tag at the checkout's HEAD (local; git-push with `tag` sends it). */
  async tag(written: string, tag: string, message: string, force: boolean): Promise<string> {
    const c = this.checkout(written, 'git-tag: path');
    const env = identityEnv(c.identity);
    const args = ['tag', '-a', ...(force ? ['-f'] : []), tag, '-m', message];
    const res = await c.repo.git.tryRun([...c.repo.config, ...args], { cwd: c.dir, env });
    if (res.exitCode !== 0) {
      if (/already exists/.test(res.stderr)) {
        throw new OperationError(`git-tag: tag ${tag} already exists; set force: true to move it`);
      }
      throw c.repo.git.error(args, res);
    }
    return c.head ?? (await this.headOf(c));
  }

  /**
   * A checkout's HEAD: the branch's ref file, which git-commit's commit just wrote (the bare
   * clone is gantry's own, its refs loose), or git's answer when that file is not there.
   */
  private async headOf(c: Checkout): Promise<string> {
    const fromFile =
      c.branch === undefined ? undefined : await looseRef(c.repo.dir, `refs/heads/${c.branch}`);
    return fromFile ?? (await this.run(c.repo, ['rev-parse', 'HEAD'], c.dir)).stdout.trim();
  }

  /**
   * git-push. The push to the stage's branch is the promotion: it goes through `publish`, once,
   * and must carry the commit git-commit made with the stage's state. Any rejected push is a lost
   * race (RaceLostError): the promotion starts over on a fresh workspace.
   */
  async push(spec: PushSpec): Promise<{ branch: string; commit: string; commitURL?: string }> {
    const step = spec.viaGitHub ? 'github-push' : 'git-push';
    const c = this.checkout(spec.path, `${step}: path`);
    if (spec.viaGitHub && (!this.o.github || !c.repo.gitops)) {
      throw new ConfigError(
        `github-push: ${spec.path} must be a checkout of the GitOps repository on GitHub, with a token for GitHub's API (the action's token input; GITHUB_TOKEN for gantry promote); push other repositories with git-push`,
      );
    }
    const git = (args: string[]) => this.run(c.repo, args, c.dir);
    const head = c.head ?? (await git(['rev-parse', 'HEAD'])).stdout.trim();
    const url = (commit: string) => commitUrl(c.repo.url, commit);
    if (spec.tag !== undefined) {
      if (this.o.dryRun) {
        this.o.log(`git-push: dry run, tag ${spec.tag} not pushed`);
      } else if (!this.landing) {
        // Pushed now, a tag would stay behind on a commit that never lands when the stage's push
        // then loses a race, and the rerun could not push it again: it leaves with the promotion.
        this.o.log(`git-push: tag ${spec.tag} will be pushed with the stage's commit`);
        this.deferredTags.push({ c, tag: spec.tag });
      } else {
        await this.pushTag(c, spec.tag);
      }
      return { branch: c.branch ?? '', commit: head, ...optionalUrl(url(head)) };
    }
    const generated = spec.generateTargetBranch;
    const target = generated ? this.generatedBranch : (spec.targetBranch ?? c.branch);
    if (target === undefined) {
      throw new ConfigError(
        `git-push: path ${JSON.stringify(spec.path)} is a checkout of a commit or tag: name the branch to push to in targetBranch`,
      );
    }
    if (spec.force && !generated) {
      throw new ConfigError(
        `git-push: force: gantry never force-pushes a branch that others may write (${target}); a push that loses a race runs the template again on the new tip`,
      );
    }
    const toStage = c.repo.gitops && target === this.o.stageBranch;
    if (toStage && this.o.opensPullRequests) {
      throw new ConfigError(
        `git-push: the template opens a pull request, so it may not push to the stage's branch ${target} itself (that would bypass the pull request); push with generateTargetBranch: true`,
      );
    }
    const carries = c.stage && (toStage || generated);
    if (toStage || carries) {
      if (this.landing) {
        throw new ConfigError(
          `git-push: the stage's commit was pushed already (to ${this.landing.pushedTo}); a promotion is one commit on ${this.o.stageBranch}`,
        );
      }
      if (!c.stage) {
        throw new ConfigError(
          `git-push: ${spec.path} is not the checkout of ${this.o.stageBranch}, so it does not carry the stage's state; push the checkout of the stage's branch`,
        );
      }
      return this.pushStage(c, target, head, generated, !toStage, spec.viaGitHub ?? false);
    }
    // Another branch: a plain push; only gantry's generated branch is ever forced.
    if (this.o.dryRun) {
      this.o.log(`git-push: dry run, ${head.slice(0, 7)} not pushed to ${target}`);
    } else {
      await this.pushRef(c, head, target, generated);
    }
    this.pushed.set(target, { commit: head, checkout: c });
    return { branch: target, commit: head, ...optionalUrl(url(head)) };
  }

  private async pushTag(c: Checkout, tag: string): Promise<void> {
    const args = ['push', '--porcelain', 'origin', `refs/tags/${tag}`];
    const res = await c.repo.git.tryRun([...c.repo.config, ...args], { cwd: c.dir });
    if (res.exitCode === 0) return;
    if (PUSH_RACE.test(res.stdout)) {
      throw new OperationError(`git-push: tag ${tag} already exists in ${c.repo.url}`);
    }
    throw c.repo.git.error(args, res);
  }

  private async pushRef(
    c: Checkout,
    commit: string,
    target: string,
    force: boolean,
    tags: readonly string[] = [],
    more: readonly string[] = [],
  ): Promise<void> {
    const atomic = tags.length > 0 || more.length > 0;
    const args = [
      'push',
      '--porcelain',
      ...(atomic ? ['--atomic'] : []),
      'origin',
      `${force ? '+' : ''}${commit}:refs/heads/${target}`,
      ...tags.map((t) => `refs/tags/${t}`),
      ...more,
    ];
    const res = await c.repo.git.tryRun([...c.repo.config, ...args], { cwd: c.dir });
    if (res.exitCode === 0) return;
    if (atomic && /does not support --atomic/i.test(res.stderr)) {
      // A server without atomic pushes: the branch first, then the rest, one push each.
      await this.pushRef(c, commit, target, force);
      for (const t of tags) await this.pushTag(c, t);
      if (more.length) await this.pushRefspecs(c, more, target);
      return;
    }
    const lines = res.stdout.split('\n');
    const taken = tags.find((t) =>
      lines.some((l) => l.includes(`refs/tags/${t}\t`) && /\(already exists\)/.test(l)),
    );
    if (taken !== undefined && !lines.some((l) => /\((?:fetch first|non-fast-forward)\)/.test(l))) {
      throw new OperationError(
        `git-push: tag ${taken} already exists in ${c.repo.url}; nothing was pushed (the tag goes in the same push as the stage's commit)`,
      );
    }
    throw this.pushFailure(c, args, res, target);
  }

  /** A push's failure: a rejected ref is a lost race (the promotion runs again), else git's error. */
  private pushFailure(c: Checkout, args: string[], res: GitResult, target: string): Error {
    // An atomic push whose branch moved on the server reads "atomic transaction failed" for
    // every ref, the lock that failed on stderr only: a race too.
    if (pushRaceLost(res)) {
      this.o.log(`push to ${target} lost a race; running the promotion again on the new tip`);
      return new RaceLostError(`${target} moved while the promotion ran`);
    }
    return c.repo.git.error(args, res);
  }

  /** Refspecs pushed as they are; a rejection is a lost race. */
  private async pushRefspecs(c: Checkout, refspecs: readonly string[], target: string) {
    const args = ['push', '--porcelain', 'origin', ...refspecs];
    const res = await c.repo.git.tryRun([...c.repo.config, ...args], { cwd: c.dir });
    if (res.exitCode === 0) return;
    throw this.pushFailure(c, args, res, target);
  }

  private async pushStage(
    c: Checkout,
    target: string,
    head: string,
    generated: boolean,
    proposal: boolean,
    viaGitHub: boolean,
  ): Promise<{ branch: string; commit: string; commitURL?: string }> {
    const git = (args: string[], input?: string) =>
      c.repo.git.run([...c.repo.config, ...args], {
        cwd: c.dir,
        ...(input !== undefined ? { input } : {}),
      });
    const parent = c.remoteTip;
    const { changes } = stageChange(this.o.write, c.previous);
    const base: Omit<StageLanding, 'commit' | 'changed'> = {
      ...(parent !== undefined ? { parent } : {}),
      ...(c.previous ? { previous: c.previous } : {}),
      changes,
      pushedTo: target,
    };
    if (head === parent) {
      // Nothing new (the stage runs this freight already): a pull request would be empty.
      this.landing = { ...base, changed: false, commit: head, changes: [] };
      this.pushed.set(target, { commit: head, base: head, checkout: c });
      if (!this.o.dryRun) {
        for (const t of this.deferredTags.splice(0)) await this.pushTag(t.c, t.tag);
      }
      return { branch: target, commit: head, ...optionalUrl(commitUrl(c.repo.url, head)) };
    }
    // The commit git-commit made here with the state needs no look; any other commit does.
    const recorded = c.recorded !== undefined && c.head === head;
    const wrote = recorded
      ? undefined
      : await c.repo.git.tryRun(['cat-file', '-e', `${head}:${this.statePath}`], { cwd: c.dir });
    if (wrote && wrote.exitCode !== 0) {
      throw new ConfigError(
        `git-push: the commit to push to ${target} does not carry the stage's state: commit the checkout with git-commit before pushing it`,
      );
    }
    if (this.o.dryRun) {
      const diff = (await git(['show', '--format=%B', '--stat', '--patch', head])).stdout;
      this.landing = { ...base, changed: true, commit: head, diff };
      this.pushed.set(target, { commit: head, ...(parent ? { base: parent } : {}), checkout: c });
      return { branch: target, commit: head };
    }
    let commit = head;
    let pullRequest: Published['pullRequest'];
    let proposed = false;
    // A pull request (gantry's, or git-open-pr's) and a signed commit both need the branch to
    // exist: a stage branch `create` started gets its empty first commit first (Kargo pushes it
    // when cloning), so what is proposed or signed is the promotion alone.
    if (
      parent === undefined &&
      c.branch === this.o.stageBranch &&
      (proposal || this.o.publish || viaGitHub)
    ) {
      const root = c.started ?? (await git(['rev-list', '--max-parents=0', head])).stdout.trim();
      if (proposal && !viaGitHub) {
        // The pull request's head goes in the same push, atomically: one push, and a branch
        // that someone else created meanwhile leaves gantry's branch as it was.
        await this.pushRef(
          c,
          root,
          this.o.stageBranch,
          false,
          [],
          [`${generated ? '+' : ''}${head}:refs/heads/${target}`],
        );
        proposed = true;
      } else await this.pushRef(c, root, this.o.stageBranch, false);
      base.parent = root;
    }
    const github = viaGitHub ? this.o.github : undefined;
    const request = async (branch: string): Promise<PublishRequest> => ({
      dir: c.dir,
      commit: head,
      parent: base.parent ?? '',
      branch,
      message: (await git(['log', '-1', '--format=%B', head])).stdout,
      changes,
      edits: [],
      git: (args, input) => git(args, input),
    });
    if (proposal && github && base.parent !== undefined) {
      // github-push to a generated branch: the branch restarts at the commit the promotion built
      // on, and GitHub makes (and signs) the promotion's commit on it.
      await github.setBranch({ branch: target, sha: base.parent });
      commit = (await signedPublisher(github)(await request(target))).commit;
    } else if (proposal) {
      // A pull request's head (generateTargetBranch): gantry's own branch, replaced each time.
      if (!proposed) await this.pushRef(c, head, target, generated);
    } else if (github && !this.o.publish && base.parent !== undefined) {
      commit = (await signedPublisher(github)(await request(target))).commit;
    } else if (this.o.publish && base.parent !== undefined) {
      const message = (await git(['log', '-1', '--format=%B', head])).stdout;
      const published = await this.o.publish({
        dir: c.dir,
        commit: head,
        parent: base.parent,
        branch: target,
        message,
        changes,
        edits: [],
        git: (args, input) => git(args, input),
      });
      commit = published.commit;
      pullRequest = published.pullRequest;
    } else {
      // The tags git-push deferred for this repository leave in the same push, atomically: one
      // push fewer, and a push that loses its race leaves no tag behind either.
      const along = this.deferredTags.filter((t) => t.c.repo === c.repo);
      await this.pushRef(
        c,
        head,
        target,
        false,
        along.map((t) => t.tag),
      );
      for (const t of along) this.deferredTags.splice(this.deferredTags.indexOf(t), 1);
    }
    this.landing = {
      ...base,
      changed: true,
      commit,
      ...(pullRequest ? { pullRequest } : {}),
    };
    this.pushed.set(target, { commit, ...(base.parent ? { base: base.parent } : {}), checkout: c });
    for (const t of this.deferredTags.splice(0)) await this.pushTag(t.c, t.tag);
    return { branch: target, commit, ...optionalUrl(commitUrl(c.repo.url, commit)) };
  }

  /**
   * Whether git-commit already wrote the stage's state into the stage's checkout: stage metadata
   * set after that would miss the commit that records the promotion.
   */
  get stageRecorded(): boolean {
    return [...this.checkouts.values()].some((c) => c.stage && c.recorded !== undefined);
  }

  /** A commit's message, read from the clone that has it. */
  async messageOf(branch: string): Promise<string | undefined> {
    const p = this.pushed.get(branch);
    if (!p) return undefined;
    const res = await p.checkout.repo.git.tryRun(['log', '-1', '--format=%B', p.commit], {
      cwd: p.checkout.dir,
    });
    return res.exitCode === 0 ? res.stdout.trim() : undefined;
  }

  /** Whether `branch`'s pushed commit has the same tree as its base: a pull request would be empty. */
  async sameAsBase(branch: string): Promise<boolean> {
    const p = this.pushed.get(branch);
    if (!p?.base) return false;
    const c = p.checkout;
    if (c.head === p.commit && c.builtOn !== undefined && c.builtOn === p.base) return false;
    const res = await p.checkout.repo.git.tryRun(
      ['rev-parse', `${p.commit}^{tree}`, `${p.base}^{tree}`],
      { cwd: p.checkout.dir },
    );
    const [a, b] = res.stdout.split('\n');
    return res.exitCode === 0 && a === b;
  }
}

export interface CloneSpec {
  repoURL: string;
  insecureSkipTLSVerify: boolean;
  recurseSubmodules: boolean;
  author?: GitIdentity;
  checkout: {
    path: string;
    as?: string;
    branch?: string;
    create: boolean;
    commit?: string;
    tag?: string;
    sparse?: string[];
  }[];
}

export interface PushSpec {
  path: string;
  targetBranch?: string;
  generateTargetBranch: boolean;
  tag?: string;
  force: boolean;
  /**
   * github-push: the stage's commit (and a generated branch's) is made again through GitHub's
   * API, which signs it, instead of pushed.
   */
  viaGitHub?: boolean;
}

function missingBranch(branch: string, url: string): string {
  return `branch ${branch} does not exist in ${url}; set create: true on the checkout to start it (its first push creates it)`;
}

function identityEnv(id: GitIdentity | undefined): Record<string, string> | undefined {
  if (!id) return undefined;
  return {
    GIT_AUTHOR_NAME: id.name,
    GIT_COMMITTER_NAME: id.name,
    GIT_AUTHOR_EMAIL: id.email,
    GIT_COMMITTER_EMAIL: id.email,
  };
}

/** GitHub's web address of a commit; undefined for other hosts (Kargo leaves commitURL out). */
export function commitUrl(repoURL: string, commit: string): string | undefined {
  const gh = githubRepoOf(repoURL);
  if (!gh) return undefined;
  const web =
    gh.apiUrl === 'https://api.github.com'
      ? 'https://github.com'
      : gh.apiUrl.replace(/\/api\/v3\/?$/, '');
  return `${web}/${gh.owner}/${gh.repo}/commit/${commit}`;
}

function optionalUrl(url: string | undefined): { commitURL?: string } {
  return url ? { commitURL: url } : {};
}
