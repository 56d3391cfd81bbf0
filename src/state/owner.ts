import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';

/**
 * Who holds a lock or a scratch directory: enough to tell, later and from another process,
 * whether that holder is still running. A PID alone is not enough: PIDs are reused, so the
 * process's start time (Linux: /proc/<pid>/stat) and the boot it ran in are kept too.
 */
export interface Owner {
  /** Unique per acquisition; the holder removes only what still carries it. */
  token: string;
  pid: number;
  host: string;
  /** /proc/sys/kernel/random/boot_id; absent where the system has none. */
  boot?: string;
  /** The process's start time in clock ticks since boot; absent off Linux. */
  start?: string;
}

export type Liveness = 'alive' | 'dead' | 'unknown';

const BOOT_ID = readQuiet('/proc/sys/kernel/random/boot_id');
const OWN_START = startTimeSync(process.pid);

export function currentOwner(token: string): Owner {
  return {
    token,
    pid: process.pid,
    host: hostname(),
    ...(BOOT_ID ? { boot: BOOT_ID } : {}),
    ...(OWN_START ? { start: OWN_START } : {}),
  };
}

export function serializeOwner(o: Owner): string {
  return JSON.stringify(o) + '\n';
}

/** undefined for text that is not an owner record (empty: a holder killed while writing it). */
export function parseOwner(text: string): Owner | undefined {
  try {
    const o = JSON.parse(text) as Partial<Owner>;
    if (typeof o.token !== 'string' || typeof o.pid !== 'number' || typeof o.host !== 'string')
      return undefined;
    return {
      token: o.token,
      pid: o.pid,
      host: o.host,
      ...(typeof o.boot === 'string' ? { boot: o.boot } : {}),
      ...(typeof o.start === 'string' ? { start: o.start } : {}),
    };
  } catch {
    return undefined;
  }
}

export async function readOwner(path: string): Promise<Owner | undefined> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return parseOwner(text);
}

/**
 * Whether the process that wrote `o` still runs. 'unknown' when this machine cannot tell (the
 * owner ran on another host sharing the directory, or its PID exists but its start time cannot
 * be compared): callers then fall back to the age of what the owner left.
 */
export async function liveness(o: Owner): Promise<Liveness> {
  if (o.host !== hostname()) return 'unknown';
  // A reboot since: every process of that boot is gone.
  if (o.boot && BOOT_ID && o.boot !== BOOT_ID) return 'dead';
  try {
    process.kill(o.pid, 0);
  } catch (err) {
    // EPERM: the process exists and belongs to another user.
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return 'dead';
  }
  // Without both start times (off Linux, or /proc hidden) the PID may belong to a later process:
  // the caller falls back to the age of what the owner left, which a live owner keeps fresh.
  const now = o.start ? await startTime(o.pid) : undefined;
  if (now === undefined) return 'unknown';
  // Another process took the PID since.
  return now === o.start ? 'alive' : 'dead';
}

/** Field 22 of /proc/<pid>/stat, read after the command name (which may hold spaces and parentheses). */
function parseStart(stat: string): string | undefined {
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state); starttime is field 22.
  return rest[19];
}

async function startTime(pid: number): Promise<string | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  return stat === undefined ? undefined : parseStart(stat);
}

function startTimeSync(pid: number): string | undefined {
  const stat = readQuiet(`/proc/${pid}/stat`);
  return stat === undefined ? undefined : parseStart(stat);
}

function readQuiet(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}
