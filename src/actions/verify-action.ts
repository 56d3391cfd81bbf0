import * as core from '@actions/core';
import { defaultProviders } from '../verification/index.js';
import { verifyMarkdown } from '../verification/report.js';
import { verify } from '../verification/verify.js';
import { Output } from './constants.js';
import { actionLog } from './log.js';
import { dispatchTarget, githubApi, openActionRepo, singleProject } from './repo.js';
import { appendPipelineSummary } from './summary.js';
import type { RunnerContext, VerifySettings } from './settings.js';
import { validProjects } from '../app/repo.js';

/** The verify action: settings in; the core; outputs and the job summary out. */
export async function verifyAction(s: VerifySettings, ctx: RunnerContext): Promise<void> {
  const repo = await openActionRepo(s, ctx);
  const all = await validProjects(repo);
  const project = await singleProject(repo, s.project);
  const dispatch = s.dispatchWorkflow
    ? {
        ...(await dispatchTarget(s, s.dispatchWorkflow, ctx, repo)),
        withProject: all.length > 1,
      }
    : undefined;
  const github = githubApi(s.repository, s.token, ctx);
  const outcome = await verify({
    project,
    stage: s.stage,
    freight: s.freight,
    store: repo.store,
    providers: defaultProviders(),
    verifiedBy: ctx.runUrl ?? ctx.actor ?? 'github-actions',
    run: ctx.runUrl,
    fetch: actionLog.fetch(),
    env: ctx.env,
    secrets: s.token ? [s.token] : [],
    clock: () => new Date(),
    timeoutMs: s.timeoutMs,
    log: actionLog.info,
    group: actionLog.group,
    ...(github ? { github } : {}),
    ...(dispatch ? { dispatch } : {}),
  });
  for (const w of outcome.warnings) actionLog.warn(w);
  const due = outcome.downstream
    .filter((d) => d.due && d.freight)
    .map((d) => ({
      project: project.name,
      stage: d.stage,
      freight: d.freight?.id ?? '',
      alias: d.freight?.alias ?? '',
    }));
  core.setOutput(Output.result, outcome.phase);
  core.setOutput(Output.verified, String(outcome.verified));
  core.setOutput(Output.promotions, JSON.stringify({ include: due }));
  await core.summary.addRaw(verifyMarkdown(outcome) + '\n').write();
  await appendPipelineSummary(repo, project, actionLog.warn, {
    env: ctx.env,
    fetch: actionLog.fetch(),
  });
  if (!outcome.verified) {
    core.setFailed(
      `verification of ${outcome.freight.alias} in ${outcome.stage} ended ${outcome.phase}: ${outcome.analysis?.message ?? ''}`,
    );
  }
}
