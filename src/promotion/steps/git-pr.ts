/**
 * Kargo's pull-request steps on GitHub: `git-open-pr` opens (or reuses) a real pull request with
 * Kargo's outputs (`pr.id`, `pr.url`), `git-wait-for-pr` waits for its merge, `git-merge-pr`
 * merges it. A workflow job is not a controller that can come back in an hour: waiting is
 * bounded (the step's `retry.timeout`, at most 30 minutes; without it one look), and a pull
 * request still open then ends the promotion as pending. Merging it is the promotion, as in
 * gantry's `mode: pull-request`: its head is gantry's generated branch, so the verify-merged job
 * of the workflows `gantry init` writes verifies the stage and continues the chain.
 */
import {
  PullRequestNotMergeableError,
  type GitHubPort,
  type PullRequest,
} from '../../github/port.js';
import { parseDuration } from '../../pipeline/duration.js';
import { ConfigError, OperationError } from '../../util/errors.js';
import { promotionMarker } from '../publish.js';
import { checkFields, optionalBool, requireString } from './engine.js';
import { flag, nonEmpty, providerSchema, text } from './schema-parts.js';
import { PromotionPendingError, type StepContext, type StepDefinition } from './types.js';

/** Longest a job waits on a pull request: runner minutes cost, and a review takes longer. */
export const MAX_PR_WAIT_MS = 30 * 60_000;

const REPO = nonEmpty('The GitOps repository (gantry opens pull requests there, on GitHub).');
const INSECURE = flag('Skip TLS certificate verification.');
const PR_NUMBER = {
  type: 'integer',
  minimum: 1,
  description: "The pull request's number (`${{ outputs['open-pr'].pr.id }}`).",
};
const POLL = nonEmpty('How often to look while waiting (Go duration, default 30s; at least 5s).');

function github(ctx: StepContext, step: string, repoURL: string): GitHubPort {
  const ws = ctx.workspace;
  if (!ws) {
    throw new ConfigError(
      `${step} needs a git-clone workspace; without git-clone, set the template's mode: pull-request and gantry opens the pull request itself`,
    );
  }
  if (!ws.isGitOps(repoURL)) {
    throw new ConfigError(
      `${step}: repoURL ${repoURL} is not the GitOps repository (${ws.gitopsUrl}); gantry opens pull requests there only`,
    );
  }
  if (!ws.github) {
    throw new ConfigError(
      `${step} needs GitHub: the GitOps repository on GitHub and a token (the promote action's repository and token inputs)`,
    );
  }
  return ws.github;
}

function prNumber(step: string, config: Record<string, unknown>): number {
  const v = config['prNumber'];
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new ConfigError(
      `${step}: prNumber must be a pull request number, got ${JSON.stringify(v)}`,
    );
  }
  return n;
}

function pollMs(step: string, config: Record<string, unknown>, fallback: number): number {
  const v = config['pollInterval'];
  if (v === undefined) return fallback;
  if (typeof v !== 'string')
    throw new ConfigError(`${step}: pollInterval must be a duration such as 30s`);
  return Math.max(5000, parseDuration(v));
}

const prOutput = (pr: PullRequest) => ({
  id: pr.number,
  url: pr.url,
  open: pr.state === 'open',
  merged: pr.merged,
});

export const gitOpenPr: StepDefinition = {
  name: 'git-open-pr',
  schema: {
    type: 'object',
    description:
      'Opens a pull request on GitHub from sourceBranch into targetBranch, or reuses the open one; Skipped when the two do not differ. Output `pr` (`id`, `url`).',
    additionalProperties: false,
    required: ['repoURL', 'sourceBranch', 'targetBranch'],
    properties: {
      repoURL: REPO,
      sourceBranch: nonEmpty('The head branch (`${{ outputs.push.branch }}`).'),
      targetBranch: nonEmpty("The base branch: the stage's branch."),
      title: nonEmpty("Default: the first line of the source branch's commit message."),
      description: text(
        'Default: the rest of that message. gantry adds a line naming the promotion.',
      ),
      labels: { type: 'array', items: nonEmpty('A label.'), description: 'Labels to add.' },
      createTargetBranch: flag('Deprecated in Kargo; does nothing.'),
      provider: providerSchema,
      insecureSkipTLSVerify: INSECURE,
    },
  },
  async run(config, ctx) {
    checkFields('git-open-pr', config, [
      'repoURL',
      'sourceBranch',
      'targetBranch',
      'title',
      'description',
      'labels',
      'createTargetBranch',
      'provider',
      'insecureSkipTLSVerify',
    ]);
    const repoURL = requireString('git-open-pr', config, 'repoURL');
    const api = github(ctx, 'git-open-pr', repoURL);
    const ws = ctx.workspace as NonNullable<StepContext['workspace']>;
    const head = requireString('git-open-pr', config, 'sourceBranch');
    const base = requireString('git-open-pr', config, 'targetBranch');
    const labels = config['labels'];
    if (
      labels !== undefined &&
      (!Array.isArray(labels) || labels.some((l) => typeof l !== 'string' || !l))
    ) {
      throw new ConfigError('git-open-pr: labels must be a list of names');
    }
    if (await ws.sameAsBase(head)) {
      ctx.log(`git-open-pr: ${head} does not differ from ${base}: no pull request`);
      return { status: 'Skipped' };
    }
    const message = (await ws.messageOf(head)) ?? '';
    const [first = '', ...rest] = message.split('\n');
    const title =
      typeof config['title'] === 'string' && config['title']
        ? config['title']
        : first.trim() || `promote ${ctx.stage}`;
    const described =
      typeof config['description'] === 'string' && config['description']
        ? config['description']
        : typeof config['title'] === 'string' && config['title']
          ? message
          : rest.join('\n').trim();
    const body = `${described.trim()}\n\n${promotionMarker(ctx.project, ctx.stage, ctx.freight.id)}\n`;
    if (ws.dryRun) {
      ctx.log(
        `git-open-pr: dry run, would open a pull request from ${head} into ${base}: ${title}`,
      );
      return { outputs: { pr: { id: 0, url: '' } } };
    }
    const existing = await api.findPullRequest({ head, base });
    const pr = existing
      ? await api.updatePullRequest({ number: existing.number, title, body })
      : await api.createPullRequest({ head, base, title, body });
    if (Array.isArray(labels) && labels.length) await api.addLabels(pr.number, labels as string[]);
    ws.openedPullRequest({ number: pr.number, url: pr.url, created: !existing });
    ctx.log(`git-open-pr: ${existing ? 'updated' : 'opened'} #${pr.number} ${pr.url}`);
    return { outputs: { pr: { id: pr.number, url: pr.url } } };
  },
};

/**
 * Looks at the pull request until `done` says it is settled or the wait is over. The wait is the
 * step's retry.timeout (at most MAX_PR_WAIT_MS); without one, a single look.
 */
async function watch(
  ctx: StepContext,
  api: GitHubPort,
  n: number,
  everyMs: number,
  done: (pr: PullRequest) => Promise<boolean>,
): Promise<PullRequest> {
  const clock = ctx.clock ?? (() => new Date());
  const sleep = ctx.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const until = clock().getTime() + Math.min(ctx.waitMs ?? 0, MAX_PR_WAIT_MS);
  for (;;) {
    const pr = await api.getPullRequest(n);
    if (await done(pr)) return pr;
    if (clock().getTime() + everyMs > until) {
      ctx.workspace?.openedPullRequest({ number: pr.number, url: pr.url, created: false });
      throw new PromotionPendingError(
        `pull request #${pr.number} is open: merging it completes the promotion (${pr.url})`,
        { number: pr.number, url: pr.url, created: false },
      );
    }
    await sleep(everyMs);
  }
}

function settled(step: string, pr: PullRequest): boolean {
  if (pr.merged) return true;
  if (pr.state === 'closed') {
    throw new OperationError(
      `${step}: pull request #${pr.number} was closed without being merged (${pr.url})`,
    );
  }
  return false;
}

export const gitWaitForPr: StepDefinition = {
  name: 'git-wait-for-pr',
  schema: {
    type: 'object',
    description:
      "Waits for a pull request's merge, within the job up to the step's retry.timeout (at most 30 minutes); still open then, the promotion ends as pending and the merge completes it. Outputs `pr` (`id`, `url`, `open`, `merged`) and `commit` (the merge commit).",
    additionalProperties: false,
    required: ['repoURL', 'prNumber'],
    properties: {
      repoURL: REPO,
      prNumber: PR_NUMBER,
      pollInterval: POLL,
      provider: providerSchema,
      insecureSkipTLSVerify: INSECURE,
    },
  },
  async run(config, ctx) {
    checkFields('git-wait-for-pr', config, [
      'repoURL',
      'prNumber',
      'pollInterval',
      'provider',
      'insecureSkipTLSVerify',
    ]);
    const api = github(ctx, 'git-wait-for-pr', requireString('git-wait-for-pr', config, 'repoURL'));
    if (ctx.workspace?.dryRun) {
      throw new PromotionPendingError(
        'dry run: the pull request is not opened, so nothing waits on it',
      );
    }
    const n = prNumber('git-wait-for-pr', config);
    const pr = await watch(ctx, api, n, pollMs('git-wait-for-pr', config, 30_000), (p) =>
      Promise.resolve(settled('git-wait-for-pr', p)),
    );
    ctx.log(`git-wait-for-pr: #${pr.number} merged as ${pr.mergeCommitSha?.slice(0, 7) ?? '?'}`);
    ctx.workspace?.mergedPullRequest(pr);
    return {
      outputs: { pr: prOutput(pr), ...(pr.mergeCommitSha ? { commit: pr.mergeCommitSha } : {}) },
    };
  },
};

const MERGE_METHODS = ['merge', 'squash', 'rebase'] as const;

export const gitMergePr: StepDefinition = {
  name: 'git-merge-pr',
  schema: {
    type: 'object',
    description:
      "Merges a pull request through GitHub's API (as the token; branch protection applies). With `wait`, waits for it to become mergeable like git-wait-for-pr. Output `commit`.",
    additionalProperties: false,
    required: ['repoURL', 'prNumber'],
    properties: {
      repoURL: REPO,
      prNumber: PR_NUMBER,
      mergeMethod: {
        enum: [...MERGE_METHODS],
        description: "GitHub's: merge (default), squash or rebase.",
      },
      wait: flag('Wait while the pull request is not mergeable yet, instead of failing.'),
      pollInterval: { ...POLL, description: 'How often to look while waiting (default 10s).' },
      provider: providerSchema,
      insecureSkipTLSVerify: INSECURE,
    },
  },
  async run(config, ctx) {
    checkFields('git-merge-pr', config, [
      'repoURL',
      'prNumber',
      'mergeMethod',
      'wait',
      'pollInterval',
      'provider',
      'insecureSkipTLSVerify',
    ]);
    const api = github(ctx, 'git-merge-pr', requireString('git-merge-pr', config, 'repoURL'));
    const n = prNumber('git-merge-pr', config);
    const method = config['mergeMethod'];
    if (method !== undefined && !MERGE_METHODS.includes(method as (typeof MERGE_METHODS)[number])) {
      throw new ConfigError(
        `git-merge-pr: mergeMethod must be merge, squash or rebase, got ${JSON.stringify(method)}`,
      );
    }
    if (ctx.workspace?.dryRun) {
      throw new PromotionPendingError(`dry run: pull request #${n} would be merged`);
    }
    const wait = optionalBool('git-merge-pr', config, 'wait') ?? false;
    let sha: string | undefined;
    const pr = await watch(
      { ...ctx, ...(wait ? {} : { waitMs: 0 }) },
      api,
      n,
      pollMs('git-merge-pr', config, 10_000),
      async (p) => {
        if (settled('git-merge-pr', p)) return true;
        try {
          sha = (
            await api.mergePullRequest({
              number: n,
              ...(method ? { mergeMethod: method as (typeof MERGE_METHODS)[number] } : {}),
              sha: p.headSha,
            })
          ).sha;
          return true;
        } catch (err) {
          if (err instanceof PullRequestNotMergeableError) {
            if (!wait) {
              throw new OperationError(
                `git-merge-pr: pull request #${n} cannot be merged now (${err.message}); set wait: true to wait for it`,
              );
            }
            ctx.log(`git-merge-pr: #${n} not mergeable yet: ${err.message}`);
            return false;
          }
          throw err;
        }
      },
    );
    const commit = sha ?? pr.mergeCommitSha;
    ctx.log(`git-merge-pr: #${n} merged${commit ? ` as ${commit.slice(0, 7)}` : ''}`);
    ctx.workspace?.mergedPullRequest({
      ...pr,
      merged: true,
      ...(commit ? { mergeCommitSha: commit } : {}),
    });
    return { outputs: commit ? { commit } : {} };
  },
};

export const GIT_PR_STEPS: readonly StepDefinition[] = [gitOpenPr, gitWaitForPr, gitMergePr];
