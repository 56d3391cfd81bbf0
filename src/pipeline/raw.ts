/**
 * The shape of a project file once it has passed the JSON schema: what the YAML says, before
 * defaults. Only parse.ts casts to these types, and only after ajv has validated the data.
 */

export interface RawVar {
  name: string;
  value: string;
}

/** A promotion task's input: required unless it has a default value. */
export interface RawTaskVar {
  name: string;
  value?: string;
}

export interface RawPromotionTask {
  name: string;
  kind?: 'PromotionTask' | 'ClusterPromotionTask';
  vars?: RawTaskVar[];
  steps: RawStep[];
}

export interface RawImage {
  repoURL: string;
  name?: string;
  imageSelectionStrategy?: 'SemVer' | 'Lexical' | 'Digest' | 'NewestBuild';
  constraint?: string;
  strictSemvers?: boolean;
  allowTagsRegexes?: string[];
  ignoreTagsRegexes?: string[];
  platform?: string;
  discoveryLimit?: number;
  insecureSkipTLSVerify?: boolean;
}

export interface RawChart {
  repoURL: string;
  name?: string;
  semverConstraint?: string;
  discoveryLimit?: number;
}

export interface RawGit {
  repoURL: string;
  name?: string;
  commitSelectionStrategy?: 'NewestFromBranch' | 'SemVer' | 'Lexical' | 'NewestTag';
  branch?: string;
  strictSemvers?: boolean;
  semverConstraint?: string;
  allowTagsRegexes?: string[];
  ignoreTagsRegexes?: string[];
  expressionFilter?: string;
  includePaths?: string[];
  excludePaths?: string[];
  discoveryLimit?: number;
  insecureSkipTLSVerify?: boolean;
}

export interface RawSubscription {
  image?: RawImage;
  chart?: RawChart;
  git?: RawGit;
}

export interface RawWarehouse {
  name: string;
  freightCreationPolicy?: 'Automatic' | 'Manual';
  freightCreationCriteria?: { expression?: string };
  interval?: string;
  subscriptions: RawSubscription[];
}

export interface RawFreightRequest {
  origin: { kind: 'Warehouse'; name: string };
  sources: {
    direct?: boolean;
    stages?: string[];
    requiredSoakTime?: string;
    availabilityStrategy?: 'OneOf' | 'All';
    autoPromotionOptions?: { selectionPolicy?: 'NewestFreight' | 'MatchUpstream' };
  };
}

export interface RawStep {
  /** Set, or task (the semantic checks say so when neither or both are). */
  uses?: string;
  task?: { name: string; kind?: 'PromotionTask' | 'ClusterPromotionTask' };
  as?: string;
  if?: string;
  config?: Record<string, unknown>;
  continueOnError?: boolean;
  vars?: RawVar[];
  retry?: { timeout?: string; errorThreshold?: number };
}

export interface RawMetric {
  name: string;
  /** Exactly one key (the schema says so): http, web, prometheus, datadog, command, argocd, github. */
  provider: Record<string, Record<string, unknown>>;
  successCondition?: string;
  failureCondition?: string;
  initialDelay?: string;
  interval?: string;
  count?: number;
  failureLimit?: number;
  inconclusiveLimit?: number;
  consecutiveErrorLimit?: number;
  timeout?: string;
}

export interface RawStage {
  name: string;
  branch?: string;
  environment?: string;
  environmentUrl?: string;
  requestedFreight: RawFreightRequest[];
  autoPromotion?: boolean;
  promotionTemplate: { mode?: 'direct' | 'pull-request'; vars?: RawVar[]; steps: RawStep[] };
  verification?: RawMetric[];
}

export interface RawProject {
  project: string;
  warehouses: RawWarehouse[];
  stages: RawStage[];
  promotionTasks?: RawPromotionTask[];
}
