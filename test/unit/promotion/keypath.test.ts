import { describe, expect, test } from 'vitest';
import { indexOf, joinKey, splitKey } from '../../../src/promotion/keypath.js';

describe('splitKey (conformance N: pkg/sjson/split_key_test.go TestSplitKey)', () => {
  const ok: [key: string, parts: (string | number)[]][] = [
    ['foo.bar.bat.baz', ['foo', 'bar', 'bat', 'baz']],
    ['foo\\.bar.bat\\.baz', ['foo.bar', 'bat.baz']],
    ['foo.bar\\:bat.baz', ['foo', 'bar:bat', 'baz']],
    // Kargo: [foo, bar, 2, baz] with "2" a map key. gantry keeps the hint: a forced key is a string.
    ['foo.bar.:2.baz', ['foo', 'bar', '2', 'baz']],
    // gantry: unforced integers are numbers (index on a sequence, key String(n) on a mapping).
    ['foo.2.baz', ['foo', 2, 'baz']],
    ['list.-1', ['list', -1]],
    ['a.01', ['a', '01']],
    ['  image.tag  ', ['image', 'tag']],
    ['a.[2]', ['a', '[2]']],
  ];
  test.each(ok)('%s', (key, parts) => {
    expect(splitKey(key)).toEqual(parts);
  });

  const bad: [key: string, message: string][] = [
    ['', 'empty key'],
    ['   ', 'empty key'],
    ['.foo', 'empty key part in key ".foo"'],
    ['foo.', 'empty key part in key "foo."'],
    ['foo..bar', 'empty key part in key "foo..bar"'],
    ['foo.:', 'empty key part in key "foo.:"'],
    ['foo\\nbar', 'invalid escape sequence in key "foo\\\\nbar"'],
    ['foo\\', 'invalid escape sequence'],
    ['foo:bar', 'unexpected colon in key "foo:bar"'],
  ];
  test.each(bad)('%j fails: %s', (key, message) => {
    expect(() => splitKey(key)).toThrow(message);
  });
});

describe('joinKey and indexOf', () => {
  test('joinKey inverts splitKey', () => {
    for (const key of ['foo\\.bar.bat', 'a.:2.b', 'a.2.b', 'x\\:y']) {
      expect(joinKey(splitKey(key))).toBe(key);
    }
  });
  test('indexOf: numbers and the legacy [n] form index; forced keys do not', () => {
    expect(indexOf(3)).toBe(3);
    expect(indexOf('[4]')).toBe(4);
    expect(indexOf('4')).toBeUndefined();
    expect(indexOf('name')).toBeUndefined();
  });
});
