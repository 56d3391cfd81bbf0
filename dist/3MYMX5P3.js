import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  inGroup
} from "./K45NAUQ5.js";
import {
  Redactor
} from "./FNZOKEBV.js";
import {
  metricParts,
  renderMetric
} from "./UUREHCQQ.js";
import {
  argocd,
  checkConfig,
  headers,
  httpURL,
  isSecretHeader,
  optionalBool,
  optionalNonEmptyString,
  optionalPositiveInt,
  optionalString,
  optionalTimeout,
  requiredString
} from "./CMX6XCKP.js";
import {
  isRecord
} from "./55THRJYK.js";
import {
  BodyTooLargeError,
  readText
} from "./HSUCJ5W4.js";
import {
  formatDuration,
  parseDuration
} from "./XEBSUSON.js";
import {
  compileExpr,
  expectArgs,
  formatValue,
  hasExpression
} from "./TFABZY5Z.js";
import {
  suggest
} from "./TFE6LUOK.js";
import {
  compileRegex
} from "./JWBIZYSO.js";
import {
  ConfigError,
  errorMessage,
  fieldError
} from "./HQMHHTDW.js";

// src/verification/providers/command.ts
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
var FIELDS = ["run", "timeout", "env", "dir"];
var MAX_OUTPUT_BYTES = 1024 * 1024;
var KILL_GRACE_MS = 2e3;
var ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function envOf(where, v) {
  const out = {};
  const add = (at, name, value) => {
    if (typeof name !== "string" || !ENV_NAME.test(name)) {
      fieldError(where, at, `variable name must be letters, digits and _, got ${JSON.stringify(name)}`);
    }
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
      fieldError(where, at, "must be a string");
    }
    out[name] = String(value);
  };
  if (v === void 0 || v === null) return out;
  if (Array.isArray(v)) {
    v.forEach((e, i) => {
      if (!isRecord(e)) fieldError(where, `env[${i}]`, "must be a mapping {name, value}");
      add(`env[${i}]`, e.name, e.value);
    });
  } else if (isRecord(v)) {
    for (const [name, value] of Object.entries(v)) add(`env.${name}`, name, value);
  } else {
    fieldError(where, "env", "must be a mapping of variable names to values");
  }
  return out;
}
function parse(config, where) {
  const c = checkConfig(where, "command", config, FIELDS);
  const timeoutMs = optionalTimeout(where, c, "timeout");
  const dir = optionalString(where, c, "dir");
  if (dir === "") fieldError(where, "dir", "must not be empty");
  return {
    run: requiredString(where, c, "run"),
    ...timeoutMs !== void 0 && { timeoutMs },
    env: envOf(where, c.env),
    ...dir !== void 0 && { dir }
  };
}
var Capped = class {
  chunks = [];
  size = 0;
  truncated = false;
  push(b) {
    if (this.size >= MAX_OUTPUT_BYTES) {
      this.truncated = true;
      return;
    }
    const room = MAX_OUTPUT_BYTES - this.size;
    const part = b.length > room ? b.subarray(0, room) : b;
    if (part.length < b.length) this.truncated = true;
    this.chunks.push(part);
    this.size += part.length;
  }
  text() {
    return Buffer.concat(this.chunks).toString("utf8");
  }
};
function lastLine(text) {
  const lines = text.trim().split("\n");
  const line = (lines[lines.length - 1] ?? "").trim();
  return line.length > 200 ? `${line.slice(0, 199)}\u2026` : line;
}
async function measure(config, ctx) {
  const temp = config.dir === void 0 ? await mkdtemp(join(tmpdir(), "gantry-verify-")) : void 0;
  const cwd = temp ?? resolve(config.dir ?? ".");
  const env = {};
  for (const [k, v] of Object.entries(ctx.env)) if (v !== void 0) env[k] = v;
  Object.assign(env, {
    GANTRY_PROJECT: ctx.target.project,
    GANTRY_STAGE: ctx.target.stage,
    GANTRY_FREIGHT: ctx.target.freightId,
    GANTRY_FREIGHT_ALIAS: ctx.target.freightAlias,
    ...ctx.target.commit !== void 0 && { GANTRY_COMMIT: ctx.target.commit },
    ...config.env
  });
  try {
    return await new Promise((resolvePromise, reject) => {
      const child = spawn("/bin/sh", ["-c", config.run], {
        cwd,
        env,
        detached: true,
        // its own process group, so that stopping it stops its children too
        stdio: ["ignore", "pipe", "pipe"]
      });
      const stdout = new Capped();
      const stderr = new Capped();
      child.stdout.on("data", (b) => stdout.push(b));
      child.stderr.on("data", (b) => stderr.push(b));
      let stopped;
      let killTimer;
      const killGroup = (signal) => {
        try {
          if (child.pid !== void 0) process.kill(-child.pid, signal);
        } catch {
        }
      };
      const stop = (why) => {
        if (stopped !== void 0 || child.exitCode !== null) return;
        stopped = why;
        killGroup("SIGTERM");
        killTimer = setTimeout(() => killGroup("SIGKILL"), KILL_GRACE_MS);
        killTimer.unref();
      };
      const onAbort = () => stop("stopped");
      ctx.signal.addEventListener("abort", onAbort, { once: true });
      if (ctx.signal.aborted) onAbort();
      const timer = config.timeoutMs !== void 0 ? setTimeout(
        () => stop(`timed out after ${formatDuration(config.timeoutMs ?? 0)}`),
        config.timeoutMs
      ) : void 0;
      const cleanup = () => {
        ctx.signal.removeEventListener("abort", onAbort);
        if (timer) clearTimeout(timer);
      };
      child.once("error", (err) => {
        cleanup();
        reject(new Error(`command could not start: ${err.message}`));
      });
      child.once("close", (code, signal) => {
        cleanup();
        if (stopped !== void 0) killGroup("SIGKILL");
        if (killTimer) clearTimeout(killTimer);
        if (stdout.truncated) ctx.log("stdout was longer than 1 MiB and was cut");
        if (stderr.truncated) ctx.log("stderr was longer than 1 MiB and was cut");
        const err = stderr.text();
        if (stopped !== void 0) {
          reject(new Error(`command ${stopped}${err ? ` (stderr: ${lastLine(err)})` : ""}`));
          return;
        }
        if (code === null) {
          reject(
            new Error(
              `command was killed by ${signal ?? "a signal"}${err ? ` (stderr: ${lastLine(err)})` : ""}`
            )
          );
          return;
        }
        const out = stdout.text();
        let json = null;
        if (out.trim() !== "") {
          try {
            json = JSON.parse(out);
          } catch {
            json = null;
          }
        }
        const tail = code !== 0 ? lastLine(err) || lastLine(out) : "";
        resolvePromise({
          result: { exitCode: code, stdout: out, stderr: err, json },
          phase: code === 0 ? "Successful" : "Failed",
          detail: `exit status ${code}${tail ? `: ${tail}` : ""}`
        });
      });
    });
  } finally {
    if (temp !== void 0) await rm(temp, { recursive: true, force: true });
  }
}
var command = { name: "command", parse, measure };

// src/verification/providers/datadog.ts
var DATADOG_AGGREGATORS = [
  "avg",
  "min",
  "max",
  "sum",
  "last",
  "percentile",
  "mean",
  "l2norm",
  "area"
];
var FIELDS2 = [
  "apiVersion",
  "query",
  "queries",
  "formula",
  "interval",
  "aggregator",
  "address",
  "site",
  "apiKey",
  "appKey",
  "requestTimeout"
];
var DEFAULT_SITE = "datadoghq.com";
var DEFAULT_INTERVAL = "5m";
var DEFAULT_REQUEST_TIMEOUT = "10s";
var QUERY_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
var MAX_BODY_IN_MESSAGE = 300;
function duration(where, field, text, minMs) {
  let ms;
  try {
    ms = parseDuration(text);
  } catch (err) {
    fieldError(where, field, errorMessage(err));
  }
  if (ms < minMs) fieldError(where, field, `must be at least ${minMs / 1e3}s, not "${text}"`);
  return ms;
}
function httpUrl(where, field, text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    fieldError(where, field, `"${text}" is not a URL (expected https://api.datadoghq.com or similar)`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    fieldError(where, field, `must be an http(s) URL, not "${text}"`);
  }
  if (url.username || url.password) {
    fieldError(where, field, "must not hold credentials: use apiKey/appKey (or DD_API_KEY/DD_APP_KEY)");
  }
  return text.replace(/\/+$/, "");
}
function parse2(config, where) {
  if (!isRecord(config)) fieldError(where, "datadog", "must be a mapping");
  for (const k of Object.keys(config)) {
    if (!FIELDS2.includes(k)) {
      const hint = suggest(k, FIELDS2);
      fieldError(
        where,
        k,
        `is not a field of the datadog provider${hint ? ` (did you mean ${hint}?)` : ""}`
      );
    }
  }
  const version = config.apiVersion ?? "v1";
  if (version !== "v1" && version !== "v2") {
    fieldError(where, "apiVersion", `must be v1 or v2, not ${JSON.stringify(version)}`);
  }
  const query = optionalNonEmptyString(where, config, "query");
  const formula = optionalNonEmptyString(where, config, "formula");
  let queries;
  if (config.queries !== void 0 && config.queries !== null) {
    if (!isRecord(config.queries)) fieldError(where, "queries", "must be a mapping of name to query");
    queries = {};
    for (const [name, q] of Object.entries(config.queries)) {
      if (!QUERY_NAME.test(name)) {
        fieldError(
          where,
          `queries.${name}`,
          "a query name is a letter or _ followed by letters, digits or _"
        );
      }
      if (typeof q !== "string" || q.trim() === "") {
        fieldError(where, `queries.${name}`, "must be a non-empty string");
      }
      queries[name] = q;
    }
    if (Object.keys(queries).length === 0) fieldError(where, "queries", "must name at least one query");
  }
  if (query === void 0 && queries === void 0) {
    fieldError(where, "query", "is required (or, with apiVersion v2, queries)");
  }
  if (query !== void 0 && queries !== void 0) {
    fieldError(where, "queries", "cannot be used together with query: use one or the other");
  }
  if (version === "v1" && query === void 0) {
    fieldError(where, "queries", "needs apiVersion: v2 (v1 takes a single query)");
  }
  if (formula !== void 0 && queries === void 0) {
    fieldError(where, "formula", "needs queries (a formula combines named queries)");
  }
  if (version === "v1" && formula !== void 0) {
    fieldError(where, "formula", "needs apiVersion: v2");
  }
  if (formula === void 0 && queries !== void 0 && Object.keys(queries).length > 1) {
    fieldError(where, "formula", "is required when there are several queries (which one would decide?)");
  }
  let aggregator;
  if (config.aggregator !== void 0 && config.aggregator !== null) {
    if (version === "v1") fieldError(where, "aggregator", "needs apiVersion: v2 (v1 has no aggregator)");
    if (!DATADOG_AGGREGATORS.includes(config.aggregator)) {
      fieldError(where, "aggregator", `must be one of ${DATADOG_AGGREGATORS.join(", ")}`);
    }
    aggregator = config.aggregator;
  }
  const intervalText = optionalNonEmptyString(where, config, "interval") ?? DEFAULT_INTERVAL;
  const intervalMs = Math.floor(duration(where, "interval", intervalText, 1e3) / 1e3) * 1e3;
  const timeoutText = optionalNonEmptyString(where, config, "requestTimeout") ?? DEFAULT_REQUEST_TIMEOUT;
  const requestTimeoutMs = duration(where, "requestTimeout", timeoutText, 1);
  const address = optionalNonEmptyString(where, config, "address");
  let site = optionalNonEmptyString(where, config, "site");
  if (site !== void 0) {
    site = normaliseSite(site);
    if (!/^[a-z0-9.-]+$/i.test(site)) {
      fieldError(
        where,
        "site",
        `"${site}" is not a Datadog site such as datadoghq.eu or us3.datadoghq.com`
      );
    }
  }
  const apiKey = optionalNonEmptyString(where, config, "apiKey");
  const appKey = optionalNonEmptyString(where, config, "appKey");
  return {
    apiVersion: version,
    ...query !== void 0 && { query },
    ...queries !== void 0 && { queries },
    ...formula !== void 0 && { formula },
    intervalMs,
    ...aggregator !== void 0 && { aggregator },
    ...address !== void 0 && { address: httpUrl(where, "address", address) },
    ...site !== void 0 && { site },
    ...apiKey !== void 0 && { apiKey },
    ...appKey !== void 0 && { appKey },
    requestTimeoutMs
  };
}
function normaliseSite(site) {
  return site.trim().replace(/^https?:\/\//, "").replace(/\/+$/, "").replace(/^(app|api)\./, "");
}
function baseUrl(config, env) {
  if (config.address) return config.address;
  if (config.site) return `https://api.${config.site}`;
  const envAddress = env.DD_ADDRESS?.trim();
  if (envAddress) return envAddress.replace(/\/+$/, "");
  const envSite = env.DD_SITE?.trim();
  return `https://api.${envSite ? normaliseSite(envSite) : DEFAULT_SITE}`;
}
function keys(config, ctx) {
  const apiKey = config.apiKey ?? ctx.env.DD_API_KEY;
  const appKey = config.appKey ?? ctx.env.DD_APP_KEY;
  if (apiKey) ctx.secret(apiKey);
  if (appKey) ctx.secret(appKey);
  const missing = [
    ...apiKey ? [] : ["an API key (apiKey, or DD_API_KEY in the environment)"],
    ...appKey ? [] : ["an application key (appKey, or DD_APP_KEY in the environment)"]
  ];
  if (missing.length || !apiKey || !appKey) {
    throw new ConfigError(`datadog: ${missing.join(" and ")} is required`);
  }
  return { apiKey, appKey, secrets: [apiKey, appKey] };
}
function scrub(text, secrets) {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join("***");
  return out;
}
function clip(text) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > MAX_BODY_IN_MESSAGE ? `${flat.slice(0, MAX_BODY_IN_MESSAGE)}\u2026` : flat;
}
function errorText(body) {
  try {
    const parsed = JSON.parse(body);
    if (isRecord(parsed) && Array.isArray(parsed.errors) && parsed.errors.length) {
      return parsed.errors.map((e) => typeof e === "string" ? e : JSON.stringify(e)).join("; ");
    }
  } catch {
  }
  return clip(body) || "(empty body)";
}
function rateLimitText(headers2) {
  const h = (n) => headers2.get(n);
  const parts = [];
  const name = h("x-ratelimit-name");
  if (name) parts.push(`limit ${name}`);
  const limit = h("x-ratelimit-limit");
  const period = h("x-ratelimit-period");
  if (limit) parts.push(`${limit} requests${period ? ` per ${period}s` : ""}`);
  const remaining = h("x-ratelimit-remaining");
  if (remaining) parts.push(`${remaining} left`);
  const reset = h("x-ratelimit-reset");
  if (reset) parts.push(`resets in ${reset}s`);
  return parts.join(", ");
}
var DATADOG_MAX_BODY_BYTES = 8 << 20;
async function send(ctx, url, init, timeoutMs, secrets) {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = AbortSignal.any([ctx.signal, timeout]);
  const host = new URL(url).host;
  try {
    const res = await ctx.fetch(url, { ...init, signal, redirect: "follow" });
    const body = await readText(res, {
      url,
      maxBytes: DATADOG_MAX_BODY_BYTES,
      what: "the Datadog response"
    });
    return { status: res.status, statusText: res.statusText, headers: res.headers, body };
  } catch (err) {
    if (err instanceof BodyTooLargeError) throw err;
    if (timeout.aborted) {
      throw new Error(`Datadog API request to ${host} timed out after ${timeoutMs / 1e3}s`, {
        cause: err
      });
    }
    if (ctx.signal.aborted) {
      throw new Error(`Datadog API request to ${host} was cancelled`, { cause: err });
    }
    const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : "";
    throw new Error(
      scrub(`Datadog API request to ${host} failed: ${errorMessage(err)}${cause}`, secrets),
      { cause: err }
    );
  }
}
function checkStatus(sent, route, secrets) {
  if (sent.status === 200) return;
  const what = `${sent.status}${sent.statusText ? ` ${sent.statusText}` : ""}`;
  const text = errorText(sent.body);
  let message;
  if (sent.status === 401 || sent.status === 403) {
    message = `Datadog refused the keys for ${route} (${what}: ${text}); check the API and application keys (apiKey/appKey or DD_API_KEY/DD_APP_KEY), that they belong to this site, and that the application key may query timeseries (timeseries_query)`;
  } else if (sent.status === 429) {
    const limits = rateLimitText(sent.headers);
    message = `Datadog rate limit hit on ${route} (${what}${limits ? `; ${limits}` : ""}): poll less often (the metric interval) or ask Datadog support to raise it`;
  } else {
    message = `Datadog answered ${what} to ${route}: ${text}`;
  }
  throw new Error(scrub(message, secrets));
}
function parseJson(sent, route) {
  try {
    return JSON.parse(sent.body);
  } catch {
    throw new Error(`Datadog answered ${route} with a body that is not JSON: ${clip(sent.body)}`);
  }
}
var fmt = (n) => Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(6)));
var window = (ms) => ms % 36e5 === 0 ? `${ms / 36e5}h` : ms % 6e4 === 0 ? `${ms / 6e4}m` : `${ms / 1e3}s`;
async function measureV1(config, ctx, base, k) {
  const query = config.query ?? "";
  const to = Math.floor(ctx.clock().getTime() / 1e3);
  const from = to - config.intervalMs / 1e3;
  const params = new URLSearchParams({ from: String(from), to: String(to), query });
  const route = "GET /api/v1/query";
  ctx.log(
    `datadog: ${route} on ${new URL(base).host}, last ${window(config.intervalMs)}: ${query}`
  );
  const sent = await send(
    ctx,
    `${base}/api/v1/query?${params}`,
    {
      method: "GET",
      headers: {
        Accept: "application/json",
        "DD-API-KEY": k.apiKey,
        "DD-APPLICATION-KEY": k.appKey
      }
    },
    config.requestTimeoutMs,
    k.secrets
  );
  checkStatus(sent, route, k.secrets);
  const body = parseJson(sent, route);
  if (!isRecord(body)) throw new Error(`Datadog answered ${route} with ${clip(sent.body)}`);
  if (body.status === "error" || typeof body.error === "string" && body.error) {
    throw new Error(
      `Datadog could not run the query: ${String(body.error ?? body.message ?? "error")}`
    );
  }
  const series = Array.isArray(body.series) ? body.series : [];
  const first = series[0];
  const points = isRecord(first) && Array.isArray(first.pointlist) ? first.pointlist : [];
  const last = points[points.length - 1];
  if (!Array.isArray(last)) {
    return {
      result: null,
      detail: `no data in the last ${window(config.intervalMs)}; result is null (conditions can use default(result, 0))`
    };
  }
  if (last.length !== 2) throw new Error("Datadog returned a point that does not have 2 values");
  const [ts, value] = last;
  if (value === null) {
    return {
      result: null,
      detail: `the last point of the series has no value; result is null (conditions can use default(result, 0))`
    };
  }
  if (typeof value !== "number")
    throw new Error(`Datadog returned a non-numeric point value ${JSON.stringify(value)}`);
  const at = typeof ts === "number" ? ` at ${new Date(ts).toISOString()}` : "";
  const more = series.length > 1 ? ` (first of ${series.length} series)` : "";
  return { result: value, detail: `${fmt(value)}${at}${more}` };
}
async function measureV2(config, ctx, base, k) {
  const queries = config.queries ?? { query: config.query ?? "" };
  const aggregator = config.aggregator ?? "last";
  const to = Math.floor(ctx.clock().getTime() / 1e3) * 1e3;
  const from = to - config.intervalMs;
  const payload = {
    data: {
      type: "scalar_request",
      attributes: {
        from,
        to,
        queries: Object.entries(queries).map(([name, query]) => ({
          aggregator,
          data_source: "metrics",
          name,
          query
        })),
        formulas: config.formula ? [{ formula: config.formula }] : []
      }
    }
  };
  const route = "POST /api/v2/query/scalar";
  const shown = config.formula ?? Object.values(queries)[0] ?? "";
  ctx.log(
    `datadog: ${route} on ${new URL(base).host}, last ${window(config.intervalMs)}, ${aggregator}: ${shown}`
  );
  const sent = await send(
    ctx,
    `${base}/api/v2/query/scalar`,
    {
      method: "POST",
      headers: {
        Accept: "application/json",
        "Content-Type": "application/json",
        "DD-API-KEY": k.apiKey,
        "DD-APPLICATION-KEY": k.appKey
      },
      body: JSON.stringify(payload)
    },
    config.requestTimeoutMs,
    k.secrets
  );
  checkStatus(sent, route, k.secrets);
  const body = parseJson(sent, route);
  const data = isRecord(body) && isRecord(body.data) ? body.data : void 0;
  if (data && typeof data.errors === "string" && data.errors) {
    throw new Error(`Datadog reported errors in the query: ${data.errors}`);
  }
  const attributes = data && isRecord(data.attributes) ? data.attributes : void 0;
  const columns = attributes && Array.isArray(attributes.columns) ? attributes.columns.filter(isRecord) : [];
  const numbers = columns.find((c) => c.type === void 0 || c.type === "" || c.type === "number");
  const groups = columns.filter((c) => c.type === "group");
  const raw = numbers && Array.isArray(numbers.values) ? numbers.values : [];
  const values = [];
  const labels = [];
  raw.forEach((v, i) => {
    if (v === null) return;
    if (typeof v !== "number") {
      throw new Error(
        `Datadog returned a non-numeric value ${JSON.stringify(v)} in column ${String(numbers?.name)}`
      );
    }
    values.push(v);
    if (groups.length) labels.push(groupLabel(groups, i));
  });
  if (values.length === 0) {
    return {
      result: null,
      detail: `no data in the last ${window(config.intervalMs)}; result is null (conditions can use default(result, 0))`
    };
  }
  if (!groups.length) {
    const value = values[0];
    return {
      result: value,
      detail: `${fmt(value)} (${aggregator} over ${window(config.intervalMs)})`
    };
  }
  const shownGroups = values.slice(0, 5).map((v, i) => `${labels[i]}=${fmt(v)}`).join(", ");
  return {
    result: values,
    detail: `${values.length} group${values.length === 1 ? "" : "s"}: ${shownGroups}${values.length > 5 ? ", \u2026" : ""}`
  };
}
function groupLabel(groups, row) {
  const parts = [];
  for (const g of groups) {
    const cell = Array.isArray(g.values) ? g.values[row] : void 0;
    if (!Array.isArray(cell) || cell.length === 0) {
      throw new Error(`Datadog returned no group label for row ${row}`);
    }
    parts.push(...cell.map(String));
  }
  return parts.join(",");
}
async function measure2(config, ctx) {
  const k = keys(config, ctx);
  const base = baseUrl(config, ctx.env);
  return config.apiVersion === "v1" ? measureV1(config, ctx, base, k) : measureV2(config, ctx, base, k);
}
var datadog = { name: "datadog", parse: parse2, measure: measure2 };

// src/verification/providers/github.ts
var FIELDS3 = ["checks", "ignore", "ref", "includeStatuses", "includeCheckRuns"];
var MAX_NAMES_IN_DETAIL = 5;
function globToRegExp(pattern) {
  const body = pattern.split("*").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  return compileRegex(`(?s)^${body}$`);
}
function nameList(where, obj, field) {
  const v = obj[field];
  if (v === void 0 || v === null) return void 0;
  if (!Array.isArray(v)) {
    fieldError(where, field, "must be a list of check names (check runs or status contexts)");
  }
  const out = [];
  v.forEach((item, i) => {
    if (typeof item !== "string" || item.trim() === "") {
      fieldError(where, `${field}[${i}]`, "must be a non-empty check name");
    }
    const name = item.trim();
    const earlier = out.indexOf(name);
    if (earlier >= 0) fieldError(where, `${field}[${i}]`, `repeats ${field}[${earlier}] (${name})`);
    out.push(name);
  });
  return out;
}
function parse3(config, where) {
  const c = checkConfig(where, "github", config, FIELDS3);
  const checks = nameList(where, c, "checks");
  if (checks !== void 0 && checks.length === 0) {
    fieldError(
      where,
      "checks",
      "must list at least one check name (leave it out to require every check)"
    );
  }
  const ignore = nameList(where, c, "ignore") ?? [];
  checks?.forEach((name, i) => {
    if (name.includes("*")) return;
    const j = ignore.findIndex((pattern) => globToRegExp(pattern).test(name));
    if (j >= 0) fieldError(where, `checks[${i}]`, `${name} is also ignored (ignore[${j}]: ${ignore[j]})`);
  });
  const ref = optionalString(where, c, "ref")?.trim();
  if (ref === "") fieldError(where, "ref", "must not be empty (leave it out for the promotion commit)");
  const includeCheckRuns = optionalBool(where, c, "includeCheckRuns") ?? true;
  const includeStatuses = optionalBool(where, c, "includeStatuses") ?? true;
  if (!includeCheckRuns && !includeStatuses) {
    fieldError(where, "includeStatuses", "and includeCheckRuns are both false: there is nothing to read");
  }
  return {
    ...checks !== void 0 && { checks },
    ignore,
    ...ref !== void 0 && { ref },
    includeCheckRuns,
    includeStatuses
  };
}
function checkRunState(run) {
  if (run.status !== "completed") return "pending";
  switch (run.conclusion) {
    case "success":
      return "success";
    case "neutral":
      return "neutral";
    case "skipped":
      return "skipped";
    case "failure":
    case "cancelled":
    case "timed_out":
    case "action_required":
      return "failure";
    default:
      return "pending";
  }
}
function statusState(s) {
  switch (s.state) {
    case "success":
      return "success";
    case "failure":
    case "error":
      return "failure";
    default:
      return "pending";
  }
}
var passed = (c) => c.state === "success" || c.state === "neutral" || c.state === "skipped";
var short = (ref) => /^[0-9a-f]{40,64}$/i.test(ref) ? ref.slice(0, 7) : ref;
function names(list) {
  const shown = [...list].sort((a, b) => a.localeCompare(b)).slice(0, MAX_NAMES_IN_DETAIL).join(", ");
  const more = list.length - MAX_NAMES_IN_DETAIL;
  return more > 0 ? `${shown} and ${more} more` : shown;
}
function assessChecks(config, ref, reported) {
  const ignored = config.ignore.map(globToRegExp);
  const present = reported.filter((c) => !ignored.some((re) => re.test(c.name)));
  let deciding;
  let missing = [];
  if (config.checks) {
    const required = config.checks.map((name) => ({ name, re: globToRegExp(name) }));
    deciding = present.filter((c) => required.some((r) => r.re.test(c.name)));
    missing = required.filter((r) => !present.some((c) => r.re.test(c.name))).map((r) => r.name);
  } else {
    deciding = present;
  }
  const failed = deciding.filter((c) => c.state === "failure");
  const succeeded = deciding.filter(passed);
  const running = deciding.filter((c) => c.state === "pending");
  const result = {
    ref,
    checks: deciding,
    missing,
    pending: running.length + missing.length,
    failed: failed.length,
    succeeded: succeeded.length
  };
  const total = deciding.length + missing.length;
  const what = [
    config.includeCheckRuns && "check runs",
    config.includeStatuses && "commit statuses"
  ].filter(Boolean).join(" or ");
  let phase;
  let detail;
  if (failed.length > 0) {
    phase = "Failed";
    detail = `failed: ${names(failed.map((c) => `${c.name} (${c.conclusion ?? c.state})`))}`;
    if (total > failed.length) detail += `; ${succeeded.length} of ${total} checks passed`;
  } else if (total === 0) {
    phase = "Inconclusive";
    detail = `no ${what} on ${short(ref)} yet${reported.length > 0 ? ` (${reported.length} ignored)` : ""}`;
  } else if (result.pending === 0) {
    phase = "Successful";
    detail = total === 1 ? `1 check passed: ${deciding[0]?.name}` : `all ${total} checks passed`;
  } else {
    phase = "Inconclusive";
    const waiting = [
      ...running.map((c) => c.name),
      ...missing.map((name) => `${name} (not reported yet)`)
    ];
    detail = `${succeeded.length} of ${total} checks passed; waiting for ${names(waiting)}`;
  }
  return { result, phase, detail };
}
async function measure3(config, ctx) {
  const github2 = ctx.github;
  if (!github2) {
    throw new ConfigError(
      "github: the github provider needs a token for the GitOps repository on GitHub (the verify step's token and a repository given as owner/name, with checks: read and statuses: read)"
    );
  }
  const ref = config.ref ?? ctx.target.commit;
  if (!ref) {
    throw new ConfigError(
      "github: the promotion commit is not known, so there are no checks to read: set ref"
    );
  }
  ctx.log(
    `github: reading the ${[
      config.includeCheckRuns && "check runs",
      config.includeStatuses && "commit statuses"
    ].filter(Boolean).join(" and ")} of ${short(ref)}`
  );
  const [runs, combined] = await Promise.all([
    config.includeCheckRuns ? github2.checkRuns(ref) : Promise.resolve([]),
    config.includeStatuses ? github2.commitStatuses(ref) : Promise.resolve(void 0)
  ]);
  const reported = [
    ...runs.map((r) => ({
      name: r.name,
      kind: "check-run",
      state: checkRunState(r),
      conclusion: r.conclusion,
      url: r.url
    })),
    ...(combined?.statuses ?? []).map((s) => ({
      name: s.context,
      kind: "status",
      state: statusState(s),
      conclusion: s.state,
      url: s.targetUrl
    }))
  ];
  return assessChecks(config, ref, reported);
}
var github = { name: "github", parse: parse3, measure: measure3 };

// src/verification/providers/json-path.ts
var JsonPathError = class extends Error {
  name = "JsonPathError";
};
function parseJsonPath(text) {
  let s = text.trim();
  if (s.startsWith("{") && s.endsWith("}")) s = s.slice(1, -1).trim();
  if (s.startsWith("$")) s = s.slice(1);
  const out = [];
  let i = 0;
  const unsupported = (what) => {
    throw new JsonPathError(
      `jsonPath ${JSON.stringify(text)}: ${what} is not supported (use fields and indexes, e.g. {$.items[0].value})`
    );
  };
  while (i < s.length) {
    const c = s[i];
    if (c === ".") {
      if (s[i + 1] === ".") unsupported("recursive descent (..)");
      const m = /^[A-Za-z0-9_-]+/.exec(s.slice(i + 1));
      if (!m) {
        if (s[i + 1] === "*") unsupported("the wildcard *");
        throw new JsonPathError(
          `jsonPath ${JSON.stringify(text)}: expected a field name after "."`
        );
      }
      out.push(m[0]);
      i += 1 + m[0].length;
    } else if (c === "[") {
      const end = s.indexOf("]", i);
      if (end < 0) throw new JsonPathError(`jsonPath ${JSON.stringify(text)}: missing "]"`);
      const inner = s.slice(i + 1, end).trim();
      const quoted = /^(['"])(.*)\1$/.exec(inner);
      if (quoted) out.push(quoted[2] ?? "");
      else if (/^-?\d+$/.test(inner)) out.push(Number(inner));
      else if (inner === "*") unsupported("the wildcard [*]");
      else if (inner.startsWith("?")) unsupported("a filter [?()]");
      else if (inner.includes(":")) unsupported("a slice [a:b]");
      else if (inner.includes(",")) unsupported("a union [a,b]");
      else throw new JsonPathError(`jsonPath ${JSON.stringify(text)}: cannot read [${inner}]`);
      i = end + 1;
    } else if (c === " ") {
      i++;
    } else {
      throw new JsonPathError(
        `jsonPath ${JSON.stringify(text)}: unexpected ${JSON.stringify(c)} at ${i}`
      );
    }
  }
  return out;
}
function applyJsonPath(data, path) {
  let cur = data;
  let at = "$";
  for (const seg of path) {
    if (typeof seg === "number") {
      if (!Array.isArray(cur)) throw new JsonPathError(`${at} is not an array`);
      const index = seg < 0 ? cur.length + seg : seg;
      if (index < 0 || index >= cur.length) {
        throw new JsonPathError(`array index out of bounds: ${at}[${seg}] (length ${cur.length})`);
      }
      cur = cur[index];
      at += `[${seg}]`;
    } else {
      if (cur === null || typeof cur !== "object" || Array.isArray(cur)) {
        throw new JsonPathError(`${at} is not an object, so it has no field ${seg}`);
      }
      if (!Object.hasOwn(cur, seg)) throw new JsonPathError(`${seg} is not found in ${at}`);
      cur = cur[seg];
      at += `.${seg}`;
    }
  }
  return cur;
}

// src/verification/providers/request.ts
var MAX_BODY_BYTES = 1024 * 1024;
var insecureAgent;
function failure(err) {
  const cause = err.cause;
  if (cause instanceof Error) {
    const code = cause.code;
    const msg = cause.message || code || errorMessage(err);
    return code && !msg.includes(code) ? `${code}: ${msg}` : msg;
  }
  return errorMessage(err);
}
async function sendRequest(ctx, url, opts) {
  if (opts.insecure) {
    insecureAgent ??= new (await import("./MGC6HNYU.js")).Agent({
      connect: { rejectUnauthorized: false }
    });
  }
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new Error("request timeout")), opts.timeoutMs);
  const signal = AbortSignal.any([ctx.signal, timeout.signal]);
  const headers2 = new Headers();
  for (const h of opts.headers) headers2.append(h.name, h.value);
  if (!headers2.has("user-agent")) headers2.set("user-agent", "gantry");
  const what = `${opts.method} ${url}`;
  try {
    const init = {
      method: opts.method,
      headers: headers2,
      signal,
      redirect: "follow",
      ...opts.body !== void 0 && { body: opts.body },
      ...opts.insecure && insecureAgent && { dispatcher: insecureAgent }
    };
    const res = await ctx.fetch(url, init);
    const text = await readText(res, { url, maxBytes: MAX_BODY_BYTES, what: "the response" });
    const out = {};
    res.headers.forEach((value, name) => {
      out[name] = value;
    });
    return { status: res.status, statusText: res.statusText, headers: out, text };
  } catch (err) {
    if (err instanceof BodyTooLargeError) throw err;
    if (timeout.signal.aborted && !ctx.signal.aborted) {
      throw new Error(`${what}: no response within ${formatDuration(opts.timeoutMs)}`, {
        cause: err
      });
    }
    if (ctx.signal.aborted) throw err;
    throw new Error(`${what}: ${failure(err)}`, { cause: err });
  } finally {
    clearTimeout(timer);
  }
}
function snippet(text, max = 200) {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1)}\u2026` : one;
}

// src/verification/providers/http.ts
var FIELDS4 = [
  "url",
  "method",
  "headers",
  "body",
  "jsonBody",
  "timeoutSeconds",
  "jsonPath",
  "insecure"
];
var METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
var DEFAULT_HTTP_TIMEOUT_SECONDS = 10;
function parse4(config, where) {
  const c = checkConfig(where, "http", config, FIELDS4);
  const url = httpURL(where, "url", requiredString(where, c, "url")).toString();
  const method = (optionalString(where, c, "method") ?? "GET").toUpperCase();
  if (!METHODS.includes(method)) {
    fieldError(where, "method", `must be one of ${METHODS.join(", ")}, not ${JSON.stringify(c.method)}`);
  }
  const hs = headers(where, c, "headers");
  const body = optionalString(where, c, "body");
  const hasJsonBody = c.jsonBody !== void 0 && c.jsonBody !== null;
  if (body !== void 0 && hasJsonBody) {
    fieldError(where, "jsonBody", "use either body or jsonBody, not both");
  }
  if ((body !== void 0 || hasJsonBody) && method === "GET") {
    fieldError(
      where,
      body !== void 0 ? "body" : "jsonBody",
      "needs method POST, PUT, PATCH or DELETE"
    );
  }
  let sent = body;
  if (hasJsonBody) {
    sent = JSON.stringify(c.jsonBody);
    if (!hs.some((h) => h.name.toLowerCase() === "content-type")) {
      hs.push({ name: "Content-Type", value: "application/json" });
    }
  }
  const timeoutSeconds = optionalPositiveInt(where, c, "timeoutSeconds") ?? DEFAULT_HTTP_TIMEOUT_SECONDS;
  const jsonPath = optionalString(where, c, "jsonPath");
  let path = [];
  if (jsonPath !== void 0) {
    try {
      path = parseJsonPath(jsonPath);
    } catch (err) {
      fieldError(where, "jsonPath", err.message);
    }
  }
  return {
    url,
    method,
    headers: hs,
    ...sent !== void 0 && { body: sent },
    timeoutMs: timeoutSeconds * 1e3,
    ...jsonPath !== void 0 && { jsonPath },
    path,
    insecure: optionalBool(where, c, "insecure") ?? false
  };
}
async function measure4(config, ctx) {
  for (const h of config.headers) if (isSecretHeader(h.name)) ctx.secret(h.value);
  const res = await sendRequest(ctx, config.url, {
    method: config.method,
    headers: config.headers,
    ...config.body !== void 0 && { body: config.body },
    timeoutMs: config.timeoutMs,
    insecure: config.insecure
  });
  if (res.status < 200 || res.status >= 300) {
    const body = snippet(res.text);
    throw new Error(
      `received non 2xx response code: ${res.status}${body ? ` (body: ${body})` : ""}`
    );
  }
  let data;
  let json = true;
  try {
    data = JSON.parse(res.text);
  } catch {
    json = false;
    data = res.text;
  }
  let result = data;
  if (json && config.path.length > 0) {
    try {
      result = applyJsonPath(data, config.path);
    } catch (err) {
      if (!(err instanceof JsonPathError)) throw err;
      throw new Error(
        `could not find jsonPath ${config.jsonPath ?? ""} in the body: ${err.message}`,
        { cause: err }
      );
    }
  } else if (!json && config.path.length > 0) {
    ctx.log(`the body is not JSON, so jsonPath ${config.jsonPath ?? ""} is not applied`);
  }
  return {
    result,
    vars: { response: { status: res.status, headers: res.headers } }
  };
}
var http = { name: "http", parse: parse4, measure: measure4 };

// src/verification/providers/prometheus.ts
var FIELDS5 = ["address", "query", "timeout", "headers", "insecure"];
var DEFAULT_PROMETHEUS_TIMEOUT_MS = 3e4;
function parse5(config, where) {
  const c = checkConfig(where, "prometheus", config, FIELDS5);
  const address = httpURL(where, "address", requiredString(where, c, "address")).toString().replace(/\/+$/, "");
  return {
    address,
    query: requiredString(where, c, "query"),
    timeoutMs: optionalTimeout(where, c, "timeout") ?? DEFAULT_PROMETHEUS_TIMEOUT_MS,
    headers: headers(where, c, "headers"),
    insecure: optionalBool(where, c, "insecure") ?? false
  };
}
function sampleValue(text) {
  if (text === "+Inf" || text === "Inf") return Infinity;
  if (text === "-Inf") return -Infinity;
  if (text === "NaN") return NaN;
  const n = typeof text === "string" ? Number(text) : NaN;
  if (Number.isNaN(n))
    throw new Error(
      `Prometheus returned a sample value that is not a number: ${JSON.stringify(text)}`
    );
  return n;
}
function show(n) {
  if (Number.isNaN(n)) return "NaN";
  if (n === Infinity) return "+Inf";
  if (n === -Infinity) return "-Inf";
  return String(n);
}
function answerOf(res) {
  let body;
  try {
    body = JSON.parse(res.text);
  } catch {
    const text = snippet(res.text);
    throw new Error(
      `server returned HTTP status ${res.status} ${res.statusText}`.trim() + (res.status >= 200 && res.status < 300 ? ` with a body that is not JSON: ${text}` : text ? `: ${text}` : "")
    );
  }
  if (body === null || typeof body !== "object") {
    throw new Error(`Prometheus answered ${snippet(res.text)}, not an API response`);
  }
  const answer = body;
  if (answer.status === "error") {
    throw new Error(`${answer.errorType ?? "error"}: ${answer.error ?? "(no message)"}`);
  }
  if (res.status < 200 || res.status >= 300) {
    throw new Error(`server returned HTTP status ${res.status} ${res.statusText}`.trim());
  }
  return answer;
}
async function measure5(config, ctx) {
  for (const h of config.headers) if (isSecretHeader(h.name)) ctx.secret(h.value);
  const url = `${config.address}/api/v1/query`;
  const params = new URLSearchParams({
    query: config.query,
    time: (ctx.clock().getTime() / 1e3).toFixed(3)
  });
  const common = { timeoutMs: config.timeoutMs, insecure: config.insecure };
  let res = await sendRequest(ctx, url, {
    ...common,
    method: "POST",
    headers: [
      ...config.headers,
      { name: "Content-Type", value: "application/x-www-form-urlencoded" }
    ],
    body: params.toString()
  });
  if (res.status === 405 || res.status === 501) {
    res = await sendRequest(ctx, `${url}?${params.toString()}`, {
      ...common,
      method: "GET",
      headers: config.headers
    });
  }
  const answer = answerOf(res);
  for (const w of answer.warnings ?? []) ctx.log(`Prometheus warning: ${String(w)}`);
  const type = answer.data?.resultType;
  const data = answer.data?.result;
  if (type === "vector" && Array.isArray(data)) {
    const values = data.map((sample) => {
      const value = sample?.value;
      return sampleValue(Array.isArray(value) ? value[1] : void 0);
    });
    return { result: values, detail: `[${values.map(show).join(",")}]` };
  }
  if (type === "scalar" && Array.isArray(data)) {
    const value = sampleValue(data[1]);
    return { result: value, detail: show(value) };
  }
  throw new Error(
    `Prometheus metric type not supported: ${type ?? "no resultType"} (use a query that returns a vector or a scalar)`
  );
}
var prometheus = {
  name: "prometheus",
  parse: parse5,
  measure: measure5
};

// src/verification/providers/index.ts
function defaultProviders() {
  const providers = [
    http,
    prometheus,
    command,
    datadog,
    argocd,
    github
  ];
  return new Map(providers.map((p) => [p.name, p]));
}

// src/verification/analysis.ts
import { setImmediate as yieldToEventLoop, setTimeout as delay } from "node:timers/promises";

// src/verification/conditions.ts
function toNumber(name, v) {
  if (typeof v === "number") return v;
  if (typeof v === "string") {
    const t = v.trim();
    const n = /^[+-]?inf(inity)?$/i.test(t) ? t.startsWith("-") ? -Infinity : Infinity : /^nan$/i.test(t) ? NaN : t === "" ? NaN : Number(t);
    if (!Number.isNaN(n) || /^nan$/i.test(t)) return n;
    throw new Error(`${name}(): cannot parse ${JSON.stringify(v)} as a number`);
  }
  throw new Error(`${name}() not supported on ${formatValue(v)}`);
}
var CONDITION_FUNCTIONS = {
  asInt: (args) => {
    const [v] = expectArgs("asInt", args, ["any"]);
    if (typeof v === "string" && !/^[+-]?\d+$/.test(v.trim())) {
      throw new Error(`asInt(): cannot parse ${JSON.stringify(v)} as an integer`);
    }
    return Math.trunc(toNumber("asInt", v));
  },
  asFloat: (args) => toNumber("asFloat", expectArgs("asFloat", args, ["any"])[0]),
  isNaN: (args) => Number.isNaN(expectArgs("isNaN", args, ["number"])[0]),
  isInf: (args) => {
    const [v] = expectArgs("isInf", args, ["number"]);
    return v === Infinity || v === -Infinity;
  },
  isNil: (args) => {
    const [v] = expectArgs("isNil", args, ["any"]);
    return v === null || v === void 0;
  },
  default: (args) => {
    const [v, d] = expectArgs("default", args, ["any", "any"]);
    return v === null || v === void 0 ? d : v;
  }
};
function evalCondition(field, source, env, interrupt) {
  let value;
  try {
    value = compileExpr(source).evaluate(env, {
      functions: CONDITION_FUNCTIONS,
      ...interrupt && { interrupt }
    });
  } catch (err) {
    throw new Error(`${field} ${JSON.stringify(source)}: ${errorMessage(err)}`, { cause: err });
  }
  if (typeof value !== "boolean") {
    const type = value === null || value === void 0 ? "nil" : typeof value;
    throw new Error(`${field} ${JSON.stringify(source)}: expected bool, but got ${type}`);
  }
  return value;
}
function assessMeasurement(conditions, env, providerPhase, interrupt) {
  const { successCondition: success, failureCondition: failure2 } = conditions;
  if (success === void 0 && failure2 === void 0) {
    return { phase: providerPhase ?? "Successful", message: "" };
  }
  let ok = false;
  let bad = false;
  try {
    if (success !== void 0) ok = evalCondition("successCondition", success, env, interrupt);
    if (failure2 !== void 0) bad = evalCondition("failureCondition", failure2, env, interrupt);
  } catch (err) {
    return { phase: "Error", message: errorMessage(err) };
  }
  if (failure2 !== void 0 && bad) {
    return { phase: "Failed", message: `failureCondition ${JSON.stringify(failure2)} is true` };
  }
  if (success !== void 0 && !ok && failure2 === void 0) {
    return { phase: "Failed", message: `successCondition ${JSON.stringify(success)} is false` };
  }
  if (success !== void 0 && !ok) {
    return {
      phase: "Inconclusive",
      message: `neither successCondition ${JSON.stringify(success)} nor failureCondition ${JSON.stringify(failure2)} is true`
    };
  }
  return {
    phase: "Successful",
    message: success !== void 0 ? `successCondition ${JSON.stringify(success)} is true` : `failureCondition ${JSON.stringify(failure2)} is false`
  };
}

// src/verification/analysis.ts
var DEFAULT_ERROR_RETRY_INTERVAL_MS = 1e4;
var MAX_VALUE_LENGTH = 500;
var realSleep = async (ms, signal) => {
  if (signal.aborted) return;
  try {
    await delay(ms, void 0, { signal });
  } catch {
  }
};
var SEVERITY = {
  Successful: 0,
  Inconclusive: 1,
  Error: 2,
  Failed: 3
};
function worstPhase(phases) {
  return phases.reduce(
    (worst, p) => SEVERITY[p] > SEVERITY[worst] ? p : worst,
    "Successful"
  );
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function compact(v, depth) {
  if (depth > 20) return "\u2026";
  if (v === null || v === void 0) return "null";
  if (typeof v === "number") {
    if (Number.isFinite(v)) return String(v);
    return Number.isNaN(v) ? "NaN" : v > 0 ? "+Inf" : "-Inf";
  }
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => compact(x, depth + 1)).join(",")}]`;
  if (typeof v === "object") {
    const entries = Object.entries(v);
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${compact(x, depth + 1)}`).join(",")}}`;
  }
  return String(v);
}
function formatResult(value) {
  const text = typeof value === "string" ? value : compact(value, 0);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}\u2026` : text;
}
function newResult(metric) {
  return {
    name: metric.name,
    provider: metric.provider.name,
    phase: "Skipped",
    message: "",
    measurements: [],
    count: 0,
    successful: 0,
    failed: 0,
    inconclusive: 0,
    error: 0,
    consecutiveError: 0
  };
}
function tally(r, phase) {
  switch (phase) {
    case "Successful":
      r.successful++;
      r.count++;
      r.consecutiveError = 0;
      break;
    case "Failed":
      r.failed++;
      r.count++;
      r.consecutiveError = 0;
      break;
    case "Inconclusive":
      r.inconclusive++;
      r.count++;
      r.consecutiveError = 0;
      break;
    case "Error":
      r.error++;
      r.consecutiveError++;
      break;
  }
}
function assessMetric(metric, r) {
  let decided;
  if (r.failed > metric.failureLimit) {
    decided = {
      phase: "Failed",
      reason: `failed (${r.failed}) > failureLimit (${metric.failureLimit})`
    };
  }
  if (r.inconclusive > metric.inconclusiveLimit) {
    decided = {
      phase: "Inconclusive",
      reason: `inconclusive (${r.inconclusive}) > inconclusiveLimit (${metric.inconclusiveLimit})`
    };
  }
  if (r.consecutiveError > metric.consecutiveErrorLimit) {
    decided = {
      phase: "Error",
      reason: `consecutiveErrors (${r.consecutiveError}) > consecutiveErrorLimit (${metric.consecutiveErrorLimit})`
    };
  }
  if (decided) return decided;
  if (r.count >= metric.count) {
    return { phase: "Successful", reason: `count (${metric.count}) reached` };
  }
  return void 0;
}
var WAITING_PROVIDERS = /* @__PURE__ */ new Set(["argocd", "github"]);
function assessWaiting(metric, r, last) {
  if (last === "Successful") {
    return {
      phase: "Successful",
      reason: `Successful after ${plural(r.measurements.length, "measurement")}`
    };
  }
  if (r.failed > metric.failureLimit) {
    return {
      phase: "Failed",
      reason: `failed (${r.failed}) > failureLimit (${metric.failureLimit})`
    };
  }
  if (r.consecutiveError > metric.consecutiveErrorLimit) {
    return {
      phase: "Error",
      reason: `consecutiveErrors (${r.consecutiveError}) > consecutiveErrorLimit (${metric.consecutiveErrorLimit})`
    };
  }
  if (r.count >= metric.count) {
    return {
      phase: "Inconclusive",
      reason: `still waiting after count (${metric.count}) measurements`
    };
  }
  return void 0;
}
function successMessage(metric, r) {
  const parts = [`${r.successful} Successful`];
  if (r.failed) parts.push(`${r.failed} Failed (failureLimit ${metric.failureLimit})`);
  if (r.inconclusive) {
    parts.push(`${r.inconclusive} Inconclusive (inconclusiveLimit ${metric.inconclusiveLimit})`);
  }
  if (r.error) parts.push(`${r.error} Error`);
  return `count (${metric.count}) reached: ${parts.join(", ")}`;
}
function lastDetail(r) {
  const last = r.measurements.at(-1);
  if (!last) return "";
  const why = last.message ?? "";
  const value = last.phase !== "Error" ? last.value : void 0;
  if (why) return value !== void 0 && value !== why ? `: ${why} (result ${value})` : `: ${why}`;
  return value !== void 0 ? `: ${value}` : "";
}
var Runner = class {
  constructor(opts) {
    this.opts = opts;
    this.clock = opts.clock ?? (() => /* @__PURE__ */ new Date());
    this.sleep = opts.sleep ?? realSleep;
    const log = opts.log ?? (() => void 0);
    this.log = (line) => log(this.redactor.redact(line));
    this.env = opts.env ?? {};
    this.errorRetryMs = opts.errorRetryIntervalMs ?? DEFAULT_ERROR_RETRY_INTERVAL_MS;
    this.redactor.add(...opts.secrets ?? []);
  }
  opts;
  redactor = new Redactor();
  /** Measurements that failed on configuration: they decide their metric at once. */
  fatal = /* @__PURE__ */ new WeakSet();
  clock;
  sleep;
  log;
  env;
  errorRetryMs;
  /** Aborted by the overall timeout or the caller's signal. */
  run = new AbortController();
  endReason = "";
  /** When the run times out, in `clock` milliseconds; set by start(). */
  deadline = Infinity;
  /** For expression evaluations: the reason the run ended, once it has. */
  interrupt = () => this.checkDeadline() ? this.endReason : void 0;
  now() {
    return this.clock().toISOString();
  }
  /** Ends the run when its deadline has passed (no timer needed). True once the run has ended. */
  checkDeadline() {
    if (!this.run.signal.aborted && this.clock().getTime() >= this.deadline) {
      this.timeOut();
    }
    return this.run.signal.aborted;
  }
  timeOut() {
    if (this.run.signal.aborted || this.opts.timeoutMs === void 0) return;
    this.endReason = `verification timed out after ${formatDuration(this.opts.timeoutMs)}`;
    this.run.abort(new Error(this.endReason));
  }
  /** Render, look up and parse every metric; the problems, one per failing metric. */
  prepare(states) {
    const problems = [];
    for (const state of states) {
      const { metric } = state;
      const where = `verification metric ${JSON.stringify(metric.name)}`;
      try {
        const provider = this.opts.providers.get(metric.provider.name);
        if (!provider) {
          const known = [...this.opts.providers.keys()].sort().join(", ");
          throw new Error(
            `${where}: provider ${JSON.stringify(metric.provider.name)} is not available (providers: ${known || "none"})`
          );
        }
        const rendered = renderMetric(where, metricParts(metric), this.opts.target, this.env, {
          ...this.opts.functions && { functions: this.opts.functions },
          interrupt: this.interrupt
        });
        this.redactor.add(...rendered.secrets);
        const config = provider.parse(rendered.config, `${where}: provider ${provider.name}`);
        state.prepared = {
          metric,
          provider,
          config,
          ...rendered.successCondition !== void 0 && {
            successCondition: rendered.successCondition
          },
          ...rendered.failureCondition !== void 0 && {
            failureCondition: rendered.failureCondition
          }
        };
      } catch (err) {
        const message = errorMessage(err);
        state.result.phase = "Error";
        state.result.message = message;
        state.done = true;
        if (!this.run.signal.aborted) problems.push(message);
      }
    }
    return problems;
  }
  async start() {
    const startedAt = this.now();
    if (this.opts.timeoutMs !== void 0) {
      this.deadline = this.clock().getTime() + this.opts.timeoutMs;
    }
    const states = this.opts.metrics.map((metric) => ({
      metric,
      result: newResult(metric),
      done: false,
      started: false
    }));
    if (states.length === 0) {
      return {
        phase: "Successful",
        message: "no verification metrics: nothing to measure",
        startedAt,
        finishedAt: this.now(),
        metrics: []
      };
    }
    const problems = this.prepare(states);
    if (this.run.signal.aborted) {
      for (const s of states) {
        if (!s.done) s.result.message = `not run: ${this.endReason}`;
      }
      return this.finish(startedAt, states, "");
    }
    if (problems.length > 0) {
      for (const s of states) {
        if (!s.done) s.result.message = "not run: the verification spec is invalid";
      }
      return this.finish(startedAt, states, `verification spec invalid: ${problems.join("; ")}`);
    }
    const finished = new AbortController();
    const timeoutMs = this.opts.timeoutMs;
    if (timeoutMs !== void 0) {
      void this.sleep(timeoutMs, finished.signal).then(() => {
        if (!finished.signal.aborted) this.timeOut();
      });
    }
    const external = this.opts.signal;
    const onCancel = () => {
      if (!this.run.signal.aborted) {
        this.endReason = "verification cancelled";
        this.run.abort(new Error(this.endReason));
      }
    };
    if (external?.aborted) onCancel();
    external?.addEventListener("abort", onCancel, { once: true });
    try {
      const first = states.filter((s) => s.metric.provider.name === "argocd");
      const rest = states.filter((s) => s.metric.provider.name !== "argocd");
      let firstWhy = "";
      if (first.length > 0) {
        firstWhy = await this.runGroup(first);
        const failed = first.find((s) => s.result.phase !== "Successful");
        if (failed && !firstWhy) {
          firstWhy = `argocd metric ${JSON.stringify(failed.result.name)} assessed ${failed.result.phase}`;
        }
      }
      if (first.length === 0 || !firstWhy && !this.run.signal.aborted) {
        await this.runGroup(rest);
      } else {
        for (const s of rest) {
          s.result.phase = "Skipped";
          s.result.message = `not run: ${this.endReason || firstWhy}${this.endReason ? " while the argocd metrics ran" : ""}`;
        }
      }
    } finally {
      finished.abort();
      external?.removeEventListener("abort", onCancel);
    }
    return this.finish(startedAt, states, "");
  }
  /**
   * Run metrics concurrently until each is decided or the group is terminated (a metric ended
   * Failed, Error or Inconclusive) or the run ends. Returns why the group was terminated, if it
   * was.
   */
  async runGroup(states) {
    const group = new AbortController();
    const stop = AbortSignal.any([this.run.signal, group.signal]);
    let why = "";
    const terminate = (state) => {
      if (group.signal.aborted) return;
      why = `metric ${JSON.stringify(state.result.name)} assessed ${state.result.phase}`;
      group.abort(new Error(why));
    };
    await Promise.all(
      states.map(
        (s) => inGroup(
          this.opts.group,
          `metric ${s.metric.name}`,
          () => this.runMetric(s, stop, terminate)
        )
      )
    );
    for (const s of states) {
      if (s.done) continue;
      const r = s.result;
      const taken = `${plural(r.measurements.length, "measurement")} taken`;
      if (this.run.signal.aborted) {
        if (s.started) {
          r.phase = "Error";
          r.message = `${this.endReason} (${taken}, count ${s.metric.count})`;
        } else {
          r.phase = "Skipped";
          r.message = `not run: ${this.endReason}`;
        }
      } else if (r.measurements.length > 0) {
        r.phase = "Successful";
        r.message = `stopped after ${taken} because ${why}`;
      } else {
        r.phase = "Skipped";
        r.message = `not run: ${why}`;
      }
    }
    return why;
  }
  async runMetric(state, stop, terminate) {
    const { metric, prepared } = state;
    const r = state.result;
    if (!prepared) return;
    if (metric.initialDelayMs) {
      this.log(
        `metric ${JSON.stringify(metric.name)}: waiting ${formatDuration(metric.initialDelayMs)} (initialDelay)`
      );
      await this.sleep(metric.initialDelayMs, stop);
    }
    for (; ; ) {
      this.checkDeadline();
      if (stop.aborted) return;
      state.started = true;
      const m = await this.measure(prepared, stop);
      if (!m) return;
      r.measurements.push(m);
      tally(r, m.phase);
      const n = r.measurements.length;
      this.log(
        `metric ${JSON.stringify(metric.name)}: measurement ${n} ${m.phase}${m.value !== void 0 ? ` ${m.value}` : ""}${m.message ? `: ${m.message}` : ""}`
      );
      const waits = WAITING_PROVIDERS.has(metric.provider.name);
      const decided = this.fatal.has(m) ? {
        phase: "Error",
        reason: "a configuration error, which measuring again cannot fix"
      } : waits ? assessWaiting(metric, r, m.phase) : assessMetric(metric, r);
      if (decided) {
        state.done = true;
        r.phase = decided.phase;
        r.message = decided.phase === "Successful" && !waits ? successMessage(metric, r) : `${decided.reason}${lastDetail(r)}`;
        this.log(`metric ${JSON.stringify(metric.name)}: ${r.phase}: ${r.message}`);
        if (decided.phase !== "Successful") terminate(state);
        return;
      }
      const wait = m.phase === "Error" ? this.errorRetryMs : metric.intervalMs ?? 0;
      if (wait > 0) await this.sleep(wait, stop);
      else await yieldToEventLoop();
    }
  }
  /**
   * One measurement, bounded by the metric's timeout. Undefined when it was abandoned because
   * the group was terminated; Error when the run ended (timeout, cancellation) or the
   * measurement timed out or failed.
   */
  async measure(p, stop) {
    const startedAt = this.now();
    const ctl = new AbortController();
    const onStop = () => ctl.abort(stop.reason);
    stop.addEventListener("abort", onStop, { once: true });
    const timer = new AbortController();
    let timedOut = false;
    void this.sleep(p.metric.timeoutMs, AbortSignal.any([timer.signal, ctl.signal])).then(() => {
      if (!timer.signal.aborted && !ctl.signal.aborted) {
        timedOut = true;
        ctl.abort(new Error("measurement timeout"));
      }
    });
    const aborted = new Promise((_, reject) => {
      ctl.signal.addEventListener("abort", () => reject(new Error("aborted")), { once: true });
    });
    aborted.catch(() => void 0);
    const ctx = {
      fetch: this.opts.fetch,
      signal: ctl.signal,
      env: this.env,
      secret: (value2) => {
        this.redactor.add(value2);
      },
      log: (line) => this.log(`metric ${JSON.stringify(p.metric.name)}: ${line}`),
      clock: this.clock,
      ...this.opts.github && { github: this.opts.github },
      target: this.opts.target
    };
    const error = (message2) => ({
      phase: "Error",
      startedAt,
      finishedAt: this.now(),
      message: this.redactor.redact(message2)
    });
    let measurement;
    try {
      const pending = Promise.resolve().then(() => p.provider.measure(p.config, ctx));
      pending.catch(() => void 0);
      measurement = await Promise.race([pending, aborted]);
    } catch (err) {
      if (timedOut) {
        return error(`measurement timed out after ${formatDuration(p.metric.timeoutMs)}`);
      }
      if (this.run.signal.aborted) return error(`aborted: ${this.endReason}`);
      if (stop.aborted) return void 0;
      const failed = error(errorMessage(err));
      if (err instanceof ConfigError) this.fatal.add(failed);
      return failed;
    } finally {
      timer.abort();
      stop.removeEventListener("abort", onStop);
    }
    const vars = { ...measurement.vars, result: measurement.result };
    const outcome = assessMeasurement(
      {
        ...p.successCondition !== void 0 && { successCondition: p.successCondition },
        ...p.failureCondition !== void 0 && { failureCondition: p.failureCondition }
      },
      vars,
      measurement.phase,
      this.interrupt
    );
    if (this.run.signal.aborted) return error(`aborted: ${this.endReason}`);
    const value = measurement.detail ?? formatResult(measurement.result);
    const message = outcome.message || (measurement.phase && measurement.phase !== "Successful" ? measurement.detail ?? "" : "");
    return {
      phase: outcome.phase,
      startedAt,
      finishedAt: this.now(),
      value: this.redactor.redact(value),
      ...message && { message: this.redactor.redact(message) }
    };
  }
  finish(startedAt, states, invalid) {
    const metrics = states.map((s) => this.redactResult(s.result));
    const judged = metrics.filter((m) => m.phase !== "Skipped");
    const phase = invalid ? "Error" : worstPhase(
      judged.map((m) => m.phase).concat(this.endReason ? ["Error"] : [])
    );
    let message;
    if (invalid) message = invalid;
    else if (phase === "Successful") {
      message = metrics.length === 1 ? `metric ${JSON.stringify(metrics[0]?.name)} Successful` : `all ${metrics.length} metrics Successful`;
    } else {
      const bad = judged.filter((m) => m.phase !== "Successful").sort((a, b) => SEVERITY[b.phase] - SEVERITY[a.phase]).map((m) => `metric ${JSON.stringify(m.name)} assessed ${m.phase}: ${m.message}`);
      message = [this.endReason && !bad.length ? this.endReason : "", ...bad].filter(Boolean).join("; ");
    }
    return {
      phase,
      message: this.redactor.redact(message),
      startedAt,
      finishedAt: this.now(),
      metrics
    };
  }
  redactResult(r) {
    const red = (s) => this.redactor.redact(s);
    return {
      ...r,
      message: red(r.message),
      measurements: r.measurements.map((m) => ({
        ...m,
        ...m.value !== void 0 && { value: red(m.value) },
        ...m.message !== void 0 && { message: red(m.message) }
      }))
    };
  }
};
function checkMetricConfigs(metrics, providers) {
  const problems = [];
  for (const metric of metrics) {
    const where = `verification metric ${JSON.stringify(metric.name)}`;
    const provider = providers.get(metric.provider.name);
    if (!provider) {
      problems.push(`${where}: provider ${JSON.stringify(metric.provider.name)} is not available`);
      continue;
    }
    if (hasTemplate(metric.provider.config)) continue;
    try {
      provider.parse(metric.provider.config, `${where}: provider ${provider.name}`);
    } catch (err) {
      problems.push(errorMessage(err));
    }
  }
  return problems;
}
function hasTemplate(value, depth = 0) {
  if (depth > 100) return false;
  if (typeof value === "string") return hasExpression(value);
  if (Array.isArray(value)) return value.some((v) => hasTemplate(v, depth + 1));
  if (value !== null && typeof value === "object") {
    return Object.values(value).some((v) => hasTemplate(v, depth + 1));
  }
  return false;
}
async function runAnalysis(opts) {
  return new Runner(opts).start();
}

export {
  checkMetricConfigs,
  runAnalysis,
  defaultProviders
};
