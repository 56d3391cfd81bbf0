/**
 * Kargo's `json-update` step: `{path, updates: [{key, value}]}` sets scalar values in a JSON file
 * with format-preserving edits (see ../json-edit.ts). Output `commitMessage` as Kargo writes it.
 */
import { writeFile } from 'node:fs/promises';
import { jsonUpdateCommitMessage, setJsonValues } from '../json-edit.js';
import { checkFields, refuseEmptyWrites, requireString, requireUpdates } from './engine.js';
import { normalizeRelative, safePath } from './safe-path.js';
import { NON_EMPTY } from './schema-parts.js';
import type { StepDefinition } from './types.js';
import { readStepFile, updateSummary } from './yaml-update.js';

/** Kargo's json-update schema (scalar values only), with gantry's `allowEmpty`. */
const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['path', 'updates'],
  properties: {
    path: NON_EMPTY,
    updates: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'value'],
        properties: {
          key: NON_EMPTY,
          value: { type: ['string', 'number', 'boolean'] },
          allowEmpty: { type: 'boolean' },
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
