import * as core from '@actions/core';
import { join } from 'node:path';
import { GitHubClient } from '../github/client.js';
import type { Project } from '../pipeline/index.js';
import { openRepo, pickProjects, validProjects, type RepoContext } from '../status/repo.js';
import { ConfigError } from '../util/errors.js';
import type { RepositorySettings, RunnerContext } from './settings.js';

/** The GitOps repository of an action run, with the token as its credential. */
export function openActionRepo(s: RepositorySettings, ctx: RunnerContext): Promise<RepoContext> {
  return openRepo({
    repo: s.repositoryUrl,
    credentials: s.token ? { kind: 'token', token: s.token } : undefined,
    cacheDir: join(ctx.tempDir, 'gantry'),
    baseEnv: ctx.env,
    log: (l) => core.info(l),
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
  return new GitHubClient({ token, apiUrl: ctx.apiUrl ?? 'https://api.github.com', owner, repo });
}
