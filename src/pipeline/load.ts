/**
 * Several project files together: the checks that need more than one file, and loading the
 * `.gantry/` directory of a GitOps checkout.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../util/errors.js';
import { isKargoFile, kargoDirOf, kargoDirsOf, type TextFile } from './kargo-files.js';
import { parseProjectFile, PROJECT_FILE_LIMITS, sourceOf, tooLarge } from './parse.js';
import { problemAt, tidyProblems } from './source.js';
import { loadRegexEngine } from '../util/regex-core.js';
import type { Project } from './types.js';

/** The directory, relative to the repository root, that holds one file per project. */
export const PROJECT_DIR = '.gantry';

function projectKeyProblem(project: Project, message: string): Problem {
  const src = sourceOf(project);
  if (!src) return { file: project.file, line: 1, column: 1, path: 'project', message };
  return problemAt(src, ['project'], message, 'key');
}

/**
 * Checks across project files: each project name is used once, and each file is named after its
 * project (`.gantry/<project>.yaml` or `.yml`).
 */
export function checkProjects(projects: readonly Project[]): Problem[] {
  const problems: Problem[] = [];
  const firstFile = new Map<string, string>();
  for (const project of projects) {
    const base = path.posix.basename(project.file.replace(/\\/g, '/'));
    const ext = /\.yml$/i.test(base) ? '.yml' : '.yaml';
    const expected = `${project.name}${ext}`;
    if (base !== expected) {
      problems.push(
        projectKeyProblem(
          project,
          `project ${JSON.stringify(project.name)} must be in a file named ${expected} (this file is ${base}): rename the file or the project`,
        ),
      );
    }
    const earlier = firstFile.get(project.name);
    if (earlier !== undefined) {
      problems.push(
        projectKeyProblem(
          project,
          `project ${JSON.stringify(project.name)} is already defined in ${earlier}`,
        ),
      );
    } else {
      firstFile.set(project.name, project.file);
    }
  }
  return tidyProblems(problems);
}

/**
 * Parse each file, then run the cross-file checks over the ones that parsed. A file naming Kargo's
 * manifests (`kargo: <dir>`) is read with the files of that directory from `kargo` (by the
 * directory as `kargoDirsOf` gives it, file paths relative to the repository root). Kargo's
 * reader, with its schemas and validators, is loaded only when such a file is there: a
 * repository of gantry files never pays for it.
 */
export async function loadProjectsFromFiles(
  files: readonly TextFile[],
  kargo: ReadonlyMap<string, readonly TextFile[]> = new Map(),
): Promise<LoadedProjects> {
  const reader = files.some((f) => isKargoFile(f.text)) ? await import('./kargo.js') : undefined;
  if (reader || files.some((f) => mayCompileRegex(f.text))) await loadRegexEngine();
  return loadProjectsWith(files, kargo, reader?.parseKargoProject);
}

/**
 * Whether a project file may compile a pattern, now or when its project runs: tag regexes, a
 * `regex:` path filter or selector, an expression (`matches`, time layouts: criteria, metric
 * conditions, a step's `if`, an output's `fromExpression`) or a template. A
 * file with none of these never needs re2js; one with any loads it before its checks. The test
 * is on the text, so it errs towards loading (a comment naming a field counts).
 */
export function mayCompileRegex(text: string): boolean {
  return /Regexes|regexp?:|matches|[eE]xpression|Condition|\{\{|\bif\s*:/.test(text);
}

export interface LoadedProjects {
  projects: Project[];
  problems: Problem[];
}

/** How a Kargo gantry file is read (./kargo.ts's parseKargoProject). */
export type KargoReader = (
  file: string,
  text: string,
  manifests: readonly TextFile[],
) => { project?: Project; problems: Problem[] };

/**
 * loadProjectsFromFiles without the import: for a caller that holds Kargo's reader already, or
 * knows its files are gantry's own (a Kargo file given no reader fails loudly, never silently).
 */
export function loadProjectsWith(
  files: readonly TextFile[],
  kargo: ReadonlyMap<string, readonly TextFile[]> = new Map(),
  readKargo?: KargoReader,
): LoadedProjects {
  if (!files.length) {
    return {
      projects: [],
      problems: [
        {
          file: `${PROJECT_DIR}/`,
          line: 1,
          column: 1,
          path: '',
          message: `no project files found: add a file ${PROJECT_DIR}/<project>.yaml describing warehouses and stages`,
        },
      ],
    };
  }
  const projects: Project[] = [];
  const problems: Problem[] = [];
  for (const { file, text } of files) {
    let result: { project?: Project; problems: Problem[] };
    if (isKargoFile(text)) {
      if (!readKargo)
        throw new Error(`${file} names Kargo's manifests: load it with Kargo's reader`);
      const dir = kargoDirOf(text);
      result = readKargo(file, text, dir === undefined ? [] : (kargo.get(dir) ?? []));
    } else result = parseProjectFile(file, text);
    if (result.project) projects.push(result.project);
    problems.push(...result.problems);
  }
  problems.push(...checkProjects(projects));
  return { projects, problems: tidyProblems(problems) };
}

/**
 * Load `.gantry/*.yaml` and `.gantry/*.yml` (not subdirectories such as `.gantry/state/`) of the
 * checkout at `repoDir`, in file-name order. File paths in the result are relative to `repoDir`.
 */
export async function loadProjectsFromDir(repoDir: string): Promise<LoadedProjects> {
  let names: string[] = [];
  try {
    const entries = await readdir(path.join(repoDir, PROJECT_DIR), { withFileTypes: true });
    names = entries
      .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
      .map((e) => e.name)
      .sort();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw err;
  }
  // A file over the cap is not read at all: its size alone is the problem.
  const oversized: Problem[] = [];
  const files: { file: string; text: string }[] = [];
  for (const name of names) {
    const full = path.join(repoDir, PROJECT_DIR, name);
    const file = `${PROJECT_DIR}/${name}`;
    const { size } = await stat(full);
    if (size > PROJECT_FILE_LIMITS.bytes) oversized.push(tooLarge(file, size));
    else files.push({ file, text: await readFile(full, 'utf8') });
  }
  const kargo = new Map<string, TextFile[]>();
  for (const dir of kargoDirsOf(files)) {
    const read = await readYamlTree(repoDir, dir);
    oversized.push(...read.oversized);
    kargo.set(dir, read.files);
  }
  if (!oversized.length) return loadProjectsFromFiles(files, kargo);
  const loaded = files.length
    ? await loadProjectsFromFiles(files, kargo)
    : { projects: [], problems: [] };
  return { projects: loaded.projects, problems: tidyProblems([...oversized, ...loaded.problems]) };
}

/**
 * The YAML files under `dir` of the checkout at `repoDir`, subdirectories included, in path
 * order; paths relative to `repoDir`. A file over the cap is not read.
 */
async function readYamlTree(
  repoDir: string,
  dir: string,
): Promise<{ files: TextFile[]; oversized: Problem[] }> {
  let names: string[] = [];
  try {
    const entries = await readdir(path.join(repoDir, dir), {
      recursive: true,
      withFileTypes: true,
    });
    names = entries
      .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
      .map((e) => path.relative(repoDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
      .sort();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw err;
  }
  const files: TextFile[] = [];
  const oversized: Problem[] = [];
  for (const file of names) {
    const full = path.join(repoDir, file);
    const { size } = await stat(full);
    if (size > PROJECT_FILE_LIMITS.bytes) oversized.push(tooLarge(file, size));
    else files.push({ file, text: await readFile(full, 'utf8') });
  }
  return { files, oversized };
}
