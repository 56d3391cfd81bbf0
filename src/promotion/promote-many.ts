/**
 * One freight to several stages at once: `--stage a,b`, or Kargo's "promote to downstream" (every
 * stage that requests freight from a given stage). Each stage is promoted on its own, exactly as
 * a single promotion is, with its own gates (availability from its upstream stages or an
 * approval, the run's environment gate); one stage refusing or failing does not keep the others
 * from running or hide their results.
 */
import { findStage, type Project } from '../pipeline/index.js';
import { ConfigError, errorMessage } from '../util/errors.js';
import { promote, type PromoteOptions, type PromoteOutcome } from './promote.js';

export interface StageResult {
  stage: string;
  outcome?: PromoteOutcome;
  /** Why the stage was not promoted: its gate refused, the freight was not available, a step failed. */
  error?: string;
}

/**
 * The stages that take freight from `upstream` (its name in a request's `sources.stages`), in
 * the project's order: Kargo's downstream stages.
 */
export function downstreamStages(project: Project, upstream: string): string[] {
  findStage(project, upstream);
  const names = project.stages
    .filter((s) => s.requestedFreight.some((r) => r.sources.stages.includes(upstream)))
    .map((s) => s.name);
  if (!names.length) {
    throw new ConfigError(
      `no stage of project ${project.name} requests freight from ${upstream}: nothing is downstream of it`,
    );
  }
  return names;
}

/** `a,b , c` → the stage names, each checked to exist before anything runs. */
export function stageList(project: Project, text: string): string[] {
  const names = [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  if (!names.length) throw new ConfigError('no stage given: name one or more, a,b');
  for (const n of names) findStage(project, n);
  return names;
}

/**
 * The freight `--downstream-of S` delivers when none is named: the one S runs now, as Kargo's
 * "promote to downstream" offers the stage's own freight. Undefined when S runs several (one per
 * warehouse) or none: the caller must then name it.
 */
export async function upstreamFreight(
  o: Pick<PromoteOptions, 'project' | 'store'>,
  upstream: string,
): Promise<string> {
  const stage = findStage(o.project, upstream);
  const state = (await o.store.stageStates(o.project.name, [stage])).get(upstream);
  const current = state?.freight ?? [];
  if (current.length === 1) return (current[0] as { id: string }).id;
  throw new ConfigError(
    current.length
      ? `${upstream} runs ${current.length} freight (one per warehouse): name the one to deliver with freight`
      : `${upstream} runs no freight yet: promote it first, or name the freight to deliver`,
  );
}

/**
 * Promote each stage in turn (they may deploy from the same branch: one after the other, no
 * push races between them), with the options of a single promotion. Every stage gets a result.
 */
export async function promoteMany(
  o: Omit<PromoteOptions, 'stage'>,
  stages: readonly string[],
): Promise<StageResult[]> {
  const results: StageResult[] = [];
  for (const stage of stages) {
    try {
      results.push({ stage, outcome: await promote({ ...o, stage }) });
    } catch (err) {
      o.log(`${stage}: ${errorMessage(err)}`);
      results.push({ stage, error: errorMessage(err) });
    }
  }
  return results;
}
