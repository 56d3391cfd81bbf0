/**
 * Kargo's PromotionTasks: a template step `task: {name, kind}` is replaced by the task's steps
 * when the project is read (Kargo inflates them when it creates a Promotion; the result is the
 * same). Each inflated step gets the alias `<task alias>::<step alias>` (the task step's `as`,
 * else `task-<n>`; a task step's own `as`, else `step-<n>`, both 1-based), and the task's vars:
 * its defaults for those the template's vars do not set, then the task step's vars. A task var
 * with no default that neither sets is an error, as is a task that uses another task.
 *
 * Every step, inflated or not, keeps where it was written (`source`), so that problems and the
 * expression checks point at the line a user can edit: the task's step, not the template's.
 */
import type { RawProject, RawStage, RawStep, RawVar } from './raw.js';
import type { PathSegment } from './source.js';

/** Kargo's separator between a task's alias and its steps' aliases. */
export const TASK_ALIAS_SEPARATOR = '::';

export interface InflatedStep {
  step: RawStep;
  /** Kargo's alias: `as`, or `step-<n>` / `task-<n>::step-<m>` (1-based). */
  alias: string;
  /** Extra vars (the task's inputs) placed before the step's own. */
  vars: RawVar[];
  /** Where the step is written: `['stages', i, 'promotionTemplate', 'steps', k]` or a task's. */
  source: PathSegment[];
}

export interface TaskProblem {
  at: PathSegment[];
  message: string;
}

/** The alias Kargo gives the step at 0-based `index` of a template or task. */
export function defaultAlias(step: Pick<RawStep, 'as' | 'task'>, index: number): string {
  return step.as ?? `${step.task ? 'task' : 'step'}-${index + 1}`;
}

/** The task a step alias belongs to (`promo::commit` → `promo`), if it was inflated from one. */
export function taskNamespace(alias: string): string | undefined {
  const parts = alias.split(TASK_ALIAS_SEPARATOR);
  return parts.length === 2 ? parts[0] : undefined;
}

export function inflateSteps(
  raw: RawProject,
  stage: RawStage,
  stageIndex: number,
): { steps: InflatedStep[]; problems: TaskProblem[] } {
  const template = stage.promotionTemplate;
  const at = (k: number, ...rest: PathSegment[]): PathSegment[] => [
    'stages',
    stageIndex,
    'promotionTemplate',
    'steps',
    k,
    ...rest,
  ];
  const steps: InflatedStep[] = [];
  const problems: TaskProblem[] = [];
  const tasks = raw.promotionTasks ?? [];
  template.steps.forEach((step, k) => {
    if (!step.task) {
      steps.push({ step, alias: defaultAlias(step, k), vars: [], source: at(k) });
      return;
    }
    const alias = defaultAlias(step, k);
    const kind = step.task.kind ?? 'PromotionTask';
    const t = tasks.findIndex(
      (x) => x.name === step.task?.name && (x.kind ?? 'PromotionTask') === kind,
    );
    const task = tasks[t];
    if (!task) {
      const names = tasks.filter((x) => (x.kind ?? 'PromotionTask') === kind).map((x) => x.name);
      problems.push({
        at: at(k, 'task', 'name'),
        message: `unknown ${kind} ${JSON.stringify(step.task.name)}${names.length ? ` (${kind}s: ${names.join(', ')})` : ` (the project defines no ${kind} in promotionTasks)`}`,
      });
      return;
    }
    // Kargo's rule: a template var that is set wins over the task's default; a step var over both.
    const fromTemplate = new Set(
      (template.vars ?? []).filter((v) => v.value !== '').map((v) => v.name),
    );
    const fromStep = new Set((step.vars ?? []).filter((v) => v.value !== '').map((v) => v.name));
    const vars: RawVar[] = [];
    for (const v of task.vars ?? []) {
      if (fromTemplate.has(v.name)) continue;
      if (v.value !== undefined && v.value !== '') {
        vars.push({ name: v.name, value: v.value });
        continue;
      }
      if (!fromStep.has(v.name)) {
        problems.push({
          at: at(k, 'task'),
          message: `${kind} ${JSON.stringify(task.name)} needs var ${JSON.stringify(v.name)}, which has no default: set it in the template's vars or in this step's vars`,
        });
      }
    }
    vars.push(...(step.vars ?? []));
    task.steps.forEach((inner, j) => {
      const source: PathSegment[] = ['promotionTasks', t, 'steps', j];
      if (inner.task) {
        problems.push({
          at: [...source, 'task'],
          message: `a promotion task cannot use another task (${JSON.stringify(inner.task.name)}); inline its steps`,
        });
        return;
      }
      steps.push({
        step: inner,
        alias: `${alias}${TASK_ALIAS_SEPARATOR}${defaultAlias(inner, j)}`,
        vars,
        source,
      });
    });
  });
  return { steps, problems };
}
