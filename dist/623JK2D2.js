import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  RegistryAuthError,
  RegistryAuthenticator
} from "./Y2KM5SLM.js";
import {
  registryOrigin,
  repositoryName
} from "./ITB33UA7.js";
import {
  backoffDelay,
  parseRetryAfter,
  sleep
} from "./6DZPHH7F.js";
import {
  Redactor
} from "./FNZOKEBV.js";
import {
  isRecord
} from "./55THRJYK.js";
import {
  BodyTooLargeError,
  httpTraceLine,
  safeURL
} from "./HSUCJ5W4.js";
import {
  OperationError
} from "./HQMHHTDW.js";

// src/discovery/oci/tag-ranges.ts
var TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
function lexicalTemplate(tags, next, pageURL) {
  if (tags.length < 2) return void 0;
  let prev = "";
  for (const t of tags) {
    if (typeof t !== "string" || !TAG.test(t) || t <= prev) return void 0;
    prev = t;
  }
  if (next.origin !== pageURL.origin || next.pathname !== pageURL.pathname) return void 0;
  if (next.searchParams.getAll("last").length !== 1 || next.searchParams.get("last") !== prev) {
    return void 0;
  }
  return next;
}
var DIGITS = "0123456789";
var UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
var LOWER = "abcdefghijklmnopqrstuvwxyz";
var isDigit = (c) => c !== void 0 && c >= "0" && c <= "9";
function commonPrefixLength(a, b) {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}
var SEPARATORS = "._-";
function alphabetAt(sample, d) {
  let lower = "";
  let upper = "";
  for (const t of sample) {
    if (d >= t.length) continue;
    for (let i = d; i < t.length && !SEPARATORS.includes(t[i]); i++) {
      const c = t[i];
      if (c >= "a" && c <= "z" && c > lower) lower = c;
      else if (c >= "A" && c <= "Z" && c > upper) upper = c;
    }
  }
  const letters = (set, top) => top === "" ? "" : top <= (set === LOWER ? "f" : "F") ? set.slice(0, 6) : set;
  return DIGITS + letters(UPPER, upper) + letters(LOWER, lower);
}
function spread(xs, k) {
  if (xs.length <= k) return [...xs];
  return Array.from({ length: k }, (_, i) => xs[Math.floor((i + 1) * xs.length / (k + 1))]);
}
function lowOrCarry(lo, d, varying) {
  for (let i = d + 1; i < varying && isDigit(lo[i]); i++) if (lo[i] !== "9") return false;
  return true;
}
function splitPoints(lo, hi, sample, max) {
  if (max <= 0) return [];
  const floor = hi === void 0 ? 0 : commonPrefixLength(lo, hi);
  let varying = lo.length;
  for (const t of sample) varying = Math.min(varying, commonPrefixLength(t, lo));
  varying = Math.max(varying, floor);
  const out = [];
  for (let d = floor; d < lo.length && d <= varying && out.length < max; d++) {
    const c = lo[d];
    const counter = isDigit(c) && lowOrCarry(lo, d, varying);
    if (d < varying && !counter) continue;
    const alphabet = alphabetAt(sample, d);
    const top = d === floor && hi !== void 0 ? hi[d] : void 0;
    const prefix = lo.slice(0, d);
    const candidates = [];
    for (const x of alphabet)
      if (x > c && (top === void 0 || x < top)) candidates.push(prefix + x);
    out.push(...spread(candidates, max - out.length));
  }
  return out.sort();
}
var KeySpace = class {
  at = [];
  learn(tag) {
    for (let i = 0; i < tag.length; i++) {
      let set = this.at[i];
      if (!set) {
        set = [];
        this.at[i] = set;
      }
      const c = tag[i];
      if (set.includes(c)) continue;
      if (isDigit(c)) {
        for (const d of DIGITS) if (!set.includes(d)) set.push(d);
      } else set.push(c);
      set.sort();
    }
  }
  /** The fraction of `s`, read to at most `depth` positions. */
  value(s, depth = 12) {
    let v = 0;
    let scale = 1;
    for (let i = 0; i < Math.min(s.length, depth); i++) {
      const set = this.at[i] ?? DIGITS_LIST;
      const radix = set.length + 1;
      scale /= radix;
      const c = s[i];
      let rank = 0;
      while (rank < set.length && set[rank] < c) rank++;
      v += (set[rank] === c ? rank + 1 : rank + 0.5) * scale;
    }
    return v;
  }
  /** The shortest string above `lo` whose fraction is about `v` (`v` above lo's fraction). */
  nameAt(v, lo) {
    let out = "";
    let rest = v;
    let scale = 1;
    for (let i = 0; i < 24; i++) {
      const set = this.at[i] ?? DIGITS_LIST;
      const radix = set.length + 1;
      scale /= radix;
      const rank = Math.min(set.length, Math.floor(rest / scale));
      if (rank === 0) break;
      out += set[rank - 1];
      rest -= rank * scale;
      if (out > lo) break;
    }
    return out;
  }
};
var DIGITS_LIST = [..."0123456789"];
var Violation = class extends Error {
};
function ascendingAfter(tags, cursor) {
  let prev = cursor;
  for (const t of tags) {
    if (typeof t !== "string" || t <= prev) return false;
    prev = t;
  }
  return true;
}
function keepUpTo(tags, hi, out) {
  let keep = 0;
  while (keep < tags.length && (hi === void 0 || tags[keep] <= hi)) {
    out.push(tags[keep]);
    keep++;
  }
  return keep;
}
var PAGES_PER_BOUNDARY = 3;
var MIN_PAGES_LEFT = 3;
function pagesLeft(space, iv) {
  const seen = iv.seen;
  if (!seen || seen.length < 2) return 0;
  const a = space.value(seen[0]);
  const b = space.value(seen[seen.length - 1]);
  const top = iv.hi === void 0 ? 1 : space.value(iv.hi);
  if (!(b > a)) return top > b ? Infinity : 0;
  return (top - b) / (b - a);
}
async function listTagRanges(opts) {
  const { template, firstPage, concurrency } = opts;
  const pageSize = opts.pageSize ?? firstPage.length;
  const intervals = [];
  const running = /* @__PURE__ */ new Set();
  const space = new KeySpace();
  for (const t of firstPage) space.learn(t);
  let boundaries = 0;
  let stopped = false;
  let failure;
  let violation = false;
  let gathered = firstPage.length;
  const abort = new AbortController();
  let pages = 1;
  let firstCut = false;
  const urlFor = (cursor) => {
    const u = new URL(template.href);
    u.searchParams.set("last", cursor);
    return u.href;
  };
  const cut = (iv, points) => {
    boundaries += points.length;
    const at = intervals.indexOf(iv);
    const added = points.map((p, i) => ({
      lo: p,
      hi: i + 1 < points.length ? points[i + 1] : iv.hi,
      tags: [],
      end: false,
      cursor: p,
      running: true
    }));
    iv.hi = points[0];
    intervals.splice(at + 1, 0, ...added);
    for (const a of added) start(a);
  };
  const rebalance = () => {
    if (!firstCut) return;
    const earned = Math.max(concurrency - 1, Math.floor(pages / PAGES_PER_BOUNDARY));
    while (!stopped && running.size < concurrency && boundaries < Math.min(opts.maxBoundaries, earned)) {
      let best;
      let most = MIN_PAGES_LEFT;
      for (const iv of intervals) {
        if (!iv.running) continue;
        const left = pagesLeft(space, iv);
        if (left > most) {
          most = left;
          best = iv;
        }
      }
      if (!best) return;
      const room = Math.min(
        concurrency - running.size,
        Math.min(opts.maxBoundaries, earned) - boundaries
      );
      const parts = Math.min(room + 1, Math.max(2, Math.floor(most)));
      const points = middles(best, parts);
      best.seen = void 0;
      if (points.length > 0) cut(best, points);
    }
  };
  const middles = (iv, parts) => {
    const from = iv.cursor;
    if (iv.hi === void 0) return splitPoints(from, void 0, iv.seen ?? [], parts - 1);
    const a = space.value(from);
    const b = space.value(iv.hi);
    const out2 = [];
    for (let k = 1; k < parts; k++) {
      const p = space.nameAt(a + (b - a) * k / parts, from);
      if (p > from && p < iv.hi && p > (out2[out2.length - 1] ?? "")) out2.push(p);
    }
    return out2;
  };
  const chain = async (iv) => {
    for (; ; ) {
      if (stopped) return;
      const cursor = iv.cursor;
      const page = await opts.fetchPage(urlFor(cursor), abort.signal);
      iv.seen = void 0;
      if (stopped) return;
      pages++;
      if (page.name !== opts.name) throw new Violation();
      if (!ascendingAfter(page.tags, cursor)) throw new Violation();
      const fresh = page.tags;
      const prev = fresh[fresh.length - 1] ?? cursor;
      if (iv.first === void 0) iv.first = fresh[0] ?? null;
      const keep = keepUpTo(fresh, iv.hi, iv.tags);
      gathered += keep;
      opts.onPage?.(gathered, pages);
      if (keep < fresh.length) {
        iv.beyond = fresh[keep];
        return;
      }
      if (!page.next || fresh.length === 0) {
        iv.end = true;
        return;
      }
      if (page.next.origin !== template.origin || page.next.pathname !== template.pathname || page.next.searchParams.get("last") !== prev) {
        throw new Violation();
      }
      iv.cursor = prev;
      if (!firstCut) {
        firstCut = true;
        const points = splitPoints(
          prev,
          void 0,
          [...firstPage, ...fresh],
          Math.min(concurrency - 1, opts.maxBoundaries)
        );
        if (points.length > 0) cut(iv, points);
        continue;
      }
      if (fresh.length >= pageSize) {
        space.learn(fresh[0]);
        space.learn(prev);
        iv.seen = fresh;
        rebalance();
      }
    }
  };
  function start(iv) {
    iv.running = true;
    const p = chain(iv).catch((err) => {
      if (err instanceof Violation) violation = true;
      else if (!abort.signal.aborted) failure ??= err;
      stopped = true;
      abort.abort();
    }).finally(() => {
      iv.running = false;
      iv.seen = void 0;
      running.delete(p);
      rebalance();
    });
    running.add(p);
  }
  const last = firstPage[firstPage.length - 1];
  const root = {
    lo: last,
    hi: void 0,
    tags: [],
    end: false,
    cursor: last,
    running: true
  };
  intervals.push(root);
  start(root);
  while (running.size > 0) await Promise.all([...running]);
  if (failure !== void 0) throw failure;
  if (violation) return void 0;
  for (let i = 0; i < intervals.length; i++) {
    const iv = intervals[i];
    const next = intervals[i + 1];
    if (!next) {
      if (!iv.end) return void 0;
      break;
    }
    if (iv.end ? next.first !== null : next.first !== iv.beyond) return void 0;
  }
  const out = [];
  for (const iv of intervals) for (const t of iv.tags) out.push(t);
  return out;
}

// src/discovery/oci/lean-http.ts
import { connect, isIP } from "node:net";
var TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
var BAD_VALUE = /[\r\n\0]/;
var FIRST_WINS = /* @__PURE__ */ new Set([
  "age",
  "authorization",
  "content-length",
  "content-type",
  "etag",
  "expires",
  "from",
  "host",
  "if-modified-since",
  "if-unmodified-since",
  "last-modified",
  "location",
  "max-forwards",
  "proxy-authorization",
  "referer",
  "retry-after",
  "server",
  "user-agent"
]);
function leanHeadersOK(headers) {
  for (const [k, v] of Object.entries(headers)) {
    if (!TOKEN.test(k) || BAD_VALUE.test(v)) return false;
  }
  return true;
}
function connectionError(message, extra = {}) {
  return Object.assign(new Error(message), { code: "ECONNRESET" }, extra);
}
var LeanConnections = class {
  idle = /* @__PURE__ */ new Map();
  all = /* @__PURE__ */ new Set();
  onIdleGone = /* @__PURE__ */ new WeakMap();
  /** One exchange; `url` is `http:`, or `https:` with `tls`. */
  exchange(url, method, headers, check, tls) {
    const port = Number(url.port || (tls ? 443 : 80));
    const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
    const key = `${tls ? tls.insecure ? "tls-insecure" : "tls" : "tcp"} ${host}:${port}`;
    let socket;
    let reused = false;
    const list = this.idle.get(key);
    while (list && list.length > 0) {
      const s2 = list.pop();
      this.unpool(s2);
      if (!s2.destroyed && s2.readable && s2.writable) {
        socket = s2;
        reused = true;
        break;
      }
      s2.destroy();
    }
    if (!socket) {
      socket = tls ? tls.connect({
        host,
        port,
        // As node:https does: SNI names a host, never an address.
        ...isIP(host) ? {} : { servername: host },
        rejectUnauthorized: !tls.insecure
      }) : connect({ host, port, noDelay: true });
      if (tls) socket.setNoDelay(true);
      this.all.add(socket);
      const s2 = socket;
      socket.once("close", () => this.all.delete(s2));
      socket.on("error", () => void 0);
    }
    socket.ref();
    let head = `${method} ${url.pathname}${url.search} HTTP/1.1\r
Host: ${url.host}\r
`;
    for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r
`;
    head += "Connection: keep-alive\r\n\r\n";
    const reader = new AnswerReader(method, check);
    const s = socket;
    let settle;
    const answer = new Promise((resolve, reject) => settle = { resolve, reject });
    let done = false;
    const finish = (err, a) => {
      if (done) return;
      done = true;
      s.off("data", onData);
      s.off("end", onEnd);
      s.off("close", onEnd);
      s.off("error", onError);
      if (err) {
        s.destroy();
        settle.reject(err);
        return;
      }
      if (reader.reusable && !s.destroyed) this.pool(key, s);
      else s.destroy();
      settle.resolve(a);
    };
    const onData = (chunk) => {
      let a;
      try {
        a = reader.push(chunk);
      } catch (err) {
        finish(err);
        return;
      }
      if (a) finish(void 0, a);
    };
    const onEnd = () => {
      if (done) return;
      let a;
      try {
        a = reader.end();
      } catch (err) {
        finish(err);
        return;
      }
      if (a) {
        finish(void 0, a);
        return;
      }
      if (!reader.started) {
        finish(connectionError("socket hang up", reused ? { staleSocket: true } : {}));
      } else finish(connectionError("aborted"));
    };
    const onError = (err) => {
      const stale = reused && !reader.started && (err.code === "ECONNRESET" || err.code === "EPIPE");
      finish(stale ? Object.assign(err, { staleSocket: true }) : err);
    };
    s.on("data", onData);
    s.on("end", onEnd);
    s.on("close", onEnd);
    s.on("error", onError);
    s.write(head);
    return {
      answer,
      cancel: () => finish(connectionError("cancelled"))
    };
  }
  close() {
    for (const s of this.all) s.destroy();
    this.all.clear();
    this.idle.clear();
  }
  pool(key, s) {
    let list = this.idle.get(key);
    if (!list) this.idle.set(key, list = []);
    list.push(s);
    const gone = () => {
      this.unpool(s);
      const l = this.idle.get(key);
      const at = l?.indexOf(s) ?? -1;
      if (l && at >= 0) l.splice(at, 1);
      s.destroy();
    };
    this.onIdleGone.set(s, gone);
    s.on("end", gone);
    s.on("close", gone);
    s.on("error", gone);
    s.on("data", gone);
    s.unref();
  }
  unpool(s) {
    const gone = this.onIdleGone.get(s);
    if (!gone) return;
    this.onIdleGone.delete(s);
    s.off("end", gone);
    s.off("close", gone);
    s.off("error", gone);
    s.off("data", gone);
  }
};
var CRLFCRLF = Buffer.from("\r\n\r\n");
var CRLF = Buffer.from("\r\n");
var AnswerReader = class {
  constructor(method, check) {
    this.method = method;
    this.check = check;
  }
  method;
  check;
  /** Bytes received and not yet consumed. */
  pending = Buffer.alloc(0);
  answer;
  framing = "none";
  left = 0;
  chunkState = "size";
  body = [];
  total = 0;
  started = false;
  reusable = false;
  /** Takes bytes; returns the answer once it is complete. */
  push(chunk) {
    this.started = true;
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    for (; ; ) {
      if (!this.answer) {
        const end = this.pending.indexOf(CRLFCRLF);
        if (end < 0) {
          if (this.pending.length > 64 * 1024) throw new Error("response headers too large");
          return void 0;
        }
        const text = this.pending.toString("latin1", 0, end);
        this.pending = this.pending.subarray(end + 4);
        if (!this.readHead(text)) continue;
      }
      const done = this.readBody();
      if (done) return this.complete();
      return void 0;
    }
  }
  /** The connection ended: the answer if that is how its body ends, else undefined. */
  end() {
    if (this.answer && this.framing === "close") {
      this.reusable = false;
      return this.complete();
    }
    return void 0;
  }
  /** Parses a head; false for an interim (1xx) answer, whose bytes are dropped. */
  readHead(text) {
    const lines = text.split("\r\n");
    const m = /^HTTP\/1\.([01]) (\d{3})(?: |$)/.exec(lines[0] ?? "");
    if (!m) throw connectionError("malformed HTTP response line");
    const minor = m[1];
    const status = Number(m[2]);
    const headers = /* @__PURE__ */ new Map();
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i];
      const colon = line.indexOf(":");
      if (colon <= 0 || line[0] === " " || line[0] === "	") {
        throw connectionError("malformed HTTP response header");
      }
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      const had = headers.get(name);
      if (had === void 0) headers.set(name, value);
      else if (name === "content-length") {
        if (had !== value) throw connectionError("conflicting Content-Length");
      } else if (!FIRST_WINS.has(name)) headers.set(name, `${had}, ${value}`);
    }
    if (status >= 100 && status < 200 && status !== 101) return false;
    this.answer = { status, headers, body: Buffer.alloc(0) };
    const connection = (headers.get("connection") ?? "").toLowerCase();
    this.reusable = minor === "1" ? !/(^|,)\s*close\s*(,|$)/.test(connection) : /keep-alive/.test(connection);
    const te = headers.get("transfer-encoding");
    const length = headers.get("content-length");
    if (this.method === "HEAD" || status === 204 || status === 304) this.framing = "none";
    else if (te !== void 0) {
      if (/(^|,)\s*chunked\s*$/i.test(te)) this.framing = "chunked";
      else this.framing = "close";
    } else if (length !== void 0) {
      if (!/^\d+$/.test(length)) throw connectionError("malformed Content-Length");
      this.framing = "length";
      this.left = Number(length);
    } else this.framing = "close";
    if (this.framing === "close") this.reusable = false;
    return true;
  }
  take(bytes) {
    this.total += bytes.length;
    this.check(this.total, this.answer);
    this.body.push(bytes);
  }
  /** Consumes body bytes from `pending`; true once the body is complete. */
  readBody() {
    switch (this.framing) {
      case "none":
        return true;
      case "close":
        if (this.pending.length > 0) this.take(this.pending);
        this.pending = Buffer.alloc(0);
        return false;
      case "length": {
        const n = Math.min(this.left, this.pending.length);
        if (n > 0) this.take(this.pending.subarray(0, n));
        this.pending = this.pending.subarray(n);
        this.left -= n;
        return this.left === 0;
      }
      case "chunked":
        return this.readChunks();
    }
  }
  readChunks() {
    for (; ; ) {
      if (this.chunkState === "size") {
        const eol = this.pending.indexOf(CRLF);
        if (eol < 0) {
          if (this.pending.length > 4096) throw connectionError("malformed chunk size");
          return false;
        }
        const line = this.pending.toString("latin1", 0, eol);
        this.pending = this.pending.subarray(eol + 2);
        const m = /^([0-9A-Fa-f]{1,12})[ \t]*(?:;.*)?$/.exec(line);
        if (!m) throw connectionError("malformed chunk size");
        this.left = parseInt(m[1], 16);
        this.chunkState = this.left === 0 ? "trailers" : "data";
      } else if (this.chunkState === "data") {
        const n = Math.min(this.left, this.pending.length);
        if (n > 0) this.take(this.pending.subarray(0, n));
        this.pending = this.pending.subarray(n);
        this.left -= n;
        if (this.left > 0) return false;
        this.chunkState = "data-end";
      } else if (this.chunkState === "data-end") {
        if (this.pending.length < 2) return false;
        if (this.pending[0] !== 13 || this.pending[1] !== 10) {
          throw connectionError("malformed chunk end");
        }
        this.pending = this.pending.subarray(2);
        this.chunkState = "size";
      } else {
        const eol = this.pending.indexOf(CRLF);
        if (eol < 0) {
          if (this.pending.length > 64 * 1024) throw connectionError("trailers too large");
          return false;
        }
        this.pending = this.pending.subarray(eol + 2);
        if (eol === 0) return true;
      }
    }
  }
  complete() {
    const a = this.answer;
    if (this.pending.length > 0) this.reusable = false;
    a.body = this.body.length === 1 ? this.body[0] : Buffer.concat(this.body);
    return a;
  }
};

// src/discovery/oci/transport.ts
var REDIRECTS = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
var DECODERS = /* @__PURE__ */ new Set(["gzip", "x-gzip", "deflate", "br"]);
var MAX_REDIRECTS = 20;
var MapHeaders = class {
  constructor(raw) {
    this.raw = raw;
  }
  raw;
  get(name) {
    return this.raw.get(name.toLowerCase()) ?? null;
  }
};
var NodeHeaders = class {
  constructor(raw) {
    this.raw = raw;
  }
  raw;
  get(name) {
    const v = this.raw[name.toLowerCase()];
    if (v === void 0) return null;
    return Array.isArray(v) ? v.join(", ") : v;
  }
};
function timeoutError(ms) {
  const e = new Error(`the request did not finish within ${ms} ms`);
  e.name = "TimeoutError";
  return e;
}
var Transport = class {
  /** node:http and its kept-alive agent: request bodies and headers the lean path does not send. */
  http;
  /** GETs and HEADs (tag pages, manifests, tokens), HTTP and HTTPS: lean-http.ts. */
  lean = new LeanConnections();
  tls;
  insecureAgent;
  async loadHTTP() {
    if (this.http) return this.http;
    const http = await import("node:http");
    this.http ??= { request: http.request, agent: new http.Agent({ keepAlive: true }) };
    return this.http;
  }
  async loadTLS() {
    if (this.tls) return;
    const [https, tls] = await Promise.all([import("node:https"), import("node:tls")]);
    this.tls ??= { https, agent: new https.Agent({ keepAlive: true }), connect: tls.connect };
  }
  /** One exchange, redirects followed. */
  async send(url, r) {
    const deadline = Date.now() + r.timeoutMs;
    let current = new URL(url);
    let method = r.method;
    let headers = { ...r.headers };
    let body = r.body;
    for (let hops = 0; ; hops++) {
      if (current.protocol === "https:") await this.loadTLS();
      const res = await this.once(current, method, headers, body, r, deadline).catch(
        (err) => {
          if (err.staleSocket) {
            return this.once(current, method, headers, body, r, deadline);
          }
          throw err;
        }
      );
      const location = res.location;
      if (!REDIRECTS.has(res.status) || location === void 0) {
        return { status: res.status, headers: res.headers, body: res.body, url: current.href };
      }
      if (hops >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
      const next = new URL(location, current);
      if (next.origin !== current.origin) {
        headers = Object.fromEntries(
          Object.entries(headers).filter(([k]) => k.toLowerCase() !== "authorization")
        );
      }
      if (res.status === 303 || (res.status === 301 || res.status === 302) && method === "POST") {
        if (method !== "HEAD") method = "GET";
        body = void 0;
      }
      current = next;
    }
  }
  close() {
    this.lean.close();
    this.http?.agent.destroy();
    this.tls?.agent.destroy();
    this.insecureAgent?.destroy();
    this.insecureAgent = void 0;
  }
  agent(http, url, insecure) {
    const tls = this.tls;
    if (url.protocol === "http:" || !tls) return http;
    if (!insecure) return tls.agent;
    this.insecureAgent ??= new tls.https.Agent({ keepAlive: true, rejectUnauthorized: false });
    return this.insecureAgent;
  }
  once(url, method, headers, body, r, deadline) {
    const sent = { "Accept-Encoding": "gzip, deflate, br", ...headers };
    if ((url.protocol === "http:" || url.protocol === "https:" && this.tls) && body === void 0 && (method === "GET" || method === "HEAD") && leanHeadersOK(sent)) {
      const tls = url.protocol === "https:" && this.tls ? { connect: this.tls.connect, insecure: r.insecure } : void 0;
      return this.leanOnce(url, method, sent, r, deadline, tls);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      return Promise.reject(new Error(`unsupported protocol ${url.protocol} in ${safeURL(url)}`));
    }
    return this.loadHTTP().then(
      (http) => this.nodeOnce(http, url, method, sent, body, r, deadline)
    );
  }
  /** `once` on node:http / node:https: request bodies, and headers the lean path leaves alone. */
  nodeOnce(http, url, method, sent, body, r, deadline) {
    return new Promise((resolve, reject) => {
      const send = url.protocol === "http:" || !this.tls ? http.request : this.tls.https.request;
      const payload = body === void 0 ? void 0 : Buffer.from(body);
      const req = send(url, {
        method,
        headers: payload ? { ...sent, "Content-Length": String(payload.length) } : sent,
        agent: this.agent(http.agent, url, r.insecure)
      });
      let done = false;
      const fail = (err) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        req.destroy();
        reject(err);
      };
      const timer = setTimeout(
        () => fail(timeoutError(r.timeoutMs)),
        Math.max(0, deadline - Date.now())
      );
      const signal = r.signal;
      if (signal) {
        if (signal.aborted) {
          fail(signal.reason);
          return;
        }
        const abort = () => fail(signal.reason);
        signal.addEventListener("abort", abort, { once: true });
        req.once("close", () => signal.removeEventListener("abort", abort));
      }
      let answered = false;
      req.on("error", (err) => {
        const stale = req.reusedSocket && !answered && (err.code === "ECONNRESET" || err.code === "EPIPE") && (method === "GET" || method === "HEAD");
        fail(stale ? Object.assign(err, { staleSocket: true }) : err);
      });
      req.on("response", (res) => {
        answered = true;
        res.on("error", fail);
        const status = res.statusCode ?? 0;
        const h = new NodeHeaders(res.headers);
        const location = REDIRECTS.has(status) ? h.get("location") ?? void 0 : void 0;
        const finish = (b) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          resolve({ status, headers: h, body: b, ...location !== void 0 ? { location } : {} });
        };
        if (method === "HEAD" || location !== void 0) {
          res.resume();
          res.on("end", () => finish(Buffer.alloc(0)));
          return;
        }
        const declared = Number(h.get("content-length") ?? NaN);
        if (!h.get("content-encoding") && declared > r.maxBytes) {
          fail(new BodyTooLargeError(safeURL(url), r.maxBytes, declared, r.what));
          return;
        }
        const encoding = (h.get("content-encoding") ?? "").trim().toLowerCase();
        const read = (decoded) => {
          const chunks = [];
          let total = 0;
          decoded.on("data", (c) => {
            if (done) return;
            total += c.length;
            if (total > r.maxBytes) {
              fail(new BodyTooLargeError(safeURL(url), r.maxBytes, void 0, r.what));
              decoded.destroy();
              return;
            }
            chunks.push(c);
          });
          decoded.on("end", () => finish(Buffer.concat(chunks, total)));
        };
        if (!encoding || encoding === "identity") read(res);
        else if (!DECODERS.has(encoding)) {
          fail(new Error(`unsupported Content-Encoding ${encoding} from ${safeURL(url)}`));
          return;
        } else {
          res.pause();
          import("node:zlib").then((zlib) => {
            if (done) return;
            const decoder = encoding === "deflate" ? zlib.createInflate() : encoding === "br" ? zlib.createBrotliDecompress() : zlib.createGunzip();
            decoder.on("error", fail);
            read(res.pipe(decoder));
          }, fail);
        }
        res.on("close", () => {
          if (!res.complete) fail(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
        });
      });
      req.end(payload);
    });
  }
  /**
   * `once` on lean-http.ts: the same answers and errors (timeout, abort, cap, a stale socket
   * flagged for one more try, redirects handed back with their Location, bodies decoded).
   * A compressed body is capped as it arrives and again once decoded.
   */
  leanOnce(url, method, sent, r, deadline, tls) {
    return new Promise((resolve, reject) => {
      let done = false;
      let cancel = () => void 0;
      const signal = r.signal;
      const abort = () => fail(signal?.reason);
      const settle = () => {
        if (done) return false;
        done = true;
        clearTimeout(timer);
        signal?.removeEventListener("abort", abort);
        return true;
      };
      const fail = (err) => {
        if (!settle()) return;
        cancel();
        reject(err);
      };
      const timer = setTimeout(
        () => fail(timeoutError(r.timeoutMs)),
        Math.max(0, deadline - Date.now())
      );
      if (signal?.aborted) {
        fail(signal.reason);
        return;
      }
      signal?.addEventListener("abort", abort, { once: true });
      let headChecked = false;
      const exchange = this.lean.exchange(
        url,
        method,
        sent,
        (total, head) => {
          if (REDIRECTS.has(head.status) && head.headers.has("location")) return;
          if (!headChecked) {
            headChecked = true;
            const declared = Number(head.headers.get("content-length") ?? NaN);
            if (!head.headers.has("content-encoding") && declared > r.maxBytes) {
              throw new BodyTooLargeError(safeURL(url), r.maxBytes, declared, r.what);
            }
          }
          if (total > r.maxBytes) {
            throw new BodyTooLargeError(safeURL(url), r.maxBytes, void 0, r.what);
          }
        },
        tls
      );
      cancel = () => exchange.cancel();
      exchange.answer.then((a) => {
        if (done) return;
        const status = a.status;
        const headers = new MapHeaders(a.headers);
        const location = REDIRECTS.has(status) ? headers.get("location") ?? void 0 : void 0;
        const finish = (b) => {
          if (!settle()) return;
          resolve({ status, headers, body: b, ...location !== void 0 ? { location } : {} });
        };
        const encoding = (headers.get("content-encoding") ?? "").trim().toLowerCase();
        if (method === "HEAD" || location !== void 0) finish(Buffer.alloc(0));
        else if (!encoding || encoding === "identity") finish(a.body);
        else if (!DECODERS.has(encoding)) {
          fail(new Error(`unsupported Content-Encoding ${encoding} from ${safeURL(url)}`));
        } else {
          import("node:zlib").then((zlib) => {
            if (done) return;
            const o = { maxOutputLength: r.maxBytes + 1 };
            let out;
            try {
              out = encoding === "deflate" ? zlib.inflateSync(a.body, o) : encoding === "br" ? zlib.brotliDecompressSync(a.body, o) : zlib.gunzipSync(a.body, o);
            } catch (err) {
              const e = err;
              fail(
                e.code === "ERR_BUFFER_TOO_LARGE" ? new BodyTooLargeError(safeURL(url), r.maxBytes, void 0, r.what) : e
              );
              return;
            }
            if (out.length > r.maxBytes) {
              fail(new BodyTooLargeError(safeURL(url), r.maxBytes, void 0, r.what));
            } else finish(out);
          }, fail);
        }
      }, fail);
    });
  }
};

// src/discovery/oci/client.ts
var MEDIA_TYPES = {
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
  dockerManifestList: "application/vnd.docker.distribution.manifest.list.v2+json",
  ociManifest: "application/vnd.oci.image.manifest.v1+json",
  ociIndex: "application/vnd.oci.image.index.v1+json"
};
var INDEX_TYPES = /* @__PURE__ */ new Set([MEDIA_TYPES.dockerManifestList, MEDIA_TYPES.ociIndex]);
var MANIFEST_TYPES = /* @__PURE__ */ new Set([MEDIA_TYPES.dockerManifest, MEDIA_TYPES.ociManifest]);
var GENERIC_TYPES = /* @__PURE__ */ new Set(["", "application/json", "application/octet-stream", "text/plain"]);
var MANIFEST_ACCEPT = [
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.dockerManifestList,
  MEDIA_TYPES.ociManifest,
  MEDIA_TYPES.dockerManifest
].join(", ");
var RegistryError = class extends OperationError {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
  status;
  name = "RegistryError";
};
var NotFoundError = class extends RegistryError {
  name = "NotFoundError";
};
var DEFAULT_TAG_LIST_CONCURRENCY = 4;
var TAG_LIST_BOUNDARIES_PER_CHAIN = 4;
var DEFAULT_REGISTRY_RETRY = {
  attempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 8e3
};
var Semaphore = class {
  constructor(limit) {
    this.limit = limit;
  }
  limit;
  active = 0;
  waiting = [];
  async acquire() {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    await new Promise((resolve) => this.waiting.push(resolve));
  }
  release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
};
var RETRYABLE_CODES = /* @__PURE__ */ new Set([
  "ECONNRESET",
  "EPIPE",
  "ECONNABORTED",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED"
]);
function errorCode(err) {
  let e = err;
  for (let depth = 0; depth < 4 && e; depth++) {
    const code = e.code;
    if (typeof code === "string") return code;
    e = e.cause;
  }
  return void 0;
}
function networkReason(err) {
  const code = errorCode(err);
  if (code) return code;
  let e = err;
  while (e?.cause instanceof Error)
    e = e.cause;
  return e instanceof Error ? e.message : String(e);
}
function isTimeout(err) {
  const name = err?.name;
  return name === "TimeoutError" || errorCode(err) === "UND_ERR_HEADERS_TIMEOUT";
}
function parseLinkNext(header) {
  if (!header) return void 0;
  const re = /<([^>]*)>((?:\s*;\s*[^;,=\s]+\s*(?:=\s*(?:"[^"]*"|[^;,]*))?)*)/g;
  for (const m of header.matchAll(re)) {
    const params = m[2] ?? "";
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]*))/i.exec(params);
    const rels = (rel?.[1] ?? rel?.[2] ?? "").toLowerCase().split(/\s+/);
    if (rels.includes("next")) return m[1];
  }
  return void 0;
}
function addNewTags(page, seen, tags) {
  let added = 0;
  for (const t of page) {
    if (typeof t !== "string" || seen.has(t)) continue;
    seen.add(t);
    tags.push(t);
    added++;
  }
  return added;
}
function mediaTypeOf(headers) {
  return (headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}
var DIGEST = /^(sha256|sha512):([a-f0-9]+)$/;
async function computeDigest(algorithm, bytes) {
  const { createHash } = await import("node:crypto");
  return `${algorithm}:${createHash(algorithm).update(bytes).digest("hex")}`;
}
function registryErrorText(body) {
  const text = body.toString("utf8").slice(0, 2e3);
  try {
    const doc = JSON.parse(text);
    if (Array.isArray(doc.errors) && doc.errors.length > 0) {
      return doc.errors.map((e) => [e.code, e.message].filter(Boolean).join(": ")).join("; ").slice(0, 300);
    }
  } catch {
  }
  return text.replace(/\s+/g, " ").trim().slice(0, 200);
}
function stringMap(v) {
  if (!isRecord(v)) return void 0;
  const out = {};
  for (const [k, val] of Object.entries(v)) if (typeof val === "string") out[k] = val;
  return out;
}
function toDescriptor(v) {
  if (!isRecord(v) || typeof v.digest !== "string") return null;
  const d = {
    mediaType: typeof v.mediaType === "string" ? v.mediaType : "",
    digest: v.digest,
    size: typeof v.size === "number" ? v.size : 0
  };
  const p = v.platform;
  if (isRecord(p) && typeof p.os === "string" && typeof p.architecture === "string") {
    d.platform = { os: p.os, architecture: p.architecture };
    if (typeof p.variant === "string" && p.variant !== "") d.platform.variant = p.variant;
  }
  const annotations = stringMap(v.annotations);
  if (annotations) d.annotations = annotations;
  return d;
}
var RegistryClient = class {
  constructor(opts) {
    this.opts = opts;
    this.retryPolicy = opts.retry ?? DEFAULT_REGISTRY_RETRY;
    this.auth = new RegistryAuthenticator({
      credentials: opts.credentials ?? /* @__PURE__ */ new Map(),
      redactor: this.redactor,
      sendToken: (url, init) => this.sendToken(url, init)
    });
  }
  opts;
  semaphores = /* @__PURE__ */ new Map();
  counts = /* @__PURE__ */ new Map();
  redactor = new Redactor();
  auth;
  retryPolicy;
  transport = new Transport();
  /** Hosts reached with TLS verification off: their token services (same host) are too. */
  insecureHosts = /* @__PURE__ */ new Set();
  /** Requests sent to a host (`127.0.0.1:5000`, `auth.docker.io`), retries and 401s included; all hosts without one. */
  requestCount(host) {
    if (host !== void 0) return this.counts.get(host) ?? 0;
    let total = 0;
    for (const n of this.counts.values()) total += n;
    return total;
  }
  /** Requests per host, for benchmarks and summaries. */
  requestCounts() {
    return Object.fromEntries(this.counts);
  }
  /** Close the connections this client keeps open between requests. */
  close() {
    this.transport.close();
    return Promise.resolve();
  }
  /**
   * Every tag of the repository, in the order the registry gave them, following `Link: <…>;
   * rel="next"` (relative or absolute, same origin only). Registries that do not page return
   * everything at once; a next link already visited, or a page that adds no new tag, ends the
   * listing, so registries that page oldest-first or lexically (or misbehave) cannot loop.
   *
   * When pages 1 and 2 show lexical cursors (see tag-ranges.ts), the rest is listed by up to
   * `tagListConcurrency` chains at once over intervals of the key space, with the same result;
   * a page or seam that breaks the lexical contract drops those pages and lists the rest one
   * page after another from page 2's next link.
   */
  async listTags(repo, onProgress) {
    const origin = registryOrigin(repo);
    const pageSize = this.opts.tagPageSize ?? 1e3;
    let url = `${origin}/v2/${repo.repository}/tags/list?n=${pageSize}`;
    const visited = /* @__PURE__ */ new Set();
    const seen = /* @__PURE__ */ new Set();
    const tags = [];
    let pages = 0;
    let pagesRead = 0;
    let shown = 0;
    const progress = onProgress && {
      page: (gathered) => {
        pagesRead++;
        shown = Math.max(shown, gathered);
        onProgress(shown, pagesRead);
      }
    };
    while (url) {
      visited.add(url);
      const page = await this.tagPage(repo, url, pages + 1);
      pages++;
      const before = tags.at(-1);
      const added = addNewTags(page.tags, seen, tags);
      progress?.page(tags.length);
      if (!page.next || added === 0) break;
      if (page.next.origin !== origin) {
        throw new RegistryError(
          `registry ${repo.registry} sent a next-page link to another origin (${page.next.origin}); not following it`
        );
      }
      const head = page.tags[0];
      if (pages === 2 && typeof head === "string" && before !== void 0 && head > before) {
        const rest = await this.listTagsInParallel(repo, page, url, tags, progress?.page);
        if (rest) {
          for (const t of rest) tags.push(t);
          return tags;
        }
      }
      url = visited.has(page.next.href) ? void 0 : page.next.href;
    }
    return tags;
  }
  /** The tags after page 2 listed by parallel chains, or undefined: go on one page at a time. */
  async listTagsInParallel(repo, first, url, firstTags, onPage) {
    const concurrency = Math.min(
      this.opts.tagListConcurrency ?? DEFAULT_TAG_LIST_CONCURRENCY,
      Math.max(1, this.opts.concurrencyPerRegistry)
    );
    if (concurrency < 2 || !first.next) return void 0;
    const template = lexicalTemplate(first.tags, first.next, new URL(url));
    if (!template) return void 0;
    let pageNo = 2;
    return listTagRanges({
      template,
      firstPage: firstTags,
      pageSize: first.tags.length,
      name: first.name,
      concurrency,
      maxBoundaries: TAG_LIST_BOUNDARIES_PER_CHAIN * concurrency,
      fetchPage: (u, signal) => this.tagPage(repo, u, ++pageNo, signal),
      ...onPage && { onPage }
    });
  }
  /** One page of a tag listing: its tags, its next link (resolved) and its `name`. */
  async tagPage(repo, url, pageNo, signal) {
    const res = await this.request(
      repo,
      "GET",
      url,
      "application/json",
      void 0,
      void 0,
      signal
    );
    const what = `tags of ${repositoryName(repo)}`;
    if (res.status === 404) {
      throw new NotFoundError(
        `repository ${repo.repository} not found on registry ${repo.registry} (${registryErrorText(res.body)})`,
        404
      );
    }
    this.expectOk(res, repo, `listing ${what}`);
    let doc;
    try {
      doc = JSON.parse(res.body.toString("utf8"));
    } catch (err) {
      throw new RegistryError(
        `malformed JSON from registry ${repo.registry} listing tags of repository ${repo.repository} (page ${pageNo}): ${err.message.slice(0, 120)}`
      );
    }
    const pageTags = isRecord(doc) ? doc.tags : void 0;
    if (!isRecord(doc) || pageTags !== null && pageTags !== void 0 && !Array.isArray(pageTags)) {
      throw new RegistryError(
        `malformed tag list from registry ${repo.registry} for repository ${repo.repository}: expected {"name":\u2026,"tags":[\u2026]}`
      );
    }
    const link = parseLinkNext(res.headers.get("link"));
    const next = link ? new URL(link, res.url || url) : void 0;
    return {
      tags: pageTags ?? [],
      ...next && { next },
      name: doc.name
    };
  }
  /**
   * The digest of a tag (or digest) with a `HEAD` request. When the registry does not send
   * `Docker-Content-Digest` or names no known manifest type, the manifest is fetched and its
   * digest computed from the body.
   */
  async resolveDigest(repo, reference) {
    const url = this.manifestURL(repo, reference);
    const res = await this.request(repo, "HEAD", url, MANIFEST_ACCEPT);
    if (res.status === 404) throw this.notFound(repo, reference, res);
    this.expectOk(res, repo, `resolving ${reference}`);
    const digest = res.headers.get("docker-content-digest") ?? "";
    const mediaType = mediaTypeOf(res.headers);
    if (DIGEST.test(digest) && (INDEX_TYPES.has(mediaType) || MANIFEST_TYPES.has(mediaType))) {
      if (DIGEST.test(reference) && reference !== digest) {
        throw new RegistryError(
          `registry ${repo.registry} answered ${digest} for ${repositoryName(repo)}@${reference}`
        );
      }
      const length = Number(res.headers.get("content-length"));
      return { digest, mediaType, ...length > 0 && { size: length } };
    }
    const m = await this.getManifest(repo, reference);
    return { digest: m.digest, mediaType: m.mediaType, size: m.bytes.length };
  }
  /** A manifest or index by tag or digest, parsed and checked (digest, media type, shape). */
  async getManifest(repo, reference) {
    const url = this.manifestURL(repo, reference);
    const res = await this.request(
      repo,
      "GET",
      url,
      MANIFEST_ACCEPT,
      this.opts.maxManifestBytes ?? 4 << 20
    );
    if (res.status === 404) throw this.notFound(repo, reference, res);
    this.expectOk(res, repo, `reading the manifest of ${reference}`);
    const where = `reference ${reference} in repository ${repo.repository} on registry ${repo.registry}`;
    const byRef = DIGEST.exec(reference);
    const header = res.headers.get("docker-content-digest") ?? "";
    const byHeader = DIGEST.exec(header);
    const algorithm = byRef?.[1] ?? byHeader?.[1] ?? "sha256";
    const digest = await computeDigest(algorithm, res.body);
    if (byRef && digest !== reference) {
      throw new RegistryError(
        `the manifest served for ${where} has digest ${digest}, not the one asked for`
      );
    }
    if (byHeader && header !== digest) {
      throw new RegistryError(
        `the manifest served for ${where} has digest ${digest}, but the registry says ${header}`
      );
    }
    let doc;
    try {
      doc = JSON.parse(res.body.toString("utf8"));
    } catch (err) {
      throw new RegistryError(
        `malformed JSON in the manifest of ${where}: ${err.message.slice(0, 120)}`
      );
    }
    if (!isRecord(doc))
      throw new RegistryError(`malformed manifest for ${where}: not a JSON object`);
    const contentType = mediaTypeOf(res.headers);
    const declared = typeof doc.mediaType === "string" ? doc.mediaType : "";
    let mediaType = contentType;
    if (GENERIC_TYPES.has(contentType)) {
      mediaType = declared || (Array.isArray(doc.manifests) ? MEDIA_TYPES.ociIndex : isRecord(doc.config) ? MEDIA_TYPES.ociManifest : "");
    }
    const known = "gantry reads Docker v2 manifests and manifest lists, OCI manifests and OCI indexes";
    if (INDEX_TYPES.has(mediaType)) {
      const manifests = Array.isArray(doc.manifests) ? doc.manifests.map(toDescriptor) : null;
      if (!manifests || manifests.some((d) => d === null)) {
        throw new RegistryError(
          `malformed ${mediaType} for ${where}: "manifests" must be a list of descriptors`
        );
      }
      const index = {
        schemaVersion: typeof doc.schemaVersion === "number" ? doc.schemaVersion : 2,
        mediaType,
        manifests
      };
      const annotations = stringMap(doc.annotations);
      if (annotations) index.annotations = annotations;
      return { kind: "index", index, digest, mediaType, size: res.body.length, bytes: res.body };
    }
    if (MANIFEST_TYPES.has(mediaType)) {
      const config = toDescriptor(doc.config);
      const layers = Array.isArray(doc.layers) ? doc.layers.map(toDescriptor) : [];
      if (!config || layers.some((d) => d === null)) {
        throw new RegistryError(
          `malformed ${mediaType} for ${where}: it needs a "config" descriptor`
        );
      }
      const manifest = {
        schemaVersion: typeof doc.schemaVersion === "number" ? doc.schemaVersion : 2,
        mediaType,
        config,
        layers
      };
      const annotations = stringMap(doc.annotations);
      if (annotations) manifest.annotations = annotations;
      return {
        kind: "manifest",
        manifest,
        digest,
        mediaType,
        size: res.body.length,
        bytes: res.body
      };
    }
    const shown = mediaType || declared || "(none)";
    const hint = shown.includes("manifest.v1+") ? "; Docker schema 1 manifests are obsolete and not supported" : "";
    throw new RegistryError(
      `unknown manifest media type ${JSON.stringify(shown)} for ${where} (${known}${hint})`
    );
  }
  /**
   * A blob, its digest verified: a config blob (small: `maxBlobBytes`), or up to `maxBytes` for
   * the steps that move artifacts (oci-download, oci-push).
   */
  async getBlob(repo, digest, maxBytes) {
    const m = DIGEST.exec(digest);
    if (!m?.[1]) throw new RegistryError(`not a digest: ${JSON.stringify(digest)}`);
    const url = `${registryOrigin(repo)}/v2/${repo.repository}/blobs/${digest}`;
    const limit = maxBytes ?? this.opts.maxBlobBytes ?? 8 << 20;
    const res = await this.request(repo, "GET", url, "*/*", limit);
    if (res.status === 404) throw this.notFound(repo, digest, res);
    this.expectOk(res, repo, `reading blob ${digest}`);
    const actual = await computeDigest(m[1], res.body);
    if (actual !== digest) {
      throw new RegistryError(
        `blob ${digest} of repository ${repo.repository} on registry ${repo.registry} has digest ${actual}`
      );
    }
    return res.body;
  }
  /** Whether the repository has the blob (`HEAD /v2/<name>/blobs/<digest>`), asked with push rights. */
  async hasBlob(repo, digest) {
    const url = `${registryOrigin(repo)}/v2/${repo.repository}/blobs/${digest}`;
    const res = await this.request(repo, "HEAD", url, "*/*", 0, {});
    if (res.status === 404) return false;
    this.expectOk(res, repo, `checking blob ${digest}`);
    return true;
  }
  /**
   * Upload a blob in one request: `POST /v2/<name>/blobs/uploads/` opens an upload, `PUT
   * <location>?digest=` sends it whole (the distribution spec's monolithic upload).
   */
  async putBlob(repo, digest, bytes) {
    const start = `${registryOrigin(repo)}/v2/${repo.repository}/blobs/uploads/`;
    const opened = await this.request(repo, "POST", start, "*/*", 1 << 20, {});
    if (opened.status !== 202) this.expectOk(opened, repo, `opening an upload of ${digest}`);
    const location = opened.headers.get("location");
    if (opened.status !== 202 || !location) {
      throw new RegistryError(
        `registry ${repo.registry} answered HTTP ${opened.status} without an upload location when opening an upload in repository ${repo.repository}`,
        opened.status
      );
    }
    const target = new URL(location, opened.url || start);
    if (target.origin !== new URL(start).origin) {
      throw new RegistryError(
        `registry ${repo.registry} sent an upload location on another origin (${target.origin}); not sending the blob there`
      );
    }
    target.searchParams.set("digest", digest);
    const put = await this.request(repo, "PUT", target.href, "*/*", 1 << 20, {
      body: bytes,
      contentType: "application/octet-stream"
    });
    if (put.status !== 201) this.expectOk(put, repo, `uploading blob ${digest}`);
  }
  /** Store a manifest or index under a tag or its digest; returns the digest the registry gives. */
  async putManifest(repo, reference, bytes, mediaType) {
    const url = this.manifestURL(repo, reference);
    const res = await this.request(repo, "PUT", url, "*/*", 1 << 20, {
      body: bytes,
      contentType: mediaType
    });
    this.expectOk(res, repo, `storing the manifest ${reference}`);
    const digest = await computeDigest("sha256", bytes);
    const said = res.headers.get("docker-content-digest");
    if (said && said !== digest) {
      throw new RegistryError(
        `registry ${repo.registry} stored ${repo.repository}:${reference} as ${said}, but the manifest sent has digest ${digest}`
      );
    }
    return digest;
  }
  manifestURL(repo, reference) {
    return `${registryOrigin(repo)}/v2/${repo.repository}/manifests/${encodeURIComponent(reference).replace(/%3A/gi, ":")}`;
  }
  notFound(repo, reference, res) {
    return new NotFoundError(
      `${reference} not found in repository ${repo.repository} on registry ${repo.registry} (${registryErrorText(res.body) || "HTTP 404"})`,
      404
    );
  }
  expectOk(res, repo, doing) {
    if (res.status >= 200 && res.status < 300) return;
    const text = this.redactor.redact(registryErrorText(res.body));
    throw new RegistryError(
      `registry ${repo.registry} answered HTTP ${res.status} ${doing} in repository ${repo.repository}${text ? `: ${text}` : ""}`,
      res.status
    );
  }
  semaphore(host) {
    let s = this.semaphores.get(host);
    if (!s) {
      s = new Semaphore(Math.max(1, this.opts.concurrencyPerRegistry));
      this.semaphores.set(host, s);
    }
    return s;
  }
  /**
   * A registry request with auth (401 ⇒ challenge ⇒ retry, at most twice) and retries. Writes
   * (`push`) ask for a token scoped `pull,push`; their bodies are buffers, so a retry resends them.
   */
  async request(repo, method, url, accept, maxBytes = 16 << 20, write, signal) {
    const scope = `repository:${repo.repository}:${write ? "pull,push" : "pull"}`;
    if (repo.insecureSkipTLSVerify) this.insecureHosts.add(repo.apiHost);
    let authorization = await this.auth.authorization(repo.registry, scope);
    for (let authTries = 0; ; authTries++) {
      const headers = { Accept: accept };
      if (authorization) headers.Authorization = authorization;
      if (write?.contentType) headers["Content-Type"] = write.contentType;
      const init = { method, headers, ...write?.body ? { body: write.body } : {} };
      const res = await this.withRetries(
        repo.apiHost,
        method,
        url,
        () => this.send(repo.apiHost, url, init, repo.insecureSkipTLSVerify, true, maxBytes, signal),
        signal
      );
      if (res.status === 401) {
        if (authTries >= 2) {
          throw new RegistryAuthError(
            `authentication failed for ${repo.registry}: still refused after authenticating`
          );
        }
        authorization = await this.auth.onUnauthorized(
          repo.registry,
          scope,
          res.headers.get("www-authenticate"),
          authorization,
          authTries > 0
        );
        continue;
      }
      if (res.status === 403) {
        throw new RegistryAuthError(
          `access denied by registry ${repo.registry} to repository ${repo.repository}: ${this.redactor.redact(registryErrorText(res.body)) || "HTTP 403"}`
        );
      }
      return res;
    }
  }
  async sendToken(url, init) {
    const host = new URL(url).host;
    const res = await this.withRetries(
      host,
      init.method,
      url,
      () => this.send(host, url, init, this.insecureHosts.has(host), false, 1 << 20)
    );
    return { status: res.status, headers: res.headers, text: res.body.toString("utf8") };
  }
  /** Runs `attempt` until it answers something that is not 429/5xx, or the tries run out. */
  async withRetries(host, method, url, attempt, signal) {
    const path = new URL(url).pathname;
    const policy = this.retryPolicy;
    const maxRetryAfter = this.opts.maxRetryAfterMs ?? 6e4;
    for (let tryNo = 1; ; tryNo++) {
      signal?.throwIfAborted();
      let res;
      try {
        res = await attempt();
      } catch (err) {
        if (signal?.aborted) throw signal.reason;
        if (err instanceof RegistryError || err instanceof BodyTooLargeError) throw err;
        if (isTimeout(err)) {
          throw new RegistryError(
            `registry ${host} did not answer ${method} ${path} within ${this.opts.requestTimeoutMs} ms`
          );
        }
        const code = errorCode(err);
        const failure2 = new RegistryError(
          `cannot reach registry ${host} (${method} ${path}): ${this.redactor.redact(networkReason(err))}`
        );
        if (code && RETRYABLE_CODES.has(code) && tryNo < policy.attempts) {
          await this.pause(
            host,
            tryNo,
            backoffDelay(tryNo, policy, this.opts.random),
            failure2.message,
            signal
          );
          continue;
        }
        throw failure2;
      }
      const retryable = res.status === 429 || res.status >= 500 && res.status !== 501;
      if (!retryable) return res;
      const detail = this.redactor.redact(registryErrorText(res.body));
      const failure = `registry ${host} answered HTTP ${res.status} to ${method} ${path}`;
      if (tryNo >= policy.attempts) {
        throw new RegistryError(
          `${failure} ${tryNo} times; giving up${detail ? ` (last answer: ${detail})` : ""}`,
          res.status
        );
      }
      const retryAfter = parseRetryAfter(res.headers.get("retry-after"));
      if (retryAfter !== void 0 && retryAfter > maxRetryAfter) {
        throw new RegistryError(
          `${failure} and asks to retry after ${Math.ceil(retryAfter / 1e3)} s, longer than the ${Math.ceil(maxRetryAfter / 1e3)} s gantry waits`,
          res.status
        );
      }
      const delay = retryAfter !== void 0 ? retryAfter + Math.round((this.opts.random ?? Math.random)() * Math.min(1e3, policy.baseDelayMs)) : backoffDelay(tryNo, policy, this.opts.random);
      await this.pause(host, tryNo, delay, failure, signal);
    }
  }
  async pause(host, tryNo, delay, why, signal) {
    signal?.throwIfAborted();
    this.opts.log?.warn(
      `${why}; retrying in ${(delay / 1e3).toFixed(1)} s (try ${tryNo + 1} of ${this.retryPolicy.attempts})`
    );
    const wait = (this.opts.sleep ?? sleep)(delay);
    if (!signal) return wait;
    await new Promise((resolve, reject) => {
      const stop = () => reject(signal.reason);
      signal.addEventListener("abort", stop, { once: true });
      void wait.then(() => {
        signal.removeEventListener("abort", stop);
        resolve();
      }, reject);
    });
  }
  /** One HTTP exchange: a concurrency slot (registries only), a timeout, the body read up to `maxBytes`. */
  async send(host, url, init, insecure, limited, maxBytes, signal) {
    const sem = limited ? this.semaphore(host) : void 0;
    await sem?.acquire();
    try {
      signal?.throwIfAborted();
      this.counts.set(host, (this.counts.get(host) ?? 0) + 1);
      const started = this.opts.trace ? performance.now() : 0;
      const res = await this.transport.send(url, {
        method: init.method,
        headers: { "User-Agent": this.opts.userAgent ?? "gantry", ...init.headers },
        ...init.body !== void 0 && { body: init.body },
        insecure,
        timeoutMs: this.opts.requestTimeoutMs,
        // Streamed and counted: an endless chunked tag list must fail at the cap, not fill memory.
        maxBytes,
        what: "the registry response",
        ...signal && { signal }
      }).catch((err) => {
        const e = err instanceof Error ? err : new Error(String(err));
        this.opts.trace?.(httpTraceLine(init.method, url, e, performance.now() - started));
        throw err;
      });
      this.opts.trace?.(httpTraceLine(init.method, url, res.status, performance.now() - started));
      return res;
    } finally {
      sem?.release();
    }
  }
};
function registryClientFor(settings) {
  return new RegistryClient({
    credentials: settings.registryCredentials,
    requestTimeoutMs: settings.requestTimeoutMs,
    concurrencyPerRegistry: settings.concurrencyPerRegistry,
    log: settings.log,
    ...settings.trace ? { trace: settings.trace } : {}
  });
}

export {
  MEDIA_TYPES,
  NotFoundError,
  RegistryClient,
  registryClientFor
};
