import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { sharedLauncher } from './git-launcher.js';
import { testGitEnv } from './repos.js';

/**
 * A local stand-in for GitHub's REST API (and the one GraphQL mutation gantry uses), for what
 * gantry calls. Routes, status codes and error bodies follow GitHub's documentation
 * (docs.github.com/rest); requests are recorded so tests can assert what was sent.
 *
 * With `repoPath` (a bare repository) the fake is consistent with git: branches, pull request
 * head SHAs and "no commits between" come from the repository, ref updates move its refs,
 * createCommitOnBranch and mergePullRequest write real commits. Without it, branches live in
 * memory (the `branches` option) with made-up SHAs, and the git-writing operations refuse.
 *
 * Git runs asynchronously (spawn), never with the *Sync calls: tests run git clients in the same
 * process, and a synchronous call here would block the server they are talking to.
 *
 * Known approximations: GitHub's wording is copied where documented or widely quoted; the texts
 * of "Reference name is not valid", the createCommitOnBranch NOT_FOUND error and the deletion of
 * a missing path are close guesses, as are the 422 bodies of a bad merge_method or sha and of a
 * bad label name, and "This branch can't be rebased" / "Base branch was modified" on merges.
 * Mergeability is git's (the head merges into the base without conflicts) unless a test sets it
 * (setMergeable); branch protection, required checks and drafts never block a merge here. The
 * GraphQL endpoint serves only `createCommitOnBranch(input: $input)` with the input in
 * `variables`, and answers `commit { oid url }` whatever the selection. Deployments never
 * auto-merge (GitHub would merge the default branch into a branch ref when auto_merge is not
 * false).
 *
 * Check runs and commit statuses are what tests set per commit (setCheckRuns, setStatuses); the
 * list endpoints serve them as GitHub does (filter=latest keeps the newest run of each app and
 * name; the combined status keeps each context's latest status and combines the states by
 * GitHub's rule). A ref that names no commit is 422 `No commit found for SHA: <ref>` on both
 * (GitHub's answer for check runs; the combined status is documented only with a 404).
 */

export interface RecordedRequest {
  method: string;
  path: string;
  /** The query string, `?` included (empty when none). */
  query: string;
  authorization?: string;
  body: unknown;
}

export interface FakeWorkflow {
  /** File name (`promote.yml`) and numeric id both address it. */
  file: string;
  id: number;
  /** Names declared under on.workflow_dispatch.inputs; undefined: no workflow_dispatch trigger. */
  dispatchInputs?: string[];
  requiredInputs?: string[];
}

export interface FakePullRequest {
  number: number;
  title: string;
  body: string;
  /** Branch names, without `owner:`. */
  head: string;
  base: string;
  state: 'open' | 'closed';
  merged: boolean;
  /** The head branch's tip when last read (frozen once the pull request is closed). */
  headSha: string;
  mergeCommitSha?: string;
  createdAt: string;
  updatedAt: string;
  closedAt?: string;
  mergedAt?: string;
  /** Names of its labels, in the order they were added (POST /issues/{n}/labels). */
  labels: string[];
}

/** A merge method of PUT /pulls/{n}/merge (a repository setting allows each). */
export type FakeMergeMethod = 'merge' | 'squash' | 'rebase';

/** A label of the repository, as GitHub keeps it (created on first use by add-labels). */
export interface FakeLabel {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface FakeDeploymentStatus {
  id: number;
  state: string;
  description: string;
  environmentUrl: string;
  logUrl: string;
  createdAt: string;
}

export interface FakeDeployment {
  id: number;
  sha: string;
  /** The ref as it was sent (a branch, tag or SHA). */
  ref: string;
  task: string;
  environment: string;
  description: string | null;
  /** As it was sent: an object, or a string. */
  payload: unknown;
  productionEnvironment: boolean;
  transientEnvironment: boolean;
  createdAt: string;
  /** Oldest first. */
  statuses: FakeDeploymentStatus[];
}

/** A review of a run's environment gate, as a test describes it. */
export interface FakeApproval {
  login: string;
  state: 'approved' | 'rejected' | 'pending';
  comment?: string;
  environments: string[];
}

/** An environment's protection as a test sets it (Settings → Environments). */
export interface FakeEnvironment {
  /** Required reviewers: user logins (a `team:` prefix makes a team slug). */
  reviewers?: string[];
  preventSelfReview?: boolean;
  /** Wait timer, in minutes. */
  waitTimer?: number;
  /** Deployment branches limited to protected branches. */
  protectedBranches?: boolean;
}

/** A check run as a test describes it; what GitHub would add is made up. */
export interface FakeCheckRun {
  name: string;
  /** Default: `completed` when there is a conclusion, else `queued`. */
  status?: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  conclusion?:
    | 'success'
    | 'failure'
    | 'neutral'
    | 'cancelled'
    | 'skipped'
    | 'timed_out'
    | 'action_required'
    | 'stale'
    | null;
  /** The GitHub App's slug (default github-actions). */
  app?: string;
  detailsUrl?: string;
}

/** A commit status as a test describes it (one POST /statuses/{sha}). */
export interface FakeCommitStatus {
  context: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  description?: string;
  targetUrl?: string;
}

export interface FakeGitHub {
  url: string;
  requests: RecordedRequest[];
  dispatches: { workflow: string; ref: string; inputs: Record<string, string> }[];
  /** Every pull request opened through the API, by number (live records). */
  pullRequests: FakePullRequest[];
  /** Every deployment created through the API, oldest first, with their statuses (live). */
  deployments: FakeDeployment[];
  /** Make the next N requests fail with this status (5xx for retry tests). */
  failNext(status: number, count: number): void;
  /** Answer the next request with exactly this (before authentication and routing). */
  answerNext(status: number, body?: unknown, headers?: Record<string, string>): void;
  /**
   * Creates or updates an environment (PUT …/environments/{name} as a repository admin would).
   */
  setEnvironment(name: string, protection?: FakeEnvironment): void;
  /**
   * What GitHub does when a job of run `runId` starts under `environment`: creates the
   * environment if missing, and a deployment of the run's commit (`sha`, default the tip of
   * `ref`, default branch main) by github-actions[bot] with an empty payload, whose statuses
   * (queued, in_progress) link to the job in the run. Returns the deployment.
   */
  startJob(args: {
    runId: number;
    environment: string;
    ref?: string;
    sha?: string;
  }): Promise<FakeDeployment>;
  /** The review history GET /repos/{o}/{r}/actions/runs/{runId}/approvals returns; others 404. */
  setRunApprovals(runId: number, approvals: FakeApproval[]): void;
  /**
   * The check runs of a commit, oldest first (a later run of the same app and name is a re-run
   * that replaces it under filter=latest). Replaces what was set for `sha` before.
   */
  setCheckRuns(sha: string, runs: FakeCheckRun[]): void;
  /**
   * The statuses created on a commit, oldest first (a later one for a context supersedes the
   * earlier). Replaces what was set for `sha` before.
   */
  setStatuses(sha: string, statuses: FakeCommitStatus[]): void;
  /**
   * Merges an open pull request in the backing repository the way GitHub's button does, and
   * marks it merged and closed. `merge`: a commit with parents (base, head), message
   * `Merge pull request #N from owner/head` + blank line + title. `squash`: one commit on base
   * with the head's tree merged in, subject `<title> (#N)` and the head commit's full message as
   * body (GitHub's default for a single-commit pull request). `rebase`: each head commit replayed
   * on base, authors kept, GitHub as committer. Returns the new base tip. Throws GitHub's
   * refusal (PUT /pulls/{n}/merge answers it instead), but ignores setMergeMethods.
   */
  mergePullRequest(number: number, method: FakeMergeMethod): Promise<string>;
  /**
   * What GitHub says of a pull request's mergeability, as if computed: `false` (conflicts:
   * `mergeable_state` dirty, merging is 405), `null` (not computed yet: `unknown`; merging still
   * works when git can), `undefined` to compute it again from the repository (the default:
   * mergeable unless the head conflicts with the base).
   */
  setMergeable(number: number, mergeable: boolean | null | undefined): void;
  /** The merge methods the repository allows (Settings → Pull Requests); all three at first. */
  setMergeMethods(methods: FakeMergeMethod[]): void;
  /** The repository's labels, by name as first created. */
  labels: FakeLabel[];
  close(): Promise<void>;
}

export interface FakeGitHubOptions {
  owner: string;
  repo: string;
  token: string;
  workflows?: FakeWorkflow[];
  /** Branches when there is no `repoPath` (with made-up SHAs); ignored when there is one. */
  branches?: string[];
  /** A bare repository backing branches, refs, commits and merges. */
  repoPath?: string;
  /** Web origin for html_url fields (default https://github.com). */
  webUrl?: string;
  /** Who the token belongs to: author of createCommitOnBranch commits and creator of records. */
  actor?: { login: string; name: string; email: string };
  /** The repository's default branch (default main). */
  defaultBranch?: string;
}

const DOCS = 'https://docs.github.com/rest';
const ZERO = '0'.repeat(40);
const SHA = /^[0-9a-f]{40}$/;
const DEPLOYMENT_STATES = [
  'error',
  'failure',
  'inactive',
  'in_progress',
  'queued',
  'pending',
  'success',
];

interface Answer {
  status: number;
  body?: unknown;
  /** Headers beside the usual ones (Retry-After, rate-limit headers of a refusal). */
  headers?: Record<string, string>;
}

const ok = (status: number, body?: unknown): Answer => ({ status, body });

const fail = (status: number, message: string, doc: string, errors?: unknown[]): Answer => ({
  status,
  body: {
    message,
    ...(errors ? { errors } : {}),
    documentation_url: doc.startsWith('https://') ? doc : `${DOCS}/${doc}`,
    status: String(status),
  },
});

const invalid = (doc: string, ...errors: Record<string, string>[]): Answer =>
  fail(422, 'Validation Failed', doc, errors);

function send(res: ServerResponse, answer: Answer): void {
  const headers: Record<string, string> = {
    'x-github-api-version-selected': '2022-11-28',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    ...answer.headers,
  };
  if (answer.body === undefined) {
    res.writeHead(answer.status, headers).end();
    return;
  }
  res
    .writeHead(answer.status, { ...headers, 'content-type': 'application/json; charset=utf-8' })
    .end(JSON.stringify(answer.body));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return { __invalid: text };
  }
}

interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * git, asynchronously (see the module comment on why never *Sync), started by the worker's small
 * launcher process: a pull request's merge or a commit through the API is a dozen git commands,
 * and each forked from the worker cost several ms of its CPU.
 */
async function runGit(
  cwd: string,
  args: string[],
  opts: { env?: Record<string, string>; input?: string | Buffer } = {},
): Promise<GitResult> {
  const r = await sharedLauncher()({
    file: 'git',
    args,
    cwd,
    ...(opts.env ? { env: opts.env } : {}),
    input: opts.input ?? '',
    timeoutMs: 60_000,
  });
  return { code: r.exitCode, stdout: r.stdoutBytes.toString('utf8'), stderr: r.stderr };
}

/** Where branches live: the backing bare repository, or memory. */
interface Refs {
  readonly git: boolean;
  tip(branch: string): Promise<string | undefined>;
  /** A branch, a tag or a full SHA of an existing commit, as a commit SHA. */
  resolve(ref: string): Promise<string | undefined>;
  commitExists(sha: string): Promise<boolean>;
  /** Compare-and-swap: `old` undefined = whatever it was, null = must not exist yet. */
  update(branch: string, sha: string, old: string | null | undefined): Promise<boolean>;
  /** Whether `a` is an ancestor of `b`; undefined when unknown (no repository). */
  isAncestor(a: string, b: string): Promise<boolean | undefined>;
  /** Whether `head` has commits `base` lacks. */
  hasCommitsBeyond(base: string, head: string): Promise<boolean>;
  /** Deletes a branch; false when it does not exist. */
  remove(branch: string): Promise<boolean>;
}

function memoryRefs(branches: string[]): Refs {
  const made = (b: string) => createHash('sha1').update(`branch:${b}`).digest('hex');
  const map = new Map(branches.map((b) => [b, made(b)]));
  return {
    git: false,
    tip: async (b) => map.get(b),
    resolve: async (ref) =>
      map.get(ref.replace(/^refs\/heads\//, '')) ?? (SHA.test(ref) ? ref : undefined),
    commitExists: async (sha) => SHA.test(sha),
    update: async (b, sha, old) => {
      const current = map.get(b);
      if (old === null ? current !== undefined : old !== undefined && current !== old) return false;
      map.set(b, sha);
      return true;
    },
    isAncestor: async () => undefined,
    hasCommitsBeyond: async (base, head) => base !== head,
    remove: async (b) => map.delete(b),
  };
}

function gitRefs(repo: string, env: Record<string, string>): Refs {
  const git = (args: string[]) => runGit(repo, args, { env });
  const commitExists = async (sha: string) =>
    SHA.test(sha) && (await git(['cat-file', '-e', `${sha}^{commit}`])).code === 0;
  const verify = async (name: string) => {
    const r = await git(['rev-parse', '--verify', '-q', `${name}^{commit}`]);
    return r.code === 0 ? r.stdout.trim() : undefined;
  };
  return {
    git: true,
    tip: (b) => verify(`refs/heads/${b}`),
    resolve: async (ref) => {
      if (SHA.test(ref)) return (await commitExists(ref)) ? ref : undefined;
      const name = ref.replace(/^refs\/(heads|tags)\//, '');
      return (await verify(`refs/heads/${name}`)) ?? (await verify(`refs/tags/${name}`));
    },
    commitExists,
    update: async (b, sha, old) => {
      const args = ['update-ref', `refs/heads/${b}`, sha];
      if (old !== undefined) args.push(old ?? ZERO);
      return (await git(args)).code === 0;
    },
    isAncestor: async (a, b) => (await git(['merge-base', '--is-ancestor', a, b])).code === 0,
    hasCommitsBeyond: async (base, head) => {
      const r = await git(['rev-list', '--count', `${base}..${head}`]);
      return r.code === 0 && Number(r.stdout.trim()) > 0;
    },
    remove: async (b) => (await git(['update-ref', '-d', `refs/heads/${b}`])).code === 0,
  };
}

function pageOf<T>(items: T[], query: URLSearchParams): T[] {
  const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 30) || 30));
  const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
  return items.slice((page - 1) * perPage, page * perPage);
}

/** Line and column (1-based) of the first match of `re` in `text`, for GraphQL `locations`. */
function locate(text: string, re: RegExp): { line: number; column: number } {
  const at = Math.max(0, text.search(re));
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export async function startFakeGitHub(opts: FakeGitHubOptions): Promise<FakeGitHub> {
  const requests: RecordedRequest[] = [];
  const dispatches: FakeGitHub['dispatches'] = [];
  const pullRequests: FakePullRequest[] = [];
  const deployments: FakeDeployment[] = [];
  const approvals = new Map<number, FakeApproval[]>();
  const checkRuns = new Map<string, FakeCheckRun[]>();
  const commitStatuses = new Map<string, FakeCommitStatus[]>();
  const oneShot: Answer[] = [];
  let failing: { status: number; count: number } | undefined;
  let nextStatusId = 1;
  const environments = new Map<
    string,
    { id: number; createdAt: string; updatedAt: string; protection: FakeEnvironment }
  >();
  const ensureEnvironment = (name: string) => {
    let e = environments.get(name);
    if (!e) {
      const at = now();
      e = { id: 7000 + environments.size, createdAt: at, updatedAt: at, protection: {} };
      environments.set(name, e);
    }
    return e;
  };

  const gitEnv = opts.repoPath ? testGitEnv(dirname(opts.repoPath)) : {};
  const refs = opts.repoPath ? gitRefs(opts.repoPath, gitEnv) : memoryRefs(opts.branches ?? []);
  const webUrl = (opts.webUrl ?? 'https://github.com').replace(/\/+$/, '');
  const actor = opts.actor ?? {
    login: 'github-actions[bot]',
    name: 'github-actions[bot]',
    email: '41898282+github-actions[bot]@users.noreply.github.com',
  };
  const defaultBranch = opts.defaultBranch ?? 'main';
  const fullName = `${opts.owner}/${opts.repo}`;
  const web = `${webUrl}/${fullName}`;
  let apiBase = '';
  const api = () => `${apiBase}/repos/${fullName}`;
  const user = (login: string) => ({
    login,
    id: createHash('sha1').update(login).digest().readUInt32BE(0),
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
    html_url: `${webUrl}/${login}`,
  });
  const repoJson = () => ({
    id: 1,
    node_id: 'R_fake',
    name: opts.repo,
    full_name: fullName,
    owner: user(opts.owner),
    private: true,
    html_url: web,
    url: api(),
    default_branch: defaultBranch,
  });

  // Operations that read then write (refs, pull requests) run one at a time.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = chain.then(fn);
    chain = run.catch(() => undefined);
    return run;
  };
  const gitIn = (
    args: string[],
    extra: { env?: Record<string, string>; input?: string | Buffer } = {},
  ) => {
    if (!opts.repoPath) throw new Error('fake GitHub: this needs repoPath');
    return runGit(opts.repoPath, args, { env: { ...gitEnv, ...extra.env }, input: extra.input });
  };
  const gitOk = async (
    args: string[],
    extra?: { env?: Record<string, string>; input?: string | Buffer },
  ) => {
    const r = await gitIn(args, extra);
    if (r.code !== 0) throw new Error(`fake GitHub: git ${args.join(' ')}: ${r.stderr.trim()}`);
    return r.stdout;
  };
  const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

  // ---- pull requests ----

  const mergeability = new Map<number, boolean | null>();
  let mergeMethods: FakeMergeMethod[] = ['merge', 'squash', 'rebase'];
  const labels: FakeLabel[] = [];
  // GitHub matches label names without regard to case.
  const labelNamed = (name: string) =>
    labels.find((l) => l.name.toLowerCase() === name.toLowerCase());
  const labelJson = (l: FakeLabel) => ({
    id: l.id,
    node_id: `LA_fake${l.id}`,
    url: `${api()}/labels/${encodeURIComponent(l.name)}`,
    name: l.name,
    color: l.color,
    default: false,
    description: l.description,
  });

  /** The tree merging `head` into `base` gives; undefined when they conflict. */
  const mergedTree = async (baseSha: string, headSha: string): Promise<string | undefined> => {
    const r = await gitIn(['merge-tree', '--write-tree', baseSha, headSha]);
    return r.code === 0 ? r.stdout.split('\n')[0]!.trim() : undefined;
  };

  /** What GET /pulls/{n} says: null for a closed one (GitHub stops computing it). */
  const mergeableOf = async (pr: FakePullRequest): Promise<boolean | null> => {
    if (pr.state !== 'open') return null;
    if (mergeability.has(pr.number)) return mergeability.get(pr.number)!;
    if (!refs.git) return true;
    const [head, base] = [await refs.tip(pr.head), await refs.tip(pr.base)];
    return head !== undefined && base !== undefined && (await mergedTree(base, head)) !== undefined;
  };

  const refreshHead = async (pr: FakePullRequest) => {
    if (pr.state === 'open') pr.headSha = (await refs.tip(pr.head)) ?? pr.headSha;
  };

  const prJson = async (pr: FakePullRequest, full: boolean) => {
    await refreshHead(pr);
    const baseSha = (await refs.tip(pr.base)) ?? ZERO;
    const mergeable = full ? await mergeableOf(pr) : null;
    const side = (ref: string, sha: string) => ({
      label: `${opts.owner}:${ref}`,
      ref,
      sha,
      user: user(opts.owner),
      repo: repoJson(),
    });
    return {
      url: `${api()}/pulls/${pr.number}`,
      id: 100_000 + pr.number,
      node_id: `PR_fake${pr.number}`,
      html_url: `${web}/pull/${pr.number}`,
      number: pr.number,
      state: pr.state,
      locked: false,
      title: pr.title,
      user: user(actor.login),
      body: pr.body === '' ? null : pr.body,
      created_at: pr.createdAt,
      updated_at: pr.updatedAt,
      closed_at: pr.closedAt ?? null,
      merged_at: pr.mergedAt ?? null,
      merge_commit_sha: pr.mergeCommitSha ?? null,
      draft: false,
      labels: pr.labels.map((name) => labelJson(labelNamed(name)!)),
      head: side(pr.head, pr.headSha),
      base: side(pr.base, baseSha),
      // The list endpoint leaves these out; only GET /pulls/{n} (and create/update) has them.
      ...(full
        ? {
            merged: pr.merged,
            mergeable,
            mergeable_state: mergeable === null ? 'unknown' : mergeable ? 'clean' : 'dirty',
            merged_by: pr.merged ? user(actor.login) : null,
            comments: 0,
            commits: 1,
          }
        : {}),
    };
  };

  const PR_DOC = 'pulls/pulls';

  const listPulls = async (query: URLSearchParams): Promise<Answer> => {
    const state = query.get('state') ?? 'open';
    if (!['open', 'closed', 'all'].includes(state)) {
      return invalid(`${PR_DOC}#list-pull-requests`, {
        resource: 'Search',
        field: 'state',
        code: 'invalid',
      });
    }
    const head = query.get('head');
    const base = query.get('base');
    let list = [...pullRequests].sort((a, b) => b.number - a.number);
    if (state !== 'all') list = list.filter((p) => p.state === state);
    // GitHub filters on head only in the `user:ref-name` form.
    if (head && head.includes(':')) {
      const [who, ...rest] = head.split(':');
      const ref = rest.join(':');
      list = list.filter((p) => who === opts.owner && p.head === ref);
    }
    if (base) list = list.filter((p) => p.base === base);
    return ok(200, await Promise.all(pageOf(list, query).map((p) => prJson(p, false))));
  };

  const createPull = (body: Record<string, unknown>): Promise<Answer> =>
    serial(async () => {
      const doc = `${PR_DOC}#create-a-pull-request`;
      if (typeof body.title !== 'string' || !body.title) {
        return invalid(doc, { resource: 'PullRequest', field: 'title', code: 'missing_field' });
      }
      if (typeof body.base !== 'string' || !body.base) {
        return invalid(doc, { resource: 'PullRequest', field: 'base', code: 'missing_field' });
      }
      if (typeof body.head !== 'string' || !body.head) {
        return invalid(doc, { resource: 'PullRequest', field: 'head', code: 'missing_field' });
      }
      let head = body.head;
      if (head.includes(':')) {
        const [who, ...rest] = head.split(':');
        if (who !== opts.owner) {
          return invalid(doc, { resource: 'PullRequest', field: 'head', code: 'invalid' });
        }
        head = rest.join(':');
      }
      const base = body.base;
      const baseSha = await refs.tip(base);
      if (!baseSha)
        return invalid(doc, { resource: 'PullRequest', field: 'base', code: 'invalid' });
      const headSha = await refs.tip(head);
      if (!headSha)
        return invalid(doc, { resource: 'PullRequest', field: 'head', code: 'invalid' });
      if (pullRequests.some((p) => p.state === 'open' && p.head === head && p.base === base)) {
        return invalid(doc, {
          resource: 'PullRequest',
          code: 'custom',
          message: `A pull request already exists for ${opts.owner}:${head}.`,
        });
      }
      if (!(await refs.hasCommitsBeyond(baseSha, headSha))) {
        return invalid(doc, {
          resource: 'PullRequest',
          code: 'custom',
          message: `No commits between ${base} and ${head}`,
        });
      }
      const at = now();
      const pr: FakePullRequest = {
        number: pullRequests.length + 1,
        title: body.title,
        body: typeof body.body === 'string' ? body.body : '',
        head,
        base,
        state: 'open',
        merged: false,
        headSha,
        createdAt: at,
        updatedAt: at,
        labels: [],
      };
      pullRequests.push(pr);
      return ok(201, await prJson(pr, true));
    });

  const updatePull = (pr: FakePullRequest, body: Record<string, unknown>): Promise<Answer> =>
    serial(async () => {
      const doc = `${PR_DOC}#update-a-pull-request`;
      if (body.state !== undefined && body.state !== 'open' && body.state !== 'closed') {
        return invalid(doc, { resource: 'PullRequest', field: 'state', code: 'invalid' });
      }
      if (body.state === 'open' && pr.state === 'closed') {
        if (pr.merged) {
          return invalid(doc, {
            resource: 'PullRequest',
            code: 'custom',
            field: 'state',
            message: 'state cannot be changed. The pull request has been merged.',
          });
        }
        if (
          pullRequests.some((p) => p.state === 'open' && p.head === pr.head && p.base === pr.base)
        ) {
          return invalid(doc, {
            resource: 'PullRequest',
            code: 'custom',
            message: `A pull request already exists for ${opts.owner}:${pr.head}.`,
          });
        }
      }
      if (typeof body.title === 'string') pr.title = body.title;
      if (typeof body.body === 'string') pr.body = body.body;
      if (body.state === 'closed' && pr.state === 'open') {
        await refreshHead(pr);
        pr.state = 'closed';
        pr.closedAt = now();
      } else if (body.state === 'open' && pr.state === 'closed') {
        pr.state = 'open';
        delete pr.closedAt;
      }
      pr.updatedAt = now();
      return ok(200, await prJson(pr, true));
    });

  const MERGE_DOC = `${PR_DOC}#merge-a-pull-request`;
  const NOT_ALLOWED: Record<FakeMergeMethod, string> = {
    merge: 'Merge commits are not allowed on this repository.',
    squash: 'Squash merges are not allowed on this repository.',
    rebase: 'Rebase merges are not allowed on this repository.',
  };
  const GITHUB_COMMITTER = {
    GIT_COMMITTER_NAME: 'GitHub',
    GIT_COMMITTER_EMAIL: 'noreply@github.com',
  };

  /**
   * The head's commits replayed one by one on `baseSha` (authors kept, GitHub committing); the
   * new tip, or undefined where GitHub "can't rebase": a merge commit among them, a step that
   * conflicts, or a result whose tree differs from the merge's (GitHub's "unsafe" rebase).
   */
  const rebased = async (baseSha: string, headSha: string, tree: string) => {
    const commits = (await gitOk(['rev-list', '--reverse', '--parents', `${baseSha}..${headSha}`]))
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(' '));
    if (commits.some((c) => c.length > 2)) return undefined;
    const dir = await mkdtemp(join(tmpdir(), 'fake-github-rebase-'));
    const checkout = join(dir, 'tree');
    try {
      await gitOk(['worktree', 'add', '--detach', '--quiet', checkout, baseSha]);
      const inTree = (args: string[]) =>
        runGit(checkout, args, { env: { ...gitEnv, ...GITHUB_COMMITTER } });
      for (const [sha] of commits) {
        if ((await inTree(['cherry-pick', '--allow-empty', sha!])).code !== 0) return undefined;
      }
      const tip = (await inTree(['rev-parse', 'HEAD'])).stdout.trim();
      const result = (await inTree(['rev-parse', 'HEAD^{tree}'])).stdout.trim();
      return result === tree ? tip : undefined;
    } finally {
      await gitIn(['worktree', 'remove', '--force', checkout]);
      await rm(dir, { recursive: true, force: true });
      await gitIn(['worktree', 'prune']);
    }
  };

  /**
   * Merges an open pull request as PUT /pulls/{n}/merge does: the merge commit, or GitHub's
   * refusal. `expected` is the `sha` the head must still be at; `settings` applies the
   * repository's allowed merge methods.
   */
  const merge = (
    pr: FakePullRequest,
    method: FakeMergeMethod,
    how: { expected?: string; settings: boolean; title?: string; message?: string },
  ): Promise<{ sha: string } | { refusal: Answer }> =>
    serial(async () => {
      const refuse = (status: number, message: string) => ({
        refusal: fail(status, message, MERGE_DOC),
      });
      if (pr.state !== 'open') return refuse(405, 'Pull Request is not mergeable');
      if (how.settings && !mergeMethods.includes(method)) return refuse(405, NOT_ALLOWED[method]);
      const headSha = await refs.tip(pr.head);
      const baseSha = await refs.tip(pr.base);
      if (!headSha || !baseSha) return refuse(405, 'Pull Request is not mergeable');
      if (how.expected !== undefined && how.expected !== headSha) {
        return refuse(409, 'Head branch was modified. Review and try the merge again.');
      }
      if (!refs.git) throw new Error('fake GitHub: merging needs repoPath');
      const tree = await mergedTree(baseSha, headSha);
      if (mergeability.get(pr.number) === false || tree === undefined) {
        return refuse(405, 'Pull Request is not mergeable');
      }
      let sha: string;
      if (method === 'merge') {
        const title = how.title ?? `Merge pull request #${pr.number} from ${opts.owner}/${pr.head}`;
        const message = `${title}\n\n${how.message ?? pr.title}\n`;
        sha = (
          await gitOk(['commit-tree', tree, '-p', baseSha, '-p', headSha, '-F', '-'], {
            input: message,
            env: {
              ...GITHUB_COMMITTER,
              GIT_AUTHOR_NAME: actor.name,
              GIT_AUTHOR_EMAIL: actor.email,
            },
          })
        ).trim();
      } else if (method === 'squash') {
        const [name, email, date, ...msg] = (
          await gitOk(['log', '-1', '--format=%an%x00%ae%x00%aI%x00%B', headSha])
        ).split('\0');
        const title = how.title ?? `${pr.title} (#${pr.number})`;
        const message = `${title}\n\n${how.message ?? msg.join('\0').trim()}\n`;
        sha = (
          await gitOk(['commit-tree', tree, '-p', baseSha, '-F', '-'], {
            input: message,
            env: {
              ...GITHUB_COMMITTER,
              GIT_AUTHOR_NAME: name ?? actor.name,
              GIT_AUTHOR_EMAIL: email ?? actor.email,
              GIT_AUTHOR_DATE: date ?? '',
            },
          })
        ).trim();
      } else {
        const tip = await rebased(baseSha, headSha, tree);
        if (!tip) return refuse(405, "This branch can't be rebased");
        sha = tip;
      }
      // A push to the base since it was read: GitHub would have merged into the newer base.
      if (!(await refs.update(pr.base, sha, baseSha))) {
        return refuse(405, 'Base branch was modified. Review and try the merge again.');
      }
      const at = now();
      Object.assign(pr, {
        state: 'closed',
        merged: true,
        headSha,
        mergeCommitSha: sha,
        mergedAt: at,
        closedAt: at,
        updatedAt: at,
      });
      return { sha };
    });

  const mergePull = async (pr: FakePullRequest, body: Record<string, unknown>): Promise<Answer> => {
    const method = body.merge_method ?? 'merge';
    if (typeof method !== 'string' || !['merge', 'squash', 'rebase'].includes(method)) {
      return fail(
        422,
        `Invalid request.\n\nFor 'properties/merge_method', ${JSON.stringify(method)} is not one of ["merge", "squash", "rebase"].`,
        MERGE_DOC,
      );
    }
    for (const field of ['sha', 'commit_title', 'commit_message']) {
      if (body[field] !== undefined && typeof body[field] !== 'string') {
        return fail(
          422,
          `Invalid request.\n\nFor 'properties/${field}', ${JSON.stringify(body[field])} is not a string.`,
          MERGE_DOC,
        );
      }
    }
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const outcome = await merge(pr, method as FakeMergeMethod, {
      settings: true,
      ...(str(body.sha) !== undefined ? { expected: str(body.sha) } : {}),
      ...(str(body.commit_title) !== undefined ? { title: str(body.commit_title) } : {}),
      ...(str(body.commit_message) !== undefined ? { message: str(body.commit_message) } : {}),
    });
    if ('refusal' in outcome) return outcome.refusal;
    return ok(200, { sha: outcome.sha, merged: true, message: 'Pull Request successfully merged' });
  };

  const LABELS_DOC = 'issues/labels#add-labels-to-an-issue';

  const addLabels = (pr: FakePullRequest, body: unknown): Promise<Answer> =>
    serial(async () => {
      // The documented form is {"labels": [...]}; a bare array is accepted too.
      const list = Array.isArray(body) ? body : (body as { labels?: unknown } | undefined)?.labels;
      if (!Array.isArray(list)) {
        return invalid(LABELS_DOC, { resource: 'Label', field: 'labels', code: 'missing_field' });
      }
      const names: string[] = [];
      for (const item of list) {
        const name = typeof item === 'string' ? item : (item as { name?: unknown } | null)?.name;
        if (typeof name !== 'string' || !name.trim() || [...name].length > 50) {
          return invalid(LABELS_DOC, { resource: 'Label', field: 'name', code: 'invalid' });
        }
        names.push(name);
      }
      for (const name of names) {
        let label = labelNamed(name);
        if (!label) {
          label = { id: 4_000_000 + labels.length + 1, name, color: 'ededed', description: null };
          labels.push(label);
        }
        if (!pr.labels.some((n) => n.toLowerCase() === name.toLowerCase())) {
          pr.labels.push(label.name);
        }
      }
      if (names.length) pr.updatedAt = now();
      return ok(
        200,
        pr.labels.map((n) => labelJson(labelNamed(n)!)),
      );
    });

  // ---- deployments ----

  const DEP_DOC = 'deployments/deployments';
  const STATUS_DOC = 'deployments/statuses';

  const statusJson = (d: FakeDeployment, s: FakeDeploymentStatus) => ({
    url: `${api()}/deployments/${d.id}/statuses/${s.id}`,
    id: s.id,
    node_id: `DES_fake${s.id}`,
    state: s.state,
    creator: user(actor.login),
    description: s.description,
    environment: d.environment,
    target_url: s.logUrl,
    log_url: s.logUrl,
    environment_url: s.environmentUrl,
    created_at: s.createdAt,
    updated_at: s.createdAt,
    deployment_url: `${api()}/deployments/${d.id}`,
    repository_url: api(),
  });

  const deploymentJson = (d: FakeDeployment) => ({
    url: `${api()}/deployments/${d.id}`,
    id: d.id,
    node_id: `DE_fake${d.id}`,
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.environment,
    environment: d.environment,
    description: d.description,
    creator: user(actor.login),
    created_at: d.createdAt,
    updated_at: d.statuses.at(-1)?.createdAt ?? d.createdAt,
    statuses_url: `${api()}/deployments/${d.id}/statuses`,
    repository_url: api(),
    transient_environment: d.transientEnvironment,
    production_environment: d.productionEnvironment,
  });

  const tooLong = (resource: string, doc: string) =>
    invalid(doc, {
      resource,
      code: 'custom',
      field: 'description',
      message: 'description is too long (maximum is 140 characters)',
    });

  const createDeployment = async (body: Record<string, unknown>): Promise<Answer> => {
    const doc = `${DEP_DOC}#create-a-deployment`;
    if (typeof body.ref !== 'string' || !body.ref) {
      return invalid(doc, { resource: 'Deployment', field: 'ref', code: 'missing_field' });
    }
    const sha = await refs.resolve(body.ref);
    if (!sha) return fail(422, `No ref found for: ${body.ref}`, doc);
    if (typeof body.description === 'string' && [...body.description].length > 140) {
      return tooLong('Deployment', doc);
    }
    // The fake knows no commit statuses: any context required explicitly has not succeeded.
    if (Array.isArray(body.required_contexts) && body.required_contexts.length > 0) {
      return fail(409, `Conflict: Commit status checks failed for ${body.ref}.`, doc);
    }
    const environment = typeof body.environment === 'string' ? body.environment : 'production';
    // GitHub creates the environment a deployment names when it does not exist yet.
    ensureEnvironment(environment);
    const d: FakeDeployment = {
      id: deployments.length + 1,
      sha,
      ref: body.ref,
      task: typeof body.task === 'string' ? body.task : 'deploy',
      environment,
      description: typeof body.description === 'string' ? body.description : null,
      payload: body.payload ?? {},
      productionEnvironment:
        typeof body.production_environment === 'boolean'
          ? body.production_environment
          : environment === 'production',
      transientEnvironment: body.transient_environment === true,
      createdAt: now(),
      statuses: [],
    };
    deployments.push(d);
    return ok(201, deploymentJson(d));
  };

  const createStatus = (d: FakeDeployment, body: Record<string, unknown>): Answer => {
    const doc = `${STATUS_DOC}#create-a-deployment-status`;
    if (typeof body.state !== 'string' || !DEPLOYMENT_STATES.includes(body.state)) {
      return invalid(doc, { resource: 'DeploymentStatus', field: 'state', code: 'invalid' });
    }
    if (typeof body.description === 'string' && [...body.description].length > 140) {
      return tooLong('DeploymentStatus', doc);
    }
    const str = (v: unknown) => (typeof v === 'string' ? v : '');
    const at = now();
    const s: FakeDeploymentStatus = {
      id: nextStatusId++,
      state: body.state,
      description: str(body.description),
      environmentUrl: str(body.environment_url),
      logUrl: str(body.log_url) || str(body.target_url),
      createdAt: at,
    };
    d.statuses.push(s);
    if (s.state === 'success' && body.auto_inactive !== false) {
      for (const other of deployments) {
        if (
          other.id < d.id &&
          other.environment === d.environment &&
          !other.transientEnvironment &&
          !other.productionEnvironment &&
          other.statuses.at(-1)?.state !== 'inactive'
        ) {
          other.statuses.push({
            id: nextStatusId++,
            state: 'inactive',
            description: '',
            environmentUrl: '',
            logUrl: '',
            createdAt: at,
          });
        }
      }
    }
    return ok(201, statusJson(d, s));
  };

  const listDeployments = (query: URLSearchParams): Answer => {
    let list = [...deployments].sort((a, b) => b.id - a.id);
    for (const [param, field] of [
      ['sha', 'sha'],
      ['ref', 'ref'],
      ['task', 'task'],
      ['environment', 'environment'],
    ] as const) {
      const want = query.get(param);
      if (want !== null && want !== '') list = list.filter((d) => d[field] === want);
    }
    return ok(200, pageOf(list, query).map(deploymentJson));
  };

  // ---- environments ----

  const ENV_DOC = 'deployments/environments';

  const environmentJson = (name: string) => {
    const e = environments.get(name)!;
    const p = e.protection;
    const rules: Record<string, unknown>[] = [];
    let ruleId = e.id * 10;
    if (p.waitTimer !== undefined) {
      rules.push({
        id: ruleId++,
        node_id: `GA_fake${ruleId}`,
        type: 'wait_timer',
        wait_timer: p.waitTimer,
      });
    }
    if (p.reviewers?.length) {
      rules.push({
        id: ruleId++,
        node_id: `GA_fake${ruleId}`,
        prevent_self_review: p.preventSelfReview ?? false,
        type: 'required_reviewers',
        reviewers: p.reviewers.map((r) =>
          r.startsWith('team:')
            ? {
                type: 'Team',
                reviewer: { id: 1, slug: r.slice(5), name: r.slice(5), privacy: 'closed' },
              }
            : { type: 'User', reviewer: user(r) },
        ),
      });
    }
    if (p.protectedBranches) {
      rules.push({ id: ruleId++, node_id: `GA_fake${ruleId}`, type: 'branch_policy' });
    }
    return {
      id: e.id,
      node_id: `EN_fake${e.id}`,
      name,
      url: `${api()}/environments/${encodeURIComponent(name)}`,
      html_url: `${web}/deployments/activity_log?environments_filter=${encodeURIComponent(name)}`,
      created_at: e.createdAt,
      updated_at: e.updatedAt,
      protection_rules: rules,
      deployment_branch_policy: p.protectedBranches
        ? { protected_branches: true, custom_branch_policies: false }
        : null,
    };
  };

  const startJob = async (args: {
    runId: number;
    environment: string;
    ref?: string;
    sha?: string;
  }): Promise<FakeDeployment> => {
    ensureEnvironment(args.environment);
    const ref = args.ref ?? defaultBranch;
    const sha = args.sha ?? (await refs.resolve(ref));
    if (!sha) throw new Error(`fake GitHub: startJob: no commit for ${ref}`);
    const at = now();
    const jobId = 90_000 + deployments.length;
    const logUrl = `${web}/actions/runs/${args.runId}/job/${jobId}`;
    const d: FakeDeployment = {
      id: deployments.length + 1,
      sha,
      ref,
      task: 'deploy',
      environment: args.environment,
      description: null,
      payload: {},
      productionEnvironment: false,
      transientEnvironment: false,
      createdAt: at,
      statuses: ['queued', 'in_progress'].map((state) => ({
        id: nextStatusId++,
        state,
        description: '',
        environmentUrl: '',
        logUrl,
        createdAt: at,
      })),
    };
    deployments.push(d);
    return d;
  };

  // ---- refs ----

  const REFS_DOC = 'git/refs';
  const refJson = (name: string, sha: string) => ({
    ref: `refs/${name}`,
    node_id: `REF_fake${Buffer.from(name).toString('base64url')}`,
    url: `${api()}/git/refs/${name}`,
    object: { sha, type: 'commit', url: `${api()}/git/commits/${sha}` },
  });

  const updateRef = (name: string, body: Record<string, unknown>): Promise<Answer> =>
    serial(async () => {
      const doc = `${REFS_DOC}#update-a-reference`;
      if (typeof body.sha !== 'string') {
        return fail(422, 'Invalid request.\n\n"sha" wasn\'t supplied.', doc);
      }
      const branch = name.startsWith('heads/') ? name.slice('heads/'.length) : undefined;
      const current = branch ? await refs.tip(branch) : undefined;
      if (!branch || !current) return fail(422, 'Reference does not exist', doc);
      if (!(await refs.commitExists(body.sha))) return fail(422, 'Object does not exist', doc);
      if (body.force !== true && (await refs.isAncestor(current, body.sha)) === false) {
        return fail(422, 'Update is not a fast forward', doc);
      }
      if (!(await refs.update(branch, body.sha, current))) {
        return fail(422, 'Reference cannot be updated', doc);
      }
      await closeEmptied(branch);
      return ok(200, refJson(name, body.sha));
    });

  /**
   * GitHub closes an open pull request whose head branch no longer has commits beyond its base
   * (a force-push back to the base), or whose head branch is deleted; it cannot be reopened.
   */
  const closeEmptied = async (branch: string): Promise<void> => {
    for (const pr of pullRequests) {
      if (pr.state !== 'open' || pr.head !== branch) continue;
      const head = await refs.tip(branch);
      const base = await refs.tip(pr.base);
      if (head && base && (await refs.hasCommitsBeyond(base, head))) continue;
      pr.state = 'closed';
      pr.closedAt = now();
    }
  };

  const deleteRef = (name: string): Promise<Answer> =>
    serial(async () => {
      const doc = `${REFS_DOC}#delete-a-reference`;
      const branch = name.startsWith('heads/') ? name.slice('heads/'.length) : undefined;
      if (!branch || !(await refs.remove(branch))) {
        return fail(422, 'Reference does not exist', doc);
      }
      await closeEmptied(branch);
      return ok(204);
    });

  const createRef = (body: Record<string, unknown>): Promise<Answer> =>
    serial(async () => {
      const doc = `${REFS_DOC}#create-a-reference`;
      if (typeof body.ref !== 'string') {
        return fail(422, 'Invalid request.\n\n"ref" wasn\'t supplied.', doc);
      }
      if (typeof body.sha !== 'string') {
        return fail(422, 'Invalid request.\n\n"sha" wasn\'t supplied.', doc);
      }
      const m = /^refs\/heads\/(.+)$/.exec(body.ref);
      if (!/^refs\/[^/]+\/.+/.test(body.ref)) return fail(422, 'Reference name is not valid', doc);
      if (!m) return fail(422, 'fake GitHub: only refs/heads/* can be created', doc);
      const branch = m[1]!;
      if (await refs.tip(branch)) return fail(422, 'Reference already exists', doc);
      if (!(await refs.commitExists(body.sha))) return fail(422, 'Object does not exist', doc);
      if (!(await refs.update(branch, body.sha, null))) {
        return fail(422, 'Reference already exists', doc);
      }
      return ok(201, refJson(`heads/${branch}`, body.sha));
    });

  // ---- GraphQL ----

  const GRAPHQL_DOC = 'https://docs.github.com/graphql';

  const graphql = async (body: unknown): Promise<Answer> => {
    const b = (body ?? {}) as { query?: unknown; variables?: Record<string, unknown> };
    if (typeof b.query !== 'string') {
      return ok(200, {
        errors: [{ message: 'A query attribute must be specified and must be a string.' }],
      });
    }
    const query = b.query;
    const field = /createCommitOnBranch\s*\(\s*input\s*:\s*\$input\s*\)/;
    const input = b.variables?.input as Record<string, unknown> | undefined;
    if (!/^\s*mutation\b/.test(query) || !field.test(query) || !input) {
      return ok(200, {
        errors: [
          {
            message:
              'fake GitHub serves only mutation { createCommitOnBranch(input: $input) } with variables.input',
          },
        ],
      });
    }
    const where = {
      path: ['createCommitOnBranch'],
      locations: [locate(query, /createCommitOnBranch\s*\(/)],
    };
    const failed = (type: string | undefined, message: string): Answer =>
      ok(200, {
        data: { createCommitOnBranch: null },
        errors: [{ ...(type ? { type } : {}), ...where, message }],
      });
    const variableError = (field: string): Answer =>
      ok(200, {
        errors: [
          {
            extensions: {
              value: input,
              problems: [{ path: [field], explanation: 'Expected value to not be null' }],
            },
            locations: [locate(query, /\$input/)],
            message: `Variable $input of type CreateCommitOnBranchInput! was provided invalid value for ${field} (Expected value to not be null)`,
          },
        ],
      });

    const branchInput = (input.branch ?? {}) as Record<string, unknown>;
    if (typeof input.expectedHeadOid !== 'string') return variableError('expectedHeadOid');
    const message = (input.message ?? {}) as Record<string, unknown>;
    if (typeof message.headline !== 'string') return variableError('message.headline');
    const nameWithOwner = branchInput.repositoryNameWithOwner;
    if (
      typeof nameWithOwner !== 'string' ||
      nameWithOwner.toLowerCase() !== fullName.toLowerCase()
    ) {
      return failed(
        'NOT_FOUND',
        `Could not resolve to a Repository with the name '${String(nameWithOwner)}'.`,
      );
    }
    if (typeof branchInput.branchName !== 'string') return variableError('branch.branchName');
    if (!opts.repoPath)
      return failed(undefined, 'fake GitHub: createCommitOnBranch needs repoPath');
    const branch = branchInput.branchName.replace(/^refs\/heads\//, '');
    const expected = input.expectedHeadOid;
    const changes = (input.fileChanges ?? {}) as {
      additions?: { path?: unknown; contents?: unknown }[];
      deletions?: { path?: unknown }[];
    };
    const additions = changes.additions ?? [];
    const deletions = changes.deletions ?? [];
    const paths = [...additions, ...deletions].map((f) => f.path);
    for (const p of paths) {
      if (
        typeof p !== 'string' ||
        !p ||
        p.startsWith('/') ||
        p.split('/').some((s) => s === '' || s === '.' || s === '..')
      ) {
        return failed('UNPROCESSABLE', `Invalid path: ${JSON.stringify(p)}`);
      }
    }
    if (new Set(paths).size !== paths.length) {
      return failed(
        'UNPROCESSABLE',
        'path values must be unique across all additions and deletions',
      );
    }
    for (const a of additions) {
      if (typeof a.contents !== 'string' || !STRICT_BASE64.test(a.contents)) {
        return failed(
          'UNPROCESSABLE',
          `contents of ${String(a.path)} are not valid base64 (RFC 4648)`,
        );
      }
    }

    return serial(async () => {
      const tip = await refs.tip(branch);
      if (!tip) {
        return failed(
          'NOT_FOUND',
          `A ref named "refs/heads/${branch}" does not exist in ${fullName}.`,
        );
      }
      const stale = () =>
        failed(
          'STALE_DATA',
          `Expected branch to point to "${expected}" but it did not.  Pull and try again.`,
        );
      if (tip !== expected) return stale();
      const dir = await mkdtemp(join(tmpdir(), 'fake-github-index-'));
      try {
        const env = { GIT_INDEX_FILE: join(dir, 'index') };
        await gitOk(['read-tree', expected], { env });
        const listed = await gitOk(['ls-files', '-s', '-z'], { env });
        const modes = new Map<string, string>();
        for (const entry of listed.split('\0')) {
          const m = /^(\d+) [0-9a-f]+ \d+\t(.*)$/s.exec(entry);
          if (m) modes.set(m[2]!, m[1]!);
        }
        for (const d of deletions) {
          const path = d.path as string;
          if (!modes.has(path)) {
            return failed(
              'UNPROCESSABLE',
              `A path was requested for deletion which does not exist as of commit oid \`${expected}\``,
            );
          }
          // Mode 0 removes the entry (--force-remove would want a work tree).
          await gitOk(['update-index', '--index-info'], { env, input: `0 ${ZERO}\t${path}\n` });
        }
        for (const a of additions) {
          const path = a.path as string;
          const blob = (
            await gitOk(['hash-object', '-w', '--stdin'], {
              env,
              input: Buffer.from(a.contents as string, 'base64'),
            })
          ).trim();
          const mode = modes.get(path) === '100755' ? '100755' : '100644';
          await gitOk(['update-index', '--add', '--cacheinfo', `${mode},${blob},${path}`], { env });
        }
        const tree = (await gitOk(['write-tree'], { env })).trim();
        const body = typeof message.body === 'string' && message.body ? `\n\n${message.body}` : '';
        const oid = (
          await gitOk(['commit-tree', tree, '-p', expected, '-F', '-'], {
            input: `${message.headline}${body}\n`,
            env: {
              GIT_AUTHOR_NAME: actor.name,
              GIT_AUTHOR_EMAIL: actor.email,
              GIT_COMMITTER_NAME: 'GitHub',
              GIT_COMMITTER_EMAIL: 'noreply@github.com',
            },
          })
        ).trim();
        // Compare-and-swap: a push that landed since the check above makes this stale too.
        if (!(await refs.update(branch, oid, expected))) return stale();
        return ok(200, {
          data: { createCommitOnBranch: { commit: { oid, url: `${web}/commit/${oid}` } } },
        });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  };

  // ---- check runs and commit statuses ----

  const CHECKS_DOC = 'checks/runs#list-check-runs-for-a-git-reference';
  const COMBINED_DOC = 'commits/statuses#get-the-combined-status-for-a-specific-reference';
  const appJson = (slug: string) => ({
    id: createHash('sha1').update(`app:${slug}`).digest().readUInt32BE(0) % 1_000_000,
    slug,
    node_id: `A_fake${slug}`,
    name: slug === 'github-actions' ? 'GitHub Actions' : slug,
    owner: user(slug === 'github-actions' ? 'github' : opts.owner),
    html_url: `${webUrl}/apps/${slug}`,
  });
  /** A ref as the commit endpoints take it: a SHA, a branch or tag, `heads/…` or `tags/…`. */
  const commitOf = (ref: string) => refs.resolve(ref.replace(/^(refs\/)?(heads|tags)\//, ''));

  const listCheckRuns = async (ref: string, query: URLSearchParams): Promise<Answer> => {
    const sha = await commitOf(ref);
    if (!sha) return fail(422, `No commit found for SHA: ${ref}`, CHECKS_DOC);
    const filter = query.get('filter') ?? 'latest';
    if (filter !== 'latest' && filter !== 'all') {
      return invalid(CHECKS_DOC, { resource: 'CheckRun', field: 'filter', code: 'invalid' });
    }
    const all = (checkRuns.get(sha) ?? []).map((run, i) => ({ run, i }));
    let list = all;
    if (filter === 'latest') {
      const key = (r: FakeCheckRun) => `${r.app ?? 'github-actions'}\0${r.name}`;
      list = all.filter(({ run, i }) => !all.some((o) => o.i > i && key(o.run) === key(run)));
    }
    const name = query.get('check_name');
    if (name) list = list.filter(({ run }) => run.name === name);
    const status = query.get('status');
    const statusOf = (r: FakeCheckRun) => r.status ?? (r.conclusion ? 'completed' : 'queued');
    if (status) list = list.filter(({ run }) => statusOf(run) === status);
    // Newest first.
    list = [...list].reverse();
    return ok(200, {
      total_count: list.length,
      check_runs: pageOf(list, query).map(({ run, i }) => {
        const id = 7_000_000 + i + 1;
        const state = statusOf(run);
        return {
          id,
          head_sha: sha,
          node_id: `CR_fake${id}`,
          external_id: '',
          url: `${api()}/check-runs/${id}`,
          html_url: `${web}/runs/${id}`,
          details_url: run.detailsUrl ?? `${web}/actions/runs/${id}/job/${id}`,
          status: state,
          conclusion: state === 'completed' ? (run.conclusion ?? null) : null,
          started_at: state === 'queued' ? null : '2024-01-01T00:00:00Z',
          completed_at: state === 'completed' ? '2024-01-01T00:01:00Z' : null,
          output: {
            title: null,
            summary: null,
            text: null,
            annotations_count: 0,
            annotations_url: `${api()}/check-runs/${id}/annotations`,
          },
          name: run.name,
          check_suite: { id: 9_000_000 + i + 1 },
          app: appJson(run.app ?? 'github-actions'),
          pull_requests: [],
        };
      }),
    });
  };

  const combinedStatus = async (ref: string, query: URLSearchParams): Promise<Answer> => {
    const sha = await commitOf(ref);
    if (!sha) return fail(422, `No commit found for SHA: ${ref}`, COMBINED_DOC);
    const created = (commitStatuses.get(sha) ?? []).map((st, i) => ({ st, id: 8_000_000 + i + 1 }));
    // The latest status of each context, newest first.
    const latest = created
      .filter(({ st }, i) => !created.slice(i + 1).some((o) => o.st.context === st.context))
      .reverse();
    const states = latest.map(({ st }) => st.state);
    const state =
      states.length === 0
        ? 'pending'
        : states.some((x) => x === 'failure' || x === 'error')
          ? 'failure'
          : states.some((x) => x === 'pending')
            ? 'pending'
            : 'success';
    return ok(200, {
      state,
      statuses: pageOf(latest, query).map(({ st, id }) => ({
        url: `${api()}/statuses/${sha}`,
        avatar_url: null,
        id,
        node_id: `SC_fake${id}`,
        state: st.state,
        description: st.description ?? null,
        target_url: st.targetUrl ?? null,
        context: st.context,
        created_at: '2024-01-01T00:00:00Z',
        updated_at: '2024-01-01T00:00:00Z',
      })),
      sha,
      total_count: latest.length,
      repository: repoJson(),
      commit_url: `${api()}/commits/${sha}`,
      url: `${api()}/commits/${sha}/status`,
    });
  };

  // ---- routing ----

  const route = async (
    method: string,
    path: string,
    query: URLSearchParams,
    body: unknown,
  ): Promise<Answer> => {
    const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    if (path === '/graphql') {
      return method === 'POST' ? graphql(body) : fail(404, 'Not Found', GRAPHQL_DOC);
    }
    const prefix = `/repos/${opts.owner}/${opts.repo}`;
    if (!path.startsWith(`${prefix}/`)) {
      return fail(404, 'Not Found', 'overview/resources-in-the-rest-api');
    }
    const rest = path.slice(prefix.length);
    let m: RegExpExecArray | null;

    if ((m = /^\/actions\/workflows\/([^/]+)\/dispatches$/.exec(rest)) && method === 'POST') {
      const key = decodeURIComponent(m[1]!);
      const wf = (opts.workflows ?? []).find((w) => w.file === key || String(w.id) === key);
      const doc = 'actions/workflows#create-a-workflow-dispatch-event';
      if (!wf) return fail(404, 'Not Found', doc);
      if (!wf.dispatchInputs) {
        return fail(422, "Workflow does not have 'workflow_dispatch' trigger", doc);
      }
      const d = b as { ref?: unknown; inputs?: Record<string, unknown> };
      if (typeof d.ref !== 'string')
        return fail(422, 'Invalid request.\n\n"ref" wasn\'t supplied.', doc);
      const ref = d.ref.replace(/^refs\/heads\//, '');
      if (!(await refs.tip(ref))) return fail(422, `No ref found for: ${d.ref}`, doc);
      const inputs = d.inputs ?? {};
      const unexpected = Object.keys(inputs).filter((k) => !wf.dispatchInputs?.includes(k));
      if (unexpected.length) {
        return fail(422, `Unexpected inputs provided: ${JSON.stringify(unexpected)}`, doc);
      }
      const missing = (wf.requiredInputs ?? []).filter((k) => !(k in inputs));
      if (missing.length) return fail(422, `Required input '${missing[0]}' not provided`, doc);
      dispatches.push({
        workflow: wf.file,
        ref,
        inputs: Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, String(v)])),
      });
      return ok(204);
    }

    if (rest === '/pulls') {
      if (method === 'GET') return listPulls(query);
      if (method === 'POST') return createPull(b);
    }
    if ((m = /^\/pulls\/(\d+)\/merge$/.exec(rest)) && method === 'PUT') {
      const pr = pullRequests.find((p) => p.number === Number(m![1]));
      if (!pr) return fail(404, 'Not Found', `${PR_DOC}#merge-a-pull-request`);
      return mergePull(pr, b);
    }
    // Pull requests are issues: their labels live under /issues/{number}.
    if ((m = /^\/issues\/(\d+)\/labels$/.exec(rest))) {
      const pr = pullRequests.find((p) => p.number === Number(m![1]));
      if (!pr) return fail(404, 'Not Found', LABELS_DOC);
      if (method === 'POST') return addLabels(pr, body);
      if (method === 'GET') {
        return ok(
          200,
          pageOf(pr.labels, query).map((n) => labelJson(labelNamed(n)!)),
        );
      }
    }
    if ((m = /^\/pulls\/(\d+)$/.exec(rest))) {
      const pr = pullRequests.find((p) => p.number === Number(m![1]));
      if (!pr) return fail(404, 'Not Found', `${PR_DOC}#get-a-pull-request`);
      if (method === 'GET') return ok(200, await prJson(pr, true));
      if (method === 'PATCH') return updatePull(pr, b);
    }

    if (rest === '/deployments') {
      if (method === 'GET') return listDeployments(query);
      if (method === 'POST') return createDeployment(b);
    }
    if ((m = /^\/deployments\/(\d+)\/statuses$/.exec(rest))) {
      const d = deployments.find((x) => x.id === Number(m![1]));
      if (!d) return fail(404, 'Not Found', `${STATUS_DOC}#create-a-deployment-status`);
      if (method === 'POST') return createStatus(d, b);
      if (method === 'GET') {
        const newest = [...d.statuses].reverse();
        return ok(
          200,
          pageOf(newest, query).map((s) => statusJson(d, s)),
        );
      }
    }

    if ((m = /^\/environments\/([^/]+)$/.exec(rest)) && method === 'GET') {
      const name = decodeURIComponent(m[1]!);
      if (!environments.has(name)) return fail(404, 'Not Found', `${ENV_DOC}#get-an-environment`);
      return ok(200, environmentJson(name));
    }

    if ((m = /^\/actions\/runs\/(\d+)\/approvals$/.exec(rest)) && method === 'GET') {
      const list = approvals.get(Number(m[1]));
      const doc = 'actions/workflow-runs#get-the-review-history-for-a-workflow-run';
      if (!list) return fail(404, 'Not Found', doc);
      return ok(
        200,
        list.map((a) => ({
          environments: a.environments.map((name, i) => ({
            id: 5000 + i,
            node_id: `EN_fake${name}`,
            name,
            url: `${api()}/environments/${encodeURIComponent(name)}`,
            html_url: `${web}/deployments/activity_log?environments_filter=${encodeURIComponent(name)}`,
            created_at: '2024-01-01T00:00:00Z',
            updated_at: '2024-01-01T00:00:00Z',
          })),
          state: a.state,
          comment: a.comment ?? '',
          user: user(a.login),
        })),
      );
    }

    if ((m = /^\/commits\/(.+)\/check-runs$/.exec(rest)) && method === 'GET') {
      return listCheckRuns(decodeURIComponent(m[1]!), query);
    }
    if ((m = /^\/commits\/(.+)\/status$/.exec(rest)) && method === 'GET') {
      return combinedStatus(decodeURIComponent(m[1]!), query);
    }

    if (rest === '/git/refs' && method === 'POST') return createRef(b);
    if ((m = /^\/git\/refs\/(.+)$/.exec(rest)) && method === 'DELETE') {
      return deleteRef(decodeURIComponent(m[1]!));
    }
    if ((m = /^\/git\/refs\/(.+)$/.exec(rest)) && method === 'PATCH') {
      return updateRef(decodeURIComponent(m[1]!), b);
    }
    if ((m = /^\/git\/ref\/(.+)$/.exec(rest)) && method === 'GET') {
      const name = decodeURIComponent(m[1]!);
      const sha = name.startsWith('heads/') ? await refs.tip(name.slice(6)) : undefined;
      if (!sha) return fail(404, 'Not Found', `${REFS_DOC}#get-a-reference`);
      return ok(200, refJson(name, sha));
    }

    return fail(404, 'Not Found', 'overview/resources-in-the-rest-api');
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const body = await readBody(req);
      requests.push({
        method: req.method ?? '',
        path: url.pathname,
        query: url.search,
        authorization: req.headers.authorization,
        body,
      });
      const queued = oneShot.shift();
      if (queued) return send(res, queued);
      if (failing && failing.count > 0) {
        failing.count--;
        return send(
          res,
          fail(
            failing.status,
            failing.status >= 500 ? 'Server Error' : 'Error',
            'overview/resources-in-the-rest-api',
          ),
        );
      }
      // GHES serves REST under /api/v3 and GraphQL at /api/graphql.
      const path =
        url.pathname === '/api/graphql' ? '/graphql' : url.pathname.replace(/^\/api\/v3(?=\/)/, '');
      const auth = req.headers.authorization ?? '';
      if (auth !== `token ${opts.token}` && auth !== `Bearer ${opts.token}`) {
        return send(
          res,
          fail(
            401,
            'Bad credentials',
            path === '/graphql' ? GRAPHQL_DOC : 'overview/authenticating-to-the-rest-api',
          ),
        );
      }
      try {
        send(res, await route(req.method ?? 'GET', path, url.searchParams, body));
      } catch (err) {
        send(res, fail(500, (err as Error).message, 'overview'));
      }
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  apiBase = `http://127.0.0.1:${port}`;
  return {
    url: apiBase,
    requests,
    dispatches,
    pullRequests,
    deployments,
    failNext: (status, count) => {
      failing = { status, count };
    },
    answerNext: (status, body, headers) => {
      oneShot.push({ status, body, ...(headers ? { headers } : {}) });
    },
    setEnvironment: (name, protection = {}) => {
      const e = ensureEnvironment(name);
      e.protection = { ...protection };
      e.updatedAt = now();
    },
    startJob,
    setRunApprovals: (runId, list) => {
      approvals.set(runId, list);
    },
    setCheckRuns: (sha, runs) => {
      checkRuns.set(sha, [...runs]);
    },
    setStatuses: (sha, statuses) => {
      commitStatuses.set(sha, [...statuses]);
    },
    mergePullRequest: async (number, method) => {
      const pr = pullRequests.find((p) => p.number === number);
      if (!pr) throw new Error(`fake GitHub: no pull request #${number}`);
      const outcome = await merge(pr, method, { settings: false });
      if ('refusal' in outcome) {
        const { message } = outcome.refusal.body as { message: string };
        throw new Error(`fake GitHub: #${number}: HTTP ${outcome.refusal.status}: ${message}`);
      }
      return outcome.sha;
    },
    setMergeable: (number, mergeable) => {
      if (mergeable === undefined) mergeability.delete(number);
      else mergeability.set(number, mergeable);
    },
    setMergeMethods: (methods) => {
      mergeMethods = [...methods];
    },
    labels,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
