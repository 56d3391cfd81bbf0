import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { freightAlias } from '../../../src/freight/alias.js';
import { ADJECTIVES, ANIMALS } from '../../../src/freight/words.js';

const ALIAS = /^[a-z]+-[a-z]+(-[0-9a-f]+)?$/;
const idOf = (s: string): string => createHash('sha1').update(s).digest('hex');

describe('word lists', () => {
  test.each([
    ['adjectives', ADJECTIVES],
    ['animals', ANIMALS],
  ])('%s: about 200+ unique lowercase a-z words', (_name, words) => {
    expect(words.length).toBeGreaterThanOrEqual(200);
    expect(new Set(words).size).toBe(words.length);
    for (const w of words) expect(w).toMatch(/^[a-z]{2,12}$/);
  });

  test('no word is in both lists', () => {
    const animals = new Set(ANIMALS);
    expect(ADJECTIVES.filter((a) => animals.has(a))).toEqual([]);
  });
});

describe('freightAlias', () => {
  test('is deterministic and well-formed', () => {
    const id = idOf('freight-1');
    const alias = freightAlias(id, new Set());
    expect(alias).toMatch(ALIAS);
    expect(alias.split('-')).toHaveLength(2);
    expect(freightAlias(id, new Set())).toBe(alias);
    expect(freightAlias(id, new Set(['unrelated-alias']))).toBe(alias);
    const [adjective, animal] = alias.split('-');
    expect(ADJECTIVES).toContain(adjective);
    expect(ANIMALS).toContain(animal);
  });

  test('different ids usually get different aliases', () => {
    expect(freightAlias(idOf('a'), new Set())).not.toBe(freightAlias(idOf('b'), new Set()));
  });

  test('a taken alias yields the next deterministic candidate', () => {
    const id = idOf('freight-2');
    const first = freightAlias(id, new Set());
    const second = freightAlias(id, new Set([first]));
    expect(second).not.toBe(first);
    expect(second).toMatch(ALIAS);
    expect(freightAlias(id, new Set([first]))).toBe(second);
    const third = freightAlias(id, new Set([first, second]));
    expect([first, second]).not.toContain(third);
  });

  test('when every pair is taken, a hex suffix of the id is appended', () => {
    const id = idOf('freight-3');
    const everyPair = {
      has: (s: string) => /^[a-z]+-[a-z]+$/.test(s),
    } as ReadonlySet<string>;
    const alias = freightAlias(id, everyPair);
    expect(alias).toBe(`${freightAlias(id, new Set())}-${id.slice(0, 6)}`);
    expect(alias).toMatch(ALIAS);

    const alsoShortSuffix = {
      has: (s: string) => /^[a-z]+-[a-z]+(-[0-9a-f]{6})?$/.test(s),
    } as ReadonlySet<string>;
    expect(freightAlias(id, alsoShortSuffix)).toBe(
      `${freightAlias(id, new Set())}-${id.slice(0, 7)}`,
    );

    const everything = { has: (s: string) => !/-\d+$/.test(s) } as ReadonlySet<string>;
    expect(freightAlias(id, everything)).toBe(`${freightAlias(id, new Set())}-${id}-2`);
  });

  test('non-hex ids still get a hex suffix', () => {
    const alias = freightAlias('not-hex', {
      has: (s: string) => !s.includes('-', s.indexOf('-') + 1),
    } as ReadonlySet<string>);
    expect(alias).toMatch(ALIAS);
  });

  test('assigning aliases to a project never repeats one', () => {
    const taken = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const alias = freightAlias(idOf(`f${i}`), taken);
      expect(taken.has(alias)).toBe(false);
      taken.add(alias);
    }
    expect(taken.size).toBe(2000);
  });

  test('distribution: 10,000 random ids give well over 9,000 distinct aliases', () => {
    const seen = new Set<string>();
    const adjectives = new Set<string>();
    const animals = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const alias = freightAlias(randomBytes(20).toString('hex'), new Set());
      seen.add(alias);
      const [adjective = '', animal = ''] = alias.split('-');
      adjectives.add(adjective);
      animals.add(animal);
    }
    // ~119,000 pairs: about 9,600 distinct expected.
    expect(seen.size).toBeGreaterThan(9_400);
    expect(adjectives.size).toBe(ADJECTIVES.length);
    expect(animals.size).toBe(ANIMALS.length);
  });
});
