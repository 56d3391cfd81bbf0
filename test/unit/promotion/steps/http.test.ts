import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { PromotionStep, PromotionTemplate } from '../../../../src/pipeline/types.js';
import { runSteps } from '../../../../src/promotion/steps/engine.js';
import { StepPendingError } from '../../../../src/promotion/steps/types.js';
import { MAX_RESPONSE_BYTES, http } from '../../../../src/promotion/steps/http.js';
import { defaultRegistry } from '../../../../src/promotion/steps/registry.js';
import { ConfigError, OperationError } from '../../../../src/util/errors.js';
import { realTempDir, stepContext } from '../../../support/steps.js';
import { selfSigned } from '../../../support/tls.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

const TOKEN = 'Bearer s3cret-t0ken-do-not-log';

let dir: string;
let cleanup: () => void;
let server: Server;
let base: string;
let seen: Seen[];
let handler: Handler;
let logs: string[];

function listen(s: Server): Promise<string> {
  return new Promise((resolve) => {
    s.listen(0, '127.0.0.1', () => resolve(String((s.address() as AddressInfo).port)));
  });
}

function close(s: Server): Promise<void> {
  s.closeAllConnections();
  return new Promise((resolve) => s.close(() => resolve()));
}

function recordingHandler(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    handler(req, res, body);
  });
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(value));
}

function text(res: ServerResponse, status: number, body: string, type = 'text/plain'): void {
  res.writeHead(status, { 'Content-Type': type });
  res.end(body);
}

beforeAll(async () => {
  ({ dir, cleanup } = realTempDir('gantry-http-'));
  server = createServer(recordingHandler);
  base = `http://127.0.0.1:${await listen(server)}`;
});
afterAll(async () => {
  await close(server);
  cleanup();
});
beforeEach(() => {
  seen = [];
  logs = [];
  handler = (_req, res) => json(res, 200, { ok: true });
});

const ctx = () => stepContext(dir, { fetch, log: (l) => logs.push(l) });
const run = (config: Record<string, unknown>) => http.run(config, ctx());

async function failure(config: Record<string, unknown>): Promise<Error> {
  const err = await run(config).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof Error)) throw new Error('expected the step to fail');
  return err;
}

describe('http: the request', () => {
  test('GET by default, with headers, query params added to the URL’s own, and outputs', async () => {
    handler = (_req, res) => json(res, 200, { version: '1.2.3', items: [{ id: 7 }] });
    const res = await run({
      url: `${base}/api/status?existing=1`,
      headers: [
        { name: 'Authorization', value: TOKEN },
        { name: 'X-Port', value: 8080 },
      ],
      queryParams: [
        { name: 'env', value: 'dev & prod' },
        { name: 'token', value: 'query-s3cret-value' },
      ],
      outputs: [
        { name: 'version', fromExpression: 'response.body.version' },
        { name: 'firstId', fromExpression: 'response.body.items[0].id' },
        { name: 'status', fromExpression: 'response.status' },
        { name: 'type', fromExpression: 'response.headers["Content-Type"][0]' },
      ],
    });
    expect(res.outputs).toEqual({
      version: '1.2.3',
      firstId: 7,
      status: 200,
      type: 'application/json',
    });
    expect(seen).toHaveLength(1);
    const req = seen[0] as Seen;
    expect(req.method).toBe('GET');
    expect(req.url).toBe('/api/status?existing=1&env=dev+%26+prod&token=query-s3cret-value');
    expect(req.headers['authorization']).toBe(TOKEN);
    expect(req.headers['x-port']).toBe('8080');
    expect(req.headers['user-agent']).toBe('gantry');
    const logged = logs.join('\n');
    expect(logged).toContain(`GET ${base}/api/status?existing=***&env=***&token=***: HTTP 200`);
    expect(logged).not.toContain('s3cret');
  });

  test('POST sends a string body as is, with no Content-Type of its own', async () => {
    handler = (_req, res, body) => json(res, 201, { got: body });
    const body = '{"text": "hello"}\n';
    const res = await run({
      method: 'POST',
      url: `${base}/hook`,
      body,
      outputs: [{ name: 'echo', fromExpression: 'response.body.got' }],
    });
    expect(res.outputs).toEqual({ echo: body });
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.body).toBe(body);
    expect(seen[0]?.headers['content-type']).toBeUndefined();
    expect(seen[0]?.headers['content-length']).toBe(String(Buffer.byteLength(body)));
  });

  test('a map body (JSON text the ${{ }} rendering parsed) goes as JSON', async () => {
    await run({ method: 'put', url: `${base}/x`, body: { channel: 'C1', n: 2 } });
    expect(seen[0]?.method).toBe('PUT');
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({ channel: 'C1', n: 2 });
    expect(seen[0]?.headers['content-type']).toBe('application/json');

    await run({
      method: 'PATCH',
      url: `${base}/x`,
      body: ['a'],
      headers: [{ name: 'Content-Type', value: 'application/merge-patch+json' }],
    });
    expect(seen[1]?.headers['content-type']).toBe('application/merge-patch+json');
    expect(seen[1]?.body).toBe('["a"]');
  });

  test('DELETE and HEAD', async () => {
    handler = (_req, res) => text(res, 204, '');
    await run({ method: 'DELETE', url: `${base}/thing/1` });
    handler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Version': '9' });
      res.end();
    };
    const res = await run({
      method: 'HEAD',
      url: `${base}/thing/1`,
      outputs: [{ name: 'v', fromExpression: 'response.headers["X-Version"][0]' }],
    });
    expect(seen.map((s) => s.method)).toEqual(['DELETE', 'HEAD']);
    expect(res.outputs).toEqual({ v: '9' });
  });

  test('credentials in the URL become basic auth and stay out of messages', async () => {
    handler = (_req, res) => json(res, 401, {});
    const err = await failure({ url: `http://bot:pa55-w0rd-x@127.0.0.1:${new URL(base).port}/x` });
    expect(seen[0]?.headers['authorization']).toBe(
      `Basic ${Buffer.from('bot:pa55-w0rd-x').toString('base64')}`,
    );
    expect(err.message).toContain(`GET ${base}/x: HTTP 401`);
    expect(err.message).not.toContain('pa55');
  });

  test('pollInterval is the wait before asking again, carried by a not-done-yet outcome', async () => {
    handler = (_req, res) => json(res, 200, { ready: false });
    const err = await failure({
      url: `${base}/poll`,
      pollInterval: '30s',
      successExpression: 'response.body.ready',
    });
    expect(seen).toHaveLength(1);
    expect(err).toBeInstanceOf(StepPendingError);
    expect((err as StepPendingError).retryAfterMs).toBe(30_000);
  });
});

describe('http: the response as expressions see it', () => {
  const body = (config: Record<string, unknown> = {}) =>
    run({
      url: `${base}/r`,
      outputs: [{ name: 'body', fromExpression: 'response.body' }],
      ...config,
    }).then((r) => r.outputs?.['body']);

  test('JSON when declared or when it parses; text otherwise', async () => {
    handler = (_req, res) => text(res, 200, '{"a": [1, 2]}', 'application/vnd.api+json');
    expect(await body()).toEqual({ a: [1, 2] });
    handler = (_req, res) => text(res, 200, '[1, 2]', 'application/octet-stream');
    expect(await body()).toEqual([1, 2]);
    handler = (_req, res) => text(res, 200, '"quoted"', 'application/json');
    expect(await body()).toBe('quoted');
    handler = (_req, res) => text(res, 200, '{not json', 'application/json');
    expect(await body()).toBe('{not json');
    handler = (_req, res) => text(res, 200, '<html>hi</html>', 'text/html');
    expect(await body()).toBe('<html>hi</html>');
  });

  test('text/plain is text even when it looks like JSON; YAML types parse as YAML', async () => {
    handler = (_req, res) => text(res, 200, '{"a": 1}');
    expect(await body()).toBe('{"a": 1}');
    handler = (_req, res) =>
      text(res, 200, 'version: "2.0"\nfeatures: [a, b]\n', 'application/yaml');
    expect(await body()).toEqual({ version: '2.0', features: ['a', 'b'] });
  });

  test('responseContentType overrides the Content-Type', async () => {
    handler = (_req, res) => text(res, 200, 'version: 3\n', 'application/octet-stream');
    expect(await body({ responseContentType: 'application/yaml' })).toEqual({ version: 3 });
    handler = (_req, res) => json(res, 200, { a: 1 });
    expect(await body({ responseContentType: 'text/plain' })).toBe('{"a":1}');
  });

  test('an empty body is an empty map, as in Kargo', async () => {
    handler = (_req, res) => text(res, 200, '', 'application/json');
    expect(await body()).toEqual({});
  });

  test('headers: canonical names, lists of values, Set-Cookie kept apart', async () => {
    handler = (_req, res) => {
      res.setHeader('x-request-id', 'abc');
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      json(res, 200, {});
    };
    const res = await run({
      url: `${base}/h`,
      outputs: [
        { name: 'id', fromExpression: 'response.headers["X-Request-Id"]' },
        { name: 'cookies', fromExpression: 'response.headers["Set-Cookie"]' },
      ],
    });
    expect(res.outputs).toEqual({ id: ['abc'], cookies: ['a=1', 'b=2'] });
  });
});

describe('http: success and failure', () => {
  test('without expressions: 2xx succeeds, anything else fails', async () => {
    handler = (_req, res) => json(res, 201, {});
    await expect(run({ url: `${base}/ok` })).resolves.toEqual({ outputs: {} });
    handler = (_req, res) => json(res, 500, { error: 'boom' });
    const err = await failure({ url: `${base}/broken` });
    // Not done yet (Kargo keeps such a step running): retried only under retry.timeout.
    expect(err).toBeInstanceOf(StepPendingError);
    expect(err.message).toBe(
      `http: GET ${base}/broken: HTTP 500 response; with no successExpression or failureExpression only a 2xx status succeeds`,
    );
  });

  test('successExpression decides, whatever the status', async () => {
    handler = (_req, res) => json(res, 404, { state: 'absent' });
    const res = await run({
      url: `${base}/s`,
      successExpression: 'response.status == 404 && response.body.state == "absent"',
      outputs: [{ name: 'state', fromExpression: 'response.body.state' }],
    });
    expect(res.outputs).toEqual({ state: 'absent' });

    handler = (_req, res) => json(res, 200, { state: 'pending' });
    const err = await failure({
      url: `${base}/s`,
      successExpression: 'response.body.state == "done"',
      outputs: [{ name: 'state', fromExpression: 'response.body.nope.deeper' }],
    });
    expect(err.message).toMatch(/HTTP 200 response did not meet successExpression$/);
  });

  test('failureExpression true fails, with errorExpression’s message; it wins over success', async () => {
    handler = (_req, res) => json(res, 404, { message: 'resource not found' });
    const err = await failure({
      url: `${base}/f`,
      successExpression: 'true',
      failureExpression: 'response.status >= 400 && response.status < 500',
      errorExpression: 'response.body?.message ?? response.body?.error',
    });
    expect(err.message).toBe(
      `http: GET ${base}/f: HTTP 404 response met failureExpression: "resource not found"`,
    );

    // An errorExpression that does not fit the response gives the default message.
    const plain = await failure({
      url: `${base}/f`,
      failureExpression: 'response.status == 404',
      errorExpression: 'response.body.message.nested.deeper',
    });
    expect(plain.message).toBe(`http: GET ${base}/f: HTTP 404 response met failureExpression`);

    // Met, it is not hidden by a successExpression that does not fit an error body.
    const shaped = await failure({
      url: `${base}/f`,
      successExpression: 'response.body.items[0].ready',
      failureExpression: 'response.status == 404',
    });
    expect(shaped.message).toBe(`http: GET ${base}/f: HTTP 404 response met failureExpression`);
  });

  test('failureExpression false with success true succeeds; alone, it never does (Kargo)', async () => {
    handler = (_req, res) => json(res, 200, { state: 'done' });
    await expect(
      run({
        url: `${base}/f`,
        successExpression: 'response.body.state == "done"',
        failureExpression: 'response.body.state == "failed"',
      }),
    ).resolves.toEqual({ outputs: {} });
    const err = await failure({
      url: `${base}/f`,
      failureExpression: 'response.body.state == "failed"',
    });
    expect(err.message).toMatch(
      /HTTP 200 response did not meet failureExpression, and there is no successExpression \(as in Kargo, a step with only a failureExpression never succeeds\)/,
    );
  });

  test('a non-boolean criterion, or one that does not fit the response, fails', async () => {
    handler = (_req, res) => text(res, 200, 'plain');
    const notBool = await failure({ url: `${base}/e`, successExpression: 'response.status' });
    expect(notBool).toBeInstanceOf(OperationError);
    expect(notBool.message).toMatch(
      /successExpression "response.status" must evaluate to true or false, got 200$/,
    );
    const broken = await failure({ url: `${base}/e`, successExpression: 'response.body.x == 1' });
    expect(broken.message).toMatch(
      /HTTP 200 response: successExpression "response.body.x == 1": cannot fetch x from string/,
    );
  });

  test('an output that does not fit the response fails the step', async () => {
    handler = (_req, res) => json(res, 200, { a: 1 });
    const err = await failure({
      url: `${base}/o`,
      outputs: [{ name: 'x', fromExpression: 'response.body.a.b' }],
    });
    expect(err.message).toMatch(/outputs "x" fromExpression "response.body.a.b": /);
  });

  test('text the server echoes is scrubbed of the request’s secrets', async () => {
    handler = (req, res) =>
      json(res, 403, { message: `bad token ${req.headers['authorization']}` });
    const err = await failure({
      url: `${base}/secret`,
      headers: [{ name: 'Authorization', value: TOKEN }],
      failureExpression: 'response.status == 403',
      errorExpression: 'response.body.message',
    });
    expect(err.message).toBe(
      `http: GET ${base}/secret: HTTP 403 response met failureExpression: "bad token ***"`,
    );
  });
});

describe('http: limits and the network', () => {
  test('a server that never answers runs into the timeout', async () => {
    handler = () => undefined;
    const started = Date.now();
    const err = await failure({ url: `${base}/slow?key=abcdefgh123`, timeout: '300ms' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(err).toBeInstanceOf(OperationError);
    expect(err.message).toBe(
      `http: GET ${base}/slow?key=***: no response within 300ms (config.timeout)`,
    );
  });

  test('the timeout covers a body that stops arriving', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"partial": ');
    };
    const err = await failure({ url: `${base}/stall`, timeout: '300ms' });
    expect(err.message).toMatch(
      /the response body did not arrive within 300ms \(config\.timeout\)$/,
    );
  });

  test('response bodies are capped at 2 MiB, declared or streamed', async () => {
    const exact = 'x'.repeat(MAX_RESPONSE_BYTES);
    handler = (_req, res) => text(res, 200, exact);
    const ok = await run({
      url: `${base}/big`,
      outputs: [{ name: 'n', fromExpression: 'len(response.body)' }],
    });
    expect(ok.outputs).toEqual({ n: MAX_RESPONSE_BYTES });

    handler = (_req, res) => {
      res.writeHead(200, {
        'Content-Type': 'text/plain',
        'Content-Length': String(MAX_RESPONSE_BYTES + 1),
      });
      res.end(`${exact}y`);
    };
    const declared = await failure({ url: `${base}/big` });
    expect(declared.message).toBe(
      `http: GET ${base}/big: the HTTP 200 response body (Content-Length ${MAX_RESPONSE_BYTES + 1}) is larger than the 2 MiB the step reads`,
    );

    handler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' }); // chunked: no Content-Length
      const chunk = 'z'.repeat(64 * 1024);
      for (let i = 0; i < 40; i++) res.write(chunk);
      res.end();
    };
    const streamed = await failure({ url: `${base}/big` });
    expect(streamed.message).toBe(
      `http: GET ${base}/big: the HTTP 200 response body is larger than the 2 MiB the step reads`,
    );
  });

  test('a refused connection names the request, without query values', async () => {
    const closed = createServer();
    const port = await listen(closed);
    await close(closed);
    const err = await failure({
      method: 'POST',
      url: `http://127.0.0.1:${port}/hook?sig=abcdef123456`,
      body: 'x',
    });
    expect(err).toBeInstanceOf(OperationError);
    expect(err.message).toMatch(
      new RegExp(
        `^http: POST http://127\\.0\\.0\\.1:${port}/hook\\?sig=\\*\\*\\*: request failed: .*ECONNREFUSED`,
      ),
    );
    expect(err.message).not.toContain('abcdef123456');
  });

  test('a proxy tunnels the request', async () => {
    const connects: string[] = [];
    const proxy = createServer();
    proxy.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
      connects.push(req.url ?? '');
      const [host, port] = (req.url ?? '').split(':');
      const upstream = connect(Number(port), host ?? '', () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    const proxyURL = `http://127.0.0.1:${await listen(proxy)}`;
    try {
      handler = (_req, res) => json(res, 200, { via: 'proxy' });
      const res = await run({
        url: `${base}/p`,
        proxy: proxyURL,
        outputs: [{ name: 'via', fromExpression: 'response.body.via' }],
      });
      expect(res.outputs).toEqual({ via: 'proxy' });
      expect(connects).toEqual([new URL(base).host]);
    } finally {
      await close(proxy);
    }
  });
});

describe('http: TLS', () => {
  let tlsServer: Server;
  let tlsBase: string;

  beforeAll(async () => {
    const { key, cert } = await selfSigned();
    tlsServer = createHttpsServer({ key, cert }, recordingHandler);
    tlsBase = `https://127.0.0.1:${await listen(tlsServer)}`;
  });
  afterAll(() => close(tlsServer));

  test('a self-signed certificate fails unless insecureSkipTLSVerify', async () => {
    handler = (_req, res) => json(res, 200, { secure: 'enough' });
    const err = await failure({ url: `${tlsBase}/t` });
    expect(err.message).toMatch(
      new RegExp(`^http: GET ${tlsBase}/t: request failed: .*self[- ]signed certificate`),
    );
    const res = await run({
      url: `${tlsBase}/t`,
      insecureSkipTLSVerify: true,
      outputs: [{ name: 's', fromExpression: 'response.body.secure' }],
    });
    expect(res.outputs).toEqual({ s: 'enough' });
    // The next request, without the flag, verifies again.
    await expect(run({ url: `${tlsBase}/t` })).rejects.toThrow(/self[- ]signed certificate/);
  });
});

describe('http: config errors', () => {
  afterEach(() => expect(seen).toEqual([]));

  test.each<[string, Record<string, unknown>, RegExp]>([
    ['no url', {}, /^http: config\.url: is required$/],
    ['a relative url', { url: '/api' }, /^http: config\.url: must be an absolute http\(s\) URL$/],
    [
      'another scheme, not echoed',
      { url: 'ftp://user:pw@example.com/x' },
      /^http: config\.url: must be an absolute http\(s\) URL$/,
    ],
    [
      'an unknown method',
      { url: 'http://x', method: 'TRACE' },
      /^http: config\.method: must be one of DELETE, GET, HEAD, PATCH, POST, PUT, got "TRACE"$/,
    ],
    [
      'an unknown field',
      { url: 'http://x', sucessExpression: 'true' },
      /^http: unknown field "sucessExpression" \(did you mean "successExpression"\?\); fields: method, url,/,
    ],
    [
      'headers not a list',
      { url: 'http://x', headers: { Authorization: 'x' } },
      /^http: config\.headers: must be a list of \{name, value\}$/,
    ],
    [
      'a header without a value (the name is said, never a value)',
      { url: 'http://x', headers: [{ name: 'Authorization', value: '' }] },
      /^http: config\.headers\[0\]\.value: must be a non-empty string \(headers Authorization\)$/,
    ],
    [
      'a bad header name',
      { url: 'http://x', headers: [{ name: 'Bad Header', value: 'v' }] },
      /^http: config\.headers\[0\]\.name: "Bad Header" is not a header name$/,
    ],
    [
      'a header value with a line break',
      { url: 'http://x', headers: [{ name: 'X-A', value: 'a\r\nInjected: 1' }] },
      /^http: config\.headers\[0\]\.value: must not contain line breaks or NUL \(header X-A\)$/,
    ],
    [
      'a query param with a stray field',
      { url: 'http://x', queryParams: [{ name: 'a', value: 'b', vaule: 'c' }] },
      /^http: config\.queryParams\[0\]: unknown field "vaule"/,
    ],
    ['a bad timeout', { url: 'http://x', timeout: '10 seconds' }, /^http: config\.timeout: time: /],
    [
      'a zero timeout',
      { url: 'http://x', timeout: '0s' },
      /^http: config\.timeout: must be positive/,
    ],
    [
      'a bad pollInterval',
      { url: 'http://x', pollInterval: 'often' },
      /^http: config\.pollInterval: time: invalid duration "often"$/,
    ],
    [
      'a syntax error in an expression',
      { url: 'http://x', successExpression: 'response.status ==' },
      /^http: config\.successExpression: /,
    ],
    [
      'an expression that is not a string',
      { url: 'http://x', failureExpression: 42 },
      /^http: config\.failureExpression: must be an expression/,
    ],
    [
      'an output without an expression',
      { url: 'http://x', outputs: [{ name: 'a' }] },
      /^http: config\.outputs\[0\]\.fromExpression: is required$/,
    ],
    [
      'an output twice',
      {
        url: 'http://x',
        outputs: [
          { name: 'a', fromExpression: 'response.status' },
          { name: 'a', fromExpression: 'response.body' },
        ],
      },
      /^http: config\.outputs\[1\]\.name: "a" is already an output$/,
    ],
    [
      'a body on a GET',
      { url: 'http://x', body: 'hello' },
      /^http: config\.body: a GET request cannot have a body$/,
    ],
    [
      'an unknown responseContentType',
      { url: 'http://x', responseContentType: 'text/html' },
      /^http: config\.responseContentType: must be one of application\/json, application\/yaml, text\/plain, got "text\/html"$/,
    ],
    [
      'a proxy without a scheme',
      { url: 'http://x', proxy: 'proxy.internal:3128' },
      /^http: config\.proxy: must be an http\(s\) URL, scheme included$/,
    ],
    [
      'insecureSkipTLSVerify not a bool',
      { url: 'http://x', insecureSkipTLSVerify: 'yes' },
      /^http: insecureSkipTLSVerify must be true or false/,
    ],
  ])('%s', async (_name, config, message) => {
    const err = await failure(config);
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toMatch(message);
    expect(err.message).not.toContain('pw@');
  });
});

describe('http: in a promotion template', () => {
  const step = (uses: string, config: Record<string, unknown>, over: Partial<PromotionStep> = {}) =>
    ({ uses, config, continueOnError: false, vars: [], ...over }) satisfies PromotionStep;
  const template = (steps: PromotionStep[], vars: PromotionTemplate['vars'] = []) =>
    ({ mode: 'direct', vars, steps }) satisfies PromotionTemplate;
  const engineCtx = () => {
    const { index: _index, alias: _alias, ...rest } = ctx();
    return rest;
  };

  test('outputs reach later steps; ${{ }} inside expressions is rendered first', async () => {
    handler = (req, res) =>
      json(res, 200, { state: 'completed', version: '2.4.1', stage: req.url?.split('=')[1] });
    const res = await runSteps(
      template(
        [
          step(
            'http',
            {
              url: `${base}/deployments`,
              queryParams: [{ name: 'stage', value: '${{ ctx.stage }}' }],
              headers: [{ name: 'Authorization', value: 'Bearer ${{ vars.token }}' }],
              successExpression: "response.body.state == '${{ vars.expected }}'",
              outputs: [
                { name: 'version', fromExpression: 'response.body.version' },
                { name: 'stage', fromExpression: 'response.body.stage' },
              ],
            },
            { as: 'check' },
          ),
          step(
            'compose-output',
            { tag: 'v${{ outputs.check.version }}', where: '${{ outputs.check.stage }}' },
            { as: 'out' },
          ),
        ],
        [
          { name: 'expected', value: 'completed' },
          { name: 'token', value: 'tok-123456789' },
        ],
      ),
      engineCtx(),
      defaultRegistry(),
    );
    expect(res.outputs['check']).toEqual({ version: '2.4.1', stage: 'dev' });
    expect(res.outputs['out']).toEqual({ tag: 'v2.4.1', where: 'dev' });
    expect(seen[0]?.url).toBe('/deployments?stage=dev');
    expect(seen[0]?.headers['authorization']).toBe('Bearer tok-123456789');
    expect(logs.join('\n')).not.toContain('tok-123456789');
  });

  test('the example in docs/promote.md runs', async () => {
    const doc = readFileSync(path.join(import.meta.dirname, '../../../../docs/promote.md'), 'utf8');
    const section = doc.slice(doc.indexOf('### `http`'));
    const yamlText = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const parsed = parseYaml(yamlText.replace('https://status.example.com', base)) as {
      promotionTemplate: {
        vars: PromotionTemplate['vars'];
        steps: { uses: string; as?: string; config: Record<string, unknown> }[];
      };
    };
    const { vars, steps } = parsed.promotionTemplate;
    mkdirSync(path.join(dir, 'env/dev'), { recursive: true });
    writeFileSync(path.join(dir, 'env/dev/values.yaml'), 'observedVersion: none\n');
    handler = (req, res) =>
      req.url === '/api/apps/echo?stage=dev'
        ? json(res, 200, { state: 'healthy', version: '1.4.0' })
        : json(res, 404, { message: `no ${req.url}` });
    const res = await runSteps(
      template(
        steps.map((s) => step(s.uses, s.config, s.as === undefined ? {} : { as: s.as })),
        vars,
      ),
      engineCtx(),
      defaultRegistry(),
    );
    expect(res.outputs['health']).toEqual({ version: '1.4.0' });
    expect(readFileSync(path.join(dir, 'env/dev/values.yaml'), 'utf8')).toBe(
      'observedVersion: 1.4.0\n',
    );
  });

  test('a failing http step stops the promotion, named by the engine', async () => {
    handler = (_req, res) => json(res, 503, {});
    await expect(
      runSteps(
        template([step('http', { url: `${base}/gate` }, { as: 'gate' })]),
        engineCtx(),
        defaultRegistry(),
      ),
    ).rejects.toThrow(
      `step 1 (http "gate"): http: GET ${base}/gate: HTTP 503 response; with no successExpression or failureExpression only a 2xx status succeeds (not done yet; give the step retry.timeout to keep asking)`,
    );
  });

  test('with retry.timeout the engine asks again every pollInterval until the service is ready', async () => {
    let calls = 0;
    handler = (_req, res) => {
      calls++;
      json(res, 200, { state: calls < 3 ? 'rolling out' : 'done' });
    };
    const waits: number[] = [];
    let now = Date.parse('2026-11-22T00:00:00Z');
    const res = await runSteps(
      template([
        step(
          'http',
          {
            url: `${base}/rollout`,
            pollInterval: '10s',
            successExpression: 'response.body.state == "done"',
            outputs: [{ name: 'state', fromExpression: 'response.body.state' }],
          },
          { as: 'wait', retry: { timeoutMs: 60_000 } },
        ),
      ]),
      {
        ...engineCtx(),
        clock: () => new Date(now),
        sleep: (ms) => {
          waits.push(ms);
          now += ms;
          return Promise.resolve();
        },
      },
      defaultRegistry(),
    );
    expect(res.outputs['wait']).toEqual({ state: 'done' });
    expect(calls).toBe(3);
    expect(waits).toEqual([10_000, 10_000]);
    expect(logs.some((l) => l.includes('step 1 (http "wait"): not done yet: http: GET'))).toBe(
      true,
    );
  });

  test('with retry.timeout a service that never gets ready fails at the timeout, saying so', async () => {
    handler = (_req, res) => json(res, 200, { state: 'rolling out' });
    let now = 0;
    await expect(
      runSteps(
        template([
          step(
            'http',
            {
              url: `${base}/stuck`,
              pollInterval: '20s',
              successExpression: 'response.body.state == "done"',
            },
            { retry: { timeoutMs: 60_000 } },
          ),
        ]),
        {
          ...engineCtx(),
          clock: () => new Date(now),
          sleep: (ms) => {
            now += ms;
            return Promise.resolve();
          },
        },
        defaultRegistry(),
      ),
    ).rejects.toThrow(/did not meet successExpression \(gave up: retry.timeout 1m reached\)$/);
    // Asked at 0 s, 20 s and 40 s; the next wait would pass the minute.
    expect(seen).toHaveLength(3);
  });
});

describe('http: bodyFromFile', () => {
  test('a payload an earlier step wrote is the body, sent as it is', async () => {
    const template: PromotionTemplate = {
      mode: 'direct',
      vars: [],
      steps: [
        {
          uses: 'file-write',
          config: { path: 'out/payload.yaml', contents: 'stage: ${{ ctx.stage }}\n' },
          continueOnError: false,
          vars: [],
        },
        {
          uses: 'http',
          config: { method: 'POST', url: `${base}/hook`, bodyFromFile: './out/payload.yaml' },
          continueOnError: false,
          vars: [],
        },
      ],
    };
    const { dir: wt, cleanup: done } = realTempDir('gantry-http-body-');
    try {
      await runSteps(
        template,
        {
          worktree: wt,
          project: 'echo',
          stage: 'dev',
          freight: ctx().freight,
          freightCollection: ctx().freightCollection,
          fetch,
          log: () => undefined,
        },
        defaultRegistry(),
      );
    } finally {
      done();
    }
    expect(seen).toHaveLength(1);
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.body).toBe('stage: dev\n');
    // As with a string body, no Content-Type of gantry's own.
    expect(seen[0]?.headers['content-type']).toBeUndefined();
  });

  test('with body, with GET, missing, too large or outside the checkout: an error and nothing sent', async () => {
    mkdirSync(path.join(dir, 'b'), { recursive: true });
    writeFileSync(path.join(dir, 'b', 'p.txt'), 'x');
    writeFileSync(path.join(dir, 'b', 'big.bin'), Buffer.alloc(MAX_RESPONSE_BYTES + 1));
    const post = { method: 'POST', url: `${base}/hook` };
    const cases: [Record<string, unknown>, string | RegExp][] = [
      [
        { ...post, body: 'y', bodyFromFile: 'b/p.txt' },
        'http: config.bodyFromFile: give body or bodyFromFile, not both',
      ],
      [
        { url: `${base}/hook`, bodyFromFile: 'b/p.txt' },
        'http: config.bodyFromFile: a GET request cannot have a body',
      ],
      [
        { ...post, bodyFromFile: 'b/none.txt' },
        'http: config.bodyFromFile: "b/none.txt": no such file',
      ],
      [{ ...post, bodyFromFile: 'b' }, 'http: config.bodyFromFile: "b" is not a file'],
      [
        { ...post, bodyFromFile: 'b/big.bin' },
        'http: config.bodyFromFile: "b/big.bin" is 2.0 MiB, more than the 2 MiB a request body may be',
      ],
      [
        { ...post, bodyFromFile: '../etc/passwd' },
        /http: bodyFromFile .*leads outside the checkout/,
      ],
      [{ ...post, bodyFromFile: 3 }, 'http: config.bodyFromFile: must be a string'],
    ];
    for (const [config, message] of cases) {
      const err = await failure(config);
      expect(err).toBeInstanceOf(ConfigError);
      expect(err.message).toMatch(message);
    }
    expect(seen).toHaveLength(0);
  });
});
