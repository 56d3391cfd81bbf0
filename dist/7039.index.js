export const id = 7039;
export const ids = [7039];
export const modules = {

/***/ 5577:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ actionLog)
/* harmony export */ });
/* unused harmony export ActionLog */
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6698);
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_async_hooks__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6421);
/* harmony import */ var _util_http_body_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1871);



/**
 * The actions' log, with folds (`::group::`) the core asks for by name. The runner cannot nest
 * folds nor interleave two, yet warehouses and metrics run at once: the first fold opened is
 * written live, each fold opened meanwhile is held and written whole when it ends, and lines
 * from outside the live fold wait for it to close. Which fold a line belongs to is the async
 * context it was logged from, so a git command or HTTP request lands in the fold that caused it.
 */
class ActionLog {
    sink;
    context = new node_async_hooks__WEBPACK_IMPORTED_MODULE_0__.AsyncLocalStorage();
    live;
    /** Held folds still running, oldest first: the next to go live. */
    held = [];
    /** What waits for the live fold to close: lines from outside it and held folds that ended. */
    queue = [];
    constructor(sink = _actions_core__WEBPACK_IMPORTED_MODULE_1__) {
        this.sink = sink;
    }
    info = (line) => this.emit('info', line);
    warn = (line) => this.emit('warning', line);
    debug = (line) => this.emit('debug', line);
    /** For the core's `group` ports. */
    group = async (name, fn) => {
        const outer = this.context.getStore();
        // A fold inside a fold stays in the outer one: the runner shows one level.
        if (outer && outer.state !== 'done')
            return fn();
        const fold = { name, state: this.live ? 'held' : 'live', lines: [] };
        if (fold.state === 'live') {
            this.live = fold;
            this.sink.startGroup(name);
        }
        else {
            this.held.push(fold);
        }
        try {
            return await this.context.run(fold, fn);
        }
        finally {
            this.close(fold);
        }
    };
    emit(kind, line) {
        const fold = this.context.getStore();
        if (fold?.state === 'live')
            this.write(kind, line);
        else if (fold?.state === 'held')
            fold.lines.push([kind, line]);
        else if (this.live)
            this.queue.push([kind, line]);
        else
            this.write(kind, line);
    }
    close(fold) {
        if (fold.state === 'held') {
            this.held.splice(this.held.indexOf(fold), 1);
            fold.state = 'done';
            // A held fold exists only while another is live (see below): it waits its turn.
            this.queue.push(fold);
            return;
        }
        fold.state = 'done';
        this.sink.endGroup();
        this.live = undefined;
        for (const item of this.queue.splice(0)) {
            if (Array.isArray(item))
                this.write(...item);
            else
                this.writeFold(item);
        }
        // The oldest fold still running goes live: what it held so far first, then as it comes.
        const next = this.held.shift();
        if (next) {
            next.state = 'live';
            this.live = next;
            this.sink.startGroup(next.name);
            for (const l of next.lines.splice(0))
                this.write(...l);
        }
    }
    writeFold(fold) {
        this.sink.startGroup(fold.name);
        for (const l of fold.lines)
            this.write(...l);
        this.sink.endGroup();
    }
    write(kind, line) {
        this.sink[kind](line);
    }
    /**
     * The git and HTTP trace for the core, when the step's debug log is on (a re-run with debug
     * logging, ACTIONS_STEP_DEBUG); undefined otherwise, so nothing is timed or formatted.
     */
    trace() {
        return _actions_core__WEBPACK_IMPORTED_MODULE_1__.isDebug() ? this.debug : undefined;
    }
    /** `inner`, with a debug line for every request when the step's debug log is on. */
    fetch(inner = globalThis.fetch) {
        const trace = this.trace();
        return trace ? (0,_util_http_body_js__WEBPACK_IMPORTED_MODULE_2__/* .tracedFetch */ .Wb)(inner, trace) : inner;
    }
}
/** The one log of an action run. */
const actionLog = new ActionLog();


/***/ }),

/***/ 1279:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mc: () => (/* binding */ githubApi),
/* harmony export */   W5: () => (/* binding */ singleProject),
/* harmony export */   ax: () => (/* binding */ dispatchTarget),
/* harmony export */   f2: () => (/* binding */ openActionRepo)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6584);
/* harmony import */ var _app_repo_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5271);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5577);





/** The GitOps repository of an action run, with the token as its credential. */
function openActionRepo(s, ctx) {
    return (0,_app_repo_js__WEBPACK_IMPORTED_MODULE_2__/* .openRepo */ .B8)({
        repo: s.repositoryUrl,
        credentials: s.token ? { kind: 'token', token: s.token } : undefined,
        cacheDir: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(ctx.tempDir, 'gantry'),
        baseEnv: ctx.env,
        log: _log_js__WEBPACK_IMPORTED_MODULE_4__/* .actionLog */ .Z.info,
        warn: _log_js__WEBPACK_IMPORTED_MODULE_4__/* .actionLog */ .Z.warn,
        // Step debug logging (re-run with debug, or ACTIONS_STEP_DEBUG) shows every git command gantry
        // runs with its duration, as GANTRY_DEBUG=1 does for the command line.
        trace: _log_js__WEBPACK_IMPORTED_MODULE_4__/* .actionLog */ .Z.trace(),
    });
}
/** The one project an action acts on: the `project` input, or the repository's only one. */
async function singleProject(repo, name) {
    const projects = (0,_app_repo_js__WEBPACK_IMPORTED_MODULE_2__/* .pickProjects */ .o4)(await (0,_app_repo_js__WEBPACK_IMPORTED_MODULE_2__/* .validProjects */ .t1)(repo), name);
    const project = projects[0];
    if (!project || projects.length > 1) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(`input "project" is required: this repository has ${projects.map((p) => p.name).join(', ')}`);
    }
    return project;
}
/**
 * GitHub's API for `owner/name` on the workflow's server, with the action's token; undefined
 * without a token. `GITHUB_API_URL` points at github.com's API, a GHES server's, or a test fake.
 */
function githubApi(ownerName, token, ctx) {
    const [owner, repo] = (ownerName ?? '').split('/');
    if (!token || !owner || !repo)
        return undefined;
    const trace = _log_js__WEBPACK_IMPORTED_MODULE_4__/* .actionLog */ .Z.trace();
    return new _github_client_js__WEBPACK_IMPORTED_MODULE_1__.GitHubClient({
        token,
        apiUrl: ctx.apiUrl ?? 'https://api.github.com',
        owner,
        repo,
        ...(trace ? { trace } : {}),
    });
}
/**
 * Where `dispatch-workflow` starts the promote workflow. It lives beside the project files: in the
 * GitOps repository when that is named as owner/name and is not the repository running this
 * workflow, on its default branch; otherwise in this repository, on the branch this run is on.
 */
async function dispatchTarget(s, workflow, ctx, repo) {
    if (!s.token)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(`input "dispatch-workflow" needs a token with actions: write`);
    const elsewhere = s.repository && s.repository !== ctx.repository ? s.repository : undefined;
    const github = githubApi(elsewhere ?? ctx.repository, s.token, ctx);
    if (!github) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL('input "dispatch-workflow" needs GITHUB_REPOSITORY (run it in a workflow)');
    }
    const ref = elsewhere ? await repo.store.defaultBranch() : ctx.refBranch;
    if (!ref) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL('input "dispatch-workflow" needs the workflow to run on a branch (it starts the workflow on the same branch)');
    }
    return { github, workflow, ref };
}


/***/ }),

/***/ 4484:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TU: () => (/* reexport */ Git),
  XS: () => (/* reexport */ GitError),
  M8: () => (/* reexport */ git_remote/* parseRemote */.M8),
  Yu: () => (/* reexport */ shallowCommitsOf)
});

// UNUSED EXPORTS: isHttpRemote

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/redact.ts
var redact = __webpack_require__(767);
// EXTERNAL MODULE: ./src/git/remote.ts
var git_remote = __webpack_require__(668);
;// CONCATENATED MODULE: ./src/git/git.ts





/** A git command that failed: says which command, why, and what kind of failure it was. */
class GitError extends errors/* OperationError */.OK {
    command;
    exitCode;
    stderr;
    kind;
    name = 'GitError';
    constructor(command, exitCode, stderr, kind, 
    /** What went wrong in plain words, said before git's own message (which can mislead). */
    explanation) {
        const why = stderr.trim() || `exit code ${exitCode}`;
        super(explanation ? `${explanation} (${command} failed: ${why})` : `${command} failed: ${why}`);
        this.command = command;
        this.exitCode = exitCode;
        this.stderr = stderr;
        this.kind = kind;
    }
}
// Settings that keep gantry's git predictable whatever the user's global config says:
// no hooks, no signing prompts, no background maintenance, protocol v2 for ref-prefix listing.
const FIXED_CONFIG = [
    ['core.hooksPath', '/dev/null'],
    ['commit.gpgSign', 'false'],
    ['tag.gpgSign', 'false'],
    ['gc.auto', '0'],
    ['maintenance.auto', 'false'],
    ['fetch.writeCommitGraph', 'false'],
    ['advice.detachedHead', 'false'],
    ['init.defaultBranch', 'main'],
    ['protocol.version', '2'],
    ['core.askPass', ''],
    ['credential.interactive', 'false'],
];
/**
 * The one door through which gantry runs git. Every command gets a controlled environment
 * (no prompts, C locale, fixed config), the remote's credentials through GIT_CONFIG_* variables
 * scoped to the remote's URL, and errors that name the command with secrets redacted.
 */
class Git {
    opts;
    redactor;
    env;
    constructor(opts) {
        this.opts = opts;
        this.redactor = opts.redactor ?? new redact/* Redactor */.p();
        this.env = this.buildEnv();
    }
    get remote() {
        return this.opts.remote;
    }
    buildEnv() {
        const env = {};
        for (const [k, v] of Object.entries(this.opts.baseEnv)) {
            // Inherited GIT_* settings (GIT_DIR from a hook, a caller's GIT_CONFIG_COUNT) would point
            // gantry's git somewhere else; proxies and SSH settings are the user's and are kept.
            if (v === undefined)
                continue;
            if (/^GIT_/.test(k) &&
                !/^GIT_(SSH|SSH_COMMAND|SSL_CAINFO|SSL_NO_VERIFY|PROXY_COMMAND|EXEC_PATH|TRACE.*)$/.test(k))
                continue;
            if (k === 'SSH_ASKPASS' || k === 'GCM_INTERACTIVE')
                continue;
            env[k] = v;
        }
        env.GIT_TERMINAL_PROMPT = '0';
        env.GCM_INTERACTIVE = 'never';
        env.LC_ALL = 'C';
        env.LANGUAGE = 'C';
        if (this.opts.identity) {
            env.GIT_AUTHOR_NAME = env.GIT_COMMITTER_NAME = this.opts.identity.name;
            env.GIT_AUTHOR_EMAIL = env.GIT_COMMITTER_EMAIL = this.opts.identity.email;
        }
        const config = [...FIXED_CONFIG];
        const remote = this.opts.remote;
        if (remote?.credentials && (0,git_remote/* isHttpRemote */.DY)(remote.url)) {
            const { username, password } = (0,git_remote/* basicPair */.xE)(remote.credentials);
            this.redactor.addBasicAuth(username, password);
            const header = `Authorization: Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
            // Scoped to the remote's URL prefix, so another host (a submodule, say) never sees it.
            const prefix = remote.url.replace(/\/+$/, '');
            // One entry: git sends every matching extraHeader, and two Authorization headers are a 400
            // at strict proxies.
            config.push([`http.${prefix}.extraHeader`, header]);
            // git reads extraHeader once, for the URL it was given; after a redirect its next requests
            // would carry the header to wherever the redirect pointed. With credentials, follow none.
            config.push(['http.followRedirects', 'false']);
        }
        env.GIT_CONFIG_COUNT = String(config.length);
        config.forEach(([k, v], i) => {
            env[`GIT_CONFIG_KEY_${i}`] = k;
            env[`GIT_CONFIG_VALUE_${i}`] = v;
        });
        return env;
    }
    sshChecked;
    /**
     * ssh must not prompt (for a passphrase or a host key) in a job nobody watches. Batch mode is
     * set only when the user has not chosen an ssh command (GIT_SSH, GIT_SSH_COMMAND or
     * core.sshCommand): a deploy-key wrapper of theirs wins.
     */
    checkSsh() {
        this.sshChecked ??= (async () => {
            const url = this.opts.remote?.url ?? '';
            if (!url || /^(?:https?|file):\/\//i.test(url))
                return;
            if (this.env.GIT_SSH || this.env.GIT_SSH_COMMAND)
                return;
            const configured = await this.spawn(['config', '--get', 'core.sshCommand'], {});
            if (configured.exitCode !== 0 || !configured.stdout.trim())
                this.env.GIT_SSH_COMMAND = 'ssh -o BatchMode=yes';
        })();
        return this.sshChecked;
    }
    /** Runs git and throws GitError when it exits non-zero. */
    async run(args, options = {}) {
        const result = await this.exec(args, options);
        if (result.exitCode !== 0)
            throw this.error(args, result);
        return result;
    }
    /** Runs git where failure is an expected answer (does this ref exist?). */
    async tryRun(args, options = {}) {
        return this.exec(args, options);
    }
    error(args, result) {
        const command = this.redactor.redact(`git ${args.join(' ')}`);
        // Push reports rejections on stdout with --porcelain; keep them, redacted like the rest.
        const stderr = this.redactor.redact(result.stderr.trim() || result.stdout);
        const kind = classify(result.exitCode, result.stderr);
        const explanation = kind === 'auth'
            ? authProblem(result.stderr, this.opts.remote, Boolean(this.opts.remote?.credentials))
            : undefined;
        return new GitError(command, result.exitCode, stderr, kind, explanation);
    }
    async exec(args, options) {
        await this.checkSsh();
        if (!this.opts.trace)
            return this.spawn(args, options);
        const started = performance.now();
        const result = await this.spawn(args, options);
        const ms = (performance.now() - started).toFixed(0);
        this.opts.trace(this.redactor.redact(`git ${args.join(' ')} (${options.cwd ?? '.'}) exit ${result.exitCode} in ${ms} ms`));
        return result;
    }
    spawn(args, options) {
        const timeoutMs = options.timeoutMs ?? this.opts.timeoutMs ?? 120_000;
        return new Promise((resolve, reject) => {
            const child = (0,external_node_child_process_.spawn)(this.opts.binary ?? 'git', args, {
                cwd: options.cwd,
                env: options.env ? { ...this.env, ...options.env } : this.env,
                stdio: ['pipe', 'pipe', 'pipe'],
            });
            const out = [];
            const err = [];
            let timedOut = false;
            const timer = setTimeout(() => {
                timedOut = true;
                child.kill('SIGKILL');
                // A grandchild (ssh, a credential helper) may hold the pipes open after git dies;
                // do not wait for it.
                child.stdout.destroy();
                child.stderr.destroy();
                resolve({
                    exitCode: 124,
                    stdout: '',
                    stdoutBytes: Buffer.alloc(0),
                    stderr: `timed out after ${timeoutMs} ms`,
                });
            }, timeoutMs);
            child.stdout.on('data', (d) => out.push(d));
            child.stderr.on('data', (d) => err.push(d));
            child.on('error', (e) => {
                clearTimeout(timer);
                const why = options.cwd && !(0,external_node_fs_.existsSync)(options.cwd)
                    ? `the directory ${options.cwd} does not exist`
                    : `${e.message}; is git installed and on PATH?`;
                reject(new errors/* OperationError */.OK(`could not run git ${args[0] ?? ''}: ${why}`));
            });
            child.on('close', (code) => {
                clearTimeout(timer);
                if (timedOut)
                    return;
                const stderr = Buffer.concat(err).toString('utf8');
                const stdoutBytes = Buffer.concat(out);
                resolve({ exitCode: code ?? 1, stdout: stdoutBytes.toString('utf8'), stdoutBytes, stderr });
            });
            child.stdin.on('error', () => {
                // git may exit before reading its input (e.g. a bad argument); the exit code tells why.
            });
            child.stdin.end(options.input ?? '');
        });
    }
}
/** The host of a remote URL (https://, ssh://, scp-style user@host:path), without credentials. */
function hostOf(url) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
        try {
            return new URL(url).host || undefined;
        }
        catch {
            return undefined;
        }
    }
    return /^(?:[^@/]+@)?([^:/]+):/.exec(url)?.[1];
}
/**
 * An auth failure in plain words, naming the host. With credentials and no terminal, git reports
 * a rejected password as "could not read Username … terminal prompts disabled" (it wanted to ask
 * for another one), which reads as if no credentials had been given at all.
 */
function authProblem(stderr, remote, sentCredentials) {
    const s = stderr.toLowerCase();
    // "Permission denied" alone is as often a local file's: only the server's answers are explained.
    if (!/authentication failed|could not read (?:username|password)|terminal prompts disabled|returned error: 40[13]|http 40[13]|permission denied \(publickey/.test(s))
        return undefined;
    const quoted = /'((?:https?|ssh):\/\/[^']+)'/i.exec(stderr)?.[1];
    const host = (remote && hostOf(remote.url)) ?? (quoted && hostOf(quoted)) ?? 'the git server';
    if (/permission denied \(publickey/.test(s))
        return `${host} refused the ssh key (check the deploy key or ssh agent for it)`;
    if (/returned error: 403|http 403/.test(s)) {
        return sentCredentials
            ? `${host} refused access (HTTP 403): the credentials gantry sent do not grant access to this repository (a push needs write access)`
            : `${host} refused access (HTTP 403) without credentials: give gantry a token for it`;
    }
    if (sentCredentials)
        return `${host} rejected the credentials gantry sent (HTTP 401): the token or password is wrong, expired or revoked`;
    if (/authentication failed/.test(s))
        return `${host} rejected the credentials git found for it (HTTP 401; from a credential helper or the URL): they are wrong, expired or revoked`;
    return `${host} asks for credentials and gantry was given none for it: set GANTRY_TOKEN (or GITHUB_TOKEN for GitHub) on the command line, the token input in an action, or configure a git credential helper`;
}
function classify(exitCode, stderr) {
    const s = stderr.toLowerCase();
    if (exitCode === 124 && s.startsWith('timed out'))
        return 'timeout';
    if (
    // Push races only: a local "cannot lock ref" (a fetch into a directory/file conflict) is not one.
    /\[rejected\].*\(fetch first\)|non-fast-forward|\(stale info\)|remote: error: cannot lock ref|\[remote rejected\].*(?:failed to update ref|incorrect old value|cannot lock ref)/.test(s))
        return 'non-fast-forward';
    if (/\(already exists\)/.test(s))
        return 'already-exists';
    if (/authentication failed|could not read username|could not read password|permission denied|http 401|http 403|returned error: 40[13]|terminal prompts disabled/.test(s))
        return 'auth';
    if (/repository .* not found|does not appear to be a git repository|returned error: 404|http 404|couldn't find remote ref|not a git repository/.test(s))
        return 'not-found';
    if (/could not resolve host|connection refused|failed to connect|timed out|network is unreachable|connection reset|early eof|the remote end hung up|returned error: 5\d\d|http 5\d\d/.test(s))
        return 'network';
    return 'other';
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/git/shallow.ts


/**
 * The commits a repository holds without their parents (its `shallow` file, gitrepository-layout:
 * one object name a line), given its object directory: for a repository that borrows those
 * objects (objects/info/alternates) to list too. Without them git takes such a commit, reached
 * through a ref the remote advertises (a push's "have"), for one with history, walks to its
 * missing parent, and in a partial clone fetches it: a round trip per push for nothing.
 * Empty when the file is absent (a repository with whole history).
 */
async function shallowCommitsOf(objects) {
    const text = await (0,promises_.readFile)((0,external_node_path_.join)((0,external_node_path_.dirname)(objects), 'shallow'), 'utf8').catch(() => '');
    return text.split('\n').filter((l) => /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(l));
}

;// CONCATENATED MODULE: ./src/git/index.ts





/***/ }),

/***/ 767:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ Redactor)
/* harmony export */ });
/**
 * Replaces secrets with `***` in anything that may be printed: git's stderr, error messages,
 * command lines. Holds the secret itself and the encodings it travels in (base64 of a basic
 * auth pair), since git and servers echo either form.
 */
class Redactor {
    secrets = new Set();
    add(...values) {
        for (const v of values) {
            // Very short values would shred ordinary text; nobody's token is three characters.
            if (v && v.length >= 4)
                this.secrets.add(v);
        }
        return this;
    }
    /** A secret for `user:password` travels base64-encoded in an Authorization header. */
    addBasicAuth(username, password) {
        this.add(password, Buffer.from(`${username}:${password}`).toString('base64'));
        return this;
    }
    redact(text) {
        // Credentials embedded in URLs, whoever put them there.
        // A password may hold '/', so mask everything up to the '@' (too much, rather than too little).
        return this.redactValues(text).replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s@]+@/gi, '$1***@');
    }
    /**
     * Only the registered values, for text that is the user's own (a diff, what a step changed),
     * where `ssh://git@host` is an address, not a credential.
     */
    redactValues(text) {
        let out = text;
        // Longest first, so a secret that contains another is replaced whole.
        for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) {
            out = out.split(s).join('***');
        }
        return out;
    }
    list() {
        return [...this.secrets];
    }
}


/***/ }),

/***/ 7406:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZA: () => (/* binding */ suggest),
/* harmony export */   au: () => (/* binding */ didYouMean)
/* harmony export */ });
/* unused harmony export editDistance */
/**
 * "Did you mean …?" for misspelled names: field names, enum values, stage names, CLI flags.
 *
 * Distance is the optimal-string-alignment variant of Damerau-Levenshtein (insert, delete,
 * substitute, swap two adjacent characters), computed case-insensitively so that `automatic`
 * finds `Automatic`; ties are broken by the case-sensitive distance, then by candidate order.
 */
/** Edit distance with adjacent transpositions (optimal string alignment). */
function editDistance(a, b) {
    if (a === b)
        return 0;
    if (!a.length)
        return b.length;
    if (!b.length)
        return a.length;
    // Three rolling rows: two back (for transpositions), previous, current.
    let prev2 = new Array(b.length + 1).fill(0);
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    let cur = new Array(b.length + 1).fill(0);
    for (let i = 1; i <= a.length; i++) {
        cur[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
            }
            cur[j] = d;
        }
        [prev2, prev, cur] = [prev, cur, prev2];
    }
    return prev[b.length] ?? 0;
}
/**
 * The candidate closest to `word`, or undefined when none is close enough. "Close enough" is a
 * distance of at most max(2, ⌊len/3⌋) where len is the longer of the two strings, which catches a
 * dropped or swapped letter in short names and a few slips in long ones without suggesting
 * unrelated words. Failing that, a word of four or more letters that is part of exactly one
 * candidate suggests that candidate. Returns `word` itself when it is one of the candidates.
 */
function suggest(word, candidates) {
    const lower = word.toLowerCase();
    let best;
    let bestScore = Infinity;
    for (const candidate of candidates) {
        const folded = editDistance(lower, candidate.toLowerCase());
        const limit = Math.max(2, Math.floor(Math.max(word.length, candidate.length) / 3));
        if (folded > limit)
            continue;
        // Case-insensitive distance first; exact-case distance only breaks ties.
        const score = folded * 1000 + editDistance(word, candidate);
        if (score < bestScore) {
            best = candidate;
            bestScore = score;
        }
    }
    if (best !== undefined || lower.length < 4)
        return best;
    // A shortened name (`strategy` for `imageSelectionStrategy`, `Auto` for `Automatic`): suggest
    // the one candidate that contains it, if exactly one does.
    const containing = candidates.filter((c) => c.toLowerCase().includes(lower));
    return containing.length === 1 ? containing[0] : undefined;
}
/** ` (did you mean "x"?)` or the empty string: ready to append to a message. */
function didYouMean(word, candidates) {
    const s = suggest(word, candidates);
    return s !== undefined && s !== word ? ` (did you mean "${s}"?)` : '';
}


/***/ })

};
