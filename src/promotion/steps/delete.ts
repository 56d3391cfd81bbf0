/**
 * Kargo's `delete` step: `{path}` or `{paths: […]}` removes files or directories (recursively);
 * `strict: true` makes a missing path, or a glob that matches nothing, an error (by default it is
 * skipped). With `pathsAreGlobs: true` the paths are glob patterns (`*`, `?`, `[…]`, `**`; a
 * trailing `/` matches directories only), matched against the checkout without following
 * symbolic links and never inside `.git`. A symbolic link is removed itself, never what it points
 * to; the checkout's root and `.git` cannot be deleted.
 */
import { lstat, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../../util/errors.js';
import { compileGlob } from './copy.js';
import { checkFields, optionalBool } from './engine.js';
import { normalizeRelative, safePath } from './safe-path.js';
import { flag, nonEmpty } from './schema-parts.js';
import type { StepDefinition } from './types.js';

const GLOB_CHARS = /[*?[]/;

/** Paths (relative, `/`-separated, parents before children) under the checkout matching `glob`. */
async function expandGlob(worktree: string, glob: string, field: string): Promise<string[]> {
  const dirOnly = glob.endsWith('/');
  const pattern = normalizeRelative(glob);
  const parts = pattern.split('/');
  const literal: string[] = [];
  for (const p of parts) {
    if (GLOB_CHARS.test(p)) break;
    literal.push(p);
  }
  // The literal prefix goes through the same checks as any other path.
  const prefix = literal.length ? literal.join('/') : '.';
  const start = await safePath(worktree, prefix, field);
  const re = compileGlob(pattern);
  const out: string[] = [];
  const visit = async (abs: string, rel: string): Promise<void> => {
    const st = await lstat(abs).catch(() => undefined);
    if (!st) return;
    if (rel !== '.' && re.test(rel) && (!dirOnly || st.isDirectory())) {
      out.push(rel);
      return;
    }
    if (!st.isDirectory()) return;
    for (const e of await readdir(abs, { withFileTypes: true })) {
      if (e.name === '.git') continue;
      await visit(path.join(abs, e.name), rel === '.' ? e.name : `${rel}/${e.name}`);
    }
  };
  await visit(start, prefix);
  return out.sort();
}

export const deleteStep: StepDefinition = {
  name: 'delete',
  schema: {
    type: 'object',
    description: 'Deletes files or directories inside the checkout (one of `path` and `paths`).',
    additionalProperties: false,
    properties: {
      path: nonEmpty('What to delete, relative to the checkout.'),
      paths: {
        type: 'array',
        minItems: 1,
        items: nonEmpty('A path or, with `pathsAreGlobs`, a glob.'),
        description: 'Several paths to delete.',
      },
      pathsAreGlobs: flag('Read `paths` as glob patterns.'),
      strict: flag('Fail when a path does not exist.'),
    },
  },
  async run(config, ctx) {
    checkFields('delete', config, ['path', 'paths', 'pathsAreGlobs', 'strict']);
    const strict = optionalBool('delete', config, 'strict') ?? false;
    const globs = optionalBool('delete', config, 'pathsAreGlobs') ?? false;
    const one = config['path'];
    const many = config['paths'];
    if ((one === undefined) === (many === undefined)) {
      throw new ConfigError('delete: exactly one of path and paths must be given');
    }
    let paths: { value: unknown; field: string }[];
    if (one !== undefined) paths = [{ value: one, field: 'delete: path' }];
    else {
      if (!Array.isArray(many) || many.length === 0) {
        throw new ConfigError('delete: paths must be a non-empty list of paths');
      }
      paths = many.map((value: unknown, i) => ({ value, field: `delete: paths[${i}]` }));
    }

    const changed: string[] = [];
    for (const { value, field } of paths) {
      let targets: string[];
      if (globs) {
        if (typeof value !== 'string' || value === '') {
          throw new ConfigError(`${field}: must be a non-empty glob pattern`);
        }
        targets = await expandGlob(ctx.worktree, value, field);
        if (targets.length === 0) {
          if (strict) throw new ConfigError(`${field} ${JSON.stringify(value)}: matches nothing`);
          ctx.log(`delete: ${value} matches nothing; nothing to delete`);
          continue;
        }
      } else targets = [value as string];

      for (const target of targets) {
        const abs = await safePath(ctx.worktree, target, field, { noFollowFinal: true });
        const rel = normalizeRelative(target);
        if (rel === '.') {
          throw new ConfigError(`${field}: refusing to delete the whole checkout`);
        }
        if (changed.some((c) => rel.startsWith(`${c}/`))) continue;
        try {
          await lstat(abs);
        } catch {
          if (strict) {
            throw new ConfigError(`${field} ${JSON.stringify(rel)}: no such file or directory`);
          }
          ctx.log(`delete: ${rel} does not exist; nothing to delete`);
          continue;
        }
        await rm(abs, { recursive: true, force: true });
        changed.push(rel);
      }
    }
    return {
      summary: changed.map((p) => `- deleted ${p}`),
      changed,
    };
  },
};
