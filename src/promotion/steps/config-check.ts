import { fieldError } from '../../util/errors.js';
import { isRecord } from '../../util/guards.js';

export { fieldError, isRecord };

/*
 * Checks for a step's nested config (kustomize-set-image's images[], helm-update-chart's
 * charts[]), with errors that name the step and the field path (`charts[0].name`). Declared
 * functions, not closures: TypeScript narrows after a call to a declared `never` function only.
 */

export function onlyKeys(
  step: string,
  obj: Record<string, unknown>,
  allowed: readonly string[],
  prefix: string,
): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) fieldError(step, `${prefix}${k}`, 'is not a field of this step');
  }
}

export function requireField(step: string, v: unknown, field: string): string {
  if (typeof v !== 'string' || v === '') fieldError(step, field, 'must be a non-empty string');
  return v;
}
