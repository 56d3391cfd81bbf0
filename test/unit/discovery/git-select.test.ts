import { describe, expect, test } from 'vitest';
import {
  branchMatchesRef,
  compareBytes,
  commitToDiscovered,
  parseLog,
  parseLsRemote,
  parseTagRefs,
  remoteTags,
  shortenString,
  sortByCreatorDate,
  tagSelector,
  tagToDiscovered,
} from '../../../src/discovery/git-select.js';
import type { GitSubscription } from '../../../src/pipeline/types.js';

function sub(over: Partial<GitSubscription> = {}): GitSubscription {
  return {
    repoURL: 'https://example.test/repo.git',
    commitSelectionStrategy: 'SemVer',
    strictSemvers: false,
    allowTagsRegexes: [],
    ignoreTagsRegexes: [],
    includePaths: [],
    excludePaths: [],
    discoveryLimit: 20,
    insecureSkipTLSVerify: false,
    ...over,
  };
}

const tags = (...names: string[]) => names.map((tag) => ({ tag }));

describe('conformance H: semver selector MatchesRef', () => {
  const cases: [ref: string, allow: string[], ignore: string[], strict: boolean, want: boolean][] =
    [
      ['invalid', [], [], false, false],
      ['refs/tags/foo', [], [], false, false],
      ['refs/tags/v1.0', [], [], true, false],
      ['refs/tags/v1.0.0', [], [], false, true],
      ['refs/tags/v1.0.0', ['^v1\\.'], [], false, true],
      ['refs/tags/v2.0.0', ['^v1\\.'], [], false, false],
      ['refs/tags/v1.0.0', [], ['^v1\\.0\\.0$'], false, false],
      ['refs/tags/v1.0.0', [], ['^v2\\.0\\.0$'], false, true],
      ['refs/tags/v1.0.0', ['^v1\\.'], ['^v1\\.0\\.0$'], false, false],
    ];
  test.each(cases)('%s allow %j ignore %j strict %s ⇒ %s', (ref, allow, ignore, strict, want) => {
    const s = tagSelector(
      sub({ allowTagsRegexes: allow, ignoreTagsRegexes: ignore, strictSemvers: strict }),
    );
    expect(s.matchesRef(ref)).toBe(want);
  });
});

describe('conformance H: semver selection order (before metadata)', () => {
  const cases: [names: string[], over: Partial<GitSubscription>, want: string[]][] = [
    [['foo', 'v1.2.3', 'bar'], {}, ['v1.2.3']],
    [['v1.0.0', 'v2.0.0', 'v3.0.0'], { allowTagsRegexes: ['^v?1\\.'] }, ['v1.0.0']],
    [['v1.0.0', 'v1.1.0'], { ignoreTagsRegexes: ['^v1\\.0\\.0$'] }, ['v1.1.0']],
    [
      ['v1.1.0', 'v1.0.0'],
      { allowTagsRegexes: ['^v?1\\.'], ignoreTagsRegexes: ['^v1\\.0\\.0$'] },
      ['v1.1.0'],
    ],
    [
      ['v3.0.0', 'v5.0.0', 'v4.0.0', 'v1.0.0', 'v2.0.0'],
      {},
      ['v5.0.0', 'v4.0.0', 'v3.0.0', 'v2.0.0', 'v1.0.0'],
    ],
    // the constraint narrows; pre-releases only when the constraint names one
    [
      ['v1.0.0', 'v1.5.0', 'v2.0.0', 'v1.6.0-rc.1'],
      { semverConstraint: '^1.0' },
      ['v1.5.0', 'v1.0.0'],
    ],
    [['9.1.9', '9.1.10'], {}, ['9.1.10', '9.1.9']],
    [['1.0', '1.0.0'], {}, ['1.0.0', '1.0']],
    [['v1.0', 'v1.0.0'], { strictSemvers: true }, ['v1.0.0']],
  ];
  test.each(cases)('%j %j ⇒ %j', (names, over, want) => {
    expect(
      tagSelector(sub(over))
        .candidates(tags(...names))
        .map((t) => t.tag),
    ).toEqual(want);
  });

  test('a bad constraint or regex is a configuration error with Kargo words', () => {
    expect(() => tagSelector(sub({ semverConstraint: 'invalid' }))).toThrow(
      /error parsing semver constraint/,
    );
    expect(() => tagSelector(sub({ allowTagsRegexes: ['['] }))).toThrow(
      /error compiling regular expression/,
    );
  });
});

describe('tag regexes are RE2', () => {
  test('a hostile tag name is matched in linear time, by ref and among candidates', () => {
    const hostile = `${'a'.repeat(50_000)}!`;
    const s = tagSelector(
      sub({ commitSelectionStrategy: 'Lexical', allowTagsRegexes: ['^(a+)+$'] }),
    );
    const started = performance.now();
    expect(s.matchesRef(`refs/tags/${hostile}`)).toBe(false);
    expect(s.matchesRef('refs/tags/aaa')).toBe(true);
    expect(s.candidates(tags(hostile, 'aaa', 'a', 'b')).map((t) => t.tag)).toEqual(['aaa', 'a']);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  test('Go syntax that JavaScript lacks works; lookaround is refused as in Go', () => {
    const s = tagSelector(sub({ allowTagsRegexes: ['^\\Qv1.\\E[[:digit:]]+(?i:-RC)?\\z'] }));
    expect(s.matchesTag('v1.2-rc')).toBe(true);
    expect(s.matchesTag('v1x2')).toBe(false);
    expect(() => tagSelector(sub({ allowTagsRegexes: ['^v(?!0)'] }))).toThrow(
      'error compiling regular expression "^v(?!0)": error parsing regexp: invalid or unsupported Perl syntax: `(?!`',
    );
  });
});

describe('Lexical and NewestTag order', () => {
  test('Lexical: reverse byte order, so v9 beats v10 (conformance D)', () => {
    const s = tagSelector(sub({ commitSelectionStrategy: 'Lexical' }));
    expect(
      s
        .candidates(tags('nightly-20240101', 'nightly-20240315', 'nightly-20231231'))
        .map((t) => t.tag),
    ).toEqual(['nightly-20240315', 'nightly-20240101', 'nightly-20231231']);
    expect(s.candidates(tags('v10', 'v9')).map((t) => t.tag)).toEqual(['v9', 'v10']);
    // Lexical does not require versions
    expect(s.candidates(tags('foo', 'bar')).map((t) => t.tag)).toEqual(['foo', 'bar']);
  });

  test('byte order, not UTF-16 order', () => {
    // U+FF5E (one UTF-16 unit) vs U+1F600 (a surrogate pair): UTF-8 bytes put the emoji last.
    expect(compareBytes('\u{ff5e}', '\u{1f600}')).toBeLessThan(0);
    expect('\u{ff5e}' < '\u{1f600}').toBe(false);
  });

  test('NewestTag: by creator date, ties by name ascending (git for-each-ref)', () => {
    const out = sortByCreatorDate([
      { tag: 'b', creatorDate: '2024-01-01T00:00:00Z' },
      { tag: 'c', creatorDate: '2024-03-01T00:00:00+02:00' },
      { tag: 'a', creatorDate: '2024-01-01T00:00:00Z' },
      { tag: 'd', creatorDate: '2023-12-31T23:00:00-02:00' },
    ]);
    expect(out.map((t) => t.tag)).toEqual(['c', 'd', 'a', 'b']);
  });

  test('NewestTag keeps name filters (ignore wins)', () => {
    const s = tagSelector(
      sub({
        commitSelectionStrategy: 'NewestTag',
        allowTagsRegexes: ['[a-z]+'],
        ignoreTagsRegexes: ['^abc$'],
      }),
    );
    expect(s.candidates(tags('abc', '123', 'abd')).map((t) => t.tag)).toEqual(['abd']);
  });
});

describe('branch MatchesRef (newest_from_branch_selector.go)', () => {
  test.each([
    [undefined, 'refs/heads/main', true],
    [undefined, 'refs/heads/master', true],
    [undefined, 'refs/heads/develop', false],
    ['develop', 'refs/heads/develop', true],
    ['develop', 'refs/heads/main', false],
    ['main', 'refs/tags/main', false],
  ] as const)('branch %s ref %s ⇒ %s', (branch, ref, want) => {
    expect(branchMatchesRef(branch, ref)).toBe(want);
  });
});

describe('subject shortening (common_test.go)', () => {
  test('80 characters at most: 77 and ...', () => {
    expect(shortenString('short', 80)).toBe('short');
    const exactly80 = 'x'.repeat(80);
    expect(shortenString(exactly80, 80)).toBe(exactly80);
    const long = 'y'.repeat(81);
    expect(shortenString(long, 80)).toBe('y'.repeat(77) + '...');
    expect(shortenString(long, 80)).toHaveLength(80);
  });
  test('never cuts a character in half (deviation: Go counts bytes)', () => {
    const s = 'é'.repeat(100);
    expect(shortenString(s, 80)).toBe('é'.repeat(77) + '...');
  });
});

describe('git output parsing', () => {
  test('ls-remote with symrefs and peeled tags', () => {
    const ls = parseLsRemote(
      [
        'ref: refs/heads/trunk\tHEAD',
        'aaa\tHEAD',
        'aaa\trefs/heads/trunk',
        'bbb\trefs/tags/v1.0.0',
        'ccc\trefs/tags/v1.0.0^{}',
        'ddd\trefs/tags/light',
        '',
      ].join('\n'),
    );
    expect(ls.symrefs.get('HEAD')).toBe('refs/heads/trunk');
    expect(remoteTags(ls)).toEqual([
      { tag: 'v1.0.0', oid: 'bbb', commit: 'ccc' },
      { tag: 'light', oid: 'ddd', commit: 'ddd' },
    ]);
  });

  test('log records with and without changed paths', () => {
    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);
    const out =
      `\x01${a}\x002024-06-01T10:00:00+02:00\x00Ann <ann@x>\x00Cat <cat@x>\x00fix: it\x00\x00` +
      `\x01${b}\x002024-05-01T10:00:00Z\x00Ann <ann@x>\x00Ann <ann@x>\x00feat\x00\n` +
      'p1/a.yaml\x00p 2/b c.yaml\x00';
    const [ca, cb] = parseLog(out);
    expect(ca).toMatchObject({ id: a, subject: 'fix: it', committer: 'Cat <cat@x>', paths: [] });
    expect(cb?.paths).toEqual(['p1/a.yaml', 'p 2/b c.yaml']);
    expect(commitToDiscovered(ca!, 'main')).toEqual({
      id: a,
      branch: 'main',
      message: 'fix: it',
      author: 'Ann <ann@x>',
      committer: 'Cat <cat@x>',
      createdAt: '2024-06-01T08:00:00.000Z',
    });
  });

  test('for-each-ref records: annotated, lightweight, and a tag of a tree (skipped)', () => {
    const c = 'c'.repeat(40);
    const t = 'd'.repeat(40);
    const rec = (...f: string[]) => f.join('\x00') + '\x01\n';
    const out =
      rec(
        'refs/tags/v1',
        t,
        'tag',
        c,
        'commit',
        '2024-01-02T03:04:05+01:00',
        ' ',
        ' ',
        'Release 1',
        'Ann <ann@x>',
        'Cat <cat@x>',
        'commit subject',
        'Tom <tom@x>',
        'Release 1\n\nnotes\n',
      ) +
      rec(
        'refs/tags/light',
        c,
        'commit',
        '',
        '',
        '2024-01-01T00:00:00Z',
        'Ann <ann@x>',
        'Cat <cat@x>',
        'commit subject',
        ' ',
        ' ',
        '',
        ' ',
        'commit subject\n',
      ) +
      rec('refs/tags/tree', 'e'.repeat(40), 'tree', '', '', '', '', '', '', '', '', '', '', '');
    const parsed = parseTagRefs(out);
    expect(parsed).toEqual([
      {
        tag: 'v1',
        oid: t,
        id: c,
        creatorDate: '2024-01-02T03:04:05+01:00',
        author: 'Ann <ann@x>',
        committer: 'Cat <cat@x>',
        subject: 'commit subject',
        tagger: 'Tom <tom@x>',
        annotation: 'Release 1\n\nnotes',
      },
      {
        tag: 'light',
        oid: c,
        id: c,
        creatorDate: '2024-01-01T00:00:00Z',
        author: 'Ann <ann@x>',
        committer: 'Cat <cat@x>',
        subject: 'commit subject',
        tagger: '',
        annotation: '',
      },
    ]);
    expect(tagToDiscovered(parsed[0]!)).toEqual({
      id: c,
      tag: 'v1',
      message: 'commit subject',
      author: 'Ann <ann@x>',
      committer: 'Cat <cat@x>',
      createdAt: '2024-01-02T02:04:05.000Z',
    });
  });
});
