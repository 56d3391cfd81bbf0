/**
 * The GitHub port: what gantry asks of GitHub's API and the shapes it gets back. The core depends
 * on this file alone; `client.ts` implements it over GitHub's REST and GraphQL APIs, and the tests'
 * fake server answers the same routes.
 */
import { OperationError } from '../util/errors.js';
/** A pull request as gantry needs it. `url` is the html_url people open. */
export interface PullRequest {
  number: number;
  url: string;
  state: 'open' | 'closed';
  merged: boolean;
  /** Branch names (without `owner:`). */
  head: string;
  base: string;
  headSha: string;
  title: string;
  body: string;
  /** The commit the merge made on `base` (merge, squash or rebase), once merged. */
  mergeCommitSha?: string;
  /**
   * Whether GitHub can merge the head into the base without conflicts; null while GitHub is still
   * computing it (read again shortly). Only reading one pull request gives it: undefined from a
   * listing.
   */
  mergeable?: boolean | null;
  /**
   * GitHub's summary of what stands in the way: `clean`, `dirty` (conflicts), `blocked` (branch
   * protection), `behind`, `unstable` (failing non-required checks), `draft`, `unknown`, …
   * Undefined from a listing.
   */
  mergeableState?: string;
}

export type DeploymentState =
  'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success';

export interface Deployment {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  description: string;
  payload: unknown;
  createdAt: string;
}

/** A deployment status as gantry reads it (GET …/deployments/{id}/statuses). */
export interface DeploymentStatusInfo {
  state: DeploymentState;
  /** log_url, or the older target_url when log_url is empty: for a job's deployment, its run. */
  logUrl: string;
  environmentUrl: string;
  createdAt: string;
}

/** One protection rule of an environment, as GitHub lists it. */
export interface ProtectionRule {
  /** `required_reviewers`, `wait_timer`, `branch_policy`, or a type GitHub adds later. */
  type: string;
  /** Minutes, for `wait_timer`. */
  waitTimer?: number;
  /** Logins and team slugs, for `required_reviewers`. */
  reviewers?: string[];
}

/** What gates jobs that run under an environment (GET /repos/{o}/{r}/environments/{name}). */
export interface EnvironmentProtection {
  name: string;
  rules: ProtectionRule[];
  /** Deployment branches are limited (protected branches only, or custom policies). */
  branchPolicy: boolean;
}

/** One review of a run's environment gate (GET /repos/{o}/{r}/actions/runs/{id}/approvals). */
export interface RunApproval {
  login: string;
  state: 'approved' | 'rejected';
  comment: string;
  /** Environment names the review covered. */
  environments: string[];
}

/** A check run's lifecycle phase (`waiting`, `requested` and `pending` are GitHub Actions'). */
export type CheckRunStatus =
  'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';

/** How a completed check run ended; null until it completes. */
export type CheckRunConclusion =
  | 'success'
  | 'failure'
  | 'neutral'
  | 'cancelled'
  | 'skipped'
  | 'timed_out'
  | 'action_required'
  | 'stale';

/** One check run on a commit (GET /repos/{o}/{r}/commits/{ref}/check-runs). */
export interface CheckRun {
  name: string;
  status: CheckRunStatus;
  conclusion: CheckRunConclusion | null;
  /** The run's page on GitHub (html_url); null when GitHub has none. */
  url: string | null;
  /** The GitHub App that reported it (app.slug: `github-actions`, …); null when not known. */
  app: string | null;
}

/** A commit status's state, as its creator set it. */
export type CommitStatusState = 'error' | 'failure' | 'pending' | 'success';

/** The latest status of one context on a commit. */
export interface CommitStatus {
  context: string;
  state: CommitStatusState;
  description: string;
  targetUrl: string | null;
}

/**
 * The combined status of a commit (GET /repos/{o}/{r}/commits/{ref}/status): `failure` if any
 * context's latest status is `error` or `failure`, `pending` if there are none or one is
 * `pending`, `success` when every context's latest status is `success` (GitHub's rule).
 */
export interface CombinedStatus {
  state: 'failure' | 'pending' | 'success';
  /** The latest status of each context. */
  statuses: CommitStatus[];
}

/** A file for createCommitOnBranch: contents as bytes (sent base64-encoded). */
export interface FileAddition {
  path: string;
  contents: Buffer;
}

/** GraphQL's createCommitOnBranch refused because the branch no longer points at expectedHeadOid. */
export class StaleHeadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StaleHeadError';
  }
}

/**
 * GitHub refused to merge a pull request: 405 (not mergeable yet or at all: conflicts, required
 * checks or reviews missing, a closed or already merged pull request, a merge method the
 * repository disallows) or 409 (the head moved away from the `sha` the merge was asked for).
 * Other failures of a merge are plain OperationErrors.
 */
export class PullRequestNotMergeableError extends OperationError {
  override name = 'PullRequestNotMergeableError';
  constructor(
    message: string,
    readonly number: number,
    /** 405, or 409 for a head that moved. */
    readonly status: 405 | 409,
    /** GitHub's own words (`Pull Request is not mergeable`, `Head branch was modified. …`). */
    readonly reason: string,
  ) {
    super(message);
  }
}

/** What gantry asks of GitHub's API; the core depends on this port, tests on a faithful fake server. */
export interface GitHubPort {
  /** Starts a workflow run with workflow_dispatch (the workflow must declare the inputs). */
  dispatchWorkflow(args: {
    workflow: string;
    ref: string;
    inputs: Record<string, string>;
  }): Promise<void>;

  /** The open pull request from `head` into `base` in this repository, if there is one. */
  findPullRequest(args: { head: string; base: string }): Promise<PullRequest | undefined>;
  createPullRequest(args: {
    head: string;
    base: string;
    title: string;
    body: string;
  }): Promise<PullRequest>;
  updatePullRequest(args: {
    number: number;
    title?: string;
    body?: string;
    /** `closed` closes it unmerged (a superseded promotion); `open` reopens it. */
    state?: 'open' | 'closed';
  }): Promise<PullRequest>;
  getPullRequest(number: number): Promise<PullRequest>;
  /**
   * Merges a pull request as its merge button does (`mergeMethod` default `merge`), only if its
   * head is still `sha` when given. Returns the commit the merge made on the base (for `rebase`,
   * the last rebased commit). GitHub's refusals (405, 409) are PullRequestNotMergeableError.
   */
  mergePullRequest(args: {
    number: number;
    mergeMethod?: 'merge' | 'squash' | 'rebase';
    sha?: string;
  }): Promise<{ sha: string }>;
  /** Adds labels to a pull request (GitHub creates labels the repository lacks). */
  addLabels(number: number, labels: string[]): Promise<void>;

  /**
   * Creates a deployment of `ref` (a commit SHA) to `environment`, never auto-merging and with no
   * required contexts (gantry deploys a commit that is already on its branch).
   */
  createDeployment(args: {
    ref: string;
    environment: string;
    description: string;
    payload: unknown;
    productionEnvironment?: boolean;
  }): Promise<Deployment>;
  createDeploymentStatus(args: {
    deploymentId: number;
    state: DeploymentState;
    description?: string;
    environmentUrl?: string;
    logUrl?: string;
    /**
     * GitHub's auto_inactive (default true): a `success` marks the environment's earlier
     * non-transient, non-production deployments inactive.
     */
    autoInactive?: boolean;
  }): Promise<void>;
  /**
   * Deployments, newest first, filtered as GitHub filters them (sha, environment); at most
   * `limit` of them (default 100, fetched 100 a page).
   */
  listDeployments(args: {
    sha?: string;
    environment?: string;
    limit?: number;
  }): Promise<Deployment[]>;

  /** A deployment's statuses, newest first (at most 100: a deployment rarely has more). */
  deploymentStatuses(deploymentId: number): Promise<DeploymentStatusInfo[]>;

  /**
   * An environment's protection rules; undefined when the repository has no such environment
   * (GitHub creates one the first time a job runs under it).
   */
  environment(name: string): Promise<EnvironmentProtection | undefined>;

  /**
   * Reviews of the environment gates of a workflow run, oldest first as GitHub lists them.
   * Entries GitHub marks `pending` (a comment without a decision) are left out.
   */
  runApprovals(runId: number): Promise<RunApproval[]>;

  /**
   * The check runs of a commit (`ref`: a SHA, or a branch or tag name), the latest run of each
   * name (GitHub's `filter=latest`: a re-run replaces the earlier attempt), every page.
   */
  checkRuns(ref: string): Promise<CheckRun[]>;
  /** The combined commit status of `ref`, with the latest status of every context (every page). */
  commitStatuses(ref: string): Promise<CombinedStatus>;

  /** Points `branch` at `sha`, creating it when missing (PATCH with force, else POST). */
  setBranch(args: { branch: string; sha: string }): Promise<void>;
  /** Deletes a branch; one that does not exist is not an error. */
  deleteBranch(branch: string): Promise<void>;
  /**
   * GraphQL `createCommitOnBranch`: a commit GitHub signs, applied only if the branch still
   * points at `expectedHeadOid` (else StaleHeadError).
   */
  createCommitOnBranch(args: {
    branch: string;
    expectedHeadOid: string;
    headline: string;
    body: string;
    additions: FileAddition[];
    deletions: string[];
  }): Promise<{ oid: string; url: string }>;
}
