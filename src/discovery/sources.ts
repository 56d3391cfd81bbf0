import { Git, parseRemote, type GitCredentials } from '../git/index.js';
import type { AssemblySources } from './assemble.js';
import type { DiscoverySources } from './discover.js';
import type { ChartCredentials } from './helm.js';
import { discoverImages } from './images.js';
import { registryClientFor } from './oci/client.js';
import { parseImageRepository } from './oci/reference.js';
import type { DiscoverySettings } from './types.js';
import { tracedFetch } from '../util/http-body.js';

export interface SourceSettings extends DiscoverySettings {
  /** Credentials for a git subscription's repository (a token for github.com, say). */
  gitCredentials?: (repoURL: string) => GitCredentials | undefined;
  /** Basic-auth credentials for a classic Helm repository. */
  chartCredentials?: (repoURL: string) => ChartCredentials | undefined;
  /** Told of each git command and HTTP request discovery makes (GANTRY_DEBUG, step debug). */
  trace?: (line: string) => void;
}

/**
 * Defaults for the CLI and the action. 16 requests in flight per registry host: bench/discover
 * shows 50 subscriptions across 5 registries (40 ms round trips) finishing in 1.9× the slowest
 * single one at 16, 2.5× at 8; a registry answers 16 small HEADs and tag pages without strain.
 */
export const DISCOVERY_DEFAULTS = { requestTimeoutMs: 30_000, concurrencyPerRegistry: 16 } as const;

export interface LiveSources extends DiscoverySources {
  /** Registry requests per host, for progress lines and benchmarks. */
  requestCounts(): Record<string, number>;
  close(): Promise<void>;
  /** The same registry, chart repositories and git mirrors, for versions chosen by hand. */
  assembly: AssemblySources;
}

/** The real sources: one registry client shared by image and OCI chart subscriptions. */
export function createSources(s: SourceSettings): LiveSources {
  const registry = registryClientFor(s);
  // Chart and git discovery (and the RE2 engine git's tag regexes need) load when a subscription
  // of theirs runs: most projects subscribe to images only, and each process pays for what it loads.
  const charts: DiscoverySources['charts'] = async (sub) =>
    (await import('./helm.js')).discoverCharts(sub, {
      ...(s.trace ? { fetch: tracedFetch(fetch, s.trace) } : {}),
      timeoutMs: s.requestTimeoutMs,
      credentials: s.chartCredentials?.(sub.repoURL),
      log: s.log,
      listOciTags: (repository) => registry.listTags(parseImageRepository(repository)),
    });
  const gitDeps = (repoURL: string) => ({
    git: new Git({
      baseEnv: s.gitEnv,
      remote: parseRemote(repoURL, s.gitCredentials?.(repoURL)),
      trace: s.trace,
    }),
    cacheDir: s.cacheDir,
    log: s.log,
  });
  return {
    images: (sub) => discoverImages(sub, registry, s),
    charts,
    commits: async (sub) => (await import('./git.js')).discoverCommits(sub, gitDeps(sub.repoURL)),
    assembly: {
      // The Digest strategy resolves exactly one tag, with the subscription's platform.
      image: async (sub, tag) =>
        (
          await discoverImages(
            { ...sub, imageSelectionStrategy: 'Digest', constraint: tag },
            registry,
            s,
          )
        )[0],
      chartVersions: (sub) => {
        const { semverConstraint: _all, ...every } = sub;
        return charts({ ...every, discoveryLimit: 0 });
      },
      commit: async (sub, ref) =>
        (await import('./git.js')).resolveCommit(sub, ref, gitDeps(sub.repoURL)),
    },
    requestCounts: () => registry.requestCounts(),
    close: async () => registry.close(),
  };
}
