export const id = 3151;
export const ids = [3151];
export const modules = {

/***/ 27:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  promoteCommand: () => (/* binding */ promoteCommand)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/discovery/credentials.ts
var credentials = __webpack_require__(9180);
// EXTERNAL MODULE: ./src/promotion/expr-data.ts
var expr_data = __webpack_require__(675);
// EXTERNAL MODULE: ./src/promotion/promote.ts + 3 modules
var promote = __webpack_require__(7920);
// EXTERNAL MODULE: ./src/promotion/promote-many.ts
var promote_many = __webpack_require__(1097);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/promotion/resume.ts
var promotion_resume = __webpack_require__(318);
// EXTERNAL MODULE: ./src/promotion/steps/registry.ts + 38 modules
var registry = __webpack_require__(8517);
// EXTERNAL MODULE: ./src/app/repo.ts
var app_repo = __webpack_require__(5271);
// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(1604);
// EXTERNAL MODULE: ./src/promotion/report.ts
var report = __webpack_require__(3119);
;// CONCATENATED MODULE: ./src/cli/promote-output.ts

/** `gantry promote` for a terminal: see promotion/report.ts. */
const promoteText = report/* promotionText */.y;
function promoteJson(o) {
    return {
        stage: o.stage,
        freight: o.freight ? { id: o.freight.id, alias: o.freight.alias } : null,
        commit: o.result?.commit ?? null,
        branch: o.result?.branch ?? null,
        changed: o.result?.changed ?? false,
        changes: o.result?.changes ?? [],
        edits: o.result?.edits ?? [],
        held: o.held,
        ...(o.result?.pullRequest ? { pullRequest: o.result.pullRequest } : {}),
        ...(o.approvedBy ? { approvedBy: o.approvedBy } : {}),
        ...(o.deployment ? { deployment: o.deployment } : {}),
        warnings: o.warnings,
        ...(o.result?.diff ? { diff: o.result.diff } : {}),
        ...(o.note ? { note: o.note } : {}),
    };
}
/** Several stages: each stage's result under its name, a failed one with its reason. */
function promoteManyText(results, dryRun) {
    const parts = results.map((r) => r.outcome ? promoteText(r.outcome, dryRun) : `${r.stage}: not promoted: ${r.error ?? ''}\n`);
    const failed = results.filter((r) => r.error).map((r) => r.stage);
    const summary = failed.length
        ? `${failed.length} of ${results.length} stages failed: ${failed.join(', ')}\n`
        : `${results.length} stages: all ${dryRun ? 'checked' : 'promoted or up to date'}\n`;
    return [...parts, summary].join('\n');
}
function promoteManyJson(results) {
    const doc = {
        results: results.map((r) => r.outcome
            ? { ok: true, ...promoteJson(r.outcome) }
            : { ok: false, stage: r.stage, error: r.error ?? '' }),
    };
    return JSON.stringify(doc, null, 2) + '\n';
}

// EXTERNAL MODULE: ./src/cli/shared.ts
var shared = __webpack_require__(1145);
// EXTERNAL MODULE: ./src/cli/shared-repo.ts
var shared_repo = __webpack_require__(1326);
;// CONCATENATED MODULE: ./src/cli/commands/promote.ts















const promoteCommand = {
    name: 'promote',
    summary: "run a stage's promotion steps for a freight and push the result",
    flags: [
        {
            name: 'stage',
            type: 'string',
            value: 'S',
            help: 'the stage to promote, or several separated by commas (each promoted on its own,\nwith its own gates)',
        },
        {
            name: 'downstream-of',
            type: 'string',
            value: 'S',
            help: "promote every stage that requests freight from S (Kargo's promote to downstream);\nthe freight default is the one S runs",
        },
        {
            name: 'freight',
            type: 'string',
            value: 'ID|ALIAS',
            help: 'the freight to promote: an ID, a unique ID prefix of 7+ characters, or an alias;\ndefault: the newest freight available to the stage (approved for it, or verified upstream)',
        },
        shared/* PROJECT_FLAG */.rj,
        {
            name: 'dry-run',
            type: 'boolean',
            help: 'run the steps and print the commit they would make, diff included; push nothing',
        },
        shared/* OUTPUT_FLAG */.Pm,
        {
            name: 'mode',
            type: 'string',
            value: 'direct|pull-request',
            help: "how the commit leaves, overriding the stage's promotionTemplate.mode: direct pushes to\nthe stage's branch; pull-request pushes to gantry/promote/<project>/<stage> and opens (or\nupdates) a pull request into it, whose merge is the promotion (needs the repository on\nGitHub and GITHUB_TOKEN)",
        },
        {
            name: 'sign-commits',
            type: 'boolean',
            help: 'have GitHub create and sign the commit (through its API) so that branch rules\nrequiring signed commits accept it; needs the repository on GitHub and GITHUB_TOKEN',
        },
        {
            name: 'no-deployments',
            type: 'boolean',
            help: "do not record the promotion as a GitHub deployment of the stage's environment (by\ndefault one is recorded when the repository is on GitHub and GITHUB_TOKEN is set)",
        },
        {
            name: 'resume-pull-request',
            type: 'string',
            value: 'N',
            help: "after pull request N merged: run the steps of its promotion's template that follow the\ngit-wait-for-pr it ended pending at (argocd-update, say); needs GITHUB_TOKEN",
        },
        (0,shared/* BY_FLAG */.TE)('promotes'),
        shared/* REPO_FLAG */.a8,
    ],
    description: `Refused (exit 1) when the freight is not available to the stage: neither approved for it nor
verified upstream. Progress is printed as the steps run (after the result with --output json).

With several stages (--stage a,b or --downstream-of S) each stage is promoted in turn, as if alone:
one refused or failed does not stop the others, every stage's result is printed, and the exit code
is 1 when any failed.`,
    examples: [
        'gantry promote --stage staging',
        'gantry promote --stage prod --freight calm-rhino --mode pull-request',
        'gantry promote --stage dev --dry-run',
        'gantry promote --stage qa,uat --freight calm-rhino',
        'gantry promote --downstream-of staging',
        'gantry promote --stage prod --resume-pull-request 42',
    ],
    async run(args, ctx) {
        const { io } = ctx;
        const output = (0,shared/* outputOf */.jH)(args, 'promote');
        (0,shared/* noPositionals */.d0)(args, 'promote');
        const stageText = args.string('stage');
        const downstreamOf = args.string('downstream-of');
        if (!stageText && !downstreamOf)
            throw new cli_io/* UsageError */.e('promote needs --stage (or --downstream-of)', 'promote');
        if (stageText && downstreamOf)
            throw new cli_io/* UsageError */.e('promote takes --stage or --downstream-of, not both', 'promote');
        const repo = await (0,app_repo/* openRepo */.B8)((0,shared/* repoSettings */.s9)(args, ctx));
        const named = args.string('freight');
        const projectName = args.string('project');
        // The project and the freight named up front: the first fetch brings what the promotion reads.
        if (named !== undefined && projectName !== undefined)
            repo.store.promoteNamedAhead(projectName, named);
        const project = await (0,shared_repo/* oneProject */.E)(repo, projectName, 'promote');
        const stages = downstreamOf
            ? (0,promote_many/* downstreamStages */.yb)(project, downstreamOf)
            : (0,promote_many/* stageList */.zt)(project, stageText ?? '');
        const freightRef = args.string('freight') ??
            (downstreamOf
                ? await (0,promote_many/* upstreamFreight */.v2)({ project, store: repo.store }, downstreamOf)
                : undefined);
        const who = (0,shared/* whoOf */.OD)(args, io.env);
        const mode = args.string('mode');
        if (mode !== undefined && mode !== 'direct' && mode !== 'pull-request')
            throw new cli_io/* UsageError */.e(`--mode must be direct or pull-request, not "${mode}"`, 'promote');
        const signCommits = args.boolean('sign-commits');
        const api = await (0,shared_repo/* githubForRemote */.T)(io.env, repo.store.remoteUrl);
        if ((signCommits || mode === 'pull-request') && !api) {
            throw new cli_io/* UsageError */.e(`${signCommits ? '--sign-commits' : 'pull-request mode'} needs a remote on GitHub (${io.env.GITHUB_SERVER_URL || 'https://github.com'}) and GITHUB_TOKEN`, 'promote');
        }
        const dryRun = args.boolean('dry-run');
        const options = {
            ...(mode ? { mode } : {}),
            ...(api
                ? {
                    github: {
                        repo: api,
                        signCommits,
                        deployments: !args.boolean('no-deployments'),
                    },
                }
                : {}),
            project,
            freight: freightRef,
            store: repo.store,
            registry: (0,registry/* defaultRegistry */.V)(),
            dryRun,
            promotedBy: who,
            clock: ctx.now,
            ...(io.sleep ? { sleep: io.sleep } : {}),
            fetch,
            log: (0,shared/* progressOf */.jA)(output, ctx),
            env: io.env,
            expressionData: (0,expr_data/* expressionDataFromEnv */.iD)(io.env),
            // oci-download and oci-push reach registries as `gantry discover` does.
            registryCredentials: (0,credentials/* promotionRegistryCredentials */.D)({
                dockerConfigPath: (0,external_node_path_.join)(io.env.DOCKER_CONFIG || (0,external_node_path_.join)(io.env.HOME || (0,external_node_os_.homedir)(), '.docker'), 'config.json'),
                githubToken: io.env.GANTRY_TOKEN || io.env.GITHUB_TOKEN || undefined,
                githubHost: new URL(io.env.GITHUB_SERVER_URL || 'https://github.com').host,
            }, (l) => io.err(`warning: ${l}\n`)),
        };
        const resume = args.string('resume-pull-request');
        if (resume !== undefined) {
            if (!/^[1-9]\d*$/.test(resume)) {
                throw new cli_io/* UsageError */.e(`--resume-pull-request must be a pull request number, not "${resume}"`, 'promote');
            }
            if (!api) {
                throw new cli_io/* UsageError */.e(`--resume-pull-request needs a remote on GitHub (${io.env.GITHUB_SERVER_URL || 'https://github.com'}) and GITHUB_TOKEN`, 'promote');
            }
            const stage = stages[0];
            if (stages.length !== 1 || downstreamOf || stage === undefined) {
                throw new cli_io/* UsageError */.e('--resume-pull-request goes on with one stage: the one whose promotion opened it', 'promote');
            }
            const scratch = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'gantry-resume-'));
            try {
                // The rest of a template that already ran: no new deployment, the same everything else.
                const { freight: _freight, ...rest } = options;
                const r = await (0,promotion_resume/* resumeAfterMerge */.yA)({
                    ...rest,
                    github: { repo: api, signCommits, deployments: false },
                    stage,
                    pullRequest: Number(resume),
                }, scratch);
                io.out(output === 'json'
                    ? JSON.stringify(resumeJson(r), null, 2) + '\n'
                    : `${r.note ?? `ran the ${r.statuses?.length ?? 0} steps after the wait of pull request #${r.pullRequest.number}: ${(r.statuses ?? []).join(', ')}`}\n`);
            }
            finally {
                await (0,promises_.rm)(scratch, { recursive: true, force: true });
            }
            return cli_io/* EXIT */.d.ok;
        }
        if (stages.length === 1 && !downstreamOf) {
            // One stage: its error is the command's, as it always was.
            const outcome = await (0,promote/* promote */.p)({ ...options, stage: stages[0] });
            io.out(output === 'json'
                ? JSON.stringify(promoteJson(outcome), null, 2) + '\n'
                : promoteText(outcome, dryRun));
            return cli_io/* EXIT */.d.ok;
        }
        const results = await (0,promote_many/* promoteMany */.uS)(options, stages);
        io.out(output === 'json' ? promoteManyJson(results) : promoteManyText(results, dryRun));
        return results.some((r) => r.error) ? cli_io/* EXIT */.d.failed : cli_io/* EXIT */.d.ok;
    },
};
function resumeJson(r) {
    return {
        pullRequest: r.pullRequest,
        ...(r.note ? { note: r.note } : {}),
        ...(r.freight ? { freight: { id: r.freight.id, alias: r.freight.alias } } : {}),
        ...(r.statuses ? { statuses: r.statuses } : {}),
    };
}


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

/***/ 8212:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ PullRequestNotMergeableError),
/* harmony export */   q: () => (/* binding */ StaleHeadError)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/**
 * The GitHub port: what gantry asks of GitHub's API and the shapes it gets back. The core depends
 * on this file alone; `client.ts` implements it over GitHub's REST and GraphQL APIs, and the tests'
 * fake server answers the same routes.
 */

/** GraphQL's createCommitOnBranch refused because the branch no longer points at expectedHeadOid. */
class StaleHeadError extends Error {
    constructor(message) {
        super(message);
        this.name = 'StaleHeadError';
    }
}
/**
 * GitHub refused to merge a pull request: 405 (not mergeable yet or at all: conflicts, required
 * checks or reviews missing, a closed or already merged pull request, a merge method the
 * repository disallows) or 409 (the head moved away from the `sha` the merge was asked for).
 * Other failures of a merge are plain OperationErrors.
 */
class PullRequestNotMergeableError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OperationError */ .OK {
    number;
    status;
    reason;
    name = 'PullRequestNotMergeableError';
    constructor(message, number, 
    /** 405, or 409 for a head that moved. */
    status, 
    /** GitHub's own words (`Pull Request is not mergeable`, `Head branch was modified. …`). */
    reason) {
        super(message);
        this.number = number;
        this.status = status;
        this.reason = reason;
    }
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


/***/ })

};
