/** Stage health, Kargo's way: from the Argo CD Applications a stage names (docs/verify.md). */
export {
  assessAppHealth,
  mergeHealth,
  stageHealthOf,
  HEALTH_STATUSES,
  type AppHealthReport,
  type HealthStatus,
  type StageHealthReport,
  type WantedRevision,
} from './assess.js';
export {
  projectHealth,
  readStageHealth,
  stageNamesApps,
  HEALTH_REQUEST_TIMEOUT_MS,
  type HealthSettings,
  type StageHealthInput,
} from './read.js';
