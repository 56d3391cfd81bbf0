import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { discoveryCredentials } from '../discovery/credentials.js';
import { discoverText } from '../discovery/report.js';
import { runDiscover, runFailures } from '../discovery/run.js';
import { createSources, DISCOVERY_DEFAULTS, type LiveSources } from '../discovery/sources.js';
import type { DiscoveryLog } from '../discovery/types.js';
import type { Project } from '../pipeline/index.js';
import type { RepoContext } from '../app/repo.js';
import type { CliIO } from './io.js';

export interface DiscoverCommandOptions {
  warehouse?: string;
  dryRun: boolean;
  output: 'table' | 'json';
  io: CliIO;
  cacheDir: string;
  trace?: (line: string) => void;
  now: () => Date;
}

/** `gantry discover`: the same use case as the discover action, printed for a terminal or a pipe. */
export async function discoverCommand(
  ctx: RepoContext,
  projects: Project[],
  o: DiscoverCommandOptions,
): Promise<number> {
  const { io } = o;
  const env = io.env;
  const { sources, log } = cliSources(io, o.cacheDir, o.trace);
  try {
    const run = await runDiscover({
      projects,
      warehouse: o.warehouse,
      store: ctx.store,
      sources,
      dryRun: o.dryRun,
      clock: o.now,
      createdBy: cliCreatedBy(env),
      log,
    });
    if (o.output === 'json') {
      const doc = {
        freight: run.results.flatMap((r) => r.freight),
        promotions: run.results.flatMap((r) => r.promotions),
      };
      io.out(JSON.stringify(doc, null, 2) + '\n');
    } else {
      io.out(discoverText(run));
    }
    // The table already shows each failure; exit 1 tells schedulers something needs a look.
    return runFailures(run).length ? 1 : 0;
  } finally {
    await sources.close();
  }
}

/**
 * The registry, chart and git sources as the CLI reaches them: registry logins from the Docker
 * config, GANTRY_TOKEN or GITHUB_TOKEN for the GitHub host, progress on stderr.
 */
export function cliSources(
  io: CliIO,
  cacheDir: string,
  trace: ((line: string) => void) | undefined,
): { sources: LiveSources; log: DiscoveryLog } {
  const env = io.env;
  const token = env.GANTRY_TOKEN || env.GITHUB_TOKEN || undefined;
  const creds = discoveryCredentials({
    dockerConfigPath: join(
      env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker'),
      'config.json',
    ),
    githubToken: token,
    githubHost: new URL(env.GITHUB_SERVER_URL || 'https://github.com').host,
  });
  const log = {
    info: (l: string) => io.err(`${l}\n`),
    warn: (l: string) => io.err(`warning: ${l}\n`),
  };
  const sources = createSources({
    ...creds,
    gitEnv: env,
    cacheDir: join(cacheDir, 'discovery'),
    ...DISCOVERY_DEFAULTS,
    log,
    trace,
  });
  return { sources, log };
}

/** Who ran the CLI, as freight records it. */
export function cliCreatedBy(env: CliIO['env']): string {
  return `gantry CLI (${env.USER || safeUser()})`;
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
