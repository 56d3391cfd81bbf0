import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  ConfigError
} from "./HQMHHTDW.js";

// src/discovery/oci/reference.ts
var DOCKER_HUB = "docker.io";
var DOCKER_HUB_API = "registry-1.docker.io";
var DOCKER_HUB_ALIASES = /* @__PURE__ */ new Set([DOCKER_HUB, "index.docker.io", DOCKER_HUB_API]);
var COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
var HOSTNAME = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
var IPV6 = /^\[[0-9A-Fa-f:.]+\]$/;
var TAG = /^[\w][\w.-]{0,127}$/;
function bad(repoURL, why) {
  return new ConfigError(`invalid image repository ${JSON.stringify(repoURL)}: ${why}`);
}
function isRegistryHost(component) {
  return component.includes(".") || component.includes(":") || component === "localhost";
}
function validHost(host) {
  const m = /^(.*?)(?::([0-9]{1,5}))?$/.exec(host);
  const name = m?.[1] ?? "";
  if (m?.[2] !== void 0 && Number(m[2]) > 65535) return false;
  return HOSTNAME.test(name) || IPV6.test(name);
}
function isLoopbackHost(host) {
  const name = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.split(":")[0];
  return name === "localhost" || name === "[::1]" || /^127(?:\.[0-9]{1,3}){3}$/.test(name ?? "");
}
function canonicalRegistry(host) {
  const lower = host.toLowerCase();
  return DOCKER_HUB_ALIASES.has(lower) ? DOCKER_HUB : lower;
}
function parseImageRepository(repoURL, opts = {}) {
  const ref = repoURL.trim();
  if (ref === "") throw bad(repoURL, "it is empty");
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) {
    throw bad(repoURL, "write it without a URL scheme, e.g. `ghcr.io/acme/app`");
  }
  if (ref.includes("@")) {
    throw bad(repoURL, "it names a digest; subscribe to the repository and let discovery pick");
  }
  const slash = ref.indexOf("/");
  const first = slash >= 0 ? ref.slice(0, slash) : "";
  let registry;
  let path;
  if (slash >= 0 && isRegistryHost(first)) {
    if (!validHost(first)) throw bad(repoURL, `${JSON.stringify(first)} is not a registry host`);
    registry = canonicalRegistry(first);
    path = ref.slice(slash + 1);
  } else {
    registry = DOCKER_HUB;
    path = ref;
  }
  const lastSlash = path.lastIndexOf("/");
  const colon = path.indexOf(":", lastSlash + 1);
  if (colon >= 0) {
    const tag = path.slice(colon + 1);
    throw bad(
      repoURL,
      TAG.test(tag) ? `it names the tag ${JSON.stringify(tag)}; write the repository alone and choose tags with a selection strategy` : "a `:` after the registry host is not allowed"
    );
  }
  if (registry === DOCKER_HUB && !path.includes("/")) path = `library/${path}`;
  for (const component of path.split("/")) {
    if (!COMPONENT.test(component)) {
      throw bad(
        repoURL,
        component === "" ? "it has an empty path component" : `${JSON.stringify(component)} is not a valid repository name component (lower case letters, digits and . _ - separators)`
      );
    }
  }
  if (path.length > 255) throw bad(repoURL, "the repository name is longer than 255 characters");
  return {
    registry,
    apiHost: registry === DOCKER_HUB ? DOCKER_HUB_API : registry,
    repository: path,
    scheme: isLoopbackHost(registry) ? "http" : "https",
    insecureSkipTLSVerify: opts.insecureSkipTLSVerify ?? false
  };
}
function repositoryName(repo) {
  return `${repo.registry}/${repo.repository}`;
}
function registryOrigin(repo) {
  return `${repo.scheme}://${repo.apiHost}`;
}
var DIGEST_REF = /^sha256:[a-f0-9]{64}$|^sha512:[a-f0-9]{128}$/;
function parseImageReference(ref, what, opts = {}) {
  const helm = ref.startsWith("oci://");
  const body = helm ? ref.slice("oci://".length) : ref;
  const bad2 = (why) => new ConfigError(`${what} ${JSON.stringify(ref)}: ${why}`);
  let rest = body;
  let digest;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST_REF.test(digest))
      throw bad2(`${JSON.stringify(digest)} is not a digest (sha256:<64 hex>)`);
  }
  let tag;
  const colon = rest.indexOf(":", rest.lastIndexOf("/") + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw bad2(`${JSON.stringify(tag)} is not a valid tag`);
  }
  if (tag === void 0 && digest === void 0) {
    throw bad2("name a tag (`repo:1.0.0`) or a digest (`repo@sha256:\u2026`)");
  }
  let repo;
  try {
    repo = parseImageRepository(rest, opts);
  } catch (err) {
    throw bad2(err instanceof Error ? err.message : String(err));
  }
  return { repo, ...tag !== void 0 && { tag }, ...digest !== void 0 && { digest }, helm };
}

export {
  isLoopbackHost,
  canonicalRegistry,
  parseImageRepository,
  repositoryName,
  registryOrigin,
  parseImageReference
};
