/**
 * One project file: YAML → schema → semantic checks → typed Project with defaults applied.
 */
import { planStage, planWorkspace } from './workspace.js';
import { inflateSteps } from './tasks.js';
import type { PathSegment } from './source.js';
import { LineCounter, parseDocument, visit, type YAMLError } from 'yaml';
import type { Problem } from '../util/errors.js';
import { parseDuration } from './duration.js';
import type {
  RawFreightRequest,
  RawMetric,
  RawProject,
  RawStage,
  RawStep,
  RawSubscription,
  RawVar,
  RawWarehouse,
} from './raw.js';
import { schemaProblems } from './schema.js';
import { semanticProblems } from './semantic.js';
import { positionOf, tidyProblems, type SourceFile } from './source.js';
import type {
  FreightRequest,
  Project,
  PromotionStep,
  PromotionVar,
  Stage,
  Subscription,
  VerificationMetric,
  Warehouse,
} from './types.js';

/**
 * Caps on one project file, far above any real pipeline (the largest examples are a few KB and a
 * few hundred nodes), so that a file pushed to the GitOps repository cannot make every command
 * of every workflow parse megabytes or expand an alias bomb.
 */
export const PROJECT_FILE_LIMITS = {
  /** Bytes of one file (1 MiB). */
  bytes: 1024 * 1024,
  /** YAML nodes (mappings, sequences, scalars, aliases) of one file. */
  nodes: 50_000,
  /** Alias expansions when reading it (the yaml package's `maxAliasCount`). */
  aliases: 1000,
} as const;

const grouped = (n: number): string => n.toLocaleString('en-US');

/** Where each parsed Project came from, for problems found later (across files). */
const sources = new WeakMap<Project, SourceFile>();

export function sourceOf(project: Project): SourceFile | undefined {
  return sources.get(project);
}

function yamlProblem(src: SourceFile, err: YAMLError): Problem {
  const { line, col } = src.lineCounter.linePos(err.pos[0]);
  const message =
    err.code === 'MULTIPLE_DOCS'
      ? 'a project file holds exactly one YAML document: remove the "---" separator and put other projects in their own .gantry/<project>.yaml'
      : `YAML syntax error: ${err.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`;
  return { file: src.file, line, column: col, path: '', message };
}

/**
 * Parse and validate one project file. `file` is the path shown in problems (relative to the
 * repository root, e.g. `.gantry/echo.yaml`). The project is returned only when there are no
 * problems; every problem found is returned, sorted by position.
 */
export function parseProjectFile(
  file: string,
  text: string,
): { project?: Project; problems: Problem[] } {
  const top = { file, line: 1, column: 1, path: '' };
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > PROJECT_FILE_LIMITS.bytes) return { problems: [tooLarge(file, bytes)] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    merge: true,
    uniqueKeys: true,
  });
  const src: SourceFile = { file, doc, lineCounter };

  if (doc.errors.length) {
    return { problems: tidyProblems(doc.errors.map((e) => yamlProblem(src, e))) };
  }
  let nodes = 0;
  visit(doc, {
    Node() {
      return ++nodes > PROJECT_FILE_LIMITS.nodes ? visit.BREAK : undefined;
    },
  });
  if (nodes > PROJECT_FILE_LIMITS.nodes) {
    return {
      problems: [
        {
          ...top,
          message: `the file holds more than ${grouped(PROJECT_FILE_LIMITS.nodes)} YAML nodes, gantry's cap for a project file: split it, one project per file`,
        },
      ],
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: PROJECT_FILE_LIMITS.aliases });
  } catch (err) {
    // Only an alias bomb gets here; point at the top.
    return {
      problems: [
        {
          file,
          ...positionOf(src, undefined),
          path: '',
          message: `cannot read YAML: its aliases (*name) expand beyond gantry's cap of ${grouped(PROJECT_FILE_LIMITS.aliases)} alias expansions for a project file (${err instanceof Error ? err.message : String(err)})`,
        },
      ],
    };
  }

  return projectFromData(src, data);
}

/**
 * The data of a project file, whatever it was read from, through the schema and the semantic
 * checks to a Project. Problems are positioned through `src` (and its `redirect`, for a project
 * built from Kargo's manifests).
 */
export function projectFromData(
  src: SourceFile,
  data: unknown,
): { project?: Project; problems: Problem[] } {
  const schemaErrors = schemaProblems(src, data);
  if (schemaErrors.length) return { problems: tidyProblems(schemaErrors) };

  // The schema has vouched for the shape; from here on the data is a RawProject.
  const raw = data as RawProject;
  const semantic = semanticProblems(src, raw);
  if (semantic.length) return { problems: tidyProblems(semantic) };

  const project = toProject(src.file, raw);
  sources.set(project, src);
  return { project, problems: [] };
}

/** The problem of a file over the byte cap (also used before reading one from disk). */
export function tooLarge(file: string, bytes: number): Problem {
  return {
    file,
    line: 1,
    column: 1,
    path: '',
    message: `the file is ${grouped(bytes)} bytes, over gantry's cap of ${grouped(PROJECT_FILE_LIMITS.bytes)} bytes (1 MiB) for a project file: split it, one project per file`,
  };
}

function vars(list: readonly RawVar[] | undefined): PromotionVar[] {
  return (list ?? []).map((v) => ({ name: v.name, value: v.value }));
}

function toSubscription(sub: RawSubscription): Subscription {
  if (sub.image) {
    const i = sub.image;
    return {
      kind: 'image',
      image: {
        repoURL: i.repoURL,
        ...(i.name !== undefined && { name: i.name }),
        imageSelectionStrategy: i.imageSelectionStrategy ?? 'SemVer',
        ...(i.constraint !== undefined && { constraint: i.constraint }),
        strictSemvers: i.strictSemvers ?? true,
        allowTagsRegexes: i.allowTagsRegexes ?? [],
        ignoreTagsRegexes: i.ignoreTagsRegexes ?? [],
        ...(i.platform !== undefined && { platform: i.platform }),
        discoveryLimit: i.discoveryLimit ?? 20,
        insecureSkipTLSVerify: i.insecureSkipTLSVerify ?? false,
      },
    };
  }
  if (sub.chart) {
    const c = sub.chart;
    return {
      kind: 'chart',
      chart: {
        repoURL: c.repoURL,
        ...(c.name !== undefined && { name: c.name }),
        ...(c.semverConstraint !== undefined && { semverConstraint: c.semverConstraint }),
        discoveryLimit: c.discoveryLimit ?? 20,
      },
    };
  }
  if (sub.git) {
    const g = sub.git;
    return {
      kind: 'git',
      git: {
        repoURL: g.repoURL,
        ...(g.name !== undefined && { name: g.name }),
        commitSelectionStrategy: g.commitSelectionStrategy ?? 'NewestFromBranch',
        ...(g.branch !== undefined && { branch: g.branch }),
        strictSemvers: g.strictSemvers ?? true,
        ...(g.semverConstraint !== undefined && { semverConstraint: g.semverConstraint }),
        allowTagsRegexes: g.allowTagsRegexes ?? [],
        ignoreTagsRegexes: g.ignoreTagsRegexes ?? [],
        ...(g.expressionFilter !== undefined && { expressionFilter: g.expressionFilter }),
        includePaths: g.includePaths ?? [],
        excludePaths: g.excludePaths ?? [],
        discoveryLimit: g.discoveryLimit ?? 20,
        insecureSkipTLSVerify: g.insecureSkipTLSVerify ?? false,
      },
    };
  }
  // The schema admits exactly one of image, chart, git.
  throw new Error('internal: subscription without image, chart or git passed the schema');
}

function toWarehouse(w: RawWarehouse): Warehouse {
  return {
    name: w.name,
    freightCreationPolicy: w.freightCreationPolicy ?? 'Automatic',
    ...(w.freightCreationCriteria?.expression?.trim() && {
      freightCreationCriteria: w.freightCreationCriteria.expression.trim(),
    }),
    ...(w.interval !== undefined && { interval: w.interval }),
    subscriptions: w.subscriptions.map(toSubscription),
  };
}

function toRequest(r: RawFreightRequest): FreightRequest {
  const soak = r.sources.requiredSoakTime;
  return {
    origin: { kind: 'Warehouse', name: r.origin.name },
    sources: {
      direct: r.sources.direct ?? false,
      stages: r.sources.stages ?? [],
      ...(soak !== undefined && {
        requiredSoakTime: soak,
        requiredSoakTimeMs: parseDuration(soak),
      }),
      availabilityStrategy: r.sources.availabilityStrategy ?? 'OneOf',
      ...(r.sources.autoPromotionOptions?.selectionPolicy === 'MatchUpstream' && {
        selectionPolicy: 'MatchUpstream' as const,
      }),
    },
  };
}

function toStep(
  s: RawStep,
  alias: string,
  extraVars: RawVar[],
  source: PathSegment[],
): PromotionStep {
  const retry = s.retry && {
    ...(s.retry.timeout !== undefined && { timeoutMs: parseDuration(s.retry.timeout) }),
    ...(s.retry.errorThreshold !== undefined && { errorThreshold: s.retry.errorThreshold }),
  };
  return {
    uses: s.uses ?? '',
    ...(s.as !== undefined && { as: s.as }),
    alias,
    source,
    ...(s.if !== undefined && { if: s.if }),
    config: s.config ?? {},
    continueOnError: s.continueOnError ?? false,
    vars: vars([...extraVars, ...(s.vars ?? [])]),
    ...(retry && { retry }),
  };
}

/** Argo Rollouts calls the http provider `web`; both names mean the same provider. */
const PROVIDER_ALIASES: Readonly<Record<string, string>> = { web: 'http' };

/** Default of a metric's `timeout`: the longest one measurement may take. */
export const DEFAULT_MEASUREMENT_TIMEOUT = '5m';

function toMetric(m: RawMetric): VerificationMetric {
  // The schema admits exactly one provider key.
  const [key, config] = Object.entries(m.provider)[0] ?? ['', {}];
  const timeout = m.timeout ?? DEFAULT_MEASUREMENT_TIMEOUT;
  return {
    name: m.name,
    provider: { name: PROVIDER_ALIASES[key] ?? key, config },
    ...(m.successCondition !== undefined && { successCondition: m.successCondition }),
    ...(m.failureCondition !== undefined && { failureCondition: m.failureCondition }),
    ...(m.initialDelay !== undefined && {
      initialDelay: m.initialDelay,
      initialDelayMs: parseDuration(m.initialDelay),
    }),
    ...(m.interval !== undefined && {
      interval: m.interval,
      intervalMs: parseDuration(m.interval),
    }),
    count: m.count ?? 1,
    failureLimit: m.failureLimit ?? 0,
    inconclusiveLimit: m.inconclusiveLimit ?? 0,
    consecutiveErrorLimit: m.consecutiveErrorLimit ?? 4,
    timeout,
    timeoutMs: parseDuration(timeout),
  };
}

function toStage(raw: RawProject, s: RawStage, index: number): Stage {
  const inflated = inflateSteps(raw, s, index).steps;
  // A Kargo template that pushes to `stage/${{ ctx.stage }}` names the stage's branch itself.
  const branch = s.branch ?? planWorkspace(raw.project, planStage(s, inflated)).stageBranch;
  return {
    name: s.name,
    ...(branch !== undefined && { branch }),
    environment: s.environment ?? s.name,
    ...(s.environmentUrl !== undefined ? { environmentUrl: s.environmentUrl } : {}),
    requestedFreight: s.requestedFreight.map(toRequest),
    autoPromotion: s.autoPromotion ?? false,
    promotionTemplate: {
      mode: s.promotionTemplate.mode ?? 'direct',
      vars: vars(s.promotionTemplate.vars),
      steps: inflated.map((x) => toStep(x.step, x.alias, x.vars, x.source)),
    },
    verification: (s.verification ?? []).map(toMetric),
  };
}

function toProject(file: string, raw: RawProject): Project {
  return {
    name: raw.project,
    file,
    warehouses: raw.warehouses.map(toWarehouse),
    stages: raw.stages.map((s, i) => toStage(raw, s, i)),
  };
}
