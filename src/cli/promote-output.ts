import type { PromoteOutcome } from '../promotion/promote.js';
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
