/**
 * A promotion whose template makes its own checkouts (Kargo's git steps): each attempt runs the
 * template in a fresh workspace; a push that lost a race starts the next attempt on the new tip,
 * within the store's bounds for races. The result is what reached the stage's branch: the commit
 * pushed there (or the pull request proposing it, or the merge of that pull request).
 */
import type { Freight } from '../freight/types.js';
import type { Stage } from '../pipeline/index.js';
import type { WorkspacePlan } from '../pipeline/workspace.js';
import {
  RaceLostError,
  type PromotionResult,
  type PromotionWrite,
  type PublishRequest,
  type Published,
  type StageState,
} from '../state/index.js';
import { ConfigError, OperationError, errorMessage } from '../util/errors.js';
import { retry } from '../util/retry.js';
import type { NotesBox, PromoteOptions, PromotionExprContext } from './promote.js';
import { secretValues } from './expr-data.js';
import { recordResume } from './resume.js';
import { runSteps } from './steps/engine.js';
import { Workspace, type StageLanding } from './workspace.js';
import { stepServices } from './step-services.js';

export interface WorkspacePromotion {
  options: PromoteOptions;
  stage: Stage;
  plan: WorkspacePlan;
  freight: Freight;
  /** The freight the steps see (this one, and what the stage runs from other warehouses). */
  collection: Freight[];
  approvedBy: string[];
  hold: PromotionWrite['autoPromotionHold'];
  /** Kargo's ctx.promotion, ctx.meta and the data of secret(): the same for every attempt. */
  exprContext: PromotionExprContext;
  /** How the stage's commit is published when not by a plain push (signed, or gantry's PR). */
  publish?: (p: PublishRequest) => Promise<Published>;
  /** What set-metadata and set-freight-alias record: a fresh recorder for each attempt. */
  notes?: NotesBox;
  /** The stage's state as the promotion's reads found it (at the seeded tip of its branch). */
  stageState?: StageState;
}

export async function promoteInWorkspace(a: WorkspacePromotion): Promise<PromotionResult> {
  const { options: o, stage, plan } = a;
  const first = plan.problems[0];
  if (first) throw new ConfigError(`stage ${stage.name}: ${first.message}`);
  const host = o.store.workspaceHost();
  const stageBranch = stage.branch ?? (await o.store.defaultBranch());
  const write: PromotionWrite = {
    project: o.project.name,
    stage: stage.name,
    branch: stageBranch,
    freight: a.freight,
    promotedBy: o.promotedBy,
    approvedBy: a.approvedBy,
    ...(o.run ? { run: o.run } : {}),
    autoPromotionHold: a.hold,
    dryRun: o.dryRun,
    ...(a.notes ? { stageMetadata: () => a.notes?.current?.ownStageMetadata() } : {}),
  };
  const now = host.retryHooks?.now ?? Date.now;
  const started = now();
  let attempts = 0;
  let transient = 0;
  // The stage's commit that an earlier attempt pushed before a later push of its template lost a
  // race: the attempts after it find the stage promoted already (git-commit is Skipped), and what
  // they report must still be that commit.
  let earlier: StageLanding | undefined;

  // The tips this promotion's reads fetched (taken before scratch() forgets them): the first
  // attempt checks those branches out from the read cache instead of fetching them again. Only
  // the first: an attempt after a lost race must see the branches as they are now.
  let seeds = host.seeds?.();
  const attempt = async (): Promise<PromotionResult> => {
    attempts++;
    const firstSeeds = seeds;
    seeds = undefined;
    // The tip the reads took the stage's state from: the state read is that commit's.
    const seedTip = firstSeeds?.tips.get(stageBranch);
    const scratch = await host.scratch();
    const ws = new Workspace({
      host,
      dir: scratch.dir,
      write,
      stageBranch,
      ...(firstSeeds ? { seeds: firstSeeds } : {}),
      ...(seedTip !== undefined ? { seedState: { tip: seedTip, state: a.stageState } } : {}),
      opensPullRequests: plan.pullRequests.length > 0,
      ...(a.publish ? { publish: a.publish } : {}),
      dryRun: o.dryRun,
      log: o.log,
      ...(o.github ? { github: o.github.repo } : {}),
    });
    try {
      await ws.init();
      let done: Awaited<ReturnType<typeof runSteps>>;
      try {
        done = await runSteps(
          stage.promotionTemplate,
          {
            worktree: ws.root,
            workspace: ws,
            project: o.project.name,
            stage: stage.name,
            freight: a.freight,
            freightCollection: a.collection,
            ...stepServices(o),
            ...(a.notes ? { notes: a.notes.fresh() } : {}),
            ...a.exprContext,
          },
          o.registry,
        );
      } catch (err) {
        const landed = ws.landing?.changed ? ws.landing : earlier;
        if (err instanceof RaceLostError && ws.landing?.changed && !o.dryRun) earlier = ws.landing;
        // A step after the stage's push failed: the promotion is on the branch; say so.
        if (landed?.changed && !o.dryRun && !(err instanceof RaceLostError)) {
          const what = landed.pullRequest
            ? `its pull request #${landed.pullRequest.number} is open (${landed.pullRequest.url})`
            : `it landed on ${stageBranch} as ${landed.commit.slice(0, 7)}`;
          // What this attempt's steps recorded about freight stands with the commit that landed.
          if (ws.landing?.changed && a.notes?.current) {
            const problems = await a.notes.current
              .write(o.store, o.log)
              .catch((e: unknown) => [
                `its freight metadata and alias records were not written: ${errorMessage(e)}`,
              ]);
            for (const p of problems) o.log(`warning: ${p}`);
          }
          const message = `${errorMessage(err)} (the promotion itself happened before this step: ${what})`;
          throw err instanceof ConfigError
            ? new ConfigError(message)
            : new OperationError(message, { cause: err });
        }
        throw err;
      }
      const landed = ws.landing && !ws.landing.changed && earlier ? earlier : ws.landing;
      if (!landed) {
        throw new OperationError(
          done.pending
            ? `${done.pending.message}, but nothing was pushed for ${stageBranch} before it: nothing was promoted`
            : `the template ran, but no step pushed the stage's checkout of ${stageBranch}: nothing was promoted (add git-commit and git-push for the checkout of ${stageBranch})`,
        );
      }
      const pullRequest = landed.pullRequest ?? done.pending?.pullRequest;
      // Steps after the wait run when the pull request is merged: say where to go on from.
      if (done.pending?.pullRequest && ws.github && !o.dryRun) {
        const wait = done.statuses.length - 1;
        const why = await recordResume(
          ws.github,
          done.pending.pullRequest.number,
          {
            v: 1,
            project: o.project.name,
            stage: stage.name,
            freight: a.freight.id,
            promotion: a.exprContext.promotion ?? '',
            wait,
            outputs: done.outputs,
            statuses: done.statuses,
          },
          stage.promotionTemplate.steps.length,
          a.exprContext.data ? secretValues(a.exprContext.data) : [],
        );
        if (why) o.log(`warning: ${why}`);
      }
      return {
        changed: landed.changed,
        commit: landed.commit,
        branch: stageBranch,
        ...(landed.previous ? { previous: landed.previous } : {}),
        changes: landed.changes,
        attempts,
        edits: done.summary,
        ...(landed.diff !== undefined ? { diff: landed.diff } : {}),
        ...(pullRequest && !landed.merged ? { pullRequest } : {}),
      };
    } finally {
      await scratch.remove();
    }
  };

  return retry(
    attempt,
    (err) =>
      err instanceof RaceLostError || (host.isTransient(err) && ++transient < host.transientTries),
    host.racePolicy,
    host.retryHooks,
  ).catch((err: unknown) => {
    if (err instanceof RaceLostError) {
      const seconds = ((now() - started) / 1000).toFixed(1);
      if (earlier) {
        throw new OperationError(
          `${a.freight.alias} was promoted into ${stage.name} (it landed on ${earlier.pushedTo} as ${earlier.commit.slice(0, 7)}), but a later push of its template kept losing races for ${attempts} tries in ${seconds} s (${err.message})`,
        );
      }
      throw new OperationError(
        `could not promote ${a.freight.alias} into ${stage.name}: the branches its template pushes kept moving for ${attempts} tries in ${seconds} s; nothing more was pushed, run the promotion again (${err.message})`,
      );
    }
    throw err;
  });
}
