/**
 * The command line as its own process writing into a pipe whose reader has gone
 * (`gantry get freight | head` once head has its lines): it stops quietly, as git does, instead
 * of dying with Node's unhandled EPIPE stack trace.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseRemote } from '../../src/git/index.js';
import { StateStore } from '../../src/state/index.js';
import { builtBundle } from '../support/bundle-once.js';
import { manyFreight, writeFreightTags } from '../support/freight-tags.js';
import { createBareRepo, tempDir, testGitEnv } from '../support/repos.js';

/** The CLI as a process: this run's bundle of the sources (a quarter of a tsx start). */
let cli: string;
beforeAll(async () => {
  cli = join(await builtBundle(), 'cli', 'index.js');
}, 300_000);

function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [cli, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The reader leaves before the first line is written.
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

test('a closed stdout pipe ends the command quietly with its own exit code', async () => {
  const help = await runWithClosedStdout(['help']);
  expect(help.stderr).toBe('');
  expect(help.code).toBe(0);
  // A usage error still says so on stderr, and keeps its exit code.
  const bad = await runWithClosedStdout(['get', 'nothing']);
  expect(bad.stderr).toContain('get needs one of');
  expect(bad.stderr).not.toContain('EPIPE');
  expect(bad.code).toBe(2);
});

describe('every get kind, as `| head -1` reads it', () => {
  const tmp = tempDir();
  let bare: string;
  beforeAll(async () => {
    bare = createBareRepo(tmp.path, 'gitops', {
      '.gantry/echo.yaml': `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
stages:
  - name: dev
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: yaml-update
          config: {path: values.yaml, updates: [{key: tag, value: x}]}
`,
    });
    // Enough freight that `get freight --all` prints more than a pipe holds (64 KiB).
    const freight = manyFreight(400);
    writeFreightTags(bare, 'echo', freight);
    await new StateStore({
      remote: parseRemote(`file://${bare}`),
      cacheDir: join(tmp.path, 'writer'),
      baseEnv: testGitEnv(tmp.path),
    }).commitPromotion({ project: 'echo', stage: 'dev', freight: freight[0]!, promotedBy: 'a' });
  });
  afterAll(() => tmp.cleanup());

  /** Reads the first line, then closes the pipe, as `head -1` does. */
  function headOne(
    args: string[],
  ): Promise<{ code: number | null; first: string; stderr: string }> {
    const child = spawn(process.execPath, [cli, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...testGitEnv(tmp.path), GANTRY_CACHE_DIR: join(tmp.path, 'cache') },
    });
    let out = '';
    let first = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (!first && out.includes('\n')) {
        first = out.slice(0, out.indexOf('\n'));
        child.stdout.destroy();
      }
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    return new Promise((resolve) => child.on('close', (code) => resolve({ code, first, stderr })));
  }

  test.each([
    ['stages', 'table', 'NAME'],
    ['stages', 'json', '{'],
    ['freight', 'table', 'ID'],
    ['freight', 'json', '{'],
    ['promotions', 'table', 'STAGE'],
    ['promotions', 'json', '{'],
  ])('get %s -o %s', async (kind, output, firstWord) => {
    const args = ['get', kind, '-o', output, '--repo', `file://${bare}`];
    const r = await headOne(kind === 'freight' ? [...args, '--all'] : args);
    expect(r.first.startsWith(firstWord)).toBe(true);
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(r.code).toBe(0);
  });
});
