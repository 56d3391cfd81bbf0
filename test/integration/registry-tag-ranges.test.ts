/**
 * Parallel tag listing (src/discovery/oci/tag-ranges.ts) through the paging proxy, with a few
 * milliseconds of latency so that requests overlap: the same tags in the same order as the
 * sequential listing for many shapes of tag names, the bounds on chains and requests, and the
 * fall back to one page at a time whenever the registry breaks the lexical contract.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  DEFAULT_TAG_LIST_CONCURRENCY,
  NotFoundError,
  RegistryClient,
  TAG_LIST_BOUNDARIES_PER_CHAIN,
} from '../../src/discovery/oci/client.js';
import { parseImageRepository } from '../../src/discovery/oci/reference.js';
import { startProxy, type PagingOptions, type RegistryProxy } from '../support/registry.js';
import { tagShapes } from '../support/tag-shapes.js';

const PAGE = 100;
const DISTRIBUTIONS = tagShapes(3000);
const SPREAD = 'spread M.m.p: 0.0.0, 0.0.1, …';
/** Pages of the spread shape listed one after another. */
const PAGES = Math.ceil((DISTRIBUTIONS[SPREAD] as string[]).length / PAGE);
/**
 * The spread shape at 10,000 tags (0.0.0 … 9.99.9), for the fall-back tests: the boundaries
 * guessed from its page 2 fall among its tags, so chains read pages a registry can spoil.
 */
const WIDE = 'spread M.m.p, 10000 tags';
const WIDE_TAGS = tagShapes(10_000)[SPREAD] as string[];
const WIDE_PAGES = Math.ceil(WIDE_TAGS.length / PAGE);
/** Shapes at 10,000 tags whose first boundaries fall badly: only cutting chains again helps. */
const LONG = tagShapes(10_000);
const LONG_SHAPES = ['v-prefixed semver', 'date tags 2026.01.02-<sha7>', 'mixed case'];
const repoOf = (name: string): string =>
  `fake/${name
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()}`;

let proxy: RegistryProxy;

beforeAll(async () => {
  // Every listing here is one of the proxy's own (fakeTags): the registry behind it is never
  // asked, so there is none (a request that reached it would fail the test with a 502).
  // Latency makes chains overlap on the proxy, so its count of requests in flight means something.
  proxy = await startProxy(
    'http://127.0.0.1:9',
    { pageSize: PAGE, order: 'lexical', link: 'relative', orderOnce: true },
    3,
  );
  for (const [name, tags] of Object.entries(DISTRIBUTIONS)) proxy.fakeTags.set(repoOf(name), tags);
  proxy.fakeTags.set(repoOf(WIDE), WIDE_TAGS);
  for (const name of LONG_SHAPES)
    proxy.fakeTags.set(repoOf(`${name} long`), LONG[name] as string[]);
}, 60_000);

afterAll(async () => {
  await proxy?.close();
});

function client(chains?: number, concurrencyPerRegistry = 16): RegistryClient {
  return new RegistryClient({
    requestTimeoutMs: 5_000,
    concurrencyPerRegistry,
    tagPageSize: 1000,
    ...(chains !== undefined && { tagListConcurrency: chains }),
    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
    sleep: () => Promise.resolve(),
  });
}

function paging(over: Partial<PagingOptions> = {}): void {
  proxy.paging = { pageSize: PAGE, order: 'lexical', link: 'relative', orderOnce: true, ...over };
}

async function list(
  name: string,
  c: RegistryClient,
): Promise<{ tags: string[]; requests: number; inFlight: number; progress: number[] }> {
  proxy.reset();
  const progress: number[] = [];
  const tags = await c.listTags(parseImageRepository(`${proxy.host}/${repoOf(name)}`), (n) =>
    progress.push(n),
  );
  await c.close();
  return { tags, requests: proxy.requests.length, inFlight: proxy.maxInFlight, progress };
}

const EXTRA = TAG_LIST_BOUNDARIES_PER_CHAIN * DEFAULT_TAG_LIST_CONCURRENCY;

describe('the same tags as the sequential listing, fewer round trips in a row', () => {
  for (const [name, all] of Object.entries(DISTRIBUTIONS)) {
    test(name, async () => {
      paging();
      const sequential = await list(name, client(1));
      const parallel = await list(name, client());
      const pages = Math.ceil(all.length / PAGE);
      expect(sequential.tags).toEqual([...all].sort());
      expect(sequential.requests).toBe(pages);
      expect(sequential.inFlight).toBe(1);
      expect(parallel.tags).toEqual(sequential.tags);
      expect(parallel.progress.at(-1)).toBe(all.length);
      expect(parallel.progress).toHaveLength(parallel.requests);
      expect(parallel.requests).toBeLessThanOrEqual(pages + EXTRA);
      expect(parallel.inFlight).toBeLessThanOrEqual(DEFAULT_TAG_LIST_CONCURRENCY);
      // Up to three pages: listed as the sequential listing is, no boundary probed.
      if (pages <= 3) expect(parallel.requests).toBe(pages);
      else expect(parallel.inFlight).toBeGreaterThan(1);
    });
  }

  test('three pages of each shape: the three requests of the sequential listing, one at a time', async () => {
    paging();
    for (const [name, tags] of Object.entries(tagShapes(300))) {
      if (tags.length <= 200) continue;
      proxy.fakeTags.set(repoOf(`${name} three pages`), tags);
      const r = await list(`${name} three pages`, client());
      expect(r.tags, name).toEqual([...tags].sort());
      expect([r.requests, r.inFlight], name).toEqual([3, 1]);
    }
  });

  for (const name of LONG_SHAPES) {
    test(`${name}, 10,000 tags: chains cut again as others end, within the bounds`, async () => {
      paging();
      const all = [...(LONG[name] as string[])].sort();
      const r = await list(`${name} long`, client());
      expect(r.tags).toEqual(all);
      expect(r.requests).toBeLessThanOrEqual(100 + EXTRA);
      expect(r.inFlight).toBeLessThanOrEqual(DEFAULT_TAG_LIST_CONCURRENCY);
      // Boundaries are the cursors that are not tags: more than the first three, so chains were
      // cut again after page 2's guesses (those alone left one chain reading most pages).
      const known = new Set(all);
      const cursors = proxy.requests
        .map((q) => new URL(q.path, 'http://x').searchParams.get('last'))
        .filter((l): l is string => l !== null && !known.has(l));
      expect(cursors.length).toBeGreaterThan(DEFAULT_TAG_LIST_CONCURRENCY - 1);
      expect(cursors.length).toBeLessThanOrEqual(EXTRA);
      expect(r.progress).toEqual([...r.progress].sort((a, b) => a - b));
    });
  }

  test('chains never exceed tagListConcurrency, nor concurrencyPerRegistry', async () => {
    paging();
    const name = SPREAD;
    const six = await list(name, client(6, 16));
    expect(six.tags).toEqual([...(DISTRIBUTIONS[name] as string[])].sort());
    expect(six.inFlight).toBeGreaterThan(DEFAULT_TAG_LIST_CONCURRENCY);
    expect(six.inFlight).toBeLessThanOrEqual(6);
    expect(six.requests).toBeLessThanOrEqual(PAGES + TAG_LIST_BOUNDARIES_PER_CHAIN * 6);
    const capped = await list(name, client(8, 3));
    expect(capped.tags).toEqual(six.tags);
    expect(capped.inFlight).toBeLessThanOrEqual(3);
    expect(capped.requests).toBeLessThanOrEqual(PAGES + TAG_LIST_BOUNDARIES_PER_CHAIN * 3);
  });
});

describe('registries that do not page lexically are listed one page at a time', () => {
  const name = WIDE;
  const expected = (): string[] => [...WIDE_TAGS].sort();

  test('opaque cursors in the next link (ECR, Quay): sequential from page 1', async () => {
    paging({ cursor: 'opaque' });
    const r = await list(name, client());
    expect(r.tags).toEqual(expected());
    expect(r.requests).toBe(WIDE_PAGES);
    expect(r.inFlight).toBe(1);
  });

  test('a registry that ignores a last it did not give: chains dropped, same tags', async () => {
    paging({ cursor: 'known' });
    const r = await list(name, client());
    expect(r.tags).toEqual(expected());
    expect(r.requests).toBeLessThanOrEqual(2 * WIDE_PAGES + EXTRA);
    // Chains were tried (and their pages dropped) before the sequential listing: more requests.
    expect(r.requests).toBeGreaterThan(WIDE_PAGES);
    // The sequential listing after the fall back, from page 2's cursor to the end. That cursor
    // is asked twice: by the root chain's first page, then by the fall back. A chain's request
    // that the fall back aborted may be logged among the fall back's (the proxy logs a request
    // as it answers), so those are counted with a margin of the other chains' requests.
    const paths = proxy.requests.map((q) => q.path);
    const page2Last = expected()[2 * PAGE - 1] as string;
    const from = `/v2/${repoOf(name)}/tags/list?n=100&last=${page2Last}`;
    const fallback = paths.lastIndexOf(from);
    expect(paths.indexOf(from)).toBeLessThan(fallback);
    const after = paths.length - fallback;
    expect(after).toBeGreaterThanOrEqual(WIDE_PAGES - 2);
    expect(after).toBeLessThanOrEqual(WIDE_PAGES - 2 + DEFAULT_TAG_LIST_CONCURRENCY - 1);
  });

  for (const kind of ['unsorted', 'out-of-range', 'skip-first'] as const) {
    test(`one ${kind} page from a chain: dropped, the rest listed sequentially`, async () => {
      paging({ corrupt: { kind } });
      const r = await list(name, client());
      expect(proxy.corrupted).toBe(1);
      expect(r.tags).toEqual(expected());
      expect(r.requests).toBeLessThanOrEqual(2 * WIDE_PAGES + EXTRA);
      // Progress never goes down when the chains' pages are dropped (a skipped first tag is only
      // seen at the seams, after every chain has read its pages).
      expect(r.progress).toEqual([...r.progress].sort((a, b) => a - b));
      expect(r.progress.at(-1)).toBe(WIDE_TAGS.length);
    });
  }
});

describe('errors on a chain end the listing as on the sequential path', () => {
  const name = SPREAD;
  afterAll(() => proxy.clearFaults());

  test('a 500 that persists on one chain: the sequential error, other chains stop', async () => {
    paging();
    proxy.clearFaults();
    proxy.addFault({ path: /last=5$/, action: { kind: 'status', status: 500 } });
    proxy.reset();
    const c = client();
    await expect(c.listTags(parseImageRepository(`${proxy.host}/${repoOf(name)}`))).rejects.toThrow(
      `registry ${proxy.host} answered HTTP 500 to GET /v2/${repoOf(name)}/tags/list 3 times; giving up`,
    );
    const sent = proxy.requests.length;
    expect(proxy.requests.filter((r) => r.status === 500)).toHaveLength(3);
    // The other chains' requests in flight are dropped (the proxy logs them as it answers, so
    // they may show after the failure); nothing is sent after that.
    await new Promise((r) => setTimeout(r, 50));
    const settled = proxy.requests.length;
    expect(settled).toBeLessThanOrEqual(sent + DEFAULT_TAG_LIST_CONCURRENCY - 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(proxy.requests.length).toBe(settled);
    expect(settled).toBeLessThan(PAGES);
    await c.close();
  });

  test("a chain's fatal error ends the other chains' retry waits at once", async () => {
    paging();
    proxy.clearFaults();
    proxy.addFault({ path: /last=5$/, action: { kind: 'status', status: 503 } });
    proxy.addFault({ path: /last=3$/, action: { kind: 'status', status: 404 } });
    proxy.reset();
    // Waits long enough that a retry after the 404 would show in the time and the requests.
    const c = new RegistryClient({
      requestTimeoutMs: 5_000,
      concurrencyPerRegistry: 16,
      retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
      sleep: (ms) => new Promise((r) => setTimeout(r, ms + 3_000)),
    });
    const t0 = performance.now();
    const err: unknown = await c
      .listTags(parseImageRepository(`${proxy.host}/${repoOf(WIDE)}`))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(performance.now() - t0).toBeLessThan(2_000);
    await new Promise((r) => setTimeout(r, 100));
    expect(proxy.requests.filter((q) => /last=5$/.test(q.path)).length).toBeLessThanOrEqual(1);
    await c.close();
  });

  test('a 404 on a chain is the sequential NotFoundError', async () => {
    paging();
    proxy.clearFaults();
    proxy.addFault({
      path: /last=3$/,
      action: {
        kind: 'status',
        status: 404,
        body: JSON.stringify({
          errors: [{ code: 'NAME_UNKNOWN', message: 'repository name not known' }],
        }),
      },
    });
    const c = client();
    const err: unknown = await c
      .listTags(parseImageRepository(`${proxy.host}/${repoOf(name)}`))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as Error).message).toBe(
      `repository ${repoOf(name)} not found on registry ${proxy.host} (NAME_UNKNOWN: repository name not known)`,
    );
    await c.close();
  });

  test('a 401 on a chain fails as a 401 on page 1 does', async () => {
    paging();
    const repo = parseImageRepository(`${proxy.host}/${repoOf(name)}`);
    const unauthorized = { kind: 'status', status: 401 } as const;
    proxy.clearFaults();
    proxy.addFault({ path: /tags\/list\?n=1000$/, action: unauthorized });
    const onPage1 = await client(1)
      .listTags(repo)
      .catch((e: unknown) => e);
    proxy.clearFaults();
    proxy.addFault({ path: /last=5$/, action: unauthorized });
    const onChain = await client()
      .listTags(repo)
      .catch((e: unknown) => e);
    expect(onPage1).toBeInstanceOf(Error);
    expect(onChain).toBeInstanceOf((onPage1 as Error).constructor);
    expect((onChain as Error).message).toBe((onPage1 as Error).message);
  });

  test('a 429 once on a chain is retried and the listing completes', async () => {
    paging();
    proxy.clearFaults();
    proxy.addFault({ path: /last=7$/, times: 1, action: { kind: 'status', status: 429 } });
    const r = await list(name, client());
    expect(r.tags).toEqual([...(DISTRIBUTIONS[name] as string[])].sort());
    expect(proxy.requests.filter((q) => q.status === 429)).toHaveLength(1);
  });
});
