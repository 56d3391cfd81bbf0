import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  loadDockerConfig
} from "./Y2KM5SLM.js";

// src/discovery/credentials.ts
function discoveryCredentials(c) {
  const registryCredentials = loadDockerConfig(c.dockerConfigPath);
  if (c.githubToken && c.githubHost.toLowerCase() === "github.com" && !registryCredentials.has("ghcr.io")) {
    registryCredentials.set("ghcr.io", { username: "x-access-token", password: c.githubToken });
  }
  const host = c.githubHost.toLowerCase();
  const gitCredentials = (repoURL) => {
    if (!c.githubToken) return void 0;
    try {
      const u = new URL(repoURL);
      if (u.protocol === "https:" && u.host.toLowerCase() === host && !u.username) {
        return { kind: "token", token: c.githubToken };
      }
    } catch {
    }
    return void 0;
  };
  return { registryCredentials, gitCredentials };
}
function promotionRegistryCredentials(c, warn) {
  try {
    return discoveryCredentials(c).registryCredentials;
  } catch (err) {
    warn(
      `${err instanceof Error ? err.message : String(err)}; oci steps reach registries anonymously`
    );
    return /* @__PURE__ */ new Map();
  }
}

export {
  discoveryCredentials,
  promotionRegistryCredentials
};
