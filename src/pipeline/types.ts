/**
 * A project as the rest of gantry sees it: the file `.gantry/<project>.yaml` after validation,
 * with every default applied. Field names follow Kargo's CRDs (Warehouse, Stage, PromotionTemplate).
 */

export interface Project {
  name: string;
  /** Path of the project file relative to the repository root, e.g. `.gantry/echo.yaml`. */
  file: string;
  warehouses: Warehouse[];
  stages: Stage[];
}

export type FreightCreationPolicy = 'Automatic' | 'Manual';

export interface Warehouse {
  name: string;
  freightCreationPolicy: FreightCreationPolicy;
  /**
   * Kargo's freightCreationCriteria.expression: automatic freight is recorded only when it is true
   * over the versions found (imageFrom, chartFrom, commitFrom). Absent when empty.
   */
  freightCreationCriteria?: string;
  /** Go-style duration such as `5m`, informational: the discover workflow's schedule decides. */
  interval?: string;
  subscriptions: Subscription[];
}

export type Subscription =
  | { kind: 'image'; image: ImageSubscription }
  | { kind: 'chart'; chart: ChartSubscription }
  | { kind: 'git'; git: GitSubscription };

export type ImageSelectionStrategy = 'SemVer' | 'Lexical' | 'Digest' | 'NewestBuild';

export interface ImageSubscription {
  /** Image repository without tag or digest, e.g. `ghcr.io/acme/echo`. */
  repoURL: string;
  /** Optional subscription name; part of the freight ID when set. */
  name?: string;
  imageSelectionStrategy: ImageSelectionStrategy;
  /** SemVer: a semver constraint. Digest: the mutable tag to follow (always set for Digest). */
  constraint?: string;
  strictSemvers: boolean;
  allowTagsRegexes: string[];
  ignoreTagsRegexes: string[];
  /** `os/arch[/variant]`, e.g. `linux/amd64`. */
  platform?: string;
  discoveryLimit: number;
  insecureSkipTLSVerify: boolean;
}

export interface ChartSubscription {
  /** `https://…`/`http://…` Helm repository, or `oci://…` naming the chart itself. */
  repoURL: string;
  /** Chart name in an HTTP(S) repository; absent for `oci://` repositories. */
  name?: string;
  semverConstraint?: string;
  discoveryLimit: number;
}

export type CommitSelectionStrategy = 'NewestFromBranch' | 'SemVer' | 'Lexical' | 'NewestTag';

export interface GitSubscription {
  repoURL: string;
  /** Optional subscription name; part of the freight ID when set. */
  name?: string;
  commitSelectionStrategy: CommitSelectionStrategy;
  branch?: string;
  strictSemvers: boolean;
  semverConstraint?: string;
  allowTagsRegexes: string[];
  ignoreTagsRegexes: string[];
  expressionFilter?: string;
  /** Plain (base directory), `glob:…`, `regex:…` or `regexp:…` entries. */
  includePaths: string[];
  excludePaths: string[];
  discoveryLimit: number;
  insecureSkipTLSVerify: boolean;
}

export interface Stage {
  name: string;
  /** Branch this stage deploys from; absent means the repository's default branch. */
  branch?: string;
  /** GitHub environment gating the stage; defaults to the stage name. */
  environment: string;
  /** Where the stage's deployment can be reached (the deployment status's environment_url). */
  environmentUrl?: string;
  requestedFreight: FreightRequest[];
  autoPromotion: boolean;
  promotionTemplate: PromotionTemplate;
  verification: VerificationMetric[];
}

export type AvailabilityStrategy = 'OneOf' | 'All';

/** Kargo's auto-promotion choice: the newest available freight, or what the upstream runs. */
export type SelectionPolicy = 'NewestFreight' | 'MatchUpstream';

export interface FreightRequest {
  origin: { kind: 'Warehouse'; name: string };
  sources: {
    direct: boolean;
    stages: string[];
    requiredSoakTimeMs?: number;
    requiredSoakTime?: string;
    availabilityStrategy: AvailabilityStrategy;
    /** Which freight auto-promotion picks; absent: NewestFreight, the newest available. */
    selectionPolicy?: SelectionPolicy;
  };
}

export type PromotionMode = 'direct' | 'pull-request';

export interface PromotionVar {
  name: string;
  value: string;
}

export interface PromotionTemplate {
  mode: PromotionMode;
  vars: PromotionVar[];
  steps: PromotionStep[];
}

export interface PromotionStep {
  uses: string;
  as?: string;
  /**
   * Kargo's alias: `as`, or `step-<n>` (1-based, counted in the template as written); a step
   * inflated from a promotion task is `<task alias>::<its alias>`. Set by the loader.
   */
  alias?: string;
  /** Where the step is written in the project file (a template's step, or a task's). */
  source?: (string | number)[];
  if?: string;
  config: Record<string, unknown>;
  continueOnError: boolean;
  vars: PromotionVar[];
  retry?: { timeoutMs?: number; errorThreshold?: number };
}

/**
 * One verification check, Argo Rollouts' Metric with its defaults applied (docs/verify.md).
 * Durations keep the text the user wrote next to their value in milliseconds.
 */
export interface VerificationMetric {
  name: string;
  /**
   * The provider (`web`, Argo Rollouts' name, is read as `http`) and its configuration, as
   * written: the provider validates it when verification runs, after `${{ }}` are rendered.
   */
  provider: { name: string; config: Record<string, unknown> };
  successCondition?: string;
  failureCondition?: string;
  initialDelay?: string;
  initialDelayMs?: number;
  interval?: string;
  intervalMs?: number;
  /** Measurements to take, not counting those that end in Error (default 1). */
  count: number;
  /** Failed when more measurements than this have Failed (default 0). */
  failureLimit: number;
  /** Inconclusive when more measurements than this have been Inconclusive (default 0). */
  inconclusiveLimit: number;
  /** Error when more measurements than this in a row have ended in Error (default 4). */
  consecutiveErrorLimit: number;
  /** The longest one measurement may take (default 5m). */
  timeout: string;
  timeoutMs: number;
}
