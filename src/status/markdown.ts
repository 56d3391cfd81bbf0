/**
 * The pipeline in a job summary: a Mermaid graph (GitHub renders ```mermaid blocks) of warehouses
 * and stages, each stage with the freight it runs and whether that is verified there, and a
 * freight × stage matrix. Every text that comes from the repository is escaped for its context.
 */
import type { HealthStatus, StageHealthReport } from '../health/index.js';
import type { Project } from '../pipeline/index.js';
import { pipelineGraph, stageNode, warehouseNode } from './graph.js';
import type { PipelineStatus, StageHealth, StageStatus } from './pipeline.js';
import { markdownText, mdTable } from '../util/markdown.js';

/** The icon of a stage's verification state in the graph. */
export const HEALTH_ICON: Readonly<Record<StageHealth, string>> = {
  verified: '✅',
  'not-verified': '⏳',
  none: '—',
};

/** The icon of a stage's health (Kargo's: a heart, a broken heart, a spinner, a question mark). */
export const APP_HEALTH_ICON: Readonly<Record<HealthStatus, string>> = {
  Healthy: '💚',
  Progressing: '🔄',
  Unhealthy: '💔',
  Unknown: '❔',
  NotApplicable: '➖',
};

/** A stage's health worth showing: known, and about some application. */
export function shownHealth(s: { appHealth?: StageHealthReport }): StageHealthReport | undefined {
  return s.appHealth && s.appHealth.status !== 'NotApplicable' ? s.appHealth : undefined;
}

/** Marks in the freight matrix. */
export const MARK = { current: '●', verified: '✓', approved: '✔' } as const;

/**
 * Text inside a quoted Mermaid label: anything but letters, digits and a few plain punctuation
 * marks becomes an entity code (`#34;`), which Mermaid turns back into the character as text, so
 * no quote, bracket, pipe, backtick or tag can end the label or become markup.
 */
export function mermaidText(text: string): string {
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
} as const;

function stageLabel(s: StageStatus): string {
  const lines = [mermaidText(s.name)];
  const aliases = s.freight.map((f) => mermaidText(f.alias)).join(', ');
  lines.push(aliases ? `${aliases} ${HEALTH_ICON[s.health]}` : HEALTH_ICON.none);
  const health = shownHealth(s);
  if (health) lines.push(`${APP_HEALTH_ICON[health.status]} ${health.status}`);
  if (s.hold) lines.push('⏸ held');
  return lines.join('<br/>');
}

/**
 * `flowchart LR`: warehouses (cylinders) → stages, following each stage's requestedFreight; each
 * stage shows its name, current freight alias and verification (✅ verified, ⏳ not verified
 * yet, — no freight). Node IDs are generated (w0, s0, …), so names never reach the syntax.
 */
export function pipelineMermaid(project: Project, status: PipelineStatus): string {
  const graph = pipelineGraph(project);
  const ids = new Map<string, string>();
  project.warehouses.forEach((w, i) => ids.set(warehouseNode(w.name), `w${i}`));
  project.stages.forEach((s, i) => ids.set(stageNode(s.name), `s${i}`));
  const byStage = new Map(status.stages.map((s) => [s.name, s]));
  const lines = ['flowchart LR'];
  project.warehouses.forEach((w, i) => lines.push(`  w${i}[("${mermaidText(w.name)}")]`));
  const classes = new Map<string, string[]>();
  const addClass = (cls: string, id: string) => classes.set(cls, [...(classes.get(cls) ?? []), id]);
  project.warehouses.forEach((_, i) => addClass(CLASS.warehouse, `w${i}`));
  project.stages.forEach((stage, i) => {
    const s = byStage.get(stage.name);
    const label = s ? stageLabel(s) : `${mermaidText(stage.name)}<br/>${HEALTH_ICON.none}`;
    lines.push(`  s${i}["${label}"]`);
    addClass(CLASS[s?.health ?? 'none'], `s${i}`);
    if (s?.hold) addClass(CLASS.held, `s${i}`);
  });
  const labelled = project.warehouses.length > 1;
  for (const e of graph.edges) {
    const from = ids.get(e.from);
    const to = ids.get(e.to);
    if (!from || !to) continue;
    const label =
      labelled && e.from.startsWith('stage:') ? `|"${mermaidText(e.warehouses.join(', '))}"|` : '';
    lines.push(`  ${from} -->${label} ${to}`);
  }
  lines.push(
    `  classDef ${CLASS.warehouse} fill:#eef2ff,stroke:#6366f1,color:#1e1b4b`,
    `  classDef ${CLASS.verified} fill:#dcfce7,stroke:#16a34a,color:#14532d`,
    `  classDef ${CLASS['not-verified']} fill:#fef9c3,stroke:#ca8a04,color:#713f12`,
    `  classDef ${CLASS.none} fill:#f3f4f6,stroke:#9ca3af,color:#374151`,
    `  classDef ${CLASS.held} stroke-dasharray:5 5`,
  );
  for (const cls of Object.values(CLASS)) {
    const members = classes.get(cls);
    if (members?.length) lines.push(`  class ${members.join(',')} ${cls}`);
  }
  return lines.join('\n') + '\n';
}

export interface MatrixOptions {
  /** Rows to show, newest freight first (default 10). */
  limit?: number;
}

/** The marks of one freight in one stage: ● current, ✓ verified, ✔ approved. */
export function freightMarks(
  f: PipelineStatus['freight'][number],
  stage: string,
): ('current' | 'verified' | 'approved')[] {
  const marks: ('current' | 'verified' | 'approved')[] = [];
  if (stage in f.status.currentlyIn) marks.push('current');
  if (stage in f.status.verifiedIn) marks.push('verified');
  if (stage in f.status.approvedFor) marks.push('approved');
  return marks;
}

/** A freight × stage table, newest freight first: ● current, ✓ verified, ✔ approved. */
export function freightMatrixMarkdown(
  project: Project,
  status: PipelineStatus,
  opts: MatrixOptions = {},
): string {
  const limit = opts.limit ?? 10;
  if (!status.freight.length) return '_No freight yet._\n';
  const stages = project.stages.map((s) => s.name);
  const rows = status.freight.slice(0, limit);
  const md = mdTable(
    ['freight', 'versions', ...stages.map(markdownText)],
    rows.map((f) => [
      `**${markdownText(f.alias)}** \`${f.id.slice(0, 7)}\``,
      markdownText(f.versions),
      ...stages.map((s) =>
        freightMarks(f, s)
          .map((m) => MARK[m])
          .join(' '),
      ),
    ]),
    [undefined, undefined, ...stages.map(() => 'center' as const)],
  );
  md.push(
    '',
    `${MARK.current} current · ${MARK.verified} verified · ${MARK.approved} approved` +
      (status.freightTotal > rows.length
        ? ` · newest ${rows.length} of ${status.freightTotal} freight`
        : ''),
  );
  return md.join('\n') + '\n';
}

/**
 * Each stage's health with its applications and issues, for the stages whose health is known and
 * about some application; empty when there is none.
 */
export function stageHealthMarkdown(status: PipelineStatus): string {
  const rows = status.stages.flatMap((s) => {
    const h = shownHealth(s);
    if (!h) return [];
    const apps = h.applications
      .map(
        (a) =>
          `${markdownText(a.namespace ? `${a.namespace}/${a.name}` : a.name)}: ${a.status}` +
          (a.health !== undefined
            ? ` (${markdownText(`${a.health}, ${a.sync}${a.revision ? ` at ${a.revision}` : ''}`)})`
            : ''),
      )
      .join('<br>');
    const issues = h.issues.map(markdownText).join('<br>') || '—';
    return [
      [
        `**${markdownText(s.name)}**`,
        `${APP_HEALTH_ICON[h.status]} ${h.status}`,
        apps || '—',
        issues,
      ],
    ];
  });
  if (!rows.length) return '';
  return [
    '### Stage health',
    '',
    ...mdTable(['stage', 'health', 'applications', 'issues'], rows),
    '',
  ].join('\n');
}

/** The "Pipeline" section appended to every action's job summary. */
export function pipelineSummaryMarkdown(project: Project, status: PipelineStatus): string {
  const health = stageHealthMarkdown(status);
  return [
    `## Pipeline: ${markdownText(project.name)}`,
    '',
    '```mermaid',
    pipelineMermaid(project, status).trimEnd(),
    '```',
    '',
    ...(health ? [health] : []),
    freightMatrixMarkdown(project, status),
  ].join('\n');
}
