/**
 * Kargo's `json-update` step: `{path, updates: [{key, value}]}` sets scalar values in a JSON file
 * with format-preserving edits (see ../json-edit.ts). Output `commitMessage` as Kargo writes it.
 */
import { writeFile } from 'node:fs/promises';
import { jsonUpdateCommitMessage, setJsonValues } from '../json-edit.js';
import { checkFields, requireString, requireUpdates } from './engine.js';
import { normalizeRelative, safePath } from './safe-path.js';
import type { StepDefinition } from './types.js';
import { readStepFile, updateSummary } from './yaml-update.js';

export const jsonUpdate: StepDefinition = {
  name: 'json-update',
  async run(config, ctx) {
    checkFields('json-update', config, ['path', 'updates']);
    const path = requireString('json-update', config, 'path');
    const updates = requireUpdates('json-update', config);
    const abs = await safePath(ctx.worktree, path, 'json-update: path');
    const rel = normalizeRelative(path);
    const text = await readStepFile('json-update', abs, rel);
    const previous = new Map<string, unknown>();
    const out = setJsonValues(text, updates, rel, previous);
    const changed = out !== text;
    if (changed) await writeFile(abs, out);
    return {
      outputs: { commitMessage: jsonUpdateCommitMessage(rel, updates) },
      summary: changed ? updateSummary(rel, updates, previous) : [],
      changed: changed ? [rel] : [],
    };
  },
};
