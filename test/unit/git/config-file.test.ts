import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { configText, configValue } from '../../../src/git/config-file.js';

const root = mkdtempSync(join(tmpdir(), 'gantry-config-file-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('configText', () => {
  test('git reads back every value byte for byte, the characters config syntax treats specially included', () => {
    const dir = join(root, 'repo.git');
    execFileSync('git', ['init', '-q', '--bare', dir]);
    const url = 'https://host/a b/c#d;e"f\\g\ttab.git';
    appendFileSync(
      join(dir, 'config'),
      configText({
        'remote.origin': { url, promisor: 'true' },
        extensions: { partialClone: 'origin' },
        'weird.sub "q"': { key: 'v' },
      }),
    );
    const get = (k: string) =>
      execFileSync('git', ['config', '--get', k], { cwd: dir, encoding: 'utf8' }).replace(
        /\n$/,
        '',
      );
    expect(get('remote.origin.url')).toBe(url);
    expect(get('remote.origin.promisor')).toBe('true');
    expect(get('extensions.partialClone')).toBe('origin');
    expect(get('weird.sub "q".key')).toBe('v');
  });

  test('a line break cannot be written as a value', () => {
    expect(() => configValue('a\nb')).toThrow(/line break/);
  });
});
