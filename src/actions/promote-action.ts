import * as core from '@actions/core';
import { promotionRegistryCredentials } from '../discovery/credentials.js';
import { expressionDataFromEnv, secretValues } from '../promotion/expr-data.js';
import { actionLog } from './log.js';
import { maskRegistryCredential } from './mask.js';
import { openActionRepo } from './repo.js';
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
  // The project and the freight named up front: the first fetch brings what the promotion
  // reads, and starts now.
  if (s.freight !== undefined && s.project !== undefined)
    await repo.store.promoteNamedAhead(s.project, s.freight);
  // The promotion's code (the engine, steps, the job summary's reads) loads while it runs.
  const { promoteInRepo } = await import('./promote-action-run.js');
  await promoteInRepo(s, ctx, repo, { env, expressionData, registryCredentials });
}
