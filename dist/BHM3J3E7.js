import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  PROJECT_FILE_LIMITS,
  isKargoFile,
  kargoDirOf,
  kargoDirsOf,
  parseProjectFile,
  problemAt,
  sourceOf,
  tidyProblems,
  tooLarge
} from "./HFSWYXPK.js";
import {
  didYouMean
} from "./TFE6LUOK.js";
import {
  loadRegexEngine
} from "./JWBIZYSO.js";
import {
  ConfigError
} from "./HQMHHTDW.js";

// src/pipeline/find.ts
function findStage(project, name) {
  const stage = project.stages.find((s) => s.name === name);
  if (!stage) {
    const names = project.stages.map((s) => s.name);
    throw new ConfigError(
      `no stage "${name}" in project ${project.name}${didYouMean(name, names)}`
    );
  }
  return stage;
}

// src/pipeline/load.ts
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
var PROJECT_DIR = ".gantry";
function projectKeyProblem(project, message) {
  const src = sourceOf(project);
  if (!src) return { file: project.file, line: 1, column: 1, path: "project", message };
  return problemAt(src, ["project"], message, "key");
}
function checkProjects(projects) {
  const problems = [];
  const firstFile = /* @__PURE__ */ new Map();
  for (const project of projects) {
    const base = path.posix.basename(project.file.replace(/\\/g, "/"));
    const ext = /\.yml$/i.test(base) ? ".yml" : ".yaml";
    const expected = `${project.name}${ext}`;
    if (base !== expected) {
      problems.push(
        projectKeyProblem(
          project,
          `project ${JSON.stringify(project.name)} must be in a file named ${expected} (this file is ${base}): rename the file or the project`
        )
      );
    }
    const earlier = firstFile.get(project.name);
    if (earlier !== void 0) {
      problems.push(
        projectKeyProblem(
          project,
          `project ${JSON.stringify(project.name)} is already defined in ${earlier}`
        )
      );
    } else {
      firstFile.set(project.name, project.file);
    }
  }
  return tidyProblems(problems);
}
async function loadProjectsFromFiles(files, kargo = /* @__PURE__ */ new Map()) {
  const reader = files.some((f) => isKargoFile(f.text)) ? await import("./C3XS2HDB.js") : void 0;
  if (reader || files.some((f) => mayCompileRegex(f.text))) await loadRegexEngine();
  return loadProjectsWith(files, kargo, reader?.parseKargoProject);
}
function mayCompileRegex(text) {
  return /Regexes|regexp?:|matches|[eE]xpression|Condition|\{\{|\bif\s*:/.test(text);
}
function loadProjectsWith(files, kargo = /* @__PURE__ */ new Map(), readKargo) {
  if (!files.length) {
    return {
      projects: [],
      problems: [
        {
          file: `${PROJECT_DIR}/`,
          line: 1,
          column: 1,
          path: "",
          message: `no project files found: add a file ${PROJECT_DIR}/<project>.yaml describing warehouses and stages`
        }
      ]
    };
  }
  const projects = [];
  const problems = [];
  for (const { file, text } of files) {
    let result;
    if (isKargoFile(text)) {
      if (!readKargo)
        throw new Error(`${file} names Kargo's manifests: load it with Kargo's reader`);
      const dir = kargoDirOf(text);
      result = readKargo(file, text, dir === void 0 ? [] : kargo.get(dir) ?? []);
    } else result = parseProjectFile(file, text);
    if (result.project) projects.push(result.project);
    problems.push(...result.problems);
  }
  problems.push(...checkProjects(projects));
  return { projects, problems: tidyProblems(problems) };
}
async function loadProjectsFromDir(repoDir) {
  let names = [];
  try {
    const entries = await readdir(path.join(repoDir, PROJECT_DIR), { withFileTypes: true });
    names = entries.filter((e) => e.isFile() && /\.ya?ml$/.test(e.name)).map((e) => e.name).sort();
  } catch (err) {
    const code = err.code;
    if (code !== "ENOENT" && code !== "ENOTDIR") throw err;
  }
  const oversized = [];
  const files = [];
  for (const name of names) {
    const full = path.join(repoDir, PROJECT_DIR, name);
    const file = `${PROJECT_DIR}/${name}`;
    const { size } = await stat(full);
    if (size > PROJECT_FILE_LIMITS.bytes) oversized.push(tooLarge(file, size));
    else files.push({ file, text: await readFile(full, "utf8") });
  }
  const kargo = /* @__PURE__ */ new Map();
  for (const dir of kargoDirsOf(files)) {
    const read = await readYamlTree(repoDir, dir);
    oversized.push(...read.oversized);
    kargo.set(dir, read.files);
  }
  if (!oversized.length) return loadProjectsFromFiles(files, kargo);
  const loaded = files.length ? await loadProjectsFromFiles(files, kargo) : { projects: [], problems: [] };
  return { projects: loaded.projects, problems: tidyProblems([...oversized, ...loaded.problems]) };
}
async function readYamlTree(repoDir, dir) {
  let names = [];
  try {
    const entries = await readdir(path.join(repoDir, dir), {
      recursive: true,
      withFileTypes: true
    });
    names = entries.filter((e) => e.isFile() && /\.ya?ml$/.test(e.name)).map((e) => path.relative(repoDir, path.join(e.parentPath, e.name)).split(path.sep).join("/")).sort();
  } catch (err) {
    const code = err.code;
    if (code !== "ENOENT" && code !== "ENOTDIR") throw err;
  }
  const files = [];
  const oversized = [];
  for (const file of names) {
    const full = path.join(repoDir, file);
    const { size } = await stat(full);
    if (size > PROJECT_FILE_LIMITS.bytes) oversized.push(tooLarge(file, size));
    else files.push({ file, text: await readFile(full, "utf8") });
  }
  return { files, oversized };
}

export {
  findStage,
  PROJECT_DIR,
  checkProjects,
  loadProjectsFromFiles,
  loadProjectsWith,
  loadProjectsFromDir
};
