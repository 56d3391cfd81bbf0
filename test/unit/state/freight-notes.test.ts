import { describe, expect, test } from 'vitest';
import {
  nextStageMetadata,
  noteRefName,
  noteStamp,
  parseNote,
  parseNoteRef,
  parseStageState,
  resolveNotes,
  serializeNote,
  serializeStageState,
  type FreightNote,
} from '../../../src/state/index.js';
import { makeFreight } from '../../support/freight.js';

const a = makeFreight('1.0.0', { createdAt: '2026-11-01T10:00:00.000Z', alias: 'calm-rhino' });
const b = makeFreight('1.1.0', { createdAt: '2026-11-01T11:00:00.000Z', alias: 'lucky-jaguar' });

const alias = (freightId: string, to: string, at: string): FreightNote => ({
  kind: 'alias',
  record: { project: 'echo', freightId, alias: to, recordedAt: at, recordedBy: 'ci' },
});
const meta = (freightId: string, values: Record<string, unknown>, at: string): FreightNote => ({
  kind: 'metadata',
  record: { project: 'echo', freightId, values, recordedAt: at, recordedBy: 'ci' },
});
const tagged = (notes: FreightNote[]) =>
  notes.map((note, i) => ({ note, tag: `gantry/echo/${note.kind}/${note.record.freightId}/${i}` }));

describe('freight notes: the fold', () => {
  test('the newest alias record wins; freight without records keep their own', () => {
    const r = resolveNotes(
      [a, b],
      tagged([
        alias(a.id, 'v1', '2026-11-02T00:00:00.000Z'),
        alias(a.id, 'v1-final', '2026-11-03T00:00:00.000Z'),
      ]),
    );
    expect(r.aliases).toEqual(new Map([[a.id, 'v1-final']]));
    expect(r.denied).toEqual([]);
  });

  test('two freight claiming one alias: the first claim wins, the later freight keeps its alias', () => {
    const r = resolveNotes(
      [a, b],
      tagged([
        alias(b.id, 'golden', '2026-11-02T00:00:01.000Z'),
        alias(a.id, 'golden', '2026-11-02T00:00:00.000Z'),
      ]),
    );
    expect(r.aliases).toEqual(new Map([[a.id, 'golden']]));
    expect(r.denied.map((d) => [d.record.freightId, d.heldBy])).toEqual([[b.id, a.id]]);
  });

  test("a freight's own alias is a claim: another freight cannot take it, until it is released", () => {
    const held = resolveNotes([a, b], tagged([alias(b.id, 'calm-rhino', '2026-11-02T00:00:00Z')]));
    expect(held.aliases.size).toBe(0);
    expect(held.denied).toHaveLength(1);
    const released = resolveNotes(
      [a, b],
      tagged([
        alias(a.id, 'v1', '2026-11-02T00:00:00Z'),
        alias(b.id, 'calm-rhino', '2026-11-02T00:00:01Z'),
      ]),
    );
    expect(released.aliases).toEqual(
      new Map([
        [a.id, 'v1'],
        [b.id, 'calm-rhino'],
      ]),
    );
  });

  test('a record timed before its freight (a clock behind) still comes after the freight', () => {
    const r = resolveNotes([a], tagged([alias(a.id, 'early', '2026-10-01T00:00:00Z')]));
    expect(r.aliases.get(a.id)).toBe('early');
  });

  test('two freight tags with one alias: the later is shown with its ID', () => {
    const twin = { ...b, alias: a.alias };
    const r = resolveNotes([a, twin], []);
    expect(r.aliases).toEqual(new Map([[b.id, `${a.alias}-${b.id.slice(0, 7)}`]]));
  });

  test('metadata: later records replace keys one by one; other keys stay; unknown freight ignored', () => {
    const r = resolveNotes(
      [a],
      tagged([
        meta(a.id, { x: 1, y: { deep: true } }, '2026-11-02T00:00:00Z'),
        meta(a.id, { y: 'replaced', z: null }, '2026-11-03T00:00:00Z'),
        meta('9'.repeat(40), { x: 2 }, '2026-11-03T00:00:00Z'),
      ]),
    );
    expect(r.metadata).toEqual(new Map([[a.id, { x: 1, y: 'replaced', z: null }]]));
  });
});

describe('freight notes: tags', () => {
  test('names, stamps and documents round-trip; a document for another freight is refused', () => {
    const note = meta(a.id, { qux: ['a', 'b'] }, '2026-12-06T12:47:18.123Z');
    const stamp = noteStamp(new Date(note.record.recordedAt), 'abcd0123');
    expect(stamp).toBe('20261206T124718123Z-abcd0123');
    const name = noteRefName(note, stamp);
    expect(name).toBe(`refs/tags/gantry/echo/metadata/${a.id}/${stamp}`);
    const ref = parseNoteRef(name);
    expect(ref).toEqual({ project: 'echo', kind: 'metadata', freightId: a.id });
    const text = serializeNote(note);
    expect(text.split('\n')[0]).toBe(`metadata qux of freight ${a.id.slice(0, 7)}`);
    expect(parseNote(text, 'the tag', ref!)).toEqual(note);
    expect(() => parseNote(text, 'the tag', { ...ref!, freightId: b.id })).toThrow(
      /unreadable tag the tag: its document names echo\/[0-9a-f]{40}, not the tag's own/,
    );
    expect(parseNoteRef(`refs/tags/gantry/echo/freight/${a.id}`)).toBeUndefined();
  });
});

describe('stage metadata in the state file', () => {
  const state = {
    project: 'echo',
    stage: 'dev',
    freight: [],
    promotedAt: '2026-11-02T00:00:00.000Z',
    promotedBy: 'alice',
    approvedBy: [],
  };

  test('a state file written before metadata existed reads as no metadata', () => {
    const old = serializeStageState(state);
    expect(old).not.toContain('metadata');
    expect(parseStageState(old, 'x').metadata).toBeUndefined();
  });

  test('metadata is written and read back; keys set by a promotion replace, others stay', () => {
    const next = { ...state, ...nextStageMetadata({ metadata: { a: 1, b: 2 } }, { b: [3] }) };
    expect(next.metadata).toEqual({ a: 1, b: [3] });
    expect(parseStageState(serializeStageState(next), 'x').metadata).toEqual({ a: 1, b: [3] });
    expect(nextStageMetadata({ metadata: { a: 1 } }, undefined)).toEqual({ metadata: { a: 1 } });
    expect(nextStageMetadata(undefined, undefined)).toEqual({});
  });

  test('a metadata field that is not a mapping is refused, naming the file', () => {
    expect(() =>
      parseStageState(
        `${serializeStageState(state)}metadata: [1]\n`,
        'main:.gantry/state/echo/dev.yaml',
      ),
    ).toThrow(
      'unreadable stage state main:.gantry/state/echo/dev.yaml: field "metadata" must be a mapping',
    );
  });
});
