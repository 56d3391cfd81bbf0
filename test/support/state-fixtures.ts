import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { git, tempDir } from './repos.js';

/**
 * The IDs of the newest `k` freight of `project` as its tags say, read straight from the bare
 * repository by one for-each-ref: the oracle for a page, independent of gantry's readers (and a
 * process where reading every tag through the store took a fetch of all of them). Only annotated
 * tags count, newest first by their tagger date, then by ID, as a page orders them (the fixtures
 * give each freight its own second).
 */
export function newestFreightIds(bare: string, project: string, k: number): string[] {
  const prefix = `refs/tags/gantry/${project}/freight/`;
  return git(bare, ['for-each-ref', '--format=%(objecttype) %(taggerdate:unix) %(refname)', prefix])
    .split('\n')
    .flatMap((line) => {
      const [type, when, ref] = line.split(' ');
      return type === 'tag' && when && ref
        ? [{ when: Number(when), id: ref.slice(prefix.length) }]
        : [];
    })
    .sort((a, b) => b.when - a.when || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, k)
    .map((f) => f.id);
}

/**
 * A directory built once per test file by `build` and copied whole (fs.cpSync) for each user:
 * describes that need the same repository with the same freight index start from one build
 * instead of each writing its tags and building its index again. `build` gets an empty
 * directory; the template is removed with the file's temp dirs.
 */
export function sharedFixture(build: (dir: string) => Promise<void> | void): {
  copyTo: (dest: string) => Promise<void>;
  cleanup: () => void;
} {
  let template: Promise<string> | undefined;
  const tmp = tempDir('gantry-fixture-');
  return {
    copyTo: async (dest) => {
      template ??= (async () => {
        const dir = join(tmp.path, 'template');
        mkdirSync(dir, { recursive: true });
        await build(dir);
        return dir;
      })();
      cpSync(await template, dest, { recursive: true });
    },
    cleanup: () => tmp.cleanup(),
  };
}
