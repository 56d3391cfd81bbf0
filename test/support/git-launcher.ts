/**
 * Starts gantry's git commands from a small process of their own instead of from the vitest
 * worker (see git-launcher-child.mjs for why). Installed for every test file by
 * test/support/setup.ts; gantry's CLI and actions start git themselves
 * (src/git/launch.ts `launchHere`), and test/integration/git-launch.test.ts holds both launchers
 * to the same behaviour.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  Worker,
} from 'node:worker_threads';
import { timedOut, type LaunchRequest, type LaunchResult } from '../../src/git/launch.js';

interface Pending {
  resolve: (r: LaunchResult) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

interface Reply {
  id: number;
  code?: number;
  stdout?: Uint8Array;
  stderr?: Uint8Array;
  error?: string;
}

const CHILD = fileURLToPath(new URL('./git-launcher-child.mjs', import.meta.url));

/**
 * A request as the suite's own fixtures make it: the GitHub fake hands git bytes (a file's
 * contents for hash-object) and may leave the environment to the launcher's own.
 */
export type FixtureRequest = Omit<LaunchRequest, 'input' | 'env'> & {
  input: string | Uint8Array;
  env?: Record<string, string>;
};

/** A Launcher that takes fixtures' requests too (a wider request, so still a Launcher). */
export type ProcessLauncher = ((request: FixtureRequest) => Promise<LaunchResult>) & {
  close(): void;
};

const SHARED_KEY = Symbol.for('gantry.test.launcher');

/**
 * The worker's one launcher process, shared by gantry's git (test/support/setup.ts) and the
 * fixtures' asynchronous commands (the GitHub fake's git). Kept on globalThis, so that a file that
 * loads this module afresh still finds it.
 */
export function sharedLauncher(): ProcessLauncher {
  const store = globalThis as { [SHARED_KEY]?: ProcessLauncher };
  return (store[SHARED_KEY] ??= processLauncher());
}

export function processLauncher(): ProcessLauncher {
  let child: ChildProcess | undefined;
  let nextId = 0;
  const pending = new Map<number, Pending>();

  const settle = (id: number): Pending | undefined => {
    const p = pending.get(id);
    if (!p) return undefined;
    pending.delete(id);
    clearTimeout(p.timer);
    // Idle, the launcher must not keep the worker alive.
    if (pending.size === 0) child?.channel?.unref();
    return p;
  };

  const start = (): ChildProcess => {
    const c = fork(CHILD, [], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: [],
    });
    c.on('message', (m: Reply) => {
      const p = settle(m.id);
      if (!p) return;
      if (m.error !== undefined) p.reject(new Error(m.error));
      else
        p.resolve({
          exitCode: m.code ?? 1,
          stdoutBytes: Buffer.from(m.stdout!.buffer, m.stdout!.byteOffset, m.stdout!.byteLength),
          stderr: Buffer.from(m.stderr!).toString('utf8'),
        });
    });
    c.on('exit', (code, signal) => {
      if (child === c) child = undefined;
      for (const id of [...pending.keys()])
        settle(id)?.reject(new Error(`the git launcher exited (${signal ?? code})`));
    });
    c.unref();
    return c;
  };

  const launch = (request: FixtureRequest): Promise<LaunchResult> =>
    new Promise((resolve, reject) => {
      child ??= start();
      const c = child;
      const id = nextId++;
      const timer = setTimeout(() => {
        settle(id);
        c.send({ kill: id });
        resolve(timedOut(request.timeoutMs));
      }, request.timeoutMs);
      pending.set(id, { resolve, reject, timer });
      c.channel?.ref();
      const { file, args, cwd, env, input } = request;
      c.send({ id, file, args, cwd, env, input });
    });

  return Object.assign(launch, {
    close() {
      child?.disconnect();
      child = undefined;
    },
  });
}

/** What a synchronous run returns: the process's exit code and its whole output. */
export interface SyncResult {
  status: number;
  stdout: Buffer;
  stderr: Buffer;
}

interface SyncChannel {
  thread: Worker;
  port: MessagePort;
  flag: Int32Array;
  nextId: number;
}

const SYNC_KEY = Symbol.for('gantry.test.sync-launcher');
const SYNC_LIMIT_MS = 120_000;
const THREAD = fileURLToPath(new URL('./git-launcher-thread.mjs', import.meta.url));

function syncChannel(): SyncChannel {
  const store = globalThis as { [SYNC_KEY]?: SyncChannel };
  const known = store[SYNC_KEY];
  if (known) return known;
  const signal = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  const thread = new Worker(THREAD, {
    workerData: { port: port2, signal, child: CHILD },
    transferList: [port2],
  });
  // Idle, neither the thread nor its port may keep the worker alive.
  thread.unref();
  port1.unref();
  const channel = { thread, port: port1, flag: new Int32Array(signal), nextId: 0 };
  store[SYNC_KEY] = channel;
  return channel;
}

/**
 * Runs one process to completion and returns its result, like spawnSync, but started by a small
 * launcher process rather than by forking this (large) worker: a fork's cost grows with the
 * forking process's memory (5 ms of CPU a command at a worker's 200 MB, 11 ms at 470 MB, against
 * 1 ms from a small process), and the fixtures' git commands are thousands a run. Throws when the
 * process could not be started, with the system's message.
 */
export function runSync(
  file: string,
  args: string[],
  opts: {
    cwd?: string;
    env: Record<string, string>;
    input?: string | Uint8Array;
    /** How long to wait for the answer before giving up on the launcher. */
    limitMs?: number;
  },
): SyncResult {
  const limit = opts.limitMs ?? SYNC_LIMIT_MS;
  const channel = syncChannel();
  const id = channel.nextId++;
  Atomics.store(channel.flag, 0, 0);
  channel.port.postMessage({ id, file, args, cwd: opts.cwd, env: opts.env, input: opts.input });
  // The worker is blocked here, so a test's own timeout cannot fire: a launcher that never answers
  // must end the wait itself (execFileSync's commands here finish in seconds).
  // Its late answer must not be taken for the next command's: the next command gets a fresh
  // thread and launcher (the old launcher ends its commands when the thread goes).
  if (Atomics.wait(channel.flag, 0, 0, limit) === 'timed-out') {
    (globalThis as { [SYNC_KEY]?: SyncChannel })[SYNC_KEY] = undefined;
    void channel.thread.terminate();
    throw new Error(`${file} ${args.join(' ')}: no answer from the git launcher in ${limit} ms`);
  }
  const reply = receiveMessageOnPort(channel.port)?.message as Reply | undefined;
  if (reply?.id !== id) throw new Error(`the git launcher answered ${reply?.id} for ${id}`);
  if (reply.error !== undefined) throw new Error(reply.error);
  const buf = (u?: Uint8Array) =>
    u ? Buffer.from(u.buffer, u.byteOffset, u.byteLength) : Buffer.alloc(0);
  return { status: reply.code ?? 1, stdout: buf(reply.stdout), stderr: buf(reply.stderr) };
}
