import { homedir } from 'node:os';
import { join } from 'node:path';
import { githubRepoOnServer } from '../github/url.js';
import type { GitCredentials } from '../git/index.js';
import type { Args, CommandContext, Flag } from './command.js';
import { UsageError, type CliIO } from './io.js';

// Flags several commands take, written once so that their help reads the same everywhere.
export const REPO_FLAG: Flag = {
  name: 'repo',
  type: 'string',
  value: 'DIR|URL',
  help: 'a clone of the GitOps repository (its origin holds the state, its work tree the project\nfiles) or a remote URL (file://, https://, git@host:path); default: the current directory',
};
export const OUTPUT_FLAG: Flag = {
  name: 'output',
  type: 'string',
  short: 'o',
  value: 'table|json',
  default: 'table',
  help: "table for people, json (freight in Kargo's shape) for scripts",
};
export const PROJECT_FLAG: Flag = {
  name: 'project',
  type: 'string',
  value: 'P',
  help: 'act on this project of .gantry/; default: every project, or the only one',
};
export const BY_FLAG = (what: string): Flag => ({
  name: 'by',
  type: 'string',
  value: 'NAME',
  help: `who ${what}, as recorded; default: GIT_AUTHOR_NAME, else USER`,
});

export function outputOf(args: Args, command: string): 'table' | 'json' {
  const output = args.string('output');
  if (output !== 'table' && output !== 'json')
    throw new UsageError(`--output must be table or json, not "${output}"`, command);
  return output;
}

export function noPositionals(args: Args, command: string): void {
  if (args.positionals.length)
    throw new UsageError(
      `${command} takes no arguments, got "${args.positionals.join(' ')}"`,
      command,
    );
}

/** How the command reaches the GitOps repository: `--repo`, the cache, credentials, warnings. */
export function repoSettings(args: Args, ctx: CommandContext) {
  const { io, later } = ctx;
  return {
    repo: args.string('repo') ?? '.',
    cacheDir:
      io.env.GANTRY_CACHE_DIR ||
      join(io.env.XDG_CACHE_HOME || join(io.env.HOME || homedir(), '.cache'), 'gantry'),
    baseEnv: io.env,
    credentials: (url: string) => repoCredentials(io.env, url),
    warn: (line: string) => later.push(`warning: ${line}\n`),
    trace: io.env.GANTRY_DEBUG ? (line: string) => io.err(`debug: ${line}\n`) : undefined,
  };
}

/**
 * Progress of promote and verify: on stdout beside the result (steps can take minutes), or after
 * it when stdout is JSON.
 */
export function progressOf(output: 'table' | 'json', ctx: CommandContext) {
  return output === 'table'
    ? (line: string) => ctx.io.out(`${line}\n`)
    : (line: string) => ctx.later.push(`${line}\n`);
}

export const whoOf = (args: Args, env: CliIO['env']): string =>
  args.string('by') || env.GIT_AUTHOR_NAME || env.USER || 'unknown';

/**
 * The GitHub repository and API of a remote on the GitHub server (GITHUB_SERVER_URL, default
 * github.com), whichever way the remote is written: `https://host/owner/name(.git)`,
 * `ssh://git@host/owner/name`, or scp-style `git@host:owner/name.git` (an SSH clone's origin:
 * promotions from it record deployments and open pull requests like any other).
 */
export function githubTarget(
  env: CliIO['env'],
  url: string,
): { owner: string; repo: string; apiUrl: string } | undefined {
  return githubRepoOnServer(url, {
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    ...(env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {}),
  });
}

/**
 * GANTRY_TOKEN for any https remote; GITHUB_TOKEN only for the GitHub host, so that a token meant
 * for GitHub never replaces the credential helper of a GitLab or Gitea remote.
 */
function repoCredentials(env: CliIO['env'], url: string): GitCredentials | undefined {
  if (env.GANTRY_TOKEN) return { kind: 'token', token: env.GANTRY_TOKEN };
  if (!env.GITHUB_TOKEN) return undefined;
  try {
    const host = new URL(env.GITHUB_SERVER_URL || 'https://github.com').host;
    return new URL(url).host === host ? { kind: 'token', token: env.GITHUB_TOKEN } : undefined;
  } catch {
    return undefined;
  }
}
