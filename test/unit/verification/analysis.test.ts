/**
 * The analysis runner with fake providers in virtual time: each case asserts the phase Argo
 * Rollouts would give (analysis/analysis.go) and that the messages explain it.
 */
import { describe, expect, it } from 'vitest';
import type { VerificationMetric } from '../../../src/pipeline/types.js';
import {
  assessMetric,
  runAnalysis,
  type AnyProvider,
  type RunAnalysisOptions,
} from '../../../src/verification/analysis.js';
import type { Measurement, ProviderContext } from '../../../src/verification/types.js';
import { ConfigError } from '../../../src/util/errors.js';
import { VirtualTime } from './virtual-time.js';
// re2js, as the commands that run expressions and patterns load it (util/regex.ts).
import '../../../src/util/regex.js';

const START = '2026-01-01T00:00:00.000Z';

function metric(over: Partial<VerificationMetric> & { name: string }): VerificationMetric {
  return {
    provider: { name: 'fake', config: {} },
    count: 1,
    failureLimit: 0,
    inconclusiveLimit: 0,
    consecutiveErrorLimit: 4,
    timeout: '5m',
    timeoutMs: 300_000,
    ...over,
  };
}

type Script = (n: number, ctx: ProviderContext, config: unknown) => Promise<Measurement>;

/** A provider whose n-th measurement (1-based) for a metric is what `script` says. */
function fake(name: string, scripts: Record<string, Script>, calls: string[] = []): AnyProvider {
  const counts = new Map<string, number>();
  return {
    name,
    parse: (config) => config,
    measure: async (config, ctx) => {
      const key = (config as { metric?: string }).metric ?? 'default';
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      calls.push(`${key}#${n}@${ctx.clock().toISOString()}`);
      const script = scripts[key] ?? scripts.default;
      if (!script) throw new Error(`no script for ${key}`);
      return script(n, ctx, config);
    },
  };
}

/** Measurements that never end on their own: they wait for the runner to abort them. */
function hang(ctx: ProviderContext): Promise<Measurement> {
  return new Promise((_, reject) => {
    ctx.signal.addEventListener('abort', () => reject(new Error('aborted by signal')));
  });
}

const value =
  (result: unknown): Script =>
  async () => ({ result });
const sequence =
  (...results: unknown[]): Script =>
  async (n) => {
    const r = results[Math.min(n, results.length) - 1];
    if (r instanceof Error) throw r;
    return { result: r };
  };

function run(
  metrics: VerificationMetric[],
  providers: AnyProvider[],
  more: Partial<RunAnalysisOptions> = {},
  time = new VirtualTime(START),
) {
  return runAnalysis({
    metrics,
    providers: new Map(providers.map((p) => [p.name, p])),
    target: {
      project: 'echo',
      stage: 'dev',
      freightId: 'f'.repeat(40),
      freightAlias: 'lucky-jaguar',
    },
    fetch: globalThis.fetch,
    clock: time.clock,
    sleep: time.sleep,
    ...more,
  });
}

/** The metric config that routes a fake provider to one script. */
const via = (name: string, extra: Partial<VerificationMetric> = {}): VerificationMetric =>
  metric({ name, provider: { name: 'fake', config: { metric: name } }, ...extra });

describe('runAnalysis: basics', () => {
  it('no metrics: Successful at once, as Kargo verifies a stage without verification', async () => {
    const res = await run([], []);
    expect(res.phase).toBe('Successful');
    expect(res.metrics).toEqual([]);
    expect(res.message).toMatch(/no verification metrics/);
  });

  it('one measurement without conditions is Successful (Argo: always success unless error)', async () => {
    const res = await run([via('smoke')], [fake('fake', { smoke: value({ ok: true }) })]);
    expect(res.phase).toBe('Successful');
    expect(res.metrics[0]).toMatchObject({
      name: 'smoke',
      provider: 'fake',
      phase: 'Successful',
      count: 1,
      successful: 1,
      message: 'count (1) reached: 1 Successful',
    });
    expect(res.metrics[0]!.measurements).toEqual([
      { phase: 'Successful', startedAt: START, finishedAt: START, value: '{"ok":true}' },
    ]);
    expect(res.message).toBe('metric "smoke" Successful');
  });

  it('a false successCondition fails the metric at failureLimit 0, and says which condition', async () => {
    const res = await run(
      [via('rate', { successCondition: 'result[0] >= 0.95' })],
      [fake('fake', { rate: value([0.42]) })],
    );
    expect(res.phase).toBe('Failed');
    const m = res.metrics[0]!;
    expect(m.phase).toBe('Failed');
    expect(m.measurements[0]).toMatchObject({
      phase: 'Failed',
      value: '[0.42]',
      message: 'successCondition "result[0] >= 0.95" is false',
    });
    expect(m.message).toBe(
      'failed (1) > failureLimit (0): successCondition "result[0] >= 0.95" is false (result [0.42])',
    );
    expect(res.message).toBe(`metric "rate" assessed Failed: ${m.message}`);
  });

  it('failureCondition alone: Failed when true, Successful when false', async () => {
    const bad = await run(
      [via('errors', { failureCondition: 'result > 10' })],
      [fake('fake', { errors: value(11) })],
    );
    expect(bad.metrics[0]!.measurements[0]!.message).toBe('failureCondition "result > 10" is true');
    expect(bad.phase).toBe('Failed');
    const good = await run(
      [via('errors', { failureCondition: 'result > 10' })],
      [fake('fake', { errors: value(3) })],
    );
    expect(good.phase).toBe('Successful');
  });

  it("a provider's own phase decides without conditions; conditions win when present", async () => {
    const exit1: Script = async () => ({
      result: { exitCode: 1 },
      phase: 'Failed',
      detail: 'exit status 1',
    });
    const alone = await run([via('cmd')], [fake('fake', { cmd: exit1 })]);
    expect(alone.phase).toBe('Failed');
    expect(alone.metrics[0]!.measurements[0]).toMatchObject({
      phase: 'Failed',
      value: 'exit status 1',
      message: 'exit status 1',
    });
    const judged = await run(
      [via('cmd', { successCondition: 'result.exitCode == 1' })],
      [fake('fake', { cmd: exit1 })],
    );
    expect(judged.phase).toBe('Successful');
  });

  it('measures count times, interval apart, after initialDelay', async () => {
    const time = new VirtualTime(START);
    const calls: string[] = [];
    const res = await run(
      [
        via('rate', {
          successCondition: 'result >= 1',
          count: 3,
          interval: '1m',
          intervalMs: 60_000,
          initialDelay: '30s',
          initialDelayMs: 30_000,
        }),
      ],
      [fake('fake', { rate: value(1) }, calls)],
      {},
      time,
    );
    expect(res.phase).toBe('Successful');
    expect(calls).toEqual([
      'rate#1@2026-01-01T00:00:30.000Z',
      'rate#2@2026-01-01T00:01:30.000Z',
      'rate#3@2026-01-01T00:02:30.000Z',
    ]);
    expect(res.metrics[0]!.message).toBe('count (3) reached: 3 Successful');
  });

  it('Argo precedence when several limits are exceeded at once: Error over Inconclusive over Failed', () => {
    const limits = { count: 10, failureLimit: 0, inconclusiveLimit: 0, consecutiveErrorLimit: 0 };
    expect(
      assessMetric(limits, { count: 2, failed: 1, inconclusive: 1, consecutiveError: 1 }),
    ).toEqual({ phase: 'Error', reason: 'consecutiveErrors (1) > consecutiveErrorLimit (0)' });
    expect(
      assessMetric(limits, { count: 2, failed: 1, inconclusive: 1, consecutiveError: 0 }),
    ).toEqual({ phase: 'Inconclusive', reason: 'inconclusive (1) > inconclusiveLimit (0)' });
    expect(
      assessMetric(limits, { count: 2, failed: 0, inconclusive: 0, consecutiveError: 0 }),
    ).toBe(undefined);
  });
});

describe('runAnalysis: fault cases', () => {
  it('a configuration error (no API key) ends the metric at once: asking again cannot fix it', async () => {
    const calls: string[] = [];
    const res = await run(
      [via('keys', { successCondition: 'result == 1' })],
      [
        fake(
          'fake',
          {
            keys: () => Promise.reject(new ConfigError('datadog: no API key: set DD_API_KEY')),
          },
          calls,
        ),
      ],
    );
    expect(res.phase).toBe('Error');
    expect(calls).toHaveLength(1);
    expect(res.metrics[0]?.message).toBe(
      'a configuration error, which measuring again cannot fix: datadog: no API key: set DD_API_KEY',
    );
  });

  it('a provider that times out: every measurement is an Error, 10s apart, until consecutiveErrorLimit', async () => {
    const time = new VirtualTime(START);
    const calls: string[] = [];
    const res = await run(
      [via('slow', { timeout: '30s', timeoutMs: 30_000, successCondition: 'result == 1' })],
      [fake('fake', { slow: (_n, ctx) => hang(ctx) }, calls)],
      {},
      time,
    );
    expect(res.phase).toBe('Error');
    const m = res.metrics[0]!;
    expect(m.measurements).toHaveLength(5);
    expect(m.measurements.every((x) => x.phase === 'Error')).toBe(true);
    expect(m.measurements[0]).toMatchObject({
      startedAt: START,
      finishedAt: '2026-01-01T00:00:30.000Z',
      message: 'measurement timed out after 30s',
    });
    // Argo retries an errored measurement after DefaultErrorRetryInterval (10s).
    expect(calls[1]).toBe('slow#2@2026-01-01T00:00:40.000Z');
    expect(m).toMatchObject({ error: 5, consecutiveError: 5, count: 0 });
    expect(m.message).toBe(
      'consecutiveErrors (5) > consecutiveErrorLimit (4): measurement timed out after 30s',
    );
    expect(res.message).toContain('metric "slow" assessed Error: consecutiveErrors (5)');
  });

  it('500s until consecutiveErrorLimit is exceeded: Error', async () => {
    const http500 = new Error('received non 2xx response code: 500');
    const res = await run(
      [via('health', { successCondition: 'result.ok', consecutiveErrorLimit: 2 })],
      [fake('fake', { health: sequence(http500, http500, http500, { ok: true }) })],
    );
    expect(res.phase).toBe('Error');
    expect(res.metrics[0]!.measurements.map((m) => m.phase)).toEqual(['Error', 'Error', 'Error']);
    expect(res.metrics[0]!.message).toBe(
      'consecutiveErrors (3) > consecutiveErrorLimit (2): received non 2xx response code: 500',
    );
  });

  it('500s that stop before consecutiveErrorLimit: Successful, and the errors are reported', async () => {
    const http500 = new Error('received non 2xx response code: 500');
    const res = await run(
      [via('health', { successCondition: 'result.ok' })],
      [fake('fake', { health: sequence(http500, http500, http500, http500, { ok: true }) })],
    );
    expect(res.phase).toBe('Successful');
    const m = res.metrics[0]!;
    expect(m.measurements.map((x) => x.phase)).toEqual([
      'Error',
      'Error',
      'Error',
      'Error',
      'Successful',
    ]);
    expect(m).toMatchObject({ count: 1, error: 4, consecutiveError: 0 });
    expect(m.message).toBe('count (1) reached: 1 Successful, 4 Error');
  });

  it('errors do not count towards count, and a success resets consecutive errors', async () => {
    const boom = new Error('connection refused');
    const res = await run(
      [
        via('flaky', {
          successCondition: 'result == 1',
          count: 3,
          interval: '1m',
          intervalMs: 60_000,
          consecutiveErrorLimit: 1,
        }),
      ],
      [fake('fake', { flaky: sequence(boom, 1, boom, 1, 1) })],
    );
    expect(res.phase).toBe('Successful');
    expect(res.metrics[0]!.measurements.map((x) => x.phase)).toEqual([
      'Error',
      'Successful',
      'Error',
      'Successful',
      'Successful',
    ]);
  });

  it('flapping between success and failure with failureLimit 1: Failed at the second failure, before count', async () => {
    const time = new VirtualTime(START);
    const res = await run(
      [
        via('rate', {
          successCondition: 'result[0] >= 0.95',
          count: 6,
          interval: '1m',
          intervalMs: 60_000,
          failureLimit: 1,
        }),
      ],
      [fake('fake', { rate: async (n) => ({ result: [n % 2 ? 0.99 : 0.5] }) })],
      {},
      time,
    );
    expect(res.phase).toBe('Failed');
    const m = res.metrics[0]!;
    expect(m.measurements.map((x) => x.phase)).toEqual([
      'Successful',
      'Failed',
      'Successful',
      'Failed',
    ]);
    expect(m.message).toBe(
      'failed (2) > failureLimit (1): successCondition "result[0] >= 0.95" is false (result [0.5])',
    );
    // Stopped early: the 4th measurement was at 3m, and nothing ran after it.
    expect(time.elapsed()).toBe(180_000);
  });

  it('a single failure within failureLimit still ends Successful once count is reached', async () => {
    const res = await run(
      [
        via('rate', {
          successCondition: 'result >= 1',
          count: 3,
          interval: '10s',
          intervalMs: 10_000,
          failureLimit: 1,
        }),
      ],
      [fake('fake', { rate: sequence(1, 0, 1) })],
    );
    expect(res.phase).toBe('Successful');
    expect(res.metrics[0]!.message).toBe(
      'count (3) reached: 2 Successful, 1 Failed (failureLimit 1)',
    );
  });

  const bothConditions = {
    successCondition: 'len(result) > 0 && result[0] >= 0.95',
    failureCondition: 'len(result) > 0 && result[0] < 0.5',
  };

  it('no data, with both conditions: Inconclusive at inconclusiveLimit 0', async () => {
    const res = await run([via('rate', bothConditions)], [fake('fake', { rate: value([]) })]);
    expect(res.phase).toBe('Inconclusive');
    const m = res.metrics[0]!;
    expect(m.measurements[0]).toMatchObject({
      phase: 'Inconclusive',
      value: '[]',
      message:
        'neither successCondition "len(result) > 0 && result[0] >= 0.95" nor failureCondition "len(result) > 0 && result[0] < 0.5" is true',
    });
    expect(m.message).toMatch(/^inconclusive \(1\) > inconclusiveLimit \(0\): neither/);
    expect(res.message).toMatch(/^metric "rate" assessed Inconclusive: inconclusive \(1\)/);
  });

  it('no data within inconclusiveLimit, then data: Successful; past the limit: Inconclusive', async () => {
    const counted = { count: 4, interval: '1m', intervalMs: 60_000, inconclusiveLimit: 2 };
    const ok = await run(
      [via('rate', { ...bothConditions, ...counted })],
      [fake('fake', { rate: sequence([], [], [0.99], [0.98]) })],
    );
    expect(ok.phase).toBe('Successful');
    expect(ok.metrics[0]!.message).toBe(
      'count (4) reached: 2 Successful, 2 Inconclusive (inconclusiveLimit 2)',
    );
    const stuck = await run(
      [via('rate', { ...bothConditions, ...counted })],
      [fake('fake', { rate: value([]) })],
    );
    expect(stuck.phase).toBe('Inconclusive');
    expect(stuck.metrics[0]!.measurements).toHaveLength(3);
    expect(stuck.metrics[0]!.message).toMatch(/^inconclusive \(3\) > inconclusiveLimit \(2\)/);
  });

  it('no data with a condition that indexes it: the condition errors, so Error (as in Argo)', async () => {
    const res = await run(
      [via('rate', { successCondition: 'result[0] >= 0.95' })],
      [fake('fake', { rate: value([]) })],
    );
    expect(res.phase).toBe('Error');
    const m = res.metrics[0]!;
    expect(m.measurements).toHaveLength(5);
    expect(m.measurements[0]!.message).toBe(
      'successCondition "result[0] >= 0.95": index out of range: 0 (array length is 0) at 1:7',
    );
    expect(m.message).toMatch(
      /^consecutiveErrors \(5\) > consecutiveErrorLimit \(4\): successCondition/,
    );
  });

  it('a condition that is not a bool is an Error measurement', async () => {
    const res = await run(
      [via('x', { successCondition: 'result.status', consecutiveErrorLimit: 0 })],
      [fake('fake', { x: value({ status: 'ok' }) })],
    );
    expect(res.phase).toBe('Error');
    expect(res.metrics[0]!.measurements[0]!.message).toBe(
      'successCondition "result.status": expected bool, but got string',
    );
  });

  it("Argo's condition helpers: default, isNil, asFloat, asInt, isNaN, isInf", async () => {
    const cases: [string, unknown][] = [
      ['default(result, 0) < 0.05', null],
      ['isNil(result)', null],
      ['asFloat(result) > 0.5', '0.75'],
      ['asInt(result) == 3', '3'],
      ['isNaN(result[0])', [NaN]],
      ['isInf(result[0])', [Infinity]],
    ];
    for (const [successCondition, result] of cases) {
      const res = await run([via('h', { successCondition })], [fake('fake', { h: value(result) })]);
      expect(res.phase, successCondition).toBe('Successful');
    }
  });
});

describe('runAnalysis: several metrics', () => {
  it('run concurrently; a failed metric terminates the others (Argo), which keep their phase', async () => {
    const time = new VirtualTime(START);
    const calls: string[] = [];
    const res = await run(
      [
        via('slow', {
          successCondition: 'result == 1',
          count: 5,
          interval: '1m',
          intervalMs: 60_000,
        }),
        via('bad', {
          successCondition: 'result == 1',
          initialDelay: '90s',
          initialDelayMs: 90_000,
        }),
        via('late', {
          successCondition: 'result == 1',
          initialDelay: '10m',
          initialDelayMs: 600_000,
        }),
      ],
      [fake('fake', { slow: value(1), bad: value(0), late: value(1) }, calls)],
      {},
      time,
    );
    expect(res.phase).toBe('Failed');
    expect(calls).toEqual([
      'slow#1@2026-01-01T00:00:00.000Z',
      'slow#2@2026-01-01T00:01:00.000Z',
      'bad#1@2026-01-01T00:01:30.000Z',
    ]);
    const [slow, bad, late] = res.metrics;
    expect(bad!.phase).toBe('Failed');
    expect(slow).toMatchObject({
      phase: 'Successful',
      message: 'stopped after 2 measurements taken because metric "bad" assessed Failed',
    });
    expect(late).toMatchObject({
      phase: 'Skipped',
      message: 'not run: metric "bad" assessed Failed',
    });
    expect(res.message).toBe(
      'metric "bad" assessed Failed: failed (1) > failureLimit (0): successCondition "result == 1" is false (result 0)',
    );
  });

  it('the overall phase is the worst one: Failed over Error over Inconclusive', async () => {
    const res = await run(
      [
        via('inc', { successCondition: 'result == 1', failureCondition: 'result == 0' }),
        via('err', { consecutiveErrorLimit: 0 }),
        via('ok'),
      ],
      [
        fake('fake', {
          inc: value(2),
          err: async () => {
            throw new Error('no route to host');
          },
          ok: value(1),
        }),
      ],
    );
    // All three are decided in the same instant, before termination can stop any of them.
    expect(res.metrics.map((m) => m.phase)).toEqual(['Inconclusive', 'Error', 'Successful']);
    expect(res.phase).toBe('Error');
    expect(res.message).toBe(
      'metric "err" assessed Error: consecutiveErrors (1) > consecutiveErrorLimit (0): no route to host; ' +
        'metric "inc" assessed Inconclusive: inconclusive (1) > inconclusiveLimit (0): neither successCondition "result == 1" nor failureCondition "result == 0" is true (result 2)',
    );
  });

  it('argocd metrics run first and alone; the others start once they are Successful', async () => {
    const calls: string[] = [];
    const res = await run(
      [
        via('smoke'),
        metric({
          name: 'synced',
          provider: { name: 'argocd', config: { metric: 'synced' } },
          count: 5,
          interval: '30s',
          intervalMs: 30_000,
        }),
      ],
      [
        fake('fake', { smoke: value(1) }, calls),
        fake(
          'argocd',
          {
            synced: async (n) =>
              n < 2
                ? { result: 'Progressing', phase: 'Inconclusive' }
                : { result: 'Healthy', phase: 'Successful' },
          },
          calls,
        ),
      ],
    );
    expect(res.phase).toBe('Successful');
    expect(calls).toEqual([
      'synced#1@2026-01-01T00:00:00.000Z',
      'synced#2@2026-01-01T00:00:30.000Z',
      'smoke#1@2026-01-01T00:00:30.000Z',
    ]);
  });

  const argocdWait = (over: Partial<VerificationMetric> = {}): VerificationMetric =>
    metric({
      name: 'deployed',
      provider: { name: 'argocd', config: { metric: 'deployed' } },
      count: 40,
      interval: '15s',
      intervalMs: 15_000,
      ...over,
    });
  const waiting: Script = async () => ({
    result: { applications: [] },
    phase: 'Inconclusive',
    detail: 'shop-web: OutOfSync at a1b2c3d (waiting for c0ffee0)',
  });

  it('argocd metrics wait: Inconclusive is "not yet", the first Successful ends the wait', async () => {
    const calls: string[] = [];
    const time = new VirtualTime(START);
    const res = await run(
      [via('smoke'), argocdWait()],
      [
        fake('fake', { smoke: value(1) }, calls),
        fake(
          'argocd',
          {
            deployed: async (n, ctx, c) =>
              n < 3 ? waiting(n, ctx, c) : { result: {}, phase: 'Successful', detail: '2 ready' },
          },
          calls,
        ),
      ],
      {},
      time,
    );
    expect(res.phase).toBe('Successful');
    expect(res.metrics[1]).toMatchObject({
      phase: 'Successful',
      message: 'Successful after 3 measurements: 2 ready',
    });
    expect(calls.at(-1)).toBe('smoke#1@2026-01-01T00:00:30.000Z');
  });

  it('an argocd metric still waiting after count measurements is Inconclusive, and says what it waits for', async () => {
    const res = await run(
      [via('smoke'), argocdWait({ count: 4 })],
      [fake('fake', { smoke: value(1) }), fake('argocd', { deployed: waiting })],
    );
    expect(res.phase).toBe('Inconclusive');
    expect(res.metrics[1]!.message).toBe(
      'still waiting after count (4) measurements: shop-web: OutOfSync at a1b2c3d (waiting for c0ffee0)',
    );
    expect(res.metrics[0]).toMatchObject({
      phase: 'Skipped',
      message: 'not run: metric "deployed" assessed Inconclusive',
    });
  });

  it('an argocd metric that fails (Degraded) fails at once with failureLimit 0', async () => {
    const res = await run(
      [argocdWait()],
      [
        fake('argocd', {
          deployed: async (n) =>
            n < 2
              ? { result: {}, phase: 'Inconclusive', detail: 'shop-api: Progressing' }
              : { result: {}, phase: 'Failed', detail: 'shop-api: Degraded' },
        }),
      ],
    );
    expect(res.phase).toBe('Failed');
    expect(res.metrics[0]!.message).toBe('failed (1) > failureLimit (0): shop-api: Degraded');
  });

  it('when an argocd metric is not Successful the others are Skipped', async () => {
    const calls: string[] = [];
    const res = await run(
      [
        via('smoke'),
        metric({
          name: 'synced',
          provider: { name: 'argocd', config: { metric: 'synced' } },
          consecutiveErrorLimit: 0,
        }),
      ],
      [
        fake('fake', { smoke: value(1) }, calls),
        fake(
          'argocd',
          {
            synced: async () => {
              throw new Error('application "echo" is OutOfSync');
            },
          },
          calls,
        ),
      ],
    );
    expect(res.phase).toBe('Error');
    expect(calls).toEqual(['synced#1@2026-01-01T00:00:00.000Z']);
    expect(res.metrics[0]).toMatchObject({
      name: 'smoke',
      phase: 'Skipped',
      message: 'not run: metric "synced" assessed Error',
    });
  });
});

describe('runAnalysis: the run as a whole', () => {
  it('the overall timeout aborts what is outstanding: Error, and the message says so', async () => {
    const time = new VirtualTime(START);
    const res = await run(
      [
        via('rate', {
          successCondition: 'result == 1',
          count: 10,
          interval: '1m',
          intervalMs: 60_000,
        }),
        via('stuck', { timeout: '1h', timeoutMs: 3_600_000 }),
      ],
      [fake('fake', { rate: value(1), stuck: (_n, ctx) => hang(ctx) })],
      { timeoutMs: 150_000 },
      time,
    );
    expect(res.phase).toBe('Error');
    expect(time.elapsed()).toBe(150_000);
    const [rate, stuck] = res.metrics;
    expect(rate).toMatchObject({
      phase: 'Error',
      message: 'verification timed out after 2m30s (3 measurements taken, count 10)',
    });
    expect(stuck!.measurements).toEqual([
      expect.objectContaining({
        phase: 'Error',
        message: 'aborted: verification timed out after 2m30s',
      }),
    ]);
    expect(res.message).toMatch(
      /^metric "rate" assessed Error: verification timed out after 2m30s/,
    );
    expect(res.message).toContain(
      'metric "stuck" assessed Error: verification timed out after 2m30s',
    );
  });

  it('a cancelled run ends in Error', async () => {
    const ctl = new AbortController();
    ctl.abort();
    const res = await run([via('x')], [fake('fake', { x: value(1) })], { signal: ctl.signal });
    expect(res.phase).toBe('Error');
    expect(res.message).toBe('verification cancelled');
    expect(res.metrics[0]).toMatchObject({
      phase: 'Skipped',
      message: 'not run: verification cancelled',
    });
  });

  it('an invalid spec is an Error before anything is measured', async () => {
    const calls: string[] = [];
    const strict: AnyProvider = {
      name: 'strict',
      parse: (config, where) => {
        if (typeof (config as { url?: unknown }).url !== 'string') {
          throw new Error(`${where}: url: must be a string`);
        }
        return config;
      },
      measure: async () => {
        calls.push('measured');
        return { result: 1 };
      },
    };
    const res = await run(
      [
        metric({ name: 'a', provider: { name: 'strict', config: {} } }),
        metric({ name: 'b', provider: { name: 'nope', config: {} } }),
        metric({ name: 'c', provider: { name: 'strict', config: { url: 'x' } } }),
      ],
      [strict],
    );
    expect(calls).toEqual([]);
    expect(res.phase).toBe('Error');
    expect(res.message).toBe(
      'verification spec invalid: verification metric "a": provider strict: url: must be a string; ' +
        'verification metric "b": provider "nope" is not available (providers: strict)',
    );
    expect(res.metrics.map((m) => m.phase)).toEqual(['Error', 'Error', 'Skipped']);
  });

  it('renders ${{ }} with ctx and env before the provider sees its config', async () => {
    let seen: unknown;
    const res = await run(
      [
        metric({
          name: 'x',
          provider: {
            name: 'echo',
            config: {
              url: 'https://${{ ctx.stage }}.acme.dev/version?freight=${{ ctx.freight.alias }}',
              want: '${{ ctx.freight.id }}',
              port: '${{ env.PORT }}',
            },
          },
          successCondition: 'result.port == ${{ env.PORT }}',
        }),
      ],
      [
        {
          name: 'echo',
          parse: (c) => c,
          measure: async (c) => {
            seen = c;
            return { result: c };
          },
        },
      ],
      { env: { PORT: '8080' } },
    );
    expect(res.phase).toBe('Successful');
    expect(seen).toEqual({
      url: 'https://dev.acme.dev/version?freight=lucky-jaguar',
      want: 'f'.repeat(40),
      port: 8080,
    });
  });

  it('a template reading an unset variable is a spec error that names it', async () => {
    const res = await run(
      [metric({ name: 'x', provider: { name: 'fake', config: { h: 'Bearer ${{ env.TOKEN }}' } } })],
      [fake('fake', { default: value(1) })],
      { env: {} },
    );
    expect(res.phase).toBe('Error');
    expect(res.message).toContain('verification metric "x": env.TOKEN is not set');
  });

  it('secrets never appear in messages, values or the log', async () => {
    const lines: string[] = [];
    const token = 'tok-3f9a1c0d77';
    const registered = 'api-key-5b2e9';
    const res = await run(
      [
        metric({
          name: 'x',
          provider: { name: 'leaky', config: { header: 'Bearer ${{ env.TOKEN }}' } },
          consecutiveErrorLimit: 0,
        }),
      ],
      [
        {
          name: 'leaky',
          parse: (c) => c,
          measure: async (c, ctx) => {
            ctx.secret(registered);
            ctx.log(`sending ${JSON.stringify(c)} with ${registered}`);
            throw new Error(
              `401 for ${JSON.stringify(c)} and key ${registered} at https://u:pw@x.dev`,
            );
          },
        },
      ],
      { env: { TOKEN: token }, log: (l) => lines.push(l) },
    );
    const all = JSON.stringify(res) + lines.join('\n');
    expect(all).not.toContain(token);
    expect(all).not.toContain(registered);
    expect(all).not.toContain('u:pw');
    expect(res.metrics[0]!.measurements[0]!.message).toBe(
      '401 for {"header":"Bearer ***"} and key *** at https://***@x.dev',
    );
    expect(lines.some((l) => l.includes('sending {"header":"Bearer ***"} with ***'))).toBe(true);
  });
});

describe('runAnalysis: the timeout holds when the work is CPU-bound', () => {
  /** A clock that moves `stepMs` each time it is read, as a busy CPU sees the wall clock. */
  function busyClock(stepMs: number): () => Date {
    let now = Date.parse(START);
    return () => new Date((now += stepMs));
  }

  it('measurements that settle at once cannot starve the timeout (real timers)', async () => {
    const started = Date.now();
    const res = await runAnalysis({
      metrics: [via('spin', { successCondition: 'result == 1', count: 200_000 })],
      providers: new Map([['fake', fake('fake', { spin: value(1) })]]),
      target: { project: 'echo', stage: 'dev', freightId: 'f'.repeat(40), freightAlias: 'x' },
      fetch: globalThis.fetch,
      timeoutMs: 200,
    });
    expect(res.phase).toBe('Error');
    expect(res.message).toMatch(
      /^metric "spin" assessed Error: verification timed out after 200ms/,
    );
    // Without a macrotask between measurements, all 200,000 run before the timer can fire.
    expect(res.metrics[0]!.measurements.length).toBeLessThan(200_000);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a condition with a pathological regex on a measured value is decided at once (RE2)', async () => {
    const started = performance.now();
    const res = await run(
      [
        via('body', {
          successCondition: 'result matches "^(a+)+$"',
          failureCondition: 'result matches "^(a|aa)*!$"',
        }),
      ],
      [fake('fake', { body: value(`${'a'.repeat(100_000)}!`) })],
    );
    expect(res.phase).toBe('Failed');
    expect(res.metrics[0]!.measurements[0]!.message).toBe(
      `failureCondition ${JSON.stringify('result matches "^(a|aa)*!$"')} is true`,
    );
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('a condition still evaluating at the deadline is cut short', async () => {
    const heavy = 'all(1..20000, {# > 0})';
    const res = await run(
      [via('heavy', { successCondition: heavy })],
      [fake('fake', { heavy: value(1) })],
      { timeoutMs: 1_000, clock: busyClock(50) },
    );
    expect(res.phase).toBe('Error');
    expect(res.metrics[0]!.measurements).toEqual([
      expect.objectContaining({
        phase: 'Error',
        message: 'aborted: verification timed out after 1s',
      }),
    ]);
    expect(res.metrics[0]!.message).toMatch(/^verification timed out after 1s/);
    // The same condition with time to spare is simply true.
    const relaxed = await run(
      [via('heavy', { successCondition: heavy })],
      [fake('fake', { heavy: value(1) })],
      { timeoutMs: 3_600_000, clock: busyClock(50) },
    );
    expect(relaxed.phase).toBe('Successful');
  });

  it('a template still rendering at the deadline ends the run, not as an invalid spec', async () => {
    const res = await run(
      [
        metric({
          name: 'heavy',
          provider: {
            name: 'fake',
            config: { metric: 'heavy', n: '${{ len(map(1..20000, {# + 1})) }}' },
          },
        }),
      ],
      [fake('fake', { heavy: value(1) })],
      { timeoutMs: 1_000, clock: busyClock(50) },
    );
    expect(res.phase).toBe('Error');
    expect(res.message).not.toContain('spec invalid');
    expect(res.message).toContain('verification timed out after 1s');
    expect(res.metrics[0]!.measurements).toEqual([]);
  });
});
