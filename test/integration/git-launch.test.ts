/**
 * The two ways gantry's git commands get started behave alike: from the gantry process itself
 * (`launchHere`, what the CLI and the actions use) and from the test suite's small launcher
 * process (test/support/git-launcher.ts, which every in-process test uses). Each case runs
 * against both.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { Git } from '../../src/git/index.js';
import {
  launcher,
  launchHere,
  setLauncher,
  type Launcher,
  type LaunchRequest,
} from '../../src/git/launch.js';
import { OperationError } from '../../src/util/errors.js';
import { processLauncher } from '../support/git-launcher.js';
import { tempDir } from '../support/repos.js';

const dir = tempDir('gantry-launch-');
const viaProcess = processLauncher();
afterAll(() => {
  viaProcess.close();
  dir.cleanup();
});

const ENV = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', LC_ALL: 'C' };
const sh = (script: string, over: Partial<LaunchRequest> = {}): LaunchRequest => ({
  file: '/bin/sh',
  args: ['-c', script],
  env: ENV,
  input: '',
  timeoutMs: 10_000,
  ...over,
});

/** Running, that is: neither gone nor a zombie waiting for a parent that died to be reaped. */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 20));
  return !alive(pid);
}

describe.each([
  ['here', launchHere],
  ['from a launcher process', viaProcess as Launcher],
])('git started %s', (_, launch) => {
  test('exit code, stdout as bytes, stderr as text, stdin, cwd and environment', async () => {
    const r = await launch(
      sh('printf "\\000\\377"; cat; printf "$GANTRY_X:%s" "$(pwd)" >&2; exit 3', {
        cwd: dir.path,
        env: { ...ENV, GANTRY_X: 'x-value' },
        input: 'from stdin',
      }),
    );
    expect(r.exitCode).toBe(3);
    expect([...r.stdoutBytes.subarray(0, 2)]).toEqual([0, 255]);
    expect(r.stdoutBytes.subarray(2).toString()).toBe('from stdin');
    expect(r.stderr).toBe(`x-value:${dir.path}`);
  });

  test('several megabytes of output arrive whole', async () => {
    const r = await launch(sh('head -c 6000000 /dev/zero | tr "\\000" a'));
    expect(r.exitCode).toBe(0);
    expect(r.stdoutBytes.length).toBe(6_000_000);
    expect(r.stdoutBytes.every((b) => b === 97)).toBe(true);
  });

  test('commands at once each get their own answer', async () => {
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) => launch(sh(`sleep 0.0$((${i} % 5)); echo ${i}`))),
    );
    expect(results.map((r) => r.stdoutBytes.toString().trim())).toEqual(
      Array.from({ length: 24 }, (_, i) => String(i)),
    );
  });

  test('a command that exits before reading its input is not an error', async () => {
    const r = await launch(sh('exit 0', { input: 'x'.repeat(1 << 20) }));
    expect(r.exitCode).toBe(0);
  });

  test('a program that does not exist rejects with the system error', async () => {
    await expect(
      launch({ ...sh(''), file: join(dir.path, 'no-such-git'), args: [] }),
    ).rejects.toThrow(/ENOENT/);
  });

  test('a command over its time is killed and answers 124 at once, grandchildren or not', async () => {
    const pidFile = join(dir.path, `pid-${_.length}`);
    const started = performance.now();
    // The grandchild keeps stdout open after its parent is killed.
    const r = await launch(sh(`sleep 30 & echo $$ > ${pidFile}; wait`, { timeoutMs: 300 }));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(r).toEqual({
      exitCode: 124,
      stdoutBytes: Buffer.alloc(0),
      stderr: 'timed out after 300 ms',
    });
    expect(await gone(Number(readFileSync(pidFile, 'utf8')))).toBe(true);
  });
});

test('with no input, a command here reads end of file at once, whatever JavaScript runs meanwhile', async () => {
  const file = join(dir.path, 'eof-at');
  const pending = launchHere(sh(`cat; date +%s%3N > ${file}`));
  // Busy, as a project file's parse keeps the event loop: a pipe's end would wait for it.
  const busyUntil = Date.now() + 1500;
  while (Date.now() < busyUntil);
  expect((await pending).exitCode).toBe(0);
  expect(Number(readFileSync(file, 'utf8'))).toBeLessThan(busyUntil);
});

describe('the launcher process', () => {
  test('when it goes away, its commands are killed and their callers told', async () => {
    const own = processLauncher();
    const pidFile = join(dir.path, 'pid-close');
    const pending = own(sh(`echo $$ > ${pidFile}; exec sleep 30`));
    for (let i = 0; i < 100 && !existsSync(pidFile); i++)
      await new Promise((r) => setTimeout(r, 20));
    const pid = Number(readFileSync(pidFile, 'utf8'));
    own.close();
    await expect(pending).rejects.toThrow(/the git launcher exited/);
    expect(await gone(pid)).toBe(true);
  });

  test('Git reports what it could not start the same way through either', async () => {
    const before = launcher();
    try {
      for (const l of [launchHere, viaProcess]) {
        setLauncher(l);
        const git = new Git({ baseEnv: ENV, binary: join(dir.path, 'no-such-git') });
        const missingCwd = await git
          .run(['status'], { cwd: join(dir.path, 'nowhere') })
          .catch((e: unknown) => e);
        expect(missingCwd).toBeInstanceOf(OperationError);
        expect((missingCwd as Error).message).toBe(
          `could not run git status: the directory ${join(dir.path, 'nowhere')} does not exist`,
        );
        const missingGit = await git.run(['status'], { cwd: dir.path }).catch((e: unknown) => e);
        expect((missingGit as Error).message).toMatch(
          /^could not run git status: spawn .*no-such-git ENOENT; is git installed and on PATH\?$/,
        );
      }
    } finally {
      setLauncher(before);
    }
  });
});
