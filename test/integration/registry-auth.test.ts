/**
 * Registry authentication against real registries: htpasswd (basic), bearer tokens from a token
 * service (anonymous and authenticated, refresh tokens from a Docker config), wrong passwords,
 * and TLS verification switched off per subscription.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { discoverImages } from '../../src/discovery/images.js';
import { loadDockerConfig, RegistryAuthError } from '../../src/discovery/oci/auth.js';
import { RegistryClient, RegistryError } from '../../src/discovery/oci/client.js';
import { parseImageRepository } from '../../src/discovery/oci/reference.js';
import type { RegistryCredential } from '../../src/discovery/types.js';
import type { ImageSubscription } from '../../src/pipeline/types.js';
import {
  RegistryPusher,
  startRegistry,
  type Pushed,
  type TestRegistry,
} from '../support/registry.js';
import { tempDir } from '../support/repos.js';

const PASSWORD = 'Sup3r-s3cret-registry-pw';
const REFRESH = 'refresh-token-0123456789abcdef';
const users = { alice: PASSWORD };

let basicReg: TestRegistry;
let tokenReg: TestRegistry;
let privateReg: TestRegistry;
let tlsReg: TestRegistry;
let image: Pushed;
const tmp = tempDir('gantry-regauth-');
const log = { info: () => undefined, warn: () => undefined };

function client(credentials: Map<string, RegistryCredential> = new Map()): RegistryClient {
  return new RegistryClient({
    credentials,
    requestTimeoutMs: 5_000,
    concurrencyPerRegistry: 4,
    log,
  });
}

const sub = (repoURL: string, over: Partial<ImageSubscription> = {}): ImageSubscription => ({
  repoURL,
  imageSelectionStrategy: 'SemVer',
  strictSemvers: false,
  allowTagsRegexes: [],
  ignoreTagsRegexes: [],
  discoveryLimit: 20,
  insecureSkipTLSVerify: false,
  ...over,
});

const settings = {
  cacheDir: join(tmp.path, 'cache'),
  log,
  concurrencyPerRegistry: 4,
  resolveAllCandidates: true,
};

function expectNoSecret(message: string): void {
  expect(message).not.toContain(PASSWORD);
  expect(message).not.toContain(Buffer.from(`alice:${PASSWORD}`).toString('base64'));
  expect(message).not.toContain(REFRESH);
}

beforeAll(async () => {
  [basicReg, tokenReg, privateReg, tlsReg] = await Promise.all([
    startRegistry({ auth: 'htpasswd', users }),
    startRegistry({ auth: 'token', users }),
    startRegistry({
      auth: 'token',
      users,
      anonymousPull: false,
      refreshTokens: { [REFRESH]: 'alice' },
    }),
    startRegistry({ tls: true }),
  ]);
  const creds = { username: 'alice', password: PASSWORD };
  image = await new RegistryPusher(basicReg.url, creds).pushImage('priv/app', ['1.0.0', '1.2.0']);
  await new RegistryPusher(tokenReg.url, creds).pushImage('pub/app', ['1.0.0', '2.0.0']);
  await new RegistryPusher(privateReg.url, creds).pushImage('priv/app', ['3.0.0']);
  await new RegistryPusher(tlsReg.url).pushImage('tls/app', ['0.1.0']);
}, 60_000);

afterAll(async () => {
  await Promise.all([basicReg, tokenReg, privateReg, tlsReg].map((r) => r?.close()));
  tmp.cleanup();
});

describe('htpasswd (basic auth)', () => {
  test('without credentials: authentication required', async () => {
    const err = await client()
      .listTags(parseImageRepository(`${basicReg.host}/priv/app`))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryAuthError);
    expect((err as Error).message).toBe(
      `authentication required for ${basicReg.host}: the registry wants a user name and password, and none is configured for it`,
    );
  });

  test('with credentials: basic auth learned once, then sent up front', async () => {
    const c = client(new Map([[basicReg.host, { username: 'alice', password: PASSWORD }]]));
    const found = await discoverImages(sub(`${basicReg.host}/priv/app`), c, settings);
    expect(found).toEqual([
      { tag: '1.2.0', digest: image.digest },
      { tag: '1.0.0', digest: image.digest },
    ]);
    // One 401, then the tag list and two HEADs with credentials.
    expect(c.requestCount(basicReg.host)).toBe(4);
  });

  test('a wrong password says so, names the user, and never prints the password', async () => {
    const wrong = `${PASSWORD}-wrong`;
    const c = client(
      new Map([[`https://${basicReg.host}/v1/`, { username: 'alice', password: wrong }]]),
    );
    const err = await discoverImages(sub(`${basicReg.host}/priv/app`), c, settings).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(RegistryAuthError);
    const message = (err as Error).message;
    expect(message).toBe(
      `authentication failed for ${basicReg.host} as alice: the registry rejected the credentials`,
    );
    expect(message).not.toContain(wrong);
    expect(String((err as Error).stack)).not.toContain(wrong);
  });
});

describe('bearer tokens', () => {
  test('anonymous pull: one token for the scope, reused across requests', async () => {
    const c = client();
    const found = await discoverImages(sub(`${tokenReg.host}/pub/app`), c, settings);
    expect(found.map((f) => f.tag)).toEqual(['2.0.0', '1.0.0']);
    const tokenRequests = tokenReg.tokenServer!.requests.filter((r) => r.account === '');
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0]?.scopes).toEqual(['repository:pub/app:pull']);
    // 401, tag list, two HEADs.
    expect(c.requestCount(tokenReg.host)).toBe(4);
    const tokenHost = new URL(tokenReg.tokenServer!.url).host;
    expect(c.requestCount(tokenHost)).toBe(1);
  });

  test('authenticated: the token service sees the user', async () => {
    tokenReg.tokenServer!.requests.splice(0);
    const c = client(new Map([[tokenReg.host, { username: 'alice', password: PASSWORD }]]));
    await c.listTags(parseImageRepository(`${tokenReg.host}/pub/app`));
    expect(tokenReg.tokenServer!.requests).toEqual([
      { account: 'alice', scopes: ['repository:pub/app:pull'], method: 'GET', granted: true },
    ]);
  });

  test('a wrong password at the token service says so without printing it', async () => {
    const c = client(new Map([[tokenReg.host, { username: 'alice', password: `${PASSWORD}x` }]]));
    const err = await c
      .listTags(parseImageRepository(`${tokenReg.host}/pub/app`))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryAuthError);
    const message = (err as Error).message;
    expect(message).toBe(
      `authentication failed for ${tokenReg.host} as alice: its token service ${tokenReg.tokenServer!.url} answered HTTP 401`,
    );
    expectNoSecret(message);
  });

  test('no anonymous pull: anonymous callers are told to configure credentials', async () => {
    const err = await client()
      .listTags(parseImageRepository(`${privateReg.host}/priv/app`))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryAuthError);
    expect((err as Error).message).toMatch(
      new RegExp(
        `^authentication required for ${privateReg.host.replace(/\./g, '\\.')}: anonymous access to priv/app was refused.*configure credentials`,
      ),
    );
  });

  test('an identity token from a Docker config is exchanged with the OAuth2 refresh grant', async () => {
    const dir = join(tmp.path, 'docker');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({
        auths: {
          [`http://${privateReg.host}`]: {
            auth: Buffer.from('<token>:').toString('base64'),
            identitytoken: REFRESH,
          },
        },
      }),
    );
    const creds = loadDockerConfig(join(dir, 'config.json'));
    privateReg.tokenServer!.requests.splice(0);
    const found = await discoverImages(sub(`${privateReg.host}/priv/app`), client(creds), settings);
    expect(found.map((f) => f.tag)).toEqual(['3.0.0']);
    expect(privateReg.tokenServer!.requests).toEqual([
      { account: 'alice', scopes: ['repository:priv/app:pull'], method: 'POST', granted: true },
    ]);
  });

  test('a revoked identity token fails without printing it', async () => {
    const c = client(
      new Map([[privateReg.host, { username: '<token>', identityToken: `${REFRESH}-revoked` }]]),
    );
    const err = await c
      .listTags(parseImageRepository(`${privateReg.host}/priv/app`))
      .catch((e: unknown) => e);
    expect((err as Error).message).toBe(
      `authentication failed for ${privateReg.host} as an identity token: its token service ${privateReg.tokenServer!.url} answered HTTP 401`,
    );
    expectNoSecret((err as Error).message);
  });
});

describe('TLS', () => {
  // Loopback hosts are plain HTTP; `localhost` would be too, so reach the TLS registry through
  // a name that is not loopback-by-name... there is none offline, so the client is pointed at
  // it with an explicit https repository object.
  const tlsRepo = (insecure: boolean) => ({
    ...parseImageRepository(`${tlsReg.host}/tls/app`, { insecureSkipTLSVerify: insecure }),
    scheme: 'https' as const,
  });

  test('a self-signed certificate is refused by default', async () => {
    const err = await client()
      .listTags(tlsRepo(false))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect((err as Error).message).toMatch(
      /cannot reach registry 127\.0\.0\.1:\d+ .*(CERT|SELF_SIGNED|certificate)/i,
    );
  });

  test('insecureSkipTLSVerify accepts it, for that subscription only', async () => {
    const c = client();
    expect(await c.listTags(tlsRepo(true))).toEqual(['0.1.0']);
    await expect(c.listTags(tlsRepo(false))).rejects.toThrow(/cannot reach registry/);
    await c.close();
  });
});
