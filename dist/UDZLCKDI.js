import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  parseRetryAfter,
  retry,
  sleep
} from "./6DZPHH7F.js";
import {
  Redactor
} from "./FNZOKEBV.js";
import {
  parseConstraint
} from "./3CCVSSJR.js";
import {
  isRecord
} from "./55THRJYK.js";
import {
  BodyTooLargeError,
  bodyChunks,
  formatBytes,
  safeURL
} from "./HSUCJ5W4.js";
import {
  compareVersionsDesc,
  parseVersion,
  sanitizeURL
} from "./KKJNXGQK.js";
import {
  require_dist
} from "./7A3KA3RP.js";
import {
  ConfigError,
  OperationError,
  errorMessage
} from "./HQMHHTDW.js";
import {
  __toESM
} from "./5TKDJZQG.js";

// src/discovery/helm-index.ts
var import_yaml = __toESM(require_dist(), 1);
var IndexFormatError = class extends Error {
  name = "IndexFormatError";
};
var SPACE = 32;
var TAB = 9;
var LF = 10;
var CR = 13;
var HASH = 35;
var DASH = 45;
var DQUOTE = 34;
var SQUOTE = 39;
var BACKSLASH = 92;
var COLON = 58;
var INDICATORS = new Set([..."[]{}#&*!|>%@`,"].map((c) => c.charCodeAt(0)));
function readKeyLine(buf, start, end) {
  const first = buf[start];
  if (first === void 0) return null;
  let keyEnd;
  let key;
  if (first === DQUOTE || first === SQUOTE) {
    const close = closingQuote(buf, start, end);
    if (close < 0) return null;
    key = quotedText(buf, start, close);
    keyEnd = close + 1;
    while (keyEnd < end && buf[keyEnd] === SPACE) keyEnd++;
    if (buf[keyEnd] !== COLON) return null;
  } else {
    if (INDICATORS.has(first)) return null;
    if ((first === DASH || first === 63 || first === COLON) && isBreakOrSpace(buf, start + 1, end))
      return null;
    keyEnd = -1;
    for (let i = start; i < end; i++) {
      const c = buf[i];
      if (c === COLON && isBreakOrSpace(buf, i + 1, end)) {
        keyEnd = i;
        break;
      }
      if (c === HASH && i > start && (buf[i - 1] === SPACE || buf[i - 1] === TAB)) return null;
    }
    if (keyEnd < 0) return null;
    let k = keyEnd;
    while (k > start && (buf[k - 1] === SPACE || buf[k - 1] === TAB)) k--;
    key = decode(buf, start, k);
  }
  let v = keyEnd + 1;
  while (v < end && (buf[v] === SPACE || buf[v] === TAB)) v++;
  let e = end;
  while (e > v && (buf[e - 1] === SPACE || buf[e - 1] === TAB)) e--;
  return { key, value: decode(buf, v, e) };
}
function isBreakOrSpace(buf, i, end) {
  return i >= end || buf[i] === SPACE || buf[i] === TAB;
}
function closingQuote(buf, start, end) {
  const q = buf[start];
  for (let i = start + 1; i < end; i++) {
    const c = buf[i];
    if (q === DQUOTE && c === BACKSLASH) return -1;
    if (c === q) {
      if (q === SQUOTE && buf[i + 1] === SQUOTE) {
        i++;
        continue;
      }
      return i;
    }
  }
  return -1;
}
function quotedText(buf, open, close) {
  const text = decode(buf, open + 1, close);
  return buf[open] === SQUOTE ? text.replaceAll("''", "'") : text;
}
var decoder = new TextDecoder("utf-8");
function decode(buf, start, end) {
  return decoder.decode(buf.subarray(start, end));
}
function isEmptyValue(value) {
  return value === "" || value.startsWith("#");
}
function readScalar(value) {
  const first = value.charCodeAt(0);
  if (first === DQUOTE || first === SQUOTE) {
    const bytes = Buffer.from(value, "utf8");
    const close = closingQuote(bytes, 0, bytes.length);
    if (close < 0) return null;
    const rest = decode(bytes, close + 1, bytes.length).trim();
    if (rest !== "" && !rest.startsWith("#")) return null;
    return quotedText(bytes, 0, close);
  }
  if (value === "" || INDICATORS.has(first)) return null;
  if ((first === DASH || first === 63 || first === COLON) && /^.(?:\s|$)/.test(value))
    return null;
  const comment = value.search(/[ \t]#/);
  const text = (comment >= 0 ? value.slice(0, comment) : value).trimEnd();
  if (/:(?:[ \t]|$)/.test(text)) return null;
  return text;
}
var JSON_DOCUMENT = "JSON or flow-style document";
var MAX_LINE_BYTES = 1 << 20;
var IndexYamlScanner = class {
  chart;
  carry = [];
  carried = 0;
  lineNo = 0;
  verdict = null;
  /** The first significant byte is `{` or `[`: a JSON (or flow YAML) document. */
  json = false;
  phase = "start";
  topKeys = /* @__PURE__ */ new Set();
  /** Indent of the chart names under `entries:` (-1 until the first one). */
  entriesIndent = -1;
  found = false;
  inChart = false;
  versions = [];
  /** Indent of the `-` of the chart's items, and of the keys within the current item. */
  dashIndent = -1;
  keyIndent = -1;
  itemHasVersion = false;
  /** The previous significant line was the item's `version:`: a deeper line would continue it. */
  afterVersion = false;
  constructor(chart) {
    this.chart = chart;
  }
  /** True once the scanner has given up; the rest of the input need not be pushed. */
  get done() {
    return this.verdict !== null || this.json;
  }
  /** Whether the document is JSON (or flow-style YAML); `end` then reports it unrecognised. */
  get isJson() {
    return this.json;
  }
  push(data) {
    if (this.done) return;
    const chunk = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    if (this.phase === "start" && this.carry.length === 0) this.sniff(chunk);
    let pos = 0;
    if (this.carry.length > 0) {
      const nl = chunk.indexOf(LF);
      if (nl < 0) {
        this.hold(chunk);
        return;
      }
      const line = Buffer.concat([...this.carry, chunk.subarray(0, nl)]);
      this.carry = [];
      this.carried = 0;
      this.line(line, 0, line.length);
      pos = nl + 1;
    }
    while (pos < chunk.length && !this.done) {
      const nl = chunk.indexOf(LF, pos);
      if (nl < 0) {
        this.hold(chunk.subarray(pos));
        return;
      }
      this.line(chunk, pos, nl);
      pos = nl + 1;
    }
  }
  /**
   * Keep the start of a line that goes on in the next chunk. A line of more than a MiB is no
   * index the scanner reads (and a body without newlines would otherwise be held whole here).
   */
  hold(piece) {
    this.carried += piece.length;
    if (this.carried > MAX_LINE_BYTES) {
      this.carry = [];
      this.carried = 0;
      this.giveUp(`a line longer than ${MAX_LINE_BYTES} bytes`);
      return;
    }
    this.carry.push(piece);
  }
  /** Recognise a JSON document from its first byte, before its first (maybe only) line ends. */
  sniff(chunk) {
    let i = 0;
    if (chunk[0] === 239 && chunk[1] === 187 && chunk[2] === 191) i = 3;
    while (i < chunk.length && (chunk[i] === SPACE || chunk[i] === TAB || chunk[i] === CR)) i++;
    if (chunk[i] === 123 || chunk[i] === 91) this.json = true;
  }
  end() {
    if (this.carry.length > 0 && !this.done) {
      const last = Buffer.concat(this.carry);
      this.carry = [];
      this.line(last, 0, last.length);
    }
    if (this.verdict) return this.verdict;
    if (this.json) return { status: "unrecognised", line: 1, reason: JSON_DOCUMENT };
    return this.found ? { status: "found", versions: this.versions } : { status: "absent" };
  }
  giveUp(reason) {
    this.verdict = { status: "unrecognised", line: this.lineNo, reason };
  }
  line(buf, start, end) {
    this.lineNo++;
    let s = start;
    let e = end;
    if (e > s && buf[e - 1] === CR) e--;
    if (this.lineNo === 1 && buf[s] === 239 && buf[s + 1] === 187 && buf[s + 2] === 191) s += 3;
    let i = s;
    while (i < e && buf[i] === SPACE) i++;
    if (i < e && buf[i] === TAB) {
      let j = i;
      while (j < e && (buf[j] === SPACE || buf[j] === TAB)) j++;
      if (j === e) return;
      return this.giveUp("tab in indentation");
    }
    if (i === e) return;
    const c = buf[i];
    if (c === HASH) return;
    const indent = i - s;
    if (this.phase === "start") {
      if (c === 123 || c === 91) {
        this.json = true;
        return;
      }
      if (c === 37) return this.giveUp("YAML directive");
      if (isMarker(buf, i, e, DASH)) {
        if (indent === 0 && isEmptyValue(decode(buf, i + 3, e).trim())) return;
        return this.giveUp("content after ---");
      }
      if (indent > 0) return this.giveUp("indented top-level mapping");
      this.phase = "top";
    }
    if (indent === 0) return this.topLevel(buf, i, e);
    if (this.phase !== "entries") return;
    if (this.entriesIndent < 0) this.entriesIndent = indent;
    const entriesIndent = this.entriesIndent;
    if (indent < entriesIndent) return this.giveUp("line less indented than the chart names");
    const dash = c === DASH && isBreakOrSpace(buf, i + 1, e);
    if (indent === entriesIndent && !dash) {
      this.closeItem();
      this.inChart = false;
      return this.chartKey(buf, i, e);
    }
    if (!this.inChart) return;
    if (this.dashIndent < 0) {
      if (!dash) return this.giveUp("chart entry is not a block sequence");
      this.dashIndent = indent;
    }
    if (indent < this.dashIndent) return this.giveUp("line less indented than the chart items");
    if (indent === this.dashIndent) {
      if (!dash) return this.giveUp("key beside the chart items");
      return this.item(buf, i, e);
    }
    if (this.keyIndent < 0) this.keyIndent = indent;
    if (indent < this.keyIndent) return this.giveUp("item key less indented than the first");
    if (indent > this.keyIndent || dash) {
      if (this.afterVersion) return this.giveUp("line continuing an item version");
      return;
    }
    this.itemKey(buf, i, e);
  }
  topLevel(buf, i, e) {
    this.closeItem();
    this.inChart = false;
    if (isMarker(buf, i, e, DASH) || isMarker(buf, i, e, 46)) {
      return this.giveUp("document marker after content");
    }
    const kv = readKeyLine(buf, i, e);
    if (!kv) return this.giveUp("top-level line is not a `key: value` entry");
    if (this.topKeys.has(kv.key)) return this.giveUp(`duplicate top-level key ${kv.key}`);
    this.topKeys.add(kv.key);
    if (kv.key === "entries") {
      if (isEmptyValue(kv.value)) {
        this.phase = "entries";
        this.entriesIndent = -1;
        return;
      }
      if (/^\{\s*\}\s*(?:#.*)?$/.test(kv.value)) {
        this.phase = "top";
        return;
      }
      return this.giveUp("entries is not a block mapping");
    }
    this.phase = "top";
    const v = kv.value.charCodeAt(0);
    if (v === 123 || v === 91) return this.giveUp(`flow collection under ${kv.key}`);
    if ((v === DQUOTE || v === SQUOTE) && readScalar(kv.value) === null) {
      return this.giveUp(`quoted scalar under ${kv.key} the scanner does not read`);
    }
  }
  chartKey(buf, i, e) {
    const kv = readKeyLine(buf, i, e);
    if (!kv) return this.giveUp("chart name line is not a `name:` entry");
    const empty = isEmptyValue(kv.value) || /^(?:\[\s*\]|~|null|Null|NULL)\s*(?:#.*)?$/.test(kv.value);
    if (!empty) return this.giveUp(`chart ${kv.key} is not a block sequence`);
    if (kv.key !== this.chart) return;
    if (this.found) return this.giveUp(`chart ${kv.key} is listed twice`);
    this.found = true;
    this.inChart = isEmptyValue(kv.value);
    this.dashIndent = -1;
    this.keyIndent = -1;
    this.itemHasVersion = false;
    this.afterVersion = false;
  }
  /** A `- ` line at the items' indent: a new item, possibly with its first key on the line. */
  item(buf, i, e) {
    this.closeItem();
    let k = i + 1;
    while (k < e && buf[k] === SPACE) k++;
    if (k < e && buf[k] === TAB) return this.giveUp("tab after -");
    this.keyIndent = -1;
    if (k === e || buf[k] === HASH) return;
    this.keyIndent = k - (i - this.dashIndent);
    this.itemKey(buf, k, e);
  }
  itemKey(buf, i, e) {
    this.afterVersion = false;
    const kv = readKeyLine(buf, i, e);
    if (!kv) return this.giveUp("item line is not a `key: value` entry");
    if (kv.key === "<<") return this.giveUp("merge key");
    if (kv.key !== "version") return;
    if (this.itemHasVersion) return this.giveUp("item has two versions");
    const version = readScalar(kv.value);
    if (version === null) return this.giveUp("version is not a one-line scalar");
    this.itemHasVersion = true;
    this.afterVersion = true;
    this.versions.push(version);
  }
  closeItem() {
    this.itemHasVersion = false;
    this.afterVersion = false;
  }
};
function isMarker(buf, i, e, c) {
  return buf[i] === c && buf[i + 1] === c && buf[i + 2] === c && isBreakOrSpace(buf, i + 3, e);
}
function scanYamlIndex(body, chart) {
  const scanner = new IndexYamlScanner(chart);
  scanner.push(body);
  return scanner.end();
}
var Unrecognised = class extends Error {
};
function scanJsonIndex(buf, chart) {
  const p = new JsonSkimmer(buf);
  try {
    let result = { status: "absent" };
    let sawEntries = false;
    p.ws();
    p.objectEntries((key) => {
      if (key !== "entries") return p.skipValue();
      if (sawEntries) throw new Unrecognised("duplicate entries");
      sawEntries = true;
      if (p.literal("null")) return;
      let sawChart = false;
      p.objectEntries((name) => {
        if (name !== chart) return p.skipValue();
        if (sawChart) throw new Unrecognised(`chart ${name} is listed twice`);
        sawChart = true;
        const versions = [];
        result = { status: "found", versions };
        if (p.literal("null")) return;
        p.arrayItems(() => {
          if (p.literal("null")) return;
          let sawVersion = false;
          p.objectEntries((field) => {
            if (field !== "version") return p.skipValue();
            if (sawVersion) throw new Unrecognised("item has two versions");
            sawVersion = true;
            if (p.literal("null")) return;
            if (p.peek() !== DQUOTE) throw new Unrecognised("version is not a string");
            versions.push(p.string());
          });
        });
      });
    });
    p.ws();
    if (!p.atEnd()) throw new Unrecognised("content after the document");
    return result;
  } catch (err) {
    if (err instanceof Unrecognised) {
      return { status: "unrecognised", line: p.lineAt(), reason: err.message };
    }
    throw err;
  }
}
var JsonSkimmer = class {
  constructor(buf) {
    this.buf = buf;
    if (buf[0] === 239 && buf[1] === 187 && buf[2] === 191) this.pos = 3;
  }
  buf;
  pos = 0;
  atEnd() {
    return this.pos >= this.buf.length;
  }
  peek() {
    return this.buf[this.pos];
  }
  lineAt() {
    let n = 1;
    for (let i = 0; i < Math.min(this.pos, this.buf.length); i++) if (this.buf[i] === LF) n++;
    return n;
  }
  ws() {
    const b = this.buf;
    let i = this.pos;
    for (; ; ) {
      const c = b[i];
      if (c === SPACE || c === LF || c === CR || c === TAB) i++;
      else break;
    }
    this.pos = i;
  }
  expect(c) {
    this.ws();
    if (this.buf[this.pos] !== c) throw new Unrecognised(`expected ${String.fromCharCode(c)}`);
    this.pos++;
  }
  literal(word) {
    this.ws();
    for (let k = 0; k < word.length; k++) {
      if (this.buf[this.pos + k] !== word.charCodeAt(k)) return false;
    }
    this.pos += word.length;
    return true;
  }
  /** `{ "k": v, … }`, calling `each` with the value's key and the position at the value. */
  objectEntries(each) {
    this.expect(123);
    this.ws();
    if (this.buf[this.pos] === 125) {
      this.pos++;
      return;
    }
    for (; ; ) {
      this.ws();
      if (this.buf[this.pos] !== DQUOTE) throw new Unrecognised("expected a key");
      const key = this.string();
      this.expect(COLON);
      this.ws();
      each(key);
      this.ws();
      const c = this.buf[this.pos++];
      if (c === 125) return;
      if (c !== 44) throw new Unrecognised("expected , or }");
    }
  }
  arrayItems(each) {
    this.expect(91);
    this.ws();
    if (this.buf[this.pos] === 93) {
      this.pos++;
      return;
    }
    for (; ; ) {
      this.ws();
      each();
      this.ws();
      const c = this.buf[this.pos++];
      if (c === 93) return;
      if (c !== 44) throw new Unrecognised("expected , or ]");
    }
  }
  /** A string at the position, decoded. */
  string() {
    const start = this.pos;
    const end = this.stringEnd(start);
    this.pos = end + 1;
    let escaped = false;
    for (let i = start + 1; i < end; i++) {
      if (this.buf[i] === BACKSLASH) {
        escaped = true;
        break;
      }
    }
    const raw = decode(this.buf, start, end + 1);
    if (!escaped) return raw.slice(1, -1);
    try {
      return JSON.parse(raw);
    } catch {
      throw new Unrecognised("invalid string");
    }
  }
  /** Index of the closing quote of the string opening at `start`. */
  stringEnd(start) {
    const b = this.buf;
    let i = start + 1;
    for (; ; ) {
      const q = b.indexOf(DQUOTE, i);
      if (q < 0) throw new Unrecognised("unterminated string");
      let slashes = 0;
      for (let k = q - 1; k > start && b[k] === BACKSLASH; k--) slashes++;
      if (slashes % 2 === 0) return q;
      i = q + 1;
    }
  }
  /** Step over one value of any kind. */
  skipValue() {
    this.ws();
    const b = this.buf;
    const c = b[this.pos];
    if (c === DQUOTE) {
      this.pos = this.stringEnd(this.pos) + 1;
      return;
    }
    if (c === 123 || c === 91) {
      let depth = 0;
      let i2 = this.pos;
      for (; ; ) {
        const d = b[i2];
        if (d === void 0) throw new Unrecognised("unterminated value");
        if (d === DQUOTE) {
          i2 = this.stringEnd(i2) + 1;
          continue;
        }
        if (d === 123 || d === 91) depth++;
        else if (d === 125 || d === 93) {
          depth--;
          if (depth === 0) {
            this.pos = i2 + 1;
            return;
          }
        }
        i2++;
      }
    }
    let i = this.pos;
    while (i < b.length) {
      const d = b[i];
      if (d === 44 || d === 125 || d === 93 || d === SPACE || d === LF || d === CR || d === TAB)
        break;
      i++;
    }
    const word = decode(b, this.pos, i);
    if (!/^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)$/.test(word)) {
      throw new Unrecognised("invalid value");
    }
    this.pos = i;
  }
};
function kindOf(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a sequence";
  return typeof v === "object" ? "a mapping" : `a ${typeof v}`;
}
function isNullish(v) {
  return v === null || v === void 0 || v === "" || v === "~" || v === "null" || v === "Null" || v === "NULL";
}
function parseIndexFull(text, chart) {
  return chartVersionsIn(parseIndexDocument(text), chart);
}
function parseIndexDocument(text) {
  const body = text.charCodeAt(0) === 65279 ? text.slice(1) : text;
  let doc;
  let parsed = false;
  if (/^\s*[[{]/.test(body)) {
    try {
      doc = JSON.parse(body);
      parsed = true;
    } catch {
    }
  }
  if (!parsed) {
    try {
      doc = (0, import_yaml.parse)(body, { schema: "failsafe", merge: true, maxAliasCount: 1e4 });
    } catch (err) {
      const message = err instanceof Error ? err.message.split("\n")[0] : String(err);
      throw new IndexFormatError(message ?? "not YAML", { cause: err });
    }
  }
  return doc;
}
function chartVersionsIn(doc, chart) {
  if (isNullish(doc)) return null;
  if (!isRecord(doc)) throw new IndexFormatError(`the index is ${kindOf(doc)}, not a mapping`);
  const entries = doc.entries;
  if (isNullish(entries)) return null;
  if (!isRecord(entries))
    throw new IndexFormatError(`entries is ${kindOf(entries)}, not a mapping`);
  if (!Object.hasOwn(entries, chart)) return null;
  const items = entries[chart];
  if (isNullish(items)) return [];
  if (!Array.isArray(items)) {
    throw new IndexFormatError(`entries.${chart} is ${kindOf(items)}, not a sequence`);
  }
  const versions = [];
  for (const [n, item] of items.entries()) {
    if (isNullish(item)) continue;
    if (!isRecord(item)) {
      throw new IndexFormatError(`entries.${chart}[${n}] is ${kindOf(item)}, not a mapping`);
    }
    const v = item.version;
    if (v === void 0 || v === null) continue;
    if (typeof v === "number" || typeof v === "boolean") versions.push(String(v));
    else if (typeof v === "string") versions.push(v);
    else {
      throw new IndexFormatError(`entries.${chart}[${n}].version is ${kindOf(v)}, not a string`);
    }
  }
  return versions;
}
function readChartVersions(body, chart, scan) {
  const bytes = () => typeof body === "function" ? body() : body;
  let result = scan ?? scanYamlIndex(bytes(), chart);
  let method = "yaml-scanner";
  if (result.status === "unrecognised" && result.reason === JSON_DOCUMENT) {
    result = scanJsonIndex(bytes(), chart);
    method = "json-scanner";
  }
  if (result.status === "found") return { versions: result.versions, method };
  if (result.status === "absent") return { versions: null, method };
  const versions = parseIndexFull(decoder.decode(bytes()), chart);
  return {
    versions,
    method: "full-parse",
    fallbackReason: `line ${result.line}: ${result.reason}`
  };
}

// src/discovery/helm.ts
var DEFAULT_CHART_RETRY = {
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8e3
};
var DEFAULT_MAX_RETRY_AFTER_MS = 6e4;
var DEFAULT_MAX_INDEX_BYTES = 512 * 1024 * 1024;
var DEFAULT_MAX_PARSED_INDEX_BYTES = 64 * 1024 * 1024;
function isOciChartURL(repoURL) {
  return /^oci:\/\//i.test(sanitizeURL(repoURL));
}
function ociChartRepository(repoURL) {
  return sanitizeURL(repoURL).replace(/^oci:\/\//i, "").replace(/\/+$/, "").toLowerCase();
}
function chartIndexURL(repoURL) {
  let u;
  try {
    u = new URL(sanitizeURL(repoURL));
  } catch {
    throw new ConfigError(`chart repository URL ${redactURL(repoURL)} is not a valid URL`);
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") {
    throw new ConfigError(
      `chart repository URL ${redactURL(repoURL)} must start with https://, http:// or oci://`
    );
  }
  let credentials;
  if (u.username || u.password) {
    credentials = {
      username: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password)
    };
    u.username = "";
    u.password = "";
  }
  u.pathname = `${u.pathname.replace(/\/+$/, "")}/index.yaml`;
  u.hash = "";
  return credentials ? { url: u.toString(), credentials } : { url: u.toString() };
}
function redactURL(url) {
  return new Redactor().redact(url);
}
function selectChartVersions(versions, semverConstraint, limit) {
  const constraint = semverConstraint !== void 0 && semverConstraint.trim() !== "" ? parseConstraint(semverConstraint) : null;
  const seen = /* @__PURE__ */ new Set();
  const kept = [];
  for (const v of versions) {
    if (seen.has(v)) continue;
    seen.add(v);
    const parsed = parseVersion(v, false);
    if (!parsed) continue;
    if (constraint && !constraint.matches(parsed.version)) continue;
    kept.push(parsed);
  }
  kept.sort(compareVersionsDesc);
  const trimmed = limit > 0 ? kept.slice(0, limit) : kept;
  return trimmed.map((p) => p.original);
}
async function discoverCharts(sub, deps) {
  if (sub.semverConstraint !== void 0 && sub.semverConstraint.trim() !== "") {
    try {
      parseConstraint(sub.semverConstraint);
    } catch (err) {
      throw new ConfigError(errorMessage(err));
    }
  }
  let versions;
  if (isOciChartURL(sub.repoURL)) {
    if (sub.name) {
      throw new ConfigError(
        `chart ${sub.repoURL}: name must be omitted for oci:// charts; the last path segment of repoURL is the chart name`
      );
    }
    versions = await listOciChartVersions(sub.repoURL, deps);
  } else {
    if (!sub.name) {
      throw new ConfigError(
        `chart repository ${redactURL(sub.repoURL)}: name (the chart name) is required for an http(s) repository`
      );
    }
    versions = await listHttpChartVersions(sub.repoURL, sub.name, deps) ?? [];
  }
  return selectChartVersions(versions, sub.semverConstraint, sub.discoveryLimit).map((version) => ({
    version
  }));
}
async function listOciChartVersions(repoURL, deps) {
  const tags = await deps.listOciTags(ociChartRepository(repoURL));
  return tags.map((t) => t.replaceAll("_", "+"));
}
var HttpStatusError = class extends OperationError {
  constructor(message, status, retryAfterMs) {
    super(message);
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
  status;
  retryAfterMs;
  name = "HttpStatusError";
};
var RequestTimeoutError = class extends OperationError {
  name = "RequestTimeoutError";
};
var NetworkError = class extends OperationError {
  name = "NetworkError";
};
function isRetryable(err) {
  if (err instanceof HttpStatusError) {
    return err.status === 429 || err.status >= 500 && err.status !== 501 && err.status !== 505;
  }
  return err instanceof RequestTimeoutError || err instanceof NetworkError;
}
async function listHttpChartVersions(repoURL, chart, deps) {
  const { url, credentials: fromURL } = chartIndexURL(repoURL);
  const shown = safeURL(url);
  const credentials = deps.credentials ?? fromURL;
  const redactor = new Redactor();
  if (credentials) redactor.addBasicAuth(credentials.username, credentials.password);
  const policy = deps.retry ?? DEFAULT_CHART_RETRY;
  const maxRetryAfter = deps.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  let wait = 0;
  const started = Date.now();
  const fetched = await retry(
    () => fetchIndex(url, chart, credentials, deps),
    (err) => {
      if (!isRetryable(err)) return false;
      const after = err instanceof HttpStatusError ? err.retryAfterMs : void 0;
      return after === void 0 || after <= maxRetryAfter;
    },
    policy,
    {
      onRetry: (attempt, delay, err) => {
        const after = err instanceof HttpStatusError ? err.retryAfterMs : void 0;
        wait = Math.max(delay, after ?? 0);
        deps.log?.warn(
          `${shown}: ${redactor.redact(errorMessage(err))}; try ${attempt + 1} of ${policy.attempts} in ${(wait / 1e3).toFixed(1)} s`
        );
      },
      sleep: () => (deps.sleep ?? sleep)(wait)
    }
  ).catch((err) => {
    if (err instanceof HttpStatusError && err.retryAfterMs !== void 0 && err.retryAfterMs > maxRetryAfter) {
      throw new OperationError(
        `${err.message}; the server asks to retry after ${Math.round(err.retryAfterMs / 1e3)} s, longer than ${Math.round(maxRetryAfter / 1e3)} s`,
        { cause: err }
      );
    }
    if (isRetryable(err) && policy.attempts > 1) {
      throw new OperationError(`${errorMessage(err)} (gave up after ${policy.attempts} tries)`, {
        cause: err
      });
    }
    throw err;
  });
  let read;
  try {
    read = readChartVersions(fetched.body, chart, fetched.scan);
  } catch (err) {
    if (err instanceof IndexFormatError) {
      throw new OperationError(`error unmarshaling repository index ${shown}: ${err.message}`, {
        cause: err
      });
    }
    throw err;
  }
  if (read.fallbackReason) {
    deps.log?.warn(
      `${shown}: the index has a layout the fast scanner does not read (${read.fallbackReason}); parsed it whole`
    );
  }
  deps.log?.info(
    `${shown}: ${formatBytes(fetched.bytes)} read in ${((Date.now() - started) / 1e3).toFixed(2)} s; ${read.versions === null ? `no chart ${chart}` : `${read.versions.length} versions of ${chart}`}`
  );
  return read.versions;
}
async function fetchIndex(url, chart, credentials, deps) {
  const shown = safeURL(url);
  const doFetch = deps.fetch ?? fetch;
  const controller = new AbortController();
  let timedOut = false;
  let timer;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, deps.timeoutMs);
  };
  const headers = {
    "User-Agent": "gantry",
    Accept: "application/yaml, application/x-yaml, text/yaml, application/json;q=0.9, */*;q=0.8"
  };
  if (credentials) {
    const pair = `${credentials.username}:${credentials.password}`;
    headers.Authorization = `Basic ${Buffer.from(pair).toString("base64")}`;
  }
  arm();
  try {
    let res;
    try {
      res = await doFetch(url, { headers, signal: controller.signal, redirect: "follow" });
    } catch (err) {
      if (timedOut) {
        throw new RequestTimeoutError(`no response from ${shown} within ${deps.timeoutMs} ms`);
      }
      throw new NetworkError(`cannot reach ${shown}: ${describeNetworkError(err)}`, { cause: err });
    }
    if (res.status !== 200) {
      await res.body?.cancel().catch(() => void 0);
      const hint = res.status === 401 || res.status === 403 ? credentials ? " (the credentials were refused)" : " (the repository wants credentials)" : "";
      throw new HttpStatusError(
        `received unexpected HTTP ${res.status} when retrieving chart repository index file ${shown}${hint}`,
        res.status,
        parseRetryAfter(res.headers.get("retry-after"))
      );
    }
    const max = deps.maxIndexBytes ?? DEFAULT_MAX_INDEX_BYTES;
    const keepMax = Math.min(max, deps.maxParsedIndexBytes ?? DEFAULT_MAX_PARSED_INDEX_BYTES);
    const scanner = new IndexYamlScanner(chart);
    const chunks = [];
    let kept = true;
    let bytes = 0;
    const body = bodyChunks(res, { url, maxBytes: max, what: "the Helm index" });
    for (; ; ) {
      arm();
      let step;
      try {
        step = await body.next();
      } catch (err) {
        if (err instanceof BodyTooLargeError) throw err;
        if (timedOut) {
          throw new RequestTimeoutError(
            `${shown}: the index stopped arriving (nothing for ${deps.timeoutMs} ms after ${formatBytes(bytes)})`
          );
        }
        throw new NetworkError(`${shown}: reading the index failed: ${describeNetworkError(err)}`, {
          cause: err
        });
      }
      if (step.done) break;
      bytes += step.value.byteLength;
      if (kept && bytes > keepMax) {
        kept = false;
        chunks.length = 0;
      }
      if (kept) chunks.push(step.value);
      scanner.push(step.value);
    }
    const scan = scanner.end();
    let joined;
    return {
      bytes,
      scan,
      body: () => {
        if (!kept) {
          const why = scan.status === "unrecognised" ? ` (line ${scan.line}: ${scan.reason})` : "";
          throw new OperationError(
            `${shown}: the index is ${formatBytes(bytes)}, in a layout the fast scanner does not read${why}, and more than the ${formatBytes(keepMax)} gantry parses whole`
          );
        }
        if (!joined) {
          joined = Buffer.concat(chunks, bytes);
          chunks.length = 0;
        }
        return joined;
      }
    };
  } finally {
    clearTimeout(timer);
  }
}
function describeNetworkError(err) {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : void 0;
  const code = cause?.code;
  const detail = cause ? `${typeof code === "string" ? `${code}: ` : ""}${cause.message}` : "";
  return detail || errorMessage(err);
}
export {
  DEFAULT_CHART_RETRY,
  chartIndexURL,
  discoverCharts,
  isOciChartURL,
  listHttpChartVersions,
  listOciChartVersions,
  ociChartRepository,
  selectChartVersions
};
