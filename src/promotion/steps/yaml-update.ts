/**
 * Kargo's `yaml-update` step: `{path, updates: [{key, value}]}` sets values in a YAML file with
 * format-preserving edits (see ../yaml-edit.ts). gantry adds `document` (0-based) to pick one
 * document of a multi-document file. Output `commitMessage` is Kargo's fragment
 * (`Updated <path>` and a `- key: value` line per update).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { ConfigError } from '../../util/errors.js';
import { setYamlValues, yamlUpdateCommitMessage } from '../yaml-edit.js';
import { checkFields, refuseEmptyWrites, requireString, requireUpdates } from './engine.js';
import { normalizeRelative, safePath } from './safe-path.js';
import { flag, nonEmpty } from './schema-parts.js';
import type { StepDefinition } from './types.js';

/** Read a file a step edits; a missing one is a ConfigError naming the step and the file. */
export async function readStepFile(step: string, abs: string, rel: string): Promise<string> {
  try {
    return await readFile(abs, 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT')
      throw new ConfigError(`${step}: path ${JSON.stringify(rel)}: no such file`);
    if (code === 'EISDIR')
      throw new ConfigError(`${step}: path ${JSON.stringify(rel)}: is a directory, not a file`);
    throw err;
  }
}

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * `- file: key old → new` lines for the promotion commit and the job summary, one per update that
 * changed its value (`- file: key → new` for a key that did not exist).
 */
export function updateSummary(
  rel: string,
  updates: readonly { key: string; value: unknown }[],
  previous: ReadonlyMap<string, unknown>,
): string[] {
  const lines: string[] = [];
  for (const u of updates) {
    const old = previous.get(u.key);
    if (old !== undefined && show(old) === show(u.value)) continue;
    lines.push(
      old === undefined
        ? `- ${rel}: ${u.key} → ${show(u.value)}`
        : `- ${rel}: ${u.key} ${show(old)} → ${show(u.value)}`,
    );
  }
  return lines;
}

/** Kargo's yaml-update schema, with gantry's `document`, `create` and `allowEmpty`. */
const schema = {
  type: 'object',
  description:
    'Sets scalar values in a YAML file by key path, changing only the bytes of each value.',
  additionalProperties: false,
  required: ['path', 'updates'],
  properties: {
    path: nonEmpty('The YAML file, relative to the checkout.'),
    document: {
      type: 'integer',
      minimum: 0,
      description: 'gantry: which document of a multi-document file to edit (0 for the first).',
    },
    updates: {
      type: 'array',
      minItems: 1,
      description: 'The changes, applied in order.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'value'],
        properties: {
          key: nonEmpty(
            'Key path: `image.tag`, `containers.0.image`, `annotations.example\\.com/owner`. It must address a scalar the file has.',
          ),
          value: { description: 'The new value, usually an expression.' },
          create: flag(
            'gantry: add the key (and missing parents; append to a list) when the file lacks it. Without it, a missing key fails as `key path not found`.',
          ),
          allowEmpty: flag(
            'gantry: allow writing null or an empty string over a value the file holds.',
          ),
        },
      },
    },
  },
};

export const yamlUpdate: StepDefinition = {
  name: 'yaml-update',
  schema,
  async run(config, ctx) {
    checkFields('yaml-update', config, ['path', 'updates', 'document']);
    const path = requireString('yaml-update', config, 'path');
    // gantry's addition to Kargo's config: which document of a multi-document file to edit.
    const document = config['document'];
    if (document !== undefined && !(Number.isInteger(document) && (document as number) >= 0)) {
      throw new ConfigError(
        `yaml-update: config.document must be a document index (0 for the first), not ${JSON.stringify(document)}`,
      );
    }
    const updates = requireUpdates('yaml-update', config, ['create', 'allowEmpty']);
    const abs = await safePath(ctx.worktree, path, 'yaml-update: path');
    const rel = normalizeRelative(path);
    const text = await readStepFile('yaml-update', abs, rel);
    const previous = new Map<string, unknown>();
    const out = setYamlValues(text, updates, rel, {
      previous,
      ...(document !== undefined ? { document: document as number } : {}),
    });
    refuseEmptyWrites('yaml-update', rel, updates, previous, ctx.written);
    const changed = out !== text;
    if (changed) await writeFile(abs, out);
    return {
      outputs: { commitMessage: yamlUpdateCommitMessage(rel, updates) },
      summary: changed ? updateSummary(rel, updates, previous) : [],
      changed: changed ? [rel] : [],
    };
  },
};
