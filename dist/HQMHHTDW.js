import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);

// src/util/errors.ts
function formatProblem(p) {
  const where = `${p.file}:${p.line}:${p.column}`;
  return p.path ? `${where}: ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}
var GantryError = class extends Error {
  name = "GantryError";
};
var ConfigError = class extends GantryError {
  name = "ConfigError";
  problems;
  constructor(message, problems = []) {
    super(problems.length ? `${message}
${problems.map(formatProblem).join("\n")}` : message);
    this.problems = problems;
  }
};
var OperationError = class extends GantryError {
  name = "OperationError";
};
function errorMessage(err) {
  return err instanceof Error ? err.message : String(err);
}
function fieldError(where, field, message) {
  throw new ConfigError(`${where}: ${field}: ${message}`);
}

export {
  formatProblem,
  GantryError,
  ConfigError,
  OperationError,
  errorMessage,
  fieldError
};
