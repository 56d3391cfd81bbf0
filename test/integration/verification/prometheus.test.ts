/**
 * The prometheus provider against Debian's real Prometheus (test/support/prometheus.ts), with
 * data preloaded through promtool, through the whole runner: a query that succeeds, one that
 * fails the condition, an empty result, a bad query (Prometheus' error body), an unreachable
 * address, a server that does not answer in time, auth headers, and templates in the query.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerificationMetric } from '../../../src/pipeline/types.js';
import { prometheus as provider } from '../../../src/verification/providers/prometheus.js';
import { analyze, metric as providerMetric, type AnalyzeOptions } from '../../support/analysis.js';
import {
  hasPrometheus,
  PROMETHEUS_MISSING,
  startPrometheus,
  type TestPrometheus,
} from '../../support/prometheus.js';

const NOW = Math.floor(Date.now() / 1000);
// 30 s old: inside the default 5 m look-back of an instant query at NOW.
const SEED = [
  '# TYPE success_rate gauge',
  `success_rate{app="echo",stage="dev"} 0.99 ${NOW - 30}`,
  `success_rate{app="web",stage="dev"} 0.42 ${NOW - 30}`,
  `success_rate{app="echo",stage="prod"} 0.97 ${NOW - 30}`,
  '# TYPE latency_seconds gauge',
  `latency_seconds{app="echo"} NaN ${NOW - 30}`,
].join('\n');

const metric = (
  name: string,
  config: Record<string, unknown>,
  over: Partial<VerificationMetric> = {},
) => providerMetric('prometheus', config, { name, ...over });

/** Through the runner, at NOW (the seeded samples are 30 s old then), in stage dev. */
const analyse = (metrics: VerificationMetric[], more: AnalyzeOptions = {}) =>
  analyze(metrics, { target: { stage: 'dev' }, clock: () => new Date(NOW * 1000), ...more });

if (!hasPrometheus()) console.warn(`skipping the Prometheus tests: ${PROMETHEUS_MISSING}`);

describe.skipIf(!hasPrometheus())('prometheus provider against a real Prometheus', () => {
  let prom: TestPrometheus;
  beforeAll(async () => {
    prom = await startPrometheus({ openMetrics: SEED });
  });
  afterAll(async () => {
    await prom?.close();
  });

  it('a vector that meets successCondition: Successful, with Argo-style value', async () => {
    const res = await analyse([
      metric(
        'success-rate',
        { address: prom.url, query: 'success_rate{app="echo",stage="dev"}' },
        { successCondition: 'result[0] >= 0.95' },
      ),
    ]);
    expect(res.phase).toBe('Successful');
    expect(res.metrics[0]!.measurements[0]).toMatchObject({ phase: 'Successful', value: '[0.99]' });
  });

  it('a vector that does not: Failed, and the message shows the value and the condition', async () => {
    const res = await analyse([
      metric(
        'success-rate',
        { address: prom.url, query: 'success_rate{app="web"}' },
        { successCondition: 'result[0] >= 0.95' },
      ),
    ]);
    expect(res.phase).toBe('Failed');
    expect(res.message).toBe(
      'metric "success-rate" assessed Failed: failed (1) > failureLimit (0): successCondition "result[0] >= 0.95" is false (result [0.42])',
    );
  });

  it('several series: every value, in order; a scalar: the number', async () => {
    const res = await analyse([
      metric(
        'all',
        { address: prom.url, query: 'sort(success_rate{app="echo"})' },
        { successCondition: 'len(result) == 2 && all(result, # > 0.95)' },
      ),
      metric(
        'scalar',
        { address: prom.url, query: 'scalar(success_rate{app="web"}) * 2' },
        { successCondition: 'result == 0.84' },
      ),
      metric(
        'nan',
        { address: prom.url, query: 'latency_seconds' },
        { successCondition: 'isNaN(result[0])' },
      ),
    ]);
    expect(res.metrics.map((m) => [m.name, m.phase, m.measurements[0]?.value])).toEqual([
      ['all', 'Successful', '[0.97,0.99]'],
      ['scalar', 'Successful', '0.84'],
      ['nan', 'Successful', '[NaN]'],
    ]);
  });

  it('an empty result is [] for the conditions: Inconclusive with both conditions', async () => {
    const res = await analyse([
      metric(
        'success-rate',
        { address: prom.url, query: 'success_rate{app="nope"}' },
        {
          successCondition: 'len(result) > 0 && result[0] >= 0.95',
          failureCondition: 'len(result) > 0 && result[0] < 0.5',
        },
      ),
    ]);
    expect(res.phase).toBe('Inconclusive');
    expect(res.metrics[0]!.measurements[0]).toMatchObject({ phase: 'Inconclusive', value: '[]' });
    expect(res.message).toMatch(
      /assessed Inconclusive: inconclusive \(1\) > inconclusiveLimit \(0\)/,
    );
  });

  it("a bad query: Error with Prometheus' own message", async () => {
    const res = await analyse([
      metric(
        'broken',
        { address: prom.url, query: 'sum(success_rate' },
        { successCondition: 'true' },
      ),
    ]);
    expect(res.phase).toBe('Error');
    const message = res.metrics[0]!.measurements[0]!.message ?? '';
    expect(message).toMatch(/^bad_data: (invalid parameter "query": )?.*parse error/);
    expect(res.message).toContain('consecutiveErrors (1) > consecutiveErrorLimit (0): bad_data:');
  });

  it('a range query result (matrix) is not supported, as in Argo', async () => {
    const res = await analyse([metric('matrix', { address: prom.url, query: 'success_rate[5m]' })]);
    expect(res.phase).toBe('Error');
    expect(res.metrics[0]!.measurements[0]!.message).toMatch(
      /^Prometheus metric type not supported: matrix/,
    );
  });

  it('templates in the query: ${{ ctx.stage }}', async () => {
    const res = await analyse([
      metric(
        'templated',
        {
          address: prom.url,
          query: 'success_rate{app="echo",stage="${{ ctx.stage }}"}',
        },
        { successCondition: 'result == [0.99]' },
      ),
    ]);
    expect(res.phase).toBe('Successful');
  });

  it('an unreachable address: Error that says the connection was refused', async () => {
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const { port } = srv.address() as AddressInfo;
    await new Promise<void>((r) => srv.close(() => r()));
    const res = await analyse([
      metric('down', { address: `http://127.0.0.1:${port}`, query: 'up' }),
    ]);
    expect(res.phase).toBe('Error');
    expect(res.metrics[0]!.measurements[0]!.message).toBe(
      `POST http://127.0.0.1:${port}/api/v1/query: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
  });

  it('no answer within timeout: Error naming the timeout', async () => {
    const hung: Server = createServer(() => {
      // Never answers.
    });
    await new Promise<void>((r) => hung.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(hung.address() as AddressInfo).port}`;
    try {
      const started = Date.now();
      const res = await analyse([metric('slow', { address: url, query: 'up', timeout: 1 })]);
      expect(res.phase).toBe('Error');
      expect(res.metrics[0]!.measurements[0]!.message).toBe(
        `POST ${url}/api/v1/query: no response within 1s`,
      );
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      hung.closeAllConnections();
      await new Promise<void>((r) => hung.close(() => r()));
    }
  });

  it('parse: checks the fields and names the one at fault', () => {
    expect(() => provider.parse({ query: 'up' }, 'm')).toThrow('m: address: is required');
    expect(() => provider.parse({ address: 'prometheus:9090', query: 'up' }, 'm')).toThrow(
      'm: address: must be an http:// or https:// URL, not "prometheus:9090"',
    );
    expect(() => provider.parse({ address: 'http://p', query: 'up', tiemout: 3 }, 'm')).toThrow(
      'm: tiemout: is not a field of the prometheus provider (did you mean "timeout"?)',
    );
    expect(provider.parse({ address: 'http://p:9090/', query: 'up', timeout: '2s' }, 'm')).toEqual({
      address: 'http://p:9090',
      query: 'up',
      timeoutMs: 2000,
      headers: [],
      insecure: false,
    });
  });
});

describe.skipIf(!hasPrometheus())('prometheus provider with auth headers', () => {
  let prom: TestPrometheus;
  beforeAll(async () => {
    prom = await startPrometheus({
      openMetrics: SEED,
      basicAuth: { user: 'alice', password: 's3cret-pw' },
    });
  });
  afterAll(async () => {
    await prom?.close();
  });

  const basic = Buffer.from('alice:s3cret-pw').toString('base64');

  it('an Authorization header from the environment gets in, and stays out of messages', async () => {
    const res = await analyse(
      [
        metric(
          'authed',
          {
            address: prom.url,
            query: 'success_rate{app="echo",stage="dev"}',
            headers: [{ key: 'Authorization', value: 'Basic ${{ env.PROM_BASIC }}' }],
          },
          { successCondition: 'result[0] > 0.9' },
        ),
      ],
      { env: { PROM_BASIC: basic } },
    );
    expect(res.phase).toBe('Successful');
  });

  it('without it: Error with the status, and no secret in sight', async () => {
    const lines: string[] = [];
    const res = await analyse(
      [
        metric('unauthed', {
          address: prom.url,
          query: 'up',
          headers: [{ key: 'Authorization', value: 'Basic ${{ env.PROM_BASIC }}' }],
        }),
      ],
      {
        env: { PROM_BASIC: Buffer.from('alice:wrong-pw').toString('base64') },
        log: (l) => lines.push(l),
      },
    );
    expect(res.phase).toBe('Error');
    expect(res.metrics[0]!.measurements[0]!.message).toMatch(
      /^server returned HTTP status 401 Unauthorized/,
    );
    expect(JSON.stringify(res) + lines.join('\n')).not.toContain(
      Buffer.from('alice:wrong-pw').toString('base64'),
    );
  });
});
