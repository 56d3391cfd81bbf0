export const id = 3170;
export const ids = [3170,2027];
export const modules = {

/***/ 3170:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   assembleAction: () => (/* binding */ assembleAction)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _discovery_assemble_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7236);
/* harmony import */ var _status_views_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9468);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(858);
/* harmony import */ var _discover_action_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2027);
/* harmony import */ var _repo_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1279);







/** `command: assemble`: freight from the versions the inputs name; outputs and summary out. */
async function assembleAction(s, ctx) {
    const repo = await (0,_repo_js__WEBPACK_IMPORTED_MODULE_5__/* .openActionRepo */ .f2)(s, ctx);
    const project = await (0,_repo_js__WEBPACK_IMPORTED_MODULE_5__/* .singleProject */ .W5)(repo, s.project);
    const { sources } = (0,_discover_action_js__WEBPACK_IMPORTED_MODULE_4__.actionSources)(s, ctx, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(ctx.tempDir, 'gantry'));
    try {
        const r = await (0,_discovery_assemble_js__WEBPACK_IMPORTED_MODULE_2__/* .assembleFreight */ .If)({
            project,
            warehouse: s.warehouse,
            images: s.images,
            charts: s.charts,
            commits: s.commits,
            store: repo.store,
            sources: sources.assembly,
            clock: () => new Date(),
            createdBy: ctx.runUrl ?? 'gantry assemble action',
            dryRun: s.dryRun,
        });
        const f = r.freight;
        const what = r.dryRun ? 'would record' : r.created ? 'recorded' : 'already recorded';
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`${what}: freight ${f.alias} (${f.id.slice(0, 7)}) from warehouse ${r.warehouse}`);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Output */ .k7.freight, f.id);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Output */ .k7.newFreight, r.created ? '1' : '0');
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary
            .addRaw(`### Freight ${what}\n\n\`${f.alias}\` (\`${f.id.slice(0, 7)}\`) from warehouse \`${r.warehouse}\` of ${r.project}: ${(0,_status_views_js__WEBPACK_IMPORTED_MODULE_6__/* .versionsOf */ .x4)(f)}\n`)
            .write();
    }
    finally {
        await sources.close();
    }
}


/***/ }),

/***/ 2027:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionSources: () => (/* binding */ actionSources),
/* harmony export */   discoverAction: () => (/* binding */ discoverAction)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _discovery_credentials_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9180);
/* harmony import */ var _discovery_report_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5606);
/* harmony import */ var _discovery_run_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1831);
/* harmony import */ var _discovery_sources_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6818);
/* harmony import */ var _app_repo_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5271);
/* harmony import */ var _discovery_projects_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(306);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(17);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(858);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(5577);
/* harmony import */ var _mask_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(2899);
/* harmony import */ var _repo_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(1279);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(6295);














/**
 * The registry, chart and git sources as an action reaches them: the Docker config's logins
 * (masked), overridden per host by the registry-credentials input; the token for git on this
 * GitHub server.
 */
function actionSources(s, ctx, cacheDir) {
    const creds = (0,_discovery_credentials_js__WEBPACK_IMPORTED_MODULE_2__/* .discoveryCredentials */ .R)({
        dockerConfigPath: ctx.dockerConfigPath,
        githubToken: s.token,
        githubHost: new URL(ctx.serverUrl).host,
    });
    // The Docker config's credentials are masked as the inputs' were: a registry or a proxy may
    // echo them, in either form, in an error gantry shows.
    for (const c of creds.registryCredentials.values())
        (0,_mask_js__WEBPACK_IMPORTED_MODULE_11__/* .maskRegistryCredential */ .Bx)(c);
    // The input's credentials win over the Docker config's for the same host.
    for (const [host, c] of s.registryCredentials)
        creds.registryCredentials.set(host, c);
    const log = { info: _log_js__WEBPACK_IMPORTED_MODULE_10__/* .actionLog */ .Z.info, warn: _log_js__WEBPACK_IMPORTED_MODULE_10__/* .actionLog */ .Z.warn, group: _log_js__WEBPACK_IMPORTED_MODULE_10__/* .actionLog */ .Z.group };
    const trace = _log_js__WEBPACK_IMPORTED_MODULE_10__/* .actionLog */ .Z.trace();
    const sources = (0,_discovery_sources_js__WEBPACK_IMPORTED_MODULE_5__/* .createSources */ .L)({
        ...creds,
        gitEnv: ctx.env,
        cacheDir: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(cacheDir, 'discovery'),
        ..._discovery_sources_js__WEBPACK_IMPORTED_MODULE_5__/* .DISCOVERY_DEFAULTS */ .K,
        log,
        ...(trace ? { trace } : {}),
    });
    return { sources, log };
}
/** The discover action: settings in; the core; outputs and the job summary out. */
async function discoverAction(s, ctx) {
    const cacheDir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(ctx.tempDir, 'gantry');
    const repo = await (0,_repo_js__WEBPACK_IMPORTED_MODULE_12__/* .openActionRepo */ .f2)(s, ctx);
    // A matrix job names its project and parses that file alone (discovery/projects.ts).
    const projects = await (0,_discovery_projects_js__WEBPACK_IMPORTED_MODULE_7__/* .discoverProjects */ .q)(repo, s.project);
    const { sources, log } = actionSources(s, ctx, cacheDir);
    const dispatch = s.dispatchWorkflow
        ? {
            ...(await (0,_repo_js__WEBPACK_IMPORTED_MODULE_12__/* .dispatchTarget */ .ax)(s, s.dispatchWorkflow, ctx, repo)),
            withProject: s.project ? (await (0,_app_repo_js__WEBPACK_IMPORTED_MODULE_6__/* .projectFileTexts */ .aQ)(repo)).length > 1 : projects.length > 1,
        }
        : undefined;
    try {
        const run = await (0,_discovery_run_js__WEBPACK_IMPORTED_MODULE_4__/* .runDiscover */ .NO)({
            projects,
            warehouse: s.warehouse,
            store: repo.store,
            sources,
            dryRun: s.dryRun,
            clock: () => new Date(),
            createdBy: ctx.runUrl ?? 'gantry discover action',
            log,
            dispatch,
        });
        const freight = run.results.flatMap((r) => r.freight);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Output */ .k7.freight, JSON.stringify(freight));
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Output */ .k7.newFreight, String(freight.filter((f) => f.new && f.recorded).length));
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Output */ .k7.promotions, JSON.stringify((0,_discovery_run_js__WEBPACK_IMPORTED_MODULE_4__/* .promotionsMatrix */ .EA)(run.results, s.dryRun)));
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary.addRaw((0,_discovery_report_js__WEBPACK_IMPORTED_MODULE_3__/* .discoverMarkdown */ .x)(run, { dryRun: s.dryRun })).write();
        await (0,_summary_js__WEBPACK_IMPORTED_MODULE_13__/* .appendPipelineSummary */ .T)(repo, projects, _log_js__WEBPACK_IMPORTED_MODULE_10__/* .actionLog */ .Z.warn, {
            env: ctx.env,
            fetch: _log_js__WEBPACK_IMPORTED_MODULE_10__/* .actionLog */ .Z.fetch(),
        });
        const failures = (0,_discovery_run_js__WEBPACK_IMPORTED_MODULE_4__/* .runFailures */ .Bu)(run);
        if (failures.length)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .OperationError */ .OK(failures.join('\n'));
    }
    finally {
        await sources.close();
    }
}


/***/ }),

/***/ 6295:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ appendPipelineSummary)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _status_markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2105);
/* harmony import */ var _status_pipeline_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4334);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17);




/**
 * Appends the "Pipeline" section (the graph and the freight matrix of each project) to the job
 * summary, read fresh after the action did its work: one tag listing and the stage tips. The
 * action's outcome does not depend on it: a failure to read is a warning, not a failed step.
 * With `health` (the runner's environment: ARGOCD_SERVER, ARGOCD_AUTH_TOKEN), each stage's
 * health is read from Argo CD too; an app it cannot read is Unknown, not a warning.
 */
async function appendPipelineSummary(repo, projects, warn = (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(m), health) {
    for (const project of Array.isArray(projects) ? projects : [projects]) {
        try {
            const status = await (0,_status_pipeline_js__WEBPACK_IMPORTED_MODULE_2__/* .pipelineStatus */ .pO)(repo.store, project, health ? { health } : {});
            await _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary.addRaw('\n' + (0,_status_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .pipelineSummaryMarkdown */ .Sy)(project, status)).write();
        }
        catch (err) {
            warn(`could not add the pipeline of ${project.name} to the job summary: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(err)}`);
        }
    }
}


/***/ }),

/***/ 7236:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   If: () => (/* binding */ assembleFreight)
/* harmony export */ });
/* unused harmony exports parseImageChoice, parseChartChoice, parseCommitChoice */
/* harmony import */ var _freight_alias_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7044);
/* harmony import */ var _freight_id_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2370);
/* harmony import */ var _urls_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6066);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);
/* harmony import */ var _discover_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4883);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2289);
/**
 * Freight assembly (Kargo's "assemble freight"): freight made of versions someone chose rather
 * than the newest discovery found, such as an earlier image beside today's chart. It is how a
 * warehouse with `freightCreationPolicy: Manual` gets freight at all.
 *
 * Each chosen version is matched to the subscription of the warehouse it belongs to and resolved
 * the way discovery resolves it (an image tag to its digest through the same registry client, a
 * git ref to its commit, a chart version checked against the repository's listing), then the
 * freight is built with discovery's recipe: the same versions give the same ID whichever way
 * they arrived, and recording it again writes nothing.
 */






/** `REPO:TAG`: the tag is after the last `:` that follows the last `/` (a port is not a tag). */
function parseImageChoice(text) {
    const slash = text.lastIndexOf('/');
    const colon = text.indexOf(':', slash + 1);
    if (text.includes('@') || colon < 0 || colon === text.length - 1) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`--image ${JSON.stringify(text)}: write it as REPO:TAG (e.g. ghcr.io/acme/echo:1.2.0); gantry resolves the digest`);
    }
    return { repo: text.slice(0, colon), tag: text.slice(colon + 1) };
}
/** `REPO/NAME:VERSION` or `oci://REPO/CHART:VERSION`. */
function parseChartChoice(text) {
    const slash = text.lastIndexOf('/');
    const colon = text.indexOf(':', slash + 1);
    if (slash < 0 || colon < 0 || colon === text.length - 1) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`--chart ${JSON.stringify(text)}: write it as REPO/NAME:VERSION (https://charts.example.com/podinfo:6.5.0) or oci://REPO/CHART:VERSION`);
    }
    return { chart: text.slice(0, colon), version: text.slice(colon + 1) };
}
/** `REPO_URL@REF`: the ref is after the last `@` (an scp-style `git@host:` comes before it). */
function parseCommitChoice(text) {
    const at = text.lastIndexOf('@');
    const repo = text.slice(0, at).trim();
    const ref = text.slice(at + 1).trim();
    // `git@host:o/r` alone has its `@` before the path: that is no ref.
    if (at <= 0 || !repo || !ref || ref.includes(':') || ref.includes('/')) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`--commit ${JSON.stringify((0,_discover_js__WEBPACK_IMPORTED_MODULE_3__.publicURL)(text))}: write it as REPO_URL@SHA|BRANCH|TAG (e.g. https://github.com/acme/app.git@main)`);
    }
    return { repo, ref };
}
const imageKey = (repo) => (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .repositoryName */ .aR)((0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .parseImageRepository */ .fb)(repo));
const chartKey = (sub) => (0,_urls_index_js__WEBPACK_IMPORTED_MODULE_5__/* .normalizeChartURL */ .D$)(sub.name ? `${sub.repoURL.replace(/\/+$/, '')}/${sub.name}` : sub.repoURL);
function describeSub(s) {
    if (s.kind === 'image')
        return `image ${s.image.repoURL}`;
    if (s.kind === 'git')
        return `git ${(0,_discover_js__WEBPACK_IMPORTED_MODULE_3__.publicURL)(s.git.repoURL)}`;
    return `chart ${(0,_discover_js__WEBPACK_IMPORTED_MODULE_3__.publicURL)(s.chart.name ? `${s.chart.repoURL.replace(/\/+$/, '')}/${s.chart.name}` : s.chart.repoURL)}`;
}
/**
 * The subscription a chosen artifact belongs to: exactly one of the warehouse's subscriptions
 * of that kind and repository, or an error that lists what the warehouse subscribes to.
 */
function subscriptionFor(project, warehouse, subs, kind, flag, given, matches) {
    const found = subs.filter((s) => s.kind === kind && matches(s));
    if (found.length === 1)
        return found[0];
    const list = subs.map(describeSub).join(', ');
    if (!found.length) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`${flag} ${given}: warehouse ${warehouse} of project ${project.name} has no ${kind} subscription for it (it subscribes to ${list})`);
    }
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`${flag} ${given}: warehouse ${warehouse} subscribes to that repository ${found.length} times; gantry cannot tell which subscription it is for`);
}
/**
 * Resolve the chosen versions against the warehouse's subscriptions and record the freight they
 * make, unless it exists. Every subscription of the warehouse needs exactly one version, as in
 * freight discovery records; nothing is written when any choice is refused.
 */
async function assembleFreight(o) {
    const { project } = o;
    const warehouse = project.warehouses.find((w) => w.name === o.warehouse);
    if (!warehouse) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`project ${project.name} has no warehouse ${o.warehouse} (warehouses: ${project.warehouses.map((w) => w.name).join(', ')})`);
    }
    const subs = warehouse.subscriptions;
    // Every choice is matched before any request, so a typo costs no registry round trip.
    const chosen = new Map();
    const artifacts = { images: [], charts: [], commits: [] };
    const claim = (sub, flag, given, run) => {
        if (chosen.has(sub)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`${flag} ${given}: ${describeSub(sub)} already has a version in this freight; freight holds one version per subscription`);
        }
        chosen.set(sub, run);
    };
    for (const text of o.images) {
        const { repo, tag } = parseImageChoice(text);
        const key = imageKey(repo);
        const sub = subscriptionFor(project, warehouse.name, subs, 'image', '--image', text, (s) => imageKey(s.image.repoURL) === key);
        claim(sub, '--image', text, async () => {
            const found = await o.sources.image(sub.image, tag);
            if (!found?.digest) {
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OperationError */ .OK(`--image ${text}: ${sub.image.repoURL} has no tag ${tag}${sub.image.platform ? ` for ${sub.image.platform}` : ''}`);
            }
            artifacts.images.push({
                repoURL: (0,_discover_js__WEBPACK_IMPORTED_MODULE_3__.publicURL)(sub.image.repoURL),
                tag,
                digest: found.digest,
                ...(sub.image.name ? { subscriptionName: sub.image.name } : {}),
            });
        });
    }
    for (const text of o.charts) {
        const { chart, version } = parseChartChoice(text);
        const key = (0,_urls_index_js__WEBPACK_IMPORTED_MODULE_5__/* .normalizeChartURL */ .D$)(chart);
        const sub = subscriptionFor(project, warehouse.name, subs, 'chart', '--chart', text, (s) => chartKey(s.chart) === key);
        claim(sub, '--chart', text, async () => {
            const listed = await o.sources.chartVersions(sub.chart);
            if (!listed.some((c) => c.version === version)) {
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OperationError */ .OK(`--chart ${text}: ${describeSub(sub).slice('chart '.length)} lists no version ${version}`);
            }
            artifacts.charts.push({
                repoURL: (0,_discover_js__WEBPACK_IMPORTED_MODULE_3__.publicURL)(sub.chart.repoURL),
                name: sub.chart.name ?? '',
                version,
            });
        });
    }
    for (const given of o.commits) {
        const { repo, ref } = parseCommitChoice(given);
        // A URL with user:password@ is shown without them, as freight records it.
        const text = `${(0,_discover_js__WEBPACK_IMPORTED_MODULE_3__.publicURL)(repo)}@${ref}`;
        const key = (0,_urls_index_js__WEBPACK_IMPORTED_MODULE_5__/* .normalizeGitURL */ .Pn)(repo);
        const sub = subscriptionFor(project, warehouse.name, subs, 'git', '--commit', text, (s) => (0,_urls_index_js__WEBPACK_IMPORTED_MODULE_5__/* .normalizeGitURL */ .Pn)(s.git.repoURL) === key);
        claim(sub, '--commit', text, async () => {
            const c = await o.sources.commit(sub.git, ref);
            artifacts.commits.push({
                repoURL: (0,_discover_js__WEBPACK_IMPORTED_MODULE_3__.publicURL)(sub.git.repoURL),
                id: c.id,
                ...(c.branch ? { branch: c.branch } : {}),
                ...(c.tag ? { tag: c.tag } : {}),
                ...(c.message ? { message: c.message } : {}),
                ...(c.author ? { author: c.author } : {}),
                ...(c.committer ? { committer: c.committer } : {}),
                ...(sub.git.name ? { subscriptionName: sub.git.name } : {}),
            });
        });
    }
    const missing = subs.filter((s) => !chosen.has(s));
    if (missing.length) {
        const flagOf = (s) => s.kind === 'image' ? '--image' : s.kind === 'chart' ? '--chart' : '--commit';
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`freight of warehouse ${warehouse.name} holds one version of each subscription; choose one for ${missing.map((s) => `${describeSub(s)} (${flagOf(s)})`).join(', ')}`);
    }
    // In the warehouse's order, whatever the order of the flags: the freight reads like discovery's.
    for (const sub of subs)
        await chosen.get(sub)?.();
    const order = (list, kind) => {
        const urls = subs
            .filter((s) => s.kind === kind)
            .map((s) => (0,_discover_js__WEBPACK_IMPORTED_MODULE_3__.publicURL)(s.kind === 'image'
            ? s.image.repoURL
            : s.kind === 'chart'
                ? s.chart.repoURL
                : s.git.repoURL));
        return list.sort((a, b) => urls.indexOf(a.repoURL) - urls.indexOf(b.repoURL));
    };
    order(artifacts.images, 'image');
    order(artifacts.charts, 'chart');
    order(artifacts.commits, 'git');
    const origin = { kind: 'Warehouse', name: warehouse.name };
    const id = (0,_freight_id_js__WEBPACK_IMPORTED_MODULE_1__/* .freightId */ .L)(origin, artifacts);
    const snapshot = await o.store.snapshot(project.name);
    const existing = snapshot.freight.find((f) => f.id === id);
    const base = { project: project.name, warehouse: warehouse.name, dryRun: o.dryRun };
    if (existing)
        return { ...base, freight: existing, created: false };
    const freight = {
        id,
        alias: (0,_freight_alias_js__WEBPACK_IMPORTED_MODULE_0__/* .freightAlias */ .E)(id, new Set(snapshot.freight.map((f) => f.alias))),
        origin,
        ...artifacts,
        createdAt: o.clock().toISOString(),
        createdBy: o.createdBy,
    };
    if (o.dryRun)
        return { ...base, freight, created: false };
    const { created } = await o.store.recordFreight(project.name, freight);
    if (created)
        return { ...base, freight, created };
    // Another run recorded the same freight first: what is stored (its alias, its time) wins.
    const stored = (await o.store.snapshot(project.name)).freight.find((f) => f.id === id);
    return { ...base, freight: stored ?? freight, created: false };
}


/***/ }),

/***/ 306:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ discoverProjects)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _app_repo_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5271);
/* harmony import */ var _pipeline_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5785);
/* harmony import */ var _pipeline_parse_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5499);
/**
 * The project a discover job runs. A matrix job names its project, and a project lives in the file
 * of its name: only `.gantry/<project>.yaml` (or `.yml`) is parsed when it declares that project
 * without a problem, so the job costs the same in a repository of 50 projects as alone (parsing
 * and checking every project file grew with their number, a few ms a file). The workflow's list
 * job (`gantry get projects`) has checked every file, and a file gantry cannot read fails it before
 * any discover job starts; checks across files are that list's, not this job's. Without a name,
 * with no such file (or both .yaml and .yml), with a Kargo-format file (it reads a directory of
 * manifests) or a file with a problem, every file is read and problems reported as before.
 */





async function discoverProjects(ctx, name) {
    if (name) {
        const own = await ownFile(ctx, name);
        if (own && !(0,_pipeline_index_js__WEBPACK_IMPORTED_MODULE_3__/* .isKargoFile */ .Rm)(own.text)) {
            const { projects, problems } = await (0,_pipeline_index_js__WEBPACK_IMPORTED_MODULE_3__/* .loadProjectsFromFiles */ .i3)([own]);
            if (!problems.length && projects.length === 1 && projects[0]?.name === name)
                return projects;
        }
    }
    return (0,_app_repo_js__WEBPACK_IMPORTED_MODULE_2__/* .pickProjects */ .o4)(await (0,_app_repo_js__WEBPACK_IMPORTED_MODULE_2__/* .validProjects */ .t1)(ctx), name);
}
/** `.gantry/<name>.yaml` or `.yml`, from the clone's work tree or the remote's default branch. */
async function ownFile(ctx, name) {
    const candidates = [`${_pipeline_index_js__WEBPACK_IMPORTED_MODULE_3__/* .PROJECT_DIR */ .u7}/${name}.yaml`, `${_pipeline_index_js__WEBPACK_IMPORTED_MODULE_3__/* .PROJECT_DIR */ .u7}/${name}.yml`];
    if (!ctx.localDir) {
        const files = await ctx.store.projectFiles();
        const found = files.filter((f) => candidates.includes(f.file));
        return found.length === 1 ? found[0] : undefined;
    }
    const found = [];
    for (const file of candidates) {
        const full = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(ctx.localDir, file);
        const size = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(full).then((s) => (s.isFile() ? s.size : undefined), () => undefined);
        // A file over the cap is the full load's to report.
        if (size === undefined)
            continue;
        if (size > _pipeline_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .PROJECT_FILE_LIMITS */ .Wb.bytes)
            return undefined;
        found.push({ file, text: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(full, 'utf8') });
    }
    return found.length === 1 ? found[0] : undefined;
}


/***/ }),

/***/ 6802:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tj: () => (/* binding */ pipelineGraph),
/* harmony export */   ec: () => (/* binding */ warehouseNode),
/* harmony export */   pO: () => (/* binding */ stageNode)
/* harmony export */ });
const warehouseNode = (name) => `warehouse:${name}`;
const stageNode = (name) => `stage:${name}`;
function pipelineGraph(project) {
    const edges = new Map();
    const addEdge = (from, to, warehouse) => {
        const key = `${from}\n${to}`;
        const e = edges.get(key) ?? { from, to, warehouses: [] };
        if (!e.warehouses.includes(warehouse))
            e.warehouses.push(warehouse);
        edges.set(key, e);
    };
    const stageNames = new Set(project.stages.map((s) => s.name));
    for (const stage of project.stages) {
        for (const req of stage.requestedFreight) {
            if (req.sources.direct)
                addEdge(warehouseNode(req.origin.name), stageNode(stage.name), req.origin.name);
            for (const up of req.sources.stages) {
                if (stageNames.has(up))
                    addEdge(stageNode(up), stageNode(stage.name), req.origin.name);
            }
        }
    }
    const upstream = new Map();
    for (const e of edges.values())
        upstream.set(e.to, [...(upstream.get(e.to) ?? []), e.from]);
    // Longest path from the warehouses; a cycle (which lint refuses) is cut where it closes.
    const layerOf = new Map();
    const visiting = new Set();
    const layer = (id) => {
        const known = layerOf.get(id);
        if (known !== undefined)
            return known;
        if (id.startsWith('warehouse:') || visiting.has(id))
            return 0;
        visiting.add(id);
        const ups = upstream.get(id) ?? [];
        const l = ups.length ? 1 + Math.max(...ups.map(layer)) : 1;
        visiting.delete(id);
        layerOf.set(id, l);
        return l;
    };
    const nodes = [
        ...project.warehouses.map((w) => ({
            id: warehouseNode(w.name),
            kind: 'warehouse',
            name: w.name,
            layer: 0,
            order: 0,
        })),
        ...project.stages.map((s) => ({
            id: stageNode(s.name),
            kind: 'stage',
            name: s.name,
            layer: layer(stageNode(s.name)),
            order: 0,
        })),
    ];
    const layers = Math.max(1, ...nodes.map((n) => n.layer + 1));
    const byLayer = Array.from({ length: layers }, () => []);
    for (const n of nodes)
        byLayer[n.layer]?.push(n);
    // File order, then each column sorted by the mean row of its upstream nodes (the barycentre
    // heuristic, one pass): fewer crossings, and the same input always gives the same picture.
    byLayer.forEach((col) => col.forEach((n, i) => (n.order = i)));
    const rowOf = new Map(nodes.map((n) => [n.id, n]));
    for (const col of byLayer.slice(1)) {
        const weight = (n) => {
            const ups = (upstream.get(n.id) ?? []).map((u) => rowOf.get(u)?.order ?? 0);
            return ups.length ? ups.reduce((a, b) => a + b, 0) / ups.length : n.order;
        };
        const sorted = col
            .map((n) => ({ n, w: weight(n) }))
            .sort((a, b) => a.w - b.w || a.n.order - b.n.order);
        sorted.forEach(({ n }, i) => (n.order = i));
    }
    return { nodes, edges: [...edges.values()], layers };
}


/***/ }),

/***/ 2105:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sy: () => (/* binding */ pipelineSummaryMarkdown),
/* harmony export */   gb: () => (/* binding */ shownHealth),
/* harmony export */   ks: () => (/* binding */ freightMarks)
/* harmony export */ });
/* unused harmony exports HEALTH_ICON, APP_HEALTH_ICON, MARK, mermaidText, pipelineMermaid, freightMatrixMarkdown, stageHealthMarkdown */
/* harmony import */ var _graph_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6802);
/* harmony import */ var _util_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7183);


/** The icon of a stage's verification state in the graph. */
const HEALTH_ICON = {
    verified: '✅',
    'not-verified': '⏳',
    none: '—',
};
/** The icon of a stage's health (Kargo's: a heart, a broken heart, a spinner, a question mark). */
const APP_HEALTH_ICON = {
    Healthy: '💚',
    Progressing: '🔄',
    Unhealthy: '💔',
    Unknown: '❔',
    NotApplicable: '➖',
};
/** A stage's health worth showing: known, and about some application. */
function shownHealth(s) {
    return s.appHealth && s.appHealth.status !== 'NotApplicable' ? s.appHealth : undefined;
}
/** Marks in the freight matrix. */
const MARK = { current: '●', verified: '✓', approved: '✔' };
/**
 * Text inside a quoted Mermaid label: anything but letters, digits and a few plain punctuation
 * marks becomes an entity code (`#34;`), which Mermaid turns back into the character as text, so
 * no quote, bracket, pipe, backtick or tag can end the label or become markup.
 */
function mermaidText(text) {
    return [...text.replace(/[\r\n\t]+/g, ' ')]
        .map((c) => (/^[A-Za-z0-9 ._\-/@,+=()]$/.test(c) ? c : `#${c.codePointAt(0)};`))
        .join('');
}
const CLASS = {
    warehouse: 'gWarehouse',
    verified: 'gVerified',
    'not-verified': 'gNotVerified',
    none: 'gNone',
    held: 'gHeld',
};
function stageLabel(s) {
    const lines = [mermaidText(s.name)];
    const aliases = s.freight.map((f) => mermaidText(f.alias)).join(', ');
    lines.push(aliases ? `${aliases} ${HEALTH_ICON[s.health]}` : HEALTH_ICON.none);
    const health = shownHealth(s);
    if (health)
        lines.push(`${APP_HEALTH_ICON[health.status]} ${health.status}`);
    if (s.hold)
        lines.push('⏸ held');
    return lines.join('<br/>');
}
/**
 * `flowchart LR`: warehouses (cylinders) → stages, following each stage's requestedFreight; each
 * stage shows its name, current freight alias and verification (✅ verified, ⏳ not verified
 * yet, — no freight). Node IDs are generated (w0, s0, …), so names never reach the syntax.
 */
function pipelineMermaid(project, status) {
    const graph = (0,_graph_js__WEBPACK_IMPORTED_MODULE_1__/* .pipelineGraph */ .Tj)(project);
    const ids = new Map();
    project.warehouses.forEach((w, i) => ids.set((0,_graph_js__WEBPACK_IMPORTED_MODULE_1__/* .warehouseNode */ .ec)(w.name), `w${i}`));
    project.stages.forEach((s, i) => ids.set((0,_graph_js__WEBPACK_IMPORTED_MODULE_1__/* .stageNode */ .pO)(s.name), `s${i}`));
    const byStage = new Map(status.stages.map((s) => [s.name, s]));
    const lines = ['flowchart LR'];
    project.warehouses.forEach((w, i) => lines.push(`  w${i}[("${mermaidText(w.name)}")]`));
    const classes = new Map();
    const addClass = (cls, id) => classes.set(cls, [...(classes.get(cls) ?? []), id]);
    project.warehouses.forEach((_, i) => addClass(CLASS.warehouse, `w${i}`));
    project.stages.forEach((stage, i) => {
        const s = byStage.get(stage.name);
        const label = s ? stageLabel(s) : `${mermaidText(stage.name)}<br/>${HEALTH_ICON.none}`;
        lines.push(`  s${i}["${label}"]`);
        addClass(CLASS[s?.health ?? 'none'], `s${i}`);
        if (s?.hold)
            addClass(CLASS.held, `s${i}`);
    });
    const labelled = project.warehouses.length > 1;
    for (const e of graph.edges) {
        const from = ids.get(e.from);
        const to = ids.get(e.to);
        if (!from || !to)
            continue;
        const label = labelled && e.from.startsWith('stage:') ? `|"${mermaidText(e.warehouses.join(', '))}"|` : '';
        lines.push(`  ${from} -->${label} ${to}`);
    }
    lines.push(`  classDef ${CLASS.warehouse} fill:#eef2ff,stroke:#6366f1,color:#1e1b4b`, `  classDef ${CLASS.verified} fill:#dcfce7,stroke:#16a34a,color:#14532d`, `  classDef ${CLASS['not-verified']} fill:#fef9c3,stroke:#ca8a04,color:#713f12`, `  classDef ${CLASS.none} fill:#f3f4f6,stroke:#9ca3af,color:#374151`, `  classDef ${CLASS.held} stroke-dasharray:5 5`);
    for (const cls of Object.values(CLASS)) {
        const members = classes.get(cls);
        if (members?.length)
            lines.push(`  class ${members.join(',')} ${cls}`);
    }
    return lines.join('\n') + '\n';
}
/** The marks of one freight in one stage: ● current, ✓ verified, ✔ approved. */
function freightMarks(f, stage) {
    const marks = [];
    if (stage in f.status.currentlyIn)
        marks.push('current');
    if (stage in f.status.verifiedIn)
        marks.push('verified');
    if (stage in f.status.approvedFor)
        marks.push('approved');
    return marks;
}
/** A freight × stage table, newest freight first: ● current, ✓ verified, ✔ approved. */
function freightMatrixMarkdown(project, status, opts = {}) {
    const limit = opts.limit ?? 10;
    if (!status.freight.length)
        return '_No freight yet._\n';
    const stages = project.stages.map((s) => s.name);
    const rows = status.freight.slice(0, limit);
    const md = (0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdTable */ .gJ)(['freight', 'versions', ...stages.map(_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)], rows.map((f) => [
        `**${(0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(f.alias)}** \`${f.id.slice(0, 7)}\``,
        (0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(f.versions),
        ...stages.map((s) => freightMarks(f, s)
            .map((m) => MARK[m])
            .join(' ')),
    ]), [undefined, undefined, ...stages.map(() => 'center')]);
    md.push('', `${MARK.current} current · ${MARK.verified} verified · ${MARK.approved} approved` +
        (status.freightTotal > rows.length
            ? ` · newest ${rows.length} of ${status.freightTotal} freight`
            : ''));
    return md.join('\n') + '\n';
}
/**
 * Each stage's health with its applications and issues, for the stages whose health is known and
 * about some application; empty when there is none.
 */
function stageHealthMarkdown(status) {
    const rows = status.stages.flatMap((s) => {
        const h = shownHealth(s);
        if (!h)
            return [];
        const apps = h.applications
            .map((a) => `${(0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(a.namespace ? `${a.namespace}/${a.name}` : a.name)}: ${a.status}` +
            (a.health !== undefined
                ? ` (${(0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(`${a.health}, ${a.sync}${a.revision ? ` at ${a.revision}` : ''}`)})`
                : ''))
            .join('<br>');
        const issues = h.issues.map(_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7).join('<br>') || '—';
        return [
            [
                `**${(0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(s.name)}**`,
                `${APP_HEALTH_ICON[h.status]} ${h.status}`,
                apps || '—',
                issues,
            ],
        ];
    });
    if (!rows.length)
        return '';
    return [
        '### Stage health',
        '',
        ...(0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdTable */ .gJ)(['stage', 'health', 'applications', 'issues'], rows),
        '',
    ].join('\n');
}
/** The "Pipeline" section appended to every action's job summary. */
function pipelineSummaryMarkdown(project, status) {
    const health = stageHealthMarkdown(status);
    return [
        `## Pipeline: ${(0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(project.name)}`,
        '',
        '```mermaid',
        pipelineMermaid(project, status).trimEnd(),
        '```',
        '',
        ...(health ? [health] : []),
        freightMatrixMarkdown(project, status),
    ].join('\n');
}


/***/ }),

/***/ 4334:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pO: () => (/* binding */ pipelineStatus)
/* harmony export */ });
/* unused harmony exports DEFAULT_FREIGHT_PAGE, mergeSnapshots, buildStatus */
/* harmony import */ var _views_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9468);
/* harmony import */ var _util_settle_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3053);
/* harmony import */ var _health_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2825);



/** How many freight a status reads when not told: more than a summary or a page shows. */
const DEFAULT_FREIGHT_PAGE = 20;
/**
 * Reads a project's status: the stage tips, the tags of the freight the stages run, a page of the
 * newest freight and, if asked, promotion history. What it costs follows the stages and the page,
 * not the number of freight ever recorded.
 */
async function pipelineStatus(store, project, opts = {}) {
    const limit = opts.freightLimit ?? DEFAULT_FREIGHT_PAGE;
    // Both reads end before this returns or throws: no git process is left writing to the cache.
    const [[states, records], page] = await (0,_util_settle_js__WEBPACK_IMPORTED_MODULE_1__/* .settleAll */ .j)([
        store
            .stageStates(project.name, project.stages)
            .then(async (st) => [st, await store.stageRecords(project.name, st)]),
        store.freightPage(project.name, {
            limit,
            warehouses: project.warehouses.map((w) => w.name),
        }),
    ]);
    const snap = mergeSnapshots(records, page.snap);
    // Argo CD is asked while git reads the history; projectHealth never rejects (an app it
    // cannot read is Unknown), so no git process outlives a failure here.
    const [history, health] = await (0,_util_settle_js__WEBPACK_IMPORTED_MODULE_1__/* .settleAll */ .j)([
        opts.promotions
            ? store
                .stageBranches(project.stages)
                .then((branches) => store.promotions(project.name, branches, opts.promotions))
            : Promise.resolve([]),
        opts.health
            ? (0,_health_index_js__WEBPACK_IMPORTED_MODULE_0__/* .projectHealth */ .S0)(store, project, states, snap.freight, opts.health)
            : Promise.resolve(undefined),
    ]);
    return buildStatus(project, {
        snap,
        states,
        promotions: history,
        ...(health && { health }),
        freightTotal: page.total,
        latest: page.latest,
    }, { ...opts, freightLimit: limit });
}
/** Both reads' records, each once: the stages' current freight and the page may overlap. */
function mergeSnapshots(a, b) {
    const once = (xs, key) => [
        ...new Map(xs.map((x) => [key(x), x])).values(),
    ];
    return {
        freight: once([...a.freight, ...b.freight], (f) => f.id).sort((x, y) => y.createdAt.localeCompare(x.createdAt) || y.id.localeCompare(x.id)),
        verifications: once([...a.verifications, ...b.verifications], (v) => `${v.stage}/${v.freightId}`),
        approvals: once([...a.approvals, ...b.approvals], (r) => `${r.stage}/${r.freightId}`),
        unreadable: once([...(a.unreadable ?? []), ...(b.unreadable ?? [])], (u) => u.tag),
    };
}
/** The status from what was read; pure, for tests and for callers that already hold the reads. */
function buildStatus(project, read, opts = {}) {
    const { snap, states } = read;
    const records = read.promotions ?? [];
    const web = opts.repoWebUrl?.replace(/\/+$/, '');
    const stages = (0,_views_js__WEBPACK_IMPORTED_MODULE_2__/* .stageViews */ .vH)(project, snap, states, read.health).map((v, i) => {
        const stage = project.stages[i];
        const st = states.get(v.name);
        const verifiedAt = {};
        for (const f of v.freight) {
            const rec = snap.verifications.find((r) => r.stage === v.name && r.freightId === f.id);
            if (rec)
                verifiedAt[f.id] = rec.verifiedAt;
        }
        return {
            ...v,
            health: v.verified === undefined ? 'none' : v.verified ? 'verified' : 'not-verified',
            autoPromotion: stage?.autoPromotion ?? false,
            mode: stage?.promotionTemplate.mode ?? 'direct',
            ...(stage?.environmentUrl ? { environmentUrl: stage.environmentUrl } : {}),
            approvedBy: st?.approvedBy ?? [],
            ...(st?.run ? { run: st.run } : {}),
            ...(st?.autoPromotionHold ? { hold: st.autoPromotionHold } : {}),
            verifiedAt,
        };
    });
    const promotedTo = new Map();
    for (const r of records) {
        const list = promotedTo.get(r.freightId) ?? [];
        if (!list.includes(r.stage))
            promotedTo.set(r.freightId, [...list, r.stage]);
    }
    const limit = opts.freightLimit ?? snap.freight.length;
    const freight = (0,_views_js__WEBPACK_IMPORTED_MODULE_2__/* .freightViews */ .w4)(project, snap, states)
        .slice(0, limit)
        .map((f) => ({
        ...f,
        versions: (0,_views_js__WEBPACK_IMPORTED_MODULE_2__/* .versionsOf */ .x4)(f),
        promotedTo: project.stages
            .map((s) => s.name)
            .filter((s) => promotedTo.get(f.id)?.includes(s) || s in f.status.currentlyIn),
    }));
    const promotions = (0,_views_js__WEBPACK_IMPORTED_MODULE_2__/* .promotionViews */ .yS)(records).map((p, i) => ({
        ...p,
        subject: records[i]?.subject ?? '',
        ...(web ? { commitUrl: `${web}/commit/${p.commit}` } : {}),
    }));
    const warehouses = project.warehouses.map((w) => {
        const latest = read.latest
            ? read.latest.get(w.name)
            : snap.freight.find((f) => f.origin.name === w.name);
        return {
            name: w.name,
            subscriptions: w.subscriptions.map((s) => s.kind === 'image'
                ? `image ${s.image.repoURL}`
                : s.kind === 'chart'
                    ? `chart ${s.chart.repoURL}${s.chart.name ? ` ${s.chart.name}` : ''}`
                    : `git ${s.git.repoURL}`),
            ...(latest
                ? { latest: { id: latest.id, alias: latest.alias, createdAt: latest.createdAt } }
                : {}),
        };
    });
    return {
        project: project.name,
        ...(web ? { repoWebUrl: web } : {}),
        warehouses,
        stages,
        freight,
        freightTotal: read.freightTotal ?? snap.freight.length,
        promotions,
    };
}


/***/ })

};
