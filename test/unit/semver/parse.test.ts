import { describe, expect, test } from 'vitest';
import { compareVersionsDesc, parseVersion, sortVersionsDesc } from '../../../src/semver/parse.js';

describe('parseVersion (conformance A: pkg/controller/semver/parser_test.go)', () => {
  const cases: [tag: string, strict: boolean, expected: [string, string] | null][] = [
    ['invalid', true, null],
    ['invalid', false, null],
    ['1', true, null],
    ['1', false, ['1.0.0', '1']],
    ['1.0.0', true, ['1.0.0', '1.0.0']],
    ['1.0.0', false, ['1.0.0', '1.0.0']],
    ['v1.0.0', true, ['1.0.0', 'v1.0.0']],
    ['v1.0.0', false, ['1.0.0', 'v1.0.0']],
    // pkg/image/semver_selector_test.go: v1.0 with strictSemvers=true does not match
    ['v1.0', true, null],
    ['v1.0', false, ['1.0.0', 'v1.0']],
    // more of our own
    ['1.0', false, ['1.0.0', '1.0']],
    ['1.2.3-alpha.1', true, ['1.2.3-alpha.1', '1.2.3-alpha.1']],
    ['1.2.3+build.1', true, ['1.2.3', '1.2.3+build.1']],
    ['v1-rc.1', false, ['1.0.0-rc.1', 'v1-rc.1']],
    ['vv1.0.0', true, null],
    ['vv1.0.0', false, null],
    ['V1.0.0', false, null],
    ['01.2.3', true, null],
    ['01.2.3', false, ['1.2.3', '01.2.3']],
    ['1.0.0-01', false, null],
    ['1.0.0-', false, null],
    ['1.0.0.0', false, null],
    ['', false, null],
    ['latest', false, null],
    ['99999999999999999999.0.0', false, null],
  ];
  test.each(cases)('%j strict=%s', (tag, strict, expected) => {
    const parsed = parseVersion(tag, strict);
    expect(parsed && [parsed.version.version, parsed.original]).toEqual(expected);
  });
});

describe('compareVersionsDesc (conformance C)', () => {
  const sortTags = (tags: string[], strict = false): string[] =>
    sortVersionsDesc(tags, strict).map((v) => v.original);

  test('sort (Test_semverSelector_sort)', () => {
    expect(
      sortTags(['5.0.0', '0.0.1', '0.2.1', '0.1.1', '1.1.1', '7.0.6', '1.0.0', '1.0.2']),
    ).toEqual(['7.0.6', '5.0.0', '1.1.1', '1.0.2', '1.0.0', '0.2.1', '0.1.1', '0.0.1']);
  });

  test('regression #4788: 9.1.10 is newer than 9.1.9', () => {
    expect(sortTags(['9.1.9', '9.1.10'])[0]).toBe('9.1.10');
    expect(sortTags(['9.1.10', '9.1.9'])[0]).toBe('9.1.10');
  });

  test.each([
    [
      ['1.0', '1.0.0'],
      ['1.0.0', '1.0'],
    ],
    [
      ['1.0.0', '1.0'],
      ['1.0.0', '1.0'],
    ],
    [
      ['1.0.0', 'v1.0.0'],
      ['v1.0.0', '1.0.0'],
    ],
    [
      ['1.0.0+b', '1.0.0+a'],
      ['1.0.0+b', '1.0.0+a'],
    ],
  ])('tie-break by descending original string: %j', (input, expected) => {
    expect(sortTags(input)).toEqual(expected);
  });

  test.each([
    ['0.9.0-dev-9', '0.9.0-dev-12'],
    ['1.0.0', '1.0.0-rc.1'],
    ['1.0.0-rc.2', '1.0.0-rc.1'],
    ['1.0.0-rc.10', '1.0.0-rc.9'],
    ['1.0.0-beta', '1.0.0-alpha'],
    ['1.0.0-alpha.1', '1.0.0-alpha'],
    ['1.0.0-alpha.beta', '1.0.0-alpha.1'],
  ])('prerelease ordering: %s before %s', (newer, older) => {
    expect(sortTags([older, newer])).toEqual([newer, older]);
    const a = parseVersion(newer, false)!;
    const b = parseVersion(older, false)!;
    expect(compareVersionsDesc(a, b)).toBeLessThan(0);
    expect(compareVersionsDesc(b, a)).toBeGreaterThan(0);
  });

  test('non-versions are dropped; strict drops partial versions', () => {
    expect(sortTags(['foo', 'v1.0', 'v1.0.0'])).toEqual(['v1.0.0', 'v1.0']);
    expect(sortTags(['foo', 'v1.0', 'v1.0.0'], true)).toEqual(['v1.0.0']);
  });
});
