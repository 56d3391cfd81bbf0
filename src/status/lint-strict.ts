/**
 * `gantry lint`'s checks of what a promotion or a verification will evaluate, before anything
 * runs:
 * - each step's `config` against the step's JSON schema (unknown fields with a did-you-mean,
 *   missing and mistyped fields), where a string holding `${{ }}` stands for any type;
 * - every `${{ }}` of every step config, `if`, var and verification metric: syntax, unknown
 *   functions, argument counts, unknown `vars`/`outputs`/`ctx` names and fields the freight
 *   functions' structs do not have (`commitFrom(x).Tga`), and freight lookups no requested
 *   warehouse can answer (`imageFrom("ghcr.io/acme/ehco")`), each at its line and column in the
 *   project file.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isScalar } from 'yaml';
import {
  ANY,
  checkExpression,
  FREIGHT_SIGNATURES,
  hasExpression,
  structOf,
  templateExpressions,
  TEMPLATE_SIGNATURES,
  type CheckEnv,
  type FunctionSignatures,
  type StaticType,
} from '../expr/index.js';
import type { Project, PromotionVar, Stage, Subscription } from '../pipeline/index.js';
import { validationProblems } from '../pipeline/schema.js';
import {
  findNode,
  formatPath,
  locate,
  pointerToSegments,
  type PathSegment,
  type SourceFile,
} from '../pipeline/source.js';
import {
  DATA_SIGNATURES,
  NOTES_SIGNATURES,
  STATUS_SIGNATURES,
  STEP_CTX_TYPE,
  UNSUPPORTED_FUNCTIONS,
  stepAlias,
  type StepRegistry,
} from '../promotion/steps/engine.js';
import { taskNamespace } from '../pipeline/tasks.js';
import { normalizeChartURL, normalizeGitURL, normalizeImageURL } from '../urls/index.js';
import type { Problem } from '../util/errors.js';
import { METRIC_CTX_TYPE } from '../verification/templates.js';
import { didYouMean } from '../util/suggest.js';

function varsType(names: readonly string[]): StaticType {
  return structOf(
    'vars',
    Object.fromEntries(names.map((n) => [n, ANY])),
    (field, known) =>
      `unknown var ${JSON.stringify(field)}${didYouMean(field, known)}${
        known.length ? ` (vars here: ${known.join(', ')})` : ' (no vars are defined here)'
      }`,
  );
}

function outputsType(aliases: readonly string[]): StaticType {
  return structOf(
    'outputs',
    Object.fromEntries(aliases.map((a) => [a, ANY])),
    (field, known) =>
      `no earlier step has the alias ${JSON.stringify(field)}${didYouMean(field, known)}${
        known.length ? ` (earlier steps: ${known.join(', ')})` : ' (no step runs before this one)'
      }`,
  );
}

interface Checker {
  problems: Problem[];
  /** Check the string at `segments` (a template unless `bare`) in `env`. */
  check(segments: PathSegment[], value: string, env: CheckEnv, bare?: boolean): void;
  /** Check every string leaf of `value` (at `segments`) as a template. */
  checkAll(segments: PathSegment[], value: unknown, env: CheckEnv): void;
}

function checker(src: SourceFile, text: string): Checker {
  const problems: Problem[] = [];
  const report = (
    segments: PathSegment[],
    source: string,
    offset: number,
    message: string,
    /** The opening delimiter before `source` in the file (`${{`), '' for a bare expression. */
    open = '',
  ) => {
    // A project read from Kargo's manifests reports in the manifest that holds the field.
    const where = locate(src, segments);
    const node = findNode(where.src, where.segments).value;
    const start = isScalar(node) ? node.range?.[0] : undefined;
    let at = start;
    if (start !== undefined) {
      // The scalar's text in the file; where the expression appears in it verbatim (a plain or
      // block scalar, or a quoted one without escapes), point at the exact character.
      const raw = (where.src === src ? text : (where.src.text ?? '')).slice(
        start,
        node?.range?.[1] ?? start,
      );
      const i = raw.indexOf(open + source);
      at = i >= 0 ? start + i + open.length + offset : start;
    }
    const pos = at === undefined ? { line: 1, col: 1 } : where.src.lineCounter.linePos(at);
    const shown = source.trim();
    problems.push({
      file: where.src.file,
      line: pos.line,
      column: pos.col,
      path: formatPath(where.segments),
      message: `${message} in \${{ ${shown.length > 80 ? `${shown.slice(0, 77)}...` : shown} }}`,
    });
  };
  const check = (segments: PathSegment[], value: string, env: CheckEnv, bare = false): void => {
    if (bare) {
      for (const p of checkExpression(value, env)) report(segments, value, p.offset, p.message);
      return;
    }
    const withTemplate: CheckEnv = {
      ...env,
      functions: { ...env.functions, ...TEMPLATE_SIGNATURES },
    };
    for (const e of templateExpressions(value)) {
      const open = value.slice(e.offset - 3, e.offset);
      if (e.unclosed) {
        report(
          segments,
          e.source,
          0,
          `unclosed expression: no closing delimiter for ${open}`,
          open,
        );
        continue;
      }
      for (const p of checkExpression(e.source, withTemplate)) {
        report(segments, e.source, p.offset, p.message, open);
      }
    }
  };
  const checkAll = (segments: PathSegment[], value: unknown, env: CheckEnv, depth = 0): void => {
    if (depth > 100) return;
    if (typeof value === 'string') {
      if (hasExpression(value)) check(segments, value, env);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => checkAll([...segments, i], v, env, depth + 1));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) checkAll([...segments, k], v, env, depth + 1);
    }
  };
  return { problems, check, checkAll };
}

/**
 * `imageFrom("…")`, `chartFrom("…")`, `commitFrom("…")` and `warehouse("…")` with literal
 * arguments: is there a subscription (or a warehouse) among those the stage requests freight
 * from? A misspelt repository URL would find nothing and yield nil when the promotion runs.
 */
function freightLookups(
  project: Project,
  stage: Stage,
): (name: string, args: readonly (string | undefined)[]) => string | undefined {
  const requested = stage.requestedFreight.map((r) => r.origin.name);
  const warehouses = project.warehouses.filter((w) => requested.includes(w.name));
  const subscriptions = warehouses.flatMap((w) => w.subscriptions);
  const lookups: Record<string, { kind: Subscription['kind']; norm: (u: string) => string }> = {
    imageFrom: { kind: 'image', norm: normalizeImageURL },
    chartFrom: { kind: 'chart', norm: normalizeChartURL },
    commitFrom: { kind: 'git', norm: normalizeGitURL },
  };
  const urlOf = (s: Subscription): string =>
    s.kind === 'image' ? s.image.repoURL : s.kind === 'chart' ? s.chart.repoURL : s.git.repoURL;
  return (name, args) => {
    if (name === 'warehouse') {
      const w = args[0];
      if (w === undefined || requested.includes(w)) return undefined;
      return `stage ${JSON.stringify(stage.name)} requests no freight from warehouse ${JSON.stringify(w)}${didYouMean(w, requested)} (it requests: ${requested.join(', ')})`;
    }
    const lookup = lookups[name];
    const url = args[0];
    if (!lookup || url === undefined) return undefined;
    let want: string;
    try {
      want = lookup.norm(url);
    } catch {
      return undefined; // the run reports a URL it cannot read
    }
    const known = subscriptions.filter((s) => s.kind === lookup.kind).map(urlOf);
    if (known.some((k) => k === url || safeNorm(lookup.norm, k) === want)) return undefined;
    const what = { image: 'image', chart: 'chart', git: 'git repository' }[lookup.kind];
    const whats = { image: 'images', chart: 'charts', git: 'git repositories' }[lookup.kind];
    return `no warehouse stage ${JSON.stringify(stage.name)} requests freight from subscribes to the ${what} ${JSON.stringify(url)}${didYouMean(url, known)}, so ${name}() would return nil${known.length ? ` (${whats}: ${known.join(', ')})` : ''}`;
  };
}

function safeNorm(norm: (u: string) => string, url: string): string | undefined {
  try {
    return norm(url);
  } catch {
    return undefined;
  }
}

function stageExpressions(
  src: SourceFile,
  c: Checker,
  project: Project,
  stage: Stage,
  i: number,
): void {
  const functions: FunctionSignatures = {
    ...FREIGHT_SIGNATURES,
    ...STATUS_SIGNATURES,
    ...DATA_SIGNATURES,
    ...NOTES_SIGNATURES,
  };
  const checkCall = freightLookups(project, stage);
  const template = stage.promotionTemplate;
  const at: PathSegment[] = ['stages', i, 'promotionTemplate'];
  const varNames = (vars: readonly PromotionVar[]) => vars.map((v) => v.name);

  // Template vars see ctx and the vars before them.
  template.vars.forEach((v, k) => {
    const env: CheckEnv = {
      names: { vars: varsType(varNames(template.vars.slice(0, k))), ctx: STEP_CTX_TYPE },
      functions,
      checkCall,
      unsupported: UNSUPPORTED_FUNCTIONS,
    };
    c.check([...at, 'vars', k, 'value'], String(v.value), env);
  });
  const templateVars = varNames(template.vars);

  template.steps.forEach((step, s) => {
    // A step inflated from a promotion task is checked where the task writes it.
    const sat: PathSegment[] = step.source ?? [...at, 'steps', s];
    const alias = stepAlias(step, s);
    const earlier = template.steps.slice(0, s).map((x, j) => stepAlias(x, j));
    const ns = taskNamespace(alias);
    const inTask =
      ns === undefined
        ? []
        : earlier.filter((a) => taskNamespace(a) === ns).map((a) => a.slice(ns.length + 2));
    // A task's compose-output makes outputs.<task alias>.
    const tasks = [
      ...new Set(earlier.map(taskNamespace).filter((x): x is string => x !== undefined)),
    ];
    const base = {
      ctx: STEP_CTX_TYPE,
      outputs: outputsType([...earlier, ...tasks]),
      ...(ns !== undefined ? { task: structOf('task', { outputs: outputsType(inTask) }) } : {}),
    };
    step.vars.forEach((v, k) => {
      const env: CheckEnv = {
        names: {
          ...base,
          vars: varsType([...templateVars, ...varNames(step.vars.slice(0, k))]),
        },
        functions,
        checkCall,
        unsupported: UNSUPPORTED_FUNCTIONS,
      };
      c.check([...sat, 'vars', k, 'value'], String(v.value), env);
    });
    const env: CheckEnv = {
      names: { ...base, vars: varsType([...templateVars, ...varNames(step.vars)]) },
      functions,
      checkCall,
      unsupported: UNSUPPORTED_FUNCTIONS,
    };
    if (step.if !== undefined && step.if.trim() !== '') {
      c.check([...sat, 'if'], step.if, env, !hasExpression(step.if));
    }
    c.checkAll([...sat, 'config'], step.config, env);
  });

  stage.verification.forEach((metric, m) => {
    const mat: PathSegment[] = ['stages', i, 'verification', m];
    const env: CheckEnv = {
      names: { ctx: METRIC_CTX_TYPE, env: ANY },
      functions: { ...FREIGHT_SIGNATURES, ...NOTES_SIGNATURES },
      checkCall,
    };
    // The provider's config sits under its key as written (`web:` is read as `http`).
    const provider = locate(src, [...mat, 'provider']);
    const written = findNode(provider.src, provider.segments).value;
    const first = isMap(written) ? written.items[0]?.key : undefined;
    const key = isScalar(first) ? String(first.value) : metric.provider.name;
    c.checkAll([...mat, 'provider', key], metric.provider.config, env);
    for (const field of ['successCondition', 'failureCondition'] as const) {
      const source = metric[field];
      if (source !== undefined && hasExpression(source)) c.check([...mat, field], source, env);
    }
  });
}

let ajv: Ajv | undefined;
const validators = new WeakMap<object, ValidateFunction>();

function validatorFor(schema: Readonly<Record<string, unknown>>): ValidateFunction {
  let v = validators.get(schema);
  if (!v) {
    ajv ??= new Ajv({ allErrors: true, verbose: true, strict: false });
    v = ajv.compile(schema);
    validators.set(schema, v);
  }
  return v;
}

/** An error about a string that holds an expression: its type is only known once rendered. */
function aboutExpression(config: unknown): (err: ErrorObject) => boolean {
  return (err) => {
    if (err.keyword === 'required' || err.keyword === 'additionalProperties') return false;
    let cur: unknown = config;
    for (const seg of pointerToSegments(err.instancePath, config)) {
      cur =
        cur !== null && typeof cur === 'object'
          ? (cur as Record<string | number, unknown>)[seg]
          : undefined;
    }
    return typeof cur === 'string' && hasExpression(cur);
  };
}

function stageSchemas(src: SourceFile, stage: Stage, i: number, steps: StepRegistry): Problem[] {
  const problems: Problem[] = [];
  stage.promotionTemplate.steps.forEach((step, s) => {
    const definition = steps.get(step.uses);
    if (!definition) return; // lint.ts reports the unknown step
    const at: PathSegment[] = [
      ...(step.source ?? ['stages', i, 'promotionTemplate', 'steps', s]),
      'config',
    ];
    const validate = validatorFor(definition.schema);
    for (const p of validationProblems(
      src,
      step.config,
      validate,
      at,
      aboutExpression(step.config),
    )) {
      problems.push({ ...p, message: `${step.uses}: ${p.message}` });
    }
  });
  return problems;
}

/** Every problem of the checks above in one project file (`text` is the file's content). */
export function strictProblems(
  src: SourceFile,
  text: string,
  project: Project,
  steps: StepRegistry,
): Problem[] {
  const c = checker(src, text);
  const problems: Problem[] = [];
  project.stages.forEach((stage, i) => {
    problems.push(...stageSchemas(src, stage, i, steps));
    stageExpressions(src, c, project, stage, i);
  });
  // Stages that share a template through a YAML alias would repeat each problem of the anchor's
  // text; report each place in the file once.
  const seen = new Set<string>();
  return [...problems, ...c.problems].filter((p) => {
    const id = `${p.line}:${p.column}:${p.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
