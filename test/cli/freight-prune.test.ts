/**
 * `gantry freight prune` against a real repository: what it keeps (current, newest, recent,
 * ran since the cutoff, approved), what a dry run prints without deleting, and that the freight
 * go with their verification tags and index entries; what it prints when a freight came back or
 * history was read to its bound. Races with other writers: test/integration/prune-races.test.ts.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseRemote } from '../../src/git/index.js';
import { StateStore } from '../../src/state/index.js';
import { freightIndexRef, parseHeadMessage } from '../../src/state/freight-index.js';
import type { Freight } from '../../src/freight/types.js';
import { makeFreight } from '../support/freight.js';
import { writeFreightTags } from '../support/freight-tags.js';
import { runGantry } from '../support/cli.js';
import { render } from '../../src/cli/commands/freight-prune.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';

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
  - name: prod
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {stages: [dev]}
    promotionTemplate:
      steps:
        - uses: yaml-update
          config:
            path: env/prod/values.yaml
            updates:
              - {key: tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}
`;

const DAY = 86_400_000;

describe('gantry freight prune', () => {
  const tmp = tempDir();
  const env = () => ({
    ...testGitEnv(tmp.path),
    GANTRY_CACHE_DIR: join(tmp.path, 'cache'),
    USER: 'alice',
  });
  let bare: string;
  let freight: Freight[];
  const cli = (args: string[]) => runGantry([...args, '--repo', `file://${bare}`], env());
  const tags = () =>
    git(bare, ['for-each-ref', '--format=%(refname:lstrip=2)', 'refs/tags/gantry/echo/'])
      .split('\n')
      .filter(Boolean);

  beforeAll(async () => {
    bare = createBareRepo(tmp.path, 'gitops', {
      '.gantry/echo.yaml': PROJECT,
      'env/dev/values.yaml': 'tag: none\n',
      'env/prod/values.yaml': 'tag: none\n',
    });
    // Freight i was created 30 - i days (and an hour) ago: 0 is the oldest, 29 the newest.
    const t0 = Date.now();
    freight = Array.from({ length: 30 }, (_, i) =>
      makeFreight(`1.0.${i}`, {
        createdAt: new Date(t0 - (30 - i) * DAY - 3_600_000).toISOString(),
      }),
    );
    writeFreightTags(bare, 'echo', freight);
    const s = new StateStore({
      remote: parseRemote(`file://${bare}`),
      cacheDir: join(tmp.path, 'writer'),
      baseEnv: testGitEnv(tmp.path),
    });
    const f = (i: number) => freight[i] as Freight;
    await s.commitPromotion({ project: 'echo', stage: 'dev', freight: f(5), promotedBy: 'a' });
    // 3 ran in prod a moment ago (within the window), 7 runs there now.
    await s.commitPromotion({ project: 'echo', stage: 'prod', freight: f(3), promotedBy: 'a' });
    await s.commitPromotion({ project: 'echo', stage: 'prod', freight: f(7), promotedBy: 'a' });
    await s.recordApproval({
      project: 'echo',
      stage: 'prod',
      freightId: f(2).id,
      alias: f(2).alias,
      approvedAt: new Date().toISOString(),
      approvedBy: 'alice',
    });
    await s.recordVerification({
      project: 'echo',
      stage: 'dev',
      freightId: f(1).id,
      alias: f(1).alias,
      verifiedAt: new Date().toISOString(),
      verifiedBy: 'ci',
    });
  });
  afterAll(() => tmp.cleanup());

  const doomed = () =>
    freight
      .map((f, i) => ({ f, i }))
      .filter(({ i }) => i <= 20 && ![2, 3, 5, 7].includes(i))
      .map(({ f }) => f);

  test('a dry run prints what would go and deletes nothing', async () => {
    const before = tags();
    const r = await cli([
      'freight',
      'prune',
      '--keep',
      '5',
      '--older-than',
      '10d',
      '--dry-run',
      '-o',
      'json',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.out) as { remove: { id: string }[]; kept: Record<string, number> };
    expect(plan.remove.map((f) => f.id)).toEqual(doomed().map((f) => f.id));
    expect(plan.kept).toEqual({
      newest: 5,
      recent: 4,
      current: 2,
      'ran-recently': 1,
      'history-unread': 0,
      approved: 1,
      unreadable: 0,
    });
    expect(tags()).toEqual(before);
    const table = await cli([
      'freight',
      'prune',
      '--keep',
      '5',
      '--older-than',
      '10d',
      '--dry-run',
    ]);
    expect(table.out).toContain(`echo: would delete ${doomed().length} freight; keeping 13`);
  });

  test('prune deletes those freight with their verifications and index entries, and nothing else', async () => {
    const r = await cli(['freight', 'prune', '--keep', '5', '--older-than', '10d']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      `echo: deleted ${doomed().length} freight (${doomed().length + 1} tags)`,
    );
    const left = tags();
    for (const f of doomed()) expect(left.join('\n')).not.toContain(f.id);
    expect(left).toContain(`gantry/echo/approved/prod/${freight[2]?.id}`);
    expect(left.filter((t) => t.includes('/freight/'))).toHaveLength(13);
    const head = parseHeadMessage(git(bare, ['cat-file', 'commit', freightIndexRef('echo')]));
    expect(head?.count).toBe(13);
    const all = JSON.parse((await cli(['get', 'freight', '--all', '-o', 'json'])).out) as {
      freight: unknown[];
    };
    expect(all.freight).toHaveLength(13);
    // Nothing left to prune.
    const again = await cli(['freight', 'prune', '--keep', '5', '--older-than', '10d']);
    expect(again.out).toContain('echo: deleted 0 freight (0 tags); keeping 13');
  });

  test('bad flags are usage errors', async () => {
    expect((await cli(['freight', 'prune', '--keep', '0', '--older-than', '1d'])).err).toContain(
      '--keep must be a whole number of at least 1',
    );
    expect((await cli(['freight', 'prune', '--keep', '3', '--older-than', 'soon'])).err).toContain(
      '--older-than: invalid duration "soon"',
    );
    expect((await cli(['freight', 'prune', '--keep', '3'])).err).toContain(
      'freight prune needs --keep N and --older-than D',
    );
    expect((await cli(['freight', 'prnue'])).err).toContain('did you mean "prune"?');
  });
});

describe('what prune prints', () => {
  const f = (alias: string, id: string) => ({
    freightId: id.padEnd(40, '0'),
    alias,
    warehouse: 'echo',
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  const kept = {
    newest: 2,
    recent: 0,
    current: 0,
    'ran-recently': 0,
    'history-unread': 3,
    approved: 0,
    unreadable: 0,
  };
  const plan = { remove: [f('old-a', 'aaa'), f('old-b', 'bbb')], kept };
  const o = {
    dryRun: false,
    deleted: ['gantry/echo/freight/aaa'],
    restored: ['bbb'.padEnd(40, '0')],
    now: new Date('2026-12-01T00:00:00.000Z'),
    project: 'echo',
    historyFrom: '2026-03-01T00:00:00.000Z',
  };

  test('a freight pushed back is counted as kept and named; unread history is said', () => {
    const out = render(plan, { ...o, output: 'table' });
    expect(out).toContain(
      'echo: deleted 1 freight (1 tags); keeping 6 (2 newest, 3 history-unread, 1 restored)',
    );
    expect(out).toContain(
      'echo: kept 1 freight a stage started running, or that was approved or verified, during the prune (deleted, then pushed back with its tags): old-b',
    );
    expect(out).toContain('echo: promotion history was read back to 2026-03-01T00:00:00.000Z only');
    expect(out).not.toContain('old-b   ');
  });

  test('JSON lists what went, what came back, and how far history was read', () => {
    const out = JSON.parse(render(plan, { ...o, output: 'json' })) as Record<string, unknown>;
    expect(out.remove).toEqual([expect.objectContaining({ alias: 'old-a' })]);
    expect(out.restored).toEqual(['bbb'.padEnd(40, '0')]);
    expect(out.historyReadBackTo).toBe('2026-03-01T00:00:00.000Z');
  });
});
