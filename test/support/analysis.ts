/**
 * Harness for the verification providers' tests: a metric, a whole analysis through the runner
 * (runAnalysis with the default providers and the real fetch), or a ProviderContext that records
 * the secrets and log lines a provider gives it, for calling one provider's measure by hand.
 */
import type { VerificationMetric } from '../../src/pipeline/types.js';
import {
  runAnalysis,
  type AnalysisResult,
  type RunAnalysisOptions,
} from '../../src/verification/analysis.js';
import { defaultProviders } from '../../src/verification/providers/index.js';
import type { ProviderContext } from '../../src/verification/types.js';

export type Target = ProviderContext['target'];

/** What is verified unless a test says otherwise (no promotion commit). */
export const TARGET: Target = {
  project: 'echo',
  stage: 'dev',
  freightId: 'b'.repeat(40),
  freightAlias: 'calm-otter',
};

/**
 * A metric of `provider` with `config`, named after the provider: one measurement, no failure,
 * inconclusive or error tolerated (consecutiveErrorLimit 0, so the first Error decides), and a
 * 30 s timeout per measurement.
 */
export function metric(
  provider: string,
  config: Record<string, unknown>,
  over: Partial<VerificationMetric> = {},
): VerificationMetric {
  return {
    name: provider,
    provider: { name: provider, config },
    count: 1,
    failureLimit: 0,
    inconclusiveLimit: 0,
    consecutiveErrorLimit: 0,
    timeout: '30s',
    timeoutMs: 30_000,
    ...over,
  };
}

/** runAnalysis options, with the target's fields laid over TARGET. */
export type AnalyzeOptions = Omit<Partial<RunAnalysisOptions>, 'metrics' | 'target'> & {
  target?: Partial<Target>;
};

/**
 * Runs `metrics` through the runner, with the default providers and the real fetch, in real time;
 * a measurement that ends in Error is retried after 20 ms (the runner's default is 10 s).
 */
export function analyze(
  metrics: VerificationMetric[],
  over: AnalyzeOptions = {},
): Promise<AnalysisResult> {
  const { target, ...rest } = over;
  return runAnalysis({
    providers: defaultProviders(),
    fetch: globalThis.fetch,
    errorRetryIntervalMs: 20,
    ...rest,
    metrics,
    target: { ...TARGET, ...target },
  });
}

/** A ProviderContext and what the provider registered as secrets and logged through it. */
export interface ProviderHarness {
  ctx: ProviderContext;
  secrets: string[];
  logs: string[];
}

/** ProviderContext fields, with the target's fields laid over TARGET. */
export type ContextOptions = Omit<Partial<ProviderContext>, 'target'> & {
  target?: Partial<Target>;
};

/**
 * A context for one provider's measure: the real fetch, an empty environment, a signal that is
 * never aborted, the wall clock and TARGET unless `over` says otherwise.
 */
export function providerHarness(over: ContextOptions = {}): ProviderHarness {
  const secrets: string[] = [];
  const logs: string[] = [];
  const { target, ...rest } = over;
  const ctx: ProviderContext = {
    fetch: globalThis.fetch,
    signal: new AbortController().signal,
    env: {},
    secret: (v) => void secrets.push(v),
    log: (line) => void logs.push(line),
    clock: () => new Date(),
    ...rest,
    target: { ...TARGET, ...target },
  };
  return { ctx, secrets, logs };
}

/** The error `fn` throws or rejects with; fails the test when it does neither. */
export async function thrownBy(fn: () => unknown): Promise<Error> {
  try {
    await fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the measurement to throw');
}
