import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  metricParts,
  renderMetric
} from "./UUREHCQQ.js";
import {
  argocd,
  getApplication,
  isSha,
  oneLine,
  resolveConnection,
  sameRevision,
  scrub,
  short,
  sourceMatches
} from "./CMX6XCKP.js";
import {
  freightFunctions,
  hasExpression
} from "./TFABZY5Z.js";
import {
  errorMessage
} from "./HQMHHTDW.js";

// src/health/assess.ts
var HEALTH_STATUSES = [
  "Healthy",
  "NotApplicable",
  "Progressing",
  "Unknown",
  "Unhealthy"
];
var SEVERITY = {
  Healthy: 0,
  NotApplicable: 1,
  Progressing: 2,
  Unknown: 3,
  Unhealthy: 4
};
function mergeHealth(a, b) {
  return SEVERITY[a] > SEVERITY[b] ? a : b;
}
var FAILED_PHASES = /* @__PURE__ */ new Set(["Failed", "Error"]);
var ERROR_CONDITIONS = /* @__PURE__ */ new Set(["ComparisonError", "InvalidSpecError"]);
var nonEmpty = (xs) => (xs ?? []).filter((x) => typeof x === "string" && x !== "");
var shortList = (xs) => xs.map(short).join(",");
function desiredPerSource(app, wanted) {
  const specSources = app.spec?.sources?.length ? app.spec.sources : app.spec?.source ? [app.spec.source] : [];
  return specSources.map(
    (src) => wanted.sources.find((u) => sourceMatches(u, src))?.desiredRevision ?? ""
  );
}
function assessAppHealth(ref, app, wanted) {
  const status = app.status ?? {};
  const sync = status.sync?.status || "Unknown";
  const revisions = nonEmpty(status.sync?.revisions).length ? nonEmpty(status.sync?.revisions) : nonEmpty([status.sync?.revision]);
  const health = status.health?.status ?? "";
  const op = status.operationState;
  const label = ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
  const wantedList = wanted === void 0 ? [] : "revision" in wanted ? nonEmpty([wanted.revision]) : nonEmpty(desiredPerSource(app, wanted));
  const base = {
    name: ref.name,
    ...ref.namespace !== void 0 && { namespace: ref.namespace },
    health: health || "Unknown",
    sync,
    ...revisions.length && { revision: shortList(revisions) },
    ...wantedList.length && { wanted: shortList(wantedList) }
  };
  const out = (s, issue) => ({
    ...base,
    status: s,
    issues: issue ? [issue] : []
  });
  const why = (text) => text?.trim() ? `: ${oneLine(text)}` : "";
  const finished = op?.finishedAt ? Date.parse(op.finishedAt) : NaN;
  const reconciled = status.reconciledAt ? Date.parse(status.reconciledAt) : NaN;
  if (!Number.isNaN(finished) && (Number.isNaN(reconciled) || reconciled < finished)) {
    return out(
      "Unknown",
      `${label}: Argo CD has not reassessed it since its last sync finished; its health is not trusted yet`
    );
  }
  const conditions = (status.conditions ?? []).filter((c) => ERROR_CONDITIONS.has(c?.type ?? ""));
  if (conditions.length) {
    return {
      ...base,
      status: "Unhealthy",
      issues: conditions.map((c) => `${label}: ${c.type}${why(c.message)}`)
    };
  }
  const opRevisions = nonEmpty([
    ...op?.syncResult?.revisions ?? [],
    op?.syncResult?.revision,
    ...op?.operation?.sync?.revisions ?? [],
    op?.operation?.sync?.revision
  ]);
  if (wantedList.length) {
    if (app.operation?.sync !== void 0 || op === void 0 || !op.finishedAt) {
      return out("Unknown", `${label}: being synced`);
    }
  }
  const opForWanted = !wantedList.length || opRevisions.some((r) => wantedList.some((w) => sameRevision(r, w)));
  if (op?.finishedAt && FAILED_PHASES.has(op.phase ?? "") && opForWanted) {
    const to = opRevisions.find(isSha) ?? opRevisions[0];
    return out(
      "Unhealthy",
      `${label}: sync${to ? ` to ${short(to)}` : ""} ${op.phase}${why(op.message)}`
    );
  }
  if (wanted !== void 0 && wantedList.length) {
    let mismatch;
    if ("revision" in wanted) {
      if (!revisions.some((r) => sameRevision(r, wanted.revision))) {
        mismatch = `synced to ${revisions.length ? shortList(revisions) : "no revision"}, not ${short(wanted.revision)}`;
      }
    } else {
      const desired = desiredPerSource(app, wanted);
      if (desired.length !== revisions.length) {
        return out(
          "Unknown",
          `${label}: has ${desired.length} sources but reports ${revisions.length} revisions`
        );
      }
      const off = desired.map((d, i) => ({ d, got: revisions[i] ?? "", i })).filter(({ d, got }) => d !== "" && !sameRevision(got, d));
      if (off.length) {
        mismatch = off.map(
          ({ d, got, i }) => `source ${i} synced to ${short(got) || "no revision"}, not ${short(d)}`
        ).join("; ");
      }
    }
    if (mismatch) return out("Unhealthy", `${label}: ${mismatch}`);
  }
  switch (health) {
    case "Healthy":
      return out("Healthy");
    case "":
    case "Progressing":
      return out("Progressing", `${label}: Progressing${why(status.health?.message)}`);
    case "Suspended":
      return out("Progressing", `${label}: Suspended${why(status.health?.message)}`);
    default:
      return out("Unhealthy", `${label}: ${health}${why(status.health?.message)}`);
  }
}
function stageHealthOf(apps, extraIssues = []) {
  let status = apps.length ? "Healthy" : "NotApplicable";
  for (const a of apps) status = mergeHealth(status, a.status);
  if (extraIssues.length) status = mergeHealth(status, "Unknown");
  return {
    status,
    issues: [...apps.flatMap((a) => a.issues), ...extraIssues],
    applications: apps
  };
}
function unreadableApp(ref, reason) {
  return {
    name: ref.name,
    ...ref.namespace !== void 0 && { namespace: ref.namespace },
    status: "Unknown",
    issues: [reason]
  };
}

// src/health/read.ts
var HEALTH_REQUEST_TIMEOUT_MS = 1e4;
var isRecord = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var literal = (v) => typeof v === "string" && v.trim() !== "" && !hasExpression(v) ? v.trim() : void 0;
var COMMIT_OUTPUT = /^\$\{\{\s*(?:task\.)?outputs(?:\.([A-Za-z_][\w-]*)|\[\s*['"]([^'"]+)['"]\s*\])\.commit\s*\}\}$/;
function stepApps(stage, commit) {
  const out = [];
  const steps = stage.promotionTemplate.steps;
  const commitAliases = new Set(
    steps.flatMap((s, i) => s.uses === "git-commit" ? [s.as ?? `step-${i}`] : [])
  );
  const revisionOf = (v) => {
    const lit = literal(v);
    if (lit !== void 0 || typeof v !== "string") return lit;
    const m = COMMIT_OUTPUT.exec(v.trim());
    const alias = m?.[1] ?? m?.[2];
    return alias !== void 0 && commitAliases.has(alias) ? commit : void 0;
  };
  for (const step of steps) {
    if (step.uses !== "argocd-update" || !Array.isArray(step.config.apps)) continue;
    for (const app of step.config.apps) {
      if (!isRecord(app)) continue;
      const name = literal(app.name);
      if (!name) continue;
      const namespace = literal(app.namespace);
      const sources = (Array.isArray(app.sources) ? app.sources : []).filter(isRecord).map((s) => ({
        repoURL: literal(s.repoURL),
        chart: literal(s.chart),
        desiredRevision: revisionOf(s.desiredRevision)
      })).filter(
        (s) => s.repoURL !== void 0 && s.desiredRevision !== void 0
      ).map((s) => ({
        repoURL: s.repoURL,
        ...s.chart !== void 0 && { chart: s.chart },
        desiredRevision: s.desiredRevision
      }));
      out.push({
        ref: { name, ...namespace !== void 0 && { namespace } },
        ...sources.length && { wanted: { sources } }
      });
    }
  }
  return out;
}
function stageNamesApps(stage) {
  return stage.verification.some((m) => m.provider.name === "argocd") || stepApps(stage, void 0).length > 0;
}
var key = (ref) => `${ref.namespace ?? ""}/${ref.name}`;
function targetsOf(input, settings, secrets) {
  const { stage, state } = input;
  const cap = settings.requestTimeoutMs ?? HEALTH_REQUEST_TIMEOUT_MS;
  const issues = [];
  const targets = /* @__PURE__ */ new Map();
  const current = (state?.freight ?? []).map((c) => input.freight.find((f) => f.id === c.id)).filter((f) => f !== void 0);
  const first = state?.freight[0];
  const env = { ...settings.env };
  const ctx = { env, secret: (v) => void secrets.push(v) };
  let fallback;
  const connect = (config) => {
    if (!config.server && !settings.env.ARGOCD_SERVER?.trim()) return {};
    try {
      const { server, token } = resolveConnection(config, ctx);
      return { server, token };
    } catch (err) {
      return { problem: errorMessage(err) };
    }
  };
  stage.verification.forEach((metric) => {
    if (metric.provider.name !== "argocd") return;
    const where = `verification metric "${metric.name}"`;
    let config;
    try {
      const rendered = renderMetric(
        where,
        metricParts(metric),
        {
          project: input.project,
          stage: stage.name,
          freightId: first?.id ?? "",
          freightAlias: first?.alias ?? "",
          ...input.commit !== void 0 && { commit: input.commit }
        },
        env,
        { functions: freightFunctions(current) }
      );
      secrets.push(...rendered.secrets);
      config = argocd.parse(rendered.config, where);
    } catch (err) {
      issues.push(`${where}: ${errorMessage(err)}`);
      return;
    }
    const wantedRevision = config.revision === void 0 ? input.commit : config.revision || void 0;
    const { server, token, problem } = connect(config);
    const connection = server && token ? {
      server,
      token,
      insecure: config.insecure,
      requestTimeoutMs: Math.min(config.requestTimeoutMs, cap),
      ...config.refresh && { refresh: config.refresh }
    } : void 0;
    fallback ??= connection;
    for (const ref of config.applications) {
      if (targets.has(key(ref))) continue;
      targets.set(key(ref), {
        ref,
        ...wantedRevision !== void 0 && { wanted: { revision: wantedRevision } },
        ...connection && { connection },
        ...problem !== void 0 && { problem }
      });
    }
  });
  const fromEnv = connect({});
  const stepConnection = fromEnv.server && fromEnv.token ? { server: fromEnv.server, token: fromEnv.token, insecure: false, requestTimeoutMs: cap } : fallback;
  for (const app of stepApps(stage, input.commit)) {
    if (targets.has(key(app.ref))) continue;
    targets.set(key(app.ref), {
      ...app,
      ...stepConnection && { connection: stepConnection },
      ...!stepConnection && fromEnv.problem !== void 0 && { problem: fromEnv.problem }
    });
  }
  return { targets: [...targets.values()], issues };
}
async function readStageHealth(inputs, settings) {
  const secrets = [];
  const plans = inputs.map((input) => {
    if (!input.state?.freight.length) return void 0;
    return targetsOf(input, settings, secrets);
  });
  const insecure = plans.some(
    (p) => p?.targets.some((t) => t.connection?.insecure)
  ) ? new (await import("./MGC6HNYU.js")).Agent({ connect: { rejectUnauthorized: false } }) : void 0;
  const never = new AbortController().signal;
  try {
    const reports = await Promise.all(
      plans.map(async (plan) => {
        if (!plan) return void 0;
        const asked = plan.targets.filter((t) => t.connection || t.problem !== void 0);
        if (plan.targets.length && !asked.length && !plan.issues.length) return void 0;
        const apps = await Promise.all(
          asked.map(async (t) => {
            if (!t.connection) return unreadableApp(t.ref, t.problem ?? "no Argo CD server");
            const c = t.connection;
            try {
              const app = await getApplication(
                { fetch: settings.fetch, signal: never },
                { requestTimeoutMs: c.requestTimeoutMs, ...c.refresh && { refresh: c.refresh } },
                c.server,
                c.token,
                t.ref,
                c.insecure ? insecure : void 0
              );
              return assessAppHealth(t.ref, app, t.wanted);
            } catch (err) {
              return unreadableApp(t.ref, errorMessage(err));
            }
          })
        );
        const skipped = plan.targets.length - asked.length;
        const extra = skipped ? [`${skipped} application(s) not checked: no Argo CD server is configured for them`] : [];
        return stageHealthOf(apps, [...plan.issues, ...extra]);
      })
    );
    const out = /* @__PURE__ */ new Map();
    inputs.forEach((input, i) => out.set(input.stage.name, clean(reports[i], secrets)));
    return out;
  } finally {
    await insecure?.close();
  }
}
function clean(report, secrets) {
  if (!report || !secrets.length) return report;
  const s = (text) => scrub(text, secrets);
  return {
    ...report,
    issues: report.issues.map(s),
    applications: report.applications.map((a) => ({ ...a, issues: a.issues.map(s) }))
  };
}
async function projectHealth(store, project, states, freight, settings) {
  const failed = /* @__PURE__ */ new Map();
  const inputs = await Promise.all(
    project.stages.map(async (stage) => {
      const state = states.get(stage.name);
      let commit;
      if (state?.freight.length && stageNamesApps(stage)) {
        try {
          commit = await store.branchTip(stage.branch);
        } catch (err) {
          failed.set(
            stage.name,
            stageHealthOf([], [`cannot read the stage's branch: ${errorMessage(err)}`])
          );
        }
      }
      return {
        project: project.name,
        stage,
        state,
        ...commit !== void 0 && { commit },
        freight
      };
    })
  );
  const read = await readStageHealth(
    inputs.filter((i) => !failed.has(i.stage.name)),
    settings
  );
  return new Map(project.stages.map((s) => [s.name, failed.get(s.name) ?? read.get(s.name)]));
}

export {
  HEALTH_STATUSES,
  mergeHealth,
  assessAppHealth,
  stageHealthOf,
  HEALTH_REQUEST_TIMEOUT_MS,
  stageNamesApps,
  readStageHealth,
  projectHealth
};
