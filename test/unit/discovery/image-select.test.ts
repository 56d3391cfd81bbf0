/**
 * Kargo conformance (../shared/conformance/kargo.md sections B–E), ported as tables.
 */
import { describe, expect, test } from 'vitest';
import {
  digestMatchesTag,
  filterTags,
  formatPlatform,
  mergeAnnotations,
  parsePlatform,
  platformMatches,
  semverMatcher,
  sortLexicalTags,
  sortNewestBuild,
  sortSemverTags,
  type PlatformEntry,
} from '../../../src/discovery/image-select.js';
import { compileTagFilter } from '../../../src/discovery/tag-filter.js';

describe('B. tag filtering (tag_based_selector_test.go MatchesTag)', () => {
  const cases: [string[], string[], string, boolean][] = [
    [[], [], 'abc', true],
    [['[a-z]+'], [], 'abc', true],
    [['[a-z]+'], [], '123', false],
    [[], ['^abc$'], 'abc', false],
    [[], ['^abc$'], '123', true],
    [['[a-z]+'], ['^abc$'], 'abc', false], // ignore wins
  ];
  test.each(cases)('allow %j ignore %j tag %s ⇒ %s', (allow, ignore, tag, want) => {
    expect(compileTagFilter(allow, ignore).matches(tag)).toBe(want);
  });

  test('filterTags', () => {
    const f = compileTagFilter(['v1\\.'], ['^v1\\.0\\.0$']);
    expect(filterTags(['v1.0.0', 'v1.1.0', 'v2.0.0'], f)).toEqual(['v1.1.0']);
  });

  test('a bad regex is an error compiling regular expression', () => {
    expect(() => compileTagFilter(['['], [])).toThrow(/^error compiling regular expression "\["/);
    expect(() => compileTagFilter([], ['('])).toThrow(/error compiling regular expression/);
  });

  test('tags a registry chooses cannot make a filter backtrack (RE2, linear time)', () => {
    const hostile = `${'a'.repeat(100)}-`; // a valid tag: 128 characters at most
    const f = compileTagFilter(['^(a+)+$', '^v(\\d+\\.?)+$'], ['^(a|aa)*-$-never']);
    const started = performance.now();
    expect(filterTags([hostile, 'a'.repeat(120), `v${'1.'.repeat(60)}x`, 'v1.2.3'], f)).toEqual([
      'a'.repeat(120),
      'v1.2.3',
    ]);
    const m = semverMatcher({ filter: f, strictSemvers: false });
    expect(m.matches(hostile)).toBe(false);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  // The deprecated `allowTags`/`ignoreTags` fields are not part of gantry's subscription type;
  // the project-file parser rejects them (Kargo's constructor errors "AllowTags is deprecated").
});

describe('C. SemVer strategy (semver_selector_test.go)', () => {
  const cases: [string[], string[], boolean, string, boolean][] = [
    [[], [], false, 'foo', false],
    [[], [], true, 'v1.0', false],
    [[], [], false, 'v1.0.0', true],
    [['^v1\\.'], [], false, 'v1.0.0', true],
    [['^v1\\.'], [], false, 'v2.0.0', false],
    [[], ['^v2\\.0\\.0$'], false, 'v2.0.0', false],
    [[], ['^v2\\.0\\.0$'], false, 'v1.0.0', true],
    [['^v1\\.'], ['^v1\\.0\\.0$'], false, 'v1.0.0', false],
  ];
  test.each(cases)(
    'allow %j ignore %j strict %s tag %s ⇒ %s',
    (allow, ignore, strict, tag, want) => {
      const m = semverMatcher({ filter: compileTagFilter(allow, ignore), strictSemvers: strict });
      expect(m.matches(tag)).toBe(want);
    },
  );

  test('v1.0 is a version when not strict', () => {
    expect(
      semverMatcher({ filter: compileTagFilter([], []), strictSemvers: false }).matches('v1.0'),
    ).toBe(true);
  });

  test('constraints', () => {
    expect(() =>
      semverMatcher({
        filter: compileTagFilter([], []),
        constraint: 'invalid',
        strictSemvers: false,
      }),
    ).toThrow(/error parsing semver constraint/);
    const m = semverMatcher({
      filter: compileTagFilter([], []),
      constraint: '^v1.0.0',
      strictSemvers: false,
    });
    expect(m.matches('v1.5.0')).toBe(true);
    expect(m.matches('v2.0.0')).toBe(false);
    expect(m.matches('v1.5.0-rc.1')).toBe(false);
  });

  test('sort', () => {
    expect(
      sortSemverTags(
        ['5.0.0', '0.0.1', '0.2.1', '0.1.1', '1.1.1', '7.0.6', '1.0.0', '1.0.2'],
        false,
      ),
    ).toEqual(['7.0.6', '5.0.0', '1.1.1', '1.0.2', '1.0.0', '0.2.1', '0.1.1', '0.0.1']);
  });

  test.each([
    [
      ['9.1.9', '9.1.10'],
      ['9.1.10', '9.1.9'],
    ], // issue #4788: semver, not lexical
    [
      ['1.0', '1.0.0'],
      ['1.0.0', '1.0'],
    ], // tie: descending original
    [
      ['1.0.0', 'v1.0.0'],
      ['v1.0.0', '1.0.0'],
    ], // 'v' > '1'
    [
      ['0.9.0-dev-12', '0.9.0-dev-9'],
      ['0.9.0-dev-9', '0.9.0-dev-12'],
    ], // #5018
    [
      ['1.0.0-rc.1', '1.0.0'],
      ['1.0.0', '1.0.0-rc.1'],
    ],
    [['foo', '1.0.0'], ['1.0.0']], // non-versions dropped
  ])('sort %j ⇒ %j', (input, want) => {
    expect(sortSemverTags(input, false)).toEqual(want);
  });

  test('strict sorting drops partial versions', () => {
    expect(sortSemverTags(['1.0', 'v1.0.0', '2'], true)).toEqual(['v1.0.0']);
  });
});

describe('D. NewestBuild, Lexical, Digest', () => {
  test('NewestBuild sort (newest_build_selector_test.go)', () => {
    const now = Date.parse('2024-06-01T00:00:00Z');
    const offsets = [0, 1, 5, 24, 8, 2, 7, 3];
    const images = offsets.map((h) => ({
      tag: `t${h}`,
      createdAt: new Date(now + h * 3_600_000).toISOString(),
    }));
    expect(sortNewestBuild(images).map((i) => i.tag)).toEqual([
      't24',
      't8',
      't7',
      't5',
      't3',
      't2',
      't1',
      't0',
    ]);
  });

  test('NewestBuild ties by tag descending; unknown build times last', () => {
    const t = '2024-01-01T00:00:00.000Z';
    expect(
      sortNewestBuild([
        { tag: 'a', createdAt: t },
        { tag: 'x' },
        { tag: 'c', createdAt: t },
        { tag: 'b', createdAt: '2023-01-01T00:00:00Z' },
      ]).map((i) => i.tag),
    ).toEqual(['c', 'a', 'b', 'x']);
  });

  test.each([
    [
      ['nightly-20240101', 'nightly-20240315', 'nightly-20231231'],
      ['nightly-20240315', 'nightly-20240101', 'nightly-20231231'],
    ],
    [
      ['v10', 'v9'],
      ['v9', 'v10'],
    ], // byte order: "v10" < "v9"
  ])('Lexical %j ⇒ %j', (input, want) => {
    expect(sortLexicalTags(input)).toEqual(want);
  });

  test('Digest matches exactly the mutable tag', () => {
    expect(digestMatchesTag('latest', 'latest')).toBe(true);
    expect(digestMatchesTag('latest', 'latest2')).toBe(false);
    expect(digestMatchesTag('latest', 'Latest')).toBe(false);
  });
});

describe('E. platform constraint (platform_constraint_test.go)', () => {
  test('parse and format', () => {
    expect(parsePlatform('linux/amd64')).toEqual({ os: 'linux', arch: 'amd64', variant: '' });
    expect(parsePlatform('linux/amd64/fake-variant')).toEqual({
      os: 'linux',
      arch: 'amd64',
      variant: 'fake-variant',
    });
    expect(() => parsePlatform('invalid')).toThrow('error parsing platform constraint "invalid"');
    expect(formatPlatform(parsePlatform('linux/amd64'))).toBe('linux/amd64');
    expect(formatPlatform(parsePlatform('linux/amd64/fake-variant'))).toBe(
      'linux/amd64/fake-variant',
    );
  });

  test.each([
    ['linux/amd64', 'linux', 'amd64', undefined, true],
    ['linux/amd64', 'linux', 'arm64', undefined, false],
    ['linux/amd64', 'windows', 'amd64', undefined, false],
    ['linux/arm64', 'linux', 'arm64', 'v8', false], // empty variant ≠ v8
    ['linux/arm64/v8', 'linux', 'arm64', 'v8', true],
    ['linux/arm64/v8', 'linux', 'arm64', undefined, false],
  ])('%s matches %s/%s/%s ⇒ %s', (c, os, arch, variant, want) => {
    expect(platformMatches(parsePlatform(c), os, arch, variant)).toBe(want);
  });

  describe('annotations (image_test.go TestImageGetAnnotations)', () => {
    const base = { key1: 'value1', key2: 'value2' };
    const amd: PlatformEntry = {
      os: 'linux',
      arch: 'amd64',
      annotations: { key2: 'override-value2', key3: 'value3' },
    };
    const arm: PlatformEntry = { ...amd, arch: 'arm64' };
    const pc = parsePlatform('linux/amd64');
    test.each([
      ['nil constraint, no annotations', undefined, [], undefined, undefined],
      ['nil constraint, base only', base, [], undefined, base],
      ['nil constraint, platform only', undefined, [amd], undefined, undefined],
      ['nil constraint, base + platform', base, [amd], undefined, base],
      ['constraint, none', undefined, [], pc, undefined],
      ['constraint, base only', base, [], pc, base],
      ['constraint, base + non-matching platform', base, [arm], pc, base],
      [
        'constraint, base + matching platform',
        base,
        [amd],
        pc,
        { key1: 'value1', key2: 'override-value2', key3: 'value3' },
      ],
      [
        'constraint, matching platform only',
        undefined,
        [amd],
        pc,
        { key2: 'override-value2', key3: 'value3' },
      ],
    ] as const)('%s', (_name, b, platforms, constraint, want) => {
      const got = mergeAnnotations(b, platforms, constraint);
      expect(got).toEqual(want);
      if (got && b) expect(got).not.toBe(b); // a copy
    });
  });
});
