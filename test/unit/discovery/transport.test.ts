import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { Transport } from '../../../src/discovery/oci/transport.js';
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
const servers: (Server | NetServer)[] = [];
const listen = async (s: Server | NetServer): Promise<string> => {
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
