import { describe, expect, test } from 'vitest';
import {
  cleanPath,
  compileGlob,
  compilePathFilter,
  parsePathPattern,
} from '../../../src/discovery/path-filter.js';

// Conformance I: pkg/controller/git/commit/base_selector_test.go TestBaseSelector_MatchesPaths.
const SAME = ['path1/values.yaml', 'path2/_helpers.tpl'];
const AB = ['abc', 'abb', 'aba', 'abz', 'aby', 'abx', 'abw', 'abv', 'abu'];
const MATCHES_PATHS: [include: string[], exclude: string[], paths: string[], result: boolean][] = [
  [[], ['regexp:nonexistent'], SAME, true],
  [['regexp:values\\.ya?ml$'], ['regex:nonexistent'], SAME, true],
  [['regexp:values\\.ya?ml$'], ['regex:nonexistent', 'regexp:.*val.*'], SAME, false],
  [['glob:path2/*.tpl'], ['nonexistent'], SAME, true],
  // plain ⇒ base directory, not a glob
  [['path2/*.tpl'], ['regex:nonexistent', '*/?helpers.tpl'], SAME, false],
  [['path1/'], ['nonexistent'], SAME, true],
  [['path3/'], ['regex:nonexistent', '*/?helpers.tpl'], SAME, false],
  [
    ['path3', 'regex:nonexistent', 'glob:nonexistent'],
    ['regex:nonexistent', '*/?helpers.tpl', 'glob:nonexistent'],
    SAME,
    false,
  ],
  [
    ['path1', 'regex:[_-]', 'glob:nonexistent'],
    ['regex:nonexistent', 'path1', 'path1', 'glob:*.tpl', 'glob:*/*.tpl', 'glob:*.tpl', 'path1'],
    ['path1/values.yaml', 'path2/_helpers.tpl', 'path2/ingress.yaml'],
    false,
  ],
  [
    ['path1/f', 'regexp:path[1-3]', 'glob:file*'],
    ['regex:\\d', 'yaml', 'glob:*.tpl', 'glob:*.tpl', 'nonexistent'],
    ['path1/file1', 'path2/file2', 'path3/file3'],
    false,
  ],
  [[], [], [], false],
  [
    ['path1', 'regex:[_-]', 'glob:nonexistent', 'regex:no', 'glob:*/*/*/abe/*'],
    [
      'regex:nonexistent',
      'path1',
      'path1',
      'glob:*.tpl',
      'glob:*/*.tpl',
      'glob:*.tpl',
      'regexp:.*q',
    ],
    [...SAME, ...AB, 'path3/abc/abd/abe/deployment.yaml', 'path4.txt'],
    true,
  ],
  [[], ['regexp:ab[cbazxwvu]', 'helpers.tpl', 'glob:path*/*'], [...SAME, ...AB], true],
];

describe('path filters: conformance I (MatchesPaths)', () => {
  test.each(MATCHES_PATHS)('include %j exclude %j paths %j ⇒ %s', (inc, exc, paths, want) => {
    expect(compilePathFilter(inc, exc).matches(paths)).toBe(want);
  });

  test('filters are active only when a list is non-empty', () => {
    expect(compilePathFilter([], []).active).toBe(false);
    expect(compilePathFilter(['a'], []).active).toBe(true);
    expect(compilePathFilter([], ['a']).active).toBe(true);
  });

  test('bad patterns say which list and which pattern', () => {
    expect(() => compilePathFilter(['regex:['], [])).toThrow(
      /^error parsing include path selectors: error compiling regular expression "\["/,
    );
    expect(() => compilePathFilter([], ['glob:a[b'])).toThrow(
      /^error parsing exclude path selectors: syntax error in pattern "a\[b"/,
    );
    expect(() => compilePathFilter([], ['glob:{a,b'])).toThrow(/syntax error in pattern/);
  });
});

// pkg/pattern/matcher_test.go extras, and doublestar behaviour.
const MATCHER: [pattern: string, path: string, matches: boolean][] = [
  // base directories
  ['configs', 'configs/app.yaml', true],
  ['configs', 'configs/dev/database.yaml', true],
  ['configs', 'configs', true],
  ['configs', 'app/configs/settings.yaml', false],
  ['configs', 'configurations/app.yaml', false],
  ['configs', '../configs/app.yaml', false],
  ['environments/prod', 'environments', false],
  ['environments/prod', 'environments/prod/app.yaml', true],
  ['config/shared', 'config/shared/../private/secrets.yaml', false],
  ['configs/', 'configs/app.yaml', true],
  ['./configs', 'configs/app.yaml', true],
  ['.', 'anything/at/all', true],
  ['', 'anything', true],
  ['/abs', 'abs/x', false],
  // deviation: Kargo's `strings.Contains(rel, "..")` also rejects this legal file name
  ['configs', 'configs/a..b.yaml', true],
  // globs
  ['glob:env/*/deployment.yaml', 'env/prod/deployment.yaml', true],
  ['glob:env/*/deployment.yaml', 'env/prod/nested/deployment.yaml', false],
  ['glob:env/**/deployment.yaml', 'env/even/more/nested/deployment.yaml', true],
  ['glob:env/**/deployment.yaml', 'env/deployment.yaml', true],
  ['glob:**/deployment.yaml', 'deployment.yaml', true],
  ['glob:**/deployment.yaml', 'a/b/deployment.yaml', true],
  ['glob:**', 'a/b/c', true],
  ['glob:env/**', 'env/a/b', true],
  ['glob:env/**', 'env', true],
  ['glob:env/**', 'envy/a', false],
  ['glob:a**b', 'axxb', true],
  ['glob:a**b', 'ax/xb', false],
  ['glob:*.{yaml,yml,json}', 'manifest.yaml', true],
  ['glob:*.{yaml,yml,json}', 'manifest.yml', true],
  ['glob:*.{yaml,yml,json}', 'manifest.json', true],
  ['glob:*.{yaml,yml,json}', 'manifest.jsonnet', false],
  ['glob:{apps,infra}/**/*.yaml', 'infra/x/y.yaml', true],
  ['glob:{apps,infra}/**/*.yaml', 'docs/x/y.yaml', false],
  ['glob:app-[a-z].yaml', 'app-b.yaml', true],
  ['glob:app-[a-z].yaml', 'app-A.yaml', false],
  ['glob:app-[!a-z].yaml', 'app-A.yaml', true],
  ['glob:app-[^a-z].yaml', 'app-b.yaml', false],
  ['glob:a?c', 'abc', true],
  ['glob:a?c', 'a/c', false],
  ['glob:*.tpl', 'path2/_helpers.tpl', false],
  ['glob:*/*.tpl', 'path2/_helpers.tpl', true],
  ['glob:a\\*b', 'a*b', true],
  ['glob:a\\*b', 'axb', false],
  ['glob:a.b+c(d)', 'a.b+c(d)', true],
  ['glob:a-b', 'a-b', true],
  // regexes: Go RE2, unanchored, case-sensitive
  ['regex:app', 'happy', true],
  ['regex:app', 'App', false],
  ['regexp:^app$', 'happy', false],
  ['regex:(?i)app', 'App', true],
];

describe('path patterns (pkg/pattern extras)', () => {
  test.each(MATCHER)('%s vs %s ⇒ %s', (pattern, path, want) => {
    expect(parsePathPattern(pattern).matches(path)).toBe(want);
  });

  test('cleanPath is Go path.Clean', () => {
    expect(cleanPath('')).toBe('.');
    expect(cleanPath('a//b/./c/..')).toBe('a/b');
    expect(cleanPath('../a')).toBe('../a');
    expect(cleanPath('/../a')).toBe('/a');
    expect(cleanPath('a/')).toBe('a');
  });

  test('globs compile to anchored RE2 expressions', () => {
    expect(compileGlob('a/*').source).toMatch(/^\(\?s\)\^.*\$$/);
  });

  test('classes never match the separator, and a class of only `/` matches nothing', () => {
    expect(parsePathPattern('glob:a[.-0]b').matches('a.b')).toBe(true);
    expect(parsePathPattern('glob:a[.-0]b').matches('a0b')).toBe(true);
    expect(parsePathPattern('glob:a[.-0]b').matches('a/b')).toBe(false);
    expect(parsePathPattern('glob:a[/]b').matches('a/b')).toBe(false);
    expect(parsePathPattern('glob:a[!x]b').matches('a/b')).toBe(false);
    expect(parsePathPattern('glob:[é-ü]*').matches('ölkanne')).toBe(true);
    expect(parsePathPattern('glob:[\\]]x').matches(']x')).toBe(true);
  });

  test('globs and regexes match in linear time', () => {
    const name = `${'a'.repeat(5_000)}.txt`;
    const paths = [name, `dir/${'a'.repeat(100_000)}!`];
    const filter = compilePathFilter(
      ['glob:*a*a*a*a*a*a*a*a*a*a*b', 'glob:**/**/**/**/**/**/x', 'regex:^(a+)+$'],
      [],
    );
    const started = performance.now();
    expect(filter.matches(paths)).toBe(false);
    expect(parsePathPattern('regex:/(a+)+!$').matches(paths[1]!)).toBe(true);
    // A backtracking engine takes hours on these; RE2 takes milliseconds.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
