import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { withDirLock } from '../../../src/state/lock.js';
import { currentOwner, liveness, serializeOwner, type Owner } from '../../../src/state/owner.js';
import { tempDir } from '../../support/repos.js';

const tmp = tempDir('gantry-lock-');
afterAll(() => tmp.cleanup());
let n = 0;
const fresh = () => join(tmp.path, `repo-${n++}`);

/** The owner record a process would have written: its PID, start time and boot. */
function ownerOf(pid: number, token = 'theirs'): Owner {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  return { ...currentOwner(token), pid, ...(start ? { start } : {}) };
}

/** A lock directory as a holder leaves it when it is killed. */
function leaveLock(path: string, owner: Owner | undefined, ageMs = 0): void {
  const dir = `${path}.lock`;
  mkdirSync(dir);
  if (owner) writeFileSync(join(dir, 'owner'), serializeOwner(owner));
  const then = new Date(Date.now() - ageMs);
  utimesSync(dir, then, then);
}

/** A PID that ran and is gone. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(r.stdout);
}

describe('withDirLock', () => {
  test('one holder at a time among many waiters in one process', async () => {
    const path = fresh();
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 40 }, () =>
        withDirLock(path, async () => {
          inside++;
          most = Math.max(most, inside);
          await new Promise((r) => setTimeout(r, 1));
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
    // Nothing left beside the repository: no lock, no scratch directory.
    expect(
      readdirSync(tmp.path).filter((f) => f.startsWith(path.split('/').pop() as string)),
    ).toEqual([]);
  });

  test('a lock whose owner process is gone is taken at once, and recovery runs', async () => {
    const path = fresh();
    const dead = { ...currentOwner('dead'), pid: deadPid() };
    delete dead.start;
    leaveLock(path, dead);
    const started = Date.now();
    let recovered = 0;
    const got = await withDirLock(path, async () => 'mine', {
      waitMs: 60_000,
      recover: async () => {
        recovered++;
      },
    });
    expect(got).toBe('mine');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(recovered).toBe(1);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  test("a PID reused by a later process does not keep a dead holder's lock", async () => {
    const path = fresh();
    // This very process runs under the PID, but it started at another time than the holder did.
    leaveLock(path, { ...ownerOf(process.pid, 'old'), start: '1' });
    const started = Date.now();
    await withDirLock(path, async () => undefined, { waitMs: 60_000 });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  test('a running PID whose start time cannot be compared is judged by the age of its lock', async () => {
    const path = fresh();
    // As an owner record written off Linux would be: the PID runs, but is it the same process?
    const noStart = { ...currentOwner('other-os'), pid: process.pid };
    delete noStart.start;
    expect(await liveness(noStart)).toBe('unknown');
    leaveLock(path, noStart);
    await expect(withDirLock(path, async () => undefined, { waitMs: 300 })).rejects.toThrow(
      /waited/,
    );
    const old = new Date(Date.now() - 180_000);
    utimesSync(`${path}.lock`, old, old);
    await withDirLock(path, async () => undefined, { waitMs: 60_000 });
  });

  test('a live holder is waited for, and the error names it', async () => {
    const path = fresh();
    const child = spawn('sleep', ['30']);
    try {
      await new Promise((r) => setTimeout(r, 50));
      leaveLock(path, ownerOf(child.pid as number));
      expect(await liveness(ownerOf(child.pid as number))).toBe('alive');
      const err = await withDirLock(path, async () => 'never', { waitMs: 400 }).catch(
        (e: unknown) => e,
      );
      expect((err as Error).message).toMatch(
        new RegExp(`waited 0 s for another gantry process \\(PID ${child.pid} on ${hostname()}\\)`),
      );
      expect(readFileSync(join(`${path}.lock`, 'owner'), 'utf8')).toContain('"token":"theirs"');
    } finally {
      child.kill('SIGKILL');
    }
    await new Promise((r) => child.on('close', r));
    // Once it is gone, the lock is free at once.
    const started = Date.now();
    await withDirLock(path, async () => undefined, { waitMs: 60_000 });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  test('an owner on another host is trusted until its lock goes stale', async () => {
    const path = fresh();
    leaveLock(path, { ...currentOwner('far'), host: 'elsewhere.example' });
    await expect(
      withDirLock(path, async () => undefined, { waitMs: 300, staleMs: 60_000 }),
    ).rejects.toThrow(/PID \d+ on elsewhere\.example/);
    const old = new Date(Date.now() - 120_000);
    utimesSync(`${path}.lock`, old, old);
    await withDirLock(path, async () => undefined, { waitMs: 60_000, staleMs: 60_000 });
  });

  test('a lock directory without an owner (an older gantry killed after mkdir) is taken once it is a few seconds old', async () => {
    const path = fresh();
    leaveLock(path, undefined, 10_000);
    const started = Date.now();
    await withDirLock(path, async () => undefined, { waitMs: 60_000 });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  test('a fresh `.new-` directory its maker left without an owner (killed between mkdir and write) is removed at once; a live maker keeps its own', async () => {
    const path = fresh();
    const orphan = `${path}.lock.new-${deadPid()}.0123456789abcdef`;
    mkdirSync(orphan);
    // A process that runs right now, between its mkdir and its write.
    const running = `${path}.lock.new-${process.pid}.fedcba9876543210`;
    mkdirSync(running);
    const seen = await withDirLock(path, async () => readdirSync(tmp.path));
    expect(existsSync(orphan)).toBe(false);
    expect(seen.map((n) => join(tmp.path, n))).toContain(running);
    expect(existsSync(running)).toBe(true);
  });

  test('a lock moved aside to be removed (`.old-`), its owner record already gone, is removed at the next acquisition', async () => {
    const path = fresh();
    const aside = `${path}.lock.old-0123456789abcdef`;
    mkdirSync(aside);
    await withDirLock(path, async () => undefined);
    expect(existsSync(aside)).toBe(false);
  });

  test('two waiters that both find the holder dead do not both take the lock', async () => {
    const path = fresh();
    const dead = { ...currentOwner('dead'), pid: deadPid() };
    delete dead.start;
    leaveLock(path, dead);
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        withDirLock(path, async () => {
          inside++;
          most = Math.max(most, inside);
          await new Promise((r) => setTimeout(r, 2));
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
  });
});
