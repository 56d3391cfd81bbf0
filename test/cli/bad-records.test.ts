/**
 * One unreadable `gantry/…` tag (written by hand, or by a broken tool) is a warning that names
 * it; every other command of the project still works, through the command line.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { runGantry } from '../support/cli.js';

const project = (app: string) => `project: echo
warehouses:
  - name: echo
    subscriptions:
      - git: {repoURL: '${app}', branch: main}
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
            updates:
              - {key: commit, value: '\${{ commitFrom("${app}").ID }}'}
`;

describe('an unreadable gantry tag does not stop the project', () => {
  const tmp = tempDir();
  const env = () => ({
    ...testGitEnv(tmp.path),
    GANTRY_CACHE_DIR: join(tmp.path, 'cache'),
    USER: 'alice',
  });
  let bare: string;
  const badFreight = `gantry/echo/freight/${'f'.repeat(40)}`;
  const badVerified = `gantry/echo/verified/dev/${'e'.repeat(40)}`;
  const light = `gantry/echo/approved/dev/${'d'.repeat(40)}`;
  const cli = (args: string[]) =>
    runGantry([...args, '--repo', `file://${bare}`], env(), () => new Date('2026-11-02T00:00:00Z'));

  beforeAll(() => {
    const app = `file://${createBareRepo(tmp.path, 'app', { 'main.go': 'package main\n' })}`;
    bare = createBareRepo(tmp.path, 'gitops', {
      '.gantry/echo.yaml': project(app),
      'env/dev/values.yaml': 'commit: none\n',
    });
    git(bare, ['tag', '-a', '-m', 'freight oops\n\nthis is not a document', badFreight, 'main']);
    git(bare, ['tag', '-a', '-m', 'verified by hand', badVerified, 'main']);
    git(bare, ['tag', light, 'main']);
  });
  afterAll(() => tmp.cleanup());

  const expectWarnings = (err: string): void => {
    expect(err).toContain(
      `warning: unreadable freight document in tag ${badFreight}: invalid JSON: `,
    );
    expect(err).toContain(
      `warning: unreadable tag ${badVerified}: its message has no JSON document after the subject line; skipped it (delete it: git push origin :refs/tags/${badVerified})\n`,
    );
    expect(err).toContain(
      `warning: unreadable tag ${light}: it is a lightweight tag, gantry writes annotated tags; skipped it (delete it: git push origin :refs/tags/${light})\n`,
    );
    // Once each per command.
    expect(err.split(badFreight).length - 1).toBe(2);
  };

  test('discover, promote, verify and get work, each warning about the bad tags', async () => {
    const d = await cli(['discover']);
    expect(d.code).toBe(0);
    expectWarnings(d.err);
    expect(d.err).toMatch(/recorded freight [a-z]+-[a-z]+ \([0-9a-f]{7}\) from warehouse echo/);

    const p = await cli(['promote', '--stage', 'dev']);
    expect(p.code).toBe(0);
    expectWarnings(p.err);
    expect(p.out).toMatch(
      /^step 1 \(yaml-update\): done\npromoted [a-z]+-[a-z]+ \([0-9a-f]{7}\) into dev/,
    );

    const v = await cli(['verify', '--stage', 'dev']);
    expect(v.code).toBe(0);
    expectWarnings(v.err);
    expect(v.out).toContain('verified');

    // get freight finds the index discover wrote does not match the tags (the bad ones were never
    // indexed): it reads every tag, warns, and rebuilds the index. get stages reads only the tags
    // of the freight the stages run, so it has nothing to warn about.
    const g = await cli(['get', 'freight']);
    expect(g.code).toBe(0);
    expectWarnings(g.err);
    const stages = await cli(['get', 'stages']);
    expect(stages.code).toBe(0);
    expect(stages.err).not.toContain('unreadable');
    const json = JSON.parse((await cli(['get', 'freight', '-o', 'json'])).out) as {
      freight: { id: string }[];
    };
    expect(json.freight).toHaveLength(1);
  });

  test('gantry lint reports them as warnings when the clone has a remote, and still passes', async () => {
    const clone = join(tmp.path, 'clone');
    git(tmp.path, ['clone', '-q', bare, clone]);
    const r = await runGantry(['lint', '--repo', clone], env());
    expect(r.code).toBe(0);
    expectWarnings(r.err);
    expect(r.err).toMatch(/^ok: 1 project \(echo\); warnings: 3 unreadable tags\n/);
  });
});

describe('gantry lint without a remote', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  test('lints the work tree of a repository fresh from git init, after gantry init', async () => {
    const dir = join(tmp.path, 'fresh');
    mkdirSync(dir);
    git(dir, ['init', '-q', '-b', 'main']);
    const env = { ...testGitEnv(tmp.path), GANTRY_CACHE_DIR: join(tmp.path, 'cache') };
    expect(
      (await runGantry(['init', '--image', 'ghcr.io/acme/echo', '--dir', dir], env)).code,
    ).toBe(0);
    const ok = await runGantry(['lint', '--repo', dir], env);
    expect(ok).toEqual({ code: 0, out: '', err: 'ok: 1 project (echo)\n' });

    writeFileSync(join(dir, '.gantry/echo.yaml'), 'project: echo\nwarehouses: 3\n');
    const bad = await runGantry(['lint', '--repo', dir], env);
    expect(bad.code).toBe(2);
    expect(bad.out).toMatch(/^\.gantry\/echo\.yaml:2:\d+: warehouses/m);

    // Commands that need the state still say what is missing.
    const get = await runGantry(['get', 'stages', '--repo', dir], env);
    expect(get.code).toBe(2);
    expect(get.err).toContain('has no "origin" remote');
  });
});
