import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);

// src/github/url.ts
function parseRemote(remoteUrl) {
  const url = remoteUrl.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    try {
      const u = new URL(url);
      if (!u.hostname) return void 0;
      return {
        scheme: u.protocol.slice(0, -1).toLowerCase(),
        host: u.hostname.toLowerCase(),
        port: u.port,
        path: decodeURIComponent(u.pathname)
      };
    } catch {
      return void 0;
    }
  }
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)(.+)$/.exec(url);
  if (!scp?.[1] || !scp[2]) return void 0;
  return { scheme: "ssh", host: scp[1].toLowerCase(), port: "", path: scp[2] };
}
function ownerName(path) {
  const m = /^\/?([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(path);
  return m?.[1] && m[2] ? { owner: m[1], repo: m[2] } : void 0;
}
function hostAndPort(url) {
  try {
    const u = url ? new URL(url) : void 0;
    return u ? { host: u.hostname.toLowerCase(), port: u.port } : void 0;
  } catch {
    return void 0;
  }
}
var DOTCOM_API = "https://api.github.com";
function githubRepoOf(originUrl, server = {}) {
  const at = parseRemote(originUrl);
  const name = at && ownerName(at.path);
  if (!at || !name) return void 0;
  if (at.host === "github.com" || at.host === "www.github.com") {
    return { ...name, apiUrl: DOTCOM_API };
  }
  const s = hostAndPort(server.serverUrl);
  const port = /^https?$/.test(at.scheme) ? at.port : "";
  if (s && s.host === at.host && (!port || port === s.port)) {
    const apiUrl = server.apiUrl || `${server.serverUrl?.replace(/\/+$/, "")}/api/v3`;
    return { ...name, apiUrl };
  }
  return void 0;
}
function githubRepoOnServer(url, server = {}) {
  const serverUrl = server.serverUrl || "https://github.com";
  const ref = githubRepoOf(url, { serverUrl, ...server.apiUrl ? { apiUrl: server.apiUrl } : {} });
  const s = hostAndPort(serverUrl);
  if (!ref || !s) return void 0;
  const toGitHubCom = ref.apiUrl === DOTCOM_API;
  if (toGitHubCom !== (s.host === "github.com")) return void 0;
  return toGitHubCom ? { ...ref, apiUrl: server.apiUrl || ref.apiUrl } : ref;
}
function remoteWebUrl(remoteUrl) {
  const at = parseRemote(remoteUrl);
  if (!at || at.scheme !== "https" && at.scheme !== "ssh") return void 0;
  const path = at.path.replace(/\/+$/, "").replace(/\.git$/, "").replace(/^\/+/, "");
  if (!/^[\w.~-]+(?:\/[\w.~-]+)+$/.test(path)) return void 0;
  const port = at.scheme === "https" && at.port ? `:${at.port}` : "";
  return `https://${at.host}${port}/${path}`;
}

export {
  githubRepoOf,
  githubRepoOnServer,
  remoteWebUrl
};
