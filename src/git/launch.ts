import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

/** One process to run to completion: its whole input in, its whole output back. */
export interface LaunchRequest {
  file: string;
  args: string[];
  cwd?: string;
  env: Record<string, string>;
  input: string;
  timeoutMs: number;
}

export interface LaunchResult {
  /** 124 when the process was killed for running longer than `timeoutMs`. */
  exitCode: number;
  stdoutBytes: Buffer;
  stderr: string;
}

/**
 * Runs one process. Rejects only when the process could not be started (the message is the
 * system's: `spawn git ENOENT`); a process that ran and failed resolves with its exit code.
 */
export type Launcher = (request: LaunchRequest) => Promise<LaunchResult>;

export function timedOut(timeoutMs: number): LaunchResult {
  return {
    exitCode: 124,
    stdoutBytes: Buffer.alloc(0),
    stderr: `timed out after ${timeoutMs} ms`,
  };
}

/** Starts the process from this one (node forks, then execs). */
export const launchHere: Launcher = (request) =>
  new Promise((resolve, reject) => {
    // With no input, stdin is /dev/null: a pipe's end reaches the child only when the event loop
    // next turns, and a git that reads its stdin (fetch with --stdin, cat-file --batch) would
    // wait for whatever JavaScript runs meanwhile.
    const child = spawn(request.file, request.args, {
      cwd: request.cwd,
      env: request.env,
      stdio: [request.input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    }) as ChildProcessByStdio<Writable | null, Readable, Readable>;
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let done = false;
    const timer = setTimeout(() => {
      done = true;
      child.kill('SIGKILL');
      // A grandchild (ssh, a credential helper) may hold the pipes open after the process dies;
      // do not wait for it.
      child.stdout.destroy();
      child.stderr.destroy();
      resolve(timedOut(request.timeoutMs));
    }, request.timeoutMs);
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => {
      clearTimeout(timer);
      if (done) return;
      done = true;
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (done) return;
      done = true;
      resolve({
        exitCode: code ?? 1,
        stdoutBytes: Buffer.concat(out),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
    if (child.stdin) {
      child.stdin.on('error', () => {
        // The process may exit before reading its input (e.g. a bad argument); the exit code
        // tells why.
      });
      child.stdin.end(request.input);
    }
  });

let current: Launcher = launchHere;

/**
 * Where every git process gantry runs is started from. Node starts a child by forking, which
 * copies the parent's page tables: cheap for the CLI or an action, dear for a host that embeds
 * gantry in a process of hundreds of MB (the test suite's workers), which can hand the starting
 * to a small process of its own. Without an argument, back to starting them here.
 */
export function setLauncher(launcher: Launcher = launchHere): void {
  current = launcher;
}

export function launcher(): Launcher {
  return current;
}
