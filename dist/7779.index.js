export const id = 7779;
export const ids = [7779,1871];
export const modules = {

/***/ 5271:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B8: () => (/* binding */ openRepo),
/* harmony export */   RT: () => (/* binding */ loadProjects),
/* harmony export */   Uw: () => (/* binding */ NoRemoteError),
/* harmony export */   aQ: () => (/* binding */ projectFileTexts),
/* harmony export */   ep: () => (/* binding */ workflowFileTexts),
/* harmony export */   hX: () => (/* binding */ selectProjects),
/* harmony export */   o4: () => (/* binding */ pickProjects),
/* harmony export */   t1: () => (/* binding */ validProjects)
/* harmony export */ });
/* unused harmony exports isRemoteUrl, remoteUrlOf */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _git_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4484);
/* harmony import */ var _pipeline_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5785);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(17);
/* harmony import */ var _state_index_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5128);








/**
 * A clone without an `origin` remote: commands that read or write state cannot run there, but
 * `gantry lint` (which reads the work tree) can, from `localDir`.
 */
class NoRemoteError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigError */ .xL {
    localDir;
    name = 'NoRemoteError';
    constructor(localDir) {
        super(`${localDir} has no "origin" remote: gantry reads and writes state there (git remote add origin <url>)`);
        this.localDir = localDir;
    }
}
const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|[\w.-]+@[\w.-]+:)/i;
function credentialsFor(s, url) {
    return typeof s.credentials === 'function' ? s.credentials(url) : s.credentials;
}
function isRemoteUrl(repo) {
    if (URL_LIKE.test(repo))
        return true;
    const colon = repo.indexOf(':');
    const slash = repo.indexOf('/');
    return colon > 0 && (slash < 0 || colon < slash) && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(repo);
}
/**
 * An origin as git would read it: a URL with a scheme, an scp-style `host:path` (a colon before
 * any slash, as with ssh aliases like `gh:acme/gitops.git`), or else a path, made a file:// URL
 * (shallow fetches need one) relative to the clone.
 */
function remoteUrlOf(origin, cloneDir) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(origin))
        return origin;
    const colon = origin.indexOf(':');
    const slash = origin.indexOf('/');
    if (colon > 0 && (slash < 0 || colon < slash) && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(cloneDir, origin)))
        return origin;
    return (0,node_url__WEBPACK_IMPORTED_MODULE_3__.pathToFileURL)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(origin) ? origin : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(cloneDir, origin)).href;
}
async function openRepo(s) {
    let remote;
    let localDir;
    if (isRemoteUrl(s.repo)) {
        remote = (0,_git_index_js__WEBPACK_IMPORTED_MODULE_4__/* .parseRemote */ .M8)(s.repo, credentialsFor(s, s.repo));
    }
    else {
        const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(s.repo);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dir))
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigError */ .xL(`${s.repo} does not exist: pass a clone of the GitOps repository, or its URL, with --repo`);
        const git = new _git_index_js__WEBPACK_IMPORTED_MODULE_4__/* .Git */ .TU({ baseEnv: s.baseEnv });
        const bare = await git.tryRun(['rev-parse', '--is-bare-repository'], { cwd: dir });
        if (bare.exitCode !== 0) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigError */ .xL(`${s.repo} is not a git repository: pass a clone of the GitOps repository, or its URL, with --repo`);
        }
        if (bare.stdout.trim() === 'true') {
            // A bare repository is the remote itself.
            remote = (0,_git_index_js__WEBPACK_IMPORTED_MODULE_4__/* .parseRemote */ .M8)((0,node_url__WEBPACK_IMPORTED_MODULE_3__.pathToFileURL)(dir).href);
        }
        else {
            localDir = (await git.run(['rev-parse', '--show-toplevel'], { cwd: dir })).stdout.trim();
            const origin = await git.tryRun(['remote', 'get-url', 'origin'], { cwd: localDir });
            if (origin.exitCode !== 0)
                throw new NoRemoteError(localDir);
            const url = remoteUrlOf(origin.stdout.trim(), localDir);
            remote = (0,_git_index_js__WEBPACK_IMPORTED_MODULE_4__/* .parseRemote */ .M8)(url, credentialsFor(s, url));
        }
    }
    const store = new _state_index_js__WEBPACK_IMPORTED_MODULE_7__/* .StateStore */ .fy({
        remote,
        cacheDir: s.cacheDir,
        baseEnv: s.baseEnv,
        identity: s.identity,
        log: s.log,
        warn: s.warn,
        trace: s.trace,
    });
    return { remote, localDir, store };
}
/** The project files: from the clone's work tree, or the remote's default branch. */
async function loadProjects(ctx) {
    if (ctx.localDir)
        return (0,_pipeline_index_js__WEBPACK_IMPORTED_MODULE_5__/* .loadProjectsFromDir */ .ok)(ctx.localDir);
    const store = ctx.store;
    const files = await store.projectFiles();
    // Kargo's manifests a gantry file points at are read from the same commit's tree.
    const kargo = new Map();
    for (const dir of (0,_pipeline_index_js__WEBPACK_IMPORTED_MODULE_5__/* .kargoDirsOf */ .a9)(files)) {
        kargo.set(dir, await store.projectFiles(undefined, dir, true));
    }
    return (0,_pipeline_index_js__WEBPACK_IMPORTED_MODULE_5__/* .loadProjectsFromFiles */ .i3)(files, kargo);
}
/** The project files' texts, from the clone's work tree or the remote's default branch. */
function projectFileTexts(ctx) {
    return yamlFilesIn(ctx, _pipeline_index_js__WEBPACK_IMPORTED_MODULE_5__/* .PROJECT_DIR */ .u7);
}
/** The workflow files, where `gantry lint` looks for promote jobs and their environments. */
function workflowFileTexts(ctx) {
    return yamlFilesIn(ctx, '.github/workflows');
}
async function yamlFilesIn(ctx, dirName) {
    if (!ctx.localDir)
        return ctx.store.projectFiles(undefined, dirName);
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(ctx.localDir, dirName);
    const names = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(dir).catch(() => []))
        .filter((n) => /\.ya?ml$/.test(n))
        .sort();
    return Promise.all(names.map(async (n) => ({
        file: `${dirName}/${n}`,
        text: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, n), 'utf8'),
    })));
}
/** Projects to act on: the one named, or all of them; a configuration error stops here. */
async function selectProjects(ctx, name) {
    return pickProjects(await validProjects(ctx), name);
}
/** Every project of the repository; a configuration error when any file has problems. */
async function validProjects(ctx) {
    const { projects, problems } = await loadProjects(ctx);
    if (problems.length)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigError */ .xL('the project files have problems (run gantry lint):', problems);
    return projects;
}
/** The project named, or all of them. */
function pickProjects(projects, name) {
    if (!name)
        return projects;
    const p = projects.find((x) => x.name === name);
    if (!p) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigError */ .xL(`no project "${name}"; projects here: ${projects.map((x) => x.name).join(', ') || 'none'}`);
    }
    return [p];
}


/***/ }),

/***/ 2731:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ES: () => (/* binding */ cliCreatedBy),
/* harmony export */   ZF: () => (/* binding */ discoverCommand),
/* harmony export */   rn: () => (/* binding */ cliSources)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _discovery_credentials_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9180);
/* harmony import */ var _discovery_report_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5606);
/* harmony import */ var _discovery_run_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1831);
/* harmony import */ var _discovery_sources_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6818);






/** `gantry discover`: the same use case as the discover action, printed for a terminal or a pipe. */
async function discoverCommand(ctx, projects, o) {
    const { io } = o;
    const env = io.env;
    const { sources, log } = cliSources(io, o.cacheDir, o.trace);
    try {
        const run = await (0,_discovery_run_js__WEBPACK_IMPORTED_MODULE_4__/* .runDiscover */ .NO)({
            projects,
            warehouse: o.warehouse,
            store: ctx.store,
            sources,
            dryRun: o.dryRun,
            clock: o.now,
            createdBy: cliCreatedBy(env),
            log,
        });
        if (o.output === 'json') {
            const doc = {
                freight: run.results.flatMap((r) => r.freight),
                promotions: run.results.flatMap((r) => r.promotions),
            };
            io.out(JSON.stringify(doc, null, 2) + '\n');
        }
        else {
            io.out((0,_discovery_report_js__WEBPACK_IMPORTED_MODULE_3__/* .discoverText */ .N)(run));
        }
        // The table already shows each failure; exit 1 tells schedulers something needs a look.
        return (0,_discovery_run_js__WEBPACK_IMPORTED_MODULE_4__/* .runFailures */ .Bu)(run).length ? 1 : 0;
    }
    finally {
        await sources.close();
    }
}
/**
 * The registry, chart and git sources as the CLI reaches them: registry logins from the Docker
 * config, GANTRY_TOKEN or GITHUB_TOKEN for the GitHub host, progress on stderr.
 */
function cliSources(io, cacheDir, trace) {
    const env = io.env;
    const token = env.GANTRY_TOKEN || env.GITHUB_TOKEN || undefined;
    const creds = (0,_discovery_credentials_js__WEBPACK_IMPORTED_MODULE_2__/* .discoveryCredentials */ .R)({
        dockerConfigPath: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(env.DOCKER_CONFIG || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(env.HOME || (0,node_os__WEBPACK_IMPORTED_MODULE_0__.homedir)(), '.docker'), 'config.json'),
        githubToken: token,
        githubHost: new URL(env.GITHUB_SERVER_URL || 'https://github.com').host,
    });
    const log = {
        info: (l) => io.err(`${l}\n`),
        warn: (l) => io.err(`warning: ${l}\n`),
    };
    const sources = (0,_discovery_sources_js__WEBPACK_IMPORTED_MODULE_5__/* .createSources */ .L)({
        ...creds,
        gitEnv: env,
        cacheDir: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(cacheDir, 'discovery'),
        ..._discovery_sources_js__WEBPACK_IMPORTED_MODULE_5__/* .DISCOVERY_DEFAULTS */ .K,
        log,
        trace,
    });
    return { sources, log };
}
/** Who ran the CLI, as freight records it. */
function cliCreatedBy(env) {
    return `gantry CLI (${env.USER || safeUser()})`;
}
function safeUser() {
    try {
        return (0,node_os__WEBPACK_IMPORTED_MODULE_0__.userInfo)().username;
    }
    catch {
        return 'unknown';
    }
}


/***/ }),

/***/ 2512:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   a3: () => (/* binding */ formatDuration)
/* harmony export */ });
/* unused harmony export DURATION_PATTERN */
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6518);

/**
 * Go-style durations (`time.ParseDuration`): a sequence of decimal numbers with units, such as
 * `1h`, `30m`, `1h30m`, `90s`, `1.5h`, `500ms`. Units: ns, us (or µs), ms, s, m, h. `0` alone is
 * allowed. Negative durations are not: nothing in a project file means "minus one hour".
 */
/** The same grammar as a JSON-schema pattern (kept in sync with schema/project.schema.json). */
const DURATION_PATTERN = '^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$';
/** Milliseconds in a Go-style duration (may be fractional below 1ms). Throws on invalid input. */
function parseDuration(text) {
    const found = (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .scanDuration */ .y)(text);
    if (found.ok && found.sign === 1 && !/^[+-]/.test(text))
        return found.ns / 1e6;
    if (text === '') {
        throw new Error('invalid duration "": expected a duration such as 30m, 1h30m or 90s');
    }
    const rest = !found.ok && 'rest' in found ? found.rest : '';
    const hint = /^[0-9.]+$/.test(rest)
        ? `missing unit after "${rest}" (use ns, us, ms, s, m or h)`
        : 'expected a duration such as 30m, 1h30m or 90s';
    throw new Error(`invalid duration "${text}": ${hint}`);
}
/** Human form of a millisecond count, e.g. `1h30m`, `90s` → `1m30s`, `500ms`. */
function formatDuration(ms) {
    return (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(ms, 'short');
}


/***/ }),

/***/ 6518:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ formatDuration),
/* harmony export */   y: () => (/* binding */ scanDuration)
/* harmony export */ });
/**
 * Go's duration grammar (`time.ParseDuration`) and its written forms, in one place for the two
 * readers of durations: project files (milliseconds, never negative, gantry's own messages) and the
 * expression language (nanoseconds, signed, Go's exact messages). Each wraps `scanDuration` with
 * its own rules and words; neither re-implements the grammar.
 */
/** Nanoseconds per unit; `µs` is U+00B5 (micro sign), `μs` U+03BC (Greek mu): Go takes both. */
const UNIT_NS = {
    ns: 1,
    us: 1e3,
    µs: 1e3,
    μs: 1e3,
    ms: 1e6,
    s: 1e9,
    m: 60e9,
    h: 3600e9,
};
const TERM = /^(\d*)(?:\.(\d*))?([a-zµμ]*)/;
/** Reads `[+-]` then `0`, or one or more `<number><unit>` terms (`1h30m`, `.5s`, `1.5h`). */
function scanDuration(text) {
    let s = text;
    let sign = 1;
    if (s.startsWith('-') || s.startsWith('+')) {
        if (s.startsWith('-'))
            sign = -1;
        s = s.slice(1);
    }
    if (s === '0')
        return { ok: true, sign, ns: 0 };
    if (s === '')
        return { ok: false, reason: 'empty' };
    let ns = 0;
    while (s !== '') {
        const m = TERM.exec(s);
        const whole = m?.[1] ?? '';
        const fraction = m?.[2] ?? '';
        const unit = m?.[3] ?? '';
        if (!m || (whole === '' && fraction === ''))
            return { ok: false, reason: 'malformed', rest: s };
        if (unit === '')
            return { ok: false, reason: 'missing-unit', rest: s };
        const size = UNIT_NS[unit];
        if (size === undefined)
            return { ok: false, reason: 'unknown-unit', unit };
        ns += Number(`${whole || '0'}.${fraction || '0'}`) * size;
        s = s.slice(m[0].length);
    }
    return { ok: true, sign, ns };
}
function trimZeros(digits) {
    return digits.replace(/0+$/, '');
}
/** Go's `Duration.String()`: `1h30m0s`, `1.5s`, `250ms`, `-2µs`, `0s`. */
function goForm(ns) {
    if (ns === 0)
        return '0s';
    let u = Math.abs(Math.round(ns));
    let out;
    if (u < 1e9) {
        // Below a second: the largest of ns, µs, ms that keeps an integer part.
        const [unit, scale] = u < 1e3 ? ['ns', 1] : u < 1e6 ? ['µs', 1e3] : ['ms', 1e6];
        const whole = Math.floor(u / scale);
        const frac = trimZeros(String(u % scale).padStart(String(scale).length - 1, '0'));
        out = `${whole}${frac && scale > 1 ? `.${frac}` : ''}${unit}`;
    }
    else {
        const h = Math.floor(u / 3600e9);
        u -= h * 3600e9;
        const m = Math.floor(u / 60e9);
        u -= m * 60e9;
        const sec = Math.floor(u / 1e9);
        const frac = trimZeros(String(u - sec * 1e9).padStart(9, '0'));
        out = `${sec}${frac ? `.${frac}` : ''}s`;
        if (h > 0)
            out = `${h}h${m}m${out}`;
        else if (m > 0)
            out = `${m}m${out}`;
    }
    return ns < 0 ? `-${out}` : out;
}
/** The short form people read in logs and summaries: `1h30m`, `1m30s`, `500ms` (no zero parts). */
function shortForm(ms) {
    if (ms === 0)
        return '0s';
    const parts = [];
    let rest = ms;
    for (const [unit, size] of [
        ['h', 3_600_000],
        ['m', 60_000],
        ['s', 1000],
    ]) {
        if (rest >= size) {
            const n = Math.floor(rest / size);
            parts.push(`${n}${unit}`);
            rest -= n * size;
        }
    }
    if (rest > 0)
        parts.push(`${rest}ms`);
    return parts.join('');
}
/**
 * A duration written out: `go` as Go prints it (what the expression language's `string()` of a
 * duration gives; takes nanoseconds), `short` for people (takes milliseconds, the unit gantry
 * measures elapsed time in, so a measured `1500` stays exactly `1s500ms`).
 */
function formatDuration(value, style) {
    return style === 'go' ? goForm(value) : shortForm(value);
}


/***/ }),

/***/ 6936:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ isRecord)
/* harmony export */ });
/** A plain mapping as parsed from YAML or JSON: an object that is not null and not an array. */
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}


/***/ }),

/***/ 1871:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Au: () => (/* binding */ BodyTooLargeError),
/* harmony export */   BD: () => (/* binding */ bodyChunks),
/* harmony export */   JK: () => (/* binding */ safeURL),
/* harmony export */   Ul: () => (/* binding */ cappedFetch),
/* harmony export */   Wb: () => (/* binding */ tracedFetch),
/* harmony export */   d8: () => (/* binding */ networkReason),
/* harmony export */   kL: () => (/* binding */ isTimeout),
/* harmony export */   qc: () => (/* binding */ httpTraceLine),
/* harmony export */   x8: () => (/* binding */ readBody),
/* harmony export */   yR: () => (/* binding */ readText),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/**
 * Reading an HTTP response body with a ceiling. `fetch`'s own `text()`, `json()` and
 * `arrayBuffer()` keep whatever the server sends until it stops: an endless chunked answer
 * (no Content-Length) or a small gzip body that inflates to gigabytes fills the process
 * before any size check runs. Everything gantry reads over HTTP goes through here instead:
 * the body is read chunk by chunk, counted after content decoding, and the connection is
 * dropped the moment the count passes the cap.
 */

/** A body passed its cap; the connection has been dropped. */
class BodyTooLargeError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OperationError */ .OK {
    url;
    maxBytes;
    declared;
    name = 'BodyTooLargeError';
    constructor(url, maxBytes, 
    /** The Content-Length that gave it away before reading, if that is how it was caught. */
    declared, what = 'the response') {
        super(`${what} from ${url} is larger than ${formatBytes(maxBytes)}, the most gantry reads` +
            (declared !== undefined ? ` (it announced Content-Length: ${declared})` : ''));
        this.url = url;
        this.maxBytes = maxBytes;
        this.declared = declared;
    }
}
/**
 * `https://host/path?token=***`: no user info, no query values, no fragment. Signed URLs carry
 * their signature in the query and registries their tokens in user info; neither belongs in a
 * message.
 */
function safeURL(url) {
    let u;
    try {
        u = new URL(url);
    }
    catch {
        return '(an invalid URL)';
    }
    const keys = [...u.searchParams.keys()];
    const query = keys.length ? `?${keys.map((k) => `${encodeURIComponent(k)}=***`).join('&')}` : '';
    return `${u.protocol}//${u.host}${u.pathname}${query}`;
}
function formatBytes(n) {
    if (n < 1024)
        return `${n} B`;
    const unit = n < 1 << 20 ? ['KiB', 1024] : ['MiB', 1 << 20];
    const v = n / unit[1];
    return `${Number.isInteger(v) ? v : v.toFixed(1)} ${unit[0]}`;
}
function tooLarge(limit, declared) {
    return new BodyTooLargeError(safeURL(limit.url), limit.maxBytes, declared, limit.what);
}
/**
 * The body's chunks as they arrive, ending with BodyTooLargeError once more than `maxBytes`
 * arrived (or were announced: a Content-Length over the cap fails before any byte is read,
 * unless a Content-Encoding makes that length the compressed one). Stopping early, or failing,
 * cancels the body so the connection is not left streaming.
 */
async function* bodyChunks(res, limit) {
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (!res.headers.get('content-encoding') && declared > limit.maxBytes) {
        await res.body?.cancel().catch(() => undefined);
        throw tooLarge(limit, declared);
    }
    if (!res.body)
        return;
    const reader = res.body.getReader();
    let total = 0;
    let finished = false;
    try {
        for (;;) {
            const step = await reader.read();
            if (step.done) {
                finished = true;
                return;
            }
            total += step.value.byteLength;
            if (total > limit.maxBytes)
                throw tooLarge(limit);
            yield step.value;
        }
    }
    finally {
        if (!finished)
            await reader.cancel().catch(() => undefined);
        reader.releaseLock();
    }
}
/** The whole body, at most `maxBytes` of it (see bodyChunks). */
async function readBody(res, limit) {
    const chunks = [];
    let total = 0;
    for await (const chunk of bodyChunks(res, limit)) {
        chunks.push(chunk);
        total += chunk.byteLength;
    }
    return Buffer.concat(chunks, total);
}
/** The whole body as UTF-8 text, at most `maxBytes` of it (see bodyChunks). */
async function readText(res, limit) {
    return (await readBody(res, limit)).toString('utf8');
}
/** Statuses whose Response may not carry a body (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);
/**
 * A fetch whose responses are read whole, with the cap, before the caller sees them; for
 * libraries that read bodies themselves (Octokit reads with `text()` and swallows read errors,
 * so the cap must bite before it gets the Response). The BodyTooLargeError is thrown by fetch.
 */
function cappedFetch(inner, limit) {
    return async (input, init) => {
        const res = await inner(input, init);
        const url = res.url || (input instanceof Request ? input.url : String(input));
        const body = init?.method === 'HEAD' ? null : await readBody(res, { ...limit, url });
        const copy = new Response(NULL_BODY.has(res.status) || !body ? null : body, {
            status: res.status,
            statusText: res.statusText,
            headers: res.headers,
        });
        // The body is decoded now; a Content-Encoding kept would make a reader decode it twice.
        copy.headers.delete('content-encoding');
        copy.headers.delete('content-length');
        Object.defineProperty(copy, 'url', { value: res.url });
        return copy;
    };
}
/** Whether a fetch failed by its timeout (AbortSignal.timeout), however deep in the causes. */
function isTimeout(err) {
    return err instanceof Error && (err.name === 'TimeoutError' || isTimeout(err.cause));
}
/** `fetch failed: connect ECONNREFUSED 127.0.0.1:1` (the cause is where the reason is). */
function networkReason(err) {
    const parts = [];
    for (let e = err; e instanceof Error && parts.length < 4; e = e.cause) {
        if (!parts.includes(e.message))
            parts.push(e.message);
    }
    return parts.join(': ') || String(err);
}
/**
 * One line for a debug log about an HTTP exchange: `GET https://host/path?q=*** → 200 in 12 ms`.
 * The URL goes through safeURL, so no user info or query value reaches the log.
 */
function httpTraceLine(method, url, outcome, ms) {
    const what = `${method.toUpperCase()} ${safeURL(url)}`;
    return typeof outcome === 'number'
        ? `${what} → ${outcome} in ${ms.toFixed(0)} ms`
        : `${what} failed after ${ms.toFixed(0)} ms: ${isTimeout(outcome) ? 'timed out' : networkReason(outcome).replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, (u) => safeURL(u))}`;
}
/** `inner`, telling `trace` of every request it sends and what came back (see httpTraceLine). */
function tracedFetch(inner, trace) {
    return async (input, init) => {
        const req = input instanceof Request ? input : undefined;
        const url = req ? req.url : input instanceof URL ? input : String(input);
        const method = init?.method ?? req?.method ?? 'GET';
        const started = performance.now();
        try {
            const res = await inner(input, init);
            trace(httpTraceLine(method, url, res.status, performance.now() - started));
            return res;
        }
        catch (err) {
            const e = err instanceof Error ? err : new Error(String(err));
            trace(httpTraceLine(method, url, e, performance.now() - started));
            throw err;
        }
    };
}


/***/ })

};
