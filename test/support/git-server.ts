import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './repos.js';

export interface GitHttpServer {
  url: string;
  /** Every request the server saw, with whether it carried valid credentials. */
  requests: { method: string; path: string; authorized: boolean; authorizationHeaders: number }[];
  close(): Promise<void>;
}

export interface GitHttpServerOptions {
  /** Directory holding bare repositories, served as `<url>/<name>.git`. */
  root: string;
  /** Require HTTP basic auth with these credentials. */
  auth?: { username: string; password: string };
  /** Answer every request with this status instead (to simulate an outage). */
  failWith?: number;
  /** Answer every request with a 301 to this origin (a moved repository, or a hostile one). */
  redirectTo?: string;
}

/**
 * git-http-backend itself, found once: `git http-backend` would start git only for it to start
 * this, a process more for every request, and a promotion over HTTP makes a dozen requests.
 */
let backend: string | undefined;
function httpBackend(): string {
  backend ??= join(
    execFileSync('git', ['--exec-path'], { encoding: 'utf8' }).trim(),
    'git-http-backend',
  );
  return backend;
}

const SERVER_SCRIPT = join(import.meta.dirname, 'git-http-server.mjs');

/**
 * Git's smart HTTP protocol served by the real `git http-backend` (as CGI) behind a Node server on
 * 127.0.0.1, with optional basic auth checked the way a forge would.
 *
 * The server is a process of its own (git-http-server.mjs): it starts a backend per request, and
 * a fork of a small process costs a fraction of a fork of the test's worker. It logs each request
 * to a file before answering it; `requests` reads what is new there, so a test that looks after
 * its git command ended sees every request the command made.
 */
export async function startGitHttpServer(opts: GitHttpServerOptions): Promise<GitHttpServer> {
  const dir = tempDir('gantry-git-http-');
  const log = join(dir.path, 'requests.jsonl');
  writeFileSync(log, '');
  const child = spawn(
    process.execPath,
    [SERVER_SCRIPT, JSON.stringify({ ...opts, backend: httpBackend(), log })],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = /^(\d+)\n/.exec(out);
      if (line) resolve(Number(line[1]));
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`the git HTTP server exited (${code})`)));
  });
  const requests: GitHttpServer['requests'] = [];
  let read = 0;
  const server = {
    url: `http://127.0.0.1:${port}`,
    // The same array each time (a test may empty it), with the requests logged since the last look.
    get requests() {
      const text = readFileSync(log);
      const end = text.lastIndexOf(0x0a) + 1;
      if (end > read) {
        for (const line of text.subarray(read, end).toString('utf8').split('\n'))
          if (line !== '') requests.push(JSON.parse(line) as GitHttpServer['requests'][number]);
        read = end;
      }
      return requests;
    },
    close: () =>
      new Promise<void>((r) => {
        child.removeAllListeners('exit');
        child.once('exit', () => {
          dir.cleanup();
          r();
        });
        if (child.exitCode !== null || child.signalCode !== null) child.emit('exit');
        else child.kill();
      }),
  };
  return server;
}
