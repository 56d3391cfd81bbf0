import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
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
import "./UYRH4MQ6.js";
import "./DSDVMYR5.js";
import {
  findStage
} from "./BHM3J3E7.js";
import "./2X254HU4.js";
import "./ZJURHJEN.js";
import "./W4ICZBQF.js";
import "./TBULFJPZ.js";
import "./HLO4W42S.js";
import "./J4XWRISY.js";
import "./6DZPHH7F.js";
import "./FNZOKEBV.js";
import "./HFSWYXPK.js";
import "./3CCVSSJR.js";
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

// src/actions/environment-action.ts
async function environmentAction(s, ctx) {
  const repo = await openActionRepo(s, ctx);
  const project = await singleProject(repo, s.project);
  const stage = findStage(project, s.stage);
  setOutput(Output.environment, stage.environment);
  info(`stage ${stage.name} of ${project.name} is gated by environment ${stage.environment}`);
  await summary.addRaw(
    `## gantry environment

Stage **${stage.name}** of **${project.name}** runs under environment **${stage.environment}**.
`
  ).write();
}
export {
  environmentAction
};
