import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GitHubClient, truncate } from '../../src/github/client.js';
import { StaleHeadError, type DeploymentState } from '../../src/github/port.js';
import { OperationError } from '../../src/util/errors.js';
import { startFakeGitHub, type FakeGitHub } from '../support/github-fake.js';
import { createBareRepo, git, tempDir } from '../support/repos.js';

const TOKEN = 'ghs_fakeTokenValue123';

describe('GitHubClient.dispatchWorkflow against the fake API', () => {
  let gh: FakeGitHub;
  beforeAll(async () => {
    gh = await startFakeGitHub({
      owner: 'acme',
      repo: 'gitops',
      token: TOKEN,
      branches: ['main'],
      workflows: [
        {
          file: 'gantry-promote.yml',
          id: 101,
          dispatchInputs: ['stage', 'freight'],
          requiredInputs: ['stage'],
        },
        { file: 'ci.yml', id: 102 },
      ],
    });
  });
  afterAll(() => gh.close());

  const client = (token = TOKEN) =>
    new GitHubClient({
      token,
      apiUrl: gh.url,
      owner: 'acme',
      repo: 'gitops',
      retryHooks: { sleep: async () => undefined },
    });

  test('starts the workflow with the inputs, authenticated', async () => {
    await client().dispatchWorkflow({
      workflow: 'gantry-promote.yml',
      ref: 'main',
      inputs: { stage: 'dev', freight: 'abc' },
    });
    expect(gh.dispatches.at(-1)).toEqual({
      workflow: 'gantry-promote.yml',
      ref: 'main',
      inputs: { stage: 'dev', freight: 'abc' },
    });
    expect(gh.requests.at(-1)?.authorization).toBe(`token ${TOKEN}`);
  });

  test('trace: one line a request, with its status, never the token', async () => {
    const lines: string[] = [];
    const traced = new GitHubClient({
      token: TOKEN,
      apiUrl: gh.url,
      owner: 'acme',
      repo: 'gitops',
      retryHooks: { sleep: async () => undefined },
      trace: (l) => lines.push(l),
    });
    await traced.dispatchWorkflow({
      workflow: 'gantry-promote.yml',
      ref: 'main',
      inputs: { stage: 'dev' },
    });
    await expect(
      traced.dispatchWorkflow({ workflow: 'missing.yml', ref: 'main', inputs: {} }),
    ).rejects.toThrow('HTTP 404');
    expect(lines).toEqual([
      expect.stringMatching(
        /^POST http:\/\/127\.0\.0\.1:\d+\/repos\/acme\/gitops\/actions\/workflows\/gantry-promote\.yml\/dispatches → 204 in \d+ ms$/,
      ),
      expect.stringMatching(/\/missing\.yml\/dispatches → 404 in \d+ ms$/),
    ]);
    expect(lines.join('\n')).not.toContain(TOKEN);
  });

  test.each([
    ['missing.yml', { stage: 'dev' }, 'main', /HTTP 404: Not Found \(is the file name right/],
    [
      'ci.yml',
      { stage: 'dev' },
      'main',
      /HTTP 422: Workflow does not have 'workflow_dispatch' trigger/,
    ],
    [
      'gantry-promote.yml',
      { stage: 'dev', extra: 'x' },
      'main',
      /HTTP 422: Unexpected inputs provided: \["extra"\]/,
    ],
    ['gantry-promote.yml', { stage: 'dev' }, 'nope', /HTTP 422: No ref found for: nope/],
  ])('%s with %j on %s fails clearly', async (workflow, inputs, ref, message) => {
    const err = await client()
      .dispatchWorkflow({ workflow, ref, inputs })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OperationError);
    expect((err as Error).message).toMatch(message);
  });

  test('a bad token is 401 and the token is not in the message', async () => {
    const err = (await client('ghs_wrongToken999')
      .dispatchWorkflow({ workflow: 'gantry-promote.yml', ref: 'main', inputs: {} })
      .catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/HTTP 401: Bad credentials/);
    expect(err.message).not.toContain('ghs_wrongToken999');
  });

  test('5xx is retried, then succeeds', async () => {
    gh.failNext(502, 2);
    const before = gh.requests.length;
    await client().dispatchWorkflow({
      workflow: 'gantry-promote.yml',
      ref: 'main',
      inputs: { stage: 'qa' },
    });
    expect(gh.requests.length - before).toBe(3);
    expect(gh.dispatches.at(-1)?.inputs).toEqual({ stage: 'qa' });
  });
});

describe('GitHubClient against a fake backed by a bare git repository', () => {
  const OWNER = 'acme';
  const REPO = 'gitops';
  let tmp: ReturnType<typeof tempDir>;
  let bare: string;
  let work: string;
  let gh: FakeGitHub;

  beforeAll(async () => {
    tmp = tempDir('gantry-github-');
    bare = createBareRepo(tmp.path, REPO, {
      'README.md': '# gitops\n',
      'envs/dev/values.yaml': 'tag: 1.0.0\n',
      'envs/old.yaml': 'obsolete: true\n',
    });
    work = join(tmp.path, 'work');
    git(tmp.path, ['clone', '-q', bare, work]);
    gh = await startFakeGitHub({ owner: OWNER, repo: REPO, token: TOKEN, repoPath: bare });
  });
  afterAll(async () => {
    await gh.close();
    tmp.cleanup();
  });

  const client = (token = TOKEN, apiUrl = gh.url) =>
    new GitHubClient({
      token,
      apiUrl,
      owner: OWNER,
      repo: REPO,
      retryHooks: { sleep: async () => undefined },
    });

  /** Commits `files` on top of `from` and force-pushes the result to `branch`; returns its SHA. */
  function pushCommit(
    branch: string,
    files: Record<string, string>,
    message: string,
    from = 'origin/main',
  ): string {
    git(work, ['fetch', '-q', 'origin']);
    git(work, ['checkout', '-q', '-B', branch, from]);
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(work, path)), { recursive: true });
      writeFileSync(join(work, path), content);
    }
    git(work, ['add', '-A']);
    git(work, ['commit', '-q', '-m', message]);
    git(work, ['push', '-q', '-f', 'origin', `HEAD:refs/heads/${branch}`]);
    return tip(branch);
  }
  const tip = (branch: string) => git(bare, ['rev-parse', `refs/heads/${branch}`]).trim();
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => undefined,
      (e: unknown) => e as Error,
    );

  describe('pull requests', () => {
    test('opens, finds, reads and updates a pull request', async () => {
      const headSha = pushCommit(
        'promote/dev',
        { 'envs/dev/values.yaml': 'tag: 1.1.0\n' },
        'dev 1.1.0',
      );
      const pr = await client().createPullRequest({
        head: 'promote/dev',
        base: 'main',
        title: 'Promote 1.1.0 to dev',
        body: 'Freight abc',
      });
      expect(pr).toMatchObject({
        url: `https://github.com/acme/gitops/pull/${pr.number}`,
        state: 'open',
        merged: false,
        head: 'promote/dev',
        base: 'main',
        headSha,
        title: 'Promote 1.1.0 to dev',
        body: 'Freight abc',
      });
      expect(pr.mergeCommitSha).toBeUndefined();

      const found = await client().findPullRequest({ head: 'promote/dev', base: 'main' });
      // A listing does not carry mergeability; reading the one pull request does.
      expect(pr).toMatchObject({ mergeable: true, mergeableState: 'clean' });
      expect(found).toEqual({ ...pr, mergeable: undefined, mergeableState: undefined });
      expect(found).not.toHaveProperty('mergeable');
      expect(gh.requests.at(-1)?.query).toContain('head=acme%3Apromote%2Fdev');
      expect(
        await client().findPullRequest({ head: 'promote/dev', base: 'other' }),
      ).toBeUndefined();
      expect(await client().findPullRequest({ head: 'nothing', base: 'main' })).toBeUndefined();

      // The head SHA follows the branch, as on GitHub.
      const newer = pushCommit(
        'promote/dev',
        { 'envs/dev/values.yaml': 'tag: 1.2.0\n' },
        'dev 1.2.0',
      );
      expect((await client().getPullRequest(pr.number)).headSha).toBe(newer);

      const updated = await client().updatePullRequest({
        number: pr.number,
        title: 'Promote 1.2.0 to dev',
        body: 'Freight def',
      });
      expect(updated).toMatchObject({
        title: 'Promote 1.2.0 to dev',
        body: 'Freight def',
        headSha: newer,
      });
      expect(gh.pullRequests.find((p) => p.number === pr.number)?.title).toBe(
        'Promote 1.2.0 to dev',
      );
      expect(gh.requests.at(-1)?.body).toEqual({
        title: 'Promote 1.2.0 to dev',
        body: 'Freight def',
      });

      const closed = await client().updatePullRequest({ number: pr.number, state: 'closed' });
      expect(closed).toMatchObject({ state: 'closed', merged: false });
      expect(await client().findPullRequest({ head: 'promote/dev', base: 'main' })).toBeUndefined();
    });

    test("a second pull request for the same head and base is 422 with GitHub's reason", async () => {
      pushCommit('promote/qa', { 'envs/qa/values.yaml': 'tag: 1.0.0\n' }, 'qa');
      const args = { head: 'promote/qa', base: 'main', title: 'qa', body: '' };
      const first = await client().createPullRequest(args);
      expect(first.body).toBe('');
      const err = await failure(client().createPullRequest(args));
      expect(err).toBeInstanceOf(OperationError);
      expect(err?.message).toMatch(
        /HTTP 422: Validation Failed: A pull request already exists for acme:promote\/qa\. \(both branches must exist/,
      );
    });

    test('a missing head branch, or one with nothing new, is refused', async () => {
      const missing = await failure(
        client().createPullRequest({ head: 'nope', base: 'main', title: 't', body: '' }),
      );
      expect(missing?.message).toMatch(/HTTP 422: Validation Failed: PullRequest\.head invalid/);
      git(bare, ['branch', 'same', 'main']);
      const same = await failure(
        client().createPullRequest({ head: 'same', base: 'main', title: 't', body: '' }),
      );
      expect(same?.message).toMatch(
        /HTTP 422: Validation Failed: No commits between main and same/,
      );
    });

    test('an unknown pull request is 404 with a hint', async () => {
      const err = await failure(client().getPullRequest(999));
      expect(err).toBeInstanceOf(OperationError);
      expect(err?.message).toMatch(
        /read pull request #999 in acme\/gitops: HTTP 404: Not Found \(is the number right/,
      );
    });

    test('a merge commit has two parents and the pull request reads as merged', async () => {
      const headSha = pushCommit('promote/merge', { 'envs/m.yaml': 'm: 1\n' }, 'merge me');
      const pr = await client().createPullRequest({
        head: 'promote/merge',
        base: 'main',
        title: 'Merge test',
        body: '',
      });
      const baseBefore = tip('main');
      const sha = await gh.mergePullRequest(pr.number, 'merge');
      expect(tip('main')).toBe(sha);
      expect(git(bare, ['log', '-1', '--format=%P', sha]).trim()).toBe(`${baseBefore} ${headSha}`);
      expect(git(bare, ['log', '-1', '--format=%B', sha])).toBe(
        `Merge pull request #${pr.number} from acme/promote/merge\n\nMerge test\n\n`,
      );
      expect(await client().getPullRequest(pr.number)).toMatchObject({
        state: 'closed',
        merged: true,
        headSha,
        mergeCommitSha: sha,
      });
    });

    test('a squash merge is one commit: title (#n), then the head commit message', async () => {
      const message = 'Promote 2.0.0 to prod\n\nGantry-Freight: abc123\nGantry-Stage: prod';
      pushCommit('promote/squash', { 'envs/prod.yaml': 'tag: 2.0.0\n' }, message);
      const pr = await client().createPullRequest({
        head: 'promote/squash',
        base: 'main',
        title: 'Promote to prod',
        body: '',
      });
      const baseBefore = tip('main');
      const sha = await gh.mergePullRequest(pr.number, 'squash');
      expect(git(bare, ['log', '-1', '--format=%P', sha]).trim()).toBe(baseBefore);
      expect(git(bare, ['log', '-1', '--format=%B', sha])).toBe(
        `Promote to prod (#${pr.number})\n\n${message}\n\n`,
      );
      expect(git(bare, ['log', '-1', '--format=%cn <%ce>', sha]).trim()).toBe(
        'GitHub <noreply@github.com>',
      );
      expect(git(bare, ['show', `${sha}:envs/prod.yaml`])).toBe('tag: 2.0.0\n');
      expect((await client().getPullRequest(pr.number)).mergeCommitSha).toBe(sha);
    });
  });

  describe('deployments', () => {
    test('creates a deployment of a commit, never auto-merging, and reads the payload back', async () => {
      const sha = tip('main');
      const payload = { freight: 'abc', images: ['app:1.0.0'] };
      const d = await client().createDeployment({
        ref: sha,
        environment: 'dev',
        description: 'Promote abc to dev',
        payload,
        productionEnvironment: false,
      });
      expect(d).toMatchObject({
        sha,
        ref: sha,
        environment: 'dev',
        description: 'Promote abc to dev',
        payload,
      });
      expect(gh.requests.at(-1)?.body).toMatchObject({
        auto_merge: false,
        required_contexts: [],
        production_environment: false,
        payload,
      });
      const [listed] = await client().listDeployments({ sha, environment: 'dev' });
      expect(listed).toEqual(d);
    });

    test('a payload sent as a JSON string comes back as an object; other strings stay strings', async () => {
      const sha = tip('main');
      await client().createDeployment({
        ref: sha,
        environment: 'payload-json',
        description: '',
        payload: JSON.stringify({ freight: 'xyz' }),
      });
      await client().createDeployment({
        ref: sha,
        environment: 'payload-text',
        description: '',
        payload: 'just text',
      });
      expect(gh.deployments.at(-2)?.payload).toBe('{"freight":"xyz"}');
      expect((await client().listDeployments({ environment: 'payload-json' }))[0]?.payload).toEqual(
        {
          freight: 'xyz',
        },
      );
      expect((await client().listDeployments({ environment: 'payload-text' }))[0]?.payload).toBe(
        'just text',
      );
    });

    test("descriptions longer than GitHub's 140 characters are cut with …", async () => {
      const long = 'x'.repeat(200);
      const d = await client().createDeployment({
        ref: tip('main'),
        environment: 'truncate',
        description: long,
        payload: {},
      });
      expect(d.description).toHaveLength(140);
      expect(d.description.endsWith('…')).toBe(true);
      await client().createDeploymentStatus({
        deploymentId: d.id,
        state: 'success',
        description: long,
      });
      const status = gh.deployments.find((x) => x.id === d.id)?.statuses.at(-1);
      expect([...(status?.description ?? '')]).toHaveLength(140);
      expect(truncate('short')).toBe('short');
    });

    test('lists newest first, filtered by sha and environment, paging up to the limit', async () => {
      const a = pushCommit('deploy-a', { 'a.txt': 'a\n' }, 'a');
      const b = pushCommit('deploy-b', { 'b.txt': 'b\n' }, 'b');
      const ids: number[] = [];
      for (const [sha, env] of [
        [a, 'staging'],
        [b, 'staging'],
        [a, 'staging'],
        [a, 'prod'],
      ] as const) {
        ids.push(
          (
            await client().createDeployment({
              ref: sha,
              environment: env,
              description: '',
              payload: {},
            })
          ).id,
        );
      }
      expect((await client().listDeployments({ environment: 'staging' })).map((d) => d.id)).toEqual(
        [ids[2], ids[1], ids[0]],
      );
      expect(
        (await client().listDeployments({ sha: a, environment: 'staging' })).map((d) => d.id),
      ).toEqual([ids[2], ids[0]]);
      expect((await client().listDeployments({ sha: a })).map((d) => d.id)).toEqual([
        ids[3],
        ids[2],
        ids[0],
      ]);

      const before = gh.requests.length;
      const two = await client().listDeployments({ environment: 'staging', limit: 2 });
      expect(two.map((d) => d.id)).toEqual([ids[2], ids[1]]);
      expect(gh.requests.length - before).toBe(1);
      expect(gh.requests.at(-1)?.query).toContain('per_page=2');

      const before2 = gh.requests.length;
      const paged = await client().listDeployments({ environment: 'staging', limit: 1 });
      expect(paged.map((d) => d.id)).toEqual([ids[2]]);
      expect(gh.requests.length - before2).toBe(1);
    });

    test('statuses: success marks earlier deployments inactive unless autoInactive is false', async () => {
      const sha = tip('main');
      const make = () =>
        client().createDeployment({
          ref: sha,
          environment: 'review',
          description: '',
          payload: {},
        });
      const first = await make();
      await client().createDeploymentStatus({ deploymentId: first.id, state: 'success' });
      const second = await make();
      await client().createDeploymentStatus({
        deploymentId: second.id,
        state: 'in_progress',
        logUrl: 'https://ci.example/run/1',
      });
      await client().createDeploymentStatus({
        deploymentId: second.id,
        state: 'success',
        description: 'healthy',
        environmentUrl: 'https://dev.example',
        logUrl: 'https://ci.example/run/1',
      });
      expect(gh.requests.at(-1)?.body).toEqual({
        state: 'success',
        description: 'healthy',
        environment_url: 'https://dev.example',
        log_url: 'https://ci.example/run/1',
        auto_inactive: true,
      });
      const record = (id: number) => gh.deployments.find((d) => d.id === id)!;
      expect(record(first.id).statuses.map((s) => s.state)).toEqual(['success', 'inactive']);
      expect(record(second.id).statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
      expect(record(second.id).statuses[1]).toMatchObject({
        environmentUrl: 'https://dev.example',
        logUrl: 'https://ci.example/run/1',
      });

      const third = await make();
      await client().createDeploymentStatus({
        deploymentId: third.id,
        state: 'success',
        autoInactive: false,
      });
      expect(record(second.id).statuses.at(-1)?.state).toBe('success');
    });

    test('an unknown deployment is 404, an unknown state 422, an unknown ref 422', async () => {
      const missing = await failure(
        client().createDeploymentStatus({ deploymentId: 99_999, state: 'success' }),
      );
      expect(missing).toBeInstanceOf(OperationError);
      expect(missing?.message).toMatch(/HTTP 404: Not Found \(does the deployment exist/);

      const d = await client().createDeployment({
        ref: tip('main'),
        environment: 'x',
        description: '',
        payload: {},
      });
      const badState = await failure(
        client().createDeploymentStatus({ deploymentId: d.id, state: 'done' as DeploymentState }),
      );
      expect(badState?.message).toMatch(
        /HTTP 422: Validation Failed: DeploymentStatus\.state invalid/,
      );

      const badRef = await failure(
        client().createDeployment({
          ref: 'f'.repeat(40),
          environment: 'x',
          description: '',
          payload: {},
        }),
      );
      expect(badRef?.message).toMatch(/HTTP 422: No ref found for: f{40} \(is the ref a commit/);
    });

    test('GitHub\'s 202 "Auto-merged" and 409 answers are errors that say so', async () => {
      const args = { ref: 'main', environment: 'dev', description: '', payload: {} };
      gh.answerNext(202, { message: 'Auto-merged main into topic on deployment.' });
      const merged = await failure(client().createDeployment(args));
      expect(merged).toBeInstanceOf(OperationError);
      expect(merged?.message).toMatch(
        /HTTP 202: Auto-merged main into topic on deployment\. \(GitHub merged instead/,
      );

      gh.answerNext(409, {
        message: 'Conflict: Commit status checks failed for main.',
        documentation_url:
          'https://docs.github.com/rest/deployments/deployments#create-a-deployment',
      });
      const conflict = await failure(client().createDeployment(args));
      expect(conflict?.message).toMatch(
        /HTTP 409: Conflict: Commit status checks failed for main\. \(GitHub refused/,
      );
    });

    test('403 says which permission deployments need', async () => {
      gh.answerNext(403, { message: 'Resource not accessible by integration' });
      const err = await failure(client().listDeployments({}));
      expect(err?.message).toMatch(
        /HTTP 403: Resource not accessible by integration \(the token needs the deployments: write/,
      );
    });
  });

  describe('run approvals', () => {
    test('maps the review history, leaving out undecided comments', async () => {
      gh.setRunApprovals(4242, [
        { login: 'alice', state: 'approved', comment: 'ship it', environments: ['dev', 'qa'] },
        { login: 'bob', state: 'rejected', environments: ['prod'] },
        { login: 'carol', state: 'pending', comment: 'looking', environments: ['prod'] },
      ]);
      expect(await client().runApprovals(4242)).toEqual([
        { login: 'alice', state: 'approved', comment: 'ship it', environments: ['dev', 'qa'] },
        { login: 'bob', state: 'rejected', comment: '', environments: ['prod'] },
      ]);
      gh.setRunApprovals(4243, []);
      expect(await client().runApprovals(4243)).toEqual([]);
    });

    test('an unknown run is 404 with the actions: read hint', async () => {
      const err = await failure(client().runApprovals(1));
      expect(err?.message).toMatch(
        /approvals of workflow run 1 in acme\/gitops: HTTP 404: Not Found \(is the run id right.*actions: read/,
      );
    });
  });

  describe('check runs and commit statuses', () => {
    test('lists the latest check run of each name, mapped, over every page', async () => {
      const sha = pushCommit('checks/paged', { 'c.txt': 'c\n' }, 'checks');
      const many = Array.from({ length: 130 }, (_, i) => ({
        name: `test (${i})`,
        conclusion: 'success' as const,
      }));
      gh.setCheckRuns(sha, [
        { name: 'lint', conclusion: 'failure' },
        ...many,
        // A re-run of lint: under filter=latest it replaces the failure.
        { name: 'lint', status: 'in_progress' },
        { name: 'deploy', status: 'queued', app: 'acme-ci', detailsUrl: 'https://ci.acme.dev/1' },
      ]);
      const before = gh.requests.length;
      const runs = await client().checkRuns(sha);
      const sent = gh.requests.slice(before);
      expect(sent.map((r) => [r.method, r.path])).toEqual([
        ['GET', `/repos/${OWNER}/${REPO}/commits/${sha}/check-runs`],
        ['GET', `/repos/${OWNER}/${REPO}/commits/${sha}/check-runs`],
      ]);
      expect(new URLSearchParams(sent[0]?.query).get('per_page')).toBe('100');
      expect(new URLSearchParams(sent[0]?.query).get('filter')).toBe('latest');
      expect(new URLSearchParams(sent[1]?.query).get('page')).toBe('2');
      expect(runs).toHaveLength(132);
      const lint = runs.filter((r) => r.name === 'lint');
      expect(lint).toEqual([
        {
          name: 'lint',
          status: 'in_progress',
          conclusion: null,
          url: expect.stringMatching(/^https:\/\/github\.com\/acme\/gitops\/runs\/\d+$/),
          app: 'github-actions',
        },
      ]);
      expect(runs.find((r) => r.name === 'deploy')).toMatchObject({
        status: 'queued',
        conclusion: null,
        app: 'acme-ci',
      });
      expect(runs.find((r) => r.name === 'test (7)')).toMatchObject({
        status: 'completed',
        conclusion: 'success',
      });
    });

    test('reads the combined status: the latest status of each context, every page', async () => {
      const sha = pushCommit('checks/status', { 's.txt': 's\n' }, 'statuses');
      const many = Array.from({ length: 120 }, (_, i) => ({
        context: `matrix/${i}`,
        state: 'success' as const,
      }));
      gh.setStatuses(sha, [
        { context: 'ci/build', state: 'pending', description: 'building' },
        ...many,
        {
          context: 'ci/build',
          state: 'success',
          description: 'built',
          targetUrl: 'https://ci.acme.dev/b/1',
        },
      ]);
      const before = gh.requests.length;
      const combined = await client().commitStatuses(sha);
      expect(gh.requests.length - before).toBe(2);
      expect(combined.state).toBe('success');
      expect(combined.statuses).toHaveLength(121);
      expect(combined.statuses.filter((x) => x.context === 'ci/build')).toEqual([
        {
          context: 'ci/build',
          state: 'success',
          description: 'built',
          targetUrl: 'https://ci.acme.dev/b/1',
        },
      ]);

      gh.setStatuses(sha, [
        { context: 'ci/build', state: 'success' },
        { context: 'ci/e2e', state: 'pending' },
      ]);
      expect((await client().commitStatuses(sha)).state).toBe('pending');
      gh.setStatuses(sha, [
        { context: 'ci/build', state: 'error' },
        { context: 'ci/e2e', state: 'pending' },
      ]);
      const failed = await client().commitStatuses(sha);
      expect(failed.state).toBe('failure');
      expect(failed.statuses[0]).toEqual({
        context: 'ci/e2e',
        state: 'pending',
        description: '',
        targetUrl: null,
      });
    });

    test('a commit nothing reported on: no check runs, and a pending combined status', async () => {
      const sha = pushCommit('checks/none', { 'n.txt': 'n\n' }, 'nothing yet');
      expect(await client().checkRuns(sha)).toEqual([]);
      expect(await client().commitStatuses(sha)).toEqual({ state: 'pending', statuses: [] });
      // A branch name is a ref too.
      gh.setCheckRuns(sha, [{ name: 'build', conclusion: 'success' }]);
      expect((await client().checkRuns('checks/none')).map((r) => r.name)).toEqual(['build']);
    });

    test('a commit that is not in the repository is 422, with a hint', async () => {
      const unknown = 'dead'.repeat(10);
      const runs = await failure(client().checkRuns(unknown));
      expect(runs).toBeInstanceOf(OperationError);
      expect(runs?.message).toBe(
        `could not list the check runs of ${unknown} in acme/gitops: HTTP 422: No commit found for SHA: ${unknown} (is the commit in this repository, and has it been pushed?)`,
      );
      const statuses = await failure(client().commitStatuses(unknown));
      expect(statuses?.message).toMatch(
        /read the commit statuses of dead.* HTTP 422: No commit found for SHA: dead/,
      );
    });

    test('403 says which permission each read needs', async () => {
      const sha = tip('main');
      gh.answerNext(403, { message: 'Resource not accessible by integration' });
      expect((await failure(client().checkRuns(sha)))?.message).toMatch(
        /HTTP 403: Resource not accessible by integration \(the token needs the checks: read permission\)/,
      );
      gh.answerNext(403, { message: 'Resource not accessible by integration' });
      expect((await failure(client().commitStatuses(sha)))?.message).toMatch(
        /HTTP 403: Resource not accessible by integration \(the token needs the statuses: read permission\)/,
      );
    });

    test('5xx is retried', async () => {
      const sha = tip('main');
      gh.failNext(502, 1);
      const before = gh.requests.length;
      await client().commitStatuses(sha);
      expect(gh.requests.length - before).toBe(2);
    });
  });

  describe('setBranch', () => {
    test('moves an existing branch, even backwards', async () => {
      const old = tip('main');
      const ahead = pushCommit('env/dev', { 'dev.txt': '1\n' }, 'dev 1');
      expect(tip('env/dev')).toBe(ahead);
      await client().setBranch({ branch: 'env/dev', sha: old });
      expect(tip('env/dev')).toBe(old);
      expect(gh.requests.at(-1)).toMatchObject({
        method: 'PATCH',
        path: '/repos/acme/gitops/git/refs/heads%2Fenv%2Fdev',
        body: { sha: old, force: true },
      });
    });

    test('creates a missing branch (PATCH 422, then POST)', async () => {
      const sha = tip('main');
      const before = gh.requests.length;
      await client().setBranch({ branch: 'env/new', sha });
      expect(tip('env/new')).toBe(sha);
      expect(gh.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([
        'PATCH /repos/acme/gitops/git/refs/heads%2Fenv%2Fnew',
        'POST /repos/acme/gitops/git/refs',
      ]);
      expect(gh.requests.at(-1)?.body).toEqual({ ref: 'refs/heads/env/new', sha });
    });

    test('a commit the repository lacks is refused', async () => {
      const err = await failure(client().setBranch({ branch: 'main', sha: 'e'.repeat(40) }));
      expect(err).toBeInstanceOf(OperationError);
      expect(err?.message).toMatch(
        /HTTP 422: Object does not exist \(is the commit in this repository/,
      );
      const err2 = await failure(client().setBranch({ branch: 'brand-new', sha: 'e'.repeat(40) }));
      expect(err2?.message).toMatch(/create branch brand-new .*HTTP 422: Object does not exist/);
    });
  });

  describe('deleteBranch, and pull requests GitHub closes', () => {
    test('deletes a branch; a missing one is not an error', async () => {
      pushCommit('env/gone', { 'gone.txt': '1\n' }, 'to delete');
      await client().deleteBranch('env/gone');
      expect(git(bare, ['branch', '--list', 'env/gone']).trim()).toBe('');
      await client().deleteBranch('env/gone');
      expect(gh.requests.at(-1)).toMatchObject({ method: 'DELETE' });
    });

    test('a pull request whose branch is reset to its base is closed, as GitHub does', async () => {
      const base = tip('main');
      pushCommit('env/reset', { 'reset.txt': '1\n' }, 'proposal');
      const pr = await client().createPullRequest({
        head: 'env/reset',
        base: 'main',
        title: 'proposal',
        body: '',
      });
      await client().setBranch({ branch: 'env/reset', sha: base });
      const after = await client().getPullRequest(pr.number);
      expect(after).toMatchObject({ state: 'closed', merged: false });
    });
  });

  describe('createCommitOnBranch', () => {
    test('makes a real commit on the expected head: additions, changes, deletions', async () => {
      const head = pushCommit('env/commit', { 'keep.txt': 'keep\n' }, 'base for commit');
      const binary = Buffer.from([0, 1, 2, 255, 10, 13]);
      const result = await client().createCommitOnBranch({
        branch: 'env/commit',
        expectedHeadOid: head,
        headline: 'Promote abc to dev',
        body: 'Gantry-Freight: abc\nGantry-Stage: dev',
        additions: [
          { path: 'envs/dev/values.yaml', contents: Buffer.from('tag: 3.0.0\n') },
          { path: 'envs/dev/new/file.bin', contents: binary },
        ],
        deletions: ['envs/old.yaml'],
      });
      expect(result.oid).toMatch(/^[0-9a-f]{40}$/);
      expect(result.url).toBe(`https://github.com/acme/gitops/commit/${result.oid}`);
      expect(tip('env/commit')).toBe(result.oid);

      const show = git(bare, [
        'show',
        '--format=%P%n%an <%ae>%n%cn <%ce>%n%B',
        '--name-status',
        result.oid,
      ]);
      expect(show).toContain(
        `${head}\ngithub-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>\nGitHub <noreply@github.com>\nPromote abc to dev\n\nGantry-Freight: abc\nGantry-Stage: dev\n`,
      );
      expect(show).toMatch(/M\tenvs\/dev\/values\.yaml/);
      expect(show).toMatch(/A\tenvs\/dev\/new\/file\.bin/);
      expect(show).toMatch(/D\tenvs\/old\.yaml/);
      expect(git(bare, ['show', `${result.oid}:envs/dev/values.yaml`])).toBe('tag: 3.0.0\n');
      expect(git(bare, ['show', `${result.oid}:keep.txt`])).toBe('keep\n');
      const blob = execFileSync(
        'git',
        ['cat-file', 'blob', `${result.oid}:envs/dev/new/file.bin`],
        {
          cwd: bare,
        },
      );
      expect(Buffer.compare(blob, binary)).toBe(0);

      const request = gh.requests.at(-1)!;
      expect(request.path).toBe('/graphql');
      expect((request.body as { variables: { input: unknown } }).variables.input).toMatchObject({
        branch: { repositoryNameWithOwner: 'acme/gitops', branchName: 'env/commit' },
        expectedHeadOid: head,
        message: { headline: 'Promote abc to dev', body: 'Gantry-Freight: abc\nGantry-Stage: dev' },
        fileChanges: {
          additions: [
            {
              path: 'envs/dev/values.yaml',
              contents: Buffer.from('tag: 3.0.0\n').toString('base64'),
            },
            { path: 'envs/dev/new/file.bin', contents: binary.toString('base64') },
          ],
          deletions: [{ path: 'envs/old.yaml' }],
        },
      });
    });

    test('a moved branch is STALE_DATA, thrown as StaleHeadError, and nothing changes', async () => {
      const stale = pushCommit('env/stale', { 's.txt': '1\n' }, 's1');
      const moved = pushCommit('env/stale', { 's.txt': '2\n' }, 's2', 'env/stale');
      const err = await failure(
        client().createCommitOnBranch({
          branch: 'env/stale',
          expectedHeadOid: stale,
          headline: 'late',
          body: '',
          additions: [{ path: 's.txt', contents: Buffer.from('3\n') }],
          deletions: [],
        }),
      );
      expect(err).toBeInstanceOf(StaleHeadError);
      expect(err?.message).toContain(`Expected branch to point to "${stale}" but it did not.`);
      expect(tip('env/stale')).toBe(moved);
    });

    test("other GraphQL errors are OperationErrors with GitHub's message", async () => {
      const head = pushCommit('env/gqlerr', { 'g.txt': '1\n' }, 'g');
      const err = await failure(
        client().createCommitOnBranch({
          branch: 'env/gqlerr',
          expectedHeadOid: head,
          headline: 'delete nothing',
          body: '',
          additions: [],
          deletions: ['no/such/file'],
        }),
      );
      expect(err).toBeInstanceOf(OperationError);
      expect(err).not.toBeInstanceOf(StaleHeadError);
      expect(err?.message).toMatch(
        /commit to branch env\/gqlerr of acme\/gitops: A path was requested for deletion which does not exist/,
      );
      expect(tip('env/gqlerr')).toBe(head);
    });

    test('502s are retried, then the commit is made once', async () => {
      const head = pushCommit('env/retry', { 'r.txt': '1\n' }, 'r');
      gh.failNext(502, 2);
      const before = gh.requests.length;
      const { oid } = await client().createCommitOnBranch({
        branch: 'env/retry',
        expectedHeadOid: head,
        headline: 'after retries',
        body: '',
        additions: [{ path: 'r.txt', contents: Buffer.from('2\n') }],
        deletions: [],
      });
      expect(gh.requests.length - before).toBe(3);
      expect(git(bare, ['log', '-1', '--format=%P%n%B', oid])).toBe(`${head}\nafter retries\n\n`);
    });

    test('a GHES base URL (/api/v3) reaches REST under /api/v3 and GraphQL at /api/graphql', async () => {
      const head = pushCommit('env/ghes', { 'h.txt': '1\n' }, 'h');
      const ghes = client(TOKEN, `${gh.url}/api/v3`);
      const before = gh.requests.length;
      const { oid } = await ghes.createCommitOnBranch({
        branch: 'env/ghes',
        expectedHeadOid: head,
        headline: 'ghes',
        body: '',
        additions: [{ path: 'h.txt', contents: Buffer.from('2\n') }],
        deletions: [],
      });
      await ghes.setBranch({ branch: 'env/ghes-copy', sha: oid });
      expect(gh.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([
        'POST /api/graphql',
        'PATCH /api/v3/repos/acme/gitops/git/refs/heads%2Fenv%2Fghes-copy',
        'POST /api/v3/repos/acme/gitops/git/refs',
      ]);
      expect(tip('env/ghes-copy')).toBe(oid);
    });
  });

  describe('errors common to every call', () => {
    test('a bad token is 401 for REST and GraphQL, and the token is not in the message', async () => {
      const bad = client('ghs_wrongToken999');
      const rest = await failure(bad.findPullRequest({ head: 'x', base: 'main' }));
      expect(rest?.message).toMatch(
        /HTTP 401: Bad credentials \(the token is invalid or has expired\)/,
      );
      const gql = await failure(
        bad.createCommitOnBranch({
          branch: 'main',
          expectedHeadOid: tip('main'),
          headline: 'x',
          body: '',
          additions: [],
          deletions: [],
        }),
      );
      expect(gql).toBeInstanceOf(OperationError);
      expect(gql?.message).toMatch(/HTTP 401: Bad credentials/);
      for (const e of [rest, gql]) expect(e?.message).not.toContain('ghs_wrongToken999');
    });

    test('the token is redacted from what GitHub echoes', async () => {
      gh.answerNext(422, { message: `token ${TOKEN} is not allowed here` });
      const err = await failure(client().getPullRequest(1));
      expect(err?.message).toContain('token *** is not allowed here');
      expect(err?.message).not.toContain(TOKEN);
    });

    test('a secondary rate limit (403) is retried; a plain 403 is not', async () => {
      gh.answerNext(403, {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      });
      const before = gh.requests.length;
      await client().runApprovals(4243);
      expect(gh.requests.length - before).toBe(2);

      gh.answerNext(403, { message: 'Resource not accessible by integration' });
      const before2 = gh.requests.length;
      const err = await failure(client().runApprovals(4243));
      expect(gh.requests.length - before2).toBe(1);
      expect(err?.message).toMatch(
        /HTTP 403: Resource not accessible by integration \(the token needs the actions: read permission\)/,
      );
    });

    describe("GitHub's rate limits: the wait it asks for, bounded", () => {
      const LIMIT_DOC = {
        documentation_url:
          'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api',
      };
      /** A client whose sleeps are recorded, not slept, at a fixed instant. */
      const timed = (now = 1_800_000_000_000) => {
        const slept: number[] = [];
        const c = new GitHubClient({
          token: TOKEN,
          apiUrl: gh.url,
          owner: OWNER,
          repo: REPO,
          retryHooks: { sleep: async (ms) => void slept.push(ms), now: () => now, random: () => 0 },
        });
        return { c, slept, now };
      };

      test('429 with Retry-After: waits what it says, then succeeds', async () => {
        const { c, slept } = timed();
        gh.answerNext(429, { message: 'Too Many Requests', ...LIMIT_DOC }, { 'retry-after': '7' });
        await c.runApprovals(4243);
        expect(slept).toEqual([7_000]);
      });

      test('a primary limit (403, none remaining) waits until x-ratelimit-reset', async () => {
        const { c, slept, now } = timed();
        gh.answerNext(
          403,
          { message: 'API rate limit exceeded for installation ID 1.', ...LIMIT_DOC },
          {
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': String(Math.floor(now / 1000) + 42),
          },
        );
        await c.runApprovals(4243);
        expect(slept).toEqual([42_000]);
      });

      test('a secondary limit without headers waits a minute, as GitHub asks', async () => {
        const { c, slept } = timed();
        gh.answerNext(403, {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          ...LIMIT_DOC,
        });
        await c.runApprovals(4243);
        expect(slept).toEqual([60_000]);
      });

      test('a secondary limit that lasts: 1 then 2 minutes, then the 4 it would take is refused', async () => {
        const { c, slept } = timed();
        const secondary = {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          ...LIMIT_DOC,
        };
        for (let i = 0; i < 3; i++) gh.answerNext(403, secondary);
        const before = gh.requests.length;
        const err = await failure(c.runApprovals(4243));
        expect(gh.requests.length - before).toBe(3);
        expect(slept).toEqual([60_000, 120_000]);
        expect(err?.message).toMatch(
          /HTTP 403: You have exceeded a secondary rate limit\..*\(GitHub's rate limit: it asks to wait 240 s more; gantry waits at most 120 s at a time and 300 s in all for one request\)$/,
        );
      });

      test('a 403 with Retry-After is a limit whatever its text (abuse detection, on older servers)', async () => {
        const { c, slept } = timed();
        gh.answerNext(
          403,
          { message: 'You have triggered an abuse detection mechanism.', ...LIMIT_DOC },
          { 'retry-after': '30' },
        );
        await c.runApprovals(4243);
        expect(slept).toEqual([30_000]);
      });

      test('a 429 primary limit with no Retry-After waits until x-ratelimit-reset', async () => {
        const { c, slept, now } = timed();
        gh.answerNext(
          429,
          { message: 'API rate limit exceeded for user ID 1.', ...LIMIT_DOC },
          {
            'x-ratelimit-limit': '5000',
            'x-ratelimit-remaining': '0',
            'x-ratelimit-used': '5000',
            'x-ratelimit-resource': 'core',
            'x-ratelimit-reset': String(Math.floor(now / 1000) + 90),
          },
        );
        await c.runApprovals(4243);
        expect(slept).toEqual([90_000]);
      });

      test('a reset an hour away is not waited for: the error says how long and what gantry waits', async () => {
        const { c, slept, now } = timed();
        gh.answerNext(
          403,
          { message: 'API rate limit exceeded for installation ID 1.', ...LIMIT_DOC },
          {
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': String(Math.floor(now / 1000) + 3600),
          },
        );
        const before = gh.requests.length;
        const err = await failure(c.runApprovals(4243));
        expect(gh.requests.length - before).toBe(1);
        expect(slept).toEqual([]);
        expect(err?.message).toBe(
          `could not read the approvals of workflow run 4243 in ${OWNER}/${REPO}: HTTP 403: API rate limit exceeded for installation ID 1. (GitHub's rate limit: it asks to wait 3600 s more; gantry waits at most 120 s at a time and 300 s in all for one request)`,
        );
      });
    });

    test('5xx that outlasts the retries fails with the status', async () => {
      gh.failNext(503, 10);
      const before = gh.requests.length;
      const err = await failure(client().listDeployments({}));
      gh.failNext(503, 0);
      expect(gh.requests.length - before).toBe(4);
      expect(err?.message).toMatch(/list deployments of acme\/gitops: HTTP 503: Server Error/);
    });
  });
});
