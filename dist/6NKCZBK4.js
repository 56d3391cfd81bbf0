import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  assembleFreight
} from "./GHDXUIL5.js";
import {
  oneProject
} from "./NYQ5M6BN.js";
import {
  versionsOf
} from "./J6LDKS2R.js";
import {
  cliCreatedBy,
  cliSources
} from "./SSODXWYH.js";
import "./VQYUNRDN.js";
import "./TQZP5LUC.js";
import "./XRG2AIG3.js";
import "./T4V6IIFZ.js";
import {
  age,
  table
} from "./WIC3XBMV.js";
import "./VO6IMAWJ.js";
import "./623JK2D2.js";
import "./Y2KM5SLM.js";
import "./ITB33UA7.js";
import "./K45NAUQ5.js";
import {
  openRepo
} from "./ZJURHJEN.js";
import {
  MAX_HISTORY_DEPTH
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
import "./JPLNYXYI.js";
import "./3CCVSSJR.js";
import "./55THRJYK.js";
import "./HSUCJ5W4.js";
import {
  parseDuration
} from "./XEBSUSON.js";
import "./TFABZY5Z.js";
import "./SSNOSDZA.js";
import {
  suggest
} from "./TFE6LUOK.js";
import "./KKJNXGQK.js";
import "./7A3KA3RP.js";
import "./JWBIZYSO.js";
import "./HQMHHTDW.js";
import "./5TKDJZQG.js";

// src/cli/commands/freight-assemble.ts
var freightAssemble = {
  name: "assemble",
  summary: "record freight from chosen versions",
  flags: [
    {
      name: "warehouse",
      type: "string",
      value: "W",
      required: true,
      help: "the warehouse the freight comes from; every version must belong to one of its subscriptions"
    },
    {
      name: "image",
      type: "string",
      value: "REPO:TAG",
      multiple: true,
      help: "an image of an image subscription, by tag; its digest is read from the registry"
    },
    {
      name: "chart",
      type: "string",
      value: "REPO/NAME:VERSION",
      multiple: true,
      help: "a chart version of a chart subscription: https://charts.example.com/podinfo:6.5.0, or\noci://ghcr.io/acme/charts/podinfo:6.5.0; it must be listed by the repository"
    },
    {
      name: "commit",
      type: "string",
      value: "REPO_URL@SHA|REF",
      multiple: true,
      help: "a commit of a git subscription: a full commit ID, a branch or a tag (resolved on the\nremote)"
    },
    PROJECT_FLAG,
    {
      name: "dry-run",
      type: "boolean",
      help: "resolve the versions and print the freight; record nothing"
    },
    OUTPUT_FLAG,
    REPO_FLAG
  ],
  description: `assemble: records freight from the versions named, one for each subscription of the
warehouse, the way discovery records the newest ones (same freight ID for the same versions, the
registry's digest for each image, the remote's commit for each ref). A version that belongs to no
subscription of the warehouse is refused and nothing is written. Assembling the same versions again
records nothing and prints the freight that exists. This is how a warehouse with
freightCreationPolicy: Manual gets freight, and how an earlier version goes back into a pipeline.`,
  examples: [
    "gantry freight assemble --warehouse echo --image ghcr.io/acme/echo:1.4.0",
    "gantry freight assemble --warehouse app --commit https://github.com/acme/cfg@main"
  ],
  async run(args, ctx) {
    const { io } = ctx;
    const output = outputOf(args, "freight");
    const warehouse = args.string("warehouse");
    if (!warehouse) throw new UsageError("freight assemble needs --warehouse", "freight");
    const images = args.strings("image");
    const charts = args.strings("chart");
    const commits = args.strings("commit");
    if (!images.length && !charts.length && !commits.length) {
      throw new UsageError(
        "freight assemble needs the versions: --image, --chart or --commit, one for each subscription of the warehouse",
        "freight"
      );
    }
    const settings = repoSettings(args, ctx);
    const repo = await openRepo(settings);
    const project = await oneProject(repo, args.string("project"), "freight");
    const { sources } = cliSources(io, settings.cacheDir, settings.trace);
    let result;
    try {
      result = await assembleFreight({
        project,
        warehouse,
        images,
        charts,
        commits,
        store: repo.store,
        sources: sources.assembly,
        clock: ctx.now,
        createdBy: cliCreatedBy(io.env),
        dryRun: args.boolean("dry-run")
      });
    } finally {
      await sources.close();
    }
    if (output === "json") {
      io.out(
        JSON.stringify(
          { created: result.created, dryRun: result.dryRun, freight: result.freight },
          null,
          2
        ) + "\n"
      );
    } else {
      const f = result.freight;
      const what = result.dryRun ? "would record" : result.created ? "recorded" : "already recorded";
      io.out(
        `${what}: freight ${f.alias} (${f.id.slice(0, 7)}) from warehouse ${result.warehouse}: ${versionsOf(f)}
`
      );
    }
    return EXIT.ok;
  }
};

// src/freight/prune.ts
function planPrune(freight, rules, facts) {
  const kept = {
    newest: 0,
    recent: 0,
    current: 0,
    "ran-recently": 0,
    "history-unread": 0,
    approved: 0,
    unreadable: 0
  };
  const cutoff = rules.cutoff.toISOString();
  const seen = /* @__PURE__ */ new Map();
  const remove = [];
  const newestFirst = [...freight].sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || b.freightId.localeCompare(a.freightId)
  );
  for (const f of newestFirst) {
    const rank = (seen.get(f.warehouse) ?? 0) + 1;
    if (f.createdAt) seen.set(f.warehouse, rank);
    const reason = !f.createdAt ? "unreadable" : facts.current.has(f.freightId) ? "current" : rank <= rules.keep ? "newest" : f.createdAt >= cutoff ? "recent" : facts.ranRecently.has(f.freightId) ? "ran-recently" : facts.historyFrom !== void 0 && f.createdAt <= facts.historyFrom ? "history-unread" : facts.approved.has(f.freightId) ? "approved" : void 0;
    if (reason) kept[reason]++;
    else remove.push(f);
  }
  return { remove: remove.reverse(), kept };
}
function ranSince(promotions, cutoff) {
  const since = cutoff.toISOString();
  const out = /* @__PURE__ */ new Set();
  const atCutoff = /* @__PURE__ */ new Set();
  for (const p of promotions) {
    if (p.promotedAt >= since) {
      out.add(p.freightId);
      continue;
    }
    const key = `${p.stage}\0${p.warehouse ?? ""}`;
    if (atCutoff.has(key)) continue;
    atCutoff.add(key);
    out.add(p.freightId);
  }
  return out;
}
function parseAge(text, parseDuration2) {
  const days = /^(\d+)d$/.exec(text);
  if (days) return Number(days[1]) * 864e5;
  return parseDuration2(text);
}

// src/app/prune.ts
var RECHECK_PROMOTIONS = 20;
async function pruneFreight(store, project, opts) {
  const { keep, cutoff, dryRun } = opts;
  const branches = await store.stageBranches(project.stages);
  const planTips = await store.remoteTips(branches);
  const [read, states, history] = await Promise.all([
    store.freightEntries(project.name),
    // Read at tips no older than planTips (the project files' read took an earlier one).
    store.stageStatesNow(project.name, project.stages),
    store.promotionHistory(project.name, branches, {
      limit: MAX_HISTORY_DEPTH,
      maxDepth: MAX_HISTORY_DEPTH
    })
  ]);
  const current = /* @__PURE__ */ new Set();
  for (const st of states.values()) for (const f of st?.freight ?? []) current.add(f.id);
  const plan = planPrune(
    read.entries,
    { keep, cutoff },
    {
      current,
      ranRecently: ranSince(history.records, cutoff),
      approved: new Set(read.snap.approvals.map((a) => a.freightId)),
      ...history.horizon === void 0 ? {} : { historyFrom: history.horizon }
    }
  );
  const seen = new Set(history.records.map((p) => p.commit));
  const guard = {
    async protectedNow(ids) {
      const tips = await store.remoteTips(branches);
      if (tips.size === planTips.size && [...tips].every(([b, t]) => planTips.get(b) === t))
        return /* @__PURE__ */ new Set();
      const [now, recent] = await Promise.all([
        store.stageStatesNow(project.name, project.stages),
        store.promotions(project.name, branches, RECHECK_PROMOTIONS)
      ]);
      if (recent.length >= RECHECK_PROMOTIONS && !recent.some((p) => seen.has(p.commit)))
        return ids;
      const out = /* @__PURE__ */ new Set();
      for (const st of now.values()) for (const f of st?.freight ?? []) out.add(f.id);
      for (const id of ranSince(recent, cutoff)) out.add(id);
      return new Set([...out].filter((id) => ids.has(id)));
    }
  };
  const result = dryRun || !plan.remove.length ? { deleted: [], restored: [] } : await store.deleteFreight(
    project.name,
    plan.remove.map((f) => f.freightId),
    { head: read.head, tags: read.tags },
    guard
  );
  return {
    plan,
    ...result,
    ...history.horizon === void 0 ? {} : { historyFrom: history.horizon }
  };
}

// src/cli/commands/freight-prune.ts
var FLAGS = [
  {
    name: "keep",
    type: "string",
    value: "N",
    required: true,
    help: "the newest N freight of each warehouse stay, however old (at least 1)"
  },
  {
    name: "older-than",
    type: "string",
    value: "D",
    required: true,
    help: "only freight created longer ago than this may go: 30d, 720h, 1h30m"
  },
  { name: "dry-run", type: "boolean", help: "print what would be deleted, delete nothing" },
  PROJECT_FLAG,
  OUTPUT_FLAG,
  REPO_FLAG
];
var freightPrune = {
  name: "prune",
  summary: "delete old unused freight",
  flags: FLAGS,
  description: `prune: a freight goes only when it is older than --older-than, not among the newest --keep of its
warehouse, not run by any stage now, not run by any stage since --older-than ago (promotion
history), and not approved for a stage. Its tag, its verification and approval tags and its
index entry are deleted together, in atomic pushes of up to 500 tags, each with the index. A
freight recorded, approved or verified meanwhile, or promoted before the push, makes it stop and
delete nothing; one promoted during the push is pushed back. Check with --dry-run first.`,
  examples: ["gantry freight prune --keep 20 --older-than 30d --dry-run"],
  async run(args, ctx) {
    const output = outputOf(args, "freight");
    const keepText = args.string("keep");
    const olderText = args.string("older-than");
    if (keepText === void 0 || olderText === void 0)
      throw new UsageError("freight prune needs --keep N and --older-than D", "freight");
    const keep = Number(keepText);
    if (!Number.isInteger(keep) || keep < 1)
      throw new UsageError(
        `--keep must be a whole number of at least 1, not "${keepText}"`,
        "freight"
      );
    let olderMs;
    try {
      olderMs = parseAge(olderText, parseDuration);
    } catch (err) {
      throw new UsageError(
        `--older-than: ${err.message}, or days such as 30d`,
        "freight"
      );
    }
    const dryRun = args.boolean("dry-run");
    const now = ctx.now();
    const cutoff = new Date(now.getTime() - olderMs);
    const repo = await openRepo(repoSettings(args, ctx));
    const project = await oneProject(repo, args.string("project"), "freight");
    const { plan, ...result } = await pruneFreight(repo.store, project, { keep, cutoff, dryRun });
    ctx.io.out(render(plan, { output, dryRun, ...result, now, project: project.name }));
    return EXIT.ok;
  }
};
function render(plan, o) {
  const back = new Set(o.restored);
  const removed = plan.remove.filter((f) => !back.has(f.freightId));
  if (o.output === "json")
    return JSON.stringify(
      {
        project: o.project,
        dryRun: o.dryRun,
        remove: removed.map((f) => ({
          id: f.freightId,
          alias: f.alias,
          warehouse: f.warehouse,
          createdAt: f.createdAt
        })),
        kept: plan.kept,
        deletedTags: o.deleted,
        restored: o.restored,
        ...o.historyFrom === void 0 ? {} : { historyReadBackTo: o.historyFrom }
      },
      null,
      2
    ) + "\n";
  const keptTotal = Object.values(plan.kept).reduce((a, b) => a + b, 0) + back.size;
  const why = [
    ...Object.entries(plan.kept).filter(([, n]) => n).map(([k, n]) => `${n} ${k}`),
    ...back.size ? [`${back.size} restored`] : []
  ].join(", ");
  const head = removed.length ? table(
    ["ID", "ALIAS", "WAREHOUSE", "AGE"],
    removed.map((f) => [
      f.freightId.slice(0, 7),
      f.alias,
      f.warehouse,
      age(f.createdAt, o.now)
    ])
  ) : "";
  const verb = o.dryRun ? "would delete" : "deleted";
  const restored = back.size ? `${o.project}: kept ${back.size} freight a stage started running, or that was approved or verified, during the prune (deleted, then pushed back with its tags): ${plan.remove.filter((f) => back.has(f.freightId)).map((f) => f.alias).join(", ")}
` : "";
  const unread = plan.kept["history-unread"] ? `${o.project}: promotion history was read back to ${o.historyFrom ?? "?"} only (${MAX_HISTORY_DEPTH} commits per branch): ${plan.kept["history-unread"]} freight created before then stay, as they may have run since the cutoff
` : "";
  return head + `${o.project}: ${verb} ${removed.length} freight${o.dryRun ? "" : ` (${o.deleted.length} tags)`}; keeping ${keptTotal}${why ? ` (${why})` : ""}
` + restored + unread;
}

// src/cli/commands/freight.ts
var SUBCOMMANDS = [freightAssemble, freightPrune];
function allFlags() {
  const byName = /* @__PURE__ */ new Map();
  for (const s of SUBCOMMANDS)
    for (const f of s.flags) if (!byName.has(f.name)) byName.set(f.name, f);
  return [...byName.values()].map((f) => ({ ...f, required: false }));
}
var freightCommand = {
  name: "freight",
  summary: SUBCOMMANDS.map((s) => `${s.name}: ${s.summary}`).join("; "),
  positional: SUBCOMMANDS.map((s) => s.name).join("|"),
  flags: allFlags(),
  description: SUBCOMMANDS.map((s) => s.description).join("\n\n"),
  examples: SUBCOMMANDS.flatMap((s) => s.examples),
  async run(args, ctx) {
    const [name, ...rest] = args.positionals;
    const sub = SUBCOMMANDS.find((s) => s.name === name);
    if (!sub || rest.length) {
      const names = SUBCOMMANDS.map((s) => s.name);
      const hint = name ? suggest(name, names) : void 0;
      throw new UsageError(
        `freight needs one of ${names.join(", ")}${name ? `, not "${args.positionals.join(" ")}"` : ""}${hint ? ` (did you mean "${hint}"?)` : ""}`,
        "freight"
      );
    }
    const own = new Set(sub.flags.map((f) => f.name));
    for (const f of freightCommand.flags) {
      if (args.given(f.name) && !own.has(f.name))
        throw new UsageError(`--${f.name} is not a flag of freight ${sub.name}`, "freight");
    }
    return sub.run(args, ctx);
  }
};
export {
  freightCommand
};
