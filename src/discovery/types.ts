/**
 * What discovery finds, per subscription, before freight is assembled. Each source (images,
 * charts, git) returns its candidates newest first, at most `discoveryLimit` of them; the newest
 * of each subscription goes into the freight.
 */

import type { LogGroup } from '../util/log-group.js';

export interface DiscoveredImage {
  tag: string;
  /**
   * Manifest (or index) digest of the tag, `sha256:…`. SemVer and Lexical resolve it for the
   * selected image only (unless `resolveAllCandidates`); the other candidates carry just a tag.
   */
  digest?: string;
  /** Build time, when the strategy needed it (NewestBuild) or the registry gave it cheaply. */
  createdAt?: string;
  /** OCI annotations of the image (index/manifest annotations, merged per Kargo's rules). */
  annotations?: Record<string, string>;
}

export interface DiscoveredChart {
  version: string;
}

export interface DiscoveredCommit {
  /** Full commit SHA. */
  id: string;
  tag?: string;
  branch?: string;
  /** Subject line, shortened to 80 characters as Kargo does. */
  message?: string;
  author?: string;
  committer?: string;
  /** ISO time of the commit (or the tag's creation, for annotated tags). */
  createdAt?: string;
}

/** Progress and diagnostics; the CLI prints them to stderr, the action to the log. */
export interface DiscoveryLog {
  info(line: string): void;
  warn(line: string): void;
  /** Folds each warehouse's queries (their progress, warnings and debug lines) in the log. */
  group?: LogGroup;
}

/** Credentials for a registry host, from the Docker config file or action inputs. */
export interface RegistryCredential {
  username?: string;
  password?: string;
  /** An OAuth2 refresh token (Docker config `identitytoken`), exchanged at the token endpoint. */
  identityToken?: string;
  /** A bearer token used as is (`registrytoken`). */
  registryToken?: string;
}

/** Everything discovery reads from outside the project file, handed in by the adapter. */
export interface DiscoverySettings {
  /** Registry host (as in the image reference, e.g. `ghcr.io`, `127.0.0.1:5000`) → credential. */
  registryCredentials: Map<string, RegistryCredential>;
  /** Environment for git (PATH, HOME, proxies). */
  gitEnv: Readonly<Record<string, string | undefined>>;
  /** Directory for caches that survive between runs (NewestBuild build times, git mirrors). */
  cacheDir: string;
  /** Per-request timeout. */
  requestTimeoutMs: number;
  /** Requests in flight at once per registry host. */
  concurrencyPerRegistry: number;
  /** Resolve the digest of every candidate (up to discoveryLimit), not only the selected one's. */
  resolveAllCandidates?: boolean;
  /** NewestBuild: the most tags whose build time one run reads (default 10,000). */
  newestBuildReadsPerRun?: number;
  log: DiscoveryLog;
}
