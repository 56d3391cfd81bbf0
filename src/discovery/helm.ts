/**
 * Helm chart discovery, as Kargo's `pkg/helm/chart` selectors do it: the versions of a chart in
 * a classic repository (`index.yaml` over HTTP(S)) or in an OCI registry (the tags of the chart's
 * repository, `_` read as `+`), filtered by a Masterminds semver constraint, newest first, at most
 * `discoveryLimit` of them, each as written in the repository.
 */
import type { ChartSubscription } from '../pipeline/types.js';
import { compareVersionsDesc, parseVersion, type ParsedVersion } from '../semver/parse.js';
import { parseConstraint } from '../semver/constraint.js';
import { sanitizeURL } from '../urls/index.js';
import { ConfigError, OperationError, errorMessage } from '../util/errors.js';
import { BodyTooLargeError, bodyChunks, formatBytes, safeURL } from '../util/http-body.js';
import { Redactor } from '../util/redact.js';
import { parseRetryAfter, retry, sleep as realSleep, type RetryPolicy } from '../util/retry.js';
import { IndexFormatError, IndexYamlScanner, readChartVersions } from './helm-index.js';
import type { DiscoveredChart, DiscoveryLog } from './types.js';

export interface ChartCredentials {
  username: string;
  password: string;
}

/** What chart discovery needs from outside; the adapter wires the real ones in. */
export interface ChartDeps {
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
  /**
   * Per-request timeout: for the response to start, and then for each pause while the index
   * arrives (a large index on a slow link is fine; a server that stops sending is not).
   */
  timeoutMs: number;
  /** Basic-auth credentials for the classic repository. Never printed. */
  credentials?: ChartCredentials;
  /**
   * The tags of an OCI repository. `repository` is the chart's reference without `oci://`
   * (`ghcr.io/acme/charts/echo`, `127.0.0.1:5000/charts/demo`), as an image repository would
   * be written; authentication, pagination and retries are the registry client's business.
   */
  listOciTags(repository: string): Promise<string[]>;
  /** Retries of 429, 5xx, timeouts and network errors. Default: 4 tries, 0.5–8 s apart. */
  retry?: RetryPolicy;
  /** Longest `Retry-After` honoured; a server asking for longer fails the request. Default 60 s. */
  maxRetryAfterMs?: number;
  /** Largest index accepted, in bytes (as received, after content decoding). Default 512 MiB. */
  maxIndexBytes?: number;
  /**
   * Largest index kept whole for the fallback parsers (JSON, layouts the line scanner does not
   * read). Default 64 MiB. Larger indexes are read by the line scanner alone.
   */
  maxParsedIndexBytes?: number;
  /** Retries, fallbacks and timings. */
  log?: DiscoveryLog;
  /** Tests replace the waits between retries. */
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_CHART_RETRY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
};
const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;
/** A large public repository's index is tens of MiB; 512 MiB streamed costs time, not memory. */
const DEFAULT_MAX_INDEX_BYTES = 512 * 1024 * 1024;
/** Parsing YAML whole takes many times the text's size in memory: only this much is kept for it. */
const DEFAULT_MAX_PARSED_INDEX_BYTES = 64 * 1024 * 1024;

/** Whether the repository URL names a chart in an OCI registry. */
export function isOciChartURL(repoURL: string): boolean {
  return /^oci:\/\//i.test(sanitizeURL(repoURL));
}

/**
 * The OCI repository of an `oci://` chart URL, as handed to `listOciTags`: no scheme, no
 * trailing slash, lower case (OCI repository names are lower case; registries are reached by
 * host name, which is case-insensitive). `oci://GHCR.io/acme/echo/` ⇒ `ghcr.io/acme/echo`.
 */
export function ociChartRepository(repoURL: string): string {
  return sanitizeURL(repoURL)
    .replace(/^oci:\/\//i, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}

/**
 * The address of a classic repository's index and the credentials the URL carried. The index is
 * `index.yaml` under the repository URL's path, with or without a trailing slash; a query string
 * (signed URLs) is kept. User info in the URL is taken out (fetch refuses it) and returned as
 * credentials.
 */
export function chartIndexURL(repoURL: string): { url: string; credentials?: ChartCredentials } {
  let u: URL;
  try {
    u = new URL(sanitizeURL(repoURL));
  } catch {
    throw new ConfigError(`chart repository URL ${redactURL(repoURL)} is not a valid URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new ConfigError(
      `chart repository URL ${redactURL(repoURL)} must start with https://, http:// or oci://`,
    );
  }
  let credentials: ChartCredentials | undefined;
  if (u.username || u.password) {
    credentials = {
      username: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password),
    };
    u.username = '';
    u.password = '';
  }
  u.pathname = `${u.pathname.replace(/\/+$/, '')}/index.yaml`;
  u.hash = '';
  return credentials ? { url: u.toString(), credentials } : { url: u.toString() };
}

function redactURL(url: string): string {
  return new Redactor().redact(url);
}

/**
 * Filter versions by a Masterminds constraint, sort them newest first, keep at most `limit`
 * (none when `limit` ≤ 0), and return them as written. Strings that are not versions (Kargo's
 * non-strict reading: `v1.2` and `1` count) are dropped, and so are exact repeats. Without a
 * constraint every version is kept, pre-releases included, as Kargo does; with one, a
 * pre-release passes only a comparator that names a pre-release (`1.2.x-0`).
 */
export function selectChartVersions(
  versions: readonly string[],
  semverConstraint: string | undefined,
  limit: number,
): string[] {
  const constraint =
    semverConstraint !== undefined && semverConstraint.trim() !== ''
      ? parseConstraint(semverConstraint)
      : null;
  const seen = new Set<string>();
  const kept: ParsedVersion[] = [];
  for (const v of versions) {
    if (seen.has(v)) continue;
    seen.add(v);
    const parsed = parseVersion(v, false);
    if (!parsed) continue;
    if (constraint && !constraint.matches(parsed.version)) continue;
    kept.push(parsed);
  }
  kept.sort(compareVersionsDesc);
  const trimmed = limit > 0 ? kept.slice(0, limit) : kept;
  return trimmed.map((p) => p.original);
}

/**
 * Newest first, at most `discoveryLimit`, the chart versions that satisfy the subscription's
 * constraint. A chart the repository does not list gives no versions, not an error (Kargo).
 */
export async function discoverCharts(
  sub: ChartSubscription,
  deps: ChartDeps,
): Promise<DiscoveredChart[]> {
  // Checked before any request: a bad constraint is the user's to fix.
  if (sub.semverConstraint !== undefined && sub.semverConstraint.trim() !== '') {
    try {
      parseConstraint(sub.semverConstraint);
    } catch (err) {
      throw new ConfigError(errorMessage(err));
    }
  }
  let versions: string[];
  if (isOciChartURL(sub.repoURL)) {
    if (sub.name) {
      throw new ConfigError(
        `chart ${sub.repoURL}: name must be omitted for oci:// charts; the last path segment of repoURL is the chart name`,
      );
    }
    versions = await listOciChartVersions(sub.repoURL, deps);
  } else {
    if (!sub.name) {
      throw new ConfigError(
        `chart repository ${redactURL(sub.repoURL)}: name (the chart name) is required for an http(s) repository`,
      );
    }
    versions = (await listHttpChartVersions(sub.repoURL, sub.name, deps)) ?? [];
  }
  return selectChartVersions(versions, sub.semverConstraint, sub.discoveryLimit).map((version) => ({
    version,
  }));
}

/**
 * The version strings of an OCI chart: its repository's tags, with `_` read as `+` (OCI tags
 * may not hold `+`, so `helm push` writes build metadata with `_`).
 */
export async function listOciChartVersions(repoURL: string, deps: ChartDeps): Promise<string[]> {
  const tags = await deps.listOciTags(ociChartRepository(repoURL));
  return tags.map((t) => t.replaceAll('_', '+'));
}

// ---------------------------------------------------------------------------------------------
// Classic repositories

class HttpStatusError extends OperationError {
  override name = 'HttpStatusError';
  constructor(
    message: string,
    readonly status: number,
    readonly retryAfterMs: number | undefined,
  ) {
    super(message);
  }
}

class RequestTimeoutError extends OperationError {
  override name = 'RequestTimeoutError';
}

class NetworkError extends OperationError {
  override name = 'NetworkError';
}

function isRetryable(err: unknown): boolean {
  if (err instanceof HttpStatusError) {
    return err.status === 429 || (err.status >= 500 && err.status !== 501 && err.status !== 505);
  }
  return err instanceof RequestTimeoutError || err instanceof NetworkError;
}

/**
 * The version strings of `chart` in the classic repository at `repoURL`, in index order, or
 * null when the index does not list the chart. Errors: `received unexpected HTTP <status> …`,
 * `error unmarshaling repository index: …` (Kargo's words), timeouts and network failures after
 * the retries run out.
 */
export async function listHttpChartVersions(
  repoURL: string,
  chart: string,
  deps: ChartDeps,
): Promise<string[] | null> {
  const { url, credentials: fromURL } = chartIndexURL(repoURL);
  // A signed index URL carries its signature in the query: messages show the keys only.
  const shown = safeURL(url);
  const credentials = deps.credentials ?? fromURL;
  const redactor = new Redactor();
  if (credentials) redactor.addBasicAuth(credentials.username, credentials.password);
  const policy = deps.retry ?? DEFAULT_CHART_RETRY;
  const maxRetryAfter = deps.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  let wait = 0;
  const started = Date.now();
  const fetched = await retry(
    () => fetchIndex(url, chart, credentials, deps),
    (err) => {
      if (!isRetryable(err)) return false;
      const after = err instanceof HttpStatusError ? err.retryAfterMs : undefined;
      return after === undefined || after <= maxRetryAfter;
    },
    policy,
    {
      onRetry: (attempt, delay, err) => {
        const after = err instanceof HttpStatusError ? err.retryAfterMs : undefined;
        wait = Math.max(delay, after ?? 0);
        deps.log?.warn(
          `${shown}: ${redactor.redact(errorMessage(err))}; try ${attempt + 1} of ${policy.attempts} in ${(wait / 1000).toFixed(1)} s`,
        );
      },
      sleep: () => (deps.sleep ?? realSleep)(wait),
    },
  ).catch((err: unknown) => {
    if (
      err instanceof HttpStatusError &&
      err.retryAfterMs !== undefined &&
      err.retryAfterMs > maxRetryAfter
    ) {
      throw new OperationError(
        `${err.message}; the server asks to retry after ${Math.round(err.retryAfterMs / 1000)} s, longer than ${Math.round(maxRetryAfter / 1000)} s`,
        { cause: err },
      );
    }
    if (isRetryable(err) && policy.attempts > 1) {
      throw new OperationError(`${errorMessage(err)} (gave up after ${policy.attempts} tries)`, {
        cause: err,
      });
    }
    throw err;
  });
  let read;
  try {
    read = readChartVersions(fetched.body, chart, fetched.scan);
  } catch (err) {
    if (err instanceof IndexFormatError) {
      throw new OperationError(`error unmarshaling repository index ${shown}: ${err.message}`, {
        cause: err,
      });
    }
    throw err;
  }
  if (read.fallbackReason) {
    // Correct either way, but slow and memory-hungry for large indexes: worth knowing.
    deps.log?.warn(
      `${shown}: the index has a layout the fast scanner does not read (${read.fallbackReason}); parsed it whole`,
    );
  }
  deps.log?.info(
    `${shown}: ${formatBytes(fetched.bytes)} read in ${((Date.now() - started) / 1000).toFixed(2)} s; ` +
      `${read.versions === null ? `no chart ${chart}` : `${read.versions.length} versions of ${chart}`}`,
  );
  return read.versions;
}

interface FetchedIndex {
  /** The whole body, joined on demand (only the fallback parsers need it). */
  body: () => Uint8Array;
  bytes: number;
  /** The line scanner's verdict, computed while the body arrived. */
  scan: ReturnType<IndexYamlScanner['end']>;
}

/** One GET of the index: status checks, a timeout that restarts with every chunk received. */
async function fetchIndex(
  url: string,
  chart: string,
  credentials: ChartCredentials | undefined,
  deps: ChartDeps,
): Promise<FetchedIndex> {
  const shown = safeURL(url);
  const doFetch = deps.fetch ?? fetch;
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, deps.timeoutMs);
  };
  const headers: Record<string, string> = {
    'User-Agent': 'gantry',
    Accept: 'application/yaml, application/x-yaml, text/yaml, application/json;q=0.9, */*;q=0.8',
  };
  if (credentials) {
    const pair = `${credentials.username}:${credentials.password}`;
    headers.Authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
  }
  arm();
  try {
    let res: Response;
    try {
      res = await doFetch(url, { headers, signal: controller.signal, redirect: 'follow' });
    } catch (err) {
      if (timedOut) {
        throw new RequestTimeoutError(`no response from ${shown} within ${deps.timeoutMs} ms`);
      }
      throw new NetworkError(`cannot reach ${shown}: ${describeNetworkError(err)}`, { cause: err });
    }
    if (res.status !== 200) {
      await res.body?.cancel().catch(() => undefined);
      const hint =
        res.status === 401 || res.status === 403
          ? credentials
            ? ' (the credentials were refused)'
            : ' (the repository wants credentials)'
          : '';
      throw new HttpStatusError(
        `received unexpected HTTP ${res.status} when retrieving chart repository index file ${shown}${hint}`,
        res.status,
        parseRetryAfter(res.headers.get('retry-after')),
      );
    }
    const max = deps.maxIndexBytes ?? DEFAULT_MAX_INDEX_BYTES;
    const keepMax = Math.min(max, deps.maxParsedIndexBytes ?? DEFAULT_MAX_PARSED_INDEX_BYTES);
    const scanner = new IndexYamlScanner(chart);
    // The raw chunks are kept in case a fallback parser needs the whole text, but only up to
    // keepMax: past it they go, and the scanner alone (which holds nothing but the current
    // line) reads the rest, so a large index costs time, not memory.
    const chunks: Uint8Array[] = [];
    let kept = true;
    let bytes = 0;
    const body = bodyChunks(res, { url, maxBytes: max, what: 'the Helm index' });
    for (;;) {
      arm();
      let step: IteratorResult<Uint8Array>;
      try {
        step = await body.next();
      } catch (err) {
        if (err instanceof BodyTooLargeError) throw err;
        if (timedOut) {
          throw new RequestTimeoutError(
            `${shown}: the index stopped arriving (nothing for ${deps.timeoutMs} ms after ${formatBytes(bytes)})`,
          );
        }
        throw new NetworkError(`${shown}: reading the index failed: ${describeNetworkError(err)}`, {
          cause: err,
        });
      }
      if (step.done) break;
      bytes += step.value.byteLength;
      if (kept && bytes > keepMax) {
        kept = false;
        chunks.length = 0;
      }
      if (kept) chunks.push(step.value);
      scanner.push(step.value);
    }
    const scan = scanner.end();
    let joined: Uint8Array | undefined;
    return {
      bytes,
      scan,
      body: () => {
        if (!kept) {
          const why = scan.status === 'unrecognised' ? ` (line ${scan.line}: ${scan.reason})` : '';
          throw new OperationError(
            `${shown}: the index is ${formatBytes(bytes)}, in a layout the fast scanner does not read${why}, and more than the ${formatBytes(keepMax)} gantry parses whole`,
          );
        }
        if (!joined) {
          joined = Buffer.concat(chunks, bytes);
          chunks.length = 0; // the pieces can go as soon as the whole exists
        }
        return joined;
      },
    };
  } finally {
    clearTimeout(timer);
  }
}

function describeNetworkError(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : undefined;
  const code = (cause as { code?: unknown } | undefined)?.code;
  const detail = cause ? `${typeof code === 'string' ? `${code}: ` : ''}${cause.message}` : '';
  return detail || errorMessage(err);
}
