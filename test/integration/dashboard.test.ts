import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appendPipelineSummary } from '../../src/actions/summary.js';
import { runCli } from '../../src/cli/run.js';
import type { DashboardData } from '../../src/dashboard/index.js';
import type { Freight } from '../../src/freight/types.js';
import { parseRemote } from '../../src/git/index.js';
import { StateStore } from '../../src/state/index.js';
import { openRepo, selectProjects } from '../../src/app/repo.js';
import { chromiumPath, launchChromium, NO_CHROMIUM, pngSize } from '../support/browser.js';
import { makeFreight } from '../support/freight.js';
import { createBareRepo, tempDir, testGitEnv } from '../support/repos.js';
import { seedFreight } from '../support/seed-freight.js';
import { parseFlowchart } from '../unit/dashboard/mermaid.js';

const step = (stage: string) => `
    promotionTemplate:
      steps:
        - uses: yaml-update
          config:
            path: env/${stage}/values.yaml
            updates: [{key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}]`;

const PROJECT = `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
stages:
  - name: dev
    autoPromotion: true
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}${step('dev')}
  - name: staging
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {stages: [dev]}${step('staging')}
  - name: prod
    environment: production
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {stages: [staging]}${step('prod')}
`;

/** Where the test leaves its screenshot (.tmp/ is ignored by git). */
const ARTIFACTS = resolve('.tmp/test-results');
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000 + 3_600_000);
const WEB = 'https://github.com/acme/gitops';
/** What the page's elements are, as far as these checks need (tsconfig has no DOM types). */
interface Rendered {
  innerText: string;
}
interface SvgBox {
  getBBox(): { x: number; y: number; width: number };
}

const EVIL = '<img src=x onerror="window.__pwned=1">';

describe('gantry dashboard, opened in headless Chromium', () => {
  const tmp = tempDir();
  let bare: string;
  const env = () => ({
    ...testGitEnv(tmp.path),
    GANTRY_CACHE_DIR: join(tmp.path, 'cache'),
    GANTRY_REPO_WEB_URL: WEB,
  });
  const f0 = makeFreight('0.9.0', { createdAt: '2026-11-01T09:00:00.000Z', alias: EVIL });
  const f1 = makeFreight('1.0.0', {
    createdAt: '2026-11-01T10:00:00.000Z',
    alias: 'oaken-catfish',
  });
  const f2 = makeFreight('1.1.0', { createdAt: '2026-11-01T11:00:00.000Z', alias: 'calm-rhino' });
  const f3 = makeFreight('1.2.0', { createdAt: '2026-11-01T12:00:00.000Z', alias: 'lucky-jaguar' });
  const commits: Record<string, string> = {};

  // Promotions are commits, dated by the clock of the machine that makes them (git's own): the
  // page is generated "an hour later", so that its ages are the same on every run.
  const store = () =>
    new StateStore({
      remote: parseRemote(pathToFileURL(bare).href),
      cacheDir: join(tmp.path, 'writer'),
      baseEnv: testGitEnv(tmp.path),
    });

  async function promote(stage: string, f: Freight, extra: object = {}) {
    const r = await store().commitPromotion({
      project: 'echo',
      stage,
      freight: f,
      promotedBy: 'alice',
      ...extra,
    });
    commits[`${stage}/${f.alias}`] = r.commit;
  }
  async function verified(stage: string, f: Freight, at: string) {
    await store().recordVerification({
      project: 'echo',
      stage,
      freightId: f.id,
      alias: f.alias,
      verifiedAt: at,
      verifiedBy: 'https://github.com/acme/gitops/actions/runs/9',
    });
  }

  beforeAll(async () => {
    bare = createBareRepo(tmp.path, 'gitops', { '.gantry/echo.yaml': PROJECT });
    await seedFreight(bare, 'echo', [f0, f1, f2, f3]);
    // A freight whose alias is markup, promoted once: its alias is in a commit message too.
    await promote('dev', f0, { promotedBy: '<b>mallory</b>' });
    await promote('dev', f1);
    await verified('dev', f1, '2026-11-01T10:15:00Z');
    await promote('staging', f1);
    await verified('staging', f1, '2026-11-01T10:25:00Z');
    await promote('prod', f1, { approvedBy: ['carol'] });
    await verified('prod', f1, '2026-11-01T10:35:00Z');
    await promote('dev', f2);
    await verified('dev', f2, '2026-11-01T11:15:00Z');
    await promote('staging', f2, {
      run: 'https://github.com/acme/gitops/actions/runs/7',
    });
    await verified('staging', f2, '2026-11-01T11:25:00Z');
    await store().recordApproval({
      project: 'echo',
      stage: 'prod',
      freightId: f2.id,
      alias: f2.alias,
      approvedAt: '2026-11-01T11:30:00.000Z',
      approvedBy: 'carol',
    });
    await promote('dev', f3);
  });
  afterAll(() => tmp.cleanup());

  async function dashboard(out: string) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(['dashboard', '--out', out, '--repo', pathToFileURL(bare).href], {
      out: (t) => (stdout += t),
      err: (t) => (stderr += t),
      env: env(),
      now: () => NOW,
    });
    return { code, stdout, stderr };
  }

  test('writes index.html and status.json; the same state and clock give the same files', async () => {
    const a = join(tmp.path, 'site-a');
    const b = join(tmp.path, 'site-b');
    const r = await dashboard(a);
    expect(r.stderr).toBe('echo: 3 stages, 4 freight, 7 recent promotions\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`wrote ${join(a, 'index.html')} and ${join(a, 'status.json')}\n`);
    expect((await dashboard(b)).code).toBe(0);
    for (const file of ['index.html', 'status.json'])
      expect(readFileSync(join(b, file), 'utf8')).toBe(readFileSync(join(a, file), 'utf8'));
    const data = JSON.parse(readFileSync(join(a, 'status.json'), 'utf8')) as DashboardData;
    expect(data.projects[0]?.stages.map((s) => [s.name, s.freight[0]?.alias, s.health])).toEqual([
      ['dev', 'lucky-jaguar', 'not-verified'],
      ['staging', 'calm-rhino', 'verified'],
      ['prod', 'oaken-catfish', 'verified'],
    ]);
  });

  const browserPath = chromiumPath();
  if (!browserPath) console.warn(NO_CHROMIUM);

  describe.skipIf(!browserPath)('in the browser', () => {
    let browser: Browser;
    let page: Page;
    const site = join(tmp.path, 'site');

    beforeAll(async () => {
      expect((await dashboard(site)).code).toBe(0);
      browser = await launchChromium(browserPath as string);
      page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.goto(pathToFileURL(join(site, 'index.html')).href);
      expect(errors).toEqual([]);
    });
    afterAll(async () => {
      await browser?.close();
    });

    test('the graph: a node per warehouse and stage, edges along requestedFreight', async () => {
      const graph = page.getByRole('img', { name: 'Pipeline of echo' });
      await expect(graph.count()).resolves.toBe(1);
      const nodes = await page.$$eval('svg.graph [data-node]', (els) =>
        els.map((e) => ({
          id: e.getAttribute('data-node'),
          freight: e.getAttribute('data-freight'),
          health: e.getAttribute('data-health'),
          text: [...e.querySelectorAll('text')].map((t) => t.textContent).join(' | '),
          box: ((b) => ({ x: b.x, y: b.y, width: b.width }))((e as unknown as SvgBox).getBBox()),
        })),
      );
      expect(nodes.map((n) => n.id)).toEqual([
        'warehouse:echo',
        'stage:dev',
        'stage:staging',
        'stage:prod',
      ]);
      expect(nodes.map((n) => n.text)).toEqual([
        'WAREHOUSE | echo | newest: lucky-jaguar',
        'dev | lucky-jaguar | … not verified',
        'staging | calm-rhino | ✓ verified',
        'prod | oaken-catfish | ✓ verified',
      ]);
      // Laid out left to right, in one row, without overlapping.
      const xs = nodes.map((n) => n.box.x);
      expect([...xs].sort((a, b) => a - b)).toEqual(xs);
      for (let i = 1; i < nodes.length; i++) {
        const prev = nodes[i - 1]?.box;
        expect(nodes[i]?.box.x).toBeGreaterThan((prev?.x ?? 0) + (prev?.width ?? 0));
        expect(nodes[i]?.box.y).toBe(prev?.y);
      }
      const edges = await page.$$eval('svg.graph path.edge', (els) =>
        els.map((e) => `${e.getAttribute('data-from')} -> ${e.getAttribute('data-to')}`),
      );
      expect(edges).toEqual([
        'warehouse:echo -> stage:dev',
        'stage:dev -> stage:staging',
        'stage:staging -> stage:prod',
      ]);
      const desc = await page.$eval('svg.graph desc', (e) => e.textContent);
      expect(desc).toContain('Stage dev runs lucky-jaguar, not verified, feeds staging.');
    });

    test('stages: current freight and verification, as a person reads them', async () => {
      const rows = await page.$$eval('table.stages tbody tr', (trs) =>
        trs.map((tr) =>
          [...tr.querySelectorAll('th, td')].map((c) =>
            (c as unknown as Rendered).innerText.trim(),
          ),
        ),
      );
      expect(rows.map((r) => r.slice(0, 4))).toEqual([
        ['dev', 'lucky-jaguar ' + f3.id.slice(0, 7), 'echo:1.2.0', 'not verified'],
        ['staging', 'calm-rhino ' + f2.id.slice(0, 7), 'echo:1.1.0', 'verified'],
        ['prod\nenv production', 'oaken-catfish ' + f1.id.slice(0, 7), 'echo:1.0.0', 'verified'],
      ]);
      expect(rows[0]?.[4]).toMatch(/^(59|60)m ago$/);
      expect(rows[2]?.[5]).toBe('alice\napproved by carol');
      const headers = await page.$$eval('table.stages thead th', (ths) =>
        ths.map((th) => th.textContent),
      );
      expect(headers).toEqual([
        'Stage',
        'Freight',
        'Versions',
        'Verification',
        'Promoted',
        'By',
        'Promotion',
      ]);
      const run = page.locator('table.stages tr[data-stage="staging"] a.run');
      await expect(run.getAttribute('href')).resolves.toBe(
        'https://github.com/acme/gitops/actions/runs/7',
      );
    });

    test('the freight timeline: newest first, where each is current, verified, approved', async () => {
      const rows = await page.$$eval('table.freight tbody tr', (trs) =>
        trs.map((tr) => ({
          alias: tr.getAttribute('data-alias'),
          versions: (tr.children[2] as unknown as Rendered).innerText,
          marks: [...tr.querySelectorAll('td.marks')].map(
            (td) => `${td.getAttribute('data-stage')}:${td.getAttribute('data-marks')}`,
          ),
        })),
      );
      expect(rows).toEqual([
        {
          alias: 'lucky-jaguar',
          versions: 'echo:1.2.0',
          marks: ['dev:current', 'staging:', 'prod:'],
        },
        {
          alias: 'calm-rhino',
          versions: 'echo:1.1.0',
          marks: ['dev:verified', 'staging:current verified', 'prod:approved'],
        },
        {
          alias: 'oaken-catfish',
          versions: 'echo:1.0.0',
          marks: ['dev:verified', 'staging:verified', 'prod:current verified'],
        },
        { alias: EVIL, versions: 'echo:0.9.0', marks: ['dev:promoted', 'staging:', 'prod:'] },
      ]);
    });

    test('recent promotions, newest first, with links to the commits', async () => {
      const rows = await page.$$eval('table.promotions tbody tr', (trs) =>
        trs.map((tr) => ({
          stage: tr.getAttribute('data-stage'),
          freight: (tr.children[2] as unknown as Rendered).innerText,
          href: tr.querySelector('a.commit')?.getAttribute('href'),
          link: (tr.querySelector('a.commit') as unknown as Rendered | null)?.innerText,
        })),
      );
      expect(rows.map((r) => `${r.stage} ${r.freight}`)).toEqual([
        'dev lucky-jaguar',
        'staging calm-rhino',
        'dev calm-rhino',
        'prod oaken-catfish',
        'staging oaken-catfish',
        'dev oaken-catfish',
        `dev ${EVIL}`,
      ]);
      expect(rows[0]?.href).toBe(`${WEB}/commit/${commits['dev/lucky-jaguar']}`);
      expect(rows[0]?.link).toBe(commits['dev/lucky-jaguar']?.slice(0, 7));
      expect(rows.every((r) => r.href?.startsWith(`${WEB}/commit/`))).toBe(true);
    });

    test('markup in an alias, a commit message or a name is shown as text, never run', async () => {
      const pwned = await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned ?? 0);
      expect(pwned).toBe(0);
      await expect(page.locator('main img').count()).resolves.toBe(0);
      const subject = await page
        .locator('table.promotions tbody tr:last-child td.subject')
        .innerText();
      expect(subject).toBe(`promote(echo/dev): ${EVIL}`);
      await expect(page.locator('main b').count()).resolves.toBe(0);
      await expect(page.getByText('<b>mallory</b>').count()).resolves.toBe(1);
    });

    test('a screenshot of the page', async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      const file = join(ARTIFACTS, 'dashboard.png');
      const png = await page.screenshot({ path: file, fullPage: true });
      const { width, height } = pngSize(png);
      expect(width).toBe(1280);
      expect(height).toBeGreaterThan(700);
      expect(statSync(file).size).toBeGreaterThan(30_000);
      // The graph itself, drawn: its pixels are not all one colour.
      const graph = await page.locator('svg.graph').screenshot();
      expect(pngSize(graph).width).toBeGreaterThan(800);
      expect(graph.length).toBeGreaterThan(5_000);
    });
  });

  describe('the Pipeline section of a job summary', () => {
    test('is appended to the summary file, read fresh from the repository', async () => {
      const summary = join(tmp.path, 'step-summary.md');
      writeFileSync(summary, '## gantry promote dev\n');
      const saved = process.env.GITHUB_STEP_SUMMARY;
      process.env.GITHUB_STEP_SUMMARY = summary;
      try {
        const repo = await openRepo({
          repo: pathToFileURL(bare).href,
          cacheDir: join(tmp.path, 'action-cache'),
          baseEnv: testGitEnv(tmp.path),
        });
        const [project] = await selectProjects(repo, 'echo');
        const warnings: string[] = [];
        await appendPipelineSummary(repo, project!, (w) => warnings.push(w));
        expect(warnings).toEqual([]);
        const md = readFileSync(summary, 'utf8');
        expect(md.startsWith('## gantry promote dev\n\n## Pipeline: echo\n\n```mermaid\n')).toBe(
          true,
        );
        const block = /```mermaid\n([\s\S]*?)```/.exec(md)?.[1] ?? '';
        const g = parseFlowchart(block);
        expect([...g.nodes.values()].map((n) => n.lines.join(' / '))).toEqual([
          'echo',
          'dev / lucky-jaguar ⏳',
          'staging / calm-rhino ✅',
          'prod / oaken-catfish ✅',
        ]);
        expect(md).toContain(
          `| **calm-rhino** \`${f2.id.slice(0, 7)}\` | echo:1.1.0 | ✓ | ● ✓ | ✔ |`,
        );
        expect(md).not.toContain('<img');

        // A repository that cannot be read: a warning, and the action goes on.
        const gone = await openRepo({
          repo: pathToFileURL(join(tmp.path, 'missing.git')).href,
          cacheDir: join(tmp.path, 'action-cache'),
          baseEnv: testGitEnv(tmp.path),
        });
        await appendPipelineSummary(gone, project!, (w) => warnings.push(w));
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toMatch(/^could not add the pipeline of echo to the job summary: /);
        expect(readFileSync(summary, 'utf8')).toBe(md);
      } finally {
        if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
        else process.env.GITHUB_STEP_SUMMARY = saved;
      }
    });
  });
});
