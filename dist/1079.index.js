export const id = 1079;
export const ids = [1079,7107,1324];
export const modules = {

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

/***/ 8077:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ dispatchPromotion)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);

/**
 * Starts the promote workflow for one promotion (workflow_dispatch with inputs stage, freight
 * and, when needed, project). Returns the error text instead of throwing: one failed start must
 * not stop the others, and the caller reports each.
 */
async function dispatchPromotion(t, p) {
    try {
        await t.github.dispatchWorkflow({
            workflow: t.workflow,
            ref: t.ref,
            inputs: {
                stage: p.stage,
                freight: p.freight,
                ...(t.withProject ? { project: p.project } : {}),
            },
        });
        return undefined;
    }
    catch (err) {
        return (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err);
    }
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

/***/ 7440:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B8: () => (/* binding */ PromotionNotesRecorder),
/* harmony export */   __: () => (/* binding */ recordedMetadata),
/* harmony export */   gF: () => (/* binding */ NOTES_SIGNATURES),
/* harmony export */   xL: () => (/* binding */ notesFunctions)
/* harmony export */ });
/* harmony import */ var _expr_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1750);
/* harmony import */ var _state_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5128);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);
/* harmony import */ var _util_suggest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7406);
/**
 * What `set-metadata` and `set-freight-alias` record during one attempt of a promotion, and what
 * `freightMetadata()` and `stageMetadata()` read.
 *
 * Kargo patches the Stage's and Freight's status at once. gantry's state is git, written with
 * the promotion: the stage's metadata goes into its state file, in the promotion's commit (so a
 * push that loses a race takes it along to the retry, or drops it with the attempt); freight
 * metadata and aliases become new tags (src/state/freight-notes.ts), pushed in one atomic push once
 * the promotion's commit is published, never by an attempt that lost its race, never in a dry
 * run. Later steps of the same promotion already see what earlier ones set, as in Kargo.
 */




/** Kargo's alias is a Kubernetes label value: at most 63 characters, alphanumeric at both ends. */
const ALIAS = /^[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
class PromotionNotesRecorder {
    base;
    stageValues;
    freightValues = new Map();
    /** New aliases by freight ID, as they are after this attempt's steps. */
    aliases = new Map();
    /**
     * Every alias change in the order the steps made them: written as records in that order, so
     * that an alias one freight gave up and another then took folds the same way.
     */
    aliasLog = [];
    constructor(base) {
        this.base = base;
    }
    freight(name, step) {
        const found = this.base.snap.freight.find((f) => f.id === name);
        if (!found) {
            const byAlias = this.base.snap.freight.find((f) => this.aliasOf(f) === name);
            const hint = byAlias ? ` ("${name}" is the alias of ${byAlias.id}: pass its ID)` : '';
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OperationError */ .OK(`${step}: freight ${JSON.stringify(name)} not found in project ${this.base.project}${hint}; name freight by its ID, as ctx.targetFreight.name gives it`);
        }
        return found;
    }
    aliasOf(f) {
        return this.aliases.get(f.id) ?? f.alias;
    }
    setStageMetadata(stage, values) {
        if (stage !== this.base.stage) {
            const known = this.base.stages.includes(stage);
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(known
                ? `set-metadata: stage ${JSON.stringify(stage)} is not the stage being promoted (${this.base.stage}); gantry keeps a stage's metadata in its state file, which only its own promotions write: set it in ${stage}'s promotion template`
                : `set-metadata: no stage ${JSON.stringify(stage)} in project ${this.base.project}${(0,_util_suggest_js__WEBPACK_IMPORTED_MODULE_3__/* .didYouMean */ .au)(stage, this.base.stages)}`);
        }
        this.stageValues = (0,_state_index_js__WEBPACK_IMPORTED_MODULE_1__/* .mergeMetadata */ .W1)(this.stageValues, values);
    }
    setFreightMetadata(name, values) {
        const f = this.freight(name, 'set-metadata');
        this.freightValues.set(f.id, (0,_state_index_js__WEBPACK_IMPORTED_MODULE_1__/* .mergeMetadata */ .W1)(this.freightValues.get(f.id), values));
    }
    setFreightAlias(name, alias) {
        const f = this.freight(name, 'set-freight-alias');
        if (!ALIAS.test(alias)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`set-freight-alias: alias ${JSON.stringify(alias)} is not valid: as in Kargo (a Kubernetes label value), at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit`);
        }
        const previous = this.aliasOf(f);
        const holder = this.base.snap.freight.find((o) => o.id !== f.id && this.aliasOf(o) === alias);
        if (holder) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OperationError */ .OK(`set-freight-alias: alias ${JSON.stringify(alias)} is already used by freight ${holder.id.slice(0, 7)} in project ${this.base.project}; aliases are unique in a project`);
        }
        if (alias !== previous) {
            this.aliases.set(f.id, alias);
            this.aliasLog.push({ freightId: f.id, alias, previous });
        }
        return { previous };
    }
    /** freightMetadata(): the freight's metadata with this promotion's changes; nil when none. */
    freightMetadata(name) {
        const recorded = this.base.snap.freightMetadata?.[name];
        const pending = this.freightValues.get(name);
        if (!recorded && !pending)
            return undefined;
        return pending ? (0,_state_index_js__WEBPACK_IMPORTED_MODULE_1__/* .mergeMetadata */ .W1)(recorded, pending) : { ...recorded };
    }
    /** stageMetadata(): the stage's metadata from its state file (and this promotion's); nil when none. */
    stageMetadata(stage) {
        const recorded = this.base.states.get(stage)?.metadata;
        const pending = stage === this.base.stage ? this.stageValues : undefined;
        if (!recorded && !pending)
            return undefined;
        return pending ? (0,_state_index_js__WEBPACK_IMPORTED_MODULE_1__/* .mergeMetadata */ .W1)(recorded, pending) : { ...recorded };
    }
    /** What the stage's state file gets from this attempt (the promotion's write asks for it). */
    ownStageMetadata() {
        return this.stageValues;
    }
    /** The records this attempt would write, each timed after every record it has read. */
    pendingNotes() {
        // The fold orders records by time: a writer whose clock is behind must not slip its record
        // in before one it has already seen.
        const seen = [
            ...(this.base.snap.notes ?? []).map((n) => Date.parse(n.note.record.recordedAt)),
            ...this.base.snap.freight.map((f) => Date.parse(f.createdAt)),
        ];
        const at = new Date(Math.max(this.base.now().getTime(), ...seen.map((t) => t + 1)));
        const common = {
            project: this.base.project,
            recordedAt: at.toISOString(),
            recordedBy: this.base.recordedBy,
            stage: this.base.stage,
        };
        const notes = [];
        for (const [freightId, values] of this.freightValues) {
            notes.push({ kind: 'metadata', record: { ...common, freightId, values } });
        }
        // One millisecond apart, in the order the steps made them (see aliasLog).
        this.aliasLog.forEach(({ freightId, alias, previous }, i) => {
            const recordedAt = new Date(at.getTime() + i).toISOString();
            notes.push({ kind: 'alias', record: { ...common, recordedAt, freightId, alias, previous } });
        });
        return notes;
    }
    /**
     * Writes the freight records (one atomic push), then reads them back: an alias another writer
     * claimed first, between this promotion's read and its push, is not this freight's (the fold
     * decides, the same way for every reader). Returns problems to report; the promotion stands.
     */
    async write(store, log) {
        const notes = this.pendingNotes();
        if (!notes.length)
            return [];
        const tags = await store.recordNotes(notes);
        for (const t of tags)
            log(`recorded ${t}`);
        if (!notes.some((n) => n.kind === 'alias'))
            return [];
        // Read back: the fold says which records lost, the same way for every reader.
        const after = await store.snapshot(this.base.project);
        const problems = [];
        for (const d of after.deniedAliases ?? []) {
            if (!tags.includes(d.tag))
                continue;
            const keeps = after.freight.find((f) => f.id === d.record.freightId)?.alias;
            problems.push(`set-freight-alias: alias ${JSON.stringify(d.record.alias)} went to freight ${d.heldBy.slice(0, 7)}, which claimed it first; freight ${d.record.freightId.slice(0, 7)} keeps ${keeps ?? d.record.previous ?? 'its alias'}`);
        }
        return problems;
    }
}
/** What `gantry lint` knows of the functions below. */
const NOTES_SIGNATURES = {
    // Kargo's deprecated second argument (a key) is still read: older manifests use it.
    freightMetadata: { min: 1, max: 2 },
    stageMetadata: { min: 1, max: 1 },
};
/** The metadata as recorded, for expressions outside a promotion (verification). */
function recordedMetadata(snap, states) {
    const copy = (m) => (m ? { ...m } : undefined);
    return {
        freightMetadata: (id) => copy(snap.freightMetadata?.[id]),
        stageMetadata: (stage) => copy(states.get(stage)?.metadata),
    };
}
/** `freightMetadata()` and `stageMetadata()` over `notes`; nil everywhere without it. */
function notesFunctions(notes) {
    return {
        freightMetadata: (args) => {
            const [name, key] = (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .expectArgs */ .dA)('freightMetadata', args, ['string'], ['string']);
            if (name === '')
                throw new Error('freightMetadata(): the freight name must not be empty');
            const m = notes?.freightMetadata(name);
            if (key === undefined)
                return m ?? null;
            if (key === '')
                throw new Error('freightMetadata(): the metadata key must not be empty');
            return m && Object.hasOwn(m, key) ? m[key] : null;
        },
        stageMetadata: (args) => {
            const [name] = (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .expectArgs */ .dA)('stageMetadata', args, ['string']);
            if (name === '')
                throw new Error('stageMetadata(): the stage name must not be empty');
            return notes?.stageMetadata(name) ?? null;
        },
    };
}


/***/ }),

/***/ 1166:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ff: () => (/* binding */ signedPublisher),
/* harmony export */   Pz: () => (/* binding */ pullRequestPublisher),
/* harmony export */   UJ: () => (/* binding */ promotionMarker),
/* harmony export */   kj: () => (/* binding */ deploymentDescription),
/* harmony export */   mG: () => (/* binding */ deploymentPayload)
/* harmony export */ });
/* unused harmony exports pullRequestBranch, pullRequestBody */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _freight_changes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4058);
/* harmony import */ var _github_port_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8212);
/* harmony import */ var _state_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5128);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17);
/* harmony import */ var _util_markdown_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7183);
/**
 * How a promotion commit leaves the checkout when it is not a plain `git push` to the stage's
 * branch: as a commit GitHub signs (GraphQL `createCommitOnBranch`), or through a pull request
 * (a branch per stage, one PR kept up to date; merging it is the promotion).
 */







/** The branch gantry keeps a stage's pull request on. Owned by gantry: it is rewritten freely. */
function pullRequestBranch(project, stage) {
    return `gantry/promote/${project}/${stage}`;
}
/** What the commit changes against its parent, with the new contents read from the checkout. */
async function fileChanges(p) {
    const out = await p.git(['diff', '--name-status', '-z', '--no-renames', p.parent, p.commit]);
    const fields = out.stdout.split('\0').filter((f) => f !== '');
    const changes = { additions: [], deletions: [] };
    for (let i = 0; i + 1 < fields.length; i += 2) {
        const status = fields[i] ?? '';
        const path = fields[i + 1] ?? '';
        if (status === 'D') {
            changes.deletions.push(path);
            continue;
        }
        const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(p.dir, path);
        // GitHub's API writes regular files only: a link or a mode change would be lost silently.
        if ((await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(abs)).isSymbolicLink()) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .OperationError */ .OK(`${path} is a symbolic link, which a signed commit through GitHub's API cannot carry; promote without sign-commits`);
        }
        changes.additions.push({ path, contents: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(abs) });
    }
    return changes;
}
function splitMessage(message) {
    const nl = message.indexOf('\n');
    if (nl < 0)
        return { headline: message.trim(), body: '' };
    return { headline: message.slice(0, nl).trim(), body: message.slice(nl + 1).replace(/^\n+/, '') };
}
/** Applies the commit's changes on `branch` through GitHub, which signs the result. */
async function signedCommit(github, p, branch, changes) {
    const { additions, deletions } = changes ?? (await fileChanges(p));
    const { headline, body } = splitMessage(p.message);
    try {
        const made = await github.createCommitOnBranch({
            branch,
            expectedHeadOid: p.parent,
            headline,
            body,
            additions,
            deletions,
        });
        return made.oid;
    }
    catch (err) {
        if (!(err instanceof _github_port_js__WEBPACK_IMPORTED_MODULE_3__/* .StaleHeadError */ .q))
            throw err;
        // The branch moved: someone else's commit, or ours, made by an earlier try whose answer was
        // lost. Ours has the promotion's parent and tree: then it is published, not a race.
        const landed = await ownCommitAt(p, branch);
        if (landed)
            return landed;
        throw new _state_index_js__WEBPACK_IMPORTED_MODULE_4__/* .RaceLostError */ .Ss(`${branch} moved: ${err.message}`);
    }
}
/** Fetches a remote branch's tip and its parent (no blobs) into `ref` of the checkout. */
function fetchTip(p, branch, ref) {
    const spec = `+refs/heads/${branch}:${ref}`;
    return p.git(['fetch', '-q', '--no-tags', '--depth=2', '--filter=blob:none', 'origin', spec]);
}
/** The branch's tip, when it is this promotion's commit as GitHub made it (same parent and tree). */
async function ownCommitAt(p, branch) {
    try {
        const ref = `refs/gantry-published/${branch}`;
        await fetchTip(p, branch, ref);
        const [tip = '', parent = '', tree = ''] = (await p.git(['rev-parse', ref, `${ref}^`, `${ref}^{tree}`])).stdout.split('\n');
        const ours = (await p.git(['rev-parse', `${p.commit}^{tree}`])).stdout.trim();
        return parent === p.parent && tree === ours ? tip : undefined;
    }
    catch {
        return undefined;
    }
}
/** Direct mode with signed commits: the commit lands on the stage's branch through GitHub. */
function signedPublisher(github) {
    return async (p) => ({ commit: await signedCommit(github, p, p.branch) });
}
/** A marker that names the promotion, so a later run recognises its own pull request body. */
const MARKER = 'gantry:promotion';
/** The hidden line that names the promotion a pull request carries. */
function promotionMarker(project, stage, freightId) {
    return `<!-- ${MARKER} project=${project} stage=${stage} freight=${freightId} -->`;
}
function pullRequestBody(o, branch, changes, edits) {
    const f = o.freight;
    const lines = [
        `Promotes freight **${(0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .tableCell */ .xR)(f.alias)}** (\`${f.id.slice(0, 7)}\`) from warehouse \`${f.origin.name}\` into stage **${o.stage}** of project \`${o.project}\`.`,
        '',
        `Merging this pull request is the promotion: \`${branch}\` then runs this freight. gantry updates this pull request when other freight is promoted into ${o.stage} before it is merged.`,
    ];
    if (changes.length) {
        lines.push('', ...(0,_freight_changes_js__WEBPACK_IMPORTED_MODULE_2__/* .changesTable */ .EI)(changes));
    }
    if (edits.length)
        lines.push('', '<details><summary>Changes made by the steps</summary>', '', ...edits.map(_util_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .tableCell */ .xR), '', '</details>');
    if (o.runUrl)
        lines.push('', `Opened by [this workflow run](${o.runUrl}).`);
    lines.push('', promotionMarker(o.project, o.stage, f.id));
    return lines.join('\n') + '\n';
}
/**
 * Pull-request mode: the commit (built on the stage branch's tip) goes to the stage's own
 * branch, and one pull request from there into the stage branch carries it. The PR branch is
 * rewritten on every promotion (it belongs to gantry; nothing else should commit to it); a run
 * that would write the same content on the same base leaves the branch and its reviews alone.
 */
function pullRequestPublisher(o) {
    const head = pullRequestBranch(o.project, o.stage);
    return async (p) => {
        const title = p.message.split('\n')[0]?.trim() ?? `promote ${o.stage}`;
        const body = pullRequestBody(o, p.branch, p.changes, p.edits);
        const existing = await o.github.findPullRequest({ head, base: p.branch });
        let commit = p.commit;
        if (existing && (await sameChange(p, head, existing, o.freight.id))) {
            commit = existing.headSha;
        }
        else if (o.signed) {
            // GitHub closes a pull request for good when its head branch stops having commits beyond
            // the base. So the signed commit is made on a scratch branch at the base's tip, and the
            // pull request's branch then moves to it in one step.
            const changes = await fileChanges(p);
            const scratch = `${head}-${p.commit.slice(0, 12)}`;
            await o.github.setBranch({ branch: scratch, sha: p.parent });
            try {
                commit = await signedCommit(o.github, { ...p, branch: scratch }, scratch, changes);
                await o.github.setBranch({ branch: head, sha: commit });
            }
            finally {
                await o.github.deleteBranch(scratch).catch(() => undefined);
            }
        }
        else {
            // Plain `git push --force` to gantry's own branch: the previous proposal is replaced.
            await p.git(['push', '--quiet', '--force', 'origin', `${p.commit}:refs/heads/${head}`]);
        }
        if (existing) {
            const updated = await o.github.updatePullRequest({ number: existing.number, title, body });
            return { commit, pullRequest: { number: updated.number, url: updated.url, created: false } };
        }
        const created = await o.github.createPullRequest({ head, base: p.branch, title, body });
        return { commit, pullRequest: { number: created.number, url: created.url, created: true } };
    };
}
/**
 * Whether the PR branch already proposes this freight on the same base with the same manifests.
 * The state file differs in any case (its promotedAt), so it alone does not count.
 */
async function sameChange(p, head, existing, freightId) {
    if (!existing.body.includes(`${MARKER} `) || !existing.body.includes(`freight=${freightId} `)) {
        return false;
    }
    try {
        await fetchTip(p, head, `refs/gantry-pr/${head}`);
        const theirs = (await p.git(['rev-parse', `refs/gantry-pr/${head}`, `refs/gantry-pr/${head}^`])).stdout.split('\n');
        if (theirs[0] !== existing.headSha || theirs[1] !== p.parent)
            return false;
        const diff = await p.git(['diff', '--name-only', '-z', existing.headSha, p.commit]);
        const paths = diff.stdout.split('\0').filter((x) => x !== '');
        return paths.every((x) => x.startsWith('.gantry/state/'));
    }
    catch {
        // Unreadable: publish again rather than guess.
        return false;
    }
}
/** A deployment's one-line description: the alias and the versions (the client cuts it to fit). */
function deploymentDescription(freight, changes) {
    const parts = changes.map((c) => (0,_freight_changes_js__WEBPACK_IMPORTED_MODULE_2__/* .formatChange */ .eD)(c).replace(/^.*\//, ''));
    return `${freight.alias}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}
/** What a deployment carries: enough for a reader of the Environments view, or verify, to act. */
function deploymentPayload(project, stage, freight, branch, changes) {
    return {
        gantry: {
            project,
            stage,
            branch,
            freight: {
                id: freight.id,
                alias: freight.alias,
                warehouse: freight.origin.name,
                images: freight.images.map((i) => ({ repoURL: i.repoURL, tag: i.tag, digest: i.digest })),
                charts: freight.charts.map((c) => ({
                    repoURL: c.repoURL,
                    name: c.name,
                    version: c.version,
                })),
                commits: freight.commits.map((c) => ({ repoURL: c.repoURL, id: c.id, tag: c.tag })),
            },
            changes,
        },
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


/***/ }),

/***/ 7107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   compileRegex: () => (/* reexport safe */ _regex_core_js__WEBPACK_IMPORTED_MODULE_0__.DL),
/* harmony export */   loadRegexEngine: () => (/* reexport safe */ _regex_core_js__WEBPACK_IMPORTED_MODULE_0__.cG)
/* harmony export */ });
/* harmony import */ var re2js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2856);
/* harmony import */ var _regex_core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8887);
/**
 * Go RE2 patterns, with the engine loaded: a module that matches at run time (discovery's tag
 * filters, the copy step's globs, …) imports this one, and re2js loads with it. Modules that may
 * compile a pattern only for some projects (project checks, expressions) import ./regex-core.js,
 * and whoever loads those projects loads the engine first when they need it (loadRegexEngine).
 */


(0,_regex_core_js__WEBPACK_IMPORTED_MODULE_0__/* .useRegexEngine */ .p8)({ RE2JS: re2js__WEBPACK_IMPORTED_MODULE_1__/* .RE2JS */ .L3, RE2JSException: re2js__WEBPACK_IMPORTED_MODULE_1__/* .RE2JSException */ .o_ });



/***/ }),

/***/ 8909:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bn: () => (/* binding */ verifyText),
/* harmony export */   vB: () => (/* binding */ verifyMarkdown),
/* harmony export */   wk: () => (/* binding */ verifyJson)
/* harmony export */ });
/* harmony import */ var _util_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7183);

const ICON = {
    Successful: '✅',
    Failed: '❌',
    Inconclusive: '❔',
    Error: '⚠️',
    Skipped: '⏭️',
};
function headline(o) {
    const f = `${o.freight.alias} (${o.freight.id.slice(0, 7)})`;
    if (o.alreadyVerified)
        return `${f} was already verified in ${o.stage}; nothing to do`;
    if (o.verified)
        return o.analysis
            ? `verified ${f} in ${o.stage}: ${o.analysis.message}`
            : `verified ${f} in ${o.stage} (the stage has no verification: verified once promoted)`;
    return `verification of ${f} in ${o.stage} ${o.phase === 'Failed' ? 'failed' : `ended ${o.phase}`}: ${o.analysis?.message ?? ''}`;
}
function downstreamLine(d) {
    const f = d.freight ? `${d.freight.alias} (${d.freight.id.slice(0, 7)})` : '';
    if (d.due) {
        const started = d.dispatched
            ? d.dispatched.error
                ? `; could not start ${d.dispatched.workflow}: ${d.dispatched.error}`
                : `; started ${d.dispatched.workflow}`
            : '';
        return `${d.stage}: ${f} is due${started}`;
    }
    // Soak reasons already say when; others that have an instant get it here.
    const when = d.availableAt && !d.reason?.includes('available at') ? ` (available at ${d.availableAt})` : '';
    return `${d.stage}: ${f ? `${f} ` : ''}not due: ${d.reason ?? ''}${when}`;
}
function verifyMarkdown(o) {
    const md = [
        `## gantry verify ${o.stage}`,
        '',
        `${ICON[o.phase] ?? ''} ${(0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .tableCell */ .xR)(headline(o))}`,
    ];
    md.push('', `Commit \`${o.commit.slice(0, 7)}\`.`);
    if (o.analysis?.metrics.length) {
        const rows = o.analysis.metrics.flatMap((m) => m.measurements.length
            ? [
                ...m.measurements.map((x, i) => [
                    i === 0 ? m.name : '',
                    String(i + 1),
                    `${ICON[x.phase] ?? ''} ${x.phase}`,
                    x.value ?? '',
                    x.message ?? '',
                ]),
                [`**${m.name}**`, '', `**${m.phase}**`, '', m.message],
            ]
            : [[m.name, '', `${ICON[m.phase] ?? ''} ${m.phase}`, '', m.message]]);
        md.push('', ...(0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdTable */ .gJ)(['metric', '#', 'phase', 'value', 'why'], rows));
        md.push('', `**Decision: ${o.phase}.** ${(0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .tableCell */ .xR)(o.analysis.message)}`);
    }
    if (o.downstream.length) {
        md.push('', '**Next stages**', '');
        for (const d of o.downstream)
            md.push(`- ${(0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .tableCell */ .xR)(downstreamLine(d))}`);
    }
    for (const w of o.warnings)
        md.push('', '> [!WARNING]', `> ${(0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .tableCell */ .xR)(w)}`);
    return md.join('\n');
}
function verifyText(o) {
    const lines = [headline(o)];
    for (const m of o.analysis?.metrics ?? []) {
        lines.push(`  ${m.name} (${m.provider}): ${m.phase}${m.message ? ` — ${m.message}` : ''}`);
        m.measurements.forEach((x, i) => {
            const value = x.value ? ` ${x.value}` : '';
            const why = x.message ? ` (${x.message})` : '';
            lines.push(`    #${i + 1} ${x.phase}${value}${why}`);
        });
    }
    for (const d of o.downstream)
        lines.push(`next: ${downstreamLine(d)}`);
    for (const w of o.warnings)
        lines.push(`warning: ${w}`);
    return lines.join('\n') + '\n';
}
function verifyJson(o) {
    return {
        stage: o.stage,
        freight: { id: o.freight.id, alias: o.freight.alias },
        commit: o.commit,
        result: o.phase,
        verified: o.verified,
        alreadyVerified: o.alreadyVerified,
        metrics: o.analysis?.metrics ?? [],
        message: o.analysis?.message ?? null,
        downstream: o.downstream,
        ...(o.deployment ? { deployment: o.deployment } : {}),
        warnings: o.warnings,
    };
}


/***/ }),

/***/ 8998:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ verify)
/* harmony export */ });
/* unused harmony export downstreamOf */
/* harmony import */ var _freight_order_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1447);
/* harmony import */ var _github_dispatch_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8077);
/* harmony import */ var _pipeline_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5785);
/* harmony import */ var _pipeline_auto_promotion_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(4731);
/* harmony import */ var _promotion_availability_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9054);
/* harmony import */ var _promotion_publish_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1166);
/* harmony import */ var _expr_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1750);
/* harmony import */ var _promotion_notes_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7440);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(17);
/* harmony import */ var _analysis_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7453);
/* harmony import */ var _util_settle_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3053);
/**
 * The verify use case, shared by the CLI and the action: run a stage's verification for the
 * freight it runs now, record the verified tag when it succeeds, mirror the outcome on the
 * stage's GitHub deployment, and continue the chain: list the downstream stages for which the
 * freight is now due and, when asked, start their promotion workflow.
 */











/** One line per metric for the verified tag: `healthz: Successful (1 of 1)`. */
function recordSummary(analysis) {
    if (!analysis)
        return ['no verification configured: verified when the promotion landed'];
    return analysis.metrics.map((m) => `${m.name}: ${m.phase} (${m.successful} successful, ${m.failed} failed, ${m.inconclusive} inconclusive, ${m.error} errors)`);
}
/**
 * Runs the stage's verification for the freight it runs, in three phases: measure (the analysis),
 * record (the verified tag, the deployment's status), continue the chain (downstream stages now
 * due, and their workflows started when asked).
 */
async function verify(o) {
    const view = await readView(o);
    const { analysis, phase } = view.before
        ? { phase: 'Successful' }
        : await measure(o, view);
    const record = phase === 'Successful' && !view.before ? await recordVerified(o, view, analysis) : undefined;
    const outcome = {
        stage: view.stage.name,
        freight: view.freight,
        commit: view.commit,
        phase,
        ...(analysis ? { analysis } : {}),
        alreadyVerified: Boolean(view.before),
        verified: phase === 'Successful',
        downstream: [],
        warnings: [],
    };
    await mirrorOnDeployment(o, view, outcome);
    if (outcome.verified)
        await continueChain(o, view, outcome, record);
    return outcome;
}
async function readView(o) {
    const stage = (0,_pipeline_index_js__WEBPACK_IMPORTED_MODULE_1__/* .findStage */ .U9)(o.project, o.stage);
    const branches = await o.store.stageBranches(o.project.stages);
    const [snap, states, history] = await (0,_util_settle_js__WEBPACK_IMPORTED_MODULE_8__/* .settleAll */ .j)([
        o.store.snapshot(o.project.name),
        o.store.stageStates(o.project.name, o.project.stages),
        o.store.promotions(o.project.name, branches, 200),
    ]);
    const state = states.get(stage.name);
    const ours = history.filter((p) => p.project === o.project.name && p.stage === stage.name);
    const latest = ours[0];
    let freight;
    if (o.freight)
        freight = (0,_promotion_availability_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveFreight */ .WP)(o.freight, snap.freight);
    else {
        const id = latest?.freightId ?? state?.freight[0]?.id;
        const found = id ? snap.freight.find((f) => f.id === id) : undefined;
        if (!found) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .OperationError */ .OK(`${stage.name} runs no freight gantry knows of: promote something into it first`);
        }
        freight = found;
    }
    // Kargo verifies what a stage runs: older freight's manifests are gone from the branch.
    if (!state?.freight.some((f) => f.id === freight.id)) {
        const running = state?.freight.map((f) => f.alias ?? f.id.slice(0, 7)).join(', ') || 'nothing';
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .OperationError */ .OK(`freight ${freight.alias} (${freight.id.slice(0, 7)}) is not running in ${stage.name} (it runs ${running}); promote it first, or merge its pull request`);
    }
    const promotion = ours.find((p) => p.freightId === freight.id);
    if (!promotion) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .OperationError */ .OK(`cannot find the commit that promoted ${freight.alias} into ${stage.name} in the last ${history.length} promotions`);
    }
    // What the stage's branch holds now: the promotion commit itself, or a commit after it (a merged
    // pull request's merge commit, another stage's promotion on a shared branch). The state file
    // there names this freight (checked above), and it is the revision Argo CD or Flux deploys.
    const commit = await o.store.branchTip(stage.branch);
    const before = snap.verifications.find((v) => v.project === o.project.name && v.stage === stage.name && v.freightId === freight.id);
    return { stage, snap, states, history, freight, promotion, commit, before };
}
/** The stage's metrics against what it runs now; no metrics is a success. */
async function measure(o, { stage, freight, commit, snap, states }) {
    if (!stage.verification.length)
        return { phase: 'Successful' };
    o.log(`verifying ${freight.alias} in ${stage.name} at ${commit.slice(0, 7)}: ${stage.verification.length} metric(s)`);
    const running = states.get(stage.name)?.freight ?? [];
    const analysis = await (0,_analysis_js__WEBPACK_IMPORTED_MODULE_7__/* .runAnalysis */ .A1)({
        metrics: stage.verification,
        providers: o.providers,
        target: {
            project: o.project.name,
            stage: stage.name,
            freightId: freight.id,
            freightAlias: freight.alias,
            commit,
        },
        fetch: o.fetch,
        // The freight the stage runs, for imageFrom(), chartFrom() and commitFrom() in templates.
        // What set-metadata recorded, for freightMetadata() and stageMetadata(), as in Kargo.
        functions: {
            ...(0,_expr_index_js__WEBPACK_IMPORTED_MODULE_4__/* .freightFunctions */ .L$)(snap.freight.filter((f) => running.some((c) => c.id === f.id)), o.log),
            ...(0,_promotion_notes_js__WEBPACK_IMPORTED_MODULE_5__/* .notesFunctions */ .xL)((0,_promotion_notes_js__WEBPACK_IMPORTED_MODULE_5__/* .recordedMetadata */ .__)(snap, states)),
        },
        env: o.env,
        secrets: o.secrets,
        log: o.log,
        ...(o.group ? { group: o.group } : {}),
        clock: o.clock,
        ...(o.sleep ? { sleep: o.sleep } : {}),
        ...(o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {}),
        ...(o.github ? { github: o.github } : {}),
    });
    return { analysis, phase: analysis.phase };
}
/** The verified tag: what unlocks the next stages. */
async function recordVerified(o, { stage, freight, promotion }, analysis) {
    const record = {
        project: o.project.name,
        stage: stage.name,
        freightId: freight.id,
        alias: freight.alias,
        verifiedAt: o.clock().toISOString(),
        verifiedBy: o.verifiedBy,
        ...(o.run ? { run: o.run } : {}),
        summary: recordSummary(analysis),
        commit: promotion.commit,
    };
    await o.store.recordVerification(record);
    return record;
}
/**
 * The outcome on the stage's GitHub deployment. Freight verified before and promoted again since
 * (a rollback) has a new deployment to resolve; verified before and not promoted since, nothing
 * changes. A GitHub failure is a warning: the verification itself stands.
 */
async function mirrorOnDeployment(o, view, outcome) {
    const { before, promotion } = view;
    const repromoted = before?.commit !== undefined && before.commit !== promotion.commit;
    if (!o.github || (before && !repromoted))
        return;
    try {
        outcome.deployment = await markDeployment(o.github, view, outcome, o);
    }
    catch (err) {
        const msg = `GitHub did not record the verification on the deployment: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .errorMessage */ .gJ)(err)}`;
        outcome.warnings.push(msg);
        o.log(`warning: ${msg}`);
    }
}
/** The downstream stages this verification unlocks, and their workflows started when asked. */
async function continueChain(o, { stage, freight, snap, states, history, before }, outcome, record) {
    const verifications = record ? [...snap.verifications, record] : snap.verifications;
    const now = o.clock();
    const facts = {
        verifications,
        approvals: snap.approvals,
        project: o.project.name,
        ...(0,_promotion_availability_js__WEBPACK_IMPORTED_MODULE_2__/* .soakFromHistory */ .rh)(history, snap.freight, now, states),
    };
    outcome.downstream = downstreamOf(o.project, stage, freight, snap.freight, facts, states, now);
    if (!o.dispatch || before)
        return;
    for (const d of outcome.downstream.filter((x) => x.due && x.freight)) {
        d.dispatched = { workflow: o.dispatch.workflow };
        const error = await (0,_github_dispatch_js__WEBPACK_IMPORTED_MODULE_0__/* .dispatchPromotion */ .A)(o.dispatch, {
            project: o.project.name,
            stage: d.stage,
            freight: d.freight?.id ?? '',
        });
        if (error === undefined) {
            o.log(`started ${o.dispatch.workflow} for ${d.stage} with ${d.freight?.alias}`);
        }
        else {
            d.dispatched.error = error;
            outcome.warnings.push(`could not start ${o.dispatch.workflow} for ${d.stage}: ${error}`);
        }
    }
}
/**
 * The stages that take this freight's warehouse from `stage`, and whether the freight (or newer
 * freight, which auto-promotion would pick instead) is now due there.
 */
function downstreamOf(project, stage, freight, allFreight, facts, states, now) {
    const out = [];
    for (const next of project.stages) {
        const req = next.requestedFreight.find((r) => r.origin.name === freight.origin.name && r.sources.stages.includes(stage.name));
        if (!req)
            continue;
        const state = states.get(next.name);
        const own = (0,_promotion_availability_js__WEBPACK_IMPORTED_MODULE_2__/* .freightAvailability */ .$e)(next, freight, facts, now);
        // Kargo's MatchUpstream: the freight the one upstream stage runs (this one, just verified
        // there), not the newest available.
        const available = req.sources.selectionPolicy === 'MatchUpstream'
            ? own.available
                ? [freight]
                : []
            : allFreight.filter((f) => f.origin.name === freight.origin.name &&
                (0,_promotion_availability_js__WEBPACK_IMPORTED_MODULE_2__/* .freightAvailability */ .$e)(next, f, facts, now).available);
        const candidate = (0,_freight_order_js__WEBPACK_IMPORTED_MODULE_9__/* .newestFreight */ .u)(available);
        const entry = { stage: next.name, due: false };
        if (candidate)
            entry.freight = { id: candidate.id, alias: candidate.alias };
        const decision = (0,_pipeline_auto_promotion_js__WEBPACK_IMPORTED_MODULE_10__/* .autoPromotionDecision */ .V4)({
            autoPromotion: next.autoPromotion,
            state,
            origin: freight.origin.name,
            candidate,
        });
        if (!candidate) {
            entry.freight = { id: freight.id, alias: freight.alias };
            entry.reason = own.reasons.join('; ') || 'not available yet';
            if (own.availableAt)
                entry.availableAt = own.availableAt.toISOString();
        }
        else if (decision.due)
            entry.due = true;
        else
            entry.reason = decision.reason;
        out.push(entry);
    }
    return out;
}
async function markDeployment(github, { stage, freight, commit, promotion }, outcome, o) {
    // promote records the deployment at the promotion commit; the branch may have moved on since.
    const find = async (sha) => (await github.listDeployments({ sha, environment: stage.environment }))[0];
    const existing = (await find(promotion.commit)) ??
        (commit !== promotion.commit ? await find(commit) : undefined);
    // A promotion by pull request, or by someone without GitHub access, has no deployment yet.
    const deployment = existing ??
        (await github.createDeployment({
            ref: commit,
            environment: stage.environment,
            description: (0,_promotion_publish_js__WEBPACK_IMPORTED_MODULE_3__/* .deploymentDescription */ .kj)(freight, []),
            payload: (0,_promotion_publish_js__WEBPACK_IMPORTED_MODULE_3__/* .deploymentPayload */ .mG)(o.project.name, stage.name, freight, promotion.branch, []),
        }));
    const state = outcome.phase === 'Successful' ? 'success' : outcome.phase === 'Failed' ? 'failure' : 'error';
    const description = outcome.phase === 'Successful'
        ? outcome.alreadyVerified
            ? `verified ${freight.alias} before`
            : `verified ${freight.alias}`
        : `verification ${outcome.phase.toLowerCase()}: ${outcome.analysis?.message ?? ''}`;
    await github.createDeploymentStatus({
        deploymentId: deployment.id,
        state,
        description,
        ...(stage.environmentUrl && state === 'success'
            ? { environmentUrl: stage.environmentUrl }
            : {}),
        ...(o.run ? { logUrl: o.run } : {}),
    });
    return { id: deployment.id, state };
}


/***/ })

};
