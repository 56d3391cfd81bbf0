import { createHash } from 'node:crypto';
import type { Freight } from '../../src/freight/types.js';

/** A freight for tests, with an ID derived from its tag (the real recipe has its own tests). */
export function makeFreight(
  tag: string,
  opts: { warehouse?: string; createdAt?: string; alias?: string } = {},
): Freight {
  const warehouse = opts.warehouse ?? 'echo';
  const id = createHash('sha1').update(`${warehouse}:${tag}`).digest('hex');
  return {
    id,
    alias: opts.alias ?? `alias-${tag.replace(/\W/g, '-')}`,
    origin: { kind: 'Warehouse', name: warehouse },
    images: [
      {
        repoURL: 'ghcr.io/acme/echo',
        tag,
        digest: `sha256:${createHash('sha256').update(tag).digest('hex')}`,
      },
    ],
    charts: [],
    commits: [],
    createdAt: opts.createdAt ?? '2026-11-01T10:00:00.000Z',
    createdBy: 'test',
  };
}
