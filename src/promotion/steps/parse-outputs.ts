/**
 * What `yaml-parse`, `json-parse` and `toml-parse` share: `outputs: [{name,
 * fromExpression}]`, expr-lang expressions evaluated against the parsed document, whose top-level
 * keys are the expressions' names (`image.tag`, `apps["dev"]`; `$env` is the whole document).
 *
 * The expressions are compiled before the file is read, so a typo is a config error naming the
 * output. Beyond Kargo: when the document has no top-level `ctx` key, the expressions also see
 * `ctx` (`ctx.stage`, `ctx.project`), which Kargo's own file-write example relies on
 * (`apps[ctx.stage]`).
 */
import { compileExpr, type CompiledExpr } from '../../expr/index.js';
import { ConfigError, errorMessage } from '../../util/errors.js';
import { fieldError, isRecord } from './config-check.js';
import { checkFields, requireString } from './engine.js';
import { normalizeRelative, safePath } from './safe-path.js';
import { nonEmpty } from './schema-parts.js';
import type { StepContext, StepDefinition } from './types.js';
import { readStepFile } from './yaml-update.js';

export interface OutputRule {
  name: string;
  expr: CompiledExpr;
}

/** The schema of `outputs`, `what` naming the file kind ("YAML"). */
export const outputsSchema = (what: string) => ({
  type: 'array',
  minItems: 1,
  description: `Outputs for later steps, each an expression over the parsed ${what} document.`,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'fromExpression'],
    properties: {
      name: nonEmpty('The output name: later steps read `outputs.<alias>.<name>`.'),
      fromExpression: nonEmpty(
        `An expr-lang expression, without \`\${{ }}\`, whose names are the document's top-level keys (\`image.tag\`).`,
      ),
    },
  },
});

/** `config.outputs`, checked and compiled. */
export function parseOutputRules(step: string, config: Record<string, unknown>): OutputRule[] {
  const raw = config['outputs'];
  if (!Array.isArray(raw) || raw.length === 0) {
    fieldError(
      step,
      'config.outputs',
      'is required: a list of at least one {name, fromExpression}',
    );
  }
  const rules: OutputRule[] = [];
  for (const [i, item] of (raw as unknown[]).entries()) {
    const at = `config.outputs[${i}]`;
    if (!isRecord(item)) fieldError(step, at, 'must be a map with name and fromExpression');
    checkFields(`${step}: ${at}`, item, ['name', 'fromExpression']);
    const name = item['name'];
    if (typeof name !== 'string' || name === '') {
      fieldError(step, `${at}.name`, 'must be a non-empty string');
    }
    if (rules.some((r) => r.name === name)) {
      fieldError(step, `${at}.name`, `${JSON.stringify(name)} is already an output`);
    }
    const source = item['fromExpression'];
    if (typeof source !== 'string' || source.trim() === '') {
      fieldError(step, `${at}.fromExpression`, 'must be a non-empty expression');
    }
    try {
      rules.push({ name, expr: compileExpr(source) });
    } catch (err) {
      fieldError(step, `${at}.fromExpression`, errorMessage(err));
    }
  }
  return rules;
}

/** Evaluate the rules against `doc` (parsed from `file`). */
export function evaluateOutputRules(
  step: string,
  file: string,
  doc: unknown,
  rules: readonly OutputRule[],
  ctx: Pick<StepContext, 'stage' | 'project'>,
): Record<string, unknown> {
  if (!isRecord(doc)) {
    throw new ConfigError(
      `${step}: path ${JSON.stringify(file)}: the document must be a map at the top level, not ${Array.isArray(doc) ? 'a list' : doc === null ? 'empty' : 'a scalar'}`,
    );
  }
  const env = Object.hasOwn(doc, 'ctx')
    ? doc
    : { ...doc, ctx: { stage: ctx.stage, project: ctx.project } };
  const outputs: Record<string, unknown> = {};
  rules.forEach((rule, i) => {
    let value: unknown;
    try {
      value = rule.expr.evaluate(env);
    } catch (err) {
      throw new ConfigError(
        `${step}: config.outputs[${i}].fromExpression ${JSON.stringify(rule.expr.source)} on ${file}: ${errorMessage(err)}`,
      );
    }
    Object.defineProperty(outputs, rule.name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  });
  return outputs;
}

/**
 * yaml-parse, json-parse and toml-parse: the same step over a different parser. `parse` turns the file's
 * text into the document the output expressions read, with errors naming the file and line.
 */
export function parseStep(
  step: string,
  format: 'JSON' | 'TOML' | 'YAML',
  parse: (step: string, shown: string, text: string) => unknown,
): StepDefinition {
  return {
    name: step,
    schema: {
      type: 'object',
      description: `Reads a ${format} file and makes outputs from it with expressions.`,
      additionalProperties: false,
      required: ['path', 'outputs'],
      properties: {
        path: nonEmpty(`The ${format} file, relative to the checkout.`),
        outputs: outputsSchema(format),
      },
    },
    async run(config, ctx) {
      checkFields(step, config, ['path', 'outputs']);
      const rel = requireString(step, config, 'path');
      const rules = parseOutputRules(step, config);
      const abs = await safePath(ctx.worktree, rel, `${step}: path`);
      const shown = normalizeRelative(rel);
      const text = await readStepFile(step, abs, shown);
      const doc = parse(step, shown, text);
      return { outputs: evaluateOutputRules(step, shown, doc, rules, ctx) };
    },
  };
}
