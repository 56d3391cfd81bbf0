import { describe, expect, test } from 'vitest';
import type { Project } from '../../../src/pipeline/index.js';
import {
  freightMatrixMarkdown,
  mermaidText,
  pipelineMermaid,
  pipelineSummaryMarkdown,
} from '../../../src/status/markdown.js';
import { buildStatus } from '../../../src/status/pipeline.js';
import { markdownText } from '../../../src/util/markdown.js';
import { makeFreight } from '../../support/freight.js';
import { loadProject, state, threeStageStatus } from './fixture.js';
import { decodeEntities, parseFlowchart } from './mermaid.js';

const step = `
    promotionTemplate:
      steps:
        - uses: yaml-update
          config: {path: values.yaml, updates: [{key: tag, value: x}]}`;

/** Two warehouses; dev takes both directly, qa and staging from dev, prod from both of those. */
const FAN = `project: shop
warehouses:
  - name: app
    subscriptions:
      - image: {repoURL: ghcr.io/acme/app}
  - name: config
    subscriptions:
      - git: {repoURL: https://github.com/acme/config.git}
stages:
  - name: prod
    requestedFreight:
      - origin: {kind: Warehouse, name: app}
        sources: {stages: [qa, staging], availabilityStrategy: All}
      - origin: {kind: Warehouse, name: config}
        sources: {stages: [staging]}${step}
  - name: dev
    requestedFreight:
      - origin: {kind: Warehouse, name: app}
        sources: {direct: true}
      - origin: {kind: Warehouse, name: config}
        sources: {direct: true}${step}
  - name: qa
    requestedFreight:
      - origin: {kind: Warehouse, name: app}
        sources: {stages: [dev]}${step}
  - name: staging
    requestedFreight:
      - origin: {kind: Warehouse, name: app}
        sources: {stages: [dev]}
      - origin: {kind: Warehouse, name: config}
        sources: {stages: [dev]}${step}
`;

describe('pipelineMermaid', () => {
  test('three stages: exact output', () => {
    const { project, status } = threeStageStatus();
    expect(pipelineMermaid(project, status)).toBe(
      [
        'flowchart LR',
        '  w0[("echo")]',
        '  s0["dev<br/>lucky-jaguar ⏳"]',
        '  s1["staging<br/>calm-rhino ✅"]',
        '  s2["prod<br/>oaken-catfish ✅<br/>⏸ held"]',
        '  w0 --> s0',
        '  s0 --> s1',
        '  s1 --> s2',
        '  classDef gWarehouse fill:#eef2ff,stroke:#6366f1,color:#1e1b4b',
        '  classDef gVerified fill:#dcfce7,stroke:#16a34a,color:#14532d',
        '  classDef gNotVerified fill:#fef9c3,stroke:#ca8a04,color:#713f12',
        '  classDef gNone fill:#f3f4f6,stroke:#9ca3af,color:#374151',
        '  classDef gHeld stroke-dasharray:5 5',
        '  class w0 gWarehouse',
        '  class s1,s2 gVerified',
        '  class s0 gNotVerified',
        '  class s2 gHeld',
        '',
      ].join('\n'),
    );
  });

  test('a stage without freight shows —', () => {
    const project = loadProject(FAN);
    const status = buildStatus(project, {
      snap: { freight: [], verifications: [], approvals: [] },
      states: new Map(),
    });
    const g = parseFlowchart(pipelineMermaid(project, status));
    expect(g.nodes.get('s1')).toEqual({ shape: 'box', lines: ['dev', '—'] });
    expect(g.classes.get('s1')).toEqual(['gNone']);
  });

  test('parsed: a node per warehouse and stage, edges following requestedFreight', () => {
    const project = loadProject(FAN);
    const app = makeFreight('2.0.0', { warehouse: 'app', alias: 'brave-otter' });
    const status = buildStatus(project, {
      snap: {
        freight: [app],
        verifications: [
          {
            project: 'shop',
            stage: 'dev',
            freightId: app.id,
            alias: app.alias,
            verifiedAt: '2026-11-01T10:00:00.000Z',
            verifiedBy: 'ci',
          },
        ],
        approvals: [],
      },
      states: new Map([['dev', { ...state('dev', app), project: 'shop' }]]),
    });
    const g = parseFlowchart(pipelineMermaid(project, status));
    expect(g.direction).toBe('LR');
    const name = (id: string) => g.nodes.get(id)?.lines[0];
    expect([...g.nodes.values()].map((n) => `${n.shape}:${n.lines[0]}`)).toEqual([
      'cylinder:app',
      'cylinder:config',
      'box:prod',
      'box:dev',
      'box:qa',
      'box:staging',
    ]);
    expect(
      g.edges.map((e) => `${name(e.from)}->${name(e.to)}${e.label ? ` [${e.label}]` : ''}`),
    ).toEqual([
      'qa->prod [app]',
      'staging->prod [app, config]',
      'app->dev',
      'config->dev',
      'dev->qa [app]',
      'dev->staging [app, config]',
    ]);
    expect(g.nodes.get('s1')?.lines).toEqual(['dev', 'brave-otter ✅']);
    expect(g.classes.get('s1')).toEqual(['gVerified']);
    expect(g.classes.get('w0')).toEqual(['gWarehouse']);
  });

  test('names and aliases cannot break out of their labels', () => {
    const evil = 'x"]\n  click s0 call alert(1)\n  y["<img src=x onerror=alert(1)>#amp;`md` | end';
    const base = loadProject(FAN);
    const project: Project = {
      ...base,
      warehouses: [{ ...(base.warehouses[0] as Project['warehouses'][number]), name: evil }],
      stages: [
        {
          ...(base.stages[1] as Project['stages'][number]),
          name: `${evil}-stage`,
          requestedFreight: [
            {
              origin: { kind: 'Warehouse', name: evil },
              sources: { direct: true, stages: [], availabilityStrategy: 'OneOf' },
            },
          ],
        },
      ],
    };
    const f = makeFreight('1.0.0', { warehouse: evil, alias: `${evil}-alias` });
    const status = buildStatus(project, {
      snap: { freight: [f], verifications: [], approvals: [] },
      states: new Map([[`${evil}-stage`, state(`${evil}-stage`, f)]]),
    });
    const text = pipelineMermaid(project, status);
    const g = parseFlowchart(text); // throws on any line outside the expected forms
    expect(g.nodes.size).toBe(2);
    expect(g.edges).toEqual([{ from: 'w0', to: 's0' }]);
    const flat = evil.replace(/\n/g, ' ');
    expect(g.nodes.get('w0')?.lines).toEqual([flat]);
    expect(g.nodes.get('s0')?.lines).toEqual([`${flat}-stage`, `${flat}-alias ⏳`]);
    expect(text).not.toMatch(/^\s*click/m);
    expect(text.replace(/<br\/>| --> /g, '')).not.toMatch(/[<>`]/);
  });

  test('mermaidText keeps plain names readable and encodes the rest', () => {
    expect(mermaidText('staging-eu_1.2 (blue)')).toBe('staging-eu_1.2 (blue)');
    expect(mermaidText('a"b')).toBe('a#34;b');
    expect(mermaidText('<b>')).toBe('#60;b#62;');
    expect(mermaidText('#quot;')).toBe('#35;quot#59;');
    expect(mermaidText('a\nb')).toBe('a b');
    expect(decodeEntities(mermaidText('é ☃ "[]|{}<>`'))).toBe('é ☃ "[]|{}<>`');
  });
});

describe('freightMatrixMarkdown', () => {
  test('three stages: exact output, newest first', () => {
    const { project, status } = threeStageStatus();
    expect(freightMatrixMarkdown(project, status)).toBe(
      [
        '| freight | versions | dev | staging | prod |',
        '| --- | --- | :-: | :-: | :-: |',
        `| **lucky-jaguar** \`${status.freight[0]?.id.slice(0, 7)}\` | echo:1.2.0 | ● |  |  |`,
        `| **calm-rhino** \`${status.freight[1]?.id.slice(0, 7)}\` | echo:1.1.0 | ✓ | ● ✓ | ✔ |`,
        `| **oaken-catfish** \`${status.freight[2]?.id.slice(0, 7)}\` | echo:1.0.0 | ✓ | ✓ | ● ✓ |`,
        '',
        '● current · ✓ verified · ✔ approved',
        '',
      ].join('\n'),
    );
  });

  test('limited to the newest rows, saying how many there are', () => {
    const { project, status } = threeStageStatus();
    const md = freightMatrixMarkdown(project, status, { limit: 2 });
    expect(md.split('\n').filter((l) => l.startsWith('| **'))).toHaveLength(2);
    expect(md).toContain('· newest 2 of 3 freight');
    expect(md).not.toContain('oaken-catfish');
  });

  test('no freight', () => {
    const project = loadProject(FAN);
    const status = buildStatus(project, {
      snap: { freight: [], verifications: [], approvals: [] },
      states: new Map(),
    });
    expect(freightMatrixMarkdown(project, status)).toBe('_No freight yet._\n');
  });

  test('text from the repository cannot add columns, links or markup', () => {
    const { project, status } = threeStageStatus();
    const f = status.freight[0];
    if (!f) throw new Error('fixture');
    f.alias = 'a|b** [x](javascript:alert(1)) <script>';
    f.versions = 'echo:`1|2`';
    const row = freightMatrixMarkdown(project, status).split('\n')[2] ?? '';
    expect(row.split('|').length).toBe(7); // 5 cells
    expect(row).not.toMatch(/<script|\[x\]|`1/);
    expect(markdownText('<a> & |')).toBe('&#60;a&#62; &#38; &#124;');
  });
});

test('pipelineSummaryMarkdown: a heading, the graph in a mermaid block, the matrix', () => {
  const { project, status } = threeStageStatus();
  const md = pipelineSummaryMarkdown(project, status);
  expect(md.startsWith('## Pipeline: echo\n\n```mermaid\nflowchart LR\n')).toBe(true);
  const block = /```mermaid\n([\s\S]*?)```/.exec(md)?.[1] ?? '';
  expect(parseFlowchart(block).nodes.size).toBe(4);
  expect(md).toContain('\n```\n\n| freight | versions | dev | staging | prod |');
});
