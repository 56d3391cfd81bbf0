import { describe, expect, it } from 'vitest';
import {
  compileExpr,
  evaluate,
  ExprDuration,
  ExprError,
  ExprTime,
  type ExprFunctions,
} from '../../../src/expr/index.js';
// re2js, as the commands that run expressions and patterns load it (util/regex.ts).
import '../../../src/util/regex.js';

const ENV = {
  tag: 'v1.2.3',
  n: 7,
  f: 2.5,
  ok: true,
  none: null,
  list: [3, 1, 2],
  tags: ['v1.0.0', 'v2.0.0-rc.1', 'nightly', 'v1.5.0'],
  users: [
    { Name: 'Ann', Age: 31 },
    { Name: 'Bob', Age: 25 },
  ],
  m: { a: 1, b: { c: [10, 20, 30] }, 'with-dash': 'yes' },
  jsMap: new Map<string, unknown>([['k', 'v']]),
  when: new Date('2024-03-05T14:07:09.250Z'),
};

describe('values and operators', () => {
  const cases: [string, unknown][] = [
    // literals
    ['42', 42],
    ['0x2A', 42],
    ['0o52', 42],
    ['0b101010', 42],
    ['1_000', 1000],
    ['.5', 0.5],
    ['1e3', 1000],
    ['"a\\tb\\u00e9\\x41"', 'a\tbéA'],
    ["'it\\'s'", "it's"],
    ['`raw\\n`', 'raw\\n'],
    ['nil', null],
    ['null', null],
    ['[1, "a", true,]', [1, 'a', true]],
    ["{a: 1, 'b c': 2, 3: 'x', (tag): 4}", { a: 1, 'b c': 2, '3': 'x', 'v1.2.3': 4 }],
    // arithmetic and precedence
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['7 / 2', 3.5],
    ['4 / 2', 2],
    ['7 % 3', 1],
    ['-7 % 3', -1],
    ['2 ** 3 ** 2', 512],
    ['2 ^ 3', 8],
    ['-2 ** 2', -4],
    ['-n + 1', -6],
    ['1 - 2 - 3', -4],
    ['n * f', 17.5],
    ["'a' + 'b'", 'ab'],
    ['[1] + [2]', [1, 2]],
    // comparison, logic
    ['1 < 2 < 3', true],
    ['3 > 2 > 2', false],
    ['1 == 1.0', true],
    ["'a' < 'b'", true],
    ['[1, 2] == [1, 2]', true],
    ['{a: 1} == {a: 1}', true],
    ["1 == '1'", false],
    ['nil == nil', true],
    ['none == nil', true],
    ['true && false || true', true],
    ['true and not false', true],
    ['!ok', false],
    ['not ok == false', true],
    ['false || false && true', false],
    ['ok ? "y" : "n"', 'y'],
    ['!ok ? 1 : ok ? 2 : 3', 2],
    ['none ?: "dflt"', 'dflt'],
    // membership and strings
    ['2 in list', true],
    ['5 not in list', true],
    ["'a' in m", true],
    ["'z' in m", false],
    ["'k' in jsMap", true],
    ["tag contains '.2.'", true],
    ["tag startsWith 'v1'", true],
    ["tag endsWith '.3'", true],
    ["tag not endsWith '.3'", false],
    ["tag matches '^v\\\\d+\\\\.'", true],
    ["tag matches '(?i)^V1'", true],
    ["'abc' not matches 'b'", false],
    // members, indexes, slices, chains
    ['m.b.c[1]', 20],
    ["m['with-dash']", 'yes'],
    ['m.b.c[-1]', 30],
    ['m.missing', null],
    ['m.missing?.deeper.still', null],
    ['none?.x', null],
    ['none?.[0]', null],
    ["m.missing ?? 'd'", 'd'],
    ["none ?? none ?? 'e'", 'e'],
    ['jsMap.k', 'v'],
    ['list[1:]', [1, 2]],
    ['list[:2]', [3, 1]],
    ['list[:]', [3, 1, 2]],
    ['list[-2:]', [1, 2]],
    ['list[5:9]', []],
    ["'hello'[1:3]", 'el'],
    ["'héllo'[1]", 'é'],
    ['users[0].Name', 'Ann'],
    ['$env.tag', 'v1.2.3'],
    ["'tag' in $env", true],
    // ranges, pipes, let
    ['1..4', [1, 2, 3, 4]],
    ['3..1', []],
    ['let x = n * 2; x + 1', 15],
    ['let a = 1; let b = a + 1; a + b', 3],
    ["tags | filter(# startsWith 'v') | len()", 3],
    ["tag | trimPrefix('v') | split('.')", ['1', '2', '3']],
    // comments
    ['1 + /* two */ 2 // rest', 3],
  ];
  it.each(cases)('%s', (src, want) => {
    expect(evaluate(src, ENV)).toEqual(want);
  });
});

describe('builtins', () => {
  const cases: [string, unknown][] = [
    ["len('héllo')", 5],
    ['len(list)', 3],
    ['len(m)', 3],
    ["lower('ABC') + upper('def')", 'abcDEF'],
    ["trim('  x  ')", 'x'],
    ["trim('__x__', '_')", 'x'],
    ["trimSuffix('file.yaml', '.yaml')", 'file'],
    ["split('a,b,c', ',', 2)", ['a', 'b,c']],
    ["splitAfter('a,b', ',')", ['a,', 'b']],
    ["join(['a', 'b'], '-')", 'a-b'],
    ["join(['a', 'b'])", 'ab'],
    ["replace('aXbX', 'X', '.')", 'a.b.'],
    ["hasSuffix(tag, '3')", true],
    ["indexOf('apple pie', 'pie')", 6],
    ["lastIndexOf('a-b-c', '-')", 3],
    ["repeat('ab', 3)", 'ababab'],
    ['string(42)', '42'],
    ['string(2.5)', '2.5'],
    ['string(list)', '[3 1 2]'],
    ['string(m.b)', 'map[c:[10 20 30]]'],
    ['string(nil)', '<nil>'],
    ["int('42') + int(3.9)", 45],
    ["float('2.5')", 2.5],
    ['abs(-3)', 3],
    ['round(2.5) + round(-2.5)', 0],
    ['ceil(1.2)', 2],
    ['floor(-1.2)', -2],
    ['max(1, 5, 3)', 5],
    ['min(list)', 1],
    ['mean([1, 2, 3])', 2],
    ['median([3, 1, 4, 2])', 2.5],
    ['keys(m.b)', ['c']],
    ['values({a: 1})', [1]],
    ['first(list)', 3],
    ['last(list)', 2],
    ['first([])', null],
    ['take(list, 2)', [3, 1]],
    ['reverse(list)', [2, 1, 3]],
    ['sort(list)', [1, 2, 3]],
    ["sort(list, 'desc')", [3, 2, 1]],
    ['uniq([1, 1, 2])', [1, 2]],
    ['flatten([1, [2, [3]]])', [1, 2, 3]],
    ['concat([1], [2, 3])', [1, 2, 3]],
    ["get(m, 'a')", 1],
    ["get(list, 9) ?? 'none'", 'none'],
    ['type(1) + type(1.5) + type(nil) + type(m) + type(when)', 'intfloatnilmaptime'],
    ["toJSON({b: 1, a: '<x>'})", '{\n  "a": "\\u003cx\\u003e",\n  "b": 1\n}'],
    ['fromJSON(\'{"a": [1]}\').a[0]', 1],
    ["fromBase64(toBase64('hi'))", 'hi'],
    // predicates
    ["filter(tags, # startsWith 'v1')", ['v1.0.0', 'v1.5.0']],
    ['map(users, .Name)', ['Ann', 'Bob']],
    ['map(users, #.Age * 2)', [62, 50]],
    ['map(list, #index)', [0, 1, 2]],
    ['all(list, # > 0)', true],
    ['any(list, # > 2)', true],
    ['none(list, # > 5)', true],
    ['one(list, # == 1)', true],
    ['count(users, .Age > 30)', 1],
    ['count([true, false, true])', 2],
    ['find(users, .Age < 30).Name', 'Bob'],
    ['findIndex(list, # == 2)', 2],
    ['findLast(list, # < 3)', 2],
    ['findLastIndex(list, # > 5)', -1],
    ['sum(list)', 6],
    ['sum(users, .Age)', 56],
    ['reduce(1..4, #acc * #)', 24],
    ['reduce(list, #acc + #, 10)', 16],
    ['sortBy(users, .Age)[0].Name', 'Bob'],
    ["sortBy(users, .Name, 'desc')[0].Name", 'Bob'],
    ['groupBy(1..4, # % 2 == 0)', { true: [2, 4], false: [1, 3] }],
    ['filter(users, {.Age > 30})[0].Name', 'Ann'],
    ['map(map([[1, 2], [3]], len(#)), # * 10)', [20, 10]],
    // Kargo helpers
    ["semverParse('v1.2.3-rc.1+b5').Prerelease()", 'rc.1'],
    ["semverParse('1.2.3+b5').Metadata()", 'b5'],
    ["semverParse('1.2').String()", '1.2.0'],
    ["semverParse('v1.2.3').IncMajor().String()", '2.0.0'],
    ["semverParse('1.2.3-rc.1').IncPatch().String()", '1.2.3'],
    ["semverParse('1.2.3').IncPatch().String()", '1.2.4'],
    ["semverParse('1.2.3').LessThan('1.10.0')", true],
  ];
  it.each(cases)('%s', (src, want) => {
    expect(evaluate(src, ENV)).toEqual(want);
  });

  it('caller functions are variadic, get evaluated args, and can shadow builtins', () => {
    const functions: ExprFunctions = {
      imageFrom: (args) => (args[0] === 'ghcr.io/acme/api' ? { Tag: 'v1', Digest: 'sha' } : null),
      sumAll: (args) => args.reduce((a: number, b) => a + (b as number), 0),
      upper: () => 'shadowed',
    };
    expect(evaluate("imageFrom('ghcr.io/acme/api').Tag", {}, { functions })).toBe('v1');
    expect(evaluate("imageFrom('other')?.Tag ?? 'none'", {}, { functions })).toBe('none');
    expect(evaluate('sumAll(1, 2, 3, 4)', {}, { functions })).toBe(10);
    expect(evaluate("upper('x')", {}, { functions })).toBe('shadowed');
  });

  it('errors thrown by a function carry the position of the call', () => {
    const functions: ExprFunctions = {
      boom: () => {
        throw new Error('no freight');
      },
    };
    expect(() => evaluate('1 + boom()', {}, { functions })).toThrow('no freight at 1:5');
  });
});

describe('time', () => {
  const clock = () => new Date('2024-03-06T14:07:09Z');
  const cases: [string, unknown][] = [
    ['when.Year()', 2024],
    ['when.Month()', 3],
    ['when.Day()', 5],
    ['when.Hour()', 14],
    ['when.Minute()', 7],
    ['when.Second()', 9],
    ['when.Unix()', 1709647629],
    ["when.Format('2006-01-02T15:04:05.000Z07:00')", '2024-03-05T14:07:09.250Z'],
    ["when.Format('Jan _2, 2006 3:04PM Mon')", 'Mar  5, 2024 2:07PM Tue'],
    ['when.String()', '2024-03-05 14:07:09.25 +0000 UTC'],
    ['now().Sub(when).Hours()', 24 - 0.25 / 3600],
    ['now() - when > duration("23h")', true],
    ['when.Before(now()) && now().After(when)', true],
    ["(when + duration('1h30m')).Hour()", 15],
    ["(when - duration('15h')).Day()", 4],
    ['when.AddDate(0, 1, 0).Month()', 4],
    ["date('2023-01-01') < when", true],
    ["date('2023-08-14 10:11:12').Minute()", 11],
    ["date('2023-08-14T10:00:00+02:00').Hour()", 10],
    ["date('2023-08-14T10:00:00+02:00').UTC().Hour()", 8],
    ["date('Mon, 02 Jan 2006 15:04:05 -0700').Unix()", 1136239445],
    ["date('14/08/2023', '02/01/2006').Month()", 8],
    ["date('2023-08-14 10:00', '2006-01-02 15:04', '+02:00').UTC().Hour()", 8],
    ["duration('1h30m').Minutes()", 90],
    ["duration('1.5s').String()", '1.5s'],
    ["duration('90m').String()", '1h30m0s'],
    ["duration('300ms').String()", '300ms'],
    ["string(duration('-2h'))", '-2h0m0s'],
    ["duration('1h') * 2 == duration('2h')", true],
    ['sortBy([when, now()], #)[0] == when', true],
  ];
  it.each(cases)('%s', (src, want) => {
    const got = evaluate(src, ENV, { now: clock });
    if (typeof want === 'number' && !Number.isInteger(want)) expect(got).toBeCloseTo(want, 9);
    else expect(got).toEqual(want);
  });

  it('time and duration values are ExprTime and ExprDuration', () => {
    expect(evaluate('now()', {}, { now: clock })).toBeInstanceOf(ExprTime);
    expect(evaluate("duration('1m')", {})).toEqual(new ExprDuration(60e9));
  });
});

describe('errors', () => {
  const cases: [string, string][] = [
    ['1 + )', "unexpected token ')' at 1:5"],
    ['(1 + 2', 'unexpected end of expression at 1:7'],
    ['tga', 'unknown name "tga" (did you mean "tag"?) at 1:1'],
    ['n +\n  tga', 'unknown name "tga" (did you mean "tag"?) at 2:3'],
    ['lenn(list)', 'unknown function lenn() (did you mean "len"?) at 1:1'],
    ["'abc", 'literal not terminated at 1:1'],
    ["'\\q'", 'invalid char escape at 1:2'],
    ['1 +', 'unexpected end of expression'],
    ['', 'empty expression'],
    ['[1, 2', 'unexpected end of expression'],
    ['a b', 'unexpected token name "b" at 1:3'],
    ['1 ?? 2 + 3', 'cannot be mixed'],
    ['# > 1', 'cannot use pointer accessor outside predicate at 1:1'],
    ['filter(list)', 'filter() expects at least 2 arguments'],
    ['@', 'unrecognized character "@" at 1:1'],
    ['1abc', 'invalid number literal'],
    ["'a' + 1", 'invalid operation: + (mismatched types string and int) at 1:5'],
    ["1 < 'a'", 'mismatched types int and string'],
    ['n && true', 'needs bool operands, got int'],
    ['!n', 'invalid operation: ! int (needs bool)'],
    ['n ? 1 : 2', 'non-bool int used as condition'],
    ['none.x', 'cannot fetch x from nil at 1:6'],
    ['list[5]', 'index out of range: 5 (array length is 3)'],
    ['list.x', 'cannot fetch x from array'],
    ['1.5 % 1', 'mismatched types float and int'],
    ['n % 0', 'integer divide by zero'],
    [
      "tag matches '('",
      'error compiling regular expression "(": error parsing regexp: missing closing )',
    ],
    ["tag matches '(?=x)'", 'invalid or unsupported Perl syntax'],
    ['tag.Year()', 'string has no method Year'],
    ['when.Yaer()', 'time has no method Yaer (did you mean "Year"?)'],
    ['when.Year', 'Year is a method of time; call it as Year()'],
    ["int('4.2')", 'strconv.Atoi: parsing "4.2": invalid syntax'],
    ["duration('5 minutes')", 'time: invalid duration'],
    ["date('yesterday')", 'invalid date "yesterday"'],
    ['filter(list, # + 1)', 'predicate of filter() must return bool, got int'],
    ["semverParse('nope')", 'invalid semantic version "nope"'],
    ['max()', 'needs at least one number'],
    ['len(1)', 'invalid argument for len (type int)'],
    ["split('a')", 'split(): expected 2 to 3 arguments, got 1'],
  ];
  it.each(cases)('%j', (src, message) => {
    let err: unknown;
    try {
      evaluate(src, ENV);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ExprError);
    expect((err as Error).message).toContain(message);
  });

  it('syntax errors are found by compileExpr, before any evaluation', () => {
    expect(() => compileExpr('tag ==')).toThrow(ExprError);
    expect(() => compileExpr("tag matches '['")).toThrow('missing closing ]');
    const c = compileExpr('tag == "v1"');
    expect(c.evaluate({ tag: 'v1' })).toBe(true);
    expect(c.evaluate({ tag: 'v2' })).toBe(false);
  });

  it('ExprError exposes reason, line and column', () => {
    try {
      evaluate('n + tga', ENV);
      expect.unreachable();
    } catch (e) {
      const err = e as ExprError;
      expect(err.reason).toBe('unknown name "tga" (did you mean "tag"?)');
      expect([err.line, err.column]).toEqual([1, 5]);
    }
  });
});
