/**
 * How the registry client behaves when a registry misbehaves: rate limits, outages, broken
 * bodies, unknown media types, silence. Faults are injected by the proxy in front of a real
 * docker-registry.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { discoverImages } from '../../src/discovery/images.js';
import { RegistryClient, RegistryError } from '../../src/discovery/oci/client.js';
import { parseImageRepository } from '../../src/discovery/oci/reference.js';
import type { ImageSubscription } from '../../src/pipeline/types.js';
import {
  freePort,
  RegistryPusher,
  startProxy,
  startRegistry,
  type RegistryProxy,
  type TestRegistry,
} from '../support/registry.js';
import { tempDir } from '../support/repos.js';

let reg: TestRegistry;
let proxy: RegistryProxy;
const cache = tempDir('gantry-imgcache-');
const warnings: string[] = [];
const log = { info: () => undefined, warn: (l: string) => warnings.push(l) };

function client(
  over: Partial<ConstructorParameters<typeof RegistryClient>[0]> = {},
): RegistryClient {
  return new RegistryClient({
    requestTimeoutMs: 2_000,
    concurrencyPerRegistry: 4,
    retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 100 },
    log,
    ...over,
  });
}

const semver = (repoURL: string, over: Partial<ImageSubscription> = {}): ImageSubscription => ({
  repoURL,
  imageSelectionStrategy: 'SemVer',
  strictSemvers: false,
  allowTagsRegexes: [],
  ignoreTagsRegexes: [],
  discoveryLimit: 20,
  insecureSkipTLSVerify: false,
  ...over,
});

beforeAll(async () => {
  reg = await startRegistry();
  proxy = await startProxy(reg.url);
  const pusher = new RegistryPusher(reg.url);
  await pusher.pushImage('demo/app', ['1.0.0', '1.1.0'], { created: '2024-01-01T00:00:00Z' });
});

afterEach(() => {
  proxy.clearFaults();
  proxy.reset();
  warnings.splice(0);
});

afterAll(async () => {
  await proxy?.close();
  await reg?.close();
  cache.cleanup();
});

const repo = () => parseImageRepository(`${proxy.host}/demo/app`);
const settings = { cacheDir: cache.path, log, concurrencyPerRegistry: 4 };

describe('trace', () => {
  test('one line a request, retries included, with its status', async () => {
    proxy.addFault({
      path: /\/tags\/list/,
      times: 1,
      action: { kind: 'status', status: 503 },
    });
    const lines: string[] = [];
    const c = client({ trace: (l) => lines.push(l) });
    await c.listTags(repo());
    const tags = lines.filter((l) => l.includes('/demo/app/tags/list'));
    expect(tags).toEqual([
      expect.stringMatching(
        /^GET http:\/\/[^ ]+\/v2\/demo\/app\/tags\/list\?n=\*\*\* → 503 in \d+ ms$/,
      ),
      expect.stringMatching(/\/tags\/list\?n=\*\*\* → 200 in \d+ ms$/),
    ]);
    expect(lines.length).toBe(proxy.requests.length);
  });
});

describe('retries', () => {
  test('429 with Retry-After: waits as asked, then succeeds', async () => {
    proxy.addFault({
      path: /\/tags\/list/,
      times: 1,
      action: { kind: 'status', status: 429, headers: { 'Retry-After': '1' } },
    });
    const t0 = performance.now();
    const c = client();
    expect(await c.listTags(repo())).toEqual(expect.arrayContaining(['1.0.0', '1.1.0']));
    const ms = performance.now() - t0;
    expect(ms).toBeGreaterThanOrEqual(1_000);
    expect(ms).toBeLessThan(2_500);
    expect(proxy.requests.map((r) => r.status)).toEqual([429, 200]);
    expect(warnings.join('\n')).toMatch(/HTTP 429 .*retrying in 1\.\d s \(try 2 of 3\)/);
  });

  test('429 with an HTTP-date Retry-After', async () => {
    const when = new Date(Date.now() + 1_500).toUTCString();
    proxy.addFault({
      path: /\/manifests\//,
      times: 1,
      action: { kind: 'status', status: 429, headers: { 'Retry-After': when } },
    });
    const t0 = performance.now();
    const ref = await client().resolveDigest(repo(), '1.0.0');
    expect(ref.digest).toMatch(/^sha256:/);
    // HTTP dates have whole seconds: at least ~0.5 s remained.
    expect(performance.now() - t0).toBeGreaterThanOrEqual(400);
  });

  test('a Retry-After longer than the client waits fails at once, saying so', async () => {
    proxy.addFault({
      path: /\/tags\/list/,
      action: { kind: 'status', status: 429, headers: { 'Retry-After': '3600' } },
    });
    const t0 = performance.now();
    await expect(client().listTags(repo())).rejects.toThrow(
      /answered HTTP 429 .* asks to retry after 3600 s, longer than the 60 s gantry waits/,
    );
    expect(performance.now() - t0).toBeLessThan(1_000);
  });

  test('5xx until the tries run out: a clear error, and discovery returns nothing', async () => {
    proxy.addFault({ path: /\/tags\/list/, action: { kind: 'status', status: 503 } });
    const err = await discoverImages(semver(`${proxy.host}/demo/app`), client(), settings).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(RegistryError);
    expect((err as Error).message).toBe(
      `registry ${proxy.host} answered HTTP 503 to GET /v2/demo/app/tags/list 3 times; giving up (last answer: UNAVAILABLE: injected 503)`,
    );
    expect(proxy.requests).toHaveLength(3);
  });

  test('a 5xx that goes away is retried transparently', async () => {
    proxy.addFault({ path: /\/manifests\//, times: 2, action: { kind: 'status', status: 502 } });
    const found = await discoverImages(
      semver(`${proxy.host}/demo/app`, { discoveryLimit: 1 }),
      client(),
      settings,
    );
    expect(found.map((f) => f.tag)).toEqual(['1.1.0']);
    expect(proxy.requests.map((r) => r.status)).toEqual([200, 502, 502, 200]);
  });
});

describe('broken answers', () => {
  test('malformed JSON in a tag list', async () => {
    proxy.addFault({ path: /\/tags\/list/, action: { kind: 'malformed-json' } });
    await expect(client().listTags(repo())).rejects.toThrow(
      new RegExp(
        `^malformed JSON from registry ${proxy.host.replace(/\./g, '\\.')} listing tags of repository demo/app \\(page 1\\): `,
      ),
    );
  });

  test('malformed JSON in a manifest', async () => {
    proxy.addFault({ path: /\/manifests\//, action: { kind: 'malformed-json' } });
    await expect(
      discoverImages(
        semver(`${proxy.host}/demo/app`, { platform: 'linux/amd64' }),
        client(),
        settings,
      ),
    ).rejects.toThrow(
      /malformed JSON in the manifest of reference 1\.1\.0 in repository demo\/app on registry 127\.0\.0\.1:\d+/,
    );
  });

  test('an unknown manifest media type names registry, repository, reference and type', async () => {
    proxy.addFault({
      path: /\/manifests\/1\.1\.0/,
      action: {
        kind: 'replace',
        contentType: 'application/vnd.example.thing.v1+json',
        body: '{"schemaVersion":2}',
      },
    });
    await expect(
      discoverImages(semver(`${proxy.host}/demo/app`), client(), settings),
    ).rejects.toThrow(
      `unknown manifest media type "application/vnd.example.thing.v1+json" for reference 1.1.0 in repository demo/app on registry ${proxy.host}`,
    );
  });

  test('Docker schema 1 is called out', async () => {
    proxy.addFault({
      path: /\/manifests\//,
      action: {
        kind: 'replace',
        contentType: 'application/vnd.docker.distribution.manifest.v1+prettyjws',
        body: '{"schemaVersion":1}',
      },
    });
    await expect(client().getManifest(repo(), '1.0.0')).rejects.toThrow(
      /schema 1 manifests are obsolete/,
    );
  });

  test('a manifest whose body does not match the digest the registry claims', async () => {
    proxy.addFault({
      path: /\/manifests\//,
      action: {
        kind: 'replace',
        contentType: 'application/vnd.oci.image.manifest.v1+json',
        body: '{"schemaVersion":2,"config":{"digest":"sha256:00","size":1},"layers":[]}',
        headers: { 'Docker-Content-Digest': `sha256:${'0'.repeat(64)}` },
      },
    });
    await expect(client().getManifest(repo(), '1.0.0')).rejects.toThrow(
      /but the registry says sha256:0000/,
    );
  });
});

describe('silence', () => {
  test(
    'a registry that does not answer times out instead of hanging',
    { timeout: 5_000 },
    async () => {
      proxy.addFault({ path: /\/tags\/list/, action: { kind: 'hang' } });
      const t0 = performance.now();
      await expect(client({ requestTimeoutMs: 300 }).listTags(repo())).rejects.toThrow(
        `registry ${proxy.host} did not answer GET /v2/demo/app/tags/list within 300 ms`,
      );
      expect(performance.now() - t0).toBeLessThan(1_500);
    },
  );

  test('nothing listening: a clear error', async () => {
    const port = await freePort();
    const dead = parseImageRepository(`127.0.0.1:${port}/demo/app`);
    await expect(client().listTags(dead)).rejects.toThrow(
      `cannot reach registry 127.0.0.1:${port} (GET /v2/demo/app/tags/list): ECONNREFUSED`,
    );
  });
});
