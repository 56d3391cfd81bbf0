/**
 * The `github` provider (gantry's own): waits for the checks on the promotion commit in the
 * GitOps repository, the check runs (GitHub Actions jobs, GitHub Apps) and the commit statuses
 * (external CI), read through the verify adapter's GitHub client (`ctx.github`).
 *
 * Fields: `checks` (names of check runs or status contexts that must pass; `*` matches any run
 * of characters; default: every check that reports), `ignore` (names, with `*`, left out),
 * `ref` (default: the promotion commit), `includeCheckRuns` and `includeStatuses` (default
 * true).
 *
 * Each check is `success` (a check run that concluded success, neutral or skipped, as branch
 * protection counts them; a status `success`), `failure` (concluded failure, cancelled,
 * timed_out or action_required; a status `failure` or `error`) or `pending` (queued, running,
 * stale, or a status `pending`); the result keeps `neutral` and `skipped` apart. The
 * measurement is
 * - Failed as soon as a check that counts has failed;
 * - Successful when every name in `checks` has reported and all checks that match it passed
 *   (without `checks`: at least one check reported, and every one that is not ignored passed);
 * - Inconclusive otherwise: still waiting. The provider is one of the runner's waiting providers,
 *   so the metric polls until success, failure, or `count` measurements (then Inconclusive).
 *
 * A name in `checks` that no check has reported yet is waited for (a workflow may not have
 * started). Failures to read (no token, 401/403/404/422) are thrown: Error measurements.
 */
import { ConfigError } from '../../util/errors.js';
import { compileRegex, type Regex } from '../../util/regex.js';
import type { CheckRun, CommitStatus } from '../../github/port.js';
import type {
  Measurement,
  MeasurementPhase,
  ProviderContext,
  ProviderDefinition,
} from '../types.js';
import { checkConfig, fail, optionalBool, optionalString } from './fields.js';

const FIELDS = ['checks', 'ignore', 'ref', 'includeStatuses', 'includeCheckRuns'] as const;

export interface GitHubChecksConfig {
  /** Names (with `*`) that must pass; undefined: every check that is not ignored. */
  checks?: string[];
  ignore: string[];
  /** Default: the promotion commit. */
  ref?: string;
  includeCheckRuns: boolean;
  includeStatuses: boolean;
}

export type GitHubCheckState = 'pending' | 'success' | 'failure' | 'neutral' | 'skipped';

/** One check as conditions see it in `result.checks`. */
export interface GitHubCheckResult {
  name: string;
  kind: 'check-run' | 'status';
  state: GitHubCheckState;
  /**
   * A check run's conclusion (null while it runs), or a status's own state (`success`,
   * `failure`, `error`, `pending`).
   */
  conclusion: string | null;
  url: string | null;
}

export interface GitHubChecksResult {
  /** The commit read (as given: the promotion commit's full SHA, or `ref`). */
  ref: string;
  /** The checks that decide: those `checks` names, or every check not ignored. */
  checks: GitHubCheckResult[];
  /** Names in `checks` that no check has reported yet. */
  missing: string[];
  /** Checks still running, plus the missing names. */
  pending: number;
  failed: number;
  succeeded: number;
}

const MAX_NAMES_IN_DETAIL = 5;

/**
 * `*` matches any run of characters (`/` and spaces too); everything else is literal. RE2, since
 * check names come from GitHub and `*a*a*a*…` would make a backtracking engine hang on them.
 */
export function globToRegExp(pattern: string): Regex {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return compileRegex(`(?s)^${body}$`);
}

function nameList(
  where: string,
  obj: Record<string, unknown>,
  field: string,
): string[] | undefined {
  const v = obj[field];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) {
    fail(where, field, 'must be a list of check names (check runs or status contexts)');
  }
  const out: string[] = [];
  v.forEach((item, i) => {
    if (typeof item !== 'string' || item.trim() === '') {
      fail(where, `${field}[${i}]`, 'must be a non-empty check name');
    }
    const name = item.trim();
    const earlier = out.indexOf(name);
    if (earlier >= 0) fail(where, `${field}[${i}]`, `repeats ${field}[${earlier}] (${name})`);
    out.push(name);
  });
  return out;
}

function parse(config: unknown, where: string): GitHubChecksConfig {
  const c = checkConfig(where, 'github', config, FIELDS);
  const checks = nameList(where, c, 'checks');
  if (checks !== undefined && checks.length === 0) {
    fail(
      where,
      'checks',
      'must list at least one check name (leave it out to require every check)',
    );
  }
  const ignore = nameList(where, c, 'ignore') ?? [];
  // A name that is required and ignored at once is a mistake; a glob may overlap an ignore.
  checks?.forEach((name, i) => {
    if (name.includes('*')) return;
    const j = ignore.findIndex((pattern) => globToRegExp(pattern).test(name));
    if (j >= 0) fail(where, `checks[${i}]`, `${name} is also ignored (ignore[${j}]: ${ignore[j]})`);
  });
  const ref = optionalString(where, c, 'ref')?.trim();
  if (ref === '') fail(where, 'ref', 'must not be empty (leave it out for the promotion commit)');
  const includeCheckRuns = optionalBool(where, c, 'includeCheckRuns') ?? true;
  const includeStatuses = optionalBool(where, c, 'includeStatuses') ?? true;
  if (!includeCheckRuns && !includeStatuses) {
    fail(where, 'includeStatuses', 'and includeCheckRuns are both false: there is nothing to read');
  }
  return {
    ...(checks !== undefined && { checks }),
    ignore,
    ...(ref !== undefined && { ref }),
    includeCheckRuns,
    includeStatuses,
  };
}

function checkRunState(run: CheckRun): GitHubCheckState {
  if (run.status !== 'completed') return 'pending';
  switch (run.conclusion) {
    case 'success':
      return 'success';
    case 'neutral':
      return 'neutral';
    case 'skipped':
      return 'skipped';
    case 'failure':
    case 'cancelled':
    case 'timed_out':
    case 'action_required':
      return 'failure';
    default:
      // stale (GitHub gave up on it after 14 days), or a conclusion not known yet: not a pass.
      return 'pending';
  }
}

function statusState(s: CommitStatus): GitHubCheckState {
  switch (s.state) {
    case 'success':
      return 'success';
    case 'failure':
    case 'error':
      return 'failure';
    default:
      return 'pending';
  }
}

const passed = (c: GitHubCheckResult) =>
  c.state === 'success' || c.state === 'neutral' || c.state === 'skipped';

const short = (ref: string) => (/^[0-9a-f]{40,64}$/i.test(ref) ? ref.slice(0, 7) : ref);

/** Up to five names, sorted (GitHub's order changes as checks run), then how many more. */
function names(list: string[]): string {
  const shown = [...list]
    .sort((a, b) => a.localeCompare(b))
    .slice(0, MAX_NAMES_IN_DETAIL)
    .join(', ');
  const more = list.length - MAX_NAMES_IN_DETAIL;
  return more > 0 ? `${shown} and ${more} more` : shown;
}

/** Decides from what GitHub reported; exported for tests and summaries. */
export function assessChecks(
  config: GitHubChecksConfig,
  ref: string,
  reported: GitHubCheckResult[],
): { result: GitHubChecksResult; phase: MeasurementPhase; detail: string } {
  const ignored = config.ignore.map(globToRegExp);
  const present = reported.filter((c) => !ignored.some((re) => re.test(c.name)));
  let deciding: GitHubCheckResult[];
  let missing: string[] = [];
  if (config.checks) {
    const required = config.checks.map((name) => ({ name, re: globToRegExp(name) }));
    deciding = present.filter((c) => required.some((r) => r.re.test(c.name)));
    missing = required.filter((r) => !present.some((c) => r.re.test(c.name))).map((r) => r.name);
  } else {
    deciding = present;
  }
  const failed = deciding.filter((c) => c.state === 'failure');
  const succeeded = deciding.filter(passed);
  const running = deciding.filter((c) => c.state === 'pending');
  const result: GitHubChecksResult = {
    ref,
    checks: deciding,
    missing,
    pending: running.length + missing.length,
    failed: failed.length,
    succeeded: succeeded.length,
  };
  const total = deciding.length + missing.length;
  const what = [
    config.includeCheckRuns && 'check runs',
    config.includeStatuses && 'commit statuses',
  ]
    .filter(Boolean)
    .join(' or ');

  let phase: MeasurementPhase;
  let detail: string;
  if (failed.length > 0) {
    phase = 'Failed';
    detail = `failed: ${names(failed.map((c) => `${c.name} (${c.conclusion ?? c.state})`))}`;
    if (total > failed.length) detail += `; ${succeeded.length} of ${total} checks passed`;
  } else if (total === 0) {
    phase = 'Inconclusive';
    detail = `no ${what} on ${short(ref)} yet${
      reported.length > 0 ? ` (${reported.length} ignored)` : ''
    }`;
  } else if (result.pending === 0) {
    phase = 'Successful';
    detail = total === 1 ? `1 check passed: ${deciding[0]?.name}` : `all ${total} checks passed`;
  } else {
    phase = 'Inconclusive';
    const waiting = [
      ...running.map((c) => c.name),
      ...missing.map((name) => `${name} (not reported yet)`),
    ];
    detail = `${succeeded.length} of ${total} checks passed; waiting for ${names(waiting)}`;
  }
  return { result, phase, detail };
}

async function measure(config: GitHubChecksConfig, ctx: ProviderContext): Promise<Measurement> {
  const github = ctx.github;
  if (!github) {
    throw new ConfigError(
      'github: the github provider needs a token for the GitOps repository on GitHub ' +
        "(the verify step's token and a repository given as owner/name, with checks: read and statuses: read)",
    );
  }
  const ref = config.ref ?? ctx.target.commit;
  if (!ref) {
    throw new ConfigError(
      'github: the promotion commit is not known, so there are no checks to read: set ref',
    );
  }
  ctx.log(
    `github: reading the ${[
      config.includeCheckRuns && 'check runs',
      config.includeStatuses && 'commit statuses',
    ]
      .filter(Boolean)
      .join(' and ')} of ${short(ref)}`,
  );
  const [runs, combined] = await Promise.all([
    config.includeCheckRuns ? github.checkRuns(ref) : Promise.resolve([]),
    config.includeStatuses ? github.commitStatuses(ref) : Promise.resolve(undefined),
  ]);
  const reported: GitHubCheckResult[] = [
    ...runs.map((r): GitHubCheckResult => ({
      name: r.name,
      kind: 'check-run',
      state: checkRunState(r),
      conclusion: r.conclusion,
      url: r.url,
    })),
    ...(combined?.statuses ?? []).map((s): GitHubCheckResult => ({
      name: s.context,
      kind: 'status',
      state: statusState(s),
      conclusion: s.state,
      url: s.targetUrl,
    })),
  ];
  return assessChecks(config, ref, reported);
}

export const github: ProviderDefinition<GitHubChecksConfig> = { name: 'github', parse, measure };
