import { describe, expect, it } from 'vitest';
import { projectSchema } from '../../../src/pipeline/index.js';
import { DURATION_PATTERN } from '../../../src/pipeline/duration.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every schema found under a `properties` keyword, with its JSON-pointer-ish location. */
function properties(node: Json, at = '#'): [string, { [key: string]: Json }][] {
  if (node === null || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap((n, i) => properties(n, `${at}/${i}`));
  const out: [string, { [key: string]: Json }][] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [name, prop] of Object.entries(value)) {
        if (prop && typeof prop === 'object' && !Array.isArray(prop))
          out.push([`${at}/properties/${name}`, prop]);
      }
    }
    out.push(...properties(value, `${at}/${key}`));
  }
  return out;
}

describe('schema/project.schema.json', () => {
  const schema = projectSchema as unknown as Json;

  it('is draft-07, for yaml-language-server', () => {
    expect(projectSchema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('describes every property (the reference docs are generated from it)', () => {
    const props = properties(schema).filter(
      ([at]) => !at.includes('/if/') && !at.includes('/then/'),
    );
    expect(props.length).toBeGreaterThan(60);
    const missing = props
      .filter(([, p]) => typeof p.description !== 'string' || !p.description)
      .map(([at]) => at);
    expect(missing).toEqual([]);
  });

  it('uses the same duration grammar as parseDuration', () => {
    expect(projectSchema.definitions.duration.pattern).toBe(DURATION_PATTERN);
  });
});
