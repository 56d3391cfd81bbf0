import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { headOf } from '../../../src/state/freight-index.js';
import { parseListing, treeEntries } from '../../../src/state/store.js';

const sha = (s: string) => createHash('sha1').update(s).digest('hex');

/** `ls-remote --tags` lines for a tag: annotated ones have their peeled line after them. */
const tag = (name: string, annotated = true) =>
  `${sha(`obj ${name}`)}\trefs/tags/${name}\n` +
  (annotated ? `${sha(`peeled ${name}`)}\trefs/tags/${name}^{}\n` : '');

describe('a listing of the project tags', () => {
  test('folds every freight ref into the index head as it reads them, lightweight tags too', () => {
    const ids = Array.from({ length: 300 }, (_, i) => sha(`freight ${i}`));
    const text = [
      ...ids.map((id, i) => tag(`gantry/echo/freight/${id}`, i % 7 !== 3)),
      tag(`gantry/echo/verified/dev/${ids[0]}`),
      tag(`gantry/echo/approved/dev/${ids[1]}`, false),
      tag(`gantry/echo/alias/first`),
      // Not freight though under the prefix: not hex, too short, another project's.
      tag(`gantry/echo/freight/${'g'.repeat(40)}`),
      tag(`gantry/echo/freight/${ids[2]?.slice(1)}`),
      tag(`gantry/echo/mine`),
      tag(`gantry/echoes/freight/${ids[3]}`),
    ].join('');
    const listing = parseListing(text, 'echo');
    const freight = listing.annotated.filter((r) => r.ref.kind === 'freight');
    expect(freight).toHaveLength(300 - Math.ceil((300 - 3) / 7));
    // The lightweight freight tags are listed (to be reported, never read) and counted: the
    // head needs no peeled line.
    const all = listing.refs.filter((r) => r.ref.kind === 'freight');
    expect(all).toHaveLength(300);
    expect(listing.freightHead).toEqual(headOf(all.map((r) => r.oid)));
    expect(listing.peeled).toBe(true);
    expect(parseListing('', 'echo').freightHead).toEqual(headOf([]));

    // `ls-remote --refs` (no peeled lines): the same head, and every ref of a kind is a
    // candidate to read, its object telling whether it is a tag.
    const bare = text
      .split('\n')
      .filter((l) => !l.endsWith('^{}'))
      .join('\n');
    const refsOnly = parseListing(bare, 'echo', false);
    expect(refsOnly.peeled).toBe(false);
    expect(refsOnly.freightHead).toEqual(listing.freightHead);
    expect(refsOnly.annotated.map((r) => r.name)).toEqual(listing.refs.map((r) => r.name));
    // Peeled lines read as refs-only would be no refs at all, never freight.
    expect(parseListing(text, 'echo', false).freightHead).toEqual(listing.freightHead);
  });

  test('hands out the refs of some freight without making the others; one object per ref', () => {
    const ids = Array.from({ length: 50 }, (_, i) => sha(`freight ${i}`));
    const text = [
      tag(`gantry/echo/alias/${ids[1]}/20261206T124718123Z-1a2b3c4d`),
      tag(`gantry/echo/approved/dev/${ids[4]}`),
      tag(`gantry/echo/approved/dev/${ids[5]}`, false),
      ...ids.map((id, i) => tag(`gantry/echo/freight/${id}`, i !== 7)),
      tag(`gantry/echo/verified/dev/${ids[4]}`),
      tag(`gantry/echo/verified/prod/${ids[9]}`),
    ].join('');
    const listing = parseListing(text, 'echo');
    const wanted = new Set([ids[4] as string, ids[7] as string, ids[9] as string]);
    // In the listing's order; the lightweight freight tag (7) is not annotated.
    expect(
      listing.annotatedOf(wanted).map((r) => r.name.replace('refs/tags/gantry/echo/', '')),
    ).toEqual([
      `approved/dev/${ids[4]}`,
      `freight/${ids[4]}`,
      `freight/${ids[9]}`,
      `verified/dev/${ids[4]}`,
      `verified/prod/${ids[9]}`,
    ]);
    expect(listing.annotatedOf(wanted)).toEqual(
      listing.annotated.filter((r) => wanted.has(r.ref.freightId)),
    );
    // `refs` and `annotated` share their objects: readers tell lightweight tags by identity.
    const annotated = new Set(listing.annotated);
    expect(listing.refs.filter((r) => !annotated.has(r)).map((r) => r.name)).toEqual([
      `refs/tags/gantry/echo/approved/dev/${ids[5]}`,
      `refs/tags/gantry/echo/freight/${ids[7]}`,
    ]);
    expect(listing.refs.map((r) => r.name)).toEqual(
      text
        .split('\n')
        .map((l) => l.split('\t')[1] ?? '')
        .filter((n) => n && !n.endsWith('^{}') && !n.includes('/alias/')),
    );
    expect(listing.notes.map((n) => n.name)).toEqual([
      `refs/tags/gantry/echo/alias/${ids[1]}/20261206T124718123Z-1a2b3c4d`,
    ]);

    // Without peeled lines nothing is known lightweight: the lightweight freight tag (7) and
    // approval (5) are candidates like the others, and so is every note.
    const refsOnly = parseListing(
      text
        .split('\n')
        .filter((l) => !l.endsWith('^{}'))
        .join('\n'),
      'echo',
      false,
    );
    const more = new Set([...wanted, ids[5] as string]);
    expect(refsOnly.annotatedOf(more).map((r) => r.name)).toEqual(
      listing.refs.filter((r) => more.has(r.ref.freightId)).map((r) => r.name),
    );
    expect(refsOnly.notes.map((n) => n.name)).toEqual(listing.notes.map((n) => n.name));
    expect(refsOnly.lightweightNotes).toEqual([]);
  });

  test('a tree object reads as its entries', () => {
    const oid = sha('blob');
    const body = Buffer.concat([
      Buffer.from('100644 000001\0'),
      Buffer.from(oid, 'hex'),
      Buffer.from('40000 sub dir\0'),
      Buffer.from(sha('tree'), 'hex'),
    ]);
    expect(treeEntries(body)).toEqual([
      { mode: '100644', name: '000001', oid },
      { mode: '40000', name: 'sub dir', oid: sha('tree') },
    ]);
  });
});
