import * as core from '@actions/core';
import { findStage } from '../pipeline/index.js';
import { Output } from './constants.js';
import { openActionRepo, singleProject } from './repo.js';
import type { EnvironmentSettings, RunnerContext } from './settings.js';

/**
 * `command: environment`: the GitHub environment that gates a stage, as the project file says.
 * The promote job takes its `environment:` from this output, so the project file is the one
 * place that names it and the job cannot run under another.
 */
export async function environmentAction(s: EnvironmentSettings, ctx: RunnerContext): Promise<void> {
  const repo = await openActionRepo(s, ctx);
  const project = await singleProject(repo, s.project);
  const stage = findStage(project, s.stage);
  core.setOutput(Output.environment, stage.environment);
  core.info(`stage ${stage.name} of ${project.name} is gated by environment ${stage.environment}`);
  await core.summary
    .addRaw(
      `## gantry environment\n\nStage **${stage.name}** of **${project.name}** runs under environment **${stage.environment}**.\n`,
    )
    .write();
}
