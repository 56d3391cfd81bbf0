import { describe, expect, test } from 'vitest';
import { parseDuration } from '../../../src/pipeline/duration.js';
import { parseAge, planPrune, ranSince, type PruneCandidate } from '../../../src/freight/prune.js';

const c = (id: string, createdAt: string, warehouse = 'echo'): PruneCandidate => ({
  freightId: id.padEnd(40, '0'),
  alias: id,
  warehouse,
  createdAt,
});
const none = {
  current: new Set<string>(),
  ranRecently: new Set<string>(),
  approved: new Set<string>(),
};

describe('planPrune', () => {
  test('keeps the newest N of each warehouse, however old', () => {
    const plan = planPrune(
      [c('a', '2026-01-01'), c('b', '2026-01-02'), c('x', '2026-01-01', 'other')],
      { keep: 1, cutoff: new Date('2026-06-01') },
      none,
    );
    expect(plan.remove.map((f) => f.alias)).toEqual(['a']);
    expect(plan.kept.newest).toBe(2);
  });

  test('never removes current, recent, lately run, approved or unreadable freight', () => {
    const all = ['a', 'b', 'c', 'd', 'e', 'f'].map((x, i) => c(x, `2026-01-0${i + 1}`));
    const id = (x: string) => x.padEnd(40, '0');
    const plan = planPrune(
      [...all, c('u', ''), c('n', '2026-07-01')],
      { keep: 1, cutoff: new Date('2026-06-01') },
      {
        current: new Set([id('a')]),
        ranRecently: new Set([id('b')]),
        approved: new Set([id('c')]),
      },
    );
    expect(plan.remove.map((f) => f.alias)).toEqual(['d', 'e', 'f']);
    expect(plan.kept).toEqual({
      newest: 1,
      recent: 0,
      current: 1,
      'ran-recently': 1,
      'history-unread': 0,
      approved: 1,
      unreadable: 1,
    });
  });

  test('keeps every freight created before the promotion history read ends', () => {
    // History was read back to March only: a freight created before then may have run in a
    // stage after the cutoff in the part not read; one created later cannot have run there.
    const plan = planPrune(
      [
        c('a', '2026-01-01T00:00:00.000Z'),
        c('b', '2026-04-01T00:00:00.000Z'),
        c('n', '2026-07-01'),
      ],
      { keep: 1, cutoff: new Date('2026-06-01') },
      { ...none, historyFrom: '2026-03-01T00:00:00.000Z' },
    );
    expect(plan.remove.map((f) => f.alias)).toEqual(['b']);
    expect(plan.kept['history-unread']).toBe(1);
  });
});

test('ranSince: promotions since the cutoff, and what each stage ran when it opened', () => {
  const p = (stage: string, freightId: string, promotedAt: string, warehouse?: string) => ({
    stage,
    freightId,
    promotedAt,
    ...(warehouse ? { warehouse } : {}),
  });
  const ran = ranSince(
    [
      p('dev', 'new', '2026-06-10T00:00:00Z'),
      p('dev', 'at-cutoff', '2026-05-20T00:00:00Z'),
      p('dev', 'older', '2026-05-10T00:00:00Z'),
      p('dev', 'other-wh', '2026-05-01T00:00:00Z', 'charts'),
      p('prod', 'prod-at-cutoff', '2026-04-01T00:00:00Z'),
    ],
    new Date('2026-06-01T00:00:00Z'),
  );
  expect([...ran].sort()).toEqual(['at-cutoff', 'new', 'other-wh', 'prod-at-cutoff']);
});

test('parseAge takes days and Go durations', () => {
  expect(parseAge('30d', parseDuration)).toBe(30 * 86_400_000);
  expect(parseAge('1h30m', parseDuration)).toBe(5_400_000);
  expect(() => parseAge('soon', parseDuration)).toThrow(/invalid duration "soon"/);
});
