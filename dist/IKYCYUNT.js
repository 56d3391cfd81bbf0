import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  approveFreight
} from "./FFMSGZEB.js";
import "./4SXL3VLH.js";
import "./DUP5K6BV.js";
import {
  oneProject
} from "./NYQ5M6BN.js";
import "./VO6IMAWJ.js";
import {
  openRepo
} from "./ZJURHJEN.js";
import "./W4ICZBQF.js";
import {
  BY_FLAG,
  EXIT,
  OUTPUT_FLAG,
  PROJECT_FLAG,
  REPO_FLAG,
  UsageError,
  noPositionals,
  outputOf,
  repoSettings,
  whoOf
} from "./BOHIHDER.js";
import "./XK25RJ5D.js";
import "./TBULFJPZ.js";
import "./HLO4W42S.js";
import "./J4XWRISY.js";
import "./6DZPHH7F.js";
import "./FNZOKEBV.js";
import "./XEBSUSON.js";
import "./SSNOSDZA.js";
import "./TFE6LUOK.js";
import "./7A3KA3RP.js";
import "./HQMHHTDW.js";
import "./5TKDJZQG.js";

// src/cli/commands/approve.ts
var approveCommand = {
  name: "approve",
  summary: "approve a freight for a stage, so that it may be promoted there",
  flags: [
    {
      name: "stage",
      type: "string",
      value: "S",
      required: true,
      help: "the stage the freight is approved for"
    },
    {
      name: "freight",
      type: "string",
      value: "ID|ALIAS",
      required: true,
      help: "the freight to approve: an ID, a unique ID prefix of 7+ characters, or an alias"
    },
    PROJECT_FLAG,
    {
      name: "reason",
      type: "string",
      value: "TEXT",
      help: "why, recorded with the approval and shown beside it"
    },
    BY_FLAG("approves"),
    OUTPUT_FLAG,
    REPO_FLAG
  ],
  description: `Approved freight is available to the stage whatever the upstream stages say (it may be promoted
there). Approving it again is no error: the first approval stands.`,
  examples: ['gantry approve --stage prod --freight calm-rhino --reason "hotfix for INC-42"'],
  async run(args, ctx) {
    const { io } = ctx;
    const output = outputOf(args, "approve");
    noPositionals(args, "approve");
    const stage = args.string("stage");
    const freight = args.string("freight");
    if (!stage || !freight) throw new UsageError("approve needs --stage and --freight", "approve");
    const repo = await openRepo(repoSettings(args, ctx));
    const project = await oneProject(repo, args.string("project"), "approve");
    const { created, record } = await approveFreight({
      store: repo.store,
      project,
      stage,
      freightRef: freight,
      approvedBy: whoOf(args, io.env),
      reason: args.string("reason"),
      clock: ctx.now
    });
    if (output === "json") io.out(JSON.stringify({ created, approval: record }, null, 2) + "\n");
    else {
      io.out(
        `${created ? "approved" : "already approved"}: ${record.alias} (${record.freightId.slice(0, 7)}) for ${record.stage} by ${record.approvedBy}${record.reason ? ` (${record.reason})` : ""}
`
      );
    }
    return EXIT.ok;
  }
};
export {
  approveCommand
};
