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
  githubApi,
  setOutput,
  singleProject,
  summary
} from "./FD6MDBI3.js";
import {
  downstreamStages,
  promote,
  promoteMany,
  promotionMarkdown,
  resumeAfterMerge,
  upstreamFreight
} from "./ZFXVFH3Z.js";
import "./4SXL3VLH.js";
import "./DUP5K6BV.js";
import "./IV5JU2LY.js";
import "./UYRH4MQ6.js";
import "./J6LDKS2R.js";
import "./VO6IMAWJ.js";
import "./DSDVMYR5.js";
import "./BHM3J3E7.js";
import {
  defaultRegistry
} from "./H4GEYOPH.js";
import "./SZ6DWH5P.js";
import "./G3KHJPJO.js";
import "./2X254HU4.js";
import "./623JK2D2.js";
import "./Y2KM5SLM.js";
import "./ITB33UA7.js";
import "./K45NAUQ5.js";
import "./ZJURHJEN.js";
import "./W4ICZBQF.js";
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
import {
  ConfigError,
  OperationError
} from "./HQMHHTDW.js";
import "./5TKDJZQG.js";

// src/actions/promote-action-run.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
async function promoteInRepo(s, ctx, repo, given) {
  const { env, expressionData, registryCredentials } = given;
  const project = await singleProject(repo, s.project);
  const api = githubApi(s.repository, s.token, ctx);
  if (s.signCommits && !api) {
    throw new ConfigError(
      'input "sign-commits" needs the GitOps repository on this GitHub server (repository: owner/name) and a token'
    );
  }
  const runApi = githubApi(ctx.repository, s.token, ctx);
  const github = api && {
    repo: api,
    signCommits: s.signCommits,
    deployments: s.deployments
  };
  const gate = runApi && ctx.runId !== void 0 ? { api: runApi, id: ctx.runId, ...ctx.sha ? { sha: ctx.sha } : {} } : void 0;
  if (ctx.runId !== void 0 && !gate) {
    actionLog.warn(
      `the gate of stage ${s.stage} was not checked: reading the environment's protection rules needs the token input and GITHUB_REPOSITORY`
    );
  }
  const options = {
    project,
    freight: s.freight,
    store: repo.store,
    registry: defaultRegistry(),
    mode: s.mode,
    dryRun: s.dryRun,
    promotedBy: ctx.actor ?? "github-actions",
    run: ctx.runUrl,
    clock: () => /* @__PURE__ */ new Date(),
    fetch: actionLog.fetch(),
    log: actionLog.info,
    group: actionLog.group,
    env,
    expressionData,
    registryCredentials,
    ...github ? { github } : {},
    ...gate ? { gate } : {}
  };
  if (s.resumePullRequest !== void 0) {
    if (!github) {
      throw new ConfigError(
        `input "resume-pull-request" needs the GitOps repository on this GitHub server (repository: owner/name) and a token`
      );
    }
    const scratch = await mkdtemp(join(tmpdir(), "gantry-resume-"));
    try {
      const { freight: _freight, ...rest } = options;
      const r2 = await resumeAfterMerge(
        { ...rest, github, stage: s.stage, pullRequest: s.resumePullRequest },
        scratch
      );
      actionLog.info(
        r2.note ?? `ran the steps after the wait of pull request #${r2.pullRequest.number}: ${(r2.statuses ?? []).join(", ")}`
      );
      setOutput(Output.freight, r2.freight?.id ?? "");
      setOutput(Output.commit, "");
      setOutput(Output.pullRequestUrl, r2.pullRequest.url);
      setOutput(Output.changed, "false");
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    return;
  }
  const stages = s.downstreamOf ? downstreamStages(project, s.downstreamOf) : s.stages ?? [s.stage];
  if (stages.length > 1 || s.downstreamOf) {
    await promoteSeveral(s, ctx, repo, project, options, stages, env);
    return;
  }
  const outcome = await promote({ ...options, stage: stages[0] ?? s.stage });
  setOutput(Output.results, JSON.stringify([resultOf(outcome.stage, outcome)]));
  for (const w of outcome.warnings) actionLog.warn(w);
  const r = outcome.result;
  setOutput(Output.freight, outcome.freight?.id ?? "");
  setOutput(Output.commit, r && !s.dryRun ? r.commit : "");
  setOutput(Output.pullRequestUrl, r?.pullRequest?.url ?? "");
  setOutput(Output.changed, String(Boolean(r?.changed && !s.dryRun)));
  const web = s.repository ? `${ctx.serverUrl}/${s.repository}` : void 0;
  await summary.addRaw(promotionMarkdown(outcome, { dryRun: s.dryRun, repoWebUrl: web }) + "\n").write();
  await appendPipelineSummary(repo, project, actionLog.warn, { env, fetch: actionLog.fetch() });
}
function resultOf(stage, o, error) {
  return {
    stage,
    freight: o?.freight?.id ?? "",
    commit: o?.result?.commit ?? "",
    changed: Boolean(o?.result?.changed),
    ...o?.result?.pullRequest ? { pullRequestUrl: o.result.pullRequest.url } : {},
    ...error !== void 0 ? { error } : {}
  };
}
async function promoteSeveral(s, ctx, repo, project, options, stages, env) {
  const freight = options.freight ?? (s.downstreamOf ? await upstreamFreight(options, s.downstreamOf) : void 0);
  const results = await promoteMany({ ...options, ...freight ? { freight } : {} }, stages);
  for (const r of results) for (const w of r.outcome?.warnings ?? []) actionLog.warn(w);
  const ids = new Set(results.map((r) => r.outcome?.freight?.id).filter(Boolean));
  setOutput(Output.freight, ids.size === 1 ? [...ids][0] : "");
  setOutput(Output.commit, "");
  setOutput(Output.pullRequestUrl, "");
  setOutput(
    Output.changed,
    String(!s.dryRun && results.some((r) => r.outcome?.result?.changed))
  );
  setOutput(
    Output.results,
    JSON.stringify(results.map((r) => resultOf(r.stage, r.outcome, r.error)))
  );
  const web = s.repository ? `${ctx.serverUrl}/${s.repository}` : void 0;
  const parts = results.map(
    (r) => r.outcome ? promotionMarkdown(r.outcome, { dryRun: s.dryRun, repoWebUrl: web }) : `### ${r.stage}: not promoted

${r.error ?? ""}
`
  );
  await summary.addRaw(parts.join("\n") + "\n").write();
  await appendPipelineSummary(repo, project, actionLog.warn, { env, fetch: actionLog.fetch() });
  const failed = results.filter((r) => r.error);
  if (failed.length) {
    throw new OperationError(
      `${failed.length} of ${results.length} stages were not promoted: ${failed.map((r) => `${r.stage} (${r.error ?? ""})`).join("; ")}`
    );
  }
}
export {
  promoteInRepo
};
