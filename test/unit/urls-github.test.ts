import { describe, expect, test } from 'vitest';
import { githubTarget } from '../../src/cli/run.js';
import { githubRepoOf, parseRemote } from '../../src/github/url.js';

describe('the GitHub repository of a remote, for the command line', () => {
  const dotcom = {};
  test.each([
    'https://github.com/acme/gitops.git',
    'https://github.com/acme/gitops',
    'ssh://git@github.com/acme/gitops.git',
    'git@github.com:acme/gitops.git',
    'git@github.com:acme/gitops',
  ])('%s is acme/gitops on github.com', (url) => {
    expect(githubTarget(dotcom, url)).toEqual({
      owner: 'acme',
      repo: 'gitops',
      apiUrl: 'https://api.github.com',
    });
  });

  test('a GitHub Enterprise server named by GITHUB_SERVER_URL, in every form', () => {
    const ghes = { GITHUB_SERVER_URL: 'https://ghe.acme.dev' };
    for (const url of [
      'https://ghe.acme.dev/acme/gitops.git',
      'git@ghe.acme.dev:acme/gitops.git',
      'ssh://git@ghe.acme.dev/acme/gitops',
    ]) {
      expect(githubTarget(ghes, url), url).toEqual({
        owner: 'acme',
        repo: 'gitops',
        apiUrl: 'https://ghe.acme.dev/api/v3',
      });
    }
    // Its token never goes to github.com.
    expect(githubTarget(ghes, 'git@github.com:acme/gitops.git')).toBeUndefined();
  });

  test('GITHUB_API_URL is the API of the configured server', () => {
    expect(
      githubTarget({ GITHUB_API_URL: 'http://127.0.0.1:9/api' }, 'git@github.com:a/b.git'),
    ).toEqual({ owner: 'a', repo: 'b', apiUrl: 'http://127.0.0.1:9/api' });
    expect(
      githubTarget(
        { GITHUB_SERVER_URL: 'http://127.0.0.1:8081', GITHUB_API_URL: 'http://127.0.0.1:9' },
        'http://127.0.0.1:8081/acme/gitops.git',
      ),
    ).toEqual({ owner: 'acme', repo: 'gitops', apiUrl: 'http://127.0.0.1:9' });
  });

  test('other hosts, other ports and other shapes are not GitHub', () => {
    const local = { GITHUB_SERVER_URL: 'http://127.0.0.1:8081' };
    expect(githubTarget(local, 'http://127.0.0.1:5000/acme/gitops.git')).toBeUndefined();
    expect(githubTarget(dotcom, 'https://gitlab.com/acme/gitops.git')).toBeUndefined();
    expect(githubTarget(dotcom, 'file:///srv/gitops.git')).toBeUndefined();
    expect(githubTarget(dotcom, 'https://github.com/acme/gitops/tree/main')).toBeUndefined();
  });
});

describe('a git remote, read once for every use', () => {
  test.each([
    ['https://github.com/acme/gitops.git', 'https', 'github.com', '', '/acme/gitops.git'],
    [
      'https://x-access-token@GitHub.com:8443/acme/gitops',
      'https',
      'github.com',
      '8443',
      '/acme/gitops',
    ],
    ['ssh://git@github.com:22/acme/gitops.git', 'ssh', 'github.com', '22', '/acme/gitops.git'],
    ['git@github.com:acme/gitops.git', 'ssh', 'github.com', '', 'acme/gitops.git'],
    ['ghe.acme.dev:acme/gitops', 'ssh', 'ghe.acme.dev', '', 'acme/gitops'],
  ])('%s', (url, scheme, host, port, path) => {
    expect(parseRemote(url)).toEqual({ scheme, host, port, path });
  });

  test.each(['/srv/git/gitops.git', './gitops', 'file:///srv/gitops.git', 'C:/x', 'not a url'])(
    '%s is no remote host',
    (url) => {
      // A slash before the colon, or no colon at all, is a path to git, not host:path.
      expect(parseRemote(url)).toBeUndefined();
      expect(githubRepoOf(url)).toBeUndefined();
    },
  );
});
