/**
 * Human names for freight, such as `lucky-jaguar`: an adjective and an animal chosen by hash bits
 * of the freight ID, so every run that discovers the same freight proposes the same alias.
 */
import { createHash } from 'node:crypto';
import { ADJECTIVES, ANIMALS } from './words.js';

/** Attempts at an adjective-animal pair before falling back to a hex suffix. */
const MAX_PAIR_ATTEMPTS = 64;

function candidate(id: string, attempt: number): string {
  const h = createHash('sha256')
    .update(attempt === 0 ? id : `${id}#${attempt}`, 'utf8')
    .digest();
  const adjective = ADJECTIVES[h.readUInt32BE(0) % ADJECTIVES.length];
  const animal = ANIMALS[h.readUInt32BE(4) % ANIMALS.length];
  return `${adjective}-${animal}`;
}

/**
 * The alias for a freight ID that is not in `taken`. Deterministic: the first candidate comes from
 * the ID's hash; while it is taken, the next comes from hashing `id#1`, `id#2`, …; after
 * {@link MAX_PAIR_ATTEMPTS} taken pairs the first pair gets a hex suffix from the ID
 * (`lucky-jaguar-3f9a2c`), lengthened until free.
 */
export function freightAlias(id: string, taken: ReadonlySet<string>): string {
  for (let attempt = 0; attempt < MAX_PAIR_ATTEMPTS; attempt++) {
    const alias = candidate(id, attempt);
    if (!taken.has(alias)) return alias;
  }
  const base = candidate(id, 0);
  const hex = /^[0-9a-f]+$/.test(id) ? id : createHash('sha1').update(id, 'utf8').digest('hex');
  for (let n = Math.min(6, hex.length); n <= hex.length; n++) {
    const alias = `${base}-${hex.slice(0, n)}`;
    if (!taken.has(alias)) return alias;
  }
  for (let k = 2; ; k++) {
    const alias = `${base}-${hex}-${k}`;
    if (!taken.has(alias)) return alias;
  }
}
