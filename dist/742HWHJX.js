import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  maskRegistryCredential
} from "./VIZJHEKK.js";
import {
  appendPipelineSummary
} from "./Q75OEZVL.js";
import {
  Output
} from "./KSLJ7NS4.js";
import {
  actionLog,
  dispatchTarget,
  openActionRepo,
  setOutput,
  summary
} from "./FD6MDBI3.js";
import {
  discoverProjects
} from "./JQWHR474.js";
import {
  DISCOVERY_DEFAULTS,
  createSources,
  discoverMarkdown,
  promotionsMatrix,
  runDiscover,
  runFailures
} from "./VQYUNRDN.js";
import {
  discoveryCredentials
} from "./TQZP5LUC.js";
import {
  projectFileTexts
} from "./ZJURHJEN.js";
import {
  OperationError
} from "./HQMHHTDW.js";

// src/actions/discover-action.ts
import { join } from "node:path";
function actionSources(s, ctx, cacheDir) {
  const creds = discoveryCredentials({
    dockerConfigPath: ctx.dockerConfigPath,
    githubToken: s.token,
    githubHost: new URL(ctx.serverUrl).host
  });
  for (const c of creds.registryCredentials.values()) maskRegistryCredential(c);
  for (const [host, c] of s.registryCredentials) creds.registryCredentials.set(host, c);
  const log = { info: actionLog.info, warn: actionLog.warn, group: actionLog.group };
  const trace = actionLog.trace();
  const sources = createSources({
    ...creds,
    gitEnv: ctx.env,
    cacheDir: join(cacheDir, "discovery"),
    ...DISCOVERY_DEFAULTS,
    log,
    ...trace ? { trace } : {}
  });
  return { sources, log };
}
async function discoverAction(s, ctx) {
  const cacheDir = join(ctx.tempDir, "gantry");
  const repo = await openActionRepo(s, ctx);
  const projects = await discoverProjects(repo, s.project);
  const { sources, log } = actionSources(s, ctx, cacheDir);
  const dispatch = s.dispatchWorkflow ? {
    ...await dispatchTarget(s, s.dispatchWorkflow, ctx, repo),
    withProject: s.project ? (await projectFileTexts(repo)).length > 1 : projects.length > 1
  } : void 0;
  try {
    const run = await runDiscover({
      projects,
      warehouse: s.warehouse,
      store: repo.store,
      sources,
      dryRun: s.dryRun,
      clock: () => /* @__PURE__ */ new Date(),
      createdBy: ctx.runUrl ?? "gantry discover action",
      log,
      dispatch
    });
    const freight = run.results.flatMap((r) => r.freight);
    setOutput(Output.freight, JSON.stringify(freight));
    setOutput(Output.newFreight, String(freight.filter((f) => f.new && f.recorded).length));
    setOutput(Output.promotions, JSON.stringify(promotionsMatrix(run.results, s.dryRun)));
    await summary.addRaw(discoverMarkdown(run, { dryRun: s.dryRun })).write();
    await appendPipelineSummary(repo, projects, actionLog.warn, {
      env: ctx.env,
      fetch: actionLog.fetch()
    });
    const failures = runFailures(run);
    if (failures.length) throw new OperationError(failures.join("\n"));
  } finally {
    await sources.close();
  }
}

export {
  actionSources,
  discoverAction
};
