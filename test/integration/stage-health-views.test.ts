import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appendPipelineSummary } from '../../src/actions/summary.js';
import type { DashboardData } from '../../src/dashboard/index.js';
import type { StageHealthReport } from '../../src/health/index.js';
import { parseRemote } from '../../src/git/index.js';
import { StateStore } from '../../src/state/index.js';
import { openRepo, selectProjects } from '../../src/app/repo.js';
import { startFakeArgoCD, type FakeArgoCD, type Snapshot } from '../support/argocd-fake.js';
import { runGantry } from '../support/cli.js';
import { makeFreight } from '../support/freight.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { seedFreight } from '../support/seed-freight.js';
import { parseFlowchart } from '../unit/dashboard/mermaid.js';

/*
 * Stage health where users see it: `gantry get stages` (table and JSON), `gantry dashboard`
 * (page and status.json) and the job summary, over a real GitOps repository and the Argo CD
 * fake. dev names its app in an argocd metric, staging in an argocd-update step, prod none.
 */

const TOKEN = 'argocd-views-token-eyJhbGciOiJIUzI1NiJ9.secret';

const step = `
    promotionTemplate:
      steps:
        - uses: yaml-update
          config: {path: values.yaml, updates: [{key: tag, value: x}]}`;

const PROJECT = `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
stages:
  - name: dev
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}${step}
    verification:
      - name: deployed
        provider:
          argocd: {applications: [echo-dev]}
  - name: staging
    branch: staging
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {stages: [dev]}${step}
        - uses: argocd-update
          config:
            apps: [{name: echo-staging}]
  - name: prod
    branch: prod
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {stages: [staging]}${step}
`;

const NOW = new Date('2026-11-03T12:00:00Z');

describe('stage health in get stages, the dashboard and the job summary', () => {
  const tmp = tempDir();
  const gitEnv = { ...testGitEnv(tmp.path), GANTRY_CACHE_DIR: join(tmp.path, 'cache') };
  let argo: FakeArgoCD;
  let bare: string;
  let devTip: string;
  const f1 = makeFreight('1.0.0', { createdAt: '2026-11-03T09:00:00.000Z' });
  const withArgo = () => ({
    ...gitEnv,
    ARGOCD_SERVER: argo.url,
    ARGOCD_AUTH_TOKEN: TOKEN,
  });
  const cli = (args: string[], env: Record<string, string>) => runGantry(args, env, () => NOW);

  beforeAll(async () => {
    argo = await startFakeArgoCD({ token: TOKEN });
    bare = createBareRepo(tmp.path, 'gitops', { '.gantry/echo.yaml': PROJECT }, [
      'staging',
      'prod',
    ]);
    const store = new StateStore({
      remote: parseRemote(`file://${bare}`),
      cacheDir: join(tmp.path, 'writer-cache'),
      baseEnv: testGitEnv(tmp.path),
      clock: () => new Date('2026-11-03T10:00:00Z'),
    });
    await seedFreight(bare, 'echo', [f1], { now: new Date('2026-11-03T10:00:00Z') });
    for (const [stage, branch] of [
      ['dev', undefined],
      ['staging', 'staging'],
      ['prod', 'prod'],
    ] as const) {
      await store.commitPromotion({
        project: 'echo',
        stage,
        ...(branch && { branch }),
        freight: f1,
        promotedBy: 'alice',
      });
    }
    devTip = git(bare, ['rev-parse', 'refs/heads/main']).trim();
    const at = (revision: string, extra: Partial<Snapshot> = {}): Snapshot => ({
      sync: 'Synced',
      revision,
      health: 'Healthy',
      operation: { phase: 'Succeeded', revision },
      ...extra,
    });
    argo.setApp({ name: 'echo-dev', timeline: [at(devTip)] });
    argo.setApp({
      name: 'echo-staging',
      timeline: [at('0123456789abcdef0123456789abcdef01234567', { health: 'Degraded' })],
    });
  });
  afterAll(async () => {
    await argo.close();
    tmp.cleanup();
  });

  test("get stages: a HEALTH column with Kargo's states", async () => {
    const r = await cli(['get', 'stages', '--repo', `file://${bare}`], withArgo());
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out.split('\n').map((l) => l.split(/\s{2,}/).slice(0, 5))).toEqual([
      ['NAME', 'FREIGHT', 'ID', 'VERIFIED', 'HEALTH'],
      ['dev', f1.alias, f1.id.slice(0, 7), 'no', 'Healthy'],
      ['staging', f1.alias, f1.id.slice(0, 7), 'no', 'Unhealthy'],
      ['prod', f1.alias, f1.id.slice(0, 7), 'no', 'NotApplicable'],
      [''],
    ]);
  });

  test("get stages -o json: appHealth as Kargo's status.health, with the applications", async () => {
    const r = await cli(['get', 'stages', '--repo', `file://${bare}`, '-o', 'json'], withArgo());
    expect(r.code).toBe(0);
    expect(r.out).not.toContain(TOKEN);
    const doc = JSON.parse(r.out) as { stages: { name: string; appHealth?: StageHealthReport }[] };
    const byName = new Map(doc.stages.map((s) => [s.name, s.appHealth]));
    expect(byName.get('dev')).toEqual({
      status: 'Healthy',
      issues: [],
      applications: [
        {
          name: 'echo-dev',
          status: 'Healthy',
          health: 'Healthy',
          sync: 'Synced',
          revision: devTip.slice(0, 7),
          wanted: devTip.slice(0, 7),
          issues: [],
        },
      ],
    });
    expect(byName.get('staging')).toMatchObject({
      status: 'Unhealthy',
      issues: ['echo-staging: Degraded'],
    });
    expect(byName.get('prod')).toEqual({ status: 'NotApplicable', issues: [], applications: [] });
  });

  test('without an Argo CD server: nothing is asked; apps unknown, prod NotApplicable', async () => {
    const before = argo.requests.length;
    const r = await cli(['get', 'stages', '--repo', `file://${bare}`], gitEnv);
    expect(r.code).toBe(0);
    expect(r.out.split('\n').map((l) => l.split(/\s{2,}/)[4])).toEqual([
      'HEALTH',
      '-',
      '-',
      'NotApplicable',
      undefined,
    ]);
    const json = await cli(['get', 'stages', '--repo', `file://${bare}`, '-o', 'json'], gitEnv);
    const doc = JSON.parse(json.out) as { stages: { name: string; appHealth?: unknown }[] };
    expect(doc.stages.map((s) => s.appHealth)).toEqual([
      undefined,
      undefined,
      { status: 'NotApplicable', issues: [], applications: [] },
    ]);
    expect(argo.requests.length).toBe(before);
  });

  test('an unreachable Argo CD does not fail the command: Unknown, with the reason', async () => {
    const port = await new Promise<number>((resolve) => {
      const srv = createServer();
      srv.listen(0, '127.0.0.1', () => {
        const p = (srv.address() as { port: number }).port;
        srv.close(() => resolve(p));
      });
    });
    const r = await cli(['get', 'stages', '--repo', `file://${bare}`, '-o', 'json'], {
      ...withArgo(),
      ARGOCD_SERVER: `http://127.0.0.1:${port}`,
    });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { stages: { appHealth?: StageHealthReport }[] };
    expect(doc.stages[0]?.appHealth?.status).toBe('Unknown');
    expect(doc.stages[0]?.appHealth?.issues[0]).toMatch(/unreachable: .*ECONNREFUSED/);
  });

  test('a pipeline that names no app gets no HEALTH column', async () => {
    const plain = createBareRepo(tmp.path, 'plain', {
      '.gantry/echo.yaml': PROJECT.replace(
        / {4}verification:[\s\S]*?(?= {2}- name: staging)/,
        '',
      ).replace(/ {8}- uses: argocd-update\n.*\n.*\n/, ''),
    });
    const r = await cli(['get', 'stages', '--repo', `file://${plain}`], withArgo());
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('NAME      FREIGHT   ID   VERIFIED   SINCE   BY');
  });

  test('gantry dashboard: a Health column, the graph and status.json', async () => {
    const out = join(tmp.path, 'site');
    const r = await cli(['dashboard', '--repo', `file://${bare}`, '--out', out], withArgo());
    expect(r.code).toBe(0);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).not.toContain(TOKEN);
    expect(html).toContain('<th scope="col">Health</th>');
    expect(html).toMatch(
      /<tr [^>]*data-stage="dev"[^>]*>.*<td class="app-health" data-app-health="Healthy">/,
    );
    expect(html).toMatch(
      /<tr [^>]*data-stage="staging"[^>]*>.*<td class="app-health" data-app-health="Unhealthy">.*<li>echo-staging: Degraded<\/li>/,
    );
    expect(html).toMatch(/data-name="dev"[^>]*data-app-health="Healthy"/);
    expect(html).toMatch(/<text class="app-health h-Unhealthy"[^>]*>✗ Unhealthy<\/text>/);
    // prod names no app: its node says nothing about health.
    expect(html).not.toMatch(/data-name="prod"[^>]*data-app-health/);
    const data = JSON.parse(readFileSync(join(out, 'status.json'), 'utf8')) as DashboardData;
    expect(data.projects[0]?.stages.map((s) => [s.name, s.health, s.appHealth?.status])).toEqual([
      ['dev', 'not-verified', 'Healthy'],
      ['staging', 'not-verified', 'Unhealthy'],
      ['prod', 'not-verified', 'NotApplicable'],
    ]);
  });

  test('the job summary: health in the graph, and a Stage health table', async () => {
    const summary = join(tmp.path, 'summary.md');
    const saved = process.env.GITHUB_STEP_SUMMARY;
    process.env.GITHUB_STEP_SUMMARY = summary;
    try {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(summary, '');
      const repo = await openRepo({
        repo: pathToFileURL(bare).href,
        cacheDir: join(tmp.path, 'action-cache'),
        baseEnv: testGitEnv(tmp.path),
      });
      const [project] = await selectProjects(repo, 'echo');
      const warnings: string[] = [];
      await appendPipelineSummary(repo, project!, (w) => warnings.push(w), {
        env: { ARGOCD_SERVER: argo.url, ARGOCD_AUTH_TOKEN: TOKEN },
        fetch,
      });
      expect(warnings).toEqual([]);
      const md = readFileSync(summary, 'utf8');
      expect(md).not.toContain(TOKEN);
      const block = /```mermaid\n([\s\S]*?)```/.exec(md)?.[1] ?? '';
      expect([...parseFlowchart(block).nodes.values()].map((n) => n.lines.join(' / '))).toEqual([
        'echo',
        `dev / ${f1.alias} ⏳ / 💚 Healthy`,
        `staging / ${f1.alias} ⏳ / 💔 Unhealthy`,
        `prod / ${f1.alias} ⏳`,
      ]);
      expect(md).toContain(
        [
          '### Stage health',
          '',
          '| stage | health | applications | issues |',
          '| --- | --- | --- | --- |',
          `| **dev** | 💚 Healthy | echo-dev: Healthy (Healthy, Synced at ${devTip.slice(0, 7)}) | — |`,
          '| **staging** | 💔 Unhealthy | echo-staging: Unhealthy (Degraded, Synced at 0123456) | echo-staging: Degraded |',
        ].join('\n'),
      );

      // Without settings (or without a server), the summary is as it was: no health anywhere.
      writeFileSync(summary, '');
      await appendPipelineSummary(repo, project!, (w) => warnings.push(w));
      const plain = readFileSync(summary, 'utf8');
      expect(plain).not.toContain('Stage health');
      expect(plain).not.toContain('Healthy');
    } finally {
      if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
      else process.env.GITHUB_STEP_SUMMARY = saved;
    }
  });
});
