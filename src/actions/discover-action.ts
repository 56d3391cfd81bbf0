import * as core from '@actions/core';
import { join } from 'node:path';
import { discoveryCredentials } from '../discovery/credentials.js';
import { discoverMarkdown } from '../discovery/report.js';
import { promotionsMatrix, runDiscover, runFailures } from '../discovery/run.js';
import { createSources, DISCOVERY_DEFAULTS, type LiveSources } from '../discovery/sources.js';
import type { DiscoveryLog } from '../discovery/types.js';
import { projectFileTexts } from '../app/repo.js';
import { discoverProjects } from '../discovery/projects.js';
import { OperationError } from '../util/errors.js';
import { Output } from './constants.js';
import { actionLog } from './log.js';
import { maskRegistryCredential } from './mask.js';
import { dispatchTarget, openActionRepo } from './repo.js';
import { appendPipelineSummary } from './summary.js';
import type { DiscoverSettings, RunnerContext } from './settings.js';

/**
 * The registry, chart and git sources as an action reaches them: the Docker config's logins
 * (masked), overridden per host by the registry-credentials input; the token for git on this
 * GitHub server.
 */
export function actionSources(
  s: Pick<DiscoverSettings, 'token' | 'registryCredentials'>,
  ctx: RunnerContext,
  cacheDir: string,
): { sources: LiveSources; log: DiscoveryLog } {
  const creds = discoveryCredentials({
    dockerConfigPath: ctx.dockerConfigPath,
    githubToken: s.token,
    githubHost: new URL(ctx.serverUrl).host,
  });
  // The Docker config's credentials are masked as the inputs' were: a registry or a proxy may
  // echo them, in either form, in an error gantry shows.
  for (const c of creds.registryCredentials.values()) maskRegistryCredential(c);
  // The input's credentials win over the Docker config's for the same host.
  for (const [host, c] of s.registryCredentials) creds.registryCredentials.set(host, c);
  const log = { info: actionLog.info, warn: actionLog.warn, group: actionLog.group };
  const trace = actionLog.trace();
  const sources = createSources({
    ...creds,
    gitEnv: ctx.env,
    cacheDir: join(cacheDir, 'discovery'),
    ...DISCOVERY_DEFAULTS,
    log,
    ...(trace ? { trace } : {}),
  });
  return { sources, log };
}

/** The discover action: settings in; the core; outputs and the job summary out. */
export async function discoverAction(s: DiscoverSettings, ctx: RunnerContext): Promise<void> {
  const cacheDir = join(ctx.tempDir, 'gantry');
  const repo = await openActionRepo(s, ctx);
  // A matrix job names its project and parses that file alone (discovery/projects.ts).
  const projects = await discoverProjects(repo, s.project);
  const { sources, log } = actionSources(s, ctx, cacheDir);
  const dispatch = s.dispatchWorkflow
    ? {
        ...(await dispatchTarget(s, s.dispatchWorkflow, ctx, repo)),
        withProject: s.project ? (await projectFileTexts(repo)).length > 1 : projects.length > 1,
      }
    : undefined;
  try {
    const run = await runDiscover({
      projects,
      warehouse: s.warehouse,
      store: repo.store,
      sources,
      dryRun: s.dryRun,
      clock: () => new Date(),
      createdBy: ctx.runUrl ?? 'gantry discover action',
      log,
      dispatch,
    });
    const freight = run.results.flatMap((r) => r.freight);
    core.setOutput(Output.freight, JSON.stringify(freight));
    core.setOutput(Output.newFreight, String(freight.filter((f) => f.new && f.recorded).length));
    core.setOutput(Output.promotions, JSON.stringify(promotionsMatrix(run.results, s.dryRun)));
    await core.summary.addRaw(discoverMarkdown(run, { dryRun: s.dryRun })).write();
    await appendPipelineSummary(repo, projects, actionLog.warn, {
      env: ctx.env,
      fetch: actionLog.fetch(),
    });
    const failures = runFailures(run);
    if (failures.length) throw new OperationError(failures.join('\n'));
  } finally {
    await sources.close();
  }
}
