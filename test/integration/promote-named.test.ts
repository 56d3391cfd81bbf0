/**
 * Promoting freight named by ID or alias reads that freight's tags and those of the newer freight
 * of its warehouse (the rollback rule asks about them), picked by the freight index; an index
 * that does not match the tags (a tag pushed by hand) is not trusted: everything is read.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serializeFreight } from '../../src/freight/document.js';
import type { Freight } from '../../src/freight/types.js';
import { parseRemote } from '../../src/git/index.js';
import { loadProjectsFromFiles, type Project } from '../../src/pipeline/index.js';
import { promote } from '../../src/promotion/promote.js';
import { defaultRegistry } from '../../src/promotion/steps/registry.js';
import { StateStore, stateRefName, type ProjectSnapshot } from '../../src/state/index.js';
import { makeFreight } from '../support/freight.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';

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
`;

/** A store that counts full reads of the project's freight. */
class CountingStore extends StateStore {
  snapshots = 0;
  override snapshot(project: string): Promise<ProjectSnapshot> {
    this.snapshots++;
    return super.snapshot(project);
  }
}

describe('promoting named freight', () => {
  const tmp = tempDir();
  let bare: string;
  let project: Project;
  const at = (h: number) => `2026-11-01T${String(h).padStart(2, '0')}:00:00.000Z`;
  const f1 = makeFreight('1.0.0', { createdAt: at(10) });
  const f2 = makeFreight('1.1.0', { createdAt: at(11) });
  const f3 = makeFreight('1.2.0', { createdAt: at(12) });
  const other = makeFreight('9.0.0', { createdAt: at(13), warehouse: 'web' });
  const now = new Date('2026-11-02T00:00:00Z');
  let n = 0;
  const store = () =>
    new CountingStore({
      remote: parseRemote(`file://${bare}`),
      cacheDir: join(tmp.path, `c${n++}`),
      baseEnv: testGitEnv(tmp.path),
      clock: () => now,
    });
  const run = (s: StateStore, freight: string) =>
    promote({
      project,
      stage: 'dev',
      freight,
      store: s,
      registry: defaultRegistry(),
      dryRun: false,
      promotedBy: 'test',
      clock: () => now,
      fetch,
      log: () => undefined,
    });
  /** A freight tag as someone pushing by hand makes it: the index does not know it. */
  const tagByHand = (f: Freight) => {
    const env = testGitEnv(tmp.path);
    const tree = git(bare, ['mktree'], env, '').trim();
    const name = stateRefName({ kind: 'freight', project: 'echo', freightId: f.id });
    const body = `object ${tree}\ntype tree\ntag ${name.replace(/^refs\/tags\//, '')}\ntagger hand <hand@example.test> 1790000000 +0000\n\n${serializeFreight(f)}`;
    const oid = git(bare, ['hash-object', '-t', 'tag', '-w', '--stdin'], env, body).trim();
    git(bare, ['update-ref', name, oid], env);
  };

  beforeAll(async () => {
    bare = createBareRepo(join(tmp.path, 'r'), 'gitops', { '.gantry/echo.yaml': TEXT });
    const loaded = await loadProjectsFromFiles([{ file: '.gantry/echo.yaml', text: TEXT }]);
    expect(loaded.problems).toEqual([]);
    project = loaded.projects[0] as Project;
    const s = store();
    for (const f of [f1, f2, f3]) await s.recordFreight('echo', f);
    // Another project's freight shares nothing with this one's index.
    await s.recordFreight('web', other);
  });
  afterAll(() => tmp.cleanup());

  test('by ID: the newest is promoted without reading every freight', async () => {
    const s = store();
    const out = await run(s, f3.id);
    expect(out.result?.changed).toBe(true);
    expect(out.freight?.id).toBe(f3.id);
    expect(out.held).toBe(false);
    expect(s.snapshots).toBe(0);
  });

  test('by ID, older freight holds the stage: the newer freight of its warehouse is read', async () => {
    const s = store();
    const out = await run(s, f1.id);
    expect(out.result?.changed).toBe(true);
    expect(out.held).toBe(true);
    expect(s.snapshots).toBe(0);
  });

  test('by alias and by ID prefix, as by ID', async () => {
    const s = store();
    const out = await run(s, f2.alias);
    expect(out.freight?.id).toBe(f2.id);
    expect(out.held).toBe(true);
    const again = await run(s, f3.id.slice(0, 9));
    expect(again.freight?.id).toBe(f3.id);
    expect(again.held).toBe(false);
    expect(s.snapshots).toBe(0);
  });

  test('an unknown name is refused with the full read’s hints', async () => {
    const s = store();
    await expect(run(s, 'alias-1-1-1')).rejects.toThrow(/no freight "alias-1-1-1" \(did you mean/);
    expect(s.snapshots).toBe(1);
  });

  test('a tag the index lacks is still found, and still counts for the rollback rule', async () => {
    const f4 = makeFreight('1.3.0', { createdAt: at(14) });
    tagByHand(f4);
    const s = store();
    const out = await run(s, f4.id);
    expect(out.freight?.id).toBe(f4.id);
    expect(out.held).toBe(false);
    expect(s.snapshots).toBe(1);
    // f3 is older than the hand-made f4: promoting it holds the stage.
    const back = await run(store(), f3.id);
    expect(back.freight?.id).toBe(f3.id);
    expect(back.held).toBe(true);
  });
});
