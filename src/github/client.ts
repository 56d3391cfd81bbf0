import { getOctokit } from '@actions/github';
import { OperationError } from '../util/errors.js';
import { Redactor } from '../util/redact.js';
import { retry, type RetryHooks, type RetryPolicy } from '../util/retry.js';

/** What gantry asks of GitHub's API; the core depends on this port, tests on a faithful fake server. */
export interface GitHubPort {
  /** Starts a workflow run with workflow_dispatch (the workflow must declare the inputs). */
  dispatchWorkflow(args: {
    workflow: string;
    ref: string;
    inputs: Record<string, string>;
  }): Promise<void>;
}

export interface GitHubSettings {
  token: string;
  /** `https://api.github.com`, or GHES's `https://host/api/v3` (GITHUB_API_URL on runners). */
  apiUrl: string;
  owner: string;
  repo: string;
  retry?: RetryPolicy;
  retryHooks?: RetryHooks;
}

interface RequestErrorLike {
  status: number;
  message: string;
  response?: { data?: unknown; headers?: Record<string, string | undefined> };
}

function isRequestError(err: unknown): err is RequestErrorLike {
  return (
    typeof err === 'object' &&
    err !== null &&
    typeof (err as { status?: unknown }).status === 'number'
  );
}

/** GitHub's error body message (`{"message": "...", "documentation_url": ...}`), if any. */
function githubMessage(err: RequestErrorLike): string {
  const data = err.response?.data;
  if (
    data &&
    typeof data === 'object' &&
    typeof (data as { message?: unknown }).message === 'string'
  ) {
    return (data as { message: string }).message;
  }
  return err.message;
}

const TRANSIENT = (err: unknown): boolean =>
  isRequestError(err) &&
  (err.status >= 500 ||
    err.status === 429 ||
    // Secondary rate limits answer 403 with this text.
    (err.status === 403 && /secondary rate limit/i.test(githubMessage(err))));

export class GitHubClient implements GitHubPort {
  private readonly octokit: ReturnType<typeof getOctokit>;
  private readonly redactor = new Redactor();

  constructor(private readonly s: GitHubSettings) {
    this.octokit = getOctokit(s.token, { baseUrl: s.apiUrl.replace(/\/+$/, '') });
    this.redactor.add(s.token);
  }

  async dispatchWorkflow(args: {
    workflow: string;
    ref: string;
    inputs: Record<string, string>;
  }): Promise<void> {
    const where = `workflow ${args.workflow} in ${this.s.owner}/${this.s.repo}`;
    try {
      await retry(
        () =>
          this.octokit.request(
            'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
            {
              owner: this.s.owner,
              repo: this.s.repo,
              workflow_id: args.workflow,
              ref: args.ref,
              inputs: args.inputs,
            },
          ),
        TRANSIENT,
        this.s.retry ?? { attempts: 4, baseDelayMs: 500, maxDelayMs: 8_000 },
        this.s.retryHooks,
      );
    } catch (err) {
      if (!isRequestError(err)) throw err;
      const msg = this.redactor.redact(githubMessage(err));
      const hint =
        err.status === 404
          ? ' (is the file name right, and does the workflow exist on that ref with a workflow_dispatch trigger?)'
          : err.status === 403
            ? ' (the token needs the actions: write permission)'
            : err.status === 422
              ? ' (the workflow must declare the inputs stage and freight under on.workflow_dispatch.inputs)'
              : '';
      throw new OperationError(`could not start ${where}: HTTP ${err.status}: ${msg}${hint}`);
    }
  }
}
