/**
 * The pipeline graph as inline SVG: warehouses in the first column, each stage one column right of
 * its deepest upstream node, edges as curves with arrowheads. No layout library, no script: the
 * same status always draws the same picture.
 */
import type { Project } from '../pipeline/index.js';
import { pipelineGraph, stageNode, type GraphNode } from '../status/graph.js';
import { shownHealth } from '../status/markdown.js';
import type { PipelineStatus, StageStatus } from '../status/pipeline.js';
import { esc, fit, slug } from './escape.js';
import type { HealthStatus } from '../health/index.js';

export const NODE_W = 200;
export const NODE_H = 76;
/** A stage's health takes one more line in every node of the graph that shows it. */
export const HEALTH_LINE_H = 18;
const GAP_X = 72;
const GAP_Y = 24;
const PAD = 12;

const HEALTH_TEXT: Readonly<Record<StageStatus['health'], string>> = {
  verified: '✓ verified',
  'not-verified': '… not verified',
  none: 'no freight',
};

/** Text marks, not emoji: the page loads no font and draws with the reader's own. */
export const APP_HEALTH_MARK: Readonly<Record<HealthStatus, string>> = {
  Healthy: '♥',
  Progressing: '◌',
  Unhealthy: '✗',
  Unknown: '?',
  NotApplicable: '–',
};

export interface GraphSvgOptions {
  /** Makes IDs unique when one page holds several projects. */
  idPrefix: string;
}

function describe(project: Project, status: PipelineStatus): string {
  const byStage = new Map(status.stages.map((s) => [s.name, s]));
  const graph = pipelineGraph(project);
  const nameOf = (id: string) => id.replace(/^(warehouse|stage):/, '');
  const parts = graph.nodes.map((n) => {
    const out = graph.edges.filter((e) => e.from === n.id).map((e) => nameOf(e.to));
    const feeds = out.length ? `, feeds ${out.join(', ')}` : '';
    if (n.kind === 'warehouse') return `Warehouse ${n.name}${feeds}.`;
    const s = byStage.get(n.name);
    const freight = s?.freight.map((f) => f.alias).join(', ');
    const state = freight
      ? `runs ${freight}, ${s?.health === 'verified' ? 'verified' : 'not verified'}`
      : 'has no freight';
    const health = s ? shownHealth(s) : undefined;
    return `Stage ${n.name} ${state}${health ? `, health ${health.status}` : ''}${s?.hold ? ', auto-promotion held' : ''}${feeds}.`;
  });
  return parts.join(' ');
}

export function pipelineSvg(
  project: Project,
  status: PipelineStatus,
  opts: GraphSvgOptions,
): string {
  const graph = pipelineGraph(project);
  const nodeH = status.stages.some((s) => shownHealth(s)) ? NODE_H + HEALTH_LINE_H : NODE_H;
  const rows = Math.max(
    1,
    ...Array.from(
      { length: graph.layers },
      (_, l) => graph.nodes.filter((n) => n.layer === l).length,
    ),
  );
  const width = PAD * 2 + graph.layers * NODE_W + (graph.layers - 1) * GAP_X;
  const height = PAD * 2 + rows * nodeH + (rows - 1) * GAP_Y;
  const pos = new Map<string, { x: number; y: number }>();
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
  const out: string[] = [
    `<svg class="graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${p}-title ${p}-desc">`,
    `<title id="${p}-title">Pipeline of ${esc(project.name)}</title>`,
    `<desc id="${p}-desc">${esc(describe(project, status))}</desc>`,
    `<defs><marker id="${p}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="arrowhead"/></marker></defs>`,
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
      `<path class="edge" data-from="${esc(e.from)}" data-to="${esc(e.to)}" d="${d}" marker-end="url(#${p}-arrow)"><title>${esc(`${e.from.replace(/^\w+:/, '')} → ${e.to.replace(/^\w+:/, '')} (${e.warehouses.join(', ')})`)}</title></path>`,
    );
  }
  out.push('</g>', '<g class="nodes">');
  const byStage = new Map(status.stages.map((s) => [s.name, s]));
  const byWarehouse = new Map(status.warehouses.map((w) => [w.name, w]));
  for (const n of graph.nodes) {
    const at = pos.get(n.id);
    if (at) out.push(nodeSvg(n, at, nodeH, p, byStage.get(n.name), byWarehouse.get(n.name)));
  }
  out.push('</g>', '</svg>');
  return out.join('\n');
}

function nodeSvg(
  n: GraphNode,
  at: { x: number; y: number },
  nodeH: number,
  prefix: string,
  stage: StageStatus | undefined,
  warehouse: PipelineStatus['warehouses'][number] | undefined,
): string {
  const { x, y } = at;
  const tx = x + 12;
  const text = (cls: string, dy: number, s: string, max: number) =>
    `<text class="${cls}" x="${tx}" y="${y + dy}">${esc(fit(s, max))}</text>`;
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
  const app = stage ? shownHealth(stage) : undefined;
  const appTitle = app
    ? `, health ${app.status}${app.issues.length ? ` (${app.issues.join('; ')})` : ''}`
    : '';
  const title = `stage ${n.name}: ${aliases ? `${aliases}, ${HEALTH_TEXT[health]}` : 'no freight'}${appTitle}${stage?.hold ? `, auto-promotion held (${stage.hold.reason})` : ''}`;
  return [
    `<a href="#${prefix}-stage-${slug(n.name)}">`,
    `<g class="node stage ${health}${held}" data-node="${esc(stageNode(n.name))}" data-kind="stage" data-name="${esc(n.name)}" data-health="${health}" data-freight="${esc(aliases)}"${app ? ` data-app-health="${app.status}"` : ''}${stage?.hold ? ' data-held="true"' : ''}>`,
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
