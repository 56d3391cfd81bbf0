import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  NO_EXPRESSION_DATA,
  dataFunctions,
  secretValues
} from "./SZ6DWH5P.js";
import {
  notesFunctions,
  promotionMarker
} from "./G3KHJPJO.js";
import {
  PullRequestNotMergeableError
} from "./2X254HU4.js";
import {
  MEDIA_TYPES,
  RegistryClient
} from "./623JK2D2.js";
import {
  parseImageReference,
  repositoryName
} from "./ITB33UA7.js";
import {
  inGroup
} from "./K45NAUQ5.js";
import {
  RaceLostError
} from "./W4ICZBQF.js";
import {
  launchHere,
  launcher
} from "./HLO4W42S.js";
import {
  maskUserinfo
} from "./J4XWRISY.js";
import {
  Redactor
} from "./FNZOKEBV.js";
import {
  normalizeRelative,
  safePath
} from "./WMRNM4ZK.js";
import {
  TASK_ALIAS_SEPARATOR,
  taskNamespace
} from "./HFSWYXPK.js";
import {
  ARGOCD_MAX_BODY_BYTES,
  gatewayError,
  getApplication,
  resolveConnection,
  scrub,
  sourceMatches
} from "./CMX6XCKP.js";
import {
  isRecord
} from "./55THRJYK.js";
import {
  BodyTooLargeError,
  bodyChunks,
  formatBytes,
  isTimeout,
  networkReason,
  readBody,
  readText,
  safeURL
} from "./HSUCJ5W4.js";
import {
  formatDuration,
  parseDuration as parseDuration2
} from "./XEBSUSON.js";
import {
  ANY,
  ExprError,
  compileExpr,
  expectArgs,
  formatValue,
  freightFunctions,
  hasExpression,
  parseDuration,
  renderTemplate,
  renderTemplates,
  structOf
} from "./TFABZY5Z.js";
import {
  didYouMean
} from "./TFE6LUOK.js";
import {
  normalizeGitURL
} from "./KKJNXGQK.js";
import {
  require_dist
} from "./7A3KA3RP.js";
import {
  compileRegex
} from "./JWBIZYSO.js";
import {
  ConfigError,
  GantryError,
  OperationError,
  errorMessage,
  fieldError
} from "./HQMHHTDW.js";
import {
  __toESM
} from "./5TKDJZQG.js";

// src/promotion/steps/config-check.ts
function onlyKeys(step, obj, allowed, prefix) {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) fieldError(step, `${prefix}${k}`, "is not a field of this step");
  }
}
function requireField(step, v, field) {
  if (typeof v !== "string" || v === "") fieldError(step, field, "must be a non-empty string");
  return v;
}

// src/promotion/steps/schema-parts.ts
var nonEmpty = (description) => ({ type: "string", minLength: 1, description });
var text = (description) => ({ type: "string", description });
var flag = (description) => ({ type: "boolean", description });
var originSchema = (description) => ({
  type: "object",
  description,
  additionalProperties: false,
  required: ["kind", "name"],
  properties: {
    kind: { enum: ["Warehouse"], description: "Always `Warehouse`." },
    name: nonEmpty("The warehouse name.")
  }
});
var providerSchema = {
  enum: ["azure", "bitbucket", "gitea", "github", "gitlab"],
  description: "Kargo's; gantry uses the repository's own host."
};
var KARGO_ONLY = "Kargo's; accepted, not used by gantry.";

// src/promotion/steps/types.ts
var PromotionPendingError = class extends Error {
  constructor(message, pullRequest) {
    super(message);
    this.pullRequest = pullRequest;
    this.name = "PromotionPendingError";
  }
  pullRequest;
};
var StepPendingError = class extends Error {
  constructor(message, retryAfterMs) {
    super(message);
    this.retryAfterMs = retryAfterMs;
    this.name = "StepPendingError";
  }
  retryAfterMs;
};

// src/promotion/steps/argocd-update.ts
var STEP = "argocd-update";
var AUTHORIZED_STAGE_ANNOTATIONS = [
  "kargo.akuity.io/authorized-stage",
  "gantry.io/authorized-stage"
];
var PROMOTION_INFO = "gantry.io/promotion";
var REFRESH_ANNOTATION = "argocd.argoproj.io/refresh";
var ARGOCD_UPDATE_TIMEOUT_MS = 5 * 6e4;
var ARGOCD_UPDATE_POLL_MS = 5e3;
var REQUEST_TIMEOUT_MS = 1e4;
var PATCH_TRIES = 3;
var K8S_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
function optString(obj, key, at) {
  const v = obj[key];
  if (v === void 0 || v === null || v === "") return void 0;
  if (typeof v !== "string") fieldError(STEP, `${at}.${key}`, "must be a string");
  return v;
}
function reqString(obj, key, at) {
  const v = optString(obj, key, at);
  if (v === void 0) fieldError(STEP, `${at}.${key}`, "is required");
  return v;
}
function list(v, at, what) {
  if (!Array.isArray(v) || v.length === 0) fieldError(STEP, at, `must list at least one ${what}`);
  return v;
}
function parseSource(raw, at) {
  if (!isRecord(raw)) fieldError(STEP, at, "must be a map with repoURL");
  onlyKeys(
    STEP,
    raw,
    ["repoURL", "chart", "desiredRevision", "updateTargetRevision", "kustomize", "helm"],
    `${at}.`
  );
  const repoURL = reqString(raw, "repoURL", at);
  const chart = optString(raw, "chart", at);
  const desiredRevision = optString(raw, "desiredRevision", at);
  const u = raw["updateTargetRevision"];
  if (u !== void 0 && u !== null && typeof u !== "boolean") {
    fieldError(STEP, `${at}.updateTargetRevision`, "must be true or false");
  }
  const updateTargetRevision = u === true;
  if (updateTargetRevision && desiredRevision === void 0) {
    fieldError(
      STEP,
      `${at}.updateTargetRevision`,
      "needs desiredRevision: it is what targetRevision is set to (an expression that came out empty?)"
    );
  }
  const out = {
    repoURL,
    ...chart !== void 0 && { chart },
    ...desiredRevision !== void 0 && { desiredRevision },
    updateTargetRevision
  };
  const k = raw["kustomize"];
  if (k !== void 0 && k !== null) {
    if (!isRecord(k)) fieldError(STEP, `${at}.kustomize`, "must be a map with images");
    onlyKeys(STEP, k, ["images"], `${at}.kustomize.`);
    out.kustomizeImages = list(k["images"], `${at}.kustomize.images`, "image").map((img, i) => {
      const where = `${at}.kustomize.images[${i}]`;
      if (!isRecord(img)) fieldError(STEP, where, "must be a map with repoURL and tag or digest");
      onlyKeys(STEP, img, ["repoURL", "tag", "digest", "newName"], `${where}.`);
      const tag = optString(img, "tag", where);
      const digest = optString(img, "digest", where);
      const newName = optString(img, "newName", where);
      if (tag === void 0 === (digest === void 0)) {
        fieldError(STEP, where, "needs one of tag or digest (not both)");
      }
      return {
        repoURL: reqString(img, "repoURL", where),
        ...tag !== void 0 && { tag },
        ...digest !== void 0 && { digest },
        ...newName !== void 0 && { newName }
      };
    });
  }
  const h = raw["helm"];
  if (h !== void 0 && h !== null) {
    if (!isRecord(h)) fieldError(STEP, `${at}.helm`, "must be a map with images");
    onlyKeys(STEP, h, ["images"], `${at}.helm.`);
    out.helmImages = list(h["images"], `${at}.helm.images`, "image").map((img, i) => {
      const where = `${at}.helm.images[${i}]`;
      if (!isRecord(img)) fieldError(STEP, where, "must be a map with key and value");
      onlyKeys(STEP, img, ["key", "value"], `${where}.`);
      const value = img["value"];
      if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
        fieldError(STEP, `${where}.value`, "must be a string");
      }
      return { key: reqString(img, "key", where), value: String(value) };
    });
  }
  return out;
}
var LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
var LABEL_PREFIX = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
function labelKey(v, at) {
  if (typeof v !== "string") fieldError(STEP, at, "must be a label key (a string)");
  const slash = v.lastIndexOf("/");
  const prefix = slash < 0 ? void 0 : v.slice(0, slash);
  const name = slash < 0 ? v : v.slice(slash + 1);
  if (!LABEL_NAME.test(name) || prefix !== void 0 && !LABEL_PREFIX.test(prefix)) {
    fieldError(STEP, at, `${JSON.stringify(v)} is not a label key`);
  }
  return v;
}
function labelValue(v, at) {
  const t = typeof v === "number" || typeof v === "boolean" ? String(v) : v;
  if (typeof t !== "string" || t !== "" && !LABEL_NAME.test(t)) {
    fieldError(STEP, at, `${JSON.stringify(v)} is not a label value`);
  }
  return t;
}
function selectorText(raw, at) {
  if (!isRecord(raw)) fieldError(STEP, at, "must be a map with matchLabels or matchExpressions");
  onlyKeys(STEP, raw, ["matchLabels", "matchExpressions"], `${at}.`);
  const terms = [];
  const labels = raw["matchLabels"];
  if (labels !== void 0 && labels !== null) {
    if (!isRecord(labels)) fieldError(STEP, `${at}.matchLabels`, "must be a map of label: value");
    for (const [k, v] of Object.entries(labels)) {
      const where = `${at}.matchLabels.${k}`;
      terms.push(`${labelKey(k, where)}=${labelValue(v, where)}`);
    }
  }
  const exprs = raw["matchExpressions"];
  if (exprs !== void 0 && exprs !== null) {
    if (!Array.isArray(exprs)) {
      fieldError(STEP, `${at}.matchExpressions`, "must be a list of {key, operator, values}");
    }
    exprs.forEach((e, i) => {
      const where = `${at}.matchExpressions[${i}]`;
      if (!isRecord(e)) fieldError(STEP, where, "must be a map with key and operator");
      onlyKeys(STEP, e, ["key", "operator", "values"], `${where}.`);
      const key = labelKey(e["key"], `${where}.key`);
      const op = e["operator"];
      const values = e["values"] ?? [];
      if (!Array.isArray(values)) fieldError(STEP, `${where}.values`, "must be a list of strings");
      const vals = values.map((v, j) => labelValue(v, `${where}.values[${j}]`));
      if (op === "In" || op === "NotIn") {
        if (!vals.length) fieldError(STEP, `${where}.values`, `must not be empty for ${op}`);
        terms.push(`${key} ${op === "In" ? "in" : "notin"} (${vals.join(",")})`);
      } else if (op === "Exists" || op === "DoesNotExist") {
        if (vals.length) fieldError(STEP, `${where}.values`, `must be empty for ${op}`);
        terms.push(op === "Exists" ? key : `!${key}`);
      } else {
        fieldError(
          STEP,
          `${where}.operator`,
          `must be In, NotIn, Exists or DoesNotExist, not ${JSON.stringify(op)}`
        );
      }
    });
  }
  if (!terms.length) {
    fieldError(
      STEP,
      at,
      "needs matchLabels or matchExpressions (an empty selector would match every Application)"
    );
  }
  return terms.join(",");
}
function parseArgoCDUpdateConfig(config) {
  onlyKeys(STEP, config, ["apps"], "config.");
  const apps = list(config["apps"], "config.apps", "application").map((raw, i) => {
    const at = `config.apps[${i}]`;
    if (!isRecord(raw)) fieldError(STEP, at, "must be a map with name or selector");
    onlyKeys(STEP, raw, ["name", "namespace", "selector", "sources"], `${at}.`);
    const hasName = raw["name"] !== void 0 && raw["name"] !== null && raw["name"] !== "";
    const hasSelector = raw["selector"] !== void 0 && raw["selector"] !== null;
    if (hasName === hasSelector) {
      fieldError(STEP, at, "needs either name or selector (not both)");
    }
    const namespace = optString(raw, "namespace", at);
    if (namespace !== void 0 && !K8S_NAME.test(namespace)) {
      fieldError(STEP, `${at}.namespace`, `${JSON.stringify(namespace)} is not a namespace name`);
    }
    const rawSources = raw["sources"];
    const sources = rawSources === void 0 || rawSources === null ? [] : list(rawSources, `${at}.sources`, "source").map(
      (s, j) => parseSource(s, `${at}.sources[${j}]`)
    );
    if (hasSelector) {
      const selector = selectorText(raw["selector"], `${at}.selector`);
      return { selector, ...namespace !== void 0 && { namespace }, sources };
    }
    const name = reqString(raw, "name", at);
    if (!K8S_NAME.test(name) || name.length > 253) {
      fieldError(STEP, `${at}.name`, `${JSON.stringify(name)} is not an Argo CD Application name`);
    }
    return { name, ...namespace !== void 0 && { namespace }, sources };
  });
  const seen = /* @__PURE__ */ new Set();
  apps.forEach((a, i) => {
    if (!("name" in a)) return;
    const key = `${a.namespace ?? ""}/${a.name}`;
    if (seen.has(key)) fieldError(STEP, `config.apps[${i}]`, `names ${a.name} a second time`);
    seen.add(key);
  });
  return apps;
}
function authorizedStages(value) {
  const out = [];
  for (const raw of value.split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const colon = entry.indexOf(":");
    const project = colon < 0 ? "" : entry.slice(0, colon).trim();
    const stage = colon < 0 ? "" : entry.slice(colon + 1).trim();
    if (!project || !stage) {
      throw new Error(
        `invalid authorized stage ${JSON.stringify(entry)}: expected <project>:<stage>`
      );
    }
    if (project.includes("*") || stage.includes("*")) {
      throw new Error(
        `invalid authorized stage ${JSON.stringify(entry)}: glob expressions are not supported (Kargo dropped them too)`
      );
    }
    out.push({ project, stage });
  }
  if (!out.length) throw new Error(`no authorized stage in ${JSON.stringify(value)}`);
  return out;
}
function unauthorizedReason(app, label, project, stage) {
  const annotations = app.metadata?.annotations ?? {};
  const found = AUTHORIZED_STAGE_ANNOTATIONS.filter((k) => typeof annotations[k] === "string");
  const want = `${project}:${stage}`;
  const add = `annotate it with ${AUTHORIZED_STAGE_ANNOTATIONS[0]}: "${want}" (or ${AUTHORIZED_STAGE_ANNOTATIONS[1]})`;
  if (!found.length) {
    return `Argo CD Application ${label} does not permit changes by stage ${stage} of project ${project}: it has no authorized-stage annotation; whoever may edit the Application must ${add}`;
  }
  for (const k of found) {
    let stages;
    try {
      stages = authorizedStages(annotations[k] ?? "");
    } catch (err) {
      return `Argo CD Application ${label}: annotation ${k}: ${errorMessage(err)}`;
    }
    if (stages.some((s) => s.project === project && s.stage === stage)) return void 0;
  }
  const listed = found.map((k) => `${k}: ${JSON.stringify(annotations[k])}`).join(", ");
  return `Argo CD Application ${label} does not permit changes by stage ${stage} of project ${project} (${listed}); to allow it, ${add}`;
}
var sourcesOf = (app) => app.spec?.sources?.length ? app.spec.sources : app.spec?.source ? [app.spec.source] : [];
var matches = (update, source) => sourceMatches(update, source);
function desiredRevisions(update, app) {
  return sourcesOf(app).map(
    (s) => update.sources.find((u) => matches(u, s))?.desiredRevision ?? ""
  );
}
function kustomizeImage(i) {
  const name = i.newName ? `${i.repoURL}=${i.newName}` : i.repoURL;
  return i.digest ? `${name}@${i.digest}` : `${name}:${i.tag ?? ""}`;
}
function desiredSources(update, app, label) {
  const sources = structuredClone(sourcesOf(app));
  for (const u of update.sources) {
    const source = sources.find((s) => matches(u, s));
    if (!source) {
      const have = sourcesOf(app).map((s) => s.chart ? `${s.repoURL} (chart ${s.chart})` : s.repoURL).join(", ");
      throw new OperationError(
        `no source of Argo CD Application ${label} matches repoURL ${u.repoURL}${u.chart ? ` and chart ${u.chart}` : ""}; its sources: ${have || "none"}`
      );
    }
    if (u.updateTargetRevision && u.desiredRevision) source.targetRevision = u.desiredRevision;
    if (u.kustomizeImages?.length) {
      source.kustomize = { ...source.kustomize, images: u.kustomizeImages.map(kustomizeImage) };
    }
    if (u.helmImages?.length) {
      const params = [...source.helm?.parameters ?? []];
      for (const { key, value } of u.helmImages) {
        const i = params.findIndex((p) => p.name === key);
        if (i >= 0) params[i] = { name: key, value };
        else params.push({ name: key, value });
      }
      source.helm = { ...source.helm, parameters: params };
    }
  }
  return sources;
}
var COMPLETED = /* @__PURE__ */ new Set(["Succeeded", "Failed", "Error"]);
function judge(update, app, promotion) {
  const info = (infos) => (infos ?? []).find((i) => i?.name === PROMOTION_INFO)?.value;
  if (app.operation) {
    const ours = info(app.operation.info) === promotion;
    return {
      update: false,
      phase: "Running",
      why: ours ? "sync requested" : "a sync requested by someone else has not started yet"
    };
  }
  const op = app.status?.operationState;
  if (!op) return { update: true, why: "no operation yet" };
  const done = COMPLETED.has(op.phase ?? "");
  if (info(op.operation?.info) !== promotion) {
    if (!done) {
      return {
        update: false,
        phase: "Running",
        why: `waiting for an operation this promotion did not start (${op.phase ?? "no phase"})`
      };
    }
    return { update: true, why: "the last operation was not this promotion" };
  }
  if (!done) return { update: false, phase: "Running", why: `sync ${op.phase ?? "running"}` };
  const result = op.syncResult;
  if (!result) return { update: true, why: "the sync finished without a sync result" };
  const wanted = desiredRevisions(update, app);
  const observed = result.revisions?.length ? result.revisions : [result.revision ?? ""];
  for (const [i, want] of wanted.entries()) {
    if (want && observed[i] !== want) {
      return {
        update: true,
        why: `the sync went to ${observed.join(",")}, not ${wanted.map((w) => w || "-").join(",")}`
      };
    }
  }
  const phase = op.phase === "Succeeded" ? "Succeeded" : "Failed";
  return { update: false, phase, why: `sync ${op.phase}${op.message ? `: ${op.message}` : ""}` };
}
var pointer = (key) => key.replace(/~/g, "~0").replace(/\//g, "~1");
function sourcePatch(app, sources) {
  const ops = [];
  if (app.spec?.sources?.length) {
    ops.push({ op: "test", path: "/spec/sources", value: app.spec.sources });
    ops.push({ op: "replace", path: "/spec/sources", value: sources });
  } else if (app.spec?.source) {
    ops.push({ op: "test", path: "/spec/source", value: app.spec.source });
    ops.push({ op: "replace", path: "/spec/source", value: sources[0] });
  }
  ops.push(
    app.metadata?.annotations ? { op: "add", path: `/metadata/annotations/${pointer(REFRESH_ANNOTATION)}`, value: "hard" } : { op: "add", path: "/metadata/annotations", value: { [REFRESH_ANNOTATION]: "hard" } }
  );
  return ops;
}
var PatchTestFailed = class extends Error {
};
var SyncRefused = class extends Error {
};
async function exchange(c, path12, init, failed2) {
  const url = `${c.server}${path12}`;
  try {
    const res = await c.fetch(url, {
      method: init.method,
      headers: {
        Accept: "application/json",
        ...init.body !== void 0 ? { "Content-Type": "application/json" } : {},
        Authorization: `Bearer ${c.token}`
      },
      ...init.body !== void 0 ? { body: init.body } : {},
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)
    });
    const answer = await readText(res, {
      url,
      maxBytes: ARGOCD_MAX_BODY_BYTES,
      what: "the Argo CD response"
    });
    return { status: res.status, answer };
  } catch (err) {
    throw new OperationError(scrub(failed2(err), [c.token]));
  }
}
async function send(c, method, path12, body, label) {
  const host = new URL(c.server).host;
  const { status, answer } = await exchange(
    c,
    path12,
    { method, body: JSON.stringify(body) },
    (err) => {
      const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : "";
      return `${method} ${path12} on Argo CD (${host}) failed: ${errorMessage(err)}${cause}`;
    }
  );
  if (status === 200) return;
  const { message, code } = gatewayError(answer);
  const said = scrub(message, [c.token]);
  if (method === "PATCH" && /testing value .* failed/.test(message))
    throw new PatchTestFailed(said);
  if (method === "POST" && (code === 9 && /another operation is already in progress/.test(message) || /blocked by sync window/.test(message))) {
    throw new SyncRefused(said);
  }
  const verb = method === "PATCH" ? "update" : "sync";
  const hint = status === 401 ? ": check ARGOCD_AUTH_TOKEN (expired, revoked, or for another Argo CD)" : status === 403 ? `: the token needs 'applications, ${verb}' on it` : "";
  throw new OperationError(
    `Argo CD (${host}) refused to ${verb} application ${label} (HTTP ${status}: ${said})${hint}`
  );
}
async function listApplications(c, selector, namespace) {
  const params = new URLSearchParams({ selector });
  if (namespace) params.set("appNamespace", namespace);
  const path12 = `/api/v1/applications?${params.toString()}`;
  const host = new URL(c.server).host;
  const { status, answer } = await exchange(
    c,
    path12,
    { method: "GET" },
    (err) => `listing applications on Argo CD (${host}) failed: ${errorMessage(err)}`
  );
  if (status !== 200) {
    const said = scrub(gatewayError(answer).message, [c.token]);
    const hint = status === 401 ? ": check ARGOCD_AUTH_TOKEN (expired, revoked, or for another Argo CD)" : "";
    throw new OperationError(
      `Argo CD (${host}) refused to list applications matching ${JSON.stringify(selector)} (HTTP ${status}: ${said})${hint}`
    );
  }
  let doc;
  try {
    doc = JSON.parse(answer);
  } catch {
    throw new OperationError(`Argo CD (${host}) answered the application list with malformed JSON`);
  }
  const items = isRecord(doc) ? doc["items"] ?? [] : void 0;
  if (!Array.isArray(items) || !items.every(isRecord)) {
    throw new OperationError(`Argo CD (${host}) answered the application list without items`);
  }
  return items;
}
async function selectedApps(c, entry, ctx) {
  const where = entry.namespace ? ` in namespace ${entry.namespace}` : "";
  const found = await listApplications(c, entry.selector, entry.namespace);
  if (!found.length) {
    throw new OperationError(
      `${STEP}: no Argo CD Applications match selector ${JSON.stringify(entry.selector)}${where}`
    );
  }
  const authorized = [];
  for (const app of found) {
    const label = `${app.metadata?.namespace ?? "?"}/${app.metadata?.name ?? "?"}`;
    const refused = unauthorizedReason(app, label, ctx.project, ctx.stage);
    if (refused) ctx.log(`${STEP}: skipping ${label}, which matches the selector: ${refused}`);
    else authorized.push(app);
  }
  if (!authorized.length) {
    throw new OperationError(
      `${STEP}: ${found.length} Argo CD Application(s) match selector ${JSON.stringify(entry.selector)}${where}, but none authorizes stage ${ctx.stage} of project ${ctx.project} (annotation ${AUTHORIZED_STAGE_ANNOTATIONS[0]}: "${ctx.project}:${ctx.stage}")`
    );
  }
  const updates = authorized.map((app) => ({
    name: app.metadata?.name ?? "",
    ...app.metadata?.namespace ? { namespace: app.metadata.namespace } : {},
    sources: entry.sources
  }));
  if (entry.sources.length && updates.length > 1) {
    const problems = [];
    updates.forEach((u, i) => {
      try {
        desiredSources(u, authorized[i], `${u.namespace ?? ""}/${u.name}`);
      } catch (err) {
        problems.push(errorMessage(err));
      }
    });
    if (problems.length) {
      const shown = problems.slice(0, 3).join("; ");
      const more = problems.length > 3 ? ` (showing the first 3)` : "";
      throw new OperationError(
        `${STEP}: the Applications selected by ${JSON.stringify(entry.selector)} must have compatible sources; ${problems.length} do not${more}, and no Application was updated: ${shown}`
      );
    }
  }
  ctx.log(
    `${STEP}: selector ${JSON.stringify(entry.selector)}${where} matched ${updates.map((u) => `${u.namespace ?? ""}/${u.name}`).join(", ")}`
  );
  return updates;
}
function connection(ctx) {
  const env = ctx.env ?? {};
  if (!env.ARGOCD_SERVER?.trim() || !env.ARGOCD_AUTH_TOKEN?.trim()) {
    const missing = [
      ...env.ARGOCD_SERVER?.trim() ? [] : ["ARGOCD_SERVER"],
      ...env.ARGOCD_AUTH_TOKEN?.trim() ? [] : ["ARGOCD_AUTH_TOKEN"]
    ];
    throw new ConfigError(
      `${STEP}: ${missing.join(" and ")} must be set in the environment (the promote job's env:, or the shell's): the Argo CD API server URL and a token that may get, update and sync the apps`
    );
  }
  return resolveConnection({}, { env, secret: () => void 0 });
}
async function processApp(c, update, ctx, promotion) {
  const ref = {
    name: update.name,
    ...update.namespace !== void 0 && { namespace: update.namespace }
  };
  const label = update.namespace ? `${update.namespace}/${update.name}` : update.name;
  const never = new AbortController().signal;
  for (let attempt = 1; ; attempt++) {
    let app;
    try {
      app = await getApplication(
        { fetch: c.fetch, signal: never },
        { requestTimeoutMs: REQUEST_TIMEOUT_MS },
        c.server,
        c.token,
        ref,
        void 0
      );
    } catch (err) {
      throw new OperationError(scrub(errorMessage(err), [c.token]));
    }
    const namespace = app.metadata?.namespace ?? update.namespace ?? "";
    const refused = unauthorizedReason(app, label, ctx.project, ctx.stage);
    if (refused) throw new OperationError(refused);
    const verdict = judge(update, app, promotion);
    if (!verdict.update) return { phase: verdict.phase, why: verdict.why, namespace };
    const sources = desiredSources(update, app, label);
    if (ctx.dryRun) {
      const to2 = sources.map((s) => s.targetRevision ?? "HEAD").join(",");
      const changed = JSON.stringify(sources) !== JSON.stringify(sourcesOf(app));
      ctx.log(
        `${STEP}: dry run: would ${changed ? "update and " : ""}sync ${label} to ${to2}; nothing was changed on Argo CD`
      );
      return { phase: "Succeeded", why: "dry run", namespace };
    }
    try {
      await send(
        c,
        "PATCH",
        `/api/v1/applications/${encodeURIComponent(update.name)}`,
        {
          name: update.name,
          ...update.namespace !== void 0 && { appNamespace: update.namespace },
          patchType: "json",
          patch: JSON.stringify(sourcePatch(app, sources))
        },
        label
      );
    } catch (err) {
      if (err instanceof PatchTestFailed && attempt < PATCH_TRIES) {
        ctx.log(`${STEP}: ${label} changed while being updated; reading it again`);
        continue;
      }
      if (err instanceof PatchTestFailed) {
        throw new OperationError(
          `${STEP}: Argo CD Application ${label} kept changing while being updated (${PATCH_TRIES} tries): ${err.message}`
        );
      }
      throw err;
    }
    try {
      await send(
        c,
        "POST",
        `/api/v1/applications/${encodeURIComponent(update.name)}/sync`,
        {
          name: update.name,
          ...update.namespace !== void 0 && { appNamespace: update.namespace },
          infos: [
            { name: "Reason", value: "Promotion triggered a sync of this Application resource." },
            { name: PROMOTION_INFO, value: promotion }
          ]
        },
        label
      );
    } catch (err) {
      if (err instanceof SyncRefused) {
        return { phase: "Running", why: `sync not started yet: ${err.message}`, namespace };
      }
      throw err;
    }
    const to = sources.map((s) => s.targetRevision ?? "HEAD").join(",");
    ctx.log(`${STEP}: ${label}: updated, sync to ${to} requested (${verdict.why})`);
    return { phase: "Running", why: "sync requested", namespace };
  }
}
var imagesOf = (items, required, description) => ({
  type: "object",
  description,
  additionalProperties: false,
  required: ["images"],
  properties: {
    images: {
      type: "array",
      minItems: 1,
      description: "One entry per image.",
      items: { type: "object", additionalProperties: false, required, properties: items }
    }
  }
});
var argocdUpdate = {
  name: STEP,
  defaultTimeoutMs: ARGOCD_UPDATE_TIMEOUT_MS,
  schema: {
    type: "object",
    description: "Updates Argo CD Applications' sources through Argo CD's API, syncs them and waits for the sync (default `retry.timeout` 5m). Argo CD: the promote action's `argocd-server`/`argocd-token`, else `ARGOCD_SERVER`/`ARGOCD_AUTH_TOKEN`. Each app must be annotated `kargo.akuity.io/authorized-stage` (or `gantry.io/authorized-stage`) with `<project>:<stage>`.",
    additionalProperties: false,
    required: ["apps"],
    properties: {
      apps: {
        type: "array",
        minItems: 1,
        description: "The Applications to update and sync, by name or by label selector.",
        items: {
          type: "object",
          additionalProperties: false,
          oneOf: [{ required: ["name"] }, { required: ["selector"] }],
          errorMessage: "needs either name or selector (not both)",
          properties: {
            name: nonEmpty("The Application name. Either `name` or `selector`."),
            namespace: nonEmpty(
              "The Application's namespace (a selector's: where to list); default: the Argo CD server's own (a selector: every namespace Argo CD serves)."
            ),
            selector: {
              type: "object",
              additionalProperties: false,
              description: "Selects Applications by label (Argo CD list API); those that do not authorize the stage are skipped. Either `name` or `selector`. Not read by stage health.",
              properties: {
                matchLabels: {
                  type: "object",
                  additionalProperties: { type: "string" },
                  description: "Labels an Application must all have, with these values."
                },
                matchExpressions: {
                  type: "array",
                  description: "Requirements an Application must all meet.",
                  items: {
                    type: "object",
                    additionalProperties: false,
                    required: ["key", "operator"],
                    properties: {
                      key: nonEmpty("The label key."),
                      operator: {
                        enum: ["In", "NotIn", "Exists", "DoesNotExist"],
                        description: "`In`, `NotIn`, `Exists` or `DoesNotExist`."
                      },
                      values: {
                        type: "array",
                        items: { type: "string" },
                        description: "Required for `In` and `NotIn`; empty for the others."
                      }
                    }
                  }
                }
              }
            },
            sources: {
              type: "array",
              minItems: 1,
              description: "Which sources to update, and how.",
              items: {
                type: "object",
                additionalProperties: false,
                required: ["repoURL"],
                properties: {
                  repoURL: nonEmpty(
                    "The source's repoURL (a Git URL matches normalised; a chart repository exactly, with chart)."
                  ),
                  chart: text("The source's chart, for a Helm chart repository source."),
                  desiredRevision: text(
                    "The revision the source must be synced to for the step, and the stage health, to be done."
                  ),
                  updateTargetRevision: flag(
                    "Also set the source's targetRevision to desiredRevision."
                  ),
                  kustomize: imagesOf(
                    {
                      repoURL: nonEmpty("The image repository."),
                      tag: text("The tag (or digest)."),
                      digest: text("The digest (or tag)."),
                      newName: text("A replacement image name.")
                    },
                    ["repoURL"],
                    "Replaces the source's Kustomize images."
                  ),
                  helm: imagesOf(
                    {
                      key: nonEmpty("The Helm parameter (--set notation)."),
                      value: text("Its value.")
                    },
                    ["key", "value"],
                    "Sets the source's Helm parameters."
                  )
                }
              }
            }
          }
        }
      }
    }
  },
  async run(config, ctx) {
    const apps = parseArgoCDUpdateConfig(config);
    const { server, token } = connection(ctx);
    const c = { server, token, fetch: ctx.fetch };
    const promotion = ctx.promotion ?? `${ctx.stage}.${ctx.freight.id.slice(0, 7)}`;
    const results = [];
    const done = /* @__PURE__ */ new Set();
    const updates = [];
    for (const entry of apps) {
      if ("name" in entry) updates.push(entry);
      else updates.push(...await selectedApps(c, entry, ctx));
    }
    for (const update of updates) {
      const key = `${update.namespace ?? ""}/${update.name}`;
      if (done.has(key)) continue;
      done.add(key);
      const r = await processApp(c, update, ctx, promotion);
      const label = update.namespace ? `${update.namespace}/${update.name}` : update.name;
      if (r.phase === "Failed") {
        throw new OperationError(`Argo CD Application ${label}: ${scrub(r.why, [token])}`);
      }
      results.push({ name: update.name, ...r });
    }
    const running = results.filter((r) => r.phase === "Running");
    if (running.length) {
      throw new StepPendingError(
        scrub(
          `${STEP}: ${running.map((r) => `${r.namespace ? `${r.namespace}/` : ""}${r.name}: ${r.why}`).join("; ")}`,
          [token]
        ),
        ARGOCD_UPDATE_POLL_MS
      );
    }
    for (const r of results) ctx.log(`${STEP}: ${r.namespace}/${r.name}: ${r.why}`);
    return { outputs: { apps: results.map((r) => ({ name: r.name, namespace: r.namespace })) } };
  }
};

// src/promotion/steps/argocd-wait.ts
var STEP2 = "argocd-wait";
var CONDITIONS = ["health", "sync", "operation", "suspended", "degraded"];
var HEALTH = {
  health: "Healthy",
  suspended: "Suspended",
  degraded: "Degraded"
};
function parseArgoCDWaitConfig(config) {
  onlyKeys(STEP2, config, ["apps"], "config.");
  const apps = config["apps"];
  if (!Array.isArray(apps) || !apps.length) {
    fieldError(STEP2, "config.apps", "must list at least one application");
  }
  return apps.map((raw, i) => {
    const at = `config.apps[${i}]`;
    if (!isRecord(raw)) fieldError(STEP2, at, "must be a map with name or selector");
    onlyKeys(STEP2, raw, ["name", "namespace", "selector", "waitFor"], `${at}.`);
    const name = raw["name"];
    const hasName = typeof name === "string" && name !== "";
    if (hasName === (raw["selector"] !== void 0 && raw["selector"] !== null)) {
      fieldError(STEP2, at, "needs one of name or selector (not both)");
    }
    const ns = raw["namespace"];
    if (ns !== void 0 && (typeof ns !== "string" || !ns)) {
      fieldError(STEP2, `${at}.namespace`, "must be a namespace name");
    }
    const waitFor = raw["waitFor"] ?? ["health", "sync", "operation"];
    if (!Array.isArray(waitFor) || !waitFor.length || waitFor.some((c) => !CONDITIONS.includes(c)) || new Set(waitFor).size !== waitFor.length) {
      fieldError(
        STEP2,
        `${at}.waitFor`,
        `must be a list of distinct conditions among ${CONDITIONS.join(", ")}`
      );
    }
    return {
      ...hasName ? { name } : { selector: selectorText(raw["selector"], `${at}.selector`) },
      ...typeof ns === "string" ? { namespace: ns } : {},
      waitFor
    };
  });
}
function unmet(app, waitFor) {
  const health = app.status?.health?.status ?? "Unknown";
  const wanted = waitFor.flatMap((c) => HEALTH[c] ? [HEALTH[c]] : []);
  if (wanted.length && !wanted.includes(health)) {
    return `health is ${health}, waiting for ${wanted.join(" or ")}`;
  }
  const sync = app.status?.sync?.status ?? "Unknown";
  if (waitFor.includes("sync") && sync !== "Synced") return `sync status is ${sync}`;
  const phase = app.status?.operationState?.phase;
  if (waitFor.includes("operation") && (app.operation !== void 0 || phase === "Running" || phase === "Terminating")) {
    return `an operation is ${app.operation !== void 0 ? "requested" : "running"}`;
  }
  return void 0;
}
var firstSeen = /* @__PURE__ */ new Map();
var argocdWait = {
  name: STEP2,
  defaultTimeoutMs: ARGOCD_UPDATE_TIMEOUT_MS,
  schema: {
    type: "object",
    description: "Waits until Argo CD Applications meet `waitFor` (default health, sync and operation), through Argo CD's API (default `retry.timeout` 5m). Changes nothing; needs no authorized-stage annotation. Output `apps`.",
    additionalProperties: false,
    required: ["apps"],
    properties: {
      apps: {
        type: "array",
        minItems: 1,
        description: "The Applications to wait for, by name or by label selector.",
        items: {
          type: "object",
          additionalProperties: false,
          oneOf: [{ required: ["name"] }, { required: ["selector"] }],
          errorMessage: "needs name or selector (one of them, as in Kargo)",
          properties: {
            name: nonEmpty("The Application name (or give `selector`)."),
            namespace: nonEmpty("The Application's namespace; default: the Argo CD server's own."),
            selector: {
              type: "object",
              description: "Kubernetes' label selector (`matchLabels`, `matchExpressions`), as argocd-update's."
            },
            waitFor: {
              type: "array",
              items: { enum: [...CONDITIONS] },
              description: "health, suspended, degraded (any one of those given) and sync, operation (all given); default [health, sync, operation]."
            }
          }
        }
      }
    }
  },
  async run(config, ctx) {
    const entries = parseArgoCDWaitConfig(config);
    const { server, token } = connection(ctx);
    const c = { server, token, fetch: ctx.fetch };
    const apps = [];
    for (const e of entries) {
      if (e.name !== void 0) {
        apps.push({
          ref: { name: e.name, ...e.namespace ? { namespace: e.namespace } : {} },
          waitFor: e.waitFor
        });
        continue;
      }
      const found = await listApplications(c, e.selector ?? "", e.namespace);
      if (!found.length) {
        throw new OperationError(
          `${STEP2}: no Argo CD Application matches the selector ${e.selector ?? ""}${e.namespace ? ` in namespace ${e.namespace}` : ""}`
        );
      }
      for (const a of found) {
        const name = a.metadata?.name;
        if (!name) continue;
        const namespace = a.metadata?.namespace;
        apps.push({ ref: { name, ...namespace ? { namespace } : {} }, waitFor: e.waitFor });
      }
    }
    const waiting = [];
    const out = [];
    const never = new AbortController().signal;
    for (const { ref, waitFor } of apps) {
      let app;
      try {
        app = await getApplication(
          { fetch: c.fetch, signal: never },
          { requestTimeoutMs: 1e4 },
          c.server,
          c.token,
          ref,
          void 0
        );
      } catch (err) {
        throw new OperationError(scrub(errorMessage(err), [c.token]));
      }
      const namespace = app.metadata?.namespace ?? ref.namespace ?? "";
      const label = `${namespace ? `${namespace}/` : ""}${ref.name}`;
      const health = app.status?.health?.status ?? "Unknown";
      const key = `${ctx.promotion ?? ""}#${ctx.index}#${label}`;
      const seen = firstSeen.get(key);
      if (seen === void 0) firstSeen.set(key, health);
      if (waitFor.includes("health") && !waitFor.includes("degraded") && health === "Degraded" && seen !== void 0 && seen !== "Degraded" && seen !== "Unknown") {
        throw new OperationError(
          `${STEP2}: Argo CD Application ${label} turned Degraded while waited for${app.status?.health?.message ? `: ${app.status.health.message}` : ""}`
        );
      }
      const why = unmet(app, waitFor);
      if (why) waiting.push(`${label}: ${why}`);
      out.push({ name: ref.name, namespace });
    }
    if (waiting.length) {
      if (ctx.dryRun) {
        ctx.log(`${STEP2}: dry run: would wait for ${waiting.join("; ")}`);
        return { outputs: { apps: out } };
      }
      throw new StepPendingError(
        scrub(`${STEP2}: ${waiting.join("; ")}`, [token]),
        ARGOCD_UPDATE_POLL_MS
      );
    }
    for (const a of out) ctx.log(`${STEP2}: ${a.namespace}/${a.name}: ready`);
    return { outputs: { apps: out } };
  }
};

// src/promotion/steps/compose-output.ts
var composeOutput = {
  name: "compose-output",
  // Any keys: each one is an output.
  schema: {
    type: "object",
    description: "Makes each key of its config an output that later steps read as `outputs.<alias>.<key>`."
  },
  run(config) {
    const outputs = {};
    for (const [k, v] of Object.entries(config)) {
      Object.defineProperty(outputs, k, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true
      });
    }
    return Promise.resolve({ outputs });
  }
};

// src/promotion/steps/copy.ts
import { chmod, lstat, mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";

// src/promotion/steps/engine.ts
import { randomBytes } from "node:crypto";
function stepAlias(step, index) {
  return step.alias ?? step.as ?? `step-${index + 1}`;
}
function taskEnv(alias, outputs) {
  const ns = taskNamespace(alias);
  if (ns === void 0) return {};
  const own = {};
  for (const [k, v] of Object.entries(outputs)) {
    if (taskNamespace(k) === ns) own[k.slice(ns.length + TASK_ALIAS_SEPARATOR.length)] = v;
  }
  return { task: { outputs: own } };
}
function stepLabel(step, index) {
  const name = step.alias?.includes("::") ? step.alias : step.as;
  const alias = name ? ` ${JSON.stringify(name)}` : "";
  return `step ${index + 1} (${step.uses}${alias})`;
}
function wrapError(label, what, err) {
  const message = `${label}: ${what ? `${what}: ` : ""}${errorMessage(err)}`;
  if (err instanceof ConfigError || err instanceof ExprError) return new ConfigError(message);
  return new OperationError(message, { cause: err });
}
var UNSUPPORTED_FUNCTIONS = {
  freightStatus: "Kargo's freight status is not exposed to expressions in gantry; `gantry get freight` shows where freight is verified and approved"
};
var STATUS_SIGNATURES = {
  success: { min: 0, max: 0 },
  failure: { min: 0, max: 0 },
  always: { min: 0, max: 0 },
  status: { min: 1, max: 1 }
};
var STEP_CTX_TYPE = structOf("ctx", {
  uiBaseUrl: ANY,
  project: ANY,
  stage: ANY,
  promotion: ANY,
  targetFreight: structOf("targetFreight", {
    name: ANY,
    alias: ANY,
    origin: structOf("origin", { kind: ANY, name: ANY })
  }),
  meta: structOf("meta", {
    promotion: structOf("promotion", { actor: ANY, rollback: ANY }),
    step: structOf("step", { alias: ANY })
  })
});
function statusFunctions(steps, statuses) {
  const failed2 = () => statuses.some((s, i) => s === "Errored" && !steps[i]?.continueOnError);
  return {
    success: (args) => {
      expectArgs("success", args, []);
      return !failed2();
    },
    failure: (args) => {
      expectArgs("failure", args, []);
      return failed2();
    },
    always: (args) => {
      expectArgs("always", args, []);
      return true;
    },
    status: (args) => {
      const [alias] = expectArgs("status", args, ["string"]);
      const i = steps.findIndex((s, n) => stepAlias(s, n) === alias);
      if (i < 0) throw new Error(`status(): no step has the alias ${JSON.stringify(alias)}`);
      return statuses[i] ?? "Pending";
    }
  };
}
function renderVars(vars, base, env, functions, where) {
  const out = { ...base };
  for (const v of vars) {
    try {
      const value = renderTemplate(String(v.value), env(out), { functions });
      Object.defineProperty(out, v.name, {
        value,
        enumerable: true,
        writable: true,
        configurable: true
      });
    } catch (err) {
      throw wrapError(where, `vars.${v.name}`, err);
    }
  }
  return out;
}
function evaluateIf(source, env, functions) {
  const value = hasExpression(source) ? renderTemplate(source, env, { functions }) : compileExpr(source).evaluate(env, { functions });
  if (typeof value !== "boolean") {
    throw new ConfigError(
      `if ${JSON.stringify(source)} must evaluate to a boolean, got ${JSON.stringify(value)}`
    );
  }
  return value;
}
async function runSteps(template, ctx, registry) {
  const data = ctx.data ?? NO_EXPRESSION_DATA;
  const redactor = new Redactor().add(...secretValues(data));
  const log = (line) => ctx.log(redactor.redactValues(line));
  try {
    return await runAll(template, { ...ctx, log, data }, registry, redactor);
  } catch (err) {
    throw redactError(err, redactor);
  }
}
function redactError(err, redactor) {
  if (!(err instanceof Error)) return err;
  const message = redactor.redactValues(err.message);
  if (message === err.message) return err;
  if (err instanceof RaceLostError) return err;
  if (err instanceof PromotionPendingError) {
    return new PromotionPendingError(message, err.pullRequest);
  }
  if (err instanceof ConfigError || err instanceof ExprError) return new ConfigError(message);
  return new OperationError(message);
}
var RECORDING_STEPS = /* @__PURE__ */ new Set([
  "git-commit",
  "git-tag",
  "git-open-pr",
  "set-metadata",
  "set-freight-alias"
]);
function refuseSecretsInRecords(step, config, outputs, redactor) {
  if (!RECORDING_STEPS.has(step.uses)) return;
  const texts = [];
  const walk = (v, at) => {
    if (typeof v === "string") texts.push([at, v]);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`));
    else if (v !== null && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) walk(x, at ? `${at}.${k}` : k);
    }
  };
  walk(config, "");
  const fromSteps = config["messageFromSteps"];
  if (step.uses === "git-commit" && Array.isArray(fromSteps)) {
    for (const alias of fromSteps) {
      walk(outputs[String(alias)]?.["commitMessage"], `the commitMessage of step ${String(alias)}`);
    }
  }
  for (const [at, text3] of texts) {
    if (redactor.redactValues(text3) !== text3) {
      throw new ConfigError(
        `${step.uses}: ${at} holds the value of a secret (secret() or sharedSecret()); gantry keeps secrets out of commits, tags, state files and pull requests, which everyone who can read the repository sees. Nothing was written`
      );
    }
  }
}
async function runAll(template, ctx, registry, redactor) {
  const steps = template.steps;
  const outputs = { ...ctx.resume?.outputs };
  const summary = [];
  const changed = [];
  const errors = [];
  const statuses = [...ctx.resume?.statuses ?? []];
  let commitMessage2;
  let hardFailure;
  let pending;
  const functions = {
    ...freightFunctions(ctx.freightCollection, ctx.log),
    ...statusFunctions(steps, statuses),
    ...dataFunctions(ctx.data, ctx.log),
    ...notesFunctions(ctx.notes)
  };
  const promotion = ctx.promotion ?? promotionName(ctx);
  const exprCtx = (alias) => ({
    uiBaseUrl: ctx.uiBaseUrl ?? "",
    project: ctx.project,
    stage: ctx.stage,
    promotion,
    targetFreight: {
      name: ctx.freight.id,
      alias: ctx.freight.alias,
      origin: { kind: ctx.freight.origin.kind, name: ctx.freight.origin.name }
    },
    meta: {
      promotion: { actor: ctx.actor ?? "", rollback: ctx.rollback ?? false },
      step: { alias }
    }
  });
  const noted = /* @__PURE__ */ new Set();
  const noteOnce = (line) => {
    if (!noted.has(line)) ctx.log(line);
    noted.add(line);
  };
  const varFunctions = {
    ...functions,
    ...freightFunctions(ctx.freightCollection, noteOnce)
  };
  const templateVarsFor = (alias) => renderVars(
    template.vars,
    {},
    (vars) => ({ vars, ctx: exprCtx(alias) }),
    varFunctions,
    "promotion template"
  );
  for (const [index, step] of steps.entries()) {
    if (ctx.resume && index < ctx.resume.from) continue;
    const label = stepLabel(step, index);
    const alias = stepAlias(step, index);
    const templateVars = templateVarsFor(alias);
    const stop = await inGroup(ctx.group, label, async () => {
      try {
        const task = taskEnv(alias, outputs);
        const stepCtx = exprCtx(alias);
        const vars = renderVars(
          step.vars,
          templateVars,
          (v) => ({ vars: v, ctx: stepCtx, outputs, ...task }),
          functions,
          label
        );
        const env = { vars, ctx: stepCtx, outputs, ...task };
        let run;
        if (step.if !== void 0 && step.if.trim() !== "") {
          try {
            run = evaluateIf(step.if, env, functions);
          } catch (err) {
            throw wrapError(label, "if", err);
          }
        } else run = hardFailure === void 0;
        if (!run) {
          statuses.push("Skipped");
          ctx.log(`${label}: skipped`);
          return false;
        }
        const definition = registry.get(step.uses);
        if (!definition) {
          throw new ConfigError(
            `${label}: unknown step ${JSON.stringify(step.uses)}${didYouMean(step.uses, [...registry.keys()])}; known steps: ${[...registry.keys()].sort().join(", ")}`
          );
        }
        let config;
        try {
          const rendered = renderTemplates(step.config, env, { functions });
          config = rendered !== null && typeof rendered === "object" && !Array.isArray(rendered) ? rendered : {};
        } catch (err) {
          throw wrapError(label, "config", err);
        }
        refuseSecretsInRecords(step, config, outputs, redactor);
        let result;
        try {
          const timeoutMs2 = step.retry?.timeoutMs ?? definition.defaultTimeoutMs;
          const {
            data: _data,
            actor: _actor,
            rollback: _rollback,
            uiBaseUrl: _ui,
            resume: _resume,
            ...base
          } = ctx;
          result = await runWithRetry(
            step,
            timeoutMs2,
            label,
            ctx,
            () => definition.run(config, {
              ...base,
              promotion,
              written: step.config,
              index,
              ...step.as !== void 0 ? { alias: step.as } : {},
              outputs,
              summary: [...summary],
              ...timeoutMs2 !== void 0 ? { waitMs: timeoutMs2 } : {}
            })
          );
        } catch (err) {
          if (err instanceof RaceLostError) throw err;
          if (err instanceof PromotionPendingError) {
            statuses.push("Running");
            ctx.log(`${label}: ${err.message}`);
            pending = err;
            return true;
          }
          throw wrapError(label, "", err);
        }
        statuses.push(result.status ?? "Succeeded");
        outputs[alias] = { ...result.outputs };
        const ns = taskNamespace(alias);
        if (step.uses === "compose-output" && ns !== void 0) {
          outputs[ns] = { ...outputs[ns], ...result.outputs };
        }
        summary.push(...(result.summary ?? []).map((l) => redactor.redactValues(l)));
        for (const p of result.changed ?? []) if (!changed.includes(p)) changed.push(p);
        if (step.uses === "git-commit" && !ctx.workspace) {
          const msg = commitMessageOf(config, outputs, result);
          if (msg !== void 0) commitMessage2 = msg;
        }
        ctx.log(`${label}: done`);
      } catch (err) {
        if (err instanceof RaceLostError) throw err;
        const wrapped = err instanceof GantryError && err.message.startsWith(label) ? err : wrapError(label, "", err);
        statuses.push("Errored");
        if (step.continueOnError) {
          errors.push({
            index,
            uses: step.uses,
            ...step.as !== void 0 ? { alias: step.as } : {},
            message: redactor.redactValues(wrapped.message)
          });
          ctx.log(`${wrapped.message} (continuing: continueOnError)`);
        } else {
          ctx.log(wrapped.message);
          hardFailure ??= wrapped;
        }
      }
      return false;
    });
    if (stop) break;
  }
  if (hardFailure) throw hardFailure;
  return {
    outputs,
    summary,
    changed,
    errors,
    statuses,
    ...commitMessage2 !== void 0 ? { commitMessage: commitMessage2 } : {},
    ...pending ? { pending } : {}
  };
}
function promotionName(ctx) {
  const unique = `${Date.now().toString(36)}${randomBytes(4).toString("hex")}`;
  return `${ctx.stage}.${unique}.${ctx.freight.id.slice(0, 7)}`;
}
function errorBackoffMs(errors) {
  return Math.min(3e4, 1e3 * 2 ** (errors - 1));
}
async function runWithRetry(step, timeoutMs2, label, ctx, run) {
  const threshold = step.retry?.errorThreshold ?? 1;
  const clock = ctx.clock ?? (() => /* @__PURE__ */ new Date());
  const sleep = ctx.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  const started = clock().getTime();
  let errors = 0;
  for (; ; ) {
    try {
      return await run();
    } catch (err) {
      if (err instanceof ConfigError || err instanceof ExprError || err instanceof RaceLostError) {
        throw err;
      }
      const pending = err instanceof StepPendingError;
      if (!pending) errors++;
      const wait = pending ? err.retryAfterMs : errorBackoffMs(errors);
      const elapsed = clock().getTime() - started;
      const inTime = timeoutMs2 === void 0 || elapsed + wait < timeoutMs2;
      const again = pending ? timeoutMs2 !== void 0 && inTime : errors < threshold && inTime;
      if (!again) {
        if (pending && timeoutMs2 === void 0) {
          throw new OperationError(
            `${errorMessage(err)} (not done yet; give the step retry.timeout to keep asking)`
          );
        }
        if (timeoutMs2 !== void 0 && !inTime && (pending || errors < threshold)) {
          throw new OperationError(
            `${errorMessage(err)} (gave up: retry.timeout ${formatDuration(timeoutMs2)} reached)`
          );
        }
        throw err;
      }
      ctx.log(
        `${label}: ${pending ? "not done yet" : `failed (${errors} of ${threshold})`}: ${errorMessage(err)}; trying again in ${formatDuration(wait)}`
      );
      await sleep(wait);
    }
  }
}
function commitMessageOf(config, outputs, result) {
  const fromSteps = config["messageFromSteps"];
  if (Array.isArray(fromSteps)) {
    const parts = fromSteps.map((alias) => outputs[String(alias)]?.["commitMessage"]).filter((m) => typeof m === "string" && m !== "");
    return parts.length ? parts.join("\n\n") : void 0;
  }
  const msg = result.outputs?.["message"];
  return typeof msg === "string" && msg !== "" ? msg : void 0;
}
function checkFields(step, config, known) {
  for (const key of Object.keys(config)) {
    if (!known.includes(key)) {
      throw new ConfigError(
        `${step}: unknown field ${JSON.stringify(key)}${didYouMean(key, known)}; fields: ${known.join(", ")}`
      );
    }
  }
}
function requireString(step, config, field) {
  const v = config[field];
  if (typeof v !== "string" || v === "") {
    throw new ConfigError(
      `${step}: ${field} is required and must be a non-empty string${v === void 0 ? "" : `, got ${JSON.stringify(v)}`}`
    );
  }
  return v;
}
function optionalBool(step, config, field) {
  const v = config[field];
  if (v === void 0 || v === null) return void 0;
  if (typeof v !== "boolean") {
    throw new ConfigError(`${step}: ${field} must be true or false, got ${JSON.stringify(v)}`);
  }
  return v;
}
function requireUpdates(step, config, extra = []) {
  const v = config["updates"];
  if (!Array.isArray(v) || v.length === 0) {
    throw new ConfigError(`${step}: updates must be a list of at least one {key, value}`);
  }
  return v.map((u, i) => {
    if (u === null || typeof u !== "object" || Array.isArray(u)) {
      throw new ConfigError(`${step}: updates[${i}] must be a map with key and value`);
    }
    const entry = u;
    checkFields(`${step}: updates[${i}]`, entry, ["key", "value", ...extra]);
    const key = entry["key"];
    if (typeof key !== "string" || key === "") {
      throw new ConfigError(
        `${step}: updates[${i}].key is required and must be a non-empty string`
      );
    }
    if (!Object.hasOwn(entry, "value")) {
      throw new ConfigError(
        `${step}: updates[${i}].value is required (key ${JSON.stringify(key)})`
      );
    }
    const flags = {};
    for (const flag2 of extra) {
      const v2 = optionalBool(`${step}: updates[${i}]`, entry, flag2);
      if (v2 !== void 0) flags[flag2] = v2;
    }
    return { key, value: entry["value"], ...flags };
  });
}
var isEmpty = (v) => v === null || v === void 0 || v === "";
function refuseEmptyWrites(step, file, updates, previous, written) {
  updates.forEach((u, i) => {
    if (u.allowEmpty || !isEmpty(u.value)) return;
    const old = previous.get(u.key);
    if (isEmpty(old)) return;
    const list2 = written?.["updates"];
    const source = Array.isArray(list2) ? list2[i]?.["value"] : void 0;
    const from = typeof source === "string" && hasExpression(source) ? `; the value comes from ${source.trim()}` : "";
    throw new ConfigError(
      `${step}: updates[${i}]: key ${JSON.stringify(u.key)} in ${file} would become ${u.value === "" ? "an empty string" : "null"} (it holds ${JSON.stringify(old)})${from}. Fix the expression, or set allowEmpty: true on this update if emptying the key is intended; nothing was written`
    );
  });
}

// src/promotion/steps/copy.ts
function globToRegExp(glob) {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? "";
    if (c === "*") {
      if (glob[i + 1] === "*") {
        const atStart = i === 0 || glob[i - 1] === "/";
        const atEnd = i + 2 === glob.length || glob[i + 2] === "/";
        if (atStart && atEnd) {
          if (glob[i + 2] === "/") {
            re += "(?:.*/)?";
            i += 2;
          } else {
            re += ".*";
            i += 1;
          }
          continue;
        }
      }
      re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = classEnd(glob, i);
      if (end < 0) re += "\\[";
      else {
        let cls = glob.slice(i + 1, end).replace(/\\/g, "\\\\");
        if (cls.startsWith("!")) cls = `^${cls.slice(1)}`;
        re += `[${cls}]`;
        i = end;
      }
    } else if (c === "\\" && i + 1 < glob.length) {
      re += (glob[i + 1] ?? "").replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
      i++;
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return re;
}
function classEnd(glob, open2) {
  let j = open2 + 1;
  if (glob[j] === "]") j++;
  while (j < glob.length) {
    if (glob[j] === "]") return j;
    const posix3 = glob.startsWith("[:", j) ? glob.indexOf(":]", j + 2) : -1;
    j = posix3 >= 0 ? posix3 + 2 : j + 1;
  }
  return -1;
}
function compileGlob(glob) {
  return compileRegex(`(?s)^${globToRegExp(glob)}$`);
}
function trimTrailing(line) {
  let start = line.length;
  while (start > 0 && /\s/.test(line[start - 1] ?? "")) start--;
  if (start > 0 && start < line.length && line[start - 1] === "\\") start++;
  return line.slice(0, start);
}
function parseIgnore(text3) {
  const rules = [];
  for (const raw of text3.split(/\r?\n/)) {
    let line = trimTrailing(raw);
    if (line === "" || line.startsWith("#")) continue;
    let negate = false;
    if (line.startsWith("!")) {
      negate = true;
      line = line.slice(1);
    } else if (line.startsWith("\\!") || line.startsWith("\\#")) line = line.slice(1);
    let dirOnly = false;
    if (line.endsWith("/")) {
      dirOnly = true;
      line = line.slice(0, -1);
    }
    const anchored = line.includes("/");
    if (line.startsWith("/")) line = line.slice(1);
    if (line === "") continue;
    rules.push({ negate, dirOnly, anchored, re: compileGlob(line) });
  }
  return rules;
}
function ignoreOption(step, config) {
  const text3 = config["ignore"];
  if (text3 !== void 0 && text3 !== null && typeof text3 !== "string") {
    fieldError(step, "config.ignore", "must be a string of .gitignore patterns, one a line");
  }
  return typeof text3 === "string" ? parseIgnore(text3) : [];
}
function isIgnored(rules, rel, isDir) {
  let ignored = false;
  const base = rel.slice(rel.lastIndexOf("/") + 1);
  for (const r of rules) {
    if (r.dirOnly && !isDir) continue;
    if (r.re.test(r.anchored ? rel : base)) ignored = !r.negate;
  }
  return ignored;
}
var DEFAULT_IGNORE = ".git/\n";
async function listFiles(root, rules) {
  const out = [];
  const walk = async (dir, rel) => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    for (const e of entries) {
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (e.isSymbolicLink()) continue;
      if (e.isDirectory()) {
        if (!isIgnored(rules, childRel, true)) await walk(path.join(dir, e.name), childRel);
      } else if (e.isFile() && !isIgnored(rules, childRel, false)) out.push(childRel);
    }
  };
  await walk(root, "");
  return out;
}
async function sameContent(file, data) {
  try {
    const st = await lstat(file);
    if (!st.isFile() || st.size !== data.length) return false;
    return (await readFile(file)).equals(data);
  } catch {
    return false;
  }
}
var copy = {
  name: "copy",
  schema: {
    type: "object",
    description: "Copies a file or a directory inside the checkout.",
    additionalProperties: false,
    required: ["inPath", "outPath"],
    properties: {
      inPath: nonEmpty("What to copy, relative to the checkout."),
      outPath: nonEmpty("Where to copy it, relative to the checkout."),
      ignore: text(".gitignore patterns, one a line, of files not to copy.")
    }
  },
  async run(config, ctx) {
    checkFields("copy", config, ["inPath", "outPath", "ignore"]);
    const inPath = requireString("copy", config, "inPath");
    const outPath = requireString("copy", config, "outPath");
    const ignore = config["ignore"];
    if (ignore !== void 0 && ignore !== null && typeof ignore !== "string") {
      throw new ConfigError("copy: ignore must be a string of .gitignore patterns, one a line");
    }
    const rules = parseIgnore(DEFAULT_IGNORE + (typeof ignore === "string" ? ignore : ""));
    const src = await safePath(ctx.worktree, inPath, "copy: inPath");
    await safePath(ctx.worktree, outPath, "copy: outPath");
    const inRel = normalizeRelative(inPath);
    const outRel = normalizeRelative(outPath);
    let srcStat;
    try {
      srcStat = await stat(src);
    } catch {
      throw new ConfigError(`copy: inPath ${JSON.stringify(inRel)}: no such file or directory`);
    }
    const plan = srcStat.isDirectory() ? (await listFiles(src, rules)).map((f) => [f, outRel === "." ? f : `${outRel}/${f}`]) : [["", outRel]];
    if (!srcStat.isDirectory() && outRel === ".") {
      throw new ConfigError('copy: outPath "." names the checkout itself; give a file path');
    }
    const changed = [];
    for (const [from, toRel] of plan) {
      const fromAbs = from === "" ? src : path.join(src, from);
      const toAbs = await safePath(ctx.worktree, toRel, "copy: outPath");
      const data = await readFile(fromAbs);
      if (await sameContent(toAbs, data)) continue;
      await mkdir(path.dirname(toAbs), { recursive: true });
      const existing = await stat(toAbs).catch(() => void 0);
      if (existing?.isDirectory()) {
        throw new ConfigError(
          `copy: cannot copy ${JSON.stringify(from || inRel)} over the directory ${JSON.stringify(toRel)}`
        );
      }
      await writeFile(toAbs, data);
      await chmod(toAbs, (await stat(fromAbs)).mode & 511);
      changed.push(toRel);
    }
    return {
      summary: changed.length ? [`- copied ${inRel} \u2192 ${outRel} (${changed.length} file(s))`] : [],
      changed
    };
  }
};

// src/promotion/steps/fail.ts
var STEP3 = "fail";
var fail = {
  name: STEP3,
  schema: {
    type: "object",
    description: "Fails the promotion, with `message` when one is given (put it under an `if:`).",
    additionalProperties: false,
    properties: {
      message: { type: "string", minLength: 1, description: "What the failure says." }
    }
  },
  // async: a bad config rejects like the failure itself, never throws synchronously.
  async run(config) {
    checkFields(STEP3, config, ["message"]);
    const message = config["message"];
    if (message !== void 0 && message !== null && typeof message !== "string") {
      fieldError(STEP3, "config.message", `must be a string, got ${JSON.stringify(message)}`);
    }
    const text3 = typeof message === "string" && message !== "" ? `failed: ${message}` : "failed";
    await Promise.resolve();
    throw new OperationError(`${STEP3}: ${text3}`);
  }
};

// src/promotion/steps/file-write.ts
import { chmod as chmod2, lstat as lstat2, mkdir as mkdir2, readFile as readFile2, realpath, writeFile as writeFile2 } from "node:fs/promises";
import path2 from "node:path";
var STEP4 = "file-write";
var DEFAULT_MODE = 384;
function parsePermissions(v) {
  if (v === void 0 || v === null || v === "") return DEFAULT_MODE;
  if (typeof v !== "string" || !/^0[0-7]{3}$/.test(v)) {
    fieldError(
      STEP4,
      "config.permissions",
      `must be an octal file mode written as a string of four digits such as "0644", got ${JSON.stringify(v)}`
    );
  }
  const mode = Number.parseInt(v, 8);
  if (mode & 73) fieldError(STEP4, "config.permissions", `"${v}" has executable bits`);
  if (mode & 2) fieldError(STEP4, "config.permissions", `"${v}" is world-writable`);
  return mode;
}
async function writablePath(worktree, rel, field) {
  const abs = await safePath(worktree, rel, field);
  const lexical = path2.join(await realpath(worktree), normalizeRelative(rel));
  if (abs !== lexical) {
    throw new ConfigError(
      `${field} ${JSON.stringify(rel)}: goes through a symbolic link; give the real path`
    );
  }
  return abs;
}
var fileWrite = {
  name: STEP4,
  schema: {
    type: "object",
    description: "Writes `contents` to a file, replacing it whole (no comments or formatting are kept).",
    additionalProperties: false,
    required: ["path", "contents"],
    properties: {
      path: nonEmpty(
        "The file, relative to the checkout; parents are created. No `..` out of it, no `.git`, no symbolic links on the way."
      ),
      contents: { type: "string", description: "What the file holds afterwards; may be empty." },
      permissions: {
        type: "string",
        pattern: "^0[0-7]{3}$",
        description: 'Octal mode of the file, such as `"0644"`; default `"0600"`. Executable and world-writable modes are refused.'
      },
      overwrite: flag(
        "Replace the file when it exists; default false (then an existing file fails the step)."
      )
    }
  },
  async run(config, ctx) {
    checkFields(STEP4, config, ["path", "contents", "permissions", "overwrite"]);
    const rel = requireString(STEP4, config, "path");
    let contents = config["contents"];
    if (typeof contents === "number" && Number.isFinite(contents) || typeof contents === "boolean") {
      contents = String(contents);
    }
    if (typeof contents !== "string") {
      fieldError(
        STEP4,
        "config.contents",
        contents === void 0 ? "is required (an empty string writes an empty file)" : `must be a string, got ${typeof contents === "object" ? "a map or list (render it with asYAML() or asJSON())" : JSON.stringify(contents)}`
      );
    }
    const mode = parsePermissions(config["permissions"]);
    const overwrite = optionalBool(STEP4, config, "overwrite") ?? false;
    const abs = await writablePath(ctx.worktree, rel, `${STEP4}: path`);
    const shown = normalizeRelative(rel);
    if (shown === ".") fieldError(STEP4, "config.path", "names the checkout itself, not a file");
    const existing = await lstat2(abs).catch(() => void 0);
    if (existing?.isDirectory()) {
      fieldError(STEP4, "config.path", `${JSON.stringify(shown)} is a directory`);
    }
    if (existing && !overwrite) {
      fieldError(
        STEP4,
        "config.path",
        `${JSON.stringify(shown)} already exists; set overwrite: true to replace it`
      );
    }
    const same = existing?.isFile() === true && (existing.mode & 511) === mode && await readFile2(abs, "utf8") === contents;
    if (same) return { summary: [], changed: [] };
    await mkdir2(path2.dirname(abs), { recursive: true });
    await writeFile2(abs, contents, { mode });
    await chmod2(abs, mode);
    return { summary: [`- wrote ${shown}`], changed: [shown] };
  }
};

// src/promotion/steps/delete.ts
import { lstat as lstat3, readdir as readdir2, rm } from "node:fs/promises";
import path3 from "node:path";
var GLOB_CHARS = /[*?[]/;
async function expandGlob(worktree, glob, field) {
  const dirOnly = glob.endsWith("/");
  const pattern = normalizeRelative(glob);
  const parts = pattern.split("/");
  const literal = [];
  for (const p of parts) {
    if (GLOB_CHARS.test(p)) break;
    literal.push(p);
  }
  const prefix = literal.length ? literal.join("/") : ".";
  const start = await safePath(worktree, prefix, field);
  const re = compileGlob(pattern);
  const out = [];
  const visit2 = async (abs, rel) => {
    const st = await lstat3(abs).catch(() => void 0);
    if (!st) return;
    if (rel !== "." && re.test(rel) && (!dirOnly || st.isDirectory())) {
      out.push(rel);
      return;
    }
    if (!st.isDirectory()) return;
    for (const e of await readdir2(abs, { withFileTypes: true })) {
      if (e.name === ".git") continue;
      await visit2(path3.join(abs, e.name), rel === "." ? e.name : `${rel}/${e.name}`);
    }
  };
  await visit2(start, prefix);
  return out.sort();
}
var deleteStep = {
  name: "delete",
  schema: {
    type: "object",
    description: "Deletes files or directories inside the checkout (one of `path` and `paths`).",
    additionalProperties: false,
    properties: {
      path: nonEmpty("What to delete, relative to the checkout."),
      paths: {
        type: "array",
        minItems: 1,
        items: nonEmpty("A path or, with `pathsAreGlobs`, a glob."),
        description: "Several paths to delete."
      },
      pathsAreGlobs: flag("Read `paths` as glob patterns."),
      strict: flag("Fail when a path does not exist.")
    }
  },
  async run(config, ctx) {
    checkFields("delete", config, ["path", "paths", "pathsAreGlobs", "strict"]);
    const strict = optionalBool("delete", config, "strict") ?? false;
    const globs = optionalBool("delete", config, "pathsAreGlobs") ?? false;
    const one = config["path"];
    const many = config["paths"];
    if (one === void 0 === (many === void 0)) {
      throw new ConfigError("delete: exactly one of path and paths must be given");
    }
    let paths;
    if (one !== void 0) paths = [{ value: one, field: "delete: path" }];
    else {
      if (!Array.isArray(many) || many.length === 0) {
        throw new ConfigError("delete: paths must be a non-empty list of paths");
      }
      paths = many.map((value, i) => ({ value, field: `delete: paths[${i}]` }));
    }
    const changed = [];
    for (const { value, field } of paths) {
      let targets;
      if (globs) {
        if (typeof value !== "string" || value === "") {
          throw new ConfigError(`${field}: must be a non-empty glob pattern`);
        }
        targets = await expandGlob(ctx.worktree, value, field);
        if (targets.length === 0) {
          if (strict) throw new ConfigError(`${field} ${JSON.stringify(value)}: matches nothing`);
          ctx.log(`delete: ${value} matches nothing; nothing to delete`);
          continue;
        }
      } else targets = [value];
      for (const target of targets) {
        const abs = await safePath(ctx.worktree, target, field, { noFollowFinal: true });
        const rel = normalizeRelative(target);
        if (rel === ".") {
          throw new ConfigError(`${field}: refusing to delete the whole checkout`);
        }
        if (changed.some((c) => rel.startsWith(`${c}/`))) continue;
        try {
          await lstat3(abs);
        } catch {
          if (strict) {
            throw new ConfigError(`${field} ${JSON.stringify(rel)}: no such file or directory`);
          }
          ctx.log(`delete: ${rel} does not exist; nothing to delete`);
          continue;
        }
        await rm(abs, { recursive: true, force: true });
        changed.push(rel);
      }
    }
    return {
      summary: changed.map((p) => `- deleted ${p}`),
      changed
    };
  }
};

// src/promotion/steps/git.ts
var AUTHOR = {
  type: "object",
  description: "Who commits and tags in this clone; default gantry[bot].",
  additionalProperties: false,
  required: ["name", "email"],
  properties: {
    name: nonEmpty("Name."),
    email: nonEmpty("Email address."),
    signingKey: text("Not supported: gantry signs through GitHub (sign-commits) instead.")
  }
};
var INSECURE = flag("Skip TLS certificate verification for this repository.");
function workspaceOf(ctx, step) {
  if (!ctx.workspace) {
    throw new ConfigError(
      `${step} works on a checkout that git-clone made, and this template has no git-clone step: without one gantry checks out the stage's branch and commits and pushes it itself`
    );
  }
  return ctx.workspace;
}
function author(step, v) {
  if (v === void 0 || v === null) return void 0;
  if (typeof v !== "object" || Array.isArray(v)) {
    throw new ConfigError(`${step}: author must be a map with name and email`);
  }
  const a = v;
  checkFields(`${step}: author`, a, ["name", "email", "signingKey"]);
  if (a["signingKey"] !== void 0) {
    throw new ConfigError(
      `${step}: author.signingKey: gantry does not sign with GPG keys; set the promote action's sign-commits input to have GitHub sign the stage's commits`
    );
  }
  return {
    name: requireString(`${step}: author`, a, "name"),
    email: requireString(`${step}: author`, a, "email")
  };
}
function optionalString(step, config, field) {
  const v = config[field];
  if (v === void 0 || v === null || v === "") return void 0;
  if (typeof v !== "string") {
    throw new ConfigError(`${step}: ${field} must be a string, got ${JSON.stringify(v)}`);
  }
  return v;
}
var gitClone = {
  name: "git-clone",
  schema: {
    type: "object",
    description: "Clones a repository into the workspace and checks out branches, commits or tags at the paths later steps use. Output `commits`: each checkout's HEAD, by `as` or path.",
    additionalProperties: false,
    required: ["repoURL", "checkout"],
    properties: {
      repoURL: nonEmpty(
        "The repository. The GitOps repository gets the credentials gantry was given; any other is reached with what its URL holds."
      ),
      insecureSkipTLSVerify: INSECURE,
      blobless: flag(
        "Accepted: gantry always clones without blobs, fetching those a checkout needs."
      ),
      recurseSubmodules: flag("Check out submodules (same credentials rules)."),
      author: AUTHOR,
      checkout: {
        type: "array",
        minItems: 1,
        description: "The checkouts, each a worktree of the clone.",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["path"],
          properties: {
            path: nonEmpty("Where later steps find the checkout (`./out`), inside the workspace."),
            as: nonEmpty(
              "Key of this checkout in the `commits` output (default: `path` as written)."
            ),
            branch: nonEmpty("A branch (the worktree is on it, so git-commit and git-push work)."),
            create: flag(
              "Start the branch when it is missing: an orphan branch with one empty commit, pushed with the promotion."
            ),
            commit: nonEmpty(
              "A commit SHA, checked out detached (`${{ commitFrom(vars.repo).ID }}`)."
            ),
            tag: nonEmpty("A tag, checked out detached."),
            fromFreight: flag(
              "Check out the commit the freight holds for this repository (Kargo's older form of `commit: ${{ commitFrom(repoURL).ID }}`)."
            ),
            fromOrigin: originSchema(
              "With fromFreight: the warehouse whose freight holds the commit."
            ),
            sparse: {
              type: "array",
              minItems: 1,
              items: nonEmpty("A directory (cone mode: no globs)."),
              description: "Check out only these directories (and top-level files)."
            }
          }
        }
      }
    }
  },
  async run(config, ctx) {
    const ws = workspaceOf(ctx, "git-clone");
    checkFields("git-clone", config, [
      "repoURL",
      "insecureSkipTLSVerify",
      "blobless",
      "recurseSubmodules",
      "author",
      "checkout"
    ]);
    const repoURL = requireString("git-clone", config, "repoURL");
    const list2 = config["checkout"];
    if (!Array.isArray(list2) || list2.length === 0) {
      throw new ConfigError("git-clone: checkout must list at least one {path, branch|commit|tag}");
    }
    const seen = /* @__PURE__ */ new Set();
    const checkout = list2.map((raw, i) => {
      const where = `git-clone: checkout[${i}]`;
      if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
        throw new ConfigError(`${where} must be a map with path`);
      }
      const c = raw;
      checkFields(where, c, [
        "path",
        "as",
        "branch",
        "create",
        "commit",
        "tag",
        "fromFreight",
        "fromOrigin",
        "sparse"
      ]);
      const path12 = requireString(where, c, "path");
      let commit = optionalString(where, c, "commit");
      if (optionalBool(where, c, "fromFreight")) {
        commit = freightCommit(where, repoURL, c["fromOrigin"], ctx.freightCollection);
      }
      const refs = [c["branch"], commit, c["tag"]].filter((v) => v !== void 0 && v !== "");
      if (refs.length > 1) {
        throw new ConfigError(`${where}: set at most one of branch, commit and tag`);
      }
      if (commit !== void 0 && !/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(commit)) {
        throw new ConfigError(
          /^[0-9a-f]{4,63}$/i.test(commit) ? `${where}: commit ${JSON.stringify(commit)} is abbreviated; give the full SHA (40 hex characters, as commitFrom(...).ID gives it)` : `${where}: commit ${JSON.stringify(commit)} is not a commit SHA`
        );
      }
      const key = optionalString(where, c, "as") ?? path12;
      if (seen.has(key))
        throw new ConfigError(`${where}: two checkouts are both named ${JSON.stringify(key)}`);
      seen.add(key);
      const sparse = c["sparse"];
      if (sparse !== void 0) {
        if (!Array.isArray(sparse) || !sparse.length || sparse.some((s) => typeof s !== "string" || !s || /^\.\.|^\/|[*?[]/.test(s))) {
          throw new ConfigError(
            `${where}: sparse must list directories relative to the repository, without "..", globs or a leading "/"`
          );
        }
      }
      const branch = optionalString(where, c, "branch");
      const tag = optionalString(where, c, "tag");
      const as = optionalString(where, c, "as");
      return {
        path: path12,
        ...as !== void 0 ? { as } : {},
        ...branch !== void 0 ? { branch } : {},
        create: optionalBool(where, c, "create") ?? false,
        ...commit !== void 0 ? { commit } : {},
        ...tag !== void 0 ? { tag } : {},
        ...Array.isArray(sparse) ? { sparse } : {}
      };
    });
    const who = author("git-clone", config["author"]);
    const commits = await ws.clone({
      repoURL,
      insecureSkipTLSVerify: optionalBool("git-clone", config, "insecureSkipTLSVerify") ?? false,
      recurseSubmodules: optionalBool("git-clone", config, "recurseSubmodules") ?? false,
      ...who ? { author: who } : {},
      checkout
    });
    ctx.log(
      `git-clone: ${maskUserinfo(repoURL)}: ${Object.entries(commits).map(([k, v]) => `${k} at ${v.slice(0, 7)}`).join(", ")}`
    );
    return { outputs: { commits } };
  }
};
function freightCommit(where, repoURL, origin, collection) {
  const name = origin && typeof origin === "object" ? origin["name"] : void 0;
  const pool = typeof name === "string" ? collection.filter((f) => f.origin.name === name) : collection;
  const want = normalizeGitURL(repoURL);
  const found = pool.map((f) => f.commits.find((c) => c.repoURL === repoURL || normalizeGitURL(c.repoURL) === want)).filter((c) => c !== void 0);
  if (found.length !== 1) {
    throw new ConfigError(
      `${where}: fromFreight: ${found.length ? "several freight hold" : "no freight holds"} a commit of ${repoURL}${found.length ? "; name the warehouse in fromOrigin" : ""}`
    );
  }
  return found[0].id;
}
var gitClear = {
  name: "git-clear",
  schema: {
    type: "object",
    description: "Empties a checkout (everything but `.git`, and `.gantry/` in the GitOps repository: the project files and the stages' state), so that later steps write a rendered branch's whole content. Without git-clone: the stage's checkout.",
    additionalProperties: false,
    required: ["path"],
    properties: { path: nonEmpty("The checkout (`./out`); `.` without git-clone.") }
  },
  async run(config, ctx) {
    checkFields("git-clear", config, ["path"]);
    const where = requireString("git-clear", config, "path");
    if (!ctx.workspace) return clearStageCheckout(where, ctx);
    const removed = await ctx.workspace.clear(where);
    ctx.log(`git-clear: ${where}: removed ${removed} top-level entr${removed === 1 ? "y" : "ies"}`);
    return { summary: removed ? [`- cleared ${where}`] : [] };
  }
};
async function clearStageCheckout(where, ctx) {
  const { readdir: readdir6, rm: rm8 } = await import("node:fs/promises");
  const path12 = await import("node:path");
  const { normalizeRelative: normalizeRelative2 } = await import("./OGXEPNUQ.js");
  if (normalizeRelative2(where) !== ".") {
    throw new ConfigError(
      `git-clear: path ${JSON.stringify(where)}: without git-clone the only checkout is the stage's branch; clear it with path "."`
    );
  }
  const removed = [];
  for (const e of await readdir6(ctx.worktree, { withFileTypes: true })) {
    if (e.name === ".git" || e.name === ".gantry") continue;
    await rm8(path12.join(ctx.worktree, e.name), { recursive: true, force: true });
    removed.push(e.name);
  }
  ctx.log(
    `git-clear: removed ${removed.length} top-level entr${removed.length === 1 ? "y" : "ies"}`
  );
  return {
    summary: removed.length ? [`- cleared the checkout (${removed.length} top-level entries)`] : [],
    changed: removed
  };
}
var gitCommit = {
  name: "git-commit",
  schema: {
    type: "object",
    description: "Commits everything in a checkout when anything changed (status Skipped otherwise). In the stage's checkout the stage's state file rides in the commit and gantry's record (versions, trailers) follows the message; a second git-commit there before the push amends that commit, since a promotion is one commit. Output `commit`.",
    additionalProperties: false,
    properties: {
      path: nonEmpty("The checkout to commit (`./out`)."),
      message: text(
        "The commit message. Without git-clone: goes into the promotion commit's body."
      ),
      messageFromSteps: {
        type: "array",
        items: nonEmpty("A step alias."),
        description: "Aliases of steps whose `commitMessage` outputs make the message."
      },
      author: { ...AUTHOR, description: "Deprecated in Kargo: git-clone's author instead." }
    }
  },
  async run(config, ctx) {
    checkFields("git-commit", config, ["path", "message", "messageFromSteps", "author"]);
    const message = commitMessage(config, ctx);
    if (!ctx.workspace) {
      return message !== void 0 ? { outputs: { message } } : {};
    }
    const path12 = requireString("git-commit", config, "path");
    if (message === void 0) {
      throw new ConfigError(
        "git-commit: message is required (or messageFromSteps naming steps with a commitMessage)"
      );
    }
    const who = author("git-commit", config["author"]);
    const made = await ctx.workspace.commit(path12, message, ctx.summary ?? [], who);
    ctx.log(
      made.committed ? `git-commit: ${path12}: ${made.commit.slice(0, 7)}` : `git-commit: ${path12}: nothing to commit`
    );
    return {
      outputs: { commit: made.commit },
      ...made.committed ? {} : { status: "Skipped" }
    };
  }
};
function commitMessage(config, ctx) {
  const fromSteps = config["messageFromSteps"];
  if (Array.isArray(fromSteps)) {
    const parts = fromSteps.map((alias) => ctx.outputs?.[String(alias)]?.["commitMessage"]).filter((m2) => typeof m2 === "string" && m2 !== "");
    if (parts.length) return parts.join("\n\n");
  }
  const m = config["message"];
  if (m === void 0 || m === null || m === "") return void 0;
  if (typeof m !== "string") throw new ConfigError(`git-commit: message must be a string`);
  return m;
}
var gitPush = {
  name: "git-push",
  schema: {
    type: "object",
    description: "Pushes a checkout's branch (or a tag). The push to the stage's branch is the promotion: a rejected push runs the template again on the new tip. Outputs `branch`, `commit`, `commitURL` (GitHub).",
    additionalProperties: false,
    required: ["path"],
    properties: {
      path: nonEmpty("The checkout to push."),
      targetBranch: nonEmpty("The branch to push to; default: the checkout's branch."),
      generateTargetBranch: flag(
        "Push to gantry/promote/<project>/<stage> (gantry's own branch, replaced each time), the head of the pull request git-open-pr opens."
      ),
      tag: nonEmpty(
        "Push this tag (made by git-tag) instead of a branch; before the stage's commit has been pushed, the tag waits and goes with it, in one atomic push."
      ),
      force: flag("Refused: gantry never force-pushes a branch others write."),
      maxAttempts: {
        type: "integer",
        minimum: 1,
        description: "Accepted; gantry's own bounded race retries apply (the whole template runs again)."
      },
      provider: providerSchema
    }
  },
  async run(config, ctx) {
    const ws = workspaceOf(ctx, "git-push");
    checkFields("git-push", config, [
      "path",
      "targetBranch",
      "generateTargetBranch",
      "tag",
      "force",
      "maxAttempts",
      "provider"
    ]);
    const path12 = requireString("git-push", config, "path");
    const targetBranch = optionalString("git-push", config, "targetBranch");
    const generate = optionalBool("git-push", config, "generateTargetBranch") ?? false;
    const tag = optionalString("git-push", config, "tag");
    const force = optionalBool("git-push", config, "force") ?? false;
    if ([targetBranch !== void 0, generate, tag !== void 0].filter(Boolean).length > 1) {
      throw new ConfigError(
        "git-push: set at most one of targetBranch, generateTargetBranch and tag"
      );
    }
    const out = await ws.push({
      path: path12,
      ...targetBranch !== void 0 ? { targetBranch } : {},
      generateTargetBranch: generate,
      ...tag !== void 0 ? { tag } : {},
      force
    });
    ctx.log(
      `git-push: ${path12}: ${tag !== void 0 ? `tag ${tag}` : `${out.commit.slice(0, 7)} to ${out.branch}`}`
    );
    return { outputs: { ...out } };
  }
};
var githubPush = {
  name: "github-push",
  schema: {
    type: "object",
    description: "Pushes a checkout's branch as git-push does, but the stage's commit is made by GitHub's API, which signs it. Outputs `branch`, `commit` (GitHub's), `commitURL`.",
    additionalProperties: false,
    required: ["path"],
    properties: {
      path: nonEmpty("The checkout of the GitOps repository (on GitHub) to push."),
      targetBranch: nonEmpty("The branch to push to; default: the checkout's branch."),
      generateTargetBranch: flag(
        "Push to gantry/promote/<project>/<stage> (gantry's own branch, replaced each time), the head of the pull request git-open-pr opens."
      ),
      force: flag("Refused: gantry never force-pushes a branch others write."),
      maxAttempts: {
        type: "integer",
        minimum: 1,
        description: "Accepted; gantry's own bounded race retries apply (the whole template runs again)."
      },
      insecureSkipTLSVerify: flag(KARGO_ONLY)
    }
  },
  async run(config, ctx) {
    const step = "github-push";
    const ws = workspaceOf(ctx, step);
    checkFields(step, config, [
      "path",
      "targetBranch",
      "generateTargetBranch",
      "force",
      "maxAttempts",
      "insecureSkipTLSVerify"
    ]);
    const path12 = requireString(step, config, "path");
    const targetBranch = optionalString(step, config, "targetBranch");
    const generate = optionalBool(step, config, "generateTargetBranch") ?? false;
    const force = optionalBool(step, config, "force") ?? false;
    if (targetBranch !== void 0 && generate) {
      throw new ConfigError(`${step}: set at most one of targetBranch and generateTargetBranch`);
    }
    const out = await ws.push({
      path: path12,
      ...targetBranch !== void 0 ? { targetBranch } : {},
      generateTargetBranch: generate,
      force,
      viaGitHub: true
    });
    ctx.log(`${step}: ${path12}: ${out.commit.slice(0, 7)} to ${out.branch}`);
    return { outputs: { ...out } };
  }
};
var gitTag = {
  name: "git-tag",
  schema: {
    type: "object",
    description: "Tags a checkout's HEAD (annotated, local; push it with git-push `tag`). Output `commit`.",
    additionalProperties: false,
    required: ["path", "tag", "message"],
    properties: {
      path: nonEmpty("The checkout."),
      tag: nonEmpty("The tag name."),
      message: nonEmpty("The annotation."),
      force: flag("Move the tag when it exists.")
    }
  },
  async run(config, ctx) {
    const ws = workspaceOf(ctx, "git-tag");
    checkFields("git-tag", config, ["path", "tag", "message", "force"]);
    const commit = await ws.tag(
      requireString("git-tag", config, "path"),
      requireString("git-tag", config, "tag"),
      requireString("git-tag", config, "message"),
      optionalBool("git-tag", config, "force") ?? false
    );
    return { outputs: { commit } };
  }
};

// src/promotion/steps/git-pr.ts
var MAX_PR_WAIT_MS = 30 * 6e4;
var REPO = nonEmpty("The GitOps repository (gantry opens pull requests there, on GitHub).");
var INSECURE2 = flag("Skip TLS certificate verification.");
var PR_NUMBER = {
  type: "integer",
  minimum: 1,
  description: "The pull request's number (`${{ outputs['open-pr'].pr.id }}`)."
};
var POLL = nonEmpty("How often to look while waiting (Go duration, default 30s; at least 5s).");
function github(ctx, step, repoURL) {
  const ws = ctx.workspace;
  if (!ws) {
    throw new ConfigError(
      `${step} needs a git-clone workspace; without git-clone, set the template's mode: pull-request and gantry opens the pull request itself`
    );
  }
  if (!ws.isGitOps(repoURL)) {
    throw new ConfigError(
      `${step}: repoURL ${repoURL} is not the GitOps repository (${ws.gitopsUrl}); gantry opens pull requests there only`
    );
  }
  if (!ws.github) {
    throw new ConfigError(
      `${step} needs GitHub: the GitOps repository on GitHub and a token (the promote action's repository and token inputs)`
    );
  }
  return ws.github;
}
function prNumber(step, config) {
  const v = config["prNumber"];
  const n = typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1) {
    throw new ConfigError(
      `${step}: prNumber must be a pull request number, got ${JSON.stringify(v)}`
    );
  }
  return n;
}
function pollMs(step, config, fallback) {
  const v = config["pollInterval"];
  if (v === void 0) return fallback;
  if (typeof v !== "string")
    throw new ConfigError(`${step}: pollInterval must be a duration such as 30s`);
  return Math.max(5e3, parseDuration2(v));
}
var prOutput = (pr) => ({
  id: pr.number,
  url: pr.url,
  open: pr.state === "open",
  merged: pr.merged
});
var gitOpenPr = {
  name: "git-open-pr",
  schema: {
    type: "object",
    description: "Opens a pull request on GitHub from sourceBranch into targetBranch, or reuses the open one; Skipped when the two do not differ. Output `pr` (`id`, `url`).",
    additionalProperties: false,
    required: ["repoURL", "sourceBranch", "targetBranch"],
    properties: {
      repoURL: REPO,
      sourceBranch: nonEmpty("The head branch (`${{ outputs.push.branch }}`)."),
      targetBranch: nonEmpty("The base branch: the stage's branch."),
      title: nonEmpty("Default: the first line of the source branch's commit message."),
      description: text(
        "Default: the rest of that message. gantry adds a line naming the promotion."
      ),
      labels: { type: "array", items: nonEmpty("A label."), description: "Labels to add." },
      createTargetBranch: flag("Deprecated in Kargo; does nothing."),
      provider: providerSchema,
      insecureSkipTLSVerify: INSECURE2
    }
  },
  async run(config, ctx) {
    checkFields("git-open-pr", config, [
      "repoURL",
      "sourceBranch",
      "targetBranch",
      "title",
      "description",
      "labels",
      "createTargetBranch",
      "provider",
      "insecureSkipTLSVerify"
    ]);
    const repoURL = requireString("git-open-pr", config, "repoURL");
    const api = github(ctx, "git-open-pr", repoURL);
    const ws = ctx.workspace;
    const head = requireString("git-open-pr", config, "sourceBranch");
    const base = requireString("git-open-pr", config, "targetBranch");
    const labels = config["labels"];
    if (labels !== void 0 && (!Array.isArray(labels) || labels.some((l) => typeof l !== "string" || !l))) {
      throw new ConfigError("git-open-pr: labels must be a list of names");
    }
    if (await ws.sameAsBase(head)) {
      ctx.log(`git-open-pr: ${head} does not differ from ${base}: no pull request`);
      return { status: "Skipped" };
    }
    const message = await ws.messageOf(head) ?? "";
    const [first = "", ...rest] = message.split("\n");
    const title = typeof config["title"] === "string" && config["title"] ? config["title"] : first.trim() || `promote ${ctx.stage}`;
    const described = typeof config["description"] === "string" && config["description"] ? config["description"] : typeof config["title"] === "string" && config["title"] ? message : rest.join("\n").trim();
    const body = `${described.trim()}

${promotionMarker(ctx.project, ctx.stage, ctx.freight.id)}
`;
    if (ws.dryRun) {
      ctx.log(
        `git-open-pr: dry run, would open a pull request from ${head} into ${base}: ${title}`
      );
      return { outputs: { pr: { id: 0, url: "" } } };
    }
    const existing = await api.findPullRequest({ head, base });
    const pr = existing ? await api.updatePullRequest({ number: existing.number, title, body }) : await api.createPullRequest({ head, base, title, body });
    if (Array.isArray(labels) && labels.length) await api.addLabels(pr.number, labels);
    ws.openedPullRequest({ number: pr.number, url: pr.url, created: !existing });
    ctx.log(`git-open-pr: ${existing ? "updated" : "opened"} #${pr.number} ${pr.url}`);
    return { outputs: { pr: { id: pr.number, url: pr.url } } };
  }
};
async function watch(ctx, api, n, everyMs, done) {
  const clock = ctx.clock ?? (() => /* @__PURE__ */ new Date());
  const sleep = ctx.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  const until = clock().getTime() + Math.min(ctx.waitMs ?? 0, MAX_PR_WAIT_MS);
  for (; ; ) {
    const pr = await api.getPullRequest(n);
    if (await done(pr)) return pr;
    if (clock().getTime() + everyMs > until) {
      ctx.workspace?.openedPullRequest({ number: pr.number, url: pr.url, created: false });
      throw new PromotionPendingError(
        `pull request #${pr.number} is open: merging it completes the promotion (${pr.url})`,
        { number: pr.number, url: pr.url, created: false }
      );
    }
    await sleep(everyMs);
  }
}
function settled(step, pr) {
  if (pr.merged) return true;
  if (pr.state === "closed") {
    throw new OperationError(
      `${step}: pull request #${pr.number} was closed without being merged (${pr.url})`
    );
  }
  return false;
}
var gitWaitForPr = {
  name: "git-wait-for-pr",
  schema: {
    type: "object",
    description: "Waits for a pull request's merge, within the job up to the step's retry.timeout (at most 30 minutes); still open then, the promotion ends as pending and the merge completes it. Outputs `pr` (`id`, `url`, `open`, `merged`) and `commit` (the merge commit).",
    additionalProperties: false,
    required: ["repoURL", "prNumber"],
    properties: {
      repoURL: REPO,
      prNumber: PR_NUMBER,
      pollInterval: POLL,
      provider: providerSchema,
      insecureSkipTLSVerify: INSECURE2
    }
  },
  async run(config, ctx) {
    checkFields("git-wait-for-pr", config, [
      "repoURL",
      "prNumber",
      "pollInterval",
      "provider",
      "insecureSkipTLSVerify"
    ]);
    const api = github(ctx, "git-wait-for-pr", requireString("git-wait-for-pr", config, "repoURL"));
    if (ctx.workspace?.dryRun) {
      throw new PromotionPendingError(
        "dry run: the pull request is not opened, so nothing waits on it"
      );
    }
    const n = prNumber("git-wait-for-pr", config);
    const pr = await watch(
      ctx,
      api,
      n,
      pollMs("git-wait-for-pr", config, 3e4),
      (p) => Promise.resolve(settled("git-wait-for-pr", p))
    );
    ctx.log(`git-wait-for-pr: #${pr.number} merged as ${pr.mergeCommitSha?.slice(0, 7) ?? "?"}`);
    ctx.workspace?.mergedPullRequest(pr);
    return {
      outputs: { pr: prOutput(pr), ...pr.mergeCommitSha ? { commit: pr.mergeCommitSha } : {} }
    };
  }
};
var MERGE_METHODS = ["merge", "squash", "rebase"];
var gitMergePr = {
  name: "git-merge-pr",
  schema: {
    type: "object",
    description: "Merges a pull request through GitHub's API (as the token; branch protection applies). With `wait`, waits for it to become mergeable like git-wait-for-pr. Output `commit`.",
    additionalProperties: false,
    required: ["repoURL", "prNumber"],
    properties: {
      repoURL: REPO,
      prNumber: PR_NUMBER,
      mergeMethod: {
        enum: [...MERGE_METHODS],
        description: "GitHub's: merge (default), squash or rebase."
      },
      wait: flag("Wait while the pull request is not mergeable yet, instead of failing."),
      pollInterval: { ...POLL, description: "How often to look while waiting (default 10s)." },
      provider: providerSchema,
      insecureSkipTLSVerify: INSECURE2
    }
  },
  async run(config, ctx) {
    checkFields("git-merge-pr", config, [
      "repoURL",
      "prNumber",
      "mergeMethod",
      "wait",
      "pollInterval",
      "provider",
      "insecureSkipTLSVerify"
    ]);
    const api = github(ctx, "git-merge-pr", requireString("git-merge-pr", config, "repoURL"));
    const n = prNumber("git-merge-pr", config);
    const method = config["mergeMethod"];
    if (method !== void 0 && !MERGE_METHODS.includes(method)) {
      throw new ConfigError(
        `git-merge-pr: mergeMethod must be merge, squash or rebase, got ${JSON.stringify(method)}`
      );
    }
    if (ctx.workspace?.dryRun) {
      throw new PromotionPendingError(`dry run: pull request #${n} would be merged`);
    }
    const wait = optionalBool("git-merge-pr", config, "wait") ?? false;
    let sha;
    const pr = await watch(
      { ...ctx, ...wait ? {} : { waitMs: 0 } },
      api,
      n,
      pollMs("git-merge-pr", config, 1e4),
      async (p) => {
        if (settled("git-merge-pr", p)) return true;
        try {
          sha = (await api.mergePullRequest({
            number: n,
            ...method ? { mergeMethod: method } : {},
            sha: p.headSha
          })).sha;
          return true;
        } catch (err) {
          if (err instanceof PullRequestNotMergeableError) {
            if (!wait) {
              throw new OperationError(
                `git-merge-pr: pull request #${n} cannot be merged now (${err.message}); set wait: true to wait for it`
              );
            }
            ctx.log(`git-merge-pr: #${n} not mergeable yet: ${err.message}`);
            return false;
          }
          throw err;
        }
      }
    );
    const commit = sha ?? pr.mergeCommitSha;
    ctx.log(`git-merge-pr: #${n} merged${commit ? ` as ${commit.slice(0, 7)}` : ""}`);
    ctx.workspace?.mergedPullRequest({
      ...pr,
      merged: true,
      ...commit ? { mergeCommitSha: commit } : {}
    });
    return { outputs: commit ? { commit } : {} };
  }
};
var GIT_PR_STEPS = [gitOpenPr, gitWaitForPr, gitMergePr];

// src/promotion/steps/helm-template.ts
var import_yaml2 = __toESM(require_dist(), 1);
import { mkdtemp, readFile as readFile4, rm as rm3, stat as stat2 } from "node:fs/promises";
import { tmpdir } from "node:os";
import path5 from "node:path";

// src/promotion/steps/render.ts
var import_yaml = __toESM(require_dist(), 1);
import { spawn } from "node:child_process";
import { lstat as lstat4, mkdir as mkdir3, readdir as readdir3, readFile as readFile3, rm as rm2, writeFile as writeFile3 } from "node:fs/promises";
import path4 from "node:path";
var STDERR_KEPT = 4e3;
var RENDER_TIMEOUT_MS = 10 * 60 * 1e3;
var STDOUT_LIMIT = 64 * 1024 * 1024;
var MissingBinaryError = class extends Error {
  constructor(binary) {
    super(`${binary}: not found`);
    this.binary = binary;
    this.name = "MissingBinaryError";
  }
  binary;
};
function runProgram(binary, args, cwd, env, timeoutMs2 = RENDER_TIMEOUT_MS) {
  const launch = launcher();
  if (launch !== launchHere && env) {
    return runLaunched(launch, binary, args, cwd, env, timeoutMs2);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group: stopping it stops what it started (helm's plugins, a shell's
      // children), which would otherwise hold the output pipes open.
      detached: true,
      ...env ? { env } : {}
    });
    const stop = () => {
      try {
        if (child.pid !== void 0) process.kill(-child.pid, "SIGKILL");
      } catch {
      }
    };
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, timeoutMs2);
    timer.unref();
    const out = [];
    let outBytes = 0;
    let tooBig = false;
    let err = "";
    child.stdout.on("data", (b) => {
      outBytes += b.length;
      if (outBytes > STDOUT_LIMIT) {
        if (!tooBig) stop();
        tooBig = true;
        return;
      }
      out.push(b);
    });
    child.stderr.on("data", (b) => {
      err = (err + b.toString("utf8")).slice(-STDERR_KEPT * 2);
    });
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e.code === "ENOENT" ? new MissingBinaryError(binary) : e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(
          new OperationError(
            `${binary} did not finish within ${timeoutMs2 / 1e3} s and was stopped`
          )
        );
        return;
      }
      if (tooBig) {
        reject(
          new OperationError(
            `${binary} wrote more than ${STDOUT_LIMIT / 1024 / 1024} MiB of manifests; refusing to hold them`
          )
        );
        return;
      }
      resolve({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: err });
    });
  });
}
async function runLaunched(launch, binary, args, cwd, env, timeoutMs2) {
  const defined = {};
  for (const [k, v] of Object.entries(env)) if (v !== void 0) defined[k] = v;
  const res = await launch({
    file: binary,
    args: [...args],
    cwd,
    env: defined,
    input: "",
    timeoutMs: timeoutMs2
  }).catch((e) => {
    const code = e.code;
    throw code === "ENOENT" || /\bENOENT\b/.test(String(e.message)) ? new MissingBinaryError(binary) : e;
  });
  if (res.exitCode === 124 && res.stderr.startsWith("timed out after")) {
    throw new OperationError(
      `${binary} did not finish within ${timeoutMs2 / 1e3} s and was stopped`
    );
  }
  if (res.stdoutBytes.length > STDOUT_LIMIT) {
    throw new OperationError(
      `${binary} wrote more than ${STDOUT_LIMIT / 1024 / 1024} MiB of manifests; refusing to hold them`
    );
  }
  return {
    code: res.exitCode,
    stdout: res.stdoutBytes.toString("utf8"),
    stderr: res.stderr.slice(-STDERR_KEPT * 2)
  };
}
function stderrTail(stderr) {
  const t = stderr.replace(/^[EFIW]\d{4} [\d:.]+\s+\d+ [\w.-]+:\d+\] /gm, "").trim();
  return t.length > STDERR_KEPT ? `\u2026${t.slice(-STDERR_KEPT)}` : t;
}
function isFileOutPath(outPath) {
  return /\.ya?ml$/i.test(outPath);
}
var str = (v) => typeof v === "string" ? v : "";
function splitDocuments(stream, source) {
  const parts = [];
  let current = [];
  for (const line of stream.split("\n")) {
    if (/^---(\s|$)/.test(line)) {
      parts.push(current.join("\n"));
      current = [];
      const rest = line.slice(3).trim();
      if (rest !== "") current.push(rest);
    } else current.push(line);
  }
  parts.push(current.join("\n"));
  const out = [];
  for (const part of parts) {
    const doc = (0, import_yaml.parseDocument)(part);
    if (doc.errors.length > 0) {
      throw new OperationError(
        `${source} produced output that is not YAML: ${doc.errors[0]?.message ?? "parse error"}`
      );
    }
    const value = doc.toJS();
    if (value === null || value === void 0) continue;
    const obj = typeof value === "object" && !Array.isArray(value) ? value : {};
    const meta = typeof obj["metadata"] === "object" && obj["metadata"] !== null ? obj["metadata"] : {};
    const text3 = part.replace(/^\s*\n/, "").trimEnd() + "\n";
    out.push({
      text: text3,
      apiVersion: str(obj["apiVersion"]),
      kind: str(obj["kind"]),
      name: str(meta["name"]),
      namespace: str(meta["namespace"])
    });
  }
  return out;
}
function checkFileName(step, name) {
  if (name === "" || name === "." || name === ".." || name.includes("/") || name.includes("\\") || name.includes("\0") || name.startsWith(".yaml")) {
    throw new OperationError(
      `${step}: a rendered resource would be written as ${JSON.stringify(name)}, which is not a plain file name`
    );
  }
  return name;
}
async function writeOutput(step, worktree, outRel, files) {
  const changed = [];
  for (const f of files) {
    const rel = f.rel === "" ? outRel : outRel === "." ? f.rel : `${outRel}/${f.rel}`;
    if (rel.split("/")[0] === ".gantry") {
      throw new ConfigError(
        `${step}: outPath: ${JSON.stringify(rel)} is inside .gantry/, which holds gantry's records`
      );
    }
    const abs = await safePath(worktree, rel, `${step}: outPath`);
    const existing = await lstat4(abs).catch(() => void 0);
    if (existing?.isDirectory()) {
      throw new ConfigError(
        `${step}: outPath: cannot write ${JSON.stringify(rel)}: a directory is in the way`
      );
    }
    if (existing?.isFile() && await readFile3(abs, "utf8") === f.data) continue;
    await mkdir3(path4.dirname(abs), { recursive: true });
    await writeFile3(abs, f.data);
    changed.push(rel);
  }
  return changed;
}
async function checkOutPath(step, abs, rel, asFile) {
  const st = await lstat4(abs).catch(() => void 0);
  if (!st) return;
  if (asFile && st.isDirectory()) {
    throw new ConfigError(`${step}: outPath ${JSON.stringify(rel)} is a directory, not a file`);
  }
  if (!asFile && !st.isDirectory()) {
    throw new ConfigError(
      `${step}: outPath ${JSON.stringify(rel)} is a file; an outPath not ending in .yaml or .yml is a directory`
    );
  }
}
async function listTree(dir) {
  try {
    return new Set(await readdir3(dir, { recursive: true }));
  } catch {
    return /* @__PURE__ */ new Set();
  }
}
async function removeLeftovers(dir, before) {
  const after = await listTree(dir);
  const added = [...after].filter((p) => !before.has(p)).sort((a, b) => a.length - b.length);
  const removed = [];
  for (const p of added) {
    if (removed.some((r) => p.startsWith(`${r}${path4.sep}`))) continue;
    await rm2(path4.join(dir, p), { recursive: true, force: true });
    removed.push(p);
  }
}

// src/promotion/steps/helm-template.ts
var STEP5 = "helm-template";
var FIELDS = [
  "path",
  "releaseName",
  "outPath",
  "outLayout",
  "useReleaseName",
  "namespace",
  "valuesFiles",
  "ignoreMissingValueFiles",
  "setValues",
  "buildDependencies",
  "includeCRDs",
  "disableHooks",
  "skipTests",
  "kubeVersion",
  "apiVersions"
];
var schema = {
  type: "object",
  description: "Renders a local Helm chart with `helm template` into one file or a directory.",
  additionalProperties: false,
  required: ["path", "releaseName", "outPath"],
  properties: {
    path: nonEmpty("The chart directory (holding Chart.yaml), relative to the checkout."),
    releaseName: nonEmpty("The release name (`.Release.Name`)."),
    outPath: nonEmpty(
      "Where to write: a path ending in .yaml or .yml is one file; anything else a directory laid out per `outLayout`."
    ),
    outLayout: {
      enum: ["helm", "flat"],
      description: "A directory outPath's layout: `helm` (default), as `helm template --output-dir` writes it; `flat`, one file per resource."
    },
    useReleaseName: flag(
      "With the `helm` layout, put the files under a directory named after the release (`--release-name`)."
    ),
    namespace: nonEmpty("`.Release.Namespace`. Default: the project name, as in Kargo."),
    valuesFiles: {
      type: "array",
      items: nonEmpty("A values file, relative to the checkout (not to the chart)."),
      description: "Values files merged in order after the chart's own values.yaml (`-f`)."
    },
    ignoreMissingValueFiles: flag("Leave out values files that do not exist instead of failing."),
    setValues: {
      type: "array",
      description: "Values set on the command line: `--set key=value`, or `--set-literal`.",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["key", "value"],
        properties: {
          key: nonEmpty("Dotted key path, `image.tag`."),
          value: {
            type: ["string", "number", "boolean"],
            description: "The value; helm infers its type unless `literal`."
          },
          literal: flag(
            "Pass it with `--set-literal`: no parsing, always a string. Literal values are applied after all others."
          )
        }
      }
    },
    buildDependencies: flag(
      "Run `helm dependency build` first, filling the chart's `charts/` from Chart.yaml (and Chart.lock)."
    ),
    includeCRDs: flag("Include the chart's `crds/` (`--include-crds`)."),
    disableHooks: flag("Leave out hook manifests (`--no-hooks`)."),
    skipTests: flag("Leave out test hooks (`--skip-tests`)."),
    kubeVersion: nonEmpty("The Kubernetes version charts see (`--kube-version`)."),
    apiVersions: {
      type: "array",
      items: nonEmpty("An API version, `monitoring.coreos.com/v1`."),
      description: "API versions charts see as available (`--api-versions`)."
    }
  }
};
function optionalString2(config, field) {
  const v = config[field];
  if (v === void 0 || v === null) return void 0;
  if (typeof v !== "string" || v === "") fieldError(STEP5, field, "must be a non-empty string");
  return v;
}
function stringList(config, field) {
  const v = config[field];
  if (v === void 0 || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string" || x === "")) {
    fieldError(STEP5, field, "must be a list of non-empty strings");
  }
  return v;
}
function flatFileName(doc, index) {
  if (doc.kind === "" || doc.name === "") return `resource-${index}.yaml`;
  const slash = doc.apiVersion.lastIndexOf("/");
  const group = slash >= 0 ? doc.apiVersion.slice(0, slash).replace(/\./g, "_") : "";
  const parts = [group, doc.kind, doc.namespace, doc.name].filter((p) => p !== "");
  return `${parts.join("-")}.yaml`.toLowerCase();
}
async function helm(args, ctx) {
  try {
    return await runProgram("helm", args, ctx.worktree, ctx.env);
  } catch (err) {
    if (err instanceof MissingBinaryError) {
      throw new ConfigError(
        `${STEP5}: the helm binary is not on PATH; install Helm 3 (https://helm.sh/docs/intro/install/; GitHub's ubuntu runners have it)`
      );
    }
    throw err;
  }
}
async function dependencies(ctx, chartRel, chartAbs) {
  let text3;
  try {
    text3 = await readFile4(path5.join(chartAbs, "Chart.yaml"), "utf8");
  } catch {
    throw new ConfigError(`${STEP5}: path ${JSON.stringify(chartRel)}: no Chart.yaml there`);
  }
  const chart = (0, import_yaml2.parseDocument)(text3).toJS();
  const deps = isRecord(chart) && Array.isArray(chart["dependencies"]) ? chart["dependencies"] : [];
  for (const [i, d] of deps.entries()) {
    const repo = isRecord(d) ? d["repository"] : void 0;
    if (typeof repo !== "string" || !repo.startsWith("file://")) continue;
    const local = repo.slice("file://".length);
    const rel = normalizeRelative(path5.posix.join(chartRel, local));
    if (path5.isAbsolute(local) || rel === ".." || rel.startsWith("../")) {
      throw new ConfigError(
        `${STEP5}: ${chartRel}/Chart.yaml: dependencies[${i}].repository ${JSON.stringify(repo)} leads outside the checkout`
      );
    }
    await safePath(
      ctx.worktree,
      rel,
      `${STEP5}: ${chartRel}/Chart.yaml: dependencies[${i}].repository`
    );
  }
  return deps.length;
}
function failed(what, result) {
  return new OperationError(
    `${STEP5}: ${what} failed (exit ${result.code ?? "signal"}): ${stderrTail(result.stderr) || "no message"}`
  );
}
var helmTemplate = {
  name: STEP5,
  schema,
  async run(config, ctx) {
    checkFields(STEP5, config, FIELDS);
    const chartRel = normalizeRelative(requireString(STEP5, config, "path"));
    const releaseName = requireString(STEP5, config, "releaseName");
    const outRel = normalizeRelative(requireString(STEP5, config, "outPath"));
    const layout = config["outLayout"] ?? "helm";
    if (layout !== "helm" && layout !== "flat") {
      fieldError(STEP5, "outLayout", 'must be "helm" or "flat"');
    }
    const namespace = optionalString2(config, "namespace") ?? ctx.project;
    const kubeVersion = optionalString2(config, "kubeVersion");
    const apiVersions = stringList(config, "apiVersions");
    const valuesFiles = stringList(config, "valuesFiles");
    const ignoreMissing = optionalBool(STEP5, config, "ignoreMissingValueFiles") ?? false;
    const flags = {
      useReleaseName: optionalBool(STEP5, config, "useReleaseName") ?? false,
      buildDependencies: optionalBool(STEP5, config, "buildDependencies") ?? false,
      includeCRDs: optionalBool(STEP5, config, "includeCRDs") ?? false,
      disableHooks: optionalBool(STEP5, config, "disableHooks") ?? false,
      skipTests: optionalBool(STEP5, config, "skipTests") ?? false
    };
    const sets = [];
    const literals = [];
    const setValues = config["setValues"] ?? [];
    if (!Array.isArray(setValues)) fieldError(STEP5, "setValues", "must be a list of {key, value}");
    for (const [i, sv] of setValues.entries()) {
      if (!isRecord(sv)) fieldError(STEP5, `setValues[${i}]`, "must be a map with key and value");
      onlyKeys(STEP5, sv, ["key", "value", "literal"], `setValues[${i}].`);
      const key = sv["key"];
      if (typeof key !== "string" || key === "") {
        fieldError(STEP5, `setValues[${i}].key`, "must be a non-empty string");
      }
      const value = sv["value"];
      if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
        fieldError(STEP5, `setValues[${i}].value`, "must be a string (or a number or boolean)");
      }
      const literal = sv["literal"];
      if (literal !== void 0 && literal !== null && typeof literal !== "boolean") {
        fieldError(STEP5, `setValues[${i}].literal`, "must be true or false");
      }
      (literal === true ? literals : sets).push(`${key}=${String(value)}`);
    }
    const chartAbs = await safePath(ctx.worktree, chartRel, `${STEP5}: path`);
    const chartStat = await stat2(chartAbs).catch(() => void 0);
    if (!chartStat?.isDirectory()) {
      throw new ConfigError(`${STEP5}: path ${JSON.stringify(chartRel)}: no such chart directory`);
    }
    const outAbs = await safePath(ctx.worktree, outRel, `${STEP5}: outPath`);
    const asFile = isFileOutPath(outRel);
    await checkOutPath(STEP5, outAbs, outRel, asFile);
    const valuesAbs = [];
    for (const [i, v] of valuesFiles.entries()) {
      const abs = await safePath(ctx.worktree, v, `${STEP5}: valuesFiles[${i}]`);
      const st = await stat2(abs).catch(() => void 0);
      if (st?.isFile()) valuesAbs.push(abs);
      else if (!ignoreMissing) {
        throw new ConfigError(
          `${STEP5}: valuesFiles[${i}] ${JSON.stringify(normalizeRelative(v))}: no such file (set ignoreMissingValueFiles: true to leave missing ones out)`
        );
      }
    }
    const depCount = await dependencies(ctx, chartRel, chartAbs);
    const args = ["template", releaseName, chartAbs, "--namespace", namespace];
    for (const v of valuesAbs) args.push("-f", v);
    for (const s of sets) args.push("--set", s);
    for (const s of literals) args.push("--set-literal", s);
    if (flags.includeCRDs) args.push("--include-crds");
    if (flags.disableHooks) args.push("--no-hooks");
    if (flags.skipTests) args.push("--skip-tests");
    if (kubeVersion !== void 0) args.push("--kube-version", kubeVersion);
    for (const v of apiVersions) args.push("--api-versions", v);
    const helmLayout = !asFile && layout === "helm";
    const tmp = helmLayout ? await mkdtemp(path5.join(tmpdir(), "gantry-helm-")) : void 0;
    if (tmp !== void 0) {
      args.push("--output-dir", tmp);
      if (flags.useReleaseName) args.push("--release-name");
    }
    const before = await listTree(chartAbs);
    let files;
    let count;
    try {
      if (flags.buildDependencies && depCount > 0) {
        const built = await helm(["dependency", "build", chartAbs], ctx);
        if (built.code !== 0)
          throw failed(`helm dependency build of ${JSON.stringify(chartRel)}`, built);
      }
      const result = await helm(args, ctx);
      if (result.code !== 0) throw failed(`helm template of ${JSON.stringify(chartRel)}`, result);
      if (tmp !== void 0) {
        files = [];
        for (const rel of [...await listTree(tmp)].sort()) {
          const abs = path5.join(tmp, rel);
          if (!(await stat2(abs)).isFile()) continue;
          files.push({ rel: rel.split(path5.sep).join("/"), data: await readFile4(abs, "utf8") });
        }
        count = files.reduce(
          (n, f) => n + splitDocuments(f.data, `${STEP5}: helm`).filter((d) => d.kind).length,
          0
        );
      } else {
        const docs = splitDocuments(result.stdout, `${STEP5}: helm`);
        count = docs.length;
        if (asFile) {
          files = [{ rel: "", data: result.stdout.trimEnd() + "\n" }];
        } else {
          files = docs.map((d, i) => ({
            rel: checkFileName(STEP5, flatFileName(d, i)),
            data: d.text
          }));
        }
      }
    } finally {
      await removeLeftovers(chartAbs, before);
      if (tmp !== void 0) await rm3(tmp, { recursive: true, force: true });
    }
    const changed = await writeOutput(STEP5, ctx.worktree, outRel, files);
    const line = `- ${chartRel} \u2192 ${outRel}: ${count} resource(s) rendered with helm template (release ${releaseName}, namespace ${namespace})`;
    ctx.log(`${STEP5}: ${line.slice(2)}${changed.length ? "" : " (no change)"}`);
    return { summary: changed.length ? [line] : [], changed };
  }
};

// src/promotion/steps/helm-update-chart.ts
var import_yaml4 = __toESM(require_dist(), 1);
import { lstat as lstat5, readFile as readFile5, writeFile as writeFile4 } from "node:fs/promises";
import { join, posix } from "node:path";

// src/promotion/yaml-edit.ts
var import_yaml3 = __toESM(require_dist(), 1);
import { isDeepStrictEqual } from "node:util";

// src/promotion/keypath.ts
var KeyPathError = class extends Error {
  name = "KeyPathError";
};
var CANONICAL_INT = /^(0|-?[1-9][0-9]*)$/;
function splitKey(key) {
  const k = key.trim();
  if (k === "") throw new KeyPathError("empty key");
  const parts = [];
  let current = "";
  let forced = false;
  let escaped = false;
  const finish = () => {
    if (current === "") throw new KeyPathError(`empty key part in key ${JSON.stringify(k)}`);
    parts.push(!forced && CANONICAL_INT.test(current) ? Number(current) : current);
    current = "";
    forced = false;
  };
  for (const ch of k) {
    if (escaped) {
      if (ch !== "." && ch !== ":") {
        throw new KeyPathError(`invalid escape sequence in key ${JSON.stringify(k)}`);
      }
      current += ch;
      escaped = false;
      continue;
    }
    if (ch === "\\") escaped = true;
    else if (ch === ".") finish();
    else if (ch === ":") {
      if (current !== "") {
        throw new KeyPathError(`unexpected colon in key ${JSON.stringify(k)}`);
      }
      forced = true;
    } else current += ch;
  }
  if (escaped) throw new KeyPathError(`invalid escape sequence in key ${JSON.stringify(k)}`);
  finish();
  return parts;
}
function indexOf(part) {
  if (typeof part === "number") return part;
  const legacy = /^\[(-?[0-9]+)\]$/.exec(part);
  return legacy ? Number(legacy[1]) : void 0;
}
function lookupKey(root, parts) {
  let node = root;
  for (const part of parts) {
    if (Array.isArray(node)) {
      const i = indexOf(part);
      if (i === void 0 || i < 0) return void 0;
      node = node[i];
    } else if (node !== null && typeof node === "object") {
      const key = String(part);
      if (!Object.prototype.hasOwnProperty.call(node, key)) return void 0;
      node = node[key];
    } else return void 0;
  }
  return node;
}

// src/promotion/yaml-edit.ts
function setYamlValues(text3, updates, where, options = {}) {
  const planned = updates.map((u) => ({
    key: u.key,
    parts: parseKey(u.key, where),
    value: checkValue(u.value, u.key, where),
    create: u.create === true
  }));
  if (planned.length === 0) return text3;
  const eol = text3.includes("\r\n") ? "\r\n" : "\n";
  const original = parseDocs(text3, where);
  const docIndex = chooseDocument(original, where, options, text3);
  const expected = parseDocs(text3, where);
  if (options.previous) {
    const before = original[docIndex]?.toJS({ maxAliasCount: -1 });
    for (const u of planned) options.previous.set(u.key, lookupKey(before, u.parts));
  }
  let out = text3;
  for (const u of planned) {
    const docs = out === text3 ? original : parseDocs(out, where);
    const doc = docs[docIndex];
    const model = expected[docIndex];
    if (!doc || !model)
      throw new OperationError(`${where}: document ${docIndex} vanished while editing`);
    const ctx = { text: out, eol, where, key: u.key, doc, create: u.create };
    const edit = locate(ctx, doc.contents, u.parts, 0, u.value, { indent: 0, flow: false });
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    applyToModel(model, u.parts, u.value);
  }
  const result = parseDocs(out, where, "the edited file");
  const want = expected.map((d) => d.toJS({ maxAliasCount: -1 }));
  const got = result.map((d) => d.toJS({ maxAliasCount: -1 }));
  if (result.length !== expected.length || !isDeepStrictEqual(got, want)) {
    throw new OperationError(
      `${where}: yaml-update: the edited file does not read back as intended (keys ${planned.map((p) => p.key).join(", ")}); nothing was changed. This is a gantry bug: please report it with the file.`
    );
  }
  return out;
}
function yamlUpdateCommitMessage(path12, updates) {
  if (updates.length === 0) return "";
  let msg = `Updated ${path12}
`;
  for (const u of updates) msg += `
- ${u.key}: ${goValue(quoteIfNecessary(u.value))}`;
  return msg;
}
function quoteIfNecessary(value) {
  if (typeof value !== "string") return value;
  if (GO_FLOAT.test(value) || GO_BOOL.has(value) || isJson(value)) return goQuote(value);
  return value;
}
var GO_FLOAT = /^[+-]?((\d[\d_]*)?\.?\d[\d_]*([eE][+-]?\d+)?|\d+\.|0[xX][0-9a-fA-F_.]+([pP][+-]?\d+)?|inf|infinity|nan)$/i;
var GO_BOOL = /* @__PURE__ */ new Set([
  "1",
  "t",
  "T",
  "TRUE",
  "true",
  "True",
  "0",
  "f",
  "F",
  "FALSE",
  "false",
  "False"
]);
function isJson(s) {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}
function goQuote(s) {
  return JSON.stringify(s);
}
function goValue(v) {
  if (v === null || v === void 0) return "<nil>";
  if (typeof v === "number") return goFloat(v);
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}
function goFloat(n) {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? "NaN" : n > 0 ? "+Inf" : "-Inf";
  if (n === 0) return "0";
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 21 || exp >= 6 && Number.isFinite(n)) {
    const [m, e] = n.toExponential().split("e");
    const sign = e.startsWith("-") ? "-" : "+";
    const digits = e.replace(/^[+-]/, "").padStart(2, "0");
    return `${m}e${sign}${digits}`;
  }
  return String(n);
}
function parseKey(key, where) {
  try {
    return splitKey(key);
  } catch (err) {
    if (err instanceof KeyPathError) {
      throw new ConfigError(`${where}: yaml-update: key ${JSON.stringify(key)}: ${err.message}`);
    }
    throw err;
  }
}
function checkValue(value, key, where) {
  const ok = (v) => {
    if (v === null || typeof v === "string" || typeof v === "boolean") return true;
    if (typeof v === "number") return Number.isFinite(v);
    if (Array.isArray(v)) return v.every(ok);
    if (typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
      return Object.values(v).every(ok);
    }
    return false;
  };
  if (!ok(value)) {
    throw new ConfigError(
      `${where}: yaml-update: key ${JSON.stringify(key)}: value must be a string, number, boolean, null, list or map`
    );
  }
  return value;
}
function parseDocs(text3, where, what = "the file") {
  const docs = (0, import_yaml3.parseAllDocuments)(text3, { keepSourceTokens: true });
  if (!Array.isArray(docs)) return [];
  for (const d of docs) {
    const err = d.errors[0];
    if (err) {
      const pos = err.linePos?.[0] ?? { line: 1, col: 1 };
      const message = `malformed YAML: ${(err.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "")}`;
      const problem = { file: where, line: pos.line, column: pos.col, path: "", message };
      if (what === "the file") throw new ConfigError(`${where}: ${message}`, [problem]);
      throw new OperationError(
        `${where}: ${what} is not valid YAML (${message}); this is a gantry bug`
      );
    }
  }
  return docs;
}
function isEmptyDoc(d) {
  const c = d.contents;
  return c === null || (0, import_yaml3.isScalar)(c) && c.value === null && c.range?.[0] === c.range?.[1];
}
function chooseDocument(docs, where, options, text3) {
  const nonEmpty2 = docs.map((d, i) => isEmptyDoc(d) ? -1 : i).filter((i) => i >= 0);
  if (options.document !== void 0) {
    if (!Number.isInteger(options.document) || options.document < 0 || options.document >= docs.length) {
      throw new ConfigError(
        `${where}: yaml-update: document ${options.document} does not exist (the file has ${docs.length})`
      );
    }
    return options.document;
  }
  if (nonEmpty2.length > 1) {
    const second = docs[nonEmpty2[1] ?? 0];
    const line = lineCol(text3, second?.range?.[0] ?? 0).line;
    throw new ConfigError(
      `${where}: yaml-update: the file holds ${nonEmpty2.length} YAML documents (the second starts at line ${line}); yaml-update edits one document: say which with \`document\` (0-based)`
    );
  }
  if (nonEmpty2.length === 0) {
    throw new ConfigError(`${where}: yaml-update: the file holds no YAML document to update`);
  }
  return nonEmpty2[0] ?? 0;
}
function lineCol(text3, offset) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text3.length; i++) {
    if (text3.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
function columnOf(text3, offset) {
  return lineCol(text3, offset).column - 1;
}
function fail2(ctx, offset, message) {
  const { line, column } = lineCol(ctx.text, offset);
  throw new ConfigError(`${ctx.where}: yaml-update failed`, [
    { file: ctx.where, line, column, path: ctx.key, message }
  ]);
}
function joinKey(parts, n) {
  return parts.slice(0, n).map((p) => String(p).replace(/\\/g, "\\\\").replace(/\./g, "\\.")).join(".");
}
function notFound(ctx, offset, why) {
  fail2(
    ctx,
    offset,
    `key path not found: ${why}; yaml-update changes keys that exist (check the spelling), or set create: true on this update to add it`
  );
}
function requireScalar(ctx, node, offset) {
  let target = node;
  if ((0, import_yaml3.isAlias)(target)) target = target.resolve(ctx.doc);
  if (!(0, import_yaml3.isMap)(target) && !(0, import_yaml3.isSeq)(target)) return;
  const what = (0, import_yaml3.isMap)(target) ? `a mapping (keys: ${target.items.map((p) => keyString(p.key)).filter((k) => k !== void 0).slice(0, 8).join(", ")})` : `a sequence of ${target.items.length} items`;
  fail2(
    ctx,
    offset,
    `key path does not address a scalar node: it holds ${what}; yaml-update sets one scalar value, so address a key inside it`
  );
}
function keyString(node) {
  if ((0, import_yaml3.isScalar)(node)) return node.value === null ? "" : String(node.value);
  return void 0;
}
function isNullScalar(node) {
  return (0, import_yaml3.isScalar)(node) && node.value === null;
}
function locate(ctx, node, parts, i, value, place) {
  const part = parts[i] ?? "";
  const last = i === parts.length - 1;
  let target = node;
  if ((0, import_yaml3.isAlias)(target)) {
    const resolved = target.resolve(ctx.doc);
    if (!resolved) fail2(ctx, target.range?.[0] ?? 0, `alias *${target.source} has no anchor`);
    target = resolved;
  }
  if ((0, import_yaml3.isMap)(target)) {
    const map = target;
    const pair = map.items.find((p) => keyString(p.key) === String(part));
    if (!pair) {
      if (!ctx.create) {
        const keys = map.items.map((p) => keyString(p.key) ?? "").filter((k) => k !== "");
        const under = i === 0 ? "at the top level" : `under ${JSON.stringify(joinKey(parts, i))}`;
        notFound(
          ctx,
          map.range?.[0] ?? 0,
          `there is no key ${JSON.stringify(String(part))} ${under}${didYouMean(String(part), keys)}`
        );
      }
      return insertIntoMap(ctx, map, parts.slice(i), value, place);
    }
    const keyStart = pair.key.range?.[0] ?? 0;
    const childPlace = {
      indent: columnOf(ctx.text, keyStart),
      flow: place.flow || !!map.flow
    };
    const child = pair.value;
    if (last) {
      requireScalar(ctx, child, keyStart);
      return replaceValue(ctx, child, value, childPlace, pair);
    }
    return locate(ctx, child, parts, i + 1, value, childPlace);
  }
  if ((0, import_yaml3.isSeq)(target)) {
    const seq = target;
    const index = indexOf(part);
    const at2 = seq.range?.[0] ?? 0;
    if (index === void 0) {
      fail2(
        ctx,
        at2,
        `${JSON.stringify(String(part))} is not an index, and the node there is a sequence`
      );
    }
    if (index < -1) fail2(ctx, at2, `invalid negative index: ${index}`);
    if (index === -1 || index >= seq.items.length) {
      if (!ctx.create) {
        const where = i === 0 ? "at the top level" : `at ${JSON.stringify(joinKey(parts, i))}`;
        notFound(
          ctx,
          at2,
          index === -1 ? `index -1 appends an item to the sequence ${where}` : `the sequence ${where} has ${seq.items.length} item${seq.items.length === 1 ? "" : "s"}, so there is no item ${index}`
        );
      }
      return appendToSeq(ctx, seq, parts.slice(i + 1), value, place);
    }
    const item = seq.items[index];
    const itemPlace = {
      indent: seq.flow ? place.indent : columnOf(ctx.text, at2),
      flow: place.flow || !!seq.flow
    };
    if (last) {
      requireScalar(ctx, item, at2);
      return replaceValue(ctx, item, value, itemPlace);
    }
    return locate(ctx, item, parts, i + 1, value, itemPlace);
  }
  if (isNullScalar(target)) {
    if (!ctx.create) {
      notFound(
        ctx,
        target.range?.[0] ?? 0,
        `${JSON.stringify(joinKey(parts, i))} is empty, so there is no key ${JSON.stringify(String(part))} under it`
      );
    }
    return replaceValue(ctx, target, nest(parts.slice(i), value), place, void 0, true);
  }
  const at = target?.range?.[0] ?? 0;
  fail2(
    ctx,
    at,
    `cannot set ${JSON.stringify(String(part))}: the value there is a scalar, not a mapping or sequence`
  );
}
function nest(parts, value) {
  let v = value;
  for (let i = parts.length - 1; i >= 0; i--) v = { [String(parts[i])]: v };
  return v;
}
function replaceValue(ctx, node, value, place, pair, blockNest = false) {
  const { text: text3 } = ctx;
  if (!node || !node.range) {
    const keyEnd = pair?.key?.range?.[1] ?? 0;
    const colon = text3.indexOf(":", keyEnd);
    return { start: colon + 1, end: colon + 1, text: ` ${renderFlow(value, place.flow)}` };
  }
  const [start, end] = node.range;
  const collection = value !== null && typeof value === "object";
  if (blockNest && !place.flow && collection) {
    const from = afterIndicator(text3, start);
    if (from < 0)
      fail2(ctx, start, "cannot nest a mapping under a value that is followed by a comment");
    const lines = blockLines(value, place.indent + 2, ctx.eol);
    return { start: from, end, text: ctx.eol + lines.join(ctx.eol) };
  }
  if ((0, import_yaml3.isScalar)(node) && !((0, import_yaml3.isMap)(node) || (0, import_yaml3.isSeq)(node))) {
    checkTag(ctx, node, value);
    const type = node.type;
    if (type === import_yaml3.Scalar.BLOCK_LITERAL || type === import_yaml3.Scalar.BLOCK_FOLDED) {
      const endsWithNewline = text3[end - 1] === "\n";
      if (typeof value === "string" && value.includes("\n")) {
        const block = renderBlock(value, contentIndent(text3, start, place.indent + 2), ctx.eol);
        if (block !== void 0)
          return { start, end, text: block + (endsWithNewline ? ctx.eol : "") };
      }
      const one = collection ? renderFlow(value, place.flow) : renderScalar(value, import_yaml3.Scalar.PLAIN, place.flow);
      return { start, end, text: one + (endsWithNewline ? ctx.eol : "") };
    }
    const rendered = collection ? renderFlow(value, place.flow) : renderScalar(value, type, place.flow, node.tag !== void 0);
    if (start === end && text3[start - 1] !== " " && text3[start - 1] !== "	") {
      return { start, end, text: ` ${rendered}` };
    }
    return { start, end, text: rendered };
  }
  if ((0, import_yaml3.isAlias)(node)) {
    return { start, end, text: renderFlow(value, place.flow) };
  }
  throw new OperationError(
    `${ctx.where}: yaml-update: key ${JSON.stringify(ctx.key)} addresses a collection (this is a gantry bug)`
  );
}
var CORE_TAG_TYPES = {
  "tag:yaml.org,2002:str": "string",
  "tag:yaml.org,2002:int": "number",
  "tag:yaml.org,2002:float": "number",
  "tag:yaml.org,2002:bool": "boolean",
  "tag:yaml.org,2002:null": "null"
};
function checkTag(ctx, node, value) {
  if (!node.tag) return;
  const type = value === null ? "null" : typeof value;
  const wanted = CORE_TAG_TYPES[node.tag] ?? "string";
  if (type !== wanted || node.tag === "tag:yaml.org,2002:int" && !Number.isInteger(value)) {
    fail2(
      ctx,
      node.range?.[0] ?? 0,
      `the value there has the explicit tag ${node.tag.replace("tag:yaml.org,2002:", "!!")}, which a ${type} cannot keep`
    );
  }
}
function afterIndicator(text3, start) {
  let i = start - 1;
  while (i >= 0 && " 	\r\n".includes(text3[i] ?? "x")) i--;
  if (i >= 0 && (text3[i] === ":" || text3[i] === "-")) return i + 1;
  return text3[i] === void 0 ? 0 : -1;
}
function contentIndent(text3, headerStart, fallback) {
  const nl = text3.indexOf("\n", headerStart);
  if (nl >= 0) {
    const m = /^([ ]*)\S/m.exec(text3.slice(nl + 1));
    if (m?.[1]) return m[1];
  }
  return " ".repeat(fallback);
}
function renderBlock(value, indent, eol) {
  if (value.includes("\r") || hasControl(value.replace(/[\n\t]/g, ""))) return void 0;
  let chomp = "";
  let body = value;
  if (!value.endsWith("\n")) chomp = "-";
  else if (value.endsWith("\n\n")) {
    chomp = "+";
    body = value.slice(0, -1);
  } else body = value.slice(0, -1);
  const lines = body.split("\n");
  const first = lines.find((l) => l !== "");
  if (first === void 0 || /^[ \t]/.test(first)) return void 0;
  return `|${chomp}${eol}${lines.map((l) => l === "" ? "" : indent + l).join(eol)}`;
}
function renderScalar(value, style, flow, tagged = false) {
  if (value === null) return "null";
  if (typeof value === "boolean" || typeof value === "number") return String(value);
  const s = String(value);
  if (style === import_yaml3.Scalar.QUOTE_DOUBLE) return JSON.stringify(s);
  if (style === import_yaml3.Scalar.QUOTE_SINGLE) {
    return hasControl(s) ? JSON.stringify(s) : `'${s.replace(/'/g, "''")}'`;
  }
  return plainSafe(s, flow, tagged) ? s : JSON.stringify(s);
}
function hasControl(s) {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 127) return true;
  }
  return false;
}
function plainSafe(s, flow, tagged = false) {
  if (s === "" || s !== s.trim() || hasControl(s)) return false;
  if (/^[-?:](\s|$)/.test(s) || /^[,[\]{}#&*!|>'"%@`]/.test(s)) return false;
  if (s.includes(": ") || s.includes(" #") || s.endsWith(":")) return false;
  if (flow && /[,[\]{}]/.test(s)) return false;
  if (s === "---" || s === "...") return false;
  if (tagged) return true;
  try {
    for (const version of ["1.2", "1.1"]) {
      if ((0, import_yaml3.parse)(`k: ${s}`, { version }).k !== s) return false;
    }
  } catch {
    return false;
  }
  return true;
}
function renderFlow(value, flow) {
  if (Array.isArray(value)) return `[${value.map((v) => renderFlow(v, true)).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    return `{${entries.map(([k, v]) => `${renderScalar(k, import_yaml3.Scalar.PLAIN, true)}: ${renderFlow(v, true)}`).join(", ")}}`;
  }
  return renderScalar(value, import_yaml3.Scalar.PLAIN, flow);
}
function blockLines(value, indent, eol) {
  const pad = " ".repeat(indent);
  const lines = [];
  for (const [k, v] of Object.entries(value)) {
    const key = renderScalar(k, import_yaml3.Scalar.PLAIN, false);
    if (v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length > 0) {
      lines.push(`${pad}${key}:`, ...blockLines(v, indent + 2, eol));
    } else {
      lines.push(`${pad}${key}: ${renderFlow(v, false)}`);
    }
  }
  return lines;
}
function lineAfter(ctx, end) {
  const { text: text3 } = ctx;
  if (text3[end - 1] === "\n") return { at: end, prefix: "" };
  const nl = text3.indexOf("\n", end);
  if (nl < 0) return { at: text3.length, prefix: ctx.eol };
  return { at: nl + 1, prefix: "" };
}
function insertIntoMap(ctx, map, parts, value, place) {
  const { text: text3 } = ctx;
  const [start, end] = map.range ?? [0, 0];
  const keyText = renderScalar(String(parts[0]), import_yaml3.Scalar.PLAIN, true);
  const rest = parts.length > 1 ? nest(parts.slice(1), value) : value;
  if (map.flow) {
    const entry = `${keyText}: ${renderFlow(rest, true)}`;
    const lastPair = map.items[map.items.length - 1];
    if (!lastPair) {
      const close = text3.lastIndexOf("}", end - 1);
      return { start: close, end: close, text: entry };
    }
    const lastNode = lastPair.value ?? lastPair.key;
    const after = lastNode.range?.[1] ?? closingBrace(text3, end);
    return { start: after, end: after, text: `, ${entry}` };
  }
  const firstKey = map.items[0]?.key;
  const indent = firstKey?.range ? columnOf(text3, firstKey.range[0]) : place.indent;
  const lines = blockLines({ [String(parts[0])]: rest }, indent, ctx.eol);
  const { at, prefix } = lineAfter(ctx, map.items.length ? end : start);
  return { start: at, end: at, text: prefix + lines.join(ctx.eol) + ctx.eol };
}
function closingBrace(text3, end) {
  return text3.lastIndexOf("}", end - 1);
}
function appendToSeq(ctx, seq, rest, value, _place) {
  const { text: text3 } = ctx;
  const [start, end] = seq.range ?? [0, 0];
  const item = rest.length ? nest(rest, value) : value;
  if (seq.flow) {
    const lastItem = seq.items[seq.items.length - 1];
    if (!lastItem?.range) {
      const closing = text3.lastIndexOf("]", end - 1);
      return { start: closing, end: closing, text: renderFlow(item, true) };
    }
    return {
      start: lastItem.range[1],
      end: lastItem.range[1],
      text: `, ${renderFlow(item, true)}`
    };
  }
  const indent = columnOf(text3, start);
  const pad = " ".repeat(indent);
  let entry;
  if (item !== null && typeof item === "object" && !Array.isArray(item)) {
    const lines = blockLines(item, indent + 2, ctx.eol);
    entry = `${pad}- ${lines.join(ctx.eol).slice(indent + 2)}`;
  } else entry = `${pad}- ${renderFlow(item, false)}`;
  const { at, prefix } = lineAfter(ctx, end);
  return { start: at, end: at, text: prefix + entry + ctx.eol };
}
function applyToModel(doc, parts, value) {
  let node = doc.contents;
  const make = (v, old) => {
    const made = doc.createNode(v);
    if (old && !(0, import_yaml3.isAlias)(old) && old.anchor) made.anchor = old.anchor;
    return made;
  };
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? "";
    const last = i === parts.length - 1;
    if ((0, import_yaml3.isAlias)(node)) node = node.resolve(doc);
    if ((0, import_yaml3.isMap)(node)) {
      const pair = node.items.find((p) => keyString(p.key) === String(part));
      if (!pair) {
        node.items.push(
          doc.createPair(String(part), nest(parts.slice(i + 1), value))
        );
        return;
      }
      if (last) {
        pair.value = make(value, pair.value);
        return;
      }
      if (isNullScalar(pair.value) || pair.value === null) {
        pair.value = make(nest(parts.slice(i + 1), value));
        return;
      }
      node = pair.value;
    } else if ((0, import_yaml3.isSeq)(node)) {
      const index = indexOf(part) ?? -1;
      if (index === -1 || index >= node.items.length) {
        node.items.push(make(nest(parts.slice(i + 1), value)));
        return;
      }
      if (last) {
        node.items[index] = make(value, node.items[index]);
        return;
      }
      if (isNullScalar(node.items[index])) {
        node.items[index] = make(nest(parts.slice(i + 1), value));
        return;
      }
      node = node.items[index];
    } else {
      return;
    }
  }
}

// src/promotion/steps/helm-update-chart.ts
var STEP6 = "helm-update-chart";
var helmUpdateChart = {
  name: STEP6,
  schema: {
    type: "object",
    description: "Sets dependency versions in a chart's `Chart.yaml`.",
    additionalProperties: false,
    required: ["path"],
    properties: {
      path: nonEmpty("The chart directory, relative to the checkout."),
      charts: {
        type: "array",
        description: "The dependencies to update.",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["repository", "name"],
          properties: {
            repository: nonEmpty("The dependency's `repository`, as `Chart.yaml` writes it."),
            name: nonEmpty("The dependency's `name`."),
            version: text("The version to set; default: the version in the freight."),
            fromOrigin: originSchema("Which warehouse's freight provides the version.")
          }
        }
      }
    }
  },
  async run(config, ctx) {
    const cfg = parseHelmUpdateChartConfig(config);
    const dir = await safePath(ctx.worktree, cfg.path, `${STEP6}: path`);
    const file = join(dir, "Chart.yaml");
    const relDir = normalizeRelative(cfg.path);
    const relFile = posix.join(relDir, "Chart.yaml");
    let text3;
    try {
      if (!(await lstat5(file)).isFile()) throw new Error("not a file");
      text3 = await readFile5(file, "utf8");
    } catch {
      throw new ConfigError(`${STEP6}: ${relFile}: no Chart.yaml in ${cfg.path}`);
    }
    const { text: out, changes } = updateChartDependencies(
      text3,
      cfg.charts,
      ctx.freightCollection,
      relFile
    );
    const result = {};
    const message = helmChartCommitMessage(cfg.path, changes);
    if (message) result.outputs = { commitMessage: message };
    if (out === text3) {
      ctx.log(`${STEP6}: ${relFile}: the dependencies already have these versions`);
      return result;
    }
    await writeFile4(file, out);
    result.changed = [relFile];
    result.summary = [...changes].map(([name, change]) => `- ${relFile}: ${name} ${arrow(change)}`);
    const lock = join(dir, "Chart.lock");
    if (await exists(lock)) {
      const note = `- ${posix.join(relDir, "Chart.lock")}: not regenerated (gantry runs no helm); run \`helm dependency update\` to refresh it`;
      result.summary.push(note);
      ctx.log(`${STEP6}: ${note.slice(2)}`);
    }
    return result;
  }
};
function parseHelmUpdateChartConfig(config) {
  onlyKeys(STEP6, config, ["path", "charts"], "");
  const path12 = requireField(STEP6, config.path, "path");
  if (config.charts === void 0 || config.charts === null) return { path: path12, charts: [] };
  if (!Array.isArray(config.charts)) fieldError(STEP6, "charts", "must be a list");
  const charts = config.charts.map((raw, i) => {
    const field = `charts[${i}]`;
    if (!isRecord(raw)) fieldError(STEP6, field, "must be a mapping");
    onlyKeys(STEP6, raw, ["repository", "name", "version", "fromOrigin"], `${field}.`);
    const chart = {
      repository: requireField(STEP6, raw.repository, `${field}.repository`),
      name: requireField(STEP6, raw.name, `${field}.name`)
    };
    if (raw.version !== void 0 && raw.version !== null && raw.version !== "") {
      chart.version = requireField(STEP6, raw.version, `${field}.version`);
    }
    if (raw.fromOrigin !== void 0 && raw.fromOrigin !== null) {
      const o = raw.fromOrigin;
      if (!isRecord(o))
        fieldError(STEP6, `${field}.fromOrigin`, "must be a mapping with kind and name");
      onlyKeys(STEP6, o, ["kind", "name"], `${field}.fromOrigin.`);
      if (o.kind !== "Warehouse") fieldError(STEP6, `${field}.fromOrigin.kind`, "must be Warehouse");
      chart.fromOrigin = {
        kind: "Warehouse",
        name: requireField(STEP6, o.name, `${field}.fromOrigin.name`)
      };
    }
    return chart;
  });
  return { path: path12, charts };
}
function updateChartDependencies(text3, charts, freightCollection, where) {
  const deps = readDependencies(text3, where);
  const updates = [];
  const changes = /* @__PURE__ */ new Map();
  charts.forEach((chart, i) => {
    const index = deps.findIndex((d) => d.name === chart.name && d.repository === chart.repository);
    const dep = deps[index];
    if (!dep) {
      fieldError(
        STEP6,
        `charts[${i}]`,
        `no dependency in ${where} matches repository "${chart.repository}" and name "${chart.name}"`
      );
    }
    const version = chart.version ?? freightChartVersion(chart, freightCollection, `charts[${i}]`);
    if (dep.version === version) return;
    updates.push({ key: `dependencies.${index}.version`, value: version, create: true });
    changes.set(dep.name, dep.version ? `${dep.version} -> ${version}` : version);
  });
  return { text: setYamlValues(text3, updates, where), changes };
}
function readDependencies(text3, where) {
  const doc = (0, import_yaml4.parseDocument)(text3);
  if (doc.errors.length > 0) {
    throw new ConfigError(`${STEP6}: ${where}: not valid YAML: ${doc.errors[0]?.message ?? ""}`);
  }
  const list2 = doc.get("dependencies", true);
  if (list2 === void 0 || list2 === null) return [];
  const js = doc.toJS();
  if (!Array.isArray(js.dependencies)) {
    throw new ConfigError(`${STEP6}: ${where}: dependencies must be a list`);
  }
  return js.dependencies.map((d, i) => {
    const rec = isRecord(d) ? d : {};
    const versionNode = doc.getIn(["dependencies", i, "version"], true);
    return {
      name: typeof rec.name === "string" ? rec.name : "",
      repository: typeof rec.repository === "string" ? rec.repository : "",
      version: (0, import_yaml4.isScalar)(versionNode) ? scalarText(versionNode) : ""
    };
  });
}
function scalarText(s) {
  if (s.value === null || s.value === void 0) return "";
  if (typeof s.value === "string") return s.value;
  return typeof s.source === "string" ? s.source : String(s.value);
}
function freightChartVersion(chart, collection, field) {
  const oci = chart.repository.startsWith("oci://");
  const repoURL = oci ? `${trimSlash(chart.repository)}/${chart.name}` : chart.repository;
  const name = oci ? "" : chart.name;
  const hits = [];
  for (const freight of collection) {
    const o = chart.fromOrigin;
    if (o && (freight.origin.kind !== o.kind || freight.origin.name !== o.name)) continue;
    for (const c of freight.charts) {
      if (trimSlash(c.repoURL) === trimSlash(repoURL) && c.name === name) {
        hits.push({ chart: c, origin: `${freight.origin.kind}/${freight.origin.name}` });
      }
    }
  }
  const from = chart.fromOrigin ? ` from Warehouse/${chart.fromOrigin.name}` : "";
  const [first, ...rest] = hits;
  if (!first) {
    fieldError(
      STEP6,
      field,
      `no version given and no freight${from} in the stage's freight collection has chart ${name ? `${repoURL} ${name}` : repoURL}`
    );
  }
  if (rest.length > 0) {
    fieldError(
      STEP6,
      field,
      `chart ${chart.name} is ambiguous: it comes from ${hits.map((h) => h.origin).join(", ")}; set fromOrigin or version`
    );
  }
  return first.chart.version;
}
function trimSlash(s) {
  return s.replace(/\/+$/, "");
}
function helmChartCommitMessage(chartPath, changes) {
  const entries = changes instanceof Map ? [...changes] : Object.entries(changes);
  if (entries.length === 0) return "";
  entries.sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  let msg = `Updated chart dependencies for ${chartPath}
`;
  for (const [name, change] of entries) msg += `
- ${name}: ${change === "" ? "removed" : change}`;
  return msg;
}
function arrow(change) {
  return change.includes(" -> ") ? change.replace(" -> ", " \u2192 ") : `\u2192 ${change}`;
}
async function exists(p) {
  try {
    await lstat5(p);
    return true;
  } catch {
    return false;
  }
}

// src/promotion/steps/http.ts
var import_yaml5 = __toESM(require_dist(), 1);
import { readFile as readFile6, stat as stat3 } from "node:fs/promises";
var STEP7 = "http";
var FIELDS2 = [
  "method",
  "url",
  "headers",
  "queryParams",
  "body",
  "bodyFromFile",
  "insecureSkipTLSVerify",
  "proxy",
  "timeout",
  "pollInterval",
  "responseContentType",
  "successExpression",
  "failureExpression",
  "errorExpression",
  "outputs"
];
var METHODS = ["DELETE", "GET", "HEAD", "PATCH", "POST", "PUT"];
var CONTENT_TYPES = ["application/json", "application/yaml", "text/plain"];
var YAML_TYPES = /* @__PURE__ */ new Set(["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"]);
var MAX_RESPONSE_BYTES = 2 << 20;
var DEFAULT_TIMEOUT_MS = 1e4;
var MAX_TIMEOUT_MS = 24 * 36e5;
var HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
var BAD_HEADER_VALUE = /[\0\r\n]/;
function scalarText2(v) {
  if (typeof v === "string") return v;
  if (typeof v === "number" && Number.isFinite(v) || typeof v === "boolean") return String(v);
  return void 0;
}
function optionalString3(config, field) {
  const v = config[field];
  if (v === void 0 || v === null) return void 0;
  if (typeof v !== "string") fieldError(STEP7, `config.${field}`, "must be a string");
  return v;
}
function nameValues(step, config, field, check) {
  const v = config[field];
  if (v === void 0 || v === null) return [];
  if (!Array.isArray(v)) fieldError(step, `config.${field}`, "must be a list of {name, value}");
  return v.map((item, i) => {
    const at = `config.${field}[${i}]`;
    if (!isRecord(item)) fieldError(step, at, "must be a map with name and value");
    checkFields(`${step}: ${at}`, item, ["name", "value"]);
    const name = item["name"];
    if (typeof name !== "string" || name === "") {
      fieldError(step, `${at}.name`, "must be a non-empty string");
    }
    const value = scalarText2(item["value"]);
    if (value === void 0 || value === "") {
      fieldError(step, `${at}.value`, `must be a non-empty string (${field} ${name})`);
    }
    check?.(name, value, at);
    return { name, value };
  });
}
function compileField(field, v) {
  if (v === void 0 || v === null || v === "") return void 0;
  const source = typeof v === "boolean" ? String(v) : v;
  if (typeof source !== "string") {
    fieldError(STEP7, field, "must be an expression (a string, without ${{ }})");
  }
  try {
    return compileExpr(source);
  } catch (err) {
    return fieldError(STEP7, field, errorMessage(err));
  }
}
function durationMs(field, text3) {
  let ns;
  try {
    ns = parseDuration(text3).ns;
  } catch (err) {
    return fieldError(STEP7, `config.${field}`, errorMessage(err));
  }
  if (ns <= 0) fieldError(STEP7, `config.${field}`, `must be positive, got ${JSON.stringify(text3)}`);
  return Math.max(1, Math.round(ns / 1e6));
}
function requestBody(v, method) {
  if (v === void 0 || v === null || v === "") return void 0;
  if (method === "GET" || method === "HEAD") {
    fieldError(STEP7, "config.body", `a ${method} request cannot have a body`);
  }
  if (typeof v === "string") return { bytes: Buffer.from(v, "utf8"), json: false };
  if (typeof v === "object") return { bytes: Buffer.from(JSON.stringify(v), "utf8"), json: true };
  const text3 = scalarText2(v);
  if (text3 === void 0) fieldError(STEP7, "config.body", "must be a string");
  return { bytes: Buffer.from(text3, "utf8"), json: false };
}
function parseHttpConfig(config) {
  checkFields(STEP7, config, FIELDS2);
  const rawMethod = optionalString3(config, "method") ?? "GET";
  const method = METHODS.find((m) => m === rawMethod.toUpperCase());
  if (!method) {
    fieldError(
      STEP7,
      "config.method",
      `must be one of ${METHODS.join(", ")}, got ${JSON.stringify(rawMethod)}`
    );
  }
  const rawURL = config["url"];
  if (rawURL === void 0 || rawURL === null || rawURL === "") {
    fieldError(STEP7, "config.url", "is required");
  }
  let url;
  if (typeof rawURL === "string") {
    try {
      url = new URL(rawURL);
    } catch {
      url = void 0;
    }
  }
  if (!url || url.protocol !== "http:" && url.protocol !== "https:") {
    fieldError(STEP7, "config.url", "must be an absolute http(s) URL");
  }
  const headers = nameValues(STEP7, config, "headers");
  for (const [i, h] of headers.entries()) {
    if (!HEADER_NAME.test(h.name)) {
      fieldError(
        STEP7,
        `config.headers[${i}].name`,
        `${JSON.stringify(h.name)} is not a header name`
      );
    }
    if (BAD_HEADER_VALUE.test(h.value)) {
      fieldError(
        STEP7,
        `config.headers[${i}].value`,
        `must not contain line breaks or NUL (header ${h.name})`
      );
    }
  }
  const queryParams = nameValues(STEP7, config, "queryParams");
  const proxy = optionalString3(config, "proxy");
  if (proxy !== void 0 && (!/^https?:\/\/[^/?#]/i.test(proxy) || !URL.canParse(proxy))) {
    fieldError(STEP7, "config.proxy", "must be an http(s) URL, scheme included");
  }
  const timeout = optionalString3(config, "timeout");
  const timeoutMs2 = timeout === void 0 ? DEFAULT_TIMEOUT_MS : durationMs("timeout", timeout);
  if (timeoutMs2 > MAX_TIMEOUT_MS) fieldError(STEP7, "config.timeout", "must be at most 24h");
  const pollInterval = optionalString3(config, "pollInterval");
  if (pollInterval !== void 0) durationMs("pollInterval", pollInterval);
  const responseContentType = optionalString3(config, "responseContentType");
  if (responseContentType !== void 0 && !CONTENT_TYPES.includes(responseContentType)) {
    fieldError(
      STEP7,
      "config.responseContentType",
      `must be one of ${CONTENT_TYPES.join(", ")}, got ${JSON.stringify(responseContentType)}`
    );
  }
  const rawOutputs = config["outputs"];
  const outputs = [];
  if (rawOutputs !== void 0 && rawOutputs !== null) {
    if (!Array.isArray(rawOutputs)) {
      fieldError(STEP7, "config.outputs", "must be a list of {name, fromExpression}");
    }
    for (const [i, item] of rawOutputs.entries()) {
      const at = `config.outputs[${i}]`;
      if (!isRecord(item)) fieldError(STEP7, at, "must be a map with name and fromExpression");
      checkFields(`${STEP7}: ${at}`, item, ["name", "fromExpression"]);
      const name = item["name"];
      if (typeof name !== "string" || name === "") {
        fieldError(STEP7, `${at}.name`, "must be a non-empty string");
      }
      if (outputs.some((o) => o.name === name)) {
        fieldError(STEP7, `${at}.name`, `${JSON.stringify(name)} is already an output`);
      }
      const expr = compileField(`${at}.fromExpression`, item["fromExpression"]);
      if (!expr) fieldError(STEP7, `${at}.fromExpression`, "is required");
      outputs.push({ name, expr });
    }
  }
  const bodyFromFile = optionalString3(config, "bodyFromFile") || void 0;
  if (bodyFromFile !== void 0) {
    const body = config["body"];
    if (body !== void 0 && body !== null && body !== "") {
      fieldError(STEP7, "config.bodyFromFile", "give body or bodyFromFile, not both");
    }
    if (method === "GET" || method === "HEAD") {
      fieldError(STEP7, "config.bodyFromFile", `a ${method} request cannot have a body`);
    }
  }
  return {
    method,
    url,
    headers,
    queryParams,
    body: requestBody(config["body"], method),
    bodyFromFile,
    insecureSkipTLSVerify: optionalBool(STEP7, config, "insecureSkipTLSVerify") ?? false,
    proxy,
    timeoutMs: timeoutMs2,
    pollInterval,
    responseContentType,
    successExpression: compileField("config.successExpression", config["successExpression"]),
    failureExpression: compileField("config.failureExpression", config["failureExpression"]),
    errorExpression: compileField("config.errorExpression", config["errorExpression"]),
    outputs
  };
}
async function readBodyFile(worktree, rel) {
  const abs = await safePath(worktree, rel, `${STEP7}: bodyFromFile`);
  const shown = JSON.stringify(normalizeRelative(rel));
  let info;
  try {
    info = await stat3(abs);
  } catch (err) {
    if (err.code === "ENOENT") {
      fieldError(STEP7, "config.bodyFromFile", `${shown}: no such file`);
    }
    throw err;
  }
  if (!info.isFile()) fieldError(STEP7, "config.bodyFromFile", `${shown} is not a file`);
  if (info.size > MAX_RESPONSE_BYTES) {
    fieldError(
      STEP7,
      "config.bodyFromFile",
      `${shown} is ${formatBytes(info.size)}, more than the ${formatBytes(MAX_RESPONSE_BYTES)} a request body may be`
    );
  }
  return readFile6(abs);
}
function canonicalHeader(name) {
  return name.split("-").map((p) => p ? p[0]?.toUpperCase() + p.slice(1).toLowerCase() : p).join("-");
}
function headerMap(headers) {
  const out = {};
  const put = (name, values) => {
    Object.defineProperty(out, canonicalHeader(name), {
      value: values,
      enumerable: true,
      writable: true,
      configurable: true
    });
  };
  headers.forEach((value, name) => {
    if (name !== "set-cookie") put(name, [value]);
  });
  const cookies = headers.getSetCookie();
  if (cookies.length) put("set-cookie", cookies);
  return out;
}
function parseResponseBody(text3, contentType) {
  if (text3 === "") return {};
  const media = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (media === "text/plain") return text3;
  if (YAML_TYPES.has(media)) {
    try {
      return (0, import_yaml5.parse)(text3);
    } catch {
      return text3;
    }
  }
  try {
    return JSON.parse(text3);
  } catch {
    return text3;
  }
}
function formatTimeout(ms) {
  return ms % 1e3 === 0 ? `${ms / 1e3}s` : `${ms}ms`;
}
var nameValuesSchema = (description) => ({
  type: "array",
  description,
  items: {
    type: "object",
    additionalProperties: false,
    required: ["name", "value"],
    properties: { name: nonEmpty("The name."), value: text("The value.") }
  }
});
var expression = (description) => ({ type: ["string", "boolean"], description });
var http = {
  name: STEP7,
  schema: {
    type: "object",
    description: "Sends one HTTP(S) request and judges the response with expressions.",
    additionalProperties: false,
    required: ["url"],
    properties: {
      method: { enum: [...METHODS], description: "The HTTP method; default GET." },
      url: nonEmpty("The absolute http(s) URL."),
      headers: nameValuesSchema("Request headers."),
      queryParams: nameValuesSchema("Query parameters added to the URL."),
      body: { description: "The request body: a string, or a value sent as JSON." },
      bodyFromFile: nonEmpty(
        "A file, relative to the checkout, whose contents are the request body (at most 2 MiB); not with `body`."
      ),
      insecureSkipTLSVerify: flag("Do not verify the server's certificate."),
      proxy: text("An http(s) proxy URL."),
      timeout: text("How long one request may take (Go duration, e.g. 30s)."),
      pollInterval: text("With retry.timeout: how long to wait before asking again."),
      responseContentType: text("How to read the body when the server does not say."),
      successExpression: expression("An expression over `response`: true means done."),
      failureExpression: expression("An expression over `response`: true means failed."),
      errorExpression: expression("An expression over `response`: true means an error to retry."),
      outputs: {
        type: "array",
        description: "Outputs for later steps, each computed from the response.",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["name", "fromExpression"],
          properties: {
            name: nonEmpty("The output name."),
            fromExpression: expression("An expression over `response`.")
          }
        }
      }
    }
  },
  async run(config, ctx) {
    const cfg = parseHttpConfig(config);
    if (cfg.bodyFromFile !== void 0) {
      cfg.body = { bytes: await readBodyFile(ctx.worktree, cfg.bodyFromFile), json: false };
    }
    const url = new URL(cfg.url);
    for (const q of cfg.queryParams) url.searchParams.append(q.name, q.value);
    url.hash = "";
    const redactor = new Redactor();
    const headers = new Headers();
    if (url.username || url.password) {
      const user = decodeURIComponent(url.username);
      const pass = decodeURIComponent(url.password);
      redactor.addBasicAuth(user, pass);
      if (!cfg.headers.some((h) => h.name.toLowerCase() === "authorization")) {
        headers.set("Authorization", `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}`);
      }
      url.username = "";
      url.password = "";
    }
    for (const h of cfg.headers) {
      redactor.add(h.value);
      headers.append(h.name, h.value);
    }
    for (const v of url.searchParams.values()) redactor.add(v, encodeURIComponent(v));
    if (!headers.has("user-agent")) headers.set("User-Agent", "gantry");
    if (cfg.body?.json && !headers.has("content-type")) {
      headers.set("Content-Type", "application/json");
    }
    const what = `${cfg.method} ${safeURL(url)}`;
    const scrub2 = (text4) => redactor.redact(text4);
    const fail3 = (message) => new OperationError(`${STEP7}: ${what}: ${message}`);
    const pollMs2 = cfg.pollInterval !== void 0 ? durationMs("pollInterval", cfg.pollInterval) : 5e3;
    const tls = cfg.insecureSkipTLSVerify ? { rejectUnauthorized: false } : void 0;
    const undici = cfg.proxy || tls ? await import("./MGC6HNYU.js") : void 0;
    const dispatcher = !undici ? void 0 : cfg.proxy ? new undici.ProxyAgent({
      uri: cfg.proxy,
      ...tls && { requestTls: tls, proxyTls: tls }
    }) : new undici.Agent({ connect: tls });
    let status;
    let responseHeaders;
    let text3;
    try {
      const signal = AbortSignal.timeout(cfg.timeoutMs);
      const init = {
        method: cfg.method,
        headers,
        redirect: "follow",
        signal,
        ...cfg.body && { body: cfg.body.bytes },
        // undici's Agent is the dispatcher Node's own fetch (undici inside) takes.
        ...dispatcher && { dispatcher }
      };
      let res;
      try {
        res = await ctx.fetch(url, init);
      } catch (err) {
        if (isTimeout(err)) {
          throw fail3(`no response within ${formatTimeout(cfg.timeoutMs)} (config.timeout)`);
        }
        throw fail3(`request failed: ${scrub2(networkReason(err))}`);
      }
      status = res.status;
      responseHeaders = res.headers;
      try {
        text3 = cfg.method === "HEAD" ? "" : (
          // TextDecoder, not Buffer: it drops a byte-order mark that would break JSON.parse.
          new TextDecoder("utf-8").decode(
            await readBody(res, { url, maxBytes: MAX_RESPONSE_BYTES, what: "the response" })
          )
        );
      } catch (err) {
        if (err instanceof BodyTooLargeError) {
          const declared = err.declared !== void 0 ? ` (Content-Length ${err.declared})` : "";
          throw fail3(
            `the HTTP ${status} response body${declared} is larger than the ${formatBytes(MAX_RESPONSE_BYTES)} the step reads`
          );
        }
        if (isTimeout(err)) {
          throw fail3(
            `the response body did not arrive within ${formatTimeout(cfg.timeoutMs)} (config.timeout)`
          );
        }
        throw fail3(`reading the response failed: ${scrub2(networkReason(err))}`);
      }
    } finally {
      await dispatcher?.destroy().catch(() => void 0);
    }
    const response = {
      status,
      headers: headerMap(responseHeaders),
      body: parseResponseBody(text3, cfg.responseContentType ?? responseHeaders.get("content-type"))
    };
    const env = { response };
    ctx.log(`${STEP7}: ${what}: HTTP ${status}, ${Buffer.byteLength(text3)} bytes`);
    const evaluate = (field, expr) => {
      try {
        return expr.evaluate(env);
      } catch (err) {
        throw fail3(
          `HTTP ${status} response: ${field} ${scrub2(JSON.stringify(expr.source))}: ${scrub2(errorMessage(err))}`
        );
      }
    };
    const criterion = (field, expr) => {
      if (!expr) return void 0;
      const v = evaluate(field, expr);
      if (typeof v !== "boolean") {
        throw fail3(
          `HTTP ${status} response: ${field} ${scrub2(JSON.stringify(expr.source))} must evaluate to true or false, got ${scrub2(formatValue(v))}`
        );
      }
      return v;
    };
    const failed2 = criterion("failureExpression", cfg.failureExpression);
    if (failed2 === true) {
      let detail = "";
      if (cfg.errorExpression) {
        try {
          const msg = cfg.errorExpression.evaluate(env);
          if (typeof msg === "string" && msg !== "") detail = `: ${JSON.stringify(scrub2(msg))}`;
        } catch {
        }
      }
      throw fail3(`HTTP ${status} response met failureExpression${detail}`);
    }
    const succeeded = criterion("successExpression", cfg.successExpression);
    if (succeeded !== true) {
      if (succeeded === void 0 && failed2 === void 0) {
        if (status < 200 || status > 299) {
          throw new StepPendingError(
            `${STEP7}: ${what}: HTTP ${status} response; with no successExpression or failureExpression only a 2xx status succeeds`,
            pollMs2
          );
        }
      } else {
        const rule = succeeded === false ? "did not meet successExpression" : "did not meet failureExpression, and there is no successExpression (as in Kargo, a step with only a failureExpression never succeeds)";
        throw new StepPendingError(`${STEP7}: ${what}: HTTP ${status} response ${rule}`, pollMs2);
      }
    }
    const outputs = {};
    for (const o of cfg.outputs) {
      Object.defineProperty(outputs, o.name, {
        value: evaluate(`outputs ${JSON.stringify(o.name)} fromExpression`, o.expr),
        enumerable: true,
        writable: true,
        configurable: true
      });
    }
    return { outputs };
  }
};

// src/promotion/steps/http-download.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { lstat as lstat6, mkdir as mkdir4, open, readFile as readFile7, rename, rm as rm4 } from "node:fs/promises";
import path6 from "node:path";
var STEP8 = "http-download";
var MAX_DOWNLOAD_BYTES = 100 << 20;
var DEFAULT_TIMEOUT_MS2 = 5 * 6e4;
var MAX_TIMEOUT_MS2 = 24 * 36e5;
var HEADER_NAME2 = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
var BAD_HEADER_VALUE2 = /[\0\r\n]/;
var FIELDS3 = [
  "url",
  "outPath",
  "allowOverwrite",
  "headers",
  "queryParams",
  "insecureSkipTLSVerify",
  "timeout"
];
function checkHeader(name, value, at) {
  if (!HEADER_NAME2.test(name)) {
    fieldError(STEP8, `${at}.name`, `${JSON.stringify(name)} is not a header name`);
  }
  if (BAD_HEADER_VALUE2.test(value)) {
    fieldError(STEP8, `${at}.value`, `must not contain line breaks or NUL (header ${name})`);
  }
}
function timeoutMs(config) {
  const v = config["timeout"];
  if (v === void 0 || v === null || v === "") return DEFAULT_TIMEOUT_MS2;
  if (typeof v !== "string")
    fieldError(STEP8, "config.timeout", "must be a Go duration such as 10m");
  let ns;
  try {
    ns = parseDuration(v).ns;
  } catch (err) {
    return fieldError(STEP8, "config.timeout", errorMessage(err));
  }
  if (ns <= 0) fieldError(STEP8, "config.timeout", `must be positive, got ${JSON.stringify(v)}`);
  const ms = Math.max(1, Math.round(ns / 1e6));
  if (ms > MAX_TIMEOUT_MS2) fieldError(STEP8, "config.timeout", "must be at most 24h");
  return ms;
}
var nameValuesSchema2 = (description) => ({
  type: "array",
  description,
  items: {
    type: "object",
    additionalProperties: false,
    required: ["name", "value"],
    properties: { name: nonEmpty("The name."), value: nonEmpty("The value.") }
  }
});
function makeHttpDownload(maxBytes = MAX_DOWNLOAD_BYTES) {
  return {
    name: STEP8,
    schema: {
      type: "object",
      description: `Downloads a file over HTTP(S) into the checkout (GET; at most ${formatBytes(MAX_DOWNLOAD_BYTES)}).`,
      additionalProperties: false,
      required: ["url", "outPath"],
      properties: {
        url: nonEmpty("The absolute http(s) URL to download."),
        outPath: nonEmpty("Where to save it, relative to the checkout; parents are created."),
        allowOverwrite: flag(
          "Replace a file already at `outPath`; default false (then an existing file fails the step)."
        ),
        headers: nameValuesSchema2("Request headers (`Authorization`, `Accept`)."),
        queryParams: nameValuesSchema2("Query parameters added to the URL, URL-encoded."),
        insecureSkipTLSVerify: flag("Do not verify the server's certificate."),
        timeout: text("How long the whole download may take (Go duration); default 5m.")
      }
    },
    async run(config, ctx) {
      checkFields(STEP8, config, FIELDS3);
      const rawURL = requireString(STEP8, config, "url");
      let url;
      try {
        url = new URL(rawURL);
      } catch {
        url = void 0;
      }
      if (!url || url.protocol !== "http:" && url.protocol !== "https:") {
        fieldError(STEP8, "config.url", "must be an absolute http(s) URL");
      }
      const outRel = requireString(STEP8, config, "outPath");
      const headers = nameValues(STEP8, config, "headers", checkHeader);
      const queryParams = nameValues(STEP8, config, "queryParams");
      const insecure = optionalBool(STEP8, config, "insecureSkipTLSVerify") ?? false;
      const allowOverwrite = optionalBool(STEP8, config, "allowOverwrite") ?? false;
      const ms = timeoutMs(config);
      const outAbs = await writablePath(ctx.worktree, outRel, `${STEP8}: outPath`);
      const shown = normalizeRelative(outRel);
      if (shown === ".")
        fieldError(STEP8, "config.outPath", "names the checkout itself, not a file");
      const existing = await lstat6(outAbs).catch(() => void 0);
      if (existing?.isDirectory()) {
        fieldError(STEP8, "config.outPath", `${JSON.stringify(shown)} is a directory`);
      }
      if (existing && !allowOverwrite) {
        fieldError(
          STEP8,
          "config.outPath",
          `${JSON.stringify(shown)} already exists; set allowOverwrite: true to replace it`
        );
      }
      for (const q of queryParams) url.searchParams.append(q.name, q.value);
      url.hash = "";
      const redactor = new Redactor();
      const requestHeaders = new Headers();
      if (url.username || url.password) {
        const user = decodeURIComponent(url.username);
        const pass = decodeURIComponent(url.password);
        redactor.addBasicAuth(user, pass);
        requestHeaders.set(
          "Authorization",
          `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}`
        );
        url.username = "";
        url.password = "";
      }
      for (const h of headers) {
        redactor.add(h.value);
        if (h.name.toLowerCase() === "authorization") requestHeaders.delete("authorization");
        requestHeaders.append(h.name, h.value);
      }
      for (const v of url.searchParams.values()) redactor.add(v, encodeURIComponent(v));
      if (!requestHeaders.has("user-agent")) requestHeaders.set("User-Agent", "gantry");
      const what = `GET ${safeURL(url)}`;
      const fail3 = (message) => new OperationError(`${STEP8}: ${what}: ${message}`);
      const dispatcher = insecure ? new (await import("./MGC6HNYU.js")).Agent({ connect: { rejectUnauthorized: false } }) : void 0;
      const dir = path6.dirname(outAbs);
      const temp = path6.join(
        dir,
        `.${path6.basename(outAbs)}.${randomBytes2(6).toString("hex")}.tmp`
      );
      let size = 0;
      let unchanged;
      try {
        const signal = AbortSignal.timeout(ms);
        let res;
        try {
          res = await ctx.fetch(url, {
            method: "GET",
            headers: requestHeaders,
            redirect: "follow",
            signal,
            ...dispatcher && { dispatcher }
          });
        } catch (err) {
          if (isTimeout(err)) throw fail3(`no response within the timeout (config.timeout)`);
          throw fail3(`request failed: ${redactor.redact(networkReason(err))}`);
        }
        if (res.status < 200 || res.status > 299) {
          await res.body?.cancel().catch(() => void 0);
          throw fail3(`HTTP ${res.status}; only a 2xx response is saved`);
        }
        await mkdir4(dir, { recursive: true });
        const file = await open(temp, "wx", 384);
        try {
          for await (const chunk of bodyChunks(res, { url, maxBytes, what: "the download" })) {
            await file.write(chunk);
            size += chunk.byteLength;
          }
        } catch (err) {
          if (err instanceof BodyTooLargeError) {
            const declared = err.declared !== void 0 ? ` (Content-Length ${err.declared})` : "";
            throw fail3(
              `the file${declared} is larger than ${formatBytes(maxBytes)}, the most the step downloads`
            );
          }
          if (isTimeout(err))
            throw fail3("the download did not finish within the timeout (config.timeout)");
          throw fail3(`reading the response failed: ${redactor.redact(networkReason(err))}`);
        } finally {
          await file.close();
        }
        unchanged = existing?.isFile() === true && existing.size === size && (await readFile7(temp)).equals(await readFile7(outAbs));
        if (!unchanged) await rename(temp, outAbs);
      } catch (err) {
        if (err instanceof ConfigError || err instanceof OperationError) throw err;
        throw fail3(redactor.redact(errorMessage(err)));
      } finally {
        await rm4(temp, { force: true }).catch(() => void 0);
        await dispatcher?.destroy().catch(() => void 0);
      }
      if (unchanged) {
        ctx.log(`${STEP8}: ${what}: ${shown} already holds these ${formatBytes(size)}`);
        return { summary: [], changed: [] };
      }
      ctx.log(`${STEP8}: ${what}: saved ${formatBytes(size)} at ${shown}`);
      return { summary: [`- downloaded ${shown}`], changed: [shown] };
    }
  };
}
var httpDownload = makeHttpDownload();

// src/promotion/steps/json-parse.ts
var import_yaml6 = __toESM(require_dist(), 1);

// src/promotion/steps/yaml-update.ts
import { readFile as readFile8, writeFile as writeFile5 } from "node:fs/promises";
async function readStepFile(step, abs, rel) {
  try {
    return await readFile8(abs, "utf8");
  } catch (err) {
    const code = err.code;
    if (code === "ENOENT")
      throw new ConfigError(`${step}: path ${JSON.stringify(rel)}: no such file`);
    if (code === "EISDIR")
      throw new ConfigError(`${step}: path ${JSON.stringify(rel)}: is a directory, not a file`);
    throw err;
  }
}
var show = (v) => typeof v === "string" ? v : JSON.stringify(v);
function updateSummary(rel, updates, previous) {
  const lines = [];
  for (const u of updates) {
    const old = previous.get(u.key);
    if (old !== void 0 && show(old) === show(u.value)) continue;
    lines.push(
      old === void 0 ? `- ${rel}: ${u.key} \u2192 ${show(u.value)}` : `- ${rel}: ${u.key} ${show(old)} \u2192 ${show(u.value)}`
    );
  }
  return lines;
}
var schema2 = {
  type: "object",
  description: "Sets scalar values in a YAML file by key path, changing only the bytes of each value.",
  additionalProperties: false,
  required: ["path", "updates"],
  properties: {
    path: nonEmpty("The YAML file, relative to the checkout."),
    document: {
      type: "integer",
      minimum: 0,
      description: "gantry: which document of a multi-document file to edit (0 for the first)."
    },
    updates: {
      type: "array",
      minItems: 1,
      description: "The changes, applied in order.",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["key", "value"],
        properties: {
          key: nonEmpty(
            "Key path: `image.tag`, `containers.0.image`, `annotations.example\\.com/owner`. It must address a scalar the file has."
          ),
          value: { description: "The new value, usually an expression." },
          create: flag(
            "gantry: add the key (and missing parents; append to a list) when the file lacks it. Without it, a missing key fails as `key path not found`."
          ),
          allowEmpty: flag(
            "gantry: allow writing null or an empty string over a value the file holds."
          )
        }
      }
    }
  }
};
var yamlUpdate = {
  name: "yaml-update",
  schema: schema2,
  async run(config, ctx) {
    checkFields("yaml-update", config, ["path", "updates", "document"]);
    const path12 = requireString("yaml-update", config, "path");
    const document = config["document"];
    if (document !== void 0 && !(Number.isInteger(document) && document >= 0)) {
      throw new ConfigError(
        `yaml-update: config.document must be a document index (0 for the first), not ${JSON.stringify(document)}`
      );
    }
    const updates = requireUpdates("yaml-update", config, ["create", "allowEmpty"]);
    const abs = await safePath(ctx.worktree, path12, "yaml-update: path");
    const rel = normalizeRelative(path12);
    const text3 = await readStepFile("yaml-update", abs, rel);
    const previous = /* @__PURE__ */ new Map();
    const out = setYamlValues(text3, updates, rel, {
      previous,
      ...document !== void 0 ? { document } : {}
    });
    refuseEmptyWrites("yaml-update", rel, updates, previous, ctx.written);
    const changed = out !== text3;
    if (changed) await writeFile5(abs, out);
    return {
      outputs: { commitMessage: yamlUpdateCommitMessage(rel, updates) },
      summary: changed ? updateSummary(rel, updates, previous) : [],
      changed: changed ? [rel] : []
    };
  }
};

// src/promotion/steps/parse-outputs.ts
var outputsSchema = (what) => ({
  type: "array",
  minItems: 1,
  description: `Outputs for later steps, each an expression over the parsed ${what} document.`,
  items: {
    type: "object",
    additionalProperties: false,
    required: ["name", "fromExpression"],
    properties: {
      name: nonEmpty("The output name: later steps read `outputs.<alias>.<name>`."),
      fromExpression: nonEmpty(
        `An expr-lang expression, without \`\${{ }}\`, whose names are the document's top-level keys (\`image.tag\`).`
      )
    }
  }
});
function parseOutputRules(step, config) {
  const raw = config["outputs"];
  if (!Array.isArray(raw) || raw.length === 0) {
    fieldError(
      step,
      "config.outputs",
      "is required: a list of at least one {name, fromExpression}"
    );
  }
  const rules = [];
  for (const [i, item] of raw.entries()) {
    const at = `config.outputs[${i}]`;
    if (!isRecord(item)) fieldError(step, at, "must be a map with name and fromExpression");
    checkFields(`${step}: ${at}`, item, ["name", "fromExpression"]);
    const name = item["name"];
    if (typeof name !== "string" || name === "") {
      fieldError(step, `${at}.name`, "must be a non-empty string");
    }
    if (rules.some((r) => r.name === name)) {
      fieldError(step, `${at}.name`, `${JSON.stringify(name)} is already an output`);
    }
    const source = item["fromExpression"];
    if (typeof source !== "string" || source.trim() === "") {
      fieldError(step, `${at}.fromExpression`, "must be a non-empty expression");
    }
    try {
      rules.push({ name, expr: compileExpr(source) });
    } catch (err) {
      fieldError(step, `${at}.fromExpression`, errorMessage(err));
    }
  }
  return rules;
}
function evaluateOutputRules(step, file, doc, rules, ctx) {
  if (!isRecord(doc)) {
    throw new ConfigError(
      `${step}: path ${JSON.stringify(file)}: the document must be a map at the top level, not ${Array.isArray(doc) ? "a list" : doc === null ? "empty" : "a scalar"}`
    );
  }
  const env = Object.hasOwn(doc, "ctx") ? doc : { ...doc, ctx: { stage: ctx.stage, project: ctx.project } };
  const outputs = {};
  rules.forEach((rule, i) => {
    let value;
    try {
      value = rule.expr.evaluate(env);
    } catch (err) {
      throw new ConfigError(
        `${step}: config.outputs[${i}].fromExpression ${JSON.stringify(rule.expr.source)} on ${file}: ${errorMessage(err)}`
      );
    }
    Object.defineProperty(outputs, rule.name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true
    });
  });
  return outputs;
}
function parseStep(step, format, parse2) {
  return {
    name: step,
    schema: {
      type: "object",
      description: `Reads a ${format} file and makes outputs from it with expressions.`,
      additionalProperties: false,
      required: ["path", "outputs"],
      properties: {
        path: nonEmpty(`The ${format} file, relative to the checkout.`),
        outputs: outputsSchema(format)
      }
    },
    async run(config, ctx) {
      checkFields(step, config, ["path", "outputs"]);
      const rel = requireString(step, config, "path");
      const rules = parseOutputRules(step, config);
      const abs = await safePath(ctx.worktree, rel, `${step}: path`);
      const shown = normalizeRelative(rel);
      const text3 = await readStepFile(step, abs, shown);
      const doc = parse2(step, shown, text3);
      return { outputs: evaluateOutputRules(step, shown, doc, rules, ctx) };
    }
  };
}

// src/promotion/steps/json-parse.ts
var STEP9 = "json-parse";
function parseJsonFile(step, rel, text3) {
  if (text3.trim() === "") {
    throw new ConfigError(`${step}: path ${JSON.stringify(rel)}: the file is empty`);
  }
  const body = text3.replace(/^\uFEFF/, "");
  try {
    return JSON.parse(body);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const reason = /^(Unexpected [^,"]+?|[^"\n]+?)(?: in JSON at position \d+)?(?:$|[,"\n])/.exec(message)?.[1]?.trim();
    let where = rel;
    const pos = /at position (\d+)/.exec(message)?.[1];
    if (pos !== void 0) {
      const lines = body.slice(0, Number(pos)).split("\n");
      where = `${rel}:${lines.length}:${(lines.at(-1)?.length ?? 0) + 1}`;
    } else {
      const at = (0, import_yaml6.parseDocument)(body, { version: "1.2" }).errors[0]?.linePos?.[0];
      if (at) where = `${rel}:${at.line}:${at.col}`;
    }
    throw new ConfigError(`${step}: ${where}: not valid JSON: ${reason ?? message}`);
  }
}
var jsonParse = parseStep(STEP9, "JSON", parseJsonFile);

// src/promotion/steps/json-update.ts
import { writeFile as writeFile6 } from "node:fs/promises";

// src/promotion/json-edit.ts
import { isDeepStrictEqual as isDeepStrictEqual2 } from "node:util";
function setJsonValues(text3, updates, where, previous) {
  const planned = updates.map((u) => {
    let parts;
    try {
      parts = splitKey(u.key);
    } catch (err) {
      if (err instanceof KeyPathError) {
        throw new ConfigError(
          `${where}: json-update: key ${JSON.stringify(u.key)}: ${err.message}`
        );
      }
      throw err;
    }
    const v = u.value;
    if (!(typeof v === "string" || typeof v === "boolean" || typeof v === "number" && Number.isFinite(v))) {
      throw new ConfigError(
        `${where}: json-update: value for key ${JSON.stringify(u.key)} is not a scalar type`
      );
    }
    return { key: u.key, parts, value: v };
  });
  if (planned.length === 0) return text3;
  let expected = parseStrict(text3, where);
  for (const u of planned) previous?.set(u.key, lookupKey(expected, u.parts));
  let out = text3;
  for (const u of planned) {
    const root = scan(out, where);
    const edit = locate2(out, root, u.parts, 0, u.value, where, u.key);
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    expected = setIn(expected, u.parts, u.value);
  }
  let got;
  try {
    got = JSON.parse(out);
  } catch {
    got = /* @__PURE__ */ Symbol("unparseable");
  }
  if (!isDeepStrictEqual2(got, expected)) {
    throw new OperationError(
      `${where}: json-update: the edited file does not read back as intended; nothing was changed. This is a gantry bug.`
    );
  }
  return out;
}
function jsonUpdateCommitMessage(path12, updates) {
  if (updates.length === 0) return "";
  let msg = `Updated ${path12}
`;
  for (const u of updates) {
    msg += `
- ${u.key}: ${typeof u.value === "string" ? goQuote(u.value) : goValue(u.value)}`;
  }
  return msg;
}
function lineCol2(text3, offset) {
  const before = text3.slice(0, offset);
  const line = before.split("\n").length;
  return `${line}:${offset - before.lastIndexOf("\n")}`;
}
function parseStrict(text3, where) {
  scan(text3, where);
  return JSON.parse(text3);
}
function scan(text3, where) {
  let i = 0;
  const bad = (what) => {
    throw new ConfigError(`${where}:${lineCol2(text3, i)}: malformed JSON: ${what}`);
  };
  const ws = () => {
    while (i < text3.length && " 	\r\n".includes(text3[i] ?? "x")) i++;
  };
  const str2 = () => {
    const start = i;
    i++;
    while (i < text3.length && text3[i] !== '"') i += text3[i] === "\\" ? 2 : 1;
    if (i >= text3.length) bad("unterminated string");
    i++;
    try {
      return JSON.parse(text3.slice(start, i));
    } catch {
      i = start;
      return bad("invalid string");
    }
  };
  const value = () => {
    ws();
    const start = i;
    const node = {
      kind: "scalar",
      start,
      end: start,
      members: [],
      items: [],
      isNull: false
    };
    const c = text3[i];
    if (c === "{") {
      node.kind = "object";
      i++;
      ws();
      if (text3[i] === "}") i++;
      else {
        for (; ; ) {
          ws();
          if (text3[i] !== '"') bad("expected a string key");
          const keyStart = i;
          const key = str2();
          ws();
          if (text3[i] !== ":") bad('expected ":"');
          i++;
          node.members.push({ key, keyStart, value: value() });
          ws();
          if (text3[i] === ",") i++;
          else if (text3[i] === "}") {
            i++;
            break;
          } else bad('expected "," or "}"');
        }
      }
    } else if (c === "[") {
      node.kind = "array";
      i++;
      ws();
      if (text3[i] === "]") i++;
      else {
        for (; ; ) {
          node.items.push(value());
          ws();
          if (text3[i] === ",") i++;
          else if (text3[i] === "]") {
            i++;
            break;
          } else bad('expected "," or "]"');
        }
      }
    } else if (c === '"') {
      str2();
    } else {
      const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(
        text3.slice(i, i + 400)
      );
      const token = m?.[0] ?? bad("unexpected character");
      i += token.length;
      node.isNull = token === "null";
    }
    node.end = i;
    return node;
  };
  const root = value();
  ws();
  if (i < text3.length) bad("unexpected text after the JSON value");
  return root;
}
function locate2(text3, node, parts, i, value, where, key) {
  const part = parts[i] ?? "";
  const last = i === parts.length - 1;
  const fail3 = (at, message) => {
    throw new ConfigError(
      `${where}:${lineCol2(text3, at)}: json-update: key ${JSON.stringify(key)}: ${message}`
    );
  };
  if (node.kind === "object") {
    const member = node.members.find((m) => m.key === String(part));
    if (!member) return insertMember(text3, node, String(part), create(parts.slice(i + 1), value));
    if (last) {
      if (member.value.kind !== "scalar") fail3(member.value.start, notScalar(member.value));
      return { start: member.value.start, end: member.value.end, text: JSON.stringify(value) };
    }
    return locate2(text3, member.value, parts, i + 1, value, where, key);
  }
  if (node.kind === "array") {
    const index = indexOf(part);
    if (index === void 0)
      return fail3(
        node.start,
        `${JSON.stringify(part)} is not an index, and the value there is an array`
      );
    if (index < -1) return fail3(node.start, `invalid negative index: ${index}`);
    if (index === -1 || index >= node.items.length) {
      const pad = index === -1 ? 0 : index - node.items.length;
      const added = [
        ...Array(pad).fill("null"),
        compact(text3, create(parts.slice(i + 1), value))
      ];
      const lastItem = node.items[node.items.length - 1];
      const [i0, i1] = node.items;
      const sep = i0 && i1 ? text3.slice(i0.end, i1.start).trimStart() : colonSpacing(text3) === ": " ? ", " : ",";
      const join3 = sep.startsWith(",") ? sep : `,${sep}`;
      if (!lastItem) return { start: node.start + 1, end: node.start + 1, text: added.join(join3) };
      return { start: lastItem.end, end: lastItem.end, text: join3 + added.join(join3) };
    }
    const item = node.items[index];
    if (!item) return fail3(node.start, `no item ${index}`);
    if (last) {
      if (item.kind !== "scalar") fail3(item.start, notScalar(item));
      return { start: item.start, end: item.end, text: JSON.stringify(value) };
    }
    return locate2(text3, item, parts, i + 1, value, where, key);
  }
  if (node.isNull) {
    return { start: node.start, end: node.end, text: compact(text3, create(parts.slice(i), value)) };
  }
  return fail3(
    node.start,
    `cannot set ${JSON.stringify(String(part))}: the value there is a scalar`
  );
}
function notScalar(node) {
  const what = node.kind === "object" ? `an object (keys: ${node.members.slice(0, 8).map((m) => m.key).join(", ")})` : `an array of ${node.items.length} items`;
  return `the value there is ${what}, not a scalar; json-update updates scalar values only, so address a key inside it`;
}
function create(parts, value) {
  let v = value;
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i] ?? "";
    if (typeof p === "number") {
      const arr = p > 0 ? new Array(p).fill(null) : [];
      arr.push(v);
      v = arr;
    } else v = { [p]: v };
  }
  return v;
}
function colonSpacing(text3) {
  return /"\s*:\s/.test(text3) ? ": " : ":";
}
function compact(text3, v) {
  const sep = colonSpacing(text3);
  const r = (x) => {
    if (Array.isArray(x)) return `[${x.map(r).join(sep === ": " ? ", " : ",")}]`;
    if (x !== null && typeof x === "object") {
      return `{${Object.entries(x).map(([k, y]) => `${JSON.stringify(k)}${sep}${r(y)}`).join(sep === ": " ? ", " : ",")}}`;
    }
    return JSON.stringify(x);
  };
  return r(v);
}
function insertMember(text3, obj, key, value) {
  const sepMatch = obj.members[0] ? /^"(?:[^"\\]|\\.)*"(\s*:\s*)/.exec(text3.slice(obj.members[0].keyStart)) : null;
  const colon = sepMatch?.[1] ?? colonSpacing(text3);
  const entry = `${JSON.stringify(key)}${colon}${compact(text3, value)}`;
  const lastMember = obj.members[obj.members.length - 1];
  if (!lastMember) return { start: obj.start + 1, end: obj.start + 1, text: entry };
  const [first, second] = obj.members;
  if (!first) return { start: obj.start + 1, end: obj.start + 1, text: entry };
  const lead = text3.slice(obj.start + 1, first.keyStart);
  if (lead.includes("\n")) {
    const eol = lead.includes("\r\n") ? "\r\n" : "\n";
    const indent = lead.slice(lead.lastIndexOf("\n") + 1);
    return {
      start: lastMember.value.end,
      end: lastMember.value.end,
      text: `,${eol}${indent}${entry}`
    };
  }
  const between = second ? /,(\s*)$/.exec(text3.slice(first.value.end, second.keyStart)) : null;
  return {
    start: lastMember.value.end,
    end: lastMember.value.end,
    text: `,${between?.[1] ?? ""}${entry}`
  };
}
function setIn(root, parts, value) {
  if (parts.length === 0) return value;
  const [part, ...rest] = parts;
  if (Array.isArray(root)) {
    const copy2 = [...root];
    const index = indexOf(part) ?? -1;
    if (index === -1 || index >= copy2.length) {
      while (index > copy2.length) copy2.push(null);
      copy2.push(setIn(void 0, rest, value));
    } else copy2[index] = setIn(copy2[index], rest, value);
    return copy2;
  }
  if (root !== null && typeof root === "object") {
    const obj = root;
    return { ...obj, [String(part)]: setIn(obj[String(part)], rest, value) };
  }
  return create(parts, value);
}

// src/promotion/steps/json-update.ts
var schema3 = {
  type: "object",
  description: "Sets scalar values in a JSON file by key path (sjson syntax), keeping its formatting.",
  additionalProperties: false,
  required: ["path", "updates"],
  properties: {
    path: nonEmpty("The JSON file, relative to the checkout."),
    updates: {
      type: "array",
      minItems: 1,
      description: "The changes, applied in order.",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["key", "value"],
        properties: {
          key: nonEmpty(
            "Key path: `image.tag`, `containers.0.image`. A missing key is created; an object or array is never overwritten."
          ),
          value: {
            type: ["string", "number", "boolean"],
            description: "The new value: a string, number or boolean."
          },
          allowEmpty: flag("gantry: allow writing an empty string over a value the file holds.")
        }
      }
    }
  }
};
var jsonUpdate = {
  name: "json-update",
  schema: schema3,
  async run(config, ctx) {
    checkFields("json-update", config, ["path", "updates"]);
    const path12 = requireString("json-update", config, "path");
    const updates = requireUpdates("json-update", config, ["allowEmpty"]);
    const abs = await safePath(ctx.worktree, path12, "json-update: path");
    const rel = normalizeRelative(path12);
    const text3 = await readStepFile("json-update", abs, rel);
    const previous = /* @__PURE__ */ new Map();
    const out = setJsonValues(text3, updates, rel, previous);
    refuseEmptyWrites("json-update", rel, updates, previous, ctx.written);
    const changed = out !== text3;
    if (changed) await writeFile6(abs, out);
    return {
      outputs: { commitMessage: jsonUpdateCommitMessage(rel, updates) },
      summary: changed ? updateSummary(rel, updates, previous) : [],
      changed: changed ? [rel] : []
    };
  }
};

// src/promotion/steps/kustomize-build.ts
var import_yaml8 = __toESM(require_dist(), 1);
import { readFile as readFile10, stat as stat4 } from "node:fs/promises";
import path7 from "node:path";

// src/promotion/steps/kustomize-set-image.ts
var import_yaml7 = __toESM(require_dist(), 1);
import { lstat as lstat7, readFile as readFile9, writeFile as writeFile7 } from "node:fs/promises";
import { join as join2, posix as posix2 } from "node:path";
import { isDeepStrictEqual as isDeepStrictEqual3 } from "node:util";
var STEP10 = "kustomize-set-image";
var KUSTOMIZATION_FILE_NAMES = [
  "kustomization.yaml",
  "kustomization.yml",
  "Kustomization"
];
var PRESERVE = "*";
var IMAGE_FIELDS = ["name", "newName", "newTag", "digest", "tagSuffix"];
var kustomizeSetImage = {
  name: STEP10,
  schema: {
    type: "object",
    description: "Sets images in a kustomization's `images`, without a kustomize binary.",
    additionalProperties: false,
    required: ["path"],
    properties: {
      path: nonEmpty("The directory of the kustomization, relative to the checkout."),
      images: {
        type: "array",
        description: "The images to set; none: every image of the freight.",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["image"],
          properties: {
            image: nonEmpty("The image repository, as the freight has it."),
            name: text("The name the kustomization matches; default: `image`."),
            tag: text("The tag to set; default: the tag in the freight."),
            digest: text("The digest to set (instead of a tag)."),
            useDigest: flag("Set the freight's digest instead of its tag."),
            newName: text("A new image name to set."),
            fromOrigin: originSchema("Which warehouse's freight provides the image.")
          }
        }
      }
    }
  },
  async run(config, ctx) {
    const cfg = parseKustomizeSetImageConfig(config);
    const dir = await safePath(ctx.worktree, cfg.path, `${STEP10}: path`);
    const file = await findKustomization(dir, cfg.path);
    const relFile = posix2.join(normalizeRelative(cfg.path), file.slice(dir.length + 1));
    const targets = cfg.images && cfg.images.length > 0 ? buildTargetImagesFromConfig(cfg.images, ctx.freightCollection) : buildTargetImagesAutomatically(ctx.freightCollection);
    const text3 = await readFile9(file, "utf8");
    const { text: out, before, after } = updateKustomization(text3, targets, relFile);
    const result = {};
    const message = kustomizeCommitMessage(cfg.path, targets);
    if (message) result.outputs = { commitMessage: message };
    if (out !== text3) {
      await writeFile7(file, out);
      result.changed = [relFile];
      result.summary = summaryLines(relFile, before, after);
    } else {
      ctx.log(`${STEP10}: ${relFile} already uses these images`);
    }
    return result;
  }
};
function parseKustomizeSetImageConfig(config) {
  onlyKeys(STEP10, config, ["path", "images"], "");
  const path12 = requireField(STEP10, config.path, "path");
  if (config.images === void 0 || config.images === null) return { path: path12 };
  if (!Array.isArray(config.images)) fieldError(STEP10, "images", "must be a list");
  const images = config.images.map((raw, i) => parseImageConfig(raw, `images[${i}]`));
  return { path: path12, images };
}
function parseImageConfig(raw, field) {
  if (!isRecord(raw)) fieldError(STEP10, field, "must be a mapping");
  onlyKeys(
    STEP10,
    raw,
    ["image", "name", "tag", "digest", "useDigest", "newName", "fromOrigin"],
    `${field}.`
  );
  const out = {
    image: requireField(STEP10, raw.image, `${field}.image`)
  };
  for (const k of ["name", "tag", "digest", "newName"]) {
    const v = raw[k];
    if (v === void 0 || v === null || v === "") continue;
    if (typeof v !== "string") fieldError(STEP10, `${field}.${k}`, "must be a string");
    out[k] = v;
  }
  if (out.tag !== void 0 && out.digest !== void 0) {
    fieldError(STEP10, field, "set either tag or digest, not both");
  }
  if (raw.useDigest !== void 0 && raw.useDigest !== null) {
    if (typeof raw.useDigest !== "boolean")
      fieldError(STEP10, `${field}.useDigest`, "must be true or false");
    out.useDigest = raw.useDigest;
  }
  if (raw.fromOrigin !== void 0 && raw.fromOrigin !== null) {
    out.fromOrigin = parseOrigin(raw.fromOrigin, `${field}.fromOrigin`);
  }
  return out;
}
function parseOrigin(raw, field) {
  if (!isRecord(raw)) fieldError(STEP10, field, "must be a mapping with kind and name");
  onlyKeys(STEP10, raw, ["kind", "name"], `${field}.`);
  if (raw.kind !== "Warehouse") fieldError(STEP10, `${field}.kind`, "must be Warehouse");
  return { kind: "Warehouse", name: requireField(STEP10, raw.name, `${field}.name`) };
}
function buildTargetImagesFromConfig(images, freightCollection = []) {
  const targets = /* @__PURE__ */ new Map();
  images.forEach((img, i) => {
    const target = { name: img.name ?? img.image };
    if (img.newName) target.newName = img.newName;
    if (img.digest) {
      target.digest = img.digest;
    } else if (img.tag) {
      target.newTag = img.tag;
    } else {
      const found = findFreightImage(freightCollection, img.image, img.fromOrigin, `images[${i}]`);
      if (img.useDigest) {
        if (!found.digest) {
          fieldError(
            STEP10,
            `images[${i}].useDigest`,
            `the freight's image ${img.image} has no digest`
          );
        }
        target.digest = found.digest;
      } else {
        if (!found.tag)
          fieldError(STEP10, `images[${i}]`, `the freight's image ${img.image} has no tag`);
        target.newTag = found.tag;
      }
    }
    targets.set(target.name, target);
  });
  return targets;
}
function buildTargetImagesAutomatically(freightCollection) {
  const providers = /* @__PURE__ */ new Map();
  const targets = /* @__PURE__ */ new Map();
  for (const freight of freightCollection) {
    for (const img of freight.images) {
      const seen = providers.get(img.repoURL) ?? [];
      seen.push(`${freight.origin.kind}/${freight.origin.name}`);
      providers.set(img.repoURL, seen);
      const target = { name: img.repoURL };
      if (img.tag) target.newTag = img.tag;
      if (img.digest) target.digest = img.digest;
      targets.set(img.repoURL, target);
    }
  }
  for (const [repoURL, origins] of providers) {
    if (origins.length > 1) {
      throw new ConfigError(
        `${STEP10}: manual configuration required due to ambiguous result: image ${repoURL} comes from ${origins.join(", ")}; list it under images with fromOrigin`
      );
    }
  }
  return targets;
}
function findFreightImage(collection, repoURL, origin, field) {
  const hits = [];
  for (const freight of collection) {
    if (origin && (freight.origin.kind !== origin.kind || freight.origin.name !== origin.name)) {
      continue;
    }
    for (const image of freight.images) {
      if (image.repoURL === repoURL) {
        hits.push({ image, origin: `${freight.origin.kind}/${freight.origin.name}` });
      }
    }
  }
  const from = origin ? ` from ${origin.kind}/${origin.name}` : "";
  const [first, ...rest] = hits;
  if (!first) {
    fieldError(
      STEP10,
      field,
      `no freight${from} in the stage's freight collection has image ${repoURL}`
    );
  }
  if (rest.length > 0) {
    fieldError(
      STEP10,
      field,
      `image ${repoURL} is ambiguous: it comes from ${hits.map((h) => h.origin).join(", ")}; set fromOrigin, tag or digest`
    );
  }
  return first.image;
}
function mergeImages(current, targets) {
  const merged = /* @__PURE__ */ new Map();
  for (const [k, v] of targets) merged.set(k, { ...v });
  for (const img of current) {
    const target = merged.get(img.name);
    if (target) {
      for (const field of ["newName", "newTag", "digest"]) {
        if (target[field] === PRESERVE) setField(target, field, img[field]);
      }
      continue;
    }
    merged.set(img.name, { ...img });
  }
  const out = [...merged.values()].map((v) => {
    for (const field of ["newName", "newTag", "digest"]) {
      if (v[field] === PRESERVE) setField(v, field, void 0);
    }
    return v;
  });
  return out.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
function setField(img, field, value) {
  if (value) {
    img[field] = value;
    return;
  }
  if (field === "newName") delete img.newName;
  else if (field === "newTag") delete img.newTag;
  else delete img.digest;
}
function kustomizeCommitMessage(path12, targets) {
  if (targets.size === 0) return "";
  let msg = `Updated ${path12} to use new image${targets.size > 1 ? "s" : ""}
`;
  const keys = [...targets.keys()].sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
  for (const key of keys) {
    const img = targets.get(key);
    if (img) msg += `
- ${imageRef(img)}`;
  }
  return msg;
}
function imageRef(img) {
  let ref = img.newName || img.name;
  if (img.newTag) ref += `:${img.newTag}`;
  if (img.digest) ref += `@${img.digest}`;
  return ref;
}
function summaryLines(file, before, after) {
  const old = new Map(before.map((i) => [i.name, i]));
  const lines = [];
  for (const img of after) {
    const prev = old.get(img.name);
    if (prev && sameImage(prev, img)) continue;
    const ref = imageRef(img);
    lines.push(
      prev ? `- ${file}: ${img.name} ${imageRef(prev)} \u2192 ${ref}` : `- ${file}: ${img.name} \u2192 ${ref}`
    );
  }
  return lines;
}
async function findKustomization(dir, path12) {
  const found = [];
  for (const name of KUSTOMIZATION_FILE_NAMES) {
    const p = join2(dir, name);
    try {
      if ((await lstat7(p)).isFile()) found.push(p);
    } catch {
    }
  }
  const [only, ...more] = found;
  if (!only) {
    throw new ConfigError(
      `${STEP10}: could not discover kustomization file: could not find any Kustomization files in "${path12}"`
    );
  }
  if (more.length > 0) {
    throw new ConfigError(
      `${STEP10}: could not discover kustomization file: ambiguous result: found multiple Kustomization files in "${path12}": ${found.map((f) => f.slice(dir.length + 1)).join(", ")}`
    );
  }
  return only;
}
function updateKustomization(text3, targets, where) {
  const doc = (0, import_yaml7.parseDocument)(text3);
  if (doc.errors.length > 0) {
    throw new ConfigError(`${STEP10}: ${where}: not valid YAML: ${doc.errors[0]?.message ?? ""}`);
  }
  const root = doc.contents;
  if (root !== null && !(0, import_yaml7.isMap)(root)) {
    throw new ConfigError(`${STEP10}: ${where}: a kustomization must be a mapping`);
  }
  const pair = root?.items.find((p) => (0, import_yaml7.isScalar)(p.key) && p.key.value === "images");
  const node = pair?.value;
  const current = readImages(node, where);
  const merged = mergeImages(current, targets);
  if (isDeepStrictEqual3(current, merged)) return { text: text3, before: current, after: merged };
  const eol = text3.includes("\r\n") ? "\r\n" : "\n";
  let out;
  if ((0, import_yaml7.isSeq)(node) && !node.flow && node.items.length > 0 && node.range) {
    out = sameNames(current, merged) && noRemovals(current, merged) ? scalarEdits(text3, current, merged, where) : rewriteBlock(text3, node, merged, eol);
  } else if (!pair) {
    const lines = renderItems(
      merged.map((m) => newItem(m)),
      0
    );
    const base = text3 === "" || text3.endsWith("\n") ? text3 : text3 + eol;
    out = `${base}images:${eol}${lines.join(eol)}${eol}`;
  } else {
    const seq = new import_yaml7.YAMLSeq();
    seq.items = merged.map((m) => newItem(m));
    doc.set("images", seq);
    out = doc.toString({ indentSeq: false, lineWidth: 0 });
    if (eol === "\r\n") out = out.replace(/\r?\n/g, "\r\n");
  }
  const check = (0, import_yaml7.parseDocument)(out);
  const got = readImages(
    (0, import_yaml7.isMap)(check.contents) ? check.contents.get("images", true) : void 0,
    where
  );
  const rest = (t) => {
    const js = (0, import_yaml7.parseDocument)(t).toJS() ?? {};
    delete js.images;
    return js;
  };
  if (!isDeepStrictEqual3(got, merged) || !isDeepStrictEqual3(rest(out), rest(text3))) {
    throw new OperationError(
      `${STEP10}: ${where}: the edited file does not read back as intended; nothing was changed. This is a gantry bug: please report it with the file.`
    );
  }
  return { text: out, before: current, after: merged };
}
function readImages(node, where) {
  if (node === void 0 || node === null) return [];
  if ((0, import_yaml7.isScalar)(node) && (node.value === null || node.value === "")) return [];
  if (!(0, import_yaml7.isSeq)(node)) throw new ConfigError(`${STEP10}: ${where}: images must be a list`);
  return node.items.map((item, i) => {
    if (!(0, import_yaml7.isMap)(item)) throw new ConfigError(`${STEP10}: ${where}: images[${i}] must be a mapping`);
    const img = {};
    for (const field of IMAGE_FIELDS) {
      const v = item.get(field, true);
      if (v === void 0 || v === null) continue;
      if (!(0, import_yaml7.isScalar)(v)) {
        throw new ConfigError(`${STEP10}: ${where}: images[${i}].${field} must be a string`);
      }
      const s = scalarText3(v);
      if (s !== "") img[field] = s;
    }
    if (!img.name) throw new ConfigError(`${STEP10}: ${where}: images[${i}] has no name`);
    return img;
  });
}
function scalarText3(s) {
  if (s.value === null) return "";
  if (typeof s.value === "string") return s.value;
  return typeof s.source === "string" ? s.source : String(s.value);
}
function sameImage(a, b) {
  return IMAGE_FIELDS.every((f) => (a[f] ?? "") === (b[f] ?? ""));
}
function sameNames(a, b) {
  return a.length === b.length && a.every((img, i) => img.name === b[i]?.name);
}
function noRemovals(a, b) {
  return a.every((img, i) => IMAGE_FIELDS.every((f) => img[f] === void 0 || b[i]?.[f]));
}
function scalarEdits(text3, current, merged, where) {
  const updates = [];
  merged.forEach((img, i) => {
    for (const field of IMAGE_FIELDS) {
      const v = img[field];
      if (v !== void 0 && v !== current[i]?.[field]) {
        updates.push({ key: `images.${i}.${field}`, value: v, create: true });
      }
    }
  });
  return setYamlValues(text3, updates, where);
}
function rewriteBlock(text3, seq, merged, eol) {
  const range = seq.range;
  if (!range) return text3;
  const byName = /* @__PURE__ */ new Map();
  for (const item of seq.items) {
    if ((0, import_yaml7.isMap)(item)) {
      const name = item.get("name", true);
      if ((0, import_yaml7.isScalar)(name)) byName.set(scalarText3(name), item);
    }
  }
  const last = seq.items[seq.items.length - 1];
  const lastEnd = last?.range?.[1] ?? range[1];
  if (last) delete last.comment;
  const start = text3.lastIndexOf("\n", range[0] - 1) + 1;
  const indent = range[0] - start;
  const items = merged.map((m) => {
    const node = byName.get(m.name);
    if (!node) return newItem(m);
    for (const field of IMAGE_FIELDS) {
      const v = m[field];
      if (v === void 0) {
        node.delete(field);
        continue;
      }
      const prev = node.get(field, true);
      if ((0, import_yaml7.isScalar)(prev) && scalarText3(prev) === v) continue;
      node.set(field, stringScalar(v));
    }
    return node;
  });
  const lines = renderItems(items, indent);
  let end = lastEnd;
  if (end > 0 && text3[end - 1] !== "\n") {
    const nl = text3.indexOf("\n", end);
    end = nl === -1 ? text3.length : nl + 1;
  }
  const body = lines.join(eol) + (text3[end - 1] === "\n" ? eol : "");
  return text3.slice(0, start) + body + text3.slice(end);
}
function newItem(img) {
  const map = new import_yaml7.YAMLMap();
  for (const field of IMAGE_FIELDS) {
    const v = img[field];
    if (v !== void 0) map.set(stringScalar(field), stringScalar(v));
  }
  return map;
}
function stringScalar(value) {
  const s = new import_yaml7.Scalar(value);
  if (!plainSafe(value, false)) s.type = import_yaml7.Scalar.QUOTE_DOUBLE;
  return s;
}
function renderItems(items, indent) {
  const seq = new import_yaml7.YAMLSeq();
  seq.items = [...items];
  const doc = new import_yaml7.Document(seq);
  const pad = " ".repeat(indent);
  return doc.toString({ indentSeq: false, lineWidth: 0 }).replace(/\n$/, "").split("\n").map((line) => line === "" ? line : pad + line);
}

// src/promotion/steps/kustomize-build.ts
var STEP11 = "kustomize-build";
var schema4 = {
  type: "object",
  description: "Renders a kustomization with kustomize (or kubectl kustomize) into one file or one file per resource.",
  additionalProperties: false,
  required: ["path", "outPath"],
  properties: {
    path: nonEmpty("The directory holding the kustomization file, relative to the checkout."),
    outPath: nonEmpty(
      "Where to write: a path ending in .yaml or .yml is one multi-document file; anything else a directory with one file per resource."
    ),
    outputFormat: {
      enum: ["kargo", "kustomize"],
      description: "File names in a directory outPath: `kargo` (default), `[<namespace>-]<kind>-<name>.yaml`; `kustomize`, `<group>_<version>_<kind>_<name>.yaml` as `kustomize build -o dir/` names them."
    },
    plugin: {
      type: "object",
      description: "Options of kustomize's Helm chart inflator (`helmCharts:`).",
      additionalProperties: false,
      properties: {
        helm: {
          type: "object",
          description: "Passed as --helm-api-versions and --helm-kube-version.",
          additionalProperties: false,
          properties: {
            apiVersions: {
              type: "array",
              items: nonEmpty("An API version, `monitoring.coreos.com/v1`."),
              description: "API versions the charts see as available (`.Capabilities`)."
            },
            kubeVersion: nonEmpty("The Kubernetes version the charts see, `1.30.0`.")
          }
        }
      }
    }
  }
};
var CLUSTER_SCOPED = /* @__PURE__ */ new Set([
  "APIService",
  "CertificateSigningRequest",
  "ClusterRole",
  "ClusterRoleBinding",
  "ComponentStatus",
  "CSIDriver",
  "CSINode",
  "CustomResourceDefinition",
  "FlowSchema",
  "IngressClass",
  "MutatingWebhookConfiguration",
  "Namespace",
  "Node",
  "PersistentVolume",
  "PodSecurityPolicy",
  "PriorityClass",
  "PriorityLevelConfiguration",
  "RuntimeClass",
  "SelfSubjectAccessReview",
  "SelfSubjectRulesReview",
  "StorageClass",
  "SubjectAccessReview",
  "TokenReview",
  "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding",
  "ValidatingWebhookConfiguration",
  "VolumeAttachment"
]);
function kargoFileName(doc) {
  const parts = doc.namespace ? [doc.namespace, doc.kind, doc.name] : [doc.kind, doc.name];
  return `${parts.join("-")}.yaml`.toLowerCase();
}
function kustomizeFileNames(docs) {
  const namespaced = (d) => !CLUSTER_SCOPED.has(d.kind);
  const namespaces = new Set(docs.filter(namespaced).map((d) => d.namespace || "default"));
  return docs.map((d) => {
    const slash = d.apiVersion.lastIndexOf("/");
    const group = slash >= 0 ? d.apiVersion.slice(0, slash) : "";
    const version = slash >= 0 ? d.apiVersion.slice(slash + 1) : d.apiVersion;
    const gvk = [group, version, d.kind].filter((p) => p !== "").join("_");
    const base = `${gvk}_${d.name}.yaml`.toLowerCase();
    return namespaces.size > 1 && namespaced(d) ? `${(d.namespace || "default").toLowerCase()}_${base}` : base;
  });
}
function isRemote(ref) {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(ref) || /^git@/.test(ref) || /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(ref);
}
async function kustomizationFile(dir) {
  for (const name of KUSTOMIZATION_FILE_NAMES) {
    const st = await stat4(path7.join(dir, name)).catch(() => void 0);
    if (st?.isFile()) return name;
  }
  return void 0;
}
var strings = (v) => Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
function references(k) {
  const refs = [];
  const add = (field, v) => {
    if (typeof v === "string" && v !== "") refs.push([field, v]);
  };
  for (const field of [
    "resources",
    "components",
    "bases",
    "crds",
    "configurations",
    "generators",
    "transformers",
    "validators"
  ]) {
    for (const v of strings(k[field])) add(field, v);
  }
  for (const v of strings(k["patchesStrategicMerge"])) if (!v.includes("\n")) add("patches", v);
  for (const field of ["patches", "patchesJson6902", "replacements"]) {
    const list2 = k[field];
    if (Array.isArray(list2)) {
      for (const p of list2) if (isRecord(p)) add(field, p["path"]);
    }
  }
  for (const field of ["configMapGenerator", "secretGenerator"]) {
    const list2 = k[field];
    if (!Array.isArray(list2)) continue;
    for (const g of list2) {
      if (!isRecord(g)) continue;
      for (const f of strings(g["files"]))
        add(field, f.includes("=") ? f.slice(f.indexOf("=") + 1) : f);
      for (const e of strings(g["envs"])) add(field, e);
      add(field, g["env"]);
    }
  }
  const charts = k["helmCharts"];
  if (Array.isArray(charts)) {
    for (const c of charts) {
      if (!isRecord(c)) continue;
      add("helmCharts", c["valuesFile"]);
      for (const v of strings(c["additionalValuesFiles"])) add("helmCharts", v);
    }
  }
  const globals = k["helmGlobals"];
  if (isRecord(globals)) {
    add("helmGlobals", globals["chartHome"]);
    add("helmGlobals", globals["configHome"]);
  }
  const openapi = k["openapi"];
  if (isRecord(openapi)) add("openapi", openapi["path"]);
  return refs;
}
async function checkKustomization(worktree, dirRel, seen) {
  if (seen.has(dirRel)) return;
  seen.add(dirRel);
  const dirAbs = await safePath(worktree, dirRel, `${STEP11}: path`);
  const name = await kustomizationFile(dirAbs);
  if (!name) return;
  const fileRel = dirRel === "." ? name : `${dirRel}/${name}`;
  const doc = (0, import_yaml8.parseDocument)(await readFile10(path7.join(dirAbs, name), "utf8"));
  if (doc.errors.length > 0) return;
  const k = doc.toJS();
  if (!isRecord(k)) return;
  for (const [field, ref] of references(k)) {
    if (isRemote(ref)) continue;
    if (path7.isAbsolute(ref)) {
      throw new ConfigError(
        `${STEP11}: ${fileRel}: ${field}: ${JSON.stringify(ref)} is an absolute path; the build may read only files inside the checkout`
      );
    }
    const rel = normalizeRelative(path7.posix.join(dirRel, ref.replace(/\\/g, "/")));
    if (rel === ".." || rel.startsWith("../")) {
      throw new ConfigError(
        `${STEP11}: ${fileRel}: ${field}: ${JSON.stringify(ref)} leads outside the checkout`
      );
    }
    const abs = await safePath(worktree, rel, `${STEP11}: ${fileRel}: ${field}`);
    const st = await stat4(abs).catch(() => void 0);
    if (st?.isDirectory()) await checkKustomization(worktree, rel, seen);
  }
}
async function render(pathAbs, flags, ctx) {
  try {
    const result = await runProgram(
      "kustomize",
      ["build", ...flags, pathAbs],
      ctx.worktree,
      ctx.env
    );
    return { label: "kustomize", result };
  } catch (err) {
    if (!(err instanceof MissingBinaryError)) throw err;
  }
  try {
    const result = await runProgram(
      "kubectl",
      ["kustomize", ...flags, pathAbs],
      ctx.worktree,
      ctx.env
    );
    return { label: "kubectl kustomize", result };
  } catch (err) {
    if (err instanceof MissingBinaryError) {
      throw new ConfigError(
        `${STEP11}: neither kustomize nor kubectl is on PATH; install kustomize (https://kubectl.docs.kubernetes.io/installation/kustomize/) or kubectl, which has kustomize built in`
      );
    }
    throw err;
  }
}
var kustomizeBuild = {
  name: STEP11,
  schema: schema4,
  async run(config, ctx) {
    checkFields(STEP11, config, ["path", "outPath", "outputFormat", "plugin"]);
    const pathRel = normalizeRelative(requireString(STEP11, config, "path"));
    const outRel = normalizeRelative(requireString(STEP11, config, "outPath"));
    const format = config["outputFormat"] ?? "kargo";
    if (format !== "kargo" && format !== "kustomize") {
      fieldError(STEP11, "outputFormat", 'must be "kargo" or "kustomize"');
    }
    const flags = ["--load-restrictor", "LoadRestrictionsNone", "--enable-helm"];
    const plugin = config["plugin"];
    if (plugin !== void 0 && plugin !== null) {
      if (!isRecord(plugin)) fieldError(STEP11, "plugin", "must be a map");
      onlyKeys(STEP11, plugin, ["helm"], "plugin.");
      const helm2 = plugin["helm"];
      if (helm2 !== void 0 && helm2 !== null) {
        if (!isRecord(helm2)) fieldError(STEP11, "plugin.helm", "must be a map");
        onlyKeys(STEP11, helm2, ["apiVersions", "kubeVersion"], "plugin.helm.");
        const apiVersions = helm2["apiVersions"] ?? [];
        if (!Array.isArray(apiVersions) || apiVersions.some((v) => typeof v !== "string" || v === "")) {
          fieldError(STEP11, "plugin.helm.apiVersions", "must be a list of API versions");
        }
        for (const v of apiVersions) flags.push("--helm-api-versions", v);
        const kube = helm2["kubeVersion"];
        if (kube !== void 0 && kube !== null) {
          if (typeof kube !== "string" || kube === "") {
            fieldError(STEP11, "plugin.helm.kubeVersion", "must be a version such as 1.30.0");
          }
          flags.push("--helm-kube-version", kube);
        }
      }
    }
    const pathAbs = await safePath(ctx.worktree, pathRel, `${STEP11}: path`);
    const outAbs = await safePath(ctx.worktree, outRel, `${STEP11}: outPath`);
    const asFile = isFileOutPath(outRel);
    await checkOutPath(STEP11, outAbs, outRel, asFile);
    const st = await stat4(pathAbs).catch(() => void 0);
    if (!st?.isDirectory()) {
      throw new ConfigError(`${STEP11}: path ${JSON.stringify(pathRel)}: no such directory`);
    }
    await checkKustomization(ctx.worktree, pathRel, /* @__PURE__ */ new Set());
    const before = await listTree(pathAbs);
    const { label, result } = await render(pathAbs, flags, ctx);
    await removeLeftovers(pathAbs, before);
    if (result.code !== 0) {
      throw new OperationError(
        `${STEP11}: ${label} build of ${JSON.stringify(pathRel)} failed (exit ${result.code ?? "signal"}): ${stderrTail(result.stderr) || "no message"}`
      );
    }
    const docs = splitDocuments(result.stdout, `${STEP11}: ${label}`);
    let files;
    if (asFile) files = [{ rel: "", data: result.stdout }];
    else {
      const names = format === "kustomize" ? kustomizeFileNames(docs) : docs.map(kargoFileName);
      files = docs.map((d, i) => ({ rel: checkFileName(STEP11, names[i] ?? ""), data: d.text }));
    }
    const changed = await writeOutput(STEP11, ctx.worktree, outRel, files);
    const line = `- ${pathRel} \u2192 ${outRel}: ${docs.length} resource(s) rendered with ${label}`;
    ctx.log(`${STEP11}: ${line.slice(2)}${changed.length ? "" : " (no change)"}`);
    return { summary: changed.length ? [line] : [], changed };
  }
};

// src/promotion/steps/oci-download.ts
import { randomBytes as randomBytes3 } from "node:crypto";
import { lstat as lstat8, mkdir as mkdir5, readFile as readFile11, rename as rename2, rm as rm5, writeFile as writeFile8 } from "node:fs/promises";
import path8 from "node:path";

// src/promotion/steps/oci-common.ts
var OCI_STEP_REQUEST_TIMEOUT_MS = 10 * 6e4;
function stepRegistryClient(ctx) {
  return new RegistryClient({
    credentials: ctx.registryCredentials ?? /* @__PURE__ */ new Map(),
    requestTimeoutMs: OCI_STEP_REQUEST_TIMEOUT_MS,
    concurrencyPerRegistry: 4,
    log: { info: ctx.log, warn: ctx.log },
    ...ctx.registryRetrySleep ? { sleep: ctx.registryRetrySleep } : {}
  });
}

// src/promotion/steps/oci-download.ts
var STEP12 = "oci-download";
var FIELDS4 = ["imageRef", "outPath", "allowOverwrite", "mediaType", "insecureSkipTLSVerify"];
var OCI_DOWNLOAD_MAX_BYTES = 100 << 20;
var OCI_REF_PATTERN = "^(oci://)?[a-zA-Z0-9._-]+(:\\d+)?(/[a-zA-Z0-9._-]+)*[@:][a-zA-Z0-9._:-]+$";
var ociDownload = {
  name: STEP12,
  schema: {
    type: "object",
    description: "Saves one layer of an OCI artifact (a Helm chart, a file) in the checkout. No outputs, as in Kargo.",
    additionalProperties: false,
    required: ["imageRef", "outPath"],
    properties: {
      imageRef: {
        ...nonEmpty(
          "The artifact: `registry/repo:tag` or `registry/repo@sha256:\u2026`; `oci://` in front is accepted (a Helm chart)."
        ),
        pattern: OCI_REF_PATTERN
      },
      outPath: nonEmpty("The file to write, relative to the checkout; parents are created."),
      allowOverwrite: flag("Replace a file already at `outPath`. Default false: the step fails."),
      mediaType: nonEmpty("Save the first layer of this media type. Default: the first layer."),
      insecureSkipTLSVerify: flag("Skip TLS certificate checks of the registry. Default false.")
    }
  },
  async run(config, ctx) {
    checkFields(STEP12, config, FIELDS4);
    const imageRef2 = requireString(STEP12, config, "imageRef");
    const outRel = requireString(STEP12, config, "outPath");
    const allowOverwrite = optionalBool(STEP12, config, "allowOverwrite") ?? false;
    const insecure = optionalBool(STEP12, config, "insecureSkipTLSVerify") ?? false;
    const mediaType = config["mediaType"];
    if (mediaType !== void 0 && (typeof mediaType !== "string" || mediaType === "")) {
      fieldError(STEP12, "config.mediaType", "must be a non-empty string");
    }
    const ref = parseImageReference(imageRef2, `${STEP12}: imageRef`, {
      insecureSkipTLSVerify: insecure
    });
    const outAbs = await writablePath(ctx.worktree, outRel, `${STEP12}: outPath`);
    const shown = normalizeRelative(outRel);
    if (shown === ".") fieldError(STEP12, "config.outPath", "names the checkout itself, not a file");
    const existing = await lstat8(outAbs).catch(() => void 0);
    if (existing?.isDirectory()) {
      fieldError(STEP12, "config.outPath", `${JSON.stringify(shown)} is a directory`);
    }
    if (existing && !allowOverwrite) {
      fieldError(
        STEP12,
        "config.outPath",
        `file already exists at ${shown} and overwrite is not allowed (set allowOverwrite: true)`
      );
    }
    const client = stepRegistryClient(ctx);
    const name = `${repositoryName(ref.repo)}${ref.digest ? `@${ref.digest}` : `:${ref.tag ?? ""}`}`;
    const fail3 = (message) => new OperationError(`${STEP12}: ${name}: ${message}`);
    try {
      let m = await client.getManifest(ref.repo, ref.digest ?? ref.tag ?? "");
      if (m.kind === "index") {
        const child = m.index.manifests.find(
          (d) => d.platform?.os === "linux" && d.platform.architecture === "amd64" && (d.mediaType === MEDIA_TYPES.ociManifest || d.mediaType === MEDIA_TYPES.dockerManifest)
        );
        if (!child) {
          const platforms = m.index.manifests.map((d) => d.platform ? `${d.platform.os}/${d.platform.architecture}` : "?").join(", ");
          throw fail3(
            `an image index without a linux/amd64 image (it has ${platforms || "none"}); name the image's digest instead`
          );
        }
        m = await client.getManifest(ref.repo, child.digest);
      }
      if (m.kind !== "manifest") throw fail3("an index inside an index is not an image");
      const layer = pickLayer(m.manifest, mediaType, fail3);
      if (layer.size > OCI_DOWNLOAD_MAX_BYTES) {
        throw fail3(
          `layer size ${layer.size} exceeds maximum allowed size of ${OCI_DOWNLOAD_MAX_BYTES} bytes (${formatBytes(OCI_DOWNLOAD_MAX_BYTES)})`
        );
      }
      const bytes = await client.getBlob(ref.repo, layer.digest, OCI_DOWNLOAD_MAX_BYTES);
      if (existing?.isFile() && existing.size === bytes.length) {
        if ((await readFile11(outAbs)).equals(bytes)) {
          ctx.log(`${STEP12}: ${name}: ${shown} already holds this layer (${layer.digest})`);
          return { summary: [], changed: [] };
        }
      }
      const dir = path8.dirname(outAbs);
      await mkdir5(dir, { recursive: true });
      const temp = path8.join(
        dir,
        `.${path8.basename(outAbs)}.${randomBytes3(6).toString("hex")}.tmp`
      );
      try {
        await writeFile8(temp, bytes, { mode: 384, flag: "wx" });
        await rename2(temp, outAbs);
      } finally {
        await rm5(temp, { force: true }).catch(() => void 0);
      }
      ctx.log(
        `${STEP12}: ${name}: saved layer ${layer.digest} (${formatBytes(bytes.length)}) at ${shown}`
      );
      return { summary: [`- downloaded ${name} to ${shown}`], changed: [shown] };
    } catch (err) {
      if (err instanceof ConfigError || err instanceof OperationError) {
        if (err.message.startsWith(`${STEP12}:`)) throw err;
        throw fail3(err.message);
      }
      throw fail3(errorMessage(err));
    } finally {
      await client.close();
    }
  }
};
function pickLayer(manifest, mediaType, fail3) {
  if (manifest.layers.length === 0) throw fail3("image has no layers");
  if (mediaType === void 0) return manifest.layers[0];
  const layer = manifest.layers.find((l) => l.mediaType === mediaType);
  if (!layer) {
    const types = [...new Set(manifest.layers.map((l) => l.mediaType))].join(", ");
    throw fail3(
      `no layer found with media type ${JSON.stringify(mediaType)} (its layers: ${types})`
    );
  }
  return layer;
}

// src/promotion/steps/oci-push.ts
import { createHash } from "node:crypto";
var STEP13 = "oci-push";
var FIELDS5 = ["srcRef", "destRef", "annotations", "insecureSkipTLSVerify"];
var OCI_PUSH_MAX_BYTES = 1 << 30;
var sha256 = (b) => `sha256:${createHash("sha256").update(b).digest("hex")}`;
var ociPush = {
  name: STEP13,
  schema: {
    type: "object",
    description: "Copies or retags an OCI artifact (image, index, Helm chart) to a tag. Outputs: `image`, `digest`, `tag`.",
    additionalProperties: false,
    required: ["srcRef", "destRef"],
    properties: {
      srcRef: {
        ...nonEmpty(
          "The source: `registry/repo:tag` or `registry/repo@sha256:\u2026`; `oci://` in front is accepted (a Helm chart)."
        ),
        pattern: OCI_REF_PATTERN
      },
      destRef: {
        ...nonEmpty(
          "The destination with its tag: `registry/repo:tag` (`oci://` accepted). The same repository as `srcRef` retags in place."
        ),
        pattern: "^(oci://)?[a-zA-Z0-9._-]+(:\\d+)?(/[a-zA-Z0-9._-]+)*[:][a-zA-Z0-9._-]+$"
      },
      annotations: {
        type: "object",
        additionalProperties: { type: "string" },
        description: "Annotations to set on the destination: `index:<key>` on an index, `manifest:<key>` or a bare key on each image manifest (`index:` keys are ignored for a single image). Existing annotations stay; these are added or replace them."
      },
      insecureSkipTLSVerify: flag("Skip TLS certificate checks of both registries. Default false.")
    }
  },
  async run(config, ctx) {
    checkFields(STEP13, config, FIELDS5);
    const srcText = requireString(STEP13, config, "srcRef");
    const destText = requireString(STEP13, config, "destRef");
    const insecure = optionalBool(STEP13, config, "insecureSkipTLSVerify") ?? false;
    const annotations = config["annotations"] ?? {};
    if (!isRecord(annotations) || Object.values(annotations).some((v) => typeof v !== "string")) {
      fieldError(STEP13, "config.annotations", "must be a map of strings");
    }
    const src = parseImageReference(srcText, `${STEP13}: srcRef`, {
      insecureSkipTLSVerify: insecure
    });
    const dest = parseImageReference(destText, `${STEP13}: destRef`, {
      insecureSkipTLSVerify: insecure
    });
    if (dest.tag === void 0 || dest.digest !== void 0) {
      fieldError(STEP13, "config.destRef", "must name a tag (`registry/repo:tag`), not a digest");
    }
    const scopes = annotationScopes(annotations);
    const destTag = dest.tag;
    const image = `${repositoryName(dest.repo)}:${destTag}`;
    const outputsImage = destText.replace(/^oci:\/\//, "");
    const sameRepo = repositoryName(src.repo) === repositoryName(dest.repo);
    const fail3 = (message) => new OperationError(`${STEP13}: ${image}: ${message}`);
    const client = stepRegistryClient(ctx);
    try {
      const top = await client.getManifest(src.repo, src.digest ?? src.tag ?? "");
      const children = [];
      if (top.kind === "index") {
        for (const d of top.index.manifests) {
          const child = await client.getManifest(src.repo, d.digest);
          if (child.kind !== "manifest") throw fail3(`index entry ${d.digest} is itself an index`);
          children.push(child);
        }
      }
      if (!sameRepo) {
        const images = top.kind === "manifest" ? [top] : children;
        const size = images.reduce(
          (n, m) => n + (m.kind === "manifest" ? blobsOf(m).reduce((s, d) => s + d.size, 0) : 0),
          0
        );
        if (size > OCI_PUSH_MAX_BYTES) {
          throw fail3(
            `compressed artifact size ${formatBytes(size)} exceeds maximum allowed size of ${formatBytes(OCI_PUSH_MAX_BYTES)}; nothing was pushed`
          );
        }
      }
      if (ctx.dryRun) {
        ctx.log(
          `${STEP13}: dry run: would push ${repositoryName(src.repo)} (${top.digest}) to ${image}`
        );
        return { outputs: { image: outputsImage, digest: top.digest, tag: destTag } };
      }
      let digest;
      if (top.kind === "manifest") {
        digest = await pushImage(
          client,
          src.repo,
          dest.repo,
          top,
          scopes.manifest,
          sameRepo,
          destTag
        );
      } else {
        const changed = /* @__PURE__ */ new Map();
        for (const child of children) {
          const bytes = annotate(child.bytes, scopes.manifest);
          if (sameRepo && bytes === child.bytes) continue;
          const d = await pushImage(client, src.repo, dest.repo, { ...child, bytes }, {}, sameRepo);
          if (d !== child.digest) changed.set(child.digest, { digest: d, size: bytes.length });
        }
        const doc = JSON.parse(top.bytes.toString("utf8"));
        if (changed.size > 0 && Array.isArray(doc["manifests"])) {
          for (const entry of doc["manifests"]) {
            const now = changed.get(String(entry["digest"]));
            if (now) Object.assign(entry, now);
          }
        }
        const indexBytes = changed.size > 0 || Object.keys(scopes.index).length > 0 ? annotate(Buffer.from(JSON.stringify(doc)), scopes.index) : top.bytes;
        digest = await client.putManifest(dest.repo, destTag, indexBytes, top.mediaType);
      }
      const verb = sameRepo ? "tagged" : "copied";
      ctx.log(`${STEP13}: ${verb} ${repositoryName(src.repo)}@${top.digest} as ${image} (${digest})`);
      return {
        outputs: { image: outputsImage, digest, tag: destTag },
        summary: [`- ${verb} ${repositoryName(src.repo)}@${top.digest.slice(0, 19)} as ${image}`]
      };
    } catch (err) {
      if (err instanceof ConfigError) throw err;
      if (err instanceof OperationError && err.message.startsWith(`${STEP13}:`)) throw err;
      throw fail3(errorMessage(err));
    } finally {
      await client.close();
    }
  }
};
function annotationScopes(annotations) {
  const index = {};
  const manifest = {};
  for (const [k, v] of Object.entries(annotations)) {
    if (k.startsWith("index:")) index[k.slice("index:".length)] = v;
    else if (k.startsWith("manifest:")) manifest[k.slice("manifest:".length)] = v;
    else manifest[k] = v;
  }
  return { index, manifest };
}
function annotate(bytes, add) {
  if (Object.keys(add).length === 0) return bytes;
  const doc = JSON.parse(bytes.toString("utf8"));
  const existing = isRecord(doc["annotations"]) ? doc["annotations"] : {};
  doc["annotations"] = { ...existing, ...add };
  return Buffer.from(JSON.stringify(doc));
}
function blobsOf(m) {
  return m.kind === "manifest" ? [m.manifest.config, ...m.manifest.layers] : [];
}
async function pushImage(client, from, to, m, annotations, sameRepo, tag) {
  if (!sameRepo) {
    for (const blob of blobsOf(m)) {
      if (await client.hasBlob(to, blob.digest)) continue;
      const bytes2 = await client.getBlob(from, blob.digest, OCI_PUSH_MAX_BYTES);
      await client.putBlob(to, blob.digest, bytes2);
    }
  }
  const bytes = annotate(m.bytes, annotations);
  return client.putManifest(to, tag ?? sha256(bytes), bytes, m.mediaType);
}

// src/promotion/steps/set-freight-alias.ts
var STEP14 = "set-freight-alias";
var setFreightAlias = {
  name: STEP14,
  schema: {
    type: "object",
    description: "Gives freight a new alias, unique in the project (`gantry get freight` and `--freight <alias>` use it); recorded once the promotion is pushed, beside the freight tag, which never changes.",
    additionalProperties: false,
    required: ["name", "alias"],
    properties: {
      name: nonEmpty("The freight ID (`${{ ctx.targetFreight.name }}`)."),
      alias: nonEmpty(
        "The new alias: at most 63 letters, digits, `-`, `_` or `.`, starting and ending with a letter or digit (a Kubernetes label value, as in Kargo)."
      )
    }
  },
  async run(config, ctx) {
    checkFields(STEP14, config, ["name", "alias"]);
    const name = requireField(STEP14, config["name"], "config.name");
    const alias = requireField(STEP14, config["alias"], "config.alias");
    if (!ctx.notes) {
      throw new ConfigError(`${STEP14}: runs in a promotion only (it records into gantry's state)`);
    }
    const { previous } = ctx.notes.setFreightAlias(name, alias);
    await Promise.resolve();
    ctx.log(
      `${STEP14}: updated alias of freight ${name.slice(0, 7)} from "${previous}" to "${alias}"`
    );
    return {};
  }
};

// src/promotion/steps/set-metadata.ts
var STEP15 = "set-metadata";
var MAX_METADATA_BYTES = 64 * 1024;
var setMetadata = {
  name: STEP15,
  schema: {
    type: "object",
    description: "Sets metadata on the stage being promoted (kept in its state file) or on freight (a new record beside its tag); `stageMetadata()` and `freightMetadata()` read it in later steps and promotions. A stage's metadata can only be set by its own promotions.",
    additionalProperties: false,
    required: ["updates"],
    properties: {
      updates: {
        type: "array",
        minItems: 1,
        description: "The updates, applied in order.",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["kind", "name", "values"],
          properties: {
            kind: { enum: ["Stage", "Freight"], description: "What the metadata is set on." },
            name: nonEmpty(
              "The stage (the one being promoted: `${{ ctx.stage }}`) or the freight ID (`${{ ctx.targetFreight.name }}`)."
            ),
            values: {
              type: "object",
              minProperties: 1,
              description: "Keys to set, each to any JSON value (string, number, boolean, list, map, null); other keys keep their values."
            }
          }
        }
      }
    }
  },
  async run(config, ctx) {
    checkFields(STEP15, config, ["updates"]);
    const updates = config["updates"];
    if (!Array.isArray(updates) || updates.length === 0) {
      fieldError(STEP15, "config.updates", "must be a list of at least one {kind, name, values}");
    }
    const parsed = updates.map((u, i) => {
      const at = `config.updates[${i}]`;
      if (!isRecord(u)) fieldError(STEP15, at, "must be a map with kind, name and values");
      onlyKeys(STEP15, u, ["kind", "name", "values"], `${at}.`);
      const kind = u["kind"];
      if (kind !== "Stage" && kind !== "Freight") {
        fieldError(STEP15, `${at}.kind`, `must be Stage or Freight, got ${JSON.stringify(kind)}`);
      }
      const name = requireField(STEP15, u["name"], `${at}.name`);
      const values = u["values"];
      if (!isRecord(values) || Object.keys(values).length === 0) {
        fieldError(STEP15, `${at}.values`, "must be a map of at least one key");
      }
      if (Object.hasOwn(values, "")) fieldError(STEP15, `${at}.values`, "a key must not be empty");
      const json = JSON.stringify(values);
      if (Buffer.byteLength(json) > MAX_METADATA_BYTES) {
        fieldError(
          STEP15,
          `${at}.values`,
          `holds ${Buffer.byteLength(json)} bytes of JSON, more than ${MAX_METADATA_BYTES}: metadata is read by every later command of the project; keep large data in a file of the repository`
        );
      }
      return { kind, name, values: JSON.parse(json) };
    });
    const notes = ctx.notes;
    if (!notes) {
      throw new ConfigError(`${STEP15}: runs in a promotion only (it records into gantry's state)`);
    }
    const summary = [];
    for (const u of parsed) {
      if (u.kind === "Stage") {
        if (ctx.workspace?.stageRecorded) {
          throw new ConfigError(
            `${STEP15}: stage ${u.name}: git-commit already wrote the stage's state into its checkout; gantry keeps stage metadata in that state file, so set it before the git-commit of the stage's checkout`
          );
        }
        notes.setStageMetadata(u.name, u.values);
        summary.push(`- stage metadata: ${Object.keys(u.values).join(", ")}`);
      } else {
        notes.setFreightMetadata(u.name, u.values);
        ctx.log(
          `${STEP15}: freight ${u.name.slice(0, 7)}: ${Object.keys(u.values).join(", ")} (recorded once the promotion is pushed)`
        );
      }
    }
    await Promise.resolve();
    return { summary };
  }
};

// src/promotion/steps/tar.ts
import { randomBytes as randomBytes4 } from "node:crypto";
import { lstat as lstat9, mkdir as mkdir6, readFile as readFile12, readdir as readdir4, readlink, rename as rename3, rm as rm6, writeFile as writeFile9 } from "node:fs/promises";
import path9 from "node:path";
import { gzipSync } from "node:zlib";

// src/promotion/steps/tar-format.ts
var BLOCK = 512;
function octal(buf, offset, width, value) {
  buf.write(value.toString(8).padStart(width - 1, "0"), offset, width - 1, "ascii");
}
function paxRecord(key, value) {
  const body = ` ${key}=${value}
`;
  let len = Buffer.byteLength(body) + 1;
  while (String(len).length + Buffer.byteLength(body) !== len) len++;
  return `${len}${body}`;
}
function header(name, type, size, mode, mtime, linkname, prefix = "") {
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, "utf8");
  octal(h, 100, 8, mode & 4095);
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  octal(h, 124, 12, size);
  octal(h, 136, 12, Math.max(0, Math.floor(mtime)));
  h.write(type, 156, 1, "ascii");
  h.write(linkname, 157, 100, "utf8");
  h.write("ustar\0", 257, 6, "ascii");
  h.write("00", 263, 2, "ascii");
  h.write(prefix, 345, 155, "utf8");
  h.fill(" ", 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, 8, "ascii");
  return h;
}
var padding = (size) => Buffer.alloc((BLOCK - size % BLOCK) % BLOCK);
function splitName(name) {
  if (Buffer.byteLength(name) <= 100) return { name, prefix: "" };
  for (let i = name.indexOf("/"); i > 0; i = name.indexOf("/", i + 1)) {
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100 && rest !== "") {
      return { name: rest, prefix };
    }
  }
  return void 0;
}
function encodeEntry(entry) {
  const data = entry.kind === "file" ? entry.data ?? Buffer.alloc(0) : Buffer.alloc(0);
  const name = entry.kind === "dir" && !entry.name.endsWith("/") ? `${entry.name}/` : entry.name;
  const type = { file: "0", dir: "5", symlink: "2", other: "3" }[entry.kind];
  const out = [];
  const split = splitName(name);
  const longLink = Buffer.byteLength(entry.linkname) > 100;
  if (!split || longLink) {
    const records = (split ? "" : paxRecord("path", name)) + (longLink ? paxRecord("linkpath", entry.linkname) : "");
    const body = Buffer.from(records, "utf8");
    out.push(
      header("PaxHeader", "x", body.length, 420, entry.mtime, ""),
      body,
      padding(body.length)
    );
  }
  const shortName = split ?? { name: name.slice(0, 100), prefix: "" };
  out.push(
    header(
      shortName.name,
      type,
      data.length,
      entry.mode,
      entry.mtime,
      longLink ? "" : entry.linkname,
      shortName.prefix
    )
  );
  if (data.length) out.push(data, padding(data.length));
  return out;
}
var END_OF_ARCHIVE = Buffer.alloc(2 * BLOCK);
function text2(buf, offset, width) {
  const field = buf.subarray(offset, offset + width);
  const nul = field.indexOf(0);
  return field.subarray(0, nul < 0 ? width : nul).toString("utf8");
}
function number(buf, offset, width, what, at) {
  if ((buf[offset] ?? 0) & 128) {
    throw new ConfigError(
      `${what}: the entry at byte ${at} uses a base-256 number (a file over 8 GiB)`
    );
  }
  const s = text2(buf, offset, width).trim();
  if (s === "") return 0;
  if (!/^[0-7]+$/.test(s))
    throw new ConfigError(`${what}: the entry at byte ${at} has a corrupt header`);
  return Number.parseInt(s, 8);
}
function parsePax(body) {
  const out = /* @__PURE__ */ new Map();
  let i = 0;
  while (i < body.length) {
    const space = body.indexOf(32, i);
    if (space < 0) break;
    const len = Number.parseInt(body.subarray(i, space).toString("ascii"), 10);
    if (!Number.isInteger(len) || len <= 0 || i + len > body.length) break;
    const record = body.subarray(space + 1, i + len - 1).toString("utf8");
    const eq = record.indexOf("=");
    if (eq > 0) out.set(record.slice(0, eq), record.slice(eq + 1));
    i += len;
  }
  return out;
}
function* readTar(archive, what) {
  let offset = 0;
  let pax = /* @__PURE__ */ new Map();
  let longName;
  let longLink;
  while (offset + BLOCK <= archive.length) {
    const at = offset;
    const h = archive.subarray(offset, offset + BLOCK);
    if (h.every((b) => b === 0)) return;
    const stored = text2(h, 148, 8).trim();
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
    if (!/^[0-7]+$/.test(stored) || sum !== Number.parseInt(stored, 8)) {
      throw new ConfigError(`${what}: not a tar archive (bad header at byte ${offset})`);
    }
    const size = number(h, 124, 12, what, offset);
    const type = String.fromCharCode(h[156] ?? 0);
    const start = offset + BLOCK;
    const end = start + size;
    if (end > archive.length) {
      throw new ConfigError(
        `${what}: the archive is truncated (an entry at byte ${offset} runs past its end)`
      );
    }
    const data = archive.subarray(start, end);
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
    if (type === "x") {
      pax = parsePax(data);
      continue;
    }
    if (type === "g") continue;
    if (type === "L" || type === "K") {
      const value = data.toString("utf8").replace(/\0.*$/s, "");
      if (type === "L") longName = value;
      else longLink = value;
      continue;
    }
    const magic = text2(h, 257, 6);
    const prefix = magic.startsWith("ustar") ? text2(h, 345, 155) : "";
    let name = pax.get("path") ?? longName ?? (prefix ? `${prefix}/${text2(h, 0, 100)}` : text2(h, 0, 100));
    const linkname = pax.get("linkpath") ?? longLink ?? text2(h, 157, 100);
    pax = /* @__PURE__ */ new Map();
    longName = void 0;
    longLink = void 0;
    const kind = type === "0" || type === "\0" || type === "7" ? "file" : type === "5" ? "dir" : type === "2" ? "symlink" : "other";
    const dir = kind === "dir" || kind === "file" && name.endsWith("/");
    if (name.length > 1) name = name.replace(/\/+$/, "");
    yield {
      name,
      kind: dir ? "dir" : kind,
      mode: number(h, 100, 8, what, at) & 511,
      linkname,
      mtime: number(h, 136, 12, what, at),
      data: kind === "file" ? data : Buffer.alloc(0)
    };
  }
  if (offset === archive.length) return;
  throw new ConfigError(`${what}: the archive is truncated (it ends inside a header)`);
}

// src/promotion/steps/tar.ts
var STEP16 = "tar";
var MAX_TAR_FILE_BYTES = 50 << 20;
var MAX_TAR_TOTAL_BYTES = 100 << 20;
function ignoredWithParents(rules, rel, isDir) {
  if (rules.length === 0) return false;
  const parts = rel.split("/");
  for (let i = 1; i < parts.length; i++) {
    if (isIgnored(rules, parts.slice(0, i).join("/"), true)) return true;
  }
  return isIgnored(rules, rel, isDir);
}
var tar = {
  name: STEP16,
  schema: {
    type: "object",
    description: "Archives a directory or a file into a tar file, gzip-compressed with `gzip: true`.",
    additionalProperties: false,
    required: ["inPath", "outPath"],
    properties: {
      inPath: nonEmpty(
        "The directory (its contents are archived) or file, relative to the checkout."
      ),
      outPath: nonEmpty("The archive to write, relative to the checkout; replaced when it exists."),
      ignore: text("Paths to leave out, one .gitignore pattern a line, relative to `inPath`."),
      gzip: flag("Compress the archive with gzip; default false.")
    }
  },
  async run(config, ctx) {
    checkFields(STEP16, config, ["inPath", "outPath", "ignore", "gzip"]);
    const inRel = requireString(STEP16, config, "inPath");
    const outRel = requireString(STEP16, config, "outPath");
    const gzip = optionalBool(STEP16, config, "gzip") ?? false;
    const rules = ignoreOption(STEP16, config);
    const inAbs = await safePath(ctx.worktree, inRel, `${STEP16}: inPath`);
    const outAbs = await writablePath(ctx.worktree, outRel, `${STEP16}: outPath`);
    const inShown = normalizeRelative(inRel);
    const outShown = normalizeRelative(outRel);
    const top = await lstat9(inAbs).catch(() => void 0);
    if (!top)
      fieldError(STEP16, "config.inPath", `${JSON.stringify(inShown)}: no such file or directory`);
    if ((await lstat9(outAbs).catch(() => void 0))?.isDirectory()) {
      fieldError(STEP16, "config.outPath", `${JSON.stringify(outShown)} is a directory`);
    }
    const blocks = [];
    let total = 0;
    let count = 0;
    const add = async (abs, rel) => {
      const st = await lstat9(abs);
      const mtime = Math.floor(st.mtimeMs / 1e3);
      if (abs === outAbs) return;
      if (st.isSymbolicLink()) {
        blocks.push(
          ...encodeEntry({
            name: rel,
            kind: "symlink",
            mode: 511,
            mtime,
            linkname: await readlink(abs)
          })
        );
      } else if (st.isFile()) {
        if (st.size > MAX_TAR_FILE_BYTES) {
          throw new ConfigError(
            `${STEP16}: ${rel} is larger than 50 MiB, the most the step archives per file`
          );
        }
        total += st.size;
        if (total > MAX_TAR_TOTAL_BYTES) {
          throw new ConfigError(
            `${STEP16}: ${JSON.stringify(inShown)} holds more than 100 MiB, the most the step archives`
          );
        }
        blocks.push(
          ...encodeEntry({
            name: rel,
            kind: "file",
            mode: st.mode & 511,
            mtime,
            linkname: "",
            data: await readFile12(abs)
          })
        );
      } else if (st.isDirectory()) {
        blocks.push(
          ...encodeEntry({ name: rel, kind: "dir", mode: st.mode & 511, mtime, linkname: "" })
        );
      } else return;
      count++;
    };
    const walk = async (absDir, relDir) => {
      const names = (await readdir4(absDir)).sort();
      for (const name of names) {
        if (name === ".git") continue;
        const abs = path9.join(absDir, name);
        const rel = relDir ? `${relDir}/${name}` : name;
        const st = await lstat9(abs);
        if (ignoredWithParents(rules, rel, st.isDirectory())) continue;
        await add(abs, rel);
        if (st.isDirectory()) await walk(abs, rel);
      }
    };
    if (top.isDirectory()) await walk(inAbs, "");
    else if (!ignoredWithParents(rules, path9.basename(inAbs), false))
      await add(inAbs, path9.basename(inAbs));
    blocks.push(END_OF_ARCHIVE);
    const archive = Buffer.concat(blocks);
    const bytes = gzip ? gzipSync(archive) : archive;
    const before = await readFile12(outAbs).catch(() => void 0);
    if (before?.equals(bytes)) {
      ctx.log(`${STEP16}: ${outShown} already holds this archive of ${inShown}`);
      return { summary: [], changed: [] };
    }
    await mkdir6(path9.dirname(outAbs), { recursive: true });
    const temp = path9.join(
      path9.dirname(outAbs),
      `.${path9.basename(outAbs)}.${randomBytes4(6).toString("hex")}.tmp`
    );
    try {
      await writeFile9(temp, bytes, { flag: "wx" });
      await rename3(temp, outAbs);
    } finally {
      await rm6(temp, { force: true });
    }
    ctx.log(`${STEP16}: ${count} entries of ${inShown} archived in ${outShown}`);
    return { summary: [`- archived ${inShown} in ${outShown}`], changed: [outShown] };
  }
};

// src/promotion/toml-edit.ts
import { isDeepStrictEqual as isDeepStrictEqual4 } from "node:util";

// node_modules/smol-toml/dist/error.js
function getLineColFromPtr(string, ptr) {
  let lines = string.slice(0, ptr).split(/\r?\n/);
  return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
  let lines = string.split(/\r?\n/);
  let codeblock = "";
  let numberLen = (Math.log10(line + 1) | 0) + 1;
  for (let i = line - 1; i <= line + 1; i++) {
    let l = lines[i - 1];
    if (!l)
      continue;
    codeblock += i.toString().padEnd(numberLen, " ");
    codeblock += ":  ";
    codeblock += l;
    codeblock += "\n";
    if (i === line) {
      codeblock += " ".repeat(numberLen + column + 2);
      codeblock += "^\n";
    }
  }
  return codeblock;
}
var TomlError = class _TomlError extends Error {
  line;
  column;
  codeblock;
  constructor(message, options) {
    const [line, column] = getLineColFromPtr(options.toml, options.ptr);
    const codeblock = makeCodeBlock(options.toml, line, column);
    super(`Invalid TOML document: ${message}

${codeblock}`, options);
    this.line = line;
    this.column = column;
    this.codeblock = codeblock;
  }
  /** @internal */
  static x(message, ctx, ptr) {
    throw new _TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
  }
};

// node_modules/smol-toml/dist/primitive.js
function parseString(ctx) {
  let startPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p++);
  let first = c;
  let isLiteral = c === 39;
  let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
  if (isMultiline) {
    if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 10)
      ctx.p++;
    else if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)
      ctx.p += 2;
  }
  let parsed = "";
  let sliceStart = ctx.p;
  let state = 0;
  for (; ctx.p < ctx.s.length; ctx.p++) {
    c = ctx.s.charCodeAt(ctx.p);
    if (isMultiline && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)) {
      state = state && 3;
    } else if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in strings", ctx);
    } else if ((!state || state === 3) && c === first && (!isMultiline || ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first)) {
      if (isMultiline) {
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
      }
      if (!state) {
        let s = ctx.s.slice(sliceStart, ctx.p);
        parsed = parsed ? parsed + s : s;
      }
      ctx.p += isMultiline ? 3 : 1;
      return parsed;
    } else if (!state) {
      if (!isLiteral && c === 92) {
        parsed += ctx.s.slice(sliceStart, sliceStart = ctx.p);
        state = 1;
      }
    } else if (state === 1) {
      if (c === 120 || c === 117 || c === 85) {
        let errPtr = ctx.p++ - 1;
        let value = 0;
        let len = c === 120 ? 2 : c === 117 ? 4 : 8;
        for (let j = 0; j < len; j++, ctx.p++) {
          let hex = ctx.s.charCodeAt(ctx.p);
          let digit = (
            /* 0-9 */
            hex >= 48 && hex <= 57 ? hex - 48 : (
              /* A-F */
              hex >= 65 && hex <= 70 ? hex - 65 + 10 : (
                /* a-f */
                hex >= 97 && hex <= 102 ? hex - 97 + 10 : -1
              )
            )
          );
          if (digit < 0)
            TomlError.x("invalid non-hex character in unicode escape", ctx);
          value = value << 4 | digit;
        }
        if (value < 0 || value > 1114111 || value >= 55296 && value <= 57343) {
          TomlError.x("invalid unicode escape", ctx, errPtr);
        }
        parsed += String.fromCodePoint(value);
        sliceStart = ctx.p--;
        state = 0;
      } else if (isMultiline && (c === 32 || c === 9)) {
        state = 2;
      } else {
        if (c === 98)
          parsed += "\b";
        else if (c === 116)
          parsed += "	";
        else if (c === 110)
          parsed += "\n";
        else if (c === 102)
          parsed += "\f";
        else if (c === 114)
          parsed += "\r";
        else if (c === 101)
          parsed += "\x1B";
        else if (c === 34)
          parsed += '"';
        else if (c === 92)
          parsed += "\\";
        else
          TomlError.x("unrecognised escape sequence", ctx);
        sliceStart = ctx.p + 1;
        state = 0;
      }
    } else if (c !== 32 && c !== 9) {
      if (state === 2)
        TomlError.x("invalid escape: only line-ending whitespace may be escaped", ctx, sliceStart);
      state = !isLiteral && c === 92 ? 1 : 0;
      sliceStart = ctx.p;
    }
  }
  TomlError.x("unfinished string", ctx, startPtr);
}

// node_modules/smol-toml/dist/date.js
var DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
var TomlDate = class _TomlDate extends Date {
  #hasDate = false;
  #hasTime = false;
  #offset = null;
  constructor(date, fasttype, unsafeDelim) {
    let hasDate = true;
    let hasTime = true;
    let offset = "Z";
    let c;
    if (typeof date === "string") {
      if (fasttype)
        prep: {
          if (fasttype < 3) {
            if (+date.slice(11, 13) > 23) {
              date = "";
              break prep;
            }
            if (fasttype === 2) {
              offset = null;
              date += "Z";
            } else if ((c = date.charCodeAt(date.length - 1)) !== 90 && c !== 122) {
              offset = date.slice(date.length - 6);
            }
            if (unsafeDelim)
              date = date.slice(0, 10) + "T" + date.slice(11);
          } else if (fasttype === 4) {
            date = +date.slice(0, 2) > 23 ? "" : `0000-01-01T${date}Z`;
          }
          hasDate = fasttype !== 4;
          hasTime = fasttype !== 3;
        }
      else {
        let match = date.match(DATE_TIME_RE);
        if (match) {
          if (!match[1]) {
            hasDate = false;
            date = `0000-01-01T${date}`;
          }
          hasTime = !!match[2];
          hasTime && date[10] === " " && (date = date.replace(" ", "T"));
          if (match[2] && +match[2] > 23) {
            date = "";
          } else {
            offset = match[3] || null;
            if (!offset && hasTime)
              date += "Z";
          }
        } else {
          date = "";
        }
      }
    }
    super(date);
    if (!isNaN(this.getTime())) {
      this.#hasDate = hasDate;
      this.#hasTime = hasTime;
      this.#offset = offset;
    }
  }
  isDateTime() {
    return this.#hasDate && this.#hasTime;
  }
  isLocal() {
    return !this.#hasDate || !this.#hasTime || !this.#offset;
  }
  isDate() {
    return this.#hasDate && !this.#hasTime;
  }
  isTime() {
    return this.#hasTime && !this.#hasDate;
  }
  isValid() {
    return this.#hasDate || this.#hasTime;
  }
  toISOString() {
    let iso = super.toISOString();
    if (this.isDate())
      return iso.slice(0, 10);
    if (this.isTime())
      return iso.slice(11, 23);
    if (this.#offset === null)
      return iso.slice(0, -1);
    if (this.#offset === "Z" || this.#offset === "z")
      return iso;
    let offset = +this.#offset.slice(1, 3) * 60 + +this.#offset.slice(4, 6);
    offset = this.#offset[0] === "-" ? offset : -offset;
    let offsetDate = new Date(this.getTime() - offset * 6e4);
    return offsetDate.toISOString().slice(0, -1) + this.#offset;
  }
  static wrapAsOffsetDateTime(jsDate, offset = "Z") {
    let date = new _TomlDate(jsDate);
    date.#offset = offset;
    return date;
  }
  static wrapAsLocalDateTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#offset = null;
    return date;
  }
  static wrapAsLocalDate(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasTime = false;
    date.#offset = null;
    return date;
  }
  static wrapAsLocalTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasDate = false;
    date.#offset = null;
    return date;
  }
};

// node_modules/smol-toml/dist/extract.js
function isDigit(char, base = 10) {
  return base === 16 ? char > 47 && char < 58 || char > 64 && char < 71 || char > 96 && char < 103 : char > 47 && char < 48 + base;
}
function isEndOfValue(char, delim) {
  return char === 32 || char === 9 || char === 10 || char === 13 || // Structure end or next value delimiter
  delim && (char === delim || char === 44) || // Comment
  char === 35;
}
function extractValue(ctx, end) {
  let errPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p);
  if (c === 91 || c === 123) {
    ctx.d-- || TomlError.x("document contains excessively nested structures. aborting.", ctx);
    let value = c === 91 ? parseArray(ctx) : parseInlineTable(ctx);
    ctx.d++;
    return value;
  }
  if (c === 34 || c === 39) {
    return parseString(ctx);
  }
  if (c === 116) {
    if (ctx.s.charCodeAt(++ctx.p) !== 114 || ctx.s.charCodeAt(++ctx.p) !== 117 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, true;
  }
  if (c === 102) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 108 || ctx.s.charCodeAt(++ctx.p) !== 115 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, false;
  }
  if (c === 43 || c === 45) {
    return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 44 - c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 4) === 45 && ctx.s.charCodeAt(ctx.p + 7) === 45) {
    return parseDate(ctx, c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 2) === 58) {
    return parseTime(ctx, c, end);
  }
  return parseNumber(ctx, ctx.p, c, 0, end);
}
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
  let c = startChr;
  let state = 0;
  let hasUnderscores = false;
  if (c === 105) {
    if (ctx.s.charCodeAt(++ctx.p) !== 110 || ctx.s.charCodeAt(++ctx.p) !== 102)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, (sign || 1) / 0;
  }
  if (c === 110) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 110)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, NaN;
  }
  if (c === 48) {
    if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
      return ctx.bi === true ? 0n : 0;
    if (!sign) {
      if (c === 120)
        return parseIntegerBaseN(ctx, startPtr, 16, endChr);
      else if (c === 98)
        return parseIntegerBaseN(ctx, startPtr, 2, endChr);
      else if (c === 111)
        return parseIntegerBaseN(ctx, startPtr, 8, endChr);
    }
    if (c === 46)
      state = 2;
    else if (c === 101 || c === 69)
      state = 4;
    else
      TomlError.x("illegal leading zero", ctx, startPtr);
  } else if (!isDigit(c))
    TomlError.x("invalid value", ctx, startPtr);
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (!state)
      state = 1;
    if (c === 95) {
      if (!(state & 1))
        TomlError.x("illegal underscore", ctx);
      state += 11;
      hasUnderscores = true;
    } else if (state === 1 && c === 46)
      state = 2;
    else if ((state === 1 || state === 3) && (c === 101 || c === 69))
      state = 4;
    else if (state === 4 && (c === 43 || c === 45)) {
      state = 6;
    } else if (!isDigit(c))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (state > 9)
      state -= 11;
    else if (!(state & 1))
      state++;
  }
  if (!state) {
    let val = (startChr - 48) * (sign || 1);
    return ctx.bi === true ? BigInt(val) : val;
  }
  if (!(state & 1))
    TomlError.x("unfinished numeric value", ctx, startPtr);
  let str2 = ctx.s.slice(startPtr, ctx.p);
  if (hasUnderscores)
    str2 = str2.replaceAll("_", "");
  return state > 1 ? parseFloat(str2) : parseInteger(ctx, str2, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
  let c, underscore = 1;
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (c === 95) {
      if (underscore & 1)
        TomlError.x("illegal underscore", ctx);
      underscore = 3;
    } else if (!isDigit(c, base))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (underscore & 1)
      underscore--;
  }
  if (underscore & 1)
    TomlError.x("unfinished numeric value", ctx);
  let str2 = ctx.s.slice(startPtr + 2, ctx.p);
  if (underscore)
    str2 = str2.replaceAll("_", "");
  return parseInteger(ctx, str2, base, startPtr);
}
function parseInteger(ctx, str2, base, startPtr) {
  if (ctx.bi !== true)
    int: {
      let val = parseInt(str2, base);
      if (!Number.isSafeInteger(val)) {
        if (ctx.bi)
          break int;
        TomlError.x("integer value cannot be represented losslessly", ctx, startPtr);
      }
      return val;
    }
  return base === 10 ? BigInt(str2) : BigInt((base === 2 ? "0b" : base === 8 ? "0o" : "0x") + str2);
}
function parseDate(ctx, c, endChr) {
  let startPtr = ctx.p++, unsafeSeparator;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++))) {
    return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
  }
  ctx.p += 5;
  if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
    TomlError.x("invalid date-time: date part is malformed", ctx, startPtr);
  if (ctx.p >= ctx.s.length || ((c = ctx.s.charCodeAt(ctx.p)) !== 32 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 84 && c !== 116) {
    let t2 = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t2, 3, false, startPtr);
  }
  if (ctx.s.charCodeAt(ctx.p += 3) !== 58)
    TomlError.x("invalid date-time: time part is malformed", ctx, startPtr);
  if (ctx.s.charCodeAt(ctx.p += 3) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  if (c = ctx.s.charCodeAt(ctx.p)) {
    if (c === 90 || c === 122) {
      let t2 = ctx.s.slice(startPtr, ++ctx.p);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, "[+00:00]");
    }
    if (c === 43 || c === 45) {
      let t2 = ctx.s.slice(startPtr, ctx.p += 6);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, !ctx.ld && "[" + ctx.s.slice(ctx.p - 6, ctx.p) + "]");
    }
  }
  let t = ctx.s.slice(startPtr, ctx.p);
  return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
  let start = ctx.p;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
    return parseNumber(ctx, --ctx.p, c, 0, endChr);
  }
  if (ctx.s.charCodeAt(ctx.p += 4) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  let t = ctx.s.slice(start, ctx.p);
  return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str2, type, unsafeDelim, errPtr, temporalSuffix) {
  if (ctx.ld) {
    let date = new TomlDate(str2, type, unsafeDelim);
    if (!date.isValid())
      TomlError.x("invalid date", ctx, errPtr);
    return date;
  }
  try {
    if (temporalSuffix)
      str2 += temporalSuffix;
    switch (type) {
      case 1:
        return Temporal.ZonedDateTime.from(str2);
      case 2:
        return Temporal.PlainDateTime.from(str2);
      case 3:
        return Temporal.PlainDate.from(str2);
      case 4:
        return Temporal.PlainTime.from(str2);
    }
  } catch (e) {
    TomlError.x(e instanceof Error ? e.message : "" + e, ctx, errPtr);
  }
}

// node_modules/smol-toml/dist/util.js
function skipComment(ctx) {
  for (; ctx.p < ctx.s.length; ctx.p++) {
    let c = ctx.s.charCodeAt(ctx.p);
    if (c === 10)
      break;
    if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10) {
      ctx.p++;
      break;
    }
    if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in comments", ctx);
    }
  }
}
function skipVoid(ctx, banNewLines, banComments) {
  let c;
  while (ctx.p < ctx.s.length) {
    while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 32 || c === 9 || !banNewLines && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)))
      ctx.p++;
    if (banComments || c !== 35)
      break;
    skipComment(ctx);
  }
}

// node_modules/smol-toml/dist/struct.js
function parseKey2(ctx, end = 61) {
  let startPtr;
  let state = 0;
  let parsed = [];
  let sliceStart;
  let c = ctx.s.charCodeAt(startPtr = ctx.p);
  do {
    if (c === end) {
      if (!state)
        TomlError.x("unexpected end of key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      return ctx.p++, parsed;
    } else if (c === 46) {
      if (!state)
        TomlError.x("illegal empty bare key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      state = 0;
    } else if (!state && (c === 34 || c === 39)) {
      if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
        TomlError.x("illegal quoted key: multiline strings are not allowed", ctx);
      parsed.push(parseString(ctx));
      state = 2;
      ctx.p--;
    } else if (c === 32 || c === 9) {
      if (state === 1) {
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
        state = 2;
      }
    } else if (state === 2 || c < 48 && c !== 45 || c > 57 && c < 65 || c > 90 && c < 97 && c !== 95 || c > 122) {
      TomlError.x("illegal character in key", ctx);
    } else if (!state) {
      state = 1;
      sliceStart = ctx.p;
    }
  } while (c = ctx.s.charCodeAt(++ctx.p));
  TomlError.x("incomplete key-value: cannot find end of key", ctx, startPtr);
}
function parseInlineTable(ctx) {
  let startPtr = ctx.p++;
  let res = /* @__PURE__ */ Object.create(null);
  let seen = /* @__PURE__ */ new Set();
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 125) {
      ctx.p++;
      return res;
    }
    let k;
    let t = res;
    let hasOwn = false;
    let errPtr = ctx.p;
    let key = parseKey2(ctx);
    for (let i = 0; i < key.length; i++) {
      if (i)
        t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      k = key[i];
      if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== "object" || seen.has(t[k]))) {
        TomlError.x("trying to redefine an already defined value", ctx, errPtr);
      }
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor")) {
        t = ctx.uk !== 1 && TomlError.x("document contains an unsafe property", ctx, errPtr);
        break;
      }
      if (!hasOwn && unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
      }
    }
    if (hasOwn) {
      TomlError.x("trying to redefine an already defined value", ctx, errPtr);
    }
    skipVoid(ctx, true, true);
    let value = extractValue(
      ctx,
      125
      /* } */
    );
    if (t && typeof (t[k] = value) === "object")
      seen.add(value);
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 125) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished table", ctx, startPtr);
}
function parseArray(ctx) {
  let startPtr = ctx.p++;
  let res = [];
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 93) {
      ctx.p++;
      return res;
    }
    res.push(extractValue(
      ctx,
      93
      /* ] */
    ));
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 93) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished array", ctx, startPtr);
}

// node_modules/smol-toml/dist/parse.js
function peekTable(ctx, key, table, meta, type) {
  let t = table;
  let m = meta;
  let k;
  let hasOwn = false;
  let state;
  for (let i = 0; i < key.length; i++) {
    if (i) {
      t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      m = (state = m[k]).c;
      if (type === 0 && (state.t === 1 || state.t === 2)) {
        return null;
      }
      if (state.t === 2) {
        let l = t.length - 1;
        t = t[l];
        m = m[l].c;
      }
    }
    k = key[i];
    if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 && m[k]?.d) {
      return null;
    }
    if (!hasOwn) {
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor"))
        return false;
      if (unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
        Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
      }
      m[k] = {
        t: i < key.length - 1 && type === 2 ? 3 : type,
        d: false,
        i: 0,
        c: /* @__PURE__ */ Object.create(null)
      };
    }
  }
  state = m[k];
  if (state.t !== type && !(type === 1 && state.t === 3)) {
    return null;
  }
  if (type === 2) {
    if (!state.d) {
      state.d = true;
      t[k] = [];
    }
    t[k].push(t = /* @__PURE__ */ Object.create(null));
    state.c[state.i++] = state = { t: 1, d: false, i: 0, c: /* @__PURE__ */ Object.create(null) };
  }
  if (state.d) {
    return null;
  }
  state.d = true;
  if (type === 1) {
    t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
  } else if (type === 0 && hasOwn) {
    return null;
  }
  return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
  if (peek === null || ctx.uk === 2)
    TomlError.x(peek === null ? "trying to redefine an already defined table or value" : "document contains an unsafe property", ctx, ptr);
}
function parse(toml, options = {}) {
  let ctx = {
    s: toml,
    p: 0,
    d: options.maxDepth ?? 1e3,
    bi: options.integersAsBigInt ?? false,
    ld: options.useLegacyDate ?? true,
    uk: options.unsafeKeyBehaviour === "throw" ? 2 : options.unsafeKeyBehaviour === "drop" ? 1 : 0
  };
  let res = /* @__PURE__ */ Object.create(null);
  let meta = /* @__PURE__ */ Object.create(null);
  let tmp;
  let skipping = false;
  let tbl = res;
  let m = meta;
  if (toml.charCodeAt(0) === 65279)
    ctx.p++;
  skipVoid(ctx);
  while (ctx.p < toml.length) {
    if (toml.charCodeAt(ctx.p) === 91) {
      let isTableArray = toml.charCodeAt(++ctx.p) === 91;
      tmp = ctx.p += +isTableArray;
      skipping = false;
      let k = parseKey2(
        ctx,
        93
        /* ] */
      );
      if (isTableArray) {
        if (toml.charCodeAt(ctx.p) !== 93) {
          TomlError.x("expected end of table array declaration", ctx);
        }
        ctx.p++;
      }
      let p = peekTable(
        ctx,
        k,
        res,
        meta,
        isTableArray ? 2 : 1
        /* Type.EXPLICIT */
      );
      if (!p) {
        validateTablePeek(ctx, p, tmp);
        skipping = true;
      } else {
        m = p[2];
        tbl = p[1];
      }
    } else {
      tmp = ctx.p;
      let k = parseKey2(ctx);
      let p = peekTable(
        ctx,
        k,
        tbl,
        m,
        0
        /* Type.DOTTED */
      );
      if (!p && !skipping)
        validateTablePeek(ctx, p, tmp);
      skipVoid(ctx, true, true);
      let v = extractValue(ctx, void 0);
      if (p && !skipping)
        p[1][p[0]] = v;
    }
    skipVoid(ctx, true);
    if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 10 && (tmp !== 13 || toml.charCodeAt(ctx.p + 1) !== 10)) {
      TomlError.x("each key-value declaration must be followed by an end-of-line", ctx);
    }
    skipVoid(ctx);
  }
  return res;
}

// node_modules/smol-toml/dist/stringify.js
var HAS_WELLFORMED = !!"".isWellFormed;

// src/promotion/toml-edit.ts
function parseTomlText(step, rel, text3) {
  try {
    return plain(parse(text3, { integersAsBigInt: "asNeeded" }));
  } catch (err) {
    if (err instanceof TomlError) {
      const reason = err.message.split("\n")[0]?.replace(/^Invalid TOML document: /, "") ?? "";
      throw new ConfigError(`${step}: ${rel}:${err.line}:${err.column}: not valid TOML: ${reason}`);
    }
    throw err;
  }
}
function plain(v) {
  if (v instanceof TomlDate) return v.toISOString();
  if (typeof v === "bigint") return v.toString();
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === "object") {
    const out = {};
    for (const [k, x] of Object.entries(v)) {
      Object.defineProperty(out, k, {
        value: plain(x),
        enumerable: true,
        writable: true,
        configurable: true
      });
    }
    return out;
  }
  return v;
}
function formatTomlValue(value) {
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") {
    if (Number.isInteger(value)) return BigInt(value).toString();
    return String(value);
  }
  if (typeof value === "string") {
    if (!/['\u0000-\u0008\u000a-\u001f\u007f\t]/.test(value)) return `'${value}'`;
    let out = '"';
    for (const ch of value) {
      const c = ch.charCodeAt(0);
      if (ch === "\\") out += "\\\\";
      else if (ch === '"') out += '\\"';
      else if (ch === "\b") out += "\\b";
      else if (ch === "\f") out += "\\f";
      else if (ch === "\n") out += "\\n";
      else if (ch === "\r") out += "\\r";
      else if (ch === "	") out += "\\t";
      else if (c < 32 || c === 127)
        out += `\\u00${c.toString(16).toUpperCase().padStart(2, "0")}`;
      else out += ch;
    }
    return `${out}"`;
  }
  throw new Error("not a TOML scalar");
}
function tomlUpdateCommitMessage(path12, updates) {
  if (updates.length === 0) return "";
  let msg = `Updated ${path12}
`;
  for (const u of updates) {
    let shown;
    try {
      shown = formatTomlValue(u.value);
    } catch {
      shown = String(u.value);
    }
    msg += `
- ${u.key}: ${shown}`;
  }
  return msg;
}
var isScalar4 = (v) => typeof v === "string" || typeof v === "boolean" || typeof v === "number" && Number.isFinite(v);
function setTomlValues(text3, updates, where, previous) {
  const step = "toml-update";
  const before = parseTomlText(step, where, text3);
  const index = indexToml(text3, where);
  const byPath = /* @__PURE__ */ new Map();
  const planned = [];
  for (const [i, u] of updates.entries()) {
    let parts;
    try {
      parts = splitKey(u.key);
    } catch (err) {
      if (err instanceof KeyPathError) {
        throw new ConfigError(
          `${step}: updates[${i}].key ${JSON.stringify(u.key)}: ${err.message}`
        );
      }
      throw err;
    }
    if (!isScalar4(u.value)) {
      throw new ConfigError(
        `${step}: updates[${i}].value for key ${JSON.stringify(u.key)} is not a TOML scalar type (a string, number or boolean), got ${Array.isArray(u.value) ? "a list" : u.value === null ? "null" : typeof u.value}`
      );
    }
    const path12 = encode(parts);
    const node = index.get(path12);
    if (!node) {
      throw new ConfigError(
        `${step}: ${where}: key ${JSON.stringify(u.key)} not found; toml-update only changes keys the file has`
      );
    }
    if (node.kind !== "scalar") {
      throw new ConfigError(
        `${step}: ${where}:${lineCol3(text3, node.start)}: key ${JSON.stringify(u.key)} addresses ${KIND_TEXT[node.kind]}, not a scalar; toml-update updates scalar values only`
      );
    }
    previous?.set(u.key, lookup(before, parts));
    byPath.set(path12, { start: node.start, end: node.end, text: formatTomlValue(u.value) });
    planned.push({ key: u.key, parts, value: u.value });
  }
  let out = text3;
  for (const edit of [...byPath.values()].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  let after;
  try {
    after = parseTomlText(step, where, out);
  } catch {
    after = void 0;
  }
  const last = new Map(planned.map((p) => [encode(p.parts), p]));
  for (const p of last.values()) {
    if (!after || !isDeepStrictEqual4(lookup(after, p.parts), p.value)) {
      throw new OperationError(
        `${step}: ${where}: the edited file does not read back as intended at key ${JSON.stringify(p.key)}; nothing was changed. This is a gantry bug.`
      );
    }
  }
  return out;
}
var KIND_TEXT = {
  table: "a table",
  "array-of-tables": "an array of tables",
  array: "an array",
  "inline-table": "an inline table",
  scalar: "a scalar"
};
function encode(parts) {
  return parts.map((p) => `${String(p).length}:${String(p)}`).join("|");
}
function lookup(root, parts) {
  let node = root;
  for (const part of parts) {
    if (Array.isArray(node)) node = node[Number(part)];
    else if (node !== null && typeof node === "object" && Object.hasOwn(node, String(part))) {
      node = node[String(part)];
    } else return void 0;
  }
  return node;
}
function lineCol3(text3, offset) {
  const before = text3.slice(0, offset);
  return `${before.split("\n").length}:${offset - before.lastIndexOf("\n")}`;
}
var BARE_KEY = /[A-Za-z0-9_-]/;
function indexToml(text3, where) {
  const index = /* @__PURE__ */ new Map();
  const arrayTables = /* @__PURE__ */ new Map();
  let i = 0;
  const fail3 = (what) => {
    throw new ConfigError(`toml-update: ${where}:${lineCol3(text3, i)}: ${what}`);
  };
  const blank = () => {
    while (i < text3.length && (text3[i] === " " || text3[i] === "	")) i++;
  };
  const gap = () => {
    for (; ; ) {
      blank();
      if (text3[i] === "#") while (i < text3.length && text3[i] !== "\n") i++;
      else if (text3[i] === "\n" || text3[i] === "\r") i++;
      else return;
    }
  };
  const basicString = () => {
    i++;
    let out = "";
    while (i < text3.length && text3[i] !== '"') {
      if (text3[i] === "\\") {
        const e = text3[i + 1];
        const simple = {
          b: "\b",
          t: "	",
          n: "\n",
          f: "\f",
          r: "\r",
          '"': '"',
          "\\": "\\"
        };
        if (e !== void 0 && simple[e] !== void 0) {
          out += simple[e];
          i += 2;
        } else if (e === "u" || e === "U") {
          const n = e === "u" ? 4 : 8;
          out += String.fromCodePoint(parseInt(text3.slice(i + 2, i + 2 + n), 16));
          i += 2 + n;
        } else fail3("invalid escape in a key");
      } else out += text3[i++];
    }
    i++;
    return out;
  };
  const literalString = () => {
    const close = text3.indexOf("'", i + 1);
    if (close < 0) fail3("unterminated string");
    const s = text3.slice(i + 1, close);
    i = close + 1;
    return s;
  };
  const key = () => {
    const parts = [];
    for (; ; ) {
      blank();
      const c = text3[i];
      if (c === '"') parts.push(basicString());
      else if (c === "'") parts.push(literalString());
      else {
        const start = i;
        while (i < text3.length && BARE_KEY.test(text3[i] ?? "")) i++;
        if (i === start) fail3("expected a key");
        parts.push(text3.slice(start, i));
      }
      blank();
      if (text3[i] !== ".") return parts;
      i++;
    }
  };
  const skipMultiline = (quote) => {
    i += 3;
    for (; ; ) {
      if (i >= text3.length) fail3("unterminated multi-line string");
      if (quote === '"' && text3[i] === "\\") i += 2;
      else if (text3.startsWith(quote.repeat(3), i)) break;
      else i++;
    }
    let run = 0;
    while (text3[i + run] === quote && run < 5) run++;
    i += run;
  };
  const value = (path12) => {
    const start = i;
    const c = text3[i];
    if (c === "[") {
      i++;
      let n = 0;
      for (; ; ) {
        gap();
        if (text3[i] === "]") break;
        value([...path12, String(n++)]);
        gap();
        if (text3[i] === ",") i++;
      }
      i++;
      index.set(encode(path12), { kind: "array", start, end: i });
      return;
    }
    if (c === "{") {
      i++;
      for (; ; ) {
        blank();
        if (text3[i] === "}") break;
        const k = key();
        if (text3[i] !== "=") fail3('expected "="');
        i++;
        blank();
        value([...path12, ...k]);
        blank();
        if (text3[i] === ",") i++;
      }
      i++;
      index.set(encode(path12), { kind: "inline-table", start, end: i });
      return;
    }
    if (c === '"' || c === "'") {
      if (text3.startsWith(c.repeat(3), i)) skipMultiline(c);
      else if (c === '"') basicString();
      else literalString();
    } else {
      while (i < text3.length && !/[\s,\]}#]/.test(text3[i] ?? "")) i++;
      if (/^\d{4}-\d{2}-\d{2}$/.test(text3.slice(start, i)) && /^ \d{2}:/.test(text3.slice(i, i + 4))) {
        i++;
        while (i < text3.length && !/[\s,\]}#]/.test(text3[i] ?? "")) i++;
      }
    }
    index.set(encode(path12), { kind: "scalar", start, end: i });
  };
  const resolve = (parts, isArrayHeader) => {
    const out = [];
    parts.forEach((p, n) => {
      out.push(p);
      const last = n === parts.length - 1;
      if (last && isArrayHeader) return;
      const count = arrayTables.get(encode(out));
      if (count !== void 0) out.push(String(count - 1));
    });
    return out;
  };
  let current = [];
  if (text3.startsWith("\uFEFF")) i = 1;
  while (i < text3.length) {
    gap();
    if (i >= text3.length) break;
    const headerStart = i;
    if (text3[i] === "[") {
      const isArray = text3[i + 1] === "[";
      i += isArray ? 2 : 1;
      const parts = resolve(key(), isArray);
      i += isArray ? 2 : 1;
      if (isArray) {
        const base = encode(parts);
        const n = arrayTables.get(base) ?? 0;
        arrayTables.set(base, n + 1);
        index.set(base, { kind: "array-of-tables", start: headerStart, end: i });
        current = [...parts, String(n)];
      } else current = parts;
      index.set(encode(current), { kind: "table", start: headerStart, end: i });
      continue;
    }
    const k = key();
    if (text3[i] !== "=") fail3('expected "="');
    i++;
    blank();
    for (let n = 1; n < k.length; n++) {
      const parent = encode([...current, ...k.slice(0, n)]);
      if (!index.has(parent)) index.set(parent, { kind: "table", start: i, end: i });
    }
    value([...current, ...k]);
  }
  return index;
}

// src/promotion/steps/toml-parse.ts
var tomlParse = parseStep("toml-parse", "TOML", parseTomlText);

// src/promotion/steps/toml-update.ts
import { writeFile as writeFile10 } from "node:fs/promises";
var STEP17 = "toml-update";
var schema5 = {
  type: "object",
  description: "Sets scalar values of existing keys in a TOML file by key path, keeping its comments and formatting. Output: `commitMessage`.",
  additionalProperties: false,
  required: ["path", "updates"],
  properties: {
    path: nonEmpty("The TOML file, relative to the checkout."),
    updates: {
      type: "array",
      minItems: 1,
      description: "The changes; several of one key: the last wins.",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["key", "value"],
        properties: {
          key: nonEmpty(
            "Key path (sjson syntax): `package.version`, `labels.example\\.com/version`, `values.1`, `services.0.port` (an array of tables by index). It must address a scalar the file has."
          ),
          value: {
            type: ["string", "number", "boolean"],
            description: "The new value: a string (written `'\u2026'`), a number or a boolean, usually an expression."
          },
          allowEmpty: flag("gantry: allow writing an empty string over a value the file holds.")
        }
      }
    }
  }
};
var tomlUpdate = {
  name: STEP17,
  schema: schema5,
  async run(config, ctx) {
    checkFields(STEP17, config, ["path", "updates"]);
    const path12 = requireString(STEP17, config, "path");
    const updates = requireUpdates(STEP17, config, ["allowEmpty"]);
    const abs = await safePath(ctx.worktree, path12, `${STEP17}: path`);
    const rel = normalizeRelative(path12);
    const text3 = await readStepFile(STEP17, abs, rel);
    const previous = /* @__PURE__ */ new Map();
    const out = setTomlValues(text3, updates, rel, previous);
    refuseEmptyWrites(STEP17, rel, updates, previous, ctx.written);
    const changed = out !== text3;
    if (changed) await writeFile10(abs, out);
    return {
      outputs: { commitMessage: tomlUpdateCommitMessage(rel, updates) },
      summary: changed ? updateSummary(rel, updates, previous) : [],
      changed: changed ? [rel] : []
    };
  }
};

// src/promotion/steps/untar.ts
import { randomBytes as randomBytes5 } from "node:crypto";
import {
  lstat as lstat10,
  mkdir as mkdir7,
  readFile as readFile13,
  readdir as readdir5,
  readlink as readlink2,
  realpath as realpath2,
  rename as rename4,
  rm as rm7,
  symlink,
  utimes,
  writeFile as writeFile11
} from "node:fs/promises";
import path10 from "node:path";
import { gunzipSync } from "node:zlib";
var STEP18 = "untar";
var MAX_ARCHIVE_BYTES = MAX_TAR_TOTAL_BYTES + (16 << 20);
function isInside(root, candidate) {
  const rel = path10.relative(root, candidate);
  return rel === "" || !rel.startsWith("..") && !path10.isAbsolute(rel);
}
async function links(dir) {
  const out = [];
  for (const e of await readdir5(dir, { withFileTypes: true })) {
    const abs = path10.join(dir, e.name);
    if (e.isSymbolicLink()) out.push(abs);
    else if (e.isDirectory()) out.push(...await links(abs));
  }
  return out;
}
async function danglingTarget(link, depth = 0) {
  if (depth > 40) return path10.sep;
  const target = await readlink2(link);
  let current = path10.isAbsolute(target) ? path10.sep : await realpath2(path10.dirname(link));
  const parts = target.split(/[/]+/).filter((p) => p !== "" && p !== ".");
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part === "..") {
      current = path10.dirname(current);
      continue;
    }
    const next = path10.join(current, part);
    const st = await lstat10(next).catch(() => void 0);
    if (!st) return path10.join(next, ...parts.slice(i + 1));
    if (st.isSymbolicLink()) {
      current = await realpath2(next).catch(() => void 0) ?? await danglingTarget(next, depth + 1);
    } else current = next;
  }
  return current;
}
var untar = {
  name: STEP18,
  schema: {
    type: "object",
    description: "Extracts a tar archive (gzip-compressed or not) into a directory, replacing it.",
    additionalProperties: false,
    required: ["inPath", "outPath"],
    properties: {
      inPath: nonEmpty("The archive, relative to the checkout."),
      outPath: nonEmpty(
        "The directory to extract into, relative to the checkout; replaced whole when it exists."
      ),
      stripComponents: {
        type: "integer",
        minimum: 0,
        description: "Leading path components dropped from each entry, as `tar --strip-components`."
      },
      ignore: text(
        "Entries to leave out, one .gitignore pattern a line, matched against entry paths."
      )
    }
  },
  async run(config, ctx) {
    checkFields(STEP18, config, ["inPath", "outPath", "stripComponents", "ignore"]);
    const inRel = requireString(STEP18, config, "inPath");
    const outRel = requireString(STEP18, config, "outPath");
    const strip = config["stripComponents"] ?? 0;
    if (typeof strip !== "number" || !Number.isInteger(strip) || strip < 0) {
      fieldError(
        STEP18,
        "config.stripComponents",
        `must be a whole number, 0 or more, got ${JSON.stringify(strip)}`
      );
    }
    const rules = ignoreOption(STEP18, config);
    const inAbs = await safePath(ctx.worktree, inRel, `${STEP18}: inPath`);
    const outAbs = await writablePath(ctx.worktree, outRel, `${STEP18}: outPath`);
    const inShown = normalizeRelative(inRel);
    const outShown = normalizeRelative(outRel);
    if (outShown === ".") fieldError(STEP18, "config.outPath", "would replace the whole checkout");
    const what = `${STEP18}: inPath ${JSON.stringify(inShown)}`;
    const st = await lstat10(inAbs).catch(() => void 0);
    if (!st) fieldError(STEP18, "config.inPath", `${JSON.stringify(inShown)}: no such file`);
    if (!st.isFile()) fieldError(STEP18, "config.inPath", `${JSON.stringify(inShown)} is not a file`);
    if (st.size > MAX_ARCHIVE_BYTES) {
      fieldError(
        STEP18,
        "config.inPath",
        `${JSON.stringify(inShown)} is larger than the step extracts`
      );
    }
    let archive = await readFile13(inAbs);
    if (archive[0] === 31 && archive[1] === 139) {
      try {
        archive = gunzipSync(archive, { maxOutputLength: MAX_ARCHIVE_BYTES });
      } catch (err) {
        throw new ConfigError(
          err.code === "ERR_BUFFER_TOO_LARGE" ? `${what}: decompresses to more than the 100 MiB the step extracts` : `${what}: not a valid gzip file: ${errorMessage(err)}`
        );
      }
    }
    const root = await realpath2(ctx.worktree);
    const tempRel = `.gantry-untar-${randomBytes5(6).toString("hex")}`;
    const temp = path10.join(root, tempRel);
    await mkdir7(temp);
    let count = 0;
    try {
      let total = 0;
      for (const entry of readTar(archive, what)) {
        const shown = JSON.stringify(entry.name);
        const parts = entry.name.replace(/^(\.\/)+/, "").split("/").filter((p) => p !== "" && p !== ".");
        if (entry.name.startsWith("/") || /^[A-Za-z]:/.test(entry.name) || entry.name.includes("\\")) {
          throw new ConfigError(
            `${what}: entry ${shown} has an absolute path; nothing was extracted`
          );
        }
        if (parts.includes("..")) {
          throw new ConfigError(
            `${what}: entry ${shown} climbs out with ".."; nothing was extracted`
          );
        }
        if (parts.some((p) => p.toLowerCase() === ".git")) {
          throw new ConfigError(
            `${what}: entry ${shown} is inside a .git directory; nothing was extracted`
          );
        }
        if (entry.kind === "other") {
          ctx.log(`${STEP18}: ${entry.name}: not a file, directory or symbolic link; skipped`);
          continue;
        }
        if (parts.length <= strip) continue;
        const rel = parts.slice(strip).join("/");
        if (ignoredWithParents(rules, rel, entry.kind === "dir")) continue;
        const field = `${STEP18}: entry ${shown}`;
        const abs = await safePath(temp, rel, field);
        if (entry.kind === "dir") {
          await mkdir7(abs, { recursive: true });
        } else if (entry.kind === "symlink") {
          const target = entry.linkname;
          const resolved = path10.resolve(path10.dirname(abs), target);
          if (path10.isAbsolute(target) || target.includes("\\") || !isInside(temp, resolved)) {
            throw new ConfigError(
              `${what}: entry ${shown} is a symbolic link to ${JSON.stringify(target)}, outside ${JSON.stringify(outShown)}; nothing was extracted`
            );
          }
          await mkdir7(path10.dirname(abs), { recursive: true });
          await rm7(abs, { recursive: true, force: true });
          await symlink(target, abs);
        } else {
          if (entry.data.length > MAX_TAR_FILE_BYTES) {
            throw new ConfigError(
              `${what}: entry ${shown} is larger than 50 MiB, the most the step extracts per file`
            );
          }
          total += entry.data.length;
          if (total > MAX_TAR_TOTAL_BYTES) {
            throw new ConfigError(
              `${what}: the archive holds more than 100 MiB, the most the step extracts`
            );
          }
          await mkdir7(path10.dirname(abs), { recursive: true });
          await rm7(abs, { force: true });
          await writeFile11(abs, entry.data, { mode: entry.mode & 511 });
          if (entry.mtime > 0) await utimes(abs, entry.mtime, entry.mtime);
        }
        count++;
      }
      for (const link of await links(temp)) {
        const target = await realpath2(link).catch(() => void 0) ?? await danglingTarget(link);
        if (!isInside(temp, target)) {
          throw new ConfigError(
            `${what}: entry ${JSON.stringify(path10.relative(temp, link))} is a symbolic link that leads outside ${JSON.stringify(outShown)}; nothing was extracted`
          );
        }
      }
      await rm7(outAbs, { recursive: true, force: true });
      await mkdir7(path10.dirname(outAbs), { recursive: true });
      await rename4(temp, outAbs);
    } finally {
      await rm7(temp, { recursive: true, force: true });
    }
    ctx.log(`${STEP18}: ${count} entries of ${inShown} extracted into ${outShown}`);
    return { summary: [`- extracted ${inShown} into ${outShown}`], changed: [outShown] };
  }
};

// src/promotion/steps/yaml-merge.ts
var import_yaml9 = __toESM(require_dist(), 1);
import { lstat as lstat11, mkdir as mkdir8, readFile as readFile14, writeFile as writeFile12 } from "node:fs/promises";
import path11 from "node:path";
var STEP19 = "yaml-merge";
var isNull = (n) => n === null || (0, import_yaml9.isScalar)(n) && n.value === null;
var keyOf = (pair) => (0, import_yaml9.isScalar)(pair.key) ? pair.key.value : pair.key;
function mergeNodes(base, patch) {
  if (!(0, import_yaml9.isMap)(base) || !(0, import_yaml9.isMap)(patch)) {
    if ((0, import_yaml9.isScalar)(base) && (0, import_yaml9.isScalar)(patch) && !patch.comment && base.comment) {
      patch.comment = base.comment;
    }
    return patch;
  }
  for (const pair of patch.items) {
    const key = keyOf(pair);
    const at = base.items.findIndex((p) => keyOf(p) === key);
    if (isNull(pair.value)) {
      if (at >= 0) base.items.splice(at, 1);
      continue;
    }
    const existing = at >= 0 ? base.items[at] : void 0;
    if (!existing) {
      base.items.push(pair);
      continue;
    }
    existing.value = existing.value && !isNull(existing.value) ? mergeNodes(existing.value, pair.value) : pair.value;
  }
  return base;
}
function readDocument(rel, field, text3) {
  const docs = (0, import_yaml9.parseAllDocuments)(text3);
  if (!Array.isArray(docs) || docs.length === 0) return void 0;
  for (const doc2 of docs) {
    const error = doc2.errors[0];
    if (error) {
      const at = error.linePos?.[0];
      throw new ConfigError(
        `${STEP19}: ${field}: ${at ? `${rel}:${at.line}:${at.col}` : rel}: not valid YAML: ${error.message.split("\n")[0]}`
      );
    }
  }
  if (docs.length > 1) {
    const second = docs[1]?.range[0] ?? 0;
    throw new ConfigError(
      `${STEP19}: ${field}: ${rel} holds ${docs.length} YAML documents (the second starts at line ${text3.slice(0, second).split("\n").length}); yaml-merge merges files of one document`
    );
  }
  const doc = docs[0];
  if (!doc || doc.contents === null || isNull(doc.contents)) return void 0;
  let aliases = false;
  (0, import_yaml9.visit)(doc, {
    Alias() {
      aliases = true;
      return import_yaml9.visit.BREAK;
    }
  });
  return aliases ? new import_yaml9.Document(doc.toJS({ maxAliasCount: 100 })) : doc;
}
function yamlMergeCommitMessage(inFiles, outFile) {
  if (inFiles.length === 1) return `Wrote ${inFiles[0]} to ${outFile}`;
  return [
    `Merged ${inFiles.length} YAML files to ${outFile}`,
    ...inFiles.map((f) => `- ${f}`)
  ].join("\n");
}
var yamlMerge = {
  name: STEP19,
  schema: {
    type: "object",
    description: "Merges YAML files in order into one file: maps merge, scalars and lists from later files replace, null removes a key.",
    additionalProperties: false,
    required: ["inFiles", "outFile"],
    properties: {
      inFiles: {
        type: "array",
        minItems: 1,
        items: nonEmpty("A YAML file, relative to the checkout."),
        description: "The files to merge, first the base, then each file applied over the result."
      },
      outFile: nonEmpty("The merged file, relative to the checkout; created or replaced."),
      ignoreMissingFiles: flag(
        "Skip files of `inFiles` that do not exist (default false: a missing file fails the step)."
      )
    }
  },
  async run(config, ctx) {
    checkFields(STEP19, config, ["inFiles", "outFile", "ignoreMissingFiles"]);
    const inFiles = config["inFiles"];
    if (!Array.isArray(inFiles) || inFiles.length === 0) {
      fieldError(STEP19, "config.inFiles", "is required: a list of at least one YAML file");
    }
    const outRel = requireString(STEP19, config, "outFile");
    const ignoreMissing = optionalBool(STEP19, config, "ignoreMissingFiles") ?? false;
    const outAbs = await writablePath(ctx.worktree, outRel, `${STEP19}: outFile`);
    const outShown = normalizeRelative(outRel);
    if ((await lstat11(outAbs).catch(() => void 0))?.isDirectory()) {
      fieldError(STEP19, "config.outFile", `${JSON.stringify(outShown)} is a directory`);
    }
    let merged;
    const used = [];
    for (const [i, item] of inFiles.entries()) {
      const field = `config.inFiles[${i}]`;
      const abs = await safePath(ctx.worktree, item, `${STEP19}: ${field}`);
      const rel = normalizeRelative(item);
      let text3;
      try {
        text3 = await readFile14(abs, "utf8");
      } catch (err) {
        const code = err.code;
        if (code === "ENOENT" && ignoreMissing) {
          ctx.log(`${STEP19}: ${rel} does not exist; skipped (ignoreMissingFiles)`);
          continue;
        }
        if (code === "ENOENT") {
          fieldError(
            STEP19,
            field,
            `${JSON.stringify(rel)}: no such file (set ignoreMissingFiles: true to skip missing files)`
          );
        }
        if (code === "EISDIR") fieldError(STEP19, field, `${JSON.stringify(rel)} is a directory`);
        throw err;
      }
      used.push(item);
      const doc = readDocument(rel, field, text3);
      if (!doc) continue;
      if (!merged) merged = doc;
      else merged.contents = mergeNodes(merged.contents, doc.contents);
    }
    const out = merged ? merged.toString() : "";
    const before = await readFile14(outAbs, "utf8").catch(() => void 0);
    const changed = before !== out;
    if (changed) {
      await mkdir8(path11.dirname(outAbs), { recursive: true });
      await writeFile12(outAbs, out);
    }
    return {
      ...used.length > 0 && { outputs: { commitMessage: yamlMergeCommitMessage(used, outRel) } },
      summary: changed ? [`- merged ${used.length} YAML file(s) into ${outShown}`] : [],
      changed: changed ? [outShown] : []
    };
  }
};

// src/promotion/steps/yaml-parse.ts
var import_yaml10 = __toESM(require_dist(), 1);
var STEP20 = "yaml-parse";
function parseYamlFile(step, rel, text3) {
  const docs = (0, import_yaml10.parseAllDocuments)(text3);
  const first = Array.isArray(docs) ? docs[0] : void 0;
  if (!first || first.contents === null) {
    throw new ConfigError(`${step}: path ${JSON.stringify(rel)}: the file holds no YAML document`);
  }
  const error = first.errors[0];
  if (error) {
    const at = error.linePos?.[0];
    const where = at ? `${rel}:${at.line}:${at.col}` : rel;
    throw new ConfigError(`${step}: ${where}: not valid YAML: ${error.message.split("\n")[0]}`);
  }
  return first.toJS({ maxAliasCount: 100 });
}
var yamlParse = parseStep(STEP20, "YAML", parseYamlFile);

// src/promotion/steps/registry.ts
function defaultRegistry() {
  const steps = [
    yamlUpdate,
    jsonUpdate,
    kustomizeSetImage,
    helmUpdateChart,
    kustomizeBuild,
    helmTemplate,
    copy,
    deleteStep,
    composeOutput,
    fail,
    fileWrite,
    yamlParse,
    jsonParse,
    yamlMerge,
    http,
    httpDownload,
    tar,
    untar,
    gitClone,
    gitClear,
    gitCommit,
    gitPush,
    gitTag,
    ...GIT_PR_STEPS,
    argocdUpdate,
    tomlParse,
    tomlUpdate,
    ociDownload,
    ociPush,
    githubPush,
    argocdWait,
    setMetadata,
    setFreightAlias
  ];
  return new Map(steps.map((s) => [s.name, s]));
}

export {
  stepAlias,
  UNSUPPORTED_FUNCTIONS,
  STATUS_SIGNATURES,
  STEP_CTX_TYPE,
  runSteps,
  promotionName,
  defaultRegistry
};
