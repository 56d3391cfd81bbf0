import * as core from '@actions/core';
import { promote, type PromoteGitHub } from '../promotion/promote.js';
import { promotionMarkdown } from '../promotion/report.js';
import { defaultRegistry } from '../promotion/steps/registry.js';
import { promotionRegistryCredentials } from '../discovery/credentials.js';
import { ConfigError } from '../util/errors.js';
import { expressionDataFromEnv, secretValues } from '../promotion/expr-data.js';
import { Output } from './constants.js';
import { actionLog } from './log.js';
import { maskRegistryCredential } from './mask.js';
import { githubApi, openActionRepo, singleProject } from './repo.js';
import { appendPipelineSummary } from './summary.js';
import type { PromoteSettings, RunnerContext } from './settings.js';

/** The promote action: settings in; the core; outputs and the job summary out. */
export async function promoteAction(s: PromoteSettings, ctx: RunnerContext): Promise<void> {
  // The inputs, when given, say where Argo CD is; else the job's ARGOCD_SERVER and ARGOCD_AUTH_TOKEN.
  const env = {
    ...ctx.env,
    ...(s.argocdServer !== undefined && { ARGOCD_SERVER: s.argocdServer }),
    ...(s.argocdToken !== undefined && { ARGOCD_AUTH_TOKEN: s.argocdToken }),
  };
  // secret() and friends read GANTRY_SECRET_* and the like, which the workflow maps explicitly.
  const expressionData = expressionDataFromEnv(ctx.env);
  // A JSON secret is masked by the runner only whole; each value is masked on its own too, unless
  // it is so short (a username such as "app") that masking it would shred the log (as Redactor).
  for (const v of secretValues(expressionData)) if (v.length >= 4) core.setSecret(v);
  // oci-download and oci-push use the registries as discovery does: the Docker config (what
  // docker/login-action writes) and the token for ghcr.io; masked as discovery masks them.
  const registryCredentials = promotionRegistryCredentials(
    {
      dockerConfigPath: ctx.dockerConfigPath,
      githubToken: s.token,
      githubHost: new URL(ctx.serverUrl).host,
    },
    actionLog.warn,
  );
  for (const c of registryCredentials.values()) maskRegistryCredential(c);
  const repo = await openActionRepo(s, ctx);
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
  const outcome = await promote({
    project,
    stage: s.stage,
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
  });
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
