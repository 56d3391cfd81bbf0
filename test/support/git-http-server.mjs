// The smart-HTTP git server of test/support/git-server.ts, run as its own small Node process.
//
// Every request starts git-http-backend. Started from a vitest worker, the worker sat in that
// fork until the child ran (a quarter of workspace-edges' worker samples were spawn), and a fork
// of a process of 150 MB costs about 1 ms of CPU more than one of this small process.
//
// argv[2] is a JSON object: { root, auth?, failWith?, redirectTo?, backend, log }. Each request is
// appended to `log` as a JSON line before it is answered, so a test that reads the log after its
// git command ended sees every request that command made. The listening port goes to stdout; the
// server exits when its parent closes stdin (or dies).
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:http';

const opts = JSON.parse(process.argv[2]);

function checkAuth(req) {
  if (!opts.auth) return true;
  const m = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
  if (!m?.[1]) return false;
  return (
    Buffer.from(m[1], 'base64').toString('utf8') === `${opts.auth.username}:${opts.auth.password}`
  );
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const authorized = checkAuth(req);
  // Node folds repeated headers; count the raw ones, since a second Authorization is a bug.
  const authorizationHeaders = req.rawHeaders.filter(
    (h, i) => i % 2 === 0 && h.toLowerCase() === 'authorization',
  ).length;
  appendFileSync(
    opts.log,
    JSON.stringify({
      method: req.method ?? 'GET',
      path: url.pathname,
      authorized,
      authorizationHeaders,
    }) + '\n',
  );
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
  const child = spawn(opts.backend, [], {
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
  child.stdout.on('data', (chunk) => {
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

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${server.address().port}\n`);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
