/**
 * Image discovery: Kargo's four selection strategies over a registry client, with the fewest
 * registry requests each strategy needs.
 *
 * - SemVer / Lexical choose by tag name. The tag list is fetched, filtered and sorted; then only
 *   the tags that will be returned (at most `discoveryLimit`) are resolved, with `HEAD` (which
 *   Docker Hub does not count as a pull). With a platform filter a tag may fail it, so tags are
 *   examined in order, in batches no larger than the number still missing: nothing is fetched
 *   beyond what fills the limit.
 * - Digest follows one mutable tag (`constraint`, e.g. `latest`): one `HEAD`, no tag list.
 * - NewestBuild needs every candidate's build time, which lives in manifests and config blobs. It
 *   keeps what it learned in `<cacheDir>/images/<repository>.json` (tag → digest, build time,
 *   platforms, annotations), so a run over an unchanged tag list sends no manifest request at all,
 *   and a new tag pointing at a digest seen before costs a single request.
 *
 * Deviations from Kargo, on purpose:
 * - SemVer/Lexical/Digest without a platform filter resolve digests with `HEAD`, so they carry no
 *   annotations (Kargo GETs the manifest and its config for each). The digest is what freight
 *   needs; HEAD keeps scheduled runs off Docker Hub's pull quota.
 * - A single-platform image (no index) is matched against a platform filter by its config's
 *   os/architecture/variant; Kargo only looks at indexes, so with a filter it never selects a
 *   single-platform image.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImageSubscription } from '../pipeline/types.js';
import { ConfigError } from '../util/errors.js';
import type { DiscoveredImage, DiscoverySettings } from './types.js';
import {
  filterTags,
  mergeAnnotations,
  parsePlatform,
  platformMatches,
  semverMatcher,
  sortLexicalTags,
  sortNewestBuild,
  type PlatformConstraint,
  type PlatformEntry,
  ALL_TAGS,
  type TagFilter,
} from './image-select.js';
import { compareVersionsDesc, type ParsedVersion } from '../semver/parse.js';
import { NotFoundError, type Manifest, type ManifestRef } from './oci/client.js';
import { parseImageRepository, repositoryName, type ImageRepository } from './oci/reference.js';

/** What discovery needs from a registry client (RegistryClient, or a fake in unit tests). */
export interface ImageRegistry {
  listTags(
    repo: ImageRepository,
    onProgress?: (tags: number, pages: number) => void,
  ): Promise<string[]>;
  resolveDigest(repo: ImageRepository, reference: string): Promise<ManifestRef>;
  getManifest(repo: ImageRepository, reference: string): Promise<Manifest>;
  getBlob(repo: ImageRepository, digest: string): Promise<Buffer>;
}

export type ImageDiscoverySettings = Pick<
  DiscoverySettings,
  'cacheDir' | 'log' | 'concurrencyPerRegistry' | 'resolveAllCandidates' | 'newestBuildReadsPerRun'
>;

/** What one tag's manifest says, as far as selection cares. Stored in the NewestBuild cache. */
interface ImageInfo {
  /** Index digest for multi-platform images (what Kargo records, see `inspect`). */
  digest: string;
  createdAt?: string;
  annotations?: Record<string, string>;
  /** Index entries, or the config's platform for a single-platform image; absent if unknown. */
  platforms?: PlatformEntry[];
}

/**
 * With a platform filter, how many tags beyond `discoveryLimit` may be examined and turn out to
 * lack the platform before discovery gives up (docs/discover.md states it).
 */
export const PLATFORM_PROBE_EXTRA = 20;

/**
 * NewestBuild: the most tags whose build time one run reads. Without a cap a registry listing
 * hundreds of thousands of tags makes one run cost a request or two per tag. The cap is high
 * because a run that hits it chooses among the tags read so far, which may miss the newest build,
 * and on GitHub's runners each scheduled run starts with an empty cache unless it is kept: a real
 * repository's tags must all fit in one run.
 */
export const NEWEST_BUILD_READS_PER_RUN = 10_000;

const CREATED_KEYS = ['org.opencontainers.image.created', 'org.label-schema.build-date'];
// RFC 3339 as Go's time.Parse(time.RFC3339) takes it.
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

function parseTime(value: unknown): string | undefined {
  if (typeof value !== 'string' || !RFC3339.test(value)) return undefined;
  const t = Date.parse(value);
  // Go's zero time (0001-01-01) means "unknown" in image configs.
  if (Number.isNaN(t) || t <= Date.parse('0001-01-02T00:00:00Z')) return undefined;
  return new Date(t).toISOString();
}

function createdFrom(sources: (Record<string, string> | undefined)[]): string | undefined {
  for (const source of sources) {
    if (!source) continue;
    for (const key of CREATED_KEYS) {
      const t = parseTime(source[key]);
      if (t) return t;
    }
  }
  return undefined;
}

function newest(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

/** Run `fn` over `items` with at most `limit` at once; results in input order; first error wins. */
async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        out[i] = await fn(items[i] as T);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return out;
}

interface ConfigFacts {
  createdAt?: string;
  platform?: PlatformEntry;
}

/** Reads manifests, indexes and config blobs, remembering child results by digest for the run. */
class Inspector {
  private readonly byDigest = new Map<string, Promise<ConfigFacts>>();

  /** Images described by earlier runs, by digest (a new tag for a known digest costs one GET). */
  readonly known = new Map<string, ImageInfo>();

  constructor(
    private readonly client: ImageRegistry,
    private readonly repo: ImageRepository,
  ) {}

  private config(digest: string): Promise<ConfigFacts> {
    let p = this.byDigest.get(digest);
    if (!p) {
      p = this.client.getBlob(this.repo, digest).then((bytes) => {
        let cfg: Record<string, unknown>;
        try {
          cfg = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
        } catch {
          // Not an image config (an artifact's): no build time, no platform.
          return {};
        }
        const facts: ConfigFacts = {};
        const labels = (cfg.config as { Labels?: Record<string, string> } | undefined)?.Labels;
        const created = createdFrom([labels ?? undefined]) ?? parseTime(cfg.created);
        if (created) facts.createdAt = created;
        if (typeof cfg.os === 'string' && typeof cfg.architecture === 'string') {
          facts.platform = {
            os: cfg.os,
            arch: cfg.architecture,
            ...(typeof cfg.variant === 'string' && cfg.variant !== '' && { variant: cfg.variant }),
          };
        }
        return facts;
      });
      this.byDigest.set(digest, p);
    }
    return p;
  }

  /** Build time of a platform manifest (by digest, once per run). */
  private child(digest: string): Promise<ConfigFacts> {
    const key = `manifest:${digest}`;
    let p = this.byDigest.get(key);
    if (!p) {
      p = this.client.getManifest(this.repo, digest).then(async (m) => {
        if (m.kind !== 'manifest') return {};
        const fromAnnotations = createdFrom([m.manifest.annotations]);
        if (fromAnnotations) return { createdAt: fromAnnotations };
        return this.config(m.manifest.config.digest);
      });
      this.byDigest.set(key, p);
    }
    return p;
  }

  /**
   * Describe a tag. The digest recorded for a multi-platform image is the index digest, even with
   * a platform filter: that is what Kargo records (pkg/image/repository_client.go,
   * getImageFromV1ImageIndex returns the index digest and uses the platforms only to decide
   * whether the image matches), and it keeps `repo@digest` pullable on every platform, so the
   * freight names the same artifact the tag did.
   *
   * `created`: compute the build time (for an index, the newest of its platform images, as
   * Kargo does: an index cannot be older than what it references). `platform`: learn the
   * platform of a single-platform image from its config.
   */
  async inspect(
    reference: string,
    want: { created: boolean; platform: boolean },
  ): Promise<ImageInfo> {
    const m = await this.client.getManifest(this.repo, reference);
    const known = this.known.get(m.digest);
    if (known && (!want.created || known.createdAt) && (!want.platform || known.platforms))
      return known;
    if (m.kind === 'index') {
      const entries = m.index.manifests.filter(
        (d) =>
          d.platform &&
          d.platform.os !== '' &&
          d.platform.os !== 'unknown' &&
          d.platform.architecture !== '' &&
          d.platform.architecture !== 'unknown',
      );
      if (entries.length === 0) {
        throw new Error(
          `${repositoryName(this.repo)}:${reference} is an index without platform images (an artifact index?); image subscriptions need images`,
        );
      }
      const info: ImageInfo = {
        digest: m.digest,
        platforms: entries.map((d) => ({
          os: d.platform?.os ?? '',
          arch: d.platform?.architecture ?? '',
          ...(d.platform?.variant && { variant: d.platform.variant }),
          ...(d.annotations && { annotations: d.annotations }),
        })),
      };
      if (m.index.annotations) info.annotations = m.index.annotations;
      if (want.created) {
        const times = await Promise.all(entries.map((d) => this.child(d.digest)));
        const createdAt = times.reduce<string | undefined>(
          (acc, f) => newest(acc, f.createdAt),
          undefined,
        );
        if (createdAt) info.createdAt = createdAt;
      }
      return info;
    }
    const info: ImageInfo = { digest: m.digest };
    if (m.manifest.annotations) info.annotations = m.manifest.annotations;
    const fromAnnotations = createdFrom([m.manifest.annotations]);
    if (want.platform || (want.created && !fromAnnotations)) {
      const facts = await this.config(m.manifest.config.digest);
      if (facts.platform) info.platforms = [facts.platform];
      const createdAt = fromAnnotations ?? facts.createdAt;
      if (want.created && createdAt) info.createdAt = createdAt;
    } else if (fromAnnotations) {
      info.createdAt = fromAnnotations;
    }
    return info;
  }
}

/**
 * A tag as the SemVer strategy orders it. Plain `X.Y.Z` tags (nearly all of a real repository's)
 * are compared by their three numbers, with no SemVer object built for them; a tag with a
 * pre-release or build part, or any tag under a constraint, carries its parsed version.
 */
interface RankedTag {
  major: number;
  minor: number;
  patch: number;
  parsed?: ParsedVersion;
  original: string;
}

// The plain tags parseVersion accepts, strictly (SemVer 2.0 numbers after at most one `v`) and
// not (partial versions, leading zeros). Anything else goes through parseVersion itself.
const PLAIN_STRICT = /^v?(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;
const PLAIN_LOOSE = /^v?([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?$/;

const hasPre = (t: RankedTag): boolean => (t.parsed?.version.prerelease.length ?? 0) > 0;

/** compareVersionsDesc over RankedTag: newest first, equal versions by descending original. */
function newerFirst(a: RankedTag, b: RankedTag): number {
  if (a.parsed && b.parsed) return compareVersionsDesc(a.parsed, b.parsed);
  const main =
    Math.sign(b.major - a.major) || Math.sign(b.minor - a.minor) || Math.sign(b.patch - a.patch);
  if (main !== 0) return main;
  // Same numbers, one of them plain: a release is newer than its pre-releases.
  const aPre = hasPre(a);
  if (aPre !== hasPre(b)) return aPre ? 1 : -1;
  return a.original < b.original ? 1 : a.original > b.original ? -1 : 0;
}

/**
 * The SemVer strategy's order, newest first, cut to the first `keep`, and how many tags match in
 * all. Each tag is parsed once and the order is kept by insertion into at most `keep` entries, so
 * 10,000 tags cost no sort of 10,000 versions and no SemVer object per plain tag.
 */
export function newestVersions(
  tags: readonly string[],
  keep: number,
  o: {
    filter: TagFilter;
    matcher: { parse(tag: string): ParsedVersion | null };
    strict: boolean;
    /** Plain tags may skip parseVersion (not with a constraint: it needs their SemVer). */
    plainFastPath: boolean;
  },
): { ordered: string[]; matching: number } {
  const plain = o.strict ? PLAIN_STRICT : PLAIN_LOOSE;
  const best: RankedTag[] = [];
  let matching = 0;
  const all = keep >= tags.length;
  // Last tag first: registries list tags in lexical order, which mostly climbs with the version,
  // so the newest fill `best` early and most tags after are turned away by three numbers, where
  // first-to-last would insert nearly every tag. The result does not depend on the order.
  for (let i = tags.length - 1; i >= 0; i--) {
    const tag = tags[i] as string;
    let ranked: RankedTag | undefined;
    const m = o.plainFastPath ? plain.exec(tag) : null;
    if (m) {
      if (!o.filter.matches(tag)) continue;
      const major = Number(m[1]);
      const minor = m[2] === undefined ? 0 : Number(m[2]);
      const patch = m[3] === undefined ? 0 : Number(m[3]);
      // parseVersion refuses numbers beyond 2^53; so does this.
      if (!Number.isSafeInteger(major) || !Number.isSafeInteger(minor)) continue;
      if (!Number.isSafeInteger(patch)) continue;
      const worst = best.length >= keep && !all ? (best[best.length - 1] as RankedTag) : undefined;
      // Older by its numbers than the last kept: newerFirst would say so too.
      if (
        worst &&
        (worst.major > major ||
          (worst.major === major &&
            (worst.minor > minor || (worst.minor === minor && worst.patch > patch))))
      ) {
        matching++;
        continue;
      }
      ranked = { major, minor, patch, original: tag };
    } else {
      const parsed = o.matcher.parse(tag);
      if (!parsed) continue;
      const v = parsed.version;
      ranked = { major: v.major, minor: v.minor, patch: v.patch, parsed, original: tag };
    }
    matching++;
    if (all) {
      best.push(ranked);
      continue;
    }
    if (best.length >= keep && newerFirst(ranked, best[best.length - 1] as RankedTag) >= 0)
      continue;
    // Binary search for the first entry older than this one.
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (newerFirst(best[mid] as RankedTag, ranked) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, ranked);
    if (best.length > keep) best.pop();
  }
  // Without a limit every matching tag is kept: one sort instead of an insertion each.
  if (all) best.sort(newerFirst);
  return { ordered: best.map((t) => t.original), matching };
}

function matchesPlatform(info: ImageInfo, pc: PlatformConstraint | undefined): boolean {
  if (!pc) return true;
  return (info.platforms ?? []).some((p) => platformMatches(pc, p.os, p.arch, p.variant));
}

function toDiscovered(
  tag: string,
  info: ImageInfo,
  pc: PlatformConstraint | undefined,
): DiscoveredImage {
  const out: DiscoveredImage = { tag, digest: info.digest };
  if (info.createdAt) out.createdAt = info.createdAt;
  const annotations = mergeAnnotations(info.annotations, info.platforms ?? [], pc);
  if (annotations && Object.keys(annotations).length > 0) out.annotations = annotations;
  return out;
}

function configError(sub: ImageSubscription, err: unknown): ConfigError {
  return new ConfigError(`image subscription ${sub.repoURL}: ${(err as Error).message}`);
}

/**
 * Discover images for one subscription, newest first, at most `discoveryLimit` (0: no limit).
 * Throws ConfigError for a bad subscription (reference, regexes, constraint, platform) and
 * RegistryError/RegistryAuthError for registry failures.
 */
export async function discoverImages(
  sub: ImageSubscription,
  client: ImageRegistry,
  settings: ImageDiscoverySettings,
): Promise<DiscoveredImage[]> {
  const repo = parseImageRepository(sub.repoURL, {
    insecureSkipTLSVerify: sub.insecureSkipTLSVerify,
  });
  let pc: PlatformConstraint | undefined;
  let filter: TagFilter = ALL_TAGS;
  // The RE2 engine is loaded only for a subscription that has regexes.
  const regexes = sub.allowTagsRegexes.length > 0 || sub.ignoreTagsRegexes.length > 0;
  const filters = regexes ? await import('./tag-filter.js') : undefined;
  try {
    pc = sub.platform ? parsePlatform(sub.platform) : undefined;
    if (filters) filter = filters.compileTagFilter(sub.allowTagsRegexes, sub.ignoreTagsRegexes);
  } catch (err) {
    throw configError(sub, err);
  }
  const inspector = new Inspector(client, repo);
  const parallel = Math.max(1, settings.concurrencyPerRegistry) * 2;
  const limitOf = (n: number): number =>
    sub.discoveryLimit > 0 ? Math.min(sub.discoveryLimit, n) : n;

  if (sub.imageSelectionStrategy === 'Digest') {
    const tag = sub.constraint;
    if (!tag)
      throw configError(
        sub,
        new Error('the Digest strategy needs `constraint`: the tag to follow'),
      );
    try {
      if (!pc) return [{ tag, digest: (await client.resolveDigest(repo, tag)).digest }];
      const info = await inspector.inspect(tag, { created: false, platform: true });
      return matchesPlatform(info, pc) ? [toDiscovered(tag, info, pc)] : [];
    } catch (err) {
      if (err instanceof NotFoundError) {
        settings.log.warn(`${repositoryName(repo)}: tag ${tag} not found`);
        return [];
      }
      throw err;
    }
  }

  const tags = await listTags(client, repo, settings);

  if (sub.imageSelectionStrategy === 'SemVer' || sub.imageSelectionStrategy === 'Lexical') {
    let ordered: string[];
    let matching: number;
    if (sub.imageSelectionStrategy === 'SemVer') {
      let matcher: ReturnType<typeof semverMatcher>;
      try {
        matcher = semverMatcher({
          filter,
          constraint: sub.constraint,
          strictSemvers: sub.strictSemvers,
        });
      } catch (err) {
        throw configError(sub, err);
      }
      // Only the tags that can be examined are kept in order (see `budget` below).
      const keep =
        sub.discoveryLimit > 0
          ? sub.discoveryLimit + (pc ? PLATFORM_PROBE_EXTRA : 0)
          : Number.POSITIVE_INFINITY;
      ({ ordered, matching } = newestVersions(tags, keep, {
        filter,
        matcher,
        strict: sub.strictSemvers,
        plainFastPath: !sub.constraint,
      }));
    } else {
      ordered = sortLexicalTags(filterTags(tags, filter));
      matching = ordered.length;
    }
    const limit = limitOf(matching);
    // Tags are examined newest first, one manifest request each (plus a config blob for a
    // single-platform image under a platform filter), and never more than `budget` of them: a
    // registry that lists tags without manifests, or thousands of images for other platforms,
    // must not turn one scheduled run into a request per tag.
    const budget = Math.min(matching, limit + (pc ? PLATFORM_PROBE_EXTRA : 0));
    const wanted = settings.resolveAllCandidates ? limit : Math.min(1, limit);
    const out: DiscoveredImage[] = [];
    let next = 0;
    const examine = async (tag: string): Promise<DiscoveredImage | null> => {
      try {
        if (!pc) return { tag, digest: (await client.resolveDigest(repo, tag)).digest };
        const info = await inspector.inspect(tag, { created: false, platform: true });
        return matchesPlatform(info, pc) ? toDiscovered(tag, info, pc) : null;
      } catch (err) {
        // Deleted between listing and resolving (or listed without a manifest): skip it.
        if (err instanceof NotFoundError) return null;
        throw err;
      }
    };
    // Only as many tags as are still missing are looked at in each round, so no request is
    // spent on a tag that cannot be returned. Without resolveAllCandidates the freight takes the
    // newest usable image only, so that is one request per subscription instead of
    // discoveryLimit, which shared registries (and Docker Hub's pull limits) notice.
    while (out.length < wanted && next < budget) {
      const batch = ordered.slice(next, next + Math.min(wanted - out.length, budget - next));
      next += batch.length;
      const found = await mapLimit(batch, parallel, examine);
      for (const image of found) if (image) out.push(image);
    }
    if (out.length === 0 && next > 0) {
      settings.log.warn(
        `${repositoryName(repo)}: none of the newest ${next} of ${matching} matching tags ${
          pc ? `has an image for platform ${sub.platform ?? ''}` : 'resolves to an image'
        }; discovery examines at most discoveryLimit (${limit})${
          pc ? ` + ${PLATFORM_PROBE_EXTRA}` : ''
        } tags per run: raise discoveryLimit or narrow allowTagsRegexes`,
      );
      return out;
    }
    if (!settings.resolveAllCandidates) {
      // The other candidates are listed by name only, unresolved.
      for (const tag of ordered.slice(next, next + Math.max(0, limit - out.length)))
        out.push({ tag });
    }
    return out;
  }

  return newestBuild(
    sub,
    client,
    repo,
    inspector,
    filterTags(tags, filter),
    tags,
    pc,
    settings,
    parallel,
  );
}

async function listTags(
  client: ImageRegistry,
  repo: ImageRepository,
  settings: ImageDiscoverySettings,
): Promise<string[]> {
  let lastPages = 0;
  const started = Date.now();
  const tags = await client.listTags(repo, (count, pages) => {
    lastPages = pages;
    if (pages % 20 === 0)
      settings.log.info(`${repositoryName(repo)}: ${count} tags so far (${pages} pages)`);
  });
  if (lastPages > 1) {
    settings.log.info(
      `${repositoryName(repo)}: ${tags.length} tags in ${lastPages} pages (${Date.now() - started} ms)`,
    );
  }
  return tags;
}

interface CacheFile {
  version: 1;
  repository: string;
  /** sha256 of the sorted tag list at the last run. */
  tagListHash: string;
  /** What the last run returned, newest first (re-checked when the tag list changes). */
  selected: string[];
  tags: Record<string, ImageInfo>;
  /**
   * Listed tags whose manifest was not found. The registry creates a tag with its manifest, so a
   * listed tag without one stays broken; remembering it lets the next run read other tags.
   */
  missing?: string[];
}

function cachePath(
  cacheDir: string,
  repo: ImageRepository,
  createHash: typeof import('node:crypto').createHash,
): string {
  const name = repositoryName(repo);
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 16);
  return join(cacheDir, 'images', `${name.replace(/[^A-Za-z0-9._-]+/g, '_')}-${hash}.json`);
}

function readCache(
  path: string,
  repo: ImageRepository,
  settings: ImageDiscoverySettings,
): CacheFile | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  try {
    const doc = JSON.parse(text) as CacheFile;
    if (
      doc.version === 1 &&
      doc.repository === repositoryName(repo) &&
      typeof doc.tags === 'object'
    )
      return doc;
  } catch {
    // Fall through: a broken cache is rebuilt.
  }
  settings.log.warn(`ignoring unreadable image cache ${path}`);
  return null;
}

function writeCache(path: string, doc: CacheFile): void {
  mkdirSync(join(path, '..'), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(doc));
  renameSync(tmp, path);
}

/**
 * NewestBuild with a per-repository cache. A tag's entry is reused as long as the tag exists, so
 * a run over an unchanged tag list makes no manifest request: only the tag pages.
 *
 * Re-pushed tags: the tag list carries no digests and the distribution API has no "changed
 * since" query, so noticing that an existing tag now points elsewhere costs a request per tag.
 * Doing that for every tag would defeat the cache; the cheaper check made here is a `HEAD` of the
 * tags the previous run selected (at most `discoveryLimit`), and only on runs where the tag list
 * changed (a push happened). A re-pushed tag outside that set is picked up when the cache file
 * is deleted (`<cacheDir>/images/`), or when it is removed and pushed again under a new name.
 */
async function newestBuild(
  sub: ImageSubscription,
  client: ImageRegistry,
  repo: ImageRepository,
  inspector: Inspector,
  candidates: string[],
  allTags: string[],
  pc: PlatformConstraint | undefined,
  settings: ImageDiscoverySettings,
  parallel: number,
): Promise<DiscoveredImage[]> {
  // Loaded here, not at start: only NewestBuild hashes (SemVer and Lexical runs never load it).
  const { createHash } = await import('node:crypto');
  const path = cachePath(settings.cacheDir, repo, createHash);
  const cache = readCache(path, repo, settings);
  const tagListHash = createHash('sha256')
    .update([...allTags].sort().join('\n'))
    .digest('hex');
  const entries = new Map<string, ImageInfo>();
  const present = new Set(allTags);
  let changed = !cache || cache.tagListHash !== tagListHash;
  if (cache)
    for (const [tag, info] of Object.entries(cache.tags))
      if (present.has(tag)) entries.set(tag, info);

  if (cache && cache.tagListHash !== tagListHash) {
    const recheck = cache.selected.filter((t) => entries.has(t));
    const digests = await mapLimit(recheck, parallel, async (tag) => {
      try {
        return (await client.resolveDigest(repo, tag)).digest;
      } catch (err) {
        if (err instanceof NotFoundError) return '';
        throw err;
      }
    });
    recheck.forEach((tag, i) => {
      if (digests[i] !== entries.get(tag)?.digest) {
        settings.log.info(`${repositoryName(repo)}: tag ${tag} was re-pushed; reading it again`);
        entries.delete(tag);
      }
    });
  }

  for (const info of entries.values()) inspector.known.set(info.digest, info);
  const absent = new Set((cache?.missing ?? []).filter((t) => present.has(t)));
  const unread = candidates.filter((t) => !entries.has(t) && !absent.has(t));
  // Tag names mostly grow with time (versions, dates, build numbers), so when the cap bites the
  // highest names are read first: the likeliest newest builds.
  const cap = settings.newestBuildReadsPerRun ?? NEWEST_BUILD_READS_PER_RUN;
  const missing = unread.length > cap ? sortLexicalTags(unread).slice(0, cap) : unread;
  if (missing.length < unread.length) {
    settings.log.warn(
      `${repositoryName(repo)}: NewestBuild reads at most ${cap} tags a run; ${unread.length - missing.length} of ${candidates.length} tags are left for later runs (keep the cache directory between runs), so this run chooses among the tags read so far`,
    );
  }
  if (missing.length > 0) {
    changed = true;
    if (missing.length > 50)
      settings.log.info(`${repositoryName(repo)}: reading build times of ${missing.length} tags`);
    const infos = await mapLimit(missing, parallel, async (tag) => {
      try {
        return await inspector.inspect(tag, { created: true, platform: true });
      } catch (err) {
        if (err instanceof NotFoundError) return null;
        throw err;
      }
    });
    missing.forEach((tag, i) => {
      const info = infos[i];
      if (info) entries.set(tag, info);
      else absent.add(tag);
    });
  }

  const images = candidates
    .map((tag) => ({ tag, info: entries.get(tag) }))
    .filter(
      (e): e is { tag: string; info: ImageInfo } =>
        e.info !== undefined && matchesPlatform(e.info, pc),
    )
    .map((e) => ({ tag: e.tag, createdAt: e.info.createdAt, info: e.info }));
  const sorted = sortNewestBuild(images);
  const selected = sorted.slice(0, sub.discoveryLimit > 0 ? sub.discoveryLimit : sorted.length);
  const selectedTags = selected.map((s) => s.tag);
  if (changed || !cache || cache.selected.join('\n') !== selectedTags.join('\n')) {
    try {
      writeCache(path, {
        version: 1,
        repository: repositoryName(repo),
        tagListHash,
        selected: selectedTags,
        tags: Object.fromEntries(entries),
        ...(absent.size > 0 && { missing: [...absent] }),
      });
    } catch (err) {
      settings.log.warn(`cannot write image cache ${path}: ${(err as Error).message}`);
    }
  }
  return selected.map((s) => toDiscovered(s.tag, s.info, pc));
}
