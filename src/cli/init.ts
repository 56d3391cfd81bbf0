import { lstat, mkdir, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseImageRepository } from '../discovery/oci/reference.js';
import { Git } from '../git/index.js';
import {
  candidatePaths,
  githubRepoOf,
  initReport,
  initSettings,
  planInit,
  projectPath,
  type RepoFacts,
  type WorkflowProject,
} from '../init/index.js';
import { loadProjectsFromDir } from '../pipeline/index.js';
import { ConfigError, OperationError, errorMessage } from '../util/errors.js';
import { EXIT, type CliIO } from './io.js';

export interface InitOptions {
  /** Root of the GitOps repository clone to write into. */
  dir: string;
  project?: string;
  image?: string;
  /** Comma-separated stage names, in pipeline order. */
  stages?: string;
  /** Values file per stage; `{stage}` is replaced by the stage name. */
  valuesPath?: string;
  force: boolean;
  io: CliIO;
}

interface GitFacts {
  isGitRepo: boolean;
  github?: RepoFacts['github'];
}

/** Is `root` the top of a git work tree, and which GitHub repository is its origin? */
async function gitFacts(root: string, io: CliIO): Promise<GitFacts> {
  const git = new Git({ baseEnv: io.env, timeoutMs: 10_000 });
  let top: string;
  try {
    const r = await git.tryRun(['rev-parse', '--show-toplevel'], { cwd: root });
    if (r.exitCode !== 0) return { isGitRepo: false };
    top = r.stdout.trim();
  } catch {
    return { isGitRepo: false }; // no git binary: the files can still be written
  }
  if ((await realpath(top)) !== (await realpath(root))) {
    throw new ConfigError(
      `--dir ${root} is inside the git repository ${top}, not its root; GitHub reads workflows from .github/workflows and gantry reads .gantry/ at the root: run gantry init --dir ${top}`,
    );
  }
  const origin = await git.tryRun(['remote', 'get-url', 'origin'], { cwd: root });
  const github =
    origin.exitCode === 0
      ? githubRepoOf(origin.stdout, {
          serverUrl: io.env.GITHUB_SERVER_URL,
          apiUrl: io.env.GITHUB_API_URL,
        })
      : undefined;
  return { isGitRepo: true, ...(github ? { github } : {}) };
}

/** The repository's other projects, for the promote workflow's choices. */
async function otherProjects(
  root: string,
  self: string,
): Promise<{ projects: WorkflowProject[]; unreadable: string[] }> {
  const { projects, problems } = await loadProjectsFromDir(root);
  const own = new Set([projectPath(self), `.gantry/${self}.yml`]);
  const unreadable = [
    ...new Set(problems.map((p) => p.file).filter((f) => !own.has(f) && /\.ya?ml$/.test(f))),
  ];
  const loaded = projects
    .filter((p) => p.name !== self && !own.has(p.file))
    .map((p) => ({
      name: p.name,
      stages: p.stages.map((s) => s.name),
      registries: p.warehouses.flatMap((w) =>
        w.subscriptions.flatMap((sub) => {
          if (sub.kind !== 'image') return [];
          try {
            return [parseImageRepository(sub.image.repoURL).registry];
          } catch {
            return [];
          }
        }),
      ),
    }));
  return { projects: loaded, unreadable };
}

async function existingFiles(root: string, paths: readonly string[]): Promise<Map<string, string>> {
  const existing = new Map<string, string>();
  for (const path of paths) {
    const abs = join(root, path);
    let info;
    try {
      info = await lstat(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') continue;
      throw err;
    }
    if (info.isDirectory()) {
      throw new ConfigError(`${path} is a directory; gantry init needs to write a file there`);
    }
    existing.set(path, info.isFile() ? await readFile(abs, 'utf8') : '');
  }
  return existing;
}

/** `gantry init`: the core decides (src/init); this reads the repository and writes the files. */
export async function initCommand(o: InitOptions): Promise<number> {
  const settings = initSettings(o);
  const root = resolve(o.dir);
  try {
    if (!(await stat(root)).isDirectory())
      throw new ConfigError(`--dir ${o.dir} is not a directory`);
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(
      `--dir ${o.dir} does not exist: run gantry init in a clone of your GitOps repository, or point --dir at one`,
    );
  }
  const facts = await gitFacts(root, o.io);
  const others = await otherProjects(root, settings.project);
  const existing = await existingFiles(root, candidatePaths(settings));
  const plan = planInit(
    settings,
    {
      existing,
      otherProjects: others.projects,
      ...(facts.github ? { github: facts.github } : {}),
    },
    { force: o.force },
  );
  for (const file of others.unreadable) {
    plan.warnings.push(
      `${file} does not lint, so its stages are not among the promote workflow's choices (gantry lint says why; then run gantry init again with --force)`,
    );
  }

  const created: string[] = [];
  try {
    for (const f of plan.write) {
      const abs = join(root, f.path);
      if (!f.overwrite) await mkdir(dirname(abs), { recursive: true });
      await writeFile(abs, f.text, { flag: f.overwrite ? 'w' : 'wx' });
      if (!f.overwrite) created.push(abs);
    }
  } catch (err) {
    // All or nothing: take back the files this run created (overwritten ones cannot be).
    await Promise.all(created.map((abs) => rm(abs, { force: true })));
    throw new OperationError(`gantry init: could not write the files: ${errorMessage(err)}`);
  }
  o.io.out(initReport(plan, { dir: o.dir, isGitRepo: facts.isGitRepo }));
  return EXIT.ok;
}
