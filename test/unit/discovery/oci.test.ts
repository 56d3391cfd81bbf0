import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  credentialFor,
  loadDockerConfig,
  parseWWWAuthenticate,
  registryKey,
} from '../../../src/discovery/oci/auth.js';
import { parseLinkNext } from '../../../src/discovery/oci/client.js';
import { parseRetryAfter } from '../../../src/util/retry.js';
import {
  parseImageRepository,
  registryOrigin,
  repositoryName,
} from '../../../src/discovery/oci/reference.js';
import { tempDir } from '../../support/repos.js';

describe('image repository references', () => {
  test.each([
    ['nginx', 'docker.io', 'registry-1.docker.io', 'library/nginx', 'https'],
    ['docker.io/nginx', 'docker.io', 'registry-1.docker.io', 'library/nginx', 'https'],
    [
      'index.docker.io/library/nginx',
      'docker.io',
      'registry-1.docker.io',
      'library/nginx',
      'https',
    ],
    [
      'registry-1.docker.io/example/repo',
      'docker.io',
      'registry-1.docker.io',
      'example/repo',
      'https',
    ],
    ['example/repo', 'docker.io', 'registry-1.docker.io', 'example/repo', 'https'],
    ['ghcr.io/acme/echo', 'ghcr.io', 'ghcr.io', 'acme/echo', 'https'],
    ['GHCR.io/acme/echo', 'ghcr.io', 'ghcr.io', 'acme/echo', 'https'],
    ['127.0.0.1:5000/demo/app', '127.0.0.1:5000', '127.0.0.1:5000', 'demo/app', 'http'],
    ['localhost:5000/demo/app', 'localhost:5000', 'localhost:5000', 'demo/app', 'http'],
    ['localhost/app', 'localhost', 'localhost', 'app', 'http'],
    ['[::1]:5000/app', '[::1]:5000', '[::1]:5000', 'app', 'http'],
    [
      'registry.example.com:5000/a/b/c',
      'registry.example.com:5000',
      'registry.example.com:5000',
      'a/b/c',
      'https',
    ],
    ['  quay.io/org/my_app-x.y  ', 'quay.io', 'quay.io', 'org/my_app-x.y', 'https'],
  ])('%s', (input, registry, apiHost, repository, scheme) => {
    const r = parseImageRepository(input);
    expect(r).toEqual({ registry, apiHost, repository, scheme, insecureSkipTLSVerify: false });
  });

  test('names and origins', () => {
    const hub = parseImageRepository('nginx');
    expect(repositoryName(hub)).toBe('docker.io/library/nginx');
    expect(registryOrigin(hub)).toBe('https://registry-1.docker.io');
    expect(registryOrigin(parseImageRepository('127.0.0.1:5000/x'))).toBe('http://127.0.0.1:5000');
    expect(
      parseImageRepository('ghcr.io/a/b', { insecureSkipTLSVerify: true }).insecureSkipTLSVerify,
    ).toBe(true);
  });

  test.each([
    ['nginx:1.25', /names the tag "1\.25"; write the repository alone/],
    ['ghcr.io/acme/echo:latest', /names the tag "latest"/],
    ['127.0.0.1:5000/demo/app:1.0.0', /names the tag "1\.0\.0"/],
    ['nginx@sha256:' + 'a'.repeat(64), /names a digest/],
    ['https://ghcr.io/acme/echo', /without a URL scheme/],
    ['', /it is empty/],
    ['Ghcr.io/Acme/Echo', /"Acme" is not a valid repository name component/],
    ['ghcr.io//echo', /empty path component/],
    ['invalid url', /"invalid url" is not a valid repository name component/],
    ['host:99999/app', /is not a registry host/],
  ])('rejects %s', (input, message) => {
    expect(() => parseImageRepository(input)).toThrow(message);
  });
});

describe('WWW-Authenticate', () => {
  test('bearer with quoted commas and escapes', () => {
    expect(
      parseWWWAuthenticate(
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull,push",error="insufficient_scope"',
      ),
    ).toEqual([
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.docker.io/token',
          service: 'registry.docker.io',
          scope: 'repository:library/nginx:pull,push',
          error: 'insufficient_scope',
        },
      },
    ]);
  });

  test('several challenges, spaces, unquoted values, escaped quotes', () => {
    expect(
      parseWWWAuthenticate(
        'Basic realm="a \\"b\\", c", Bearer realm=https://x/token , service = reg',
      ),
    ).toEqual([
      { scheme: 'basic', params: { realm: 'a "b", c' } },
      { scheme: 'bearer', params: { realm: 'https://x/token', service: 'reg' } },
    ]);
  });

  test('nothing useful', () => {
    expect(parseWWWAuthenticate('')).toEqual([]);
    expect(parseWWWAuthenticate('Negotiate')).toEqual([{ scheme: 'negotiate', params: {} }]);
  });
});

describe('Link and Retry-After', () => {
  test.each([
    ['</v2/x/tags/list?n=2&last=b>; rel="next"', '/v2/x/tags/list?n=2&last=b'],
    [
      '<https://r.example/v2/x/tags/list?last=b&n=2>; rel=next',
      'https://r.example/v2/x/tags/list?last=b&n=2',
    ],
    ['</prev>; rel="prev", </next?a=1,2>; rel="next"', '/next?a=1,2'],
    ['</a>; title="x, y"; rel="last next"', '/a'],
    ['</a>; rel="prev"', undefined],
    [null, undefined],
  ])('%s', (header, want) => {
    expect(parseLinkNext(header)).toBe(want);
  });

  test('Retry-After', () => {
    const now = Date.parse('2024-01-01T00:00:00Z');
    expect(parseRetryAfter('5', now)).toBe(5000);
    expect(parseRetryAfter('Mon, 01 Jan 2024 00:00:03 GMT', now)).toBe(3000);
    expect(parseRetryAfter('Sun, 31 Dec 2023 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('Docker config', () => {
  const tmp = tempDir('gantry-dockercfg-');
  const write = (doc: unknown): string => {
    const p = join(tmp.path, `config-${Math.random()}.json`);
    writeFileSync(p, typeof doc === 'string' ? doc : JSON.stringify(doc));
    return p;
  };

  test('auths: auth, username/password, identitytoken, registrytoken; keys with or without scheme', () => {
    const creds = loadDockerConfig(
      write({
        auths: {
          'https://index.docker.io/v1/': { auth: Buffer.from('hubuser:hub:pw').toString('base64') },
          'ghcr.io': { username: 'octo', password: 'ghp_token' },
          'http://127.0.0.1:5000': {
            auth: Buffer.from('<token>:').toString('base64'),
            identitytoken: 'refresh',
          },
          'registry.example.com/v2/': { registrytoken: 'bearer-token' },
          'empty.example.com': {},
        },
        credsStore: 'desktop',
      }),
    );
    expect(Object.fromEntries(creds)).toEqual({
      'docker.io': { username: 'hubuser', password: 'hub:pw' },
      'ghcr.io': { username: 'octo', password: 'ghp_token' },
      '127.0.0.1:5000': { username: '<token>', password: '', identityToken: 'refresh' },
      'registry.example.com': { registryToken: 'bearer-token' },
    });
    expect(credentialFor(creds, 'index.docker.io')?.username).toBe('hubuser');
    expect(credentialFor(new Map([['https://GHCR.io', { password: 'x' }]]), 'ghcr.io')).toEqual({
      password: 'x',
    });
  });

  test('a missing file is no credentials; broken JSON is reported without its content', () => {
    expect(loadDockerConfig(join(tmp.path, 'nope.json')).size).toBe(0);
    const p = write('{"auths": {"x": {"password": "hunter2-secret"');
    expect(() => loadDockerConfig(p)).toThrow(
      `cannot read Docker config ${p}: it is not valid JSON`,
    );
    try {
      loadDockerConfig(p);
    } catch (err) {
      expect((err as Error).message).not.toContain('hunter2');
    }
  });

  test('registry keys', () => {
    expect(registryKey('https://index.docker.io/v1/')).toBe('docker.io');
    expect(registryKey('registry-1.docker.io')).toBe('docker.io');
    expect(registryKey('http://127.0.0.1:5000/')).toBe('127.0.0.1:5000');
    expect(registryKey('Quay.IO')).toBe('quay.io');
  });
});
