export const id = 8517;
export const ids = [8517,7107];
export const modules = {

/***/ 675:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RU: () => (/* binding */ DATA_SIGNATURES),
/* harmony export */   VX: () => (/* binding */ secretValues),
/* harmony export */   eV: () => (/* binding */ NO_EXPRESSION_DATA),
/* harmony export */   iD: () => (/* binding */ expressionDataFromEnv),
/* harmony export */   wM: () => (/* binding */ dataFunctions)
/* harmony export */ });
/* unused harmony export dataName */
/* harmony import */ var _expr_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1750);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);
/**
 * Kargo's `secret()`, `sharedSecret()`, `configMap()` and `sharedConfigMap()` without a cluster.
 *
 * Kargo reads Kubernetes Secrets and ConfigMaps from the project's namespace (or the shared
 * one). A GitHub workflow has its own two stores for the same purposes: `secrets.*` (masked by the
 * runner) and configuration variables `vars.*`. The workflow hands them to gantry explicitly, as
 * environment variables of the promote step named by convention; nothing else reaches the
 * functions, so a template can only read what the workflow chose to expose:
 *
 *   GANTRY_SECRET_<NAME>=<JSON object>          secret('<name>') is the object
 *   GANTRY_SECRET_<NAME>__<KEY>=<value>         secret('<name>').<KEY>, one key per variable
 *   GANTRY_SHARED_SECRET_…                      sharedSecret()
 *   GANTRY_CONFIGMAP_… / GANTRY_SHARED_CONFIGMAP_…  configMap() / sharedConfigMap()
 *
 * `<NAME>` is the name the template passes, upper-cased, every character other than a letter or
 * a digit becoming `_` (`secret('slack-bot')` reads GANTRY_SECRET_SLACK_BOT*); `<KEY>` is kept
 * as written, since Kargo's keys are case-sensitive. Both forms of one name merge, the per-key
 * variables winning. As in Kargo, a name nothing provides is an empty map (its keys read as nil).
 *
 * The adapters build these maps from the environment they were given (core never reads
 * process.env); every secret value is masked in the runner's log and replaced by `***` in
 * gantry's own messages (see the engine).
 */


const NO_EXPRESSION_DATA = {
    secrets: {},
    sharedSecrets: {},
    configMaps: {},
    sharedConfigMaps: {},
};
/** The environment variable prefix of each function; each is no prefix of another. */
const PREFIXES = {
    secrets: 'GANTRY_SECRET_',
    sharedSecrets: 'GANTRY_SHARED_SECRET_',
    configMaps: 'GANTRY_CONFIGMAP_',
    sharedConfigMaps: 'GANTRY_SHARED_CONFIGMAP_',
};
const FUNCTION_OF = {
    secrets: 'secret',
    sharedSecrets: 'sharedSecret',
    configMaps: 'configMap',
    sharedConfigMaps: 'sharedConfigMap',
};
/** How a name a template passes is spelt in a variable's name: `slack-bot` → `SLACK_BOT`. */
function dataName(name) {
    return name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}
/**
 * The four maps from `env` (the adapter's environment). A whole-map variable that is not a JSON
 * object of scalars is refused, naming the variable and never echoing its value.
 */
function expressionDataFromEnv(env) {
    const out = {
        secrets: {},
        sharedSecrets: {},
        configMaps: {},
        sharedConfigMaps: {},
    };
    // Whole maps first, so that the per-key variables override them whatever the env's order.
    const perKey = [];
    for (const [variable, value] of Object.entries(env)) {
        if (value === undefined)
            continue;
        for (const [kind, prefix] of Object.entries(PREFIXES)) {
            if (!variable.startsWith(prefix))
                continue;
            const rest = variable.slice(prefix.length);
            const cut = rest.indexOf('__');
            if (cut > 0 && cut + 2 < rest.length) {
                perKey.push([kind, dataName(rest.slice(0, cut)), rest.slice(cut + 2), value]);
            }
            else if (rest !== '' && cut < 0) {
                const name = dataName(rest);
                out[kind][name] = { ...out[kind][name], ...parseWholeMap(variable, kind, value) };
            }
            else {
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`environment variable ${variable}: expected ${prefix}<NAME> (a JSON object) or ${prefix}<NAME>__<KEY> (one value)`);
            }
        }
    }
    for (const [kind, name, key, value] of perKey) {
        out[kind][name] = { ...out[kind][name], [key]: value };
    }
    return out;
}
function parseWholeMap(variable, kind, raw) {
    const refuse = () => {
        // The value may be a secret: the message names the variable only.
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`environment variable ${variable} must hold a JSON object of keys to strings (${FUNCTION_OF[kind]}() reads it), like {"token": "…"}; for a single value use ${variable}__<KEY>`);
    };
    let parsed;
    try {
        parsed = JSON.parse(raw);
    }
    catch {
        return refuse();
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        return refuse();
    const map = {};
    for (const [k, v] of Object.entries(parsed)) {
        if (typeof v === 'string')
            map[k] = v;
        else if (typeof v === 'number' || typeof v === 'boolean')
            map[k] = String(v);
        else
            return refuse();
    }
    return map;
}
/** Every secret value, for masking. */
function secretValues(data) {
    return [data.secrets, data.sharedSecrets].flatMap((maps) => Object.values(maps).flatMap((m) => Object.values(m)));
}
/** What `gantry lint` knows of the functions below. */
const DATA_SIGNATURES = {
    secret: { min: 1, max: 1 },
    sharedSecret: { min: 1, max: 1 },
    configMap: { min: 1, max: 1 },
    sharedConfigMap: { min: 1, max: 1 },
};
/**
 * The four functions over `data`. A name nothing provides returns an empty map, as Kargo does for
 * a Secret that does not exist; `log` hears once per name which variable would provide it, since
 * on a runner the likelier cause is a workflow that did not map it.
 */
function dataFunctions(data, log) {
    const told = new Set();
    const lookUp = (kind) => (args) => {
        const fn = FUNCTION_OF[kind];
        const [name] = (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .expectArgs */ .dA)(fn, args, ['string']);
        if (name === '')
            throw new Error(`${fn}(): the name must not be empty`);
        const found = data[kind][dataName(name)];
        if (found)
            return { ...found };
        const variable = `${PREFIXES[kind]}${dataName(name)}`;
        if (log && !told.has(variable)) {
            told.add(variable);
            log(`${fn}(${JSON.stringify(name)}): nothing provides it, so it is empty; set ${variable} (a JSON object) or ${variable}__<KEY> in the promote step's env`);
        }
        return {};
    };
    return {
        secret: lookUp('secrets'),
        sharedSecret: lookUp('sharedSecrets'),
        configMap: lookUp('configMaps'),
        sharedConfigMap: lookUp('sharedConfigMaps'),
    };
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

/***/ 6427:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AO: () => (/* binding */ refuseEmptyWrites),
/* harmony export */   E0: () => (/* binding */ requireUpdates),
/* harmony export */   Fd: () => (/* binding */ STATUS_SIGNATURES),
/* harmony export */   Iq: () => (/* binding */ STEP_CTX_TYPE),
/* harmony export */   N_: () => (/* binding */ stepAlias),
/* harmony export */   RO: () => (/* binding */ optionalBool),
/* harmony export */   RU: () => (/* reexport safe */ _expr_data_js__WEBPACK_IMPORTED_MODULE_6__.RU),
/* harmony export */   Uw: () => (/* binding */ UNSUPPORTED_FUNCTIONS),
/* harmony export */   VW: () => (/* binding */ requireString),
/* harmony export */   XZ: () => (/* binding */ promotionName),
/* harmony export */   gF: () => (/* reexport safe */ _notes_js__WEBPACK_IMPORTED_MODULE_7__.gF),
/* harmony export */   oA: () => (/* binding */ checkFields),
/* harmony export */   rl: () => (/* binding */ runSteps)
/* harmony export */ });
/* unused harmony export stepLabel */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _expr_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1750);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);
/* harmony import */ var _util_suggest_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(7406);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9880);
/* harmony import */ var _pipeline_duration_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2512);
/* harmony import */ var _state_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5128);
/* harmony import */ var _util_log_group_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(1324);
/* harmony import */ var _pipeline_tasks_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5800);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(767);
/* harmony import */ var _expr_data_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(675);
/* harmony import */ var _notes_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7440);
/**
 * Runs a stage's promotion template, Kargo-style: each step in order, with `${{ }}` expressions in
 * its `if`, `vars` and `config` evaluated just before it runs.
 *
 * The expression environment of a step (Kargo's promotion variables):
 * - `vars`: the template's vars, then the step's, each rendered in order (a later one may read an
 *   earlier one; a step var shadows a template var of the same name). Template vars see `vars`
 *   and `ctx`; step vars also see `outputs`.
 * - `ctx`: `{project, stage, promotion, uiBaseUrl, targetFreight: {name, alias, origin: {kind,
 *   name}}, meta: {promotion: {actor, rollback}, step: {alias}}}` (`targetFreight.name` is the
 *   freight ID, as in Kargo; `uiBaseUrl` is the workflow run's page, or "" outside Actions).
 * - `outputs`: the outputs of earlier steps, by their alias: `as`, or Kargo's default `step-<n>`
 *   (1-based); a step inflated from a promotion task is `<task alias>::<alias>`, and also sees
 *   `task.outputs` (its task's earlier steps); a task's compose-output is `outputs.<task alias>`.
 * - functions: the freight functions `imageFrom()`, `chartFrom()`, `commitFrom()`, `warehouse()`
 *   over the freight collection (src/expr/freight.ts: typed structs, nil when nothing matches),
 *   Kargo's step-status functions `success()`, `failure()`, `always()` and `status(alias)`,
 *   `secret()`, `sharedSecret()`, `configMap()`, `sharedConfigMap()` (../expr-data.ts),
 *   `freightMetadata()` and `stageMetadata()` (../notes.ts: what set-metadata recorded, this
 *   promotion's own changes included), and every builtin of the expression language (`semverParse`, `semverDiff`, `quote`, …).
 *
 * Control flow (Kargo's): a step without `if` runs while no step has failed; a step with `if`
 * runs when it evaluates to true (`${{ failure() }}` runs clean-up after a failure). A failing
 * step with `continueOnError` is recorded (status `Errored`, listed in `errors`) and, as in Kargo,
 * counts as no failure at all: it does not stop the promotion, `success()` stays true and
 * `failure()` false (only `status(alias)` says `Errored`). Any other failure stops it: later
 * steps run only if their `if` says so, and `runSteps` then throws the first failure. Errors name
 * the step: `step 2 (yaml-update "update-image"): …` (1-based position in the template).
 *
 * Secrets: every value `secret()`/`sharedSecret()` can return is replaced by `***` in the log
 * lines, errors and summary lines the engine hands on, and a commit message, tag annotation,
 * pull request text or metadata value that holds one is refused (those are durable records anyone
 * with read access sees). Writing a secret into a file is the template's choice, as in Kargo.
 */












/**
 * A step's alias, as Kargo names them: the loader's (`as`, or `step-<n>` counted 1-based in the
 * template as written, `<task alias>::<alias>` inflated from a task), else `as` or `step-<n>`.
 */
function stepAlias(step, index) {
    return step.alias ?? step.as ?? `step-${index + 1}`;
}
/** `task.outputs` of a step inflated from a task: its task's earlier steps, by their own alias. */
function taskEnv(alias, outputs) {
    const ns = (0,_pipeline_tasks_js__WEBPACK_IMPORTED_MODULE_8__/* .taskNamespace */ .P)(alias);
    if (ns === undefined)
        return {};
    const own = {};
    for (const [k, v] of Object.entries(outputs)) {
        if ((0,_pipeline_tasks_js__WEBPACK_IMPORTED_MODULE_8__/* .taskNamespace */ .P)(k) === ns)
            own[k.slice(ns.length + _pipeline_tasks_js__WEBPACK_IMPORTED_MODULE_8__/* .TASK_ALIAS_SEPARATOR */ .j.length)] = v;
    }
    return { task: { outputs: own } };
}
/** `step 2 (yaml-update "update-image")`. */
function stepLabel(step, index) {
    // A step from a task is named by its inflated alias (`promo::commit`): the task says which.
    const name = step.alias?.includes('::') ? step.alias : step.as;
    const alias = name ? ` ${JSON.stringify(name)}` : '';
    return `step ${index + 1} (${step.uses}${alias})`;
}
/** Re-throw `err` with the step's label in front, keeping its class (ConfigError, …). */
function wrapError(label, what, err) {
    const message = `${label}: ${what ? `${what}: ` : ''}${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}`;
    if (err instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL || err instanceof _expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .ExprError */ ._M)
        return new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(message);
    return new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OperationError */ .OK(message, { cause: err });
}
/** What `gantry lint` knows of the functions and `ctx` above (keep them in step). */


/** Kargo's functions gantry does not provide, with what lint says instead of "unknown". */
const UNSUPPORTED_FUNCTIONS = {
    freightStatus: "Kargo's freight status is not exposed to expressions in gantry; `gantry get freight` shows where freight is verified and approved",
};
const STATUS_SIGNATURES = {
    success: { min: 0, max: 0 },
    failure: { min: 0, max: 0 },
    always: { min: 0, max: 0 },
    status: { min: 1, max: 1 },
};
const STEP_CTX_TYPE = (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .structOf */ .Tb)('ctx', {
    uiBaseUrl: _expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .ANY */ .x4,
    project: _expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .ANY */ .x4,
    stage: _expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .ANY */ .x4,
    promotion: _expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .ANY */ .x4,
    targetFreight: (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .structOf */ .Tb)('targetFreight', {
        name: _expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .ANY */ .x4,
        alias: _expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .ANY */ .x4,
        origin: (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .structOf */ .Tb)('origin', { kind: _expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .ANY */ .x4, name: _expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .ANY */ .x4 }),
    }),
    meta: (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .structOf */ .Tb)('meta', {
        promotion: (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .structOf */ .Tb)('promotion', { actor: _expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .ANY */ .x4, rollback: _expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .ANY */ .x4 }),
        step: (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .structOf */ .Tb)('step', { alias: _expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .ANY */ .x4 }),
    }),
});
function statusFunctions(steps, statuses) {
    // Kargo's HasFailures: a step allowed to fail (continueOnError) is not counted.
    const failed = () => statuses.some((s, i) => s === 'Errored' && !steps[i]?.continueOnError);
    return {
        success: (args) => {
            (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .expectArgs */ .dA)('success', args, []);
            return !failed();
        },
        failure: (args) => {
            (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .expectArgs */ .dA)('failure', args, []);
            return failed();
        },
        always: (args) => {
            (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .expectArgs */ .dA)('always', args, []);
            return true;
        },
        status: (args) => {
            const [alias] = (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .expectArgs */ .dA)('status', args, ['string']);
            const i = steps.findIndex((s, n) => stepAlias(s, n) === alias);
            if (i < 0)
                throw new Error(`status(): no step has the alias ${JSON.stringify(alias)}`);
            return statuses[i] ?? 'Pending';
        },
    };
}
/** Render `vars` in order into a copy of `base`, each seeing the ones before it. */
function renderVars(vars, base, env, functions, where) {
    const out = { ...base };
    for (const v of vars) {
        try {
            const value = (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderTemplate */ .Xm)(String(v.value), env(out), { functions });
            Object.defineProperty(out, v.name, {
                value,
                enumerable: true,
                writable: true,
                configurable: true,
            });
        }
        catch (err) {
            throw wrapError(where, `vars.${v.name}`, err);
        }
    }
    return out;
}
/** Evaluate a step's `if`: `${{ expr }}` (Kargo) or a bare expression; must be a bool. */
function evaluateIf(source, env, functions) {
    const value = (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .hasExpression */ .xS)(source)
        ? (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderTemplate */ .Xm)(source, env, { functions })
        : (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .compileExpr */ .Pd)(source).evaluate(env, { functions });
    if (typeof value !== 'boolean') {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`if ${JSON.stringify(source)} must evaluate to a boolean, got ${JSON.stringify(value)}`);
    }
    return value;
}
/** Run `template`'s steps against `ctx.worktree`; see the module comment. */
async function runSteps(template, ctx, registry) {
    const data = ctx.data ?? _expr_data_js__WEBPACK_IMPORTED_MODULE_6__/* .NO_EXPRESSION_DATA */ .eV;
    const redactor = new _util_redact_js__WEBPACK_IMPORTED_MODULE_9__/* .Redactor */ .p().add(...(0,_expr_data_js__WEBPACK_IMPORTED_MODULE_6__/* .secretValues */ .VX)(data));
    const log = (line) => ctx.log(redactor.redactValues(line));
    try {
        return await runAll(template, { ...ctx, log, data }, registry, redactor);
    }
    catch (err) {
        throw redactError(err, redactor);
    }
}
/** `err` with every secret replaced by `***` in its message, keeping its class. */
function redactError(err, redactor) {
    if (!(err instanceof Error))
        return err;
    const message = redactor.redactValues(err.message);
    if (message === err.message)
        return err;
    // A lost race carries no step text; it must stay itself for promote's retry loop.
    if (err instanceof _state_index_js__WEBPACK_IMPORTED_MODULE_5__/* .RaceLostError */ .Ss)
        return err;
    if (err instanceof _types_js__WEBPACK_IMPORTED_MODULE_3__/* .PromotionPendingError */ .$) {
        return new _types_js__WEBPACK_IMPORTED_MODULE_3__/* .PromotionPendingError */ .$(message, err.pullRequest);
    }
    // The original stays out of `cause`: it holds the secret.
    if (err instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL || err instanceof _expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .ExprError */ ._M)
        return new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(message);
    return new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OperationError */ .OK(message);
}
/**
 * Steps whose rendered config becomes a durable record: a commit, a tag, a pull request, the
 * stage's state file or a freight record.
 */
const RECORDING_STEPS = new Set([
    'git-commit',
    'git-tag',
    'git-open-pr',
    'set-metadata',
    'set-freight-alias',
]);
/**
 * Refuse a commit message, tag annotation or pull request text that holds a secret's value: the
 * runner's masking ends at the log, and a commit is read by everyone with access to the repository.
 */
function refuseSecretsInRecords(step, config, outputs, redactor) {
    if (!RECORDING_STEPS.has(step.uses))
        return;
    const texts = [];
    const walk = (v, at) => {
        if (typeof v === 'string')
            texts.push([at, v]);
        else if (Array.isArray(v))
            v.forEach((x, i) => walk(x, `${at}[${i}]`));
        else if (v !== null && typeof v === 'object') {
            for (const [k, x] of Object.entries(v))
                walk(x, at ? `${at}.${k}` : k);
        }
    };
    walk(config, '');
    const fromSteps = config['messageFromSteps'];
    if (step.uses === 'git-commit' && Array.isArray(fromSteps)) {
        for (const alias of fromSteps) {
            walk(outputs[String(alias)]?.['commitMessage'], `the commitMessage of step ${String(alias)}`);
        }
    }
    for (const [at, text] of texts) {
        if (redactor.redactValues(text) !== text) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`${step.uses}: ${at} holds the value of a secret (secret() or sharedSecret()); gantry keeps secrets out of commits, tags, state files and pull requests, which everyone who can read the repository sees. Nothing was written`);
        }
    }
}
async function runAll(template, ctx, registry, redactor) {
    const steps = template.steps;
    const outputs = { ...ctx.resume?.outputs };
    const summary = [];
    const changed = [];
    const errors = [];
    const statuses = [...(ctx.resume?.statuses ?? [])];
    let commitMessage;
    let hardFailure;
    let pending;
    const functions = {
        ...(0,_expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .freightFunctions */ .L$)(ctx.freightCollection, ctx.log),
        ...statusFunctions(steps, statuses),
        ...(0,_expr_data_js__WEBPACK_IMPORTED_MODULE_6__/* .dataFunctions */ .wM)(ctx.data, ctx.log),
        ...(0,_notes_js__WEBPACK_IMPORTED_MODULE_7__/* .notesFunctions */ .xL)(ctx.notes),
    };
    const promotion = ctx.promotion ?? promotionName(ctx);
    // Kargo's ctx; meta.step.alias is the step's own, so it is built for each step.
    const exprCtx = (alias) => ({
        uiBaseUrl: ctx.uiBaseUrl ?? '',
        project: ctx.project,
        stage: ctx.stage,
        promotion,
        targetFreight: {
            name: ctx.freight.id,
            alias: ctx.freight.alias,
            origin: { kind: ctx.freight.origin.kind, name: ctx.freight.origin.name },
        },
        meta: {
            promotion: { actor: ctx.actor ?? '', rollback: ctx.rollback ?? false },
            step: { alias },
        },
    });
    // Template vars are rendered for each step, as Kargo does (ctx.meta.step.alias is the step's),
    // outside the step's own failure handling: a bad template var stops the promotion at once. Their
    // functions' notes (imageFrom() found nothing) are logged once, not once per step.
    const noted = new Set();
    const noteOnce = (line) => {
        if (!noted.has(line))
            ctx.log(line);
        noted.add(line);
    };
    const varFunctions = {
        ...functions,
        ...(0,_expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .freightFunctions */ .L$)(ctx.freightCollection, noteOnce),
    };
    const templateVarsFor = (alias) => renderVars(template.vars, {}, (vars) => ({ vars, ctx: exprCtx(alias) }), varFunctions, 'promotion template');
    for (const [index, step] of steps.entries()) {
        if (ctx.resume && index < ctx.resume.from)
            continue;
        const label = stepLabel(step, index);
        const alias = stepAlias(step, index);
        const templateVars = templateVarsFor(alias);
        // One fold a step; true when a step is pending and the rest wait for a later run.
        const stop = await (0,_util_log_group_js__WEBPACK_IMPORTED_MODULE_10__/* .inGroup */ .H)(ctx.group, label, async () => {
            try {
                const task = taskEnv(alias, outputs);
                const stepCtx = exprCtx(alias);
                const vars = renderVars(step.vars, templateVars, (v) => ({ vars: v, ctx: stepCtx, outputs, ...task }), functions, label);
                const env = { vars, ctx: stepCtx, outputs, ...task };
                let run;
                if (step.if !== undefined && step.if.trim() !== '') {
                    try {
                        run = evaluateIf(step.if, env, functions);
                    }
                    catch (err) {
                        throw wrapError(label, 'if', err);
                    }
                }
                else
                    run = hardFailure === undefined;
                if (!run) {
                    statuses.push('Skipped');
                    ctx.log(`${label}: skipped`);
                    return false;
                }
                const definition = registry.get(step.uses);
                if (!definition) {
                    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`${label}: unknown step ${JSON.stringify(step.uses)}${(0,_util_suggest_js__WEBPACK_IMPORTED_MODULE_11__/* .didYouMean */ .au)(step.uses, [...registry.keys()])}; known steps: ${[...registry.keys()].sort().join(', ')}`);
                }
                let config;
                try {
                    const rendered = (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderTemplates */ .g$)(step.config, env, { functions });
                    config = (rendered !== null && typeof rendered === 'object' && !Array.isArray(rendered)
                        ? rendered
                        : {});
                }
                catch (err) {
                    throw wrapError(label, 'config', err);
                }
                refuseSecretsInRecords(step, config, outputs, redactor);
                let result;
                try {
                    const timeoutMs = step.retry?.timeoutMs ?? definition.defaultTimeoutMs;
                    const { data: _data, actor: _actor, rollback: _rollback, uiBaseUrl: _ui, resume: _resume, ...base } = ctx;
                    result = await runWithRetry(step, timeoutMs, label, ctx, () => definition.run(config, {
                        ...base,
                        promotion,
                        written: step.config,
                        index,
                        ...(step.as !== undefined ? { alias: step.as } : {}),
                        outputs,
                        summary: [...summary],
                        ...(timeoutMs !== undefined ? { waitMs: timeoutMs } : {}),
                    }));
                }
                catch (err) {
                    // A lost push race starts the whole promotion over on the new tip (promote's loop).
                    if (err instanceof _state_index_js__WEBPACK_IMPORTED_MODULE_5__/* .RaceLostError */ .Ss)
                        throw err;
                    if (err instanceof _types_js__WEBPACK_IMPORTED_MODULE_3__/* .PromotionPendingError */ .$) {
                        statuses.push('Running');
                        ctx.log(`${label}: ${err.message}`);
                        pending = err;
                        return true;
                    }
                    throw wrapError(label, '', err);
                }
                statuses.push(result.status ?? 'Succeeded');
                outputs[alias] = { ...result.outputs };
                // Kargo: a task's compose-output steps are its outputs, read as outputs.<task alias>.
                const ns = (0,_pipeline_tasks_js__WEBPACK_IMPORTED_MODULE_8__/* .taskNamespace */ .P)(alias);
                if (step.uses === 'compose-output' && ns !== undefined) {
                    outputs[ns] = { ...outputs[ns], ...result.outputs };
                }
                // Summary lines go into commit messages: a secret a step wrote into a file stays out.
                summary.push(...(result.summary ?? []).map((l) => redactor.redactValues(l)));
                for (const p of result.changed ?? [])
                    if (!changed.includes(p))
                        changed.push(p);
                if (step.uses === 'git-commit' && !ctx.workspace) {
                    const msg = commitMessageOf(config, outputs, result);
                    if (msg !== undefined)
                        commitMessage = msg;
                }
                ctx.log(`${label}: done`);
            }
            catch (err) {
                if (err instanceof _state_index_js__WEBPACK_IMPORTED_MODULE_5__/* .RaceLostError */ .Ss)
                    throw err;
                const wrapped = err instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GantryError */ .Ah && err.message.startsWith(label)
                    ? err
                    : wrapError(label, '', err);
                statuses.push('Errored');
                if (step.continueOnError) {
                    errors.push({
                        index,
                        uses: step.uses,
                        ...(step.as !== undefined ? { alias: step.as } : {}),
                        message: redactor.redactValues(wrapped.message),
                    });
                    ctx.log(`${wrapped.message} (continuing: continueOnError)`);
                }
                else {
                    ctx.log(wrapped.message);
                    hardFailure ??= wrapped;
                }
            }
            return false;
        });
        if (stop)
            break;
    }
    if (hardFailure)
        throw hardFailure;
    return {
        outputs,
        summary,
        changed,
        errors,
        statuses,
        ...(commitMessage !== undefined ? { commitMessage } : {}),
        ...(pending ? { pending } : {}),
    };
}
/**
 * A name for this run of the template, shaped like Kargo's Promotion names
 * (`<stage>.<unique>.<freight>`): steps that leave marks outside the repository (argocd-update's
 * syncs) tell their own from an earlier promotion's by it.
 */
function promotionName(ctx) {
    const unique = `${Date.now().toString(36)}${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`;
    return `${ctx.stage}.${unique}.${ctx.freight.id.slice(0, 7)}`;
}
/** Delay before trying a failed step again: 1 s, doubling, at most 30 s. */
function errorBackoffMs(errors) {
    return Math.min(30_000, 1000 * 2 ** (errors - 1));
}
/**
 * Kargo's step `retry`: a step that fails is tried again until it has failed `errorThreshold`
 * times in a row (default 1: no retry), and a step that is not done yet (StepPendingError) is
 * asked again until `retry.timeout`; both stop at the timeout. Configuration errors are never
 * retried: the same config fails the same way.
 */
async function runWithRetry(step, timeoutMs, label, ctx, run) {
    const threshold = step.retry?.errorThreshold ?? 1;
    const clock = ctx.clock ?? (() => new Date());
    const sleep = ctx.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const started = clock().getTime();
    let errors = 0;
    for (;;) {
        try {
            return await run();
        }
        catch (err) {
            if (err instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL || err instanceof _expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .ExprError */ ._M || err instanceof _state_index_js__WEBPACK_IMPORTED_MODULE_5__/* .RaceLostError */ .Ss) {
                throw err;
            }
            const pending = err instanceof _types_js__WEBPACK_IMPORTED_MODULE_3__/* .StepPendingError */ .U;
            if (!pending)
                errors++;
            const wait = pending ? err.retryAfterMs : errorBackoffMs(errors);
            const elapsed = clock().getTime() - started;
            const inTime = timeoutMs === undefined || elapsed + wait < timeoutMs;
            const again = pending ? timeoutMs !== undefined && inTime : errors < threshold && inTime;
            if (!again) {
                if (pending && timeoutMs === undefined) {
                    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OperationError */ .OK(`${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)} (not done yet; give the step retry.timeout to keep asking)`);
                }
                if (timeoutMs !== undefined && !inTime && (pending || errors < threshold)) {
                    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OperationError */ .OK(`${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)} (gave up: retry.timeout ${(0,_pipeline_duration_js__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a3)(timeoutMs)} reached)`);
                }
                throw err;
            }
            ctx.log(`${label}: ${pending ? 'not done yet' : `failed (${errors} of ${threshold})`}: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}; trying again in ${(0,_pipeline_duration_js__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a3)(wait)}`);
            await sleep(wait);
        }
    }
}
/** git-commit's `message`, or its `messageFromSteps` (the `commitMessage` outputs of those steps). */
function commitMessageOf(config, outputs, result) {
    const fromSteps = config['messageFromSteps'];
    if (Array.isArray(fromSteps)) {
        const parts = fromSteps
            .map((alias) => outputs[String(alias)]?.['commitMessage'])
            .filter((m) => typeof m === 'string' && m !== '');
        return parts.length ? parts.join('\n\n') : undefined;
    }
    const msg = result.outputs?.['message'];
    return typeof msg === 'string' && msg !== '' ? msg : undefined;
}
/**
 * Helpers for steps validating their rendered config: unknown fields are refused with a
 * did-you-mean (Kargo's step schemas do not allow extra fields either).
 */
function checkFields(step, config, known) {
    for (const key of Object.keys(config)) {
        if (!known.includes(key)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`${step}: unknown field ${JSON.stringify(key)}${(0,_util_suggest_js__WEBPACK_IMPORTED_MODULE_11__/* .didYouMean */ .au)(key, known)}; fields: ${known.join(', ')}`);
        }
    }
}
function requireString(step, config, field) {
    const v = config[field];
    if (typeof v !== 'string' || v === '') {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`${step}: ${field} is required and must be a non-empty string${v === undefined ? '' : `, got ${JSON.stringify(v)}`}`);
    }
    return v;
}
function optionalBool(step, config, field) {
    const v = config[field];
    if (v === undefined || v === null)
        return undefined;
    if (typeof v !== 'boolean') {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`${step}: ${field} must be true or false, got ${JSON.stringify(v)}`);
    }
    return v;
}
/**
 * `updates: [{key, value}]` of yaml-update and json-update: at least one, keys non-empty; the
 * `extra` flags each step accepts besides key and value.
 */
function requireUpdates(step, config, extra = []) {
    const v = config['updates'];
    if (!Array.isArray(v) || v.length === 0) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`${step}: updates must be a list of at least one {key, value}`);
    }
    return v.map((u, i) => {
        if (u === null || typeof u !== 'object' || Array.isArray(u)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`${step}: updates[${i}] must be a map with key and value`);
        }
        const entry = u;
        checkFields(`${step}: updates[${i}]`, entry, ['key', 'value', ...extra]);
        const key = entry['key'];
        if (typeof key !== 'string' || key === '') {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`${step}: updates[${i}].key is required and must be a non-empty string`);
        }
        if (!Object.hasOwn(entry, 'value')) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`${step}: updates[${i}].value is required (key ${JSON.stringify(key)})`);
        }
        const flags = {};
        for (const flag of extra) {
            const v = optionalBool(`${step}: updates[${i}]`, entry, flag);
            if (v !== undefined)
                flags[flag] = v;
        }
        return { key, value: entry['value'], ...flags };
    });
}
const isEmpty = (v) => v === null || v === undefined || v === '';
/**
 * Refuse to write null or "" where the file held a value, unless the update says `allowEmpty`:
 * an expression that came out empty (`imageFrom(x)?.Tag` with no such image, a var left blank)
 * would otherwise commit a broken manifest. `written` is the step's config as written in the
 * project file, to name the expression.
 */
function refuseEmptyWrites(step, file, updates, previous, written) {
    updates.forEach((u, i) => {
        if (u.allowEmpty || !isEmpty(u.value))
            return;
        const old = previous.get(u.key);
        if (isEmpty(old))
            return;
        const list = written?.['updates'];
        const source = Array.isArray(list)
            ? list[i]?.['value']
            : undefined;
        const from = typeof source === 'string' && (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .hasExpression */ .xS)(source)
            ? `; the value comes from ${source.trim()}`
            : '';
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`${step}: updates[${i}]: key ${JSON.stringify(u.key)} in ${file} would become ${u.value === '' ? 'an empty string' : 'null'} (it holds ${JSON.stringify(old)})${from}. Fix the expression, or set allowEmpty: true on this update if emptying the key is intended; nothing was written`);
    });
}


/***/ }),

/***/ 8517:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  V: () => (/* binding */ defaultRegistry)
});

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/http-body.ts
var http_body = __webpack_require__(1871);
// EXTERNAL MODULE: ./src/verification/providers/argocd.ts
var argocd = __webpack_require__(8246);
// EXTERNAL MODULE: ./src/util/guards.ts
var guards = __webpack_require__(6936);
;// CONCATENATED MODULE: ./src/promotion/steps/config-check.ts



/*
 * Checks for a step's nested config (kustomize-set-image's images[], helm-update-chart's
 * charts[]), with errors that name the step and the field path (`charts[0].name`). Declared
 * functions, not closures: TypeScript narrows after a call to a declared `never` function only.
 */
function onlyKeys(step, obj, allowed, prefix) {
    for (const k of Object.keys(obj)) {
        if (!allowed.includes(k))
            (0,errors/* fieldError */.$i)(step, `${prefix}${k}`, 'is not a field of this step');
    }
}
function requireField(step, v, field) {
    if (typeof v !== 'string' || v === '')
        (0,errors/* fieldError */.$i)(step, field, 'must be a non-empty string');
    return v;
}

;// CONCATENATED MODULE: ./src/promotion/steps/schema-parts.ts
/**
 * Pieces of the step schemas. Each field carries a `description`: `npm run docs` writes the step
 * reference (docs/reference/steps.md) from them.
 */
/** A non-empty string. */
const nonEmpty = (description) => ({ type: 'string', minLength: 1, description });
const schema_parts_text = (description) => ({ type: 'string', description });
const flag = (description) => ({ type: 'boolean', description });
/** A freight origin, as `fromOrigin` takes it: `{kind: Warehouse, name}`. */
const originSchema = (description) => ({
    type: 'object',
    description,
    additionalProperties: false,
    required: ['kind', 'name'],
    properties: {
        kind: { enum: ['Warehouse'], description: 'Always `Warehouse`.' },
        name: nonEmpty('The warehouse name.'),
    },
});
/** Kargo's git providers (git-push, git-open-pr, git-wait-for-pr). */
const providerSchema = {
    enum: ['azure', 'bitbucket', 'gitea', 'github', 'gitlab'],
    description: "Kargo's; gantry uses the repository's own host.",
};
/** A field of Kargo's that gantry accepts and does not act on (the git steps). */
const KARGO_ONLY = "Kargo's; accepted, not used by gantry.";

// EXTERNAL MODULE: ./src/promotion/steps/types.ts
var types = __webpack_require__(9880);
;// CONCATENATED MODULE: ./src/promotion/steps/argocd-update.ts
/**
 * Kargo's `argocd-update` step, through Argo CD's API server instead of Kubernetes: it points
 * Argo CD Applications' sources at what the promotion wants (a `targetRevision`, Kustomize
 * images, Helm parameters), asks Argo CD to sync them, and waits until the sync it started is over.
 *
 * Config (Kargo's schema): `apps[]` with `name` or `selector`, `namespace` (the Application's;
 * unset: the Argo CD server's own, `argocd` in a default install, as Kargo's controller default)
 * and `sources[]`: `repoURL` and `chart` pick the source (a chart source by both, exactly; a Git
 * source by its URL normalised), `desiredRevision` is what that source must be synced to for
 * the step (and the stage's health) to be done, `updateTargetRevision` also writes it into the
 * source's `targetRevision`, `kustomize.images[]` (`repoURL`, `tag` or `digest`, `newName`)
 * replaces the source's Kustomize images, `helm.images[]` (`key`, `value`) sets Helm parameters.
 *
 * `selector` (Kargo's: `matchLabels`, `matchExpressions` with In, NotIn, Exists, DoesNotExist)
 * picks Applications by label through Argo CD's list API (`GET /api/v1/applications?selector=`,
 * with `appNamespace` when `namespace` is given; without it, Argo CD lists every namespace it
 * serves, where Kargo lists only its default one). As in Kargo: apps that match but do not
 * authorize the stage are skipped (logged); none matching, or none authorized, fails the step;
 * with `sources`, every selected app must have the sources named, checked before any is changed.
 * The stage's health reads only apps named with a literal `name`: which apps a selector matched
 * is known to the promotion (the `apps` output), not to the template.
 *
 * Authorization (Kargo's rule): an Application is touched only if its annotation
 * `kargo.akuity.io/authorized-stage` (or gantry's alias `gantry.io/authorized-stage`) lists
 * `<project>:<stage>` (comma-separated entries); else the step fails and nothing is changed.
 * Whoever may edit the Application consents so, not whoever writes the template.
 *
 * Per app, each time the step runs (Kargo's order):
 * 1. `GET /api/v1/applications/{name}?appNamespace=`.
 * 2. Is an update needed? A sync requested and not picked up yet, or an operation running, is
 *    waited for. An operation this promotion started (its `infos` hold `gantry.io/promotion`)
 *    that finished is judged: its sync result at the desired revisions (or none asked for) ends
 *    the app with the operation's phase; another revision, or no sync result, starts a new one.
 *    Any other finished operation (or none) means: update and sync.
 * 3. Update: `PATCH /api/v1/applications/{name}` with an RFC 6902 JSON patch that tests the
 *    source(s) hold what was read and replaces them, and sets the hard-refresh annotation as
 *    Kargo does. Argo CD's update is last-writer-wins on the spec (it ignores the client's
 *    resourceVersion); the `test` op makes it a compare-and-swap: someone else's edit between
 *    the read and the write fails the patch, and the step reads again (3 tries).
 * 4. `POST /api/v1/applications/{name}/sync` (ApplicationSyncRequest) with no revision (Argo CD
 *    syncs the spec's targetRevision; an explicit one is refused when auto-sync is on) and
 *    `infos` naming the promotion. No `prune`: Kargo's operation does not prune either (an
 *    auto-synced app's own automated prune still applies to its own syncs); the retry strategy
 *    and sync options are the app's, which the API server copies from its syncPolicy. "another
 *    operation is already in progress" and "blocked by sync window" are waits, not failures.
 *
 * An operation still running leaves the step not done (StepPendingError): the engine asks again
 * every 5 s until the step's `retry.timeout`, by default Kargo's 5 minutes. A finished operation
 * that failed fails the step with Argo CD's message.
 *
 * Where Argo CD is: ARGOCD_SERVER and ARGOCD_AUTH_TOKEN in the environment the adapter passes
 * (the `argocd` provider's helpers). The token is never logged nor put in an error or output.
 *
 * A dry run reads and authorizes the apps and matches the sources, says what it would change,
 * and changes nothing.
 *
 * Output: `apps`, the `{name, namespace}` of each Application updated (Kargo's).
 */






const STEP = 'argocd-update';
/** Kargo's annotation, and gantry's alias for teams that do not want Kargo's name on their apps. */
const AUTHORIZED_STAGE_ANNOTATIONS = [
    'kargo.akuity.io/authorized-stage',
    'gantry.io/authorized-stage',
];
/** The `infos` entry that marks an Argo CD operation as this promotion's. */
const PROMOTION_INFO = 'gantry.io/promotion';
const REFRESH_ANNOTATION = 'argocd.argoproj.io/refresh';
/** Kargo's default timeout of argocd-update (DefaultTimeout in its step registration). */
const ARGOCD_UPDATE_TIMEOUT_MS = 5 * 60_000;
/** How long before the engine asks again about a sync that is still running. */
const ARGOCD_UPDATE_POLL_MS = 5_000;
const REQUEST_TIMEOUT_MS = 10_000;
const PATCH_TRIES = 3;
// --- config ---------------------------------------------------------------------------------
const K8S_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
function optString(obj, key, at) {
    const v = obj[key];
    if (v === undefined || v === null || v === '')
        return undefined;
    if (typeof v !== 'string')
        (0,errors/* fieldError */.$i)(STEP, `${at}.${key}`, 'must be a string');
    return v;
}
function reqString(obj, key, at) {
    const v = optString(obj, key, at);
    if (v === undefined)
        (0,errors/* fieldError */.$i)(STEP, `${at}.${key}`, 'is required');
    return v;
}
function list(v, at, what) {
    if (!Array.isArray(v) || v.length === 0)
        (0,errors/* fieldError */.$i)(STEP, at, `must list at least one ${what}`);
    return v;
}
function parseSource(raw, at) {
    if (!(0,guards/* isRecord */.u)(raw))
        (0,errors/* fieldError */.$i)(STEP, at, 'must be a map with repoURL');
    onlyKeys(STEP, raw, ['repoURL', 'chart', 'desiredRevision', 'updateTargetRevision', 'kustomize', 'helm'], `${at}.`);
    const repoURL = reqString(raw, 'repoURL', at);
    const chart = optString(raw, 'chart', at);
    const desiredRevision = optString(raw, 'desiredRevision', at);
    const u = raw['updateTargetRevision'];
    if (u !== undefined && u !== null && typeof u !== 'boolean') {
        (0,errors/* fieldError */.$i)(STEP, `${at}.updateTargetRevision`, 'must be true or false');
    }
    const updateTargetRevision = u === true;
    if (updateTargetRevision && desiredRevision === undefined) {
        (0,errors/* fieldError */.$i)(STEP, `${at}.updateTargetRevision`, 'needs desiredRevision: it is what targetRevision is set to (an expression that came out empty?)');
    }
    const out = {
        repoURL,
        ...(chart !== undefined && { chart }),
        ...(desiredRevision !== undefined && { desiredRevision }),
        updateTargetRevision,
    };
    const k = raw['kustomize'];
    if (k !== undefined && k !== null) {
        if (!(0,guards/* isRecord */.u)(k))
            (0,errors/* fieldError */.$i)(STEP, `${at}.kustomize`, 'must be a map with images');
        onlyKeys(STEP, k, ['images'], `${at}.kustomize.`);
        out.kustomizeImages = list(k['images'], `${at}.kustomize.images`, 'image').map((img, i) => {
            const where = `${at}.kustomize.images[${i}]`;
            if (!(0,guards/* isRecord */.u)(img))
                (0,errors/* fieldError */.$i)(STEP, where, 'must be a map with repoURL and tag or digest');
            onlyKeys(STEP, img, ['repoURL', 'tag', 'digest', 'newName'], `${where}.`);
            const tag = optString(img, 'tag', where);
            const digest = optString(img, 'digest', where);
            const newName = optString(img, 'newName', where);
            if ((tag === undefined) === (digest === undefined)) {
                (0,errors/* fieldError */.$i)(STEP, where, 'needs one of tag or digest (not both)');
            }
            return {
                repoURL: reqString(img, 'repoURL', where),
                ...(tag !== undefined && { tag }),
                ...(digest !== undefined && { digest }),
                ...(newName !== undefined && { newName }),
            };
        });
    }
    const h = raw['helm'];
    if (h !== undefined && h !== null) {
        if (!(0,guards/* isRecord */.u)(h))
            (0,errors/* fieldError */.$i)(STEP, `${at}.helm`, 'must be a map with images');
        onlyKeys(STEP, h, ['images'], `${at}.helm.`);
        out.helmImages = list(h['images'], `${at}.helm.images`, 'image').map((img, i) => {
            const where = `${at}.helm.images[${i}]`;
            if (!(0,guards/* isRecord */.u)(img))
                (0,errors/* fieldError */.$i)(STEP, where, 'must be a map with key and value');
            onlyKeys(STEP, img, ['key', 'value'], `${where}.`);
            const value = img['value'];
            // A value rendered from `${{ }}` may be a number (a chart version 2): Helm's --set takes text.
            if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
                (0,errors/* fieldError */.$i)(STEP, `${where}.value`, 'must be a string');
            }
            return { key: reqString(img, 'key', where), value: String(value) };
        });
    }
    return out;
}
/** A label key (optional DNS prefix and `/`, then a name) or value, as Kubernetes allows them. */
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_PREFIX = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
function labelKey(v, at) {
    if (typeof v !== 'string')
        (0,errors/* fieldError */.$i)(STEP, at, 'must be a label key (a string)');
    const slash = v.lastIndexOf('/');
    const prefix = slash < 0 ? undefined : v.slice(0, slash);
    const name = slash < 0 ? v : v.slice(slash + 1);
    if (!LABEL_NAME.test(name) || (prefix !== undefined && !LABEL_PREFIX.test(prefix))) {
        (0,errors/* fieldError */.$i)(STEP, at, `${JSON.stringify(v)} is not a label key`);
    }
    return v;
}
function labelValue(v, at) {
    // A number or boolean from `${{ }}` is a label's text.
    const t = typeof v === 'number' || typeof v === 'boolean' ? String(v) : v;
    if (typeof t !== 'string' || (t !== '' && !LABEL_NAME.test(t))) {
        (0,errors/* fieldError */.$i)(STEP, at, `${JSON.stringify(v)} is not a label value`);
    }
    return t;
}
/**
 * Kargo's `selector` (a Kubernetes LabelSelector) as the label selector text Argo CD's list API
 * takes: `k=v` per matchLabels entry, `k in (a,b)`, `k notin (a,b)`, `k`, `!k` per expression.
 */
function selectorText(raw, at) {
    if (!(0,guards/* isRecord */.u)(raw))
        (0,errors/* fieldError */.$i)(STEP, at, 'must be a map with matchLabels or matchExpressions');
    onlyKeys(STEP, raw, ['matchLabels', 'matchExpressions'], `${at}.`);
    const terms = [];
    const labels = raw['matchLabels'];
    if (labels !== undefined && labels !== null) {
        if (!(0,guards/* isRecord */.u)(labels))
            (0,errors/* fieldError */.$i)(STEP, `${at}.matchLabels`, 'must be a map of label: value');
        for (const [k, v] of Object.entries(labels)) {
            const where = `${at}.matchLabels.${k}`;
            terms.push(`${labelKey(k, where)}=${labelValue(v, where)}`);
        }
    }
    const exprs = raw['matchExpressions'];
    if (exprs !== undefined && exprs !== null) {
        if (!Array.isArray(exprs)) {
            (0,errors/* fieldError */.$i)(STEP, `${at}.matchExpressions`, 'must be a list of {key, operator, values}');
        }
        exprs.forEach((e, i) => {
            const where = `${at}.matchExpressions[${i}]`;
            if (!(0,guards/* isRecord */.u)(e))
                (0,errors/* fieldError */.$i)(STEP, where, 'must be a map with key and operator');
            onlyKeys(STEP, e, ['key', 'operator', 'values'], `${where}.`);
            const key = labelKey(e['key'], `${where}.key`);
            const op = e['operator'];
            const values = e['values'] ?? [];
            if (!Array.isArray(values))
                (0,errors/* fieldError */.$i)(STEP, `${where}.values`, 'must be a list of strings');
            const vals = values.map((v, j) => labelValue(v, `${where}.values[${j}]`));
            if (op === 'In' || op === 'NotIn') {
                if (!vals.length)
                    (0,errors/* fieldError */.$i)(STEP, `${where}.values`, `must not be empty for ${op}`);
                terms.push(`${key} ${op === 'In' ? 'in' : 'notin'} (${vals.join(',')})`);
            }
            else if (op === 'Exists' || op === 'DoesNotExist') {
                if (vals.length)
                    (0,errors/* fieldError */.$i)(STEP, `${where}.values`, `must be empty for ${op}`);
                terms.push(op === 'Exists' ? key : `!${key}`);
            }
            else {
                (0,errors/* fieldError */.$i)(STEP, `${where}.operator`, `must be In, NotIn, Exists or DoesNotExist, not ${JSON.stringify(op)}`);
            }
        });
    }
    if (!terms.length) {
        (0,errors/* fieldError */.$i)(STEP, at, 'needs matchLabels or matchExpressions (an empty selector would match every Application)');
    }
    return terms.join(',');
}
function parseArgoCDUpdateConfig(config) {
    onlyKeys(STEP, config, ['apps'], 'config.');
    const apps = list(config['apps'], 'config.apps', 'application').map((raw, i) => {
        const at = `config.apps[${i}]`;
        if (!(0,guards/* isRecord */.u)(raw))
            (0,errors/* fieldError */.$i)(STEP, at, 'must be a map with name or selector');
        onlyKeys(STEP, raw, ['name', 'namespace', 'selector', 'sources'], `${at}.`);
        const hasName = raw['name'] !== undefined && raw['name'] !== null && raw['name'] !== '';
        const hasSelector = raw['selector'] !== undefined && raw['selector'] !== null;
        if (hasName === hasSelector) {
            (0,errors/* fieldError */.$i)(STEP, at, 'needs either name or selector (not both)');
        }
        const namespace = optString(raw, 'namespace', at);
        if (namespace !== undefined && !K8S_NAME.test(namespace)) {
            (0,errors/* fieldError */.$i)(STEP, `${at}.namespace`, `${JSON.stringify(namespace)} is not a namespace name`);
        }
        const rawSources = raw['sources'];
        const sources = rawSources === undefined || rawSources === null
            ? []
            : list(rawSources, `${at}.sources`, 'source').map((s, j) => parseSource(s, `${at}.sources[${j}]`));
        if (hasSelector) {
            const selector = selectorText(raw['selector'], `${at}.selector`);
            return { selector, ...(namespace !== undefined && { namespace }), sources };
        }
        const name = reqString(raw, 'name', at);
        if (!K8S_NAME.test(name) || name.length > 253) {
            (0,errors/* fieldError */.$i)(STEP, `${at}.name`, `${JSON.stringify(name)} is not an Argo CD Application name`);
        }
        return { name, ...(namespace !== undefined && { namespace }), sources };
    });
    const seen = new Set();
    apps.forEach((a, i) => {
        if (!('name' in a))
            return;
        const key = `${a.namespace ?? ''}/${a.name}`;
        if (seen.has(key))
            (0,errors/* fieldError */.$i)(STEP, `config.apps[${i}]`, `names ${a.name} a second time`);
        seen.add(key);
    });
    return apps;
}
// --- pure parts (exported for tests) --------------------------------------------------------
/**
 * Kargo's authorized-stage annotation value: `project:stage` entries separated by commas. Throws
 * on an entry that is not one (Kargo refuses globs too).
 */
function authorizedStages(value) {
    const out = [];
    for (const raw of value.split(',')) {
        const entry = raw.trim();
        if (!entry)
            continue;
        const colon = entry.indexOf(':');
        const project = colon < 0 ? '' : entry.slice(0, colon).trim();
        const stage = colon < 0 ? '' : entry.slice(colon + 1).trim();
        if (!project || !stage) {
            throw new Error(`invalid authorized stage ${JSON.stringify(entry)}: expected <project>:<stage>`);
        }
        if (project.includes('*') || stage.includes('*')) {
            throw new Error(`invalid authorized stage ${JSON.stringify(entry)}: glob expressions are not supported (Kargo dropped them too)`);
        }
        out.push({ project, stage });
    }
    if (!out.length)
        throw new Error(`no authorized stage in ${JSON.stringify(value)}`);
    return out;
}
/** Why `app` may not be changed by this stage, or undefined when it may. */
function unauthorizedReason(app, label, project, stage) {
    const annotations = app.metadata?.annotations ?? {};
    const found = AUTHORIZED_STAGE_ANNOTATIONS.filter((k) => typeof annotations[k] === 'string');
    const want = `${project}:${stage}`;
    const add = `annotate it with ${AUTHORIZED_STAGE_ANNOTATIONS[0]}: "${want}" (or ${AUTHORIZED_STAGE_ANNOTATIONS[1]})`;
    if (!found.length) {
        return `Argo CD Application ${label} does not permit changes by stage ${stage} of project ${project}: it has no authorized-stage annotation; whoever may edit the Application must ${add}`;
    }
    for (const k of found) {
        let stages;
        try {
            stages = authorizedStages(annotations[k] ?? '');
        }
        catch (err) {
            return `Argo CD Application ${label}: annotation ${k}: ${(0,errors/* errorMessage */.gJ)(err)}`;
        }
        if (stages.some((s) => s.project === project && s.stage === stage))
            return undefined;
    }
    const listed = found.map((k) => `${k}: ${JSON.stringify(annotations[k])}`).join(', ');
    return `Argo CD Application ${label} does not permit changes by stage ${stage} of project ${project} (${listed}); to allow it, ${add}`;
}
const sourcesOf = (app) => app.spec?.sources?.length ? app.spec.sources : app.spec?.source ? [app.spec.source] : [];
const matches = (update, source) => (0,argocd/* sourceMatches */.x8)(update, source);
/** The desired revision of each of the app's sources ('' where none is asked for). */
function desiredRevisions(update, app) {
    return sourcesOf(app).map((s) => update.sources.find((u) => matches(u, s))?.desiredRevision ?? '');
}
function kustomizeImage(i) {
    const name = i.newName ? `${i.repoURL}=${i.newName}` : i.repoURL;
    return i.digest ? `${name}@${i.digest}` : `${name}:${i.tag ?? ''}`;
}
/**
 * The app's sources with the updates applied (a copy). Throws when an update matches no source:
 * the template names a source the Application does not have.
 */
function desiredSources(update, app, label) {
    const sources = structuredClone(sourcesOf(app));
    for (const u of update.sources) {
        const source = sources.find((s) => matches(u, s));
        if (!source) {
            const have = sourcesOf(app)
                .map((s) => (s.chart ? `${s.repoURL} (chart ${s.chart})` : s.repoURL))
                .join(', ');
            throw new errors/* OperationError */.OK(`no source of Argo CD Application ${label} matches repoURL ${u.repoURL}${u.chart ? ` and chart ${u.chart}` : ''}; its sources: ${have || 'none'}`);
        }
        if (u.updateTargetRevision && u.desiredRevision)
            source.targetRevision = u.desiredRevision;
        if (u.kustomizeImages?.length) {
            source.kustomize = { ...source.kustomize, images: u.kustomizeImages.map(kustomizeImage) };
        }
        if (u.helmImages?.length) {
            const params = [...(source.helm?.parameters ?? [])];
            for (const { key, value } of u.helmImages) {
                const i = params.findIndex((p) => p.name === key);
                if (i >= 0)
                    params[i] = { name: key, value };
                else
                    params.push({ name: key, value });
            }
            source.helm = { ...source.helm, parameters: params };
        }
    }
    return sources;
}
const COMPLETED = new Set(['Succeeded', 'Failed', 'Error']);
/**
 * Kargo's mustPerformUpdate, plus what the API makes visible and Kargo's direct write hides: a
 * sync requested (top-level `operation`) but not picked up yet.
 */
function judge(update, app, promotion) {
    const info = (infos) => (infos ?? []).find((i) => i?.name === PROMOTION_INFO)?.value;
    if (app.operation) {
        const ours = info(app.operation.info) === promotion;
        return {
            update: false,
            phase: 'Running',
            why: ours ? 'sync requested' : 'a sync requested by someone else has not started yet',
        };
    }
    const op = app.status?.operationState;
    if (!op)
        return { update: true, why: 'no operation yet' };
    const done = COMPLETED.has(op.phase ?? '');
    if (info(op.operation?.info) !== promotion) {
        if (!done) {
            return {
                update: false,
                phase: 'Running',
                why: `waiting for an operation this promotion did not start (${op.phase ?? 'no phase'})`,
            };
        }
        return { update: true, why: 'the last operation was not this promotion' };
    }
    if (!done)
        return { update: false, phase: 'Running', why: `sync ${op.phase ?? 'running'}` };
    const result = op.syncResult;
    if (!result)
        return { update: true, why: 'the sync finished without a sync result' };
    const wanted = desiredRevisions(update, app);
    const observed = result.revisions?.length ? result.revisions : [result.revision ?? ''];
    for (const [i, want] of wanted.entries()) {
        if (want && observed[i] !== want) {
            return {
                update: true,
                why: `the sync went to ${observed.join(',')}, not ${wanted.map((w) => w || '-').join(',')}`,
            };
        }
    }
    const phase = op.phase === 'Succeeded' ? 'Succeeded' : 'Failed';
    return { update: false, phase, why: `sync ${op.phase}${op.message ? `: ${op.message}` : ''}` };
}
/** `/` and `~` escaped for a JSON pointer (RFC 6901). */
const pointer = (key) => key.replace(/~/g, '~0').replace(/\//g, '~1');
/** The JSON patch that swaps the sources read for the desired ones, and asks a hard refresh. */
function sourcePatch(app, sources) {
    const ops = [];
    if (app.spec?.sources?.length) {
        ops.push({ op: 'test', path: '/spec/sources', value: app.spec.sources });
        ops.push({ op: 'replace', path: '/spec/sources', value: sources });
    }
    else if (app.spec?.source) {
        ops.push({ op: 'test', path: '/spec/source', value: app.spec.source });
        ops.push({ op: 'replace', path: '/spec/source', value: sources[0] });
    }
    ops.push(app.metadata?.annotations
        ? { op: 'add', path: `/metadata/annotations/${pointer(REFRESH_ANNOTATION)}`, value: 'hard' }
        : { op: 'add', path: '/metadata/annotations', value: { [REFRESH_ANNOTATION]: 'hard' } });
    return ops;
}
class PatchTestFailed extends Error {
}
class SyncRefused extends Error {
}
/**
 * One request to Argo CD's API with the token, a timeout and a capped answer. A request that gets
 * no answer is an OperationError worded by `failed`, the token scrubbed from it.
 */
async function exchange(c, path, init, failed) {
    const url = `${c.server}${path}`;
    try {
        const res = await c.fetch(url, {
            method: init.method,
            headers: {
                Accept: 'application/json',
                ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
                Authorization: `Bearer ${c.token}`,
            },
            ...(init.body !== undefined ? { body: init.body } : {}),
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        const answer = await (0,http_body/* readText */.yR)(res, {
            url,
            maxBytes: argocd/* ARGOCD_MAX_BODY_BYTES */.tF,
            what: 'the Argo CD response',
        });
        return { status: res.status, answer };
    }
    catch (err) {
        throw new errors/* OperationError */.OK((0,argocd/* scrub */._I)(failed(err), [c.token]));
    }
}
async function send(c, method, path, body, label) {
    const host = new URL(c.server).host;
    const { status, answer } = await exchange(c, path, { method, body: JSON.stringify(body) }, (err) => {
        const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
        return `${method} ${path} on Argo CD (${host}) failed: ${(0,errors/* errorMessage */.gJ)(err)}${cause}`;
    });
    if (status === 200)
        return;
    const { message, code } = (0,argocd/* gatewayError */.L7)(answer);
    const said = (0,argocd/* scrub */._I)(message, [c.token]);
    // A JSON patch whose `test` failed: someone changed the sources since they were read.
    if (method === 'PATCH' && /testing value .* failed/.test(message))
        throw new PatchTestFailed(said);
    // FailedPrecondition (9) "another operation is already in progress"; PermissionDenied (7)
    // "cannot sync: blocked by sync window": both end by themselves.
    if (method === 'POST' &&
        ((code === 9 && /another operation is already in progress/.test(message)) ||
            /blocked by sync window/.test(message))) {
        throw new SyncRefused(said);
    }
    const verb = method === 'PATCH' ? 'update' : 'sync';
    const hint = status === 401
        ? ': check ARGOCD_AUTH_TOKEN (expired, revoked, or for another Argo CD)'
        : status === 403
            ? `: the token needs 'applications, ${verb}' on it`
            : '';
    throw new errors/* OperationError */.OK(`Argo CD (${host}) refused to ${verb} application ${label} (HTTP ${status}: ${said})${hint}`);
}
/** `GET /api/v1/applications?selector=` (ApplicationService.List): the matching Applications. */
async function listApplications(c, selector, namespace) {
    const params = new URLSearchParams({ selector });
    if (namespace)
        params.set('appNamespace', namespace);
    const path = `/api/v1/applications?${params.toString()}`;
    const host = new URL(c.server).host;
    const { status, answer } = await exchange(c, path, { method: 'GET' }, (err) => `listing applications on Argo CD (${host}) failed: ${(0,errors/* errorMessage */.gJ)(err)}`);
    if (status !== 200) {
        const said = (0,argocd/* scrub */._I)((0,argocd/* gatewayError */.L7)(answer).message, [c.token]);
        const hint = status === 401 ? ': check ARGOCD_AUTH_TOKEN (expired, revoked, or for another Argo CD)' : '';
        throw new errors/* OperationError */.OK(`Argo CD (${host}) refused to list applications matching ${JSON.stringify(selector)} (HTTP ${status}: ${said})${hint}`);
    }
    let doc;
    try {
        doc = JSON.parse(answer);
    }
    catch {
        throw new errors/* OperationError */.OK(`Argo CD (${host}) answered the application list with malformed JSON`);
    }
    // An empty list may come as `items: null` or without items.
    const items = (0,guards/* isRecord */.u)(doc) ? (doc['items'] ?? []) : undefined;
    if (!Array.isArray(items) || !items.every(guards/* isRecord */.u)) {
        throw new errors/* OperationError */.OK(`Argo CD (${host}) answered the application list without items`);
    }
    return items;
}
/**
 * The apps a `selector` entry names: those Argo CD lists that authorize the stage (the others
 * are logged and skipped, as Kargo does), checked to all have the sources the entry updates.
 */
async function selectedApps(c, entry, ctx) {
    const where = entry.namespace ? ` in namespace ${entry.namespace}` : '';
    const found = await listApplications(c, entry.selector, entry.namespace);
    if (!found.length) {
        throw new errors/* OperationError */.OK(`${STEP}: no Argo CD Applications match selector ${JSON.stringify(entry.selector)}${where}`);
    }
    const authorized = [];
    for (const app of found) {
        const label = `${app.metadata?.namespace ?? '?'}/${app.metadata?.name ?? '?'}`;
        const refused = unauthorizedReason(app, label, ctx.project, ctx.stage);
        if (refused)
            ctx.log(`${STEP}: skipping ${label}, which matches the selector: ${refused}`);
        else
            authorized.push(app);
    }
    if (!authorized.length) {
        throw new errors/* OperationError */.OK(`${STEP}: ${found.length} Argo CD Application(s) match selector ${JSON.stringify(entry.selector)}${where}, but none authorizes stage ${ctx.stage} of project ${ctx.project} (annotation ${AUTHORIZED_STAGE_ANNOTATIONS[0]}: "${ctx.project}:${ctx.stage}")`);
    }
    const updates = authorized.map((app) => ({
        name: app.metadata?.name ?? '',
        ...(app.metadata?.namespace ? { namespace: app.metadata.namespace } : {}),
        sources: entry.sources,
    }));
    // Kargo: every selected app must take the source updates, or none is changed.
    if (entry.sources.length && updates.length > 1) {
        const problems = [];
        updates.forEach((u, i) => {
            try {
                desiredSources(u, authorized[i], `${u.namespace ?? ''}/${u.name}`);
            }
            catch (err) {
                problems.push((0,errors/* errorMessage */.gJ)(err));
            }
        });
        if (problems.length) {
            const shown = problems.slice(0, 3).join('; ');
            const more = problems.length > 3 ? ` (showing the first 3)` : '';
            throw new errors/* OperationError */.OK(`${STEP}: the Applications selected by ${JSON.stringify(entry.selector)} must have compatible sources; ${problems.length} do not${more}, and no Application was updated: ${shown}`);
        }
    }
    ctx.log(`${STEP}: selector ${JSON.stringify(entry.selector)}${where} matched ${updates.map((u) => `${u.namespace ?? ''}/${u.name}`).join(', ')}`);
    return updates;
}
// --- the step -------------------------------------------------------------------------------
function connection(ctx) {
    const env = ctx.env ?? {};
    if (!env.ARGOCD_SERVER?.trim() || !env.ARGOCD_AUTH_TOKEN?.trim()) {
        const missing = [
            ...(env.ARGOCD_SERVER?.trim() ? [] : ['ARGOCD_SERVER']),
            ...(env.ARGOCD_AUTH_TOKEN?.trim() ? [] : ['ARGOCD_AUTH_TOKEN']),
        ];
        throw new errors/* ConfigError */.xL(`${STEP}: ${missing.join(' and ')} must be set in the environment (the promote job's env:, or the shell's): the Argo CD API server URL and a token that may get, update and sync the apps`);
    }
    return (0,argocd/* resolveConnection */.XC)({}, { env, secret: () => undefined });
}
async function processApp(c, update, ctx, promotion) {
    const ref = {
        name: update.name,
        ...(update.namespace !== undefined && { namespace: update.namespace }),
    };
    const label = update.namespace ? `${update.namespace}/${update.name}` : update.name;
    const never = new AbortController().signal;
    for (let attempt = 1;; attempt++) {
        let app;
        try {
            app = (await (0,argocd/* getApplication */.Di)({ fetch: c.fetch, signal: never }, { requestTimeoutMs: REQUEST_TIMEOUT_MS }, c.server, c.token, ref, undefined));
        }
        catch (err) {
            throw new errors/* OperationError */.OK((0,argocd/* scrub */._I)((0,errors/* errorMessage */.gJ)(err), [c.token]));
        }
        const namespace = app.metadata?.namespace ?? update.namespace ?? '';
        const refused = unauthorizedReason(app, label, ctx.project, ctx.stage);
        if (refused)
            throw new errors/* OperationError */.OK(refused);
        const verdict = judge(update, app, promotion);
        if (!verdict.update)
            return { phase: verdict.phase, why: verdict.why, namespace };
        const sources = desiredSources(update, app, label);
        if (ctx.dryRun) {
            const to = sources.map((s) => s.targetRevision ?? 'HEAD').join(',');
            const changed = JSON.stringify(sources) !== JSON.stringify(sourcesOf(app));
            ctx.log(`${STEP}: dry run: would ${changed ? 'update and ' : ''}sync ${label} to ${to}; nothing was changed on Argo CD`);
            return { phase: 'Succeeded', why: 'dry run', namespace };
        }
        try {
            await send(c, 'PATCH', `/api/v1/applications/${encodeURIComponent(update.name)}`, {
                name: update.name,
                ...(update.namespace !== undefined && { appNamespace: update.namespace }),
                patchType: 'json',
                patch: JSON.stringify(sourcePatch(app, sources)),
            }, label);
        }
        catch (err) {
            if (err instanceof PatchTestFailed && attempt < PATCH_TRIES) {
                ctx.log(`${STEP}: ${label} changed while being updated; reading it again`);
                continue;
            }
            if (err instanceof PatchTestFailed) {
                throw new errors/* OperationError */.OK(`${STEP}: Argo CD Application ${label} kept changing while being updated (${PATCH_TRIES} tries): ${err.message}`);
            }
            throw err;
        }
        try {
            await send(c, 'POST', `/api/v1/applications/${encodeURIComponent(update.name)}/sync`, {
                name: update.name,
                ...(update.namespace !== undefined && { appNamespace: update.namespace }),
                infos: [
                    { name: 'Reason', value: 'Promotion triggered a sync of this Application resource.' },
                    { name: PROMOTION_INFO, value: promotion },
                ],
            }, label);
        }
        catch (err) {
            if (err instanceof SyncRefused) {
                return { phase: 'Running', why: `sync not started yet: ${err.message}`, namespace };
            }
            throw err;
        }
        const to = sources.map((s) => s.targetRevision ?? 'HEAD').join(',');
        ctx.log(`${STEP}: ${label}: updated, sync to ${to} requested (${verdict.why})`);
        return { phase: 'Running', why: 'sync requested', namespace };
    }
}
const imagesOf = (items, required, description) => ({
    type: 'object',
    description,
    additionalProperties: false,
    required: ['images'],
    properties: {
        images: {
            type: 'array',
            minItems: 1,
            description: 'One entry per image.',
            items: { type: 'object', additionalProperties: false, required, properties: items },
        },
    },
});
const argocdUpdate = {
    name: STEP,
    defaultTimeoutMs: ARGOCD_UPDATE_TIMEOUT_MS,
    schema: {
        type: 'object',
        description: "Updates Argo CD Applications' sources through Argo CD's API, syncs them and waits for the sync (default `retry.timeout` 5m). Argo CD: the promote action's `argocd-server`/`argocd-token`, else `ARGOCD_SERVER`/`ARGOCD_AUTH_TOKEN`. Each app must be annotated `kargo.akuity.io/authorized-stage` (or `gantry.io/authorized-stage`) with `<project>:<stage>`.",
        additionalProperties: false,
        required: ['apps'],
        properties: {
            apps: {
                type: 'array',
                minItems: 1,
                description: 'The Applications to update and sync, by name or by label selector.',
                items: {
                    type: 'object',
                    additionalProperties: false,
                    oneOf: [{ required: ['name'] }, { required: ['selector'] }],
                    errorMessage: 'needs either name or selector (not both)',
                    properties: {
                        name: nonEmpty('The Application name. Either `name` or `selector`.'),
                        namespace: nonEmpty("The Application's namespace (a selector's: where to list); default: the Argo CD server's own (a selector: every namespace Argo CD serves)."),
                        selector: {
                            type: 'object',
                            additionalProperties: false,
                            description: 'Selects Applications by label (Argo CD list API); those that do not authorize the stage are skipped. Either `name` or `selector`. Not read by stage health.',
                            properties: {
                                matchLabels: {
                                    type: 'object',
                                    additionalProperties: { type: 'string' },
                                    description: 'Labels an Application must all have, with these values.',
                                },
                                matchExpressions: {
                                    type: 'array',
                                    description: 'Requirements an Application must all meet.',
                                    items: {
                                        type: 'object',
                                        additionalProperties: false,
                                        required: ['key', 'operator'],
                                        properties: {
                                            key: nonEmpty('The label key.'),
                                            operator: {
                                                enum: ['In', 'NotIn', 'Exists', 'DoesNotExist'],
                                                description: '`In`, `NotIn`, `Exists` or `DoesNotExist`.',
                                            },
                                            values: {
                                                type: 'array',
                                                items: { type: 'string' },
                                                description: 'Required for `In` and `NotIn`; empty for the others.',
                                            },
                                        },
                                    },
                                },
                            },
                        },
                        sources: {
                            type: 'array',
                            minItems: 1,
                            description: 'Which sources to update, and how.',
                            items: {
                                type: 'object',
                                additionalProperties: false,
                                required: ['repoURL'],
                                properties: {
                                    repoURL: nonEmpty("The source's repoURL (a Git URL matches normalised; a chart repository exactly, with chart)."),
                                    chart: schema_parts_text("The source's chart, for a Helm chart repository source."),
                                    desiredRevision: schema_parts_text('The revision the source must be synced to for the step, and the stage health, to be done.'),
                                    updateTargetRevision: flag("Also set the source's targetRevision to desiredRevision."),
                                    kustomize: imagesOf({
                                        repoURL: nonEmpty('The image repository.'),
                                        tag: schema_parts_text('The tag (or digest).'),
                                        digest: schema_parts_text('The digest (or tag).'),
                                        newName: schema_parts_text('A replacement image name.'),
                                    }, ['repoURL'], "Replaces the source's Kustomize images."),
                                    helm: imagesOf({
                                        key: nonEmpty('The Helm parameter (--set notation).'),
                                        value: schema_parts_text('Its value.'),
                                    }, ['key', 'value'], "Sets the source's Helm parameters."),
                                },
                            },
                        },
                    },
                },
            },
        },
    },
    async run(config, ctx) {
        const apps = parseArgoCDUpdateConfig(config);
        const { server, token } = connection(ctx);
        const c = { server, token, fetch: ctx.fetch };
        // The engine names every promotion; a direct call (tests) gets one per stage and freight.
        const promotion = ctx.promotion ?? `${ctx.stage}.${ctx.freight.id.slice(0, 7)}`;
        const results = [];
        const done = new Set();
        // One after another, as Kargo does: a failed app stops the rest. Selectors are resolved and
        // their apps checked first, so a selection that cannot be updated changes nothing.
        const updates = [];
        for (const entry of apps) {
            if ('name' in entry)
                updates.push(entry);
            else
                updates.push(...(await selectedApps(c, entry, ctx)));
        }
        for (const update of updates) {
            const key = `${update.namespace ?? ''}/${update.name}`;
            if (done.has(key))
                continue;
            done.add(key);
            const r = await processApp(c, update, ctx, promotion);
            const label = update.namespace ? `${update.namespace}/${update.name}` : update.name;
            if (r.phase === 'Failed') {
                throw new errors/* OperationError */.OK(`Argo CD Application ${label}: ${(0,argocd/* scrub */._I)(r.why, [token])}`);
            }
            results.push({ name: update.name, ...r });
        }
        const running = results.filter((r) => r.phase === 'Running');
        if (running.length) {
            throw new types/* StepPendingError */.U((0,argocd/* scrub */._I)(`${STEP}: ${running.map((r) => `${r.namespace ? `${r.namespace}/` : ''}${r.name}: ${r.why}`).join('; ')}`, [token]), ARGOCD_UPDATE_POLL_MS);
        }
        for (const r of results)
            ctx.log(`${STEP}: ${r.namespace}/${r.name}: ${r.why}`);
        return { outputs: { apps: results.map((r) => ({ name: r.name, namespace: r.namespace })) } };
    },
};

;// CONCATENATED MODULE: ./src/promotion/steps/argocd-wait.ts
/**
 * Kargo's `argocd-wait` step, through Argo CD's API: waits until Applications (by `name`, or by a
 * label `selector` listed when the step runs) meet the conditions of `waitFor` — `health`
 * (Healthy), `suspended`, `degraded` (any one of the health conditions given), and `sync`
 * (Synced) and `operation` (none in progress), which must all hold; default
 * `[health, sync, operation]`. It changes nothing, so unlike argocd-update it needs no
 * authorized-stage annotation. As in Kargo, an app waited on for `health` that turns Degraded
 * after being seen neither Degraded nor Unknown fails the step at once.
 *
 * The engine asks again every 5 s until the step's `retry.timeout` (default 5 minutes, as
 * argocd-update). Output: `apps`, the `{name, namespace}` of each app waited for (Kargo's).
 */






const argocd_wait_STEP = 'argocd-wait';
const CONDITIONS = ['health', 'sync', 'operation', 'suspended', 'degraded'];
const HEALTH = {
    health: 'Healthy',
    suspended: 'Suspended',
    degraded: 'Degraded',
};
function parseArgoCDWaitConfig(config) {
    onlyKeys(argocd_wait_STEP, config, ['apps'], 'config.');
    const apps = config['apps'];
    if (!Array.isArray(apps) || !apps.length) {
        (0,errors/* fieldError */.$i)(argocd_wait_STEP, 'config.apps', 'must list at least one application');
    }
    return apps.map((raw, i) => {
        const at = `config.apps[${i}]`;
        if (!(0,guards/* isRecord */.u)(raw))
            (0,errors/* fieldError */.$i)(argocd_wait_STEP, at, 'must be a map with name or selector');
        onlyKeys(argocd_wait_STEP, raw, ['name', 'namespace', 'selector', 'waitFor'], `${at}.`);
        const name = raw['name'];
        const hasName = typeof name === 'string' && name !== '';
        if (hasName === (raw['selector'] !== undefined && raw['selector'] !== null)) {
            (0,errors/* fieldError */.$i)(argocd_wait_STEP, at, 'needs one of name or selector (not both)');
        }
        const ns = raw['namespace'];
        if (ns !== undefined && (typeof ns !== 'string' || !ns)) {
            (0,errors/* fieldError */.$i)(argocd_wait_STEP, `${at}.namespace`, 'must be a namespace name');
        }
        const waitFor = raw['waitFor'] ?? ['health', 'sync', 'operation'];
        if (!Array.isArray(waitFor) ||
            !waitFor.length ||
            waitFor.some((c) => !CONDITIONS.includes(c)) ||
            new Set(waitFor).size !== waitFor.length) {
            (0,errors/* fieldError */.$i)(argocd_wait_STEP, `${at}.waitFor`, `must be a list of distinct conditions among ${CONDITIONS.join(', ')}`);
        }
        return {
            ...(hasName ? { name } : { selector: selectorText(raw['selector'], `${at}.selector`) }),
            ...(typeof ns === 'string' ? { namespace: ns } : {}),
            waitFor: waitFor,
        };
    });
}
/** What keeps the app from meeting `waitFor`, or undefined when it meets it. */
function unmet(app, waitFor) {
    const health = app.status?.health?.status ?? 'Unknown';
    const wanted = waitFor.flatMap((c) => (HEALTH[c] ? [HEALTH[c]] : []));
    if (wanted.length && !wanted.includes(health)) {
        return `health is ${health}, waiting for ${wanted.join(' or ')}`;
    }
    const sync = app.status?.sync?.status ?? 'Unknown';
    if (waitFor.includes('sync') && sync !== 'Synced')
        return `sync status is ${sync}`;
    const phase = app.status?.operationState?.phase;
    if (waitFor.includes('operation') &&
        (app.operation !== undefined || phase === 'Running' || phase === 'Terminating')) {
        return `an operation is ${app.operation !== undefined ? 'requested' : 'running'}`;
    }
    return undefined;
}
/** Health first seen per promotion and app: a turn to Degraded during the wait fails it. */
const firstSeen = new Map();
const argocdWait = {
    name: argocd_wait_STEP,
    defaultTimeoutMs: ARGOCD_UPDATE_TIMEOUT_MS,
    schema: {
        type: 'object',
        description: "Waits until Argo CD Applications meet `waitFor` (default health, sync and operation), through Argo CD's API (default `retry.timeout` 5m). Changes nothing; needs no authorized-stage annotation. Output `apps`.",
        additionalProperties: false,
        required: ['apps'],
        properties: {
            apps: {
                type: 'array',
                minItems: 1,
                description: 'The Applications to wait for, by name or by label selector.',
                items: {
                    type: 'object',
                    additionalProperties: false,
                    oneOf: [{ required: ['name'] }, { required: ['selector'] }],
                    errorMessage: 'needs name or selector (one of them, as in Kargo)',
                    properties: {
                        name: nonEmpty('The Application name (or give `selector`).'),
                        namespace: nonEmpty("The Application's namespace; default: the Argo CD server's own."),
                        selector: {
                            type: 'object',
                            description: "Kubernetes' label selector (`matchLabels`, `matchExpressions`), as argocd-update's.",
                        },
                        waitFor: {
                            type: 'array',
                            items: { enum: [...CONDITIONS] },
                            description: 'health, suspended, degraded (any one of those given) and sync, operation (all given); default [health, sync, operation].',
                        },
                    },
                },
            },
        },
    },
    async run(config, ctx) {
        const entries = parseArgoCDWaitConfig(config);
        const { server, token } = connection(ctx);
        const c = { server, token, fetch: ctx.fetch };
        const apps = [];
        for (const e of entries) {
            if (e.name !== undefined) {
                apps.push({
                    ref: { name: e.name, ...(e.namespace ? { namespace: e.namespace } : {}) },
                    waitFor: e.waitFor,
                });
                continue;
            }
            const found = await listApplications(c, e.selector ?? '', e.namespace);
            if (!found.length) {
                throw new errors/* OperationError */.OK(`${argocd_wait_STEP}: no Argo CD Application matches the selector ${e.selector ?? ''}${e.namespace ? ` in namespace ${e.namespace}` : ''}`);
            }
            for (const a of found) {
                const name = a.metadata?.name;
                if (!name)
                    continue;
                const namespace = a.metadata?.namespace;
                apps.push({ ref: { name, ...(namespace ? { namespace } : {}) }, waitFor: e.waitFor });
            }
        }
        const waiting = [];
        const out = [];
        const never = new AbortController().signal;
        for (const { ref, waitFor } of apps) {
            let app;
            try {
                app = await (0,argocd/* getApplication */.Di)({ fetch: c.fetch, signal: never }, { requestTimeoutMs: 10_000 }, c.server, c.token, ref, undefined);
            }
            catch (err) {
                throw new errors/* OperationError */.OK((0,argocd/* scrub */._I)((0,errors/* errorMessage */.gJ)(err), [c.token]));
            }
            const namespace = app.metadata?.namespace ?? ref.namespace ?? '';
            const label = `${namespace ? `${namespace}/` : ''}${ref.name}`;
            const health = app.status?.health?.status ?? 'Unknown';
            const key = `${ctx.promotion ?? ''}#${ctx.index}#${label}`;
            const seen = firstSeen.get(key);
            if (seen === undefined)
                firstSeen.set(key, health);
            if (waitFor.includes('health') &&
                !waitFor.includes('degraded') &&
                health === 'Degraded' &&
                seen !== undefined &&
                seen !== 'Degraded' &&
                seen !== 'Unknown') {
                throw new errors/* OperationError */.OK(`${argocd_wait_STEP}: Argo CD Application ${label} turned Degraded while waited for${app.status?.health?.message ? `: ${app.status.health.message}` : ''}`);
            }
            const why = unmet(app, waitFor);
            if (why)
                waiting.push(`${label}: ${why}`);
            out.push({ name: ref.name, namespace });
        }
        if (waiting.length) {
            if (ctx.dryRun) {
                ctx.log(`${argocd_wait_STEP}: dry run: would wait for ${waiting.join('; ')}`);
                return { outputs: { apps: out } };
            }
            throw new types/* StepPendingError */.U((0,argocd/* scrub */._I)(`${argocd_wait_STEP}: ${waiting.join('; ')}`, [token]), ARGOCD_UPDATE_POLL_MS);
        }
        for (const a of out)
            ctx.log(`${argocd_wait_STEP}: ${a.namespace}/${a.name}: ready`);
        return { outputs: { apps: out } };
    },
};

;// CONCATENATED MODULE: ./src/promotion/steps/compose-output.ts
const composeOutput = {
    name: 'compose-output',
    // Any keys: each one is an output.
    schema: {
        type: 'object',
        description: 'Makes each key of its config an output that later steps read as `outputs.<alias>.<key>`.',
    },
    run(config) {
        const outputs = {};
        for (const [k, v] of Object.entries(config)) {
            Object.defineProperty(outputs, k, {
                value: v,
                enumerable: true,
                writable: true,
                configurable: true,
            });
        }
        return Promise.resolve({ outputs });
    },
};

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/util/regex.ts
var regex = __webpack_require__(7107);
// EXTERNAL MODULE: ./src/promotion/steps/engine.ts
var engine = __webpack_require__(6427);
// EXTERNAL MODULE: ./src/promotion/steps/safe-path.ts
var safe_path = __webpack_require__(1854);
;// CONCATENATED MODULE: ./src/promotion/steps/copy.ts
/**
 * Kargo's `copy` step: `{inPath, outPath, ignore?}` copies a file, or a directory's contents
 * recursively (merged into an existing destination, existing files overwritten). As in Kargo,
 * symbolic links in the source are skipped and `.git` is ignored; `ignore` takes `.gitignore`
 * patterns (`#` comments, `!` negation, trailing `/` for directories, a `/` inside anchors the
 * pattern to `inPath`, `*`, `?`, `[…]`, `**`), evaluated after the `.git` default.
 *
 * Both paths go through safePath, and so does every file written, so neither the source nor a
 * link already in the destination can lead outside the checkout. Files whose content is already
 * the same are left alone and not reported as changed.
 */








/**
 * A `.gitignore`-style glob as an RE2 expression source (`*`, `?`, `[…]`, `**`); see
 * compileGlob. Patterns come from configuration and subjects from the repository, so they are
 * matched with RE2, which cannot backtrack (`*a*a*a*…` against a long name).
 */
function globToRegExp(glob) {
    let re = '';
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i] ?? '';
        if (c === '*') {
            if (glob[i + 1] === '*') {
                const atStart = i === 0 || glob[i - 1] === '/';
                const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
                if (atStart && atEnd) {
                    if (glob[i + 2] === '/') {
                        re += '(?:.*/)?';
                        i += 2;
                    }
                    else {
                        re += '.*';
                        i += 1;
                    }
                    continue;
                }
            }
            re += '[^/]*';
        }
        else if (c === '?')
            re += '[^/]';
        else if (c === '[') {
            const end = classEnd(glob, i);
            if (end < 0)
                re += '\\[';
            else {
                let cls = glob.slice(i + 1, end).replace(/\\/g, '\\\\');
                if (cls.startsWith('!'))
                    cls = `^${cls.slice(1)}`;
                re += `[${cls}]`;
                i = end;
            }
        }
        else if (c === '\\' && i + 1 < glob.length) {
            re += (glob[i + 1] ?? '').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
            i++;
        }
        else
            re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
    return re;
}
/** Where the class opened at `open` closes (a `]` right after `[` is literal), or -1. */
function classEnd(glob, open) {
    let j = open + 1;
    if (glob[j] === ']')
        j++;
    while (j < glob.length) {
        if (glob[j] === ']')
            return j;
        // `[:alpha:]` inside a class is one item; its `]` does not close the class.
        const posix = glob.startsWith('[:', j) ? glob.indexOf(':]', j + 2) : -1;
        j = posix >= 0 ? posix + 2 : j + 1;
    }
    return -1;
}
/** The glob anchored to the whole path, compiled. */
function compileGlob(glob) {
    // (?s): `**` spans any character, newlines included.
    return (0,regex.compileRegex)(`(?s)^${globToRegExp(glob)}$`);
}
/** Trailing whitespace is dropped, except one space escaped with a backslash. */
function trimTrailing(line) {
    let start = line.length;
    // A loop rather than /\s+$/, which is quadratic on a long run of spaces before other text.
    while (start > 0 && /\s/.test(line[start - 1] ?? ''))
        start--;
    if (start > 0 && start < line.length && line[start - 1] === '\\')
        start++;
    return line.slice(0, start);
}
/** Parse `.gitignore`-style text into rules (last match wins). */
function parseIgnore(text) {
    const rules = [];
    for (const raw of text.split(/\r?\n/)) {
        let line = trimTrailing(raw);
        if (line === '' || line.startsWith('#'))
            continue;
        let negate = false;
        if (line.startsWith('!')) {
            negate = true;
            line = line.slice(1);
        }
        else if (line.startsWith('\\!') || line.startsWith('\\#'))
            line = line.slice(1);
        let dirOnly = false;
        if (line.endsWith('/')) {
            dirOnly = true;
            line = line.slice(0, -1);
        }
        const anchored = line.includes('/');
        if (line.startsWith('/'))
            line = line.slice(1);
        if (line === '')
            continue;
        rules.push({ negate, dirOnly, anchored, re: compileGlob(line) });
    }
    return rules;
}
/** Is `rel` (relative to the copy's root, `/`-separated) ignored? */
/** A step's optional `ignore` field (.gitignore patterns, one a line): tar and untar. */
function ignoreOption(step, config) {
    const text = config['ignore'];
    if (text !== undefined && text !== null && typeof text !== 'string') {
        (0,errors/* fieldError */.$i)(step, 'config.ignore', 'must be a string of .gitignore patterns, one a line');
    }
    return typeof text === 'string' ? parseIgnore(text) : [];
}
function isIgnored(rules, rel, isDir) {
    let ignored = false;
    const base = rel.slice(rel.lastIndexOf('/') + 1);
    for (const r of rules) {
        if (r.dirOnly && !isDir)
            continue;
        if (r.re.test(r.anchored ? rel : base))
            ignored = !r.negate;
    }
    return ignored;
}
const DEFAULT_IGNORE = '.git/\n';
/** Files (relative to `root`) to copy, skipping symbolic links and ignored entries. */
async function listFiles(root, rules) {
    const out = [];
    const walk = async (dir, rel) => {
        const entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const e of entries) {
            const childRel = rel ? `${rel}/${e.name}` : e.name;
            if (e.isSymbolicLink())
                continue;
            if (e.isDirectory()) {
                if (!isIgnored(rules, childRel, true))
                    await walk(external_node_path_default().join(dir, e.name), childRel);
            }
            else if (e.isFile() && !isIgnored(rules, childRel, false))
                out.push(childRel);
        }
    };
    await walk(root, '');
    return out;
}
async function sameContent(file, data) {
    try {
        const st = await (0,promises_.lstat)(file);
        if (!st.isFile() || st.size !== data.length)
            return false;
        return (await (0,promises_.readFile)(file)).equals(data);
    }
    catch {
        return false;
    }
}
const copy = {
    name: 'copy',
    schema: {
        type: 'object',
        description: 'Copies a file or a directory inside the checkout.',
        additionalProperties: false,
        required: ['inPath', 'outPath'],
        properties: {
            inPath: nonEmpty('What to copy, relative to the checkout.'),
            outPath: nonEmpty('Where to copy it, relative to the checkout.'),
            ignore: schema_parts_text('.gitignore patterns, one a line, of files not to copy.'),
        },
    },
    async run(config, ctx) {
        (0,engine/* checkFields */.oA)('copy', config, ['inPath', 'outPath', 'ignore']);
        const inPath = (0,engine/* requireString */.VW)('copy', config, 'inPath');
        const outPath = (0,engine/* requireString */.VW)('copy', config, 'outPath');
        const ignore = config['ignore'];
        if (ignore !== undefined && ignore !== null && typeof ignore !== 'string') {
            throw new errors/* ConfigError */.xL('copy: ignore must be a string of .gitignore patterns, one a line');
        }
        const rules = parseIgnore(DEFAULT_IGNORE + (typeof ignore === 'string' ? ignore : ''));
        const src = await (0,safe_path/* safePath */.n)(ctx.worktree, inPath, 'copy: inPath');
        await (0,safe_path/* safePath */.n)(ctx.worktree, outPath, 'copy: outPath');
        const inRel = (0,safe_path.normalizeRelative)(inPath);
        const outRel = (0,safe_path.normalizeRelative)(outPath);
        let srcStat;
        try {
            srcStat = await (0,promises_.stat)(src);
        }
        catch {
            throw new errors/* ConfigError */.xL(`copy: inPath ${JSON.stringify(inRel)}: no such file or directory`);
        }
        // [path relative to the source root, path relative to the worktree]
        const plan = srcStat.isDirectory()
            ? (await listFiles(src, rules)).map((f) => [f, outRel === '.' ? f : `${outRel}/${f}`])
            : [['', outRel]];
        if (!srcStat.isDirectory() && outRel === '.') {
            throw new errors/* ConfigError */.xL('copy: outPath "." names the checkout itself; give a file path');
        }
        const changed = [];
        for (const [from, toRel] of plan) {
            const fromAbs = from === '' ? src : external_node_path_default().join(src, from);
            const toAbs = await (0,safe_path/* safePath */.n)(ctx.worktree, toRel, 'copy: outPath');
            const data = await (0,promises_.readFile)(fromAbs);
            if (await sameContent(toAbs, data))
                continue;
            await (0,promises_.mkdir)(external_node_path_default().dirname(toAbs), { recursive: true });
            const existing = await (0,promises_.stat)(toAbs).catch(() => undefined);
            if (existing?.isDirectory()) {
                throw new errors/* ConfigError */.xL(`copy: cannot copy ${JSON.stringify(from || inRel)} over the directory ${JSON.stringify(toRel)}`);
            }
            await (0,promises_.writeFile)(toAbs, data);
            await (0,promises_.chmod)(toAbs, (await (0,promises_.stat)(fromAbs)).mode & 0o777);
            changed.push(toRel);
        }
        return {
            summary: changed.length ? [`- copied ${inRel} → ${outRel} (${changed.length} file(s))`] : [],
            changed,
        };
    },
};

;// CONCATENATED MODULE: ./src/promotion/steps/fail.ts
/**
 * Kargo's `fail` step: ends the promotion as failed, with `message` when one is given. Meant to
 * run under an `if:` that detects a condition the promotion must not go past.
 */



const fail_STEP = 'fail';
const fail = {
    name: fail_STEP,
    schema: {
        type: 'object',
        description: 'Fails the promotion, with `message` when one is given (put it under an `if:`).',
        additionalProperties: false,
        properties: {
            message: { type: 'string', minLength: 1, description: 'What the failure says.' },
        },
    },
    // async: a bad config rejects like the failure itself, never throws synchronously.
    async run(config) {
        (0,engine/* checkFields */.oA)(fail_STEP, config, ['message']);
        const message = config['message'];
        if (message !== undefined && message !== null && typeof message !== 'string') {
            (0,errors/* fieldError */.$i)(fail_STEP, 'config.message', `must be a string, got ${JSON.stringify(message)}`);
        }
        // Kargo's wording: "failed", or "failed: <message>".
        const text = typeof message === 'string' && message !== '' ? `failed: ${message}` : 'failed';
        await Promise.resolve();
        throw new errors/* OperationError */.OK(`${fail_STEP}: ${text}`);
    },
};

;// CONCATENATED MODULE: ./src/promotion/steps/file-write.ts
/**
 * Kargo's `file-write` step: `{path, contents}` writes a whole file (an empty `contents` is a
 * valid, empty file). As in Kargo: an existing file is replaced only with `overwrite: true`; the
 * file gets `permissions` (an octal mode such as `"0644"`, `"0600"` by default; executable,
 * special and world-writable modes are refused); missing parent directories are created; and the
 * path may not pass through a symbolic link at all, even one that stays inside the checkout
 * (Kargo refuses paths that "resolve to a different location"). Everything is checked before
 * anything is written. No outputs.
 */







const file_write_STEP = 'file-write';
const DEFAULT_MODE = 0o600;
/** `"0644"` → 0o644, refusing what Kargo refuses; `undefined` → the default. */
function parsePermissions(v) {
    if (v === undefined || v === null || v === '')
        return DEFAULT_MODE;
    if (typeof v !== 'string' || !/^0[0-7]{3}$/.test(v)) {
        (0,errors/* fieldError */.$i)(file_write_STEP, 'config.permissions', `must be an octal file mode written as a string of four digits such as "0644", got ${JSON.stringify(v)}`);
    }
    const mode = Number.parseInt(v, 8);
    if (mode & 0o111)
        (0,errors/* fieldError */.$i)(file_write_STEP, 'config.permissions', `"${v}" has executable bits`);
    if (mode & 0o002)
        (0,errors/* fieldError */.$i)(file_write_STEP, 'config.permissions', `"${v}" is world-writable`);
    return mode;
}
/**
 * The absolute path of `rel` for a step that writes there: inside the checkout (safePath), and
 * reached without any symbolic link (Kargo's rule for written files).
 */
async function writablePath(worktree, rel, field) {
    const abs = await (0,safe_path/* safePath */.n)(worktree, rel, field);
    const lexical = external_node_path_default().join(await (0,promises_.realpath)(worktree), (0,safe_path.normalizeRelative)(rel));
    if (abs !== lexical) {
        throw new errors/* ConfigError */.xL(`${field} ${JSON.stringify(rel)}: goes through a symbolic link; give the real path`);
    }
    return abs;
}
const fileWrite = {
    name: file_write_STEP,
    schema: {
        type: 'object',
        description: 'Writes `contents` to a file, replacing it whole (no comments or formatting are kept).',
        additionalProperties: false,
        required: ['path', 'contents'],
        properties: {
            path: nonEmpty('The file, relative to the checkout; parents are created. No `..` out of it, no `.git`, no symbolic links on the way.'),
            contents: { type: 'string', description: 'What the file holds afterwards; may be empty.' },
            permissions: {
                type: 'string',
                pattern: '^0[0-7]{3}$',
                description: 'Octal mode of the file, such as `"0644"`; default `"0600"`. Executable and world-writable modes are refused.',
            },
            overwrite: flag('Replace the file when it exists; default false (then an existing file fails the step).'),
        },
    },
    async run(config, ctx) {
        (0,engine/* checkFields */.oA)(file_write_STEP, config, ['path', 'contents', 'permissions', 'overwrite']);
        const rel = (0,engine/* requireString */.VW)(file_write_STEP, config, 'path');
        let contents = config['contents'];
        // `${{ vars.replicas }}` alone renders to a number: its text is what was meant.
        if ((typeof contents === 'number' && Number.isFinite(contents)) ||
            typeof contents === 'boolean') {
            contents = String(contents);
        }
        if (typeof contents !== 'string') {
            (0,errors/* fieldError */.$i)(file_write_STEP, 'config.contents', contents === undefined
                ? 'is required (an empty string writes an empty file)'
                : `must be a string, got ${typeof contents === 'object' ? 'a map or list (render it with asYAML() or asJSON())' : JSON.stringify(contents)}`);
        }
        const mode = parsePermissions(config['permissions']);
        const overwrite = (0,engine/* optionalBool */.RO)(file_write_STEP, config, 'overwrite') ?? false;
        const abs = await writablePath(ctx.worktree, rel, `${file_write_STEP}: path`);
        const shown = (0,safe_path.normalizeRelative)(rel);
        if (shown === '.')
            (0,errors/* fieldError */.$i)(file_write_STEP, 'config.path', 'names the checkout itself, not a file');
        const existing = await (0,promises_.lstat)(abs).catch(() => undefined);
        if (existing?.isDirectory()) {
            (0,errors/* fieldError */.$i)(file_write_STEP, 'config.path', `${JSON.stringify(shown)} is a directory`);
        }
        if (existing && !overwrite) {
            (0,errors/* fieldError */.$i)(file_write_STEP, 'config.path', `${JSON.stringify(shown)} already exists; set overwrite: true to replace it`);
        }
        const same = existing?.isFile() === true &&
            (existing.mode & 0o777) === mode &&
            (await (0,promises_.readFile)(abs, 'utf8')) === contents;
        if (same)
            return { summary: [], changed: [] };
        await (0,promises_.mkdir)(external_node_path_default().dirname(abs), { recursive: true });
        await (0,promises_.writeFile)(abs, contents, { mode });
        // writeFile's mode applies only to a new file, and through the umask.
        await (0,promises_.chmod)(abs, mode);
        return { summary: [`- wrote ${shown}`], changed: [shown] };
    },
};

;// CONCATENATED MODULE: ./src/promotion/steps/delete.ts
/**
 * Kargo's `delete` step: `{path}` or `{paths: […]}` removes files or directories (recursively);
 * `strict: true` makes a missing path, or a glob that matches nothing, an error (by default it is
 * skipped). With `pathsAreGlobs: true` the paths are glob patterns (`*`, `?`, `[…]`, `**`; a
 * trailing `/` matches directories only), matched against the checkout without following
 * symbolic links and never inside `.git`. A symbolic link is removed itself, never what it points
 * to; the checkout's root and `.git` cannot be deleted.
 */







const GLOB_CHARS = /[*?[]/;
/** Paths (relative, `/`-separated, parents before children) under the checkout matching `glob`. */
async function expandGlob(worktree, glob, field) {
    const dirOnly = glob.endsWith('/');
    const pattern = (0,safe_path.normalizeRelative)(glob);
    const parts = pattern.split('/');
    const literal = [];
    for (const p of parts) {
        if (GLOB_CHARS.test(p))
            break;
        literal.push(p);
    }
    // The literal prefix goes through the same checks as any other path.
    const prefix = literal.length ? literal.join('/') : '.';
    const start = await (0,safe_path/* safePath */.n)(worktree, prefix, field);
    const re = compileGlob(pattern);
    const out = [];
    const visit = async (abs, rel) => {
        const st = await (0,promises_.lstat)(abs).catch(() => undefined);
        if (!st)
            return;
        if (rel !== '.' && re.test(rel) && (!dirOnly || st.isDirectory())) {
            out.push(rel);
            return;
        }
        if (!st.isDirectory())
            return;
        for (const e of await (0,promises_.readdir)(abs, { withFileTypes: true })) {
            if (e.name === '.git')
                continue;
            await visit(external_node_path_default().join(abs, e.name), rel === '.' ? e.name : `${rel}/${e.name}`);
        }
    };
    await visit(start, prefix);
    return out.sort();
}
const deleteStep = {
    name: 'delete',
    schema: {
        type: 'object',
        description: 'Deletes files or directories inside the checkout (one of `path` and `paths`).',
        additionalProperties: false,
        properties: {
            path: nonEmpty('What to delete, relative to the checkout.'),
            paths: {
                type: 'array',
                minItems: 1,
                items: nonEmpty('A path or, with `pathsAreGlobs`, a glob.'),
                description: 'Several paths to delete.',
            },
            pathsAreGlobs: flag('Read `paths` as glob patterns.'),
            strict: flag('Fail when a path does not exist.'),
        },
    },
    async run(config, ctx) {
        (0,engine/* checkFields */.oA)('delete', config, ['path', 'paths', 'pathsAreGlobs', 'strict']);
        const strict = (0,engine/* optionalBool */.RO)('delete', config, 'strict') ?? false;
        const globs = (0,engine/* optionalBool */.RO)('delete', config, 'pathsAreGlobs') ?? false;
        const one = config['path'];
        const many = config['paths'];
        if ((one === undefined) === (many === undefined)) {
            throw new errors/* ConfigError */.xL('delete: exactly one of path and paths must be given');
        }
        let paths;
        if (one !== undefined)
            paths = [{ value: one, field: 'delete: path' }];
        else {
            if (!Array.isArray(many) || many.length === 0) {
                throw new errors/* ConfigError */.xL('delete: paths must be a non-empty list of paths');
            }
            paths = many.map((value, i) => ({ value, field: `delete: paths[${i}]` }));
        }
        const changed = [];
        for (const { value, field } of paths) {
            let targets;
            if (globs) {
                if (typeof value !== 'string' || value === '') {
                    throw new errors/* ConfigError */.xL(`${field}: must be a non-empty glob pattern`);
                }
                targets = await expandGlob(ctx.worktree, value, field);
                if (targets.length === 0) {
                    if (strict)
                        throw new errors/* ConfigError */.xL(`${field} ${JSON.stringify(value)}: matches nothing`);
                    ctx.log(`delete: ${value} matches nothing; nothing to delete`);
                    continue;
                }
            }
            else
                targets = [value];
            for (const target of targets) {
                const abs = await (0,safe_path/* safePath */.n)(ctx.worktree, target, field, { noFollowFinal: true });
                const rel = (0,safe_path.normalizeRelative)(target);
                if (rel === '.') {
                    throw new errors/* ConfigError */.xL(`${field}: refusing to delete the whole checkout`);
                }
                if (changed.some((c) => rel.startsWith(`${c}/`)))
                    continue;
                try {
                    await (0,promises_.lstat)(abs);
                }
                catch {
                    if (strict) {
                        throw new errors/* ConfigError */.xL(`${field} ${JSON.stringify(rel)}: no such file or directory`);
                    }
                    ctx.log(`delete: ${rel} does not exist; nothing to delete`);
                    continue;
                }
                await (0,promises_.rm)(abs, { recursive: true, force: true });
                changed.push(rel);
            }
        }
        return {
            summary: changed.map((p) => `- deleted ${p}`),
            changed,
        };
    },
};

// EXTERNAL MODULE: ./src/urls/index.ts
var urls = __webpack_require__(6066);
// EXTERNAL MODULE: ./src/git/remote.ts
var remote = __webpack_require__(668);
;// CONCATENATED MODULE: ./src/promotion/steps/git.ts





const AUTHOR = {
    type: 'object',
    description: 'Who commits and tags in this clone; default gantry[bot].',
    additionalProperties: false,
    required: ['name', 'email'],
    properties: {
        name: nonEmpty('Name.'),
        email: nonEmpty('Email address.'),
        signingKey: schema_parts_text('Not supported: gantry signs through GitHub (sign-commits) instead.'),
    },
};
const INSECURE = flag('Skip TLS certificate verification for this repository.');
function workspaceOf(ctx, step) {
    if (!ctx.workspace) {
        throw new errors/* ConfigError */.xL(`${step} works on a checkout that git-clone made, and this template has no git-clone step: without one gantry checks out the stage's branch and commits and pushes it itself`);
    }
    return ctx.workspace;
}
function author(step, v) {
    if (v === undefined || v === null)
        return undefined;
    if (typeof v !== 'object' || Array.isArray(v)) {
        throw new errors/* ConfigError */.xL(`${step}: author must be a map with name and email`);
    }
    const a = v;
    (0,engine/* checkFields */.oA)(`${step}: author`, a, ['name', 'email', 'signingKey']);
    if (a['signingKey'] !== undefined) {
        throw new errors/* ConfigError */.xL(`${step}: author.signingKey: gantry does not sign with GPG keys; set the promote action's sign-commits input to have GitHub sign the stage's commits`);
    }
    return {
        name: (0,engine/* requireString */.VW)(`${step}: author`, a, 'name'),
        email: (0,engine/* requireString */.VW)(`${step}: author`, a, 'email'),
    };
}
function optionalString(step, config, field) {
    const v = config[field];
    if (v === undefined || v === null || v === '')
        return undefined;
    if (typeof v !== 'string') {
        throw new errors/* ConfigError */.xL(`${step}: ${field} must be a string, got ${JSON.stringify(v)}`);
    }
    return v;
}
const gitClone = {
    name: 'git-clone',
    schema: {
        type: 'object',
        description: "Clones a repository into the workspace and checks out branches, commits or tags at the paths later steps use. Output `commits`: each checkout's HEAD, by `as` or path.",
        additionalProperties: false,
        required: ['repoURL', 'checkout'],
        properties: {
            repoURL: nonEmpty('The repository. The GitOps repository gets the credentials gantry was given; any other is reached with what its URL holds.'),
            insecureSkipTLSVerify: INSECURE,
            blobless: flag('Accepted: gantry always clones without blobs, fetching those a checkout needs.'),
            recurseSubmodules: flag('Check out submodules (same credentials rules).'),
            author: AUTHOR,
            checkout: {
                type: 'array',
                minItems: 1,
                description: 'The checkouts, each a worktree of the clone.',
                items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['path'],
                    properties: {
                        path: nonEmpty('Where later steps find the checkout (`./out`), inside the workspace.'),
                        as: nonEmpty('Key of this checkout in the `commits` output (default: `path` as written).'),
                        branch: nonEmpty('A branch (the worktree is on it, so git-commit and git-push work).'),
                        create: flag('Start the branch when it is missing: an orphan branch with one empty commit, pushed with the promotion.'),
                        commit: nonEmpty('A commit SHA, checked out detached (`${{ commitFrom(vars.repo).ID }}`).'),
                        tag: nonEmpty('A tag, checked out detached.'),
                        fromFreight: flag("Check out the commit the freight holds for this repository (Kargo's older form of `commit: ${{ commitFrom(repoURL).ID }}`)."),
                        fromOrigin: originSchema('With fromFreight: the warehouse whose freight holds the commit.'),
                        sparse: {
                            type: 'array',
                            minItems: 1,
                            items: nonEmpty('A directory (cone mode: no globs).'),
                            description: 'Check out only these directories (and top-level files).',
                        },
                    },
                },
            },
        },
    },
    async run(config, ctx) {
        const ws = workspaceOf(ctx, 'git-clone');
        (0,engine/* checkFields */.oA)('git-clone', config, [
            'repoURL',
            'insecureSkipTLSVerify',
            'blobless',
            'recurseSubmodules',
            'author',
            'checkout',
        ]);
        const repoURL = (0,engine/* requireString */.VW)('git-clone', config, 'repoURL');
        const list = config['checkout'];
        if (!Array.isArray(list) || list.length === 0) {
            throw new errors/* ConfigError */.xL('git-clone: checkout must list at least one {path, branch|commit|tag}');
        }
        const seen = new Set();
        const checkout = list.map((raw, i) => {
            const where = `git-clone: checkout[${i}]`;
            if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
                throw new errors/* ConfigError */.xL(`${where} must be a map with path`);
            }
            const c = raw;
            (0,engine/* checkFields */.oA)(where, c, [
                'path',
                'as',
                'branch',
                'create',
                'commit',
                'tag',
                'fromFreight',
                'fromOrigin',
                'sparse',
            ]);
            const path = (0,engine/* requireString */.VW)(where, c, 'path');
            let commit = optionalString(where, c, 'commit');
            if ((0,engine/* optionalBool */.RO)(where, c, 'fromFreight')) {
                commit = freightCommit(where, repoURL, c['fromOrigin'], ctx.freightCollection);
            }
            const refs = [c['branch'], commit, c['tag']].filter((v) => v !== undefined && v !== '');
            if (refs.length > 1) {
                throw new errors/* ConfigError */.xL(`${where}: set at most one of branch, commit and tag`);
            }
            if (commit !== undefined && !/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(commit)) {
                // A server hands out commits by their full name only: an abbreviation cannot be fetched.
                throw new errors/* ConfigError */.xL(/^[0-9a-f]{4,63}$/i.test(commit)
                    ? `${where}: commit ${JSON.stringify(commit)} is abbreviated; give the full SHA (40 hex characters, as commitFrom(...).ID gives it)`
                    : `${where}: commit ${JSON.stringify(commit)} is not a commit SHA`);
            }
            const key = optionalString(where, c, 'as') ?? path;
            if (seen.has(key))
                throw new errors/* ConfigError */.xL(`${where}: two checkouts are both named ${JSON.stringify(key)}`);
            seen.add(key);
            const sparse = c['sparse'];
            if (sparse !== undefined) {
                if (!Array.isArray(sparse) ||
                    !sparse.length ||
                    sparse.some((s) => typeof s !== 'string' || !s || /^\.\.|^\/|[*?[]/.test(s))) {
                    throw new errors/* ConfigError */.xL(`${where}: sparse must list directories relative to the repository, without "..", globs or a leading "/"`);
                }
            }
            const branch = optionalString(where, c, 'branch');
            const tag = optionalString(where, c, 'tag');
            const as = optionalString(where, c, 'as');
            return {
                path,
                ...(as !== undefined ? { as } : {}),
                ...(branch !== undefined ? { branch } : {}),
                create: (0,engine/* optionalBool */.RO)(where, c, 'create') ?? false,
                ...(commit !== undefined ? { commit } : {}),
                ...(tag !== undefined ? { tag } : {}),
                ...(Array.isArray(sparse) ? { sparse: sparse } : {}),
            };
        });
        const who = author('git-clone', config['author']);
        const commits = await ws.clone({
            repoURL,
            insecureSkipTLSVerify: (0,engine/* optionalBool */.RO)('git-clone', config, 'insecureSkipTLSVerify') ?? false,
            recurseSubmodules: (0,engine/* optionalBool */.RO)('git-clone', config, 'recurseSubmodules') ?? false,
            ...(who ? { author: who } : {}),
            checkout,
        });
        // The URL may hold another repository's credentials: the log names it without them.
        ctx.log(`git-clone: ${(0,remote/* maskUserinfo */.g6)(repoURL)}: ${Object.entries(commits)
            .map(([k, v]) => `${k} at ${v.slice(0, 7)}`)
            .join(', ')}`);
        return { outputs: { commits } };
    },
};
/** fromFreight: the commit of `repoURL` in the freight (of `fromOrigin`'s warehouse). */
function freightCommit(where, repoURL, origin, collection) {
    const name = origin && typeof origin === 'object' ? origin['name'] : undefined;
    const pool = typeof name === 'string' ? collection.filter((f) => f.origin.name === name) : collection;
    const want = (0,urls/* normalizeGitURL */.Pn)(repoURL);
    const found = pool
        .map((f) => f.commits.find((c) => c.repoURL === repoURL || (0,urls/* normalizeGitURL */.Pn)(c.repoURL) === want))
        .filter((c) => c !== undefined);
    if (found.length !== 1) {
        throw new errors/* ConfigError */.xL(`${where}: fromFreight: ${found.length ? 'several freight hold' : 'no freight holds'} a commit of ${repoURL}${found.length ? '; name the warehouse in fromOrigin' : ''}`);
    }
    return found[0].id;
}
const gitClear = {
    name: 'git-clear',
    schema: {
        type: 'object',
        description: "Empties a checkout (everything but `.git`, and `.gantry/` in the GitOps repository: the project files and the stages' state), so that later steps write a rendered branch's whole content. Without git-clone: the stage's checkout.",
        additionalProperties: false,
        required: ['path'],
        properties: { path: nonEmpty('The checkout (`./out`); `.` without git-clone.') },
    },
    async run(config, ctx) {
        (0,engine/* checkFields */.oA)('git-clear', config, ['path']);
        const where = (0,engine/* requireString */.VW)('git-clear', config, 'path');
        if (!ctx.workspace)
            return clearStageCheckout(where, ctx);
        const removed = await ctx.workspace.clear(where);
        ctx.log(`git-clear: ${where}: removed ${removed} top-level entr${removed === 1 ? 'y' : 'ies'}`);
        return { summary: removed ? [`- cleared ${where}`] : [] };
    },
};
/** gantry's short form: the one checkout is the stage's branch, and `.gantry/` stays. */
async function clearStageCheckout(where, ctx) {
    const { readdir, rm } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1455, 23));
    const path = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 6760, 23));
    const { normalizeRelative } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1854));
    if (normalizeRelative(where) !== '.') {
        throw new errors/* ConfigError */.xL(`git-clear: path ${JSON.stringify(where)}: without git-clone the only checkout is the stage's branch; clear it with path "."`);
    }
    const removed = [];
    for (const e of await readdir(ctx.worktree, { withFileTypes: true })) {
        if (e.name === '.git' || e.name === '.gantry')
            continue;
        await rm(path.join(ctx.worktree, e.name), { recursive: true, force: true });
        removed.push(e.name);
    }
    ctx.log(`git-clear: removed ${removed.length} top-level entr${removed.length === 1 ? 'y' : 'ies'}`);
    return {
        summary: removed.length ? [`- cleared the checkout (${removed.length} top-level entries)`] : [],
        changed: removed,
    };
}
const gitCommit = {
    name: 'git-commit',
    schema: {
        type: 'object',
        description: "Commits everything in a checkout when anything changed (status Skipped otherwise). In the stage's checkout the stage's state file rides in the commit and gantry's record (versions, trailers) follows the message; a second git-commit there before the push amends that commit, since a promotion is one commit. Output `commit`.",
        additionalProperties: false,
        properties: {
            path: nonEmpty('The checkout to commit (`./out`).'),
            message: schema_parts_text("The commit message. Without git-clone: goes into the promotion commit's body."),
            messageFromSteps: {
                type: 'array',
                items: nonEmpty('A step alias.'),
                description: 'Aliases of steps whose `commitMessage` outputs make the message.',
            },
            author: { ...AUTHOR, description: "Deprecated in Kargo: git-clone's author instead." },
        },
    },
    async run(config, ctx) {
        (0,engine/* checkFields */.oA)('git-commit', config, ['path', 'message', 'messageFromSteps', 'author']);
        const message = commitMessage(config, ctx);
        if (!ctx.workspace) {
            // The short form: gantry's one commit takes the message (engine.ts reads this output).
            return message !== undefined ? { outputs: { message } } : {};
        }
        const path = (0,engine/* requireString */.VW)('git-commit', config, 'path');
        if (message === undefined) {
            throw new errors/* ConfigError */.xL('git-commit: message is required (or messageFromSteps naming steps with a commitMessage)');
        }
        const who = author('git-commit', config['author']);
        const made = await ctx.workspace.commit(path, message, ctx.summary ?? [], who);
        ctx.log(made.committed
            ? `git-commit: ${path}: ${made.commit.slice(0, 7)}`
            : `git-commit: ${path}: nothing to commit`);
        return {
            outputs: { commit: made.commit },
            ...(made.committed ? {} : { status: 'Skipped' }),
        };
    },
};
function commitMessage(config, ctx) {
    const fromSteps = config['messageFromSteps'];
    if (Array.isArray(fromSteps)) {
        const parts = fromSteps
            .map((alias) => ctx.outputs?.[String(alias)]?.['commitMessage'])
            .filter((m) => typeof m === 'string' && m !== '');
        if (parts.length)
            return parts.join('\n\n');
    }
    const m = config['message'];
    if (m === undefined || m === null || m === '')
        return undefined;
    if (typeof m !== 'string')
        throw new errors/* ConfigError */.xL(`git-commit: message must be a string`);
    return m;
}
const gitPush = {
    name: 'git-push',
    schema: {
        type: 'object',
        description: "Pushes a checkout's branch (or a tag). The push to the stage's branch is the promotion: a rejected push runs the template again on the new tip. Outputs `branch`, `commit`, `commitURL` (GitHub).",
        additionalProperties: false,
        required: ['path'],
        properties: {
            path: nonEmpty('The checkout to push.'),
            targetBranch: nonEmpty("The branch to push to; default: the checkout's branch."),
            generateTargetBranch: flag("Push to gantry/promote/<project>/<stage> (gantry's own branch, replaced each time), the head of the pull request git-open-pr opens."),
            tag: nonEmpty("Push this tag (made by git-tag) instead of a branch; before the stage's commit has been pushed, the tag waits and goes right after it."),
            force: flag('Refused: gantry never force-pushes a branch others write.'),
            maxAttempts: {
                type: 'integer',
                minimum: 1,
                description: "Accepted; gantry's own bounded race retries apply (the whole template runs again).",
            },
            provider: providerSchema,
        },
    },
    async run(config, ctx) {
        const ws = workspaceOf(ctx, 'git-push');
        (0,engine/* checkFields */.oA)('git-push', config, [
            'path',
            'targetBranch',
            'generateTargetBranch',
            'tag',
            'force',
            'maxAttempts',
            'provider',
        ]);
        const path = (0,engine/* requireString */.VW)('git-push', config, 'path');
        const targetBranch = optionalString('git-push', config, 'targetBranch');
        const generate = (0,engine/* optionalBool */.RO)('git-push', config, 'generateTargetBranch') ?? false;
        const tag = optionalString('git-push', config, 'tag');
        const force = (0,engine/* optionalBool */.RO)('git-push', config, 'force') ?? false;
        if ([targetBranch !== undefined, generate, tag !== undefined].filter(Boolean).length > 1) {
            throw new errors/* ConfigError */.xL('git-push: set at most one of targetBranch, generateTargetBranch and tag');
        }
        const out = await ws.push({
            path,
            ...(targetBranch !== undefined ? { targetBranch } : {}),
            generateTargetBranch: generate,
            ...(tag !== undefined ? { tag } : {}),
            force,
        });
        ctx.log(`git-push: ${path}: ${tag !== undefined ? `tag ${tag}` : `${out.commit.slice(0, 7)} to ${out.branch}`}`);
        return { outputs: { ...out } };
    },
};
/**
 * Kargo's `github-push`: git-push whose stage commit GitHub makes through its API (GraphQL
 * createCommitOnBranch), so GitHub signs it (verified) whoever the token belongs to. The commit
 * keeps the checkout's tree and message; several local commits land as one (a promotion is one
 * commit on the stage's branch). With generateTargetBranch the generated branch is reset to the
 * stage's tip and the commit made on it. Kargo's push integration policies and trust analysis
 * have nothing to act on: a push that loses a race runs the template again on the new tip.
 */
const githubPush = {
    name: 'github-push',
    schema: {
        type: 'object',
        description: "Pushes a checkout's branch as git-push does, but the stage's commit is made by GitHub's API, which signs it. Outputs `branch`, `commit` (GitHub's), `commitURL`.",
        additionalProperties: false,
        required: ['path'],
        properties: {
            path: nonEmpty('The checkout of the GitOps repository (on GitHub) to push.'),
            targetBranch: nonEmpty("The branch to push to; default: the checkout's branch."),
            generateTargetBranch: flag("Push to gantry/promote/<project>/<stage> (gantry's own branch, replaced each time), the head of the pull request git-open-pr opens."),
            force: flag('Refused: gantry never force-pushes a branch others write.'),
            maxAttempts: {
                type: 'integer',
                minimum: 1,
                description: "Accepted; gantry's own bounded race retries apply (the whole template runs again).",
            },
            insecureSkipTLSVerify: flag(KARGO_ONLY),
        },
    },
    async run(config, ctx) {
        const step = 'github-push';
        const ws = workspaceOf(ctx, step);
        (0,engine/* checkFields */.oA)(step, config, [
            'path',
            'targetBranch',
            'generateTargetBranch',
            'force',
            'maxAttempts',
            'insecureSkipTLSVerify',
        ]);
        const path = (0,engine/* requireString */.VW)(step, config, 'path');
        const targetBranch = optionalString(step, config, 'targetBranch');
        const generate = (0,engine/* optionalBool */.RO)(step, config, 'generateTargetBranch') ?? false;
        const force = (0,engine/* optionalBool */.RO)(step, config, 'force') ?? false;
        if (targetBranch !== undefined && generate) {
            throw new errors/* ConfigError */.xL(`${step}: set at most one of targetBranch and generateTargetBranch`);
        }
        const out = await ws.push({
            path,
            ...(targetBranch !== undefined ? { targetBranch } : {}),
            generateTargetBranch: generate,
            force,
            viaGitHub: true,
        });
        ctx.log(`${step}: ${path}: ${out.commit.slice(0, 7)} to ${out.branch}`);
        return { outputs: { ...out } };
    },
};
const gitTag = {
    name: 'git-tag',
    schema: {
        type: 'object',
        description: "Tags a checkout's HEAD (annotated, local; push it with git-push `tag`). Output `commit`.",
        additionalProperties: false,
        required: ['path', 'tag', 'message'],
        properties: {
            path: nonEmpty('The checkout.'),
            tag: nonEmpty('The tag name.'),
            message: nonEmpty('The annotation.'),
            force: flag('Move the tag when it exists.'),
        },
    },
    async run(config, ctx) {
        const ws = workspaceOf(ctx, 'git-tag');
        (0,engine/* checkFields */.oA)('git-tag', config, ['path', 'tag', 'message', 'force']);
        const commit = await ws.tag((0,engine/* requireString */.VW)('git-tag', config, 'path'), (0,engine/* requireString */.VW)('git-tag', config, 'tag'), (0,engine/* requireString */.VW)('git-tag', config, 'message'), (0,engine/* optionalBool */.RO)('git-tag', config, 'force') ?? false);
        return { outputs: { commit } };
    },
};

// EXTERNAL MODULE: ./src/github/port.ts
var port = __webpack_require__(8212);
// EXTERNAL MODULE: ./src/pipeline/duration.ts
var duration = __webpack_require__(2512);
// EXTERNAL MODULE: ./src/promotion/publish.ts
var publish = __webpack_require__(1166);
;// CONCATENATED MODULE: ./src/promotion/steps/git-pr.ts
/**
 * Kargo's pull-request steps on GitHub: `git-open-pr` opens (or reuses) a real pull request with
 * Kargo's outputs (`pr.id`, `pr.url`), `git-wait-for-pr` waits for its merge, `git-merge-pr`
 * merges it. A workflow job is not a controller that can come back in an hour: waiting is
 * bounded (the step's `retry.timeout`, at most 30 minutes; without it one look), and a pull
 * request still open then ends the promotion as pending. Merging it is the promotion, as in
 * gantry's `mode: pull-request`: its head is gantry's generated branch, so the verify-merged job
 * of the workflows `gantry init` writes verifies the stage and continues the chain.
 */







/** Longest a job waits on a pull request: runner minutes cost, and a review takes longer. */
const MAX_PR_WAIT_MS = 30 * 60_000;
const REPO = nonEmpty('The GitOps repository (gantry opens pull requests there, on GitHub).');
const git_pr_INSECURE = flag('Skip TLS certificate verification.');
const PR_NUMBER = {
    type: 'integer',
    minimum: 1,
    description: "The pull request's number (`${{ outputs['open-pr'].pr.id }}`).",
};
const POLL = nonEmpty('How often to look while waiting (Go duration, default 30s; at least 5s).');
function github(ctx, step, repoURL) {
    const ws = ctx.workspace;
    if (!ws) {
        throw new errors/* ConfigError */.xL(`${step} needs a git-clone workspace; without git-clone, set the template's mode: pull-request and gantry opens the pull request itself`);
    }
    if (!ws.isGitOps(repoURL)) {
        throw new errors/* ConfigError */.xL(`${step}: repoURL ${repoURL} is not the GitOps repository (${ws.gitopsUrl}); gantry opens pull requests there only`);
    }
    if (!ws.github) {
        throw new errors/* ConfigError */.xL(`${step} needs GitHub: the GitOps repository on GitHub and a token (the promote action's repository and token inputs)`);
    }
    return ws.github;
}
function prNumber(step, config) {
    const v = config['prNumber'];
    const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
        throw new errors/* ConfigError */.xL(`${step}: prNumber must be a pull request number, got ${JSON.stringify(v)}`);
    }
    return n;
}
function pollMs(step, config, fallback) {
    const v = config['pollInterval'];
    if (v === undefined)
        return fallback;
    if (typeof v !== 'string')
        throw new errors/* ConfigError */.xL(`${step}: pollInterval must be a duration such as 30s`);
    return Math.max(5000, (0,duration/* parseDuration */.E9)(v));
}
const prOutput = (pr) => ({
    id: pr.number,
    url: pr.url,
    open: pr.state === 'open',
    merged: pr.merged,
});
const gitOpenPr = {
    name: 'git-open-pr',
    schema: {
        type: 'object',
        description: 'Opens a pull request on GitHub from sourceBranch into targetBranch, or reuses the open one; Skipped when the two do not differ. Output `pr` (`id`, `url`).',
        additionalProperties: false,
        required: ['repoURL', 'sourceBranch', 'targetBranch'],
        properties: {
            repoURL: REPO,
            sourceBranch: nonEmpty('The head branch (`${{ outputs.push.branch }}`).'),
            targetBranch: nonEmpty("The base branch: the stage's branch."),
            title: nonEmpty("Default: the first line of the source branch's commit message."),
            description: schema_parts_text('Default: the rest of that message. gantry adds a line naming the promotion.'),
            labels: { type: 'array', items: nonEmpty('A label.'), description: 'Labels to add.' },
            createTargetBranch: flag('Deprecated in Kargo; does nothing.'),
            provider: providerSchema,
            insecureSkipTLSVerify: git_pr_INSECURE,
        },
    },
    async run(config, ctx) {
        (0,engine/* checkFields */.oA)('git-open-pr', config, [
            'repoURL',
            'sourceBranch',
            'targetBranch',
            'title',
            'description',
            'labels',
            'createTargetBranch',
            'provider',
            'insecureSkipTLSVerify',
        ]);
        const repoURL = (0,engine/* requireString */.VW)('git-open-pr', config, 'repoURL');
        const api = github(ctx, 'git-open-pr', repoURL);
        const ws = ctx.workspace;
        const head = (0,engine/* requireString */.VW)('git-open-pr', config, 'sourceBranch');
        const base = (0,engine/* requireString */.VW)('git-open-pr', config, 'targetBranch');
        const labels = config['labels'];
        if (labels !== undefined &&
            (!Array.isArray(labels) || labels.some((l) => typeof l !== 'string' || !l))) {
            throw new errors/* ConfigError */.xL('git-open-pr: labels must be a list of names');
        }
        if (await ws.sameAsBase(head)) {
            ctx.log(`git-open-pr: ${head} does not differ from ${base}: no pull request`);
            return { status: 'Skipped' };
        }
        const message = (await ws.messageOf(head)) ?? '';
        const [first = '', ...rest] = message.split('\n');
        const title = typeof config['title'] === 'string' && config['title']
            ? config['title']
            : first.trim() || `promote ${ctx.stage}`;
        const described = typeof config['description'] === 'string' && config['description']
            ? config['description']
            : typeof config['title'] === 'string' && config['title']
                ? message
                : rest.join('\n').trim();
        const body = `${described.trim()}\n\n${(0,publish/* promotionMarker */.UJ)(ctx.project, ctx.stage, ctx.freight.id)}\n`;
        if (ws.dryRun) {
            ctx.log(`git-open-pr: dry run, would open a pull request from ${head} into ${base}: ${title}`);
            return { outputs: { pr: { id: 0, url: '' } } };
        }
        const existing = await api.findPullRequest({ head, base });
        const pr = existing
            ? await api.updatePullRequest({ number: existing.number, title, body })
            : await api.createPullRequest({ head, base, title, body });
        if (Array.isArray(labels) && labels.length)
            await api.addLabels(pr.number, labels);
        ws.openedPullRequest({ number: pr.number, url: pr.url, created: !existing });
        ctx.log(`git-open-pr: ${existing ? 'updated' : 'opened'} #${pr.number} ${pr.url}`);
        return { outputs: { pr: { id: pr.number, url: pr.url } } };
    },
};
/**
 * Looks at the pull request until `done` says it is settled or the wait is over. The wait is the
 * step's retry.timeout (at most MAX_PR_WAIT_MS); without one, a single look.
 */
async function watch(ctx, api, n, everyMs, done) {
    const clock = ctx.clock ?? (() => new Date());
    const sleep = ctx.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const until = clock().getTime() + Math.min(ctx.waitMs ?? 0, MAX_PR_WAIT_MS);
    for (;;) {
        const pr = await api.getPullRequest(n);
        if (await done(pr))
            return pr;
        if (clock().getTime() + everyMs > until) {
            ctx.workspace?.openedPullRequest({ number: pr.number, url: pr.url, created: false });
            throw new types/* PromotionPendingError */.$(`pull request #${pr.number} is open: merging it completes the promotion (${pr.url})`, { number: pr.number, url: pr.url, created: false });
        }
        await sleep(everyMs);
    }
}
function settled(step, pr) {
    if (pr.merged)
        return true;
    if (pr.state === 'closed') {
        throw new errors/* OperationError */.OK(`${step}: pull request #${pr.number} was closed without being merged (${pr.url})`);
    }
    return false;
}
const gitWaitForPr = {
    name: 'git-wait-for-pr',
    schema: {
        type: 'object',
        description: "Waits for a pull request's merge, within the job up to the step's retry.timeout (at most 30 minutes); still open then, the promotion ends as pending and the merge completes it. Outputs `pr` (`id`, `url`, `open`, `merged`) and `commit` (the merge commit).",
        additionalProperties: false,
        required: ['repoURL', 'prNumber'],
        properties: {
            repoURL: REPO,
            prNumber: PR_NUMBER,
            pollInterval: POLL,
            provider: providerSchema,
            insecureSkipTLSVerify: git_pr_INSECURE,
        },
    },
    async run(config, ctx) {
        (0,engine/* checkFields */.oA)('git-wait-for-pr', config, [
            'repoURL',
            'prNumber',
            'pollInterval',
            'provider',
            'insecureSkipTLSVerify',
        ]);
        const api = github(ctx, 'git-wait-for-pr', (0,engine/* requireString */.VW)('git-wait-for-pr', config, 'repoURL'));
        if (ctx.workspace?.dryRun) {
            throw new types/* PromotionPendingError */.$('dry run: the pull request is not opened, so nothing waits on it');
        }
        const n = prNumber('git-wait-for-pr', config);
        const pr = await watch(ctx, api, n, pollMs('git-wait-for-pr', config, 30_000), (p) => Promise.resolve(settled('git-wait-for-pr', p)));
        ctx.log(`git-wait-for-pr: #${pr.number} merged as ${pr.mergeCommitSha?.slice(0, 7) ?? '?'}`);
        ctx.workspace?.mergedPullRequest(pr);
        return {
            outputs: { pr: prOutput(pr), ...(pr.mergeCommitSha ? { commit: pr.mergeCommitSha } : {}) },
        };
    },
};
const MERGE_METHODS = ['merge', 'squash', 'rebase'];
const gitMergePr = {
    name: 'git-merge-pr',
    schema: {
        type: 'object',
        description: "Merges a pull request through GitHub's API (as the token; branch protection applies). With `wait`, waits for it to become mergeable like git-wait-for-pr. Output `commit`.",
        additionalProperties: false,
        required: ['repoURL', 'prNumber'],
        properties: {
            repoURL: REPO,
            prNumber: PR_NUMBER,
            mergeMethod: {
                enum: [...MERGE_METHODS],
                description: "GitHub's: merge (default), squash or rebase.",
            },
            wait: flag('Wait while the pull request is not mergeable yet, instead of failing.'),
            pollInterval: { ...POLL, description: 'How often to look while waiting (default 10s).' },
            provider: providerSchema,
            insecureSkipTLSVerify: git_pr_INSECURE,
        },
    },
    async run(config, ctx) {
        (0,engine/* checkFields */.oA)('git-merge-pr', config, [
            'repoURL',
            'prNumber',
            'mergeMethod',
            'wait',
            'pollInterval',
            'provider',
            'insecureSkipTLSVerify',
        ]);
        const api = github(ctx, 'git-merge-pr', (0,engine/* requireString */.VW)('git-merge-pr', config, 'repoURL'));
        const n = prNumber('git-merge-pr', config);
        const method = config['mergeMethod'];
        if (method !== undefined && !MERGE_METHODS.includes(method)) {
            throw new errors/* ConfigError */.xL(`git-merge-pr: mergeMethod must be merge, squash or rebase, got ${JSON.stringify(method)}`);
        }
        if (ctx.workspace?.dryRun) {
            throw new types/* PromotionPendingError */.$(`dry run: pull request #${n} would be merged`);
        }
        const wait = (0,engine/* optionalBool */.RO)('git-merge-pr', config, 'wait') ?? false;
        let sha;
        const pr = await watch({ ...ctx, ...(wait ? {} : { waitMs: 0 }) }, api, n, pollMs('git-merge-pr', config, 10_000), async (p) => {
            if (settled('git-merge-pr', p))
                return true;
            try {
                sha = (await api.mergePullRequest({
                    number: n,
                    ...(method ? { mergeMethod: method } : {}),
                    sha: p.headSha,
                })).sha;
                return true;
            }
            catch (err) {
                if (err instanceof port/* PullRequestNotMergeableError */.I) {
                    if (!wait) {
                        throw new errors/* OperationError */.OK(`git-merge-pr: pull request #${n} cannot be merged now (${err.message}); set wait: true to wait for it`);
                    }
                    ctx.log(`git-merge-pr: #${n} not mergeable yet: ${err.message}`);
                    return false;
                }
                throw err;
            }
        });
        const commit = sha ?? pr.mergeCommitSha;
        ctx.log(`git-merge-pr: #${n} merged${commit ? ` as ${commit.slice(0, 7)}` : ''}`);
        ctx.workspace?.mergedPullRequest({
            ...pr,
            merged: true,
            ...(commit ? { mergeCommitSha: commit } : {}),
        });
        return { outputs: commit ? { commit } : {} };
    },
};
const GIT_PR_STEPS = [gitOpenPr, gitWaitForPr, gitMergePr];

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/promotion/steps/render.ts
/**
 * What kustomize-build and helm-template share: running the renderer, naming one file per
 * rendered resource, and writing the result to `outPath` inside the checkout.
 *
 * A renderer runs to completion before anything is written, so a failing build leaves the
 * checkout as it was. Every file written goes through safePath, so a link already in the
 * destination cannot lead a write outside the checkout.
 */






/** The tail of a renderer's stderr put in an error: enough for kustomize's or helm's message. */
const STDERR_KEPT = 4000;
/**
 * How long a renderer may run. A promotion holds its stage's lock while it runs, so a renderer
 * stuck on the network (a chart download) must not hold it forever.
 */
const RENDER_TIMEOUT_MS = 10 * 60 * 1000;
/** Rendered output larger than this is refused rather than held in memory. */
const STDOUT_LIMIT = 64 * 1024 * 1024;
/** Thrown by runProgram when the binary is not on PATH. */
class MissingBinaryError extends Error {
    binary;
    constructor(binary) {
        super(`${binary}: not found`);
        this.binary = binary;
        this.name = 'MissingBinaryError';
    }
}
/**
 * Runs `binary args` in `cwd`, without a shell. `env` replaces the environment (and its PATH
 * finds the binary); without it the child inherits the process's.
 */
function runProgram(binary, args, cwd, env, timeoutMs = RENDER_TIMEOUT_MS) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(binary, args, {
            cwd,
            stdio: ['ignore', 'pipe', 'pipe'],
            // Its own process group: stopping it stops what it started (helm's plugins, a shell's
            // children), which would otherwise hold the output pipes open.
            detached: true,
            ...(env ? { env: env } : {}),
        });
        const stop = () => {
            try {
                if (child.pid !== undefined)
                    process.kill(-child.pid, 'SIGKILL');
            }
            catch {
                // Already gone.
            }
        };
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            stop();
        }, timeoutMs);
        timer.unref();
        const out = [];
        let outBytes = 0;
        let tooBig = false;
        let err = '';
        child.stdout.on('data', (b) => {
            outBytes += b.length;
            if (outBytes > STDOUT_LIMIT) {
                if (!tooBig)
                    stop();
                tooBig = true;
                return;
            }
            out.push(b);
        });
        child.stderr.on('data', (b) => {
            err = (err + b.toString('utf8')).slice(-STDERR_KEPT * 2);
        });
        child.on('error', (e) => {
            clearTimeout(timer);
            reject(e.code === 'ENOENT' ? new MissingBinaryError(binary) : e);
        });
        child.on('close', (code) => {
            clearTimeout(timer);
            if (timedOut) {
                reject(new errors/* OperationError */.OK(`${binary} did not finish within ${timeoutMs / 1000} s and was stopped`));
                return;
            }
            if (tooBig) {
                reject(new errors/* OperationError */.OK(`${binary} wrote more than ${STDOUT_LIMIT / 1024 / 1024} MiB of manifests; refusing to hold them`));
                return;
            }
            resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: err });
        });
    });
}
/** The last part of a renderer's stderr, trimmed, for an error message. */
function stderrTail(stderr) {
    // kubectl prefixes its messages with klog's `E1206 08:43:21.165957   20444 run.go:72] `.
    const t = stderr.replace(/^[EFIW]\d{4} [\d:.]+\s+\d+ [\w.-]+:\d+\] /gm, '').trim();
    return t.length > STDERR_KEPT ? `…${t.slice(-STDERR_KEPT)}` : t;
}
/** Kargo's rule: an `outPath` ending in .yaml or .yml is one file, anything else a directory. */
function isFileOutPath(outPath) {
    return /\.ya?ml$/i.test(outPath);
}
const str = (v) => (typeof v === 'string' ? v : '');
/**
 * The documents of a renderer's multi-document stream, skipping empty ones (only comments, or
 * nothing). kustomize and helm put each `---` at the start of a line, where YAML content cannot
 * continue a previous document, so the stream is split there and each part's text (helm's
 * `# Source:` comment included) kept as it was written. `source` names the renderer for the
 * error when a part is not YAML.
 */
function splitDocuments(stream, source) {
    const parts = [];
    let current = [];
    for (const line of stream.split('\n')) {
        if (/^---(\s|$)/.test(line)) {
            parts.push(current.join('\n'));
            current = [];
            const rest = line.slice(3).trim();
            if (rest !== '')
                current.push(rest);
        }
        else
            current.push(line);
    }
    parts.push(current.join('\n'));
    const out = [];
    for (const part of parts) {
        const doc = (0,dist.parseDocument)(part);
        if (doc.errors.length > 0) {
            throw new errors/* OperationError */.OK(`${source} produced output that is not YAML: ${doc.errors[0]?.message ?? 'parse error'}`);
        }
        const value = doc.toJS();
        if (value === null || value === undefined)
            continue;
        const obj = (typeof value === 'object' && !Array.isArray(value) ? value : {});
        const meta = (typeof obj['metadata'] === 'object' && obj['metadata'] !== null ? obj['metadata'] : {});
        const text = part.replace(/^\s*\n/, '').trimEnd() + '\n';
        out.push({
            text,
            apiVersion: str(obj['apiVersion']),
            kind: str(obj['kind']),
            name: str(meta['name']),
            namespace: str(meta['namespace']),
        });
    }
    return out;
}
/**
 * A generated file name must be a plain name in the output directory: a resource named
 * `../x` (kustomize and helm allow odd names in some kinds) must not place a file elsewhere.
 */
function checkFileName(step, name) {
    if (name === '' ||
        name === '.' ||
        name === '..' ||
        name.includes('/') ||
        name.includes('\\') ||
        name.includes('\0') ||
        name.startsWith('.yaml')) {
        throw new errors/* OperationError */.OK(`${step}: a rendered resource would be written as ${JSON.stringify(name)}, which is not a plain file name`);
    }
    return name;
}
/**
 * Writes `files` under `outRel` (a file when `outRel` itself is the one file), creating parent
 * directories; files already holding the same content are left alone. Returns the paths
 * (relative to the checkout) that changed.
 */
async function writeOutput(step, worktree, outRel, files) {
    const changed = [];
    for (const f of files) {
        const rel = f.rel === '' ? outRel : outRel === '.' ? f.rel : `${outRel}/${f.rel}`;
        // Rendered files written at the checkout's root (Kargo's rendered branches) never replace
        // gantry's own records.
        if (rel.split('/')[0] === '.gantry') {
            throw new errors/* ConfigError */.xL(`${step}: outPath: ${JSON.stringify(rel)} is inside .gantry/, which holds gantry's records`);
        }
        const abs = await (0,safe_path/* safePath */.n)(worktree, rel, `${step}: outPath`);
        const existing = await (0,promises_.lstat)(abs).catch(() => undefined);
        if (existing?.isDirectory()) {
            throw new errors/* ConfigError */.xL(`${step}: outPath: cannot write ${JSON.stringify(rel)}: a directory is in the way`);
        }
        if (existing?.isFile() && (await (0,promises_.readFile)(abs, 'utf8')) === f.data)
            continue;
        await (0,promises_.mkdir)(external_node_path_default().dirname(abs), { recursive: true });
        await (0,promises_.writeFile)(abs, f.data);
        changed.push(rel);
    }
    return changed;
}
/** Refuses a directory outPath that is an existing file, before the renderer runs. */
async function checkOutPath(step, abs, rel, asFile) {
    const st = await (0,promises_.lstat)(abs).catch(() => undefined);
    if (!st)
        return;
    if (asFile && st.isDirectory()) {
        throw new errors/* ConfigError */.xL(`${step}: outPath ${JSON.stringify(rel)} is a directory, not a file`);
    }
    if (!asFile && !st.isDirectory()) {
        throw new errors/* ConfigError */.xL(`${step}: outPath ${JSON.stringify(rel)} is a file; an outPath not ending in .yaml or .yml is a directory`);
    }
}
/** Every entry under `dir`, relative to it; empty when it does not exist. */
async function listTree(dir) {
    try {
        return new Set(await (0,promises_.readdir)(dir, { recursive: true }));
    }
    catch {
        return new Set();
    }
}
/**
 * Renderers download what they need into the directory they render (kustomize's helm inflator
 * pulls charts into `charts/`, `helm dependency build` writes `charts/*.tgz`). gantry commits
 * what the checkout holds, so what a build added under `dir` is removed again: Kargo renders
 * from a checkout it never pushes.
 */
async function removeLeftovers(dir, before) {
    const after = await listTree(dir);
    const added = [...after].filter((p) => !before.has(p)).sort((a, b) => a.length - b.length);
    const removed = [];
    for (const p of added) {
        if (removed.some((r) => p.startsWith(`${r}${(external_node_path_default()).sep}`)))
            continue;
        await (0,promises_.rm)(external_node_path_default().join(dir, p), { recursive: true, force: true });
        removed.push(p);
    }
}

;// CONCATENATED MODULE: ./src/promotion/steps/helm-template.ts
/**
 * Kargo's `helm-template` step: renders the local chart at `path` with the `helm` binary, as
 * Kargo's Helm SDK call does:
 *
 *   helm template <releaseName> <path> --namespace <namespace, default the project>
 *     [-f <valuesFile>]… [--set k=v]… [--set-literal k=v]… [--include-crds] [--no-hooks]
 *     [--skip-tests] [--kube-version v] [--api-versions v]…
 *
 * Helm merges values files, then `--set`, then `--set-literal`, whatever the order of
 * `setValues`: Kargo's values options merge the same way. `buildDependencies` runs
 * `helm dependency build <path>` first when Chart.yaml declares dependencies; a `file://`
 * dependency must lie inside the checkout. What helm downloads into the chart (`charts/*.tgz`, a
 * new Chart.lock) is removed after rendering, so it is not committed.
 *
 * Output: `outPath` ending in .yaml/.yml is one file (helm's stdout); otherwise a directory,
 * laid out as `helm template --output-dir` does (`outLayout: helm`, the default:
 * `<chart>/templates/<file>.yaml`, `--release-name` with `useReleaseName`) or one file per
 * resource (`outLayout: flat`: `[<group>-]<kind>[-<namespace>]-<name>.yaml`, the group's dots as
 * underscores, lower-cased; a document without kind or name is `resource-<i>.yaml`).
 * `valuesFiles` are relative to the checkout (not the chart), and mapped from Kargo's workspace
 * paths like `path`.
 */










const helm_template_STEP = 'helm-template';
const FIELDS = [
    'path',
    'releaseName',
    'outPath',
    'outLayout',
    'useReleaseName',
    'namespace',
    'valuesFiles',
    'ignoreMissingValueFiles',
    'setValues',
    'buildDependencies',
    'includeCRDs',
    'disableHooks',
    'skipTests',
    'kubeVersion',
    'apiVersions',
];
const schema = {
    type: 'object',
    description: 'Renders a local Helm chart with `helm template` into one file or a directory.',
    additionalProperties: false,
    required: ['path', 'releaseName', 'outPath'],
    properties: {
        path: nonEmpty('The chart directory (holding Chart.yaml), relative to the checkout.'),
        releaseName: nonEmpty('The release name (`.Release.Name`).'),
        outPath: nonEmpty('Where to write: a path ending in .yaml or .yml is one file; anything else a directory laid out per `outLayout`.'),
        outLayout: {
            enum: ['helm', 'flat'],
            description: "A directory outPath's layout: `helm` (default), as `helm template --output-dir` writes it; `flat`, one file per resource.",
        },
        useReleaseName: flag('With the `helm` layout, put the files under a directory named after the release (`--release-name`).'),
        namespace: nonEmpty('`.Release.Namespace`. Default: the project name, as in Kargo.'),
        valuesFiles: {
            type: 'array',
            items: nonEmpty('A values file, relative to the checkout (not to the chart).'),
            description: "Values files merged in order after the chart's own values.yaml (`-f`).",
        },
        ignoreMissingValueFiles: flag('Leave out values files that do not exist instead of failing.'),
        setValues: {
            type: 'array',
            description: 'Values set on the command line: `--set key=value`, or `--set-literal`.',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['key', 'value'],
                properties: {
                    key: nonEmpty('Dotted key path, `image.tag`.'),
                    value: {
                        type: ['string', 'number', 'boolean'],
                        description: 'The value; helm infers its type unless `literal`.',
                    },
                    literal: flag('Pass it with `--set-literal`: no parsing, always a string. Literal values are applied after all others.'),
                },
            },
        },
        buildDependencies: flag("Run `helm dependency build` first, filling the chart's `charts/` from Chart.yaml (and Chart.lock)."),
        includeCRDs: flag("Include the chart's `crds/` (`--include-crds`)."),
        disableHooks: flag('Leave out hook manifests (`--no-hooks`).'),
        skipTests: flag('Leave out test hooks (`--skip-tests`).'),
        kubeVersion: nonEmpty('The Kubernetes version charts see (`--kube-version`).'),
        apiVersions: {
            type: 'array',
            items: nonEmpty('An API version, `monitoring.coreos.com/v1`.'),
            description: 'API versions charts see as available (`--api-versions`).',
        },
    },
};
function helm_template_optionalString(config, field) {
    const v = config[field];
    if (v === undefined || v === null)
        return undefined;
    if (typeof v !== 'string' || v === '')
        (0,errors/* fieldError */.$i)(helm_template_STEP, field, 'must be a non-empty string');
    return v;
}
function stringList(config, field) {
    const v = config[field];
    if (v === undefined || v === null)
        return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x === '')) {
        (0,errors/* fieldError */.$i)(helm_template_STEP, field, 'must be a list of non-empty strings');
    }
    return v;
}
/** Kargo's flat-layout name: `[<group>-]<kind>[-<namespace>]-<name>.yaml`, lower-cased. */
function flatFileName(doc, index) {
    if (doc.kind === '' || doc.name === '')
        return `resource-${index}.yaml`;
    const slash = doc.apiVersion.lastIndexOf('/');
    const group = slash >= 0 ? doc.apiVersion.slice(0, slash).replace(/\./g, '_') : '';
    const parts = [group, doc.kind, doc.namespace, doc.name].filter((p) => p !== '');
    return `${parts.join('-')}.yaml`.toLowerCase();
}
async function helm(args, ctx) {
    try {
        return await runProgram('helm', args, ctx.worktree, ctx.env);
    }
    catch (err) {
        if (err instanceof MissingBinaryError) {
            throw new errors/* ConfigError */.xL(`${helm_template_STEP}: the helm binary is not on PATH; install Helm 3 (https://helm.sh/docs/intro/install/; GitHub's ubuntu runners have it)`);
        }
        throw err;
    }
}
/** Chart.yaml's dependencies, with each `file://` one checked to lie inside the checkout. */
async function dependencies(ctx, chartRel, chartAbs) {
    let text;
    try {
        text = await (0,promises_.readFile)(external_node_path_default().join(chartAbs, 'Chart.yaml'), 'utf8');
    }
    catch {
        throw new errors/* ConfigError */.xL(`${helm_template_STEP}: path ${JSON.stringify(chartRel)}: no Chart.yaml there`);
    }
    const chart = (0,dist.parseDocument)(text).toJS();
    const deps = (0,guards/* isRecord */.u)(chart) && Array.isArray(chart['dependencies']) ? chart['dependencies'] : [];
    for (const [i, d] of deps.entries()) {
        const repo = (0,guards/* isRecord */.u)(d) ? d['repository'] : undefined;
        if (typeof repo !== 'string' || !repo.startsWith('file://'))
            continue;
        const local = repo.slice('file://'.length);
        const rel = (0,safe_path.normalizeRelative)(external_node_path_default().posix.join(chartRel, local));
        if (external_node_path_default().isAbsolute(local) || rel === '..' || rel.startsWith('../')) {
            throw new errors/* ConfigError */.xL(`${helm_template_STEP}: ${chartRel}/Chart.yaml: dependencies[${i}].repository ${JSON.stringify(repo)} leads outside the checkout`);
        }
        await (0,safe_path/* safePath */.n)(ctx.worktree, rel, `${helm_template_STEP}: ${chartRel}/Chart.yaml: dependencies[${i}].repository`);
    }
    return deps.length;
}
function failed(what, result) {
    return new errors/* OperationError */.OK(`${helm_template_STEP}: ${what} failed (exit ${result.code ?? 'signal'}): ${stderrTail(result.stderr) || 'no message'}`);
}
const helmTemplate = {
    name: helm_template_STEP,
    schema,
    async run(config, ctx) {
        (0,engine/* checkFields */.oA)(helm_template_STEP, config, FIELDS);
        const chartRel = (0,safe_path.normalizeRelative)((0,engine/* requireString */.VW)(helm_template_STEP, config, 'path'));
        const releaseName = (0,engine/* requireString */.VW)(helm_template_STEP, config, 'releaseName');
        const outRel = (0,safe_path.normalizeRelative)((0,engine/* requireString */.VW)(helm_template_STEP, config, 'outPath'));
        const layout = config['outLayout'] ?? 'helm';
        if (layout !== 'helm' && layout !== 'flat') {
            (0,errors/* fieldError */.$i)(helm_template_STEP, 'outLayout', 'must be "helm" or "flat"');
        }
        const namespace = helm_template_optionalString(config, 'namespace') ?? ctx.project;
        const kubeVersion = helm_template_optionalString(config, 'kubeVersion');
        const apiVersions = stringList(config, 'apiVersions');
        const valuesFiles = stringList(config, 'valuesFiles');
        const ignoreMissing = (0,engine/* optionalBool */.RO)(helm_template_STEP, config, 'ignoreMissingValueFiles') ?? false;
        const flags = {
            useReleaseName: (0,engine/* optionalBool */.RO)(helm_template_STEP, config, 'useReleaseName') ?? false,
            buildDependencies: (0,engine/* optionalBool */.RO)(helm_template_STEP, config, 'buildDependencies') ?? false,
            includeCRDs: (0,engine/* optionalBool */.RO)(helm_template_STEP, config, 'includeCRDs') ?? false,
            disableHooks: (0,engine/* optionalBool */.RO)(helm_template_STEP, config, 'disableHooks') ?? false,
            skipTests: (0,engine/* optionalBool */.RO)(helm_template_STEP, config, 'skipTests') ?? false,
        };
        const sets = [];
        const literals = [];
        const setValues = config['setValues'] ?? [];
        if (!Array.isArray(setValues))
            (0,errors/* fieldError */.$i)(helm_template_STEP, 'setValues', 'must be a list of {key, value}');
        for (const [i, sv] of setValues.entries()) {
            if (!(0,guards/* isRecord */.u)(sv))
                (0,errors/* fieldError */.$i)(helm_template_STEP, `setValues[${i}]`, 'must be a map with key and value');
            onlyKeys(helm_template_STEP, sv, ['key', 'value', 'literal'], `setValues[${i}].`);
            const key = sv['key'];
            if (typeof key !== 'string' || key === '') {
                (0,errors/* fieldError */.$i)(helm_template_STEP, `setValues[${i}].key`, 'must be a non-empty string');
            }
            const value = sv['value'];
            if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
                (0,errors/* fieldError */.$i)(helm_template_STEP, `setValues[${i}].value`, 'must be a string (or a number or boolean)');
            }
            const literal = sv['literal'];
            if (literal !== undefined && literal !== null && typeof literal !== 'boolean') {
                (0,errors/* fieldError */.$i)(helm_template_STEP, `setValues[${i}].literal`, 'must be true or false');
            }
            (literal === true ? literals : sets).push(`${key}=${String(value)}`);
        }
        const chartAbs = await (0,safe_path/* safePath */.n)(ctx.worktree, chartRel, `${helm_template_STEP}: path`);
        const chartStat = await (0,promises_.stat)(chartAbs).catch(() => undefined);
        if (!chartStat?.isDirectory()) {
            throw new errors/* ConfigError */.xL(`${helm_template_STEP}: path ${JSON.stringify(chartRel)}: no such chart directory`);
        }
        const outAbs = await (0,safe_path/* safePath */.n)(ctx.worktree, outRel, `${helm_template_STEP}: outPath`);
        const asFile = isFileOutPath(outRel);
        await checkOutPath(helm_template_STEP, outAbs, outRel, asFile);
        const valuesAbs = [];
        for (const [i, v] of valuesFiles.entries()) {
            const abs = await (0,safe_path/* safePath */.n)(ctx.worktree, v, `${helm_template_STEP}: valuesFiles[${i}]`);
            const st = await (0,promises_.stat)(abs).catch(() => undefined);
            if (st?.isFile())
                valuesAbs.push(abs);
            else if (!ignoreMissing) {
                throw new errors/* ConfigError */.xL(`${helm_template_STEP}: valuesFiles[${i}] ${JSON.stringify((0,safe_path.normalizeRelative)(v))}: no such file (set ignoreMissingValueFiles: true to leave missing ones out)`);
            }
        }
        const depCount = await dependencies(ctx, chartRel, chartAbs);
        const args = ['template', releaseName, chartAbs, '--namespace', namespace];
        for (const v of valuesAbs)
            args.push('-f', v);
        for (const s of sets)
            args.push('--set', s);
        for (const s of literals)
            args.push('--set-literal', s);
        if (flags.includeCRDs)
            args.push('--include-crds');
        if (flags.disableHooks)
            args.push('--no-hooks');
        if (flags.skipTests)
            args.push('--skip-tests');
        if (kubeVersion !== undefined)
            args.push('--kube-version', kubeVersion);
        for (const v of apiVersions)
            args.push('--api-versions', v);
        const helmLayout = !asFile && layout === 'helm';
        const tmp = helmLayout ? await (0,promises_.mkdtemp)(external_node_path_default().join((0,external_node_os_.tmpdir)(), 'gantry-helm-')) : undefined;
        if (tmp !== undefined) {
            args.push('--output-dir', tmp);
            if (flags.useReleaseName)
                args.push('--release-name');
        }
        const before = await listTree(chartAbs);
        let files;
        let count;
        try {
            if (flags.buildDependencies && depCount > 0) {
                const built = await helm(['dependency', 'build', chartAbs], ctx);
                if (built.code !== 0)
                    throw failed(`helm dependency build of ${JSON.stringify(chartRel)}`, built);
            }
            const result = await helm(args, ctx);
            if (result.code !== 0)
                throw failed(`helm template of ${JSON.stringify(chartRel)}`, result);
            if (tmp !== undefined) {
                files = [];
                for (const rel of [...(await listTree(tmp))].sort()) {
                    const abs = external_node_path_default().join(tmp, rel);
                    if (!(await (0,promises_.stat)(abs)).isFile())
                        continue;
                    files.push({ rel: rel.split((external_node_path_default()).sep).join('/'), data: await (0,promises_.readFile)(abs, 'utf8') });
                }
                count = files.reduce((n, f) => n + splitDocuments(f.data, `${helm_template_STEP}: helm`).filter((d) => d.kind).length, 0);
            }
            else {
                const docs = splitDocuments(result.stdout, `${helm_template_STEP}: helm`);
                count = docs.length;
                if (asFile) {
                    files = [{ rel: '', data: result.stdout.trimEnd() + '\n' }];
                }
                else {
                    files = docs.map((d, i) => ({
                        rel: checkFileName(helm_template_STEP, flatFileName(d, i)),
                        data: d.text,
                    }));
                }
            }
        }
        finally {
            await removeLeftovers(chartAbs, before);
            if (tmp !== undefined)
                await (0,promises_.rm)(tmp, { recursive: true, force: true });
        }
        const changed = await writeOutput(helm_template_STEP, ctx.worktree, outRel, files);
        const line = `- ${chartRel} → ${outRel}: ${count} resource(s) rendered with helm template (release ${releaseName}, namespace ${namespace})`;
        ctx.log(`${helm_template_STEP}: ${line.slice(2)}${changed.length ? '' : ' (no change)'}`);
        return { summary: changed.length ? [line] : [], changed };
    },
};

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/util/suggest.ts
var suggest = __webpack_require__(7406);
;// CONCATENATED MODULE: ./src/promotion/keypath.ts
/**
 * Key paths as Kargo's `yaml-update` and `json-update` steps take them (Kargo's `pkg/sjson`
 * `SplitKey`, which follows tidwall/sjson's path syntax):
 *
 * - `.` separates parts: `image.tag` ⇒ `['image', 'tag']`;
 * - `\.` and `\:` are a literal dot and colon inside a part; any other escape is an error;
 * - a part that is a canonical integer (`0`, `12`, `-1`) is returned as a **number**: it indexes a
 *   sequence (`-1` appends), and on a mapping it is looked up as the key `String(n)`, as Kargo does;
 * - a leading `:` forces the part to be a mapping key: `foo.:2` ⇒ `['foo', '2']`, a **string**. The
 *   difference matters when a missing key is created (a number makes an array in JSON, a string
 *   makes an object key) and when the node is a sequence (a string part does not index it).
 *
 * Errors use Kargo's wording: `empty key`, `empty key part in key "…"`, `invalid escape sequence in
 * key "…"`, `unexpected colon in key "…"`.
 */
class KeyPathError extends Error {
    name = 'KeyPathError';
}
const CANONICAL_INT = /^(0|-?[1-9][0-9]*)$/;
function splitKey(key) {
    const k = key.trim();
    if (k === '')
        throw new KeyPathError('empty key');
    const parts = [];
    let current = '';
    let forced = false;
    let escaped = false;
    const finish = () => {
        if (current === '')
            throw new KeyPathError(`empty key part in key ${JSON.stringify(k)}`);
        parts.push(!forced && CANONICAL_INT.test(current) ? Number(current) : current);
        current = '';
        forced = false;
    };
    for (const ch of k) {
        if (escaped) {
            if (ch !== '.' && ch !== ':') {
                throw new KeyPathError(`invalid escape sequence in key ${JSON.stringify(k)}`);
            }
            current += ch;
            escaped = false;
            continue;
        }
        if (ch === '\\')
            escaped = true;
        else if (ch === '.')
            finish();
        else if (ch === ':') {
            if (current !== '') {
                throw new KeyPathError(`unexpected colon in key ${JSON.stringify(k)}`);
            }
            forced = true;
        }
        else
            current += ch;
    }
    if (escaped)
        throw new KeyPathError(`invalid escape sequence in key ${JSON.stringify(k)}`);
    finish();
    return parts;
}
/** Render parts back into a key (the inverse of `splitKey`), for messages. */
function joinKey(parts) {
    return parts
        .map((p) => {
        if (typeof p === 'number')
            return String(p);
        const escaped = p.replace(/[.:]/g, (c) => `\\${c}`);
        return CANONICAL_INT.test(p) ? `:${escaped}` : escaped;
    })
        .join('.');
}
/** The index a part denotes on a sequence, or undefined when it is not one (Kargo also accepts the legacy `[n]`). */
function indexOf(part) {
    if (typeof part === 'number')
        return part;
    const legacy = /^\[(-?[0-9]+)\]$/.exec(part);
    return legacy ? Number(legacy[1]) : undefined;
}
/**
 * The value at `parts` in a plain JS value (parsed YAML or JSON), or undefined when the path does
 * not exist. Used to report what an update replaced (`image.tag 1.2.0 → 1.3.0`).
 */
function lookupKey(root, parts) {
    let node = root;
    for (const part of parts) {
        if (Array.isArray(node)) {
            const i = indexOf(part);
            if (i === undefined || i < 0)
                return undefined;
            node = node[i];
        }
        else if (node !== null && typeof node === 'object') {
            const key = String(part);
            if (!Object.prototype.hasOwnProperty.call(node, key))
                return undefined;
            node = node[key];
        }
        else
            return undefined;
    }
    return node;
}

;// CONCATENATED MODULE: ./src/promotion/yaml-edit.ts
/**
 * Format-preserving YAML edits for the `yaml-update` step.
 *
 * Kargo's `yaml-update` (pkg/yaml `UpdateField`, go-yaml v3 nodes) decodes the file and encodes it
 * again, which re-indents and re-quotes everything. gantry instead splices the text: it parses the
 * file with the `yaml` package, finds the byte range of each value a key addresses, and replaces
 * only those bytes. Everything else (comments, including one after the value on the same line,
 * blank lines, indentation, anchors, aliases, document markers, CRLF line endings, flow style)
 * stays as it was. After all edits the result is parsed again and compared with the intended
 * document (the original with the updates applied to its model); a mismatch is an OperationError
 * and nothing is written.
 *
 * Semantics (Kargo's where it has them):
 * - Keys follow `splitKey` (keypath.ts). On a mapping a numeric part is the key `String(n)`; on a
 *   sequence it is an index (`-1` and an index past the end append, with `create` below), below
 *   -1 is an error. The legacy `[n]` form indexes too.
 * - A key must address a scalar that exists, as in Kargo's yaml-update: a missing key is the
 *   error `key path not found` (a misspelt key would otherwise add a key nobody reads and leave
 *   the real one as it was), and a key that holds a mapping or a sequence is the error `key path
 *   does not address a scalar node` (replacing a whole subtree is never what an image bump means).
 * - An update with `create: true` may add what is missing (helm-update-chart and
 *   kustomize-set-image ask for this too): a new `key: value` line at the mapping's indentation
 *   after its last entry, with block mappings for missing intermediate keys; an index past the
 *   end of a sequence (or `-1`) appends. A key whose value is empty or `null` (`root:`) gets the
 *   new mapping nested under it. A path that runs through a non-null scalar is an error even then
 *   (that would lose data).
 * - Aliases are followed (Kargo does): `alias.key` edits the anchored node, so every alias of it
 *   sees the change. When the key addresses the alias itself, the alias is replaced by the value.
 * - Strings keep the quoting style of the old value: double stays double, single stays single,
 *   plain stays plain unless the string would then read as something else (a number, bool, null,
 *   in YAML 1.2 or 1.1, since Helm reads values with a YAML 1.1 parser) or is not valid as a plain
 *   scalar there; then it is double-quoted. A block scalar (`|`, `>`) replaced by a multi-line
 *   string stays a block scalar with fitting chomping (`>` is written as `|`: folding would change
 *   the text); replaced by a one-line string it becomes a one-line scalar.
 * - An explicit tag (`!!str 1`) stays; a value the tag cannot hold is an error.
 * - Numbers, booleans and null are written plain (Kargo would keep the old quotes, turning 3 into
 *   "3"; gantry writes the type it was given). Objects and arrays are written in flow style on one
 *   line (`{a: 1, b: [x, y]}`), so a diff stays on the line of the key.
 * - Multi-document files: Kargo decodes only the first document and writes only it back, dropping
 *   the rest. gantry refuses a multi-document file unless `options.document` (0-based) says which
 *   document the keys address.
 */





function setYamlValues(text, updates, where, options = {}) {
    const planned = updates.map((u) => ({
        key: u.key,
        parts: parseKey(u.key, where),
        value: checkValue(u.value, u.key, where),
        create: u.create === true,
    }));
    if (planned.length === 0)
        return text;
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const original = parseDocs(text, where);
    const docIndex = chooseDocument(original, where, options, text);
    const expected = parseDocs(text, where);
    if (options.previous) {
        const before = original[docIndex]?.toJS({ maxAliasCount: -1 });
        for (const u of planned)
            options.previous.set(u.key, lookupKey(before, u.parts));
    }
    let out = text;
    for (const u of planned) {
        const docs = out === text ? original : parseDocs(out, where);
        const doc = docs[docIndex];
        const model = expected[docIndex];
        if (!doc || !model)
            throw new errors/* OperationError */.OK(`${where}: document ${docIndex} vanished while editing`);
        const ctx = { text: out, eol, where, key: u.key, doc, create: u.create };
        const edit = locate(ctx, doc.contents, u.parts, 0, u.value, { indent: 0, flow: false });
        out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
        applyToModel(model, u.parts, u.value);
    }
    const result = parseDocs(out, where, 'the edited file');
    const want = expected.map((d) => d.toJS({ maxAliasCount: -1 }));
    const got = result.map((d) => d.toJS({ maxAliasCount: -1 }));
    if (result.length !== expected.length || !(0,external_node_util_.isDeepStrictEqual)(got, want)) {
        throw new errors/* OperationError */.OK(`${where}: yaml-update: the edited file does not read back as intended (keys ${planned
            .map((p) => p.key)
            .join(', ')}); nothing was changed. This is a gantry bug: please report it with the file.`);
    }
    return out;
}
/** Kargo's yaml-update commit message: `Updated <path>` and one `- key: value` line per update. */
function yamlUpdateCommitMessage(path, updates) {
    if (updates.length === 0)
        return '';
    let msg = `Updated ${path}\n`;
    for (const u of updates)
        msg += `\n- ${u.key}: ${goValue(quoteIfNecessary(u.value))}`;
    return msg;
}
/**
 * Kargo's `yaml.QuoteIfNecessary`: a string that would read as a number, a bool or JSON is
 * `%q`-quoted; other strings and non-strings are left alone.
 */
function quoteIfNecessary(value) {
    if (typeof value !== 'string')
        return value;
    if (GO_FLOAT.test(value) || GO_BOOL.has(value) || isJson(value))
        return goQuote(value);
    return value;
}
const GO_FLOAT = /^[+-]?((\d[\d_]*)?\.?\d[\d_]*([eE][+-]?\d+)?|\d+\.|0[xX][0-9a-fA-F_.]+([pP][+-]?\d+)?|inf|infinity|nan)$/i;
const GO_BOOL = new Set([
    '1',
    't',
    'T',
    'TRUE',
    'true',
    'True',
    '0',
    'f',
    'F',
    'FALSE',
    'false',
    'False',
]);
function isJson(s) {
    try {
        JSON.parse(s);
        return true;
    }
    catch {
        return false;
    }
}
/** Go's `%q` for the strings we meet (JSON escaping matches it for printable text). */
function goQuote(s) {
    return JSON.stringify(s);
}
/** Go's `%v` for JSON-decoded values (numbers are float64 there). */
function goValue(v) {
    if (v === null || v === undefined)
        return '<nil>';
    if (typeof v === 'number')
        return goFloat(v);
    if (typeof v === 'string')
        return v;
    if (typeof v === 'boolean')
        return String(v);
    return JSON.stringify(v);
}
function goFloat(n) {
    if (!Number.isFinite(n))
        return Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
    if (n === 0)
        return '0';
    const exp = Math.floor(Math.log10(Math.abs(n)));
    if (exp < -4 || exp >= 21 || (exp >= 6 && Number.isFinite(n))) {
        const [m, e] = n.toExponential().split('e');
        const sign = e.startsWith('-') ? '-' : '+';
        const digits = e.replace(/^[+-]/, '').padStart(2, '0');
        return `${m}e${sign}${digits}`;
    }
    return String(n);
}
function parseKey(key, where) {
    try {
        return splitKey(key);
    }
    catch (err) {
        if (err instanceof KeyPathError) {
            throw new errors/* ConfigError */.xL(`${where}: yaml-update: key ${JSON.stringify(key)}: ${err.message}`);
        }
        throw err;
    }
}
function checkValue(value, key, where) {
    const ok = (v) => {
        if (v === null || typeof v === 'string' || typeof v === 'boolean')
            return true;
        if (typeof v === 'number')
            return Number.isFinite(v);
        if (Array.isArray(v))
            return v.every(ok);
        if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
            return Object.values(v).every(ok);
        }
        return false;
    };
    if (!ok(value)) {
        throw new errors/* ConfigError */.xL(`${where}: yaml-update: key ${JSON.stringify(key)}: value must be a string, number, boolean, null, list or map`);
    }
    return value;
}
function parseDocs(text, where, what = 'the file') {
    const docs = (0,dist.parseAllDocuments)(text, { keepSourceTokens: true });
    if (!Array.isArray(docs))
        return [];
    for (const d of docs) {
        const err = d.errors[0];
        if (err) {
            const pos = err.linePos?.[0] ?? { line: 1, col: 1 };
            const message = `malformed YAML: ${(err.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`;
            const problem = { file: where, line: pos.line, column: pos.col, path: '', message };
            if (what === 'the file')
                throw new errors/* ConfigError */.xL(`${where}: ${message}`, [problem]);
            throw new errors/* OperationError */.OK(`${where}: ${what} is not valid YAML (${message}); this is a gantry bug`);
        }
    }
    return docs;
}
function isEmptyDoc(d) {
    const c = d.contents;
    return c === null || ((0,dist.isScalar)(c) && c.value === null && c.range?.[0] === c.range?.[1]);
}
function chooseDocument(docs, where, options, text) {
    const nonEmpty = docs.map((d, i) => (isEmptyDoc(d) ? -1 : i)).filter((i) => i >= 0);
    if (options.document !== undefined) {
        if (!Number.isInteger(options.document) ||
            options.document < 0 ||
            options.document >= docs.length) {
            throw new errors/* ConfigError */.xL(`${where}: yaml-update: document ${options.document} does not exist (the file has ${docs.length})`);
        }
        return options.document;
    }
    if (nonEmpty.length > 1) {
        const second = docs[nonEmpty[1] ?? 0];
        const line = lineCol(text, second?.range?.[0] ?? 0).line;
        throw new errors/* ConfigError */.xL(`${where}: yaml-update: the file holds ${nonEmpty.length} YAML documents (the second starts at line ${line}); ` +
            'yaml-update edits one document: say which with `document` (0-based)');
    }
    if (nonEmpty.length === 0) {
        throw new errors/* ConfigError */.xL(`${where}: yaml-update: the file holds no YAML document to update`);
    }
    return nonEmpty[0] ?? 0;
}
function lineCol(text, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
        if (text.charCodeAt(i) === 10) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: offset - lineStart + 1 };
}
function columnOf(text, offset) {
    return lineCol(text, offset).column - 1;
}
function yaml_edit_fail(ctx, offset, message) {
    const { line, column } = lineCol(ctx.text, offset);
    throw new errors/* ConfigError */.xL(`${ctx.where}: yaml-update failed`, [
        { file: ctx.where, line, column, path: ctx.key, message },
    ]);
}
/** The first `n` parts of a key, written back as a key path (`image.tag`). */
function yaml_edit_joinKey(parts, n) {
    return parts
        .slice(0, n)
        .map((p) => String(p).replace(/\\/g, '\\\\').replace(/\./g, '\\.'))
        .join('.');
}
/** Kargo's `key path not found`, saying what is missing and how to add it on purpose. */
function notFound(ctx, offset, why) {
    yaml_edit_fail(ctx, offset, `key path not found: ${why}; yaml-update changes keys that exist (check the spelling), or set create: true on this update to add it`);
}
/** Kargo's `key path does not address a scalar node`: a mapping or a sequence is never replaced. */
function requireScalar(ctx, node, offset) {
    let target = node;
    if ((0,dist.isAlias)(target))
        target = target.resolve(ctx.doc);
    if (!(0,dist.isMap)(target) && !(0,dist.isSeq)(target))
        return;
    const what = (0,dist.isMap)(target)
        ? `a mapping (keys: ${target.items
            .map((p) => keyString(p.key))
            .filter((k) => k !== undefined)
            .slice(0, 8)
            .join(', ')})`
        : `a sequence of ${target.items.length} items`;
    yaml_edit_fail(ctx, offset, `key path does not address a scalar node: it holds ${what}; yaml-update sets one scalar value, so address a key inside it`);
}
function keyString(node) {
    if ((0,dist.isScalar)(node))
        return node.value === null ? '' : String(node.value);
    return undefined;
}
function isNullScalar(node) {
    return (0,dist.isScalar)(node) && node.value === null;
}
function locate(ctx, node, parts, i, value, place) {
    const part = parts[i] ?? '';
    const last = i === parts.length - 1;
    let target = node;
    if ((0,dist.isAlias)(target)) {
        const resolved = target.resolve(ctx.doc);
        if (!resolved)
            yaml_edit_fail(ctx, target.range?.[0] ?? 0, `alias *${target.source} has no anchor`);
        target = resolved;
    }
    if ((0,dist.isMap)(target)) {
        const map = target;
        const pair = map.items.find((p) => keyString(p.key) === String(part));
        if (!pair) {
            if (!ctx.create) {
                const keys = map.items.map((p) => keyString(p.key) ?? '').filter((k) => k !== '');
                const under = i === 0 ? 'at the top level' : `under ${JSON.stringify(yaml_edit_joinKey(parts, i))}`;
                notFound(ctx, map.range?.[0] ?? 0, `there is no key ${JSON.stringify(String(part))} ${under}${(0,suggest/* didYouMean */.au)(String(part), keys)}`);
            }
            return insertIntoMap(ctx, map, parts.slice(i), value, place);
        }
        const keyStart = pair.key.range?.[0] ?? 0;
        const childPlace = {
            indent: columnOf(ctx.text, keyStart),
            flow: place.flow || !!map.flow,
        };
        const child = pair.value;
        if (last) {
            requireScalar(ctx, child, keyStart);
            return replaceValue(ctx, child, value, childPlace, pair);
        }
        return locate(ctx, child, parts, i + 1, value, childPlace);
    }
    if ((0,dist.isSeq)(target)) {
        const seq = target;
        const index = indexOf(part);
        const at = seq.range?.[0] ?? 0;
        if (index === undefined) {
            yaml_edit_fail(ctx, at, `${JSON.stringify(String(part))} is not an index, and the node there is a sequence`);
        }
        if (index < -1)
            yaml_edit_fail(ctx, at, `invalid negative index: ${index}`);
        if (index === -1 || index >= seq.items.length) {
            if (!ctx.create) {
                const where = i === 0 ? 'at the top level' : `at ${JSON.stringify(yaml_edit_joinKey(parts, i))}`;
                notFound(ctx, at, index === -1
                    ? `index -1 appends an item to the sequence ${where}`
                    : `the sequence ${where} has ${seq.items.length} item${seq.items.length === 1 ? '' : 's'}, so there is no item ${index}`);
            }
            return appendToSeq(ctx, seq, parts.slice(i + 1), value, place);
        }
        const item = seq.items[index];
        const itemPlace = {
            indent: seq.flow ? place.indent : columnOf(ctx.text, at),
            flow: place.flow || !!seq.flow,
        };
        if (last) {
            requireScalar(ctx, item, at);
            return replaceValue(ctx, item, value, itemPlace);
        }
        return locate(ctx, item, parts, i + 1, value, itemPlace);
    }
    if (isNullScalar(target)) {
        if (!ctx.create) {
            notFound(ctx, target.range?.[0] ?? 0, `${JSON.stringify(yaml_edit_joinKey(parts, i))} is empty, so there is no key ${JSON.stringify(String(part))} under it`);
        }
        return replaceValue(ctx, target, nest(parts.slice(i), value), place, undefined, true);
    }
    const at = target?.range?.[0] ?? 0;
    yaml_edit_fail(ctx, at, `cannot set ${JSON.stringify(String(part))}: the value there is a scalar, not a mapping or sequence`);
}
/** `['a', 'b'], v` ⇒ `{a: {b: v}}` (numbers become keys: created structure is always mappings, as in Kargo). */
function nest(parts, value) {
    let v = value;
    for (let i = parts.length - 1; i >= 0; i--)
        v = { [String(parts[i])]: v };
    return v;
}
function replaceValue(ctx, node, value, place, pair, blockNest = false) {
    const { text } = ctx;
    if (!node || !node.range) {
        // `key:` with nothing at all: append after the key's `:`.
        const keyEnd = pair?.key?.range?.[1] ?? 0;
        const colon = text.indexOf(':', keyEnd);
        return { start: colon + 1, end: colon + 1, text: ` ${renderFlow(value, place.flow)}` };
    }
    const [start, end] = node.range;
    const collection = value !== null && typeof value === 'object';
    if (blockNest && !place.flow && collection) {
        // An empty/null value gets a nested block mapping: `root:` ⇒ `root:\n  new:\n    key: v`.
        const from = afterIndicator(text, start);
        if (from < 0)
            yaml_edit_fail(ctx, start, 'cannot nest a mapping under a value that is followed by a comment');
        const lines = blockLines(value, place.indent + 2, ctx.eol);
        return { start: from, end, text: ctx.eol + lines.join(ctx.eol) };
    }
    if ((0,dist.isScalar)(node) && !((0,dist.isMap)(node) || (0,dist.isSeq)(node))) {
        checkTag(ctx, node, value);
        const type = node.type;
        if (type === dist.Scalar.BLOCK_LITERAL || type === dist.Scalar.BLOCK_FOLDED) {
            const endsWithNewline = text[end - 1] === '\n';
            if (typeof value === 'string' && value.includes('\n')) {
                const block = renderBlock(value, contentIndent(text, start, place.indent + 2), ctx.eol);
                if (block !== undefined)
                    return { start, end, text: block + (endsWithNewline ? ctx.eol : '') };
            }
            const one = collection
                ? renderFlow(value, place.flow)
                : renderScalar(value, dist.Scalar.PLAIN, place.flow);
            return { start, end, text: one + (endsWithNewline ? ctx.eol : '') };
        }
        const rendered = collection
            ? renderFlow(value, place.flow)
            : renderScalar(value, type, place.flow, node.tag !== undefined);
        if (start === end && text[start - 1] !== ' ' && text[start - 1] !== '\t') {
            return { start, end, text: ` ${rendered}` };
        }
        return { start, end, text: rendered };
    }
    if ((0,dist.isAlias)(node)) {
        return { start, end, text: renderFlow(value, place.flow) };
    }
    // requireScalar stops every update that addresses a mapping or a sequence before this point.
    throw new errors/* OperationError */.OK(`${ctx.where}: yaml-update: key ${JSON.stringify(ctx.key)} addresses a collection (this is a gantry bug)`);
}
const CORE_TAG_TYPES = {
    'tag:yaml.org,2002:str': 'string',
    'tag:yaml.org,2002:int': 'number',
    'tag:yaml.org,2002:float': 'number',
    'tag:yaml.org,2002:bool': 'boolean',
    'tag:yaml.org,2002:null': 'null',
};
/** An explicit tag stays in the file (it is outside the value's bytes): the new value must fit it. */
function checkTag(ctx, node, value) {
    if (!node.tag)
        return;
    const type = value === null ? 'null' : typeof value;
    const wanted = CORE_TAG_TYPES[node.tag] ?? 'string';
    if (type !== wanted || (node.tag === 'tag:yaml.org,2002:int' && !Number.isInteger(value))) {
        yaml_edit_fail(ctx, node.range?.[0] ?? 0, `the value there has the explicit tag ${node.tag.replace('tag:yaml.org,2002:', '!!')}, which a ${type} cannot keep`);
    }
}
/** Offset just after the `:` or `-` that introduces the node at `start`, or -1 past a comment. */
function afterIndicator(text, start) {
    let i = start - 1;
    while (i >= 0 && ' \t\r\n'.includes(text[i] ?? 'x'))
        i--;
    if (i >= 0 && (text[i] === ':' || text[i] === '-'))
        return i + 1;
    return text[i] === undefined ? 0 : -1;
}
function contentIndent(text, headerStart, fallback) {
    const nl = text.indexOf('\n', headerStart);
    if (nl >= 0) {
        const m = /^([ ]*)\S/m.exec(text.slice(nl + 1));
        if (m?.[1])
            return m[1];
    }
    return ' '.repeat(fallback);
}
function renderBlock(value, indent, eol) {
    if (value.includes('\r') || hasControl(value.replace(/[\n\t]/g, '')))
        return undefined;
    let chomp = '';
    let body = value;
    if (!value.endsWith('\n'))
        chomp = '-';
    else if (value.endsWith('\n\n')) {
        chomp = '+';
        body = value.slice(0, -1);
    }
    else
        body = value.slice(0, -1);
    const lines = body.split('\n');
    const first = lines.find((l) => l !== '');
    if (first === undefined || /^[ \t]/.test(first))
        return undefined;
    return `|${chomp}${eol}${lines.map((l) => (l === '' ? '' : indent + l)).join(eol)}`;
}
function renderScalar(value, style, flow, tagged = false) {
    if (value === null)
        return 'null';
    if (typeof value === 'boolean' || typeof value === 'number')
        return String(value);
    const s = String(value);
    if (style === dist.Scalar.QUOTE_DOUBLE)
        return JSON.stringify(s);
    if (style === dist.Scalar.QUOTE_SINGLE) {
        return hasControl(s) ? JSON.stringify(s) : `'${s.replace(/'/g, "''")}'`;
    }
    return plainSafe(s, flow, tagged) ? s : JSON.stringify(s);
}
/** Any C0 control character (tab and newline included) or DEL. */
function hasControl(s) {
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c < 0x20 || c === 0x7f)
            return true;
    }
    return false;
}
/** A string that can be written as a plain scalar and still read back as that very string. */
function plainSafe(s, flow, tagged = false) {
    if (s === '' || s !== s.trim() || hasControl(s))
        return false;
    if (/^[-?:](\s|$)/.test(s) || /^[,[\]{}#&*!|>'"%@`]/.test(s))
        return false;
    if (s.includes(': ') || s.includes(' #') || s.endsWith(':'))
        return false;
    if (flow && /[,[\]{}]/.test(s))
        return false;
    if (s === '---' || s === '...')
        return false;
    // Under an explicit tag (`!!str 1`) the tag, not the text, decides the type.
    if (tagged)
        return true;
    try {
        for (const version of ['1.2', '1.1']) {
            if ((0,dist.parse)(`k: ${s}`, { version }).k !== s)
                return false;
        }
    }
    catch {
        return false;
    }
    return true;
}
function renderFlow(value, flow) {
    if (Array.isArray(value))
        return `[${value.map((v) => renderFlow(v, true)).join(', ')}]`;
    if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value);
        if (entries.length === 0)
            return '{}';
        return `{${entries.map(([k, v]) => `${renderScalar(k, dist.Scalar.PLAIN, true)}: ${renderFlow(v, true)}`).join(', ')}}`;
    }
    return renderScalar(value, dist.Scalar.PLAIN, flow);
}
/** Block lines for a nested mapping made by `nest` (the innermost value is written flow). */
function blockLines(value, indent, eol) {
    const pad = ' '.repeat(indent);
    const lines = [];
    for (const [k, v] of Object.entries(value)) {
        const key = renderScalar(k, dist.Scalar.PLAIN, false);
        if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0) {
            lines.push(`${pad}${key}:`, ...blockLines(v, indent + 2, eol));
        }
        else {
            lines.push(`${pad}${key}: ${renderFlow(v, false)}`);
        }
    }
    return lines;
}
/** Where a new line goes after a block collection: the start of the line after its content. */
function lineAfter(ctx, end) {
    const { text } = ctx;
    if (text[end - 1] === '\n')
        return { at: end, prefix: '' };
    const nl = text.indexOf('\n', end);
    if (nl < 0)
        return { at: text.length, prefix: ctx.eol };
    return { at: nl + 1, prefix: '' };
}
function insertIntoMap(ctx, map, parts, value, place) {
    const { text } = ctx;
    const [start, end] = map.range ?? [0, 0];
    const keyText = renderScalar(String(parts[0]), dist.Scalar.PLAIN, true);
    const rest = parts.length > 1 ? nest(parts.slice(1), value) : value;
    if (map.flow) {
        const entry = `${keyText}: ${renderFlow(rest, true)}`;
        const lastPair = map.items[map.items.length - 1];
        if (!lastPair) {
            const close = text.lastIndexOf('}', end - 1);
            return { start: close, end: close, text: entry };
        }
        const lastNode = (lastPair.value ?? lastPair.key);
        const after = lastNode.range?.[1] ?? closingBrace(text, end);
        return { start: after, end: after, text: `, ${entry}` };
    }
    const firstKey = map.items[0]?.key;
    const indent = firstKey?.range ? columnOf(text, firstKey.range[0]) : place.indent;
    const lines = blockLines({ [String(parts[0])]: rest }, indent, ctx.eol);
    const { at, prefix } = lineAfter(ctx, map.items.length ? end : start);
    return { start: at, end: at, text: prefix + lines.join(ctx.eol) + ctx.eol };
}
function closingBrace(text, end) {
    return text.lastIndexOf('}', end - 1);
}
function appendToSeq(ctx, seq, rest, value, _place) {
    const { text } = ctx;
    const [start, end] = seq.range ?? [0, 0];
    const item = rest.length ? nest(rest, value) : value;
    if (seq.flow) {
        const lastItem = seq.items[seq.items.length - 1];
        if (!lastItem?.range) {
            const closing = text.lastIndexOf(']', end - 1);
            return { start: closing, end: closing, text: renderFlow(item, true) };
        }
        return {
            start: lastItem.range[1],
            end: lastItem.range[1],
            text: `, ${renderFlow(item, true)}`,
        };
    }
    const indent = columnOf(text, start);
    const pad = ' '.repeat(indent);
    let entry;
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
        const lines = blockLines(item, indent + 2, ctx.eol);
        entry = `${pad}- ${lines.join(ctx.eol).slice(indent + 2)}`;
    }
    else
        entry = `${pad}- ${renderFlow(item, false)}`;
    const { at, prefix } = lineAfter(ctx, end);
    return { start: at, end: at, text: prefix + entry + ctx.eol };
}
/** The same update applied to a document model: what the edited text must read back as. */
function applyToModel(doc, parts, value) {
    let node = doc.contents;
    const make = (v, old) => {
        const made = doc.createNode(v);
        // The text edit keeps an anchor on the replaced value, and so aliases of it see the new value.
        if (old && !(0,dist.isAlias)(old) && old.anchor)
            made.anchor = old.anchor;
        return made;
    };
    for (let i = 0; i < parts.length; i++) {
        const part = parts[i] ?? '';
        const last = i === parts.length - 1;
        if ((0,dist.isAlias)(node))
            node = node.resolve(doc);
        if ((0,dist.isMap)(node)) {
            const pair = node.items.find((p) => keyString(p.key) === String(part));
            if (!pair) {
                node.items.push(doc.createPair(String(part), nest(parts.slice(i + 1), value)));
                return;
            }
            if (last) {
                pair.value = make(value, pair.value);
                return;
            }
            if (isNullScalar(pair.value) || pair.value === null) {
                pair.value = make(nest(parts.slice(i + 1), value));
                return;
            }
            node = pair.value;
        }
        else if ((0,dist.isSeq)(node)) {
            const index = indexOf(part) ?? -1;
            if (index === -1 || index >= node.items.length) {
                node.items.push(make(nest(parts.slice(i + 1), value)));
                return;
            }
            if (last) {
                node.items[index] = make(value, node.items[index]);
                return;
            }
            if (isNullScalar(node.items[index])) {
                node.items[index] = make(nest(parts.slice(i + 1), value));
                return;
            }
            node = node.items[index];
        }
        else {
            return;
        }
    }
}

;// CONCATENATED MODULE: ./src/promotion/steps/helm-update-chart.ts
/**
 * Kargo's `helm-update-chart` step, without a helm binary.
 *
 * Config (Kargo's field names): `{path, charts: [{repository, name, version?, fromOrigin?}]}`.
 * `path` is the chart's directory (through `safePath`; `Chart.yaml` must be a regular file); each
 * entry names a dependency in its `Chart.yaml` by `repository` and `name` (both exactly as
 * written there). The new version is `version`, or, when
 * it is left out, the version of the matching chart in the stage's freight collection (from the
 * warehouse `fromOrigin` names, when given), as Kargo did before it required `version`: for an
 * `oci://` repository the freight's chart is `<repository>/<name>` with an empty name, for an HTTP
 * repository it is `repository` and `name`.
 *
 * The versions are set in `Chart.yaml` with `setYamlValues` (keys `dependencies.<i>.version`), so
 * only the bytes of each version change. **`Chart.lock` is not regenerated and `charts/` is not
 * refreshed** (that needs helm and the chart repositories): when the chart has a `Chart.lock`, the
 * step's summary says it is stale, and a later `helm dependency build` with a lock file fails until
 * someone runs `helm dependency update`. Kargo runs `helm dependency update` here and reports the
 * changes it sees in `Chart.lock`; gantry reports the changes it made to `Chart.yaml`.
 *
 * Outputs: `commitMessage` in Kargo's form: `Updated chart dependencies for <path>` and one
 * `- <name>: <old> -> <new>` line per change (sorted by name here; Kargo's order is a Go map's).
 */








const helm_update_chart_STEP = 'helm-update-chart';
const helmUpdateChart = {
    name: helm_update_chart_STEP,
    schema: {
        type: 'object',
        description: "Sets dependency versions in a chart's `Chart.yaml`.",
        additionalProperties: false,
        required: ['path'],
        properties: {
            path: nonEmpty('The chart directory, relative to the checkout.'),
            charts: {
                type: 'array',
                description: 'The dependencies to update.',
                items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['repository', 'name'],
                    properties: {
                        repository: nonEmpty("The dependency's `repository`, as `Chart.yaml` writes it."),
                        name: nonEmpty("The dependency's `name`."),
                        version: schema_parts_text('The version to set; default: the version in the freight.'),
                        fromOrigin: originSchema("Which warehouse's freight provides the version."),
                    },
                },
            },
        },
    },
    async run(config, ctx) {
        const cfg = parseHelmUpdateChartConfig(config);
        const dir = await (0,safe_path/* safePath */.n)(ctx.worktree, cfg.path, `${helm_update_chart_STEP}: path`);
        const file = (0,external_node_path_.join)(dir, 'Chart.yaml');
        const relDir = (0,safe_path.normalizeRelative)(cfg.path);
        const relFile = external_node_path_.posix.join(relDir, 'Chart.yaml');
        let text;
        try {
            if (!(await (0,promises_.lstat)(file)).isFile())
                throw new Error('not a file');
            text = await (0,promises_.readFile)(file, 'utf8');
        }
        catch {
            throw new errors/* ConfigError */.xL(`${helm_update_chart_STEP}: ${relFile}: no Chart.yaml in ${cfg.path}`);
        }
        const { text: out, changes } = updateChartDependencies(text, cfg.charts, ctx.freightCollection, relFile);
        const result = {};
        const message = helmChartCommitMessage(cfg.path, changes);
        if (message)
            result.outputs = { commitMessage: message };
        if (out === text) {
            ctx.log(`${helm_update_chart_STEP}: ${relFile}: the dependencies already have these versions`);
            return result;
        }
        await (0,promises_.writeFile)(file, out);
        result.changed = [relFile];
        result.summary = [...changes].map(([name, change]) => `- ${relFile}: ${name} ${arrow(change)}`);
        const lock = (0,external_node_path_.join)(dir, 'Chart.lock');
        if (await exists(lock)) {
            const note = `- ${external_node_path_.posix.join(relDir, 'Chart.lock')}: not regenerated (gantry runs no helm); run \`helm dependency update\` to refresh it`;
            result.summary.push(note);
            ctx.log(`${helm_update_chart_STEP}: ${note.slice(2)}`);
        }
        return result;
    },
};
// ---------------------------------------------------------------------------------------------
// Config
function parseHelmUpdateChartConfig(config) {
    onlyKeys(helm_update_chart_STEP, config, ['path', 'charts'], '');
    const path = requireField(helm_update_chart_STEP, config.path, 'path');
    if (config.charts === undefined || config.charts === null)
        return { path, charts: [] };
    if (!Array.isArray(config.charts))
        (0,errors/* fieldError */.$i)(helm_update_chart_STEP, 'charts', 'must be a list');
    const charts = config.charts.map((raw, i) => {
        const field = `charts[${i}]`;
        if (!(0,guards/* isRecord */.u)(raw))
            (0,errors/* fieldError */.$i)(helm_update_chart_STEP, field, 'must be a mapping');
        onlyKeys(helm_update_chart_STEP, raw, ['repository', 'name', 'version', 'fromOrigin'], `${field}.`);
        const chart = {
            repository: requireField(helm_update_chart_STEP, raw.repository, `${field}.repository`),
            name: requireField(helm_update_chart_STEP, raw.name, `${field}.name`),
        };
        if (raw.version !== undefined && raw.version !== null && raw.version !== '') {
            chart.version = requireField(helm_update_chart_STEP, raw.version, `${field}.version`);
        }
        if (raw.fromOrigin !== undefined && raw.fromOrigin !== null) {
            const o = raw.fromOrigin;
            if (!(0,guards/* isRecord */.u)(o))
                (0,errors/* fieldError */.$i)(helm_update_chart_STEP, `${field}.fromOrigin`, 'must be a mapping with kind and name');
            onlyKeys(helm_update_chart_STEP, o, ['kind', 'name'], `${field}.fromOrigin.`);
            if (o.kind !== 'Warehouse')
                (0,errors/* fieldError */.$i)(helm_update_chart_STEP, `${field}.fromOrigin.kind`, 'must be Warehouse');
            chart.fromOrigin = {
                kind: 'Warehouse',
                name: requireField(helm_update_chart_STEP, o.name, `${field}.fromOrigin.name`),
            };
        }
        return chart;
    });
    return { path, charts };
}
/** Sets the versions of `charts` among the dependencies of a `Chart.yaml`'s text. */
function updateChartDependencies(text, charts, freightCollection, where) {
    const deps = readDependencies(text, where);
    const updates = [];
    const changes = new Map();
    charts.forEach((chart, i) => {
        const index = deps.findIndex((d) => d.name === chart.name && d.repository === chart.repository);
        const dep = deps[index];
        if (!dep) {
            (0,errors/* fieldError */.$i)(helm_update_chart_STEP, `charts[${i}]`, `no dependency in ${where} matches repository "${chart.repository}" and name "${chart.name}"`);
        }
        const version = chart.version ?? freightChartVersion(chart, freightCollection, `charts[${i}]`);
        if (dep.version === version)
            return;
        updates.push({ key: `dependencies.${index}.version`, value: version, create: true });
        changes.set(dep.name, dep.version ? `${dep.version} -> ${version}` : version);
    });
    return { text: setYamlValues(text, updates, where), changes };
}
function readDependencies(text, where) {
    const doc = (0,dist.parseDocument)(text);
    if (doc.errors.length > 0) {
        throw new errors/* ConfigError */.xL(`${helm_update_chart_STEP}: ${where}: not valid YAML: ${doc.errors[0]?.message ?? ''}`);
    }
    const list = doc.get('dependencies', true);
    if (list === undefined || list === null)
        return [];
    const js = doc.toJS();
    if (!Array.isArray(js.dependencies)) {
        throw new errors/* ConfigError */.xL(`${helm_update_chart_STEP}: ${where}: dependencies must be a list`);
    }
    return js.dependencies.map((d, i) => {
        const rec = (0,guards/* isRecord */.u)(d) ? d : {};
        const versionNode = doc.getIn(['dependencies', i, 'version'], true);
        return {
            name: typeof rec.name === 'string' ? rec.name : '',
            repository: typeof rec.repository === 'string' ? rec.repository : '',
            version: (0,dist.isScalar)(versionNode) ? scalarText(versionNode) : '',
        };
    });
}
/** A scalar as Helm (decoding into a string) reads it: `1.10` stays `1.10`. */
function scalarText(s) {
    if (s.value === null || s.value === undefined)
        return '';
    if (typeof s.value === 'string')
        return s.value;
    return typeof s.source === 'string' ? s.source : String(s.value);
}
/** The version of the chart `chart` names in the freight collection (Kargo's `FindChart`). */
function freightChartVersion(chart, collection, field) {
    const oci = chart.repository.startsWith('oci://');
    const repoURL = oci ? `${trimSlash(chart.repository)}/${chart.name}` : chart.repository;
    const name = oci ? '' : chart.name;
    const hits = [];
    for (const freight of collection) {
        const o = chart.fromOrigin;
        if (o && (freight.origin.kind !== o.kind || freight.origin.name !== o.name))
            continue;
        for (const c of freight.charts) {
            if (trimSlash(c.repoURL) === trimSlash(repoURL) && c.name === name) {
                hits.push({ chart: c, origin: `${freight.origin.kind}/${freight.origin.name}` });
            }
        }
    }
    const from = chart.fromOrigin ? ` from Warehouse/${chart.fromOrigin.name}` : '';
    const [first, ...rest] = hits;
    if (!first) {
        (0,errors/* fieldError */.$i)(helm_update_chart_STEP, field, `no version given and no freight${from} in the stage's freight collection has chart ${name ? `${repoURL} ${name}` : repoURL}`);
    }
    if (rest.length > 0) {
        (0,errors/* fieldError */.$i)(helm_update_chart_STEP, field, `chart ${chart.name} is ambiguous: it comes from ${hits.map((h) => h.origin).join(', ')}; set fromOrigin or version`);
    }
    return first.chart.version;
}
function trimSlash(s) {
    return s.replace(/\/+$/, '');
}
// ---------------------------------------------------------------------------------------------
// Commit message
/**
 * Kargo's `generateCommitMessage` for `helm-update-chart`: `""` for no changes, else
 * `Updated chart dependencies for <path>` and one `- name: change` line per change, where an empty
 * change reads `removed` (an addition's change is just its version). Lines are sorted by name.
 */
function helmChartCommitMessage(chartPath, changes) {
    const entries = changes instanceof Map ? [...changes] : Object.entries(changes);
    if (entries.length === 0)
        return '';
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    let msg = `Updated chart dependencies for ${chartPath}\n`;
    for (const [name, change] of entries)
        msg += `\n- ${name}: ${change === '' ? 'removed' : change}`;
    return msg;
}
function arrow(change) {
    return change.includes(' -> ') ? change.replace(' -> ', ' → ') : `→ ${change}`;
}
// ---------------------------------------------------------------------------------------------
// Helpers
async function exists(p) {
    try {
        await (0,promises_.lstat)(p);
        return true;
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: ./src/expr/index.ts + 13 modules
var src_expr = __webpack_require__(1750);
// EXTERNAL MODULE: ./src/util/redact.ts
var redact = __webpack_require__(767);
;// CONCATENATED MODULE: ./src/promotion/steps/http.ts
/**
 * Kargo's `http` step: one HTTP(S) request, its response judged by expr-lang expressions, and
 * outputs taken from it for later steps (`outputs.<alias>.<name>`).
 *
 * Config (Kargo's fields): `url` (required); `method` (DELETE, GET, HEAD, PATCH, POST, PUT; GET by
 * default); `headers` and `queryParams` (`[{name, value}]`, query values URL-encoded and added to
 * any query the URL already has); `body`, or `bodyFromFile` (a file inside the checkout, at most
 * 2 MiB, sent as it is; not both); `insecureSkipTLSVerify`; `proxy` (an http(s) URL, the
 * request is tunnelled through it); `timeout` (a Go duration, 10s by default, for the whole
 * exchange, body included); `responseContentType` (`application/json`, `application/yaml` or
 * `text/plain`, overriding the response's Content-Type); `successExpression`,
 * `failureExpression`, `errorExpression`; `outputs` (`[{name, fromExpression}]`); `pollInterval`
 * (accepted, see below).
 *
 * The expressions are plain expr-lang, not `${{ }}` templates (the engine renders those before the
 * step runs, so `'${{ vars.x }}'` inside one is filled in first). They are compiled before the
 * request is sent, so a typo is a config error and nothing is sent. They see `response`:
 * - `status`: the status code;
 * - `headers`: Go's `http.Header` shape, canonical names to lists of values
 *   (`response.headers["Content-Type"][0]`); several fields of one name arrive as one value joined
 *   with ", " (fetch joins them), except `Set-Cookie`;
 * - `body`: a response declared `text/plain` is its text; YAML types are parsed as YAML; anything
 *   else is parsed as JSON. When parsing fails the body is the text (Kargo gives an empty map for
 *   unparsable bodies of unknown types); an empty body is an empty map, as in Kargo.
 * Kargo's `response.header(name)` function cannot be offered: the expression language has no
 * methods on maps.
 *
 * Outcome (Kargo's rules): `failureExpression` true fails the step (with `errorExpression`'s
 * string, when it gives one, in the message); else `successExpression` true succeeds; with neither
 * expression, a 2xx status succeeds. Outputs are computed only when the step succeeds.
 *
 * Where Kargo keeps a step running: with an expression given and not met (`successExpression`
 * false, or only `failureExpression` given and false), or a non-2xx status and no expressions,
 * Kargo leaves the step Running (or Failed, retryable) and asks again every `pollInterval` until
 * the step's `retry.timeout`. gantry runs each step once, in one job, and does not retry: these
 * outcomes fail the step, saying which rule was not met. `pollInterval` is validated and
 * otherwise ignored (logged), so Kargo templates load. Note that, as in Kargo, a step with only a
 * `failureExpression` can never succeed.
 *
 * Deviations that only accept more: `method` in any case; header and query values that rendered
 * to numbers or booleans (`${{ vars.port }}`) are sent as their text; a `body` that is a map or a
 * list (what `${{ }}` rendering makes of JSON text, when `quote()` was not used) is sent as JSON,
 * with `Content-Type: application/json` unless a header says otherwise. A string body goes as is,
 * with no Content-Type added (as Go's client does). Credentials in the URL become basic auth
 * (fetch refuses them in URLs; Go sends them so).
 *
 * Secrets: header values, query values and URL credentials are never logged nor put in messages;
 * the request is named as `GET https://host/path?token=***` (every query value masked), and error
 * text from the network is scrubbed of those values. The response body is read up to 2 MiB
 * (Kargo's cap); a larger one fails the step.
 */











const http_STEP = 'http';
const http_FIELDS = [
    'method',
    'url',
    'headers',
    'queryParams',
    'body',
    'bodyFromFile',
    'insecureSkipTLSVerify',
    'proxy',
    'timeout',
    'pollInterval',
    'responseContentType',
    'successExpression',
    'failureExpression',
    'errorExpression',
    'outputs',
];
const METHODS = ['DELETE', 'GET', 'HEAD', 'PATCH', 'POST', 'PUT'];
const CONTENT_TYPES = ['application/json', 'application/yaml', 'text/plain'];
const YAML_TYPES = new Set(['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml']);
/** The most of a response body the step reads (Kargo's limit). */
const MAX_RESPONSE_BYTES = 2 << 20;
const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_TIMEOUT_MS = 24 * 3600_000;
/** RFC 9110 token characters. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const BAD_HEADER_VALUE = /[\0\r\n]/;
/** A scalar rendered from a template (`${{ 8080 }}` is a number) as the text it stands for. */
function http_scalarText(v) {
    if (typeof v === 'string')
        return v;
    if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean')
        return String(v);
    return undefined;
}
function http_optionalString(config, field) {
    const v = config[field];
    if (v === undefined || v === null)
        return undefined;
    if (typeof v !== 'string')
        (0,errors/* fieldError */.$i)(http_STEP, `config.${field}`, 'must be a string');
    return v;
}
/**
 * A `[{name, value}]` field (headers, queryParams) of the http steps; `check` adds a step's own
 * rules for one entry. A value is never echoed in an error: it may be a token.
 */
function nameValues(step, config, field, check) {
    const v = config[field];
    if (v === undefined || v === null)
        return [];
    if (!Array.isArray(v))
        (0,errors/* fieldError */.$i)(step, `config.${field}`, 'must be a list of {name, value}');
    return v.map((item, i) => {
        const at = `config.${field}[${i}]`;
        if (!(0,guards/* isRecord */.u)(item))
            (0,errors/* fieldError */.$i)(step, at, 'must be a map with name and value');
        (0,engine/* checkFields */.oA)(`${step}: ${at}`, item, ['name', 'value']);
        const name = item['name'];
        if (typeof name !== 'string' || name === '') {
            (0,errors/* fieldError */.$i)(step, `${at}.name`, 'must be a non-empty string');
        }
        const value = http_scalarText(item['value']);
        if (value === undefined || value === '') {
            (0,errors/* fieldError */.$i)(step, `${at}.value`, `must be a non-empty string (${field} ${name})`);
        }
        check?.(name, value, at);
        return { name, value };
    });
}
function compileField(field, v) {
    if (v === undefined || v === null || v === '')
        return undefined;
    const source = typeof v === 'boolean' ? String(v) : v;
    if (typeof source !== 'string') {
        (0,errors/* fieldError */.$i)(http_STEP, field, 'must be an expression (a string, without ${{ }})');
    }
    try {
        return (0,src_expr/* compileExpr */.Pd)(source);
    }
    catch (err) {
        return (0,errors/* fieldError */.$i)(http_STEP, field, (0,errors/* errorMessage */.gJ)(err));
    }
}
function durationMs(field, text) {
    let ns;
    try {
        ns = (0,src_expr/* parseDuration */.E9)(text).ns;
    }
    catch (err) {
        return (0,errors/* fieldError */.$i)(http_STEP, `config.${field}`, (0,errors/* errorMessage */.gJ)(err));
    }
    if (ns <= 0)
        (0,errors/* fieldError */.$i)(http_STEP, `config.${field}`, `must be positive, got ${JSON.stringify(text)}`);
    return Math.max(1, Math.round(ns / 1e6));
}
function requestBody(v, method) {
    if (v === undefined || v === null || v === '')
        return undefined;
    if (method === 'GET' || method === 'HEAD') {
        (0,errors/* fieldError */.$i)(http_STEP, 'config.body', `a ${method} request cannot have a body`);
    }
    if (typeof v === 'string')
        return { bytes: Buffer.from(v, 'utf8'), json: false };
    if (typeof v === 'object')
        return { bytes: Buffer.from(JSON.stringify(v), 'utf8'), json: true };
    const text = http_scalarText(v);
    if (text === undefined)
        (0,errors/* fieldError */.$i)(http_STEP, 'config.body', 'must be a string');
    return { bytes: Buffer.from(text, 'utf8'), json: false };
}
/** Validate the rendered config; throws ConfigError naming the field. */
function parseHttpConfig(config) {
    (0,engine/* checkFields */.oA)(http_STEP, config, http_FIELDS);
    const rawMethod = http_optionalString(config, 'method') ?? 'GET';
    const method = METHODS.find((m) => m === rawMethod.toUpperCase());
    if (!method) {
        (0,errors/* fieldError */.$i)(http_STEP, 'config.method', `must be one of ${METHODS.join(', ')}, got ${JSON.stringify(rawMethod)}`);
    }
    const rawURL = config['url'];
    if (rawURL === undefined || rawURL === null || rawURL === '') {
        (0,errors/* fieldError */.$i)(http_STEP, 'config.url', 'is required');
    }
    let url;
    if (typeof rawURL === 'string') {
        try {
            url = new URL(rawURL);
        }
        catch {
            url = undefined;
        }
    }
    // The URL is not echoed: it may carry a token.
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
        (0,errors/* fieldError */.$i)(http_STEP, 'config.url', 'must be an absolute http(s) URL');
    }
    const headers = nameValues(http_STEP, config, 'headers');
    for (const [i, h] of headers.entries()) {
        if (!HEADER_NAME.test(h.name)) {
            (0,errors/* fieldError */.$i)(http_STEP, `config.headers[${i}].name`, `${JSON.stringify(h.name)} is not a header name`);
        }
        if (BAD_HEADER_VALUE.test(h.value)) {
            (0,errors/* fieldError */.$i)(http_STEP, `config.headers[${i}].value`, `must not contain line breaks or NUL (header ${h.name})`);
        }
    }
    const queryParams = nameValues(http_STEP, config, 'queryParams');
    const proxy = http_optionalString(config, 'proxy');
    if (proxy !== undefined && (!/^https?:\/\/[^/?#]/i.test(proxy) || !URL.canParse(proxy))) {
        (0,errors/* fieldError */.$i)(http_STEP, 'config.proxy', 'must be an http(s) URL, scheme included');
    }
    const timeout = http_optionalString(config, 'timeout');
    const timeoutMs = timeout === undefined ? DEFAULT_TIMEOUT_MS : durationMs('timeout', timeout);
    if (timeoutMs > MAX_TIMEOUT_MS)
        (0,errors/* fieldError */.$i)(http_STEP, 'config.timeout', 'must be at most 24h');
    const pollInterval = http_optionalString(config, 'pollInterval');
    if (pollInterval !== undefined)
        durationMs('pollInterval', pollInterval);
    const responseContentType = http_optionalString(config, 'responseContentType');
    if (responseContentType !== undefined &&
        !CONTENT_TYPES.includes(responseContentType)) {
        (0,errors/* fieldError */.$i)(http_STEP, 'config.responseContentType', `must be one of ${CONTENT_TYPES.join(', ')}, got ${JSON.stringify(responseContentType)}`);
    }
    const rawOutputs = config['outputs'];
    const outputs = [];
    if (rawOutputs !== undefined && rawOutputs !== null) {
        if (!Array.isArray(rawOutputs)) {
            (0,errors/* fieldError */.$i)(http_STEP, 'config.outputs', 'must be a list of {name, fromExpression}');
        }
        for (const [i, item] of rawOutputs.entries()) {
            const at = `config.outputs[${i}]`;
            if (!(0,guards/* isRecord */.u)(item))
                (0,errors/* fieldError */.$i)(http_STEP, at, 'must be a map with name and fromExpression');
            (0,engine/* checkFields */.oA)(`${http_STEP}: ${at}`, item, ['name', 'fromExpression']);
            const name = item['name'];
            if (typeof name !== 'string' || name === '') {
                (0,errors/* fieldError */.$i)(http_STEP, `${at}.name`, 'must be a non-empty string');
            }
            if (outputs.some((o) => o.name === name)) {
                (0,errors/* fieldError */.$i)(http_STEP, `${at}.name`, `${JSON.stringify(name)} is already an output`);
            }
            const expr = compileField(`${at}.fromExpression`, item['fromExpression']);
            if (!expr)
                (0,errors/* fieldError */.$i)(http_STEP, `${at}.fromExpression`, 'is required');
            outputs.push({ name, expr });
        }
    }
    const bodyFromFile = http_optionalString(config, 'bodyFromFile') || undefined;
    if (bodyFromFile !== undefined) {
        const body = config['body'];
        if (body !== undefined && body !== null && body !== '') {
            (0,errors/* fieldError */.$i)(http_STEP, 'config.bodyFromFile', 'give body or bodyFromFile, not both');
        }
        if (method === 'GET' || method === 'HEAD') {
            (0,errors/* fieldError */.$i)(http_STEP, 'config.bodyFromFile', `a ${method} request cannot have a body`);
        }
    }
    return {
        method,
        url,
        headers,
        queryParams,
        body: requestBody(config['body'], method),
        bodyFromFile,
        insecureSkipTLSVerify: (0,engine/* optionalBool */.RO)(http_STEP, config, 'insecureSkipTLSVerify') ?? false,
        proxy,
        timeoutMs,
        pollInterval,
        responseContentType,
        successExpression: compileField('config.successExpression', config['successExpression']),
        failureExpression: compileField('config.failureExpression', config['failureExpression']),
        errorExpression: compileField('config.errorExpression', config['errorExpression']),
        outputs,
    };
}
/** `bodyFromFile`'s bytes: a file inside the checkout, at most MAX_RESPONSE_BYTES (Kargo's cap). */
async function readBodyFile(worktree, rel) {
    const abs = await (0,safe_path/* safePath */.n)(worktree, rel, `${http_STEP}: bodyFromFile`);
    const shown = JSON.stringify((0,safe_path.normalizeRelative)(rel));
    let info;
    try {
        info = await (0,promises_.stat)(abs);
    }
    catch (err) {
        if (err.code === 'ENOENT') {
            (0,errors/* fieldError */.$i)(http_STEP, 'config.bodyFromFile', `${shown}: no such file`);
        }
        throw err;
    }
    if (!info.isFile())
        (0,errors/* fieldError */.$i)(http_STEP, 'config.bodyFromFile', `${shown} is not a file`);
    if (info.size > MAX_RESPONSE_BYTES) {
        (0,errors/* fieldError */.$i)(http_STEP, 'config.bodyFromFile', `${shown} is ${(0,http_body/* formatBytes */.z3)(info.size)}, more than the ${(0,http_body/* formatBytes */.z3)(MAX_RESPONSE_BYTES)} a request body may be`);
    }
    return (0,promises_.readFile)(abs);
}
/** Go's `CanonicalMIMEHeaderKey`: `content-type` → `Content-Type`. */
function canonicalHeader(name) {
    return name
        .split('-')
        .map((p) => (p ? p[0]?.toUpperCase() + p.slice(1).toLowerCase() : p))
        .join('-');
}
function headerMap(headers) {
    const out = {};
    const put = (name, values) => {
        Object.defineProperty(out, canonicalHeader(name), {
            value: values,
            enumerable: true,
            writable: true,
            configurable: true,
        });
    };
    headers.forEach((value, name) => {
        if (name !== 'set-cookie')
            put(name, [value]);
    });
    const cookies = headers.getSetCookie();
    if (cookies.length)
        put('set-cookie', cookies);
    return out;
}
/** The body as the expressions see it (see the module comment). */
function parseResponseBody(text, contentType) {
    if (text === '')
        return {};
    const media = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (media === 'text/plain')
        return text;
    if (YAML_TYPES.has(media)) {
        try {
            return (0,dist.parse)(text);
        }
        catch {
            return text;
        }
    }
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
function formatTimeout(ms) {
    return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
const nameValuesSchema = (description) => ({
    type: 'array',
    description,
    items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'value'],
        properties: { name: nonEmpty('The name.'), value: schema_parts_text('The value.') },
    },
});
const expression = (description) => ({ type: ['string', 'boolean'], description });
const http = {
    name: http_STEP,
    schema: {
        type: 'object',
        description: 'Sends one HTTP(S) request and judges the response with expressions.',
        additionalProperties: false,
        required: ['url'],
        properties: {
            method: { enum: [...METHODS], description: 'The HTTP method; default GET.' },
            url: nonEmpty('The absolute http(s) URL.'),
            headers: nameValuesSchema('Request headers.'),
            queryParams: nameValuesSchema('Query parameters added to the URL.'),
            body: { description: 'The request body: a string, or a value sent as JSON.' },
            bodyFromFile: nonEmpty('A file, relative to the checkout, whose contents are the request body (at most 2 MiB); not with `body`.'),
            insecureSkipTLSVerify: flag("Do not verify the server's certificate."),
            proxy: schema_parts_text('An http(s) proxy URL.'),
            timeout: schema_parts_text('How long one request may take (Go duration, e.g. 30s).'),
            pollInterval: schema_parts_text('With retry.timeout: how long to wait before asking again.'),
            responseContentType: schema_parts_text('How to read the body when the server does not say.'),
            successExpression: expression('An expression over `response`: true means done.'),
            failureExpression: expression('An expression over `response`: true means failed.'),
            errorExpression: expression('An expression over `response`: true means an error to retry.'),
            outputs: {
                type: 'array',
                description: 'Outputs for later steps, each computed from the response.',
                items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['name', 'fromExpression'],
                    properties: {
                        name: nonEmpty('The output name.'),
                        fromExpression: expression('An expression over `response`.'),
                    },
                },
            },
        },
    },
    async run(config, ctx) {
        const cfg = parseHttpConfig(config);
        if (cfg.bodyFromFile !== undefined) {
            cfg.body = { bytes: await readBodyFile(ctx.worktree, cfg.bodyFromFile), json: false };
        }
        const url = new URL(cfg.url);
        for (const q of cfg.queryParams)
            url.searchParams.append(q.name, q.value);
        url.hash = '';
        const redactor = new redact/* Redactor */.p();
        const headers = new Headers();
        if (url.username || url.password) {
            const user = decodeURIComponent(url.username);
            const pass = decodeURIComponent(url.password);
            redactor.addBasicAuth(user, pass);
            if (!cfg.headers.some((h) => h.name.toLowerCase() === 'authorization')) {
                headers.set('Authorization', `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`);
            }
            url.username = '';
            url.password = '';
        }
        for (const h of cfg.headers) {
            redactor.add(h.value);
            headers.append(h.name, h.value);
        }
        for (const v of url.searchParams.values())
            redactor.add(v, encodeURIComponent(v));
        if (!headers.has('user-agent'))
            headers.set('User-Agent', 'gantry');
        if (cfg.body?.json && !headers.has('content-type')) {
            headers.set('Content-Type', 'application/json');
        }
        const what = `${cfg.method} ${(0,http_body/* safeURL */.JK)(url)}`;
        // Text from elsewhere (network errors, the response) is scrubbed of the request's secrets:
        // servers echo tokens back ("invalid token abc…").
        const scrub = (text) => redactor.redact(text);
        // No `cause`: the original error's text is not scrubbed.
        const fail = (message) => new errors/* OperationError */.OK(`${http_STEP}: ${what}: ${message}`);
        // Kargo's default poll interval when the step is asked again (retry.timeout).
        const pollMs = cfg.pollInterval !== undefined ? durationMs('pollInterval', cfg.pollInterval) : 5_000;
        const tls = cfg.insecureSkipTLSVerify ? { rejectUnauthorized: false } : undefined;
        // undici (~1 MB of bundle) is loaded only for a proxy or an unverified TLS connection: every
        // promotion loads this module with the step registry.
        const undici = cfg.proxy || tls ? await __webpack_require__.e(/* import() */ 6752).then(__webpack_require__.t.bind(__webpack_require__, 4371, 19)) : undefined;
        const dispatcher = !undici
            ? undefined
            : cfg.proxy
                ? new undici.ProxyAgent({
                    uri: cfg.proxy,
                    ...(tls && { requestTls: tls, proxyTls: tls }),
                })
                : new undici.Agent({ connect: tls });
        let status;
        let responseHeaders;
        let text;
        try {
            const signal = AbortSignal.timeout(cfg.timeoutMs);
            const init = {
                method: cfg.method,
                headers,
                redirect: 'follow',
                signal,
                ...(cfg.body && { body: cfg.body.bytes }),
                // undici's Agent is the dispatcher Node's own fetch (undici inside) takes.
                ...(dispatcher && { dispatcher: dispatcher }),
            };
            let res;
            try {
                res = await ctx.fetch(url, init);
            }
            catch (err) {
                if ((0,http_body/* isTimeout */.kL)(err)) {
                    throw fail(`no response within ${formatTimeout(cfg.timeoutMs)} (config.timeout)`);
                }
                throw fail(`request failed: ${scrub((0,http_body/* networkReason */.d8)(err))}`);
            }
            status = res.status;
            responseHeaders = res.headers;
            try {
                text =
                    cfg.method === 'HEAD'
                        ? ''
                        : // TextDecoder, not Buffer: it drops a byte-order mark that would break JSON.parse.
                            new TextDecoder('utf-8').decode(await (0,http_body/* readBody */.x8)(res, { url, maxBytes: MAX_RESPONSE_BYTES, what: 'the response' }));
            }
            catch (err) {
                if (err instanceof http_body/* BodyTooLargeError */.Au) {
                    const declared = err.declared !== undefined ? ` (Content-Length ${err.declared})` : '';
                    throw fail(`the HTTP ${status} response body${declared} is larger than the ${(0,http_body/* formatBytes */.z3)(MAX_RESPONSE_BYTES)} the step reads`);
                }
                if ((0,http_body/* isTimeout */.kL)(err)) {
                    throw fail(`the response body did not arrive within ${formatTimeout(cfg.timeoutMs)} (config.timeout)`);
                }
                throw fail(`reading the response failed: ${scrub((0,http_body/* networkReason */.d8)(err))}`);
            }
        }
        finally {
            await dispatcher?.destroy().catch(() => undefined);
        }
        const response = {
            status,
            headers: headerMap(responseHeaders),
            body: parseResponseBody(text, cfg.responseContentType ?? responseHeaders.get('content-type')),
        };
        const env = { response };
        ctx.log(`${http_STEP}: ${what}: HTTP ${status}, ${Buffer.byteLength(text)} bytes`);
        const evaluate = (field, expr) => {
            try {
                return expr.evaluate(env);
            }
            catch (err) {
                throw fail(`HTTP ${status} response: ${field} ${scrub(JSON.stringify(expr.source))}: ${scrub((0,errors/* errorMessage */.gJ)(err))}`);
            }
        };
        const criterion = (field, expr) => {
            if (!expr)
                return undefined;
            const v = evaluate(field, expr);
            if (typeof v !== 'boolean') {
                throw fail(`HTTP ${status} response: ${field} ${scrub(JSON.stringify(expr.source))} must evaluate to true or false, got ${scrub((0,src_expr/* formatValue */.Fl)(v))}`);
            }
            return v;
        };
        // The failure criterion first: when it is met, a success criterion that does not fit the
        // (error-shaped) response does not hide it.
        const failed = criterion('failureExpression', cfg.failureExpression);
        if (failed === true) {
            let detail = '';
            if (cfg.errorExpression) {
                try {
                    const msg = cfg.errorExpression.evaluate(env);
                    if (typeof msg === 'string' && msg !== '')
                        detail = `: ${JSON.stringify(scrub(msg))}`;
                }
                catch {
                    // Kargo's rule: an errorExpression that does not fit the response gives the default.
                }
            }
            throw fail(`HTTP ${status} response met failureExpression${detail}`);
        }
        const succeeded = criterion('successExpression', cfg.successExpression);
        if (succeeded !== true) {
            if (succeeded === undefined && failed === undefined) {
                if (status < 200 || status > 299) {
                    throw new types/* StepPendingError */.U(`${http_STEP}: ${what}: HTTP ${status} response; with no successExpression or failureExpression only a 2xx status succeeds`, pollMs);
                }
            }
            else {
                const rule = succeeded === false
                    ? 'did not meet successExpression'
                    : 'did not meet failureExpression, and there is no successExpression (as in Kargo, a step with only a failureExpression never succeeds)';
                throw new types/* StepPendingError */.U(`${http_STEP}: ${what}: HTTP ${status} response ${rule}`, pollMs);
            }
        }
        const outputs = {};
        for (const o of cfg.outputs) {
            Object.defineProperty(outputs, o.name, {
                value: evaluate(`outputs ${JSON.stringify(o.name)} fromExpression`, o.expr),
                enumerable: true,
                writable: true,
                configurable: true,
            });
        }
        return { outputs };
    },
};

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/promotion/steps/http-download.ts
/**
 * Kargo's `http-download` step: a GET of `url` saved at `outPath` (relative to the checkout;
 * parents created). Kargo's fields: `headers` and `queryParams` (`[{name, value}]`, query values
 * URL-encoded and added to the URL's own), `insecureSkipTLSVerify`, `timeout` (a Go duration for
 * the whole download, 5m by default) and `allowOverwrite` (default false: an existing file fails
 * the step before anything is sent). Redirects are followed; a non-2xx status fails the step (a
 * failure `retry.errorThreshold` may retry, as in Kargo). At most 100 MiB are saved (Kargo's
 * limit): a larger Content-Length fails before the body is read, a body that streams past the
 * limit fails as soon as it does. The body goes to a temporary file beside `outPath`, renamed
 * into place once complete, so a failed download leaves no partial file and an existing one
 * intact. No outputs.
 *
 * Secrets: header values, query values and URL credentials never reach logs or messages (the URL
 * is shown as `https://host/path?token=***`).
 */













const http_download_STEP = 'http-download';
/** Kargo's cap on a download. */
const MAX_DOWNLOAD_BYTES = 100 << 20;
const http_download_DEFAULT_TIMEOUT_MS = 5 * 60_000;
const http_download_MAX_TIMEOUT_MS = 24 * 3600_000;
const http_download_HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const http_download_BAD_HEADER_VALUE = /[\0\r\n]/;
const http_download_FIELDS = [
    'url',
    'outPath',
    'allowOverwrite',
    'headers',
    'queryParams',
    'insecureSkipTLSVerify',
    'timeout',
];
/** Header names and values as HTTP allows them: no request splitting through a template. */
function checkHeader(name, value, at) {
    if (!http_download_HEADER_NAME.test(name)) {
        (0,errors/* fieldError */.$i)(http_download_STEP, `${at}.name`, `${JSON.stringify(name)} is not a header name`);
    }
    if (http_download_BAD_HEADER_VALUE.test(value)) {
        (0,errors/* fieldError */.$i)(http_download_STEP, `${at}.value`, `must not contain line breaks or NUL (header ${name})`);
    }
}
function timeoutMs(config) {
    const v = config['timeout'];
    if (v === undefined || v === null || v === '')
        return http_download_DEFAULT_TIMEOUT_MS;
    if (typeof v !== 'string')
        (0,errors/* fieldError */.$i)(http_download_STEP, 'config.timeout', 'must be a Go duration such as 10m');
    let ns;
    try {
        ns = (0,src_expr/* parseDuration */.E9)(v).ns;
    }
    catch (err) {
        return (0,errors/* fieldError */.$i)(http_download_STEP, 'config.timeout', (0,errors/* errorMessage */.gJ)(err));
    }
    if (ns <= 0)
        (0,errors/* fieldError */.$i)(http_download_STEP, 'config.timeout', `must be positive, got ${JSON.stringify(v)}`);
    const ms = Math.max(1, Math.round(ns / 1e6));
    if (ms > http_download_MAX_TIMEOUT_MS)
        (0,errors/* fieldError */.$i)(http_download_STEP, 'config.timeout', 'must be at most 24h');
    return ms;
}
const http_download_nameValuesSchema = (description) => ({
    type: 'array',
    description,
    items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'value'],
        properties: { name: nonEmpty('The name.'), value: nonEmpty('The value.') },
    },
});
/** The step, with its cap (tests use a small one). */
function makeHttpDownload(maxBytes = MAX_DOWNLOAD_BYTES) {
    return {
        name: http_download_STEP,
        schema: {
            type: 'object',
            description: `Downloads a file over HTTP(S) into the checkout (GET; at most ${(0,http_body/* formatBytes */.z3)(MAX_DOWNLOAD_BYTES)}).`,
            additionalProperties: false,
            required: ['url', 'outPath'],
            properties: {
                url: nonEmpty('The absolute http(s) URL to download.'),
                outPath: nonEmpty('Where to save it, relative to the checkout; parents are created.'),
                allowOverwrite: flag('Replace a file already at `outPath`; default false (then an existing file fails the step).'),
                headers: http_download_nameValuesSchema('Request headers (`Authorization`, `Accept`).'),
                queryParams: http_download_nameValuesSchema('Query parameters added to the URL, URL-encoded.'),
                insecureSkipTLSVerify: flag("Do not verify the server's certificate."),
                timeout: schema_parts_text('How long the whole download may take (Go duration); default 5m.'),
            },
        },
        async run(config, ctx) {
            (0,engine/* checkFields */.oA)(http_download_STEP, config, http_download_FIELDS);
            const rawURL = (0,engine/* requireString */.VW)(http_download_STEP, config, 'url');
            let url;
            try {
                url = new URL(rawURL);
            }
            catch {
                url = undefined;
            }
            // The URL is not echoed: it may carry a token.
            if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
                (0,errors/* fieldError */.$i)(http_download_STEP, 'config.url', 'must be an absolute http(s) URL');
            }
            const outRel = (0,engine/* requireString */.VW)(http_download_STEP, config, 'outPath');
            const headers = nameValues(http_download_STEP, config, 'headers', checkHeader);
            const queryParams = nameValues(http_download_STEP, config, 'queryParams');
            const insecure = (0,engine/* optionalBool */.RO)(http_download_STEP, config, 'insecureSkipTLSVerify') ?? false;
            const allowOverwrite = (0,engine/* optionalBool */.RO)(http_download_STEP, config, 'allowOverwrite') ?? false;
            const ms = timeoutMs(config);
            const outAbs = await writablePath(ctx.worktree, outRel, `${http_download_STEP}: outPath`);
            const shown = (0,safe_path.normalizeRelative)(outRel);
            if (shown === '.')
                (0,errors/* fieldError */.$i)(http_download_STEP, 'config.outPath', 'names the checkout itself, not a file');
            const existing = await (0,promises_.lstat)(outAbs).catch(() => undefined);
            if (existing?.isDirectory()) {
                (0,errors/* fieldError */.$i)(http_download_STEP, 'config.outPath', `${JSON.stringify(shown)} is a directory`);
            }
            if (existing && !allowOverwrite) {
                (0,errors/* fieldError */.$i)(http_download_STEP, 'config.outPath', `${JSON.stringify(shown)} already exists; set allowOverwrite: true to replace it`);
            }
            for (const q of queryParams)
                url.searchParams.append(q.name, q.value);
            url.hash = '';
            const redactor = new redact/* Redactor */.p();
            const requestHeaders = new Headers();
            if (url.username || url.password) {
                const user = decodeURIComponent(url.username);
                const pass = decodeURIComponent(url.password);
                redactor.addBasicAuth(user, pass);
                requestHeaders.set('Authorization', `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`);
                url.username = '';
                url.password = '';
            }
            for (const h of headers) {
                redactor.add(h.value);
                if (h.name.toLowerCase() === 'authorization')
                    requestHeaders.delete('authorization');
                requestHeaders.append(h.name, h.value);
            }
            for (const v of url.searchParams.values())
                redactor.add(v, encodeURIComponent(v));
            if (!requestHeaders.has('user-agent'))
                requestHeaders.set('User-Agent', 'gantry');
            const what = `GET ${(0,http_body/* safeURL */.JK)(url)}`;
            const fail = (message) => new errors/* OperationError */.OK(`${http_download_STEP}: ${what}: ${message}`);
            // undici only for an unverified TLS connection: every promotion loads this module.
            const dispatcher = insecure
                ? new (await __webpack_require__.e(/* import() */ 6752).then(__webpack_require__.t.bind(__webpack_require__, 4371, 19))).Agent({ connect: { rejectUnauthorized: false } })
                : undefined;
            const dir = external_node_path_default().dirname(outAbs);
            const temp = external_node_path_default().join(dir, `.${external_node_path_default().basename(outAbs)}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
            let size = 0;
            let unchanged;
            try {
                const signal = AbortSignal.timeout(ms);
                let res;
                try {
                    res = await ctx.fetch(url, {
                        method: 'GET',
                        headers: requestHeaders,
                        redirect: 'follow',
                        signal,
                        ...(dispatcher && { dispatcher: dispatcher }),
                    });
                }
                catch (err) {
                    if ((0,http_body/* isTimeout */.kL)(err))
                        throw fail(`no response within the timeout (config.timeout)`);
                    throw fail(`request failed: ${redactor.redact((0,http_body/* networkReason */.d8)(err))}`);
                }
                if (res.status < 200 || res.status > 299) {
                    await res.body?.cancel().catch(() => undefined);
                    throw fail(`HTTP ${res.status}; only a 2xx response is saved`);
                }
                await (0,promises_.mkdir)(dir, { recursive: true });
                const file = await (0,promises_.open)(temp, 'wx', 0o600);
                try {
                    for await (const chunk of (0,http_body/* bodyChunks */.BD)(res, { url, maxBytes, what: 'the download' })) {
                        await file.write(chunk);
                        size += chunk.byteLength;
                    }
                }
                catch (err) {
                    if (err instanceof http_body/* BodyTooLargeError */.Au) {
                        const declared = err.declared !== undefined ? ` (Content-Length ${err.declared})` : '';
                        throw fail(`the file${declared} is larger than ${(0,http_body/* formatBytes */.z3)(maxBytes)}, the most the step downloads`);
                    }
                    if ((0,http_body/* isTimeout */.kL)(err))
                        throw fail('the download did not finish within the timeout (config.timeout)');
                    throw fail(`reading the response failed: ${redactor.redact((0,http_body/* networkReason */.d8)(err))}`);
                }
                finally {
                    await file.close();
                }
                // The same bytes again (a re-run, a pinned version): nothing changes, nothing to commit.
                unchanged =
                    existing?.isFile() === true &&
                        existing.size === size &&
                        (await (0,promises_.readFile)(temp)).equals(await (0,promises_.readFile)(outAbs));
                if (!unchanged)
                    await (0,promises_.rename)(temp, outAbs);
            }
            catch (err) {
                if (err instanceof errors/* ConfigError */.xL || err instanceof errors/* OperationError */.OK)
                    throw err;
                throw fail(redactor.redact((0,errors/* errorMessage */.gJ)(err)));
            }
            finally {
                await (0,promises_.rm)(temp, { force: true }).catch(() => undefined);
                await dispatcher?.destroy().catch(() => undefined);
            }
            if (unchanged) {
                ctx.log(`${http_download_STEP}: ${what}: ${shown} already holds these ${(0,http_body/* formatBytes */.z3)(size)}`);
                return { summary: [], changed: [] };
            }
            ctx.log(`${http_download_STEP}: ${what}: saved ${(0,http_body/* formatBytes */.z3)(size)} at ${shown}`);
            return { summary: [`- downloaded ${shown}`], changed: [shown] };
        },
    };
}
const httpDownload = makeHttpDownload();

;// CONCATENATED MODULE: ./src/promotion/steps/yaml-update.ts
/**
 * Kargo's `yaml-update` step: `{path, updates: [{key, value}]}` sets values in a YAML file with
 * format-preserving edits (see ../yaml-edit.ts). gantry adds `document` (0-based) to pick one
 * document of a multi-document file. Output `commitMessage` is Kargo's fragment
 * (`Updated <path>` and a `- key: value` line per update).
 */






/** Read a file a step edits; a missing one is a ConfigError naming the step and the file. */
async function readStepFile(step, abs, rel) {
    try {
        return await (0,promises_.readFile)(abs, 'utf8');
    }
    catch (err) {
        const code = err.code;
        if (code === 'ENOENT')
            throw new errors/* ConfigError */.xL(`${step}: path ${JSON.stringify(rel)}: no such file`);
        if (code === 'EISDIR')
            throw new errors/* ConfigError */.xL(`${step}: path ${JSON.stringify(rel)}: is a directory, not a file`);
        throw err;
    }
}
const show = (v) => (typeof v === 'string' ? v : JSON.stringify(v));
/**
 * `- file: key old → new` lines for the promotion commit and the job summary, one per update that
 * changed its value (`- file: key → new` for a key that did not exist).
 */
function updateSummary(rel, updates, previous) {
    const lines = [];
    for (const u of updates) {
        const old = previous.get(u.key);
        if (old !== undefined && show(old) === show(u.value))
            continue;
        lines.push(old === undefined
            ? `- ${rel}: ${u.key} → ${show(u.value)}`
            : `- ${rel}: ${u.key} ${show(old)} → ${show(u.value)}`);
    }
    return lines;
}
/** Kargo's yaml-update schema, with gantry's `document`, `create` and `allowEmpty`. */
const yaml_update_schema = {
    type: 'object',
    description: 'Sets scalar values in a YAML file by key path, changing only the bytes of each value.',
    additionalProperties: false,
    required: ['path', 'updates'],
    properties: {
        path: nonEmpty('The YAML file, relative to the checkout.'),
        document: {
            type: 'integer',
            minimum: 0,
            description: 'gantry: which document of a multi-document file to edit (0 for the first).',
        },
        updates: {
            type: 'array',
            minItems: 1,
            description: 'The changes, applied in order.',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['key', 'value'],
                properties: {
                    key: nonEmpty('Key path: `image.tag`, `containers.0.image`, `annotations.example\\.com/owner`. It must address a scalar the file has.'),
                    value: { description: 'The new value, usually an expression.' },
                    create: flag('gantry: add the key (and missing parents; append to a list) when the file lacks it. Without it, a missing key fails as `key path not found`.'),
                    allowEmpty: flag('gantry: allow writing null or an empty string over a value the file holds.'),
                },
            },
        },
    },
};
const yamlUpdate = {
    name: 'yaml-update',
    schema: yaml_update_schema,
    async run(config, ctx) {
        (0,engine/* checkFields */.oA)('yaml-update', config, ['path', 'updates', 'document']);
        const path = (0,engine/* requireString */.VW)('yaml-update', config, 'path');
        // gantry's addition to Kargo's config: which document of a multi-document file to edit.
        const document = config['document'];
        if (document !== undefined && !(Number.isInteger(document) && document >= 0)) {
            throw new errors/* ConfigError */.xL(`yaml-update: config.document must be a document index (0 for the first), not ${JSON.stringify(document)}`);
        }
        const updates = (0,engine/* requireUpdates */.E0)('yaml-update', config, ['create', 'allowEmpty']);
        const abs = await (0,safe_path/* safePath */.n)(ctx.worktree, path, 'yaml-update: path');
        const rel = (0,safe_path.normalizeRelative)(path);
        const text = await readStepFile('yaml-update', abs, rel);
        const previous = new Map();
        const out = setYamlValues(text, updates, rel, {
            previous,
            ...(document !== undefined ? { document: document } : {}),
        });
        (0,engine/* refuseEmptyWrites */.AO)('yaml-update', rel, updates, previous, ctx.written);
        const changed = out !== text;
        if (changed)
            await (0,promises_.writeFile)(abs, out);
        return {
            outputs: { commitMessage: yamlUpdateCommitMessage(rel, updates) },
            summary: changed ? updateSummary(rel, updates, previous) : [],
            changed: changed ? [rel] : [],
        };
    },
};

;// CONCATENATED MODULE: ./src/promotion/steps/parse-outputs.ts
/**
 * What `yaml-parse`, `json-parse` and `toml-parse` share: `outputs: [{name,
 * fromExpression}]`, expr-lang expressions evaluated against the parsed document, whose top-level
 * keys are the expressions' names (`image.tag`, `apps["dev"]`; `$env` is the whole document).
 *
 * The expressions are compiled before the file is read, so a typo is a config error naming the
 * output. Beyond Kargo: when the document has no top-level `ctx` key, the expressions also see
 * `ctx` (`ctx.stage`, `ctx.project`), which Kargo's own file-write example relies on
 * (`apps[ctx.stage]`).
 */







/** The schema of `outputs`, `what` naming the file kind ("YAML"). */
const outputsSchema = (what) => ({
    type: 'array',
    minItems: 1,
    description: `Outputs for later steps, each an expression over the parsed ${what} document.`,
    items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'fromExpression'],
        properties: {
            name: nonEmpty('The output name: later steps read `outputs.<alias>.<name>`.'),
            fromExpression: nonEmpty(`An expr-lang expression, without \`\${{ }}\`, whose names are the document's top-level keys (\`image.tag\`).`),
        },
    },
});
/** `config.outputs`, checked and compiled. */
function parseOutputRules(step, config) {
    const raw = config['outputs'];
    if (!Array.isArray(raw) || raw.length === 0) {
        (0,errors/* fieldError */.$i)(step, 'config.outputs', 'is required: a list of at least one {name, fromExpression}');
    }
    const rules = [];
    for (const [i, item] of raw.entries()) {
        const at = `config.outputs[${i}]`;
        if (!(0,guards/* isRecord */.u)(item))
            (0,errors/* fieldError */.$i)(step, at, 'must be a map with name and fromExpression');
        (0,engine/* checkFields */.oA)(`${step}: ${at}`, item, ['name', 'fromExpression']);
        const name = item['name'];
        if (typeof name !== 'string' || name === '') {
            (0,errors/* fieldError */.$i)(step, `${at}.name`, 'must be a non-empty string');
        }
        if (rules.some((r) => r.name === name)) {
            (0,errors/* fieldError */.$i)(step, `${at}.name`, `${JSON.stringify(name)} is already an output`);
        }
        const source = item['fromExpression'];
        if (typeof source !== 'string' || source.trim() === '') {
            (0,errors/* fieldError */.$i)(step, `${at}.fromExpression`, 'must be a non-empty expression');
        }
        try {
            rules.push({ name, expr: (0,src_expr/* compileExpr */.Pd)(source) });
        }
        catch (err) {
            (0,errors/* fieldError */.$i)(step, `${at}.fromExpression`, (0,errors/* errorMessage */.gJ)(err));
        }
    }
    return rules;
}
/** Evaluate the rules against `doc` (parsed from `file`). */
function evaluateOutputRules(step, file, doc, rules, ctx) {
    if (!(0,guards/* isRecord */.u)(doc)) {
        throw new errors/* ConfigError */.xL(`${step}: path ${JSON.stringify(file)}: the document must be a map at the top level, not ${Array.isArray(doc) ? 'a list' : doc === null ? 'empty' : 'a scalar'}`);
    }
    const env = Object.hasOwn(doc, 'ctx')
        ? doc
        : { ...doc, ctx: { stage: ctx.stage, project: ctx.project } };
    const outputs = {};
    rules.forEach((rule, i) => {
        let value;
        try {
            value = rule.expr.evaluate(env);
        }
        catch (err) {
            throw new errors/* ConfigError */.xL(`${step}: config.outputs[${i}].fromExpression ${JSON.stringify(rule.expr.source)} on ${file}: ${(0,errors/* errorMessage */.gJ)(err)}`);
        }
        Object.defineProperty(outputs, rule.name, {
            value,
            enumerable: true,
            writable: true,
            configurable: true,
        });
    });
    return outputs;
}
/**
 * yaml-parse, json-parse and toml-parse: the same step over a different parser. `parse` turns the file's
 * text into the document the output expressions read, with errors naming the file and line.
 */
function parseStep(step, format, parse) {
    return {
        name: step,
        schema: {
            type: 'object',
            description: `Reads a ${format} file and makes outputs from it with expressions.`,
            additionalProperties: false,
            required: ['path', 'outputs'],
            properties: {
                path: nonEmpty(`The ${format} file, relative to the checkout.`),
                outputs: outputsSchema(format),
            },
        },
        async run(config, ctx) {
            (0,engine/* checkFields */.oA)(step, config, ['path', 'outputs']);
            const rel = (0,engine/* requireString */.VW)(step, config, 'path');
            const rules = parseOutputRules(step, config);
            const abs = await (0,safe_path/* safePath */.n)(ctx.worktree, rel, `${step}: path`);
            const shown = (0,safe_path.normalizeRelative)(rel);
            const text = await readStepFile(step, abs, shown);
            const doc = parse(step, shown, text);
            return { outputs: evaluateOutputRules(step, shown, doc, rules, ctx) };
        },
    };
}

;// CONCATENATED MODULE: ./src/promotion/steps/json-parse.ts
/**
 * Kargo's `json-parse` step: reads a JSON file and makes outputs from it, each an expr-lang
 * expression over the document (see parse-outputs.ts).
 */



const json_parse_STEP = 'json-parse';
/** `text` parsed; an error names the file and, when JSON.parse gives a position, line and column. */
function parseJsonFile(step, rel, text) {
    if (text.trim() === '') {
        throw new errors/* ConfigError */.xL(`${step}: path ${JSON.stringify(rel)}: the file is empty`);
    }
    const body = text.replace(/^\uFEFF/, '');
    try {
        // A byte-order mark is not JSON, but editors write one.
        return JSON.parse(body);
    }
    catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const reason = /^(Unexpected [^,"]+?|[^"\n]+?)(?: in JSON at position \d+)?(?:$|[,"\n])/
            .exec(message)?.[1]
            ?.trim();
        let where = rel;
        const pos = /at position (\d+)/.exec(message)?.[1];
        if (pos !== undefined) {
            const lines = body.slice(0, Number(pos)).split('\n');
            where = `${rel}:${lines.length}:${(lines.at(-1)?.length ?? 0) + 1}`;
        }
        else {
            // Node 20 does not always say where; the YAML parser (JSON is YAML 1.2) often does.
            const at = (0,dist.parseDocument)(body, { version: '1.2' }).errors[0]?.linePos?.[0];
            if (at)
                where = `${rel}:${at.line}:${at.col}`;
        }
        throw new errors/* ConfigError */.xL(`${step}: ${where}: not valid JSON: ${reason ?? message}`);
    }
}
const jsonParse = parseStep(json_parse_STEP, 'JSON', parseJsonFile);

;// CONCATENATED MODULE: ./src/promotion/json-edit.ts
/**
 * Format-preserving JSON edits for the `json-update` step.
 *
 * Kargo's `json-update` calls tidwall/sjson `Set` once per update, which splices the text: only the
 * changed value's bytes change. gantry does the same with its own scanner:
 * - keys follow `splitKey` (keypath.ts); on an object a numeric part is the key `String(n)`;
 * - on an array a number indexes it; `-1` or the length appends; past the end pads with `null`
 *   (sjson does);
 * - missing keys are created: a number part makes an array, anything else (including a `:`-forced
 *   number) an object key, as sjson does. A new member goes after the object's last member, on its
 *   own line at the members' indentation when the object is laid out one member a line, else
 *   inline; new nested values are written compactly with the file's `:` spacing;
 * - `null` on the way is replaced by the created structure; any other scalar on the way is an error
 *   (sjson would overwrite it; that loses data, so gantry refuses);
 * - values must be strings, numbers or booleans (Kargo's `isValidScalar`: `value for key "k" is
 *   not a scalar type`), and the key must not address an object or an array: Kargo documents
 *   json-update as updating scalar values only (sjson would replace the whole subtree).
 * The result is parsed again and compared with the intended value (a safety net).
 */




function setJsonValues(text, updates, where, 
/** Filled with the value each key had before the edit (undefined when it did not exist). */
previous) {
    const planned = updates.map((u) => {
        let parts;
        try {
            parts = splitKey(u.key);
        }
        catch (err) {
            if (err instanceof KeyPathError) {
                throw new errors/* ConfigError */.xL(`${where}: json-update: key ${JSON.stringify(u.key)}: ${err.message}`);
            }
            throw err;
        }
        const v = u.value;
        if (!(typeof v === 'string' ||
            typeof v === 'boolean' ||
            (typeof v === 'number' && Number.isFinite(v)))) {
            throw new errors/* ConfigError */.xL(`${where}: json-update: value for key ${JSON.stringify(u.key)} is not a scalar type`);
        }
        return { key: u.key, parts, value: v };
    });
    if (planned.length === 0)
        return text;
    let expected = parseStrict(text, where);
    for (const u of planned)
        previous?.set(u.key, lookupKey(expected, u.parts));
    let out = text;
    for (const u of planned) {
        const root = scan(out, where);
        const edit = json_edit_locate(out, root, u.parts, 0, u.value, where, u.key);
        out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
        expected = setIn(expected, u.parts, u.value);
    }
    let got;
    try {
        got = JSON.parse(out);
    }
    catch {
        got = Symbol('unparseable');
    }
    if (!(0,external_node_util_.isDeepStrictEqual)(got, expected)) {
        throw new errors/* OperationError */.OK(`${where}: json-update: the edited file does not read back as intended; nothing was changed. This is a gantry bug.`);
    }
    return out;
}
/** Kargo's json-update commit message: strings `%q`-quoted, other values `%v`. */
function jsonUpdateCommitMessage(path, updates) {
    if (updates.length === 0)
        return '';
    let msg = `Updated ${path}\n`;
    for (const u of updates) {
        msg += `\n- ${u.key}: ${typeof u.value === 'string' ? goQuote(u.value) : goValue(u.value)}`;
    }
    return msg;
}
// ---------------------------------------------------------------------------------------------
function json_edit_lineCol(text, offset) {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return `${line}:${offset - before.lastIndexOf('\n')}`;
}
function parseStrict(text, where) {
    scan(text, where); // for a positioned message
    return JSON.parse(text);
}
/** A JSON scanner that records where each value starts and ends. */
function scan(text, where) {
    let i = 0;
    const bad = (what) => {
        throw new errors/* ConfigError */.xL(`${where}:${json_edit_lineCol(text, i)}: malformed JSON: ${what}`);
    };
    const ws = () => {
        while (i < text.length && ' \t\r\n'.includes(text[i] ?? 'x'))
            i++;
    };
    const str = () => {
        const start = i;
        i++;
        while (i < text.length && text[i] !== '"')
            i += text[i] === '\\' ? 2 : 1;
        if (i >= text.length)
            bad('unterminated string');
        i++;
        try {
            return JSON.parse(text.slice(start, i));
        }
        catch {
            i = start;
            return bad('invalid string');
        }
    };
    const value = () => {
        ws();
        const start = i;
        const node = {
            kind: 'scalar',
            start,
            end: start,
            members: [],
            items: [],
            isNull: false,
        };
        const c = text[i];
        if (c === '{') {
            node.kind = 'object';
            i++;
            ws();
            if (text[i] === '}')
                i++;
            else {
                for (;;) {
                    ws();
                    if (text[i] !== '"')
                        bad('expected a string key');
                    const keyStart = i;
                    const key = str();
                    ws();
                    if (text[i] !== ':')
                        bad('expected ":"');
                    i++;
                    node.members.push({ key, keyStart, value: value() });
                    ws();
                    if (text[i] === ',')
                        i++;
                    else if (text[i] === '}') {
                        i++;
                        break;
                    }
                    else
                        bad('expected "," or "}"');
                }
            }
        }
        else if (c === '[') {
            node.kind = 'array';
            i++;
            ws();
            if (text[i] === ']')
                i++;
            else {
                for (;;) {
                    node.items.push(value());
                    ws();
                    if (text[i] === ',')
                        i++;
                    else if (text[i] === ']') {
                        i++;
                        break;
                    }
                    else
                        bad('expected "," or "]"');
                }
            }
        }
        else if (c === '"') {
            str();
        }
        else {
            const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
            const token = m?.[0] ?? bad('unexpected character');
            i += token.length;
            node.isNull = token === 'null';
        }
        node.end = i;
        return node;
    };
    const root = value();
    ws();
    if (i < text.length)
        bad('unexpected text after the JSON value');
    return root;
}
function json_edit_locate(text, node, parts, i, value, where, key) {
    const part = parts[i] ?? '';
    const last = i === parts.length - 1;
    const fail = (at, message) => {
        throw new errors/* ConfigError */.xL(`${where}:${json_edit_lineCol(text, at)}: json-update: key ${JSON.stringify(key)}: ${message}`);
    };
    if (node.kind === 'object') {
        const member = node.members.find((m) => m.key === String(part));
        if (!member)
            return insertMember(text, node, String(part), create(parts.slice(i + 1), value));
        if (last) {
            if (member.value.kind !== 'scalar')
                fail(member.value.start, notScalar(member.value));
            return { start: member.value.start, end: member.value.end, text: JSON.stringify(value) };
        }
        return json_edit_locate(text, member.value, parts, i + 1, value, where, key);
    }
    if (node.kind === 'array') {
        const index = indexOf(part);
        if (index === undefined)
            return fail(node.start, `${JSON.stringify(part)} is not an index, and the value there is an array`);
        if (index < -1)
            return fail(node.start, `invalid negative index: ${index}`);
        if (index === -1 || index >= node.items.length) {
            const pad = index === -1 ? 0 : index - node.items.length;
            const added = [
                ...Array(pad).fill('null'),
                compact(text, create(parts.slice(i + 1), value)),
            ];
            const lastItem = node.items[node.items.length - 1];
            // Separate new items the way the array separates its items already.
            const [i0, i1] = node.items;
            const sep = i0 && i1
                ? text.slice(i0.end, i1.start).trimStart()
                : colonSpacing(text) === ': '
                    ? ', '
                    : ',';
            const join = sep.startsWith(',') ? sep : `,${sep}`;
            if (!lastItem)
                return { start: node.start + 1, end: node.start + 1, text: added.join(join) };
            return { start: lastItem.end, end: lastItem.end, text: join + added.join(join) };
        }
        const item = node.items[index];
        if (!item)
            return fail(node.start, `no item ${index}`);
        if (last) {
            if (item.kind !== 'scalar')
                fail(item.start, notScalar(item));
            return { start: item.start, end: item.end, text: JSON.stringify(value) };
        }
        return json_edit_locate(text, item, parts, i + 1, value, where, key);
    }
    if (node.isNull) {
        return { start: node.start, end: node.end, text: compact(text, create(parts.slice(i), value)) };
    }
    return fail(node.start, `cannot set ${JSON.stringify(String(part))}: the value there is a scalar`);
}
/** Kargo documents json-update as updating scalar values only: an object or array stays. */
function notScalar(node) {
    const what = node.kind === 'object'
        ? `an object (keys: ${node.members
            .slice(0, 8)
            .map((m) => m.key)
            .join(', ')})`
        : `an array of ${node.items.length} items`;
    return `the value there is ${what}, not a scalar; json-update updates scalar values only, so address a key inside it`;
}
/** The structure sjson creates for missing parts: numbers make arrays (null-padded), others objects. */
function create(parts, value) {
    let v = value;
    for (let i = parts.length - 1; i >= 0; i--) {
        const p = parts[i] ?? '';
        if (typeof p === 'number') {
            const arr = p > 0 ? new Array(p).fill(null) : [];
            arr.push(v);
            v = arr;
        }
        else
            v = { [p]: v };
    }
    return v;
}
function colonSpacing(text) {
    return /"\s*:\s/.test(text) ? ': ' : ':';
}
function compact(text, v) {
    const sep = colonSpacing(text);
    const r = (x) => {
        if (Array.isArray(x))
            return `[${x.map(r).join(sep === ': ' ? ', ' : ',')}]`;
        if (x !== null && typeof x === 'object') {
            return `{${Object.entries(x)
                .map(([k, y]) => `${JSON.stringify(k)}${sep}${r(y)}`)
                .join(sep === ': ' ? ', ' : ',')}}`;
        }
        return JSON.stringify(x);
    };
    return r(v);
}
function insertMember(text, obj, key, value) {
    const sepMatch = obj.members[0]
        ? /^"(?:[^"\\]|\\.)*"(\s*:\s*)/.exec(text.slice(obj.members[0].keyStart))
        : null;
    const colon = sepMatch?.[1] ?? colonSpacing(text);
    const entry = `${JSON.stringify(key)}${colon}${compact(text, value)}`;
    const lastMember = obj.members[obj.members.length - 1];
    if (!lastMember)
        return { start: obj.start + 1, end: obj.start + 1, text: entry };
    const [first, second] = obj.members;
    if (!first)
        return { start: obj.start + 1, end: obj.start + 1, text: entry };
    const lead = text.slice(obj.start + 1, first.keyStart);
    if (lead.includes('\n')) {
        const eol = lead.includes('\r\n') ? '\r\n' : '\n';
        const indent = lead.slice(lead.lastIndexOf('\n') + 1);
        return {
            start: lastMember.value.end,
            end: lastMember.value.end,
            text: `,${eol}${indent}${entry}`,
        };
    }
    const between = second ? /,(\s*)$/.exec(text.slice(first.value.end, second.keyStart)) : null;
    return {
        start: lastMember.value.end,
        end: lastMember.value.end,
        text: `,${between?.[1] ?? ''}${entry}`,
    };
}
function setIn(root, parts, value) {
    if (parts.length === 0)
        return value;
    const [part, ...rest] = parts;
    if (Array.isArray(root)) {
        const copy = [...root];
        const index = indexOf(part) ?? -1;
        if (index === -1 || index >= copy.length) {
            while (index > copy.length)
                copy.push(null);
            copy.push(setIn(undefined, rest, value));
        }
        else
            copy[index] = setIn(copy[index], rest, value);
        return copy;
    }
    if (root !== null && typeof root === 'object') {
        const obj = root;
        return { ...obj, [String(part)]: setIn(obj[String(part)], rest, value) };
    }
    return create(parts, value);
}

;// CONCATENATED MODULE: ./src/promotion/steps/json-update.ts
/**
 * Kargo's `json-update` step: `{path, updates: [{key, value}]}` sets scalar values in a JSON file
 * with format-preserving edits (see ../json-edit.ts). Output `commitMessage` as Kargo writes it.
 */






/** Kargo's json-update schema (scalar values only), with gantry's `allowEmpty`. */
const json_update_schema = {
    type: 'object',
    description: 'Sets scalar values in a JSON file by key path (sjson syntax), keeping its formatting.',
    additionalProperties: false,
    required: ['path', 'updates'],
    properties: {
        path: nonEmpty('The JSON file, relative to the checkout.'),
        updates: {
            type: 'array',
            minItems: 1,
            description: 'The changes, applied in order.',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['key', 'value'],
                properties: {
                    key: nonEmpty('Key path: `image.tag`, `containers.0.image`. A missing key is created; an object or array is never overwritten.'),
                    value: {
                        type: ['string', 'number', 'boolean'],
                        description: 'The new value: a string, number or boolean.',
                    },
                    allowEmpty: flag('gantry: allow writing an empty string over a value the file holds.'),
                },
            },
        },
    },
};
const jsonUpdate = {
    name: 'json-update',
    schema: json_update_schema,
    async run(config, ctx) {
        (0,engine/* checkFields */.oA)('json-update', config, ['path', 'updates']);
        const path = (0,engine/* requireString */.VW)('json-update', config, 'path');
        const updates = (0,engine/* requireUpdates */.E0)('json-update', config, ['allowEmpty']);
        const abs = await (0,safe_path/* safePath */.n)(ctx.worktree, path, 'json-update: path');
        const rel = (0,safe_path.normalizeRelative)(path);
        const text = await readStepFile('json-update', abs, rel);
        const previous = new Map();
        const out = setJsonValues(text, updates, rel, previous);
        (0,engine/* refuseEmptyWrites */.AO)('json-update', rel, updates, previous, ctx.written);
        const changed = out !== text;
        if (changed)
            await (0,promises_.writeFile)(abs, out);
        return {
            outputs: { commitMessage: jsonUpdateCommitMessage(rel, updates) },
            summary: changed ? updateSummary(rel, updates, previous) : [],
            changed: changed ? [rel] : [],
        };
    },
};

;// CONCATENATED MODULE: ./src/promotion/steps/kustomize-set-image.ts
/**
 * Kargo's `kustomize-set-image` step, without a kustomize binary.
 *
 * Config (Kargo's field names): `{path, images?: [{image, name?, tag?, digest?, useDigest?,
 * newName?, fromOrigin?}]}`. `path` is the directory holding the kustomization file
 * (`kustomization.yaml`, `kustomization.yml` or `Kustomization`; exactly one of them, a regular
 * file, not a symbolic link, as in Kargo). `path` goes through `safePath`.
 *
 * - Explicit images: `digest` wins over `tag`, as in Kargo's code (setting both is a config error
 *   here, as Kargo's JSON schema's `oneOf` makes it). With neither, the version comes from the
 *   freight collection: the image whose `repoURL` is `image` (from the warehouse `fromOrigin`
 *   names, when given), its digest with `useDigest: true`, else its tag. `name` is the image name
 *   in the kustomization (defaults to `image`); `newName` renames it, `"*"` keeps the current one.
 * - Automatic (no `images`, or an empty list): every image of the freight collection, keyed by its
 *   `repoURL`, with `newTag` and `digest` as the freight has them (Kargo sets both when both are
 *   known; kustomize then writes `name:tag@digest`). An image repository that more than one
 *   freight provides is ambiguous: configure `images` (Kargo refuses the same way).
 * - The `images` list is merged as Kargo's `mergeImages` does: an entry for a targeted name is
 *   replaced by the target (`"*"` in `newName`, `newTag` or `digest` keeps the current value), other
 *   entries are kept, and the list is sorted by name.
 *
 * Formatting: Kargo re-encodes the whole file. gantry edits only the `images` list: when its
 * entries stay the same names in the same order (the usual tag bump), only the changed values'
 * bytes change (via `setYamlValues`); otherwise the list's lines are rewritten in place from the
 * YAML document model, which keeps the comments attached to its entries. Everything outside the
 * list stays byte for byte. A missing `images` key is appended at the end of the file; a flow-style
 * or empty `images` value is the one case where the whole file is re-serialised.
 *
 * Outputs: `commitMessage` exactly as Kargo's (`Updated <path> to use new image(s)` and one
 * `- name:tag` / `- name@digest` line per target image, sorted by name).
 */









const kustomize_set_image_STEP = 'kustomize-set-image';
/** kustomize's names for a kustomization file (`konfig.RecognizedKustomizationFileNames`). */
const KUSTOMIZATION_FILE_NAMES = [
    'kustomization.yaml',
    'kustomization.yml',
    'Kustomization',
];
/** Kargo's `preserveSeparator`: a target value of `*` keeps the current one. */
const PRESERVE = '*';
/** Field order kustomize writes (and gantry uses for new entries). */
const IMAGE_FIELDS = ['name', 'newName', 'newTag', 'digest', 'tagSuffix'];
const kustomizeSetImage = {
    name: kustomize_set_image_STEP,
    schema: {
        type: 'object',
        description: "Sets images in a kustomization's `images`, without a kustomize binary.",
        additionalProperties: false,
        required: ['path'],
        properties: {
            path: nonEmpty('The directory of the kustomization, relative to the checkout.'),
            images: {
                type: 'array',
                description: 'The images to set; none: every image of the freight.',
                items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['image'],
                    properties: {
                        image: nonEmpty('The image repository, as the freight has it.'),
                        name: schema_parts_text('The name the kustomization matches; default: `image`.'),
                        tag: schema_parts_text('The tag to set; default: the tag in the freight.'),
                        digest: schema_parts_text('The digest to set (instead of a tag).'),
                        useDigest: flag("Set the freight's digest instead of its tag."),
                        newName: schema_parts_text('A new image name to set.'),
                        fromOrigin: originSchema("Which warehouse's freight provides the image."),
                    },
                },
            },
        },
    },
    async run(config, ctx) {
        const cfg = parseKustomizeSetImageConfig(config);
        const dir = await (0,safe_path/* safePath */.n)(ctx.worktree, cfg.path, `${kustomize_set_image_STEP}: path`);
        const file = await findKustomization(dir, cfg.path);
        const relFile = external_node_path_.posix.join((0,safe_path.normalizeRelative)(cfg.path), file.slice(dir.length + 1));
        const targets = cfg.images && cfg.images.length > 0
            ? buildTargetImagesFromConfig(cfg.images, ctx.freightCollection)
            : buildTargetImagesAutomatically(ctx.freightCollection);
        const text = await (0,promises_.readFile)(file, 'utf8');
        const { text: out, before, after } = updateKustomization(text, targets, relFile);
        const result = {};
        const message = kustomizeCommitMessage(cfg.path, targets);
        if (message)
            result.outputs = { commitMessage: message };
        if (out !== text) {
            await (0,promises_.writeFile)(file, out);
            result.changed = [relFile];
            result.summary = summaryLines(relFile, before, after);
        }
        else {
            ctx.log(`${kustomize_set_image_STEP}: ${relFile} already uses these images`);
        }
        return result;
    },
};
// ---------------------------------------------------------------------------------------------
// Config
function parseKustomizeSetImageConfig(config) {
    onlyKeys(kustomize_set_image_STEP, config, ['path', 'images'], '');
    const path = requireField(kustomize_set_image_STEP, config.path, 'path');
    if (config.images === undefined || config.images === null)
        return { path };
    if (!Array.isArray(config.images))
        (0,errors/* fieldError */.$i)(kustomize_set_image_STEP, 'images', 'must be a list');
    const images = config.images.map((raw, i) => parseImageConfig(raw, `images[${i}]`));
    return { path, images };
}
function parseImageConfig(raw, field) {
    if (!(0,guards/* isRecord */.u)(raw))
        (0,errors/* fieldError */.$i)(kustomize_set_image_STEP, field, 'must be a mapping');
    onlyKeys(kustomize_set_image_STEP, raw, ['image', 'name', 'tag', 'digest', 'useDigest', 'newName', 'fromOrigin'], `${field}.`);
    const out = {
        image: requireField(kustomize_set_image_STEP, raw.image, `${field}.image`),
    };
    for (const k of ['name', 'tag', 'digest', 'newName']) {
        const v = raw[k];
        if (v === undefined || v === null || v === '')
            continue;
        if (typeof v !== 'string')
            (0,errors/* fieldError */.$i)(kustomize_set_image_STEP, `${field}.${k}`, 'must be a string');
        out[k] = v;
    }
    if (out.tag !== undefined && out.digest !== undefined) {
        (0,errors/* fieldError */.$i)(kustomize_set_image_STEP, field, 'set either tag or digest, not both');
    }
    if (raw.useDigest !== undefined && raw.useDigest !== null) {
        if (typeof raw.useDigest !== 'boolean')
            (0,errors/* fieldError */.$i)(kustomize_set_image_STEP, `${field}.useDigest`, 'must be true or false');
        out.useDigest = raw.useDigest;
    }
    if (raw.fromOrigin !== undefined && raw.fromOrigin !== null) {
        out.fromOrigin = parseOrigin(raw.fromOrigin, `${field}.fromOrigin`);
    }
    return out;
}
function parseOrigin(raw, field) {
    if (!(0,guards/* isRecord */.u)(raw))
        (0,errors/* fieldError */.$i)(kustomize_set_image_STEP, field, 'must be a mapping with kind and name');
    onlyKeys(kustomize_set_image_STEP, raw, ['kind', 'name'], `${field}.`);
    if (raw.kind !== 'Warehouse')
        (0,errors/* fieldError */.$i)(kustomize_set_image_STEP, `${field}.kind`, 'must be Warehouse');
    return { kind: 'Warehouse', name: requireField(kustomize_set_image_STEP, raw.name, `${field}.name`) };
}
// ---------------------------------------------------------------------------------------------
// Target images
/** Kargo's `buildTargetImagesFromConfig`, with the freight look-up of `image` when neither tag
 * nor digest is given. Keys are the kustomization image names. */
function buildTargetImagesFromConfig(images, freightCollection = []) {
    const targets = new Map();
    images.forEach((img, i) => {
        const target = { name: img.name ?? img.image };
        if (img.newName)
            target.newName = img.newName;
        if (img.digest) {
            target.digest = img.digest;
        }
        else if (img.tag) {
            target.newTag = img.tag;
        }
        else {
            const found = findFreightImage(freightCollection, img.image, img.fromOrigin, `images[${i}]`);
            if (img.useDigest) {
                if (!found.digest) {
                    (0,errors/* fieldError */.$i)(kustomize_set_image_STEP, `images[${i}].useDigest`, `the freight's image ${img.image} has no digest`);
                }
                target.digest = found.digest;
            }
            else {
                if (!found.tag)
                    (0,errors/* fieldError */.$i)(kustomize_set_image_STEP, `images[${i}]`, `the freight's image ${img.image} has no tag`);
                target.newTag = found.tag;
            }
        }
        targets.set(target.name, target);
    });
    return targets;
}
/** Kargo's `buildTargetImagesAutomatically`: every image of the freight collection. */
function buildTargetImagesAutomatically(freightCollection) {
    const providers = new Map();
    const targets = new Map();
    for (const freight of freightCollection) {
        for (const img of freight.images) {
            const seen = providers.get(img.repoURL) ?? [];
            seen.push(`${freight.origin.kind}/${freight.origin.name}`);
            providers.set(img.repoURL, seen);
            const target = { name: img.repoURL };
            if (img.tag)
                target.newTag = img.tag;
            if (img.digest)
                target.digest = img.digest;
            targets.set(img.repoURL, target);
        }
    }
    for (const [repoURL, origins] of providers) {
        if (origins.length > 1) {
            throw new errors/* ConfigError */.xL(`${kustomize_set_image_STEP}: manual configuration required due to ambiguous result: image ${repoURL} comes from ${origins.join(', ')}; list it under images with fromOrigin`);
        }
    }
    return targets;
}
function findFreightImage(collection, repoURL, origin, field) {
    const hits = [];
    for (const freight of collection) {
        if (origin && (freight.origin.kind !== origin.kind || freight.origin.name !== origin.name)) {
            continue;
        }
        for (const image of freight.images) {
            if (image.repoURL === repoURL) {
                hits.push({ image, origin: `${freight.origin.kind}/${freight.origin.name}` });
            }
        }
    }
    const from = origin ? ` from ${origin.kind}/${origin.name}` : '';
    const [first, ...rest] = hits;
    if (!first) {
        (0,errors/* fieldError */.$i)(kustomize_set_image_STEP, field, `no freight${from} in the stage's freight collection has image ${repoURL}`);
    }
    if (rest.length > 0) {
        (0,errors/* fieldError */.$i)(kustomize_set_image_STEP, field, `image ${repoURL} is ambiguous: it comes from ${hits.map((h) => h.origin).join(', ')}; set fromOrigin, tag or digest`);
    }
    return first.image;
}
// ---------------------------------------------------------------------------------------------
// Merging (Kargo's mergeImages)
/** Kargo's `mergeImages`: targets replace entries of the same name (`*` keeps a current value),
 * other entries stay, `*` left over becomes empty, and the result is sorted by name. */
function mergeImages(current, targets) {
    const merged = new Map();
    for (const [k, v] of targets)
        merged.set(k, { ...v });
    for (const img of current) {
        const target = merged.get(img.name);
        if (target) {
            for (const field of ['newName', 'newTag', 'digest']) {
                if (target[field] === PRESERVE)
                    setField(target, field, img[field]);
            }
            continue;
        }
        merged.set(img.name, { ...img });
    }
    const out = [...merged.values()].map((v) => {
        for (const field of ['newName', 'newTag', 'digest']) {
            if (v[field] === PRESERVE)
                setField(v, field, undefined);
        }
        return v;
    });
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
function setField(img, field, value) {
    if (value) {
        img[field] = value;
        return;
    }
    if (field === 'newName')
        delete img.newName;
    else if (field === 'newTag')
        delete img.newTag;
    else
        delete img.digest;
}
// ---------------------------------------------------------------------------------------------
// Commit message
/** Kargo's `generateCommitMessage`: one line per target, sorted by its key. Empty for no targets. */
function kustomizeCommitMessage(path, targets) {
    if (targets.size === 0)
        return '';
    let msg = `Updated ${path} to use new image${targets.size > 1 ? 's' : ''}\n`;
    const keys = [...targets.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const key of keys) {
        const img = targets.get(key);
        if (img)
            msg += `\n- ${imageRef(img)}`;
    }
    return msg;
}
/** `newName:tag@digest`, each part when set (Kargo's commit-message reference). */
function imageRef(img) {
    let ref = img.newName || img.name;
    if (img.newTag)
        ref += `:${img.newTag}`;
    if (img.digest)
        ref += `@${img.digest}`;
    return ref;
}
function summaryLines(file, before, after) {
    const old = new Map(before.map((i) => [i.name, i]));
    const lines = [];
    for (const img of after) {
        const prev = old.get(img.name);
        if (prev && sameImage(prev, img))
            continue;
        const ref = imageRef(img);
        lines.push(prev
            ? `- ${file}: ${img.name} ${imageRef(prev)} → ${ref}`
            : `- ${file}: ${img.name} → ${ref}`);
    }
    return lines;
}
// ---------------------------------------------------------------------------------------------
// The kustomization file
async function findKustomization(dir, path) {
    const found = [];
    for (const name of KUSTOMIZATION_FILE_NAMES) {
        const p = (0,external_node_path_.join)(dir, name);
        try {
            if ((await (0,promises_.lstat)(p)).isFile())
                found.push(p);
        }
        catch {
            // not there
        }
    }
    const [only, ...more] = found;
    if (!only) {
        throw new errors/* ConfigError */.xL(`${kustomize_set_image_STEP}: could not discover kustomization file: could not find any Kustomization files in "${path}"`);
    }
    if (more.length > 0) {
        throw new errors/* ConfigError */.xL(`${kustomize_set_image_STEP}: could not discover kustomization file: ambiguous result: found multiple Kustomization files in "${path}": ${found.map((f) => f.slice(dir.length + 1)).join(', ')}`);
    }
    return only;
}
/**
 * Merges `targets` into the `images` of a kustomization's text, changing as few bytes as it can
 * (see the module comment). `where` names the file in errors.
 */
function updateKustomization(text, targets, where) {
    const doc = (0,dist.parseDocument)(text);
    if (doc.errors.length > 0) {
        throw new errors/* ConfigError */.xL(`${kustomize_set_image_STEP}: ${where}: not valid YAML: ${doc.errors[0]?.message ?? ''}`);
    }
    const root = doc.contents;
    if (root !== null && !(0,dist.isMap)(root)) {
        throw new errors/* ConfigError */.xL(`${kustomize_set_image_STEP}: ${where}: a kustomization must be a mapping`);
    }
    const pair = root?.items.find((p) => (0,dist.isScalar)(p.key) && p.key.value === 'images');
    const node = pair?.value;
    const current = readImages(node, where);
    const merged = mergeImages(current, targets);
    if ((0,external_node_util_.isDeepStrictEqual)(current, merged))
        return { text, before: current, after: merged };
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    let out;
    if ((0,dist.isSeq)(node) && !node.flow && node.items.length > 0 && node.range) {
        out =
            sameNames(current, merged) && noRemovals(current, merged)
                ? scalarEdits(text, current, merged, where)
                : rewriteBlock(text, node, merged, eol);
    }
    else if (!pair) {
        const lines = renderItems(merged.map((m) => newItem(m)), 0);
        const base = text === '' || text.endsWith('\n') ? text : text + eol;
        out = `${base}images:${eol}${lines.join(eol)}${eol}`;
    }
    else {
        // `images:` with an empty, null or flow-style value: re-serialise the document.
        const seq = new dist.YAMLSeq();
        seq.items = merged.map((m) => newItem(m));
        doc.set('images', seq);
        out = doc.toString({ indentSeq: false, lineWidth: 0 });
        if (eol === '\r\n')
            out = out.replace(/\r?\n/g, '\r\n');
    }
    const check = (0,dist.parseDocument)(out);
    const got = readImages((0,dist.isMap)(check.contents) ? check.contents.get('images', true) : undefined, where);
    const rest = (t) => {
        const js = ((0,dist.parseDocument)(t).toJS() ?? {});
        delete js.images;
        return js;
    };
    if (!(0,external_node_util_.isDeepStrictEqual)(got, merged) || !(0,external_node_util_.isDeepStrictEqual)(rest(out), rest(text))) {
        throw new errors/* OperationError */.OK(`${kustomize_set_image_STEP}: ${where}: the edited file does not read back as intended; nothing was changed. This is a gantry bug: please report it with the file.`);
    }
    return { text: out, before: current, after: merged };
}
function readImages(node, where) {
    if (node === undefined || node === null)
        return [];
    if ((0,dist.isScalar)(node) && (node.value === null || node.value === ''))
        return [];
    if (!(0,dist.isSeq)(node))
        throw new errors/* ConfigError */.xL(`${kustomize_set_image_STEP}: ${where}: images must be a list`);
    return node.items.map((item, i) => {
        if (!(0,dist.isMap)(item))
            throw new errors/* ConfigError */.xL(`${kustomize_set_image_STEP}: ${where}: images[${i}] must be a mapping`);
        const img = {};
        for (const field of IMAGE_FIELDS) {
            const v = item.get(field, true);
            if (v === undefined || v === null)
                continue;
            if (!(0,dist.isScalar)(v)) {
                throw new errors/* ConfigError */.xL(`${kustomize_set_image_STEP}: ${where}: images[${i}].${field} must be a string`);
            }
            const s = kustomize_set_image_scalarText(v);
            if (s !== '')
                img[field] = s;
        }
        if (!img.name)
            throw new errors/* ConfigError */.xL(`${kustomize_set_image_STEP}: ${where}: images[${i}] has no name`);
        return img;
    });
}
/** A scalar as kustomize (Go, decoding into a string) reads it: `1.10` stays `1.10`. */
function kustomize_set_image_scalarText(s) {
    if (s.value === null)
        return '';
    if (typeof s.value === 'string')
        return s.value;
    return typeof s.source === 'string' ? s.source : String(s.value);
}
function sameImage(a, b) {
    return IMAGE_FIELDS.every((f) => (a[f] ?? '') === (b[f] ?? ''));
}
function sameNames(a, b) {
    return a.length === b.length && a.every((img, i) => img.name === b[i]?.name);
}
function noRemovals(a, b) {
    return a.every((img, i) => IMAGE_FIELDS.every((f) => img[f] === undefined || b[i]?.[f]));
}
/** Same entries in the same order: change only the values (and add missing keys). */
function scalarEdits(text, current, merged, where) {
    const updates = [];
    merged.forEach((img, i) => {
        for (const field of IMAGE_FIELDS) {
            const v = img[field];
            if (v !== undefined && v !== current[i]?.[field]) {
                updates.push({ key: `images.${i}.${field}`, value: v, create: true });
            }
        }
    });
    return setYamlValues(text, updates, where);
}
/** Replace the lines of a block `images` list with the merged list, keeping entries' comments. */
function rewriteBlock(text, seq, merged, eol) {
    const range = seq.range;
    if (!range)
        return text;
    const byName = new Map();
    for (const item of seq.items) {
        if ((0,dist.isMap)(item)) {
            const name = item.get('name', true);
            if ((0,dist.isScalar)(name))
                byName.set(kustomize_set_image_scalarText(name), item);
        }
    }
    const last = seq.items[seq.items.length - 1];
    const lastEnd = last?.range?.[1] ?? range[1];
    // Comments after the last entry stay where they are, whichever entry ends up last.
    if (last)
        delete last.comment;
    const start = text.lastIndexOf('\n', range[0] - 1) + 1;
    const indent = range[0] - start;
    const items = merged.map((m) => {
        const node = byName.get(m.name);
        if (!node)
            return newItem(m);
        for (const field of IMAGE_FIELDS) {
            const v = m[field];
            if (v === undefined) {
                node.delete(field);
                continue;
            }
            const prev = node.get(field, true);
            if ((0,dist.isScalar)(prev) && kustomize_set_image_scalarText(prev) === v)
                continue;
            node.set(field, stringScalar(v));
        }
        return node;
    });
    const lines = renderItems(items, indent);
    // The old block runs to the end of the last entry's line (its range ends past the line break,
    // or at the end of the text).
    let end = lastEnd;
    if (end > 0 && text[end - 1] !== '\n') {
        const nl = text.indexOf('\n', end);
        end = nl === -1 ? text.length : nl + 1;
    }
    const body = lines.join(eol) + (text[end - 1] === '\n' ? eol : '');
    return text.slice(0, start) + body + text.slice(end);
}
function newItem(img) {
    const map = new dist.YAMLMap();
    for (const field of IMAGE_FIELDS) {
        const v = img[field];
        if (v !== undefined)
            map.set(stringScalar(field), stringScalar(v));
    }
    return map;
}
/** A string scalar that reads back as that string in YAML 1.1 and 1.2 (kustomize reads 1.1). */
function stringScalar(value) {
    const s = new dist.Scalar(value);
    if (!plainSafe(value, false))
        s.type = dist.Scalar.QUOTE_DOUBLE;
    return s;
}
function renderItems(items, indent) {
    const seq = new dist.YAMLSeq();
    seq.items = [...items];
    const doc = new dist.Document(seq);
    const pad = ' '.repeat(indent);
    return doc
        .toString({ indentSeq: false, lineWidth: 0 })
        .replace(/\n$/, '')
        .split('\n')
        .map((line) => (line === '' ? line : pad + line));
}
// ---------------------------------------------------------------------------------------------
// Helpers

;// CONCATENATED MODULE: ./src/promotion/steps/kustomize-build.ts
/**
 * Kargo's `kustomize-build` step: `{path, outPath, outputFormat?, plugin?: {helm?: {apiVersions?,
 * kubeVersion?}}}` renders the kustomization at `path` with a real renderer, the `kustomize`
 * binary when PATH has one, else `kubectl kustomize`, with the options Kargo's builder uses:
 * `--load-restrictor LoadRestrictionsNone --enable-helm`, plus `--helm-api-versions` and
 * `--helm-kube-version` when `plugin.helm` gives them (no alpha, exec or function plugins).
 *
 * Kargo runs kustomize on a filesystem rooted at its work directory, so with the load restrictor
 * off a kustomization still cannot read outside it. A real binary can, so before it runs every
 * local file a kustomization names (resources, components, bases, patches, generators' files and
 * envs, replacements, helm values files, …) is checked with safePath, following the kustomization
 * directories it names: an absolute path, a `..` that climbs out of the checkout or a link that
 * leads outside it fails the step, naming the kustomization file and the field.
 *
 * Output: `outPath` ending in .yaml/.yml is one multi-document file (kustomize's stdout);
 * otherwise a directory with one file per resource, named as Kargo names them for `outputFormat`
 * (`kargo`: `[<namespace>-]<kind>-<name>.yaml`; `kustomize`: kustomize's own `-o dir/` names,
 * `<group>_<version>_<kind>_<name>.yaml`, with `<namespace>_` in front when the build spans
 * several namespaces). Files in the directory that the build does not produce are left alone,
 * as in Kargo (run git-clear first for a fully rendered branch).
 */










const kustomize_build_STEP = 'kustomize-build';
const kustomize_build_schema = {
    type: 'object',
    description: 'Renders a kustomization with kustomize (or kubectl kustomize) into one file or one file per resource.',
    additionalProperties: false,
    required: ['path', 'outPath'],
    properties: {
        path: nonEmpty('The directory holding the kustomization file, relative to the checkout.'),
        outPath: nonEmpty('Where to write: a path ending in .yaml or .yml is one multi-document file; anything else a directory with one file per resource.'),
        outputFormat: {
            enum: ['kargo', 'kustomize'],
            description: 'File names in a directory outPath: `kargo` (default), `[<namespace>-]<kind>-<name>.yaml`; `kustomize`, `<group>_<version>_<kind>_<name>.yaml` as `kustomize build -o dir/` names them.',
        },
        plugin: {
            type: 'object',
            description: "Options of kustomize's Helm chart inflator (`helmCharts:`).",
            additionalProperties: false,
            properties: {
                helm: {
                    type: 'object',
                    description: 'Passed as --helm-api-versions and --helm-kube-version.',
                    additionalProperties: false,
                    properties: {
                        apiVersions: {
                            type: 'array',
                            items: nonEmpty('An API version, `monitoring.coreos.com/v1`.'),
                            description: 'API versions the charts see as available (`.Capabilities`).',
                        },
                        kubeVersion: nonEmpty('The Kubernetes version the charts see, `1.30.0`.'),
                    },
                },
            },
        },
    },
};
/** Kinds kustomize does not put in a namespace (its built-in schema's cluster-scoped kinds). */
const CLUSTER_SCOPED = new Set([
    'APIService',
    'CertificateSigningRequest',
    'ClusterRole',
    'ClusterRoleBinding',
    'ComponentStatus',
    'CSIDriver',
    'CSINode',
    'CustomResourceDefinition',
    'FlowSchema',
    'IngressClass',
    'MutatingWebhookConfiguration',
    'Namespace',
    'Node',
    'PersistentVolume',
    'PodSecurityPolicy',
    'PriorityClass',
    'PriorityLevelConfiguration',
    'RuntimeClass',
    'SelfSubjectAccessReview',
    'SelfSubjectRulesReview',
    'StorageClass',
    'SubjectAccessReview',
    'TokenReview',
    'ValidatingAdmissionPolicy',
    'ValidatingAdmissionPolicyBinding',
    'ValidatingWebhookConfiguration',
    'VolumeAttachment',
]);
/** Kargo's name for a resource: `<namespace>-<kind>-<name>.yaml`, namespace only when set. */
function kargoFileName(doc) {
    const parts = doc.namespace ? [doc.namespace, doc.kind, doc.name] : [doc.kind, doc.name];
    return `${parts.join('-')}.yaml`.toLowerCase();
}
/** kustomize's `-o dir/` names: group, version and kind without empty parts, then the name. */
function kustomizeFileNames(docs) {
    const namespaced = (d) => !CLUSTER_SCOPED.has(d.kind);
    const namespaces = new Set(docs.filter(namespaced).map((d) => d.namespace || 'default'));
    return docs.map((d) => {
        const slash = d.apiVersion.lastIndexOf('/');
        const group = slash >= 0 ? d.apiVersion.slice(0, slash) : '';
        const version = slash >= 0 ? d.apiVersion.slice(slash + 1) : d.apiVersion;
        const gvk = [group, version, d.kind].filter((p) => p !== '').join('_');
        const base = `${gvk}_${d.name}.yaml`.toLowerCase();
        return namespaces.size > 1 && namespaced(d)
            ? `${(d.namespace || 'default').toLowerCase()}_${base}`
            : base;
    });
}
/**
 * A reference kustomize fetches rather than reads from disk (a git or HTTP URL); those are not
 * paths in the checkout.
 */
function isRemote(ref) {
    return (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref) ||
        /^git@/.test(ref) ||
        /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(ref));
}
/** The file in `dir` kustomize would read, or undefined. */
async function kustomizationFile(dir) {
    for (const name of KUSTOMIZATION_FILE_NAMES) {
        const st = await (0,promises_.stat)(external_node_path_default().join(dir, name)).catch(() => undefined);
        if (st?.isFile())
            return name;
    }
    return undefined;
}
const strings = (v) => Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];
/** `[field, reference]` for every local file or directory a kustomization names. */
function references(k) {
    const refs = [];
    const add = (field, v) => {
        if (typeof v === 'string' && v !== '')
            refs.push([field, v]);
    };
    for (const field of [
        'resources',
        'components',
        'bases',
        'crds',
        'configurations',
        'generators',
        'transformers',
        'validators',
    ]) {
        for (const v of strings(k[field]))
            add(field, v);
    }
    // A strategic-merge patch may be inline YAML rather than a file name.
    for (const v of strings(k['patchesStrategicMerge']))
        if (!v.includes('\n'))
            add('patches', v);
    for (const field of ['patches', 'patchesJson6902', 'replacements']) {
        const list = k[field];
        if (Array.isArray(list))
            for (const p of list)
                if ((0,guards/* isRecord */.u)(p))
                    add(field, p['path']);
    }
    for (const field of ['configMapGenerator', 'secretGenerator']) {
        const list = k[field];
        if (!Array.isArray(list))
            continue;
        for (const g of list) {
            if (!(0,guards/* isRecord */.u)(g))
                continue;
            // `files` entries may be `key=path`.
            for (const f of strings(g['files']))
                add(field, f.includes('=') ? f.slice(f.indexOf('=') + 1) : f);
            for (const e of strings(g['envs']))
                add(field, e);
            add(field, g['env']);
        }
    }
    const charts = k['helmCharts'];
    if (Array.isArray(charts)) {
        for (const c of charts) {
            if (!(0,guards/* isRecord */.u)(c))
                continue;
            add('helmCharts', c['valuesFile']);
            for (const v of strings(c['additionalValuesFiles']))
                add('helmCharts', v);
        }
    }
    const globals = k['helmGlobals'];
    if ((0,guards/* isRecord */.u)(globals)) {
        add('helmGlobals', globals['chartHome']);
        add('helmGlobals', globals['configHome']);
    }
    const openapi = k['openapi'];
    if ((0,guards/* isRecord */.u)(openapi))
        add('openapi', openapi['path']);
    return refs;
}
/**
 * Checks every local reference of the kustomization in `dirRel` (and of the kustomizations it
 * names) stays inside the checkout; see the module comment.
 */
async function checkKustomization(worktree, dirRel, seen) {
    if (seen.has(dirRel))
        return;
    seen.add(dirRel);
    const dirAbs = await (0,safe_path/* safePath */.n)(worktree, dirRel, `${kustomize_build_STEP}: path`);
    const name = await kustomizationFile(dirAbs);
    if (!name)
        return;
    const fileRel = dirRel === '.' ? name : `${dirRel}/${name}`;
    const doc = (0,dist.parseDocument)(await (0,promises_.readFile)(external_node_path_default().join(dirAbs, name), 'utf8'));
    // kustomize reports a malformed file itself, with its own words.
    if (doc.errors.length > 0)
        return;
    const k = doc.toJS();
    if (!(0,guards/* isRecord */.u)(k))
        return;
    for (const [field, ref] of references(k)) {
        if (isRemote(ref))
            continue;
        if (external_node_path_default().isAbsolute(ref)) {
            throw new errors/* ConfigError */.xL(`${kustomize_build_STEP}: ${fileRel}: ${field}: ${JSON.stringify(ref)} is an absolute path; the build may read only files inside the checkout`);
        }
        const rel = (0,safe_path.normalizeRelative)(external_node_path_default().posix.join(dirRel, ref.replace(/\\/g, '/')));
        if (rel === '..' || rel.startsWith('../')) {
            throw new errors/* ConfigError */.xL(`${kustomize_build_STEP}: ${fileRel}: ${field}: ${JSON.stringify(ref)} leads outside the checkout`);
        }
        const abs = await (0,safe_path/* safePath */.n)(worktree, rel, `${kustomize_build_STEP}: ${fileRel}: ${field}`);
        const st = await (0,promises_.stat)(abs).catch(() => undefined);
        if (st?.isDirectory())
            await checkKustomization(worktree, rel, seen);
    }
}
/** `kustomize build …`, or `kubectl kustomize …` when there is no kustomize binary. */
async function render(pathAbs, flags, ctx) {
    try {
        const result = await runProgram('kustomize', ['build', ...flags, pathAbs], ctx.worktree, ctx.env);
        return { label: 'kustomize', result };
    }
    catch (err) {
        if (!(err instanceof MissingBinaryError))
            throw err;
    }
    try {
        const result = await runProgram('kubectl', ['kustomize', ...flags, pathAbs], ctx.worktree, ctx.env);
        return { label: 'kubectl kustomize', result };
    }
    catch (err) {
        if (err instanceof MissingBinaryError) {
            throw new errors/* ConfigError */.xL(`${kustomize_build_STEP}: neither kustomize nor kubectl is on PATH; install kustomize (https://kubectl.docs.kubernetes.io/installation/kustomize/) or kubectl, which has kustomize built in`);
        }
        throw err;
    }
}
const kustomizeBuild = {
    name: kustomize_build_STEP,
    schema: kustomize_build_schema,
    async run(config, ctx) {
        (0,engine/* checkFields */.oA)(kustomize_build_STEP, config, ['path', 'outPath', 'outputFormat', 'plugin']);
        const pathRel = (0,safe_path.normalizeRelative)((0,engine/* requireString */.VW)(kustomize_build_STEP, config, 'path'));
        const outRel = (0,safe_path.normalizeRelative)((0,engine/* requireString */.VW)(kustomize_build_STEP, config, 'outPath'));
        const format = config['outputFormat'] ?? 'kargo';
        if (format !== 'kargo' && format !== 'kustomize') {
            (0,errors/* fieldError */.$i)(kustomize_build_STEP, 'outputFormat', 'must be "kargo" or "kustomize"');
        }
        const flags = ['--load-restrictor', 'LoadRestrictionsNone', '--enable-helm'];
        const plugin = config['plugin'];
        if (plugin !== undefined && plugin !== null) {
            if (!(0,guards/* isRecord */.u)(plugin))
                (0,errors/* fieldError */.$i)(kustomize_build_STEP, 'plugin', 'must be a map');
            onlyKeys(kustomize_build_STEP, plugin, ['helm'], 'plugin.');
            const helm = plugin['helm'];
            if (helm !== undefined && helm !== null) {
                if (!(0,guards/* isRecord */.u)(helm))
                    (0,errors/* fieldError */.$i)(kustomize_build_STEP, 'plugin.helm', 'must be a map');
                onlyKeys(kustomize_build_STEP, helm, ['apiVersions', 'kubeVersion'], 'plugin.helm.');
                const apiVersions = helm['apiVersions'] ?? [];
                if (!Array.isArray(apiVersions) ||
                    apiVersions.some((v) => typeof v !== 'string' || v === '')) {
                    (0,errors/* fieldError */.$i)(kustomize_build_STEP, 'plugin.helm.apiVersions', 'must be a list of API versions');
                }
                for (const v of apiVersions)
                    flags.push('--helm-api-versions', v);
                const kube = helm['kubeVersion'];
                if (kube !== undefined && kube !== null) {
                    if (typeof kube !== 'string' || kube === '') {
                        (0,errors/* fieldError */.$i)(kustomize_build_STEP, 'plugin.helm.kubeVersion', 'must be a version such as 1.30.0');
                    }
                    flags.push('--helm-kube-version', kube);
                }
            }
        }
        const pathAbs = await (0,safe_path/* safePath */.n)(ctx.worktree, pathRel, `${kustomize_build_STEP}: path`);
        const outAbs = await (0,safe_path/* safePath */.n)(ctx.worktree, outRel, `${kustomize_build_STEP}: outPath`);
        const asFile = isFileOutPath(outRel);
        await checkOutPath(kustomize_build_STEP, outAbs, outRel, asFile);
        const st = await (0,promises_.stat)(pathAbs).catch(() => undefined);
        if (!st?.isDirectory()) {
            throw new errors/* ConfigError */.xL(`${kustomize_build_STEP}: path ${JSON.stringify(pathRel)}: no such directory`);
        }
        await checkKustomization(ctx.worktree, pathRel, new Set());
        const before = await listTree(pathAbs);
        const { label, result } = await render(pathAbs, flags, ctx);
        await removeLeftovers(pathAbs, before);
        if (result.code !== 0) {
            throw new errors/* OperationError */.OK(`${kustomize_build_STEP}: ${label} build of ${JSON.stringify(pathRel)} failed (exit ${result.code ?? 'signal'}): ${stderrTail(result.stderr) || 'no message'}`);
        }
        const docs = splitDocuments(result.stdout, `${kustomize_build_STEP}: ${label}`);
        let files;
        if (asFile)
            files = [{ rel: '', data: result.stdout }];
        else {
            const names = format === 'kustomize' ? kustomizeFileNames(docs) : docs.map(kargoFileName);
            files = docs.map((d, i) => ({ rel: checkFileName(kustomize_build_STEP, names[i] ?? ''), data: d.text }));
        }
        const changed = await writeOutput(kustomize_build_STEP, ctx.worktree, outRel, files);
        const line = `- ${pathRel} → ${outRel}: ${docs.length} resource(s) rendered with ${label}`;
        ctx.log(`${kustomize_build_STEP}: ${line.slice(2)}${changed.length ? '' : ' (no change)'}`);
        return { summary: changed.length ? [line] : [], changed };
    },
};

// EXTERNAL MODULE: ./src/discovery/oci/client.ts + 2 modules
var oci_client = __webpack_require__(847);
// EXTERNAL MODULE: ./src/discovery/oci/reference.ts
var reference = __webpack_require__(2289);
;// CONCATENATED MODULE: ./src/promotion/steps/oci-common.ts
/**
 * What oci-download and oci-push share: gantry's OCI client (discovery's: token scopes, retries,
 * Retry-After, per-host limits), built per step run with the credentials discovery uses.
 */

/** Per request, the body included: a blob of up to 1 GiB must have time to arrive. */
const OCI_STEP_REQUEST_TIMEOUT_MS = 10 * 60_000;
function stepRegistryClient(ctx) {
    return new oci_client/* RegistryClient */.bP({
        credentials: ctx.registryCredentials ?? new Map(),
        requestTimeoutMs: OCI_STEP_REQUEST_TIMEOUT_MS,
        concurrencyPerRegistry: 4,
        log: { info: ctx.log, warn: ctx.log },
        ...(ctx.registryRetrySleep ? { sleep: ctx.registryRetrySleep } : {}),
    });
}

;// CONCATENATED MODULE: ./src/promotion/steps/oci-download.ts
/**
 * Kargo's `oci-download` step: saves one layer of an OCI artifact (a Helm chart's `.tgz`, a
 * configuration file) at `outPath`.
 *
 * Config (Kargo's): `imageRef` (`registry/repo:tag` or `registry/repo@sha256:…`, `oci://` allowed),
 * `outPath`, `allowOverwrite` (default false: an existing file fails the step), `mediaType` (the
 * first layer of that media type; default the first layer), `insecureSkipTLSVerify`.
 * As in Kargo: an image index is read at its linux/amd64 image (go-containerregistry's default
 * platform); a layer larger than 100 MiB fails (by its descriptor, before anything is fetched);
 * the layer's bytes as stored (compressed) are written, through a temporary file beside
 * `outPath`, so a failure leaves no partial file. Kargo's step has no outputs; gantry adds none.
 *
 * Credentials: the registry credentials discovery uses (`oci://` or not; Kargo picks Helm or image
 * credentials by it, gantry has one set per registry host).
 */













const oci_download_STEP = 'oci-download';
const oci_download_FIELDS = ['imageRef', 'outPath', 'allowOverwrite', 'mediaType', 'insecureSkipTLSVerify'];
/** Kargo's maxOCIArtifactSize. */
const OCI_DOWNLOAD_MAX_BYTES = 100 << 20;
/** Kargo's reference pattern: `[oci://]host[:port][/path…](:tag|@digest)`. */
const OCI_REF_PATTERN = '^(oci://)?[a-zA-Z0-9._-]+(:\\d+)?(/[a-zA-Z0-9._-]+)*[@:][a-zA-Z0-9._:-]+$';
const ociDownload = {
    name: oci_download_STEP,
    schema: {
        type: 'object',
        description: 'Saves one layer of an OCI artifact (a Helm chart, a file) in the checkout. No outputs, as in Kargo.',
        additionalProperties: false,
        required: ['imageRef', 'outPath'],
        properties: {
            imageRef: {
                ...nonEmpty('The artifact: `registry/repo:tag` or `registry/repo@sha256:…`; `oci://` in front is accepted (a Helm chart).'),
                pattern: OCI_REF_PATTERN,
            },
            outPath: nonEmpty('The file to write, relative to the checkout; parents are created.'),
            allowOverwrite: flag('Replace a file already at `outPath`. Default false: the step fails.'),
            mediaType: nonEmpty('Save the first layer of this media type. Default: the first layer.'),
            insecureSkipTLSVerify: flag('Skip TLS certificate checks of the registry. Default false.'),
        },
    },
    async run(config, ctx) {
        (0,engine/* checkFields */.oA)(oci_download_STEP, config, oci_download_FIELDS);
        const imageRef = (0,engine/* requireString */.VW)(oci_download_STEP, config, 'imageRef');
        const outRel = (0,engine/* requireString */.VW)(oci_download_STEP, config, 'outPath');
        const allowOverwrite = (0,engine/* optionalBool */.RO)(oci_download_STEP, config, 'allowOverwrite') ?? false;
        const insecure = (0,engine/* optionalBool */.RO)(oci_download_STEP, config, 'insecureSkipTLSVerify') ?? false;
        const mediaType = config['mediaType'];
        if (mediaType !== undefined && (typeof mediaType !== 'string' || mediaType === '')) {
            (0,errors/* fieldError */.$i)(oci_download_STEP, 'config.mediaType', 'must be a non-empty string');
        }
        const ref = (0,reference/* parseImageReference */.o_)(imageRef, `${oci_download_STEP}: imageRef`, {
            insecureSkipTLSVerify: insecure,
        });
        const outAbs = await writablePath(ctx.worktree, outRel, `${oci_download_STEP}: outPath`);
        const shown = (0,safe_path.normalizeRelative)(outRel);
        if (shown === '.')
            (0,errors/* fieldError */.$i)(oci_download_STEP, 'config.outPath', 'names the checkout itself, not a file');
        const existing = await (0,promises_.lstat)(outAbs).catch(() => undefined);
        if (existing?.isDirectory()) {
            (0,errors/* fieldError */.$i)(oci_download_STEP, 'config.outPath', `${JSON.stringify(shown)} is a directory`);
        }
        if (existing && !allowOverwrite) {
            (0,errors/* fieldError */.$i)(oci_download_STEP, 'config.outPath', `file already exists at ${shown} and overwrite is not allowed (set allowOverwrite: true)`);
        }
        const client = stepRegistryClient(ctx);
        const name = `${(0,reference/* repositoryName */.aR)(ref.repo)}${ref.digest ? `@${ref.digest}` : `:${ref.tag ?? ''}`}`;
        const fail = (message) => new errors/* OperationError */.OK(`${oci_download_STEP}: ${name}: ${message}`);
        try {
            let m = await client.getManifest(ref.repo, ref.digest ?? ref.tag ?? '');
            if (m.kind === 'index') {
                const child = m.index.manifests.find((d) => d.platform?.os === 'linux' &&
                    d.platform.architecture === 'amd64' &&
                    (d.mediaType === oci_client/* MEDIA_TYPES */.Z2.ociManifest || d.mediaType === oci_client/* MEDIA_TYPES */.Z2.dockerManifest));
                if (!child) {
                    const platforms = m.index.manifests
                        .map((d) => (d.platform ? `${d.platform.os}/${d.platform.architecture}` : '?'))
                        .join(', ');
                    throw fail(`an image index without a linux/amd64 image (it has ${platforms || 'none'}); name the image's digest instead`);
                }
                m = await client.getManifest(ref.repo, child.digest);
            }
            if (m.kind !== 'manifest')
                throw fail('an index inside an index is not an image');
            const layer = pickLayer(m.manifest, mediaType, fail);
            if (layer.size > OCI_DOWNLOAD_MAX_BYTES) {
                throw fail(`layer size ${layer.size} exceeds maximum allowed size of ${OCI_DOWNLOAD_MAX_BYTES} bytes (${(0,http_body/* formatBytes */.z3)(OCI_DOWNLOAD_MAX_BYTES)})`);
            }
            const bytes = await client.getBlob(ref.repo, layer.digest, OCI_DOWNLOAD_MAX_BYTES);
            if (existing?.isFile() && existing.size === bytes.length) {
                if ((await (0,promises_.readFile)(outAbs)).equals(bytes)) {
                    ctx.log(`${oci_download_STEP}: ${name}: ${shown} already holds this layer (${layer.digest})`);
                    return { summary: [], changed: [] };
                }
            }
            const dir = external_node_path_default().dirname(outAbs);
            await (0,promises_.mkdir)(dir, { recursive: true });
            const temp = external_node_path_default().join(dir, `.${external_node_path_default().basename(outAbs)}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
            try {
                await (0,promises_.writeFile)(temp, bytes, { mode: 0o600, flag: 'wx' });
                await (0,promises_.rename)(temp, outAbs);
            }
            finally {
                await (0,promises_.rm)(temp, { force: true }).catch(() => undefined);
            }
            ctx.log(`${oci_download_STEP}: ${name}: saved layer ${layer.digest} (${(0,http_body/* formatBytes */.z3)(bytes.length)}) at ${shown}`);
            return { summary: [`- downloaded ${name} to ${shown}`], changed: [shown] };
        }
        catch (err) {
            if (err instanceof errors/* ConfigError */.xL || err instanceof errors/* OperationError */.OK) {
                if (err.message.startsWith(`${oci_download_STEP}:`))
                    throw err;
                throw fail(err.message);
            }
            throw fail((0,errors/* errorMessage */.gJ)(err));
        }
        finally {
            await client.close();
        }
    },
};
function pickLayer(manifest, mediaType, fail) {
    if (manifest.layers.length === 0)
        throw fail('image has no layers');
    if (mediaType === undefined)
        return manifest.layers[0];
    const layer = manifest.layers.find((l) => l.mediaType === mediaType);
    if (!layer) {
        const types = [...new Set(manifest.layers.map((l) => l.mediaType))].join(', ');
        throw fail(`no layer found with media type ${JSON.stringify(mediaType)} (its layers: ${types})`);
    }
    return layer;
}

;// CONCATENATED MODULE: ./src/promotion/steps/oci-push.ts
/**
 * Kargo's `oci-push` step: copies or retags an OCI artifact (an image, a multi-arch index, a Helm
 * chart) to `destRef`, optionally stamping annotations on it.
 *
 * Config (Kargo's): `srcRef` (tag or digest, `oci://` allowed), `destRef` (a tag), `annotations`
 * (a key `index:k` goes on an index only, `manifest:k` or a bare `k` on each image manifest;
 * `index:` keys are ignored for a single image), `insecureSkipTLSVerify` (both registries).
 * Outputs (Kargo's): `image` (destRef without `oci://`), `digest` (of what was pushed: the
 * source's own digest when no annotation changes it) and `tag`.
 *
 * How: the source's manifest (and an index's images) are read; unless the destination is the
 * same repository (a retag: nothing moves), every blob the destination lacks (HEAD) is read from
 * the source and uploaded, one at a time, then the images' manifests by digest and the top one
 * under the tag. Kargo's limit applies across repositories: at most 1 GiB of config and layer
 * blobs in all (an index: summed over its images), checked from the manifests before any blob
 * moves. Annotating rewrites a manifest (so its digest changes), and an index then points at the
 * rewritten images.
 *
 * Credentials: the registry credentials discovery uses, for both registries (one set per host).
 */










const oci_push_STEP = 'oci-push';
const oci_push_FIELDS = ['srcRef', 'destRef', 'annotations', 'insecureSkipTLSVerify'];
/** Kargo's default maximum artifact size for a cross-repository push. */
const OCI_PUSH_MAX_BYTES = 1 << 30;
const sha256 = (b) => `sha256:${(0,external_node_crypto_.createHash)('sha256').update(b).digest('hex')}`;
const ociPush = {
    name: oci_push_STEP,
    schema: {
        type: 'object',
        description: 'Copies or retags an OCI artifact (image, index, Helm chart) to a tag. Outputs: `image`, `digest`, `tag`.',
        additionalProperties: false,
        required: ['srcRef', 'destRef'],
        properties: {
            srcRef: {
                ...nonEmpty('The source: `registry/repo:tag` or `registry/repo@sha256:…`; `oci://` in front is accepted (a Helm chart).'),
                pattern: OCI_REF_PATTERN,
            },
            destRef: {
                ...nonEmpty('The destination with its tag: `registry/repo:tag` (`oci://` accepted). The same repository as `srcRef` retags in place.'),
                pattern: '^(oci://)?[a-zA-Z0-9._-]+(:\\d+)?(/[a-zA-Z0-9._-]+)*[:][a-zA-Z0-9._-]+$',
            },
            annotations: {
                type: 'object',
                additionalProperties: { type: 'string' },
                description: 'Annotations to set on the destination: `index:<key>` on an index, `manifest:<key>` or a bare key on each image manifest (`index:` keys are ignored for a single image). Existing annotations stay; these are added or replace them.',
            },
            insecureSkipTLSVerify: flag('Skip TLS certificate checks of both registries. Default false.'),
        },
    },
    async run(config, ctx) {
        (0,engine/* checkFields */.oA)(oci_push_STEP, config, oci_push_FIELDS);
        const srcText = (0,engine/* requireString */.VW)(oci_push_STEP, config, 'srcRef');
        const destText = (0,engine/* requireString */.VW)(oci_push_STEP, config, 'destRef');
        const insecure = (0,engine/* optionalBool */.RO)(oci_push_STEP, config, 'insecureSkipTLSVerify') ?? false;
        const annotations = config['annotations'] ?? {};
        if (!(0,guards/* isRecord */.u)(annotations) || Object.values(annotations).some((v) => typeof v !== 'string')) {
            (0,errors/* fieldError */.$i)(oci_push_STEP, 'config.annotations', 'must be a map of strings');
        }
        const src = (0,reference/* parseImageReference */.o_)(srcText, `${oci_push_STEP}: srcRef`, {
            insecureSkipTLSVerify: insecure,
        });
        const dest = (0,reference/* parseImageReference */.o_)(destText, `${oci_push_STEP}: destRef`, {
            insecureSkipTLSVerify: insecure,
        });
        if (dest.tag === undefined || dest.digest !== undefined) {
            (0,errors/* fieldError */.$i)(oci_push_STEP, 'config.destRef', 'must name a tag (`registry/repo:tag`), not a digest');
        }
        const scopes = annotationScopes(annotations);
        const destTag = dest.tag;
        const image = `${(0,reference/* repositoryName */.aR)(dest.repo)}:${destTag}`;
        const outputsImage = destText.replace(/^oci:\/\//, '');
        const sameRepo = (0,reference/* repositoryName */.aR)(src.repo) === (0,reference/* repositoryName */.aR)(dest.repo);
        const fail = (message) => new errors/* OperationError */.OK(`${oci_push_STEP}: ${image}: ${message}`);
        const client = stepRegistryClient(ctx);
        try {
            const top = await client.getManifest(src.repo, src.digest ?? src.tag ?? '');
            const children = [];
            if (top.kind === 'index') {
                for (const d of top.index.manifests) {
                    const child = await client.getManifest(src.repo, d.digest);
                    if (child.kind !== 'manifest')
                        throw fail(`index entry ${d.digest} is itself an index`);
                    children.push(child);
                }
            }
            if (!sameRepo) {
                const images = top.kind === 'manifest' ? [top] : children;
                const size = images.reduce((n, m) => n + (m.kind === 'manifest' ? blobsOf(m).reduce((s, d) => s + d.size, 0) : 0), 0);
                if (size > OCI_PUSH_MAX_BYTES) {
                    throw fail(`compressed artifact size ${(0,http_body/* formatBytes */.z3)(size)} exceeds maximum allowed size of ${(0,http_body/* formatBytes */.z3)(OCI_PUSH_MAX_BYTES)}; nothing was pushed`);
                }
            }
            if (ctx.dryRun) {
                ctx.log(`${oci_push_STEP}: dry run: would push ${(0,reference/* repositoryName */.aR)(src.repo)} (${top.digest}) to ${image}`);
                return { outputs: { image: outputsImage, digest: top.digest, tag: destTag } };
            }
            let digest;
            if (top.kind === 'manifest') {
                digest = await pushImage(client, src.repo, dest.repo, top, scopes.manifest, sameRepo, destTag);
            }
            else {
                const changed = new Map();
                for (const child of children) {
                    const bytes = annotate(child.bytes, scopes.manifest);
                    // A retag leaves the images where they are.
                    if (sameRepo && bytes === child.bytes)
                        continue;
                    const d = await pushImage(client, src.repo, dest.repo, { ...child, bytes }, {}, sameRepo);
                    if (d !== child.digest)
                        changed.set(child.digest, { digest: d, size: bytes.length });
                }
                const doc = JSON.parse(top.bytes.toString('utf8'));
                if (changed.size > 0 && Array.isArray(doc['manifests'])) {
                    for (const entry of doc['manifests']) {
                        const now = changed.get(String(entry['digest']));
                        if (now)
                            Object.assign(entry, now);
                    }
                }
                const indexBytes = changed.size > 0 || Object.keys(scopes.index).length > 0
                    ? annotate(Buffer.from(JSON.stringify(doc)), scopes.index)
                    : top.bytes;
                digest = await client.putManifest(dest.repo, destTag, indexBytes, top.mediaType);
            }
            const verb = sameRepo ? 'tagged' : 'copied';
            ctx.log(`${oci_push_STEP}: ${verb} ${(0,reference/* repositoryName */.aR)(src.repo)}@${top.digest} as ${image} (${digest})`);
            return {
                outputs: { image: outputsImage, digest, tag: destTag },
                summary: [`- ${verb} ${(0,reference/* repositoryName */.aR)(src.repo)}@${top.digest.slice(0, 19)} as ${image}`],
            };
        }
        catch (err) {
            if (err instanceof errors/* ConfigError */.xL)
                throw err;
            if (err instanceof errors/* OperationError */.OK && err.message.startsWith(`${oci_push_STEP}:`))
                throw err;
            throw fail((0,errors/* errorMessage */.gJ)(err));
        }
        finally {
            await client.close();
        }
    },
};
/** Kargo's split of `annotations` by prefix. */
function annotationScopes(annotations) {
    const index = {};
    const manifest = {};
    for (const [k, v] of Object.entries(annotations)) {
        if (k.startsWith('index:'))
            index[k.slice('index:'.length)] = v;
        else if (k.startsWith('manifest:'))
            manifest[k.slice('manifest:'.length)] = v;
        else
            manifest[k] = v;
    }
    return { index, manifest };
}
/** `bytes` (a manifest or index) with `add` merged into its annotations; unchanged when empty. */
function annotate(bytes, add) {
    if (Object.keys(add).length === 0)
        return bytes;
    const doc = JSON.parse(bytes.toString('utf8'));
    const existing = (0,guards/* isRecord */.u)(doc['annotations']) ? doc['annotations'] : {};
    doc['annotations'] = { ...existing, ...add };
    return Buffer.from(JSON.stringify(doc));
}
function blobsOf(m) {
    return m.kind === 'manifest' ? [m.manifest.config, ...m.manifest.layers] : [];
}
/**
 * Push one image manifest (its blobs first, unless the repository is the same) by digest, or
 * under `tag`; returns its digest.
 */
async function pushImage(client, from, to, m, annotations, sameRepo, tag) {
    if (!sameRepo) {
        for (const blob of blobsOf(m)) {
            if (await client.hasBlob(to, blob.digest))
                continue;
            const bytes = await client.getBlob(from, blob.digest, OCI_PUSH_MAX_BYTES);
            await client.putBlob(to, blob.digest, bytes);
        }
    }
    const bytes = annotate(m.bytes, annotations);
    return client.putManifest(to, tag ?? sha256(bytes), bytes, m.mediaType);
}

;// CONCATENATED MODULE: ./src/promotion/steps/set-freight-alias.ts
/**
 * Kargo's `set-freight-alias` step: gives freight a new alias. The freight's tag is immutable, so
 * the new alias is a record of its own, newest wins (src/state/freight-notes.ts); as in Kargo, an
 * alias another freight of the project holds is refused.
 */




const set_freight_alias_STEP = 'set-freight-alias';
const setFreightAlias = {
    name: set_freight_alias_STEP,
    schema: {
        type: 'object',
        description: 'Gives freight a new alias, unique in the project (`gantry get freight` and `--freight <alias>` use it); recorded once the promotion is pushed, beside the freight tag, which never changes.',
        additionalProperties: false,
        required: ['name', 'alias'],
        properties: {
            name: nonEmpty('The freight ID (`${{ ctx.targetFreight.name }}`).'),
            alias: nonEmpty('The new alias: at most 63 letters, digits, `-`, `_` or `.`, starting and ending with a letter or digit (a Kubernetes label value, as in Kargo).'),
        },
    },
    async run(config, ctx) {
        (0,engine/* checkFields */.oA)(set_freight_alias_STEP, config, ['name', 'alias']);
        const name = requireField(set_freight_alias_STEP, config['name'], 'config.name');
        const alias = requireField(set_freight_alias_STEP, config['alias'], 'config.alias');
        if (!ctx.notes) {
            throw new errors/* ConfigError */.xL(`${set_freight_alias_STEP}: runs in a promotion only (it records into gantry's state)`);
        }
        const { previous } = ctx.notes.setFreightAlias(name, alias);
        await Promise.resolve();
        // Kargo's message.
        ctx.log(`${set_freight_alias_STEP}: updated alias of freight ${name.slice(0, 7)} from "${previous}" to "${alias}"`);
        return {};
    },
};

;// CONCATENATED MODULE: ./src/promotion/steps/set-metadata.ts
/**
 * Kargo's `set-metadata` step: key/value pairs on the Stage or on Freight, which later steps and
 * later promotions read with `stageMetadata()` and `freightMetadata()`. Each update sets its keys
 * (a key set again is replaced, others stay). Where gantry keeps them: src/promotion/notes.ts.
 */




const set_metadata_STEP = 'set-metadata';
/** Bytes of JSON one update may hold: each is read again by every later command of the project. */
const MAX_METADATA_BYTES = 64 * 1024;
const setMetadata = {
    name: set_metadata_STEP,
    schema: {
        type: 'object',
        description: "Sets metadata on the stage being promoted (kept in its state file) or on freight (a new record beside its tag); `stageMetadata()` and `freightMetadata()` read it in later steps and promotions. A stage's metadata can only be set by its own promotions.",
        additionalProperties: false,
        required: ['updates'],
        properties: {
            updates: {
                type: 'array',
                minItems: 1,
                description: 'The updates, applied in order.',
                items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['kind', 'name', 'values'],
                    properties: {
                        kind: { enum: ['Stage', 'Freight'], description: 'What the metadata is set on.' },
                        name: nonEmpty('The stage (the one being promoted: `${{ ctx.stage }}`) or the freight ID (`${{ ctx.targetFreight.name }}`).'),
                        values: {
                            type: 'object',
                            minProperties: 1,
                            description: 'Keys to set, each to any JSON value (string, number, boolean, list, map, null); other keys keep their values.',
                        },
                    },
                },
            },
        },
    },
    async run(config, ctx) {
        (0,engine/* checkFields */.oA)(set_metadata_STEP, config, ['updates']);
        const updates = config['updates'];
        if (!Array.isArray(updates) || updates.length === 0) {
            (0,errors/* fieldError */.$i)(set_metadata_STEP, 'config.updates', 'must be a list of at least one {kind, name, values}');
        }
        const parsed = updates.map((u, i) => {
            const at = `config.updates[${i}]`;
            if (!(0,guards/* isRecord */.u)(u))
                (0,errors/* fieldError */.$i)(set_metadata_STEP, at, 'must be a map with kind, name and values');
            onlyKeys(set_metadata_STEP, u, ['kind', 'name', 'values'], `${at}.`);
            const kind = u['kind'];
            if (kind !== 'Stage' && kind !== 'Freight') {
                (0,errors/* fieldError */.$i)(set_metadata_STEP, `${at}.kind`, `must be Stage or Freight, got ${JSON.stringify(kind)}`);
            }
            const name = requireField(set_metadata_STEP, u['name'], `${at}.name`);
            const values = u['values'];
            if (!(0,guards/* isRecord */.u)(values) || Object.keys(values).length === 0) {
                (0,errors/* fieldError */.$i)(set_metadata_STEP, `${at}.values`, 'must be a map of at least one key');
            }
            if (Object.hasOwn(values, ''))
                (0,errors/* fieldError */.$i)(set_metadata_STEP, `${at}.values`, 'a key must not be empty');
            // Stored as JSON: what later reads get back is what JSON keeps (a time becomes its text).
            const json = JSON.stringify(values);
            if (Buffer.byteLength(json) > MAX_METADATA_BYTES) {
                (0,errors/* fieldError */.$i)(set_metadata_STEP, `${at}.values`, `holds ${Buffer.byteLength(json)} bytes of JSON, more than ${MAX_METADATA_BYTES}: metadata is read by every later command of the project; keep large data in a file of the repository`);
            }
            return { kind, name, values: JSON.parse(json) };
        });
        const notes = ctx.notes;
        if (!notes) {
            throw new errors/* ConfigError */.xL(`${set_metadata_STEP}: runs in a promotion only (it records into gantry's state)`);
        }
        const summary = [];
        for (const u of parsed) {
            if (u.kind === 'Stage') {
                if (ctx.workspace?.stageRecorded) {
                    throw new errors/* ConfigError */.xL(`${set_metadata_STEP}: stage ${u.name}: git-commit already wrote the stage's state into its checkout; gantry keeps stage metadata in that state file, so set it before the git-commit of the stage's checkout`);
                }
                notes.setStageMetadata(u.name, u.values);
                summary.push(`- stage metadata: ${Object.keys(u.values).join(', ')}`);
            }
            else {
                notes.setFreightMetadata(u.name, u.values);
                ctx.log(`${set_metadata_STEP}: freight ${u.name.slice(0, 7)}: ${Object.keys(u.values).join(', ')} (recorded once the promotion is pushed)`);
            }
        }
        await Promise.resolve();
        return { summary };
    },
};

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/promotion/steps/tar-format.ts
/**
 * The tar format, as much of it as the `tar` and `untar` steps need (Node has no tar module):
 * POSIX ustar headers, with pax extended headers for names and link targets too long for them;
 * reading also takes GNU long names (`L`/`K`), which GNU tar writes. Entry kinds: regular files,
 * directories and symbolic links; every other kind (hard links, devices, FIFOs) is reported as
 * `other` for the caller to skip, as Kargo's untar does.
 *
 * Reading works on the whole (decompressed) archive in memory: the steps cap archives at 100 MiB.
 */

const BLOCK = 512;
function octal(buf, offset, width, value) {
    buf.write(value.toString(8).padStart(width - 1, '0'), offset, width - 1, 'ascii');
}
/** One pax record: `<len> key=value\n`, where len counts the whole record, itself included. */
function paxRecord(key, value) {
    const body = ` ${key}=${value}\n`;
    let len = Buffer.byteLength(body) + 1;
    while (String(len).length + Buffer.byteLength(body) !== len)
        len++;
    return `${len}${body}`;
}
function header(name, type, size, mode, mtime, linkname, prefix = '') {
    const h = Buffer.alloc(BLOCK);
    h.write(name, 0, 100, 'utf8');
    octal(h, 100, 8, mode & 0o7777);
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    octal(h, 124, 12, size);
    octal(h, 136, 12, Math.max(0, Math.floor(mtime)));
    h.write(type, 156, 1, 'ascii');
    h.write(linkname, 157, 100, 'utf8');
    h.write('ustar\0', 257, 6, 'ascii');
    h.write('00', 263, 2, 'ascii');
    h.write(prefix, 345, 155, 'utf8');
    h.fill(' ', 148, 156);
    let sum = 0;
    for (const b of h)
        sum += b;
    h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
    return h;
}
const padding = (size) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
/** A ustar name and prefix for `name`, or undefined when it needs a pax header. */
function splitName(name) {
    if (Buffer.byteLength(name) <= 100)
        return { name, prefix: '' };
    for (let i = name.indexOf('/'); i > 0; i = name.indexOf('/', i + 1)) {
        const prefix = name.slice(0, i);
        const rest = name.slice(i + 1);
        if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100 && rest !== '') {
            return { name: rest, prefix };
        }
    }
    return undefined;
}
/** The blocks of one entry (a directory's name gets its trailing `/`). */
function encodeEntry(entry) {
    const data = entry.kind === 'file' ? (entry.data ?? Buffer.alloc(0)) : Buffer.alloc(0);
    const name = entry.kind === 'dir' && !entry.name.endsWith('/') ? `${entry.name}/` : entry.name;
    // `other` is written as a character device: only tests make such entries.
    const type = { file: '0', dir: '5', symlink: '2', other: '3' }[entry.kind];
    const out = [];
    const split = splitName(name);
    const longLink = Buffer.byteLength(entry.linkname) > 100;
    if (!split || longLink) {
        const records = (split ? '' : paxRecord('path', name)) +
            (longLink ? paxRecord('linkpath', entry.linkname) : '');
        const body = Buffer.from(records, 'utf8');
        out.push(header('PaxHeader', 'x', body.length, 0o644, entry.mtime, ''), body, padding(body.length));
    }
    const shortName = split ?? { name: name.slice(0, 100), prefix: '' };
    out.push(header(shortName.name, type, data.length, entry.mode, entry.mtime, longLink ? '' : entry.linkname, shortName.prefix));
    if (data.length)
        out.push(data, padding(data.length));
    return out;
}
/** The two zero blocks that end an archive. */
const END_OF_ARCHIVE = Buffer.alloc(2 * BLOCK);
function tar_format_text(buf, offset, width) {
    const field = buf.subarray(offset, offset + width);
    const nul = field.indexOf(0);
    return field.subarray(0, nul < 0 ? width : nul).toString('utf8');
}
function number(buf, offset, width, what, at) {
    if ((buf[offset] ?? 0) & 0x80) {
        throw new errors/* ConfigError */.xL(`${what}: the entry at byte ${at} uses a base-256 number (a file over 8 GiB)`);
    }
    const s = tar_format_text(buf, offset, width).trim();
    if (s === '')
        return 0;
    if (!/^[0-7]+$/.test(s))
        throw new errors/* ConfigError */.xL(`${what}: the entry at byte ${at} has a corrupt header`);
    return Number.parseInt(s, 8);
}
function parsePax(body) {
    const out = new Map();
    let i = 0;
    while (i < body.length) {
        const space = body.indexOf(0x20, i);
        if (space < 0)
            break;
        const len = Number.parseInt(body.subarray(i, space).toString('ascii'), 10);
        if (!Number.isInteger(len) || len <= 0 || i + len > body.length)
            break;
        const record = body.subarray(space + 1, i + len - 1).toString('utf8');
        const eq = record.indexOf('=');
        if (eq > 0)
            out.set(record.slice(0, eq), record.slice(eq + 1));
        i += len;
    }
    return out;
}
/**
 * The entries of an uncompressed archive. `what` names the archive in errors (`untar: inPath
 * "a.tgz"`). A truncated or corrupt archive is a ConfigError.
 */
function* readTar(archive, what) {
    let offset = 0;
    let pax = new Map();
    let longName;
    let longLink;
    while (offset + BLOCK <= archive.length) {
        const at = offset;
        const h = archive.subarray(offset, offset + BLOCK);
        if (h.every((b) => b === 0))
            return;
        const stored = tar_format_text(h, 148, 8).trim();
        let sum = 0;
        for (let i = 0; i < BLOCK; i++)
            sum += i >= 148 && i < 156 ? 0x20 : h[i];
        if (!/^[0-7]+$/.test(stored) || sum !== Number.parseInt(stored, 8)) {
            throw new errors/* ConfigError */.xL(`${what}: not a tar archive (bad header at byte ${offset})`);
        }
        const size = number(h, 124, 12, what, offset);
        const type = String.fromCharCode(h[156] ?? 0);
        const start = offset + BLOCK;
        const end = start + size;
        if (end > archive.length) {
            throw new errors/* ConfigError */.xL(`${what}: the archive is truncated (an entry at byte ${offset} runs past its end)`);
        }
        const data = archive.subarray(start, end);
        offset = start + Math.ceil(size / BLOCK) * BLOCK;
        if (type === 'x') {
            pax = parsePax(data);
            continue;
        }
        if (type === 'g')
            continue;
        if (type === 'L' || type === 'K') {
            const value = data.toString('utf8').replace(/\0.*$/s, '');
            if (type === 'L')
                longName = value;
            else
                longLink = value;
            continue;
        }
        const magic = tar_format_text(h, 257, 6);
        const prefix = magic.startsWith('ustar') ? tar_format_text(h, 345, 155) : '';
        let name = pax.get('path') ?? longName ?? (prefix ? `${prefix}/${tar_format_text(h, 0, 100)}` : tar_format_text(h, 0, 100));
        const linkname = pax.get('linkpath') ?? longLink ?? tar_format_text(h, 157, 100);
        pax = new Map();
        longName = undefined;
        longLink = undefined;
        const kind = type === '0' || type === '\0' || type === '7'
            ? 'file'
            : type === '5'
                ? 'dir'
                : type === '2'
                    ? 'symlink'
                    : 'other';
        // Old (v7) archives mark a directory only by the trailing slash of a file entry.
        const dir = kind === 'dir' || (kind === 'file' && name.endsWith('/'));
        if (name.length > 1)
            name = name.replace(/\/+$/, '');
        yield {
            name,
            kind: dir ? 'dir' : kind,
            mode: number(h, 100, 8, what, at) & 0o777,
            linkname,
            mtime: number(h, 136, 12, what, at),
            data: kind === 'file' ? data : Buffer.alloc(0),
        };
    }
    // Some writers stop after the last entry, without the zero blocks; Go's reader accepts that.
    if (offset === archive.length)
        return;
    throw new errors/* ConfigError */.xL(`${what}: the archive is truncated (it ends inside a header)`);
}

;// CONCATENATED MODULE: ./src/promotion/steps/tar.ts
/**
 * Kargo's `tar` step: archives `inPath` (a directory's contents, or one file under its own name)
 * into `outPath`, gzip-compressed with `gzip: true`. `ignore` takes .gitignore lines, matched
 * against paths relative to `inPath`; an ignored directory is skipped whole. Directories, regular
 * files and symbolic links (stored as links, never followed) are archived, `.git` never. As in
 * Kargo: a file over 50 MiB, or more than 100 MiB in all, fails the step; `outPath` is replaced
 * when it exists, through a temporary file beside it, so a failure leaves no partial archive.
 * Entries carry the files' modes and modification times, owner 0.
 */












const tar_STEP = 'tar';
/** Kargo's limits. */
const MAX_TAR_FILE_BYTES = 50 << 20;
const MAX_TAR_TOTAL_BYTES = 100 << 20;
/** `rel` or one of its parent directories is ignored. */
function ignoredWithParents(rules, rel, isDir) {
    if (rules.length === 0)
        return false;
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) {
        if (isIgnored(rules, parts.slice(0, i).join('/'), true))
            return true;
    }
    return isIgnored(rules, rel, isDir);
}
const tar = {
    name: tar_STEP,
    schema: {
        type: 'object',
        description: 'Archives a directory or a file into a tar file, gzip-compressed with `gzip: true`.',
        additionalProperties: false,
        required: ['inPath', 'outPath'],
        properties: {
            inPath: nonEmpty('The directory (its contents are archived) or file, relative to the checkout.'),
            outPath: nonEmpty('The archive to write, relative to the checkout; replaced when it exists.'),
            ignore: schema_parts_text('Paths to leave out, one .gitignore pattern a line, relative to `inPath`.'),
            gzip: flag('Compress the archive with gzip; default false.'),
        },
    },
    async run(config, ctx) {
        (0,engine/* checkFields */.oA)(tar_STEP, config, ['inPath', 'outPath', 'ignore', 'gzip']);
        const inRel = (0,engine/* requireString */.VW)(tar_STEP, config, 'inPath');
        const outRel = (0,engine/* requireString */.VW)(tar_STEP, config, 'outPath');
        const gzip = (0,engine/* optionalBool */.RO)(tar_STEP, config, 'gzip') ?? false;
        const rules = ignoreOption(tar_STEP, config);
        const inAbs = await (0,safe_path/* safePath */.n)(ctx.worktree, inRel, `${tar_STEP}: inPath`);
        const outAbs = await writablePath(ctx.worktree, outRel, `${tar_STEP}: outPath`);
        const inShown = (0,safe_path.normalizeRelative)(inRel);
        const outShown = (0,safe_path.normalizeRelative)(outRel);
        const top = await (0,promises_.lstat)(inAbs).catch(() => undefined);
        if (!top)
            (0,errors/* fieldError */.$i)(tar_STEP, 'config.inPath', `${JSON.stringify(inShown)}: no such file or directory`);
        if ((await (0,promises_.lstat)(outAbs).catch(() => undefined))?.isDirectory()) {
            (0,errors/* fieldError */.$i)(tar_STEP, 'config.outPath', `${JSON.stringify(outShown)} is a directory`);
        }
        const blocks = [];
        let total = 0;
        let count = 0;
        const add = async (abs, rel) => {
            const st = await (0,promises_.lstat)(abs);
            const mtime = Math.floor(st.mtimeMs / 1000);
            // The archive being written may sit inside inPath: it is not archived into itself.
            if (abs === outAbs)
                return;
            if (st.isSymbolicLink()) {
                blocks.push(...encodeEntry({
                    name: rel,
                    kind: 'symlink',
                    mode: 0o777,
                    mtime,
                    linkname: await (0,promises_.readlink)(abs),
                }));
            }
            else if (st.isFile()) {
                if (st.size > MAX_TAR_FILE_BYTES) {
                    throw new errors/* ConfigError */.xL(`${tar_STEP}: ${rel} is larger than 50 MiB, the most the step archives per file`);
                }
                total += st.size;
                if (total > MAX_TAR_TOTAL_BYTES) {
                    throw new errors/* ConfigError */.xL(`${tar_STEP}: ${JSON.stringify(inShown)} holds more than 100 MiB, the most the step archives`);
                }
                blocks.push(...encodeEntry({
                    name: rel,
                    kind: 'file',
                    mode: st.mode & 0o777,
                    mtime,
                    linkname: '',
                    data: await (0,promises_.readFile)(abs),
                }));
            }
            else if (st.isDirectory()) {
                blocks.push(...encodeEntry({ name: rel, kind: 'dir', mode: st.mode & 0o777, mtime, linkname: '' }));
            }
            else
                return;
            count++;
        };
        const walk = async (absDir, relDir) => {
            const names = (await (0,promises_.readdir)(absDir)).sort();
            for (const name of names) {
                if (name === '.git')
                    continue;
                const abs = external_node_path_default().join(absDir, name);
                const rel = relDir ? `${relDir}/${name}` : name;
                const st = await (0,promises_.lstat)(abs);
                if (ignoredWithParents(rules, rel, st.isDirectory()))
                    continue;
                await add(abs, rel);
                if (st.isDirectory())
                    await walk(abs, rel);
            }
        };
        if (top.isDirectory())
            await walk(inAbs, '');
        else if (!ignoredWithParents(rules, external_node_path_default().basename(inAbs), false))
            await add(inAbs, external_node_path_default().basename(inAbs));
        blocks.push(END_OF_ARCHIVE);
        const archive = Buffer.concat(blocks);
        const bytes = gzip ? (0,external_node_zlib_.gzipSync)(archive) : archive;
        const before = await (0,promises_.readFile)(outAbs).catch(() => undefined);
        if (before?.equals(bytes)) {
            ctx.log(`${tar_STEP}: ${outShown} already holds this archive of ${inShown}`);
            return { summary: [], changed: [] };
        }
        await (0,promises_.mkdir)(external_node_path_default().dirname(outAbs), { recursive: true });
        const temp = external_node_path_default().join(external_node_path_default().dirname(outAbs), `.${external_node_path_default().basename(outAbs)}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
        try {
            await (0,promises_.writeFile)(temp, bytes, { flag: 'wx' });
            await (0,promises_.rename)(temp, outAbs);
        }
        finally {
            await (0,promises_.rm)(temp, { force: true });
        }
        ctx.log(`${tar_STEP}: ${count} entries of ${inShown} archived in ${outShown}`);
        return { summary: [`- archived ${inShown} in ${outShown}`], changed: [outShown] };
    },
};

// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var smol_toml_dist = __webpack_require__(3292);
;// CONCATENATED MODULE: ./src/promotion/toml-edit.ts
/**
 * Format-keeping TOML edits for the `toml-update` step, and TOML reading for `toml-parse`.
 *
 * Kargo's `toml-update` splices: it finds the byte range of each addressed value and replaces only
 * that range, so comments, key order, quoting of other values and blank lines survive. smol-toml
 * (which checks the document) gives no positions, so gantry indexes the document with its own
 * scanner: every key path, dotted keys, `[table]` and `[[array.of.tables]]` headers (an array
 * table's elements are `name.0`, `name.1`, …; a header under an array table lands in its last
 * element), inline tables and arrays (items by index), mapped to the span of its value.
 *
 * Rules, as Kargo's:
 * - keys follow `splitKey` (keypath.ts): `image.tag`, `labels.example\.com/version`, `values.1`;
 * - only a key the file has, addressing a scalar (string, integer, float, boolean, date/time), can
 *   be updated; a table or array is refused (`addresses a table, not a scalar`);
 * - values must be strings, finite numbers or booleans; they are written as go-toml writes them:
 *   strings as literal strings (`'v1.2.3'`), or basic strings with escapes when they hold a `'` or
 *   a control character; integers as integers; other numbers in their shortest decimal form;
 * - several updates of one key: the last wins.
 * The edited text is parsed again and each updated key compared with its intended value.
 */




/** `text` parsed by smol-toml; an error names the file, line and column. */
function parseTomlText(step, rel, text) {
    try {
        return plain((0,smol_toml_dist/* parse */.qg)(text, { integersAsBigInt: 'asNeeded' }));
    }
    catch (err) {
        if (err instanceof smol_toml_dist/* TomlError */.zx) {
            const reason = err.message.split('\n')[0]?.replace(/^Invalid TOML document: /, '') ?? '';
            throw new errors/* ConfigError */.xL(`${step}: ${rel}:${err.line}:${err.column}: not valid TOML: ${reason}`);
        }
        throw err;
    }
}
/**
 * smol-toml's values as the expression language reads them: a date or time becomes its TOML text
 * (RFC 3339), an integer too large for a JavaScript number becomes its decimal text, and tables
 * become plain objects (keys such as `__proto__` stay data).
 */
function plain(v) {
    if (v instanceof smol_toml_dist/* TomlDate */.PJ)
        return v.toISOString();
    if (typeof v === 'bigint')
        return v.toString();
    if (Array.isArray(v))
        return v.map(plain);
    if (v !== null && typeof v === 'object') {
        const out = {};
        for (const [k, x] of Object.entries(v)) {
            Object.defineProperty(out, k, {
                value: plain(x),
                enumerable: true,
                writable: true,
                configurable: true,
            });
        }
        return out;
    }
    return v;
}
/** A value as Kargo's toml-update writes it (go-toml's encoding of a scalar). */
function formatTomlValue(value) {
    if (typeof value === 'boolean')
        return String(value);
    if (typeof value === 'number') {
        if (Number.isInteger(value))
            return BigInt(value).toString();
        return String(value);
    }
    if (typeof value === 'string') {
        // eslint-disable-next-line no-control-regex
        if (!/['\u0000-\u0008\u000a-\u001f\u007f\t]/.test(value))
            return `'${value}'`;
        let out = '"';
        for (const ch of value) {
            const c = ch.charCodeAt(0);
            if (ch === '\\')
                out += '\\\\';
            else if (ch === '"')
                out += '\\"';
            else if (ch === '\b')
                out += '\\b';
            else if (ch === '\f')
                out += '\\f';
            else if (ch === '\n')
                out += '\\n';
            else if (ch === '\r')
                out += '\\r';
            else if (ch === '\t')
                out += '\\t';
            else if (c < 0x20 || c === 0x7f)
                out += `\\u00${c.toString(16).toUpperCase().padStart(2, '0')}`;
            else
                out += ch;
        }
        return `${out}"`;
    }
    throw new Error('not a TOML scalar');
}
/** Kargo's toml-update commit message: `Updated <path>` and `- key: <TOML value>` per update. */
function tomlUpdateCommitMessage(path, updates) {
    if (updates.length === 0)
        return '';
    let msg = `Updated ${path}\n`;
    for (const u of updates) {
        let shown;
        try {
            shown = formatTomlValue(u.value);
        }
        catch {
            shown = String(u.value);
        }
        msg += `\n- ${u.key}: ${shown}`;
    }
    return msg;
}
const isScalar = (v) => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
/**
 * `text` with each update's value replaced in place. `where` (the file, as shown) prefixes every
 * error; `previous` is filled with each key's value before the edit.
 */
function setTomlValues(text, updates, where, previous) {
    const step = 'toml-update';
    const before = parseTomlText(step, where, text);
    const index = indexToml(text, where);
    const byPath = new Map();
    const planned = [];
    for (const [i, u] of updates.entries()) {
        let parts;
        try {
            parts = splitKey(u.key);
        }
        catch (err) {
            if (err instanceof KeyPathError) {
                throw new errors/* ConfigError */.xL(`${step}: updates[${i}].key ${JSON.stringify(u.key)}: ${err.message}`);
            }
            throw err;
        }
        if (!isScalar(u.value)) {
            throw new errors/* ConfigError */.xL(`${step}: updates[${i}].value for key ${JSON.stringify(u.key)} is not a TOML scalar type (a string, number or boolean), got ${Array.isArray(u.value) ? 'a list' : u.value === null ? 'null' : typeof u.value}`);
        }
        const path = encode(parts);
        const node = index.get(path);
        if (!node) {
            throw new errors/* ConfigError */.xL(`${step}: ${where}: key ${JSON.stringify(u.key)} not found; toml-update only changes keys the file has`);
        }
        if (node.kind !== 'scalar') {
            throw new errors/* ConfigError */.xL(`${step}: ${where}:${toml_edit_lineCol(text, node.start)}: key ${JSON.stringify(u.key)} addresses ${KIND_TEXT[node.kind]}, not a scalar; toml-update updates scalar values only`);
        }
        previous?.set(u.key, lookup(before, parts));
        byPath.set(path, { start: node.start, end: node.end, text: formatTomlValue(u.value) });
        planned.push({ key: u.key, parts, value: u.value });
    }
    let out = text;
    for (const edit of [...byPath.values()].sort((a, b) => b.start - a.start)) {
        out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    }
    let after;
    try {
        after = parseTomlText(step, where, out);
    }
    catch {
        after = undefined;
    }
    const last = new Map(planned.map((p) => [encode(p.parts), p]));
    for (const p of last.values()) {
        if (!after || !(0,external_node_util_.isDeepStrictEqual)(lookup(after, p.parts), p.value)) {
            throw new errors/* OperationError */.OK(`${step}: ${where}: the edited file does not read back as intended at key ${JSON.stringify(p.key)}; nothing was changed. This is a gantry bug.`);
        }
    }
    return out;
}
const KIND_TEXT = {
    table: 'a table',
    'array-of-tables': 'an array of tables',
    array: 'an array',
    'inline-table': 'an inline table',
    scalar: 'a scalar',
};
/** Paths compared as Kargo does: every part as text, so `values.1` is item 1 or the key "1". */
function encode(parts) {
    return parts.map((p) => `${String(p).length}:${String(p)}`).join('|');
}
function lookup(root, parts) {
    let node = root;
    for (const part of parts) {
        if (Array.isArray(node))
            node = node[Number(part)];
        else if (node !== null && typeof node === 'object' && Object.hasOwn(node, String(part))) {
            node = node[String(part)];
        }
        else
            return undefined;
    }
    return node;
}
function toml_edit_lineCol(text, offset) {
    const before = text.slice(0, offset);
    return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
}
const BARE_KEY = /[A-Za-z0-9_-]/;
/**
 * Every key path of a document smol-toml accepted, with the span of its value. The scanner relies
 * on that check: it only needs to find where things end, not to judge them.
 */
function indexToml(text, where) {
    const index = new Map();
    /** Elements so far of each array of tables, by its path with earlier indexes resolved. */
    const arrayTables = new Map();
    let i = 0;
    const fail = (what) => {
        throw new errors/* ConfigError */.xL(`toml-update: ${where}:${toml_edit_lineCol(text, i)}: ${what}`);
    };
    const blank = () => {
        while (i < text.length && (text[i] === ' ' || text[i] === '\t'))
            i++;
    };
    /** Spaces, newlines and comments: between array items. */
    const gap = () => {
        for (;;) {
            blank();
            if (text[i] === '#')
                while (i < text.length && text[i] !== '\n')
                    i++;
            else if (text[i] === '\n' || text[i] === '\r')
                i++;
            else
                return;
        }
    };
    const basicString = () => {
        // i at the opening quote
        i++;
        let out = '';
        while (i < text.length && text[i] !== '"') {
            if (text[i] === '\\') {
                const e = text[i + 1];
                const simple = {
                    b: '\b',
                    t: '\t',
                    n: '\n',
                    f: '\f',
                    r: '\r',
                    '"': '"',
                    '\\': '\\',
                };
                if (e !== undefined && simple[e] !== undefined) {
                    out += simple[e];
                    i += 2;
                }
                else if (e === 'u' || e === 'U') {
                    const n = e === 'u' ? 4 : 8;
                    out += String.fromCodePoint(parseInt(text.slice(i + 2, i + 2 + n), 16));
                    i += 2 + n;
                }
                else
                    fail('invalid escape in a key');
            }
            else
                out += text[i++];
        }
        i++;
        return out;
    };
    const literalString = () => {
        const close = text.indexOf("'", i + 1);
        if (close < 0)
            fail('unterminated string');
        const s = text.slice(i + 1, close);
        i = close + 1;
        return s;
    };
    const key = () => {
        const parts = [];
        for (;;) {
            blank();
            const c = text[i];
            if (c === '"')
                parts.push(basicString());
            else if (c === "'")
                parts.push(literalString());
            else {
                const start = i;
                while (i < text.length && BARE_KEY.test(text[i] ?? ''))
                    i++;
                if (i === start)
                    fail('expected a key');
                parts.push(text.slice(start, i));
            }
            blank();
            if (text[i] !== '.')
                return parts;
            i++;
        }
    };
    const skipMultiline = (quote) => {
        i += 3;
        for (;;) {
            if (i >= text.length)
                fail('unterminated multi-line string');
            if (quote === '"' && text[i] === '\\')
                i += 2;
            else if (text.startsWith(quote.repeat(3), i))
                break;
            else
                i++;
        }
        // The content may end with one or two quotes: `"""a""""` closes after `a"`.
        let run = 0;
        while (text[i + run] === quote && run < 5)
            run++;
        i += run;
    };
    const value = (path) => {
        const start = i;
        const c = text[i];
        if (c === '[') {
            i++;
            let n = 0;
            for (;;) {
                gap();
                if (text[i] === ']')
                    break;
                value([...path, String(n++)]);
                gap();
                if (text[i] === ',')
                    i++;
            }
            i++;
            index.set(encode(path), { kind: 'array', start, end: i });
            return;
        }
        if (c === '{') {
            i++;
            for (;;) {
                blank();
                if (text[i] === '}')
                    break;
                const k = key();
                if (text[i] !== '=')
                    fail('expected "="');
                i++;
                blank();
                value([...path, ...k]);
                blank();
                if (text[i] === ',')
                    i++;
            }
            i++;
            index.set(encode(path), { kind: 'inline-table', start, end: i });
            return;
        }
        if (c === '"' || c === "'") {
            if (text.startsWith(c.repeat(3), i))
                skipMultiline(c);
            else if (c === '"')
                basicString();
            else
                literalString();
        }
        else {
            while (i < text.length && !/[\s,\]}#]/.test(text[i] ?? ''))
                i++;
            // A date-time may separate date and time with a space: `1979-05-27 07:32:00Z`.
            if (/^\d{4}-\d{2}-\d{2}$/.test(text.slice(start, i)) &&
                /^ \d{2}:/.test(text.slice(i, i + 4))) {
                i++;
                while (i < text.length && !/[\s,\]}#]/.test(text[i] ?? ''))
                    i++;
            }
        }
        index.set(encode(path), { kind: 'scalar', start, end: i });
    };
    /** A header's key with the index of the current element of every array of tables on the way. */
    const resolve = (parts, isArrayHeader) => {
        const out = [];
        parts.forEach((p, n) => {
            out.push(p);
            const last = n === parts.length - 1;
            if (last && isArrayHeader)
                return;
            const count = arrayTables.get(encode(out));
            if (count !== undefined)
                out.push(String(count - 1));
        });
        return out;
    };
    let current = [];
    if (text.startsWith('\uFEFF'))
        i = 1;
    while (i < text.length) {
        gap();
        if (i >= text.length)
            break;
        const headerStart = i;
        if (text[i] === '[') {
            const isArray = text[i + 1] === '[';
            i += isArray ? 2 : 1;
            const parts = resolve(key(), isArray);
            i += isArray ? 2 : 1;
            if (isArray) {
                const base = encode(parts);
                const n = arrayTables.get(base) ?? 0;
                arrayTables.set(base, n + 1);
                index.set(base, { kind: 'array-of-tables', start: headerStart, end: i });
                current = [...parts, String(n)];
            }
            else
                current = parts;
            index.set(encode(current), { kind: 'table', start: headerStart, end: i });
            continue;
        }
        const k = key();
        if (text[i] !== '=')
            fail('expected "="');
        i++;
        blank();
        // Parents made by a dotted key are tables too: addressing one is refused as such.
        for (let n = 1; n < k.length; n++) {
            const parent = encode([...current, ...k.slice(0, n)]);
            if (!index.has(parent))
                index.set(parent, { kind: 'table', start: i, end: i });
        }
        value([...current, ...k]);
    }
    return index;
}

;// CONCATENATED MODULE: ./src/promotion/steps/toml-parse.ts
/**
 * Kargo's `toml-parse` step: reads a TOML file and makes outputs from it, each an expr-lang
 * expression over the document (see parse-outputs.ts). Dates and times read as their TOML text
 * (RFC 3339), and an integer beyond JavaScript's safe range as its decimal text (see toml-edit.ts).
 */


const tomlParse = parseStep('toml-parse', 'TOML', parseTomlText);

;// CONCATENATED MODULE: ./src/promotion/steps/toml-update.ts
/**
 * Kargo's `toml-update` step: `{path, updates: [{key, value}]}` sets scalar values of keys a TOML
 * file has, changing only the bytes of each value (see ../toml-edit.ts), so comments, order and
 * formatting stay. Output `commitMessage` as Kargo writes it.
 */






const toml_update_STEP = 'toml-update';
/** Kargo's toml-update schema (scalar values of existing keys), with gantry's `allowEmpty`. */
const toml_update_schema = {
    type: 'object',
    description: 'Sets scalar values of existing keys in a TOML file by key path, keeping its comments and formatting. Output: `commitMessage`.',
    additionalProperties: false,
    required: ['path', 'updates'],
    properties: {
        path: nonEmpty('The TOML file, relative to the checkout.'),
        updates: {
            type: 'array',
            minItems: 1,
            description: 'The changes; several of one key: the last wins.',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['key', 'value'],
                properties: {
                    key: nonEmpty('Key path (sjson syntax): `package.version`, `labels.example\\.com/version`, `values.1`, `services.0.port` (an array of tables by index). It must address a scalar the file has.'),
                    value: {
                        type: ['string', 'number', 'boolean'],
                        description: "The new value: a string (written `'…'`), a number or a boolean, usually an expression.",
                    },
                    allowEmpty: flag('gantry: allow writing an empty string over a value the file holds.'),
                },
            },
        },
    },
};
const tomlUpdate = {
    name: toml_update_STEP,
    schema: toml_update_schema,
    async run(config, ctx) {
        (0,engine/* checkFields */.oA)(toml_update_STEP, config, ['path', 'updates']);
        const path = (0,engine/* requireString */.VW)(toml_update_STEP, config, 'path');
        const updates = (0,engine/* requireUpdates */.E0)(toml_update_STEP, config, ['allowEmpty']);
        const abs = await (0,safe_path/* safePath */.n)(ctx.worktree, path, `${toml_update_STEP}: path`);
        const rel = (0,safe_path.normalizeRelative)(path);
        const text = await readStepFile(toml_update_STEP, abs, rel);
        const previous = new Map();
        const out = setTomlValues(text, updates, rel, previous);
        (0,engine/* refuseEmptyWrites */.AO)(toml_update_STEP, rel, updates, previous, ctx.written);
        const changed = out !== text;
        if (changed)
            await (0,promises_.writeFile)(abs, out);
        return {
            outputs: { commitMessage: tomlUpdateCommitMessage(rel, updates) },
            summary: changed ? updateSummary(rel, updates, previous) : [],
            changed: changed ? [rel] : [],
        };
    },
};

;// CONCATENATED MODULE: ./src/promotion/steps/untar.ts
/**
 * Kargo's `untar` step: extracts the tar archive `inPath` (gzip-compressed or not, told by its
 * first bytes) into the directory `outPath`, which is replaced whole when it exists.
 * `stripComponents` drops leading path components (an entry with no more than that many is
 * skipped); `ignore` takes .gitignore lines matched against the (stripped) entry paths. Regular
 * files (with their permission bits, never set-id or sticky), directories and symbolic links are
 * extracted; other kinds (hard links, devices) are skipped, as in Kargo. As in Kargo, a file over
 * 50 MiB or more than 100 MiB in all fails the step.
 *
 * Safety, where gantry is stricter than Kargo (which skips such entries quietly): an entry whose
 * path is absolute, climbs with `..`, or names a `.git` directory, and a symbolic link whose
 * target is absolute or leads out of `outPath`, fail the step, naming the entry. Extraction goes
 * into a temporary directory of the checkout, every write checked component by component
 * (safePath: nothing reaches outside through a link made by an earlier entry), and every link is
 * resolved once all are made; only then does the result replace `outPath`. A failure leaves the
 * checkout as it was.
 */













const untar_STEP = 'untar';
/** Headers and padding on top of the 100 MiB of contents. */
const MAX_ARCHIVE_BYTES = MAX_TAR_TOTAL_BYTES + (16 << 20);
function isInside(root, candidate) {
    const rel = external_node_path_default().relative(root, candidate);
    return rel === '' || (!rel.startsWith('..') && !external_node_path_default().isAbsolute(rel));
}
/** Every symbolic link under `dir`, as absolute paths. */
async function links(dir) {
    const out = [];
    for (const e of await (0,promises_.readdir)(dir, { withFileTypes: true })) {
        const abs = external_node_path_default().join(dir, e.name);
        if (e.isSymbolicLink())
            out.push(abs);
        else if (e.isDirectory())
            out.push(...(await links(abs)));
    }
    return out;
}
/**
 * Where a dangling link leads, resolved as the kernel would: component by component from the
 * link's real directory, `..` taken after any link before it is followed (a lexical resolve
 * would turn `a/..` into `.` even when `a` is a link elsewhere). Past the first component that
 * does not exist, the rest is appended as written (the kernel would stop there).
 */
async function danglingTarget(link, depth = 0) {
    if (depth > 40)
        return (external_node_path_default()).sep; // a loop: treated as leading nowhere safe
    const target = await (0,promises_.readlink)(link);
    let current = external_node_path_default().isAbsolute(target) ? (external_node_path_default()).sep : await (0,promises_.realpath)(external_node_path_default().dirname(link));
    const parts = target.split(/[/]+/).filter((p) => p !== '' && p !== '.');
    for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (part === '..') {
            current = external_node_path_default().dirname(current);
            continue;
        }
        const next = external_node_path_default().join(current, part);
        const st = await (0,promises_.lstat)(next).catch(() => undefined);
        if (!st)
            return external_node_path_default().join(next, ...parts.slice(i + 1));
        if (st.isSymbolicLink()) {
            current =
                (await (0,promises_.realpath)(next).catch(() => undefined)) ?? (await danglingTarget(next, depth + 1));
        }
        else
            current = next;
    }
    return current;
}
const untar = {
    name: untar_STEP,
    schema: {
        type: 'object',
        description: 'Extracts a tar archive (gzip-compressed or not) into a directory, replacing it.',
        additionalProperties: false,
        required: ['inPath', 'outPath'],
        properties: {
            inPath: nonEmpty('The archive, relative to the checkout.'),
            outPath: nonEmpty('The directory to extract into, relative to the checkout; replaced whole when it exists.'),
            stripComponents: {
                type: 'integer',
                minimum: 0,
                description: 'Leading path components dropped from each entry, as `tar --strip-components`.',
            },
            ignore: schema_parts_text('Entries to leave out, one .gitignore pattern a line, matched against entry paths.'),
        },
    },
    async run(config, ctx) {
        (0,engine/* checkFields */.oA)(untar_STEP, config, ['inPath', 'outPath', 'stripComponents', 'ignore']);
        const inRel = (0,engine/* requireString */.VW)(untar_STEP, config, 'inPath');
        const outRel = (0,engine/* requireString */.VW)(untar_STEP, config, 'outPath');
        const strip = config['stripComponents'] ?? 0;
        if (typeof strip !== 'number' || !Number.isInteger(strip) || strip < 0) {
            (0,errors/* fieldError */.$i)(untar_STEP, 'config.stripComponents', `must be a whole number, 0 or more, got ${JSON.stringify(strip)}`);
        }
        const rules = ignoreOption(untar_STEP, config);
        const inAbs = await (0,safe_path/* safePath */.n)(ctx.worktree, inRel, `${untar_STEP}: inPath`);
        const outAbs = await writablePath(ctx.worktree, outRel, `${untar_STEP}: outPath`);
        const inShown = (0,safe_path.normalizeRelative)(inRel);
        const outShown = (0,safe_path.normalizeRelative)(outRel);
        if (outShown === '.')
            (0,errors/* fieldError */.$i)(untar_STEP, 'config.outPath', 'would replace the whole checkout');
        const what = `${untar_STEP}: inPath ${JSON.stringify(inShown)}`;
        const st = await (0,promises_.lstat)(inAbs).catch(() => undefined);
        if (!st)
            (0,errors/* fieldError */.$i)(untar_STEP, 'config.inPath', `${JSON.stringify(inShown)}: no such file`);
        if (!st.isFile())
            (0,errors/* fieldError */.$i)(untar_STEP, 'config.inPath', `${JSON.stringify(inShown)} is not a file`);
        if (st.size > MAX_ARCHIVE_BYTES) {
            (0,errors/* fieldError */.$i)(untar_STEP, 'config.inPath', `${JSON.stringify(inShown)} is larger than the step extracts`);
        }
        let archive = await (0,promises_.readFile)(inAbs);
        if (archive[0] === 0x1f && archive[1] === 0x8b) {
            try {
                archive = (0,external_node_zlib_.gunzipSync)(archive, { maxOutputLength: MAX_ARCHIVE_BYTES });
            }
            catch (err) {
                throw new errors/* ConfigError */.xL(err.code === 'ERR_BUFFER_TOO_LARGE'
                    ? `${what}: decompresses to more than the 100 MiB the step extracts`
                    : `${what}: not a valid gzip file: ${(0,errors/* errorMessage */.gJ)(err)}`);
            }
        }
        const root = await (0,promises_.realpath)(ctx.worktree);
        const tempRel = `.gantry-untar-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
        const temp = external_node_path_default().join(root, tempRel);
        await (0,promises_.mkdir)(temp);
        let count = 0;
        try {
            let total = 0;
            for (const entry of readTar(archive, what)) {
                const shown = JSON.stringify(entry.name);
                const parts = entry.name
                    .replace(/^(\.\/)+/, '')
                    .split('/')
                    .filter((p) => p !== '' && p !== '.');
                if (entry.name.startsWith('/') ||
                    /^[A-Za-z]:/.test(entry.name) ||
                    entry.name.includes('\\')) {
                    throw new errors/* ConfigError */.xL(`${what}: entry ${shown} has an absolute path; nothing was extracted`);
                }
                if (parts.includes('..')) {
                    throw new errors/* ConfigError */.xL(`${what}: entry ${shown} climbs out with ".."; nothing was extracted`);
                }
                if (parts.some((p) => p.toLowerCase() === '.git')) {
                    throw new errors/* ConfigError */.xL(`${what}: entry ${shown} is inside a .git directory; nothing was extracted`);
                }
                if (entry.kind === 'other') {
                    ctx.log(`${untar_STEP}: ${entry.name}: not a file, directory or symbolic link; skipped`);
                    continue;
                }
                if (parts.length <= strip)
                    continue;
                const rel = parts.slice(strip).join('/');
                if (ignoredWithParents(rules, rel, entry.kind === 'dir'))
                    continue;
                const field = `${untar_STEP}: entry ${shown}`;
                const abs = await (0,safe_path/* safePath */.n)(temp, rel, field);
                if (entry.kind === 'dir') {
                    await (0,promises_.mkdir)(abs, { recursive: true });
                }
                else if (entry.kind === 'symlink') {
                    const target = entry.linkname;
                    const resolved = external_node_path_default().resolve(external_node_path_default().dirname(abs), target);
                    if (external_node_path_default().isAbsolute(target) || target.includes('\\') || !isInside(temp, resolved)) {
                        throw new errors/* ConfigError */.xL(`${what}: entry ${shown} is a symbolic link to ${JSON.stringify(target)}, outside ${JSON.stringify(outShown)}; nothing was extracted`);
                    }
                    await (0,promises_.mkdir)(external_node_path_default().dirname(abs), { recursive: true });
                    await (0,promises_.rm)(abs, { recursive: true, force: true });
                    await (0,promises_.symlink)(target, abs);
                }
                else {
                    if (entry.data.length > MAX_TAR_FILE_BYTES) {
                        throw new errors/* ConfigError */.xL(`${what}: entry ${shown} is larger than 50 MiB, the most the step extracts per file`);
                    }
                    total += entry.data.length;
                    if (total > MAX_TAR_TOTAL_BYTES) {
                        throw new errors/* ConfigError */.xL(`${what}: the archive holds more than 100 MiB, the most the step extracts`);
                    }
                    await (0,promises_.mkdir)(external_node_path_default().dirname(abs), { recursive: true });
                    // A link an earlier entry made is replaced, never written through.
                    await (0,promises_.rm)(abs, { force: true });
                    await (0,promises_.writeFile)(abs, entry.data, { mode: entry.mode & 0o777 });
                    if (entry.mtime > 0)
                        await (0,promises_.utimes)(abs, entry.mtime, entry.mtime);
                }
                count++;
            }
            // Links resolved with every entry in place: a chain of links that ends outside is refused.
            for (const link of await links(temp)) {
                const target = (await (0,promises_.realpath)(link).catch(() => undefined)) ?? (await danglingTarget(link));
                if (!isInside(temp, target)) {
                    throw new errors/* ConfigError */.xL(`${what}: entry ${JSON.stringify(external_node_path_default().relative(temp, link))} is a symbolic link that leads outside ${JSON.stringify(outShown)}; nothing was extracted`);
                }
            }
            await (0,promises_.rm)(outAbs, { recursive: true, force: true });
            await (0,promises_.mkdir)(external_node_path_default().dirname(outAbs), { recursive: true });
            await (0,promises_.rename)(temp, outAbs);
        }
        finally {
            await (0,promises_.rm)(temp, { recursive: true, force: true });
        }
        ctx.log(`${untar_STEP}: ${count} entries of ${inShown} extracted into ${outShown}`);
        return { summary: [`- extracted ${inShown} into ${outShown}`], changed: [outShown] };
    },
};

;// CONCATENATED MODULE: ./src/promotion/steps/yaml-merge.ts
/**
 * Kargo's `yaml-merge` step: `inFiles` merged in order into `outFile` (created or replaced), with
 * Kargo's rules (kustomize's merge2): maps merge key by key, recursively; a scalar or a list in a
 * later file replaces the earlier value whole (lists are not merged); a key set to null in a
 * later file removes the key; keys found in one file only are kept. A file that is empty (or holds
 * only comments) adds nothing; with `ignoreMissingFiles` a missing file is skipped, and when every
 * file is skipped `outFile` is written empty. Output `commitMessage` in Kargo's words.
 *
 * The merge works on the parsed documents, so the first file's comments, key order and scalar
 * styles survive, and a value taken from a later file brings its own comments. A file holding
 * several documents is refused (which one would merge is a guess).
 */









const yaml_merge_STEP = 'yaml-merge';
const isNull = (n) => n === null || ((0,dist.isScalar)(n) && n.value === null);
const keyOf = (pair) => ((0,dist.isScalar)(pair.key) ? pair.key.value : pair.key);
/** `patch` applied over `base` (both parsed nodes); returns the merged node. */
function mergeNodes(base, patch) {
    if (!(0,dist.isMap)(base) || !(0,dist.isMap)(patch)) {
        // The replacing value keeps the comment of the one it replaces when it has none of its own.
        if ((0,dist.isScalar)(base) && (0,dist.isScalar)(patch) && !patch.comment && base.comment) {
            patch.comment = base.comment;
        }
        return patch;
    }
    for (const pair of patch.items) {
        const key = keyOf(pair);
        const at = base.items.findIndex((p) => keyOf(p) === key);
        if (isNull(pair.value)) {
            if (at >= 0)
                base.items.splice(at, 1);
            continue;
        }
        const existing = at >= 0 ? base.items[at] : undefined;
        if (!existing) {
            base.items.push(pair);
            continue;
        }
        existing.value =
            existing.value && !isNull(existing.value)
                ? mergeNodes(existing.value, pair.value)
                : pair.value;
    }
    return base;
}
/** The one document of a file, or undefined when it holds none; errors name file:line:col. */
function readDocument(rel, field, text) {
    const docs = (0,dist.parseAllDocuments)(text);
    if (!Array.isArray(docs) || docs.length === 0)
        return undefined;
    for (const doc of docs) {
        const error = doc.errors[0];
        if (error) {
            const at = error.linePos?.[0];
            throw new errors/* ConfigError */.xL(`${yaml_merge_STEP}: ${field}: ${at ? `${rel}:${at.line}:${at.col}` : rel}: not valid YAML: ${error.message.split('\n')[0]}`);
        }
    }
    if (docs.length > 1) {
        const second = docs[1]?.range[0] ?? 0;
        throw new errors/* ConfigError */.xL(`${yaml_merge_STEP}: ${field}: ${rel} holds ${docs.length} YAML documents (the second starts at line ${text.slice(0, second).split('\n').length}); yaml-merge merges files of one document`);
    }
    const doc = docs[0];
    if (!doc || doc.contents === null || isNull(doc.contents))
        return undefined;
    let aliases = false;
    (0,dist.visit)(doc, {
        Alias() {
            aliases = true;
            return dist.visit.BREAK;
        },
    });
    // Nodes move between documents; an alias would lose its anchor on the way, so a file with
    // aliases is merged by value (its comments are lost, its data is not).
    return aliases ? new dist.Document(doc.toJS({ maxAliasCount: 100 })) : doc;
}
/** Kargo's commit message fragment for the files merged (the skipped ones not named). */
function yamlMergeCommitMessage(inFiles, outFile) {
    if (inFiles.length === 1)
        return `Wrote ${inFiles[0]} to ${outFile}`;
    return [
        `Merged ${inFiles.length} YAML files to ${outFile}`,
        ...inFiles.map((f) => `- ${f}`),
    ].join('\n');
}
const yamlMerge = {
    name: yaml_merge_STEP,
    schema: {
        type: 'object',
        description: 'Merges YAML files in order into one file: maps merge, scalars and lists from later files replace, null removes a key.',
        additionalProperties: false,
        required: ['inFiles', 'outFile'],
        properties: {
            inFiles: {
                type: 'array',
                minItems: 1,
                items: nonEmpty('A YAML file, relative to the checkout.'),
                description: 'The files to merge, first the base, then each file applied over the result.',
            },
            outFile: nonEmpty('The merged file, relative to the checkout; created or replaced.'),
            ignoreMissingFiles: flag('Skip files of `inFiles` that do not exist (default false: a missing file fails the step).'),
        },
    },
    async run(config, ctx) {
        (0,engine/* checkFields */.oA)(yaml_merge_STEP, config, ['inFiles', 'outFile', 'ignoreMissingFiles']);
        const inFiles = config['inFiles'];
        if (!Array.isArray(inFiles) || inFiles.length === 0) {
            (0,errors/* fieldError */.$i)(yaml_merge_STEP, 'config.inFiles', 'is required: a list of at least one YAML file');
        }
        const outRel = (0,engine/* requireString */.VW)(yaml_merge_STEP, config, 'outFile');
        const ignoreMissing = (0,engine/* optionalBool */.RO)(yaml_merge_STEP, config, 'ignoreMissingFiles') ?? false;
        const outAbs = await writablePath(ctx.worktree, outRel, `${yaml_merge_STEP}: outFile`);
        const outShown = (0,safe_path.normalizeRelative)(outRel);
        if ((await (0,promises_.lstat)(outAbs).catch(() => undefined))?.isDirectory()) {
            (0,errors/* fieldError */.$i)(yaml_merge_STEP, 'config.outFile', `${JSON.stringify(outShown)} is a directory`);
        }
        // Every input is read and merged before anything is written.
        let merged;
        // Kargo's commit message names the files as the config wrote them.
        const used = [];
        for (const [i, item] of inFiles.entries()) {
            const field = `config.inFiles[${i}]`;
            const abs = await (0,safe_path/* safePath */.n)(ctx.worktree, item, `${yaml_merge_STEP}: ${field}`);
            const rel = (0,safe_path.normalizeRelative)(item);
            let text;
            try {
                text = await (0,promises_.readFile)(abs, 'utf8');
            }
            catch (err) {
                const code = err.code;
                if (code === 'ENOENT' && ignoreMissing) {
                    ctx.log(`${yaml_merge_STEP}: ${rel} does not exist; skipped (ignoreMissingFiles)`);
                    continue;
                }
                if (code === 'ENOENT') {
                    (0,errors/* fieldError */.$i)(yaml_merge_STEP, field, `${JSON.stringify(rel)}: no such file (set ignoreMissingFiles: true to skip missing files)`);
                }
                if (code === 'EISDIR')
                    (0,errors/* fieldError */.$i)(yaml_merge_STEP, field, `${JSON.stringify(rel)} is a directory`);
                throw err;
            }
            used.push(item);
            const doc = readDocument(rel, field, text);
            if (!doc)
                continue;
            if (!merged)
                merged = doc;
            else
                merged.contents = mergeNodes(merged.contents, doc.contents);
        }
        const out = merged ? merged.toString() : '';
        const before = await (0,promises_.readFile)(outAbs, 'utf8').catch(() => undefined);
        const changed = before !== out;
        if (changed) {
            await (0,promises_.mkdir)(external_node_path_default().dirname(outAbs), { recursive: true });
            await (0,promises_.writeFile)(outAbs, out);
        }
        return {
            ...(used.length > 0 && { outputs: { commitMessage: yamlMergeCommitMessage(used, outRel) } }),
            summary: changed ? [`- merged ${used.length} YAML file(s) into ${outShown}`] : [],
            changed: changed ? [outShown] : [],
        };
    },
};

;// CONCATENATED MODULE: ./src/promotion/steps/yaml-parse.ts
/**
 * Kargo's `yaml-parse` step: reads a YAML file and makes outputs from it, each an expr-lang
 * expression over the document (see parse-outputs.ts). A file of several documents is read as
 * its first, as Kargo's YAML reader does; an empty file is an error, as in Kargo.
 */



const yaml_parse_STEP = 'yaml-parse';
/** The first document of `text` as plain data; errors name the file, line and column. */
function parseYamlFile(step, rel, text) {
    const docs = (0,dist.parseAllDocuments)(text);
    const first = Array.isArray(docs) ? docs[0] : undefined;
    if (!first || first.contents === null) {
        throw new errors/* ConfigError */.xL(`${step}: path ${JSON.stringify(rel)}: the file holds no YAML document`);
    }
    const error = first.errors[0];
    if (error) {
        const at = error.linePos?.[0];
        const where = at ? `${rel}:${at.line}:${at.col}` : rel;
        throw new errors/* ConfigError */.xL(`${step}: ${where}: not valid YAML: ${error.message.split('\n')[0]}`);
    }
    return first.toJS({ maxAliasCount: 100 });
}
const yamlParse = parseStep(yaml_parse_STEP, 'YAML', parseYamlFile);

;// CONCATENATED MODULE: ./src/promotion/steps/registry.ts
/**
 * The built-in promotion steps, by Kargo's names. `runSteps` looks `uses` up here; an unknown name
 * is a ConfigError with a did-you-mean.
 */





























function defaultRegistry() {
    const steps = [
        yamlUpdate,
        jsonUpdate,
        kustomizeSetImage,
        helmUpdateChart,
        kustomizeBuild,
        helmTemplate,
        copy,
        deleteStep,
        composeOutput,
        fail,
        fileWrite,
        yamlParse,
        jsonParse,
        yamlMerge,
        http,
        httpDownload,
        tar,
        untar,
        gitClone,
        gitClear,
        gitCommit,
        gitPush,
        gitTag,
        ...GIT_PR_STEPS,
        argocdUpdate,
        tomlParse,
        tomlUpdate,
        ociDownload,
        ociPush,
        githubPush,
        argocdWait,
        setMetadata,
        setFreightAlias,
    ];
    return new Map(steps.map((s) => [s.name, s]));
}


/***/ }),

/***/ 1854:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ safePath),
/* harmony export */   normalizeRelative: () => (/* binding */ normalizeRelative)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);
/**
 * Paths that promotion steps touch, kept inside the checkout.
 *
 * A step's path (`path`, `inPath`, `outPath`, …) is relative to the worktree. `safePath` refuses
 * absolute paths, paths that climb out with `..`, paths into `.git`, and paths that leave the
 * checkout through a symbolic link at any component: each existing component is checked with
 * lstat, and a link's target (fs.realpath, or its text when the link dangles) must lie inside the
 * worktree's real path. Components that do not exist yet (a file a step is about to create) are
 * appended lexically to the deepest existing, checked parent.
 *
 * Every problem is a ConfigError naming the step field (`yaml-update: path "../x": …`).
 */



/** `a/./b//c/` → `a/b/c`, `./` → `.`, with `/` separators; no checks. */
function normalizeRelative(relative) {
    const n = node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.normalize(relative.replace(/\\/g, '/'));
    const trimmed = n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
    return trimmed === '' ? '.' : trimmed;
}
function isInside(root, candidate) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, candidate);
    return rel === '' || (!rel.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(rel));
}
function errnoCode(err) {
    return typeof err === 'object' && err !== null && 'code' in err
        ? String(err.code)
        : undefined;
}
/**
 * The absolute path `relative` names inside `worktree`, after the checks described above.
 * `field` names the step and field for messages, e.g. `yaml-update: path`.
 */
async function safePath(worktree, relative, field, options = {}) {
    return resolveInside(worktree, relative, field, options, JSON.stringify(relative), 0);
}
async function resolveInside(worktree, relative, field, options, shown, depth) {
    if (depth > 40)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`${field} ${shown}: too many levels of symbolic links`);
    if (typeof relative !== 'string' || relative.trim() === '') {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`${field}: must be a non-empty path relative to the checkout`);
    }
    if (relative.includes('\0')) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`${field} ${shown}: contains a NUL byte`);
    }
    if (node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(relative) || node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.isAbsolute(relative) || /^[A-Za-z]:/.test(relative)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`${field} ${shown}: absolute paths are not allowed; give a path relative to the checkout`);
    }
    const normalized = normalizeRelative(relative);
    if (normalized === '..' || normalized.startsWith('../')) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`${field} ${shown}: leads outside the checkout (through "..")`);
    }
    const parts = normalized === '.' ? [] : normalized.split('/');
    if (parts.some((p) => p.toLowerCase() === '.git')) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`${field} ${shown}: steps may not touch the .git directory`);
    }
    let root;
    try {
        root = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(worktree);
    }
    catch (err) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`${field}: the checkout ${worktree} is not readable: ${String(err)}`);
    }
    let current = root;
    for (let i = 0; i < parts.length; i++) {
        const part = parts[i] ?? '';
        const next = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(current, part);
        let isLink;
        try {
            isLink = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(next)).isSymbolicLink();
        }
        catch (err) {
            const code = errnoCode(err);
            if (code === 'ENOENT' || code === 'ENOTDIR') {
                // Nothing below exists yet: the rest is appended lexically to a checked parent.
                return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(current, ...parts.slice(i));
            }
            throw err;
        }
        const last = i === parts.length - 1;
        if (!isLink || (last && options.noFollowFinal)) {
            current = next;
            continue;
        }
        let target;
        let dangling = false;
        try {
            target = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(next);
        }
        catch (err) {
            if (errnoCode(err) !== 'ENOENT')
                throw err;
            // A dangling link: writing through it would create its target, so check the text.
            target = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(next), await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readlink)(next));
            dangling = true;
        }
        if (!isInside(root, target)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`${field} ${shown}: ${parts.slice(0, i + 1).join('/')} is a symbolic link that leads outside the checkout`);
        }
        if (node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, target).split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep))[0]?.toLowerCase() === '.git') {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`${field} ${shown}: ${parts.slice(0, i + 1).join('/')} is a symbolic link into .git`);
        }
        if (dangling) {
            // The target may itself be a link (to outside): check it, and the rest, the same way.
            const rest = [node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, target) || '.', ...parts.slice(i + 1)].join('/');
            return resolveInside(root, rest, field, options, shown, depth + 1);
        }
        current = target;
    }
    return current;
}


/***/ }),

/***/ 9880:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ PromotionPendingError),
/* harmony export */   U: () => (/* binding */ StepPendingError)
/* harmony export */ });
/**
 * Thrown by a step that leaves the promotion waiting on something outside the job (a pull request
 * nobody has merged yet): later steps do not run, and the promotion ends as pending, not failed.
 */
class PromotionPendingError extends Error {
    pullRequest;
    constructor(message, pullRequest) {
        super(message);
        this.pullRequest = pullRequest;
        this.name = 'PromotionPendingError';
    }
}
/**
 * Thrown by a step whose work is not done yet, as opposed to failed (Kargo's Running): an http
 * step whose successExpression is not met yet. With `retry.timeout` the engine asks again every
 * `retryAfterMs` until the timeout; without it, this fails the step like any error.
 */
class StepPendingError extends Error {
    retryAfterMs;
    constructor(message, retryAfterMs) {
        super(message);
        this.retryAfterMs = retryAfterMs;
        this.name = 'StepPendingError';
    }
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



/***/ })

};
