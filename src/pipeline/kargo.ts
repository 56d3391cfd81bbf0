/**
 * Kargo's manifests as a project: a front end that reads Kargo's resources as they are (any
 * number of files, several documents each) and builds the same data a project file holds, which
 * then goes through the project file's schema, checks and defaults. Nothing downstream knows
 * where a project came from.
 *
 * A gantry file `.gantry/<project>.yaml` holding `kargo: <directory>` names the manifests and
 * carries what Kargo has no field for (a stage's GitHub environment, branch, pull-request mode).
 * Every field of the built data remembers the manifest node it came from, so a problem found on
 * it, by the schema, the semantic checks or lint, names the line and column in the Kargo file.
 */
import type { ValidateFunction } from 'ajv';
import { LineCounter, parseAllDocuments, parseDocument, visit, type Document } from 'yaml';
import type { Problem } from '../util/errors.js';
import { didYouMean } from '../util/suggest.js';
import {
  escapeRegex,
  matchingPolicy,
  selectorNameProblem,
  type PromotionPolicy,
} from './auto-promotion.js';
import { PROJECT_FILE_LIMITS, projectFromData, tooLarge } from './parse.js';
import { normalizeKargoDir, type TextFile } from './kargo-files.js';
import type { RawMetric } from './raw.js';
import { validationProblems } from './schema.js';
import { KARGO_VALIDATORS } from './generated/kargo-validators.js';
import { DROPPED_SUBSCRIPTION_FIELDS, IGNORED_KEY, SCHEMAS } from './kargo-schemas.js';
import {
  positionOf,
  problemAt,
  tidyProblems,
  type Located,
  type PathSegment,
  type SourceFile,
} from './source.js';
import type { Project } from './types.js';
// Kargo's manifests may hold patterns anywhere (selectors, filters, expressions): the engine loads
// with their reader.
import '../util/regex.js';

export {
  isKargoFile,
  kargoDirOf,
  kargoDirsOf,
  normalizeKargoDir,
  type TextFile,
} from './kargo-files.js';

export const KARGO_API_VERSION = 'kargo.akuity.io/v1alpha1';
export const ROLLOUTS_API_VERSION = 'argoproj.io/v1alpha1';

/** The resources gantry reads, by apiVersion. */
const READ_KINDS: Readonly<Record<string, readonly string[]>> = {
  [KARGO_API_VERSION]: [
    'Project',
    'ProjectConfig',
    'Warehouse',
    'Stage',
    'PromotionTask',
    'ClusterPromotionTask',
  ],
  [ROLLOUTS_API_VERSION]: ['AnalysisTemplate', 'ClusterAnalysisTemplate'],
};

/**
 * Kinds of Kargo's and Argo's groups a Kargo directory often holds beside the pipeline, which
 * gantry has no use for, and why. Resources of other API groups (the namespace, credentials,
 * RBAC, a kustomization that applies the directory) are not gantry's and are left alone.
 */
const SKIPPED_KINDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  [KARGO_API_VERSION]: {
    ClusterConfig: 'Kargo’s cluster-wide settings; gantry has no cluster',
  },
  [ROLLOUTS_API_VERSION]: {
    Application: 'Argo CD’s own; argocd-update steps reach it through Argo CD’s API',
    ApplicationSet:
      'Argo CD’s own; argocd-update steps reach its Applications through Argo CD’s API',
    AppProject: 'Argo CD’s own; gantry does not read it',
  },
};

/** What a Kargo directory's other resources are for, and what takes their place in gantry. */
const OTHER_KINDS: Readonly<Record<string, string>> = {
  Secret:
    'credentials: give gantry them through the workflow (the token and registry-credentials inputs, GANTRY_SECRET_* for secret())',
  ConfigMap: 'configMap() reads GANTRY_CONFIGMAP_* variables the workflow sets',
  Namespace: 'gantry has no namespaces: the project is the gantry file',
};

/** API groups whose every kind gantry must know: a typo there is an error, not a skip. */
const OWN_GROUPS = ['kargo.akuity.io/', 'argoproj.io/'];

interface SkippedDoc {
  file: string;
  line: number;
  apiVersion: string;
  kind: string;
  name: string;
  reason: string;
}

interface Resource {
  src: SourceFile;
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  labels: Record<string, string>;
  spec: Record<string, unknown>;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

// ---------------------------------------------------------------------------------------------
// The gantry file

interface SideFile {
  kargo: string;
  project?: string;
  stages?: Record<
    string,
    { environment?: string; environmentUrl?: string; branch?: string; mode?: string }
  >;
}

// ---------------------------------------------------------------------------------------------
// Reading the manifests

/**
 * The schemas of ./kargo-schemas.ts compiled ahead of time (scripts/gen-validators.ts): reading
 * a Kargo directory does not compile them, and a command that reads none does not load Ajv.
 */
function validator(key: string): ValidateFunction {
  const v = KARGO_VALIDATORS[key];
  if (!v)
    throw new Error(`no precompiled schema "${key}" (node --import tsx scripts/gen-validators.ts)`);
  return v;
}

const SCHEMA_OF: Readonly<Record<string, string>> = {
  ClusterPromotionTask: 'PromotionTask',
  ClusterAnalysisTemplate: 'AnalysisTemplate',
};

const grouped = (n: number): string => n.toLocaleString('en-US');

function yamlError(src: SourceFile, pos: number, message: string): Problem {
  const { line, col } = src.lineCounter.linePos(pos);
  return {
    file: src.file,
    line,
    column: col,
    path: '',
    message: `YAML syntax error: ${message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`,
  };
}

function kindProblem(src: SourceFile, apiVersion: string, kind: string): Problem | undefined {
  const read = READ_KINDS[apiVersion];
  const skipped = SKIPPED_KINDS[apiVersion] ? Object.keys(SKIPPED_KINDS[apiVersion]) : undefined;
  if (read?.includes(kind) || skipped?.includes(kind)) return undefined;
  const all = Object.entries(READ_KINDS).flatMap(([v, ks]) => ks.map((k) => `${k} (${v})`));
  if (!read && !skipped) {
    const apis = Object.keys(READ_KINDS);
    // Another group's resource is left alone, unless its apiVersion looks like a typo of ours.
    if (!OWN_GROUPS.some((g) => apiVersion.startsWith(g)) && !didYouMean(apiVersion, apis)) {
      return undefined;
    }
    return problemAt(
      src,
      ['apiVersion'],
      `gantry does not read ${JSON.stringify(apiVersion)} resources${didYouMean(apiVersion, apis)}; it reads ${all.join(', ')}`,
    );
  }
  return problemAt(
    src,
    ['kind'],
    `unknown kind ${JSON.stringify(kind)}${didYouMean(kind, [...(read ?? []), ...(skipped ?? [])])}; gantry reads ${all.join(', ')}`,
  );
}

/** Every resource of the manifests, in file order; documents gantry skips are left out. */
export function readManifests(files: readonly TextFile[]): {
  resources: Resource[];
  problems: Problem[];
  /** Documents gantry leaves alone, with why, for the import check. */
  skipped: SkippedDoc[];
} {
  const resources: Resource[] = [];
  const skipped: SkippedDoc[] = [];
  const problems: Problem[] = [];
  for (const { file, text } of files) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > PROJECT_FILE_LIMITS.bytes) {
      problems.push(tooLarge(file, bytes));
      continue;
    }
    const lineCounter = new LineCounter();
    const docs = parseAllDocuments(text, {
      lineCounter,
      prettyErrors: false,
      merge: true,
      uniqueKeys: true,
    });
    if (!Array.isArray(docs)) continue; // nothing but comments
    let nodes = 0;
    for (const doc of docs as Document.Parsed[]) {
      const src: SourceFile = { file, doc, lineCounter, text };
      if (doc.errors.length) {
        problems.push(...doc.errors.map((e) => yamlError(src, e.pos[0], e.message)));
        continue;
      }
      visit(doc, {
        Node() {
          return ++nodes > PROJECT_FILE_LIMITS.nodes ? visit.BREAK : undefined;
        },
      });
      if (nodes > PROJECT_FILE_LIMITS.nodes) {
        problems.push({
          file,
          line: 1,
          column: 1,
          path: '',
          message: `the file holds more than ${grouped(PROJECT_FILE_LIMITS.nodes)} YAML nodes, gantry's cap for a file it reads: split it`,
        });
        break;
      }
      let data: unknown;
      try {
        data = doc.toJS({ maxAliasCount: PROJECT_FILE_LIMITS.aliases });
      } catch (err) {
        problems.push({
          file,
          ...positionOf(src, doc.contents ?? undefined),
          path: '',
          message: `cannot read YAML: its aliases (*name) expand beyond gantry's cap of ${grouped(PROJECT_FILE_LIMITS.aliases)} (${err instanceof Error ? err.message : String(err)})`,
        });
        continue;
      }
      if (data === null || data === undefined) continue; // an empty document (`---` at the end)
      if (!isObject(data) || typeof data.apiVersion !== 'string' || typeof data.kind !== 'string') {
        problems.push(
          problemAt(
            src,
            [],
            'not a Kubernetes resource: each document of a Kargo manifest is a mapping with apiVersion, kind, metadata and spec',
          ),
        );
        continue;
      }
      const wrongKind = kindProblem(src, data.apiVersion, data.kind);
      if (wrongKind) {
        problems.push(wrongKind);
        continue;
      }
      if (!READ_KINDS[data.apiVersion]?.includes(data.kind)) {
        const meta = isObject(data.metadata) ? data.metadata : {};
        skipped.push({
          file,
          line: positionOf(src, doc.contents ?? undefined).line,
          apiVersion: data.apiVersion,
          kind: data.kind,
          name: typeof meta.name === 'string' ? meta.name : '',
          reason:
            SKIPPED_KINDS[data.apiVersion]?.[data.kind] ??
            OTHER_KINDS[data.kind] ??
            'not a Kargo or Argo resource: gantry leaves it alone',
        });
        continue;
      }
      const schemaKind = SCHEMA_OF[data.kind] ?? data.kind;
      const shape = validationProblems(
        src,
        data,
        validator(SCHEMAS[schemaKind] ? schemaKind : 'any'),
      );
      if (shape.length) {
        problems.push(...shape);
        continue;
      }
      const meta = data.metadata as Json;
      resources.push({
        src,
        apiVersion: data.apiVersion,
        kind: data.kind,
        name: meta.name as string,
        ...(typeof meta.namespace === 'string' && { namespace: meta.namespace }),
        labels: (meta.labels as Record<string, string> | undefined) ?? {},
        spec: isObject(data.spec) ? data.spec : {},
      });
    }
  }
  return { resources, problems, skipped };
}

// ---------------------------------------------------------------------------------------------
// From resources to a project file's data

/** Where each path of the built data was written, by longest matching prefix. */
class Origins {
  private readonly entries: { prefix: PathSegment[]; to: Located }[] = [];

  add(prefix: PathSegment[], src: SourceFile, segments: PathSegment[]): void {
    this.entries.push({ prefix, to: { src, segments } });
  }

  resolve(path: readonly PathSegment[]): Located | undefined {
    let best: { prefix: PathSegment[]; to: Located } | undefined;
    for (const e of this.entries) {
      if (e.prefix.length > path.length) continue;
      if (best && e.prefix.length <= best.prefix.length) continue;
      if (e.prefix.every((seg, i) => String(seg) === String(path[i]))) best = e;
    }
    if (!best) return undefined;
    return {
      src: best.to.src,
      segments: [...best.to.segments, ...path.slice(best.prefix.length)],
    };
  }
}

interface Builder {
  origins: Origins;
  problems: Problem[];
  resources: Resource[];
}

function at(
  r: Resource,
  segments: PathSegment[],
  message: string,
  b: Builder,
  anchor: 'key' | 'value' = 'value',
): void {
  b.problems.push(problemAt(r.src, segments, message, anchor));
}

/**
 * One subscription: the named form (`name` beside `image`) becomes the subscription's name, and
 * the deprecated `allowTags` (one pattern) and `ignoreTags` (exact tags) join the regex lists.
 */
function subscription(
  b: Builder,
  r: Resource,
  sub: Json,
  to: PathSegment[],
  from: PathSegment[],
): Json {
  const out: Json = { ...sub };
  const name = out.name;
  delete out.name;
  if (isObject(out.subscription)) {
    at(
      r,
      [...from, 'subscription'],
      'gantry has no generic (plugin) subscriptions: subscribe to an image, chart or git repository',
      b,
      'key',
    );
  }
  for (const kind of ['image', 'git', 'chart'] as const) {
    const body = out[kind];
    if (!isObject(body)) continue;
    const dropped = DROPPED_SUBSCRIPTION_FIELDS[kind];
    const copy: Json = Object.fromEntries(Object.entries(body).filter(([k]) => !(k in dropped)));
    if (typeof name === 'string' && kind !== 'chart' && copy.name === undefined) {
      copy.name = name;
      b.origins.add([...to, kind, 'name'], r.src, [...from, 'name']);
    }
    if (typeof copy.allowTags === 'string') {
      const regexes = [...list(copy.allowTagsRegexes)];
      b.origins.add([...to, kind, 'allowTagsRegexes', regexes.length], r.src, [
        ...from,
        kind,
        'allowTags',
      ]);
      copy.allowTagsRegexes = [...regexes, copy.allowTags];
      delete copy.allowTags;
    }
    if (Array.isArray(copy.ignoreTags) && copy.ignoreTags.every((t) => typeof t === 'string')) {
      const regexes = [...list(copy.ignoreTagsRegexes)];
      (copy.ignoreTags as string[]).forEach((tag, j) => {
        b.origins.add([...to, kind, 'ignoreTagsRegexes', regexes.length], r.src, [
          ...from,
          kind,
          'ignoreTags',
          j,
        ]);
        regexes.push(`^${escapeRegex(tag)}$`);
      });
      copy.ignoreTagsRegexes = regexes;
      delete copy.ignoreTags;
    }
    if (kind === 'git' && copy.since !== undefined) {
      at(
        r,
        [...from, kind, 'since'],
        'gantry does not read since yet: filter commits with expressionFilter',
        b,
        'key',
      );
      delete copy.since;
    }
    out[kind] = copy;
  }
  return out;
}

function warehouse(b: Builder, r: Resource, w: number): Json {
  const to: PathSegment[] = ['warehouses', w];
  b.origins.add(to, r.src, ['spec']);
  b.origins.add([...to, 'name'], r.src, ['metadata', 'name']);
  const out: Json = { name: r.name };
  if (r.spec.freightCreationPolicy !== undefined)
    out.freightCreationPolicy = r.spec.freightCreationPolicy;
  if (r.spec.interval !== undefined) out.interval = r.spec.interval;
  if (r.spec.freightCreationCriteria !== undefined)
    out.freightCreationCriteria = r.spec.freightCreationCriteria;
  out.subscriptions = list(r.spec.subscriptions).map((sub, s) =>
    subscription(b, r, sub as Json, [...to, 'subscriptions', s], ['spec', 'subscriptions', s]),
  );
  return out;
}

interface Policy {
  r: Resource;
  index: number;
  policy: Json;
}

function policies(b: Builder, stageNames: readonly string[]): Policy[] {
  const out: Policy[] = [];
  // Kargo reads ProjectConfig's; a Project's spec.promotionPolicies is its older place.
  for (const kind of ['ProjectConfig', 'Project']) {
    for (const r of b.resources.filter((x) => x.kind === kind)) {
      list(r.spec.promotionPolicies).forEach((policy, index) => {
        if (!isObject(policy)) return;
        out.push({ r, index, policy });
        const base: PathSegment[] = ['spec', 'promotionPolicies', index];
        const selector = isObject(policy.stageSelector) ? policy.stageSelector.name : undefined;
        const wrong = typeof selector === 'string' ? selectorNameProblem(selector) : undefined;
        if (wrong) at(r, [...base, 'stageSelector', 'name'], wrong, b);
        if (typeof policy.stage === 'string' && !stageNames.includes(policy.stage)) {
          at(
            r,
            [...base, 'stage'],
            `unknown stage ${JSON.stringify(policy.stage)}${didYouMean(policy.stage, stageNames)}`,
            b,
          );
        }
        if (policy.stage === undefined && !isObject(policy.stageSelector)) {
          at(r, base, 'a promotion policy names its stage: stage, or stageSelector.name', b);
        }
      });
    }
  }
  return out;
}

const ARG = /\{\{\s*args\.([\w.-]+)\s*\}\}/g;

/**
 * Argo Rollouts' `{{args.name}}` placeholders in a metric, replaced by the arg's value (the
 * Stage's `verification.args` over the template's default). A value may hold `${{ }}`, which
 * gantry renders when it measures, as Kargo does before it creates the AnalysisRun.
 */
function substitute(
  b: Builder,
  t: Resource,
  value: unknown,
  path: PathSegment[],
  args: ReadonlyMap<string, { value?: string; missing?: () => void }>,
): unknown {
  if (typeof value === 'string') {
    return value.replace(ARG, (whole, name: string) => {
      const arg = args.get(name);
      if (!arg) {
        at(
          t,
          path,
          `unknown arg ${JSON.stringify(name)} in ${whole}${didYouMean(name, [...args.keys()])}: declare it under spec.args`,
          b,
        );
        return whole;
      }
      if (arg.value === undefined) {
        arg.missing?.();
        return whole;
      }
      return arg.value;
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => substitute(b, t, v, [...path, i], args));
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, substitute(b, t, v, [...path, k], args)]),
    );
  }
  return value;
}

/** Argo's int-or-string fields, once placeholders are filled, as the numbers gantry reads. */
const INT_OR_STRING = ['count', 'failureLimit', 'inconclusiveLimit', 'consecutiveErrorLimit'];

function verification(b: Builder, r: Resource, stageIndex: number): RawMetric[] | undefined {
  const v = r.spec.verification;
  if (!isObject(v)) return undefined;
  const metrics: RawMetric[] = [];
  // Stage vars reach verification args (Kargo's docs); `${{ vars.x }}` is replaced by its value,
  // which may itself hold `${{ }}` rendered when gantry measures.
  const stageVars = new Map(
    (list(r.spec.vars) as { name: string; value?: string }[]).map((x) => [x.name, x.value ?? '']),
  );
  const stageArgs = (list(v.args) as { name: string; value?: string }[]).map((arg) =>
    arg.value === undefined
      ? arg
      : {
          ...arg,
          value: arg.value.replace(
            /\$\{\{\s*vars\.([A-Za-z_]\w*)\s*\}\}/g,
            (whole, name: string) => stageVars.get(name) ?? whole,
          ),
        },
  );
  const declared = new Set<string>();
  list(v.analysisTemplates).forEach((ref, k) => {
    const { name, kind = 'AnalysisTemplate' } = ref as { name: string; kind?: string };
    const t = b.resources.find(
      (x) => x.apiVersion === ROLLOUTS_API_VERSION && x.kind === kind && x.name === name,
    );
    if (!t) {
      const names = b.resources.filter((x) => x.kind === kind).map((x) => x.name);
      at(
        r,
        ['spec', 'verification', 'analysisTemplates', k, 'name'],
        `unknown ${kind} ${JSON.stringify(name)}${didYouMean(name, names) || (names.length ? ` (${kind}s: ${names.join(', ')})` : ` (the manifests define no ${kind})`)}`,
        b,
      );
      return;
    }
    const args = new Map<string, { value?: string; missing?: () => void }>();
    list(t.spec.args).forEach((a, j) => {
      const arg = a as { name: string; value?: string; valueFrom?: unknown };
      declared.add(arg.name);
      const fromStage = stageArgs.find((s) => s.name === arg.name);
      const value = fromStage?.value ?? arg.value;
      let told = false;
      args.set(arg.name, {
        ...(value !== undefined && { value }),
        missing: () => {
          if (told) return;
          told = true;
          at(
            t,
            ['spec', 'args', j],
            arg.valueFrom !== undefined
              ? `arg ${JSON.stringify(arg.name)} reads a Kubernetes Secret or field, which gantry cannot: give it a value in the Stage's verification.args (\${{ env.NAME }} reads the verify job's environment)`
              : `arg ${JSON.stringify(arg.name)} has no value: give it one here or in the Stage's verification.args`,
            b,
          );
        },
      });
    });
    list(t.spec.metrics).forEach((m, j) => {
      const from: PathSegment[] = ['spec', 'metrics', j];
      const metric = substitute(b, t, m, from, args) as Json;
      for (const field of INT_OR_STRING) {
        const x = metric[field];
        if (typeof x === 'string' && /^\d+$/.test(x)) metric[field] = Number(x);
      }
      b.origins.add(['stages', stageIndex, 'verification', metrics.length], t.src, from);
      if (isObject(metric.provider) && metric.provider.job !== undefined) {
        at(
          t,
          [...from, 'provider', 'job'],
          'a job metric runs a Kubernetes Job; gantry has no cluster: use a command metric, which runs the same check in the verify job',
          b,
          'key',
        );
      }
      metrics.push(metric as unknown as RawMetric);
    });
  });
  stageArgs.forEach((arg, k) => {
    if (!declared.has(arg.name) && metrics.length) {
      at(
        r,
        ['spec', 'verification', 'args', k, 'name'],
        `no AnalysisTemplate of this stage declares arg ${JSON.stringify(arg.name)}${didYouMean(arg.name, [...declared])}`,
        b,
      );
    }
  });
  return metrics;
}

function stage(
  b: Builder,
  r: Resource,
  i: number,
  side: SideFile,
  sideSrc: SourceFile,
  policyList: readonly Policy[],
): Json {
  const to: PathSegment[] = ['stages', i];
  b.origins.add(to, r.src, ['spec']);
  b.origins.add([...to, 'name'], r.src, ['metadata', 'name']);
  const out: Json = { name: r.name };
  const overrides = side.stages?.[r.name] ?? {};
  for (const field of ['environment', 'environmentUrl', 'branch'] as const) {
    const value = overrides[field];
    if (value === undefined) continue;
    out[field] = value;
    b.origins.add([...to, field], sideSrc, ['stages', r.name, field]);
  }

  out.requestedFreight = list(r.spec.requestedFreight);

  // Stage vars are seen by the template as its own, the template's winning on a shared name.
  const stageVars = list(r.spec.vars);
  stageVars.forEach((_, k) =>
    b.origins.add([...to, 'promotionTemplate', 'vars', k], r.src, ['spec', 'vars', k]),
  );
  const template = isObject(r.spec.promotionTemplate) ? r.spec.promotionTemplate : undefined;
  const spec = template && isObject(template.spec) ? template.spec : {};
  if (template) {
    b.origins.add([...to, 'promotionTemplate'], r.src, ['spec', 'promotionTemplate', 'spec']);
    list(spec.vars).forEach((_, k) =>
      b.origins.add([...to, 'promotionTemplate', 'vars', stageVars.length + k], r.src, [
        'spec',
        'promotionTemplate',
        'spec',
        'vars',
        k,
      ]),
    );
  } else {
    // A control-flow stage: no steps, so a promotion only records the freight.
    b.origins.add([...to, 'promotionTemplate'], r.src, ['spec']);
  }
  const vars = [...stageVars, ...list(spec.vars)];
  out.promotionTemplate = {
    ...(overrides.mode !== undefined && { mode: overrides.mode }),
    ...(vars.length && { vars }),
    steps: list(spec.steps),
  };
  if (overrides.mode !== undefined) {
    b.origins.add([...to, 'promotionTemplate', 'mode'], sideSrc, ['stages', r.name, 'mode']);
  }

  const policy =
    policyList[
      matchingPolicy(
        policyList.map((p) => p.policy as PromotionPolicy),
        r,
      )
    ];
  if (policy && policy.policy.autoPromotionEnabled !== undefined) {
    out.autoPromotion = policy.policy.autoPromotionEnabled;
    b.origins.add([...to, 'autoPromotion'], policy.r.src, [
      'spec',
      'promotionPolicies',
      policy.index,
      'autoPromotionEnabled',
    ]);
  }

  const metrics = verification(b, r, i);
  if (metrics) out.verification = metrics;
  return out;
}

function task(b: Builder, r: Resource, t: number): Json {
  const to: PathSegment[] = ['promotionTasks', t];
  b.origins.add(to, r.src, ['spec']);
  b.origins.add([...to, 'name'], r.src, ['metadata', 'name']);
  b.origins.add([...to, 'kind'], r.src, ['kind']);
  return {
    name: r.name,
    kind: r.kind,
    ...(r.spec.vars !== undefined && { vars: r.spec.vars }),
    steps: r.spec.steps,
  };
}

/**
 * Read the gantry file `file` (`.gantry/<project>.yaml` with `kargo: <dir>`) and the manifests
 * under that directory (`manifests`, paths relative to the repository root) into a Project,
 * every problem positioned in the file that holds the field.
 */
export function parseKargoProject(
  file: string,
  text: string,
  manifests: readonly TextFile[],
): { project?: Project; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const sideSrc: SourceFile = { file, doc, lineCounter };
  if (doc.errors.length) {
    return {
      problems: tidyProblems(doc.errors.map((e) => yamlError(sideSrc, e.pos[0], e.message))),
    };
  }
  const data: unknown = doc.toJS({ maxAliasCount: PROJECT_FILE_LIMITS.aliases });
  const sideProblems = validationProblems(sideSrc, data, validator('gantry-file'));
  if (sideProblems.length) return { problems: tidyProblems(sideProblems) };
  const side = data as SideFile;
  const dir = normalizeKargoDir(side.kargo);
  const base = file.replace(/\\/g, '/').replace(/^.*\//, '');
  const name = side.project ?? base.replace(/\.ya?ml$/i, '');

  if (!manifests.length) {
    return {
      problems: [
        problemAt(
          sideSrc,
          ['kargo'],
          `no Kargo manifests (*.yaml, *.yml) under ${dir}/: name the directory that holds the Project's Warehouses and Stages`,
        ),
      ],
    };
  }
  const read = readManifests(manifests);
  // A directory may hold several projects: a namespaced resource belongs to its namespace's.
  const resources = read.resources.filter((r) => r.namespace === undefined || r.namespace === name);
  const b: Builder = { origins: new Origins(), problems: [...read.problems], resources };

  const projects = read.resources.filter((r) => r.kind === 'Project').map((r) => r.name);
  const projectDoc = resources.find((r) => r.kind === 'Project' && r.name === name);
  if (projects.length && !projectDoc) {
    b.problems.push(
      problemAt(
        sideSrc,
        [side.project !== undefined ? 'project' : 'kargo'],
        `the manifests under ${dir}/ define no Project ${JSON.stringify(name)}${didYouMean(name, projects)} (Projects: ${projects.join(', ')}); set project: to the one this file is for`,
      ),
    );
  }
  if (projectDoc) b.origins.add(['project'], projectDoc.src, ['metadata', 'name']);
  else b.origins.add(['project'], sideSrc, side.project !== undefined ? ['project'] : ['kargo']);

  const of = (kind: string) => resources.filter((r) => r.kind === kind);
  const stageDocs = of('Stage');
  const stageNames = stageDocs.map((r) => r.name);
  for (const stageName of Object.keys(side.stages ?? {})) {
    if (!stageNames.includes(stageName)) {
      b.problems.push(
        problemAt(
          sideSrc,
          ['stages', stageName],
          `no Stage ${JSON.stringify(stageName)} in the manifests under ${dir}/${didYouMean(stageName, stageNames)}`,
          'key',
        ),
      );
    }
  }
  const policyList = policies(b, stageNames);
  const tasks = [...of('PromotionTask'), ...of('ClusterPromotionTask')];
  const raw: Json = {
    project: name,
    warehouses: of('Warehouse').map((r, w) => warehouse(b, r, w)),
    stages: stageDocs.map((r, i) => stage(b, r, i, side, sideSrc, policyList)),
    ...(tasks.length && { promotionTasks: tasks.map((r, t) => task(b, r, t)) }),
  };
  if ((!of('Warehouse').length || !stageDocs.length) && (projectDoc || !projects.length)) {
    b.problems.push(
      problemAt(
        sideSrc,
        ['kargo'],
        `the manifests under ${dir}/ define ${stageDocs.length ? 'no Warehouse' : of('Warehouse').length ? 'no Stage' : 'no Warehouse and no Stage'} for project ${JSON.stringify(name)}`,
      ),
    );
  }
  if (b.problems.length) return { problems: tidyProblems(b.problems) };

  const virtual: SourceFile = { ...sideSrc, redirect: (path) => b.origins.resolve(path) };
  return projectFromData(virtual, raw);
}

// ---------------------------------------------------------------------------------------------
// The import check (`gantry lint --kargo DIR`)

/** One resource of a Kargo directory, and what gantry does with it. */
export interface ImportEntry {
  file: string;
  line: number;
  kind: string;
  name: string;
  /** What gantry does with it, in a line. */
  does: string;
  /** Fields gantry accepts and does nothing with, each with why. */
  ignored: string[];
}

/** Fields of `data` whose schema marks them ignored, as `path: why`. */
function ignoredFields(schema: unknown, data: unknown, path: string): string[] {
  if (!isObject(schema) || data === undefined) return [];
  const reason = schema[IGNORED_KEY];
  if (typeof reason === 'string') return [`${path}: ${reason}`];
  const out: string[] = [];
  if (isObject(schema.properties) && isObject(data)) {
    for (const [key, sub] of Object.entries(schema.properties)) {
      if (key in data) out.push(...ignoredFields(sub, data[key], path ? `${path}.${key}` : key));
    }
  }
  if (Array.isArray(data) && isObject(schema.items)) {
    data.forEach((item, i) => out.push(...ignoredFields(schema.items, item, `${path}[${i}]`)));
  }
  return out;
}

function subscriptionNotes(r: Resource): string[] {
  const out: string[] = [];
  list(r.spec.subscriptions).forEach((sub, i) => {
    if (!isObject(sub)) return;
    for (const kind of ['image', 'git', 'chart'] as const) {
      const body = sub[kind];
      if (!isObject(body)) continue;
      for (const [field, why] of Object.entries(DROPPED_SUBSCRIPTION_FIELDS[kind])) {
        if (field in body) out.push(`spec.subscriptions[${i}].${kind}.${field}: ${why}`);
      }
    }
  });
  return out;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function roleOf(r: Resource, project: Project | undefined): string {
  switch (r.kind) {
    case 'Project':
      return `project ${r.name}: the gantry file .gantry/${r.name}.yaml (kargo: <dir>) points at these manifests`;
    case 'ProjectConfig': {
      const n = list(r.spec.promotionPolicies).length;
      return `promotion policies (${n}): decide which stages auto-promote`;
    }
    case 'Warehouse': {
      const w = project?.warehouses.find((x) => x.name === r.name);
      if (!w && !project) return 'warehouse (not read: see the problems below)';
      const subs = w
        ? w.subscriptions.map((s) => s.kind).join(', ')
        : plural(list(r.spec.subscriptions).length, 'subscription');
      const manual =
        w?.freightCreationPolicy === 'Manual'
          ? '; freightCreationPolicy Manual: freight only from gantry freight assemble'
          : '';
      return `warehouse: gantry discover watches ${subs || 'nothing'} and records freight as tags${manual}`;
    }
    case 'Stage': {
      const st = project?.stages.find((x) => x.name === r.name);
      if (!st) return 'stage (not read: see the problems below)';
      const from = st.requestedFreight
        .map((q) =>
          q.sources.direct
            ? `${q.origin.name} directly`
            : `${q.origin.name} via ${q.sources.stages.join('/')}`,
        )
        .join(', ');
      const steps = st.promotionTemplate.steps.length
        ? `gantry promote runs ${plural(st.promotionTemplate.steps.length, 'step')}`
        : 'no steps (a control-flow stage): a promotion records the freight only';
      const verify = st.verification.length
        ? `; gantry verify measures ${plural(st.verification.length, 'metric')}`
        : '';
      return `stage: takes ${from}; ${steps}${verify}; auto-promotion ${st.autoPromotion ? 'on' : 'off'}`;
    }
    case 'PromotionTask':
    case 'ClusterPromotionTask':
      return `task: its ${plural(list(r.spec.steps).length, 'step')} run where a stage's step names it (task:)`;
    default:
      return `analysis template: ${plural(list(r.spec.metrics).length, 'metric')}, measured by gantry verify for the stages that name it`;
  }
}

/**
 * What gantry will do with each resource of a Kargo directory, and what it cannot do: the same
 * reading `kargo:` in a gantry file gives (each Project of the directory, or one named after the
 * directory), so the problems are the ones a switch would meet. `.gantry/<dir>.yaml` is the
 * gantry file assumed for positions; none is written.
 */
export function kargoImport(
  dir: string,
  files: readonly TextFile[],
): { entries: ImportEntry[]; projects: Project[]; problems: Problem[] } {
  const read = readManifests(files);
  const base = normalizeKargoDir(dir);
  const names = read.resources.filter((r) => r.kind === 'Project').map((r) => r.name);
  const fallback =
    base
      .replace(/^.*\//, '')
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '-') || 'kargo';
  const projects: Project[] = [];
  const problems: Problem[] = [...read.problems];
  if (!read.problems.length) {
    for (const name of names.length ? names : [fallback]) {
      const side = `kargo: ${base || '.'}\n${names.length ? `project: ${name}\n` : ''}`;
      const result = parseKargoProject(`.gantry/${name}.yaml`, side, files);
      if (result.project) projects.push(result.project);
      problems.push(...result.problems);
    }
  }
  const entries: ImportEntry[] = read.resources.map((r) => {
    const project =
      projects.find((p) => p.name === r.namespace) ??
      (projects.length === 1 ? projects[0] : undefined);
    const schemaKind = SCHEMA_OF[r.kind] ?? r.kind;
    const data = r.src.doc.toJS() as unknown;
    return {
      file: r.src.file,
      line: positionOf(r.src, r.src.doc.contents ?? undefined).line,
      kind: r.kind,
      name: r.name,
      does: roleOf(r, project),
      ignored: [
        ...ignoredFields(SCHEMAS[schemaKind], data, ''),
        ...(r.kind === 'Warehouse' ? subscriptionNotes(r) : []),
      ],
    };
  });
  for (const d of read.skipped) {
    entries.push({
      file: d.file,
      line: d.line,
      kind: d.kind,
      name: d.name,
      does: `skipped: ${d.reason}`,
      ignored: [],
    });
  }
  entries.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { entries, projects, problems: tidyProblems(problems) };
}
