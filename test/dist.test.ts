import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { builtBundle } from './support/bundle-once.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

// The actions run dist/ as committed; a source change without `npm run bundle` would ship old code.
test('dist/ is what `npm run bundle` builds from the sources', async () => {
  // This run's build of the sources (made once for every test that needs one).
  const out = await builtBundle();
  const built = files(out)
    .map((f) => relative(out, f))
    .sort();
  const committed = files('dist')
    .map((f) => relative('dist', f))
    .sort();
  expect(committed).toEqual(built);
  const stale = built.filter(
    (f) => !readFileSync(join(out, f)).equals(readFileSync(join('dist', f))),
  );
  expect(stale, 'stale files in dist/: run `npm run bundle` and commit dist/').toEqual([]);
}, 300_000);
