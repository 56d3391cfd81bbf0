import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { ConfigError } from '../../../src/util/errors.js';
import {
  quoteIfNecessary,
  setYamlValues,
  yamlUpdateCommitMessage,
  type ValueUpdate,
} from '../../../src/promotion/yaml-edit.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/promotion/yaml/', import.meta.url));

/** Lines of `a` that are not in `b` (removed) and of `b` not in `a` (added), 1-based, by LCS. */
function lineDiff(a: string, b: string): { removed: number[]; added: number[] } {
  const x = a.split('\n');
  const y = b.split('\n');
  const n = x.length;
  const m = y.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] =
        x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const removed: number[] = [];
  const added: number[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      added.push(++j);
    } else {
      removed.push(++i);
    }
  }
  return { removed, added };
}

interface GoldenCase {
  name: string;
  updates: ValueUpdate[];
  document?: number;
  /** Input lines (1-based) that must change, and how many lines the output adds in all. */
  changed: number[];
  added: number;
}

const golden: GoldenCase[] = [
  {
    name: 'helm-values',
    updates: [
      { key: 'image.tag', value: 'v1.5.0' }, // single-quoted stays single-quoted
      { key: 'image.repository', value: 'ghcr.io/example/guestbook-next' }, // double stays double
      { key: 'image.digest', value: 'sha256:0123abcd' },
      { key: 'sidecar.image', value: 'ghcr.io/example/proxy:1.11.0' }, // comment after the value kept
      { key: 'replicaCount', value: 3 },
      { key: 'version', value: '1.10' }, // plain, but "1.10" must be quoted to stay a string
      { key: 'x-common.pullPolicy', value: 'Always' }, // through the anchor: aliases see it
      { key: 'ingress.hosts.1.host', value: 'guestbook.internal.example.com' },
      { key: 'ingress.hosts.0.paths.0', value: '/app' }, // flow sequence inside a block
      { key: 'resources.limits.memory', value: '512Mi' },
      { key: 'resources.requests.memory', value: '128Mi', create: true }, // missing: created
      { key: 'podAnnotations.prometheus\\.io/scrape', value: 'true', create: true }, // into an empty flow map
    ],
    changed: [4, 7, 12, 14, 15, 18, 21, 26, 32, 33, 35],
    added: 13,
  },
  {
    name: 'manifests',
    document: 0,
    updates: [
      { key: 'spec.template.spec.containers.0.image', value: 'ghcr.io/example/guestbook:1.5.0' },
      { key: 'metadata.labels.app\\.kubernetes\\.io/version', value: '1.5.0' },
      { key: 'spec.template.spec.containers.0.env.0.value', value: 'debug' },
      { key: 'spec.template.spec.containers.0.env.-1.name', value: 'FEATURE_X', create: true },
    ],
    changed: [7, 20, 25],
    added: 4,
  },
  {
    name: 'argocd-app',
    updates: [
      { key: 'spec.source.targetRevision', value: 'stage/staging-next' },
      { key: 'spec.source.helm.parameters.0.value', value: 'v1.5.0' },
      { key: 'spec.source.helm.parameters.1.value', value: '3' },
      { key: 'spec.syncPolicy.automated.prune', value: false },
    ],
    changed: [12, 20, 22, 28],
    added: 4,
  },
  {
    name: 'kustomization',
    updates: [
      { key: 'images.0.newTag', value: '1.5.0' },
      { key: 'images.1.newTag', value: '1.11.0' },
      { key: 'commonLabels.tier', value: 'web' },
      { key: 'commonLabels.version', value: 'v1.5.0', create: true },
      { key: 'resources.-1', value: 'service-monitor.yaml', create: true },
      { key: 'replicas.0.count', value: 4 },
    ],
    changed: [3, 4, 5, 7],
    added: 4,
  },
  {
    name: 'block-scalars',
    updates: [
      { key: 'data.nginx\\.conf', value: 'server {\n  listen 8080;\n}\n' },
      { key: 'data.motd', value: 'Welcome,\nstaging.' }, // `>` with a multi-line value ⇒ `|-`
      { key: 'data.release', value: 'v1.5.0' }, // a block scalar with a one-line value
      { key: 'data.tail', value: 'done' },
    ],
    changed: [9, 11, 12, 13, 17, 18, 19],
    added: 6,
  },
  {
    name: 'crlf',
    updates: [
      { key: 'image.tag', value: 'v1.5.0' },
      { key: 'global.environment', value: 'production' },
      { key: 'image.digest', value: 'sha256:0123', create: true },
    ],
    changed: [3, 6],
    added: 3,
  },
];

describe('setYamlValues: golden files', () => {
  test.each(golden)('$name', (c) => {
    const input = readFileSync(`${FIXTURES}${c.name}.yaml.in`, 'utf8');
    const options = c.document === undefined ? {} : { document: c.document };
    const output = setYamlValues(input, c.updates, `${c.name}.yaml`, options);
    const goldenPath = `${FIXTURES}${c.name}.golden`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(goldenPath, output);
    expect(output).toBe(readFileSync(goldenPath, 'utf8'));
    const diff = lineDiff(input, output);
    expect(diff.removed).toEqual(c.changed);
    expect(diff.added).toHaveLength(c.added);
    if (input.includes('\r\n')) expect(output.replace(/\r\n/g, '')).not.toContain('\n');
  });

  test('the anchor is kept and its aliases see the change (helm-values)', () => {
    const input = readFileSync(`${FIXTURES}helm-values.yaml.in`, 'utf8');
    const out = setYamlValues(
      input,
      [{ key: 'x-common.pullPolicy', value: 'Always' }],
      'values.yaml',
    );
    const doc = parse(out, { merge: true }) as {
      image: { pullPolicy: string };
      sidecar: { settings: { pullPolicy: string } };
    };
    expect(doc.image.pullPolicy).toBe('Always');
    expect(doc.sidecar.settings.pullPolicy).toBe('Always');
    expect(out).toContain('x-common: &common\n  pullPolicy: Always   # keep aligned\n');
  });
});

describe('setYamlValues: values and styles', () => {
  const cases: [name: string, input: string, updates: ValueUpdate[], output: string][] = [
    ['plain stays plain', 'tag: v1\n', [{ key: 'tag', value: 'v2' }], 'tag: v2\n'],
    ['double stays double', 'tag: "v1"\n', [{ key: 'tag', value: 'v2' }], 'tag: "v2"\n'],
    ['single stays single', "tag: 'v1'\n", [{ key: 'tag', value: "it's" }], "tag: 'it''s'\n"],
    ['a number-like string is quoted', 'v: 1.9\n', [{ key: 'v', value: '1.10' }], 'v: "1.10"\n'],
    ['a bool-like string is quoted', 'v: x\n', [{ key: 'v', value: 'true' }], 'v: "true"\n'],
    ['a null-like string is quoted', 'v: x\n', [{ key: 'v', value: 'null' }], 'v: "null"\n'],
    ['a YAML 1.1 bool (Helm) is quoted', 'v: x\n', [{ key: 'v', value: 'on' }], 'v: "on"\n'],
    ['a string with ": " is quoted', 'v: x\n', [{ key: 'v', value: 'a: b' }], 'v: "a: b"\n'],
    ['a number is plain', 'n: "1"\n', [{ key: 'n', value: 3 }], 'n: 3\n'],
    [
      'a boolean and null',
      'a: x\nb: y\n',
      [
        { key: 'a', value: false },
        { key: 'b', value: null },
      ],
      'a: false\nb: null\n',
    ],
    ['same-line comment kept', 'a: 1 # one\n', [{ key: 'a', value: 2 }], 'a: 2 # one\n'],
    [
      'an object replaces a scalar in flow style',
      'a: 1\n',
      [{ key: 'a', value: { b: [1, 'x y'] } }],
      'a: {b: [1, x y]}\n',
    ],
    [
      'in a flow map, "," forces quotes',
      'a: {b: c}\n',
      [{ key: 'a.b', value: 'x,y' }],
      'a: {b: "x,y"}\n',
    ],
    ['an empty value', 'a:\nb: 1\n', [{ key: 'a', value: 'x' }], 'a: x\nb: 1\n'],
    [
      'nested creation under an empty value',
      'a:\nb: 1\n',
      [{ key: 'a.c.d', value: 'x', create: true }],
      'a:\n  c:\n    d: x\nb: 1\n',
    ],
    [
      'a number part is a key on a mapping',
      'a:\n  0: x\n',
      [{ key: 'a.0', value: 'w' }],
      'a:\n  0: w\n',
    ],
    ['a forced key', 'a:\n  0: x\n', [{ key: 'a.:0', value: 'w' }], 'a:\n  0: w\n'],
    ['legacy [n] index', 'a:\n- x\n- y\n', [{ key: 'a.[1]', value: 'z' }], 'a:\n- x\n- z\n'],
    [
      'append past the end (Kargo appends)',
      'a:\n  - x\n',
      [{ key: 'a.5', value: 'z', create: true }],
      'a:\n  - x\n  - z\n',
    ],
    ['no trailing newline', 'a: 1', [{ key: 'b', value: 2, create: true }], 'a: 1\nb: 2\n'],
    ['document markers kept', '---\na: 1\n...\n', [{ key: 'a', value: 2 }], '---\na: 2\n...\n'],
    [
      'the alias itself is replaced',
      'a: &x 1\nb: *x\n',
      [{ key: 'b', value: 2 }],
      'a: &x 1\nb: 2\n',
    ],
    [
      'through an alias edits the anchor',
      'a: &x {k: 1}\nb: *x\n',
      [{ key: 'b.k', value: 2 }],
      'a: &x {k: 2}\nb: *x\n',
    ],
    ['a selected document', 'a: 1\n---\na: 1\n', [{ key: 'a', value: 2 }], 'a: 1\n---\na: 2\n'],
    ['an explicit tag is kept', 'a: !!str 1\n', [{ key: 'a', value: '2' }], 'a: !!str 2\n'],
    [
      'a CRLF block literal',
      'a: |\r\n  x\r\nb: 1\r\n',
      [{ key: 'a', value: 'p\nq\n' }],
      'a: |\r\n  p\r\n  q\r\nb: 1\r\n',
    ],
    [
      "a new key goes before the next entry's comment",
      'image:\n  tag: v1\n\n# next\nnext: 1\n',
      [{ key: 'image.pullPolicy', value: 'Always', create: true }],
      'image:\n  tag: v1\n  pullPolicy: Always\n\n# next\nnext: 1\n',
    ],
    [
      'a new key in a sequence item',
      '- b: 1\n  c: 2\n',
      [{ key: '0.d', value: 3, create: true }],
      '- b: 1\n  c: 2\n  d: 3\n',
    ],
  ];
  test.each(cases)('%s', (name, input, updates, output) => {
    const options = name === 'a selected document' ? { document: 1 } : {};
    expect(setYamlValues(input, updates, 'f.yaml', options)).toBe(output);
  });

  test('no updates: the text is returned as it was', () => {
    expect(setYamlValues('a: [1\n', [], 'f.yaml')).toBe('a: [1\n');
  });

  test('a block literal keeps its indicator for a multi-line value and chooses chomping', () => {
    const input = 'a: |\n  x\nb: 1\n';
    expect(setYamlValues(input, [{ key: 'a', value: 'p\nq' }], 'f.yaml')).toBe(
      'a: |-\n  p\n  q\nb: 1\n',
    );
    expect(setYamlValues(input, [{ key: 'a', value: 'p\n\n' }], 'f.yaml')).toBe(
      'a: |+\n  p\n\nb: 1\n',
    );
  });
});

describe('setYamlValues: errors name the file, the key and the line', () => {
  const cases: [
    name: string,
    input: string,
    updates: ValueUpdate[],
    type: typeof ConfigError,
    message: RegExp,
  ][] = [
    [
      'empty key',
      'a: 1\n',
      [{ key: '', value: 1 }],
      ConfigError,
      /^f\.yaml: yaml-update: key "": empty key$/,
    ],
    [
      'empty key part',
      'a: 1\n',
      [{ key: 'a..b', value: 1 }],
      ConfigError,
      /key "a\.\.b": empty key part in key "a\.\.b"/,
    ],
    [
      'invalid escape',
      'a: 1\n',
      [{ key: 'a\\nb', value: 1 }],
      ConfigError,
      /invalid escape sequence/,
    ],
    [
      'unexpected colon',
      'a: 1\n',
      [{ key: 'a:b', value: 1 }],
      ConfigError,
      /unexpected colon in key "a:b"/,
    ],
    [
      'malformed YAML',
      'a: [1\nb: 2\n',
      [{ key: 'a', value: 1 }],
      ConfigError,
      /^f\.yaml: malformed YAML: .*\nf\.yaml:2:1: /,
    ],
    [
      'a path through a scalar',
      'a:\n  b: x\n',
      [{ key: 'a.b.c', value: 1 }],
      ConfigError,
      /f\.yaml:2:6: a\.b\.c: cannot set "c": the value there is a scalar/,
    ],
    [
      'a word on a sequence',
      'a:\n  - x\n',
      [{ key: 'a.name', value: 1 }],
      ConfigError,
      /f\.yaml:2:3: a\.name: "name" is not an index/,
    ],
    [
      'a negative index',
      'a:\n  - x\n',
      [{ key: 'a.-2', value: 1 }],
      ConfigError,
      /f\.yaml:2:3: a\.-2: invalid negative index: -2/,
    ],
    [
      'multi-document without a choice',
      'a: 1\n---\nb: 2\n',
      [{ key: 'a', value: 1 }],
      ConfigError,
      /holds 2 YAML documents \(the second starts at line 2\)/,
    ],
    [
      'a document that does not exist',
      'a: 1\n',
      [{ key: 'a', value: 1 }],
      ConfigError,
      /document 3 does not exist/,
    ],
    [
      'an empty file',
      '# nothing\n',
      [{ key: 'a', value: 1 }],
      ConfigError,
      /holds no YAML document/,
    ],
    [
      'a value its explicit tag cannot keep',
      'a: !!str 1\n',
      [{ key: 'a', value: 2 }],
      ConfigError,
      /f\.yaml:1:10: a: the value there has the explicit tag !!str, which a number cannot keep/,
    ],
    [
      'a missing key (Kargo: key path not found)',
      'image:\n  tag: v1\n',
      [{ key: 'image.tga', value: 'v2' }],
      ConfigError,
      /f\.yaml:2:3: image\.tga: key path not found: there is no key "tga" under "image" \(did you mean "tag"\?\).*create: true/,
    ],
    [
      'a missing top-level key',
      'a: 1\n',
      [{ key: 'b', value: 2 }],
      ConfigError,
      /f\.yaml:1:1: b: key path not found: there is no key "b" at the top level/,
    ],
    [
      'a key under an empty value',
      'a:\nb: 1\n',
      [{ key: 'a.c', value: 'x' }],
      ConfigError,
      /a\.c: key path not found: "a" is empty, so there is no key "c" under it/,
    ],
    [
      'an index past the end',
      'a:\n  - x\n',
      [{ key: 'a.3', value: 'y' }],
      ConfigError,
      /f\.yaml:2:3: a\.3: key path not found: the sequence at "a" has 1 item, so there is no item 3/,
    ],
    [
      'appending without create',
      'a:\n  - x\n',
      [{ key: 'a.-1', value: 'y' }],
      ConfigError,
      /a\.-1: key path not found: index -1 appends an item to the sequence at "a"/,
    ],
    [
      'a mapping (Kargo: key path does not address a scalar node)',
      'a:\n  b: 1\nc: 2\n',
      [{ key: 'a', value: 'x' }],
      ConfigError,
      /f\.yaml:1:1: a: key path does not address a scalar node: it holds a mapping \(keys: b\)/,
    ],
    [
      'a sequence',
      'a:\n  - 1\n  - 2\n',
      [{ key: 'a', value: [3], create: true }],
      ConfigError,
      /a: key path does not address a scalar node: it holds a sequence of 2 items/,
    ],
    [
      'a mapping behind an alias',
      'm: &m {k: 1}\nb: *m\n',
      [{ key: 'b', value: 'x' }],
      ConfigError,
      /b: key path does not address a scalar node/,
    ],
    [
      'a value that is not data',
      'a: 1\n',
      [{ key: 'a', value: () => 1 }],
      ConfigError,
      /key "a": value must be/,
    ],
  ];
  test.each(cases)('%s', (name, input, updates, type, message) => {
    const options = name === 'a document that does not exist' ? { document: 3 } : {};
    let err: unknown;
    try {
      setYamlValues(input, updates, 'f.yaml', options);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(type);
    expect((err as Error).message).toMatch(message);
  });
});

describe('yaml-update commit message (Kargo yaml_updater.go generateCommitMessage)', () => {
  test('one line per update, strings that read as other types %q-quoted', () => {
    expect(
      yamlUpdateCommitMessage('chart/values.yaml', [
        { key: 'image.tag', value: 'v1.5.0' },
        { key: 'version', value: '1.10' },
        { key: 'enabled', value: 'true' },
        { key: 'replicas', value: 3 },
      ]),
    ).toBe(
      'Updated chart/values.yaml\n\n- image.tag: v1.5.0\n- version: "1.10"\n- enabled: "true"\n- replicas: 3',
    );
    expect(yamlUpdateCommitMessage('values.yaml', [])).toBe('');
  });
  test('quoteIfNecessary (Kargo pkg/yaml)', () => {
    expect(quoteIfNecessary('1')).toBe('"1"');
    expect(quoteIfNecessary('T')).toBe('"T"');
    expect(quoteIfNecessary('{"a":1}')).toBe('"{\\"a\\":1}"');
    expect(quoteIfNecessary('null')).toBe('"null"');
    expect(quoteIfNecessary('v1.2.3')).toBe('v1.2.3');
    expect(quoteIfNecessary(5)).toBe(5);
  });
});
