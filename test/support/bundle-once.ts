/**
 * One build of the bundle per test run, shared by every test file that needs one: the dist drift
 * test compares it with dist/, and tests that start the CLI as a process many times run it
 * (a bundled start costs a quarter of a tsx one).
 *
 * The vitest global setup only makes the directory; the first file that asks builds (a directory
 * made with mkdir is the lock: one builder, whichever fork asks first), the others wait for its
 * result, so a run of files that need no bundle builds none.
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import { scratchRoot } from './repos.js';

declare module 'vitest' {
  export interface ProvidedContext {
    bundleRoot: string;
    /** A directory for fixtures the workers keep for the whole run (removed at its end). */
    runScratch: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');

export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), 'gantry-bundle-'));
  project.provide('bundleRoot', root);
  // Removed here, at the end of the run: a worker is stopped without running its exit handlers.
  const scratch = mkdtempSync(join(scratchRoot(), 'gantry-run-'));
  project.provide('runScratch', scratch);
  return () => {
    rmSync(root, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  };
}

/** `ok`, or why the build failed, once it has ended. */
const STATUS = 'status';

function build(root: string): void {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'scripts/bundle.mjs'), '--out', join(root, 'dist')],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  child.on('error', (e) => (err += String(e)));
  child.on('close', (code) => {
    // Written whole under another name, then renamed: a waiter never reads half a status.
    const text = code === 0 ? 'ok' : `npm run bundle failed (exit ${code}):\n${err}`;
    writeFileSync(join(root, `${STATUS}.new`), text);
    renameSync(join(root, `${STATUS}.new`), join(root, STATUS));
  });
}

/** The bundle of this run's sources: the directory `npm run bundle` would make dist/. */
export async function builtBundle(): Promise<string> {
  const root = inject('bundleRoot');
  try {
    mkdirSync(join(root, 'building'));
    build(root);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const status = join(root, STATUS);
  if (!existsSync(status)) {
    await new Promise<void>((done) => {
      const watcher = watch(root, () => {
        if (existsSync(status)) {
          watcher.close();
          done();
        }
      });
      // It may have appeared between the check and the watch.
      if (existsSync(status)) {
        watcher.close();
        done();
      }
    });
  }
  const text = readFileSync(status, 'utf8');
  if (text !== 'ok') throw new Error(text);
  return join(root, 'dist');
}
