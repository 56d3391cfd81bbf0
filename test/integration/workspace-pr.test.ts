/**
 * A pull-request-gated production stage written the way Kargo's docs write it: git-push to a
 * generated branch, git-open-pr, git-wait-for-pr reading `outputs['open-pr'].pr.id`. Git goes over
 * smart HTTP with the token; GitHub is the local fake backed by the same bare repository, so the
 * pull request's head, base and merge are real git objects.
 */
import { quickstartSteps } from '../support/kargo.js';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { parseRemote } from '../../src/git/index.js';
import { loadProjectsFromFiles } from '../../src/pipeline/load.js';
import { GitHubClient } from '../../src/github/client.js';
import { promote } from '../../src/promotion/promote.js';
import { defaultRegistry } from '../../src/promotion/steps/registry.js';
import { StateStore } from '../../src/state/index.js';
import { seedFreight } from '../support/seed-freight.js';
import { makeFreight } from '../support/freight.js';
import { startGitHttpServer, type GitHttpServer } from '../support/git-server.js';
import { startFakeGitHub, type FakeGitHub } from '../support/github-fake.js';
import { commitToBare, createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { runGantry } from '../support/cli.js';

const TOKEN = 'ghs_workspacePrToken456';

/** Rendered branches; `prod` lands through a pull request, with `extra` steps after the wait. */
function project(gitops: string, waitRetry = ''): string {
  const render = (stage: string) =>
    quickstartSteps(6, { repoURL: gitops, build: `./src/stages/${stage}` }).trimEnd();
  return `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
stages:
  - name: staging
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate:
     steps:
${render('staging')}
      - uses: git-push
        config: {path: ./out}
  - name: prod
    environment: production
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {stages: [staging]}
    promotionTemplate:
     steps:
${render('prod')}
      - uses: git-push
        as: push
        config: {path: ./out, generateTargetBranch: true}
      - uses: git-open-pr
        as: open-pr
        config:
          repoURL: ${gitops}
          sourceBranch: \${{ outputs.push.branch }}
          targetBranch: stage/\${{ ctx.stage }}
          labels: [promotion]
      - uses: git-wait-for-pr
        as: wait-for-pr
        if: \${{ status('open-pr') != 'Skipped' }}
${waitRetry}        config:
          repoURL: ${gitops}
          prNumber: \${{ outputs['open-pr'].pr.id }}
`;
}

const FILES = {
  'base/kustomization.yaml': 'resources: [deploy.yaml]\n',
  'base/deploy.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: echo\nspec:\n  template:\n    spec:\n      containers:\n        - name: echo\n          image: ghcr.io/acme/echo:0.9.0\n',
  'stages/staging/kustomization.yaml': 'namespace: staging\nresources: [../../base]\n',
  'stages/prod/kustomization.yaml': 'namespace: prod\nresources: [../../base]\n',
};

describe('a pull-request-gated production stage (Kargo PR flow)', () => {
  const tmp = tempDir();
  let server: GitHttpServer;
  let gh: FakeGitHub;
  let bare: string;
  let remote: string;
  let n = 0;
  const f1 = makeFreight('1.0.0', { createdAt: '2026-11-01T10:00:00.000Z' });

  // Each test's repository: the files and the freight made once and copied, then the project,
  // which names the test's own URL, committed on top.
  let template: string;
  beforeAll(async () => {
    server = await startGitHttpServer({
      root: tmp.path,
      auth: { username: 'x-access-token', password: TOKEN },
    });
    template = createBareRepo(join(tmp.path, 'template'), 'gitops', FILES);
    await seedFreight(template, 'echo', [f1]);
  });
  afterAll(async () => {
    await server.close();
    tmp.cleanup();
  });
  beforeEach(async () => {
    n++;
    remote = `${server.url}/acme${n}/gitops.git`;
    bare = join(tmp.path, `acme${n}`, 'gitops.git');
    cpSync(template, bare, { recursive: true });
    commitToBare(bare, 'main', { '.gantry/echo.yaml': project(remote) }, 'project');
    gh = await startFakeGitHub({ owner: `acme${n}`, repo: 'gitops', token: TOKEN, repoPath: bare });
  });
  afterEach(async () => {
    await gh.close();
  });

  const env = () => ({
    ...testGitEnv(tmp.path),
    GANTRY_CACHE_DIR: join(tmp.path, `cache${n}`),
    GITHUB_TOKEN: TOKEN,
    GITHUB_SERVER_URL: server.url,
    GITHUB_API_URL: gh.url,
    USER: 'alice',
  });
  const cli = (args: string[]) =>
    runGantry([...args, '--repo', remote], env(), () => new Date('2026-11-02T00:00:00Z'));

  test('prod is proposed, never pushed; merging the pull request is the promotion and verify continues the chain', async () => {
    expect((await cli(['promote', '--stage', 'staging'])).code).toBe(0);
    expect((await cli(['verify', '--stage', 'staging'])).code).toBe(0);

    const r = await cli(['promote', '--stage', 'prod']);
    expect(r.err).not.toContain('error');
    expect(r.code).toBe(0);
    expect(r.out).toContain('pull request #1');
    const pr = gh.pullRequests[0];
    expect(pr).toMatchObject({
      number: 1,
      head: 'gantry/promote/echo/prod',
      base: 'stage/prod',
      state: 'open',
      title: 'Updated ./src/base to use new image',
      labels: ['promotion'],
    });
    expect(pr?.body).toContain(
      `<!-- gantry:promotion project=echo stage=prod freight=${f1.id} -->`,
    );
    // The stage's branch holds only Kargo's empty first commit: nothing bypassed the review.
    expect(git(bare, ['log', '--format=%s', 'stage/prod']).trim()).toBe('Initial commit');
    expect(git(bare, ['ls-tree', 'stage/prod'])).toBe('');
    const head = 'gantry/promote/echo/prod';
    expect(git(bare, ['show', `${head}:prod-deployment-echo.yaml`])).toContain(
      'ghcr.io/acme/echo:1.0.0',
    );
    expect(git(bare, ['show', `${head}:.gantry/state/echo/prod.yaml`])).toContain(f1.id);
    // A proposal is not a deployment.
    expect(gh.deployments.filter((d) => d.environment === 'production')).toHaveLength(0);
    // gantry does not count it as running yet.
    const before = await cli(['verify', '--stage', 'prod']);
    expect(before.code).toBe(1);

    // The merge (what a reviewer does) lands it; the verify-merged job verifies it.
    await gh.mergePullRequest(1, 'merge');
    const verified = await cli(['verify', '--stage', 'prod', '--output', 'json']);
    expect(verified.err).toBe('');
    expect(verified.code).toBe(0);
    expect((JSON.parse(verified.out) as { commit: string }).commit).toBe(
      git(bare, ['rev-parse', 'stage/prod']).trim(),
    );
    expect(git(bare, ['tag', '--list', `gantry/echo/verified/prod/${f1.id}`]).trim()).not.toBe('');

    // Promoting again while the stage runs it: nothing to propose, no second pull request.
    const again = await cli(['promote', '--stage', 'prod', '--freight', f1.alias]);
    expect(again.code).toBe(0);
    expect(gh.pullRequests).toHaveLength(1);
  });

  test("prod's proposal: the workspace's git commands, none repeated", async () => {
    expect((await cli(['promote', '--stage', 'staging'])).code).toBe(0);
    expect((await cli(['verify', '--stage', 'staging'])).code).toBe(0);
    const r = await runGantry(
      ['promote', '--stage', 'prod', '--repo', remote],
      { ...env(), GANTRY_DEBUG: '1' },
      () => new Date('2026-11-02T00:00:00Z'),
    );
    expect(r.code).toBe(0);
    expect(gh.pullRequests).toHaveLength(1);
    const commands = r.err
      .split('\n')
      .filter((l) => /^debug: git .*\/promote-[^/)]+\//.test(l))
      .map((l) =>
        /^debug: git (?:-c \S+ )*(\S+)(?: (add|set))?/.exec(l)?.slice(1).filter(Boolean).join(' '),
      );
    // main and whether stage/prod exists, asked at once; the source, then stage/prod started by
    // create; one commit; its empty first commit and the proposal in one atomic push; the
    // message for the pull request. No rev-parse (HEAD is read from the ref file; a commit made
    // on the base differs from it), no rev-list (the first commit is the one create made).
    expect(commands).toEqual([
      'ls-remote',
      'reset',
      'commit-tree',
      'reset',
      'add',
      'commit',
      'push',
      'log',
    ]);
    const head = 'gantry/promote/echo/prod';
    expect(git(bare, ['log', '--format=%s', 'stage/prod']).trim()).toBe('Initial commit');
    expect(git(bare, ['rev-parse', `${head}^`]).trim()).toBe(
      git(bare, ['rev-parse', 'stage/prod']).trim(),
    );
    expect(gh.pullRequests[0]).toMatchObject({ head, base: 'stage/prod', state: 'open' });
  });

  test('a pull request merged within the wait completes the promotion in the job, with its deployment', async () => {
    const text = project(remote, '        retry: {timeout: 2m}\n').replace(
      "prNumber: ${{ outputs['open-pr'].pr.id }}",
      "prNumber: ${{ outputs['open-pr'].pr.id }}\n          pollInterval: 5s",
    );
    const loaded = await loadProjectsFromFiles([{ file: '.gantry/echo.yaml', text }]);
    expect(loaded.problems).toEqual([]);
    const p = loaded.projects[0];
    if (!p) throw new Error('no project');
    const store = () =>
      new StateStore({
        remote: parseRemote(remote, { kind: 'token', token: TOKEN }),
        cacheDir: join(tmp.path, `core${n}-${Math.random().toString(36).slice(2)}`),
        baseEnv: testGitEnv(tmp.path),
      });
    const api = new GitHubClient({
      token: TOKEN,
      apiUrl: gh.url,
      owner: `acme${n}`,
      repo: 'gitops',
    });
    const base = {
      project: p,
      registry: defaultRegistry(),
      dryRun: false,
      promotedBy: 'bob',
      clock: () => new Date('2026-11-02T00:00:00Z'),
      fetch,
      log: () => undefined,
      github: { repo: api, signCommits: false, deployments: true },
    };
    await promote({ ...base, stage: 'staging', store: store() });
    await store().recordVerification({
      project: 'echo',
      stage: 'staging',
      freightId: f1.id,
      alias: f1.alias,
      verifiedAt: '2026-11-02T00:00:00Z',
      verifiedBy: 'test',
    });
    // A reviewer merges while the job waits. The wait between looks is the pull request's
    // merge, not pollInterval's 5 s of idle wall (each wait is recorded, and must ask for 5 s).
    let merged: Promise<string> | undefined;
    const waits: number[] = [];
    const out = await promote({
      ...base,
      stage: 'prod',
      store: store(),
      sleep: async (ms) => {
        waits.push(ms);
        await merged;
      },
      log: (line) => {
        if (!merged && line.startsWith('git-open-pr: opened'))
          merged = gh.mergePullRequest(1, 'merge');
      },
    });
    expect(merged).toBeDefined();
    await merged;
    // At most one wait: the look before the merge landed, if the merge was not done by then.
    expect(waits.length).toBeLessThanOrEqual(1);
    expect(waits.every((w) => w === 5000)).toBe(true);
    const tip = git(bare, ['rev-parse', 'stage/prod']).trim();
    expect(out.result?.pullRequest).toBeUndefined();
    expect(out.result?.commit).toBe(tip);
    expect(out.deployment?.environment).toBe('production');
    expect(gh.deployments.find((d) => d.environment === 'production')?.sha).toBe(tip);
  });

  test('git-merge-pr merges the pull request it opened (squash); the squash commit carries the state and trailers', async () => {
    const text = project(remote).replace(
      '      - uses: git-wait-for-pr',
      `      - uses: git-merge-pr
        as: merge
        config:
          repoURL: ${remote}
          prNumber: \${{ outputs['open-pr'].pr.id }}
          mergeMethod: squash
      - uses: git-wait-for-pr`,
    );
    const loaded = await loadProjectsFromFiles([{ file: '.gantry/echo.yaml', text }]);
    expect(loaded.problems).toEqual([]);
    const p = loaded.projects[0];
    if (!p) throw new Error('no project');
    const api = new GitHubClient({
      token: TOKEN,
      apiUrl: gh.url,
      owner: `acme${n}`,
      repo: 'gitops',
    });
    const run = (stage: string) =>
      promote({
        project: p,
        stage,
        store: new StateStore({
          remote: parseRemote(remote, { kind: 'token', token: TOKEN }),
          cacheDir: join(tmp.path, `merge${n}-${stage}`),
          baseEnv: testGitEnv(tmp.path),
        }),
        registry: defaultRegistry(),
        dryRun: false,
        promotedBy: 'bob',
        clock: () => new Date('2026-11-02T00:00:00Z'),
        fetch,
        log: () => undefined,
        github: { repo: api, signCommits: false, deployments: true },
      });
    await run('staging');
    expect((await cli(['verify', '--stage', 'staging'])).code).toBe(0);
    const out = await run('prod');
    expect(gh.pullRequests[0]).toMatchObject({ state: 'closed', merged: true });
    const tip = git(bare, ['rev-parse', 'stage/prod']).trim();
    expect(out.result?.commit).toBe(tip);
    expect(git(bare, ['log', '-1', '--format=%s', 'stage/prod']).trim()).toBe(
      'Updated ./src/base to use new image (#1)',
    );
    expect(git(bare, ['log', '-1', '--format=%B', 'stage/prod'])).toContain(
      `Gantry-Freight: ${f1.id}`,
    );
    expect(git(bare, ['show', 'stage/prod:.gantry/state/echo/prod.yaml'])).toContain(f1.id);
    expect((await cli(['verify', '--stage', 'prod'])).code).toBe(0);
  });

  test("mode: pull-request turns the template's push to the stage's branch (started by create) into gantry's pull request", async () => {
    const text = project(remote).replace(
      '  - name: staging\n    requestedFreight:\n      - origin: {kind: Warehouse, name: echo}\n        sources: {direct: true}\n    promotionTemplate:\n',
      '  - name: staging\n    requestedFreight:\n      - origin: {kind: Warehouse, name: echo}\n        sources: {direct: true}\n    promotionTemplate:\n     mode: pull-request\n',
    );
    expect(text).toContain('mode: pull-request');
    const loaded = await loadProjectsFromFiles([{ file: '.gantry/echo.yaml', text }]);
    expect(loaded.problems).toEqual([]);
    const p = loaded.projects[0];
    if (!p) throw new Error('no project');
    const api = new GitHubClient({
      token: TOKEN,
      apiUrl: gh.url,
      owner: `acme${n}`,
      repo: 'gitops',
    });
    const out = await promote({
      project: p,
      stage: 'staging',
      store: new StateStore({
        remote: parseRemote(remote, { kind: 'token', token: TOKEN }),
        cacheDir: join(tmp.path, `mode${n}`),
        baseEnv: testGitEnv(tmp.path),
      }),
      registry: defaultRegistry(),
      dryRun: false,
      promotedBy: 'bob',
      clock: () => new Date('2026-11-02T00:00:00Z'),
      fetch,
      log: () => undefined,
      github: { repo: api, signCommits: false, deployments: true },
    });
    expect(out.result?.pullRequest?.number).toBe(1);
    // The branch create started holds its empty first commit only: the promotion is proposed.
    expect(git(bare, ['log', '--format=%s', 'stage/staging']).trim()).toBe('Initial commit');
    expect(gh.pullRequests[0]).toMatchObject({
      head: 'gantry/promote/echo/staging',
      base: 'stage/staging',
    });
    expect(gh.deployments).toHaveLength(0);
  });
});
