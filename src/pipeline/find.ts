import { ConfigError } from '../util/errors.js';
import { didYouMean } from '../util/suggest.js';
import type { Project, Stage } from './types.js';

/** The stage named `name`; a ConfigError with a did-you-mean when the project has none. */
export function findStage(project: Project, name: string): Stage {
  const stage = project.stages.find((s) => s.name === name);
  if (!stage) {
    const names = project.stages.map((s) => s.name);
    throw new ConfigError(
      `no stage "${name}" in project ${project.name}${didYouMean(name, names)}`,
    );
  }
  return stage;
}
