import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { normalizeRelative, safePath } from '../../../../src/promotion/steps/safe-path.js';
import { ConfigError } from '../../../../src/util/errors.js';

let base: string;
let wt: string;
let outside: string;

beforeEach(() => {
  base = realpathSync(mkdtempSync(path.join(tmpdir(), 'gantry-safepath-')));
  wt = path.join(base, 'wt');
  outside = path.join(base, 'outside');
  mkdirSync(path.join(wt, 'env', 'dev'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(wt, 'env', 'dev', 'values.yaml'), 'a: 1\n');
  writeFileSync(path.join(outside, 'secret.yaml'), 'x: 1\n');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

async function rejects(rel: unknown, pattern: RegExp, field = 'yaml-update: path') {
  const err = await safePath(wt, rel, field).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ConfigError);
  expect((err as Error).message).toMatch(pattern);
  expect((err as Error).message).toContain(field);
}

describe('safePath', () => {
  test('resolves plain, ./-prefixed and not-yet-existing paths inside the checkout', async () => {
    expect(await safePath(wt, 'env/dev/values.yaml', 'f')).toBe(
      path.join(wt, 'env/dev/values.yaml'),
    );
    expect(await safePath(wt, './env/dev/', 'f')).toBe(path.join(wt, 'env/dev'));
    expect(await safePath(wt, 'env/new/dir/file.yaml', 'f')).toBe(
      path.join(wt, 'env/new/dir/file.yaml'),
    );
    expect(await safePath(wt, 'env/../env/dev', 'f')).toBe(path.join(wt, 'env/dev'));
    expect(await safePath(wt, '.', 'f')).toBe(wt);
  });

  test('rejects absolute paths, .. escapes, .git and empty paths, naming the field', async () => {
    await rejects('/etc/passwd', /absolute/);
    await rejects('../outside/secret.yaml', /outside the checkout/);
    await rejects('env/../../outside', /outside the checkout/);
    await rejects('..', /outside the checkout/);
    await rejects('.git/config', /\.git/);
    await rejects('sub/.GIT/hooks', /\.git/);
    await rejects('', /non-empty/);
    await rejects(42, /non-empty/, 'copy: inPath');
  });

  test('rejects a symlinked directory that leads outside (at any component)', async () => {
    symlinkSync(outside, path.join(wt, 'env', 'out'));
    await rejects('env/out/secret.yaml', /env\/out is a symbolic link that leads outside/);
    await rejects('env/out/new/file.yaml', /leads outside/);
    await rejects('env/out', /leads outside/);
  });

  test('rejects a symlinked file that leads outside, and a dangling one', async () => {
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(wt, 'values.yaml'));
    await rejects('values.yaml', /leads outside/);
    symlinkSync(path.join(outside, 'nope.yaml'), path.join(wt, 'dangling.yaml'));
    await rejects('dangling.yaml', /leads outside/);
  });

  test('rejects a dangling link to a link that leads outside', async () => {
    symlinkSync(path.join(outside, 'nope.yaml'), path.join(wt, 'hop.yaml'));
    symlinkSync('hop.yaml', path.join(wt, 'first.yaml'));
    await rejects('first.yaml', /leads outside/);
  });

  test('follows links that stay inside', async () => {
    symlinkSync('env/dev', path.join(wt, 'dev'));
    expect(await safePath(wt, 'dev/values.yaml', 'f')).toBe(path.join(wt, 'env/dev/values.yaml'));
  });

  test('relative symlinks that climb out are caught too', async () => {
    symlinkSync('../../outside', path.join(wt, 'env', 'up'));
    await rejects('env/up/secret.yaml', /leads outside/);
  });

  test('noFollowFinal leaves a final link unresolved (for delete) but checks its parents', async () => {
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(wt, 'link.yaml'));
    expect(await safePath(wt, 'link.yaml', 'f', { noFollowFinal: true })).toBe(
      path.join(wt, 'link.yaml'),
    );
    symlinkSync(outside, path.join(wt, 'outdir'));
    await expect(safePath(wt, 'outdir/secret.yaml', 'f', { noFollowFinal: true })).rejects.toThrow(
      /leads outside/,
    );
  });

  test('works when the worktree path itself goes through a symlink', async () => {
    const alias = path.join(base, 'alias');
    symlinkSync(wt, alias);
    expect(await safePath(alias, 'env/dev/values.yaml', 'f')).toBe(
      path.join(wt, 'env/dev/values.yaml'),
    );
  });

  test('normalizeRelative', () => {
    expect(normalizeRelative('./a//b/')).toBe('a/b');
    expect(normalizeRelative('./')).toBe('.');
    expect(normalizeRelative('a\\b')).toBe('a/b');
  });
});
