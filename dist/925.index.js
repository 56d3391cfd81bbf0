export const id = 925;
export const ids = [925];
export const modules = {

/***/ 9180:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ promotionRegistryCredentials),
/* harmony export */   R: () => (/* binding */ discoveryCredentials)
/* harmony export */ });
/* harmony import */ var _oci_auth_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2204);

/**
 * Credentials for discovery: the Docker config's `auths`, plus the GitHub token for ghcr.io
 * (unless the Docker config already has ghcr.io) and for git repositories on the GitHub host.
 */
function discoveryCredentials(c) {
    const registryCredentials = (0,_oci_auth_js__WEBPACK_IMPORTED_MODULE_0__/* .loadDockerConfig */ .h3)(c.dockerConfigPath);
    // Only github.com's tokens open ghcr.io; a GHES token must not travel to a third party.
    if (c.githubToken &&
        c.githubHost.toLowerCase() === 'github.com' &&
        !registryCredentials.has('ghcr.io')) {
        // GHCR takes any user name with a token as the password.
        registryCredentials.set('ghcr.io', { username: 'x-access-token', password: c.githubToken });
    }
    const host = c.githubHost.toLowerCase();
    const gitCredentials = (repoURL) => {
        if (!c.githubToken)
            return undefined;
        try {
            const u = new URL(repoURL);
            if (u.protocol === 'https:' && u.host.toLowerCase() === host && !u.username) {
                return { kind: 'token', token: c.githubToken };
            }
        }
        catch {
            // Not an http(s) URL (ssh, scp-style): the user's ssh setup applies.
        }
        return undefined;
    };
    return { registryCredentials, gitCredentials };
}
/**
 * The registry credentials promotions use (oci-download, oci-push): discovery's. A Docker config
 * that cannot be read is a warning, not a failure: most templates never reach a registry, and
 * a step that does fails at the registry, naming it.
 */
function promotionRegistryCredentials(c, warn) {
    try {
        return discoveryCredentials(c).registryCredentials;
    }
    catch (err) {
        warn(`${err instanceof Error ? err.message : String(err)}; oci steps reach registries anonymously`);
        return new Map();
    }
}


/***/ }),

/***/ 5606:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ discoverText),
/* harmony export */   x: () => (/* binding */ discoverMarkdown)
/* harmony export */ });
/* harmony import */ var _util_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7183);
/* harmony import */ var _util_table_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3060);


const MAX_CANDIDATES = 5;
function candidates(list) {
    if (!list.length)
        return '-';
    const shown = list.slice(0, MAX_CANDIDATES).join(', ');
    return list.length > MAX_CANDIDATES ? `${shown}, … (${list.length})` : shown;
}
/** new and recorded now; recorded before; found but not recorded (dry run, Manual policy). */
function freightState(f) {
    if (!f.recorded)
        return 'not recorded';
    return f.new ? 'new' : 'recorded before';
}
const repo = (s) => s.name ? `${s.repoURL} (${s.name})` : s.repoURL;
/** `gantry discover` as a person reads it: per warehouse, what each subscription offered and chose. */
function discoverText(run) {
    const out = [];
    for (const r of run.results) {
        for (const w of r.warehouses) {
            out.push(`${r.project}/${w.name}${w.freightCreationPolicy === 'Manual' ? ' (Manual)' : ''}`);
            out.push((0,_util_table_js__WEBPACK_IMPORTED_MODULE_1__/* .table */ .t)(['KIND', 'REPOSITORY', 'STRATEGY', 'SELECTED', 'CANDIDATES'], w.subscriptions.map((s) => [
                s.kind,
                repo(s),
                s.strategy,
                s.selected ?? (s.error ? 'error' : '-'),
                candidates(s.candidates),
            ])).trimEnd());
            if (w.freight) {
                out.push(`freight ${w.freight.alias} (${w.freight.id.slice(0, 7)}) ${freightState(w.freight)}`);
            }
            // The note says why there is no freight, failed subscriptions included.
            if (w.note)
                out.push(w.note);
            out.push('');
        }
        const due = r.dryRun ? 'would be due' : 'due';
        for (const p of r.promotions) {
            out.push(`${due}: promote ${p.alias} (${p.freight.slice(0, 7)}) into ${r.project}/${p.stage}`);
        }
        for (const s of r.skipped)
            out.push(`skipped: ${r.project}/${s.stage}: ${s.reason}`);
    }
    for (const d of run.dispatched) {
        out.push(d.error
            ? `dispatch failed: ${d.workflow} for ${d.stage}: ${d.error}`
            : `dispatched: ${d.workflow} stage=${d.stage} freight=${d.alias}`);
    }
    return out.join('\n').replace(/\n+$/, '') + '\n';
}
/** The job summary: GitHub renders this Markdown on the run's page. */
function discoverMarkdown(run, opts) {
    const md = [`## gantry discover${opts.dryRun ? ' (dry run)' : ''}`, ''];
    for (const r of run.results) {
        for (const w of r.warehouses) {
            md.push(`### ${r.project} / ${w.name}`, '');
            md.push(...(0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdTable */ .gJ)(['subscription', 'strategy', 'selected', 'candidates'], w.subscriptions.map((s) => [
                `${s.kind} \`${repo(s)}\``,
                s.strategy,
                s.selected ? `\`${s.selected}\`` : s.error ? `:x: ${s.error}` : '—',
                candidates(s.candidates),
            ])), '');
            if (w.freight) {
                const f = w.freight;
                const label = f.new && f.recorded ? '**New freight**' : 'Freight';
                md.push(`${label} **${f.alias}** (\`${f.id.slice(0, 7)}\`): ${freightState(f)}.`);
            }
            if (w.note)
                md.push('', `_${(0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .tableCell */ .xR)(w.note)}_`);
            md.push('');
        }
        if (r.promotions.length || r.skipped.length) {
            const rows = [];
            for (const p of r.promotions) {
                const d = run.dispatched.find((x) => x.project === p.project && x.stage === p.stage && x.freight === p.freight);
                const status = d
                    ? d.error
                        ? `:x: ${d.error}`
                        : `started \`${d.workflow}\``
                    : opts.dryRun
                        ? 'would be due'
                        : 'due';
                rows.push([p.stage, `**${p.alias}** (\`${p.freight.slice(0, 7)}\`)`, status]);
            }
            for (const s of r.skipped)
                rows.push([s.stage, '—', `skipped: ${s.reason}`]);
            md.push('#### Auto-promotions', '', ...(0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdTable */ .gJ)(['stage', 'freight', ''], rows), '');
        }
    }
    return md.join('\n');
}


/***/ }),

/***/ 1831:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bu: () => (/* binding */ runFailures),
/* harmony export */   EA: () => (/* binding */ promotionsMatrix),
/* harmony export */   NO: () => (/* binding */ runDiscover)
/* harmony export */ });
/* harmony import */ var _github_dispatch_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8077);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);
/* harmony import */ var _discover_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4883);



/**
 * The discover use case, shared by the CLI and the action: discovery for each project, then one
 * workflow_dispatch per due promotion. A failed dispatch does not stop the others; it is reported
 * in `dispatched[].error` and the adapter fails the run after writing what happened. Freight
 * already recorded stays recorded.
 */
async function runDiscover(o) {
    const projects = o.warehouse
        ? o.projects.filter((p) => p.warehouses.some((w) => w.name === o.warehouse))
        : o.projects;
    if (o.warehouse && !projects.length) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`no project has a warehouse named ${o.warehouse}`);
    }
    const results = [];
    for (const project of projects) {
        results.push(await (0,_discover_js__WEBPACK_IMPORTED_MODULE_2__/* .discover */ .k4)({
            project,
            warehouses: o.warehouse ? [o.warehouse] : undefined,
            store: o.store,
            sources: o.sources,
            dryRun: o.dryRun,
            clock: o.clock,
            createdBy: o.createdBy,
            log: o.log,
        }));
    }
    const dispatched = [];
    if (o.dispatch && !o.dryRun) {
        for (const p of results.flatMap((r) => r.promotions)) {
            const report = { ...p, workflow: o.dispatch.workflow };
            const error = await (0,_github_dispatch_js__WEBPACK_IMPORTED_MODULE_0__/* .dispatchPromotion */ .A)(o.dispatch, p);
            if (error === undefined) {
                o.log.info(`started ${o.dispatch.workflow} for ${p.stage} with ${p.alias}`);
            }
            else {
                report.error = error;
                o.log.warn(`could not start ${o.dispatch.workflow} for ${p.stage}: ${error}`);
            }
            dispatched.push(report);
        }
    }
    return { results, dispatched };
}
/**
 * The `promotions` output: a job matrix (`strategy.matrix: ${{ fromJSON(...) }}`). Empty in a dry
 * run: its freight was not recorded, and a job acting on it would find nothing.
 */
function promotionsMatrix(results, dryRun) {
    return { include: dryRun ? [] : results.flatMap((r) => r.promotions) };
}
/** What went wrong in a run, one line each: failed subscriptions and dispatches. */
function runFailures(run) {
    return [
        ...run.results.flatMap((r) => r.warehouses.flatMap((w) => w.subscriptions
            .filter((x) => x.error)
            .map((x) => `subscription failed: ${r.project}/${w.name}: ${x.repoURL}: ${x.error}`))),
        ...run.dispatched
            .filter((d) => d.error)
            .map((d) => `could not start ${d.workflow} for ${d.stage}: ${d.error}`),
    ];
}


/***/ }),

/***/ 4559:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  K: () => (/* binding */ DISCOVERY_DEFAULTS),
  L: () => (/* binding */ createSources)
});

// EXTERNAL MODULE: ./src/git/index.ts + 1 modules
var git = __webpack_require__(1112);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/expr/index.ts + 13 modules
var expr = __webpack_require__(1750);
// EXTERNAL MODULE: ./src/semver/constraint.ts
var semver_constraint = __webpack_require__(5541);
// EXTERNAL MODULE: ./src/semver/parse.ts
var semver_parse = __webpack_require__(2507);
// EXTERNAL MODULE: ./src/state/cache.ts
var cache = __webpack_require__(7131);
// EXTERNAL MODULE: ./src/state/lock.ts
var lock = __webpack_require__(2118);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/regex.ts
var regex = __webpack_require__(7107);
// EXTERNAL MODULE: ./src/util/retry.ts
var retry = __webpack_require__(4266);
;// CONCATENATED MODULE: ./src/discovery/path-filter.ts
/**
 * Path filters of git subscriptions (`includePaths` / `excludePaths`), as Kargo reads them
 * (`pkg/pattern` and `pkg/controller/git/commit/base_selector.go`):
 *
 * - `glob:<pattern>`: a doublestar glob over the whole path. `*` and `?` stay within one path
 *   segment, `**` as a whole segment spans any number of directories (none included), `[a-z]`,
 *   `[!a]`/`[^a]` classes, `{a,b}` alternatives (nestable), `\` escapes.
 * - `regex:<re>` / `regexp:<re>`: a Go RE2 expression, unanchored and case-sensitive.
 * - anything else: a base directory; it matches itself and every path below it (`configs`
 *   matches `configs` and `configs/dev/db.yaml`, not `configurations/app.yaml`).
 *
 * A commit passes when at least one of its changed paths is included (by any include pattern,
 * or by default when there are none) and not excluded (by any exclude pattern). A commit that
 * changed nothing never passes. Filters only apply when at least one list is non-empty.
 */


/** Parses one path pattern. Throws an Error naming the pattern when it does not compile. */
function parsePathPattern(pattern) {
    if (pattern.startsWith('glob:')) {
        const re = compileGlob(pattern.slice('glob:'.length));
        return { pattern, matches: (p) => re.test(p) };
    }
    for (const prefix of ['regex:', 'regexp:']) {
        if (pattern.startsWith(prefix)) {
            const re = (0,regex/* compileRegex */.D)(pattern.slice(prefix.length));
            return { pattern, matches: (p) => re.test(p) };
        }
    }
    const base = cleanPath(pattern);
    return { pattern, matches: (p) => underBaseDir(base, p) };
}
/**
 * Compiles include and exclude lists. Errors say which list and which pattern:
 * `error parsing include path selectors: …`.
 */
function compilePathFilter(includePaths, excludePaths) {
    const compile = (list, which) => list.map((p) => {
        try {
            return parsePathPattern(p);
        }
        catch (err) {
            const why = err instanceof Error ? err.message : String(err);
            throw new errors/* ConfigError */.xL(`error parsing ${which} path selectors: ${why}`);
        }
    });
    const include = compile(includePaths, 'include');
    const exclude = compile(excludePaths, 'exclude');
    return {
        active: include.length > 0 || exclude.length > 0,
        matches(paths) {
            for (const path of paths) {
                if (include.length && !include.some((m) => m.matches(path)))
                    continue;
                if (exclude.some((m) => m.matches(path)))
                    continue;
                return true;
            }
            return false;
        },
    };
}
// ---- base directories ---------------------------------------------------------------------------
/** Go's `path.Clean`: collapses `//`, `.` and `..` segments; `""` becomes `"."`. */
function cleanPath(p) {
    if (p === '')
        return '.';
    const rooted = p.startsWith('/');
    const out = [];
    for (const seg of p.split('/')) {
        if (seg === '' || seg === '.')
            continue;
        if (seg === '..') {
            if (out.length && out[out.length - 1] !== '..')
                out.pop();
            else if (!rooted)
                out.push('..');
            continue;
        }
        out.push(seg);
    }
    const joined = out.join('/');
    if (rooted)
        return `/${joined}`;
    return joined || '.';
}
/**
 * Kargo's base-dir matcher is `filepath.Rel(base, path)` not containing `..`. Both are cleaned,
 * so `config/shared/../private/x` is not under `config/shared`. Kargo tests for the substring
 * `..`, which also rejects legal names such as `configs/a..b.yaml`; gantry looks for a `..`
 * segment instead (deviation: file names may contain two dots).
 */
function underBaseDir(base, path) {
    const target = cleanPath(path);
    if (base.startsWith('/') !== target.startsWith('/'))
        return false; // Rel fails: abs vs rel
    if (base === '.')
        return target !== '..' && !target.startsWith('../');
    if (target === base)
        return true;
    return target.startsWith(base === '/' ? '/' : `${base}/`);
}
// ---- doublestar globs ---------------------------------------------------------------------------
class GlobSyntaxError extends Error {
}
const REGEX_SPECIAL = new Set('\\^$.*+?()[]{}|/');
function literal(ch) {
    return REGEX_SPECIAL.has(ch) ? `\\${ch}` : ch;
}
/**
 * Translates a doublestar (v4) pattern into an anchored RE2 expression over `/`-separated paths
 * (RE2, so that `*a*a*a*…` against a long name cannot backtrack for ever). An unclosed `[` or `{`,
 * or a trailing `\`, is `syntax error in pattern` as in doublestar.
 */
function compileGlob(pattern) {
    let source;
    try {
        source = new GlobTranslator(pattern).translate();
    }
    catch (err) {
        if (err instanceof GlobSyntaxError)
            throw new Error(`syntax error in pattern ${JSON.stringify(pattern)}: ${err.message}`, {
                cause: err,
            });
        throw err;
    }
    // (?s): `**` spans every character, newlines included, as doublestar's does.
    return (0,regex/* compileRegex */.D)(`(?s)^${source}$`);
}
class GlobTranslator {
    src;
    pos = 0;
    constructor(src) {
        this.src = src;
    }
    translate() {
        const out = this.sequence(false);
        if (this.pos < this.src.length)
            throw new GlobSyntaxError(`unexpected ${this.src[this.pos]}`);
        return finishDoubleStar(out);
    }
    /** Translates until the end, or (inside braces) until an unnested `,` or `}`. */
    sequence(inBraces) {
        let out = '';
        while (this.pos < this.src.length) {
            const c = this.src[this.pos];
            if (inBraces && (c === ',' || c === '}'))
                return out;
            switch (c) {
                case '*': {
                    if (this.src[this.pos + 1] === '*') {
                        out += this.doubleStar();
                    }
                    else {
                        this.pos++;
                        out += '[^/]*';
                    }
                    break;
                }
                case '?':
                    this.pos++;
                    out += '[^/]';
                    break;
                case '[':
                    out += this.charClass();
                    break;
                case '{':
                    out += this.braces();
                    break;
                case '\\': {
                    const next = this.src[this.pos + 1];
                    if (next === undefined)
                        throw new GlobSyntaxError('trailing backslash');
                    this.pos += 2;
                    out += literal(next);
                    break;
                }
                default: {
                    const cp = this.src.codePointAt(this.pos) ?? 0;
                    const ch = String.fromCodePoint(cp);
                    this.pos += ch.length;
                    out += literal(ch);
                }
            }
        }
        return out;
    }
    /**
     * `**` spans directories only when it is a whole segment: `**` alone (anything), `**` + `/`
     * (zero or more directories), `/` + `**` at the end (the directory itself or anything below).
     * Elsewhere (`a**b`) it is a plain `*`.
     */
    doubleStar() {
        const start = this.pos;
        let end = start;
        while (this.src[end] === '*')
            end++;
        const before = start === 0 ? '/' : this.src[start - 1];
        const after = this.src[end];
        this.pos = end;
        const segmentStart = before === '/' || before === '{' || before === ',';
        if (!segmentStart)
            return '[^/]*';
        if (after === '/') {
            this.pos++;
            return '(?:[^/]*/)*';
        }
        if (after === undefined || after === '}' || after === ',') {
            // `a/**` also matches `a`: drop the slash just written, make it optional.
            return '__DSTAR_END__';
        }
        return '[^/]*';
    }
    charClass() {
        const start = this.pos;
        this.pos++;
        let negated = false;
        if (this.src[this.pos] === '!' || this.src[this.pos] === '^') {
            negated = true;
            this.pos++;
        }
        const ranges = [];
        let first = true;
        for (;;) {
            const c = this.src[this.pos];
            if (c === undefined)
                throw new GlobSyntaxError(`unclosed [ at ${start}`);
            if (c === ']' && !first) {
                this.pos++;
                break;
            }
            first = false;
            const lo = this.classChar();
            if (this.src[this.pos] === '-' && this.src[this.pos + 1] !== ']') {
                this.pos++;
                if (this.src[this.pos] === undefined)
                    throw new GlobSyntaxError(`unclosed [ at ${start}`);
                const hi = this.classChar();
                if ((hi.codePointAt(0) ?? 0) < (lo.codePointAt(0) ?? 0))
                    throw new GlobSyntaxError(`bad range ${lo}-${hi}`);
                ranges.push([lo.codePointAt(0) ?? 0, hi.codePointAt(0) ?? 0]);
            }
            else {
                const cp = lo.codePointAt(0) ?? 0;
                ranges.push([cp, cp]);
            }
        }
        // A class never matches the separator.
        if (negated)
            return `[^/${ranges.map(classRange).join('')}]`;
        const allowed = withoutSlash(ranges);
        // RE2 has no empty class; this one matches nothing.
        return allowed.length ? `[${allowed.map(classRange).join('')}]` : '[^\\x00-\\x{10FFFF}]';
    }
    classChar() {
        if (this.src[this.pos] === '\\') {
            const next = this.src[this.pos + 1];
            if (next === undefined)
                throw new GlobSyntaxError('trailing backslash');
            this.pos += 2;
            return next;
        }
        const cp = this.src.codePointAt(this.pos) ?? 0;
        const ch = String.fromCodePoint(cp);
        this.pos += ch.length;
        return ch;
    }
    braces() {
        const start = this.pos;
        this.pos++;
        const alternatives = [];
        for (;;) {
            alternatives.push(this.sequence(true));
            const c = this.src[this.pos];
            if (c === undefined)
                throw new GlobSyntaxError(`unclosed { at ${start}`);
            this.pos++;
            if (c === '}')
                break;
        }
        return `(?:${alternatives.map(finishDoubleStar).join('|')})`;
    }
}
const SLASH = 0x2f;
/** The ranges less `/`. */
function withoutSlash(ranges) {
    const out = [];
    for (const [lo, hi] of ranges) {
        if (hi < SLASH || lo > SLASH)
            out.push([lo, hi]);
        else {
            if (lo < SLASH)
                out.push([lo, SLASH - 1]);
            if (hi > SLASH)
                out.push([SLASH + 1, hi]);
        }
    }
    return out;
}
/** One range of an RE2 class; every code point in hex, so that no character is special. */
function classRange([lo, hi]) {
    const hex = (cp) => `\\x{${cp.toString(16)}}`;
    return lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`;
}
/** Resolves the end-of-segment `**` marker: `x/**` matches `x` and everything below it. */
function finishDoubleStar(source) {
    const marker = '__DSTAR_END__';
    if (!source.includes(marker))
        return source;
    return source
        .split(marker)
        .map((part, i, parts) => {
        if (i === parts.length - 1)
            return part;
        // The slash before `**` (escaped as `\/`) becomes part of the optional tail.
        if (part.endsWith('\\/'))
            return `${part.slice(0, -2)}(?:/.*)?`;
        return `${part}.*`;
    })
        .join('');
}

;// CONCATENATED MODULE: ./src/discovery/git.ts
/**
 * Git subscriptions: which commits of a repository are candidates for freight, the way Kargo's
 * commit selectors choose them (`pkg/controller/git/commit`), at the cost of a ref listing when
 * nothing changed.
 *
 * Cost model, cheapest first:
 * 1. One `git ls-remote` (the branch, or `refs/tags/`) on every run. When the refs that matter
 *    and the subscription are the same as on an earlier run, its answer is returned from a small
 *    JSON file in the cache directory: no fetch at all.
 * 2. Otherwise objects are fetched into bare mirrors under the cache directory, incrementally,
 *    and only what the strategy needs:
 *    - NewestFromBranch without path filters: commit objects only (`--filter=tree:0`), as deep as
 *      `discoveryLimit` (deeper, doubling, when an expression filter rejects commits);
 *    - NewestFromBranch with path filters: commits and trees, no blobs (`--filter=blob:none`),
 *      enough history to find `discoveryLimit` matching commits;
 *    - tag strategies: for SemVer and Lexical the tag and commit objects (`--filter=tree:0
 *      --depth=1`) of the best `discoveryLimit` names only (more, in batches, when an expression
 *      filter rejects some); NewestTag needs the date of every tag that passed the name filters.
 *    Later runs fetch only what moved: a branch from its previous tip, tags whose object changed.
 *
 * All git goes through the `Git` door handed in (its remote's credentials, its trace).
 */













const DEFAULT_RETRY = { attempts: 3, baseDelayMs: 250, maxDelayMs: 2_000 };
const RESULT_CACHE_VERSION = 1;
const RESULT_CACHE_ENTRIES = 64;
// ---- pure parts -----------------------------------------------------------------------------------
/**
 * Kargo's `shortenString(s, 80)`: the first 77 characters and `...` when longer than 80. Counts
 * code points where Go counts bytes (deviation: a multi-byte character is never cut in half).
 */
function shortenString(s, length) {
    const chars = [...s];
    if (chars.length <= length)
        return s;
    return chars.slice(0, length - 3).join('') + '...';
}
function parseLsRemote(stdout) {
    const out = { symrefs: new Map(), refs: new Map(), peeled: new Map() };
    for (const line of stdout.split('\n')) {
        if (!line)
            continue;
        const tab = line.indexOf('\t');
        if (tab < 0)
            continue;
        const left = line.slice(0, tab);
        const name = line.slice(tab + 1);
        if (left.startsWith('ref: '))
            out.symrefs.set(name, left.slice(5));
        else if (name.endsWith('^{}'))
            out.peeled.set(name.slice(0, -3), left);
        else
            out.refs.set(name, left);
    }
    return out;
}
/** The tags of an ls-remote listing, each with the commit it peels to. */
function remoteTags(ls) {
    const out = [];
    for (const [name, oid] of ls.refs) {
        if (!name.startsWith('refs/tags/'))
            continue;
        out.push({ tag: name.slice('refs/tags/'.length), oid, commit: ls.peeled.get(name) ?? oid });
    }
    return out;
}
/**
 * Kargo's branch `MatchesRef`: only `refs/heads/` refs; no configured branch means `main` or
 * `master` (Kargo's guess, used here only where the remote does not say which is its default).
 */
function branchMatchesRef(branch, ref) {
    if (!ref.startsWith('refs/heads/'))
        return false;
    const name = ref.slice('refs/heads/'.length);
    if (!branch)
        return name === 'main' || name === 'master';
    return name === branch;
}
function compileRegexes(list) {
    return list.map((r) => {
        try {
            return (0,regex/* compileRegex */.D)(r);
        }
        catch (err) {
            throw new errors/* ConfigError */.xL(err instanceof Error ? err.message : String(err));
        }
    });
}
function tagSelector(sub) {
    const allow = compileRegexes(sub.allowTagsRegexes);
    const ignore = compileRegexes(sub.ignoreTagsRegexes);
    let constraint;
    if (sub.commitSelectionStrategy === 'SemVer' && sub.semverConstraint) {
        try {
            constraint = (0,semver_constraint/* parseConstraint */.F)(sub.semverConstraint);
        }
        catch (err) {
            throw new errors/* ConfigError */.xL(err instanceof Error ? err.message : String(err));
        }
    }
    const byName = (tag) => {
        // Ignore wins; no allow list allows everything.
        if (ignore.some((r) => r.test(tag)))
            return false;
        return allow.length === 0 || allow.some((r) => r.test(tag));
    };
    const semver = (tag) => {
        const v = (0,semver_parse/* parseVersion */.ot)(tag, sub.strictSemvers);
        if (!v || (constraint && !constraint.matches(v.version)))
            return null;
        return v;
    };
    const matchesTag = (tag) => byName(tag) && (sub.commitSelectionStrategy !== 'SemVer' || semver(tag) !== null);
    return {
        matchesTag,
        matchesRef: (ref) => ref.startsWith('refs/tags/') && matchesTag(ref.slice(10)),
        candidates(tags) {
            const named = tags.filter((t) => byName(t.tag));
            switch (sub.commitSelectionStrategy) {
                case 'SemVer': {
                    const parsed = [];
                    for (const t of named) {
                        const v = semver(t.tag);
                        if (v)
                            parsed.push({ t, v });
                    }
                    return parsed.sort((a, b) => (0,semver_parse/* compareVersionsDesc */.c7)(a.v, b.v)).map((p) => p.t);
                }
                case 'Lexical':
                    return named.sort((a, b) => compareBytes(b.tag, a.tag));
                default:
                    return named;
            }
        },
    };
}
/** Go's string order (bytes of UTF-8), which differs from JS's UTF-16 order above U+FFFF. */
function compareBytes(a, b) {
    return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
/**
 * NewestTag order: creator date descending; equal dates by tag name ascending, which is what
 * `git for-each-ref --sort=-creatordate` (Kargo's listing) falls back to.
 */
function sortByCreatorDate(tags) {
    return [...tags].sort((a, b) => {
        const d = Date.parse(b.creatorDate) - Date.parse(a.creatorDate);
        return d !== 0 ? d : compareBytes(a.tag, b.tag);
    });
}
/** A time for expressions, keeping the offset git printed (`Year()` reads the wall clock there). */
function exprTime(iso) {
    const ms = Date.parse(iso);
    const m = /([+-])(\d{2}):?(\d{2})$/.exec(iso);
    const offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
    return new expr/* ExprTime */.lV(ms, offset);
}
/** Kargo's env for commit expression filters: id, commitDate, author, committer, subject. */
function commitEnv(c) {
    return {
        id: c.id,
        commitDate: exprTime(c.commitDate),
        author: c.author,
        committer: c.committer,
        subject: c.subject,
    };
}
/** Kargo's env for tag expression filters. */
function tagEnv(t) {
    return {
        tag: t.tag,
        id: t.id,
        creatorDate: exprTime(t.creatorDate),
        author: t.author,
        committer: t.committer,
        subject: t.subject,
        tagger: t.tagger,
        annotation: t.annotation,
    };
}
/** Compiles an `expressionFilter` once; Kargo's `error compiling filter expression` otherwise. */
function compileFilter(source) {
    if (!source?.trim())
        return undefined;
    try {
        return (0,expr/* compileExpr */.Pd)(source);
    }
    catch (err) {
        throw new errors/* ConfigError */.xL(`error compiling filter expression: ${errText(err)}`);
    }
}
/**
 * `expressionFilter` over commits (env: id, commitDate, author, committer, subject). A non-bool
 * result is read with Go's `strconv.ParseBool`; errors read like Kargo's
 * (`error evaluating filter expression: …`).
 */
function commitFilter(source) {
    const compiled = compileFilter(source);
    if (!compiled)
        return () => true;
    return (c) => {
        try {
            return (0,expr/* evaluateBool */.cG)(compiled, commitEnv(c));
        }
        catch (err) {
            throw new errors/* ConfigError */.xL(`error selecting relevant commits from branch: error evaluating filter expression on commit ${c.id.slice(0, 7)}: ${errText(err)}`);
        }
    };
}
/**
 * `expressionFilter` over tags (env: tag, id, creatorDate, author, committer, subject, tagger,
 * annotation); errors read like Kargo's (`error filtering tags by expression: …`).
 */
function tagFilter(source) {
    const compiled = compileFilter(source);
    if (!compiled)
        return () => true;
    return (t) => {
        try {
            return (0,expr/* evaluateBool */.cG)(compiled, tagEnv(t));
        }
        catch (err) {
            throw new errors/* ConfigError */.xL(`error filtering tags by expression (tag ${t.tag}): ${errText(err)}`);
        }
    };
}
function errText(err) {
    return err instanceof Error ? err.message : String(err);
}
function commitToDiscovered(c, branch) {
    return {
        id: c.id,
        branch,
        message: shortenString(c.subject, 80),
        author: c.author,
        committer: c.committer,
        createdAt: isoUtc(c.commitDate),
    };
}
function tagToDiscovered(t) {
    return {
        id: t.id,
        tag: t.tag,
        message: shortenString(t.subject, 80),
        author: t.author,
        committer: t.committer,
        createdAt: isoUtc(t.creatorDate),
    };
}
function isoUtc(s) {
    const ms = Date.parse(s);
    return Number.isFinite(ms) ? new Date(ms).toISOString() : s;
}
// ---- git output parsing ---------------------------------------------------------------------------
/** `git log` format: one record per commit, NUL-separated fields, introduced by \x01. */
const LOG_FORMAT = '--format=%x01%H%x00%cI%x00%an <%ae>%x00%cn <%ce>%x00%s%x00';
function parseLog(stdout) {
    const out = [];
    for (const rec of stdout.split('\x01')) {
        if (!rec)
            continue;
        const parts = rec.split('\0');
        const [id = '', commitDate = '', author = '', committer = '', subject = ''] = parts;
        if (!/^[0-9a-f]{40,64}$/.test(id))
            continue;
        const paths = parts
            .slice(5)
            .map((p) => p.replace(/^\n/, ''))
            .filter((p) => p !== '');
        out.push({ id, commitDate, author, committer, subject, paths });
    }
    return out;
}
const TAG_FORMAT = '--format=%(refname)%00%(objectname)%00%(objecttype)%00%(*objectname)%00%(*objecttype)%00%(creatordate:iso-strict)%00%(authorname) %(authoremail)%00%(committername) %(committeremail)%00%(subject)%00%(*authorname) %(*authoremail)%00%(*committername) %(*committeremail)%00%(*subject)%00%(taggername) %(taggeremail)%00%(contents)%01';
/** Reads `for-each-ref` output in TAG_FORMAT; tags that do not point to a commit are skipped. */
function parseTagRefs(stdout) {
    const out = [];
    for (let rec of stdout.split('\x01')) {
        rec = rec.replace(/^\n/, '');
        if (!rec)
            continue;
        const f = rec.split('\0');
        const [ref = '', oid = '', type = '', peeledOid = '', peeledType = '', date = ''] = f;
        if (!ref.startsWith('refs/tags/'))
            continue;
        const tag = ref.slice('refs/tags/'.length);
        const trim = (s) => (s ?? '').trim();
        if (type === 'commit') {
            out.push({
                tag,
                oid,
                id: oid,
                creatorDate: date,
                author: trim(f[6]),
                committer: trim(f[7]),
                subject: f[8] ?? '',
                tagger: '',
                annotation: '',
            });
        }
        else if (type === 'tag' && peeledType === 'commit') {
            out.push({
                tag,
                oid,
                id: peeledOid,
                creatorDate: date,
                author: trim(f[9]),
                committer: trim(f[10]),
                subject: f[11] ?? '',
                tagger: trim(f[12]),
                annotation: (f[13] ?? '').replace(/\n$/, ''),
            });
        }
    }
    return out;
}
// ---- discovery ------------------------------------------------------------------------------------
function isTransient(err) {
    return err instanceof git/* GitError */.XS && (err.kind === 'network' || err.kind === 'timeout');
}
/** One subscription's discovery: the remote, its mirrors, its git commands. */
class GitSource {
    sub;
    deps;
    url;
    key;
    root;
    tls;
    policy;
    constructor(sub, deps) {
        this.sub = sub;
        this.deps = deps;
        this.url = deps.git.remote?.url ?? sub.repoURL;
        this.key = (0,external_node_crypto_.createHash)('sha256').update(this.url).digest('hex').slice(0, 16);
        this.root = (0,external_node_path_.join)(deps.cacheDir, 'git-discovery');
        this.tls = sub.insecureSkipTLSVerify ? ['-c', 'http.sslVerify=false'] : [];
        this.policy = deps.retry ?? DEFAULT_RETRY;
    }
    info(line) {
        this.deps.log.info(line);
    }
    /** A local git command (in a mirror); TLS settings do not matter, but keep one shape. */
    run(args, options = {}) {
        return this.deps.git.run([...this.tls, ...args], options);
    }
    /** A command that talks to the remote: retried on network errors and timeouts. */
    remote(args, options = {}) {
        return (0,retry/* retry */.L5)(() => this.run(args, options), isTransient, this.policy);
    }
    async lsRemote(options, patterns = []) {
        const res = await this.remote(['ls-remote', ...options, this.url, ...patterns]);
        return parseLsRemote(res.stdout);
    }
    mirrorPath(kind) {
        return (0,external_node_path_.join)(this.root, `${this.key}-${kind}.git`);
    }
    /**
     * Runs `fn` on an initialised mirror under its lock (other subscriptions, other processes). The
     * mirror is a cache like the state store's, with the same guarantees after a `kill -9`: it is
     * built under a temporary name and renamed into place (one missing its settings is rebuilt),
     * and the git lock files a dead holder of its lock left are removed before it is used.
     */
    async inMirror(kind, fn) {
        const dir = this.mirrorPath(kind);
        await (0,promises_.mkdir)(this.root, { recursive: true });
        // Only the URL is stored; credentials come with each command's environment.
        await (0,cache/* openCacheRepo */.HR)(this.deps.git, dir, [
            ['remote.origin.url', this.url],
            ['remote.origin.promisor', 'true'],
            ['remote.origin.partialclonefilter', kind === 'paths' ? 'blob:none' : 'tree:0'],
            ['core.repositoryFormatVersion', '1'],
            ['extensions.partialClone', 'origin'],
        ]);
        return (0,lock/* withDirLock */.j)(dir, () => fn(dir), { recover: () => (0,cache/* repairRepo */.oB)(dir) });
    }
    fetch(dir, args, input) {
        return this.remote([
            // By object id (`--stdin` with ids): say nothing of what the mirror has, as the state
            // cache does; for refspecs the default negotiation keeps incremental fetches small.
            ...(args.includes('--stdin') ? ['-c', 'fetch.negotiationAlgorithm=noop'] : []),
            'fetch',
            '-q',
            '--no-tags',
            '--no-write-fetch-head',
            '--recurse-submodules=no',
            'origin',
            ...args,
        ], { cwd: dir, input });
    }
    // ---- the answer cache -------------------------------------------------------------------------
    get resultsFile() {
        return (0,external_node_path_.join)(this.root, `${this.key}-results.json`);
    }
    async readResults() {
        try {
            const doc = JSON.parse(await (0,promises_.readFile)(this.resultsFile, 'utf8'));
            return doc.version === RESULT_CACHE_VERSION && doc.entries ? doc.entries : {};
        }
        catch {
            return {};
        }
    }
    async cachedAnswer(key) {
        return (await this.readResults())[key]?.commits;
    }
    async rememberAnswer(key, commits) {
        await (0,promises_.mkdir)(this.root, { recursive: true });
        const entries = await this.readResults();
        const now = (this.deps.clock?.() ?? new Date()).toISOString();
        entries[key] = { at: now, commits };
        const kept = Object.entries(entries)
            .sort((a, b) => b[1].at.localeCompare(a[1].at))
            .slice(0, RESULT_CACHE_ENTRIES);
        const tmp = `${this.resultsFile}.${process.pid}.${Math.random().toString(36).slice(2)}`;
        await (0,promises_.writeFile)(tmp, JSON.stringify({ version: RESULT_CACHE_VERSION, entries: Object.fromEntries(kept) }));
        await (0,promises_.rename)(tmp, this.resultsFile);
    }
    /** The key of an answer: everything about the subscription that shapes it, and the refs. */
    answerKey(refs) {
        const s = this.sub;
        return (0,external_node_crypto_.createHash)('sha256')
            .update(JSON.stringify({
            v: RESULT_CACHE_VERSION,
            url: this.url,
            strategy: s.commitSelectionStrategy,
            branch: s.branch ?? '',
            strict: s.strictSemvers,
            constraint: s.semverConstraint ?? '',
            allow: s.allowTagsRegexes,
            ignore: s.ignoreTagsRegexes,
            expr: s.expressionFilter ?? '',
            include: s.includePaths,
            exclude: s.excludePaths,
            limit: s.discoveryLimit,
            refs,
        }))
            .digest('hex');
    }
}
/**
 * The commits a git subscription offers, newest first, at most `discoveryLimit` of them.
 *
 * NewestFromBranch follows `branch`, or the remote's default branch (its `HEAD`) when none is
 * set, as Kargo's current selector does; `main`, then `master`, when the remote does not say.
 */
async function discoverCommits(sub, deps) {
    const source = new GitSource(sub, deps);
    const limit = Math.max(1, sub.discoveryLimit);
    if (sub.commitSelectionStrategy === 'NewestFromBranch') {
        const filter = compilePathFilter(sub.includePaths, sub.excludePaths);
        const accept = commitFilter(sub.expressionFilter);
        return discoverFromBranch(source, filter, accept, limit);
    }
    const selector = tagSelector(sub);
    const accept = tagFilter(sub.expressionFilter);
    const paths = compilePathFilter(sub.includePaths, sub.excludePaths);
    return discoverFromTags(source, selector, accept, paths, limit);
}
// ---- NewestFromBranch -------------------------------------------------------------------------------
async function resolveBranch(source) {
    const wanted = source.sub.branch?.trim();
    const ls = await source.lsRemote(['--symref'], wanted ? [`refs/heads/${wanted}`] : ['HEAD']);
    if (wanted) {
        const tip = ls.refs.get(`refs/heads/${wanted}`);
        if (!tip)
            throw new errors/* OperationError */.OK(`branch ${wanted} does not exist in ${source.url}`);
        return { branch: wanted, tip };
    }
    const head = ls.symrefs.get('HEAD');
    if (head?.startsWith('refs/heads/')) {
        const tip = ls.refs.get('HEAD') ?? ls.refs.get(head);
        if (tip)
            return { branch: head.slice('refs/heads/'.length), tip };
    }
    // No symref advertised (old or unusual servers): Kargo's guess.
    const heads = await source.lsRemote(['--heads']);
    for (const name of ['main', 'master']) {
        const tip = heads.refs.get(`refs/heads/${name}`);
        if (tip)
            return { branch: name, tip };
    }
    throw new errors/* OperationError */.OK(`${source.url} has no default branch (is the repository empty?); set the subscription's branch`);
}
async function discoverFromBranch(source, paths, accept, limit) {
    const { branch, tip } = await resolveBranch(source);
    const key = source.answerKey({ branch, tip });
    const cached = await source.cachedAnswer(key);
    if (cached) {
        source.info(`${source.url}: ${branch} is still at ${tip.slice(0, 7)}; nothing to fetch`);
        return cached;
    }
    const filtered = paths.active || Boolean(source.sub.expressionFilter?.trim());
    const kind = paths.active ? 'paths' : 'commits';
    const commits = await source.inMirror(kind, (dir) => walkBranch(source, dir, { branch, tip, paths, accept, limit, filtered, kind }));
    const found = commits.map((c) => commitToDiscovered(c, branch));
    await source.rememberAnswer(key, found);
    return found;
}
async function readShallow(dir) {
    const text = await (0,promises_.readFile)((0,external_node_path_.join)(dir, 'shallow'), 'utf8').catch(() => '');
    return new Set(text.split('\n').filter(Boolean));
}
/**
 * Walks the branch from its tip in `git log` order, fetching more history (deepening) until
 * `limit` commits pass the filters or history ends. A commit at the shallow boundary has no
 * parents locally, so its changed paths are unknown until the history is deepened past it.
 */
async function walkBranch(source, dir, w) {
    const ref = `refs/gantry/heads/${w.branch}`;
    const refspec = `+refs/heads/${w.branch}:${ref}`;
    const filter = `--filter=${w.kind === 'paths' ? 'blob:none' : 'tree:0'}`;
    const local = await source.deps.git.tryRun(['rev-parse', '--verify', '-q', `${ref}^{commit}`], {
        cwd: dir,
    });
    const localTip = local.exitCode === 0 ? local.stdout.trim() : undefined;
    if (localTip !== w.tip) {
        try {
            if (localTip) {
                // Incremental: only the commits since the previous tip; shallow boundaries stay put.
                await source.fetch(dir, [filter, refspec]);
            }
            else {
                const depth = w.filtered ? Math.max(2 * w.limit, 50) : w.limit;
                await source.fetch(dir, [filter, `--depth=${depth}`, refspec]);
            }
        }
        catch (err) {
            if (err instanceof git/* GitError */.XS && /couldn't find remote ref/i.test(err.stderr))
                throw new errors/* OperationError */.OK(`branch ${w.branch} does not exist in ${source.url}`);
            throw err;
        }
    }
    let previous = -1;
    for (;;) {
        const shallow = await readShallow(dir);
        const args = ['log', LOG_FORMAT];
        if (w.kind === 'paths')
            args.push('--no-renames', '--cc', '--name-only', '-z');
        else if (!w.filtered)
            args.push(`--max-count=${w.limit}`);
        args.push(ref, '--');
        const logged = parseLog((await source.run(args, { cwd: dir })).stdout);
        const selected = [];
        let blocked = false;
        for (const c of logged) {
            if (w.kind === 'paths' && shallow.has(c.id)) {
                blocked = true; // its diff is unknown: deepen first
                break;
            }
            if (!w.accept(c))
                continue;
            if (w.paths.active && !w.paths.matches(c.paths))
                continue;
            const { paths: _paths, ...info } = c;
            selected.push(info);
            if (selected.length >= w.limit)
                return selected;
        }
        const more = blocked || logged.some((c) => shallow.has(c.id));
        if (!more || logged.length === previous)
            return selected;
        previous = logged.length;
        const by = Math.max(logged.length, 50) * 3;
        source.info(`${source.url}: ${selected.length} of ${w.limit} commits on ${w.branch} pass the filters in the newest ${logged.length}; fetching ${by} more`);
        await source.fetch(dir, [filter, `--deepen=${by}`, refspec]);
    }
}
// ---- tags ---------------------------------------------------------------------------------------
async function discoverFromTags(source, selector, accept, paths, limit) {
    const listed = remoteTags(await source.lsRemote(['--tags']));
    const candidates = selector.candidates(listed);
    const key = source.answerKey(candidates.map((t) => `${t.oid} ${t.tag}`));
    const cached = await source.cachedAnswer(key);
    if (cached) {
        source.info(`${source.url}: the ${candidates.length} matching tags are unchanged; nothing to fetch`);
        return cached;
    }
    if (!candidates.length) {
        await source.rememberAnswer(key, []);
        return [];
    }
    const strategy = source.sub.commitSelectionStrategy;
    const selected = [];
    // Kargo's order of filters: names, expression, sort, then paths (checked only until `limit`
    // tags pass, in the selection's order).
    const keep = async (tags) => {
        const accepted = tags.filter(accept);
        return paths.active
            ? filterTagsByPaths(source, accepted, paths, limit - selected.length)
            : accepted;
    };
    await source.inMirror('tags', async (dir) => {
        if (strategy === 'NewestTag') {
            // Dates decide the order, and only the objects know them.
            const infos = await tagInfos(source, dir, candidates, listed);
            selected.push(...(await keep(sortByCreatorDate(infos))));
            return;
        }
        // SemVer and Lexical: the order is known from the names; read objects only for the best
        // ones, in growing batches while filters keep rejecting.
        const filtered = Boolean(source.sub.expressionFilter?.trim()) || paths.active;
        let batch = filtered ? Math.max(2 * limit, 20) : limit;
        for (let i = 0; i < candidates.length && selected.length < limit; batch *= 2) {
            const slice = candidates.slice(i, i + batch);
            i += slice.length;
            const infos = new Map((await tagInfos(source, dir, slice, listed)).map((t) => [t.tag, t]));
            const ordered = slice.flatMap((c) => infos.get(c.tag) ?? []);
            selected.push(...(await keep(ordered)));
        }
    });
    const found = selected.slice(0, limit).map(tagToDiscovered);
    await source.rememberAnswer(key, found);
    return found;
}
/**
 * Metadata of `wanted` tags from the tag mirror, fetching (treeless, one commit deep) the tags
 * whose object the mirror lacks, and dropping local tags the remote no longer has.
 */
async function tagInfos(source, dir, wanted, listed) {
    const readLocal = async () => parseTagRefs((await source.run(['for-each-ref', TAG_FORMAT, 'refs/tags/'], { cwd: dir })).stdout);
    let local = new Map((await readLocal()).map((t) => [t.tag, t]));
    const missing = wanted.filter((t) => local.get(t.tag)?.oid !== t.oid);
    if (missing.length) {
        const remoteNames = new Set(listed.map((t) => t.tag));
        const stale = [...local.keys()].filter((t) => !remoteNames.has(t));
        if (stale.length) {
            await source.run(['update-ref', '--stdin'], {
                cwd: dir,
                input: stale.map((t) => `delete refs/tags/${t}\n`).join(''),
            });
        }
        source.info(`${source.url}: fetching ${missing.length} tag(s) (objects only, no trees)`);
        // By object id, then the refs written locally: git matches explicit refspecs against the
        // remote's refs pairwise, which takes seconds for a few thousand tags; ids take milliseconds.
        await source.fetch(dir, ['--filter=tree:0', '--depth=1', '--stdin'], [...new Set(missing.map((t) => t.oid))].join('\n') + '\n');
        await source.run(['update-ref', '--stdin'], {
            cwd: dir,
            input: missing.map((t) => `update refs/tags/${t.tag} ${t.oid}\n`).join(''),
        });
        local = new Map((await readLocal()).map((t) => [t.tag, t]));
    }
    const out = [];
    for (const w of wanted) {
        const t = local.get(w.tag);
        // A tag moved between ls-remote and fetch is read as fetched; one pointing at a tree or a
        // blob is not a commit and is skipped.
        if (t)
            out.push(t);
    }
    return out;
}
/**
 * Kargo also applies path filters to tag strategies: a tag passes when the commit it points to
 * changed a matching path. Needs that commit's tree and its parents' (blobless, two deep).
 */
async function filterTagsByPaths(source, tags, paths, limit) {
    return source.inMirror('paths', async (dir) => {
        const out = [];
        for (let i = 0; i < tags.length && out.length < limit;) {
            const slice = tags.slice(i, i + Math.max(limit, 20));
            i += slice.length;
            // The tag's own object is a ref tip, which any server lets a client ask for by id.
            await source.fetch(dir, ['--filter=blob:none', '--depth=2', '--stdin'], [...new Set(slice.map((t) => t.oid))].join('\n') + '\n');
            // One log for the whole slice: each commit with the paths it changed against its parents.
            const res = await source.run([
                'log',
                '--no-walk=unsorted',
                LOG_FORMAT,
                '--no-renames',
                '--cc',
                '--name-only',
                '-z',
                ...new Set(slice.map((t) => t.id)),
                '--',
            ], { cwd: dir });
            const changed = new Map(parseLog(res.stdout).map((c) => [c.id, c.paths]));
            for (const t of slice) {
                if (paths.matches(changed.get(t.id) ?? []))
                    out.push(t);
                if (out.length >= limit)
                    break;
            }
        }
        return out;
    });
}
// ---- one chosen commit (freight assembly) -------------------------------------------------------
/**
 * The commit `ref` names in a subscription's repository, as discovery would have recorded it:
 * a full commit ID, a branch or a tag (a tag wins over a branch of the same name, as git's own
 * lookup does). Its branch is the subscription's (or the branch named); its tag the one named,
 * or for a tag subscription the remote's tag on that commit. Refused when the remote has no such
 * ref or commit.
 */
async function resolveCommit(sub, ref, deps) {
    const source = new GitSource(sub, deps);
    const byTags = sub.commitSelectionStrategy !== 'NewestFromBranch';
    let id;
    let tag;
    let branch;
    if (/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(ref)) {
        id = ref;
        if (byTags) {
            const tags = remoteTags(await source.lsRemote(['--tags']));
            tag = tags.find((t) => t.commit === id)?.tag;
        }
        else
            branch = sub.branch;
    }
    else if (/^[0-9a-f]{4,39}$/.test(ref)) {
        throw new errors/* ConfigError */.xL(`${source.url}: "${ref}" looks like an abbreviated commit ID; give the full ID (40 hex digits), a branch or a tag`);
    }
    else {
        const ls = await source.lsRemote([], [`refs/tags/${ref}`, `refs/heads/${ref}`]);
        const tagRef = `refs/tags/${ref}`;
        if (ls.refs.has(tagRef)) {
            tag = ref;
            id = ls.peeled.get(tagRef) ?? ls.refs.get(tagRef);
        }
        else if (ls.refs.has(`refs/heads/${ref}`)) {
            branch = ref;
            id = ls.refs.get(`refs/heads/${ref}`);
        }
        if (!id)
            throw new errors/* OperationError */.OK(`${source.url} has no branch or tag named ${ref}`);
    }
    const commit = id;
    const info = await source.inMirror('assembly', async (dir) => {
        try {
            await source.fetch(dir, ['--filter=tree:0', '--depth=1', commit]);
        }
        catch (err) {
            if (err instanceof git/* GitError */.XS && err.kind !== 'network' && err.kind !== 'timeout') {
                throw new errors/* OperationError */.OK(`${source.url} has no commit ${commit}`);
            }
            throw err;
        }
        return parseLog((await source.run(['log', '-1', LOG_FORMAT, commit, '--'], { cwd: dir })).stdout)[0];
    });
    if (!info)
        throw new errors/* OperationError */.OK(`${source.url}: could not read commit ${commit}`);
    const found = commitToDiscovered(info, branch ?? '');
    if (!branch)
        delete found.branch;
    if (tag)
        found.tag = tag;
    return found;
}

// EXTERNAL MODULE: ./src/urls/index.ts
var urls = __webpack_require__(6066);
// EXTERNAL MODULE: ./src/util/http-body.ts
var http_body = __webpack_require__(1871);
// EXTERNAL MODULE: ./src/util/redact.ts
var redact = __webpack_require__(767);
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
        const parsed = (0,semver_parse/* parseVersion */.ot)(v, false);
        if (!parsed)
            continue;
        if (constraint && !constraint.matches(parsed.version))
            continue;
        kept.push(parsed);
    }
    kept.sort(semver_parse/* compareVersionsDesc */.c7);
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/discovery/image-select.ts



/** Compile the tag regexes (Go RE2, unanchored). Errors read `error compiling regular expression "…"`. */
function compileTagFilter(allow, ignore) {
    const allowRes = allow.map(regex/* compileRegex */.D);
    const ignoreRes = ignore.map(regex/* compileRegex */.D);
    return {
        matches(tag) {
            if (ignoreRes.some((re) => re.test(tag)))
                return false;
            return allowRes.length === 0 || allowRes.some((re) => re.test(tag));
        },
    };
}
/** Kargo's `filterTags`: the tags the filter keeps, in their order. */
function filterTags(tags, filter) {
    return tags.filter((t) => filter.matches(t));
}
/** SemVer's MatchesTag. Throws `error parsing semver constraint …` for a bad constraint. */
function semverMatcher(opts) {
    const constraint = opts.constraint ? (0,semver_constraint/* parseConstraint */.F)(opts.constraint) : null;
    const parse = (tag) => {
        if (!opts.filter.matches(tag))
            return null;
        const v = (0,semver_parse/* parseVersion */.ot)(tag, opts.strictSemvers);
        if (!v)
            return null;
        return !constraint || constraint.matches(v.version) ? v : null;
    };
    return { parse, matches: (tag) => parse(tag) !== null };
}
/** SemVer order: newest version first, ties by descending original string; non-versions dropped. */
function sortSemverTags(tags, strictSemvers) {
    const parsed = [];
    for (const t of tags) {
        const v = parseVersion(t, strictSemvers);
        if (v)
            parsed.push(v);
    }
    return parsed.sort(compareVersionsDesc).map((v) => v.original);
}
/** Go's `strings.Compare` (byte order; tags are ASCII, so UTF-16 order is the same). */
function compareStrings(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Lexical order: descending byte order (`v9` before `v10`, as Kargo does it). */
function sortLexicalTags(tags) {
    return [...tags].sort((a, b) => compareStrings(b, a));
}
/** Digest's MatchesTag: exactly the mutable tag. */
function digestMatchesTag(mutableTag, tag) {
    return tag === mutableTag;
}
/** NewestBuild order: newest build first, ties (and unknown times) by descending tag. */
function sortNewestBuild(images) {
    const time = (i) => {
        const t = i.createdAt ? Date.parse(i.createdAt) : NaN;
        return Number.isNaN(t) ? -Infinity : t;
    };
    return [...images].sort((a, b) => {
        const ta = time(a);
        const tb = time(b);
        if (ta !== tb)
            return tb > ta ? 1 : -1;
        return compareStrings(b.tag, a.tag);
    });
}
/** Parse `os/arch[/variant]`. Throws `error parsing platform constraint "<s>"`. */
function parsePlatform(s) {
    const parts = s.split('/');
    if (parts.length < 2)
        throw new Error(`error parsing platform constraint ${JSON.stringify(s)}`);
    const [os = '', arch = '', ...rest] = parts;
    return { os, arch, variant: rest.join('/') };
}
function formatPlatform(p) {
    return p.variant ? `${p.os}/${p.arch}/${p.variant}` : `${p.os}/${p.arch}`;
}
/** OS, architecture and variant all equal (an empty variant does not match `v8`). */
function platformMatches(p, os, arch, variant) {
    return p.os === os && p.arch === arch && p.variant === (variant ?? '');
}
/**
 * Kargo's `getAnnotations`: a copy of the image's own annotations, overlaid with those of the
 * platform matching the constraint (if any). Without a constraint, platform annotations are not
 * used. Undefined when there is nothing.
 */
function mergeAnnotations(base, platforms, constraint) {
    const out = base ? { ...base } : undefined;
    if (!constraint)
        return out;
    const p = platforms.find((e) => platformMatches(constraint, e.os, e.arch, e.variant));
    if (!p)
        return out;
    return { ...(out ?? {}), ...(p.annotations ?? {}) };
}
/** Strategies that choose among tags by name alone, so only the kept tags need a registry call. */
function selectsByName(strategy) {
    return strategy === 'SemVer' || strategy === 'Lexical';
}

// EXTERNAL MODULE: ./src/discovery/oci/client.ts + 1 modules
var oci_client = __webpack_require__(6241);
// EXTERNAL MODULE: ./src/discovery/oci/reference.ts
var oci_reference = __webpack_require__(2289);
;// CONCATENATED MODULE: ./src/discovery/images.ts
/**
 * Image discovery: Kargo's four selection strategies over a registry client, with the fewest
 * registry requests each strategy needs.
 *
 * - SemVer / Lexical choose by tag name. The tag list is fetched, filtered and sorted; then only
 *   the tags that will be returned (at most `discoveryLimit`) are resolved, with `HEAD` (which
 *   Docker Hub does not count as a pull). With a platform filter a tag may fail it, so tags are
 *   examined in order, in batches no larger than the number still missing: nothing is fetched
 *   beyond what fills the limit.
 * - Digest follows one mutable tag (`constraint`, e.g. `latest`): one `HEAD`, no tag list.
 * - NewestBuild needs every candidate's build time, which lives in manifests and config blobs. It
 *   keeps what it learned in `<cacheDir>/images/<repository>.json` (tag → digest, build time,
 *   platforms, annotations), so a run over an unchanged tag list sends no manifest request at all,
 *   and a new tag pointing at a digest seen before costs a single request.
 *
 * Deviations from Kargo, on purpose:
 * - SemVer/Lexical/Digest without a platform filter resolve digests with `HEAD`, so they carry no
 *   annotations (Kargo GETs the manifest and its config for each). The digest is what freight
 *   needs; HEAD keeps scheduled runs off Docker Hub's pull quota.
 * - A single-platform image (no index) is matched against a platform filter by its config's
 *   os/architecture/variant; Kargo only looks at indexes, so with a filter it never selects a
 *   single-platform image.
 */








/**
 * With a platform filter, how many tags beyond `discoveryLimit` may be examined and turn out to
 * lack the platform before discovery gives up (docs/discover.md states it).
 */
const PLATFORM_PROBE_EXTRA = 20;
/**
 * NewestBuild: the most tags whose build time one run reads. Without a cap a registry listing
 * hundreds of thousands of tags makes one run cost a request or two per tag. The cap is high
 * because a run that hits it chooses among the tags read so far, which may miss the newest build,
 * and on GitHub's runners each scheduled run starts with an empty cache unless it is kept: a real
 * repository's tags must all fit in one run.
 */
const NEWEST_BUILD_READS_PER_RUN = 10_000;
const CREATED_KEYS = ['org.opencontainers.image.created', 'org.label-schema.build-date'];
// RFC 3339 as Go's time.Parse(time.RFC3339) takes it.
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
function parseTime(value) {
    if (typeof value !== 'string' || !RFC3339.test(value))
        return undefined;
    const t = Date.parse(value);
    // Go's zero time (0001-01-01) means "unknown" in image configs.
    if (Number.isNaN(t) || t <= Date.parse('0001-01-02T00:00:00Z'))
        return undefined;
    return new Date(t).toISOString();
}
function createdFrom(sources) {
    for (const source of sources) {
        if (!source)
            continue;
        for (const key of CREATED_KEYS) {
            const t = parseTime(source[key]);
            if (t)
                return t;
        }
    }
    return undefined;
}
function newest(a, b) {
    if (!a)
        return b;
    if (!b)
        return a;
    return Date.parse(b) > Date.parse(a) ? b : a;
}
/** Run `fn` over `items` with at most `limit` at once; results in input order; first error wins. */
async function mapLimit(items, limit, fn) {
    const out = new Array(items.length);
    let next = 0;
    let failed = false;
    const worker = async () => {
        while (!failed && next < items.length) {
            const i = next++;
            try {
                out[i] = await fn(items[i]);
            }
            catch (err) {
                failed = true;
                throw err;
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
    return out;
}
/** Reads manifests, indexes and config blobs, remembering child results by digest for the run. */
class Inspector {
    client;
    repo;
    byDigest = new Map();
    /** Images described by earlier runs, by digest (a new tag for a known digest costs one GET). */
    known = new Map();
    constructor(client, repo) {
        this.client = client;
        this.repo = repo;
    }
    config(digest) {
        let p = this.byDigest.get(digest);
        if (!p) {
            p = this.client.getBlob(this.repo, digest).then((bytes) => {
                let cfg;
                try {
                    cfg = JSON.parse(bytes.toString('utf8'));
                }
                catch {
                    // Not an image config (an artifact's): no build time, no platform.
                    return {};
                }
                const facts = {};
                const labels = cfg.config?.Labels;
                const created = createdFrom([labels ?? undefined]) ?? parseTime(cfg.created);
                if (created)
                    facts.createdAt = created;
                if (typeof cfg.os === 'string' && typeof cfg.architecture === 'string') {
                    facts.platform = {
                        os: cfg.os,
                        arch: cfg.architecture,
                        ...(typeof cfg.variant === 'string' && cfg.variant !== '' && { variant: cfg.variant }),
                    };
                }
                return facts;
            });
            this.byDigest.set(digest, p);
        }
        return p;
    }
    /** Build time of a platform manifest (by digest, once per run). */
    child(digest) {
        const key = `manifest:${digest}`;
        let p = this.byDigest.get(key);
        if (!p) {
            p = this.client.getManifest(this.repo, digest).then(async (m) => {
                if (m.kind !== 'manifest')
                    return {};
                const fromAnnotations = createdFrom([m.manifest.annotations]);
                if (fromAnnotations)
                    return { createdAt: fromAnnotations };
                return this.config(m.manifest.config.digest);
            });
            this.byDigest.set(key, p);
        }
        return p;
    }
    /**
     * Describe a tag. The digest recorded for a multi-platform image is the index digest, even with
     * a platform filter: that is what Kargo records (pkg/image/repository_client.go,
     * getImageFromV1ImageIndex returns the index digest and uses the platforms only to decide
     * whether the image matches), and it keeps `repo@digest` pullable on every platform, so the
     * freight names the same artifact the tag did.
     *
     * `created`: compute the build time (for an index, the newest of its platform images, as
     * Kargo does: an index cannot be older than what it references). `platform`: learn the
     * platform of a single-platform image from its config.
     */
    async inspect(reference, want) {
        const m = await this.client.getManifest(this.repo, reference);
        const known = this.known.get(m.digest);
        if (known && (!want.created || known.createdAt) && (!want.platform || known.platforms))
            return known;
        if (m.kind === 'index') {
            const entries = m.index.manifests.filter((d) => d.platform &&
                d.platform.os !== '' &&
                d.platform.os !== 'unknown' &&
                d.platform.architecture !== '' &&
                d.platform.architecture !== 'unknown');
            if (entries.length === 0) {
                throw new Error(`${(0,oci_reference/* repositoryName */.aR)(this.repo)}:${reference} is an index without platform images (an artifact index?); image subscriptions need images`);
            }
            const info = {
                digest: m.digest,
                platforms: entries.map((d) => ({
                    os: d.platform?.os ?? '',
                    arch: d.platform?.architecture ?? '',
                    ...(d.platform?.variant && { variant: d.platform.variant }),
                    ...(d.annotations && { annotations: d.annotations }),
                })),
            };
            if (m.index.annotations)
                info.annotations = m.index.annotations;
            if (want.created) {
                const times = await Promise.all(entries.map((d) => this.child(d.digest)));
                const createdAt = times.reduce((acc, f) => newest(acc, f.createdAt), undefined);
                if (createdAt)
                    info.createdAt = createdAt;
            }
            return info;
        }
        const info = { digest: m.digest };
        if (m.manifest.annotations)
            info.annotations = m.manifest.annotations;
        const fromAnnotations = createdFrom([m.manifest.annotations]);
        if (want.platform || (want.created && !fromAnnotations)) {
            const facts = await this.config(m.manifest.config.digest);
            if (facts.platform)
                info.platforms = [facts.platform];
            const createdAt = fromAnnotations ?? facts.createdAt;
            if (want.created && createdAt)
                info.createdAt = createdAt;
        }
        else if (fromAnnotations) {
            info.createdAt = fromAnnotations;
        }
        return info;
    }
}
function matchesPlatform(info, pc) {
    if (!pc)
        return true;
    return (info.platforms ?? []).some((p) => platformMatches(pc, p.os, p.arch, p.variant));
}
function toDiscovered(tag, info, pc) {
    const out = { tag, digest: info.digest };
    if (info.createdAt)
        out.createdAt = info.createdAt;
    const annotations = mergeAnnotations(info.annotations, info.platforms ?? [], pc);
    if (annotations && Object.keys(annotations).length > 0)
        out.annotations = annotations;
    return out;
}
function configError(sub, err) {
    return new errors/* ConfigError */.xL(`image subscription ${sub.repoURL}: ${err.message}`);
}
/**
 * Discover images for one subscription, newest first, at most `discoveryLimit` (0: no limit).
 * Throws ConfigError for a bad subscription (reference, regexes, constraint, platform) and
 * RegistryError/RegistryAuthError for registry failures.
 */
async function discoverImages(sub, client, settings) {
    const repo = (0,oci_reference/* parseImageRepository */.fb)(sub.repoURL, {
        insecureSkipTLSVerify: sub.insecureSkipTLSVerify,
    });
    let pc;
    let filter;
    try {
        pc = sub.platform ? parsePlatform(sub.platform) : undefined;
        filter = compileTagFilter(sub.allowTagsRegexes, sub.ignoreTagsRegexes);
    }
    catch (err) {
        throw configError(sub, err);
    }
    const inspector = new Inspector(client, repo);
    const parallel = Math.max(1, settings.concurrencyPerRegistry) * 2;
    const limitOf = (n) => sub.discoveryLimit > 0 ? Math.min(sub.discoveryLimit, n) : n;
    if (sub.imageSelectionStrategy === 'Digest') {
        const tag = sub.constraint;
        if (!tag)
            throw configError(sub, new Error('the Digest strategy needs `constraint`: the tag to follow'));
        try {
            if (!pc)
                return [{ tag, digest: (await client.resolveDigest(repo, tag)).digest }];
            const info = await inspector.inspect(tag, { created: false, platform: true });
            return matchesPlatform(info, pc) ? [toDiscovered(tag, info, pc)] : [];
        }
        catch (err) {
            if (err instanceof oci_client/* NotFoundError */.m_) {
                settings.log.warn(`${(0,oci_reference/* repositoryName */.aR)(repo)}: tag ${tag} not found`);
                return [];
            }
            throw err;
        }
    }
    const tags = await listTags(client, repo, settings);
    if (sub.imageSelectionStrategy === 'SemVer' || sub.imageSelectionStrategy === 'Lexical') {
        let ordered;
        if (sub.imageSelectionStrategy === 'SemVer') {
            let matcher;
            try {
                matcher = semverMatcher({
                    filter,
                    constraint: sub.constraint,
                    strictSemvers: sub.strictSemvers,
                });
            }
            catch (err) {
                throw configError(sub, err);
            }
            // Each tag parsed once: the matcher's parse is the version the sort orders by.
            const versions = [];
            for (const t of tags) {
                const v = matcher.parse(t);
                if (v)
                    versions.push(v);
            }
            ordered = versions.sort(semver_parse/* compareVersionsDesc */.c7).map((v) => v.original);
        }
        else {
            ordered = sortLexicalTags(filterTags(tags, filter));
        }
        const limit = limitOf(ordered.length);
        // Tags are examined newest first, one manifest request each (plus a config blob for a
        // single-platform image under a platform filter), and never more than `budget` of them: a
        // registry that lists tags without manifests, or thousands of images for other platforms,
        // must not turn one scheduled run into a request per tag.
        const budget = Math.min(ordered.length, limit + (pc ? PLATFORM_PROBE_EXTRA : 0));
        const wanted = settings.resolveAllCandidates ? limit : Math.min(1, limit);
        const out = [];
        let next = 0;
        const examine = async (tag) => {
            try {
                if (!pc)
                    return { tag, digest: (await client.resolveDigest(repo, tag)).digest };
                const info = await inspector.inspect(tag, { created: false, platform: true });
                return matchesPlatform(info, pc) ? toDiscovered(tag, info, pc) : null;
            }
            catch (err) {
                // Deleted between listing and resolving (or listed without a manifest): skip it.
                if (err instanceof oci_client/* NotFoundError */.m_)
                    return null;
                throw err;
            }
        };
        // Only as many tags as are still missing are looked at in each round, so no request is
        // spent on a tag that cannot be returned. Without resolveAllCandidates the freight takes the
        // newest usable image only, so that is one request per subscription instead of
        // discoveryLimit, which shared registries (and Docker Hub's pull limits) notice.
        while (out.length < wanted && next < budget) {
            const batch = ordered.slice(next, next + Math.min(wanted - out.length, budget - next));
            next += batch.length;
            const found = await mapLimit(batch, parallel, examine);
            for (const image of found)
                if (image)
                    out.push(image);
        }
        if (out.length === 0 && next > 0) {
            settings.log.warn(`${(0,oci_reference/* repositoryName */.aR)(repo)}: none of the newest ${next} of ${ordered.length} matching tags ${pc ? `has an image for platform ${sub.platform ?? ''}` : 'resolves to an image'}; discovery examines at most discoveryLimit (${limit})${pc ? ` + ${PLATFORM_PROBE_EXTRA}` : ''} tags per run: raise discoveryLimit or narrow allowTagsRegexes`);
            return out;
        }
        if (!settings.resolveAllCandidates) {
            // The other candidates are listed by name only, unresolved.
            for (const tag of ordered.slice(next, next + Math.max(0, limit - out.length)))
                out.push({ tag });
        }
        return out;
    }
    return newestBuild(sub, client, repo, inspector, filterTags(tags, filter), tags, pc, settings, parallel);
}
async function listTags(client, repo, settings) {
    let lastPages = 0;
    const started = Date.now();
    const tags = await client.listTags(repo, (count, pages) => {
        lastPages = pages;
        if (pages % 20 === 0)
            settings.log.info(`${(0,oci_reference/* repositoryName */.aR)(repo)}: ${count} tags so far (${pages} pages)`);
    });
    if (lastPages > 1) {
        settings.log.info(`${(0,oci_reference/* repositoryName */.aR)(repo)}: ${tags.length} tags in ${lastPages} pages (${Date.now() - started} ms)`);
    }
    return tags;
}
function cachePath(cacheDir, repo) {
    const name = (0,oci_reference/* repositoryName */.aR)(repo);
    const hash = (0,external_node_crypto_.createHash)('sha256').update(name).digest('hex').slice(0, 16);
    return (0,external_node_path_.join)(cacheDir, 'images', `${name.replace(/[^A-Za-z0-9._-]+/g, '_')}-${hash}.json`);
}
function readCache(path, repo, settings) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch {
        return null;
    }
    try {
        const doc = JSON.parse(text);
        if (doc.version === 1 &&
            doc.repository === (0,oci_reference/* repositoryName */.aR)(repo) &&
            typeof doc.tags === 'object')
            return doc;
    }
    catch {
        // Fall through: a broken cache is rebuilt.
    }
    settings.log.warn(`ignoring unreadable image cache ${path}`);
    return null;
}
function writeCache(path, doc) {
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(path, '..'), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    (0,external_node_fs_.writeFileSync)(tmp, JSON.stringify(doc));
    (0,external_node_fs_.renameSync)(tmp, path);
}
/**
 * NewestBuild with a per-repository cache. A tag's entry is reused as long as the tag exists, so
 * a run over an unchanged tag list makes no manifest request: only the tag pages.
 *
 * Re-pushed tags: the tag list carries no digests and the distribution API has no "changed
 * since" query, so noticing that an existing tag now points elsewhere costs a request per tag.
 * Doing that for every tag would defeat the cache; the cheaper check made here is a `HEAD` of the
 * tags the previous run selected (at most `discoveryLimit`), and only on runs where the tag list
 * changed (a push happened). A re-pushed tag outside that set is picked up when the cache file
 * is deleted (`<cacheDir>/images/`), or when it is removed and pushed again under a new name.
 */
async function newestBuild(sub, client, repo, inspector, candidates, allTags, pc, settings, parallel) {
    const path = cachePath(settings.cacheDir, repo);
    const cache = readCache(path, repo, settings);
    const tagListHash = (0,external_node_crypto_.createHash)('sha256')
        .update([...allTags].sort().join('\n'))
        .digest('hex');
    const entries = new Map();
    const present = new Set(allTags);
    let changed = !cache || cache.tagListHash !== tagListHash;
    if (cache)
        for (const [tag, info] of Object.entries(cache.tags))
            if (present.has(tag))
                entries.set(tag, info);
    if (cache && cache.tagListHash !== tagListHash) {
        const recheck = cache.selected.filter((t) => entries.has(t));
        const digests = await mapLimit(recheck, parallel, async (tag) => {
            try {
                return (await client.resolveDigest(repo, tag)).digest;
            }
            catch (err) {
                if (err instanceof oci_client/* NotFoundError */.m_)
                    return '';
                throw err;
            }
        });
        recheck.forEach((tag, i) => {
            if (digests[i] !== entries.get(tag)?.digest) {
                settings.log.info(`${(0,oci_reference/* repositoryName */.aR)(repo)}: tag ${tag} was re-pushed; reading it again`);
                entries.delete(tag);
            }
        });
    }
    for (const info of entries.values())
        inspector.known.set(info.digest, info);
    const absent = new Set((cache?.missing ?? []).filter((t) => present.has(t)));
    const unread = candidates.filter((t) => !entries.has(t) && !absent.has(t));
    // Tag names mostly grow with time (versions, dates, build numbers), so when the cap bites the
    // highest names are read first: the likeliest newest builds.
    const cap = settings.newestBuildReadsPerRun ?? NEWEST_BUILD_READS_PER_RUN;
    const missing = unread.length > cap ? sortLexicalTags(unread).slice(0, cap) : unread;
    if (missing.length < unread.length) {
        settings.log.warn(`${(0,oci_reference/* repositoryName */.aR)(repo)}: NewestBuild reads at most ${cap} tags a run; ${unread.length - missing.length} of ${candidates.length} tags are left for later runs (keep the cache directory between runs), so this run chooses among the tags read so far`);
    }
    if (missing.length > 0) {
        changed = true;
        if (missing.length > 50)
            settings.log.info(`${(0,oci_reference/* repositoryName */.aR)(repo)}: reading build times of ${missing.length} tags`);
        const infos = await mapLimit(missing, parallel, async (tag) => {
            try {
                return await inspector.inspect(tag, { created: true, platform: true });
            }
            catch (err) {
                if (err instanceof oci_client/* NotFoundError */.m_)
                    return null;
                throw err;
            }
        });
        missing.forEach((tag, i) => {
            const info = infos[i];
            if (info)
                entries.set(tag, info);
            else
                absent.add(tag);
        });
    }
    const images = candidates
        .map((tag) => ({ tag, info: entries.get(tag) }))
        .filter((e) => e.info !== undefined && matchesPlatform(e.info, pc))
        .map((e) => ({ tag: e.tag, createdAt: e.info.createdAt, info: e.info }));
    const sorted = sortNewestBuild(images);
    const selected = sorted.slice(0, sub.discoveryLimit > 0 ? sub.discoveryLimit : sorted.length);
    const selectedTags = selected.map((s) => s.tag);
    if (changed || !cache || cache.selected.join('\n') !== selectedTags.join('\n')) {
        try {
            writeCache(path, {
                version: 1,
                repository: (0,oci_reference/* repositoryName */.aR)(repo),
                tagListHash,
                selected: selectedTags,
                tags: Object.fromEntries(entries),
                ...(absent.size > 0 && { missing: [...absent] }),
            });
        }
        catch (err) {
            settings.log.warn(`cannot write image cache ${path}: ${err.message}`);
        }
    }
    return selected.map((s) => toDiscovered(s.tag, s.info, pc));
}

;// CONCATENATED MODULE: ./src/discovery/sources.ts







/**
 * Defaults for the CLI and the action. 16 requests in flight per registry host: bench/discover
 * shows 50 subscriptions across 5 registries (40 ms round trips) finishing in 1.9× the slowest
 * single one at 16, 2.5× at 8; a registry answers 16 small HEADs and tag pages without strain.
 */
const DISCOVERY_DEFAULTS = { requestTimeoutMs: 30_000, concurrencyPerRegistry: 16 };
/** The real sources: one registry client shared by image and OCI chart subscriptions. */
function createSources(s) {
    const registry = (0,oci_client/* registryClientFor */.CA)(s);
    const charts = (sub) => discoverCharts(sub, {
        ...(s.trace ? { fetch: (0,http_body/* tracedFetch */.Wb)(fetch, s.trace) } : {}),
        timeoutMs: s.requestTimeoutMs,
        credentials: s.chartCredentials?.(sub.repoURL),
        log: s.log,
        listOciTags: (repository) => registry.listTags((0,oci_reference/* parseImageRepository */.fb)(repository)),
    });
    const gitDeps = (repoURL) => ({
        git: new git/* Git */.TU({
            baseEnv: s.gitEnv,
            remote: (0,git/* parseRemote */.M8)(repoURL, s.gitCredentials?.(repoURL)),
            trace: s.trace,
        }),
        cacheDir: s.cacheDir,
        log: s.log,
    });
    return {
        images: (sub) => discoverImages(sub, registry, s),
        charts,
        commits: (sub) => discoverCommits(sub, gitDeps(sub.repoURL)),
        assembly: {
            // The Digest strategy resolves exactly one tag, with the subscription's platform.
            image: async (sub, tag) => (await discoverImages({ ...sub, imageSelectionStrategy: 'Digest', constraint: tag }, registry, s))[0],
            chartVersions: (sub) => {
                const { semverConstraint: _all, ...every } = sub;
                return charts({ ...every, discoveryLimit: 0 });
            },
            commit: (sub, ref) => resolveCommit(sub, ref, gitDeps(sub.repoURL)),
        },
        requestCounts: () => registry.requestCounts(),
        close: async () => registry.close(),
    };
}


/***/ }),

/***/ 8077:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ dispatchPromotion)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);

/**
 * Starts the promote workflow for one promotion (workflow_dispatch with inputs stage, freight
 * and, when needed, project). Returns the error text instead of throwing: one failed start must
 * not stop the others, and the caller reports each.
 */
async function dispatchPromotion(t, p) {
    try {
        await t.github.dispatchWorkflow({
            workflow: t.workflow,
            ref: t.ref,
            inputs: {
                stage: p.stage,
                freight: p.freight,
                ...(t.withProject ? { project: p.project } : {}),
            },
        });
        return undefined;
    }
    catch (err) {
        return (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err);
    }
}


/***/ })

};
