/**
 * Kargo's `yaml-parse` step: reads a YAML file and makes outputs from it, each an expr-lang
 * expression over the document (see parse-outputs.ts). A file of several documents is read as
 * its first, as Kargo's YAML reader does; an empty file is an error, as in Kargo.
 */
import { parseAllDocuments } from 'yaml';
import { ConfigError } from '../../util/errors.js';
import { parseStep } from './parse-outputs.js';
import type { StepDefinition } from './types.js';

const STEP = 'yaml-parse';

/** The first document of `text` as plain data; errors name the file, line and column. */
export function parseYamlFile(step: string, rel: string, text: string): unknown {
  const docs = parseAllDocuments(text);
  const first = Array.isArray(docs) ? docs[0] : undefined;
  if (!first || first.contents === null) {
    throw new ConfigError(`${step}: path ${JSON.stringify(rel)}: the file holds no YAML document`);
  }
  const error = first.errors[0];
  if (error) {
    const at = error.linePos?.[0];
    const where = at ? `${rel}:${at.line}:${at.col}` : rel;
    throw new ConfigError(`${step}: ${where}: not valid YAML: ${error.message.split('\n')[0]}`);
  }
  return first.toJS({ maxAliasCount: 100 }) as unknown;
}

export const yamlParse: StepDefinition = parseStep(STEP, 'YAML', parseYamlFile);
