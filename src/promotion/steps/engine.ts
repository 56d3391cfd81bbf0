/**
 * Runs a stage's promotion template, Kargo-style: each step in order, with `${{ }}` expressions in
 * its `if`, `vars` and `config` evaluated just before it runs.
 *
 * The expression environment of a step (Kargo's promotion variables):
 * - `vars`: the template's vars, then the step's, each rendered in order (a later one may read an
 *   earlier one; a step var shadows a template var of the same name). Template vars see `vars`
 *   and `ctx`; step vars also see `outputs`.
 * - `ctx`: `{project, stage, promotion, uiBaseUrl, targetFreight: {name, alias, origin: {kind,
 *   name}}, meta: {promotion: {actor, rollback}, step: {alias}}}` (`targetFreight.name` is the
 *   freight ID, as in Kargo; `uiBaseUrl` is the workflow run's page, or "" outside Actions).
 * - `outputs`: the outputs of earlier steps, by their alias: `as`, or Kargo's default `step-<n>`
 *   (1-based); a step inflated from a promotion task is `<task alias>::<alias>`, and also sees
 *   `task.outputs` (its task's earlier steps); a task's compose-output is `outputs.<task alias>`.
 * - functions: the freight functions `imageFrom()`, `chartFrom()`, `commitFrom()`, `warehouse()`
 *   over the freight collection (src/expr/freight.ts: typed structs, nil when nothing matches),
 *   Kargo's step-status functions `success()`, `failure()`, `always()` and `status(alias)`,
 *   `secret()`, `sharedSecret()`, `configMap()`, `sharedConfigMap()` (../expr-data.ts),
 *   `freightMetadata()` and `stageMetadata()` (../notes.ts: what set-metadata recorded, this
 *   promotion's own changes included), and every builtin of the expression language (`semverParse`, `semverDiff`, `quote`, …).
 *
 * Control flow (Kargo's): a step without `if` runs while no step has failed; a step with `if`
 * runs when it evaluates to true (`${{ failure() }}` runs clean-up after a failure). A failing
 * step with `continueOnError` is recorded (status `Errored`, listed in `errors`) and, as in Kargo,
 * counts as no failure at all: it does not stop the promotion, `success()` stays true and
 * `failure()` false (only `status(alias)` says `Errored`). Any other failure stops it: later
 * steps run only if their `if` says so, and `runSteps` then throws the first failure. Errors name
 * the step: `step 2 (yaml-update "update-image"): …` (1-based position in the template).
 *
 * Secrets: every value `secret()`/`sharedSecret()` can return is replaced by `***` in the log
 * lines, errors and summary lines the engine hands on, and a commit message, tag annotation,
 * pull request text or metadata value that holds one is refused (those are durable records anyone
 * with read access sees). Writing a secret into a file is the template's choice, as in Kargo.
 */
import { randomBytes } from 'node:crypto';
import {
  ANY,
  ExprError,
  compileExpr,
  expectArgs,
  freightFunctions,
  hasExpression,
  renderTemplate,
  renderTemplates,
  structOf,
  type ExprFunctions,
  type FunctionSignatures,
  type StaticType,
} from '../../expr/index.js';
import type { PromotionStep, PromotionTemplate, PromotionVar } from '../../pipeline/types.js';
import { ConfigError, GantryError, OperationError, errorMessage } from '../../util/errors.js';
import { didYouMean } from '../../util/suggest.js';
import {
  PromotionPendingError,
  StepPendingError,
  type StepContext,
  type StepDefinition,
  type StepResult,
} from './types.js';
import { formatDuration } from '../../pipeline/duration.js';
import { RaceLostError } from '../../state/index.js';
import { inGroup, type LogGroup } from '../../util/log-group.js';
import { TASK_ALIAS_SEPARATOR, taskNamespace } from '../../pipeline/tasks.js';
import { Redactor } from '../../util/redact.js';
import {
  NO_EXPRESSION_DATA,
  dataFunctions,
  secretValues,
  type ExpressionData,
} from '../expr-data.js';
import { notesFunctions } from '../notes.js';

export type StepRegistry = ReadonlyMap<string, StepDefinition>;

/** Kargo's step statuses; Running: the step left the promotion waiting (a pull request). */
export type StepStatus = 'Succeeded' | 'Errored' | 'Skipped' | 'Running';

export interface StepFailure {
  /** 0-based position of the step in the template. */
  index: number;
  uses: string;
  alias?: string;
  message: string;
}

export interface RunStepsResult {
  /** Outputs of the steps that ran, by alias (`as`, or `step-<n>` from 1). */
  outputs: Record<string, Record<string, unknown>>;
  /** Summary lines of every step that ran, in order. */
  summary: string[];
  /** Paths (relative to the worktree, `/`-separated) any step changed, each once, in order. */
  changed: string[];
  /** Failures of steps that had `continueOnError`. */
  errors: StepFailure[];
  /** Status of every step, in template order. */
  statuses: StepStatus[];
  /** The `message` of the last `git-commit` step that ran (Kargo templates set it there). */
  commitMessage?: string;
  /** A step left the promotion waiting (an open pull request); later steps did not run. */
  pending?: PromotionPendingError;
}

export interface EngineContext extends Omit<StepContext, 'index' | 'alias'> {
  /** Who promotes: `ctx.meta.promotion.actor`. */
  actor?: string;
  /** Older freight than the newest available (a rollback): `ctx.meta.promotion.rollback`. */
  rollback?: boolean;
  /** `ctx.uiBaseUrl`: the page of the workflow run promoting, or "" (the CLI). */
  uiBaseUrl?: string;
  /** What secret(), configMap() and their shared forms read; none by default. */
  data?: ExpressionData;
  /** Folds each step's lines in the adapter's log. */
  group?: LogGroup;
  /**
   * Go on with a template that an earlier run left pending: the steps before `from` are not run
   * again; their outputs and statuses are these (the pending step's outputs set by the caller).
   */
  resume?: {
    from: number;
    outputs: Record<string, Record<string, unknown>>;
    statuses: readonly StepStatus[];
  };
}

/**
 * A step's alias, as Kargo names them: the loader's (`as`, or `step-<n>` counted 1-based in the
 * template as written, `<task alias>::<alias>` inflated from a task), else `as` or `step-<n>`.
 */
export function stepAlias(step: Pick<PromotionStep, 'as' | 'alias'>, index: number): string {
  return step.alias ?? step.as ?? `step-${index + 1}`;
}

/** `task.outputs` of a step inflated from a task: its task's earlier steps, by their own alias. */
function taskEnv(
  alias: string,
  outputs: Record<string, Record<string, unknown>>,
): { task?: { outputs: Record<string, Record<string, unknown>> } } {
  const ns = taskNamespace(alias);
  if (ns === undefined) return {};
  const own: Record<string, Record<string, unknown>> = {};
  for (const [k, v] of Object.entries(outputs)) {
    if (taskNamespace(k) === ns) own[k.slice(ns.length + TASK_ALIAS_SEPARATOR.length)] = v;
  }
  return { task: { outputs: own } };
}

/** `step 2 (yaml-update "update-image")`. */
export function stepLabel(
  step: Pick<PromotionStep, 'uses' | 'as' | 'alias'>,
  index: number,
): string {
  // A step from a task is named by its inflated alias (`promo::commit`): the task says which.
  const name = step.alias?.includes('::') ? step.alias : step.as;
  const alias = name ? ` ${JSON.stringify(name)}` : '';
  return `step ${index + 1} (${step.uses}${alias})`;
}

/** Re-throw `err` with the step's label in front, keeping its class (ConfigError, …). */
function wrapError(label: string, what: string, err: unknown): GantryError {
  const message = `${label}: ${what ? `${what}: ` : ''}${errorMessage(err)}`;
  if (err instanceof ConfigError || err instanceof ExprError) return new ConfigError(message);
  return new OperationError(message, { cause: err });
}

/** What `gantry lint` knows of the functions and `ctx` above (keep them in step). */
export { DATA_SIGNATURES } from '../expr-data.js';

export { NOTES_SIGNATURES } from '../notes.js';

/** Kargo's functions gantry does not provide, with what lint says instead of "unknown". */
export const UNSUPPORTED_FUNCTIONS: Readonly<Record<string, string>> = {
  freightStatus:
    "Kargo's freight status is not exposed to expressions in gantry; `gantry get freight` shows where freight is verified and approved",
};

export const STATUS_SIGNATURES: FunctionSignatures = {
  success: { min: 0, max: 0 },
  failure: { min: 0, max: 0 },
  always: { min: 0, max: 0 },
  status: { min: 1, max: 1 },
};

export const STEP_CTX_TYPE: StaticType = structOf('ctx', {
  uiBaseUrl: ANY,
  project: ANY,
  stage: ANY,
  promotion: ANY,
  targetFreight: structOf('targetFreight', {
    name: ANY,
    alias: ANY,
    origin: structOf('origin', { kind: ANY, name: ANY }),
  }),
  meta: structOf('meta', {
    promotion: structOf('promotion', { actor: ANY, rollback: ANY }),
    step: structOf('step', { alias: ANY }),
  }),
});

function statusFunctions(
  steps: readonly PromotionStep[],
  statuses: readonly StepStatus[],
): ExprFunctions {
  // Kargo's HasFailures: a step allowed to fail (continueOnError) is not counted.
  const failed = () => statuses.some((s, i) => s === 'Errored' && !steps[i]?.continueOnError);
  return {
    success: (args) => {
      expectArgs('success', args, []);
      return !failed();
    },
    failure: (args) => {
      expectArgs('failure', args, []);
      return failed();
    },
    always: (args) => {
      expectArgs('always', args, []);
      return true;
    },
    status: (args) => {
      const [alias] = expectArgs('status', args, ['string']) as [string];
      const i = steps.findIndex((s, n) => stepAlias(s, n) === alias);
      if (i < 0) throw new Error(`status(): no step has the alias ${JSON.stringify(alias)}`);
      return statuses[i] ?? 'Pending';
    },
  };
}

/** Render `vars` in order into a copy of `base`, each seeing the ones before it. */
function renderVars(
  vars: readonly PromotionVar[],
  base: Record<string, unknown>,
  env: (vars: Record<string, unknown>) => Record<string, unknown>,
  functions: ExprFunctions,
  where: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const v of vars) {
    try {
      const value = renderTemplate(String(v.value), env(out), { functions });
      Object.defineProperty(out, v.name, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } catch (err) {
      throw wrapError(where, `vars.${v.name}`, err);
    }
  }
  return out;
}

/** Evaluate a step's `if`: `${{ expr }}` (Kargo) or a bare expression; must be a bool. */
function evaluateIf(
  source: string,
  env: Record<string, unknown>,
  functions: ExprFunctions,
): boolean {
  const value = hasExpression(source)
    ? renderTemplate(source, env, { functions })
    : compileExpr(source).evaluate(env, { functions });
  if (typeof value !== 'boolean') {
    throw new ConfigError(
      `if ${JSON.stringify(source)} must evaluate to a boolean, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** Run `template`'s steps against `ctx.worktree`; see the module comment. */
export async function runSteps(
  template: PromotionTemplate,
  ctx: EngineContext,
  registry: StepRegistry,
): Promise<RunStepsResult> {
  const data = ctx.data ?? NO_EXPRESSION_DATA;
  const redactor = new Redactor().add(...secretValues(data));
  const log = (line: string) => ctx.log(redactor.redactValues(line));
  try {
    return await runAll(template, { ...ctx, log, data }, registry, redactor);
  } catch (err) {
    throw redactError(err, redactor);
  }
}

/** `err` with every secret replaced by `***` in its message, keeping its class. */
function redactError(err: unknown, redactor: Redactor): unknown {
  if (!(err instanceof Error)) return err;
  const message = redactor.redactValues(err.message);
  if (message === err.message) return err;
  // A lost race carries no step text; it must stay itself for promote's retry loop.
  if (err instanceof RaceLostError) return err;
  if (err instanceof PromotionPendingError) {
    return new PromotionPendingError(message, err.pullRequest);
  }
  // The original stays out of `cause`: it holds the secret.
  if (err instanceof ConfigError || err instanceof ExprError) return new ConfigError(message);
  return new OperationError(message);
}

/**
 * Steps whose rendered config becomes a durable record: a commit, a tag, a pull request, the
 * stage's state file or a freight record.
 */
const RECORDING_STEPS = new Set([
  'git-commit',
  'git-tag',
  'git-open-pr',
  'set-metadata',
  'set-freight-alias',
]);

/**
 * Refuse a commit message, tag annotation or pull request text that holds a secret's value: the
 * runner's masking ends at the log, and a commit is read by everyone with access to the repository.
 */
function refuseSecretsInRecords(
  step: PromotionStep,
  config: Record<string, unknown>,
  outputs: Record<string, Record<string, unknown>>,
  redactor: Redactor,
): void {
  if (!RECORDING_STEPS.has(step.uses)) return;
  const texts: [string, string][] = [];
  const walk = (v: unknown, at: string): void => {
    if (typeof v === 'string') texts.push([at, v]);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`));
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, at ? `${at}.${k}` : k);
    }
  };
  walk(config, '');
  const fromSteps = config['messageFromSteps'];
  if (step.uses === 'git-commit' && Array.isArray(fromSteps)) {
    for (const alias of fromSteps) {
      walk(outputs[String(alias)]?.['commitMessage'], `the commitMessage of step ${String(alias)}`);
    }
  }
  for (const [at, text] of texts) {
    if (redactor.redactValues(text) !== text) {
      throw new ConfigError(
        `${step.uses}: ${at} holds the value of a secret (secret() or sharedSecret()); gantry keeps secrets out of commits, tags, state files and pull requests, which everyone who can read the repository sees. Nothing was written`,
      );
    }
  }
}

async function runAll(
  template: PromotionTemplate,
  ctx: EngineContext & { data: ExpressionData },
  registry: StepRegistry,
  redactor: Redactor,
): Promise<RunStepsResult> {
  const steps = template.steps;
  const outputs: Record<string, Record<string, unknown>> = { ...ctx.resume?.outputs };
  const summary: string[] = [];
  const changed: string[] = [];
  const errors: StepFailure[] = [];
  const statuses: StepStatus[] = [...(ctx.resume?.statuses ?? [])];
  let commitMessage: string | undefined;
  let hardFailure: GantryError | undefined;
  let pending: PromotionPendingError | undefined;

  const functions: ExprFunctions = {
    ...freightFunctions(ctx.freightCollection, ctx.log),
    ...statusFunctions(steps, statuses),
    ...dataFunctions(ctx.data, ctx.log),
    ...notesFunctions(ctx.notes),
  };
  const promotion = ctx.promotion ?? promotionName(ctx);
  // Kargo's ctx; meta.step.alias is the step's own, so it is built for each step.
  const exprCtx = (alias: string) => ({
    uiBaseUrl: ctx.uiBaseUrl ?? '',
    project: ctx.project,
    stage: ctx.stage,
    promotion,
    targetFreight: {
      name: ctx.freight.id,
      alias: ctx.freight.alias,
      origin: { kind: ctx.freight.origin.kind, name: ctx.freight.origin.name },
    },
    meta: {
      promotion: { actor: ctx.actor ?? '', rollback: ctx.rollback ?? false },
      step: { alias },
    },
  });
  // Template vars are rendered for each step, as Kargo does (ctx.meta.step.alias is the step's),
  // outside the step's own failure handling: a bad template var stops the promotion at once. Their
  // functions' notes (imageFrom() found nothing) are logged once, not once per step.
  const noted = new Set<string>();
  const noteOnce = (line: string) => {
    if (!noted.has(line)) ctx.log(line);
    noted.add(line);
  };
  const varFunctions: ExprFunctions = {
    ...functions,
    ...freightFunctions(ctx.freightCollection, noteOnce),
  };
  const templateVarsFor = (alias: string) =>
    renderVars(
      template.vars,
      {},
      (vars) => ({ vars, ctx: exprCtx(alias) }),
      varFunctions,
      'promotion template',
    );

  for (const [index, step] of steps.entries()) {
    if (ctx.resume && index < ctx.resume.from) continue;
    const label = stepLabel(step, index);
    const alias = stepAlias(step, index);
    const templateVars = templateVarsFor(alias);
    // One fold a step; true when a step is pending and the rest wait for a later run.
    const stop = await inGroup(ctx.group, label, async (): Promise<boolean> => {
      try {
        const task = taskEnv(alias, outputs);
        const stepCtx = exprCtx(alias);
        const vars = renderVars(
          step.vars,
          templateVars,
          (v) => ({ vars: v, ctx: stepCtx, outputs, ...task }),
          functions,
          label,
        );
        const env = { vars, ctx: stepCtx, outputs, ...task };

        let run: boolean;
        if (step.if !== undefined && step.if.trim() !== '') {
          try {
            run = evaluateIf(step.if, env, functions);
          } catch (err) {
            throw wrapError(label, 'if', err);
          }
        } else run = hardFailure === undefined;
        if (!run) {
          statuses.push('Skipped');
          ctx.log(`${label}: skipped`);
          return false;
        }

        const definition = registry.get(step.uses);
        if (!definition) {
          throw new ConfigError(
            `${label}: unknown step ${JSON.stringify(step.uses)}${didYouMean(step.uses, [...registry.keys()])}; known steps: ${[...registry.keys()].sort().join(', ')}`,
          );
        }

        let config: Record<string, unknown>;
        try {
          const rendered = renderTemplates(step.config, env, { functions });
          config = (
            rendered !== null && typeof rendered === 'object' && !Array.isArray(rendered)
              ? rendered
              : {}
          ) as Record<string, unknown>;
        } catch (err) {
          throw wrapError(label, 'config', err);
        }
        refuseSecretsInRecords(step, config, outputs, redactor);

        let result: StepResult;
        try {
          const timeoutMs = step.retry?.timeoutMs ?? definition.defaultTimeoutMs;
          const {
            data: _data,
            actor: _actor,
            rollback: _rollback,
            uiBaseUrl: _ui,
            resume: _resume,
            ...base
          } = ctx;
          result = await runWithRetry(step, timeoutMs, label, ctx, () =>
            definition.run(config, {
              ...base,
              promotion,
              written: step.config,
              index,
              ...(step.as !== undefined ? { alias: step.as } : {}),
              outputs,
              summary: [...summary],
              ...(timeoutMs !== undefined ? { waitMs: timeoutMs } : {}),
            }),
          );
        } catch (err) {
          // A lost push race starts the whole promotion over on the new tip (promote's loop).
          if (err instanceof RaceLostError) throw err;
          if (err instanceof PromotionPendingError) {
            statuses.push('Running');
            ctx.log(`${label}: ${err.message}`);
            pending = err;
            return true;
          }
          throw wrapError(label, '', err);
        }

        statuses.push(result.status ?? 'Succeeded');
        outputs[alias] = { ...result.outputs };
        // Kargo: a task's compose-output steps are its outputs, read as outputs.<task alias>.
        const ns = taskNamespace(alias);
        if (step.uses === 'compose-output' && ns !== undefined) {
          outputs[ns] = { ...outputs[ns], ...result.outputs };
        }
        // Summary lines go into commit messages: a secret a step wrote into a file stays out.
        summary.push(...(result.summary ?? []).map((l) => redactor.redactValues(l)));
        for (const p of result.changed ?? []) if (!changed.includes(p)) changed.push(p);
        if (step.uses === 'git-commit' && !ctx.workspace) {
          const msg = commitMessageOf(config, outputs, result);
          if (msg !== undefined) commitMessage = msg;
        }
        ctx.log(`${label}: done`);
      } catch (err) {
        if (err instanceof RaceLostError) throw err;
        const wrapped =
          err instanceof GantryError && err.message.startsWith(label)
            ? err
            : wrapError(label, '', err);
        statuses.push('Errored');
        if (step.continueOnError) {
          errors.push({
            index,
            uses: step.uses,
            ...(step.as !== undefined ? { alias: step.as } : {}),
            message: redactor.redactValues(wrapped.message),
          });
          ctx.log(`${wrapped.message} (continuing: continueOnError)`);
        } else {
          ctx.log(wrapped.message);
          hardFailure ??= wrapped;
        }
      }
      return false;
    });
    if (stop) break;
  }
  if (hardFailure) throw hardFailure;
  return {
    outputs,
    summary,
    changed,
    errors,
    statuses,
    ...(commitMessage !== undefined ? { commitMessage } : {}),
    ...(pending ? { pending } : {}),
  };
}

/**
 * A name for this run of the template, shaped like Kargo's Promotion names
 * (`<stage>.<unique>.<freight>`): steps that leave marks outside the repository (argocd-update's
 * syncs) tell their own from an earlier promotion's by it.
 */
export function promotionName(ctx: Pick<EngineContext, 'stage' | 'freight'>): string {
  const unique = `${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
  return `${ctx.stage}.${unique}.${ctx.freight.id.slice(0, 7)}`;
}

/** Delay before trying a failed step again: 1 s, doubling, at most 30 s. */
function errorBackoffMs(errors: number): number {
  return Math.min(30_000, 1000 * 2 ** (errors - 1));
}

/**
 * Kargo's step `retry`: a step that fails is tried again until it has failed `errorThreshold`
 * times in a row (default 1: no retry), and a step that is not done yet (StepPendingError) is
 * asked again until `retry.timeout`; both stop at the timeout. Configuration errors are never
 * retried: the same config fails the same way.
 */
async function runWithRetry(
  step: PromotionStep,
  timeoutMs: number | undefined,
  label: string,
  ctx: EngineContext,
  run: () => Promise<StepResult>,
): Promise<StepResult> {
  const threshold = step.retry?.errorThreshold ?? 1;
  const clock = ctx.clock ?? (() => new Date());
  const sleep = ctx.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const started = clock().getTime();
  let errors = 0;
  for (;;) {
    try {
      return await run();
    } catch (err) {
      if (err instanceof ConfigError || err instanceof ExprError || err instanceof RaceLostError) {
        throw err;
      }
      const pending = err instanceof StepPendingError;
      if (!pending) errors++;
      const wait = pending ? err.retryAfterMs : errorBackoffMs(errors);
      const elapsed = clock().getTime() - started;
      const inTime = timeoutMs === undefined || elapsed + wait < timeoutMs;
      const again = pending ? timeoutMs !== undefined && inTime : errors < threshold && inTime;
      if (!again) {
        if (pending && timeoutMs === undefined) {
          throw new OperationError(
            `${errorMessage(err)} (not done yet; give the step retry.timeout to keep asking)`,
          );
        }
        if (timeoutMs !== undefined && !inTime && (pending || errors < threshold)) {
          throw new OperationError(
            `${errorMessage(err)} (gave up: retry.timeout ${formatDuration(timeoutMs)} reached)`,
          );
        }
        throw err;
      }
      ctx.log(
        `${label}: ${pending ? 'not done yet' : `failed (${errors} of ${threshold})`}: ${errorMessage(err)}; trying again in ${formatDuration(wait)}`,
      );
      await sleep(wait);
    }
  }
}

/** git-commit's `message`, or its `messageFromSteps` (the `commitMessage` outputs of those steps). */
function commitMessageOf(
  config: Record<string, unknown>,
  outputs: Record<string, Record<string, unknown>>,
  result: StepResult,
): string | undefined {
  const fromSteps = config['messageFromSteps'];
  if (Array.isArray(fromSteps)) {
    const parts = fromSteps
      .map((alias) => outputs[String(alias)]?.['commitMessage'])
      .filter((m): m is string => typeof m === 'string' && m !== '');
    return parts.length ? parts.join('\n\n') : undefined;
  }
  const msg = result.outputs?.['message'];
  return typeof msg === 'string' && msg !== '' ? msg : undefined;
}

/**
 * Helpers for steps validating their rendered config: unknown fields are refused with a
 * did-you-mean (Kargo's step schemas do not allow extra fields either).
 */
export function checkFields(
  step: string,
  config: Record<string, unknown>,
  known: readonly string[],
): void {
  for (const key of Object.keys(config)) {
    if (!known.includes(key)) {
      throw new ConfigError(
        `${step}: unknown field ${JSON.stringify(key)}${didYouMean(key, known)}; fields: ${known.join(', ')}`,
      );
    }
  }
}

export function requireString(
  step: string,
  config: Record<string, unknown>,
  field: string,
): string {
  const v = config[field];
  if (typeof v !== 'string' || v === '') {
    throw new ConfigError(
      `${step}: ${field} is required and must be a non-empty string${v === undefined ? '' : `, got ${JSON.stringify(v)}`}`,
    );
  }
  return v;
}

export function optionalBool(
  step: string,
  config: Record<string, unknown>,
  field: string,
): boolean | undefined {
  const v = config[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') {
    throw new ConfigError(`${step}: ${field} must be true or false, got ${JSON.stringify(v)}`);
  }
  return v;
}

export interface StepUpdate {
  key: string;
  value: unknown;
  /** Add the key when the file lacks it (yaml-update). */
  create?: boolean;
  /** Writing null or "" over a value is intended. */
  allowEmpty?: boolean;
}

/**
 * `updates: [{key, value}]` of yaml-update and json-update: at least one, keys non-empty; the
 * `extra` flags each step accepts besides key and value.
 */
export function requireUpdates(
  step: string,
  config: Record<string, unknown>,
  extra: readonly ('create' | 'allowEmpty')[] = [],
): StepUpdate[] {
  const v = config['updates'];
  if (!Array.isArray(v) || v.length === 0) {
    throw new ConfigError(`${step}: updates must be a list of at least one {key, value}`);
  }
  return v.map((u: unknown, i) => {
    if (u === null || typeof u !== 'object' || Array.isArray(u)) {
      throw new ConfigError(`${step}: updates[${i}] must be a map with key and value`);
    }
    const entry = u as Record<string, unknown>;
    checkFields(`${step}: updates[${i}]`, entry, ['key', 'value', ...extra]);
    const key = entry['key'];
    if (typeof key !== 'string' || key === '') {
      throw new ConfigError(
        `${step}: updates[${i}].key is required and must be a non-empty string`,
      );
    }
    if (!Object.hasOwn(entry, 'value')) {
      throw new ConfigError(
        `${step}: updates[${i}].value is required (key ${JSON.stringify(key)})`,
      );
    }
    const flags: Pick<StepUpdate, 'create' | 'allowEmpty'> = {};
    for (const flag of extra) {
      const v = optionalBool(`${step}: updates[${i}]`, entry, flag);
      if (v !== undefined) flags[flag] = v;
    }
    return { key, value: entry['value'], ...flags };
  });
}

const isEmpty = (v: unknown): boolean => v === null || v === undefined || v === '';

/**
 * Refuse to write null or "" where the file held a value, unless the update says `allowEmpty`:
 * an expression that came out empty (`imageFrom(x)?.Tag` with no such image, a var left blank)
 * would otherwise commit a broken manifest. `written` is the step's config as written in the
 * project file, to name the expression.
 */
export function refuseEmptyWrites(
  step: string,
  file: string,
  updates: readonly StepUpdate[],
  previous: ReadonlyMap<string, unknown>,
  written: Record<string, unknown> | undefined,
): void {
  updates.forEach((u, i) => {
    if (u.allowEmpty || !isEmpty(u.value)) return;
    const old = previous.get(u.key);
    if (isEmpty(old)) return;
    const list = written?.['updates'];
    const source = Array.isArray(list)
      ? (list[i] as Record<string, unknown> | undefined)?.['value']
      : undefined;
    const from =
      typeof source === 'string' && hasExpression(source)
        ? `; the value comes from ${source.trim()}`
        : '';
    throw new ConfigError(
      `${step}: updates[${i}]: key ${JSON.stringify(u.key)} in ${file} would become ${u.value === '' ? 'an empty string' : 'null'} (it holds ${JSON.stringify(old)})${from}. Fix the expression, or set allowEmpty: true on this update if emptying the key is intended; nothing was written`,
    );
  });
}
