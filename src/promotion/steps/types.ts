import type { Freight } from '../../freight/types.js';

/**
 * A promotion step, Kargo-style: `uses` names a step in the registry; its `config` (after `${{ }}`
 * expressions are rendered) is validated by the step and applied to a checkout of the stage's
 * branch. One file per step under src/promotion/steps/, registered in registry.ts.
 */
export interface StepContext {
  /** Root of the checkout; every path a step touches must resolve inside it (see safePath). */
  worktree: string;
  project: string;
  stage: string;
  /** The freight being promoted (for kustomize-set-image's automatic mode, say). */
  freight: Freight;
  /** Every freight the stage runs after this promotion, one per origin. */
  freightCollection: Freight[];
  /** Index of the step in the template, and its alias (`as`), for messages. */
  index: number;
  alias?: string;
  /** Network access for steps that need it (http); the adapter's fetch, tests' local servers. */
  fetch: typeof fetch;
  log: (line: string) => void;
}

export interface StepResult {
  /** Values later steps read as `outputs.<alias>.<name>`. */
  outputs?: Record<string, unknown>;
  /** Lines for the promotion commit message ("- env/dev/values.yaml: image.tag → 1.2.0"). */
  summary?: string[];
  /** Paths (relative to the worktree) the step changed. */
  changed?: string[];
}

export interface StepDefinition {
  /** Kargo's step name: `yaml-update`, `kustomize-set-image`, … */
  name: string;
  /** Validates the rendered config; throws ConfigError naming the step and the field. */
  run(config: Record<string, unknown>, ctx: StepContext): Promise<StepResult>;
}
