import { describe, expect, test } from 'vitest';
import {
  lexicalTemplate,
  listTagRanges,
  splitPoints,
  type TagPage,
} from '../../src/discovery/oci/tag-ranges.js';
import { tagShapes } from '../support/tag-shapes.js';

const between = (points: string[], lo: string, hi?: string): boolean =>
  points.every((p) => p > lo && (hi === undefined || p < hi));

describe('splitPoints', () => {
  test('a counter at the front: the major versions after it', () => {
    const sample = ['0.0.0', '0.1.0', '0.10.0', '0.17.9'];
    expect(splitPoints('0.17.9', undefined, sample, 3)).toEqual(['3', '5', '7']);
    expect(splitPoints('0.17.9', undefined, sample, 20).slice(0, 9)).toEqual(
      '0.2 0.3 0.4 0.5 0.6 0.7 0.8 0.9 1'.split(' '),
    );
  });

  test('constant letters are names, not counters: v and build- are kept', () => {
    expect(splitPoints('v0.17.9', undefined, ['v0.0.0', 'v0.17.9'], 3)).toEqual(['v3', 'v5', 'v7']);
    const dense = splitPoints('build-1088', undefined, ['build-1', 'build-1000', 'build-1088'], 8);
    expect(dense).toEqual('2 3 4 5 6 7 8 9'.split(' ').map((d) => `build-${d}`));
  });

  test('the high digits of a year are not raised; its last digit is', () => {
    const sample = ['2026.01.01-abc1234', '2026.01.10-fff0000'];
    expect(splitPoints('2026.01.10-fff0000', undefined, sample, 3)).toEqual([
      '2027',
      '2028',
      '2029',
    ]);
  });

  test('after 2029, the year carries: 203…', () => {
    const sample = ['2029.01.01-abc1234', '2029.01.25-fff0000'];
    const points = splitPoints('2029.01.25-fff0000', undefined, sample, 8);
    expect(points.filter((p) => p.length === 3)).toEqual([
      '203',
      '204',
      '205',
      '206',
      '207',
      '208',
      '209',
    ]);
  });

  test('hex digests: digits and a–f only', () => {
    const sample = ['0000aa', '01ff00', '028e11'];
    const points = splitPoints('028e11', undefined, sample, 30);
    expect(points.filter((p) => p.length === 1)).toEqual(
      '1 2 3 4 5 6 7 8 9 a b c d e f'.split(' '),
    );
    expect(points.every((p) => /^[0-9a-f]+$/.test(p))).toBe(true);
  });

  test('always strictly inside the interval, sorted, at most max', () => {
    const cases: [string, string | undefined, string[]][] = [
      ['1.0.188', '4', ['1.0.150', '1.0.188']],
      ['3.17.9', '3.5', ['3.0.0', '3.17.9']],
      ['Release-1x', 'rc-0', ['RC-9', 'Release-1x']],
      ['a', 'b', ['a']],
    ];
    for (const [lo, hi, sample] of cases) {
      for (const max of [0, 1, 3, 50]) {
        const points = splitPoints(lo, hi, sample, max);
        expect(points.length).toBeLessThanOrEqual(max);
        expect(between(points, lo, hi)).toBe(true);
        expect(points).toEqual([...new Set(points)].sort());
      }
    }
  });
});

describe('lexicalTemplate', () => {
  const page = new URL('https://r.example/v2/a/b/tags/list?n=3');
  const next = (q: string) => new URL(`/v2/a/b/tags/list?${q}`, page);

  test('ascending tags and a next link whose last is the last tag', () => {
    expect(lexicalTemplate(['a', 'b', 'c'], next('n=3&last=c'), page)?.href).toBe(
      'https://r.example/v2/a/b/tags/list?n=3&last=c',
    );
  });

  test('anything else: no template', () => {
    expect(lexicalTemplate(['a', 'c', 'b'], next('n=3&last=b'), page)).toBeUndefined();
    expect(lexicalTemplate(['a', 'b', 'b'], next('n=3&last=b'), page)).toBeUndefined();
    expect(lexicalTemplate(['a', 'b', 'c'], next('n=3&last=opaque'), page)).toBeUndefined();
    expect(lexicalTemplate(['a', 'b', 'c'], next('n=3&next_page=xyz'), page)).toBeUndefined();
    expect(lexicalTemplate(['a', 'b', 'c'], next('n=3&last=c&last=d'), page)).toBeUndefined();
    expect(lexicalTemplate(['a'], next('n=1&last=a'), page)).toBeUndefined();
    expect(lexicalTemplate(['a', 'b', 'ü'], next('n=3&last=ü'), page)).toBeUndefined();
    expect(
      lexicalTemplate(
        ['a', 'b', 'c'],
        new URL('https://other.example/v2/a/b/tags/list?last=c'),
        page,
      ),
    ).toBeUndefined();
  });
});

describe('listTagRanges on a virtual clock (each page one round)', () => {
  /**
   * Lists `all` as the client does: pages 1 and 2 read one after the other, the rest by `chains`
   * chains from page 2's cursor. Rounds are the critical path in pages, page 1 and 2 included;
   * `inFlight` the most requests open at once.
   */
  async function simulate(all: string[], chains: number) {
    const P = 100;
    const url = (last: string) => {
      const u = new URL('https://r.example/v2/x/tags/list?n=100');
      u.searchParams.set('last', last);
      return u;
    };
    let now = 2;
    let requests = 2;
    let open = 0;
    let inFlight = 0;
    const pending: { at: number; answer: () => void }[] = [];
    const fetchPage = (href: string) =>
      new Promise<TagPage>((resolve) => {
        requests++;
        inFlight = Math.max(inFlight, ++open);
        const last = new URL(href).searchParams.get('last') as string;
        let i = all.findIndex((t) => t > last);
        if (i < 0) i = all.length;
        const tags = all.slice(i, i + P);
        const more = i + P < all.length && tags.length > 0;
        pending.push({
          at: now + 1,
          answer: () => {
            open--;
            resolve({ tags, name: 'x', ...(more && { next: url(tags.at(-1) as string) }) });
          },
        });
      });
    let done = false;
    const listing = listTagRanges({
      template: url(all[2 * P - 1] as string),
      firstPage: all.slice(0, 2 * P),
      pageSize: P,
      name: 'x',
      concurrency: chains,
      maxBoundaries: 4 * chains,
      fetchPage,
    }).finally(() => (done = true));
    while (!done) {
      await new Promise((r) => setImmediate(r));
      if (pending.length === 0) continue;
      now = Math.min(...pending.map((p) => p.at));
      for (const p of pending.filter((q) => q.at === now)) {
        pending.splice(pending.indexOf(p), 1);
        p.answer();
      }
    }
    return { tags: await listing, rounds: now, requests, inFlight };
  }

  // 100 pages over 4 chains after pages 1 and 2, the first boundaries set after page 3, take 28
  // rounds at best. Before chains were cut again when one ended, v-prefixed semver took 66,
  // dates 59 and mixed case 87.
  for (const [name, tags] of Object.entries(tagShapes(10_000))) {
    if (tags.length <= 200) continue;
    test(`${name}: the same tags in at most 35 rounds instead of 100, ≤ 16 requests more`, async () => {
      const all = [...tags].sort();
      const r = await simulate(all, 4);
      expect(r.tags).toEqual(all.slice(200));
      expect(r.rounds).toBeLessThanOrEqual(35);
      expect(r.requests).toBeLessThanOrEqual(100 + 16);
      expect(r.inFlight).toBeLessThanOrEqual(4);
    });
  }

  for (const [name, tags] of Object.entries(tagShapes(1_000))) {
    if (tags.length <= 200) continue;
    test(`${name}, ten pages: at most the first 3 boundaries, no re-cuts beyond what pages earn`, async () => {
      const all = [...tags].sort();
      const r = await simulate(all, 4);
      expect(r.tags).toEqual(all.slice(200));
      expect(r.requests).toBeLessThanOrEqual(10 + 3);
      expect(r.rounds).toBeLessThanOrEqual(10);
    });
  }

  for (const [name, tags] of Object.entries(tagShapes(300))) {
    if (tags.length <= 200) continue;
    test(`${name}, three pages: no boundary, the three requests of the sequential listing`, async () => {
      const all = [...tags].sort();
      const r = await simulate(all, 4);
      expect(r.tags).toEqual(all.slice(200));
      expect(r.requests).toBe(3);
      expect(r.rounds).toBe(3);
      expect(r.inFlight).toBe(1);
    });
  }

  test('random names, numbers and pr-N-M tags: the sequential listing, within the bounds', async () => {
    let seed = 7;
    const rnd = (): number =>
      (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
    const pick = (chars: string): string => chars[Math.floor(rnd() * chars.length)] as string;
    const makers: (() => string)[] = [
      () => {
        let t = pick('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz');
        for (let i = Math.floor(rnd() * 20); i >= 0; i--)
          t += pick('-._0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz');
        return t;
      },
      () => String(Math.floor(rnd() * 1e9)),
      () => `pr-${Math.floor(rnd() * 5000)}-${Math.floor(rnd() * 100)}`,
    ];
    for (const make of makers) {
      for (const n of [777, 3000]) {
        const set = new Set<string>();
        while (set.size < n) set.add(make());
        const all = [...set].sort();
        for (const chains of [2, 4, 6]) {
          const r = await simulate(all, chains);
          expect(r.tags).toEqual(all.slice(200));
          expect(r.requests).toBeLessThanOrEqual(Math.ceil(n / 100) + 4 * chains);
          expect(r.inFlight).toBeLessThanOrEqual(chains);
        }
      }
    }
  });

  test('30,000 tags with 8 chains: ≤ 32 requests more, never more than 8 in flight', async () => {
    for (const tags of Object.values(tagShapes(30_000))) {
      if (tags.length <= 200) continue;
      const all = [...tags].sort();
      const r = await simulate(all, 8);
      expect(r.tags).toEqual(all.slice(200));
      expect(r.requests).toBeLessThanOrEqual(300 + 32);
      expect(r.inFlight).toBeLessThanOrEqual(8);
      expect(r.rounds).toBeLessThanOrEqual(60);
    }
  });
});
