/**
 * Verification, Argo Rollouts style: a stage's `verification` lists metrics; each metric takes
 * measurements through one provider and turns each into a phase with `successCondition` /
 * `failureCondition` (expressions over the provider's `result`). The runner (analysis.ts) owns
 * the loop, limits and the decision; providers only measure. One file per provider under
 * providers/, registered in providers/index.ts.
 */
import type { GitHubPort } from '../github/port.js';

export type MeasurementPhase = 'Successful' | 'Failed' | 'Inconclusive' | 'Error';

/** Outcome of a metric or of the whole analysis (Argo Rollouts' AnalysisPhase). */
export type AnalysisPhase = 'Successful' | 'Failed' | 'Inconclusive' | 'Error';

export interface ProviderContext {
  /** Network access (the adapter's fetch; tests pass local servers). */
  fetch: typeof fetch;
  /** Aborted when the measurement's timeout passes or the run is cancelled. */
  signal: AbortSignal;
  /**
   * Environment the adapter passes in (business logic never reads process.env): where providers
   * find secrets by default (DD_API_KEY, ARGOCD_AUTH_TOKEN, …).
   */
  env: Readonly<Record<string, string | undefined>>;
  /** Registers a secret value so that it never reaches logs, errors or summaries. */
  secret: (value: string) => void;
  log: (line: string) => void;
  clock: () => Date;
  /**
   * The GitOps repository on GitHub (the github provider reads the promotion commit's checks);
   * present when the verify adapter has a token for it.
   */
  github?: GitHubPort;
  /** What is being verified. */
  target: {
    project: string;
    stage: string;
    freightId: string;
    freightAlias: string;
    /** The promotion commit on the stage's branch (argocd waits for it, github reads its checks). */
    commit?: string;
  };
}

export interface Measurement {
  /** What conditions see as `result`. */
  result: unknown;
  /**
   * A provider that decides by itself (command's exit status, argocd's health) sets the phase;
   * conditions, when the metric has them, still win.
   */
  phase?: MeasurementPhase;
  /** One line for summaries: the value, or why it is what it is. Never a secret. */
  detail?: string;
  /**
   * More variables conditions can read besides `result` (http adds `response: {status,
   * headers}`). `result` itself cannot be replaced this way.
   */
  vars?: Record<string, unknown>;
}

export interface ProviderDefinition<C = unknown> {
  /** The key under `provider:` in the project file: `http`, `prometheus`, `datadog`, … */
  name: string;
  /** Validates the provider's config; throws ConfigError naming `where` and the field. */
  parse(config: unknown, where: string): C;
  /** One measurement. Throwing means phase Error (counts towards consecutiveErrorLimit). */
  measure(config: C, ctx: ProviderContext): Promise<Measurement>;
}
