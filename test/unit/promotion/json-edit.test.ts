import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ConfigError } from '../../../src/util/errors.js';
import { jsonUpdateCommitMessage, setJsonValues } from '../../../src/promotion/json-edit.js';
import type { ValueUpdate } from '../../../src/promotion/yaml-edit.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/promotion/json/', import.meta.url));

/** 1-based numbers of the lines of `a` that differ from `b` (edits here never add lines in these cases). */
function changedLines(a: string, b: string): number[] {
  const x = a.split('\n');
  const y = b.split('\n');
  const out: number[] = [];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) out.push(i + 1);
  return out;
}

describe('setJsonValues (conformance P: json_updater_test.go)', () => {
  test('key="newvalue" on {"key": "value"}', () => {
    const out = setJsonValues(
      '{"key": "value"}',
      [{ key: 'key', value: 'newvalue' }],
      'values.json',
    );
    expect(out).toBe('{"key": "newvalue"}');
    expect((JSON.parse(out) as { key: string }).key).toBe('newvalue');
  });

  test('no updates: unchanged', () => {
    expect(setJsonValues('{ "a" : 1 }\n', [], 'values.json')).toBe('{ "a" : 1 }\n');
  });

  test('nested formatting preserved (golden, only the changed lines differ)', () => {
    const input = readFileSync(`${FIXTURES}values.json.in`, 'utf8');
    const out = setJsonValues(
      input,
      [
        { key: 'image.tag', value: 'v1.5.0' },
        { key: 'replicas', value: 3 },
        { key: 'features.1', value: 'import' },
        { key: 'debug', value: true },
      ],
      'values.json',
    );
    const goldenPath = `${FIXTURES}values.golden`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(goldenPath, out);
    expect(out).toBe(readFileSync(goldenPath, 'utf8'));
    expect(changedLines(input, out)).toEqual([4, 6, 9, 11]);
  });

  test('missing keys and array items are created as sjson creates them (golden)', () => {
    const input = readFileSync(`${FIXTURES}compact.json.in`, 'utf8');
    const out = setJsonValues(
      input,
      [
        { key: 'image', value: 'repo/image:tag1' },
        { key: 'ports.-1', value: 8080 },
        { key: 'ports.5', value: 9090 },
        { key: 'env.LOG_LEVEL', value: 'debug' },
        { key: 'extra.list.1', value: 'x' },
        { key: 'extra.map.:1', value: 'y' },
      ],
      'compact.json',
    );
    const goldenPath = `${FIXTURES}compact.golden`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(goldenPath, out);
    expect(out).toBe(readFileSync(goldenPath, 'utf8'));
    expect(JSON.parse(out)).toEqual({
      image: 'repo/image:tag1',
      ports: [80, 443, 8080, null, null, 9090],
      env: { STAGE: 'dev', LOG_LEVEL: 'debug' },
      extra: { list: [null, 'x'], map: { '1': 'y' } },
    });
  });

  const cases: [name: string, input: string, updates: ValueUpdate[], output: string][] = [
    [
      'a new member on its own line',
      '{\n  "a": 1\n}\n',
      [{ key: 'b', value: 'x' }],
      '{\n  "a": 1,\n  "b": "x"\n}\n',
    ],
    [
      'CRLF kept',
      '{\r\n  "a": 1\r\n}\r\n',
      [{ key: 'b', value: 2 }],
      '{\r\n  "a": 1,\r\n  "b": 2\r\n}\r\n',
    ],
    ['into an empty object', '{}', [{ key: 'a.b', value: true }], '{"a":{"b":true}}'],
    ['null on the way is replaced', '{"a": null}', [{ key: 'a.b', value: 1 }], '{"a": {"b": 1}}'],
    [
      'a number key on an object',
      '{"a": {"0": "x"}}',
      [{ key: 'a.0', value: 'y' }],
      '{"a": {"0": "y"}}',
    ],
    [
      'multi-line arrays keep one item a line',
      '[\n  1,\n  2\n]',
      [{ key: '-1', value: 3 }],
      '[\n  1,\n  2,\n  3\n]',
    ],
    [
      'strings are escaped',
      '{"a": ""}',
      [{ key: 'a', value: 'say "hi"\n' }],
      '{"a": "say \\"hi\\"\\n"}',
    ],
  ];
  test.each(cases)('%s', (_name, input, updates, output) => {
    expect(setJsonValues(input, updates, 'v.json')).toBe(output);
  });

  const errors: [name: string, input: string, updates: ValueUpdate[], message: RegExp][] = [
    ['empty key', '{}', [{ key: '', value: 1 }], /^v\.json: json-update: key "": empty key$/],
    ['empty key part', '{}', [{ key: 'a.', value: 1 }], /empty key part in key "a\."/],
    ['invalid escape', '{}', [{ key: 'a\\b', value: 1 }], /invalid escape sequence/],
    ['unexpected colon', '{}', [{ key: 'a:b', value: 1 }], /unexpected colon in key "a:b"/],
    [
      'not a scalar (Kargo isValidScalar)',
      '{}',
      [{ key: 'a', value: { b: 1 } }],
      /value for key "a" is not a scalar type/,
    ],
    [
      'null is not a scalar there',
      '{}',
      [{ key: 'a', value: null }],
      /value for key "a" is not a scalar type/,
    ],
    [
      'malformed JSON',
      '{\n  "a": 1,\n}',
      [{ key: 'a', value: 2 }],
      /^v\.json:3:1: malformed JSON: expected a string key/,
    ],
    ['trailing text', '{} x', [{ key: 'a', value: 2 }], /^v\.json:1:4: malformed JSON/],
    [
      'a path through a scalar',
      '{\n  "a": "x"\n}',
      [{ key: 'a.b', value: 2 }],
      /^v\.json:2:8: json-update: key "a\.b": cannot set "b"/,
    ],
    [
      'a word on an array',
      '{"a": [1]}',
      [{ key: 'a.b', value: 2 }],
      /key "a\.b": "b" is not an index/,
    ],
    ['a negative index', '{"a": [1]}', [{ key: 'a.-3', value: 2 }], /invalid negative index: -3/],
  ];
  test.each(errors)('error: %s', (_name, input, updates, message) => {
    let err: unknown;
    try {
      setJsonValues(input, updates, 'v.json');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(message);
  });

  test('commitMessage: strings %q-quoted, one line per update', () => {
    expect(
      jsonUpdateCommitMessage('values.json', [{ key: 'image', value: 'repo/image:tag1' }]),
    ).toBe('Updated values.json\n\n- image: "repo/image:tag1"');
    expect(
      jsonUpdateCommitMessage('chart/values.json', [
        { key: 'image1', value: 'repo1/image1:tag1' },
        { key: 'image2', value: 'repo2/image2:tag2' },
      ]),
    ).toBe(
      'Updated chart/values.json\n\n- image1: "repo1/image1:tag1"\n- image2: "repo2/image2:tag2"',
    );
    expect(
      jsonUpdateCommitMessage('v.json', [
        { key: 'n', value: 3 },
        { key: 'b', value: true },
      ]),
    ).toBe('Updated v.json\n\n- n: 3\n- b: true');
    expect(jsonUpdateCommitMessage('v.json', [])).toBe('');
  });
});
