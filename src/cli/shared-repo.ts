import type { GitHubPort } from '../github/port.js';
import type { Project } from '../pipeline/index.js';
import { selectProjects, type RepoContext } from '../app/repo.js';
import { UsageError, type CliIO } from './io.js';
import { githubTarget } from './shared.js';

// Helpers of the commands that reach the repository and GitHub, apart from shared.ts so that a
// command that does neither (version, help) does not load what they need.

/** The one project a command that acts on a single project works on. */
export async function oneProject(
  ctx: RepoContext,
  project: string | undefined,
  command: string,
): Promise<Project> {
  const projects = await selectProjects(ctx, project);
  if (projects.length !== 1) {
    throw new UsageError(
      `${command} needs --project: this repository has ${projects.map((p) => p.name).join(', ')}`,
      command,
    );
  }
  return projects[0] as Project;
}

/**
 * GitHub's API for the GitOps repository when a token is set and the remote is on GitHub. The
 * client (Octokit and its HTTP stack, ~1 MB of bundle) is loaded only then: a promotion without
 * GitHub does not pay for it.
 */
export async function githubForRemote(
  env: CliIO['env'],
  url: string,
): Promise<GitHubPort | undefined> {
  const target = env.GITHUB_TOKEN ? githubTarget(env, url) : undefined;
  if (!target || !env.GITHUB_TOKEN) return undefined;
  const { GitHubClient } = await import('../github/client.js');
  return new GitHubClient({ token: env.GITHUB_TOKEN, ...target });
}
