import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  openRepo
} from "./ZJURHJEN.js";
import "./W4ICZBQF.js";
import {
  BY_FLAG,
  OUTPUT_FLAG,
  PROJECT_FLAG,
  REPO_FLAG,
  UsageError,
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
import "./7A3KA3RP.js";
import "./HQMHHTDW.js";
import "./5TKDJZQG.js";

// src/cli/commands/promote.ts
var promoteCommand = {
  name: "promote",
  summary: "run a stage's promotion steps for a freight and push the result",
  flags: [
    {
      name: "stage",
      type: "string",
      value: "S",
      help: "the stage to promote, or several separated by commas (each promoted on its own,\nwith its own gates)"
    },
    {
      name: "downstream-of",
      type: "string",
      value: "S",
      help: "promote every stage that requests freight from S (Kargo's promote to downstream);\nthe freight default is the one S runs"
    },
    {
      name: "freight",
      type: "string",
      value: "ID|ALIAS",
      help: "the freight to promote: an ID, a unique ID prefix of 7+ characters, or an alias;\ndefault: the newest freight available to the stage (approved for it, or verified upstream)"
    },
    PROJECT_FLAG,
    {
      name: "dry-run",
      type: "boolean",
      help: "run the steps and print the commit they would make, diff included; push nothing"
    },
    OUTPUT_FLAG,
    {
      name: "mode",
      type: "string",
      value: "direct|pull-request",
      help: "how the commit leaves, overriding the stage's promotionTemplate.mode: direct pushes to\nthe stage's branch; pull-request pushes to gantry/promote/<project>/<stage> and opens (or\nupdates) a pull request into it, whose merge is the promotion (needs the repository on\nGitHub and GITHUB_TOKEN)"
    },
    {
      name: "sign-commits",
      type: "boolean",
      help: "have GitHub create and sign the commit (through its API) so that branch rules\nrequiring signed commits accept it; needs the repository on GitHub and GITHUB_TOKEN"
    },
    {
      name: "no-deployments",
      type: "boolean",
      help: "do not record the promotion as a GitHub deployment of the stage's environment (by\ndefault one is recorded when the repository is on GitHub and GITHUB_TOKEN is set)"
    },
    {
      name: "resume-pull-request",
      type: "string",
      value: "N",
      help: "after pull request N merged: run the steps of its promotion's template that follow the\ngit-wait-for-pr it ended pending at (argocd-update, say); needs GITHUB_TOKEN"
    },
    BY_FLAG("promotes"),
    REPO_FLAG
  ],
  description: `Refused (exit 1) when the freight is not available to the stage: neither approved for it nor
verified upstream. Progress is printed as the steps run (after the result with --output json).

With several stages (--stage a,b or --downstream-of S) each stage is promoted in turn, as if alone:
one refused or failed does not stop the others, every stage's result is printed, and the exit code
is 1 when any failed.`,
  examples: [
    "gantry promote --stage staging",
    "gantry promote --stage prod --freight calm-rhino --mode pull-request",
    "gantry promote --stage dev --dry-run",
    "gantry promote --stage qa,uat --freight calm-rhino",
    "gantry promote --downstream-of staging",
    "gantry promote --stage prod --resume-pull-request 42"
  ],
  async run(args, ctx) {
    const output = outputOf(args, "promote");
    noPositionals(args, "promote");
    const stageText = args.string("stage");
    const downstreamOf = args.string("downstream-of");
    if (!stageText && !downstreamOf)
      throw new UsageError("promote needs --stage (or --downstream-of)", "promote");
    if (stageText && downstreamOf)
      throw new UsageError("promote takes --stage or --downstream-of, not both", "promote");
    const repo = await openRepo(repoSettings(args, ctx));
    const named = args.string("freight");
    const projectName = args.string("project");
    if (named !== void 0 && projectName !== void 0)
      await repo.store.promoteNamedAhead(projectName, named);
    const { runPromote } = await import("./3T7FDG3J.js");
    return runPromote(args, ctx, repo, { output, stageText, downstreamOf });
  }
};
export {
  promoteCommand
};
