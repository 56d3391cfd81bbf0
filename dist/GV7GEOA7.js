import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  appendPipelineSummary
} from "./Q75OEZVL.js";
import {
  Output
} from "./KSLJ7NS4.js";
import {
  actionLog,
  dispatchTarget,
  githubApi,
  openActionRepo,
  setFailed,
  setOutput,
  singleProject,
  summary
} from "./FD6MDBI3.js";
import {
  verify,
  verifyMarkdown
} from "./5U3YOY42.js";
import "./DUP5K6BV.js";
import "./IV5JU2LY.js";
import "./UYRH4MQ6.js";
import "./J6LDKS2R.js";
import "./XRG2AIG3.js";
import "./VO6IMAWJ.js";
import "./DSDVMYR5.js";
import "./BHM3J3E7.js";
import {
  defaultProviders
} from "./3MYMX5P3.js";
import "./G3KHJPJO.js";
import "./2X254HU4.js";
import "./K45NAUQ5.js";
import {
  validProjects
} from "./ZJURHJEN.js";
import "./W4ICZBQF.js";
import "./TBULFJPZ.js";
import "./HLO4W42S.js";
import "./J4XWRISY.js";
import "./6DZPHH7F.js";
import "./FNZOKEBV.js";
import "./JPLNYXYI.js";
import "./2II5XYTM.js";
import "./HFSWYXPK.js";
import "./3CCVSSJR.js";
import "./XN3XRSSJ.js";
import "./UUREHCQQ.js";
import "./CMX6XCKP.js";
import "./55THRJYK.js";
import "./HSUCJ5W4.js";
import "./XEBSUSON.js";
import "./TFABZY5Z.js";
import "./SSNOSDZA.js";
import "./TFE6LUOK.js";
import "./KKJNXGQK.js";
import "./7A3KA3RP.js";
import "./JWBIZYSO.js";
import "./HQMHHTDW.js";
import "./5TKDJZQG.js";

// src/actions/verify-action.ts
async function verifyAction(s, ctx) {
  const repo = await openActionRepo(s, ctx);
  const all = await validProjects(repo);
  const project = await singleProject(repo, s.project);
  const dispatch = s.dispatchWorkflow ? {
    ...await dispatchTarget(s, s.dispatchWorkflow, ctx, repo),
    withProject: all.length > 1
  } : void 0;
  const github = githubApi(s.repository, s.token, ctx);
  const outcome = await verify({
    project,
    stage: s.stage,
    freight: s.freight,
    store: repo.store,
    providers: defaultProviders(),
    verifiedBy: ctx.runUrl ?? ctx.actor ?? "github-actions",
    run: ctx.runUrl,
    fetch: actionLog.fetch(),
    env: ctx.env,
    secrets: s.token ? [s.token] : [],
    clock: () => /* @__PURE__ */ new Date(),
    timeoutMs: s.timeoutMs,
    log: actionLog.info,
    group: actionLog.group,
    ...github ? { github } : {},
    ...dispatch ? { dispatch } : {}
  });
  for (const w of outcome.warnings) actionLog.warn(w);
  const due = outcome.downstream.filter((d) => d.due && d.freight).map((d) => ({
    project: project.name,
    stage: d.stage,
    freight: d.freight?.id ?? "",
    alias: d.freight?.alias ?? ""
  }));
  setOutput(Output.result, outcome.phase);
  setOutput(Output.verified, String(outcome.verified));
  setOutput(Output.promotions, JSON.stringify({ include: due }));
  await summary.addRaw(verifyMarkdown(outcome) + "\n").write();
  await appendPipelineSummary(repo, project, actionLog.warn, {
    env: ctx.env,
    fetch: actionLog.fetch()
  });
  if (!outcome.verified) {
    setFailed(
      `verification of ${outcome.freight.alias} in ${outcome.stage} ended ${outcome.phase}: ${outcome.analysis?.message ?? ""}`
    );
  }
}
export {
  verifyAction
};
