import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest';
import { GitHubClient } from '../../src/github/client.js';
import { parseRemote } from '../../src/git/index.js';
import { loadProjectsFromFiles } from '../../src/pipeline/load.js';
import { GateRefusedError, linksToRun } from '../../src/promotion/gate.js';
import { promote } from '../../src/promotion/promote.js';
import { defaultRegistry } from '../../src/promotion/steps/registry.js';
import { StateStore } from '../../src/state/index.js';
import { makeFreight } from '../support/freight.js';
import { startFakeGitHub, type FakeGitHub } from '../support/github-fake.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { seedFreight } from '../support/seed-freight.js';

/**
 * The promote action checks that its run passed the environment that gates the stage, before
 * anything is committed. The drift this guards against: the README's project gives prod
 * `environment: production`, the workflow runs the job under `prod`, and production's required
 * reviewers never see the promotion. GitHub's side is the fake: environments with protection
 * rules, the run's approvals, and the deployment GitHub makes for a job that runs under an
 * environment (statuses linking to the run).
 */

const PROJECT = `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
stages:
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

const RUN = 7001;
const TOKEN = 'ghs_gateTestToken';

describe('the promote gate', () => {
  const tmp = tempDir();
  let gh: FakeGitHub;
  let bare: string;
  let n = 0;
  const f1 = makeFreight('1.0.0', { createdAt: '2026-11-01T10:00:00.000Z' });

  beforeEach(async () => {
    n++;
    bare = createBareRepo(join(tmp.path, `r${n}`), 'gitops', {
      '.gantry/echo.yaml': PROJECT,
      'env/prod/values.yaml': 'image:\n  tag: 0.9.0\n',
    });
    gh = await startFakeGitHub({ owner: 'acme', repo: 'gitops', token: TOKEN, repoPath: bare });
    await seedFreight(bare, 'echo', [f1]);
  });
  afterEach(() => gh.close());
  afterAll(() => tmp.cleanup());

  const api = () =>
    new GitHubClient({ token: TOKEN, apiUrl: gh.url, owner: 'acme', repo: 'gitops' });
  const tip = () => git(bare, ['rev-parse', 'main']).trim();

  async function promoteProd(opts: { dryRun?: boolean; sha?: string } = {}) {
    const project = (await loadProjectsFromFiles([{ file: '.gantry/echo.yaml', text: PROJECT }]))
      .projects[0]!;
    const logs: string[] = [];
    const outcome = await promote({
      project,
      stage: 'prod',
      freight: f1.alias,
      store: new StateStore({
        remote: parseRemote(`file://${bare}`),
        cacheDir: join(tmp.path, `cache${n}-${Math.random().toString(36).slice(2)}`),
        baseEnv: testGitEnv(tmp.path),
      }),
      registry: defaultRegistry(),
      dryRun: opts.dryRun ?? false,
      promotedBy: 'octocat',
      run: `https://github.com/acme/gitops/actions/runs/${RUN}`,
      clock: () => new Date('2026-11-02T00:00:00Z'),
      fetch,
      log: (l) => logs.push(l),
      github: { repo: api(), signCommits: false, deployments: true },
      gate: { api: api(), id: RUN, ...(opts.sha ? { sha: opts.sha } : {}) },
    });
    return { outcome, logs };
  }

  test('the drift: production has required reviewers, the job ran under prod: refused, nothing committed', async () => {
    gh.setEnvironment('production', { reviewers: ['carol'] });
    await gh.startJob({ runId: RUN, environment: 'prod' });
    gh.setRunApprovals(RUN, []);
    const before = tip();
    const err = await promoteProd().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GateRefusedError);
    const msg = (err as Error).message;
    expect(msg).toContain(
      'stage prod is gated by environment production (required reviewers (carol))',
    );
    expect(msg).toContain(`run ${RUN} did not pass that gate: the job ran under environment prod`);
    expect(msg).toContain('Nothing was committed');
    expect(tip()).toBe(before);
    // No deployment of gantry's: only the one GitHub made for the job.
    expect(gh.deployments.map((d) => d.environment)).toEqual(['prod']);
  });

  test('a dry run is refused the same way', async () => {
    gh.setEnvironment('production', { reviewers: ['carol'] });
    await gh.startJob({ runId: RUN, environment: 'prod' });
    gh.setRunApprovals(RUN, []);
    await expect(promoteProd({ dryRun: true })).rejects.toThrow(GateRefusedError);
  });

  test('a job that ran under no environment is refused and told so', async () => {
    gh.setEnvironment('production', { waitTimer: 10 });
    gh.setRunApprovals(RUN, []);
    await expect(promoteProd()).rejects.toThrow(
      'the job ran under no environment that GitHub shows for this run',
    );
  });

  test('approved for production: promoted, the approver recorded', async () => {
    gh.setEnvironment('production', { reviewers: ['carol'] });
    const job = await gh.startJob({ runId: RUN, environment: 'production' });
    gh.setRunApprovals(RUN, [{ login: 'carol', state: 'approved', environments: ['production'] }]);
    const { outcome, logs } = await promoteProd({ sha: job.sha });
    expect(outcome.warnings).toEqual([]);
    expect(outcome.approvedBy).toEqual(['carol']);
    expect(logs).toContain('gate passed: environment production approved by carol');
    expect(git(bare, ['show', 'main:env/prod/values.yaml'])).toContain('tag: 1.0.0');
  });

  test('a wait timer alone (no reviews to read): the run deployment GitHub made shows the job ran under it', async () => {
    gh.setEnvironment('production', { waitTimer: 5 });
    const job = await gh.startJob({ runId: RUN, environment: 'production' });
    gh.setRunApprovals(RUN, []);
    const { outcome, logs } = await promoteProd({ sha: job.sha });
    expect(outcome.warnings).toEqual([]);
    expect(logs).toContain("gate passed: this run's job ran under environment production");
    expect(outcome.result?.changed).toBe(true);
  });

  test('an administrator bypassed the reviewers: no approval, but the job ran under the environment', async () => {
    gh.setEnvironment('production', { reviewers: ['carol'], protectedBranches: true });
    await gh.startJob({ runId: RUN, environment: 'production' });
    gh.setRunApprovals(RUN, []);
    const { outcome } = await promoteProd();
    expect(outcome.result?.changed).toBe(true);
  });

  test("gantry's own deployment of the environment from an earlier attempt of the run does not count", async () => {
    gh.setEnvironment('production', { reviewers: ['carol'] });
    // Attempt one was approved and promoted (its deployment links to the run); the re-run
    // attempt's job runs under prod.
    const job = await gh.startJob({ runId: RUN, environment: 'production' });
    gh.setRunApprovals(RUN, [{ login: 'carol', state: 'approved', environments: ['production'] }]);
    await promoteProd({ sha: job.sha });
    gh.deployments.splice(0, 1); // GitHub's deployment of attempt one's job is not what counts
    gh.setRunApprovals(RUN, []);
    await gh.startJob({ runId: RUN, environment: 'prod' });
    expect(gh.deployments.some((d) => d.environment === 'production')).toBe(true);
    await expect(promoteProd()).rejects.toThrow('the job ran under environment prod');
  });

  test('an environment without protection rules gates nothing: promoted, with a note', async () => {
    gh.setEnvironment('production');
    gh.setRunApprovals(RUN, []);
    const { outcome, logs } = await promoteProd();
    expect(outcome.warnings).toEqual([]);
    expect(logs).toContain('environment production of stage prod has no protection rules');
    expect(outcome.result?.changed).toBe(true);
  });

  test('an environment that does not exist: promoted, with a warning that nothing gates the stage', async () => {
    gh.setRunApprovals(RUN, []);
    const { outcome } = await promoteProd();
    expect(outcome.warnings).toEqual([
      expect.stringContaining(
        'stage prod is gated by environment production, which does not exist in this repository, so nothing gates it',
      ),
    ]);
    expect(outcome.result?.changed).toBe(true);
  });

  test('a token without actions: read: warnings, never a silent pass', async () => {
    gh.setEnvironment('production', { reviewers: ['carol'] });
    gh.setRunApprovals(RUN, []);
    // GitHub's answer to GITHUB_TOKEN without the permission, for the approvals and the
    // environment alike.
    for (let i = 0; i < 2; i++) {
      gh.answerNext(403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest',
        status: '403',
      });
    }
    const { outcome } = await promoteProd();
    expect(outcome.warnings).toContainEqual(
      expect.stringContaining(`could not read the approvals of run ${RUN}`),
    );
    expect(outcome.warnings).toContainEqual(
      expect.stringMatching(
        /^the gate of stage prod was not checked: could not read environment production's protection rules \(could not read environment production of acme\/gitops: HTTP 403: Resource not accessible by integration \(the token needs the actions: read permission\)\)$/,
      ),
    );
  });

  test('a job status links to its run by id, not by prefix', () => {
    expect(linksToRun('https://github.com/a/b/actions/runs/7001/job/9', 7001)).toBe(true);
    expect(linksToRun('https://github.com/a/b/actions/runs/7001', 7001)).toBe(true);
    expect(linksToRun('https://github.com/a/b/actions/runs/70011/job/9', 7001)).toBe(false);
    expect(linksToRun('', 7001)).toBe(false);
  });
});
