import { describe, expect, test } from 'vitest';
import { remoteWebUrl } from '../../../src/github/url.js';
import { pipelineGraph } from '../../../src/status/graph.js';
import { f1, f2, f3, loadProject, threeStageStatus } from './fixture.js';

const step = `
    promotionTemplate:
      steps:
        - uses: yaml-update
          config: {path: values.yaml, updates: [{key: tag, value: x}]}`;

describe('pipelineGraph', () => {
  test('layers follow the longest path from the warehouses; rows follow upstream rows', () => {
    const project = loadProject(`project: p
warehouses:
  - name: a
    subscriptions: [{image: {repoURL: ghcr.io/acme/a}}]
  - name: b
    subscriptions: [{image: {repoURL: ghcr.io/acme/b}}]
stages:
  - name: prod
    requestedFreight:
      - origin: {kind: Warehouse, name: a}
        sources: {stages: [qa, uat]}${step}
  - name: uat
    requestedFreight:
      - origin: {kind: Warehouse, name: b}
        sources: {direct: true}
      - origin: {kind: Warehouse, name: a}
        sources: {stages: [dev]}${step}
  - name: dev
    requestedFreight:
      - origin: {kind: Warehouse, name: a}
        sources: {direct: true}${step}
  - name: qa
    requestedFreight:
      - origin: {kind: Warehouse, name: a}
        sources: {stages: [dev]}${step}
`);
    const g = pipelineGraph(project);
    expect(g.layers).toBe(4);
    expect(g.nodes.map((n) => `${n.id}@${n.layer}.${n.order}`)).toEqual([
      'warehouse:a@0.0',
      'warehouse:b@0.1',
      'stage:prod@3.0',
      'stage:uat@2.1',
      'stage:dev@1.0',
      'stage:qa@2.0',
    ]);
    expect(g.edges).toEqual([
      { from: 'stage:qa', to: 'stage:prod', warehouses: ['a'] },
      { from: 'stage:uat', to: 'stage:prod', warehouses: ['a'] },
      { from: 'warehouse:b', to: 'stage:uat', warehouses: ['b'] },
      { from: 'stage:dev', to: 'stage:uat', warehouses: ['a'] },
      { from: 'warehouse:a', to: 'stage:dev', warehouses: ['a'] },
      { from: 'stage:dev', to: 'stage:qa', warehouses: ['a'] },
    ]);
  });
});

describe('the status of a project', () => {
  test('stages: freight, health, hold, run; freight: versions, where it is and has been', () => {
    const { status } = threeStageStatus();
    expect(
      status.stages.map((s) => [s.name, s.freight.map((f) => f.alias), s.health, !!s.hold]),
    ).toEqual([
      ['dev', ['lucky-jaguar'], 'not-verified', false],
      ['staging', ['calm-rhino'], 'verified', false],
      ['prod', ['oaken-catfish'], 'verified', true],
    ]);
    expect(status.stages[1]).toMatchObject({
      environment: 'staging',
      autoPromotion: false,
      mode: 'direct',
      run: 'https://github.com/acme/gitops/actions/runs/7',
      verifiedAt: { [f2.id]: '2026-11-01T11:40:00.000Z' },
    });
    expect(status.stages[2]?.environment).toBe('production');
    expect(status.freight.map((f) => [f.alias, f.versions, f.promotedTo])).toEqual([
      [f3.alias, 'echo:1.2.0', ['dev']],
      [f2.alias, 'echo:1.1.0', ['dev', 'staging']],
      [f1.alias, 'echo:1.0.0', ['prod']],
    ]);
    expect(status.freightTotal).toBe(3);
    expect(status.warehouses).toEqual([
      {
        name: 'echo',
        subscriptions: ['image ghcr.io/acme/echo'],
        latest: { id: f3.id, alias: f3.alias, createdAt: f3.createdAt },
      },
    ]);
    expect(status.promotions[0]).toMatchObject({
      stage: 'dev',
      freight: { id: f3.id, alias: f3.alias },
      subject: 'promote(echo/dev): lucky-jaguar',
      commitUrl: `https://github.com/acme/gitops/commit/${'c'.repeat(40)}`,
    });
  });
});

describe('remoteWebUrl', () => {
  test.each([
    ['https://github.com/acme/gitops.git', 'https://github.com/acme/gitops'],
    ['https://github.com/acme/gitops', 'https://github.com/acme/gitops'],
    ['https://x-access-token@github.com/acme/gitops.git/', 'https://github.com/acme/gitops'],
    ['git@github.com:acme/gitops.git', 'https://github.com/acme/gitops'],
    ['ssh://git@github.example.com:2222/acme/gitops.git', 'https://github.example.com/acme/gitops'],
    [
      'https://gitlab.example.com/group/sub/gitops.git',
      'https://gitlab.example.com/group/sub/gitops',
    ],
    ['file:///srv/git/gitops.git', undefined],
    ['http://127.0.0.1:8080/gitops.git', undefined],
    ['/srv/git/gitops.git', undefined],
    ['https://github.com/acme/"><script>.git', undefined],
  ])('%s → %s', (url, web) => {
    expect(remoteWebUrl(url)).toBe(web);
  });
});
