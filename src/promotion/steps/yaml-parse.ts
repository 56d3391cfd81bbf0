/**
 * Kargo's `yaml-parse` step: reads a YAML file and makes outputs from it, each an expr-lang
 * expression over the document (see parse-outputs.ts). A file of several documents is read as
 * its first, as Kargo's YAML reader does; an empty file is an error, as in Kargo.
 */
import { parseAllDocuments } from 'yaml';
import { ConfigError } from '../../util/errors.js';
import { checkFields, requireString } from './engine.js';
import { evaluateOutputRules, outputsSchema, parseOutputRules } from './parse-outputs.js';
import { normalizeRelative, safePath } from './safe-path.js';
import { nonEmpty } from './schema-parts.js';
import type { StepDefinition } from './types.js';
import { readStepFile } from './yaml-update.js';

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

export const yamlParse: StepDefinition = {
  name: STEP,
  schema: {
    type: 'object',
    description: 'Reads a YAML file and makes outputs from it with expressions.',
    additionalProperties: false,
    required: ['path', 'outputs'],
    properties: {
      path: nonEmpty('The YAML file, relative to the checkout.'),
      outputs: outputsSchema('YAML'),
    },
  },
  async run(config, ctx) {
    checkFields(STEP, config, ['path', 'outputs']);
    const rel = requireString(STEP, config, 'path');
    const rules = parseOutputRules(STEP, config);
    const abs = await safePath(ctx.worktree, rel, `${STEP}: path`);
    const shown = normalizeRelative(rel);
    const text = await readStepFile(STEP, abs, shown);
    const doc = parseYamlFile(STEP, shown, text);
    return { outputs: evaluateOutputRules(STEP, shown, doc, rules, ctx) };
  },
};
