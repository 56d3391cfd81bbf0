import { describe, expect, test } from 'vitest';
import {
  normalizeChartURL,
  normalizeGitURL,
  normalizeImageURL,
  sanitizeURL,
} from '../../src/urls/index.js';

/** All 2^n combinations of optional features, as Kargo's tests enumerate them. */
function matrix(
  features: readonly (readonly [string, string])[],
  build: (on: string[]) => string,
): string[] {
  const out: string[] = [];
  for (let bits = 0; bits < 1 << features.length; bits++) {
    out.push(build(features.map(([with_, without], i) => (bits & (1 << i) ? with_ : without))));
  }
  return out;
}

describe('normalizeGitURL (conformance G: pkg/urls/git_test.go)', () => {
  const cases: [string, string][] = [
    // anything that cannot be normalised is returned as is
    ['https://not a url', 'https://not a url'],
    ['http://github.com/example/repo?foo=bar', 'http://github.com/example/repo?foo=bar'],
    ['ssh://not a url', 'ssh://not a url'],
    ['ssh://github.com/example/repo?foo=bar', 'ssh://github.com/example/repo?foo=bar'],
    ['not even remotely a url', 'not even remotely a url'],
    // http[s]://[proxy-user:proxy-pass@]host.xz[:port][/path/to/repo[.git][/]]
    ['https://github.com', 'https://github.com'],
    ['https://github.com/', 'https://github.com'],
    ['https://foo:bar@github.com', 'https://github.com'],
    ['https://foo:bar@github.com/', 'https://github.com'],
    // ssh://[user@]host.xz[:port][/path/to/repo[.git][/]]
    ['ssh://git.example.com', 'ssh://git.example.com'],
    ['ssh://git.example.com/', 'ssh://git.example.com'],
    ['ssh://git@git.example.com', 'ssh://git@git.example.com'],
    ['ssh://git@git.example.com/', 'ssh://git@git.example.com'],
    // SCP-style [user@]host.xz[:path/to/repo[.git][/]]
    ['git.example.com', 'ssh://git.example.com'],
    ['git@git.example.com', 'ssh://git@git.example.com'],
    // a few of our own
    ['https://GitHub.com/Example/Repo.git', 'https://github.com/example/repo'],
    ['HTTPS://github.com/example/repo', 'https://github.com/example/repo'],
    ['http://github.com/example/repo.git?', 'http://github.com/example/repo'],
    // gantry: file:// is treated like ssh:// (Kargo would misread it as SCP syntax)
    ['file:///tmp/Repo.git/', 'file:///tmp/repo'],
    ['file:///tmp/repo', 'file:///tmp/repo'],
    ['', ''],
  ];
  test.each(cases)('%j => %j', (input, expected) => {
    expect(normalizeGitURL(input)).toBe(expected);
  });

  // Bits: userinfo (proxy credentials), port, .git suffix, trailing slash.
  const https = matrix(
    [
      ['foo:bar@', ''],
      [':8443', ''],
      ['.git', ''],
      ['/', ''],
    ],
    ([user, port, git, slash]) =>
      `https://${user}${port ? 'localhost' : 'github.com'}${port}/example/repo${git}${slash}`,
  );
  test.each(https)('https matrix: %j', (input) => {
    const expected = input.includes(':8443')
      ? 'https://localhost:8443/example/repo'
      : 'https://github.com/example/repo';
    expect(normalizeGitURL(input)).toBe(expected);
  });

  const ssh = matrix(
    [
      ['git@', ''],
      [':2222', ''],
      ['.git', ''],
      ['/', ''],
    ],
    ([user, port, git, slash]) =>
      `ssh://${user}${port ? 'localhost' : 'github.com'}${port}/example/repo${git}${slash}`,
  );
  test.each(ssh)('ssh matrix: %j', (input) => {
    const user = input.includes('git@') ? 'git@' : '';
    const host = input.includes(':2222') ? 'localhost:2222' : 'github.com';
    expect(normalizeGitURL(input)).toBe(`ssh://${user}${host}/example/repo`);
  });

  const scp = matrix(
    [
      ['git@', ''],
      ['.git', ''],
      ['/', ''],
    ],
    ([user, git, slash]) => `${user}github.com:example/repo${git}${slash}`,
  );
  test.each(scp)('scp matrix: %j', (input) => {
    const user = input.startsWith('git@') ? 'git@' : '';
    expect(normalizeGitURL(input)).toBe(`ssh://${user}github.com/example/repo`);
  });

  test('matrices are complete', () => {
    expect(new Set(https).size).toBe(16);
    expect(new Set(ssh).size).toBe(16);
    expect(new Set(scp).size).toBe(8);
  });
});

describe('normalizeImageURL (conformance G: pkg/urls/image_test.go)', () => {
  const cases: [string, string][] = [
    ['index.docker.io/library/busybox', 'busybox'],
    ['index.docker.io/busybox', 'busybox'],
    ['registry-1.docker.io/library/busybox', 'busybox'],
    ['registry-1.docker.io/busybox', 'busybox'],
    ['docker.io/library/busybox', 'busybox'],
    ['docker.io/busybox', 'busybox'],
    ['library/busybox', 'busybox'],
    ['busybox', 'busybox'],
    ['index.docker.io/example/repo', 'example/repo'],
    ['docker.io/example/repo', 'example/repo'],
    ['example/repo', 'example/repo'],
    ['ghcr.io/example/repo', 'ghcr.io/example/repo'],
    ['quay.io/example/repo', 'quay.io/example/repo'],
    ['invalid url', 'invalid url'],
    // of our own
    ['localhost:5000/example/repo', 'localhost:5000/example/repo'],
    ['127.0.0.1:5000/repo', '127.0.0.1:5000/repo'],
    ['busybox:1.36', 'busybox'],
    ['ghcr.io/example/repo:v1.0.0', 'ghcr.io/example/repo'],
    [`ghcr.io/example/repo@sha256:${'a'.repeat(64)}`, 'ghcr.io/example/repo'],
    ['Example/Repo', 'Example/Repo'],
    ['', ''],
  ];
  test.each(cases)('%j => %j', (input, expected) => {
    expect(normalizeImageURL(input)).toBe(expected);
  });
});

describe('normalizeChartURL (conformance G: pkg/urls/helm_test.go)', () => {
  const cases: [string, string][] = [
    ['', ''],
    ['repo', 'repo'],
    ['  repo  ', 'repo'],
    ['REpo', 'repo'],
    ['oci://repo', 'repo'],
    ['  oci://repo  ', 'repo'],
    ['OCI://Repo', 'repo'],
    ['oci://docker.io/example/repo', 'example/repo'],
    ['docker.io/example/repo', 'example/repo'],
    ['oci://index.docker.io/example/repo', 'example/repo'],
    ['index.docker.io/example/repo', 'example/repo'],
    ['oci://registry-1.docker.io/example/repo', 'example/repo'],
    ['registry-1.docker.io/example/repo', 'example/repo'],
    // of our own
    ['oci://ghcr.io/example/charts/app', 'ghcr.io/example/charts/app'],
    ['https://Charts.Example.com/', 'https://charts.example.com/'],
    ['https://charts.example.com:8443/stable', 'https://charts.example.com:8443/stable'],
  ];
  test.each(cases)('%j => %j', (input, expected) => {
    expect(normalizeChartURL(input)).toBe(expected);
  });
});

describe('sanitizeURL (conformance G: pkg/urls/common_test.go)', () => {
  const cases: [string, string][] = [
    ['\uFEFF https://example.com/\u200Brepo \uFEFF', 'https://example.com/repo'],
    ['https://example.com/ myrepo', 'https://example.com/ myrepo'],
    ['   ', ''],
    ['', ''],
    ['\thttps://example.com/repo\n', 'https://example.com/repo'],
    ['https://example.com/\u00a0repo', 'https://example.com/repo'],
    ['https://exämple.com/répo', 'https://exämple.com/répo'],
  ];
  test.each(cases)('%j => %j', (input, expected) => {
    expect(sanitizeURL(input)).toBe(expected);
  });
});
