import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  freightMarks,
  pipelineGraph,
  pipelineStatus,
  shownHealth,
  stageNode
} from "./IV5JU2LY.js";
import {
  package_default
} from "./5SCPXACV.js";
import {
  versionsOf
} from "./J6LDKS2R.js";
import {
  age
} from "./WIC3XBMV.js";
import {
  openRepo,
  selectProjects
} from "./ZJURHJEN.js";
import "./W4ICZBQF.js";
import {
  PROJECT_FLAG,
  REPO_FLAG,
  UsageError,
  noPositionals,
  repoSettings
} from "./BOHIHDER.js";
import {
  remoteWebUrl
} from "./XK25RJ5D.js";
import "./TBULFJPZ.js";
import "./HLO4W42S.js";
import {
  maskUserinfo
} from "./J4XWRISY.js";
import "./6DZPHH7F.js";
import "./FNZOKEBV.js";
import {
  stageNamesApps
} from "./XN3XRSSJ.js";
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
  ConfigError
} from "./HQMHHTDW.js";
import "./5TKDJZQG.js";

// src/dashboard/index.ts
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

// src/dashboard/escape.ts
var ENTITY = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;"
};
function esc(text) {
  return text.replace(/[&<>"']/g, (c) => ENTITY[c] ?? c);
}
function safeUrl(url) {
  if (!url) return void 0;
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : void 0;
  } catch {
    return void 0;
  }
}
function link(url, html, attrs = "") {
  const href = safeUrl(url);
  return href ? `<a href="${esc(href)}"${attrs}>${html}</a>` : html;
}
function slug(name) {
  const plain = name.toLowerCase().replace(/[^a-z0-9-]+/g, "-");
  return plain === name ? name : `${plain}-${hash(name)}`;
}
function hash(s) {
  let h = 2166136261;
  for (const c of s) {
    h ^= c.codePointAt(0) ?? 0;
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h.toString(36);
}
function fit(text, max) {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max - 1).join("") + "\u2026";
}

// src/dashboard/svg.ts
var NODE_W = 200;
var NODE_H = 76;
var HEALTH_LINE_H = 18;
var GAP_X = 72;
var GAP_Y = 24;
var PAD = 12;
var HEALTH_TEXT = {
  verified: "\u2713 verified",
  "not-verified": "\u2026 not verified",
  none: "no freight"
};
var APP_HEALTH_MARK = {
  Healthy: "\u2665",
  Progressing: "\u25CC",
  Unhealthy: "\u2717",
  Unknown: "?",
  NotApplicable: "\u2013"
};
function describe(project, status) {
  const byStage = new Map(status.stages.map((s) => [s.name, s]));
  const graph = pipelineGraph(project);
  const nameOf = (id) => id.replace(/^(warehouse|stage):/, "");
  const parts = graph.nodes.map((n) => {
    const out = graph.edges.filter((e) => e.from === n.id).map((e) => nameOf(e.to));
    const feeds = out.length ? `, feeds ${out.join(", ")}` : "";
    if (n.kind === "warehouse") return `Warehouse ${n.name}${feeds}.`;
    const s = byStage.get(n.name);
    const freight = s?.freight.map((f) => f.alias).join(", ");
    const state = freight ? `runs ${freight}, ${s?.health === "verified" ? "verified" : "not verified"}` : "has no freight";
    const health = s ? shownHealth(s) : void 0;
    return `Stage ${n.name} ${state}${health ? `, health ${health.status}` : ""}${s?.hold ? ", auto-promotion held" : ""}${feeds}.`;
  });
  return parts.join(" ");
}
function pipelineSvg(project, status, opts) {
  const graph = pipelineGraph(project);
  const nodeH = status.stages.some((s) => shownHealth(s)) ? NODE_H + HEALTH_LINE_H : NODE_H;
  const rows = Math.max(
    1,
    ...Array.from(
      { length: graph.layers },
      (_, l) => graph.nodes.filter((n) => n.layer === l).length
    )
  );
  const width = PAD * 2 + graph.layers * NODE_W + (graph.layers - 1) * GAP_X;
  const height = PAD * 2 + rows * nodeH + (rows - 1) * GAP_Y;
  const pos = /* @__PURE__ */ new Map();
  for (let l = 0; l < graph.layers; l++) {
    const col = graph.nodes.filter((n) => n.layer === l);
    const offset = (rows - col.length) * (nodeH + GAP_Y) / 2;
    for (const n of col)
      pos.set(n.id, {
        x: PAD + l * (NODE_W + GAP_X),
        y: PAD + offset + n.order * (nodeH + GAP_Y)
      });
  }
  const p = opts.idPrefix;
  const out = [
    `<svg class="graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${p}-title ${p}-desc">`,
    `<title id="${p}-title">Pipeline of ${esc(project.name)}</title>`,
    `<desc id="${p}-desc">${esc(describe(project, status))}</desc>`,
    `<defs><marker id="${p}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="arrowhead"/></marker></defs>`
  ];
  out.push('<g class="edges">');
  for (const e of graph.edges) {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (!a || !b) continue;
    const x1 = a.x + NODE_W;
    const y1 = a.y + nodeH / 2;
    const x2 = b.x - 2;
    const y2 = b.y + nodeH / 2;
    const dx = Math.max(24, (x2 - x1) / 2);
    const d = `M${x1} ${y1}C${x1 + dx} ${y1} ${x2 - dx} ${y2} ${x2} ${y2}`;
    out.push(
      `<path class="edge" data-from="${esc(e.from)}" data-to="${esc(e.to)}" d="${d}" marker-end="url(#${p}-arrow)"><title>${esc(`${e.from.replace(/^\w+:/, "")} \u2192 ${e.to.replace(/^\w+:/, "")} (${e.warehouses.join(", ")})`)}</title></path>`
    );
  }
  out.push("</g>", '<g class="nodes">');
  const byStage = new Map(status.stages.map((s) => [s.name, s]));
  const byWarehouse = new Map(status.warehouses.map((w) => [w.name, w]));
  for (const n of graph.nodes) {
    const at = pos.get(n.id);
    if (at) out.push(nodeSvg(n, at, nodeH, p, byStage.get(n.name), byWarehouse.get(n.name)));
  }
  out.push("</g>", "</svg>");
  return out.join("\n");
}
function nodeSvg(n, at, nodeH, prefix, stage, warehouse) {
  const { x, y } = at;
  const tx = x + 12;
  const text = (cls, dy, s, max) => `<text class="${cls}" x="${tx}" y="${y + dy}">${esc(fit(s, max))}</text>`;
  if (n.kind === "warehouse") {
    const latest = warehouse?.latest?.alias;
    const title2 = `warehouse ${n.name}${latest ? `, newest freight ${latest}` : ""}`;
    return [
      `<g class="node warehouse" data-node="${esc(n.id)}" data-kind="warehouse" data-name="${esc(n.name)}">`,
      `<title>${esc(title2)}</title>`,
      `<rect x="${x}" y="${y}" width="${NODE_W}" height="${nodeH}" rx="14"/>`,
      text("kind", 20, "WAREHOUSE", 24),
      text("name", 42, n.name, 20),
      text("freight", 62, latest ? `newest: ${latest}` : "no freight yet", 25),
      "</g>"
    ].join("");
  }
  const health = stage?.health ?? "none";
  const aliases = stage?.freight.map((f) => f.alias).join(", ") ?? "";
  const held = stage?.hold ? " held" : "";
  const app = stage ? shownHealth(stage) : void 0;
  const appTitle = app ? `, health ${app.status}${app.issues.length ? ` (${app.issues.join("; ")})` : ""}` : "";
  const title = `stage ${n.name}: ${aliases ? `${aliases}, ${HEALTH_TEXT[health]}` : "no freight"}${appTitle}${stage?.hold ? `, auto-promotion held (${stage.hold.reason})` : ""}`;
  return [
    `<a href="#${prefix}-stage-${slug(n.name)}">`,
    `<g class="node stage ${health}${held}" data-node="${esc(stageNode(n.name))}" data-kind="stage" data-name="${esc(n.name)}" data-health="${health}" data-freight="${esc(aliases)}"${app ? ` data-app-health="${app.status}"` : ""}${stage?.hold ? ' data-held="true"' : ""}>`,
    `<title>${esc(title)}</title>`,
    `<rect x="${x}" y="${y}" width="${NODE_W}" height="${nodeH}" rx="6"/>`,
    `<rect class="band" x="${x + 1}" y="${y + 5}" width="5" height="${nodeH - 10}"/>`,
    text("name", 22, n.name, 20),
    text("freight", 44, aliases || "\u2014", 24),
    text("state", 64, `${HEALTH_TEXT[health]}${stage?.hold ? " \xB7 held" : ""}`, 26),
    ...app ? [text(`app-health h-${app.status}`, 84, `${APP_HEALTH_MARK[app.status]} ${app.status}`, 26)] : [],
    "</g>",
    "</a>"
  ].join("");
}

// src/dashboard/html.ts
function formatTime(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
function time(iso, now) {
  if (!iso) return "\u2014";
  const ago = age(iso, now);
  return `<time datetime="${esc(iso)}" title="${esc(formatTime(iso))}">${esc(ago ? `${ago} ago` : formatTime(iso))}</time>`;
}
var code = (s) => `<code>${esc(s)}</code>`;
var HEALTH_LABEL = {
  verified: "verified",
  "not-verified": "not verified",
  none: "no freight"
};
function badge(kind, text, title) {
  return `<span class="badge ${kind}"${title ? ` title="${esc(title)}"` : ""}>${esc(text)}</span>`;
}
function appHealthCell(h) {
  if (!h) return '<td class="app-health">\u2014</td>';
  const apps = h.applications.map(
    (a) => `<small class="app" data-app="${esc(a.namespace ? `${a.namespace}/${a.name}` : a.name)}" data-app-health="${a.status}">${esc(a.namespace ? `${a.namespace}/${a.name}` : a.name)}: ${esc(a.status)}${a.health !== void 0 ? esc(` (${a.health}, ${a.sync}${a.revision ? ` at ${a.revision}` : ""})`) : ""}</small>`
  );
  const issues = h.issues.length ? `<ul class="issues">${h.issues.map((i) => `<li>${esc(i)}</li>`).join("")}</ul>` : "";
  const badgeText = `${APP_HEALTH_MARK[h.status]} ${h.status}`;
  return `<td class="app-health" data-app-health="${h.status}">${badge(`h-${h.status}`, badgeText, h.issues.join("\n") || void 0)}${apps.length ? `<br>${apps.join("<br>")}` : ""}${issues}</td>`;
}
function stagesTable(p, project, s, now) {
  const withHealth = project.stages.some(stageNamesApps);
  const rows = s.stages.map((st) => {
    const freight = st.freight.length ? st.freight.map((f) => `<span class="alias">${esc(f.alias)}</span> ${code(f.id.slice(0, 7))}`).join("<br>") : "\u2014";
    const versions = st.freight.map((f) => esc(versionsOf(f))).join("<br>") || "\u2014";
    const verifiedAt = Object.values(st.verifiedAt).sort().pop();
    const health = [
      badge(
        st.health,
        HEALTH_LABEL[st.health],
        verifiedAt ? `verified ${formatTime(verifiedAt)}` : void 0
      ),
      ...st.hold ? [
        badge(
          "held",
          "held",
          `auto-promotion held since ${formatTime(st.hold.since)} by ${st.hold.by}: ${st.hold.reason}`
        )
      ] : []
    ].join(" ");
    const promoted = st.promotedAt ? `${time(st.promotedAt, now)}${st.run ? ` ${link(st.run, "run", ' class="run"')}` : ""}` : "\u2014";
    const by = [
      esc(st.promotedBy ?? "\u2014"),
      ...st.approvedBy.length ? [`approved by ${esc(st.approvedBy.join(", "))}`] : []
    ].join("<br>");
    const name = link(st.environmentUrl, esc(st.name));
    const env = st.environment !== st.name ? `<br><small>env ${esc(st.environment)}</small>` : "";
    const auto = st.autoPromotion ? "auto" : "manual";
    return `<tr id="${p}-stage-${slug(st.name)}" data-stage="${esc(st.name)}" data-health="${st.health}"${st.hold ? ' data-held="true"' : ""}><th scope="row">${name}${env}</th><td class="freight">${freight}</td><td>${versions}</td><td class="health">${health}</td>${withHealth ? appHealthCell(st.appHealth) : ""}<td>${promoted}</td><td>${by}</td><td>${auto}${st.mode === "pull-request" ? ", PR" : ""}</td></tr>`;
  });
  return [
    `<table class="stages" aria-labelledby="${p}-stages">`,
    `<thead><tr><th scope="col">Stage</th><th scope="col">Freight</th><th scope="col">Versions</th><th scope="col">Verification</th>${withHealth ? '<th scope="col">Health</th>' : ""}<th scope="col">Promoted</th><th scope="col">By</th><th scope="col">Promotion</th></tr></thead>`,
    `<tbody>${rows.join("\n")}</tbody>`,
    "</table>"
  ].join("\n");
}
var MARK_TEXT = { current: "\u25CF", verified: "\u2713", approved: "\u2714", promoted: "\u25CB" };
var MARK_WORD = {
  current: "current",
  verified: "verified",
  approved: "approved",
  promoted: "was here"
};
function marks(f, stage) {
  const m = freightMarks(f, stage);
  const said = m.includes("current") || m.includes("verified");
  if (!said && f.promotedTo.includes(stage)) m.unshift("promoted");
  return m;
}
function freightTable(p, project, s, now) {
  const stages = project.stages.map((st) => st.name);
  if (!s.freight.length) return '<p class="empty">No freight yet: run discover.</p>';
  const rows = s.freight.map((f) => {
    const cells = stages.map((st) => {
      const m = marks(f, st);
      const text = m.map((k) => `<span class="mark ${k}" aria-hidden="true">${MARK_TEXT[k]}</span>`).join("");
      const words = m.map((k) => MARK_WORD[k]).join(", ");
      return `<td class="marks" data-stage="${esc(st)}" data-marks="${m.join(" ")}"${words ? ` title="${esc(`${st}: ${words}`)}"` : ""}>${text}${words ? `<span class="sr">${esc(words)}</span>` : ""}</td>`;
    });
    const by = f.createdBy ? ` by ${safeUrl(f.createdBy) ? link(f.createdBy, "run", ' class="run"') : esc(f.createdBy)}` : "";
    return `<tr data-freight="${esc(f.id)}" data-alias="${esc(f.alias)}"><th scope="row"><span class="alias">${esc(f.alias)}</span> ${code(f.id.slice(0, 7))}</th><td>${esc(f.origin.name)}</td><td>${esc(f.versions)}</td><td>${time(f.createdAt, now)}${by}</td>${cells.join("")}</tr>`;
  });
  const more = s.freightTotal > s.freight.length ? `<p class="note">The newest ${s.freight.length} of ${s.freightTotal} freight.</p>` : "";
  return [
    `<table class="freight" aria-labelledby="${p}-freight">`,
    `<thead><tr><th scope="col">Freight</th><th scope="col">Warehouse</th><th scope="col">Versions</th><th scope="col">Created</th>${stages.map((st) => `<th scope="col" class="stage-col">${esc(st)}</th>`).join("")}</tr></thead>`,
    `<tbody>${rows.join("\n")}</tbody>`,
    "</table>",
    `<p class="legend">${Object.keys(MARK_TEXT).map((k) => `<span class="mark ${k}" aria-hidden="true">${MARK_TEXT[k]}</span> ${MARK_WORD[k]}`).join(" \xB7 ")}</p>`,
    more
  ].join("\n");
}
function promotionsTable(p, s, now) {
  if (!s.promotions.length) return '<p class="empty">No promotions yet.</p>';
  const rows = s.promotions.map((r) => {
    const commit = link(r.commitUrl, code(r.commit.slice(0, 7)), ' class="commit"');
    const run = r.run ? link(r.run, "run", ' class="run"') : "";
    return `<tr data-commit="${esc(r.commit)}" data-stage="${esc(r.stage)}"><td>${time(r.promotedAt, now)}</td><th scope="row">${esc(r.stage)}</th><td><span class="alias">${esc(r.freight.alias)}</span></td><td>${commit}</td><td class="subject">${esc(r.subject)}</td><td>${esc(r.promotedBy)}${r.approvedBy.length ? `<br><small>approved by ${esc(r.approvedBy.join(", "))}</small>` : ""}</td><td>${run}</td></tr>`;
  });
  return [
    `<table class="promotions" aria-labelledby="${p}-promotions">`,
    '<thead><tr><th scope="col">When</th><th scope="col">Stage</th><th scope="col">Freight</th><th scope="col">Commit</th><th scope="col">Message</th><th scope="col">By</th><th scope="col">Run</th></tr></thead>',
    `<tbody>${rows.join("\n")}</tbody>`,
    "</table>"
  ].join("\n");
}
function projectSection(project, status, now) {
  const p = `p-${slug(project.name)}`;
  return [
    `<section class="project" id="${p}" aria-labelledby="${p}-h">`,
    `<h2 id="${p}-h">${esc(project.name)}</h2>`,
    `<figure class="pipeline">`,
    pipelineSvg(project, status, { idPrefix: p }),
    `<figcaption>Freight flows left to right: from warehouses into stages that take it directly, then to stages that take it once it is verified upstream.</figcaption>`,
    `</figure>`,
    `<h3 id="${p}-stages">Stages</h3>`,
    stagesTable(p, project, status, now),
    `<h3 id="${p}-freight">Freight</h3>`,
    freightTable(p, project, status, now),
    `<h3 id="${p}-promotions">Recent promotions</h3>`,
    promotionsTable(p, status, now),
    "</section>"
  ].join("\n");
}
var CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--card:#f6f8fa;
--ok:#1a7f37;--ok-bg:#dafbe1;--wait:#9a6700;--wait-bg:#fff8c5;--none:#59636e;--none-bg:#eff2f5;
--held:#8250df;--held-bg:#fbefff;--wh:#0969da;--wh-bg:#ddf4ff;--link:#0969da;--bad:#d1242f;--bad-bg:#ffebe9}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;
--card:#151b23;--ok:#3fb950;--ok-bg:#12261e;--wait:#d29922;--wait-bg:#272115;--none:#9198a1;
--none-bg:#212830;--held:#ab7df8;--held-bg:#231c33;--wh:#4493f8;--wh-bg:#121d2f;--link:#4493f8;
--bad:#f85149;--bad-bg:#2d1416}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
header{padding:16px 24px;border-bottom:1px solid var(--line);display:flex;flex-wrap:wrap;gap:4px 24px;align-items:baseline}
header h1{font-size:20px;margin:0}
header p{margin:0;color:var(--muted)}
main{padding:8px 24px 32px;max-width:1400px}
a{color:var(--link)}
h2{font-size:18px;margin:24px 0 8px}
h3{font-size:15px;margin:20px 0 8px}
nav ul{display:flex;gap:12px;list-style:none;padding:0;margin:0}
figure{margin:0;padding:12px;background:var(--card);border:1px solid var(--line);border-radius:8px;overflow-x:auto}
figcaption{color:var(--muted);font-size:12px;margin-top:6px}
svg.graph{display:block;max-width:none;font:13px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
svg .edge{fill:none;stroke:var(--muted);stroke-width:1.5}
svg .arrowhead{fill:var(--muted)}
svg .node rect{fill:var(--bg);stroke:var(--line);stroke-width:1.5}
svg .node text{fill:var(--fg)}
svg .node .name{font-weight:600;font-size:14px}
svg .node .kind{font-size:10px;letter-spacing:.08em;fill:var(--wh)}
svg .node .freight{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px}
svg .node .state{font-size:12px}
svg .warehouse rect{fill:var(--wh-bg);stroke:var(--wh)}
svg .stage.verified rect{stroke:var(--ok)} svg .stage.verified .band{fill:var(--ok)} svg .stage.verified .state{fill:var(--ok)}
svg .stage.not-verified rect{stroke:var(--wait)} svg .stage.not-verified .band{fill:var(--wait)} svg .stage.not-verified .state{fill:var(--wait)}
svg .stage.none .band{fill:var(--line)} svg .stage.none .state{fill:var(--muted)}
svg .stage.held rect:not(.band){stroke-dasharray:5 4} svg .stage.held .band{fill:var(--held)}
svg .stage .band{stroke:none}
svg .app-health{font-size:12px;fill:var(--muted)} svg .app-health.h-Healthy{fill:var(--ok)}
svg .app-health.h-Progressing{fill:var(--wait)} svg .app-health.h-Unhealthy{fill:var(--bad)}
svg a:focus rect,svg a:hover rect{stroke-width:3}
table{border-collapse:collapse;width:100%;margin:4px 0}
th,td{border-bottom:1px solid var(--line);padding:6px 10px;text-align:left;vertical-align:top}
thead th{color:var(--muted);font-weight:600;font-size:12px;white-space:nowrap}
tbody th{font-weight:600}
tbody tr:target{background:var(--card)}
td.marks,th.stage-col{text-align:center}
.alias{font-weight:600}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;color:var(--muted)}
a code{color:inherit}
.badge{display:inline-block;padding:0 8px;border-radius:10px;font-size:12px;border:1px solid}
.badge.verified{color:var(--ok);background:var(--ok-bg)}
.badge.not-verified{color:var(--wait);background:var(--wait-bg)}
.badge.none{color:var(--none);background:var(--none-bg)}
.badge.held{color:var(--held);background:var(--held-bg)}
.badge.h-Healthy{color:var(--ok);background:var(--ok-bg)}
.badge.h-Progressing{color:var(--wait);background:var(--wait-bg)}
.badge.h-Unhealthy{color:var(--bad);background:var(--bad-bg)}
.badge.h-Unknown,.badge.h-NotApplicable{color:var(--none);background:var(--none-bg)}
td.app-health small{display:inline-block;margin-top:2px}
ul.issues{margin:4px 0 0;padding-left:16px;color:var(--muted);font-size:12px;max-width:32em;overflow-wrap:anywhere}
.mark{display:inline-block;min-width:1.2em;font-size:14px}
.mark.current{color:var(--wh)} .mark.verified{color:var(--ok)} .mark.approved{color:var(--held)} .mark.promoted{color:var(--muted)}
.legend,.note,.empty,small{color:var(--muted);font-size:12px}
td.subject{max-width:28em;overflow-wrap:anywhere}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
footer{padding:0 24px 24px;color:var(--muted);font-size:12px}
`.trim();
function renderPage(input) {
  const { now } = input;
  const names = input.projects.map((x) => x.project.name);
  const title = `gantry: ${names.join(", ") || "no projects"}`;
  const nav = input.projects.length > 1 ? `<nav aria-label="Projects"><ul>${names.map((n) => `<li><a href="#p-${slug(n)}">${esc(n)}</a></li>`).join("")}</ul></nav>` : "";
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="gantry ${esc(input.version)}">`,
    // Nothing on the page loads or runs anything: say so to the browser too.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${esc(title)}</title>`,
    `<style>${CSS}</style>`,
    "</head>",
    "<body>",
    "<header>",
    `<h1>${esc(title)}</h1>`,
    `<p>${esc(input.repository)} \xB7 generated <time datetime="${esc(now.toISOString())}">${esc(formatTime(now.toISOString()))}</time> \xB7 <a href="status.json">status.json</a></p>`,
    nav,
    "</header>",
    "<main>",
    input.projects.length ? input.projects.map((x) => projectSection(x.project, x.status, now)).join("\n") : '<p class="empty">This repository has no projects (.gantry/*.yaml).</p>',
    "</main>",
    `<footer>Made by gantry ${esc(input.version)} from the tags and stage branches of the GitOps repository.</footer>`,
    "</body>",
    "</html>",
    ""
  ].join("\n");
}

// src/dashboard/index.ts
var DASHBOARD_LIMITS = { promotions: 30, freight: 100 };
function renderDashboard(input) {
  const repository = maskUserinfo(input.repository);
  const data = {
    generatedAt: input.now.toISOString(),
    generator: `gantry ${input.version}`,
    repository,
    projects: input.projects.map(({ project, status }) => ({
      ...status,
      graph: pipelineGraph(project)
    }))
  };
  return {
    html: renderPage({ ...input, repository }),
    json: JSON.stringify(data, null, 2) + "\n"
  };
}
async function readDashboardStatus(store, projects, repoWebUrl, health) {
  const out = [];
  for (const project of projects) {
    const status = await pipelineStatus(store, project, {
      promotions: DASHBOARD_LIMITS.promotions,
      freightLimit: DASHBOARD_LIMITS.freight,
      ...repoWebUrl ? { repoWebUrl } : {},
      ...health ? { health } : {}
    });
    out.push({ project, status });
  }
  return out;
}
async function writeDashboard(dir, input) {
  const files = renderDashboard(input);
  await mkdir(dir, { recursive: true });
  const html = join(dir, "index.html");
  const json = join(dir, "status.json");
  await writeFile(html, files.html);
  await writeFile(json, files.json);
  return { html, json };
}

// src/cli/dashboard.ts
async function dashboardCommand(o) {
  const override = o.io.env.GANTRY_REPO_WEB_URL?.trim();
  if (override && !/^https?:\/\/[^\s/]+/i.test(override)) {
    throw new ConfigError(
      `GANTRY_REPO_WEB_URL must be the repository's web page (https://host/owner/name), not "${override}"`
    );
  }
  const web = override || remoteWebUrl(o.ctx.store.remoteUrl);
  const now = o.now();
  const projects = await readDashboardStatus(o.ctx.store, o.projects, web, {
    env: o.io.env,
    fetch: o.fetch ?? fetch
  });
  const files = await writeDashboard(o.out, {
    projects,
    now,
    repository: o.ctx.store.remoteUrl,
    version: package_default.version
  });
  for (const { project, status } of projects) {
    o.io.err(
      `${project.name}: ${status.stages.length} stages, ${status.freightTotal} freight, ${status.promotions.length} recent promotions
`
    );
  }
  o.io.out(`wrote ${files.html} and ${files.json}
`);
  return 0;
}

// src/cli/commands/dashboard.ts
var dashboardCommand2 = {
  name: "dashboard",
  summary: "write a static status page (index.html and status.json) for any web host",
  flags: [
    {
      name: "out",
      type: "string",
      value: "DIR",
      required: true,
      help: "the directory to write index.html and status.json into"
    },
    PROJECT_FLAG,
    REPO_FLAG
  ],
  description: `Commit links point at the repository's web page, taken from the remote, or from
GANTRY_REPO_WEB_URL when set.`,
  examples: ["gantry dashboard --out site"],
  async run(args, ctx) {
    noPositionals(args, "dashboard");
    const out = args.string("out");
    if (!out) throw new UsageError("dashboard needs --out DIR", "dashboard");
    const repo = await openRepo(repoSettings(args, ctx));
    const projects = await selectProjects(repo, args.string("project"));
    return dashboardCommand({ ctx: repo, projects, out, io: ctx.io, now: ctx.now });
  }
};
export {
  dashboardCommand2 as dashboardCommand
};
