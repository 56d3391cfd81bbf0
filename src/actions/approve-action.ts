import * as core from '@actions/core';
import { approveFreight } from '../promotion/approve.js';
import { Output } from './constants.js';
import { actionLog } from './log.js';
import { openActionRepo, singleProject } from './repo.js';
import { appendPipelineSummary } from './summary.js';
import type { ApproveSettings, RunnerContext } from './settings.js';

/** `command: approve`: records an approval tag for (stage, freight), by the run's actor. */
export async function approveAction(s: ApproveSettings, ctx: RunnerContext): Promise<void> {
  const repo = await openActionRepo(s, ctx);
  const project = await singleProject(repo, s.project);
  const { created, record } = await approveFreight({
    store: repo.store,
    project,
    stage: s.stage,
    freightRef: s.freight,
    approvedBy: ctx.actor ?? 'github-actions',
    reason: s.reason ?? (ctx.runUrl ? `approved by ${ctx.runUrl}` : undefined),
    clock: () => new Date(),
  });
  core.setOutput(Output.freight, record.freightId);
  const line = `${created ? 'Approved' : 'Already approved'} **${record.alias}** (\`${record.freightId.slice(0, 7)}\`) for **${record.stage}** by ${record.approvedBy}${record.reason ? `: ${record.reason}` : ''}.`;
  core.info(line.replace(/\*\*|`/g, ''));
  await core.summary.addRaw(`## gantry approve\n\n${line}\n`).write();
  await appendPipelineSummary(repo, project, actionLog.warn, {
    env: ctx.env,
    fetch: actionLog.fetch(),
  });
}
