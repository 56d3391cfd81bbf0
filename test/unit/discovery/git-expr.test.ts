import { describe, expect, test } from 'vitest';
import {
  commitFilter,
  tagFilter,
  type CommitInfo,
  type TagInfo,
} from '../../../src/discovery/git-select.js';

function tag(name: string, over: Partial<TagInfo> = {}): TagInfo {
  return {
    tag: name,
    id: 'abc',
    creatorDate: '2024-01-01T00:00:00Z',
    author: 'test-author',
    committer: 'test-committer',
    subject: 'subject',
    tagger: '',
    annotation: '',
    ...over,
  };
}

function commit(over: Partial<CommitInfo> = {}): CommitInfo {
  return {
    id: 'abc',
    commitDate: '2024-01-01T00:00:00Z',
    author: 'test-author',
    committer: 'test-committer',
    subject: 'subject',
    ...over,
  };
}

// Conformance H: tag_based_selector_test.go Test_tagBasedSelector_filterTagsByExpression.
describe('tag expression filters', () => {
  const cases: [expression: string, tags: TagInfo[], kept: string[]][] = [
    ['', [tag('v1.0.0'), tag('v2.0.0')], ['v1.0.0', 'v2.0.0']],
    ["hasPrefix(tag, 'v1.')", [tag('v1.0.0'), tag('v2.0.0'), tag('v1.2.3')], ['v1.0.0', 'v1.2.3']],
    ['1', [tag('v1.0.0'), tag('v2.0.0')], ['v1.0.0', 'v2.0.0']],
    ['0', [tag('v1.0.0'), tag('v2.0.0')], []],
    [
      "tag contains '1.' && author == 'test-author'",
      [
        tag('v1.0.0', { author: 'test-author' }),
        tag('v1.2.3', { author: 'other-author' }),
        tag('v2.0.0', { author: 'test-author' }),
      ],
      ['v1.0.0'],
    ],
    [
      'creatorDate.Year() >= 2023',
      [
        tag('v1.0.0', { creatorDate: '2023-01-01T00:00:00Z' }),
        tag('v2.0.0', { creatorDate: '2022-01-01T00:00:00Z' }),
      ],
      ['v1.0.0'],
    ],
    // the other fields Kargo puts in the env
    [
      "tagger == 'Tom <tom@x>' && annotation startsWith 'Release' && id == 'c1' && committer != '' && subject == 's'",
      [
        tag('a', { tagger: 'Tom <tom@x>', annotation: 'Release 1', id: 'c1', subject: 's' }),
        tag('b', { tagger: 'Tom <tom@x>', annotation: 'Other', id: 'c1', subject: 's' }),
      ],
      ['a'],
    ],
  ];
  test.each(cases)('%j', (expression, tags, kept) => {
    const keep = tagFilter(expression);
    expect(tags.filter(keep).map((t) => t.tag)).toEqual(kept);
  });

  test("a non-bool result is Kargo's parse error", () => {
    expect(() => tagFilter("'invalid'")(tag('v1.0.0'))).toThrow(
      /^error filtering tags by expression .*error parsing expression result/,
    );
  });

  test('creatorDate keeps the tagger’s UTC offset (Year() reads the wall clock there)', () => {
    // the same instant, 2024-01-01T00:30Z, seen from -01:00 is still 2023 on the wall clock
    const keep = tagFilter('creatorDate.Year() == 2023');
    expect(keep(tag('x', { creatorDate: '2023-12-31T23:30:00-01:00' }))).toBe(true);
    expect(keep(tag('x', { creatorDate: '2024-01-01T00:30:00Z' }))).toBe(false);
  });

  test('an expression that does not compile is a configuration error', () => {
    expect(() => tagFilter('tag ==')).toThrow(/^error compiling filter expression/);
  });

  test('matches on what the remote chose (tag, annotation) is RE2: linear time', () => {
    const keep = tagFilter('tag matches "^(a+)+$" || annotation matches "^([a-z]+ ?)*$"');
    const hostile = tag(`${'a'.repeat(50_000)}!`, { annotation: `${'word '.repeat(20_000)}!` });
    const started = performance.now();
    expect(keep(hostile)).toBe(false);
    expect(keep(tag('aaa'))).toBe(true);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

// Conformance H: newest_from_branch_selector_test.go Test_newestFromBranchSelector_evaluateCommitExpression.
describe('commit expression filters', () => {
  const cases: [expression: string, c: CommitInfo, want: boolean][] = [
    ['true', commit(), true],
    ['false', commit(), false],
    ["id == 'abc' && author == 'test-author'", commit(), true],
    ["id == 'xyz'", commit(), false],
    ['1', commit(), true],
    ['0', commit(), false],
    ['commitDate.Year() >= 2023', commit({ commitDate: '2023-06-01T00:00:00Z' }), true],
    [
      "subject contains 'fix:'",
      commit({ subject: 'fix: resolve issue with authentication' }),
      true,
    ],
    ["committer == 'test-committer'", commit(), true],
  ];
  test.each(cases)('%s ⇒ %s', (expression, c, want) => {
    expect(commitFilter(expression)(c)).toBe(want);
  });

  test("'invalid' is an error containing invalid syntax", () => {
    expect(() => commitFilter("'invalid'")(commit())).toThrow(/invalid syntax/);
    expect(() => commitFilter("'invalid'")(commit())).toThrow(/error evaluating filter expression/);
  });
});
