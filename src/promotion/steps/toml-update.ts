/**
 * Kargo's `toml-update` step: `{path, updates: [{key, value}]}` sets scalar values of keys a TOML
 * file has, changing only the bytes of each value (see ../toml-edit.ts), so comments, order and
 * formatting stay. Output `commitMessage` as Kargo writes it.
 */
import { writeFile } from 'node:fs/promises';
import { setTomlValues, tomlUpdateCommitMessage } from '../toml-edit.js';
import { checkFields, refuseEmptyWrites, requireString, requireUpdates } from './engine.js';
import { normalizeRelative, safePath } from './safe-path.js';
import { flag, nonEmpty } from './schema-parts.js';
import type { StepDefinition } from './types.js';
import { readStepFile, updateSummary } from './yaml-update.js';

const STEP = 'toml-update';

/** Kargo's toml-update schema (scalar values of existing keys), with gantry's `allowEmpty`. */
const schema = {
  type: 'object',
  description:
    'Sets scalar values of existing keys in a TOML file by key path, keeping its comments and formatting. Output: `commitMessage`.',
  additionalProperties: false,
  required: ['path', 'updates'],
  properties: {
    path: nonEmpty('The TOML file, relative to the checkout.'),
    updates: {
      type: 'array',
      minItems: 1,
      description: 'The changes; several of one key: the last wins.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'value'],
        properties: {
          key: nonEmpty(
            'Key path (sjson syntax): `package.version`, `labels.example\\.com/version`, `values.1`, `services.0.port` (an array of tables by index). It must address a scalar the file has.',
          ),
          value: {
            type: ['string', 'number', 'boolean'],
            description:
              "The new value: a string (written `'…'`), a number or a boolean, usually an expression.",
          },
          allowEmpty: flag('gantry: allow writing an empty string over a value the file holds.'),
        },
      },
    },
  },
};

export const tomlUpdate: StepDefinition = {
  name: STEP,
  schema,
  async run(config, ctx) {
    checkFields(STEP, config, ['path', 'updates']);
    const path = requireString(STEP, config, 'path');
    const updates = requireUpdates(STEP, config, ['allowEmpty']);
    const abs = await safePath(ctx.worktree, path, `${STEP}: path`);
    const rel = normalizeRelative(path);
    const text = await readStepFile(STEP, abs, rel);
    const previous = new Map<string, unknown>();
    const out = setTomlValues(text, updates, rel, previous);
    refuseEmptyWrites(STEP, rel, updates, previous, ctx.written);
    const changed = out !== text;
    if (changed) await writeFile(abs, out);
    return {
      outputs: { commitMessage: tomlUpdateCommitMessage(rel, updates) },
      summary: changed ? updateSummary(rel, updates, previous) : [],
      changed: changed ? [rel] : [],
    };
  },
};
