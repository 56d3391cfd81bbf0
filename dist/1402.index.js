export const id = 1402;
export const ids = [1402];
export const modules = {

/***/ 1402:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   promoteAction: () => (/* binding */ promoteAction)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _promotion_promote_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7920);
/* harmony import */ var _promotion_promote_many_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1097);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var _promotion_resume_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(318);
/* harmony import */ var _promotion_report_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3119);
/* harmony import */ var _promotion_steps_registry_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8517);
/* harmony import */ var _discovery_credentials_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9180);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(17);
/* harmony import */ var _promotion_expr_data_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(675);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(858);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(5577);
/* harmony import */ var _mask_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(2899);
/* harmony import */ var _repo_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(1279);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(6295);

















/** The promote action: settings in; the core; outputs and the job summary out. */
async function promoteAction(s, ctx) {
    // The inputs, when given, say where Argo CD is; else the job's ARGOCD_SERVER and ARGOCD_AUTH_TOKEN.
    const env = {
        ...ctx.env,
        ...(s.argocdServer !== undefined && { ARGOCD_SERVER: s.argocdServer }),
        ...(s.argocdToken !== undefined && { ARGOCD_AUTH_TOKEN: s.argocdToken }),
    };
    // secret() and friends read GANTRY_SECRET_* and the like, which the workflow maps explicitly.
    const expressionData = (0,_promotion_expr_data_js__WEBPACK_IMPORTED_MODULE_11__/* .expressionDataFromEnv */ .iD)(ctx.env);
    // A JSON secret is masked by the runner only whole; each value is masked on its own too, unless
    // it is so short (a username such as "app") that masking it would shred the log (as Redactor).
    for (const v of (0,_promotion_expr_data_js__WEBPACK_IMPORTED_MODULE_11__/* .secretValues */ .VX)(expressionData))
        if (v.length >= 4)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.setSecret(v);
    // oci-download and oci-push use the registries as discovery does: the Docker config (what
    // docker/login-action writes) and the token for ghcr.io; masked as discovery masks them.
    const registryCredentials = (0,_discovery_credentials_js__WEBPACK_IMPORTED_MODULE_9__/* .promotionRegistryCredentials */ .D)({
        dockerConfigPath: ctx.dockerConfigPath,
        githubToken: s.token,
        githubHost: new URL(ctx.serverUrl).host,
    }, _log_js__WEBPACK_IMPORTED_MODULE_13__/* .actionLog */ .Z.warn);
    for (const c of registryCredentials.values())
        (0,_mask_js__WEBPACK_IMPORTED_MODULE_14__/* .maskRegistryCredential */ .Bx)(c);
    const repo = await (0,_repo_js__WEBPACK_IMPORTED_MODULE_15__/* .openActionRepo */ .f2)(s, ctx);
    // The project and the freight named up front: the first fetch brings what the promotion reads.
    if (s.freight !== undefined && s.project !== undefined)
        repo.store.promoteNamedAhead(s.project, s.freight);
    const project = await (0,_repo_js__WEBPACK_IMPORTED_MODULE_15__/* .singleProject */ .W5)(repo, s.project);
    const api = (0,_repo_js__WEBPACK_IMPORTED_MODULE_15__/* .githubApi */ .Mc)(s.repository, s.token, ctx);
    if (s.signCommits && !api) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_10__/* .ConfigError */ .xL('input "sign-commits" needs the GitOps repository on this GitHub server (repository: owner/name) and a token');
    }
    const runApi = (0,_repo_js__WEBPACK_IMPORTED_MODULE_15__/* .githubApi */ .Mc)(ctx.repository, s.token, ctx);
    const github = api && {
        repo: api,
        signCommits: s.signCommits,
        deployments: s.deployments,
    };
    // The environments that gate jobs belong to the repository running this workflow, wherever
    // the GitOps repository is.
    const gate = runApi && ctx.runId !== undefined
        ? { api: runApi, id: ctx.runId, ...(ctx.sha ? { sha: ctx.sha } : {}) }
        : undefined;
    if (ctx.runId !== undefined && !gate) {
        _log_js__WEBPACK_IMPORTED_MODULE_13__/* .actionLog */ .Z.warn(`the gate of stage ${s.stage} was not checked: reading the environment's protection rules needs the token input and GITHUB_REPOSITORY`);
    }
    const options = {
        project,
        freight: s.freight,
        store: repo.store,
        registry: (0,_promotion_steps_registry_js__WEBPACK_IMPORTED_MODULE_8__/* .defaultRegistry */ .V)(),
        mode: s.mode,
        dryRun: s.dryRun,
        promotedBy: ctx.actor ?? 'github-actions',
        run: ctx.runUrl,
        clock: () => new Date(),
        fetch: _log_js__WEBPACK_IMPORTED_MODULE_13__/* .actionLog */ .Z.fetch(),
        log: _log_js__WEBPACK_IMPORTED_MODULE_13__/* .actionLog */ .Z.info,
        group: _log_js__WEBPACK_IMPORTED_MODULE_13__/* .actionLog */ .Z.group,
        env,
        expressionData,
        registryCredentials,
        ...(github ? { github } : {}),
        ...(gate ? { gate } : {}),
    };
    if (s.resumePullRequest !== undefined) {
        if (!github) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_10__/* .ConfigError */ .xL(`input "resume-pull-request" needs the GitOps repository on this GitHub server (repository: owner/name) and a token`);
        }
        const scratch = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_4__.tmpdir)(), 'gantry-resume-'));
        try {
            // The rest of a template that already ran, with the promotion's own settings.
            const { freight: _freight, ...rest } = options;
            const r = await (0,_promotion_resume_js__WEBPACK_IMPORTED_MODULE_6__/* .resumeAfterMerge */ .yA)({ ...rest, github, stage: s.stage, pullRequest: s.resumePullRequest }, scratch);
            _log_js__WEBPACK_IMPORTED_MODULE_13__/* .actionLog */ .Z.info(r.note ??
                `ran the steps after the wait of pull request #${r.pullRequest.number}: ${(r.statuses ?? []).join(', ')}`);
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(_constants_js__WEBPACK_IMPORTED_MODULE_12__/* .Output */ .k7.freight, r.freight?.id ?? '');
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(_constants_js__WEBPACK_IMPORTED_MODULE_12__/* .Output */ .k7.commit, '');
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(_constants_js__WEBPACK_IMPORTED_MODULE_12__/* .Output */ .k7.pullRequestUrl, r.pullRequest.url);
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(_constants_js__WEBPACK_IMPORTED_MODULE_12__/* .Output */ .k7.changed, 'false');
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.rm)(scratch, { recursive: true, force: true });
        }
        return;
    }
    const stages = s.downstreamOf
        ? (0,_promotion_promote_many_js__WEBPACK_IMPORTED_MODULE_2__/* .downstreamStages */ .yb)(project, s.downstreamOf)
        : (s.stages ?? [s.stage]);
    if (stages.length > 1 || s.downstreamOf) {
        await promoteSeveral(s, ctx, repo, project, options, stages, env);
        return;
    }
    const outcome = await (0,_promotion_promote_js__WEBPACK_IMPORTED_MODULE_1__/* .promote */ .p)({ ...options, stage: stages[0] ?? s.stage });
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(_constants_js__WEBPACK_IMPORTED_MODULE_12__/* .Output */ .k7.results, JSON.stringify([resultOf(outcome.stage, outcome)]));
    for (const w of outcome.warnings)
        _log_js__WEBPACK_IMPORTED_MODULE_13__/* .actionLog */ .Z.warn(w);
    const r = outcome.result;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(_constants_js__WEBPACK_IMPORTED_MODULE_12__/* .Output */ .k7.freight, outcome.freight?.id ?? '');
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(_constants_js__WEBPACK_IMPORTED_MODULE_12__/* .Output */ .k7.commit, r && !s.dryRun ? r.commit : '');
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(_constants_js__WEBPACK_IMPORTED_MODULE_12__/* .Output */ .k7.pullRequestUrl, r?.pullRequest?.url ?? '');
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(_constants_js__WEBPACK_IMPORTED_MODULE_12__/* .Output */ .k7.changed, String(Boolean(r?.changed && !s.dryRun)));
    const web = s.repository ? `${ctx.serverUrl}/${s.repository}` : undefined;
    await _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary
        .addRaw((0,_promotion_report_js__WEBPACK_IMPORTED_MODULE_7__/* .promotionMarkdown */ .f)(outcome, { dryRun: s.dryRun, repoWebUrl: web }) + '\n')
        .write();
    await (0,_summary_js__WEBPACK_IMPORTED_MODULE_16__/* .appendPipelineSummary */ .T)(repo, project, _log_js__WEBPACK_IMPORTED_MODULE_13__/* .actionLog */ .Z.warn, { env, fetch: _log_js__WEBPACK_IMPORTED_MODULE_13__/* .actionLog */ .Z.fetch() });
}
/** One stage's result as the `results` output lists it. */
function resultOf(stage, o, error) {
    return {
        stage,
        freight: o?.freight?.id ?? '',
        commit: o?.result?.commit ?? '',
        changed: Boolean(o?.result?.changed),
        ...(o?.result?.pullRequest ? { pullRequestUrl: o.result.pullRequest.url } : {}),
        ...(error !== undefined ? { error } : {}),
    };
}
/**
 * Several stages (`stage: a,b`, `downstream-of`): each promoted in turn with its own gates; the
 * outputs and summary cover every stage, and the step fails after writing them when any failed.
 */
async function promoteSeveral(s, ctx, repo, project, options, stages, env) {
    const freight = options.freight ??
        (s.downstreamOf ? await (0,_promotion_promote_many_js__WEBPACK_IMPORTED_MODULE_2__/* .upstreamFreight */ .v2)(options, s.downstreamOf) : undefined);
    const results = await (0,_promotion_promote_many_js__WEBPACK_IMPORTED_MODULE_2__/* .promoteMany */ .uS)({ ...options, ...(freight ? { freight } : {}) }, stages);
    for (const r of results)
        for (const w of r.outcome?.warnings ?? [])
            _log_js__WEBPACK_IMPORTED_MODULE_13__/* .actionLog */ .Z.warn(w);
    const ids = new Set(results.map((r) => r.outcome?.freight?.id).filter(Boolean));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(_constants_js__WEBPACK_IMPORTED_MODULE_12__/* .Output */ .k7.freight, ids.size === 1 ? [...ids][0] : '');
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(_constants_js__WEBPACK_IMPORTED_MODULE_12__/* .Output */ .k7.commit, '');
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(_constants_js__WEBPACK_IMPORTED_MODULE_12__/* .Output */ .k7.pullRequestUrl, '');
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(_constants_js__WEBPACK_IMPORTED_MODULE_12__/* .Output */ .k7.changed, String(!s.dryRun && results.some((r) => r.outcome?.result?.changed)));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(_constants_js__WEBPACK_IMPORTED_MODULE_12__/* .Output */ .k7.results, JSON.stringify(results.map((r) => resultOf(r.stage, r.outcome, r.error))));
    const web = s.repository ? `${ctx.serverUrl}/${s.repository}` : undefined;
    const parts = results.map((r) => r.outcome
        ? (0,_promotion_report_js__WEBPACK_IMPORTED_MODULE_7__/* .promotionMarkdown */ .f)(r.outcome, { dryRun: s.dryRun, repoWebUrl: web })
        : `### ${r.stage}: not promoted\n\n${r.error ?? ''}\n`);
    await _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary.addRaw(parts.join('\n') + '\n').write();
    await (0,_summary_js__WEBPACK_IMPORTED_MODULE_16__/* .appendPipelineSummary */ .T)(repo, project, _log_js__WEBPACK_IMPORTED_MODULE_13__/* .actionLog */ .Z.warn, { env, fetch: _log_js__WEBPACK_IMPORTED_MODULE_13__/* .actionLog */ .Z.fetch() });
    const failed = results.filter((r) => r.error);
    if (failed.length) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_10__/* .OperationError */ .OK(`${failed.length} of ${results.length} stages were not promoted: ${failed.map((r) => `${r.stage} (${r.error ?? ''})`).join('; ')}`);
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
