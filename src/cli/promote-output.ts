import { formatChange } from '../freight/changes.js';
import type { PromoteOutcome } from '../promotion/promote.js';

/** `gantry promote` for a terminal: what was promoted, the commit, the version changes. */
export function promoteText(o: PromoteOutcome, dryRun: boolean): string {
  if (!o.freight || !o.result) return `nothing to promote into ${o.stage}: ${o.note ?? ''}\n`;
  const f = o.freight;
  const r = o.result;
  const lines: string[] = [];
  if (dryRun)
    lines.push(
      `would promote ${f.alias} (${f.id.slice(0, 7)}) into ${o.stage} on ${r.branch}:`,
      '',
      r.diff ?? '',
    );
  else if (!r.changed)
    lines.push(`${o.stage} already runs ${f.alias} (${f.id.slice(0, 7)}); nothing to commit`);
  else
    lines.push(
      `promoted ${f.alias} (${f.id.slice(0, 7)}) into ${o.stage}: commit ${r.commit.slice(0, 7)} on ${r.branch}`,
    );
  if (!dryRun) for (const c of r.changes) lines.push(`  ${formatChange(c)}`);
  if (o.held)
    lines.push(
      `auto-promotion of ${o.stage} is now held: newer freight is available (promote the newest to release it)`,
    );
  return lines.join('\n').replace(/\n*$/, '\n');
}

export function promoteJson(o: PromoteOutcome): Record<string, unknown> {
  return {
    stage: o.stage,
    freight: o.freight ? { id: o.freight.id, alias: o.freight.alias } : null,
    commit: o.result?.commit ?? null,
    branch: o.result?.branch ?? null,
    changed: o.result?.changed ?? false,
    changes: o.result?.changes ?? [],
    held: o.held,
    ...(o.result?.diff ? { diff: o.result.diff } : {}),
    ...(o.note ? { note: o.note } : {}),
  };
}
