export const id = 783;
export const ids = [783];
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
/* harmony import */ var _git_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1112);
/* harmony import */ var _pipeline_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5785);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(17);
/* harmony import */ var _state_index_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8525);








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

/***/ 5581:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   getCommand: () => (/* binding */ getCommand)
/* harmony export */ });
/* harmony import */ var _discovery_discover_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4883);
/* harmony import */ var _freight_order_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(1447);
/* harmony import */ var _util_settle_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(5434);
/* harmony import */ var _util_suggest_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7406);
/* harmony import */ var _util_table_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3060);
/* harmony import */ var _health_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2825);
/* harmony import */ var _app_repo_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5271);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17);
/* harmony import */ var _status_views_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9468);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1604);
/* harmony import */ var _shared_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1145);











const GET_KINDS = ['stages', 'freight', 'promotions', 'warehouses', 'projects'];
const getCommand = {
    name: 'get',
    summary: 'list the stages, the freight, the latest promotions, the warehouses or the projects',
    positional: GET_KINDS.join('|'),
    flags: [
        _shared_js__WEBPACK_IMPORTED_MODULE_5__/* .PROJECT_FLAG */ .rj,
        _shared_js__WEBPACK_IMPORTED_MODULE_5__/* .OUTPUT_FLAG */ .Pm,
        {
            name: 'limit',
            type: 'string',
            value: 'N',
            default: '20',
            help: 'get freight, get promotions: how many of the newest to list',
        },
        {
            name: 'all',
            type: 'boolean',
            help: 'get freight: list every freight (reads every freight tag: slow with thousands)',
        },
        _shared_js__WEBPACK_IMPORTED_MODULE_5__/* .REPO_FLAG */ .a8,
    ],
    description: `stages: what each stage runs, whether it is verified (and its Argo CD health when the
stage names Applications), since when and by whom. freight: every freight with its versions and the
stages it is in (✓ verified there), newest first, a page of --limit at a time (--all for every
one). promotions: the newest first, across projects. warehouses: each warehouse's subscriptions,
its freight creation policy, and its newest freight and when it was recorded. projects: each
project's name, stages, warehouses and file, read from the clone's work tree (no remote needed);
the discover workflow's matrix is its JSON.`,
    examples: [
        'gantry get stages',
        'gantry get freight --project echo --output json',
        'gantry get freight --limit 100',
        'gantry get promotions --limit 5',
        'gantry get warehouses --output json',
        'gantry get projects --output json',
    ],
    async run(args, ctx) {
        const output = (0,_shared_js__WEBPACK_IMPORTED_MODULE_5__/* .outputOf */ .jH)(args, 'get');
        const rest = args.positionals;
        const kind = rest[0];
        if (!kind || !GET_KINDS.includes(kind) || rest.length > 1) {
            const hint = kind ? (0,_util_suggest_js__WEBPACK_IMPORTED_MODULE_6__/* .suggest */ .ZA)(kind, [...GET_KINDS]) : undefined;
            throw new _io_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .e(`get needs one of ${GET_KINDS.join(', ')}${kind ? `, not "${rest.join(' ')}"` : ''}${hint ? ` (did you mean "${hint}"?)` : ''}`, 'get');
        }
        if (kind === 'projects') {
            ctx.io.out(await getProjects((0,_shared_js__WEBPACK_IMPORTED_MODULE_5__/* .repoSettings */ .s9)(args, ctx), args.string('project'), output));
            return _io_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .d.ok;
        }
        const limitText = args.string('limit');
        const limit = Number(limitText);
        if (!Number.isInteger(limit) || limit < 1)
            throw new _io_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .e(`--limit must be a positive integer, not "${limitText}"`, 'get');
        const all = args.boolean('all');
        if (all && kind !== 'freight')
            throw new _io_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .e(`--all is for get freight, not get ${kind}`, 'get');
        const repo = await (0,_app_repo_js__WEBPACK_IMPORTED_MODULE_2__/* .openRepo */ .B8)((0,_shared_js__WEBPACK_IMPORTED_MODULE_5__/* .repoSettings */ .s9)(args, ctx));
        const projects = await (0,_app_repo_js__WEBPACK_IMPORTED_MODULE_2__/* .selectProjects */ .hX)(repo, args.string('project'));
        const page = { limit: all ? Infinity : limit, shown: 0, total: 0 };
        ctx.io.out(await get(kind, repo, projects, output, page, ctx.now(), {
            env: ctx.io.env,
            fetch,
        }));
        if (kind === 'freight' && page.total > page.shown)
            ctx.later.push(`the newest ${page.shown} of ${page.total} freight; --limit N or --all for more\n`);
        return _io_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .d.ok;
    },
};
/**
 * The projects, from the work tree when `--repo` is a clone (with or without a remote, as lint
 * reads it) or from the remote's default branch: what a workflow fans out over, before any state
 * is read.
 */
async function getProjects(settings, name, output) {
    let source;
    try {
        source = await (0,_app_repo_js__WEBPACK_IMPORTED_MODULE_2__/* .openRepo */ .B8)(settings);
    }
    catch (err) {
        if (!(err instanceof _app_repo_js__WEBPACK_IMPORTED_MODULE_2__/* .NoRemoteError */ .Uw))
            throw err;
        source = { localDir: err.localDir };
    }
    const { projects: all, problems } = await (0,_app_repo_js__WEBPACK_IMPORTED_MODULE_2__/* .loadProjects */ .RT)(source);
    if (problems.length)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL('the project files have problems (run gantry lint):', problems);
    const projects = (0,_app_repo_js__WEBPACK_IMPORTED_MODULE_2__/* .pickProjects */ .o4)(all, name).map((p) => ({
        name: p.name,
        file: p.file,
        stages: p.stages.map((s) => s.name),
        warehouses: p.warehouses.map((w) => w.name),
    }));
    if (output === 'json')
        return JSON.stringify({ projects }, null, 2) + '\n';
    return (0,_util_table_js__WEBPACK_IMPORTED_MODULE_7__/* .table */ .t)(['NAME', 'STAGES', 'WAREHOUSES', 'FILE'], projects.map((p) => [p.name, p.stages.join(','), p.warehouses.join(','), p.file]));
}
async function get(kind, ctx, projects, output, 
/** How many to list; get freight reports back how many it listed of how many there are. */
page, now, health) {
    const many = projects.length > 1;
    const withProject = (row, project) => (many ? [project, ...row] : row);
    const headers = (h) => (many ? ['PROJECT', ...h] : h);
    if (kind === 'promotions') {
        const all = [];
        for (const p of projects) {
            const branches = await ctx.store.stageBranches(p.stages);
            all.push(...(0,_status_views_js__WEBPACK_IMPORTED_MODULE_8__/* .promotionViews */ .yS)(await ctx.store.promotions(p.name, branches, page.limit)));
        }
        // Newest first across projects too; each project's list is already the newest `limit`.
        all.sort((a, b) => b.promotedAt.localeCompare(a.promotedAt));
        all.splice(page.limit);
        if (output === 'json')
            return JSON.stringify({ promotions: all }, null, 2) + '\n';
        return (0,_util_table_js__WEBPACK_IMPORTED_MODULE_7__/* .table */ .t)(headers(['STAGE', 'FREIGHT', 'COMMIT', 'BY', 'APPROVED BY', 'AGE']), all.map((v) => withProject([
            v.stage,
            v.freight.alias,
            v.commit.slice(0, 7),
            v.promotedBy,
            v.approvedBy.join(',') || '-',
            (0,_util_table_js__WEBPACK_IMPORTED_MODULE_7__/* .age */ .K)(v.promotedAt, now),
        ], v.project)));
    }
    if (kind === 'warehouses') {
        const rows = [];
        for (const p of projects)
            rows.push(...warehouseViews(p, (await ctx.store.snapshot(p.name)).freight));
        if (output === 'json')
            return JSON.stringify({ warehouses: rows }, null, 2) + '\n';
        return (0,_util_table_js__WEBPACK_IMPORTED_MODULE_7__/* .table */ .t)(headers(['NAME', 'POLICY', 'SUBSCRIPTIONS', 'NEWEST FREIGHT', 'AGE']), rows.map((w) => withProject([
            w.name,
            w.freightCreationPolicy,
            w.subscriptions
                .map((s) => `${s.kind}:${s.kind === 'chart' && s.name ? `${s.repoURL.replace(/\/+$/, '')}/${s.name}` : s.repoURL}`)
                .join(',') || '-',
            w.newestFreight ? `${w.newestFreight.alias} (${w.newestFreight.id.slice(0, 7)})` : '-',
            w.newestFreight ? (0,_util_table_js__WEBPACK_IMPORTED_MODULE_7__/* .age */ .K)(w.newestFreight.createdAt, now) : '-',
        ], w.project)));
    }
    const stages = [];
    const freight = [];
    for (const p of projects) {
        if (kind === 'stages') {
            // The stages' tips, then the tags of the freight they run: nothing else is read.
            const states = await ctx.store.stageStates(p.name, p.stages);
            const snap = await ctx.store.stageRecords(p.name, states);
            const appHealth = await (0,_health_index_js__WEBPACK_IMPORTED_MODULE_1__/* .projectHealth */ .S0)(ctx.store, p, states, snap.freight, health);
            stages.push(...(0,_status_views_js__WEBPACK_IMPORTED_MODULE_8__/* .stageViews */ .vH)(p, snap, states, appHealth));
            continue;
        }
        const [read, states] = await (0,_util_settle_js__WEBPACK_IMPORTED_MODULE_9__/* .settleAll */ .j)([
            page.limit === Infinity
                ? ctx.store.snapshot(p.name).then((snap) => ({ snap, total: snap.freight.length }))
                : ctx.store.freightPage(p.name, { limit: page.limit }),
            ctx.store.stageStates(p.name, p.stages),
        ]);
        page.total += read.total;
        freight.push(...(0,_status_views_js__WEBPACK_IMPORTED_MODULE_8__/* .freightViews */ .w4)(p, read.snap, states));
    }
    // Newest first across projects too; each project's page is already its newest.
    freight.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
    freight.splice(page.limit);
    page.shown = freight.length;
    if (kind === 'stages') {
        if (output === 'json')
            return JSON.stringify({ stages }, null, 2) + '\n';
        // Only pipelines that name Argo CD Applications get the column: for the others every stage
        // would say NotApplicable.
        const showHealth = projects.some((p) => p.stages.some(_health_index_js__WEBPACK_IMPORTED_MODULE_1__/* .stageNamesApps */ .$E));
        return (0,_util_table_js__WEBPACK_IMPORTED_MODULE_7__/* .table */ .t)(headers([
            'NAME',
            'FREIGHT',
            'ID',
            'VERIFIED',
            ...(showHealth ? ['HEALTH'] : []),
            'SINCE',
            'BY',
        ]), stages.map((s) => withProject([
            s.name,
            s.freight.map((f) => f.alias).join(',') || '-',
            s.freight.map((f) => f.id.slice(0, 7)).join(',') || '-',
            s.verified === undefined ? '-' : s.verified ? 'yes' : 'no',
            ...(showHealth ? [s.appHealth?.status ?? '-'] : []),
            (0,_util_table_js__WEBPACK_IMPORTED_MODULE_7__/* .age */ .K)(s.promotedAt, now) || '-',
            s.promotedBy ?? '-',
        ], s.project)));
    }
    if (output === 'json')
        return JSON.stringify({ freight }, null, 2) + '\n';
    return (0,_util_table_js__WEBPACK_IMPORTED_MODULE_7__/* .table */ .t)(headers(['ID', 'ALIAS', 'WAREHOUSE', 'VERSIONS', 'AGE', 'STAGES']), freight.map((f) => withProject([
        f.id.slice(0, 7),
        f.alias,
        f.origin.name,
        (0,_status_views_js__WEBPACK_IMPORTED_MODULE_8__/* .versionsOf */ .x4)(f),
        (0,_util_table_js__WEBPACK_IMPORTED_MODULE_7__/* .age */ .K)(f.createdAt, now),
        Object.keys(f.status.currentlyIn)
            .map((s) => (f.status.verifiedIn[s] ? `${s}✓` : s))
            .join(',') || '-',
    ], f.project)));
}
function warehouseViews(p, freight) {
    return p.warehouses.map((w) => {
        const newest = (0,_freight_order_js__WEBPACK_IMPORTED_MODULE_10__/* .newestFreight */ .u)(freight.filter((f) => f.origin.name === w.name));
        return {
            project: p.name,
            name: w.name,
            freightCreationPolicy: w.freightCreationPolicy,
            subscriptions: w.subscriptions.map((s) => {
                const body = s.kind === 'image' ? s.image : s.kind === 'chart' ? s.chart : s.git;
                // Recorded the way freight records it: a credential in a URL is not shown.
                return {
                    kind: s.kind,
                    repoURL: (0,_discovery_discover_js__WEBPACK_IMPORTED_MODULE_0__/* .publicURL */ .FU)(body.repoURL),
                    ...(body.name ? { name: body.name } : {}),
                };
            }),
            newestFreight: newest
                ? { id: newest.id, alias: newest.alias, createdAt: newest.createdAt }
                : null,
        };
    });
}


/***/ }),

/***/ 2512:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   a3: () => (/* binding */ formatDuration)
/* harmony export */ });
/* unused harmony export DURATION_PATTERN */
/**
 * Go-style durations (`time.ParseDuration`): a sequence of decimal numbers with units, such as
 * `1h`, `30m`, `1h30m`, `90s`, `1.5h`, `500ms`. Units: ns, us (or µs), ms, s, m, h. `0` alone is
 * allowed. Negative durations are not: nothing in a project file means "minus one hour".
 */
const UNIT_MS = {
    ns: 1e-6,
    us: 1e-3,
    µs: 1e-3, // U+00B5 micro sign
    μs: 1e-3, // U+03BC Greek small letter mu
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
};
/** The same grammar as a JSON-schema pattern (kept in sync with schema/project.schema.json). */
const DURATION_PATTERN = '^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$';
const TERM = /([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h)/y;
/** Milliseconds in a Go-style duration (may be fractional below 1ms). Throws on invalid input. */
function parseDuration(text) {
    if (text === '0')
        return 0;
    if (!text)
        throw new Error('invalid duration "": expected a duration such as 30m, 1h30m or 90s');
    let total = 0;
    TERM.lastIndex = 0;
    while (TERM.lastIndex < text.length) {
        const at = TERM.lastIndex;
        const m = TERM.exec(text);
        if (!m) {
            const rest = text.slice(at);
            const hint = /^[0-9.]+$/.test(rest)
                ? `missing unit after "${rest}" (use ns, us, ms, s, m or h)`
                : 'expected a duration such as 30m, 1h30m or 90s';
            throw new Error(`invalid duration "${text}": ${hint}`);
        }
        total += Number(m[1]) * (UNIT_MS[m[2] ?? ''] ?? NaN);
    }
    return total;
}
/** Human form of a millisecond count, e.g. `1h30m`, `90s` → `1m30s`, `500ms`. */
function formatDuration(ms) {
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

/***/ 1324:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ inGroup)
/* harmony export */ });
/** `fn` inside the fold `name` when the adapter folds, else simply `fn`. */
function inGroup(group, name, fn) {
    return group ? group(name, fn) : fn();
}


/***/ })

};
