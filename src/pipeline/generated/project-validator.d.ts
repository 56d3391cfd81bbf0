// The types of project-validator.js, which scripts/gen-validators.ts generates.
import type { ValidateFunction } from 'ajv';

/** Validates a project file's data against schema/project.schema.json (see schema.ts). */
export declare const validate: ValidateFunction;
export default validate;
