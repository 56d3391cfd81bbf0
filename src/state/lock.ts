import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OperationError } from '../util/errors.js';
import { sleep } from '../util/retry.js';

/**
 * A lock between gantry processes sharing one cache repository on one machine (a developer
 * running two commands at once, tests starting twenty). mkdir is atomic; the holder writes a
 * token into it and removes only a lock that still holds its token. A lock not refreshed for
 * `staleMs` was left by a process that died: it is moved aside (rename is atomic, so of two
 * waiters only one takes it over) and removed.
 */
export async function withDirLock<T>(
  path: string,
  fn: () => Promise<T>,
  waitMs = 600_000,
  staleMs = 120_000,
): Promise<T> {
  const lockDir = `${path}.lock`;
  const token = randomBytes(8).toString('hex');
  const deadline = Date.now() + waitMs;
  for (let delay = 10; ; delay = Math.min(delay * 2, 250)) {
    try {
      await mkdir(lockDir);
      await writeFile(join(lockDir, 'owner'), `${token} ${process.pid}\n`);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const age = await stat(lockDir).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > staleMs) {
        const aside = `${lockDir}.stale-${token}`;
        if (
          await rename(lockDir, aside).then(
            () => true,
            () => false,
          )
        ) {
          await rm(aside, { recursive: true, force: true });
        }
        continue;
      }
      if (Date.now() > deadline) {
        throw new OperationError(
          `waited ${Math.round(waitMs / 1000)} s for another gantry process to release ${lockDir}; if none is running, remove that directory`,
        );
      }
      await sleep(delay + Math.random() * delay);
    }
  }
  // Long holders refresh the lock so others do not take it as stale.
  const keepAlive = setInterval(() => {
    const now = new Date();
    utimes(lockDir, now, now).catch(() => undefined);
  }, staleMs / 4);
  try {
    return await fn();
  } finally {
    clearInterval(keepAlive);
    const owner = await readFile(join(lockDir, 'owner'), 'utf8').catch(() => '');
    if (owner.startsWith(token)) await rm(lockDir, { recursive: true, force: true });
  }
}
