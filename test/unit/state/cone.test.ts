import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { conePatterns } from '../../../src/state/transaction.js';
import { git, tempDir, testGitEnv } from '../../support/repos.js';

describe('cone patterns of a promotion checkout', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  test('each path whole, its parents for their own files, in the order git writes them', () => {
    expect(
      conePatterns(['.gantry/state/echo/dev.yaml', 'apps/echo-dev/values.yaml', 'apps/echo-dev']),
    ).toBe(
      [
        '/*',
        '!/*/',
        '/.gantry/',
        '!/.gantry/*/',
        '/.gantry/state/',
        '!/.gantry/state/*/',
        '/.gantry/state/echo/',
        '!/.gantry/state/echo/*/',
        '/.gantry/state/echo/dev.yaml/',
        '/apps/',
        '!/apps/*/',
        '/apps/echo-dev/',
        '',
      ].join('\n'),
    );
  });

  test('a name git would read as a pattern is no cone: undefined (the caller falls back)', () => {
    for (const p of ['apps/*', 'apps/[ab]', 'a\\b', '!neg', '#c', 'a/../b'])
      expect(conePatterns(['.gantry/state/p/s.yaml', p]), p).toBeUndefined();
  });

  test('git takes them as a cone: the named files, their siblings and root files, nothing else', () => {
    const dir = join(tmp.path, 'work');
    const env = testGitEnv(tmp.path);
    mkdirSync(dir);
    git(dir, ['init', '-q', '-b', 'main'], env);
    const files = [
      'README.md',
      'apps/echo-dev/values.yaml',
      'apps/echo-dev/deploy.yaml',
      'apps/echo-dev/nested/x.yaml',
      'apps/echo-prod/values.yaml',
      'apps/root.yaml',
      '.gantry/state/echo/dev.yaml',
      '.gantry/state/echo/prod.yaml',
      '.gantry/state/other/dev.yaml',
      'env/dev-a/values.yaml',
    ];
    for (const f of files) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      writeFileSync(join(dir, f), `${f}\n`);
    }
    git(dir, ['add', '-A'], env);
    git(dir, ['commit', '-q', '-m', 'all'], env);
    git(dir, ['config', 'core.sparseCheckout', 'true'], env);
    git(dir, ['config', 'core.sparseCheckoutCone', 'true'], env);
    git(dir, ['config', 'index.sparse', 'true'], env);
    const patterns = conePatterns([
      '.gantry/state/echo/dev.yaml',
      'apps/echo-dev/values.yaml',
      'env/dev-a',
    ]);
    writeFileSync(join(dir, '.git', 'info', 'sparse-checkout'), patterns ?? '');
    // Read as a cone, git lists the directories taken whole; read as plain patterns (a file it
    // cannot take as a cone), it would list the pattern lines themselves.
    const list = git(dir, ['sparse-checkout', 'list'], env);
    expect(list.split('\n').filter(Boolean).sort()).toEqual([
      '.gantry/state/echo/dev.yaml',
      'apps/echo-dev/values.yaml',
      'env/dev-a',
    ]);
    git(dir, ['sparse-checkout', 'reapply'], env);
    const present = git(dir, ['ls-files', '-t'], env)
      .split('\n')
      .filter((l) => l.startsWith('H '))
      .map((l) => l.slice(2))
      .sort();
    expect(present).toEqual(
      [
        'README.md',
        'apps/echo-dev/deploy.yaml',
        'apps/echo-dev/values.yaml',
        'apps/root.yaml',
        '.gantry/state/echo/dev.yaml',
        '.gantry/state/echo/prod.yaml',
        'env/dev-a/values.yaml',
      ].sort(),
    );
  });
});
