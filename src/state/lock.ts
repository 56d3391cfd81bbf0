import { mkdir, rm, stat, utimes } from 'node:fs/promises';
import { OperationError } from '../util/errors.js';
import { sleep } from '../util/retry.js';

/**
 * A lock between gantry processes sharing one cache repository on one machine (a developer
 * running two commands at once, tests starting twenty). mkdir is atomic; a lock older than
 * `staleMs` was left by a process that died and is taken over.
 */
export async function withDirLock<T>(
  path: string,
  fn: () => Promise<T>,
  waitMs = 120_000,
  staleMs = 300_000,
): Promise<T> {
  const lockDir = `${path}.lock`;
  const deadline = Date.now() + waitMs;
  for (let delay = 10; ; delay = Math.min(delay * 2, 250)) {
    try {
      await mkdir(lockDir);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const age = await stat(lockDir).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > staleMs) {
        await rm(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new OperationError(
          `timed out after ${waitMs} ms waiting for the lock ${lockDir}; if no other gantry runs, remove it`,
        );
      }
      await sleep(delay + Math.random() * delay);
    }
  }
  // Long holders refresh the lock so others do not take it as stale.
  const keepAlive = setInterval(() => {
    const now = new Date();
    utimes(lockDir, now, now).catch(() => undefined);
  }, staleMs / 3);
  try {
    return await fn();
  } finally {
    clearInterval(keepAlive);
    await rm(lockDir, { recursive: true, force: true });
  }
}
