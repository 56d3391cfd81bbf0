import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  SPLIT_OVER,
  discoverMatrix
} from "./RQENKYE6.js";
import {
  freightViews,
  promotionViews,
  stageViews,
  versionsOf
} from "./J6LDKS2R.js";
import {
  age,
  table
} from "./WIC3XBMV.js";
import {
  newestFreight
} from "./VO6IMAWJ.js";
import {
  NoRemoteError,
  loadProjects,
  openRepo,
  pickProjects,
  selectProjects
} from "./ZJURHJEN.js";
import {
  compareText,
  settleAll
} from "./W4ICZBQF.js";
import {
  EXIT,
  OUTPUT_FLAG,
  PROJECT_FLAG,
  REPO_FLAG,
  UsageError,
  outputOf,
  repoSettings
} from "./BOHIHDER.js";
import "./XK25RJ5D.js";
import "./TBULFJPZ.js";
import "./HLO4W42S.js";
import "./J4XWRISY.js";
import "./6DZPHH7F.js";
import "./FNZOKEBV.js";
import {
  suggest
} from "./TFE6LUOK.js";
import "./7A3KA3RP.js";
import {
  ConfigError
} from "./HQMHHTDW.js";
import "./5TKDJZQG.js";

// src/cli/commands/get.ts
var GET_KINDS = ["stages", "freight", "promotions", "warehouses", "projects"];
var KIND_FLAGS = [
  ["limit", ["freight", "promotions"]],
  ["all", ["freight"]],
  ["split-over", ["projects"]]
];
var getCommand = {
  name: "get",
  summary: "list the stages, the freight, the latest promotions, the warehouses or the projects",
  positional: GET_KINDS.join("|"),
  flags: [
    PROJECT_FLAG,
    OUTPUT_FLAG,
    {
      name: "limit",
      type: "string",
      value: "N",
      default: "20",
      help: "get freight, get promotions: how many of the newest to list"
    },
    {
      name: "all",
      type: "boolean",
      help: "get freight: list every freight (reads every freight tag: slow with thousands)"
    },
    {
      name: "split-over",
      type: "string",
      value: "N",
      default: String(SPLIT_OVER),
      help: "get projects: in the JSON matrix, a project with more than N warehouses gets one job per warehouse"
    },
    REPO_FLAG
  ],
  description: `stages: what each stage runs, whether it is verified (and its Argo CD health when the
stage names Applications), since when and by whom. freight: every freight with its versions and the
stages it is in (\u2713 verified there), newest first, a page of --limit at a time (--all for every
one). promotions: the newest first, across projects. warehouses: each warehouse's subscriptions,
its freight creation policy, and its newest freight and when it was recorded. projects: each
project's name, stages, warehouses and file, read from the clone's work tree (no remote needed);
the discover workflow's matrix is its JSON.`,
  examples: [
    "gantry get stages",
    "gantry get freight --project echo --output json",
    "gantry get freight --limit 100",
    "gantry get promotions --limit 5",
    "gantry get warehouses --output json",
    "gantry get projects --output json"
  ],
  async run(args, ctx) {
    const output = outputOf(args, "get");
    const rest = args.positionals;
    const kind = rest[0];
    if (!kind || !GET_KINDS.includes(kind) || rest.length > 1) {
      const hint = kind ? suggest(kind, [...GET_KINDS]) : void 0;
      throw new UsageError(
        `get needs one of ${GET_KINDS.join(", ")}${kind ? `, not "${rest.join(" ")}"` : ""}${hint ? ` (did you mean "${hint}"?)` : ""}`,
        "get"
      );
    }
    for (const [flag, kinds] of KIND_FLAGS)
      if (args.given(flag) && !kinds.includes(kind))
        throw new UsageError(
          `--${flag} is for get ${kinds.join(" and get ")}, not get ${kind}`,
          "get"
        );
    if (kind === "projects") {
      const splitText = args.string("split-over") ?? String(SPLIT_OVER);
      const splitOver = Number(splitText);
      if (!Number.isInteger(splitOver) || splitOver < 0)
        throw new UsageError(
          `--split-over must be a whole number of warehouses, not "${splitText}"`,
          "get"
        );
      ctx.io.out(
        await getProjects(repoSettings(args, ctx), args.string("project"), output, splitOver)
      );
      return EXIT.ok;
    }
    const limitText = args.string("limit");
    const limit = Number(limitText);
    if (!Number.isInteger(limit) || limit < 1)
      throw new UsageError(`--limit must be a positive integer, not "${limitText}"`, "get");
    const all = args.boolean("all");
    if (all && args.given("limit"))
      throw new UsageError("--limit and --all ask for two different pages: give one", "get");
    const repo = await openRepo(repoSettings(args, ctx));
    if (kind === "freight" && !all) {
      repo.store.listTagsAhead(args.string("project"), { peeled: false });
      repo.store.fetchIndexesAhead({ project: args.string("project"), limit });
    } else if (kind === "freight") repo.store.listTagsAhead(args.string("project"));
    if (kind === "stages") repo.store.fetchStageRecordsAhead(args.string("project"));
    if (!repo.localDir) await repo.store.defaultBranchAhead();
    if (kind === "stages") import("./5MCHIHHJ.js").catch(() => void 0);
    const projects = await selectProjects(repo, args.string("project"));
    const page = { limit: all ? Infinity : limit, shown: 0, total: 0 };
    ctx.io.out(
      await get(
        kind,
        repo,
        projects,
        output,
        page,
        ctx.now(),
        {
          env: ctx.io.env,
          fetch
        }
      )
    );
    if (kind === "freight" && page.total > page.shown)
      ctx.later.push(
        `the newest ${page.shown} of ${page.total} freight; --limit N or --all for more
`
      );
    return EXIT.ok;
  }
};
async function getProjects(settings, name, output, splitOver) {
  let source;
  try {
    source = await openRepo(settings);
  } catch (err) {
    if (!(err instanceof NoRemoteError)) throw err;
    source = { localDir: err.localDir };
  }
  const { projects: all, problems } = await loadProjects(source);
  if (problems.length)
    throw new ConfigError("the project files have problems (run gantry lint):", problems);
  const projects = pickProjects(all, name).map((p) => ({
    name: p.name,
    file: p.file,
    stages: p.stages.map((s) => s.name),
    warehouses: p.warehouses.map((w) => w.name)
  }));
  if (output === "json")
    return JSON.stringify({ projects, matrix: discoverMatrix(projects, splitOver) }, null, 2) + "\n";
  return table(
    ["NAME", "STAGES", "WAREHOUSES", "FILE"],
    projects.map((p) => [p.name, p.stages.join(","), p.warehouses.join(","), p.file])
  );
}
async function get(kind, ctx, projects, output, page, now, health) {
  const many = projects.length > 1;
  const withProject = (row, project) => many ? [project, ...row] : row;
  const headers = (h) => many ? ["PROJECT", ...h] : h;
  if (kind === "promotions") {
    const all = [];
    for (const p of projects) {
      const branches = await ctx.store.stageBranches(p.stages);
      all.push(...promotionViews(await ctx.store.promotions(p.name, branches, page.limit)));
    }
    all.sort((a, b) => b.promotedAt.localeCompare(a.promotedAt));
    all.splice(page.limit);
    if (output === "json") return JSON.stringify({ promotions: all }, null, 2) + "\n";
    return table(
      headers(["STAGE", "FREIGHT", "COMMIT", "BY", "APPROVED BY", "AGE"]),
      all.map(
        (v) => withProject(
          [
            v.stage,
            v.freight.alias,
            v.commit.slice(0, 7),
            v.promotedBy,
            v.approvedBy.join(",") || "-",
            age(v.promotedAt, now)
          ],
          v.project
        )
      )
    );
  }
  if (kind === "warehouses") {
    const { publicURL } = await import("./XVGRBUE3.js");
    const rows = [];
    for (const p of projects)
      rows.push(...warehouseViews(p, (await ctx.store.snapshot(p.name)).freight, publicURL));
    if (output === "json") return JSON.stringify({ warehouses: rows }, null, 2) + "\n";
    return table(
      headers(["NAME", "POLICY", "SUBSCRIPTIONS", "NEWEST FREIGHT", "AGE"]),
      rows.map(
        (w) => withProject(
          [
            w.name,
            w.freightCreationPolicy,
            w.subscriptions.map(
              (s) => `${s.kind}:${s.kind === "chart" && s.name ? `${s.repoURL.replace(/\/+$/, "")}/${s.name}` : s.repoURL}`
            ).join(",") || "-",
            w.newestFreight ? `${w.newestFreight.alias} (${w.newestFreight.id.slice(0, 7)})` : "-",
            w.newestFreight ? age(w.newestFreight.createdAt, now) : "-"
          ],
          w.project
        )
      )
    );
  }
  const stages = [];
  const freight = [];
  for (const p of projects) {
    if (kind === "stages") {
      const { projectHealth } = await import("./5MCHIHHJ.js");
      const states2 = await ctx.store.stageStates(p.name, p.stages);
      const snap = await ctx.store.stageRecords(p.name, states2);
      const appHealth = await projectHealth(ctx.store, p, states2, snap.freight, health);
      stages.push(...stageViews(p, snap, states2, appHealth));
      continue;
    }
    const [read, states] = await settleAll([
      page.limit === Infinity ? ctx.store.snapshot(p.name).then((snap) => ({ snap, total: snap.freight.length })) : ctx.store.freightPage(p.name, { limit: page.limit }),
      ctx.store.stageStates(p.name, p.stages)
    ]);
    page.total += read.total;
    freight.push(...freightViews(p, read.snap, states));
  }
  freight.sort((a, b) => compareText(b.createdAt, a.createdAt) || compareText(b.id, a.id));
  freight.splice(page.limit);
  page.shown = freight.length;
  if (kind === "stages") {
    if (output === "json") return JSON.stringify({ stages }, null, 2) + "\n";
    const { stageNamesApps } = await import("./5MCHIHHJ.js");
    const showHealth = projects.some((p) => p.stages.some(stageNamesApps));
    return table(
      headers([
        "NAME",
        "FREIGHT",
        "ID",
        "VERIFIED",
        ...showHealth ? ["HEALTH"] : [],
        "SINCE",
        "BY"
      ]),
      stages.map(
        (s) => withProject(
          [
            s.name,
            s.freight.map((f) => f.alias).join(",") || "-",
            s.freight.map((f) => f.id.slice(0, 7)).join(",") || "-",
            s.verified === void 0 ? "-" : s.verified ? "yes" : "no",
            ...showHealth ? [s.appHealth?.status ?? "-"] : [],
            age(s.promotedAt, now) || "-",
            s.promotedBy ?? "-"
          ],
          s.project
        )
      )
    );
  }
  if (output === "json") return JSON.stringify({ freight, total: page.total }, null, 2) + "\n";
  return table(
    headers(["ID", "ALIAS", "WAREHOUSE", "VERSIONS", "AGE", "STAGES"]),
    freight.map(
      (f) => withProject(
        [
          f.id.slice(0, 7),
          f.alias,
          f.origin.name,
          versionsOf(f),
          age(f.createdAt, now),
          Object.keys(f.status.currentlyIn).map((s) => f.status.verifiedIn[s] ? `${s}\u2713` : s).join(",") || "-"
        ],
        f.project
      )
    )
  );
}
function warehouseViews(p, freight, publicURL) {
  return p.warehouses.map((w) => {
    const newest = newestFreight(freight.filter((f) => f.origin.name === w.name));
    return {
      project: p.name,
      name: w.name,
      freightCreationPolicy: w.freightCreationPolicy,
      subscriptions: w.subscriptions.map((s) => {
        const body = s.kind === "image" ? s.image : s.kind === "chart" ? s.chart : s.git;
        return {
          kind: s.kind,
          repoURL: publicURL(body.repoURL),
          ...body.name ? { name: body.name } : {}
        };
      }),
      newestFreight: newest ? { id: newest.id, alias: newest.alias, createdAt: newest.createdAt } : null
    };
  });
}
export {
  getCommand
};
