/**
 * Kargo's `toml-parse` step: reads a TOML file and makes outputs from it, each an expr-lang
 * expression over the document (see parse-outputs.ts). Dates and times read as their TOML text
 * (RFC 3339), and an integer beyond JavaScript's safe range as its decimal text (see toml-edit.ts).
 */
import { parseTomlText } from '../toml-edit.js';
import { parseStep } from './parse-outputs.js';
import type { StepDefinition } from './types.js';

export const tomlParse: StepDefinition = parseStep('toml-parse', 'TOML', parseTomlText);
