/**
 * The promote action once the repository is open (see ./promote-action.ts): loaded on its own,
 * after the first fetch has started.
 */
import * as core from '@actions/core';
import {
  promote,
  type PromoteGitHub,
  type PromoteOptions,
  type PromoteOutcome,
} from '../promotion/promote.js';
import { downstreamStages, promoteMany, upstreamFreight } from '../promotion/promote-many.js';
import type { Project } from '../pipeline/index.js';
import type { RepoContext } from '../app/repo.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resumeAfterMerge } from '../promotion/resume.js';
import { promotionMarkdown } from '../promotion/report.js';
import { defaultRegistry } from '../promotion/steps/registry.js';
import { ConfigError, OperationError } from '../util/errors.js';
import type { ExpressionData } from '../promotion/expr-data.js';
import type { RegistryCredential } from '../discovery/types.js';
import { Output } from './constants.js';
import { actionLog } from './log.js';
import { githubApi, singleProject } from './repo.js';
import { appendPipelineSummary } from './summary.js';
import type { PromoteSettings, RunnerContext } from './settings.js';

/** The rest of promoteAction: the project, the promotion, outputs and the job summary. */
export async function promoteInRepo(
  s: PromoteSettings,
  ctx: RunnerContext,
  repo: RepoContext,
  given: {
    env: Readonly<Record<string, string | undefined>>;
    expressionData: ExpressionData;
    registryCredentials: Map<string, RegistryCredential>;
  },
): Promise<void> {
  const { env, expressionData, registryCredentials } = given;
  const project = await singleProject(repo, s.project);
  const api = githubApi(s.repository, s.token, ctx);
  if (s.signCommits && !api) {
    throw new ConfigError(
      'input "sign-commits" needs the GitOps repository on this GitHub server (repository: owner/name) and a token',
    );
  }
  const runApi = githubApi(ctx.repository, s.token, ctx);
  const github: PromoteGitHub | undefined = api && {
    repo: api,
    signCommits: s.signCommits,
    deployments: s.deployments,
  };
  // The environments that gate jobs belong to the repository running this workflow, wherever
  // the GitOps repository is.
  const gate =
    runApi && ctx.runId !== undefined
      ? { api: runApi, id: ctx.runId, ...(ctx.sha ? { sha: ctx.sha } : {}) }
      : undefined;
  if (ctx.runId !== undefined && !gate) {
    actionLog.warn(
      `the gate of stage ${s.stage} was not checked: reading the environment's protection rules needs the token input and GITHUB_REPOSITORY`,
    );
  }
  const options: Omit<PromoteOptions, 'stage'> = {
    project,
    freight: s.freight,
    store: repo.store,
    registry: defaultRegistry(),
    mode: s.mode,
    dryRun: s.dryRun,
    promotedBy: ctx.actor ?? 'github-actions',
    run: ctx.runUrl,
    clock: () => new Date(),
    fetch: actionLog.fetch(),
    log: actionLog.info,
    group: actionLog.group,
    env,
    expressionData,
    registryCredentials,
    ...(github ? { github } : {}),
    ...(gate ? { gate } : {}),
  };
  if (s.resumePullRequest !== undefined) {
    if (!github) {
      throw new ConfigError(
        `input "resume-pull-request" needs the GitOps repository on this GitHub server (repository: owner/name) and a token`,
      );
    }
    const scratch = await mkdtemp(join(tmpdir(), 'gantry-resume-'));
    try {
      // The rest of a template that already ran, with the promotion's own settings.
      const { freight: _freight, ...rest } = options;
      const r = await resumeAfterMerge(
        { ...rest, github, stage: s.stage, pullRequest: s.resumePullRequest },
        scratch,
      );
      actionLog.info(
        r.note ??
          `ran the steps after the wait of pull request #${r.pullRequest.number}: ${(r.statuses ?? []).join(', ')}`,
      );
      core.setOutput(Output.freight, r.freight?.id ?? '');
      core.setOutput(Output.commit, '');
      core.setOutput(Output.pullRequestUrl, r.pullRequest.url);
      core.setOutput(Output.changed, 'false');
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    return;
  }
  const stages = s.downstreamOf
    ? downstreamStages(project, s.downstreamOf)
    : (s.stages ?? [s.stage]);
  if (stages.length > 1 || s.downstreamOf) {
    await promoteSeveral(s, ctx, repo, project, options, stages, env);
    return;
  }
  const outcome = await promote({ ...options, stage: stages[0] ?? s.stage });
  core.setOutput(Output.results, JSON.stringify([resultOf(outcome.stage, outcome)]));
  for (const w of outcome.warnings) actionLog.warn(w);
  const r = outcome.result;
  core.setOutput(Output.freight, outcome.freight?.id ?? '');
  core.setOutput(Output.commit, r && !s.dryRun ? r.commit : '');
  core.setOutput(Output.pullRequestUrl, r?.pullRequest?.url ?? '');
  core.setOutput(Output.changed, String(Boolean(r?.changed && !s.dryRun)));
  const web = s.repository ? `${ctx.serverUrl}/${s.repository}` : undefined;
  await core.summary
    .addRaw(promotionMarkdown(outcome, { dryRun: s.dryRun, repoWebUrl: web }) + '\n')
    .write();
  await appendPipelineSummary(repo, project, actionLog.warn, { env, fetch: actionLog.fetch() });
}

/** One stage's result as the `results` output lists it. */
function resultOf(stage: string, o: PromoteOutcome | undefined, error?: string) {
  return {
    stage,
    freight: o?.freight?.id ?? '',
    commit: o?.result?.commit ?? '',
    changed: Boolean(o?.result?.changed),
    ...(o?.result?.pullRequest ? { pullRequestUrl: o.result.pullRequest.url } : {}),
    ...(error !== undefined ? { error } : {}),
  };
}

/**
 * Several stages (`stage: a,b`, `downstream-of`): each promoted in turn with its own gates; the
 * outputs and summary cover every stage, and the step fails after writing them when any failed.
 */
async function promoteSeveral(
  s: PromoteSettings,
  ctx: RunnerContext,
  repo: RepoContext,
  project: Project,
  options: Omit<PromoteOptions, 'stage'>,
  stages: string[],
  env: Readonly<Record<string, string | undefined>>,
): Promise<void> {
  const freight =
    options.freight ??
    (s.downstreamOf ? await upstreamFreight(options, s.downstreamOf) : undefined);
  const results = await promoteMany({ ...options, ...(freight ? { freight } : {}) }, stages);
  for (const r of results) for (const w of r.outcome?.warnings ?? []) actionLog.warn(w);
  const ids = new Set(results.map((r) => r.outcome?.freight?.id).filter(Boolean));
  core.setOutput(Output.freight, ids.size === 1 ? [...ids][0] : '');
  core.setOutput(Output.commit, '');
  core.setOutput(Output.pullRequestUrl, '');
  core.setOutput(
    Output.changed,
    String(!s.dryRun && results.some((r) => r.outcome?.result?.changed)),
  );
  core.setOutput(
    Output.results,
    JSON.stringify(results.map((r) => resultOf(r.stage, r.outcome, r.error))),
  );
  const web = s.repository ? `${ctx.serverUrl}/${s.repository}` : undefined;
  const parts = results.map((r) =>
    r.outcome
      ? promotionMarkdown(r.outcome, { dryRun: s.dryRun, repoWebUrl: web })
      : `### ${r.stage}: not promoted\n\n${r.error ?? ''}\n`,
  );
  await core.summary.addRaw(parts.join('\n') + '\n').write();
  await appendPipelineSummary(repo, project, actionLog.warn, { env, fetch: actionLog.fetch() });
  const failed = results.filter((r) => r.error);
  if (failed.length) {
    throw new OperationError(
      `${failed.length} of ${results.length} stages were not promoted: ${failed.map((r) => `${r.stage} (${r.error ?? ''})`).join('; ')}`,
    );
  }
}
