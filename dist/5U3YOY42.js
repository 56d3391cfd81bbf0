import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  freightAvailability,
  resolveFreight,
  soakFromHistory
} from "./DUP5K6BV.js";
import {
  dispatchPromotion
} from "./XRG2AIG3.js";
import {
  newestFreight
} from "./VO6IMAWJ.js";
import {
  findStage
} from "./BHM3J3E7.js";
import {
  runAnalysis
} from "./3MYMX5P3.js";
import {
  deploymentDescription,
  deploymentPayload,
  notesFunctions,
  recordedMetadata
} from "./G3KHJPJO.js";
import {
  mdTable,
  settleAll,
  tableCell
} from "./W4ICZBQF.js";
import {
  autoPromotionDecision
} from "./JPLNYXYI.js";
import {
  freightFunctions
} from "./TFABZY5Z.js";
import {
  OperationError,
  errorMessage
} from "./HQMHHTDW.js";

// src/verification/report.ts
var ICON = {
  Successful: "\u2705",
  Failed: "\u274C",
  Inconclusive: "\u2754",
  Error: "\u26A0\uFE0F",
  Skipped: "\u23ED\uFE0F"
};
function headline(o) {
  const f = `${o.freight.alias} (${o.freight.id.slice(0, 7)})`;
  if (o.alreadyVerified) return `${f} was already verified in ${o.stage}; nothing to do`;
  if (o.verified)
    return o.analysis ? `verified ${f} in ${o.stage}: ${o.analysis.message}` : `verified ${f} in ${o.stage} (the stage has no verification: verified once promoted)`;
  return `verification of ${f} in ${o.stage} ${o.phase === "Failed" ? "failed" : `ended ${o.phase}`}: ${o.analysis?.message ?? ""}`;
}
function downstreamLine(d) {
  const f = d.freight ? `${d.freight.alias} (${d.freight.id.slice(0, 7)})` : "";
  if (d.due) {
    const started = d.dispatched ? d.dispatched.error ? `; could not start ${d.dispatched.workflow}: ${d.dispatched.error}` : `; started ${d.dispatched.workflow}` : "";
    return `${d.stage}: ${f} is due${started}`;
  }
  const when = d.availableAt && !d.reason?.includes("available at") ? ` (available at ${d.availableAt})` : "";
  return `${d.stage}: ${f ? `${f} ` : ""}not due: ${d.reason ?? ""}${when}`;
}
function verifyMarkdown(o) {
  const md = [
    `## gantry verify ${o.stage}`,
    "",
    `${ICON[o.phase] ?? ""} ${tableCell(headline(o))}`
  ];
  md.push("", `Commit \`${o.commit.slice(0, 7)}\`.`);
  if (o.analysis?.metrics.length) {
    const rows = o.analysis.metrics.flatMap(
      (m) => m.measurements.length ? [
        ...m.measurements.map((x, i) => [
          i === 0 ? m.name : "",
          String(i + 1),
          `${ICON[x.phase] ?? ""} ${x.phase}`,
          x.value ?? "",
          x.message ?? ""
        ]),
        [`**${m.name}**`, "", `**${m.phase}**`, "", m.message]
      ] : [[m.name, "", `${ICON[m.phase] ?? ""} ${m.phase}`, "", m.message]]
    );
    md.push("", ...mdTable(["metric", "#", "phase", "value", "why"], rows));
    md.push("", `**Decision: ${o.phase}.** ${tableCell(o.analysis.message)}`);
  }
  if (o.downstream.length) {
    md.push("", "**Next stages**", "");
    for (const d of o.downstream) md.push(`- ${tableCell(downstreamLine(d))}`);
  }
  for (const w of o.warnings) md.push("", "> [!WARNING]", `> ${tableCell(w)}`);
  return md.join("\n");
}
function verifyText(o) {
  const lines = [headline(o)];
  for (const m of o.analysis?.metrics ?? []) {
    lines.push(`  ${m.name} (${m.provider}): ${m.phase}${m.message ? ` \u2014 ${m.message}` : ""}`);
    m.measurements.forEach((x, i) => {
      const value = x.value ? ` ${x.value}` : "";
      const why = x.message ? ` (${x.message})` : "";
      lines.push(`    #${i + 1} ${x.phase}${value}${why}`);
    });
  }
  for (const d of o.downstream) lines.push(`next: ${downstreamLine(d)}`);
  for (const w of o.warnings) lines.push(`warning: ${w}`);
  return lines.join("\n") + "\n";
}
function verifyJson(o) {
  return {
    stage: o.stage,
    freight: { id: o.freight.id, alias: o.freight.alias },
    commit: o.commit,
    result: o.phase,
    verified: o.verified,
    alreadyVerified: o.alreadyVerified,
    metrics: o.analysis?.metrics ?? [],
    message: o.analysis?.message ?? null,
    downstream: o.downstream,
    ...o.deployment ? { deployment: o.deployment } : {},
    warnings: o.warnings
  };
}

// src/verification/verify.ts
function recordSummary(analysis) {
  if (!analysis) return ["no verification configured: verified when the promotion landed"];
  return analysis.metrics.map(
    (m) => `${m.name}: ${m.phase} (${m.successful} successful, ${m.failed} failed, ${m.inconclusive} inconclusive, ${m.error} errors)`
  );
}
async function verify(o) {
  const view = await readView(o);
  const { analysis, phase } = view.before ? { phase: "Successful" } : await measure(o, view);
  const record = phase === "Successful" && !view.before ? await recordVerified(o, view, analysis) : void 0;
  const outcome = {
    stage: view.stage.name,
    freight: view.freight,
    commit: view.commit,
    phase,
    ...analysis ? { analysis } : {},
    alreadyVerified: Boolean(view.before),
    verified: phase === "Successful",
    downstream: [],
    warnings: []
  };
  await mirrorOnDeployment(o, view, outcome);
  if (outcome.verified) await continueChain(o, view, outcome, record);
  return outcome;
}
async function readView(o) {
  const stage = findStage(o.project, o.stage);
  const branches = await o.store.stageBranches(o.project.stages);
  const [snap, states, history] = await settleAll([
    o.store.snapshot(o.project.name),
    o.store.stageStates(o.project.name, o.project.stages),
    o.store.promotions(o.project.name, branches, 200)
  ]);
  const state = states.get(stage.name);
  const ours = history.filter((p) => p.project === o.project.name && p.stage === stage.name);
  const latest = ours[0];
  let freight;
  if (o.freight) freight = resolveFreight(o.freight, snap.freight);
  else {
    const id = latest?.freightId ?? state?.freight[0]?.id;
    const found = id ? snap.freight.find((f) => f.id === id) : void 0;
    if (!found) {
      throw new OperationError(
        `${stage.name} runs no freight gantry knows of: promote something into it first`
      );
    }
    freight = found;
  }
  if (!state?.freight.some((f) => f.id === freight.id)) {
    const running = state?.freight.map((f) => f.alias ?? f.id.slice(0, 7)).join(", ") || "nothing";
    throw new OperationError(
      `freight ${freight.alias} (${freight.id.slice(0, 7)}) is not running in ${stage.name} (it runs ${running}); promote it first, or merge its pull request`
    );
  }
  const promotion = ours.find((p) => p.freightId === freight.id);
  if (!promotion) {
    throw new OperationError(
      `cannot find the commit that promoted ${freight.alias} into ${stage.name} in the last ${history.length} promotions`
    );
  }
  const commit = await o.store.branchTip(stage.branch);
  const before = snap.verifications.find(
    (v) => v.project === o.project.name && v.stage === stage.name && v.freightId === freight.id
  );
  return { stage, snap, states, history, freight, promotion, commit, before };
}
async function measure(o, { stage, freight, commit, snap, states }) {
  if (!stage.verification.length) return { phase: "Successful" };
  o.log(
    `verifying ${freight.alias} in ${stage.name} at ${commit.slice(0, 7)}: ${stage.verification.length} metric(s)`
  );
  const running = states.get(stage.name)?.freight ?? [];
  const analysis = await runAnalysis({
    metrics: stage.verification,
    providers: o.providers,
    target: {
      project: o.project.name,
      stage: stage.name,
      freightId: freight.id,
      freightAlias: freight.alias,
      commit
    },
    fetch: o.fetch,
    // The freight the stage runs, for imageFrom(), chartFrom() and commitFrom() in templates.
    // What set-metadata recorded, for freightMetadata() and stageMetadata(), as in Kargo.
    functions: {
      ...freightFunctions(
        snap.freight.filter((f) => running.some((c) => c.id === f.id)),
        o.log
      ),
      ...notesFunctions(recordedMetadata(snap, states))
    },
    env: o.env,
    secrets: o.secrets,
    log: o.log,
    ...o.group ? { group: o.group } : {},
    clock: o.clock,
    ...o.sleep ? { sleep: o.sleep } : {},
    ...o.timeoutMs !== void 0 ? { timeoutMs: o.timeoutMs } : {},
    ...o.github ? { github: o.github } : {}
  });
  return { analysis, phase: analysis.phase };
}
async function recordVerified(o, { stage, freight, promotion }, analysis) {
  const record = {
    project: o.project.name,
    stage: stage.name,
    freightId: freight.id,
    alias: freight.alias,
    verifiedAt: o.clock().toISOString(),
    verifiedBy: o.verifiedBy,
    ...o.run ? { run: o.run } : {},
    summary: recordSummary(analysis),
    commit: promotion.commit
  };
  await o.store.recordVerification(record);
  return record;
}
async function mirrorOnDeployment(o, view, outcome) {
  const { before, promotion } = view;
  const repromoted = before?.commit !== void 0 && before.commit !== promotion.commit;
  if (!o.github || before && !repromoted) return;
  try {
    outcome.deployment = await markDeployment(o.github, view, outcome, o);
  } catch (err) {
    const msg = `GitHub did not record the verification on the deployment: ${errorMessage(err)}`;
    outcome.warnings.push(msg);
    o.log(`warning: ${msg}`);
  }
}
async function continueChain(o, { stage, freight, snap, states, history, before }, outcome, record) {
  const verifications = record ? [...snap.verifications, record] : snap.verifications;
  const now = o.clock();
  const facts = {
    verifications,
    approvals: snap.approvals,
    project: o.project.name,
    ...soakFromHistory(history, snap.freight, now, states)
  };
  outcome.downstream = downstreamOf(o.project, stage, freight, snap.freight, facts, states, now);
  if (!o.dispatch || before) return;
  for (const d of outcome.downstream.filter((x) => x.due && x.freight)) {
    d.dispatched = { workflow: o.dispatch.workflow };
    const error = await dispatchPromotion(o.dispatch, {
      project: o.project.name,
      stage: d.stage,
      freight: d.freight?.id ?? ""
    });
    if (error === void 0) {
      o.log(`started ${o.dispatch.workflow} for ${d.stage} with ${d.freight?.alias}`);
    } else {
      d.dispatched.error = error;
      outcome.warnings.push(`could not start ${o.dispatch.workflow} for ${d.stage}: ${error}`);
    }
  }
}
function downstreamOf(project, stage, freight, allFreight, facts, states, now) {
  const out = [];
  for (const next of project.stages) {
    const req = next.requestedFreight.find(
      (r) => r.origin.name === freight.origin.name && r.sources.stages.includes(stage.name)
    );
    if (!req) continue;
    const state = states.get(next.name);
    const own = freightAvailability(next, freight, facts, now);
    const available = req.sources.selectionPolicy === "MatchUpstream" ? own.available ? [freight] : [] : allFreight.filter(
      (f) => f.origin.name === freight.origin.name && freightAvailability(next, f, facts, now).available
    );
    const candidate = newestFreight(available);
    const entry = { stage: next.name, due: false };
    if (candidate) entry.freight = { id: candidate.id, alias: candidate.alias };
    const decision = autoPromotionDecision({
      autoPromotion: next.autoPromotion,
      state,
      origin: freight.origin.name,
      candidate
    });
    if (!candidate) {
      entry.freight = { id: freight.id, alias: freight.alias };
      entry.reason = own.reasons.join("; ") || "not available yet";
      if (own.availableAt) entry.availableAt = own.availableAt.toISOString();
    } else if (decision.due) entry.due = true;
    else entry.reason = decision.reason;
    out.push(entry);
  }
  return out;
}
async function markDeployment(github, { stage, freight, commit, promotion }, outcome, o) {
  const find = async (sha) => (await github.listDeployments({ sha, environment: stage.environment }))[0];
  const existing = await find(promotion.commit) ?? (commit !== promotion.commit ? await find(commit) : void 0);
  const deployment = existing ?? await github.createDeployment({
    ref: commit,
    environment: stage.environment,
    description: deploymentDescription(freight, []),
    payload: deploymentPayload(o.project.name, stage.name, freight, promotion.branch, [])
  });
  const state = outcome.phase === "Successful" ? "success" : outcome.phase === "Failed" ? "failure" : "error";
  const description = outcome.phase === "Successful" ? outcome.alreadyVerified ? `verified ${freight.alias} before` : `verified ${freight.alias}` : `verification ${outcome.phase.toLowerCase()}: ${outcome.analysis?.message ?? ""}`;
  await github.createDeploymentStatus({
    deploymentId: deployment.id,
    state,
    description,
    ...stage.environmentUrl && state === "success" ? { environmentUrl: stage.environmentUrl } : {},
    ...o.run ? { logUrl: o.run } : {}
  });
  return { id: deployment.id, state };
}

export {
  verifyMarkdown,
  verifyText,
  verifyJson,
  verify
};
