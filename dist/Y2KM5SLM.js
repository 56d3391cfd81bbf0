import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  canonicalRegistry,
  isLoopbackHost
} from "./ITB33UA7.js";
import {
  ConfigError,
  OperationError
} from "./HQMHHTDW.js";

// src/discovery/oci/auth.ts
import { readFileSync } from "node:fs";
var RegistryAuthError = class extends OperationError {
  name = "RegistryAuthError";
};
function parseWWWAuthenticate(header) {
  const out = [];
  let i = 0;
  const n = header.length;
  const skipSpace = () => {
    while (i < n && (header[i] === " " || header[i] === "	")) i++;
  };
  const readToken = () => {
    const start = i;
    while (i < n && /[!#$%&'*+\-.^_`|~0-9A-Za-z]/.test(header[i] ?? "")) i++;
    return header.slice(start, i);
  };
  let current = null;
  while (i < n) {
    skipSpace();
    if (header[i] === ",") {
      i++;
      continue;
    }
    const start = i;
    const token = readToken();
    if (token === "") {
      i++;
      continue;
    }
    skipSpace();
    if (header[i] === "=" && current) {
      i++;
      skipSpace();
      let value = "";
      if (header[i] === '"') {
        i++;
        while (i < n && header[i] !== '"') {
          if (header[i] === "\\" && i + 1 < n) i++;
          value += header[i];
          i++;
        }
        i++;
      } else {
        const vStart = i;
        while (i < n && header[i] !== "," && header[i] !== " " && header[i] !== "	") i++;
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
function registryKey(key) {
  let host = key.trim();
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  const slash = host.indexOf("/");
  if (slash >= 0) host = host.slice(0, slash);
  return canonicalRegistry(host);
}
function asString(v) {
  return typeof v === "string" && v !== "" ? v : void 0;
}
function loadDockerConfig(path) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    if (err.code === "ENOENT") return /* @__PURE__ */ new Map();
    throw new ConfigError(`cannot read Docker config ${path}: ${err.message}`);
  }
  let doc;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new ConfigError(`cannot read Docker config ${path}: it is not valid JSON`);
  }
  const out = /* @__PURE__ */ new Map();
  const auths = doc?.auths;
  if (typeof auths !== "object" || auths === null) return out;
  for (const [key, raw] of Object.entries(auths)) {
    if (typeof raw !== "object" || raw === null) continue;
    const entry = raw;
    const cred = {};
    const auth = asString(entry.auth);
    if (auth) {
      const decoded = Buffer.from(auth, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      if (colon < 0) {
        throw new ConfigError(
          `cannot read Docker config ${path}: the "auth" of ${JSON.stringify(key)} is not base64 of user:password`
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
function credentialFor(credentials, registry) {
  const want = canonicalRegistry(registry);
  const direct = credentials.get(want);
  if (direct) return direct;
  for (const [key, cred] of credentials) if (registryKey(key) === want) return cred;
  return void 0;
}
var DEFAULT_EXPIRES_IN_S = 60;
var EXPIRY_MARGIN_MS = 5e3;
var RegistryAuthenticator = class {
  constructor(opts) {
    this.opts = opts;
    this.now = opts.now ?? Date.now;
    for (const cred of opts.credentials.values()) {
      if (cred.username && cred.password) opts.redactor.addBasicAuth(cred.username, cred.password);
      opts.redactor.add(cred.password, cred.identityToken, cred.registryToken);
    }
  }
  opts;
  schemes = /* @__PURE__ */ new Map();
  tokens = /* @__PURE__ */ new Map();
  inflight = /* @__PURE__ */ new Map();
  now;
  credential(registry) {
    return credentialFor(this.opts.credentials, registry);
  }
  /** Who we authenticate as, for messages: the user name, or `an identity token`, never a secret. */
  who(registry) {
    const cred = this.credential(registry);
    if (cred?.username && !cred.identityToken) return cred.username;
    if (cred?.identityToken) return "an identity token";
    if (cred?.registryToken) return "a registry token";
    return "anonymous";
  }
  basicHeader(registry) {
    const cred = this.credential(registry);
    if (!cred?.username || cred.password === void 0) return void 0;
    return `Basic ${Buffer.from(`${cred.username}:${cred.password}`).toString("base64")}`;
  }
  /** The header to send before any challenge is seen (none until the host has told us). */
  async authorization(registry, scope) {
    const scheme = this.schemes.get(registry);
    if (!scheme) {
      const token = this.credential(registry)?.registryToken;
      return token ? `Bearer ${token}` : void 0;
    }
    if (scheme.kind === "basic") return this.basicHeader(registry);
    const cached = this.tokens.get(this.tokenKey(scheme, scope));
    if (cached && cached.expiresAt > this.now()) return cached.header;
    return (await this.fetchToken(registry, scheme, scope)).header;
  }
  tokenKey(scheme, scope) {
    return `${scheme.realm}\0${scheme.service ?? ""}\0${scope}`;
  }
  /**
   * A request was answered 401. Learn the host's scheme from the challenge and return the header
   * to retry with, or throw a RegistryAuthError when retrying cannot help (no credentials, or the
   * credentials were just rejected).
   */
  async onUnauthorized(registry, scope, wwwAuthenticate, sent, retried) {
    const challenges = parseWWWAuthenticate(wwwAuthenticate ?? "");
    const bearer = challenges.find((c) => c.scheme === "bearer" && c.params.realm);
    const basic = challenges.find((c) => c.scheme === "basic");
    if (bearer?.params.realm) {
      const scheme = {
        kind: "bearer",
        realm: bearer.params.realm,
        service: bearer.params.service
      };
      this.schemes.set(registry, scheme);
      if (sent?.startsWith("Bearer ")) {
        const key = this.tokenKey(scheme, scope);
        const cached = this.tokens.get(key);
        if (cached?.header === sent) this.tokens.delete(key);
        if (retried || cached?.header !== sent)
          throw this.refused(registry, scope, bearer.params.error);
      }
      return (await this.fetchToken(registry, scheme, scope)).header;
    }
    if (basic) {
      this.schemes.set(registry, { kind: "basic" });
      const header = this.basicHeader(registry);
      if (!header) {
        throw new RegistryAuthError(
          `authentication required for ${registry}: the registry wants a user name and password, and none is configured for it`
        );
      }
      if (sent === header) {
        throw new RegistryAuthError(
          `authentication failed for ${registry} as ${this.who(registry)}: the registry rejected the credentials`
        );
      }
      return header;
    }
    throw new RegistryAuthError(
      `authentication required for ${registry}, but its challenge is not one gantry understands: ${this.opts.redactor.redact(wwwAuthenticate ?? "(no WWW-Authenticate header)")}`
    );
  }
  refused(registry, scope, error) {
    const who = this.who(registry);
    const what = scope.split(":")[1] ?? scope;
    if (who === "anonymous") {
      return new RegistryAuthError(
        `authentication required for ${registry}: anonymous access to ${what} was refused${error ? ` (${error})` : ""}; configure credentials for ${registry}`
      );
    }
    return new RegistryAuthError(
      `access denied for ${registry} as ${who}: the registry refused access to ${what}${error ? ` (${error})` : ""}`
    );
  }
  fetchToken(registry, scheme, scope) {
    const key = this.tokenKey(scheme, scope);
    const running = this.inflight.get(key);
    if (running) return running;
    const p = this.requestToken(registry, scheme, scope).then(
      (t) => {
        this.tokens.set(key, t);
        this.inflight.delete(key);
        return t;
      },
      (err) => {
        this.inflight.delete(key);
        throw err;
      }
    );
    this.inflight.set(key, p);
    return p;
  }
  async requestToken(registry, scheme, scope) {
    const cred = this.credential(registry);
    let realm;
    try {
      realm = new URL(scheme.realm);
    } catch {
      throw new RegistryAuthError(
        `authentication required for ${registry}, but its token realm ${JSON.stringify(scheme.realm)} is not a URL`
      );
    }
    if (realm.protocol !== "https:" && realm.protocol !== "http:") {
      throw new RegistryAuthError(`token realm of ${registry} is not http(s): ${realm.href}`);
    }
    const hasSecret = Boolean(cred?.password || cred?.identityToken);
    if (hasSecret && realm.protocol === "http:" && !isLoopbackHost(realm.host)) {
      throw new RegistryAuthError(
        `refusing to send credentials for ${registry} to a token service over plain HTTP (${realm.origin})`
      );
    }
    const who = this.who(registry);
    let res;
    if (cred?.identityToken) {
      const form = new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: cred.identityToken,
        client_id: "gantry",
        scope
      });
      if (scheme.service) form.set("service", scheme.service);
      res = await this.opts.sendToken(realm.href, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: form.toString()
      });
    } else {
      if (scheme.service) realm.searchParams.set("service", scheme.service);
      realm.searchParams.set("scope", scope);
      const headers = {};
      const basic = this.basicHeader(registry);
      if (basic) {
        headers.Authorization = basic;
        if (cred?.username) realm.searchParams.set("account", cred.username);
      }
      res = await this.opts.sendToken(realm.href, { method: "GET", headers });
    }
    if (res.status === 401 || res.status === 403) {
      throw new RegistryAuthError(
        who === "anonymous" ? `authentication required for ${registry}: its token service ${realm.origin} refused anonymous access (HTTP ${res.status}); configure credentials for ${registry}` : `authentication failed for ${registry} as ${who}: its token service ${realm.origin} answered HTTP ${res.status}`
      );
    }
    if (res.status !== 200) {
      throw new RegistryAuthError(
        `token service ${realm.origin} for ${registry} answered HTTP ${res.status}: ${this.opts.redactor.redact(res.text.slice(0, 200))}`
      );
    }
    let body;
    try {
      body = JSON.parse(res.text);
    } catch {
      throw new RegistryAuthError(
        `token service ${realm.origin} for ${registry} answered with something that is not JSON`
      );
    }
    const token = asString(body.token) ?? asString(body.access_token);
    if (!token) {
      throw new RegistryAuthError(
        `token service ${realm.origin} for ${registry} answered without a token`
      );
    }
    this.opts.redactor.add(token);
    const expiresIn = typeof body.expires_in === "number" && body.expires_in > 0 ? body.expires_in : DEFAULT_EXPIRES_IN_S;
    const issued = typeof body.issued_at === "string" ? Date.parse(body.issued_at) : NaN;
    const start = Number.isFinite(issued) ? Math.min(issued, this.now()) : this.now();
    return {
      header: `Bearer ${token}`,
      expiresAt: start + expiresIn * 1e3 - EXPIRY_MARGIN_MS
    };
  }
};

export {
  RegistryAuthError,
  loadDockerConfig,
  RegistryAuthenticator
};
