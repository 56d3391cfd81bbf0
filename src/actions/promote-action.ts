import * as core from '@actions/core';
import { formatChange } from '../freight/changes.js';
import { promote } from '../promotion/promote.js';
import { defaultRegistry } from '../promotion/steps/registry.js';
import { Output } from './constants.js';
import { openActionRepo, singleProject } from './repo.js';
import type { PromoteSettings, RunnerContext } from './settings.js';

/** The promote action (direct mode): settings in; the core; outputs and the job summary out. */
export async function promoteAction(s: PromoteSettings, ctx: RunnerContext): Promise<void> {
  const repo = await openActionRepo(s, ctx);
  const project = await singleProject(repo, s.project);
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
    fetch,
    log: (l) => core.info(l),
  });
  const r = outcome.result;
  const f = outcome.freight;
  core.setOutput(Output.freight, f?.id ?? '');
  core.setOutput(Output.commit, r && !s.dryRun ? r.commit : '');
  core.setOutput(Output.pullRequestUrl, '');
  core.setOutput(Output.changed, String(Boolean(r?.changed && !s.dryRun)));
  const md = [`## gantry promote ${s.stage}${s.dryRun ? ' (dry run)' : ''}`, ''];
  if (!f || !r) md.push(`Nothing to promote: ${outcome.note ?? ''}.`);
  else {
    md.push(
      s.dryRun
        ? `Would promote **${f.alias}** (\`${f.id.slice(0, 7)}\`) on \`${r.branch}\`.`
        : r.changed
          ? `Promoted **${f.alias}** (\`${f.id.slice(0, 7)}\`): commit \`${r.commit.slice(0, 7)}\` on \`${r.branch}\`.`
          : `**${s.stage}** already runs **${f.alias}**; nothing to commit.`,
    );
    if (r.changes.length)
      md.push(
        '',
        '| artifact | change |',
        '| --- | --- |',
        ...r.changes.map(
          (c) => `| \`${c.artifact}\` | ${formatChange(c).slice(c.artifact.length + 2)} |`,
        ),
      );
    if (s.dryRun && r.diff) md.push('', '```diff', r.diff.trimEnd(), '```');
    if (outcome.held)
      md.push('', `Auto-promotion of **${s.stage}** is now held: newer freight is available.`);
  }
  await core.summary.addRaw(md.join('\n') + '\n').write();
}
