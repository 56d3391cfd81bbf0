/**
 * Kargo's `json-update` step: `{path, updates: [{key, value}]}` sets scalar values in a JSON file
 * with format-preserving edits (see ../json-edit.ts). Output `commitMessage` as Kargo writes it.
 */
import { writeFile } from 'node:fs/promises';
import { jsonUpdateCommitMessage, setJsonValues } from '../json-edit.js';
import { checkFields, refuseEmptyWrites, requireString, requireUpdates } from './engine.js';
import { normalizeRelative, safePath } from './safe-path.js';
import { flag, nonEmpty } from './schema-parts.js';
import type { StepDefinition } from './types.js';
import { readStepFile, updateSummary } from './yaml-update.js';

/** Kargo's json-update schema (scalar values only), with gantry's `allowEmpty`. */
const schema = {
  type: 'object',
  description:
    'Sets scalar values in a JSON file by key path (sjson syntax), keeping its formatting.',
  additionalProperties: false,
  required: ['path', 'updates'],
  properties: {
    path: nonEmpty('The JSON file, relative to the checkout.'),
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
            'Key path: `image.tag`, `containers.0.image`. A missing key is created; an object or array is never overwritten.',
          ),
          value: {
            type: ['string', 'number', 'boolean'],
            description: 'The new value: a string, number or boolean.',
          },
          allowEmpty: flag('gantry: allow writing an empty string over a value the file holds.'),
        },
      },
    },
  },
};

export const jsonUpdate: StepDefinition = {
  name: 'json-update',
  schema,
  async run(config, ctx) {
    checkFields('json-update', config, ['path', 'updates']);
    const path = requireString('json-update', config, 'path');
    const updates = requireUpdates('json-update', config, ['allowEmpty']);
    const abs = await safePath(ctx.worktree, path, 'json-update: path');
    const rel = normalizeRelative(path);
    const text = await readStepFile('json-update', abs, rel);
    const previous = new Map<string, unknown>();
    const out = setJsonValues(text, updates, rel, previous);
    refuseEmptyWrites('json-update', rel, updates, previous, ctx.written);
    const changed = out !== text;
    if (changed) await writeFile(abs, out);
    return {
      outputs: { commitMessage: jsonUpdateCommitMessage(rel, updates) },
      summary: changed ? updateSummary(rel, updates, previous) : [],
      changed: changed ? [rel] : [],
    };
  },
};
