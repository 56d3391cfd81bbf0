/**
 * The discover workflow `gantry init` writes for a repository of many projects: a first job lists
 * the projects with `gantry get projects --output json`, then one job per project (per warehouse
 * for a project with more than 10), each in its own concurrency group. Here with 50 projects, one
 * of them with 12 warehouses: the list step runs as the runner would run it (bash, jq, `npx`
 * answered by this checkout's CLI), two of the per-project jobs record freight in the same remote
 * at the same moment, and so do two warehouse jobs of the large project.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { runDiscover } from '../../src/discovery/run.js';
import type { DiscoverySources } from '../../src/discovery/discover.js';
import { DISCOVER_WORKFLOW, CLI_PACKAGE } from '../../src/init/workflows.js';
import { openRepo, pickProjects, validProjects } from '../../src/app/repo.js';
import { actionlint } from '../support/actionlint.js';
import { runGantry } from '../support/cli.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { parseGitHubWorkflow } from '../unit/init/workflow-parser.js';

const ROOT = join(import.meta.dirname, '../..');
const N = 50;
const names = Array.from({ length: N }, (_, i) => `p${String(i + 1).padStart(2, '0')}`);
const BIG = 'p49';
// The large project's warehouses: its own name (which its stage takes freight from), then w02…w12.
const bigWarehouses = [
  BIG,
  ...Array.from({ length: 11 }, (_, i) => `w${String(i + 2).padStart(2, '0')}`),
];
const warehousesOf = (name: string) => (name === BIG ? bigWarehouses : [name]);

const projectFile = (name: string) => `project: ${name}
warehouses:
${warehousesOf(name)
  .map(
    (w) =>
      `  - name: ${w}\n    subscriptions:\n      - image: {repoURL: ghcr.io/acme/${w === name ? name : `${name}-${w}`}}\n`,
  )
  .join('')}stages:
  - name: dev
    autoPromotion: true
    requestedFreight:
      - origin: {kind: Warehouse, name: ${name}}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: yaml-update
          config:
            path: env/${name}/dev.yaml
            updates: [{key: image.tag, value: "\${{ imageFrom('ghcr.io/acme/${name}').Tag }}"}]
`;

/** 49 jobs of a whole project each, and the large project's 12 warehouses as a job each. */
const expectedMatrix = () =>
  names.flatMap((n) =>
    n === BIG
      ? bigWarehouses.map((w) => ({ name: `${n}/${w}`, project: n, warehouse: w }))
      : [{ name: n, project: n, warehouse: '' }],
  );

interface Job {
  needs?: string;
  outputs?: Record<string, string>;
  strategy?: { 'fail-fast'?: boolean; matrix?: Record<string, unknown> };
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  steps: { id?: string; run?: string; uses?: string; with?: Record<string, string> }[];
}

describe(`the discover workflow of a repository with ${N} projects`, () => {
  const tmp = tempDir('gantry-matrix-');
  const env = testGitEnv(tmp.path);
  let bare = '';
  let clone = '';
  let text = '';
  let wf: { concurrency?: unknown; jobs: Record<string, Job> };

  beforeAll(async () => {
    // 49 projects exist; init adds the 50th, and writes the workflows for all of them.
    const files: Record<string, string> = {};
    for (const n of names.slice(0, -1)) files[`.gantry/${n}.yaml`] = projectFile(n);
    bare = createBareRepo(tmp.path, 'gitops', files);
    clone = join(tmp.path, 'clone');
    git(tmp.path, ['clone', '-q', bare, clone], env);
    const init = await runGantry(
      ['init', '--image', `ghcr.io/acme/${names.at(-1)}`, '--stages', 'dev', '--dir', clone],
      env,
    );
    expect(init.code, init.err).toBe(0);
    text = readFileSync(join(clone, '.github/workflows', DISCOVER_WORKFLOW), 'utf8');
    wf = parse(text) as typeof wf;
    git(clone, ['add', '-A'], env);
    git(clone, ['commit', '-qm', 'gantry init'], env);
    git(clone, ['push', '-q', 'origin', 'main'], env);
  }, 120_000);
  afterAll(() => tmp.cleanup());

  test('GitHub parses it and actionlint finds nothing', async () => {
    expect((await parseGitHubWorkflow(DISCOVER_WORKFLOW, text)).errors).toEqual([]);
    expect(await actionlint(DISCOVER_WORKFLOW, text)).toEqual([]);
  });

  test('the list step prints the matrix: every project in file order, the large one per warehouse', () => {
    const list = wf.jobs.projects!;
    expect(list.outputs).toEqual({ matrix: '${{ steps.list.outputs.matrix }}' });
    const step = list.steps.find((s) => s.id === 'list');
    expect(step?.run).toContain(`npx --yes ${CLI_PACKAGE} get projects --output json`);
    // The runner's bash, with npx answered by this checkout's command line.
    const bin = join(tmp.path, 'bin');
    mkdirSync(bin, { recursive: true });
    const tsx = join(ROOT, 'node_modules/tsx/dist/esm/index.mjs');
    writeFileSync(
      join(bin, 'npx'),
      [
        '#!/bin/sh',
        `[ "$1" = --yes ] && [ "$2" = '${CLI_PACKAGE}' ] || { echo "npx $*: not gantry" >&2; exit 1; }`,
        'shift 2',
        `exec node --import '${tsx}' '${join(ROOT, 'src/cli/main.ts')}' "$@"`,
        '',
      ].join('\n'),
    );
    chmodSync(join(bin, 'npx'), 0o755);
    const output = join(tmp.path, 'github-output');
    writeFileSync(output, '');
    execFileSync('bash', ['-e', '-o', 'pipefail', '-c', step!.run!], {
      cwd: clone,
      env: { ...env, PATH: `${bin}:${env.PATH}`, GITHUB_OUTPUT: output },
      encoding: 'utf8',
    });
    const lines = readFileSync(output, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^matrix=\{/);
    expect(JSON.parse(lines[0]!.slice('matrix='.length))).toEqual({ include: expectedMatrix() });
  });

  test('gantry get projects: a table, one project, and a clone without a remote', async () => {
    const all = await runGantry(['get', 'projects', '--repo', clone], env);
    expect(all.code, all.err).toBe(0);
    const rows = all.out.trim().split('\n');
    expect(rows[0]).toMatch(/^NAME\s+STAGES\s+WAREHOUSES\s+FILE$/);
    expect(rows).toHaveLength(N + 1);
    expect(rows[7]).toMatch(/^p07\s+dev\s+p07\s+\.gantry\/p07\.yaml$/);
    const one = await runGantry(
      ['get', 'projects', '--project', 'p42', '--output', 'json', '--repo', clone],
      env,
    );
    expect(JSON.parse(one.out)).toEqual({
      projects: [{ name: 'p42', file: '.gantry/p42.yaml', stages: ['dev'], warehouses: ['p42'] }],
      matrix: { include: [{ name: 'p42', project: 'p42', warehouse: '' }] },
    });
    // The threshold: over N warehouses, a job each; 0 splits every project.
    const split = async (n: string) =>
      JSON.parse(
        (
          await runGantry(
            ['get', 'projects', '--output', 'json', '--split-over', n, '--repo', clone],
            env,
          )
        ).out,
      ).matrix.include as { name: string }[];
    expect((await split('12')).length).toBe(N);
    expect((await split('11')).length).toBe(N + 11);
    expect((await split('0')).map((e) => e.name)).toContain('p07/p07');
    const badSplit = await runGantry(
      ['get', 'projects', '--split-over', 'many', '--repo', clone],
      env,
    );
    expect(badSplit.code).toBe(2);
    expect(badSplit.err).toContain('--split-over must be a whole number');
    const local = join(tmp.path, 'no-remote');
    mkdirSync(join(local, '.gantry'), { recursive: true });
    git(local, ['init', '-q'], env);
    writeFileSync(join(local, '.gantry/solo.yaml'), projectFile('solo'));
    const solo = await runGantry(['get', 'projects', '--output', 'json', '--repo', local], env);
    expect(JSON.parse(solo.out).projects.map((p: { name: string }) => p.name)).toEqual(['solo']);
    // A project file gantry cannot read fails the list, so the matrix never silently loses it.
    writeFileSync(join(local, '.gantry/bad.yaml'), 'project: bad\nstages: 3\n');
    const bad = await runGantry(['get', 'projects', '--repo', local], env);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('.gantry/bad.yaml:');
  });

  test('one job per matrix entry, each in its own concurrency group, none for the whole run', () => {
    const job = wf.jobs.discover!;
    expect(job.needs).toBe('projects');
    expect(job.strategy).toEqual({
      'fail-fast': false,
      matrix: '${{ fromJSON(needs.projects.outputs.matrix) }}',
    });
    // A run of one project (or warehouse) never waits for another's, nor cancels a queued one.
    expect(wf.concurrency).toBeUndefined();
    expect(job.concurrency).toEqual({
      group: 'gantry-discover-${{ matrix.name }}',
      'cancel-in-progress': false,
    });
    const entries = expectedMatrix();
    const groups = entries.map((e) => job.concurrency!.group.replace('${{ matrix.name }}', e.name));
    expect(new Set(groups).size).toBe(entries.length);
    // Each job discovers its own project (or warehouse): its summary and freight are that one's.
    const discover = job.steps.find((s) => s.id === 'discover');
    expect(discover?.with).toMatchObject({
      project: '${{ matrix.project }}',
      warehouse: '${{ matrix.warehouse }}',
    });
    expect(entries.length).toBeLessThanOrEqual(256); // GitHub's limit of jobs in one matrix
  });

  test('two jobs recording freight for different projects at once both land', async () => {
    const sources: DiscoverySources = {
      images: async (sub) => [
        { tag: '1.0.0', digest: `sha256:${sub.repoURL.length.toString(16).padStart(64, '0')}` },
      ],
      charts: async () => [],
      commits: async () => [],
    };
    // Two runners: each its own clone cache, the same remote.
    const job = async (name: string, i: number) => {
      const repo = await openRepo({
        repo: `file://${bare}`,
        cacheDir: join(tmp.path, `runner-${i}`),
        baseEnv: env,
      });
      const projects = pickProjects(await validProjects(repo), name);
      return runDiscover({
        projects,
        store: repo.store,
        sources,
        dryRun: false,
        clock: () => new Date('2026-12-01T00:00:00Z'),
        createdBy: `job ${name}`,
        log: { info: () => undefined, warn: () => undefined },
      });
    };
    const [a, b] = await Promise.all([job('p07', 1), job('p42', 2)]);
    const tags = git(bare, ['tag', '--list', 'gantry/*/freight/*'], env).trim().split('\n');
    for (const [name, run] of [
      ['p07', a],
      ['p42', b],
    ] as const) {
      const freight = run.results[0]?.warehouses[0]?.freight;
      expect(freight?.new, name).toBe(true);
      expect(tags).toContain(`gantry/${name}/freight/${freight?.id}`);
    }
    expect(tags).toHaveLength(2);
  });

  test('two warehouse jobs of the large project recording freight at once both land', async () => {
    const sources: DiscoverySources = {
      images: async (sub) => [
        { tag: '2.0.0', digest: `sha256:${'ab'.repeat(31)}${sub.repoURL.slice(-2)}` },
      ],
      charts: async () => [],
      commits: async () => [],
    };
    const job = async (warehouse: string) => {
      const repo = await openRepo({
        repo: `file://${bare}`,
        cacheDir: join(tmp.path, `runner-${warehouse}`),
        baseEnv: env,
      });
      return runDiscover({
        projects: pickProjects(await validProjects(repo), BIG),
        warehouse,
        store: repo.store,
        sources,
        dryRun: false,
        clock: () => new Date('2026-12-01T00:00:00Z'),
        createdBy: `job ${BIG}/${warehouse}`,
        log: { info: () => undefined, warn: () => undefined },
      });
    };
    // Both write the project's freight index: one push wins, the other records on the new tip.
    const runs = await Promise.all([job('w03'), job('w07')]);
    const ids = runs.map((r) => {
      expect(r.results[0]?.warehouses.map((w) => w.name)).toHaveLength(1);
      const f = r.results[0]?.warehouses[0]?.freight;
      expect(f?.new).toBe(true);
      return f?.id;
    });
    const tags = git(bare, ['tag', '--list', `gantry/${BIG}/freight/*`], env)
      .trim()
      .split('\n');
    expect(tags.sort()).toEqual(ids.map((id) => `gantry/${BIG}/freight/${id}`).sort());
    // The index lists both: a fresh reader sees the two freight.
    const fresh = await openRepo({
      repo: `file://${bare}`,
      cacheDir: join(tmp.path, 'reader'),
      baseEnv: env,
    });
    const seen = (await fresh.store.snapshot(BIG)).freight.map((f) => f.origin.name).sort();
    expect(seen).toEqual(['w03', 'w07']);
  });
});
