import { describe, expect, test } from 'vitest';
import type { Freight } from '../../../src/freight/types.js';
import type { FreightRequest, Project, Stage } from '../../../src/pipeline/types.js';
import {
  freightAvailability,
  promotionCandidate,
  resolveFreight,
  soakFromHistory,
  type AvailabilityFacts,
} from '../../../src/promotion/availability.js';
import {
  toStageFreight,
  type ApprovalRecord,
  type PromotionRecord,
  type StageState,
  type VerificationRecord,
} from '../../../src/state/index.js';
import { ConfigError } from '../../../src/util/errors.js';
import { downstreamOf } from '../../../src/verification/verify.js';
import { makeFreight } from '../../support/freight.js';

const H = 3_600_000;
const NOW = new Date('2026-11-22T12:00:00.000Z');

function stage(
  name: string,
  requested: (Partial<FreightRequest['sources']> & { from?: string })[],
): Stage {
  return {
    name,
    environment: name,
    autoPromotion: true,
    promotionTemplate: { mode: 'direct', vars: [], steps: [] },
    verification: [],
    requestedFreight: requested.map(({ from, ...sources }) => ({
      origin: { kind: 'Warehouse', name: from ?? 'fake-warehouse' },
      sources: { direct: false, stages: [], availabilityStrategy: 'OneOf', ...sources },
    })),
  };
}

const verified = (stageName: string, f: Freight, project = 'p'): VerificationRecord => ({
  project,
  stage: stageName,
  freightId: f.id,
  alias: f.alias,
  verifiedAt: '2026-11-22T00:00:00.000Z',
  verifiedBy: 'ci',
});

const approved = (stageName: string, f: Freight, project = 'p'): ApprovalRecord => ({
  project,
  stage: stageName,
  freightId: f.id,
  alias: f.alias,
  approvedAt: '2026-11-22T00:00:00.000Z',
  approvedBy: 'alice',
});

function facts(
  o: {
    verifications?: VerificationRecord[];
    approvals?: ApprovalRecord[];
    soak?: Record<string, number>;
    since?: Record<string, Date>;
    project?: string;
  } = {},
): AvailabilityFacts {
  return {
    verifications: o.verifications ?? [],
    approvals: o.approvals ?? [],
    soak: (s) => o.soak?.[s],
    currentSince: (s) => o.since?.[s],
    project: o.project,
  };
}

describe('freightAvailability (conformance K: TestStage_IsFreightAvailable)', () => {
  const f = makeFreight('1.0.0', { warehouse: 'fake-warehouse' });
  const up = 'upstream-stage';
  const cases: {
    name: string;
    stage: Stage | undefined;
    freight?: Freight | null;
    facts: AvailabilityFacts;
    available: boolean;
  }[] = [
    { name: 'stage nil', stage: undefined, facts: facts(), available: false },
    {
      name: 'freight nil',
      stage: stage('fake-stage', [{ direct: true }]),
      freight: null,
      facts: facts(),
      available: false,
    },
    {
      name: 'different namespaces (records of another project)',
      stage: stage('fake-stage', [{ stages: [up] }]),
      facts: facts({
        project: 'p',
        approvals: [approved('fake-stage', f, 'other')],
        verifications: [verified(up, f, 'other')],
      }),
      available: false,
    },
    {
      name: 'no request for origin, approved for the stage',
      stage: stage('fake-stage', [{ from: 'other-warehouse', direct: true }]),
      facts: facts({ approvals: [approved('fake-stage', f)] }),
      available: false,
    },
    {
      name: 'approved for the stage',
      stage: stage('fake-stage', [{ stages: [up] }]),
      facts: facts({ approvals: [approved('fake-stage', f)] }),
      available: true,
    },
    {
      name: 'direct',
      stage: stage('fake-stage', [{ direct: true }]),
      facts: facts(),
      available: true,
    },
    {
      name: 'verified upstream',
      stage: stage('fake-stage', [{ stages: [up] }]),
      facts: facts({ verifications: [verified(up, f)] }),
      available: true,
    },
    {
      name: 'verified upstream, soak 1h required, never current there',
      stage: stage('fake-stage', [{ stages: [up], requiredSoakTimeMs: H }]),
      facts: facts({ verifications: [verified(up, f)] }),
      available: false,
    },
    {
      name: 'verified upstream, soak 2h required, longest soak 1h',
      stage: stage('fake-stage', [{ stages: [up], requiredSoakTimeMs: 2 * H }]),
      facts: facts({ verifications: [verified(up, f)], soak: { [up]: H } }),
      available: false,
    },
    {
      name: 'verified upstream, soak 1h required, longest soak 1h (≥ counts)',
      stage: stage('fake-stage', [{ stages: [up], requiredSoakTimeMs: H }]),
      facts: facts({ verifications: [verified(up, f)], soak: { [up]: H } }),
      available: true,
    },
    {
      name: 'All of two, soak 1h, verified in up-1 (2h) only',
      stage: stage('fake-stage', [
        { stages: ['up-1', 'up-2'], requiredSoakTimeMs: H, availabilityStrategy: 'All' },
      ]),
      facts: facts({ verifications: [verified('up-1', f)], soak: { 'up-1': 2 * H } }),
      available: false,
    },
    {
      name: 'All of two, soak 1h, verified in both (2h each)',
      stage: stage('fake-stage', [
        { stages: ['up-1', 'up-2'], requiredSoakTimeMs: H, availabilityStrategy: 'All' },
      ]),
      facts: facts({
        verifications: [verified('up-1', f), verified('up-2', f)],
        soak: { 'up-1': 2 * H, 'up-2': 2 * H },
      }),
      available: true,
    },
    {
      name: 'freight from the wrong warehouse, verified upstream',
      stage: stage('fake-stage', [{ from: 'wrong-warehouse', stages: [up] }]),
      facts: facts({ verifications: [verified(up, f)] }),
      available: false,
    },
  ];
  test.each(cases)('$name ⇒ $available', (c) => {
    const freight = c.freight === null ? undefined : (c.freight ?? f);
    const got = freightAvailability(c.stage, freight, c.facts, NOW);
    expect(got.available).toBe(c.available);
    expect(got.reasons.length > 0).toBe(!c.available);
  });
});

describe('freightAvailability reasons', () => {
  const f = makeFreight('1.0.0', { warehouse: 'echo' });

  test('names the upstream stage that has not verified the freight', () => {
    const s = stage('prod', [{ from: 'echo', stages: ['staging'] }]);
    expect(freightAvailability(s, f, facts(), NOW)).toEqual({
      available: false,
      reasons: ['not verified in staging'],
    });
  });

  test('says how much soak is missing and when the freight still soaking becomes available', () => {
    const s = stage('prod', [{ from: 'echo', stages: ['staging'], requiredSoakTimeMs: H }]);
    const since = new Date(NOW.getTime() - 20 * 60_000);
    const got = freightAvailability(
      s,
      f,
      facts({
        verifications: [verified('staging', f)],
        soak: { staging: 20 * 60_000 + 999 },
        since: { staging: since },
      }),
      NOW,
    );
    expect(got).toEqual({
      available: false,
      reasons: [
        'needs 1h of soak time in staging; has 20m (available at 2026-11-22T12:40:00.000Z)',
      ],
      availableAt: new Date('2026-11-22T12:40:00.000Z'),
    });
  });

  test('soak that ended (freight replaced) gives no time of availability', () => {
    const s = stage('prod', [{ from: 'echo', stages: ['staging'], requiredSoakTimeMs: H }]);
    const got = freightAvailability(
      s,
      f,
      facts({ verifications: [verified('staging', f)], soak: { staging: 30 * 60_000 } }),
      NOW,
    );
    expect(got.reasons).toEqual([
      'needs 1h of soak time in staging; has 30m and no longer runs there',
    ]);
    expect(got.availableAt).toBeUndefined();
    const never = freightAvailability(
      s,
      f,
      facts({ verifications: [verified('staging', f)] }),
      NOW,
    );
    expect(never.reasons).toEqual(['needs 1h of soak time in staging; has not run there']);
  });

  test('a warehouse the stage does not request', () => {
    const other = makeFreight('1.0.0', { warehouse: 'other' });
    const s = stage('prod', [{ from: 'echo', direct: true }]);
    expect(freightAvailability(s, other, facts(), NOW).reasons).toEqual([
      'warehouse other is not requested by stage prod',
    ]);
  });

  test('OneOf lists every upstream; the earliest soaking one gives availableAt', () => {
    const s = stage('prod', [{ from: 'echo', stages: ['a', 'b', 'c'], requiredSoakTimeMs: H }]);
    const got = freightAvailability(
      s,
      f,
      facts({
        verifications: [verified('b', f), verified('c', f)],
        soak: { b: 10 * 60_000, c: 40 * 60_000 },
        since: {
          b: new Date(NOW.getTime() - 10 * 60_000),
          c: new Date(NOW.getTime() - 40 * 60_000),
        },
      }),
      NOW,
    );
    expect(got.available).toBe(false);
    expect(got.reasons[0]).toBe('needs one of a, b, c');
    expect(got.reasons).toContain('not verified in a');
    expect(got.availableAt).toEqual(new Date('2026-11-22T12:20:00.000Z'));
  });

  test('All: availableAt is the last upstream to finish soaking, none while one is unverified', () => {
    const s = stage('prod', [
      { from: 'echo', stages: ['a', 'b'], requiredSoakTimeMs: H, availabilityStrategy: 'All' },
    ]);
    const soaking = {
      soak: { a: 10 * 60_000, b: 40 * 60_000 },
      since: { a: new Date(NOW.getTime() - 10 * 60_000), b: new Date(NOW.getTime() - 40 * 60_000) },
    };
    const both = freightAvailability(
      s,
      f,
      facts({ verifications: [verified('a', f), verified('b', f)], ...soaking }),
      NOW,
    );
    expect(both.reasons[0]).toBe('needs all of a, b (availabilityStrategy All)');
    expect(both.availableAt).toEqual(new Date('2026-11-22T12:50:00.000Z'));
    const one = freightAvailability(
      s,
      f,
      facts({ verifications: [verified('b', f)], ...soaking }),
      NOW,
    );
    expect(one.availableAt).toBeUndefined();
    expect(one.reasons).toContain('not verified in a');
  });

  test('says what made it available', () => {
    const s = stage('prod', [{ from: 'echo', stages: ['staging'] }]);
    expect(freightAvailability(s, f, facts({ approvals: [approved('prod', f)] }), NOW).via).toBe(
      'approval',
    );
    expect(
      freightAvailability(s, f, facts({ verifications: [verified('staging', f)] }), NOW).via,
    ).toBe('verification');
  });
});

function promo(stageName: string, f: Freight, promotedAt: string): PromotionRecord {
  return {
    project: 'p',
    stage: stageName,
    branch: 'main',
    freightId: f.id,
    alias: f.alias,
    commit: f.id,
    promotedAt,
    promotedBy: 'ci',
    approvedBy: [],
    subject: `promote(p/${stageName}): ${f.alias}`,
  };
}

describe('soakFromHistory', () => {
  const a = makeFreight('a', { warehouse: 'echo' });
  const b = makeFreight('b', { warehouse: 'echo' });
  const t = makeFreight('t', { warehouse: 'tools' });
  const at = (h: number) => new Date(NOW.getTime() - h * H).toISOString();

  test('current freight soaks from its promotion until now', () => {
    const idx = soakFromHistory([promo('staging', a, at(3))], [a], NOW);
    expect(idx.soak('staging', a.id)).toBe(3 * H);
    expect(idx.currentSince('staging', a.id)).toEqual(new Date(at(3)));
    expect(idx.soak('prod', a.id)).toBeUndefined();
    expect(idx.soak('staging', b.id)).toBeUndefined();
  });

  test('the next promotion of the same warehouse ends the interval; other warehouses do not', () => {
    // Newest first, as StateStore.promotions returns them.
    const history = [
      promo('staging', b, at(2)),
      promo('staging', t, at(4)),
      promo('staging', a, at(5)),
    ];
    const idx = soakFromHistory(history, [a, b, t], NOW);
    expect(idx.soak('staging', a.id)).toBe(3 * H);
    expect(idx.currentSince('staging', a.id)).toBeUndefined();
    expect(idx.soak('staging', b.id)).toBe(2 * H);
    expect(idx.soak('staging', t.id)).toBe(4 * H);
    expect(idx.currentSince('staging', t.id)).toEqual(new Date(at(4)));
  });

  test('the longest of several intervals counts, and re-promoting does not restart the clock', () => {
    const history = [
      promo('staging', a, at(1)), // rolled forward again: 1h so far
      promo('staging', b, at(2)),
      promo('staging', a, at(5)), // same freight again: still the interval from 6h ago
      promo('staging', a, at(6)),
      promo('staging', b, at(8)),
    ];
    const idx = soakFromHistory(history, [a, b], NOW);
    expect(idx.soak('staging', a.id)).toBe(4 * H);
    expect(idx.currentSince('staging', a.id)).toEqual(new Date(at(1)));
    expect(idx.soak('staging', b.id)).toBe(2 * H);
  });

  test('stages are separate histories', () => {
    const idx = soakFromHistory(
      [promo('prod', b, at(1)), promo('staging', b, at(2)), promo('prod', a, at(9))],
      [a, b],
      NOW,
    );
    expect(idx.soak('prod', a.id)).toBe(8 * H);
    expect(idx.soak('staging', b.id)).toBe(2 * H);
    expect(idx.soak('prod', b.id)).toBe(1 * H);
  });

  test('freight of unknown origin ends every running interval (never overcounts)', () => {
    const ghost = makeFreight('ghost', { warehouse: 'gone' });
    const idx = soakFromHistory(
      [promo('staging', ghost, at(1)), promo('staging', t, at(3)), promo('staging', a, at(4))],
      [a, t],
      NOW,
    );
    expect(idx.soak('staging', a.id)).toBe(3 * H);
    expect(idx.soak('staging', t.id)).toBe(2 * H);
    expect(idx.currentSince('staging', a.id)).toBeUndefined();
  });

  test('freight promoted before the history given: the state file gives a lower bound', () => {
    const state = (freight: Freight[], promotedAt: string): StageState => ({
      project: 'p',
      stage: 'staging',
      freight: freight.map(toStageFreight),
      promotedAt,
      promotedBy: 'ci',
      approvedBy: [],
    });
    // History holds only a prod promotion 2h ago; staging runs `a` since its last promotion (5h).
    const history = [promo('prod', b, at(2))];
    const bounded = soakFromHistory(
      history,
      [a, b],
      NOW,
      new Map([['staging', state([a], at(5))]]),
    );
    expect(bounded.soak('staging', a.id)).toBe(5 * H);
    expect(bounded.currentSince('staging', a.id)).toEqual(new Date(at(5)));
    // promotedAt newer than the oldest record given (another warehouse moved): the window decides.
    const windowed = soakFromHistory(
      history,
      [a, b],
      NOW,
      new Map([['staging', state([a], at(1))]]),
    );
    expect(windowed.soak('staging', a.id)).toBe(2 * H);
    // Without history, the state file alone still says "at least since promotedAt".
    expect(
      soakFromHistory([], [a], NOW, new Map([['staging', state([a], at(3))]])).soak(
        'staging',
        a.id,
      ),
    ).toBe(3 * H);
    // History of that warehouse in that stage wins over a state file that disagrees (a revert).
    const reverted = soakFromHistory(
      [promo('staging', b, at(1)), promo('staging', a, at(9))],
      [a, b],
      NOW,
      new Map([['staging', state([a], at(9))]]),
    );
    expect(reverted.soak('staging', a.id)).toBe(8 * H);
    expect(reverted.currentSince('staging', a.id)).toBeUndefined();
    expect(reverted.currentSince('staging', b.id)).toEqual(new Date(at(1)));
  });

  test('a promotion dated after now (clock skew) soaks zero, not negative', () => {
    const idx = soakFromHistory([promo('staging', a, at(-1))], [a], NOW);
    expect(idx.soak('staging', a.id)).toBe(0);
  });

  test('feeds freightAvailability: soaked freight is available, soaking freight says when', () => {
    const s = stage('prod', [{ from: 'echo', stages: ['staging'], requiredSoakTimeMs: 2 * H }]);
    const history = [promo('staging', b, at(1)), promo('staging', a, at(4))];
    const f = {
      verifications: [verified('staging', a), verified('staging', b)],
      approvals: [],
      ...soakFromHistory(history, [a, b], NOW),
    };
    expect(freightAvailability(s, a, f, NOW).available).toBe(true);
    expect(freightAvailability(s, b, f, NOW)).toMatchObject({
      available: false,
      availableAt: new Date(NOW.getTime() + H),
    });
  });
});

describe('promotionCandidate (conformance L: NewestFreight)', () => {
  const s = stage('fake-stage', [
    { from: 'W', direct: true },
    { from: 'Other', direct: true },
  ]);

  test('newest freight per requested warehouse', () => {
    const older = { ...makeFreight('older', { warehouse: 'W' }), createdAt: at(-60) };
    const newer = { ...makeFreight('newer', { warehouse: 'W' }), createdAt: at(0) };
    const other = { ...makeFreight('other', { warehouse: 'Other' }), createdAt: at(-30) };
    const got = promotionCandidate(s, [newer, other, older], facts(), NOW);
    expect([...got].map(([w, f]) => [w, f.id])).toEqual([
      ['W', newer.id],
      ['Other', other.id],
    ]);
  });

  test('ties on creation time go to the ID that sorts last', () => {
    const x = { ...makeFreight('x', { warehouse: 'W' }), id: 'a'.repeat(40) };
    const y = { ...makeFreight('y', { warehouse: 'W' }), id: 'b'.repeat(40) };
    expect(promotionCandidate(s, [x, y], facts(), NOW).get('W')?.id).toBe('b'.repeat(40));
    expect(promotionCandidate(s, [y, x], facts(), NOW).get('W')?.id).toBe('b'.repeat(40));
  });

  test('only available freight is a candidate; none available means no entry', () => {
    const prod = stage('prod', [{ from: 'W', stages: ['staging'] }]);
    const older = { ...makeFreight('older', { warehouse: 'W' }), createdAt: at(-60) };
    const newer = { ...makeFreight('newer', { warehouse: 'W' }), createdAt: at(0) };
    const got = promotionCandidate(
      prod,
      [newer, older],
      facts({ verifications: [verified('staging', older)] }),
      NOW,
    );
    expect(got.get('W')?.id).toBe(older.id);
    expect(promotionCandidate(prod, [newer, older], facts(), NOW).size).toBe(0);
  });

  function at(minutes: number) {
    return new Date(NOW.getTime() + minutes * 60_000).toISOString();
  }
});

describe('resolveFreight', () => {
  const calm = {
    ...makeFreight('1'),
    id: '3c24af624b7f47b707eae925e1d9b81e29c1b026',
    alias: 'calm-rhino',
  };
  const lucky = {
    ...makeFreight('2'),
    id: '3c24af6aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    alias: 'lucky-jaguar',
  };
  const oaken = {
    ...makeFreight('3'),
    id: '9117f724a4e3965e340b5700c69ef25997d6afe9',
    alias: 'oaken-catfish',
  };
  const all = [calm, lucky, oaken];

  test('full ID, alias and unique prefix', () => {
    expect(resolveFreight(calm.id, all)).toBe(calm);
    expect(resolveFreight(calm.id.toUpperCase(), all)).toBe(calm);
    expect(resolveFreight('lucky-jaguar', all)).toBe(lucky);
    expect(resolveFreight(' Lucky-Jaguar ', all)).toBe(lucky);
    expect(resolveFreight('9117f72', all)).toBe(oaken);
    expect(resolveFreight('3c24af62', all)).toBe(calm);
  });

  test('ambiguous prefix names the candidates', () => {
    expect(() => resolveFreight('3c24af6', all)).toThrow(
      'freight ID prefix "3c24af6" is ambiguous: it matches calm-rhino (3c24af6), lucky-jaguar (3c24af6)',
    );
  });

  test('short prefix is refused even when unique', () => {
    expect(() => resolveFreight('9117f', all)).toThrow(/too short: give at least 7 characters/);
  });

  test('nothing matches: suggests the closest alias', () => {
    expect(() => resolveFreight('lucky-jagaur', all)).toThrow(
      /no freight "lucky-jagaur" \(did you mean "lucky-jaguar"\?\)/,
    );
    expect(() => resolveFreight('deadbeef', all)).toThrow(ConfigError);
    expect(() => resolveFreight('x', [])).toThrow('there is no freight yet');
    expect(() => resolveFreight('  ', all)).toThrow(/no freight given/);
  });
});

describe("auto-promotion's selectionPolicy (Kargo's autoPromotionOptions)", () => {
  const older = makeFreight('1.0.0', {
    warehouse: 'fake-warehouse',
    createdAt: '2026-11-20T00:00:00.000Z',
  });
  const newer = makeFreight('1.1.0', {
    warehouse: 'fake-warehouse',
    createdAt: '2026-11-21T00:00:00.000Z',
  });
  const test1 = stage('test', [{ direct: true }]);
  const project = (policy?: 'MatchUpstream'): Project => ({
    name: 'p',
    file: '.gantry/p.yaml',
    warehouses: [],
    stages: [
      test1,
      stage('qa', [{ stages: ['test'], ...(policy && { selectionPolicy: policy }) }]),
    ],
  });
  // Both verified in test; test was then rolled back to the older one, which was verified again.
  const f = facts({ verifications: [verified('test', older), verified('test', newer)] });

  test('NewestFreight: the newest freight available downstream, whatever upstream runs', () => {
    const [qa] = downstreamOf(project(), test1, older, [newer, older], f, new Map(), NOW);
    expect(qa).toMatchObject({ stage: 'qa', due: true, freight: { id: newer.id } });
  });

  test('MatchUpstream: the freight the upstream stage runs', () => {
    const [qa] = downstreamOf(
      project('MatchUpstream'),
      test1,
      older,
      [newer, older],
      f,
      new Map(),
      NOW,
    );
    expect(qa).toMatchObject({ stage: 'qa', due: true, freight: { id: older.id } });
  });
});
