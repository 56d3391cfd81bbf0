/**
 * Tree-walking evaluator. Every node visited costs one step of a budget; functions charge for
 * work proportional to their input; strings and arrays the evaluation builds are size-checked
 * before they are built. Exceeding any limit is an ExprError, never a hang or a crash. `matches`
 * uses RE2 (util/regex.ts), whose matching is linear in the subject, so its charge bounds it.
 *
 * Evaluation is synchronous: while it runs no timer can fire. A caller with a deadline passes
 * `interrupt`, which the evaluator polls every INTERRUPT_POLL_STEPS steps.
 */
import { compileRegex, type Regex } from '../util/regex-core.js';
import { didYouMean } from '../util/suggest.js';
import type { Node } from './ast.js';
import { BUILTINS } from './builtins.js';
import { ExprError, exprErrorAt } from './errors.js';
import type { ExprCallContext, ExprFunction, ExprFunctions } from './functions.js';
import { methodsOf } from './methods.js';
import { addDuration, subTimes, TimeError } from './time.js';
import {
  deepEqual,
  ExprDuration,
  ExprTime,
  ExprVersion,
  formatValue,
  isMap,
  makeMap,
  mapKeys,
  normalize,
  readKey,
  structType,
  typeName,
  ValueError,
} from './values.js';

/** Variables an expression can read: a plain object or a Map with string keys. */
export type ExprEnv = Readonly<Record<string, unknown>> | ReadonlyMap<string, unknown>;

export interface ExprLimits {
  /** Node evaluations (plus work charged by functions) per evaluation. */
  maxSteps: number;
  /** Longest string an evaluation may build, in UTF-16 code units. */
  maxStringLength: number;
  /** Largest array or map an evaluation may build. */
  maxItems: number;
}

export const DEFAULT_LIMITS: ExprLimits = {
  maxSteps: 100_000,
  maxStringLength: 1_000_000,
  maxItems: 100_000,
};

export interface EvalOptions {
  /** Extra functions (or replacements for builtins); see functions.ts for the contract. */
  functions?: ExprFunctions;
  /** The clock `now()` reads; defaults to the system clock. */
  now?: () => Date;
  limits?: Partial<ExprLimits>;
  /**
   * Polled every INTERRUPT_POLL_STEPS steps: a reason ends the evaluation with an ExprError giving
   * that reason (a deadline passed, the run was cancelled).
   */
  interrupt?: () => string | undefined;
}

/** How many steps pass between two polls of EvalOptions.interrupt. */
export const INTERRUPT_POLL_STEPS = 1024;

const BUILTIN_MAP: ReadonlyMap<string, ExprFunction> = new Map(Object.entries(BUILTINS));

/** Thrown by `?.` on nil; caught by the chain's root, which then yields nil. */
class ShortCircuit {
  readonly shortCircuit = true;
}
const SHORT_CIRCUIT = new ShortCircuit();

interface Scope {
  readonly parent?: Scope;
  readonly vars?: ReadonlyMap<string, unknown>;
  readonly pointer?: { item: unknown; index: number; acc?: unknown };
}

const REGEX_CACHE = new Map<string, Regex>();

function regexFor(pattern: string): Regex {
  let re = REGEX_CACHE.get(pattern);
  if (!re) {
    re = compileRegex(pattern);
    if (REGEX_CACHE.size >= 256) REGEX_CACHE.clear();
    REGEX_CACHE.set(pattern, re);
  }
  return re;
}

function mismatch(op: string, a: unknown, b: unknown): Error {
  return new ValueError(
    `invalid operation: ${op} (mismatched types ${typeName(a)} and ${typeName(b)})`,
  );
}

/** `type Image has no field Tga (did you mean "Tag"?; fields: RepoURL, Tag, Digest)`. */
export function noField(
  type: string,
  obj: Record<string, unknown> | ReadonlyMap<unknown, unknown>,
  prop: unknown,
): string {
  const name = String(prop);
  const fields = mapKeys(obj);
  return `type ${type} has no field ${name}${didYouMean(name, fields)} (fields: ${fields.join(', ')})`;
}

export class Evaluator {
  private readonly source: string;
  private readonly env: ExprEnv;
  private readonly functions: ExprFunctions;
  private readonly clock: () => Date;
  private readonly limits: ExprLimits;
  private readonly interrupt: (() => string | undefined) | undefined;
  private steps = 0;
  private nextPoll = INTERRUPT_POLL_STEPS;

  constructor(source: string, env: ExprEnv, opts: EvalOptions = {}) {
    this.source = source;
    this.env = env;
    this.functions = opts.functions ?? {};
    this.clock = opts.now ?? (() => new Date());
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    this.interrupt = opts.interrupt;
  }

  run(root: Node): unknown {
    return this.eval(root, {});
  }

  private fail(node: Node, reason: string, cause?: unknown): ExprError {
    return exprErrorAt(this.source, node.pos, reason, cause);
  }

  /** Turn errors from helpers into ExprErrors at `node`; let ExprErrors and short circuits by. */
  private guard<T>(node: Node, f: () => T): T {
    try {
      return f();
    } catch (err) {
      if (err instanceof ExprError || err instanceof ShortCircuit) throw err;
      if (err instanceof RangeError && /call stack/i.test(err.message)) {
        throw this.fail(node, 'expression nests too deeply', err);
      }
      throw this.fail(node, err instanceof Error ? err.message : String(err), err);
    }
  }

  private charge(node: Node, units: number): void {
    this.steps += units;
    if (this.steps > this.limits.maxSteps) {
      throw this.fail(node, `expression exceeded its budget of ${this.limits.maxSteps} steps`);
    }
    if (this.interrupt && this.steps >= this.nextPoll) {
      this.nextPoll = this.steps + INTERRUPT_POLL_STEPS;
      const reason = this.interrupt();
      if (reason !== undefined) throw this.fail(node, reason);
    }
  }

  private checkString(node: Node, length: number): void {
    if (length > this.limits.maxStringLength) {
      throw this.fail(
        node,
        `string of ${length} characters exceeds the limit of ${this.limits.maxStringLength}`,
      );
    }
  }

  private checkItems(node: Node, count: number): void {
    if (count > this.limits.maxItems) {
      throw this.fail(node, `${count} items exceed the limit of ${this.limits.maxItems}`);
    }
  }

  private eval(node: Node, scope: Scope): unknown {
    this.charge(node, 1);
    switch (node.k) {
      case 'lit':
        return node.value;
      case 'ident':
        return this.lookup(node, node.name, scope);
      case 'pointer':
        return this.pointer(node, scope);
      case 'array': {
        this.checkItems(node, node.items.length);
        return node.items.map((n) => this.eval(n, scope));
      }
      case 'map': {
        const entries: [string, unknown][] = node.entries.map((e) => {
          const key = this.eval(e.key, scope);
          if (typeof key !== 'string' && typeof key !== 'number') {
            throw this.fail(e.key, `map key must be a string, got ${typeName(key)}`);
          }
          return [String(key), this.eval(e.value, scope)];
        });
        return makeMap(entries);
      }
      case 'member': {
        const obj = this.eval(node.object, scope);
        if (obj === null) {
          if (node.optional) throw SHORT_CIRCUIT;
          const prop = node.name ?? formatValue(this.eval(node.property, scope));
          throw this.fail(node, `cannot fetch ${prop} from nil`);
        }
        const prop = this.eval(node.property, scope);
        // Indexing a string walks its code points.
        if (typeof obj === 'string') this.charge(node, obj.length / 16);
        return this.guard(node, () => this.fetch(obj, prop));
      }
      case 'slice':
        return this.slice(node, scope);
      case 'call':
        return this.call(node, scope);
      case 'method':
        return this.method(node, scope);
      case 'closure':
        throw this.fail(node, 'a predicate can only be an argument of a predicate function');
      case 'unary':
        return this.unary(node, scope);
      case 'binary':
        return this.binary(node, scope);
      case 'cond': {
        const test = this.eval(node.test, scope);
        if (node.elvis) return test === null || test === false ? this.eval(node.else, scope) : test;
        if (typeof test !== 'boolean') {
          throw this.fail(node, `non-bool ${typeName(test)} used as condition`);
        }
        return this.eval(test ? node.then : node.else, scope);
      }
      case 'chain':
        try {
          return this.eval(node.node, scope);
        } catch (err) {
          if (err instanceof ShortCircuit) return null;
          throw err;
        }
      case 'let': {
        const value = this.eval(node.value, scope);
        return this.eval(node.body, { parent: scope, vars: new Map([[node.name, value]]) });
      }
    }
  }

  private envKeys(): string[] {
    return this.env instanceof Map
      ? [...this.env.keys()]
      : mapKeys(this.env as Record<string, unknown>);
  }

  private lookup(node: Node, name: string, scope: Scope): unknown {
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      if (s.vars?.has(name)) return s.vars.get(name);
    }
    if (name === '$env') return this.env;
    const found = this.guard(node, () => readKey(this.env as Record<string, unknown>, name));
    if (found.found) {
      if (typeof found.value === 'function') {
        throw this.fail(node, `${JSON.stringify(name)} is a function; call it as ${name}()`);
      }
      return found.value;
    }
    const names = [...this.envKeys()];
    for (let s: Scope | undefined = scope; s; s = s.parent) names.push(...(s.vars?.keys() ?? []));
    throw this.fail(node, `unknown name ${JSON.stringify(name)}${didYouMean(name, names)}`);
  }

  private pointer(node: Node & { k: 'pointer' }, scope: Scope): unknown {
    let s: Scope | undefined = scope;
    while (s && !s.pointer) s = s.parent;
    if (!s?.pointer) throw this.fail(node, 'cannot use pointer accessor outside predicate');
    switch (node.name) {
      case '':
        return s.pointer.item;
      case 'index':
        return s.pointer.index;
      case 'acc':
        if (!('acc' in s.pointer)) throw this.fail(node, '#acc is only defined in reduce()');
        return s.pointer.acc;
      default:
        throw this.fail(node, `unknown pointer #${node.name}`);
    }
  }

  /** `obj[prop]` / `obj.prop` under the sandbox rules. */
  private fetch(obj: unknown, prop: unknown): unknown {
    if (Array.isArray(obj) || typeof obj === 'string') {
      if (typeof prop === 'string') {
        throw new ValueError(`cannot fetch ${prop} from ${typeName(obj)}`);
      }
      if (typeof prop !== 'number' || !Number.isInteger(prop)) {
        throw new ValueError(`${typeName(obj)} index must be an int, got ${typeName(prop)}`);
      }
      const items: readonly unknown[] = typeof obj === 'string' ? [...obj] : obj;
      const i = prop < 0 ? items.length + prop : prop;
      if (i < 0 || i >= items.length) {
        throw new ValueError(`index out of range: ${prop} (array length is ${items.length})`);
      }
      return normalize(items[i]);
    }
    if (isMap(obj)) {
      if (typeof prop !== 'string' && typeof prop !== 'number') {
        throw new ValueError(`cannot use ${typeName(prop)} as a map key`);
      }
      const found = readKey(obj, String(prop));
      const struct = structType(obj);
      if (!found.found && struct !== undefined) throw new ValueError(noField(struct, obj, prop));
      return found.value;
    }
    const methods = methodsOf(obj);
    if (methods && typeof prop === 'string' && methods.has(prop)) {
      throw new ValueError(`${prop} is a method of ${typeName(obj)}; call it as ${prop}()`);
    }
    throw new ValueError(`cannot fetch ${formatValue(prop)} from ${typeName(obj)}`);
  }

  private slice(node: Node & { k: 'slice' }, scope: Scope): unknown {
    const obj = this.eval(node.object, scope);
    const bound = (n: Node | undefined, dflt: number, len: number): number => {
      if (!n) return dflt;
      const v = this.eval(n, scope);
      if (typeof v !== 'number' || !Number.isInteger(v)) {
        throw this.fail(n, `slice index must be an int, got ${typeName(v)}`);
      }
      const i = v < 0 ? len + v : v;
      return Math.min(Math.max(i, 0), len);
    };
    if (typeof obj === 'string') {
      this.charge(node, obj.length / 16);
      const cps = [...obj];
      const from = bound(node.from, 0, cps.length);
      const to = bound(node.to, cps.length, cps.length);
      return cps.slice(from, Math.max(from, to)).join('');
    }
    if (Array.isArray(obj)) {
      const from = bound(node.from, 0, obj.length);
      const to = bound(node.to, obj.length, obj.length);
      return obj.slice(from, Math.max(from, to));
    }
    throw this.fail(node, `cannot slice ${typeName(obj)}`);
  }

  private context(node: Node, name: string): ExprCallContext {
    return {
      name,
      charge: (units) => this.charge(node, Math.ceil(Math.max(0, units))),
      checkString: (length) => this.checkString(node, length),
      checkItems: (count) => this.checkItems(node, count),
      now: () => this.clock(),
    };
  }

  private resolveFunction(node: Node, name: string): ExprFunction {
    if (Object.hasOwn(this.functions, name)) {
      const f = this.functions[name];
      if (typeof f === 'function') return f;
    }
    const builtin = BUILTIN_MAP.get(name);
    if (builtin) return builtin;
    const candidates = [...Object.keys(this.functions), ...BUILTIN_MAP.keys(), ...PREDICATES];
    throw this.fail(node, `unknown function ${name}()${didYouMean(name, candidates)}`);
  }

  private call(node: Node & { k: 'call' }, scope: Scope): unknown {
    if (PREDICATES.has(node.name)) return this.predicateCall(node, scope);
    const fn = this.resolveFunction(node, node.name);
    const args = node.args.map((a) => this.eval(a, scope));
    const ctx = this.context(node, node.name);
    return this.guard(node, () => normalize(fn(args, ctx)));
  }

  private method(node: Node & { k: 'method' }, scope: Scope): unknown {
    const obj = this.eval(node.object, scope);
    if (obj === null) {
      if (node.optional) throw SHORT_CIRCUIT;
      throw this.fail(node, `cannot call ${node.name}() on nil`);
    }
    const methods = methodsOf(obj);
    const m = methods?.get(node.name);
    if (!methods || !m) {
      const hint = methods ? didYouMean(node.name, [...methods.keys()]) : '';
      const extra =
        typeof obj === 'string' || Array.isArray(obj) || isMap(obj)
          ? ' (expr-lang uses functions for these, e.g. upper(s), len(list))'
          : '';
      throw this.fail(node, `${typeName(obj)} has no method ${node.name}${hint}${extra}`);
    }
    const args = node.args.map((a) => this.eval(a, scope));
    return this.guard(node, () => normalize(m(obj, args)));
  }

  private unary(node: Node & { k: 'unary' }, scope: Scope): unknown {
    const v = this.eval(node.operand, scope);
    switch (node.op) {
      case 'not':
      case '!':
        if (typeof v !== 'boolean') {
          throw this.fail(node, `invalid operation: ${node.op} ${typeName(v)} (needs bool)`);
        }
        return !v;
      case '-':
        if (typeof v === 'number') return -v;
        if (v instanceof ExprDuration) return new ExprDuration(-v.ns);
        throw this.fail(node, `invalid operation: - ${typeName(v)}`);
      default:
        if (typeof v === 'number') return v;
        throw this.fail(node, `invalid operation: + ${typeName(v)}`);
    }
  }

  private bool(node: Node, op: string, v: unknown): boolean {
    if (typeof v !== 'boolean') {
      throw this.fail(node, `invalid operation: ${op} needs bool operands, got ${typeName(v)}`);
    }
    return v;
  }

  private binary(node: Node & { k: 'binary' }, scope: Scope): unknown {
    const op = node.op;
    if (op === 'and' || op === '&&') {
      return this.bool(node, op, this.eval(node.left, scope))
        ? this.bool(node, op, this.eval(node.right, scope))
        : false;
    }
    if (op === 'or' || op === '||') {
      return this.bool(node, op, this.eval(node.left, scope))
        ? true
        : this.bool(node, op, this.eval(node.right, scope));
    }
    if (op === '??') {
      const left = this.eval(node.left, scope);
      return left !== null ? left : this.eval(node.right, scope);
    }
    const a = this.eval(node.left, scope);
    const b = this.eval(node.right, scope);
    return this.guard(node, () => this.operate(node, op, a, b));
  }

  private operate(node: Node, op: string, a: unknown, b: unknown): unknown {
    const nums = typeof a === 'number' && typeof b === 'number';
    switch (op) {
      case '==':
      case '!=': {
        const visits = { n: 0 };
        const equal = deepEqual(a, b, 0, visits);
        this.charge(node, visits.n / 16);
        return op === '==' ? equal : !equal;
      }
      case '+':
        if (nums) return a + b;
        if (typeof a === 'string' && typeof b === 'string') {
          this.checkString(node, a.length + b.length);
          return a + b;
        }
        if (Array.isArray(a) && Array.isArray(b)) {
          this.checkItems(node, a.length + b.length);
          return [...a, ...b];
        }
        if (a instanceof ExprTime && b instanceof ExprDuration) return addDuration(a, b);
        if (a instanceof ExprDuration && b instanceof ExprTime) return addDuration(b, a);
        if (a instanceof ExprDuration && b instanceof ExprDuration) {
          return new ExprDuration(a.ns + b.ns);
        }
        throw mismatch(op, a, b);
      case '-':
        if (nums) return a - b;
        if (a instanceof ExprTime && b instanceof ExprTime) return subTimes(a, b);
        if (a instanceof ExprTime && b instanceof ExprDuration) {
          return addDuration(a, new ExprDuration(-b.ns));
        }
        if (a instanceof ExprDuration && b instanceof ExprDuration) {
          return new ExprDuration(a.ns - b.ns);
        }
        throw mismatch(op, a, b);
      case '*':
        if (nums) return a * b;
        if (a instanceof ExprDuration && typeof b === 'number') return new ExprDuration(a.ns * b);
        if (typeof a === 'number' && b instanceof ExprDuration) return new ExprDuration(a * b.ns);
        throw mismatch(op, a, b);
      case '/':
        if (nums) return a / b;
        throw mismatch(op, a, b);
      case '%':
        if (nums) {
          if (!Number.isInteger(a) || !Number.isInteger(b)) throw mismatch(op, a, b);
          if (b === 0) throw new ValueError('integer divide by zero');
          return a % b;
        }
        throw mismatch(op, a, b);
      case '**':
      case '^':
        if (nums) return a ** b;
        throw mismatch(op, a, b);
      case '<':
      case '>':
      case '<=':
      case '>=': {
        const c = this.compare(op, a, b);
        return op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
      }
      case '..': {
        if (!nums || !Number.isInteger(a) || !Number.isInteger(b)) throw mismatch(op, a, b);
        const n = Math.max(0, b - a + 1);
        this.checkItems(node, n);
        this.charge(node, n);
        return Array.from({ length: n }, (_, i) => a + i);
      }
      case 'in':
        if (Array.isArray(b)) {
          this.charge(node, b.length);
          return b.some((x) => deepEqual(a, x));
        }
        if (isMap(b)) {
          if (typeof a !== 'string' && typeof a !== 'number') return false;
          return readKey(b, String(a)).found;
        }
        if (b === null) return false;
        throw mismatch(op, a, b);
      case 'contains':
      case 'startsWith':
      case 'endsWith':
        if (typeof a !== 'string' || typeof b !== 'string') throw mismatch(op, a, b);
        this.charge(node, a.length / 16);
        return op === 'contains'
          ? a.includes(b)
          : op === 'startsWith'
            ? a.startsWith(b)
            : a.endsWith(b);
      case 'matches':
        if (typeof a !== 'string' || typeof b !== 'string') throw mismatch(op, a, b);
        this.charge(node, a.length / 16);
        return regexFor(b).test(a);
    }
    throw new ValueError(`unknown operator ${op}`);
  }

  private compare(op: string, a: unknown, b: unknown): number {
    if (typeof a === 'number' && typeof b === 'number')
      return a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN;
    if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
    if (a instanceof ExprTime && b instanceof ExprTime) return Math.sign(a.ms - b.ms);
    if (a instanceof ExprDuration && b instanceof ExprDuration) return Math.sign(a.ns - b.ns);
    if (a instanceof ExprVersion && b instanceof ExprVersion) return a.version.compare(b.version);
    throw mismatch(op, a, b);
  }

  // ---- predicates ----

  private predicateCall(node: Node & { k: 'call' }, scope: Scope): unknown {
    const name = node.name;
    const [listNode, closure, extra] = node.args;
    if (!listNode) throw this.fail(node, `${name}() expects at least 1 argument`);
    const rawList = this.eval(listNode, scope);
    let list: readonly unknown[];
    if (Array.isArray(rawList)) list = rawList;
    else if (rawList === null) list = [];
    else if (isMap(rawList) && name !== 'reduce') {
      list = mapKeys(rawList).map((k) => readKey(rawList, k).value);
    } else throw this.fail(listNode, `${name}() cannot iterate over ${typeName(rawList)}`);

    const body = closure && closure.k === 'closure' ? closure.body : undefined;
    const apply = (item: unknown, index: number, acc?: { acc: unknown }): unknown =>
      body
        ? this.eval(body, {
            parent: scope,
            pointer: acc
              ? { item: normalize(item), index, acc: acc.acc }
              : { item: normalize(item), index },
          })
        : normalize(item);
    const test = (item: unknown, index: number): boolean => {
      const r = apply(item, index);
      if (typeof r !== 'boolean') {
        throw this.fail(
          body ?? node,
          `predicate of ${name}() must return bool, got ${typeName(r)}`,
        );
      }
      return r;
    };

    switch (name) {
      case 'all':
        return list.every((x, i) => test(x, i));
      case 'any':
        return list.some((x, i) => test(x, i));
      case 'none':
        return !list.some((x, i) => test(x, i));
      case 'one': {
        let n = 0;
        for (let i = 0; i < list.length && n < 2; i++) if (test(list[i], i)) n++;
        return n === 1;
      }
      case 'count':
        return list.filter((x, i) => test(x, i)).length;
      case 'filter':
        return list.filter((x, i) => test(x, i));
      case 'map':
        return list.map((x, i) => apply(x, i));
      case 'find':
        for (let i = 0; i < list.length; i++) if (test(list[i], i)) return normalize(list[i]);
        return null;
      case 'findIndex':
        for (let i = 0; i < list.length; i++) if (test(list[i], i)) return i;
        return -1;
      case 'findLast':
        for (let i = list.length - 1; i >= 0; i--) if (test(list[i], i)) return normalize(list[i]);
        return null;
      case 'findLastIndex':
        for (let i = list.length - 1; i >= 0; i--) if (test(list[i], i)) return i;
        return -1;
      case 'sum': {
        let total: number | ExprDuration = 0;
        list.forEach((x, i) => {
          const v = apply(x, i);
          if (typeof v === 'number' && typeof total === 'number') total += v;
          else if (v instanceof ExprDuration && (total === 0 || total instanceof ExprDuration)) {
            total = new ExprDuration((total === 0 ? 0 : total.ns) + v.ns);
          } else throw this.fail(node, `sum(): cannot add ${typeName(v)}`);
        });
        return total;
      }
      case 'groupBy': {
        const groups = new Map<string, unknown[]>();
        list.forEach((x, i) => {
          const key = formatValue(apply(x, i));
          const g = groups.get(key) ?? [];
          g.push(normalize(x));
          groups.set(key, g);
        });
        return makeMap(groups);
      }
      case 'sortBy': {
        const order = extra ? this.eval(extra, scope) : 'asc';
        if (order !== 'asc' && order !== 'desc') {
          throw this.fail(node, 'sortBy(): order must be "asc" or "desc"');
        }
        const keyed = list.map((x, i) => ({ x: normalize(x), key: apply(x, i) }));
        this.charge(node, list.length * Math.log2(list.length + 1));
        const sorted = this.guard(node, () =>
          keyed.sort((p, q) => {
            const c = this.compare('sortBy', p.key, q.key);
            return order === 'desc' ? -c : c;
          }),
        );
        return sorted.map((p) => p.x);
      }
      case 'reduce': {
        let acc: unknown;
        let start = 0;
        if (extra) acc = this.eval(extra, scope);
        else if (list.length === 0) return null;
        else {
          acc = normalize(list[0]);
          start = 1;
        }
        for (let i = start; i < list.length; i++) acc = apply(list[i], i, { acc });
        return acc;
      }
    }
    throw this.fail(node, `unknown function ${name}()`);
  }
}

const PREDICATES = new Set([
  'all',
  'none',
  'any',
  'one',
  'filter',
  'map',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'groupBy',
  'count',
  'sum',
  'sortBy',
  'reduce',
]);

export { TimeError };
