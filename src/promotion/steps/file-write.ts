/**
 * Kargo's `file-write` step: `{path, contents}` writes a whole file (an empty `contents` is a
 * valid, empty file). As in Kargo: an existing file is replaced only with `overwrite: true`; the
 * file gets `permissions` (an octal mode such as `"0644"`, `"0600"` by default; executable,
 * special and world-writable modes are refused); missing parent directories are created; and the
 * path may not pass through a symbolic link at all, even one that stays inside the checkout
 * (Kargo refuses paths that "resolve to a different location"). Everything is checked before
 * anything is written. No outputs.
 */
import { chmod, lstat, mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../../util/errors.js';
import { fieldError } from './config-check.js';
import { checkFields, optionalBool, requireString } from './engine.js';
import { normalizeRelative, safePath } from './safe-path.js';
import { flag, nonEmpty } from './schema-parts.js';
import type { StepDefinition } from './types.js';

const STEP = 'file-write';
const DEFAULT_MODE = 0o600;

/** `"0644"` → 0o644, refusing what Kargo refuses; `undefined` → the default. */
export function parsePermissions(v: unknown): number {
  if (v === undefined || v === null || v === '') return DEFAULT_MODE;
  if (typeof v !== 'string' || !/^0[0-7]{3}$/.test(v)) {
    fieldError(
      STEP,
      'config.permissions',
      `must be an octal file mode written as a string of four digits such as "0644", got ${JSON.stringify(v)}`,
    );
  }
  const mode = Number.parseInt(v, 8);
  if (mode & 0o111) fieldError(STEP, 'config.permissions', `"${v}" has executable bits`);
  if (mode & 0o002) fieldError(STEP, 'config.permissions', `"${v}" is world-writable`);
  return mode;
}

/**
 * The absolute path of `rel` for a step that writes there: inside the checkout (safePath), and
 * reached without any symbolic link (Kargo's rule for written files).
 */
export async function writablePath(worktree: string, rel: unknown, field: string): Promise<string> {
  const abs = await safePath(worktree, rel, field);
  const lexical = path.join(await realpath(worktree), normalizeRelative(rel as string));
  if (abs !== lexical) {
    throw new ConfigError(
      `${field} ${JSON.stringify(rel)}: goes through a symbolic link; give the real path`,
    );
  }
  return abs;
}

export const fileWrite: StepDefinition = {
  name: STEP,
  schema: {
    type: 'object',
    description:
      'Writes `contents` to a file, replacing it whole (no comments or formatting are kept).',
    additionalProperties: false,
    required: ['path', 'contents'],
    properties: {
      path: nonEmpty(
        'The file, relative to the checkout; parents are created. No `..` out of it, no `.git`, no symbolic links on the way.',
      ),
      contents: { type: 'string', description: 'What the file holds afterwards; may be empty.' },
      permissions: {
        type: 'string',
        pattern: '^0[0-7]{3}$',
        description:
          'Octal mode of the file, such as `"0644"`; default `"0600"`. Executable and world-writable modes are refused.',
      },
      overwrite: flag(
        'Replace the file when it exists; default false (then an existing file fails the step).',
      ),
    },
  },
  async run(config, ctx) {
    checkFields(STEP, config, ['path', 'contents', 'permissions', 'overwrite']);
    const rel = requireString(STEP, config, 'path');
    let contents = config['contents'];
    // `${{ vars.replicas }}` alone renders to a number: its text is what was meant.
    if (
      (typeof contents === 'number' && Number.isFinite(contents)) ||
      typeof contents === 'boolean'
    ) {
      contents = String(contents);
    }
    if (typeof contents !== 'string') {
      fieldError(
        STEP,
        'config.contents',
        contents === undefined
          ? 'is required (an empty string writes an empty file)'
          : `must be a string, got ${typeof contents === 'object' ? 'a map or list (render it with asYAML() or asJSON())' : JSON.stringify(contents)}`,
      );
    }
    const mode = parsePermissions(config['permissions']);
    const overwrite = optionalBool(STEP, config, 'overwrite') ?? false;
    const abs = await writablePath(ctx.worktree, rel, `${STEP}: path`);
    const shown = normalizeRelative(rel);
    if (shown === '.') fieldError(STEP, 'config.path', 'names the checkout itself, not a file');

    const existing = await lstat(abs).catch(() => undefined);
    if (existing?.isDirectory()) {
      fieldError(STEP, 'config.path', `${JSON.stringify(shown)} is a directory`);
    }
    if (existing && !overwrite) {
      fieldError(
        STEP,
        'config.path',
        `${JSON.stringify(shown)} already exists; set overwrite: true to replace it`,
      );
    }
    const same =
      existing?.isFile() === true &&
      (existing.mode & 0o777) === mode &&
      (await readFile(abs, 'utf8')) === contents;
    if (same) return { summary: [], changed: [] };
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, contents, { mode });
    // writeFile's mode applies only to a new file, and through the umask.
    await chmod(abs, mode);
    return { summary: [`- wrote ${shown}`], changed: [shown] };
  },
};
