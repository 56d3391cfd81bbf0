/**
 * The fixture and check helpers integration tests lean on: a repository made by fast-import holds
 * what a seed clone's commit and pushes held, and the batched checks catch what the per-commit git
 * commands they replace caught.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import {
  commitToBare,
  createBareRepo,
  git,
  nonFastForwards,
  readBlobs,
  tempDir,
  testGitEnv,
} from '../../support/repos.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

test('createBareRepo: the files in one commit on main and each branch, set up like a forge', () => {
  const odd = 'dir with space/"quoted"\\name.yaml';
  const bare = createBareRepo(
    tmp.path,
    'made',
    { 'a/b/c.yaml': 'x: 1\n', 'top.txt': 'héllo\n', [odd]: 'odd\n' },
    ['stage/dev', 'lane1'],
  );
  expect(git(bare, ['symbolic-ref', 'HEAD']).trim()).toBe('refs/heads/main');
  const main = git(bare, ['rev-parse', 'main']).trim();
  for (const b of ['stage/dev', 'lane1']) expect(git(bare, ['rev-parse', b]).trim()).toBe(main);
  expect(git(bare, ['log', '--format=%an <%ae>|%cn|%B', 'main']).trim()).toBe(
    'Test Author <author@example.test>|Test Author|initial',
  );
  expect(
    git(bare, ['ls-tree', '-r', '--format=%(objectmode) %(path)', 'main']).split('\n'),
  ).toEqual(expect.arrayContaining(['100644 a/b/c.yaml', '100644 top.txt']));
  expect(readBlobs(bare, ['main:a/b/c.yaml', 'main:top.txt', `main:${odd}`, 'main:nope'])).toEqual([
    'x: 1\n',
    'héllo\n',
    'odd\n',
    undefined,
  ]);
  for (const [key, value] of <[string, string][]>[
    ['uploadpack.allowFilter', 'true'],
    ['uploadpack.allowAnySHA1InWant', 'true'],
    ['http.receivepack', 'true'],
    ['receive.autogc', 'false'],
  ])
    expect(git(bare, ['config', key]).trim(), key).toBe(value);
  // An empty file set still makes the commit.
  const empty = createBareRepo(tmp.path, 'empty', {});
  expect(git(empty, ['ls-tree', 'main']).trim()).toBe('');
});

test('commitToBare: the commit a scratch clone, commit and push would leave, on the branch tip', () => {
  const bare = createBareRepo(tmp.path, 'writer', { 'keep.txt': 'k\n', 'env/a.yaml': 'a: 0\n' }, [
    'stage/dev',
  ]);
  const before = git(bare, ['rev-parse', 'stage/dev']).trim();
  const files = { 'env/a.yaml': 'a: 1\n', 'new/deep/b.txt': 'b\n' };
  const tip = commitToBare(bare, 'stage/dev', files, 'someone else');
  expect(git(bare, ['rev-parse', 'stage/dev']).trim()).toBe(tip);
  expect(git(bare, ['rev-parse', `${tip}^`]).trim()).toBe(before);
  expect(git(bare, ['rev-parse', 'main']).trim()).toBe(before);
  expect(git(bare, ['log', '-1', '--format=%an <%ae>|%cn <%ce>|%B', tip]).trim()).toBe(
    'Test Author <author@example.test>|Test Author <author@example.test>|someone else',
  );
  // The same tree as the writer's clone, edit, add and commit make.
  const work = join(tmp.path, 'writer-work');
  const env = testGitEnv(tmp.path);
  git(tmp.path, ['clone', '-q', '--branch', 'main', bare, work], env);
  mkdirSync(join(work, 'new/deep'), { recursive: true });
  for (const [path, content] of Object.entries(files)) writeFileSync(join(work, path), content);
  git(work, ['add', '-A'], env);
  git(work, ['commit', '-q', '-m', 'someone else'], env);
  expect(git(work, ['rev-parse', 'HEAD^{tree}']).trim()).toBe(
    git(bare, ['rev-parse', `${tip}^{tree}`]).trim(),
  );
  // A branch that does not exist is an error, as the clone of it was.
  expect(() => commitToBare(bare, 'nope', files, 'x')).toThrow();
});

test('nonFastForwards names a forced update of a branch, and only that one', () => {
  const bare = createBareRepo(tmp.path, 'forced', { 'f.txt': '0\n' });
  git(bare, ['config', 'core.logAllRefUpdates', 'always']);
  const work = join(tmp.path, 'work');
  const env = testGitEnv(tmp.path);
  git(tmp.path, ['clone', '-q', bare, work], env);
  const commit = (n: number) => {
    writeFileSync(join(work, 'f.txt'), `${n}\n`);
    git(work, ['commit', '-qam', `c${n}`], env);
    return git(work, ['rev-parse', 'HEAD'], env).trim();
  };
  const c1 = commit(1);
  git(work, ['push', '-q', 'origin', 'main'], env);
  commit(2);
  git(work, ['push', '-q', 'origin', 'main'], env);
  expect(nonFastForwards(bare, 'refs/heads/main')).toEqual([]);
  git(work, ['reset', '-q', '--hard', c1], env);
  const c3 = commit(3);
  git(work, ['push', '-q', '--force', 'origin', 'main'], env);
  const forced = nonFastForwards(bare, 'refs/heads/main');
  expect(forced).toHaveLength(1);
  expect(forced[0]).toMatch(new RegExp(`-> ${c3}$`));
  // A fast-forward after the forced one is not counted again.
  commit(4);
  git(work, ['push', '-q', 'origin', 'main'], env);
  expect(nonFastForwards(bare, 'refs/heads/main')).toEqual(forced);
});

test('createBareRepo without git init: a bare repository git itself accepts and clones', () => {
  const bare = createBareRepo(tmp.path, 'plain', { 'f.txt': 'f\n' }, ['stage/dev']);
  expect(git(bare, ['rev-parse', '--is-bare-repository']).trim()).toBe('true');
  git(bare, ['fsck', '--strict', '--no-dangling']);
  const work = join(tmp.path, 'plain-work');
  const env = testGitEnv(tmp.path);
  git(tmp.path, ['clone', '-q', `file://${bare}`, work], env);
  expect(git(work, ['branch', '--show-current'], env).trim()).toBe('main');
  writeFileSync(join(work, 'f.txt'), 'g\n');
  git(work, ['commit', '-qam', 'next'], env);
  git(work, ['push', '-q', 'origin', 'main'], env);
  // Another writer's commit on top, named by fast-import's marks.
  const tip = commitToBare(bare, 'main', { 'h.txt': 'h\n' }, 'other');
  expect(git(bare, ['rev-parse', 'main']).trim()).toBe(tip);
  expect(git(bare, ['log', '--format=%s', 'main']).trim().split('\n')).toEqual([
    'other',
    'next',
    'initial',
  ]);
});
