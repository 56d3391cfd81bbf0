export const id = 6584;
export const ids = [6584];
export const modules = {

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitHubClient: () => (/* binding */ GitHubClient)
/* harmony export */ });
/* unused harmony exports GITHUB_MAX_BODY_BYTES, DESCRIPTION_LIMIT, truncate, githubWait, GITHUB_RETRY */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(157);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);
/* harmony import */ var _util_http_body_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1871);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(767);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4266);
/* harmony import */ var _port_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8212);






/**
 * Most of one GitHub API answer read. The largest gantry asks for are pages of 100 pull requests
 * or check runs, a few MiB; an answer past 16 MiB is a proxy gone wrong, not data.
 */
const GITHUB_MAX_BODY_BYTES = 16 << 20;
/** GitHub truncates nothing itself: longer deployment (status) descriptions are refused. */
const DESCRIPTION_LIMIT = 140;
/** `text` cut to `max` characters (code points), ending in `…` when cut. */
function truncate(text, max = DESCRIPTION_LIMIT) {
    const chars = [...text];
    return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
function isRequestError(err) {
    return (typeof err === 'object' &&
        err !== null &&
        typeof err.status === 'number');
}
/** Octokit's GraphqlResponseError: HTTP 200 whose body holds `errors`. */
function graphqlErrors(err) {
    if (typeof err !== 'object' || err === null)
        return undefined;
    const errors = err.errors;
    if (!Array.isArray(errors) || isRequestError(err))
        return undefined;
    return errors.map((e) => ({
        type: typeof e?.type === 'string'
            ? e.type
            : undefined,
        message: typeof e?.message === 'string'
            ? e.message
            : JSON.stringify(e),
    }));
}
/**
 * GitHub's error body message (`{"message": "...", "documentation_url": ...}`), with the
 * details of a `Validation Failed` (`errors: [{resource, field, code, message}]`), if any.
 */
function githubMessage(err) {
    const data = err.response?.data;
    if (data &&
        typeof data === 'object' &&
        typeof data.message === 'string') {
        const { message, errors } = data;
        if (!Array.isArray(errors) || errors.length === 0)
            return message;
        const details = errors.map((e) => {
            if (typeof e === 'string')
                return e;
            const { resource, field, code, message: m } = (e ?? {});
            if (typeof m === 'string' && m)
                return m;
            const what = [resource, field].filter((x) => typeof x === 'string' && x).join('.');
            return `${what || 'request'} ${typeof code === 'string' ? code : 'invalid'}`;
        });
        return `${message}: ${details.join('; ')}`;
    }
    return err.message;
}
/** The cap error, which Octokit wraps in a RequestError (status 500) when fetch throws it. */
function tooLarge(err) {
    if (err instanceof _util_http_body_js__WEBPACK_IMPORTED_MODULE_2__/* .BodyTooLargeError */ .Au)
        return err;
    const cause = err?.cause;
    return cause instanceof _util_http_body_js__WEBPACK_IMPORTED_MODULE_2__/* .BodyTooLargeError */ .Au ? cause : undefined;
}
/** A header of a failed request, by its lower-case name. */
function header(err, name) {
    return err.response?.headers?.[name] ?? undefined;
}
/**
 * GitHub's rate limits: 429, or 403 with no requests left, a Retry-After (which GitHub sends only
 * with a limit), or a secondary limit's text (older servers say "abuse detection").
 */
function isRateLimited(err) {
    return (err.status === 429 ||
        (err.status === 403 &&
            (header(err, 'x-ratelimit-remaining') === '0' ||
                header(err, 'retry-after') !== undefined ||
                /secondary rate limit|abuse detection/i.test(githubMessage(err)))));
}
const TRANSIENT = (err) => isRequestError(err) &&
    // Octokit reports the cap as a 500; asking again would read the same flood again.
    !tooLarge(err) &&
    (err.status >= 500 || isRateLimited(err));
/**
 * How long GitHub asks to wait before the next request after try number `attempt` hit a limit,
 * as its documentation on rate limits says: Retry-After when present; else, with no requests
 * left, until x-ratelimit-reset; else, for a secondary limit, at least a minute, "exponentially
 * increasing" while the limit lasts (1, 2, 4 … minutes).
 */
function githubWait(err, now = Date.now(), attempt = 1) {
    if (!isRequestError(err) || !isRateLimited(err))
        return undefined;
    const after = (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRetryAfter */ .mu)(header(err, 'retry-after') ?? null, now);
    if (after !== undefined)
        return after;
    const reset = Number(header(err, 'x-ratelimit-reset'));
    if (header(err, 'x-ratelimit-remaining') === '0' && Number.isFinite(reset) && reset > 0) {
        return Math.max(0, reset * 1000 - now);
    }
    return 60_000 * 2 ** Math.max(0, attempt - 1);
}
/** What gantry waits for GitHub at most: one asked wait, and all tries of one call together. */
const GITHUB_RETRY = {
    attempts: 4,
    baseDelayMs: 500,
    maxDelayMs: 8_000,
    maxServerWaitMs: 2 * 60_000,
    maxElapsedMs: 5 * 60_000,
};
const COMMON_HINTS = {
    401: ' (the token is invalid or has expired)',
};
function toPullRequest(d) {
    const merged = d.merged ?? (d.merged_at !== null && d.merged_at !== undefined);
    return {
        number: d.number,
        url: d.html_url,
        state: d.state === 'open' ? 'open' : 'closed',
        merged,
        head: d.head.ref,
        base: d.base.ref,
        headSha: d.head.sha,
        title: d.title,
        body: d.body ?? '',
        ...(merged && d.merge_commit_sha ? { mergeCommitSha: d.merge_commit_sha } : {}),
        ...(d.mergeable !== undefined ? { mergeable: d.mergeable } : {}),
        ...(typeof d.mergeable_state === 'string' ? { mergeableState: d.mergeable_state } : {}),
    };
}
/** GitHub returns the payload as it was sent: an object, or a string (often JSON). */
function normalisePayload(payload) {
    if (typeof payload !== 'string')
        return payload ?? {};
    const text = payload.trim();
    if (!text.startsWith('{') && !text.startsWith('['))
        return payload;
    try {
        return JSON.parse(text);
    }
    catch {
        return payload;
    }
}
function toDeployment(d) {
    return {
        id: d.id,
        sha: d.sha,
        ref: d.ref,
        environment: d.environment,
        description: d.description ?? '',
        payload: normalisePayload(d.payload),
        createdAt: d.created_at,
    };
}
const DEPLOYMENT_HINTS = {
    403: ' (the token needs the deployments: write permission)',
    404: ' (does the repository exist, and does the token have the deployments: write permission?)',
};
const PULL_HINTS = {
    403: ' (the token needs the pull-requests: write permission, and for GITHUB_TOKEN the repository or organization must allow GitHub Actions to create pull requests)',
    404: ' (does the repository exist, and does the token have the pull-requests: write permission?)',
};
const MERGE_HINTS = {
    403: ' (the token needs the contents: write permission, and branch protection or rulesets may forbid merging for it)',
    404: ' (is the number right, and does the token have the contents: write permission?)',
    405: ' (GitHub will not merge it now: conflicts, required checks or reviews not satisfied, a draft, a closed or already merged pull request, or a merge method the repository does not allow)',
    409: ' (the head branch moved after it was read: read the pull request again before merging)',
    422: ' (is the merge method one of merge, squash and rebase, and the sha a full commit SHA?)',
};
const LABEL_HINTS = {
    403: ' (the token needs the pull-requests: write or issues: write permission)',
    404: ' (is the number right, and does the token have the pull-requests: write permission?)',
    422: ' (label names must be non-empty, at most 50 characters)',
};
const CONTENTS_HINTS = {
    403: ' (the token needs the contents: write permission; changing files under .github/workflows also needs workflows: write)',
    404: ' (does the repository exist, and does the token have the contents: write permission?)',
};
const CHECKS_HINTS = {
    403: ' (the token needs the checks: read permission)',
    404: ' (does the repository exist, and does the token have the checks: read permission?)',
    422: ' (is the commit in this repository, and has it been pushed?)',
};
const STATUSES_HINTS = {
    403: ' (the token needs the statuses: read permission)',
    404: ' (does the repository exist, and does the token have the statuses: read permission?)',
    422: ' (is the commit in this repository, and has it been pushed?)',
};
/** Pages of 100 read at most per listing (GitHub keeps the check runs of 1000 check suites). */
const MAX_PAGES = 50;
function toCheckRun(d) {
    return {
        name: d.name,
        status: d.status,
        conclusion: (d.conclusion ?? null),
        url: d.html_url ?? null,
        app: d.app?.slug ?? null,
    };
}
function toCommitStatus(d) {
    return {
        context: d.context,
        state: d.state,
        description: d.description ?? '',
        targetUrl: d.target_url ?? null,
    };
}
class GitHubClient {
    s;
    octokit;
    redactor = new _util_redact_js__WEBPACK_IMPORTED_MODULE_5__/* .Redactor */ .p();
    constructor(s) {
        this.s = s;
        this.octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(s.token, { baseUrl: s.apiUrl.replace(/\/+$/, '') });
        // Octokit reads bodies whole with text(); the cap must apply before it sees them. Wrapped
        // around the fetch it was given (@actions/github's, which honours HTTPS_PROXY), not instead.
        // The options object is shared with the hooks inside this one (authentication), which
        // ignore what this hook would pass on: the property is replaced on it, and replaced rather
        // than mutated, since `request` may be Octokit's defaults object itself.
        this.octokit.hook.wrap('request', (request, options) => {
            const given = options.request?.fetch ?? globalThis.fetch;
            const inner = s.trace ? (0,_util_http_body_js__WEBPACK_IMPORTED_MODULE_2__/* .tracedFetch */ .Wb)(given, s.trace) : given;
            const fetch = (0,_util_http_body_js__WEBPACK_IMPORTED_MODULE_2__/* .cappedFetch */ .Ul)(inner, {
                maxBytes: GITHUB_MAX_BODY_BYTES,
                what: 'the GitHub API response',
            });
            options.request = { ...options.request, fetch };
            return request(options);
        });
        this.redactor.add(s.token);
    }
    get repoName() {
        return `${this.s.owner}/${this.s.repo}`;
    }
    /**
     * Runs one API call with the retry policy for transient failures (5xx, 429, secondary rate
     * limits) and turns what is left into an OperationError that says what failed, GitHub's
     * message (token redacted) and a hint for the status. GraphQL errors (HTTP 200 with `errors`)
     * become OperationError too, `STALE_DATA` a StaleHeadError.
     */
    async call(what, hints, fn) {
        let tries = 0;
        try {
            const counted = (attempt) => {
                tries = attempt;
                return fn(attempt);
            };
            return await (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .retry */ .L5)(counted, TRANSIENT, this.s.retry ?? GITHUB_RETRY, {
                serverWait: (err, attempt) => githubWait(err, (this.s.retryHooks?.now ?? Date.now)(), attempt),
                ...this.s.retryHooks,
            });
        }
        catch (err) {
            if (err instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK || err instanceof _port_js__WEBPACK_IMPORTED_MODULE_4__/* .StaleHeadError */ .q)
                throw err;
            const cap = tooLarge(err);
            if (cap)
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK(`could not ${what}: ${this.redactor.redact(cap.message)}`);
            const gql = graphqlErrors(err);
            if (gql) {
                const text = this.redactor.redact(gql.map((e) => e.message).join('; '));
                if (gql.some((e) => e.type === 'STALE_DATA')) {
                    throw new _port_js__WEBPACK_IMPORTED_MODULE_4__/* .StaleHeadError */ .q(`could not ${what}: ${text}`);
                }
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK(`could not ${what}: ${text}`);
            }
            if (!isRequestError(err))
                throw err;
            const msg = this.redactor.redact(githubMessage(err));
            if (isRateLimited(err)) {
                const wait = githubWait(err, (this.s.retryHooks?.now ?? Date.now)(), tries) ?? 0;
                const policy = this.s.retry ?? GITHUB_RETRY;
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK(`could not ${what}: HTTP ${err.status}: ${msg} (GitHub's rate limit: it asks to wait ${Math.ceil(wait / 1000)} s more; gantry waits at most ${Math.round((policy.maxServerWaitMs ?? 0) / 1000)} s at a time and ${Math.round((policy.maxElapsedMs ?? 0) / 1000)} s in all for one request)`);
            }
            const hint = hints[err.status] ?? COMMON_HINTS[err.status] ?? '';
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK(`could not ${what}: HTTP ${err.status}: ${msg}${hint}`);
        }
    }
    async dispatchWorkflow(args) {
        await this.call(`start workflow ${args.workflow} in ${this.repoName}`, {
            404: ' (is the file name right, and does the workflow exist on that ref with a workflow_dispatch trigger?)',
            403: ' (the token needs the actions: write permission)',
            422: ' (the workflow must declare the inputs stage and freight under on.workflow_dispatch.inputs)',
        }, () => this.octokit.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
            owner: this.s.owner,
            repo: this.s.repo,
            workflow_id: args.workflow,
            ref: args.ref,
            inputs: args.inputs,
        }));
    }
    async findPullRequest(args) {
        const res = await this.call(`list pull requests from ${args.head} into ${args.base} in ${this.repoName}`, PULL_HINTS, () => this.octokit.request('GET /repos/{owner}/{repo}/pulls', {
            owner: this.s.owner,
            repo: this.s.repo,
            // Without the owner GitHub ignores the filter and lists every pull request.
            head: `${this.s.owner}:${args.head}`,
            base: args.base,
            state: 'open',
            per_page: 100,
        }));
        const found = res.data.find((p) => p.head.ref === args.head && p.base.ref === args.base);
        return found ? toPullRequest(found) : undefined;
    }
    async createPullRequest(args) {
        return this.call(`open a pull request from ${args.head} into ${args.base} in ${this.repoName}`, {
            ...PULL_HINTS,
            422: ' (both branches must exist, the head must have commits the base lacks, and only one pull request may be open per head and base)',
        }, async (attempt) => {
            try {
                const res = await this.octokit.request('POST /repos/{owner}/{repo}/pulls', {
                    owner: this.s.owner,
                    repo: this.s.repo,
                    head: args.head,
                    base: args.base,
                    title: args.title,
                    body: args.body,
                });
                return toPullRequest(res.data);
            }
            catch (err) {
                // A retried create whose first try went through (the answer was lost) finds its own PR.
                if (attempt > 1 &&
                    isRequestError(err) &&
                    err.status === 422 &&
                    /already exists/i.test(githubMessage(err))) {
                    const existing = await this.findPullRequest(args);
                    if (existing)
                        return existing;
                }
                throw err;
            }
        });
    }
    async updatePullRequest(args) {
        const res = await this.call(`update pull request #${args.number} in ${this.repoName}`, PULL_HINTS, () => this.octokit.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', {
            owner: this.s.owner,
            repo: this.s.repo,
            pull_number: args.number,
            ...(args.title !== undefined ? { title: args.title } : {}),
            ...(args.body !== undefined ? { body: args.body } : {}),
            ...(args.state !== undefined ? { state: args.state } : {}),
        }));
        return toPullRequest(res.data);
    }
    async getPullRequest(number) {
        const res = await this.call(`read pull request #${number} in ${this.repoName}`, { ...PULL_HINTS, 404: ' (is the number right, and can the token read pull requests?)' }, () => this.octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
            owner: this.s.owner,
            repo: this.s.repo,
            pull_number: number,
        }));
        return toPullRequest(res.data);
    }
    async mergePullRequest(args) {
        const method = args.mergeMethod ?? 'merge';
        const what = `${method} pull request #${args.number} in ${this.repoName}`;
        return this.call(what, MERGE_HINTS, async (attempt) => {
            try {
                const res = await this.octokit.request('PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge', {
                    owner: this.s.owner,
                    repo: this.s.repo,
                    pull_number: args.number,
                    merge_method: method,
                    ...(args.sha !== undefined ? { sha: args.sha } : {}),
                });
                const data = res.data;
                if (data.merged !== true || typeof data.sha !== 'string') {
                    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK(`could not ${what}: HTTP ${res.status}: ${this.redactor.redact(typeof data.message === 'string' ? data.message : 'GitHub did not say it merged')}`);
                }
                return { sha: data.sha };
            }
            catch (err) {
                if (!isRequestError(err) || (err.status !== 405 && err.status !== 409))
                    throw err;
                // A retried merge whose first try went through (the answer was lost) is refused as not
                // mergeable: the pull request, merged from the head asked for, is that merge.
                if (attempt > 1 && err.status === 405) {
                    const pr = await this.getPullRequest(args.number);
                    if (pr.merged &&
                        pr.mergeCommitSha &&
                        (args.sha === undefined || pr.headSha === args.sha)) {
                        return { sha: pr.mergeCommitSha };
                    }
                }
                const reason = this.redactor.redact(githubMessage(err));
                throw new _port_js__WEBPACK_IMPORTED_MODULE_4__/* .PullRequestNotMergeableError */ .I(`could not ${what}: HTTP ${err.status}: ${reason}${MERGE_HINTS[err.status] ?? ''}`, args.number, err.status, reason);
            }
        });
    }
    async addLabels(number, labels) {
        // GitHub would answer an empty list with the labels already there: nothing to ask.
        if (labels.length === 0)
            return;
        await this.call(`label pull request #${number} in ${this.repoName} with ${labels.join(', ')}`, LABEL_HINTS, () => this.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
            owner: this.s.owner,
            repo: this.s.repo,
            issue_number: number,
            labels,
        }));
    }
    async createDeployment(args) {
        const what = `create a deployment of ${args.ref} to ${args.environment} in ${this.repoName}`;
        const res = await this.call(what, {
            ...DEPLOYMENT_HINTS,
            409: ' (GitHub refused on commit status checks, although gantry requires none)',
            422: ' (is the ref a commit of this repository?)',
        }, () => this.octokit.request('POST /repos/{owner}/{repo}/deployments', {
            owner: this.s.owner,
            repo: this.s.repo,
            ref: args.ref,
            environment: args.environment,
            description: truncate(args.description),
            payload: args.payload,
            auto_merge: false,
            required_contexts: [],
            ...(args.productionEnvironment !== undefined
                ? { production_environment: args.productionEnvironment }
                : {}),
        }));
        // 202 means GitHub merged the default branch into the ref instead of deploying; gantry asks
        // for auto_merge: false, so this only comes from a server that ignored it.
        if (res.status === 202 || typeof res.data.id !== 'number') {
            const message = res.data.message;
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK(`could not ${what}: HTTP ${res.status}: ${this.redactor.redact(typeof message === 'string' ? message : 'no deployment was created')} (GitHub merged instead of deploying; no deployment exists)`);
        }
        return toDeployment(res.data);
    }
    async createDeploymentStatus(args) {
        await this.call(`set deployment ${args.deploymentId} of ${this.repoName} to ${args.state}`, {
            ...DEPLOYMENT_HINTS,
            404: ' (does the deployment exist, and does the token have the deployments: write permission?)',
        }, () => this.octokit.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
            owner: this.s.owner,
            repo: this.s.repo,
            deployment_id: args.deploymentId,
            state: args.state,
            ...(args.description !== undefined ? { description: truncate(args.description) } : {}),
            ...(args.environmentUrl !== undefined ? { environment_url: args.environmentUrl } : {}),
            ...(args.logUrl !== undefined ? { log_url: args.logUrl } : {}),
            auto_inactive: args.autoInactive ?? true,
        }));
    }
    async listDeployments(args) {
        const limit = args.limit ?? 100;
        const perPage = Math.min(100, Math.max(1, limit));
        const out = [];
        for (let page = 1; out.length < limit; page++) {
            const res = await this.call(`list deployments of ${this.repoName}`, DEPLOYMENT_HINTS, () => this.octokit.request('GET /repos/{owner}/{repo}/deployments', {
                owner: this.s.owner,
                repo: this.s.repo,
                ...(args.sha !== undefined ? { sha: args.sha } : {}),
                ...(args.environment !== undefined ? { environment: args.environment } : {}),
                per_page: perPage,
                page,
            }));
            const data = res.data;
            out.push(...data.map(toDeployment));
            if (data.length < perPage)
                break;
        }
        return out.slice(0, limit);
    }
    async deploymentStatuses(deploymentId) {
        const res = await this.call(`read the statuses of deployment ${deploymentId} of ${this.repoName}`, DEPLOYMENT_HINTS, () => this.octokit.request('GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
            owner: this.s.owner,
            repo: this.s.repo,
            deployment_id: deploymentId,
            per_page: 100,
        }));
        return res.data.map((d) => ({
            state: d.state,
            logUrl: d.log_url || d.target_url || '',
            environmentUrl: d.environment_url ?? '',
            createdAt: d.created_at,
        }));
    }
    async environment(name) {
        return this.call(`read environment ${name} of ${this.repoName}`, { 403: ' (the token needs the actions: read permission)' }, async () => {
            try {
                const res = await this.octokit.request('GET /repos/{owner}/{repo}/environments/{environment_name}', { owner: this.s.owner, repo: this.s.repo, environment_name: name });
                const data = res.data;
                return {
                    name: data.name,
                    rules: (data.protection_rules ?? []).map((r) => ({
                        type: r.type,
                        ...(typeof r.wait_timer === 'number' ? { waitTimer: r.wait_timer } : {}),
                        ...(r.reviewers
                            ? {
                                reviewers: r.reviewers
                                    .map((x) => x.reviewer?.login ?? x.reviewer?.slug)
                                    .filter((x) => typeof x === 'string'),
                            }
                            : {}),
                    })),
                    branchPolicy: Boolean(data.deployment_branch_policy),
                };
            }
            catch (err) {
                // 404 is GitHub's answer for an environment that does not exist (yet).
                if (isRequestError(err) && err.status === 404)
                    return undefined;
                throw err;
            }
        });
    }
    async runApprovals(runId) {
        const res = await this.call(`read the approvals of workflow run ${runId} in ${this.repoName}`, {
            403: ' (the token needs the actions: read permission)',
            404: ' (is the run id right, and does the token have the actions: read permission?)',
        }, () => this.octokit.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals', {
            owner: this.s.owner,
            repo: this.s.repo,
            run_id: runId,
        }));
        const reviews = res.data;
        return reviews
            .filter((r) => r.state === 'approved' || r.state === 'rejected')
            .map((r) => ({
            login: r.user?.login ?? '',
            state: r.state,
            comment: r.comment ?? '',
            environments: (r.environments ?? [])
                .map((e) => e.name)
                .filter((n) => typeof n === 'string'),
        }));
    }
    async checkRuns(ref) {
        const out = [];
        for (let page = 1; page <= MAX_PAGES; page++) {
            const res = await this.call(`list the check runs of ${ref} in ${this.repoName}`, CHECKS_HINTS, () => this.octokit.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
                owner: this.s.owner,
                repo: this.s.repo,
                ref,
                filter: 'latest',
                per_page: 100,
                page,
            }));
            const data = res.data;
            out.push(...data.check_runs.map(toCheckRun));
            if (data.check_runs.length < 100 || out.length >= data.total_count)
                break;
        }
        return out;
    }
    async commitStatuses(ref) {
        const statuses = [];
        const seen = new Set();
        let state = 'pending';
        for (let page = 1; page <= MAX_PAGES; page++) {
            const res = await this.call(`read the commit statuses of ${ref} in ${this.repoName}`, STATUSES_HINTS, () => this.octokit.request('GET /repos/{owner}/{repo}/commits/{ref}/status', {
                owner: this.s.owner,
                repo: this.s.repo,
                ref,
                per_page: 100,
                page,
            }));
            const data = res.data;
            if (page === 1)
                state = data.state;
            for (const s of data.statuses) {
                // Pages are read one after the other; a context that moved between them counts once.
                if (seen.has(s.context))
                    continue;
                seen.add(s.context);
                statuses.push(toCommitStatus(s));
            }
            if (data.statuses.length < 100 || statuses.length >= data.total_count)
                break;
        }
        return { state, statuses };
    }
    async setBranch(args) {
        const hints = {
            ...CONTENTS_HINTS,
            422: ' (is the commit in this repository, and is the branch free of protection rules that forbid force pushes?)',
        };
        const what = `point branch ${args.branch} of ${this.repoName} at ${args.sha}`;
        const missing = await this.call(what, hints, async () => {
            try {
                await this.octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
                    owner: this.s.owner,
                    repo: this.s.repo,
                    ref: `heads/${args.branch}`,
                    sha: args.sha,
                    force: true,
                });
                return false;
            }
            catch (err) {
                // GitHub answers 422 (not 404) when the ref to update does not exist.
                if (isRequestError(err) &&
                    err.status === 422 &&
                    /reference does not exist/i.test(githubMessage(err)))
                    return true;
                throw err;
            }
        });
        if (!missing)
            return;
        await this.call(`create branch ${args.branch} of ${this.repoName} at ${args.sha}`, hints, () => this.octokit.request('POST /repos/{owner}/{repo}/git/refs', {
            owner: this.s.owner,
            repo: this.s.repo,
            ref: `refs/heads/${args.branch}`,
            sha: args.sha,
        }));
    }
    async deleteBranch(branch) {
        await this.call(`delete branch ${branch} of ${this.repoName}`, CONTENTS_HINTS, async () => {
            try {
                await this.octokit.request('DELETE /repos/{owner}/{repo}/git/refs/{ref}', {
                    owner: this.s.owner,
                    repo: this.s.repo,
                    ref: `heads/${branch}`,
                });
            }
            catch (err) {
                // Already gone: what was asked for.
                if (isRequestError(err) && err.status === 422)
                    return;
                throw err;
            }
        });
    }
    async createCommitOnBranch(args) {
        const input = {
            branch: { repositoryNameWithOwner: this.repoName, branchName: args.branch },
            expectedHeadOid: args.expectedHeadOid,
            message: { headline: args.headline, ...(args.body ? { body: args.body } : {}) },
            fileChanges: {
                additions: args.additions.map((a) => ({
                    path: a.path,
                    contents: a.contents.toString('base64'),
                })),
                deletions: args.deletions.map((path) => ({ path })),
            },
        };
        const data = await this.call(`commit to branch ${args.branch} of ${this.repoName}`, CONTENTS_HINTS, () => this.octokit.graphql(`mutation ($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) {
    commit {
      oid
      url
    }
  }
}`, { input }));
        const commit = data.createCommitOnBranch?.commit;
        if (!commit) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK(`could not commit to branch ${args.branch} of ${this.repoName}: GitHub returned no commit`);
        }
        return { oid: commit.oid, url: commit.url };
    }
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


/***/ })

};
