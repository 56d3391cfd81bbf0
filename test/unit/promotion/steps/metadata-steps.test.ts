import { describe, expect, test } from 'vitest';
import { compileExpr, type ExprFunctions } from '../../../../src/expr/index.js';
import { notesFunctions, PromotionNotesRecorder } from '../../../../src/promotion/notes.js';
import { setFreightAlias } from '../../../../src/promotion/steps/set-freight-alias.js';
import { setMetadata, MAX_METADATA_BYTES } from '../../../../src/promotion/steps/set-metadata.js';
import { resolveNotes } from '../../../../src/state/index.js';
import { makeFreight } from '../../../support/freight.js';
import { stepContext } from '../../../support/steps.js';

const a = makeFreight('1.0.0', { alias: 'calm-rhino', createdAt: '2026-11-01T10:00:00.000Z' });
const b = makeFreight('1.1.0', { alias: 'lucky-jaguar', createdAt: '2026-11-01T11:00:00.000Z' });

function recorder() {
  return new PromotionNotesRecorder({
    project: 'echo',
    stage: 'dev',
    stages: ['dev', 'prod'],
    snap: { freight: [b, a], freightMetadata: { [a.id]: { kept: 1, over: 'old' } } },
    states: new Map([
      ['dev', undefined],
      [
        'prod',
        {
          project: 'echo',
          stage: 'prod',
          freight: [],
          promotedAt: '2026-11-01T12:00:00.000Z',
          promotedBy: 'alice',
          approvedBy: [],
          metadata: { region: 'eu' },
        },
      ],
    ]),
    recordedBy: 'test',
    now: () => new Date('2026-11-02T00:00:00.000Z'),
  });
}

/** Evaluates `source` with the functions, and `a`/`b` as the two freight IDs. */
const ev = (functions: ExprFunctions, source: string) =>
  compileExpr(source).evaluate({ a: a.id, b: b.id }, { functions });

const run = (config: Record<string, unknown>, notes = recorder()) =>
  setMetadata.run(config, stepContext('/nonexistent', { notes }));

describe('set-metadata', () => {
  test("refuses what Kargo's schema refuses, naming the field", async () => {
    await expect(run({})).rejects.toThrow('set-metadata: config.updates: must be a list');
    await expect(
      run({ updates: [{ kind: 'Warehouse', name: 'x', values: { a: 1 } }] }),
    ).rejects.toThrow(
      'set-metadata: config.updates[0].kind: must be Stage or Freight, got "Warehouse"',
    );
    await expect(run({ updates: [{ kind: 'Stage', name: 'dev', values: {} }] })).rejects.toThrow(
      'set-metadata: config.updates[0].values: must be a map of at least one key',
    );
    await expect(
      run({ updates: [{ kind: 'Stage', name: 'dev', values: { a: 1 }, extra: true }] }),
    ).rejects.toThrow('set-metadata: config.updates[0].extra: is not a field of this step');
    await expect(
      run({
        updates: [{ kind: 'Stage', name: 'dev', values: { a: 'x'.repeat(MAX_METADATA_BYTES) } }],
      }),
    ).rejects.toThrow(/config\.updates\[0\]\.values: holds \d+ bytes of JSON, more than 65536/);
    await expect(
      setMetadata.run(
        { updates: [{ kind: 'Stage', name: 'dev', values: { a: 1 } }] },
        stepContext('/nonexistent'),
      ),
    ).rejects.toThrow('set-metadata: runs in a promotion only');
  });

  test('unknown stages and freight are errors; keys merge one by one and later reads see them', async () => {
    const notes = recorder();
    await expect(
      run({ updates: [{ kind: 'Stage', name: 'dve', values: { a: 1 } }] }, notes),
    ).rejects.toThrow('set-metadata: no stage "dve" in project echo (did you mean "dev"?)');
    await expect(
      run({ updates: [{ kind: 'Freight', name: 'calm-rhino', values: { a: 1 } }] }, notes),
    ).rejects.toThrow(`("calm-rhino" is the alias of ${a.id}: pass its ID)`);
    const res = await run(
      {
        updates: [
          { kind: 'Stage', name: 'dev', values: { a: 1, when: new Date('2026-11-02T00:00:00Z') } },
          { kind: 'Freight', name: a.id, values: { over: 'new', n: null } },
        ],
      },
      notes,
    );
    expect(res.summary).toEqual(['- stage metadata: a, when']);
    const fn = notesFunctions(notes);
    expect(ev(fn, 'stageMetadata("dev")')).toEqual({ a: 1, when: '2026-11-02T00:00:00.000Z' });
    expect(ev(fn, 'stageMetadata("prod")')).toEqual({ region: 'eu' });
    expect(ev(fn, 'stageMetadata("nope")')).toBeNull();
    expect(ev(fn, 'freightMetadata(a)')).toEqual({ kept: 1, over: 'new', n: null });
    expect(ev(fn, 'freightMetadata(a, "kept")')).toBe(1);
    expect(ev(fn, 'freightMetadata(a, "missing")')).toBeNull();
    expect(ev(fn, 'freightMetadata(b)')).toBeNull();
    expect(() => ev(fn, 'freightMetadata("")')).toThrow(
      'freightMetadata(): the freight name must not be empty',
    );
    expect(() => ev(fn, 'stageMetadata(1)')).toThrow('stageMetadata(): argument 1 must be string');
    // Without a promotion (no notes): nil.
    expect(ev(notesFunctions(undefined), 'stageMetadata("dev")')).toBeNull();
    // What the attempt would write: one record per freight, timed after everything read.
    const pending = notes.pendingNotes();
    expect(pending).toEqual([
      {
        kind: 'metadata',
        record: {
          project: 'echo',
          freightId: a.id,
          values: { over: 'new', n: null },
          recordedAt: '2026-11-02T00:00:00.000Z',
          recordedBy: 'test',
          stage: 'dev',
        },
      },
    ]);
    expect(notes.ownStageMetadata()).toEqual({ a: 1, when: '2026-11-02T00:00:00.000Z' });
  });
});

describe('set-freight-alias', () => {
  const alias = (config: Record<string, unknown>, notes = recorder()) =>
    setFreightAlias.run(config, stepContext('/nonexistent', { notes }));

  test("Kargo's rules: a label value, unique in the project; the same alias again is no change", async () => {
    await expect(alias({ name: a.id, alias: '-bad' })).rejects.toThrow(
      'set-freight-alias: alias "-bad" is not valid',
    );
    await expect(alias({ name: a.id, alias: 'x'.repeat(64) })).rejects.toThrow('is not valid');
    await expect(alias({ name: a.id, alias: 'lucky-jaguar' })).rejects.toThrow(
      `set-freight-alias: alias "lucky-jaguar" is already used by freight ${b.id.slice(0, 7)} in project echo`,
    );
    await expect(alias({ name: a.id })).rejects.toThrow('config.alias: must be a non-empty string');
    const notes = recorder();
    await alias({ name: a.id, alias: 'v1.0.0_final' }, notes);
    // Now b may not take it, and a's old alias is free for b.
    await expect(alias({ name: b.id, alias: 'v1.0.0_final' }, notes)).rejects.toThrow(
      'already used',
    );
    await alias({ name: b.id, alias: 'calm-rhino' }, notes);
    // a gives up v1.0.0_final, b takes it: four changes, in order.
    await alias({ name: a.id, alias: 'lucky-jaguar' }, notes);
    await alias({ name: b.id, alias: 'v1.0.0_final' }, notes);
    const pending = notes.pendingNotes();
    expect(pending.map((n) => [n.record.freightId, 'alias' in n.record && n.record.alias])).toEqual(
      [
        [a.id, 'v1.0.0_final'],
        [b.id, 'calm-rhino'],
        [a.id, 'lucky-jaguar'],
        [b.id, 'v1.0.0_final'],
      ],
    );
    // Folded as every reader will fold them, whatever the tags' random suffixes.
    const tagged = pending.map((note, i) => ({ note, tag: `t/${'zyxw'[i]}` }));
    expect(resolveNotes([a, b], tagged).aliases).toEqual(
      new Map([
        [a.id, 'lucky-jaguar'],
        [b.id, 'v1.0.0_final'],
      ]),
    );
    const same = recorder();
    await alias({ name: a.id, alias: 'calm-rhino' }, same);
    expect(same.pendingNotes()).toEqual([]);
  });
});
