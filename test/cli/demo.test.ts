import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { tempDir, testGitEnv } from '../support/repos.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

// The README's first command, run from the committed bundle as a user runs it.
test('gantry demo builds a local GitOps repo and shows stages, freight and promotions', () => {
  const r = spawnSync(
    process.execPath,
    ['dist/cli/index.js', 'demo', '--dir', join(tmp.path, 'demo')],
    {
      env: testGitEnv(tmp.path),
      encoding: 'utf8',
    },
  );
  expect(r.stderr).toContain('ok: 1 project (echo)');
  expect(r.status).toBe(0);
  const out = r.stdout;
  expect(out).toMatch(/^NAME +FREIGHT +ID +VERIFIED +SINCE +BY$/m);
  expect(out).toMatch(/^dev +\S+ +[0-9a-f]{7} +no +\S+ +gantry demo$/m);
  expect(out).toMatch(/^staging +\S+ +[0-9a-f]{7} +yes /m);
  expect(out).toMatch(/^prod +- +- +- +- +-$/m);
  expect(out).toMatch(/^[0-9a-f]{7} +[a-z]+-[a-z]+ +echo +echo:1\.0\.0 +\S+ +staging✓$/m);
  expect(out).toContain('promote(echo/dev):');
  // No colour codes when stdout is not a terminal.
  expect(out).not.toContain('\u001b[');
  // Everything it wrote is under --dir: nothing in the user's cache.
  expect(existsSync(join(tmp.path, '.cache'))).toBe(false);
  expect(existsSync(join(tmp.path, 'demo', 'cache'))).toBe(true);
});
