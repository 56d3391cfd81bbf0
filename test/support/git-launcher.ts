/**
 * Starts gantry's git commands from a small process of their own instead of from the vitest
 * worker (see git-launcher-child.mjs for why). Installed for every test file by
 * test/support/setup-launcher.ts; gantry's CLI and actions start git themselves
 * (src/git/launch.ts `launchHere`), and test/integration/git-launch.test.ts holds both launchers
 * to the same behaviour.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { timedOut, type Launcher, type LaunchResult } from '../../src/git/launch.js';

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

export function processLauncher(): Launcher & { close(): void } {
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

  const launch: Launcher = (request) =>
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
