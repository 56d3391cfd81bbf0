export const id = 8776;
export const ids = [8776];
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

/***/ 8776:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   approveCommand: () => (/* binding */ approveCommand)
/* harmony export */ });
/* harmony import */ var _promotion_approve_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2732);
/* harmony import */ var _app_repo_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5271);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1604);
/* harmony import */ var _shared_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1145);
/* harmony import */ var _shared_repo_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1326);





const approveCommand = {
    name: 'approve',
    summary: 'approve a freight for a stage, so that it may be promoted there',
    flags: [
        {
            name: 'stage',
            type: 'string',
            value: 'S',
            required: true,
            help: 'the stage the freight is approved for',
        },
        {
            name: 'freight',
            type: 'string',
            value: 'ID|ALIAS',
            required: true,
            help: 'the freight to approve: an ID, a unique ID prefix of 7+ characters, or an alias',
        },
        _shared_js__WEBPACK_IMPORTED_MODULE_3__/* .PROJECT_FLAG */ .rj,
        {
            name: 'reason',
            type: 'string',
            value: 'TEXT',
            help: 'why, recorded with the approval and shown beside it',
        },
        (0,_shared_js__WEBPACK_IMPORTED_MODULE_3__/* .BY_FLAG */ .TE)('approves'),
        _shared_js__WEBPACK_IMPORTED_MODULE_3__/* .OUTPUT_FLAG */ .Pm,
        _shared_js__WEBPACK_IMPORTED_MODULE_3__/* .REPO_FLAG */ .a8,
    ],
    description: `Approved freight is available to the stage whatever the upstream stages say (it may be promoted
there). Approving it again is no error: the first approval stands.`,
    examples: ['gantry approve --stage prod --freight calm-rhino --reason "hotfix for INC-42"'],
    async run(args, ctx) {
        const { io } = ctx;
        const output = (0,_shared_js__WEBPACK_IMPORTED_MODULE_3__/* .outputOf */ .jH)(args, 'approve');
        (0,_shared_js__WEBPACK_IMPORTED_MODULE_3__/* .noPositionals */ .d0)(args, 'approve');
        const stage = args.string('stage');
        const freight = args.string('freight');
        if (!stage || !freight)
            throw new _io_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e('approve needs --stage and --freight', 'approve');
        const repo = await (0,_app_repo_js__WEBPACK_IMPORTED_MODULE_1__/* .openRepo */ .B8)((0,_shared_js__WEBPACK_IMPORTED_MODULE_3__/* .repoSettings */ .s9)(args, ctx));
        const project = await (0,_shared_repo_js__WEBPACK_IMPORTED_MODULE_4__/* .oneProject */ .E)(repo, args.string('project'), 'approve');
        const { created, record } = await (0,_promotion_approve_js__WEBPACK_IMPORTED_MODULE_0__/* .approveFreight */ .D)({
            store: repo.store,
            project,
            stage,
            freightRef: freight,
            approvedBy: (0,_shared_js__WEBPACK_IMPORTED_MODULE_3__/* .whoOf */ .OD)(args, io.env),
            reason: args.string('reason'),
            clock: ctx.now,
        });
        if (output === 'json')
            io.out(JSON.stringify({ created, approval: record }, null, 2) + '\n');
        else {
            io.out(`${created ? 'approved' : 'already approved'}: ${record.alias} (${record.freightId.slice(0, 7)}) for ${record.stage} by ${record.approvedBy}${record.reason ? ` (${record.reason})` : ''}\n`);
        }
        return _io_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .d.ok;
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

/***/ 1447:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ newestFreight)
/* harmony export */ });
/**
 * The newest freight: by creation time, equal times by ID, descending (Kargo sorts by name). The
 * one ordering rule of freight, asked by discovery (the auto-promotion candidate), promotion (a
 * rollback holds the stage) and verification (what comes next).
 */
function newestFreight(freight) {
    // Times compared as instants (documents may carry any ISO offset); IDs byte-wise, as Go does.
    const byId = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
    return [...freight].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || byId(b.id, a.id))[0];
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

/***/ 2732:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ approveFreight)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/* harmony import */ var _util_suggest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7406);
/* harmony import */ var _availability_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9054);
/* harmony import */ var _state_promote_reads_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3901);




/** Keeps a value to one line, as it appears in `git tag -n` and job summaries. */
const oneLine = (v) => v.replace(/[\r\n]+/g, ' ').trim();
async function approveFreight(o) {
    const stage = o.project.stages.find((s) => s.name === o.stage);
    if (!stage) {
        const names = o.project.stages.map((s) => s.name);
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`stage "${o.stage}" does not exist in project ${o.project.name}${(0,_util_suggest_js__WEBPACK_IMPORTED_MODULE_2__/* .didYouMean */ .au)(o.stage, names)}; its stages are ${names.join(', ') || '(none)'}`);
    }
    const approvedBy = oneLine(o.approvedBy);
    if (!approvedBy)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL('an approval needs the name of who approves it');
    const reason = o.reason === undefined ? undefined : oneLine(o.reason) || undefined;
    // The named freight's own tags (its approvals among them), not every freight's, when the
    // freight index can say which they are.
    const ref = o.freightRef;
    const snap = (await o.store.promotionRecords?.(o.project.name, (entries, aliasNoteIds) => (0,_state_promote_reads_js__WEBPACK_IMPORTED_MODULE_3__/* .promotionFreightIds */ .n)(ref, entries, aliasNoteIds))) ?? (await o.store.snapshot(o.project.name));
    const freight = (0,_availability_js__WEBPACK_IMPORTED_MODULE_1__/* .resolveFreight */ .WP)(o.freightRef, snap.freight);
    const requested = stage.requestedFreight.map((r) => r.origin.name);
    if (!requested.includes(freight.origin.name)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`stage ${stage.name} does not request freight from warehouse ${freight.origin.name} (freight ${freight.alias} comes from it); ${stage.name} requests ${requested.join(', ') || 'no warehouse'}`);
    }
    const existing = snap.approvals.find((a) => a.stage === stage.name && a.freightId === freight.id);
    if (existing)
        return { created: false, record: existing };
    const record = {
        project: o.project.name,
        stage: stage.name,
        freightId: freight.id,
        alias: freight.alias,
        approvedAt: o.clock().toISOString(),
        approvedBy,
        ...(reason ? { reason } : {}),
    };
    const res = await o.store.recordApproval(record);
    if (res.created)
        return { created: true, record };
    // Someone approved it between our read and our write: theirs is the record that stands.
    const again = await o.store.snapshot(o.project.name);
    const theirs = again.approvals.find((a) => a.stage === stage.name && a.freightId === freight.id);
    return { created: false, record: theirs ?? record };
}


/***/ }),

/***/ 9054:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ freightAvailability),
/* harmony export */   WP: () => (/* binding */ resolveFreight),
/* harmony export */   Xy: () => (/* binding */ promotionCandidate),
/* harmony export */   rh: () => (/* binding */ soakFromHistory)
/* harmony export */ });
/* unused harmony export MIN_ID_PREFIX */
/* harmony import */ var _freight_order_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1447);
/* harmony import */ var _pipeline_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2512);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);
/* harmony import */ var _util_suggest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7406);
/**
 * Which freight may enter a stage, and which one auto-promotion would pick: Kargo's
 * `Stage.IsFreightAvailable` and its NewestFreight auto-promotion candidates, as pure functions
 * over what gantry's state holds (freight, verification and approval tags, promotion history).
 *
 * Kargo's freight status maps onto gantry's records like this:
 *
 * | Kargo                         | gantry                                                      |
 * | ----------------------------- | ----------------------------------------------------------- |
 * | `status.verifiedIn[stage]`    | a tag `gantry/<project>/verified/<stage>/<freight-id>`      |
 * | `status.approvedFor[stage]`   | a tag `gantry/<project>/approved/<stage>/<freight-id>`      |
 * | `GetLongestSoak(stage)`       | `soak(stage, freightId)`, derived from promotion history    |
 * | namespace                     | project                                                     |
 */




const sameProject = (project, r) => project === undefined || r.project === project;
function requestFor(stage, freight) {
    return stage.requestedFreight.find((r) => r.origin.kind === freight.origin.kind && r.origin.name === freight.origin.name);
}
/** Durations as people read them, to the second (`20m`, `1h0m5s` reads as `1h5s`). */
function human(ms) {
    return (0,_pipeline_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(Math.max(0, Math.floor(ms / 1000) * 1000));
}
/**
 * Kargo's `IsFreightAvailable`: freight is available to a stage that requests its warehouse when
 * it is approved for the stage, when the stage takes it `direct`ly from the warehouse, or when it
 * is verified in one (`OneOf`, the default) or all (`All`) of the upstream `stages`, each with at
 * least `requiredSoakTime` of soak there (≥: exactly the required time is enough).
 */
function freightAvailability(stage, freight, facts, now) {
    if (!stage)
        return { available: false, reasons: ['no such stage'] };
    if (!freight)
        return { available: false, reasons: ['no such freight'] };
    const req = requestFor(stage, freight);
    if (!req) {
        return {
            available: false,
            reasons: [`warehouse ${freight.origin.name} is not requested by stage ${stage.name}`],
        };
    }
    const approved = facts.approvals.some((a) => a.stage === stage.name && a.freightId === freight.id && sameProject(facts.project, a));
    if (approved)
        return { available: true, reasons: [], via: 'approval' };
    if (req.sources.direct)
        return { available: true, reasons: [], via: 'direct' };
    const upstream = req.sources.stages;
    if (!upstream.length) {
        return {
            available: false,
            reasons: [
                `stage ${stage.name} takes warehouse ${freight.origin.name} from no source (neither direct nor upstream stages)`,
            ],
        };
    }
    const required = req.sources.requiredSoakTimeMs;
    const checks = upstream.map((up) => checkUpstream(up, freight, facts, required, now));
    const ok = checks.filter((c) => c.ok);
    const all = req.sources.availabilityStrategy === 'All';
    if (all ? ok.length === checks.length : ok.length > 0) {
        return { available: true, reasons: [], via: 'verification' };
    }
    const missing = checks.filter((c) => !c.ok);
    const reasons = missing.map((c) => c.reason);
    let availableAt;
    if (all) {
        // Every missing upstream must be only short of soak, and then the last of them decides.
        if (missing.every((c) => c.availableAt)) {
            availableAt = new Date(Math.max(...missing.map((c) => c.availableAt.getTime())));
        }
    }
    else {
        const times = missing.flatMap((c) => (c.availableAt ? [c.availableAt.getTime()] : []));
        if (times.length)
            availableAt = new Date(Math.min(...times));
    }
    if (all && upstream.length > 1) {
        reasons.unshift(`needs all of ${upstream.join(', ')} (availabilityStrategy All)`);
    }
    else if (!all && upstream.length > 1) {
        reasons.unshift(`needs one of ${upstream.join(', ')}`);
    }
    return { available: false, reasons, ...(availableAt ? { availableAt } : {}) };
}
function checkUpstream(up, freight, facts, required, now) {
    const verified = facts.verifications.some((v) => v.stage === up && v.freightId === freight.id && sameProject(facts.project, v));
    if (!verified)
        return { ok: false, reason: `not verified in ${up}` };
    if (!required)
        return { ok: true };
    const soak = facts.soak(up, freight.id);
    if (soak !== undefined && soak >= required)
        return { ok: true };
    const since = facts.currentSince?.(up, freight.id);
    const need = `needs ${(0,_pipeline_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(required)} of soak time in ${up}`;
    if (soak === undefined)
        return { ok: false, reason: `${need}; has not run there` };
    if (!since) {
        return {
            ok: false,
            reason: `${need}; has ${human(soak)} and no longer runs there`,
        };
    }
    // Still current: the running interval reaches the requirement at since + required.
    const at = new Date(Math.max(since.getTime() + required, now.getTime()));
    return {
        ok: false,
        reason: `${need}; has ${human(soak)} (available at ${at.toISOString()})`,
        availableAt: at,
    };
}
/**
 * Soak time from git history. Kargo's controller watches each stage and records how long freight
 * has been current in it; gantry has no controller, so it derives the same number from the
 * promotion commits (`StateStore.promotions`):
 *
 * - A freight becomes current in a stage at its promotion commit's time (committer time), and
 *   stays current until the next promotion into that stage *of the same warehouse* (a stage that
 *   takes several warehouses keeps one current freight per warehouse), or until `now`.
 * - Promoting the freight the stage already runs again does not restart the clock.
 * - A freight promoted, replaced and promoted again has several intervals; its soak is the
 *   longest one (Kargo's `LongestCompletedSoak`, or the running one when longer).
 * - A promotion of freight whose tag is unknown (no origin to compare) ends every running
 *   interval in its stage: soak may be undercounted, never overcounted.
 * - Only the history passed in counts. A freight promoted before the oldest record given has no
 *   known soak (undefined), unless `states` (from `StateStore.stageStates`) says it is current:
 *   then, when no promotion of its warehouse into the stage is in the history, it has been
 *   current at least since its stage's last promotion (`promotedAt`) and since the oldest record
 *   given (the history is the newest promotions of the project, so nothing newer is missing).
 *   That lower bound is its soak; read a longer history for a closer one.
 * - Not seen: a `git revert` of a promotion commit (it carries no gantry trailers), and the wait
 *   between a pull request's commit and its merge (the commit's time is used).
 */
function soakFromHistory(promotions, freight, now, states) {
    const originOf = new Map(freight.map((f) => [f.id, `${f.origin.kind}/${f.origin.name}`]));
    const key = (stage, id) => `${stage}\0${id}`;
    const longest = new Map();
    const since = new Map();
    const note = (stage, id, ms) => longest.set(key(stage, id), Math.max(longest.get(key(stage, id)) ?? 0, Math.max(0, ms)));
    const byStage = new Map();
    promotions.forEach((p, order) => {
        const at = Date.parse(p.promotedAt);
        if (Number.isNaN(at))
            return;
        byStage.set(p.stage, [...(byStage.get(p.stage) ?? []), { p, at, order }]);
    });
    for (const [stage, list] of byStage) {
        // Oldest first; records of the same second keep the store's order (newest first) reversed.
        list.sort((a, b) => a.at - b.at || b.order - a.order);
        /** Per origin: the freight current in the stage and since when. */
        const current = new Map();
        for (const { p, at } of list) {
            const origin = originOf.get(p.freightId);
            const ending = origin === undefined
                ? [...current.keys()]
                : current.get(origin)?.id === p.freightId
                    ? []
                    : current.has(origin)
                        ? [origin]
                        : [];
            for (const o of ending) {
                const c = current.get(o);
                note(stage, c.id, at - c.at);
                current.delete(o);
            }
            const o = origin ?? `?/${p.freightId}`;
            if (!current.has(o))
                current.set(o, { id: p.freightId, at });
        }
        for (const c of current.values()) {
            note(stage, c.id, now.getTime() - c.at);
            since.set(key(stage, c.id), new Date(c.at));
        }
    }
    const times = [...byStage.values()].flatMap((list) => list.map((e) => e.at));
    const oldest = times.length ? Math.min(...times) : undefined;
    for (const [stage, state] of states ?? []) {
        for (const f of state?.freight ?? []) {
            const origin = `${f.origin.kind}/${f.origin.name}`;
            const seen = (byStage.get(stage) ?? []).some((e) => originOf.get(e.p.freightId) === origin || !originOf.has(e.p.freightId));
            // History covers this warehouse in this stage: it is the better witness, and a state file
            // that disagrees with it (a revert, a hand edit) is not used to lengthen anything.
            if (seen)
                continue;
            const starts = [Date.parse(state?.promotedAt ?? '')].filter((t) => !Number.isNaN(t));
            if (oldest !== undefined)
                starts.push(oldest);
            if (!starts.length)
                continue;
            const start = Math.min(...starts, now.getTime());
            note(stage, f.id, now.getTime() - start);
            since.set(key(stage, f.id), new Date(start));
        }
    }
    return {
        soak: (stage, id) => longest.get(key(stage, id)),
        currentSince: (stage, id) => since.get(key(stage, id)),
    };
}
/**
 * Kargo's NewestFreight auto-promotion candidates: for each warehouse the stage requests, the
 * newest freight available to it (by creation time, ties by ID descending). Keyed by warehouse
 * name, in the order the stage requests them; a warehouse with no available freight is absent.
 */
function promotionCandidate(stage, freightNewestFirst, facts, now) {
    const out = new Map();
    for (const req of stage.requestedFreight) {
        const available = freightNewestFirst.filter((f) => f.origin.kind === req.origin.kind &&
            f.origin.name === req.origin.name &&
            freightAvailability(stage, f, facts, now).available);
        const newest = (0,_freight_order_js__WEBPACK_IMPORTED_MODULE_2__/* .newestFreight */ .u)(available);
        if (newest)
            out.set(req.origin.name, newest);
    }
    return out;
}
/** Shortest ID prefix accepted, as `git` shows abbreviated commits. */
const MIN_ID_PREFIX = 7;
/**
 * The freight a user named: a full ID, an alias, or a unique ID prefix of at least 7 characters.
 * Throws a ConfigError that says what matched (nothing, or several) and suggests the closest alias.
 */
function resolveFreight(ref, freight) {
    const wanted = ref.trim();
    const lower = wanted.toLowerCase();
    if (!wanted)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('no freight given: name one by ID, ID prefix or alias');
    const exact = freight.find((f) => f.id === lower) ??
        freight.find((f) => f.alias === wanted) ??
        freight.find((f) => f.alias.toLowerCase() === lower);
    if (exact)
        return exact;
    const label = (f) => `${f.alias} (${f.id.slice(0, MIN_ID_PREFIX)})`;
    if (/^[0-9a-f]+$/.test(lower)) {
        const matches = freight.filter((f) => f.id.startsWith(lower));
        if (matches.length && lower.length < MIN_ID_PREFIX) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`freight ID prefix "${wanted}" is too short: give at least ${MIN_ID_PREFIX} characters, or the alias`);
        }
        if (matches.length === 1)
            return matches[0];
        if (matches.length > 1) {
            const shown = matches.slice(0, 5).map(label).join(', ');
            const more = matches.length > 5 ? ` and ${matches.length - 5} more` : '';
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`freight ID prefix "${wanted}" is ambiguous: it matches ${shown}${more}; give more characters or the alias`);
        }
    }
    if (!freight.length)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`no freight "${wanted}": there is no freight yet`);
    const close = (0,_util_suggest_js__WEBPACK_IMPORTED_MODULE_3__/* .suggest */ .ZA)(wanted, freight.map((f) => f.alias));
    const hint = close !== undefined ? ` (did you mean "${close}"?)` : '';
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`no freight "${wanted}"${hint}: name freight by its ID, an ID prefix of at least ${MIN_ID_PREFIX} characters, or its alias`);
}


/***/ }),

/***/ 3901:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ promotionFreightIds)
/* harmony export */ });
/**
 * The IDs to read for `ref` (an ID, an ID prefix or an alias), or undefined when the index cannot
 * tell (nothing matches, so the full read gives its hints; an entry of an unreadable tag is
 * among the matches). `aliasNoteIds`: freight named by alias tags, whose alias may now be `ref`.
 */
function promotionFreightIds(ref, entries, aliasNoteIds) {
    const lower = ref.trim().toLowerCase();
    if (!lower)
        return undefined;
    // A full ID wins over any alias (resolveFreight asks for it first): nothing else can match.
    const exact = entries.find((e) => e.freightId === lower);
    const hex = /^[0-9a-f]+$/.test(lower);
    const named = exact
        ? [exact]
        : entries.filter((e) => e.alias.toLowerCase() === lower ||
            (hex && e.freightId.startsWith(lower)) ||
            aliasNoteIds.includes(e.freightId));
    if (!named.length || named.some((e) => !e.createdAt))
        return undefined;
    const ids = new Set(named.map((e) => e.freightId));
    for (const n of named) {
        const since = Date.parse(n.createdAt);
        for (const e of entries) {
            if (e.warehouse !== n.warehouse)
                continue;
            // An unreadable tag's entry has no time: read it, its tag decides.
            if (!e.createdAt || Date.parse(e.createdAt) >= since)
                ids.add(e.freightId);
        }
    }
    return ids;
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


/***/ })

};
