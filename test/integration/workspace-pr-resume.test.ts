/**
 * Kargo's pull-request template as its docs write it: git-push (generateTargetBranch) →
 * git-open-pr → git-wait-for-pr → argocd-update at the merge commit. The pull request is not
 * merged within the job's wait, so the promotion ends pending; once it is merged, the steps after
 * the wait run (`gantry promote --resume-pull-request`, what the verify-merged job of `gantry
 * init`'s workflow runs), with the merge commit as the wait's output. GitHub and Argo CD are the
 * local fakes; git is real, over smart HTTP.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { runAction } from '../../src/actions/run.js';
import { GitHubClient } from '../../src/github/client.js';
import { parseResumeRecord } from '../../src/promotion/resume.js';
import { seedFreight } from '../support/seed-freight.js';
import { startFakeArgoCD, type FakeArgoCD } from '../support/argocd-fake.js';
import { recordedSleep, runGantry } from '../support/cli.js';
import { makeFreight } from '../support/freight.js';
import { startGitHttpServer, type GitHttpServer } from '../support/git-server.js';
import { startFakeGitHub, type FakeGitHub } from '../support/github-fake.js';
import { quickstartSteps } from '../support/kargo.js';
import { commitToBare, createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { recordedTimeouts } from '../support/timers.js';

const TOKEN = 'ghs_resumeAfterMergeToken9';
const ARGO_TOKEN = 'argocd-resume-t0ken';

function project(gitops: string): string {
  return `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
stages:
  - name: prod
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate:
     steps:
${quickstartSteps(6, { repoURL: gitops, build: './src/stages/prod' }).trimEnd()}
      - uses: git-push
        as: push
        config: {path: ./out, generateTargetBranch: true}
      - uses: git-open-pr
        as: open-pr
        config:
          repoURL: ${gitops}
          sourceBranch: \${{ outputs.push.branch }}
          targetBranch: stage/\${{ ctx.stage }}
      - uses: git-wait-for-pr
        as: wait-for-pr
        config:
          repoURL: ${gitops}
          prNumber: \${{ outputs['open-pr'].pr.id }}
      - uses: argocd-update
        config:
          apps:
            - name: echo-prod
              sources:
                - repoURL: ${gitops}
                  desiredRevision: \${{ outputs['wait-for-pr'].commit }}
                  updateTargetRevision: true
      - uses: compose-output
        as: done
        config:
          pr: \${{ outputs['open-pr'].pr.id }}
`;
}

const FILES = {
  'base/kustomization.yaml': 'resources: [deploy.yaml]\n',
  'base/deploy.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: echo\nspec:\n  template:\n    spec:\n      containers:\n        - name: echo\n          image: ghcr.io/acme/echo:0.9.0\n',
  'stages/prod/kustomization.yaml': 'namespace: prod\nresources: [../../base]\n',
};

describe('steps after git-wait-for-pr run once the pull request is merged', () => {
  const tmp = tempDir();
  let server: GitHttpServer;
  let gh: FakeGitHub;
  let argo: FakeArgoCD;
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
    argo = await startFakeArgoCD({ token: ARGO_TOKEN });
    argo.setApp({
      name: 'echo-prod',
      annotations: { 'kargo.akuity.io/authorized-stage': 'echo:prod' },
      timeline: [{ sync: 'Synced', revision: 'old', health: 'Healthy' }],
      spec: { source: { repoURL: remote, path: '.', targetRevision: 'stage/prod' } },
    });
  });
  afterEach(async () => {
    await gh.close();
    await argo.close();
  });

  const env = () => ({
    ...testGitEnv(tmp.path),
    GANTRY_CACHE_DIR: join(tmp.path, `cache${n}`),
    GITHUB_TOKEN: TOKEN,
    GITHUB_SERVER_URL: server.url,
    GITHUB_API_URL: gh.url,
    ARGOCD_SERVER: argo.url,
    ARGOCD_AUTH_TOKEN: ARGO_TOKEN,
    USER: 'alice',
  });
  // argocd-update's polls, recorded and passed at once: the fake Argo CD moves on per request.
  let polls = recordedSleep();
  beforeEach(() => {
    polls = recordedSleep();
  });
  const cli = (args: string[]) =>
    runGantry(
      [...args, '--repo', remote],
      env(),
      () => new Date('2026-11-02T00:00:00Z'),
      polls.sleep,
    );

  test('pending, then merged: argocd-update syncs the app to the merge commit', async () => {
    const r = await cli(['promote', '--stage', 'prod']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('pull request #1');
    // Nothing after the wait ran: Argo CD was not asked to sync.
    expect(argo.syncs('echo-prod')).toEqual([]);
    // The record says to go on after step 8 (index 7), git-wait-for-pr.
    const record = parseResumeRecord(gh.pullRequests[0]?.body ?? '');
    expect(record).toMatchObject({ project: 'echo', stage: 'prod', freight: f1.id, wait: 7 });
    expect(record?.outputs['open-pr']).toEqual({ pr: { id: 1, url: expect.any(String) } });

    // Resuming before the merge changes nothing and says why.
    const early = await cli(['promote', '--stage', 'prod', '--resume-pull-request', '1']);
    expect(early.code).not.toBe(0);
    expect(early.err).toContain('pull request #1 is not merged yet');
    expect(argo.syncs('echo-prod')).toEqual([]);

    await gh.mergePullRequest(1, 'merge');
    const merge = git(bare, ['rev-parse', 'stage/prod']).trim();
    const resumed = await cli([
      'promote',
      '--stage',
      'prod',
      '--resume-pull-request',
      '1',
      '--output',
      'json',
    ]);
    expect(resumed.code).toBe(0);
    // Progress: only the steps after the wait ran.
    expect(resumed.err).toContain('step 9 (argocd-update): done');
    expect(resumed.err).toContain('step 10 (compose-output "done"): done');
    expect(resumed.err).not.toMatch(/step [1-8] /);
    expect(JSON.parse(resumed.out)).toMatchObject({
      pullRequest: { number: 1 },
      freight: { id: f1.id },
      statuses: ['Succeeded', 'Succeeded'],
    });
    // The wait's output is the merge commit; argocd-update set and synced it.
    expect(argo.live('echo-prod').spec).toMatchObject({ source: { targetRevision: merge } });
    expect(argo.syncs('echo-prod')).toHaveLength(1);
    expect(argo.syncs('echo-prod')[0]?.revisions).toEqual([merge]);
    // Asked again once, Kargo's 5 s later, while the sync it started was still requested.
    expect(polls.waits).toEqual([5000]);
    // The sync is marked with the promotion that went pending, as Kargo marks its own.
    expect(argo.syncs('echo-prod')[0]?.infos).toContainEqual({
      name: 'gantry.io/promotion',
      value: record?.promotion,
    });
  });

  test('the promote action with resume-pull-request (the verify-merged job) runs the rest', async () => {
    expect((await cli(['promote', '--stage', 'prod'])).code).toBe(0);
    await gh.mergePullRequest(1, 'merge');
    const merge = git(bare, ['rev-parse', 'stage/prod']).trim();

    const out = join(tmp.path, `action-output-${n}`);
    writeFileSync(out, '');
    writeFileSync(`${out}-summary`, '');
    const runnerEnv: Record<string, string> = {
      ...testGitEnv(tmp.path),
      GANTRY_CACHE_DIR: join(tmp.path, `action-cache${n}`),
      GITHUB_OUTPUT: out,
      GITHUB_STEP_SUMMARY: `${out}-summary`,
      GITHUB_REPOSITORY: `acme${n}/gitops`,
      GITHUB_SERVER_URL: server.url,
      GITHUB_API_URL: gh.url,
      GITHUB_ACTOR: 'octocat',
      GITHUB_RUN_ID: '',
      RUNNER_TEMP: join(tmp.path, `rt${n}`),
      INPUT_COMMAND: 'promote',
      INPUT_STAGE: 'prod',
      INPUT_REPOSITORY: `acme${n}/gitops`,
      INPUT_TOKEN: TOKEN,
      'INPUT_ARGOCD-SERVER': argo.url,
      'INPUT_ARGOCD-TOKEN': ARGO_TOKEN,
      'INPUT_RESUME-PULL-REQUEST': '1',
    };
    let stdout = '';
    // argocd-update's poll, Kargo's 5 s: the action has no sleep to pass, so its timer is
    // recorded and fires at once (the fake Argo CD moves on per request, not per second).
    let polled: number[] | undefined;
    try {
      for (const [k, v] of Object.entries(runnerEnv)) vi.stubEnv(k, v);
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        return true;
      });
      polled = recordedTimeouts(5000).waits;
      await runAction('root');
    } finally {
      vi.restoreAllMocks();
      vi.unstubAllEnvs();
    }
    const exitCode = process.exitCode;
    process.exitCode = undefined;
    expect(stdout).not.toMatch(/::error/);
    expect(exitCode ?? 0).toBe(0);
    expect(stdout).toContain(
      'ran the steps after the wait of pull request #1: Succeeded, Succeeded',
    );
    // The tokens were masked before anything was logged.
    expect(stdout).toContain(`::add-mask::${TOKEN}`);
    expect(stdout).toContain(`::add-mask::${ARGO_TOKEN}`);
    const output = readFileSync(out, 'utf8');
    const value = (name: string) =>
      new RegExp(`^${name}<<(\\S+)\\n([\\s\\S]*?)\\n\\1$`, 'm').exec(output)?.[2];
    expect(value('freight')).toBe(f1.id);
    expect(value('pull-request-url')).toBe(`https://github.com/acme${n}/gitops/pull/1`);
    expect(value('changed')).toBe('false');
    expect(argo.live('echo-prod').spec).toMatchObject({ source: { targetRevision: merge } });
    expect(argo.syncs('echo-prod')).toHaveLength(1);
    // Asked again once, 5 s later as Kargo does, as the command line's resume above.
    expect(polled).toEqual([5000]);
  });

  test('a pull request closed unmerged: nothing after the wait runs, and the error says why', async () => {
    expect((await cli(['promote', '--stage', 'prod'])).code).toBe(0);
    const body = gh.pullRequests[0]?.body ?? '';
    expect(parseResumeRecord(body)).toBeDefined();
    // A reviewer closes it instead of merging.
    await new GitHubClient({
      token: TOKEN,
      apiUrl: gh.url,
      owner: `acme${n}`,
      repo: 'gitops',
    }).updatePullRequest({ number: 1, state: 'closed' });
    const closed = await cli(['promote', '--stage', 'prod', '--resume-pull-request', '1']);
    expect(closed.code).not.toBe(0);
    expect(closed.err).toContain('closed without being merged');
    expect(argo.syncs('echo-prod')).toEqual([]);
  });
});
