import { newestFreight } from '../discovery/discover.js';
import type { Freight } from '../freight/types.js';
import type { Project, Stage } from '../pipeline/index.js';
import type { PromotionResult, StateStore } from '../state/index.js';
import { ConfigError, OperationError } from '../util/errors.js';
import { didYouMean } from '../util/suggest.js';
import {
  freightAvailability,
  promotionCandidate,
  resolveFreight,
  soakFromHistory,
  type AvailabilityFacts,
} from './availability.js';
import { mapWorkspacePath, runSteps, workspacePrefix } from './steps/engine.js';
import type { StepDefinition } from './steps/types.js';

export interface PromoteOptions {
  project: Project;
  stage: string;
  /** ID, ID prefix or alias; default: the newest freight available to the stage. */
  freight?: string;
  store: StateStore;
  registry: Map<string, StepDefinition>;
  /** Overrides the stage's promotionTemplate.mode. */
  mode?: 'direct' | 'pull-request';
  dryRun: boolean;
  promotedBy: string;
  approvedBy?: string[];
  run?: string;
  clock: () => Date;
  fetch: typeof fetch;
  log: (line: string) => void;
  /** How many promotions of history to read for soak times. */
  historyLimit?: number;
}

export interface PromoteOutcome {
  stage: string;
  /** Undefined when nothing was available to promote. */
  freight?: Freight;
  result?: PromotionResult;
  /** Why nothing happened, when nothing did. */
  note?: string;
  held: boolean;
}

/**
 * Every path the steps' configs name, for the sparse checkout; undefined (check out everything)
 * when a path is computed by an expression, known only when the step runs, or when a step works
 * on the whole tree (git-clear).
 */
export function stepPaths(stage: Stage): string[] | undefined {
  const steps = stage.promotionTemplate.steps;
  const prefix = workspacePrefix(steps);
  const paths: string[] = [];
  for (const step of steps) {
    if (step.uses === 'git-clear') return undefined;
    if (step.uses === 'git-clone') continue;
    const values: unknown[] = ['path', 'inPath', 'outPath'].map((k) => step.config[k]);
    const many = step.config['paths'];
    if (Array.isArray(many)) values.push(...(many as unknown[]));
    for (const v of values) {
      if (typeof v !== 'string') continue;
      if (v.includes('${{') || v.includes('${%')) return undefined;
      // A glob (delete's pathsAreGlobs) cannot be a sparse pattern of ours.
      if (/[*?[]/.test(v)) return undefined;
      paths.push(mapWorkspacePath(v, prefix).replace(/^\.?\/+/, ''));
    }
  }
  return paths.filter((p) => p !== '' && p !== '.').length === paths.length ? paths : undefined;
}

/**
 * Kargo's Promotion, run once: pick the freight (or check the one named is available to the
 * stage), run the stage's steps on a checkout of its branch, and commit manifests and state
 * together. Promoting older freight than the newest available holds auto-promotion (a
 * rollback); promoting the newest clears the hold.
 */
export async function promote(o: PromoteOptions): Promise<PromoteOutcome> {
  const stage = o.project.stages.find((s) => s.name === o.stage);
  if (!stage) {
    const names = o.project.stages.map((s) => s.name);
    throw new ConfigError(
      `no stage "${o.stage}" in project ${o.project.name}${didYouMean(o.stage, names)}`,
    );
  }
  const mode = o.mode ?? stage.promotionTemplate.mode;
  if (mode === 'pull-request') {
    throw new OperationError(
      `stage ${stage.name} promotes by pull request, which gantry does not do yet; set mode: direct to commit`,
    );
  }
  const now = o.clock();
  const [snap, states] = await Promise.all([
    o.store.snapshot(o.project.name),
    o.store.stageStates(o.project.name, o.project.stages),
  ]);
  const branches = [
    ...new Set(
      await Promise.all(
        o.project.stages.map(async (s) => s.branch ?? (await o.store.defaultBranch())),
      ),
    ),
  ];
  const history = await o.store.promotions(o.project.name, branches, o.historyLimit ?? 200);
  const facts: AvailabilityFacts = {
    verifications: snap.verifications,
    approvals: snap.approvals,
    project: o.project.name,
    ...soakFromHistory(history, snap.freight, now, states),
  };

  let freight: Freight;
  if (o.freight) {
    freight = resolveFreight(o.freight, snap.freight);
    const availability = freightAvailability(stage, freight, facts, now);
    if (!availability.available) {
      throw new OperationError(
        `freight ${freight.alias} (${freight.id.slice(0, 7)}) is not available to ${stage.name}: ${availability.reasons.join('; ')}`,
      );
    }
  } else {
    const candidates = promotionCandidate(stage, snap.freight, facts, now);
    const current = states.get(stage.name);
    const due = [...candidates.values()].find((f) => !current?.freight.some((c) => c.id === f.id));
    if (!due) {
      return {
        stage: stage.name,
        note: candidates.size
          ? 'the stage already runs the newest available freight'
          : 'no freight is available to this stage',
        held: false,
      };
    }
    freight = due;
  }

  // A rollback by hand (older than the newest of its warehouse available here) holds the stage.
  const available = snap.freight.filter(
    (f) =>
      f.origin.name === freight.origin.name && freightAvailability(stage, f, facts, now).available,
  );
  const newest = newestFreight(available);
  const held = Boolean(newest && newest.id !== freight.id);
  const state = states.get(stage.name);
  const collection = [
    ...(state?.freight ?? [])
      .filter((f) => f.origin.name !== freight.origin.name)
      .map((f) => snap.freight.find((x) => x.id === f.id))
      .filter((f): f is Freight => Boolean(f)),
    freight,
  ];
  const paths = stepPaths(stage);
  const result = await o.store.commitPromotion({
    project: o.project.name,
    stage: stage.name,
    branch: stage.branch,
    freight,
    promotedBy: o.promotedBy,
    approvedBy: o.approvedBy,
    run: o.run,
    paths,
    sparse: paths !== undefined,
    dryRun: o.dryRun,
    autoPromotionHold: held
      ? {
          since: now.toISOString(),
          by: o.promotedBy,
          reason: `promoted ${freight.alias}, older than the newest available ${newest?.alias}`,
        }
      : null,
    edit: async (worktree) => {
      const done = await runSteps(
        stage.promotionTemplate,
        {
          worktree,
          project: o.project.name,
          stage: stage.name,
          freight,
          freightCollection: collection,
          fetch: o.fetch,
          log: o.log,
        },
        o.registry,
      );
      return done.summary;
    },
  });
  return { stage: stage.name, freight, result, held };
}
