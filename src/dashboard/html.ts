/**
 * The dashboard page: one self-contained HTML file (inline CSS, no script, no external resource)
 * that shows what Kargo's UI shows — the pipeline graph, each stage's freight and verification,
 * the freight timeline with where each freight is and has been, and the recent promotions.
 * Opened as file:// or served by GitHub Pages alike. Given the same status and clock, the same
 * bytes: every time on the page is computed here, against `now`.
 */
import type { Project } from '../pipeline/index.js';
import { freightMarks } from '../status/markdown.js';
import type { FreightStatus, PipelineStatus, StageStatus } from '../status/pipeline.js';
import { versionsOf } from '../status/views.js';
import { age } from '../util/table.js';
import { esc, link, safeUrl, slug } from './escape.js';
import { APP_HEALTH_MARK, pipelineSvg } from './svg.js';
import { stageNamesApps, type StageHealthReport } from '../health/index.js';

export interface PageInput {
  projects: { project: Project; status: PipelineStatus }[];
  now: Date;
  /** The GitOps repository, as shown in the header (no credentials). */
  repository: string;
  version: string;
}

/** `2026-11-01 10:00 UTC`: the same on every machine. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function time(iso: string | undefined, now: Date): string {
  if (!iso) return '—';
  const ago = age(iso, now);
  return `<time datetime="${esc(iso)}" title="${esc(formatTime(iso))}">${esc(ago ? `${ago} ago` : formatTime(iso))}</time>`;
}

const code = (s: string) => `<code>${esc(s)}</code>`;

const HEALTH_LABEL: Readonly<Record<StageStatus['health'], string>> = {
  verified: 'verified',
  'not-verified': 'not verified',
  none: 'no freight',
};

function badge(kind: string, text: string, title?: string): string {
  return `<span class="badge ${kind}"${title ? ` title="${esc(title)}"` : ''}>${esc(text)}</span>`;
}

/** A stage's health: Kargo's state, each application's, and the issues on hover. */
function appHealthCell(h: StageHealthReport | undefined): string {
  if (!h) return '<td class="app-health">—</td>';
  const apps = h.applications.map(
    (a) =>
      `<small class="app" data-app="${esc(a.namespace ? `${a.namespace}/${a.name}` : a.name)}" data-app-health="${a.status}">${esc(a.namespace ? `${a.namespace}/${a.name}` : a.name)}: ${esc(a.status)}${a.health !== undefined ? esc(` (${a.health}, ${a.sync}${a.revision ? ` at ${a.revision}` : ''})`) : ''}</small>`,
  );
  const issues = h.issues.length
    ? `<ul class="issues">${h.issues.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`
    : '';
  const badgeText = `${APP_HEALTH_MARK[h.status]} ${h.status}`;
  return `<td class="app-health" data-app-health="${h.status}">${badge(`h-${h.status}`, badgeText, h.issues.join('\n') || undefined)}${apps.length ? `<br>${apps.join('<br>')}` : ''}${issues}</td>`;
}

function stagesTable(p: string, project: Project, s: PipelineStatus, now: Date): string {
  // Only a pipeline that names Argo CD Applications gets the column (else it says
  // NotApplicable in every row).
  const withHealth = project.stages.some(stageNamesApps);
  const rows = s.stages.map((st) => {
    const freight = st.freight.length
      ? st.freight
          .map((f) => `<span class="alias">${esc(f.alias)}</span> ${code(f.id.slice(0, 7))}`)
          .join('<br>')
      : '—';
    const versions = st.freight.map((f) => esc(versionsOf(f))).join('<br>') || '—';
    const verifiedAt = Object.values(st.verifiedAt).sort().pop();
    const health = [
      badge(
        st.health,
        HEALTH_LABEL[st.health],
        verifiedAt ? `verified ${formatTime(verifiedAt)}` : undefined,
      ),
      ...(st.hold
        ? [
            badge(
              'held',
              'held',
              `auto-promotion held since ${formatTime(st.hold.since)} by ${st.hold.by}: ${st.hold.reason}`,
            ),
          ]
        : []),
    ].join(' ');
    const promoted = st.promotedAt
      ? `${time(st.promotedAt, now)}${st.run ? ` ${link(st.run, 'run', ' class="run"')}` : ''}`
      : '—';
    const by = [
      esc(st.promotedBy ?? '—'),
      ...(st.approvedBy.length ? [`approved by ${esc(st.approvedBy.join(', '))}`] : []),
    ].join('<br>');
    const name = link(st.environmentUrl, esc(st.name));
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

const MARK_TEXT = { current: '●', verified: '✓', approved: '✔', promoted: '○' } as const;
const MARK_WORD = {
  current: 'current',
  verified: 'verified',
  approved: 'approved',
  promoted: 'was here',
} as const;

function marks(f: FreightStatus, stage: string): (keyof typeof MARK_TEXT)[] {
  const m: (keyof typeof MARK_TEXT)[] = freightMarks(f, stage);
  // Promoted there once, and neither there now nor verified there (which says as much).
  const said = m.includes('current') || m.includes('verified');
  if (!said && f.promotedTo.includes(stage)) m.unshift('promoted');
  return m;
}

function freightTable(p: string, project: Project, s: PipelineStatus, now: Date): string {
  const stages = project.stages.map((st) => st.name);
  if (!s.freight.length) return '<p class="empty">No freight yet: run discover.</p>';
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
      ? ` by ${safeUrl(f.createdBy) ? link(f.createdBy, 'run', ' class="run"') : esc(f.createdBy)}`
      : '';
    return `<tr data-freight="${esc(f.id)}" data-alias="${esc(f.alias)}"><th scope="row"><span class="alias">${esc(f.alias)}</span> ${code(f.id.slice(0, 7))}</th><td>${esc(f.origin.name)}</td><td>${esc(f.versions)}</td><td>${time(f.createdAt, now)}${by}</td>${cells.join('')}</tr>`;
  });
  const more =
    s.freightTotal > s.freight.length
      ? `<p class="note">The newest ${s.freight.length} of ${s.freightTotal} freight.</p>`
      : '';
  return [
    `<table class="freight" aria-labelledby="${p}-freight">`,
    `<thead><tr><th scope="col">Freight</th><th scope="col">Warehouse</th><th scope="col">Versions</th><th scope="col">Created</th>${stages.map((st) => `<th scope="col" class="stage-col">${esc(st)}</th>`).join('')}</tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table>',
    `<p class="legend">${(Object.keys(MARK_TEXT) as (keyof typeof MARK_TEXT)[]).map((k) => `<span class="mark ${k}" aria-hidden="true">${MARK_TEXT[k]}</span> ${MARK_WORD[k]}`).join(' · ')}</p>`,
    more,
  ].join('\n');
}

function promotionsTable(p: string, s: PipelineStatus, now: Date): string {
  if (!s.promotions.length) return '<p class="empty">No promotions yet.</p>';
  const rows = s.promotions.map((r) => {
    const commit = link(r.commitUrl, code(r.commit.slice(0, 7)), ' class="commit"');
    const run = r.run ? link(r.run, 'run', ' class="run"') : '';
    return `<tr data-commit="${esc(r.commit)}" data-stage="${esc(r.stage)}"><td>${time(r.promotedAt, now)}</td><th scope="row">${esc(r.stage)}</th><td><span class="alias">${esc(r.freight.alias)}</span></td><td>${commit}</td><td class="subject">${esc(r.subject)}</td><td>${esc(r.promotedBy)}${r.approvedBy.length ? `<br><small>approved by ${esc(r.approvedBy.join(', '))}</small>` : ''}</td><td>${run}</td></tr>`;
  });
  return [
    `<table class="promotions" aria-labelledby="${p}-promotions">`,
    '<thead><tr><th scope="col">When</th><th scope="col">Stage</th><th scope="col">Freight</th><th scope="col">Commit</th><th scope="col">Message</th><th scope="col">By</th><th scope="col">Run</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table>',
  ].join('\n');
}

function projectSection(project: Project, status: PipelineStatus, now: Date): string {
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

export function renderPage(input: PageInput): string {
  const { now } = input;
  const names = input.projects.map((x) => x.project.name);
  const title = `gantry: ${names.join(', ') || 'no projects'}`;
  const nav =
    input.projects.length > 1
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
