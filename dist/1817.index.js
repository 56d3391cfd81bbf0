export const id = 1817;
export const ids = [1817,1871];
export const modules = {

/***/ 1389:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   environmentAction: () => (/* binding */ environmentAction)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _pipeline_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5785);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(858);
/* harmony import */ var _repo_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1279);




/**
 * `command: environment`: the GitHub environment that gates a stage, as the project file says.
 * The promote job takes its `environment:` from this output, so the project file is the one
 * place that names it and the job cannot run under another.
 */
async function environmentAction(s, ctx) {
    const repo = await (0,_repo_js__WEBPACK_IMPORTED_MODULE_3__/* .openActionRepo */ .f2)(s, ctx);
    const project = await (0,_repo_js__WEBPACK_IMPORTED_MODULE_3__/* .singleProject */ .W5)(repo, s.project);
    const stage = (0,_pipeline_index_js__WEBPACK_IMPORTED_MODULE_1__/* .findStage */ .U9)(project, s.stage);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Output */ .k7.environment, stage.environment);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`stage ${stage.name} of ${project.name} is gated by environment ${stage.environment}`);
    await _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary
        .addRaw(`## gantry environment\n\nStage **${stage.name}** of **${project.name}** runs under environment **${stage.environment}**.\n`)
        .write();
}


/***/ }),

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
