/**
 * Every HTTP body gantry reads is cut at a cap, whatever the server does: stream forever without
 * a Content-Length, announce 10 GiB, or send a small gzip body that inflates past the cap (a
 * Content-Length that tells the compressed size only). Each client must fail with an error that
 * names the URL (no query values) and the cap, and the server must not have been read much past
 * the cap: a client that buffered until a timeout would have taken far more.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { listHttpChartVersions } from '../../src/discovery/helm.js';
import { RegistryClient } from '../../src/discovery/oci/client.js';
import { parseImageRepository } from '../../src/discovery/oci/reference.js';
import { GITHUB_MAX_BODY_BYTES, GitHubClient } from '../../src/github/client.js';
import { MAX_RESPONSE_BYTES, http as httpStep } from '../../src/promotion/steps/http.js';
import { BodyTooLargeError, formatBytes } from '../../src/util/http-body.js';
import { ARGOCD_MAX_BODY_BYTES, argocd } from '../../src/verification/providers/argocd.js';
import { DATADOG_MAX_BODY_BYTES, datadog } from '../../src/verification/providers/datadog.js';
import { http as httpProvider } from '../../src/verification/providers/http.js';
import { prometheus } from '../../src/verification/providers/prometheus.js';
import { MAX_BODY_BYTES } from '../../src/verification/providers/request.js';
import { providerHarness, thrownBy } from '../support/analysis.js';
import {
  HOSTILITIES,
  startHostileServer,
  type HostileServer,
  type Hostility,
} from '../support/hostile-http.js';
import { realTempDir, stepContext } from '../support/steps.js';

/** What socket buffers on both ends may hold beyond what the client read. */
const SLACK = 16 << 20;
const WHERE = 'stages[0].verification.metrics[0].provider';
const COMMIT = 'c0ffee0123456789abcdef0123456789abcdef01';

let server: HostileServer;
let requests: string[];

beforeEach(async () => {
  requests = [];
  server = await startHostileServer((req, res, hostile, base) => {
    const path = req.url ?? '/';
    requests.push(`${req.method} ${path}`);
    const kind = HOSTILITIES.find((k) => path.includes(`/${k}/`) || path.includes(`-${k}/`));
    if (!kind) return void res.writeHead(404).end();
    // A registry that wants a token: the token service is the hostile one.
    const token = /^\/v2\/token-[a-z-]+\//.test(path);
    if (token && !req.headers.authorization) {
      res.writeHead(401, {
        'WWW-Authenticate': `Bearer realm="${base}/token/${kind}/",service="hostile"`,
        'Content-Type': 'application/json',
      });
      return void res.end('{"errors":[{"code":"UNAUTHORIZED"}]}');
    }
    const manifest = path.includes('/manifests/');
    hostile(
      kind,
      manifest ? { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' } : {},
      path.includes('/tags/list') ? '{"name":"x","tags":[' : '',
    );
  });
});

afterEach(async () => {
  await server.close();
});

/** The cap error's text for `what` read from `url`. */
function capped(kind: Hostility, what: string, url: string, cap: number): string {
  const announced = kind === 'huge-length' ? ` (it announced Content-Length: ${10 * 2 ** 30})` : '';
  return `${what} from ${url} is larger than ${formatBytes(cap)}, the most gantry reads${announced}`;
}

/** The server was cut off near the cap, not read to a timeout. */
function stoppedNear(cap: number): void {
  expect(server.written()).toBeLessThan(cap + SLACK);
}

const registry = () =>
  new RegistryClient({
    // Longer than any test: a client that kept reading would fail by timing out instead.
    requestTimeoutMs: 20_000,
    concurrencyPerRegistry: 2,
    retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 20 },
  });

describe.each(HOSTILITIES)('a %s body', (kind) => {
  test('registry: a tag list is cut at 16 MiB', async () => {
    const c = registry();
    const err = await thrownBy(() =>
      c.listTags(parseImageRepository(`${server.host}/${kind}/app`)),
    );
    expect(err).toBeInstanceOf(BodyTooLargeError);
    expect(err.message).toBe(
      capped(
        kind,
        'the registry response',
        `${server.url}/v2/${kind}/app/tags/list?n=***`,
        16 << 20,
      ),
    );
    // Not retried: the next try would read the same flood.
    expect(requests).toHaveLength(1);
    stoppedNear(16 << 20);
  });

  test('registry: a manifest is cut at 4 MiB', async () => {
    const err = await thrownBy(() =>
      registry().getManifest(parseImageRepository(`${server.host}/${kind}/app`), '1.0.0'),
    );
    expect(err.message).toBe(
      capped(
        kind,
        'the registry response',
        `${server.url}/v2/${kind}/app/manifests/1.0.0`,
        4 << 20,
      ),
    );
    stoppedNear(4 << 20);
  });

  test("registry: a token service's answer is cut at 1 MiB", async () => {
    const err = await thrownBy(() =>
      registry().listTags(parseImageRepository(`${server.host}/token-${kind}/app`)),
    );
    expect(err.message).toBe(
      capped(
        kind,
        'the registry response',
        `${server.url}/token/${kind}/?service=***&scope=***`,
        1 << 20,
      ),
    );
    stoppedNear(1 << 20);
  });

  test('Helm: an index is cut at maxIndexBytes', async () => {
    const err = await thrownBy(() =>
      listHttpChartVersions(`${server.url}/${kind}/charts?sig=s3cr3t-signature`, 'echo', {
        timeoutMs: 20_000,
        maxIndexBytes: 4 << 20,
        listOciTags: () => Promise.reject(new Error('no OCI here')),
        sleep: () => Promise.resolve(),
      }),
    );
    expect(err.message).toBe(
      capped(kind, 'the Helm index', `${server.url}/${kind}/charts/index.yaml?sig=***`, 4 << 20),
    );
    expect(err.message).not.toContain('s3cr3t');
    expect(requests).toHaveLength(1);
    stoppedNear(4 << 20);
  });

  test('Prometheus: an answer is cut at 1 MiB', async () => {
    const h = providerHarness();
    const err = await thrownBy(() =>
      prometheus.measure(
        prometheus.parse({ address: `${server.url}/${kind}`, query: 'up' }, WHERE),
        h.ctx,
      ),
    );
    expect(err.message).toMatch(
      new RegExp(
        `^the response from ${server.url}/${kind}/api/v1/query(\\?query=\\*\\*\\*)? is larger than 1 MiB, the most gantry reads`,
      ),
    );
    stoppedNear(MAX_BODY_BYTES);
  });

  test('http verification: an answer is cut at 1 MiB', async () => {
    const h = providerHarness();
    const err = await thrownBy(() =>
      httpProvider.measure(
        httpProvider.parse({ url: `${server.url}/${kind}/health?key=abc123` }, WHERE),
        h.ctx,
      ),
    );
    expect(err.message).toBe(
      capped(kind, 'the response', `${server.url}/${kind}/health?key=***`, MAX_BODY_BYTES),
    );
    stoppedNear(MAX_BODY_BYTES);
  });

  test('Datadog: an answer is cut at 8 MiB', async () => {
    const h = providerHarness();
    const config = datadog.parse(
      {
        address: `${server.url}/${kind}`,
        apiKey: 'dd-api-key-0123456789',
        appKey: 'dd-app-key-0123456789',
        query: 'avg:latency{*}',
      },
      WHERE,
    );
    const err = await thrownBy(() => datadog.measure(config, h.ctx));
    expect(err.message).toBe(
      capped(
        kind,
        'the Datadog response',
        `${server.url}/${kind}/api/v1/query?from=***&to=***&query=***`,
        DATADOG_MAX_BODY_BYTES,
      ),
    );
    stoppedNear(DATADOG_MAX_BODY_BYTES);
  });

  test('Argo CD: an answer is cut at 32 MiB', async () => {
    const h = providerHarness({ target: { commit: COMMIT } });
    const config = argocd.parse(
      { server: `${server.url}/${kind}`, token: 'argocd-token-0123456789', applications: ['web'] },
      WHERE,
    );
    const err = await thrownBy(() => argocd.measure(config, h.ctx));
    expect(err.message).toBe(
      capped(
        kind,
        'the Argo CD response',
        `${server.url}/${kind}/api/v1/applications/web`,
        ARGOCD_MAX_BODY_BYTES,
      ),
    );
    stoppedNear(ARGOCD_MAX_BODY_BYTES);
  });

  test('the http step: an answer is cut at 2 MiB', async () => {
    const dir = realTempDir();
    try {
      const ctx = stepContext(dir.dir, { fetch: globalThis.fetch });
      const err = await thrownBy(() =>
        httpStep.run({ method: 'GET', url: `${server.url}/${kind}/hook?token=t0k3n-value` }, ctx),
      );
      const announced = kind === 'huge-length' ? ` (Content-Length ${10 * 2 ** 30})` : '';
      expect(err.message).toBe(
        `http: GET ${server.url}/${kind}/hook?token=***: the HTTP 200 response body${announced} is larger than the 2 MiB the step reads`,
      );
      stoppedNear(MAX_RESPONSE_BYTES);
    } finally {
      dir.cleanup();
    }
  });

  test('GitHub API: an answer is cut at 16 MiB, and not retried', async () => {
    const client = new GitHubClient({
      token: 'ghs_hostileBodyToken0123',
      apiUrl: `${server.url}/${kind}`,
      owner: 'acme',
      repo: 'gitops',
      retryHooks: { sleep: async () => undefined },
    });
    const err = await thrownBy(() => client.getPullRequest(7));
    expect(err.message).toBe(
      `could not read pull request #7 in acme/gitops: ${capped(
        kind,
        'the GitHub API response',
        `${server.url}/${kind}/repos/acme/gitops/pulls/7`,
        GITHUB_MAX_BODY_BYTES,
      )}`,
    );
    expect(requests).toHaveLength(1);
    stoppedNear(GITHUB_MAX_BODY_BYTES);
  });
});
