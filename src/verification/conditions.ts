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
import { compileExpr, expectArgs, formatValue, type ExprFunctions } from '../expr/index.js';
import { errorMessage } from '../util/errors.js';
import type { MeasurementPhase } from './types.js';

function toNumber(name: string, v: unknown): number {
  if (typeof v === 'number') return v;
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
    if (!Number.isNaN(n) || /^nan$/i.test(t)) return n;
    throw new Error(`${name}(): cannot parse ${JSON.stringify(v)} as a number`);
  }
  throw new Error(`${name}() not supported on ${formatValue(v)}`);
}

/** Argo Rollouts' condition helpers (utils/evaluate). */
export const CONDITION_FUNCTIONS: ExprFunctions = {
  asInt: (args) => {
    const [v] = expectArgs('asInt', args, ['any']);
    if (typeof v === 'string' && !/^[+-]?\d+$/.test(v.trim())) {
      throw new Error(`asInt(): cannot parse ${JSON.stringify(v)} as an integer`);
    }
    return Math.trunc(toNumber('asInt', v));
  },
  asFloat: (args) => toNumber('asFloat', expectArgs('asFloat', args, ['any'])[0]),
  isNaN: (args) => Number.isNaN(expectArgs('isNaN', args, ['number'])[0]),
  isInf: (args) => {
    const [v] = expectArgs('isInf', args, ['number']) as [number];
    return v === Infinity || v === -Infinity;
  },
  isNil: (args) => {
    const [v] = expectArgs('isNil', args, ['any']);
    return v === null || v === undefined;
  },
  default: (args) => {
    const [v, d] = expectArgs('default', args, ['any', 'any']);
    return v === null || v === undefined ? d : v;
  },
};

export interface ConditionOutcome {
  phase: MeasurementPhase;
  /** Why: which condition decided, or the error. */
  message: string;
}

/** Evaluate one condition; it must give a bool (Argo: `expected bool, but got …`). */
function evalCondition(
  field: string,
  source: string,
  env: Readonly<Record<string, unknown>>,
  interrupt: (() => string | undefined) | undefined,
): boolean {
  let value: unknown;
  try {
    value = compileExpr(source).evaluate(env, {
      functions: CONDITION_FUNCTIONS,
      ...(interrupt && { interrupt }),
    });
  } catch (err) {
    throw new Error(`${field} ${JSON.stringify(source)}: ${errorMessage(err)}`, { cause: err });
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
export function assessMeasurement(
  conditions: { successCondition?: string; failureCondition?: string },
  env: Readonly<Record<string, unknown>>,
  providerPhase?: MeasurementPhase,
  interrupt?: () => string | undefined,
): ConditionOutcome {
  const { successCondition: success, failureCondition: failure } = conditions;
  if (success === undefined && failure === undefined) {
    return { phase: providerPhase ?? 'Successful', message: '' };
  }
  let ok = false;
  let bad = false;
  try {
    if (success !== undefined) ok = evalCondition('successCondition', success, env, interrupt);
    if (failure !== undefined) bad = evalCondition('failureCondition', failure, env, interrupt);
  } catch (err) {
    return { phase: 'Error', message: errorMessage(err) };
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
    message:
      success !== undefined
        ? `successCondition ${JSON.stringify(success)} is true`
        : `failureCondition ${JSON.stringify(failure)} is false`,
  };
}
