export const id = 7496;
export const ids = [7496];
export const modules = {

/***/ 858:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k7: () => (/* binding */ Output),
/* harmony export */   pd: () => (/* binding */ Input),
/* harmony export */   uS: () => (/* binding */ ROOT_COMMANDS)
/* harmony export */ });
/* unused harmony export ACTIONS */
/**
 * Every input and output name of every action, in one place. A test checks these against the
 * action.yml files, so the code cannot read an input the action does not declare, or miss one.
 */
const Input = {
    command: 'command',
    repository: 'repository',
    token: 'token',
    project: 'project',
    warehouse: 'warehouse',
    stage: 'stage',
    freight: 'freight',
    mode: 'mode',
    signCommits: 'sign-commits',
    deployments: 'deployments',
    dryRun: 'dry-run',
    dispatchWorkflow: 'dispatch-workflow',
    registryCredentials: 'registry-credentials',
    reason: 'reason',
    timeout: 'timeout',
    argocdServer: 'argocd-server',
    argocdToken: 'argocd-token',
    downstreamOf: 'downstream-of',
    images: 'images',
    charts: 'charts',
    commits: 'commits',
    resumePullRequest: 'resume-pull-request',
};
const Output = {
    freight: 'freight',
    newFreight: 'new-freight',
    promotions: 'promotions',
    commit: 'commit',
    pullRequestUrl: 'pull-request-url',
    changed: 'changed',
    result: 'result',
    verified: 'verified',
    environment: 'environment',
    results: 'results',
};
/** Which inputs and outputs each action has; the root action has the union and `command`. */
const ACTIONS = {
    discover: {
        inputs: [
            Input.repository,
            Input.token,
            Input.project,
            Input.warehouse,
            Input.dispatchWorkflow,
            Input.dryRun,
            Input.registryCredentials,
        ],
        outputs: [Output.freight, Output.newFreight, Output.promotions],
    },
    promote: {
        inputs: [
            Input.stage,
            Input.downstreamOf,
            Input.freight,
            Input.project,
            Input.repository,
            Input.token,
            Input.mode,
            Input.signCommits,
            Input.deployments,
            Input.dryRun,
            Input.argocdServer,
            Input.argocdToken,
            Input.resumePullRequest,
        ],
        outputs: [Output.freight, Output.commit, Output.pullRequestUrl, Output.changed, Output.results],
    },
    verify: {
        inputs: [
            Input.stage,
            Input.freight,
            Input.project,
            Input.repository,
            Input.token,
            Input.dispatchWorkflow,
            Input.timeout,
        ],
        outputs: [Output.result, Output.verified, Output.promotions],
    },
    approve: {
        inputs: [
            Input.stage,
            Input.freight,
            Input.project,
            Input.repository,
            Input.token,
            Input.reason,
        ],
        outputs: [Output.freight],
    },
    // The first job of a promote workflow asks for the environment its promote job runs under.
    environment: {
        inputs: [Input.stage, Input.project, Input.repository, Input.token],
        outputs: [Output.environment],
    },
    // Freight from chosen versions (freightCreationPolicy: Manual), with discover's registry access.
    assemble: {
        inputs: [
            Input.repository,
            Input.token,
            Input.project,
            Input.warehouse,
            Input.images,
            Input.charts,
            Input.commits,
            Input.dryRun,
            Input.registryCredentials,
        ],
        outputs: [Output.freight, Output.newFreight],
    },
};
const ROOT_COMMANDS = [
    'discover',
    'promote',
    'verify',
    'approve',
    'environment',
    'assemble',
];


/***/ }),

/***/ 2899:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bx: () => (/* binding */ maskRegistryCredential),
/* harmony export */   gg: () => (/* binding */ maskToken),
/* harmony export */   jR: () => (/* binding */ maskBasic)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3197);

const base64 = (s) => Buffer.from(s, 'utf8').toString('base64');
/**
 * A token and the forms it travels in: git and ghcr.io send it as basic auth for
 * `x-access-token`, and tools that echo headers show the base64 of either.
 */
function maskToken(token) {
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(token);
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(base64(token));
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(base64(`x-access-token:${token}`));
}
/** A password, and the base64 `user:password` of the Authorization header it goes out in. */
function maskBasic(username, password) {
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(password);
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(base64(`${username}:${password}`));
}
/** Whatever secret a registry credential holds, in the forms it is sent. */
function maskRegistryCredential(c) {
    if (c.password)
        maskBasic(c.username ?? '', c.password);
    if (c.identityToken)
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(c.identityToken);
    if (c.registryToken)
        maskToken(c.registryToken);
}


/***/ }),

/***/ 7496:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C: () => (/* binding */ runAction)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/actions/runner.ts
var runner = __webpack_require__(3197);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/git/remote.ts
var remote = __webpack_require__(668);
// EXTERNAL MODULE: ./src/github/url.ts
var url = __webpack_require__(2450);
// EXTERNAL MODULE: ./src/pipeline/duration.ts
var duration = __webpack_require__(2512);
// EXTERNAL MODULE: ./src/actions/constants.ts
var constants = __webpack_require__(858);
;// CONCATENATED MODULE: ./src/actions/settings.ts





const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** `{key: value}` when there is a value, else nothing: optional settings stay absent. */
function optionalPair(key, value) {
    return value === undefined ? {} : { [key]: value };
}
function optional(read, name) {
    const v = read(name).trim();
    return v === '' ? undefined : v;
}
function required(read, name, action) {
    const v = optional(read, name);
    if (v === undefined)
        throw new errors/* ConfigError */.xL(`input "${name}" is required for ${action}`);
    return v;
}
function bool(read, name, fallback = false) {
    const v = (optional(read, name) ?? String(fallback)).toLowerCase();
    if (['true', 'yes', '1', 'on'].includes(v))
        return true;
    if (['false', 'no', '0', 'off'].includes(v))
        return false;
    throw new errors/* ConfigError */.xL(`input "${name}" must be true or false, not "${v}"`);
}
/** A multi-line input: one value a line, blank lines and `#` comments skipped. */
function lines(read, name) {
    return read(name)
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
}
/** A Go-style duration input (`30m`, `1h30m`), in milliseconds. */
function settings_duration(read, input, fallback) {
    const v = optional(read, input) ?? fallback;
    try {
        return (0,duration/* parseDuration */.E9)(v);
    }
    catch {
        throw new errors/* ConfigError */.xL(`input "${input}" must be a duration such as 30m or 1h30m, not "${v}"`);
    }
}
function settings_name(read, input, action, isRequired) {
    const v = isRequired ? required(read, input, action) : optional(read, input);
    if (v !== undefined && !NAME.test(v)) {
        throw new errors/* ConfigError */.xL(`input "${input}" must be a lowercase name such as "dev" (letters, digits, '-'), not "${v}"`);
    }
    return v;
}
/** `owner/name` on this GitHub server, or any git URL. */
function repositorySettings(read, ctx) {
    const raw = optional(read, constants/* Input */.pd.repository) ?? ctx.repository;
    if (!raw)
        throw new errors/* ConfigError */.xL(`input "${constants/* Input */.pd.repository}" is required outside GitHub Actions (owner/name or a git URL)`);
    const token = optional(read, constants/* Input */.pd.token);
    const project = settings_name(read, constants/* Input */.pd.project, 'this action', false);
    if (/^[\w.-]+\/[\w.-]+$/.test(raw)) {
        return {
            repositoryUrl: `${ctx.serverUrl.replace(/\/+$/, '')}/${raw}.git`,
            repository: raw,
            token,
            project,
        };
    }
    // Checked first, so that no message below echoes a credential.
    if (/^[a-z][a-z0-9+.-]*:\/\/[^/]*:[^/]*@|^https?:\/\/[^/]*@/i.test(raw)) {
        throw new errors/* ConfigError */.xL(`input "${constants/* Input */.pd.repository}" must not carry credentials in the URL: pass them in "${constants/* Input */.pd.token}"`);
    }
    if (!/^(?:https?|file|ssh):\/\/|^[\w.-]+@[\w.-]+:/i.test(raw)) {
        throw new errors/* ConfigError */.xL(`input "${constants/* Input */.pd.repository}" must be owner/name or a git URL, not "${(0,remote/* maskUserinfo */.g6)(raw)}"`);
    }
    // A URL of a repository on this workflow's GitHub server names it as owner/name too: the
    // repository dispatch-workflow starts and the summaries link is then that one, not this one.
    const onServer = (0,url/* githubRepoOnServer */.MH)(raw, { serverUrl: ctx.serverUrl });
    return {
        repositoryUrl: raw,
        ...(onServer ? { repository: `${onServer.owner}/${onServer.repo}` } : {}),
        token,
        project,
    };
}
/** Reads and validates every input of one action into its settings, before anything runs. */
function readSettings(action, read, ctx) {
    const repo = repositorySettings(read, ctx);
    switch (action) {
        case 'discover':
            return {
                action,
                ...repo,
                warehouse: settings_name(read, constants/* Input */.pd.warehouse, action, false),
                dispatchWorkflow: optional(read, constants/* Input */.pd.dispatchWorkflow),
                dryRun: bool(read, constants/* Input */.pd.dryRun),
                registryCredentials: registryCredentials(read),
            };
        case 'promote': {
            const mode = optional(read, constants/* Input */.pd.mode);
            if (mode !== undefined && mode !== 'direct' && mode !== 'pull-request') {
                throw new errors/* ConfigError */.xL(`input "${constants/* Input */.pd.mode}" must be direct or pull-request, not "${mode}"`);
            }
            const downstreamOf = settings_name(read, constants/* Input */.pd.downstreamOf, action, false);
            const stages = downstreamOf
                ? []
                : required(read, constants/* Input */.pd.stage, action)
                    .split(',')
                    .map((x) => x.trim())
                    .filter(Boolean)
                    .map((x) => settings_name(() => x, constants/* Input */.pd.stage, action, true));
            if (downstreamOf && optional(read, constants/* Input */.pd.stage) !== undefined) {
                throw new errors/* ConfigError */.xL(`inputs "${constants/* Input */.pd.stage}" and "${constants/* Input */.pd.downstreamOf}" exclude each other: give one`);
            }
            return {
                action,
                ...repo,
                stage: downstreamOf ?? stages[0] ?? '',
                stages,
                ...optionalPair('downstreamOf', downstreamOf),
                freight: optional(read, constants/* Input */.pd.freight),
                mode,
                signCommits: bool(read, constants/* Input */.pd.signCommits),
                deployments: bool(read, constants/* Input */.pd.deployments, true),
                dryRun: bool(read, constants/* Input */.pd.dryRun),
                ...optionalPair('argocdServer', optional(read, constants/* Input */.pd.argocdServer)),
                ...optionalPair('argocdToken', optional(read, constants/* Input */.pd.argocdToken)),
                ...resumeInput(optional(read, constants/* Input */.pd.resumePullRequest)),
            };
        }
        case 'verify':
            return {
                action,
                ...repo,
                stage: settings_name(read, constants/* Input */.pd.stage, action, true),
                freight: optional(read, constants/* Input */.pd.freight),
                dispatchWorkflow: optional(read, constants/* Input */.pd.dispatchWorkflow),
                timeoutMs: settings_duration(read, constants/* Input */.pd.timeout, '30m'),
            };
        case 'approve':
            return {
                action,
                ...repo,
                stage: settings_name(read, constants/* Input */.pd.stage, action, true),
                freight: required(read, constants/* Input */.pd.freight, action),
                reason: optional(read, constants/* Input */.pd.reason),
            };
        case 'environment':
            return { action, ...repo, stage: settings_name(read, constants/* Input */.pd.stage, action, true) };
        case 'assemble': {
            const images = lines(read, constants/* Input */.pd.images);
            const charts = lines(read, constants/* Input */.pd.charts);
            const commits = lines(read, constants/* Input */.pd.commits);
            if (!images.length && !charts.length && !commits.length) {
                throw new errors/* ConfigError */.xL(`command assemble needs the versions: inputs "${constants/* Input */.pd.images}", "${constants/* Input */.pd.charts}" or "${constants/* Input */.pd.commits}", one a line`);
            }
            return {
                action,
                ...repo,
                warehouse: settings_name(read, constants/* Input */.pd.warehouse, action, true),
                images,
                charts,
                commits,
                dryRun: bool(read, constants/* Input */.pd.dryRun),
                registryCredentials: registryCredentials(read),
            };
        }
    }
}
/**
 * `registry-credentials`: one registry a line, `host=username:password` (the password may hold
 * ':'; blank lines and `#` comments are skipped). For registries no login action covered.
 */
function registryCredentials(read) {
    const out = new Map();
    read(constants/* Input */.pd.registryCredentials)
        .split(/\r?\n/)
        .forEach((raw, i) => {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            return;
        const m = /^([^=\s]+)\s*=\s*([^:]+):(.+)$/.exec(line);
        if (!m?.[1] || !m[2] || !m[3]) {
            // The line is not echoed: it may hold a password.
            throw new errors/* ConfigError */.xL(`input "${constants/* Input */.pd.registryCredentials}", line ${i + 1}: expected host=username:password`);
        }
        out.set(m[1].replace(/^https?:\/\//, '').replace(/\/+$/, ''), {
            username: m[2].trim(),
            password: m[3],
        });
    });
    return out;
}
/** The root action's `command` input. */
function readCommand(read) {
    const v = optional(read, constants/* Input */.pd.command);
    const allowed = constants/* ROOT_COMMANDS */.uS;
    if (!v)
        throw new errors/* ConfigError */.xL(`input "${constants/* Input */.pd.command}" is required: one of ${allowed.join(', ')}`);
    if (!allowed.includes(v))
        throw new errors/* ConfigError */.xL(`input "${constants/* Input */.pd.command}" must be one of ${allowed.join(', ')}, not "${v}"`);
    return v;
}
/** `resume-pull-request`: a pull request number, or unset. */
function resumeInput(v) {
    if (v === undefined)
        return {};
    if (!/^[1-9]\d*$/.test(v)) {
        throw new errors/* ConfigError */.xL(`input "${constants/* Input */.pd.resumePullRequest}" must be a pull request number, not "${v}"`);
    }
    return { resumePullRequest: Number(v) };
}

// EXTERNAL MODULE: ./src/actions/mask.ts
var mask = __webpack_require__(2899);
;// CONCATENATED MODULE: ./src/actions/run.ts







/**
 * Each action's work is loaded once its inputs have been read: an input mistake is reported
 * without loading the engine, and an action loads only its own part.
 */
async function execute(settings, ctx) {
    switch (settings.action) {
        case 'discover':
            return (await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(2088), __webpack_require__.e(6752), __webpack_require__.e(157), __webpack_require__.e(6421), __webpack_require__.e(5785), __webpack_require__.e(5128), __webpack_require__.e(4000), __webpack_require__.e(9182), __webpack_require__.e(6584), __webpack_require__.e(2596), __webpack_require__.e(7039), __webpack_require__.e(4883), __webpack_require__.e(1622), __webpack_require__.e(2027)]).then(__webpack_require__.bind(__webpack_require__, 2027))).discoverAction(settings, ctx);
        case 'approve':
            return (await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(2088), __webpack_require__.e(6752), __webpack_require__.e(157), __webpack_require__.e(6421), __webpack_require__.e(5785), __webpack_require__.e(5128), __webpack_require__.e(4000), __webpack_require__.e(6584), __webpack_require__.e(2596), __webpack_require__.e(7039), __webpack_require__.e(2065)]).then(__webpack_require__.bind(__webpack_require__, 2065))).approveAction(settings, ctx);
        case 'promote':
            return (await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(2088), __webpack_require__.e(2856), __webpack_require__.e(6752), __webpack_require__.e(157), __webpack_require__.e(6421), __webpack_require__.e(3292), __webpack_require__.e(5785), __webpack_require__.e(5128), __webpack_require__.e(4000), __webpack_require__.e(9182), __webpack_require__.e(6584), __webpack_require__.e(2596), __webpack_require__.e(7039), __webpack_require__.e(8517), __webpack_require__.e(9914), __webpack_require__.e(1402)]).then(__webpack_require__.bind(__webpack_require__, 1402))).promoteAction(settings, ctx);
        case 'verify':
            return (await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(2088), __webpack_require__.e(2856), __webpack_require__.e(6752), __webpack_require__.e(157), __webpack_require__.e(6421), __webpack_require__.e(5785), __webpack_require__.e(5128), __webpack_require__.e(4000), __webpack_require__.e(6584), __webpack_require__.e(2596), __webpack_require__.e(7039), __webpack_require__.e(5193), __webpack_require__.e(1079), __webpack_require__.e(8977)]).then(__webpack_require__.bind(__webpack_require__, 8977))).verifyAction(settings, ctx);
        case 'environment':
            return (await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(2088), __webpack_require__.e(6752), __webpack_require__.e(157), __webpack_require__.e(6421), __webpack_require__.e(5785), __webpack_require__.e(5128), __webpack_require__.e(6584), __webpack_require__.e(7039), __webpack_require__.e(1817)]).then(__webpack_require__.bind(__webpack_require__, 1389))).environmentAction(settings, ctx);
        case 'assemble':
            return (await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(2088), __webpack_require__.e(6752), __webpack_require__.e(157), __webpack_require__.e(6421), __webpack_require__.e(5785), __webpack_require__.e(5128), __webpack_require__.e(4000), __webpack_require__.e(9182), __webpack_require__.e(6584), __webpack_require__.e(2596), __webpack_require__.e(7039), __webpack_require__.e(4883), __webpack_require__.e(1622), __webpack_require__.e(3170)]).then(__webpack_require__.bind(__webpack_require__, 3170))).assembleAction(settings, ctx);
    }
}
/**
 * The whole of an action: read every input into typed settings (failing before any work when one
 * is wrong), call the core, write outputs and the job summary. One try/catch turns any error
 * into a failed step with a message that says what to fix.
 */
async function runAction(action) {
    // "invalid input" only for what the inputs said; a project file's problem is named as it is.
    let readingInputs = true;
    try {
        const read = (name) => runner/* getInput */.V4(name);
        const env = process.env;
        const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
        const ctx = {
            serverUrl,
            repository: env.GITHUB_REPOSITORY || undefined,
            apiUrl: env.GITHUB_API_URL || undefined,
            runUrl: env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
                ? `${serverUrl}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
                : undefined,
            runId: /^\d+$/.test(env.GITHUB_RUN_ID ?? '') ? Number(env.GITHUB_RUN_ID) : undefined,
            sha: /^[0-9a-f]{40}$/.test(env.GITHUB_SHA ?? '') ? env.GITHUB_SHA : undefined,
            // On pull_request events GITHUB_REF_NAME is `<n>/merge`; the branch the workflow file is on,
            // where a dispatch must start it, is the pull request's base.
            refBranch: env.GITHUB_EVENT_NAME?.startsWith('pull_request')
                ? env.GITHUB_BASE_REF || undefined
                : env.GITHUB_REF_TYPE === 'branch'
                    ? env.GITHUB_REF_NAME || undefined
                    : undefined,
            tempDir: env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(),
            dockerConfigPath: (0,external_node_path_.join)(env.DOCKER_CONFIG || (0,external_node_path_.join)(env.HOME || (0,external_node_os_.homedir)(), '.docker'), 'config.json'),
            actor: env.GITHUB_ACTOR || undefined,
            env,
        };
        // Secrets are masked before anything else runs, so that no message, not even a validation
        // error, shows them.
        const token = read(constants/* Input */.pd.token).trim();
        if (token)
            (0,mask/* maskToken */.gg)(token);
        const name = action === 'root' ? readCommand(read) : action;
        if (name === 'promote') {
            const argocdToken = read(constants/* Input */.pd.argocdToken).trim();
            if (argocdToken)
                (0,mask/* maskToken */.gg)(argocdToken);
        }
        if (name === 'discover' || name === 'assemble') {
            for (const line of read(constants/* Input */.pd.registryCredentials).split(/\r?\n/)) {
                const m = /^[^=]+=([^:]+):(.+)$/.exec(line.trim());
                if (m?.[1] && m[2])
                    (0,mask/* maskBasic */.jR)(m[1].trim(), m[2]);
            }
        }
        const settings = readSettings(name, read, ctx);
        readingInputs = false;
        runner/* info */.pq(`gantry ${name}: repository ${settings.repositoryUrl}${settings.project ? `, project ${settings.project}` : ''}`);
        await execute(settings, ctx);
    }
    catch (err) {
        if (err instanceof errors/* ConfigError */.xL && err.problems.length) {
            annotate(err.problems);
            const n = err.problems.length;
            const where = n === 1
                ? '1 problem, shown on its file above'
                : `${n} problems, each shown on its file above`;
            runner/* setFailed */.C1(`${headline(err).replace(/:$/, '')}: ${where}`);
            return;
        }
        const prefix = err instanceof errors/* ConfigError */.xL && readingInputs ? 'invalid input: ' : '';
        runner/* setFailed */.C1(`${prefix}${(0,errors/* errorMessage */.gJ)(err)}`);
    }
}
/**
 * Each project-file problem as an error annotation on its file, line and column: a pull request
 * that breaks a project file shows the problem on the line that broke it.
 */
function annotate(problems) {
    for (const p of problems) {
        runner/* error */.z3(p.path ? `${p.path}: ${p.message}` : p.message, {
            title: 'gantry project file',
            file: p.file,
            startLine: p.line,
            startColumn: p.column,
        });
    }
}
/** A ConfigError's message without the problem lines its constructor appended. */
function headline(err) {
    const appended = `\n${err.problems.map(errors/* formatProblem */.Vw).join('\n')}`;
    return err.message.endsWith(appended)
        ? err.message.slice(0, -appended.length)
        : (err.message.split('\n')[0] ?? '');
}


/***/ }),

/***/ 3197:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C1: () => (/* binding */ setFailed),
/* harmony export */   Pq: () => (/* binding */ setSecret),
/* harmony export */   V4: () => (/* binding */ getInput),
/* harmony export */   pq: () => (/* binding */ info),
/* harmony export */   z3: () => (/* binding */ error)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);

/**
 * The few workflow commands an action needs before it knows what it runs: read an input, mask a
 * secret, say what it does, fail. @actions/core writes the same lines, but loading it loads an
 * HTTP client (undici) too, which costs more than the 60 ms an action may take to start; the
 * phase that does the work loads core for everything else.
 */
/** An input as the runner passes it (INPUT_<NAME>, spaces as underscores), trimmed. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}
// The runner reads `::name k=v,k=v::message` up to the end of the line: a line break or `%` in
// the message, and `:` or `,` in a value, are sent percent-encoded.
const escapeData = (s) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
function command(name, properties, message) {
    const props = Object.entries(properties)
        .filter(([, v]) => v !== undefined && v !== '' && v !== 0)
        .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
        .join(',');
    process.stdout.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_0__.EOL}`);
}
function setSecret(secret) {
    command('add-mask', {}, secret);
}
function info(message) {
    process.stdout.write(message + node_os__WEBPACK_IMPORTED_MODULE_0__.EOL);
}
function error(message, where = {}) {
    command('error', { title: where.title, file: where.file, line: where.startLine, col: where.startColumn }, message);
}
/** Fails the step: an error line, and exit code 1 once the process ends. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}


/***/ }),

/***/ 668:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DY: () => (/* binding */ isHttpRemote),
/* harmony export */   M8: () => (/* binding */ parseRemote),
/* harmony export */   g6: () => (/* binding */ maskUserinfo),
/* harmony export */   xE: () => (/* binding */ basicPair)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);

/**
 * Splits credentials out of a remote URL, so that `https://bot:pw@host/repo.git` is fetched with
 * the password in a header and never lands in `.git/config`, a log line or an error.
 */
function parseRemote(raw, credentials) {
    const text = raw.trim();
    if (!text)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL('the repository URL is empty');
    if (/^https?:\/\//i.test(text)) {
        let u;
        try {
            u = new URL(text);
        }
        catch {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`"${maskUserinfo(text)}" is not a valid URL`);
        }
        let creds = credentials;
        if (u.username || u.password) {
            let username;
            let password;
            try {
                username = decodeURIComponent(u.username);
                password = decodeURIComponent(u.password);
            }
            catch {
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`the credentials in "${maskUserinfo(text)}" are not valid percent-encoding`);
            }
            creds ??= password
                ? { kind: 'basic', username, password }
                : // `https://<token>@github.com/…` is a common way to pass a token alone.
                    { kind: 'token', token: username };
            u.username = '';
            u.password = '';
        }
        return { url: u.toString(), credentials: creds };
    }
    return { url: text, credentials };
}
function isHttpRemote(url) {
    return /^https?:\/\//i.test(url);
}
/** The username/password pair a credential turns into on the wire. */
function basicPair(c) {
    return c.kind === 'basic'
        ? { username: c.username, password: c.password }
        : { username: 'x-access-token', password: c.token };
}
/** `scheme://user:pass@host/…` → `scheme://***@host/…`, whatever characters the password holds. */
function maskUserinfo(url) {
    const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url);
    if (!scheme)
        return url;
    const rest = url.slice(scheme[0].length);
    const at = rest.lastIndexOf('@');
    return at < 0 ? url : `${scheme[0]}***@${rest.slice(at + 1)}`;
}


/***/ }),

/***/ 2450:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MH: () => (/* binding */ githubRepoOnServer),
/* harmony export */   e: () => (/* binding */ remoteWebUrl),
/* harmony export */   hL: () => (/* binding */ githubRepoOf)
/* harmony export */ });
/* unused harmony export parseRemote */
/**
 * The one reading of a git remote URL, and of it as a GitHub repository: for the command line
 * (which API a remote's promotions use), `gantry init` (which repository the workflows' comments
 * name), the actions' `repository` input (which repository `dispatch-workflow` starts and the
 * summaries link), and the dashboard's commit links.
 */
/**
 * `scheme://[user@]host[:port]/path` or scp-style `[user@]host:path` (no scheme, a colon before
 * any slash, as git reads it); undefined for anything else, local paths included.
 */
function parseRemote(remoteUrl) {
    const url = remoteUrl.trim();
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
        try {
            const u = new URL(url);
            if (!u.hostname)
                return undefined;
            return {
                scheme: u.protocol.slice(0, -1).toLowerCase(),
                host: u.hostname.toLowerCase(),
                port: u.port,
                path: decodeURIComponent(u.pathname),
            };
        }
        catch {
            return undefined;
        }
    }
    const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)(.+)$/.exec(url);
    if (!scp?.[1] || !scp[2])
        return undefined;
    return { scheme: 'ssh', host: scp[1].toLowerCase(), port: '', path: scp[2] };
}
/** `owner/name` of a path `/owner/name(.git)(/)`, or undefined for a deeper or shallower one. */
function ownerName(path) {
    const m = /^\/?([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(path);
    return m?.[1] && m[2] ? { owner: m[1], repo: m[2] } : undefined;
}
function hostAndPort(url) {
    try {
        const u = url ? new URL(url) : undefined;
        return u ? { host: u.hostname.toLowerCase(), port: u.port } : undefined;
    }
    catch {
        return undefined;
    }
}
const DOTCOM_API = 'https://api.github.com';
/**
 * `https://github.com/acme/gitops.git`, `git@github.com:acme/gitops.git`,
 * `ssh://git@github.com/acme/gitops` → acme/gitops on github.com. Another host counts only when
 * it is the server the workflow environment names (`serverUrl`, GitHub Enterprise Server), whose
 * API is `apiUrl` or `<server>/api/v3`.
 */
function githubRepoOf(originUrl, server = {}) {
    const at = parseRemote(originUrl);
    const name = at && ownerName(at.path);
    if (!at || !name)
        return undefined;
    if (at.host === 'github.com' || at.host === 'www.github.com') {
        return { ...name, apiUrl: DOTCOM_API };
    }
    const s = hostAndPort(server.serverUrl);
    // Over http(s) the port is part of where the server is (http://127.0.0.1:8081 is not :5000); an
    // ssh port is another service of the same host.
    const port = /^https?$/.test(at.scheme) ? at.port : '';
    if (s && s.host === at.host && (!port || port === s.port)) {
        const apiUrl = server.apiUrl || `${server.serverUrl?.replace(/\/+$/, '')}/api/v3`;
        return { ...name, apiUrl };
    }
    return undefined;
}
/**
 * The repository of `url` only when it is on the GitHub server a workflow or the command line is
 * configured for (`serverUrl`, github.com by default), with that server's API (`apiUrl` overrides
 * github.com's, for tests and proxies). A token for one server is never sent to the other: a
 * github.com remote seen from a GHES setup is not "on GitHub", nor the reverse.
 */
function githubRepoOnServer(url, server = {}) {
    const serverUrl = server.serverUrl || 'https://github.com';
    const ref = githubRepoOf(url, { serverUrl, ...(server.apiUrl ? { apiUrl: server.apiUrl } : {}) });
    const s = hostAndPort(serverUrl);
    if (!ref || !s)
        return undefined;
    const toGitHubCom = ref.apiUrl === DOTCOM_API;
    if (toGitHubCom !== (s.host === 'github.com'))
        return undefined;
    return toGitHubCom ? { ...ref, apiUrl: server.apiUrl || ref.apiUrl } : ref;
}
/**
 * The web page of a repository from its clone URL, for commit links on any forge:
 * `https://host/owner/name` from `https://[user@]host/owner/name(.git)`, `git@host:owner/name`
 * or `ssh://git@host/owner/name` (groups of several levels too). Undefined for anything else
 * (file://, plain http://, a local path).
 */
function remoteWebUrl(remoteUrl) {
    const at = parseRemote(remoteUrl);
    if (!at || (at.scheme !== 'https' && at.scheme !== 'ssh'))
        return undefined;
    const path = at.path
        .replace(/\/+$/, '')
        .replace(/\.git$/, '')
        .replace(/^\/+/, '');
    if (!/^[\w.~-]+(?:\/[\w.~-]+)+$/.test(path))
        return undefined;
    // An ssh port is not the web server's.
    const port = at.scheme === 'https' && at.port ? `:${at.port}` : '';
    return `https://${at.host}${port}/${path}`;
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

/***/ 17:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $i: () => (/* binding */ fieldError),
/* harmony export */   Ah: () => (/* binding */ GantryError),
/* harmony export */   OK: () => (/* binding */ OperationError),
/* harmony export */   Vw: () => (/* binding */ formatProblem),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/**
 * Errors that cross the core's boundary. Adapters map them to exit codes (CLI) or `core.setFailed`
 * (actions): a ConfigError is the user's input to fix (exit 2), an OperationError is an operation
 * that was refused or failed (exit 1). Anything else is a bug and also exits 1.
 */
function formatProblem(p) {
    const where = `${p.file}:${p.line}:${p.column}`;
    return p.path ? `${where}: ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}
class GantryError extends Error {
    name = 'GantryError';
}
/** Bad usage or bad configuration: the user must change something before trying again. */
class ConfigError extends GantryError {
    name = 'ConfigError';
    problems;
    constructor(message, problems = []) {
        super(problems.length ? `${message}\n${problems.map(formatProblem).join('\n')}` : message);
        this.problems = problems;
    }
}
/** The operation was refused or failed (a rejected push past its retries, an unreachable remote). */
class OperationError extends GantryError {
    name = 'OperationError';
}
function errorMessage(err) {
    return err instanceof Error ? err.message : String(err);
}
/**
 * A configuration error about one field, named with where it is: `yaml-update: config.path: …`,
 * `verification metric "smoke": provider http: url: …`. Declared, so TypeScript narrows after it.
 */
function fieldError(where, field, message) {
    throw new ConfigError(`${where}: ${field}: ${message}`);
}


/***/ })

};
