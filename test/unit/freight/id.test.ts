import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { freightId, freightIdParts } from '../../../src/freight/id.js';
import type { FreightArtifacts, FreightOrigin } from '../../../src/freight/types.js';

const sha1 = (s: string): string => createHash('sha1').update(s, 'utf8').digest('hex');
const warehouse = (name: string): FreightOrigin => ({ kind: 'Warehouse', name });
const digest = `sha256:${'ab'.repeat(32)}`;
const sha = '0123456789abcdef0123456789abcdef01234567';

describe('freightId (Kargo GenerateFreightID recipe)', () => {
  const cases: [
    name: string,
    origin: FreightOrigin,
    artifacts: FreightArtifacts,
    hashed: string,
  ][] = [
    [
      'image only',
      warehouse('echo'),
      {
        images: [{ repoURL: 'ghcr.io/acme/echo', tag: 'v1.2.3', digest }],
        charts: [],
        commits: [],
      },
      `Warehouse/echo:ghcr.io/acme/echo:v1.2.3@${digest}`,
    ],
    [
      'image repoURL is not normalised',
      warehouse('w'),
      {
        images: [{ repoURL: 'docker.io/library/nginx', tag: '1.27', digest }],
        charts: [],
        commits: [],
      },
      `Warehouse/w:docker.io/library/nginx:1.27@${digest}`,
    ],
    [
      'image with empty digest leaves a trailing @',
      warehouse('w'),
      { images: [{ repoURL: 'nginx', tag: '1.27', digest: '' }], charts: [], commits: [] },
      'Warehouse/w:nginx:1.27@',
    ],
    [
      'image + chart + git with tags (sorted byte-wise)',
      warehouse('prod-bundle'),
      {
        images: [{ repoURL: 'ghcr.io/acme/api', tag: '2.0.0', digest }],
        charts: [{ repoURL: 'https://Charts.Example.com/stable/', name: 'api', version: '1.4.0' }],
        commits: [
          { repoURL: 'https://github.com/Acme/GitOps.git', id: sha, tag: 'v3.1.0' },
          { repoURL: 'git@github.com:acme/config.git/', id: sha, branch: 'main' },
        ],
      },
      'Warehouse/prod-bundle:' +
        [
          `ghcr.io/acme/api:2.0.0@${digest}`,
          `https://github.com/acme/gitops:v3.1.0:${sha}`, // '/' (0x2f) < 'c' (0x63)
          'https:/charts.example.com/stable/api:1.4.0',
          `ssh://git@github.com/acme/config:${sha}`,
        ].join('|'),
    ],
    [
      'with subscription names',
      warehouse('named'),
      {
        images: [{ repoURL: 'ghcr.io/acme/echo', tag: 'v1', digest, subscriptionName: 'frontend' }],
        charts: [
          {
            repoURL: 'oci://ghcr.io/acme/charts/echo',
            name: '',
            version: '0.3.0',
            subscriptionName: 'chart',
          },
        ],
        commits: [
          { repoURL: 'https://github.com/acme/echo', id: sha, tag: 'v1', subscriptionName: 'src' },
          { repoURL: 'https://github.com/acme/other', id: sha, subscriptionName: 'other' },
        ],
      },
      'Warehouse/named:' +
        [
          `ghcr.io/acme/charts/echo:0.3.0:chart`,
          `ghcr.io/acme/echo:v1@${digest}:frontend`,
          `https://github.com/acme/echo:v1:${sha}:src`,
          `https://github.com/acme/other:${sha}:other`,
        ].join('|'),
    ],
    [
      'OCI chart with empty name: path.Join drops the empty element and cleans',
      warehouse('w'),
      {
        images: [],
        charts: [{ repoURL: 'oci://registry-1.docker.io/acme/echo/', name: '', version: '1.0.0' }],
        commits: [],
      },
      // normalizeChart: `acme/echo/` (Docker Hub collapsed); path.Join cleans the trailing slash
      'Warehouse/w:acme/echo:1.0.0',
    ],
    [
      'HTTP chart: path.Join collapses the double slash of the scheme',
      warehouse('w'),
      {
        images: [],
        charts: [{ repoURL: 'https://charts.example.com', name: 'echo', version: '1.0.0' }],
        commits: [],
      },
      'Warehouse/w:https:/charts.example.com/echo:1.0.0',
    ],
    [
      'no artifacts',
      warehouse('empty'),
      { images: [], charts: [], commits: [] },
      'Warehouse/empty:',
    ],
    [
      'empty tag and subscription name count as absent',
      warehouse('w'),
      {
        images: [],
        charts: [],
        commits: [
          { repoURL: 'https://github.com/acme/echo', id: sha, tag: '', subscriptionName: '' },
        ],
      },
      `Warehouse/w:https://github.com/acme/echo:${sha}`,
    ],
  ];

  test.each(cases)('%s', (_name, origin, artifacts, hashed) => {
    const id = freightId(origin, artifacts);
    expect(id).toMatch(/^[0-9a-f]{40}$/);
    expect(id).toBe(sha1(hashed));
    expect(`${origin.kind}/${origin.name}:${freightIdParts(artifacts).join('|')}`).toBe(hashed);
  });

  test('order of artifacts does not matter', () => {
    const artifacts: FreightArtifacts = {
      images: [
        { repoURL: 'ghcr.io/acme/a', tag: '1', digest },
        { repoURL: 'ghcr.io/acme/b', tag: '2', digest },
        { repoURL: 'ghcr.io/acme/c', tag: '3', digest: '' },
      ],
      charts: [
        { repoURL: 'https://charts.example.com', name: 'x', version: '1.0.0' },
        { repoURL: 'oci://ghcr.io/acme/y', name: '', version: '2.0.0' },
      ],
      commits: [
        { repoURL: 'https://github.com/acme/a', id: sha },
        { repoURL: 'https://github.com/acme/b', id: sha, tag: 'v1' },
      ],
    };
    const expected = freightId(warehouse('w'), artifacts);
    for (let seed = 1; seed <= 20; seed++) {
      const shuffle = <T>(xs: T[]): T[] => {
        const out = [...xs];
        let s = seed;
        for (let i = out.length - 1; i > 0; i--) {
          s = (s * 1103515245 + 12345) % 2147483648;
          const j = s % (i + 1);
          [out[i], out[j]] = [out[j]!, out[i]!];
        }
        return out;
      };
      const shuffled: FreightArtifacts = {
        images: shuffle(artifacts.images),
        charts: shuffle(artifacts.charts),
        commits: shuffle(artifacts.commits),
      };
      expect(freightId(warehouse('w'), shuffled)).toBe(expected);
    }
  });

  test('origin, commit metadata and normalisation', () => {
    const a: FreightArtifacts = {
      images: [],
      charts: [],
      commits: [{ repoURL: 'https://github.com/acme/echo.git', id: sha }],
    };
    const b: FreightArtifacts = {
      images: [],
      charts: [],
      commits: [
        {
          repoURL: 'https://user:pass@GitHub.com/acme/echo/',
          id: sha,
          branch: 'main',
          message: 'fix: things',
          author: 'someone',
        },
      ],
    };
    expect(freightId(warehouse('w'), a)).toBe(freightId(warehouse('w'), b));
    expect(freightId(warehouse('w'), a)).not.toBe(freightId(warehouse('x'), a));
  });

  test('parts are sorted by UTF-8 bytes, like Go', () => {
    // U+FF21 (3 UTF-8 bytes, EF BC A1) sorts before U+1F600 (F0 9F 98 80) in bytes,
    // but after it in UTF-16 code units (FF21 > D83D).
    const parts = freightIdParts({
      images: [
        { repoURL: 'r', tag: '\u{1F600}', digest: '' },
        { repoURL: 'r', tag: '\uFF21', digest: '' },
      ],
      charts: [],
      commits: [],
    });
    expect(parts).toEqual(['r:\uFF21@', 'r:\u{1F600}@']);
  });
});
