import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  promotionFreightIds
} from "./4SXL3VLH.js";
import {
  resolveFreight
} from "./DUP5K6BV.js";
import {
  didYouMean
} from "./TFE6LUOK.js";
import {
  ConfigError
} from "./HQMHHTDW.js";

// src/promotion/approve.ts
var oneLine = (v) => v.replace(/[\r\n]+/g, " ").trim();
async function approveFreight(o) {
  const stage = o.project.stages.find((s) => s.name === o.stage);
  if (!stage) {
    const names = o.project.stages.map((s) => s.name);
    throw new ConfigError(
      `stage "${o.stage}" does not exist in project ${o.project.name}${didYouMean(o.stage, names)}; its stages are ${names.join(", ") || "(none)"}`
    );
  }
  const approvedBy = oneLine(o.approvedBy);
  if (!approvedBy) throw new ConfigError("an approval needs the name of who approves it");
  const reason = o.reason === void 0 ? void 0 : oneLine(o.reason) || void 0;
  const ref = o.freightRef;
  const snap = await o.store.promotionRecords?.(
    o.project.name,
    (entries, aliasNoteIds) => promotionFreightIds(ref, entries, aliasNoteIds)
  ) ?? await o.store.snapshot(o.project.name);
  const freight = resolveFreight(o.freightRef, snap.freight);
  const requested = stage.requestedFreight.map((r) => r.origin.name);
  if (!requested.includes(freight.origin.name)) {
    throw new ConfigError(
      `stage ${stage.name} does not request freight from warehouse ${freight.origin.name} (freight ${freight.alias} comes from it); ${stage.name} requests ${requested.join(", ") || "no warehouse"}`
    );
  }
  const existing = snap.approvals.find((a) => a.stage === stage.name && a.freightId === freight.id);
  if (existing) return { created: false, record: existing };
  const record = {
    project: o.project.name,
    stage: stage.name,
    freightId: freight.id,
    alias: freight.alias,
    approvedAt: o.clock().toISOString(),
    approvedBy,
    ...reason ? { reason } : {}
  };
  const res = await o.store.recordApproval(record);
  if (res.created) return { created: true, record };
  const again = await o.store.snapshot(o.project.name);
  const theirs = again.approvals.find((a) => a.stage === stage.name && a.freightId === freight.id);
  return { created: false, record: theirs ?? record };
}

export {
  approveFreight
};
