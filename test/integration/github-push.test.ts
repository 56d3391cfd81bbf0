/**
 * Kargo's github-push through `gantry promote`: the stage's commit is made by GitHub's API
 * (createCommitOnBranch on the GitHub fake, backed by the same bare repository), so GitHub is its
 * committer and signs it; with generateTargetBranch the pull request's head is made the same way.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { makeFreight } from '../support/freight.js';
import { startGitHttpServer, type GitHttpServer } from '../support/git-server.js';
import { startFakeGitHub, type FakeGitHub } from '../support/github-fake.js';
import { quickstartSteps } from '../support/kargo.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { seedFreight } from '../support/seed-freight.js';
import { runGantry } from '../support/cli.js';

const TOKEN = 'ghs_githubPushToken789';

function project(gitops: string): string {
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
      - uses: github-push
        as: push
        config: {path: ./out}
      - uses: compose-output
        as: pushed
        config:
          branch: \${{ outputs.push.branch }}
          commit: \${{ outputs.push.commit }}
  - name: prod
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate:
     steps:
${render('prod')}
      - uses: github-push
        as: push
        config: {path: ./out, generateTargetBranch: true}
      - uses: git-open-pr
        as: open-pr
        config:
          repoURL: ${gitops}
          sourceBranch: \${{ outputs.push.branch }}
          targetBranch: stage/\${{ ctx.stage }}
`;
}

const FILES = {
  'base/kustomization.yaml': 'resources: [deploy.yaml]\n',
  'base/deploy.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: echo\nspec:\n  template:\n    spec:\n      containers:\n        - name: echo\n          image: ghcr.io/acme/echo:0.9.0\n',
  'stages/staging/kustomization.yaml': 'namespace: staging\nresources: [../../base]\n',
  'stages/prod/kustomization.yaml': 'namespace: prod\nresources: [../../base]\n',
};

describe('github-push (Kargo): the stage commit made through GitHub', () => {
  const tmp = tempDir();
  let server: GitHttpServer;
  let gh: FakeGitHub;
  let bare: string;
  let remote: string;
  let n = 0;
  const f1 = makeFreight('1.0.0', { createdAt: '2026-11-01T10:00:00.000Z' });

  beforeAll(async () => {
    server = await startGitHttpServer({
      root: tmp.path,
      auth: { username: 'x-access-token', password: TOKEN },
    });
  });
  afterAll(async () => {
    await server.close();
    tmp.cleanup();
  });
  beforeEach(async () => {
    n++;
    remote = `${server.url}/acme${n}/gitops.git`;
    bare = createBareRepo(join(tmp.path, `acme${n}`), 'gitops', {
      '.gantry/echo.yaml': project(remote),
      ...FILES,
    });
    gh = await startFakeGitHub({ owner: `acme${n}`, repo: 'gitops', token: TOKEN, repoPath: bare });
    await seedFreight(bare, 'echo', [f1]);
  });
  afterEach(async () => {
    await gh.close();
  });

  const env = (over: Record<string, string> = {}) => ({
    ...testGitEnv(tmp.path),
    GANTRY_CACHE_DIR: join(tmp.path, `cache${n}`),
    GITHUB_TOKEN: TOKEN,
    GITHUB_SERVER_URL: server.url,
    GITHUB_API_URL: gh.url,
    USER: 'alice',
    ...over,
  });
  const cli = (args: string[], over: Record<string, string> = {}) =>
    runGantry([...args, '--repo', remote], env(over), () => new Date('2026-11-02T00:00:00Z'));
  const graphqlCalls = () => gh.requests.filter((r) => r.path === '/graphql').length;

  test("Kargo's common usage: the rendered commit lands on stage/staging with GitHub as committer", async () => {
    const r = await cli(['promote', '--stage', 'staging', '--output', 'json']);
    expect(r.err).not.toContain('error');
    expect(r.code).toBe(0);
    const [committer, parents] = git(bare, ['log', '-1', '--format=%cn <%ce>%n%P', 'stage/staging'])
      .trim()
      .split('\n');
    expect(committer).toBe('GitHub <noreply@github.com>');
    // On the branch's first (empty) commit, as Kargo's clone with create made it.
    expect(git(bare, ['log', '--format=%s', `${parents}`]).trim()).toBe('Initial commit');
    expect(git(bare, ['show', 'stage/staging:staging-deployment-echo.yaml'])).toContain(
      'ghcr.io/acme/echo:1.0.0',
    );
    expect(git(bare, ['show', 'stage/staging:.gantry/state/echo/staging.yaml'])).toContain(f1.id);
    expect(graphqlCalls()).toBe(1);
    // The promotion reports GitHub's commit (the one on the branch), not the checkout's.
    expect((JSON.parse(r.out) as { commit: string }).commit).toBe(
      git(bare, ['rev-parse', 'stage/staging']).trim(),
    );
  });

  test("Kargo's pull-request usage: the generated branch's commit is GitHub's too", async () => {
    const r = await cli(['promote', '--stage', 'prod']);
    expect(r.err).not.toContain('error');
    expect(r.code).toBe(0);
    const head = 'gantry/promote/echo/prod';
    expect(gh.pullRequests[0]).toMatchObject({ head, base: 'stage/prod', state: 'open' });
    expect(git(bare, ['log', '-1', '--format=%cn', head]).trim()).toBe('GitHub');
    expect(git(bare, ['rev-parse', `${head}^`]).trim()).toBe(
      git(bare, ['rev-parse', 'stage/prod']).trim(),
    );
    expect(git(bare, ['show', `${head}:prod-deployment-echo.yaml`])).toContain(
      'ghcr.io/acme/echo:1.0.0',
    );
  });

  test('a GitOps repository not on GitHub: it fails naming what it needs, and nothing lands', async () => {
    // A GitOps repository reached by its file:// path: there is no GitHub API for it.
    const root = join(tmp.path, `local${n}`);
    const local = createBareRepo(root, 'gitops', {
      '.gantry/echo.yaml': project(`file://${join(root, 'gitops.git')}`),
      ...FILES,
    });
    await seedFreight(local, 'echo', [f1]);
    const before = git(local, ['for-each-ref', '--format=%(refname) %(objectname)']);
    const r = await runGantry(
      ['promote', '--stage', 'staging', '--repo', `file://${local}`],
      env(),
      () => new Date('2026-11-02T00:00:00Z'),
    );
    expect(r.code).not.toBe(0);
    expect(r.err).toContain(
      'github-push: ./out must be a checkout of the GitOps repository on GitHub',
    );
    expect(git(local, ['for-each-ref', '--format=%(refname) %(objectname)'])).toBe(before);
  });
});
