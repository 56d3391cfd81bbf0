import { compileRegex } from '../util/regex-core.js';
import type { Node } from './ast.js';
import { ExprError, exprErrorAt } from './errors.js';
import { Evaluator, type EvalOptions, type ExprEnv } from './evaluator.js';
import { children, DEFAULT_PARSE_LIMITS, parse, type ParseLimits } from './parser.js';
import { formatValue } from './values.js';

/** A parsed expression, ready to evaluate against any number of environments. */
export interface CompiledExpr {
  readonly source: string;
  /** Evaluate against `env`; throws ExprError. The result may share structure with `env`. */
  evaluate(env: ExprEnv, opts?: EvalOptions): unknown;
}

export interface CompileOptions {
  limits?: Partial<ParseLimits>;
}

/** Regex literals (`x matches "^v1"`) are checked once, here, as expr-lang does at compile time. */
function checkRegexLiterals(source: string, root: Node): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    if (n.k === 'binary' && n.op === 'matches' && n.right.k === 'lit') {
      const pattern = n.right.value;
      if (typeof pattern === 'string') {
        try {
          compileRegex(pattern);
        } catch (err) {
          throw exprErrorAt(source, n.right.pos, (err as Error).message, err);
        }
      }
    }
    stack.push(...children(n));
  }
}

/** Parse `source` once; throws ExprError (`unexpected token ')' at 1:14`). */
export function compileExpr(source: string, opts: CompileOptions = {}): CompiledExpr {
  if (typeof source !== 'string') {
    throw new ExprError(`expression must be a string, got ${formatValue(source)}`);
  }
  const root = parse(source, { ...DEFAULT_PARSE_LIMITS, ...opts.limits });
  checkRegexLiterals(source, root);
  return {
    source,
    evaluate(env: ExprEnv, evalOpts?: EvalOptions): unknown {
      return new Evaluator(source, env, evalOpts).run(root);
    },
  };
}
