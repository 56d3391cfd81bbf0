import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  verify,
  verifyJson,
  verifyText
} from "./5U3YOY42.js";
import "./DUP5K6BV.js";
import {
  githubForRemote,
  oneProject
} from "./NYQ5M6BN.js";
import "./XRG2AIG3.js";
import "./VO6IMAWJ.js";
import "./BHM3J3E7.js";
import {
  defaultProviders
} from "./3MYMX5P3.js";
import "./G3KHJPJO.js";
import "./2X254HU4.js";
import "./K45NAUQ5.js";
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
  progressOf,
  repoSettings,
  whoOf
} from "./BOHIHDER.js";
import "./XK25RJ5D.js";
import "./TBULFJPZ.js";
import "./HLO4W42S.js";
import "./J4XWRISY.js";
import "./6DZPHH7F.js";
import "./FNZOKEBV.js";
import "./JPLNYXYI.js";
import "./2II5XYTM.js";
import "./HFSWYXPK.js";
import "./3CCVSSJR.js";
import "./UUREHCQQ.js";
import "./CMX6XCKP.js";
import "./55THRJYK.js";
import "./HSUCJ5W4.js";
import {
  parseDuration
} from "./XEBSUSON.js";
import "./TFABZY5Z.js";
import "./SSNOSDZA.js";
import "./TFE6LUOK.js";
import "./KKJNXGQK.js";
import "./7A3KA3RP.js";
import "./JWBIZYSO.js";
import "./HQMHHTDW.js";
import "./5TKDJZQG.js";

// src/cli/commands/verify.ts
var verifyCommand = {
  name: "verify",
  summary: "run a stage's verification (its analysis metrics) and record the verdict",
  flags: [
    { name: "stage", type: "string", value: "S", required: true, help: "the stage to verify" },
    {
      name: "freight",
      type: "string",
      value: "ID|ALIAS",
      help: "the freight to verify, by ID, ID prefix or alias; default: the freight of the stage's\nlatest promotion"
    },
    PROJECT_FLAG,
    {
      name: "timeout",
      type: "string",
      value: "DURATION",
      default: "30m",
      help: "give up on the verification after this long (30s, 10m, 1h)"
    },
    OUTPUT_FLAG,
    BY_FLAG("verifies"),
    REPO_FLAG
  ],
  description: `A passed verification lets the freight move on to the stages downstream. Exit 1 when the
verification failed or was inconclusive.`,
  examples: [
    "gantry verify --stage staging",
    "gantry verify --stage dev --timeout 10m --output json"
  ],
  async run(args, ctx) {
    const { io } = ctx;
    const output = outputOf(args, "verify");
    noPositionals(args, "verify");
    const stage = args.string("stage");
    if (!stage) throw new UsageError("verify needs --stage", "verify");
    const timeout = args.string("timeout") ?? "30m";
    let timeoutMs;
    try {
      timeoutMs = parseDuration(timeout);
    } catch {
      throw new UsageError(`--timeout must be a duration such as 30m, not "${timeout}"`, "verify");
    }
    const repo = await openRepo(repoSettings(args, ctx));
    const project = await oneProject(repo, args.string("project"), "verify");
    const api = await githubForRemote(io.env, repo.store.remoteUrl);
    const outcome = await verify({
      project,
      stage,
      freight: args.string("freight"),
      store: repo.store,
      providers: defaultProviders(),
      verifiedBy: whoOf(args, io.env),
      fetch,
      env: io.env,
      secrets: [io.env.GITHUB_TOKEN, io.env.GANTRY_TOKEN].filter((t) => !!t),
      clock: ctx.now,
      timeoutMs,
      log: progressOf(output, ctx),
      ...api ? { github: api } : {}
    });
    io.out(
      output === "json" ? JSON.stringify(verifyJson(outcome), null, 2) + "\n" : verifyText(outcome)
    );
    return outcome.verified ? EXIT.ok : EXIT.failed;
  }
};
export {
  verifyCommand
};
