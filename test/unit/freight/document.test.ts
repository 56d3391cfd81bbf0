import { describe, expect, test } from 'vitest';
import { parseFreight, serializeFreight } from '../../../src/freight/document.js';
import type { Freight } from '../../../src/freight/types.js';
import { OperationError } from '../../../src/util/errors.js';

const ID = '3f9a2c0b1d4e5f60718293a4b5c6d7e8f9012345';
const SHA = '0123456789abcdef0123456789abcdef01234567';
const TAG = `gantry/echo/freight/${ID}`;

const full: Freight = {
  id: ID,
  alias: 'lucky-jaguar',
  origin: { kind: 'Warehouse', name: 'echo' },
  images: [
    {
      repoURL: 'ghcr.io/acme/echo',
      tag: '1.0',
      digest: `sha256:${'ab'.repeat(32)}`,
      subscriptionName: 'frontend',
    },
    { repoURL: 'nginx', tag: 'true', digest: '' },
  ],
  charts: [
    { repoURL: 'oci://ghcr.io/acme/charts/echo', name: '', version: '0.10' },
    { repoURL: 'https://charts.example.com', name: 'api', version: '1.2.3-rc.1+build.5' },
  ],
  commits: [
    {
      repoURL: 'https://github.com/acme/echo',
      id: SHA,
      branch: 'main',
      tag: 'v1.0.0',
      message: 'fix: things   \n\n\n# not a comment\n  indented: yes\ttab  ',
      author: 'Ada Lovelace <ada@example.com>',
      committer: 'GitHub <noreply@github.com>',
      subscriptionName: 'src',
    },
    { repoURL: 'git@github.com:acme/config.git', id: SHA },
  ],
  createdAt: '2024-06-01T12:00:00.000Z',
  createdBy: 'https://github.com/acme/gitops/actions/runs/123',
};

const minimal: Freight = {
  id: ID,
  alias: 'calm-otter',
  origin: { kind: 'Warehouse', name: 'w' },
  images: [],
  charts: [],
  commits: [],
  createdAt: '2024-06-01T12:00:00Z',
};

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
}

describe('serializeFreight', () => {
  test('subject line, blank line, JSON in a fixed key order', () => {
    const text = serializeFreight(minimal);
    expect(text).toBe(
      [
        'freight calm-otter',
        '',
        '{',
        `  "id": "${ID}",`,
        '  "alias": "calm-otter",',
        '  "origin": {',
        '    "kind": "Warehouse",',
        '    "name": "w"',
        '  },',
        '  "images": [],',
        '  "charts": [],',
        '  "commits": [],',
        '  "createdAt": "2024-06-01T12:00:00Z"',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('nested keys come in the documented order and undefined fields are omitted', () => {
    const text = serializeFreight({
      ...minimal,
      images: [{ subscriptionName: undefined, digest: 'sha256:x', tag: '1', repoURL: 'nginx' }],
      charts: [{ version: '2', name: 'api', repoURL: 'https://c' }],
      commits: [{ message: 'm', id: SHA, repoURL: 'https://g', branch: undefined }],
      createdBy: undefined,
    });
    const doc = JSON.parse(text.split('\n').slice(2).join('\n')) as Record<string, unknown>;
    expect(Object.keys(doc)).not.toContain('createdBy');
    expect(Object.keys((doc.images as object[])[0] ?? {})).toEqual(['repoURL', 'tag', 'digest']);
    expect(Object.keys((doc.charts as object[])[0] ?? {})).toEqual(['repoURL', 'name', 'version']);
    expect(Object.keys((doc.commits as object[])[0] ?? {})).toEqual(['repoURL', 'id', 'message']);
    expect(text).not.toContain('undefined');
  });

  test('top-level keys come in the documented order whatever the input order', () => {
    const shuffled = {
      createdBy: full.createdBy,
      commits: full.commits,
      charts: full.charts,
      images: full.images,
      createdAt: full.createdAt,
      origin: full.origin,
      alias: full.alias,
      id: full.id,
    } as Freight;
    const keys = serializeFreight(shuffled)
      .split('\n')
      .filter((l) => /^ {2}"[a-zA-Z]+":/.test(l))
      .map((l) => l.slice(3, l.indexOf('":')));
    expect(keys).toEqual([
      'id',
      'alias',
      'origin',
      'images',
      'charts',
      'commits',
      'createdAt',
      'createdBy',
    ]);
    expect(serializeFreight(shuffled)).toBe(serializeFreight(full));
  });

  test('survives git message clean-up: no trailing spaces, no repeated blank lines, no # lines', () => {
    const text = serializeFreight(full);
    for (const line of text.split('\n')) {
      expect(line).not.toMatch(/\s$/);
      expect(line).not.toMatch(/^#/);
    }
    expect(text).not.toMatch(/\n\n\n/);
    expect(text.endsWith('\n')).toBe(true);
    // The multi-line commit message is one escaped JSON string on one line.
    expect(text).toContain(
      '"message": "fix: things   \\n\\n\\n# not a comment\\n  indented: yes\\ttab  ",',
    );
  });
});

describe('parseFreight', () => {
  test.each([
    ['full', full],
    ['minimal', minimal],
  ])('round trip: %s', (_name, freight) => {
    expect(parseFreight(serializeFreight(freight), TAG, ID)).toEqual(freight);
    expect(parseFreight(serializeFreight(freight), TAG)).toEqual(freight);
  });

  test('round trip keeps strings that look like other types', () => {
    const parsed = parseFreight(serializeFreight(full), TAG, ID);
    expect(parsed.images[0]?.tag).toBe('1.0');
    expect(parsed.images[1]?.tag).toBe('true');
    expect(parsed.charts[0]?.version).toBe('0.10');
    expect(parsed.commits[0]?.message).toBe(full.commits[0]?.message);
  });

  test('tolerates CRLF, a missing final newline and a trailing tag signature', () => {
    const text = serializeFreight(full);
    expect(parseFreight(text.replace(/\n/g, '\r\n'), TAG, ID)).toEqual(full);
    expect(parseFreight(text.trimEnd(), TAG, ID)).toEqual(full);
    const signed = `${text}-----BEGIN PGP SIGNATURE-----\n\niQEzBAABCAAdFiEE\n-----END PGP SIGNATURE-----\n`;
    expect(parseFreight(signed, TAG, ID)).toEqual(full);
  });

  type Json = Record<string, unknown>;
  const body = (json: string, subject = 'freight calm-otter'): string => `${subject}\n\n${json}`;
  const minimalJson = serializeFreight(minimal).split('\n').slice(2).join('\n');
  /** The minimal document, changed by `mutate`, as a tag message. */
  const edit = (mutate: (d: Json) => void): string => {
    const d = JSON.parse(minimalJson) as Json;
    mutate(d);
    return body(`${JSON.stringify(d, null, 2)}\n`);
  };
  const without = (key: string): string =>
    edit((d) => {
      Reflect.deleteProperty(d, key);
    });
  const set = (key: string, value: unknown): string =>
    edit((d) => {
      d[key] = value;
    });
  const setOrigin = (key: string, value: unknown): string =>
    edit((d) => {
      (d.origin as Json)[key] = value;
    });

  test('ignores unknown fields (documents from a newer gantry)', () => {
    const text = edit((d) => {
      d.labels = { team: 'web' };
      (d.origin as Json).namespace = 'x';
    });
    expect(parseFreight(text, TAG, ID)).toEqual(minimal);
  });

  test('parses 10,000 typical documents (nothing quadratic)', () => {
    const text = serializeFreight(full);
    let commits = 0;
    for (let n = 0; n < 10_000; n++) commits += parseFreight(text, TAG, ID).commits.length;
    expect(commits).toBe(20_000);
  });

  const malformed: [name: string, text: string, problem: string][] = [
    ['empty message', '', 'the first line must be "freight <alias>"'],
    [
      'wrong subject',
      body(minimalJson, 'verified calm-otter in dev'),
      'the first line must be "freight <alias>"',
    ],
    ['subject without alias', body(minimalJson, 'freight '), 'the first line must be'],
    [
      'no blank line',
      `freight calm-otter\n${minimalJson}`,
      'a blank line must follow the first line',
    ],
    ['subject only', 'freight calm-otter\n', 'a blank line must follow'],
    ['empty document', 'freight calm-otter\n\n', 'the document is empty'],
    ['blank document', 'freight calm-otter\n\n  \n\n', 'the document is empty'],
    ['null document', body('null\n'), 'the document is empty'],
    ['not JSON', body('{"id": [\n'), 'invalid JSON: '],
    ['YAML body', body(`id: ${ID}\nalias: calm-otter\n`), 'invalid JSON: '],
    ['trailing garbage', body(`${minimalJson}}\n`), 'invalid JSON: '],
    ['not a mapping', body('["a", "b"]\n'), 'the document must be a mapping'],
    ['a string', body('"calm-otter"\n'), 'the document must be a mapping'],
    ['missing images', without('images'), 'missing field images'],
    ['missing charts', without('charts'), 'missing field charts'],
    ['missing commits', without('commits'), 'missing field commits'],
    ['missing id', without('id'), 'missing field id'],
    ['missing alias', without('alias'), 'missing field alias'],
    ['missing origin', without('origin'), 'missing field origin'],
    ['missing createdAt', without('createdAt'), 'missing field createdAt'],
    ['null id', set('id', null), 'missing field id'],
    ['bad id', set('id', 'abc'), 'field id must be 40 lowercase hex characters'],
    ['uppercase id', set('id', ID.toUpperCase()), 'field id must be 40 lowercase hex characters'],
    ['id as number', set('id', 12), 'field id must be a string'],
    ['alias mismatch', set('alias', 'other-name'), 'differs from the first line'],
    ['origin kind', setOrigin('kind', 'Stage'), 'field origin.kind must be "Warehouse"'],
    ['origin name empty', setOrigin('name', ''), 'field origin.name must not be empty'],
    ['origin not a mapping', set('origin', 'Warehouse/w'), 'field origin must be a mapping'],
    ['origin a list', set('origin', ['Warehouse', 'w']), 'field origin must be a mapping'],
    ['images not a list', set('images', {}), 'field images must be a list'],
    ['image not a mapping', set('images', ['nginx']), 'field images[0] must be a mapping'],
    [
      'image without tag',
      set('images', [{ repoURL: 'nginx', digest: '' }]),
      'missing field images[0].tag',
    ],
    [
      'image tag as number',
      set('images', [{ repoURL: 'nginx', tag: 1.0, digest: '' }]),
      'field images[0].tag must be a string',
    ],
    [
      'image tag as boolean',
      set('images', [{ repoURL: 'nginx', tag: true, digest: '' }]),
      'field images[0].tag must be a string',
    ],
    [
      'chart without version',
      set('charts', [{ repoURL: 'x', name: 'y' }]),
      'missing field charts[0].version',
    ],
    ['commit without id', set('commits', [{ repoURL: 'x' }]), 'missing field commits[0].id'],
    [
      'commit message not a string',
      set('commits', [{ repoURL: 'x', id: SHA, message: ['a'] }]),
      'field commits[0].message must be a string',
    ],
    ['createdAt not a time', set('createdAt', 'yesterday'), 'field createdAt is not a time'],
    ['createdAt as number', set('createdAt', 1717243200000), 'field createdAt must be a string'],
    ['createdBy not a string', set('createdBy', 5), 'field createdBy must be a string'],
  ];
  test.each(malformed)('rejects: %s', (_name, text, problem) => {
    const err = errorOf(() => parseFreight(text, TAG, ID));
    expect(err).toBeInstanceOf(OperationError);
    expect(err.message).toContain(`unreadable freight document in tag ${TAG}: `);
    expect(err.message).toContain(problem);
  });

  test('the id must be the one the tag names', () => {
    const other = 'f'.repeat(40);
    const err = errorOf(() =>
      parseFreight(serializeFreight(minimal), `gantry/echo/freight/${other}`, other),
    );
    expect(err).toBeInstanceOf(OperationError);
    expect(err.message).toBe(
      `unreadable freight document in tag gantry/echo/freight/${other}: its id ${ID} is not the tag's ${other}`,
    );
  });

  test('a descriptive `where` is used as is', () => {
    const err = errorOf(() => parseFreight('nope', 'file ./freight.txt'));
    expect(err.message).toMatch(/^unreadable freight document in file \.\/freight\.txt: /);
  });
});
