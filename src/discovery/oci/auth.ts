/**
 * Registry authentication: anonymous, HTTP basic, and the bearer-token flow of the Docker
 * registry token specification (a 401 with `WWW-Authenticate: Bearer realm=…,service=…,scope=…`;
 * a token fetched from the realm, with basic credentials, an OAuth2 refresh token, or none; the
 * token sent as `Authorization: Bearer …` until it expires). Credentials come from a Docker config
 * file or from the adapter; they are never logged, and every message that could carry one goes
 * through a Redactor.
 */
import { readFileSync } from 'node:fs';
import type { RegistryCredential } from '../types.js';
import { ConfigError, OperationError } from '../../util/errors.js';
import { Redactor } from '../../util/redact.js';
import { DOCKER_HUB, canonicalRegistry, isLoopbackHost } from './reference.js';
import type { HeaderReader } from './transport.js';

/** Authentication was required and failed, or was refused. The message never holds a secret. */
export class RegistryAuthError extends OperationError {
  override name = 'RegistryAuthError';
}

export interface Challenge {
  /** Lower-cased scheme: `bearer`, `basic`, … */
  scheme: string;
  /** Parameters with lower-cased names and unquoted values. */
  params: Record<string, string>;
}

/**
 * Parse a `WWW-Authenticate` header (RFC 7235): one or more challenges, each a scheme followed by
 * comma-separated `name=value` parameters whose values may be quoted strings holding commas, `=`
 * and backslash-escaped quotes (`scope="repository:a:pull,push"`).
 */
export function parseWWWAuthenticate(header: string): Challenge[] {
  const out: Challenge[] = [];
  let i = 0;
  const n = header.length;
  const skipSpace = (): void => {
    while (i < n && (header[i] === ' ' || header[i] === '\t')) i++;
  };
  const readToken = (): string => {
    const start = i;
    while (i < n && /[!#$%&'*+\-.^_`|~0-9A-Za-z]/.test(header[i] ?? '')) i++;
    return header.slice(start, i);
  };
  let current: Challenge | null = null;
  while (i < n) {
    skipSpace();
    if (header[i] === ',') {
      i++;
      continue;
    }
    const start = i;
    const token = readToken();
    if (token === '') {
      i++; // Not a token character: skip it rather than loop forever.
      continue;
    }
    skipSpace();
    if (header[i] === '=' && current) {
      // `name=value` (a token68 such as `abc==` would also land here; no registry sends one).
      i++;
      skipSpace();
      let value = '';
      if (header[i] === '"') {
        i++;
        while (i < n && header[i] !== '"') {
          if (header[i] === '\\' && i + 1 < n) i++;
          value += header[i];
          i++;
        }
        i++; // Closing quote.
      } else {
        const vStart = i;
        while (i < n && header[i] !== ',' && header[i] !== ' ' && header[i] !== '\t') i++;
        value = header.slice(vStart, i);
      }
      current.params[token.toLowerCase()] = value;
      continue;
    }
    if (start === i) break;
    current = { scheme: token.toLowerCase(), params: {} };
    out.push(current);
  }
  return out;
}

/** Fold a Docker config `auths` key to a registry host: no scheme, no path, Docker Hub as `docker.io`. */
export function registryKey(key: string): string {
  let host = key.trim();
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const slash = host.indexOf('/');
  if (slash >= 0) host = host.slice(0, slash);
  return canonicalRegistry(host);
}

function asString(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * Read the `auths` of a Docker config file (`$DOCKER_CONFIG/config.json`, as `docker login`,
 * `docker/login-action` and cloud login actions write it) into credentials by registry host. Keys
 * with or without scheme are accepted; `https://index.docker.io/v1/` is Docker Hub (`docker.io`).
 * `auth` holds base64 `user:password`; `identitytoken` is an OAuth2 refresh token;
 * `registrytoken` a bearer token used as is. A missing file yields no credentials. Credential
 * helpers (`credsStore`, `credHelpers`) are not run.
 */
export function loadDockerConfig(path: string): Map<string, RegistryCredential> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw new ConfigError(`cannot read Docker config ${path}: ${(err as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    // JSON.parse quotes the offending text, which may be a secret: say only that it is broken.
    throw new ConfigError(`cannot read Docker config ${path}: it is not valid JSON`);
  }
  const out = new Map<string, RegistryCredential>();
  const auths = (doc as { auths?: unknown } | null)?.auths;
  if (typeof auths !== 'object' || auths === null) return out;
  for (const [key, raw] of Object.entries(auths as Record<string, unknown>)) {
    if (typeof raw !== 'object' || raw === null) continue;
    const entry = raw as Record<string, unknown>;
    const cred: RegistryCredential = {};
    const auth = asString(entry.auth);
    if (auth) {
      const decoded = Buffer.from(auth, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0) {
        throw new ConfigError(
          `cannot read Docker config ${path}: the "auth" of ${JSON.stringify(key)} is not base64 of user:password`,
        );
      }
      cred.username = decoded.slice(0, colon);
      cred.password = decoded.slice(colon + 1);
    }
    const username = asString(entry.username);
    const password = asString(entry.password);
    if (username) cred.username = username;
    if (password) cred.password = password;
    const identityToken = asString(entry.identitytoken);
    const registryToken = asString(entry.registrytoken);
    if (identityToken) cred.identityToken = identityToken;
    if (registryToken) cred.registryToken = registryToken;
    if (cred.password || cred.identityToken || cred.registryToken) out.set(registryKey(key), cred);
  }
  return out;
}

/** The credential for a registry host, whichever spelling the map's keys use. */
export function credentialFor(
  credentials: ReadonlyMap<string, RegistryCredential>,
  registry: string,
): RegistryCredential | undefined {
  const want = canonicalRegistry(registry);
  const direct = credentials.get(want);
  if (direct) return direct;
  for (const [key, cred] of credentials) if (registryKey(key) === want) return cred;
  return undefined;
}

/** A minimal response, so the authenticator does not care how requests are sent. */
export interface AuthResponse {
  status: number;
  headers: HeaderReader;
  text: string;
}

/** Sends a request to a token endpoint (the client adds timeouts and counting). */
export type TokenSender = (
  url: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string },
) => Promise<AuthResponse>;

interface CachedToken {
  header: string;
  expiresAt: number;
}

type HostScheme =
  { kind: 'basic' } | { kind: 'bearer'; realm: string; service: string | undefined };

export interface RegistryAuthenticatorOptions {
  credentials: ReadonlyMap<string, RegistryCredential>;
  sendToken: TokenSender;
  redactor: Redactor;
  now?: () => number;
}

/** Default token lifetime when the token service does not say (the spec's 60 s). */
const DEFAULT_EXPIRES_IN_S = 60;
/** Tokens are dropped this long before they expire, so none expires in flight. */
const EXPIRY_MARGIN_MS = 5_000;

/**
 * Remembers, per registry host, how it wants to be authenticated (learned from its first 401),
 * and caches bearer tokens per scope until they expire, so later requests carry the right header
 * from the start and cost no extra round trip.
 */
export class RegistryAuthenticator {
  private readonly schemes = new Map<string, HostScheme>();
  private readonly tokens = new Map<string, CachedToken>();
  private readonly inflight = new Map<string, Promise<CachedToken>>();
  private readonly now: () => number;

  constructor(private readonly opts: RegistryAuthenticatorOptions) {
    this.now = opts.now ?? Date.now;
    for (const cred of opts.credentials.values()) {
      if (cred.username && cred.password) opts.redactor.addBasicAuth(cred.username, cred.password);
      opts.redactor.add(cred.password, cred.identityToken, cred.registryToken);
    }
  }

  private credential(registry: string): RegistryCredential | undefined {
    return credentialFor(this.opts.credentials, registry);
  }

  /** Who we authenticate as, for messages: the user name, or `an identity token`, never a secret. */
  private who(registry: string): string {
    const cred = this.credential(registry);
    if (cred?.username && !cred.identityToken) return cred.username;
    if (cred?.identityToken) return 'an identity token';
    if (cred?.registryToken) return 'a registry token';
    return 'anonymous';
  }

  private basicHeader(registry: string): string | undefined {
    const cred = this.credential(registry);
    if (!cred?.username || cred.password === undefined) return undefined;
    return `Basic ${Buffer.from(`${cred.username}:${cred.password}`).toString('base64')}`;
  }

  /** The header to send before any challenge is seen (none until the host has told us). */
  async authorization(registry: string, scope: string): Promise<string | undefined> {
    const scheme = this.schemes.get(registry);
    if (!scheme) {
      const token = this.credential(registry)?.registryToken;
      return token ? `Bearer ${token}` : undefined;
    }
    if (scheme.kind === 'basic') return this.basicHeader(registry);
    const cached = this.tokens.get(this.tokenKey(scheme, scope));
    if (cached && cached.expiresAt > this.now()) return cached.header;
    return (await this.fetchToken(registry, scheme, scope)).header;
  }

  private tokenKey(scheme: { realm: string; service: string | undefined }, scope: string): string {
    return `${scheme.realm}\u0000${scheme.service ?? ''}\u0000${scope}`;
  }

  /**
   * A request was answered 401. Learn the host's scheme from the challenge and return the header
   * to retry with, or throw a RegistryAuthError when retrying cannot help (no credentials, or the
   * credentials were just rejected).
   */
  async onUnauthorized(
    registry: string,
    scope: string,
    wwwAuthenticate: string | null,
    sent: string | undefined,
    retried: boolean,
  ): Promise<string> {
    const challenges = parseWWWAuthenticate(wwwAuthenticate ?? '');
    const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm);
    const basic = challenges.find((c) => c.scheme === 'basic');
    if (bearer?.params.realm) {
      const scheme: HostScheme = {
        kind: 'bearer',
        realm: bearer.params.realm,
        service: bearer.params.service,
      };
      this.schemes.set(registry, scheme);
      if (sent?.startsWith('Bearer ')) {
        const key = this.tokenKey(scheme, scope);
        const cached = this.tokens.get(key);
        if (cached?.header === sent) this.tokens.delete(key);
        // A token fetched for this very request (or one given as is) was refused: a new one
        // would be refused too. A token cached from earlier may have been revoked: fetch anew.
        if (retried || cached?.header !== sent)
          throw this.refused(registry, scope, bearer.params.error);
      }
      return (await this.fetchToken(registry, scheme, scope)).header;
    }
    if (basic) {
      this.schemes.set(registry, { kind: 'basic' });
      const header = this.basicHeader(registry);
      if (!header) {
        throw new RegistryAuthError(
          `authentication required for ${registry}: the registry wants a user name and password, and none is configured for it`,
        );
      }
      if (sent === header) {
        throw new RegistryAuthError(
          `authentication failed for ${registry} as ${this.who(registry)}: the registry rejected the credentials`,
        );
      }
      return header;
    }
    throw new RegistryAuthError(
      `authentication required for ${registry}, but its challenge is not one gantry understands: ${this.opts.redactor.redact(wwwAuthenticate ?? '(no WWW-Authenticate header)')}`,
    );
  }

  private refused(registry: string, scope: string, error: string | undefined): RegistryAuthError {
    const who = this.who(registry);
    const what = scope.split(':')[1] ?? scope;
    if (who === 'anonymous') {
      return new RegistryAuthError(
        `authentication required for ${registry}: anonymous access to ${what} was refused${error ? ` (${error})` : ''}; configure credentials for ${registry}`,
      );
    }
    return new RegistryAuthError(
      `access denied for ${registry} as ${who}: the registry refused access to ${what}${error ? ` (${error})` : ''}`,
    );
  }

  private fetchToken(
    registry: string,
    scheme: { realm: string; service: string | undefined },
    scope: string,
  ): Promise<CachedToken> {
    const key = this.tokenKey(scheme, scope);
    // Requests running at once for the same scope share one token request.
    const running = this.inflight.get(key);
    if (running) return running;
    const p = this.requestToken(registry, scheme, scope).then(
      (t) => {
        this.tokens.set(key, t);
        this.inflight.delete(key);
        return t;
      },
      (err: unknown) => {
        this.inflight.delete(key);
        throw err;
      },
    );
    this.inflight.set(key, p);
    return p;
  }

  private async requestToken(
    registry: string,
    scheme: { realm: string; service: string | undefined },
    scope: string,
  ): Promise<CachedToken> {
    const cred = this.credential(registry);
    let realm: URL;
    try {
      realm = new URL(scheme.realm);
    } catch {
      throw new RegistryAuthError(
        `authentication required for ${registry}, but its token realm ${JSON.stringify(scheme.realm)} is not a URL`,
      );
    }
    if (realm.protocol !== 'https:' && realm.protocol !== 'http:') {
      throw new RegistryAuthError(`token realm of ${registry} is not http(s): ${realm.href}`);
    }
    const hasSecret = Boolean(cred?.password || cred?.identityToken);
    if (hasSecret && realm.protocol === 'http:' && !isLoopbackHost(realm.host)) {
      throw new RegistryAuthError(
        `refusing to send credentials for ${registry} to a token service over plain HTTP (${realm.origin})`,
      );
    }
    const who = this.who(registry);
    let res: AuthResponse;
    if (cred?.identityToken) {
      const form = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: cred.identityToken,
        client_id: 'gantry',
        scope,
      });
      if (scheme.service) form.set('service', scheme.service);
      res = await this.opts.sendToken(realm.href, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
    } else {
      if (scheme.service) realm.searchParams.set('service', scheme.service);
      realm.searchParams.set('scope', scope);
      const headers: Record<string, string> = {};
      const basic = this.basicHeader(registry);
      if (basic) {
        headers.Authorization = basic;
        if (cred?.username) realm.searchParams.set('account', cred.username);
      }
      res = await this.opts.sendToken(realm.href, { method: 'GET', headers });
    }
    if (res.status === 401 || res.status === 403) {
      throw new RegistryAuthError(
        who === 'anonymous'
          ? `authentication required for ${registry}: its token service ${realm.origin} refused anonymous access (HTTP ${res.status}); configure credentials for ${registry}`
          : `authentication failed for ${registry} as ${who}: its token service ${realm.origin} answered HTTP ${res.status}`,
      );
    }
    if (res.status !== 200) {
      throw new RegistryAuthError(
        `token service ${realm.origin} for ${registry} answered HTTP ${res.status}: ${this.opts.redactor.redact(res.text.slice(0, 200))}`,
      );
    }
    let body: {
      token?: unknown;
      access_token?: unknown;
      expires_in?: unknown;
      issued_at?: unknown;
    };
    try {
      body = JSON.parse(res.text) as typeof body;
    } catch {
      throw new RegistryAuthError(
        `token service ${realm.origin} for ${registry} answered with something that is not JSON`,
      );
    }
    const token = asString(body.token) ?? asString(body.access_token);
    if (!token) {
      throw new RegistryAuthError(
        `token service ${realm.origin} for ${registry} answered without a token`,
      );
    }
    this.opts.redactor.add(token);
    const expiresIn =
      typeof body.expires_in === 'number' && body.expires_in > 0
        ? body.expires_in
        : DEFAULT_EXPIRES_IN_S;
    const issued = typeof body.issued_at === 'string' ? Date.parse(body.issued_at) : NaN;
    // Trust our own clock over the server's when they disagree about "now".
    const start = Number.isFinite(issued) ? Math.min(issued, this.now()) : this.now();
    return {
      header: `Bearer ${token}`,
      expiresAt: start + expiresIn * 1000 - EXPIRY_MARGIN_MS,
    };
  }
}

export { DOCKER_HUB };
