import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  actionSources
} from "./742HWHJX.js";
import "./VIZJHEKK.js";
import "./Q75OEZVL.js";
import {
  Output
} from "./KSLJ7NS4.js";
import {
  info,
  openActionRepo,
  setOutput,
  singleProject,
  summary
} from "./FD6MDBI3.js";
import "./IV5JU2LY.js";
import "./JQWHR474.js";
import "./UYRH4MQ6.js";
import {
  assembleFreight
} from "./GHDXUIL5.js";
import {
  versionsOf
} from "./J6LDKS2R.js";
import "./VQYUNRDN.js";
import "./TQZP5LUC.js";
import "./XRG2AIG3.js";
import "./T4V6IIFZ.js";
import "./WIC3XBMV.js";
import "./VO6IMAWJ.js";
import "./DSDVMYR5.js";
import "./BHM3J3E7.js";
import "./2X254HU4.js";
import "./623JK2D2.js";
import "./Y2KM5SLM.js";
import "./ITB33UA7.js";
import "./K45NAUQ5.js";
import "./ZJURHJEN.js";
import "./W4ICZBQF.js";
import "./TBULFJPZ.js";
import "./HLO4W42S.js";
import "./J4XWRISY.js";
import "./6DZPHH7F.js";
import "./FNZOKEBV.js";
import "./JPLNYXYI.js";
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

// src/actions/assemble-action.ts
import { join } from "node:path";
async function assembleAction(s, ctx) {
  const repo = await openActionRepo(s, ctx);
  const project = await singleProject(repo, s.project);
  const { sources } = actionSources(s, ctx, join(ctx.tempDir, "gantry"));
  try {
    const r = await assembleFreight({
      project,
      warehouse: s.warehouse,
      images: s.images,
      charts: s.charts,
      commits: s.commits,
      store: repo.store,
      sources: sources.assembly,
      clock: () => /* @__PURE__ */ new Date(),
      createdBy: ctx.runUrl ?? "gantry assemble action",
      dryRun: s.dryRun
    });
    const f = r.freight;
    const what = r.dryRun ? "would record" : r.created ? "recorded" : "already recorded";
    info(`${what}: freight ${f.alias} (${f.id.slice(0, 7)}) from warehouse ${r.warehouse}`);
    setOutput(Output.freight, f.id);
    setOutput(Output.newFreight, r.created ? "1" : "0");
    await summary.addRaw(
      `### Freight ${what}

\`${f.alias}\` (\`${f.id.slice(0, 7)}\`) from warehouse \`${r.warehouse}\` of ${r.project}: ${versionsOf(f)}
`
    ).write();
  } finally {
    await sources.close();
  }
}
export {
  assembleAction
};
