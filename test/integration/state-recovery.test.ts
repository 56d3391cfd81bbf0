/**
 * What a killed gantry leaves in its cache directory, and how the next command deals with it by
 * itself: a cache repository created but not configured, git lock files of a git that died under
 * a dead lock holder, a damaged cache, the checkouts of killed promotions.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseRemote } from '../../src/git/index.js';
import { sweepCheckouts } from '../../src/state/cache.js';
import { StateStore } from '../../src/state/index.js';
import { currentOwner, serializeOwner } from '../../src/state/owner.js';
import { makeFreight } from '../support/freight.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';

const tmp = tempDir('gantry-recovery-');
let url: string;
let n = 0;
const env = testGitEnv(tmp.path);

function store(cacheDir: string, log?: (l: string) => void) {
  return new StateStore({
    remote: parseRemote(url),
    cacheDir,
    baseEnv: env,
    ...(log ? { log } : {}),
  });
}

/** A fresh cache directory, filled by one command, and the paths of its two repositories. */
async function warmCache() {
  const cacheDir = join(tmp.path, `cache-${n++}`);
  await store(cacheDir).stageStates('echo', [{ name: 'dev' }]);
  const repos = readdirSync(cacheDir).filter((f) => f.endsWith('.git'));
  const branchCache = join(cacheDir, repos.find((r) => !r.endsWith('-tags.git')) as string);
  return { cacheDir, branchCache, tagCache: branchCache.replace(/\.git$/, '-tags.git') };
}

function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(r.stdout);
}

beforeAll(async () => {
  const bare = createBareRepo(tmp.path, 'gitops', {
    '.gantry/echo.yaml': 'project: echo\n',
    'env/dev/values.yaml': 'image:\n  tag: 0.9.0\n',
  });
  url = `file://${bare}`;
  await store(join(tmp.path, 'writer')).commitPromotion({
    project: 'echo',
    stage: 'dev',
    freight: makeFreight('1.0.0'),
    promotedBy: 'x',
  });
});
afterAll(() => tmp.cleanup());

describe('the next command after a kill -9', () => {
  test('a cache repository created but never configured (killed between init and config) is rebuilt', async () => {
    const { cacheDir, branchCache, tagCache } = await warmCache();
    for (const repo of [branchCache, tagCache]) {
      rmSync(repo, { recursive: true, force: true });
      git(tmp.path, ['init', '-q', '--bare', repo]);
    }
    const states = await store(cacheDir).stageStates('echo', [{ name: 'dev' }]);
    expect(states.get('dev')?.freight[0]?.id).toBe(makeFreight('1.0.0').id);
    expect(git(branchCache, ['config', 'remote.origin.url']).trim()).toBe(url);
    expect(git(branchCache, ['config', 'extensions.partialClone']).trim()).toBe('origin');
    expect((await store(cacheDir).snapshot('echo')).freight).toEqual([]);
  });

  test('a repository half built under its temporary name is removed, never used', async () => {
    const { cacheDir, branchCache } = await warmCache();
    rmSync(branchCache, { recursive: true, force: true });
    git(tmp.path, ['init', '-q', '--bare', `${branchCache}.tmp-0123456789ab`]);
    await store(cacheDir).stageStates('echo', [{ name: 'dev' }]);
    expect(readdirSync(cacheDir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  test('git lock files left under a dead holder of the cache lock are removed, and the command does not wait', async () => {
    const { cacheDir, branchCache } = await warmCache();
    // The holder died during a fetch: its lock directory, and git's own locks of that fetch.
    mkdirSync(`${branchCache}.lock`);
    writeFileSync(
      join(`${branchCache}.lock`, 'owner'),
      serializeOwner({ ...currentOwner('killed'), pid: deadPid() }),
    );
    writeFileSync(join(branchCache, 'shallow.lock'), '');
    writeFileSync(join(branchCache, 'packed-refs.lock'), '');
    // A read names the default branch without writing its tip ref: the dead fetch had made it.
    mkdirSync(join(branchCache, 'refs', 'gantry-tips'), { recursive: true });
    writeFileSync(join(branchCache, 'refs', 'gantry-tips', 'main.lock'), '');
    const started = Date.now();
    const states = await store(cacheDir).stageStates('echo', [{ name: 'dev' }]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(states.get('dev')?.freight[0]?.id).toBe(makeFreight('1.0.0').id);
    expect(existsSync(join(branchCache, 'shallow.lock'))).toBe(false);
    expect(existsSync(join(branchCache, 'refs', 'gantry-tips', 'main.lock'))).toBe(false);
    expect(existsSync(`${branchCache}.lock`)).toBe(false);
  });

  test('a cache git cannot read is rebuilt once, and the command succeeds', async () => {
    const { cacheDir, branchCache } = await warmCache();
    // Its packs cut to nothing, the indexes and refs still there: a disk that lost data. (A fetch
    // that brings a whole new pack, as the stage's tip's with the stage state refs does, heals
    // that: its HEAD is cut too, so that no git runs in it at all.)
    const packs = join(branchCache, 'objects', 'pack');
    for (const f of readdirSync(packs).filter((x) => x.endsWith('.pack')))
      writeFileSync(join(packs, f), '');
    writeFileSync(join(branchCache, 'HEAD'), '');
    const lines: string[] = [];
    const states = await store(cacheDir, (l) => lines.push(l)).stageStates('echo', [
      { name: 'dev' },
    ]);
    expect(states.get('dev')?.freight[0]?.id).toBe(makeFreight('1.0.0').id);
    expect(lines.join('\n')).toMatch(/is damaged [\s\S]*; rebuilding it/);
  });
});

describe('checkouts of killed promotions', () => {
  test('are removed when their owner is gone; a live one is never touched', async () => {
    const dir = join(tmp.path, `sweep-${n++}`);
    mkdirSync(dir);
    const make = (name: string, owner: object | undefined, ageMs = 0) => {
      mkdirSync(join(dir, name, '.git'), { recursive: true });
      if (owner) writeFileSync(join(dir, `${name}.owner`), JSON.stringify(owner));
      const then = new Date(Date.now() - ageMs);
      utimesSync(join(dir, name), then, then);
    };
    make('promote-dead', { ...currentOwner('a'), pid: deadPid() });
    make('promote-live', currentOwner('b'), 48 * 3600_000);
    make('promote-reused', { ...currentOwner('c'), start: '1' });
    make('promote-ownerless-new', undefined);
    make('promote-ownerless-old', undefined, 3600_000);
    // Killed between its mkdir and its owner record: the PID in its name says it is gone.
    make(`promote-${deadPid()}-Ab12Cd`, undefined);
    make(`promote-${process.pid}-Ef34Gh`, undefined);
    make('promote-far-new', { ...currentOwner('d'), host: 'elsewhere.example' });
    make('promote-far-old', { ...currentOwner('e'), host: 'elsewhere.example' }, 48 * 3600_000);
    make('not-a-checkout', { ...currentOwner('f'), pid: deadPid() });
    writeFileSync(
      join(dir, 'promote-gone.owner'),
      serializeOwner({ ...currentOwner('g'), pid: deadPid() }),
    );
    const removed = await sweepCheckouts(dir);
    expect(
      removed.map((r) => r.replace(/^promote-\d+-Ab12Cd$/, 'promote-<dead pid>')).sort(),
    ).toEqual([
      'promote-<dead pid>',
      'promote-dead',
      'promote-far-old',
      'promote-gone',
      'promote-ownerless-old',
      'promote-reused',
    ]);
    expect(readdirSync(dir).sort()).toEqual([
      'not-a-checkout',
      'not-a-checkout.owner',
      `promote-${process.pid}-Ef34Gh`,
      'promote-far-new',
      'promote-far-new.owner',
      'promote-live',
      'promote-live.owner',
      'promote-ownerless-new',
    ]);
  });

  test('a promotion sweeps what killed ones left, and leaves nothing of its own', async () => {
    const cacheDir = join(tmp.path, `cache-${n++}`);
    mkdirSync(join(cacheDir, 'promote-killed', '.git'), { recursive: true });
    writeFileSync(
      join(cacheDir, 'promote-killed.owner'),
      serializeOwner({ ...currentOwner('k'), pid: deadPid() }),
    );
    const lines: string[] = [];
    await store(cacheDir, (l) => lines.push(l)).commitPromotion({
      project: 'echo',
      stage: 'dev',
      freight: makeFreight(`1.1.${n}`),
      promotedBy: 'x',
    });
    expect(readdirSync(cacheDir).filter((f) => f.startsWith('promote-'))).toEqual([]);
    expect(lines.join('\n')).toContain('removed 1 checkout(s) left by killed promotions');
  });
});
