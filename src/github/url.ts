/**
 * The one reading of a git remote URL, and of it as a GitHub repository: for the command line
 * (which API a remote's promotions use), `gantry init` (which repository the workflows' comments
 * name), the actions' `repository` input (which repository `dispatch-workflow` starts and the
 * summaries link), and the dashboard's commit links.
 */

export interface GitHubRepoRef {
  owner: string;
  repo: string;
  apiUrl: string;
}

/** Where a remote is: its host (lower case), its port when written, and the path after it. */
export interface RemoteLocation {
  scheme: string;
  host: string;
  port: string;
  path: string;
}

/**
 * `scheme://[user@]host[:port]/path` or scp-style `[user@]host:path` (no scheme, a colon before
 * any slash, as git reads it); undefined for anything else, local paths included.
 */
export function parseRemote(remoteUrl: string): RemoteLocation | undefined {
  const url = remoteUrl.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    try {
      const u = new URL(url);
      if (!u.hostname) return undefined;
      return {
        scheme: u.protocol.slice(0, -1).toLowerCase(),
        host: u.hostname.toLowerCase(),
        port: u.port,
        path: decodeURIComponent(u.pathname),
      };
    } catch {
      return undefined;
    }
  }
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)(.+)$/.exec(url);
  if (!scp?.[1] || !scp[2]) return undefined;
  return { scheme: 'ssh', host: scp[1].toLowerCase(), port: '', path: scp[2] };
}

/** `owner/name` of a path `/owner/name(.git)(/)`, or undefined for a deeper or shallower one. */
function ownerName(path: string): { owner: string; repo: string } | undefined {
  const m = /^\/?([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(path);
  return m?.[1] && m[2] ? { owner: m[1], repo: m[2] } : undefined;
}

function hostAndPort(url: string | undefined): { host: string; port: string } | undefined {
  try {
    const u = url ? new URL(url) : undefined;
    return u ? { host: u.hostname.toLowerCase(), port: u.port } : undefined;
  } catch {
    return undefined;
  }
}

const DOTCOM_API = 'https://api.github.com';

/**
 * `https://github.com/acme/gitops.git`, `git@github.com:acme/gitops.git`,
 * `ssh://git@github.com/acme/gitops` → acme/gitops on github.com. Another host counts only when
 * it is the server the workflow environment names (`serverUrl`, GitHub Enterprise Server), whose
 * API is `apiUrl` or `<server>/api/v3`.
 */
export function githubRepoOf(
  originUrl: string,
  server: { serverUrl?: string; apiUrl?: string } = {},
): GitHubRepoRef | undefined {
  const at = parseRemote(originUrl);
  const name = at && ownerName(at.path);
  if (!at || !name) return undefined;
  if (at.host === 'github.com' || at.host === 'www.github.com') {
    return { ...name, apiUrl: DOTCOM_API };
  }
  const s = hostAndPort(server.serverUrl);
  // Over http(s) the port is part of where the server is (http://127.0.0.1:8081 is not :5000); an
  // ssh port is another service of the same host.
  const port = /^https?$/.test(at.scheme) ? at.port : '';
  if (s && s.host === at.host && (!port || port === s.port)) {
    const apiUrl = server.apiUrl || `${server.serverUrl?.replace(/\/+$/, '')}/api/v3`;
    return { ...name, apiUrl };
  }
  return undefined;
}

/**
 * The repository of `url` only when it is on the GitHub server a workflow or the command line is
 * configured for (`serverUrl`, github.com by default), with that server's API (`apiUrl` overrides
 * github.com's, for tests and proxies). A token for one server is never sent to the other: a
 * github.com remote seen from a GHES setup is not "on GitHub", nor the reverse.
 */
export function githubRepoOnServer(
  url: string,
  server: { serverUrl?: string; apiUrl?: string } = {},
): GitHubRepoRef | undefined {
  const serverUrl = server.serverUrl || 'https://github.com';
  const ref = githubRepoOf(url, { serverUrl, ...(server.apiUrl ? { apiUrl: server.apiUrl } : {}) });
  const s = hostAndPort(serverUrl);
  if (!ref || !s) return undefined;
  const toGitHubCom = ref.apiUrl === DOTCOM_API;
  if (toGitHubCom !== (s.host === 'github.com')) return undefined;
  return toGitHubCom ? { ...ref, apiUrl: server.apiUrl || ref.apiUrl } : ref;
}

/**
 * The web page of a repository from its clone URL, for commit links on any forge:
 * `https://host/owner/name` from `https://[user@]host/owner/name(.git)`, `git@host:owner/name`
 * or `ssh://git@host/owner/name` (groups of several levels too). Undefined for anything else
 * (file://, plain http://, a local path).
 */
export function remoteWebUrl(remoteUrl: string): string | undefined {
  const at = parseRemote(remoteUrl);
  if (!at || (at.scheme !== 'https' && at.scheme !== 'ssh')) return undefined;
  const path = at.path
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
    .replace(/^\/+/, '');
  if (!/^[\w.~-]+(?:\/[\w.~-]+)+$/.test(path)) return undefined;
  // An ssh port is not the web server's.
  const port = at.scheme === 'https' && at.port ? `:${at.port}` : '';
  return `https://${at.host}${port}/${path}`;
}
