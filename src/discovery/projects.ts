/**
 * The project a discover job runs. A matrix job names its project, and a project lives in the file
 * of its name: only `.gantry/<project>.yaml` (or `.yml`) is parsed when it declares that project
 * without a problem, so the job costs the same in a repository of 50 projects as alone (parsing
 * and checking every project file grew with their number, a few ms a file). The workflow's list
 * job (`gantry get projects`) has checked every file, and a file gantry cannot read fails it before
 * any discover job starts; checks across files are that list's, not this job's. Without a name,
 * with no such file (or both .yaml and .yml), with a Kargo-format file (it reads a directory of
 * manifests) or a file with a problem, every file is read and problems reported as before.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pickProjects, validProjects, type RepoContext } from '../app/repo.js';
import {
  isKargoFile,
  loadProjectsFromFiles,
  PROJECT_DIR,
  type Project,
} from '../pipeline/index.js';
import { PROJECT_FILE_LIMITS } from '../pipeline/parse.js';

export async function discoverProjects(ctx: RepoContext, name?: string): Promise<Project[]> {
  if (name) {
    const own = await ownFile(ctx, name);
    if (own && !isKargoFile(own.text)) {
      const { projects, problems } = await loadProjectsFromFiles([own]);
      if (!problems.length && projects.length === 1 && projects[0]?.name === name) return projects;
    }
  }
  return pickProjects(await validProjects(ctx), name);
}

/** `.gantry/<name>.yaml` or `.yml`, from the clone's work tree or the remote's default branch. */
async function ownFile(
  ctx: RepoContext,
  name: string,
): Promise<{ file: string; text: string } | undefined> {
  const candidates = [`${PROJECT_DIR}/${name}.yaml`, `${PROJECT_DIR}/${name}.yml`];
  if (!ctx.localDir) {
    const files = await ctx.store.projectFiles(undefined, PROJECT_DIR, false, name);
    const found = files.filter((f) => candidates.includes(f.file));
    return found.length === 1 ? found[0] : undefined;
  }
  const found: { file: string; text: string }[] = [];
  for (const file of candidates) {
    const full = join(ctx.localDir, file);
    const size = await stat(full).then(
      (s) => (s.isFile() ? s.size : undefined),
      () => undefined,
    );
    // A file over the cap is the full load's to report.
    if (size === undefined) continue;
    if (size > PROJECT_FILE_LIMITS.bytes) return undefined;
    found.push({ file, text: await readFile(full, 'utf8') });
  }
  return found.length === 1 ? found[0] : undefined;
}
