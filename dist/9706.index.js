export const id = 9706;
export const ids = [9706];
export const modules = {

/***/ 9706:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  freightCommand: () => (/* binding */ freightCommand)
});

// EXTERNAL MODULE: ./src/util/suggest.ts
var suggest = __webpack_require__(7406);
// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(1604);
// EXTERNAL MODULE: ./src/discovery/assemble.ts
var assemble = __webpack_require__(7236);
// EXTERNAL MODULE: ./src/status/views.ts
var views = __webpack_require__(9468);
// EXTERNAL MODULE: ./src/app/repo.ts
var app_repo = __webpack_require__(5271);
// EXTERNAL MODULE: ./src/cli/discover.ts
var discover = __webpack_require__(2731);
// EXTERNAL MODULE: ./src/cli/shared.ts
var shared = __webpack_require__(1145);
// EXTERNAL MODULE: ./src/cli/shared-repo.ts
var shared_repo = __webpack_require__(1326);
;// CONCATENATED MODULE: ./src/cli/commands/freight-assemble.ts







const freightAssemble = {
    name: 'assemble',
    summary: 'record freight from chosen versions',
    flags: [
        {
            name: 'warehouse',
            type: 'string',
            value: 'W',
            required: true,
            help: 'the warehouse the freight comes from; every version must belong to one of its subscriptions',
        },
        {
            name: 'image',
            type: 'string',
            value: 'REPO:TAG',
            multiple: true,
            help: 'an image of an image subscription, by tag; its digest is read from the registry',
        },
        {
            name: 'chart',
            type: 'string',
            value: 'REPO/NAME:VERSION',
            multiple: true,
            help: 'a chart version of a chart subscription: https://charts.example.com/podinfo:6.5.0, or\noci://ghcr.io/acme/charts/podinfo:6.5.0; it must be listed by the repository',
        },
        {
            name: 'commit',
            type: 'string',
            value: 'REPO_URL@SHA|REF',
            multiple: true,
            help: 'a commit of a git subscription: a full commit ID, a branch or a tag (resolved on the\nremote)',
        },
        shared/* PROJECT_FLAG */.rj,
        {
            name: 'dry-run',
            type: 'boolean',
            help: 'resolve the versions and print the freight; record nothing',
        },
        shared/* OUTPUT_FLAG */.Pm,
        shared/* REPO_FLAG */.a8,
    ],
    description: `assemble: records freight from the versions named, one for each subscription of the
warehouse, the way discovery records the newest ones (same freight ID for the same versions, the
registry's digest for each image, the remote's commit for each ref). A version that belongs to no
subscription of the warehouse is refused and nothing is written. Assembling the same versions again
records nothing and prints the freight that exists. This is how a warehouse with
freightCreationPolicy: Manual gets freight, and how an earlier version goes back into a pipeline.`,
    examples: [
        'gantry freight assemble --warehouse echo --image ghcr.io/acme/echo:1.4.0',
        'gantry freight assemble --warehouse app --commit https://github.com/acme/cfg@main',
    ],
    async run(args, ctx) {
        const { io } = ctx;
        const output = (0,shared/* outputOf */.jH)(args, 'freight');
        const warehouse = args.string('warehouse');
        if (!warehouse)
            throw new cli_io/* UsageError */.e('freight assemble needs --warehouse', 'freight');
        const images = args.strings('image');
        const charts = args.strings('chart');
        const commits = args.strings('commit');
        if (!images.length && !charts.length && !commits.length) {
            throw new cli_io/* UsageError */.e('freight assemble needs the versions: --image, --chart or --commit, one for each subscription of the warehouse', 'freight');
        }
        const settings = (0,shared/* repoSettings */.s9)(args, ctx);
        const repo = await (0,app_repo/* openRepo */.B8)(settings);
        const project = await (0,shared_repo/* oneProject */.E)(repo, args.string('project'), 'freight');
        const { sources } = (0,discover/* cliSources */.rn)(io, settings.cacheDir, settings.trace);
        let result;
        try {
            result = await (0,assemble/* assembleFreight */.If)({
                project,
                warehouse,
                images,
                charts,
                commits,
                store: repo.store,
                sources: sources.assembly,
                clock: ctx.now,
                createdBy: (0,discover/* cliCreatedBy */.ES)(io.env),
                dryRun: args.boolean('dry-run'),
            });
        }
        finally {
            await sources.close();
        }
        if (output === 'json') {
            io.out(JSON.stringify({ created: result.created, dryRun: result.dryRun, freight: result.freight }, null, 2) + '\n');
        }
        else {
            const f = result.freight;
            const what = result.dryRun
                ? 'would record'
                : result.created
                    ? 'recorded'
                    : 'already recorded';
            io.out(`${what}: freight ${f.alias} (${f.id.slice(0, 7)}) from warehouse ${result.warehouse}: ${(0,views/* versionsOf */.x4)(f)}\n`);
        }
        return cli_io/* EXIT */.d.ok;
    },
};

;// CONCATENATED MODULE: ./src/freight/prune.ts
/**
 * Freight retention: which freight `gantry freight prune` may delete. Pure: the reads (the freight
 * index, the stage state files, promotion history, approvals) are done by the caller.
 */
function planPrune(freight, rules, facts) {
    const kept = {
        newest: 0,
        recent: 0,
        current: 0,
        'ran-recently': 0,
        approved: 0,
        unreadable: 0,
    };
    const cutoff = rules.cutoff.toISOString();
    const seen = new Map();
    const remove = [];
    const newestFirst = [...freight].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.freightId.localeCompare(a.freightId));
    for (const f of newestFirst) {
        const rank = (seen.get(f.warehouse) ?? 0) + 1;
        if (f.createdAt)
            seen.set(f.warehouse, rank);
        const reason = !f.createdAt
            ? 'unreadable'
            : facts.current.has(f.freightId)
                ? 'current'
                : rank <= rules.keep
                    ? 'newest'
                    : f.createdAt >= cutoff
                        ? 'recent'
                        : facts.ranRecently.has(f.freightId)
                            ? 'ran-recently'
                            : facts.approved.has(f.freightId)
                                ? 'approved'
                                : undefined;
        if (reason)
            kept[reason]++;
        else
            remove.push(f);
    }
    return { remove: remove.reverse(), kept };
}
/**
 * Freight that ran in a stage after `cutoff`: each promoted since, and the one each stage ran
 * (per warehouse) when the window opened. `promotions` are newest first.
 */
function ranSince(promotions, cutoff) {
    const since = cutoff.toISOString();
    const out = new Set();
    const atCutoff = new Set();
    for (const p of promotions) {
        if (p.promotedAt >= since) {
            out.add(p.freightId);
            continue;
        }
        const key = `${p.stage}\0${p.warehouse ?? ''}`;
        if (atCutoff.has(key))
            continue;
        atCutoff.add(key);
        out.add(p.freightId);
    }
    return out;
}
/** `30d`, `12h`, `1h30m`: milliseconds; days are 24 hours. Throws on anything else. */
function parseAge(text, parseDuration) {
    const days = /^(\d+)d$/.exec(text);
    if (days)
        return Number(days[1]) * 86_400_000;
    return parseDuration(text);
}

// EXTERNAL MODULE: ./src/pipeline/duration.ts
var duration = __webpack_require__(2512);
// EXTERNAL MODULE: ./src/state/index.ts + 9 modules
var state = __webpack_require__(5128);
// EXTERNAL MODULE: ./src/util/table.ts
var table = __webpack_require__(3060);
;// CONCATENATED MODULE: ./src/cli/commands/freight-prune.ts








const FLAGS = [
    {
        name: 'keep',
        type: 'string',
        value: 'N',
        required: true,
        help: 'the newest N freight of each warehouse stay, however old (at least 1)',
    },
    {
        name: 'older-than',
        type: 'string',
        value: 'D',
        required: true,
        help: 'only freight created longer ago than this may go: 30d, 720h, 1h30m',
    },
    { name: 'dry-run', type: 'boolean', help: 'print what would be deleted, delete nothing' },
    shared/* PROJECT_FLAG */.rj,
    shared/* OUTPUT_FLAG */.Pm,
    shared/* REPO_FLAG */.a8,
];
/**
 * `gantry freight prune`: deletes old freight no stage runs or ran lately, with their
 * verification and approval tags, and the index entries, in one atomic push.
 */
const freightPrune = {
    name: 'prune',
    summary: 'delete old unused freight',
    flags: FLAGS,
    description: `prune: a freight goes only when it is older than --older-than, not among the newest --keep of its
warehouse, not run by any stage now, not run by any stage since --older-than ago (promotion
history), and not approved for a stage. Its tag, its verification and approval tags and its
index entry are deleted in one atomic push; a freight recorded meanwhile makes it stop and
delete nothing. Check with --dry-run first.`,
    examples: ['gantry freight prune --keep 20 --older-than 30d --dry-run'],
    async run(args, ctx) {
        const output = (0,shared/* outputOf */.jH)(args, 'freight');
        const keepText = args.string('keep');
        const olderText = args.string('older-than');
        if (keepText === undefined || olderText === undefined)
            throw new cli_io/* UsageError */.e('freight prune needs --keep N and --older-than D', 'freight');
        const keep = Number(keepText);
        if (!Number.isInteger(keep) || keep < 1)
            throw new cli_io/* UsageError */.e(`--keep must be a whole number of at least 1, not "${keepText}"`, 'freight');
        let olderMs;
        try {
            olderMs = parseAge(olderText, duration/* parseDuration */.E9);
        }
        catch (err) {
            throw new cli_io/* UsageError */.e(`--older-than: ${err.message}, or days such as 30d`, 'freight');
        }
        const dryRun = args.boolean('dry-run');
        const now = ctx.now();
        const cutoff = new Date(now.getTime() - olderMs);
        const repo = await (0,app_repo/* openRepo */.B8)((0,shared/* repoSettings */.s9)(args, ctx));
        const project = await (0,shared_repo/* oneProject */.E)(repo, args.string('project'), 'freight');
        const store = repo.store;
        const [read, states, history] = await Promise.all([
            store.freightEntries(project.name),
            store.stageStates(project.name, project.stages),
            store
                .stageBranches(project.stages)
                .then((b) => store.promotions(project.name, b, state/* MAX_HISTORY_DEPTH */.gx)),
        ]);
        const current = new Set();
        for (const st of states.values())
            for (const f of st?.freight ?? [])
                current.add(f.id);
        const plan = planPrune(read.entries, { keep, cutoff }, {
            current,
            ranRecently: ranSince(history, cutoff),
            approved: new Set(read.snap.approvals.map((a) => a.freightId)),
        });
        const deleted = dryRun || !plan.remove.length
            ? []
            : await store.deleteFreight(project.name, plan.remove.map((f) => f.freightId), read.head);
        ctx.io.out(render(plan, { output, dryRun, deleted, now, project: project.name }));
        return cli_io/* EXIT */.d.ok;
    },
};
function render(plan, o) {
    if (o.output === 'json')
        return (JSON.stringify({
            project: o.project,
            dryRun: o.dryRun,
            remove: plan.remove.map((f) => ({
                id: f.freightId,
                alias: f.alias,
                warehouse: f.warehouse,
                createdAt: f.createdAt,
            })),
            kept: plan.kept,
            deletedTags: o.deleted,
        }, null, 2) + '\n');
    const keptTotal = Object.values(plan.kept).reduce((a, b) => a + b, 0);
    const why = Object.entries(plan.kept)
        .filter(([, n]) => n)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ');
    const head = plan.remove.length
        ? (0,table/* table */.t)(['ID', 'ALIAS', 'WAREHOUSE', 'AGE'], plan.remove.map((f) => [
            f.freightId.slice(0, 7),
            f.alias,
            f.warehouse,
            (0,table/* age */.K)(f.createdAt, o.now),
        ]))
        : '';
    const verb = o.dryRun ? 'would delete' : 'deleted';
    return (head +
        `${o.project}: ${verb} ${plan.remove.length} freight${o.dryRun ? '' : ` (${o.deleted.length} tags)`}; keeping ${keptTotal}${why ? ` (${why})` : ''}\n`);
}

;// CONCATENATED MODULE: ./src/cli/commands/freight.ts




/** The freight family's subcommands: adding one is a module and a line here. */
const SUBCOMMANDS = [freightAssemble, freightPrune];
/** Each flag once, from every subcommand: the command line is parsed before one is chosen. */
function allFlags() {
    const byName = new Map();
    for (const s of SUBCOMMANDS)
        for (const f of s.flags)
            if (!byName.has(f.name))
                byName.set(f.name, f);
    return [...byName.values()].map((f) => ({ ...f, required: false }));
}
const freightCommand = {
    name: 'freight',
    summary: SUBCOMMANDS.map((s) => `${s.name}: ${s.summary}`).join('; '),
    positional: SUBCOMMANDS.map((s) => s.name).join('|'),
    flags: allFlags(),
    description: SUBCOMMANDS.map((s) => s.description).join('\n\n'),
    examples: SUBCOMMANDS.flatMap((s) => s.examples),
    async run(args, ctx) {
        const [name, ...rest] = args.positionals;
        const sub = SUBCOMMANDS.find((s) => s.name === name);
        if (!sub || rest.length) {
            const names = SUBCOMMANDS.map((s) => s.name);
            const hint = name ? (0,suggest/* suggest */.ZA)(name, names) : undefined;
            throw new cli_io/* UsageError */.e(`freight needs one of ${names.join(', ')}${name ? `, not "${args.positionals.join(' ')}"` : ''}${hint ? ` (did you mean "${hint}"?)` : ''}`, 'freight');
        }
        // A flag of another subcommand is refused by name, as a flag of another command is.
        const own = new Set(sub.flags.map((f) => f.name));
        for (const f of freightCommand.flags) {
            const given = f.type === 'boolean' ? args.boolean(f.name) : args.string(f.name) !== f.default;
            if (given && !own.has(f.name))
                throw new cli_io/* UsageError */.e(`--${f.name} is not a flag of freight ${sub.name}`, 'freight');
        }
        return sub.run(args, ctx);
    },
};


/***/ }),

/***/ 1326:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ oneProject),
/* harmony export */   T: () => (/* binding */ githubForRemote)
/* harmony export */ });
/* harmony import */ var _app_repo_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5271);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1604);
/* harmony import */ var _shared_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1145);



// Helpers of the commands that reach the repository and GitHub, apart from shared.ts so that a
// command that does neither (version, help) does not load what they need.
/** The one project a command that acts on a single project works on. */
async function oneProject(ctx, project, command) {
    const projects = await (0,_app_repo_js__WEBPACK_IMPORTED_MODULE_0__/* .selectProjects */ .hX)(ctx, project);
    if (projects.length !== 1) {
        throw new _io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e(`${command} needs --project: this repository has ${projects.map((p) => p.name).join(', ')}`, command);
    }
    return projects[0];
}
/**
 * GitHub's API for the GitOps repository when a token is set and the remote is on GitHub. The
 * client (Octokit and its HTTP stack, ~1 MB of bundle) is loaded only then: a promotion without
 * GitHub does not pay for it.
 */
async function githubForRemote(env, url) {
    const target = env.GITHUB_TOKEN ? (0,_shared_js__WEBPACK_IMPORTED_MODULE_2__/* .githubTarget */ .nY)(env, url) : undefined;
    if (!target || !env.GITHUB_TOKEN)
        return undefined;
    const { GitHubClient } = await Promise.all(/* import() */[__webpack_require__.e(6752), __webpack_require__.e(157), __webpack_require__.e(6584), __webpack_require__.e(1871)]).then(__webpack_require__.bind(__webpack_require__, 6584));
    return new GitHubClient({ token: env.GITHUB_TOKEN, ...target });
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


/***/ })

};
