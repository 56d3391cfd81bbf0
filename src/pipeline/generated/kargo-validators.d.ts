// The types of kargo-validators.js, which scripts/gen-validators.ts generates.
import type { ValidateFunction } from 'ajv';

/** Validators of Kargo's manifests by kind, of the gantry file ('gantry-file'), and 'any'. */
export declare const KARGO_VALIDATORS: Readonly<Record<string, ValidateFunction | undefined>>;
