/**
 * The one error type the expression language throws: syntax errors from `compileExpr`, runtime
 * errors from evaluation (unknown names, type mismatches, exhausted budgets) and template errors.
 * `reason` is the message without the position; `message` adds ` at line:column` when the error
 * points into the source.
 */
import { GantryError } from '../util/errors.js';

export class ExprError extends GantryError {
  override name = 'ExprError';
  /** The message without the position suffix. */
  readonly reason: string;
  /** 1-based line and column of the offending token, or 0 when the error has no position. */
  readonly line: number;
  readonly column: number;
  constructor(reason: string, line = 0, column = 0, options?: { cause?: unknown }) {
    super(line > 0 ? `${reason} at ${line}:${column}` : reason, options);
    this.reason = reason;
    this.line = line;
    this.column = column;
  }
}

/** 1-based line and column of a UTF-16 offset in `source` (columns count code points). */
export function positionOf(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, source.length);
  for (let i = 0; i < end; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: [...source.slice(lineStart, end)].length + 1 };
}

export function exprErrorAt(
  source: string,
  offset: number,
  reason: string,
  cause?: unknown,
): ExprError {
  const { line, column } = positionOf(source, offset);
  return new ExprError(reason, line, column, cause === undefined ? undefined : { cause });
}
