import type { RegistryCredential } from '../../discovery/types.js';
import type { Freight } from '../../freight/types.js';
import type { Workspace } from '../workspace.js';

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
  /** The step's config as written in the project file, before `${{ }}` were rendered. */
  written?: Record<string, unknown>;
  /** Index of the step in the template, and its alias (`as`), for messages. */
  index: number;
  alias?: string;
  /** Network access for steps that need it (http); the adapter's fetch, tests' local servers. */
  fetch: typeof fetch;
  log: (line: string) => void;
  /** Waits between retries of a step (`retry`); tests pass a fake. Default: real time. */
  sleep?: (ms: number) => Promise<void>;
  /** The clock retry timeouts are measured with. Default: the system clock. */
  clock?: () => Date;
  /**
   * Environment of the programs steps run (kustomize, kubectl, helm); its PATH finds them.
   * Default: the process's own, inherited.
   */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * The promotion's workspace, when the template makes its own checkouts (has git-clone); then
   * `worktree` is the workspace's root. Undefined: `worktree` is gantry's checkout of the stage.
   */
  workspace?: Workspace;
  /** Outputs of the steps before this one, by alias. */
  outputs?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Summary lines of the steps before this one (what they changed), for commit messages. */
  summary?: readonly string[];
  /**
   * A dry run: steps that act outside the repository (argocd-update) read and check, and say what
   * they would do, but change nothing. (The workspace's own steps ask `workspace.dryRun`.)
   */
  dryRun?: boolean;
  /**
   * Kargo's Promotion name: the same for every step and every retry of one run of the template,
   * new for the next promotion (argocd-update marks the syncs it starts with it).
   */
  promotion?: string;
  /** How long the step may wait within the job (its retry.timeout): git-wait-for-pr. */
  waitMs?: number;
  /**
   * Where set-metadata and set-freight-alias record, and what freightMetadata() and
   * stageMetadata() read (src/promotion/notes.ts); undefined outside a promotion.
   */
  notes?: PromotionNotes;
  /**
   * Registry credentials by host, the ones discovery uses (the Docker config's `auths`, the
   * GitHub token for ghcr.io): oci-download and oci-push. None: anonymous.
   */
  registryCredentials?: ReadonlyMap<string, RegistryCredential>;
  /** For tests: the OCI client's waits between retries. */
  registryRetrySleep?: (ms: number) => Promise<void>;
}

/** Metadata and aliases set during one attempt of a promotion (see src/promotion/notes.ts). */
export interface PromotionNotes {
  setStageMetadata(stage: string, values: Readonly<Record<string, unknown>>): void;
  setFreightMetadata(freight: string, values: Readonly<Record<string, unknown>>): void;
  setFreightAlias(freight: string, alias: string): { previous: string };
  freightMetadata(freight: string): Record<string, unknown> | undefined;
  stageMetadata(stage: string): Record<string, unknown> | undefined;
}

/**
 * Thrown by a step that leaves the promotion waiting on something outside the job (a pull request
 * nobody has merged yet): later steps do not run, and the promotion ends as pending, not failed.
 */
export class PromotionPendingError extends Error {
  constructor(
    message: string,
    readonly pullRequest?: { number: number; url: string; created: boolean },
  ) {
    super(message);
    this.name = 'PromotionPendingError';
  }
}

/**
 * Thrown by a step whose work is not done yet, as opposed to failed (Kargo's Running): an http
 * step whose successExpression is not met yet. With `retry.timeout` the engine asks again every
 * `retryAfterMs` until the timeout; without it, this fails the step like any error.
 */
export class StepPendingError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
    this.name = 'StepPendingError';
  }
}

export interface StepResult {
  /** Values later steps read as `outputs.<alias>.<name>`. */
  outputs?: Record<string, unknown>;
  /** Lines for the promotion commit message ("- env/dev/values.yaml: image.tag → 1.2.0"). */
  summary?: string[];
  /** Paths (relative to the worktree) the step changed. */
  changed?: string[];
  /** Kargo's Skipped: the step ran and found nothing to do (git-commit with no changes). */
  status?: 'Skipped';
}

/** A JSON schema (draft-07, as ajv reads by default) of a step's `config`. */
export type StepSchema = Readonly<Record<string, unknown>>;

export interface StepDefinition {
  /** Kargo's step name: `yaml-update`, `kustomize-set-image`, … */
  name: string;
  /**
   * The schema of `config` as written in the project file, which `gantry lint` checks before
   * anything runs (a string holding `${{ }}` matches any type there: it is only known once
   * rendered). `run` still validates the rendered config.
   */
  schema: StepSchema;
  /**
   * The step's `retry.timeout` when the template gives none (Kargo's per-step DefaultTimeout):
   * how long a step that is not done yet (StepPendingError) is asked again.
   */
  defaultTimeoutMs?: number;
  /** Validates the rendered config; throws ConfigError naming the step and the field. */
  run(config: Record<string, unknown>, ctx: StepContext): Promise<StepResult>;
}
