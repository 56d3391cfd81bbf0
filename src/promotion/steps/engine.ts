/**
 * Runs a stage's promotion template, Kargo-style: each step in order, with `${{ }}` expressions in
 * its `if`, `vars` and `config` evaluated just before it runs.
 *
 * The expression environment of a step (Kargo's promotion variables):
 * - `vars`: the template's vars, then the step's, each rendered in order (a later one may read an
 *   earlier one; a step var shadows a template var of the same name). Template vars see `vars`
 *   and `ctx`; step vars also see `outputs`.
 * - `ctx`: `{project, stage, targetFreight: {name, alias, origin: {kind, name}}}` (`name` is the
 *   freight ID, as in Kargo).
 * - `outputs`: the outputs of earlier steps, by their alias: `as`, or Kargo's default `step-<n>`
 *   (1-based); a step inflated from a promotion task is `<task alias>::<alias>`, and also sees
 *   `task.outputs` (its task's earlier steps); a task's compose-output is `outputs.<task alias>`.
 * - functions: the freight functions `imageFrom()`, `chartFrom()`, `commitFrom()`, `warehouse()`
 *   over the freight collection (src/expr/freight.ts: typed structs, nil when nothing matches),
 *   Kargo's step-status functions `success()`, `failure()`, `always()` and `status(alias)`, and
 *   every builtin of the expression language (`semverParse`, `semverDiff`, `quote`, …).
 *
 * Control flow (Kargo's): a step without `if` runs while no step has failed; a step with `if`
 * runs when it evaluates to true (`${{ failure() }}` runs clean-up after a failure). A failing
 * step with `continueOnError` is recorded (status `Errored`, listed in `errors`) and does not stop
 * the promotion; any other failure does: later steps run only if their `if` says so, and
 * `runSteps` then throws the first failure. Errors name the step: `step 2 (yaml-update
 * "update-image"): …` (1-based position in the template).
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
import { inGroup, type LogGroup } from '../../util/log-group.js';
import {
  PromotionPendingError,
  StepPendingError,
  type StepContext,
  type StepDefinition,
  type StepResult,
} from './types.js';
import { formatDuration } from '../../pipeline/duration.js';
import { RaceLostError } from '../../state/index.js';
import { TASK_ALIAS_SEPARATOR, taskNamespace } from '../../pipeline/tasks.js';

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

export type EngineContext = Omit<StepContext, 'index' | 'alias'> & {
  /** Folds each step's lines in the adapter's log. */
  group?: LogGroup;
};

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
export const STATUS_SIGNATURES: FunctionSignatures = {
  success: { min: 0, max: 0 },
  failure: { min: 0, max: 0 },
  always: { min: 0, max: 0 },
  status: { min: 1, max: 1 },
};

export const STEP_CTX_TYPE: StaticType = structOf('ctx', {
  project: ANY,
  stage: ANY,
  targetFreight: structOf('targetFreight', {
    name: ANY,
    alias: ANY,
    origin: structOf('origin', { kind: ANY, name: ANY }),
  }),
});

function statusFunctions(
  steps: readonly PromotionStep[],
  statuses: readonly StepStatus[],
): ExprFunctions {
  return {
    success: (args) => {
      expectArgs('success', args, []);
      return !statuses.includes('Errored');
    },
    failure: (args) => {
      expectArgs('failure', args, []);
      return statuses.includes('Errored');
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
  const steps = template.steps;
  const outputs: Record<string, Record<string, unknown>> = {};
  const summary: string[] = [];
  const changed: string[] = [];
  const errors: StepFailure[] = [];
  const statuses: StepStatus[] = [];
  let commitMessage: string | undefined;
  let hardFailure: GantryError | undefined;
  let pending: PromotionPendingError | undefined;

  const functions: ExprFunctions = {
    ...freightFunctions(ctx.freightCollection, ctx.log),
    ...statusFunctions(steps, statuses),
  };
  const exprCtx = {
    project: ctx.project,
    stage: ctx.stage,
    targetFreight: {
      name: ctx.freight.id,
      alias: ctx.freight.alias,
      origin: { kind: ctx.freight.origin.kind, name: ctx.freight.origin.name },
    },
  };
  const promotion = ctx.promotion ?? promotionName(ctx);
  const templateVars = renderVars(
    template.vars,
    {},
    (vars) => ({ vars, ctx: exprCtx }),
    functions,
    'promotion template',
  );

  for (const [index, step] of steps.entries()) {
    const label = stepLabel(step, index);
    // One fold a step; true when a step is pending and the rest wait for a later run.
    const stop = await inGroup(ctx.group, label, async (): Promise<boolean> => {
      try {
        const alias = stepAlias(step, index);
        const task = taskEnv(alias, outputs);
        const vars = renderVars(
          step.vars,
          templateVars,
          (v) => ({ vars: v, ctx: exprCtx, outputs, ...task }),
          functions,
          label,
        );
        const env = { vars, ctx: exprCtx, outputs, ...task };

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

        let result: StepResult;
        try {
          const timeoutMs = step.retry?.timeoutMs ?? definition.defaultTimeoutMs;
          result = await runWithRetry(step, timeoutMs, label, ctx, () =>
            definition.run(config, {
              ...ctx,
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
        summary.push(...(result.summary ?? []));
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
            message: wrapped.message,
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
function promotionName(ctx: EngineContext): string {
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
