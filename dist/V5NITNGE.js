import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  discoverProjects
} from "./JQWHR474.js";
import {
  discoverCommand
} from "./SSODXWYH.js";
import "./VQYUNRDN.js";
import "./TQZP5LUC.js";
import "./XRG2AIG3.js";
import "./T4V6IIFZ.js";
import "./WIC3XBMV.js";
import "./VO6IMAWJ.js";
import "./BHM3J3E7.js";
import "./623JK2D2.js";
import "./Y2KM5SLM.js";
import "./ITB33UA7.js";
import "./K45NAUQ5.js";
import {
  openRepo
} from "./ZJURHJEN.js";
import "./W4ICZBQF.js";
import {
  OUTPUT_FLAG,
  PROJECT_FLAG,
  REPO_FLAG,
  noPositionals,
  outputOf,
  repoSettings
} from "./BOHIHDER.js";
import "./XK25RJ5D.js";
import "./TBULFJPZ.js";
import "./HLO4W42S.js";
import "./J4XWRISY.js";
import "./6DZPHH7F.js";
import "./FNZOKEBV.js";
import "./JPLNYXYI.js";
import "./HFSWYXPK.js";
import "./3CCVSSJR.js";
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

// src/cli/commands/discover.ts
var discoverCommand2 = {
  name: "discover",
  summary: "look for new versions in each warehouse's subscriptions and record new freight",
  flags: [
    PROJECT_FLAG,
    {
      name: "warehouse",
      type: "string",
      value: "W",
      help: "look at this warehouse only; default: every warehouse of the project"
    },
    {
      name: "dry-run",
      type: "boolean",
      help: "print what would be recorded (the commit, diff included) and push nothing"
    },
    OUTPUT_FLAG,
    REPO_FLAG
  ],
  description: `New freight is pushed as state to origin; stages that auto-promote are then promoted.
Exit 1 when a subscription failed (the other warehouses are still recorded).`,
  examples: ["gantry discover --dry-run", "gantry discover --project echo --warehouse echo"],
  async run(args, ctx) {
    const output = outputOf(args, "discover");
    noPositionals(args, "discover");
    const settings = repoSettings(args, ctx);
    const repo = await openRepo(settings);
    const projects = await discoverProjects(repo, args.string("project"));
    return discoverCommand(repo, projects, {
      warehouse: args.string("warehouse"),
      dryRun: args.boolean("dry-run"),
      output,
      io: ctx.io,
      cacheDir: settings.cacheDir,
      trace: settings.trace,
      now: ctx.now
    });
  }
};
export {
  discoverCommand2 as discoverCommand
};
