/**
 * Paths that promotion steps touch, kept inside the checkout.
 *
 * A step's path (`path`, `inPath`, `outPath`, …) is relative to the worktree. `safePath` refuses
 * absolute paths, paths that climb out with `..`, paths into `.git`, and paths that leave the
 * checkout through a symbolic link at any component: each existing component is checked with
 * lstat, and a link's target (fs.realpath, or its text when the link dangles) must lie inside the
 * worktree's real path. Components that do not exist yet (a file a step is about to create) are
 * appended lexically to the deepest existing, checked parent.
 *
 * Every problem is a ConfigError naming the step field (`yaml-update: path "../x": …`).
 */
import { lstat, readlink, realpath } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../../util/errors.js';

export interface SafePathOptions {
  /**
   * Leave the last component unresolved when it is a symbolic link (its parent is still checked):
   * for `delete`, which removes the link itself rather than what it points to.
   */
  noFollowFinal?: boolean;
}

/** `a/./b//c/` → `a/b/c`, `./` → `.`, with `/` separators; no checks. */
export function normalizeRelative(relative: string): string {
  const n = path.posix.normalize(relative.replace(/\\/g, '/'));
  const trimmed = n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
  return trimmed === '' ? '.' : trimmed;
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function errnoCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err
    ? String((err as { code: unknown }).code)
    : undefined;
}

/**
 * The absolute path `relative` names inside `worktree`, after the checks described above.
 * `field` names the step and field for messages, e.g. `yaml-update: path`.
 */
export async function safePath(
  worktree: string,
  relative: unknown,
  field: string,
  options: SafePathOptions = {},
): Promise<string> {
  return resolveInside(worktree, relative, field, options, JSON.stringify(relative), 0);
}

async function resolveInside(
  worktree: string,
  relative: unknown,
  field: string,
  options: SafePathOptions,
  shown: string,
  depth: number,
): Promise<string> {
  if (depth > 40) throw new ConfigError(`${field} ${shown}: too many levels of symbolic links`);
  if (typeof relative !== 'string' || relative.trim() === '') {
    throw new ConfigError(`${field}: must be a non-empty path relative to the checkout`);
  }
  if (relative.includes('\0')) {
    throw new ConfigError(`${field} ${shown}: contains a NUL byte`);
  }
  if (path.isAbsolute(relative) || path.posix.isAbsolute(relative) || /^[A-Za-z]:/.test(relative)) {
    throw new ConfigError(
      `${field} ${shown}: absolute paths are not allowed; give a path relative to the checkout`,
    );
  }
  const normalized = normalizeRelative(relative);
  if (normalized === '..' || normalized.startsWith('../')) {
    throw new ConfigError(`${field} ${shown}: leads outside the checkout (through "..")`);
  }
  const parts = normalized === '.' ? [] : normalized.split('/');
  if (parts.some((p) => p.toLowerCase() === '.git')) {
    throw new ConfigError(`${field} ${shown}: steps may not touch the .git directory`);
  }

  let root: string;
  try {
    root = await realpath(worktree);
  } catch (err) {
    throw new ConfigError(`${field}: the checkout ${worktree} is not readable: ${String(err)}`);
  }

  let current = root;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const next = path.join(current, part);
    let isLink: boolean;
    try {
      isLink = (await lstat(next)).isSymbolicLink();
    } catch (err) {
      const code = errnoCode(err);
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        // Nothing below exists yet: the rest is appended lexically to a checked parent.
        return path.join(current, ...parts.slice(i));
      }
      throw err;
    }
    const last = i === parts.length - 1;
    if (!isLink || (last && options.noFollowFinal)) {
      current = next;
      continue;
    }
    let target: string;
    let dangling = false;
    try {
      target = await realpath(next);
    } catch (err) {
      if (errnoCode(err) !== 'ENOENT') throw err;
      // A dangling link: writing through it would create its target, so check the text.
      target = path.resolve(path.dirname(next), await readlink(next));
      dangling = true;
    }
    if (!isInside(root, target)) {
      throw new ConfigError(
        `${field} ${shown}: ${parts.slice(0, i + 1).join('/')} is a symbolic link that leads outside the checkout`,
      );
    }
    if (path.relative(root, target).split(path.sep)[0]?.toLowerCase() === '.git') {
      throw new ConfigError(
        `${field} ${shown}: ${parts.slice(0, i + 1).join('/')} is a symbolic link into .git`,
      );
    }
    if (dangling) {
      // The target may itself be a link (to outside): check it, and the rest, the same way.
      const rest = [path.relative(root, target) || '.', ...parts.slice(i + 1)].join('/');
      return resolveInside(root, rest, field, options, shown, depth + 1);
    }
    current = target;
  }
  return current;
}
