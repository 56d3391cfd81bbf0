import * as core from '@actions/core';
import type { Project } from '../pipeline/index.js';
import { pipelineSummaryMarkdown } from '../status/markdown.js';
import { pipelineStatus } from '../status/pipeline.js';
import type { RepoContext } from '../app/repo.js';
import { errorMessage } from '../util/errors.js';
import type { HealthSettings } from '../health/index.js';

/**
 * Appends the "Pipeline" section (the graph and the freight matrix of each project) to the job
 * summary, read fresh after the action did its work: one tag listing and the stage tips. The
 * action's outcome does not depend on it: a failure to read is a warning, not a failed step.
 * With `health` (the runner's environment: ARGOCD_SERVER, ARGOCD_AUTH_TOKEN), each stage's
 * health is read from Argo CD too; an app it cannot read is Unknown, not a warning.
 */
export async function appendPipelineSummary(
  repo: RepoContext,
  projects: Project | Project[],
  warn: (message: string) => void = (m) => core.warning(m),
  health?: HealthSettings,
): Promise<void> {
  for (const project of Array.isArray(projects) ? projects : [projects]) {
    try {
      const status = await pipelineStatus(repo.store, project, health ? { health } : {});
      await core.summary.addRaw('\n' + pipelineSummaryMarkdown(project, status)).write();
    } catch (err) {
      warn(
        `could not add the pipeline of ${project.name} to the job summary: ${errorMessage(err)}`,
      );
    }
  }
}
