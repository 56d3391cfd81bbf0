import { describe, expect, test } from 'vitest';
import { renderDashboard } from '../../../src/dashboard/index.js';
import { HEALTH_LINE_H, NODE_H, pipelineSvg } from '../../../src/dashboard/svg.js';
import {
  HEALTH_STATUSES,
  mergeHealth,
  stageHealthOf,
  type StageHealthReport,
} from '../../../src/health/index.js';
import { pipelineSummaryMarkdown, stageHealthMarkdown } from '../../../src/status/markdown.js';
import { loadProject, threeStageStatus } from './fixture.js';
import { parseFlowchart } from './mermaid.js';

/*
 * Stage health in the renderers, from a status built in memory: what shows, what does not, and
 * that Argo CD's text (issues carry its messages) is escaped like everything else.
 */

const EVIL = '<img src=x onerror=alert(1)> | `x` [y](javascript:z)';

const report = (status: StageHealthReport['status'], issue?: string): StageHealthReport => ({
  status,
  issues: issue ? [issue] : [],
  applications: [
    {
      name: 'echo-dev',
      status,
      health: status === 'Unhealthy' ? 'Degraded' : 'Healthy',
      sync: 'Synced',
      revision: 'c0ffee0',
      issues: issue ? [issue] : [],
    },
  ],
});

/** The three-stage fixture, with an argocd metric on dev (so the page shows health). */
function withHealth(health: Record<string, StageHealthReport | undefined>) {
  const x = threeStageStatus();
  const dev = x.project.stages[0];
  if (dev)
    dev.verification = [
      {
        name: 'deployed',
        provider: { name: 'argocd', config: { applications: ['echo-dev'] } },
        count: 1,
        failureLimit: 0,
        inconclusiveLimit: 0,
        consecutiveErrorLimit: 4,
        timeout: '5m',
        timeoutMs: 300_000,
      },
    ];
  for (const s of x.status.stages) {
    const h = health[s.name];
    if (h) s.appHealth = h;
  }
  return x;
}

const NOW = new Date('2026-11-02T00:00:00.000Z');
const page = (x: ReturnType<typeof threeStageStatus>) =>
  renderDashboard({ projects: [x], now: NOW, repository: 'r', version: '0.1.0' });

describe("Kargo's order of states", () => {
  test('merging keeps the more severe: Healthy < NotApplicable < Progressing < Unknown < Unhealthy', () => {
    for (const [i, a] of HEALTH_STATUSES.entries()) {
      for (const [j, b] of HEALTH_STATUSES.entries()) {
        expect(mergeHealth(a, b)).toBe(HEALTH_STATUSES[Math.max(i, j)]);
      }
    }
    expect(stageHealthOf([]).status).toBe('NotApplicable');
    expect(stageHealthOf([], ['metric "x": cannot render']).status).toBe('Unknown');
  });
});

describe('the dashboard', () => {
  test('a Health column and a health line in the graph, only when the pipeline names apps', () => {
    const plain = page(threeStageStatus()).html;
    expect(plain).not.toContain('>Health</th>');
    expect(plain).not.toContain('app-health h-');

    const x = withHealth({
      dev: report('Unhealthy', EVIL),
      staging: { status: 'NotApplicable', issues: [], applications: [] },
    });
    const { html, json } = page(x);
    expect(html).toContain('<th scope="col">Health</th>');
    expect(html).toContain('<text class="app-health h-Unhealthy" x="');
    // NotApplicable is not drawn in the graph, and a stage without health shows a dash.
    expect(html).not.toMatch(/data-name="staging"[^>]*data-app-health/);
    expect(html).toMatch(/data-stage="prod"[^>]*>.*<td class="app-health">—<\/td>/);
    // Argo CD's text is text.
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(JSON.parse(json).projects[0].stages[0].appHealth.status).toBe('Unhealthy');
  });

  test('nodes grow by one line when some stage shows health, and not otherwise', () => {
    const height = (svg: string) => Number(/viewBox="0 0 \d+ (\d+)"/.exec(svg)?.[1]);
    const base = threeStageStatus();
    const plainSvg = pipelineSvg(base.project, base.status, { idPrefix: 'p' });
    expect(plainSvg).toContain(`height="${NODE_H}"`);
    const x = withHealth({ dev: report('Healthy') });
    const svg = pipelineSvg(x.project, x.status, { idPrefix: 'p' });
    expect(svg).toContain(`height="${NODE_H + HEALTH_LINE_H}"`);
    expect(height(svg)).toBe(height(plainSvg) + HEALTH_LINE_H);
    expect(svg).toMatch(
      /<desc [^>]*>[^<]*Stage dev runs lucky-jaguar, not verified, health Healthy/,
    );
  });
});

describe('the job summary', () => {
  test('a Stage health table with the apps and issues, escaped; none when no health is known', () => {
    const x = withHealth({ dev: report('Unhealthy', EVIL) });
    const md = stageHealthMarkdown(x.status);
    const row = md.split('\n').find((l) => l.startsWith('| **dev**')) ?? '';
    // Four cells: nothing in the issue can add a column, a link or markup.
    expect(row.split(/(?<!\\)\|/).length).toBe(6);
    expect(row).not.toMatch(/<img|\]\(/);
    expect(row).toContain('💔 Unhealthy');
    expect(stageHealthMarkdown(threeStageStatus().status)).toBe('');
    expect(pipelineSummaryMarkdown(x.project, x.status)).toContain('### Stage health');
  });

  test('the graph labels each stage with its health, when known and about some app', () => {
    const x = withHealth({
      dev: report('Progressing'),
      prod: { status: 'NotApplicable', issues: [], applications: [] },
    });
    const md = pipelineSummaryMarkdown(x.project, x.status);
    const block = /```mermaid\n([\s\S]*?)```/.exec(md)?.[1] ?? '';
    expect([...parseFlowchart(block).nodes.values()].map((n) => n.lines.join(' / '))).toEqual([
      'echo',
      'dev / lucky-jaguar ⏳ / 🔄 Progressing',
      'staging / calm-rhino ✅',
      'prod / oaken-catfish ✅ / ⏸ held',
    ]);
  });
});

test('loadProject keeps argocd metrics as the health module reads them', () => {
  const p = loadProject(`project: x
warehouses: [{name: w, subscriptions: [{image: {repoURL: ghcr.io/a/b}}]}]
stages:
  - name: s
    requestedFreight: [{origin: {kind: Warehouse, name: w}, sources: {direct: true}}]
    promotionTemplate: {steps: [{uses: yaml-update, config: {path: v.yaml, updates: []}}]}
    verification:
      - name: deployed
        provider: {argocd: {applications: [a]}}
`);
  expect(p.stages[0]?.verification[0]?.provider).toEqual({
    name: 'argocd',
    config: { applications: ['a'] },
  });
});
