import { join } from 'node:path';
import { GitHubClient } from '../github/client.js';
import type { Project } from '../pipeline/index.js';
import { openRepo, pickProjects, validProjects, type RepoContext } from '../app/repo.js';
import { ConfigError } from '../util/errors.js';
import { actionLog } from './log.js';
import type { RepositorySettings, RunnerContext } from './settings.js';

/** The GitOps repository of an action run, with the token as its credential. */
export function openActionRepo(s: RepositorySettings, ctx: RunnerContext): Promise<RepoContext> {
  return openRepo({
    repo: s.repositoryUrl,
    credentials: s.token ? { kind: 'token', token: s.token } : undefined,
    cacheDir: join(ctx.tempDir, 'gantry'),
    baseEnv: ctx.env,
    log: actionLog.info,
    warn: actionLog.warn,
    // Step debug logging (re-run with debug, or ACTIONS_STEP_DEBUG) shows every git command gantry
    // runs with its duration, as GANTRY_DEBUG=1 does for the command line.
    trace: actionLog.trace(),
  });
}

/** The one project an action acts on: the `project` input, or the repository's only one. */
export async function singleProject(repo: RepoContext, name: string | undefined): Promise<Project> {
  const projects = pickProjects(await validProjects(repo), name);
  const project = projects[0];
  if (!project || projects.length > 1) {
    throw new ConfigError(
      `input "project" is required: this repository has ${projects.map((p) => p.name).join(', ')}`,
    );
  }
  return project;
}

/**
 * GitHub's API for `owner/name` on the workflow's server, with the action's token; undefined
 * without a token. `GITHUB_API_URL` points at github.com's API, a GHES server's, or a test fake.
 */
export function githubApi(
  ownerName: string | undefined,
  token: string | undefined,
  ctx: RunnerContext,
): GitHubClient | undefined {
  const [owner, repo] = (ownerName ?? '').split('/');
  if (!token || !owner || !repo) return undefined;
  const trace = actionLog.trace();
  return new GitHubClient({
    token,
    apiUrl: ctx.apiUrl ?? 'https://api.github.com',
    owner,
    repo,
    ...(trace ? { trace } : {}),
  });
}

/**
 * Where `dispatch-workflow` starts the promote workflow. It lives beside the project files: in the
 * GitOps repository when that is named as owner/name and is not the repository running this
 * workflow, on its default branch; otherwise in this repository, on the branch this run is on.
 */
export async function dispatchTarget(
  s: RepositorySettings,
  workflow: string,
  ctx: RunnerContext,
  repo: RepoContext,
): Promise<{ github: GitHubClient; workflow: string; ref: string }> {
  if (!s.token)
    throw new ConfigError(`input "dispatch-workflow" needs a token with actions: write`);
  const elsewhere = s.repository && s.repository !== ctx.repository ? s.repository : undefined;
  const github = githubApi(elsewhere ?? ctx.repository, s.token, ctx);
  if (!github) {
    throw new ConfigError(
      'input "dispatch-workflow" needs GITHUB_REPOSITORY (run it in a workflow)',
    );
  }
  const ref = elsewhere ? await repo.store.defaultBranch() : ctx.refBranch;
  if (!ref) {
    throw new ConfigError(
      'input "dispatch-workflow" needs the workflow to run on a branch (it starts the workflow on the same branch)',
    );
  }
  return { github, workflow, ref };
}
