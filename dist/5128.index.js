export const id = 5128;
export const ids = [5128];
export const modules = {

/***/ 4058:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EI: () => (/* binding */ changesTable),
/* harmony export */   cv: () => (/* binding */ versionChanges),
/* harmony export */   eD: () => (/* binding */ formatChange)
/* harmony export */ });
/* harmony import */ var _util_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7183);

const shortSha = (sha) => sha.slice(0, 7);
function versions(f) {
    const m = new Map();
    for (const i of f?.images ?? [])
        m.set(i.repoURL, { kind: 'image', version: i.tag || `@${i.digest}` });
    for (const c of f?.charts ?? [])
        m.set(c.name ? `${c.repoURL.replace(/\/+$/, '')}/${c.name}` : c.repoURL, {
            kind: 'chart',
            version: c.version,
        });
    for (const c of f?.commits ?? [])
        m.set(c.repoURL, { kind: 'git', version: c.tag ?? shortSha(c.id) });
    return m;
}
/** Version changes from what a stage ran to the freight it gets: `ghcr.io/acme/echo: 1.0.0 → 1.1.0`. */
function versionChanges(previous, next) {
    const before = versions(previous);
    const after = versions(next);
    const out = [];
    for (const [artifact, { kind, version }] of after) {
        const old = before.get(artifact)?.version;
        if (old !== version)
            out.push({ artifact, kind, from: old, to: version });
    }
    for (const [artifact, { kind, version }] of before) {
        if (!after.has(artifact))
            out.push({ artifact, kind, from: version });
    }
    return out;
}
function formatChange(c) {
    if (c.from === undefined)
        return `${c.artifact}: ${c.to}`;
    if (c.to === undefined)
        return `${c.artifact}: ${c.from} → removed`;
    return `${c.artifact}: ${c.from} → ${c.to}`;
}
/** The version changes as a Markdown table (job summaries, pull request bodies). */
function changesTable(changes) {
    return (0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdTable */ .gJ)(['artifact', 'from', 'to'], changes.map((c) => [
        `\`${c.artifact}\``,
        c.from ? `\`${c.from}\`` : '—',
        c.to ? `\`${c.to}\`` : 'removed',
    ]));
}


/***/ }),

/***/ 2791:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ configText)
/* harmony export */ });
/* unused harmony export configValue */
/**
 * Settings written straight into a fresh repository's config file: one file append instead of a
 * `git config` process per key (each costs a few milliseconds of start-up, more on a busy runner).
 */
/** A config value as git reads it back byte for byte: quoted, with `\` and `"` escaped. */
function configValue(value) {
    if (/[\n\r\0]/.test(value)) {
        // Git cannot hold these in a value written this way; a URL never needs them.
        throw new Error(`a git config value cannot contain a line break or NUL: ${JSON.stringify(value)}`);
    }
    return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
/** `[section "sub"]` blocks of `key = value` lines, for appending to `.git/config`. */
function configText(sections) {
    let out = '';
    for (const [name, keys] of Object.entries(sections)) {
        const dot = name.indexOf('.');
        out +=
            dot < 0 ? `[${name}]\n` : `[${name.slice(0, dot)} ${configValue(name.slice(dot + 1))}]\n`;
        for (const [k, v] of Object.entries(keys))
            out += `\t${k} = ${configValue(v)}\n`;
    }
    return out;
}


/***/ }),

/***/ 7131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GA: () => (/* binding */ sweepCheckouts),
/* harmony export */   HR: () => (/* binding */ openCacheRepo),
/* harmony export */   by: () => (/* binding */ makeCheckout),
/* harmony export */   dv: () => (/* binding */ initBare),
/* harmony export */   ep: () => (/* binding */ isBrokenCache),
/* harmony export */   oB: () => (/* binding */ repairRepo),
/* harmony export */   zY: () => (/* binding */ initRepository)
/* harmony export */ });
/* unused harmony export readSimpleConfig */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _git_config_file_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2791);
/* harmony import */ var _git_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4484);
/* harmony import */ var _lock_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2118);
/* harmony import */ var _owner_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9622);









/**
 * Local state that a `kill -9` at any instant must leave usable: the cache repositories (built
 * under a temporary name and renamed into place, so a half-configured one is never seen), git's
 * own lock files a killed git leaves inside them, and the scratch checkouts promotions make.
 */
/**
 * Opens (creating it when needed) a bare repository at `path` whose config holds `settings`.
 * One that exists without them (left by an older gantry killed mid-creation, or edited by hand)
 * is rebuilt. True when it was made (or rebuilt) now: it holds no object.
 */
async function openCacheRepo(git, path, settings) {
    let created = false;
    await (0,_lock_js__WEBPACK_IMPORTED_MODULE_6__/* .withDirLock */ .j)(path, async () => {
        if (await isConfigured(git, path, settings))
            return;
        created = true;
        await removeScratchRepos(path);
        const tmp = `${path}.tmp-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`;
        await initBare(tmp);
        // One append instead of a `git config` process per setting.
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.appendFile)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(tmp, 'config'), (0,_git_config_file_js__WEBPACK_IMPORTED_MODULE_8__/* .configText */ .U)(sections(settings)));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(path, { recursive: true, force: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(tmp, path);
    }, { recover: () => repairRepo(path) });
    return created;
}
/**
 * An empty repository, written as `git init` leaves one minus its sample hooks and description
 * (gitrepository-layout: HEAD, config, objects/, refs/): `git init` would cost a process, and
 * copying its templates, on every cold start. `gitDir` is the repository itself when `bare`, else
 * the `.git` of a work tree. Like git init, it asks the file system whether names differing in
 * case are one file (macOS, Windows): work trees made there must know it, or a file renamed in
 * case only would show as deleted and added.
 */
async function initRepository(gitDir, o) {
    for (const sub of ['objects/info', 'objects/pack', 'refs/heads', 'refs/tags', 'info'])
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(gitDir, sub), { recursive: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(gitDir, 'HEAD'), 'ref: refs/heads/main\n');
    const core = `[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = ${o.bare}\n`;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(gitDir, 'config'), core);
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(gitDir, 'CoNfIg')))
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.appendFile)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(gitDir, 'config'), '\tignorecase = true\n');
}
/** An empty bare repository (initRepository). */
const initBare = (dir) => initRepository(dir, { bare: true });
/** `remote.origin.url` → section `remote.origin`, key `url` (the last dot splits them). */
function sections(settings) {
    const out = {};
    for (const [k, v] of settings) {
        const dot = k.lastIndexOf('.');
        (out[k.slice(0, dot)] ??= {})[k.slice(dot + 1)] = v;
    }
    return out;
}
async function isConfigured(git, path, settings) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(path, 'HEAD')) || !(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(path, 'objects')))
        return false;
    // The file as gantry and git write it is read here; anything else is left to git to read.
    let have = readSimpleConfig(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(path, 'config'), 'utf8').catch(() => ''));
    if (!have) {
        const res = await git.tryRun(['config', '--file', (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(path, 'config'), '--list']);
        if (res.exitCode !== 0)
            return false;
        have = new Map();
        for (const line of res.stdout.split('\n')) {
            const i = line.indexOf('=');
            if (i > 0)
                have.set(line.slice(0, i).toLowerCase(), line.slice(i + 1));
        }
    }
    return settings.every(([k, v]) => have.get(k.toLowerCase()) === v);
}
/**
 * A git config file's `key → value` (keys lowercased, the last value of a key wins), as
 * `git config --list` would give them, when every line is of the plain forms gantry and git
 * write: `[section]`, `[section "sub"]`, `key = value` (a value unquoted, or wholly quoted with
 * `\\` and `\"` escapes), comments. Undefined for anything else (a key without a value, a line
 * continued, other escapes): git reads those. Spares a warm command a `git config` per cache.
 */
function readSimpleConfig(text) {
    const out = new Map();
    let section;
    for (const raw of text.split('\n')) {
        const line = raw.trim();
        if (!line || line.startsWith('#') || line.startsWith(';'))
            continue;
        const head = /^\[([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\\n]|\\[\\"])*)")?\]$/.exec(line);
        if (head) {
            const sub = head[2]?.replace(/\\(.)/g, '$1');
            section = sub === undefined ? head[1] : `${head[1]}.${sub}`;
            continue;
        }
        const kv = /^([A-Za-z][A-Za-z0-9-]*)\s*=\s*(.*)$/.exec(line);
        if (!kv || section === undefined)
            return undefined;
        const v = kv[2];
        const quoted = /^"((?:[^"\\]|\\[\\"])*)"$/.exec(v);
        let value;
        if (quoted)
            value = quoted[1].replace(/\\(.)/g, '$1');
        else if (/^[^"\\#;]*$/.test(v))
            value = v.trim();
        else
            return undefined;
        out.set(`${section}.${kv[1]}`.toLowerCase(), value);
    }
    return out;
}
/** Repositories a killed process was building (`<path>.tmp-*`); only made under the lock we hold. */
async function removeScratchRepos(path) {
    const prefix = `${(0,node_path__WEBPACK_IMPORTED_MODULE_4__.basename)(path)}.tmp-`;
    const names = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.dirname)(path)).catch(() => []);
    for (const n of names.filter((x) => x.startsWith(prefix)))
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.dirname)(path), n), { recursive: true, force: true });
}
/**
 * After a holder of the cache lock died: git's own lock files (`shallow.lock`, `packed-refs.lock`,
 * `refs/…/x.lock`) left by a git it was running would make every later fetch fail with "File
 * exists". No git runs in the cache without our lock, so each of them is dead.
 */
async function repairRepo(path) {
    await removeScratchRepos(path);
    const top = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir)(path).catch(() => []);
    for (const n of top.filter((x) => x.endsWith('.lock')))
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(path, n), { force: true });
    const refs = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(path, 'refs'), { recursive: true }).catch(() => []);
    for (const n of refs.filter((x) => x.endsWith('.lock')))
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(path, 'refs', n), { force: true });
}
/** git's words for a local repository it cannot use as it is; a fresh one fixes each of them. */
function isBrokenCache(err) {
    if (!(err instanceof _git_index_js__WEBPACK_IMPORTED_MODULE_5__/* .GitError */ .XS))
        return false;
    return /not a git repository|bad object|is corrupt|object file \S+ is empty|too short to be a packfile|packfile \S+ does not match index|not a packfile|bad packed object|bad tree|unable to read tree|inflate|index-pack failed|unable to create '[^']*\.lock': file exists|shallow file has changed|invalid (?:object|sha1 pointer)|missing (?:blob|tree|commit) object|did not send all necessary objects/i.test(err.stderr);
}
// ---- scratch checkouts ----------------------------------------------------------------------------
const CHECKOUT_PREFIX = 'promote-';
/** A checkout without an owner record was orphaned the instant it was made; this is generous. */
const OWNERLESS_AFTER_MS = 10 * 60_000;
/** An owner on another host cannot be asked; no promotion takes a day. */
const FOREIGN_AFTER_MS = 24 * 60 * 60_000;
/**
 * A fresh directory for one promotion's checkout, with an owner record beside it
 * (`<dir>.owner`: it cannot live inside, where `git clean` and `git add -A` would see it).
 */
async function makeCheckout(cacheDir) {
    // The PID is in the name because the directory exists before its owner record: a process killed
    // in between leaves a checkout only the name can tell the maker of.
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(cacheDir, `${CHECKOUT_PREFIX}${process.pid}-`));
    const ownerFile = `${dir}.owner`;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(ownerFile, (0,_owner_js__WEBPACK_IMPORTED_MODULE_7__/* .serializeOwner */ .Qn)((0,_owner_js__WEBPACK_IMPORTED_MODULE_7__/* .currentOwner */ .Hf)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.basename)(dir))));
    return {
        dir,
        remove: async () => {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(dir, { recursive: true, force: true });
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(ownerFile, { force: true });
        },
    };
}
/**
 * Removes the checkouts of promotions that were killed: those whose owner process is gone, those
 * without an owner record after ten minutes, those of another host after a day. A checkout whose
 * owner runs is never touched. Returns the names removed.
 */
async function sweepCheckouts(cacheDir, now = Date.now()) {
    const names = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir)(cacheDir).catch(() => []);
    const removed = [];
    for (const name of names) {
        if (!name.startsWith(CHECKOUT_PREFIX))
            continue;
        const isOwnerFile = name.endsWith('.owner');
        const dirName = isOwnerFile ? name.slice(0, -'.owner'.length) : name;
        if (isOwnerFile && names.includes(dirName))
            continue; // judged with its directory
        const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(cacheDir, dirName);
        const owner = await (0,_owner_js__WEBPACK_IMPORTED_MODULE_7__/* .readOwner */ .A7)(`${dir}.owner`);
        const age = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(isOwnerFile ? (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(cacheDir, name) : dir).then((s) => now - s.mtimeMs, () => undefined);
        if (age === undefined)
            continue;
        let gone;
        if (!owner) {
            const maker = /^(\d+)-/.exec(dirName.slice(CHECKOUT_PREFIX.length));
            gone =
                age > OWNERLESS_AFTER_MS ||
                    (maker !== null &&
                        (await (0,_owner_js__WEBPACK_IMPORTED_MODULE_7__/* .liveness */ .QX)({ token: dirName, pid: Number(maker[1]), host: (0,node_os__WEBPACK_IMPORTED_MODULE_3__.hostname)() })) === 'dead');
        }
        else {
            const state = await (0,_owner_js__WEBPACK_IMPORTED_MODULE_7__/* .liveness */ .QX)(owner);
            gone = state === 'dead' || (state === 'unknown' && age > FOREIGN_AFTER_MS);
        }
        if (!gone)
            continue;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(dir, { recursive: true, force: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(`${dir}.owner`, { force: true });
        removed.push(dirName);
    }
    return removed;
}


/***/ }),

/***/ 5128:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gx: () => (/* reexport */ MAX_HISTORY_DEPTH),
  Bz: () => (/* reexport */ PUSH_RACE),
  Ss: () => (/* reexport */ RaceLostError),
  fy: () => (/* reexport */ StateStore),
  W1: () => (/* reexport */ mergeMetadata),
  aI: () => (/* reexport */ metadataChanged),
  V7: () => (/* reexport */ nextStageState),
  jE: () => (/* reexport */ parseStageState),
  fv: () => (/* reexport */ promotionMessage),
  iX: () => (/* reexport */ serializeStageState),
  LF: () => (/* reexport */ stageChange),
  n0: () => (/* reexport */ stateFilePath)
});

// UNUSED EXPORTS: DEFAULT_IDENTITY, TRAILER, applyNotes, nextStageMetadata, noteRefName, noteStamp, parseApproval, parseListing, parseNote, parseNoteRef, parsePromotionCommit, parseRawDiff, parseStateRef, parseTagBody, parseVerification, projectRefPrefix, readNotes, resolveNotes, serializeApproval, serializeNote, serializeVerification, stateRefName, toStageFreight, treeEntries

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/freight/changes.ts
var freight_changes = __webpack_require__(4058);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/freight/document.ts
/**
 * The freight document: the message of the annotated tag `gantry/<project>/freight/<id>`.
 *
 *   freight lucky-jaguar            ← subject: what `git tag -n` shows
 *                                   ← blank line
 *   {                               ← JSON of the Freight (2-space indent), keys in a fixed order
 *     "id": "3f9a…",
 *     "alias": "lucky-jaguar",
 *     "origin": { "kind": "Warehouse", "name": "echo" },
 *     "images": [...],
 *     "charts": [...],
 *     "commits": [...],
 *     "createdAt": "2024-06-01T12:00:00.000Z",
 *     "createdBy": "https://github.com/acme/gitops/actions/runs/1"
 *   }
 *
 * JSON rather than YAML because listing reads every document: JSON.parse is ~70× faster than a
 * YAML parser. JSON escapes newlines and tabs inside strings (a multi-line commit message stays on
 * one line), and no line ends in a space or starts with `#`, so git's message clean-up (trailing
 * spaces, repeated blank lines, comment lines) cannot change a document.
 */

const SUBJECT_PREFIX = 'freight ';
function definedOnly(o) {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
/** The tag message for a freight. */
function serializeFreight(f) {
    const doc = definedOnly({
        id: f.id,
        alias: f.alias,
        origin: { kind: f.origin.kind, name: f.origin.name },
        images: f.images.map((i) => definedOnly({
            repoURL: i.repoURL,
            tag: i.tag,
            digest: i.digest,
            subscriptionName: i.subscriptionName,
        })),
        charts: f.charts.map((c) => definedOnly({
            repoURL: c.repoURL,
            name: c.name,
            version: c.version,
            subscriptionName: c.subscriptionName,
        })),
        commits: f.commits.map((c) => definedOnly({
            repoURL: c.repoURL,
            id: c.id,
            branch: c.branch,
            tag: c.tag,
            message: c.message,
            author: c.author,
            committer: c.committer,
            subscriptionName: c.subscriptionName,
        })),
        createdAt: f.createdAt,
        createdBy: f.createdBy,
    });
    return `${SUBJECT_PREFIX}${f.alias}\n\n${JSON.stringify(doc, null, 2)}\n`;
}
class Reader {
    fail;
    constructor(fail) {
        this.fail = fail;
    }
    object(v, path) {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) {
            this.fail(`${path} must be a mapping`);
        }
        return v;
    }
    array(o, key, path) {
        if (!Object.hasOwn(o, key))
            this.fail(`missing field ${path}${key}`);
        const v = o[key];
        if (!Array.isArray(v))
            this.fail(`field ${path}${key} must be a list`);
        return v;
    }
    string(o, key, path, opts = {}) {
        if (!Object.hasOwn(o, key) || o[key] === null)
            this.fail(`missing field ${path}${key}`);
        const v = o[key];
        if (typeof v !== 'string')
            this.fail(`field ${path}${key} must be a string`);
        if (!opts.empty && v === '')
            this.fail(`field ${path}${key} must not be empty`);
        return v;
    }
    optionalString(o, key, path) {
        if (!Object.hasOwn(o, key) || o[key] === null)
            return undefined;
        return this.string(o, key, path, { empty: true });
    }
}
/**
 * Read a freight document. `where` names its source for messages (a tag name, or a phrase such as
 * "file freight.json"); `expectedId`, when given, is the ID the tag name carries and must match the
 * document's. Throws OperationError naming `where` and the problem.
 */
function parseFreight(text, where, expectedId) {
    const source = /\s/.test(where) ? where : `tag ${where}`;
    const fail = (problem) => {
        throw new errors/* OperationError */.OK(`unreadable freight document in ${source}: ${problem}`);
    };
    const r = new Reader(fail);
    let message = text.replace(/\r\n/g, '\n');
    // A signed tag's message (as `%(contents)` shows it) ends with the signature.
    const signature = /^-----BEGIN (?:PGP|SSH) SIGNATURE-----$/m.exec(message);
    if (signature)
        message = message.slice(0, signature.index);
    const newline = message.indexOf('\n');
    const subject = newline < 0 ? message : message.slice(0, newline);
    if (!subject.startsWith(SUBJECT_PREFIX) || subject.length === SUBJECT_PREFIX.length) {
        fail(`the first line must be "freight <alias>", not ${JSON.stringify(subject.slice(0, 80))}`);
    }
    const subjectAlias = subject.slice(SUBJECT_PREFIX.length).trim();
    const rest = newline < 0 ? '' : message.slice(newline + 1);
    if (!rest.startsWith('\n'))
        fail('a blank line must follow the first line');
    const json = rest.slice(1);
    if (json.trim() === '')
        fail('the document is empty');
    let value;
    try {
        value = JSON.parse(json);
    }
    catch (err) {
        fail(`invalid JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (value === null)
        fail('the document is empty');
    const d = r.object(value, 'the document');
    const id = r.string(d, 'id', '');
    if (!/^[0-9a-f]{40}$/.test(id))
        fail(`field id must be 40 lowercase hex characters, not ${JSON.stringify(id)}`);
    if (expectedId !== undefined && id !== expectedId) {
        fail(`its id ${id} is not the tag's ${expectedId}`);
    }
    const alias = r.string(d, 'alias', '');
    if (alias !== subjectAlias)
        fail(`field alias ${JSON.stringify(alias)} differs from the first line's ${JSON.stringify(subjectAlias)}`);
    if (!Object.hasOwn(d, 'origin'))
        fail('missing field origin');
    const o = r.object(d.origin, 'field origin');
    const kind = r.string(o, 'kind', 'origin.');
    if (kind !== 'Warehouse')
        fail(`field origin.kind must be "Warehouse", not ${JSON.stringify(kind)}`);
    const origin = { kind: 'Warehouse', name: r.string(o, 'name', 'origin.') };
    const images = r.array(d, 'images', '').map((raw, n) => {
        const p = `images[${n}].`;
        const i = r.object(raw, `field images[${n}]`);
        return definedOnly({
            repoURL: r.string(i, 'repoURL', p),
            tag: r.string(i, 'tag', p, { empty: true }),
            digest: r.string(i, 'digest', p, { empty: true }),
            subscriptionName: r.optionalString(i, 'subscriptionName', p),
        });
    });
    const charts = r.array(d, 'charts', '').map((raw, n) => {
        const p = `charts[${n}].`;
        const c = r.object(raw, `field charts[${n}]`);
        return definedOnly({
            repoURL: r.string(c, 'repoURL', p),
            name: r.string(c, 'name', p, { empty: true }),
            version: r.string(c, 'version', p),
            subscriptionName: r.optionalString(c, 'subscriptionName', p),
        });
    });
    const commits = r.array(d, 'commits', '').map((raw, n) => {
        const p = `commits[${n}].`;
        const c = r.object(raw, `field commits[${n}]`);
        return definedOnly({
            repoURL: r.string(c, 'repoURL', p),
            id: r.string(c, 'id', p),
            branch: r.optionalString(c, 'branch', p),
            tag: r.optionalString(c, 'tag', p),
            message: r.optionalString(c, 'message', p),
            author: r.optionalString(c, 'author', p),
            committer: r.optionalString(c, 'committer', p),
            subscriptionName: r.optionalString(c, 'subscriptionName', p),
        });
    });
    const createdAt = r.string(d, 'createdAt', '');
    if (!/^\d{4}-\d{2}-\d{2}T/.test(createdAt) || Number.isNaN(Date.parse(createdAt)))
        fail(`field createdAt is not a time: ${JSON.stringify(createdAt)}`);
    const createdBy = r.optionalString(d, 'createdBy', '');
    // Unknown fields are ignored: documents written by a newer gantry stay readable.
    return definedOnly({ id, alias, origin, images, charts, commits, createdAt, createdBy });
}

// EXTERNAL MODULE: ./src/git/index.ts + 2 modules
var git = __webpack_require__(4484);
// EXTERNAL MODULE: ./src/util/retry.ts
var retry = __webpack_require__(4266);
// EXTERNAL MODULE: ./src/state/cache.ts
var cache = __webpack_require__(7131);
;// CONCATENATED MODULE: ./src/state/freight-index.ts
/**
 * The freight index of a project: the ref `refs/gantry/<project>/freight-index`, a commit whose
 * tree holds the project's freight as lines of text in numbered shards, oldest first, and whose
 * message counts them. It exists so that "the newest 20 freight" reads one shard instead of every
 * freight tag ever written: tag names carry no time, and reading the time of 50,000 tags means
 * fetching 50,000 tag objects.
 *
 * The tags stay the source of truth. The index is updated in the same `git push --atomic` as the
 * tags it describes, and a reader checks it against the tag listing it reads anyway: the count of
 * freight tags and the XOR of their object IDs (a tag object names its tag, so its ID stands for
 * the pair). An index that disagrees (written by an older gantry, a tag pushed or deleted by
 * hand) is not used: the reader falls back to reading every tag and writes a fresh index.
 */

/** The ref, outside refs/tags/ and refs/heads/: no clone, checkout or forge UI shows it. */
const freightIndexRef = (project) => `refs/gantry/${project}/freight-index`;
/** Lines per shard: a page of freight reads one or two shards (~70 KB each at most). */
const SHARD_LINES = 500;
const ZERO = '0'.repeat(40);
/** XOR of 40-hex object IDs, as 40 hex digits (order does not matter; XOR twice removes one). */
function xorOids(oids, start = ZERO) {
    // Five 32-bit words: tens of thousands of IDs are folded on every page of freight.
    const acc = new Uint32Array(5);
    for (let i = 0; i < 5; i++)
        acc[i] = parseInt(start.slice(i * 8, i * 8 + 8), 16);
    for (const oid of oids)
        for (let i = 0; i < 5; i++)
            acc[i] = acc[i] ^ parseInt(oid.slice(i * 8, i * 8 + 8), 16);
    return [...acc].map((w) => w.toString(16).padStart(8, '0')).join('');
}
function headOf(oids) {
    return { count: oids.length, xor: xorOids(oids) };
}
const sameHead = (a, b) => a.count === b.count && a.xor === b.xor;
// Tabs and newlines cannot occur in IDs or timestamps; in an alias or a warehouse name they would
// break the line, so they become spaces (the tag keeps the real value).
const field = (s) => s.replace(/[\t\r\n]/g, ' ');
function formatEntry(e) {
    return [e.createdAt, e.freightId, e.tagOid, field(e.warehouse), field(e.alias)].join('\t');
}
function parseShard(text, where) {
    const out = [];
    for (const [i, line] of text.split('\n').entries()) {
        if (!line)
            continue;
        const [createdAt = '', freightId = '', tagOid = '', warehouse = '', alias = ''] = line.split('\t');
        if (!/^[0-9a-f]{40}$/.test(freightId) || !/^[0-9a-f]{40}$/.test(tagOid)) {
            throw new errors/* OperationError */.OK(`freight index ${where}, line ${i + 1}: expected "createdAt<TAB>id<TAB>tag object<TAB>warehouse<TAB>alias"`);
        }
        out.push({ createdAt, freightId, tagOid, warehouse, alias });
    }
    return out;
}
function formatHeadMessage(project, head, what) {
    return `freight index of ${project}: ${what}\n\ncount ${head.count}\nxor ${head.xor}\n`;
}
function parseHeadMessage(message) {
    const count = /^count (\d+)$/m.exec(message)?.[1];
    const xor = /^xor ([0-9a-f]{40})$/m.exec(message)?.[1];
    return count !== undefined && xor ? { count: Number(count), xor } : undefined;
}
/** Shard file names sort as numbers do: `000000`, `000001`, … */
const shardName = (n) => String(n).padStart(6, '0');
/** Splits entries (oldest first) into shard texts of at most SHARD_LINES lines. */
function toShards(entries) {
    const shards = [];
    for (let i = 0; i < entries.length; i += SHARD_LINES)
        shards.push(entries
            .slice(i, i + SHARD_LINES)
            .map((e) => formatEntry(e) + '\n')
            .join(''));
    return shards;
}
/** Newest first, as `get freight` lists them; an unreadable tag's entry sorts last. */
function byNewest(a, b) {
    return b.createdAt.localeCompare(a.createdAt) || b.freightId.localeCompare(a.freightId);
}

// EXTERNAL MODULE: ./src/state/lock.ts
var lock = __webpack_require__(2118);
// EXTERNAL MODULE: ./src/util/settle.ts
var settle = __webpack_require__(3053);
// EXTERNAL MODULE: ./src/git/config-file.ts
var config_file = __webpack_require__(2791);
;// CONCATENATED MODULE: ./src/state/refs.ts
/**
 * Names of the refs that hold gantry's state in the GitOps repository. Everything of one project
 * lives under one prefix, so a single ref-prefix listing reads all of it.
 */
const projectRefPrefix = (project) => `refs/tags/gantry/${project}/`;
function stateRefName(ref) {
    const base = projectRefPrefix(ref.project);
    return ref.kind === 'freight'
        ? `${base}freight/${ref.freightId}`
        : `${base}${ref.kind}/${ref.stage ?? ''}/${ref.freightId}`;
}
const PATTERN = /^refs\/tags\/gantry\/([^/]+)\/(?:(freight)\/([0-9a-f]{40})|(verified|approved)\/([^/]+)\/([0-9a-f]{40}))$/;
function parseStateRef(name) {
    const m = PATTERN.exec(name);
    if (!m)
        return undefined;
    const project = m[1];
    if (m[2])
        return { kind: 'freight', project, freightId: m[3] };
    return {
        kind: m[4],
        project,
        stage: m[5],
        freightId: m[6],
    };
}
const stateFilePath = (project, stage) => `.gantry/state/${project}/${stage}.yaml`;

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/state/plain-yaml.ts
/**
 * A reader for the plain block YAML that gantry's own writer emits for stage state files (block
 * mappings and sequences, plain and quoted one-line strings, empty `[]` and `{}`). Reading 20 of
 * them through the full YAML library costs more than the rest of a stages view's parsing; this
 * reads that common shape directly and answers undefined for anything else (numbers, booleans,
 * nulls, block scalars, anchors, comments after the header, flow collections, odd indentation),
 * which the caller then reads with the library, so a hand-edited file reads exactly as before.
 */
/** Plain scalars the YAML 1.2 core schema reads as something other than a string. */
const NOT_A_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const KEY = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;
/** Characters that make a plain scalar something else when they start it. */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
class Unsupported extends Error {
}
const no = () => {
    throw new Unsupported();
};
function readPlainYaml(text) {
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '')
        lines.pop();
    let i = 0;
    // The writer's header: comment lines first, nothing else.
    while (i < lines.length && (lines[i] ?? '').startsWith('#'))
        i++;
    if (i >= lines.length)
        return undefined;
    try {
        const { value, next } = block(lines, i, 0);
        if (next !== lines.length)
            return undefined;
        return value;
    }
    catch (err) {
        if (err instanceof Unsupported)
            return undefined;
        throw err;
    }
}
function indentOf(line) {
    let n = 0;
    while (line.charCodeAt(n) === 32)
        n++;
    if (line.length === n || line.charCodeAt(n) === 9 || line.endsWith(' ') || line.endsWith('\r'))
        no();
    return n;
}
/** The block (mapping or sequence) whose lines start at `at` with indentation `indent`. */
function block(lines, at, indent) {
    const first = lines[at] ?? '';
    if (indentOf(first) !== indent)
        no();
    return first.startsWith('- ', indent) ? sequence(lines, at, indent) : mapping(lines, at, indent);
}
function sequence(lines, at, indent) {
    const out = [];
    let i = at;
    while (i < lines.length) {
        const line = lines[i] ?? '';
        const n = indentOf(line);
        if (n < indent)
            break;
        if (n > indent || !line.startsWith('- ', indent))
            no();
        const rest = line.slice(indent + 2);
        if (rest.startsWith('- ') || rest === '-')
            no();
        if (isEntry(rest)) {
            // An item that is a mapping: its first entry on the dash's line, the others below it.
            const copy = lines.slice();
            copy[i] = ' '.repeat(indent + 2) + rest;
            const m = mappingIn(copy, lines, i, indent + 2);
            out.push(m.value);
            i = m.next;
        }
        else {
            out.push(scalar(rest));
            i++;
        }
    }
    return { value: out, next: i };
}
/** Whether a line's content is `key:` or `key: value` (a plain key). */
function isEntry(s) {
    const colon = s.indexOf(':');
    if (colon <= 0 || colon > 200 || !(s.length === colon + 1 || s[colon + 1] === ' '))
        return false;
    const key = s.slice(0, colon);
    // A key YAML reads as a number, boolean or null is not the string it looks like.
    return KEY.test(key) && !NOT_A_STRING.test(key);
}
function mapping(lines, at, indent) {
    return mappingIn(lines, lines, at, indent);
}
/** A mapping read from `view` at its first line and from `lines` after it (same lines). */
function mappingIn(view, lines, at, indent) {
    const out = {};
    let i = at;
    while (i < lines.length) {
        const line = i === at ? (view[i] ?? '') : (lines[i] ?? '');
        const n = indentOf(line);
        if (n < indent)
            break;
        if (n > indent)
            no();
        const s = line.slice(indent);
        if (!isEntry(s))
            no();
        const colon = s.indexOf(':');
        const key = s.slice(0, colon);
        if (key === '__proto__' || Object.prototype.hasOwnProperty.call(out, key))
            no();
        if (s.length === colon + 1) {
            // `key:` then a deeper block; a sequence may also sit at the key's own indentation.
            const next = lines[i + 1];
            if (next === undefined)
                return no();
            const d = indentOf(next);
            if (!(d > indent || (d === indent && next.startsWith('- ', indent))))
                no();
            const b = block(lines, i + 1, d);
            out[key] = b.value;
            i = b.next;
        }
        else {
            out[key] = scalar(s.slice(colon + 2));
            i++;
        }
    }
    return { value: out, next: i };
}
function scalar(s) {
    if (s === '[]')
        return [];
    if (s === '{}')
        return {};
    if (s.startsWith('"'))
        return doubleQuoted(s);
    if (s.startsWith("'"))
        return singleQuoted(s);
    if (!s ||
        INDICATOR.test(s) ||
        NOT_A_STRING.test(s) ||
        s.includes(': ') ||
        s.includes(' #') ||
        s.endsWith(':') ||
        s.includes('\t'))
        return no();
    return s;
}
function doubleQuoted(s) {
    if (s.length < 2 || !s.endsWith('"'))
        return no();
    const body = s.slice(1, -1);
    // Only the escapes JSON and YAML read alike; a lone quote inside means it did not end here.
    for (let k = 0; k < body.length; k++) {
        const c = body[k];
        if (c === '"')
            return no();
        if (c === '\\') {
            const e = body[k + 1];
            if (e === undefined || !'"\\/bfnrtu'.includes(e))
                return no();
            k++;
        }
    }
    try {
        return JSON.parse(s);
    }
    catch {
        return no();
    }
}
function singleQuoted(s) {
    if (s.length < 2 || !s.endsWith("'"))
        return no();
    const body = s.slice(1, -1);
    if (body.replace(/''/g, '').includes("'"))
        return no();
    return body.replace(/''/g, "'");
}

;// CONCATENATED MODULE: ./src/state/stage-state.ts



// Argo CD's directory source with `recurse: true` reads every YAML file, hidden directories
// included, and fails the application on one that looks like a broken manifest (a freight's
// commit message can make this file look like one); its skip marker keeps it out.
const HEADER = '# Written by gantry with each promotion into this stage; `git log` of this file is its history.\n' +
    '# Do not edit by hand: promote with `gantry promote` or the promote action instead.\n' +
    '# +argocd:skip-file-rendering (a record, not a manifest: Argo CD skips this file)\n';
function toStageFreight(f) {
    return {
        id: f.id,
        alias: f.alias,
        origin: f.origin,
        images: f.images,
        charts: f.charts,
        commits: f.commits,
    };
}
function serializeStageState(s) {
    const doc = {
        project: s.project,
        stage: s.stage,
        freight: s.freight.map(toStageFreight),
        promotedAt: s.promotedAt,
        promotedBy: s.promotedBy,
        approvedBy: s.approvedBy,
        ...(s.run ? { run: s.run } : {}),
        ...(s.autoPromotionHold ? { autoPromotionHold: s.autoPromotionHold } : {}),
        ...(s.metadata && Object.keys(s.metadata).length ? { metadata: s.metadata } : {}),
    };
    return HEADER + dist.stringify(doc, { lineWidth: 0 });
}
function parseStageState(text, where) {
    let doc;
    try {
        // The shape gantry writes is read directly; anything else (a hand edit) by the YAML library.
        doc = readPlainYaml(text) ?? dist.parse(text);
    }
    catch (err) {
        throw new errors/* OperationError */.OK(`unreadable stage state ${where}: ${err.message}`);
    }
    const fail = (why) => {
        throw new errors/* OperationError */.OK(`unreadable stage state ${where}: ${why}`);
    };
    if (typeof doc !== 'object' || doc === null)
        return fail('not a mapping');
    const d = doc;
    for (const k of ['project', 'stage', 'promotedAt', 'promotedBy']) {
        if (typeof d[k] !== 'string')
            fail(`field "${k}" must be a string`);
    }
    if (!Array.isArray(d.freight))
        fail('field "freight" must be a list');
    const freight = d.freight.map((f, i) => {
        const e = f;
        if (!e ||
            typeof e.id !== 'string' ||
            typeof e.alias !== 'string' ||
            typeof e.origin !== 'object') {
            return fail(`freight[${i}] needs id, alias and origin`);
        }
        return {
            id: e.id,
            alias: e.alias,
            origin: e.origin,
            images: e.images ?? [],
            charts: e.charts ?? [],
            commits: e.commits ?? [],
        };
    });
    const approvedBy = Array.isArray(d.approvedBy) ? d.approvedBy.map(String) : [];
    return {
        project: d.project,
        stage: d.stage,
        freight,
        promotedAt: d.promotedAt,
        promotedBy: d.promotedBy,
        approvedBy,
        run: typeof d.run === 'string' ? d.run : undefined,
        autoPromotionHold: parseHold(d.autoPromotionHold, fail),
        ...parseMetadata(d.metadata, fail),
    };
}
function parseMetadata(v, fail) {
    if (v === undefined || v === null)
        return {};
    if (typeof v !== 'object' || Array.isArray(v))
        return fail('field "metadata" must be a mapping');
    return { metadata: v };
}
function parseHold(v, fail) {
    if (v === undefined || v === null)
        return undefined;
    const h = v;
    if (typeof v !== 'object' ||
        typeof h.since !== 'string' ||
        typeof h.by !== 'string' ||
        typeof h.reason !== 'string') {
        return fail('field "autoPromotionHold" needs since, by and reason');
    }
    return { since: h.since, by: h.by, reason: h.reason };
}

;// CONCATENATED MODULE: ./src/state/transaction.ts
/**
 * The promotion write transaction of gantry's short form (a template without git-clone): one
 * checkout of the stage's branch, the steps' edits and the stage's state file in one commit, pushed
 * or published, retried on a new tip when the push loses a race. The reads live in store.ts; the
 * workspace form (Kargo's git steps) in src/promotion/workspace.ts.
 */










/**
 * One promotion, one commit: the edited manifests and the stage's state file together, pushed
 * to the stage's branch. A push that loses a race is tried again on the new tip, with jittered
 * backoff, within a bounded number of tries and time; nothing is ever force-pushed. When none of
 * the files the promotion read or wrote changed on the new tip, its commit is replayed there
 * (the same file contents on the new parent) instead of running the steps again: others'
 * promotions of other stages do not make it start over.
 */
async function commitPromotion(host, w, 
/** A checkout of the branch opened ahead (openCheckout), while the reads went on. */
opened) {
    const early = await opened?.catch((err) => {
        host.log(`the checkout opened ahead failed (${(0,errors/* errorMessage */.gJ)(err)}); opening another`);
        return undefined;
    });
    let plan;
    try {
        plan = checkoutPlan(w, w.branch ?? (await host.defaultBranch()));
    }
    catch (err) {
        await early?.remove();
        throw err;
    }
    const { branch, statePath, readSet, sparse } = plan;
    // One opened for another branch or paths than this write's is of no use.
    const reuse = early?.plan.key === plan.key;
    if (early && !reuse)
        await early.remove();
    const checkout = reuse && early ? early : await openCheckout(host, plan);
    const dir = checkout.dir;
    const git = (args, input) => host.git.run(args, { cwd: dir, input });
    try {
        const now = host.retryHooks?.now ?? Date.now;
        const started = now();
        const count = { attempts: 0, replays: 0, reruns: 0, transient: 0 };
        // Commits this call tried to push. A push can land and still report failure (a connection
        // reset after the server took it); if the tip is one of ours, the promotion happened.
        const pushed = new Map();
        // The last commit built, when its push lost a race: replayed on the new tip if it can be.
        let lost;
        // The tip checked out from the read cache's objects serves the first try only: a lost race
        // must see the branch as it is now.
        let seededTip = checkout.tip;
        const fetchTip = async () => {
            await fetchInto(host, dir, ['--depth=1', '--filter=blob:none', `+refs/heads/${branch}:refs/remotes/origin/${branch}`], branch);
            return (await git(['rev-parse', `refs/remotes/origin/${branch}`])).stdout.trim();
        };
        const result = (b, commit = b.commit) => ({
            changed: true,
            commit,
            branch,
            previous: b.previous,
            changes: b.changes,
            edits: b.edits,
            attempts: count.attempts,
            ...(count.replays ? { replays: count.replays } : {}),
        });
        const push = async (b) => {
            pushed.set(b.commit, b);
            // The checkout may have been opened while the reads still fetched into the cache (the
            // freight index): its shallow commits as they are now.
            if (checkout.borrowed)
                await borrowShallow(dir, checkout.borrowed);
            const args = ['push', '--porcelain', 'origin', `${b.commit}:refs/heads/${branch}`];
            const res = await host.git.tryRun(args, { cwd: dir });
            if (res.exitCode === 0)
                return result(b);
            const err = host.git.error(args, res);
            if (PUSH_RACE.test(res.stdout)) {
                lost = b;
                host.log(`push to ${branch} lost a race (try ${count.attempts}); retrying on the new tip`);
                const why = (err.stderr || res.stdout).trim() || `exit code ${err.exitCode}`;
                throw new RaceLostError(`${err.command} failed: ${why}`);
            }
            throw err;
        };
        const attempt = async () => {
            count.attempts++;
            const previousTry = lost;
            lost = undefined;
            if (previousTry) {
                const tip = await fetchTip();
                const landed = pushed.get(tip);
                if (landed)
                    return result(landed, tip);
                const replayed = await replay(host, dir, previousTry, tip, sparse ? readSet : undefined);
                if (replayed) {
                    count.replays++;
                    return push(replayed);
                }
                host.log(`${branch} changed what this promotion reads; running its steps again`);
            }
            if (count.attempts > 1)
                count.reruns++;
            let tip = seededTip;
            seededTip = undefined;
            if (tip === undefined) {
                tip = await fetchTip();
                await git(['checkout', '-q', '--force', '-B', branch, tip]);
            }
            // What an earlier try's steps left; the first try starts in a fresh directory.
            if (count.attempts > 1)
                await git(['clean', '-q', '-fdx']);
            const landed = pushed.get(tip);
            if (landed)
                return result(landed, tip);
            const previousText = await (0,promises_.readFile)((0,external_node_path_.join)(dir, statePath), 'utf8').catch(() => undefined);
            const previous = previousText === undefined
                ? undefined
                : parseStageState(previousText, `${branch}:${statePath}`);
            const { before, changes } = stageChange(w, previous);
            const editLines = (await w.edit?.(dir, previous)) ?? [];
            const state = nextStageState(w, previous, host.now());
            // Freight the stage already runs, and an edit that changed nothing: no commit at all.
            if (before?.id === w.freight.id && !metadataChanged(previous, state)) {
                const dirty = (await git(['status', '--porcelain'])).stdout.trim();
                if (!dirty)
                    return {
                        changed: false,
                        commit: tip,
                        branch,
                        previous,
                        changes: [],
                        edits: [],
                        attempts: count.attempts,
                    };
            }
            await (0,promises_.mkdir)((0,external_node_path_.dirname)((0,external_node_path_.join)(dir, statePath)), { recursive: true });
            await (0,promises_.writeFile)((0,external_node_path_.join)(dir, statePath), serializeStageState(state));
            await git(['add', '--sparse', '-A']);
            const message = promotionMessage(w, changes, editLines);
            await git(['commit', '-q', '-F', '-'], message);
            const commit = await branchHead(dir, branch);
            const built = { commit, parent: tip, message, previous, changes, edits: editLines };
            if (w.dryRun) {
                const diff = (await git(['show', '--format=%B', '--stat', '--patch', 'HEAD'])).stdout;
                return { ...result(built), diff };
            }
            if (w.publish) {
                if (checkout.borrowed)
                    await borrowShallow(dir, checkout.borrowed);
                try {
                    const published = await w.publish({
                        dir,
                        commit,
                        parent: tip,
                        branch,
                        message,
                        changes,
                        edits: editLines,
                        git,
                    });
                    return {
                        ...result(built, published.commit),
                        ...(published.pullRequest ? { pullRequest: published.pullRequest } : {}),
                    };
                }
                catch (err) {
                    if (err instanceof RaceLostError) {
                        host.log(`${err.message} (try ${count.attempts}); retrying on the new tip`);
                    }
                    throw err;
                }
            }
            return push(built);
        };
        const racePolicy = host.racePolicy;
        return await (0,retry/* retry */.L5)(attempt, (err) => {
            if (err instanceof RaceLostError)
                return true;
            // A flaky network gets the tries of the push policy, not the longer budget of races.
            return host.isTransient(err) && ++count.transient < host.transientTries;
        }, racePolicy, host.retryHooks).catch((err) => {
            if (err instanceof RaceLostError) {
                const seconds = ((now() - started) / 1000).toFixed(1);
                const limit = `at most ${racePolicy.attempts} tries${racePolicy.maxElapsedMs === undefined ? '' : ` or ${Math.round(racePolicy.maxElapsedMs / 1000)} s`}`;
                throw new errors/* OperationError */.OK(`could not push the promotion of ${w.freight.alias} into ${w.stage} to ${branch}: the branch kept moving for ${count.attempts} tries in ${seconds} s (${count.replays} replayed on a new tip, ${count.reruns} ran the steps again; ${limit}); nothing was pushed, run the promotion again (${err.message})`);
            }
            throw err;
        });
    }
    finally {
        await checkout.remove();
    }
}
function checkoutPlan(w, branch) {
    const statePath = stateFilePath(w.project, w.stage);
    const readSet = [
        statePath,
        ...(w.paths ?? []).map((p) => external_node_path_.posix.normalize(p).replace(/^\/+|\/+$/g, '')),
    ];
    const sparse = w.sparse !== false;
    return { branch, statePath, readSet, sparse, key: JSON.stringify([branch, readSet, sparse]) };
}
/**
 * The scratch repository of a promotion's commit, with the branch checked out at the tip this
 * command's reads fetched (the state it decided from) from the read cache's objects, when they
 * hold it: the first try builds on it instead of fetching the same commit and trees again. A
 * promotion opens it while its reads of freight go on (they do not change what is checked out);
 * without a seed, or when its checkout fails, the transaction fetches the branch itself.
 */
async function openCheckout(host, plan) {
    const seeded = host.seed?.(plan.branch);
    const checkout = await host.scratch();
    const dir = checkout.dir;
    try {
        const cone = plan.sparse ? conePatterns(plan.readSet) : undefined;
        // The repository is written as files, with its settings in the same config file: a `git init`,
        // a `git remote add` and a `git config` per key would each cost a process.
        await initWorkTree(dir, (0,config_file/* configText */.U)({
            core: {
                sparseCheckout: plan.sparse ? 'true' : 'false',
                ...(cone ? { sparseCheckoutCone: 'true' } : {}),
                // A scratch repository, removed when the promotion ends: the blobs its checkout fetches
                // need not reach the disk before git goes on (index-pack's fsyncs cost more than the
                // fetch on a busy runner), and its lazy fetches need not list the read cache's refs
                // (a for-each-ref process; the promisor fetch negotiates nothing with them).
                fsync: 'none',
                alternateRefsCommand: 'true',
            },
            // A sparse index holds one entry per directory outside the cone instead of one per file:
            // checkout, add, status and commit then cost what is checked out, not the whole tree.
            ...(cone ? { index: { sparse: 'true' } } : {}),
            'remote.origin': {
                url: host.remoteUrl,
                fetch: '+refs/heads/*:refs/remotes/origin/*',
                promisor: 'true',
                partialclonefilter: 'blob:none',
            },
        }));
        await (0,promises_.writeFile)((0,external_node_path_.join)(dir, '.git', 'info', 'sparse-checkout'), cone ?? plan.readSet.map((p) => `/${p}`).join('\n') + '\n');
        const out = { ...checkout, plan };
        if (!seeded)
            return out;
        await (0,promises_.writeFile)((0,external_node_path_.join)(dir, '.git', 'objects', 'info', 'alternates'), `${seeded.objects}\n`);
        // One commit deep, as a fetch with --depth=1 would have left it; and the read cache's other
        // shallow commits (the freight index's, say) as shallow here too, or the push would fetch
        // their missing parents.
        await (0,promises_.writeFile)((0,external_node_path_.join)(dir, '.git', 'shallow'), `${seeded.tip}\n`);
        await borrowShallow(dir, seeded.objects);
        out.borrowed = seeded.objects;
        // The tip by its ID: no ref of it is written for the checkout to read.
        const co = await host.git.tryRun(['checkout', '-q', '--force', '-B', plan.branch, seeded.tip], {
            cwd: dir,
        });
        // The read cache's objects are shared with other gantry processes: should they have lost the
        // tip, the transaction fetches the branch as it would have without them.
        if (co.exitCode === 0)
            out.tip = seeded.tip;
        else
            host.log(`could not check out ${plan.branch} from the read cache; fetching it`);
        return out;
    }
    catch (err) {
        await checkout.remove();
        throw err;
    }
}
/**
 * A new repository with a work tree at `dir` (initRepository), `config` appended to its core
 * settings. Its refs are loose files (no extensions.refStorage), which branchHead reads.
 */
async function initWorkTree(dir, config) {
    await (0,cache/* initRepository */.zY)((0,external_node_path_.join)(dir, '.git'), { bare: false });
    await (0,promises_.appendFile)((0,external_node_path_.join)(dir, '.git', 'config'), config);
}
/**
 * The read cache's shallow commits (the freight index's, say) added to the checkout's, which
 * borrows the cache's objects: else a push walks from such a commit, reached through a ref the
 * remote advertises, to its parent, missing, and fetches it.
 */
async function borrowShallow(dir, objects) {
    const file = (0,external_node_path_.join)(dir, '.git', 'shallow');
    const own = (await (0,promises_.readFile)(file, 'utf8').catch(() => '')).split('\n').filter(Boolean);
    const shallow = new Set([...own, ...(await (0,git/* shallowCommitsOf */.Yu)(objects))]);
    await (0,promises_.writeFile)(file, [...shallow].map((c) => `${c}\n`).join(''));
}
/**
 * The commit `branch` points at in a repository initWorkTree made: its loose ref file, which
 * `git commit` just wrote (nothing in such a repository packs refs), read without a `rev-parse`.
 */
async function branchHead(dir, branch) {
    const text = await (0,promises_.readFile)((0,external_node_path_.join)(dir, '.git', 'refs', 'heads', ...branch.split('/')), 'utf8');
    const oid = text.trim();
    if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(oid))
        throw new errors/* OperationError */.OK(`refs/heads/${branch} in ${dir} does not name a commit: ${oid}`);
    return oid;
}
/**
 * The paths as cone-mode sparse patterns (git sparse-checkout's own format), undefined when one
 * cannot be written as a plain directory name. Each path is taken whole as a directory and its
 * parent directories for the files directly in them: a path that names a file is then checked out
 * with the files beside it, since which paths are files is not known before the checkout and a
 * few small files more cost less than the full index of a non-cone checkout.
 */
function conePatterns(paths) {
    const clean = paths.filter((p) => p !== '' && p !== '.');
    if (clean.some((p) => /[\\*?[\]!#]|(^|\/)\.\.?(\/|$)/.test(p)))
        return undefined;
    const sorted = [...new Set(clean)].sort();
    // A directory inside another taken whole adds nothing.
    const whole = sorted.filter((p) => !sorted.some((q) => q !== p && p.startsWith(`${q}/`)));
    const parents = new Set();
    for (const p of whole) {
        const parts = p.split('/');
        for (let i = 1; i < parts.length; i++)
            parents.add(parts.slice(0, i).join('/'));
    }
    const lines = ['/*', '!/*/'];
    // Sorted, each parent's two lines before anything below it, as `git sparse-checkout` writes them.
    const entries = [
        ...[...parents].filter((p) => !whole.includes(p)).map((p) => ({ p, whole: false })),
        ...whole.map((p) => ({ p, whole: true })),
    ].sort((a, b) => (a.p < b.p ? -1 : a.p > b.p ? 1 : 0));
    for (const e of entries) {
        lines.push(`/${e.p}/`);
        if (!e.whole)
            lines.push(`!/${e.p}/*/`);
    }
    return lines.join('\n') + '\n';
}
/**
 * The commit `b` made again on `tip`, when none of the files the promotion could read (`readSet`,
 * the sparse checkout's paths) nor those it changed differ between its parent and `tip`: then
 * running the steps on `tip` would write the very same files. undefined when they differ, or
 * when what the steps read is not known (a full checkout).
 */
async function replay(host, dir, b, tip, readSet) {
    if (!readSet)
        return undefined;
    const git = (args, opts = {}) => host.git.run(args, { cwd: dir, ...opts });
    if (tip === b.parent)
        return b;
    // Trees only: comparing two commits' trees needs no blobs and no history between them.
    const names = async (from, to) => (await git(['diff-tree', '-r', '-z', '--no-renames', '--name-only', from, to])).stdout
        .split('\0')
        .filter(Boolean);
    const theirs = await names(b.parent, tip);
    // What this promotion changed stays the same from one replay to the next: read it once.
    b.files ??= parseRawDiff((await git(['diff-tree', '-r', '-z', '--no-renames', b.parent, b.commit])).stdout);
    const mine = b.files;
    const touched = (p) => readSet.some((r) => p === r || p.startsWith(`${r}/`)) ||
        mine.some((m) => m.path === p || p.startsWith(`${m.path}/`) || m.path.startsWith(`${p}/`));
    if (theirs.some(touched))
        return undefined;
    // The new tree: the tip's, with this promotion's files laid over it, built in an index of its
    // own so the checkout is left alone. --missing-ok: blobs outside the sparse paths were never
    // fetched, and need not be; the remote has them.
    const env = { GIT_INDEX_FILE: (0,external_node_path_.join)(dir, '.git', 'gantry-replay-index') };
    await git(['read-tree', tip], { env });
    const info = mine
        .map((m) => m.status === 'D' ? `0 ${'0'.repeat(40)}\t${m.path}` : `${m.mode} ${m.oid}\t${m.path}`)
        .join('\0');
    await git(['update-index', '-z', '--index-info'], { env, input: info + '\0' });
    const tree = (await git(['write-tree', '--missing-ok'], { env })).stdout.trim();
    const commit = (await git(['commit-tree', tree, '-p', tip, '-F', '-'], { input: b.message })).stdout.trim();
    return { ...b, commit, parent: tip };
}
async function fetchInto(host, dir, args, branch) {
    // No retry here: the promotion loop around this retries transient failures, and nested
    // retries would multiply into hours against a black-holed remote.
    try {
        await host.git.run(['fetch', '-q', '--no-tags', 'origin', ...args], { cwd: dir });
    }
    catch (err) {
        if (err instanceof git/* GitError */.XS && /couldn't find remote ref/i.test(err.stderr)) {
            throw new errors/* ConfigError */.xL(`branch ${branch} does not exist in ${host.remoteUrl}: create it, or set the stage's branch`);
        }
        throw err;
    }
}

;// CONCATENATED MODULE: ./src/state/records.ts

function serializeVerification(r) {
    return `verified ${r.alias} in ${r.stage}\n\n${JSON.stringify(r, null, 2)}\n`;
}
function serializeApproval(r) {
    return `approved ${r.alias} for ${r.stage}\n\n${JSON.stringify(r, null, 2)}\n`;
}
/** Splits `subject\n\n{json}` and parses the JSON, naming the tag when it cannot. */
function parseTagBody(message, where) {
    const start = message.indexOf('\n{');
    if (start < 0)
        throw new errors/* OperationError */.OK(`unreadable tag ${where}: its message has no JSON document after the subject line`);
    let value;
    try {
        value = JSON.parse(message.slice(start + 1));
    }
    catch (err) {
        throw new errors/* OperationError */.OK(`unreadable tag ${where}: ${err.message}`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new errors/* OperationError */.OK(`unreadable tag ${where}: the document is not an object`);
    }
    return value;
}
function str(doc, key, where, optional = false) {
    const v = doc[key];
    if (v === undefined && optional)
        return undefined;
    if (typeof v !== 'string' || !v)
        throw new errors/* OperationError */.OK(`unreadable tag ${where}: field "${key}" must be a non-empty string`);
    return v;
}
function parseVerification(message, where) {
    const d = parseTagBody(message, where);
    const summary = d.summary;
    if (summary !== undefined &&
        !(Array.isArray(summary) && summary.every((s) => typeof s === 'string'))) {
        throw new errors/* OperationError */.OK(`unreadable tag ${where}: field "summary" must be a list of strings`);
    }
    return {
        project: str(d, 'project', where),
        stage: str(d, 'stage', where),
        freightId: str(d, 'freightId', where),
        alias: str(d, 'alias', where),
        verifiedAt: str(d, 'verifiedAt', where),
        verifiedBy: str(d, 'verifiedBy', where),
        run: str(d, 'run', where, true),
        summary: summary,
        ...(typeof d.commit === 'string' ? { commit: d.commit } : {}),
    };
}
function parseApproval(message, where) {
    const d = parseTagBody(message, where);
    return {
        project: str(d, 'project', where),
        stage: str(d, 'stage', where),
        freightId: str(d, 'freightId', where),
        alias: str(d, 'alias', where),
        approvedAt: str(d, 'approvedAt', where),
        approvedBy: str(d, 'approvedBy', where),
        reason: str(d, 'reason', where, true),
    };
}

;// CONCATENATED MODULE: ./src/state/freight-notes.ts
/**
 * What is said about freight after it was recorded: Kargo's `set-freight-alias` and the Freight
 * half of `set-metadata`. A freight tag is immutable (its name and document are the freight), so
 * each change is a tag of its own, written once and never moved:
 *
 *   gantry/<project>/alias/<freight-id>/<stamp>      a new alias for the freight
 *   gantry/<project>/metadata/<freight-id>/<stamp>   metadata keys for the freight
 *
 * `<stamp>` is the record's time (`20261206T124718123Z`) and a random suffix, so two writers never
 * name the same tag. Reading folds the records in time order: the newest alias wins, metadata
 * keys are set one by one (a later record's key replaces an earlier one's, other keys stay).
 *
 * Aliases are unique in a project. The fold gives each alias to the freight that claimed it first,
 * counting a freight's own alias from its freight tag as a claim at its creation time: a claim of
 * an alias another freight holds at that moment is ignored (the claimant keeps its alias). So a
 * record that lost a race with another writer is harmless, and what wins never changes later.
 */




const NOTE_PATTERN = /^refs\/tags\/gantry\/([^/]+)\/(alias|metadata)\/([0-9a-f]{40})\/([^/]+)$/;
/** The kind and freight of a note's ref name; undefined for any other ref. */
function parseNoteRef(name) {
    const m = NOTE_PATTERN.exec(name);
    if (!m)
        return undefined;
    return { project: m[1], kind: m[2], freightId: m[3] };
}
/** `20261206T124718123Z-1a2b3c4d`: sorts by time, unique per writer. */
function noteStamp(at, random = (0,external_node_crypto_.randomBytes)(4).toString('hex')) {
    return `${at.toISOString().replace(/[-:.]/g, '')}-${random}`;
}
function noteRefName(note, stamp) {
    const r = note.record;
    return `${projectRefPrefix(r.project)}${note.kind}/${r.freightId}/${stamp}`;
}
function serializeNote(note) {
    const r = note.record;
    const subject = note.kind === 'alias'
        ? `alias ${note.record.alias} for freight ${r.freightId.slice(0, 7)}`
        : `metadata ${Object.keys(note.record.values).join(', ')} of freight ${r.freightId.slice(0, 7)}`;
    return `${subject}\n\n${JSON.stringify(r, null, 2)}\n`;
}
/** Reads a note tag's message; `ref` is what its name says, which the document must match. */
function parseNote(message, where, ref) {
    const d = parseTagBody(message, where);
    const fail = (why) => {
        throw new errors/* OperationError */.OK(`unreadable tag ${where}: ${why}`);
    };
    const str = (key, optional = false) => {
        const v = d[key];
        if (v === undefined && optional)
            return undefined;
        if (typeof v !== 'string' || v === '')
            return fail(`field "${key}" must be a non-empty string`);
        return v;
    };
    const common = {
        project: str('project'),
        freightId: str('freightId'),
        recordedAt: str('recordedAt'),
        recordedBy: str('recordedBy'),
        ...(typeof d.stage === 'string' ? { stage: d.stage } : {}),
    };
    if (common.project !== ref.project || common.freightId !== ref.freightId) {
        fail(`its document names ${common.project}/${common.freightId}, not the tag's own`);
    }
    if (Number.isNaN(Date.parse(common.recordedAt)))
        fail('field "recordedAt" is not a time');
    if (ref.kind === 'alias') {
        const previous = str('previous', true);
        return {
            kind: 'alias',
            record: {
                ...common,
                alias: str('alias'),
                ...(previous !== undefined ? { previous } : {}),
            },
        };
    }
    const values = d.values;
    if (typeof values !== 'object' || values === null || Array.isArray(values)) {
        return fail('field "values" must be an object');
    }
    return { kind: 'metadata', record: { ...common, values: values } };
}
/** Records in the order they apply: time, then tag name (the stamp's random part). */
const byTime = (a, b) => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
/**
 * Folds a project's notes over its freight (see the module comment). Notes about freight that is
 * not in `freight` (deleted, unreadable) are ignored.
 */
function resolveNotes(freight, notes) {
    const created = new Map(freight.map((f) => [f.id, Date.parse(f.createdAt)]));
    const claims = freight.map((f) => ({
        at: created.get(f.id),
        // A freight's own alias counts before a record made in the same millisecond.
        key: `0 ${f.id}`,
        id: f.id,
        alias: f.alias,
    }));
    const meta = [];
    for (const { note, tag } of notes) {
        const born = created.get(note.record.freightId);
        if (born === undefined)
            continue;
        // A writer's clock behind the one that recorded the freight must not put a record first.
        const at = Math.max(Date.parse(note.record.recordedAt), born);
        if (note.kind === 'alias') {
            const r = note.record;
            claims.push({
                at,
                key: `1 ${tag}`,
                id: r.freightId,
                alias: r.alias,
                record: { record: r, tag },
            });
        }
        else
            meta.push({ at, key: tag, record: note.record });
    }
    claims.sort(byTime);
    const holder = new Map();
    const current = new Map();
    const denied = [];
    for (const c of claims) {
        const held = holder.get(c.alias);
        if (held !== undefined && held !== c.id) {
            if (c.record) {
                denied.push({ ...c.record, heldBy: held });
                continue;
            }
            // Two freight tags with one alias (recorded by hand, or by writers racing): the later one
            // is shown with its ID, so that each alias still names one freight.
            c.alias = `${c.alias}-${c.id.slice(0, 7)}`;
        }
        const before = current.get(c.id);
        if (before !== undefined && holder.get(before) === c.id)
            holder.delete(before);
        holder.set(c.alias, c.id);
        current.set(c.id, c.alias);
    }
    const aliases = new Map();
    for (const f of freight) {
        const now = current.get(f.id);
        if (now !== undefined && now !== f.alias)
            aliases.set(f.id, now);
    }
    meta.sort(byTime);
    const metadata = new Map();
    for (const { record } of meta) {
        metadata.set(record.freightId, mergeMetadata(metadata.get(record.freightId), record.values));
    }
    return { aliases, metadata, denied };
}
/** Kargo's upsert: each key of `values` replaces the key of `base`, other keys stay. */
function mergeMetadata(base, values) {
    const out = {};
    for (const src of [base ?? {}, values]) {
        for (const [k, v] of Object.entries(src)) {
            // defineProperty: a key named __proto__ is data here, as in JSON.
            Object.defineProperty(out, k, {
                value: v,
                enumerable: true,
                writable: true,
                configurable: true,
            });
        }
    }
    return out;
}
/** The message of a raw tag object: everything after the header's blank line. */
function tagMessage(body) {
    const text = body.toString('utf8');
    const i = text.indexOf('\n\n');
    return i < 0 ? '' : text.slice(i + 2);
}
/** Parses the note tags a listing found; one that cannot be read is passed to `skip`. */
function readNotes(refs, objects, skip) {
    const out = [];
    for (const { name, oid, note } of refs) {
        const tag = name.replace(/^refs\/tags\//, '');
        const obj = objects.get(oid);
        if (obj?.type !== 'tag') {
            skip(name, `unreadable tag ${tag}: it is not an annotated tag`);
            continue;
        }
        try {
            out.push({ note: parseNote(tagMessage(obj.body), tag, note), tag });
        }
        catch (err) {
            if (!(err instanceof errors/* OperationError */.OK))
                throw err;
            skip(name, err.message);
        }
    }
    const at = new Map(out.map((n) => [n, Date.parse(n.note.record.recordedAt)]));
    return out.sort((a, b) => byTime({ at: at.get(a), key: a.tag }, { at: at.get(b), key: b.tag }));
}
/** A snapshot with the notes folded in: each freight's alias, and the metadata by freight ID. */
function applyNotes(snap, notes) {
    const resolved = resolveNotes(snap.freight, notes);
    const freightMetadata = {};
    for (const [id, m] of resolved.metadata)
        freightMetadata[id] = m;
    return {
        ...snap,
        freight: snap.freight.map((f) => {
            const alias = resolved.aliases.get(f.id);
            return alias === undefined ? f : { ...f, alias };
        }),
        freightMetadata,
        notes,
        ...(resolved.denied.length ? { deniedAliases: resolved.denied } : {}),
    };
}
/** The stage state's metadata after a promotion that set `set` (undefined: nothing). */
function nextStageMetadata(previous, set) {
    const merged = set ? mergeMetadata(previous?.metadata, set) : previous?.metadata;
    return merged && Object.keys(merged).length ? { metadata: merged } : {};
}

;// CONCATENATED MODULE: ./src/state/store.ts

















const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
const DEFAULT_IDENTITY = {
    name: 'gantry[bot]',
    email: 'gantry[bot]@users.noreply.github.com',
};
/**
 * The branch moved while a promotion was being made (a rejected push, a stale expectedHeadOid):
 * the promotion runs its edit again on the new tip.
 */
class RaceLostError extends Error {
    constructor(message) {
        super(message);
        this.name = 'RaceLostError';
    }
}
/** The push a promotion lost a race with (rejected as non-fast-forward, a stale lock). */
const PUSH_RACE = /\[rejected\]|\[remote rejected\].*(?:cannot lock|failed to update|incorrect old value)/;
const TRAILER = {
    project: 'Gantry-Project',
    stage: 'Gantry-Stage',
    freight: 'Gantry-Freight',
    alias: 'Gantry-Alias',
    warehouse: 'Gantry-Warehouse',
    promotedBy: 'Gantry-Promoted-By',
    run: 'Gantry-Run',
    approvedBy: 'Approved-By',
};
/** Where the cache keeps each project's freight index: `<prefix><project>`. */
const INDEX_LOCAL = 'refs/gantry-index/';
/**
 * gantry's state, kept in the GitOps repository and nothing else (see DESIGN.md): freight and
 * verification/approval records as immutable annotated tags under `refs/tags/gantry/<project>/`,
 * promotions as commits that carry the stage's state file. Reads go through a local cache
 * repository that holds only what was asked for (tags, branch tips without blobs, commit
 * objects without trees), so their cost does not grow with the repository's history.
 */
class StateStore {
    opts;
    git;
    cache;
    tagCache;
    policy;
    now;
    log;
    warn;
    /** Unreadable tags already reported by this instance: one warning per tag and command. */
    warned = new Set();
    cacheReady;
    /**
     * The tag cache was created by this instance: it held no object when this command started, so
     * asking it which tags it lacks would cost a process to learn "all of them".
     */
    tagCacheNew = false;
    /** Tag objects this instance fetched into the tag cache by ID (see lackedTags). */
    tagsFetched = new Set();
    /** Branch tips fetched by this instance: one command reads each branch once. Writes clear it. */
    tipMemo = new Map();
    /** Files read, by `<commit>:<path>`: a commit's files never change, so this never goes stale. */
    blobMemo = new Map();
    /** Commits whose every state file is in blobMemo (read with the project files). */
    statesRead = new Set();
    defaultBranchName;
    /**
     * A tag listing started ahead of the read that needs it (see listTagsAhead): the project it
     * covers (undefined: every project), and the projects whose read has taken it already.
     */
    ahead;
    /**
     * Freight indexes asked for ahead (see fetchIndexesAhead): `fetched` once the fetch of HEAD
     * brought every project's index too; `used`, the projects whose read has taken theirs.
     */
    indexesAhead;
    /** See fetchStageRecordsAhead: the project asked for (undefined: every project). */
    recordsAheadFor;
    /** The fetch fetchStageRecordsAhead started: what it asked for, and when it is done. */
    recordsAhead;
    /** The last freight write of each project from this instance (see recordFreight). */
    freightWrites = new Map();
    constructor(opts) {
        this.opts = opts;
        this.git = new git/* Git */.TU({
            baseEnv: opts.baseEnv,
            remote: opts.remote,
            identity: opts.identity ?? DEFAULT_IDENTITY,
            timeoutMs: opts.gitTimeoutMs,
            trace: opts.trace,
        });
        const key = (0,external_node_crypto_.createHash)('sha256').update(opts.remote.url).digest('hex').slice(0, 16);
        this.cache = (0,external_node_path_.join)(opts.cacheDir, `${key}.git`);
        this.tagCache = (0,external_node_path_.join)(opts.cacheDir, `${key}-tags.git`);
        this.policy = opts.retry ?? retry/* DEFAULT_PUSH_RETRY */.cI;
        this.now = opts.clock ?? (() => new Date());
        this.log = opts.log ?? (() => undefined);
        this.warn = opts.warn ?? this.log;
    }
    get remoteUrl() {
        return this.opts.remote.url;
    }
    // ---- the cache repository -------------------------------------------------------------------
    ensureCache() {
        this.cacheReady ??= (async () => {
            await (0,promises_.mkdir)(this.opts.cacheDir, { recursive: true });
            // Only the URL is stored: credentials come with each command's environment.
            const origin = [['remote.origin.url', this.opts.remote.url]];
            // A promisor remote lets git fetch the few blobs asked for later, instead of all of them now.
            await (0,cache/* openCacheRepo */.HR)(this.git, this.cache, [
                ...origin,
                ['remote.origin.promisor', 'true'],
                ['remote.origin.partialclonefilter', 'blob:none'],
                ['extensions.partialClone', 'origin'],
            ]);
            // Tag objects live in a plain repository, where asking whether an object is present answers
            // "missing" instead of fetching it one round trip at a time, as a promisor repository would.
            this.tagCacheNew = await (0,cache/* openCacheRepo */.HR)(this.git, this.tagCache, origin);
        })().catch((err) => {
            this.cacheReady = undefined;
            throw err;
        });
        return this.cacheReady;
    }
    /**
     * Runs git against the cache under its lock: concurrent gantry processes may share it. A cache
     * git cannot use (damaged by a crash, a full disk, a hand) is rebuilt once, and `fn` run again.
     */
    async inCache(fn) {
        await this.ensureCache();
        const locked = () => (0,lock/* withDirLock */.j)(this.cache, fn, { recover: () => (0,cache/* repairRepo */.oB)(this.cache) });
        try {
            return await locked();
        }
        catch (err) {
            if (!(0,cache/* isBrokenCache */.ep)(err))
                throw err;
            this.log(`the cache ${this.cache} is damaged (${(0,errors/* errorMessage */.gJ)(err)}); rebuilding it`);
            await (0,lock/* withDirLock */.j)(this.cache, () => (0,promises_.rm)(this.cache, { recursive: true, force: true }));
            this.tipMemo.clear();
            this.cacheReady = undefined;
            await this.ensureCache();
            return locked();
        }
    }
    fetch(args) {
        return (0,retry/* retry */.L5)(() => this.git.run(['fetch', '-q', '--no-tags', '--no-write-fetch-head', 'origin', ...args], {
            cwd: this.cache,
        }), isTransient, READ_RETRY(this.policy), this.opts.retryHooks);
    }
    async defaultBranch() {
        // A failure is not remembered: one network blip must not poison the rest of the command.
        this.defaultBranchName ??= this.resolveDefaultBranch().catch((err) => {
            this.defaultBranchName = undefined;
            throw err;
        });
        return this.defaultBranchName;
    }
    async resolveDefaultBranch() {
        const named = await this.inCache(() => this.fetchHead()).catch(() => undefined);
        if (named)
            return named;
        const res = await this.withNetworkRetry(() => this.git.run(['ls-remote', '--symref', this.opts.remote.url, 'HEAD']));
        const m = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(res.stdout);
        if (m?.[1] && res.stdout.includes('\tHEAD\n'))
            return m[1];
        // HEAD names a branch that does not exist (a bare repo made with `master`, then only `main`
        // pushed), or the server hides it: fall back to the branches there are.
        const heads = await this.withNetworkRetry(() => this.git.run(['ls-remote', '--heads', this.opts.remote.url]));
        const branches = heads.stdout
            .split('\n')
            .map((l) => l.split('\t')[1]?.replace(/^refs\/heads\//, ''))
            .filter((b) => Boolean(b));
        if (!branches.length) {
            throw new errors/* OperationError */.OK(`${this.opts.remote.url} has no branches: push the GitOps repository's first commit`);
        }
        if (branches.length === 1)
            return branches[0];
        for (const b of ['main', 'master'])
            if (branches.includes(b))
                return b;
        throw new errors/* ConfigError */.xL(`${this.opts.remote.url}: HEAD names no existing branch${m?.[1] ? ` (${m[1]})` : ''}; its branches are ${branches.slice(0, 10).join(', ')}: set each stage's branch in the project file`);
    }
    /**
     * Names the default branch and fetches its tip in one request. The server's answer to a fetch
     * of HEAD carries HEAD's symref target, which git shows only in its packet trace; `ls-remote
     * --symref` would list every ref of the repository (every freight tag) to answer the same
     * question. Undefined when the trace does not say (an old server, HEAD detached or unborn): the
     * caller asks the slow way.
     */
    async fetchHead() {
        const ahead = this.indexesAhead;
        const trace = (0,external_node_path_.join)(this.opts.cacheDir, `head-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.trace`);
        try {
            const res = await this.git.tryRun([
                'fetch',
                '-q',
                '--no-tags',
                '--no-write-fetch-head',
                '--depth=1',
                '--filter=blob:none',
                // Every project's freight index (commit and tree, no shard), in the same request, for
                // a page of freight; --prune drops the local copy of one deleted since.
                ...(ahead ? ['--prune'] : []),
                'origin',
                `+HEAD:${HEAD_TIP}`,
                ...(ahead ? [`+${freightIndexRef('*')}:${INDEX_LOCAL}*`] : []),
                ...(this.namedAhead?.refspecs ?? []),
            ], { cwd: this.cache, env: { GIT_TRACE_PACKET: trace } });
            if (res.exitCode !== 0)
                return undefined;
            if (ahead)
                ahead.fetched = true;
            const text = await (0,promises_.readFile)(trace, 'utf8').catch(() => '');
            // The listing named each index's commit: the project files' read takes their objects
            // along (see projectFiles), instead of a process of its own for each page.
            if (ahead)
                for (const m of text.matchAll(/([0-9a-f]{40}) refs\/gantry\/([^\s]+)\/freight-index$/gm))
                    ahead.commits.set(m[2], m[1]);
            // A read that fails here only costs the promotion its shortcut: it lists the tags itself.
            if (this.namedAhead)
                await this.takeNamedListing(this.namedAhead, text).catch(() => undefined);
            const v2 = /([0-9a-f]{40,64}) HEAD symref-target:refs\/heads\/(\S+)/.exec(text);
            const name = v2?.[2] ?? /symref=HEAD:refs\/heads\/(\S+)/.exec(text)?.[1];
            if (!name)
                return undefined;
            // The listing that named the branch gave its tip, which the fetch wrote to HEAD_TIP: asking
            // git for it again would cost a process. The tip is remembered, not written under
            // tipRef(name): every later fetch of the branch writes that ref itself.
            const tip = v2?.[1] ?? (await this.git.run(['rev-parse', HEAD_TIP], { cwd: this.cache })).stdout.trim();
            this.tipMemo.set(name, tip);
            return name;
        }
        finally {
            await (0,promises_.rm)(trace, { force: true });
        }
    }
    withNetworkRetry(fn) {
        return (0,retry/* retry */.L5)(fn, isTransient, READ_RETRY(this.policy), this.opts.retryHooks);
    }
    /**
     * Fetches the tips of `branches` (no blobs, one commit deep) and returns each tip's commit.
     * With `allowMissing`, a branch the remote does not have is left out of the result (a stage
     * whose branch is created later has no state yet) instead of failing every stage's read.
     */
    async fetchTips(branches, allowMissing = false) {
        const tips = new Map();
        for (const b of branches) {
            const known = this.tipMemo.get(b);
            if (known)
                tips.set(b, known);
        }
        let unique = [...new Set(branches)].filter((b) => !tips.has(b));
        if (!unique.length)
            return tips;
        const refspecs = () => unique.map((b) => `+refs/heads/${b}:${tipRef(b)}`);
        try {
            await this.fetch(['--depth=1', '--filter=blob:none', ...refspecs()]);
        }
        catch (err) {
            const missingRef = err instanceof git/* GitError */.XS && /couldn't find remote ref/i.test(err.stderr);
            if (missingRef && allowMissing) {
                // Only on this path: ask which of them exist, and fetch those.
                const heads = await this.git.run([
                    'ls-remote',
                    '--heads',
                    this.opts.remote.url,
                    ...unique.map((b) => `refs/heads/${b}`),
                ]);
                const present = new Set(heads.stdout
                    .split('\n')
                    .map((l) => l.split('\t')[1]?.replace(/^refs\/heads\//, ''))
                    .filter((b) => Boolean(b)));
                unique = unique.filter((b) => present.has(b));
                if (!unique.length)
                    return tips;
                await this.fetch(['--depth=1', '--filter=blob:none', ...refspecs()]);
            }
            else if (missingRef && err instanceof git/* GitError */.XS) {
                const ref = /couldn't find remote ref (\S+)/i.exec(err.stderr)?.[1] ?? unique.join(', ');
                throw new errors/* OperationError */.OK(`branch ${ref.replace(/^refs\/heads\//, '')} does not exist in ${this.opts.remote.url}`);
            }
            else
                throw err;
        }
        const res = await this.git.run(['for-each-ref', '--format=%(refname:lstrip=2) %(objectname)', ...unique.map(tipRef)], { cwd: this.cache });
        for (const line of res.stdout.split('\n').filter(Boolean)) {
            const [encoded, sha] = line.split(' ');
            const branch = encoded === undefined ? undefined : decodeURIComponent(encoded);
            if (branch && sha && unique.includes(branch)) {
                tips.set(branch, sha);
                this.tipMemo.set(branch, sha);
            }
        }
        const lost = unique.filter((b) => !tips.has(b));
        if (lost.length)
            throw new errors/* OperationError */.OK(`fetched ${lost.join(', ')} but found no tip in the cache ${this.cache}`);
        return tips;
    }
    /**
     * Reads files at `<commit>:<path>` from trees fetched without blobs: resolves the blob ids from the
     * local trees, fetches the missing blobs in one request (git skips the network when none are
     * missing), then reads them all through one `cat-file --batch`.
     */
    async readBlobs(specs) {
        const out = new Map();
        const byCommit = new Map();
        for (const spec of specs) {
            out.set(spec, this.blobMemo.get(spec));
            if (this.knownBlob(spec))
                continue;
            const i = spec.indexOf(':');
            const commit = spec.slice(0, i);
            byCommit.set(commit, [...(byCommit.get(commit) ?? []), spec.slice(i + 1)]);
        }
        const ids = new Map();
        for (const [commit, paths] of byCommit) {
            const res = await this.git.run(['ls-tree', '-z', commit, '--', ...paths], {
                cwd: this.cache,
            });
            for (const entry of res.stdout.split('\0').filter(Boolean)) {
                const m = /^\d+ blob ([0-9a-f]{40,64})\t(.*)$/s.exec(entry);
                if (m?.[1] && m[2])
                    ids.set(`${commit}:${m[2]}`, m[1]);
            }
        }
        if (!ids.size)
            return out;
        const contents = await this.readBlobContents([...new Set(ids.values())]);
        for (const [spec, oid] of ids)
            out.set(spec, contents.get(oid));
        return out;
    }
    /**
     * Whether readBlobs answers `<commit>:<path>` without git: read already, or a state file that
     * was not among the commit's state files read with its project files, so does not exist (a
     * stage never promoted).
     */
    knownBlob(spec) {
        if (this.blobMemo.has(spec))
            return true;
        const i = spec.indexOf(':');
        const path = spec.slice(i + 1);
        return (path.startsWith(`${PROJECT_DIR}/`) &&
            this.statesRead.has(spec.slice(0, i)) &&
            STATE_FILE.test(path.slice(PROJECT_DIR.length + 1)));
    }
    /**
     * The texts of files of commit `tip` whose blob IDs are known (path → ID): fetched in one
     * request, read in one process, and remembered for readBlobs (a commit's files never change).
     */
    async readBlobIds(tip, ids, 
    /** Objects the cache has (by ID or revision), read by the same process into `also`. */
    also) {
        const out = new Map();
        const contents = await this.readBlobContents([...new Set(ids.values())], also);
        for (const [path, oid] of ids) {
            const text = contents.get(oid);
            if (text === undefined)
                continue;
            out.set(path, text);
            this.blobMemo.set(`${tip}:${path}`, text);
        }
        return out;
    }
    /** Blobs by ID, fetched (git skips the network when none are missing) and read as text. */
    async readBlobContents(blobs, also) {
        if (!blobs.length)
            return new Map();
        const ahead = this.namedShardsAhead();
        await this.fetchObjects(this.cache, [...blobs, ...ahead]);
        const objects = await this.readObjects(this.cache, [
            ...blobs,
            ...this.namedObjectsAhead(ahead),
            ...(also?.revs ?? []),
        ]);
        for (const rev of also?.revs ?? []) {
            const o = objects.get(rev);
            if (o)
                also?.into.set(rev, o);
            objects.delete(rev);
        }
        this.keepNamedObjects(objects);
        return new Map([...objects].map(([oid, o]) => [oid, o.body.toString('utf8')]));
    }
    // ---- reads ----------------------------------------------------------------------------------
    /** Every freight, verification and approval of a project: one ref listing, one object read. */
    async snapshot(project) {
        return (await this.readAll(await this.listProject(project))).snap;
    }
    /**
     * The project's tags as the remote lists them now: names and object IDs, no objects. Tags of
     * kinds gantry does not know (another tool's, a newer gantry's) are left out.
     */
    async listProject(project) {
        const ahead = this.ahead;
        if (ahead && (ahead.project ?? project) === project && !ahead.used.has(project)) {
            // Once per project: a later read in the same command (after a write) lists afresh.
            ahead.used.add(project);
            return parseListing(await ahead.stdout, project);
        }
        return parseListing(await this.lsTags(projectRefPrefix(project)), project);
    }
    /** `ls-remote` of the tags under `prefix`: the server sends refs/tags/ only, the pattern narrows. */
    async lsTags(prefix) {
        await this.ensureCache();
        const ls = await (0,retry/* retry */.L5)(() => this.git.run(['ls-remote', '--tags', this.opts.remote.url, `${prefix}*`], {
            cwd: this.cache,
        }), isTransient, READ_RETRY(this.policy), this.opts.retryHooks);
        return ls.stdout;
    }
    /**
     * Starts listing the tags of `project` (of every project when undefined) now, so that the
     * listing, the slowest read of a page of freight, runs while the project files are fetched and
     * parsed instead of after. The next read of each project it covers takes it; a failure surfaces
     * there, as that read's own listing would.
     */
    listTagsAhead(project) {
        const stdout = this.lsTags(project === undefined ? 'refs/tags/gantry/' : projectRefPrefix(project));
        // Nobody may read it (the project is not found): its failure must not go unhandled.
        stdout.catch(() => undefined);
        this.ahead = { project, stdout, used: new Set() };
    }
    /**
     * Has the fetch that names the default branch (the first read of a command) bring every
     * project's freight index with it, so that a page of freight reads its index without a fetch of
     * its own. Once per project: a later read (after a write) fetches afresh.
     */
    fetchIndexesAhead() {
        this.indexesAhead = { fetched: false, used: new Set(), commits: new Map(), objects: new Map() };
    }
    /** An empty snapshot whose `skip` leaves a bad tag out and reports it once per command. */
    emptySnapshot() {
        const snap = { freight: [], verifications: [], approvals: [], unreadable: [] };
        // One bad tag (written by hand, or by a broken tool) must not stop every command of the
        // project: it is left out, and reported once per command with the way to delete it.
        const skip = (name, problem) => {
            const tag = name.replace(/^refs\/tags\//, '');
            const message = `${problem}; skipped it (delete it: git push origin :${name})`;
            snap.unreadable?.push({ tag, message });
            if (!this.warned.has(tag)) {
                this.warned.add(tag);
                this.warn(message);
            }
        };
        return { snap, skip };
    }
    /** Every record of the listing, read: fetches the tag objects the cache lacks, by ID. */
    async readAll(listing) {
        const { snap, skip } = this.emptySnapshot();
        const annotated = new Set(listing.annotated);
        const lightweight = [
            ...listing.refs.filter((r) => !annotated.has(r)).map((r) => r.name),
            ...listing.lightweightNotes,
        ];
        // Fetching a lightweight tag's commit would pull history into the cache: skipped unfetched.
        for (const name of lightweight)
            skip(name, `unreadable tag ${name.replace(/^refs\/tags\//, '')}: it is a lightweight tag, gantry writes annotated tags`);
        const freightOids = new Map();
        await this.readTags(listing.annotated, snap, skip, freightOids);
        snap.freight.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
        return { snap: await this.withNotes(snap, listing.notes, skip), freightOids };
    }
    /**
     * `snap` with the aliases and metadata set after its freight was recorded
     * (src/state/freight-notes.ts): reads the note tags given, fetching those the cache lacks.
     */
    async withNotes(snap, notes, skip, known) {
        if (!notes.length)
            return snap;
        const read = readNotes(notes, known ?? (await this.tagObjects(notes)), skip);
        return read.length ? applyNotes(snap, read) : snap;
    }
    /** The tag objects of `refs`: those the tag cache lacks fetched in one request, all read in one. */
    async tagObjects(refs) {
        const oids = [...new Set(refs.map((r) => r.oid))];
        const missing = await this.lackedTags(oids);
        if (missing.length)
            await this.fetchObjects(this.tagCache, missing);
        for (const o of missing)
            this.tagsFetched.add(o);
        return this.readObjects(this.tagCache, oids);
    }
    /**
     * Reads the tag objects of `refs` into `snap` (fetching, in one request, those the tag cache
     * lacks: tag objects are immutable and named by their hash). `freightOids` gets the tag object
     * of each freight read. `known`: the objects, read already.
     */
    async readTags(refs, snap, skip, freightOids, known) {
        if (!refs.length)
            return;
        const objects = known ?? (await this.tagObjects(refs));
        for (const { name, oid, ref } of refs) {
            const where = name.replace(/^refs\/tags\//, '');
            const obj = objects.get(oid);
            if (obj?.type !== 'tag') {
                skip(name, `unreadable tag ${where}: it is not an annotated tag`);
                continue;
            }
            const message = store_tagMessage(obj.body);
            try {
                if (ref.kind === 'freight') {
                    snap.freight.push(parseFreight(message, where, ref.freightId));
                    freightOids?.set(ref.freightId, oid);
                }
                else if (ref.kind === 'verified')
                    snap.verifications.push(checkRecord(parseVerification(message, where), ref, where));
                else
                    snap.approvals.push(checkRecord(parseApproval(message, where), ref, where));
            }
            catch (err) {
                if (!(err instanceof errors/* OperationError */.OK))
                    throw err;
                skip(name, err.message);
            }
        }
    }
    /**
     * Fetches the tags `names` (those that exist) and every tag under `notePrefixes` into the tag
     * cache's peek namespace; runs under the cache lock.
     */
    fetchRecords(names, notePrefixes) {
        // A pattern refspec that matches nothing is no error, where an exact one would fail the
        // fetch: `<name>*` asks for the name if it exists. --prune drops what was deleted since.
        const local = (n) => `${PEEK_PREFIX}${n.slice('refs/tags/'.length)}`;
        return (0,retry/* retry */.L5)(() => this.git.run([
            // Fetched as from a promisor remote, for this command only: git then trusts the
            // pack it receives instead of running a rev-list over it to check that it is
            // connected (the tags' trees are the empty tree, which every git has). With the
            // filter given here too, git writes neither into the cache's config: a tag cache
            // configured as a promisor would fetch each object it is asked about and lacks.
            '-c',
            'remote.origin.promisor=true',
            '-c',
            'remote.origin.partialclonefilter=tree:0',
            'fetch',
            '-q',
            '--no-tags',
            '--no-write-fetch-head',
            '--prune',
            '--filter=tree:0',
            'origin',
            '--stdin',
        ], {
            cwd: this.tagCache,
            input: [...names, ...notePrefixes].map((n) => `+${n}*:${local(n)}*\n`).join(''),
        }), isTransient, READ_RETRY(this.policy), this.opts.retryHooks);
    }
    /**
     * Has the read of the project files (projectFiles), which brings every stage state file of the
     * default branch, start fetching the tags those states name (of `project`, or of every project)
     * at once: the fetch then runs while the project files are parsed. stageRecords takes it when
     * it asked for every tag a view needs, and fetches its own otherwise.
     */
    fetchStageRecordsAhead(project) {
        this.recordsAheadFor = { project };
    }
    /**
     * What a view of the stages needs and nothing more: the freight each stage runs, with its
     * verifications and approvals in that stage, fetched by tag name. The server lists only the
     * names asked for (protocol v2 ref prefixes), so the cost follows the stages, not the number of
     * freight ever recorded. `freight` holds the current freight (for health's metric templates).
     */
    async stageRecords(project, states) {
        const { names, notePrefixes } = recordNames(project, states);
        const { snap, skip } = this.emptySnapshot();
        if (!names.size)
            return snap;
        // Fetched ahead (see fetchStageRecordsAhead) when that fetch asked for every one of them.
        // Once per project: a later read (after a write, say) fetches afresh.
        const ahead = this.recordsAhead;
        const covered = ahead !== undefined &&
            !ahead.used.has(project) &&
            [...names].every((n) => ahead.names.has(n)) &&
            [...notePrefixes].every((n) => ahead.notePrefixes.has(n));
        if (covered)
            ahead.used.add(project);
        // A failed fetch ahead is no answer: this read's own fetch retries and reports.
        const fetchedAhead = covered && 'value' in (await (0,settle/* settled */.g)(ahead.fetched));
        const refs = await this.inCache(async () => {
            const local = (n) => `${PEEK_PREFIX}${n.slice('refs/tags/'.length)}`;
            if (!fetchedAhead)
                await this.fetchRecords(names, notePrefixes);
            // Only the names asked for: the peek namespace keeps refs earlier reads fetched.
            const listed = await this.peekedRefs([...names, ...notePrefixes].map(local));
            const found = [];
            const notes = [];
            for (const { oid, type, localName } of listed.refs) {
                const name = `refs/tags/${localName.slice(PEEK_PREFIX.length)}`;
                const note = parseNoteRef(name);
                const ref = note ? undefined : parseStateRef(name);
                const wanted = note
                    ? [...notePrefixes].some((p) => name.startsWith(p))
                    : ref !== undefined && names.has(name);
                if (!wanted)
                    continue;
                if (type !== 'tag') {
                    skip(name, `unreadable tag ${name.slice('refs/tags/'.length)}: it is a lightweight tag, gantry writes annotated tags`);
                    continue;
                }
                if (note)
                    notes.push({ name, oid, note });
                else if (ref)
                    found.push({ name, oid, ref });
            }
            return { found, notes, objects: listed.objects };
        });
        // The refs were just fetched into the tag cache, so their objects are there (a fetch writes
        // no ref without its object); the listing read them already, or else one process reads them.
        const oids = [...new Set([...refs.found, ...refs.notes].map((r) => r.oid))];
        const objects = refs.objects ?? (oids.length ? await this.readObjects(this.tagCache, oids) : new Map());
        await this.readTags(refs.found, snap, skip, undefined, objects);
        return this.withNotes(snap, refs.notes, skip, objects);
    }
    /**
     * The refs of the tag cache that `patterns` name (a whole name, or a prefix ending in `/`),
     * with their objects read by the same process (for-each-ref's `%(raw)`, git 2.38 and later):
     * no second process to read the tags. An older git lists the refs only (`objects` undefined).
     */
    async peekedRefs(patterns) {
        const format = '%(objectname) %(objecttype) %(raw:size) %(refname)%0a%(raw)';
        const raw = await this.git.tryRun(['for-each-ref', `--format=${format}`, ...patterns], {
            cwd: this.tagCache,
        });
        if (raw.exitCode === 0) {
            const bytes = raw.stdoutBytes;
            const refs = [];
            const objects = new Map();
            // Each ref: "<oid> <type> <size> <name>\n", <size> bytes of the object, "\n".
            for (let pos = 0; pos < bytes.length;) {
                const nl = bytes.indexOf(10, pos);
                if (nl < 0)
                    break;
                const head = bytes.subarray(pos, nl).toString('utf8');
                const [oid = '', type = '', size = '0'] = head.split(' ', 3);
                const localName = head.slice(oid.length + type.length + size.length + 3);
                const n = parseInt(size, 10);
                if (!oid || !localName || !Number.isFinite(n))
                    break;
                refs.push({ oid, type, localName });
                objects.set(oid, { type, body: bytes.subarray(nl + 1, nl + 1 + n) });
                pos = nl + 1 + n + 1;
            }
            return { refs, objects };
        }
        if (!/unknown field name/i.test(raw.stderr))
            throw this.git.error(['for-each-ref', `--format=${format}`, ...patterns], raw);
        const res = await this.git.run(['for-each-ref', '--format=%(objectname) %(objecttype) %(refname)', ...patterns], { cwd: this.tagCache });
        const refs = res.stdout.split('\n').flatMap((line) => {
            const [oid, type = '', localName] = line.split(' ');
            return oid && localName ? [{ oid, type, localName }] : [];
        });
        return { refs };
    }
    // ---- the freight index (see ./freight-index.ts) ------------------------------------------------
    /**
     * The project's freight index as the remote has it now; undefined when there is none. With
     * `shards`, the fetch brings every shard's blob too (the cache's blob:none filter lifted), for
     * a reader that needs all of them (readShards then reads them without fetching).
     */
    async readIndex(project, opts = {}) {
        const local = `${INDEX_LOCAL}${encodeURIComponent(project)}`;
        const ahead = this.indexesAhead;
        const fetched = !opts.shards && ahead?.fetched === true && !ahead.used.has(project);
        if (fetched)
            ahead.used.add(project);
        return this.inCache(async () => {
            try {
                // Fetched with HEAD (fetchIndexesAhead): the local ref is the remote's, or absent.
                if (!fetched)
                    await this.fetch([
                        '--depth=1',
                        opts.shards ? '--no-filter' : '--filter=blob:none',
                        `+${freightIndexRef(project)}:${local}`,
                    ]);
            }
            catch (err) {
                if (err instanceof git/* GitError */.XS && /couldn't find remote ref/i.test(err.stderr))
                    return undefined;
                throw err;
            }
            // The commit and its tree in one process (cat-file names them by the ref), unless they were
            // read with the project files.
            const named = fetched ? ahead.commits.get(project) : undefined;
            const early = named
                ? [ahead?.objects.get(named), ahead?.objects.get(`${named}^{tree}`)]
                : undefined;
            const [commit, tree] = early?.[0] && early[1]
                ? [
                    { oid: named, ...early[0] },
                    { oid: '', ...early[1] },
                ]
                : await this.readRevs(this.cache, [local, `${local}^{tree}`]);
            if (commit?.type !== 'commit' || tree?.type !== 'tree')
                return undefined;
            return indexStateOf(commit.oid, commit.body, tree.body);
        });
    }
    /**
     * Entries of the shards `names` (in that order), read in one fetch; `fetched`: the index was
     * read with its shards (readIndex's `shards`), so they are only read.
     */
    async readShards(index, names, fetched = false) {
        if (!names.length)
            return [];
        const oids = new Map(index.shards.map((sh) => [sh.name, sh.oid]));
        return this.inCache(async () => {
            // The shards' blob IDs came with the index's tree: no listing of it again.
            const wanted = new Map(names.flatMap((n) => (oids.has(n) ? [[n, oids.get(n)]] : [])));
            const blobs = fetched
                ? await this.readObjects(this.cache, [...wanted.values()]).then((objects) => new Map([...wanted].flatMap(([n, oid]) => {
                    const body = objects.get(oid)?.body;
                    return body ? [[n, body.toString('utf8')]] : [];
                })))
                : await this.readBlobIds(index.commit, wanted);
            return names.map((n) => shardEntries(index, n, blobs.get(n)));
        });
    }
    /**
     * Builds an index commit holding `shards` (name → text, or an existing blob ID), on top of
     * `parent`; the commit is in the cache, ready to push.
     */
    async makeIndexCommit(project, shards, head, parent, what) {
        return this.inCache(async () => {
            const sorted = [...shards].sort(([a], [b]) => a.localeCompare(b));
            const written = await this.writeBlobs(sorted.filter(([, sh]) => !sh.oid).map(([, sh]) => sh.text ?? ''));
            const lines = sorted.map(([name, sh]) => `100644 blob ${sh.oid ?? written.shift()}\t${name}\n`);
            const tree = 
            // --missing: the shards not rewritten stay on the remote; the cache has only their IDs.
            (await this.git.run(['mktree', '--missing'], { cwd: this.cache, input: lines.join('') })).stdout.trim();
            const date = `${Math.floor(this.now().getTime() / 1000)} +0000`;
            const res = await this.git.run([
                'commit-tree',
                tree,
                ...(parent ? ['-p', parent] : []),
                '-m',
                formatHeadMessage(project, head, what),
            ], { cwd: this.cache, env: { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
            return res.stdout.trim();
        });
    }
    /** Writes `texts` as blobs into the cache in one git process; returns their IDs in order. */
    async writeBlobs(texts) {
        if (!texts.length)
            return [];
        const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(this.opts.cacheDir, 'blobs-'));
        try {
            const paths = await Promise.all(texts.map(async (t, i) => {
                const p = (0,external_node_path_.join)(dir, String(i));
                await (0,promises_.writeFile)(p, t);
                return p;
            }));
            const res = await this.git.run(['hash-object', '-w', '--stdin-paths'], {
                cwd: this.cache,
                input: paths.join('\n') + '\n',
            });
            return res.stdout.trim().split('\n');
        }
        finally {
            await (0,promises_.rm)(dir, { recursive: true, force: true });
        }
    }
    /** An index commit of exactly `entries` (a rebuild), on top of `parent`. */
    makeFullIndex(project, entries, parent, what) {
        const sorted = [...entries].sort((a, b) => -byNewest(a, b));
        const shards = new Map(toShards(sorted).map((text, i) => [shardName(i), { text }]));
        return this.makeIndexCommit(project, shards, headOf(sorted.map((e) => e.tagOid)), parent, what);
    }
    /**
     * Pushes `refspecs` in one atomic push: all land or none. Returns git's porcelain report, and
     * the rejection when they did not land (network failures are retried, then thrown).
     */
    async pushAtomic(refspecs) {
        return (0,retry/* retry */.L5)(async () => {
            const args = ['push', '--atomic', '--porcelain', this.opts.remote.url, ...refspecs];
            const res = await this.git.tryRun(args, { cwd: this.cache });
            if (res.exitCode === 0)
                return { porcelain: res.stdout };
            if (/\[(?:remote )?rejected\]/.test(res.stdout + res.stderr))
                return { rejected: this.git.error(args, res).message, porcelain: res.stdout };
            throw this.git.error(args, res);
        }, isTransient, this.policy, this.opts.retryHooks);
    }
    /**
     * The project's freight index entries, every one, checked against the tag listing: an index
     * that does not match the tags is rebuilt from them (and written back when the remote takes
     * it; a read-only token only costs the next reader the same full read).
     */
    async checkedIndex(project, listing, index) {
        const actual = listing.freightHead;
        if (index && sameHead(index.head, actual))
            return { index };
        if (!index && !actual.count)
            return {};
        const freightRefs = listing.annotated.filter((r) => r.ref.kind === 'freight');
        const full = await this.readAll(listing);
        const entries = indexEntries(full, freightRefs);
        try {
            const commit = await this.makeFullIndex(project, entries, index?.commit, index ? 'rebuilt (it did not match the tags)' : 'created');
            const { rejected } = await this.pushAtomic([`${commit}:${freightIndexRef(project)}`]);
            if (rejected)
                this.log(`the freight index of ${project} moved while being rebuilt; left it`);
        }
        catch (err) {
            // A read-only token cannot write it: the next reader pays the same full read, no more.
            this.log(`could not write the freight index of ${project}: ${(0,errors/* errorMessage */.gJ)(err)}`);
        }
        return { full };
    }
    /**
     * A page of the project's freight, newest first: the index says which are the newest `limit`,
     * and only their tags (and their verifications and approvals) are read. `total` counts every
     * freight; `latest` holds the newest freight of each warehouse in `warehouses` (shards are read
     * further back until each is found). An index that does not match the tags is not used.
     *
     * The tag listing, the slowest read at tens of thousands of freight, runs while the index, its
     * newest shards and the page's freight tags are read: the page is only used once the listing
     * shows the index matches the tags, and is dropped (the tags read instead) when it does not.
     */
    async freightPage(project, opts) {
        const listed = (0,settle/* settled */.g)(this.listProject(project));
        const stored = await (0,settle/* settled */.g)(this.readIndex(project));
        const early = 'value' in stored && stored.value ? (0,settle/* settled */.g)(this.pageOfIndex(stored.value, opts)) : undefined;
        const [listing, earlyPage] = await (0,settle/* settleAll */.j)([
            listed.then(unwrap),
            early ?? Promise.resolve(undefined),
        ]);
        const checked = await this.checkedIndex(project, listing, unwrap(stored));
        const latestOf = (entries) => {
            const latest = new Map();
            for (const e of [...entries].sort(byNewest))
                if (e.createdAt && !latest.has(e.warehouse))
                    latest.set(e.warehouse, { id: e.freightId, alias: e.alias, createdAt: e.createdAt });
            return latest;
        };
        if (checked.full) {
            const { snap } = checked.full;
            const page = snap.freight.slice(0, opts.limit);
            const ids = new Set(page.map((f) => f.id));
            return {
                snap: {
                    ...snap,
                    freight: page,
                    verifications: snap.verifications.filter((v) => ids.has(v.freightId)),
                    approvals: snap.approvals.filter((a) => ids.has(a.freightId)),
                },
                total: snap.freight.length,
                latest: latestOf(snap.freight.map((f) => ({
                    createdAt: f.createdAt,
                    freightId: f.id,
                    tagOid: '',
                    warehouse: f.origin.name,
                    alias: f.alias,
                }))),
            };
        }
        const index = checked.index;
        if (!index)
            return { snap: this.emptySnapshot().snap, total: 0, latest: new Map() };
        // The index matches the tags: what was read from it ahead stands (or its failure does).
        const { loaded, page, objects } = unwrap(earlyPage);
        return {
            snap: await this.recordsOf(listing, new Set(page.map((e) => e.freightId)), objects),
            total: index.head.count,
            latest: latestOf(loaded),
        };
    }
    /**
     * The page `index` names, read before the tag listing says whether the index can be used: the
     * newest shards until the page is full and each warehouse asked about has its newest, and the
     * page's freight tag objects (their IDs are in the index).
     */
    async pageOfIndex(index, opts) {
        // Newest shards first, until the page is full and each warehouse asked about has its newest.
        const loaded = [];
        const want = new Set(opts.warehouses ?? []);
        for (let end = index.shards.length; end > 0;) {
            const readable = loaded.filter((e) => e.createdAt).length;
            const seen = new Set(loaded.map((e) => e.warehouse));
            if (readable >= opts.limit && [...want].every((w) => seen.has(w)))
                break;
            // One shard at first (the usual page), then the rest in larger steps.
            const start = end === index.shards.length ? end - 1 : Math.max(0, end - 4);
            const batch = await this.readShards(index, index.shards.slice(start, end).map((s) => s.name));
            for (const entries of batch)
                loaded.push(...entries);
            end = start;
        }
        const page = loaded
            .filter((e) => e.createdAt)
            .sort(byNewest)
            .slice(0, opts.limit);
        const objects = await this.tagObjects(page.map((e) => ({ oid: e.tagOid })));
        return { loaded, page, objects };
    }
    /**
     * The tags of the freight `ids` from `listing`, newest first, with their verifications and
     * approvals, every alias change (they are few) and the metadata of those freight only.
     */
    async recordsOf(listing, ids, 
    /** Tag objects read already (a page's freight): only the others are fetched and read. */
    known) {
        const { snap, skip } = this.emptySnapshot();
        const refs = listing.annotatedOf(ids);
        const notes = listing.notes.filter((n) => n.note.kind === 'alias' || ids.has(n.note.freightId));
        let objects = known;
        const rest = known ? [...refs, ...notes].filter((r) => !known.has(r.oid)) : [];
        if (known && rest.length)
            objects = new Map([...known, ...(await this.tagObjects(rest))]);
        await this.readTags(refs, snap, skip, undefined, objects);
        snap.freight.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
        return this.withNotes(snap, notes, skip, objects);
    }
    /**
     * Which tag objects of `oids` the tag cache lacks; all of them on the first read into a cache
     * this instance created (fetching one that another process fetched meanwhile costs nothing:
     * git skips what it has).
     */
    lackedTags(oids) {
        if (!this.tagCacheNew)
            return this.missingObjects(this.tagCache, oids);
        // What this instance fetched is all the cache can hold (another process fetching the same
        // objects meanwhile costs nothing more than git skipping them).
        return Promise.resolve(oids.filter((o) => !this.tagsFetched.has(o)));
    }
    /**
     * The freight, verifications and approvals a promotion of one named freight decides from, read
     * without every freight tag: the freight index, checked against the tag listing, picks the IDs
     * (`pick`, see ./promote-reads.ts), and only their tags are read, with every alias tag and
     * their metadata tags. undefined when the index is missing or does not match the tags, or
     * `pick` cannot tell: the caller then reads everything (snapshot), as before the index.
     */
    async promotionRecords(project, pick) {
        const [listing, stored] = await (0,settle/* settleAll */.j)([
            this.listProject(project),
            this.readWholeIndex(project),
        ]);
        if (!stored || !sameHead(stored.head, listing.freightHead))
            return undefined;
        const ids = pick(stored.entries, aliasNoteIds(listing));
        return ids && this.recordsOf(listing, ids);
    }
    /**
     * Every entry of the project's freight index, commit and shards in one fetch (the cache's
     * blob:none filter lifted for it); undefined when there is no index.
     */
    async readWholeIndex(project) {
        const index = await this.readIndex(project, { shards: true });
        if (!index)
            return undefined;
        const shards = await this.readShards(index, index.shards.map((sh) => sh.name), true);
        return { head: index.head, entries: shards.flat() };
    }
    /** Which of `oids` a plain (non-promisor) repository does not have. */
    async missingObjects(repo, oids) {
        const res = await this.git.run(['cat-file', '--buffer', '--batch-check=%(objectname)'], {
            cwd: repo,
            input: oids.join('\n') + '\n',
        });
        return res.stdout
            .split('\n')
            .filter((l) => l.endsWith(' missing'))
            .map((l) => l.slice(0, l.indexOf(' ')));
    }
    /** Fetches objects by ID in one request; a no-op without network when all are present. */
    fetchObjects(repo, oids) {
        return (0,retry/* retry */.L5)(() => this.git.run([
            '-c',
            'fetch.negotiationAlgorithm=noop',
            'fetch',
            '-q',
            'origin',
            '--no-tags',
            '--no-write-fetch-head',
            '--recurse-submodules=no',
            // The branch cache is a partial clone; the tag cache holds whole objects.
            ...(repo === this.cache ? ['--filter=blob:none'] : []),
            '--stdin',
        ], { cwd: repo, input: oids.join('\n') + '\n' }), isTransient, READ_RETRY(this.policy), this.opts.retryHooks);
    }
    /** Reads whole objects through one `cat-file --batch` (sizes are bytes, so parse bytes). */
    async readObjects(repo, oids) {
        const res = await this.git.run(['cat-file', '--buffer', '--batch'], {
            cwd: repo,
            input: oids.join('\n') + '\n',
        });
        const bytes = res.stdoutBytes;
        const out = new Map();
        let pos = 0;
        for (const oid of oids) {
            const nl = bytes.indexOf(10, pos);
            const [, type = 'missing', size = '0'] = bytes
                .subarray(pos, nl)
                .toString('latin1')
                .split(' ');
            if (type === 'missing') {
                pos = nl + 1;
                continue;
            }
            const n = parseInt(size, 10);
            out.set(oid, { type, body: bytes.subarray(nl + 1, nl + 1 + n) });
            pos = nl + 1 + n + 1;
        }
        return out;
    }
    /**
     * Objects named by revisions (`<ref>`, `<ref>^{tree}`), in that order, through one
     * `cat-file --batch`: undefined for a name that resolves to nothing.
     */
    async readRevs(repo, revs) {
        const res = await this.git.run(['cat-file', '--batch'], {
            cwd: repo,
            input: revs.join('\n') + '\n',
        });
        const bytes = res.stdoutBytes;
        const out = [];
        let pos = 0;
        for (let i = 0; i < revs.length; i++) {
            const nl = bytes.indexOf(10, pos);
            if (nl < 0)
                break;
            const [oid = '', type = 'missing', size = '0'] = bytes
                .subarray(pos, nl)
                .toString('latin1')
                .split(' ');
            if (type === 'missing' || type === 'ambiguous') {
                out.push(undefined);
                pos = nl + 1;
                continue;
            }
            const n = parseInt(size, 10);
            out.push({ oid, type, body: bytes.subarray(nl + 1, nl + 1 + n) });
            pos = nl + 1 + n + 1;
        }
        return out;
    }
    /** The state file of each stage at the tip of its branch (undefined: never promoted). */
    /** The branches `stages` deploy from, each once; a stage without one uses the default branch. */
    async stageBranches(stages) {
        const def = stages.some((s) => !s.branch) ? await this.defaultBranch() : '';
        return [...new Set(stages.map((s) => s.branch ?? def))];
    }
    /** The commit a branch points at now (fetched without blobs, one commit deep). */
    async branchTip(branch) {
        const b = branch ?? (await this.defaultBranch());
        return this.inCache(async () => {
            const tip = (await this.fetchTips([b])).get(b);
            if (!tip)
                throw new errors/* OperationError */.OK(`branch ${b} does not exist in ${this.opts.remote.url}`);
            return tip;
        });
    }
    async stageStates(project, stages, 
    /** More branches to fetch in the same request (a promotion's other checkouts). */
    alsoFetch = []) {
        const def = stages.some((s) => !s.branch) ? await this.defaultBranch() : '';
        const branchOf = (s) => s.branch ?? def;
        // Every tip and file known already (read with the project files): no git, so no lock to
        // wait for behind a fetch that another read started.
        const branches = [...stages.map(branchOf), ...alsoFetch];
        const known = branches.every((br) => this.tipMemo.has(br)) &&
            stages.every((st) => this.knownBlob(`${this.tipMemo.get(branchOf(st))}:${stateFilePath(project, st.name)}`));
        const read = async () => {
            const tips = await this.fetchTips([...stages.map(branchOf), ...alsoFetch], true);
            const specs = stages.map((s) => {
                const tip = tips.get(branchOf(s));
                return tip ? `${tip}:${stateFilePath(project, s.name)}` : undefined;
            });
            const present = specs.filter((x) => x !== undefined);
            return { specs, blobs: await this.readBlobs(present) };
        };
        const files = known ? await read() : await this.inCache(read);
        const out = new Map();
        stages.forEach((s, i) => {
            const spec = files.specs[i];
            const text = spec === undefined ? undefined : files.blobs.get(spec);
            out.set(s.name, text === undefined
                ? undefined
                : parseStageState(text, `${branchOf(s)}:${stateFilePath(project, s.name)}`));
        });
        return out;
    }
    /**
     * Project files (`.gantry/*.yaml`) at the tip of a branch, for remotes with no local checkout;
     * `dir` reads another directory's YAML files the same way (`.github/workflows`), and with
     * `recursive` those of its subdirectories too (Kargo's manifests).
     */
    async projectFiles(branch, dir = '.gantry', recursive = false) {
        const b = branch ?? (await this.defaultBranch());
        let handOut;
        const early = new Promise((resolve) => (handOut = resolve));
        const locked = this.inCache(async () => {
            const tip = (await this.fetchTips([b])).get(b);
            // The project directory is listed with its subdirectories: the stage state files under
            // .gantry/state/ are what a command reads next, and their blobs come in the same fetch
            // (stageStates then finds them read). -z: names are not quoted (écho.yaml stays écho.yaml).
            const withStates = dir === PROJECT_DIR && !recursive;
            const args = ['ls-tree', '-z', ...(recursive || withStates ? ['-r'] : []), `${tip}:${dir}`];
            const ls = await this.git.tryRun(args, { cwd: this.cache });
            if (ls.exitCode !== 0) {
                // No such directory at all is an answer (no files), anything else an error.
                if (/not a valid object name|not a tree object/i.test(ls.stderr))
                    return [];
                throw this.git.error(args, ls);
            }
            const files = [];
            const blobs = new Map();
            const states = [];
            for (const entry of ls.stdout.split('\0').filter(Boolean)) {
                const m = /^\d+ (\w+) ([0-9a-f]{40,64})\t(.*)$/s.exec(entry);
                const [, type, oid, name] = m ?? [];
                if (!name || !/\.ya?ml$/.test(name))
                    continue;
                if (withStates && name.includes('/')) {
                    if (type === 'blob' && oid && STATE_FILE.test(name))
                        states.push(`${dir}/${name}`);
                    if (type === 'blob' && oid)
                        blobs.set(`${dir}/${name}`, oid);
                    continue;
                }
                files.push(`${dir}/${name}`);
                if (type === 'blob' && oid)
                    blobs.set(`${dir}/${name}`, oid);
            }
            // A repository with many projects and stages reads its state files stage by stage instead.
            const prefetch = withStates && states.length <= PREFETCH_STATES;
            const wanted = [...files, ...(prefetch ? states : [])];
            // The freight indexes fetched with HEAD: their commits and trees come in the same read.
            const ahead = this.indexesAhead;
            const indexes = ahead?.fetched && !recursive && dir === PROJECT_DIR && ahead.objects.size === 0
                ? [...ahead.commits.values()].flatMap((c) => [c, `${c}^{tree}`])
                : [];
            const texts = await this.readBlobIds(tip, new Map(wanted.flatMap((f) => (blobs.has(f) ? [[f, blobs.get(f)]] : []))), indexes.length && ahead ? { revs: indexes, into: ahead.objects } : undefined);
            if (prefetch && states.every((f) => texts.has(f)))
                this.statesRead.add(tip);
            const out = files.map((file) => ({ file, text: texts.get(file) ?? '' }));
            const records = prefetch && this.recordsAheadFor && !this.recordsAhead
                ? recordsOfStates(this.recordsAheadFor.project, states, texts)
                : undefined;
            if (records) {
                // The stages' tags (see fetchStageRecordsAhead): the files are handed out now, to be
                // parsed while the fetch runs, and the lock is kept until it is done.
                const fetched = (0,settle/* settled */.g)(this.fetchRecords(records.names, records.notePrefixes));
                // Settled once the lock is released too, so that stageRecords does not wait for it.
                const done = fetched.then((r) => locked.then(() => unwrap(r)));
                // Nobody may ask for the stages (a failing read elsewhere): no unhandled rejection.
                done.catch(() => undefined);
                this.recordsAhead = { ...records, fetched: done, used: new Set() };
                handOut?.(out);
                await fetched;
            }
            return out;
        });
        return Promise.race([early, locked]);
    }
    /**
     * The newest `limit` promotions of a project on the given branches, from commit trailers. Fetches
     * commit objects only (no trees), deepening until enough promotions are found or history ends,
     * so the cost follows `limit`, not the length of history.
     */
    async promotions(project, branches, limit = 20) {
        const unique = [...new Set(branches.length ? branches : [await this.defaultBranch()])];
        return this.inCache(async () => {
            const tips = await this.fetchTips(unique, true);
            const found = new Map();
            for (const branch of unique.filter((b) => tips.has(b))) {
                // Start deep enough for `limit` promotions when one commit in four is one (one round trip
                // in an established repository), and stop at a bound: a project with few promotions in a
                // long-lived repository would otherwise read the whole history on every call.
                for (let depth = Math.max(64, 4 ** Math.ceil(Math.log(limit * 4) / Math.log(4)));; depth *= 4) {
                    await this.fetch([
                        `--depth=${depth}`,
                        '--filter=tree:0',
                        `+refs/heads/${branch}:${tipRef(branch)}`,
                    ]);
                    const res = await this.git.run(['log', `--max-count=${depth}`, '--format=%H%x00%ct%x00%B%x00', tipRef(branch)], { cwd: this.cache });
                    const records = res.stdout.split('\0\n').filter(Boolean);
                    let count = 0;
                    for (const rec of records) {
                        const p = parsePromotionCommit(rec, branch);
                        if (p?.project === project) {
                            found.set(p.commit, p);
                            count++;
                        }
                    }
                    const reachedRoot = records.length < depth;
                    if (count >= limit || reachedRoot || depth >= MAX_HISTORY_DEPTH)
                        break;
                }
            }
            return [...found.values()]
                .sort((a, b) => b.promotedAt.localeCompare(a.promotedAt))
                .slice(0, limit);
        });
    }
    // ---- writes ---------------------------------------------------------------------------------
    /** Writes the annotated tag object of `ref` into the cache (no ref): ready to push. */
    makeTag(ref, message, when) {
        const name = stateRefName(ref);
        const identity = this.opts.identity ?? DEFAULT_IDENTITY;
        const seconds = Math.floor(when.getTime() / 1000);
        return this.inCache(async () => {
            await this.git.run(['mktree'], { cwd: this.cache, input: '' });
            const body = `object ${EMPTY_TREE}\ntype tree\ntag ${name.replace(/^refs\/tags\//, '')}\ntagger ${identity.name} <${identity.email}> ${seconds} +0000\n\n${message}`;
            return (await this.git.run(['mktag'], { cwd: this.cache, input: body })).stdout.trim();
        });
    }
    /**
     * Records a state tag. Tags are immutable: if it exists, nothing changes and `created` is false
     * (two writers racing for the same freight both succeed, one of them as a no-op).
     */
    async writeTag(ref, message, when) {
        const name = stateRefName(ref);
        const tagObject = await this.makeTag(ref, message, when);
        return (0,retry/* retry */.L5)(async () => {
            const res = await this.git.tryRun(['push', '--porcelain', this.opts.remote.url, `${tagObject}:${name}`], {
                cwd: this.cache,
            });
            // Porcelain flags: `*` a new ref, `=` it was already there with this very object (the
            // same freight recorded by another writer at the same instant).
            if (res.exitCode === 0)
                return { created: !/^=\t/m.test(res.stdout), ref: name };
            // Rejected: usually because the tag exists, written earlier or by a writer racing us
            // ("already exists", or "cannot lock ref" while the other push holds it). Ask the remote.
            const seen = await this.git.tryRun(['ls-remote', this.opts.remote.url, name], {
                cwd: this.cache,
            });
            if (seen.exitCode === 0 && seen.stdout.includes(`\t${name}`))
                return { created: false, ref: name };
            throw this.git.error(['push', '--porcelain', this.opts.remote.url, `${tagObject}:${name}`], res);
        }, isTransient, this.policy, this.opts.retryHooks);
    }
    /**
     * Records a freight: its tag and the index entry that lists it, in one atomic push, so the index
     * never lists a tag that is not there nor misses one gantry wrote. A lost race for the index
     * (another freight of the project recorded at the same moment) reads it again and retries.
     */
    recordFreight(project, freight) {
        // Writes of one project from this store go one after another: racing each other for the
        // index would only make them wait out each other's backoff.
        const before = this.freightWrites.get(project) ?? Promise.resolve();
        const mine = before.then(() => this.recordFreightNow(project, freight), () => this.recordFreightNow(project, freight));
        this.freightWrites.set(project, mine.catch(() => undefined));
        return mine;
    }
    async recordFreightNow(project, freight) {
        const ref = { kind: 'freight', project, freightId: freight.id };
        const name = stateRefName(ref);
        const tagObject = await this.makeTag(ref, serializeFreight(freight), new Date(freight.createdAt));
        const entry = {
            createdAt: freight.createdAt,
            freightId: freight.id,
            tagOid: tagObject,
            warehouse: freight.origin.name,
            alias: freight.alias,
        };
        const policy = this.opts.raceRetry ?? this.opts.retry ?? retry/* DEFAULT_RACE_RETRY */.bW;
        // A lost race waits (full-jitter backoff, as a promotion's push does) and reads the index
        // again: ten writers recording at once would otherwise keep colliding.
        const attempt = async () => {
            const index = await this.readIndex(project);
            const last = index?.shards[index.shards.length - 1];
            const lastEntries = last && index ? ((await this.readShards(index, [last.name]))[0] ?? []) : [];
            // Already listed: the tag was recorded with it (by a writer that raced us to the same
            // freight); listing it twice would break the index's count.
            const listed = lastEntries.some((e) => e.freightId === freight.id);
            const refspecs = [`${tagObject}:${name}`];
            if (!listed) {
                const shards = new Map((index?.shards ?? []).map((s) => [s.name, { oid: s.oid }]));
                const line = formatEntry(entry) + '\n';
                if (last && lastEntries.length < SHARD_LINES)
                    shards.set(last.name, {
                        text: lastEntries.map((e) => formatEntry(e) + '\n').join('') + line,
                    });
                else
                    shards.set(shardName(index?.shards.length ?? 0), { text: line });
                const head = index
                    ? { count: index.head.count + 1, xor: xorOids([tagObject], index.head.xor) }
                    : headOf([tagObject]);
                const commit = await this.makeIndexCommit(project, shards, head, index?.commit, `+ ${freight.alias} (${freight.id.slice(0, 7)})`);
                refspecs.push(`${commit}:${freightIndexRef(project)}`);
            }
            const { rejected, porcelain } = await this.pushAtomic(refspecs);
            // `=`: the tag was already there with this very object (the same freight recorded by
            // another writer at the same instant).
            if (!rejected)
                return { created: !/^=\t/m.test(porcelain), ref: name };
            // Rejected: the tag exists (recorded earlier, or by a writer racing us), or the index moved.
            const seen = await this.git.tryRun(['ls-remote', this.opts.remote.url, name], {
                cwd: this.cache,
            });
            if (seen.exitCode === 0 && seen.stdout.includes(`\t${name}`))
                return { created: false, ref: name };
            this.log(`the freight index of ${project} moved while recording ${freight.alias}`);
            throw new IndexRaceError(`could not record freight ${freight.alias}: ${rejected}`);
        };
        return (0,retry/* retry */.L5)(attempt, (e) => e instanceof IndexRaceError, policy, this.opts.retryHooks);
    }
    /**
     * Deletes freight (`ids`) with every tag of the project that names it as its last segment
     * (verifications, approvals, and records of kinds added later), and rewrites the index without
     * them, in one atomic push. Refuses when the index does not match the tags read for the plan
     * (`expected`): the plan was made from another state. Returns the tags deleted.
     */
    async deleteFreight(project, ids, expected) {
        if (!ids.length)
            return [];
        const gone = new Set(ids);
        const prefix = projectRefPrefix(project);
        const [ls, index] = await (0,settle/* settleAll */.j)([
            (0,retry/* retry */.L5)(() => this.git.run(['ls-remote', '--tags', this.opts.remote.url, `${prefix}*`], {
                cwd: this.cache,
            }), isTransient, READ_RETRY(this.policy), this.opts.retryHooks),
            this.readIndex(project),
        ]);
        if (!index || !sameHead(index.head, expected))
            throw new errors/* OperationError */.OK(`the freight of ${project} changed while planning the prune (or its index is missing); run it again`);
        const tags = ls.stdout
            .split('\n')
            .map((l) => l.split('\t')[1] ?? '')
            .filter((n) => n.startsWith(prefix) && !n.endsWith('^{}'))
            // The freight's own tag and its verifications and approvals end in its ID; its alias and
            // metadata records (src/state/freight-notes.ts) carry it before their stamp.
            .filter((n) => gone.has(n.slice(n.lastIndexOf('/') + 1)) || gone.has(parseNoteRef(n)?.freightId ?? ''));
        // Each shard's lines stay where they are, fewer; a shard left empty goes. Pushes go in
        // batches (a command line holds so many refs), each batch's tags with the index without them,
        // so the index matches the tags after every batch.
        const shards = new Map((await this.readShards(index, index.shards.map((sh) => sh.name))).map((entries, i) => [index.shards[i]?.name ?? '', entries]));
        const byFreight = new Map();
        for (const t of tags) {
            const id = parseNoteRef(t)?.freightId ?? t.slice(t.lastIndexOf('/') + 1);
            byFreight.set(id, [...(byFreight.get(id) ?? []), t]);
        }
        const order = [...byFreight.keys()];
        const rewritten = new Set();
        let parent = index.commit;
        let head = index.head;
        const deleted = [];
        for (let i = 0; i < order.length;) {
            const batch = [];
            let refs = 0;
            while (i < order.length) {
                const n = byFreight.get(order[i])?.length ?? 0;
                if (batch.length && refs + n > PUSH_BATCH)
                    break;
                batch.push(order[i]);
                refs += n;
                i++;
            }
            const out = new Set(batch);
            const removedOids = [];
            for (const [name, entries] of shards) {
                const left = entries.filter((e) => !out.has(e.freightId));
                if (left.length === entries.length)
                    continue;
                for (const e of entries)
                    if (out.has(e.freightId))
                        removedOids.push(e.tagOid);
                shards.set(name, left);
                rewritten.add(name);
            }
            head = { count: head.count - removedOids.length, xor: xorOids(removedOids, head.xor) };
            const tree = new Map();
            for (const sh of index.shards) {
                const now = shards.get(sh.name) ?? [];
                if (!now.length)
                    continue;
                tree.set(sh.name, rewritten.has(sh.name)
                    ? { text: now.map((e) => formatEntry(e) + '\n').join('') }
                    : { oid: sh.oid });
            }
            const commit = await this.makeIndexCommit(project, tree, head, parent, `pruned ${removedOids.length} freight`);
            const batchTags = batch.flatMap((id) => byFreight.get(id) ?? []);
            const { rejected } = await this.pushAtomic([
                ...batchTags.map((t) => `:${t}`),
                `${commit}:${freightIndexRef(project)}`,
            ]);
            if (rejected)
                throw new errors/* OperationError */.OK(`the freight of ${project} changed while pruning (${deleted.length ? `${deleted.length} tags were deleted, the rest were not` : 'nothing was deleted'}); run it again: ${rejected}`);
            deleted.push(...batchTags);
            parent = commit;
        }
        return deleted.map((t) => t.replace(/^refs\/tags\//, ''));
    }
    /**
     * Every freight of the project as the index lists it (no tag objects read), checked against the
     * tags as `freightPage` does; `head` is what a later deleteFreight expects to find.
     */
    async freightEntries(project) {
        const [listing, stored] = await (0,settle/* settleAll */.j)([this.listProject(project), this.readIndex(project)]);
        const checked = await this.checkedIndex(project, listing, stored);
        const freightRefs = listing.annotated.filter((r) => r.ref.kind === 'freight');
        const head = listing.freightHead;
        // Records other than freight are few next to freight; the plan needs the approvals.
        const { snap, skip } = this.emptySnapshot();
        await this.readTags(listing.annotated.filter((r) => r.ref.kind === 'approved'), snap, skip);
        if (checked.full)
            return { entries: indexEntries(checked.full, freightRefs), head, snap };
        const index = checked.index;
        const entries = index
            ? (await this.readShards(index, index.shards.map((s) => s.name))).flat()
            : [];
        return { entries, head, snap };
    }
    async recordVerification(r) {
        return this.writeTag({ kind: 'verified', project: r.project, stage: r.stage, freightId: r.freightId }, serializeVerification(r), new Date(r.verifiedAt));
    }
    async recordApproval(r) {
        return this.writeTag({ kind: 'approved', project: r.project, stage: r.stage, freightId: r.freightId }, serializeApproval(r), new Date(r.approvedAt));
    }
    /**
     * Records aliases and metadata of freight (src/state/freight-notes.ts): each a new tag, named
     * uniquely so that nothing is overwritten, all of them in one atomic push (all land or none).
     * Returns the tags' names.
     */
    async recordNotes(notes) {
        if (!notes.length)
            return [];
        const identity = this.opts.identity ?? DEFAULT_IDENTITY;
        const tags = await this.inCache(async () => {
            // mktag checks that the object tagged exists: the empty tree, written once.
            await this.git.run(['mktree'], { cwd: this.cache, input: '' });
            const out = [];
            for (const note of notes) {
                const at = new Date(note.record.recordedAt);
                const name = noteRefName(note, noteStamp(at));
                const body = `object ${EMPTY_TREE}\ntype tree\ntag ${name.replace(/^refs\/tags\//, '')}\ntagger ${identity.name} <${identity.email}> ${Math.floor(at.getTime() / 1000)} +0000\n\n${serializeNote(note)}`;
                const oid = (await this.git.run(['mktag'], { cwd: this.cache, input: body })).stdout.trim();
                out.push({ name, oid });
            }
            return out;
        });
        const args = [
            'push',
            '--atomic',
            '--porcelain',
            this.opts.remote.url,
            ...tags.map((t) => `${t.oid}:${t.name}`),
        ];
        await (0,retry/* retry */.L5)(
        // A retry after a push that landed but reported a network error finds the same objects
        // there already (`=`): success.
        () => this.git.run(args, { cwd: this.cache }), isTransient, this.policy, this.opts.retryHooks);
        return tags.map((t) => t.name.replace(/^refs\/tags\//, ''));
    }
    /**
     * Commits a promotion to the stage's branch: see src/state/transaction.ts, which holds the
     * write transaction apart from the reads above.
     */
    commitPromotion(w, opened) {
        return commitPromotion({ ...this.workspaceHost(), defaultBranch: () => this.defaultBranch() }, w, opened);
    }
    /** The checkout of a commitPromotion of `w`, opened while other reads go on (transaction.ts). */
    async openCheckout(w) {
        const plan = checkoutPlan(w, w.branch ?? (await this.defaultBranch()));
        return openCheckout({ ...this.workspaceHost(), defaultBranch: () => this.defaultBranch() }, plan);
    }
    /**
     * What a promotion that runs Kargo's git steps in its own workspace (src/promotion/workspace.ts)
     * uses of the store: the git runner with the GitOps remote's credentials, a fresh scratch
     * directory (killed promotions' leftovers swept first), and the store's retry policies.
     */
    workspaceHost() {
        return {
            git: this.git,
            remoteUrl: this.opts.remote.url,
            gitOptions: {
                baseEnv: this.opts.baseEnv,
                identity: this.opts.identity ?? DEFAULT_IDENTITY,
                ...(this.opts.gitTimeoutMs !== undefined ? { timeoutMs: this.opts.gitTimeoutMs } : {}),
                ...(this.opts.trace ? { trace: this.opts.trace } : {}),
            },
            seed: (branch) => {
                const tip = this.tipMemo.get(branch);
                return tip ? { tip, objects: (0,external_node_path_.join)(this.cache, 'objects') } : undefined;
            },
            seeds: () => this.tipMemo.size
                ? { tips: new Map(this.tipMemo), objects: (0,external_node_path_.join)(this.cache, 'objects') }
                : undefined,
            scratch: async () => {
                this.tipMemo.clear();
                await (0,promises_.mkdir)(this.opts.cacheDir, { recursive: true });
                const swept = await (0,cache/* sweepCheckouts */.GA)(this.opts.cacheDir).catch(() => []);
                if (swept.length)
                    this.log(`removed ${swept.length} checkout(s) left by killed promotions: ${swept.join(', ')}`);
                return (0,cache/* makeCheckout */.by)(this.opts.cacheDir);
            },
            racePolicy: this.opts.raceRetry ?? this.opts.retry ?? retry/* DEFAULT_RACE_RETRY */.bW,
            transientTries: this.policy.attempts,
            ...(this.opts.retryHooks ? { retryHooks: this.opts.retryHooks } : {}),
            isTransient,
            now: this.now,
            log: this.log,
        };
    }
    // ---- the promotion of named freight (src/promotion/promote.ts, `gantry promote --freight`) ---
    // Added for the promote path (h/promote4): the reads of a promotion of one named freight ride on
    // the fetch that names the default branch instead of listing every tag and fetching the freight
    // index on their own.
    /** What promoteNamedAhead asked the HEAD fetch for, and what that fetch brought. */
    namedAhead;
    /**
     * Has the fetch that names the default branch (the first read of a command) also list the
     * project's tags, bring its freight index (commit and tree; the shards come with the next blob
     * fetch, the project files') and the tags of freight `ref` when it is a full ID (the freight's,
     * its verifications' and approvals'): everything namedPromotionRecords reads for a promotion of
     * freight the newest of its warehouse. The listing is the fetch's own: in protocol v2 the server
     * lists every ref under the prefix a refspec pattern names, `refs/tags/gantry/<project>/*<id>`
     * names the whole project while matching only that freight's tags, and git's packet trace shows
     * the list. Once per command.
     */
    promoteNamedAhead(project, ref) {
        const id = ref.trim().toLowerCase();
        const full = /^[0-9a-f]{40}$/.test(id) ? id : undefined;
        // No tag of gantry's ends so: the pattern then lists the project and fetches nothing.
        const suffix = full ?? NAMED_NONE;
        const local = `${NAMED_PREFIX}${encodeURIComponent(project)}/`;
        this.namedAhead = {
            project,
            ...(full ? { fetchedId: full } : {}),
            refspecs: [
                `+${projectRefPrefix(project)}*${suffix}:${local}*${suffix}`,
                // A pattern: a project without an index must not fail the fetch.
                `+${freightIndexRef(project)}*:${namedIndexRef(project)}*`,
            ],
            shardsTaken: false,
            used: false,
        };
    }
    /**
     * Reads the HEAD fetch's packet trace for what promoteNamedAhead asked: the project's tags as
     * the server listed them, and its freight index when the fetch brought it (its commit and tree
     * read now, so that the shards' blobs join the next blob fetch). Leaves both unset when the trace
     * does not show a v2 listing of the project (an old server): the promotion then lists the tags.
     */
    async takeNamedListing(named, trace) {
        const prefix = projectRefPrefix(named.project);
        if (!trace.includes(`ref-prefix ${prefix}\n`))
            return;
        const indexName = freightIndexRef(named.project);
        const listed = new Map();
        let indexOid;
        // `fetch< <oid> <ref>[ peeled:<oid>]`; a line may show up twice (both ends trace over file://).
        for (const m of trace.matchAll(/[<>] ([0-9a-f]{40}) (refs\/\S+)([^\n]*)/g)) {
            const [, oid = '', name = '', rest = ''] = m;
            if (name === indexName)
                indexOid = oid;
            if (!name.startsWith(prefix) || listed.has(name))
                continue;
            const peeled = / peeled:([0-9a-f]{40})/.exec(rest)?.[1];
            listed.set(name, { oid, ...(peeled ? { peeled } : {}) });
        }
        // ls-remote's shape: a tag's peeled line right after it, names sorted as git sorts them.
        const names = [...listed.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const text = names
            .map((n) => {
            const { oid, peeled } = listed.get(n);
            return `${oid}\t${n}\n${peeled ? `${peeled}\t${n}^{}\n` : ''}`;
        })
            .join('');
        named.listing = parseListing(text, named.project);
        // A promotion that reads every tag after all (a soak time to count, a name the index does not
        // know) takes this listing instead of listing them again.
        this.ahead ??= { project: named.project, stdout: Promise.resolve(text), used: new Set() };
        if (!indexOid)
            return;
        const local = namedIndexRef(named.project);
        const [commit, tree] = await this.readRevs(this.cache, [local, `${local}^{tree}`]);
        if (commit?.oid !== indexOid || commit.type !== 'commit' || tree?.type !== 'tree')
            return;
        const index = indexStateOf(commit.oid, commit.body, tree.body);
        if (index)
            named.index = index;
    }
    /**
     * What the read of the blobs the shards were fetched with reads too: the shards, and the named
     * freight's tags (the HEAD fetch brought them). Kept for namedPromotionRecords: no process of its
     * own to read them.
     */
    namedObjectsAhead(shards) {
        const named = this.namedAhead;
        if (!named?.listing || !shards.length)
            return [];
        const mine = named.fetchedId ? named.listing.annotatedOf(new Set([named.fetchedId])) : [];
        named.objects = new Map();
        return [...shards, ...new Set(mine.map((r) => r.oid))];
    }
    keepNamedObjects(objects) {
        const kept = this.namedAhead?.objects;
        if (!kept || kept.size)
            return;
        for (const [oid, o] of objects)
            kept.set(oid, o);
    }
    /** The index shards the next blob fetch brings along (once; see takeNamedListing). */
    namedShardsAhead() {
        const named = this.namedAhead;
        if (!named?.index || named.shardsTaken)
            return [];
        named.shardsTaken = true;
        return named.index.shards.map((sh) => sh.oid);
    }
    /**
     * promotionRecords from what the HEAD fetch brought (promoteNamedAhead): the listing and the
     * index checked against it, the named freight's tags read from the cache, other freight's tags
     * (the newer ones the rollback rule asks about) fetched by ID. Without that data (not asked for,
     * an old server, no index yet) it is promotionRecords itself. undefined as there: the index does
     * not match the tags, or `pick` cannot tell.
     */
    async namedPromotionRecords(project, pick) {
        const named = this.namedAhead;
        // The fetch that names the default branch may still be running (the stage states' read).
        if (named && !named.listing && this.defaultBranchName)
            await this.defaultBranchName.catch(() => undefined);
        if (named?.project !== project || named.used || !named.listing || !named.index)
            return this.promotionRecords(project, pick);
        named.used = true;
        const { listing, index } = named;
        if (!sameHead(index.head, listing.freightHead))
            return undefined;
        // The named freight's tags came with the HEAD fetch (the refspec matched every one of them)
        // and the shards with the project files (a promisor cache fetches any it lacks when read):
        // one process reads both.
        const mine = named.fetchedId ? listing.annotatedOf(new Set([named.fetchedId])) : [];
        const wanted = [...index.shards.map((sh) => sh.oid), ...new Set(mine.map((r) => r.oid))];
        const kept = named.objects;
        const cached = kept && wanted.every((oid) => kept.has(oid))
            ? kept
            : await this.inCache(() => this.readObjects(this.cache, wanted));
        const entries = index.shards.flatMap((sh) => shardEntries(index, sh.name, cached.get(sh.oid)?.body.toString('utf8')));
        const ids = pick(entries, aliasNoteIds(listing));
        if (!ids)
            return undefined;
        // Read: a later read of the project (another stage's promotion, after this one's write)
        // lists the tags afresh.
        if (this.ahead?.project === project)
            this.ahead.used.add(project);
        // Any other freight's tags (the newer ones the rollback rule asks about) and the notes the
        // cache lacks are fetched by ID there.
        return this.recordsOf(listing, ids, cached);
    }
}
/**
 * Where the cache keeps a branch's tip. The branch name is one encoded path segment, so a remote
 * that replaces `release` with `release/v1` cannot make a directory/file conflict in the cache.
 */
const tipRef = (branch) => `refs/gantry-tips/${encodeURIComponent(branch)}`;
/** The directory of project files and, under state/, of the stage state files (see stateFilePath). */
const PROJECT_DIR = '.gantry';
/** A stage state file as projectFiles lists it under the project directory (state/<p>/<s>.yaml). */
const STATE_FILE = /^state\/[^/]+\/[^/]+\.yaml$/;
/** Up to this many state files are fetched with the project files; more are read when asked. */
const PREFETCH_STATES = 500;
/** Where the cache keeps the remote HEAD's tip while naming the default branch. */
const HEAD_TIP = 'refs/gantry-head';
/**
 * How far back promotions are read on a branch: soak times and `get promotions` look at recent
 * history, and reading further would make every command slower as the repository ages.
 */
const MAX_HISTORY_DEPTH = 4096;
/** Reads retry transient failures a few times; writes have their own, longer policy. */
const READ_RETRY = (p) => ({ ...p, attempts: Math.min(p.attempts, 4) });
/** `diff-tree -r -z` raw output: `:<old mode> <new mode> <old oid> <new oid> <status>\0<path>\0`. */
function parseRawDiff(text) {
    const fields = text.split('\0');
    const out = [];
    for (let i = 0; i + 1 < fields.length; i += 2) {
        const [, mode = '', , oid = '', status = ''] = (fields[i] ?? '').slice(1).split(' ');
        out.push({ mode, oid, status: status.charAt(0), path: fields[i + 1] ?? '' });
    }
    return out;
}
function sameOrigin(a, b) {
    return a.kind === b.kind && a.name === b.name;
}
function isTransient(err) {
    return err instanceof git/* GitError */.XS && (err.kind === 'network' || err.kind === 'timeout');
}
/** The message of a raw tag object: everything after the header's blank line. */
function store_tagMessage(body) {
    const text = body.toString('utf8');
    const i = text.indexOf('\n\n');
    return i < 0 ? '' : text.slice(i + 2);
}
function checkRecord(r, ref, where) {
    if (r.project !== ref.project || r.stage !== ref.stage || r.freightId !== ref.freightId) {
        throw new errors/* OperationError */.OK(`unreadable tag ${where}: its document names ${r.project}/${r.stage}/${r.freightId}, not the tag's own`);
    }
    return r;
}
/** The freight the stage ran from the promoted freight's warehouse, and the version changes. */
function stageChange(w, previous) {
    const before = previous?.freight.find((f) => sameOrigin(f.origin, w.freight.origin));
    return { before, changes: (0,freight_changes/* versionChanges */.cv)(before, w.freight) };
}
/** The stage's state after the promotion `w`: its freight for other warehouses is kept. */
function nextStageState(w, previous, now) {
    return {
        project: w.project,
        stage: w.stage,
        freight: [
            ...(previous?.freight.filter((f) => !sameOrigin(f.origin, w.freight.origin)) ?? []),
            toStageFreight(w.freight),
        ].sort((a, b) => a.origin.name.localeCompare(b.origin.name)),
        promotedAt: now.toISOString(),
        promotedBy: w.promotedBy,
        approvedBy: w.approvedBy ?? [],
        run: w.run,
        autoPromotionHold: w.autoPromotionHold === undefined
            ? previous?.autoPromotionHold
            : (w.autoPromotionHold ?? undefined),
        ...nextStageMetadata(previous, w.stageMetadata?.()),
    };
}
/** Whether the state `next` records other stage metadata than `previous`. */
function metadataChanged(previous, next) {
    return JSON.stringify(previous?.metadata ?? {}) !== JSON.stringify(next.metadata ?? {});
}
function promotionMessage(w, changes, editLines, 
/** A Kargo template's git-commit message: it opens the commit, gantry's record follows. */
heading) {
    // Values come from workflow inputs and actors: a newline in one would start a paragraph of
    // forged trailers, so every value is kept to one line.
    const one = (v) => v.replace(/[\r\n]+/g, ' ').trim();
    const lines = heading?.trim()
        ? [
            ...heading
                .trim()
                .split(/\r?\n/)
                .map((l) => l.trimEnd()),
            '',
        ]
        : [`promote(${w.project}/${w.stage}): ${one(w.freight.alias)}`, ''];
    lines.push(`Freight ${one(w.freight.alias)} (${w.freight.id.slice(0, 7)}) from warehouse ${w.freight.origin.name}.`);
    if (changes.length) {
        lines.push('');
        for (const c of changes)
            lines.push(`- ${one((0,freight_changes/* formatChange */.eD)(c))}`);
    }
    if (editLines.length) {
        lines.push('');
        for (const l of editLines)
            lines.push(one(l));
    }
    lines.push('');
    lines.push(`${TRAILER.project}: ${w.project}`);
    lines.push(`${TRAILER.stage}: ${w.stage}`);
    lines.push(`${TRAILER.freight}: ${w.freight.id}`);
    lines.push(`${TRAILER.alias}: ${one(w.freight.alias)}`);
    lines.push(`${TRAILER.warehouse}: ${w.freight.origin.name}`);
    lines.push(`${TRAILER.promotedBy}: ${one(w.promotedBy)}`);
    if (w.run)
        lines.push(`${TRAILER.run}: ${one(w.run)}`);
    for (const a of w.approvedBy ?? [])
        lines.push(`${TRAILER.approvedBy}: ${one(a)}`);
    return lines.join('\n') + '\n';
}
/** Reads a `%H%x00%ct%x00%B` log record; undefined when it is not a gantry promotion. */
function parsePromotionCommit(record, branch) {
    const [sha = '', date = '', body = ''] = record.replace(/^\n+/, '').split('\0');
    if (!body.includes(`${TRAILER.stage}: `))
        return undefined;
    const trailers = new Map();
    // Trailers are the last paragraph; read them from there only, so a quoted line in the body does not count.
    const paragraphs = body.trimEnd().split(/\n\s*\n/);
    for (const line of (paragraphs[paragraphs.length - 1] ?? '').split('\n')) {
        const m = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
        if (m?.[1] && m[2] !== undefined)
            trailers.set(m[1], [...(trailers.get(m[1]) ?? []), m[2].trim()]);
    }
    const one = (k) => trailers.get(k)?.[0];
    const project = one(TRAILER.project);
    const stage = one(TRAILER.stage);
    const freightId = one(TRAILER.freight);
    if (!project || !stage || !freightId)
        return undefined;
    return {
        project,
        stage,
        branch,
        freightId,
        alias: one(TRAILER.alias) ?? freightId.slice(0, 7),
        ...(one(TRAILER.warehouse) ? { warehouse: one(TRAILER.warehouse) } : {}),
        commit: sha,
        // Committer time as epoch seconds (%ct), shown in UTC: sorting the committers' own offsets
        // as text would put a Tokyo laptop's older promotion after a UTC runner's newer one.
        promotedAt: /^\d+$/.test(date) ? new Date(Number(date) * 1000).toISOString() : date,
        promotedBy: one(TRAILER.promotedBy) ?? '',
        approvedBy: trailers.get(TRAILER.approvedBy) ?? [],
        run: one(TRAILER.run),
        subject: body.split('\n')[0] ?? '',
    };
}
/** The index an index commit and its tree describe; undefined when its message is not one. */
function indexStateOf(commit, message, tree) {
    const head = parseHeadMessage(store_tagMessage(message));
    if (!head)
        return undefined;
    const shards = treeEntries(tree)
        .filter((e) => e.mode !== '40000' && e.mode !== '160000' && /^\d+$/.test(e.name))
        .map((e) => ({ name: e.name, oid: e.oid }));
    shards.sort((a, b) => a.name.localeCompare(b.name));
    return { commit, head, shards };
}
/** The entries of shard `name` of `index`, whose text was read (undefined: it was not there). */
function shardEntries(index, name, text) {
    const commit = index.commit.slice(0, 7);
    if (text === undefined)
        throw new errors/* OperationError */.OK(`freight index ${commit}: shard ${name} is missing`);
    return parseShard(text, `${commit}:${name}`);
}
/** The freight IDs the listing's alias tags name (an alias can move to older freight). */
function aliasNoteIds(listing) {
    return listing.notes.filter((n) => n.note.kind === 'alias').map((n) => n.note.freightId);
}
/** The value of a settled promise, or its error thrown. */
function unwrap(s) {
    if ('error' in s)
        throw s.error;
    return s.value;
}
/** The freight index moved between reading it and pushing: read it again and retry. */
class IndexRaceError extends errors/* OperationError */.OK {
}
/** Refs deleted per push: a command line holds only so many. */
const PUSH_BATCH = 500;
/** Where the HEAD fetch keeps the named freight's tags (promoteNamedAhead), in the cache. */
const NAMED_PREFIX = 'refs/gantry-named/';
/** A tag name ending no gantry tag has (IDs and stamps end in hex): lists, fetches nothing. */
const NAMED_NONE = '/none';
const namedIndexRef = (project) => `${NAMED_PREFIX}${encodeURIComponent(project)}-freight-index`;
/** Where stageRecords keeps the tags it fetched by name, in the tag cache. */
const PEEK_PREFIX = 'refs/gantry-peek/';
/**
 * The tags recordNames gives for the stage state files `files` (`.gantry/state/<p>/<s>.yaml`,
 * of `project` or of every project when undefined); undefined when they name none. A file that
 * does not parse is left out: the read that needs it reports it.
 */
function recordsOfStates(project, files, texts) {
    const byProject = new Map();
    for (const file of files) {
        const [, , p, name] = file.split('/');
        const text = texts.get(file);
        if (!p || !name || text === undefined || (project !== undefined && p !== project))
            continue;
        try {
            const states = byProject.get(p) ?? new Map();
            states.set(name.replace(/\.yaml$/, ''), parseStageState(text, file));
            byProject.set(p, states);
        }
        catch {
            continue;
        }
    }
    const wanted = { names: new Set(), notePrefixes: new Set() };
    for (const [p, states] of byProject)
        recordNames(p, states, wanted);
    return wanted.names.size ? wanted : undefined;
}
/**
 * The tags a view of the stages reads: the freight each stage runs, with its verification and
 * approval in that stage (whole names), and the alias changes of any freight and the metadata
 * changes of those (name prefixes; an alias is unique in the project: every claim counts).
 */
function recordNames(project, states, into = { names: new Set(), notePrefixes: new Set() }) {
    const { names, notePrefixes } = into;
    notePrefixes.add(`${projectRefPrefix(project)}alias/`);
    for (const [stage, st] of states) {
        for (const f of st?.freight ?? []) {
            notePrefixes.add(`${projectRefPrefix(project)}metadata/${f.id}/`);
            names.add(stateRefName({ kind: 'freight', project, freightId: f.id }));
            names.add(stateRefName({ kind: 'verified', project, stage, freightId: f.id }));
            names.add(stateRefName({ kind: 'approved', project, stage, freightId: f.id }));
        }
    }
    return into;
}
/** Index entries for every annotated freight tag; one gantry could not read gets no time. */
function indexEntries(full, freightRefs) {
    const byId = new Map(full.snap.freight.map((f) => [f.id, f]));
    return freightRefs.map((r) => {
        const f = full.freightOids.get(r.ref.freightId) === r.oid ? byId.get(r.ref.freightId) : undefined;
        return {
            createdAt: f?.createdAt ?? '',
            freightId: r.ref.freightId,
            tagOid: r.oid,
            warehouse: f?.origin.name ?? '',
            alias: f?.alias ?? '',
        };
    });
}
/**
 * `ls-remote` output (`<oid>\t<name>` lines) as gantry's refs of `project`. Tens of thousands of
 * lines are read on every page of freight, which needs of them only the index head and a page of
 * refs: freight tags (nearly all of the lines) are checked and folded into the head in place, and
 * become objects only when a reader asks for them (`refs`, `annotated`, `annotatedOf`).
 */
function parseListing(text, project) {
    const prefix = projectRefPrefix(project);
    const freightPrefix = `${prefix}freight/`;
    const freightName = freightPrefix.length + 40;
    /** Other refs than freight (few of each per freight), made as they are read. */
    const others = [];
    const othersAnnotated = [];
    /** Where each freight tag's line starts, and of those the annotated ones. */
    const freight = [];
    const freightAnnotated = [];
    const notes = [];
    const lightweightNotes = [];
    let last;
    let lastNote;
    // The line of the last ref (of `last`, `lastNote` or a freight tag) and its name's length: its
    // peeled line is matched in place, without slicing half of the lines only to compare them.
    let lastLine = -1;
    let lastLength = -1;
    let lastIsFreight = false;
    // The freight head is folded as the lines go by, from the hex digits in place: tens of
    // thousands of IDs sliced and parsed again afterwards cost as much as the rest of the parse.
    const acc = new Uint32Array(5);
    const words = new Uint32Array(5);
    let count = 0;
    for (let pos = 0; pos < text.length;) {
        let end = text.indexOf('\n', pos);
        if (end < 0)
            end = text.length;
        const tab = pos + 40;
        const at = tab + 1;
        if (text.charCodeAt(tab) === 9 && text.startsWith(prefix, at)) {
            if (text.charCodeAt(end - 1) === 125 &&
                text.charCodeAt(end - 2) === 123 &&
                text.charCodeAt(end - 3) === 94) {
                // git prints an annotated tag's peeled line right after the tag's own line; a tag
                // without one is lightweight.
                const len = end - 3 - at;
                const peels = lastLength === len && sameText(text, lastLine + 41, at, len);
                if (peels && lastIsFreight) {
                    freightAnnotated.push(lastLine);
                    for (let w = 0; w < 5; w++)
                        acc[w] = acc[w] ^ words[w];
                    count++;
                }
                else if (peels && last)
                    othersAnnotated.push({ at: lastLine, ref: last });
                if (lastNote && peels)
                    notes.push(lastNote);
                else if (lastNote)
                    lightweightNotes.push(lastNote.name);
                last = undefined;
                lastNote = undefined;
                lastIsFreight = false;
                lastLength = -1;
            }
            else {
                if (lastNote)
                    lightweightNotes.push(lastNote.name);
                last = undefined;
                lastNote = undefined;
                lastLine = pos;
                lastLength = end - at;
                lastIsFreight =
                    lastLength === freightName &&
                        text.startsWith(freightPrefix, at) &&
                        isHex40(text, at + freightPrefix.length) &&
                        hexWords(text, pos, words);
                if (lastIsFreight)
                    freight.push(pos);
                else {
                    const name = text.slice(at, end);
                    const ref = parseStateRef(name);
                    // Someone's own tag under the prefix is not gantry's to read (nor to fetch).
                    if (ref?.project === project) {
                        last = { name, oid: text.slice(pos, tab), ref };
                        others.push({ at: pos, ref: last });
                    }
                    const note = ref ? undefined : parseNoteRef(name);
                    if (note?.project === project)
                        lastNote = { name, oid: text.slice(pos, tab), note };
                    if (!last && !lastNote)
                        lastLength = -1;
                }
            }
        }
        pos = end + 1;
    }
    if (lastNote)
        lightweightNotes.push(lastNote.name);
    const xor = [...acc].map((w) => w.toString(16).padStart(8, '0')).join('');
    // One object per freight tag, made once: `refs` and `annotated` share them.
    const made = new Map();
    const freightRef = (line) => {
        let ref = made.get(line);
        if (!ref) {
            const name = text.slice(line + 41, line + 41 + freightName);
            ref = {
                name,
                oid: text.slice(line, line + 40),
                ref: { kind: 'freight', project, freightId: name.slice(freightPrefix.length) },
            };
            made.set(line, ref);
        }
        return ref;
    };
    /** Freight lines and other refs, merged back into the listing's order. */
    const merged = (lines, rest) => {
        const out = [];
        let j = 0;
        for (const line of lines) {
            for (let r = rest[j]; r && r.at < line; r = rest[++j])
                out.push(r.ref);
            out.push(freightRef(line));
        }
        for (const r of rest.slice(j))
            out.push(r.ref);
        return out;
    };
    let refs;
    let annotated;
    const idAt = freightPrefix.length + 41;
    return {
        get refs() {
            return (refs ??= merged(freight, others));
        },
        get annotated() {
            return (annotated ??= merged(freightAnnotated, othersAnnotated));
        },
        annotatedOf: (ids) => merged(freightAnnotated.filter((line) => ids.has(text.slice(line + idAt, line + idAt + 40))), othersAnnotated.filter((r) => ids.has(r.ref.ref.freightId))),
        notes,
        lightweightNotes,
        freightHead: { count, xor },
    };
}
/** Whether `s` holds the same `len` characters at `a` and at `b` (compared from the end). */
function sameText(s, a, b, len) {
    for (let i = len - 1; i >= 0; i--)
        if (s.charCodeAt(a + i) !== s.charCodeAt(b + i))
            return false;
    return true;
}
/** Values of lowercase hex digits by character code; -1 for any other character. */
const HEX = (() => {
    const t = new Int8Array(128).fill(-1);
    for (let i = 0; i < 10; i++)
        t[48 + i] = i;
    for (let i = 0; i < 6; i++)
        t[97 + i] = 10 + i;
    return t;
})();
/** The value of a lowercase hex digit, or -1. */
function hexDigit(c) {
    return c < 128 ? HEX[c] : -1;
}
/** Whether `s` holds 40 lowercase hex digits at `at`. */
function isHex40(s, at) {
    for (let i = at; i < at + 40; i++)
        if (hexDigit(s.charCodeAt(i)) < 0)
            return false;
    return true;
}
/** The 40 hex digits at `at` as five 32-bit words, into `out`; false when they are not hex. */
function hexWords(s, at, out) {
    for (let w = 0; w < 5; w++) {
        let v = 0;
        for (let i = at + w * 8; i < at + w * 8 + 8; i++) {
            const d = hexDigit(s.charCodeAt(i));
            if (d < 0)
                return false;
            v = v * 16 + d;
        }
        out[w] = v;
    }
    return true;
}
/** A tree object's entries (`<mode> <name>`, NUL, a 20-byte ID each: the caches hold SHA-1). */
function treeEntries(body) {
    const out = [];
    for (let pos = 0; pos < body.length;) {
        const space = body.indexOf(32, pos);
        const nul = body.indexOf(0, space + 1);
        if (space < 0 || nul < 0 || nul + 21 > body.length)
            break;
        out.push({
            mode: body.subarray(pos, space).toString('latin1'),
            name: body.subarray(space + 1, nul).toString('utf8'),
            oid: body.subarray(nul + 1, nul + 21).toString('hex'),
        });
        pos = nul + 21;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/state/index.ts







/***/ }),

/***/ 2118:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ withDirLock)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4266);
/* harmony import */ var _owner_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9622);







/** How long a takeover may take before another waiter assumes its taker died too. */
const TAKEOVER_STALE_MS = 10_000;
/**
 * A lock between gantry processes sharing one cache repository on one machine (a developer
 * running two commands at once, tests starting twenty). The lock is a directory holding an owner
 * record (token, PID, process start time, boot, host), made under a temporary name and renamed
 * into place, so it never exists without its owner. A waiter that finds the owner gone (no such
 * PID, or a PID reused by a process started later) takes the lock at once; one whose owner it
 * cannot check waits until the lock has not been refreshed for `staleMs`.
 */
async function withDirLock(path, fn, opts = {}) {
    const waitMs = opts.waitMs ?? 600_000;
    const staleMs = opts.staleMs ?? 120_000;
    const lockDir = `${path}.lock`;
    const token = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(8).toString('hex');
    const me = (0,_owner_js__WEBPACK_IMPORTED_MODULE_6__/* .currentOwner */ .Hf)(token);
    const deadline = Date.now() + waitMs;
    // The PID is in the name because the directory exists before its owner record does: a process
    // killed in between leaves a directory that only its name can tell the age of its maker by.
    const fresh = `${lockDir}.new-${process.pid}.${token}`;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(fresh);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(fresh, 'owner'), (0,_owner_js__WEBPACK_IMPORTED_MODULE_6__/* .serializeOwner */ .Qn)(me));
    let recovered = false;
    try {
        for (let delay = 10;; delay = Math.min(delay * 2, 250)) {
            try {
                // rename(2) onto an existing lock fails (ENOTEMPTY or EEXIST): exactly one process wins.
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(fresh, lockDir);
                break;
            }
            catch (err) {
                const code = err.code;
                if (code !== 'ENOTEMPTY' && code !== 'EEXIST')
                    throw err;
            }
            const taken = await takeOverIfDead(lockDir, me, staleMs);
            if (taken) {
                recovered = true;
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(fresh, { recursive: true, force: true });
                break;
            }
            if (Date.now() > deadline) {
                const holder = await (0,_owner_js__WEBPACK_IMPORTED_MODULE_6__/* .readOwner */ .A7)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(lockDir, 'owner'));
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .OperationError */ .OK(`waited ${Math.round(waitMs / 1000)} s for another gantry process${holder ? ` (PID ${holder.pid} on ${holder.host})` : ''} to release ${lockDir}; if none is running, remove that directory`);
            }
            await (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_5__/* .sleep */ .yy)(delay + Math.random() * delay);
        }
    }
    catch (err) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(fresh, { recursive: true, force: true });
        throw err;
    }
    // Long holders refresh the lock so that waiters who cannot check their PID do not take it as stale.
    const keepAlive = setInterval(() => {
        const now = new Date();
        (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.utimes)(lockDir, now, now).catch(() => undefined);
    }, staleMs / 4);
    keepAlive.unref();
    try {
        await removeDeadSiblings(lockDir);
        if (recovered)
            await opts.recover?.();
        return await fn();
    }
    finally {
        clearInterval(keepAlive);
        const owner = await (0,_owner_js__WEBPACK_IMPORTED_MODULE_6__/* .readOwner */ .A7)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(lockDir, 'owner'));
        if (owner?.token === token) {
            // Moved aside before it is emptied: an empty directory in its place would be taken by a
            // waiter's rename, and then removed under it.
            const gone = `${lockDir}.old-${token}`;
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(lockDir, gone);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(gone, { recursive: true, force: true });
        }
    }
}
/**
 * Takes `lockDir` over when its holder is gone, by writing this process's owner record into it
 * (atomically, by rename). Two waiters that both see the holder dead must not both take it:
 * the takeover runs under a second, short-lived lock, and re-reads the owner there.
 */
async function takeOverIfDead(lockDir, me, staleMs) {
    const seen = await (0,_owner_js__WEBPACK_IMPORTED_MODULE_6__/* .readOwner */ .A7)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(lockDir, 'owner'));
    const age = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(lockDir).then((s) => Date.now() - s.mtimeMs, () => undefined);
    // Gone meanwhile: the next rename may win it.
    if (age === undefined)
        return false;
    let dead;
    if (!seen) {
        // A lock without a readable owner was left by an older gantry killed between mkdir and write.
        dead = age > 5_000;
    }
    else {
        const state = await (0,_owner_js__WEBPACK_IMPORTED_MODULE_6__/* .liveness */ .QX)(seen);
        // A holder known to run keeps its lock however slow it is; only one that cannot be asked
        // about is judged by the age of its lock.
        dead = state === 'dead' || (state === 'unknown' && age > staleMs);
    }
    if (!dead)
        return false;
    const mutex = `${lockDir}.takeover`;
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(mutex);
    }
    catch (err) {
        if (err.code !== 'EEXIST')
            throw err;
        const mutexAge = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(mutex).then((s) => Date.now() - s.mtimeMs, () => 0);
        if (mutexAge > TAKEOVER_STALE_MS)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(mutex, { recursive: true, force: true });
        return false;
    }
    try {
        const again = await (0,_owner_js__WEBPACK_IMPORTED_MODULE_6__/* .readOwner */ .A7)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(lockDir, 'owner'));
        if (again?.token !== seen?.token)
            return false;
        const mine = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(lockDir, `owner.${me.token}`);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(mine, (0,_owner_js__WEBPACK_IMPORTED_MODULE_6__/* .serializeOwner */ .Qn)(me));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(mine, (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(lockDir, 'owner'));
        return true;
    }
    catch (err) {
        // The lock was released (and removed) between the two reads: compete for it again.
        if (err.code === 'ENOENT')
            return false;
        throw err;
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(mutex, { recursive: true, force: true });
    }
}
/**
 * Lock directories a killed process was about to rename into place (`<lock>.new-<pid>.<token>`)
 * or had moved aside to remove (`<lock>.old-<token>`).
 */
async function removeDeadSiblings(lockDir) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(lockDir);
    const prefixes = [`${(0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(lockDir)}.new-`, `${(0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(lockDir)}.old-`];
    const names = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(dir).catch(() => []);
    for (const name of names.filter((n) => prefixes.some((p) => n.startsWith(p)))) {
        // A lock moved aside is garbage from the instant of its rename, whoever moved it: its holder
        // only removes it (and may have been killed halfway, after its owner record went).
        if (name.startsWith(prefixes[1])) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, name), { recursive: true, force: true });
            continue;
        }
        const owner = await (0,_owner_js__WEBPACK_IMPORTED_MODULE_6__/* .readOwner */ .A7)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, name, 'owner'));
        // Without an owner: killed between mkdir and write, or a live process in between right now.
        // The PID in a `.new-` name tells which at once; a PID that runs (maybe reused) leaves the age.
        const maker = owner ? undefined : ownerFromName(name.slice(`${(0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(lockDir)}.new-`.length));
        const gone = owner
            ? (await (0,_owner_js__WEBPACK_IMPORTED_MODULE_6__/* .liveness */ .QX)(owner)) === 'dead'
            : (maker !== undefined && (await (0,_owner_js__WEBPACK_IMPORTED_MODULE_6__/* .liveness */ .QX)(maker)) === 'dead') ||
                (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, name)).then((s) => Date.now() - s.mtimeMs > 5_000, () => false));
        if (gone)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, name), { recursive: true, force: true });
    }
}
/** The maker of a `.new-<pid>.<token>` directory, as far as its name says (no start time). */
function ownerFromName(rest) {
    const m = /^(\d+)\.([0-9a-f]+)$/.exec(rest);
    return m ? { token: m[2], pid: Number(m[1]), host: (0,node_os__WEBPACK_IMPORTED_MODULE_2__.hostname)() } : undefined;
}


/***/ }),

/***/ 9622:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A7: () => (/* binding */ readOwner),
/* harmony export */   Hf: () => (/* binding */ currentOwner),
/* harmony export */   QX: () => (/* binding */ liveness),
/* harmony export */   Qn: () => (/* binding */ serializeOwner)
/* harmony export */ });
/* unused harmony export parseOwner */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);



const BOOT_ID = readQuiet('/proc/sys/kernel/random/boot_id');
const OWN_START = startTimeSync(process.pid);
function currentOwner(token) {
    return {
        token,
        pid: process.pid,
        host: (0,node_os__WEBPACK_IMPORTED_MODULE_2__.hostname)(),
        ...(BOOT_ID ? { boot: BOOT_ID } : {}),
        ...(OWN_START ? { start: OWN_START } : {}),
    };
}
function serializeOwner(o) {
    return JSON.stringify(o) + '\n';
}
/** undefined for text that is not an owner record (empty: a holder killed while writing it). */
function parseOwner(text) {
    try {
        const o = JSON.parse(text);
        if (typeof o.token !== 'string' || typeof o.pid !== 'number' || typeof o.host !== 'string')
            return undefined;
        return {
            token: o.token,
            pid: o.pid,
            host: o.host,
            ...(typeof o.boot === 'string' ? { boot: o.boot } : {}),
            ...(typeof o.start === 'string' ? { start: o.start } : {}),
        };
    }
    catch {
        return undefined;
    }
}
async function readOwner(path) {
    const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path, 'utf8').catch(() => '');
    return parseOwner(text);
}
/**
 * Whether the process that wrote `o` still runs. 'unknown' when this machine cannot tell (the
 * owner ran on another host sharing the directory, or its PID exists but its start time cannot
 * be compared): callers then fall back to the age of what the owner left.
 */
async function liveness(o) {
    if (o.host !== (0,node_os__WEBPACK_IMPORTED_MODULE_2__.hostname)())
        return 'unknown';
    // A reboot since: every process of that boot is gone.
    if (o.boot && BOOT_ID && o.boot !== BOOT_ID)
        return 'dead';
    try {
        process.kill(o.pid, 0);
    }
    catch (err) {
        // EPERM: the process exists and belongs to another user.
        if (err.code === 'ESRCH')
            return 'dead';
    }
    // Without both start times (off Linux, or /proc hidden) the PID may belong to a later process:
    // the caller falls back to the age of what the owner left, which a live owner keeps fresh.
    const now = o.start ? await startTime(o.pid) : undefined;
    if (now === undefined)
        return 'unknown';
    // Another process took the PID since.
    return now === o.start ? 'alive' : 'dead';
}
/** Field 22 of /proc/<pid>/stat, read after the command name (which may hold spaces and parentheses). */
function parseStart(stat) {
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // rest[0] is field 3 (state); starttime is field 22.
    return rest[19];
}
async function startTime(pid) {
    const stat = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
    return stat === undefined ? undefined : parseStart(stat);
}
function startTimeSync(pid) {
    const stat = readQuiet(`/proc/${pid}/stat`);
    return stat === undefined ? undefined : parseStart(stat);
}
function readQuiet(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8').trim() || undefined;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 7183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gJ: () => (/* binding */ mdTable),
/* harmony export */   p7: () => (/* binding */ markdownText),
/* harmony export */   xR: () => (/* binding */ tableCell)
/* harmony export */ });
/**
 * Markdown for job summaries, pull request bodies and the dashboard: one table builder and the
 * escapers its cells need.
 */
/** Text on one Markdown line, or in one table cell: a `|` would end the cell, a newline the row. */
function tableCell(s) {
    return s.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}
/**
 * Plain text from outside (names, versions, messages) shown as Markdown: every character Markdown
 * or HTML would read as markup becomes an entity, so the text shows as written and a crafted name
 * cannot add a link, an image or a tag.
 */
function markdownText(text) {
    return text
        .replace(/[\r\n]+/g, ' ')
        .replace(/[&<>"'|\\`*_[\]~#!]/g, (c) => `&#${c.charCodeAt(0)};`);
}
const RULE = {
    none: '---',
    left: ':--',
    center: ':-:',
    right: '--:',
};
/**
 * A GitHub-flavoured Markdown table, as lines. Headers and cells are Markdown already (bold, code
 * spans); each is made safe for its cell here (`|` escaped, which GitHub undoes inside code spans
 * too, and newlines joined), so a caller escapes only what must not be read as markup
 * (markdownText). A row shorter than the headers is filled with empty cells.
 */
function mdTable(headers, rows, align = []) {
    const line = (cells) => `| ${headers.map((_, i) => tableCell(cells[i] ?? '')).join(' | ')} |`;
    return [
        line(headers),
        `| ${headers.map((_, i) => RULE[align[i] ?? 'none']).join(' | ')} |`,
        ...rows.map(line),
    ];
}


/***/ }),

/***/ 4266:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   L5: () => (/* binding */ retry),
/* harmony export */   bW: () => (/* binding */ DEFAULT_RACE_RETRY),
/* harmony export */   cI: () => (/* binding */ DEFAULT_PUSH_RETRY),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
const DEFAULT_PUSH_RETRY = {
    attempts: 12,
    baseDelayMs: 150,
    maxDelayMs: 4_000,
    maxElapsedMs: 5 * 60_000,
};
/**
 * A promotion whose push lost a race tries again on the new tip: a branch that many writers share
 * (fifty promotions and fifty discoveries at once) needs more tries than a flaky network does,
 * and the time budget, not the count, is what bounds it.
 */
const DEFAULT_RACE_RETRY = {
    attempts: 60,
    baseDelayMs: 250,
    // Writers that keep losing wait longer, so fewer of them try at once: each try that loses costs
    // the remote and the runner a fetch and a push, and on a busy branch those are what slows the
    // winners down.
    maxDelayMs: 30_000,
    maxElapsedMs: 10 * 60_000,
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/**
 * "Full jitter" exponential backoff: the delay before try n+1 is uniform in
 * [0, min(max, base·2ⁿ)]. Writers racing for one branch spread out instead of colliding again.
 */
function backoffDelay(attempt, policy, random = Math.random) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(random() * ceiling);
}
/** Runs `fn` until it succeeds, `retryable` says no, or the tries run out (then the last error is thrown). */
async function retry(fn, retryable, policy, hooks = {}) {
    const now = hooks.now ?? Date.now;
    const started = now();
    for (let attempt = 1;; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (err) {
            if (attempt >= policy.attempts || !retryable(err))
                throw err;
            let delay = backoffDelay(attempt, policy, hooks.random);
            const asked = hooks.serverWait?.(err, attempt);
            const left = policy.maxElapsedMs === undefined ? Infinity : policy.maxElapsedMs - (now() - started);
            if (left <= 0)
                throw err;
            if (asked !== undefined) {
                // Trying before the server allows is refused again: a wait too long to make ends here.
                if (asked > (policy.maxServerWaitMs ?? Infinity) || asked > left)
                    throw err;
                delay = Math.max(delay, asked);
            }
            delay = Math.min(delay, left);
            hooks.onRetry?.(attempt, delay, err);
            await (hooks.sleep ?? sleep)(delay);
        }
    }
}
/** An HTTP `Retry-After` value (seconds, or an HTTP date) as milliseconds from `now`. */
function parseRetryAfter(value, now = Date.now()) {
    if (value === null)
        return undefined;
    const text = value.trim();
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    const date = Date.parse(text);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}


/***/ }),

/***/ 3053:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ settled),
/* harmony export */   j: () => (/* binding */ settleAll)
/* harmony export */ });
/**
 * Promise.all that waits for every promise to settle before throwing the first rejection. Reads
 * that share a cache run git processes: one failing must not leave another still writing while
 * the caller cleans up (a temp directory removed under a running `git fetch`).
 */
async function settleAll(promises) {
    const results = await Promise.allSettled(promises);
    for (const r of results)
        if (r.status === 'rejected')
            throw r.reason;
    return results.map((r) => r.value);
}
/** A promise that never rejects, so that it can be started early and awaited later, or never. */
function settled(p) {
    return p.then((value) => ({ value }), (error) => ({ error }));
}


/***/ })

};
