import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);

// src/status/views.ts
function stageViews(project, snap, states, health) {
  const verified = new Set(snap.verifications.map((v) => `${v.stage}/${v.freightId}`));
  return project.stages.map((stage) => {
    const st = states.get(stage.name);
    const freight = (st?.freight ?? []).map((f) => {
      const alias = snap.freight.find((x) => x.id === f.id)?.alias;
      return alias === void 0 || alias === f.alias ? f : { ...f, alias };
    });
    return {
      project: project.name,
      name: stage.name,
      branch: stage.branch,
      environment: stage.environment,
      freight,
      verified: freight.length ? freight.every((f) => verified.has(`${stage.name}/${f.id}`)) : void 0,
      promotedAt: st?.promotedAt,
      promotedBy: st?.promotedBy,
      ...st?.metadata ? { metadata: st.metadata } : {},
      ...health?.get(stage.name) && { appHealth: health.get(stage.name) }
    };
  });
}
function freightViews(project, snap, states) {
  const current = /* @__PURE__ */ new Map();
  for (const [stage, st] of states) {
    for (const f of st?.freight ?? []) current.set(f.id, [...current.get(f.id) ?? [], stage]);
  }
  return snap.freight.map((f) => ({
    ...f,
    project: project.name,
    status: {
      currentlyIn: Object.fromEntries((current.get(f.id) ?? []).map((s) => [s, {}])),
      verifiedIn: Object.fromEntries(
        snap.verifications.filter((v) => v.freightId === f.id).map((v) => [v.stage, { verifiedAt: v.verifiedAt }])
      ),
      approvedFor: Object.fromEntries(
        snap.approvals.filter((a) => a.freightId === f.id).map((a) => [a.stage, { approvedAt: a.approvedAt, approvedBy: a.approvedBy }])
      ),
      ...snap.freightMetadata?.[f.id] ? { metadata: snap.freightMetadata[f.id] } : {}
    }
  }));
}
function promotionViews(records) {
  return records.map((r) => ({
    project: r.project,
    stage: r.stage,
    freight: { id: r.freightId, alias: r.alias },
    commit: r.commit,
    branch: r.branch,
    promotedBy: r.promotedBy,
    promotedAt: r.promotedAt,
    approvedBy: r.approvedBy,
    run: r.run
  }));
}
function versionsOf(f) {
  const parts = [
    ...f.images.map((i) => `${lastSegment(i.repoURL)}:${i.tag || i.digest.slice(0, 19)}`),
    ...f.charts.map((c) => `${c.name || lastSegment(c.repoURL)}@${c.version}`),
    ...f.commits.map((c) => `${lastSegment(c.repoURL)}#${c.tag ?? c.id.slice(0, 7)}`)
  ];
  return parts.join(", ");
}
var lastSegment = (url) => url.replace(/\/+$/, "").replace(/\.git$/, "").split("/").pop() ?? url;

export {
  stageViews,
  freightViews,
  promotionViews,
  versionsOf
};
