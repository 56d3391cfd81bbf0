export const id = 2065;
export const ids = [2065];
export const modules = {

/***/ 2065:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   approveAction: () => (/* binding */ approveAction)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _promotion_approve_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2732);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(858);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5577);
/* harmony import */ var _repo_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1279);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6295);






/** `command: approve`: records an approval tag for (stage, freight), by the run's actor. */
async function approveAction(s, ctx) {
    const repo = await (0,_repo_js__WEBPACK_IMPORTED_MODULE_4__/* .openActionRepo */ .f2)(s, ctx);
    const project = await (0,_repo_js__WEBPACK_IMPORTED_MODULE_4__/* .singleProject */ .W5)(repo, s.project);
    const { created, record } = await (0,_promotion_approve_js__WEBPACK_IMPORTED_MODULE_1__/* .approveFreight */ .D)({
        store: repo.store,
        project,
        stage: s.stage,
        freightRef: s.freight,
        approvedBy: ctx.actor ?? 'github-actions',
        reason: s.reason ?? (ctx.runUrl ? `approved by ${ctx.runUrl}` : undefined),
        clock: () => new Date(),
    });
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Output */ .k7.freight, record.freightId);
    const line = `${created ? 'Approved' : 'Already approved'} **${record.alias}** (\`${record.freightId.slice(0, 7)}\`) for **${record.stage}** by ${record.approvedBy}${record.reason ? `: ${record.reason}` : ''}.`;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(line.replace(/\*\*|`/g, ''));
    await _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary.addRaw(`## gantry approve\n\n${line}\n`).write();
    await (0,_summary_js__WEBPACK_IMPORTED_MODULE_5__/* .appendPipelineSummary */ .T)(repo, project, _log_js__WEBPACK_IMPORTED_MODULE_3__/* .actionLog */ .Z.warn, {
        env: ctx.env,
        fetch: _log_js__WEBPACK_IMPORTED_MODULE_3__/* .actionLog */ .Z.fetch(),
    });
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
