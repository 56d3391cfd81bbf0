import { describe, expect, test } from 'vitest';
import type { IndexEntry } from '../../../src/state/freight-index.js';
import { promotionFreightIds } from '../../../src/state/promote-reads.js';

const id = (n: number) => n.toString(16).padStart(40, 'a');
const entry = (n: number, warehouse = 'echo', alias = `a-${n}`): IndexEntry => ({
  createdAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
  freightId: id(n),
  tagOid: n.toString(16).padStart(40, '0'),
  warehouse,
  alias,
});

describe('the freight a promotion of named freight reads', () => {
  const entries = [entry(1), entry(2), entry(3, 'web'), entry(4), entry(5, 'web')];

  test('the freight and the newer ones of its warehouse only', () => {
    expect(promotionFreightIds(id(2), entries, [])).toEqual(new Set([id(2), id(4)]));
    expect(promotionFreightIds('A-3', entries, [])).toEqual(new Set([id(3), id(5)]));
  });

  test('a full ID is never an alias; a prefix may be, and alias tags may name it', () => {
    // Alias tags cannot make a full ID mean other freight.
    expect(promotionFreightIds(id(4), entries, [id(1)])).toEqual(new Set([id(4)]));
    // A name that is not an ID: whatever an alias tag may have given it is read too.
    expect(promotionFreightIds('renamed', entries, [id(1)])).toEqual(
      new Set([id(1), id(2), id(4)]),
    );
    // Every freight a prefix matches (resolving says when it is ambiguous).
    expect(promotionFreightIds(id(1).slice(0, 30), entries, [])?.size).toBe(5);
  });

  test('undefined when the index cannot tell: nothing matches, or a match has no time', () => {
    expect(promotionFreightIds('nope', entries, [])).toBeUndefined();
    expect(promotionFreightIds(' ', entries, [])).toBeUndefined();
    expect(
      promotionFreightIds(id(9), [...entries, { ...entry(9), createdAt: '' }], []),
    ).toBeUndefined();
  });

  test('an entry without a time is read whatever its time was', () => {
    const unreadable = { ...entry(0), createdAt: '' };
    expect(promotionFreightIds(id(4), [...entries, unreadable], [])).toEqual(
      new Set([id(4), id(0)]),
    );
  });
});
