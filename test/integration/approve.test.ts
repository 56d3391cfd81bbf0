import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseRemote } from '../../src/git/index.js';
import type { Project, Stage } from '../../src/pipeline/types.js';
import { approveFreight } from '../../src/promotion/approve.js';
import { promote } from '../../src/promotion/promote.js';
import { defaultRegistry } from '../../src/promotion/steps/registry.js';
import { StateStore } from '../../src/state/index.js';
import { ConfigError } from '../../src/util/errors.js';
import { makeFreight } from '../support/freight.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { seedFreight } from '../support/seed-freight.js';

const noSleep = { sleep: async () => undefined };
const clock = () => new Date('2026-11-22T09:30:00.000Z');

function stage(name: string, warehouses: string[], upstream: string[] = []): Stage {
  return {
    name,
    environment: name,
    autoPromotion: false,
    promotionTemplate: { mode: 'direct', vars: [], steps: [] },
    verification: [],
    requestedFreight: warehouses.map((w) => ({
      origin: { kind: 'Warehouse', name: w },
      sources: {
        direct: upstream.length === 0,
        stages: upstream,
        availabilityStrategy: 'OneOf',
      },
    })),
  };
}

const project: Project = {
  name: 'echo',
  file: '.gantry/echo.yaml',
  warehouses: [],
  stages: [
    stage('dev', ['echo', 'tools']),
    stage('staging', ['echo'], ['dev']),
    stage('prod', ['echo'], ['staging']),
  ],
};

const refsOf = (bare: string) => git(bare, ['for-each-ref', '--format=%(refname) %(objectname)']);

describe('approveFreight against a real repository', () => {
  const tmp = tempDir();
  let bare: string;
  let store: StateStore;
  const f1 = makeFreight('1.0.0', { createdAt: '2026-11-20T10:00:00.000Z', alias: 'calm-rhino' });
  const f2 = makeFreight('1.1.0', { createdAt: '2026-11-21T10:00:00.000Z', alias: 'lucky-jaguar' });
  const tool = makeFreight('abc', { warehouse: 'tools', alias: 'oaken-catfish' });

  beforeAll(async () => {
    bare = createBareRepo(tmp.path, 'gitops', { '.gantry/echo.yaml': 'project: echo\n' });
    store = new StateStore({
      remote: parseRemote(`file://${bare}`),
      cacheDir: join(tmp.path, 'cache'),
      baseEnv: testGitEnv(tmp.path),
      retryHooks: noSleep,
    });
    await seedFreight(bare, 'echo', [f1, f2, tool]);
  });
  afterAll(() => tmp.cleanup());

  test('records an approval tag by alias; approving again writes nothing', async () => {
    const res = await approveFreight({
      store,
      project,
      stage: 'prod',
      freightRef: 'lucky-jaguar',
      approvedBy: 'alice',
      reason: 'hotfix for INC-42',
      clock,
    });
    const record = {
      project: 'echo',
      stage: 'prod',
      freightId: f2.id,
      alias: 'lucky-jaguar',
      approvedAt: '2026-11-22T09:30:00.000Z',
      approvedBy: 'alice',
      reason: 'hotfix for INC-42',
    };
    expect(res).toEqual({ created: true, record });
    const tag = `gantry/echo/approved/prod/${f2.id}`;
    expect(git(bare, ['cat-file', '-t', tag]).trim()).toBe('tag');
    expect(git(bare, ['tag', '-n1', '-l', tag])).toContain('approved lucky-jaguar for prod');
    expect((await store.snapshot('echo')).approvals).toEqual([record]);

    const before = refsOf(bare);
    const again = await approveFreight({
      store,
      project,
      stage: 'prod',
      freightRef: f2.id.slice(0, 9),
      approvedBy: 'bob',
      clock: () => new Date('2026-11-23T00:00:00.000Z'),
    });
    expect(again).toEqual({ created: false, record });
    expect(refsOf(bare)).toBe(before);

    // The promotion the approval makes possible names the approver.
    const out = await promote({
      project,
      stage: 'prod',
      freight: 'lucky-jaguar',
      store,
      registry: defaultRegistry(),
      dryRun: false,
      promotedBy: 'carol',
      clock,
      fetch,
      log: () => undefined,
    });
    expect(out.approvedBy).toEqual(['alice']);
    expect(
      git(bare, ['log', '-1', '--format=%(trailers:key=Approved-By,valueonly)', 'main']).trim(),
    ).toBe('alice');
    expect(git(bare, ['show', 'main:.gantry/state/echo/prod.yaml'])).toMatch(
      /approvedBy:\n\s+- alice/,
    );
  });

  test('by full ID, without a reason (an empty reason is left out)', async () => {
    const res = await approveFreight({
      store,
      project,
      stage: 'staging',
      freightRef: f1.id,
      approvedBy: ' carol\n',
      reason: '  ',
      clock,
    });
    expect(res.created).toBe(true);
    expect(res.record).not.toHaveProperty('reason');
    expect(res.record.approvedBy).toBe('carol');
    const snap = await store.snapshot('echo');
    expect(snap.approvals.find((a) => a.stage === 'staging')).toEqual(res.record);
  });

  test('a stage that does not exist, or does not take the warehouse, is a ConfigError naming both', async () => {
    const before = refsOf(bare);
    const approve = (stageName: string, freightRef: string) =>
      approveFreight({ store, project, stage: stageName, freightRef, approvedBy: 'alice', clock });
    await expect(approve('prdo', 'calm-rhino')).rejects.toThrow(
      'stage "prdo" does not exist in project echo (did you mean "prod"?); its stages are dev, staging, prod',
    );
    await expect(approve('prod', 'oaken-catfish')).rejects.toThrow(ConfigError);
    await expect(approve('prod', 'oaken-catfish')).rejects.toThrow(
      /stage prod does not request freight from warehouse tools .*prod requests echo/,
    );
    await expect(approve('prod', 'calm-rhinoo')).rejects.toThrow(
      /no freight "calm-rhinoo" \(did you mean "calm-rhino"\?\)/,
    );
    await expect(
      approveFreight({
        store,
        project,
        stage: 'prod',
        freightRef: 'calm-rhino',
        approvedBy: ' ',
        clock,
      }),
    ).rejects.toThrow(/who approves/);
    expect(refsOf(bare)).toBe(before);
  });

  test('a stage taking several warehouses accepts freight of each', async () => {
    const res = await approveFreight({
      store,
      project,
      stage: 'dev',
      freightRef: 'oaken-catfish',
      approvedBy: 'alice',
      clock,
    });
    expect(res).toMatchObject({ created: true, record: { stage: 'dev', freightId: tool.id } });
  });

  test('losing a race to another approver returns their record', async () => {
    const theirs = {
      project: 'echo',
      stage: 'prod',
      freightId: f1.id,
      alias: f1.alias,
      approvedAt: '2026-11-22T09:29:00.000Z',
      approvedBy: 'dave',
    };
    let first = true;
    const racing = {
      snapshot: async (p: string) => {
        const snap = await store.snapshot(p);
        if (first) {
          first = false;
          // The other writer lands between our read and our write.
          await store.recordApproval(theirs);
          return {
            ...snap,
            approvals: snap.approvals.filter((a) => a.freightId !== f1.id || a.stage !== 'prod'),
          };
        }
        return snap;
      },
      recordApproval: (r: Parameters<StateStore['recordApproval']>[0]) => store.recordApproval(r),
    };
    const res = await approveFreight({
      store: racing,
      project,
      stage: 'prod',
      freightRef: 'calm-rhino',
      approvedBy: 'alice',
      clock,
    });
    expect(res).toEqual({ created: false, record: theirs });
  });

  test('reads the named freight and its approvals, not every freight, when the index knows it', async () => {
    const f3 = makeFreight('1.2.0', {
      createdAt: '2026-11-21T12:00:00.000Z',
      alias: 'brave-otter',
    });
    await store.recordFreight('echo', f3);
    let snapshots = 0;
    const counting = Object.assign(Object.create(store) as StateStore, {
      snapshot: (p: string) => {
        snapshots++;
        return store.snapshot(p);
      },
    });
    const first = await approveFreight({
      store: counting,
      project,
      stage: 'staging',
      freightRef: f3.id,
      approvedBy: 'carol',
      clock,
    });
    expect(first.created).toBe(true);
    // The approval just written is found among the freight's own tags: nothing is written again.
    const again = await approveFreight({
      store: counting,
      project,
      stage: 'staging',
      freightRef: 'brave-otter',
      approvedBy: 'dave',
      clock,
    });
    expect(again).toEqual({ created: false, record: first.record });
    expect(snapshots).toBe(0);
  });
});
