/** Verification: Argo Rollouts-style analysis after a promotion (docs/verify.md). */
export type * from './types.js';
export {
  runAnalysis,
  checkMetricConfigs,
  assessMetric,
  assessWaiting,
  WAITING_PROVIDERS,
  worstPhase,
  formatResult,
  realSleep,
  DEFAULT_ERROR_RETRY_INTERVAL_MS,
  type AnalysisResult,
  type AnyProvider,
  type MeasurementResult,
  type MetricPhase,
  type MetricResult,
  type ProviderRegistry,
  type RunAnalysisOptions,
  type Sleep,
} from './analysis.js';
export { assessMeasurement, CONDITION_FUNCTIONS } from './conditions.js';
export { envReferences, renderMetric, templateEnv } from './templates.js';
export { defaultProviders } from './providers/index.js';
