/**
 * Canonical forms of repository URLs, as Kargo computes them (`pkg/urls`). They decide whether two
 * spellings name the same repository, and the Git and chart forms feed the freight ID, so they must
 * agree with Kargo's byte for byte.
 */

/**
 * Trim leading and trailing spaces and drop every non-printable character (byte-order marks,
 * zero-width spaces, control characters, non-ASCII spaces) wherever it is. Printable means what
 * Go's `unicode.IsPrint` says: letters, marks, numbers, punctuation, symbols and the ASCII space.
 */
export function sanitizeURL(url: string): string {
  return url.replace(/[^\p{L}\p{M}\p{N}\p{P}\p{S} ]/gu, '').trim();
}

interface HierarchicalURL {
  scheme: string;
  user: string | null;
  host: string;
  path: string;
  query: string | null;
  fragment: string | null;
}

// Characters Go's url.Parse accepts in a host (reg-name, IP literal, port).
const HOST = /^[A-Za-z0-9.\-_~%!$&'()*+,;=:[\]]*$/;
// Anything Go would reject or re-escape; such URLs are returned unchanged.
const UNSAFE = /[\s\p{Cc}]/u;

/** A small parser with Go's `net/url` behaviour for `scheme://authority/path?query#fragment`. */
function parseHierarchical(text: string): HierarchicalURL | null {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s.exec(text);
  if (!m) return null;
  const [, scheme = '', authority = '', path = '', query, fragment] = m;
  if (UNSAFE.test(text)) return null;
  const at = authority.lastIndexOf('@');
  const user = at >= 0 ? authority.slice(0, at) : null;
  const host = at >= 0 ? authority.slice(at + 1) : authority;
  if (!HOST.test(host)) return null;
  const port = /:([^:\]]*)$/.exec(host);
  if (port && !host.startsWith('[') && !/^[0-9]*$/.test(port[1] ?? '')) return null;
  return { scheme, user, host, path, query: query ?? null, fragment: fragment ?? null };
}

function hasQueryParameters(query: string | null): boolean {
  return query !== null && query.split(/[&;]/).some((pair) => pair !== '');
}

function formatHierarchical(u: HierarchicalURL): string {
  return (
    `${u.scheme}://${u.user !== null ? `${u.user}@` : ''}${u.host}${u.path}` +
    (u.query ? `?${u.query}` : '') +
    (u.fragment !== null ? `#${u.fragment}` : '')
  );
}

function trimRepoPath(path: string): string {
  let p = path.endsWith('/') ? path.slice(0, -1) : path;
  if (p.endsWith('.git')) p = p.slice(0, -4);
  return p;
}

const SCP = /^((?:[A-Za-z0-9_-]+@)?[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)(?::(.*))?$/s;

/**
 * Normalise a Git URL: lower case; for http(s) drop the user info; drop one trailing `/` and then
 * one `.git`; SCP-style `[user@]host[:path]` becomes `ssh://[user@]host[/path]`. URLs with query
 * parameters, and anything unparseable, are returned exactly as given. `file://` URLs are treated
 * like `ssh://` ones.
 */
export function normalizeGitURL(repo: string): string {
  const lower = repo.toLowerCase();
  const isHttp = lower.startsWith('http://') || lower.startsWith('https://');
  // file:// is gantry's addition (Kargo would read it as SCP syntax): local repositories in tests
  // and demos get the same treatment as ssh:// URLs.
  if (isHttp || lower.startsWith('ssh://') || lower.startsWith('file://')) {
    const u = parseHierarchical(lower);
    if (!u || hasQueryParameters(u.query)) return repo;
    if (isHttp) u.user = null;
    u.path = trimRepoPath(u.path);
    return formatHierarchical(u);
  }
  const m = SCP.exec(lower);
  if (!m) return repo;
  const userHost = m[1] ?? '';
  const rest = m[2] ?? '';
  // The path is read as a relative URL reference: a query or fragment is kept as is.
  const pm = /^([^?#]*)(\?[^#]*)?(#.*)?$/s.exec(rest);
  const rawPath = pm?.[1] ?? '';
  if (UNSAFE.test(rest) || (rawPath.split('/')[0] ?? '').includes(':')) return repo;
  const path = trimRepoPath(rawPath);
  const suffix = (pm?.[2] && pm[2] !== '?' ? pm[2] : '') + (pm?.[3] ?? '');
  if (path === '' && suffix === '') return `ssh://${userHost}`;
  return `ssh://${userHost}/${path}${suffix}`;
}

const DOCKER_HUB = 'index.docker.io';
const REPOSITORY_CHARS = /^[a-z0-9_\-./]{2,255}$/;
const TAG = /^[\w.-]{1,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

/** Registry and repository of an image reference, read like go-containerregistry (weak). */
function parseImageReference(ref: string): { registry: string; repository: string } | null {
  let base: string | null = null;
  const colon = ref.lastIndexOf(':');
  const afterColon = ref.slice(colon + 1);
  if (colon >= 0 && !afterColon.includes('/')) {
    if (TAG.test(afterColon)) base = ref.slice(0, colon);
  } else {
    base = ref;
  }
  let parsed = base === null ? null : parseRepository(base);
  if (!parsed) {
    const at = ref.indexOf('@');
    if (at >= 0 && DIGEST.test(ref.slice(at + 1))) parsed = parseRepository(ref.slice(0, at));
  }
  return parsed;
}

function parseRepository(name: string): { registry: string; repository: string } | null {
  let registry = DOCKER_HUB;
  let repository = name;
  const slash = name.indexOf('/');
  if (slash >= 0) {
    const first = name.slice(0, slash);
    if (first.includes('.') || first.includes(':')) {
      registry = first === 'docker.io' ? DOCKER_HUB : first;
      repository = name.slice(slash + 1);
    }
  }
  if (registry !== DOCKER_HUB && (!HOST.test(registry) || registry === '')) return null;
  if (registry === DOCKER_HUB && !repository.includes('/')) repository = `library/${repository}`;
  if (!REPOSITORY_CHARS.test(repository)) return null;
  return { registry, repository };
}

/**
 * Normalise an image repository: Docker Hub's many spellings (`docker.io/library/busybox`,
 * `index.docker.io/busybox`, `registry-1.docker.io/…`, `library/busybox`) collapse to `busybox`,
 * `example/repo`; other registries keep `registry/repository`. A tag or digest is dropped.
 * Anything that is not an image reference is returned as given.
 */
export function normalizeImageURL(repoURL: string): string {
  const parsed = parseImageReference(repoURL);
  if (!parsed) return repoURL;
  if (parsed.registry === DOCKER_HUB || parsed.registry === 'registry-1.docker.io') {
    return parsed.repository.startsWith('library/')
      ? parsed.repository.slice('library/'.length)
      : parsed.repository;
  }
  return `${parsed.registry}/${parsed.repository}`;
}

/**
 * Normalise a chart repository URL: trim, lower case, drop `oci://`, then normalise as an image
 * repository (so Docker Hub spellings collapse). HTTP(S) repository URLs come out lower-cased and
 * otherwise unchanged.
 */
export function normalizeChartURL(repo: string): string {
  let s = repo.trim().toLowerCase();
  if (s.startsWith('oci://')) s = s.slice('oci://'.length);
  return normalizeImageURL(s);
}
