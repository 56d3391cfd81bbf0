/**
 * Going on after a pull request. A Kargo template such as `git-push` (generateTargetBranch) →
 * `git-open-pr` → `git-wait-for-pr` → `argocd-update` waits in Kargo's controller until the pull
 * request is merged, then runs the steps after the wait. A workflow job cannot wait that long:
 * the promotion ends pending, and the job that sees the merge (`gantry init`'s verify-merged job,
 * `gantry promote --resume-pull-request N`) runs the rest.
 *
 * What the rest needs is written into the pull request's body when the promotion ends pending:
 * where to go on from, and the outputs and statuses of the steps that ran (the rest reads them,
 * `outputs.commit.commit` say). The record is JSON in an HTML comment, base64 so that nothing in
 * an output can close the comment. Outputs holding a secret's value are never written there
 * (everyone who can read the repository reads its pull requests): such a promotion is not
 * resumable, and says so when it ends pending. On resume the wait step's outputs are what
 * `git-wait-for-pr` gives on a merge: `pr` and `commit`, the merge commit.
 */
import type { Freight } from '../freight/types.js';
import type { GitHubPort, PullRequest } from '../github/port.js';
import { findStage } from '../pipeline/index.js';
import { ConfigError, OperationError } from '../util/errors.js';
import type { PromoteOptions } from './promote.js';
import { runSteps, stepAlias, type StepStatus } from './steps/engine.js';
import { stepServices } from './step-services.js';

const MARKER = 'gantry:resume';
const RECORD = /<!-- gantry:resume ([A-Za-z0-9_-]+={0,2}) -->\n?/;

export interface ResumeRecord {
  v: 1;
  project: string;
  stage: string;
  freight: string;
  /** Kargo's ctx.promotion of the run that went pending: argocd-update marks its syncs with it. */
  promotion: string;
  /** The pending step (git-wait-for-pr): the steps after it run on resume. */
  wait: number;
  outputs: Record<string, Record<string, unknown>>;
  statuses: StepStatus[];
}

export function encodeResumeRecord(r: ResumeRecord): string {
  return `<!-- ${MARKER} ${Buffer.from(JSON.stringify(r), 'utf8').toString('base64url')} -->`;
}

export function parseResumeRecord(body: string): ResumeRecord | undefined {
  const m = RECORD.exec(body);
  if (!m?.[1]) return undefined;
  let r: unknown;
  try {
    r = JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8'));
  } catch {
    throw new ConfigError("the pull request's gantry:resume record is not readable");
  }
  const rec = r as Partial<ResumeRecord>;
  if (
    rec.v !== 1 ||
    typeof rec.project !== 'string' ||
    typeof rec.stage !== 'string' ||
    typeof rec.freight !== 'string' ||
    typeof rec.promotion !== 'string' ||
    typeof rec.wait !== 'number' ||
    typeof rec.outputs !== 'object' ||
    rec.outputs === null ||
    !Array.isArray(rec.statuses)
  ) {
    throw new ConfigError("the pull request's gantry:resume record is not one gantry wrote");
  }
  return rec as ResumeRecord;
}

/** The pull request's body with `record` in place of any earlier one. */
export function withResumeRecord(body: string, record: ResumeRecord): string {
  const rest = body.replace(RECORD, '').trimEnd();
  return `${rest}\n${encodeResumeRecord(record)}\n`;
}

/**
 * Write the record into the pull request the promotion waits on, when steps follow the wait.
 * Returns why it could not, for the promotion's message; undefined when written or not needed.
 */
export async function recordResume(
  api: GitHubPort,
  prNumber: number,
  record: ResumeRecord,
  steps: number,
  secrets: readonly string[],
): Promise<string | undefined> {
  if (record.wait >= steps - 1) return undefined;
  const text = JSON.stringify(record.outputs);
  if (secrets.some((s) => s && text.includes(s))) {
    return `the steps after step ${record.wait + 1} will not run on the merge: the outputs they would read hold a secret's value, which gantry keeps out of pull requests; promote again after the merge`;
  }
  const pr = await api.getPullRequest(prNumber);
  await api.updatePullRequest({ number: prNumber, body: withResumeRecord(pr.body, record) });
  return undefined;
}

export interface ResumeOutcome {
  pullRequest: { number: number; url: string };
  /** Nothing to do: no record (no steps after the wait), or already resumed. */
  note?: string;
  freight?: Freight;
  /** Statuses of the steps that ran now, in template order from the step after the wait. */
  statuses?: StepStatus[];
  outputs?: Record<string, Record<string, unknown>>;
}

/**
 * Run the steps after the wait of a merged pull request's promotion. They run as the template
 * would have run them, with the outputs of the steps before, the wait's outputs from the merge,
 * and no workspace: what comes after a wait in Kargo's templates (argocd-update, http,
 * compose-output) acts outside the repository; a git step there fails, saying so.
 */
export async function resumeAfterMerge(
  o: Omit<PromoteOptions, 'stage' | 'freight'> & { stage?: string; pullRequest: number },
  scratchDir: string,
): Promise<ResumeOutcome> {
  if (!o.github) {
    throw new ConfigError(
      "resuming after a pull request needs the GitOps repository on GitHub and a token (the promote action's repository and token inputs)",
    );
  }
  const pr: PullRequest = await o.github.repo.getPullRequest(o.pullRequest);
  const ref = { number: pr.number, url: pr.url };
  const record = parseResumeRecord(pr.body);
  if (!record) {
    return { pullRequest: ref, note: `pull request #${pr.number} has no steps left to run` };
  }
  if (record.project !== o.project.name || (o.stage !== undefined && record.stage !== o.stage)) {
    throw new ConfigError(
      `pull request #${pr.number} promotes ${record.project}/${record.stage}, not ${o.project.name}${o.stage ? `/${o.stage}` : ''}`,
    );
  }
  if (!pr.merged) {
    throw new OperationError(
      `pull request #${pr.number} is ${pr.state === 'closed' ? 'closed without being merged: the promotion did not happen' : 'not merged yet: merging it completes the promotion'} (${pr.url})`,
    );
  }
  const stage = findStage(o.project, record.stage);
  const steps = stage.promotionTemplate.steps;
  const wait = steps[record.wait];
  if (!wait || record.statuses.length !== record.wait + 1) {
    throw new ConfigError(
      `pull request #${pr.number}: stage ${record.stage}'s template changed since the promotion went pending (its step ${record.wait + 1} is not the one it waited at); promote again`,
    );
  }
  // That freight's tags alone when the freight index knows it; every freight's otherwise.
  const snap =
    (await o.store.promotionRecords(o.project.name, (entries) =>
      entries.some((e) => e.freightId === record.freight) ? new Set([record.freight]) : undefined,
    )) ?? (await o.store.snapshot(o.project.name));
  const freight = snap.freight.find((f) => f.id === record.freight);
  if (!freight) {
    throw new OperationError(
      `freight ${record.freight} of pull request #${pr.number} is not recorded`,
    );
  }
  const alias = stepAlias(wait, record.wait);
  const statuses: StepStatus[] = [...record.statuses.slice(0, -1), 'Succeeded'];
  const done = await runSteps(
    stage.promotionTemplate,
    {
      worktree: scratchDir,
      project: o.project.name,
      stage: stage.name,
      freight,
      freightCollection: [freight],
      ...stepServices(o),
      promotion: record.promotion,
      actor: o.promotedBy,
      uiBaseUrl: o.run ?? '',
      ...(o.expressionData ? { data: o.expressionData } : {}),
      resume: {
        from: record.wait + 1,
        statuses,
        outputs: {
          ...record.outputs,
          [alias]: {
            pr: { id: pr.number, url: pr.url, open: false, merged: true },
            ...(pr.mergeCommitSha ? { commit: pr.mergeCommitSha } : {}),
          },
        },
      },
    },
    o.registry,
  );
  return {
    pullRequest: ref,
    freight,
    statuses: done.statuses.slice(record.wait + 1),
    outputs: done.outputs,
  };
}
