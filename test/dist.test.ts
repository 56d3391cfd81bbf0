import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { tempDir } from './support/repos.js';

const tmp = tempDir('gantry-dist-');
afterAll(() => tmp.cleanup());

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

// The actions run dist/ as committed; a source change without `npm run bundle` would ship old code.
test('dist/ is what `npm run bundle` builds from the sources', () => {
  execFileSync(process.execPath, ['scripts/bundle.mjs', '--out', tmp.path], { stdio: 'pipe' });
  const built = files(tmp.path)
    .map((f) => relative(tmp.path, f))
    .sort();
  const committed = files('dist')
    .map((f) => relative('dist', f))
    .sort();
  expect(committed).toEqual(built);
  const stale = built.filter(
    (f) => !readFileSync(join(tmp.path, f)).equals(readFileSync(join('dist', f))),
  );
  expect(stale, 'stale files in dist/: run `npm run bundle` and commit dist/').toEqual([]);
}, 300_000);
