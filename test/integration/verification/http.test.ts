/**
 * The http provider against real local HTTP(S) servers, through the whole runner (real time, with
 * short intervals): what conditions see, and the fault cases with the outcome Argo Rollouts would
 * give: 500s until consecutiveErrorLimit, 500s that stop in time, flapping with failureLimit 1,
 * no data, no answer in time, secrets in headers.
 */
import { createServer as createHttpsServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { VerificationMetric } from '../../../src/pipeline/types.js';
import { http as provider } from '../../../src/verification/providers/http.js';
import { analyze, metric as providerMetric } from '../../support/analysis.js';
import { startServer, type LocalServer } from '../../support/helm.js';
import { selfSigned } from '../../support/tls.js';

let servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function serve(
  handler: (req: IncomingMessage, res: ServerResponse, n: number, body: string) => void,
): Promise<LocalServer> {
  const server = await startServer(async (req, res, n) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    handler(req, res, n, Buffer.concat(chunks).toString('utf8'));
  });
  servers.push(server);
  return server;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** An http metric named "health", with Argo's default consecutiveErrorLimit (4). */
const metric = (config: Record<string, unknown>, over: Partial<VerificationMetric> = {}) =>
  providerMetric('http', config, { name: 'health', consecutiveErrorLimit: 4, ...over });

const every = (n: number, ms = 20): Partial<VerificationMetric> => ({
  count: n,
  interval: `${ms}ms`,
  intervalMs: ms,
});

describe('http provider: what conditions see', () => {
  it('result is the JSON body at jsonPath; response.status and response.headers too', async () => {
    const srv = await serve((_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/json', 'x-version': '1.4.2' })
        .end(JSON.stringify({ data: { ok: true, items: [{ v: 1 }, { v: 2 }] } })),
    );
    const res = await analyze([
      metric(
        { url: `${srv.url}/healthz`, jsonPath: '{$.data.ok}' },
        { successCondition: 'result == true && response.status == 200' },
      ),
      metric(
        { url: `${srv.url}/healthz`, jsonPath: '{$.data.items[-1].v}' },
        {
          name: 'last',
          successCondition: 'result == 2 && response.headers["x-version"] == "1.4.2"',
        },
      ),
      metric(
        { url: `${srv.url}/healthz` },
        { name: 'whole', successCondition: 'len(result.data.items) == 2' },
      ),
    ]);
    expect(res.metrics.map((m) => [m.name, m.phase, m.measurements[0]?.value])).toEqual([
      ['health', 'Successful', 'true'],
      ['last', 'Successful', '2'],
      ['whole', 'Successful', '{"data":{"ok":true,"items":[{"v":1},{"v":2}]}}'],
    ]);
  });

  it('a body that is not JSON is the text (conditions still apply)', async () => {
    const srv = await serve((_req, res) => res.writeHead(200).end('ok'));
    const good = await analyze([metric({ url: srv.url }, { successCondition: 'result == "ok"' })]);
    expect(good.phase).toBe('Successful');
    const bad = await analyze([
      metric({ url: srv.url }, { successCondition: 'result == "ready"' }),
    ]);
    expect(bad.phase).toBe('Failed');
  });

  it('POST with jsonBody sends JSON; headers are sent; secrets in them are masked', async () => {
    const seen: { method?: string; type?: string; auth?: string; body?: string }[] = [];
    const srv = await serve((req, res, _n, body) => {
      seen.push({
        method: req.method,
        type: req.headers['content-type'],
        auth: req.headers.authorization,
        body,
      });
      json(res, 401, { error: `token ${req.headers.authorization ?? ''} is not valid` });
    });
    const token = 'tok-91c2f0aa7e';
    const lines: string[] = [];
    const res = await analyze(
      [
        metric(
          {
            url: `${srv.url}/api/check`,
            method: 'POST',
            jsonBody: { stage: '${{ ctx.stage }}', freight: '${{ ctx.freight.alias }}' },
            headers: [{ key: 'Authorization', value: 'Bearer ${{ env.TOKEN }}' }],
          },
          { consecutiveErrorLimit: 0 },
        ),
      ],
      { env: { TOKEN: token }, log: (l) => lines.push(l) },
    );
    expect(seen).toEqual([
      {
        method: 'POST',
        type: 'application/json',
        auth: `Bearer ${token}`,
        body: '{"stage":"dev","freight":"calm-otter"}',
      },
    ]);
    expect(res.phase).toBe('Error');
    expect(res.metrics[0]!.measurements[0]!.message).toBe(
      'received non 2xx response code: 401 (body: {"error":"token *** is not valid"})',
    );
    expect(JSON.stringify(res) + lines.join('\n')).not.toContain(token);
  });

  it('a jsonPath that finds nothing is an Error that says what is missing', async () => {
    const srv = await serve((_req, res) => json(res, 200, { data: {} }));
    const res = await analyze([
      metric({ url: srv.url, jsonPath: '{$.data.ok}' }, { consecutiveErrorLimit: 0 }),
    ]);
    expect(res.phase).toBe('Error');
    expect(res.metrics[0]!.measurements[0]!.message).toBe(
      'could not find jsonPath {$.data.ok} in the body: ok is not found in $.data',
    );
  });

  it('insecure skips TLS verification of a self-signed certificate (and only then works)', async () => {
    const server = createHttpsServer(await selfSigned(), (_req, res) =>
      json(res, 200, { ok: true }),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const strict = await analyze([metric({ url }, { consecutiveErrorLimit: 0 })]);
      expect(strict.phase).toBe('Error');
      expect(strict.metrics[0]!.measurements[0]!.message).toMatch(/self.signed certificate/i);
      const relaxed = await analyze([
        metric({ url, insecure: true }, { successCondition: 'result.ok' }),
      ]);
      expect(relaxed.phase).toBe('Successful');
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('http provider: fault cases', () => {
  it('500s until consecutiveErrorLimit is exceeded: Error, after limit + 1 requests', async () => {
    const srv = await serve((_req, res) => res.writeHead(500).end('upstream exploded'));
    const res = await analyze([
      metric({ url: srv.url }, { successCondition: 'result.ok', consecutiveErrorLimit: 3 }),
    ]);
    expect(res.phase).toBe('Error');
    expect(srv.requests).toHaveLength(4);
    expect(res.metrics[0]!.message).toBe(
      'consecutiveErrors (4) > consecutiveErrorLimit (3): received non 2xx response code: 500 (body: upstream exploded)',
    );
    expect(res.message).toBe(`metric "health" assessed Error: ${res.metrics[0]!.message}`);
  });

  it('500s that recover before consecutiveErrorLimit: Successful', async () => {
    const srv = await serve((_req, res, n) =>
      n < 3 ? res.writeHead(503).end() : json(res, 200, { ok: true }),
    );
    const res = await analyze([
      metric({ url: srv.url }, { successCondition: 'result.ok', consecutiveErrorLimit: 3 }),
    ]);
    expect(res.phase).toBe('Successful');
    expect(res.metrics[0]!.measurements.map((m) => m.phase)).toEqual([
      'Error',
      'Error',
      'Error',
      'Successful',
    ]);
    expect(res.metrics[0]!.message).toBe('count (1) reached: 1 Successful, 3 Error');
  });

  it('flapping between success and failure with failureLimit 1: Failed at the second failure', async () => {
    const srv = await serve((_req, res, n) => json(res, 200, { ok: n % 2 === 0 }));
    const res = await analyze([
      metric(
        { url: srv.url, jsonPath: '{$.ok}' },
        { successCondition: 'result', failureLimit: 1, ...every(6) },
      ),
    ]);
    expect(res.phase).toBe('Failed');
    expect(srv.requests).toHaveLength(4);
    expect(res.metrics[0]!.message).toBe(
      'failed (2) > failureLimit (1): successCondition "result" is false (result false)',
    );
  });

  it('no data: Inconclusive with both conditions; within inconclusiveLimit it can still pass', async () => {
    const empty = await serve((_req, res) => json(res, 200, { data: [] }));
    const stuck = await analyze([
      metric(
        { url: empty.url, jsonPath: '{$.data}' },
        {
          successCondition: 'len(result) > 0 && result[0] > 0',
          failureCondition: 'len(result) > 0 && result[0] <= 0',
        },
      ),
    ]);
    expect(stuck.phase).toBe('Inconclusive');
    expect(stuck.message).toMatch(
      /inconclusive \(1\) > inconclusiveLimit \(0\): neither successCondition/,
    );

    const late = await serve((_req, res, n) => json(res, 200, { data: n < 2 ? [] : [5] }));
    const ok = await analyze([
      metric(
        { url: late.url, jsonPath: '{$.data}' },
        {
          successCondition: 'len(result) > 0 && result[0] > 0',
          failureCondition: 'len(result) > 0 && result[0] <= 0',
          inconclusiveLimit: 2,
          ...every(3),
        },
      ),
    ]);
    expect(ok.phase).toBe('Successful');
    expect(ok.metrics[0]!.message).toBe(
      'count (3) reached: 1 Successful, 2 Inconclusive (inconclusiveLimit 2)',
    );
  });

  it('no answer within timeoutSeconds: Error naming the timeout', async () => {
    const srv = await startServer(() => {
      // Never answers.
    });
    servers.push(srv);
    const started = Date.now();
    const res = await analyze([
      metric({ url: `${srv.url}/slow`, timeoutSeconds: 1 }, { consecutiveErrorLimit: 1 }),
    ]);
    expect(res.phase).toBe('Error');
    expect(res.metrics[0]!.measurements.map((m) => m.message)).toEqual([
      `GET ${srv.url}/slow: no response within 1s`,
      `GET ${srv.url}/slow: no response within 1s`,
    ]);
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it("the metric's timeout also bounds a measurement", async () => {
    const srv = await startServer(() => {
      // Never answers.
    });
    servers.push(srv);
    const res = await analyze([
      metric({ url: srv.url }, { timeout: '300ms', timeoutMs: 300, consecutiveErrorLimit: 0 }),
    ]);
    expect(res.metrics[0]!.measurements[0]!.message).toBe('measurement timed out after 300ms');
  });
});

describe('http provider: parse', () => {
  const where = 'verification metric "smoke": provider http';
  const bad: [Record<string, unknown>, string][] = [
    [{}, 'url: is required'],
    [{ url: 'echo.acme.dev/healthz' }, 'url: "echo.acme.dev/healthz" is not an absolute URL'],
    [{ url: 'ftp://x/y' }, 'url: must be an http:// or https:// URL'],
    [{ url: 'https://x', method: 'FETCH' }, 'method: must be one of GET, POST, PUT, PATCH, DELETE'],
    [{ url: 'https://x', body: 'a' }, 'body: needs method POST, PUT, PATCH or DELETE'],
    [
      { url: 'https://x', method: 'POST', body: 'a', jsonBody: {} },
      'jsonBody: use either body or jsonBody, not both',
    ],
    [
      { url: 'https://x', timeoutSeconds: 0 },
      'timeoutSeconds: must be a whole number of seconds above 0',
    ],
    [
      { url: 'https://x', jsonPath: '{$.items[*].v}' },
      'jsonPath: jsonPath "{$.items[*].v}": the wildcard [*] is not supported',
    ],
    [
      { url: 'https://x', headers: [{ key: 'Bad Header', value: 'x' }] },
      'headers[0]: header name must be a token',
    ],
    [
      { url: 'https://x', jsonpath: '{$.a}' },
      'jsonpath: is not a field of the http provider (did you mean "jsonPath"?)',
    ],
  ];
  it.each(bad)('%j → %s', (config, message) => {
    expect(() => provider.parse(config, where)).toThrow(`${where}: ${message}`);
  });

  it('accepts Argo headers [{key, value}], [{name, value}] and a mapping', () => {
    for (const headers of [
      [{ key: 'X-A', value: '1' }],
      [{ name: 'X-A', value: '1' }],
      { 'X-A': '1' },
    ]) {
      expect(provider.parse({ url: 'https://x/', headers }, where).headers).toEqual([
        { name: 'X-A', value: '1' },
      ]);
    }
  });
});
