/** Project files (`.gantry/<project>.yaml`): schema, loading, validation with file:line problems. */
export type * from './types.js';
export { parseProjectFile } from './parse.js';
export { findStage } from './find.js';
export { checkProjects, loadProjectsFromDir, loadProjectsFromFiles, PROJECT_DIR } from './load.js';
export { parseDuration, formatDuration } from './duration.js';
export { branchNameProblem, isValidBranchName } from './branch.js';
export { projectSchema } from './schema.js';
export {
  kargoDirsOf,
  parseKargoProject,
  KARGO_API_VERSION,
  ROLLOUTS_API_VERSION,
} from './kargo.js';
