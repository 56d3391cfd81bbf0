import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  freightViews,
  promotionViews,
  stageViews,
  versionsOf
} from "./J6LDKS2R.js";
import {
  markdownText,
  mdTable,
  settleAll
} from "./W4ICZBQF.js";
import {
  projectHealth
} from "./XN3XRSSJ.js";

// src/status/pipeline.ts
var DEFAULT_FREIGHT_PAGE = 20;
async function pipelineStatus(store, project, opts = {}) {
  const limit = opts.freightLimit ?? DEFAULT_FREIGHT_PAGE;
  const [[states, records], page] = await settleAll([
    store.stageStates(project.name, project.stages).then(async (st) => [st, await store.stageRecords(project.name, st)]),
    store.freightPage(project.name, {
      limit,
      warehouses: project.warehouses.map((w) => w.name)
    })
  ]);
  const snap = mergeSnapshots(records, page.snap);
  const [history, health] = await settleAll([
    opts.promotions ? store.stageBranches(project.stages).then((branches) => store.promotions(project.name, branches, opts.promotions)) : Promise.resolve([]),
    opts.health ? projectHealth(store, project, states, snap.freight, opts.health) : Promise.resolve(void 0)
  ]);
  return buildStatus(
    project,
    {
      snap,
      states,
      promotions: history,
      ...health && { health },
      freightTotal: page.total,
      latest: page.latest
    },
    { ...opts, freightLimit: limit }
  );
}
function mergeSnapshots(a, b) {
  const once = (xs, key) => [
    ...new Map(xs.map((x) => [key(x), x])).values()
  ];
  return {
    freight: once([...a.freight, ...b.freight], (f) => f.id).sort(
      (x, y) => y.createdAt.localeCompare(x.createdAt) || y.id.localeCompare(x.id)
    ),
    verifications: once(
      [...a.verifications, ...b.verifications],
      (v) => `${v.stage}/${v.freightId}`
    ),
    approvals: once([...a.approvals, ...b.approvals], (r) => `${r.stage}/${r.freightId}`),
    unreadable: once([...a.unreadable ?? [], ...b.unreadable ?? []], (u) => u.tag)
  };
}
function buildStatus(project, read, opts = {}) {
  const { snap, states } = read;
  const records = read.promotions ?? [];
  const web = opts.repoWebUrl?.replace(/\/+$/, "");
  const stages = stageViews(project, snap, states, read.health).map((v, i) => {
    const stage = project.stages[i];
    const st = states.get(v.name);
    const verifiedAt = {};
    for (const f of v.freight) {
      const rec = snap.verifications.find((r) => r.stage === v.name && r.freightId === f.id);
      if (rec) verifiedAt[f.id] = rec.verifiedAt;
    }
    return {
      ...v,
      health: v.verified === void 0 ? "none" : v.verified ? "verified" : "not-verified",
      autoPromotion: stage?.autoPromotion ?? false,
      mode: stage?.promotionTemplate.mode ?? "direct",
      ...stage?.environmentUrl ? { environmentUrl: stage.environmentUrl } : {},
      approvedBy: st?.approvedBy ?? [],
      ...st?.run ? { run: st.run } : {},
      ...st?.autoPromotionHold ? { hold: st.autoPromotionHold } : {},
      verifiedAt
    };
  });
  const promotedTo = /* @__PURE__ */ new Map();
  for (const r of records) {
    const list = promotedTo.get(r.freightId) ?? [];
    if (!list.includes(r.stage)) promotedTo.set(r.freightId, [...list, r.stage]);
  }
  const limit = opts.freightLimit ?? snap.freight.length;
  const freight = freightViews(project, snap, states).slice(0, limit).map((f) => ({
    ...f,
    versions: versionsOf(f),
    promotedTo: project.stages.map((s) => s.name).filter((s) => promotedTo.get(f.id)?.includes(s) || s in f.status.currentlyIn)
  }));
  const promotions = promotionViews(records).map((p, i) => ({
    ...p,
    subject: records[i]?.subject ?? "",
    ...web ? { commitUrl: `${web}/commit/${p.commit}` } : {}
  }));
  const warehouses = project.warehouses.map((w) => {
    const latest = read.latest ? read.latest.get(w.name) : snap.freight.find((f) => f.origin.name === w.name);
    return {
      name: w.name,
      subscriptions: w.subscriptions.map(
        (s) => s.kind === "image" ? `image ${s.image.repoURL}` : s.kind === "chart" ? `chart ${s.chart.repoURL}${s.chart.name ? ` ${s.chart.name}` : ""}` : `git ${s.git.repoURL}`
      ),
      ...latest ? { latest: { id: latest.id, alias: latest.alias, createdAt: latest.createdAt } } : {}
    };
  });
  return {
    project: project.name,
    ...web ? { repoWebUrl: web } : {},
    warehouses,
    stages,
    freight,
    freightTotal: read.freightTotal ?? snap.freight.length,
    promotions
  };
}

// src/status/graph.ts
var warehouseNode = (name) => `warehouse:${name}`;
var stageNode = (name) => `stage:${name}`;
function pipelineGraph(project) {
  const edges = /* @__PURE__ */ new Map();
  const addEdge = (from, to, warehouse) => {
    const key = `${from}
${to}`;
    const e = edges.get(key) ?? { from, to, warehouses: [] };
    if (!e.warehouses.includes(warehouse)) e.warehouses.push(warehouse);
    edges.set(key, e);
  };
  const stageNames = new Set(project.stages.map((s) => s.name));
  for (const stage of project.stages) {
    for (const req of stage.requestedFreight) {
      if (req.sources.direct)
        addEdge(warehouseNode(req.origin.name), stageNode(stage.name), req.origin.name);
      for (const up of req.sources.stages) {
        if (stageNames.has(up)) addEdge(stageNode(up), stageNode(stage.name), req.origin.name);
      }
    }
  }
  const upstream = /* @__PURE__ */ new Map();
  for (const e of edges.values()) upstream.set(e.to, [...upstream.get(e.to) ?? [], e.from]);
  const layerOf = /* @__PURE__ */ new Map();
  const visiting = /* @__PURE__ */ new Set();
  const layer = (id) => {
    const known = layerOf.get(id);
    if (known !== void 0) return known;
    if (id.startsWith("warehouse:") || visiting.has(id)) return 0;
    visiting.add(id);
    const ups = upstream.get(id) ?? [];
    const l = ups.length ? 1 + Math.max(...ups.map(layer)) : 1;
    visiting.delete(id);
    layerOf.set(id, l);
    return l;
  };
  const nodes = [
    ...project.warehouses.map((w) => ({
      id: warehouseNode(w.name),
      kind: "warehouse",
      name: w.name,
      layer: 0,
      order: 0
    })),
    ...project.stages.map((s) => ({
      id: stageNode(s.name),
      kind: "stage",
      name: s.name,
      layer: layer(stageNode(s.name)),
      order: 0
    }))
  ];
  const layers = Math.max(1, ...nodes.map((n) => n.layer + 1));
  const byLayer = Array.from({ length: layers }, () => []);
  for (const n of nodes) byLayer[n.layer]?.push(n);
  byLayer.forEach((col) => col.forEach((n, i) => n.order = i));
  const rowOf = new Map(nodes.map((n) => [n.id, n]));
  for (const col of byLayer.slice(1)) {
    const weight = (n) => {
      const ups = (upstream.get(n.id) ?? []).map((u) => rowOf.get(u)?.order ?? 0);
      return ups.length ? ups.reduce((a, b) => a + b, 0) / ups.length : n.order;
    };
    const sorted = col.map((n) => ({ n, w: weight(n) })).sort((a, b) => a.w - b.w || a.n.order - b.n.order);
    sorted.forEach(({ n }, i) => n.order = i);
  }
  return { nodes, edges: [...edges.values()], layers };
}

// src/status/markdown.ts
var HEALTH_ICON = {
  verified: "\u2705",
  "not-verified": "\u23F3",
  none: "\u2014"
};
var APP_HEALTH_ICON = {
  Healthy: "\u{1F49A}",
  Progressing: "\u{1F504}",
  Unhealthy: "\u{1F494}",
  Unknown: "\u2754",
  NotApplicable: "\u2796"
};
function shownHealth(s) {
  return s.appHealth && s.appHealth.status !== "NotApplicable" ? s.appHealth : void 0;
}
var MARK = { current: "\u25CF", verified: "\u2713", approved: "\u2714" };
function mermaidText(text) {
  return [...text.replace(/[\r\n\t]+/g, " ")].map((c) => /^[A-Za-z0-9 ._\-/@,+=()]$/.test(c) ? c : `#${c.codePointAt(0)};`).join("");
}
var CLASS = {
  warehouse: "gWarehouse",
  verified: "gVerified",
  "not-verified": "gNotVerified",
  none: "gNone",
  held: "gHeld"
};
function stageLabel(s) {
  const lines = [mermaidText(s.name)];
  const aliases = s.freight.map((f) => mermaidText(f.alias)).join(", ");
  lines.push(aliases ? `${aliases} ${HEALTH_ICON[s.health]}` : HEALTH_ICON.none);
  const health = shownHealth(s);
  if (health) lines.push(`${APP_HEALTH_ICON[health.status]} ${health.status}`);
  if (s.hold) lines.push("\u23F8 held");
  return lines.join("<br/>");
}
function pipelineMermaid(project, status) {
  const graph = pipelineGraph(project);
  const ids = /* @__PURE__ */ new Map();
  project.warehouses.forEach((w, i) => ids.set(warehouseNode(w.name), `w${i}`));
  project.stages.forEach((s, i) => ids.set(stageNode(s.name), `s${i}`));
  const byStage = new Map(status.stages.map((s) => [s.name, s]));
  const lines = ["flowchart LR"];
  project.warehouses.forEach((w, i) => lines.push(`  w${i}[("${mermaidText(w.name)}")]`));
  const classes = /* @__PURE__ */ new Map();
  const addClass = (cls, id) => classes.set(cls, [...classes.get(cls) ?? [], id]);
  project.warehouses.forEach((_, i) => addClass(CLASS.warehouse, `w${i}`));
  project.stages.forEach((stage, i) => {
    const s = byStage.get(stage.name);
    const label = s ? stageLabel(s) : `${mermaidText(stage.name)}<br/>${HEALTH_ICON.none}`;
    lines.push(`  s${i}["${label}"]`);
    addClass(CLASS[s?.health ?? "none"], `s${i}`);
    if (s?.hold) addClass(CLASS.held, `s${i}`);
  });
  const labelled = project.warehouses.length > 1;
  for (const e of graph.edges) {
    const from = ids.get(e.from);
    const to = ids.get(e.to);
    if (!from || !to) continue;
    const label = labelled && e.from.startsWith("stage:") ? `|"${mermaidText(e.warehouses.join(", "))}"|` : "";
    lines.push(`  ${from} -->${label} ${to}`);
  }
  lines.push(
    `  classDef ${CLASS.warehouse} fill:#eef2ff,stroke:#6366f1,color:#1e1b4b`,
    `  classDef ${CLASS.verified} fill:#dcfce7,stroke:#16a34a,color:#14532d`,
    `  classDef ${CLASS["not-verified"]} fill:#fef9c3,stroke:#ca8a04,color:#713f12`,
    `  classDef ${CLASS.none} fill:#f3f4f6,stroke:#9ca3af,color:#374151`,
    `  classDef ${CLASS.held} stroke-dasharray:5 5`
  );
  for (const cls of Object.values(CLASS)) {
    const members = classes.get(cls);
    if (members?.length) lines.push(`  class ${members.join(",")} ${cls}`);
  }
  return lines.join("\n") + "\n";
}
function freightMarks(f, stage) {
  const marks = [];
  if (stage in f.status.currentlyIn) marks.push("current");
  if (stage in f.status.verifiedIn) marks.push("verified");
  if (stage in f.status.approvedFor) marks.push("approved");
  return marks;
}
function freightMatrixMarkdown(project, status, opts = {}) {
  const limit = opts.limit ?? 10;
  if (!status.freight.length) return "_No freight yet._\n";
  const stages = project.stages.map((s) => s.name);
  const rows = status.freight.slice(0, limit);
  const md = mdTable(
    ["freight", "versions", ...stages.map(markdownText)],
    rows.map((f) => [
      `**${markdownText(f.alias)}** \`${f.id.slice(0, 7)}\``,
      markdownText(f.versions),
      ...stages.map(
        (s) => freightMarks(f, s).map((m) => MARK[m]).join(" ")
      )
    ]),
    [void 0, void 0, ...stages.map(() => "center")]
  );
  md.push(
    "",
    `${MARK.current} current \xB7 ${MARK.verified} verified \xB7 ${MARK.approved} approved` + (status.freightTotal > rows.length ? ` \xB7 newest ${rows.length} of ${status.freightTotal} freight` : "")
  );
  return md.join("\n") + "\n";
}
function stageHealthMarkdown(status) {
  const rows = status.stages.flatMap((s) => {
    const h = shownHealth(s);
    if (!h) return [];
    const apps = h.applications.map(
      (a) => `${markdownText(a.namespace ? `${a.namespace}/${a.name}` : a.name)}: ${a.status}` + (a.health !== void 0 ? ` (${markdownText(`${a.health}, ${a.sync}${a.revision ? ` at ${a.revision}` : ""}`)})` : "")
    ).join("<br>");
    const issues = h.issues.map(markdownText).join("<br>") || "\u2014";
    return [
      [
        `**${markdownText(s.name)}**`,
        `${APP_HEALTH_ICON[h.status]} ${h.status}`,
        apps || "\u2014",
        issues
      ]
    ];
  });
  if (!rows.length) return "";
  return [
    "### Stage health",
    "",
    ...mdTable(["stage", "health", "applications", "issues"], rows),
    ""
  ].join("\n");
}
function pipelineSummaryMarkdown(project, status) {
  const health = stageHealthMarkdown(status);
  return [
    `## Pipeline: ${markdownText(project.name)}`,
    "",
    "```mermaid",
    pipelineMermaid(project, status).trimEnd(),
    "```",
    "",
    ...health ? [health] : [],
    freightMatrixMarkdown(project, status)
  ].join("\n");
}

export {
  stageNode,
  pipelineGraph,
  pipelineStatus,
  shownHealth,
  freightMarks,
  pipelineSummaryMarkdown
};
