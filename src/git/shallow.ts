import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * The commits a repository holds without their parents (its `shallow` file, gitrepository-layout:
 * one object name a line), given its object directory: for a repository that borrows those
 * objects (objects/info/alternates) to list too. Without them git takes such a commit, reached
 * through a ref the remote advertises (a push's "have"), for one with history, walks to its
 * missing parent, and in a partial clone fetches it: a round trip per push for nothing.
 * Empty when the file is absent (a repository with whole history).
 */
export async function shallowCommitsOf(objects: string): Promise<string[]> {
  const text = await readFile(join(dirname(objects), 'shallow'), 'utf8').catch(() => '');
  return text.split('\n').filter((l) => /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(l));
}
