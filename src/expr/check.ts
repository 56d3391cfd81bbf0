/**
 * Static checks of expressions, before anything runs: what expr-lang's type checker reports when
 * Kargo compiles an expression against its environment. `gantry lint` uses them for every
 * `${{ }}` of a project file.
 *
 * The checker knows the names an expression may read (`vars`, `ctx`, `outputs`, …) and the
 * functions it may call, with their argument counts and, where the function returns a struct,
 * the struct's fields. It reports syntax errors, unknown names, unknown functions, wrong argument
 * counts, and fields a struct does not have (`imageFrom(x).Tga`), each at its position in the
 * expression. Anything it cannot know statically (a field of a var, of a step output, of a map
 * from `fromJSON`) is left to run time, where reading a missing struct field is an error too.
 */
import { didYouMean } from '../util/suggest.js';
import type { Node } from './ast.js';
import { BUILTINS } from './builtins.js';
import { compileExpr } from './compile.js';
import { ExprError } from './errors.js';
import { children, parse, PREDICATE_BUILTINS, DEFAULT_PARSE_LIMITS } from './parser.js';

/** What the checker knows about a value. */
export type StaticType =
  | { kind: 'any' }
  | {
      kind: 'struct';
      /** Go-style type name, for messages: `Image`. */
      name: string;
      fields: Readonly<Record<string, StaticType>>;
      /** Message for a field that is missing; default `type <name> has no field <f>`. */
      unknown?: (field: string, known: readonly string[]) => string;
    };

export const ANY: StaticType = { kind: 'any' };

export function structOf(
  name: string,
  fields: Readonly<Record<string, StaticType>>,
  unknown?: (field: string, known: readonly string[]) => string,
): StaticType {
  return { kind: 'struct', name, fields, ...(unknown ? { unknown } : {}) };
}

/** `n` string fields, as most of Kargo's structs have. */
export function stringFields(...names: string[]): Record<string, StaticType> {
  return Object.fromEntries(names.map((n) => [n, ANY]));
}

export interface FunctionSignature {
  min: number;
  /** Infinity for variadic functions. */
  max: number;
  returns?: StaticType;
}

export type FunctionSignatures = Readonly<Record<string, FunctionSignature>>;

const sig = (min: number, max = min): FunctionSignature => ({ min, max });

/** Argument counts of the builtins (builtins.ts), which check their arguments only when called. */
export const BUILTIN_SIGNATURES: FunctionSignatures = {
  len: sig(1),
  lower: sig(1),
  upper: sig(1),
  trim: sig(1, 2),
  trimPrefix: sig(2),
  trimSuffix: sig(2),
  split: sig(2, 3),
  splitAfter: sig(2, 3),
  join: sig(1, 2),
  replace: sig(3),
  hasPrefix: sig(2),
  hasSuffix: sig(2),
  indexOf: sig(2),
  lastIndexOf: sig(2),
  repeat: sig(2),
  string: sig(1),
  int: sig(1),
  float: sig(1),
  type: sig(1),
  toJSON: sig(1),
  fromJSON: sig(1),
  toBase64: sig(1),
  fromBase64: sig(1),
  abs: sig(1),
  ceil: sig(1),
  floor: sig(1),
  round: sig(1),
  max: sig(1, Infinity),
  min: sig(1, Infinity),
  mean: sig(1, Infinity),
  median: sig(1, Infinity),
  first: sig(1),
  last: sig(1),
  take: sig(2),
  reverse: sig(1),
  uniq: sig(1),
  flatten: sig(1),
  concat: sig(0, Infinity),
  sort: sig(1, 2),
  keys: sig(1),
  values: sig(1),
  get: sig(2),
  now: sig(0),
  date: sig(1, 3),
  duration: sig(1),
  semverParse: sig(1),
  semverDiff: sig(2),
};

/** The functions `${{ }}` templates add (template.ts). */
export const TEMPLATE_SIGNATURES: FunctionSignatures = {
  quote: sig(1),
  unsafeQuote: sig(1),
  asYAML: sig(1),
  asJSON: sig(1),
};

export interface CheckEnv {
  /** Top-level names the expression may read, with what is known of them. */
  names: Readonly<Record<string, StaticType>>;
  /** Functions beyond the builtins (they take precedence, as at run time). */
  functions: FunctionSignatures;
  /**
   * A further check of a call whose arguments are known: `args[i]` is the string literal passed
   * as argument i (undefined when it is not a string literal). Returns a problem or undefined.
   */
  checkCall?: (name: string, args: readonly (string | undefined)[]) => string | undefined;
  /** Functions the caller knows of but does not provide, with why: said instead of "unknown". */
  unsupported?: Readonly<Record<string, string>>;
}

/** A problem at a 0-based offset into the checked text. */
export interface CheckProblem {
  offset: number;
  message: string;
}

function offsetOf(source: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = source.indexOf('\n', offset);
    if (nl < 0) break;
    offset = nl + 1;
  }
  // Columns count code points.
  const rest = [...source.slice(offset)].slice(0, Math.max(0, column - 1)).join('');
  return offset + rest.length;
}

const same = (a: StaticType, b: StaticType): boolean =>
  a.kind === 'struct' && b.kind === 'struct' && a.name === b.name;

/** Check one expression (no `${{ }}` around it). */
export function checkExpression(source: string, env: CheckEnv): CheckProblem[] {
  let root: Node;
  try {
    // compileExpr also checks regex literals; parse again for the tree it keeps to itself.
    compileExpr(source);
    root = parse(source, DEFAULT_PARSE_LIMITS);
  } catch (err) {
    if (!(err instanceof ExprError)) throw err;
    const offset = err.line > 0 ? offsetOf(source, err.line, err.column) : 0;
    return [{ offset, message: err.reason }];
  }
  const problems: CheckProblem[] = [];
  const report = (node: Node, message: string): void => {
    problems.push({ offset: node.pos, message });
  };

  const typeOf = (node: Node, scope: ReadonlyMap<string, StaticType>): StaticType => {
    switch (node.k) {
      case 'ident': {
        const local = scope.get(node.name);
        if (local) return local;
        if (node.name === '$env') return ANY;
        if (Object.hasOwn(env.names, node.name)) return env.names[node.name] ?? ANY;
        const known = [...Object.keys(env.names), ...scope.keys()];
        report(node, `unknown name ${JSON.stringify(node.name)}${didYouMean(node.name, known)}`);
        return ANY;
      }
      case 'member': {
        const object = typeOf(node.object, scope);
        const property = node.property;
        if (
          object.kind === 'struct' &&
          property.k === 'lit' &&
          typeof property.value === 'string'
        ) {
          const field = property.value;
          if (Object.hasOwn(object.fields, field)) return object.fields[field] ?? ANY;
          const known = Object.keys(object.fields);
          report(
            node,
            object.unknown
              ? object.unknown(field, known)
              : `type ${object.name} has no field ${field}${didYouMean(field, known)} (fields: ${known.join(', ')})`,
          );
          return ANY;
        }
        typeOf(property, scope);
        return ANY;
      }
      case 'call': {
        if (Object.hasOwn(PREDICATE_BUILTINS, node.name)) {
          for (const a of node.args) typeOf(a, scope);
          return ANY;
        }
        const signature = Object.hasOwn(env.functions, node.name)
          ? env.functions[node.name]
          : Object.hasOwn(BUILTIN_SIGNATURES, node.name)
            ? BUILTIN_SIGNATURES[node.name]
            : undefined;
        const why = env.unsupported?.[node.name];
        if (!signature && why !== undefined) {
          report(node, `${node.name}() is not available: ${why}`);
        } else if (!signature) {
          const known = [
            ...Object.keys(env.functions),
            ...Object.keys(BUILTINS),
            ...Object.keys(PREDICATE_BUILTINS),
          ];
          report(node, `unknown function ${node.name}()${didYouMean(node.name, known)}`);
        } else if (node.args.length < signature.min || node.args.length > signature.max) {
          const want =
            signature.min === signature.max
              ? `${signature.min}`
              : signature.max === Infinity
                ? `at least ${signature.min}`
                : `${signature.min} to ${signature.max}`;
          report(
            node,
            `${node.name}(): expected ${want} argument${want === '1' ? '' : 's'}, got ${node.args.length}`,
          );
        }
        for (const a of node.args) typeOf(a, scope);
        if (signature && env.checkCall) {
          const literals = node.args.map((a) =>
            a.k === 'lit' && typeof a.value === 'string' ? a.value : undefined,
          );
          const problem = env.checkCall(node.name, literals);
          if (problem) report(node, problem);
        }
        return signature?.returns ?? ANY;
      }
      case 'binary': {
        const left = typeOf(node.left, scope);
        const right = typeOf(node.right, scope);
        return node.op === '??' && same(left, right) ? left : ANY;
      }
      case 'cond': {
        const test = typeOf(node.test, scope);
        const then = typeOf(node.then, scope);
        const otherwise = typeOf(node.else, scope);
        if (node.elvis) return same(test, otherwise) ? test : ANY;
        return same(then, otherwise) ? then : ANY;
      }
      case 'chain':
        return typeOf(node.node, scope);
      case 'let': {
        const value = typeOf(node.value, scope);
        return typeOf(node.body, new Map([...scope, [node.name, value]]));
      }
      default:
        for (const c of children(node)) typeOf(c, scope);
        return ANY;
    }
  };
  typeOf(root, new Map());
  return problems;
}

const DELIMITERS = [
  { open: '${{', close: '}}' },
  { open: '${%', close: '%}' },
] as const;

/**
 * The expressions of a template string, with the offset of each one's source in the string (just
 * after its 3-character opening delimiter); `unclosed` when the text ends before the closing one.
 */
export function templateExpressions(
  template: string,
): { source: string; offset: number; unclosed?: boolean }[] {
  const out: { source: string; offset: number; unclosed?: boolean }[] = [];
  let at = 0;
  for (;;) {
    let best: { at: number; open: string; close: string } | undefined;
    for (const d of DELIMITERS) {
      const i = template.indexOf(d.open, at);
      if (i >= 0 && (!best || i < best.at)) best = { at: i, open: d.open, close: d.close };
    }
    if (!best) return out;
    const start = best.at + best.open.length;
    const end = template.indexOf(best.close, start);
    if (end < 0) {
      out.push({ source: template.slice(start), offset: start, unclosed: true });
      return out;
    }
    out.push({ source: template.slice(start, end), offset: start });
    at = end + best.close.length;
  }
}

/**
 * Check every expression of a template string (`"v${{ vars.tag }}"`); offsets are into the
 * template. The template functions (`quote`, `asYAML`, …) are available, as when rendering.
 */
export function checkTemplate(template: string, env: CheckEnv): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const withTemplateFns: CheckEnv = {
    ...env,
    functions: { ...env.functions, ...TEMPLATE_SIGNATURES },
  };
  for (const e of templateExpressions(template)) {
    if (e.unclosed) {
      problems.push({
        offset: e.offset - 3,
        message: 'unclosed expression: no closing delimiter before the end of the text',
      });
      continue;
    }
    for (const p of checkExpression(e.source, withTemplateFns)) {
      problems.push({ offset: e.offset + p.offset, message: p.message });
    }
  }
  return problems;
}
