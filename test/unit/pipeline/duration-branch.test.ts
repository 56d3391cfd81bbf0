import { describe, expect, it } from 'vitest';
import { branchNameProblem, isValidBranchName } from '../../../src/pipeline/branch.js';
import { formatDuration, parseDuration } from '../../../src/pipeline/duration.js';

describe('parseDuration', () => {
  it.each([
    ['0', 0],
    ['1h', 3_600_000],
    ['30m', 1_800_000],
    ['1h30m', 5_400_000],
    ['90s', 90_000],
    ['500ms', 500],
    ['1.5h', 5_400_000],
    ['2h45m30s', 9_930_000],
    ['1000us', 1],
    ['1000µs', 1],
    ['1000000ns', 1],
  ])('%s = %i ms', (text, ms) => {
    expect(parseDuration(text)).toBeCloseTo(ms, 9);
  });

  it.each(['', '1', '1d', 'h', '-1h', '1h 30m', '1.5', 'ten minutes', '1H'])(
    'rejects %j',
    (text) => {
      expect(() => parseDuration(text)).toThrow(/invalid duration/);
    },
  );

  it('says when the unit is missing', () => {
    expect(() => parseDuration('90')).toThrow('missing unit after "90"');
  });

  it('formats', () => {
    expect(formatDuration(5_400_000)).toBe('1h30m');
    expect(formatDuration(90_000)).toBe('1m30s');
    expect(formatDuration(500)).toBe('500ms');
    expect(formatDuration(0)).toBe('0s');
  });
});

describe('branch names (git check-ref-format --branch)', () => {
  it.each([
    'main',
    'release/1.2',
    'feature/foo-bar',
    'env/prod',
    'a.b',
    'v1.0',
    'x@y',
    'über',
    'gantry/echo/prod',
  ])('accepts %j', (name) => {
    expect(isValidBranchName(name)).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['HEAD', 'HEAD'],
    ['@', '"@"'],
    ['-foo', 'start with "-"'],
    ['foo bar', 'a space'],
    ['foo~1', '"~"'],
    ['a^b', '"^"'],
    ['a:b', '":"'],
    ['a?b', '"?"'],
    ['a*b', '"*"'],
    ['a[b', '"["'],
    ['a\\b', '"\\"'],
    ['a\tb', 'control character'],
    ['a..b', '".."'],
    ['a@{b', '"@{"'],
    ['/a', 'start or end with "/"'],
    ['a/', 'start or end with "/"'],
    ['a//b', '"//"'],
    ['a.', 'end with "."'],
    ['.a', 'start with "."'],
    ['a/.b', 'start with "."'],
    ['a.lock', '".lock"'],
    ['a.lock/b', '".lock"'],
    ['refs/heads/main', 'write the branch name without'],
  ])('rejects %j', (name, why) => {
    expect(branchNameProblem(name)).toContain(why);
  });
});
