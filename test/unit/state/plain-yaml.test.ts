/**
 * The stage state files' direct reader against the YAML library: on everything gantry's writer
 * emits it must read what YAML reads, and on anything else answer undefined (so the library reads
 * it, as before).
 */
import YAML from 'yaml';
import { describe, expect, test } from 'vitest';
import { readPlainYaml } from '../../../src/state/plain-yaml.js';
import {
  parseStageState,
  serializeStageState,
  type StageFreight,
  type StageState,
} from '../../../src/state/stage-state.js';

const ID = 'a'.repeat(40);
const freight = (over: Partial<StageFreight> = {}): StageFreight => ({
  id: ID,
  alias: 'brave-otter',
  origin: { kind: 'Warehouse', name: 'echo' },
  images: [{ repoURL: 'ghcr.io/acme/echo', tag: 'v1.2.3', digest: `sha256:${'b'.repeat(64)}` }],
  charts: [],
  commits: [],
  ...over,
});
const base: StageState = {
  project: 'echo',
  stage: 'dev',
  freight: [freight()],
  promotedAt: '2026-11-02T12:00:00.000Z',
  promotedBy: 'octocat',
  approvedBy: [],
};

/** Strings of every kind the writer may have to quote (or not). */
const TRICKY = [
  '1.0',
  '1',
  '0x1F',
  '1e3',
  '.5',
  'true',
  'False',
  'null',
  '~',
  '',
  ' leading',
  'trailing ',
  'a: b',
  'a #b',
  'a#b',
  '- dash',
  '-dash',
  '[x]',
  '{x}',
  '*star',
  '&amp',
  '!bang',
  '|pipe',
  '>gt',
  "'single'",
  '"double"',
  'back\\slash',
  'tab\there',
  'bell\u0007',
  'émoji 🚀 ünïcode',
  'line one\nline two',
  'trailing newline\n',
  'key:',
  '@at',
  '%pct',
  '`tick',
  '?q',
  ',comma',
  'ends with colon:',
  'http://example.test/a?b=c#d',
  '2026-11-02',
  'yes',
  'on',
  '.inf',
  '-.inf',
  '.nan',
  '0o17',
  '+1',
  '\u2028sep',
  '\ufeffbom',
];

function shapes(): StageState[] {
  const out: StageState[] = [
    base,
    { ...base, freight: [] },
    { ...base, approvedBy: ['alice', 'bob'], run: 'https://github.com/acme/gitops/actions/runs/1' },
    {
      ...base,
      autoPromotionHold: { since: '2026-11-01T00:00:00Z', by: 'alice', reason: 'rollback' },
    },
    {
      ...base,
      freight: [
        freight({
          charts: [{ repoURL: 'oci://ghcr.io/acme/charts', name: 'echo', version: '1.0.0' }],
          commits: [
            {
              repoURL: 'https://github.com/acme/app.git',
              id: 'c'.repeat(40),
              branch: 'main',
              message: 'Fix: the thing\n\nLonger body, with "quotes" and: colons',
              author: 'Jane Doe <jane@example.test>',
            },
          ],
        }),
        freight({ id: 'd'.repeat(40), origin: { kind: 'Warehouse', name: 'other' }, images: [] }),
      ],
    },
    { ...base, metadata: { replicas: 3, flags: { on: true, off: null }, list: [1, 'two', []] } },
    { ...base, metadata: { 'some.key/with-dash': 'value', nested: { deeper: { x: 'y' } } } },
  ];
  for (const s of TRICKY)
    out.push(
      {
        ...base,
        promotedBy: s,
        approvedBy: [s, 'plain'],
        freight: [freight({ alias: s, images: [{ repoURL: s, tag: s, digest: s }] })],
      },
      { ...base, metadata: { [s]: s, plain: [s] } },
    );
  return out;
}

describe('readPlainYaml', () => {
  test('reads what YAML reads on every shape the writer emits, and reads the usual ones itself', () => {
    let direct = 0;
    for (const s of shapes()) {
      const text = serializeStageState(s);
      const fast = readPlainYaml(text);
      if (fast !== undefined) {
        direct++;
        expect(fast, text).toEqual(YAML.parse(text));
      }
      expect(parseStageState(text, 'x.yaml')).toEqual(
        parseStageState(text.replace(/^/, '%YAML 1.2\n---\n'), 'x.yaml'),
      );
    }
    // The writer's common shapes take the direct path (a multi-line commit message, a block
    // scalar, does not: shapes()[4]).
    expect(readPlainYaml(serializeStageState(shapes()[4] ?? base))).toBeUndefined();
    for (const s of shapes().slice(0, 4))
      expect(readPlainYaml(serializeStageState(s))).toBeDefined();
    expect(direct).toBeGreaterThan(40);
  });

  test('hand-edited files go to the YAML library', () => {
    const text = serializeStageState(base);
    const variants = [
      text.replace('promotedBy: octocat', 'promotedBy: octocat # who'),
      text.replace('stage: dev\n', 'stage: dev\n\n'),
      text.replace('stage: dev', 'stage: dev\r'),
      text.replace('stage: dev', 'stage:  dev'),
      text.replace('stage: dev', 'stage: dev\n  continued'),
      text.replace('stage: dev', 'stage: &a dev'),
      text.replace('stage: dev', 'stage: [dev]'),
      text.replace('stage: dev', 'stage: |\n  dev'),
      text.replace('stage: dev', '"stage": dev'),
      text.replace('stage: dev', 'stage: dev\nstage: qa'),
      text.replace('stage: dev', 'stage: "dev\\x41"'),
      text.replace('stage: dev', "stage: 'it''s'"),
      text.replace('approvedBy: []', 'approvedBy:\n- alice'),
      text.replace('approvedBy: []', 'approvedBy:\n  - alice\n  -'),
      text.replace('approvedBy: []', 'approvedBy:\n  - - alice'),
      text.replace('approvedBy: []', 'approvedBy:'),
      text.replace('approvedBy: []', 'approvedBy: 12'),
      text.replace('project: echo', '---\nproject: echo'),
      text.replace('project: echo', '\tproject: echo'),
      text + '...\n',
      text + '__proto__: x\n',
    ];
    for (const v of variants) {
      const fast = readPlainYaml(v);
      let lib: unknown;
      try {
        lib = YAML.parse(v);
      } catch {
        lib = 'throws';
      }
      if (fast !== undefined) expect(fast, v).toEqual(lib);
    }
    // These are not the writer's shape: the direct reader declines them.
    expect(readPlainYaml(variants[0] ?? '')).toBeUndefined();
    expect(readPlainYaml(variants[5] ?? '')).toBeUndefined();
    expect(readPlainYaml(variants[9] ?? '')).toBeUndefined();
    expect(readPlainYaml(variants[16] ?? '')).toBeUndefined();
    // Single quotes are read directly, as YAML reads them.
    expect(readPlainYaml(variants[11] ?? '')).toMatchObject({ stage: "it's" });
    // A bad hand edit fails as before, through the library.
    expect(() => parseStageState('stage: [dev\n', 'x.yaml')).toThrow(
      /unreadable stage state x.yaml/,
    );
  });
});
