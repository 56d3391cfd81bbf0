/**
 * Checks the JSON schema cannot express, run once a file has passed the schema: names that must be
 * unique, references between warehouses and stages, cycles, and the syntax of embedded languages
 * (regular expressions, semver constraints, branch names).
 */
import { compileExpr, hasExpression } from '../expr/index.js';
import { compileRegex } from '../util/regex-core.js';
import { parseConstraint } from '../semver/constraint.js';
import { errorMessage, type Problem } from '../util/errors.js';
import { didYouMean } from '../util/suggest.js';
import { branchNameProblem } from './branch.js';
import { planStage, planWorkspace } from './workspace.js';
import { inflateSteps } from './tasks.js';
import type { RawGit, RawImage, RawMetric, RawProject, RawStage } from './raw.js';
import { lineOf, locate, problemAt, type PathSegment, type SourceFile } from './source.js';

type Report = (segments: readonly PathSegment[], message: string) => void;

/** Path filters with these prefixes hold a regular expression. */
const REGEX_FILTER = /^(regexp?):(.*)$/s;

export function semanticProblems(src: SourceFile, raw: RawProject): Problem[] {
  const problems: Problem[] = [];
  // A task used by several stages would report its problems once per stage: once is enough.
  const seen = new Set<string>();
  const report: Report = (segments, message) => {
    const key = `${segments.join('.')}\0${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(problemAt(src, segments, message));
  };

  checkUniqueNames(src, report, 'warehouse', 'warehouses', raw.warehouses);
  checkUniqueNames(src, report, 'stage', 'stages', raw.stages);

  raw.warehouses.forEach((warehouse, w) => {
    const criteria = warehouse.freightCreationCriteria?.expression;
    if (criteria?.trim()) {
      try {
        compileExpr(criteria);
      } catch (err) {
        report(
          ['warehouses', w, 'freightCreationCriteria', 'expression'],
          `invalid freightCreationCriteria expression: ${errorMessage(err)}`,
        );
      }
    }
    warehouse.subscriptions.forEach((sub, s) => {
      const at: PathSegment[] = ['warehouses', w, 'subscriptions', s];
      if (sub.image) checkImage(report, [...at, 'image'], sub.image);
      if (sub.chart?.semverConstraint !== undefined) {
        checkConstraint(report, [...at, 'chart', 'semverConstraint'], sub.chart.semverConstraint);
      }
      if (sub.git) checkGit(report, [...at, 'git'], sub.git);
    });
  });

  const warehouseNames = raw.warehouses.map((w) => w.name);
  const stageNames = raw.stages.map((s) => s.name);
  raw.stages.forEach((stage, i) => {
    checkStage(report, raw, stage, i, warehouseNames, stageNames);
  });
  checkCycles(report, raw.stages);

  return problems;
}

function checkUniqueNames(
  src: SourceFile,
  report: Report,
  what: string,
  field: 'warehouses' | 'stages',
  items: readonly { name: string }[],
): void {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const earlier = first.get(item.name);
    if (earlier === undefined) {
      first.set(item.name, i);
    } else {
      const line = lineOf(src, [field, earlier, 'name']);
      // Read from Kargo's manifests, the first one may be in another file.
      const first = locate(src, [field, earlier, 'name']).src;
      const where =
        first === src ? `${field}[${earlier}] at line ${line}` : `the one at ${first.file}:${line}`;
      report(
        [field, i, 'name'],
        `duplicate ${what} name ${JSON.stringify(item.name)}: ${where} has the same name`,
      );
    }
  });
}

function checkRegexes(
  report: Report,
  at: readonly PathSegment[],
  patterns: readonly string[] | undefined,
): void {
  patterns?.forEach((pattern, i) => checkRegex(report, [...at, i], pattern));
}

function checkRegex(report: Report, at: readonly PathSegment[], pattern: string): void {
  try {
    compileRegex(pattern);
  } catch (err) {
    const msg = errorMessage(err);
    report(
      at,
      /regular expression|regexp/i.test(msg)
        ? msg
        : `invalid regular expression ${JSON.stringify(pattern)}: ${msg}`,
    );
  }
}

function checkConstraint(report: Report, at: readonly PathSegment[], text: string): void {
  try {
    parseConstraint(text);
  } catch (err) {
    const msg = errorMessage(err);
    report(
      at,
      /constraint/i.test(msg) ? msg : `invalid semver constraint ${JSON.stringify(text)}: ${msg}`,
    );
  }
}

function checkImage(report: Report, at: readonly PathSegment[], image: RawImage): void {
  const strategy = image.imageSelectionStrategy ?? 'SemVer';
  if (strategy === 'SemVer' && image.constraint !== undefined) {
    checkConstraint(report, [...at, 'constraint'], image.constraint);
  }
  checkRegexes(report, [...at, 'allowTagsRegexes'], image.allowTagsRegexes);
  checkRegexes(report, [...at, 'ignoreTagsRegexes'], image.ignoreTagsRegexes);
}

function checkGit(report: Report, at: readonly PathSegment[], git: RawGit): void {
  if (git.branch !== undefined) {
    const why = branchNameProblem(git.branch);
    if (why) report([...at, 'branch'], `invalid branch name ${JSON.stringify(git.branch)}: ${why}`);
  }
  if (git.semverConstraint !== undefined) {
    checkConstraint(report, [...at, 'semverConstraint'], git.semverConstraint);
  }
  checkRegexes(report, [...at, 'allowTagsRegexes'], git.allowTagsRegexes);
  checkRegexes(report, [...at, 'ignoreTagsRegexes'], git.ignoreTagsRegexes);
  for (const field of ['includePaths', 'excludePaths'] as const) {
    git[field]?.forEach((entry, i) => {
      const m = REGEX_FILTER.exec(entry);
      if (m) checkRegex(report, [...at, field, i], m[2] ?? '');
    });
  }
}

function known(kind: string, name: string, names: readonly string[]): string {
  const hint = didYouMean(name, names);
  return hint || (names.length ? ` (${kind}s: ${names.join(', ')})` : '');
}

function checkStage(
  report: Report,
  raw: RawProject,
  stage: RawStage,
  i: number,
  warehouseNames: readonly string[],
  stageNames: readonly string[],
): void {
  const at: PathSegment[] = ['stages', i];
  const { steps: inflated, problems: taskProblems } = inflateSteps(raw, stage, i);
  for (const p of taskProblems) report(p.at, p.message);
  stage.promotionTemplate.steps.forEach((step, k) => {
    if ((step.uses === undefined) === (step.task === undefined)) {
      report(
        [...at, 'promotionTemplate', 'steps', k],
        step.uses === undefined
          ? 'a step needs uses (a built-in step) or task (a promotion task)'
          : 'a step has either uses or task, not both',
      );
    }
  });
  // Problems in a task's step point at the task, where the fix goes.
  for (const p of planWorkspace(raw.project, planStage(stage, inflated)).problems) {
    const [first, second, index, ...rest] = p.at;
    const source =
      first === 'promotionTemplate' && second === 'steps' && typeof index === 'number'
        ? inflated[index]?.source
        : undefined;
    report(source ? [...source, ...rest] : [...at, ...p.at], p.message);
  }
  if (stage.branch !== undefined) {
    const why = branchNameProblem(stage.branch);
    if (why)
      report([...at, 'branch'], `invalid branch name ${JSON.stringify(stage.branch)}: ${why}`);
  }

  const origins = new Map<string, number>();
  stage.requestedFreight.forEach((request, r) => {
    const rat: PathSegment[] = [...at, 'requestedFreight', r];
    const origin = request.origin.name;
    if (!warehouseNames.includes(origin)) {
      report(
        [...rat, 'origin', 'name'],
        `unknown warehouse ${JSON.stringify(origin)}${known('warehouse', origin, warehouseNames)}`,
      );
    }
    const earlier = origins.get(origin);
    if (earlier !== undefined) {
      report(
        [...rat, 'origin', 'name'],
        `warehouse ${JSON.stringify(origin)} is requested twice by stage ${JSON.stringify(stage.name)} (also requestedFreight[${earlier}])`,
      );
    } else {
      origins.set(origin, r);
    }

    const upstream = request.sources.stages ?? [];
    if (request.sources.direct !== true && upstream.length === 0) {
      report(
        [...rat, 'sources'],
        'sources must set direct: true (take freight from the warehouse) or list upstream stages in stages',
      );
    }
    // Kargo's rule: MatchUpstream follows exactly one upstream stage.
    if (
      request.sources.autoPromotionOptions?.selectionPolicy === 'MatchUpstream' &&
      (request.sources.direct === true || upstream.length !== 1)
    ) {
      report(
        [...rat, 'sources', 'autoPromotionOptions', 'selectionPolicy'],
        `MatchUpstream takes the freight of exactly one upstream stage; this request ${request.sources.direct === true ? 'takes freight from the warehouse directly' : `lists ${upstream.length} upstream stages`}: use NewestFreight, or list one stage in stages`,
      );
    }
    upstream.forEach((name, u) => {
      const sat: PathSegment[] = [...rat, 'sources', 'stages', u];
      if (name === stage.name) {
        report(sat, `stage ${JSON.stringify(name)} cannot take freight from itself`);
        return;
      }
      const target = raw.stages.find((s) => s.name === name);
      if (!target) {
        report(
          sat,
          `unknown stage ${JSON.stringify(name)}${known(
            'stage',
            name,
            stageNames.filter((n) => n !== stage.name),
          )}`,
        );
        return;
      }
      if (!target.requestedFreight.some((req) => req.origin.name === origin)) {
        report(
          sat,
          `upstream stage ${JSON.stringify(name)} does not request freight from warehouse ${JSON.stringify(origin)}, so it can never pass that freight on`,
        );
      }
    });
  });

  checkMetrics(report, [...at, 'verification'], stage.verification ?? []);

  const aliases = new Map<string, number>();
  stage.promotionTemplate.steps.forEach((step, s) => {
    if (step.as === undefined) return;
    const earlier = aliases.get(step.as);
    if (earlier !== undefined) {
      report(
        [...at, 'promotionTemplate', 'steps', s, 'as'],
        `duplicate step alias ${JSON.stringify(step.as)}: steps[${earlier}] already uses it`,
      );
    } else {
      aliases.set(step.as, s);
    }
  });
}

/**
 * A stage's verification metrics: unique names, Argo Rollouts' ValidateMetric rules (count versus
 * the limits, interval when count > 1) on the count gantry will really take, and conditions that
 * parse. Conditions holding `${{ }}` are only parsed once rendered, when verification runs.
 */
function checkMetrics(report: Report, at: readonly PathSegment[], metrics: readonly RawMetric[]) {
  const names = new Map<string, number>();
  metrics.forEach((metric, i) => {
    const mat: PathSegment[] = [...at, i];
    const earlier = names.get(metric.name);
    if (earlier !== undefined) {
      report(
        [...mat, 'name'],
        `duplicate verification metric name ${JSON.stringify(metric.name)}: verification[${earlier}] already uses it`,
      );
    } else {
      names.set(metric.name, i);
    }
    const count = metric.count ?? 1;
    for (const field of ['failureLimit', 'inconclusiveLimit'] as const) {
      const limit = metric[field];
      if (limit === undefined || count >= limit) continue;
      if (metric.count !== undefined) {
        report([...mat, 'count'], `count (${count}) must be at least ${field} (${limit})`);
      } else {
        const forever =
          metric.interval !== undefined
            ? ' (Argo Rollouts measures forever when interval is set without count; a verification must end)'
            : '';
        report(
          [...mat, field],
          `${field} (${limit}) needs count set to at least ${limit}: without count gantry takes 1 measurement${forever}`,
        );
      }
    }
    if (count > 1 && metric.interval === undefined) {
      report(
        [...mat, 'count'],
        `interval must be set when count is more than 1 (the time between measurements, e.g. interval: 30s)`,
      );
    }
    for (const field of ['successCondition', 'failureCondition'] as const) {
      const source = metric[field];
      if (source === undefined || hasExpression(source)) continue;
      try {
        compileExpr(source);
      } catch (err) {
        report([...mat, field], `invalid ${field}: ${errorMessage(err)}`);
      }
    }
  });
}

/**
 * Freight flows from upstream to downstream stages; a cycle means no freight can ever enter it.
 * Each cycle is reported once, in flow order starting from the stage that comes first in the file,
 * at the `sources.stages` entry of that stage which closes the loop.
 */
function checkCycles(report: Report, stages: readonly RawStage[]): void {
  const index = new Map<string, number>();
  stages.forEach((s, i) => {
    if (!index.has(s.name)) index.set(s.name, i);
  });
  // upstreams[i]: indexes of the stages stage i takes freight from (known stages, not itself).
  const upstreams = stages.map((s) => {
    const out = new Set<number>();
    for (const req of s.requestedFreight) {
      for (const name of req.sources.stages ?? []) {
        const j = index.get(name);
        if (j !== undefined && stages[j]?.name !== s.name) out.add(j);
      }
    }
    return [...out];
  });

  const state = new Array<0 | 1 | 2>(stages.length).fill(0); // 0 new, 1 on stack, 2 done
  const stack: number[] = [];
  const reported = new Set<string>();

  const visit = (i: number): void => {
    state[i] = 1;
    stack.push(i);
    for (const j of upstreams[i] ?? []) {
      if (state[j] === 1) {
        // stack from j to the end: j <- ... <- i <- j in "takes from" terms.
        const loop = stack.slice(stack.indexOf(j));
        // Flow order is the reverse of "takes from" order.
        const flow = [...loop].reverse();
        const start = flow.indexOf(Math.min(...flow));
        const rotated = [...flow.slice(start), ...flow.slice(0, start)];
        const key = rotated.join(',');
        const first = rotated[0];
        const feeder = rotated.at(-1);
        if (!reported.has(key) && first !== undefined && feeder !== undefined) {
          reported.add(key);
          const names = [...rotated, first].map((k) => stages[k]?.name ?? '?');
          report(entryFor(stages, first, feeder), `stages form a cycle: ${names.join(' -> ')}`);
        }
      } else if (state[j] === 0) {
        visit(j);
      }
    }
    stack.pop();
    state[i] = 2;
  };
  stages.forEach((_, i) => {
    if (state[i] === 0) visit(i);
  });
}

/** Path of the `sources.stages` entry by which stage `i` takes freight from stage `j`. */
function entryFor(stages: readonly RawStage[], i: number, j: number): PathSegment[] {
  const target = stages[j]?.name ?? '';
  for (const [r, request] of (stages[i]?.requestedFreight ?? []).entries()) {
    const u = (request.sources.stages ?? []).indexOf(target);
    if (u >= 0) return ['stages', i, 'requestedFreight', r, 'sources', 'stages', u];
  }
  return ['stages', i, 'name'];
}
