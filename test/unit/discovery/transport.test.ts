import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createTLSServer, type TLSSocket } from 'node:tls';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { LeanConnections } from '../../../src/discovery/oci/lean-http.js';
import { Transport } from '../../../src/discovery/oci/transport.js';
import { selfSigned } from '../../support/tls.js';
import { BodyTooLargeError } from '../../../src/util/http-body.js';

const req = (over: Partial<Parameters<Transport['send']>[1]> = {}) => ({
  method: 'GET',
  headers: {},
  insecure: false,
  timeoutMs: 5000,
  maxBytes: 1 << 20,
  what: 'the registry response',
  ...over,
});
const servers: (Server | NetServer | ReturnType<typeof createTLSServer>)[] = [];
const listen = async (
  s: Server | NetServer | ReturnType<typeof createTLSServer>,
): Promise<string> => {
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
};
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

describe('Transport', () => {
  test('a kept-alive connection the server drops as it is reused: the request is sent again on a new one', async () => {
    // A raw server: the first request on each connection is answered (keep-alive); a second one
    // on the same connection is met with a reset, as when a server's idle timeout fires.
    let connections = 0;
    let answered = 0;
    const sockets: Socket[] = [];
    const url = await listen(
      createNetServer((sock) => {
        connections++;
        sockets.push(sock);
        let served = false;
        sock.on('error', () => undefined);
        sock.on('data', () => {
          if (served) {
            sock.resetAndDestroy();
            return;
          }
          served = true;
          answered++;
          sock.write(
            'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\n{}',
          );
        });
      }),
    );
    const t = new Transport();
    try {
      expect((await t.send(`${url}/v2/a/tags/list`, req())).status).toBe(200);
      const second = await t.send(`${url}/v2/a/tags/list`, req());
      expect(second.status).toBe(200);
      expect(second.body.toString()).toBe('{}');
      expect({ connections, answered }).toEqual({ connections: 2, answered: 2 });
    } finally {
      t.close();
      for (const s of sockets) s.destroy();
    }
  });

  test('redirects are followed; Authorization goes to the same origin only', async () => {
    const seen: { where: string; headers: IncomingHttpHeaders }[] = [];
    const storage = await listen(
      createServer((q, res) => {
        seen.push({ where: 'storage', headers: q.headers });
        res.end('blob');
      }),
    );
    const registry = await listen(
      createServer((q, res) => {
        seen.push({ where: 'registry', headers: q.headers });
        if (q.url === '/v2/a/blobs/x') res.writeHead(307, { Location: '/v2/a/blobs/y' }).end();
        else res.writeHead(302, { Location: `${storage}/signed?sig=1` }).end();
      }),
    );
    const t = new Transport();
    try {
      const res = await t.send(
        `${registry}/v2/a/blobs/x`,
        req({ headers: { Authorization: 'Bearer t' } }),
      );
      expect(res.body.toString()).toBe('blob');
      expect(res.url).toBe(`${storage}/signed?sig=1`);
      expect(seen.map((s) => [s.where, s.headers.authorization])).toEqual([
        ['registry', 'Bearer t'],
        ['registry', 'Bearer t'],
        ['storage', undefined],
      ]);
    } finally {
      t.close();
    }
  });

  test('a body past the cap fails, with or without Content-Length', async () => {
    const url = await listen(
      createServer((q, res) => {
        if (q.url === '/declared')
          res.writeHead(200, { 'Content-Length': '4096' }).end('x'.repeat(4096));
        else {
          res.writeHead(200);
          res.write('x'.repeat(3000));
          res.end('x'.repeat(3000));
        }
      }),
    );
    const t = new Transport();
    try {
      await expect(t.send(`${url}/declared`, req({ maxBytes: 1024 }))).rejects.toThrow(
        BodyTooLargeError,
      );
      await expect(t.send(`${url}/chunked`, req({ maxBytes: 1024 }))).rejects.toThrow(
        /larger than 1 KiB/,
      );
    } finally {
      t.close();
    }
  });

  test('one timeout covers the body: a body that stops arriving fails as a TimeoutError', async () => {
    const url = await listen(
      createServer((_q, res) => {
        res.writeHead(200);
        res.write('{"tags": [');
      }),
    );
    const t = new Transport();
    try {
      await expect(t.send(`${url}/slow`, req({ timeoutMs: 300 }))).rejects.toMatchObject({
        name: 'TimeoutError',
      });
    } finally {
      t.close();
    }
  });
});

/**
 * Plain-HTTP GETs and HEADs go through lean-http.ts: raw servers write the exact bytes, split
 * where a parser could trip, so each framing and connection case is seen as a registry sends it.
 */
describe('Transport on plain HTTP without node:http (lean-http.ts)', () => {
  /** A raw server that answers each request on a connection with the next of `answers`. */
  async function rawServer(
    answer: (request: string, n: number, sock: Socket) => void,
  ): Promise<{ url: string; connections: () => number; requests: string[] }> {
    let connections = 0;
    const requests: string[] = [];
    const url = await listen(
      createNetServer((sock) => {
        connections++;
        sock.on('error', () => undefined);
        let buf = '';
        sock.on('data', (d) => {
          buf += d.toString('latin1');
          let end: number;
          while ((end = buf.indexOf('\r\n\r\n')) >= 0) {
            const head = buf.slice(0, end);
            buf = buf.slice(end + 4);
            requests.push(head);
            answer(head, requests.length, sock);
          }
        });
      }),
    );
    return { url, connections: () => connections, requests };
  }
  /** Writes `parts` one by one, a tick apart, so the client sees them as separate reads. */
  const writeSplit = (sock: Socket, parts: (string | Buffer)[]): void => {
    const next = (i: number): void => {
      if (i >= parts.length || sock.destroyed) return;
      sock.write(parts[i] as string | Buffer);
      setTimeout(() => next(i + 1), 2);
    };
    next(0);
  };

  test('chunked (split anywhere, extensions, trailers), Content-Length and HEAD on one connection', async () => {
    const s = await rawServer((head, _n, sock) => {
      if (head.startsWith('GET /chunked')) {
        writeSplit(sock, [
          'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r',
          '\n8;ext=1\r\n{"tag',
          's":\r\n',
          'a\r\n["1.0.0"]}\r',
          '\n0\r\nX-Trailer: yes\r\n',
          '\r\n',
        ]);
      } else if (head.startsWith('GET /length')) {
        writeSplit(sock, ['HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\nhello', ' world']);
      } else {
        sock.write('HTTP/1.1 200 OK\r\nContent-Length: 999\r\nDocker-Content-Digest: d\r\n\r\n');
      }
    });
    const t = new Transport();
    try {
      const a = await t.send(`${s.url}/chunked`, req());
      expect(a.body.toString()).toBe('{"tags":["1.0.0"]}');
      expect(a.headers.get('content-type')).toBe('application/json');
      const b = await t.send(`${s.url}/length`, req());
      expect(b.body.toString()).toBe('hello world');
      const c = await t.send(`${s.url}/head`, req({ method: 'HEAD' }));
      expect([c.status, c.body.length, c.headers.get('docker-content-digest')]).toEqual([
        200,
        0,
        'd',
      ]);
      expect(s.connections()).toBe(1);
      expect(s.requests[0]).toMatch(/^GET \/chunked HTTP\/1\.1\r\nHost: 127\.0\.0\.1:\d+\r\n/);
      expect(s.requests[0]).toContain('\r\nConnection: keep-alive');
    } finally {
      t.close();
    }
  });

  test('Connection: close, a body ended by the close, an interim 100, HTTP/1.0: new connections as needed', async () => {
    const s = await rawServer((head, _n, sock) => {
      if (head.startsWith('GET /close'))
        sock.end('HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok');
      else if (head.startsWith('GET /until-close'))
        writeSplit(sock, ['HTTP/1.1 200 OK\r\n\r\nread ', 'to the end']);
      else if (head.startsWith('GET /interim'))
        sock.write('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nyes');
      else sock.write('HTTP/1.0 200 OK\r\nContent-Length: 3\r\n\r\nold');
      if (head.startsWith('GET /until-close')) setTimeout(() => sock.end(), 20);
    });
    const t = new Transport();
    try {
      expect((await t.send(`${s.url}/close`, req())).body.toString()).toBe('ok');
      expect((await t.send(`${s.url}/until-close`, req())).body.toString()).toBe('read to the end');
      expect((await t.send(`${s.url}/interim`, req())).body.toString()).toBe('yes');
      expect((await t.send(`${s.url}/http10`, req())).body.toString()).toBe('old');
      // close, until-close: one each; interim and the HTTP/1.0 answer share a third; the
      // HTTP/1.0 answer without keep-alive is not reused, so a fourth request needs a fourth.
      expect((await t.send(`${s.url}/interim`, req())).body.toString()).toBe('yes');
      expect(s.connections()).toBe(4);
    } finally {
      t.close();
    }
  });

  test('a connection the server closes while idle is left; the next page opens another', async () => {
    const s = await rawServer((_head, _n, sock) => {
      sock.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}');
      // An idle timeout: the server closes after each answer, without saying so.
      setTimeout(() => sock.end(), 5);
    });
    const t = new Transport();
    try {
      for (let i = 0; i < 3; i++) {
        expect((await t.send(`${s.url}/page${i}`, req())).body.toString()).toBe('{}');
        await new Promise((r) => setTimeout(r, 30));
      }
      expect(s.connections()).toBe(3);
    } finally {
      t.close();
    }
  });

  test('a body cut short fails as a reset, not as a short page', async () => {
    const s = await rawServer((_head, _n, sock) => {
      sock.end('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"tags":["1.0.0"');
    });
    const t = new Transport();
    try {
      await expect(t.send(`${s.url}/short`, req())).rejects.toMatchObject({
        message: 'aborted',
        code: 'ECONNRESET',
      });
      const chunked = await rawServer((_head, _n, sock) => {
        sock.end('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"tag');
      });
      await expect(t.send(`${chunked.url}/short`, req())).rejects.toMatchObject({
        code: 'ECONNRESET',
      });
    } finally {
      t.close();
    }
  });

  test('gzip decoded within the cap; a gzip bomb and a redirect body are handled', async () => {
    const { gzipSync } = await import('node:zlib');
    const small = gzipSync(Buffer.from('{"tags":["2.0.0"]}'));
    const bomb = gzipSync(Buffer.alloc(64 * 1024, 0x20));
    const s = await rawServer((head, _n, sock) => {
      const send = (status: string, headers: string, body: Buffer): void => {
        sock.write(`HTTP/1.1 ${status}\r\n${headers}Content-Length: ${body.length}\r\n\r\n`);
        sock.write(body);
      };
      if (head.startsWith('GET /small')) send('200 OK', 'Content-Encoding: gzip\r\n', small);
      else if (head.startsWith('GET /bomb')) send('200 OK', 'Content-Encoding: gzip\r\n', bomb);
      else if (head.startsWith('GET /moved'))
        send('307 Temporary Redirect', 'Location: /small\r\n', Buffer.alloc(4096, 0x78));
    });
    const t = new Transport();
    try {
      expect((await t.send(`${s.url}/small`, req())).body.toString()).toBe('{"tags":["2.0.0"]}');
      await expect(t.send(`${s.url}/bomb`, req({ maxBytes: 1024 }))).rejects.toThrow(
        BodyTooLargeError,
      );
      const moved = await t.send(`${s.url}/moved`, req({ maxBytes: 1024 }));
      expect([moved.status, moved.url, moved.body.toString()]).toEqual([
        200,
        `${s.url}/small`,
        '{"tags":["2.0.0"]}',
      ]);
    } finally {
      t.close();
    }
  });

  test('repeated headers read as node:http reads them; a header value with a line break is refused', async () => {
    const s = await rawServer((_head, _n, sock) => {
      sock.write(
        'HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer realm="a"\r\n' +
          'WWW-Authenticate: Basic realm="b"\r\nContent-Type: application/json\r\n' +
          'Content-Type: text/plain\r\nContent-Length: 2\r\n\r\n{}',
      );
    });
    const t = new Transport();
    try {
      const a = await t.send(`${s.url}/auth`, req());
      expect(a.status).toBe(401);
      expect(a.headers.get('WWW-Authenticate')).toBe('Bearer realm="a", Basic realm="b"');
      expect(a.headers.get('content-type')).toBe('application/json');
      const before = s.requests.length;
      await expect(
        t.send(`${s.url}/x`, req({ headers: { Authorization: 'Bearer a\r\nX-Injected: 1' } })),
      ).rejects.toThrow(/Invalid character/);
      expect(s.requests.length).toBe(before);
    } finally {
      t.close();
    }
  });
});

describe('Transport on HTTPS without node:https (lean-http.ts over node:tls)', () => {
  test('pages on one TLS connection, the certificate checked; insecure requests get connections of their own', async () => {
    const { key, cert } = await selfSigned();
    const requests: string[] = [];
    /** Requests per TLS connection that carried any. */
    const perConnection: number[] = [];
    const server = createTLSServer({ key, cert }, (sock: TLSSocket) => {
      const at = perConnection.push(0) - 1;
      sock.on('error', () => undefined);
      let buf = '';
      sock.on('data', (d: Buffer) => {
        buf += d.toString('latin1');
        let end: number;
        while ((end = buf.indexOf('\r\n\r\n')) >= 0) {
          const head = buf.slice(0, end);
          buf = buf.slice(end + 4);
          requests.push(head);
          perConnection[at]! += 1;
          if (head.startsWith('HEAD ')) {
            sock.write('HTTP/1.1 200 OK\r\nContent-Length: 9\r\nDocker-Content-Digest: d\r\n\r\n');
          } else {
            // A chunked page in two writes, as a registry's proxy may send it.
            sock.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"tag');
            setTimeout(() => sock.write('\r\n9\r\ns":["1"]}\r\n0\r\n\r\n'), 2);
          }
        }
      });
    });
    const url = (await listen(server)).replace('http:', 'https:');
    const lean = vi.spyOn(LeanConnections.prototype, 'exchange');
    const t = new Transport();
    try {
      // A self-signed certificate is refused before any request is sent.
      const refused = await t.send(`${url}/v2/a/tags/list`, req()).catch((e: unknown) => e);
      expect(String((refused as Error).message)).toMatch(/self[- ]signed|certificate/i);
      expect(requests).toEqual([]);
      const a = await t.send(`${url}/v2/a/tags/list`, req({ insecure: true }));
      expect(a.body.toString()).toBe('{"tags":["1"]}');
      const b = await t.send(`${url}/v2/a/tags/list?last=1`, req({ insecure: true }));
      expect(b.body.toString()).toBe('{"tags":["1"]}');
      const c = await t.send(`${url}/v2/a/manifests/1`, req({ insecure: true, method: 'HEAD' }));
      expect([c.status, c.body.length, c.headers.get('docker-content-digest')]).toEqual([
        200,
        0,
        'd',
      ]);
      // The insecure connection is kept for insecure requests only: a checked one is refused.
      const checked = await t.send(`${url}/v2/a/tags/list`, req()).catch((e: unknown) => e);
      expect(String((checked as Error).message)).toMatch(/self[- ]signed|certificate/i);
      expect(requests).toHaveLength(3);
      expect(requests[0]).toMatch(
        /^GET \/v2\/a\/tags\/list HTTP\/1\.1\r\nHost: 127\.0\.0\.1:\d+\r\n/,
      );
      expect(perConnection.filter((n) => n > 0)).toEqual([3]);
      expect(lean.mock.calls.map(([u]) => (u as URL).protocol)).toEqual(Array(5).fill('https:'));
    } finally {
      lean.mockRestore();
      t.close();
    }
  });

  test('a plain-HTTP listing in its own process loads neither node:http nor perf_hooks; a request body loads node:http', async () => {
    // What a discover process pays for at start: node's HTTP stack is ten internal modules to
    // compile, and `performance` loads perf_hooks' on first use. Observed in a fresh process:
    // this one (vitest's worker) has both loaded already.
    const url = await listen(
      createServer((q, res) => {
        if (q.method === 'PUT') res.writeHead(201).end();
        else if (q.url?.includes('last=')) res.end('{"name":"a","tags":["b"]}');
        else
          res
            .writeHead(200, { Link: '</v2/a/tags/list?n=1&last=a>; rel="next"' })
            .end('{"name":"a","tags":["a"]}');
      }),
    );
    const script = `
      const { RegistryClient } = await import('./src/discovery/oci/client.ts');
      const { parseImageRepository } = await import('./src/discovery/oci/reference.ts');
      const { Transport } = await import('./src/discovery/oci/transport.ts');
      const has = (m) => process.moduleLoadList.includes('NativeModule ' + m);
      const c = new RegistryClient({ requestTimeoutMs: 5000, concurrencyPerRegistry: 4 });
      const tags = await c.listTags(parseImageRepository(process.argv[1]));
      const listing = { tags, http: has('http'), perf: has('internal/perf/usertiming') };
      await c.close();
      const t = new Transport();
      const put = await t.send('http://' + process.argv[1] + '/v2/a/blobs/uploads/x', {
        method: 'PUT', headers: {}, body: 'blob', insecure: false, timeoutMs: 5000,
        maxBytes: 1024, what: 'the registry response',
      });
      t.close();
      console.log(JSON.stringify({ listing, put: put.status, http: has('http') }));
    `;
    const host = url.replace('http://', '');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script, `${host}/a`],
      { cwd: resolve(import.meta.dirname, '../../..') },
    );
    expect(JSON.parse(stdout)).toEqual({
      listing: { tags: ['a', 'b'], http: false, perf: false },
      put: 201,
      http: true,
    });
  });
});
