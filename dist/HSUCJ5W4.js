import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  OperationError
} from "./HQMHHTDW.js";

// src/util/http-body.ts
var BodyTooLargeError = class extends OperationError {
  constructor(url, maxBytes, declared, what = "the response") {
    super(
      `${what} from ${url} is larger than ${formatBytes(maxBytes)}, the most gantry reads` + (declared !== void 0 ? ` (it announced Content-Length: ${declared})` : "")
    );
    this.url = url;
    this.maxBytes = maxBytes;
    this.declared = declared;
  }
  url;
  maxBytes;
  declared;
  name = "BodyTooLargeError";
};
function safeURL(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return "(an invalid URL)";
  }
  const keys = [...u.searchParams.keys()];
  const query = keys.length ? `?${keys.map((k) => `${encodeURIComponent(k)}=***`).join("&")}` : "";
  return `${u.protocol}//${u.host}${u.pathname}${query}`;
}
function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  const unit = n < 1 << 20 ? ["KiB", 1024] : ["MiB", 1 << 20];
  const v = n / unit[1];
  return `${Number.isInteger(v) ? v : v.toFixed(1)} ${unit[0]}`;
}
function tooLarge(limit, declared) {
  return new BodyTooLargeError(safeURL(limit.url), limit.maxBytes, declared, limit.what);
}
async function* bodyChunks(res, limit) {
  const declared = Number(res.headers.get("content-length") ?? NaN);
  if (!res.headers.get("content-encoding") && declared > limit.maxBytes) {
    await res.body?.cancel().catch(() => void 0);
    throw tooLarge(limit, declared);
  }
  if (!res.body) return;
  const reader = res.body.getReader();
  let total = 0;
  let finished = false;
  try {
    for (; ; ) {
      const step = await reader.read();
      if (step.done) {
        finished = true;
        return;
      }
      total += step.value.byteLength;
      if (total > limit.maxBytes) throw tooLarge(limit);
      yield step.value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => void 0);
    reader.releaseLock();
  }
}
async function readBody(res, limit) {
  const chunks = [];
  let total = 0;
  for await (const chunk of bodyChunks(res, limit)) {
    chunks.push(chunk);
    total += chunk.byteLength;
  }
  return Buffer.concat(chunks, total);
}
async function readText(res, limit) {
  return (await readBody(res, limit)).toString("utf8");
}
var NULL_BODY = /* @__PURE__ */ new Set([101, 103, 204, 205, 304]);
function cappedFetch(inner, limit) {
  return async (input, init) => {
    const res = await inner(input, init);
    const url = res.url || (input instanceof Request ? input.url : String(input));
    const body = init?.method === "HEAD" ? null : await readBody(res, { ...limit, url });
    const copy = new Response(NULL_BODY.has(res.status) || !body ? null : body, {
      status: res.status,
      statusText: res.statusText,
      headers: res.headers
    });
    copy.headers.delete("content-encoding");
    copy.headers.delete("content-length");
    Object.defineProperty(copy, "url", { value: res.url });
    return copy;
  };
}
function isTimeout(err) {
  return err instanceof Error && (err.name === "TimeoutError" || isTimeout(err.cause));
}
function networkReason(err) {
  const parts = [];
  for (let e = err; e instanceof Error && parts.length < 4; e = e.cause) {
    if (!parts.includes(e.message)) parts.push(e.message);
  }
  return parts.join(": ") || String(err);
}
function httpTraceLine(method, url, outcome, ms) {
  const what = `${method.toUpperCase()} ${safeURL(url)}`;
  return typeof outcome === "number" ? `${what} \u2192 ${outcome} in ${ms.toFixed(0)} ms` : `${what} failed after ${ms.toFixed(0)} ms: ${isTimeout(outcome) ? "timed out" : networkReason(outcome).replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, (u) => safeURL(u))}`;
}
function tracedFetch(inner, trace) {
  return async (input, init) => {
    const req = input instanceof Request ? input : void 0;
    const url = req ? req.url : input instanceof URL ? input : String(input);
    const method = init?.method ?? req?.method ?? "GET";
    const started = performance.now();
    try {
      const res = await inner(input, init);
      trace(httpTraceLine(method, url, res.status, performance.now() - started));
      return res;
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      trace(httpTraceLine(method, url, e, performance.now() - started));
      throw err;
    }
  };
}

export {
  BodyTooLargeError,
  safeURL,
  formatBytes,
  bodyChunks,
  readBody,
  readText,
  cappedFetch,
  isTimeout,
  networkReason,
  httpTraceLine,
  tracedFetch
};
