import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { bundleScript } from '../support/script-bundle.js';
import {
  createBareRepo,
  git,
  nonFastForwards,
  readBlobs,
  tempDir,
  testGitEnv,
} from '../support/repos.js';

// Twenty writers, ten of them on one shared cache, four promotions into each stage. Ten writers
// also catch what this test is for (src/ mutated for the check, not committed: with the cache lock,
// src/state/lock.ts, doing nothing, 10 runs of 10; with a lost race reported as a landed push,
// src/state/transaction.ts, 10 of 10), but on a slow host ten processes can start too far apart to
// race at all, and "they really did race" below failed once in CI that way: twenty, as before.
const WRITERS = 20;
const STAGES = 5;

interface WriterResult {
  index: number;
  own: boolean;
  shared: boolean;
  stage: string;
  commit: string;
  attempts: number;
  waitedMs: number;
}

/** The writer script, bundled once: ten tsx starts cost more than the writes they test. */
let writer: string;

function runWriter(args: string[], env: Record<string, string>): Promise<WriterResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, ...args], { env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as WriterResult)
        : reject(new Error(`writer ${args[2]} exited ${code}: ${err}`)),
    );
  });
}

const tmp = tempDir();
beforeAll(async () => {
  writer = await bundleScript(join(import.meta.dirname, '../support/writer.ts'), tmp.path);
});
afterAll(() => tmp.cleanup());

test(`${WRITERS} processes write freight and promotions to one remote at once: all land, none lost, no force-push`, async () => {
  const bare = createBareRepo(tmp.path, 'gitops', { 'README.md': 'gitops\n' });
  git(bare, ['config', 'core.logAllRefUpdates', 'always']);
  const url = `file://${bare}`;
  const env = testGitEnv(tmp.path);
  const before = git(bare, ['rev-parse', 'main']).trim();
  // Half the writers share one cache (its lock is exercised), half have their own.
  const results = await Promise.all(
    Array.from({ length: WRITERS }, (_, i) =>
      runWriter(
        [url, join(tmp.path, i % 2 ? 'cache-shared' : `cache-${i}`), String(i), String(STAGES)],
        env,
      ),
    ),
  );

  // Every writer's own freight landed once; the shared freight was created by exactly one writer.
  expect(results.filter((r) => r.own)).toHaveLength(WRITERS);
  expect(results.filter((r) => r.shared)).toHaveLength(1);
  const tags = git(bare, ['for-each-ref', '--format=%(refname)', 'refs/tags/gantry/echo/freight/'])
    .trim()
    .split('\n');
  expect(tags).toHaveLength(WRITERS + 1);

  // Every promotion is on main, in a linear history that started from the old tip.
  const log = git(bare, ['log', '--format=%H %P', `${before}..main`])
    .trim()
    .split('\n');
  expect(log).toHaveLength(WRITERS);
  expect(log.every((l) => l.split(' ').length === 2)).toBe(true); // no merges
  const onMain = new Set(log.map((l) => l.split(' ')[0]));
  for (const r of results) expect(onMain.has(r.commit), `writer ${r.index}`).toBe(true);
  const stagesTouched = git(bare, [
    'log',
    '--format=%(trailers:key=Gantry-Stage,valueonly)',
    `${before}..main`,
  ])
    .trim()
    .split('\n')
    .filter(Boolean);
  expect(new Set(stagesTouched).size).toBe(STAGES);

  // Each stage's state file names the freight of the last writer that promoted into it: the
  // newest commit that changed the file, from one log of the files each commit changed.
  const statePath = (s: number) => `.gantry/state/echo/s${s}.yaml`;
  const lastFreight = new Map<string, string>();
  for (const entry of git(bare, [
    'log',
    '--name-only',
    '--format=%x1e%(trailers:key=Gantry-Freight,valueonly)%x1f',
    'main',
  ]).split('\x1e')) {
    const [freight = '', changed = ''] = entry.split('\x1f');
    for (const path of changed.split('\n').filter(Boolean))
      if (!lastFreight.has(path)) lastFreight.set(path, freight.trim());
  }
  const finals = readBlobs(
    bare,
    Array.from({ length: STAGES }, (_, s) => `main:${statePath(s)}`),
  );
  for (let s = 0; s < STAGES; s++) {
    const last = lastFreight.get(statePath(s));
    expect(last, statePath(s)).toBeTruthy();
    expect(finals[s], statePath(s)).toContain(`id: ${last}`);
  }

  // No force-push: every update of main in the server's reflog was a fast-forward.
  expect(nonFastForwards(bare, 'refs/heads/main')).toEqual([]);
  const maxAttempts = Math.max(...results.map((r) => r.attempts));
  expect(maxAttempts).toBeGreaterThan(1); // they really did race
  const waits = results.map((r) => r.waitedMs);
  console.log(
    `${WRITERS} writer processes: tries max ${maxAttempts}; backoff max ${Math.max(...waits)} ms, total ${waits.reduce((a, b) => a + b, 0)} ms`,
  );
}, 180_000);
