export const id = 5193;
export const ids = [5193];
export const modules = {

/***/ 4731:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $f: () => (/* binding */ escapeRegex),
/* harmony export */   SD: () => (/* binding */ selectorNameProblem),
/* harmony export */   V4: () => (/* binding */ autoPromotionDecision),
/* harmony export */   mK: () => (/* binding */ matchingPolicy)
/* harmony export */ });
/* unused harmony exports nameMatches, policyMatches, autoPromotionEnabled, holdReason */
/* harmony import */ var _util_regex_core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8887);
/**
 * The auto-promotion rule, in one place: which stages auto-promote (a project file's
 * `autoPromotion`, or Kargo's ProjectConfig `promotionPolicies` and a Stage's
 * `autoPromotionOptions`), and whether a stage may now auto-promote a given freight. Discovery
 * (freight straight from a warehouse) and verification (freight verified upstream) both ask
 * `autoPromotionDecision`; the Kargo reader asks `matchingPolicy`. Which freight a stage with Kargo's
 * `selectionPolicy: MatchUpstream` takes is chosen by verify (`downstreamOf`), the only path
 * where such a stage gets freight.
 *
 * It lives beside the pipeline model rather than in promotion/: the Kargo reader, a pipeline
 * module, decides with it when it reads the manifests, and pipeline/ importing promotion/ would
 * make the folders a cycle.
 */

function escapeRegex(s) {
    return s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
/**
 * `glob:` selectors, as Kargo's doublestar globs read a name without `/`: `*` any run of
 * characters, `?` one, `[…]` a class (`[!…]` or `[^…]` negated), `{a,b}` alternatives.
 */
function globRegex(glob) {
    let out = '';
    let depth = 0;
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '\\' && i + 1 < glob.length)
            out += escapeRegex(glob[++i]);
        else if (c === '*')
            out += '.*';
        else if (c === '?')
            out += '.';
        else if (c === '[') {
            const end = glob.indexOf(']', i + 2);
            if (end < 0) {
                out += '\\[';
                continue;
            }
            const body = glob.slice(i + 1, end).replace(/^[!^]/, '^');
            out += `[${body.replace(/\\/g, '\\\\')}]`;
            i = end;
        }
        else if (c === '{') {
            depth++;
            out += '(?:';
        }
        else if (c === '}' && depth > 0) {
            depth--;
            out += ')';
        }
        else if (c === ',' && depth > 0)
            out += '|';
        else
            out += escapeRegex(c);
    }
    return new RegExp(`^${out}$`);
}
const REGEX_PREFIX = /^regexp?:/;
/**
 * Why a selector name cannot be matched (a `regex:` that does not compile, as Go's regexp says
 * it), or undefined when it can.
 */
function selectorNameProblem(pattern) {
    const regex = REGEX_PREFIX.exec(pattern);
    if (!regex)
        return undefined;
    try {
        (0,_util_regex_core_js__WEBPACK_IMPORTED_MODULE_0__/* .compileRegex */ .DL)(pattern.slice(regex[0].length));
        return undefined;
    }
    catch (err) {
        return err instanceof Error ? err.message : String(err);
    }
}
/** A selector name against a stage name: exact, `glob:`, or an unanchored `regex:`/`regexp:`. */
function nameMatches(pattern, name) {
    const regex = REGEX_PREFIX.exec(pattern);
    if (regex) {
        try {
            return (0,_util_regex_core_js__WEBPACK_IMPORTED_MODULE_0__/* .compileRegex */ .DL)(pattern.slice(regex[0].length)).test(name);
        }
        catch {
            return false; // selectorNameProblem reports it where the policy is written
        }
    }
    if (pattern.startsWith('glob:')) {
        try {
            return globRegex(pattern.slice('glob:'.length)).test(name);
        }
        catch {
            return false;
        }
    }
    return pattern === name;
}
/** A Kubernetes label selector (matchLabels and matchExpressions, ANDed) over a Stage's labels. */
function labelsMatch(selector, labels) {
    const want = selector.matchLabels ?? {};
    if (Object.entries(want).some(([k, v]) => labels[k] !== v))
        return false;
    return (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
        const has = Object.prototype.hasOwnProperty.call(labels, key);
        switch (operator) {
            case 'In':
                return has && values.includes(labels[key]);
            case 'NotIn':
                return !has || !values.includes(labels[key]);
            case 'Exists':
                return has;
            default:
                return !has;
        }
    });
}
/**
 * Whether a promotion policy names a stage, as Kargo decides it: by `stageSelector` when it has
 * one (its name, exact or `glob:`/`regex:`/`regexp:`, and its label selector, both when both are
 * set), else by `stage`.
 */
function policyMatches(policy, stage) {
    const selector = policy.stageSelector;
    if (!selector)
        return policy.stage === stage.name;
    const { name } = selector;
    if (name !== undefined && name !== '' && !nameMatches(name, stage.name))
        return false;
    return labelsMatch(selector, stage.labels ?? {});
}
/** The index of the policy that governs a stage (Kargo takes the first that matches), or -1. */
function matchingPolicy(policies, stage) {
    return policies.findIndex((p) => policyMatches(p, stage));
}
/**
 * Whether a stage auto-promotes under Kargo's policies: the first matching policy's
 * `autoPromotionEnabled`; a stage no policy names, or whose policy leaves it unset, does not
 * (Kargo's default).
 */
function autoPromotionEnabled(policies, stage) {
    return policies[matchingPolicy(policies, stage)]?.autoPromotionEnabled === true;
}
/** The hold message discover and verify both print. */
function holdReason(hold) {
    return `held since ${hold.since} by ${hold.by}: ${hold.reason}`;
}
/**
 * Kargo's auto-promotion rule: a stage auto-promotes the newest freight available to it, unless
 * it already runs that freight, auto-promotion is off for it, or it is held after a manual
 * rollback. The checks run in that order, so that a stage up to date says so rather than
 * "held".
 */
function autoPromotionDecision(q) {
    if (!q.candidate)
        return { due: false, why: 'none', reason: 'no freight available' };
    const current = q.state?.freight.find((f) => f.origin.name === q.origin);
    if (current?.id === q.candidate.id) {
        return { due: false, why: 'current', reason: `already runs ${q.candidate.alias}` };
    }
    if (!q.autoPromotion) {
        return { due: false, why: 'off', reason: 'auto-promotion is off: promote it by hand' };
    }
    const hold = q.state?.autoPromotionHold;
    if (hold)
        return { due: false, why: 'held', reason: holdReason(hold) };
    return { due: true };
}


/***/ }),

/***/ 7453:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A1: () => (/* binding */ runAnalysis),
/* harmony export */   ur: () => (/* binding */ checkMetricConfigs)
/* harmony export */ });
/* unused harmony exports DEFAULT_ERROR_RETRY_INTERVAL_MS, realSleep, worstPhase, formatResult, assessMetric, WAITING_PROVIDERS, assessWaiting */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _expr_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1750);
/* harmony import */ var _pipeline_duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2512);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(767);
/* harmony import */ var _util_log_group_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1324);
/* harmony import */ var _conditions_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6457);
/* harmony import */ var _templates_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8640);
/**
 * The analysis runner: a stage's verification metrics, measured and judged with Argo Rollouts'
 * semantics (analysis/analysis.go: generateMetricTasks, assessMetricStatus,
 * assessMetricFailureInconclusiveOrError, assessRunStatus), run to completion inside one job
 * instead of a controller's reconcile loop.
 *
 * Per metric:
 * - wait `initialDelay`, then take measurements `interval` apart (10s after one that ended in
 *   Error, Argo's DefaultErrorRetryInterval) until the metric is decided;
 * - each measurement is Successful, Failed or Inconclusive (by the conditions, see
 *   conditions.ts) or Error (the provider threw, timed out, or a condition could not be
 *   evaluated). Successful, Failed and Inconclusive count towards `count`; Error does not, and
 *   resets only when a measurement does not end in Error;
 * - after each measurement, in Argo's order (a later rule wins): Failed when
 *   failed > failureLimit, Inconclusive when inconclusive > inconclusiveLimit, Error when
 *   consecutiveErrors > consecutiveErrorLimit; otherwise Successful once `count` measurements
 *   have counted. So a metric stops as soon as its outcome is decided.
 *
 * Across metrics:
 * - metrics run concurrently, except `argocd` metrics, which run first and alone (metrics of the
 *   old version prove nothing); when one of them is not Successful the others are Skipped. They
 *   also wait rather than judge (see WAITING_PROVIDERS);
 * - as in Argo, a metric that ends Failed, Error or Inconclusive terminates the run: the others
 *   take no more measurements (one in flight is abandoned). A terminated metric that had taken
 *   measurements without exceeding a limit is Successful (Argo's "run terminated"); one that had
 *   taken none is Skipped;
 * - the overall phase is the worst metric phase, Argo's order Successful < Inconclusive < Error <
 *   Failed (Skipped metrics do not count); no metrics is Successful at once (Kargo verifies a stage
 *   without verification as soon as the promotion lands);
 * - the run's `timeoutMs` (and the caller's `signal`) ends everything still running: those
 *   metrics are Error (or Skipped when they had not started) and the message says why. A timer
 *   cannot fire while JavaScript runs, so the deadline (by `clock`) is also checked between
 *   measurements and while conditions and templates are evaluated, and a metric that measures
 *   without waiting yields to the event loop after each measurement: CPU-bound work cannot
 *   outlast the timeout.
 *
 * Before anything is measured every metric is prepared: `${{ }}` rendered (templates.ts), the
 * provider looked up and its configuration checked by the provider's `parse`. A metric that fails
 * there makes the whole analysis Error without measuring (Argo: "Analysis spec invalid").
 *
 * Secrets (values registered through ProviderContext.secret, the env values templates read, and
 * the caller's `secrets`) are replaced by `***` in every message, value and log line.
 *
 * Time is injectable: `clock` for timestamps and `sleep` for every wait, including the
 * per-measurement and overall timeouts, so tests run in virtual time.
 */








/** Argo Rollouts' DefaultErrorRetryInterval: the wait after a measurement that ended in Error. */
const DEFAULT_ERROR_RETRY_INTERVAL_MS = 10_000;
/** Longest `value` kept per measurement, in characters. */
const MAX_VALUE_LENGTH = 500;
const realSleep = async (ms, signal) => {
    if (signal.aborted)
        return;
    try {
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(ms, undefined, { signal });
    }
    catch {
        // Aborted: the caller looks at the signal.
    }
};
/** Argo's analysisStatusOrder for completed phases, best first. */
const SEVERITY = {
    Successful: 0,
    Inconclusive: 1,
    Error: 2,
    Failed: 3,
};
function worstPhase(phases) {
    return phases.reduce((worst, p) => (SEVERITY[p] > SEVERITY[worst] ? p : worst), 'Successful');
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/** Compact JSON, with non-finite numbers as Go prints them (NaN, +Inf, -Inf). */
function compact(v, depth) {
    if (depth > 20)
        return '…';
    if (v === null || v === undefined)
        return 'null';
    if (typeof v === 'number') {
        if (Number.isFinite(v))
            return String(v);
        return Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf';
    }
    if (typeof v === 'string')
        return JSON.stringify(v);
    if (typeof v === 'boolean')
        return String(v);
    if (Array.isArray(v))
        return `[${v.map((x) => compact(x, depth + 1)).join(',')}]`;
    if (typeof v === 'object') {
        const entries = Object.entries(v);
        return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${compact(x, depth + 1)}`).join(',')}}`;
    }
    return String(v);
}
/** A result as summaries show it: a string as it is, anything else as compact JSON; cut short. */
function formatResult(value) {
    const text = typeof value === 'string' ? value : compact(value, 0);
    return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}
function newResult(metric) {
    return {
        name: metric.name,
        provider: metric.provider.name,
        phase: 'Skipped',
        message: '',
        measurements: [],
        count: 0,
        successful: 0,
        failed: 0,
        inconclusive: 0,
        error: 0,
        consecutiveError: 0,
    };
}
/** Count a measurement as Argo's runMeasurements does. */
function tally(r, phase) {
    switch (phase) {
        case 'Successful':
            r.successful++;
            r.count++;
            r.consecutiveError = 0;
            break;
        case 'Failed':
            r.failed++;
            r.count++;
            r.consecutiveError = 0;
            break;
        case 'Inconclusive':
            r.inconclusive++;
            r.count++;
            r.consecutiveError = 0;
            break;
        case 'Error':
            r.error++;
            r.consecutiveError++;
            break;
    }
}
/** Argo's assessMetricFailureInconclusiveOrError, then the count rule of assessMetricStatus. */
function assessMetric(metric, r) {
    let decided;
    if (r.failed > metric.failureLimit) {
        decided = {
            phase: 'Failed',
            reason: `failed (${r.failed}) > failureLimit (${metric.failureLimit})`,
        };
    }
    if (r.inconclusive > metric.inconclusiveLimit) {
        decided = {
            phase: 'Inconclusive',
            reason: `inconclusive (${r.inconclusive}) > inconclusiveLimit (${metric.inconclusiveLimit})`,
        };
    }
    if (r.consecutiveError > metric.consecutiveErrorLimit) {
        decided = {
            phase: 'Error',
            reason: `consecutiveErrors (${r.consecutiveError}) > consecutiveErrorLimit (${metric.consecutiveErrorLimit})`,
        };
    }
    if (decided)
        return decided;
    if (r.count >= metric.count) {
        return { phase: 'Successful', reason: `count (${metric.count}) reached` };
    }
    return undefined;
}
/**
 * Providers whose measurements are polls of something that gets there in its own time (Argo CD
 * syncing and rolling out the promotion, the promotion commit's checks on GitHub running): an
 * Inconclusive measurement means "not yet". Such a
 * metric is Successful at its first Successful measurement, Failed and Error as any metric, and
 * Inconclusive only when `count` measurements have passed without success; `inconclusiveLimit`
 * does not apply. (Argo Rollouts has no such provider; with its rules a wait would need
 * inconclusiveLimit = count - 1 and would take every measurement even once it is over.)
 */
const WAITING_PROVIDERS = new Set(['argocd', 'github']);
/** assessMetric for a metric of a waiting provider, after a measurement of phase `last`. */
function assessWaiting(metric, r, last) {
    if (last === 'Successful') {
        return {
            phase: 'Successful',
            reason: `Successful after ${plural(r.measurements.length, 'measurement')}`,
        };
    }
    if (r.failed > metric.failureLimit) {
        return {
            phase: 'Failed',
            reason: `failed (${r.failed}) > failureLimit (${metric.failureLimit})`,
        };
    }
    if (r.consecutiveError > metric.consecutiveErrorLimit) {
        return {
            phase: 'Error',
            reason: `consecutiveErrors (${r.consecutiveError}) > consecutiveErrorLimit (${metric.consecutiveErrorLimit})`,
        };
    }
    if (r.count >= metric.count) {
        return {
            phase: 'Inconclusive',
            reason: `still waiting after count (${metric.count}) measurements`,
        };
    }
    return undefined;
}
/** `count (3) reached: 2 Successful, 1 Failed (failureLimit 1)`. */
function successMessage(metric, r) {
    const parts = [`${r.successful} Successful`];
    if (r.failed)
        parts.push(`${r.failed} Failed (failureLimit ${metric.failureLimit})`);
    if (r.inconclusive) {
        parts.push(`${r.inconclusive} Inconclusive (inconclusiveLimit ${metric.inconclusiveLimit})`);
    }
    if (r.error)
        parts.push(`${r.error} Error`);
    return `count (${metric.count}) reached: ${parts.join(', ')}`;
}
/** `: <why the last measurement has its phase> (result <value>)`, for metric messages. */
function lastDetail(r) {
    const last = r.measurements.at(-1);
    if (!last)
        return '';
    const why = last.message ?? '';
    const value = last.phase !== 'Error' ? last.value : undefined;
    if (why)
        return value !== undefined && value !== why ? `: ${why} (result ${value})` : `: ${why}`;
    return value !== undefined ? `: ${value}` : '';
}
class Runner {
    opts;
    redactor = new _util_redact_js__WEBPACK_IMPORTED_MODULE_6__/* .Redactor */ .p();
    /** Measurements that failed on configuration: they decide their metric at once. */
    fatal = new WeakSet();
    clock;
    sleep;
    log;
    env;
    errorRetryMs;
    /** Aborted by the overall timeout or the caller's signal. */
    run = new AbortController();
    endReason = '';
    /** When the run times out, in `clock` milliseconds; set by start(). */
    deadline = Infinity;
    /** For expression evaluations: the reason the run ended, once it has. */
    interrupt = () => this.checkDeadline() ? this.endReason : undefined;
    constructor(opts) {
        this.opts = opts;
        this.clock = opts.clock ?? (() => new Date());
        this.sleep = opts.sleep ?? realSleep;
        const log = opts.log ?? (() => undefined);
        this.log = (line) => log(this.redactor.redact(line));
        this.env = opts.env ?? {};
        this.errorRetryMs = opts.errorRetryIntervalMs ?? DEFAULT_ERROR_RETRY_INTERVAL_MS;
        this.redactor.add(...(opts.secrets ?? []));
    }
    now() {
        return this.clock().toISOString();
    }
    /** Ends the run when its deadline has passed (no timer needed). True once the run has ended. */
    checkDeadline() {
        if (!this.run.signal.aborted && this.clock().getTime() >= this.deadline) {
            this.timeOut();
        }
        return this.run.signal.aborted;
    }
    timeOut() {
        if (this.run.signal.aborted || this.opts.timeoutMs === undefined)
            return;
        this.endReason = `verification timed out after ${(0,_pipeline_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(this.opts.timeoutMs)}`;
        this.run.abort(new Error(this.endReason));
    }
    /** Render, look up and parse every metric; the problems, one per failing metric. */
    prepare(states) {
        const problems = [];
        for (const state of states) {
            const { metric } = state;
            const where = `verification metric ${JSON.stringify(metric.name)}`;
            try {
                const provider = this.opts.providers.get(metric.provider.name);
                if (!provider) {
                    const known = [...this.opts.providers.keys()].sort().join(', ');
                    throw new Error(`${where}: provider ${JSON.stringify(metric.provider.name)} is not available (providers: ${known || 'none'})`);
                }
                const rendered = (0,_templates_js__WEBPACK_IMPORTED_MODULE_5__/* .renderMetric */ .hU)(where, (0,_templates_js__WEBPACK_IMPORTED_MODULE_5__/* .metricParts */ .Z)(metric), this.opts.target, this.env, {
                    ...(this.opts.functions && { functions: this.opts.functions }),
                    interrupt: this.interrupt,
                });
                this.redactor.add(...rendered.secrets);
                const config = provider.parse(rendered.config, `${where}: provider ${provider.name}`);
                state.prepared = {
                    metric,
                    provider,
                    config,
                    ...(rendered.successCondition !== undefined && {
                        successCondition: rendered.successCondition,
                    }),
                    ...(rendered.failureCondition !== undefined && {
                        failureCondition: rendered.failureCondition,
                    }),
                };
            }
            catch (err) {
                const message = (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(err);
                state.result.phase = 'Error';
                state.result.message = message;
                state.done = true;
                // Rendering cut short by the deadline says nothing about the spec.
                if (!this.run.signal.aborted)
                    problems.push(message);
            }
        }
        return problems;
    }
    async start() {
        const startedAt = this.now();
        if (this.opts.timeoutMs !== undefined) {
            this.deadline = this.clock().getTime() + this.opts.timeoutMs;
        }
        const states = this.opts.metrics.map((metric) => ({
            metric,
            result: newResult(metric),
            done: false,
            started: false,
        }));
        if (states.length === 0) {
            return {
                phase: 'Successful',
                message: 'no verification metrics: nothing to measure',
                startedAt,
                finishedAt: this.now(),
                metrics: [],
            };
        }
        const problems = this.prepare(states);
        if (this.run.signal.aborted) {
            for (const s of states) {
                if (!s.done)
                    s.result.message = `not run: ${this.endReason}`;
            }
            return this.finish(startedAt, states, '');
        }
        if (problems.length > 0) {
            for (const s of states) {
                if (!s.done)
                    s.result.message = 'not run: the verification spec is invalid';
            }
            return this.finish(startedAt, states, `verification spec invalid: ${problems.join('; ')}`);
        }
        // The overall timeout and the caller's cancellation both end the run.
        const finished = new AbortController();
        const timeoutMs = this.opts.timeoutMs;
        if (timeoutMs !== undefined) {
            void this.sleep(timeoutMs, finished.signal).then(() => {
                if (!finished.signal.aborted)
                    this.timeOut();
            });
        }
        const external = this.opts.signal;
        const onCancel = () => {
            if (!this.run.signal.aborted) {
                this.endReason = 'verification cancelled';
                this.run.abort(new Error(this.endReason));
            }
        };
        if (external?.aborted)
            onCancel();
        external?.addEventListener('abort', onCancel, { once: true });
        try {
            const first = states.filter((s) => s.metric.provider.name === 'argocd');
            const rest = states.filter((s) => s.metric.provider.name !== 'argocd');
            let firstWhy = '';
            if (first.length > 0) {
                firstWhy = await this.runGroup(first);
                const failed = first.find((s) => s.result.phase !== 'Successful');
                if (failed && !firstWhy) {
                    firstWhy = `argocd metric ${JSON.stringify(failed.result.name)} assessed ${failed.result.phase}`;
                }
            }
            if (first.length === 0 || (!firstWhy && !this.run.signal.aborted)) {
                await this.runGroup(rest);
            }
            else {
                for (const s of rest) {
                    s.result.phase = 'Skipped';
                    s.result.message = `not run: ${this.endReason || firstWhy}${this.endReason ? ' while the argocd metrics ran' : ''}`;
                }
            }
        }
        finally {
            finished.abort();
            external?.removeEventListener('abort', onCancel);
        }
        return this.finish(startedAt, states, '');
    }
    /**
     * Run metrics concurrently until each is decided or the group is terminated (a metric ended
     * Failed, Error or Inconclusive) or the run ends. Returns why the group was terminated, if it
     * was.
     */
    async runGroup(states) {
        const group = new AbortController();
        const stop = AbortSignal.any([this.run.signal, group.signal]);
        let why = '';
        const terminate = (state) => {
            if (group.signal.aborted)
                return;
            why = `metric ${JSON.stringify(state.result.name)} assessed ${state.result.phase}`;
            group.abort(new Error(why));
        };
        await Promise.all(states.map((s) => (0,_util_log_group_js__WEBPACK_IMPORTED_MODULE_7__/* .inGroup */ .H)(this.opts.group, `metric ${s.metric.name}`, () => this.runMetric(s, stop, terminate))));
        for (const s of states) {
            if (s.done)
                continue;
            const r = s.result;
            const taken = `${plural(r.measurements.length, 'measurement')} taken`;
            if (this.run.signal.aborted) {
                // The run's end (timeout, cancellation) leaves unfinished metrics in Error.
                if (s.started) {
                    r.phase = 'Error';
                    r.message = `${this.endReason} (${taken}, count ${s.metric.count})`;
                }
                else {
                    r.phase = 'Skipped';
                    r.message = `not run: ${this.endReason}`;
                }
            }
            else if (r.measurements.length > 0) {
                // Argo: a metric of a terminating run that exceeded no limit is Successful.
                r.phase = 'Successful';
                r.message = `stopped after ${taken} because ${why}`;
            }
            else {
                r.phase = 'Skipped';
                r.message = `not run: ${why}`;
            }
        }
        return why;
    }
    async runMetric(state, stop, terminate) {
        const { metric, prepared } = state;
        const r = state.result;
        if (!prepared)
            return;
        if (metric.initialDelayMs) {
            this.log(`metric ${JSON.stringify(metric.name)}: waiting ${(0,_pipeline_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(metric.initialDelayMs)} (initialDelay)`);
            await this.sleep(metric.initialDelayMs, stop);
        }
        for (;;) {
            this.checkDeadline();
            if (stop.aborted)
                return;
            state.started = true;
            const m = await this.measure(prepared, stop);
            if (!m)
                return; // abandoned: the group or the run ended meanwhile
            r.measurements.push(m);
            tally(r, m.phase);
            const n = r.measurements.length;
            this.log(`metric ${JSON.stringify(metric.name)}: measurement ${n} ${m.phase}` +
                `${m.value !== undefined ? ` ${m.value}` : ''}${m.message ? `: ${m.message}` : ''}`);
            const waits = WAITING_PROVIDERS.has(metric.provider.name);
            const decided = this.fatal.has(m)
                ? {
                    phase: 'Error',
                    reason: 'a configuration error, which measuring again cannot fix',
                }
                : waits
                    ? assessWaiting(metric, r, m.phase)
                    : assessMetric(metric, r);
            if (decided) {
                state.done = true;
                r.phase = decided.phase;
                r.message =
                    decided.phase === 'Successful' && !waits
                        ? successMessage(metric, r)
                        : `${decided.reason}${lastDetail(r)}`;
                this.log(`metric ${JSON.stringify(metric.name)}: ${r.phase}: ${r.message}`);
                if (decided.phase !== 'Successful')
                    terminate(state);
                return;
            }
            const wait = m.phase === 'Error' ? this.errorRetryMs : (metric.intervalMs ?? 0);
            if (wait > 0)
                await this.sleep(wait, stop);
            // A measurement that settled at once leaves only microtasks behind; without a macrotask
            // hop, timers (the overall timeout) and cancellation could never run between measurements.
            else
                await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setImmediate)();
        }
    }
    /**
     * One measurement, bounded by the metric's timeout. Undefined when it was abandoned because
     * the group was terminated; Error when the run ended (timeout, cancellation) or the
     * measurement timed out or failed.
     */
    async measure(p, stop) {
        const startedAt = this.now();
        const ctl = new AbortController();
        const onStop = () => ctl.abort(stop.reason);
        stop.addEventListener('abort', onStop, { once: true });
        const timer = new AbortController();
        let timedOut = false;
        void this.sleep(p.metric.timeoutMs, AbortSignal.any([timer.signal, ctl.signal])).then(() => {
            if (!timer.signal.aborted && !ctl.signal.aborted) {
                timedOut = true;
                ctl.abort(new Error('measurement timeout'));
            }
        });
        const aborted = new Promise((_, reject) => {
            ctl.signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
        });
        aborted.catch(() => undefined);
        const ctx = {
            fetch: this.opts.fetch,
            signal: ctl.signal,
            env: this.env,
            secret: (value) => {
                this.redactor.add(value);
            },
            log: (line) => this.log(`metric ${JSON.stringify(p.metric.name)}: ${line}`),
            clock: this.clock,
            ...(this.opts.github && { github: this.opts.github }),
            target: this.opts.target,
        };
        const error = (message) => ({
            phase: 'Error',
            startedAt,
            finishedAt: this.now(),
            message: this.redactor.redact(message),
        });
        let measurement;
        try {
            const pending = Promise.resolve().then(() => p.provider.measure(p.config, ctx));
            pending.catch(() => undefined);
            measurement = await Promise.race([pending, aborted]);
        }
        catch (err) {
            if (timedOut) {
                return error(`measurement timed out after ${(0,_pipeline_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(p.metric.timeoutMs)}`);
            }
            if (this.run.signal.aborted)
                return error(`aborted: ${this.endReason}`);
            if (stop.aborted)
                return undefined;
            const failed = error((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(err));
            // A configuration problem (a missing key, no token) will not go away by asking again.
            if (err instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL)
                this.fatal.add(failed);
            return failed;
        }
        finally {
            timer.abort();
            stop.removeEventListener('abort', onStop);
        }
        const vars = { ...measurement.vars, result: measurement.result };
        const outcome = (0,_conditions_js__WEBPACK_IMPORTED_MODULE_4__/* .assessMeasurement */ .P)({
            ...(p.successCondition !== undefined && { successCondition: p.successCondition }),
            ...(p.failureCondition !== undefined && { failureCondition: p.failureCondition }),
        }, vars, measurement.phase, this.interrupt);
        if (this.run.signal.aborted)
            return error(`aborted: ${this.endReason}`);
        const value = measurement.detail ?? formatResult(measurement.result);
        const message = outcome.message ||
            (measurement.phase && measurement.phase !== 'Successful' ? (measurement.detail ?? '') : '');
        return {
            phase: outcome.phase,
            startedAt,
            finishedAt: this.now(),
            value: this.redactor.redact(value),
            ...(message && { message: this.redactor.redact(message) }),
        };
    }
    finish(startedAt, states, invalid) {
        const metrics = states.map((s) => this.redactResult(s.result));
        const judged = metrics.filter((m) => m.phase !== 'Skipped');
        const phase = invalid
            ? 'Error'
            : worstPhase(judged.map((m) => m.phase).concat(this.endReason ? ['Error'] : []));
        let message;
        if (invalid)
            message = invalid;
        else if (phase === 'Successful') {
            message =
                metrics.length === 1
                    ? `metric ${JSON.stringify(metrics[0]?.name)} Successful`
                    : `all ${metrics.length} metrics Successful`;
        }
        else {
            const bad = judged
                .filter((m) => m.phase !== 'Successful')
                .sort((a, b) => SEVERITY[b.phase] - SEVERITY[a.phase])
                .map((m) => `metric ${JSON.stringify(m.name)} assessed ${m.phase}: ${m.message}`);
            message = [this.endReason && !bad.length ? this.endReason : '', ...bad]
                .filter(Boolean)
                .join('; ');
        }
        return {
            phase,
            message: this.redactor.redact(message),
            startedAt,
            finishedAt: this.now(),
            metrics,
        };
    }
    redactResult(r) {
        const red = (s) => this.redactor.redact(s);
        return {
            ...r,
            message: red(r.message),
            measurements: r.measurements.map((m) => ({
                ...m,
                ...(m.value !== undefined && { value: red(m.value) }),
                ...(m.message !== undefined && { message: red(m.message) }),
            })),
        };
    }
}
/**
 * Problems that can be found in a stage's metrics without running anything (for `gantry lint`):
 * providers that are not available, and configurations the provider's `parse` rejects. A
 * configuration holding `${{ }}` is left to run time, when its values are known.
 */
function checkMetricConfigs(metrics, providers) {
    const problems = [];
    for (const metric of metrics) {
        const where = `verification metric ${JSON.stringify(metric.name)}`;
        const provider = providers.get(metric.provider.name);
        if (!provider) {
            problems.push(`${where}: provider ${JSON.stringify(metric.provider.name)} is not available`);
            continue;
        }
        if (hasTemplate(metric.provider.config))
            continue;
        try {
            provider.parse(metric.provider.config, `${where}: provider ${provider.name}`);
        }
        catch (err) {
            problems.push((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(err));
        }
    }
    return problems;
}
function hasTemplate(value, depth = 0) {
    if (depth > 100)
        return false;
    if (typeof value === 'string')
        return (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_1__/* .hasExpression */ .xS)(value);
    if (Array.isArray(value))
        return value.some((v) => hasTemplate(v, depth + 1));
    if (value !== null && typeof value === 'object') {
        return Object.values(value).some((v) => hasTemplate(v, depth + 1));
    }
    return false;
}
/** Run a stage's verification metrics to completion. Never throws for what a metric does. */
async function runAnalysis(opts) {
    return new Runner(opts).start();
}


/***/ }),

/***/ 6457:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ assessMeasurement)
/* harmony export */ });
/* unused harmony export CONDITION_FUNCTIONS */
/* harmony import */ var _expr_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1750);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);
/**
 * Turning a measurement into a phase with a metric's `successCondition` / `failureCondition`,
 * as Argo Rollouts does (utils/evaluate EvaluateResult):
 *
 * - no conditions: Successful (unless the provider decided: command's exit status, argocd's
 *   health; see Measurement.phase);
 * - only successCondition: Successful when true, Failed when false;
 * - only failureCondition: Failed when true, Successful when false;
 * - both: Failed when failureCondition is true, else Successful when successCondition is true,
 *   else Inconclusive;
 * - a condition that cannot be evaluated (`result[0]` on an empty vector, a syntax error) or
 *   that is not a bool (`expected bool, but got string`) makes the measurement an Error.
 *
 * Conditions see `result` (plus what the provider adds, e.g. http's `response`) and Argo's
 * helper functions `asInt`, `asFloat`, `isNaN`, `isInf`, `isNil` and `default`, next to every
 * builtin of gantry's expression language (`len`, `all`, `any`, …).
 */


function toNumber(name, v) {
    if (typeof v === 'number')
        return v;
    if (typeof v === 'string') {
        const t = v.trim();
        const n = /^[+-]?inf(inity)?$/i.test(t)
            ? t.startsWith('-')
                ? -Infinity
                : Infinity
            : /^nan$/i.test(t)
                ? NaN
                : t === ''
                    ? NaN
                    : Number(t);
        if (!Number.isNaN(n) || /^nan$/i.test(t))
            return n;
        throw new Error(`${name}(): cannot parse ${JSON.stringify(v)} as a number`);
    }
    throw new Error(`${name}() not supported on ${(0,_expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .formatValue */ .Fl)(v)}`);
}
/** Argo Rollouts' condition helpers (utils/evaluate). */
const CONDITION_FUNCTIONS = {
    asInt: (args) => {
        const [v] = (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .expectArgs */ .dA)('asInt', args, ['any']);
        if (typeof v === 'string' && !/^[+-]?\d+$/.test(v.trim())) {
            throw new Error(`asInt(): cannot parse ${JSON.stringify(v)} as an integer`);
        }
        return Math.trunc(toNumber('asInt', v));
    },
    asFloat: (args) => toNumber('asFloat', (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .expectArgs */ .dA)('asFloat', args, ['any'])[0]),
    isNaN: (args) => Number.isNaN((0,_expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .expectArgs */ .dA)('isNaN', args, ['number'])[0]),
    isInf: (args) => {
        const [v] = (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .expectArgs */ .dA)('isInf', args, ['number']);
        return v === Infinity || v === -Infinity;
    },
    isNil: (args) => {
        const [v] = (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .expectArgs */ .dA)('isNil', args, ['any']);
        return v === null || v === undefined;
    },
    default: (args) => {
        const [v, d] = (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .expectArgs */ .dA)('default', args, ['any', 'any']);
        return v === null || v === undefined ? d : v;
    },
};
/** Evaluate one condition; it must give a bool (Argo: `expected bool, but got …`). */
function evalCondition(field, source, env, interrupt) {
    let value;
    try {
        value = (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .compileExpr */ .Pd)(source).evaluate(env, {
            functions: CONDITION_FUNCTIONS,
            ...(interrupt && { interrupt }),
        });
    }
    catch (err) {
        throw new Error(`${field} ${JSON.stringify(source)}: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`, { cause: err });
    }
    if (typeof value !== 'boolean') {
        const type = value === null || value === undefined ? 'nil' : typeof value;
        throw new Error(`${field} ${JSON.stringify(source)}: expected bool, but got ${type}`);
    }
    return value;
}
/**
 * The phase of one measurement. `providerPhase` is what the provider decided by itself; it is
 * used only when the metric has no condition. `interrupt` ends a long evaluation (the run's
 * deadline); see EvalOptions.interrupt.
 */
function assessMeasurement(conditions, env, providerPhase, interrupt) {
    const { successCondition: success, failureCondition: failure } = conditions;
    if (success === undefined && failure === undefined) {
        return { phase: providerPhase ?? 'Successful', message: '' };
    }
    let ok = false;
    let bad = false;
    try {
        if (success !== undefined)
            ok = evalCondition('successCondition', success, env, interrupt);
        if (failure !== undefined)
            bad = evalCondition('failureCondition', failure, env, interrupt);
    }
    catch (err) {
        return { phase: 'Error', message: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err) };
    }
    if (failure !== undefined && bad) {
        return { phase: 'Failed', message: `failureCondition ${JSON.stringify(failure)} is true` };
    }
    if (success !== undefined && !ok && failure === undefined) {
        return { phase: 'Failed', message: `successCondition ${JSON.stringify(success)} is false` };
    }
    if (success !== undefined && !ok) {
        return {
            phase: 'Inconclusive',
            message: `neither successCondition ${JSON.stringify(success)} nor failureCondition ${JSON.stringify(failure)} is true`,
        };
    }
    return {
        phase: 'Successful',
        message: success !== undefined
            ? `successCondition ${JSON.stringify(success)} is true`
            : `failureCondition ${JSON.stringify(failure)} is false`,
    };
}


/***/ }),

/***/ 2779:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sP: () => (/* reexport */ defaultProviders)
});

// UNUSED EXPORTS: CONDITION_FUNCTIONS, DEFAULT_ERROR_RETRY_INTERVAL_MS, WAITING_PROVIDERS, assessMeasurement, assessMetric, assessWaiting, checkMetricConfigs, envReferences, formatResult, realSleep, renderMetric, runAnalysis, templateEnv, worstPhase

// EXTERNAL MODULE: ./src/verification/analysis.ts
var analysis = __webpack_require__(7453);
// EXTERNAL MODULE: ./src/verification/conditions.ts
var conditions = __webpack_require__(6457);
// EXTERNAL MODULE: ./src/verification/templates.ts
var templates = __webpack_require__(8640);
// EXTERNAL MODULE: ./src/verification/providers/argocd.ts
var argocd = __webpack_require__(8246);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/pipeline/duration.ts
var duration = __webpack_require__(2512);
// EXTERNAL MODULE: ./src/verification/providers/fields.ts
var fields = __webpack_require__(141);
;// CONCATENATED MODULE: ./src/verification/providers/command.ts
/**
 * The `command` provider (gantry's own; Argo Rollouts' nearest is the Kubernetes `job` metric):
 * one shell command per measurement, run with `/bin/sh -c` in the job.
 *
 * Fields: `run` (required, the script), `timeout` (a duration such as 2m; the metric's own
 * `timeout`, default 5m, applies anyway), `env` (a mapping of extra variables, or `[{name,
 * value}]`), `dir` (the working directory; default a fresh temporary directory, removed
 * afterwards; a relative path is taken from the job's working directory).
 *
 * The command inherits the environment the adapter passes in (the verify step's environment),
 * plus GANTRY_PROJECT, GANTRY_STAGE, GANTRY_FREIGHT, GANTRY_FREIGHT_ALIAS and GANTRY_COMMIT (when
 * known), plus `env`.
 *
 * `result` is `{exitCode, stdout, stderr, json}`: `json` is stdout parsed as JSON when it is JSON
 * (nil otherwise). stdout and stderr keep at most 1 MiB each. Without conditions exit status 0
 * is Successful and any other Failed; with conditions, they decide (`result.json.ready ==
 * true`). A command that cannot start, is killed by a signal or runs out of time is an Error;
 * when it is stopped the whole process group is killed (SIGTERM, then SIGKILL after 2s).
 */






const FIELDS = ['run', 'timeout', 'env', 'dir'];
/** Most of stdout and of stderr a measurement keeps. */
const MAX_OUTPUT_BYTES = 1024 * 1024;
/** Between SIGTERM and SIGKILL when a command is stopped. */
const KILL_GRACE_MS = 2000;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function envOf(where, v) {
    const out = {};
    const add = (at, name, value) => {
        if (typeof name !== 'string' || !ENV_NAME.test(name)) {
            (0,fields/* fail */.fJ)(where, at, `variable name must be letters, digits and _, got ${JSON.stringify(name)}`);
        }
        if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
            (0,fields/* fail */.fJ)(where, at, 'must be a string');
        }
        out[name] = String(value);
    };
    if (v === undefined || v === null)
        return out;
    if (Array.isArray(v)) {
        v.forEach((e, i) => {
            if (!(0,fields/* isRecord */.u4)(e))
                (0,fields/* fail */.fJ)(where, `env[${i}]`, 'must be a mapping {name, value}');
            add(`env[${i}]`, e.name, e.value);
        });
    }
    else if ((0,fields/* isRecord */.u4)(v)) {
        for (const [name, value] of Object.entries(v))
            add(`env.${name}`, name, value);
    }
    else {
        (0,fields/* fail */.fJ)(where, 'env', 'must be a mapping of variable names to values');
    }
    return out;
}
function parse(config, where) {
    const c = (0,fields/* checkConfig */.l2)(where, 'command', config, FIELDS);
    const timeoutMs = (0,fields/* optionalTimeout */.kt)(where, c, 'timeout');
    const dir = (0,fields/* optionalString */.sx)(where, c, 'dir');
    if (dir === '')
        (0,fields/* fail */.fJ)(where, 'dir', 'must not be empty');
    return {
        run: (0,fields/* requiredString */.Fk)(where, c, 'run'),
        ...(timeoutMs !== undefined && { timeoutMs }),
        env: envOf(where, c.env),
        ...(dir !== undefined && { dir }),
    };
}
class Capped {
    chunks = [];
    size = 0;
    truncated = false;
    push(b) {
        if (this.size >= MAX_OUTPUT_BYTES) {
            this.truncated = true;
            return;
        }
        const room = MAX_OUTPUT_BYTES - this.size;
        const part = b.length > room ? b.subarray(0, room) : b;
        if (part.length < b.length)
            this.truncated = true;
        this.chunks.push(part);
        this.size += part.length;
    }
    text() {
        return Buffer.concat(this.chunks).toString('utf8');
    }
}
function lastLine(text) {
    const lines = text.trim().split('\n');
    const line = (lines[lines.length - 1] ?? '').trim();
    return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
async function measure(config, ctx) {
    const temp = config.dir === undefined ? await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'gantry-verify-')) : undefined;
    const cwd = temp ?? (0,external_node_path_.resolve)(config.dir ?? '.');
    const env = {};
    for (const [k, v] of Object.entries(ctx.env))
        if (v !== undefined)
            env[k] = v;
    Object.assign(env, {
        GANTRY_PROJECT: ctx.target.project,
        GANTRY_STAGE: ctx.target.stage,
        GANTRY_FREIGHT: ctx.target.freightId,
        GANTRY_FREIGHT_ALIAS: ctx.target.freightAlias,
        ...(ctx.target.commit !== undefined && { GANTRY_COMMIT: ctx.target.commit }),
        ...config.env,
    });
    try {
        return await new Promise((resolvePromise, reject) => {
            const child = (0,external_node_child_process_.spawn)('/bin/sh', ['-c', config.run], {
                cwd,
                env,
                detached: true, // its own process group, so that stopping it stops its children too
                stdio: ['ignore', 'pipe', 'pipe'],
            });
            const stdout = new Capped();
            const stderr = new Capped();
            child.stdout.on('data', (b) => stdout.push(b));
            child.stderr.on('data', (b) => stderr.push(b));
            let stopped;
            let killTimer;
            const killGroup = (signal) => {
                try {
                    if (child.pid !== undefined)
                        process.kill(-child.pid, signal);
                }
                catch {
                    // Already gone.
                }
            };
            const stop = (why) => {
                if (stopped !== undefined || child.exitCode !== null)
                    return;
                stopped = why;
                killGroup('SIGTERM');
                killTimer = setTimeout(() => killGroup('SIGKILL'), KILL_GRACE_MS);
                killTimer.unref();
            };
            const onAbort = () => stop('stopped');
            ctx.signal.addEventListener('abort', onAbort, { once: true });
            if (ctx.signal.aborted)
                onAbort();
            const timer = config.timeoutMs !== undefined
                ? setTimeout(() => stop(`timed out after ${(0,duration/* formatDuration */.a3)(config.timeoutMs ?? 0)}`), config.timeoutMs)
                : undefined;
            const cleanup = () => {
                ctx.signal.removeEventListener('abort', onAbort);
                if (timer)
                    clearTimeout(timer);
            };
            child.once('error', (err) => {
                cleanup();
                reject(new Error(`command could not start: ${err.message}`));
            });
            child.once('close', (code, signal) => {
                cleanup();
                // The group may still hold children that closed their output early.
                if (stopped !== undefined)
                    killGroup('SIGKILL');
                if (killTimer)
                    clearTimeout(killTimer);
                if (stdout.truncated)
                    ctx.log('stdout was longer than 1 MiB and was cut');
                if (stderr.truncated)
                    ctx.log('stderr was longer than 1 MiB and was cut');
                const err = stderr.text();
                if (stopped !== undefined) {
                    reject(new Error(`command ${stopped}${err ? ` (stderr: ${lastLine(err)})` : ''}`));
                    return;
                }
                if (code === null) {
                    reject(new Error(`command was killed by ${signal ?? 'a signal'}${err ? ` (stderr: ${lastLine(err)})` : ''}`));
                    return;
                }
                const out = stdout.text();
                let json = null;
                if (out.trim() !== '') {
                    try {
                        json = JSON.parse(out);
                    }
                    catch {
                        json = null;
                    }
                }
                const tail = code !== 0 ? lastLine(err) || lastLine(out) : '';
                resolvePromise({
                    result: { exitCode: code, stdout: out, stderr: err, json },
                    phase: code === 0 ? 'Successful' : 'Failed',
                    detail: `exit status ${code}${tail ? `: ${tail}` : ''}`,
                });
            });
        });
    }
    finally {
        if (temp !== undefined)
            await (0,promises_.rm)(temp, { recursive: true, force: true });
    }
}
const command = { name: 'command', parse, measure };

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/http-body.ts
var http_body = __webpack_require__(1871);
// EXTERNAL MODULE: ./src/util/suggest.ts
var suggest = __webpack_require__(7406);
;// CONCATENATED MODULE: ./src/verification/providers/datadog.ts
/**
 * The `datadog` provider, with Argo Rollouts' Datadog provider semantics
 * (argoproj/argo-rollouts metricproviders/datadog, docs/analysis/datadog.md):
 *
 * - `apiVersion: v1` (Argo's default) sends `query` to `GET /api/v1/query?from&to&query` (Unix
 *   seconds); `result` is the value of the last point of the first series.
 * - `apiVersion: v2` sends `query`, or `queries` (name → query) with an optional `formula`, to
 *   `POST /api/v2/query/scalar` (Unix milliseconds, `aggregator` default `last`); `result` is the
 *   first value of the first number column, or, for a `by {tag}` query, the list of values.
 * - No data gives `result` null (Argo evaluates nil): write `default(result, 0) < 0.05`.
 * - `interval` is the look-back window (default 5m), not the polling rate (that is the metric's).
 * - Keys: `apiKey`/`appKey` in the config, else DD_API_KEY/DD_APP_KEY from the environment,
 *   sent as DD-API-KEY/DD-APPLICATION-KEY. Endpoint: `address`, else `https://api.<site>` (site
 *   default datadoghq.com), else DD_ADDRESS / DD_SITE.
 *
 * The provider never sets a phase: conditions decide. Failures to measure (auth, bad query,
 * rate limit, timeouts) are thrown, so the runner records an Error measurement.
 */





const DATADOG_AGGREGATORS = [
    'avg',
    'min',
    'max',
    'sum',
    'last',
    'percentile',
    'mean',
    'l2norm',
    'area',
];
const datadog_FIELDS = [
    'apiVersion',
    'query',
    'queries',
    'formula',
    'interval',
    'aggregator',
    'address',
    'site',
    'apiKey',
    'appKey',
    'requestTimeout',
];
const DEFAULT_SITE = 'datadoghq.com';
const DEFAULT_INTERVAL = '5m';
const DEFAULT_REQUEST_TIMEOUT = '10s';
const QUERY_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Enough of an error body to explain it; Datadog's are short, proxies' HTML pages are not. */
const MAX_BODY_IN_MESSAGE = 300;
function datadog_duration(where, field, text, minMs) {
    let ms;
    try {
        ms = (0,duration/* parseDuration */.E9)(text);
    }
    catch (err) {
        (0,fields/* fail */.fJ)(where, field, (0,errors/* errorMessage */.gJ)(err));
    }
    if (ms < minMs)
        (0,fields/* fail */.fJ)(where, field, `must be at least ${minMs / 1000}s, not "${text}"`);
    return ms;
}
function httpUrl(where, field, text) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        (0,fields/* fail */.fJ)(where, field, `"${text}" is not a URL (expected https://api.datadoghq.com or similar)`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        (0,fields/* fail */.fJ)(where, field, `must be an http(s) URL, not "${text}"`);
    }
    if (url.username || url.password) {
        (0,fields/* fail */.fJ)(where, field, 'must not hold credentials: use apiKey/appKey (or DD_API_KEY/DD_APP_KEY)');
    }
    return text.replace(/\/+$/, '');
}
function datadog_parse(config, where) {
    if (!(0,fields/* isRecord */.u4)(config))
        (0,fields/* fail */.fJ)(where, 'datadog', 'must be a mapping');
    for (const k of Object.keys(config)) {
        if (!datadog_FIELDS.includes(k)) {
            const hint = (0,suggest/* suggest */.ZA)(k, datadog_FIELDS);
            (0,fields/* fail */.fJ)(where, k, `is not a field of the datadog provider${hint ? ` (did you mean ${hint}?)` : ''}`);
        }
    }
    const version = config.apiVersion ?? 'v1';
    if (version !== 'v1' && version !== 'v2') {
        (0,fields/* fail */.fJ)(where, 'apiVersion', `must be v1 or v2, not ${JSON.stringify(version)}`);
    }
    const query = (0,fields/* optionalNonEmptyString */.W2)(where, config, 'query');
    const formula = (0,fields/* optionalNonEmptyString */.W2)(where, config, 'formula');
    let queries;
    if (config.queries !== undefined && config.queries !== null) {
        if (!(0,fields/* isRecord */.u4)(config.queries))
            (0,fields/* fail */.fJ)(where, 'queries', 'must be a mapping of name to query');
        queries = {};
        for (const [name, q] of Object.entries(config.queries)) {
            if (!QUERY_NAME.test(name)) {
                (0,fields/* fail */.fJ)(where, `queries.${name}`, 'a query name is a letter or _ followed by letters, digits or _');
            }
            if (typeof q !== 'string' || q.trim() === '') {
                (0,fields/* fail */.fJ)(where, `queries.${name}`, 'must be a non-empty string');
            }
            queries[name] = q;
        }
        if (Object.keys(queries).length === 0)
            (0,fields/* fail */.fJ)(where, 'queries', 'must name at least one query');
    }
    // The checks of Argo Rollouts' validateIncomingProps, in its order.
    if (query === undefined && queries === undefined) {
        (0,fields/* fail */.fJ)(where, 'query', 'is required (or, with apiVersion v2, queries)');
    }
    if (query !== undefined && queries !== undefined) {
        (0,fields/* fail */.fJ)(where, 'queries', 'cannot be used together with query: use one or the other');
    }
    if (version === 'v1' && query === undefined) {
        (0,fields/* fail */.fJ)(where, 'queries', 'needs apiVersion: v2 (v1 takes a single query)');
    }
    if (formula !== undefined && queries === undefined) {
        (0,fields/* fail */.fJ)(where, 'formula', 'needs queries (a formula combines named queries)');
    }
    if (version === 'v1' && formula !== undefined) {
        (0,fields/* fail */.fJ)(where, 'formula', 'needs apiVersion: v2');
    }
    if (formula === undefined && queries !== undefined && Object.keys(queries).length > 1) {
        (0,fields/* fail */.fJ)(where, 'formula', 'is required when there are several queries (which one would decide?)');
    }
    let aggregator;
    if (config.aggregator !== undefined && config.aggregator !== null) {
        if (version === 'v1')
            (0,fields/* fail */.fJ)(where, 'aggregator', 'needs apiVersion: v2 (v1 has no aggregator)');
        if (!DATADOG_AGGREGATORS.includes(config.aggregator)) {
            (0,fields/* fail */.fJ)(where, 'aggregator', `must be one of ${DATADOG_AGGREGATORS.join(', ')}`);
        }
        aggregator = config.aggregator;
    }
    const intervalText = (0,fields/* optionalNonEmptyString */.W2)(where, config, 'interval') ?? DEFAULT_INTERVAL;
    // Datadog takes whole seconds (v1) and Argo truncates to seconds too.
    const intervalMs = Math.floor(datadog_duration(where, 'interval', intervalText, 1000) / 1000) * 1000;
    const timeoutText = (0,fields/* optionalNonEmptyString */.W2)(where, config, 'requestTimeout') ?? DEFAULT_REQUEST_TIMEOUT;
    const requestTimeoutMs = datadog_duration(where, 'requestTimeout', timeoutText, 1);
    const address = (0,fields/* optionalNonEmptyString */.W2)(where, config, 'address');
    let site = (0,fields/* optionalNonEmptyString */.W2)(where, config, 'site');
    if (site !== undefined) {
        site = normaliseSite(site);
        if (!/^[a-z0-9.-]+$/i.test(site)) {
            (0,fields/* fail */.fJ)(where, 'site', `"${site}" is not a Datadog site such as datadoghq.eu or us3.datadoghq.com`);
        }
    }
    const apiKey = (0,fields/* optionalNonEmptyString */.W2)(where, config, 'apiKey');
    const appKey = (0,fields/* optionalNonEmptyString */.W2)(where, config, 'appKey');
    return {
        apiVersion: version,
        ...(query !== undefined && { query }),
        ...(queries !== undefined && { queries }),
        ...(formula !== undefined && { formula }),
        intervalMs,
        ...(aggregator !== undefined && { aggregator }),
        ...(address !== undefined && { address: httpUrl(where, 'address', address) }),
        ...(site !== undefined && { site }),
        ...(apiKey !== undefined && { apiKey }),
        ...(appKey !== undefined && { appKey }),
        requestTimeoutMs,
    };
}
/** `app.datadoghq.eu` (what the browser shows) and `datadoghq.eu` (DD_SITE) name the same site. */
function normaliseSite(site) {
    return site
        .trim()
        .replace(/^https?:\/\//, '')
        .replace(/\/+$/, '')
        .replace(/^(app|api)\./, '');
}
function baseUrl(config, env) {
    if (config.address)
        return config.address;
    if (config.site)
        return `https://api.${config.site}`;
    const envAddress = env.DD_ADDRESS?.trim();
    if (envAddress)
        return envAddress.replace(/\/+$/, '');
    const envSite = env.DD_SITE?.trim();
    return `https://api.${envSite ? normaliseSite(envSite) : DEFAULT_SITE}`;
}
function keys(config, ctx) {
    const apiKey = config.apiKey ?? ctx.env.DD_API_KEY;
    const appKey = config.appKey ?? ctx.env.DD_APP_KEY;
    // Register what we have before complaining, so nothing below can print it.
    if (apiKey)
        ctx.secret(apiKey);
    if (appKey)
        ctx.secret(appKey);
    const missing = [
        ...(apiKey ? [] : ['an API key (apiKey, or DD_API_KEY in the environment)']),
        ...(appKey ? [] : ['an application key (appKey, or DD_APP_KEY in the environment)']),
    ];
    if (missing.length || !apiKey || !appKey) {
        throw new errors/* ConfigError */.xL(`datadog: ${missing.join(' and ')} is required`);
    }
    return { apiKey, appKey, secrets: [apiKey, appKey] };
}
/** Belt and braces: the runner masks registered secrets, but our own messages never hold them. */
function scrub(text, secrets) {
    let out = text;
    for (const s of secrets)
        if (s.length >= 4)
            out = out.split(s).join('***');
    return out;
}
function clip(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > MAX_BODY_IN_MESSAGE ? `${flat.slice(0, MAX_BODY_IN_MESSAGE)}…` : flat;
}
/** Datadog's error body is `{"errors": ["…"]}` (APIErrorResponse); anything else is shown clipped. */
function errorText(body) {
    try {
        const parsed = JSON.parse(body);
        if ((0,fields/* isRecord */.u4)(parsed) && Array.isArray(parsed.errors) && parsed.errors.length) {
            return parsed.errors.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join('; ');
        }
    }
    catch {
        // not JSON
    }
    return clip(body) || '(empty body)';
}
function rateLimitText(headers) {
    const h = (n) => headers.get(n);
    const parts = [];
    const name = h('x-ratelimit-name');
    if (name)
        parts.push(`limit ${name}`);
    const limit = h('x-ratelimit-limit');
    const period = h('x-ratelimit-period');
    if (limit)
        parts.push(`${limit} requests${period ? ` per ${period}s` : ''}`);
    const remaining = h('x-ratelimit-remaining');
    if (remaining)
        parts.push(`${remaining} left`);
    const reset = h('x-ratelimit-reset');
    if (reset)
        parts.push(`resets in ${reset}s`);
    return parts.join(', ');
}
/**
 * Most of a Datadog answer read. gantry reads one series' last point; a query grouped by a
 * busy tag answers a few MiB at most, so more is a broken proxy or a query to narrow.
 */
const DATADOG_MAX_BODY_BYTES = 8 << 20;
async function send(ctx, url, init, timeoutMs, secrets) {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = AbortSignal.any([ctx.signal, timeout]);
    const host = new URL(url).host;
    try {
        const res = await ctx.fetch(url, { ...init, signal, redirect: 'follow' });
        const body = await (0,http_body/* readText */.yR)(res, {
            url,
            maxBytes: DATADOG_MAX_BODY_BYTES,
            what: 'the Datadog response',
        });
        return { status: res.status, statusText: res.statusText, headers: res.headers, body };
    }
    catch (err) {
        if (err instanceof http_body/* BodyTooLargeError */.Au)
            throw err;
        if (timeout.aborted) {
            throw new Error(`Datadog API request to ${host} timed out after ${timeoutMs / 1000}s`, {
                cause: err,
            });
        }
        if (ctx.signal.aborted) {
            throw new Error(`Datadog API request to ${host} was cancelled`, { cause: err });
        }
        const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
        throw new Error(scrub(`Datadog API request to ${host} failed: ${(0,errors/* errorMessage */.gJ)(err)}${cause}`, secrets), { cause: err });
    }
}
function checkStatus(sent, route, secrets) {
    if (sent.status === 200)
        return;
    const what = `${sent.status}${sent.statusText ? ` ${sent.statusText}` : ''}`;
    const text = errorText(sent.body);
    let message;
    if (sent.status === 401 || sent.status === 403) {
        message =
            `Datadog refused the keys for ${route} (${what}: ${text}); check the API and application ` +
                'keys (apiKey/appKey or DD_API_KEY/DD_APP_KEY), that they belong to this site, and that the ' +
                'application key may query timeseries (timeseries_query)';
    }
    else if (sent.status === 429) {
        const limits = rateLimitText(sent.headers);
        message =
            `Datadog rate limit hit on ${route} (${what}${limits ? `; ${limits}` : ''}): ` +
                'poll less often (the metric interval) or ask Datadog support to raise it';
    }
    else {
        message = `Datadog answered ${what} to ${route}: ${text}`;
    }
    throw new Error(scrub(message, secrets));
}
function parseJson(sent, route) {
    try {
        return JSON.parse(sent.body);
    }
    catch {
        throw new Error(`Datadog answered ${route} with a body that is not JSON: ${clip(sent.body)}`);
    }
}
const fmt = (n) => (Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(6))));
const datadog_window = (ms) => ms % 3_600_000 === 0
    ? `${ms / 3_600_000}h`
    : ms % 60_000 === 0
        ? `${ms / 60_000}m`
        : `${ms / 1000}s`;
async function measureV1(config, ctx, base, k) {
    const query = config.query ?? '';
    const to = Math.floor(ctx.clock().getTime() / 1000);
    const from = to - config.intervalMs / 1000;
    const params = new URLSearchParams({ from: String(from), to: String(to), query });
    const route = 'GET /api/v1/query';
    ctx.log(`datadog: ${route} on ${new URL(base).host}, last ${datadog_window(config.intervalMs)}: ${query}`);
    const sent = await send(ctx, `${base}/api/v1/query?${params}`, {
        method: 'GET',
        headers: {
            Accept: 'application/json',
            'DD-API-KEY': k.apiKey,
            'DD-APPLICATION-KEY': k.appKey,
        },
    }, config.requestTimeoutMs, k.secrets);
    checkStatus(sent, route, k.secrets);
    const body = parseJson(sent, route);
    if (!(0,fields/* isRecord */.u4)(body))
        throw new Error(`Datadog answered ${route} with ${clip(sent.body)}`);
    if (body.status === 'error' || (typeof body.error === 'string' && body.error)) {
        throw new Error(`Datadog could not run the query: ${String(body.error ?? body.message ?? 'error')}`);
    }
    const series = Array.isArray(body.series) ? body.series : [];
    const first = series[0];
    const points = (0,fields/* isRecord */.u4)(first) && Array.isArray(first.pointlist) ? first.pointlist : [];
    const last = points[points.length - 1];
    if (!Array.isArray(last)) {
        return {
            result: null,
            detail: `no data in the last ${datadog_window(config.intervalMs)}; result is null (conditions can use default(result, 0))`,
        };
    }
    if (last.length !== 2)
        throw new Error('Datadog returned a point that does not have 2 values');
    const [ts, value] = last;
    if (value === null) {
        return {
            result: null,
            detail: `the last point of the series has no value; result is null (conditions can use default(result, 0))`,
        };
    }
    if (typeof value !== 'number')
        throw new Error(`Datadog returned a non-numeric point value ${JSON.stringify(value)}`);
    const at = typeof ts === 'number' ? ` at ${new Date(ts).toISOString()}` : '';
    const more = series.length > 1 ? ` (first of ${series.length} series)` : '';
    return { result: value, detail: `${fmt(value)}${at}${more}` };
}
async function measureV2(config, ctx, base, k) {
    const queries = config.queries ?? { query: config.query ?? '' };
    const aggregator = config.aggregator ?? 'last';
    const to = Math.floor(ctx.clock().getTime() / 1000) * 1000;
    const from = to - config.intervalMs;
    const payload = {
        data: {
            type: 'scalar_request',
            attributes: {
                from,
                to,
                queries: Object.entries(queries).map(([name, query]) => ({
                    aggregator,
                    data_source: 'metrics',
                    name,
                    query,
                })),
                formulas: config.formula ? [{ formula: config.formula }] : [],
            },
        },
    };
    const route = 'POST /api/v2/query/scalar';
    const shown = config.formula ?? Object.values(queries)[0] ?? '';
    ctx.log(`datadog: ${route} on ${new URL(base).host}, last ${datadog_window(config.intervalMs)}, ${aggregator}: ${shown}`);
    const sent = await send(ctx, `${base}/api/v2/query/scalar`, {
        method: 'POST',
        headers: {
            Accept: 'application/json',
            'Content-Type': 'application/json',
            'DD-API-KEY': k.apiKey,
            'DD-APPLICATION-KEY': k.appKey,
        },
        body: JSON.stringify(payload),
    }, config.requestTimeoutMs, k.secrets);
    checkStatus(sent, route, k.secrets);
    const body = parseJson(sent, route);
    const data = (0,fields/* isRecord */.u4)(body) && (0,fields/* isRecord */.u4)(body.data) ? body.data : undefined;
    if (data && typeof data.errors === 'string' && data.errors) {
        throw new Error(`Datadog reported errors in the query: ${data.errors}`);
    }
    const attributes = data && (0,fields/* isRecord */.u4)(data.attributes) ? data.attributes : undefined;
    const columns = attributes && Array.isArray(attributes.columns) ? attributes.columns.filter(fields/* isRecord */.u4) : [];
    // As Argo: the first number column decides (a legacy column without a type counts as one); a
    // `group` column means a `by {tag}` query, whose result is the list of values, never a scalar.
    const numbers = columns.find((c) => c.type === undefined || c.type === '' || c.type === 'number');
    const groups = columns.filter((c) => c.type === 'group');
    const raw = numbers && Array.isArray(numbers.values) ? numbers.values : [];
    const values = [];
    const labels = [];
    raw.forEach((v, i) => {
        if (v === null)
            return; // Datadog's "no data for this group"
        if (typeof v !== 'number') {
            throw new Error(`Datadog returned a non-numeric value ${JSON.stringify(v)} in column ${String(numbers?.name)}`);
        }
        values.push(v);
        if (groups.length)
            labels.push(groupLabel(groups, i));
    });
    if (values.length === 0) {
        return {
            result: null,
            detail: `no data in the last ${datadog_window(config.intervalMs)}; result is null (conditions can use default(result, 0))`,
        };
    }
    if (!groups.length) {
        const value = values[0];
        return {
            result: value,
            detail: `${fmt(value)} (${aggregator} over ${datadog_window(config.intervalMs)})`,
        };
    }
    const shownGroups = values
        .slice(0, 5)
        .map((v, i) => `${labels[i]}=${fmt(v)}`)
        .join(', ');
    return {
        result: values,
        detail: `${values.length} group${values.length === 1 ? '' : 's'}: ${shownGroups}${values.length > 5 ? ', …' : ''}`,
    };
}
/** A row's label across every group column (`by {env, resource}` → `prod,GET /a`), as Argo does. */
function groupLabel(groups, row) {
    const parts = [];
    for (const g of groups) {
        const cell = Array.isArray(g.values) ? g.values[row] : undefined;
        if (!Array.isArray(cell) || cell.length === 0) {
            throw new Error(`Datadog returned no group label for row ${row}`);
        }
        parts.push(...cell.map(String));
    }
    return parts.join(',');
}
async function datadog_measure(config, ctx) {
    const k = keys(config, ctx);
    const base = baseUrl(config, ctx.env);
    return config.apiVersion === 'v1'
        ? measureV1(config, ctx, base, k)
        : measureV2(config, ctx, base, k);
}
const datadog = { name: 'datadog', parse: datadog_parse, measure: datadog_measure };

// EXTERNAL MODULE: ./src/util/regex.ts
var regex = __webpack_require__(7107);
;// CONCATENATED MODULE: ./src/verification/providers/github.ts
/**
 * The `github` provider (gantry's own): waits for the checks on the promotion commit in the
 * GitOps repository, the check runs (GitHub Actions jobs, GitHub Apps) and the commit statuses
 * (external CI), read through the verify adapter's GitHub client (`ctx.github`).
 *
 * Fields: `checks` (names of check runs or status contexts that must pass; `*` matches any run
 * of characters; default: every check that reports), `ignore` (names, with `*`, left out),
 * `ref` (default: the promotion commit), `includeCheckRuns` and `includeStatuses` (default
 * true).
 *
 * Each check is `success` (a check run that concluded success, neutral or skipped, as branch
 * protection counts them; a status `success`), `failure` (concluded failure, cancelled,
 * timed_out or action_required; a status `failure` or `error`) or `pending` (queued, running,
 * stale, or a status `pending`); the result keeps `neutral` and `skipped` apart. The
 * measurement is
 * - Failed as soon as a check that counts has failed;
 * - Successful when every name in `checks` has reported and all checks that match it passed
 *   (without `checks`: at least one check reported, and every one that is not ignored passed);
 * - Inconclusive otherwise: still waiting. The provider is one of the runner's waiting providers,
 *   so the metric polls until success, failure, or `count` measurements (then Inconclusive).
 *
 * A name in `checks` that no check has reported yet is waited for (a workflow may not have
 * started). Failures to read (no token, 401/403/404/422) are thrown: Error measurements.
 */



const github_FIELDS = ['checks', 'ignore', 'ref', 'includeStatuses', 'includeCheckRuns'];
const MAX_NAMES_IN_DETAIL = 5;
/**
 * `*` matches any run of characters (`/` and spaces too); everything else is literal. RE2, since
 * check names come from GitHub and `*a*a*a*…` would make a backtracking engine hang on them.
 */
function globToRegExp(pattern) {
    const body = pattern
        .split('*')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*');
    return (0,regex.compileRegex)(`(?s)^${body}$`);
}
function nameList(where, obj, field) {
    const v = obj[field];
    if (v === undefined || v === null)
        return undefined;
    if (!Array.isArray(v)) {
        (0,fields/* fail */.fJ)(where, field, 'must be a list of check names (check runs or status contexts)');
    }
    const out = [];
    v.forEach((item, i) => {
        if (typeof item !== 'string' || item.trim() === '') {
            (0,fields/* fail */.fJ)(where, `${field}[${i}]`, 'must be a non-empty check name');
        }
        const name = item.trim();
        const earlier = out.indexOf(name);
        if (earlier >= 0)
            (0,fields/* fail */.fJ)(where, `${field}[${i}]`, `repeats ${field}[${earlier}] (${name})`);
        out.push(name);
    });
    return out;
}
function github_parse(config, where) {
    const c = (0,fields/* checkConfig */.l2)(where, 'github', config, github_FIELDS);
    const checks = nameList(where, c, 'checks');
    if (checks !== undefined && checks.length === 0) {
        (0,fields/* fail */.fJ)(where, 'checks', 'must list at least one check name (leave it out to require every check)');
    }
    const ignore = nameList(where, c, 'ignore') ?? [];
    // A name that is required and ignored at once is a mistake; a glob may overlap an ignore.
    checks?.forEach((name, i) => {
        if (name.includes('*'))
            return;
        const j = ignore.findIndex((pattern) => globToRegExp(pattern).test(name));
        if (j >= 0)
            (0,fields/* fail */.fJ)(where, `checks[${i}]`, `${name} is also ignored (ignore[${j}]: ${ignore[j]})`);
    });
    const ref = (0,fields/* optionalString */.sx)(where, c, 'ref')?.trim();
    if (ref === '')
        (0,fields/* fail */.fJ)(where, 'ref', 'must not be empty (leave it out for the promotion commit)');
    const includeCheckRuns = (0,fields/* optionalBool */.RO)(where, c, 'includeCheckRuns') ?? true;
    const includeStatuses = (0,fields/* optionalBool */.RO)(where, c, 'includeStatuses') ?? true;
    if (!includeCheckRuns && !includeStatuses) {
        (0,fields/* fail */.fJ)(where, 'includeStatuses', 'and includeCheckRuns are both false: there is nothing to read');
    }
    return {
        ...(checks !== undefined && { checks }),
        ignore,
        ...(ref !== undefined && { ref }),
        includeCheckRuns,
        includeStatuses,
    };
}
function checkRunState(run) {
    if (run.status !== 'completed')
        return 'pending';
    switch (run.conclusion) {
        case 'success':
            return 'success';
        case 'neutral':
            return 'neutral';
        case 'skipped':
            return 'skipped';
        case 'failure':
        case 'cancelled':
        case 'timed_out':
        case 'action_required':
            return 'failure';
        default:
            // stale (GitHub gave up on it after 14 days), or a conclusion not known yet: not a pass.
            return 'pending';
    }
}
function statusState(s) {
    switch (s.state) {
        case 'success':
            return 'success';
        case 'failure':
        case 'error':
            return 'failure';
        default:
            return 'pending';
    }
}
const passed = (c) => c.state === 'success' || c.state === 'neutral' || c.state === 'skipped';
const github_short = (ref) => (/^[0-9a-f]{40,64}$/i.test(ref) ? ref.slice(0, 7) : ref);
/** Up to five names, sorted (GitHub's order changes as checks run), then how many more. */
function names(list) {
    const shown = [...list]
        .sort((a, b) => a.localeCompare(b))
        .slice(0, MAX_NAMES_IN_DETAIL)
        .join(', ');
    const more = list.length - MAX_NAMES_IN_DETAIL;
    return more > 0 ? `${shown} and ${more} more` : shown;
}
/** Decides from what GitHub reported; exported for tests and summaries. */
function assessChecks(config, ref, reported) {
    const ignored = config.ignore.map(globToRegExp);
    const present = reported.filter((c) => !ignored.some((re) => re.test(c.name)));
    let deciding;
    let missing = [];
    if (config.checks) {
        const required = config.checks.map((name) => ({ name, re: globToRegExp(name) }));
        deciding = present.filter((c) => required.some((r) => r.re.test(c.name)));
        missing = required.filter((r) => !present.some((c) => r.re.test(c.name))).map((r) => r.name);
    }
    else {
        deciding = present;
    }
    const failed = deciding.filter((c) => c.state === 'failure');
    const succeeded = deciding.filter(passed);
    const running = deciding.filter((c) => c.state === 'pending');
    const result = {
        ref,
        checks: deciding,
        missing,
        pending: running.length + missing.length,
        failed: failed.length,
        succeeded: succeeded.length,
    };
    const total = deciding.length + missing.length;
    const what = [
        config.includeCheckRuns && 'check runs',
        config.includeStatuses && 'commit statuses',
    ]
        .filter(Boolean)
        .join(' or ');
    let phase;
    let detail;
    if (failed.length > 0) {
        phase = 'Failed';
        detail = `failed: ${names(failed.map((c) => `${c.name} (${c.conclusion ?? c.state})`))}`;
        if (total > failed.length)
            detail += `; ${succeeded.length} of ${total} checks passed`;
    }
    else if (total === 0) {
        phase = 'Inconclusive';
        detail = `no ${what} on ${github_short(ref)} yet${reported.length > 0 ? ` (${reported.length} ignored)` : ''}`;
    }
    else if (result.pending === 0) {
        phase = 'Successful';
        detail = total === 1 ? `1 check passed: ${deciding[0]?.name}` : `all ${total} checks passed`;
    }
    else {
        phase = 'Inconclusive';
        const waiting = [
            ...running.map((c) => c.name),
            ...missing.map((name) => `${name} (not reported yet)`),
        ];
        detail = `${succeeded.length} of ${total} checks passed; waiting for ${names(waiting)}`;
    }
    return { result, phase, detail };
}
async function github_measure(config, ctx) {
    const github = ctx.github;
    if (!github) {
        throw new errors/* ConfigError */.xL('github: the github provider needs a token for the GitOps repository on GitHub ' +
            "(the verify step's token and a repository given as owner/name, with checks: read and statuses: read)");
    }
    const ref = config.ref ?? ctx.target.commit;
    if (!ref) {
        throw new errors/* ConfigError */.xL('github: the promotion commit is not known, so there are no checks to read: set ref');
    }
    ctx.log(`github: reading the ${[
        config.includeCheckRuns && 'check runs',
        config.includeStatuses && 'commit statuses',
    ]
        .filter(Boolean)
        .join(' and ')} of ${github_short(ref)}`);
    const [runs, combined] = await Promise.all([
        config.includeCheckRuns ? github.checkRuns(ref) : Promise.resolve([]),
        config.includeStatuses ? github.commitStatuses(ref) : Promise.resolve(undefined),
    ]);
    const reported = [
        ...runs.map((r) => ({
            name: r.name,
            kind: 'check-run',
            state: checkRunState(r),
            conclusion: r.conclusion,
            url: r.url,
        })),
        ...(combined?.statuses ?? []).map((s) => ({
            name: s.context,
            kind: 'status',
            state: statusState(s),
            conclusion: s.state,
            url: s.targetUrl,
        })),
    ];
    return assessChecks(config, ref, reported);
}
const github = { name: 'github', parse: github_parse, measure: github_measure };

;// CONCATENATED MODULE: ./src/verification/providers/json-path.ts
/**
 * The part of Kubernetes JSONPath that Argo Rollouts' web metrics use in practice (`jsonPath:
 * "{$.data.ok}"`): a path of fields and array indexes. Accepted forms: `{$.a.b}`, `{.a.b}`,
 * `$.a.b`, `{$.items[0].value}`, `{$.items[-1]}`, `{$['a-b'].c}`, and `{$}` (the whole body,
 * Argo's default). Wildcards, recursive descent, filters and slices are refused with a message
 * that says so. As in Argo, the first value found is the result.
 */
class JsonPathError extends Error {
    name = 'JsonPathError';
}
/** Parse a JSONPath of the supported subset into segments; throws JsonPathError. */
function parseJsonPath(text) {
    let s = text.trim();
    if (s.startsWith('{') && s.endsWith('}'))
        s = s.slice(1, -1).trim();
    if (s.startsWith('$'))
        s = s.slice(1);
    const out = [];
    let i = 0;
    const unsupported = (what) => {
        throw new JsonPathError(`jsonPath ${JSON.stringify(text)}: ${what} is not supported (use fields and indexes, e.g. {$.items[0].value})`);
    };
    while (i < s.length) {
        const c = s[i];
        if (c === '.') {
            if (s[i + 1] === '.')
                unsupported('recursive descent (..)');
            const m = /^[A-Za-z0-9_-]+/.exec(s.slice(i + 1));
            if (!m) {
                if (s[i + 1] === '*')
                    unsupported('the wildcard *');
                throw new JsonPathError(`jsonPath ${JSON.stringify(text)}: expected a field name after "."`);
            }
            out.push(m[0]);
            i += 1 + m[0].length;
        }
        else if (c === '[') {
            const end = s.indexOf(']', i);
            if (end < 0)
                throw new JsonPathError(`jsonPath ${JSON.stringify(text)}: missing "]"`);
            const inner = s.slice(i + 1, end).trim();
            const quoted = /^(['"])(.*)\1$/.exec(inner);
            if (quoted)
                out.push(quoted[2] ?? '');
            else if (/^-?\d+$/.test(inner))
                out.push(Number(inner));
            else if (inner === '*')
                unsupported('the wildcard [*]');
            else if (inner.startsWith('?'))
                unsupported('a filter [?()]');
            else if (inner.includes(':'))
                unsupported('a slice [a:b]');
            else if (inner.includes(','))
                unsupported('a union [a,b]');
            else
                throw new JsonPathError(`jsonPath ${JSON.stringify(text)}: cannot read [${inner}]`);
            i = end + 1;
        }
        else if (c === ' ') {
            i++;
        }
        else {
            throw new JsonPathError(`jsonPath ${JSON.stringify(text)}: unexpected ${JSON.stringify(c)} at ${i}`);
        }
    }
    return out;
}
/** The value at `path` in `data`; throws JsonPathError saying what is missing. */
function applyJsonPath(data, path) {
    let cur = data;
    let at = '$';
    for (const seg of path) {
        if (typeof seg === 'number') {
            if (!Array.isArray(cur))
                throw new JsonPathError(`${at} is not an array`);
            const index = seg < 0 ? cur.length + seg : seg;
            if (index < 0 || index >= cur.length) {
                throw new JsonPathError(`array index out of bounds: ${at}[${seg}] (length ${cur.length})`);
            }
            cur = cur[index];
            at += `[${seg}]`;
        }
        else {
            if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) {
                throw new JsonPathError(`${at} is not an object, so it has no field ${seg}`);
            }
            if (!Object.hasOwn(cur, seg))
                throw new JsonPathError(`${seg} is not found in ${at}`);
            cur = cur[seg];
            at += `.${seg}`;
        }
    }
    return cur;
}

;// CONCATENATED MODULE: ./src/verification/providers/request.ts



/**
 * Most of a response body the http and prometheus providers read: a health endpoint's JSON or
 * a query's vector, which gantry reduces to one value. A range query over many series that
 * needs more is better aggregated in PromQL.
 */
const MAX_BODY_BYTES = 1024 * 1024;
let insecureAgent;
/** Why a fetch failed, from the undici error and its cause (`connect ECONNREFUSED …`). */
function failure(err) {
    const cause = err.cause;
    if (cause instanceof Error) {
        const code = cause.code;
        const msg = cause.message || code || (0,errors/* errorMessage */.gJ)(err);
        return code && !msg.includes(code) ? `${code}: ${msg}` : msg;
    }
    return (0,errors/* errorMessage */.gJ)(err);
}
/** Send the request; throws an Error with a readable message (the runner records an Error). */
async function sendRequest(ctx, url, opts) {
    // undici only for an unverified TLS connection: every verify loads this module.
    if (opts.insecure) {
        insecureAgent ??= new (await __webpack_require__.e(/* import() */ 6752).then(__webpack_require__.t.bind(__webpack_require__, 4371, 19))).Agent({
            connect: { rejectUnauthorized: false },
        });
    }
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new Error('request timeout')), opts.timeoutMs);
    const signal = AbortSignal.any([ctx.signal, timeout.signal]);
    const headers = new Headers();
    for (const h of opts.headers)
        headers.append(h.name, h.value);
    if (!headers.has('user-agent'))
        headers.set('user-agent', 'gantry');
    const what = `${opts.method} ${url}`;
    try {
        const init = {
            method: opts.method,
            headers,
            signal,
            redirect: 'follow',
            ...(opts.body !== undefined && { body: opts.body }),
            ...(opts.insecure && insecureAgent && { dispatcher: insecureAgent }),
        };
        const res = await ctx.fetch(url, init);
        const text = await (0,http_body/* readText */.yR)(res, { url, maxBytes: MAX_BODY_BYTES, what: 'the response' });
        const out = {};
        res.headers.forEach((value, name) => {
            out[name] = value;
        });
        return { status: res.status, statusText: res.statusText, headers: out, text };
    }
    catch (err) {
        if (err instanceof http_body/* BodyTooLargeError */.Au)
            throw err;
        if (timeout.signal.aborted && !ctx.signal.aborted) {
            throw new Error(`${what}: no response within ${(0,duration/* formatDuration */.a3)(opts.timeoutMs)}`, {
                cause: err,
            });
        }
        if (ctx.signal.aborted)
            throw err;
        throw new Error(`${what}: ${failure(err)}`, { cause: err });
    }
    finally {
        clearTimeout(timer);
    }
}
/** The start of a body, on one line, for error messages. */
function snippet(text, max = 200) {
    const one = text.replace(/\s+/g, ' ').trim();
    return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

;// CONCATENATED MODULE: ./src/verification/providers/http.ts
/**
 * The `http` provider (Argo Rollouts' `web` metric, metricproviders/webmetric): one HTTP request
 * per measurement.
 *
 * Fields (Argo's names): `url` (required), `method` (GET, default; POST, PUT, PATCH, DELETE),
 * `headers` (`[{key, value}]`, also `[{name, value}]` or a mapping), `body` (a string) or
 * `jsonBody` (any YAML value, sent as JSON with `Content-Type: application/json`; only one of
 * the two, and not with GET), `timeoutSeconds` (default 10), `jsonPath` (`{$.data.ok}`, see
 * json-path.ts; default the whole body), `insecure` (skip TLS verification).
 *
 * What conditions see:
 * - `result`: the JSON body at `jsonPath`, or the body's text when it is not JSON. (Argo marks a
 *   non-JSON body Successful without evaluating the conditions; gantry evaluates them on the text,
 *   so `result == "ok"` works.)
 * - `response.status` (a number) and `response.headers` (lower-case names).
 *
 * A response other than 2xx is an Error measurement, as in Argo (`received non 2xx response
 * code: 503`), so it counts towards consecutiveErrorLimit, not failureLimit. Header values are
 * secrets (except Accept, Content-Type, User-Agent, Accept-Encoding).
 */



const http_FIELDS = [
    'url',
    'method',
    'headers',
    'body',
    'jsonBody',
    'timeoutSeconds',
    'jsonPath',
    'insecure',
];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
/** Argo's default web metric timeout. */
const DEFAULT_HTTP_TIMEOUT_SECONDS = 10;
function http_parse(config, where) {
    const c = (0,fields/* checkConfig */.l2)(where, 'http', config, http_FIELDS);
    const url = (0,fields/* httpURL */.yR)(where, 'url', (0,fields/* requiredString */.Fk)(where, c, 'url')).toString();
    const method = ((0,fields/* optionalString */.sx)(where, c, 'method') ?? 'GET').toUpperCase();
    if (!METHODS.includes(method)) {
        (0,fields/* fail */.fJ)(where, 'method', `must be one of ${METHODS.join(', ')}, not ${JSON.stringify(c.method)}`);
    }
    const hs = (0,fields/* headers */.b3)(where, c, 'headers');
    const body = (0,fields/* optionalString */.sx)(where, c, 'body');
    const hasJsonBody = c.jsonBody !== undefined && c.jsonBody !== null;
    if (body !== undefined && hasJsonBody) {
        (0,fields/* fail */.fJ)(where, 'jsonBody', 'use either body or jsonBody, not both');
    }
    if ((body !== undefined || hasJsonBody) && method === 'GET') {
        (0,fields/* fail */.fJ)(where, body !== undefined ? 'body' : 'jsonBody', 'needs method POST, PUT, PATCH or DELETE');
    }
    let sent = body;
    if (hasJsonBody) {
        sent = JSON.stringify(c.jsonBody);
        if (!hs.some((h) => h.name.toLowerCase() === 'content-type')) {
            hs.push({ name: 'Content-Type', value: 'application/json' });
        }
    }
    const timeoutSeconds = (0,fields/* optionalPositiveInt */.F9)(where, c, 'timeoutSeconds') ?? DEFAULT_HTTP_TIMEOUT_SECONDS;
    const jsonPath = (0,fields/* optionalString */.sx)(where, c, 'jsonPath');
    let path = [];
    if (jsonPath !== undefined) {
        try {
            path = parseJsonPath(jsonPath);
        }
        catch (err) {
            (0,fields/* fail */.fJ)(where, 'jsonPath', err.message);
        }
    }
    return {
        url,
        method: method,
        headers: hs,
        ...(sent !== undefined && { body: sent }),
        timeoutMs: timeoutSeconds * 1000,
        ...(jsonPath !== undefined && { jsonPath }),
        path,
        insecure: (0,fields/* optionalBool */.RO)(where, c, 'insecure') ?? false,
    };
}
async function http_measure(config, ctx) {
    for (const h of config.headers)
        if ((0,fields/* isSecretHeader */.io)(h.name))
            ctx.secret(h.value);
    const res = await sendRequest(ctx, config.url, {
        method: config.method,
        headers: config.headers,
        ...(config.body !== undefined && { body: config.body }),
        timeoutMs: config.timeoutMs,
        insecure: config.insecure,
    });
    if (res.status < 200 || res.status >= 300) {
        const body = snippet(res.text);
        throw new Error(`received non 2xx response code: ${res.status}${body ? ` (body: ${body})` : ''}`);
    }
    let data;
    let json = true;
    try {
        data = JSON.parse(res.text);
    }
    catch {
        json = false;
        data = res.text;
    }
    let result = data;
    if (json && config.path.length > 0) {
        try {
            result = applyJsonPath(data, config.path);
        }
        catch (err) {
            if (!(err instanceof JsonPathError))
                throw err;
            throw new Error(`could not find jsonPath ${config.jsonPath ?? ''} in the body: ${err.message}`, { cause: err });
        }
    }
    else if (!json && config.path.length > 0) {
        ctx.log(`the body is not JSON, so jsonPath ${config.jsonPath ?? ''} is not applied`);
    }
    return {
        result,
        vars: { response: { status: res.status, headers: res.headers } },
    };
}
const http = { name: 'http', parse: http_parse, measure: http_measure };

;// CONCATENATED MODULE: ./src/verification/providers/prometheus.ts
/**
 * The `prometheus` provider (Argo Rollouts' metricproviders/prometheus): one instant query per
 * measurement, `POST <address>/api/v1/query` with the query and the evaluation time as a form
 * (GET when the server answers 405 or 501, as Prometheus' Go client does).
 *
 * Fields (Argo's names): `address` (required), `query` (required), `timeout` (seconds, or a
 * duration such as 30s; default 30 as in Argo), `headers` (`[{key, value}]`, e.g. an
 * Authorization header; values are secrets), `insecure` (skip TLS verification).
 *
 * `result` is what Argo hands its conditions:
 * - a vector: the list of sample values as numbers, in the order Prometheus returns them
 *   (`result[0] >= 0.95`); an empty vector is `[]` (`len(result) == 0`);
 * - a scalar: the number.
 * NaN, +Inf and -Inf are numbers too (`isNaN(result[0])`). The measurement's value reads like
 * Argo's (`[0.99,0.98]`). A matrix or string result is an Error (`Prometheus metric type not
 * supported`), and so is an error answer, with Prometheus' own words (`bad_data: invalid
 * parameter "query": …`).
 */


const prometheus_FIELDS = ['address', 'query', 'timeout', 'headers', 'insecure'];
/** Argo's default Prometheus query timeout. */
const DEFAULT_PROMETHEUS_TIMEOUT_MS = 30_000;
function prometheus_parse(config, where) {
    const c = (0,fields/* checkConfig */.l2)(where, 'prometheus', config, prometheus_FIELDS);
    const address = (0,fields/* httpURL */.yR)(where, 'address', (0,fields/* requiredString */.Fk)(where, c, 'address'))
        .toString()
        .replace(/\/+$/, '');
    return {
        address,
        query: (0,fields/* requiredString */.Fk)(where, c, 'query'),
        timeoutMs: (0,fields/* optionalTimeout */.kt)(where, c, 'timeout') ?? DEFAULT_PROMETHEUS_TIMEOUT_MS,
        headers: (0,fields/* headers */.b3)(where, c, 'headers'),
        insecure: (0,fields/* optionalBool */.RO)(where, c, 'insecure') ?? false,
    };
}
/** Prometheus' sample values are strings: "0.5", "NaN", "+Inf", "-Inf". */
function sampleValue(text) {
    if (text === '+Inf' || text === 'Inf')
        return Infinity;
    if (text === '-Inf')
        return -Infinity;
    if (text === 'NaN')
        return NaN;
    const n = typeof text === 'string' ? Number(text) : NaN;
    if (Number.isNaN(n))
        throw new Error(`Prometheus returned a sample value that is not a number: ${JSON.stringify(text)}`);
    return n;
}
/** Go's `%v` of a float64 sample, as in Argo's measurement value (`[0.99,1]`). */
function show(n) {
    if (Number.isNaN(n))
        return 'NaN';
    if (n === Infinity)
        return '+Inf';
    if (n === -Infinity)
        return '-Inf';
    return String(n);
}
function answerOf(res) {
    let body;
    try {
        body = JSON.parse(res.text);
    }
    catch {
        const text = snippet(res.text);
        throw new Error(`server returned HTTP status ${res.status} ${res.statusText}`.trim() +
            (res.status >= 200 && res.status < 300
                ? ` with a body that is not JSON: ${text}`
                : text
                    ? `: ${text}`
                    : ''));
    }
    if (body === null || typeof body !== 'object') {
        throw new Error(`Prometheus answered ${snippet(res.text)}, not an API response`);
    }
    const answer = body;
    if (answer.status === 'error') {
        throw new Error(`${answer.errorType ?? 'error'}: ${answer.error ?? '(no message)'}`);
    }
    if (res.status < 200 || res.status >= 300) {
        throw new Error(`server returned HTTP status ${res.status} ${res.statusText}`.trim());
    }
    return answer;
}
async function prometheus_measure(config, ctx) {
    for (const h of config.headers)
        if ((0,fields/* isSecretHeader */.io)(h.name))
            ctx.secret(h.value);
    const url = `${config.address}/api/v1/query`;
    const params = new URLSearchParams({
        query: config.query,
        time: (ctx.clock().getTime() / 1000).toFixed(3),
    });
    const common = { timeoutMs: config.timeoutMs, insecure: config.insecure };
    let res = await sendRequest(ctx, url, {
        ...common,
        method: 'POST',
        headers: [
            ...config.headers,
            { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
        ],
        body: params.toString(),
    });
    if (res.status === 405 || res.status === 501) {
        res = await sendRequest(ctx, `${url}?${params.toString()}`, {
            ...common,
            method: 'GET',
            headers: config.headers,
        });
    }
    const answer = answerOf(res);
    for (const w of answer.warnings ?? [])
        ctx.log(`Prometheus warning: ${String(w)}`);
    const type = answer.data?.resultType;
    const data = answer.data?.result;
    if (type === 'vector' && Array.isArray(data)) {
        const values = data.map((sample) => {
            const value = sample?.value;
            return sampleValue(Array.isArray(value) ? value[1] : undefined);
        });
        return { result: values, detail: `[${values.map(show).join(',')}]` };
    }
    if (type === 'scalar' && Array.isArray(data)) {
        const value = sampleValue(data[1]);
        return { result: value, detail: show(value) };
    }
    throw new Error(`Prometheus metric type not supported: ${type ?? 'no resultType'} (use a query that returns a vector or a scalar)`);
}
const prometheus = {
    name: 'prometheus',
    parse: prometheus_parse,
    measure: prometheus_measure,
};

;// CONCATENATED MODULE: ./src/verification/providers/index.ts






function defaultProviders() {
    // Each provider gets back only what its own parse returned, so the config types can be erased.
    const providers = [
        http,
        prometheus,
        command,
        datadog,
        argocd/* argocd */.ZF,
        github,
    ];
    return new Map(providers.map((p) => [p.name, p]));
}

;// CONCATENATED MODULE: ./src/verification/index.ts






/***/ })

};
