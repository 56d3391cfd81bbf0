import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { GitHubClient } from '../github/client.js';
import { dashboardCommand } from './dashboard.js';
import { initCommand } from './init.js';
import { parseDuration } from '../pipeline/duration.js';
import { defaultProviders } from '../verification/index.js';
import { verifyJson, verifyText } from '../verification/report.js';
import { verify } from '../verification/verify.js';
import { GitError, type GitCredentials } from '../git/index.js';
import { formatProblem, ConfigError, GantryError, errorMessage } from '../util/errors.js';
import { suggest } from '../util/suggest.js';
import {
  loadProjects,
  NoRemoteError,
  openRepo,
  projectFileTexts,
  workflowFileTexts,
  selectProjects,
  type ProjectSource,
  type RepoContext,
} from '../status/repo.js';
import type { StateStore } from '../state/index.js';
import { freightViews, promotionViews, stageViews, versionsOf } from '../status/views.js';
import { age, table } from '../util/table.js';
import { runDemo } from './demo.js';
import { approveFreight } from '../promotion/approve.js';
import { promote } from '../promotion/promote.js';
import { defaultRegistry } from '../promotion/steps/registry.js';
import { promoteJson, promoteText } from './promote-output.js';
import type { Project } from '../pipeline/index.js';
import { discoverCommand } from './discover.js';
import pkg from '../../package.json' with { type: 'json' };
import { settleAll } from '../util/settle.js';
import { githubRepoOf } from '../github/url.js';
import { runtimeProblems } from '../status/lint.js';
import { workflowProblems } from '../status/workflow-lint.js';
import { tidyProblems } from '../pipeline/source.js';
import { projectHealth, stageNamesApps, type HealthSettings } from '../health/index.js';
import { expressionDataFromEnv } from '../promotion/expr-data.js';

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  now?: () => Date;
  /** Bold headings and such; off unless stdout is a terminal. */
  color?: boolean;
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const COMMANDS = [
  'lint',
  'get',
  'discover',
  'promote',
  'verify',
  'approve',
  'init',
  'dashboard',
  'demo',
  'help',
  'version',
] as const;
const GET_KINDS = ['stages', 'freight', 'promotions'] as const;
const FLAGS = [
  'repo',
  'project',
  'output',
  'limit',
  'dir',
  'help',
  'warehouse',
  'dry-run',
  'stage',
  'freight',
  'reason',
  'by',
  'mode',
  'sign-commits',
  'no-deployments',
  'timeout',
  'image',
  'stages',
  'values-path',
  'force',
  'out',
];

const USAGE = `gantry: continuous promotion for GitOps

Usage:
  gantry lint [--repo DIR|URL]
  gantry get stages|freight|promotions [--project P] [--output table|json] [--limit N]
  gantry discover [--project P] [--warehouse W] [--dry-run] [--output table|json]
  gantry promote --stage S [--freight ID|ALIAS] [--project P] [--dry-run] [--output table|json]
                 [--mode direct|pull-request] [--sign-commits] [--no-deployments]
  gantry verify --stage S [--freight ID|ALIAS] [--project P] [--timeout 30m] [--output table|json]
  gantry approve --stage S --freight ID|ALIAS [--project P] [--reason TEXT] [--by NAME]
  gantry init [--dir DIR] [--project P] [--image REPO] [--stages dev,staging,prod]
              [--values-path 'env/{stage}/values.yaml'] [--force]
  gantry dashboard --out DIR [--project P]
  gantry demo [--dir DIR]
  gantry version

Global options:
  --repo DIR|URL   a clone of the GitOps repository (its origin holds the state) or a remote URL
                   (file://, https://, git@host:path); default: the current directory
  --output FORMAT  table (default) or json
  --project NAME   act on one project; default: every project in .gantry/

Environment:
  GANTRY_TOKEN      token for an https remote (sent as an HTTP header, never stored)
  GANTRY_CACHE_DIR  where gantry keeps its partial copy of remotes (default ~/.cache/gantry)
  GANTRY_DEBUG      set to 1 to print every git command gantry runs, with its duration
  GITHUB_TOKEN      for a remote on GitHub (GITHUB_SERVER_URL, default github.com): git access,
                    and for promote: pull requests, signed commits, deployments
  GITHUB_API_URL    GitHub's API (default https://api.github.com)

Exit codes: 0 done, 1 refused or failed, 2 bad usage or bad configuration.
`;

class UsageError extends ConfigError {
  override name = 'UsageError';
}

/**
 * The command line over gantry's core. Returns the exit code; never calls process.exit.
 *
 * The first line a failed command prints on stderr is its error: warnings, and the progress of a
 * command whose stdout is JSON, are held back and printed after the result or the error.
 */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const later: string[] = [];
  try {
    return await dispatch(argv, io, later);
  } catch (err) {
    return reportError(err, io);
  } finally {
    if (later.length) io.err(later.join(''));
  }
}

function reportError(err: unknown, io: CliIO): number {
  if (err instanceof ConfigError) {
    io.err(
      `gantry: ${err.problems.length ? `${err.message.split('\n')[0]}\n${err.problems.map(formatProblem).join('\n')}` : err.message}\n`,
    );
    if (err instanceof UsageError) io.err(`Run "gantry help" for usage.\n`);
    return EXIT.usage;
  }
  if (err instanceof GantryError || err instanceof GitError) {
    io.err(`gantry: ${err.message}\n`);
    return EXIT.failed;
  }
  io.err(
    `gantry: unexpected error: ${errorMessage(err)}\n${err instanceof Error ? (err.stack ?? '') : ''}\n`,
  );
  return EXIT.failed;
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        repo: { type: 'string', default: '.' },
        project: { type: 'string' },
        output: { type: 'string', short: 'o', default: 'table' },
        limit: { type: 'string', default: '20' },
        dir: { type: 'string' },
        warehouse: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        stage: { type: 'string' },
        freight: { type: 'string' },
        reason: { type: 'string' },
        by: { type: 'string' },
        mode: { type: 'string' },
        'sign-commits': { type: 'boolean', default: false },
        'no-deployments': { type: 'boolean', default: false },
        timeout: { type: 'string', default: '30m' },
        image: { type: 'string' },
        stages: { type: 'string' },
        'values-path': { type: 'string' },
        force: { type: 'boolean', default: false },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    const msg = errorMessage(err);
    const flag = /'(--?[\w-]+)'/.exec(msg)?.[1];
    const hint = flag ? suggest(flag.replace(/^-+/, ''), FLAGS) : undefined;
    throw new UsageError(hint ? `${msg} (did you mean --${hint}?)` : msg);
  }
}

async function dispatch(argv: string[], io: CliIO, later: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
  const [command, ...rest] = positionals;
  if (!command || command === 'help' || values.help) {
    (command || values.help ? io.out : io.err)(USAGE);
    return command || values.help ? EXIT.ok : EXIT.usage;
  }
  if (!(COMMANDS as readonly string[]).includes(command)) {
    const hint = suggest(command, [...COMMANDS]);
    throw new UsageError(`unknown command "${command}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
  }
  const output = values.output;
  if (output !== 'table' && output !== 'json')
    throw new UsageError(`--output must be table or json, not "${output}"`);
  const now = io.now ?? (() => new Date());
  const repoSettings = () => ({
    repo: values.repo,
    cacheDir:
      io.env.GANTRY_CACHE_DIR ||
      join(io.env.XDG_CACHE_HOME || join(io.env.HOME || homedir(), '.cache'), 'gantry'),
    baseEnv: io.env,
    credentials: (url: string) => repoCredentials(io.env, url),
    warn: (line: string) => later.push(`warning: ${line}\n`),
    trace: io.env.GANTRY_DEBUG ? (line: string) => io.err(`debug: ${line}\n`) : undefined,
  });

  // Progress of promote and verify: on stdout beside the result (steps can take minutes), or after
  // it when stdout is JSON.
  const progress =
    output === 'table'
      ? (line: string) => io.out(`${line}\n`)
      : (line: string) => later.push(`${line}\n`);

  switch (command) {
    case 'version':
      io.out(`gantry ${VERSION}\n`);
      return EXIT.ok;
    case 'lint': {
      if (rest.length) throw new UsageError(`lint takes no arguments, got "${rest.join(' ')}"`);
      const settings = repoSettings();
      let ctx: ProjectSource;
      try {
        ctx = await openRepo(settings);
      } catch (err) {
        // Lint reads the work tree: a clone without a remote (fresh from `git init`) has no
        // state to check, but its files can be linted all the same.
        if (!(err instanceof NoRemoteError)) throw err;
        ctx = { localDir: err.localDir };
      }
      const loaded = await loadProjects(ctx);
      const { projects } = loaded;
      const texts = loaded.problems.length ? [] : await projectFileTexts(ctx);
      const problems = loaded.problems.length
        ? loaded.problems
        : tidyProblems([
            ...runtimeProblems(texts, projects, defaultRegistry(), defaultProviders()),
            ...workflowProblems(await workflowFileTexts(ctx), projects, texts),
          ]);
      if (problems.length) {
        io.out(problems.map(formatProblem).join('\n') + '\n');
        const where = problems.some((p) => p.file.startsWith('.github/'))
          ? 'the project and workflow files'
          : 'the project files';
        io.err(
          `gantry: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${where}\n`,
        );
        return EXIT.usage;
      }
      const unreadable = ctx.store ? await unreadableTags(ctx.store, projects, settings.warn) : 0;
      io.err(
        `ok: ${projects.length} project${projects.length === 1 ? '' : 's'} (${projects.map((p) => p.name).join(', ')})${unreadable ? `; warnings: ${unreadable} unreadable tag${unreadable === 1 ? '' : 's'}` : ''}\n`,
      );
      return EXIT.ok;
    }
    case 'get': {
      const kind = rest[0];
      if (!kind || !(GET_KINDS as readonly string[]).includes(kind) || rest.length > 1) {
        const hint = kind ? suggest(kind, [...GET_KINDS]) : undefined;
        throw new UsageError(
          `get needs one of ${GET_KINDS.join(', ')}${kind ? `, not "${rest.join(' ')}"` : ''}${hint ? ` (did you mean "${hint}"?)` : ''}`,
        );
      }
      const limit = Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new UsageError(`--limit must be a positive integer, not "${values.limit}"`);
      const ctx = await openRepo(repoSettings());
      const projects = await selectProjects(ctx, values.project);
      io.out(
        await get(kind as (typeof GET_KINDS)[number], ctx, projects, output, limit, now(), {
          env: io.env,
          fetch,
        }),
      );
      return EXIT.ok;
    }
    case 'discover': {
      if (rest.length) throw new UsageError(`discover takes no arguments, got "${rest.join(' ')}"`);
      const settings = repoSettings();
      const ctx = await openRepo(settings);
      const projects = await selectProjects(ctx, values.project);
      return discoverCommand(ctx, projects, {
        warehouse: values.warehouse,
        dryRun: values['dry-run'],
        output,
        io,
        cacheDir: settings.cacheDir,
        trace: settings.trace,
        now,
      });
    }
    case 'promote': {
      if (rest.length) throw new UsageError(`promote takes no arguments, got "${rest.join(' ')}"`);
      if (!values.stage) throw new UsageError('promote needs --stage');
      const ctx = await openRepo(repoSettings());
      const projects = await selectProjects(ctx, values.project);
      if (projects.length !== 1) {
        throw new UsageError(
          `promote needs --project: this repository has ${projects.map((p) => p.name).join(', ')}`,
        );
      }
      const who = values.by || io.env.GIT_AUTHOR_NAME || io.env.USER || 'unknown';
      const mode = values.mode;
      if (mode !== undefined && mode !== 'direct' && mode !== 'pull-request')
        throw new UsageError(`--mode must be direct or pull-request, not "${mode}"`);
      const api = githubForRemote(io.env, ctx.store.remoteUrl);
      if ((values['sign-commits'] || mode === 'pull-request') && !api) {
        throw new UsageError(
          `${values['sign-commits'] ? '--sign-commits' : 'pull-request mode'} needs a remote on GitHub (${io.env.GITHUB_SERVER_URL || 'https://github.com'}) and GITHUB_TOKEN`,
        );
      }
      const outcome = await promote({
        ...(mode ? { mode } : {}),
        ...(api
          ? {
              github: {
                repo: api,
                signCommits: values['sign-commits'],
                deployments: !values['no-deployments'],
              },
            }
          : {}),
        project: projects[0] as Project,
        stage: values.stage,
        freight: values.freight,
        store: ctx.store,
        registry: defaultRegistry(),
        dryRun: values['dry-run'],
        promotedBy: who,
        clock: now,
        fetch,
        log: progress,
        env: io.env,
        expressionData: expressionDataFromEnv(io.env),
      });
      io.out(
        output === 'json'
          ? JSON.stringify(promoteJson(outcome), null, 2) + '\n'
          : promoteText(outcome, values['dry-run']),
      );
      return EXIT.ok;
    }
    case 'verify': {
      if (rest.length) throw new UsageError(`verify takes no arguments, got "${rest.join(' ')}"`);
      if (!values.stage) throw new UsageError('verify needs --stage');
      let timeoutMs: number;
      try {
        timeoutMs = parseDuration(values.timeout);
      } catch {
        throw new UsageError(`--timeout must be a duration such as 30m, not "${values.timeout}"`);
      }
      const ctx = await openRepo(repoSettings());
      const projects = await selectProjects(ctx, values.project);
      if (projects.length !== 1) {
        throw new UsageError(
          `verify needs --project: this repository has ${projects.map((p) => p.name).join(', ')}`,
        );
      }
      const api = githubForRemote(io.env, ctx.store.remoteUrl);
      const outcome = await verify({
        project: projects[0] as Project,
        stage: values.stage,
        freight: values.freight,
        store: ctx.store,
        providers: defaultProviders(),
        verifiedBy: values.by || io.env.GIT_AUTHOR_NAME || io.env.USER || 'unknown',
        fetch,
        env: io.env,
        secrets: [io.env.GITHUB_TOKEN, io.env.GANTRY_TOKEN].filter((t): t is string => !!t),
        clock: now,
        timeoutMs,
        log: progress,
        ...(api ? { github: api } : {}),
      });
      io.out(
        output === 'json'
          ? JSON.stringify(verifyJson(outcome), null, 2) + '\n'
          : verifyText(outcome),
      );
      return outcome.verified ? EXIT.ok : EXIT.failed;
    }
    case 'approve': {
      if (rest.length) throw new UsageError(`approve takes no arguments, got "${rest.join(' ')}"`);
      if (!values.stage || !values.freight)
        throw new UsageError('approve needs --stage and --freight');
      const ctx = await openRepo(repoSettings());
      const projects = await selectProjects(ctx, values.project);
      if (projects.length !== 1) {
        throw new UsageError(
          `approve needs --project: this repository has ${projects.map((p) => p.name).join(', ')}`,
        );
      }
      const { created, record } = await approveFreight({
        store: ctx.store,
        project: projects[0] as Project,
        stage: values.stage,
        freightRef: values.freight,
        approvedBy: values.by || io.env.GIT_AUTHOR_NAME || io.env.USER || 'unknown',
        reason: values.reason,
        clock: now,
      });
      if (output === 'json') io.out(JSON.stringify({ created, approval: record }, null, 2) + '\n');
      else {
        io.out(
          `${created ? 'approved' : 'already approved'}: ${record.alias} (${record.freightId.slice(0, 7)}) for ${record.stage} by ${record.approvedBy}${record.reason ? ` (${record.reason})` : ''}\n`,
        );
      }
      return EXIT.ok;
    }
    case 'init':
      if (rest.length) throw new UsageError(`init takes no arguments, got "${rest.join(' ')}"`);
      return initCommand({
        dir: values.dir ?? '.',
        project: values.project,
        image: values.image,
        stages: values.stages,
        valuesPath: values['values-path'],
        force: values.force,
        io,
      });
    case 'dashboard': {
      if (rest.length)
        throw new UsageError(`dashboard takes no arguments, got "${rest.join(' ')}"`);
      if (!values.out) throw new UsageError('dashboard needs --out DIR');
      const ctx = await openRepo(repoSettings());
      const projects = await selectProjects(ctx, values.project);
      return dashboardCommand({ ctx, projects, out: values.out, io, now });
    }
    case 'demo':
      return runDemo({
        dir: values.dir,
        io,
        cli: (args, env) => runCli(args, env ? { ...io, env: { ...io.env, ...env } } : io),
      });
  }
  return EXIT.usage;
}

/**
 * Lint's state check: the tags of each project that gantry cannot read (the store prints a
 * warning for each). A remote that cannot be reached is a warning too: lint is about the files.
 */
async function unreadableTags(
  store: StateStore,
  projects: readonly Project[],
  warn: (line: string) => void,
): Promise<number> {
  let count = 0;
  for (const p of projects) {
    try {
      count += (await store.snapshot(p.name)).unreadable?.length ?? 0;
    } catch (err) {
      if (!(err instanceof GantryError || err instanceof GitError)) throw err;
      warn(`could not check the state tags of ${p.name} at ${store.remoteUrl}: ${err.message}`);
      return count;
    }
  }
  return count;
}

async function get(
  kind: (typeof GET_KINDS)[number],
  ctx: RepoContext,
  projects: Awaited<ReturnType<typeof selectProjects>>,
  output: 'table' | 'json',
  limit: number,
  now: Date,
  health: HealthSettings,
): Promise<string> {
  const many = projects.length > 1;
  const withProject = (row: string[], project: string) => (many ? [project, ...row] : row);
  const headers = (h: string[]) => (many ? ['PROJECT', ...h] : h);

  if (kind === 'promotions') {
    const all = [];
    for (const p of projects) {
      const branches = await ctx.store.stageBranches(p.stages);
      all.push(...promotionViews(await ctx.store.promotions(p.name, branches, limit)));
    }
    // Newest first across projects too; each project's list is already the newest `limit`.
    all.sort((a, b) => b.promotedAt.localeCompare(a.promotedAt));
    all.splice(limit);
    if (output === 'json') return JSON.stringify({ promotions: all }, null, 2) + '\n';
    return table(
      headers(['STAGE', 'FREIGHT', 'COMMIT', 'BY', 'APPROVED BY', 'AGE']),
      all.map((v) =>
        withProject(
          [
            v.stage,
            v.freight.alias,
            v.commit.slice(0, 7),
            v.promotedBy,
            v.approvedBy.join(',') || '-',
            age(v.promotedAt, now),
          ],
          v.project,
        ),
      ),
    );
  }

  const stages = [];
  const freight = [];
  for (const p of projects) {
    const [snap, states] = await settleAll([
      ctx.store.snapshot(p.name),
      ctx.store.stageStates(p.name, p.stages),
    ]);
    if (kind === 'stages') {
      const appHealth = await projectHealth(ctx.store, p, states, snap.freight, health);
      stages.push(...stageViews(p, snap, states, appHealth));
    } else freight.push(...freightViews(p, snap, states));
  }
  if (kind === 'stages') {
    if (output === 'json') return JSON.stringify({ stages }, null, 2) + '\n';
    // Only pipelines that name Argo CD Applications get the column: for the others every stage
    // would say NotApplicable.
    const showHealth = projects.some((p) => p.stages.some(stageNamesApps));
    return table(
      headers([
        'NAME',
        'FREIGHT',
        'ID',
        'VERIFIED',
        ...(showHealth ? ['HEALTH'] : []),
        'SINCE',
        'BY',
      ]),
      stages.map((s) =>
        withProject(
          [
            s.name,
            s.freight.map((f) => f.alias).join(',') || '-',
            s.freight.map((f) => f.id.slice(0, 7)).join(',') || '-',
            s.verified === undefined ? '-' : s.verified ? 'yes' : 'no',
            ...(showHealth ? [s.appHealth?.status ?? '-'] : []),
            age(s.promotedAt, now) || '-',
            s.promotedBy ?? '-',
          ],
          s.project,
        ),
      ),
    );
  }
  if (output === 'json') return JSON.stringify({ freight }, null, 2) + '\n';
  return table(
    headers(['ID', 'ALIAS', 'WAREHOUSE', 'VERSIONS', 'AGE', 'STAGES']),
    freight.map((f) =>
      withProject(
        [
          f.id.slice(0, 7),
          f.alias,
          f.origin.name,
          versionsOf(f),
          age(f.createdAt, now),
          Object.keys(f.status.currentlyIn)
            .map((s) => (f.status.verifiedIn[s] ? `${s}✓` : s))
            .join(',') || '-',
        ],
        f.project,
      ),
    ),
  );
}

export const VERSION: string = pkg.version;

/**
 * The GitHub repository and API of a remote on the GitHub server (GITHUB_SERVER_URL, default
 * github.com), whichever way the remote is written: `https://host/owner/name(.git)`,
 * `ssh://git@host/owner/name`, or scp-style `git@host:owner/name.git` (an SSH clone's origin:
 * promotions from it record deployments and open pull requests like any other).
 */
export function githubTarget(
  env: CliIO['env'],
  url: string,
): { owner: string; repo: string; apiUrl: string } | undefined {
  const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
  const ref = githubRepoOf(url, { serverUrl, apiUrl: env.GITHUB_API_URL });
  if (!ref) return undefined;
  let onGitHubCom: boolean;
  try {
    onGitHubCom = new URL(serverUrl).hostname.toLowerCase() === 'github.com';
  } catch {
    return undefined;
  }
  const toGitHubCom = ref.apiUrl === 'https://api.github.com';
  // GITHUB_TOKEN is the configured server's: never sent to github.com for a GHES user, or back.
  if (toGitHubCom && !onGitHubCom) return undefined;
  return {
    owner: ref.owner,
    repo: ref.repo,
    apiUrl: toGitHubCom ? env.GITHUB_API_URL || ref.apiUrl : ref.apiUrl,
  };
}

function githubForRemote(env: CliIO['env'], url: string): GitHubClient | undefined {
  const target = env.GITHUB_TOKEN ? githubTarget(env, url) : undefined;
  return target && env.GITHUB_TOKEN
    ? new GitHubClient({ token: env.GITHUB_TOKEN, ...target })
    : undefined;
}

/**
 * GANTRY_TOKEN for any https remote; GITHUB_TOKEN only for the GitHub host, so that a token meant
 * for GitHub never replaces the credential helper of a GitLab or Gitea remote.
 */
function repoCredentials(env: CliIO['env'], url: string): GitCredentials | undefined {
  if (env.GANTRY_TOKEN) return { kind: 'token', token: env.GANTRY_TOKEN };
  if (!env.GITHUB_TOKEN) return undefined;
  try {
    const host = new URL(env.GITHUB_SERVER_URL || 'https://github.com').host;
    return new URL(url).host === host ? { kind: 'token', token: env.GITHUB_TOKEN } : undefined;
  } catch {
    return undefined;
  }
}
