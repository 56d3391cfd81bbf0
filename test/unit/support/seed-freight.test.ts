/**
 * seedFreight leaves a fixture repository as recording each freight through the store would: the
 * same tags with the same objects, the same index, readable by gantry, and nothing missing.
 */
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { parseRemote } from '../../../src/git/index.js';
import { StateStore } from '../../../src/state/index.js';
import { makeFreight } from '../../support/freight.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../../support/repos.js';
import { seedFreight } from '../../support/seed-freight.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const store = (bare: string, name: string) =>
  new StateStore({
    remote: parseRemote(`file://${bare}`),
    cacheDir: join(tmp.path, `cache-${name}`),
    baseEnv: testGitEnv(tmp.path),
  });

const freight = [
  makeFreight('1.0.0', { alias: 'lucky-jaguar', createdAt: '2026-11-01T10:00:00.000Z' }),
  makeFreight('1.1.0', { alias: 'brave-otter', createdAt: '2026-11-01T11:00:00.000Z' }),
];

/**
 * Every ref but the branches, with what it names; the index as the trees and messages of its
 * history (its commits are dated by the clock of the recording, to the second).
 */
function state(bare: string): string[] {
  return git(bare, ['for-each-ref', '--format=%(refname) %(objecttype) %(objectname)'])
    .trim()
    .split('\n')
    .filter((l) => !l.startsWith('refs/heads/'))
    .map((l) => {
      const [ref, type] = l.split(' ');
      if (type !== 'commit') return l;
      return `${ref} ${git(bare, ['log', '--format=%T %B', ref!]).trim()}`;
    });
}

test('seedFreight: the refs and objects recordFreight writes, and gantry reads them', async () => {
  const recorded = createBareRepo(tmp.path, 'recorded', { 'a.txt': 'a\n' });
  for (const f of freight) await store(recorded, 'recorded').recordFreight('echo', f);

  const seeded = createBareRepo(tmp.path, 'seeded', { 'a.txt': 'a\n' });
  await seedFreight(seeded, 'echo', freight);
  // A second fixture from the same template: it is copied, not moved.
  const again = createBareRepo(tmp.path, 'again', { 'b.txt': 'b\n' });
  await seedFreight(again, 'echo', freight);

  expect(state(recorded)).toHaveLength(3);
  expect(state(seeded)).toEqual(state(recorded));
  expect(state(again)).toEqual(state(recorded));
  for (const bare of [seeded, again]) {
    // Every object a ref names is there, and the branch is untouched.
    expect(git(bare, ['fsck', '--no-dangling', '--connectivity-only'])).toBe('');
    const page = await store(bare, bare.endsWith('again.git') ? 'a' : 's').freightPage('echo', {
      limit: 10,
    });
    expect(page.snap.freight.map((f) => f.alias)).toEqual(['brave-otter', 'lucky-jaguar']);
  }
  expect(git(again, ['show', 'main:b.txt'])).toBe('b\n');
});

test('seedFreight refuses a repository that already holds freight of the project', async () => {
  const bare = createBareRepo(tmp.path, 'twice', {});
  await seedFreight(bare, 'echo', freight.slice(0, 1));
  await expect(seedFreight(bare, 'echo', freight)).rejects.toThrow(/already holds freight of echo/);
  // Another project's freight may go next to it.
  await seedFreight(bare, 'other', freight.slice(0, 1));
  expect(git(bare, ['tag', '-l']).trim().split('\n')).toHaveLength(2);
});
