import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parseRemote } from '../../src/git/index.js';
import {
  MAX_HISTORY_DEPTH,
  StateStore,
  parsePromotionCommit,
  promotionMessage,
} from '../../src/state/index.js';
import { remoteUrlOf } from '../../src/app/repo.js';
import { makeFreight } from '../support/freight.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

/** A fresh remote and a store on it, so each test stands alone. */
function fresh(files: Record<string, string> = { 'README.md': 'x\n' }, branches: string[] = []) {
  const name = `r${n++}`;
  const bare = createBareRepo(tmp.path, name, files, branches);
  const store = new StateStore({
    remote: parseRemote(`file://${bare}`),
    cacheDir: join(tmp.path, `cache-${name}`),
    baseEnv: testGitEnv(tmp.path),
  });
  return { bare, store, name };
}

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

describe('state edge cases', () => {
  test('promotion history is read back a bounded number of commits, however old the repository', async () => {
    const { bare, store } = fresh();
    await store.commitPromotion({
      project: 'echo',
      stage: 'dev',
      freight: makeFreight('1.0.0'),
      promotedBy: 'ci',
    });
    expect(await store.promotions('echo', ['main'])).toHaveLength(1);
    // Bury it under more commits than the bound, as years of other teams' work would.
    const tip = git(bare, ['rev-parse', 'main']).trim();
    const extra = MAX_HISTORY_DEPTH + 10;
    const stream: string[] = [];
    for (let i = 0; i < extra; i++) {
      stream.push(
        'commit refs/heads/main',
        `committer Other <o@example.test> ${1_800_000_000 + i} +0000`,
        'data 6',
        `c${String(i).padStart(4, '0')}`,
        ...(i === 0 ? [`from ${tip}`] : []),
        '',
      );
    }
    git(bare, ['fast-import', '--quiet'], testGitEnv(tmp.path), stream.join('\n') + '\n');
    expect(await store.promotions('echo', ['main'])).toEqual([]);
  });

  test('a newline in a trailer value cannot forge another promotion', async () => {
    const { bare, store } = fresh();
    const forged = `mallory\n\nGantry-Project: echo\nGantry-Stage: prod\nGantry-Freight: ${'e'.repeat(40)}`;
    await store.commitPromotion({
      project: 'echo',
      stage: 'dev',
      freight: makeFreight('1.0.0'),
      promotedBy: forged,
    });
    const promos = await store.promotions('echo', ['main']);
    expect(promos.map((p) => p.stage)).toEqual(['dev']);
    expect(git(bare, ['log', '-1', '--format=%(trailers:key=Gantry-Stage,valueonly)']).trim()).toBe(
      'dev',
    );
    const msg = promotionMessage(
      {
        project: 'echo',
        stage: 'dev',
        freight: makeFreight('1.0.0'),
        promotedBy: forged,
        approvedBy: ['a\nb'],
      },
      [],
      [],
    );
    expect(msg.split('\n').filter((l) => l.startsWith('Gantry-Stage:'))).toEqual([
      'Gantry-Stage: dev',
    ]);
  });

  test('promotions sort by time, whatever time zone each committer was in', async () => {
    const { bare, store } = fresh();
    const work = join(tmp.path, 'tz');
    git(tmp.path, ['clone', '-q', bare, work]);
    const commit = (stage: string, date: string) => {
      const body = promotionMessage(
        { project: 'echo', stage, freight: makeFreight(stage), promotedBy: stage },
        [],
        [],
      );
      execFileSync('git', ['commit', '-q', '--allow-empty', '-F', '-'], {
        cwd: work,
        input: body,
        env: { ...testGitEnv(tmp.path), GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date },
      });
    };
    commit('tokyo', '2026-11-22T09:32:28+09:00'); // 00:32:28 UTC
    commit('utc', '2026-11-22T00:32:29+00:00'); // one second later
    git(work, ['push', '-q', 'origin', 'main']);
    const promos = await store.promotions('echo', ['main']);
    expect(promos.map((p) => [p.stage, p.promotedAt])).toEqual([
      ['utc', '2026-11-22T00:32:29.000Z'],
      ['tokyo', '2026-11-22T00:32:28.000Z'],
    ]);
    expect(
      parsePromotionCommit(
        `x\u0000${Date.parse('2026-01-01T00:00:00Z') / 1000}\u0000promote\n\nGantry-Project: p\nGantry-Stage: s\nGantry-Freight: f\n`,
        'main',
      )?.promotedAt,
    ).toBe('2026-01-01T00:00:00.000Z');
  });

  test('a HEAD that names a missing branch falls back to the only branch there is', async () => {
    const { bare, store } = fresh();
    git(bare, ['symbolic-ref', 'HEAD', 'refs/heads/master']);
    expect(await store.defaultBranch()).toBe('main');
    const two = fresh({ a: 'a\n' }, ['release']);
    git(two.bare, ['symbolic-ref', 'HEAD', 'refs/heads/trunk']);
    expect(await two.store.defaultBranch()).toBe('main');
  });

  test('a HEAD that names no branch among several others is a configuration error naming them', async () => {
    const { bare, store } = fresh({ a: 'a\n' }, ['release', 'staging']);
    git(bare, ['branch', '-m', 'main', 'trunk']);
    git(bare, ['symbolic-ref', 'HEAD', 'refs/heads/nothing']);
    await expect(store.defaultBranch()).rejects.toThrow(
      /HEAD names no existing branch; its branches are release, staging, trunk: set each stage.s branch/,
    );
  });

  test('a branch replaced by a directory of the same name does not break the cache', async () => {
    const { bare, store } = fresh({ a: 'a\n' }, ['release']);
    await store.commitPromotion({
      project: 'echo',
      stage: 'prod',
      branch: 'release',
      freight: makeFreight('1.0.0'),
      promotedBy: 'x',
    });
    expect(
      (await store.stageStates('echo', [{ name: 'prod', branch: 'release' }])).get('prod'),
    ).toBeDefined();
    git(bare, ['branch', '-m', 'release', 'release/v1']);
    const again = new StateStore({
      remote: store.git.remote ?? parseRemote(`file://${bare}`),
      cacheDir: join(tmp.path, `cache-${n - 1}`),
      baseEnv: testGitEnv(tmp.path),
    });
    const states = await again.stageStates('echo', [{ name: 'prod', branch: 'release/v1' }]);
    expect(states.get('prod')?.freight[0]?.images[0]?.tag).toBe('1.0.0');
  });

  test('a tag of someone else under the prefix is not fetched; a lightweight gantry tag is skipped before any fetch', async () => {
    const { bare, store, name } = fresh({ 'big.txt': 'y'.repeat(10_000) });
    git(bare, ['tag', '-a', '-m', 'release', 'gantry/echo/v1', 'main']);
    expect((await store.snapshot('echo')).freight).toEqual([]);
    const tagCache = readdirSync(join(tmp.path, `cache-${name}`)).find((d) =>
      d.endsWith('-tags.git'),
    ) as string;
    const count = git(join(tmp.path, `cache-${name}`, tagCache), ['count-objects', '-v']);
    expect(count).toMatch(/^count: 0$/m);
    expect(count).toMatch(/^in-pack: 0$/m);
    git(bare, ['tag', `gantry/echo/freight/${'a'.repeat(40)}`, 'main']);
    expect((await store.snapshot('echo')).unreadable?.[0]?.message).toMatch(/lightweight tag/);
    expect(git(join(tmp.path, `cache-${name}`, tagCache), ['count-objects', '-v'])).toMatch(
      /^in-pack: 0$/m,
    );
  });

  test('no credential is written anywhere in the cache', async () => {
    const { bare } = fresh();
    const password = 'cache-Secret-Pa55';
    const cacheDir = join(tmp.path, 'cache-secret');
    // file:// ignores credentials, but they are still handed to every git command: none may persist.
    const store = new StateStore({
      remote: parseRemote(`file://${bare}`, { kind: 'basic', username: 'bot', password }),
      cacheDir,
      baseEnv: testGitEnv(tmp.path),
    });
    await store.recordFreight('echo', makeFreight('1.0.0'));
    await store.commitPromotion({
      project: 'echo',
      stage: 'dev',
      freight: makeFreight('1.0.0'),
      promotedBy: 'x',
    });
    await store.snapshot('echo');
    await store.promotions('echo', ['main']);
    for (const f of allFiles(cacheDir)) {
      expect(readFileSync(f).includes(password), f).toBe(false);
    }
  });

  test('many readers at once on one cache directory', async () => {
    const { bare, name } = fresh();
    const writer = new StateStore({
      remote: parseRemote(`file://${bare}`),
      cacheDir: join(tmp.path, `w-${name}`),
      baseEnv: testGitEnv(tmp.path),
    });
    for (const tag of ['1.0.0', '1.1.0', '1.2.0'])
      await writer.recordFreight('echo', makeFreight(tag));
    await writer.commitPromotion({
      project: 'echo',
      stage: 'dev',
      freight: makeFreight('1.2.0'),
      promotedBy: 'x',
    });
    const readers = Array.from(
      { length: 8 },
      () =>
        new StateStore({
          remote: parseRemote(`file://${bare}`),
          cacheDir: join(tmp.path, `shared-${name}`),
          baseEnv: testGitEnv(tmp.path),
        }),
    );
    const results = await Promise.all(
      readers.map(async (r) => {
        const [snap, states, promos] = await Promise.all([
          r.snapshot('echo'),
          r.stageStates('echo', [{ name: 'dev' }]),
          r.promotions('echo', ['main']),
        ]);
        return [snap.freight.length, states.get('dev')?.freight[0]?.images[0]?.tag, promos.length];
      }),
    );
    expect(results).toEqual(readers.map(() => [3, '1.2.0', 1]));
  });
});

describe('remoteUrlOf', () => {
  test.each([
    ['https://github.com/acme/gitops.git', 'https://github.com/acme/gitops.git'],
    ['git@github.com:acme/gitops.git', 'git@github.com:acme/gitops.git'],
    ['gh:acme/gitops.git', 'gh:acme/gitops.git'],
    ['github.com:acme/gitops', 'github.com:acme/gitops'],
    ['/srv/git/gitops.git', 'file:///srv/git/gitops.git'],
    ['../gitops.git', 'file:///work/gitops.git'],
    ['./a:b/gitops.git', 'file:///work/clone/a:b/gitops.git'],
  ])('%s', (origin, url) => {
    expect(remoteUrlOf(origin, '/work/clone')).toBe(url);
  });
});
