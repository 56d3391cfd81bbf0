import { describe, expect, test } from 'vitest';
import { markdownText, mdTable } from '../../../src/util/markdown.js';

describe('mdTable', () => {
  test('headers, the rule with alignments, rows; empty cells stay empty', () => {
    expect(
      mdTable(
        ['freight', 'versions', 'dev', ''],
        [
          ['**calm-rhino** `3c24af6`', '1.2.0', '●', ''],
          ['**oaken-catfish**', '1.1.0'],
        ],
        [undefined, undefined, 'center', 'right'],
      ),
    ).toEqual([
      '| freight | versions | dev |  |',
      '| --- | --- | :-: | --: |',
      '| **calm-rhino** `3c24af6` | 1.2.0 | ● |  |',
      '| **oaken-catfish** | 1.1.0 |  |  |',
    ]);
  });

  test('a pipe or a newline in a cell cannot end the cell or the row', () => {
    const [, , row] = mdTable(['a', 'b'], [['`x|y`', 'two\nlines | here']]);
    expect(row).toBe('| `x\\|y` | two lines \\| here |');
  });

  test('markdownText: markup from outside shows as text', () => {
    expect(markdownText('[x](javascript:1) <img> *a* | b\nc')).toBe(
      '&#91;x&#93;(javascript:1) &#60;img&#62; &#42;a&#42; &#124; b c',
    );
  });
});
