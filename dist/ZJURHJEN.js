import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  StateStore
} from "./W4ICZBQF.js";
import {
  Git
} from "./HLO4W42S.js";
import {
  parseRemote
} from "./J4XWRISY.js";
import {
  ConfigError
} from "./HQMHHTDW.js";

// src/app/repo.ts
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
var NoRemoteError = class extends ConfigError {
  constructor(localDir) {
    super(
      `${localDir} has no "origin" remote: gantry reads and writes state there (git remote add origin <url>)`
    );
    this.localDir = localDir;
  }
  localDir;
  name = "NoRemoteError";
};
var NotARepoError = class extends ConfigError {
  constructor(repo, dir) {
    super(
      `${repo} is not a git repository: pass a clone of the GitOps repository, or its URL, with --repo`
    );
    this.dir = dir;
  }
  dir;
  name = "NotARepoError";
};
var URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|[\w.-]+@[\w.-]+:)/i;
function credentialsFor(s, url) {
  return typeof s.credentials === "function" ? s.credentials(url) : s.credentials;
}
function isRemoteUrl(repo) {
  if (URL_LIKE.test(repo)) return true;
  const colon = repo.indexOf(":");
  const slash = repo.indexOf("/");
  return colon > 0 && (slash < 0 || colon < slash) && !existsSync(repo);
}
function remoteUrlOf(origin, cloneDir) {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(origin)) return origin;
  const colon = origin.indexOf(":");
  const slash = origin.indexOf("/");
  if (colon > 0 && (slash < 0 || colon < slash) && !existsSync(resolve(cloneDir, origin)))
    return origin;
  return pathToFileURL(isAbsolute(origin) ? origin : resolve(cloneDir, origin)).href;
}
async function openRepo(s) {
  let remote;
  let localDir;
  if (isRemoteUrl(s.repo)) {
    remote = parseRemote(s.repo, credentialsFor(s, s.repo));
  } else {
    const dir = resolve(s.repo);
    if (!existsSync(dir))
      throw new ConfigError(
        `${s.repo} does not exist: pass a clone of the GitOps repository, or its URL, with --repo`
      );
    const git = new Git({ baseEnv: s.baseEnv });
    const bare = await git.tryRun(["rev-parse", "--is-bare-repository"], { cwd: dir });
    if (bare.exitCode !== 0) throw new NotARepoError(s.repo, dir);
    if (bare.stdout.trim() === "true") {
      remote = parseRemote(pathToFileURL(dir).href);
    } else {
      localDir = (await git.run(["rev-parse", "--show-toplevel"], { cwd: dir })).stdout.trim();
      const origin = await git.tryRun(["remote", "get-url", "origin"], { cwd: localDir });
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
    trace: s.trace
  });
  return { remote, localDir, store };
}
async function loadProjects(ctx) {
  const { kargoDirsOf, loadProjectsFromDir, loadProjectsFromFiles } = await import("./3R5QMNPO.js");
  if (ctx.localDir) return loadProjectsFromDir(ctx.localDir);
  const store = ctx.store;
  const files = await store.projectFiles();
  const kargo = /* @__PURE__ */ new Map();
  for (const dir of kargoDirsOf(files)) {
    kargo.set(dir, await store.projectFiles(void 0, dir, true));
  }
  return loadProjectsFromFiles(files, kargo);
}
async function projectFileTexts(ctx) {
  const { PROJECT_DIR } = await import("./3R5QMNPO.js");
  return yamlFilesIn(ctx, PROJECT_DIR);
}
function workflowFileTexts(ctx) {
  return yamlFilesIn(ctx, ".github/workflows");
}
async function yamlFilesIn(ctx, dirName) {
  if (!ctx.localDir) return ctx.store.projectFiles(void 0, dirName);
  const dir = join(ctx.localDir, dirName);
  const names = (await readdir(dir).catch(() => [])).filter((n) => /\.ya?ml$/.test(n)).sort();
  return Promise.all(
    names.map(async (n) => ({
      file: `${dirName}/${n}`,
      text: await readFile(join(dir, n), "utf8")
    }))
  );
}
async function selectProjects(ctx, name) {
  return pickProjects(await validProjects(ctx), name);
}
async function validProjects(ctx) {
  const { projects, problems } = await loadProjects(ctx);
  if (problems.length)
    throw new ConfigError("the project files have problems (run gantry lint):", problems);
  return projects;
}
function pickProjects(projects, name) {
  if (!name) return projects;
  const p = projects.find((x) => x.name === name);
  if (!p) {
    throw new ConfigError(
      `no project "${name}"; projects here: ${projects.map((x) => x.name).join(", ") || "none"}`
    );
  }
  return [p];
}

export {
  NoRemoteError,
  NotARepoError,
  openRepo,
  loadProjects,
  projectFileTexts,
  workflowFileTexts,
  selectProjects,
  validProjects,
  pickProjects
};
