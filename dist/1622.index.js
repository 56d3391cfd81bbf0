export const id = 1622;
export const ids = [1622];
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

/***/ 5606:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ discoverText),
/* harmony export */   x: () => (/* binding */ discoverMarkdown)
/* harmony export */ });
/* harmony import */ var _util_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7183);
/* harmony import */ var _util_table_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3060);


const MAX_CANDIDATES = 5;
function candidates(list) {
    if (!list.length)
        return '-';
    const shown = list.slice(0, MAX_CANDIDATES).join(', ');
    return list.length > MAX_CANDIDATES ? `${shown}, … (${list.length})` : shown;
}
/** new and recorded now; recorded before; found but not recorded (dry run, Manual policy). */
function freightState(f) {
    if (!f.recorded)
        return 'not recorded';
    return f.new ? 'new' : 'recorded before';
}
const repo = (s) => s.name ? `${s.repoURL} (${s.name})` : s.repoURL;
/** `gantry discover` as a person reads it: per warehouse, what each subscription offered and chose. */
function discoverText(run) {
    const out = [];
    for (const r of run.results) {
        for (const w of r.warehouses) {
            out.push(`${r.project}/${w.name}${w.freightCreationPolicy === 'Manual' ? ' (Manual)' : ''}`);
            out.push((0,_util_table_js__WEBPACK_IMPORTED_MODULE_1__/* .table */ .t)(['KIND', 'REPOSITORY', 'STRATEGY', 'SELECTED', 'CANDIDATES'], w.subscriptions.map((s) => [
                s.kind,
                repo(s),
                s.strategy,
                s.selected ?? (s.error ? 'error' : '-'),
                candidates(s.candidates),
            ])).trimEnd());
            if (w.freight) {
                out.push(`freight ${w.freight.alias} (${w.freight.id.slice(0, 7)}) ${freightState(w.freight)}`);
            }
            // The note says why there is no freight, failed subscriptions included.
            if (w.note)
                out.push(w.note);
            out.push('');
        }
        const due = r.dryRun ? 'would be due' : 'due';
        for (const p of r.promotions) {
            out.push(`${due}: promote ${p.alias} (${p.freight.slice(0, 7)}) into ${r.project}/${p.stage}`);
        }
        for (const s of r.skipped)
            out.push(`skipped: ${r.project}/${s.stage}: ${s.reason}`);
    }
    for (const d of run.dispatched) {
        out.push(d.error
            ? `dispatch failed: ${d.workflow} for ${d.stage}: ${d.error}`
            : `dispatched: ${d.workflow} stage=${d.stage} freight=${d.alias}`);
    }
    return out.join('\n').replace(/\n+$/, '') + '\n';
}
/** The job summary: GitHub renders this Markdown on the run's page. */
function discoverMarkdown(run, opts) {
    const md = [`## gantry discover${opts.dryRun ? ' (dry run)' : ''}`, ''];
    for (const r of run.results) {
        for (const w of r.warehouses) {
            md.push(`### ${r.project} / ${w.name}`, '');
            md.push(...(0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdTable */ .gJ)(['subscription', 'strategy', 'selected', 'candidates'], w.subscriptions.map((s) => [
                `${s.kind} \`${repo(s)}\``,
                s.strategy,
                s.selected ? `\`${s.selected}\`` : s.error ? `:x: ${s.error}` : '—',
                candidates(s.candidates),
            ])), '');
            if (w.freight) {
                const f = w.freight;
                const label = f.new && f.recorded ? '**New freight**' : 'Freight';
                md.push(`${label} **${f.alias}** (\`${f.id.slice(0, 7)}\`): ${freightState(f)}.`);
            }
            if (w.note)
                md.push('', `_${(0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .tableCell */ .xR)(w.note)}_`);
            md.push('');
        }
        if (r.promotions.length || r.skipped.length) {
            const rows = [];
            for (const p of r.promotions) {
                const d = run.dispatched.find((x) => x.project === p.project && x.stage === p.stage && x.freight === p.freight);
                const status = d
                    ? d.error
                        ? `:x: ${d.error}`
                        : `started \`${d.workflow}\``
                    : opts.dryRun
                        ? 'would be due'
                        : 'due';
                rows.push([p.stage, `**${p.alias}** (\`${p.freight.slice(0, 7)}\`)`, status]);
            }
            for (const s of r.skipped)
                rows.push([s.stage, '—', `skipped: ${s.reason}`]);
            md.push('#### Auto-promotions', '', ...(0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdTable */ .gJ)(['stage', 'freight', ''], rows), '');
        }
    }
    return md.join('\n');
}


/***/ }),

/***/ 1831:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bu: () => (/* binding */ runFailures),
/* harmony export */   EA: () => (/* binding */ promotionsMatrix),
/* harmony export */   NO: () => (/* binding */ runDiscover)
/* harmony export */ });
/* harmony import */ var _github_dispatch_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8077);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);
/* harmony import */ var _discover_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4883);



/**
 * The discover use case, shared by the CLI and the action: discovery for each project, then one
 * workflow_dispatch per due promotion. A failed dispatch does not stop the others; it is reported
 * in `dispatched[].error` and the adapter fails the run after writing what happened. Freight
 * already recorded stays recorded.
 */
async function runDiscover(o) {
    const projects = o.warehouse
        ? o.projects.filter((p) => p.warehouses.some((w) => w.name === o.warehouse))
        : o.projects;
    if (o.warehouse && !projects.length) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`no project has a warehouse named ${o.warehouse}`);
    }
    const results = [];
    for (const project of projects) {
        results.push(await (0,_discover_js__WEBPACK_IMPORTED_MODULE_2__/* .discover */ .k)({
            project,
            warehouses: o.warehouse ? [o.warehouse] : undefined,
            store: o.store,
            sources: o.sources,
            dryRun: o.dryRun,
            clock: o.clock,
            createdBy: o.createdBy,
            log: o.log,
        }));
    }
    const dispatched = [];
    if (o.dispatch && !o.dryRun) {
        for (const p of results.flatMap((r) => r.promotions)) {
            const report = { ...p, workflow: o.dispatch.workflow };
            const error = await (0,_github_dispatch_js__WEBPACK_IMPORTED_MODULE_0__/* .dispatchPromotion */ .A)(o.dispatch, p);
            if (error === undefined) {
                o.log.info(`started ${o.dispatch.workflow} for ${p.stage} with ${p.alias}`);
            }
            else {
                report.error = error;
                o.log.warn(`could not start ${o.dispatch.workflow} for ${p.stage}: ${error}`);
            }
            dispatched.push(report);
        }
    }
    return { results, dispatched };
}
/**
 * The `promotions` output: a job matrix (`strategy.matrix: ${{ fromJSON(...) }}`). Empty in a dry
 * run: its freight was not recorded, and a job acting on it would find nothing.
 */
function promotionsMatrix(results, dryRun) {
    return { include: dryRun ? [] : results.flatMap((r) => r.promotions) };
}
/** What went wrong in a run, one line each: failed subscriptions and dispatches. */
function runFailures(run) {
    return [
        ...run.results.flatMap((r) => r.warehouses.flatMap((w) => w.subscriptions
            .filter((x) => x.error)
            .map((x) => `subscription failed: ${r.project}/${w.name}: ${x.repoURL}: ${x.error}`))),
        ...run.dispatched
            .filter((d) => d.error)
            .map((d) => `could not start ${d.workflow} for ${d.stage}: ${d.error}`),
    ];
}


/***/ }),

/***/ 6818:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  K: () => (/* binding */ DISCOVERY_DEFAULTS),
  L: () => (/* binding */ createSources)
});

// EXTERNAL MODULE: ./src/git/index.ts + 2 modules
var git = __webpack_require__(4484);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/semver/constraint.ts
var semver_constraint = __webpack_require__(5541);
// EXTERNAL MODULE: ./src/semver/parse.ts
var semver_parse = __webpack_require__(2507);
;// CONCATENATED MODULE: ./src/discovery/image-select.ts


/** The filter of a subscription without regexes: every tag passes (tag-filter.ts compiles the rest). */
const ALL_TAGS = { matches: () => true };
/** Kargo's `filterTags`: the tags the filter keeps, in their order. */
function filterTags(tags, filter) {
    return tags.filter((t) => filter.matches(t));
}
/** SemVer's MatchesTag. Throws `error parsing semver constraint …` for a bad constraint. */
function semverMatcher(opts) {
    const constraint = opts.constraint ? (0,semver_constraint/* parseConstraint */.F)(opts.constraint) : null;
    const parse = (tag) => {
        if (!opts.filter.matches(tag))
            return null;
        const v = (0,semver_parse/* parseVersion */.ot)(tag, opts.strictSemvers);
        if (!v)
            return null;
        return !constraint || constraint.matches(v.version) ? v : null;
    };
    return { parse, matches: (tag) => parse(tag) !== null };
}
/** SemVer order: newest version first, ties by descending original string; non-versions dropped. */
function sortSemverTags(tags, strictSemvers) {
    const parsed = [];
    for (const t of tags) {
        const v = parseVersion(t, strictSemvers);
        if (v)
            parsed.push(v);
    }
    return parsed.sort(compareVersionsDesc).map((v) => v.original);
}
/** Go's `strings.Compare` (byte order; tags are ASCII, so UTF-16 order is the same). */
function compareStrings(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Lexical order: descending byte order (`v9` before `v10`, as Kargo does it). */
function sortLexicalTags(tags) {
    return [...tags].sort((a, b) => compareStrings(b, a));
}
/** Digest's MatchesTag: exactly the mutable tag. */
function digestMatchesTag(mutableTag, tag) {
    return tag === mutableTag;
}
/** NewestBuild order: newest build first, ties (and unknown times) by descending tag. */
function sortNewestBuild(images) {
    const time = (i) => {
        const t = i.createdAt ? Date.parse(i.createdAt) : NaN;
        return Number.isNaN(t) ? -Infinity : t;
    };
    return [...images].sort((a, b) => {
        const ta = time(a);
        const tb = time(b);
        if (ta !== tb)
            return tb > ta ? 1 : -1;
        return compareStrings(b.tag, a.tag);
    });
}
/** Parse `os/arch[/variant]`. Throws `error parsing platform constraint "<s>"`. */
function parsePlatform(s) {
    const parts = s.split('/');
    if (parts.length < 2)
        throw new Error(`error parsing platform constraint ${JSON.stringify(s)}`);
    const [os = '', arch = '', ...rest] = parts;
    return { os, arch, variant: rest.join('/') };
}
function formatPlatform(p) {
    return p.variant ? `${p.os}/${p.arch}/${p.variant}` : `${p.os}/${p.arch}`;
}
/** OS, architecture and variant all equal (an empty variant does not match `v8`). */
function platformMatches(p, os, arch, variant) {
    return p.os === os && p.arch === arch && p.variant === (variant ?? '');
}
/**
 * Kargo's `getAnnotations`: a copy of the image's own annotations, overlaid with those of the
 * platform matching the constraint (if any). Without a constraint, platform annotations are not
 * used. Undefined when there is nothing.
 */
function mergeAnnotations(base, platforms, constraint) {
    const out = base ? { ...base } : undefined;
    if (!constraint)
        return out;
    const p = platforms.find((e) => platformMatches(constraint, e.os, e.arch, e.variant));
    if (!p)
        return out;
    return { ...(out ?? {}), ...(p.annotations ?? {}) };
}
/** Strategies that choose among tags by name alone, so only the kept tags need a registry call. */
function selectsByName(strategy) {
    return strategy === 'SemVer' || strategy === 'Lexical';
}

// EXTERNAL MODULE: ./src/discovery/oci/client.ts + 2 modules
var oci_client = __webpack_require__(847);
// EXTERNAL MODULE: ./src/discovery/oci/reference.ts
var oci_reference = __webpack_require__(2289);
;// CONCATENATED MODULE: ./src/discovery/images.ts
/**
 * Image discovery: Kargo's four selection strategies over a registry client, with the fewest
 * registry requests each strategy needs.
 *
 * - SemVer / Lexical choose by tag name. The tag list is fetched, filtered and sorted; then only
 *   the tags that will be returned (at most `discoveryLimit`) are resolved, with `HEAD` (which
 *   Docker Hub does not count as a pull). With a platform filter a tag may fail it, so tags are
 *   examined in order, in batches no larger than the number still missing: nothing is fetched
 *   beyond what fills the limit.
 * - Digest follows one mutable tag (`constraint`, e.g. `latest`): one `HEAD`, no tag list.
 * - NewestBuild needs every candidate's build time, which lives in manifests and config blobs. It
 *   keeps what it learned in `<cacheDir>/images/<repository>.json` (tag → digest, build time,
 *   platforms, annotations), so a run over an unchanged tag list sends no manifest request at all,
 *   and a new tag pointing at a digest seen before costs a single request.
 *
 * Deviations from Kargo, on purpose:
 * - SemVer/Lexical/Digest without a platform filter resolve digests with `HEAD`, so they carry no
 *   annotations (Kargo GETs the manifest and its config for each). The digest is what freight
 *   needs; HEAD keeps scheduled runs off Docker Hub's pull quota.
 * - A single-platform image (no index) is matched against a platform filter by its config's
 *   os/architecture/variant; Kargo only looks at indexes, so with a filter it never selects a
 *   single-platform image.
 */








/**
 * With a platform filter, how many tags beyond `discoveryLimit` may be examined and turn out to
 * lack the platform before discovery gives up (docs/discover.md states it).
 */
const PLATFORM_PROBE_EXTRA = 20;
/**
 * NewestBuild: the most tags whose build time one run reads. Without a cap a registry listing
 * hundreds of thousands of tags makes one run cost a request or two per tag. The cap is high
 * because a run that hits it chooses among the tags read so far, which may miss the newest build,
 * and on GitHub's runners each scheduled run starts with an empty cache unless it is kept: a real
 * repository's tags must all fit in one run.
 */
const NEWEST_BUILD_READS_PER_RUN = 10_000;
const CREATED_KEYS = ['org.opencontainers.image.created', 'org.label-schema.build-date'];
// RFC 3339 as Go's time.Parse(time.RFC3339) takes it.
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
function parseTime(value) {
    if (typeof value !== 'string' || !RFC3339.test(value))
        return undefined;
    const t = Date.parse(value);
    // Go's zero time (0001-01-01) means "unknown" in image configs.
    if (Number.isNaN(t) || t <= Date.parse('0001-01-02T00:00:00Z'))
        return undefined;
    return new Date(t).toISOString();
}
function createdFrom(sources) {
    for (const source of sources) {
        if (!source)
            continue;
        for (const key of CREATED_KEYS) {
            const t = parseTime(source[key]);
            if (t)
                return t;
        }
    }
    return undefined;
}
function newest(a, b) {
    if (!a)
        return b;
    if (!b)
        return a;
    return Date.parse(b) > Date.parse(a) ? b : a;
}
/** Run `fn` over `items` with at most `limit` at once; results in input order; first error wins. */
async function mapLimit(items, limit, fn) {
    const out = new Array(items.length);
    let next = 0;
    let failed = false;
    const worker = async () => {
        while (!failed && next < items.length) {
            const i = next++;
            try {
                out[i] = await fn(items[i]);
            }
            catch (err) {
                failed = true;
                throw err;
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
    return out;
}
/** Reads manifests, indexes and config blobs, remembering child results by digest for the run. */
class Inspector {
    client;
    repo;
    byDigest = new Map();
    /** Images described by earlier runs, by digest (a new tag for a known digest costs one GET). */
    known = new Map();
    constructor(client, repo) {
        this.client = client;
        this.repo = repo;
    }
    config(digest) {
        let p = this.byDigest.get(digest);
        if (!p) {
            p = this.client.getBlob(this.repo, digest).then((bytes) => {
                let cfg;
                try {
                    cfg = JSON.parse(bytes.toString('utf8'));
                }
                catch {
                    // Not an image config (an artifact's): no build time, no platform.
                    return {};
                }
                const facts = {};
                const labels = cfg.config?.Labels;
                const created = createdFrom([labels ?? undefined]) ?? parseTime(cfg.created);
                if (created)
                    facts.createdAt = created;
                if (typeof cfg.os === 'string' && typeof cfg.architecture === 'string') {
                    facts.platform = {
                        os: cfg.os,
                        arch: cfg.architecture,
                        ...(typeof cfg.variant === 'string' && cfg.variant !== '' && { variant: cfg.variant }),
                    };
                }
                return facts;
            });
            this.byDigest.set(digest, p);
        }
        return p;
    }
    /** Build time of a platform manifest (by digest, once per run). */
    child(digest) {
        const key = `manifest:${digest}`;
        let p = this.byDigest.get(key);
        if (!p) {
            p = this.client.getManifest(this.repo, digest).then(async (m) => {
                if (m.kind !== 'manifest')
                    return {};
                const fromAnnotations = createdFrom([m.manifest.annotations]);
                if (fromAnnotations)
                    return { createdAt: fromAnnotations };
                return this.config(m.manifest.config.digest);
            });
            this.byDigest.set(key, p);
        }
        return p;
    }
    /**
     * Describe a tag. The digest recorded for a multi-platform image is the index digest, even with
     * a platform filter: that is what Kargo records (pkg/image/repository_client.go,
     * getImageFromV1ImageIndex returns the index digest and uses the platforms only to decide
     * whether the image matches), and it keeps `repo@digest` pullable on every platform, so the
     * freight names the same artifact the tag did.
     *
     * `created`: compute the build time (for an index, the newest of its platform images, as
     * Kargo does: an index cannot be older than what it references). `platform`: learn the
     * platform of a single-platform image from its config.
     */
    async inspect(reference, want) {
        const m = await this.client.getManifest(this.repo, reference);
        const known = this.known.get(m.digest);
        if (known && (!want.created || known.createdAt) && (!want.platform || known.platforms))
            return known;
        if (m.kind === 'index') {
            const entries = m.index.manifests.filter((d) => d.platform &&
                d.platform.os !== '' &&
                d.platform.os !== 'unknown' &&
                d.platform.architecture !== '' &&
                d.platform.architecture !== 'unknown');
            if (entries.length === 0) {
                throw new Error(`${(0,oci_reference/* repositoryName */.aR)(this.repo)}:${reference} is an index without platform images (an artifact index?); image subscriptions need images`);
            }
            const info = {
                digest: m.digest,
                platforms: entries.map((d) => ({
                    os: d.platform?.os ?? '',
                    arch: d.platform?.architecture ?? '',
                    ...(d.platform?.variant && { variant: d.platform.variant }),
                    ...(d.annotations && { annotations: d.annotations }),
                })),
            };
            if (m.index.annotations)
                info.annotations = m.index.annotations;
            if (want.created) {
                const times = await Promise.all(entries.map((d) => this.child(d.digest)));
                const createdAt = times.reduce((acc, f) => newest(acc, f.createdAt), undefined);
                if (createdAt)
                    info.createdAt = createdAt;
            }
            return info;
        }
        const info = { digest: m.digest };
        if (m.manifest.annotations)
            info.annotations = m.manifest.annotations;
        const fromAnnotations = createdFrom([m.manifest.annotations]);
        if (want.platform || (want.created && !fromAnnotations)) {
            const facts = await this.config(m.manifest.config.digest);
            if (facts.platform)
                info.platforms = [facts.platform];
            const createdAt = fromAnnotations ?? facts.createdAt;
            if (want.created && createdAt)
                info.createdAt = createdAt;
        }
        else if (fromAnnotations) {
            info.createdAt = fromAnnotations;
        }
        return info;
    }
}
// The plain tags parseVersion accepts, strictly (SemVer 2.0 numbers after at most one `v`) and
// not (partial versions, leading zeros). Anything else goes through parseVersion itself.
const PLAIN_STRICT = /^v?(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;
const PLAIN_LOOSE = /^v?([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?$/;
const hasPre = (t) => (t.parsed?.version.prerelease.length ?? 0) > 0;
/** compareVersionsDesc over RankedTag: newest first, equal versions by descending original. */
function newerFirst(a, b) {
    if (a.parsed && b.parsed)
        return (0,semver_parse/* compareVersionsDesc */.c7)(a.parsed, b.parsed);
    const main = Math.sign(b.major - a.major) || Math.sign(b.minor - a.minor) || Math.sign(b.patch - a.patch);
    if (main !== 0)
        return main;
    // Same numbers, one of them plain: a release is newer than its pre-releases.
    const aPre = hasPre(a);
    if (aPre !== hasPre(b))
        return aPre ? 1 : -1;
    return a.original < b.original ? 1 : a.original > b.original ? -1 : 0;
}
/**
 * The SemVer strategy's order, newest first, cut to the first `keep`, and how many tags match in
 * all. Each tag is parsed once and the order is kept by insertion into at most `keep` entries, so
 * 10,000 tags cost no sort of 10,000 versions and no SemVer object per plain tag.
 */
function newestVersions(tags, keep, o) {
    const plain = o.strict ? PLAIN_STRICT : PLAIN_LOOSE;
    const best = [];
    let matching = 0;
    for (const tag of tags) {
        let ranked;
        const m = o.plainFastPath ? plain.exec(tag) : null;
        if (m) {
            if (!o.filter.matches(tag))
                continue;
            const major = Number(m[1]);
            const minor = m[2] === undefined ? 0 : Number(m[2]);
            const patch = m[3] === undefined ? 0 : Number(m[3]);
            // parseVersion refuses numbers beyond 2^53; so does this.
            if (!Number.isSafeInteger(major) || !Number.isSafeInteger(minor))
                continue;
            if (!Number.isSafeInteger(patch))
                continue;
            ranked = { major, minor, patch, original: tag };
        }
        else {
            const parsed = o.matcher.parse(tag);
            if (!parsed)
                continue;
            const v = parsed.version;
            ranked = { major: v.major, minor: v.minor, patch: v.patch, parsed, original: tag };
        }
        matching++;
        if (keep >= tags.length) {
            best.push(ranked);
            continue;
        }
        if (best.length >= keep && newerFirst(ranked, best[best.length - 1]) >= 0)
            continue;
        // Binary search for the first entry older than this one.
        let lo = 0;
        let hi = best.length;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (newerFirst(best[mid], ranked) <= 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        best.splice(lo, 0, ranked);
        if (best.length > keep)
            best.pop();
    }
    // Without a limit every matching tag is kept: one sort instead of an insertion each.
    if (keep >= tags.length)
        best.sort(newerFirst);
    return { ordered: best.map((t) => t.original), matching };
}
function matchesPlatform(info, pc) {
    if (!pc)
        return true;
    return (info.platforms ?? []).some((p) => platformMatches(pc, p.os, p.arch, p.variant));
}
function toDiscovered(tag, info, pc) {
    const out = { tag, digest: info.digest };
    if (info.createdAt)
        out.createdAt = info.createdAt;
    const annotations = mergeAnnotations(info.annotations, info.platforms ?? [], pc);
    if (annotations && Object.keys(annotations).length > 0)
        out.annotations = annotations;
    return out;
}
function configError(sub, err) {
    return new errors/* ConfigError */.xL(`image subscription ${sub.repoURL}: ${err.message}`);
}
/**
 * Discover images for one subscription, newest first, at most `discoveryLimit` (0: no limit).
 * Throws ConfigError for a bad subscription (reference, regexes, constraint, platform) and
 * RegistryError/RegistryAuthError for registry failures.
 */
async function discoverImages(sub, client, settings) {
    const repo = (0,oci_reference/* parseImageRepository */.fb)(sub.repoURL, {
        insecureSkipTLSVerify: sub.insecureSkipTLSVerify,
    });
    let pc;
    let filter = ALL_TAGS;
    // The RE2 engine is loaded only for a subscription that has regexes.
    const regexes = sub.allowTagsRegexes.length > 0 || sub.ignoreTagsRegexes.length > 0;
    const filters = regexes ? await Promise.all(/* import() */[__webpack_require__.e(2856), __webpack_require__.e(6057)]).then(__webpack_require__.bind(__webpack_require__, 6057)) : undefined;
    try {
        pc = sub.platform ? parsePlatform(sub.platform) : undefined;
        if (filters)
            filter = filters.compileTagFilter(sub.allowTagsRegexes, sub.ignoreTagsRegexes);
    }
    catch (err) {
        throw configError(sub, err);
    }
    const inspector = new Inspector(client, repo);
    const parallel = Math.max(1, settings.concurrencyPerRegistry) * 2;
    const limitOf = (n) => sub.discoveryLimit > 0 ? Math.min(sub.discoveryLimit, n) : n;
    if (sub.imageSelectionStrategy === 'Digest') {
        const tag = sub.constraint;
        if (!tag)
            throw configError(sub, new Error('the Digest strategy needs `constraint`: the tag to follow'));
        try {
            if (!pc)
                return [{ tag, digest: (await client.resolveDigest(repo, tag)).digest }];
            const info = await inspector.inspect(tag, { created: false, platform: true });
            return matchesPlatform(info, pc) ? [toDiscovered(tag, info, pc)] : [];
        }
        catch (err) {
            if (err instanceof oci_client/* NotFoundError */.m_) {
                settings.log.warn(`${(0,oci_reference/* repositoryName */.aR)(repo)}: tag ${tag} not found`);
                return [];
            }
            throw err;
        }
    }
    const tags = await listTags(client, repo, settings);
    if (sub.imageSelectionStrategy === 'SemVer' || sub.imageSelectionStrategy === 'Lexical') {
        let ordered;
        let matching;
        if (sub.imageSelectionStrategy === 'SemVer') {
            let matcher;
            try {
                matcher = semverMatcher({
                    filter,
                    constraint: sub.constraint,
                    strictSemvers: sub.strictSemvers,
                });
            }
            catch (err) {
                throw configError(sub, err);
            }
            // Only the tags that can be examined are kept in order (see `budget` below).
            const keep = sub.discoveryLimit > 0
                ? sub.discoveryLimit + (pc ? PLATFORM_PROBE_EXTRA : 0)
                : Number.POSITIVE_INFINITY;
            ({ ordered, matching } = newestVersions(tags, keep, {
                filter,
                matcher,
                strict: sub.strictSemvers,
                plainFastPath: !sub.constraint,
            }));
        }
        else {
            ordered = sortLexicalTags(filterTags(tags, filter));
            matching = ordered.length;
        }
        const limit = limitOf(matching);
        // Tags are examined newest first, one manifest request each (plus a config blob for a
        // single-platform image under a platform filter), and never more than `budget` of them: a
        // registry that lists tags without manifests, or thousands of images for other platforms,
        // must not turn one scheduled run into a request per tag.
        const budget = Math.min(matching, limit + (pc ? PLATFORM_PROBE_EXTRA : 0));
        const wanted = settings.resolveAllCandidates ? limit : Math.min(1, limit);
        const out = [];
        let next = 0;
        const examine = async (tag) => {
            try {
                if (!pc)
                    return { tag, digest: (await client.resolveDigest(repo, tag)).digest };
                const info = await inspector.inspect(tag, { created: false, platform: true });
                return matchesPlatform(info, pc) ? toDiscovered(tag, info, pc) : null;
            }
            catch (err) {
                // Deleted between listing and resolving (or listed without a manifest): skip it.
                if (err instanceof oci_client/* NotFoundError */.m_)
                    return null;
                throw err;
            }
        };
        // Only as many tags as are still missing are looked at in each round, so no request is
        // spent on a tag that cannot be returned. Without resolveAllCandidates the freight takes the
        // newest usable image only, so that is one request per subscription instead of
        // discoveryLimit, which shared registries (and Docker Hub's pull limits) notice.
        while (out.length < wanted && next < budget) {
            const batch = ordered.slice(next, next + Math.min(wanted - out.length, budget - next));
            next += batch.length;
            const found = await mapLimit(batch, parallel, examine);
            for (const image of found)
                if (image)
                    out.push(image);
        }
        if (out.length === 0 && next > 0) {
            settings.log.warn(`${(0,oci_reference/* repositoryName */.aR)(repo)}: none of the newest ${next} of ${matching} matching tags ${pc ? `has an image for platform ${sub.platform ?? ''}` : 'resolves to an image'}; discovery examines at most discoveryLimit (${limit})${pc ? ` + ${PLATFORM_PROBE_EXTRA}` : ''} tags per run: raise discoveryLimit or narrow allowTagsRegexes`);
            return out;
        }
        if (!settings.resolveAllCandidates) {
            // The other candidates are listed by name only, unresolved.
            for (const tag of ordered.slice(next, next + Math.max(0, limit - out.length)))
                out.push({ tag });
        }
        return out;
    }
    return newestBuild(sub, client, repo, inspector, filterTags(tags, filter), tags, pc, settings, parallel);
}
async function listTags(client, repo, settings) {
    let lastPages = 0;
    const started = Date.now();
    const tags = await client.listTags(repo, (count, pages) => {
        lastPages = pages;
        if (pages % 20 === 0)
            settings.log.info(`${(0,oci_reference/* repositoryName */.aR)(repo)}: ${count} tags so far (${pages} pages)`);
    });
    if (lastPages > 1) {
        settings.log.info(`${(0,oci_reference/* repositoryName */.aR)(repo)}: ${tags.length} tags in ${lastPages} pages (${Date.now() - started} ms)`);
    }
    return tags;
}
function cachePath(cacheDir, repo) {
    const name = (0,oci_reference/* repositoryName */.aR)(repo);
    const hash = (0,external_node_crypto_.createHash)('sha256').update(name).digest('hex').slice(0, 16);
    return (0,external_node_path_.join)(cacheDir, 'images', `${name.replace(/[^A-Za-z0-9._-]+/g, '_')}-${hash}.json`);
}
function readCache(path, repo, settings) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch {
        return null;
    }
    try {
        const doc = JSON.parse(text);
        if (doc.version === 1 &&
            doc.repository === (0,oci_reference/* repositoryName */.aR)(repo) &&
            typeof doc.tags === 'object')
            return doc;
    }
    catch {
        // Fall through: a broken cache is rebuilt.
    }
    settings.log.warn(`ignoring unreadable image cache ${path}`);
    return null;
}
function writeCache(path, doc) {
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(path, '..'), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    (0,external_node_fs_.writeFileSync)(tmp, JSON.stringify(doc));
    (0,external_node_fs_.renameSync)(tmp, path);
}
/**
 * NewestBuild with a per-repository cache. A tag's entry is reused as long as the tag exists, so
 * a run over an unchanged tag list makes no manifest request: only the tag pages.
 *
 * Re-pushed tags: the tag list carries no digests and the distribution API has no "changed
 * since" query, so noticing that an existing tag now points elsewhere costs a request per tag.
 * Doing that for every tag would defeat the cache; the cheaper check made here is a `HEAD` of the
 * tags the previous run selected (at most `discoveryLimit`), and only on runs where the tag list
 * changed (a push happened). A re-pushed tag outside that set is picked up when the cache file
 * is deleted (`<cacheDir>/images/`), or when it is removed and pushed again under a new name.
 */
async function newestBuild(sub, client, repo, inspector, candidates, allTags, pc, settings, parallel) {
    const path = cachePath(settings.cacheDir, repo);
    const cache = readCache(path, repo, settings);
    const tagListHash = (0,external_node_crypto_.createHash)('sha256')
        .update([...allTags].sort().join('\n'))
        .digest('hex');
    const entries = new Map();
    const present = new Set(allTags);
    let changed = !cache || cache.tagListHash !== tagListHash;
    if (cache)
        for (const [tag, info] of Object.entries(cache.tags))
            if (present.has(tag))
                entries.set(tag, info);
    if (cache && cache.tagListHash !== tagListHash) {
        const recheck = cache.selected.filter((t) => entries.has(t));
        const digests = await mapLimit(recheck, parallel, async (tag) => {
            try {
                return (await client.resolveDigest(repo, tag)).digest;
            }
            catch (err) {
                if (err instanceof oci_client/* NotFoundError */.m_)
                    return '';
                throw err;
            }
        });
        recheck.forEach((tag, i) => {
            if (digests[i] !== entries.get(tag)?.digest) {
                settings.log.info(`${(0,oci_reference/* repositoryName */.aR)(repo)}: tag ${tag} was re-pushed; reading it again`);
                entries.delete(tag);
            }
        });
    }
    for (const info of entries.values())
        inspector.known.set(info.digest, info);
    const absent = new Set((cache?.missing ?? []).filter((t) => present.has(t)));
    const unread = candidates.filter((t) => !entries.has(t) && !absent.has(t));
    // Tag names mostly grow with time (versions, dates, build numbers), so when the cap bites the
    // highest names are read first: the likeliest newest builds.
    const cap = settings.newestBuildReadsPerRun ?? NEWEST_BUILD_READS_PER_RUN;
    const missing = unread.length > cap ? sortLexicalTags(unread).slice(0, cap) : unread;
    if (missing.length < unread.length) {
        settings.log.warn(`${(0,oci_reference/* repositoryName */.aR)(repo)}: NewestBuild reads at most ${cap} tags a run; ${unread.length - missing.length} of ${candidates.length} tags are left for later runs (keep the cache directory between runs), so this run chooses among the tags read so far`);
    }
    if (missing.length > 0) {
        changed = true;
        if (missing.length > 50)
            settings.log.info(`${(0,oci_reference/* repositoryName */.aR)(repo)}: reading build times of ${missing.length} tags`);
        const infos = await mapLimit(missing, parallel, async (tag) => {
            try {
                return await inspector.inspect(tag, { created: true, platform: true });
            }
            catch (err) {
                if (err instanceof oci_client/* NotFoundError */.m_)
                    return null;
                throw err;
            }
        });
        missing.forEach((tag, i) => {
            const info = infos[i];
            if (info)
                entries.set(tag, info);
            else
                absent.add(tag);
        });
    }
    const images = candidates
        .map((tag) => ({ tag, info: entries.get(tag) }))
        .filter((e) => e.info !== undefined && matchesPlatform(e.info, pc))
        .map((e) => ({ tag: e.tag, createdAt: e.info.createdAt, info: e.info }));
    const sorted = sortNewestBuild(images);
    const selected = sorted.slice(0, sub.discoveryLimit > 0 ? sub.discoveryLimit : sorted.length);
    const selectedTags = selected.map((s) => s.tag);
    if (changed || !cache || cache.selected.join('\n') !== selectedTags.join('\n')) {
        try {
            writeCache(path, {
                version: 1,
                repository: (0,oci_reference/* repositoryName */.aR)(repo),
                tagListHash,
                selected: selectedTags,
                tags: Object.fromEntries(entries),
                ...(absent.size > 0 && { missing: [...absent] }),
            });
        }
        catch (err) {
            settings.log.warn(`cannot write image cache ${path}: ${err.message}`);
        }
    }
    return selected.map((s) => toDiscovered(s.tag, s.info, pc));
}

// EXTERNAL MODULE: ./src/util/http-body.ts
var http_body = __webpack_require__(1871);
;// CONCATENATED MODULE: ./src/discovery/sources.ts





/**
 * Defaults for the CLI and the action. 16 requests in flight per registry host: bench/discover
 * shows 50 subscriptions across 5 registries (40 ms round trips) finishing in 1.9× the slowest
 * single one at 16, 2.5× at 8; a registry answers 16 small HEADs and tag pages without strain.
 */
const DISCOVERY_DEFAULTS = { requestTimeoutMs: 30_000, concurrencyPerRegistry: 16 };
/** The real sources: one registry client shared by image and OCI chart subscriptions. */
function createSources(s) {
    const registry = (0,oci_client/* registryClientFor */.CA)(s);
    // Chart and git discovery (and the RE2 engine git's tag regexes need) load when a subscription
    // of theirs runs: most projects subscribe to images only, and each process pays for what it loads.
    const charts = async (sub) => (await __webpack_require__.e(/* import() */ 5233).then(__webpack_require__.bind(__webpack_require__, 5233))).discoverCharts(sub, {
        ...(s.trace ? { fetch: (0,http_body/* tracedFetch */.Wb)(fetch, s.trace) } : {}),
        timeoutMs: s.requestTimeoutMs,
        credentials: s.chartCredentials?.(sub.repoURL),
        log: s.log,
        listOciTags: (repository) => registry.listTags((0,oci_reference/* parseImageRepository */.fb)(repository)),
    });
    const gitDeps = (repoURL) => ({
        git: new git/* Git */.TU({
            baseEnv: s.gitEnv,
            remote: (0,git/* parseRemote */.M8)(repoURL, s.gitCredentials?.(repoURL)),
            trace: s.trace,
        }),
        cacheDir: s.cacheDir,
        log: s.log,
    });
    return {
        images: (sub) => discoverImages(sub, registry, s),
        charts,
        commits: async (sub) => (await Promise.all(/* import() */[__webpack_require__.e(2856), __webpack_require__.e(1450)]).then(__webpack_require__.bind(__webpack_require__, 1450))).discoverCommits(sub, gitDeps(sub.repoURL)),
        assembly: {
            // The Digest strategy resolves exactly one tag, with the subscription's platform.
            image: async (sub, tag) => (await discoverImages({ ...sub, imageSelectionStrategy: 'Digest', constraint: tag }, registry, s))[0],
            chartVersions: (sub) => {
                const { semverConstraint: _all, ...every } = sub;
                return charts({ ...every, discoveryLimit: 0 });
            },
            commit: async (sub, ref) => (await Promise.all(/* import() */[__webpack_require__.e(2856), __webpack_require__.e(1450)]).then(__webpack_require__.bind(__webpack_require__, 1450))).resolveCommit(sub, ref, gitDeps(sub.repoURL)),
        },
        requestCounts: () => registry.requestCounts(),
        close: async () => registry.close(),
    };
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
