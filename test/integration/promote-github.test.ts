import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { parseRemote } from '../../src/git/index.js';
import { loadProjectsFromFiles } from '../../src/pipeline/load.js';
import { promote, type PromoteOptions } from '../../src/promotion/promote.js';
import { defaultRegistry } from '../../src/promotion/steps/registry.js';
import { GitHubClient } from '../../src/github/client.js';
import { StaleHeadError } from '../../src/github/port.js';
import { StateStore } from '../../src/state/index.js';
import { makeFreight } from '../support/freight.js';
import { startGitHttpServer, type GitHttpServer } from '../support/git-server.js';
import { startFakeGitHub, type FakeGitHub } from '../support/github-fake.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { runGantry } from '../support/cli.js';

/**
 * Promotions that reach GitHub: pull-request mode, signed commits, deployments and the run's
 * environment approvals. Git goes over smart HTTP with the token as credential; GitHub's API is
 * the local fake backed by the same bare repository, so PR heads, merges and signed commits are
 * real git objects.
 */

const PROJECT = (mode: string) => `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
stages:
  - name: dev
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate:
      mode: ${mode}
      steps:
        - uses: yaml-update
          config:
            path: env/dev/values.yaml
            updates:
              - {key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}
  - name: prod
    environment: production
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: yaml-update
          config:
            path: env/prod/values.yaml
            updates:
              - {key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}
`;

const VALUES = '# echo\nimage:\n  tag: 0.9.0 # set by gantry\n';
const TOKEN = 'ghs_promoteGitHubToken123';

describe('promote on GitHub', () => {
  const tmp = tempDir();
  let server: GitHttpServer;
  let gh: FakeGitHub;
  let bare: string;
  let remote: string;
  const f1 = makeFreight('1.0.0', { createdAt: '2026-11-01T10:00:00.000Z' });
  const f2 = makeFreight('1.1.0', { createdAt: '2026-11-01T11:00:00.000Z' });
  const f3 = makeFreight('1.2.0', { createdAt: '2026-11-01T12:00:00.000Z' });
  let n = 0;

  // Every test starts from the same repository with the same three freight: made once, copied.
  let template: string;
  beforeAll(async () => {
    server = await startGitHttpServer({
      root: tmp.path,
      auth: { username: 'x-access-token', password: TOKEN },
    });
    template = createBareRepo(join(tmp.path, 'template'), 'gitops', {
      '.gantry/echo.yaml': PROJECT('pull-request'),
      'env/dev/values.yaml': VALUES,
      'env/prod/values.yaml': VALUES,
    });
    const store = new StateStore({
      remote: parseRemote(`file://${template}`),
      cacheDir: join(tmp.path, 'seed'),
      baseEnv: testGitEnv(tmp.path),
    });
    for (const f of [f1, f2, f3]) await store.recordFreight('echo', f);
  });
  afterAll(async () => {
    await server.close();
    tmp.cleanup();
  });

  beforeEach(async () => {
    n++;
    bare = join(tmp.path, `acme${n}`, 'gitops.git');
    cpSync(template, bare, { recursive: true });
    remote = `${server.url}/acme${n}/gitops.git`;
    gh = await startFakeGitHub({
      owner: `acme${n}`,
      repo: 'gitops',
      token: TOKEN,
      repoPath: bare,
    });
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

  const api = () =>
    new GitHubClient({ token: TOKEN, apiUrl: gh.url, owner: `acme${n}`, repo: 'gitops' });

  /** promote() of a direct-mode project over HTTP with the token, as the promote action runs it. */
  async function promoteDirect(
    over: Pick<PromoteOptions, 'stage' | 'freight' | 'github'> & Partial<PromoteOptions>,
  ) {
    const project = (
      await loadProjectsFromFiles([{ file: '.gantry/echo.yaml', text: PROJECT('direct') }])
    ).projects[0];
    if (!project) throw new Error('project did not load');
    return promote({
      project,
      store: new StateStore({
        remote: parseRemote(remote, { kind: 'token', token: TOKEN }),
        cacheDir: join(tmp.path, `direct-${over.stage}-${Math.random().toString(36).slice(2)}`),
        baseEnv: testGitEnv(tmp.path),
      }),
      registry: defaultRegistry(),
      dryRun: false,
      promotedBy: 'bob',
      clock: () => new Date('2026-11-02T00:00:00Z'),
      fetch,
      log: () => undefined,
      ...over,
    });
  }

  test('pull-request mode: one PR per stage, updated in place; merging it is the promotion', async () => {
    const main = git(bare, ['rev-parse', 'main']).trim();
    const first = await cli(['promote', '--stage', 'dev', '--freight', f2.alias]);
    expect(first.err).not.toContain('warning');
    expect(first.code).toBe(0);
    expect(first.out).toContain(`opened pull request #1 to promote ${f2.alias}`);
    // Nothing reached the stage's branch yet.
    expect(git(bare, ['rev-parse', 'main']).trim()).toBe(main);
    const pr = gh.pullRequests[0];
    expect(pr).toMatchObject({
      number: 1,
      head: 'gantry/promote/echo/dev',
      base: 'main',
      state: 'open',
      title: `promote(echo/dev): ${f2.alias}`,
    });
    // The stage ran nothing gantry knows of before: no old version.
    expect(pr?.body).toContain('| `ghcr.io/acme/echo` | — | `1.1.0` |');
    expect(pr?.body).toContain('- env/dev/values.yaml: image.tag 0.9.0 → 1.1.0');
    expect(pr?.body).toContain('Merging this pull request is the promotion');
    const head = 'gantry/promote/echo/dev';
    expect(git(bare, ['show', `${head}:env/dev/values.yaml`])).toBe(
      VALUES.replace('0.9.0', '1.1.0'),
    );
    expect(git(bare, ['rev-parse', `${head}^`]).trim()).toBe(main);
    // No deployment for a proposal.
    expect(gh.deployments).toHaveLength(0);

    // The same freight again: the PR and its branch stay as they are (reviews are not reset).
    const headBefore = git(bare, ['rev-parse', head]).trim();
    const again = await cli(['promote', '--stage', 'dev', '--freight', f2.alias]);
    expect(again.out).toContain('updated pull request #1');
    expect(git(bare, ['rev-parse', head]).trim()).toBe(headBefore);

    // Newer freight replaces the proposal in the same PR.
    const third = await cli(['promote', '--stage', 'dev', '--freight', f3.alias]);
    expect(third.code).toBe(0);
    expect(third.out).toContain('updated pull request #1');
    expect(gh.pullRequests).toHaveLength(1);
    expect(gh.pullRequests[0]?.title).toBe(`promote(echo/dev): ${f3.alias}`);
    expect(git(bare, ['show', `${head}:env/dev/values.yaml`])).toContain('tag: 1.2.0');

    // Merge: now the stage runs it, as gantry reads it.
    await gh.mergePullRequest(1, 'merge');
    const stages = await cli(['get', 'stages', '--output', 'json']);
    const dev = (JSON.parse(stages.out) as { stages: { name: string }[] }).stages.find(
      (s) => s.name === 'dev',
    );
    expect(JSON.stringify(dev)).toContain(f3.id);
    const history = await cli(['get', 'promotions', '--output', 'json']);
    expect(history.out).toContain(f3.id);

    // Verify after the merge: the commit verified, and deployed, is the merge commit on main,
    // the revision Argo CD syncs, not the pull request's head.
    const verified = await cli(['verify', '--stage', 'dev', '--output', 'json']);
    expect(verified.code).toBe(0);
    const tip = git(bare, ['rev-parse', 'main']).trim();
    expect(git(bare, ['rev-list', '--parents', '-n1', 'main']).trim().split(' ')).toHaveLength(3);
    expect((JSON.parse(verified.out) as { commit: string }).commit).toBe(tip);
    expect(gh.deployments.map((d) => [d.sha, d.environment])).toEqual([[tip, 'dev']]);
    expect(gh.deployments[0]?.statuses.map((x) => x.state)).toEqual(['success']);
  });

  test('signed commits in pull-request mode keep one pull request open across proposals', async () => {
    const head = 'gantry/promote/echo/dev';
    const first = await cli(['promote', '--stage', 'dev', '--freight', f2.alias, '--sign-commits']);
    expect(first.code).toBe(0);
    expect(first.out).toContain('opened pull request #1');
    const second = await cli([
      'promote',
      '--stage',
      'dev',
      '--freight',
      f3.alias,
      '--sign-commits',
    ]);
    expect(second.err).not.toContain('warning');
    expect(second.code).toBe(0);
    expect(second.out).toContain('updated pull request #1');
    // GitHub closes a pull request whose branch is reset to its base: it must stay open.
    expect(gh.pullRequests.map((p) => [p.number, p.state])).toEqual([[1, 'open']]);
    const [sha, committer] = git(bare, ['log', '-1', '--format=%H%n%cn', head]).trim().split('\n');
    expect(committer).toBe('GitHub');
    expect(git(bare, ['rev-parse', `${head}^`]).trim()).toBe(
      git(bare, ['rev-parse', 'main']).trim(),
    );
    expect(git(bare, ['show', `${head}:env/dev/values.yaml`])).toContain('tag: 1.2.0');
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    // The scratch branches the signed commits were made on are gone.
    expect(git(bare, ['branch', '--list', 'gantry/*']).trim()).toBe(head);
  });

  test('signed commits in direct mode go through createCommitOnBranch and keep the trailers', async () => {
    const r = await cli(['promote', '--stage', 'prod', '--freight', f2.alias, '--sign-commits']);
    expect(r.err).not.toContain('warning');
    expect(r.code).toBe(0);
    const graphql = gh.requests.filter((q) => q.path === '/graphql');
    expect(graphql).toHaveLength(1);
    const tip = git(bare, ['log', '-1', '--format=%H%n%cn%n%B', 'main']);
    const [sha, committer, ...message] = tip.split('\n');
    expect(r.out).toContain(`commit ${sha?.slice(0, 7)} on main`);
    expect(committer).toBe('GitHub');
    expect(message.join('\n')).toContain(`Gantry-Freight: ${f2.id}`);
    expect(git(bare, ['show', 'main:env/prod/values.yaml'])).toContain('tag: 1.1.0');
    expect(git(bare, ['show', 'main:.gantry/state/echo/prod.yaml'])).toContain(f2.id);
  });

  test('a signed commit whose answer was lost counts as published, not as a race or no change', async () => {
    // GitHub made the commit, but the answer never arrived; the retry then finds the branch moved.
    class LostAnswer extends GitHubClient {
      lost = 0;
      override async createCommitOnBranch(
        a: Parameters<GitHubClient['createCommitOnBranch']>[0],
      ): Promise<{ oid: string; url: string }> {
        const made = await super.createCommitOnBranch(a);
        if (this.lost++ > 0) return made;
        throw new StaleHeadError(
          `Expected branch to point to "${a.expectedHeadOid}" but it did not.  Pull and try again.`,
        );
      }
    }
    const lossy = new LostAnswer({
      token: TOKEN,
      apiUrl: gh.url,
      owner: `acme${n}`,
      repo: 'gitops',
    });
    const before = git(bare, ['rev-parse', 'main']).trim();
    const outcome = await promoteDirect({
      stage: 'prod',
      freight: f2.alias,
      github: { repo: lossy, signCommits: true, deployments: true },
    });
    const tip = git(bare, ['rev-parse', 'main']).trim();
    expect(git(bare, ['rev-parse', 'main^']).trim()).toBe(before);
    expect(outcome.result).toMatchObject({ changed: true, commit: tip, attempts: 1 });
    expect(lossy.lost).toBe(1);
    expect(gh.deployments.map((d) => d.sha)).toEqual([tip]);
  });

  test('a deployment of the stage environment records the freight; approvers become trailers', async () => {
    const runApi = api();
    gh.setRunApprovals(4242, [
      { login: 'carol', state: 'approved', comment: 'ship it', environments: ['production'] },
      { login: 'dave', state: 'approved', comment: '', environments: ['staging'] },
    ]);
    gh.setEnvironment('production', { reviewers: ['carol', 'team:sre'] });
    const outcome = await promoteDirect({
      stage: 'prod',
      freight: f2.alias,
      run: 'https://github.com/acme/gitops/actions/runs/4242',
      github: { repo: runApi, signCommits: false, deployments: true },
      gate: { api: runApi, id: 4242 },
    });
    expect(outcome.warnings).toEqual([]);
    expect(outcome.approvedBy).toEqual(['carol']);
    expect(
      git(bare, ['log', '-1', '--format=%(trailers:key=Approved-By,valueonly)', 'main']).trim(),
    ).toBe('carol');
    const d = gh.deployments[0];
    expect(d).toMatchObject({ sha: outcome.result?.commit, environment: 'production' });
    expect(d?.description).toBe(`${f2.alias}: echo: 1.1.0`);
    expect(d?.payload).toMatchObject({
      gantry: { project: 'echo', stage: 'prod', freight: { id: f2.id, alias: f2.alias } },
    });
    expect(d?.statuses.map((s) => s.state)).toEqual(['in_progress']);
    expect(d?.statuses[0]?.logUrl).toBe('https://github.com/acme/gitops/actions/runs/4242');
  });

  test('a token GitHub refuses deployments to warns; the promotion stands', async () => {
    gh.answerNext(403, {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/deployments/deployments#create-a-deployment',
      status: '403',
    });
    const outcome = await promoteDirect({
      stage: 'dev',
      freight: f1.alias,
      github: { repo: api(), signCommits: false, deployments: true },
    });
    expect(outcome.result?.changed).toBe(true);
    expect(outcome.warnings.join('\n')).toMatch(
      /the promotion landed, but GitHub did not record its deployment: .*Resource not accessible by integration/,
    );
    expect(outcome.warnings.join('\n')).not.toContain(TOKEN);
    expect(git(bare, ['show', 'main:env/dev/values.yaml'])).toContain('tag: 1.0.0');
  });

  test('pull-request mode without GitHub is a usage error that says what is missing', async () => {
    let err = '';
    const code = await runCli(['promote', '--stage', 'dev', '--repo', `file://${bare}`], {
      out: () => undefined,
      err: (t) => (err += t),
      env: { ...testGitEnv(tmp.path), GANTRY_CACHE_DIR: join(tmp.path, `nogh${n}`) },
      now: () => new Date('2026-11-02T00:00:00Z'),
    });
    expect(code).toBe(2);
    expect(err).toContain('promotes by pull request, which needs the GitOps repository on GitHub');
  });
});
