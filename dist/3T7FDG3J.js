import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  downstreamStages,
  promote,
  promoteMany,
  promotionText,
  resumeAfterMerge,
  stageList,
  upstreamFreight
} from "./ZFXVFH3Z.js";
import "./4SXL3VLH.js";
import "./DUP5K6BV.js";
import {
  githubForRemote,
  oneProject
} from "./NYQ5M6BN.js";
import {
  promotionRegistryCredentials
} from "./TQZP5LUC.js";
import "./VO6IMAWJ.js";
import "./BHM3J3E7.js";
import {
  defaultRegistry
} from "./H4GEYOPH.js";
import {
  expressionDataFromEnv
} from "./SZ6DWH5P.js";
import "./G3KHJPJO.js";
import "./2X254HU4.js";
import "./623JK2D2.js";
import "./Y2KM5SLM.js";
import "./ITB33UA7.js";
import "./K45NAUQ5.js";
import "./ZJURHJEN.js";
import "./W4ICZBQF.js";
import {
  EXIT,
  UsageError,
  progressOf,
  whoOf
} from "./BOHIHDER.js";
import "./XK25RJ5D.js";
import "./TBULFJPZ.js";
import "./HLO4W42S.js";
import "./J4XWRISY.js";
import "./6DZPHH7F.js";
import "./FNZOKEBV.js";
import "./WMRNM4ZK.js";
import "./2II5XYTM.js";
import "./HFSWYXPK.js";
import "./3CCVSSJR.js";
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

// src/cli/promote-run.ts
import { homedir } from "node:os";
import { join } from "node:path";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";

// src/cli/promote-output.ts
var promoteText = promotionText;
function promoteJson(o) {
  return {
    stage: o.stage,
    freight: o.freight ? { id: o.freight.id, alias: o.freight.alias } : null,
    commit: o.result?.commit ?? null,
    branch: o.result?.branch ?? null,
    changed: o.result?.changed ?? false,
    changes: o.result?.changes ?? [],
    edits: o.result?.edits ?? [],
    held: o.held,
    ...o.result?.pullRequest ? { pullRequest: o.result.pullRequest } : {},
    ...o.approvedBy ? { approvedBy: o.approvedBy } : {},
    ...o.deployment ? { deployment: o.deployment } : {},
    warnings: o.warnings,
    ...o.result?.diff ? { diff: o.result.diff } : {},
    ...o.note ? { note: o.note } : {}
  };
}
function promoteManyText(results, dryRun) {
  const parts = results.map(
    (r) => r.outcome ? promoteText(r.outcome, dryRun) : `${r.stage}: not promoted: ${r.error ?? ""}
`
  );
  const failed = results.filter((r) => r.error).map((r) => r.stage);
  const summary = failed.length ? `${failed.length} of ${results.length} stages failed: ${failed.join(", ")}
` : `${results.length} stages: all ${dryRun ? "checked" : "promoted or up to date"}
`;
  return [...parts, summary].join("\n");
}
function promoteManyJson(results) {
  const doc = {
    results: results.map(
      (r) => r.outcome ? { ok: true, ...promoteJson(r.outcome) } : { ok: false, stage: r.stage, error: r.error ?? "" }
    )
  };
  return JSON.stringify(doc, null, 2) + "\n";
}

// src/cli/promote-run.ts
async function runPromote(args, ctx, repo, given) {
  const { io } = ctx;
  const { output, stageText, downstreamOf } = given;
  const projectName = args.string("project");
  const project = await oneProject(repo, projectName, "promote");
  const stages = downstreamOf ? downstreamStages(project, downstreamOf) : stageList(project, stageText ?? "");
  const freightRef = args.string("freight") ?? (downstreamOf ? await upstreamFreight({ project, store: repo.store }, downstreamOf) : void 0);
  const who = whoOf(args, io.env);
  const mode = args.string("mode");
  if (mode !== void 0 && mode !== "direct" && mode !== "pull-request")
    throw new UsageError(`--mode must be direct or pull-request, not "${mode}"`, "promote");
  const signCommits = args.boolean("sign-commits");
  const api = await githubForRemote(io.env, repo.store.remoteUrl);
  if ((signCommits || mode === "pull-request") && !api) {
    throw new UsageError(
      `${signCommits ? "--sign-commits" : "pull-request mode"} needs a remote on GitHub (${io.env.GITHUB_SERVER_URL || "https://github.com"}) and GITHUB_TOKEN`,
      "promote"
    );
  }
  const dryRun = args.boolean("dry-run");
  const options = {
    ...mode ? { mode } : {},
    ...api ? {
      github: {
        repo: api,
        signCommits,
        deployments: !args.boolean("no-deployments")
      }
    } : {},
    project,
    freight: freightRef,
    store: repo.store,
    registry: defaultRegistry(),
    dryRun,
    promotedBy: who,
    clock: ctx.now,
    ...io.sleep ? { sleep: io.sleep } : {},
    fetch,
    log: progressOf(output, ctx),
    env: io.env,
    expressionData: expressionDataFromEnv(io.env),
    // oci-download and oci-push reach registries as `gantry discover` does.
    registryCredentials: promotionRegistryCredentials(
      {
        dockerConfigPath: join(
          io.env.DOCKER_CONFIG || join(io.env.HOME || homedir(), ".docker"),
          "config.json"
        ),
        githubToken: io.env.GANTRY_TOKEN || io.env.GITHUB_TOKEN || void 0,
        githubHost: new URL(io.env.GITHUB_SERVER_URL || "https://github.com").host
      },
      (l) => io.err(`warning: ${l}
`)
    )
  };
  const resume = args.string("resume-pull-request");
  if (resume !== void 0) {
    if (!/^[1-9]\d*$/.test(resume)) {
      throw new UsageError(
        `--resume-pull-request must be a pull request number, not "${resume}"`,
        "promote"
      );
    }
    if (!api) {
      throw new UsageError(
        `--resume-pull-request needs a remote on GitHub (${io.env.GITHUB_SERVER_URL || "https://github.com"}) and GITHUB_TOKEN`,
        "promote"
      );
    }
    const stage = stages[0];
    if (stages.length !== 1 || downstreamOf || stage === void 0) {
      throw new UsageError(
        "--resume-pull-request goes on with one stage: the one whose promotion opened it",
        "promote"
      );
    }
    const scratch = await mkdtemp(join(tmpdir(), "gantry-resume-"));
    try {
      const { freight: _freight, ...rest } = options;
      const r = await resumeAfterMerge(
        {
          ...rest,
          github: { repo: api, signCommits, deployments: false },
          stage,
          pullRequest: Number(resume)
        },
        scratch
      );
      io.out(
        output === "json" ? JSON.stringify(resumeJson(r), null, 2) + "\n" : `${r.note ?? `ran the ${r.statuses?.length ?? 0} steps after the wait of pull request #${r.pullRequest.number}: ${(r.statuses ?? []).join(", ")}`}
`
      );
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    return EXIT.ok;
  }
  if (stages.length === 1 && !downstreamOf) {
    const outcome = await promote({ ...options, stage: stages[0] });
    io.out(
      output === "json" ? JSON.stringify(promoteJson(outcome), null, 2) + "\n" : promoteText(outcome, dryRun)
    );
    return EXIT.ok;
  }
  const results = await promoteMany(options, stages);
  io.out(output === "json" ? promoteManyJson(results) : promoteManyText(results, dryRun));
  return results.some((r) => r.error) ? EXIT.failed : EXIT.ok;
}
function resumeJson(r) {
  return {
    pullRequest: r.pullRequest,
    ...r.note ? { note: r.note } : {},
    ...r.freight ? { freight: { id: r.freight.id, alias: r.freight.alias } } : {},
    ...r.statuses ? { statuses: r.statuses } : {}
  };
}
export {
  runPromote
};
