/**
 * The index scanners against the full parser: on every fixture, for every chart name, in every
 * line-ending and chunking, the fast path must answer exactly what `parseIndexFull` (the `yaml`
 * package or JSON.parse) answers, and must actually be the path taken on Helm's own layouts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import {
  chartVersionsIn,
  IndexFormatError,
  IndexYamlScanner,
  parseIndexDocument,
  parseIndexFull,
  readChartVersions,
  scanJsonIndex,
  scanYamlIndex,
  type IndexScan,
} from '../../../src/discovery/helm-index.js';
import { generateIndex, generatedChartName, generatedVersion } from '../../support/helm.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/helm');
const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.index'))
  .sort();
const load = (name: string): Buffer => readFileSync(join(FIXTURES, name));

/** Every chart name in the text, plus names that are not there. */
function chartNames(text: string): string[] {
  const names = new Set(['missing', 'alpine ', 'ALPINE', '']);
  try {
    const doc = parse(text, { schema: 'failsafe', merge: true }) as { entries?: unknown } | null;
    if (doc?.entries && typeof doc.entries === 'object') {
      for (const k of Object.keys(doc.entries)) names.add(k);
    }
  } catch {
    // not an index: no names
  }
  return [...names];
}

type Answer = string[] | null | { error: string };

/**
 * `parseIndexFull`'s answer for every chart of one text, the text parsed once: the oracle is
 * asked about several charts per text, and the YAML parse is most of this file's time.
 */
function fullOf(text: string): (chart: string) => Answer {
  let doc: unknown;
  let failed: string | undefined;
  try {
    doc = parseIndexDocument(text);
  } catch (err) {
    failed = (err as Error).name;
  }
  return (chart) => {
    if (failed !== undefined) return { error: failed };
    try {
      return chartVersionsIn(doc, chart);
    } catch (err) {
      return { error: (err as Error).name };
    }
  };
}

function fast(bytes: Uint8Array, chart: string): Answer {
  try {
    return readChartVersions(bytes, chart).versions;
  } catch (err) {
    return { error: (err as Error).name };
  }
}

function pushInChunks(bytes: Uint8Array, chart: string, size: number): IndexScan {
  const scanner = new IndexYamlScanner(chart);
  for (let i = 0; i < bytes.length; i += size) scanner.push(bytes.subarray(i, i + size));
  return scanner.end();
}

/** Fixtures in Helm-like layouts the scanners must read without falling back. */
const SCANNED = new Set([
  'comments.index',
  'four-space.index',
  'helm.index',
  'indented.index',
  'json-compact.index',
  'json.index',
  'no-entries.index',
  'nulls.index',
]);

describe('index scanners agree with the full parser', () => {
  it.each(fixtures)('%s', (name) => {
    const lf = load(name);
    const variants: [string, Buffer][] = [
      ['LF', lf],
      ['CRLF', Buffer.from(lf.toString('utf8').replace(/\n/g, '\r\n'))],
      ['no final newline', Buffer.from(lf.toString('utf8').trimEnd())],
      ['BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), lf])],
    ];
    const full = fullOf(lf.toString('utf8'));
    for (const chart of chartNames(lf.toString('utf8'))) {
      const expected = full(chart);
      for (const [variant, bytes] of variants) {
        expect(fast(bytes, chart), `${variant}, chart ${JSON.stringify(chart)}`).toEqual(expected);
        const whole = scanYamlIndex(bytes, chart);
        for (const size of [1, 2, 7, 64, 4096]) {
          expect(pushInChunks(bytes, chart, size), `${variant}, chunks of ${size}`).toEqual(whole);
        }
        if (SCANNED.has(name)) {
          const method = readChartVersions(bytes, chart).method;
          expect(method, `${variant}, chart ${JSON.stringify(chart)}`).not.toBe('full-parse');
        }
      }
    }
  });

  it('the fixtures exercise what they are meant to', () => {
    const helm = load('helm.index');
    expect(readChartVersions(helm, 'my-app')).toEqual({
      versions: ['1.2.3+build.1', '1.2.3-alpha.1', '1.0', 'v0.9.0', 'latest'],
      method: 'yaml-scanner',
    });
    // Dependencies' versions and block scalars that look like keys are not the chart's.
    expect(readChartVersions(helm, 'alpine').versions).toEqual(['0.2.0', '0.1.0', '0.1.0-rc.1']);
    expect(readChartVersions(helm, 'nothing').versions).toEqual([]);
    expect(readChartVersions(load('indented.index'), 'my-app').versions).toEqual([
      '2.0.0',
      '1.9.0',
      '1.8.0',
    ]);
    expect(readChartVersions(load('comments.index'), "it's-a-chart").versions).toEqual(['1.0.0']);
    expect(readChartVersions(load('comments.index'), 'my-app').versions).toEqual([
      '1.2.3',
      '1.2.4#part-of-the-scalar',
    ]);
    expect(readChartVersions(load('json.index'), 'my-app')).toEqual({
      versions: ['1.2.3+build.1', '1.2.3-alpha.1', 'café'],
      method: 'json-scanner',
    });
    const anchors = readChartVersions(load('anchors.index'), 'alpine');
    expect(anchors).toMatchObject({ versions: ['0.2.0', '0.1.0', '0.2.0'], method: 'full-parse' });
    expect(anchors.fallbackReason).toMatch(/^line 4: /);
    expect(readChartVersions(load('flow.index'), 'nginx')).toMatchObject({
      versions: ['15.14.0'],
      method: 'full-parse',
    });
  });
});

/** A small deterministic PRNG (mulberry32), so failures reproduce. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Versions, names and other values that need quoting, folding or escaping in YAML.
const AWKWARD = [
  '1.0',
  '1.10',
  'true',
  'null',
  '~',
  '',
  '1e3',
  '0x1F',
  '- 1.0.0',
  '#1.0.0',
  'a: b',
  "it's",
  'say "hi"',
  'tab\there',
  'line\nbreak',
  'café',
  '1.2.3 # not a comment',
  '[1.0.0]',
  '{x}',
  '*alias',
  '&anchor',
  '!tag',
  '@at',
  '  padded  ',
  'back\\slash',
  'a'.repeat(120),
];

function randomIndex(rand: () => number): { doc: unknown; charts: string[] } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const charts: string[] = [];
  const entries: Record<string, unknown> = {};
  const nCharts = 1 + Math.floor(rand() * 4);
  for (let c = 0; c < nCharts; c++) {
    const name = rand() < 0.2 ? pick(['my chart', "o'k", 'x:y', 'true', '1.0', 'ünï']) : `c${c}`;
    charts.push(name);
    const items: unknown[] = [];
    const nItems = Math.floor(rand() * 5);
    for (let i = 0; i < nItems; i++) {
      if (rand() < 0.05) {
        items.push(null);
        continue;
      }
      const item: Record<string, unknown> = {
        apiVersion: 'v2',
        name,
        description: rand() < 0.3 ? pick(AWKWARD) : 'A chart',
        urls: [`https://example.com/${name}.tgz`],
      };
      if (rand() < 0.3) item.dependencies = [{ name: 'common', version: '9.9.9' }];
      if (rand() < 0.2) item.annotations = { 'example.com/note': pick(AWKWARD), version: '8.8.8' };
      if (rand() < 0.9) {
        item.version = rand() < 0.6 ? `${i}.${Math.floor(rand() * 20)}.${c}` : pick(AWKWARD);
      }
      const keys = Object.keys(item);
      if (rand() < 0.5) keys.sort(() => rand() - 0.5);
      items.push(Object.fromEntries(keys.map((k) => [k, item[k]])));
    }
    entries[name] = rand() < 0.05 ? null : items;
  }
  return { doc: { apiVersion: 'v1', entries, generated: '2024-01-01T00:00:00Z' }, charts };
}

describe('scanner against the full parser on generated indexes', () => {
  it('agrees on 200 random documents in varied YAML and JSON layouts', () => {
    const rand = prng(20240601);
    let scanned = 0;
    let total = 0;
    for (let n = 0; n < 200; n++) {
      const { doc, charts } = randomIndex(rand);
      const layouts = [
        stringify(doc, { indentSeq: false }),
        stringify(doc, { indentSeq: true }),
        stringify(doc, { indent: 4, indentSeq: false }),
        stringify(doc, { indent: 4, indentSeq: true, lineWidth: 30, minContentWidth: 10 }),
        stringify(doc, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }),
        stringify(doc, { defaultStringType: 'QUOTE_SINGLE', indentSeq: false }),
        stringify(doc, { collectionStyle: 'flow' }),
        JSON.stringify(doc, null, n % 3),
      ];
      for (const text of layouts) {
        const bytes = Buffer.from(text);
        const full = fullOf(text);
        for (const chart of [...charts, 'missing']) {
          total++;
          const read = readChartVersions(bytes, chart);
          if (read.method !== 'full-parse') scanned++;
          expect(read.versions, `${chart} in\n${text}`).toEqual(full(chart));
        }
      }
    }
    // Most of them must go the fast way, or the test proves little.
    expect(scanned / total).toBeGreaterThan(0.7);
  });
});

describe('scanner verdicts', () => {
  const scan = (text: string, chart = 'c'): IndexScan => scanYamlIndex(Buffer.from(text), chart);

  it.each([
    ['an empty document', '', { status: 'absent' }],
    ['only comments', '# nothing\n\n', { status: 'absent' }],
    ['no entries key', 'apiVersion: v1\n', { status: 'absent' }],
    ['null entries', 'apiVersion: v1\nentries:\ngenerated: x\n', { status: 'absent' }],
    ['a chart with an empty list', 'entries:\n  c: []\n', { status: 'found', versions: [] }],
    [
      'an item without a version',
      'entries:\n  c:\n  - name: c\n  - version: 1.0.0\n',
      { status: 'found', versions: ['1.0.0'] },
    ],
    [
      'a nested sequence under an item key at the key indent',
      'entries:\n  c:\n  - urls:\n    - version: 9.9.9\n    version: 1.0.0\n',
      { status: 'found', versions: ['1.0.0'] },
    ],
  ])('%s', (_name, text, expected) => {
    expect(scan(text)).toEqual(expected);
  });

  it.each([
    ['a tab in indentation', 'entries:\n\tc:\n'],
    ['a document marker after content', 'entries:\n  c:\n  - version: 1.0.0\n---\nentries: {}\n'],
    ['a YAML directive', '%YAML 1.2\n---\nentries: {}\n'],
    ['an indented top level', '  entries:\n    c: []\n'],
    ['duplicate entries', 'entries:\n  c: []\nentries:\n  c: []\n'],
    ['the chart twice', 'entries:\n  c:\n  - version: 1.0.0\n  c:\n  - version: 2.0.0\n'],
    ['a flow chart value', 'entries:\n  c: [{version: 1.0.0}]\n'],
    ['a mapping as chart value', 'entries:\n  c:\n    version: 1.0.0\n'],
    ['a merge key', 'entries:\n  c:\n  - <<: {version: 1.0.0}\n'],
    ['an anchored item', 'entries:\n  c:\n  - &a\n    version: 1.0.0\n'],
    ['an alias version', 'entries:\n  c:\n  - version: *v\n'],
    ['a tagged version', 'entries:\n  c:\n  - version: !!str 1.0.0\n'],
    ['a block scalar version', 'entries:\n  c:\n  - version: |\n      1.0.0\n'],
    ['a version on the next line', 'entries:\n  c:\n  - version:\n      1.0.0\n'],
    ['a folded plain version', 'entries:\n  c:\n  - version: 1.0.0\n      -beta\n'],
    ['an escaped quoted version', 'entries:\n  c:\n  - version: "1.0.0\\u0041"\n'],
    ['an unclosed quoted version', 'entries:\n  c:\n  - version: "1.0.0\n      "\n'],
    ['two versions in an item', 'entries:\n  c:\n  - version: 1.0.0\n    version: 2.0.0\n'],
    ['a complex key', 'entries:\n  c:\n  - ? version\n    : 1.0.0\n'],
    ['an escaped chart name', 'entries:\n  "c\\x41":\n  - version: 1.0.0\n'],
    ['a top-level flow value', 'apiVersion: v1\nserverInfo: {a: [\n  1]}\nentries: {}\n'],
  ])('gives up on %s', (_name, text) => {
    const result = scan(text);
    expect(result.status).toBe('unrecognised');
  });

  it('reads quoted and commented versions as YAML does', () => {
    const text =
      'entries:\n  c:\n  - version: \'1.0.0\'  # x\n  - version: "2.0.0"\n' +
      "  - version: 'it''s'\n  - version: 3.0.0 #c\n  - version: 4.0.0#c\n";
    expect(scan(text)).toEqual({
      status: 'found',
      versions: ['1.0.0', '2.0.0', "it's", '3.0.0', '4.0.0#c'],
    });
    expect(parseIndexFull(text, 'c')).toEqual(['1.0.0', '2.0.0', "it's", '3.0.0', '4.0.0#c']);
  });

  it('skips a JSON document to the JSON skimmer', () => {
    expect(scan('  {"entries": {}}')).toEqual({
      status: 'unrecognised',
      line: 1,
      reason: 'JSON or flow-style document',
    });
  });
});

describe('scanner memory', () => {
  it('gives up on a line longer than 1 MiB instead of holding it, however it is chunked', () => {
    const scanner = new IndexYamlScanner('c');
    scanner.push(Buffer.from('apiVersion: v1\nentries:\n  c:\n  - version: "'));
    const piece = Buffer.alloc(64 * 1024, 0x61);
    for (let i = 0; i < 17 && !scanner.done; i++) scanner.push(piece);
    expect(scanner.done).toBe(true);
    expect(scanner.end()).toEqual({
      status: 'unrecognised',
      line: 3,
      reason: 'a line longer than 1048576 bytes',
    });
  });

  it('still reads a line of almost 1 MiB split over chunks', () => {
    const scanner = new IndexYamlScanner('c');
    const text = `entries:\n  c:\n  - description: ${'d'.repeat(1000_000)}\n    version: 1.0.0\n`;
    const bytes = Buffer.from(text);
    for (let i = 0; i < bytes.length; i += 4096) scanner.push(bytes.subarray(i, i + 4096));
    expect(scanner.end()).toEqual({ status: 'found', versions: ['1.0.0'] });
  });
});

describe('JSON skimmer', () => {
  const skim = (text: string, chart = 'c'): IndexScan => scanJsonIndex(Buffer.from(text), chart);

  it('steps over everything but the chart versions', () => {
    expect(
      skim(
        '{"a":[1,{"b":"}]\\"{["}],"entries":{"x":[{"version":"9"}],"c":[{"z":true,"version":"1.0.0"},null,{}]},"n":-1.5e3}',
      ),
    ).toEqual({ status: 'found', versions: ['1.0.0'] });
    expect(skim('{"entries":{"c":null}}')).toEqual({ status: 'found', versions: [] });
    expect(skim('{"entries":null}')).toEqual({ status: 'absent' });
    expect(skim('{}')).toEqual({ status: 'absent' });
  });

  it.each([
    ['a top-level array', '[]'],
    ['a numeric version', '{"entries":{"c":[{"version":1.5}]}}'],
    ['duplicate keys', '{"entries":{"c":[]},"entries":{}}'],
    ['trailing content', '{"entries":{}} x'],
    ['an unterminated string', '{"entries":{"c":[{"version":"1.0'],
    ['unquoted keys (flow YAML)', '{entries: {c: [{version: 1.0.0}]}}'],
  ])('hands %s to the full parser', (_name, text) => {
    expect(skim(text).status).toBe('unrecognised');
    expect(() => readChartVersions(Buffer.from(text), 'c')).not.toThrow(TypeError);
  });

  it('the full parser reads numeric versions as their text and flow YAML as YAML', () => {
    expect(
      readChartVersions(Buffer.from('{"entries":{"c":[{"version":1.5}]}}'), 'c'),
    ).toMatchObject({ versions: ['1.5'], method: 'full-parse' });
    expect(readChartVersions(Buffer.from('{entries: {c: [{version: 1.0.0}]}}'), 'c')).toMatchObject(
      { versions: ['1.0.0'], method: 'full-parse' },
    );
  });
});

describe('parseIndexFull errors', () => {
  it.each([
    ["this isn't yaml", /the index is a string, not a mapping/],
    ['- a\n- b\n', /the index is a sequence/],
    ['entries: [1]\n', /entries is a sequence, not a mapping/],
    ['entries:\n  c: x\n', /entries\.c is a string, not a sequence/],
    ['entries:\n  c:\n  - x\n', /entries\.c\[0\] is a string, not a mapping/],
    ['entries:\n  c:\n  - version: [1]\n', /entries\.c\[0\]\.version is a sequence/],
    ['entries: {\n', /./],
    ['a: 1\na: 2\n', /unique/],
    ['[1, 2', /./],
  ])('%j', (text, message) => {
    expect(() => parseIndexFull(text, 'c')).toThrow(IndexFormatError);
    expect(() => parseIndexFull(text, 'c')).toThrow(message);
    expect(() => readChartVersions(Buffer.from(text), 'c')).toThrow(IndexFormatError);
  });
});

describe('a large generated index', () => {
  it('is read by the scanner in Helm layout and in the indented layout', () => {
    for (const style of ['indentless', 'indented'] as const) {
      const bytes = Buffer.from(generateIndex({ charts: 20, versionsPerChart: 200, style }));
      const chart = generatedChartName(13);
      const read = readChartVersions(bytes, chart);
      expect(read.method).toBe('yaml-scanner');
      expect(read.versions).toHaveLength(200);
      expect(read.versions?.[0]).toBe(generatedVersion(199));
      expect(read.versions).toEqual(parseIndexFull(bytes.toString('utf8'), chart));
    }
  });
});
