export const id = 1450;
export const ids = [1450,7107];
export const modules = {

/***/ 1450:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  discoverCommits: () => (/* binding */ discoverCommits),
  resolveCommit: () => (/* binding */ resolveCommit)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/git/index.ts + 2 modules
var git = __webpack_require__(4484);
// EXTERNAL MODULE: ./src/state/cache.ts
var cache = __webpack_require__(7131);
// EXTERNAL MODULE: ./src/state/lock.ts
var lock = __webpack_require__(2118);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/retry.ts
var retry = __webpack_require__(4266);
// EXTERNAL MODULE: ./src/expr/index.ts + 13 modules
var expr = __webpack_require__(1750);
// EXTERNAL MODULE: ./src/semver/constraint.ts
var semver_constraint = __webpack_require__(5541);
// EXTERNAL MODULE: ./src/semver/parse.ts
var parse = __webpack_require__(2507);
// EXTERNAL MODULE: ./src/util/regex.ts
var regex = __webpack_require__(7107);
;// CONCATENATED MODULE: ./src/discovery/git-select.ts
/**
 * The pure half of git discovery: how Kargo's commit and tag selectors choose among what a
 * repository has (names, SemVer constraints, regexes, expression filters), and how git's own
 * output reads. No I/O here: `git.ts` runs git and hands these functions what it printed, so
 * selection is tested without a repository.
 */





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
            return (0,regex.compileRegex)(r);
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
        const v = (0,parse/* parseVersion */.ot)(tag, sub.strictSemvers);
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
                    return parsed.sort((a, b) => (0,parse/* compareVersionsDesc */.c7)(a.v, b.v)).map((p) => p.t);
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
        throw new errors/* ConfigError */.xL(`error compiling filter expression: ${(0,errors/* errorMessage */.gJ)(err)}`);
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
            throw new errors/* ConfigError */.xL(`error selecting relevant commits from branch: error evaluating filter expression on commit ${c.id.slice(0, 7)}: ${(0,errors/* errorMessage */.gJ)(err)}`);
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
            throw new errors/* ConfigError */.xL(`error filtering tags by expression (tag ${t.tag}): ${(0,errors/* errorMessage */.gJ)(err)}`);
        }
    };
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
            const re = (0,regex.compileRegex)(pattern.slice(prefix.length));
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
    return (0,regex.compileRegex)(`(?s)^${source}$`);
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


/***/ }),

/***/ 7107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   compileRegex: () => (/* reexport safe */ _regex_core_js__WEBPACK_IMPORTED_MODULE_0__.DL),
/* harmony export */   loadRegexEngine: () => (/* reexport safe */ _regex_core_js__WEBPACK_IMPORTED_MODULE_0__.cG)
/* harmony export */ });
/* harmony import */ var re2js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2856);
/* harmony import */ var _regex_core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8887);
/**
 * Go RE2 patterns, with the engine loaded: a module that matches at run time (discovery's tag
 * filters, the copy step's globs, …) imports this one, and re2js loads with it. Modules that may
 * compile a pattern only for some projects (project checks, expressions) import ./regex-core.js,
 * and whoever loads those projects loads the engine first when they need it (loadRegexEngine).
 */


(0,_regex_core_js__WEBPACK_IMPORTED_MODULE_0__/* .useRegexEngine */ .p8)({ RE2JS: re2js__WEBPACK_IMPORTED_MODULE_1__/* .RE2JS */ .L3, RE2JSException: re2js__WEBPACK_IMPORTED_MODULE_1__/* .RE2JSException */ .o_ });



/***/ })

};
