/**
 * What is said about freight after it was recorded: Kargo's `set-freight-alias` and the Freight
 * half of `set-metadata`. A freight tag is immutable (its name and document are the freight), so
 * each change is a tag of its own, written once and never moved:
 *
 *   gantry/<project>/alias/<freight-id>/<stamp>      a new alias for the freight
 *   gantry/<project>/metadata/<freight-id>/<stamp>   metadata keys for the freight
 *
 * `<stamp>` is the record's time (`20261206T124718123Z`) and a random suffix, so two writers never
 * name the same tag. Reading folds the records in time order: the newest alias wins, metadata
 * keys are set one by one (a later record's key replaces an earlier one's, other keys stay).
 *
 * Aliases are unique in a project. The fold gives each alias to the freight that claimed it first,
 * counting a freight's own alias from its freight tag as a claim at its creation time: a claim of
 * an alias another freight holds at that moment is ignored (the claimant keeps its alias). So a
 * record that lost a race with another writer is harmless, and what wins never changes later.
 */
import { randomBytes } from 'node:crypto';
import type { Freight } from '../freight/types.js';
import { OperationError } from '../util/errors.js';
import { parseTagBody } from './records.js';
import { projectRefPrefix } from './refs.js';

export interface AliasRecord {
  project: string;
  freightId: string;
  alias: string;
  /** The alias the freight had when the record was written, for people reading the tag. */
  previous?: string;
  recordedAt: string;
  recordedBy: string;
  /** The stage whose promotion set it. */
  stage?: string;
}

export interface FreightMetadataRecord {
  project: string;
  freightId: string;
  /** Keys to JSON values; a key set to null stays, with the value null (as in Kargo). */
  values: Record<string, unknown>;
  recordedAt: string;
  recordedBy: string;
  stage?: string;
}

export type FreightNote =
  { kind: 'alias'; record: AliasRecord } | { kind: 'metadata'; record: FreightMetadataRecord };

export type FreightNoteKind = FreightNote['kind'];

const NOTE_PATTERN = /^refs\/tags\/gantry\/([^/]+)\/(alias|metadata)\/([0-9a-f]{40})\/([^/]+)$/;

/** The kind and freight of a note's ref name; undefined for any other ref. */
export function parseNoteRef(
  name: string,
): { project: string; kind: FreightNoteKind; freightId: string } | undefined {
  const m = NOTE_PATTERN.exec(name);
  if (!m) return undefined;
  return { project: m[1] as string, kind: m[2] as FreightNoteKind, freightId: m[3] as string };
}

/** `20261206T124718123Z-1a2b3c4d`: sorts by time, unique per writer. */
export function noteStamp(at: Date, random = randomBytes(4).toString('hex')): string {
  return `${at.toISOString().replace(/[-:.]/g, '')}-${random}`;
}

export function noteRefName(note: FreightNote, stamp: string): string {
  const r = note.record;
  return `${projectRefPrefix(r.project)}${note.kind}/${r.freightId}/${stamp}`;
}

export function serializeNote(note: FreightNote): string {
  const r = note.record;
  const subject =
    note.kind === 'alias'
      ? `alias ${note.record.alias} for freight ${r.freightId.slice(0, 7)}`
      : `metadata ${Object.keys(note.record.values).join(', ')} of freight ${r.freightId.slice(0, 7)}`;
  return `${subject}\n\n${JSON.stringify(r, null, 2)}\n`;
}

/** Reads a note tag's message; `ref` is what its name says, which the document must match. */
export function parseNote(
  message: string,
  where: string,
  ref: { project: string; kind: FreightNoteKind; freightId: string },
): FreightNote {
  const d = parseTagBody(message, where);
  const fail = (why: string): never => {
    throw new OperationError(`unreadable tag ${where}: ${why}`);
  };
  const str = (key: string, optional = false): string | undefined => {
    const v = d[key];
    if (v === undefined && optional) return undefined;
    if (typeof v !== 'string' || v === '') return fail(`field "${key}" must be a non-empty string`);
    return v;
  };
  const common = {
    project: str('project') as string,
    freightId: str('freightId') as string,
    recordedAt: str('recordedAt') as string,
    recordedBy: str('recordedBy') as string,
    ...(typeof d.stage === 'string' ? { stage: d.stage } : {}),
  };
  if (common.project !== ref.project || common.freightId !== ref.freightId) {
    fail(`its document names ${common.project}/${common.freightId}, not the tag's own`);
  }
  if (Number.isNaN(Date.parse(common.recordedAt))) fail('field "recordedAt" is not a time');
  if (ref.kind === 'alias') {
    const previous = str('previous', true);
    return {
      kind: 'alias',
      record: {
        ...common,
        alias: str('alias') as string,
        ...(previous !== undefined ? { previous } : {}),
      },
    };
  }
  const values = d.values;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    return fail('field "values" must be an object');
  }
  return { kind: 'metadata', record: { ...common, values: values as Record<string, unknown> } };
}

export interface ResolvedNotes {
  /** The alias of each freight, after its records (only those that differ from the tag's). */
  aliases: Map<string, string>;
  /** Each freight's metadata, its records folded in time order. */
  metadata: Map<string, Record<string, unknown>>;
  /** Alias records that lost: the alias was held by another freight at the time. */
  denied: { record: AliasRecord; tag: string; heldBy: string }[];
}

/** Records in the order they apply: time, then tag name (the stamp's random part). */
const byTime = <T extends { at: number; key: string }>(a: T, b: T): number =>
  a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Folds a project's notes over its freight (see the module comment). Notes about freight that is
 * not in `freight` (deleted, unreadable) are ignored.
 */
export function resolveNotes(
  freight: readonly Pick<Freight, 'id' | 'alias' | 'createdAt'>[],
  notes: readonly { note: FreightNote; tag: string }[],
): ResolvedNotes {
  const created = new Map(freight.map((f) => [f.id, Date.parse(f.createdAt)]));
  type Claim = {
    at: number;
    key: string;
    id: string;
    alias: string;
    record?: { record: AliasRecord; tag: string };
  };
  const claims: Claim[] = freight.map((f) => ({
    at: created.get(f.id) as number,
    // A freight's own alias counts before a record made in the same millisecond.
    key: `0 ${f.id}`,
    id: f.id,
    alias: f.alias,
  }));
  const meta: { at: number; key: string; record: FreightMetadataRecord }[] = [];
  for (const { note, tag } of notes) {
    const born = created.get(note.record.freightId);
    if (born === undefined) continue;
    // A writer's clock behind the one that recorded the freight must not put a record first.
    const at = Math.max(Date.parse(note.record.recordedAt), born);
    if (note.kind === 'alias') {
      const r = note.record;
      claims.push({
        at,
        key: `1 ${tag}`,
        id: r.freightId,
        alias: r.alias,
        record: { record: r, tag },
      });
    } else meta.push({ at, key: tag, record: note.record });
  }
  claims.sort(byTime);
  const holder = new Map<string, string>();
  const current = new Map<string, string>();
  const denied: ResolvedNotes['denied'] = [];
  for (const c of claims) {
    const held = holder.get(c.alias);
    if (held !== undefined && held !== c.id) {
      if (c.record) {
        denied.push({ ...c.record, heldBy: held });
        continue;
      }
      // Two freight tags with one alias (recorded by hand, or by writers racing): the later one
      // is shown with its ID, so that each alias still names one freight.
      c.alias = `${c.alias}-${c.id.slice(0, 7)}`;
    }
    const before = current.get(c.id);
    if (before !== undefined && holder.get(before) === c.id) holder.delete(before);
    holder.set(c.alias, c.id);
    current.set(c.id, c.alias);
  }
  const aliases = new Map<string, string>();
  for (const f of freight) {
    const now = current.get(f.id);
    if (now !== undefined && now !== f.alias) aliases.set(f.id, now);
  }
  meta.sort(byTime);
  const metadata = new Map<string, Record<string, unknown>>();
  for (const { record } of meta) {
    metadata.set(record.freightId, mergeMetadata(metadata.get(record.freightId), record.values));
  }
  return { aliases, metadata, denied };
}

/** Kargo's upsert: each key of `values` replaces the key of `base`, other keys stay. */
export function mergeMetadata(
  base: Readonly<Record<string, unknown>> | undefined,
  values: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const src of [base ?? {}, values]) {
    for (const [k, v] of Object.entries(src)) {
      // defineProperty: a key named __proto__ is data here, as in JSON.
      Object.defineProperty(out, k, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return out;
}

/** The message of a raw tag object: everything after the header's blank line. */
function tagMessage(body: Buffer): string {
  const text = body.toString('utf8');
  const i = text.indexOf('\n\n');
  return i < 0 ? '' : text.slice(i + 2);
}

/** Parses the note tags a listing found; one that cannot be read is passed to `skip`. */
export function readNotes(
  refs: readonly {
    name: string;
    oid: string;
    note: NonNullable<ReturnType<typeof parseNoteRef>>;
  }[],
  objects: ReadonlyMap<string, { type: string; body: Buffer }>,
  skip: (name: string, problem: string) => void,
): { note: FreightNote; tag: string }[] {
  const out: { note: FreightNote; tag: string }[] = [];
  for (const { name, oid, note } of refs) {
    const tag = name.replace(/^refs\/tags\//, '');
    const obj = objects.get(oid);
    if (obj?.type !== 'tag') {
      skip(name, `unreadable tag ${tag}: it is not an annotated tag`);
      continue;
    }
    try {
      out.push({ note: parseNote(tagMessage(obj.body), tag, note), tag });
    } catch (err) {
      if (!(err instanceof OperationError)) throw err;
      skip(name, err.message);
    }
  }
  const at = new Map(out.map((n) => [n, Date.parse(n.note.record.recordedAt)]));
  return out.sort((a, b) =>
    byTime({ at: at.get(a) as number, key: a.tag }, { at: at.get(b) as number, key: b.tag }),
  );
}

/** A snapshot with the notes folded in: each freight's alias, and the metadata by freight ID. */
export function applyNotes<
  S extends {
    freight: Freight[];
    freightMetadata?: Record<string, Record<string, unknown>>;
    notes?: { note: FreightNote; tag: string }[];
    deniedAliases?: ResolvedNotes['denied'];
  },
>(snap: S, notes: { note: FreightNote; tag: string }[]): S {
  const resolved = resolveNotes(snap.freight, notes);
  const freightMetadata: Record<string, Record<string, unknown>> = {};
  for (const [id, m] of resolved.metadata) freightMetadata[id] = m;
  return {
    ...snap,
    freight: snap.freight.map((f) => {
      const alias = resolved.aliases.get(f.id);
      return alias === undefined ? f : { ...f, alias };
    }),
    freightMetadata,
    notes,
    ...(resolved.denied.length ? { deniedAliases: resolved.denied } : {}),
  };
}

/** The stage state's metadata after a promotion that set `set` (undefined: nothing). */
export function nextStageMetadata(
  previous: { metadata?: Record<string, unknown> } | undefined,
  set: Readonly<Record<string, unknown>> | undefined,
): { metadata?: Record<string, unknown> } {
  const merged = set ? mergeMetadata(previous?.metadata, set) : previous?.metadata;
  return merged && Object.keys(merged).length ? { metadata: merged } : {};
}
