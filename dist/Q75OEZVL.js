import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  summary,
  warning
} from "./FD6MDBI3.js";
import {
  pipelineStatus,
  pipelineSummaryMarkdown
} from "./IV5JU2LY.js";
import {
  errorMessage
} from "./HQMHHTDW.js";

// src/actions/summary.ts
async function appendPipelineSummary(repo, projects, warn = (m) => warning(m), health) {
  for (const project of Array.isArray(projects) ? projects : [projects]) {
    try {
      const status = await pipelineStatus(repo.store, project, health ? { health } : {});
      await summary.addRaw("\n" + pipelineSummaryMarkdown(project, status)).write();
    } catch (err) {
      warn(
        `could not add the pipeline of ${project.name} to the job summary: ${errorMessage(err)}`
      );
    }
  }
}

export {
  appendPipelineSummary
};
