import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The object a loose ref file names (`<gitDir>/refs/heads/main`), read without a git process:
 * for a repository gantry made itself, whose refs git has not packed. Undefined when the file is
 * absent, symbolic (`ref: …`) or not an object name: the caller asks git then, or fails.
 */
export async function looseRef(gitDir: string, ref: string): Promise<string | undefined> {
  const text = await readFile(join(gitDir, ref), 'utf8').catch(() => '');
  const oid = text.trim();
  return /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(oid) ? oid : undefined;
}
