/**
 * A client for the OCI distribution API (`/v2/…`), the part discovery needs: list tags, resolve a
 * tag to a digest, read manifests and config blobs. No Docker, no registry SDK.
 *
 * How it behaves on shared registries:
 * - at most `concurrencyPerRegistry` requests in flight per registry host (token services are
 *   not limited: a slot is never held while waiting for a token, so nothing can deadlock);
 * - a timeout on every request, body included (AbortSignal);
 * - 429 and 5xx (not 501) retried a bounded number of times, with full-jitter backoff, or after
 *   what `Retry-After` asks (seconds or an HTTP date) when that is not longer than
 *   `maxRetryAfterMs`; connection resets retried likewise; timeouts are not retried, so an
 *   unresponsive registry costs one timeout, not several;
 * - authentication learned once per host and tokens cached per scope (see auth.ts);
 * - digests verified when computed from a body; manifest media types checked.
 */
import type { DiscoveryLog, DiscoverySettings, RegistryCredential } from '../types.js';
import { OperationError } from '../../util/errors.js';
import { isRecord } from '../../util/guards.js';
import { BodyTooLargeError, httpTraceLine } from '../../util/http-body.js';
import { Redactor } from '../../util/redact.js';
import {
  backoffDelay,
  parseRetryAfter,
  sleep as realSleep,
  type RetryPolicy,
} from '../../util/retry.js';
import { RegistryAuthenticator, RegistryAuthError, type AuthResponse } from './auth.js';
import { registryOrigin, repositoryName, type ImageRepository } from './reference.js';
import { lexicalTemplate, listTagRanges, type TagPage } from './tag-ranges.js';
import { Transport, type HeaderReader } from './transport.js';

export const MEDIA_TYPES = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
} as const;

const INDEX_TYPES = new Set<string>([MEDIA_TYPES.dockerManifestList, MEDIA_TYPES.ociIndex]);
const MANIFEST_TYPES = new Set<string>([MEDIA_TYPES.dockerManifest, MEDIA_TYPES.ociManifest]);
/** Content types that say nothing; the body's own `mediaType` decides then. */
const GENERIC_TYPES = new Set(['', 'application/json', 'application/octet-stream', 'text/plain']);

/** Every manifest shape gantry reads. Distribution 2.8 hides OCI indexes without this. */
export const MANIFEST_ACCEPT = [
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.dockerManifestList,
  MEDIA_TYPES.ociManifest,
  MEDIA_TYPES.dockerManifest,
].join(', ');

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: Platform;
  annotations?: Record<string, string>;
}

export interface ImageIndex {
  schemaVersion: number;
  mediaType?: string;
  manifests: Descriptor[];
  annotations?: Record<string, string>;
}

export interface ImageManifest {
  schemaVersion: number;
  mediaType?: string;
  config: Descriptor;
  layers: Descriptor[];
  annotations?: Record<string, string>;
}

export interface ManifestRef {
  digest: string;
  mediaType: string;
  /** Bytes of the manifest, when the registry said. */
  size?: number;
}

export type Manifest = ManifestRef &
  ({ kind: 'index'; index: ImageIndex } | { kind: 'manifest'; manifest: ImageManifest }) & {
    bytes: Buffer;
  };

/** A registry answered in a way that ends the operation. Messages never hold secrets. */
export class RegistryError extends OperationError {
  override name = 'RegistryError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The tag, digest or repository does not exist (HTTP 404). */
export class NotFoundError extends RegistryError {
  override name = 'NotFoundError';
}

export interface RegistryClientOptions {
  credentials?: ReadonlyMap<string, RegistryCredential>;
  /** Per request, the body included. */
  requestTimeoutMs: number;
  concurrencyPerRegistry: number;
  /** Tries for 429/5xx/connection resets, the first included. Default 4 tries, 250 ms … 8 s. */
  retry?: RetryPolicy;
  /** Longest `Retry-After` honoured; a registry asking for more fails at once. Default 60 s. */
  maxRetryAfterMs?: number;
  /** `n` sent with tag listings. Default 1000. */
  tagPageSize?: number;
  /**
   * Chains listing tag pages at once where the registry pages lexically (never more than
   * `concurrencyPerRegistry`); 1 lists one page after another. Default 4.
   */
  tagListConcurrency?: number;
  /** Largest manifest accepted. Default 4 MiB (the distribution spec's limit). */
  maxManifestBytes?: number;
  /** Largest blob read (config blobs only). Default 8 MiB. */
  maxBlobBytes?: number;
  log?: DiscoveryLog;
  /** Told of every HTTP request sent (the Actions adapter's debug log, GANTRY_DEBUG). */
  trace?: (line: string) => void;
  userAgent?: string;
  /** For tests: waits and jitter. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export const DEFAULT_TAG_LIST_CONCURRENCY = 4;
/** Boundaries per chain over a whole listing: each costs one request at most beyond the pages. */
export const TAG_LIST_BOUNDARIES_PER_CHAIN = 4;

export const DEFAULT_REGISTRY_RETRY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
};

/** A counting semaphore: at most `limit` holders at once, first come first served. */
class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}
  async acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

interface RawResponse {
  status: number;
  headers: HeaderReader;
  body: Buffer;
  url: string;
}

const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

function errorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The most telling part of a network error: its code, or the innermost cause's message. */
function networkReason(err: unknown): string {
  const code = errorCode(err);
  if (code) return code;
  let e: unknown = err;
  while ((e as { cause?: unknown } | null)?.cause instanceof Error)
    e = (e as { cause: Error }).cause;
  return e instanceof Error ? e.message : String(e);
}

function isTimeout(err: unknown): boolean {
  const name = (err as { name?: unknown } | null)?.name;
  return name === 'TimeoutError' || errorCode(err) === 'UND_ERR_HEADERS_TIMEOUT';
}

/** The `rel="next"` target of an RFC 5988 `Link` header, or undefined. */
export function parseLinkNext(header: string | null): string | undefined {
  if (!header) return undefined;
  const re = /<([^>]*)>((?:\s*;\s*[^;,=\s]+\s*(?:=\s*(?:"[^"]*"|[^;,]*))?)*)/g;
  for (const m of header.matchAll(re)) {
    const params = m[2] ?? '';
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]*))/i.exec(params);
    const rels = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (rels.includes('next')) return m[1];
  }
  return undefined;
}

/**
 * Appends the tags of one page not seen before; returns how many. A function of its own because it
 * is the hot loop of a listing: were it inline, V8 would optimize all of listTags (an async
 * function of a few hundred lines) for it, which took longer than the listing itself.
 */
function addNewTags(page: readonly unknown[], seen: Set<string>, tags: string[]): number {
  let added = 0;
  for (const t of page) {
    if (typeof t !== 'string' || seen.has(t)) continue;
    seen.add(t);
    tags.push(t);
    added++;
  }
  return added;
}

function mediaTypeOf(headers: HeaderReader): string {
  return (headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

const DIGEST = /^(sha256|sha512):([a-f0-9]+)$/;

/** node:crypto is loaded by the first digest: SemVer and Lexical discovery never compute one. */
async function computeDigest(algorithm: string, bytes: Buffer): Promise<string> {
  const { createHash } = await import('node:crypto');
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

/** Distribution's `{"errors":[{"code":…,"message":…}]}`, shortened for a message. */
function registryErrorText(body: Buffer): string {
  const text = body.toString('utf8').slice(0, 2000);
  try {
    const doc = JSON.parse(text) as { errors?: { code?: string; message?: string }[] };
    if (Array.isArray(doc.errors) && doc.errors.length > 0) {
      return doc.errors
        .map((e) => [e.code, e.message].filter(Boolean).join(': '))
        .join('; ')
        .slice(0, 300);
    }
  } catch {
    // Not JSON: show the start of it.
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}

function stringMap(v: unknown): Record<string, string> | undefined {
  if (!isRecord(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) if (typeof val === 'string') out[k] = val;
  return out;
}

function toDescriptor(v: unknown): Descriptor | null {
  if (!isRecord(v) || typeof v.digest !== 'string') return null;
  const d: Descriptor = {
    mediaType: typeof v.mediaType === 'string' ? v.mediaType : '',
    digest: v.digest,
    size: typeof v.size === 'number' ? v.size : 0,
  };
  const p = v.platform;
  if (isRecord(p) && typeof p.os === 'string' && typeof p.architecture === 'string') {
    d.platform = { os: p.os, architecture: p.architecture };
    if (typeof p.variant === 'string' && p.variant !== '') d.platform.variant = p.variant;
  }
  const annotations = stringMap(v.annotations);
  if (annotations) d.annotations = annotations;
  return d;
}

export class RegistryClient {
  private readonly semaphores = new Map<string, Semaphore>();
  private readonly counts = new Map<string, number>();
  private readonly redactor = new Redactor();
  private readonly auth: RegistryAuthenticator;
  private readonly retryPolicy: RetryPolicy;
  private readonly transport = new Transport();
  /** Hosts reached with TLS verification off: their token services (same host) are too. */
  private readonly insecureHosts = new Set<string>();

  constructor(private readonly opts: RegistryClientOptions) {
    this.retryPolicy = opts.retry ?? DEFAULT_REGISTRY_RETRY;
    this.auth = new RegistryAuthenticator({
      credentials: opts.credentials ?? new Map(),
      redactor: this.redactor,
      sendToken: (url, init) => this.sendToken(url, init),
    });
  }

  /** Requests sent to a host (`127.0.0.1:5000`, `auth.docker.io`), retries and 401s included; all hosts without one. */
  requestCount(host?: string): number {
    if (host !== undefined) return this.counts.get(host) ?? 0;
    let total = 0;
    for (const n of this.counts.values()) total += n;
    return total;
  }

  /** Requests per host, for benchmarks and summaries. */
  requestCounts(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  /** Close the connections this client keeps open between requests. */
  close(): Promise<void> {
    this.transport.close();
    return Promise.resolve();
  }

  /**
   * Every tag of the repository, in the order the registry gave them, following `Link: <…>;
   * rel="next"` (relative or absolute, same origin only). Registries that do not page return
   * everything at once; a next link already visited, or a page that adds no new tag, ends the
   * listing, so registries that page oldest-first or lexically (or misbehave) cannot loop.
   *
   * When pages 1 and 2 show lexical cursors (see tag-ranges.ts), the rest is listed by up to
   * `tagListConcurrency` chains at once over intervals of the key space, with the same result;
   * a page or seam that breaks the lexical contract drops those pages and lists the rest one
   * page after another from page 2's next link.
   */
  async listTags(
    repo: ImageRepository,
    onProgress?: (tags: number, pages: number) => void,
  ): Promise<string[]> {
    const origin = registryOrigin(repo);
    const pageSize = this.opts.tagPageSize ?? 1000;
    let url: string | undefined = `${origin}/v2/${repo.repository}/tags/list?n=${pageSize}`;
    const visited = new Set<string>();
    const seen = new Set<string>();
    const tags: string[] = [];
    let pages = 0;
    // Every page read counts, the parallel chains' included; the tags shown never go down, also
    // when the chains' pages are dropped and the listing goes on one page at a time.
    let pagesRead = 0;
    let shown = 0;
    const progress = onProgress && {
      page: (gathered: number): void => {
        pagesRead++;
        shown = Math.max(shown, gathered);
        onProgress(shown, pagesRead);
      },
    };
    while (url) {
      visited.add(url);
      const page = await this.tagPage(repo, url, pages + 1);
      pages++;
      const before = tags.at(-1);
      const added = addNewTags(page.tags, seen, tags);
      progress?.page(tags.length);
      if (!page.next || added === 0) break;
      if (page.next.origin !== origin) {
        throw new RegistryError(
          `registry ${repo.registry} sent a next-page link to another origin (${page.next.origin}); not following it`,
        );
      }
      // Chains start once page 2 also names a next page: a listing of two pages then costs its
      // two requests (no boundary probes), and as tag-ranges.ts sets the first boundaries only
      // once page 3 names a next page too, three pages cost three; a long listing pays two round
      // trips more than from page 1. Page 2 must go on after page 1's last tag, as lexical
      // cursors do.
      const head = page.tags[0];
      if (pages === 2 && typeof head === 'string' && before !== undefined && head > before) {
        const rest = await this.listTagsInParallel(repo, page, url, tags, progress?.page);
        if (rest) {
          for (const t of rest) tags.push(t);
          return tags;
        }
      }
      url = visited.has(page.next.href) ? undefined : page.next.href;
    }
    return tags;
  }

  /** The tags after page 2 listed by parallel chains, or undefined: go on one page at a time. */
  private async listTagsInParallel(
    repo: ImageRepository,
    first: TagPage,
    url: string,
    firstTags: readonly string[],
    onPage?: (tags: number) => void,
  ): Promise<string[] | undefined> {
    const concurrency = Math.min(
      this.opts.tagListConcurrency ?? DEFAULT_TAG_LIST_CONCURRENCY,
      Math.max(1, this.opts.concurrencyPerRegistry),
    );
    if (concurrency < 2 || !first.next) return undefined;
    const template = lexicalTemplate(first.tags, first.next, new URL(url));
    if (!template) return undefined;
    let pageNo = 2;
    return listTagRanges({
      template,
      firstPage: firstTags,
      pageSize: first.tags.length,
      name: first.name,
      concurrency,
      maxBoundaries: TAG_LIST_BOUNDARIES_PER_CHAIN * concurrency,
      fetchPage: (u, signal) => this.tagPage(repo, u, ++pageNo, signal),
      ...(onPage && { onPage }),
    });
  }

  /** One page of a tag listing: its tags, its next link (resolved) and its `name`. */
  private async tagPage(
    repo: ImageRepository,
    url: string,
    pageNo: number,
    signal?: AbortSignal,
  ): Promise<TagPage> {
    const res = await this.request(
      repo,
      'GET',
      url,
      'application/json',
      undefined,
      undefined,
      signal,
    );
    const what = `tags of ${repositoryName(repo)}`;
    if (res.status === 404) {
      throw new NotFoundError(
        `repository ${repo.repository} not found on registry ${repo.registry} (${registryErrorText(res.body)})`,
        404,
      );
    }
    this.expectOk(res, repo, `listing ${what}`);
    let doc: unknown;
    try {
      doc = JSON.parse(res.body.toString('utf8'));
    } catch (err) {
      throw new RegistryError(
        `malformed JSON from registry ${repo.registry} listing tags of repository ${repo.repository} (page ${pageNo}): ${(err as Error).message.slice(0, 120)}`,
      );
    }
    const pageTags = isRecord(doc) ? doc.tags : undefined;
    if (
      !isRecord(doc) ||
      (pageTags !== null && pageTags !== undefined && !Array.isArray(pageTags))
    ) {
      throw new RegistryError(
        `malformed tag list from registry ${repo.registry} for repository ${repo.repository}: expected {"name":…,"tags":[…]}`,
      );
    }
    const link = parseLinkNext(res.headers.get('link'));
    const next = link ? new URL(link, res.url || url) : undefined;
    return {
      tags: (pageTags as unknown[] | null | undefined) ?? [],
      ...(next && { next }),
      name: doc.name,
    };
  }

  /**
   * The digest of a tag (or digest) with a `HEAD` request. When the registry does not send
   * `Docker-Content-Digest` or names no known manifest type, the manifest is fetched and its
   * digest computed from the body.
   */
  async resolveDigest(repo: ImageRepository, reference: string): Promise<ManifestRef> {
    const url = this.manifestURL(repo, reference);
    const res = await this.request(repo, 'HEAD', url, MANIFEST_ACCEPT);
    if (res.status === 404) throw this.notFound(repo, reference, res);
    this.expectOk(res, repo, `resolving ${reference}`);
    const digest = res.headers.get('docker-content-digest') ?? '';
    const mediaType = mediaTypeOf(res.headers);
    if (DIGEST.test(digest) && (INDEX_TYPES.has(mediaType) || MANIFEST_TYPES.has(mediaType))) {
      if (DIGEST.test(reference) && reference !== digest) {
        throw new RegistryError(
          `registry ${repo.registry} answered ${digest} for ${repositoryName(repo)}@${reference}`,
        );
      }
      const length = Number(res.headers.get('content-length'));
      return { digest, mediaType, ...(length > 0 && { size: length }) };
    }
    const m = await this.getManifest(repo, reference);
    return { digest: m.digest, mediaType: m.mediaType, size: m.bytes.length };
  }

  /** A manifest or index by tag or digest, parsed and checked (digest, media type, shape). */
  async getManifest(repo: ImageRepository, reference: string): Promise<Manifest> {
    const url = this.manifestURL(repo, reference);
    const res = await this.request(
      repo,
      'GET',
      url,
      MANIFEST_ACCEPT,
      this.opts.maxManifestBytes ?? 4 << 20,
    );
    if (res.status === 404) throw this.notFound(repo, reference, res);
    this.expectOk(res, repo, `reading the manifest of ${reference}`);
    const where = `reference ${reference} in repository ${repo.repository} on registry ${repo.registry}`;
    const byRef = DIGEST.exec(reference);
    const header = res.headers.get('docker-content-digest') ?? '';
    const byHeader = DIGEST.exec(header);
    const algorithm = byRef?.[1] ?? byHeader?.[1] ?? 'sha256';
    const digest = await computeDigest(algorithm, res.body);
    if (byRef && digest !== reference) {
      throw new RegistryError(
        `the manifest served for ${where} has digest ${digest}, not the one asked for`,
      );
    }
    if (byHeader && header !== digest) {
      throw new RegistryError(
        `the manifest served for ${where} has digest ${digest}, but the registry says ${header}`,
      );
    }
    let doc: unknown;
    try {
      doc = JSON.parse(res.body.toString('utf8'));
    } catch (err) {
      throw new RegistryError(
        `malformed JSON in the manifest of ${where}: ${(err as Error).message.slice(0, 120)}`,
      );
    }
    if (!isRecord(doc))
      throw new RegistryError(`malformed manifest for ${where}: not a JSON object`);
    const contentType = mediaTypeOf(res.headers);
    const declared = typeof doc.mediaType === 'string' ? doc.mediaType : '';
    let mediaType = contentType;
    if (GENERIC_TYPES.has(contentType)) {
      mediaType =
        declared ||
        (Array.isArray(doc.manifests)
          ? MEDIA_TYPES.ociIndex
          : isRecord(doc.config)
            ? MEDIA_TYPES.ociManifest
            : '');
    }
    const known =
      'gantry reads Docker v2 manifests and manifest lists, OCI manifests and OCI indexes';
    if (INDEX_TYPES.has(mediaType)) {
      const manifests = Array.isArray(doc.manifests) ? doc.manifests.map(toDescriptor) : null;
      if (!manifests || manifests.some((d) => d === null)) {
        throw new RegistryError(
          `malformed ${mediaType} for ${where}: "manifests" must be a list of descriptors`,
        );
      }
      const index: ImageIndex = {
        schemaVersion: typeof doc.schemaVersion === 'number' ? doc.schemaVersion : 2,
        mediaType,
        manifests: manifests as Descriptor[],
      };
      const annotations = stringMap(doc.annotations);
      if (annotations) index.annotations = annotations;
      return { kind: 'index', index, digest, mediaType, size: res.body.length, bytes: res.body };
    }
    if (MANIFEST_TYPES.has(mediaType)) {
      const config = toDescriptor(doc.config);
      const layers = Array.isArray(doc.layers) ? doc.layers.map(toDescriptor) : [];
      if (!config || layers.some((d) => d === null)) {
        throw new RegistryError(
          `malformed ${mediaType} for ${where}: it needs a "config" descriptor`,
        );
      }
      const manifest: ImageManifest = {
        schemaVersion: typeof doc.schemaVersion === 'number' ? doc.schemaVersion : 2,
        mediaType,
        config,
        layers: layers as Descriptor[],
      };
      const annotations = stringMap(doc.annotations);
      if (annotations) manifest.annotations = annotations;
      return {
        kind: 'manifest',
        manifest,
        digest,
        mediaType,
        size: res.body.length,
        bytes: res.body,
      };
    }
    const shown = mediaType || declared || '(none)';
    const hint = shown.includes('manifest.v1+')
      ? '; Docker schema 1 manifests are obsolete and not supported'
      : '';
    throw new RegistryError(
      `unknown manifest media type ${JSON.stringify(shown)} for ${where} (${known}${hint})`,
    );
  }

  /**
   * A blob, its digest verified: a config blob (small: `maxBlobBytes`), or up to `maxBytes` for
   * the steps that move artifacts (oci-download, oci-push).
   */
  async getBlob(repo: ImageRepository, digest: string, maxBytes?: number): Promise<Buffer> {
    const m = DIGEST.exec(digest);
    if (!m?.[1]) throw new RegistryError(`not a digest: ${JSON.stringify(digest)}`);
    const url = `${registryOrigin(repo)}/v2/${repo.repository}/blobs/${digest}`;
    const limit = maxBytes ?? this.opts.maxBlobBytes ?? 8 << 20;
    const res = await this.request(repo, 'GET', url, '*/*', limit);
    if (res.status === 404) throw this.notFound(repo, digest, res);
    this.expectOk(res, repo, `reading blob ${digest}`);
    const actual = await computeDigest(m[1], res.body);
    if (actual !== digest) {
      throw new RegistryError(
        `blob ${digest} of repository ${repo.repository} on registry ${repo.registry} has digest ${actual}`,
      );
    }
    return res.body;
  }

  /** Whether the repository has the blob (`HEAD /v2/<name>/blobs/<digest>`), asked with push rights. */
  async hasBlob(repo: ImageRepository, digest: string): Promise<boolean> {
    const url = `${registryOrigin(repo)}/v2/${repo.repository}/blobs/${digest}`;
    const res = await this.request(repo, 'HEAD', url, '*/*', 0, {});
    if (res.status === 404) return false;
    this.expectOk(res, repo, `checking blob ${digest}`);
    return true;
  }

  /**
   * Upload a blob in one request: `POST /v2/<name>/blobs/uploads/` opens an upload, `PUT
   * <location>?digest=` sends it whole (the distribution spec's monolithic upload).
   */
  async putBlob(repo: ImageRepository, digest: string, bytes: Buffer): Promise<void> {
    const start = `${registryOrigin(repo)}/v2/${repo.repository}/blobs/uploads/`;
    const opened = await this.request(repo, 'POST', start, '*/*', 1 << 20, {});
    if (opened.status !== 202) this.expectOk(opened, repo, `opening an upload of ${digest}`);
    const location = opened.headers.get('location');
    if (opened.status !== 202 || !location) {
      throw new RegistryError(
        `registry ${repo.registry} answered HTTP ${opened.status} without an upload location when opening an upload in repository ${repo.repository}`,
        opened.status,
      );
    }
    const target = new URL(location, opened.url || start);
    if (target.origin !== new URL(start).origin) {
      throw new RegistryError(
        `registry ${repo.registry} sent an upload location on another origin (${target.origin}); not sending the blob there`,
      );
    }
    target.searchParams.set('digest', digest);
    const put = await this.request(repo, 'PUT', target.href, '*/*', 1 << 20, {
      body: bytes,
      contentType: 'application/octet-stream',
    });
    if (put.status !== 201) this.expectOk(put, repo, `uploading blob ${digest}`);
  }

  /** Store a manifest or index under a tag or its digest; returns the digest the registry gives. */
  async putManifest(
    repo: ImageRepository,
    reference: string,
    bytes: Buffer,
    mediaType: string,
  ): Promise<string> {
    const url = this.manifestURL(repo, reference);
    const res = await this.request(repo, 'PUT', url, '*/*', 1 << 20, {
      body: bytes,
      contentType: mediaType,
    });
    this.expectOk(res, repo, `storing the manifest ${reference}`);
    const digest = await computeDigest('sha256', bytes);
    const said = res.headers.get('docker-content-digest');
    if (said && said !== digest) {
      throw new RegistryError(
        `registry ${repo.registry} stored ${repo.repository}:${reference} as ${said}, but the manifest sent has digest ${digest}`,
      );
    }
    return digest;
  }

  private manifestURL(repo: ImageRepository, reference: string): string {
    return `${registryOrigin(repo)}/v2/${repo.repository}/manifests/${encodeURIComponent(reference).replace(/%3A/gi, ':')}`;
  }

  private notFound(repo: ImageRepository, reference: string, res: RawResponse): NotFoundError {
    return new NotFoundError(
      `${reference} not found in repository ${repo.repository} on registry ${repo.registry} (${registryErrorText(res.body) || 'HTTP 404'})`,
      404,
    );
  }

  private expectOk(res: RawResponse, repo: ImageRepository, doing: string): void {
    if (res.status >= 200 && res.status < 300) return;
    const text = this.redactor.redact(registryErrorText(res.body));
    throw new RegistryError(
      `registry ${repo.registry} answered HTTP ${res.status} ${doing} in repository ${repo.repository}${text ? `: ${text}` : ''}`,
      res.status,
    );
  }

  private semaphore(host: string): Semaphore {
    let s = this.semaphores.get(host);
    if (!s) {
      s = new Semaphore(Math.max(1, this.opts.concurrencyPerRegistry));
      this.semaphores.set(host, s);
    }
    return s;
  }

  /**
   * A registry request with auth (401 ⇒ challenge ⇒ retry, at most twice) and retries. Writes
   * (`push`) ask for a token scoped `pull,push`; their bodies are buffers, so a retry resends them.
   */
  private async request(
    repo: ImageRepository,
    method: 'GET' | 'HEAD' | 'POST' | 'PUT',
    url: string,
    accept: string,
    maxBytes = 16 << 20,
    write?: { body?: Buffer; contentType?: string },
    /** Ends the request and its retries (a parallel tag chain whose listing already failed). */
    signal?: AbortSignal,
  ): Promise<RawResponse> {
    const scope = `repository:${repo.repository}:${write ? 'pull,push' : 'pull'}`;
    if (repo.insecureSkipTLSVerify) this.insecureHosts.add(repo.apiHost);
    let authorization = await this.auth.authorization(repo.registry, scope);
    for (let authTries = 0; ; authTries++) {
      const headers: Record<string, string> = { Accept: accept };
      if (authorization) headers.Authorization = authorization;
      if (write?.contentType) headers['Content-Type'] = write.contentType;
      const init = { method, headers, ...(write?.body ? { body: write.body } : {}) };
      const res = await this.withRetries(
        repo.apiHost,
        method,
        url,
        () =>
          this.send(repo.apiHost, url, init, repo.insecureSkipTLSVerify, true, maxBytes, signal),
        signal,
      );
      if (res.status === 401) {
        if (authTries >= 2) {
          throw new RegistryAuthError(
            `authentication failed for ${repo.registry}: still refused after authenticating`,
          );
        }
        authorization = await this.auth.onUnauthorized(
          repo.registry,
          scope,
          res.headers.get('www-authenticate'),
          authorization,
          authTries > 0,
        );
        continue;
      }
      if (res.status === 403) {
        throw new RegistryAuthError(
          `access denied by registry ${repo.registry} to repository ${repo.repository}: ${this.redactor.redact(registryErrorText(res.body)) || 'HTTP 403'}`,
        );
      }
      return res;
    }
  }

  private async sendToken(
    url: string,
    init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string },
  ): Promise<AuthResponse> {
    const host = new URL(url).host;
    const res = await this.withRetries(host, init.method, url, () =>
      this.send(host, url, init, this.insecureHosts.has(host), false, 1 << 20),
    );
    return { status: res.status, headers: res.headers, text: res.body.toString('utf8') };
  }

  /** Runs `attempt` until it answers something that is not 429/5xx, or the tries run out. */
  private async withRetries(
    host: string,
    method: string,
    url: string,
    attempt: () => Promise<RawResponse>,
    signal?: AbortSignal,
  ): Promise<RawResponse> {
    const path = new URL(url).pathname;
    const policy = this.retryPolicy;
    const maxRetryAfter = this.opts.maxRetryAfterMs ?? 60_000;
    for (let tryNo = 1; ; tryNo++) {
      signal?.throwIfAborted();
      let res: RawResponse;
      try {
        res = await attempt();
      } catch (err) {
        if (signal?.aborted) throw signal.reason;
        if (err instanceof RegistryError || err instanceof BodyTooLargeError) throw err;
        if (isTimeout(err)) {
          throw new RegistryError(
            `registry ${host} did not answer ${method} ${path} within ${this.opts.requestTimeoutMs} ms`,
          );
        }
        const code = errorCode(err);
        const failure = new RegistryError(
          `cannot reach registry ${host} (${method} ${path}): ${this.redactor.redact(networkReason(err))}`,
        );
        if (code && RETRYABLE_CODES.has(code) && tryNo < policy.attempts) {
          await this.pause(
            host,
            tryNo,
            backoffDelay(tryNo, policy, this.opts.random),
            failure.message,
            signal,
          );
          continue;
        }
        throw failure;
      }
      const retryable = res.status === 429 || (res.status >= 500 && res.status !== 501);
      if (!retryable) return res;
      const detail = this.redactor.redact(registryErrorText(res.body));
      const failure = `registry ${host} answered HTTP ${res.status} to ${method} ${path}`;
      if (tryNo >= policy.attempts) {
        throw new RegistryError(
          `${failure} ${tryNo} times; giving up${detail ? ` (last answer: ${detail})` : ''}`,
          res.status,
        );
      }
      const retryAfter = parseRetryAfter(res.headers.get('retry-after'));
      if (retryAfter !== undefined && retryAfter > maxRetryAfter) {
        throw new RegistryError(
          `${failure} and asks to retry after ${Math.ceil(retryAfter / 1000)} s, longer than the ${Math.ceil(maxRetryAfter / 1000)} s gantry waits`,
          res.status,
        );
      }
      // Retry-After is a floor; a little jitter keeps many clients from returning at once.
      const delay =
        retryAfter !== undefined
          ? retryAfter +
            Math.round((this.opts.random ?? Math.random)() * Math.min(1000, policy.baseDelayMs))
          : backoffDelay(tryNo, policy, this.opts.random);
      await this.pause(host, tryNo, delay, failure, signal);
    }
  }

  private async pause(
    host: string,
    tryNo: number,
    delay: number,
    why: string,
    signal?: AbortSignal,
  ): Promise<void> {
    signal?.throwIfAborted();
    this.opts.log?.warn(
      `${why}; retrying in ${(delay / 1000).toFixed(1)} s (try ${tryNo + 1} of ${this.retryPolicy.attempts})`,
    );
    const wait = (this.opts.sleep ?? realSleep)(delay);
    if (!signal) return wait;
    await new Promise<void>((resolve, reject) => {
      const stop = (): void => reject(signal.reason as Error);
      signal.addEventListener('abort', stop, { once: true });
      void wait.then(() => {
        signal.removeEventListener('abort', stop);
        resolve();
      }, reject);
    });
  }

  /** One HTTP exchange: a concurrency slot (registries only), a timeout, the body read up to `maxBytes`. */
  private async send(
    host: string,
    url: string,
    init: { method: string; headers: Record<string, string>; body?: string | Buffer },
    insecure: boolean,
    limited: boolean,
    maxBytes: number,
    signal?: AbortSignal,
  ): Promise<RawResponse> {
    const sem = limited ? this.semaphore(host) : undefined;
    await sem?.acquire();
    try {
      signal?.throwIfAborted();
      this.counts.set(host, (this.counts.get(host) ?? 0) + 1);
      // `performance` loads node's perf_hooks modules on first use: only a traced run reads it.
      const started = this.opts.trace ? performance.now() : 0;
      const res = await this.transport
        .send(url, {
          method: init.method,
          headers: { 'User-Agent': this.opts.userAgent ?? 'gantry', ...init.headers },
          ...(init.body !== undefined && { body: init.body }),
          insecure,
          timeoutMs: this.opts.requestTimeoutMs,
          // Streamed and counted: an endless chunked tag list must fail at the cap, not fill memory.
          maxBytes,
          what: 'the registry response',
          ...(signal && { signal }),
        })
        .catch((err: unknown) => {
          const e = err instanceof Error ? err : new Error(String(err));
          this.opts.trace?.(httpTraceLine(init.method, url, e, performance.now() - started));
          throw err;
        });
      this.opts.trace?.(httpTraceLine(init.method, url, res.status, performance.now() - started));
      return res;
    } finally {
      sem?.release();
    }
  }
}

/** A client configured from discovery settings (one per discover run, shared by subscriptions). */
export function registryClientFor(
  settings: Pick<
    DiscoverySettings,
    'registryCredentials' | 'requestTimeoutMs' | 'concurrencyPerRegistry' | 'log'
  > & { trace?: (line: string) => void },
): RegistryClient {
  return new RegistryClient({
    credentials: settings.registryCredentials,
    requestTimeoutMs: settings.requestTimeoutMs,
    concurrencyPerRegistry: settings.concurrencyPerRegistry,
    log: settings.log,
    ...(settings.trace ? { trace: settings.trace } : {}),
  });
}
