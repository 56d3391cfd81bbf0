import { describe, expect, test } from 'vitest';
import {
  byNewest,
  formatEntry,
  formatHeadMessage,
  headOf,
  parseHeadMessage,
  parseShard,
  sameHead,
  SHARD_LINES,
  toShards,
  xorOids,
  type IndexEntry,
} from '../../../src/state/freight-index.js';

const oid = (n: number) => n.toString(16).padStart(40, '0');
const entry = (n: number, extra: Partial<IndexEntry> = {}): IndexEntry => ({
  createdAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
  freightId: oid(n + 1_000_000),
  tagOid: oid(n + 1),
  warehouse: 'echo',
  alias: `a-${n}`,
  ...extra,
});

describe('the freight index', () => {
  test('count and XOR change with any tag added, removed or replaced, not with order', () => {
    const h = headOf([oid(1), oid(2), oid(3)]);
    expect(sameHead(h, headOf([oid(3), oid(1), oid(2)]))).toBe(true);
    expect(sameHead(h, headOf([oid(1), oid(2)]))).toBe(false);
    expect(sameHead(h, headOf([oid(1), oid(2), oid(4)]))).toBe(false);
    // Adding then removing one (XOR twice) is the set without it.
    expect(xorOids([oid(3)], h.xor)).toBe(headOf([oid(1), oid(2)]).xor);
  });

  test('the head message round-trips; a message without it is no index', () => {
    const h = headOf([oid(7)]);
    expect(parseHeadMessage(formatHeadMessage('echo', h, '+ a (1234567)'))).toEqual(h);
    expect(parseHeadMessage('something else\n')).toBeUndefined();
  });

  test('shards hold SHARD_LINES lines each, oldest first, and parse back', () => {
    const entries = Array.from({ length: SHARD_LINES + 3 }, (_, i) => entry(i));
    const shards = toShards(entries);
    expect(shards).toHaveLength(2);
    expect(parseShard(shards[1]!, 's1')).toEqual(entries.slice(SHARD_LINES));
    // Tabs or newlines in an alias cannot break a line.
    const odd = entry(1, { alias: 'a\tb\nc' });
    expect(parseShard(formatEntry(odd) + '\n', 'x')).toEqual([{ ...odd, alias: 'a b c' }]);
  });

  test('a damaged shard is an error naming it and the line', () => {
    expect(() => parseShard(`${formatEntry(entry(1))}\nnot a line\n`, 'abc1234:000003')).toThrow(
      'freight index abc1234:000003, line 2: expected',
    );
  });

  test('newest first; an entry without a time last', () => {
    const sorted = [entry(1), entry(3, { createdAt: '' }), entry(2)].sort(byNewest);
    expect(sorted.map((e) => e.alias)).toEqual(['a-2', 'a-1', 'a-3']);
  });
});
