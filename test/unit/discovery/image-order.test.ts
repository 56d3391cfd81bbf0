/**
 * The SemVer strategy's bounded order (images.ts newestVersions) against the plain definition:
 * every tag through parseVersion, all sorted by compareVersionsDesc, then cut.
 */
import { describe, expect, test } from 'vitest';
import { ALL_TAGS, semverMatcher } from '../../../src/discovery/image-select.js';
import { newestVersions } from '../../../src/discovery/images.js';
import { compileTagFilter } from '../../../src/discovery/tag-filter.js';
import { compareVersionsDesc, type ParsedVersion } from '../../../src/semver/parse.js';

const MIXED = [
  '1.2.3',
  'v1.2.3',
  '1.2.3-rc.1',
  '1.2.3-rc.2',
  '1.2.3+build.5',
  'v1.2.3+build.4',
  '1.2.3-alpha',
  '01.2.3',
  '1.02.3',
  '1.2',
  'v1',
  '2',
  '2.0.0',
  '2.0.0-0',
  '10.0.0',
  '9.99.99',
  'vv1.0.0',
  'latest',
  '1.0.0-01',
  '99999999999999999999.0.0',
  '9007199254740991.0.0',
  '0.0.0',
  'v0.0.1-beta+exp.sha.5114f85',
  '3.4.5-x.7.z.92',
  '3.4.5',
  '3.4.5+meta',
  'v3.4.5',
];

function reference(
  tags: string[],
  keep: number,
  matcher: { parse(t: string): ParsedVersion | null },
): { ordered: string[]; matching: number } {
  const all = tags.flatMap((t) => matcher.parse(t) ?? []).sort(compareVersionsDesc);
  return {
    ordered: all.slice(0, keep).map((v) => v.original),
    matching: all.length,
  };
}

/** Deterministic shuffle (a small LCG), so a failure reproduces. */
function shuffled<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('newestVersions', () => {
  for (const strict of [true, false]) {
    for (const constraint of [undefined, '^1.0.0-0', '>=2']) {
      test(`strict ${strict}, constraint ${constraint ?? 'none'}: the order of a full sort, cut`, () => {
        const matcher = semverMatcher({ filter: ALL_TAGS, constraint, strictSemvers: strict });
        for (const [seed, keep] of [
          [1, 1],
          [2, 3],
          [3, 7],
          [4, 1000],
          [5, Number.POSITIVE_INFINITY],
        ] as const) {
          const tags = shuffled(MIXED, seed);
          const got = newestVersions(tags, keep, {
            filter: ALL_TAGS,
            matcher,
            strict,
            plainFastPath: constraint === undefined,
          });
          expect(got, `seed ${seed} keep ${keep}`).toEqual(reference(tags, keep, matcher));
        }
      });
    }
  }

  test('the tag regexes apply to plain tags too', () => {
    const filter = compileTagFilter(['^v'], ['^v3']);
    const matcher = semverMatcher({ filter, strictSemvers: false });
    const got = newestVersions(MIXED, 4, { filter, matcher, strict: false, plainFastPath: true });
    expect(got).toEqual({
      ordered: ['v1.2.3+build.4', 'v1.2.3', 'v1', 'v0.0.1-beta+exp.sha.5114f85'],
      matching: 4,
    });
  });

  test('tags sharing their numbers with the last kept one, in lexical and reverse order', () => {
    // Plain tags are turned away by their numbers alone once `keep` are held; ties on the numbers
    // (pre-releases, builds, a `v`) must still be ordered as the full sort orders them.
    const tags: string[] = [];
    for (let a = 0; a < 3; a++)
      for (let b = 0; b < 3; b++)
        for (let c = 0; c < 3; c++)
          for (const form of ['', 'v', '-rc.1', '-0', '+b.1', 'v+b.2'])
            tags.push(
              form.startsWith('v') ? `v${a}.${b}.${c}${form.slice(1)}` : `${a}.${b}.${c}${form}`,
            );
    for (const strict of [true, false]) {
      const matcher = semverMatcher({ filter: ALL_TAGS, strictSemvers: strict });
      const o = { filter: ALL_TAGS, matcher, strict, plainFastPath: true };
      for (const order of [[...tags].sort(), [...tags].sort().reverse()]) {
        for (const keep of [1, 2, 5, 13, 40]) {
          expect(newestVersions(order, keep, o), `strict ${strict} keep ${keep}`).toEqual(
            reference(order, keep, matcher),
          );
        }
      }
    }
  });

  test('10,000 tags in pages of lexical order: the newest 20', () => {
    const tags = Array.from(
      { length: 10_000 },
      (_, i) => `${Math.floor(i / 1000)}.${Math.floor(i / 10) % 100}.${i % 10}`,
    ).sort();
    const matcher = semverMatcher({ filter: ALL_TAGS, strictSemvers: true });
    const o = { filter: ALL_TAGS, matcher, strict: true, plainFastPath: true };
    expect(newestVersions(tags, 20, o)).toEqual(reference(tags, 20, matcher));
  });
});
