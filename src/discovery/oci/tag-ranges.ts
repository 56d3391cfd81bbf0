/**
 * Parallel tag listing for registries whose `?n=&last=` paging is lexical (distribution, GHCR,
 * Harbor, Artifact Registry): the answer to `last=X` is the first n tags after X in lexical order,
 * whether or not X is a tag. After page 1, the rest of the key space can then be cut at boundary
 * strings into intervals listed by independent chains at once. Where the boundaries fall decides
 * only the speed: an interval with no tags costs one request, and each chain's last page overlaps
 * the next interval (one request per boundary at most).
 *
 * Nothing here is trusted: every page is checked (ascending, after its cursor, same repository),
 * and the seams between intervals are checked against each other (the first tag a chain saw past
 * its upper boundary must be the first tag of the next chain). Any doubt returns `undefined`, and
 * the caller lists sequentially from the end of page 1, as it would have without this.
 *
 * "Page 1" here is the page the caller starts from: client.ts hands over page 2 of the listing
 * (and all tags so far), so that a listing of two pages never pays for boundary probes; and the
 * first boundaries wait for the next page (the listing's page 3) to name one more, so that a
 * listing of three pages does not either.
 */

/** One page of a tag listing, as the client read it. */
export interface TagPage {
  tags: readonly unknown[];
  /** The `rel="next"` link, resolved against the page URL; undefined on the last page. */
  next?: URL;
  /** The document's `name`. */
  name: unknown;
}

export interface TagRangeOptions {
  /** Page 1's next link: the URL every chain's requests are made from, `last` replaced. */
  template: URL;
  /** Page 1's tags, ascending (the last one is the cursor the rest starts after). */
  firstPage: readonly string[];
  /** Page 1's `name`: every page must name the same repository. */
  name: unknown;
  /** Most chains (and so requests) in flight at once. */
  concurrency: number;
  /** Most boundaries over the whole listing: the bound on requests beyond the sequential ones. */
  maxBoundaries: number;
  /** Tags in a full page (page 1's, when not given): only a full page says how dense a chain is. */
  pageSize?: number;
  /** One page; `signal` aborts once the listing has failed, so no chain retries in vain. */
  fetchPage: (url: string, signal: AbortSignal) => Promise<TagPage>;
  /** After each page: tags gathered so far (page 1 included), pages read so far. */
  onPage?: (tags: number, pages: number) => void;
}

// The OCI tag grammar, `[A-Za-z0-9_][A-Za-z0-9._-]{0,127}`: ASCII only, so JavaScript's string
// order (UTF-16 code units) is the byte order registries sort by.
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

/**
 * The URL chains request from, when page 1 shows lexical cursors: a full page of valid tags,
 * strictly ascending, whose next link is the same listing with `last` set to page 1's last tag.
 * Registries with opaque cursors (ECR's tokens, Quay's `next_page`) or other orders fail this.
 */
export function lexicalTemplate(
  tags: readonly unknown[],
  next: URL,
  pageURL: URL,
): URL | undefined {
  if (tags.length < 2) return undefined;
  let prev = '';
  for (const t of tags) {
    if (typeof t !== 'string' || !TAG.test(t) || t <= prev) return undefined;
    prev = t;
  }
  if (next.origin !== pageURL.origin || next.pathname !== pageURL.pathname) return undefined;
  if (next.searchParams.getAll('last').length !== 1 || next.searchParams.get('last') !== prev) {
    return undefined;
  }
  return next;
}

const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

const SEPARATORS = '._-';

/**
 * The characters position `d` probably takes, guessed from the run of letters and digits from it
 * on in the sample's tags (`6` in `2026.01.02-ab12cd3`, the whole of a digest): digits always;
 * letters of a case only where those runs have them, and only a–f (A–F) when they have no other
 * letter of that case (hex digests).
 */
function alphabetAt(sample: readonly string[], d: number): string {
  let lower = '';
  let upper = '';
  for (const t of sample) {
    if (d >= t.length) continue;
    for (let i = d; i < t.length && !SEPARATORS.includes(t[i] as string); i++) {
      const c = t[i] as string;
      if (c >= 'a' && c <= 'z' && c > lower) lower = c;
      else if (c >= 'A' && c <= 'Z' && c > upper) upper = c;
    }
  }
  const letters = (set: string, top: string): string =>
    top === '' ? '' : top <= (set === LOWER ? 'f' : 'F') ? set.slice(0, 6) : set;
  return DIGITS + letters(UPPER, upper) + letters(LOWER, lower);
}

/** Up to `k` of `xs`, spread evenly (the intervals between them about equal in candidates). */
function spread<T>(xs: readonly T[], k: number): T[] {
  if (xs.length <= k) return [...xs];
  return Array.from({ length: k }, (_, i) => xs[Math.floor(((i + 1) * xs.length) / (k + 1))] as T);
}

/** Whether only 9s follow position `d` in its run of constant digits (none: its last digit). */
function lowOrCarry(lo: string, d: number, varying: number): boolean {
  for (let i = d + 1; i < varying && isDigit(lo[i]); i++) if (lo[i] !== '9') return false;
  return true;
}

/**
 * Up to `max` boundaries strictly between `lo` (a tag) and `hi` (a boundary; undefined: no upper
 * end), guessed from `sample` (the page that ended at `lo`). A boundary is a prefix of `lo` with
 * the character at one position raised: at the first position where the sample's tags differ
 * (the page's own spread continues there), and at constant digit positions that end a run of
 * digits or that the next increment carries into (counters: the `1` of `v1.`, the year's last
 * digit in `2026.`, the `2` of `2029.`). Constant letters are names (`build-`, `v`), and the
 * other digits of a number are high parts the page shows no sign of changing. Coarse positions
 * first, spread evenly when a position offers more than the room left.
 */
export function splitPoints(
  lo: string,
  hi: string | undefined,
  sample: readonly string[],
  max: number,
): string[] {
  if (max <= 0) return [];
  const floor = hi === undefined ? 0 : commonPrefixLength(lo, hi);
  let varying = lo.length;
  for (const t of sample) varying = Math.min(varying, commonPrefixLength(t, lo));
  varying = Math.max(varying, floor);
  const out: string[] = [];
  for (let d = floor; d < lo.length && d <= varying && out.length < max; d++) {
    const c = lo[d] as string;
    const counter = isDigit(c) && lowOrCarry(lo, d, varying);
    if (d < varying && !counter) continue;
    const alphabet = alphabetAt(sample, d);
    const top = d === floor && hi !== undefined ? hi[d] : undefined;
    const prefix = lo.slice(0, d);
    const candidates: string[] = [];
    for (const x of alphabet)
      if (x > c && (top === undefined || x < top)) candidates.push(prefix + x);
    out.push(...spread(candidates, max - out.length));
  }
  return out.sort();
}

interface Interval {
  /** Exclusive lower end: the cursor the interval's chain starts from. */
  lo: string;
  /** Inclusive upper end; undefined for the last interval. Lowered when the interval is split. */
  hi: string | undefined;
  tags: string[];
  /** The first tag of the chain's first page; null when that page was empty. */
  first?: string | null;
  /** The first tag seen past `hi`: the next interval's `first` must be it. */
  beyond?: string;
  /** The chain reached the end of the listing. */
  end: boolean;
  /** Where the chain's next page starts: the last tag it read (`lo` before its first page). */
  cursor: string;
  /** The chain's last page while it waits for the next, when that page was full: its density. */
  seen?: readonly string[];
  /** The chain has a request to make or in flight. */
  running: boolean;
}

/**
 * Tag names as mixed-radix fractions, for estimates only (never for correctness): the digits at
 * each position are the characters seen there in any page (all ten digits once one is), in
 * order, so that names map to [0, 1) in lexical order and the space between two tags is roughly
 * proportional to how many names of their shape fit between them. 1 stands past every name.
 */
class KeySpace {
  private readonly at: string[][] = [];

  learn(tag: string): void {
    for (let i = 0; i < tag.length; i++) {
      let set = this.at[i];
      if (!set) {
        set = [];
        this.at[i] = set;
      }
      const c = tag[i] as string;
      if (set.includes(c)) continue;
      // One digit at a position stands for all ten: counters take every value in time.
      if (isDigit(c)) {
        for (const d of DIGITS) if (!set.includes(d)) set.push(d);
      } else set.push(c);
      set.sort();
    }
  }

  /** The fraction of `s`, read to at most `depth` positions. */
  value(s: string, depth = 12): number {
    let v = 0;
    let scale = 1;
    for (let i = 0; i < Math.min(s.length, depth); i++) {
      const set = this.at[i] ?? DIGITS_LIST;
      const radix = set.length + 1;
      scale /= radix;
      // A character not seen at this position sits between its neighbours.
      const c = s[i] as string;
      let rank = 0;
      while (rank < set.length && (set[rank] as string) < c) rank++;
      v += (set[rank] === c ? rank + 1 : rank + 0.5) * scale;
    }
    return v;
  }

  /** The shortest string above `lo` whose fraction is about `v` (`v` above lo's fraction). */
  nameAt(v: number, lo: string): string {
    let out = '';
    let rest = v;
    let scale = 1;
    for (let i = 0; i < 24; i++) {
      const set = this.at[i] ?? DIGITS_LIST;
      const radix = set.length + 1;
      scale /= radix;
      const rank = Math.min(set.length, Math.floor(rest / scale));
      if (rank === 0) break;
      out += set[rank - 1] as string;
      rest -= rank * scale;
      if (out > lo) break;
    }
    return out;
  }
}

const DIGITS_LIST = [...'0123456789'];

class Violation extends Error {}

// The two loops over every tag of a page are functions of their own: inline, V8 would optimize
// the whole async chain for them (see addNewTags in client.ts).

/** Whether every tag is a string, after `cursor` and after the one before it. */
function ascendingAfter(tags: readonly unknown[], cursor: string): boolean {
  let prev = cursor;
  for (const t of tags) {
    if (typeof t !== 'string' || t <= prev) return false;
    prev = t;
  }
  return true;
}

/** Appends to `out` the leading tags up to `hi` (all when undefined); returns how many. */
function keepUpTo(tags: readonly string[], hi: string | undefined, out: string[]): number {
  let keep = 0;
  while (keep < tags.length && (hi === undefined || (tags[keep] as string) <= hi)) {
    out.push(tags[keep] as string);
    keep++;
  }
  return keep;
}

/**
 * Boundaries beyond the first cuts are earned by pages read, one per this many, so that a short
 * listing whose first guesses were poor does not spend its whole budget of probes on a few pages.
 */
const PAGES_PER_BOUNDARY = 3;

/** A chain is cut again only when it has about this many pages left: fewer would not pay. */
const MIN_PAGES_LEFT = 3;

/** Pages left in a running chain's interval, judged by the density of its last page. */
function pagesLeft(space: KeySpace, iv: Interval): number {
  const seen = iv.seen;
  if (!seen || seen.length < 2) return 0;
  const a = space.value(seen[0] as string);
  const b = space.value(seen[seen.length - 1] as string);
  const top = iv.hi === undefined ? 1 : space.value(iv.hi);
  if (!(b > a)) return top > b ? Infinity : 0;
  return (top - b) / (b - a);
}

/**
 * The tags after page 1, listed by up to `concurrency` chains at once, in lexical order: exactly
 * what following the next links one by one returns; undefined when a page or seam says the
 * registry does not page lexically (then nothing of this listing is used). A request error ends
 * every chain at once (the others' requests and retry waits are aborted) and is thrown.
 *
 * Boundaries: page 1 and the root chain's first page give the first ones (splitPoints), once that
 * page names a next one. Whenever a chain is free to start (one ended, or the first ones could not
 * fill every slot), the running chain with the most pages left by its last page's density is cut
 * again at the middle of what is left, so a badly guessed boundary costs a few pages, not a long
 * chain read alone.
 */
export async function listTagRanges(opts: TagRangeOptions): Promise<string[] | undefined> {
  const { template, firstPage, concurrency } = opts;
  const pageSize = opts.pageSize ?? firstPage.length;
  const intervals: Interval[] = [];
  const running = new Set<Promise<void>>();
  const space = new KeySpace();
  for (const t of firstPage) space.learn(t);
  let boundaries = 0;
  let stopped = false;
  let failure: unknown;
  let violation = false;
  let gathered = firstPage.length;
  const abort = new AbortController();
  let pages = 1;
  /**
   * The first boundaries are set once the root chain's first page names a next one: where that
   * page ends the listing (three pages in all), a boundary would cost a request and save no
   * round trip. Long listings pay one round trip for the wait.
   */
  let firstCut = false;

  const urlFor = (cursor: string): string => {
    const u = new URL(template.href);
    u.searchParams.set('last', cursor);
    return u.href;
  };

  /** Cuts `iv` at `points` (ascending, between its cursor and its upper end), a chain for each. */
  const cut = (iv: Interval, points: readonly string[]): void => {
    boundaries += points.length;
    const at = intervals.indexOf(iv);
    const added: Interval[] = points.map((p, i) => ({
      lo: p,
      hi: i + 1 < points.length ? points[i + 1] : iv.hi,
      tags: [],
      end: false,
      cursor: p,
      running: true,
    }));
    iv.hi = points[0];
    intervals.splice(at + 1, 0, ...added);
    for (const a of added) start(a);
  };

  /** Fills free chain slots by cutting the running chains with the most pages left. */
  const rebalance = (): void => {
    if (!firstCut) return;
    const earned = Math.max(concurrency - 1, Math.floor(pages / PAGES_PER_BOUNDARY));
    while (
      !stopped &&
      running.size < concurrency &&
      boundaries < Math.min(opts.maxBoundaries, earned)
    ) {
      let best: Interval | undefined;
      let most = MIN_PAGES_LEFT;
      for (const iv of intervals) {
        if (!iv.running) continue;
        const left = pagesLeft(space, iv);
        if (left > most) {
          most = left;
          best = iv;
        }
      }
      if (!best) return;
      const room = Math.min(
        concurrency - running.size,
        Math.min(opts.maxBoundaries, earned) - boundaries,
      );
      const parts = Math.min(room + 1, Math.max(2, Math.floor(most)));
      const points = middles(best, parts);
      best.seen = undefined;
      if (points.length > 0) cut(best, points);
    }
  };

  /** Up to `parts - 1` points cutting what is left of `iv` into parts of about equal size. */
  const middles = (iv: Interval, parts: number): string[] => {
    const from = iv.cursor;
    if (iv.hi === undefined) return splitPoints(from, undefined, iv.seen ?? [], parts - 1);
    const a = space.value(from);
    const b = space.value(iv.hi);
    const out: string[] = [];
    for (let k = 1; k < parts; k++) {
      const p = space.nameAt(a + ((b - a) * k) / parts, from);
      if (p > from && p < iv.hi && p > (out[out.length - 1] ?? '')) out.push(p);
    }
    return out;
  };

  const chain = async (iv: Interval): Promise<void> => {
    for (;;) {
      if (stopped) return;
      const cursor = iv.cursor;
      const page = await opts.fetchPage(urlFor(cursor), abort.signal);
      // Only a chain waiting for its next page, all it kept below its cursor, may be cut.
      iv.seen = undefined;
      if (stopped) return;
      pages++;
      if (page.name !== opts.name) throw new Violation();
      if (!ascendingAfter(page.tags, cursor)) throw new Violation();
      const fresh = page.tags as readonly string[];
      const prev = fresh[fresh.length - 1] ?? cursor;
      if (iv.first === undefined) iv.first = fresh[0] ?? null;
      const keep = keepUpTo(fresh, iv.hi, iv.tags);
      gathered += keep;
      opts.onPage?.(gathered, pages);
      if (keep < fresh.length) {
        iv.beyond = fresh[keep];
        return;
      }
      if (!page.next || fresh.length === 0) {
        iv.end = true;
        return;
      }
      if (
        page.next.origin !== template.origin ||
        page.next.pathname !== template.pathname ||
        page.next.searchParams.get('last') !== prev
      ) {
        throw new Violation();
      }
      iv.cursor = prev;
      if (!firstCut) {
        firstCut = true;
        // Guessed as from page 1, whose tags show the shape of the names, and this page.
        const points = splitPoints(
          prev,
          undefined,
          [...firstPage, ...fresh],
          Math.min(concurrency - 1, opts.maxBoundaries),
        );
        if (points.length > 0) cut(iv, points);
        continue;
      }
      if (fresh.length >= pageSize) {
        space.learn(fresh[0] as string);
        space.learn(prev);
        iv.seen = fresh;
        rebalance();
      }
    }
  };

  function start(iv: Interval): void {
    iv.running = true;
    const p: Promise<void> = chain(iv)
      .catch((err: unknown) => {
        if (err instanceof Violation) violation = true;
        // A chain stopped by another's failure: that failure is the one reported.
        else if (!abort.signal.aborted) failure ??= err;
        stopped = true;
        abort.abort();
      })
      .finally(() => {
        iv.running = false;
        iv.seen = undefined;
        running.delete(p);
        rebalance();
      });
    running.add(p);
  }

  const last = firstPage[firstPage.length - 1] as string;
  const root: Interval = {
    lo: last,
    hi: undefined,
    tags: [],
    end: false,
    cursor: last,
    running: true,
  };
  intervals.push(root);
  // The root chain starts at page 1's own cursor, so it is the sequential listing's next page;
  // it alone, until that page names another (see firstCut).
  start(root);
  while (running.size > 0) await Promise.all([...running]);

  if (failure !== undefined) throw failure;
  if (violation) return undefined;
  for (let i = 0; i < intervals.length; i++) {
    const iv = intervals[i] as Interval;
    const next = intervals[i + 1];
    if (!next) {
      if (!iv.end) return undefined;
      break;
    }
    if (iv.end ? next.first !== null : next.first !== iv.beyond) return undefined;
  }
  const out: string[] = [];
  for (const iv of intervals) for (const t of iv.tags) out.push(t);
  return out;
}
