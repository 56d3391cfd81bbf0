import type { PromoteOutcome } from '../promotion/promote.js';
import type { StageResult } from '../promotion/promote-many.js';
import { promotionText } from '../promotion/report.js';

/** `gantry promote` for a terminal: see promotion/report.ts. */
export const promoteText = promotionText;

export function promoteJson(o: PromoteOutcome): Record<string, unknown> {
  return {
    stage: o.stage,
    freight: o.freight ? { id: o.freight.id, alias: o.freight.alias } : null,
    commit: o.result?.commit ?? null,
    branch: o.result?.branch ?? null,
    changed: o.result?.changed ?? false,
    changes: o.result?.changes ?? [],
    edits: o.result?.edits ?? [],
    held: o.held,
    ...(o.result?.pullRequest ? { pullRequest: o.result.pullRequest } : {}),
    ...(o.approvedBy ? { approvedBy: o.approvedBy } : {}),
    ...(o.deployment ? { deployment: o.deployment } : {}),
    warnings: o.warnings,
    ...(o.result?.diff ? { diff: o.result.diff } : {}),
    ...(o.note ? { note: o.note } : {}),
  };
}

/** Several stages: each stage's result under its name, a failed one with its reason. */
export function promoteManyText(results: readonly StageResult[], dryRun: boolean): string {
  const parts = results.map((r) =>
    r.outcome ? promoteText(r.outcome, dryRun) : `${r.stage}: not promoted: ${r.error ?? ''}\n`,
  );
  const failed = results.filter((r) => r.error).map((r) => r.stage);
  const summary = failed.length
    ? `${failed.length} of ${results.length} stages failed: ${failed.join(', ')}\n`
    : `${results.length} stages: all ${dryRun ? 'checked' : 'promoted or up to date'}\n`;
  return [...parts, summary].join('\n');
}

export function promoteManyJson(results: readonly StageResult[]): string {
  const doc = {
    results: results.map((r) =>
      r.outcome
        ? { ok: true, ...promoteJson(r.outcome) }
        : { ok: false, stage: r.stage, error: r.error ?? '' },
    ),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
