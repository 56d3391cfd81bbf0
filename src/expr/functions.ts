/**
 * The function-call contract, shared by gantry's builtins and by functions a caller registers.
 *
 * A function receives its arguments already evaluated, as an array (so any function can be
 * variadic), and a context for budgets and the clock:
 *
 * ```ts
 * const functions: ExprFunctions = {
 *   // imageFrom(repoURL[, origin]) → the image map, or nil when the freight has none.
 *   imageFrom: (args) => {
 *     const [repoURL, origin] = expectArgs('imageFrom', args, ['string'], ['map']);
 *     return lookUpImage(repoURL, origin) ?? null;
 *   },
 * };
 * compileExpr('imageFrom("ghcr.io/acme/api").Tag').evaluate(env, { functions });
 * ```
 *
 * Return plain data (null, booleans, numbers, strings, arrays, plain objects, `ExprTime`,
 * `ExprDuration`); `undefined` reads as nil. Throw an `Error` to fail the evaluation: its message
 * is reported with the position of the call. Caller functions take precedence over builtins of
 * the same name, except the predicate builtins (`filter`, `map`, `all`, …), whose second argument
 * is not an ordinary value. Functions must not mutate their arguments: they may be values of the
 * caller's environment.
 */
import { typeName } from './values.js';

export interface ExprCallContext {
  /** The name the function was called by. */
  readonly name: string;
  /** Count `units` of work against the evaluation's step budget; throws when it runs out. */
  charge(units: number): void;
  /** Throws when a string the function is about to return is longer than the limit. */
  checkString(length: number): void;
  /** Throws when an array or map the function is about to return is larger than the limit. */
  checkItems(count: number): void;
  /** The evaluation's clock (`now()`). */
  now(): Date;
}

export type ExprFunction = (args: readonly unknown[], ctx: ExprCallContext) => unknown;

export type ExprFunctions = Readonly<Record<string, ExprFunction>>;

/** Argument type names accepted by `expectArgs`; `any` accepts everything, nil included. */
export type ArgType = 'string' | 'int' | 'number' | 'bool' | 'array' | 'map' | 'time' | 'any';

function matches(v: unknown, t: ArgType): boolean {
  const actual = typeName(v);
  switch (t) {
    case 'any':
      return true;
    case 'number':
      return actual === 'int' || actual === 'float';
    default:
      return actual === t;
  }
}

/**
 * Check the count and types of `args`: `required` types first, then `optional` ones. Returns the
 * arguments typed loosely as a tuple for destructuring; throws a readable Error otherwise.
 */
export function expectArgs(
  name: string,
  args: readonly unknown[],
  required: readonly ArgType[],
  optional: readonly ArgType[] = [],
): unknown[] {
  const max = required.length + optional.length;
  if (args.length < required.length || args.length > max) {
    const want = optional.length === 0 ? `${required.length}` : `${required.length} to ${max}`;
    throw new Error(
      `${name}(): expected ${want} argument${max === 1 ? '' : 's'}, got ${args.length}`,
    );
  }
  args.forEach((a, i) => {
    const t = (i < required.length ? required[i] : optional[i - required.length]) ?? 'any';
    if (!matches(a, t)) {
      throw new Error(`${name}(): argument ${i + 1} must be ${t}, got ${typeName(a)}`);
    }
  });
  return [...args];
}
