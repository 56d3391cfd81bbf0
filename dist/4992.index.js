export const id = 4992;
export const ids = [4992];
export const modules = {

/***/ 6977:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dashboardCommand: () => (/* binding */ dashboard_dashboardCommand)
});

// EXTERNAL MODULE: ./src/app/repo.ts
var app_repo = __webpack_require__(5271);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/git/remote.ts
var remote = __webpack_require__(668);
// EXTERNAL MODULE: ./src/status/graph.ts
var status_graph = __webpack_require__(6802);
// EXTERNAL MODULE: ./src/status/pipeline.ts
var pipeline = __webpack_require__(4334);
// EXTERNAL MODULE: ./src/status/markdown.ts
var markdown = __webpack_require__(2105);
// EXTERNAL MODULE: ./src/status/views.ts
var views = __webpack_require__(9468);
// EXTERNAL MODULE: ./src/util/table.ts
var table = __webpack_require__(3060);
;// CONCATENATED MODULE: ./src/dashboard/escape.ts
/** Escaping for the dashboard: every text from the repository goes through one of these. */
const ENTITY = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
};
/** Text in HTML or SVG content and in quoted attribute values. */
function esc(text) {
    return text.replace(/[&<>"']/g, (c) => ENTITY[c] ?? c);
}
/**
 * A link target from the repository (a run URL, an environment URL), or undefined unless it is an
 * absolute http(s) URL: no `javascript:`, no `data:`, nothing relative.
 */
function safeUrl(url) {
    if (!url)
        return undefined;
    try {
        const u = new URL(url);
        return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
    }
    catch {
        return undefined;
    }
}
/** `<a href>` to a safe URL, or the text alone. `text` is HTML already escaped. */
function escape_link(url, html, attrs = '') {
    const href = safeUrl(url);
    return href ? `<a href="${esc(href)}"${attrs}>${html}</a>` : html;
}
/** An ID fragment made of [a-z0-9-] from any name, stable, and distinct for distinct names. */
function slug(name) {
    const plain = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
    return plain === name ? name : `${plain}-${hash(name)}`;
}
function hash(s) {
    let h = 0x811c9dc5;
    for (const c of s) {
        h ^= c.codePointAt(0) ?? 0;
        h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(36);
}
/** Shortens to `max` characters with an ellipsis (the full text goes in a title). */
function fit(text, max) {
    const chars = [...text];
    return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

;// CONCATENATED MODULE: ./src/dashboard/svg.ts



const NODE_W = 200;
const NODE_H = 76;
/** A stage's health takes one more line in every node of the graph that shows it. */
const HEALTH_LINE_H = 18;
const GAP_X = 72;
const GAP_Y = 24;
const PAD = 12;
const HEALTH_TEXT = {
    verified: '✓ verified',
    'not-verified': '… not verified',
    none: 'no freight',
};
/** Text marks, not emoji: the page loads no font and draws with the reader's own. */
const APP_HEALTH_MARK = {
    Healthy: '♥',
    Progressing: '◌',
    Unhealthy: '✗',
    Unknown: '?',
    NotApplicable: '–',
};
function describe(project, status) {
    const byStage = new Map(status.stages.map((s) => [s.name, s]));
    const graph = (0,status_graph/* pipelineGraph */.Tj)(project);
    const nameOf = (id) => id.replace(/^(warehouse|stage):/, '');
    const parts = graph.nodes.map((n) => {
        const out = graph.edges.filter((e) => e.from === n.id).map((e) => nameOf(e.to));
        const feeds = out.length ? `, feeds ${out.join(', ')}` : '';
        if (n.kind === 'warehouse')
            return `Warehouse ${n.name}${feeds}.`;
        const s = byStage.get(n.name);
        const freight = s?.freight.map((f) => f.alias).join(', ');
        const state = freight
            ? `runs ${freight}, ${s?.health === 'verified' ? 'verified' : 'not verified'}`
            : 'has no freight';
        const health = s ? (0,markdown/* shownHealth */.gb)(s) : undefined;
        return `Stage ${n.name} ${state}${health ? `, health ${health.status}` : ''}${s?.hold ? ', auto-promotion held' : ''}${feeds}.`;
    });
    return parts.join(' ');
}
function pipelineSvg(project, status, opts) {
    const graph = (0,status_graph/* pipelineGraph */.Tj)(project);
    const nodeH = status.stages.some((s) => (0,markdown/* shownHealth */.gb)(s)) ? NODE_H + HEALTH_LINE_H : NODE_H;
    const rows = Math.max(1, ...Array.from({ length: graph.layers }, (_, l) => graph.nodes.filter((n) => n.layer === l).length));
    const width = PAD * 2 + graph.layers * NODE_W + (graph.layers - 1) * GAP_X;
    const height = PAD * 2 + rows * nodeH + (rows - 1) * GAP_Y;
    const pos = new Map();
    for (let l = 0; l < graph.layers; l++) {
        const col = graph.nodes.filter((n) => n.layer === l);
        const offset = ((rows - col.length) * (nodeH + GAP_Y)) / 2;
        for (const n of col)
            pos.set(n.id, {
                x: PAD + l * (NODE_W + GAP_X),
                y: PAD + offset + n.order * (nodeH + GAP_Y),
            });
    }
    const p = opts.idPrefix;
    const out = [
        `<svg class="graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${p}-title ${p}-desc">`,
        `<title id="${p}-title">Pipeline of ${esc(project.name)}</title>`,
        `<desc id="${p}-desc">${esc(describe(project, status))}</desc>`,
        `<defs><marker id="${p}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="arrowhead"/></marker></defs>`,
    ];
    out.push('<g class="edges">');
    for (const e of graph.edges) {
        const a = pos.get(e.from);
        const b = pos.get(e.to);
        if (!a || !b)
            continue;
        const x1 = a.x + NODE_W;
        const y1 = a.y + nodeH / 2;
        const x2 = b.x - 2;
        const y2 = b.y + nodeH / 2;
        const dx = Math.max(24, (x2 - x1) / 2);
        const d = `M${x1} ${y1}C${x1 + dx} ${y1} ${x2 - dx} ${y2} ${x2} ${y2}`;
        out.push(`<path class="edge" data-from="${esc(e.from)}" data-to="${esc(e.to)}" d="${d}" marker-end="url(#${p}-arrow)"><title>${esc(`${e.from.replace(/^\w+:/, '')} → ${e.to.replace(/^\w+:/, '')} (${e.warehouses.join(', ')})`)}</title></path>`);
    }
    out.push('</g>', '<g class="nodes">');
    const byStage = new Map(status.stages.map((s) => [s.name, s]));
    const byWarehouse = new Map(status.warehouses.map((w) => [w.name, w]));
    for (const n of graph.nodes) {
        const at = pos.get(n.id);
        if (at)
            out.push(nodeSvg(n, at, nodeH, p, byStage.get(n.name), byWarehouse.get(n.name)));
    }
    out.push('</g>', '</svg>');
    return out.join('\n');
}
function nodeSvg(n, at, nodeH, prefix, stage, warehouse) {
    const { x, y } = at;
    const tx = x + 12;
    const text = (cls, dy, s, max) => `<text class="${cls}" x="${tx}" y="${y + dy}">${esc(fit(s, max))}</text>`;
    if (n.kind === 'warehouse') {
        const latest = warehouse?.latest?.alias;
        const title = `warehouse ${n.name}${latest ? `, newest freight ${latest}` : ''}`;
        return [
            `<g class="node warehouse" data-node="${esc(n.id)}" data-kind="warehouse" data-name="${esc(n.name)}">`,
            `<title>${esc(title)}</title>`,
            `<rect x="${x}" y="${y}" width="${NODE_W}" height="${nodeH}" rx="14"/>`,
            text('kind', 20, 'WAREHOUSE', 24),
            text('name', 42, n.name, 20),
            text('freight', 62, latest ? `newest: ${latest}` : 'no freight yet', 25),
            '</g>',
        ].join('');
    }
    const health = stage?.health ?? 'none';
    const aliases = stage?.freight.map((f) => f.alias).join(', ') ?? '';
    const held = stage?.hold ? ' held' : '';
    const app = stage ? (0,markdown/* shownHealth */.gb)(stage) : undefined;
    const appTitle = app
        ? `, health ${app.status}${app.issues.length ? ` (${app.issues.join('; ')})` : ''}`
        : '';
    const title = `stage ${n.name}: ${aliases ? `${aliases}, ${HEALTH_TEXT[health]}` : 'no freight'}${appTitle}${stage?.hold ? `, auto-promotion held (${stage.hold.reason})` : ''}`;
    return [
        `<a href="#${prefix}-stage-${slug(n.name)}">`,
        `<g class="node stage ${health}${held}" data-node="${esc((0,status_graph/* stageNode */.pO)(n.name))}" data-kind="stage" data-name="${esc(n.name)}" data-health="${health}" data-freight="${esc(aliases)}"${app ? ` data-app-health="${app.status}"` : ''}${stage?.hold ? ' data-held="true"' : ''}>`,
        `<title>${esc(title)}</title>`,
        `<rect x="${x}" y="${y}" width="${NODE_W}" height="${nodeH}" rx="6"/>`,
        `<rect class="band" x="${x + 1}" y="${y + 5}" width="5" height="${nodeH - 10}"/>`,
        text('name', 22, n.name, 20),
        text('freight', 44, aliases || '—', 24),
        text('state', 64, `${HEALTH_TEXT[health]}${stage?.hold ? ' · held' : ''}`, 26),
        ...(app
            ? [text(`app-health h-${app.status}`, 84, `${APP_HEALTH_MARK[app.status]} ${app.status}`, 26)]
            : []),
        '</g>',
        '</a>',
    ].join('');
}

// EXTERNAL MODULE: ./src/health/index.ts + 2 modules
var health = __webpack_require__(2825);
;// CONCATENATED MODULE: ./src/dashboard/html.ts






/** `2026-11-01 10:00 UTC`: the same on every machine. */
function formatTime(iso) {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime()))
        return iso;
    return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
function time(iso, now) {
    if (!iso)
        return '—';
    const ago = (0,table/* age */.K)(iso, now);
    return `<time datetime="${esc(iso)}" title="${esc(formatTime(iso))}">${esc(ago ? `${ago} ago` : formatTime(iso))}</time>`;
}
const code = (s) => `<code>${esc(s)}</code>`;
const HEALTH_LABEL = {
    verified: 'verified',
    'not-verified': 'not verified',
    none: 'no freight',
};
function badge(kind, text, title) {
    return `<span class="badge ${kind}"${title ? ` title="${esc(title)}"` : ''}>${esc(text)}</span>`;
}
/** A stage's health: Kargo's state, each application's, and the issues on hover. */
function appHealthCell(h) {
    if (!h)
        return '<td class="app-health">—</td>';
    const apps = h.applications.map((a) => `<small class="app" data-app="${esc(a.namespace ? `${a.namespace}/${a.name}` : a.name)}" data-app-health="${a.status}">${esc(a.namespace ? `${a.namespace}/${a.name}` : a.name)}: ${esc(a.status)}${a.health !== undefined ? esc(` (${a.health}, ${a.sync}${a.revision ? ` at ${a.revision}` : ''})`) : ''}</small>`);
    const issues = h.issues.length
        ? `<ul class="issues">${h.issues.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`
        : '';
    const badgeText = `${APP_HEALTH_MARK[h.status]} ${h.status}`;
    return `<td class="app-health" data-app-health="${h.status}">${badge(`h-${h.status}`, badgeText, h.issues.join('\n') || undefined)}${apps.length ? `<br>${apps.join('<br>')}` : ''}${issues}</td>`;
}
function stagesTable(p, project, s, now) {
    // Only a pipeline that names Argo CD Applications gets the column (else it says
    // NotApplicable in every row).
    const withHealth = project.stages.some(health/* stageNamesApps */.$E);
    const rows = s.stages.map((st) => {
        const freight = st.freight.length
            ? st.freight
                .map((f) => `<span class="alias">${esc(f.alias)}</span> ${code(f.id.slice(0, 7))}`)
                .join('<br>')
            : '—';
        const versions = st.freight.map((f) => esc((0,views/* versionsOf */.x4)(f))).join('<br>') || '—';
        const verifiedAt = Object.values(st.verifiedAt).sort().pop();
        const health = [
            badge(st.health, HEALTH_LABEL[st.health], verifiedAt ? `verified ${formatTime(verifiedAt)}` : undefined),
            ...(st.hold
                ? [
                    badge('held', 'held', `auto-promotion held since ${formatTime(st.hold.since)} by ${st.hold.by}: ${st.hold.reason}`),
                ]
                : []),
        ].join(' ');
        const promoted = st.promotedAt
            ? `${time(st.promotedAt, now)}${st.run ? ` ${escape_link(st.run, 'run', ' class="run"')}` : ''}`
            : '—';
        const by = [
            esc(st.promotedBy ?? '—'),
            ...(st.approvedBy.length ? [`approved by ${esc(st.approvedBy.join(', '))}`] : []),
        ].join('<br>');
        const name = escape_link(st.environmentUrl, esc(st.name));
        const env = st.environment !== st.name ? `<br><small>env ${esc(st.environment)}</small>` : '';
        const auto = st.autoPromotion ? 'auto' : 'manual';
        return `<tr id="${p}-stage-${slug(st.name)}" data-stage="${esc(st.name)}" data-health="${st.health}"${st.hold ? ' data-held="true"' : ''}><th scope="row">${name}${env}</th><td class="freight">${freight}</td><td>${versions}</td><td class="health">${health}</td>${withHealth ? appHealthCell(st.appHealth) : ''}<td>${promoted}</td><td>${by}</td><td>${auto}${st.mode === 'pull-request' ? ', PR' : ''}</td></tr>`;
    });
    return [
        `<table class="stages" aria-labelledby="${p}-stages">`,
        `<thead><tr><th scope="col">Stage</th><th scope="col">Freight</th><th scope="col">Versions</th><th scope="col">Verification</th>${withHealth ? '<th scope="col">Health</th>' : ''}<th scope="col">Promoted</th><th scope="col">By</th><th scope="col">Promotion</th></tr></thead>`,
        `<tbody>${rows.join('\n')}</tbody>`,
        '</table>',
    ].join('\n');
}
const MARK_TEXT = { current: '●', verified: '✓', approved: '✔', promoted: '○' };
const MARK_WORD = {
    current: 'current',
    verified: 'verified',
    approved: 'approved',
    promoted: 'was here',
};
function marks(f, stage) {
    const m = (0,markdown/* freightMarks */.ks)(f, stage);
    // Promoted there once, and neither there now nor verified there (which says as much).
    const said = m.includes('current') || m.includes('verified');
    if (!said && f.promotedTo.includes(stage))
        m.unshift('promoted');
    return m;
}
function freightTable(p, project, s, now) {
    const stages = project.stages.map((st) => st.name);
    if (!s.freight.length)
        return '<p class="empty">No freight yet: run discover.</p>';
    const rows = s.freight.map((f) => {
        const cells = stages.map((st) => {
            const m = marks(f, st);
            const text = m
                .map((k) => `<span class="mark ${k}" aria-hidden="true">${MARK_TEXT[k]}</span>`)
                .join('');
            const words = m.map((k) => MARK_WORD[k]).join(', ');
            return `<td class="marks" data-stage="${esc(st)}" data-marks="${m.join(' ')}"${words ? ` title="${esc(`${st}: ${words}`)}"` : ''}>${text}${words ? `<span class="sr">${esc(words)}</span>` : ''}</td>`;
        });
        const by = f.createdBy
            ? ` by ${safeUrl(f.createdBy) ? escape_link(f.createdBy, 'run', ' class="run"') : esc(f.createdBy)}`
            : '';
        return `<tr data-freight="${esc(f.id)}" data-alias="${esc(f.alias)}"><th scope="row"><span class="alias">${esc(f.alias)}</span> ${code(f.id.slice(0, 7))}</th><td>${esc(f.origin.name)}</td><td>${esc(f.versions)}</td><td>${time(f.createdAt, now)}${by}</td>${cells.join('')}</tr>`;
    });
    const more = s.freightTotal > s.freight.length
        ? `<p class="note">The newest ${s.freight.length} of ${s.freightTotal} freight.</p>`
        : '';
    return [
        `<table class="freight" aria-labelledby="${p}-freight">`,
        `<thead><tr><th scope="col">Freight</th><th scope="col">Warehouse</th><th scope="col">Versions</th><th scope="col">Created</th>${stages.map((st) => `<th scope="col" class="stage-col">${esc(st)}</th>`).join('')}</tr></thead>`,
        `<tbody>${rows.join('\n')}</tbody>`,
        '</table>',
        `<p class="legend">${Object.keys(MARK_TEXT).map((k) => `<span class="mark ${k}" aria-hidden="true">${MARK_TEXT[k]}</span> ${MARK_WORD[k]}`).join(' · ')}</p>`,
        more,
    ].join('\n');
}
function promotionsTable(p, s, now) {
    if (!s.promotions.length)
        return '<p class="empty">No promotions yet.</p>';
    const rows = s.promotions.map((r) => {
        const commit = escape_link(r.commitUrl, code(r.commit.slice(0, 7)), ' class="commit"');
        const run = r.run ? escape_link(r.run, 'run', ' class="run"') : '';
        return `<tr data-commit="${esc(r.commit)}" data-stage="${esc(r.stage)}"><td>${time(r.promotedAt, now)}</td><th scope="row">${esc(r.stage)}</th><td><span class="alias">${esc(r.freight.alias)}</span></td><td>${commit}</td><td class="subject">${esc(r.subject)}</td><td>${esc(r.promotedBy)}${r.approvedBy.length ? `<br><small>approved by ${esc(r.approvedBy.join(', '))}</small>` : ''}</td><td>${run}</td></tr>`;
    });
    return [
        `<table class="promotions" aria-labelledby="${p}-promotions">`,
        '<thead><tr><th scope="col">When</th><th scope="col">Stage</th><th scope="col">Freight</th><th scope="col">Commit</th><th scope="col">Message</th><th scope="col">By</th><th scope="col">Run</th></tr></thead>',
        `<tbody>${rows.join('\n')}</tbody>`,
        '</table>',
    ].join('\n');
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
        '</section>',
    ].join('\n');
}
const CSS = `
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
    const title = `gantry: ${names.join(', ') || 'no projects'}`;
    const nav = input.projects.length > 1
        ? `<nav aria-label="Projects"><ul>${names.map((n) => `<li><a href="#p-${slug(n)}">${esc(n)}</a></li>`).join('')}</ul></nav>`
        : '';
    return [
        '<!doctype html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<meta name="generator" content="gantry ${esc(input.version)}">`,
        // Nothing on the page loads or runs anything: say so to the browser too.
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
        `<title>${esc(title)}</title>`,
        `<style>${CSS}</style>`,
        '</head>',
        '<body>',
        '<header>',
        `<h1>${esc(title)}</h1>`,
        `<p>${esc(input.repository)} · generated <time datetime="${esc(now.toISOString())}">${esc(formatTime(now.toISOString()))}</time> · <a href="status.json">status.json</a></p>`,
        nav,
        '</header>',
        '<main>',
        input.projects.length
            ? input.projects.map((x) => projectSection(x.project, x.status, now)).join('\n')
            : '<p class="empty">This repository has no projects (.gantry/*.yaml).</p>',
        '</main>',
        `<footer>Made by gantry ${esc(input.version)} from the tags and stage branches of the GitOps repository.</footer>`,
        '</body>',
        '</html>',
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/dashboard/index.ts
/**
 * `gantry dashboard --out DIR`: a static page (index.html) and the data behind it (status.json),
 * from the GitOps repository's tags and stage branches. No server: publish DIR with GitHub Pages.
 */







/** How much history the page shows. */
const DASHBOARD_LIMITS = { promotions: 30, freight: 100 };
/** The two files, as text: the same input gives the same bytes. */
function renderDashboard(input) {
    const repository = (0,remote/* maskUserinfo */.g6)(input.repository);
    const data = {
        generatedAt: input.now.toISOString(),
        generator: `gantry ${input.version}`,
        repository,
        projects: input.projects.map(({ project, status }) => ({
            ...status,
            graph: (0,status_graph/* pipelineGraph */.Tj)(project),
        })),
    };
    return {
        html: renderPage({ ...input, repository }),
        json: JSON.stringify(data, null, 2) + '\n',
    };
}
/**
 * Reads each project's status (with its promotion history) for the page; with `health`, each
 * stage's health from Argo CD too.
 */
async function readDashboardStatus(store, projects, repoWebUrl, health) {
    const out = [];
    for (const project of projects) {
        const status = await (0,pipeline/* pipelineStatus */.pO)(store, project, {
            promotions: DASHBOARD_LIMITS.promotions,
            freightLimit: DASHBOARD_LIMITS.freight,
            ...(repoWebUrl ? { repoWebUrl } : {}),
            ...(health ? { health } : {}),
        });
        out.push({ project, status });
    }
    return out;
}
/** Writes `index.html` and `status.json` into `dir` (created if missing); returns their paths. */
async function writeDashboard(dir, input) {
    const files = renderDashboard(input);
    await (0,promises_.mkdir)(dir, { recursive: true });
    const html = (0,external_node_path_.join)(dir, 'index.html');
    const json = (0,external_node_path_.join)(dir, 'status.json');
    await (0,promises_.writeFile)(html, files.html);
    await (0,promises_.writeFile)(json, files.json);
    return { html, json };
}

// EXTERNAL MODULE: ./src/github/url.ts
var url = __webpack_require__(2450);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./package.json
var package_0 = __webpack_require__(8330);
;// CONCATENATED MODULE: ./src/cli/dashboard.ts




/**
 * `gantry dashboard`: index.html and status.json in `--out`. Commit links point at the
 * repository's web page, derived from an https or ssh remote (`https://github.com/acme/gitops`),
 * or GANTRY_REPO_WEB_URL when set.
 */
async function dashboardCommand(o) {
    const override = o.io.env.GANTRY_REPO_WEB_URL?.trim();
    if (override && !/^https?:\/\/[^\s/]+/i.test(override)) {
        throw new errors/* ConfigError */.xL(`GANTRY_REPO_WEB_URL must be the repository's web page (https://host/owner/name), not "${override}"`);
    }
    const web = override || (0,url/* remoteWebUrl */.e)(o.ctx.store.remoteUrl);
    const now = o.now();
    const projects = await readDashboardStatus(o.ctx.store, o.projects, web, {
        env: o.io.env,
        fetch: o.fetch ?? fetch,
    });
    const files = await writeDashboard(o.out, {
        projects,
        now,
        repository: o.ctx.store.remoteUrl,
        version: package_0/* version */.rE,
    });
    for (const { project, status } of projects) {
        o.io.err(`${project.name}: ${status.stages.length} stages, ${status.freightTotal} freight, ${status.promotions.length} recent promotions\n`);
    }
    o.io.out(`wrote ${files.html} and ${files.json}\n`);
    return 0;
}

// EXTERNAL MODULE: ./src/cli/io.ts
var io = __webpack_require__(1604);
// EXTERNAL MODULE: ./src/cli/shared.ts
var shared = __webpack_require__(1145);
;// CONCATENATED MODULE: ./src/cli/commands/dashboard.ts




const dashboard_dashboardCommand = {
    name: 'dashboard',
    summary: 'write a static status page (index.html and status.json) for any web host',
    flags: [
        {
            name: 'out',
            type: 'string',
            value: 'DIR',
            required: true,
            help: 'the directory to write index.html and status.json into',
        },
        shared/* PROJECT_FLAG */.rj,
        shared/* REPO_FLAG */.a8,
    ],
    description: `Commit links point at the repository's web page, taken from the remote, or from
GANTRY_REPO_WEB_URL when set.`,
    examples: ['gantry dashboard --out site'],
    async run(args, ctx) {
        (0,shared/* noPositionals */.d0)(args, 'dashboard');
        const out = args.string('out');
        if (!out)
            throw new io/* UsageError */.e('dashboard needs --out DIR', 'dashboard');
        const repo = await (0,app_repo/* openRepo */.B8)((0,shared/* repoSettings */.s9)(args, ctx));
        const projects = await (0,app_repo/* selectProjects */.hX)(repo, args.string('project'));
        return dashboardCommand({ ctx: repo, projects, out, io: ctx.io, now: ctx.now });
    },
};


/***/ }),

/***/ 2512:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   a3: () => (/* binding */ formatDuration)
/* harmony export */ });
/* unused harmony export DURATION_PATTERN */
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6518);

/**
 * Go-style durations (`time.ParseDuration`): a sequence of decimal numbers with units, such as
 * `1h`, `30m`, `1h30m`, `90s`, `1.5h`, `500ms`. Units: ns, us (or µs), ms, s, m, h. `0` alone is
 * allowed. Negative durations are not: nothing in a project file means "minus one hour".
 */
/** The same grammar as a JSON-schema pattern (kept in sync with schema/project.schema.json). */
const DURATION_PATTERN = '^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$';
/** Milliseconds in a Go-style duration (may be fractional below 1ms). Throws on invalid input. */
function parseDuration(text) {
    const found = (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .scanDuration */ .y)(text);
    if (found.ok && found.sign === 1 && !/^[+-]/.test(text))
        return found.ns / 1e6;
    if (text === '') {
        throw new Error('invalid duration "": expected a duration such as 30m, 1h30m or 90s');
    }
    const rest = !found.ok && 'rest' in found ? found.rest : '';
    const hint = /^[0-9.]+$/.test(rest)
        ? `missing unit after "${rest}" (use ns, us, ms, s, m or h)`
        : 'expected a duration such as 30m, 1h30m or 90s';
    throw new Error(`invalid duration "${text}": ${hint}`);
}
/** Human form of a millisecond count, e.g. `1h30m`, `90s` → `1m30s`, `500ms`. */
function formatDuration(ms) {
    return (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(ms, 'short');
}


/***/ }),

/***/ 6802:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tj: () => (/* binding */ pipelineGraph),
/* harmony export */   ec: () => (/* binding */ warehouseNode),
/* harmony export */   pO: () => (/* binding */ stageNode)
/* harmony export */ });
const warehouseNode = (name) => `warehouse:${name}`;
const stageNode = (name) => `stage:${name}`;
function pipelineGraph(project) {
    const edges = new Map();
    const addEdge = (from, to, warehouse) => {
        const key = `${from}\n${to}`;
        const e = edges.get(key) ?? { from, to, warehouses: [] };
        if (!e.warehouses.includes(warehouse))
            e.warehouses.push(warehouse);
        edges.set(key, e);
    };
    const stageNames = new Set(project.stages.map((s) => s.name));
    for (const stage of project.stages) {
        for (const req of stage.requestedFreight) {
            if (req.sources.direct)
                addEdge(warehouseNode(req.origin.name), stageNode(stage.name), req.origin.name);
            for (const up of req.sources.stages) {
                if (stageNames.has(up))
                    addEdge(stageNode(up), stageNode(stage.name), req.origin.name);
            }
        }
    }
    const upstream = new Map();
    for (const e of edges.values())
        upstream.set(e.to, [...(upstream.get(e.to) ?? []), e.from]);
    // Longest path from the warehouses; a cycle (which lint refuses) is cut where it closes.
    const layerOf = new Map();
    const visiting = new Set();
    const layer = (id) => {
        const known = layerOf.get(id);
        if (known !== undefined)
            return known;
        if (id.startsWith('warehouse:') || visiting.has(id))
            return 0;
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
            kind: 'warehouse',
            name: w.name,
            layer: 0,
            order: 0,
        })),
        ...project.stages.map((s) => ({
            id: stageNode(s.name),
            kind: 'stage',
            name: s.name,
            layer: layer(stageNode(s.name)),
            order: 0,
        })),
    ];
    const layers = Math.max(1, ...nodes.map((n) => n.layer + 1));
    const byLayer = Array.from({ length: layers }, () => []);
    for (const n of nodes)
        byLayer[n.layer]?.push(n);
    // File order, then each column sorted by the mean row of its upstream nodes (the barycentre
    // heuristic, one pass): fewer crossings, and the same input always gives the same picture.
    byLayer.forEach((col) => col.forEach((n, i) => (n.order = i)));
    const rowOf = new Map(nodes.map((n) => [n.id, n]));
    for (const col of byLayer.slice(1)) {
        const weight = (n) => {
            const ups = (upstream.get(n.id) ?? []).map((u) => rowOf.get(u)?.order ?? 0);
            return ups.length ? ups.reduce((a, b) => a + b, 0) / ups.length : n.order;
        };
        const sorted = col
            .map((n) => ({ n, w: weight(n) }))
            .sort((a, b) => a.w - b.w || a.n.order - b.n.order);
        sorted.forEach(({ n }, i) => (n.order = i));
    }
    return { nodes, edges: [...edges.values()], layers };
}


/***/ }),

/***/ 2105:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sy: () => (/* binding */ pipelineSummaryMarkdown),
/* harmony export */   gb: () => (/* binding */ shownHealth),
/* harmony export */   ks: () => (/* binding */ freightMarks)
/* harmony export */ });
/* unused harmony exports HEALTH_ICON, APP_HEALTH_ICON, MARK, mermaidText, pipelineMermaid, freightMatrixMarkdown, stageHealthMarkdown */
/* harmony import */ var _graph_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6802);
/* harmony import */ var _util_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7183);


/** The icon of a stage's verification state in the graph. */
const HEALTH_ICON = {
    verified: '✅',
    'not-verified': '⏳',
    none: '—',
};
/** The icon of a stage's health (Kargo's: a heart, a broken heart, a spinner, a question mark). */
const APP_HEALTH_ICON = {
    Healthy: '💚',
    Progressing: '🔄',
    Unhealthy: '💔',
    Unknown: '❔',
    NotApplicable: '➖',
};
/** A stage's health worth showing: known, and about some application. */
function shownHealth(s) {
    return s.appHealth && s.appHealth.status !== 'NotApplicable' ? s.appHealth : undefined;
}
/** Marks in the freight matrix. */
const MARK = { current: '●', verified: '✓', approved: '✔' };
/**
 * Text inside a quoted Mermaid label: anything but letters, digits and a few plain punctuation
 * marks becomes an entity code (`#34;`), which Mermaid turns back into the character as text, so
 * no quote, bracket, pipe, backtick or tag can end the label or become markup.
 */
function mermaidText(text) {
    return [...text.replace(/[\r\n\t]+/g, ' ')]
        .map((c) => (/^[A-Za-z0-9 ._\-/@,+=()]$/.test(c) ? c : `#${c.codePointAt(0)};`))
        .join('');
}
const CLASS = {
    warehouse: 'gWarehouse',
    verified: 'gVerified',
    'not-verified': 'gNotVerified',
    none: 'gNone',
    held: 'gHeld',
};
function stageLabel(s) {
    const lines = [mermaidText(s.name)];
    const aliases = s.freight.map((f) => mermaidText(f.alias)).join(', ');
    lines.push(aliases ? `${aliases} ${HEALTH_ICON[s.health]}` : HEALTH_ICON.none);
    const health = shownHealth(s);
    if (health)
        lines.push(`${APP_HEALTH_ICON[health.status]} ${health.status}`);
    if (s.hold)
        lines.push('⏸ held');
    return lines.join('<br/>');
}
/**
 * `flowchart LR`: warehouses (cylinders) → stages, following each stage's requestedFreight; each
 * stage shows its name, current freight alias and verification (✅ verified, ⏳ not verified
 * yet, — no freight). Node IDs are generated (w0, s0, …), so names never reach the syntax.
 */
function pipelineMermaid(project, status) {
    const graph = (0,_graph_js__WEBPACK_IMPORTED_MODULE_1__/* .pipelineGraph */ .Tj)(project);
    const ids = new Map();
    project.warehouses.forEach((w, i) => ids.set((0,_graph_js__WEBPACK_IMPORTED_MODULE_1__/* .warehouseNode */ .ec)(w.name), `w${i}`));
    project.stages.forEach((s, i) => ids.set((0,_graph_js__WEBPACK_IMPORTED_MODULE_1__/* .stageNode */ .pO)(s.name), `s${i}`));
    const byStage = new Map(status.stages.map((s) => [s.name, s]));
    const lines = ['flowchart LR'];
    project.warehouses.forEach((w, i) => lines.push(`  w${i}[("${mermaidText(w.name)}")]`));
    const classes = new Map();
    const addClass = (cls, id) => classes.set(cls, [...(classes.get(cls) ?? []), id]);
    project.warehouses.forEach((_, i) => addClass(CLASS.warehouse, `w${i}`));
    project.stages.forEach((stage, i) => {
        const s = byStage.get(stage.name);
        const label = s ? stageLabel(s) : `${mermaidText(stage.name)}<br/>${HEALTH_ICON.none}`;
        lines.push(`  s${i}["${label}"]`);
        addClass(CLASS[s?.health ?? 'none'], `s${i}`);
        if (s?.hold)
            addClass(CLASS.held, `s${i}`);
    });
    const labelled = project.warehouses.length > 1;
    for (const e of graph.edges) {
        const from = ids.get(e.from);
        const to = ids.get(e.to);
        if (!from || !to)
            continue;
        const label = labelled && e.from.startsWith('stage:') ? `|"${mermaidText(e.warehouses.join(', '))}"|` : '';
        lines.push(`  ${from} -->${label} ${to}`);
    }
    lines.push(`  classDef ${CLASS.warehouse} fill:#eef2ff,stroke:#6366f1,color:#1e1b4b`, `  classDef ${CLASS.verified} fill:#dcfce7,stroke:#16a34a,color:#14532d`, `  classDef ${CLASS['not-verified']} fill:#fef9c3,stroke:#ca8a04,color:#713f12`, `  classDef ${CLASS.none} fill:#f3f4f6,stroke:#9ca3af,color:#374151`, `  classDef ${CLASS.held} stroke-dasharray:5 5`);
    for (const cls of Object.values(CLASS)) {
        const members = classes.get(cls);
        if (members?.length)
            lines.push(`  class ${members.join(',')} ${cls}`);
    }
    return lines.join('\n') + '\n';
}
/** The marks of one freight in one stage: ● current, ✓ verified, ✔ approved. */
function freightMarks(f, stage) {
    const marks = [];
    if (stage in f.status.currentlyIn)
        marks.push('current');
    if (stage in f.status.verifiedIn)
        marks.push('verified');
    if (stage in f.status.approvedFor)
        marks.push('approved');
    return marks;
}
/** A freight × stage table, newest freight first: ● current, ✓ verified, ✔ approved. */
function freightMatrixMarkdown(project, status, opts = {}) {
    const limit = opts.limit ?? 10;
    if (!status.freight.length)
        return '_No freight yet._\n';
    const stages = project.stages.map((s) => s.name);
    const rows = status.freight.slice(0, limit);
    const md = (0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdTable */ .gJ)(['freight', 'versions', ...stages.map(_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)], rows.map((f) => [
        `**${(0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(f.alias)}** \`${f.id.slice(0, 7)}\``,
        (0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(f.versions),
        ...stages.map((s) => freightMarks(f, s)
            .map((m) => MARK[m])
            .join(' ')),
    ]), [undefined, undefined, ...stages.map(() => 'center')]);
    md.push('', `${MARK.current} current · ${MARK.verified} verified · ${MARK.approved} approved` +
        (status.freightTotal > rows.length
            ? ` · newest ${rows.length} of ${status.freightTotal} freight`
            : ''));
    return md.join('\n') + '\n';
}
/**
 * Each stage's health with its applications and issues, for the stages whose health is known and
 * about some application; empty when there is none.
 */
function stageHealthMarkdown(status) {
    const rows = status.stages.flatMap((s) => {
        const h = shownHealth(s);
        if (!h)
            return [];
        const apps = h.applications
            .map((a) => `${(0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(a.namespace ? `${a.namespace}/${a.name}` : a.name)}: ${a.status}` +
            (a.health !== undefined
                ? ` (${(0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(`${a.health}, ${a.sync}${a.revision ? ` at ${a.revision}` : ''}`)})`
                : ''))
            .join('<br>');
        const issues = h.issues.map(_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7).join('<br>') || '—';
        return [
            [
                `**${(0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(s.name)}**`,
                `${APP_HEALTH_ICON[h.status]} ${h.status}`,
                apps || '—',
                issues,
            ],
        ];
    });
    if (!rows.length)
        return '';
    return [
        '### Stage health',
        '',
        ...(0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdTable */ .gJ)(['stage', 'health', 'applications', 'issues'], rows),
        '',
    ].join('\n');
}
/** The "Pipeline" section appended to every action's job summary. */
function pipelineSummaryMarkdown(project, status) {
    const health = stageHealthMarkdown(status);
    return [
        `## Pipeline: ${(0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(project.name)}`,
        '',
        '```mermaid',
        pipelineMermaid(project, status).trimEnd(),
        '```',
        '',
        ...(health ? [health] : []),
        freightMatrixMarkdown(project, status),
    ].join('\n');
}


/***/ }),

/***/ 4334:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pO: () => (/* binding */ pipelineStatus)
/* harmony export */ });
/* unused harmony exports DEFAULT_FREIGHT_PAGE, mergeSnapshots, buildStatus */
/* harmony import */ var _views_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9468);
/* harmony import */ var _util_settle_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3053);
/* harmony import */ var _health_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2825);



/** How many freight a status reads when not told: more than a summary or a page shows. */
const DEFAULT_FREIGHT_PAGE = 20;
/**
 * Reads a project's status: the stage tips, the tags of the freight the stages run, a page of the
 * newest freight and, if asked, promotion history. What it costs follows the stages and the page,
 * not the number of freight ever recorded.
 */
async function pipelineStatus(store, project, opts = {}) {
    const limit = opts.freightLimit ?? DEFAULT_FREIGHT_PAGE;
    // Both reads end before this returns or throws: no git process is left writing to the cache.
    const [[states, records], page] = await (0,_util_settle_js__WEBPACK_IMPORTED_MODULE_1__/* .settleAll */ .j)([
        store
            .stageStates(project.name, project.stages)
            .then(async (st) => [st, await store.stageRecords(project.name, st)]),
        store.freightPage(project.name, {
            limit,
            warehouses: project.warehouses.map((w) => w.name),
        }),
    ]);
    const snap = mergeSnapshots(records, page.snap);
    // Argo CD is asked while git reads the history; projectHealth never rejects (an app it
    // cannot read is Unknown), so no git process outlives a failure here.
    const [history, health] = await (0,_util_settle_js__WEBPACK_IMPORTED_MODULE_1__/* .settleAll */ .j)([
        opts.promotions
            ? store
                .stageBranches(project.stages)
                .then((branches) => store.promotions(project.name, branches, opts.promotions))
            : Promise.resolve([]),
        opts.health
            ? (0,_health_index_js__WEBPACK_IMPORTED_MODULE_0__/* .projectHealth */ .S0)(store, project, states, snap.freight, opts.health)
            : Promise.resolve(undefined),
    ]);
    return buildStatus(project, {
        snap,
        states,
        promotions: history,
        ...(health && { health }),
        freightTotal: page.total,
        latest: page.latest,
    }, { ...opts, freightLimit: limit });
}
/** Both reads' records, each once: the stages' current freight and the page may overlap. */
function mergeSnapshots(a, b) {
    const once = (xs, key) => [
        ...new Map(xs.map((x) => [key(x), x])).values(),
    ];
    return {
        freight: once([...a.freight, ...b.freight], (f) => f.id).sort((x, y) => y.createdAt.localeCompare(x.createdAt) || y.id.localeCompare(x.id)),
        verifications: once([...a.verifications, ...b.verifications], (v) => `${v.stage}/${v.freightId}`),
        approvals: once([...a.approvals, ...b.approvals], (r) => `${r.stage}/${r.freightId}`),
        unreadable: once([...(a.unreadable ?? []), ...(b.unreadable ?? [])], (u) => u.tag),
    };
}
/** The status from what was read; pure, for tests and for callers that already hold the reads. */
function buildStatus(project, read, opts = {}) {
    const { snap, states } = read;
    const records = read.promotions ?? [];
    const web = opts.repoWebUrl?.replace(/\/+$/, '');
    const stages = (0,_views_js__WEBPACK_IMPORTED_MODULE_2__/* .stageViews */ .vH)(project, snap, states, read.health).map((v, i) => {
        const stage = project.stages[i];
        const st = states.get(v.name);
        const verifiedAt = {};
        for (const f of v.freight) {
            const rec = snap.verifications.find((r) => r.stage === v.name && r.freightId === f.id);
            if (rec)
                verifiedAt[f.id] = rec.verifiedAt;
        }
        return {
            ...v,
            health: v.verified === undefined ? 'none' : v.verified ? 'verified' : 'not-verified',
            autoPromotion: stage?.autoPromotion ?? false,
            mode: stage?.promotionTemplate.mode ?? 'direct',
            ...(stage?.environmentUrl ? { environmentUrl: stage.environmentUrl } : {}),
            approvedBy: st?.approvedBy ?? [],
            ...(st?.run ? { run: st.run } : {}),
            ...(st?.autoPromotionHold ? { hold: st.autoPromotionHold } : {}),
            verifiedAt,
        };
    });
    const promotedTo = new Map();
    for (const r of records) {
        const list = promotedTo.get(r.freightId) ?? [];
        if (!list.includes(r.stage))
            promotedTo.set(r.freightId, [...list, r.stage]);
    }
    const limit = opts.freightLimit ?? snap.freight.length;
    const freight = (0,_views_js__WEBPACK_IMPORTED_MODULE_2__/* .freightViews */ .w4)(project, snap, states)
        .slice(0, limit)
        .map((f) => ({
        ...f,
        versions: (0,_views_js__WEBPACK_IMPORTED_MODULE_2__/* .versionsOf */ .x4)(f),
        promotedTo: project.stages
            .map((s) => s.name)
            .filter((s) => promotedTo.get(f.id)?.includes(s) || s in f.status.currentlyIn),
    }));
    const promotions = (0,_views_js__WEBPACK_IMPORTED_MODULE_2__/* .promotionViews */ .yS)(records).map((p, i) => ({
        ...p,
        subject: records[i]?.subject ?? '',
        ...(web ? { commitUrl: `${web}/commit/${p.commit}` } : {}),
    }));
    const warehouses = project.warehouses.map((w) => {
        const latest = read.latest
            ? read.latest.get(w.name)
            : snap.freight.find((f) => f.origin.name === w.name);
        return {
            name: w.name,
            subscriptions: w.subscriptions.map((s) => s.kind === 'image'
                ? `image ${s.image.repoURL}`
                : s.kind === 'chart'
                    ? `chart ${s.chart.repoURL}${s.chart.name ? ` ${s.chart.name}` : ''}`
                    : `git ${s.git.repoURL}`),
            ...(latest
                ? { latest: { id: latest.id, alias: latest.alias, createdAt: latest.createdAt } }
                : {}),
        };
    });
    return {
        project: project.name,
        ...(web ? { repoWebUrl: web } : {}),
        warehouses,
        stages,
        freight,
        freightTotal: read.freightTotal ?? snap.freight.length,
        promotions,
    };
}


/***/ }),

/***/ 6518:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ formatDuration),
/* harmony export */   y: () => (/* binding */ scanDuration)
/* harmony export */ });
/**
 * Go's duration grammar (`time.ParseDuration`) and its written forms, in one place for the two
 * readers of durations: project files (milliseconds, never negative, gantry's own messages) and the
 * expression language (nanoseconds, signed, Go's exact messages). Each wraps `scanDuration` with
 * its own rules and words; neither re-implements the grammar.
 */
/** Nanoseconds per unit; `µs` is U+00B5 (micro sign), `μs` U+03BC (Greek mu): Go takes both. */
const UNIT_NS = {
    ns: 1,
    us: 1e3,
    µs: 1e3,
    μs: 1e3,
    ms: 1e6,
    s: 1e9,
    m: 60e9,
    h: 3600e9,
};
const TERM = /^(\d*)(?:\.(\d*))?([a-zµμ]*)/;
/** Reads `[+-]` then `0`, or one or more `<number><unit>` terms (`1h30m`, `.5s`, `1.5h`). */
function scanDuration(text) {
    let s = text;
    let sign = 1;
    if (s.startsWith('-') || s.startsWith('+')) {
        if (s.startsWith('-'))
            sign = -1;
        s = s.slice(1);
    }
    if (s === '0')
        return { ok: true, sign, ns: 0 };
    if (s === '')
        return { ok: false, reason: 'empty' };
    let ns = 0;
    while (s !== '') {
        const m = TERM.exec(s);
        const whole = m?.[1] ?? '';
        const fraction = m?.[2] ?? '';
        const unit = m?.[3] ?? '';
        if (!m || (whole === '' && fraction === ''))
            return { ok: false, reason: 'malformed', rest: s };
        if (unit === '')
            return { ok: false, reason: 'missing-unit', rest: s };
        const size = UNIT_NS[unit];
        if (size === undefined)
            return { ok: false, reason: 'unknown-unit', unit };
        ns += Number(`${whole || '0'}.${fraction || '0'}`) * size;
        s = s.slice(m[0].length);
    }
    return { ok: true, sign, ns };
}
function trimZeros(digits) {
    return digits.replace(/0+$/, '');
}
/** Go's `Duration.String()`: `1h30m0s`, `1.5s`, `250ms`, `-2µs`, `0s`. */
function goForm(ns) {
    if (ns === 0)
        return '0s';
    let u = Math.abs(Math.round(ns));
    let out;
    if (u < 1e9) {
        // Below a second: the largest of ns, µs, ms that keeps an integer part.
        const [unit, scale] = u < 1e3 ? ['ns', 1] : u < 1e6 ? ['µs', 1e3] : ['ms', 1e6];
        const whole = Math.floor(u / scale);
        const frac = trimZeros(String(u % scale).padStart(String(scale).length - 1, '0'));
        out = `${whole}${frac && scale > 1 ? `.${frac}` : ''}${unit}`;
    }
    else {
        const h = Math.floor(u / 3600e9);
        u -= h * 3600e9;
        const m = Math.floor(u / 60e9);
        u -= m * 60e9;
        const sec = Math.floor(u / 1e9);
        const frac = trimZeros(String(u - sec * 1e9).padStart(9, '0'));
        out = `${sec}${frac ? `.${frac}` : ''}s`;
        if (h > 0)
            out = `${h}h${m}m${out}`;
        else if (m > 0)
            out = `${m}m${out}`;
    }
    return ns < 0 ? `-${out}` : out;
}
/** The short form people read in logs and summaries: `1h30m`, `1m30s`, `500ms` (no zero parts). */
function shortForm(ms) {
    if (ms === 0)
        return '0s';
    const parts = [];
    let rest = ms;
    for (const [unit, size] of [
        ['h', 3_600_000],
        ['m', 60_000],
        ['s', 1000],
    ]) {
        if (rest >= size) {
            const n = Math.floor(rest / size);
            parts.push(`${n}${unit}`);
            rest -= n * size;
        }
    }
    if (rest > 0)
        parts.push(`${rest}ms`);
    return parts.join('');
}
/**
 * A duration written out: `go` as Go prints it (what the expression language's `string()` of a
 * duration gives; takes nanoseconds), `short` for people (takes milliseconds, the unit gantry
 * measures elapsed time in, so a measured `1500` stays exactly `1s500ms`).
 */
function formatDuration(value, style) {
    return style === 'go' ? goForm(value) : shortForm(value);
}


/***/ }),

/***/ 3060:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ age),
/* harmony export */   t: () => (/* binding */ table)
/* harmony export */ });
/** Plain aligned columns, as `kubectl get` and `kargo get` print them. */
function table(headers, rows) {
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells) => cells
        .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
        .join('   ')
        .trimEnd();
    return [line(headers), ...rows.map(line)].join('\n') + '\n';
}
/** Age in kubectl's style: 45s, 12m, 5h, 3d. */
function age(iso, now) {
    if (!iso)
        return '';
    const s = Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / 1000));
    if (s < 120)
        return `${s}s`;
    if (s < 7200)
        return `${Math.floor(s / 60)}m`;
    if (s < 172800)
        return `${Math.floor(s / 3600)}h`;
    return `${Math.floor(s / 86400)}d`;
}


/***/ })

};
