export const id = 5233;
export const ids = [5233];
export const modules = {

/***/ 5233:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_CHART_RETRY: () => (/* binding */ DEFAULT_CHART_RETRY),
  chartIndexURL: () => (/* binding */ chartIndexURL),
  discoverCharts: () => (/* binding */ discoverCharts),
  isOciChartURL: () => (/* binding */ isOciChartURL),
  listHttpChartVersions: () => (/* binding */ listHttpChartVersions),
  listOciChartVersions: () => (/* binding */ listOciChartVersions),
  ociChartRepository: () => (/* binding */ ociChartRepository),
  selectChartVersions: () => (/* binding */ selectChartVersions)
});

// EXTERNAL MODULE: ./src/semver/parse.ts
var parse = __webpack_require__(2507);
// EXTERNAL MODULE: ./src/semver/constraint.ts
var semver_constraint = __webpack_require__(5541);
// EXTERNAL MODULE: ./src/urls/index.ts
var urls = __webpack_require__(6066);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/http-body.ts
var http_body = __webpack_require__(1871);
// EXTERNAL MODULE: ./src/util/redact.ts
var redact = __webpack_require__(767);
// EXTERNAL MODULE: ./src/util/retry.ts
var retry = __webpack_require__(4266);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/util/guards.ts
var guards = __webpack_require__(6936);
;// CONCATENATED MODULE: ./src/discovery/helm-index.ts
/**
 * Reading one chart's versions out of a Helm repository's `index.yaml`, without building the
 * document. Public indexes run to tens of megabytes (hundreds of charts × thousands of versions);
 * a full YAML parse of one costs seconds and a heap many times its size, while discovery needs
 * only the `version` fields of one chart.
 *
 * Helm writes the index with go-yaml in a fixed block layout:
 *
 *     apiVersion: v1
 *     entries:
 *       mychart:
 *       - apiVersion: v2          ← items at the chart key's indent ("indentless") or deeper
 *         dependencies:
 *         - name: common
 *           version: 2.x.x        ← deeper than the item's keys: not the chart's version
 *         urls:
 *         - https://…
 *         version: 1.2.3          ← a key at the item's key indent
 *     generated: "2024-01-01T00:00:00Z"
 *
 * `IndexYamlScanner` reads that layout line by line, as bytes, and decodes only the lines that
 * matter (top-level keys, chart keys, and the keys of the requested chart's items). It is
 * deliberately narrow: on anything it does not recognise (flow collections where it needs to
 * look, anchors and aliases, merge keys, tags, multi-line scalars or keys with escapes on lines
 * it reads, tabs in indentation, several documents, duplicate keys it would have to choose
 * between) it says so, and the caller falls back to `parseIndexFull`, the `yaml` package's full
 * parser (or `JSON.parse`). Where the scanner answers, it answers what the full parser would:
 * the unit tests hold the two side by side on varied fixtures.
 *
 * JSON indexes (`helm repo index --json`) get the same treatment from `scanJsonIndex`, a skimmer
 * that steps over every value except the requested chart's `version` strings.
 *
 * Versions come back exactly as written (strings, in file order); scalars are read with YAML's
 * failsafe schema, so `version: 1.10` stays `1.10`.
 */


/** The index is not a Helm repository index (not YAML/JSON, or not shaped like one). */
class IndexFormatError extends Error {
    name = 'IndexFormatError';
}
const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;
const DASH = 0x2d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
/** Characters that may not start a plain (unquoted) scalar or key in YAML's block context. */
const INDICATORS = new Set([...'[]{}#&*!|>%@`,'].map((c) => c.charCodeAt(0)));
/**
 * Parse `key: value` at `start` (the first non-space byte of the line) up to `end`. Returns
 * null when the line is not a simple block-mapping entry the scanner reads.
 */
function readKeyLine(buf, start, end) {
    const first = buf[start];
    if (first === undefined)
        return null;
    let keyEnd;
    let key;
    if (first === DQUOTE || first === SQUOTE) {
        const close = closingQuote(buf, start, end);
        if (close < 0)
            return null;
        key = quotedText(buf, start, close);
        keyEnd = close + 1;
        while (keyEnd < end && buf[keyEnd] === SPACE)
            keyEnd++;
        if (buf[keyEnd] !== COLON)
            return null;
    }
    else {
        if (INDICATORS.has(first))
            return null;
        // `- `, `? ` and `: ` at the start are a sequence item, a complex key, an empty key.
        if ((first === DASH || first === 0x3f || first === COLON) &&
            isBreakOrSpace(buf, start + 1, end))
            return null;
        keyEnd = -1;
        for (let i = start; i < end; i++) {
            const c = buf[i];
            if (c === COLON && isBreakOrSpace(buf, i + 1, end)) {
                keyEnd = i;
                break;
            }
            if (c === HASH && i > start && (buf[i - 1] === SPACE || buf[i - 1] === TAB))
                return null;
        }
        if (keyEnd < 0)
            return null;
        let k = keyEnd;
        while (k > start && (buf[k - 1] === SPACE || buf[k - 1] === TAB))
            k--;
        key = decode(buf, start, k);
    }
    // Past the colon: the value, if any, on the same line.
    let v = keyEnd + 1;
    while (v < end && (buf[v] === SPACE || buf[v] === TAB))
        v++;
    let e = end;
    while (e > v && (buf[e - 1] === SPACE || buf[e - 1] === TAB))
        e--;
    return { key, value: decode(buf, v, e) };
}
function isBreakOrSpace(buf, i, end) {
    return i >= end || buf[i] === SPACE || buf[i] === TAB;
}
/** Index of the quote closing the quoted scalar opened at `start`, or -1 (also for escapes). */
function closingQuote(buf, start, end) {
    const q = buf[start];
    for (let i = start + 1; i < end; i++) {
        const c = buf[i];
        if (q === DQUOTE && c === BACKSLASH)
            return -1; // escapes: left to the full parser
        if (c === q) {
            if (q === SQUOTE && buf[i + 1] === SQUOTE) {
                i++; // '' is an escaped quote
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
const decoder = new TextDecoder('utf-8');
function decode(buf, start, end) {
    return decoder.decode(buf.subarray(start, end));
}
/** A value that is empty or only a comment. */
function isEmptyValue(value) {
    return value === '' || value.startsWith('#');
}
/**
 * A scalar value (what failsafe YAML reads) if it is complete on its line, else null: plain or
 * quoted, with an optional trailing comment.
 */
function readScalar(value) {
    const first = value.charCodeAt(0);
    if (first === DQUOTE || first === SQUOTE) {
        const bytes = Buffer.from(value, 'utf8');
        const close = closingQuote(bytes, 0, bytes.length);
        if (close < 0)
            return null;
        const rest = decode(bytes, close + 1, bytes.length).trim();
        if (rest !== '' && !rest.startsWith('#'))
            return null;
        return quotedText(bytes, 0, close);
    }
    if (value === '' || INDICATORS.has(first))
        return null;
    if ((first === DASH || first === 0x3f || first === COLON) && /^.(?:\s|$)/.test(value))
        return null;
    const comment = value.search(/[ \t]#/);
    const text = (comment >= 0 ? value.slice(0, comment) : value).trimEnd();
    // `a: b` in a value is a nested mapping (an error in a block mapping); `x:` likewise.
    if (/:(?:[ \t]|$)/.test(text))
        return null;
    return text;
}
/** The `reason` of an unrecognised scan whose document starts with `{` or `[`. */
const JSON_DOCUMENT = 'JSON or flow-style document';
/** Longest line the scanner holds while it straddles chunks. */
const MAX_LINE_BYTES = 1 << 20;
/**
 * The streaming line scanner. Feed it the index in chunks with `push` (lines may straddle
 * chunks) and call `end` for the result. It keeps only the current partial line and the versions
 * found, whatever the size of the index.
 */
class IndexYamlScanner {
    chart;
    carry = [];
    carried = 0;
    lineNo = 0;
    verdict = null;
    /** The first significant byte is `{` or `[`: a JSON (or flow YAML) document. */
    json = false;
    phase = 'start';
    topKeys = new Set();
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
        if (this.done)
            return;
        // A Buffer view (no copy) for its native, memchr-backed indexOf.
        const chunk = Buffer.isBuffer(data)
            ? data
            : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
        if (this.phase === 'start' && this.carry.length === 0)
            this.sniff(chunk);
        let pos = 0;
        if (this.carry.length > 0) {
            const nl = chunk.indexOf(LF);
            if (nl < 0) {
                // A line longer than a chunk: its pieces are joined once, when it ends.
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
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf)
            i = 3;
        while (i < chunk.length && (chunk[i] === SPACE || chunk[i] === TAB || chunk[i] === CR))
            i++;
        if (chunk[i] === 0x7b || chunk[i] === 0x5b)
            this.json = true;
    }
    end() {
        if (this.carry.length > 0 && !this.done) {
            const last = Buffer.concat(this.carry);
            this.carry = [];
            this.line(last, 0, last.length);
        }
        if (this.verdict)
            return this.verdict;
        if (this.json)
            return { status: 'unrecognised', line: 1, reason: JSON_DOCUMENT };
        return this.found ? { status: 'found', versions: this.versions } : { status: 'absent' };
    }
    giveUp(reason) {
        this.verdict = { status: 'unrecognised', line: this.lineNo, reason };
    }
    line(buf, start, end) {
        this.lineNo++;
        let s = start;
        let e = end;
        if (e > s && buf[e - 1] === CR)
            e--;
        if (this.lineNo === 1 && buf[s] === 0xef && buf[s + 1] === 0xbb && buf[s + 2] === 0xbf)
            s += 3;
        let i = s;
        while (i < e && buf[i] === SPACE)
            i++;
        if (i < e && buf[i] === TAB) {
            let j = i;
            while (j < e && (buf[j] === SPACE || buf[j] === TAB))
                j++;
            if (j === e)
                return; // a blank line
            return this.giveUp('tab in indentation');
        }
        if (i === e)
            return; // a blank line
        const c = buf[i];
        if (c === HASH)
            return; // a comment line
        const indent = i - s;
        if (this.phase === 'start') {
            if (c === 0x7b || c === 0x5b) {
                this.json = true;
                return;
            }
            if (c === 0x25)
                return this.giveUp('YAML directive');
            if (isMarker(buf, i, e, DASH)) {
                if (indent === 0 && isEmptyValue(decode(buf, i + 3, e).trim()))
                    return; // `---`
                return this.giveUp('content after ---');
            }
            if (indent > 0)
                return this.giveUp('indented top-level mapping');
            this.phase = 'top';
        }
        if (indent === 0)
            return this.topLevel(buf, i, e);
        if (this.phase !== 'entries')
            return; // inside another top-level key's value
        if (this.entriesIndent < 0)
            this.entriesIndent = indent;
        const entriesIndent = this.entriesIndent;
        if (indent < entriesIndent)
            return this.giveUp('line less indented than the chart names');
        const dash = c === DASH && isBreakOrSpace(buf, i + 1, e);
        if (indent === entriesIndent && !dash) {
            this.closeItem();
            this.inChart = false;
            return this.chartKey(buf, i, e);
        }
        if (!this.inChart)
            return; // another chart's items
        if (this.dashIndent < 0) {
            if (!dash)
                return this.giveUp('chart entry is not a block sequence');
            this.dashIndent = indent;
        }
        if (indent < this.dashIndent)
            return this.giveUp('line less indented than the chart items');
        if (indent === this.dashIndent) {
            if (!dash)
                return this.giveUp('key beside the chart items');
            return this.item(buf, i, e);
        }
        // Deeper than the dash: a key of the current item, or something nested in one.
        if (this.keyIndent < 0)
            this.keyIndent = indent;
        if (indent < this.keyIndent)
            return this.giveUp('item key less indented than the first');
        if (indent > this.keyIndent || dash) {
            // Nested content (or an indentless sequence under the previous key). After `version:`
            // it would be a continuation of the version (or an error): not ours to judge.
            if (this.afterVersion)
                return this.giveUp('line continuing an item version');
            return;
        }
        this.itemKey(buf, i, e);
    }
    topLevel(buf, i, e) {
        this.closeItem();
        this.inChart = false;
        if (isMarker(buf, i, e, DASH) || isMarker(buf, i, e, 0x2e)) {
            return this.giveUp('document marker after content');
        }
        const kv = readKeyLine(buf, i, e);
        if (!kv)
            return this.giveUp('top-level line is not a `key: value` entry');
        if (this.topKeys.has(kv.key))
            return this.giveUp(`duplicate top-level key ${kv.key}`);
        this.topKeys.add(kv.key);
        if (kv.key === 'entries') {
            if (isEmptyValue(kv.value)) {
                this.phase = 'entries';
                this.entriesIndent = -1;
                return;
            }
            if (/^\{\s*\}\s*(?:#.*)?$/.test(kv.value)) {
                this.phase = 'top';
                return;
            }
            return this.giveUp('entries is not a block mapping');
        }
        this.phase = 'top';
        // Another key: its value may run on over more-indented lines, which are skipped. A flow
        // collection or an unclosed quoted scalar could do otherwise, so they are not guessed at.
        const v = kv.value.charCodeAt(0);
        if (v === 0x7b || v === 0x5b)
            return this.giveUp(`flow collection under ${kv.key}`);
        if ((v === DQUOTE || v === SQUOTE) && readScalar(kv.value) === null) {
            return this.giveUp(`quoted scalar under ${kv.key} the scanner does not read`);
        }
    }
    chartKey(buf, i, e) {
        const kv = readKeyLine(buf, i, e);
        if (!kv)
            return this.giveUp('chart name line is not a `name:` entry');
        const empty = isEmptyValue(kv.value) || /^(?:\[\s*\]|~|null|Null|NULL)\s*(?:#.*)?$/.test(kv.value);
        if (!empty)
            return this.giveUp(`chart ${kv.key} is not a block sequence`);
        if (kv.key !== this.chart)
            return;
        if (this.found)
            return this.giveUp(`chart ${kv.key} is listed twice`);
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
        while (k < e && buf[k] === SPACE)
            k++;
        if (k < e && buf[k] === TAB)
            return this.giveUp('tab after -');
        this.keyIndent = -1;
        if (k === e || buf[k] === HASH)
            return; // keys on the following lines
        this.keyIndent = k - (i - this.dashIndent);
        this.itemKey(buf, k, e);
    }
    itemKey(buf, i, e) {
        this.afterVersion = false;
        const kv = readKeyLine(buf, i, e);
        if (!kv)
            return this.giveUp('item line is not a `key: value` entry');
        if (kv.key === '<<')
            return this.giveUp('merge key');
        if (kv.key !== 'version')
            return;
        if (this.itemHasVersion)
            return this.giveUp('item has two versions');
        const version = readScalar(kv.value);
        if (version === null)
            return this.giveUp('version is not a one-line scalar');
        this.itemHasVersion = true;
        this.afterVersion = true;
        this.versions.push(version);
    }
    closeItem() {
        this.itemHasVersion = false;
        this.afterVersion = false;
    }
}
/** `---` or `...` followed by a space or the end of the line. */
function isMarker(buf, i, e, c) {
    return buf[i] === c && buf[i + 1] === c && buf[i + 2] === c && isBreakOrSpace(buf, i + 3, e);
}
/** Scan a whole YAML index held in memory (see `IndexYamlScanner`). */
function scanYamlIndex(body, chart) {
    const scanner = new IndexYamlScanner(chart);
    scanner.push(body);
    return scanner.end();
}
// ---------------------------------------------------------------------------------------------
// JSON
class Unrecognised extends Error {
}
/**
 * Read the requested chart's versions from a JSON index without building it: every other value
 * is stepped over byte by byte. Anything unexpected (a non-object at the top, a version that is
 * not a string, a duplicate key, invalid JSON) is reported unrecognised, for `parseIndexFull` to
 * judge.
 */
function scanJsonIndex(buf, chart) {
    const p = new JsonSkimmer(buf);
    try {
        let result = { status: 'absent' };
        let sawEntries = false;
        p.ws();
        p.objectEntries((key) => {
            if (key !== 'entries')
                return p.skipValue();
            if (sawEntries)
                throw new Unrecognised('duplicate entries');
            sawEntries = true;
            if (p.literal('null'))
                return;
            let sawChart = false;
            p.objectEntries((name) => {
                if (name !== chart)
                    return p.skipValue();
                if (sawChart)
                    throw new Unrecognised(`chart ${name} is listed twice`);
                sawChart = true;
                const versions = [];
                result = { status: 'found', versions };
                if (p.literal('null'))
                    return;
                p.arrayItems(() => {
                    if (p.literal('null'))
                        return;
                    let sawVersion = false;
                    p.objectEntries((field) => {
                        if (field !== 'version')
                            return p.skipValue();
                        if (sawVersion)
                            throw new Unrecognised('item has two versions');
                        sawVersion = true;
                        if (p.literal('null'))
                            return;
                        if (p.peek() !== DQUOTE)
                            throw new Unrecognised('version is not a string');
                        versions.push(p.string());
                    });
                });
            });
        });
        p.ws();
        if (!p.atEnd())
            throw new Unrecognised('content after the document');
        return result;
    }
    catch (err) {
        if (err instanceof Unrecognised) {
            return { status: 'unrecognised', line: p.lineAt(), reason: err.message };
        }
        throw err;
    }
}
class JsonSkimmer {
    buf;
    pos = 0;
    constructor(buf) {
        this.buf = buf;
        if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
            this.pos = 3;
    }
    atEnd() {
        return this.pos >= this.buf.length;
    }
    peek() {
        return this.buf[this.pos];
    }
    lineAt() {
        let n = 1;
        for (let i = 0; i < Math.min(this.pos, this.buf.length); i++)
            if (this.buf[i] === LF)
                n++;
        return n;
    }
    ws() {
        const b = this.buf;
        let i = this.pos;
        for (;;) {
            const c = b[i];
            if (c === SPACE || c === LF || c === CR || c === TAB)
                i++;
            else
                break;
        }
        this.pos = i;
    }
    expect(c) {
        this.ws();
        if (this.buf[this.pos] !== c)
            throw new Unrecognised(`expected ${String.fromCharCode(c)}`);
        this.pos++;
    }
    literal(word) {
        this.ws();
        for (let k = 0; k < word.length; k++) {
            if (this.buf[this.pos + k] !== word.charCodeAt(k))
                return false;
        }
        this.pos += word.length;
        return true;
    }
    /** `{ "k": v, … }`, calling `each` with the value's key and the position at the value. */
    objectEntries(each) {
        this.expect(0x7b);
        this.ws();
        if (this.buf[this.pos] === 0x7d) {
            this.pos++;
            return;
        }
        for (;;) {
            this.ws();
            if (this.buf[this.pos] !== DQUOTE)
                throw new Unrecognised('expected a key');
            const key = this.string();
            this.expect(COLON);
            this.ws();
            each(key);
            this.ws();
            const c = this.buf[this.pos++];
            if (c === 0x7d)
                return;
            if (c !== 0x2c)
                throw new Unrecognised('expected , or }');
        }
    }
    arrayItems(each) {
        this.expect(0x5b);
        this.ws();
        if (this.buf[this.pos] === 0x5d) {
            this.pos++;
            return;
        }
        for (;;) {
            this.ws();
            each();
            this.ws();
            const c = this.buf[this.pos++];
            if (c === 0x5d)
                return;
            if (c !== 0x2c)
                throw new Unrecognised('expected , or ]');
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
        if (!escaped)
            return raw.slice(1, -1);
        try {
            return JSON.parse(raw);
        }
        catch {
            throw new Unrecognised('invalid string');
        }
    }
    /** Index of the closing quote of the string opening at `start`. */
    stringEnd(start) {
        const b = this.buf;
        let i = start + 1;
        for (;;) {
            const q = b.indexOf(DQUOTE, i);
            if (q < 0)
                throw new Unrecognised('unterminated string');
            let slashes = 0;
            for (let k = q - 1; k > start && b[k] === BACKSLASH; k--)
                slashes++;
            if (slashes % 2 === 0)
                return q;
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
        if (c === 0x7b || c === 0x5b) {
            let depth = 0;
            let i = this.pos;
            for (;;) {
                const d = b[i];
                if (d === undefined)
                    throw new Unrecognised('unterminated value');
                if (d === DQUOTE) {
                    i = this.stringEnd(i) + 1;
                    continue;
                }
                if (d === 0x7b || d === 0x5b)
                    depth++;
                else if (d === 0x7d || d === 0x5d) {
                    depth--;
                    if (depth === 0) {
                        this.pos = i + 1;
                        return;
                    }
                }
                i++;
            }
        }
        // A number or a literal: up to the next delimiter.
        let i = this.pos;
        while (i < b.length) {
            const d = b[i];
            if (d === 0x2c ||
                d === 0x7d ||
                d === 0x5d ||
                d === SPACE ||
                d === LF ||
                d === CR ||
                d === TAB)
                break;
            i++;
        }
        const word = decode(b, this.pos, i);
        if (!/^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)$/.test(word)) {
            throw new Unrecognised('invalid value');
        }
        this.pos = i;
    }
}
// ---------------------------------------------------------------------------------------------
// Full parse
function kindOf(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'a sequence';
    return typeof v === 'object' ? 'a mapping' : `a ${typeof v}`;
}
/** Failsafe YAML reads `~`, `null` and empty values as strings; Go's YAML reads them as null. */
function isNullish(v) {
    return (v === null ||
        v === undefined ||
        v === '' ||
        v === '~' ||
        v === 'null' ||
        v === 'Null' ||
        v === 'NULL');
}
/**
 * Parse an index whole (YAML with the failsafe schema, or JSON) and return the chart's versions,
 * or null when the chart is not listed. Throws `IndexFormatError` when the text is not YAML/JSON
 * or not shaped like an index (`entries` a mapping of sequences of mappings).
 */
function parseIndexFull(text, chart) {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    let doc;
    let parsed = false;
    if (/^\s*[[{]/.test(body)) {
        try {
            doc = JSON.parse(body);
            parsed = true;
        }
        catch {
            // Flow-style YAML is not JSON; let the YAML parser have it.
        }
    }
    if (!parsed) {
        try {
            doc = (0,dist.parse)(body, { schema: 'failsafe', merge: true, maxAliasCount: 10_000 });
        }
        catch (err) {
            const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
            throw new IndexFormatError(message ?? 'not YAML', { cause: err });
        }
    }
    if (isNullish(doc))
        return null;
    if (!(0,guards/* isRecord */.u)(doc))
        throw new IndexFormatError(`the index is ${kindOf(doc)}, not a mapping`);
    const entries = doc.entries;
    if (isNullish(entries))
        return null;
    if (!(0,guards/* isRecord */.u)(entries))
        throw new IndexFormatError(`entries is ${kindOf(entries)}, not a mapping`);
    if (!Object.hasOwn(entries, chart))
        return null;
    const items = entries[chart];
    if (isNullish(items))
        return [];
    if (!Array.isArray(items)) {
        throw new IndexFormatError(`entries.${chart} is ${kindOf(items)}, not a sequence`);
    }
    const versions = [];
    for (const [n, item] of items.entries()) {
        if (isNullish(item))
            continue;
        if (!(0,guards/* isRecord */.u)(item)) {
            throw new IndexFormatError(`entries.${chart}[${n}] is ${kindOf(item)}, not a mapping`);
        }
        const v = item.version;
        if (v === undefined || v === null)
            continue;
        if (typeof v === 'number' || typeof v === 'boolean')
            versions.push(String(v));
        else if (typeof v === 'string')
            versions.push(v);
        else {
            throw new IndexFormatError(`entries.${chart}[${n}].version is ${kindOf(v)}, not a string`);
        }
    }
    return versions;
}
/**
 * The chart's versions from a whole index. `scan` is the result of an `IndexYamlScanner` already
 * fed the same bytes while they arrived (it is run here when not given).
 */
function readChartVersions(body, chart, scan) {
    const bytes = () => (typeof body === 'function' ? body() : body);
    let result = scan ?? scanYamlIndex(bytes(), chart);
    let method = 'yaml-scanner';
    if (result.status === 'unrecognised' && result.reason === JSON_DOCUMENT) {
        result = scanJsonIndex(bytes(), chart);
        method = 'json-scanner';
    }
    if (result.status === 'found')
        return { versions: result.versions, method };
    if (result.status === 'absent')
        return { versions: null, method };
    // The scanners do not read this layout: parse the index whole.
    const versions = parseIndexFull(decoder.decode(bytes()), chart);
    return {
        versions,
        method: 'full-parse',
        fallbackReason: `line ${result.line}: ${result.reason}`,
    };
}

;// CONCATENATED MODULE: ./src/discovery/helm.ts








const DEFAULT_CHART_RETRY = {
    attempts: 4,
    baseDelayMs: 500,
    maxDelayMs: 8_000,
};
const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;
/** A large public repository's index is tens of MiB; 512 MiB streamed costs time, not memory. */
const DEFAULT_MAX_INDEX_BYTES = 512 * 1024 * 1024;
/** Parsing YAML whole takes many times the text's size in memory: only this much is kept for it. */
const DEFAULT_MAX_PARSED_INDEX_BYTES = 64 * 1024 * 1024;
/** Whether the repository URL names a chart in an OCI registry. */
function isOciChartURL(repoURL) {
    return /^oci:\/\//i.test((0,urls/* sanitizeURL */.Br)(repoURL));
}
/**
 * The OCI repository of an `oci://` chart URL, as handed to `listOciTags`: no scheme, no
 * trailing slash, lower case (OCI repository names are lower case; registries are reached by
 * host name, which is case-insensitive). `oci://GHCR.io/acme/echo/` ⇒ `ghcr.io/acme/echo`.
 */
function ociChartRepository(repoURL) {
    return (0,urls/* sanitizeURL */.Br)(repoURL)
        .replace(/^oci:\/\//i, '')
        .replace(/\/+$/, '')
        .toLowerCase();
}
/**
 * The address of a classic repository's index and the credentials the URL carried. The index is
 * `index.yaml` under the repository URL's path, with or without a trailing slash; a query string
 * (signed URLs) is kept. User info in the URL is taken out (fetch refuses it) and returned as
 * credentials.
 */
function chartIndexURL(repoURL) {
    let u;
    try {
        u = new URL((0,urls/* sanitizeURL */.Br)(repoURL));
    }
    catch {
        throw new errors/* ConfigError */.xL(`chart repository URL ${redactURL(repoURL)} is not a valid URL`);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
        throw new errors/* ConfigError */.xL(`chart repository URL ${redactURL(repoURL)} must start with https://, http:// or oci://`);
    }
    let credentials;
    if (u.username || u.password) {
        credentials = {
            username: decodeURIComponent(u.username),
            password: decodeURIComponent(u.password),
        };
        u.username = '';
        u.password = '';
    }
    u.pathname = `${u.pathname.replace(/\/+$/, '')}/index.yaml`;
    u.hash = '';
    return credentials ? { url: u.toString(), credentials } : { url: u.toString() };
}
function redactURL(url) {
    return new redact/* Redactor */.p().redact(url);
}
/**
 * Filter versions by a Masterminds constraint, sort them newest first, keep at most `limit`
 * (none when `limit` ≤ 0), and return them as written. Strings that are not versions (Kargo's
 * non-strict reading: `v1.2` and `1` count) are dropped, and so are exact repeats. Without a
 * constraint every version is kept, pre-releases included, as Kargo does; with one, a
 * pre-release passes only a comparator that names a pre-release (`1.2.x-0`).
 */
function selectChartVersions(versions, semverConstraint, limit) {
    const constraint = semverConstraint !== undefined && semverConstraint.trim() !== ''
        ? (0,semver_constraint/* parseConstraint */.F)(semverConstraint)
        : null;
    const seen = new Set();
    const kept = [];
    for (const v of versions) {
        if (seen.has(v))
            continue;
        seen.add(v);
        const parsed = (0,parse/* parseVersion */.ot)(v, false);
        if (!parsed)
            continue;
        if (constraint && !constraint.matches(parsed.version))
            continue;
        kept.push(parsed);
    }
    kept.sort(parse/* compareVersionsDesc */.c7);
    const trimmed = limit > 0 ? kept.slice(0, limit) : kept;
    return trimmed.map((p) => p.original);
}
/**
 * Newest first, at most `discoveryLimit`, the chart versions that satisfy the subscription's
 * constraint. A chart the repository does not list gives no versions, not an error (Kargo).
 */
async function discoverCharts(sub, deps) {
    // Checked before any request: a bad constraint is the user's to fix.
    if (sub.semverConstraint !== undefined && sub.semverConstraint.trim() !== '') {
        try {
            (0,semver_constraint/* parseConstraint */.F)(sub.semverConstraint);
        }
        catch (err) {
            throw new errors/* ConfigError */.xL((0,errors/* errorMessage */.gJ)(err));
        }
    }
    let versions;
    if (isOciChartURL(sub.repoURL)) {
        if (sub.name) {
            throw new errors/* ConfigError */.xL(`chart ${sub.repoURL}: name must be omitted for oci:// charts; the last path segment of repoURL is the chart name`);
        }
        versions = await listOciChartVersions(sub.repoURL, deps);
    }
    else {
        if (!sub.name) {
            throw new errors/* ConfigError */.xL(`chart repository ${redactURL(sub.repoURL)}: name (the chart name) is required for an http(s) repository`);
        }
        versions = (await listHttpChartVersions(sub.repoURL, sub.name, deps)) ?? [];
    }
    return selectChartVersions(versions, sub.semverConstraint, sub.discoveryLimit).map((version) => ({
        version,
    }));
}
/**
 * The version strings of an OCI chart: its repository's tags, with `_` read as `+` (OCI tags
 * may not hold `+`, so `helm push` writes build metadata with `_`).
 */
async function listOciChartVersions(repoURL, deps) {
    const tags = await deps.listOciTags(ociChartRepository(repoURL));
    return tags.map((t) => t.replaceAll('_', '+'));
}
// ---------------------------------------------------------------------------------------------
// Classic repositories
class HttpStatusError extends errors/* OperationError */.OK {
    status;
    retryAfterMs;
    name = 'HttpStatusError';
    constructor(message, status, retryAfterMs) {
        super(message);
        this.status = status;
        this.retryAfterMs = retryAfterMs;
    }
}
class RequestTimeoutError extends errors/* OperationError */.OK {
    name = 'RequestTimeoutError';
}
class NetworkError extends errors/* OperationError */.OK {
    name = 'NetworkError';
}
function isRetryable(err) {
    if (err instanceof HttpStatusError) {
        return err.status === 429 || (err.status >= 500 && err.status !== 501 && err.status !== 505);
    }
    return err instanceof RequestTimeoutError || err instanceof NetworkError;
}
/**
 * The version strings of `chart` in the classic repository at `repoURL`, in index order, or
 * null when the index does not list the chart. Errors: `received unexpected HTTP <status> …`,
 * `error unmarshaling repository index: …` (Kargo's words), timeouts and network failures after
 * the retries run out.
 */
async function listHttpChartVersions(repoURL, chart, deps) {
    const { url, credentials: fromURL } = chartIndexURL(repoURL);
    // A signed index URL carries its signature in the query: messages show the keys only.
    const shown = (0,http_body/* safeURL */.JK)(url);
    const credentials = deps.credentials ?? fromURL;
    const redactor = new redact/* Redactor */.p();
    if (credentials)
        redactor.addBasicAuth(credentials.username, credentials.password);
    const policy = deps.retry ?? DEFAULT_CHART_RETRY;
    const maxRetryAfter = deps.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
    let wait = 0;
    const started = Date.now();
    const fetched = await (0,retry/* retry */.L5)(() => fetchIndex(url, chart, credentials, deps), (err) => {
        if (!isRetryable(err))
            return false;
        const after = err instanceof HttpStatusError ? err.retryAfterMs : undefined;
        return after === undefined || after <= maxRetryAfter;
    }, policy, {
        onRetry: (attempt, delay, err) => {
            const after = err instanceof HttpStatusError ? err.retryAfterMs : undefined;
            wait = Math.max(delay, after ?? 0);
            deps.log?.warn(`${shown}: ${redactor.redact((0,errors/* errorMessage */.gJ)(err))}; try ${attempt + 1} of ${policy.attempts} in ${(wait / 1000).toFixed(1)} s`);
        },
        sleep: () => (deps.sleep ?? retry/* sleep */.yy)(wait),
    }).catch((err) => {
        if (err instanceof HttpStatusError &&
            err.retryAfterMs !== undefined &&
            err.retryAfterMs > maxRetryAfter) {
            throw new errors/* OperationError */.OK(`${err.message}; the server asks to retry after ${Math.round(err.retryAfterMs / 1000)} s, longer than ${Math.round(maxRetryAfter / 1000)} s`, { cause: err });
        }
        if (isRetryable(err) && policy.attempts > 1) {
            throw new errors/* OperationError */.OK(`${(0,errors/* errorMessage */.gJ)(err)} (gave up after ${policy.attempts} tries)`, {
                cause: err,
            });
        }
        throw err;
    });
    let read;
    try {
        read = readChartVersions(fetched.body, chart, fetched.scan);
    }
    catch (err) {
        if (err instanceof IndexFormatError) {
            throw new errors/* OperationError */.OK(`error unmarshaling repository index ${shown}: ${err.message}`, {
                cause: err,
            });
        }
        throw err;
    }
    if (read.fallbackReason) {
        // Correct either way, but slow and memory-hungry for large indexes: worth knowing.
        deps.log?.warn(`${shown}: the index has a layout the fast scanner does not read (${read.fallbackReason}); parsed it whole`);
    }
    deps.log?.info(`${shown}: ${(0,http_body/* formatBytes */.z3)(fetched.bytes)} read in ${((Date.now() - started) / 1000).toFixed(2)} s; ` +
        `${read.versions === null ? `no chart ${chart}` : `${read.versions.length} versions of ${chart}`}`);
    return read.versions;
}
/** One GET of the index: status checks, a timeout that restarts with every chunk received. */
async function fetchIndex(url, chart, credentials, deps) {
    const shown = (0,http_body/* safeURL */.JK)(url);
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
        'User-Agent': 'gantry',
        Accept: 'application/yaml, application/x-yaml, text/yaml, application/json;q=0.9, */*;q=0.8',
    };
    if (credentials) {
        const pair = `${credentials.username}:${credentials.password}`;
        headers.Authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
    }
    arm();
    try {
        let res;
        try {
            res = await doFetch(url, { headers, signal: controller.signal, redirect: 'follow' });
        }
        catch (err) {
            if (timedOut) {
                throw new RequestTimeoutError(`no response from ${shown} within ${deps.timeoutMs} ms`);
            }
            throw new NetworkError(`cannot reach ${shown}: ${describeNetworkError(err)}`, { cause: err });
        }
        if (res.status !== 200) {
            await res.body?.cancel().catch(() => undefined);
            const hint = res.status === 401 || res.status === 403
                ? credentials
                    ? ' (the credentials were refused)'
                    : ' (the repository wants credentials)'
                : '';
            throw new HttpStatusError(`received unexpected HTTP ${res.status} when retrieving chart repository index file ${shown}${hint}`, res.status, (0,retry/* parseRetryAfter */.mu)(res.headers.get('retry-after')));
        }
        const max = deps.maxIndexBytes ?? DEFAULT_MAX_INDEX_BYTES;
        const keepMax = Math.min(max, deps.maxParsedIndexBytes ?? DEFAULT_MAX_PARSED_INDEX_BYTES);
        const scanner = new IndexYamlScanner(chart);
        // The raw chunks are kept in case a fallback parser needs the whole text, but only up to
        // keepMax: past it they go, and the scanner alone (which holds nothing but the current
        // line) reads the rest, so a large index costs time, not memory.
        const chunks = [];
        let kept = true;
        let bytes = 0;
        const body = (0,http_body/* bodyChunks */.BD)(res, { url, maxBytes: max, what: 'the Helm index' });
        for (;;) {
            arm();
            let step;
            try {
                step = await body.next();
            }
            catch (err) {
                if (err instanceof http_body/* BodyTooLargeError */.Au)
                    throw err;
                if (timedOut) {
                    throw new RequestTimeoutError(`${shown}: the index stopped arriving (nothing for ${deps.timeoutMs} ms after ${(0,http_body/* formatBytes */.z3)(bytes)})`);
                }
                throw new NetworkError(`${shown}: reading the index failed: ${describeNetworkError(err)}`, {
                    cause: err,
                });
            }
            if (step.done)
                break;
            bytes += step.value.byteLength;
            if (kept && bytes > keepMax) {
                kept = false;
                chunks.length = 0;
            }
            if (kept)
                chunks.push(step.value);
            scanner.push(step.value);
        }
        const scan = scanner.end();
        let joined;
        return {
            bytes,
            scan,
            body: () => {
                if (!kept) {
                    const why = scan.status === 'unrecognised' ? ` (line ${scan.line}: ${scan.reason})` : '';
                    throw new errors/* OperationError */.OK(`${shown}: the index is ${(0,http_body/* formatBytes */.z3)(bytes)}, in a layout the fast scanner does not read${why}, and more than the ${(0,http_body/* formatBytes */.z3)(keepMax)} gantry parses whole`);
                }
                if (!joined) {
                    joined = Buffer.concat(chunks, bytes);
                    chunks.length = 0; // the pieces can go as soon as the whole exists
                }
                return joined;
            },
        };
    }
    finally {
        clearTimeout(timer);
    }
}
function describeNetworkError(err) {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause : undefined;
    const code = cause?.code;
    const detail = cause ? `${typeof code === 'string' ? `${code}: ` : ''}${cause.message}` : '';
    return detail || (0,errors/* errorMessage */.gJ)(err);
}


/***/ })

};
