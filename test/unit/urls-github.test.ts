import { describe, expect, test } from 'vitest';
import { githubTarget } from '../../src/cli/run.js';

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
