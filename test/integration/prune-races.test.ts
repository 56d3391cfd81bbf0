/**
 * `gantry freight prune` while others write: an approval or a promotion of a freight it is about
 * to delete lands between its plan and its push, or a promotion lands between its last check of
 * the stages and its push. A `git` first on PATH holds prune's git command at that point, once,
 * until the test has made the other write through its own store, so each race happens every run.
 * Whatever the order, nothing wrong is left on the remote: the freight a stage runs or an approval
 * names is still there, with its index line, or the prune refused and deleted nothing.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parseRemote } from '../../src/git/index.js';
import { StateStore } from '../../src/state/index.js';
import { freightIndexRef, parseHeadMessage } from '../../src/state/freight-index.js';
import type { Freight } from '../../src/freight/types.js';
import { makeFreight } from '../support/freight.js';
import { writeFreightTags } from '../support/freight-tags.js';
import { runGantry } from '../support/cli.js';
import { commitToBare, createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { planPrune, ranSince } from '../../src/freight/prune.js';

const PROJECT = `project: echo
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
          config:
            path: env/dev/values.yaml
            updates:
              - {key: tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}
`;

const DAY = 86_400_000;
const REAL_GIT = execFileSync('sh', ['-c', 'command -v git']).toString().trim();

/** Which git command of prune's the wrapper holds. */
type Hook =
  /** deleteFreight's listing of the tags (in the cache, a directory ending in .git). */
  | 'listing'
  /** The first push that deletes tags: after every check prune makes before it. */
  | 'delete-push'
  /** The first look at the stage branches' tips (before the plan's reads). */
  | 'tips';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

let n = 0;
/**
 * A GitOps repository with 10 freight, 0 the oldest (10 days and an hour ago), 9 the newest: a
 * prune with --keep 2 --older-than 5d deletes 0 to 5.
 */
function setup(hook: Hook) {
  const root = join(tmp.path, `r${n++}`);
  mkdirSync(root);
  const bare = createBareRepo(root, 'gitops', {
    '.gantry/echo.yaml': PROJECT,
    'env/dev/values.yaml': 'tag: none\n',
  });
  const t0 = Date.now();
  const freight = Array.from({ length: 10 }, (_, i) =>
    makeFreight(`1.0.${i}`, { createdAt: new Date(t0 - (10 - i) * DAY - 3_600_000).toISOString() }),
  );
  writeFreightTags(bare, 'echo', freight);
  const hookDir = join(root, 'hook');
  const wrapDir = join(root, 'wrap');
  mkdirSync(hookDir);
  mkdirSync(wrapDir);
  const match = {
    listing: `[ "$1" = ls-remote ] && [ "$2" = --tags ] && case "$PWD" in *.git) true ;; *) false ;; esac`,
    'delete-push': `[ "$1" = push ] && printf '%s\\n' "$@" | grep -q '^:refs/tags/'`,
    tips: `[ "$1" = ls-remote ] && [ "$2" = --heads ]`,
  }[hook];
  writeFileSync(
    join(wrapDir, 'git'),
    `#!/bin/sh
# Once: holds this git command until the test says go (it makes its own write meanwhile).
if ${match} && mkdir "${hookDir}/fired" 2>/dev/null; then
  touch "${hookDir}/hit"
  while [ ! -e "${hookDir}/go" ]; do sleep 0.02; done
fi
exec "${REAL_GIT}" "$@"
`,
  );
  chmodSync(join(wrapDir, 'git'), 0o755);
  const base = testGitEnv(root);
  const env = {
    ...base,
    PATH: `${wrapDir}:${base.PATH}`,
    GANTRY_CACHE_DIR: join(root, 'cache'),
    USER: 'alice',
  };
  const writer = new StateStore({
    remote: parseRemote(`file://${bare}`),
    cacheDir: join(root, 'writer'),
    baseEnv: base,
  });
  const cli = (args: string[]) => runGantry([...args, '--repo', `file://${bare}`], env);
  /** Runs prune; when the wrapper holds its git command, runs `meanwhile`, then lets it go. */
  const pruneWith = async (meanwhile: () => Promise<unknown>) => {
    const run = cli(['freight', 'prune', '--keep', '2', '--older-than', '5d']);
    let done = false;
    void run.finally(() => (done = true));
    while (!existsSync(join(hookDir, 'hit')) && !done) await new Promise((r) => setTimeout(r, 20));
    const fired = existsSync(join(hookDir, 'hit'));
    try {
      if (fired) await meanwhile();
    } finally {
      // Also when the other write failed: the held git would otherwise wait for ever.
      writeFileSync(join(hookDir, 'go'), '');
    }
    return { ...(await run), fired };
  };
  const tags = () =>
    git(bare, ['for-each-ref', '--format=%(objectname) %(refname:lstrip=2)', 'refs/tags/'])
      .split('\n')
      .filter(Boolean);
  /** The index's count, and the freight tags' count: equal when the index matches the tags. */
  const counts = () => ({
    index: parseHeadMessage(git(bare, ['cat-file', 'commit', freightIndexRef('echo')]))?.count,
    tags: tags().filter((t) => t.includes('/freight/')).length,
  });
  return { bare, freight, writer, cli, pruneWith, tags, counts };
}

describe('gantry freight prune races', () => {
  test('an approval of a doomed freight made while prune plans: both stay, nothing is deleted', async () => {
    const r = setup('listing');
    const f = r.freight[1] as Freight;
    const before = r.tags();
    const res = await r.pruneWith(() =>
      r.writer.recordApproval({
        project: 'echo',
        stage: 'dev',
        freightId: f.id,
        alias: f.alias,
        approvedAt: new Date().toISOString(),
        approvedBy: 'bob',
      }),
    );
    expect(res.fired).toBe(true);
    const after = r.tags();
    expect(after.some((t) => t.endsWith(`gantry/echo/approved/dev/${f.id}`))).toBe(true);
    expect(after.some((t) => t.endsWith(`gantry/echo/freight/${f.id}`))).toBe(true);
    // Refused whole: every tag it saw is still there.
    for (const t of before) expect(after).toContain(t);
    expect(res.code).not.toBe(0);
    expect(res.err).toMatch(
      /changed while planning the prune.*approved\/dev\/.*nothing was deleted/,
    );
    expect(r.counts()).toEqual({ index: 10, tags: 10 });
    // Run again, it keeps the approved freight and deletes the rest.
    const again = await r.cli(['freight', 'prune', '--keep', '2', '--older-than', '5d']);
    expect(again.err).toBe('');
    expect(again.out).toContain('echo: deleted 5 freight (5 tags); keeping 5');
    expect(r.tags().some((t) => t.endsWith(`gantry/echo/freight/${f.id}`))).toBe(true);
  });

  test('a promotion of a doomed freight made while prune plans: it stays, nothing is deleted', async () => {
    const r = setup('listing');
    const f = r.freight[2] as Freight;
    const before = r.tags();
    const res = await r.pruneWith(() =>
      r.writer.commitPromotion({ project: 'echo', stage: 'dev', freight: f, promotedBy: 'bob' }),
    );
    expect(res.fired).toBe(true);
    expect(res.code).not.toBe(0);
    expect(res.err).toMatch(
      /changed while pruning: a stage runs or ran 1 of the freight .*nothing was deleted/,
    );
    expect(r.tags()).toEqual(before);
    expect(r.counts()).toEqual({ index: 10, tags: 10 });
    const stages = await r.cli(['get', 'stages', '-o', 'json']);
    expect(stages.out).toContain(f.id);
  });

  test('a promotion after the project files were read, before the plan: the plan sees it', async () => {
    const r = setup('tips');
    const f = r.freight[5] as Freight;
    const res = await r.pruneWith(() =>
      r.writer.commitPromotion({ project: 'echo', stage: 'dev', freight: f, promotedBy: 'bob' }),
    );
    expect(res.fired).toBe(true);
    expect(res.err).toBe('');
    expect(res.out).toContain('echo: deleted 5 freight (5 tags); keeping 5');
    expect(res.out).toContain('1 current');
    expect(r.tags().some((t) => t.endsWith(`gantry/echo/freight/${f.id}`))).toBe(true);
    expect(r.counts()).toEqual({ index: 5, tags: 5 });
  });

  test('a tag that moves after the last check: the push is refused whole by its lease', async () => {
    const r = setup('delete-push');
    const [f0, f1] = r.freight as [Freight, Freight];
    const ref = `refs/tags/gantry/echo/freight/${f0.id}`;
    const before = r.tags();
    const other = git(r.bare, ['rev-parse', `refs/tags/gantry/echo/freight/${f1.id}`]).trim();
    const res = await r.pruneWith(async () => git(r.bare, ['update-ref', ref, other]));
    expect(res.fired).toBe(true);
    expect(res.code).not.toBe(0);
    expect(res.err).toMatch(/changed while pruning \(nothing was deleted\).*stale info/);
    expect(r.tags()).toEqual(
      before.map((t) => (t.endsWith(ref.slice(10)) ? `${other} ${ref.slice(10)}` : t)),
    );
  });

  test('a promotion that lands after the last check, before the push: its freight comes back', async () => {
    const r = setup('delete-push');
    const f = r.freight[3] as Freight;
    const before = r.tags();
    const own = before.find((t) => t.endsWith(`gantry/echo/freight/${f.id}`));
    const res = await r.pruneWith(() =>
      r.writer.commitPromotion({ project: 'echo', stage: 'dev', freight: f, promotedBy: 'bob' }),
    );
    expect(res.fired).toBe(true);
    expect(res.err).toBe('');
    expect(res.code).toBe(0);
    expect(res.out).toContain('echo: deleted 5 freight (5 tags); keeping 5');
    expect(res.out).toContain(`kept 1 freight a stage started running, or that was approved`);
    // The same tag, at the same object, and the index counts it again.
    expect(r.tags()).toContain(own);
    expect(r.counts()).toEqual({ index: 5, tags: 5 });
    const all = JSON.parse((await r.cli(['get', 'freight', '--all', '-o', 'json'])).out) as {
      freight: { id?: string; metadata?: { name?: string } }[];
    };
    expect(JSON.stringify(all)).toContain(f.id);
    // A fresh reader's page (from the index) lists it too: the index line came back.
    const page = await new StateStore({
      remote: parseRemote(`file://${r.bare}`),
      cacheDir: join(tmp.path, `fresh${n}`),
      baseEnv: testGitEnv(tmp.path),
    }).freightPage('echo', { limit: 20 });
    expect(page.snap.freight.map((x) => x.id)).toContain(f.id);
    expect(page.total).toBe(5);
  });
});

describe('gantry freight prune races after the last check', () => {
  test('an approval written after the last check, before the push: its freight comes back', async () => {
    const r = setup('delete-push');
    const f = r.freight[4] as Freight;
    const own = r.tags().find((t) => t.endsWith(`gantry/echo/freight/${f.id}`));
    const res = await r.pruneWith(() =>
      r.writer.recordApproval({
        project: 'echo',
        stage: 'dev',
        freightId: f.id,
        alias: f.alias,
        approvedAt: new Date().toISOString(),
        approvedBy: 'bob',
      }),
    );
    expect(res.fired).toBe(true);
    expect(res.err).toBe('');
    expect(res.out).toContain('echo: deleted 5 freight (5 tags); keeping 5');
    const after = r.tags();
    expect(after).toContain(own);
    expect(after.some((t) => t.endsWith(`gantry/echo/approved/dev/${f.id}`))).toBe(true);
    expect(r.counts()).toEqual({ index: 5, tags: 5 });
  });
});

describe('promotion history read to a bound', () => {
  test('a promotion beyond the bound is not seen, so the freight older than what was read stay', async () => {
    const r = setup('listing');
    const f = r.freight[0] as Freight;
    // Promoted once, then replaced (so no stage runs it now), then 30 other commits.
    await r.writer.commitPromotion({ project: 'echo', stage: 'dev', freight: f, promotedBy: 'a' });
    await r.writer.commitPromotion({
      project: 'echo',
      stage: 'dev',
      freight: r.freight[9] as Freight,
      promotedBy: 'a',
    });
    for (let i = 0; i < 30; i++) commitToBare(r.bare, 'main', {}, `unrelated ${i}`);
    const store = (dir: string) =>
      new StateStore({
        remote: parseRemote(`file://${r.bare}`),
        cacheDir: join(tmp.path, dir),
        baseEnv: testGitEnv(tmp.path),
      });
    const whole = await store(`whole${n}`).promotionHistory('echo', ['main'], {
      limit: 100,
      maxDepth: 4096,
    });
    expect(whole.records.map((p) => p.freightId)).toEqual([r.freight[9]?.id, f.id]);
    expect(whole.horizon).toBeUndefined();
    const bounded = await store(`bounded${n}`).promotionHistory('echo', ['main'], {
      limit: 100,
      maxDepth: 8,
    });
    expect(bounded.records).toEqual([]);
    expect(bounded.horizon).toMatch(/^\d{4}-\d\d-\d\dT/);
    // The cutoff is after the promotions: with the whole history, the freight that ran when the
    // window opened (f was replaced before it) is known; with the bounded one, nothing is, so
    // every freight created before what was read stays.
    const cutoff = new Date(Date.now() + 60_000);
    const entries = r.freight.map((x) => ({
      freightId: x.id,
      alias: x.alias,
      warehouse: 'echo',
      createdAt: x.createdAt,
    }));
    const facts = { current: new Set<string>(), approved: new Set<string>() };
    const seen = planPrune(
      entries,
      { keep: 1, cutoff },
      { ...facts, ranRecently: ranSince(whole.records, cutoff) },
    );
    expect(seen.remove.map((x) => x.freightId)).toContain(f.id);
    const capped = planPrune(
      entries,
      { keep: 1, cutoff },
      {
        ...facts,
        ranRecently: ranSince(bounded.records, cutoff),
        historyFrom: bounded.horizon as string,
      },
    );
    expect(capped.remove).toEqual([]);
    expect(capped.kept['history-unread']).toBe(9);
  });
});
