/**
 * The verify use case, shared by the CLI and the action: run a stage's verification for the
 * freight it runs now, record the verified tag when it succeeds, mirror the outcome on the
 * stage's GitHub deployment, and continue the chain: list the downstream stages for which the
 * freight is now due and, when asked, start their promotion workflow.
 */
import { newestFreight } from '../freight/order.js';
import type { Freight } from '../freight/types.js';
import type { DeploymentState, GitHubPort } from '../github/port.js';
import { dispatchPromotion, type DispatchTarget } from '../github/dispatch.js';
import { findStage, type Project, type Stage } from '../pipeline/index.js';
import { autoPromotionDecision } from '../pipeline/auto-promotion.js';
import {
  freightAvailability,
  resolveFreight,
  soakFromHistory,
  type AvailabilityFacts,
} from '../promotion/availability.js';
import { deploymentDescription, deploymentPayload } from '../promotion/publish.js';
import { freightFunctions } from '../expr/index.js';
import { notesFunctions, recordedMetadata } from '../promotion/notes.js';
import type {
  PromotionRecord,
  StageState,
  StateStore,
  VerificationRecord,
} from '../state/index.js';
import { OperationError, errorMessage } from '../util/errors.js';
import type { LogGroup } from '../util/log-group.js';
import { runAnalysis, type AnalysisResult, type ProviderRegistry, type Sleep } from './analysis.js';
import type { AnalysisPhase } from './types.js';
import { settleAll } from '../util/settle.js';

export interface VerifyOptions {
  project: Project;
  stage: string;
  /** ID, ID prefix or alias; default: the freight of the stage's latest promotion. */
  freight?: string;
  store: StateStore;
  providers: ProviderRegistry;
  /** Who verifies: the run's page, or a person at a terminal. */
  verifiedBy: string;
  run?: string;
  fetch: typeof fetch;
  env: Readonly<Record<string, string | undefined>>;
  secrets: readonly string[];
  clock: () => Date;
  sleep?: Sleep;
  /** The whole analysis may take at most this long. */
  timeoutMs?: number;
  log: (line: string) => void;
  /** Folds each metric's lines in the adapter's log (the Actions adapter; the CLI does not fold). */
  group?: LogGroup;
  /** The GitOps repository on GitHub: deployment statuses, and the github provider. */
  github?: GitHubPort;
  /** Start this workflow for each downstream promotion now due. */
  dispatch?: DispatchTarget;
}

/** A downstream stage this freight now reaches, or why it does not yet. */
export interface Downstream {
  stage: string;
  /** The freight to promote there (the stage's newest available, as auto-promotion picks). */
  freight?: { id: string; alias: string };
  due: boolean;
  /** Why it is not due: auto-promotion off, a hold, soak time, other upstream stages. */
  reason?: string;
  /** When soak time is all that is missing: the instant it will be over. */
  availableAt?: string;
  /** Set when a workflow was started for it, or failed to. */
  dispatched?: { workflow: string; error?: string };
}

export interface VerifyOutcome {
  stage: string;
  freight: Freight;
  /** The promotion commit that was verified. */
  commit: string;
  phase: AnalysisPhase;
  /** Undefined when nothing was measured (no metrics, or verified before). */
  analysis?: AnalysisResult;
  /** The freight was verified in the stage before this run: nothing was measured or written. */
  alreadyVerified: boolean;
  /** The freight is verified in the stage now. */
  verified: boolean;
  downstream: Downstream[];
  deployment?: { id: number; state: DeploymentState };
  warnings: string[];
}

/** One line per metric for the verified tag: `healthz: Successful (1 of 1)`. */
function recordSummary(analysis: AnalysisResult | undefined): string[] {
  if (!analysis) return ['no verification configured: verified when the promotion landed'];
  return analysis.metrics.map(
    (m) =>
      `${m.name}: ${m.phase} (${m.successful} successful, ${m.failed} failed, ${m.inconclusive} inconclusive, ${m.error} errors)`,
  );
}

/** What verify reads before it measures: the stage, the freight it runs, and its promotion. */
interface VerifyView {
  stage: Stage;
  snap: Awaited<ReturnType<StateStore['snapshot']>>;
  states: Map<string, StageState | undefined>;
  history: PromotionRecord[];
  freight: Freight;
  /** The commit that promoted the freight into the stage. */
  promotion: PromotionRecord;
  /** The stage branch's tip: the promotion commit or a commit after it. */
  commit: string;
  /** The freight's verification in the stage from an earlier run, if any. */
  before: VerificationRecord | undefined;
}

/**
 * Runs the stage's verification for the freight it runs, in three phases: measure (the analysis),
 * record (the verified tag, the deployment's status), continue the chain (downstream stages now
 * due, and their workflows started when asked).
 */
export async function verify(o: VerifyOptions): Promise<VerifyOutcome> {
  const view = await readView(o);
  const { analysis, phase } = view.before
    ? { phase: 'Successful' as const }
    : await measure(o, view);
  const record =
    phase === 'Successful' && !view.before ? await recordVerified(o, view, analysis) : undefined;
  const outcome: VerifyOutcome = {
    stage: view.stage.name,
    freight: view.freight,
    commit: view.commit,
    phase,
    ...(analysis ? { analysis } : {}),
    alreadyVerified: Boolean(view.before),
    verified: phase === 'Successful',
    downstream: [],
    warnings: [],
  };
  await mirrorOnDeployment(o, view, outcome);
  if (outcome.verified) await continueChain(o, view, outcome, record);
  return outcome;
}

async function readView(o: VerifyOptions): Promise<VerifyView> {
  const stage = findStage(o.project, o.stage);
  const branches = await o.store.stageBranches(o.project.stages);
  const [snap, states, history] = await settleAll([
    o.store.snapshot(o.project.name),
    o.store.stageStates(o.project.name, o.project.stages),
    o.store.promotions(o.project.name, branches, 200),
  ]);
  const state = states.get(stage.name);
  const ours = history.filter((p) => p.project === o.project.name && p.stage === stage.name);
  const latest = ours[0];

  let freight: Freight;
  if (o.freight) freight = resolveFreight(o.freight, snap.freight);
  else {
    const id = latest?.freightId ?? state?.freight[0]?.id;
    const found = id ? snap.freight.find((f) => f.id === id) : undefined;
    if (!found) {
      throw new OperationError(
        `${stage.name} runs no freight gantry knows of: promote something into it first`,
      );
    }
    freight = found;
  }
  // Kargo verifies what a stage runs: older freight's manifests are gone from the branch.
  if (!state?.freight.some((f) => f.id === freight.id)) {
    const running = state?.freight.map((f) => f.alias ?? f.id.slice(0, 7)).join(', ') || 'nothing';
    throw new OperationError(
      `freight ${freight.alias} (${freight.id.slice(0, 7)}) is not running in ${stage.name} (it runs ${running}); promote it first, or merge its pull request`,
    );
  }
  const promotion: PromotionRecord | undefined = ours.find((p) => p.freightId === freight.id);
  if (!promotion) {
    throw new OperationError(
      `cannot find the commit that promoted ${freight.alias} into ${stage.name} in the last ${history.length} promotions`,
    );
  }
  // What the stage's branch holds now: the promotion commit itself, or a commit after it (a merged
  // pull request's merge commit, another stage's promotion on a shared branch). The state file
  // there names this freight (checked above), and it is the revision Argo CD or Flux deploys.
  const commit = await o.store.branchTip(stage.branch);
  const before = snap.verifications.find(
    (v) => v.project === o.project.name && v.stage === stage.name && v.freightId === freight.id,
  );
  return { stage, snap, states, history, freight, promotion, commit, before };
}

/** The stage's metrics against what it runs now; no metrics is a success. */
async function measure(
  o: VerifyOptions,
  { stage, freight, commit, snap, states }: VerifyView,
): Promise<{ analysis?: AnalysisResult; phase: AnalysisPhase }> {
  if (!stage.verification.length) return { phase: 'Successful' };
  o.log(
    `verifying ${freight.alias} in ${stage.name} at ${commit.slice(0, 7)}: ${stage.verification.length} metric(s)`,
  );
  const running = states.get(stage.name)?.freight ?? [];
  const analysis = await runAnalysis({
    metrics: stage.verification,
    providers: o.providers,
    target: {
      project: o.project.name,
      stage: stage.name,
      freightId: freight.id,
      freightAlias: freight.alias,
      commit,
    },
    fetch: o.fetch,
    // The freight the stage runs, for imageFrom(), chartFrom() and commitFrom() in templates.
    // What set-metadata recorded, for freightMetadata() and stageMetadata(), as in Kargo.
    functions: {
      ...freightFunctions(
        snap.freight.filter((f) => running.some((c) => c.id === f.id)),
        o.log,
      ),
      ...notesFunctions(recordedMetadata(snap, states)),
    },
    env: o.env,
    secrets: o.secrets,
    log: o.log,
    ...(o.group ? { group: o.group } : {}),
    clock: o.clock,
    ...(o.sleep ? { sleep: o.sleep } : {}),
    ...(o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {}),
    ...(o.github ? { github: o.github } : {}),
  });
  return { analysis, phase: analysis.phase };
}

/** The verified tag: what unlocks the next stages. */
async function recordVerified(
  o: VerifyOptions,
  { stage, freight, promotion }: VerifyView,
  analysis: AnalysisResult | undefined,
): Promise<VerificationRecord> {
  const record: VerificationRecord = {
    project: o.project.name,
    stage: stage.name,
    freightId: freight.id,
    alias: freight.alias,
    verifiedAt: o.clock().toISOString(),
    verifiedBy: o.verifiedBy,
    ...(o.run ? { run: o.run } : {}),
    summary: recordSummary(analysis),
    commit: promotion.commit,
  };
  await o.store.recordVerification(record);
  return record;
}

/**
 * The outcome on the stage's GitHub deployment. Freight verified before and promoted again since
 * (a rollback) has a new deployment to resolve; verified before and not promoted since, nothing
 * changes. A GitHub failure is a warning: the verification itself stands.
 */
async function mirrorOnDeployment(
  o: VerifyOptions,
  view: VerifyView,
  outcome: VerifyOutcome,
): Promise<void> {
  const { before, promotion } = view;
  const repromoted = before?.commit !== undefined && before.commit !== promotion.commit;
  if (!o.github || (before && !repromoted)) return;
  try {
    outcome.deployment = await markDeployment(o.github, view, outcome, o);
  } catch (err) {
    const msg = `GitHub did not record the verification on the deployment: ${errorMessage(err)}`;
    outcome.warnings.push(msg);
    o.log(`warning: ${msg}`);
  }
}

/** The downstream stages this verification unlocks, and their workflows started when asked. */
async function continueChain(
  o: VerifyOptions,
  { stage, freight, snap, states, history, before }: VerifyView,
  outcome: VerifyOutcome,
  record: VerificationRecord | undefined,
): Promise<void> {
  const verifications = record ? [...snap.verifications, record] : snap.verifications;
  const now = o.clock();
  const facts: AvailabilityFacts = {
    verifications,
    approvals: snap.approvals,
    project: o.project.name,
    ...soakFromHistory(history, snap.freight, now, states),
  };
  outcome.downstream = downstreamOf(o.project, stage, freight, snap.freight, facts, states, now);
  if (!o.dispatch || before) return;
  for (const d of outcome.downstream.filter((x) => x.due && x.freight)) {
    d.dispatched = { workflow: o.dispatch.workflow };
    const error = await dispatchPromotion(o.dispatch, {
      project: o.project.name,
      stage: d.stage,
      freight: d.freight?.id ?? '',
    });
    if (error === undefined) {
      o.log(`started ${o.dispatch.workflow} for ${d.stage} with ${d.freight?.alias}`);
    } else {
      d.dispatched.error = error;
      outcome.warnings.push(`could not start ${o.dispatch.workflow} for ${d.stage}: ${error}`);
    }
  }
}

/**
 * The stages that take this freight's warehouse from `stage`, and whether the freight (or newer
 * freight, which auto-promotion would pick instead) is now due there.
 */
export function downstreamOf(
  project: Project,
  stage: Stage,
  freight: Freight,
  allFreight: readonly Freight[],
  facts: AvailabilityFacts,
  states: ReadonlyMap<string, StageState | undefined>,
  now: Date,
): Downstream[] {
  const out: Downstream[] = [];
  for (const next of project.stages) {
    const req = next.requestedFreight.find(
      (r) => r.origin.name === freight.origin.name && r.sources.stages.includes(stage.name),
    );
    if (!req) continue;
    const state = states.get(next.name);
    const own = freightAvailability(next, freight, facts, now);
    // Kargo's MatchUpstream: the freight the one upstream stage runs (this one, just verified
    // there), not the newest available.
    const available =
      req.sources.selectionPolicy === 'MatchUpstream'
        ? own.available
          ? [freight]
          : []
        : allFreight.filter(
            (f) =>
              f.origin.name === freight.origin.name &&
              freightAvailability(next, f, facts, now).available,
          );
    const candidate = newestFreight(available);
    const entry: Downstream = { stage: next.name, due: false };
    if (candidate) entry.freight = { id: candidate.id, alias: candidate.alias };
    const decision = autoPromotionDecision({
      autoPromotion: next.autoPromotion,
      state,
      origin: freight.origin.name,
      candidate,
    });
    if (!candidate) {
      entry.freight = { id: freight.id, alias: freight.alias };
      entry.reason = own.reasons.join('; ') || 'not available yet';
      if (own.availableAt) entry.availableAt = own.availableAt.toISOString();
    } else if (decision.due) entry.due = true;
    else entry.reason = decision.reason;
    out.push(entry);
  }
  return out;
}

async function markDeployment(
  github: GitHubPort,
  { stage, freight, commit, promotion }: VerifyView,
  outcome: VerifyOutcome,
  o: VerifyOptions,
): Promise<{ id: number; state: DeploymentState }> {
  // promote records the deployment at the promotion commit; the branch may have moved on since.
  const find = async (sha: string) =>
    (await github.listDeployments({ sha, environment: stage.environment }))[0];
  const existing =
    (await find(promotion.commit)) ??
    (commit !== promotion.commit ? await find(commit) : undefined);
  // A promotion by pull request, or by someone without GitHub access, has no deployment yet.
  const deployment =
    existing ??
    (await github.createDeployment({
      ref: commit,
      environment: stage.environment,
      description: deploymentDescription(freight, []),
      payload: deploymentPayload(o.project.name, stage.name, freight, promotion.branch, []),
    }));
  const state: DeploymentState =
    outcome.phase === 'Successful' ? 'success' : outcome.phase === 'Failed' ? 'failure' : 'error';
  const description =
    outcome.phase === 'Successful'
      ? outcome.alreadyVerified
        ? `verified ${freight.alias} before`
        : `verified ${freight.alias}`
      : `verification ${outcome.phase.toLowerCase()}: ${outcome.analysis?.message ?? ''}`;
  await github.createDeploymentStatus({
    deploymentId: deployment.id,
    state,
    description,
    ...(stage.environmentUrl && state === 'success'
      ? { environmentUrl: stage.environmentUrl }
      : {}),
    ...(o.run ? { logUrl: o.run } : {}),
  });
  return { id: deployment.id, state };
}
