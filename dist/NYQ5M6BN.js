import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  selectProjects
} from "./ZJURHJEN.js";
import {
  UsageError,
  githubTarget
} from "./BOHIHDER.js";

// src/cli/shared-repo.ts
async function oneProject(ctx, project, command) {
  const projects = await selectProjects(ctx, project);
  if (projects.length !== 1) {
    throw new UsageError(
      `${command} needs --project: this repository has ${projects.map((p) => p.name).join(", ")}`,
      command
    );
  }
  return projects[0];
}
async function githubForRemote(env, url) {
  const target = env.GITHUB_TOKEN ? githubTarget(env, url) : void 0;
  if (!target || !env.GITHUB_TOKEN) return void 0;
  const { GitHubClient } = await import("./XQCUKCEY.js");
  return new GitHubClient({ token: env.GITHUB_TOKEN, ...target });
}

export {
  oneProject,
  githubForRemote
};
