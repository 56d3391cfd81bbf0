import { maskUserinfo } from '../git/remote.js';
import { githubRepoOnServer } from '../github/url.js';
import { parseDuration } from '../pipeline/duration.js';
import { ConfigError } from '../util/errors.js';
import { Input, ROOT_COMMANDS, type ActionName } from './constants.js';

/** Reads one input; `core.getInput` in production, a map in tests. */
export type InputReader = (name: string) => string;

export interface RepositorySettings {
  /** Clone URL of the GitOps repository, without credentials. */
  repositoryUrl: string;
  /** `owner/name` when the repository is on the GitHub server the workflow runs on. */
  repository?: string;
  token?: string;
  project?: string;
}

export interface DiscoverSettings extends RepositorySettings {
  action: 'discover';
  warehouse?: string;
  dispatchWorkflow?: string;
  dryRun: boolean;
  /** Registry host → credentials, from the `registry-credentials` input. */
  registryCredentials: Map<string, { username: string; password: string }>;
}

export interface PromoteSettings extends RepositorySettings {
  action: 'promote';
  /** The first stage named (the only one, usually): what messages about "the stage" name. */
  stage: string;
  /** Every stage of `stage: a,b` (absent: `stage` alone); empty with downstream-of. */
  stages?: string[];
  /** Every stage that requests freight from this one (Kargo's promote to downstream). */
  downstreamOf?: string;
  freight?: string;
  mode?: 'direct' | 'pull-request';
  /** Commit through GitHub's API, which signs the commit. */
  signCommits: boolean;
  /** Record the promotion as a GitHub deployment of the stage's environment. */
  deployments: boolean;
  dryRun: boolean;
  /**
   * Where argocd-update steps (and the summary's stage health) find Argo CD; unset: ARGOCD_SERVER
   * and ARGOCD_AUTH_TOKEN from the job's environment.
   */
  argocdServer?: string;
  argocdToken?: string;
  /** A merged pull request whose pending promotion's remaining steps to run, instead of promoting. */
  resumePullRequest?: number;
}

export interface VerifySettings extends RepositorySettings {
  action: 'verify';
  stage: string;
  freight?: string;
  dispatchWorkflow?: string;
  /** The longest the whole verification may take. */
  timeoutMs: number;
}

export interface ApproveSettings extends RepositorySettings {
  action: 'approve';
  stage: string;
  freight: string;
  reason?: string;
}

/** `command: assemble`: freight from the versions named, one a line. */
export interface AssembleSettings extends RepositorySettings {
  action: 'assemble';
  warehouse: string;
  images: string[];
  charts: string[];
  commits: string[];
  dryRun: boolean;
  registryCredentials: Map<string, { username: string; password: string }>;
}

/** `command: environment`: which GitHub environment gates a stage, for a job's `environment:`. */
export interface EnvironmentSettings extends RepositorySettings {
  action: 'environment';
  stage: string;
}

export type ActionSettings =
  | DiscoverSettings
  | PromoteSettings
  | VerifySettings
  | ApproveSettings
  | EnvironmentSettings
  | AssembleSettings;

/** What the runner tells every action: read once in the adapter, handed down. */
export interface RunnerContext {
  serverUrl: string;
  /** `owner/name` of the workflow's repository. */
  repository?: string;
  /** GITHUB_API_URL: `https://api.github.com`, or a GHES server's. */
  apiUrl?: string;
  /** Who started the run (GITHUB_ACTOR): the approver of `command: approve`. */
  actor?: string;
  /** The run's page, recorded as who created freight or promoted. */
  runUrl?: string;
  /** GITHUB_RUN_ID: whose environment gate a promotion checks and whose approvals it records. */
  runId?: number;
  /** GITHUB_SHA: the commit the run's jobs deploy, where GitHub records their environments. */
  sha?: string;
  /** The branch the workflow runs on (GITHUB_REF_NAME when GITHUB_REF_TYPE is branch). */
  refBranch?: string;
  /** Scratch space that lasts the job (RUNNER_TEMP). */
  tempDir: string;
  /** Where docker/login-action and the cloud login actions leave credentials. */
  dockerConfigPath: string;
  /** The whole environment, for git (PATH, HOME, proxies). */
  env: Readonly<Record<string, string | undefined>>;
}

const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** `{key: value}` when there is a value, else nothing: optional settings stay absent. */
function optionalPair<K extends string>(
  key: K,
  value: string | undefined,
): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

function optional(read: InputReader, name: string): string | undefined {
  const v = read(name).trim();
  return v === '' ? undefined : v;
}

function required(read: InputReader, name: string, action: string): string {
  const v = optional(read, name);
  if (v === undefined) throw new ConfigError(`input "${name}" is required for ${action}`);
  return v;
}

function bool(read: InputReader, name: string, fallback = false): boolean {
  const v = (optional(read, name) ?? String(fallback)).toLowerCase();
  if (['true', 'yes', '1', 'on'].includes(v)) return true;
  if (['false', 'no', '0', 'off'].includes(v)) return false;
  throw new ConfigError(`input "${name}" must be true or false, not "${v}"`);
}

/** A multi-line input: one value a line, blank lines and `#` comments skipped. */
function lines(read: InputReader, name: string): string[] {
  return read(name)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** A Go-style duration input (`30m`, `1h30m`), in milliseconds. */
function duration(read: InputReader, input: string, fallback: string): number {
  const v = optional(read, input) ?? fallback;
  try {
    return parseDuration(v);
  } catch {
    throw new ConfigError(`input "${input}" must be a duration such as 30m or 1h30m, not "${v}"`);
  }
}

function name(read: InputReader, input: string, action: string, isRequired: true): string;
function name(
  read: InputReader,
  input: string,
  action: string,
  isRequired: false,
): string | undefined;
function name(
  read: InputReader,
  input: string,
  action: string,
  isRequired: boolean,
): string | undefined {
  const v = isRequired ? required(read, input, action) : optional(read, input);
  if (v !== undefined && !NAME.test(v)) {
    throw new ConfigError(
      `input "${input}" must be a lowercase name such as "dev" (letters, digits, '-'), not "${v}"`,
    );
  }
  return v;
}

/** `owner/name` on this GitHub server, or any git URL. */
export function repositorySettings(
  read: InputReader,
  ctx: Pick<RunnerContext, 'serverUrl' | 'repository'>,
): RepositorySettings {
  const raw = optional(read, Input.repository) ?? ctx.repository;
  if (!raw)
    throw new ConfigError(
      `input "${Input.repository}" is required outside GitHub Actions (owner/name or a git URL)`,
    );
  const token = optional(read, Input.token);
  const project = name(read, Input.project, 'this action', false);
  if (/^[\w.-]+\/[\w.-]+$/.test(raw)) {
    return {
      repositoryUrl: `${ctx.serverUrl.replace(/\/+$/, '')}/${raw}.git`,
      repository: raw,
      token,
      project,
    };
  }
  // Checked first, so that no message below echoes a credential.
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/]*:[^/]*@|^https?:\/\/[^/]*@/i.test(raw)) {
    throw new ConfigError(
      `input "${Input.repository}" must not carry credentials in the URL: pass them in "${Input.token}"`,
    );
  }
  if (!/^(?:https?|file|ssh):\/\/|^[\w.-]+@[\w.-]+:/i.test(raw)) {
    throw new ConfigError(
      `input "${Input.repository}" must be owner/name or a git URL, not "${maskUserinfo(raw)}"`,
    );
  }
  // A URL of a repository on this workflow's GitHub server names it as owner/name too: the
  // repository dispatch-workflow starts and the summaries link is then that one, not this one.
  const onServer = githubRepoOnServer(raw, { serverUrl: ctx.serverUrl });
  return {
    repositoryUrl: raw,
    ...(onServer ? { repository: `${onServer.owner}/${onServer.repo}` } : {}),
    token,
    project,
  };
}

/** Reads and validates every input of one action into its settings, before anything runs. */
export function readSettings(
  action: ActionName,
  read: InputReader,
  ctx: Pick<RunnerContext, 'serverUrl' | 'repository'>,
): ActionSettings {
  const repo = repositorySettings(read, ctx);
  switch (action) {
    case 'discover':
      return {
        action,
        ...repo,
        warehouse: name(read, Input.warehouse, action, false),
        dispatchWorkflow: optional(read, Input.dispatchWorkflow),
        dryRun: bool(read, Input.dryRun),
        registryCredentials: registryCredentials(read),
      };
    case 'promote': {
      const mode = optional(read, Input.mode);
      if (mode !== undefined && mode !== 'direct' && mode !== 'pull-request') {
        throw new ConfigError(
          `input "${Input.mode}" must be direct or pull-request, not "${mode}"`,
        );
      }
      const downstreamOf = name(read, Input.downstreamOf, action, false);
      const stages = downstreamOf
        ? []
        : required(read, Input.stage, action)
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean)
            .map((x) => name(() => x, Input.stage, action, true));
      if (downstreamOf && optional(read, Input.stage) !== undefined) {
        throw new ConfigError(
          `inputs "${Input.stage}" and "${Input.downstreamOf}" exclude each other: give one`,
        );
      }
      return {
        action,
        ...repo,
        stage: downstreamOf ?? stages[0] ?? '',
        stages,
        ...optionalPair('downstreamOf', downstreamOf),
        freight: optional(read, Input.freight),
        mode,
        signCommits: bool(read, Input.signCommits),
        deployments: bool(read, Input.deployments, true),
        dryRun: bool(read, Input.dryRun),
        ...optionalPair('argocdServer', optional(read, Input.argocdServer)),
        ...optionalPair('argocdToken', optional(read, Input.argocdToken)),
        ...resumeInput(optional(read, Input.resumePullRequest)),
      };
    }
    case 'verify':
      return {
        action,
        ...repo,
        stage: name(read, Input.stage, action, true),
        freight: optional(read, Input.freight),
        dispatchWorkflow: optional(read, Input.dispatchWorkflow),
        timeoutMs: duration(read, Input.timeout, '30m'),
      };
    case 'approve':
      return {
        action,
        ...repo,
        stage: name(read, Input.stage, action, true),
        freight: required(read, Input.freight, action),
        reason: optional(read, Input.reason),
      };
    case 'environment':
      return { action, ...repo, stage: name(read, Input.stage, action, true) };
    case 'assemble': {
      const images = lines(read, Input.images);
      const charts = lines(read, Input.charts);
      const commits = lines(read, Input.commits);
      if (!images.length && !charts.length && !commits.length) {
        throw new ConfigError(
          `command assemble needs the versions: inputs "${Input.images}", "${Input.charts}" or "${Input.commits}", one a line`,
        );
      }
      return {
        action,
        ...repo,
        warehouse: name(read, Input.warehouse, action, true),
        images,
        charts,
        commits,
        dryRun: bool(read, Input.dryRun),
        registryCredentials: registryCredentials(read),
      };
    }
  }
}

/**
 * `registry-credentials`: one registry a line, `host=username:password` (the password may hold
 * ':'; blank lines and `#` comments are skipped). For registries no login action covered.
 */
export function registryCredentials(
  read: InputReader,
): Map<string, { username: string; password: string }> {
  const out = new Map<string, { username: string; password: string }>();
  read(Input.registryCredentials)
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith('#')) return;
      const m = /^([^=\s]+)\s*=\s*([^:]+):(.+)$/.exec(line);
      if (!m?.[1] || !m[2] || !m[3]) {
        // The line is not echoed: it may hold a password.
        throw new ConfigError(
          `input "${Input.registryCredentials}", line ${i + 1}: expected host=username:password`,
        );
      }
      out.set(m[1].replace(/^https?:\/\//, '').replace(/\/+$/, ''), {
        username: m[2].trim(),
        password: m[3],
      });
    });
  return out;
}

/** The root action's `command` input. */
export function readCommand(read: InputReader): ActionName {
  const v = optional(read, Input.command);
  const allowed = ROOT_COMMANDS;
  if (!v)
    throw new ConfigError(`input "${Input.command}" is required: one of ${allowed.join(', ')}`);
  if (!(allowed as string[]).includes(v))
    throw new ConfigError(
      `input "${Input.command}" must be one of ${allowed.join(', ')}, not "${v}"`,
    );
  return v as ActionName;
}

/** `resume-pull-request`: a pull request number, or unset. */
function resumeInput(v: string | undefined): { resumePullRequest?: number } {
  if (v === undefined) return {};
  if (!/^[1-9]\d*$/.test(v)) {
    throw new ConfigError(
      `input "${Input.resumePullRequest}" must be a pull request number, not "${v}"`,
    );
  }
  return { resumePullRequest: Number(v) };
}
