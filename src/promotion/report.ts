/**
 * What a promotion did, for people: the job summary (Markdown, rendered by GitHub) and the
 * terminal. Both show the version changes old → new and where the change went (commit or PR).
 */
import { changesTable, formatChange } from '../freight/changes.js';
import type { PromoteOutcome } from './promote.js';
import { tableCell } from '../util/markdown.js';

export interface PromotionReportOptions {
  dryRun: boolean;
  /** `https://github.com/owner/name`, to link the commit. */
  repoWebUrl?: string;
}

export function promotionMarkdown(o: PromoteOutcome, opts: PromotionReportOptions): string {
  const md = [`## gantry promote ${o.stage}${opts.dryRun ? ' (dry run)' : ''}`, ''];
  const f = o.freight;
  const r = o.result;
  if (!f || !r) {
    md.push(`Nothing to promote: ${o.note ?? ''}.`);
    return md.join('\n');
  }
  const freight = `**${tableCell(f.alias)}** (\`${f.id.slice(0, 7)}\`)`;
  const commit = opts.repoWebUrl
    ? `[\`${r.commit.slice(0, 7)}\`](${opts.repoWebUrl}/commit/${r.commit})`
    : `\`${r.commit.slice(0, 7)}\``;
  if (opts.dryRun) md.push(`Would promote ${freight} on \`${r.branch}\`.`);
  else if (!r.changed) md.push(`**${o.stage}** already runs ${freight}; nothing to commit.`);
  else if (r.pullRequest) {
    md.push(
      `${r.pullRequest.created ? 'Opened' : 'Updated'} [pull request #${r.pullRequest.number}](${r.pullRequest.url}) to promote ${freight} into \`${r.branch}\` (commit ${commit}). Merging it is the promotion.`,
    );
  } else md.push(`Promoted ${freight}: commit ${commit} on \`${r.branch}\`.`);
  if (r.changes.length) {
    md.push('', ...changesTable(r.changes));
  }
  if (r.edits.length) md.push('', '**Changes made by the steps**', '', ...r.edits.map(tableCell));
  if (o.approvedBy?.length) md.push('', `Approved by ${o.approvedBy.map(tableCell).join(', ')}.`);
  if (o.deployment)
    md.push(
      '',
      `Recorded as a deployment to the \`${tableCell(o.deployment.environment)}\` environment.`,
    );
  if (opts.dryRun && r.diff) md.push('', '```diff', r.diff.trimEnd(), '```');
  if (o.held)
    md.push('', `Auto-promotion of **${o.stage}** is now held: newer freight is available.`);
  for (const w of o.warnings) md.push('', `> [!WARNING]`, `> ${tableCell(w)}`);
  return md.join('\n');
}

export function promotionText(o: PromoteOutcome, dryRun: boolean): string {
  if (!o.freight || !o.result) return `nothing to promote into ${o.stage}: ${o.note ?? ''}\n`;
  const f = o.freight;
  const r = o.result;
  const name = `${f.alias} (${f.id.slice(0, 7)})`;
  const lines: string[] = [];
  if (dryRun) lines.push(`would promote ${name} into ${o.stage} on ${r.branch}:`, '', r.diff ?? '');
  else if (!r.changed) lines.push(`${o.stage} already runs ${name}; nothing to commit`);
  else if (r.pullRequest)
    lines.push(
      `${r.pullRequest.created ? 'opened' : 'updated'} pull request #${r.pullRequest.number} to promote ${name} into ${o.stage} (${r.branch}): ${r.pullRequest.url}`,
    );
  else
    lines.push(`promoted ${name} into ${o.stage}: commit ${r.commit.slice(0, 7)} on ${r.branch}`);
  if (!dryRun) {
    for (const c of r.changes) lines.push(`  ${formatChange(c)}`);
    for (const e of r.edits) lines.push(`  ${e.replace(/^- /, '')}`);
  }
  if (o.held)
    lines.push(
      `auto-promotion of ${o.stage} is now held: newer freight is available (promote the newest to release it)`,
    );
  for (const w of o.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n').replace(/\n*$/, '\n');
}
