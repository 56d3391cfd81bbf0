/**
 * The fixtures' git commands (test/support/repos.ts `git`) start from the worker's small launcher
 * process, not from the worker, and behave as execFileSync did: output returned, a failure thrown
 * with git's message and exit status, input passed on stdin.
 */
import { afterAll, expect, test } from 'vitest';
import { runSync } from '../support/git-launcher.js';
import { git, tempDir, testGitEnv } from '../support/repos.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

test('a synchronous command is a child of the launcher, not of the worker', () => {
  const r = runSync('sh', ['-c', 'echo $PPID'], { env: { PATH: process.env.PATH ?? '' } });
  expect(r.status).toBe(0);
  const parent = Number(r.stdout.toString('utf8').trim());
  expect(parent).toBeGreaterThan(0);
  expect(parent).not.toBe(process.pid);
  // The same launcher answers every command of the worker.
  const again = runSync('sh', ['-c', 'echo $PPID'], { env: { PATH: process.env.PATH ?? '' } });
  expect(Number(again.stdout.toString('utf8').trim())).toBe(parent);
});

test('git() returns stdout, passes input, and throws what execFileSync threw', () => {
  git(tmp.path, ['init', '-q', '--bare', 'r.git'], testGitEnv(tmp.path));
  const repo = `${tmp.path}/r.git`;
  expect(git(repo, ['hash-object', '--stdin'], undefined, 'hello\n').trim()).toBe(
    'ce013625030ba8dba906f756967f9e9ca394464a',
  );
  let err: (Error & { status?: number; stderr?: string }) | undefined;
  try {
    git(repo, ['rev-parse', '--verify', 'no-such-ref']);
  } catch (e) {
    err = e as typeof err;
  }
  expect(err?.message).toMatch(/^Command failed: git rev-parse --verify no-such-ref\nfatal: /);
  expect(err?.status).toBe(128);
  expect(err?.stderr).toContain('fatal: ');
  expect(() => git(`${tmp.path}/missing`, ['status'])).toThrow(/ENOENT/);
});

test('a command with a lot of output returns all of it', () => {
  const r = runSync('sh', ['-c', 'head -c 5000000 /dev/zero'], {
    env: { PATH: process.env.PATH ?? '' },
  });
  expect(r.status).toBe(0);
  expect(r.stdout.length).toBe(5_000_000);
});

test('a command that never answers ends the wait with an error; the next command still runs', () => {
  const env = { PATH: process.env.PATH ?? '' };
  expect(() => runSync('sleep', ['30'], { env, limitMs: 300 })).toThrow(
    'sleep 30: no answer from the git launcher in 300 ms',
  );
  const r = runSync('sh', ['-c', 'echo after'], { env });
  expect(r.stdout.toString('utf8')).toBe('after\n');
});
