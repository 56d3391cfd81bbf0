/** Project files (`.gantry/<project>.yaml`): schema, loading, validation with file:line problems. */
export type * from './types.js';
export { parseProjectFile } from './parse.js';
export { findStage } from './find.js';
export {
  checkProjects,
  loadProjectsFromDir,
  loadProjectsFromFiles,
  loadProjectsWith,
  PROJECT_DIR,
  type LoadedProjects,
} from './load.js';
export { parseDuration, formatDuration } from './duration.js';
export { branchNameProblem, isValidBranchName } from './branch.js';
export { projectSchema } from './schema.js';
// Kargo's reader (./kargo.js) is not re-exported: it loads with its validators, which only a
// repository holding Kargo's manifests needs (loadProjectsFromFiles imports it then).
export { kargoDirsOf, isKargoFile, type TextFile } from './kargo-files.js';
