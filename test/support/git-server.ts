import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

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
 * git's own `git-http-backend` program, started directly: `git http-backend` would run the same
 * program through one more exec of the `git` front end, on every request of every test.
 */
let backend: string | undefined;
function httpBackend(): string {
  backend ??= join(
    execFileSync('git', ['--exec-path'], { encoding: 'utf8' }).trim(),
    'git-http-backend',
  );
  return backend;
}

/**
 * Git's smart HTTP protocol served by the real `git http-backend` (as CGI) behind a Node server on
 * 127.0.0.1, with optional basic auth checked the way a forge would.
 */
export async function startGitHttpServer(opts: GitHttpServerOptions): Promise<GitHttpServer> {
  const requests: GitHttpServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const authorized = checkAuth(req, opts.auth);
    // Node folds repeated headers; count the raw ones, since a second Authorization is a bug.
    const authorizationHeaders = req.rawHeaders.filter(
      (h, i) => i % 2 === 0 && h.toLowerCase() === 'authorization',
    ).length;
    requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      authorized,
      authorizationHeaders,
    });
    if (opts.redirectTo) {
      res.writeHead(301, { Location: `${opts.redirectTo}${url.pathname}${url.search}` }).end();
      return;
    }
    if (opts.failWith) {
      res.writeHead(opts.failWith).end('unavailable');
      return;
    }
    if (opts.auth && !authorized) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' }).end('unauthorized');
      return;
    }
    const child = spawn(httpBackend(), [], {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        GIT_PROJECT_ROOT: opts.root,
        GIT_HTTP_EXPORT_ALL: '1',
        REQUEST_METHOD: req.method ?? 'GET',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
        HTTP_CONTENT_ENCODING: String(req.headers['content-encoding'] ?? ''),
        REMOTE_USER: opts.auth?.username ?? 'anonymous',
        REMOTE_ADDR: '127.0.0.1',
      },
    });
    req.pipe(child.stdin);
    let head = Buffer.alloc(0);
    let headersDone = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (headersDone) {
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      headersDone = true;
      let status = 200;
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const i = line.indexOf(':');
        const name = line.slice(0, i).trim();
        const value = line.slice(i + 1).trim();
        if (name.toLowerCase() === 'status') status = parseInt(value, 10);
        else res.setHeader(name, value);
      }
      res.writeHead(status);
      res.write(head.subarray(end + 4));
    });
    child.on('close', () => res.end());
    child.stderr.resume();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function checkAuth(req: IncomingMessage, auth: GitHttpServerOptions['auth']): boolean {
  if (!auth) return true;
  const h = req.headers.authorization ?? '';
  const m = /^Basic (.+)$/i.exec(h);
  if (!m?.[1]) return false;
  return Buffer.from(m[1], 'base64').toString('utf8') === `${auth.username}:${auth.password}`;
}
