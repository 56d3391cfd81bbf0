import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  isRecord
} from "./55THRJYK.js";
import {
  BodyTooLargeError,
  readText
} from "./HSUCJ5W4.js";
import {
  parseDuration
} from "./XEBSUSON.js";
import {
  didYouMean,
  suggest
} from "./TFE6LUOK.js";
import {
  normalizeGitURL
} from "./KKJNXGQK.js";
import {
  ConfigError,
  errorMessage,
  fieldError
} from "./HQMHHTDW.js";

// src/verification/providers/fields.ts
function checkConfig(where, provider, config, fields) {
  if (!isRecord(config)) {
    throw new ConfigError(
      `${where}: must be a mapping with the fields of the ${provider} provider`
    );
  }
  for (const key of Object.keys(config)) {
    if (!fields.includes(key)) {
      const hint = didYouMean(key, fields);
      fieldError(
        where,
        key,
        `is not a field of the ${provider} provider${hint || ` (fields: ${fields.join(", ")})`}`
      );
    }
  }
  return config;
}
function optional(where, obj, field, ok, message) {
  const v = obj[field];
  if (v === void 0 || v === null) return void 0;
  if (!ok(v)) fieldError(where, field, typeof message === "string" ? message : message(v));
  return v;
}
var isString = (v) => typeof v === "string";
var isNonEmptyString = (v) => isString(v) && v.trim() !== "";
var isBool = (v) => typeof v === "boolean";
var isPositiveInt = (v) => typeof v === "number" && Number.isInteger(v) && v > 0;
function optionalString(where, obj, field) {
  return optional(where, obj, field, isString, "must be a string");
}
function optionalNonEmptyString(where, obj, field) {
  return optional(where, obj, field, isNonEmptyString, "must be a non-empty string");
}
function requiredString(where, obj, field) {
  const v = optionalNonEmptyString(where, obj, field);
  if (v === void 0) fieldError(where, field, "is required");
  return v;
}
function optionalBool(where, obj, field) {
  return optional(where, obj, field, isBool, "must be true or false");
}
function optionalPositiveInt(where, obj, field) {
  return optional(
    where,
    obj,
    field,
    isPositiveInt,
    (v) => `must be a whole number of seconds above 0, got ${JSON.stringify(v)}`
  );
}
function optionalTimeout(where, obj, field) {
  const v = obj[field];
  if (v === void 0 || v === null) return void 0;
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v <= 0) fieldError(where, field, "must be more than 0 seconds");
    return v * 1e3;
  }
  if (typeof v !== "string") fieldError(where, field, "must be a duration such as 30s, or seconds");
  let ms;
  try {
    ms = parseDuration(v);
  } catch (err) {
    fieldError(where, field, errorMessage(err));
  }
  if (ms <= 0) fieldError(where, field, "must be more than 0");
  return ms;
}
function httpURL(where, field, text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    fieldError(where, field, `${JSON.stringify(text)} is not an absolute URL (http://\u2026 or https://\u2026)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    fieldError(where, field, `must be an http:// or https:// URL, not ${JSON.stringify(text)}`);
  }
  return url;
}
var HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
function headers(where, obj, field) {
  const v = obj[field];
  if (v === void 0 || v === null) return [];
  const out = [];
  const add = (at, name, value) => {
    if (typeof name !== "string" || !HEADER_NAME.test(name)) {
      fieldError(
        where,
        at,
        `header name must be a token such as Authorization, got ${JSON.stringify(name)}`
      );
    }
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
      fieldError(where, at, "header value must be a string");
    }
    const text = String(value);
    if (/[\r\n\0]/.test(text)) fieldError(where, at, "header value must not hold line breaks");
    out.push({ name, value: text });
  };
  if (Array.isArray(v)) {
    v.forEach((h, i) => {
      const at = `${field}[${i}]`;
      if (!isRecord(h)) fieldError(where, at, "must be a mapping {key: <name>, value: <value>}");
      for (const k of Object.keys(h)) {
        if (!["key", "name", "value"].includes(k)) {
          fieldError(where, `${at}.${k}`, "is not a header field (key or name, and value)");
        }
      }
      if (h.key !== void 0 && h.name !== void 0) {
        fieldError(where, at, "set key or name, not both");
      }
      add(at, h.key ?? h.name, h.value);
    });
  } else if (isRecord(v)) {
    for (const [name, value] of Object.entries(v)) add(`${field}.${name}`, name, value);
  } else {
    fieldError(where, field, "must be a list of {key, value} (or a mapping of name to value)");
  }
  return out;
}
var PLAIN_HEADERS = /* @__PURE__ */ new Set(["accept", "content-type", "user-agent", "accept-encoding"]);
function isSecretHeader(name) {
  return !PLAIN_HEADERS.has(name.toLowerCase());
}

// src/verification/providers/argocd.ts
var HEALTH_COOLDOWN_MS = 1e4;
var FIELDS = [
  "server",
  "applications",
  "namespace",
  "appNamespace",
  "project",
  "token",
  "insecure",
  "revision",
  "refresh",
  "requestTimeout"
];
var APP_FIELDS = ["name", "namespace", "appNamespace", "project"];
var DEFAULT_REQUEST_TIMEOUT = "10s";
var MAX_BODY_IN_MESSAGE = 300;
var K8S_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
function optionalString2(where, obj, field) {
  return optionalNonEmptyString(where, obj, field)?.trim();
}
function unknownFields(where, obj, allowed, prefix) {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) {
      const hint = suggest(k, allowed);
      fieldError(
        where,
        `${prefix}${k}`,
        `is not a field of the argocd provider${hint ? ` (did you mean ${hint}?)` : ""}`
      );
    }
  }
}
function namespaceOf(where, obj, prefix) {
  const a = optionalString2(where, obj, "namespace");
  const b = optionalString2(where, obj, "appNamespace");
  if (a !== void 0 && b !== void 0 && a !== b) {
    fieldError(
      where,
      `${prefix}appNamespace`,
      "names another namespace than namespace: use one of the two"
    );
  }
  const ns = a ?? b;
  if (ns !== void 0 && !K8S_NAME.test(ns)) {
    fieldError(where, `${prefix}namespace`, `"${ns}" is not a Kubernetes namespace name`);
  }
  return ns;
}
function serverUrl(where, field, text) {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url;
  try {
    url = new URL(withScheme);
  } catch {
    fieldError(where, field, `"${text}" is not a URL (expected https://argocd.example.com)`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    fieldError(where, field, `must be an http(s) URL, not "${text}"`);
  }
  if (url.username || url.password) {
    fieldError(where, field, "must not hold credentials: use token (or ARGOCD_AUTH_TOKEN)");
  }
  if (url.search || url.hash) fieldError(where, field, "must not have a query or fragment");
  return url.toString().replace(/\/+$/, "");
}
function parseApp(where, raw, i, defaults) {
  const prefix = `applications[${i}].`;
  let name;
  let namespace = defaults.namespace;
  let project = defaults.project;
  if (typeof raw === "string") {
    name = raw.trim();
  } else if (isRecord(raw)) {
    unknownFields(where, raw, APP_FIELDS, prefix);
    const n = optionalString2(where, raw, "name");
    if (n === void 0) fieldError(where, `${prefix}name`, "is required");
    name = n;
    namespace = namespaceOf(where, raw, prefix) ?? namespace;
    project = optionalString2(where, raw, "project") ?? project;
  } else {
    fieldError(where, `applications[${i}]`, "must be an application name or {name, namespace, project}");
  }
  const slash = name.indexOf("/");
  if (slash >= 0) {
    const ns = name.slice(0, slash);
    if (namespace !== void 0 && typeof raw !== "string" && namespace !== ns) {
      fieldError(where, `${prefix}name`, `says namespace ${ns} but namespace is ${namespace}`);
    }
    namespace = ns;
    name = name.slice(slash + 1);
    if (!K8S_NAME.test(namespace))
      fieldError(where, `applications[${i}]`, `"${ns}" is not a namespace name`);
  }
  if (!K8S_NAME.test(name) || name.length > 253) {
    fieldError(where, `applications[${i}]`, `"${name}" is not an Argo CD Application name`);
  }
  return {
    name,
    ...namespace !== void 0 && { namespace },
    ...project !== void 0 && { project }
  };
}
function parse(config, where) {
  if (!isRecord(config)) fieldError(where, "argocd", "must be a mapping");
  unknownFields(where, config, FIELDS, "");
  const namespace = namespaceOf(where, config, "");
  const project = optionalString2(where, config, "project");
  const apps = config.applications;
  if (!Array.isArray(apps) || apps.length === 0) {
    fieldError(where, "applications", "must list at least one Argo CD Application name");
  }
  const applications = apps.map(
    (a, i) => parseApp(where, a, i, {
      ...namespace !== void 0 && { namespace },
      ...project !== void 0 && { project }
    })
  );
  const seen = /* @__PURE__ */ new Set();
  applications.forEach((a, i) => {
    const key = `${a.namespace ?? ""}/${a.name}`;
    if (seen.has(key)) fieldError(where, `applications[${i}]`, `lists ${a.name} twice`);
    seen.add(key);
  });
  const insecure = config.insecure ?? false;
  if (typeof insecure !== "boolean") fieldError(where, "insecure", "must be true or false");
  let revision;
  if (config.revision !== void 0 && config.revision !== null) {
    if (typeof config.revision !== "string") fieldError(where, "revision", "must be a string");
    revision = config.revision.trim();
  }
  const refresh = config.refresh;
  if (refresh !== void 0 && refresh !== null && refresh !== "normal" && refresh !== "hard") {
    fieldError(where, "refresh", "must be normal or hard");
  }
  const timeoutText = optionalString2(where, config, "requestTimeout") ?? DEFAULT_REQUEST_TIMEOUT;
  let requestTimeoutMs;
  try {
    requestTimeoutMs = parseDuration(timeoutText);
  } catch (err) {
    fieldError(where, "requestTimeout", errorMessage(err));
  }
  if (requestTimeoutMs <= 0) fieldError(where, "requestTimeout", "must be more than 0");
  const server = optionalString2(where, config, "server");
  const token = optionalString2(where, config, "token");
  return {
    ...server !== void 0 && { server: serverUrl(where, "server", server) },
    applications,
    ...token !== void 0 && { token },
    insecure,
    ...revision !== void 0 && { revision },
    ...(refresh === "normal" || refresh === "hard") && { refresh },
    requestTimeoutMs
  };
}
function sourceMatches(entry, source) {
  if (source.chart || entry.chart) {
    return source.repoURL === entry.repoURL && source.chart === entry.chart;
  }
  return normalizeGitURL(source.repoURL ?? "") === normalizeGitURL(entry.repoURL);
}
var isSha = (r) => /^[0-9a-f]{7,64}$/i.test(r);
var short = (r) => /^[0-9a-f]{40,64}$/i.test(r) ? r.slice(0, 7) : r;
function sameRevision(observed, wanted) {
  if (!observed || !wanted) return false;
  if (isSha(observed) && isSha(wanted)) {
    const a = observed.toLowerCase();
    const b = wanted.toLowerCase();
    return a.startsWith(b) || b.startsWith(a);
  }
  return observed === wanted;
}
var nonEmpty = (xs) => (xs ?? []).filter((x) => typeof x === "string" && x !== "");
function assessApplication(ref, app, wanted, now) {
  const status = app.status ?? {};
  const sync = status.sync?.status || "Unknown";
  const revisions = nonEmpty(status.sync?.revisions).length ? nonEmpty(status.sync?.revisions) : nonEmpty([status.sync?.revision]);
  const health = status.health?.status ?? "";
  const op = status.operationState;
  const operation = op?.phase ?? "";
  const conditions = (status.conditions ?? []).filter((c) => c && typeof c.type === "string");
  const errorCondition = conditions.find((c) => /Error$/.test(c.type ?? ""));
  const message = (op?.message || status.health?.message || errorCondition?.message || "").trim();
  const base = {
    name: ref.name,
    ...ref.namespace !== void 0 && { namespace: ref.namespace },
    sync,
    revision: revisions.join(","),
    revisions,
    health: health || "Unknown",
    operation,
    message
  };
  const out = (state, reason) => ({
    ...base,
    state,
    reason
  });
  const at = revisions.length ? revisions.map(short).join(",") : "no revision";
  const want = wanted ? short(wanted) : "";
  const why = (text) => text ? `: ${oneLine(text)}` : "";
  const invalid = conditions.find((c) => c.type === "InvalidSpecError");
  if (invalid) return out("failed", `InvalidSpecError${why(invalid.message ?? "")}`);
  const inProgress = app.operation?.sync !== void 0 || operation === "Running" || operation === "Terminating" || op !== void 0 && !op.finishedAt;
  const opRevisions = nonEmpty([
    ...op?.syncResult?.revisions ?? [],
    op?.syncResult?.revision,
    ...op?.operation?.sync?.revisions ?? [],
    op?.operation?.sync?.revision
  ]);
  const opForTarget = !wanted || opRevisions.some((r) => sameRevision(r, wanted));
  if (!inProgress && (operation === "Failed" || operation === "Error") && opForTarget) {
    const to = opRevisions.find(isSha) ?? opRevisions[0];
    return out(
      "failed",
      `sync${to ? ` to ${short(to)}` : ""} ${operation}${why(op?.message ?? "")}`
    );
  }
  if (app.operation?.sync !== void 0) {
    const requested = nonEmpty([
      ...app.operation.sync.revisions ?? [],
      app.operation.sync.revision
    ]);
    const to = requested.find(isSha) ?? requested[0];
    return out("waiting", `sync requested${to ? ` to ${short(to)}` : ""}`);
  }
  if (inProgress) {
    const to = opRevisions.find(isSha) ?? opRevisions[0];
    return out(
      "waiting",
      `sync ${operation || "started"}${to ? ` to ${short(to)}` : ""}${why(op?.message ?? "")}`
    );
  }
  const atTarget = !wanted || revisions.some((r) => sameRevision(r, wanted));
  if (!atTarget) {
    const lastOp = operation === "Failed" || operation === "Error" ? `; last sync ${operation}${why(op?.message ?? "")}` : "";
    return out("waiting", `${sync} at ${at} (waiting for ${want})${lastOp}`);
  }
  const comparison = conditions.find((c) => c.type === "ComparisonError");
  if (comparison) return out("waiting", `ComparisonError${why(comparison.message ?? "")}`);
  if (wanted && op !== void 0) {
    const changed = status.health?.lastTransitionTime;
    const since = changed || op.finishedAt;
    const t = since ? Date.parse(since) : NaN;
    const age = now.getTime() - t;
    if (!Number.isNaN(t) && age < HEALTH_COOLDOWN_MS) {
      const seconds = Math.max(0, Math.round(age / 1e3));
      const event = changed ? "health changed" : "sync finished";
      return out(
        "waiting",
        `${health || "Unknown"} at ${at}, but the ${event} only ${seconds} s ago; waiting for Argo CD to reassess health`
      );
    }
  }
  if (health === "Degraded") {
    return out("failed", `Degraded at ${at}${why(status.health?.message ?? "")}`);
  }
  if (sync !== "Synced") return out("waiting", `${sync} at ${at}`);
  if (health !== "Healthy") {
    return out(
      "waiting",
      `Synced at ${at}, ${health || "no health yet"}${why(status.health?.message ?? "")}`
    );
  }
  return out("ready", `Synced at ${at} and Healthy`);
}
function oneLine(text) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > MAX_BODY_IN_MESSAGE ? `${flat.slice(0, MAX_BODY_IN_MESSAGE)}\u2026` : flat;
}
function scrub(text, secrets) {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join("***");
  return out;
}
function gatewayError(body) {
  try {
    const parsed = JSON.parse(body);
    if (isRecord(parsed)) {
      const m = parsed.message ?? parsed.error;
      if (typeof m === "string" && m) {
        return { message: m, ...typeof parsed.code === "number" && { code: parsed.code } };
      }
    }
  } catch {
  }
  return { message: oneLine(body) || "(empty body)" };
}
var ARGOCD_MAX_BODY_BYTES = 32 << 20;
var GRPC_NOT_FOUND = 5;
var appLabel = (ref) => ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
async function getApplication(ctx, config, server, token, ref, dispatcher) {
  const params = new URLSearchParams();
  if (ref.namespace) params.set("appNamespace", ref.namespace);
  if (ref.project) params.set("project", ref.project);
  if (config.refresh) params.set("refresh", config.refresh);
  const query = params.toString();
  const url = `${server}/api/v1/applications/${encodeURIComponent(ref.name)}${query ? `?${query}` : ""}`;
  const host = new URL(server).host;
  const label = appLabel(ref);
  const timeout = AbortSignal.timeout(config.requestTimeoutMs);
  const signal = AbortSignal.any([ctx.signal, timeout]);
  let status;
  let statusText;
  let body;
  try {
    const res = await ctx.fetch(url, {
      method: "GET",
      headers: { Accept: "application/json", Authorization: `Bearer ${token}` },
      signal,
      redirect: "follow",
      ...dispatcher && { dispatcher }
    });
    status = res.status;
    statusText = res.statusText;
    body = await readText(res, {
      url,
      maxBytes: ARGOCD_MAX_BODY_BYTES,
      what: "the Argo CD response"
    });
  } catch (err) {
    if (err instanceof BodyTooLargeError) throw err;
    if (timeout.aborted) {
      throw new Error(
        `Argo CD (${host}) did not answer for application ${label} within ${config.requestTimeoutMs / 1e3}s`,
        { cause: err }
      );
    }
    if (ctx.signal.aborted) {
      throw new Error(`request to Argo CD (${host}) was cancelled`, { cause: err });
    }
    const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : "";
    const tls = /certificate|self.signed|CERT_/i.test(cause) ? " (a self-signed certificate? set insecure: true to skip verification)" : "";
    throw new Error(
      scrub(`Argo CD (${host}) unreachable: ${errorMessage(err)}${cause}${tls}`, [token]),
      { cause: err }
    );
  }
  if (status === 200) {
    try {
      return JSON.parse(body);
    } catch {
      throw new Error(
        `Argo CD (${host}) answered application ${label} with a body that is not JSON: ${oneLine(body)}`
      );
    }
  }
  const what = `${status}${statusText ? ` ${statusText}` : ""}`;
  const { message: said, code } = gatewayError(body);
  let message;
  switch (status) {
    case 401:
      message = `Argo CD (${host}) rejected the token (${what}: ${said}): check token / ARGOCD_AUTH_TOKEN; it may have expired, been revoked, or belong to another Argo CD`;
      break;
    case 403:
      message = `Argo CD (${host}) denied access to application ${label} (${what}: ${said}): the token lacks 'applications, get' on it, or the application does not exist (Argo CD answers 403 for both${ref.project ? "" : "; set project to tell them apart"}); check the name and namespace`;
      break;
    case 404:
      message = code === GRPC_NOT_FOUND ? `application ${label} not found on Argo CD (${host}) (or the token cannot see it): ${said}` : `${host} answered ${what} for ${new URL(url).pathname}, not as Argo CD's API would (${said}): is server the Argo CD URL, with its --rootpath if it has one?`;
      break;
    default:
      message = `Argo CD (${host}) answered ${what} for application ${label}: ${said}`;
  }
  throw new Error(scrub(message, [token]));
}
function resolveConnection(config, ctx) {
  const token = config.token ?? ctx.env.ARGOCD_AUTH_TOKEN?.trim();
  if (token) ctx.secret(token);
  const server = config.server ?? ctx.env.ARGOCD_SERVER?.trim();
  const missing = [
    ...server ? [] : ["the Argo CD server (server, or ARGOCD_SERVER in the environment)"],
    ...token ? [] : ["a token (token, or ARGOCD_AUTH_TOKEN in the environment)"]
  ];
  if (!server || !token) throw new ConfigError(`argocd: ${missing.join(" and ")} is required`);
  return { server: config.server ?? serverUrl("argocd", "ARGOCD_SERVER", server), token };
}
function summarise(results, phase) {
  const show = (r) => `${r.namespace ? `${r.namespace}/` : ""}${r.name}: ${r.reason}`;
  if (phase === "Successful") {
    if (results.length === 1 && results[0]) return show(results[0]);
    return `${results.length} applications Synced and Healthy (${results.map((r) => r.name).join(", ")})`;
  }
  const first = phase === "Failed" ? "failed" : "waiting";
  const shown = results.filter((r) => r.state === first);
  const count = (state) => results.filter((r) => r.state === state).length;
  const also = ["waiting", "ready"].filter((state) => state !== first && count(state) > 0).map((state) => `${count(state)} ${state}`);
  return `${shown.map(show).join("; ")}${also.length ? `; also ${also.join(", ")}` : ""}`;
}
async function measure(config, ctx) {
  const { server, token } = resolveConnection(config, ctx);
  const wanted = config.revision === void 0 ? ctx.target.commit : config.revision || void 0;
  const dispatcher = config.insecure ? new (await import("./MGC6HNYU.js")).Agent({ connect: { rejectUnauthorized: false } }) : void 0;
  try {
    ctx.log(
      `argocd: ${config.applications.map(appLabel).join(", ")} on ${new URL(server).host}` + (wanted ? `, waiting for ${short(wanted)}` : ", revision not compared")
    );
    const apps = await Promise.all(
      config.applications.map((ref) => getApplication(ctx, config, server, token, ref, dispatcher))
    );
    const now = ctx.clock();
    const applications = apps.map(
      (app, i) => assessApplication(config.applications[i], app, wanted, now)
    );
    const phase = applications.some((a) => a.state === "failed") ? "Failed" : applications.some((a) => a.state === "waiting") ? "Inconclusive" : "Successful";
    const result = { revision: wanted ? short(wanted) : null, applications };
    return { result, phase, detail: scrub(summarise(applications, phase), [token]) };
  } finally {
    await dispatcher?.close();
  }
}
var argocd = { name: "argocd", parse, measure };

export {
  checkConfig,
  optionalString,
  optionalNonEmptyString,
  requiredString,
  optionalBool,
  optionalPositiveInt,
  optionalTimeout,
  httpURL,
  headers,
  isSecretHeader,
  sourceMatches,
  isSha,
  short,
  sameRevision,
  oneLine,
  scrub,
  gatewayError,
  ARGOCD_MAX_BODY_BYTES,
  getApplication,
  resolveConnection,
  argocd
};
