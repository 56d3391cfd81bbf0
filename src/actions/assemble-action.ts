import * as core from '@actions/core';
import { join } from 'node:path';
import { assembleFreight } from '../discovery/assemble.js';
import { versionsOf } from '../status/views.js';
import { Output } from './constants.js';
import { actionSources } from './discover-action.js';
import { openActionRepo, singleProject } from './repo.js';
import type { AssembleSettings, RunnerContext } from './settings.js';

/** `command: assemble`: freight from the versions the inputs name; outputs and summary out. */
export async function assembleAction(s: AssembleSettings, ctx: RunnerContext): Promise<void> {
  const repo = await openActionRepo(s, ctx);
  const project = await singleProject(repo, s.project);
  const { sources } = actionSources(s, ctx, join(ctx.tempDir, 'gantry'));
  try {
    const r = await assembleFreight({
      project,
      warehouse: s.warehouse,
      images: s.images,
      charts: s.charts,
      commits: s.commits,
      store: repo.store,
      sources: sources.assembly,
      clock: () => new Date(),
      createdBy: ctx.runUrl ?? 'gantry assemble action',
      dryRun: s.dryRun,
    });
    const f = r.freight;
    const what = r.dryRun ? 'would record' : r.created ? 'recorded' : 'already recorded';
    core.info(`${what}: freight ${f.alias} (${f.id.slice(0, 7)}) from warehouse ${r.warehouse}`);
    core.setOutput(Output.freight, f.id);
    core.setOutput(Output.newFreight, r.created ? '1' : '0');
    await core.summary
      .addRaw(
        `### Freight ${what}\n\n\`${f.alias}\` (\`${f.id.slice(0, 7)}\`) from warehouse \`${r.warehouse}\` of ${r.project}: ${versionsOf(f)}\n`,
      )
      .write();
  } finally {
    await sources.close();
  }
}
