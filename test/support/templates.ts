/**
 * Helpers the process-driven stress tests share, written so that a check repeated after every kill
 * point costs no process of its own.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ancestorTest } from './repos.js';

/** One update of a ref, from its reflog: the tip before and the tip after. */
export interface RefUpdate {
  earlier: string;
  later: string;
}

/**
 * The updates in `branch`'s reflog in the bare repository `bare`, oldest first, read from the
 * reflog file itself (no `git reflog` process); the branch's creation, which had no earlier tip,
 * is left out.
 */
export function readReflog(bare: string, branch: string): RefUpdate[] {
  const file = join(bare, 'logs', 'refs', 'heads', branch);
  if (!existsSync(file)) return [];
  const updates: RefUpdate[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [earlier = '', later = ''] = line.split(' ', 2);
    if (!/^[0-9a-f]{40,64}$/.test(earlier) || !/^[0-9a-f]{40,64}$/.test(later)) continue;
    if (/^0+$/.test(earlier)) continue;
    updates.push({ earlier, later });
  }
  return updates;
}

/**
 * Each of `updates` that was not a fast-forward, as `<earlier> -> <later>`: what
 * `nonFastForwards` (repos.ts) finds with a `git reflog` and a `git rev-list`, for a check that
 * already holds the graph. `parents` maps every commit of `base..<branch>` to its parents, from a
 * log taken after the reflog was read: an update whose later tip is not in it (nor `base`) is no
 * longer reachable from the branch, so an update after it was not a fast-forward; it is reported.
 */
export function nonFastForwardUpdates(
  updates: readonly RefUpdate[],
  parents: ReadonlyMap<string, readonly string[]>,
  base: string,
): string[] {
  const isAncestor = ancestorTest(parents);
  return updates
    .filter(
      ({ earlier, later }) =>
        !(later === base || parents.has(later)) || !isAncestor(earlier, later),
    )
    .map(({ earlier, later }) => `${earlier} -> ${later}`);
}
