import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import {
  chartIndexURL,
  discoverCharts,
  isOciChartURL,
  listHttpChartVersions,
  ociChartRepository,
  selectChartVersions,
  type ChartDeps,
} from '../../../src/discovery/helm.js';
import { parseRetryAfter } from '../../../src/util/retry.js';
import type { ChartSubscription } from '../../../src/pipeline/types.js';
import { normalizeChartURL, normalizeImageURL } from '../../../src/urls/index.js';
import { ConfigError } from '../../../src/util/errors.js';
import {
  fetchOciTagLister,
  generateIndex,
  generatedChartName,
  generatedVersion,
  startServer,
  type Handler,
  type LocalServer,
} from '../../support/helm.js';

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handler: Handler): Promise<LocalServer> {
  const s = await startServer(handler);
  servers.push(s);
  return s;
}

/** Serves `body` (or a function of the request number) at any path ending in index.yaml. */
async function serveIndex(body: string | Buffer): Promise<LocalServer> {
  return serve((req, res) => {
    if (!req.url?.split('?')[0]?.endsWith('/index.yaml')) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'application/x-yaml' }).end(body);
  });
}

interface Recorded {
  deps: ChartDeps;
  sleeps: number[];
  lines: string[];
}

function deps(extra: Partial<ChartDeps> = {}): Recorded {
  const sleeps: number[] = [];
  const lines: string[] = [];
  return {
    sleeps,
    lines,
    deps: {
      timeoutMs: 2_000,
      listOciTags: () => Promise.reject(new Error('no OCI in this test')),
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
      log: { info: (l) => lines.push(`info ${l}`), warn: (l) => lines.push(`warn ${l}`) },
      retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 40 },
      ...extra,
    },
  };
}

const sub = (over: Partial<ChartSubscription>): ChartSubscription => ({
  repoURL: 'http://127.0.0.1:1',
  discoveryLimit: 20,
  ...over,
});

const versions = (found: { version: string }[]): string[] => found.map((c) => c.version);

// Kargo's http_selector_test fixture.
const FAKE_INDEX = `apiVersion: v1
entries:
  fake-chart:
  - version: 1.0.0
  - version: 1.1.0
  - version: 1.2.0
`;

describe('conformance J: Test_baseSelector_filterSemvers', () => {
  it.each([
    ['^1.2.3', [], []],
    ['=4.5.6', ['1.2.3', '4.5.6', '7.8.9'], ['4.5.6']],
    ['>=4.5.6 <7.8.9', ['1.2.3', '4.5.6', '7.8.9'], ['4.5.6']],
    // Pre-releases opted in by the constraint's own `-0`; newest first here (Kargo sorts later).
    ['1.2.x-0', ['1.2.3-alpha.1', '1.2.3-beta.2', '1.3.0'], ['1.2.3-beta.2', '1.2.3-alpha.1']],
    ['1.2.x', ['1.2.3', '1.2.4', '1.3.0'], ['1.2.4', '1.2.3']],
  ])('%s of %j keeps %j', (constraint, input, kept) => {
    expect(selectChartVersions(input, constraint, 0)).toEqual(kept);
  });
});

describe('selectChartVersions', () => {
  it('keeps the original strings (Test_baseSelector_semversToVersionStrings)', () => {
    expect(selectChartVersions(['1.2.3-alpha.1', '1.2.3+build.1'], undefined, 0)).toEqual([
      '1.2.3+build.1',
      '1.2.3-alpha.1',
    ]);
    expect(selectChartVersions(['v1.2', '1', 'latest', '1.0.0_x'], undefined, 0)).toEqual([
      'v1.2',
      '1',
    ]);
  });

  it('keeps pre-releases without a constraint (as Kargo does), not with one that names none', () => {
    const all = ['2.0.0-rc.1', '1.9.0', '1.10.0-beta'];
    expect(selectChartVersions(all, undefined, 0)).toEqual(['2.0.0-rc.1', '1.10.0-beta', '1.9.0']);
    expect(selectChartVersions(all, '', 0)).toEqual(['2.0.0-rc.1', '1.10.0-beta', '1.9.0']);
    expect(selectChartVersions(all, '>=1', 0)).toEqual(['1.9.0']);
    expect(selectChartVersions(all, '>=1.0.0-0', 0)).toEqual([
      '2.0.0-rc.1',
      '1.10.0-beta',
      '1.9.0',
    ]);
  });

  it('sorts by precedence, applies the limit, drops exact repeats', () => {
    const input = ['1.0.0', '1.10.0', '1.2.0', '1.10.0', '0.9.0', '1.2.0+b'];
    expect(selectChartVersions(input, undefined, 3)).toEqual(['1.10.0', '1.2.0+b', '1.2.0']);
    expect(selectChartVersions(input, '<1.2', 20)).toEqual(['1.0.0', '0.9.0']);
  });
});

describe('conformance J: Test_httpSelector_Select', () => {
  it('lists the chart newest first', async () => {
    const s = await serveIndex(FAKE_INDEX);
    const found = await discoverCharts(sub({ repoURL: s.url, name: 'fake-chart' }), deps().deps);
    expect(versions(found)).toEqual(['1.2.0', '1.1.0', '1.0.0']);
  });

  it('never shows a signed URL’s query values in its errors', async () => {
    const s = await serve((_req, res) => void res.writeHead(404).end('not found'));
    const err = await discoverCharts(
      sub({ repoURL: `${s.url}/charts?sig=SIGNATURE-SECRET&exp=1`, name: 'fake-chart' }),
      deps().deps,
    ).then(
      () => new Error('discovery did not fail'),
      (e: unknown) => e as Error,
    );
    expect(err.message).toContain('received unexpected HTTP 404');
    expect(err.message).toContain('?sig=***&exp=***');
    expect(err.message).not.toContain('SIGNATURE-SECRET');
  });

  it('gives no versions and no error for a chart the index does not list', async () => {
    const s = await serveIndex(FAKE_INDEX);
    expect(await discoverCharts(sub({ repoURL: s.url, name: 'nope' }), deps().deps)).toEqual([]);
  });

  it('fails on HTTP 404', async () => {
    const s = await serve((_req, res) => void res.writeHead(404).end('not found'));
    await expect(
      discoverCharts(sub({ repoURL: s.url, name: 'fake-chart' }), deps().deps),
    ).rejects.toThrow('received unexpected HTTP 404');
    expect(s.requests).toHaveLength(1); // not retried
  });

  it('fails on a body that is not an index', async () => {
    const s = await serveIndex("this isn't yaml");
    await expect(
      discoverCharts(sub({ repoURL: s.url, name: 'fake-chart' }), deps().deps),
    ).rejects.toThrow('error unmarshaling repository index');
  });
});

describe('classic repositories', () => {
  it.each([
    ['http://h.example', 'http://h.example/index.yaml'],
    ['http://h.example/', 'http://h.example/index.yaml'],
    ['https://h.example/charts', 'https://h.example/charts/index.yaml'],
    ['https://h.example/charts/', 'https://h.example/charts/index.yaml'],
    ['https://h.example/charts//', 'https://h.example/charts/index.yaml'],
    [' https://h.example/a/b?sig=x#frag ', 'https://h.example/a/b/index.yaml?sig=x'],
    ['HTTPS://H.example:8443/Charts', 'https://h.example:8443/Charts/index.yaml'],
  ])('the index of %j is %j', (repo, url) => {
    expect(chartIndexURL(repo)).toEqual({ url });
  });

  it('takes user info out of the URL as credentials', () => {
    expect(chartIndexURL('https://bob:p%40ss@h.example/charts')).toEqual({
      url: 'https://h.example/charts/index.yaml',
      credentials: { username: 'bob', password: 'p@ss' },
    });
    expect(() => chartIndexURL('ftp://h.example/')).toThrow(ConfigError);
    expect(() => chartIndexURL('https://')).toThrow(ConfigError);
  });

  it('requests the index under the repository path, with or without a trailing slash', async () => {
    const s = await serveIndex(FAKE_INDEX);
    for (const repo of [`${s.url}/sub/charts`, `${s.url}/sub/charts/`]) {
      await discoverCharts(sub({ repoURL: repo, name: 'fake-chart' }), deps().deps);
    }
    expect(s.requests.map((r) => r.path)).toEqual([
      '/sub/charts/index.yaml',
      '/sub/charts/index.yaml',
    ]);
  });

  it('filters by the constraint and keeps at most discoveryLimit', async () => {
    const s = await serveIndex(
      'entries:\n  c:\n' +
        ['1.0.0', '1.1.0', '1.2.0-rc.1', '1.2.0', '2.0.0', 'junk', '1.2.1+build.7']
          .map((v) => `  - version: ${v}\n`)
          .join(''),
    );
    const d = deps().deps;
    const found = await discoverCharts(
      sub({ repoURL: s.url, name: 'c', semverConstraint: '^1.1', discoveryLimit: 2 }),
      d,
    );
    expect(versions(found)).toEqual(['1.2.1+build.7', '1.2.0']);
    const pre = await discoverCharts(
      sub({ repoURL: s.url, name: 'c', semverConstraint: '1.2.x-0' }),
      d,
    );
    expect(versions(pre)).toEqual(['1.2.1+build.7', '1.2.0', '1.2.0-rc.1']);
  });

  it('reads gzip-encoded, CRLF and JSON indexes', async () => {
    const crlf = FAKE_INDEX.replace(/\n/g, '\r\n');
    const json = JSON.stringify({
      apiVersion: 'v1',
      entries: { 'fake-chart': [{ version: '3.0.0' }] },
    });
    const s = await serve((req, res) => {
      if (req.url === '/gz/index.yaml') {
        res.writeHead(200, { 'Content-Encoding': 'gzip' }).end(gzipSync(FAKE_INDEX));
      } else if (req.url === '/crlf/index.yaml') res.writeHead(200).end(crlf);
      else if (req.url === '/json/index.yaml') res.writeHead(200).end(json);
      else res.writeHead(404).end();
    });
    const d = deps().deps;
    for (const [path, expected] of [
      ['gz', ['1.2.0', '1.1.0', '1.0.0']],
      ['crlf', ['1.2.0', '1.1.0', '1.0.0']],
      ['json', ['3.0.0']],
    ] as const) {
      const found = await discoverCharts(
        sub({ repoURL: `${s.url}/${path}`, name: 'fake-chart' }),
        d,
      );
      expect(versions(found), path).toEqual(expected);
    }
  });

  it('says when it had to parse an index whole', async () => {
    const s = await serveIndex('entries: {fake-chart: [{version: 1.0.0}]}\n');
    const r = deps();
    expect(
      versions(await discoverCharts(sub({ repoURL: s.url, name: 'fake-chart' }), r.deps)),
    ).toEqual(['1.0.0']);
    expect(r.lines.join('\n')).toMatch(/layout the fast scanner does not read .*parsed it whole/);
  });

  it('reads a large index in Helm layout', async () => {
    const body = generateIndex({ charts: 40, versionsPerChart: 500 });
    expect(body.length).toBeGreaterThan(5_000_000);
    const s = await serveIndex(body);
    const r = deps();
    const found = await discoverCharts(
      sub({ repoURL: s.url, name: generatedChartName(39), semverConstraint: '~4.9' }),
      r.deps,
    );
    expect(versions(found)).toEqual(Array.from({ length: 10 }, (_, i) => `4.9.${9 - i}`));
    expect(r.lines.some((l) => l.startsWith('warn'))).toBe(false);
  });

  it('keeps only maxParsedIndexBytes for the fallback parsers: the scanner reads the rest', async () => {
    const body = generateIndex({ charts: 4, versionsPerChart: 100 });
    const keep = 16 * 1024;
    expect(body.length).toBeGreaterThan(4 * keep);
    const s = await serveIndex(body);
    const found = await discoverCharts(
      sub({ repoURL: s.url, name: generatedChartName(3), discoveryLimit: 3 }),
      deps({ maxParsedIndexBytes: keep }).deps,
    );
    expect(versions(found)).toEqual([99, 98, 97].map(generatedVersion));
    // JSON needs the whole text, which was not kept: a clear error, not a wrong answer.
    const json = await serveIndex(JSON.stringify(parse(body)));
    await expect(
      discoverCharts(
        sub({ repoURL: json.url, name: generatedChartName(3) }),
        deps({ maxParsedIndexBytes: keep }).deps,
      ),
    ).rejects.toThrow(
      new RegExp(
        `^${json.url}/index\\.yaml: the index is \\d+\\.\\d KiB, in a layout the fast scanner does not read \\(line 1: JSON or flow-style document\\), and more than the 16 KiB gantry parses whole$`,
      ),
    );
  });

  it('refuses an index larger than maxIndexBytes', async () => {
    const s = await serveIndex(generateIndex({ charts: 2, versionsPerChart: 100 }));
    await expect(
      discoverCharts(
        sub({ repoURL: s.url, name: 'chart-0000' }),
        deps({ maxIndexBytes: 10_000 }).deps,
      ),
    ).rejects.toThrow(
      `the Helm index from ${s.url}/index.yaml is larger than 9.8 KiB, the most gantry reads`,
    );
    const declared = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Length': '20000' }).end('x'.repeat(20_000));
    });
    await expect(
      discoverCharts(
        sub({ repoURL: declared.url, name: 'c' }),
        deps({ maxIndexBytes: 10_000 }).deps,
      ),
    ).rejects.toThrow(
      `the Helm index from ${declared.url}/index.yaml is larger than 9.8 KiB, the most gantry reads (it announced Content-Length: 20000)`,
    );
  });
});

describe('classic repositories: faults', () => {
  it('retries a 500 and succeeds', async () => {
    const s = await serve((_req, res, n) => {
      if (n === 0) return void res.writeHead(500).end('oops');
      res.writeHead(200).end(FAKE_INDEX);
    });
    const r = deps();
    const found = await discoverCharts(sub({ repoURL: s.url, name: 'fake-chart' }), r.deps);
    expect(versions(found)).toEqual(['1.2.0', '1.1.0', '1.0.0']);
    expect(s.requests).toHaveLength(2);
    expect(r.sleeps).toHaveLength(1);
    expect(r.lines.join('\n')).toMatch(/HTTP 500.*try 2 of 3/);
  });

  it('honours Retry-After on 429', async () => {
    const s = await serve((_req, res, n) => {
      if (n === 0) return void res.writeHead(429, { 'Retry-After': '2' }).end();
      res.writeHead(200).end(FAKE_INDEX);
    });
    const r = deps();
    await discoverCharts(sub({ repoURL: s.url, name: 'fake-chart' }), r.deps);
    expect(r.sleeps).toEqual([2000]);
  });

  it('gives up at once when Retry-After is longer than it waits', async () => {
    const s = await serve((_req, res) => void res.writeHead(429, { 'Retry-After': '3600' }).end());
    await expect(
      discoverCharts(sub({ repoURL: s.url, name: 'fake-chart' }), deps().deps),
    ).rejects.toThrow(/HTTP 429.*retry after 3600 s, longer than 60 s/);
    expect(s.requests).toHaveLength(1);
  });

  it('runs out of retries on a 5xx that does not go away', async () => {
    const s = await serve((_req, res) => void res.writeHead(503).end());
    const r = deps();
    await expect(
      discoverCharts(sub({ repoURL: s.url, name: 'fake-chart' }), r.deps),
    ).rejects.toThrow(/received unexpected HTTP 503 .*\(gave up after 3 tries\)/);
    expect(s.requests).toHaveLength(3);
    expect(r.sleeps).toHaveLength(2);
  });

  it('times out on a server that does not answer, without hanging', async () => {
    const s = await serve(() => undefined); // never responds
    const r = deps({ timeoutMs: 150, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    const t0 = Date.now();
    await expect(
      discoverCharts(sub({ repoURL: s.url, name: 'fake-chart' }), r.deps),
    ).rejects.toThrow(/no response from .* within 150 ms \(gave up after 2 tries\)/);
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(s.requests).toHaveLength(2);
  });

  it('times out on an index that stops arriving', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200);
      res.write('apiVersion: v1\nentries:\n  fake-chart:\n'); // …and nothing more
    });
    const r = deps({ timeoutMs: 150, retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    await expect(
      discoverCharts(sub({ repoURL: s.url, name: 'fake-chart' }), r.deps),
    ).rejects.toThrow(/the index stopped arriving \(nothing for 150 ms after 38 B\)/);
  });

  it('a slow but steady index is not a timeout', async () => {
    const lines = FAKE_INDEX.split(/(?<=\n)/);
    const s = await serve(async (_req, res) => {
      res.writeHead(200);
      for (const line of lines) {
        res.write(line);
        await new Promise((r) => setTimeout(r, 60));
      }
      res.end();
    });
    const found = await discoverCharts(
      sub({ repoURL: s.url, name: 'fake-chart' }),
      deps({ timeoutMs: 150 }).deps,
    );
    expect(versions(found)).toEqual(['1.2.0', '1.1.0', '1.0.0']);
  });

  it('reports a refused connection after retrying', async () => {
    const s = await serve(() => undefined);
    const url = s.url;
    await s.close();
    servers.length = 0;
    await expect(discoverCharts(sub({ repoURL: url, name: 'c' }), deps().deps)).rejects.toThrow(
      /cannot reach http:\/\/127\.0\.0\.1:\d+\/index\.yaml: ECONNREFUSED.*\(gave up after 3 tries\)/,
    );
  });

  it('checks the constraint and the name before any request', async () => {
    const d = deps().deps;
    await expect(discoverCharts(sub({ name: 'c', semverConstraint: '>=> 1' }), d)).rejects.toThrow(
      ConfigError,
    );
    await expect(discoverCharts(sub({}), d)).rejects.toThrow(/name \(the chart name\) is required/);
    await expect(
      discoverCharts(sub({ repoURL: 'oci://r.example/c', name: 'c' }), d),
    ).rejects.toThrow(/name must be omitted for oci:\/\/ charts/);
  });
});

describe('classic repositories: credentials', () => {
  const USER = 'alice';
  const PASSWORD = 's3cret-passw0rd';
  const good = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

  async function guarded(): Promise<LocalServer> {
    return serve((req, res) => {
      if (req.headers.authorization !== good) {
        return void res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="charts"' }).end();
      }
      res.writeHead(200).end(FAKE_INDEX);
    });
  }

  it('sends basic auth from deps', async () => {
    const s = await guarded();
    const found = await discoverCharts(
      sub({ repoURL: s.url, name: 'fake-chart' }),
      deps({ credentials: { username: USER, password: PASSWORD } }).deps,
    );
    expect(versions(found)).toHaveLength(3);
  });

  it('sends basic auth from the URL, and never prints it', async () => {
    const s = await guarded();
    const repoURL = s.url.replace('http://', `http://${USER}:${PASSWORD}@`);
    const r = deps();
    expect(
      versions(await discoverCharts(sub({ repoURL, name: 'fake-chart' }), r.deps)),
    ).toHaveLength(3);
    expect(r.lines.join('\n')).not.toContain(PASSWORD);
  });

  it('says a wrong password was refused, without printing it', async () => {
    const s = await guarded();
    const r = deps({ credentials: { username: USER, password: 'wrong-password' } });
    const err = await discoverCharts(sub({ repoURL: s.url, name: 'fake-chart' }), r.deps).catch(
      (e: unknown) => e as Error,
    );
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/HTTP 401 .*\(the credentials were refused\)/);
    expect((err as Error).message).not.toContain('wrong-password');
    expect(r.lines.join('\n')).not.toContain('wrong-password');
    const bare = await discoverCharts(
      sub({ repoURL: s.url, name: 'fake-chart' }),
      deps().deps,
    ).catch((e: unknown) => e as Error);
    expect((bare as Error).message).toMatch(/HTTP 401 .*\(the repository wants credentials\)/);
  });

  it('keeps URL credentials out of errors', async () => {
    const s = await serve((_req, res) => void res.writeHead(404).end());
    const repoURL = s.url.replace('http://', `http://${USER}:${PASSWORD}@`);
    const err = await listHttpChartVersions(repoURL, 'c', deps().deps).catch(
      (e: unknown) => e as Error,
    );
    expect((err as Error).message).toContain('received unexpected HTTP 404');
    expect((err as Error).message).not.toContain(PASSWORD);
    expect(s.requests[0]?.authorization).toBe(good);
  });
});

describe('OCI repositories', () => {
  it.each([
    ['oci://ghcr.io/acme/charts/echo', 'ghcr.io/acme/charts/echo'],
    ['  OCI://GHCR.io/Acme/Echo/ ', 'ghcr.io/acme/echo'],
    ['oci://127.0.0.1:5000/charts/demo', '127.0.0.1:5000/charts/demo'],
    [
      '\uFEFFoci://registry-1.docker.io/bitnamicharts/redis',
      'registry-1.docker.io/bitnamicharts/redis',
    ],
  ])('%j is listed as %j', (url, repository) => {
    expect(isOciChartURL(url)).toBe(true);
    expect(ociChartRepository(url)).toBe(repository);
  });

  it('agrees with NormalizeChart (conformance G) on which repository an oci:// URL names', () => {
    for (const url of [
      'oci://repo',
      '  oci://repo  ',
      'OCI://Repo',
      'oci://docker.io/example/repo',
      'oci://index.docker.io/example/repo',
      'oci://registry-1.docker.io/example/repo',
      'oci://ghcr.io/acme/charts/echo',
    ]) {
      expect(normalizeImageURL(ociChartRepository(url)), url).toBe(normalizeChartURL(url));
    }
    expect(isOciChartURL('https://charts.example.com')).toBe(false);
  });

  it('reads `_` in tags as `+` and selects like a classic repository', async () => {
    const seen: string[] = [];
    const d = deps({
      listOciTags: (repository) => {
        seen.push(repository);
        return Promise.resolve(['1.0.0', '1.2.3_build.1', '2.0.0-rc.1_sha.abc', 'latest', '1.1.0']);
      },
    }).deps;
    const all = await discoverCharts(sub({ repoURL: 'oci://r.example/charts/c' }), d);
    expect(versions(all)).toEqual(['2.0.0-rc.1+sha.abc', '1.2.3+build.1', '1.1.0', '1.0.0']);
    const some = await discoverCharts(
      sub({ repoURL: 'oci://r.example/charts/c', semverConstraint: '^1.1', discoveryLimit: 1 }),
      d,
    );
    expect(versions(some)).toEqual(['1.2.3+build.1']);
    expect(seen).toEqual(['r.example/charts/c', 'r.example/charts/c']);
  });

  it('lists tags through the distribution API of a local server', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/v2/charts/demo/tags/list') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return void res.end(
          JSON.stringify({ name: 'charts/demo', tags: ['0.1.0', '0.2.0_b.1', '0.10.0'] }),
        );
      }
      res.writeHead(404).end();
    });
    const repoURL = `oci://${s.url.slice('http://'.length)}/charts/demo`;
    const found = await discoverCharts(
      sub({ repoURL }),
      deps({ listOciTags: fetchOciTagLister() }).deps,
    );
    expect(versions(found)).toEqual(['0.10.0', '0.2.0+b.1', '0.1.0']);
  });

  it('passes registry errors through', async () => {
    const d = deps({ listOciTags: () => Promise.reject(new Error('registry said no')) }).deps;
    await expect(discoverCharts(sub({ repoURL: 'oci://r.example/c' }), d)).rejects.toThrow(
      'registry said no',
    );
  });
});

describe('parseRetryAfter', () => {
  it.each([
    [null, undefined],
    ['3', 3000],
    [' 0 ', 0],
    ['soon', undefined],
    ['Wed, 21 Oct 2015 07:28:10 GMT', 10_000],
    ['Wed, 21 Oct 2015 07:27:00 GMT', 0],
  ])('%j', (value, ms) => {
    expect(parseRetryAfter(value, Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(ms);
  });
});
