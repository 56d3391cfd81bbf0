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
import { setImmediate as yieldToEventLoop, setTimeout as delay } from 'node:timers/promises';
import { hasExpression, type ExprFunctions } from '../expr/index.js';
import type { VerificationMetric } from '../pipeline/types.js';
import { formatDuration } from '../pipeline/duration.js';
import { ConfigError, errorMessage } from '../util/errors.js';
import { Redactor } from '../util/redact.js';
import { inGroup, type LogGroup } from '../util/log-group.js';
import { assessMeasurement } from './conditions.js';
import { renderMetric, metricParts, type TemplateEnvVars } from './templates.js';
import type {
  AnalysisPhase,
  Measurement,
  MeasurementPhase,
  ProviderContext,
  ProviderDefinition,
} from './types.js';

/** Argo Rollouts' DefaultErrorRetryInterval: the wait after a measurement that ended in Error. */
export const DEFAULT_ERROR_RETRY_INTERVAL_MS = 10_000;

/** Longest `value` kept per measurement, in characters. */
const MAX_VALUE_LENGTH = 500;

/**
 * Waits `ms`, or less when `signal` aborts; never rejects. The runner's only way to let time
 * pass, so that tests can substitute virtual time.
 */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export const realSleep: Sleep = async (ms, signal) => {
  if (signal.aborted) return;
  try {
    await delay(ms, undefined, { signal });
  } catch {
    // Aborted: the caller looks at the signal.
  }
};

// Providers are registered with their own config types; the runner only hands each provider
// back what its own `parse` returned. Method parameters are bivariant, so any
// ProviderDefinition<C> fits here.
export type AnyProvider = ProviderDefinition<unknown>;
export type ProviderRegistry = ReadonlyMap<string, AnyProvider>;

export interface RunAnalysisOptions {
  metrics: readonly VerificationMetric[];
  providers: ProviderRegistry;
  target: ProviderContext['target'];
  fetch: typeof fetch;
  /** Functions templates may call: `imageFrom()` and friends over the freight being verified. */
  functions?: ExprFunctions;
  /** What templates see as `env` and providers as `ctx.env`. */
  env?: TemplateEnvVars;
  /** The GitOps repository on GitHub, for providers that read it (`ctx.github`). */
  github?: ProviderContext['github'];
  /** Values to mask from the start (tokens the adapter was given). */
  secrets?: readonly string[];
  log?: (line: string) => void;
  /** Folds each metric's lines in the adapter's log; metrics measure at once. */
  group?: LogGroup;
  clock?: () => Date;
  sleep?: Sleep;
  /** The whole analysis may take at most this long; none when not set. */
  timeoutMs?: number;
  /** Cancels the analysis (like the timeout, with "cancelled"). */
  signal?: AbortSignal;
  errorRetryIntervalMs?: number;
}

export interface MeasurementResult {
  phase: MeasurementPhase;
  /** ISO 8601 timestamps. */
  startedAt: string;
  finishedAt: string;
  /** The measured value as shown in summaries (the provider's detail, or the result). */
  value?: string;
  /** Why the measurement has its phase: the deciding condition, or the error. */
  message?: string;
}

/** A metric's phase; `Skipped` when it took no measurement because the run ended first. */
export type MetricPhase = AnalysisPhase | 'Skipped';

export interface MetricResult {
  name: string;
  provider: string;
  phase: MetricPhase;
  /** Why the metric has its phase (`failed (2) > failureLimit (1): …`). */
  message: string;
  measurements: MeasurementResult[];
  /** Argo's MetricResult counters: count = successful + failed + inconclusive. */
  count: number;
  successful: number;
  failed: number;
  inconclusive: number;
  error: number;
  consecutiveError: number;
}

export interface AnalysisResult {
  phase: AnalysisPhase;
  message: string;
  startedAt: string;
  finishedAt: string;
  metrics: MetricResult[];
}

/** Argo's analysisStatusOrder for completed phases, best first. */
const SEVERITY: Readonly<Record<AnalysisPhase, number>> = {
  Successful: 0,
  Inconclusive: 1,
  Error: 2,
  Failed: 3,
};

export function worstPhase(phases: readonly AnalysisPhase[]): AnalysisPhase {
  return phases.reduce<AnalysisPhase>(
    (worst, p) => (SEVERITY[p] > SEVERITY[worst] ? p : worst),
    'Successful',
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Compact JSON, with non-finite numbers as Go prints them (NaN, +Inf, -Inf). */
function compact(v: unknown, depth: number): string {
  if (depth > 20) return '…';
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') {
    if (Number.isFinite(v)) return String(v);
    return Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf';
  }
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => compact(x, depth + 1)).join(',')}]`;
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>);
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${compact(x, depth + 1)}`).join(',')}}`;
  }
  return String(v);
}

/** A result as summaries show it: a string as it is, anything else as compact JSON; cut short. */
export function formatResult(value: unknown): string {
  const text = typeof value === 'string' ? value : compact(value, 0);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

interface Prepared {
  metric: VerificationMetric;
  provider: AnyProvider;
  config: unknown;
  successCondition?: string;
  failureCondition?: string;
}

interface MetricState {
  metric: VerificationMetric;
  /** Set by prepare() when the metric's configuration is valid. */
  prepared?: Prepared;
  result: MetricResult;
  /** Set once the metric is decided by its own measurements. */
  done: boolean;
  started: boolean;
}

function newResult(metric: VerificationMetric): MetricResult {
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
function tally(r: MetricResult, phase: MeasurementPhase): void {
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
export function assessMetric(
  metric: Pick<
    VerificationMetric,
    'count' | 'failureLimit' | 'inconclusiveLimit' | 'consecutiveErrorLimit'
  >,
  r: Pick<MetricResult, 'count' | 'failed' | 'inconclusive' | 'consecutiveError'>,
): { phase: AnalysisPhase; reason: string } | undefined {
  let decided: { phase: AnalysisPhase; reason: string } | undefined;
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
  if (decided) return decided;
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
export const WAITING_PROVIDERS: ReadonlySet<string> = new Set(['argocd', 'github']);

/** assessMetric for a metric of a waiting provider, after a measurement of phase `last`. */
export function assessWaiting(
  metric: Pick<VerificationMetric, 'count' | 'failureLimit' | 'consecutiveErrorLimit'>,
  r: Pick<MetricResult, 'count' | 'failed' | 'consecutiveError' | 'measurements'>,
  last: MeasurementPhase,
): { phase: AnalysisPhase; reason: string } | undefined {
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
function successMessage(metric: VerificationMetric, r: MetricResult): string {
  const parts = [`${r.successful} Successful`];
  if (r.failed) parts.push(`${r.failed} Failed (failureLimit ${metric.failureLimit})`);
  if (r.inconclusive) {
    parts.push(`${r.inconclusive} Inconclusive (inconclusiveLimit ${metric.inconclusiveLimit})`);
  }
  if (r.error) parts.push(`${r.error} Error`);
  return `count (${metric.count}) reached: ${parts.join(', ')}`;
}

/** `: <why the last measurement has its phase> (result <value>)`, for metric messages. */
function lastDetail(r: MetricResult): string {
  const last = r.measurements.at(-1);
  if (!last) return '';
  const why = last.message ?? '';
  const value = last.phase !== 'Error' ? last.value : undefined;
  if (why) return value !== undefined && value !== why ? `: ${why} (result ${value})` : `: ${why}`;
  return value !== undefined ? `: ${value}` : '';
}

class Runner {
  private readonly redactor = new Redactor();
  /** Measurements that failed on configuration: they decide their metric at once. */
  private readonly fatal = new WeakSet<MeasurementResult>();
  private readonly clock: () => Date;
  private readonly sleep: Sleep;
  private readonly log: (line: string) => void;
  private readonly env: TemplateEnvVars;
  private readonly errorRetryMs: number;
  /** Aborted by the overall timeout or the caller's signal. */
  private readonly run = new AbortController();
  private endReason = '';
  /** When the run times out, in `clock` milliseconds; set by start(). */
  private deadline = Infinity;
  /** For expression evaluations: the reason the run ended, once it has. */
  private readonly interrupt = (): string | undefined =>
    this.checkDeadline() ? this.endReason : undefined;

  constructor(private readonly opts: RunAnalysisOptions) {
    this.clock = opts.clock ?? (() => new Date());
    this.sleep = opts.sleep ?? realSleep;
    const log = opts.log ?? (() => undefined);
    this.log = (line) => log(this.redactor.redact(line));
    this.env = opts.env ?? {};
    this.errorRetryMs = opts.errorRetryIntervalMs ?? DEFAULT_ERROR_RETRY_INTERVAL_MS;
    this.redactor.add(...(opts.secrets ?? []));
  }

  now(): string {
    return this.clock().toISOString();
  }

  /** Ends the run when its deadline has passed (no timer needed). True once the run has ended. */
  private checkDeadline(): boolean {
    if (!this.run.signal.aborted && this.clock().getTime() >= this.deadline) {
      this.timeOut();
    }
    return this.run.signal.aborted;
  }

  private timeOut(): void {
    if (this.run.signal.aborted || this.opts.timeoutMs === undefined) return;
    this.endReason = `verification timed out after ${formatDuration(this.opts.timeoutMs)}`;
    this.run.abort(new Error(this.endReason));
  }

  /** Render, look up and parse every metric; the problems, one per failing metric. */
  prepare(states: MetricState[]): string[] {
    const problems: string[] = [];
    for (const state of states) {
      const { metric } = state;
      const where = `verification metric ${JSON.stringify(metric.name)}`;
      try {
        const provider = this.opts.providers.get(metric.provider.name);
        if (!provider) {
          const known = [...this.opts.providers.keys()].sort().join(', ');
          throw new Error(
            `${where}: provider ${JSON.stringify(metric.provider.name)} is not available (providers: ${known || 'none'})`,
          );
        }
        const rendered = renderMetric(where, metricParts(metric), this.opts.target, this.env, {
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
      } catch (err) {
        const message = errorMessage(err);
        state.result.phase = 'Error';
        state.result.message = message;
        state.done = true;
        // Rendering cut short by the deadline says nothing about the spec.
        if (!this.run.signal.aborted) problems.push(message);
      }
    }
    return problems;
  }

  async start(): Promise<AnalysisResult> {
    const startedAt = this.now();
    if (this.opts.timeoutMs !== undefined) {
      this.deadline = this.clock().getTime() + this.opts.timeoutMs;
    }
    const states: MetricState[] = this.opts.metrics.map((metric) => ({
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
        if (!s.done) s.result.message = `not run: ${this.endReason}`;
      }
      return this.finish(startedAt, states, '');
    }
    if (problems.length > 0) {
      for (const s of states) {
        if (!s.done) s.result.message = 'not run: the verification spec is invalid';
      }
      return this.finish(startedAt, states, `verification spec invalid: ${problems.join('; ')}`);
    }

    // The overall timeout and the caller's cancellation both end the run.
    const finished = new AbortController();
    const timeoutMs = this.opts.timeoutMs;
    if (timeoutMs !== undefined) {
      void this.sleep(timeoutMs, finished.signal).then(() => {
        if (!finished.signal.aborted) this.timeOut();
      });
    }
    const external = this.opts.signal;
    const onCancel = (): void => {
      if (!this.run.signal.aborted) {
        this.endReason = 'verification cancelled';
        this.run.abort(new Error(this.endReason));
      }
    };
    if (external?.aborted) onCancel();
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
      } else {
        for (const s of rest) {
          s.result.phase = 'Skipped';
          s.result.message = `not run: ${this.endReason || firstWhy}${
            this.endReason ? ' while the argocd metrics ran' : ''
          }`;
        }
      }
    } finally {
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
  private async runGroup(states: MetricState[]): Promise<string> {
    const group = new AbortController();
    const stop = AbortSignal.any([this.run.signal, group.signal]);
    let why = '';
    const terminate = (state: MetricState): void => {
      if (group.signal.aborted) return;
      why = `metric ${JSON.stringify(state.result.name)} assessed ${state.result.phase}`;
      group.abort(new Error(why));
    };
    await Promise.all(
      states.map((s) =>
        inGroup(this.opts.group, `metric ${s.metric.name}`, () =>
          this.runMetric(s, stop, terminate),
        ),
      ),
    );
    for (const s of states) {
      if (s.done) continue;
      const r = s.result;
      const taken = `${plural(r.measurements.length, 'measurement')} taken`;
      if (this.run.signal.aborted) {
        // The run's end (timeout, cancellation) leaves unfinished metrics in Error.
        if (s.started) {
          r.phase = 'Error';
          r.message = `${this.endReason} (${taken}, count ${s.metric.count})`;
        } else {
          r.phase = 'Skipped';
          r.message = `not run: ${this.endReason}`;
        }
      } else if (r.measurements.length > 0) {
        // Argo: a metric of a terminating run that exceeded no limit is Successful.
        r.phase = 'Successful';
        r.message = `stopped after ${taken} because ${why}`;
      } else {
        r.phase = 'Skipped';
        r.message = `not run: ${why}`;
      }
    }
    return why;
  }

  private async runMetric(
    state: MetricState,
    stop: AbortSignal,
    terminate: (s: MetricState) => void,
  ): Promise<void> {
    const { metric, prepared } = state;
    const r = state.result;
    if (!prepared) return;
    if (metric.initialDelayMs) {
      this.log(
        `metric ${JSON.stringify(metric.name)}: waiting ${formatDuration(metric.initialDelayMs)} (initialDelay)`,
      );
      await this.sleep(metric.initialDelayMs, stop);
    }
    for (;;) {
      this.checkDeadline();
      if (stop.aborted) return;
      state.started = true;
      const m = await this.measure(prepared, stop);
      if (!m) return; // abandoned: the group or the run ended meanwhile
      r.measurements.push(m);
      tally(r, m.phase);
      const n = r.measurements.length;
      this.log(
        `metric ${JSON.stringify(metric.name)}: measurement ${n} ${m.phase}` +
          `${m.value !== undefined ? ` ${m.value}` : ''}${m.message ? `: ${m.message}` : ''}`,
      );
      const waits = WAITING_PROVIDERS.has(metric.provider.name);
      const decided = this.fatal.has(m)
        ? {
            phase: 'Error' as const,
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
        if (decided.phase !== 'Successful') terminate(state);
        return;
      }
      const wait = m.phase === 'Error' ? this.errorRetryMs : (metric.intervalMs ?? 0);
      if (wait > 0) await this.sleep(wait, stop);
      // A measurement that settled at once leaves only microtasks behind; without a macrotask
      // hop, timers (the overall timeout) and cancellation could never run between measurements.
      else await yieldToEventLoop();
    }
  }

  /**
   * One measurement, bounded by the metric's timeout. Undefined when it was abandoned because
   * the group was terminated; Error when the run ended (timeout, cancellation) or the
   * measurement timed out or failed.
   */
  private async measure(p: Prepared, stop: AbortSignal): Promise<MeasurementResult | undefined> {
    const startedAt = this.now();
    const ctl = new AbortController();
    const onStop = (): void => ctl.abort(stop.reason);
    stop.addEventListener('abort', onStop, { once: true });
    const timer = new AbortController();
    let timedOut = false;
    void this.sleep(p.metric.timeoutMs, AbortSignal.any([timer.signal, ctl.signal])).then(() => {
      if (!timer.signal.aborted && !ctl.signal.aborted) {
        timedOut = true;
        ctl.abort(new Error('measurement timeout'));
      }
    });
    const aborted = new Promise<never>((_, reject) => {
      ctl.signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
    });
    aborted.catch(() => undefined);
    const ctx: ProviderContext = {
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
    const error = (message: string): MeasurementResult => ({
      phase: 'Error',
      startedAt,
      finishedAt: this.now(),
      message: this.redactor.redact(message),
    });
    let measurement: Measurement;
    try {
      const pending = Promise.resolve().then(() => p.provider.measure(p.config, ctx));
      pending.catch(() => undefined);
      measurement = await Promise.race([pending, aborted]);
    } catch (err) {
      if (timedOut) {
        return error(`measurement timed out after ${formatDuration(p.metric.timeoutMs)}`);
      }
      if (this.run.signal.aborted) return error(`aborted: ${this.endReason}`);
      if (stop.aborted) return undefined;
      const failed = error(errorMessage(err));
      // A configuration problem (a missing key, no token) will not go away by asking again.
      if (err instanceof ConfigError) this.fatal.add(failed);
      return failed;
    } finally {
      timer.abort();
      stop.removeEventListener('abort', onStop);
    }
    const vars = { ...measurement.vars, result: measurement.result };
    const outcome = assessMeasurement(
      {
        ...(p.successCondition !== undefined && { successCondition: p.successCondition }),
        ...(p.failureCondition !== undefined && { failureCondition: p.failureCondition }),
      },
      vars,
      measurement.phase,
      this.interrupt,
    );
    if (this.run.signal.aborted) return error(`aborted: ${this.endReason}`);
    const value = measurement.detail ?? formatResult(measurement.result);
    const message =
      outcome.message ||
      (measurement.phase && measurement.phase !== 'Successful' ? (measurement.detail ?? '') : '');
    return {
      phase: outcome.phase,
      startedAt,
      finishedAt: this.now(),
      value: this.redactor.redact(value),
      ...(message && { message: this.redactor.redact(message) }),
    };
  }

  private finish(startedAt: string, states: MetricState[], invalid: string): AnalysisResult {
    const metrics = states.map((s) => this.redactResult(s.result));
    const judged = metrics.filter((m) => m.phase !== 'Skipped');
    const phase = invalid
      ? 'Error'
      : worstPhase(
          judged.map((m) => m.phase as AnalysisPhase).concat(this.endReason ? ['Error'] : []),
        );
    let message: string;
    if (invalid) message = invalid;
    else if (phase === 'Successful') {
      message =
        metrics.length === 1
          ? `metric ${JSON.stringify(metrics[0]?.name)} Successful`
          : `all ${metrics.length} metrics Successful`;
    } else {
      const bad = judged
        .filter((m) => m.phase !== 'Successful')
        .sort((a, b) => SEVERITY[b.phase as AnalysisPhase] - SEVERITY[a.phase as AnalysisPhase])
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

  private redactResult(r: MetricResult): MetricResult {
    const red = (s: string): string => this.redactor.redact(s);
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
export function checkMetricConfigs(
  metrics: readonly VerificationMetric[],
  providers: ProviderRegistry,
): string[] {
  const problems: string[] = [];
  for (const metric of metrics) {
    const where = `verification metric ${JSON.stringify(metric.name)}`;
    const provider = providers.get(metric.provider.name);
    if (!provider) {
      problems.push(`${where}: provider ${JSON.stringify(metric.provider.name)} is not available`);
      continue;
    }
    if (hasTemplate(metric.provider.config)) continue;
    try {
      provider.parse(metric.provider.config, `${where}: provider ${provider.name}`);
    } catch (err) {
      problems.push(errorMessage(err));
    }
  }
  return problems;
}

function hasTemplate(value: unknown, depth = 0): boolean {
  if (depth > 100) return false;
  if (typeof value === 'string') return hasExpression(value);
  if (Array.isArray(value)) return value.some((v) => hasTemplate(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    return Object.values(value).some((v) => hasTemplate(v, depth + 1));
  }
  return false;
}

/** Run a stage's verification metrics to completion. Never throws for what a metric does. */
export async function runAnalysis(opts: RunAnalysisOptions): Promise<AnalysisResult> {
  return new Runner(opts).start();
}
