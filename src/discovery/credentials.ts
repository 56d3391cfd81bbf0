import type { GitCredentials } from '../git/index.js';
import { loadDockerConfig } from './oci/auth.js';
import type { RegistryCredential } from './types.js';

export interface CredentialSources {
  /** `$DOCKER_CONFIG/config.json`, as docker/login-action and the cloud login actions write it. */
  dockerConfigPath: string;
  /** A GitHub token (the action's `token`, GITHUB_TOKEN): used for ghcr.io and the GitHub host. */
  githubToken?: string;
  /** The GitHub server's host (`github.com`, or a GHES host) whose repositories the token opens. */
  githubHost: string;
}

/**
 * Credentials for discovery: the Docker config's `auths`, plus the GitHub token for ghcr.io
 * (unless the Docker config already has ghcr.io) and for git repositories on the GitHub host.
 */
export function discoveryCredentials(c: CredentialSources): {
  registryCredentials: Map<string, RegistryCredential>;
  gitCredentials: (repoURL: string) => GitCredentials | undefined;
} {
  const registryCredentials = loadDockerConfig(c.dockerConfigPath);
  // Only github.com's tokens open ghcr.io; a GHES token must not travel to a third party.
  if (
    c.githubToken &&
    c.githubHost.toLowerCase() === 'github.com' &&
    !registryCredentials.has('ghcr.io')
  ) {
    // GHCR takes any user name with a token as the password.
    registryCredentials.set('ghcr.io', { username: 'x-access-token', password: c.githubToken });
  }
  const host = c.githubHost.toLowerCase();
  const gitCredentials = (repoURL: string): GitCredentials | undefined => {
    if (!c.githubToken) return undefined;
    try {
      const u = new URL(repoURL);
      if (u.protocol === 'https:' && u.host.toLowerCase() === host && !u.username) {
        return { kind: 'token', token: c.githubToken };
      }
    } catch {
      // Not an http(s) URL (ssh, scp-style): the user's ssh setup applies.
    }
    return undefined;
  };
  return { registryCredentials, gitCredentials };
}

/**
 * The registry credentials promotions use (oci-download, oci-push): discovery's. A Docker config
 * that cannot be read is a warning, not a failure: most templates never reach a registry, and
 * a step that does fails at the registry, naming it.
 */
export function promotionRegistryCredentials(
  c: CredentialSources,
  warn: (line: string) => void,
): Map<string, RegistryCredential> {
  try {
    return discoveryCredentials(c).registryCredentials;
  } catch (err) {
    warn(
      `${err instanceof Error ? err.message : String(err)}; oci steps reach registries anonymously`,
    );
    return new Map();
  }
}
