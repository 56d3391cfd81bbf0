import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Git, parseRemote, type GitCredentials, type Remote } from '../git/index.js';
// The project parser (its schemas and checks) loads when projects are read, not when the
// repository opens: `gantry promote` starts its first fetch in between and loads it meanwhile.
import type { Project } from '../pipeline/index.js';
import { ConfigError, type Problem } from '../util/errors.js';
import { StateStore, type StateStoreOptions } from '../state/index.js';

/** Where `--repo` points: a local clone (its origin holds the state) or a remote URL. */
export interface RepoSettings {
  repo: string;
  /** Credentials for the remote, or a function that picks them once the remote's URL is known. */
  credentials?: GitCredentials | ((url: string) => GitCredentials | undefined);
  cacheDir: string;
  baseEnv: Readonly<Record<string, string | undefined>>;
  identity?: StateStoreOptions['identity'];
  log?: (line: string) => void;
  /** Problems that do not stop the command (see StateStoreOptions.warn). */
  warn?: (line: string) => void;
  trace?: (line: string) => void;
}

export interface RepoContext {
  remote: Remote;
  /** The local clone, when `--repo` named one: project files are read from its work tree. */
  localDir?: string;
  store: StateStore;
}

/**
 * A clone without an `origin` remote: commands that read or write state cannot run there, but
 * `gantry lint` (which reads the work tree) can, from `localDir`.
 */
export class NoRemoteError extends ConfigError {
  override name = 'NoRemoteError';
  constructor(readonly localDir: string) {
    super(
      `${localDir} has no "origin" remote: gantry reads and writes state there (git remote add origin <url>)`,
    );
  }
}

/**
 * A directory that is no git repository yet (a fresh `gantry init` before `git init`): only
 * `gantry lint` can run there, on the files.
 */
export class NotARepoError extends ConfigError {
  override name = 'NotARepoError';
  constructor(
    repo: string,
    readonly dir: string,
  ) {
    super(
      `${repo} is not a git repository: pass a clone of the GitOps repository, or its URL, with --repo`,
    );
  }
}

const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|[\w.-]+@[\w.-]+:)/i;

function credentialsFor(s: RepoSettings, url: string): GitCredentials | undefined {
  return typeof s.credentials === 'function' ? s.credentials(url) : s.credentials;
}

export function isRemoteUrl(repo: string): boolean {
  if (URL_LIKE.test(repo)) return true;
  const colon = repo.indexOf(':');
  const slash = repo.indexOf('/');
  return colon > 0 && (slash < 0 || colon < slash) && !existsSync(repo);
}

/**
 * An origin as git would read it: a URL with a scheme, an scp-style `host:path` (a colon before
 * any slash, as with ssh aliases like `gh:acme/gitops.git`), or else a path, made a file:// URL
 * (shallow fetches need one) relative to the clone.
 */
export function remoteUrlOf(origin: string, cloneDir: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(origin)) return origin;
  const colon = origin.indexOf(':');
  const slash = origin.indexOf('/');
  if (colon > 0 && (slash < 0 || colon < slash) && !existsSync(resolve(cloneDir, origin)))
    return origin;
  return pathToFileURL(isAbsolute(origin) ? origin : resolve(cloneDir, origin)).href;
}

export async function openRepo(s: RepoSettings): Promise<RepoContext> {
  let remote: Remote;
  let localDir: string | undefined;
  if (isRemoteUrl(s.repo)) {
    remote = parseRemote(s.repo, credentialsFor(s, s.repo));
  } else {
    const dir = resolve(s.repo);
    if (!existsSync(dir))
      throw new ConfigError(
        `${s.repo} does not exist: pass a clone of the GitOps repository, or its URL, with --repo`,
      );
    const git = new Git({ baseEnv: s.baseEnv });
    const bare = await git.tryRun(['rev-parse', '--is-bare-repository'], { cwd: dir });
    if (bare.exitCode !== 0) throw new NotARepoError(s.repo, dir);
    if (bare.stdout.trim() === 'true') {
      // A bare repository is the remote itself.
      remote = parseRemote(pathToFileURL(dir).href);
    } else {
      localDir = (await git.run(['rev-parse', '--show-toplevel'], { cwd: dir })).stdout.trim();
      const origin = await git.tryRun(['remote', 'get-url', 'origin'], { cwd: localDir });
      if (origin.exitCode !== 0) throw new NoRemoteError(localDir);
      const url = remoteUrlOf(origin.stdout.trim(), localDir);
      remote = parseRemote(url, credentialsFor(s, url));
    }
  }
  const store = new StateStore({
    remote,
    cacheDir: s.cacheDir,
    baseEnv: s.baseEnv,
    identity: s.identity,
    log: s.log,
    warn: s.warn,
    trace: s.trace,
  });
  return { remote, localDir, store };
}

/** Where project files are read: a repository, or a work tree without a remote (lint). */
export type ProjectSource = RepoContext | { localDir: string; store?: undefined };

/** The project files: from the clone's work tree, or the remote's default branch. */
export async function loadProjects(
  ctx: ProjectSource,
): Promise<{ projects: Project[]; problems: Problem[] }> {
  const { kargoDirsOf, loadProjectsFromDir, loadProjectsFromFiles } =
    await import('../pipeline/index.js');
  if (ctx.localDir) return loadProjectsFromDir(ctx.localDir);
  const store = ctx.store as StateStore;
  const files = await store.projectFiles();
  // Kargo's manifests a gantry file points at are read from the same commit's tree.
  const kargo = new Map<string, { file: string; text: string }[]>();
  for (const dir of kargoDirsOf(files)) {
    kargo.set(dir, await store.projectFiles(undefined, dir, true));
  }
  return loadProjectsFromFiles(files, kargo);
}

/** The project files' texts, from the clone's work tree or the remote's default branch. */
export async function projectFileTexts(
  ctx: ProjectSource,
): Promise<{ file: string; text: string }[]> {
  const { PROJECT_DIR } = await import('../pipeline/index.js');
  return yamlFilesIn(ctx, PROJECT_DIR);
}

/** The workflow files, where `gantry lint` looks for promote jobs and their environments. */
export function workflowFileTexts(ctx: ProjectSource): Promise<{ file: string; text: string }[]> {
  return yamlFilesIn(ctx, '.github/workflows');
}

async function yamlFilesIn(
  ctx: ProjectSource,
  dirName: string,
): Promise<{ file: string; text: string }[]> {
  if (!ctx.localDir) return (ctx.store as StateStore).projectFiles(undefined, dirName);
  const dir = join(ctx.localDir, dirName);
  const names = (await readdir(dir).catch(() => [] as string[]))
    .filter((n) => /\.ya?ml$/.test(n))
    .sort();
  return Promise.all(
    names.map(async (n) => ({
      file: `${dirName}/${n}`,
      text: await readFile(join(dir, n), 'utf8'),
    })),
  );
}

/** Projects to act on: the one named, or all of them; a configuration error stops here. */
export async function selectProjects(ctx: RepoContext, name?: string): Promise<Project[]> {
  return pickProjects(await validProjects(ctx), name);
}

/** Every project of the repository; a configuration error when any file has problems. */
export async function validProjects(ctx: RepoContext): Promise<Project[]> {
  const { projects, problems } = await loadProjects(ctx);
  if (problems.length)
    throw new ConfigError('the project files have problems (run gantry lint):', problems);
  return projects;
}

/** The project named, or all of them. */
export function pickProjects(projects: Project[], name?: string): Project[] {
  if (!name) return projects;
  const p = projects.find((x) => x.name === name);
  if (!p) {
    throw new ConfigError(
      `no project "${name}"; projects here: ${projects.map((x) => x.name).join(', ') || 'none'}`,
    );
  }
  return [p];
}
