export const id = 2868;
export const ids = [2868];
export const modules = {

/***/ 5581:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   getCommand: () => (/* binding */ getCommand)
/* harmony export */ });
/* harmony import */ var _pipeline_discover_matrix_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4389);
/* harmony import */ var _freight_order_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(1447);
/* harmony import */ var _util_settle_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(3053);
/* harmony import */ var _util_suggest_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7406);
/* harmony import */ var _util_table_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3060);
/* harmony import */ var _health_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2825);
/* harmony import */ var _app_repo_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5271);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);
/* harmony import */ var _status_views_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9468);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1604);
/* harmony import */ var _shared_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1145);











const GET_KINDS = ['stages', 'freight', 'promotions', 'warehouses', 'projects'];
const getCommand = {
    name: 'get',
    summary: 'list the stages, the freight, the latest promotions, the warehouses or the projects',
    positional: GET_KINDS.join('|'),
    flags: [
        _shared_js__WEBPACK_IMPORTED_MODULE_4__/* .PROJECT_FLAG */ .rj,
        _shared_js__WEBPACK_IMPORTED_MODULE_4__/* .OUTPUT_FLAG */ .Pm,
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
        {
            name: 'split-over',
            type: 'string',
            value: 'N',
            default: String(_pipeline_discover_matrix_js__WEBPACK_IMPORTED_MODULE_5__/* .SPLIT_OVER */ .y),
            help: 'get projects: in the JSON matrix, a project with more than N warehouses gets one job per warehouse',
        },
        _shared_js__WEBPACK_IMPORTED_MODULE_4__/* .REPO_FLAG */ .a8,
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
        const output = (0,_shared_js__WEBPACK_IMPORTED_MODULE_4__/* .outputOf */ .jH)(args, 'get');
        const rest = args.positionals;
        const kind = rest[0];
        if (!kind || !GET_KINDS.includes(kind) || rest.length > 1) {
            const hint = kind ? (0,_util_suggest_js__WEBPACK_IMPORTED_MODULE_6__/* .suggest */ .ZA)(kind, [...GET_KINDS]) : undefined;
            throw new _io_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`get needs one of ${GET_KINDS.join(', ')}${kind ? `, not "${rest.join(' ')}"` : ''}${hint ? ` (did you mean "${hint}"?)` : ''}`, 'get');
        }
        if (kind === 'projects') {
            const splitText = args.string('split-over') ?? String(_pipeline_discover_matrix_js__WEBPACK_IMPORTED_MODULE_5__/* .SPLIT_OVER */ .y);
            const splitOver = Number(splitText);
            if (!Number.isInteger(splitOver) || splitOver < 0)
                throw new _io_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`--split-over must be a whole number of warehouses, not "${splitText}"`, 'get');
            ctx.io.out(await getProjects((0,_shared_js__WEBPACK_IMPORTED_MODULE_4__/* .repoSettings */ .s9)(args, ctx), args.string('project'), output, splitOver));
            return _io_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .d.ok;
        }
        const limitText = args.string('limit');
        const limit = Number(limitText);
        if (!Number.isInteger(limit) || limit < 1)
            throw new _io_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`--limit must be a positive integer, not "${limitText}"`, 'get');
        const all = args.boolean('all');
        if (all && kind !== 'freight')
            throw new _io_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`--all is for get freight, not get ${kind}`, 'get');
        const repo = await (0,_app_repo_js__WEBPACK_IMPORTED_MODULE_1__/* .openRepo */ .B8)((0,_shared_js__WEBPACK_IMPORTED_MODULE_4__/* .repoSettings */ .s9)(args, ctx));
        // The page's tag listing needs only the remote: it runs while the project files are read.
        // The freight indexes come with the first fetch, which names the default branch.
        if (kind === 'freight' && !all) {
            repo.store.listTagsAhead(args.string('project'));
            repo.store.fetchIndexesAhead();
        }
        else if (kind === 'freight')
            repo.store.listTagsAhead(args.string('project'));
        // The stages' tags are fetched as soon as the state files are read, while the project files
        // are parsed.
        if (kind === 'stages')
            repo.store.fetchStageRecordsAhead(args.string('project'));
        const projects = await (0,_app_repo_js__WEBPACK_IMPORTED_MODULE_1__/* .selectProjects */ .hX)(repo, args.string('project'));
        const page = { limit: all ? Infinity : limit, shown: 0, total: 0 };
        ctx.io.out(await get(kind, repo, projects, output, page, ctx.now(), {
            env: ctx.io.env,
            fetch,
        }));
        if (kind === 'freight' && page.total > page.shown)
            ctx.later.push(`the newest ${page.shown} of ${page.total} freight; --limit N or --all for more\n`);
        return _io_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .d.ok;
    },
};
/**
 * The projects, from the work tree when `--repo` is a clone (with or without a remote, as lint
 * reads it) or from the remote's default branch: what a workflow fans out over, before any state
 * is read.
 */
async function getProjects(settings, name, output, splitOver) {
    let source;
    try {
        source = await (0,_app_repo_js__WEBPACK_IMPORTED_MODULE_1__/* .openRepo */ .B8)(settings);
    }
    catch (err) {
        if (!(err instanceof _app_repo_js__WEBPACK_IMPORTED_MODULE_1__/* .NoRemoteError */ .Uw))
            throw err;
        source = { localDir: err.localDir };
    }
    const { projects: all, problems } = await (0,_app_repo_js__WEBPACK_IMPORTED_MODULE_1__/* .loadProjects */ .RT)(source);
    if (problems.length)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL('the project files have problems (run gantry lint):', problems);
    const projects = (0,_app_repo_js__WEBPACK_IMPORTED_MODULE_1__/* .pickProjects */ .o4)(all, name).map((p) => ({
        name: p.name,
        file: p.file,
        stages: p.stages.map((s) => s.name),
        warehouses: p.warehouses.map((w) => w.name),
    }));
    if (output === 'json')
        return (JSON.stringify({ projects, matrix: (0,_pipeline_discover_matrix_js__WEBPACK_IMPORTED_MODULE_5__/* .discoverMatrix */ .Z)(projects, splitOver) }, null, 2) + '\n');
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
        // Discovery's module is large; only this view needs it (for its URL rule).
        const { publicURL } = await Promise.all(/* import() */[__webpack_require__.e(4883), __webpack_require__.e(1324)]).then(__webpack_require__.bind(__webpack_require__, 4883));
        const rows = [];
        for (const p of projects)
            rows.push(...warehouseViews(p, (await ctx.store.snapshot(p.name)).freight, publicURL));
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
            const appHealth = await (0,_health_index_js__WEBPACK_IMPORTED_MODULE_0__/* .projectHealth */ .S0)(ctx.store, p, states, snap.freight, health);
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
        const showHealth = projects.some((p) => p.stages.some(_health_index_js__WEBPACK_IMPORTED_MODULE_0__/* .stageNamesApps */ .$E));
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
function warehouseViews(p, freight, publicURL) {
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
                    repoURL: publicURL(body.repoURL),
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

/***/ 4389:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ discoverMatrix),
/* harmony export */   y: () => (/* binding */ SPLIT_OVER)
/* harmony export */ });
/**
 * The discover workflow's job matrix (`gantry get projects --output json`, key `matrix`): one job
 * per project, and one per warehouse for a project with more than `splitOver` warehouses.
 *
 * Inside one job a project's warehouses are already queried at once, so a job takes about as long
 * as its slowest warehouse; splitting pays only when a project has so many warehouses that one
 * runner's requests (16 at a time per registry) and CPU hold them up, and it costs a runner start
 * per job. Hence a high default. Each entry's `name` is unique in the matrix and is the job's
 * concurrency group: jobs of two projects, or of two warehouses of one project, never wait for
 * each other (freight of one project written by two jobs at once both lands: the second push
 * finds the freight index moved and records again on the new tip).
 */
/** More warehouses than this and a project's discovery runs as one job per warehouse. */
const SPLIT_OVER = 10;
function discoverMatrix(projects, splitOver = SPLIT_OVER) {
    const include = projects.flatMap((p) => p.warehouses.length > splitOver
        ? p.warehouses.map((w) => ({ name: `${p.name}/${w}`, project: p.name, warehouse: w }))
        : [{ name: p.name, project: p.name, warehouse: '' }]);
    return { include };
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

/***/ 3060:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ age),
/* harmony export */   t: () => (/* binding */ table)
/* harmony export */ });
/** Plain aligned columns, as `kubectl get` and `kargo get` print them. */
function table(headers, rows) {
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells) => cells
        .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
        .join('   ')
        .trimEnd();
    return [line(headers), ...rows.map(line)].join('\n') + '\n';
}
/** Age in kubectl's style: 45s, 12m, 5h, 3d. */
function age(iso, now) {
    if (!iso)
        return '';
    const s = Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / 1000));
    if (s < 120)
        return `${s}s`;
    if (s < 7200)
        return `${Math.floor(s / 60)}m`;
    if (s < 172800)
        return `${Math.floor(s / 3600)}h`;
    return `${Math.floor(s / 86400)}d`;
}


/***/ })

};
