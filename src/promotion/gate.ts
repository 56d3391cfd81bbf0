/**
 * The production gate, checked rather than assumed. A stage names the GitHub environment whose
 * protection rules gate it; the job that promotes runs under whatever environment its workflow
 * says. When the two drift (the project says `production`, the job runs under `prod`), the
 * reviewers of `production` never see the promotion. Before anything is committed, the promote
 * action asks GitHub whether this run passed the stage's environment: an approval of that
 * environment in the run, or the deployment GitHub makes for a job that runs under it.
 */
import type { Stage } from '../pipeline/index.js';
import type {
  Deployment,
  EnvironmentProtection,
  GitHubPort,
  ProtectionRule,
  RunApproval,
} from '../github/port.js';
import { OperationError, errorMessage } from '../util/errors.js';

/** The workflow run doing the promotion, in the repository that runs the workflow. */
export interface GateRun {
  /** The API of the repository the workflow runs in: its environments gate the job. */
  api: GitHubPort;
  id: number;
  /** GITHUB_SHA: GitHub makes a job's environment deployment at this commit. */
  sha?: string;
}

/** How the gate check ended when it let the promotion through. */
export interface GateOutcome {
  /** What the log says: which gate was passed, or why there was none to pass. */
  notes: string[];
  /** What could not be checked, or looks wrong without being a bypass: shown as warnings. */
  warnings: string[];
}

/** A promotion refused because the run did not pass the environment that gates its stage. */
export class GateRefusedError extends OperationError {
  override name = 'GateRefusedError';
}

/** Deployments of one run are searched among this many at the run's commit. */
const DEPLOYMENT_WINDOW = 30;

/** A deployment gantry itself made (its payload carries the promotion), not a job's. */
function isGantryDeployment(d: Deployment): boolean {
  return typeof d.payload === 'object' && d.payload !== null && 'gantry' in d.payload;
}

/** Whether a deployment status links to this run (`…/actions/runs/<id>` or `…/runs/<id>/job/…`). */
export function linksToRun(url: string, runId: number): boolean {
  return new RegExp(`/actions/runs/${runId}(?:[/?#]|$)`).test(url);
}

function describeRules(env: EnvironmentProtection): string {
  const parts = env.rules.map((r: ProtectionRule) => {
    if (r.type === 'required_reviewers') {
      return r.reviewers?.length
        ? `required reviewers (${r.reviewers.join(', ')})`
        : 'required reviewers';
    }
    if (r.type === 'wait_timer') return `a ${r.waitTimer ?? 0}-minute wait timer`;
    if (r.type === 'branch_policy') return 'deployment branch rules';
    return `a ${r.type} rule`;
  });
  if (env.branchPolicy && !env.rules.some((r) => r.type === 'branch_policy')) {
    parts.push('deployment branch rules');
  }
  return parts.join(', ');
}

/** An environment gates jobs when any rule stands between a job and running under it. */
function isProtected(env: EnvironmentProtection): boolean {
  return (
    env.branchPolicy || env.rules.some((r) => r.type !== 'wait_timer' || (r.waitTimer ?? 0) > 0)
  );
}

/**
 * The environments this run's jobs ran under, as GitHub's own deployments for them show (the
 * statuses of a job's deployment link to its run). `only` narrows the search to one environment.
 */
async function runEnvironments(run: GateRun, only?: string): Promise<Set<string>> {
  const deployments = await run.api.listDeployments({
    ...(run.sha ? { sha: run.sha } : {}),
    ...(only ? { environment: only } : {}),
    limit: DEPLOYMENT_WINDOW,
  });
  const found = new Set<string>();
  for (const d of deployments) {
    if (isGantryDeployment(d) || found.has(d.environment)) continue;
    const statuses = await run.api.deploymentStatuses(d.id);
    if (statuses.some((s) => linksToRun(s.logUrl, run.id))) found.add(d.environment);
  }
  return found;
}

/**
 * Checks that this run passed the environment that gates `stage`, before anything is committed.
 * Throws GateRefusedError when the environment has protection rules and nothing shows the run
 * passed them. What the token cannot read is a warning, never a silent pass.
 *
 * `approvals` are the run's environment reviews when they could be read (they also become the
 * promotion's Approved-By), or the error that kept them from being read.
 */
export async function checkGate(
  stage: Stage,
  run: GateRun,
  approvals: RunApproval[] | Error,
): Promise<GateOutcome> {
  const expected = stage.environment;
  const notes: string[] = [];
  const warnings: string[] = [];
  let env: EnvironmentProtection | undefined;
  try {
    env = await run.api.environment(expected);
  } catch (err) {
    warnings.push(
      `the gate of stage ${stage.name} was not checked: could not read environment ${expected}'s protection rules (${errorMessage(err)})`,
    );
    return { notes, warnings };
  }
  if (!env) {
    warnings.push(
      `stage ${stage.name} is gated by environment ${expected}, which does not exist in this repository, so nothing gates it and this job did not run under it; run the promote job under environment: ${expected} (docs/init.md#gates)`,
    );
    return { notes, warnings };
  }
  if (!isProtected(env)) {
    notes.push(`environment ${expected} of stage ${stage.name} has no protection rules`);
    return { notes, warnings };
  }

  // Evidence one: a reviewer approved this run for the environment.
  if (!(approvals instanceof Error)) {
    const by = approvals
      .filter((a) => a.state === 'approved' && a.environments.includes(expected))
      .map((a) => a.login);
    if (by.length) {
      notes.push(`gate passed: environment ${expected} approved by ${by.join(', ')}`);
      return { notes, warnings };
    }
  }
  // Evidence two: GitHub's deployment for a job of this run under the environment. It exists
  // for wait timers and branch rules too, and when an administrator bypassed the reviewers.
  let ranUnder: Set<string>;
  try {
    ranUnder = await runEnvironments(run, expected);
  } catch (err) {
    warnings.push(
      `the gate of stage ${stage.name} (environment ${expected}: ${describeRules(env)}) could not be confirmed: ${approvals instanceof Error ? `the run's approvals could not be read (${errorMessage(approvals)}) and ` : ''}its deployments could not be read (${errorMessage(err)}); give the token deployments: read and actions: read`,
    );
    return { notes, warnings };
  }
  if (ranUnder.has(expected)) {
    notes.push(`gate passed: this run's job ran under environment ${expected}`);
    return { notes, warnings };
  }
  if (approvals instanceof Error) {
    warnings.push(
      `the gate of stage ${stage.name} (environment ${expected}: ${describeRules(env)}) could not be confirmed: the run's approvals could not be read (${errorMessage(approvals)}) and no deployment of ${expected} by this run was found`,
    );
    return { notes, warnings };
  }

  // Refused: say what the job ran under instead, as far as GitHub shows it.
  let actual: string[] = [];
  try {
    actual = [...(await runEnvironments(run))];
  } catch {
    // The refusal stands; only the name of the other environment is missing from it.
  }
  for (const a of approvals) {
    for (const e of a.environments) if (e !== expected && !actual.includes(e)) actual.push(e);
  }
  const under = actual.length
    ? `the job ran under ${actual.map((e) => `environment ${e}`).join(', ')}`
    : 'the job ran under no environment that GitHub shows for this run';
  throw new GateRefusedError(
    `refused: stage ${stage.name} is gated by environment ${expected} (${describeRules(env)}), but run ${run.id} did not pass that gate: ${under}. Nothing was committed. Run the promote job under environment: ${expected} (the promote workflow gantry init writes asks gantry for the stage's environment: docs/init.md#gates)`,
  );
}
