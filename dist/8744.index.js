export const id = 8744;
export const ids = [8744];
export const modules = {

/***/ 3412:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verifyCommand: () => (/* binding */ verifyCommand)
/* harmony export */ });
/* harmony import */ var _pipeline_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2512);
/* harmony import */ var _verification_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2779);
/* harmony import */ var _verification_report_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8909);
/* harmony import */ var _verification_verify_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8998);
/* harmony import */ var _app_repo_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5271);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1604);
/* harmony import */ var _shared_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1145);
/* harmony import */ var _shared_repo_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1326);








const verifyCommand = {
    name: 'verify',
    summary: "run a stage's verification (its analysis metrics) and record the verdict",
    flags: [
        { name: 'stage', type: 'string', value: 'S', required: true, help: 'the stage to verify' },
        {
            name: 'freight',
            type: 'string',
            value: 'ID|ALIAS',
            help: "the freight to verify, by ID, ID prefix or alias; default: the freight of the stage's\nlatest promotion",
        },
        _shared_js__WEBPACK_IMPORTED_MODULE_6__/* .PROJECT_FLAG */ .rj,
        {
            name: 'timeout',
            type: 'string',
            value: 'DURATION',
            default: '30m',
            help: 'give up on the verification after this long (30s, 10m, 1h)',
        },
        _shared_js__WEBPACK_IMPORTED_MODULE_6__/* .OUTPUT_FLAG */ .Pm,
        (0,_shared_js__WEBPACK_IMPORTED_MODULE_6__/* .BY_FLAG */ .TE)('verifies'),
        _shared_js__WEBPACK_IMPORTED_MODULE_6__/* .REPO_FLAG */ .a8,
    ],
    description: `A passed verification lets the freight move on to the stages downstream. Exit 1 when the
verification failed or was inconclusive.`,
    examples: [
        'gantry verify --stage staging',
        'gantry verify --stage dev --timeout 10m --output json',
    ],
    async run(args, ctx) {
        const { io } = ctx;
        const output = (0,_shared_js__WEBPACK_IMPORTED_MODULE_6__/* .outputOf */ .jH)(args, 'verify');
        (0,_shared_js__WEBPACK_IMPORTED_MODULE_6__/* .noPositionals */ .d0)(args, 'verify');
        const stage = args.string('stage');
        if (!stage)
            throw new _io_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .e('verify needs --stage', 'verify');
        const timeout = args.string('timeout') ?? '30m';
        let timeoutMs;
        try {
            timeoutMs = (0,_pipeline_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9)(timeout);
        }
        catch {
            throw new _io_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .e(`--timeout must be a duration such as 30m, not "${timeout}"`, 'verify');
        }
        const repo = await (0,_app_repo_js__WEBPACK_IMPORTED_MODULE_4__/* .openRepo */ .B8)((0,_shared_js__WEBPACK_IMPORTED_MODULE_6__/* .repoSettings */ .s9)(args, ctx));
        const project = await (0,_shared_repo_js__WEBPACK_IMPORTED_MODULE_7__/* .oneProject */ .E)(repo, args.string('project'), 'verify');
        const api = await (0,_shared_repo_js__WEBPACK_IMPORTED_MODULE_7__/* .githubForRemote */ .T)(io.env, repo.store.remoteUrl);
        const outcome = await (0,_verification_verify_js__WEBPACK_IMPORTED_MODULE_3__/* .verify */ .M)({
            project,
            stage,
            freight: args.string('freight'),
            store: repo.store,
            providers: (0,_verification_index_js__WEBPACK_IMPORTED_MODULE_1__/* .defaultProviders */ .sP)(),
            verifiedBy: (0,_shared_js__WEBPACK_IMPORTED_MODULE_6__/* .whoOf */ .OD)(args, io.env),
            fetch,
            env: io.env,
            secrets: [io.env.GITHUB_TOKEN, io.env.GANTRY_TOKEN].filter((t) => !!t),
            clock: ctx.now,
            timeoutMs,
            log: (0,_shared_js__WEBPACK_IMPORTED_MODULE_6__/* .progressOf */ .jA)(output, ctx),
            ...(api ? { github: api } : {}),
        });
        io.out(output === 'json' ? JSON.stringify((0,_verification_report_js__WEBPACK_IMPORTED_MODULE_2__/* .verifyJson */ .wk)(outcome), null, 2) + '\n' : (0,_verification_report_js__WEBPACK_IMPORTED_MODULE_2__/* .verifyText */ .Bn)(outcome));
        return outcome.verified ? _io_js__WEBPACK_IMPORTED_MODULE_5__/* .EXIT */ .d.ok : _io_js__WEBPACK_IMPORTED_MODULE_5__/* .EXIT */ .d.failed;
    },
};


/***/ }),

/***/ 1326:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ oneProject),
/* harmony export */   T: () => (/* binding */ githubForRemote)
/* harmony export */ });
/* harmony import */ var _app_repo_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5271);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1604);
/* harmony import */ var _shared_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1145);



// Helpers of the commands that reach the repository and GitHub, apart from shared.ts so that a
// command that does neither (version, help) does not load what they need.
/** The one project a command that acts on a single project works on. */
async function oneProject(ctx, project, command) {
    const projects = await (0,_app_repo_js__WEBPACK_IMPORTED_MODULE_0__/* .selectProjects */ .hX)(ctx, project);
    if (projects.length !== 1) {
        throw new _io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e(`${command} needs --project: this repository has ${projects.map((p) => p.name).join(', ')}`, command);
    }
    return projects[0];
}
/**
 * GitHub's API for the GitOps repository when a token is set and the remote is on GitHub. The
 * client (Octokit and its HTTP stack, ~1 MB of bundle) is loaded only then: a promotion without
 * GitHub does not pay for it.
 */
async function githubForRemote(env, url) {
    const target = env.GITHUB_TOKEN ? (0,_shared_js__WEBPACK_IMPORTED_MODULE_2__/* .githubTarget */ .nY)(env, url) : undefined;
    if (!target || !env.GITHUB_TOKEN)
        return undefined;
    const { GitHubClient } = await Promise.all(/* import() */[__webpack_require__.e(6752), __webpack_require__.e(157), __webpack_require__.e(6584), __webpack_require__.e(1871)]).then(__webpack_require__.bind(__webpack_require__, 6584));
    return new GitHubClient({ token: env.GITHUB_TOKEN, ...target });
}


/***/ }),

/***/ 8212:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ PullRequestNotMergeableError),
/* harmony export */   q: () => (/* binding */ StaleHeadError)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/**
 * The GitHub port: what gantry asks of GitHub's API and the shapes it gets back. The core depends
 * on this file alone; `client.ts` implements it over GitHub's REST and GraphQL APIs, and the tests'
 * fake server answers the same routes.
 */

/** GraphQL's createCommitOnBranch refused because the branch no longer points at expectedHeadOid. */
class StaleHeadError extends Error {
    constructor(message) {
        super(message);
        this.name = 'StaleHeadError';
    }
}
/**
 * GitHub refused to merge a pull request: 405 (not mergeable yet or at all: conflicts, required
 * checks or reviews missing, a closed or already merged pull request, a merge method the
 * repository disallows) or 409 (the head moved away from the `sha` the merge was asked for).
 * Other failures of a merge are plain OperationErrors.
 */
class PullRequestNotMergeableError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OperationError */ .OK {
    number;
    status;
    reason;
    name = 'PullRequestNotMergeableError';
    constructor(message, number, 
    /** 405, or 409 for a head that moved. */
    status, 
    /** GitHub's own words (`Pull Request is not mergeable`, `Head branch was modified. …`). */
    reason) {
        super(message);
        this.number = number;
        this.status = status;
        this.reason = reason;
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

/***/ 8640:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CY: () => (/* binding */ METRIC_CTX_TYPE),
/* harmony export */   Z: () => (/* binding */ metricParts),
/* harmony export */   hU: () => (/* binding */ renderMetric)
/* harmony export */ });
/* unused harmony exports envReferences, templateEnv */
/* harmony import */ var _expr_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1750);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);
/**
 * `${{ }}` templates in a metric: every string of the provider configuration, and the two
 * conditions, are rendered with Kargo's template rules (src/expr renderTemplate) before the
 * provider checks its configuration, in this environment:
 *
 * - `ctx`: `{project, stage, freight: {id, alias}, commit}` — what is being verified (`commit`
 *   is the promotion commit, or nil when it is not known);
 * - `env`: the environment the adapter passes in (the verify step's `env:`), which is how
 *   secrets get in: `Authorization: Bearer ${{ env.PROM_TOKEN }}`.
 *
 * Every `env.NAME` a template reads is registered as a secret, so its value never reaches a
 * message or a log line. Reading a variable that is not set is an error (a header of
 * `Bearer null` would only fail later and less clearly), unless the expression gives a
 * fallback with `??` or `default(`.
 */


/** The expressions inside `${{ … }}` and `${% … %}` of a string. */
function expressionsOf(text) {
    const out = [];
    for (const m of text.matchAll(/\$\{\{([\s\S]*?)\}\}|\$\{%([\s\S]*?)%\}/g)) {
        out.push(m[1] ?? m[2] ?? '');
    }
    return out;
}
function stringsOf(value, out = [], depth = 0) {
    if (depth > 100)
        return out;
    if (typeof value === 'string')
        out.push(value);
    else if (Array.isArray(value))
        for (const v of value)
            stringsOf(v, out, depth + 1);
    else if (value !== null && typeof value === 'object') {
        for (const v of Object.values(value))
            stringsOf(v, out, depth + 1);
    }
    return out;
}
/** `env.NAME` and `env["NAME"]` read by the expressions of `value`'s strings. */
function envReferences(value) {
    const found = new Map();
    for (const text of stringsOf(value)) {
        for (const expr of expressionsOf(text)) {
            const fallback = /\?\?|\bdefault\s*\(/.test(expr);
            const re = /\benv\s*(?:\?\.|\.)\s*([A-Za-z_][A-Za-z0-9_]*)|\benv\s*(?:\?\.)?\[\s*(["'`])(.*?)\2\s*\]/g;
            for (const m of expr.matchAll(re)) {
                const name = m[1] ?? m[3] ?? '';
                found.set(name, (found.get(name) ?? true) && fallback);
            }
        }
    }
    return [...found].map(([name, fallback]) => ({ name, fallback }));
}
/** What `gantry lint` knows of `ctx` in templateEnv (keep them in step). */
const METRIC_CTX_TYPE = (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .structOf */ .Tb)('ctx', {
    project: _expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .ANY */ .x4,
    stage: _expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .ANY */ .x4,
    freight: (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .structOf */ .Tb)('freight', { id: _expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .ANY */ .x4, alias: _expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .ANY */ .x4 }),
    commit: _expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .ANY */ .x4,
});
function templateEnv(target, env) {
    return {
        ctx: {
            project: target.project,
            stage: target.stage,
            freight: { id: target.freightId, alias: target.freightAlias },
            commit: target.commit ?? null,
        },
        env: Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)),
    };
}
/** The parts of a metric that hold templates: its provider's config and its conditions. */
function metricParts(metric) {
    return {
        config: metric.provider.config,
        ...(metric.successCondition !== undefined && { successCondition: metric.successCondition }),
        ...(metric.failureCondition !== undefined && { failureCondition: metric.failureCondition }),
    };
}
/**
 * Render a metric's provider configuration and conditions. Throws ConfigError naming `where`
 * (e.g. `verification metric "smoke"`) when an expression fails or reads an unset variable.
 */
function renderMetric(where, parts, target, env, 
/**
 * `functions`: `imageFrom()`, `chartFrom()`, `commitFrom()` over the freight being verified;
 * `interrupt`: ends a long evaluation (the run's deadline).
 */
opts = {}) {
    const all = [parts.config, parts.successCondition, parts.failureCondition];
    const secrets = [];
    for (const { name, fallback } of envReferences(all)) {
        const value = env[name];
        if (value !== undefined)
            secrets.push(value);
        else if (!fallback) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`${where}: env.${name} is not set: pass it to the verify step (env: ${name}: \${{ secrets.${name} }}), or give a fallback with ??`);
        }
    }
    const vars = templateEnv(target, env);
    const render = (what, fn) => {
        try {
            return fn();
        }
        catch (err) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`${where}: ${what}: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`);
        }
    };
    const config = render('provider', () => (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .renderTemplates */ .g$)(parts.config, vars, opts));
    const condition = (field) => {
        const source = parts[field];
        if (source === undefined || !(0,_expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .hasExpression */ .xS)(source))
            return source;
        const value = render(field, () => (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .renderTemplate */ .Xm)(source, vars, opts));
        return typeof value === 'string' ? value : JSON.stringify(value);
    };
    const successCondition = condition('successCondition');
    const failureCondition = condition('failureCondition');
    return {
        config,
        ...(successCondition !== undefined && { successCondition }),
        ...(failureCondition !== undefined && { failureCondition }),
        secrets,
    };
}


/***/ })

};
