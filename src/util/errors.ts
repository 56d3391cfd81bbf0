/**
 * Errors that cross the core's boundary. Adapters map them to exit codes (CLI) or `core.setFailed`
 * (actions): a ConfigError is the user's input to fix (exit 2), an OperationError is an operation
 * that was refused or failed (exit 1). Anything else is a bug and also exits 1.
 */

/** A problem at a place in a file: printed as `file:line:col: message`. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  /** Field path such as `stages[1].requestedFreight[0].origin.name`; empty for the whole file. */
  path: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = `${p.file}:${p.line}:${p.column}`;
  return p.path ? `${where}: ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}

export class GantryError extends Error {
  override name = 'GantryError';
}

/** Bad usage or bad configuration: the user must change something before trying again. */
export class ConfigError extends GantryError {
  override name = 'ConfigError';
  readonly problems: readonly Problem[];
  constructor(message: string, problems: readonly Problem[] = []) {
    super(problems.length ? `${message}\n${problems.map(formatProblem).join('\n')}` : message);
    this.problems = problems;
  }
}

/** The operation was refused or failed (a rejected push past its retries, an unreachable remote). */
export class OperationError extends GantryError {
  override name = 'OperationError';
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * A configuration error about one field, named with where it is: `yaml-update: config.path: …`,
 * `verification metric "smoke": provider http: url: …`. Declared, so TypeScript narrows after it.
 */
export function fieldError(where: string, field: string, message: string): never {
  throw new ConfigError(`${where}: ${field}: ${message}`);
}
