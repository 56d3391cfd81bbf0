import { newestFreight } from '../freight/order.js';
import type { Freight } from '../freight/types.js';
import type { RegistryCredential } from '../discovery/types.js';
import { findStage, type Project, type Stage } from '../pipeline/index.js';
import type { PromotionResult, PromotionWrite, StateStore } from '../state/index.js';
import type { OpenCheckout } from '../state/transaction.js';
import type { GitHubPort, RunApproval } from '../github/port.js';
import { checkGate, type GateOutcome, type GateRun } from './gate.js';
import { ConfigError, OperationError, errorMessage } from '../util/errors.js';
import type { LogGroup } from '../util/log-group.js';
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
import { promotionName, runSteps, type EngineContext } from './steps/engine.js';
import { secretValues, type ExpressionData } from './expr-data.js';
import { Redactor } from '../util/redact.js';
import { promoteInWorkspace } from './workspace-promotion.js';
import { PromotionNotesRecorder } from './notes.js';
import { planWorkspace } from '../pipeline/workspace.js';
import { sameRepository } from './workspace.js';
import type { StepDefinition } from './steps/types.js';
import { settleAll, settled } from '../util/settle.js';
import { promotionFreightIds } from '../state/promote-reads.js';
import { stepServices } from './step-services.js';

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
  /** The waits between a step's retries and polls (StepPendingError). Default: real time. */
  sleep?: (ms: number) => Promise<void>;
  fetch: typeof fetch;
  log: (line: string) => void;
  /** Folds each step's lines in the adapter's log (the Actions adapter; the CLI does not fold). */
  group?: LogGroup;
  /**
   * The environment the adapter passes to steps: the programs they run (kustomize, helm) and
   * where argocd-update finds Argo CD (ARGOCD_SERVER, ARGOCD_AUTH_TOKEN). Default: programs
   * inherit the process's, and argocd-update finds no Argo CD.
   */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * What the templates' secret(), sharedSecret(), configMap() and sharedConfigMap() read (the
   * adapters build it with expressionDataFromEnv); none by default. Secret values are masked in
   * everything gantry prints and refused in commit messages.
   */
  expressionData?: ExpressionData;
  /**
   * Registry credentials by host for oci-download and oci-push: the ones discovery uses (the
   * adapters read the Docker config and the GitHub token). None: anonymous.
   */
  registryCredentials?: ReadonlyMap<string, RegistryCredential>;
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
 * on the whole tree (git-clear) or reads files its config does not name (a renderer).
 */
export function stepPaths(stage: Stage): string[] | undefined {
  const steps = stage.promotionTemplate.steps;
  const paths: string[] = [];
  for (const step of steps) {
    // A renderer reads what its input names (a kustomization's `../../base`, values files
    // beside the chart), which no step path lists: the whole branch is checked out for it.
    if (
      step.uses === 'git-clear' ||
      step.uses === 'kustomize-build' ||
      step.uses === 'helm-template'
    )
      return undefined;
    const values: unknown[] = ['path', 'inPath', 'outPath', 'outFile', 'bodyFromFile'].map(
      (k) => step.config[k],
    );
    for (const list of ['paths', 'inFiles']) {
      const many = step.config[list];
      if (Array.isArray(many)) values.push(...(many as unknown[]));
    }
    for (const v of values) {
      if (typeof v !== 'string') continue;
      if (v.includes('${{') || v.includes('${%')) return undefined;
      // A glob (delete's pathsAreGlobs) cannot be a sparse pattern of ours.
      if (/[*?[]/.test(v)) return undefined;
      paths.push(v.replace(/^\.?\/+/, ''));
    }
  }
  return paths.filter((p) => p !== '' && p !== '.').length === paths.length ? paths : undefined;
}

/** What a promotion decides from: the project's freight, tags and stage states, read once. */
interface PromotionView {
  snap: Awaited<ReturnType<StateStore['snapshot']>>;
  states: Awaited<ReturnType<StateStore['stageStates']>>;
  facts: AvailabilityFacts;
}

/**
 * The short form's commit checkout, opened while the freight is read (see readView), and whether
 * the commit has taken it; otherwise it is removed when the promotion ends.
 */
interface EarlyCheckout {
  opened?: Promise<OpenCheckout>;
  taken: boolean;
}

/**
 * Kargo's Promotion, run once, in phases: read what is known, choose the freight (or check the
 * one named is available to the stage), check the run's gate, run the stage's steps on a
 * checkout of its branch and publish manifests and state together, then record the deployment.
 * Promoting older freight than the newest available holds auto-promotion (a rollback);
 * promoting the newest clears the hold.
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
  const early: EarlyCheckout = { taken: false };
  try {
    return await promoteWith(o, stage, mode, now, early);
  } finally {
    if (early.opened && !early.taken)
      await early.opened.then(
        (c) => c.remove(),
        () => undefined,
      );
  }
}

async function promoteWith(
  o: PromoteOptions,
  stage: Stage,
  mode: 'direct' | 'pull-request',
  now: Date,
  early: EarlyCheckout,
): Promise<PromoteOutcome> {
  // The gate is asked about while the state is read; its answer is awaited before any write.
  const gate = o.gate ? settled(runGate(stage, o.gate)) : undefined;
  const view = await readView(o, stage, now, early);
  const chosen = chooseFreight(o, stage, view, now);
  if ('note' in chosen) return { stage: stage.name, note: chosen.note, held: false, warnings: [] };
  const { freight } = chosen;
  const hold = rollbackHold(stage, freight, view, now, o.promotedBy);
  const warnings: string[] = [];
  const approvedBy = grantApprovers(o, stage, freight, view);
  if (gate) {
    const g = await gate;
    if ('error' in g) throw g.error;
    passGate(g.value, stage, o, approvedBy, warnings);
  }
  const notes = notesFor(o, stage, view);
  const result = redactDiff(
    await publishSteps(o, stage, mode, freight, view, approvedBy, hold, notes, early),
    o.expressionData,
  );
  // Freight records (set-metadata, set-freight-alias) of the attempt that was published.
  if (notes.current) await writeNotes(o, notes.current, result, warnings);
  const outcome: PromoteOutcome = {
    stage: stage.name,
    freight,
    result,
    held: hold !== null,
    warnings,
    ...(approvedBy.length ? { approvedBy } : {}),
  };
  // A pull request is not a promotion yet: the deployment belongs to the merge.
  if (o.github?.deployments && result.changed && !o.dryRun && !result.pullRequest) {
    const deployment = await recordDeployment(o, o.github, stage, freight, result, warnings);
    if (deployment) outcome.deployment = deployment;
  }
  return outcome;
}

/**
 * Where the short form commits: the branch and the paths checked out. The checkout opened ahead
 * and the commit take it from here, so that the commit can use that checkout.
 */
function commitTarget(o: PromoteOptions, stage: Stage) {
  const paths = stepPaths(stage);
  return {
    project: o.project.name,
    stage: stage.name,
    ...(stage.branch !== undefined ? { branch: stage.branch } : {}),
    paths,
    sparse: paths !== undefined,
  };
}

/**
 * Phase one: freight, tags and stage states; promotion history only when the stage being
 * promoted asks for a soak time, and then only of the upstream stages that soak is counted in.
 */
async function readView(
  o: PromoteOptions,
  stage: Stage,
  now: Date,
  early: EarlyCheckout,
): Promise<PromotionView> {
  // Soak is time spent in an upstream stage, read from that stage's promotion history: a stage
  // whose requests set no requiredSoakTime (or whose soaks are elsewhere) does not pay for it.
  const upstream = new Set(
    stage.requestedFreight.flatMap((r) => (r.sources.requiredSoakTimeMs ? r.sources.stages : [])),
  );
  const soakStages = o.project.stages.filter((s) => upstream.has(s.name));
  const named = o.freight;
  // Started first: with the branch tips the project read fetched it needs no git, and holding
  // the read cache's lock first it does not wait behind the freight reads' fetches, so that the
  // checkout below opens while those run.
  const statesRead = o.store.stageStates(
    o.project.name,
    o.project.stages,
    clonedBranches(o, stage),
  );
  const records =
    named !== undefined && !soakStages.length && !readsOtherFreight(stage)
      ? o.store
          .namedPromotionRecords(o.project.name, (entries, aliasNoteIds) =>
            promotionFreightIds(named, entries, aliasNoteIds),
          )
          .then((snap) => snap ?? o.store.snapshot(o.project.name))
      : o.store.snapshot(o.project.name);
  const historyRead = soakStages.length
    ? o.store
        .stageBranches(soakStages)
        .then((branches) => o.store.promotions(o.project.name, branches, o.historyLimit ?? 200))
    : Promise.resolve([]);
  // A named freight is nearly always promoted: the short form's checkout of the stage's branch,
  // which does not depend on the freight, is opened once the branch tips are read (the tip the
  // stage's state came from), while the freight's tags are still being read. Not for freight
  // chosen by the reads, which often find nothing to do.
  if (named !== undefined && !planWorkspace(o.project.name, stage).workspace) {
    early.opened = Promise.all([statesRead, historyRead]).then(() =>
      o.store.openCheckout(commitTarget(o, stage)),
    );
    // Its failure surfaces in the commit, which then opens another.
    early.opened.catch(() => undefined);
  }
  const [snap, states, history] = await settleAll([records, statesRead, historyRead]);
  const facts: AvailabilityFacts = {
    verifications: snap.verifications,
    approvals: snap.approvals,
    project: o.project.name,
    ...soakFromHistory(history, snap.freight, now, states),
  };
  return { snap, states, facts };
}

/**
 * Whether the stage's promotion looks at freight besides the one promoted and the newer ones of
 * its warehouse: what it runs from other warehouses (the steps' freight collection), freight
 * metadata and aliases of any freight (set-metadata, set-freight-alias, freightMetadata()).
 * Such a promotion reads every freight; any other reads only those (promotionRecords).
 */
function readsOtherFreight(stage: Stage): boolean {
  if (new Set(stage.requestedFreight.map((r) => `${r.origin.kind}/${r.origin.name}`)).size > 1)
    return true;
  return stage.promotionTemplate.steps.some(
    (s) =>
      s.uses === 'set-metadata' ||
      s.uses === 'set-freight-alias' ||
      JSON.stringify(s).includes('freightMetadata'),
  );
}

/**
 * The GitOps repository's branches the stage's git-clone steps check out (that exist already, and
 * whose names are known before the steps run): fetched with the stages' branches in the state
 * read, so that the workspace checks them out from the read cache instead of fetching each again.
 */
function clonedBranches(o: PromoteOptions, stage: Stage): string[] {
  const plan = planWorkspace(o.project.name, stage);
  if (!plan.workspace) return [];
  const out = new Set<string>();
  for (const c of plan.checkouts) {
    if (c.branch === undefined || c.create || c.detached || c.repoURL === undefined) continue;
    if (sameRepository(c.repoURL, o.store.remoteUrl)) out.add(c.branch);
  }
  return [...out];
}

/**
 * Phase two: the freight named (refused when not available to the stage), or the newest
 * available that the stage does not run yet; a note when there is nothing to do, and an error
 * that says why and until when when the newest requested freight cannot enter yet.
 */
function chooseFreight(
  o: PromoteOptions,
  stage: Stage,
  { snap, states, facts }: PromotionView,
  now: Date,
): { freight: Freight } | { note: string } {
  if (o.freight) {
    const freight = resolveFreight(o.freight, snap.freight);
    const availability = freightAvailability(stage, freight, facts, now);
    if (!availability.available) {
      throw new OperationError(
        `freight ${freight.alias} (${freight.id.slice(0, 7)}) is not available to ${stage.name}: ${availability.reasons.join('; ')}`,
      );
    }
    return { freight };
  }
  const candidates = promotionCandidate(stage, snap.freight, facts, now);
  const current = states.get(stage.name);
  const due = [...candidates.values()].find((f) => !current?.freight.some((c) => c.id === f.id));
  if (due) return { freight: due };
  if (!candidates.size) {
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
  return {
    note: candidates.size
      ? 'the stage already runs the newest available freight'
      : 'no freight has been recorded for the warehouses this stage requests',
  };
}

/** A rollback by hand (older than the newest of its warehouse available here) holds the stage. */
function rollbackHold(
  stage: Stage,
  freight: Freight,
  { snap, facts }: PromotionView,
  now: Date,
  by: string,
): PromotionWrite['autoPromotionHold'] {
  const available = snap.freight.filter(
    (f) =>
      f.origin.name === freight.origin.name && freightAvailability(stage, f, facts, now).available,
  );
  const newest = newestFreight(available);
  if (!newest || newest.id === freight.id) return null;
  return {
    since: now.toISOString(),
    by,
    reason: `promoted ${freight.alias}, older than the newest available ${newest.alias}`,
  };
}

/** Who approved: those named by the caller, and `gantry approve` grants of this freight here. */
function grantApprovers(
  o: PromoteOptions,
  stage: Stage,
  freight: Freight,
  { snap }: PromotionView,
): string[] {
  const approvedBy = [...(o.approvedBy ?? [])];
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
  return approvedBy;
}

/**
 * Phase three, the gate's answer (a refusal has been thrown already): its notes logged, its
 * warnings kept, and the reviewers who approved the stage's environment added as approvers.
 */
function passGate(
  g: GateOutcome & { approvals: RunApproval[] | Error },
  stage: Stage,
  o: PromoteOptions,
  approvedBy: string[],
  warnings: string[],
): void {
  const warn = (w: string) => {
    warnings.push(w);
    o.log(`warning: ${w}`);
  };
  for (const line of g.notes) o.log(line);
  for (const w of g.warnings) warn(w);
  if (g.approvals instanceof Error) {
    warn(`could not read the approvals of run ${o.gate?.id}: ${errorMessage(g.approvals)}`);
    return;
  }
  for (const a of g.approvals) {
    if (
      a.state === 'approved' &&
      a.environments.includes(stage.environment) &&
      !approvedBy.includes(a.login)
    ) {
      approvedBy.push(a.login);
    }
  }
}

/**
 * Phase four: the stage's steps run on a checkout of its branch, and their result is committed
 * with the stage's state, published by push, by pull request, or through GitHub's API (signed).
 */
function publishSteps(
  o: PromoteOptions,
  stage: Stage,
  mode: 'direct' | 'pull-request',
  freight: Freight,
  { snap, states }: PromotionView,
  approvedBy: string[],
  hold: PromotionWrite['autoPromotionHold'],
  notes: NotesBox,
  early: EarlyCheckout,
): Promise<PromotionResult> {
  // The freight the steps see: what the stage runs from other warehouses, and this one.
  const collection = [
    ...(states.get(stage.name)?.freight ?? [])
      .filter((f) => f.origin.name !== freight.origin.name)
      .map((f) => snap.freight.find((x) => x.id === f.id))
      .filter((f): f is Freight => Boolean(f)),
    freight,
  ];
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
  const plan = planWorkspace(o.project.name, stage);
  if (plan.workspace) {
    const stageState = states.get(stage.name);
    return promoteInWorkspace({
      options: o,
      stage,
      plan,
      ...(stageState ? { stageState } : {}),
      freight,
      collection,
      approvedBy,
      hold,
      exprContext: promotionExprContext(o, stage, freight, hold),
      ...(publish ? { publish } : {}),
      notes,
    });
  }
  const exprContext = promotionExprContext(o, stage, freight, hold);
  early.taken = early.opened !== undefined;
  return o.store.commitPromotion(
    {
      ...commitTarget(o, stage),
      freight,
      promotedBy: o.promotedBy,
      approvedBy,
      run: o.run,
      dryRun: o.dryRun,
      ...(publish ? { publish } : {}),
      autoPromotionHold: hold,
      stageMetadata: () => notes.current?.ownStageMetadata(),
      edit: async (worktree) => {
        // Each run of the steps starts from what was read: a lost race drops what the last one set.
        const recorder = notes.fresh();
        const done = await runSteps(
          stage.promotionTemplate,
          {
            worktree,
            project: o.project.name,
            stage: stage.name,
            freight,
            freightCollection: collection,
            ...stepServices(o),
            notes: recorder,
            ...exprContext,
          },
          o.registry,
        );
        // A Kargo template's git-commit message goes into the body, after what the steps changed.
        return done.commitMessage
          ? [...done.summary, '', ...done.commitMessage.split(/\r?\n/)]
          : done.summary;
      },
    },
    early.opened,
  );
}

/**
 * Writes what the published attempt's steps recorded about freight. The promotion has landed
 * (or its pull request is open) by now, so a failure here is a warning that says so, as for the
 * deployment.
 */
async function writeNotes(
  o: PromoteOptions,
  recorder: PromotionNotesRecorder,
  result: PromotionResult,
  warnings: string[],
): Promise<void> {
  const warn = (w: string) => {
    warnings.push(w);
    o.log(`warning: ${w}`);
  };
  const pending = recorder.pendingNotes();
  if (!pending.length) return;
  if (o.dryRun) {
    o.log(`dry run: ${pending.length} freight record(s) (metadata, alias) not written`);
    return;
  }
  try {
    for (const w of await recorder.write(o.store, o.log)) warn(w);
  } catch (err) {
    warn(
      `the promotion landed (${result.commit.slice(0, 7)} on ${result.branch}), but its freight metadata and alias records were not written: ${errorMessage(err)}; promote again to record them`,
    );
  }
}

/** The recorder of the promotion's current attempt (src/promotion/notes.ts). */
export interface NotesBox {
  current?: PromotionNotesRecorder;
  /** A new recorder for a new attempt, which becomes `current`. */
  fresh: () => PromotionNotesRecorder;
}

function notesFor(o: PromoteOptions, stage: Stage, { snap, states }: PromotionView): NotesBox {
  const box: NotesBox = {
    fresh: () => {
      box.current = new PromotionNotesRecorder({
        project: o.project.name,
        stage: stage.name,
        stages: o.project.stages.map((s) => s.name),
        snap,
        states,
        recordedBy: o.run ?? o.promotedBy,
        now: o.clock,
      });
      return box.current;
    },
  };
  return box;
}

/**
 * A dry run prints the diff, which shows a secret a step wrote into a file: gantry's output masks
 * it (the file itself is the template's business).
 */
function redactDiff(result: PromotionResult, data: ExpressionData | undefined): PromotionResult {
  const secrets = data ? secretValues(data) : [];
  if (result.diff === undefined || secrets.length === 0) return result;
  return { ...result, diff: new Redactor().add(...secrets).redactValues(result.diff) };
}

/**
 * What a promotion's expressions know of it beyond the stage and freight: Kargo's
 * `ctx.promotion` (one name for every attempt of this promotion), `ctx.meta.promotion`,
 * `ctx.uiBaseUrl`, and the data secret() and configMap() read.
 */
export type PromotionExprContext = Pick<
  EngineContext,
  'promotion' | 'actor' | 'rollback' | 'uiBaseUrl' | 'data'
>;

function promotionExprContext(
  o: PromoteOptions,
  stage: Stage,
  freight: Freight,
  hold: PromotionWrite['autoPromotionHold'],
): PromotionExprContext {
  return {
    promotion: promotionName({ stage: stage.name, freight }),
    actor: o.promotedBy,
    // The hold is set exactly when older freight than the newest available is promoted.
    rollback: hold !== null,
    uiBaseUrl: o.run ?? '',
    ...(o.expressionData ? { data: o.expressionData } : {}),
  };
}

/**
 * Phase five: the promotion as a deployment of the stage's environment, in progress until
 * verify ends it. The commit has landed either way, so a refusal is a warning, not a failure.
 */
async function recordDeployment(
  o: PromoteOptions,
  github: PromoteGitHub,
  stage: Stage,
  freight: Freight,
  result: PromotionResult,
  warnings: string[],
): Promise<PromoteOutcome['deployment']> {
  try {
    const d = await github.repo.createDeployment({
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
    await github.repo.createDeploymentStatus({
      deploymentId: d.id,
      state: 'in_progress',
      description: `promoted; waiting for verification`,
      ...(o.run ? { logUrl: o.run } : {}),
    });
    return { id: d.id, environment: stage.environment };
  } catch (err) {
    // The commit landed: the promotion happened. The Environments view is a mirror of it.
    const msg = `the promotion landed, but GitHub did not record its deployment: ${errorMessage(err)}`;
    warnings.push(msg);
    o.log(`warning: ${msg}`);
    return undefined;
  }
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
