/**
 * gantry's expression language: the subset of expr-lang (github.com/expr-lang/expr) that Kargo
 * users write in git `expressionFilter`s and in `${{ }}` promotion templates, evaluated by a
 * sandboxed tree-walking interpreter (no eval, no access beyond the data it is given, bounded
 * work). See docs in each module: lexer/parser (syntax), evaluator (semantics and limits),
 * functions (registering functions), template (Kargo's template rendering).
 */
import { compileExpr, type CompiledExpr } from './compile.js';
import { ExprError } from './errors.js';
import type { EvalOptions, ExprEnv } from './evaluator.js';
import { parseGoBool } from './template.js';
import { formatValue } from './values.js';

export {
  ANY,
  BUILTIN_SIGNATURES,
  checkExpression,
  checkTemplate,
  structOf,
  templateExpressions,
  TEMPLATE_SIGNATURES,
  type CheckEnv,
  type CheckProblem,
  type FunctionSignature,
  type FunctionSignatures,
  type StaticType,
} from './check.js';
export { compileExpr, type CompiledExpr, type CompileOptions } from './compile.js';
export { ExprError } from './errors.js';
export { DEFAULT_LIMITS, type EvalOptions, type ExprEnv, type ExprLimits } from './evaluator.js';
export {
  expectArgs,
  type ArgType,
  type ExprCallContext,
  type ExprFunction,
  type ExprFunctions,
} from './functions.js';
export { FREIGHT_SIGNATURES, freightFunctions } from './freight.js';
export { DEFAULT_PARSE_LIMITS, type ParseLimits } from './parser.js';
export {
  evaluateJSONTemplate,
  hasExpression,
  parseGoBool,
  renderTemplate,
  renderTemplates,
  RESERVED_TEMPLATE_NAMES,
} from './template.js';
export { formatDuration, parseDuration, parseTime, formatTime } from './time.js';
export {
  ExprDuration,
  ExprTime,
  ExprVersion,
  formatValue,
  makeStruct,
  marshalJSON,
  structType,
} from './values.js';

/** Compile and evaluate in one go. */
export function evaluate(source: string, env: ExprEnv, opts?: EvalOptions): unknown {
  return compileExpr(source).evaluate(env, opts);
}

/**
 * Evaluate a filter expression the way Kargo's git selectors do: a bool is used as is; anything
 * else is formatted with Go's `%v` and parsed with `strconv.ParseBool` (`1`, `t`, `TRUE` are true;
 * `0`, `f`, `False` false); any other result is an error
 * `error parsing expression result: strconv.ParseBool: parsing "…": invalid syntax`.
 */
export function evaluateBool(
  expression: string | CompiledExpr,
  env: ExprEnv,
  opts?: EvalOptions,
): boolean {
  const compiled = typeof expression === 'string' ? compileExpr(expression) : expression;
  const result = compiled.evaluate(env, opts);
  if (typeof result === 'boolean') return result;
  const text = formatValue(result);
  const parsed = parseGoBool(text);
  if (parsed === undefined) {
    throw new ExprError(
      `error parsing expression result: strconv.ParseBool: parsing ${JSON.stringify(text)}: invalid syntax`,
    );
  }
  return parsed;
}
