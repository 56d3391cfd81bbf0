import { describe, expect, test } from 'vitest';
import { SemVer } from 'semver';
import { parseConstraint } from '../../../src/semver/constraint.js';
import { parseVersion } from '../../../src/semver/parse.js';

describe('filterSemvers (conformance J: pkg/helm/chart/base_selector_test.go)', () => {
  const cases: [constraint: string, input: string[], kept: string[]][] = [
    ['^1.2.3', [], []],
    ['=4.5.6', ['1.2.3', '4.5.6', '7.8.9'], ['4.5.6']],
    ['>=4.5.6 <7.8.9', ['1.2.3', '4.5.6', '7.8.9'], ['4.5.6']],
    ['1.2.x-0', ['1.2.3-alpha.1', '1.2.3-beta.2', '1.3.0'], ['1.2.3-alpha.1', '1.2.3-beta.2']],
    ['1.2.x', ['1.2.3', '1.2.4', '1.3.0'], ['1.2.3', '1.2.4']],
  ];
  test.each(cases)('%j', (constraint, input, kept) => {
    const c = parseConstraint(constraint);
    expect(input.filter((v) => c.matches(parseVersion(v, false)!.version))).toEqual(kept);
  });
});

describe('constraint construction (conformance C)', () => {
  test('"invalid" is rejected', () => {
    expect(() => parseConstraint('invalid')).toThrow(
      'error parsing semver constraint "invalid": improper constraint: invalid',
    );
  });
  test('"^v1.0.0" is accepted', () => {
    expect(parseConstraint('^v1.0.0').matches('1.2.0')).toBe(true);
  });
});

describe('constraint grammar and meaning', () => {
  // [constraint, version, matches]
  const cases: [string, string, boolean][] = [
    // plain equality and operators
    ['1.2.3', '1.2.3', true],
    ['1.2.3', '1.2.4', false],
    ['=1.2.3', '1.2.3', true],
    ['= 1.2.3', '1.2.3', true],
    ['v1.2.3', '1.2.3', true],
    ['=1.2.3', '1.2.3+build', true],
    ['!=1.2.3', '1.2.3', false],
    ['!=1.2.3', '1.2.4', true],
    ['>1.2.3', '1.2.4', true],
    ['>1.2.3', '1.2.3', false],
    ['<1.2.3', '1.2.2', true],
    ['<1.2.3', '1.2.3', false],
    ['>=1.2.3', '1.2.3', true],
    ['>=1.2.3', '1.2.2', false],
    ['=>1.2.3', '1.2.3', true],
    ['<=1.2.3', '1.2.3', true],
    ['<=1.2.3', '1.2.4', false],
    ['=<1.2.3', '1.2.3', true],
    ['=<1.2.3', '1.2.4', false],
    // wildcards and partial versions
    ['*', '0.0.1', true],
    ['*', '99.0.0', true],
    ['x', '1.0.0', true],
    ['1.x', '1.9.9', true],
    ['1.x', '2.0.0', false],
    ['1.X', '1.0.0', true],
    ['1.*', '1.5.0', true],
    ['1', '1.5.0', true],
    ['1', '2.0.0', false],
    ['1.2', '1.2.9', true],
    ['1.2', '1.3.0', false],
    ['1.2.x', '1.2.0', true],
    ['1.2.*', '1.1.9', false],
    ['=1.2', '1.2.5', true],
    ['!=1.2', '1.2.5', false],
    ['!=1.2', '1.3.0', true],
    ['!=1.x', '1.3.0', false],
    ['!=1.x', '2.0.0', true],
    ['>1.2', '1.2.9', false],
    ['>1.2', '1.3.0', true],
    ['>1', '1.9.0', false],
    ['>1', '2.0.0', true],
    ['>=1.2.x', '1.2.0', true],
    ['>=1.2.x', '1.1.9', false],
    ['<1.2', '1.1.9', true],
    ['<1.2', '1.2.0', false],
    ['<=1.2', '1.2.9', true],
    ['<=1.2', '1.3.0', false],
    ['<=2.x', '2.9.9', true],
    ['<=2.x', '3.0.0', false],
    ['<=1', '1.9.0', true],
    // tilde
    ['~1.2.3', '1.2.3', true],
    ['~1.2.3', '1.2.9', true],
    ['~1.2.3', '1.3.0', false],
    ['~1.2.3', '1.2.2', false],
    ['~>1.2.3', '1.2.9', true],
    ['~> 1.2.3', '1.3.0', false],
    ['~1.2', '1.2.0', true],
    ['~1.2', '1.3.0', false],
    ['~1', '1.9.9', true],
    ['~1', '2.0.0', false],
    ['~1.x', '1.9.9', true],
    ['~2.0', '2.0.9', true],
    ['~2.0', '2.1.0', false],
    ['~*', '5.0.0', true],
    ['~0.0.0', '5.0.0', true],
    // caret
    ['^1.2.3', '1.2.3', true],
    ['^1.2.3', '1.9.0', true],
    ['^1.2.3', '2.0.0', false],
    ['^1.2.3', '1.2.2', false],
    ['^1.2', '1.2.0', true],
    ['^1.2', '1.99.0', true],
    ['^1.2', '2.0.0', false],
    ['^1', '1.0.0', true],
    ['^1', '2.0.0', false],
    ['^0.2.3', '0.2.3', true],
    ['^0.2.3', '0.2.9', true],
    ['^0.2.3', '0.3.0', false],
    ['^0.2', '0.2.0', true],
    ['^0.2', '0.3.0', false],
    ['^0.0.3', '0.0.3', true],
    ['^0.0.3', '0.0.4', false],
    ['^0.0', '0.0.9', true],
    ['^0.0', '0.1.0', false],
    ['^0', '0.9.9', true],
    ['^0', '1.0.0', false],
    ['^*', '3.0.0', true],
    ['^v1.0.0', '1.5.0', true],
    // AND with commas or spaces, OR with ||
    ['>= 1.2, < 2', '1.5.0', true],
    ['>= 1.2, < 2', '2.0.0', false],
    ['>=1.2 <2', '1.1.0', false],
    ['>=1.2 <2', '1.2.0', true],
    ['>=1.2,<2', '1.9.0', true],
    ['>=1.2 , <2', '1.9.0', true],
    ['  >=1.2   <2  ', '1.9.0', true],
    ['>=1.2.3 <1.3 !=1.2.5', '1.2.5', false],
    ['>=1.2.3 <1.3 !=1.2.5', '1.2.6', true],
    ['^1.2 || ^3', '3.1.0', true],
    ['^1.2 || ^3', '2.1.0', false],
    ['<1 || >=2.0, <2.1 || 5.x', '2.0.5', true],
    ['<1 || >=2.0, <2.1 || 5.x', '5.9.0', true],
    ['<1 || >=2.0, <2.1 || 5.x', '1.5.0', false],
    // hyphen ranges
    ['1.2 - 1.4.5', '1.2.0', true],
    ['1.2 - 1.4.5', '1.4.5', true],
    ['1.2 - 1.4.5', '1.4.6', false],
    ['1.2 - 1.4.5', '1.1.9', false],
    ['1.2.3 - 2', '2.9.0', true],
    ['1.2.3 - 2', '3.0.0', false],
    ['v1.0.0 - v2.0.0', '1.5.0', true],
    ['1 - 2 || 5', '5.1.0', true],
    // pre-releases (Masterminds v3: per comparator)
    ['^1.2', '1.3.0-rc.1', false],
    ['>=1.0.0', '2.0.0-rc.1', false],
    ['*', '1.0.0-alpha', false],
    ['1.2.x-0', '1.2.3-alpha.1', true],
    ['1.2.x-0', '1.3.0-alpha.1', false],
    ['>=1.2.3-0', '1.2.3-alpha', true],
    ['>=1.2.3-beta', '1.2.3-alpha', false],
    ['>=1.2.3-beta', '1.2.3-beta.1', true],
    ['>=1.2.3-beta', '1.2.3', true],
    ['>=1.2.3-0 <1.3.0', '1.2.4-beta', false], // `<1.3.0` names no pre-release
    ['>=1.2.3-0 <1.3.0-0', '1.2.4-beta', true],
    ['^1.2.3-alpha', '1.2.3-beta', true],
    ['^1.2.3-alpha', '1.2.3', true],
    ['=1.2.3-rc.1', '1.2.3-rc.1', true],
    ['!=1.2.3', '2.0.0-rc.1', true], // Masterminds' exact `!=` does not exclude pre-releases
    ['!=1.x', '2.0.0-rc.1', false],
    ['~1.2.3-0', '1.2.9-rc.1', true],
    ['0.9.0-dev-12 - 0.9.0-dev-9', '0.9.0-dev-5', true], // alphanumeric: dev-12 < dev-5 < dev-9
    ['0.9.0-dev-12 - 0.9.0-dev-9', '0.9.0-dev-10', false],
  ];
  test.each(cases)('%j on %s => %s', (constraint, version, expected) => {
    expect(parseConstraint(constraint).matches(new SemVer(version))).toBe(expected);
  });

  test('strings are parsed leniently', () => {
    const c = parseConstraint('^1.2');
    expect(c.matches('v1.3')).toBe(true);
    expect(c.matches('not-a-version')).toBe(false);
    expect(c.text).toBe('^1.2');
  });

  test.each([
    '',
    '   ',
    'invalid',
    '>=',
    '1.2.3.4',
    '>=1.2<2',
    '>=1.2,',
    ',>=1.2',
    '>=1.2 ||',
    '|| 1',
    '>>1',
    '=!1',
    '1.2.3-',
    '1.2.3-01',
    '~=1.2',
    'v',
    'latest',
    '1.2 -1.4',
  ])('rejects %j', (text) => {
    expect(() => parseConstraint(text)).toThrow(
      `error parsing semver constraint ${JSON.stringify(text)}: `,
    );
  });
});
