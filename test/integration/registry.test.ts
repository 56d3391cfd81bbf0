/**
 * Image discovery against a real registry (Debian docker-registry, no auth) behind the paging
 * proxy: every strategy, pagination shapes, multi-platform indexes, and the request counts the
 * issue promises.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  discoverImages,
  NEWEST_BUILD_READS_PER_RUN,
  PLATFORM_PROBE_EXTRA,
} from '../../src/discovery/images.js';
import { RegistryClient, TAG_LIST_BOUNDARIES_PER_CHAIN } from '../../src/discovery/oci/client.js';
import { parseImageRepository } from '../../src/discovery/oci/reference.js';
import type { DiscoveryLog } from '../../src/discovery/types.js';
import type { ImageSubscription } from '../../src/pipeline/types.js';
import {
  RegistryPusher,
  startProxy,
  startRegistry,
  type ProxyRequest,
  type Pushed,
  type RegistryProxy,
  type TestRegistry,
} from '../support/registry.js';
import { tempDir } from '../support/repos.js';

const quiet: DiscoveryLog & { lines: string[] } = {
  lines: [],
  info(l) {
    this.lines.push(l);
  },
  warn(l) {
    this.lines.push(l);
  },
};

function sub(repoURL: string, over: Partial<ImageSubscription> = {}): ImageSubscription {
  return {
    repoURL,
    imageSelectionStrategy: 'SemVer',
    strictSemvers: false,
    allowTagsRegexes: [],
    ignoreTagsRegexes: [],
    discoveryLimit: 20,
    insecureSkipTLSVerify: false,
    ...over,
  };
}

let reg: TestRegistry;
let proxy: RegistryProxy;
let pusher: RegistryPusher;
const cache = tempDir('gantry-imgcache-');
/**
 * Requests a listing may add to the sequential pages where it lists in parallel: one per
 * boundary, TAG_LIST_BOUNDARIES_PER_CHAIN per chain, with the 4 chains `client()` allows.
 */
const PARALLEL_EXTRA = TAG_LIST_BOUNDARIES_PER_CHAIN * 4;
const tagPages = (p: RegistryProxy): number =>
  p.requests.filter((r) => r.path.includes('/tags/list')).length;
const MANY = 250;
let manyImage: Pushed;

function client(
  over: { concurrency?: number; pageSize?: number; chains?: number } = {},
): RegistryClient {
  return new RegistryClient({
    requestTimeoutMs: 5_000,
    concurrencyPerRegistry: over.concurrency ?? 4,
    ...(over.pageSize !== undefined && { tagPageSize: over.pageSize }),
    ...(over.chains !== undefined && { tagListConcurrency: over.chains }),
    log: quiet,
  });
}

/** Most tests check the full mode, every candidate resolved; the default mode has its own. */
function settings(concurrency = 4, resolveAllCandidates = true) {
  return {
    cacheDir: cache.path,
    log: quiet,
    concurrencyPerRegistry: concurrency,
    resolveAllCandidates,
  };
}

const hours = (h: number): string => new Date(Date.UTC(2024, 0, 1) + h * 3_600_000).toISOString();

beforeAll(async () => {
  reg = await startRegistry();
  proxy = await startProxy(reg.url, { pageSize: 50, order: 'lexical', link: 'relative' });
  pusher = new RegistryPusher(reg.url);
  // 250 tags on one manifest: 1.0.0 … 1.0.249, plus non-versions.
  manyImage = await pusher.pushImage('demo/many', [], { created: hours(0) });
  const tags = Array.from({ length: MANY - 2 }, (_, i) => `1.0.${i}`).concat(['latest', 'nightly']);
  await pusher.tagMany('demo/many', tags, manyImage.bytes, manyImage.mediaType);
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  await reg?.close();
  cache.cleanup();
});

describe('tag listing through the paging proxy', () => {
  const shapes = [
    { pageSize: 1000, order: 'lexical', link: 'relative' },
    { pageSize: 50, order: 'lexical', link: 'relative' },
    { pageSize: 7, order: 'reverse-lexical', link: 'absolute' },
    { pageSize: 100, order: 'upstream', link: 'absolute' },
    // "Oldest first": some order unrelated to the names; `last` is an opaque cursor.
    {
      pageSize: 33,
      order: (t: string[]) => [...t].sort((a, b) => (a.length - b.length) * 7 + (a < b ? 1 : -1)),
      link: 'relative',
    },
  ] as const;
  for (const shape of shapes) {
    const name = `${shape.pageSize}/${typeof shape.order === 'function' ? 'custom' : shape.order}/${shape.link}`;
    test(`pages of ${name}`, async () => {
      proxy.paging = { ...shape };
      proxy.reset();
      const c = client();
      const progress: number[] = [];
      const tags = await c.listTags(parseImageRepository(`${proxy.host}/demo/many`), (n) =>
        progress.push(n),
      );
      expect(new Set(tags).size).toBe(MANY);
      expect(tags).toHaveLength(MANY);
      const pages = Math.ceil(MANY / Math.min(shape.pageSize, 1000));
      // Lexical pages with more than one page are listed in parallel: a few requests more.
      const parallel = shape.order === 'lexical' && pages > 1;
      if (parallel) {
        expect(tags).toEqual([...tags].sort());
        expect(c.requestCount(proxy.host)).toBeGreaterThan(pages);
        expect(c.requestCount(proxy.host)).toBeLessThanOrEqual(pages + PARALLEL_EXTRA);
      } else {
        expect(c.requestCount(proxy.host)).toBe(pages);
      }
      expect(progress).toHaveLength(c.requestCount(proxy.host));
      expect(progress.at(-1)).toBe(MANY);
    });
  }

  test('a registry that ignores n (fixed pages) and one that does not page at all', async () => {
    proxy.paging = { pageSize: 60, order: 'lexical', link: 'relative', ignoreN: true };
    const c = client({ pageSize: 10 });
    expect(await c.listTags(parseImageRepository(`${proxy.host}/demo/many`))).toHaveLength(MANY);
    expect(c.requestCount(proxy.host)).toBeGreaterThanOrEqual(Math.ceil(MANY / 60));
    expect(c.requestCount(proxy.host)).toBeLessThanOrEqual(Math.ceil(MANY / 60) + PARALLEL_EXTRA);
    const direct = client({ pageSize: 10 });
    expect(await direct.listTags(parseImageRepository(`${reg.host}/demo/many`))).toHaveLength(MANY);
    expect(direct.requestCount(reg.host)).toBe(1);
  });

  test('a next link that leads back to a page already seen ends the listing', async () => {
    proxy.paging = null;
    proxy.addFault({
      path: /\/tags\/list/,
      action: {
        kind: 'replace',
        contentType: 'application/json',
        body: JSON.stringify({ name: 'demo/loop', tags: ['a', 'b'] }),
        headers: { Link: '</v2/demo/loop/tags/list?n=2&last=b>; rel="next"' },
      },
    });
    try {
      const c = client({ pageSize: 2 });
      expect(await c.listTags(parseImageRepository(`${proxy.host}/demo/loop`))).toEqual(['a', 'b']);
      // Page 1 looks lexical, so chains start; their pages do not follow their cursors, so they
      // are dropped, and the sequential listing reads the link (new URL, no new tags): stop.
      expect(c.requestCount(proxy.host)).toBeLessThanOrEqual(2 + PARALLEL_EXTRA);
      expect(proxy.requests.at(-1)?.path).toBe('/v2/demo/loop/tags/list?n=2&last=b');
      const sequential = client({ pageSize: 2, chains: 1 });
      proxy.reset();
      expect(await sequential.listTags(parseImageRepository(`${proxy.host}/demo/loop`))).toEqual([
        'a',
        'b',
      ]);
      expect(sequential.requestCount(proxy.host)).toBe(2);
    } finally {
      proxy.clearFaults();
    }
  });
});

describe('by default, SemVer and Lexical resolve only the tag that goes into the freight', () => {
  test('one HEAD after the tag pages; the other candidates are listed by tag', async () => {
    proxy.paging = { pageSize: 50, order: 'lexical', link: 'relative' };
    proxy.reset();
    const c = client();
    const found = await discoverImages(sub(`${proxy.host}/demo/many`), c, settings(4, false));
    const pages = Math.ceil(MANY / 50);
    expect(found[0]).toEqual({ tag: '1.0.247', digest: manyImage.digest });
    expect(found.slice(1, 3)).toEqual([{ tag: '1.0.246' }, { tag: '1.0.245' }]);
    expect(found).toHaveLength(20);
    expect(tagPages(proxy)).toBeGreaterThanOrEqual(pages);
    expect(tagPages(proxy)).toBeLessThanOrEqual(pages + PARALLEL_EXTRA);
    expect(c.requestCount(proxy.host)).toBe(tagPages(proxy) + 1);
    expect(proxy.requests.filter((r) => r.method === 'HEAD')).toHaveLength(1);
  });

  test('a tag deleted between listing and resolving is skipped for the next one', async () => {
    proxy.paging = { pageSize: 50, order: 'lexical', link: 'relative' };
    proxy.addFault({
      method: 'HEAD',
      path: /\/manifests\/1\.0\.247$/,
      times: 1,
      action: {
        kind: 'status',
        status: 404,
        body: JSON.stringify({
          errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }],
        }),
      },
    });
    try {
      const found = await discoverImages(
        sub(`${proxy.host}/demo/many`),
        client(),
        settings(4, false),
      );
      expect(found[0]).toEqual({ tag: '1.0.246', digest: manyImage.digest });
    } finally {
      proxy.clearFaults();
    }
  });
});

describe('with resolveAllCandidates, SemVer and Lexical resolve only the tags they return', () => {
  test(`SemVer, discoveryLimit 20 over ${Math.ceil(MANY / 50)} pages: at most pages + 20 requests`, async () => {
    proxy.paging = { pageSize: 50, order: 'lexical', link: 'relative' };
    proxy.reset();
    const c = client();
    const t0 = performance.now();
    const found = await discoverImages(sub(`${proxy.host}/demo/many`), c, settings());
    const ms = performance.now() - t0;
    const pages = Math.ceil(MANY / 50);
    expect(found).toHaveLength(20);
    expect(found[0]).toEqual({ tag: '1.0.247', digest: manyImage.digest });
    expect(found.map((f) => f.tag).slice(0, 3)).toEqual(['1.0.247', '1.0.246', '1.0.245']);
    expect(tagPages(proxy)).toBeLessThanOrEqual(pages + PARALLEL_EXTRA);
    expect(c.requestCount(proxy.host)).toBe(tagPages(proxy) + 20);
    expect(proxy.requests.filter((r) => r.method === 'HEAD')).toHaveLength(20);
    expect(
      proxy.requests.filter((r) => r.method === 'GET' && r.path.includes('/manifests/')),
    ).toHaveLength(0);
    console.log(
      `SemVer over ${MANY} tags / ${pages} pages: ${c.requestCount(proxy.host)} requests, ${ms.toFixed(0)} ms`,
    );
  });

  test('SemVer with a constraint, allow/ignore regexes and a small limit', async () => {
    proxy.reset();
    const c = client();
    const found = await discoverImages(
      sub(`${proxy.host}/demo/many`, {
        constraint: '>=1.0.100 <1.0.200',
        allowTagsRegexes: ['^1\\.0\\.1'],
        ignoreTagsRegexes: ['^1\\.0\\.199$'],
        discoveryLimit: 3,
      }),
      c,
      settings(),
    );
    expect(found.map((f) => f.tag)).toEqual(['1.0.198', '1.0.197', '1.0.196']);
    expect(c.requestCount(proxy.host)).toBe(tagPages(proxy) + 3);
  });

  test('Lexical picks by byte order, resolving only the kept tags', async () => {
    proxy.reset();
    const c = client();
    const found = await discoverImages(
      sub(`${proxy.host}/demo/many`, {
        imageSelectionStrategy: 'Lexical',
        allowTagsRegexes: ['^1\\.0\\.[0-9]$', '^nightly$'],
        discoveryLimit: 4,
      }),
      c,
      settings(),
    );
    expect(found.map((f) => f.tag)).toEqual(['nightly', '1.0.9', '1.0.8', '1.0.7']);
    expect(c.requestCount(proxy.host)).toBe(tagPages(proxy) + 4);
  });
});

describe('tag regexes against tags the registry chooses', () => {
  test('a tag that makes ^(a+)+$ backtrack for hours is filtered at once (RE2)', async () => {
    const img = await pusher.pushImage('demo/redos', [], { created: hours(1) });
    // 34 a's and a '-': 2^34 ways to split for a backtracking engine; a valid tag name.
    const hostile = `${'a'.repeat(34)}-`;
    await pusher.tagMany(
      'demo/redos',
      [hostile, 'a'.repeat(40), 'aaa', '1.0.0'],
      img.bytes,
      img.mediaType,
    );
    const started = performance.now();
    const found = await discoverImages(
      sub(`${reg.host}/demo/redos`, {
        imageSelectionStrategy: 'Lexical',
        allowTagsRegexes: ['^(a+)+$'],
        ignoreTagsRegexes: ['^(a|aa)+b$'],
      }),
      client(),
      settings(),
    );
    expect(found.map((f) => f.tag)).toEqual(['a'.repeat(40), 'aaa']);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('multi-platform images', () => {
  let idx100: Pushed;
  let idx110: Pushed;
  let single120: Pushed;
  let idx200: Pushed;
  beforeAll(async () => {
    idx100 = await pusher.pushIndex(
      'demo/multi',
      ['1.0.0'],
      [
        {
          os: 'linux',
          architecture: 'amd64',
          created: hours(1),
          descriptorAnnotations: { key2: 'override-value2', key3: 'value3' },
        },
        { os: 'linux', architecture: 'arm64', variant: 'v8', created: hours(2) },
      ],
      { key1: 'value1', key2: 'value2' },
    );
    idx110 = await pusher.pushIndex(
      'demo/multi',
      ['1.1.0'],
      [{ os: 'linux', architecture: 'amd64', created: hours(3) }],
    );
    single120 = await pusher.pushImage('demo/multi', ['1.2.0'], {
      os: 'linux',
      architecture: 'arm64',
      variant: 'v8',
      created: hours(4),
      format: 'docker',
    });
    idx200 = await pusher.pushIndex(
      'demo/multi',
      ['2.0.0'],
      [{ os: 'linux', architecture: 'arm64', variant: 'v8', created: hours(5) }],
    );
  });

  test('linux/amd64 keeps the tags whose index has it, and records the index digest', async () => {
    const c = client();
    const found = await discoverImages(
      sub(`${proxy.host}/demo/multi`, { platform: 'linux/amd64' }),
      c,
      settings(),
    );
    expect(found).toEqual([
      { tag: '1.1.0', digest: idx110.digest },
      {
        tag: '1.0.0',
        digest: idx100.digest,
        annotations: { key1: 'value1', key2: 'override-value2', key3: 'value3' },
      },
    ]);
  });

  test('linux/arm64/v8 matches indexes and single-platform images; linux/arm64 (no variant) matches none', async () => {
    const found = await discoverImages(
      sub(`${proxy.host}/demo/multi`, { platform: 'linux/arm64/v8' }),
      client(),
      settings(),
    );
    expect(found.map((f) => [f.tag, f.digest])).toEqual([
      ['2.0.0', idx200.digest],
      ['1.2.0', single120.digest],
      ['1.0.0', idx100.digest],
    ]);
    expect(
      await discoverImages(
        sub(`${proxy.host}/demo/multi`, { platform: 'linux/arm64' }),
        client(),
        settings(),
      ),
    ).toEqual([]);
  });

  test('with a platform filter and limit 1, tags are examined one at a time, only as far as needed', async () => {
    proxy.reset();
    const c = client();
    const found = await discoverImages(
      sub(`${proxy.host}/demo/multi`, { platform: 'linux/amd64', discoveryLimit: 1 }),
      c,
      settings(),
    );
    expect(found.map((f) => f.tag)).toEqual(['1.1.0']);
    // tags page; 2.0.0 index (no amd64); 1.2.0 manifest + its config (arm64); 1.1.0 index.
    expect(
      proxy.requests.map((r) => `${r.method} ${r.path.replace(/sha256:[0-9a-f]+/, 'sha256:…')}`),
    ).toEqual([
      'GET /v2/demo/multi/tags/list?n=1000',
      'GET /v2/demo/multi/manifests/2.0.0',
      'GET /v2/demo/multi/manifests/1.2.0',
      'GET /v2/demo/multi/blobs/sha256:…',
      'GET /v2/demo/multi/manifests/1.1.0',
    ]);
  });

  test('Digest follows the mutable tag, with and without a platform', async () => {
    const d = sub(`${proxy.host}/demo/multi`, {
      imageSelectionStrategy: 'Digest',
      constraint: '1.0.0',
    });
    expect(await discoverImages(d, client(), settings())).toEqual([
      { tag: '1.0.0', digest: idx100.digest },
    ]);
    expect(
      await discoverImages({ ...d, platform: 'linux/arm64/v8' }, client(), settings()),
    ).toEqual([
      { tag: '1.0.0', digest: idx100.digest, annotations: { key1: 'value1', key2: 'value2' } },
    ]);
    expect(await discoverImages({ ...d, platform: 'windows/amd64' }, client(), settings())).toEqual(
      [],
    );
    expect(await discoverImages({ ...d, constraint: 'no-such-tag' }, client(), settings())).toEqual(
      [],
    );
  });
});

describe('Digest on a re-pointed tag', () => {
  test('sees the new digest, with one request', async () => {
    const first = await pusher.pushImage('demo/mutable', ['latest'], { created: hours(10) });
    const c = client();
    const d = sub(`${proxy.host}/demo/mutable`, {
      imageSelectionStrategy: 'Digest',
      constraint: 'latest',
    });
    expect(await discoverImages(d, c, settings())).toEqual([
      { tag: 'latest', digest: first.digest },
    ]);
    const second = await pusher.pushImage('demo/mutable', ['latest'], { created: hours(11) });
    expect(await discoverImages(d, c, settings())).toEqual([
      { tag: 'latest', digest: second.digest },
    ]);
    expect(c.requestCount(proxy.host)).toBe(2);
  });
});

describe('NewestBuild', () => {
  const repo = 'demo/builds';
  const images: Record<string, Pushed> = {};
  beforeAll(async () => {
    images.a = await pusher.pushImage(repo, ['a'], { created: hours(1) });
    images.b = await pusher.pushImage(repo, ['b'], { created: hours(30) });
    images.c = await pusher.pushImage(repo, ['c'], { created: hours(20) });
    // The OCI annotation wins over the config's `created`.
    images.d = await pusher.pushImage(repo, ['d'], {
      created: hours(2),
      annotations: { 'org.opencontainers.image.created': hours(25) },
    });
    // An index is as new as its newest platform image.
    images.e = await pusher.pushIndex(
      repo,
      ['e'],
      [
        { os: 'linux', architecture: 'amd64', created: hours(5) },
        { os: 'linux', architecture: 'arm64', created: hours(40) },
      ],
    );
    // Two tags on one image: ties are broken by tag, descending.
    images.f = await pusher.pushImage(repo, ['f1', 'f2'], { created: hours(8) });
  });

  test('orders by build time; the second run on an unchanged repository sends only tag pages', async () => {
    const s = sub(`${proxy.host}/${repo}`, { imageSelectionStrategy: 'NewestBuild' });
    const c1 = client();
    const first = await discoverImages(s, c1, settings());
    expect(first.map((i) => [i.tag, i.createdAt])).toEqual([
      ['e', hours(40)],
      ['b', hours(30)],
      ['d', hours(25)],
      ['c', hours(20)],
      ['f2', hours(8)],
      ['f1', hours(8)],
      ['a', hours(1)],
    ]);
    expect(first[0]?.digest).toBe(images.e?.digest);
    const firstCount = c1.requestCount(proxy.host);

    proxy.reset();
    const c2 = client();
    const second = await discoverImages(s, c2, settings());
    expect(second).toEqual(first);
    expect(proxy.requests.map((r) => r.path)).toEqual([`/v2/${repo}/tags/list?n=1000`]);
    console.log(
      `NewestBuild over 7 tags: first run ${firstCount} requests, second run ${c2.requestCount(proxy.host)}`,
    );

    // A new tag on a known digest: the previous selection is re-checked with HEADs (the tag
    // list changed), and the new tag costs one GET (its digest is known from the cache).
    await pusher.tagMany(repo, ['g'], images.c!.bytes, images.c!.mediaType);
    proxy.reset();
    const c3 = client();
    const third = await discoverImages({ ...s, discoveryLimit: 3 }, c3, settings());
    expect(third.map((i) => i.tag)).toEqual(['e', 'b', 'd']);
    expect(proxy.requests.filter((r) => r.method === 'HEAD')).toHaveLength(7);
    expect(proxy.requests.filter((r) => r.method === 'GET').map((r) => r.path)).toEqual([
      `/v2/${repo}/tags/list?n=1000`,
      `/v2/${repo}/manifests/g`,
    ]);
  });

  test('a cache kept between scheduled runs (actions/cache: saved as an archive, restored elsewhere) makes an unchanged run cost the tag pages only', async () => {
    const s = sub(`${proxy.host}/${repo}`, { imageSelectionStrategy: 'NewestBuild' });
    const first = tempDir('gantry-nb-first-');
    const restored = tempDir('gantry-nb-restored-');
    try {
      const at = (dir: string) => ({ ...settings(), cacheDir: join(dir, 'gantry', 'discovery') });
      const before = await discoverImages(s, client(), at(first.path));
      // What actions/cache does: an archive of the directory, unpacked under another runner's
      // temporary directory (other absolute path, new file times).
      const archive = join(first.path, 'cache.tar');
      execFileSync('tar', ['-cf', archive, '-C', join(first.path, 'gantry'), 'discovery']);
      mkdirSync(join(restored.path, 'gantry'), { recursive: true });
      execFileSync('tar', ['-xf', archive, '-m', '-C', join(restored.path, 'gantry')]);
      proxy.reset();
      const after = await discoverImages(s, client(), at(restored.path));
      expect(after).toEqual(before);
      expect(proxy.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        `GET /v2/${repo}/tags/list?n=1000`,
      ]);
    } finally {
      first.cleanup();
      restored.cleanup();
    }
  });

  test('a re-pushed tag among the last selection is noticed when the tag list changes', async () => {
    const s = sub(`${proxy.host}/${repo}`, {
      imageSelectionStrategy: 'NewestBuild',
      discoveryLimit: 3,
    });
    await discoverImages(s, client(), settings());
    // Re-push `d` (selected last time) with an older build, and add a tag so the list changes.
    const older = await pusher.pushImage(repo, ['d', 'h'], { created: hours(3) });
    const found = await discoverImages(s, client(), settings());
    expect(found.map((i) => i.tag)).toEqual(['e', 'b', 'g']);
    const all = await discoverImages({ ...s, discoveryLimit: 20 }, client(), settings());
    expect(all.find((i) => i.tag === 'd')).toMatchObject({
      digest: older.digest,
      createdAt: hours(3),
    });
  });

  test('a platform filter applies to cached entries too', async () => {
    const s = sub(`${proxy.host}/${repo}`, {
      imageSelectionStrategy: 'NewestBuild',
      platform: 'linux/arm64',
    });
    proxy.reset();
    const found = await discoverImages(s, client(), settings());
    expect(found.map((i) => i.tag)).toEqual(['e']);
    expect(proxy.requests.map((r) => r.path)).toEqual([`/v2/${repo}/tags/list?n=1000`]);
  });

  test('many new tags are read with at most concurrencyPerRegistry requests in flight', async () => {
    const tags = Array.from({ length: 30 }, (_, i) => `p${i}`);
    await Promise.all(
      tags.map((tag, i) => pusher.pushImage('demo/parallel', [tag], { created: hours(i) })),
    );
    proxy.reset();
    const c = client({ concurrency: 2 });
    const found = await discoverImages(
      sub(`${proxy.host}/demo/parallel`, {
        imageSelectionStrategy: 'NewestBuild',
        discoveryLimit: 5,
      }),
      c,
      { ...settings(2) },
    );
    expect(found.map((i) => i.tag)).toEqual(['p29', 'p28', 'p27', 'p26', 'p25']);
    expect(proxy.maxInFlight).toBeLessThanOrEqual(2);
    // tag page + (manifest + config) per tag.
    expect(c.requestCount(proxy.host)).toBe(1 + 30 * 2);
  });
});

describe('discovery is bounded, whatever the registry lists', () => {
  const GHOSTS = 200_000;
  let ghostProxy: RegistryProxy;
  let real: Pushed;
  beforeAll(async () => {
    // 300 tags of one amd64-only image, and a repository whose tag list names 200,000 tags
    // the registry has no manifest for (the proxy pages the fake list), plus one real image.
    const amd64 = await pusher.pushImage('demo/amd64only', [], {
      os: 'linux',
      architecture: 'amd64',
      created: hours(1),
    });
    await pusher.tagMany(
      'demo/amd64only',
      Array.from({ length: 300 }, (_, i) => `1.0.${i}`),
      amd64.bytes,
      amd64.mediaType,
    );
    real = await pusher.pushImage('demo/ghosts', ['0.0.1'], { created: hours(1) });
    ghostProxy = await startProxy(reg.url, {
      pageSize: 1000,
      order: 'upstream',
      link: 'relative',
      orderOnce: true,
    });
    const ghosts = Array.from(
      { length: GHOSTS },
      (_, i) => `1.${Math.floor(i / 1000)}.${i % 1000}`,
    );
    ghostProxy.fakeTags.set('demo/ghosts', ['0.0.1', ...ghosts]);
    // The registry's 404 for each ghost, from the proxy (the same bytes, checked below).
    ghostProxy.addFault({
      path: /^\/v2\/demo\/ghosts\/manifests\/1\./,
      action: { kind: 'manifest-unknown' },
    });
  }, 120_000);
  afterAll(async () => {
    await ghostProxy?.close();
  });

  test("the proxy's 404 for a ghost is the registry's own", async () => {
    for (const method of ['GET', 'HEAD']) {
      const answer = async (base: string) => {
        const res = await fetch(`${base}/v2/demo/ghosts/manifests/1.7.42`, {
          method,
          headers: { Accept: 'application/vnd.oci.image.manifest.v1+json' },
        });
        return {
          status: res.status,
          type: res.headers.get('content-type'),
          api: res.headers.get('docker-distribution-api-version'),
          length: res.headers.get('content-length'),
          body: await res.text(),
        };
      };
      const real = await answer(reg.url);
      expect(real.status).toBe(404);
      expect(await answer(ghostProxy.url)).toEqual(real);
    }
  });

  const manifestRequests = (p: RegistryProxy): ProxyRequest[] =>
    p.requests.filter((r) => r.path.includes('/manifests/'));

  for (const resolveAll of [false, true]) {
    test(`300 tags without the platform, discoveryLimit 5 (resolveAllCandidates ${resolveAll}): at most 5 + ${PLATFORM_PROBE_EXTRA} manifests`, async () => {
      proxy.paging = { pageSize: 50, order: 'lexical', link: 'relative' };
      proxy.reset();
      quiet.lines.length = 0;
      const c = client();
      const found = await discoverImages(
        sub(`${proxy.host}/demo/amd64only`, { platform: 'linux/arm64', discoveryLimit: 5 }),
        c,
        settings(4, resolveAll),
      );
      expect(found).toEqual([]);
      const pages = Math.ceil(300 / 50);
      // The newest 25 tags, one manifest each; they share one config blob, read once.
      expect(manifestRequests(proxy)).toHaveLength(5 + PLATFORM_PROBE_EXTRA);
      expect(
        manifestRequests(proxy)
          .map((r) => r.path.split('/').pop())
          .sort(),
      ).toEqual(Array.from({ length: 25 }, (_, i) => `1.0.${299 - i}`).sort());
      expect(proxy.requests.filter((r) => r.path.includes('/blobs/'))).toHaveLength(1);
      expect(tagPages(proxy)).toBeLessThanOrEqual(pages + PARALLEL_EXTRA);
      expect(c.requestCount(proxy.host)).toBe(tagPages(proxy) + 25 + 1);
      expect(quiet.lines).toContain(
        `${proxy.host}/demo/amd64only: none of the newest 25 of 300 matching tags has an image for platform linux/arm64; discovery examines at most discoveryLimit (5) + ${PLATFORM_PROBE_EXTRA} tags per run: raise discoveryLimit or narrow allowTagsRegexes`,
      );
    });
  }

  for (const resolveAll of [false, true]) {
    test(`${GHOSTS} tags without manifests, SemVer (resolveAllCandidates ${resolveAll}): discoveryLimit HEADs, then a warning`, async () => {
      ghostProxy.reset();
      quiet.lines.length = 0;
      const c = client();
      const t0 = performance.now();
      const found = await discoverImages(
        sub(`${ghostProxy.host}/demo/ghosts`),
        c,
        settings(4, resolveAll),
      );
      const ms = performance.now() - t0;
      expect(found).toEqual([]);
      const pages = Math.ceil((GHOSTS + 1) / 1000);
      expect(ghostProxy.requests.filter((r) => r.path.includes('/tags/list'))).toHaveLength(pages);
      expect(manifestRequests(ghostProxy)).toHaveLength(20);
      expect(
        manifestRequests(ghostProxy).every((r) => r.method === 'HEAD' && r.status === 404),
      ).toBe(true);
      expect(c.requestCount(ghostProxy.host)).toBe(pages + 20);
      expect(
        quiet.lines.some((l) =>
          l.includes('none of the newest 20 of 200001 matching tags resolves to an image'),
        ),
      ).toBe(true);
      console.log(
        `SemVer over ${GHOSTS} tags without manifests: ${c.requestCount(ghostProxy.host)} requests, ${ms.toFixed(0)} ms`,
      );
    }, 60_000);
  }

  test(`${GHOSTS} tags without manifests, Lexical with discoveryLimit 3: 3 HEADs`, async () => {
    ghostProxy.reset();
    const found = await discoverImages(
      sub(`${ghostProxy.host}/demo/ghosts`, {
        imageSelectionStrategy: 'Lexical',
        discoveryLimit: 3,
      }),
      client(),
      settings(4, false),
    );
    expect(found).toEqual([]);
    expect(manifestRequests(ghostProxy)).toHaveLength(3);
  }, 60_000);

  // The default cap (NEWEST_BUILD_READS_PER_RUN, 10,000) works the same way; a tenth of it keeps
  // this test short.
  const CAP = NEWEST_BUILD_READS_PER_RUN / 10;
  test(`${GHOSTS} tags without manifests, NewestBuild: at most the cap (${CAP} here) of manifests a run`, async () => {
    ghostProxy.reset();
    quiet.lines.length = 0;
    const c = client({ concurrency: 16 });
    const t0 = performance.now();
    const found = await discoverImages(
      sub(`${ghostProxy.host}/demo/ghosts`, {
        imageSelectionStrategy: 'NewestBuild',
        allowTagsRegexes: ['^(0\\.0\\.1|1\\.19[0-9]\\.[0-9]+)$'],
      }),
      c,
      { ...settings(16), newestBuildReadsPerRun: CAP },
    );
    const ms = performance.now() - t0;
    // 10,001 candidates; the first run reads the 1,000 highest names, which have no manifest.
    expect(found).toEqual([]);
    expect(manifestRequests(ghostProxy).length).toBe(CAP);
    expect(quiet.lines.some((l) => l.includes(`9001 of 10001 tags are left for later runs`))).toBe(
      true,
    );
    console.log(
      `NewestBuild over ${GHOSTS} tags without manifests: ${c.requestCount(ghostProxy.host)} requests, ${ms.toFixed(0)} ms`,
    );

    // Tags found without a manifest are remembered: the next run reads the next 1,000.
    const first = new Set(manifestRequests(ghostProxy).map((r) => r.path));
    ghostProxy.reset();
    await discoverImages(
      sub(`${ghostProxy.host}/demo/ghosts`, {
        imageSelectionStrategy: 'NewestBuild',
        allowTagsRegexes: ['^(0\\.0\\.1|1\\.19[0-9]\\.[0-9]+)$'],
      }),
      client({ concurrency: 16 }),
      { ...settings(16), newestBuildReadsPerRun: CAP },
    );
    const second = manifestRequests(ghostProxy).map((r) => r.path);
    expect(second).toHaveLength(CAP);
    expect(second.filter((p) => first.has(p))).toEqual([]);
    expect(real.digest).toMatch(/^sha256:/);
  }, 120_000);
});
