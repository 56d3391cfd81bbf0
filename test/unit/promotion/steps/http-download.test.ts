import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  MAX_DOWNLOAD_BYTES,
  httpDownload,
  makeHttpDownload,
} from '../../../../src/promotion/steps/http-download.js';
import { ConfigError, OperationError } from '../../../../src/util/errors.js';
import { realTempDir, stepContext } from '../../../support/steps.js';

const TOKEN = 'artifacts-s3cret-token';

let server: Server;
let base: string;
let seen: { url: string; headers: IncomingMessage['headers'] }[];
let handler: (req: IncomingMessage, res: ServerResponse) => void;
let wt: string;
let outside: string;
let cleanup: () => void;
let logs: string[];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  const t = realTempDir('gantry-dl-');
  cleanup = t.cleanup;
  wt = path.join(t.dir, 'wt');
  outside = path.join(t.dir, 'outside');
  mkdirSync(wt);
  mkdirSync(outside);
  seen = [];
  logs = [];
  handler = (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/yaml' });
    res.end('replicas: 2\n');
  };
});
afterEach(() => cleanup());

const ctx = () => stepContext(wt, { fetch, log: (l) => logs.push(l) });
const read = (rel: string) => readFileSync(path.join(wt, rel), 'utf8');

describe('http-download', () => {
  test("Kargo's basic example: config/app.yaml saved, parents created", async () => {
    const r = await httpDownload.run(
      { url: `${base}/config/app.yaml`, outPath: 'config/app.yaml' },
      ctx(),
    );
    expect(read('config/app.yaml')).toBe('replicas: 2\n');
    expect(r.changed).toEqual(['config/app.yaml']);
    expect(seen[0]?.url).toBe('/config/app.yaml');
    // Only the file: no temporary left beside it.
    expect(readdirSync(path.join(wt, 'config'))).toEqual(['app.yaml']);
  });

  test("Kargo's authenticated example: the header is sent, never logged; allowOverwrite replaces", async () => {
    mkdirSync(path.join(wt, 'artifacts'));
    writeFileSync(path.join(wt, 'artifacts', 'app.tar.gz'), 'old');
    handler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/gzip' });
      res.end(Buffer.from([0x1f, 0x8b, 1, 2, 3]));
    };
    await httpDownload.run(
      {
        url: `${base}/releases/v1.2.3/app.tar.gz`,
        outPath: 'artifacts/app.tar.gz',
        headers: [{ name: 'Authorization', value: `Bearer ${TOKEN}` }],
        allowOverwrite: true,
        timeout: '10m',
      },
      ctx(),
    );
    expect(readFileSync(path.join(wt, 'artifacts/app.tar.gz'))).toEqual(
      Buffer.from([0x1f, 0x8b, 1, 2, 3]),
    );
    expect(seen[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(logs.join('\n')).not.toContain(TOKEN);
    const again = await httpDownload.run(
      {
        url: `${base}/releases/v1.2.3/app.tar.gz`,
        outPath: 'artifacts/app.tar.gz',
        allowOverwrite: true,
      },
      ctx(),
    );
    expect(again.changed).toEqual([]);
    expect(readdirSync(path.join(wt, 'artifacts'))).toEqual(['app.tar.gz']);
  });

  test("Kargo's query example: values URL-encoded; an existing file without allowOverwrite fails before any request", async () => {
    await httpDownload.run(
      {
        url: `${base}/releases/source.zip`,
        outPath: 'releases/source.zip',
        queryParams: [{ name: 'version', value: '1.2.3 beta&x' }],
        headers: [{ name: 'Authorization', value: `token ${TOKEN}` }],
        allowOverwrite: false,
        timeout: '5m',
      },
      ctx(),
    );
    expect(seen[0]?.url).toBe('/releases/source.zip?version=1.2.3+beta%26x');
    const again = httpDownload.run(
      { url: `${base}/releases/source.zip`, outPath: 'releases/source.zip' },
      ctx(),
    );
    await expect(again).rejects.toThrow(ConfigError);
    await expect(again).rejects.toThrow(
      'http-download: config.outPath: "releases/source.zip" already exists; set allowOverwrite: true to replace it',
    );
    expect(seen).toHaveLength(1);
  });

  test('a non-2xx status fails and leaves the existing file as it was; secrets stay out of the message', async () => {
    writeFileSync(path.join(wt, 'f.txt'), 'kept');
    handler = (_req, res) => {
      res.writeHead(404);
      res.end('no such thing');
    };
    const err = await httpDownload
      .run(
        {
          url: `${base}/f.txt?token=${TOKEN}`,
          outPath: 'f.txt',
          allowOverwrite: true,
        },
        ctx(),
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OperationError);
    expect((err as Error).message).toBe(
      `http-download: GET ${base}/f.txt?token=***: HTTP 404; only a 2xx response is saved`,
    );
    expect(read('f.txt')).toBe('kept');
  });

  test('the size cap: an announced length over it fails before reading, a stream past it as it passes', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'Content-Length': String(MAX_DOWNLOAD_BYTES + 1) });
      // Never finished: the step must not wait for the rest.
      res.write('x');
    };
    await expect(
      httpDownload.run({ url: `${base}/big`, outPath: 'big.bin' }, ctx()),
    ).rejects.toThrow(
      `http-download: GET ${base}/big: the file (Content-Length ${MAX_DOWNLOAD_BYTES + 1}) is larger than 100 MiB, the most the step downloads`,
    );
    handler = (_req, res) => {
      res.writeHead(200);
      for (let i = 0; i < 10; i++) res.write(Buffer.alloc(1024));
      res.end();
    };
    const small = makeHttpDownload(4096);
    await expect(small.run({ url: `${base}/stream`, outPath: 'big.bin' }, ctx())).rejects.toThrow(
      'the file is larger than 4 KiB, the most the step downloads',
    );
    expect(existsSync(path.join(wt, 'big.bin'))).toBe(false);
    expect(readdirSync(wt)).toEqual([]);
  });

  test('a timeout fails the step with the field named', async () => {
    handler = () => undefined;
    await expect(
      httpDownload.run({ url: `${base}/slow`, outPath: 's', timeout: '200ms' }, ctx()),
    ).rejects.toThrow(
      `http-download: GET ${base}/slow: no response within the timeout (config.timeout)`,
    );
  });

  test.each([
    [{ outPath: 'x' }, 'http-download: url is required'],
    [
      { url: 'ftp://h/x', outPath: 'x' },
      'http-download: config.url: must be an absolute http(s) URL',
    ],
    [{ url: 'http://h/x' }, 'http-download: outPath is required'],
    [{ url: 'http://h/x', outPath: 'x', timeout: 'soon' }, /http-download: config\.timeout: /],
    [
      { url: 'http://h/x', outPath: 'x', headers: [{ name: 'Bad Name', value: 'v' }] },
      'http-download: config.headers[0].name: "Bad Name" is not a header name',
    ],
    [
      { url: 'http://h/x', outPath: 'x', queryParams: [{ name: 'v' }] },
      'http-download: config.queryParams[0].value: must be a non-empty string (queryParams v)',
    ],
    [{ url: 'http://h/x', outPath: 'x', allowOverwrit: true }, /unknown field "allowOverwrit"/],
  ])('bad input %j: a clear error, nothing sent or written', async (config, message) => {
    await expect(httpDownload.run(config, ctx())).rejects.toThrow(message);
    expect(seen).toHaveLength(0);
    expect(readdirSync(wt)).toEqual([]);
  });

  test('outPath may not leave the checkout, enter .git or pass through a symbolic link', async () => {
    symlinkSync(outside, path.join(wt, 'out'));
    for (const [p, message] of [
      ['../x', /leads outside the checkout/],
      ['.git/hooks/post-checkout', /may not touch the \.git directory/],
      ['out/x', /out is a symbolic link that leads outside the checkout/],
    ] as const) {
      await expect(httpDownload.run({ url: `${base}/x`, outPath: p }, ctx())).rejects.toThrow(
        message,
      );
    }
    expect(seen).toHaveLength(0);
    expect(readdirSync(outside)).toEqual([]);
  });
});
