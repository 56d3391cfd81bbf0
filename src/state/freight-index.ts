/**
 * The freight index of a project: the ref `refs/gantry/<project>/freight-index`, a commit whose
 * tree holds the project's freight as lines of text in numbered shards, oldest first, and whose
 * message counts them. It exists so that "the newest 20 freight" reads one shard instead of every
 * freight tag ever written: tag names carry no time, and reading the time of 50,000 tags means
 * fetching 50,000 tag objects.
 *
 * The tags stay the source of truth. The index is updated in the same `git push --atomic` as the
 * tags it describes, and a reader checks it against the tag listing it reads anyway: the count of
 * freight refs and the XOR of their object IDs (a tag object names its tag, so its ID stands for
 * the pair). Every ref under a freight name counts, a lightweight tag too (listed with no time,
 * never shown), so that the check needs no peeled line of the listing (half its lines). An index
 * that disagrees (written by an older gantry that counted annotated tags only while a lightweight
 * one is there, a tag pushed or deleted by hand) is not used: the reader falls back to reading
 * every tag and writes a fresh index.
 */
import { OperationError } from '../util/errors.js';

/** The ref, outside refs/tags/ and refs/heads/: no clone, checkout or forge UI shows it. */
export const freightIndexRef = (project: string): string => `refs/gantry/${project}/freight-index`;

/** Lines per shard: a page of freight reads one or two shards (~70 KB each at most). */
export const SHARD_LINES = 500;

export interface IndexEntry {
  /**
   * The freight's createdAt; empty for a tag gantry could not read or a lightweight tag (counted,
   * never listed).
   */
  createdAt: string;
  freightId: string;
  /** The object ID the freight ref names (a tag object; a commit for a lightweight tag). */
  tagOid: string;
  warehouse: string;
  alias: string;
}

export interface IndexHead {
  count: number;
  /** XOR of the tag object IDs, 40 hex digits. */
  xor: string;
}

const ZERO = '0'.repeat(40);

/** XOR of 40-hex object IDs, as 40 hex digits (order does not matter; XOR twice removes one). */
export function xorOids(oids: Iterable<string>, start = ZERO): string {
  // Five 32-bit words: tens of thousands of IDs are folded on every page of freight.
  const acc = new Uint32Array(5);
  for (let i = 0; i < 5; i++) acc[i] = parseInt(start.slice(i * 8, i * 8 + 8), 16);
  for (const oid of oids)
    for (let i = 0; i < 5; i++)
      acc[i] = (acc[i] as number) ^ parseInt(oid.slice(i * 8, i * 8 + 8), 16);
  return [...acc].map((w) => w.toString(16).padStart(8, '0')).join('');
}

export function headOf(oids: readonly string[]): IndexHead {
  return { count: oids.length, xor: xorOids(oids) };
}

export const sameHead = (a: IndexHead, b: IndexHead): boolean =>
  a.count === b.count && a.xor === b.xor;

// Tabs and newlines cannot occur in IDs or timestamps; in an alias or a warehouse name they would
// break the line, so they become spaces (the tag keeps the real value).
const field = (s: string): string => s.replace(/[\t\r\n]/g, ' ');

export function formatEntry(e: IndexEntry): string {
  return [e.createdAt, e.freightId, e.tagOid, field(e.warehouse), field(e.alias)].join('\t');
}

export function parseShard(text: string, where: string): IndexEntry[] {
  const out: IndexEntry[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (!line) continue;
    const [createdAt = '', freightId = '', tagOid = '', warehouse = '', alias = ''] =
      line.split('\t');
    if (!/^[0-9a-f]{40}$/.test(freightId) || !/^[0-9a-f]{40}$/.test(tagOid)) {
      throw new OperationError(
        `freight index ${where}, line ${i + 1}: expected "createdAt<TAB>id<TAB>tag object<TAB>warehouse<TAB>alias"`,
      );
    }
    out.push({ createdAt, freightId, tagOid, warehouse, alias });
  }
  return out;
}

export function formatHeadMessage(project: string, head: IndexHead, what: string): string {
  return `freight index of ${project}: ${what}\n\ncount ${head.count}\nxor ${head.xor}\n`;
}

export function parseHeadMessage(message: string): IndexHead | undefined {
  const count = /^count (\d+)$/m.exec(message)?.[1];
  const xor = /^xor ([0-9a-f]{40})$/m.exec(message)?.[1];
  return count !== undefined && xor ? { count: Number(count), xor } : undefined;
}

/** Shard file names sort as numbers do: `000000`, `000001`, … */
export const shardName = (n: number): string => String(n).padStart(6, '0');

/** Splits entries (oldest first) into shard texts of at most SHARD_LINES lines. */
export function toShards(entries: readonly IndexEntry[]): string[] {
  const shards: string[] = [];
  for (let i = 0; i < entries.length; i += SHARD_LINES)
    shards.push(
      entries
        .slice(i, i + SHARD_LINES)
        .map((e) => formatEntry(e) + '\n')
        .join(''),
    );
  return shards;
}

/**
 * Strings by their UTF-16 code units: timestamps, IDs and shard names sort the same as with
 * localeCompare, without loading ICU's collation (tens of ms on a cold start) for it.
 */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Newest first, as `get freight` lists them; an unreadable tag's entry sorts last. */
export function byNewest(a: IndexEntry, b: IndexEntry): number {
  return compareText(b.createdAt, a.createdAt) || compareText(b.freightId, a.freightId);
}
