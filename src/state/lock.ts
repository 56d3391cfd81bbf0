import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { OperationError } from '../util/errors.js';
import { sleep } from '../util/retry.js';
import { currentOwner, liveness, readOwner, serializeOwner, type Owner } from './owner.js';

export interface LockOptions {
  /** Give up waiting for a live holder after this long. */
  waitMs?: number;
  /**
   * A holder whose liveness cannot be checked (it ran on another host sharing the directory) is
   * taken for dead once its lock has not been refreshed for this long.
   */
  staleMs?: number;
  /**
   * Runs under the lock before `fn`, when the previous holder died holding it: whatever that
   * holder was changing may be half done.
   */
  recover?: () => Promise<void>;
}

/** How long a takeover may take before another waiter assumes its taker died too. */
const TAKEOVER_STALE_MS = 10_000;

/**
 * A lock between gantry processes sharing one cache repository on one machine (a developer
 * running two commands at once, tests starting twenty). The lock is a directory holding an owner
 * record (token, PID, process start time, boot, host), made under a temporary name and renamed
 * into place, so it never exists without its owner. A waiter that finds the owner gone (no such
 * PID, or a PID reused by a process started later) takes the lock at once; one whose owner it
 * cannot check waits until the lock has not been refreshed for `staleMs`.
 */
export async function withDirLock<T>(
  path: string,
  fn: () => Promise<T>,
  opts: LockOptions = {},
): Promise<T> {
  const waitMs = opts.waitMs ?? 600_000;
  const staleMs = opts.staleMs ?? 120_000;
  const lockDir = `${path}.lock`;
  const token = randomBytes(8).toString('hex');
  const me = currentOwner(token);
  const deadline = Date.now() + waitMs;
  // The PID is in the name because the directory exists before its owner record does: a process
  // killed in between leaves a directory that only its name can tell the age of its maker by.
  const fresh = `${lockDir}.new-${process.pid}.${token}`;
  await mkdir(fresh);
  await writeFile(join(fresh, 'owner'), serializeOwner(me));
  let recovered = false;
  try {
    for (let delay = 10; ; delay = Math.min(delay * 2, 250)) {
      try {
        // rename(2) onto an existing lock fails (ENOTEMPTY or EEXIST): exactly one process wins.
        await rename(fresh, lockDir);
        break;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw err;
      }
      const taken = await takeOverIfDead(lockDir, me, staleMs);
      if (taken) {
        recovered = true;
        await rm(fresh, { recursive: true, force: true });
        break;
      }
      if (Date.now() > deadline) {
        const holder = await readOwner(join(lockDir, 'owner'));
        throw new OperationError(
          `waited ${Math.round(waitMs / 1000)} s for another gantry process${holder ? ` (PID ${holder.pid} on ${holder.host})` : ''} to release ${lockDir}; if none is running, remove that directory`,
        );
      }
      await sleep(delay + Math.random() * delay);
    }
  } catch (err) {
    await rm(fresh, { recursive: true, force: true });
    throw err;
  }
  // Long holders refresh the lock so that waiters who cannot check their PID do not take it as stale.
  const keepAlive = setInterval(() => {
    const now = new Date();
    utimes(lockDir, now, now).catch(() => undefined);
  }, staleMs / 4);
  keepAlive.unref();
  try {
    await removeDeadSiblings(lockDir);
    if (recovered) await opts.recover?.();
    return await fn();
  } finally {
    clearInterval(keepAlive);
    const owner = await readOwner(join(lockDir, 'owner'));
    if (owner?.token === token) {
      // Moved aside before it is emptied: an empty directory in its place would be taken by a
      // waiter's rename, and then removed under it.
      const gone = `${lockDir}.old-${token}`;
      await rename(lockDir, gone);
      await rm(gone, { recursive: true, force: true });
    }
  }
}

/**
 * Takes `lockDir` over when its holder is gone, by writing this process's owner record into it
 * (atomically, by rename). Two waiters that both see the holder dead must not both take it:
 * the takeover runs under a second, short-lived lock, and re-reads the owner there.
 */
async function takeOverIfDead(lockDir: string, me: Owner, staleMs: number): Promise<boolean> {
  const seen = await readOwner(join(lockDir, 'owner'));
  const age = await stat(lockDir).then(
    (s) => Date.now() - s.mtimeMs,
    () => undefined,
  );
  // Gone meanwhile: the next rename may win it.
  if (age === undefined) return false;
  let dead: boolean;
  if (!seen) {
    // A lock without a readable owner was left by an older gantry killed between mkdir and write.
    dead = age > 5_000;
  } else {
    const state = await liveness(seen);
    // A holder known to run keeps its lock however slow it is; only one that cannot be asked
    // about is judged by the age of its lock.
    dead = state === 'dead' || (state === 'unknown' && age > staleMs);
  }
  if (!dead) return false;
  const mutex = `${lockDir}.takeover`;
  try {
    await mkdir(mutex);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const mutexAge = await stat(mutex).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (mutexAge > TAKEOVER_STALE_MS) await rm(mutex, { recursive: true, force: true });
    return false;
  }
  try {
    const again = await readOwner(join(lockDir, 'owner'));
    if (again?.token !== seen?.token) return false;
    const mine = join(lockDir, `owner.${me.token}`);
    await writeFile(mine, serializeOwner(me));
    await rename(mine, join(lockDir, 'owner'));
    return true;
  } catch (err) {
    // The lock was released (and removed) between the two reads: compete for it again.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  } finally {
    await rm(mutex, { recursive: true, force: true });
  }
}

/**
 * Lock directories a killed process was about to rename into place (`<lock>.new-<pid>.<token>`)
 * or had moved aside to remove (`<lock>.old-<token>`).
 */
async function removeDeadSiblings(lockDir: string): Promise<void> {
  const dir = dirname(lockDir);
  const prefixes = [`${basename(lockDir)}.new-`, `${basename(lockDir)}.old-`];
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((n) => prefixes.some((p) => n.startsWith(p)))) {
    // A lock moved aside is garbage from the instant of its rename, whoever moved it: its holder
    // only removes it (and may have been killed halfway, after its owner record went).
    if (name.startsWith(prefixes[1] as string)) {
      await rm(join(dir, name), { recursive: true, force: true });
      continue;
    }
    const owner = await readOwner(join(dir, name, 'owner'));
    // Without an owner: killed between mkdir and write, or a live process in between right now.
    // The PID in a `.new-` name tells which at once; a PID that runs (maybe reused) leaves the age.
    const maker = owner ? undefined : ownerFromName(name.slice(`${basename(lockDir)}.new-`.length));
    const gone = owner
      ? (await liveness(owner)) === 'dead'
      : (maker !== undefined && (await liveness(maker)) === 'dead') ||
        (await stat(join(dir, name)).then(
          (s) => Date.now() - s.mtimeMs > 5_000,
          () => false,
        ));
    if (gone) await rm(join(dir, name), { recursive: true, force: true });
  }
}

/** The maker of a `.new-<pid>.<token>` directory, as far as its name says (no start time). */
function ownerFromName(rest: string): Owner | undefined {
  const m = /^(\d+)\.([0-9a-f]+)$/.exec(rest);
  return m ? { token: m[2] as string, pid: Number(m[1]), host: hostname() } : undefined;
}
