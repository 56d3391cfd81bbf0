import { describe, expect, test } from 'vitest';
import { lexicalTemplate, splitPoints } from '../../src/discovery/oci/tag-ranges.js';

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
