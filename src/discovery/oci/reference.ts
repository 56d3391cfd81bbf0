/**
 * Image repository references as subscriptions write them (`nginx`, `ghcr.io/acme/echo`,
 * `127.0.0.1:5000/demo/app`), read the way Docker reads them: a first path component with a `.` or
 * a `:`, or `localhost`, names a registry; anything else is a Docker Hub repository, where a single
 * name lives under `library/`. A subscription names a repository, so a tag or digest is an error.
 */
import { ConfigError } from '../../util/errors.js';

/** Docker Hub as references name it, and as credentials are keyed. */
export const DOCKER_HUB = 'docker.io';
/** Where Docker Hub's registry API answers. */
export const DOCKER_HUB_API = 'registry-1.docker.io';
const DOCKER_HUB_ALIASES = new Set([DOCKER_HUB, 'index.docker.io', DOCKER_HUB_API]);

export interface ImageRepository {
  /** Registry host as references name it: `docker.io`, `ghcr.io`, `127.0.0.1:5000`. */
  registry: string;
  /** Host (and port) the API calls go to: `registry-1.docker.io` for Docker Hub. */
  apiHost: string;
  /** Repository path inside the registry: `library/nginx`, `acme/echo`. */
  repository: string;
  /** Plain HTTP for loopback registries, as Docker does; HTTPS for everything else. */
  scheme: 'http' | 'https';
  /** Skip TLS certificate verification for this subscription only. */
  insecureSkipTLSVerify: boolean;
}

// Repository path components, as the distribution spec defines them.
const COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const HOSTNAME =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
const IPV6 = /^\[[0-9A-Fa-f:.]+\]$/;
const TAG = /^[\w][\w.-]{0,127}$/;

function bad(repoURL: string, why: string): ConfigError {
  return new ConfigError(`invalid image repository ${JSON.stringify(repoURL)}: ${why}`);
}

function isRegistryHost(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost';
}

function validHost(host: string): boolean {
  const m = /^(.*?)(?::([0-9]{1,5}))?$/.exec(host);
  const name = m?.[1] ?? '';
  if (m?.[2] !== undefined && Number(m[2]) > 65535) return false;
  return HOSTNAME.test(name) || IPV6.test(name);
}

/** Loopback hosts are reached over plain HTTP (Docker's default insecure registries). */
export function isLoopbackHost(host: string): boolean {
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  return name === 'localhost' || name === '[::1]' || /^127(?:\.[0-9]{1,3}){3}$/.test(name ?? '');
}

/** Fold the spellings of a registry host: Docker Hub's aliases become `docker.io`; lower case. */
export function canonicalRegistry(host: string): string {
  const lower = host.toLowerCase();
  return DOCKER_HUB_ALIASES.has(lower) ? DOCKER_HUB : lower;
}

/**
 * Parse a subscription's `repoURL`. Throws a ConfigError that says what is wrong, e.g. when the
 * reference carries a tag (`nginx:1.25`) or digest (`…@sha256:…`), or uses a URL scheme.
 */
export function parseImageRepository(
  repoURL: string,
  opts: { insecureSkipTLSVerify?: boolean } = {},
): ImageRepository {
  const ref = repoURL.trim();
  if (ref === '') throw bad(repoURL, 'it is empty');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) {
    throw bad(repoURL, 'write it without a URL scheme, e.g. `ghcr.io/acme/app`');
  }
  if (ref.includes('@')) {
    throw bad(repoURL, 'it names a digest; subscribe to the repository and let discovery pick');
  }
  const slash = ref.indexOf('/');
  const first = slash >= 0 ? ref.slice(0, slash) : '';
  let registry: string;
  let path: string;
  if (slash >= 0 && isRegistryHost(first)) {
    if (!validHost(first)) throw bad(repoURL, `${JSON.stringify(first)} is not a registry host`);
    registry = canonicalRegistry(first);
    path = ref.slice(slash + 1);
  } else {
    registry = DOCKER_HUB;
    path = ref;
  }
  const lastSlash = path.lastIndexOf('/');
  const colon = path.indexOf(':', lastSlash + 1);
  if (colon >= 0) {
    const tag = path.slice(colon + 1);
    throw bad(
      repoURL,
      TAG.test(tag)
        ? `it names the tag ${JSON.stringify(tag)}; write the repository alone and choose tags with a selection strategy`
        : 'a `:` after the registry host is not allowed',
    );
  }
  if (registry === DOCKER_HUB && !path.includes('/')) path = `library/${path}`;
  for (const component of path.split('/')) {
    if (!COMPONENT.test(component)) {
      throw bad(
        repoURL,
        component === ''
          ? 'it has an empty path component'
          : `${JSON.stringify(component)} is not a valid repository name component (lower case letters, digits and . _ - separators)`,
      );
    }
  }
  if (path.length > 255) throw bad(repoURL, 'the repository name is longer than 255 characters');
  return {
    registry,
    apiHost: registry === DOCKER_HUB ? DOCKER_HUB_API : registry,
    repository: path,
    scheme: isLoopbackHost(registry) ? 'http' : 'https',
    insecureSkipTLSVerify: opts.insecureSkipTLSVerify ?? false,
  };
}

/** `docker.io/library/nginx`, `127.0.0.1:5000/demo/app`: the full name, for messages and keys. */
export function repositoryName(repo: ImageRepository): string {
  return `${repo.registry}/${repo.repository}`;
}

/** `https://ghcr.io`, `http://127.0.0.1:5000`: where the `/v2/` API of the registry lives. */
export function registryOrigin(repo: ImageRepository): string {
  return `${repo.scheme}://${repo.apiHost}`;
}

/** An artifact reference as oci-download and oci-push take it: a repository and a tag or digest. */
export interface ImageReference {
  repo: ImageRepository;
  /** The tag, when the reference names one (`:1.0.0`). */
  tag?: string;
  /** The digest, when the reference names one (`@sha256:…`). */
  digest?: string;
  /** Written with `oci://` (Kargo: a Helm chart; the same registry credentials here). */
  helm: boolean;
}

const DIGEST_REF = /^sha256:[a-f0-9]{64}$|^sha512:[a-f0-9]{128}$/;

/**
 * `registry/repo:tag`, `registry/repo@sha256:…`, either with `oci://` in front. A reference with
 * both a tag and a digest is read by its digest, as Docker does. `what` names the field.
 */
export function parseImageReference(
  ref: string,
  what: string,
  opts: { insecureSkipTLSVerify?: boolean } = {},
): ImageReference {
  const helm = ref.startsWith('oci://');
  const body = helm ? ref.slice('oci://'.length) : ref;
  const bad = (why: string) => new ConfigError(`${what} ${JSON.stringify(ref)}: ${why}`);
  let rest = body;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST_REF.test(digest))
      throw bad(`${JSON.stringify(digest)} is not a digest (sha256:<64 hex>)`);
  }
  let tag: string | undefined;
  // A colon after the last slash starts the tag; one before it belongs to the registry's port.
  const colon = rest.indexOf(':', rest.lastIndexOf('/') + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw bad(`${JSON.stringify(tag)} is not a valid tag`);
  }
  if (tag === undefined && digest === undefined) {
    throw bad('name a tag (`repo:1.0.0`) or a digest (`repo@sha256:…`)');
  }
  let repo: ImageRepository;
  try {
    repo = parseImageRepository(rest, opts);
  } catch (err) {
    throw bad(err instanceof Error ? err.message : String(err));
  }
  return { repo, ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }), helm };
}
