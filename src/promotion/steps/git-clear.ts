/**
 * Kargo's `git-clear`: `{path}` empties a checkout (every file but `.git`) so that later steps
 * write its whole content, as rendered-branch templates do. In gantry the path is the stage's
 * checkout (`.`, or the `git-clone` checkout path a Kargo template uses, which the engine maps to
 * it). `.gantry/` survives: it holds the project files and the stage state the promotion commit
 * writes, and clearing those would make the branch unreadable to gantry.
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../../util/errors.js';
import { checkFields, requireString } from './engine.js';
import { normalizeRelative } from './safe-path.js';
import { nonEmpty } from './schema-parts.js';
import type { StepDefinition } from './types.js';

const KEEP = new Set(['.git', '.gantry']);

export const gitClear: StepDefinition = {
  name: 'git-clear',
  schema: {
    type: 'object',
    description:
      "Empties the checkout except `.gantry/`, for templates that write a rendered branch's whole content.",
    additionalProperties: false,
    properties: {
      path: nonEmpty("The checkout: `.`, or the path of the template's `git-clone` checkout."),
    },
  },
  async run(config, ctx) {
    checkFields('git-clear', config, ['path']);
    const where = config['path'] === undefined ? '.' : requireString('git-clear', config, 'path');
    if (normalizeRelative(where) !== '.') {
      throw new ConfigError(
        `git-clear: path ${JSON.stringify(where)}: gantry has one checkout, the stage's branch; clear it with path "." (or the path of the template's git-clone checkout)`,
      );
    }
    const removed: string[] = [];
    for (const e of await readdir(ctx.worktree, { withFileTypes: true })) {
      if (KEEP.has(e.name)) continue;
      await rm(path.join(ctx.worktree, e.name), { recursive: true, force: true });
      removed.push(e.isDirectory() ? `${e.name}/` : e.name);
    }
    ctx.log(
      `git-clear: removed ${removed.length} top-level entr${removed.length === 1 ? 'y' : 'ies'}`,
    );
    return {
      summary: removed.length
        ? [`- cleared the checkout (${removed.length} top-level entries)`]
        : [],
      changed: removed.map((r) => r.replace(/\/$/, '')),
    };
  },
};
