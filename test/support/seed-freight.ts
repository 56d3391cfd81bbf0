/**
 * Freight recorded into a fixture repository as `StateStore.recordFreight` of each in turn leaves
 * it, for a fraction of the processes. A recording is a fetch of the index, a tag, an index commit
 * and an atomic push: 15–21 git processes, about 80 ms of CPU, and the suite's fixtures made 150
 * of them. What it writes depends only on the project and the freight recorded (the tag's date is
 * the freight's createdAt; the index commit has no parent but the project's previous index), so
 * each list is recorded once per worker, by the store itself, into a template repository, and its
 * objects and refs are copied into every fixture that asks for the same list.
 *
 * Only for fixtures: a test of recording itself records through the store.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { parseRemote } from '../../src/git/index.js';
import type { Freight } from '../../src/freight/types.js';
import { StateStore } from '../../src/state/index.js';
import { createBareRepo, testGitEnv } from './repos.js';

const KEY = Symbol.for('gantry.test.seed-freight');

interface Templates {
  root: string;
  built: Map<string, Promise<string>>;
}

/** The worker's templates, kept on globalThis so that every file the worker runs shares them. */
function templates(): Templates {
  const store = globalThis as { [KEY]?: Templates };
  if (!store[KEY]) {
    // In the run's scratch directory, which the run removes when it ends (bundle-once.ts).
    const root = mkdtempSync(join(inject('runScratch'), 'seed-'));
    store[KEY] = { root, built: new Map() };
  }
  return store[KEY];
}

function template(
  project: string,
  freight: readonly Freight[],
  now: Date | undefined,
): Promise<string> {
  const t = templates();
  const key = JSON.stringify([project, freight, now]);
  let built = t.built.get(key);
  if (!built) {
    built = (async () => {
      const dir = join(t.root, String(t.built.size));
      const bare = createBareRepo(dir, 'seed', {});
      const store = new StateStore({
        remote: parseRemote(`file://${bare}`),
        cacheDir: join(dir, 'cache'),
        baseEnv: testGitEnv(dir),
        ...(now && { clock: () => now }),
      });
      for (const f of freight) await store.recordFreight(project, f);
      // The copy below takes loose refs; a push of a few refs leaves them loose.
      if (existsSync(join(bare, 'packed-refs')))
        throw new Error('seedFreight: the template repository packed its refs');
      return bare;
    })();
    // A failed recording is not kept: the next fixture records again and reports it itself.
    built.catch(() => t.built.delete(key));
    t.built.set(key, built);
  }
  return built;
}

/**
 * Records `freight` of `project`, oldest first, into the bare repository `bare`, which must hold
 * no freight of that project yet (anything else it holds is kept). `now` is the recording store's
 * clock (the index commits' date), as a fixture's store was given one.
 */
export async function seedFreight(
  bare: string,
  project: string,
  freight: readonly Freight[],
  opts: { now?: Date } = {},
): Promise<void> {
  const tagDir = join('refs/tags/gantry', project);
  const indexDir = join('refs/gantry', project);
  const packed = join(bare, 'packed-refs');
  const packedText = existsSync(packed) ? readFileSync(packed, 'utf8') : '';
  if (
    existsSync(join(bare, tagDir)) ||
    existsSync(join(bare, indexDir)) ||
    packedText.includes(` ${tagDir}/`) ||
    packedText.includes(` ${indexDir}/`)
  )
    throw new Error(`seedFreight: ${bare} already holds freight of ${project}`);
  if (!freight.length) return;
  const from = await template(project, freight, opts.now);
  // Objects first, then the refs that name them: the repository is never missing an object a
  // ref points to. Objects the fixture already has are left alone (the same name, the same bytes).
  cpSync(join(from, 'objects'), join(bare, 'objects'), {
    recursive: true,
    force: false,
    errorOnExist: false,
  });
  for (const dir of [tagDir, indexDir])
    cpSync(join(from, dir), join(bare, dir), { recursive: true, errorOnExist: true });
}
