/**
 * `gantry freight assemble` against a real registry, a real git remote and a Helm repository
 * served over HTTP: digests and commits resolved there, the freight ID discovery would give, no
 * second write, refusals that write nothing, and a Manual warehouse that only gets freight this way.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type LocalServer } from '../support/helm.js';
import { RegistryPusher, startRegistry, type TestRegistry } from '../support/registry.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { runGantry } from '../support/cli.js';

const INDEX = (url: string) => `apiVersion: v1
entries:
  podinfo:
  - name: podinfo
    version: 6.5.1
    urls: [${url}/podinfo-6.5.1.tgz]
  - name: podinfo
    version: 6.4.0
    urls: [${url}/podinfo-6.4.0.tgz]
generated: "2026-01-01T00:00:00Z"
`;

const project = (registry: string, appRepo: string, charts: string) => `project: echo
warehouses:
  - name: echo
    freightCreationPolicy: Manual
    subscriptions:
      - image: {repoURL: ${registry}/demo/app, imageSelectionStrategy: SemVer, constraint: ^1.0.0}
      - git: {repoURL: ${appRepo}, commitSelectionStrategy: NewestFromBranch, branch: main}
      - chart: {repoURL: ${charts}, name: podinfo}
  - name: auto
    subscriptions:
      - image: {repoURL: ${registry}/demo/app, imageSelectionStrategy: SemVer, constraint: ^1.0.0}
stages:
  - name: dev
    autoPromotion: true
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate: {steps: [{uses: yaml-update}]}
`;

interface Assembled {
  created: boolean;
  freight: {
    id: string;
    alias: string;
    images: { repoURL: string; tag: string; digest: string }[];
    commits: { id: string; branch?: string; tag?: string; message?: string }[];
    charts: { name: string; version: string }[];
  };
}

describe('gantry freight assemble', () => {
  const tmp = tempDir();
  let registry: TestRegistry;
  let charts: LocalServer;
  let gitops: string;
  let appRepo: string;
  let appBare: string;
  let digest110: string;
  let digest100: string;
  const env = () => ({ ...testGitEnv(tmp.path), GANTRY_CACHE_DIR: join(tmp.path, 'cache') });
  const cli = (args: string[]) => runGantry([...args, '--repo', `file://${gitops}`], env());
  const tags = () => git(gitops, ['tag', '-l']).split('\n').filter(Boolean);

  beforeAll(async () => {
    registry = await startRegistry();
    const pusher = new RegistryPusher(registry.url);
    digest100 = (await pusher.pushImage('demo/app', ['1.0.0'], { labels: { v: '1.0.0' } })).digest;
    digest110 = (await pusher.pushImage('demo/app', ['1.1.0'], { labels: { v: '1.1.0' } })).digest;
    charts = await startServer((req, res) => {
      if (req.url === '/index.yaml') res.writeHead(200).end(INDEX(charts.url));
      else res.writeHead(404).end();
    });
    appBare = createBareRepo(tmp.path, 'app', { 'main.go': 'package main\n' });
    appRepo = `file://${appBare}`;
    gitops = createBareRepo(tmp.path, 'gitops', {
      '.gantry/echo.yaml': project(registry.host, appRepo, charts.url),
    });
  }, 60_000);
  afterAll(async () => {
    await charts.close();
    await registry.close();
    tmp.cleanup();
  });

  test('a Manual warehouse: discovery finds its freight but records none', async () => {
    const r = await runGantry(
      ['discover', '--repo', `file://${gitops}`, '--warehouse', 'echo'],
      env(),
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('freightCreationPolicy is Manual: found, not recorded');
    expect(tags()).toEqual([]);
  });

  test('records freight from the chosen versions, resolved at the registry and the remote', async () => {
    const head = git(appBare, ['rev-parse', 'main']).trim();
    const r = await cli([
      'freight',
      'assemble',
      '--warehouse',
      'echo',
      '--chart',
      `${charts.url}/podinfo:6.4.0`,
      '--image',
      `${registry.host}/demo/app:1.0.0`,
      '--commit',
      `${appRepo}@main`,
      '-o',
      'json',
    ]);
    expect(r.err).not.toMatch(/warning|error/);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as Assembled;
    expect(doc.created).toBe(true);
    expect(doc.freight.images).toEqual([
      { repoURL: `${registry.host}/demo/app`, tag: '1.0.0', digest: digest100 },
    ]);
    expect(doc.freight.commits).toMatchObject([{ id: head, branch: 'main', message: 'initial' }]);
    expect(doc.freight.commits[0]?.tag).toBeUndefined();
    expect(doc.freight.charts).toMatchObject([{ name: 'podinfo', version: '6.4.0' }]);
    expect(tags()).toEqual([`gantry/echo/freight/${doc.freight.id}`]);

    // The same versions again (the commit by its ID this time): the same freight, nothing new.
    const again = await cli([
      'freight',
      'assemble',
      '--warehouse',
      'echo',
      '--image',
      `${registry.host}/demo/app:1.0.0`,
      '--commit',
      `${appRepo}@${head}`,
      '--chart',
      `${charts.url}/podinfo:6.4.0`,
    ]);
    expect(again.code).toBe(0);
    expect(again.out).toBe(
      `already recorded: freight ${doc.freight.alias} (${doc.freight.id.slice(0, 7)}) from warehouse echo: app:1.0.0, podinfo@6.4.0, app#${head.slice(0, 7)}\n`,
    );
    expect(tags()).toHaveLength(1);

    // It is freight like any other: gantry get freight lists it.
    const listed = await cli(['get', 'freight', '-o', 'json']);
    expect(
      (JSON.parse(listed.out) as { freight: { id: string }[] }).freight.map((f) => f.id),
    ).toEqual([doc.freight.id]);
  });

  test('the freight ID is the one discovery gives the same versions', async () => {
    const assembled = await cli([
      'freight',
      'assemble',
      '--warehouse',
      'auto',
      '--image',
      `${registry.host}/demo/app:1.1.0`,
      '-o',
      'json',
    ]);
    expect(assembled.code).toBe(0);
    const a = JSON.parse(assembled.out) as Assembled;
    expect(a.freight.images[0]?.digest).toBe(digest110);
    const found = await runGantry(
      ['discover', '--repo', `file://${gitops}`, '--warehouse', 'auto', '-o', 'json'],
      env(),
    );
    expect(found.code).toBe(0);
    const d = JSON.parse(found.out) as { freight: { id: string; new: boolean }[] };
    expect(d.freight).toMatchObject([{ id: a.freight.id, new: false }]);
  });

  test.each([
    [
      'an image of no subscription',
      ['--image', 'ghcr.io/acme/other:1.0.0', '--commit', 'x@main', '--chart', 'x/podinfo:1'],
      /--image ghcr\.io\/acme\/other:1\.0\.0: warehouse echo of project echo has no image subscription for it \(it subscribes to image 127\.0\.0\.1:\d+\/demo\/app, git file:\/\/\S+, chart http:\/\/127\.0\.0\.1:\d+\/podinfo\)/,
    ],
    [
      'a subscription left out',
      ['--image', 'REG/demo/app:1.0.0'],
      /choose one for git file:\/\/\S+app\.git \(--commit\), chart http:\/\/127\.0\.0\.1:\d+\/podinfo \(--chart\)/,
    ],
    [
      'a tag the registry does not have',
      ['--image', 'REG/demo/app:9.9.9', '--commit', 'APP@main', '--chart', 'CHARTS/podinfo:6.4.0'],
      /--image \S+: \S+demo\/app has no tag 9\.9\.9/,
    ],
    [
      'a chart version the repository does not list',
      ['--image', 'REG/demo/app:1.0.0', '--commit', 'APP@main', '--chart', 'CHARTS/podinfo:6.6.6'],
      /--chart \S+: http:\/\/127\.0\.0\.1:\d+\/podinfo lists no version 6\.6\.6/,
    ],
    [
      'a ref the remote does not have',
      ['--image', 'REG/demo/app:1.0.0', '--commit', 'APP@nope', '--chart', 'CHARTS/podinfo:6.4.0'],
      /has no branch or tag named nope/,
    ],
    [
      'an abbreviated commit ID',
      [
        '--image',
        'REG/demo/app:1.0.0',
        '--commit',
        'APP@abc1234',
        '--chart',
        'CHARTS/podinfo:6.4.0',
      ],
      /"abc1234" looks like an abbreviated commit ID; give the full ID/,
    ],
    [
      'two versions of one subscription',
      ['--image', 'REG/demo/app:1.0.0', '--image', 'REG/demo/app:1.1.0'],
      /already has a version in this freight; freight holds one version per subscription/,
    ],
    [
      'an image with a digest instead of a tag',
      ['--image', 'REG/demo/app@sha256:00'],
      /write it as REPO:TAG/,
    ],
  ])('refused, nothing written: %s', async (_, flags, message) => {
    const before = tags();
    const expand = (s: string) =>
      s
        .replace('REG/', `${registry.host}/`)
        .replace(/^APP@/, `${appRepo}@`)
        .replace('CHARTS/', `${charts.url}/`);
    const r = await cli(['freight', 'assemble', '--warehouse', 'echo', ...flags.map(expand)]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(message);
    expect(tags()).toEqual(before);
  });

  test('an unknown warehouse, and no versions at all, are usage errors', async () => {
    const none = await cli(['freight', 'assemble', '--warehouse', 'echo']);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/needs the versions: --image, --chart or --commit/);
    const unknown = await cli(['freight', 'assemble', '--warehouse', 'ech', '--image', 'a/b:1']);
    expect(unknown.err).toMatch(/project echo has no warehouse ech \(warehouses: echo, auto\)/);
  });

  test('--dry-run resolves and records nothing', async () => {
    const before = tags();
    const r = await cli([
      'freight',
      'assemble',
      '--warehouse',
      'echo',
      '--image',
      `${registry.host}/demo/app:1.1.0`,
      '--commit',
      `${appRepo}@main`,
      '--chart',
      `${charts.url}/podinfo:6.5.1`,
      '--dry-run',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^would record: freight \S+ \([0-9a-f]{7}\) from warehouse echo: app:1\.1\.0, podinfo@6\.5\.1, app#[0-9a-f]{7}\n$/,
    );
    expect(tags()).toEqual(before);
  });

  test('gantry get warehouses: subscriptions, policy, newest freight and its age', async () => {
    const snap = JSON.parse((await cli(['get', 'freight', '-o', 'json'])).out) as {
      freight: { id: string; alias: string; origin: { name: string }; createdAt: string }[];
    };
    const newest = (w: string) =>
      snap.freight
        .filter((f) => f.origin.name === w)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]!;
    const json = await cli(['get', 'warehouses', '-o', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toEqual({
      warehouses: [
        {
          project: 'echo',
          name: 'echo',
          freightCreationPolicy: 'Manual',
          subscriptions: [
            { kind: 'image', repoURL: `${registry.host}/demo/app` },
            { kind: 'git', repoURL: appRepo },
            { kind: 'chart', repoURL: charts.url, name: 'podinfo' },
          ],
          newestFreight: {
            id: newest('echo').id,
            alias: newest('echo').alias,
            createdAt: newest('echo').createdAt,
          },
        },
        {
          project: 'echo',
          name: 'auto',
          freightCreationPolicy: 'Automatic',
          subscriptions: [{ kind: 'image', repoURL: `${registry.host}/demo/app` }],
          newestFreight: {
            id: newest('auto').id,
            alias: newest('auto').alias,
            createdAt: newest('auto').createdAt,
          },
        },
      ],
    });
    const text = await cli(['get', 'warehouses']);
    const lines = text.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME +POLICY +SUBSCRIPTIONS +NEWEST FREIGHT +AGE$/);
    expect(lines[1]).toMatch(
      new RegExp(
        `^echo +Manual +image:${registry.host.replace(/\./g, '\\.')}/demo/app,git:file://\\S+,chart:http://127\\.0\\.0\\.1:\\d+/podinfo +${newest('echo').alias} \\(${newest('echo').id.slice(0, 7)}\\) +\\d+[smh]$`,
      ),
    );
    expect(lines[2]).toMatch(/^auto +Automatic +image:\S+ +\S+ \([0-9a-f]{7}\) +\d+[smh]$/);
  });

  test("Kargo's manifests: a Warehouse with freightCreationPolicy Manual gets freight by assembly only", async () => {
    const kargo = createBareRepo(tmp.path, 'kargo-gitops', {
      '.gantry/demo.yaml': 'kargo: kargo\n',
      'kargo/project.yaml': `apiVersion: kargo.akuity.io/v1alpha1
kind: Project
metadata:
  name: demo
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Warehouse
metadata:
  name: app
  namespace: demo
spec:
  freightCreationPolicy: Manual
  subscriptions:
    - image:
        repoURL: ${registry.host}/demo/app
        constraint: ^1.0.0
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Stage
metadata:
  name: test
  namespace: demo
spec:
  requestedFreight:
    - origin: {kind: Warehouse, name: app}
      sources: {direct: true}
`,
    });
    const repo = ['--repo', `file://${kargo}`];
    const warehouses = await runGantry(['get', 'warehouses', ...repo, '-o', 'json'], env());
    expect(JSON.parse(warehouses.out)).toMatchObject({
      warehouses: [{ name: 'app', freightCreationPolicy: 'Manual', newestFreight: null }],
    });
    const found = await runGantry(['discover', ...repo, '-o', 'json'], env());
    expect(found.code).toBe(0);
    expect(JSON.parse(found.out)).toMatchObject({
      freight: [{ images: [{ tag: '1.1.0' }], new: true, recorded: false }],
      promotions: [],
    });
    expect(git(kargo, ['tag', '-l'])).toBe('');
    const made = await runGantry(
      [
        'freight',
        'assemble',
        ...repo,
        '--warehouse',
        'app',
        '--image',
        `${registry.host}/demo/app:1.0.0`,
      ],
      env(),
    );
    expect(made.code).toBe(0);
    expect(made.out).toMatch(
      /^recorded: freight \S+ \([0-9a-f]{7}\) from warehouse app: app:1\.0\.0\n$/,
    );
    expect(git(kargo, ['tag', '-l']).trim()).toMatch(/^gantry\/demo\/freight\/[0-9a-f]{40}$/);
  });
});
