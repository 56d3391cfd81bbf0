import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  PROJECT_DIR,
  loadProjectsFromFiles
} from "./BHM3J3E7.js";
import {
  pickProjects,
  validProjects
} from "./ZJURHJEN.js";
import {
  PROJECT_FILE_LIMITS,
  isKargoFile
} from "./HFSWYXPK.js";

// src/discovery/projects.ts
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
async function discoverProjects(ctx, name) {
  if (name) {
    const own = await ownFile(ctx, name);
    if (own && !isKargoFile(own.text)) {
      const { projects, problems } = await loadProjectsFromFiles([own]);
      if (!problems.length && projects.length === 1 && projects[0]?.name === name) return projects;
    }
  }
  return pickProjects(await validProjects(ctx), name);
}
async function ownFile(ctx, name) {
  const candidates = [`${PROJECT_DIR}/${name}.yaml`, `${PROJECT_DIR}/${name}.yml`];
  if (!ctx.localDir) {
    const files = await ctx.store.projectFiles(void 0, PROJECT_DIR, false, name);
    const found2 = files.filter((f) => candidates.includes(f.file));
    return found2.length === 1 ? found2[0] : void 0;
  }
  const found = [];
  for (const file of candidates) {
    const full = join(ctx.localDir, file);
    const size = await stat(full).then(
      (s) => s.isFile() ? s.size : void 0,
      () => void 0
    );
    if (size === void 0) continue;
    if (size > PROJECT_FILE_LIMITS.bytes) return void 0;
    found.push({ file, text: await readFile(full, "utf8") });
  }
  return found.length === 1 ? found[0] : void 0;
}

export {
  discoverProjects
};
