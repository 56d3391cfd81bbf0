/**
 * Conformance facts H (expressionFilter) and M (expression templates, semverDiff) from
 * /work/shared/conformance/kargo.md, ported as tables.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseYAML } from 'yaml';
import {
  evaluate,
  evaluateBool,
  evaluateJSONTemplate,
  ExprError,
  renderTemplate,
} from '../../../src/expr/index.js';

interface TagMeta {
  tag: string;
  author?: string;
  creatorDate?: Date;
}

/** Kargo's filterTagsByExpression over tag metadata (no expression keeps everything). */
function filterTags(expression: string, tags: TagMeta[]): string[] {
  if (!expression) return tags.map((t) => t.tag);
  return tags
    .filter((t) =>
      evaluateBool(expression, {
        tag: t.tag,
        id: 'abc',
        creatorDate: t.creatorDate ?? new Date(0),
        author: t.author ?? '',
        committer: '',
        subject: '',
        tagger: '',
        annotation: '',
      }),
    )
    .map((t) => t.tag);
}

describe('H: tag expressionFilter', () => {
  const cases: [string, TagMeta[], string[]][] = [
    ['', [{ tag: 'v1.0.0' }, { tag: 'v2.0.0' }], ['v1.0.0', 'v2.0.0']],
    [
      "hasPrefix(tag, 'v1.')",
      [{ tag: 'v1.0.0' }, { tag: 'v2.0.0' }, { tag: 'v1.2.3' }],
      ['v1.0.0', 'v1.2.3'],
    ],
    ['1', [{ tag: 'v1.0.0' }, { tag: 'v2.0.0' }], ['v1.0.0', 'v2.0.0']],
    ['0', [{ tag: 'v1.0.0' }, { tag: 'v2.0.0' }], []],
    [
      "tag contains '1.' && author == 'test-author'",
      [
        { tag: 'v1.0.0', author: 'test-author' },
        { tag: 'v1.2.3', author: 'other-author' },
        { tag: 'v2.0.0', author: 'test-author' },
      ],
      ['v1.0.0'],
    ],
    [
      'creatorDate.Year() >= 2023',
      [
        { tag: 'v1.0.0', creatorDate: new Date('2023-01-01T00:00:00Z') },
        { tag: 'v2.0.0', creatorDate: new Date('2022-01-01T00:00:00Z') },
      ],
      ['v1.0.0'],
    ],
  ];
  it.each(cases)('%j keeps the expected tags', (expression, tags, kept) => {
    expect(filterTags(expression, tags)).toEqual(kept);
  });

  it("'invalid' is an error parsing the expression result", () => {
    expect(() => filterTags("'invalid'", [{ tag: 'v1.0.0' }])).toThrow(
      'error parsing expression result',
    );
  });
});

describe('H: commit expression', () => {
  const base = {
    id: 'abc',
    commitDate: new Date('2023-06-01T00:00:00Z'),
    author: 'test-author',
    committer: 'committer',
    subject: 'fix: resolve issue with authentication',
  };
  const cases: [string, Partial<typeof base>, boolean][] = [
    ['true', {}, true],
    ['false', {}, false],
    ["id == 'abc' && author == 'test-author'", {}, true],
    ["id == 'xyz'", {}, false],
    ['1', {}, true],
    ['0', {}, false],
    ['commitDate.Year() >= 2023', {}, true],
    ["subject contains 'fix:'", {}, true],
  ];
  it.each(cases)('%s ⇒ %s', (expression, over, want) => {
    expect(evaluateBool(expression, { ...base, ...over })).toBe(want);
  });

  it("'invalid' errors with invalid syntax", () => {
    expect(() => evaluateBool("'invalid'", base)).toThrow('invalid syntax');
    expect(() => evaluateBool("'invalid'", base)).toThrow(ExprError);
  });
});

const M_ENV = {
  aString: 'hello',
  anInt: 42,
  aFloat: 3.14,
  aBool: true,
  aStringMap: { aString: 'hello', anotherString: 'world' },
  anIntMap: { anInt: 42, anotherInt: 43 },
  aStringArr: ['one', 'two', 'three'],
  anIntArr: [1, 2, 3],
  aStruct: { AString: 'hello', AnInt: 42 },
};

/** Evaluate one JSON-string value the way TestEvaluateJSONTemplate does. */
function value(template: string): unknown {
  const out = evaluateJSONTemplate(JSON.stringify({ key: template }), M_ENV) as { key: unknown };
  return out.key;
}

describe('M: expression templates', () => {
  it('unquoted expression is not valid JSON', () => {
    expect(() => evaluateJSONTemplate('{ "key": ${{ true }} }', M_ENV)).toThrow(
      'input is not valid JSON',
    );
  });

  const typed: [string, unknown][] = [
    ['${{ aString }}', 'hello'],
    ['${{ anInt }}', 42],
    ['${{ aFloat }}', 3.14],
    ['${{ aBool }}', true],
    ['${{ aString }}, world!', 'hello, world!'],
    ['${{ aString }}, ${{ anInt }}!', 'hello, 42!'],
    ['${{ aStringMap }}', { aString: 'hello', anotherString: 'world' }],
    ['${{ anIntArr }}', [1, 2, 3]],
    ['${{ aStruct }}', { AString: 'hello', AnInt: 42 }],
    ['${{ "null" }}', null],
    ['${{ quote(null) }}', 'null'],
    ['${{ quote(true) }}', 'true'],
    ['${{ quote(42) }}', '42'],
    ["${{ quote({ 'foo': 'bar' }) }}", '{"foo":"bar"}'],
    ["${{ quote('foo') }}", 'foo'],
    ["${{ unsafeQuote('foo') }}", '"foo"'],
    ["${{ asYAML([ 'one', 'two' ]) }}", '- one\n- two\n'],
    ["${% '{{.domain}}' %}", '{{.domain}}'],
    ["foo ${{ aString }} and ${% 'bar' %}", 'foo hello and bar'],
  ];
  it.each(typed)('%s', (template, want) => {
    expect(value(template)).toEqual(want);
  });

  it('asYAML of a map', () => {
    const out = value("${{ asYAML({ 'foo': 'bar', 'count': 2 }) }}");
    expect(out).toContain('foo: bar\n');
    expect(out).toContain('count: 2\n');
  });

  it('asJSON is pretty JSON ending in a newline', () => {
    const out = value("${{ asJSON({ 'foo': 'bar', 'count': 2 }) }}") as string;
    expect(out.endsWith('\n')).toBe(true);
    expect(JSON.parse(out)).toEqual({ foo: 'bar', count: 2 });
    expect(out).toContain('\n  "foo": "bar"');
  });

  it('nested values are evaluated recursively', () => {
    const out = evaluateJSONTemplate(
      JSON.stringify({ a: { k: '${{ aString }}' }, b: ['${{ anInt }}'], c: 7, d: null }),
      M_ENV,
    );
    expect(out).toEqual({ a: { k: 'hello' }, b: [42], c: 7, d: null });
  });

  it('unclosed expression', () => {
    expect(() => value('${{ aString ')).toThrow('unclosed expression');
  });

  it('}} inside a ${{ }} string literal ends the expression early', () => {
    expect(() => value("${{ '{{.domain}}' }}")).toThrow('literal not terminated');
  });

  it.each(['quote', 'asYAML', 'asJSON'])('env key %s is forbidden', (key) => {
    expect(() => evaluateJSONTemplate('{"k": "v"}', { ...M_ENV, [key]: 'x' })).toThrow(
      `"${key}" is a forbidden key`,
    );
    expect(() => renderTemplate('${{ 1 }}', { [key]: 'x' })).toThrow('forbidden key');
  });

  it('YAML-sourced values (YAML → JSON → evaluate)', () => {
    const yamlText = [
      'value1: {"foo": "bar"}',
      `value2: '\${{ quote({"foo": "bar"}) }}'`,
      'value3: |',
      '  {"foo": "bar"}',
      'value4: |',
      '  ${{ {"foo": "bar"} }}',
      'value5: |',
      '  ${{ quote({"foo": "bar"}) }}',
      'value6: |',
      '  ${{ quote({"foo": "bar"}) }}',
      '',
      'value7: 42',
      'value8: "42"',
      "value9: '42'",
      "value10: '${{ quote(42) }}'",
      'value11: |',
      '  42',
      'value12: |',
      '  ${{ 42 }}',
      'value13: |',
      '  ${{ quote(42) }}',
      '',
    ].join('\n');
    const json = JSON.stringify(parseYAML(yamlText));
    expect(evaluateJSONTemplate(json, M_ENV)).toEqual({
      value1: { foo: 'bar' },
      value2: '{"foo":"bar"}',
      value3: '{"foo": "bar"}\n',
      value4: { foo: 'bar' },
      value5: '{"foo":"bar"}\n',
      value6: '{"foo":"bar"}\n',
      value7: 42,
      value8: '42',
      value9: '42',
      value10: '42',
      value11: '42\n',
      value12: 42,
      value13: '42\n',
    });
  });
});

describe('M: semverDiff', () => {
  const cases: [string, string, string][] = [
    ['1.1.1', '2.2.2', 'Major'],
    ['1.1.1', '1.2.2', 'Minor'],
    ['1.1.1', '1.1.2', 'Patch'],
    ['1.1.1+build1', '1.1.1+build2', 'Metadata'],
    ['1.2.3', '1.2.3', 'None'],
    ['invalid', '1.0.0', 'Incomparable'],
    ['1.0.0', 'invalid', 'Incomparable'],
    ['invalid1', 'invalid2', 'Incomparable'],
    ['1.0.0-alpha', '1.0.0-beta', 'None'],
    ['1.0.0-alpha.1+build.1', '1.0.0-alpha.1+build.2', 'Metadata'],
    ['1.0.0-alpha', '2.0.0-alpha', 'Major'],
    ['1.1.0-alpha', '1.2.0-alpha', 'Minor'],
    ['1.1.1-alpha', '1.1.2-alpha', 'Patch'],
  ];
  it.each(cases)('semverDiff(%s, %s) = %s', (a, b, want) => {
    expect(evaluate('semverDiff(a, b)', { a, b })).toBe(want);
  });

  it.each(['semverDiff()', "semverDiff('1.0.0')"])('%s ⇒ expected 2 arguments', (src) => {
    expect(() => evaluate(src, {})).toThrow('expected 2 arguments');
  });
});
