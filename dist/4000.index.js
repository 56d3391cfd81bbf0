export const id = 4000;
export const ids = [4000,1871];
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


/***/ }),

/***/ 8246:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Di: () => (/* binding */ getApplication),
/* harmony export */   HH: () => (/* binding */ isSha),
/* harmony export */   L7: () => (/* binding */ gatewayError),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   XC: () => (/* binding */ resolveConnection),
/* harmony export */   Y6: () => (/* binding */ sameRevision),
/* harmony export */   ZF: () => (/* binding */ argocd),
/* harmony export */   _I: () => (/* binding */ scrub),
/* harmony export */   h0: () => (/* binding */ short),
/* harmony export */   tF: () => (/* binding */ ARGOCD_MAX_BODY_BYTES),
/* harmony export */   x8: () => (/* binding */ sourceMatches)
/* harmony export */ });
/* unused harmony exports HEALTH_COOLDOWN_MS, assessApplication */
/* harmony import */ var _pipeline_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2512);
/* harmony import */ var _urls_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6066);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);
/* harmony import */ var _util_http_body_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1871);
/* harmony import */ var _util_suggest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7406);
/* harmony import */ var _fields_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(141);






/** After a sync finishes, how long a health status is not trusted (Kargo uses 10 s too). */
const HEALTH_COOLDOWN_MS = 10_000;
const FIELDS = [
    'server',
    'applications',
    'namespace',
    'appNamespace',
    'project',
    'token',
    'insecure',
    'revision',
    'refresh',
    'requestTimeout',
];
const APP_FIELDS = ['name', 'namespace', 'appNamespace', 'project'];
const DEFAULT_REQUEST_TIMEOUT = '10s';
const MAX_BODY_IN_MESSAGE = 300;
/** Kubernetes object names (DNS-1123 subdomain). */
const K8S_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
/** Names, URLs and tokens: a non-empty string, trimmed. */
function optionalString(where, obj, field) {
    return (0,_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .optionalNonEmptyString */ .W2)(where, obj, field)?.trim();
}
function unknownFields(where, obj, allowed, prefix) {
    for (const k of Object.keys(obj)) {
        if (!allowed.includes(k)) {
            const hint = (0,_util_suggest_js__WEBPACK_IMPORTED_MODULE_4__/* .suggest */ .ZA)(k, allowed);
            (0,_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)(where, `${prefix}${k}`, `is not a field of the argocd provider${hint ? ` (did you mean ${hint}?)` : ''}`);
        }
    }
}
/** `namespace` and its Argo CD spelling `appNamespace` are the same thing; take either. */
function namespaceOf(where, obj, prefix) {
    const a = optionalString(where, obj, 'namespace');
    const b = optionalString(where, obj, 'appNamespace');
    if (a !== undefined && b !== undefined && a !== b) {
        (0,_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)(where, `${prefix}appNamespace`, 'names another namespace than namespace: use one of the two');
    }
    const ns = a ?? b;
    if (ns !== undefined && !K8S_NAME.test(ns)) {
        (0,_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)(where, `${prefix}namespace`, `"${ns}" is not a Kubernetes namespace name`);
    }
    return ns;
}
function serverUrl(where, field, text) {
    // `argocd --server argocd.example.com` takes a host; the API is HTTPS there too.
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
    let url;
    try {
        url = new URL(withScheme);
    }
    catch {
        (0,_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)(where, field, `"${text}" is not a URL (expected https://argocd.example.com)`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        (0,_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)(where, field, `must be an http(s) URL, not "${text}"`);
    }
    if (url.username || url.password) {
        (0,_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)(where, field, 'must not hold credentials: use token (or ARGOCD_AUTH_TOKEN)');
    }
    if (url.search || url.hash)
        (0,_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)(where, field, 'must not have a query or fragment');
    // Keep a path: Argo CD may be served under --rootpath (https://host/argocd).
    return url.toString().replace(/\/+$/, '');
}
function parseApp(where, raw, i, defaults) {
    const prefix = `applications[${i}].`;
    let name;
    let namespace = defaults.namespace;
    let project = defaults.project;
    if (typeof raw === 'string') {
        name = raw.trim();
    }
    else if ((0,_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(raw)) {
        unknownFields(where, raw, APP_FIELDS, prefix);
        const n = optionalString(where, raw, 'name');
        if (n === undefined)
            (0,_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)(where, `${prefix}name`, 'is required');
        name = n;
        namespace = namespaceOf(where, raw, prefix) ?? namespace;
        project = optionalString(where, raw, 'project') ?? project;
    }
    else {
        (0,_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)(where, `applications[${i}]`, 'must be an application name or {name, namespace, project}');
    }
    // `argocd app get ns/name` style.
    const slash = name.indexOf('/');
    if (slash >= 0) {
        const ns = name.slice(0, slash);
        if (namespace !== undefined && typeof raw !== 'string' && namespace !== ns) {
            (0,_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)(where, `${prefix}name`, `says namespace ${ns} but namespace is ${namespace}`);
        }
        namespace = ns;
        name = name.slice(slash + 1);
        if (!K8S_NAME.test(namespace))
            (0,_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)(where, `applications[${i}]`, `"${ns}" is not a namespace name`);
    }
    if (!K8S_NAME.test(name) || name.length > 253) {
        (0,_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)(where, `applications[${i}]`, `"${name}" is not an Argo CD Application name`);
    }
    return {
        name,
        ...(namespace !== undefined && { namespace }),
        ...(project !== undefined && { project }),
    };
}
function parse(config, where) {
    if (!(0,_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(config))
        (0,_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)(where, 'argocd', 'must be a mapping');
    unknownFields(where, config, FIELDS, '');
    const namespace = namespaceOf(where, config, '');
    const project = optionalString(where, config, 'project');
    const apps = config.applications;
    if (!Array.isArray(apps) || apps.length === 0) {
        (0,_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)(where, 'applications', 'must list at least one Argo CD Application name');
    }
    const applications = apps.map((a, i) => parseApp(where, a, i, {
        ...(namespace !== undefined && { namespace }),
        ...(project !== undefined && { project }),
    }));
    const seen = new Set();
    applications.forEach((a, i) => {
        const key = `${a.namespace ?? ''}/${a.name}`;
        if (seen.has(key))
            (0,_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)(where, `applications[${i}]`, `lists ${a.name} twice`);
        seen.add(key);
    });
    const insecure = config.insecure ?? false;
    if (typeof insecure !== 'boolean')
        (0,_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)(where, 'insecure', 'must be true or false');
    let revision;
    if (config.revision !== undefined && config.revision !== null) {
        if (typeof config.revision !== 'string')
            (0,_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)(where, 'revision', 'must be a string');
        revision = config.revision.trim();
    }
    const refresh = config.refresh;
    if (refresh !== undefined && refresh !== null && refresh !== 'normal' && refresh !== 'hard') {
        (0,_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)(where, 'refresh', 'must be normal or hard');
    }
    const timeoutText = optionalString(where, config, 'requestTimeout') ?? DEFAULT_REQUEST_TIMEOUT;
    let requestTimeoutMs;
    try {
        requestTimeoutMs = (0,_pipeline_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9)(timeoutText);
    }
    catch (err) {
        (0,_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)(where, 'requestTimeout', (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err));
    }
    if (requestTimeoutMs <= 0)
        (0,_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)(where, 'requestTimeout', 'must be more than 0');
    const server = optionalString(where, config, 'server');
    const token = optionalString(where, config, 'token');
    return {
        ...(server !== undefined && { server: serverUrl(where, 'server', server) }),
        applications,
        ...(token !== undefined && { token }),
        insecure,
        ...(revision !== undefined && { revision }),
        ...((refresh === 'normal' || refresh === 'hard') && { refresh }),
        requestTimeoutMs,
    };
}
/**
 * Does an argocd-update `sources[]` entry name this source of an Application? A chart source by
 * repoURL and chart, exactly (Kargo's rule); a Git source by its URL normalised (Kargo normalises
 * when it updates; gantry also does when it reads health, so the two never disagree).
 */
function sourceMatches(entry, source) {
    if (source.chart || entry.chart) {
        return source.repoURL === entry.repoURL && source.chart === entry.chart;
    }
    return (0,_urls_index_js__WEBPACK_IMPORTED_MODULE_5__/* .normalizeGitURL */ .Pn)(source.repoURL ?? '') === (0,_urls_index_js__WEBPACK_IMPORTED_MODULE_5__/* .normalizeGitURL */ .Pn)(entry.repoURL);
}
const isSha = (r) => /^[0-9a-f]{7,64}$/i.test(r);
const short = (r) => (/^[0-9a-f]{40,64}$/i.test(r) ? r.slice(0, 7) : r);
/** A commit SHA matches its abbreviations; anything else (chart versions, tags) matches exactly. */
function sameRevision(observed, wanted) {
    if (!observed || !wanted)
        return false;
    if (isSha(observed) && isSha(wanted)) {
        const a = observed.toLowerCase();
        const b = wanted.toLowerCase();
        return a.startsWith(b) || b.startsWith(a);
    }
    return observed === wanted;
}
const nonEmpty = (xs) => (xs ?? []).filter((x) => typeof x === 'string' && x !== '');
/** Decides one application; `now` for the health cooldown. Exported for the runner's summaries. */
function assessApplication(ref, app, wanted, now) {
    const status = app.status ?? {};
    const sync = status.sync?.status || 'Unknown';
    const revisions = nonEmpty(status.sync?.revisions).length
        ? nonEmpty(status.sync?.revisions)
        : nonEmpty([status.sync?.revision]);
    const health = status.health?.status ?? '';
    const op = status.operationState;
    const operation = op?.phase ?? '';
    const conditions = (status.conditions ?? []).filter((c) => c && typeof c.type === 'string');
    const errorCondition = conditions.find((c) => /Error$/.test(c.type ?? ''));
    const message = (op?.message || status.health?.message || errorCondition?.message || '').trim();
    const base = {
        name: ref.name,
        ...(ref.namespace !== undefined && { namespace: ref.namespace }),
        sync,
        revision: revisions.join(','),
        revisions,
        health: health || 'Unknown',
        operation,
        message,
    };
    const out = (state, reason) => ({
        ...base,
        state,
        reason,
    });
    const at = revisions.length ? revisions.map(short).join(',') : 'no revision';
    const want = wanted ? short(wanted) : '';
    const why = (text) => (text ? `: ${oneLine(text)}` : '');
    const invalid = conditions.find((c) => c.type === 'InvalidSpecError');
    if (invalid)
        return out('failed', `InvalidSpecError${why(invalid.message ?? '')}`);
    // Kargo's "a sync appears to be in progress": an operation is requested, or the last one has
    // not finished. Terminating is still running.
    const inProgress = app.operation?.sync !== undefined ||
        operation === 'Running' ||
        operation === 'Terminating' ||
        (op !== undefined && !op.finishedAt);
    const opRevisions = nonEmpty([
        ...(op?.syncResult?.revisions ?? []),
        op?.syncResult?.revision,
        ...(op?.operation?.sync?.revisions ?? []),
        op?.operation?.sync?.revision,
    ]);
    const opForTarget = !wanted || opRevisions.some((r) => sameRevision(r, wanted));
    if (!inProgress && (operation === 'Failed' || operation === 'Error') && opForTarget) {
        const to = opRevisions.find(isSha) ?? opRevisions[0];
        return out('failed', `sync${to ? ` to ${short(to)}` : ''} ${operation}${why(op?.message ?? '')}`);
    }
    if (app.operation?.sync !== undefined) {
        // Requested (by auto-sync, a user or Kargo) and not picked up yet: the operationState is
        // still the previous operation's.
        const requested = nonEmpty([
            ...(app.operation.sync.revisions ?? []),
            app.operation.sync.revision,
        ]);
        const to = requested.find(isSha) ?? requested[0];
        return out('waiting', `sync requested${to ? ` to ${short(to)}` : ''}`);
    }
    if (inProgress) {
        const to = opRevisions.find(isSha) ?? opRevisions[0];
        return out('waiting', `sync ${operation || 'started'}${to ? ` to ${short(to)}` : ''}${why(op?.message ?? '')}`);
    }
    const atTarget = !wanted || revisions.some((r) => sameRevision(r, wanted));
    if (!atTarget) {
        const lastOp = operation === 'Failed' || operation === 'Error'
            ? `; last sync ${operation}${why(op?.message ?? '')}`
            : '';
        return out('waiting', `${sync} at ${at} (waiting for ${want})${lastOp}`);
    }
    // An error condition makes the health status unreliable (Kargo checks conditions first).
    const comparison = conditions.find((c) => c.type === 'ComparisonError');
    if (comparison)
        return out('waiting', `ComparisonError${why(comparison.message ?? '')}`);
    // The health status may still be the one from before the sync: let Argo CD reassess it.
    if (wanted && op !== undefined) {
        const changed = status.health?.lastTransitionTime;
        const since = changed || op.finishedAt;
        const t = since ? Date.parse(since) : NaN;
        const age = now.getTime() - t;
        if (!Number.isNaN(t) && age < HEALTH_COOLDOWN_MS) {
            const seconds = Math.max(0, Math.round(age / 1000));
            const event = changed ? 'health changed' : 'sync finished';
            return out('waiting', `${health || 'Unknown'} at ${at}, but the ${event} only ${seconds} s ago; waiting for Argo CD to reassess health`);
        }
    }
    if (health === 'Degraded') {
        return out('failed', `Degraded at ${at}${why(status.health?.message ?? '')}`);
    }
    if (sync !== 'Synced')
        return out('waiting', `${sync} at ${at}`);
    if (health !== 'Healthy') {
        return out('waiting', `Synced at ${at}, ${health || 'no health yet'}${why(status.health?.message ?? '')}`);
    }
    return out('ready', `Synced at ${at} and Healthy`);
}
function oneLine(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > MAX_BODY_IN_MESSAGE ? `${flat.slice(0, MAX_BODY_IN_MESSAGE)}…` : flat;
}
// --- HTTP --------------------------------------------------------------------------------------
function scrub(text, secrets) {
    let out = text;
    for (const s of secrets)
        if (s.length >= 4)
            out = out.split(s).join('***');
    return out;
}
/** grpc-gateway's error body: `{"error": "…", "code": 16, "message": "…"}` (code: the gRPC code). */
function gatewayError(body) {
    try {
        const parsed = JSON.parse(body);
        if ((0,_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(parsed)) {
            const m = parsed.message ?? parsed.error;
            if (typeof m === 'string' && m) {
                return { message: m, ...(typeof parsed.code === 'number' && { code: parsed.code }) };
            }
        }
    }
    catch {
        // not JSON
    }
    return { message: oneLine(body) || '(empty body)' };
}
/**
 * Most of an Argo CD answer read. An Application carries its resource tree and sync history;
 * one with thousands of resources is a few MiB, so 32 MiB leaves room without letting a broken
 * server fill the process.
 */
const ARGOCD_MAX_BODY_BYTES = 32 << 20;
/** gRPC NotFound: Argo CD's "no such application", as opposed to a proxy's 404 for a wrong path. */
const GRPC_NOT_FOUND = 5;
const appLabel = (ref) => (ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name);
/**
 * One Application, read with `GET /api/v1/applications/{name}` within `requestTimeoutMs`.
 * Throws an Error that says what went wrong (unreachable, 401, 403, 404, not JSON), never
 * holding the token. Stage health (src/health) reads applications through here too.
 */
async function getApplication(ctx, config, server, token, ref, dispatcher) {
    const params = new URLSearchParams();
    if (ref.namespace)
        params.set('appNamespace', ref.namespace);
    if (ref.project)
        params.set('project', ref.project);
    if (config.refresh)
        params.set('refresh', config.refresh);
    const query = params.toString();
    const url = `${server}/api/v1/applications/${encodeURIComponent(ref.name)}${query ? `?${query}` : ''}`;
    const host = new URL(server).host;
    const label = appLabel(ref);
    const timeout = AbortSignal.timeout(config.requestTimeoutMs);
    const signal = AbortSignal.any([ctx.signal, timeout]);
    let status;
    let statusText;
    let body;
    try {
        const res = await ctx.fetch(url, {
            method: 'GET',
            headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
            signal,
            redirect: 'follow',
            ...(dispatcher && { dispatcher }),
        });
        status = res.status;
        statusText = res.statusText;
        body = await (0,_util_http_body_js__WEBPACK_IMPORTED_MODULE_2__/* .readText */ .yR)(res, {
            url,
            maxBytes: ARGOCD_MAX_BODY_BYTES,
            what: 'the Argo CD response',
        });
    }
    catch (err) {
        if (err instanceof _util_http_body_js__WEBPACK_IMPORTED_MODULE_2__/* .BodyTooLargeError */ .Au)
            throw err;
        if (timeout.aborted) {
            throw new Error(`Argo CD (${host}) did not answer for application ${label} within ${config.requestTimeoutMs / 1000}s`, { cause: err });
        }
        if (ctx.signal.aborted) {
            throw new Error(`request to Argo CD (${host}) was cancelled`, { cause: err });
        }
        const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
        const tls = /certificate|self.signed|CERT_/i.test(cause)
            ? ' (a self-signed certificate? set insecure: true to skip verification)'
            : '';
        throw new Error(scrub(`Argo CD (${host}) unreachable: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}${cause}${tls}`, [token]), { cause: err });
    }
    if (status === 200) {
        try {
            return JSON.parse(body);
        }
        catch {
            throw new Error(`Argo CD (${host}) answered application ${label} with a body that is not JSON: ${oneLine(body)}`);
        }
    }
    const what = `${status}${statusText ? ` ${statusText}` : ''}`;
    const { message: said, code } = gatewayError(body);
    let message;
    switch (status) {
        case 401:
            message =
                `Argo CD (${host}) rejected the token (${what}: ${said}): check token / ARGOCD_AUTH_TOKEN; ` +
                    'it may have expired, been revoked, or belong to another Argo CD';
            break;
        case 403:
            message =
                `Argo CD (${host}) denied access to application ${label} (${what}: ${said}): the token ` +
                    "lacks 'applications, get' on it, or the application does not exist (Argo CD answers 403 " +
                    `for both${ref.project ? '' : '; set project to tell them apart'}); check the name and namespace`;
            break;
        case 404:
            message =
                code === GRPC_NOT_FOUND
                    ? `application ${label} not found on Argo CD (${host}) (or the token cannot see it): ${said}`
                    : `${host} answered ${what} for ${new URL(url).pathname}, not as Argo CD's API would ` +
                        `(${said}): is server the Argo CD URL, with its --rootpath if it has one?`;
            break;
        default:
            message = `Argo CD (${host}) answered ${what} for application ${label}: ${said}`;
    }
    throw new Error(scrub(message, [token]));
}
/**
 * The server and token of a config: its own fields, else ARGOCD_SERVER and ARGOCD_AUTH_TOKEN
 * from the environment the adapter passed. Throws ConfigError naming what is missing.
 */
function resolveConnection(config, ctx) {
    const token = config.token ?? ctx.env.ARGOCD_AUTH_TOKEN?.trim();
    if (token)
        ctx.secret(token);
    const server = config.server ?? ctx.env.ARGOCD_SERVER?.trim();
    const missing = [
        ...(server ? [] : ['the Argo CD server (server, or ARGOCD_SERVER in the environment)']),
        ...(token ? [] : ['a token (token, or ARGOCD_AUTH_TOKEN in the environment)']),
    ];
    if (!server || !token)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`argocd: ${missing.join(' and ')} is required`);
    return { server: config.server ?? serverUrl('argocd', 'ARGOCD_SERVER', server), token };
}
function summarise(results, phase) {
    const show = (r) => `${r.namespace ? `${r.namespace}/` : ''}${r.name}: ${r.reason}`;
    if (phase === 'Successful') {
        if (results.length === 1 && results[0])
            return show(results[0]);
        return `${results.length} applications Synced and Healthy (${results.map((r) => r.name).join(', ')})`;
    }
    const first = phase === 'Failed' ? 'failed' : 'waiting';
    const shown = results.filter((r) => r.state === first);
    const count = (state) => results.filter((r) => r.state === state).length;
    const also = ['waiting', 'ready']
        .filter((state) => state !== first && count(state) > 0)
        .map((state) => `${count(state)} ${state}`);
    return `${shown.map(show).join('; ')}${also.length ? `; also ${also.join(', ')}` : ''}`;
}
async function measure(config, ctx) {
    const { server, token } = resolveConnection(config, ctx);
    const wanted = config.revision === undefined ? ctx.target.commit : config.revision || undefined;
    // undici is loaded only for this: `get stages` reaches this module and must not pay for it.
    const dispatcher = config.insecure
        ? new (await __webpack_require__.e(/* import() */ 6752).then(__webpack_require__.t.bind(__webpack_require__, 4371, 19))).Agent({ connect: { rejectUnauthorized: false } })
        : undefined;
    try {
        ctx.log(`argocd: ${config.applications.map(appLabel).join(', ')} on ${new URL(server).host}` +
            (wanted ? `, waiting for ${short(wanted)}` : ', revision not compared'));
        const apps = await Promise.all(config.applications.map((ref) => getApplication(ctx, config, server, token, ref, dispatcher)));
        const now = ctx.clock();
        const applications = apps.map((app, i) => assessApplication(config.applications[i], app, wanted, now));
        const phase = applications.some((a) => a.state === 'failed')
            ? 'Failed'
            : applications.some((a) => a.state === 'waiting')
                ? 'Inconclusive'
                : 'Successful';
        const result = { revision: wanted ? short(wanted) : null, applications };
        return { result, phase, detail: scrub(summarise(applications, phase), [token]) };
    }
    finally {
        await dispatcher?.close();
    }
}
const argocd = { name: 'argocd', parse, measure };


/***/ }),

/***/ 141:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F9: () => (/* binding */ optionalPositiveInt),
/* harmony export */   Fk: () => (/* binding */ requiredString),
/* harmony export */   RO: () => (/* binding */ optionalBool),
/* harmony export */   W2: () => (/* binding */ optionalNonEmptyString),
/* harmony export */   b3: () => (/* binding */ headers),
/* harmony export */   fJ: () => (/* reexport safe */ _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.$i),
/* harmony export */   io: () => (/* binding */ isSecretHeader),
/* harmony export */   kt: () => (/* binding */ optionalTimeout),
/* harmony export */   l2: () => (/* binding */ checkConfig),
/* harmony export */   sx: () => (/* binding */ optionalString),
/* harmony export */   u4: () => (/* reexport safe */ _util_guards_js__WEBPACK_IMPORTED_MODULE_2__.u),
/* harmony export */   yR: () => (/* binding */ httpURL)
/* harmony export */ });
/* harmony import */ var _pipeline_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2512);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);
/* harmony import */ var _util_suggest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7406);
/* harmony import */ var _util_guards_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6936);
/**
 * Checks shared by the providers' `parse`, with errors that name the metric, the provider and the
 * field: `verification metric "smoke": provider http: url: …`.
 * Declared functions, so that TypeScript narrows after a call to the `never` ones.
 */






/** The config itself must be a mapping holding only `fields`. */
function checkConfig(where, provider, config, fields) {
    if (!(0,_util_guards_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(config)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`${where}: must be a mapping with the fields of the ${provider} provider`);
    }
    for (const key of Object.keys(config)) {
        if (!fields.includes(key)) {
            const hint = (0,_util_suggest_js__WEBPACK_IMPORTED_MODULE_3__/* .didYouMean */ .au)(key, fields);
            (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fieldError */ .$i)(where, key, `is not a field of the ${provider} provider${hint || ` (fields: ${fields.join(', ')})`}`);
        }
    }
    return config;
}
/**
 * `obj[field]` when it passes `ok`, undefined when it is missing or null; anything else fails
 * with `message` (a function of the value when the message shows it).
 */
function optional(where, obj, field, ok, message) {
    const v = obj[field];
    if (v === undefined || v === null)
        return undefined;
    if (!ok(v))
        (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fieldError */ .$i)(where, field, typeof message === 'string' ? message : message(v));
    return v;
}
const isString = (v) => typeof v === 'string';
const isNonEmptyString = (v) => isString(v) && v.trim() !== '';
const isBool = (v) => typeof v === 'boolean';
const isPositiveInt = (v) => typeof v === 'number' && Number.isInteger(v) && v > 0;
function optionalString(where, obj, field) {
    return optional(where, obj, field, isString, 'must be a string');
}
/** A string with more than blanks in it, as given (not trimmed). */
function optionalNonEmptyString(where, obj, field) {
    return optional(where, obj, field, isNonEmptyString, 'must be a non-empty string');
}
function requiredString(where, obj, field) {
    const v = optionalNonEmptyString(where, obj, field);
    if (v === undefined)
        (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fieldError */ .$i)(where, field, 'is required');
    return v;
}
function optionalBool(where, obj, field) {
    return optional(where, obj, field, isBool, 'must be true or false');
}
function optionalPositiveInt(where, obj, field) {
    return optional(where, obj, field, isPositiveInt, (v) => `must be a whole number of seconds above 0, got ${JSON.stringify(v)}`);
}
/** A Go duration (`30s`), or a number of seconds; milliseconds, above 0. */
function optionalTimeout(where, obj, field) {
    const v = obj[field];
    if (v === undefined || v === null)
        return undefined;
    if (typeof v === 'number') {
        if (!Number.isFinite(v) || v <= 0)
            (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fieldError */ .$i)(where, field, 'must be more than 0 seconds');
        return v * 1000;
    }
    if (typeof v !== 'string')
        (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fieldError */ .$i)(where, field, 'must be a duration such as 30s, or seconds');
    let ms;
    try {
        ms = (0,_pipeline_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9)(v);
    }
    catch (err) {
        (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fieldError */ .$i)(where, field, (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err));
    }
    if (ms <= 0)
        (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fieldError */ .$i)(where, field, 'must be more than 0');
    return ms;
}
/** An absolute http(s) URL. */
function httpURL(where, field, text) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fieldError */ .$i)(where, field, `${JSON.stringify(text)} is not an absolute URL (http://… or https://…)`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fieldError */ .$i)(where, field, `must be an http:// or https:// URL, not ${JSON.stringify(text)}`);
    }
    return url;
}
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/**
 * Headers as Argo Rollouts writes them (`[{key, value}]`), or `[{name, value}]`, or a mapping
 * `{Name: value}`.
 */
function headers(where, obj, field) {
    const v = obj[field];
    if (v === undefined || v === null)
        return [];
    const out = [];
    const add = (at, name, value) => {
        if (typeof name !== 'string' || !HEADER_NAME.test(name)) {
            (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fieldError */ .$i)(where, at, `header name must be a token such as Authorization, got ${JSON.stringify(name)}`);
        }
        if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
            (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fieldError */ .$i)(where, at, 'header value must be a string');
        }
        const text = String(value);
        if (/[\r\n\0]/.test(text))
            (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fieldError */ .$i)(where, at, 'header value must not hold line breaks');
        out.push({ name, value: text });
    };
    if (Array.isArray(v)) {
        v.forEach((h, i) => {
            const at = `${field}[${i}]`;
            if (!(0,_util_guards_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(h))
                (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fieldError */ .$i)(where, at, 'must be a mapping {key: <name>, value: <value>}');
            for (const k of Object.keys(h)) {
                if (!['key', 'name', 'value'].includes(k)) {
                    (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fieldError */ .$i)(where, `${at}.${k}`, 'is not a header field (key or name, and value)');
                }
            }
            if (h.key !== undefined && h.name !== undefined) {
                (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fieldError */ .$i)(where, at, 'set key or name, not both');
            }
            add(at, h.key ?? h.name, h.value);
        });
    }
    else if ((0,_util_guards_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(v)) {
        for (const [name, value] of Object.entries(v))
            add(`${field}.${name}`, name, value);
    }
    else {
        (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fieldError */ .$i)(where, field, 'must be a list of {key, value} (or a mapping of name to value)');
    }
    return out;
}
/** Headers whose values are not worth hiding; every other header value is a secret. */
const PLAIN_HEADERS = new Set(['accept', 'content-type', 'user-agent', 'accept-encoding']);
function isSecretHeader(name) {
    return !PLAIN_HEADERS.has(name.toLowerCase());
}


/***/ })

};
