/**
 * The paging proxy's worker pool (PagingOptions.workers, test/support/registry.ts): the pages,
 * Link headers and request records of the one-thread proxy, byte for byte, for every paging
 * option a worker follows, from a real registry's listing and from fake ones; and pages computed
 * at once by different workers, which is what the pool is for (bench/discover.ts measures
 * against it as against a registry that answers concurrent requests concurrently).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  RegistryPusher,
  startProxy,
  startRegistry,
  type PagingOptions,
  type RegistryProxy,
  type TestRegistry,
} from '../support/registry.js';
import { tagShapes } from '../support/tag-shapes.js';

const WORKERS = 2;
/** A listing big enough that ordering it for one page takes a worker tens of milliseconds. */
const SLOW_TAGS = 100_000;

let reg: TestRegistry;
let single: RegistryProxy;
let pooled: RegistryProxy;

beforeAll(async () => {
  reg = await startRegistry();
  const pusher = new RegistryPusher(reg.url);
  const image = await pusher.pushImage('demo/pool', ['1.0.0']);
  const tags = Array.from({ length: 45 }, (_, i) => `1.${i % 7}.${i}`).concat(['latest', 'v2']);
  await pusher.tagMany('demo/pool', tags, image.bytes, image.mediaType);
  const base: PagingOptions = { pageSize: 10, order: 'lexical', link: 'relative' };
  single = await startProxy(reg.url, base);
  pooled = await startProxy(reg.url, { ...base, workers: WORKERS });
  for (const [k, shape] of Object.values(tagShapes(1000)).entries()) {
    single.fakeTags.set(`fake/s${k}`, shape);
    pooled.fakeTags.set(`fake/s${k}`, shape);
  }
}, 60_000);

afterAll(async () => {
  await single?.close();
  await pooled?.close();
  await reg?.close();
});

interface Answer {
  status: number;
  contentType: string | null;
  link: string | null;
  body: string;
}

async function get(proxy: RegistryProxy, path: string): Promise<Answer> {
  const res = await fetch(`${proxy.url}${path}`);
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    // An absolute link names the proxy that wrote it; the rest of it must match.
    link: res.headers.get('link')?.replace(proxy.url, '<proxy>') ?? null,
    body: await res.text(),
  };
}

/** Follows the Link chain from `first` on both proxies, asserting every answer is the same. */
async function sameChain(first: string): Promise<number> {
  let path: string | null = first;
  let pages = 0;
  while (path !== null) {
    const a = await get(single, path);
    const b = await get(pooled, path);
    expect(b).toEqual(a);
    pages++;
    const next = /^<(?:<proxy>)?([^>]+)>/.exec(a.link ?? '');
    path = next?.[1] ?? null;
  }
  return pages;
}

const options: [string, Omit<PagingOptions, 'workers'>][] = [
  ['lexical, relative', { pageSize: 10, order: 'lexical', link: 'relative' }],
  ['reverse, absolute', { pageSize: 7, order: 'reverse-lexical', link: 'absolute' }],
  [
    'upstream order, known cursor',
    { pageSize: 9, order: 'upstream', link: 'relative', cursor: 'known' },
  ],
  ['opaque cursor', { pageSize: 8, order: 'lexical', link: 'absolute', cursor: 'opaque' }],
  ['ignoreN', { pageSize: 6, order: 'lexical', link: 'relative', ignoreN: true }],
  ['orderOnce', { pageSize: 10, order: 'lexical', link: 'relative', orderOnce: true }],
  ['reverse, after', { pageSize: 5, order: 'reverse-lexical', link: 'relative', cursor: 'after' }],
];

describe('the pooled proxy answers as the one-thread proxy does', () => {
  for (const [name, paging] of options) {
    test(name, async () => {
      single.paging = { ...paging };
      // Every page to a worker: computed on the main thread, a page is the one-thread proxy's.
      pooled.paging = { ...paging, workers: WORKERS, idleInline: false };
      single.reset();
      pooled.reset();
      // The registry's listing, then fake ones; asked sizes below, at and above the page size;
      // cursors that are listed tags, and speculative ones that are not (as gantry's chains send).
      const starts = [
        '/v2/demo/pool/tags/list',
        '/v2/demo/pool/tags/list?n=3',
        '/v2/demo/pool/tags/list?n=1000',
        `/v2/demo/pool/tags/list?n=4&last=${encodeURIComponent('1.3.3')}`,
        `/v2/demo/pool/tags/list?n=4&last=${encodeURIComponent('1.3')}`,
        '/v2/demo/pool/tags/list?n=4&last=zzz',
        '/v2/fake/s0/tags/list?n=100',
        `/v2/fake/s1/tags/list?n=100&last=${encodeURIComponent('2')}`,
        '/v2/fake/s3/tags/list',
      ];
      let pages = 0;
      for (const start of starts) pages += await sameChain(start);
      expect(pages).toBeGreaterThan(starts.length);
      expect(pooled.requests).toEqual(single.requests);
      expect(single.workerPages).toEqual([]);
      expect(pooled.workerPages).toHaveLength(pooled.requests.length);
    });
  }

  test('a missing repository: the registry answer passed on, recorded alike', async () => {
    for (const p of [single, pooled]) p.reset();
    const a = await get(single, '/v2/demo/nothing/tags/list');
    const b = await get(pooled, '/v2/demo/nothing/tags/list');
    expect(a.status).toBe(404);
    expect({ ...b, body: JSON.parse(b.body) as unknown }).toEqual({
      ...a,
      body: JSON.parse(a.body) as unknown,
    });
    expect(pooled.requests).toEqual(single.requests);
  });
});

test('pages asked at once are computed at once, on different workers', async () => {
  const slow = Array.from({ length: SLOW_TAGS }, (_, i) => `${i % 97}.${i}.${(i * 7919) % 1000}`);
  pooled.paging = {
    pageSize: 100,
    order: 'lexical',
    link: 'relative',
    workers: WORKERS,
    idleInline: false,
  };
  pooled.fakeTags.set('fake/slow', slow);
  // The workers receive the listing once; then each page orders all of it again.
  await get(pooled, '/v2/fake/slow/tags/list?n=1');
  pooled.reset();
  const lasts = ['1', '3', '5', '7'];
  const answers = await Promise.all(
    lasts.map((l) => get(pooled, `/v2/fake/slow/tags/list?n=100&last=${l}`)),
  );
  expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
  const work = pooled.workerPages;
  expect(work).toHaveLength(lasts.length);
  expect(new Set(work.map((w) => w.worker)).size).toBe(WORKERS);
  // Two pages from different workers whose computations overlapped in time (each worker's own
  // clock, around its own work): concurrency, whatever the load makes of the wall time.
  const overlapping = work.some((a) =>
    work.some((b) => a.worker < b.worker && a.startedAt < b.endedAt && b.startedAt < a.endedAt),
  );
  expect(overlapping).toBe(true);
});

test('by default, pages asked one at a time stay on the main thread, pages asked at once do not', async () => {
  pooled.paging = { pageSize: 100, order: 'lexical', link: 'relative', workers: WORKERS };
  pooled.fakeTags.set(
    'fake/burst',
    Array.from({ length: 20_000 }, (_, i) => `t${i}`),
  );
  await get(pooled, '/v2/fake/burst/tags/list?n=1');
  pooled.reset();
  for (const l of ['t1', 't2', 't3']) await get(pooled, `/v2/fake/burst/tags/list?last=${l}`);
  expect(pooled.requests).toHaveLength(3);
  expect(pooled.workerPages).toEqual([]);
  await Promise.all(
    ['t4', 't5', 't6', 't7', 't8'].map((l) => get(pooled, `/v2/fake/burst/tags/list?last=${l}`)),
  );
  expect(pooled.workerPages.length).toBeGreaterThan(0);
});

test('a function order or spoiled pages cannot run in workers', async () => {
  await expect(
    startProxy(reg.url, { pageSize: 5, order: (t) => t, link: 'relative', workers: 2 }),
  ).rejects.toThrow(/function order/);
  await expect(
    startProxy(reg.url, {
      pageSize: 5,
      order: 'lexical',
      link: 'relative',
      workers: 2,
      corrupt: { kind: 'unsorted' },
    }),
  ).rejects.toThrow(/corrupt/);
});
