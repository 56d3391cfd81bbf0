/**
 * What a failing command prints first: its error, in words that say what happened (rejected
 * credentials name the host, never the credentials), before any progress or warning.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startGitHttpServer, type GitHttpServer } from '../support/git-server.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { seedFreight } from '../support/seed-freight.js';
import { makeFreight } from '../support/freight.js';
import { runGantry } from '../support/cli.js';

const PROJECT = `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
stages:
  - name: dev
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: yaml-update
          config:
            path: env/dev/values.yaml
            updates: [{key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}]
        - uses: yaml-update
          config:
            path: env/dev/missing.yaml
            updates: [{key: image.tag, value: x}]
`;

const PASSWORD = 'right-Pa55word-4git';

describe('the first line a failed command prints is the error', () => {
  const tmp = tempDir();
  const env = () => ({ ...testGitEnv(tmp.path), GANTRY_CACHE_DIR: join(tmp.path, 'cache') });
  let bare: string;
  let server: GitHttpServer;
  let forbidden: GitHttpServer;

  beforeAll(async () => {
    bare = createBareRepo(tmp.path, 'gitops', {
      '.gantry/echo.yaml': PROJECT,
      'env/dev/values.yaml': 'image:\n  tag: 0.9.0\n',
    });
    await seedFreight(bare, 'echo', [makeFreight('1.0.0')]);
    git(bare, ['tag', '-a', '-m', 'not freight', `gantry/echo/freight/${'f'.repeat(40)}`, 'main']);
    server = await startGitHttpServer({
      root: tmp.path,
      auth: { username: 'x-access-token', password: PASSWORD },
    });
    forbidden = await startGitHttpServer({ root: tmp.path, failWith: 403 });
  });
  afterAll(async () => {
    await server.close();
    await forbidden.close();
    tmp.cleanup();
  });

  test('a promote whose second step fails: the error first on stderr, step progress on stdout', async () => {
    const r = await runGantry(['promote', '--stage', 'dev', '--repo', `file://${bare}`], env());
    // A step's bad configuration (here, a path that does not exist) exits 2.
    expect(r.code).toBe(2);
    const lines = r.err.split('\n');
    expect(lines[0]).toMatch(/^gantry: step 2 \(yaml-update\): .*env\/dev\/missing\.yaml/);
    expect(r.err).not.toContain('step 1 (yaml-update): done');
    expect(r.out).toMatch(/^step 1 \(yaml-update\): done\nstep 2 \(yaml-update\): /);
    // The unreadable tag's warning comes after the error.
    expect(lines[1]).toMatch(
      /^warning: unreadable freight document in tag gantry\/echo\/freight\/f+/,
    );
  });

  test('with --output json, progress follows the error on stderr and stdout stays empty', async () => {
    const r = await runGantry(
      ['promote', '--stage', 'dev', '--repo', `file://${bare}`, '-o', 'json'],
      env(),
    );
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const lines = r.err.split('\n');
    expect(lines[0]).toMatch(/^gantry: step 2 \(yaml-update\)/);
    expect(lines.slice(1)).toContain('step 1 (yaml-update): done');
  });

  test('a wrong token: the host rejected the credentials, and the token is not printed', async () => {
    const token = 'ghs_WRONGtoken77';
    const r = await runGantry(['get', 'freight', '--repo', `${server.url}/gitops.git`], {
      ...env(),
      GANTRY_TOKEN: token,
    });
    const host = new URL(server.url).host;
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      new RegExp(
        `^gantry: ${host.replace(/\./g, '\\.')} rejected the credentials gantry sent \\(HTTP 401\\): the token or password is wrong, expired or revoked \\(git ls-remote `,
      ),
    );
    expect(r.err + r.out).not.toContain(token);
    // The right token works.
    const ok = await runGantry(['get', 'freight', '--repo', `${server.url}/gitops.git`], {
      ...env(),
      GANTRY_TOKEN: PASSWORD,
    });
    expect(ok.code).toBe(0);
  });

  test('no token: the host asks for credentials and gantry has none', async () => {
    const r = await runGantry(['get', 'freight', '--repo', `${server.url}/gitops.git`], env());
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `gantry: ${new URL(server.url).host} asks for credentials and gantry was given none for it: set GANTRY_TOKEN`,
    );
  });

  test('HTTP 403: the host refused access with the credentials sent', async () => {
    const token = 'ghs_READonly55';
    const r = await runGantry(['get', 'freight', '--repo', `${forbidden.url}/gitops.git`], {
      ...env(),
      GANTRY_TOKEN: token,
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `gantry: ${new URL(forbidden.url).host} refused access (HTTP 403): the credentials gantry sent do not grant access to this repository`,
    );
    expect(r.err).not.toContain(token);
  });
});
