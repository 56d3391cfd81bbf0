/**
 * The process-free force-push check the crash test runs after every kill point finds what
 * nonFastForwards (a reflog and a rev-list process) finds.
 */
import { afterAll, expect, test } from 'vitest';
import {
  commitToBare,
  createBareRepo,
  git,
  nonFastForwards,
  tempDir,
} from '../../support/repos.js';
import { nonFastForwardUpdates, readReflog } from '../../support/templates.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** Every commit of `base..main` with its parents, as a check's log gives them. */
function graph(bare: string, base: string): Map<string, string[]> {
  return new Map(
    git(bare, ['log', '--format=%H %P', `${base}..main`])
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [sha = '', ...parents] = line.split(' ');
        return [sha, parents];
      }),
  );
}

test('nonFastForwardUpdates: none for fast-forwards; a forced update is named, as nonFastForwards names it', () => {
  const bare = createBareRepo(tmp.path, 'forced', { 'f.txt': '0\n' });
  git(bare, ['config', 'core.logAllRefUpdates', 'always']);
  const base = git(bare, ['rev-parse', 'main']).trim();
  expect(readReflog(bare, 'main')).toEqual([]);
  const c1 = commitToBare(bare, 'main', { 'f.txt': '1\n' }, 'c1');
  const c2 = commitToBare(bare, 'main', { 'f.txt': '2\n' }, 'c2');
  const updates = readReflog(bare, 'main');
  expect(updates).toEqual([
    { earlier: base, later: c1 },
    { earlier: c1, later: c2 },
  ]);
  expect(nonFastForwardUpdates(updates, graph(bare, base), base)).toEqual([]);
  expect(nonFastForwards(bare, 'refs/heads/main')).toEqual([]);

  // Back to c1 and on from there: c2 is gone from the branch.
  git(bare, ['update-ref', '-m', 'forced', 'refs/heads/main', c1, c2]);
  const c3 = commitToBare(bare, 'main', { 'f.txt': '3\n' }, 'c3');
  const forced = nonFastForwardUpdates(readReflog(bare, 'main'), graph(bare, base), base);
  expect(forced).toContain(`${c2} -> ${c1}`);
  expect(nonFastForwards(bare, 'refs/heads/main')).toContain(`${c2} -> ${c1}`);
  // The update to c2, no longer reachable, is named too: a later one was not a fast-forward.
  expect(forced).toEqual([`${c1} -> ${c2}`, `${c2} -> ${c1}`]);
  expect(forced).not.toContain(`${c1} -> ${c3}`);
});
