/**
 * `gantry init`: the project file, the discover and promote workflows, and missing values files
 * for a GitOps repository, as text. The CLI adapter (src/cli/init.ts) reads the repository and
 * writes the files.
 */
export {
  DEFAULT_STAGES,
  DEFAULT_VALUES_PATH,
  IMAGE_TAG_KEY,
  initSettings,
  toDnsLabel,
  valuesPathFor,
  type InitFlags,
  type InitSettings,
} from './settings.js';
export {
  DOCS_URL,
  SCHEMA_URL,
  renderProjectFile,
  renderValuesFile,
  type RenderOptions,
} from './project-file.js';
export {
  ACTION_REF,
  ACTION_REPO,
  DISCOVER_CRON,
  DISCOVER_EVENT,
  DISCOVER_WORKFLOW,
  PROMOTE_WORKFLOW,
  allStages,
  renderDiscoverWorkflow,
  renderPromoteWorkflow,
  type WorkflowContext,
  type WorkflowProject,
} from './workflows.js';
export {
  WORKFLOW_DIR,
  candidatePaths,
  planInit,
  projectPath,
  type FileKind,
  type InitPlan,
  type PlannedFile,
  type RepoFacts,
} from './plan.js';
export { initReport, shellQuote } from './report.js';
export { githubRepoOf } from '../github/url.js';
