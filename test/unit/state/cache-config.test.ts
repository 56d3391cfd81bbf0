import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { configText } from '../../../src/git/config-file.js';
import { initRepository, readSimpleConfig } from '../../../src/state/cache.js';

const dir = mkdtempSync(join(tmpdir(), 'gantry-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What `git config --list` reads from `text`, as isConfigured keys it. */
function gitReads(text: string): Map<string, string> {
  const file = join(dir, 'config');
  writeFileSync(file, text);
  const out = execFileSync('git', ['config', '--file', file, '--list'], { encoding: 'utf8' });
  const have = new Map<string, string>();
  for (const line of out.split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) have.set(line.slice(0, i).toLowerCase(), line.slice(i + 1));
  }
  return have;
}

describe('a cache repository config read without git', () => {
  test('reads what gantry and git write as git does', () => {
    const written =
      '[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = true\n' +
      configText({
        'remote.origin': {
          url: 'https://example.test/a "quoted" \\path\\ repo.git',
          promisor: 'true',
          partialclonefilter: 'blob:none',
        },
        extensions: { partialClone: 'origin' },
      }) +
      // As git itself rewrites it (a fetch upgrading the format), with a comment.
      '# a comment\n[core]\n\trepositoryformatversion = 1\n[Remote "Origin"]\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n';
    expect(readSimpleConfig(written)).toEqual(gitReads(written));
    expect(readSimpleConfig('')).toEqual(gitReads(''));
  });

  test('leaves to git what it does not read exactly', () => {
    for (const text of [
      '[core]\n\tbare\n',
      '[remote "origin"]\n\turl = a \\\n b\n',
      '[remote "origin"]\n\turl = "a\\tb"\n',
      '[remote "origin"]\n\turl = a ; comment\n',
      'url = outside any section\n',
    ])
      expect(readSimpleConfig(text), text).toBeUndefined();
  });
});

describe('a repository written as files instead of by git init', () => {
  test.each([true, false])(
    'git takes it as its own (bare: %s), with ignorecase as git init would set it',
    async (bare) => {
      const gitDir = bare ? join(dir, 'bare.git') : join(dir, 'work', '.git');
      await initRepository(gitDir, { bare });
      const cwd = bare ? gitDir : join(dir, 'work');
      const git = (...args: string[]) =>
        execFileSync('git', args, {
          cwd,
          encoding: 'utf8',
          env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' },
        }).trim();
      expect(git('rev-parse', '--is-bare-repository')).toBe(String(bare));
      expect(git('config', 'core.bare')).toBe(String(bare));
      // What git init itself decides on this file system is the reference.
      const probe = join(dir, `probe-${bare}`);
      execFileSync('git', ['init', '-q', ...(bare ? ['--bare'] : []), probe]);
      const ignorecase = (file: string) => {
        try {
          return execFileSync('git', ['config', '--file', file, '--bool', 'core.ignorecase'], {
            encoding: 'utf8',
          }).trim();
        } catch {
          return 'false'; // unset (git config exits 1): git's default
        }
      };
      expect(ignorecase(join(gitDir, 'config'))).toBe(
        ignorecase(join(probe, bare ? '' : '.git', 'config')),
      );
      if (!bare) {
        writeFileSync(join(dir, 'work', 'a.txt'), 'a\n');
        git('add', 'a.txt');
        expect(git('status', '--porcelain')).toBe('A  a.txt');
      }
    },
  );
});
