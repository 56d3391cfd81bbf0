import { describe, expect, test } from 'vitest';
import {
  autoPromotionDecision,
  autoPromotionEnabled,
  matchingPolicy,
  nameMatches,
  policyMatches,
  selectorNameProblem,
  type AutoStageState,
  type PromotionPolicy,
} from '../../../src/pipeline/auto-promotion.js';
// re2js, as the commands that run expressions and patterns load it (util/regex.ts).
import '../../../src/util/regex.js';

describe('which stages a promotion policy names', () => {
  const table: [pattern: string, stage: string, matches: boolean][] = [
    ['prod', 'prod', true],
    ['prod', 'prod-eu', false],
    ['glob:prod-*', 'prod-eu', true],
    ['glob:prod-*', 'prod', false],
    ['glob:prod-?', 'prod-1', true],
    ['glob:prod-?', 'prod-12', false],
    ['glob:prod-[ab]', 'prod-a', true],
    ['glob:prod-[!ab]', 'prod-a', false],
    ['glob:prod-[!ab]', 'prod-c', true],
    ['glob:{dev,test}', 'test', true],
    ['glob:{dev,test}', 'staging', false],
    ['glob:a.b', 'axb', false],
    // regex: is unanchored, as Go's MatchString
    ['regex:^prod-', 'prod-eu', true],
    ['regex:eu', 'prod-eu', true],
    ['regex:^eu', 'prod-eu', false],
    ['regexp:(us|eu)$', 'prod-us', true],
    ['regexp:(us|eu)$', 'prod-ap', false],
    ['regex:(', 'anything', false],
  ];
  test.each(table)('%s against %s: %s', (pattern, stage, matches) => {
    expect(nameMatches(pattern, stage)).toBe(matches);
  });

  test('a regex that does not compile is named with Go’s message; the others are fine', () => {
    expect(selectorNameProblem('regex:(')).toMatch(/error parsing regexp: missing closing \)/);
    expect(selectorNameProblem('glob:[')).toBeUndefined();
    expect(selectorNameProblem('prod')).toBeUndefined();
  });

  test('stage, or the selector (name and labels both) when there is one', () => {
    const eu = { name: 'prod-eu', labels: { tier: 'prod', region: 'eu' } };
    expect(policyMatches({ stage: 'prod-eu' }, eu)).toBe(true);
    expect(policyMatches({ stage: 'prod' }, eu)).toBe(false);
    // The selector wins over stage when both are written, as in Kargo.
    expect(policyMatches({ stage: 'prod-eu', stageSelector: { name: 'dev' } }, eu)).toBe(false);
    expect(policyMatches({ stageSelector: { matchLabels: { tier: 'prod' } } }, eu)).toBe(true);
    expect(
      policyMatches({ stageSelector: { name: 'glob:prod-*', matchLabels: { tier: 'dev' } } }, eu),
    ).toBe(false);
    const expr = (operator: string, values?: string[]): PromotionPolicy => ({
      stageSelector: { matchExpressions: [{ key: 'region', operator, ...(values && { values }) }] },
    });
    expect(policyMatches(expr('In', ['eu', 'us']), eu)).toBe(true);
    expect(policyMatches(expr('NotIn', ['eu']), eu)).toBe(false);
    expect(policyMatches(expr('Exists'), eu)).toBe(true);
    expect(policyMatches(expr('DoesNotExist'), eu)).toBe(false);
    expect(policyMatches(expr('NotIn', ['eu']), { name: 'x' })).toBe(true);
  });

  test('the first matching policy decides; none, or one without the field, means off', () => {
    const policies: PromotionPolicy[] = [
      { stage: 'prod-eu', autoPromotionEnabled: false },
      { stageSelector: { name: 'glob:prod-*' }, autoPromotionEnabled: true },
      { stageSelector: { name: 'regex:^qa' } },
    ];
    expect(matchingPolicy(policies, { name: 'prod-eu' })).toBe(0);
    expect(autoPromotionEnabled(policies, { name: 'prod-eu' })).toBe(false);
    expect(autoPromotionEnabled(policies, { name: 'prod-us' })).toBe(true);
    expect(autoPromotionEnabled(policies, { name: 'qa' })).toBe(false);
    expect(matchingPolicy(policies, { name: 'dev' })).toBe(-1);
    expect(autoPromotionEnabled(policies, { name: 'dev' })).toBe(false);
  });
});

describe('may this stage auto-promote this freight now', () => {
  const newest = { id: 'b'.repeat(40), alias: 'new-one' };
  const older = { id: 'a'.repeat(40), alias: 'old-one' };
  const hold = { since: '2026-01-01T00:00:00Z', by: 'ana', reason: 'rolled back to old-one' };
  const runs = (id: string, h?: typeof hold): AutoStageState => ({
    freight: [{ id, origin: { name: 'w' } }],
    ...(h && { autoPromotionHold: h }),
  });
  const rows: [
    string,
    { auto: boolean; state?: AutoStageState; candidate?: typeof newest },
    string,
  ][] = [
    ['never promoted, auto on', { auto: true, candidate: newest }, 'due'],
    ['runs older, auto on', { auto: true, state: runs(older.id), candidate: newest }, 'due'],
    ['nothing available', { auto: true, state: runs(older.id) }, 'none'],
    ['already runs it', { auto: true, state: runs(newest.id), candidate: newest }, 'current'],
    ['auto off', { auto: false, state: runs(older.id), candidate: newest }, 'off'],
    ['held', { auto: true, state: runs(older.id, hold), candidate: newest }, 'held'],
    // Up to date wins over held and off: nothing to promote, whatever the stage's setting.
    [
      'held, but current',
      { auto: true, state: runs(newest.id, hold), candidate: newest },
      'current',
    ],
    ['off and held', { auto: false, state: runs(older.id, hold), candidate: newest }, 'off'],
  ];
  test.each(rows)('%s', (_, q, expected) => {
    const d = autoPromotionDecision({
      autoPromotion: q.auto,
      state: q.state,
      origin: 'w',
      candidate: q.candidate,
    });
    expect(d.due ? 'due' : d.why).toBe(expected);
  });

  test('another warehouse’s current freight does not count', () => {
    const state: AutoStageState = { freight: [{ id: newest.id, origin: { name: 'other' } }] };
    expect(
      autoPromotionDecision({ autoPromotion: true, state, origin: 'w', candidate: newest }).due,
    ).toBe(true);
  });

  test('the reasons discover and verify print', () => {
    const d = autoPromotionDecision({
      autoPromotion: true,
      state: runs(older.id, hold),
      origin: 'w',
      candidate: newest,
    });
    expect(d).toEqual({
      due: false,
      why: 'held',
      reason: 'held since 2026-01-01T00:00:00Z by ana: rolled back to old-one',
    });
    expect(
      autoPromotionDecision({
        autoPromotion: false,
        state: undefined,
        origin: 'w',
        candidate: newest,
      }),
    ).toMatchObject({ reason: 'auto-promotion is off: promote it by hand' });
  });
});
