export const id = 2596;
export const ids = [2596];
export const modules = {

/***/ 2825:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  S0: () => (/* reexport */ projectHealth),
  $E: () => (/* reexport */ stageNamesApps)
});

// UNUSED EXPORTS: HEALTH_REQUEST_TIMEOUT_MS, HEALTH_STATUSES, assessAppHealth, mergeHealth, readStageHealth, stageHealthOf

// EXTERNAL MODULE: ./src/verification/providers/argocd.ts
var argocd = __webpack_require__(8246);
;// CONCATENATED MODULE: ./src/health/assess.ts
/**
 * Stage health as Kargo reports it (Stage `status.health`): one of five states, the issues that
 * explain it, and the Argo CD Applications it was read from. Kargo's controller builds it from
 * the health checks its `argocd-update` steps registered; its argocd checker
 * (pkg/health/checker/builtin/argocd.go) decides each Application and the worst one wins. This
 * file is that decision, pure; ./read.ts finds the apps and reads them.
 */

const HEALTH_STATUSES = (/* unused pure expression or super */ null && ([
    'Healthy',
    'NotApplicable',
    'Progressing',
    'Unknown',
    'Unhealthy',
]));
/** Kargo's severity order: merging two states keeps the more severe. */
const SEVERITY = {
    Healthy: 0,
    NotApplicable: 1,
    Progressing: 2,
    Unknown: 3,
    Unhealthy: 4,
};
function mergeHealth(a, b) {
    return SEVERITY[a] > SEVERITY[b] ? a : b;
}
const FAILED_PHASES = new Set(['Failed', 'Error']);
/** Kargo reads these conditions as "the health status cannot be trusted: Unhealthy". */
const ERROR_CONDITIONS = new Set(['ComparisonError', 'InvalidSpecError']);
const nonEmpty = (xs) => (xs ?? []).filter((x) => typeof x === 'string' && x !== '');
const shortList = (xs) => xs.map(argocd/* short */.h0).join(',');
/**
 * The desired revision of each source of `app`, '' where not known, from a step's source
 * updates (Kargo's getDesiredRevisions).
 */
function desiredPerSource(app, wanted) {
    const specSources = app.spec?.sources?.length
        ? app.spec.sources
        : app.spec?.source
            ? [app.spec.source]
            : [];
    return specSources.map((src) => wanted.sources.find((u) => (0,argocd/* sourceMatches */.x8)(u, src))?.desiredRevision ?? '');
}
/**
 * Decides one Application the way Kargo's argocd checker does, in its order:
 * 1. health assessed before the last sync finished (reconciledAt < operationState.finishedAt):
 *    Unknown, the status is not trusted yet;
 * 2. a ComparisonError or InvalidSpecError condition: Unhealthy;
 * 3. when a revision is wanted: a sync requested or running, or none ever finished: Unknown
 *    ("being synced"); synced to another revision: Unhealthy;
 * 4. health: Healthy → Healthy; Progressing, Suspended or none yet → Progressing; Degraded,
 *    Missing, Unknown → Unhealthy.
 * One addition, because Argo CD's sync revision is the revision it compared with, not the one it
 * deployed: a last sync that ended Failed or Error (for the wanted revision, when one is wanted)
 * is Unhealthy, where Kargo would look only at the health of what is still running.
 */
function assessAppHealth(ref, app, wanted) {
    const status = app.status ?? {};
    const sync = status.sync?.status || 'Unknown';
    const revisions = nonEmpty(status.sync?.revisions).length
        ? nonEmpty(status.sync?.revisions)
        : nonEmpty([status.sync?.revision]);
    const health = status.health?.status ?? '';
    const op = status.operationState;
    const label = ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
    const wantedList = wanted === undefined
        ? []
        : 'revision' in wanted
            ? nonEmpty([wanted.revision])
            : nonEmpty(desiredPerSource(app, wanted));
    const base = {
        name: ref.name,
        ...(ref.namespace !== undefined && { namespace: ref.namespace }),
        health: health || 'Unknown',
        sync,
        ...(revisions.length && { revision: shortList(revisions) }),
        ...(wantedList.length && { wanted: shortList(wantedList) }),
    };
    const out = (s, issue) => ({
        ...base,
        status: s,
        issues: issue ? [issue] : [],
    });
    const why = (text) => (text?.trim() ? `: ${(0,argocd/* oneLine */.TN)(text)}` : '');
    const finished = op?.finishedAt ? Date.parse(op.finishedAt) : NaN;
    const reconciled = status.reconciledAt ? Date.parse(status.reconciledAt) : NaN;
    if (!Number.isNaN(finished) && (Number.isNaN(reconciled) || reconciled < finished)) {
        return out('Unknown', `${label}: Argo CD has not reassessed it since its last sync finished; its health is not trusted yet`);
    }
    const conditions = (status.conditions ?? []).filter((c) => ERROR_CONDITIONS.has(c?.type ?? ''));
    if (conditions.length) {
        return {
            ...base,
            status: 'Unhealthy',
            issues: conditions.map((c) => `${label}: ${c.type}${why(c.message)}`),
        };
    }
    const opRevisions = nonEmpty([
        ...(op?.syncResult?.revisions ?? []),
        op?.syncResult?.revision,
        ...(op?.operation?.sync?.revisions ?? []),
        op?.operation?.sync?.revision,
    ]);
    if (wantedList.length) {
        if (app.operation?.sync !== undefined || op === undefined || !op.finishedAt) {
            return out('Unknown', `${label}: being synced`);
        }
    }
    const opForWanted = !wantedList.length || opRevisions.some((r) => wantedList.some((w) => (0,argocd/* sameRevision */.Y6)(r, w)));
    if (op?.finishedAt && FAILED_PHASES.has(op.phase ?? '') && opForWanted) {
        const to = opRevisions.find(argocd/* isSha */.HH) ?? opRevisions[0];
        return out('Unhealthy', `${label}: sync${to ? ` to ${(0,argocd/* short */.h0)(to)}` : ''} ${op.phase}${why(op.message)}`);
    }
    if (wanted !== undefined && wantedList.length) {
        let mismatch;
        if ('revision' in wanted) {
            if (!revisions.some((r) => (0,argocd/* sameRevision */.Y6)(r, wanted.revision))) {
                mismatch = `synced to ${revisions.length ? shortList(revisions) : 'no revision'}, not ${(0,argocd/* short */.h0)(wanted.revision)}`;
            }
        }
        else {
            const desired = desiredPerSource(app, wanted);
            if (desired.length !== revisions.length) {
                return out('Unknown', `${label}: has ${desired.length} sources but reports ${revisions.length} revisions`);
            }
            const off = desired
                .map((d, i) => ({ d, got: revisions[i] ?? '', i }))
                .filter(({ d, got }) => d !== '' && !(0,argocd/* sameRevision */.Y6)(got, d));
            if (off.length) {
                mismatch = off
                    .map(({ d, got, i }) => `source ${i} synced to ${(0,argocd/* short */.h0)(got) || 'no revision'}, not ${(0,argocd/* short */.h0)(d)}`)
                    .join('; ');
            }
        }
        if (mismatch)
            return out('Unhealthy', `${label}: ${mismatch}`);
    }
    switch (health) {
        case 'Healthy':
            return out('Healthy');
        case '':
        case 'Progressing':
            return out('Progressing', `${label}: Progressing${why(status.health?.message)}`);
        case 'Suspended':
            // Kargo counts a suspended app as progressing until it is resumed (akuity/kargo#2216).
            return out('Progressing', `${label}: Suspended${why(status.health?.message)}`);
        default:
            return out('Unhealthy', `${label}: ${health}${why(status.health?.message)}`);
    }
}
/** Kargo's aggregation: the most severe app wins; no app at all: NotApplicable. */
function stageHealthOf(apps, extraIssues = []) {
    let status = apps.length ? 'Healthy' : 'NotApplicable';
    for (const a of apps)
        status = mergeHealth(status, a.status);
    if (extraIssues.length)
        status = mergeHealth(status, 'Unknown');
    return {
        status,
        issues: [...apps.flatMap((a) => a.issues), ...extraIssues],
        applications: apps,
    };
}
/** An app that could not be read: Unknown, with the reason. */
function unreadableApp(ref, reason) {
    return {
        name: ref.name,
        ...(ref.namespace !== undefined && { namespace: ref.namespace }),
        status: 'Unknown',
        issues: [reason],
    };
}

// EXTERNAL MODULE: ./src/expr/index.ts + 13 modules
var expr = __webpack_require__(1750);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/verification/templates.ts
var templates = __webpack_require__(8640);
;// CONCATENATED MODULE: ./src/health/read.ts





const HEALTH_REQUEST_TIMEOUT_MS = 10_000;
const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const literal = (v) => typeof v === 'string' && v.trim() !== '' && !(0,expr/* hasExpression */.xS)(v) ? v.trim() : undefined;
/**
 * `outputs.<alias>.commit` (or `task.outputs…`, `outputs['<alias>'].commit`) of a git-commit
 * step of the template: Kargo's usual `desiredRevision`, the commit the promotion pushed.
 */
const COMMIT_OUTPUT = /^\$\{\{\s*(?:task\.)?outputs(?:\.([A-Za-z_][\w-]*)|\[\s*['"]([^'"]+)['"]\s*\])\.commit\s*\}\}$/;
/**
 * `argocd-update` steps' apps with a literal name (Kargo's `apps[].name`, `namespace`,
 * `sources`). A source's `desiredRevision` counts when it is written out, or when it is the
 * commit a git-commit step of the template made: that commit is what the promotion pushed to the
 * stage's branch, so its tip (`commit`) stands for it, as the revision Kargo's step registered.
 */
function stepApps(stage, commit) {
    const out = [];
    const steps = stage.promotionTemplate.steps;
    const commitAliases = new Set(steps.flatMap((s, i) => (s.uses === 'git-commit' ? [s.as ?? `step-${i}`] : [])));
    const revisionOf = (v) => {
        const lit = literal(v);
        if (lit !== undefined || typeof v !== 'string')
            return lit;
        const m = COMMIT_OUTPUT.exec(v.trim());
        const alias = m?.[1] ?? m?.[2];
        return alias !== undefined && commitAliases.has(alias) ? commit : undefined;
    };
    for (const step of steps) {
        if (step.uses !== 'argocd-update' || !Array.isArray(step.config.apps))
            continue;
        for (const app of step.config.apps) {
            if (!isRecord(app))
                continue;
            const name = literal(app.name);
            // A name from an expression, or a selector: only the promotion knows which apps it was.
            if (!name)
                continue;
            const namespace = literal(app.namespace);
            const sources = (Array.isArray(app.sources) ? app.sources : [])
                .filter(isRecord)
                .map((s) => ({
                repoURL: literal(s.repoURL),
                chart: literal(s.chart),
                desiredRevision: revisionOf(s.desiredRevision),
            }))
                .filter((s) => s.repoURL !== undefined && s.desiredRevision !== undefined)
                .map((s) => ({
                repoURL: s.repoURL,
                ...(s.chart !== undefined && { chart: s.chart }),
                desiredRevision: s.desiredRevision,
            }));
            out.push({
                ref: { name, ...(namespace !== undefined && { namespace }) },
                ...(sources.length && { wanted: { sources } }),
            });
        }
    }
    return out;
}
/** Does the stage name any Argo CD Application (so that its health can be more than NotApplicable)? */
function stageNamesApps(stage) {
    return (stage.verification.some((m) => m.provider.name === 'argocd') ||
        stepApps(stage, undefined).length > 0);
}
const key = (ref) => `${ref.namespace ?? ''}/${ref.name}`;
/** The apps a stage names, with where to ask about each; problems that name no app apart. */
function targetsOf(input, settings, secrets) {
    const { stage, state } = input;
    const cap = settings.requestTimeoutMs ?? HEALTH_REQUEST_TIMEOUT_MS;
    const issues = [];
    const targets = new Map();
    const current = (state?.freight ?? [])
        .map((c) => input.freight.find((f) => f.id === c.id))
        .filter((f) => f !== undefined);
    const first = state?.freight[0];
    const env = { ...settings.env };
    const ctx = { env, secret: (v) => void secrets.push(v) };
    let fallback;
    const connect = (config) => {
        if (!config.server && !settings.env.ARGOCD_SERVER?.trim())
            return {};
        try {
            const { server, token } = (0,argocd/* resolveConnection */.XC)(config, ctx);
            return { server, token };
        }
        catch (err) {
            return { problem: (0,errors/* errorMessage */.gJ)(err) };
        }
    };
    stage.verification.forEach((metric) => {
        if (metric.provider.name !== 'argocd')
            return;
        const where = `verification metric "${metric.name}"`;
        let config;
        try {
            const rendered = (0,templates/* renderMetric */.hU)(where, (0,templates/* metricParts */.Z)(metric), {
                project: input.project,
                stage: stage.name,
                freightId: first?.id ?? '',
                freightAlias: first?.alias ?? '',
                ...(input.commit !== undefined && { commit: input.commit }),
            }, env, { functions: (0,expr/* freightFunctions */.L$)(current) });
            secrets.push(...rendered.secrets);
            config = argocd/* argocd */.ZF.parse(rendered.config, where);
        }
        catch (err) {
            issues.push(`${where}: ${(0,errors/* errorMessage */.gJ)(err)}`);
            return;
        }
        const wantedRevision = config.revision === undefined ? input.commit : config.revision || undefined;
        const { server, token, problem } = connect(config);
        const connection = server && token
            ? {
                server,
                token,
                insecure: config.insecure,
                requestTimeoutMs: Math.min(config.requestTimeoutMs, cap),
                ...(config.refresh && { refresh: config.refresh }),
            }
            : undefined;
        fallback ??= connection;
        for (const ref of config.applications) {
            if (targets.has(key(ref)))
                continue;
            targets.set(key(ref), {
                ref,
                ...(wantedRevision !== undefined && { wanted: { revision: wantedRevision } }),
                ...(connection && { connection }),
                ...(problem !== undefined && { problem }),
            });
        }
    });
    const fromEnv = connect({});
    const stepConnection = fromEnv.server && fromEnv.token
        ? { server: fromEnv.server, token: fromEnv.token, insecure: false, requestTimeoutMs: cap }
        : fallback;
    for (const app of stepApps(stage, input.commit)) {
        if (targets.has(key(app.ref)))
            continue;
        targets.set(key(app.ref), {
            ...app,
            ...(stepConnection && { connection: stepConnection }),
            ...(!stepConnection && fromEnv.problem !== undefined && { problem: fromEnv.problem }),
        });
    }
    return { targets: [...targets.values()], issues };
}
/**
 * The health of each stage (by name): undefined for a stage that runs no freight (Kargo has no
 * health for it either) and for one whose apps are on no configured Argo CD; NotApplicable for
 * a stage that names no app.
 */
async function readStageHealth(inputs, settings) {
    const secrets = [];
    const plans = inputs.map((input) => {
        if (!input.state?.freight.length)
            return undefined;
        return targetsOf(input, settings, secrets);
    });
    // undici is loaded only for this: every `get stages` reads health, few talk to Argo CD insecurely.
    const insecure = plans.some((p) => p?.targets.some((t) => t.connection?.insecure))
        ? new (await __webpack_require__.e(/* import() */ 6752).then(__webpack_require__.t.bind(__webpack_require__, 4371, 19))).Agent({ connect: { rejectUnauthorized: false } })
        : undefined;
    // Nothing cancels a read as a whole: each request ends by its own timeout.
    const never = new AbortController().signal;
    try {
        const reports = await Promise.all(plans.map(async (plan) => {
            if (!plan)
                return undefined;
            const asked = plan.targets.filter((t) => t.connection || t.problem !== undefined);
            if (plan.targets.length && !asked.length && !plan.issues.length)
                return undefined;
            const apps = await Promise.all(asked.map(async (t) => {
                if (!t.connection)
                    return unreadableApp(t.ref, t.problem ?? 'no Argo CD server');
                const c = t.connection;
                try {
                    const app = await (0,argocd/* getApplication */.Di)({ fetch: settings.fetch, signal: never }, { requestTimeoutMs: c.requestTimeoutMs, ...(c.refresh && { refresh: c.refresh }) }, c.server, c.token, t.ref, c.insecure ? insecure : undefined);
                    return assessAppHealth(t.ref, app, t.wanted);
                }
                catch (err) {
                    return unreadableApp(t.ref, (0,errors/* errorMessage */.gJ)(err));
                }
            }));
            const skipped = plan.targets.length - asked.length;
            const extra = skipped
                ? [`${skipped} application(s) not checked: no Argo CD server is configured for them`]
                : [];
            return stageHealthOf(apps, [...plan.issues, ...extra]);
        }));
        const out = new Map();
        inputs.forEach((input, i) => out.set(input.stage.name, clean(reports[i], secrets)));
        return out;
    }
    finally {
        await insecure?.close();
    }
}
/** No token or templated secret in what is shown. */
function clean(report, secrets) {
    if (!report || !secrets.length)
        return report;
    const s = (text) => (0,argocd/* scrub */._I)(text, secrets);
    return {
        ...report,
        issues: report.issues.map(s),
        applications: report.applications.map((a) => ({ ...a, issues: a.issues.map(s) })),
    };
}
/**
 * The health of each stage of a project, from what the caller has read already (the snapshot's
 * freight and the stage states); the revision each stage runs is its branch's tip, which
 * reading the states has fetched.
 */
async function projectHealth(store, project, states, freight, settings) {
    const failed = new Map();
    const inputs = await Promise.all(project.stages.map(async (stage) => {
        const state = states.get(stage.name);
        let commit;
        // Only stages that name apps compare revisions; the tips are known from reading the states.
        if (state?.freight.length && stageNamesApps(stage)) {
            try {
                commit = await store.branchTip(stage.branch);
            }
            catch (err) {
                failed.set(stage.name, stageHealthOf([], [`cannot read the stage's branch: ${(0,errors/* errorMessage */.gJ)(err)}`]));
            }
        }
        return {
            project: project.name,
            stage,
            state,
            ...(commit !== undefined && { commit }),
            freight,
        };
    }));
    const read = await readStageHealth(inputs.filter((i) => !failed.has(i.stage.name)), settings);
    return new Map(project.stages.map((s) => [s.name, failed.get(s.name) ?? read.get(s.name)]));
}

;// CONCATENATED MODULE: ./src/health/index.ts
/** Stage health, Kargo's way: from the Argo CD Applications a stage names (docs/verify.md). */




/***/ }),

/***/ 9468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   vH: () => (/* binding */ stageViews),
/* harmony export */   w4: () => (/* binding */ freightViews),
/* harmony export */   x4: () => (/* binding */ versionsOf),
/* harmony export */   yS: () => (/* binding */ promotionViews)
/* harmony export */ });
function stageViews(project, snap, states, health) {
    const verified = new Set(snap.verifications.map((v) => `${v.stage}/${v.freightId}`));
    return project.stages.map((stage) => {
        const st = states.get(stage.name);
        // The alias as it is now: set-freight-alias may have changed it since the state was written.
        const freight = (st?.freight ?? []).map((f) => {
            const alias = snap.freight.find((x) => x.id === f.id)?.alias;
            return alias === undefined || alias === f.alias ? f : { ...f, alias };
        });
        return {
            project: project.name,
            name: stage.name,
            branch: stage.branch,
            environment: stage.environment,
            freight,
            verified: freight.length
                ? freight.every((f) => verified.has(`${stage.name}/${f.id}`))
                : undefined,
            promotedAt: st?.promotedAt,
            promotedBy: st?.promotedBy,
            ...(st?.metadata ? { metadata: st.metadata } : {}),
            ...(health?.get(stage.name) && { appHealth: health.get(stage.name) }),
        };
    });
}
function freightViews(project, snap, states) {
    const current = new Map();
    for (const [stage, st] of states) {
        for (const f of st?.freight ?? [])
            current.set(f.id, [...(current.get(f.id) ?? []), stage]);
    }
    return snap.freight.map((f) => ({
        ...f,
        project: project.name,
        status: {
            currentlyIn: Object.fromEntries((current.get(f.id) ?? []).map((s) => [s, {}])),
            verifiedIn: Object.fromEntries(snap.verifications
                .filter((v) => v.freightId === f.id)
                .map((v) => [v.stage, { verifiedAt: v.verifiedAt }])),
            approvedFor: Object.fromEntries(snap.approvals
                .filter((a) => a.freightId === f.id)
                .map((a) => [a.stage, { approvedAt: a.approvedAt, approvedBy: a.approvedBy }])),
            ...(snap.freightMetadata?.[f.id] ? { metadata: snap.freightMetadata[f.id] } : {}),
        },
    }));
}
function promotionViews(records) {
    return records.map((r) => ({
        project: r.project,
        stage: r.stage,
        freight: { id: r.freightId, alias: r.alias },
        commit: r.commit,
        branch: r.branch,
        promotedBy: r.promotedBy,
        promotedAt: r.promotedAt,
        approvedBy: r.approvedBy,
        run: r.run,
    }));
}
/** `1.2.3`, `chart 2.0.0`, `abc1234`: the versions of a freight, short, for tables. */
function versionsOf(f) {
    const parts = [
        ...f.images.map((i) => `${lastSegment(i.repoURL)}:${i.tag || i.digest.slice(0, 19)}`),
        ...f.charts.map((c) => `${c.name || lastSegment(c.repoURL)}@${c.version}`),
        ...f.commits.map((c) => `${lastSegment(c.repoURL)}#${c.tag ?? c.id.slice(0, 7)}`),
    ];
    return parts.join(', ');
}
const lastSegment = (url) => url
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
    .split('/')
    .pop() ?? url;


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
