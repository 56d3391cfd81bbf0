import { describe, expect, test } from 'vitest';
import { compileRegex } from '../../../src/util/regex.js';

describe('compileRegex: matching like Go RE2 (unanchored)', () => {
  const cases: [pattern: string, input: string, matches: boolean][] = [
    // conformance B/C/H: allow/ignore tag regexes
    ['[a-z]+', 'abc', true],
    ['[a-z]+', '123', false],
    ['^abc$', 'abc', true],
    ['^abc$', '123', false],
    ['v1\\.', 'v1.1.0', true],
    ['^v1\\.0\\.0$', 'v1.0.0', true],
    ['^v1\\.0\\.0$', 'v1.1.0', false],
    ['^v?1\\.', '1.2.3', true],
    ['^v2\\.0\\.0$', 'v1.0.0', false],
    // conformance I: regex path filters
    ['values\\.ya?ml$', 'path1/values.yaml', true],
    ['values\\.ya?ml$', 'path2/_helpers.tpl', false],
    ['[_-]', 'path2/_helpers.tpl', true],
    ['\\d', 'path1/file1', true],
    ['ab[cbazxwvu]', 'abc', true],
    ['.*q', 'abc', false],
    ['app', 'happy', true],
    ['app', 'App', false],
    // escaped punctuation that the JS `u` flag would reject if passed through
    ['^[\\w\\-\\.]+$', 'my-app.v1', true],
    ['^a\\-b$', 'a-b', true],
    ['^\\@\\#\\:\\_\\"\\\'\\<\\>\\~\\%\\&\\=\\!\\,$', '@#:_"\'<>~%&=!,', true],
    ['^[a\\]]+$', ']a]', true],
    ['^[]a]+$', ']a', true],
    ['^[^]a]$', 'b', true],
    ['^[^]a]$', ']', false],
    ['^[a-]$', '-', true],
    ['^[-a]$', '-', true],
    ['^[a-c-e]$', '-', true],
    ['^[a-c-e]$', 'd', false],
    ['^[[]$', '[', true],
    // literal braces where they are not a repeat
    ['^a{$', 'a{', true],
    ['^a{,3}$', 'a{,3}', true],
    ['^{foo}$', '{foo}', true],
    ['^a{2}$', 'aa', true],
    ['^a{2,}$', 'aaaa', true],
    ['^a{2,3}$', 'aaaa', false],
    // flags
    ['(?i)^abc$', 'ABC', true],
    ['(?i)(?s)^a.c$', 'A\nC', true],
    ['(?is)^a.c$', 'A\nC', true],
    ['^a.c$', 'a\nc', false],
    ['^a.c$', 'a\rc', true], // Go's `.` excludes only \n
    ['(?s:.)', '\n', true],
    ['(?m)^b$', 'a\nb\nc', true],
    ['^b$', 'a\nb\nc', false],
    ['(?m)^b$', 'a\rb\rc', false], // only \n ends a line in Go
    ['^(?i)abc$', 'aBc', true],
    ['^(?i:abc)$', 'aBc', true],
    ['(?U)^a+', 'aaa', true],
    ['^1(?i)$', '1', true],
    // \s is ASCII-only in Go
    ['^\\s$', ' ', true],
    ['^\\s$', '\u00a0', false],
    ['^\\S$', '\u00a0', true],
    ['^[\\s]$', '\t', true],
    ['^[\\S]$', '\t', false],
    ['^\\w+$', 'abc_123', true],
    ['^\\W$', '-', true],
    ['^[^\\d]$', '5', false],
    // anchors and escapes
    ['\\Aabc\\z', 'abc', true],
    ['\\Aabc\\z', 'abc\n', false],
    ['abc$', 'abc\n', false], // Go's $ is end of text
    ['\\bfoo\\b', 'a foo b', true],
    ['\\Q1.2.3\\E$', '1.2.3', true],
    ['\\Q1.2.3\\E$', '1x2x3', false],
    ['^\\Qa+b', 'a+b', true],
    ['^\\x41\\x{42}\\101$', 'ABA', true],
    ['^\\t\\n$', '\t\n', true],
    ['^\\0$', '\0', true],
    // POSIX and Unicode classes
    ['^[[:alpha:]]+$', 'abcXYZ', true],
    ['^[[:alpha:]]+$', 'abc1', false],
    ['^[[:^digit:]]+$', 'abc', true],
    ['^[[:^digit:]]+$', 'ab1', false],
    ['^[[:xdigit:]]{6}$', 'c0ffee', true],
    ['^\\pL+$', 'héllo', true],
    ['^\\p{Greek}+$', 'αβγ', true],
    ['^\\p{Greek}+$', 'abc', false],
    ['^\\P{Greek}+$', 'abc', true],
    ['^\\p{^Greek}+$', 'abc', true],
    ['^[\\p{Lu}0-9]+$', 'AB12', true],
    ['^.$', '😀', true], // code points, as Go matches runes
    ['^[😀-😂]$', '😁', true],
    // named groups
    ['^(?P<major>\\d+)\\.(?<minor>\\d+)$', '1.2', true],
    // assertions under repetition
    ['^*a', 'a', true],
    ['(?m)$*', 'a', true],
    ['', 'anything', true],
    ['a|', 'zzz', true],
    ['(?)a', 'a', true], // an empty flag group, which Go accepts
  ];
  test.each(cases)('%j on %j => %s', (pattern, input, matches) => {
    expect(compileRegex(pattern).test(input)).toBe(matches);
  });

  test('submatches are the leftmost-first ones, named groups included', () => {
    expect(compileRegex('^(?P<major>\\d+)\\.(?<minor>\\d+)$').exec('10.2')).toEqual([
      '10.2',
      '10',
      '2',
    ]);
    expect(compileRegex('(a)|(b)').exec('b')).toEqual(['b', undefined, 'b']);
    expect(compileRegex('x').exec('y')).toBeNull();
  });

  test('a name on several groups is accepted, as Go accepts it', () => {
    expect(compileRegex('(?P<x>a)(?P<x>b)(?P<1y>c)').exec('abc')).toEqual(['abc', 'a', 'b', 'c']);
    // the scan for names skips classes and quoted text
    expect(compileRegex('[(?P<x>]\\Q(?P<x>\\E(?P<x>a)(?<x>b)').test('x(?P<x>ab')).toBe(true);
    // other errors still show
    expect(() => compileRegex('(?P<x>a)(?P<x>b)(')).toThrow(/missing closing \)/);
  });

  test('ungreedy flag swaps laziness', () => {
    expect(compileRegex('(?U)a+').exec('aaa')?.[0]).toBe('a');
    expect(compileRegex('(?U)a+?').exec('aaa')?.[0]).toBe('aaa');
    expect(compileRegex('a+?').exec('aaa')?.[0]).toBe('a');
  });

  test('matching keeps no state between calls', () => {
    const re = compileRegex('a');
    expect(re.test('a')).toBe(true);
    expect(re.test('a')).toBe(true);
  });

  test('case-insensitivity can apply to part of the pattern, as in Go', () => {
    expect(compileRegex('^a(?i)b$').test('aB')).toBe(true);
    expect(compileRegex('^a(?i)b$').test('AB')).toBe(false);
    expect(compileRegex('^(?i)a(?-i)b$').test('Ab')).toBe(true);
    expect(compileRegex('^(?i)a(?-i)b$').test('AB')).toBe(false);
    expect(compileRegex('^(?i:k)$').test('\u212a')).toBe(true); // Kelvin sign folds to k
  });
});

describe('compileRegex: linear time', () => {
  test('a pattern that makes a backtracking engine explode is matched at once', () => {
    const subject = `${'a'.repeat(100_000)}!`;
    const started = performance.now();
    expect(compileRegex('^(a+)+$').test(subject)).toBe(false);
    expect(compileRegex('^(a|a)*$').test(subject)).toBe(false);
    expect(compileRegex('^(a*)*b').test(subject)).toBe(false);
    expect(compileRegex('^(a+)+$').test('a'.repeat(100_000))).toBe(true);
    // Generous: a backtracking engine needs minutes for 30 a's; RE2 takes milliseconds.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('compileRegex: errors', () => {
  const cases: [pattern: string, reason: string][] = [
    ['[', 'error parsing regexp: missing closing ]: `[`'],
    ['[a-', 'missing closing ]'],
    ['(?=x)', 'error parsing regexp: invalid or unsupported Perl syntax: `(?=`'],
    ['a(?!x)', 'invalid or unsupported Perl syntax: `(?!`'],
    // Go reads `(?<` as a named group (Go 1.22+), so lookbehind is a bad name
    ['(?<=x)a', 'invalid named capture: `(?<=x)a`'],
    ['(?<!x)a', 'invalid named capture: `(?<!x)a`'],
    ['(a)\\1', 'error parsing regexp: invalid escape sequence: `\\1`'],
    ['\\8', 'invalid escape sequence: `\\8`'],
    ['\\Z', 'invalid escape sequence: `\\Z`'],
    ['\\C', 'invalid escape sequence: `\\C`'],
    ['[\\b]', 'invalid escape sequence: `\\b`'],
    ['\\xZZ', 'invalid escape sequence'],
    ['\\x{110000}', 'invalid escape sequence: `\\x{110000`'],
    ['abc\\', 'trailing backslash at end of expression'],
    ['(abc', 'missing closing ): `(abc`'],
    ['abc)', 'unexpected ): `abc)`'],
    ['*a', 'missing argument to repetition operator: `*`'],
    ['a|*', 'missing argument to repetition operator: `*`'],
    ['(*)', 'missing argument to repetition operator: `*`'],
    ['a**', 'invalid nested repetition operator: `**`'],
    ['a*??', 'invalid nested repetition operator: `*??`'],
    ['a{2}{3}', 'invalid nested repetition operator: `{2}{3}`'],
    ['a{1001}', 'invalid repeat count: `{1001}`'],
    ['a{3,2}', 'invalid repeat count: `{3,2}`'],
    ['[z-a]', 'invalid character class range: `z-a`'],
    ['[[:foo:]]', 'invalid character class range: `[:foo:]`'],
    ['\\p{Foo}', 'invalid character class range: `\\p{Foo}`'],
    ['(?x)a', 'invalid or unsupported Perl syntax: `(?x`'],
    ['(?#c)a', 'invalid or unsupported Perl syntax: `(?#`'],
    ['(?P=n)', 'invalid or unsupported Perl syntax: `(?P`'],
    ['(?i-)a', 'invalid or unsupported Perl syntax: `(?i-)`'],
    ['(?P<a-b>x)', 'invalid named capture: `(?P<a-b>`'],
    ['(?P<>x)', 'invalid named capture'],
    ['(?P<name', 'invalid named capture'],
    ['(?i)(?-)a', 'invalid or unsupported Perl syntax: `(?-)`'],
    ['(a{500}){500}', 'invalid repeat count'],
  ];
  test.each(cases)('%j', (pattern, reason) => {
    let message = '';
    try {
      compileRegex(pattern);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(
      message.startsWith(`error compiling regular expression ${JSON.stringify(pattern)}: `),
    ).toBe(true);
    expect(message).toContain(reason);
  });
});
