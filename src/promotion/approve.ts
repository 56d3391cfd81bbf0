/**
 * Kargo's `kargo approve`: a manual grant of freight to a stage, bypassing upstream verification
 * and soak time. Recorded as the immutable tag `gantry/<project>/approved/<stage>/<freight-id>`.
 */
import type { Project } from '../pipeline/types.js';
import type { ApprovalRecord, StateStore } from '../state/index.js';
import { ConfigError } from '../util/errors.js';
import { didYouMean } from '../util/suggest.js';
import { resolveFreight } from './availability.js';
import { promotionFreightIds } from '../state/promote-reads.js';

export interface ApproveOptions {
  store: Pick<StateStore, 'snapshot' | 'recordApproval'> &
    Partial<Pick<StateStore, 'promotionRecords'>>;
  project: Project;
  stage: string;
  /** Freight ID, unique ID prefix (≥ 7 characters) or alias. */
  freightRef: string;
  /** Who approves: a GitHub login, or the person running the CLI. */
  approvedBy: string;
  reason?: string;
  clock: () => Date;
}

export interface ApproveResult {
  /** False when the freight was already approved for the stage: nothing was written. */
  created: boolean;
  /** The approval as recorded (the earlier one, when it already existed). */
  record: ApprovalRecord;
}

/** Keeps a value to one line, as it appears in `git tag -n` and job summaries. */
const oneLine = (v: string) => v.replace(/[\r\n]+/g, ' ').trim();

export async function approveFreight(o: ApproveOptions): Promise<ApproveResult> {
  const stage = o.project.stages.find((s) => s.name === o.stage);
  if (!stage) {
    const names = o.project.stages.map((s) => s.name);
    throw new ConfigError(
      `stage "${o.stage}" does not exist in project ${o.project.name}${didYouMean(o.stage, names)}; its stages are ${names.join(', ') || '(none)'}`,
    );
  }
  const approvedBy = oneLine(o.approvedBy);
  if (!approvedBy) throw new ConfigError('an approval needs the name of who approves it');
  const reason = o.reason === undefined ? undefined : oneLine(o.reason) || undefined;

  // The named freight's own tags (its approvals among them), not every freight's, when the
  // freight index can say which they are.
  const ref = o.freightRef;
  const snap =
    (await o.store.promotionRecords?.(o.project.name, (entries, aliasNoteIds) =>
      promotionFreightIds(ref, entries, aliasNoteIds),
    )) ?? (await o.store.snapshot(o.project.name));
  const freight = resolveFreight(o.freightRef, snap.freight);
  const requested = stage.requestedFreight.map((r) => r.origin.name);
  if (!requested.includes(freight.origin.name)) {
    throw new ConfigError(
      `stage ${stage.name} does not request freight from warehouse ${freight.origin.name} (freight ${freight.alias} comes from it); ${stage.name} requests ${requested.join(', ') || 'no warehouse'}`,
    );
  }
  const existing = snap.approvals.find((a) => a.stage === stage.name && a.freightId === freight.id);
  if (existing) return { created: false, record: existing };

  const record: ApprovalRecord = {
    project: o.project.name,
    stage: stage.name,
    freightId: freight.id,
    alias: freight.alias,
    approvedAt: o.clock().toISOString(),
    approvedBy,
    ...(reason ? { reason } : {}),
  };
  const res = await o.store.recordApproval(record);
  if (res.created) return { created: true, record };
  // Someone approved it between our read and our write: theirs is the record that stands.
  const again = await o.store.snapshot(o.project.name);
  const theirs = again.approvals.find((a) => a.stage === stage.name && a.freightId === freight.id);
  return { created: false, record: theirs ?? record };
}
