/**
 * The one reading of a git remote URL as a GitHub repository, for the command line (which API
 * a remote's promotions use) and `gantry init` (which repository the workflows' comments name).
 */

export interface GitHubRepoRef {
  owner: string;
  repo: string;
  apiUrl: string;
}

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
  const url = originUrl.trim();
  let host: string | undefined;
  let path: string | undefined;
  // With a scheme, the port is part of where the server is (http://127.0.0.1:8081 is not :5000);
  // scp-style `git@host:owner/repo` has none.
  let port = '';
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)(.+)$/.exec(url);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    try {
      const u = new URL(url);
      host = u.hostname.toLowerCase();
      path = u.pathname;
      if (/^https?:$/.test(u.protocol)) port = u.port;
    } catch {
      return undefined;
    }
  } else if (scp) {
    host = scp[1]?.toLowerCase();
    path = scp[2];
  }
  if (!host || !path) return undefined;
  const m = /^\/?([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(path);
  if (!m?.[1] || !m[2]) return undefined;
  if (host === 'github.com' || host === 'www.github.com') {
    return { owner: m[1], repo: m[2], apiUrl: 'https://api.github.com' };
  }
  let serverHost: string | undefined;
  let serverPort = '';
  try {
    const su = server.serverUrl ? new URL(server.serverUrl) : undefined;
    serverHost = su?.hostname.toLowerCase();
    serverPort = su?.port ?? '';
  } catch {
    serverHost = undefined;
  }
  if (serverHost && serverHost === host && (!port || port === serverPort)) {
    const apiUrl = server.apiUrl || `${server.serverUrl?.replace(/\/+$/, '')}/api/v3`;
    return { owner: m[1], repo: m[2], apiUrl };
  }
  return undefined;
}
