import { newestFreight } from '../freight/order.js';
import type { Freight } from '../freight/types.js';
import { findStage, type Project, type Stage } from '../pipeline/index.js';
import type { PromotionResult, StateStore } from '../state/index.js';
import type { GitHubPort, RunApproval } from '../github/client.js';
import { checkGate, type GateOutcome, type GateRun } from './gate.js';
import { ConfigError, OperationError, errorMessage } from '../util/errors.js';
import {
  freightAvailability,
  promotionCandidate,
  resolveFreight,
  soakFromHistory,
  type AvailabilityFacts,
} from './availability.js';
import {
  deploymentDescription,
  deploymentPayload,
  pullRequestPublisher,
  signedPublisher,
} from './publish.js';
import { mapWorkspacePath, runSteps, workspacePrefix } from './steps/engine.js';
import type { StepDefinition } from './steps/types.js';
import { settleAll, settled } from '../util/settle.js';

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
  /**
   * GitHub, when the GitOps repository is on it: pull requests, signed commits, deployments.
   * Without it only direct pushes are possible.
   */
  github?: PromoteGitHub;
  /**
   * The workflow run doing the promotion (actions only): it must have passed the environment
   * that gates the stage, checked before anything is committed, and its environment approvals
   * become Approved-By. Wherever the GitOps repository lives, the gate is this run's.
   */
  gate?: GateRun;
}

export interface PromoteGitHub {
  /** The GitOps repository's API. */
  repo: GitHubPort;
  /** Commit through GitHub's API, which signs the commit (createCommitOnBranch). */
  signCommits: boolean;
  /** Record each promotion as a deployment of the stage's environment (default true). */
  deployments: boolean;
}

export interface PromoteOutcome {
  stage: string;
  /** The GitHub deployment recorded for the promotion. */
  deployment?: { id: number; environment: string };
  /** Who approved the run's environment gate (recorded as Approved-By). */
  approvedBy?: string[];
  /** Things that went wrong after the promotion landed (a deployment GitHub refused, say). */
  warnings: string[];
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
  const stage = findStage(o.project, o.stage);
  const mode = o.mode ?? stage.promotionTemplate.mode;
  if (mode === 'pull-request' && !o.github) {
    throw new ConfigError(
      `stage ${stage.name} promotes by pull request, which needs the GitOps repository on GitHub and a token (the promote action's repository and token inputs); set mode: direct to push instead`,
    );
  }
  const now = o.clock();
  // The gate is asked about while the state is read; its answer is awaited before any write.
  const gate = o.gate ? settled(runGate(stage, o.gate)) : undefined;
  // History is read for soak times only: a project without requiredSoakTime does not pay for it.
  const soak = o.project.stages.some((s) =>
    s.requestedFreight.some((r) => r.sources.requiredSoakTimeMs),
  );
  const [snap, states, history] = await settleAll([
    o.store.snapshot(o.project.name),
    o.store.stageStates(o.project.name, o.project.stages),
    soak
      ? o.store
          .stageBranches(o.project.stages)
          .then((branches) => o.store.promotions(o.project.name, branches, o.historyLimit ?? 200))
      : Promise.resolve([]),
  ]);
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
    if (!due && !candidates.size) {
      // Say why the newest freight the stage asks for cannot enter it, and when it will.
      const requested = snap.freight.filter((f) =>
        stage.requestedFreight.some(
          (r) => r.origin.kind === f.origin.kind && r.origin.name === f.origin.name,
        ),
      );
      const blocked = newestFreight(requested);
      if (blocked) {
        const why = freightAvailability(stage, blocked, facts, now);
        throw new OperationError(
          `no freight is available to ${stage.name}; the newest, ${blocked.alias} (${blocked.id.slice(0, 7)}): ${why.reasons.join('; ')}`,
        );
      }
    }
    if (!due) {
      return {
        stage: stage.name,
        note: candidates.size
          ? 'the stage already runs the newest available freight'
          : 'no freight has been recorded for the warehouses this stage requests',
        held: false,
        warnings: [],
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
  const warnings: string[] = [];
  const approvedBy = [...(o.approvedBy ?? [])];
  // `gantry approve` grants count as approvals of the promotion they make possible.
  for (const a of snap.approvals) {
    if (
      a.project === o.project.name &&
      a.stage === stage.name &&
      a.freightId === freight.id &&
      !approvedBy.includes(a.approvedBy)
    ) {
      approvedBy.push(a.approvedBy);
    }
  }
  if (gate) {
    const g = await gate;
    if ('error' in g) throw g.error;
    for (const line of g.value.notes) o.log(line);
    for (const w of g.value.warnings) {
      warnings.push(w);
      o.log(`warning: ${w}`);
    }
    if (g.value.approvals instanceof Error) {
      const msg = `could not read the approvals of run ${o.gate?.id}: ${errorMessage(g.value.approvals)}`;
      warnings.push(msg);
      o.log(`warning: ${msg}`);
    } else {
      for (const a of g.value.approvals) {
        if (
          a.state === 'approved' &&
          a.environments.includes(stage.environment) &&
          !approvedBy.includes(a.login)
        ) {
          approvedBy.push(a.login);
        }
      }
    }
  }
  const publish =
    mode === 'pull-request' && o.github
      ? pullRequestPublisher({
          github: o.github.repo,
          project: o.project.name,
          stage: stage.name,
          freight,
          runUrl: o.run,
          signed: o.github.signCommits,
        })
      : o.github?.signCommits
        ? signedPublisher(o.github.repo)
        : undefined;
  const paths = stepPaths(stage);
  const result = await o.store.commitPromotion({
    project: o.project.name,
    stage: stage.name,
    branch: stage.branch,
    freight,
    promotedBy: o.promotedBy,
    approvedBy,
    run: o.run,
    paths,
    sparse: paths !== undefined,
    dryRun: o.dryRun,
    ...(publish ? { publish } : {}),
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
      // A Kargo template's git-commit message goes into the body, after what the steps changed.
      return done.commitMessage
        ? [...done.summary, '', ...done.commitMessage.split(/\r?\n/)]
        : done.summary;
    },
  });
  const outcome: PromoteOutcome = {
    stage: stage.name,
    freight,
    result,
    held,
    warnings,
    ...(approvedBy.length ? { approvedBy } : {}),
  };
  // A pull request is not a promotion yet: the deployment belongs to the merge.
  if (o.github?.deployments && result.changed && !o.dryRun && !result.pullRequest) {
    try {
      const d = await o.github.repo.createDeployment({
        ref: result.commit,
        environment: stage.environment,
        description: deploymentDescription(freight, result.changes),
        payload: deploymentPayload(
          o.project.name,
          stage.name,
          freight,
          result.branch,
          result.changes,
        ),
      });
      await o.github.repo.createDeploymentStatus({
        deploymentId: d.id,
        state: 'in_progress',
        description: `promoted; waiting for verification`,
        ...(o.run ? { logUrl: o.run } : {}),
      });
      outcome.deployment = { id: d.id, environment: stage.environment };
    } catch (err) {
      // The commit landed: the promotion happened. The Environments view is a mirror of it.
      const msg = `the promotion landed, but GitHub did not record its deployment: ${errorMessage(err)}`;
      warnings.push(msg);
      o.log(`warning: ${msg}`);
    }
  }
  return outcome;
}

/**
 * The run's environment reviews (they are also the promotion's Approved-By; a token that cannot
 * read them, it needs actions: read, costs the trailer), then the gate check that uses them.
 */
async function runGate(
  stage: Stage,
  run: GateRun,
): Promise<GateOutcome & { approvals: RunApproval[] | Error }> {
  const approvals = await run.api
    .runApprovals(run.id)
    .catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));
  return { ...(await checkGate(stage, run, approvals)), approvals };
}
