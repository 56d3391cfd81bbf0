export const id = 9914;
export const ids = [9914];
export const modules = {

/***/ 9180:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ promotionRegistryCredentials),
/* harmony export */   R: () => (/* binding */ discoveryCredentials)
/* harmony export */ });
/* harmony import */ var _oci_auth_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2204);

/**
 * Credentials for discovery: the Docker config's `auths`, plus the GitHub token for ghcr.io
 * (unless the Docker config already has ghcr.io) and for git repositories on the GitHub host.
 */
function discoveryCredentials(c) {
    const registryCredentials = (0,_oci_auth_js__WEBPACK_IMPORTED_MODULE_0__/* .loadDockerConfig */ .h3)(c.dockerConfigPath);
    // Only github.com's tokens open ghcr.io; a GHES token must not travel to a third party.
    if (c.githubToken &&
        c.githubHost.toLowerCase() === 'github.com' &&
        !registryCredentials.has('ghcr.io')) {
        // GHCR takes any user name with a token as the password.
        registryCredentials.set('ghcr.io', { username: 'x-access-token', password: c.githubToken });
    }
    const host = c.githubHost.toLowerCase();
    const gitCredentials = (repoURL) => {
        if (!c.githubToken)
            return undefined;
        try {
            const u = new URL(repoURL);
            if (u.protocol === 'https:' && u.host.toLowerCase() === host && !u.username) {
                return { kind: 'token', token: c.githubToken };
            }
        }
        catch {
            // Not an http(s) URL (ssh, scp-style): the user's ssh setup applies.
        }
        return undefined;
    };
    return { registryCredentials, gitCredentials };
}
/**
 * The registry credentials promotions use (oci-download, oci-push): discovery's. A Docker config
 * that cannot be read is a warning, not a failure: most templates never reach a registry, and
 * a step that does fails at the registry, naming it.
 */
function promotionRegistryCredentials(c, warn) {
    try {
        return discoveryCredentials(c).registryCredentials;
    }
    catch (err) {
        warn(`${err instanceof Error ? err.message : String(err)}; oci steps reach registries anonymously`);
        return new Map();
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

/***/ 1097:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   uS: () => (/* binding */ promoteMany),
/* harmony export */   v2: () => (/* binding */ upstreamFreight),
/* harmony export */   yb: () => (/* binding */ downstreamStages),
/* harmony export */   zt: () => (/* binding */ stageList)
/* harmony export */ });
/* harmony import */ var _pipeline_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5785);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);
/* harmony import */ var _promote_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7920);
/**
 * One freight to several stages at once: `--stage a,b`, or Kargo's "promote to downstream" (every
 * stage that requests freight from a given stage). Each stage is promoted on its own, exactly as
 * a single promotion is, with its own gates (availability from its upstream stages or an
 * approval, the run's environment gate); one stage refusing or failing does not keep the others
 * from running or hide their results.
 */



/**
 * The stages that take freight from `upstream` (its name in a request's `sources.stages`), in
 * the project's order: Kargo's downstream stages.
 */
function downstreamStages(project, upstream) {
    (0,_pipeline_index_js__WEBPACK_IMPORTED_MODULE_0__/* .findStage */ .U9)(project, upstream);
    const names = project.stages
        .filter((s) => s.requestedFreight.some((r) => r.sources.stages.includes(upstream)))
        .map((s) => s.name);
    if (!names.length) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`no stage of project ${project.name} requests freight from ${upstream}: nothing is downstream of it`);
    }
    return names;
}
/** `a,b , c` → the stage names, each checked to exist before anything runs. */
function stageList(project, text) {
    const names = [
        ...new Set(text
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)),
    ];
    if (!names.length)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('no stage given: name one or more, a,b');
    for (const n of names)
        (0,_pipeline_index_js__WEBPACK_IMPORTED_MODULE_0__/* .findStage */ .U9)(project, n);
    return names;
}
/**
 * The freight `--downstream-of S` delivers when none is named: the one S runs now, as Kargo's
 * "promote to downstream" offers the stage's own freight. Undefined when S runs several (one per
 * warehouse) or none: the caller must then name it.
 */
async function upstreamFreight(o, upstream) {
    const stage = (0,_pipeline_index_js__WEBPACK_IMPORTED_MODULE_0__/* .findStage */ .U9)(o.project, upstream);
    const state = (await o.store.stageStates(o.project.name, [stage])).get(upstream);
    const current = state?.freight ?? [];
    if (current.length === 1)
        return current[0].id;
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(current.length
        ? `${upstream} runs ${current.length} freight (one per warehouse): name the one to deliver with freight`
        : `${upstream} runs no freight yet: promote it first, or name the freight to deliver`);
}
/**
 * Promote each stage in turn (they may deploy from the same branch: one after the other, no
 * push races between them), with the options of a single promotion. Every stage gets a result.
 */
async function promoteMany(o, stages) {
    const results = [];
    for (const stage of stages) {
        try {
            results.push({ stage, outcome: await (0,_promote_js__WEBPACK_IMPORTED_MODULE_2__/* .promote */ .p)({ ...o, stage }) });
        }
        catch (err) {
            o.log(`${stage}: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`);
            results.push({ stage, error: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err) });
        }
    }
    return results;
}


/***/ }),

/***/ 7920:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  p: () => (/* binding */ promote)
});

// UNUSED EXPORTS: stepPaths

// EXTERNAL MODULE: ./src/freight/order.ts
var order = __webpack_require__(1447);
// EXTERNAL MODULE: ./src/pipeline/index.ts + 2 modules
var pipeline = __webpack_require__(5785);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/promotion/gate.ts

/** A promotion refused because the run did not pass the environment that gates its stage. */
class GateRefusedError extends errors/* OperationError */.OK {
    name = 'GateRefusedError';
}
/** Deployments of one run are searched among this many at the run's commit. */
const DEPLOYMENT_WINDOW = 30;
/** A deployment gantry itself made (its payload carries the promotion), not a job's. */
function isGantryDeployment(d) {
    return typeof d.payload === 'object' && d.payload !== null && 'gantry' in d.payload;
}
/** Whether a deployment status links to this run (`…/actions/runs/<id>` or `…/runs/<id>/job/…`). */
function linksToRun(url, runId) {
    return new RegExp(`/actions/runs/${runId}(?:[/?#]|$)`).test(url);
}
function describeRules(env) {
    const parts = env.rules.map((r) => {
        if (r.type === 'required_reviewers') {
            return r.reviewers?.length
                ? `required reviewers (${r.reviewers.join(', ')})`
                : 'required reviewers';
        }
        if (r.type === 'wait_timer')
            return `a ${r.waitTimer ?? 0}-minute wait timer`;
        if (r.type === 'branch_policy')
            return 'deployment branch rules';
        return `a ${r.type} rule`;
    });
    if (env.branchPolicy && !env.rules.some((r) => r.type === 'branch_policy')) {
        parts.push('deployment branch rules');
    }
    return parts.join(', ');
}
/** An environment gates jobs when any rule stands between a job and running under it. */
function isProtected(env) {
    return (env.branchPolicy || env.rules.some((r) => r.type !== 'wait_timer' || (r.waitTimer ?? 0) > 0));
}
/**
 * The environments this run's jobs ran under, as GitHub's own deployments for them show (the
 * statuses of a job's deployment link to its run). `only` narrows the search to one environment.
 */
async function runEnvironments(run, only) {
    const deployments = await run.api.listDeployments({
        ...(run.sha ? { sha: run.sha } : {}),
        ...(only ? { environment: only } : {}),
        limit: DEPLOYMENT_WINDOW,
    });
    const found = new Set();
    for (const d of deployments) {
        if (isGantryDeployment(d) || found.has(d.environment))
            continue;
        const statuses = await run.api.deploymentStatuses(d.id);
        if (statuses.some((s) => linksToRun(s.logUrl, run.id)))
            found.add(d.environment);
    }
    return found;
}
/**
 * Checks that this run passed the environment that gates `stage`, before anything is committed.
 * Throws GateRefusedError when the environment has protection rules and nothing shows the run
 * passed them. What the token cannot read is a warning, never a silent pass.
 *
 * `approvals` are the run's environment reviews when they could be read (they also become the
 * promotion's Approved-By), or the error that kept them from being read.
 */
async function checkGate(stage, run, approvals) {
    const expected = stage.environment;
    const notes = [];
    const warnings = [];
    let env;
    try {
        env = await run.api.environment(expected);
    }
    catch (err) {
        warnings.push(`the gate of stage ${stage.name} was not checked: could not read environment ${expected}'s protection rules (${(0,errors/* errorMessage */.gJ)(err)})`);
        return { notes, warnings };
    }
    if (!env) {
        warnings.push(`stage ${stage.name} is gated by environment ${expected}, which does not exist in this repository, so nothing gates it and this job did not run under it; run the promote job under environment: ${expected} (docs/init.md#gates)`);
        return { notes, warnings };
    }
    if (!isProtected(env)) {
        notes.push(`environment ${expected} of stage ${stage.name} has no protection rules`);
        return { notes, warnings };
    }
    // Evidence one: a reviewer approved this run for the environment.
    if (!(approvals instanceof Error)) {
        const by = approvals
            .filter((a) => a.state === 'approved' && a.environments.includes(expected))
            .map((a) => a.login);
        if (by.length) {
            notes.push(`gate passed: environment ${expected} approved by ${by.join(', ')}`);
            return { notes, warnings };
        }
    }
    // Evidence two: GitHub's deployment for a job of this run under the environment. It exists
    // for wait timers and branch rules too, and when an administrator bypassed the reviewers.
    let ranUnder;
    try {
        ranUnder = await runEnvironments(run, expected);
    }
    catch (err) {
        warnings.push(`the gate of stage ${stage.name} (environment ${expected}: ${describeRules(env)}) could not be confirmed: ${approvals instanceof Error ? `the run's approvals could not be read (${(0,errors/* errorMessage */.gJ)(approvals)}) and ` : ''}its deployments could not be read (${(0,errors/* errorMessage */.gJ)(err)}); give the token deployments: read and actions: read`);
        return { notes, warnings };
    }
    if (ranUnder.has(expected)) {
        notes.push(`gate passed: this run's job ran under environment ${expected}`);
        return { notes, warnings };
    }
    if (approvals instanceof Error) {
        warnings.push(`the gate of stage ${stage.name} (environment ${expected}: ${describeRules(env)}) could not be confirmed: the run's approvals could not be read (${(0,errors/* errorMessage */.gJ)(approvals)}) and no deployment of ${expected} by this run was found`);
        return { notes, warnings };
    }
    // Refused: say what the job ran under instead, as far as GitHub shows it.
    let actual = [];
    try {
        actual = [...(await runEnvironments(run))];
    }
    catch {
        // The refusal stands; only the name of the other environment is missing from it.
    }
    for (const a of approvals) {
        for (const e of a.environments)
            if (e !== expected && !actual.includes(e))
                actual.push(e);
    }
    const under = actual.length
        ? `the job ran under ${actual.map((e) => `environment ${e}`).join(', ')}`
        : 'the job ran under no environment that GitHub shows for this run';
    throw new GateRefusedError(`refused: stage ${stage.name} is gated by environment ${expected} (${describeRules(env)}), but run ${run.id} did not pass that gate: ${under}. Nothing was committed. Run the promote job under environment: ${expected} (the promote workflow gantry init writes asks gantry for the stage's environment: docs/init.md#gates)`);
}

// EXTERNAL MODULE: ./src/promotion/availability.ts
var promotion_availability = __webpack_require__(9054);
// EXTERNAL MODULE: ./src/promotion/publish.ts
var promotion_publish = __webpack_require__(1166);
// EXTERNAL MODULE: ./src/promotion/steps/engine.ts
var engine = __webpack_require__(6427);
// EXTERNAL MODULE: ./src/promotion/expr-data.ts
var expr_data = __webpack_require__(675);
// EXTERNAL MODULE: ./src/util/redact.ts
var redact = __webpack_require__(767);
// EXTERNAL MODULE: ./src/state/index.ts + 9 modules
var src_state = __webpack_require__(5128);
// EXTERNAL MODULE: ./src/util/retry.ts
var retry = __webpack_require__(4266);
// EXTERNAL MODULE: ./src/promotion/resume.ts
var resume = __webpack_require__(318);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/git/index.ts + 2 modules
var src_git = __webpack_require__(4484);
// EXTERNAL MODULE: ./src/git/config-file.ts
var config_file = __webpack_require__(2791);
// EXTERNAL MODULE: ./src/git/remote.ts
var remote = __webpack_require__(668);
// EXTERNAL MODULE: ./src/github/url.ts
var url = __webpack_require__(2450);
// EXTERNAL MODULE: ./src/pipeline/workspace.ts
var workspace = __webpack_require__(8163);
// EXTERNAL MODULE: ./src/state/cache.ts
var cache = __webpack_require__(7131);
;// CONCATENATED MODULE: ./src/promotion/workspace.ts
/**
 * A promotion's workspace, as Kargo has one: a fresh directory in which `git-clone` makes real
 * checkouts (several per template: the source at the freight's commit in `./src`, the stage's
 * rendered branch in `./out`, …), and `git-clear`, `git-commit`, `git-tag` and `git-push` act on
 * them. Each repository is cloned once per workspace, bare, partial (no blobs until a checkout
 * needs them) and one commit deep; each checkout is a worktree of it.
 *
 * gantry's guarantees, kept here:
 * - the stage's checkout (the GitOps repository at the stage's branch) gets the stage's state
 *   file in the commit `git-commit` makes there, so what lands on the branch carries it;
 * - the push to the stage's branch goes through `publish` (a plain push, a commit GitHub signs,
 *   or gantry's pull request), once; a push that lost a race throws RaceLostError and the whole
 *   template runs again on a fresh workspace;
 * - nothing is force-pushed but gantry's own generated branch, and a template that opens a pull
 *   request never pushes to that pull request's base;
 * - credentials are the GitOps remote's and reach only URLs under it (Git scopes them).
 */












const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
/** Same repository, whatever the spelling: GitHub's forms compare by owner/name, others by URL. */
function sameRepository(a, b) {
    const ga = (0,url/* githubRepoOf */.hL)(a);
    const gb = (0,url/* githubRepoOf */.hL)(b);
    if (ga && gb) {
        return (ga.owner.toLowerCase() === gb.owner.toLowerCase() &&
            ga.repo.toLowerCase() === gb.repo.toLowerCase() &&
            ga.apiUrl === gb.apiUrl);
    }
    const norm = (u) => {
        const { url } = (0,remote/* parseRemote */.M8)(u);
        return url
            .trim()
            .replace(/\/+$/, '')
            .replace(/\.git$/, '')
            .replace(/^([a-z]+:\/\/[^/]+)/i, (m) => m.toLowerCase());
    };
    return norm(a) === norm(b);
}
class Workspace {
    o;
    /** The steps' root: every path a step names resolves inside it. */
    root;
    repos = new Map();
    checkouts = new Map();
    /** What landed on (or was proposed for) the stage's branch, once the stage's push ran. */
    landing;
    /** Commits pushed in this promotion, by branch, for git-open-pr's defaults and its Skipped. */
    pushed = new Map();
    statePath;
    /** Tags git-push was asked to send before the stage's commit left: they go right after it. */
    deferredTags = [];
    constructor(o) {
        this.o = o;
        this.root = (0,external_node_path_.join)(o.dir, 'work');
        this.statePath = (0,src_state/* stateFilePath */.n0)(o.write.project, o.write.stage);
    }
    get stageBranch() {
        return this.o.stageBranch;
    }
    get dryRun() {
        return this.o.dryRun;
    }
    get github() {
        return this.o.github;
    }
    get gitopsUrl() {
        return this.o.host.remoteUrl;
    }
    /** git-open-pr's pull request: the promotion is proposed, not landed, until it is merged. */
    openedPullRequest(pr) {
        if (this.landing)
            this.landing.pullRequest = pr;
    }
    /** A pull request merged within the job: the stage's branch now holds the merge commit. */
    mergedPullRequest(pr) {
        if (!this.landing || pr.base !== this.o.stageBranch)
            return;
        delete this.landing.pullRequest;
        if (pr.mergeCommitSha)
            this.landing.commit = pr.mergeCommitSha;
        this.landing.merged = { number: pr.number, url: pr.url };
    }
    /** The branch `generateTargetBranch` pushes to: one per stage, which the PR flow merges. */
    get generatedBranch() {
        return (0,workspace/* generatedBranch */.Qg)(this.o.write.project, this.o.write.stage);
    }
    isGitOps(url) {
        return sameRepository(url, this.o.host.remoteUrl);
    }
    async init() {
        await (0,promises_.mkdir)(this.root, { recursive: true });
        await (0,promises_.mkdir)((0,external_node_path_.join)(this.o.dir, 'repos'), { recursive: true });
    }
    checkout(written, field) {
        const path = (0,workspace/* normalizeWorkspacePath */.Y_)(written);
        const found = path === undefined ? undefined : this.checkouts.get(path);
        if (!found) {
            const known = [...this.checkouts.values()].map((c) => c.written).join(', ') || 'none';
            throw new errors/* ConfigError */.xL(`${field} ${JSON.stringify(written)} is not a checkout of this promotion (checkouts: ${known})`);
        }
        return found;
    }
    /** The repository `url`, cloned bare into the workspace once. */
    async repo(url, insecure) {
        const have = this.repos.get(url);
        if (have)
            return have;
        const gitops = this.isGitOps(url);
        // The GitOps remote's runner carries its credentials (scoped to its URL); another repository
        // is reached with what its URL itself holds, never with the GitOps token.
        const git = gitops
            ? this.o.host.git
            : new src_git/* Git */.TU({ ...this.o.host.gitOptions, remote: (0,remote/* parseRemote */.M8)(url) });
        const remoteUrl = gitops ? this.o.host.remoteUrl : (0,remote/* parseRemote */.M8)(url).url;
        const key = (0,external_node_crypto_.createHash)('sha256').update(remoteUrl).digest('hex').slice(0, 12);
        const dir = (0,external_node_path_.join)(this.o.dir, 'repos', `${key}.git`);
        const config = insecure ? ['-c', 'http.sslVerify=false'] : [];
        // Written as files (gitrepository-layout), its settings in the config file at once: a
        // `git init` and four `git config` processes would each cost a start-up.
        await (0,cache/* initBare */.dv)(dir);
        await (0,promises_.appendFile)((0,external_node_path_.join)(dir, 'config'), (0,config_file/* configText */.U)({
            'remote.origin': {
                url: remoteUrl,
                promisor: 'true',
                partialclonefilter: 'blob:none',
            },
            extensions: { partialClone: 'origin' },
        }));
        const repo = { url: remoteUrl, dir, git, gitops, config };
        this.repos.set(url, repo);
        return repo;
    }
    run(repo, args, cwd, env) {
        return repo.git.run([...repo.config, ...args], { cwd, ...(env ? { env } : {}) });
    }
    /**
     * git-clone: the checkouts of one repository. Every ref is fetched in one command, one commit
     * deep and without blobs; each checkout is a worktree (sparse when asked) of the bare clone.
     */
    async clone(spec) {
        const repo = await this.repo(spec.repoURL, spec.insecureSkipTLSVerify);
        try {
            return await this.checkOut(repo, spec);
        }
        catch (err) {
            // Git's own advice (set GANTRY_TOKEN) is wrong here: gantry's token is the GitOps
            // repository's, and it is kept from every other repository on purpose.
            if (!repo.gitops && err instanceof src_git/* GitError */.XS && err.kind === 'auth') {
                throw new errors/* OperationError */.OK(`git-clone: ${repo.url} asks for credentials, and gantry sends its token only to the GitOps repository (${this.o.host.remoteUrl}): give this repository's own credentials in its URL (from a secret) or through a git credential helper`, { cause: err });
            }
            throw err;
        }
    }
    async checkOut(repo, spec) {
        const git = (args, cwd = repo.dir) => this.run(repo, args, cwd);
        // Branch tips the promotion's reads fetched into the read cache moments ago (GitOps
        // repository only). Trusting them is safe: a branch that moved since makes the stage's push
        // lose its race, and the next attempt fetches everything anew.
        const seeds = repo.gitops ? this.o.seeds : undefined;
        const seeded = (b) => (b === undefined ? undefined : seeds?.tips.get(b));
        const wantHead = spec.checkout.some((c) => c.branch === undefined && c.commit === undefined && c.tag === undefined);
        // Whether the branches asked for exist (and the default branch, when a checkout names no
        // ref), in one round trip that lists only those: a repository may have thousands of branches.
        // Needed only to find the default branch or to learn whether a `create` branch exists: a
        // branch that must exist is fetched by name, and its fetch failing says it does not.
        const list = wantHead ||
            spec.checkout.some((c) => c.branch !== undefined && c.create && !seeded(c.branch));
        const heads = new Map();
        let defaultBranch;
        if (list) {
            const patterns = [
                ...(wantHead ? ['--symref', 'origin', 'HEAD'] : ['origin']),
                ...new Set(spec.checkout.flatMap((c) => (c.branch ? [`refs/heads/${c.branch}`] : []))),
            ];
            const listing = (await git(['ls-remote', ...patterns])).stdout.split('\n');
            let headTip;
            for (const line of listing) {
                const sym = /^ref: refs\/heads\/(\S+)\s+HEAD$/.exec(line);
                if (sym)
                    defaultBranch = sym[1];
                const tip = /^([0-9a-f]{40,64})\s+HEAD$/.exec(line);
                if (tip)
                    headTip = tip[1];
                const m = /^([0-9a-f]{40,64})\s+refs\/heads\/(.+)$/.exec(line);
                if (m?.[1] && m[2])
                    heads.set(m[2], m[1]);
            }
            if (defaultBranch !== undefined && headTip !== undefined && !heads.has(defaultBranch)) {
                heads.set(defaultBranch, headTip);
            }
        }
        else {
            for (const c of spec.checkout) {
                const tip = seeded(c.branch);
                if (c.branch !== undefined && tip !== undefined)
                    heads.set(c.branch, tip);
            }
        }
        const plans = spec.checkout.map((c) => {
            const branch = c.branch ?? (c.commit === undefined && c.tag === undefined ? defaultBranch : undefined);
            if (c.commit === undefined && c.tag === undefined && branch === undefined) {
                throw new errors/* OperationError */.OK(`${repo.url} has no default branch to check out`);
            }
            const tip = branch === undefined ? undefined : heads.get(branch);
            if (branch !== undefined && tip === undefined && !c.create && list) {
                throw new errors/* OperationError */.OK(missingBranch(branch, repo.url));
            }
            // From the read cache when its tip is the branch's; fetched otherwise (a tip not listed
            // means the branch is fetched by name, and learned from the fetch).
            const fromSeed = tip !== undefined && tip === seeded(branch);
            const fetched = branch !== undefined && !fromSeed && (tip !== undefined || !list);
            return { c, branch, tip, fromSeed, fetched };
        });
        const seedTips = [...new Set(plans.flatMap((p) => (p.fromSeed && p.tip ? [p.tip] : [])))];
        if (seeds && seedTips.length) {
            // The read cache's objects, borrowed; its tips one commit deep, as a --depth=1 fetch leaves
            // them (the cache may hold their parents without trees).
            await (0,promises_.writeFile)((0,external_node_path_.join)(repo.dir, 'objects', 'info', 'alternates'), `${seeds.objects}\n`);
            // The cache's other shallow commits too: a push would otherwise walk to their parents,
            // missing, and fetch them.
            const shallow = new Set([...seedTips, ...(await (0,src_git/* shallowCommitsOf */.Yu)(seeds.objects))]);
            await (0,promises_.appendFile)((0,external_node_path_.join)(repo.dir, 'shallow'), [...shallow].map((t) => `${t}\n`).join(''));
        }
        const refspecs = [];
        for (const p of plans) {
            if (p.fetched && p.branch !== undefined) {
                refspecs.push(`+refs/heads/${p.branch}:refs/remotes/origin/${p.branch}`);
            }
            if (p.c.commit !== undefined)
                refspecs.push(p.c.commit);
            if (p.c.tag !== undefined)
                refspecs.push(`+refs/tags/${p.c.tag}:refs/tags/${p.c.tag}`);
        }
        if (refspecs.length) {
            const args = [
                'fetch',
                '-q',
                '--no-tags',
                '--depth=1',
                '--filter=blob:none',
                'origin',
                ...[...new Set(refspecs)],
            ];
            const res = await repo.git.tryRun([...repo.config, ...args], { cwd: repo.dir });
            if (res.exitCode !== 0) {
                const ref = /couldn't find remote ref refs\/heads\/(\S+)/i.exec(res.stderr)?.[1];
                if (ref !== undefined)
                    throw new errors/* OperationError */.OK(missingBranch(ref, repo.url));
                throw repo.git.error(args, res);
            }
        }
        const commits = {};
        for (const { c, branch, tip, fromSeed } of plans) {
            const path = (0,workspace/* normalizeWorkspacePath */.Y_)(c.path);
            if (path === undefined || path === '.') {
                throw new errors/* ConfigError */.xL(`checkout path ${JSON.stringify(c.path)} must be a directory inside the workspace`);
            }
            if (this.checkouts.has(path)) {
                throw new errors/* ConfigError */.xL(`checkout path ${JSON.stringify(c.path)} is used twice`);
            }
            // Git keeps a branch in one worktree: a second would move the first one's branch under it.
            const twin = [...this.checkouts.values()].find((o) => o.repo.dir === repo.dir && branch !== undefined && o.branch === branch);
            if (twin) {
                throw new errors/* ConfigError */.xL(`checkout path ${JSON.stringify(c.path)}: branch ${branch} of ${repo.url} is checked out at ${twin.written} already; a branch has one checkout per promotion (check out a commit or tag for a second, read-only copy)`);
            }
            const dir = (0,external_node_path_.join)(this.root, path);
            await (0,promises_.mkdir)((0,external_node_path_.dirname)(dir), { recursive: true });
            let ref;
            // The commit the checkout's HEAD will be, when known without asking git.
            let head;
            let fetchedTip = false;
            if (branch !== undefined) {
                if (tip === undefined && c.create) {
                    // Kargo's create: an orphan branch whose first commit is empty. It is pushed with the
                    // promotion, not now: a promotion that fails leaves no empty branch behind.
                    head = (await repo.git.run(['commit-tree', EMPTY_TREE, '-m', 'Initial commit'], {
                        cwd: repo.dir,
                        env: identityEnv(spec.author),
                    })).stdout.trim();
                    await git(['branch', '-f', branch, head]);
                }
                else if (fromSeed && tip !== undefined) {
                    head = tip;
                    await git(['branch', '-f', branch, tip]);
                }
                else {
                    // What the fetch brought (it may be newer than a listing a moment before).
                    await git(['branch', '-f', branch, `refs/remotes/origin/${branch}`]);
                    fetchedTip = true;
                }
                ref = branch;
            }
            else
                ref = c.commit ?? `refs/tags/${c.tag ?? ''}^{commit}`;
            const detached = branch === undefined ? ['--detach'] : [];
            if (c.sparse?.length) {
                await git(['worktree', 'add', '-q', '--no-checkout', ...detached, dir, ref]);
                await git(['sparse-checkout', 'set', '--cone', ...c.sparse], dir);
                await git(['checkout', '-q'], dir);
            }
            else {
                // No sparse patterns to set first: the worktree is checked out as it is added.
                await git(['worktree', 'add', '-q', ...detached, dir, ref]);
            }
            if (spec.recurseSubmodules) {
                await git(['submodule', 'update', '--init', '--recursive'], dir);
            }
            head ??= (await git(['rev-parse', 'HEAD'], dir)).stdout.trim();
            // The branch's tip on the remote, for the stage's push (its parent); none for a new branch.
            const remoteTip = fromSeed ? tip : fetchedTip ? head : undefined;
            const stage = repo.gitops && branch === this.o.stageBranch;
            const checkout = {
                written: c.path,
                path,
                dir,
                repo,
                ...(branch !== undefined ? { branch } : {}),
                ...(remoteTip !== undefined ? { remoteTip } : {}),
                stage,
                ...(spec.author ? { identity: spec.author } : {}),
            };
            const known = this.o.seedState;
            if (stage && remoteTip !== undefined && fromSeed && known?.tip === head) {
                if (known.state)
                    checkout.previous = known.state;
            }
            else if (stage && remoteTip !== undefined) {
                // Read through git, not the work tree: a sparse checkout may not hold .gantry/.
                const text = await repo.git.tryRun(['show', `${head}:${this.statePath}`], { cwd: dir });
                if (text.exitCode === 0) {
                    checkout.previous = (0,src_state/* parseStageState */.jE)(text.stdout, `${branch}:${this.statePath}`);
                }
            }
            checkout.head = head;
            this.checkouts.set(path, checkout);
            commits[c.as ?? c.path] = head;
        }
        return commits;
    }
    /**
     * git-clear: every file of the checkout removed (tracked ones staged as deletions), but in the
     * GitOps repository `.gantry/`, as in gantry's short form: on the default branch it holds the
     * project files, and on any branch the state of every stage deploying from it.
     */
    async clear(written) {
        const c = this.checkout(written, 'git-clear: path');
        const git = (args) => this.run(c.repo, args, c.dir);
        const keep = c.repo.gitops ? [':(exclude).gantry'] : [];
        await git(['rm', '-r', '-q', '-f', '--sparse', '--ignore-unmatch', '--', '.', ...keep]);
        let removed = 0;
        for (const e of await (0,promises_.readdir)(c.dir)) {
            if (e === '.git' || (c.repo.gitops && e === '.gantry'))
                continue;
            await (0,promises_.rm)((0,external_node_path_.join)(c.dir, e), { recursive: true, force: true });
            removed++;
        }
        return removed;
    }
    /**
     * git-commit: everything in the checkout, committed when anything changed. In the stage's
     * checkout the stage's state file is written first and gantry's record closes the message;
     * promoting what the stage runs already, with no manifest changed, commits nothing.
     */
    async commit(written, message, edits, author) {
        const c = this.checkout(written, 'git-commit: path');
        const git = (args, input) => c.repo.git.run([...c.repo.config, ...args], {
            cwd: c.dir,
            ...(input !== undefined ? { input } : {}),
            env: identityEnv(author ?? c.identity),
        });
        if (c.branch === undefined) {
            throw new errors/* ConfigError */.xL(`git-commit: path ${JSON.stringify(written)} is a checkout of a commit or tag, not of a branch: check out a branch to commit to`);
        }
        await git(['add', '-A', '--sparse']);
        // The state file alone does not count: git-clear removes it, and it is written again below.
        const others = c.stage ? ['--', '.', `:(exclude)${this.statePath}`] : [];
        let dirty = (await git(['status', '--porcelain', ...others])).stdout.trim() !== '';
        let text = message;
        let amend = false;
        if (c.stage) {
            const { before, changes } = (0,src_state/* stageChange */.LF)(this.o.write, c.previous);
            const state = (0,src_state/* nextStageState */.V7)(this.o.write, c.previous, this.o.host.now());
            const same = before?.id === this.o.write.freight.id && !(0,src_state/* metadataChanged */.aI)(c.previous, state);
            if (!c.recorded && same && !dirty) {
                return {
                    commit: c.head ?? (await git(['rev-parse', 'HEAD'])).stdout.trim(),
                    committed: false,
                };
            }
            if (!c.recorded) {
                const file = (0,external_node_path_.join)(c.dir, this.statePath);
                await (0,promises_.mkdir)((0,external_node_path_.dirname)(file), { recursive: true });
                await (0,promises_.writeFile)(file, (0,src_state/* serializeStageState */.iX)(state));
                await git(['add', '-A', '--sparse']);
                dirty = true;
            }
            if (dirty) {
                // A promotion is one commit on the stage's branch (its history lists each commit that
                // carries the record): a later git-commit here, before the push, amends it.
                amend = c.recorded !== undefined && !this.landing;
                c.recorded = [...(amend ? (c.recorded ?? []) : []), message];
                text = (0,src_state/* promotionMessage */.fv)(this.o.write, changes, [...edits], c.recorded.join('\n\n'));
            }
        }
        if (!dirty)
            return {
                commit: c.head ?? (await git(['rev-parse', 'HEAD'])).stdout.trim(),
                committed: false,
            };
        const args = ['commit', '-q', ...(amend ? ['--amend'] : []), '-F', '-'];
        await git(args, text.endsWith('\n') ? text : `${text}\n`);
        c.head = (await git(['rev-parse', 'HEAD'])).stdout.trim();
        return { commit: c.head, committed: true };
    }
    /** git-tag: an annotated tag at the checkout's HEAD (local; git-push with `tag` sends it). */
    async tag(written, tag, message, force) {
        const c = this.checkout(written, 'git-tag: path');
        const env = identityEnv(c.identity);
        const args = ['tag', '-a', ...(force ? ['-f'] : []), tag, '-m', message];
        const res = await c.repo.git.tryRun([...c.repo.config, ...args], { cwd: c.dir, env });
        if (res.exitCode !== 0) {
            if (/already exists/.test(res.stderr)) {
                throw new errors/* OperationError */.OK(`git-tag: tag ${tag} already exists; set force: true to move it`);
            }
            throw c.repo.git.error(args, res);
        }
        return (await this.run(c.repo, ['rev-parse', 'HEAD'], c.dir)).stdout.trim();
    }
    /**
     * git-push. The push to the stage's branch is the promotion: it goes through `publish`, once,
     * and must carry the commit git-commit made with the stage's state. Any rejected push is a lost
     * race (RaceLostError): the promotion starts over on a fresh workspace.
     */
    async push(spec) {
        const step = spec.viaGitHub ? 'github-push' : 'git-push';
        const c = this.checkout(spec.path, `${step}: path`);
        if (spec.viaGitHub && (!this.o.github || !c.repo.gitops)) {
            throw new errors/* ConfigError */.xL(`github-push: ${spec.path} must be a checkout of the GitOps repository on GitHub, with a token for GitHub's API (the action's token input; GITHUB_TOKEN for gantry promote); push other repositories with git-push`);
        }
        const git = (args) => this.run(c.repo, args, c.dir);
        const head = c.head ?? (await git(['rev-parse', 'HEAD'])).stdout.trim();
        const url = (commit) => commitUrl(c.repo.url, commit);
        if (spec.tag !== undefined) {
            if (this.o.dryRun) {
                this.o.log(`git-push: dry run, tag ${spec.tag} not pushed`);
            }
            else if (!this.landing) {
                // Pushed now, a tag would stay behind on a commit that never lands when the stage's push
                // then loses a race, and the rerun could not push it again: it leaves with the promotion.
                this.o.log(`git-push: tag ${spec.tag} will be pushed once the stage's commit is`);
                this.deferredTags.push({ c, tag: spec.tag });
            }
            else {
                await this.pushTag(c, spec.tag);
            }
            return { branch: c.branch ?? '', commit: head, ...optionalUrl(url(head)) };
        }
        const generated = spec.generateTargetBranch;
        const target = generated ? this.generatedBranch : (spec.targetBranch ?? c.branch);
        if (target === undefined) {
            throw new errors/* ConfigError */.xL(`git-push: path ${JSON.stringify(spec.path)} is a checkout of a commit or tag: name the branch to push to in targetBranch`);
        }
        if (spec.force && !generated) {
            throw new errors/* ConfigError */.xL(`git-push: force: gantry never force-pushes a branch that others may write (${target}); a push that loses a race runs the template again on the new tip`);
        }
        const toStage = c.repo.gitops && target === this.o.stageBranch;
        if (toStage && this.o.opensPullRequests) {
            throw new errors/* ConfigError */.xL(`git-push: the template opens a pull request, so it may not push to the stage's branch ${target} itself (that would bypass the pull request); push with generateTargetBranch: true`);
        }
        const carries = c.stage && (toStage || generated);
        if (toStage || carries) {
            if (this.landing) {
                throw new errors/* ConfigError */.xL(`git-push: the stage's commit was pushed already (to ${this.landing.pushedTo}); a promotion is one commit on ${this.o.stageBranch}`);
            }
            if (!c.stage) {
                throw new errors/* ConfigError */.xL(`git-push: ${spec.path} is not the checkout of ${this.o.stageBranch}, so it does not carry the stage's state; push the checkout of the stage's branch`);
            }
            return this.pushStage(c, target, head, generated, !toStage, spec.viaGitHub ?? false);
        }
        // Another branch: a plain push; only gantry's generated branch is ever forced.
        if (this.o.dryRun) {
            this.o.log(`git-push: dry run, ${head.slice(0, 7)} not pushed to ${target}`);
        }
        else {
            await this.pushRef(c, head, target, generated);
        }
        this.pushed.set(target, { commit: head, checkout: c });
        return { branch: target, commit: head, ...optionalUrl(url(head)) };
    }
    async pushTag(c, tag) {
        const args = ['push', '--porcelain', 'origin', `refs/tags/${tag}`];
        const res = await c.repo.git.tryRun([...c.repo.config, ...args], { cwd: c.dir });
        if (res.exitCode === 0)
            return;
        if (src_state/* PUSH_RACE */.Bz.test(res.stdout)) {
            throw new errors/* OperationError */.OK(`git-push: tag ${tag} already exists in ${c.repo.url}`);
        }
        throw c.repo.git.error(args, res);
    }
    async pushRef(c, commit, target, force) {
        const args = [
            'push',
            '--porcelain',
            ...(force ? ['--force'] : []),
            'origin',
            `${commit}:refs/heads/${target}`,
        ];
        const res = await c.repo.git.tryRun([...c.repo.config, ...args], { cwd: c.dir });
        if (res.exitCode === 0)
            return;
        if (src_state/* PUSH_RACE */.Bz.test(res.stdout)) {
            this.o.log(`push to ${target} lost a race; running the promotion again on the new tip`);
            throw new src_state/* RaceLostError */.Ss(`${target} moved while the promotion ran`);
        }
        throw c.repo.git.error(args, res);
    }
    async pushStage(c, target, head, generated, proposal, viaGitHub) {
        const git = (args, input) => c.repo.git.run([...c.repo.config, ...args], {
            cwd: c.dir,
            ...(input !== undefined ? { input } : {}),
        });
        const parent = c.remoteTip;
        const { changes } = (0,src_state/* stageChange */.LF)(this.o.write, c.previous);
        const base = {
            ...(parent !== undefined ? { parent } : {}),
            ...(c.previous ? { previous: c.previous } : {}),
            changes,
            pushedTo: target,
        };
        if (head === parent) {
            // Nothing new (the stage runs this freight already): a pull request would be empty.
            this.landing = { ...base, changed: false, commit: head, changes: [] };
            this.pushed.set(target, { commit: head, base: head, checkout: c });
            if (!this.o.dryRun) {
                for (const t of this.deferredTags.splice(0))
                    await this.pushTag(t.c, t.tag);
            }
            return { branch: target, commit: head, ...optionalUrl(commitUrl(c.repo.url, head)) };
        }
        // The commit git-commit made here with the state needs no look; any other commit does.
        const recorded = c.recorded !== undefined && c.head === head;
        const wrote = recorded
            ? undefined
            : await c.repo.git.tryRun(['cat-file', '-e', `${head}:${this.statePath}`], { cwd: c.dir });
        if (wrote && wrote.exitCode !== 0) {
            throw new errors/* ConfigError */.xL(`git-push: the commit to push to ${target} does not carry the stage's state: commit the checkout with git-commit before pushing it`);
        }
        if (this.o.dryRun) {
            const diff = (await git(['show', '--format=%B', '--stat', '--patch', head])).stdout;
            this.landing = { ...base, changed: true, commit: head, diff };
            this.pushed.set(target, { commit: head, ...(parent ? { base: parent } : {}), checkout: c });
            return { branch: target, commit: head };
        }
        let commit = head;
        let pullRequest;
        // A pull request (gantry's, or git-open-pr's) and a signed commit both need the branch to
        // exist: a stage branch `create` started gets its empty first commit first (Kargo pushes it
        // when cloning), so what is proposed or signed is the promotion alone.
        if (parent === undefined &&
            c.branch === this.o.stageBranch &&
            (proposal || this.o.publish || viaGitHub)) {
            const root = (await git(['rev-list', '--max-parents=0', head])).stdout.trim();
            await this.pushRef(c, root, this.o.stageBranch, false);
            base.parent = root;
        }
        const github = viaGitHub ? this.o.github : undefined;
        const request = async (branch) => ({
            dir: c.dir,
            commit: head,
            parent: base.parent ?? '',
            branch,
            message: (await git(['log', '-1', '--format=%B', head])).stdout,
            changes,
            edits: [],
            git: (args, input) => git(args, input),
        });
        if (proposal && github && base.parent !== undefined) {
            // github-push to a generated branch: the branch restarts at the commit the promotion built
            // on, and GitHub makes (and signs) the promotion's commit on it.
            await github.setBranch({ branch: target, sha: base.parent });
            commit = (await (0,promotion_publish/* signedPublisher */.Ff)(github)(await request(target))).commit;
        }
        else if (proposal) {
            // A pull request's head (generateTargetBranch): gantry's own branch, replaced each time.
            await this.pushRef(c, head, target, generated);
        }
        else if (github && !this.o.publish && base.parent !== undefined) {
            commit = (await (0,promotion_publish/* signedPublisher */.Ff)(github)(await request(target))).commit;
        }
        else if (this.o.publish && base.parent !== undefined) {
            const message = (await git(['log', '-1', '--format=%B', head])).stdout;
            const published = await this.o.publish({
                dir: c.dir,
                commit: head,
                parent: base.parent,
                branch: target,
                message,
                changes,
                edits: [],
                git: (args, input) => git(args, input),
            });
            commit = published.commit;
            pullRequest = published.pullRequest;
        }
        else {
            await this.pushRef(c, head, target, false);
        }
        this.landing = {
            ...base,
            changed: true,
            commit,
            ...(pullRequest ? { pullRequest } : {}),
        };
        this.pushed.set(target, { commit, ...(base.parent ? { base: base.parent } : {}), checkout: c });
        for (const t of this.deferredTags.splice(0))
            await this.pushTag(t.c, t.tag);
        return { branch: target, commit, ...optionalUrl(commitUrl(c.repo.url, commit)) };
    }
    /**
     * Whether git-commit already wrote the stage's state into the stage's checkout: stage metadata
     * set after that would miss the commit that records the promotion.
     */
    get stageRecorded() {
        return [...this.checkouts.values()].some((c) => c.stage && c.recorded !== undefined);
    }
    /** A commit's message, read from the clone that has it. */
    async messageOf(branch) {
        const p = this.pushed.get(branch);
        if (!p)
            return undefined;
        const res = await p.checkout.repo.git.tryRun(['log', '-1', '--format=%B', p.commit], {
            cwd: p.checkout.dir,
        });
        return res.exitCode === 0 ? res.stdout.trim() : undefined;
    }
    /** Whether `branch`'s pushed commit has the same tree as its base: a pull request would be empty. */
    async sameAsBase(branch) {
        const p = this.pushed.get(branch);
        if (!p?.base)
            return false;
        const res = await p.checkout.repo.git.tryRun(['rev-parse', `${p.commit}^{tree}`, `${p.base}^{tree}`], { cwd: p.checkout.dir });
        const [a, b] = res.stdout.split('\n');
        return res.exitCode === 0 && a === b;
    }
}
function missingBranch(branch, url) {
    return `branch ${branch} does not exist in ${url}; set create: true on the checkout to start it (its first push creates it)`;
}
function identityEnv(id) {
    if (!id)
        return undefined;
    return {
        GIT_AUTHOR_NAME: id.name,
        GIT_COMMITTER_NAME: id.name,
        GIT_AUTHOR_EMAIL: id.email,
        GIT_COMMITTER_EMAIL: id.email,
    };
}
/** GitHub's web address of a commit; undefined for other hosts (Kargo leaves commitURL out). */
function commitUrl(repoURL, commit) {
    const gh = (0,url/* githubRepoOf */.hL)(repoURL);
    if (!gh)
        return undefined;
    const web = gh.apiUrl === 'https://api.github.com'
        ? 'https://github.com'
        : gh.apiUrl.replace(/\/api\/v3\/?$/, '');
    return `${web}/${gh.owner}/${gh.repo}/commit/${commit}`;
}
function optionalUrl(url) {
    return url ? { commitURL: url } : {};
}

// EXTERNAL MODULE: ./src/promotion/step-services.ts
var step_services = __webpack_require__(208);
;// CONCATENATED MODULE: ./src/promotion/workspace-promotion.ts








async function promoteInWorkspace(a) {
    const { options: o, stage, plan } = a;
    const first = plan.problems[0];
    if (first)
        throw new errors/* ConfigError */.xL(`stage ${stage.name}: ${first.message}`);
    const host = o.store.workspaceHost();
    const stageBranch = stage.branch ?? (await o.store.defaultBranch());
    const write = {
        project: o.project.name,
        stage: stage.name,
        branch: stageBranch,
        freight: a.freight,
        promotedBy: o.promotedBy,
        approvedBy: a.approvedBy,
        ...(o.run ? { run: o.run } : {}),
        autoPromotionHold: a.hold,
        dryRun: o.dryRun,
        ...(a.notes ? { stageMetadata: () => a.notes?.current?.ownStageMetadata() } : {}),
    };
    const now = host.retryHooks?.now ?? Date.now;
    const started = now();
    let attempts = 0;
    let transient = 0;
    // The stage's commit that an earlier attempt pushed before a later push of its template lost a
    // race: the attempts after it find the stage promoted already (git-commit is Skipped), and what
    // they report must still be that commit.
    let earlier;
    // The tips this promotion's reads fetched (taken before scratch() forgets them): the first
    // attempt checks those branches out from the read cache instead of fetching them again. Only
    // the first: an attempt after a lost race must see the branches as they are now.
    let seeds = host.seeds?.();
    const attempt = async () => {
        attempts++;
        const firstSeeds = seeds;
        seeds = undefined;
        // The tip the reads took the stage's state from: the state read is that commit's.
        const seedTip = firstSeeds?.tips.get(stageBranch);
        const scratch = await host.scratch();
        const ws = new Workspace({
            host,
            dir: scratch.dir,
            write,
            stageBranch,
            ...(firstSeeds ? { seeds: firstSeeds } : {}),
            ...(seedTip !== undefined ? { seedState: { tip: seedTip, state: a.stageState } } : {}),
            opensPullRequests: plan.pullRequests.length > 0,
            ...(a.publish ? { publish: a.publish } : {}),
            dryRun: o.dryRun,
            log: o.log,
            ...(o.github ? { github: o.github.repo } : {}),
        });
        try {
            await ws.init();
            let done;
            try {
                done = await (0,engine/* runSteps */.rl)(stage.promotionTemplate, {
                    worktree: ws.root,
                    workspace: ws,
                    project: o.project.name,
                    stage: stage.name,
                    freight: a.freight,
                    freightCollection: a.collection,
                    ...(0,step_services/* stepServices */.z)(o),
                    ...(a.notes ? { notes: a.notes.fresh() } : {}),
                    ...a.exprContext,
                }, o.registry);
            }
            catch (err) {
                const landed = ws.landing?.changed ? ws.landing : earlier;
                if (err instanceof src_state/* RaceLostError */.Ss && ws.landing?.changed && !o.dryRun)
                    earlier = ws.landing;
                // A step after the stage's push failed: the promotion is on the branch; say so.
                if (landed?.changed && !o.dryRun && !(err instanceof src_state/* RaceLostError */.Ss)) {
                    const what = landed.pullRequest
                        ? `its pull request #${landed.pullRequest.number} is open (${landed.pullRequest.url})`
                        : `it landed on ${stageBranch} as ${landed.commit.slice(0, 7)}`;
                    // What this attempt's steps recorded about freight stands with the commit that landed.
                    if (ws.landing?.changed && a.notes?.current) {
                        const problems = await a.notes.current
                            .write(o.store, o.log)
                            .catch((e) => [
                            `its freight metadata and alias records were not written: ${(0,errors/* errorMessage */.gJ)(e)}`,
                        ]);
                        for (const p of problems)
                            o.log(`warning: ${p}`);
                    }
                    const message = `${(0,errors/* errorMessage */.gJ)(err)} (the promotion itself happened before this step: ${what})`;
                    throw err instanceof errors/* ConfigError */.xL
                        ? new errors/* ConfigError */.xL(message)
                        : new errors/* OperationError */.OK(message, { cause: err });
                }
                throw err;
            }
            const landed = ws.landing && !ws.landing.changed && earlier ? earlier : ws.landing;
            if (!landed) {
                throw new errors/* OperationError */.OK(done.pending
                    ? `${done.pending.message}, but nothing was pushed for ${stageBranch} before it: nothing was promoted`
                    : `the template ran, but no step pushed the stage's checkout of ${stageBranch}: nothing was promoted (add git-commit and git-push for the checkout of ${stageBranch})`);
            }
            const pullRequest = landed.pullRequest ?? done.pending?.pullRequest;
            // Steps after the wait run when the pull request is merged: say where to go on from.
            if (done.pending?.pullRequest && ws.github && !o.dryRun) {
                const wait = done.statuses.length - 1;
                const why = await (0,resume/* recordResume */.rQ)(ws.github, done.pending.pullRequest.number, {
                    v: 1,
                    project: o.project.name,
                    stage: stage.name,
                    freight: a.freight.id,
                    promotion: a.exprContext.promotion ?? '',
                    wait,
                    outputs: done.outputs,
                    statuses: done.statuses,
                }, stage.promotionTemplate.steps.length, a.exprContext.data ? (0,expr_data/* secretValues */.VX)(a.exprContext.data) : []);
                if (why)
                    o.log(`warning: ${why}`);
            }
            return {
                changed: landed.changed,
                commit: landed.commit,
                branch: stageBranch,
                ...(landed.previous ? { previous: landed.previous } : {}),
                changes: landed.changes,
                attempts,
                edits: done.summary,
                ...(landed.diff !== undefined ? { diff: landed.diff } : {}),
                ...(pullRequest && !landed.merged ? { pullRequest } : {}),
            };
        }
        finally {
            await scratch.remove();
        }
    };
    return (0,retry/* retry */.L5)(attempt, (err) => err instanceof src_state/* RaceLostError */.Ss || (host.isTransient(err) && ++transient < host.transientTries), host.racePolicy, host.retryHooks).catch((err) => {
        if (err instanceof src_state/* RaceLostError */.Ss) {
            const seconds = ((now() - started) / 1000).toFixed(1);
            if (earlier) {
                throw new errors/* OperationError */.OK(`${a.freight.alias} was promoted into ${stage.name} (it landed on ${earlier.pushedTo} as ${earlier.commit.slice(0, 7)}), but a later push of its template kept losing races for ${attempts} tries in ${seconds} s (${err.message})`);
            }
            throw new errors/* OperationError */.OK(`could not promote ${a.freight.alias} into ${stage.name}: the branches its template pushes kept moving for ${attempts} tries in ${seconds} s; nothing more was pushed, run the promotion again (${err.message})`);
        }
        throw err;
    });
}

// EXTERNAL MODULE: ./src/promotion/notes.ts
var notes = __webpack_require__(7440);
// EXTERNAL MODULE: ./src/util/settle.ts
var settle = __webpack_require__(3053);
// EXTERNAL MODULE: ./src/state/promote-reads.ts
var promote_reads = __webpack_require__(3901);
;// CONCATENATED MODULE: ./src/promotion/promote.ts
















/**
 * Every path the steps' configs name, for the sparse checkout; undefined (check out everything)
 * when a path is computed by an expression, known only when the step runs, or when a step works
 * on the whole tree (git-clear) or reads files its config does not name (a renderer).
 */
function stepPaths(stage) {
    const steps = stage.promotionTemplate.steps;
    const paths = [];
    for (const step of steps) {
        // A renderer reads what its input names (a kustomization's `../../base`, values files
        // beside the chart), which no step path lists: the whole branch is checked out for it.
        if (step.uses === 'git-clear' ||
            step.uses === 'kustomize-build' ||
            step.uses === 'helm-template')
            return undefined;
        const values = ['path', 'inPath', 'outPath', 'outFile', 'bodyFromFile'].map((k) => step.config[k]);
        for (const list of ['paths', 'inFiles']) {
            const many = step.config[list];
            if (Array.isArray(many))
                values.push(...many);
        }
        for (const v of values) {
            if (typeof v !== 'string')
                continue;
            if (v.includes('${{') || v.includes('${%'))
                return undefined;
            // A glob (delete's pathsAreGlobs) cannot be a sparse pattern of ours.
            if (/[*?[]/.test(v))
                return undefined;
            paths.push(v.replace(/^\.?\/+/, ''));
        }
    }
    return paths.filter((p) => p !== '' && p !== '.').length === paths.length ? paths : undefined;
}
/**
 * Kargo's Promotion, run once, in phases: read what is known, choose the freight (or check the
 * one named is available to the stage), check the run's gate, run the stage's steps on a
 * checkout of its branch and publish manifests and state together, then record the deployment.
 * Promoting older freight than the newest available holds auto-promotion (a rollback);
 * promoting the newest clears the hold.
 */
async function promote(o) {
    const stage = (0,pipeline/* findStage */.U9)(o.project, o.stage);
    const mode = o.mode ?? stage.promotionTemplate.mode;
    if (mode === 'pull-request' && !o.github) {
        throw new errors/* ConfigError */.xL(`stage ${stage.name} promotes by pull request, which needs the GitOps repository on GitHub and a token (the promote action's repository and token inputs); set mode: direct to push instead`);
    }
    const now = o.clock();
    const early = { taken: false };
    try {
        return await promoteWith(o, stage, mode, now, early);
    }
    finally {
        if (early.opened && !early.taken)
            await early.opened.then((c) => c.remove(), () => undefined);
    }
}
async function promoteWith(o, stage, mode, now, early) {
    // The gate is asked about while the state is read; its answer is awaited before any write.
    const gate = o.gate ? (0,settle/* settled */.g)(runGate(stage, o.gate)) : undefined;
    const view = await readView(o, stage, now, early);
    const chosen = chooseFreight(o, stage, view, now);
    if ('note' in chosen)
        return { stage: stage.name, note: chosen.note, held: false, warnings: [] };
    const { freight } = chosen;
    const hold = rollbackHold(stage, freight, view, now, o.promotedBy);
    const warnings = [];
    const approvedBy = grantApprovers(o, stage, freight, view);
    if (gate) {
        const g = await gate;
        if ('error' in g)
            throw g.error;
        passGate(g.value, stage, o, approvedBy, warnings);
    }
    const notes = notesFor(o, stage, view);
    const result = redactDiff(await publishSteps(o, stage, mode, freight, view, approvedBy, hold, notes, early), o.expressionData);
    // Freight records (set-metadata, set-freight-alias) of the attempt that was published.
    if (notes.current)
        await writeNotes(o, notes.current, result, warnings);
    const outcome = {
        stage: stage.name,
        freight,
        result,
        held: hold !== null,
        warnings,
        ...(approvedBy.length ? { approvedBy } : {}),
    };
    // A pull request is not a promotion yet: the deployment belongs to the merge.
    if (o.github?.deployments && result.changed && !o.dryRun && !result.pullRequest) {
        const deployment = await recordDeployment(o, o.github, stage, freight, result, warnings);
        if (deployment)
            outcome.deployment = deployment;
    }
    return outcome;
}
/**
 * Where the short form commits: the branch and the paths checked out. The checkout opened ahead
 * and the commit take it from here, so that the commit can use that checkout.
 */
function commitTarget(o, stage) {
    const paths = stepPaths(stage);
    return {
        project: o.project.name,
        stage: stage.name,
        ...(stage.branch !== undefined ? { branch: stage.branch } : {}),
        paths,
        sparse: paths !== undefined,
    };
}
/**
 * Phase one: freight, tags and stage states; promotion history only when the stage being
 * promoted asks for a soak time, and then only of the upstream stages that soak is counted in.
 */
async function readView(o, stage, now, early) {
    // Soak is time spent in an upstream stage, read from that stage's promotion history: a stage
    // whose requests set no requiredSoakTime (or whose soaks are elsewhere) does not pay for it.
    const upstream = new Set(stage.requestedFreight.flatMap((r) => (r.sources.requiredSoakTimeMs ? r.sources.stages : [])));
    const soakStages = o.project.stages.filter((s) => upstream.has(s.name));
    const named = o.freight;
    // Started first: with the branch tips the project read fetched it needs no git, and holding
    // the read cache's lock first it does not wait behind the freight reads' fetches, so that the
    // checkout below opens while those run.
    const statesRead = o.store.stageStates(o.project.name, o.project.stages, clonedBranches(o, stage));
    const records = named !== undefined && !soakStages.length && !readsOtherFreight(stage)
        ? o.store
            .namedPromotionRecords(o.project.name, (entries, aliasNoteIds) => (0,promote_reads/* promotionFreightIds */.n)(named, entries, aliasNoteIds))
            .then((snap) => snap ?? o.store.snapshot(o.project.name))
        : o.store.snapshot(o.project.name);
    const historyRead = soakStages.length
        ? o.store
            .stageBranches(soakStages)
            .then((branches) => o.store.promotions(o.project.name, branches, o.historyLimit ?? 200))
        : Promise.resolve([]);
    // A named freight is nearly always promoted: the short form's checkout of the stage's branch,
    // which does not depend on the freight, is opened once the branch tips are read (the tip the
    // stage's state came from), while the freight's tags are still being read. Not for freight
    // chosen by the reads, which often find nothing to do.
    if (named !== undefined && !(0,workspace/* planWorkspace */.hl)(o.project.name, stage).workspace) {
        early.opened = Promise.all([statesRead, historyRead]).then(() => o.store.openCheckout(commitTarget(o, stage)));
        // Its failure surfaces in the commit, which then opens another.
        early.opened.catch(() => undefined);
    }
    const [snap, states, history] = await (0,settle/* settleAll */.j)([records, statesRead, historyRead]);
    const facts = {
        verifications: snap.verifications,
        approvals: snap.approvals,
        project: o.project.name,
        ...(0,promotion_availability/* soakFromHistory */.rh)(history, snap.freight, now, states),
    };
    return { snap, states, facts };
}
/**
 * Whether the stage's promotion looks at freight besides the one promoted and the newer ones of
 * its warehouse: what it runs from other warehouses (the steps' freight collection), freight
 * metadata and aliases of any freight (set-metadata, set-freight-alias, freightMetadata()).
 * Such a promotion reads every freight; any other reads only those (promotionRecords).
 */
function readsOtherFreight(stage) {
    if (new Set(stage.requestedFreight.map((r) => `${r.origin.kind}/${r.origin.name}`)).size > 1)
        return true;
    return stage.promotionTemplate.steps.some((s) => s.uses === 'set-metadata' ||
        s.uses === 'set-freight-alias' ||
        JSON.stringify(s).includes('freightMetadata'));
}
/**
 * The GitOps repository's branches the stage's git-clone steps check out (that exist already, and
 * whose names are known before the steps run): fetched with the stages' branches in the state
 * read, so that the workspace checks them out from the read cache instead of fetching each again.
 */
function clonedBranches(o, stage) {
    const plan = (0,workspace/* planWorkspace */.hl)(o.project.name, stage);
    if (!plan.workspace)
        return [];
    const out = new Set();
    for (const c of plan.checkouts) {
        if (c.branch === undefined || c.create || c.detached || c.repoURL === undefined)
            continue;
        if (sameRepository(c.repoURL, o.store.remoteUrl))
            out.add(c.branch);
    }
    return [...out];
}
/**
 * Phase two: the freight named (refused when not available to the stage), or the newest
 * available that the stage does not run yet; a note when there is nothing to do, and an error
 * that says why and until when when the newest requested freight cannot enter yet.
 */
function chooseFreight(o, stage, { snap, states, facts }, now) {
    if (o.freight) {
        const freight = (0,promotion_availability/* resolveFreight */.WP)(o.freight, snap.freight);
        const availability = (0,promotion_availability/* freightAvailability */.$e)(stage, freight, facts, now);
        if (!availability.available) {
            throw new errors/* OperationError */.OK(`freight ${freight.alias} (${freight.id.slice(0, 7)}) is not available to ${stage.name}: ${availability.reasons.join('; ')}`);
        }
        return { freight };
    }
    const candidates = (0,promotion_availability/* promotionCandidate */.Xy)(stage, snap.freight, facts, now);
    const current = states.get(stage.name);
    const due = [...candidates.values()].find((f) => !current?.freight.some((c) => c.id === f.id));
    if (due)
        return { freight: due };
    if (!candidates.size) {
        // Say why the newest freight the stage asks for cannot enter it, and when it will.
        const requested = snap.freight.filter((f) => stage.requestedFreight.some((r) => r.origin.kind === f.origin.kind && r.origin.name === f.origin.name));
        const blocked = (0,order/* newestFreight */.u)(requested);
        if (blocked) {
            const why = (0,promotion_availability/* freightAvailability */.$e)(stage, blocked, facts, now);
            throw new errors/* OperationError */.OK(`no freight is available to ${stage.name}; the newest, ${blocked.alias} (${blocked.id.slice(0, 7)}): ${why.reasons.join('; ')}`);
        }
    }
    return {
        note: candidates.size
            ? 'the stage already runs the newest available freight'
            : 'no freight has been recorded for the warehouses this stage requests',
    };
}
/** A rollback by hand (older than the newest of its warehouse available here) holds the stage. */
function rollbackHold(stage, freight, { snap, facts }, now, by) {
    const available = snap.freight.filter((f) => f.origin.name === freight.origin.name && (0,promotion_availability/* freightAvailability */.$e)(stage, f, facts, now).available);
    const newest = (0,order/* newestFreight */.u)(available);
    if (!newest || newest.id === freight.id)
        return null;
    return {
        since: now.toISOString(),
        by,
        reason: `promoted ${freight.alias}, older than the newest available ${newest.alias}`,
    };
}
/** Who approved: those named by the caller, and `gantry approve` grants of this freight here. */
function grantApprovers(o, stage, freight, { snap }) {
    const approvedBy = [...(o.approvedBy ?? [])];
    for (const a of snap.approvals) {
        if (a.project === o.project.name &&
            a.stage === stage.name &&
            a.freightId === freight.id &&
            !approvedBy.includes(a.approvedBy)) {
            approvedBy.push(a.approvedBy);
        }
    }
    return approvedBy;
}
/**
 * Phase three, the gate's answer (a refusal has been thrown already): its notes logged, its
 * warnings kept, and the reviewers who approved the stage's environment added as approvers.
 */
function passGate(g, stage, o, approvedBy, warnings) {
    const warn = (w) => {
        warnings.push(w);
        o.log(`warning: ${w}`);
    };
    for (const line of g.notes)
        o.log(line);
    for (const w of g.warnings)
        warn(w);
    if (g.approvals instanceof Error) {
        warn(`could not read the approvals of run ${o.gate?.id}: ${(0,errors/* errorMessage */.gJ)(g.approvals)}`);
        return;
    }
    for (const a of g.approvals) {
        if (a.state === 'approved' &&
            a.environments.includes(stage.environment) &&
            !approvedBy.includes(a.login)) {
            approvedBy.push(a.login);
        }
    }
}
/**
 * Phase four: the stage's steps run on a checkout of its branch, and their result is committed
 * with the stage's state, published by push, by pull request, or through GitHub's API (signed).
 */
function publishSteps(o, stage, mode, freight, { snap, states }, approvedBy, hold, notes, early) {
    // The freight the steps see: what the stage runs from other warehouses, and this one.
    const collection = [
        ...(states.get(stage.name)?.freight ?? [])
            .filter((f) => f.origin.name !== freight.origin.name)
            .map((f) => snap.freight.find((x) => x.id === f.id))
            .filter((f) => Boolean(f)),
        freight,
    ];
    const publish = mode === 'pull-request' && o.github
        ? (0,promotion_publish/* pullRequestPublisher */.Pz)({
            github: o.github.repo,
            project: o.project.name,
            stage: stage.name,
            freight,
            runUrl: o.run,
            signed: o.github.signCommits,
        })
        : o.github?.signCommits
            ? (0,promotion_publish/* signedPublisher */.Ff)(o.github.repo)
            : undefined;
    const plan = (0,workspace/* planWorkspace */.hl)(o.project.name, stage);
    if (plan.workspace) {
        const stageState = states.get(stage.name);
        return promoteInWorkspace({
            options: o,
            stage,
            plan,
            ...(stageState ? { stageState } : {}),
            freight,
            collection,
            approvedBy,
            hold,
            exprContext: promotionExprContext(o, stage, freight, hold),
            ...(publish ? { publish } : {}),
            notes,
        });
    }
    const exprContext = promotionExprContext(o, stage, freight, hold);
    early.taken = early.opened !== undefined;
    return o.store.commitPromotion({
        ...commitTarget(o, stage),
        freight,
        promotedBy: o.promotedBy,
        approvedBy,
        run: o.run,
        dryRun: o.dryRun,
        ...(publish ? { publish } : {}),
        autoPromotionHold: hold,
        stageMetadata: () => notes.current?.ownStageMetadata(),
        edit: async (worktree) => {
            // Each run of the steps starts from what was read: a lost race drops what the last one set.
            const recorder = notes.fresh();
            const done = await (0,engine/* runSteps */.rl)(stage.promotionTemplate, {
                worktree,
                project: o.project.name,
                stage: stage.name,
                freight,
                freightCollection: collection,
                ...(0,step_services/* stepServices */.z)(o),
                notes: recorder,
                ...exprContext,
            }, o.registry);
            // A Kargo template's git-commit message goes into the body, after what the steps changed.
            return done.commitMessage
                ? [...done.summary, '', ...done.commitMessage.split(/\r?\n/)]
                : done.summary;
        },
    }, early.opened);
}
/**
 * Writes what the published attempt's steps recorded about freight. The promotion has landed
 * (or its pull request is open) by now, so a failure here is a warning that says so, as for the
 * deployment.
 */
async function writeNotes(o, recorder, result, warnings) {
    const warn = (w) => {
        warnings.push(w);
        o.log(`warning: ${w}`);
    };
    const pending = recorder.pendingNotes();
    if (!pending.length)
        return;
    if (o.dryRun) {
        o.log(`dry run: ${pending.length} freight record(s) (metadata, alias) not written`);
        return;
    }
    try {
        for (const w of await recorder.write(o.store, o.log))
            warn(w);
    }
    catch (err) {
        warn(`the promotion landed (${result.commit.slice(0, 7)} on ${result.branch}), but its freight metadata and alias records were not written: ${(0,errors/* errorMessage */.gJ)(err)}; promote again to record them`);
    }
}
function notesFor(o, stage, { snap, states }) {
    const box = {
        fresh: () => {
            box.current = new notes/* PromotionNotesRecorder */.B8({
                project: o.project.name,
                stage: stage.name,
                stages: o.project.stages.map((s) => s.name),
                snap,
                states,
                recordedBy: o.run ?? o.promotedBy,
                now: o.clock,
            });
            return box.current;
        },
    };
    return box;
}
/**
 * A dry run prints the diff, which shows a secret a step wrote into a file: gantry's output masks
 * it (the file itself is the template's business).
 */
function redactDiff(result, data) {
    const secrets = data ? (0,expr_data/* secretValues */.VX)(data) : [];
    if (result.diff === undefined || secrets.length === 0)
        return result;
    return { ...result, diff: new redact/* Redactor */.p().add(...secrets).redactValues(result.diff) };
}
function promotionExprContext(o, stage, freight, hold) {
    return {
        promotion: (0,engine/* promotionName */.XZ)({ stage: stage.name, freight }),
        actor: o.promotedBy,
        // The hold is set exactly when older freight than the newest available is promoted.
        rollback: hold !== null,
        uiBaseUrl: o.run ?? '',
        ...(o.expressionData ? { data: o.expressionData } : {}),
    };
}
/**
 * Phase five: the promotion as a deployment of the stage's environment, in progress until
 * verify ends it. The commit has landed either way, so a refusal is a warning, not a failure.
 */
async function recordDeployment(o, github, stage, freight, result, warnings) {
    try {
        const d = await github.repo.createDeployment({
            ref: result.commit,
            environment: stage.environment,
            description: (0,promotion_publish/* deploymentDescription */.kj)(freight, result.changes),
            payload: (0,promotion_publish/* deploymentPayload */.mG)(o.project.name, stage.name, freight, result.branch, result.changes),
        });
        await github.repo.createDeploymentStatus({
            deploymentId: d.id,
            state: 'in_progress',
            description: `promoted; waiting for verification`,
            ...(o.run ? { logUrl: o.run } : {}),
        });
        return { id: d.id, environment: stage.environment };
    }
    catch (err) {
        // The commit landed: the promotion happened. The Environments view is a mirror of it.
        const msg = `the promotion landed, but GitHub did not record its deployment: ${(0,errors/* errorMessage */.gJ)(err)}`;
        warnings.push(msg);
        o.log(`warning: ${msg}`);
        return undefined;
    }
}
/**
 * The run's environment reviews (they are also the promotion's Approved-By; a token that cannot
 * read them, it needs actions: read, costs the trailer), then the gate check that uses them.
 */
async function runGate(stage, run) {
    const approvals = await run.api
        .runApprovals(run.id)
        .catch((err) => (err instanceof Error ? err : new Error(String(err))));
    return { ...(await checkGate(stage, run, approvals)), approvals };
}


/***/ }),

/***/ 3119:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ promotionMarkdown),
/* harmony export */   y: () => (/* binding */ promotionText)
/* harmony export */ });
/* harmony import */ var _freight_changes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4058);
/* harmony import */ var _util_markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7183);
/**
 * What a promotion did, for people: the job summary (Markdown, rendered by GitHub) and the
 * terminal. Both show the version changes old → new and where the change went (commit or PR).
 */


function promotionMarkdown(o, opts) {
    const md = [`## gantry promote ${o.stage}${opts.dryRun ? ' (dry run)' : ''}`, ''];
    const f = o.freight;
    const r = o.result;
    if (!f || !r) {
        md.push(`Nothing to promote: ${o.note ?? ''}.`);
        return md.join('\n');
    }
    const freight = `**${(0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .tableCell */ .xR)(f.alias)}** (\`${f.id.slice(0, 7)}\`)`;
    const commit = opts.repoWebUrl
        ? `[\`${r.commit.slice(0, 7)}\`](${opts.repoWebUrl}/commit/${r.commit})`
        : `\`${r.commit.slice(0, 7)}\``;
    if (opts.dryRun)
        md.push(`Would promote ${freight} on \`${r.branch}\`.`);
    else if (!r.changed)
        md.push(`**${o.stage}** already runs ${freight}; nothing to commit.`);
    else if (r.pullRequest) {
        md.push(`${r.pullRequest.created ? 'Opened' : 'Updated'} [pull request #${r.pullRequest.number}](${r.pullRequest.url}) to promote ${freight} into \`${r.branch}\` (commit ${commit}). Merging it is the promotion.`);
    }
    else
        md.push(`Promoted ${freight}: commit ${commit} on \`${r.branch}\`.`);
    if (r.changes.length) {
        md.push('', ...(0,_freight_changes_js__WEBPACK_IMPORTED_MODULE_0__/* .changesTable */ .EI)(r.changes));
    }
    if (r.edits.length)
        md.push('', '**Changes made by the steps**', '', ...r.edits.map(_util_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .tableCell */ .xR));
    if (o.approvedBy?.length)
        md.push('', `Approved by ${o.approvedBy.map(_util_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .tableCell */ .xR).join(', ')}.`);
    if (o.deployment)
        md.push('', `Recorded as a deployment to the \`${(0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .tableCell */ .xR)(o.deployment.environment)}\` environment.`);
    if (opts.dryRun && r.diff)
        md.push('', '```diff', r.diff.trimEnd(), '```');
    if (o.held)
        md.push('', `Auto-promotion of **${o.stage}** is now held: newer freight is available.`);
    for (const w of o.warnings)
        md.push('', `> [!WARNING]`, `> ${(0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .tableCell */ .xR)(w)}`);
    return md.join('\n');
}
function promotionText(o, dryRun) {
    if (!o.freight || !o.result)
        return `nothing to promote into ${o.stage}: ${o.note ?? ''}\n`;
    const f = o.freight;
    const r = o.result;
    const name = `${f.alias} (${f.id.slice(0, 7)})`;
    const lines = [];
    if (dryRun)
        lines.push(`would promote ${name} into ${o.stage} on ${r.branch}:`, '', r.diff ?? '');
    else if (!r.changed)
        lines.push(`${o.stage} already runs ${name}; nothing to commit`);
    else if (r.pullRequest)
        lines.push(`${r.pullRequest.created ? 'opened' : 'updated'} pull request #${r.pullRequest.number} to promote ${name} into ${o.stage} (${r.branch}): ${r.pullRequest.url}`);
    else
        lines.push(`promoted ${name} into ${o.stage}: commit ${r.commit.slice(0, 7)} on ${r.branch}`);
    if (!dryRun) {
        for (const c of r.changes)
            lines.push(`  ${(0,_freight_changes_js__WEBPACK_IMPORTED_MODULE_0__/* .formatChange */ .eD)(c)}`);
        for (const e of r.edits)
            lines.push(`  ${e.replace(/^- /, '')}`);
    }
    if (o.held)
        lines.push(`auto-promotion of ${o.stage} is now held: newer freight is available (promote the newest to release it)`);
    for (const w of o.warnings)
        lines.push(`warning: ${w}`);
    return lines.join('\n').replace(/\n*$/, '\n');
}


/***/ }),

/***/ 318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rQ: () => (/* binding */ recordResume),
/* harmony export */   yA: () => (/* binding */ resumeAfterMerge)
/* harmony export */ });
/* unused harmony exports encodeResumeRecord, parseResumeRecord, withResumeRecord */
/* harmony import */ var _pipeline_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5785);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);
/* harmony import */ var _steps_engine_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6427);
/* harmony import */ var _step_services_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(208);




const MARKER = 'gantry:resume';
const RECORD = /<!-- gantry:resume ([A-Za-z0-9_-]+={0,2}) -->\n?/;
function encodeResumeRecord(r) {
    return `<!-- ${MARKER} ${Buffer.from(JSON.stringify(r), 'utf8').toString('base64url')} -->`;
}
function parseResumeRecord(body) {
    const m = RECORD.exec(body);
    if (!m?.[1])
        return undefined;
    let r;
    try {
        r = JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8'));
    }
    catch {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL("the pull request's gantry:resume record is not readable");
    }
    const rec = r;
    if (rec.v !== 1 ||
        typeof rec.project !== 'string' ||
        typeof rec.stage !== 'string' ||
        typeof rec.freight !== 'string' ||
        typeof rec.promotion !== 'string' ||
        typeof rec.wait !== 'number' ||
        typeof rec.outputs !== 'object' ||
        rec.outputs === null ||
        !Array.isArray(rec.statuses)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL("the pull request's gantry:resume record is not one gantry wrote");
    }
    return rec;
}
/** The pull request's body with `record` in place of any earlier one. */
function withResumeRecord(body, record) {
    const rest = body.replace(RECORD, '').trimEnd();
    return `${rest}\n${encodeResumeRecord(record)}\n`;
}
/**
 * Write the record into the pull request the promotion waits on, when steps follow the wait.
 * Returns why it could not, for the promotion's message; undefined when written or not needed.
 */
async function recordResume(api, prNumber, record, steps, secrets) {
    if (record.wait >= steps - 1)
        return undefined;
    const text = JSON.stringify(record.outputs);
    if (secrets.some((s) => s && text.includes(s))) {
        return `the steps after step ${record.wait + 1} will not run on the merge: the outputs they would read hold a secret's value, which gantry keeps out of pull requests; promote again after the merge`;
    }
    const pr = await api.getPullRequest(prNumber);
    await api.updatePullRequest({ number: prNumber, body: withResumeRecord(pr.body, record) });
    return undefined;
}
/**
 * Run the steps after the wait of a merged pull request's promotion. They run as the template
 * would have run them, with the outputs of the steps before, the wait's outputs from the merge,
 * and no workspace: what comes after a wait in Kargo's templates (argocd-update, http,
 * compose-output) acts outside the repository; a git step there fails, saying so.
 */
async function resumeAfterMerge(o, scratchDir) {
    if (!o.github) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL("resuming after a pull request needs the GitOps repository on GitHub and a token (the promote action's repository and token inputs)");
    }
    const pr = await o.github.repo.getPullRequest(o.pullRequest);
    const ref = { number: pr.number, url: pr.url };
    const record = parseResumeRecord(pr.body);
    if (!record) {
        return { pullRequest: ref, note: `pull request #${pr.number} has no steps left to run` };
    }
    if (record.project !== o.project.name || (o.stage !== undefined && record.stage !== o.stage)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`pull request #${pr.number} promotes ${record.project}/${record.stage}, not ${o.project.name}${o.stage ? `/${o.stage}` : ''}`);
    }
    if (!pr.merged) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK(`pull request #${pr.number} is ${pr.state === 'closed' ? 'closed without being merged: the promotion did not happen' : 'not merged yet: merging it completes the promotion'} (${pr.url})`);
    }
    const stage = (0,_pipeline_index_js__WEBPACK_IMPORTED_MODULE_0__/* .findStage */ .U9)(o.project, record.stage);
    const steps = stage.promotionTemplate.steps;
    const wait = steps[record.wait];
    if (!wait || record.statuses.length !== record.wait + 1) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`pull request #${pr.number}: stage ${record.stage}'s template changed since the promotion went pending (its step ${record.wait + 1} is not the one it waited at); promote again`);
    }
    // That freight's tags alone when the freight index knows it; every freight's otherwise.
    const snap = (await o.store.promotionRecords(o.project.name, (entries) => entries.some((e) => e.freightId === record.freight) ? new Set([record.freight]) : undefined)) ?? (await o.store.snapshot(o.project.name));
    const freight = snap.freight.find((f) => f.id === record.freight);
    if (!freight) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK(`freight ${record.freight} of pull request #${pr.number} is not recorded`);
    }
    const alias = (0,_steps_engine_js__WEBPACK_IMPORTED_MODULE_2__/* .stepAlias */ .N_)(wait, record.wait);
    const statuses = [...record.statuses.slice(0, -1), 'Succeeded'];
    const done = await (0,_steps_engine_js__WEBPACK_IMPORTED_MODULE_2__/* .runSteps */ .rl)(stage.promotionTemplate, {
        worktree: scratchDir,
        project: o.project.name,
        stage: stage.name,
        freight,
        freightCollection: [freight],
        ...(0,_step_services_js__WEBPACK_IMPORTED_MODULE_3__/* .stepServices */ .z)(o),
        promotion: record.promotion,
        actor: o.promotedBy,
        uiBaseUrl: o.run ?? '',
        ...(o.expressionData ? { data: o.expressionData } : {}),
        resume: {
            from: record.wait + 1,
            statuses,
            outputs: {
                ...record.outputs,
                [alias]: {
                    pr: { id: pr.number, url: pr.url, open: false, merged: true },
                    ...(pr.mergeCommitSha ? { commit: pr.mergeCommitSha } : {}),
                },
            },
        },
    }, o.registry);
    return {
        pullRequest: ref,
        freight,
        statuses: done.statuses.slice(record.wait + 1),
        outputs: done.outputs,
    };
}


/***/ }),

/***/ 208:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ stepServices)
/* harmony export */ });
/**
 * What every run of a promotion's steps gets from the command that runs them (the short form, the
 * workspace form, the steps resumed after a pull request merged): the same I/O, waits, log, environment,
 * registry credentials and dry-run setting, the optional ones left out rather than undefined.
 */
function stepServices(o) {
    return {
        fetch: o.fetch,
        log: o.log,
        ...(o.sleep ? { sleep: o.sleep } : {}),
        ...(o.group ? { group: o.group } : {}),
        ...(o.env ? { env: o.env } : {}),
        ...(o.registryCredentials ? { registryCredentials: o.registryCredentials } : {}),
        dryRun: o.dryRun,
    };
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


/***/ })

};
