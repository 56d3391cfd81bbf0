/**
 * Promotion history is read for soak times only, and only that of the stages the soak is counted
 * in: promoting a stage with no requiredSoakTime reads no history even when another stage of the
 * project soaks.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseRemote } from '../../src/git/index.js';
import { loadProjectsFromFiles, type Project } from '../../src/pipeline/index.js';
import { promote } from '../../src/promotion/promote.js';
import { defaultRegistry } from '../../src/promotion/steps/registry.js';
import { StateStore, type PromotionRecord } from '../../src/state/index.js';
import { makeFreight } from '../support/freight.js';
import { createBareRepo, tempDir, testGitEnv } from '../support/repos.js';

const TEXT = `project: echo
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
        - uses: compose-output
          config: {note: nothing to edit}
  - name: qa
    branch: qa
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: compose-output
          config: {note: nothing to edit}
  - name: prod
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {stages: [dev], requiredSoakTime: 1h}
    promotionTemplate:
      steps:
        - uses: compose-output
          config: {note: nothing to edit}
`;

/** A store that notes which branches each history read asks for. */
class CountingStore extends StateStore {
  readonly historyReads: string[][] = [];
  override promotions(
    project: string,
    branches: string[],
    limit?: number,
  ): Promise<PromotionRecord[]> {
    this.historyReads.push(branches);
    return super.promotions(project, branches, limit);
  }
}

describe('promotion history for soak times', () => {
  const tmp = tempDir();
  let bare: string;
  let project: Project;
  const f1 = makeFreight('1.0.0', { createdAt: '2026-11-01T10:00:00.000Z' });
  const now = new Date('2026-11-02T00:00:00Z');
  const store = (name: string) =>
    new CountingStore({
      remote: parseRemote(`file://${bare}`),
      cacheDir: join(tmp.path, name),
      baseEnv: testGitEnv(tmp.path),
      clock: () => now,
    });
  const run = (s: StateStore, stage: string) =>
    promote({
      project,
      stage,
      freight: f1.id,
      store: s,
      registry: defaultRegistry(),
      dryRun: false,
      promotedBy: 'test',
      clock: () => now,
      fetch,
      log: () => undefined,
    });

  beforeAll(async () => {
    bare = createBareRepo(join(tmp.path, 'r'), 'gitops', { '.gantry/echo.yaml': TEXT }, ['qa']);
    const s = store('setup');
    const loaded = await loadProjectsFromFiles([{ file: '.gantry/echo.yaml', text: TEXT }]);
    expect(loaded.problems).toEqual([]);
    project = loaded.projects[0] as Project;
    await s.recordFreight('echo', f1);
  });
  afterAll(() => tmp.cleanup());

  test('promoting a stage without a soak reads no history, though prod soaks', async () => {
    const s = store('dev');
    const out = await run(s, 'dev');
    expect(out.result?.changed).toBe(true);
    expect(s.historyReads).toEqual([]);
  });

  test("the soaking stage reads the history of its upstream's branch only", async () => {
    const s = store('prod');
    // Not verified in dev: refused, after reading dev's history (main), not qa's.
    await expect(run(s, 'prod')).rejects.toThrow(/not available to prod/);
    expect(s.historyReads).toEqual([['main']]);
  });
});
