import { ConfigError } from '../util/errors.js';

/** Credentials for one remote. Never written to disk: they live in the environment of one git process. */
export type GitCredentials =
  | { kind: 'basic'; username: string; password: string }
  /** A GitHub token (GITHUB_TOKEN, an app installation token, a PAT) sent as basic x-access-token. */
  | { kind: 'token'; token: string };

export interface Remote {
  /** The URL git is given, free of credentials: safe to print and to store in config. */
  url: string;
  credentials?: GitCredentials;
}

/**
 * Splits credentials out of a remote URL, so that `https://bot:pw@host/repo.git` is fetched with
 * the password in a header and never lands in `.git/config`, a log line or an error.
 */
export function parseRemote(raw: string, credentials?: GitCredentials): Remote {
  const text = raw.trim();
  if (!text) throw new ConfigError('the repository URL is empty');
  if (/^https?:\/\//i.test(text)) {
    let u: URL;
    try {
      u = new URL(text);
    } catch {
      throw new ConfigError(`"${maskUserinfo(text)}" is not a valid URL`);
    }
    let creds = credentials;
    if (u.username || u.password) {
      let username: string;
      let password: string;
      try {
        username = decodeURIComponent(u.username);
        password = decodeURIComponent(u.password);
      } catch {
        throw new ConfigError(
          `the credentials in "${maskUserinfo(text)}" are not valid percent-encoding`,
        );
      }
      creds ??= password
        ? { kind: 'basic', username, password }
        : // `https://<token>@github.com/…` is a common way to pass a token alone.
          { kind: 'token', token: username };
      u.username = '';
      u.password = '';
    }
    return { url: u.toString(), credentials: creds };
  }
  return { url: text, credentials };
}

export function isHttpRemote(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** The username/password pair a credential turns into on the wire. */
export function basicPair(c: GitCredentials): { username: string; password: string } {
  return c.kind === 'basic'
    ? { username: c.username, password: c.password }
    : { username: 'x-access-token', password: c.token };
}

/** `scheme://user:pass@host/…` → `scheme://***@host/…`, whatever characters the password holds. */
export function maskUserinfo(url: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url);
  if (!scheme) return url;
  const rest = url.slice(scheme[0].length);
  const at = rest.lastIndexOf('@');
  return at < 0 ? url : `${scheme[0]}***@${rest.slice(at + 1)}`;
}
