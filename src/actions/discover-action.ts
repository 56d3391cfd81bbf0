import * as core from '@actions/core';
import { join } from 'node:path';
import { discoveryCredentials } from '../discovery/credentials.js';
import { discoverMarkdown } from '../discovery/report.js';
import { promotionsMatrix, runDiscover, runFailures } from '../discovery/run.js';
import { createSources, DISCOVERY_DEFAULTS } from '../discovery/sources.js';
import { pickProjects, validProjects } from '../status/repo.js';
import { ConfigError, OperationError } from '../util/errors.js';
import { Output } from './constants.js';
import { githubApi, openActionRepo } from './repo.js';
import type { DiscoverSettings, RunnerContext } from './settings.js';

/** The discover action: settings in; the core; outputs and the job summary out. */
export async function discoverAction(s: DiscoverSettings, ctx: RunnerContext): Promise<void> {
  const cacheDir = join(ctx.tempDir, 'gantry');
  const repo = await openActionRepo(s, ctx);
  const all = await validProjects(repo);
  const projects = pickProjects(all, s.project);
  const creds = discoveryCredentials({
    dockerConfigPath: ctx.dockerConfigPath,
    githubToken: s.token,
    githubHost: new URL(ctx.serverUrl).host,
  });
  // The input's credentials win over the Docker config's for the same host.
  for (const [host, c] of s.registryCredentials) creds.registryCredentials.set(host, c);
  const log = { info: (l: string) => core.info(l), warn: (l: string) => core.warning(l) };
  const sources = createSources({
    ...creds,
    gitEnv: ctx.env,
    cacheDir: join(cacheDir, 'discovery'),
    ...DISCOVERY_DEFAULTS,
    log,
  });
  let dispatch: Parameters<typeof runDiscover>[0]['dispatch'];
  if (s.dispatchWorkflow) {
    if (!s.token)
      throw new ConfigError('input "dispatch-workflow" needs a token with actions: write');
    // The promote workflow lives beside the project files: in the GitOps repository when it is
    // named as owner/name and is not the repository running this workflow, on its default branch;
    // otherwise in this repository, on the branch this run is on.
    const elsewhere = s.repository && s.repository !== ctx.repository ? s.repository : undefined;
    const [owner, name] = (elsewhere ?? ctx.repository ?? '').split('/');
    if (!owner || !name) {
      throw new ConfigError(
        'input "dispatch-workflow" needs GITHUB_REPOSITORY (run it in a workflow)',
      );
    }
    const ref = elsewhere ? await repo.store.defaultBranch() : ctx.refBranch;
    if (!ref) {
      throw new ConfigError(
        'input "dispatch-workflow" needs the workflow to run on a branch (it starts the workflow on the same branch)',
      );
    }
    const github = githubApi(`${owner}/${name}`, s.token, ctx);
    if (!github) throw new ConfigError('input "dispatch-workflow" needs a token');
    dispatch = {
      github,
      ref,
      withProject: all.length > 1,
      workflow: s.dispatchWorkflow,
    };
  }
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
    const failures = runFailures(run);
    if (failures.length) throw new OperationError(failures.join('\n'));
  } finally {
    await sources.close();
  }
}
