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
  info,
  openActionRepo,
  setOutput,
  singleProject,
  summary
} from "./FD6MDBI3.js";
import {
  approveFreight
} from "./FFMSGZEB.js";
import "./4SXL3VLH.js";
import "./DUP5K6BV.js";
import "./IV5JU2LY.js";
import "./UYRH4MQ6.js";
import "./J6LDKS2R.js";
import "./VO6IMAWJ.js";
import "./DSDVMYR5.js";
import "./2X254HU4.js";
import "./ZJURHJEN.js";
import "./W4ICZBQF.js";
import "./TBULFJPZ.js";
import "./HLO4W42S.js";
import "./J4XWRISY.js";
import "./6DZPHH7F.js";
import "./FNZOKEBV.js";
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

// src/actions/approve-action.ts
async function approveAction(s, ctx) {
  const repo = await openActionRepo(s, ctx);
  const project = await singleProject(repo, s.project);
  const { created, record } = await approveFreight({
    store: repo.store,
    project,
    stage: s.stage,
    freightRef: s.freight,
    approvedBy: ctx.actor ?? "github-actions",
    reason: s.reason ?? (ctx.runUrl ? `approved by ${ctx.runUrl}` : void 0),
    clock: () => /* @__PURE__ */ new Date()
  });
  setOutput(Output.freight, record.freightId);
  const line = `${created ? "Approved" : "Already approved"} **${record.alias}** (\`${record.freightId.slice(0, 7)}\`) for **${record.stage}** by ${record.approvedBy}${record.reason ? `: ${record.reason}` : ""}.`;
  info(line.replace(/\*\*|`/g, ""));
  await summary.addRaw(`## gantry approve

${line}
`).write();
  await appendPipelineSummary(repo, project, actionLog.warn, {
    env: ctx.env,
    fetch: actionLog.fetch()
  });
}
export {
  approveAction
};
