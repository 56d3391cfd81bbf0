/**
 * What a promotion template's git steps will do, read from the project file before anything runs:
 * the checkouts `git-clone` makes, where `git-push` sends each, which pull requests `git-open-pr`
 * opens, and from those the branch the stage deploys from. `gantry lint` reports a template that
 * cannot work (a path outside every checkout, two pushes to the stage's branch, a push straight to
 * the branch a pull request targets); the loader takes the stage's branch from here when the
 * stage does not name one, so reads and writes agree on where the stage's state file lives.
 *
 * Values are known when they are literals or expressions over `ctx.project`, `ctx.stage` and the
 * template's vars (Kargo's `stage/${{ ctx.stage }}`); anything that needs the freight or a step's
 * outputs is only known when the promotion runs, and is left undefined here.
 */
import { posix } from 'node:path';
import { hasExpression, renderTemplate } from '../expr/index.js';
import type { PathSegment } from './source.js';

/** The template fields the plan reads (raw or parsed: both have these shapes). */
export interface PlanStep {
  uses: string;
  as?: string;
  config?: Record<string, unknown>;
  /** The step's own vars (and a task's inputs), after the template's. */
  vars?: readonly { name: string; value: unknown }[];
}

/** A raw stage with its template's steps replaced by the inflated ones (tasks expanded). */
export function planStage(
  stage: { name: string; branch?: string; promotionTemplate: { vars?: PlanTemplate['vars'] } },
  inflated: readonly {
    step: { uses?: string; as?: string; config?: Record<string, unknown>; vars?: PlanStep['vars'] };
    vars: PlanStep['vars'];
  }[],
): { name: string; branch?: string; promotionTemplate: PlanTemplate } {
  return {
    name: stage.name,
    ...(stage.branch !== undefined ? { branch: stage.branch } : {}),
    promotionTemplate: {
      vars: stage.promotionTemplate.vars ?? [],
      steps: inflated.map(({ step, vars }) => ({
        uses: step.uses ?? '',
        ...(step.as !== undefined ? { as: step.as } : {}),
        ...(step.config ? { config: step.config } : {}),
        vars: [...(vars ?? []), ...(step.vars ?? [])],
      })),
    },
  };
}

export interface PlanTemplate {
  vars?: readonly { name: string; value: unknown }[];
  steps: readonly PlanStep[];
}

export interface PlannedCheckout {
  /** Index of the git-clone step. */
  step: number;
  /** Index in its `checkout` list. */
  entry: number;
  /** Normalized, relative to the workspace (`out`, `src/app`). */
  path: string;
  repoURL?: string;
  branch?: string;
  create: boolean;
  /** A fixed commit or tag (detached): nothing can be pushed back to a branch from it by default. */
  detached: boolean;
}

export interface PlannedPush {
  step: number;
  path: string;
  /** The branch pushed to: targetBranch, the generated branch, or the checkout's branch. */
  target?: string;
  generated: boolean;
  tag: boolean;
  force: boolean;
  repoURL?: string;
}

export interface PlannedPullRequest {
  step: number;
  target?: string;
  repoURL?: string;
}

export interface PlanProblem {
  /** Path below the stage (`['promotionTemplate', 'steps', 2, 'config', 'path']`). */
  at: PathSegment[];
  message: string;
}

export interface WorkspacePlan {
  /** The template makes its own checkouts (has a git-clone step): Kargo's workspace model. */
  workspace: boolean;
  checkouts: PlannedCheckout[];
  pushes: PlannedPush[];
  pullRequests: PlannedPullRequest[];
  /**
   * The branch the stage deploys from: the stage's `branch:` when set; else the one branch the
   * template pushes to (or opens its pull requests into) when that is known before it runs.
   */
  stageBranch?: string;
  problems: PlanProblem[];
}

/** The branch gantry pushes `generateTargetBranch` to: one per stage, the pull request's head. */
export function generatedBranch(project: string, stage: string): string {
  return `gantry/promote/${project}/${stage}`;
}

/** Config fields that hold workspace paths, and lists of them. */
const PATH_FIELDS = ['path', 'inPath', 'outPath', 'outFile', 'bodyFromFile'] as const;
const PATH_LISTS = ['paths', 'valuesFiles', 'inFiles'] as const;
/**
 * Whether a step's path field names what the step writes (its output) rather than what it reads.
 * A written path may lie outside every checkout, in the workspace's scratch space, as in Kargo
 * (its oci-download page downloads `./chart.tgz` for helm-template to read): it is simply not
 * committed.
 */
function writes(uses: string, key: string): boolean {
  return key === 'outPath' || key === 'outFile' || (key === 'path' && uses === 'file-write');
}
/** Steps whose `path` must name a checkout itself, not a file inside one. */
const CHECKOUT_STEPS = new Set(['git-clear', 'git-commit', 'git-push', 'git-tag', 'github-push']);
/** Steps that only make sense on a checkout git-clone made. */
const NEEDS_CLONE = new Set([
  'git-push',
  'github-push',
  'git-tag',
  'git-open-pr',
  'git-wait-for-pr',
  'git-merge-pr',
]);

/** `./out/` → `out`, `.` → `.`; undefined for a path that leaves the workspace. */
export function normalizeWorkspacePath(p: string): string | undefined {
  if (p.includes('\0') || posix.isAbsolute(p.replace(/\\/g, '/')) || /^[A-Za-z]:/.test(p)) {
    return undefined;
  }
  const n = posix.normalize(p.replace(/\\/g, '/'));
  const trimmed = n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
  const out = trimmed === '' ? '.' : trimmed;
  return out === '..' || out.startsWith('../') ? undefined : out;
}

/** Whether `p` is `dir` or lies below it (both normalized). */
export function within(p: string, dir: string): boolean {
  return dir === '.' || p === dir || p.startsWith(`${dir}/`);
}

export function planWorkspace(
  project: string,
  stage: { name: string; branch?: string; promotionTemplate: PlanTemplate },
): WorkspacePlan {
  const template = stage.promotionTemplate;
  const steps = template.steps;
  const plan: WorkspacePlan = {
    workspace: steps.some((s) => s.uses === 'git-clone'),
    checkouts: [],
    pushes: [],
    pullRequests: [],
    problems: [],
  };
  let vars: Record<string, unknown> = {};
  const env = () => ({ ctx: { project, stage: stage.name }, vars });
  // Template vars in order, each seeing the ones before it; one that needs the freight stays out.
  for (const v of template.vars ?? []) {
    try {
      vars[v.name] = renderTemplate(String(v.value), env());
    } catch {
      // Known only when the promotion runs.
    }
  }
  const known = (value: unknown): string | undefined => {
    if (typeof value !== 'string') return undefined;
    if (!hasExpression(value)) return value;
    try {
      const out = renderTemplate(value, env());
      return typeof out === 'string' ? out : undefined;
    } catch {
      return undefined;
    }
  };
  const stepAt = (i: number, ...rest: PathSegment[]): PathSegment[] => [
    'promotionTemplate',
    'steps',
    i,
    ...rest,
  ];
  const problem = (at: PathSegment[], message: string) => plan.problems.push({ at, message });
  /** Paths steps wrote outside every checkout: fine when a later step reads them. */
  const scratch: {
    path: string;
    at: PathSegment[];
    /** `step 3 (oci-download): outPath "./chart.tgz"` */
    subject: string;
    checkouts: string;
    read: boolean;
    reported: boolean;
  }[] = [];
  const label = (s: PlanStep, i: number) =>
    `step ${i + 1} (${s.uses}${s.as ? ` ${JSON.stringify(s.as)}` : ''})`;

  steps.forEach((step, i) => {
    const config = step.config ?? {};
    // The step's vars shadow the template's while its fields are read.
    const saved = vars;
    vars = { ...saved };
    for (const v of step.vars ?? []) {
      let value: unknown;
      try {
        value = renderTemplate(String(v.value), env());
      } catch {
        // Known only when the promotion runs: the template's value must not stand in for it.
        value = undefined;
      }
      const { [v.name]: _shadowed, ...rest } = vars;
      vars = value === undefined ? rest : { ...rest, [v.name]: value };
    }
    try {
      planStep(step, i, config);
    } finally {
      vars = saved;
    }
  });
  function planStep(step: PlanStep, i: number, config: Record<string, unknown>): void {
    if (step.uses === 'git-clone') {
      const list = Array.isArray(config['checkout']) ? (config['checkout'] as unknown[]) : [];
      const repoURL = known(config['repoURL']);
      list.forEach((raw, e) => {
        const c = (raw ?? {}) as Record<string, unknown>;
        const written = known(c['path']);
        if (written === undefined) {
          if (c['path'] !== undefined) {
            problem(
              stepAt(i, 'config', 'checkout', e, 'path'),
              `${label(step, i)}: a checkout path must be known before the promotion runs (a literal, or an expression over ctx.stage and vars)`,
            );
          }
          return;
        }
        const path = normalizeWorkspacePath(written);
        if (path === undefined || path === '.') {
          problem(
            stepAt(i, 'config', 'checkout', e, 'path'),
            `${label(step, i)}: checkout path ${JSON.stringify(written)} ${path === '.' ? 'is the workspace itself; give each checkout its own directory (./src, ./out)' : 'leaves the workspace'}`,
          );
          return;
        }
        const clash = plan.checkouts.find((o) => within(path, o.path) || within(o.path, path));
        if (clash) {
          problem(
            stepAt(i, 'config', 'checkout', e, 'path'),
            `${label(step, i)}: checkout path ${JSON.stringify(written)} ${clash.path === path ? 'is used twice' : `overlaps the checkout at ./${clash.path}`} (step ${clash.step + 1})`,
          );
          return;
        }
        for (const w of scratch.filter((w) => !w.reported)) {
          if (within(w.path, path) || within(path, w.path)) {
            w.reported = true;
            problem(
              w.at,
              `${w.subject} is where ${label(step, i)} makes its checkout ./${path}: git-clone needs that directory empty; write it after that step`,
            );
          }
        }
        const branch = known(c['branch']);
        plan.checkouts.push({
          step: i,
          entry: e,
          path,
          ...(repoURL !== undefined ? { repoURL } : {}),
          ...(branch !== undefined ? { branch } : {}),
          create: c['create'] === true,
          detached: c['commit'] !== undefined || c['tag'] !== undefined,
        });
      });
      return;
    }

    if (!plan.workspace) {
      if (NEEDS_CLONE.has(step.uses)) {
        problem(
          stepAt(i, 'uses'),
          `${label(step, i)}: ${step.uses} works on a checkout that a git-clone step made, and this template has none. Without git-clone, gantry checks out the stage's branch and commits and pushes it itself: remove this step, or add git-clone and the git-commit/git-push that go with it`,
        );
      }
      return;
    }

    // Paths later steps use must lie in a checkout made before them.
    const before = plan.checkouts.filter((c) => c.step < i);
    const checkPath = (value: unknown, at: PathSegment[], what: string, key: string) => {
      const written = known(value);
      if (written === undefined) return undefined;
      const path = normalizeWorkspacePath(written);
      if (path === undefined) {
        problem(at, `${label(step, i)}: ${what} ${JSON.stringify(written)} leaves the workspace`);
        return undefined;
      }
      const checkouts = before.map((c) => `./${c.path}`).join(', ') || 'none yet';
      if (CHECKOUT_STEPS.has(step.uses) && what === 'path') {
        if (!before.some((c) => c.path === path)) {
          problem(
            at,
            `${label(step, i)}: path ${JSON.stringify(written)} is not a checkout (checkouts made before this step: ${checkouts})`,
          );
          return undefined;
        }
        return path;
      }
      if (!before.some((c) => within(path, c.path))) {
        const subject = `${label(step, i)}: ${what} ${JSON.stringify(written)}`;
        if (writes(step.uses, key)) {
          scratch.push({ path, at, subject, checkouts, read: false, reported: false });
          return path;
        }
        const from = scratch.filter((w) => within(path, w.path) || within(w.path, path));
        if (from.length) for (const w of from) w.read = true;
        else {
          problem(
            at,
            `${subject} is outside every checkout (checkouts made before this step: ${checkouts}), and no step before it writes it there`,
          );
        }
      }
      return path;
    };
    let path: string | undefined;
    for (const key of PATH_FIELDS) {
      if (config[key] === undefined) continue;
      const p = checkPath(config[key], stepAt(i, 'config', key), key, key);
      if (key === 'path') path = p;
    }
    for (const key of PATH_LISTS) {
      const list = config[key];
      if (!Array.isArray(list)) continue;
      list.forEach((v, n) => {
        // delete's globs are matched when it runs.
        if (typeof v === 'string' && !/[*?[]/.test(v)) {
          checkPath(v, stepAt(i, 'config', key, n), `${key}[${n}]`, key);
        }
      });
    }

    if (step.uses === 'git-push' || step.uses === 'github-push') {
      const checkout = before.find((c) => c.path === path);
      const generated = config['generateTargetBranch'] === true;
      const tag = config['tag'] !== undefined;
      const target = generated
        ? generatedBranch(project, stage.name)
        : config['targetBranch'] !== undefined
          ? known(config['targetBranch'])
          : tag
            ? undefined
            : checkout?.branch;
      if (config['force'] === true && !generated) {
        problem(
          stepAt(i, 'config', 'force'),
          `${label(step, i)}: gantry never force-pushes a branch that others may write; drop force (a push that loses a race runs the template again on the new tip), or push with generateTargetBranch: true`,
        );
      }
      plan.pushes.push({
        step: i,
        path: path ?? '',
        ...(target !== undefined ? { target } : {}),
        generated,
        tag,
        force: config['force'] === true,
        ...(checkout?.repoURL !== undefined ? { repoURL: checkout.repoURL } : {}),
      });
    }
    if (step.uses === 'git-open-pr') {
      const target = known(config['targetBranch']);
      const repoURL = known(config['repoURL']);
      plan.pullRequests.push({
        step: i,
        ...(target !== undefined ? { target } : {}),
        ...(repoURL !== undefined ? { repoURL } : {}),
      });
    }
  }

  for (const w of scratch.filter((w) => !w.read && !w.reported)) {
    problem(
      w.at,
      `${w.subject} is outside every checkout (checkouts made before this step: ${w.checkouts}), and no later step reads it: it would be lost with the workspace; write it into a checkout`,
    );
  }
  if (!plan.workspace) {
    if (stage.branch !== undefined) plan.stageBranch = stage.branch;
    return plan;
  }
  decideStageBranch(plan, stage.branch, stepAt, label, steps);
  return plan;
}

function decideStageBranch(
  plan: WorkspacePlan,
  declared: string | undefined,
  stepAt: (i: number, ...rest: PathSegment[]) => PathSegment[],
  label: (s: PlanStep, i: number) => string,
  steps: readonly PlanStep[],
): void {
  const branchPushes = plan.pushes.filter((p) => !p.tag);
  const prTargets = plan.pullRequests.map((p) => p.target);
  // Where the stage's manifests land: the pull requests' base, or the branches pushed to directly.
  const landing = plan.pullRequests.length
    ? prTargets
    : branchPushes.filter((p) => !p.generated).map((p) => p.target);
  if (declared !== undefined) plan.stageBranch = declared;
  else if (landing.length && landing.every((t) => t !== undefined)) {
    const distinct = [...new Set(landing)];
    if (distinct.length === 1) plan.stageBranch = distinct[0];
  }
  const stage = plan.stageBranch;
  if (!branchPushes.length && !plan.pullRequests.length) {
    const tags = plan.pushes.filter((p) => p.tag).map((p) => p.step + 1);
    plan.problems.push({
      at: ['promotionTemplate', 'steps'],
      message: tags.length
        ? `the template clones but pushes only tags (step ${tags.join(' and ')}): nothing it does would reach the branch the stage deploys from; push the checkout of that branch with git-push`
        : 'the template clones but never pushes (no git-push step): nothing it does would reach the branch the stage deploys from',
    });
    return;
  }
  if (stage === undefined) {
    plan.problems.push({
      at: ['promotionTemplate', 'steps'],
      message: `gantry cannot tell which branch this stage deploys from: the template ${landing.length ? `lands on ${[...new Set(landing.map((t) => t ?? '(a branch known only when it runs)'))].join(', ')}` : 'pushes only to a generated branch'}. Set the stage's branch: (the branch Argo CD or Flux reads), so that gantry reads and writes its state there`,
    });
    return;
  }
  // A template that opens a pull request can never push to that pull request's base itself.
  for (const pr of plan.pullRequests) {
    for (const push of branchPushes) {
      if (push.target !== undefined && push.target === (pr.target ?? stage)) {
        plan.problems.push({
          at: stepAt(push.step, 'config'),
          message: `${label(steps[push.step] ?? { uses: 'git-push' }, push.step)} pushes straight to ${push.target}, the branch that ${label(steps[pr.step] ?? { uses: 'git-open-pr' }, pr.step)} opens a pull request into: the pull request would be bypassed. Push to a generated branch (generateTargetBranch: true) and let the merge land it`,
        });
      }
    }
  }
  if (!plan.pullRequests.length) {
    const toStage = branchPushes.filter((p) => p.target === stage);
    // A branch of the same name in another repository is not the stage's (unknown URLs count
    // as the same repository: lint cannot tell them apart).
    const second = toStage.find((p, k) => toStage.slice(0, k).some((q) => q.repoURL === p.repoURL));
    if (second) {
      const both = toStage.filter((p) => p.repoURL === second.repoURL);
      plan.problems.push({
        at: stepAt(second.step),
        message: `the template pushes to the stage's branch ${stage} twice (steps ${both.map((p) => p.step + 1).join(' and ')}): a promotion is one commit there, carrying the stage's state; push once`,
      });
    }
    if (!toStage.length && branchPushes.every((p) => p.target !== undefined)) {
      plan.problems.push({
        at: ['branch'],
        message: `the stage deploys from ${stage}, but the template never pushes there (it pushes to ${[...new Set(branchPushes.map((p) => p.target))].join(', ')}); fix the stage's branch or the push's targetBranch`,
      });
    }
  }
}
