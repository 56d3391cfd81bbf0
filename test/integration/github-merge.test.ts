import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GitHubClient } from '../../src/github/client.js';
import { PullRequestNotMergeableError } from '../../src/github/port.js';
import { OperationError } from '../../src/util/errors.js';
import { startFakeGitHub, type FakeGitHub } from '../support/github-fake.js';
import { createBareRepo, git, tempDir } from '../support/repos.js';

const TOKEN = 'ghs_fakeMergeToken456';
const OWNER = 'acme';
const REPO = 'gitops';

describe('GitHubClient.mergePullRequest and addLabels against the fake, backed by git', () => {
  let tmp: ReturnType<typeof tempDir>;
  let bare: string;
  let work: string;
  let gh: FakeGitHub;

  beforeAll(async () => {
    tmp = tempDir('gantry-github-merge-');
    bare = createBareRepo(tmp.path, REPO, {
      'README.md': '# gitops\n',
      'envs/dev/values.yaml': 'tag: 1.0.0\n',
    });
    work = join(tmp.path, 'work');
    git(tmp.path, ['clone', '-q', bare, work]);
    gh = await startFakeGitHub({ owner: OWNER, repo: REPO, token: TOKEN, repoPath: bare });
  });
  afterAll(async () => {
    await gh.close();
    tmp.cleanup();
  });

  const client = () =>
    new GitHubClient({
      token: TOKEN,
      apiUrl: gh.url,
      owner: OWNER,
      repo: REPO,
      retryHooks: { sleep: async () => undefined },
    });

  const tip = (branch: string) => git(bare, ['rev-parse', `refs/heads/${branch}`]).trim();

  /** Commits `files` on top of `from` (default: the branch itself, else main) and pushes. */
  function pushCommit(
    branch: string,
    files: Record<string, string>,
    message: string,
    from?: string,
    author = 'Dev One <dev1@example.test>',
  ): string {
    git(work, ['fetch', '-q', 'origin']);
    const start =
      from ?? (git(bare, ['branch', '--list', branch]).trim() ? `origin/${branch}` : 'origin/main');
    git(work, ['checkout', '-q', '-B', branch, start]);
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(work, path)), { recursive: true });
      writeFileSync(join(work, path), content);
    }
    git(work, ['add', '-A']);
    git(work, ['commit', '-q', '--author', author, '-m', message]);
    git(work, ['push', '-q', '-f', 'origin', `HEAD:refs/heads/${branch}`]);
    return tip(branch);
  }

  async function openPull(head: string, files: Record<string, string>, title = `PR ${head}`) {
    const headSha = pushCommit(head, files, `${title}\n\nGantry-Stage: dev`);
    const pr = await client().createPullRequest({ head, base: 'main', title, body: '' });
    return { pr, headSha };
  }

  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('expected a refusal');
      },
      (e: unknown) => e as Error,
    );

  describe('mergePullRequest', () => {
    test('merge: a merge commit of base and head on main, the pull request merged', async () => {
      const { pr, headSha } = await openPull('promote/merge', { 'envs/a.yaml': 'a: 1\n' });
      const read = await client().getPullRequest(pr.number);
      expect(read).toMatchObject({ mergeable: true, mergeableState: 'clean' });
      const baseBefore = tip('main');

      const { sha } = await client().mergePullRequest({ number: pr.number, sha: headSha });

      expect(gh.requests.at(-1)).toMatchObject({
        method: 'PUT',
        path: `/repos/acme/gitops/pulls/${pr.number}/merge`,
        body: { merge_method: 'merge', sha: headSha },
      });
      expect(tip('main')).toBe(sha);
      expect(git(bare, ['log', '-1', '--format=%P', sha]).trim()).toBe(`${baseBefore} ${headSha}`);
      expect(git(bare, ['show', `${sha}:envs/a.yaml`])).toBe('a: 1\n');
      expect(await client().getPullRequest(pr.number)).toMatchObject({
        state: 'closed',
        merged: true,
        mergeCommitSha: sha,
        // GitHub stops computing mergeability once a pull request is closed.
        mergeable: null,
        mergeableState: 'unknown',
      });
    });

    test('squash: one commit on main with the head tree, no sha asked', async () => {
      const { pr } = await openPull('promote/squash', { 'envs/b.yaml': 'b: 2\n' }, 'Squash me');
      const baseBefore = tip('main');

      const { sha } = await client().mergePullRequest({
        number: pr.number,
        mergeMethod: 'squash',
      });

      expect(gh.requests.at(-1)?.body).toEqual({ merge_method: 'squash' });
      expect(tip('main')).toBe(sha);
      expect(git(bare, ['log', '-1', '--format=%P', sha]).trim()).toBe(baseBefore);
      expect(git(bare, ['log', '-1', '--format=%s', sha]).trim()).toBe(`Squash me (#${pr.number})`);
      expect(git(bare, ['show', `${sha}:envs/b.yaml`])).toBe('b: 2\n');
      expect((await client().getPullRequest(pr.number)).mergeCommitSha).toBe(sha);
    });

    test("the fake honours commit_title and commit_message, as GitHub's endpoint does", async () => {
      const { pr } = await openPull('promote/titled', { 'envs/t.yaml': 't\n' });
      const res = await fetch(`${gh.url}/repos/acme/gitops/pulls/${pr.number}/merge`, {
        method: 'PUT',
        headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ commit_title: 'Promote t', commit_message: 'Freight: t' }),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { sha: string; merged: boolean; message: string };
      expect(body).toEqual({
        sha: tip('main'),
        merged: true,
        message: 'Pull Request successfully merged',
      });
      expect(git(bare, ['log', '-1', '--format=%B', body.sha])).toBe('Promote t\n\nFreight: t\n\n');
    });

    test('rebase: each head commit replayed on main, authors kept, GitHub committing', async () => {
      pushCommit('promote/rebase', { 'envs/r1.yaml': '1\n' }, 'first');
      const headSha = pushCommit(
        'promote/rebase',
        { 'envs/r2.yaml': '2\n' },
        'second',
        undefined,
        'Dev Two <dev2@example.test>',
      );
      const pr = await client().createPullRequest({
        head: 'promote/rebase',
        base: 'main',
        title: 'Rebase me',
        body: '',
      });
      // main moves on, so the replayed commits differ from the head's.
      const baseBefore = pushCommit(
        'main',
        { 'envs/main.yaml': 'm\n' },
        'main moved',
        'origin/main',
      );

      const { sha } = await client().mergePullRequest({
        number: pr.number,
        mergeMethod: 'rebase',
        sha: headSha,
      });

      expect(tip('main')).toBe(sha);
      expect(sha).not.toBe(headSha);
      const log = git(bare, ['log', '--format=%s|%an|%cn <%ce>', `${baseBefore}..${sha}`]);
      expect(log.trim().split('\n')).toEqual([
        'second|Dev Two|GitHub <noreply@github.com>',
        'first|Dev One|GitHub <noreply@github.com>',
      ]);
      // Linear: no merge commit.
      expect(git(bare, ['rev-list', '--min-parents=2', `${baseBefore}..${sha}`]).trim()).toBe('');
      expect(git(bare, ['show', `${sha}:envs/main.yaml`])).toBe('m\n');
      expect((await client().getPullRequest(pr.number)).mergeCommitSha).toBe(sha);
    });

    test('rebase of a head holding a merge commit is 405, and nothing moves', async () => {
      pushCommit('side', { 'envs/side.yaml': 's\n' }, 'side');
      pushCommit('promote/merged-in', { 'envs/m1.yaml': '1\n' }, 'm1');
      git(work, ['merge', '-q', '--no-ff', '-m', 'merge side', 'origin/side']);
      git(work, ['push', '-q', '-f', 'origin', 'HEAD:refs/heads/promote/merged-in']);
      const pr = await client().createPullRequest({
        head: 'promote/merged-in',
        base: 'main',
        title: 'has a merge',
        body: '',
      });
      const before = tip('main');
      const err = await refusal(
        client().mergePullRequest({ number: pr.number, mergeMethod: 'rebase' }),
      );
      expect(err).toBeInstanceOf(PullRequestNotMergeableError);
      expect(err).toMatchObject({ status: 405, reason: "This branch can't be rebased" });
      expect(tip('main')).toBe(before);
      // The other methods still work.
      await client().mergePullRequest({ number: pr.number });
    });

    test('a pull request GitHub finds not mergeable: 405, PullRequestNotMergeableError', async () => {
      const { pr, headSha } = await openPull('promote/blocked', { 'envs/c.yaml': 'c\n' });
      gh.setMergeable(pr.number, false);
      expect(await client().getPullRequest(pr.number)).toMatchObject({
        mergeable: false,
        mergeableState: 'dirty',
      });
      const before = tip('main');

      const err = await refusal(client().mergePullRequest({ number: pr.number, sha: headSha }));

      expect(err).toBeInstanceOf(PullRequestNotMergeableError);
      expect(err).toBeInstanceOf(OperationError);
      expect(err).toMatchObject({
        number: pr.number,
        status: 405,
        reason: 'Pull Request is not mergeable',
      });
      expect(err.message).toMatch(
        new RegExp(
          `could not merge pull request #${pr.number} in acme/gitops: HTTP 405: Pull Request is not mergeable \\(GitHub will not merge it now`,
        ),
      );
      expect(tip('main')).toBe(before);
      expect((await client().getPullRequest(pr.number)).state).toBe('open');

      // Not yet computed: GitHub says so, and merging is still up to git.
      gh.setMergeable(pr.number, null);
      expect(await client().getPullRequest(pr.number)).toMatchObject({
        mergeable: null,
        mergeableState: 'unknown',
      });
      gh.setMergeable(pr.number, undefined);
      const { sha } = await client().mergePullRequest({ number: pr.number, sha: headSha });
      expect(tip('main')).toBe(sha);
    });

    test('a head that conflicts with main reads dirty and is refused', async () => {
      const { pr } = await openPull('promote/conflict', { 'envs/dev/values.yaml': 'tag: 9.9.9\n' });
      pushCommit('main', { 'envs/dev/values.yaml': 'tag: 2.0.0\n' }, 'main bump', 'origin/main');
      expect(await client().getPullRequest(pr.number)).toMatchObject({
        mergeable: false,
        mergeableState: 'dirty',
      });
      const err = await refusal(client().mergePullRequest({ number: pr.number }));
      expect(err).toMatchObject({ status: 405, reason: 'Pull Request is not mergeable' });
    });

    test('a stale sha is 409: the head moved since it was read', async () => {
      const { pr, headSha } = await openPull('promote/stale', { 'envs/d.yaml': 'd: 1\n' });
      const moved = pushCommit('promote/stale', { 'envs/d.yaml': 'd: 2\n' }, 'moved');
      const before = tip('main');

      const err = await refusal(
        client().mergePullRequest({ number: pr.number, mergeMethod: 'squash', sha: headSha }),
      );

      expect(err).toBeInstanceOf(PullRequestNotMergeableError);
      expect(err).toMatchObject({
        status: 409,
        reason: 'Head branch was modified. Review and try the merge again.',
      });
      expect(err.message).toMatch(/HTTP 409: .*\(the head branch moved after it was read/);
      expect(tip('main')).toBe(before);
      const { sha } = await client().mergePullRequest({
        number: pr.number,
        mergeMethod: 'squash',
        sha: moved,
      });
      expect(git(bare, ['show', `${sha}:envs/d.yaml`])).toBe('d: 2\n');
    });

    test('an already merged pull request, or a closed one, is 405', async () => {
      const { pr } = await openPull('promote/twice', { 'envs/e.yaml': 'e\n' });
      await client().mergePullRequest({ number: pr.number });
      const after = tip('main');
      const again = await refusal(client().mergePullRequest({ number: pr.number }));
      expect(again).toMatchObject({ status: 405, reason: 'Pull Request is not mergeable' });
      expect(tip('main')).toBe(after);

      const { pr: closed } = await openPull('promote/closed', { 'envs/f.yaml': 'f\n' });
      await client().updatePullRequest({ number: closed.number, state: 'closed' });
      const err = await refusal(client().mergePullRequest({ number: closed.number }));
      expect(err).toBeInstanceOf(PullRequestNotMergeableError);
      expect(tip('main')).toBe(after);
    });

    test('a merge method the repository disallows is 405 in GitHub words', async () => {
      const { pr } = await openPull('promote/method', { 'envs/g.yaml': 'g\n' });
      gh.setMergeMethods(['squash']);
      try {
        const err = await refusal(client().mergePullRequest({ number: pr.number }));
        expect(err).toMatchObject({
          status: 405,
          reason: 'Merge commits are not allowed on this repository.',
        });
        const rebase = await refusal(
          client().mergePullRequest({ number: pr.number, mergeMethod: 'rebase' }),
        );
        expect(rebase).toMatchObject({
          reason: 'Rebase merges are not allowed on this repository.',
        });
        await client().mergePullRequest({ number: pr.number, mergeMethod: 'squash' });
      } finally {
        gh.setMergeMethods(['merge', 'squash', 'rebase']);
      }
    });

    test('a merge whose answer was lost is found merged on the retry', async () => {
      const { pr, headSha } = await openPull('promote/lost', { 'envs/h.yaml': 'h\n' });
      // What the client sees when its first PUT merged but the answer never came: a 502, then
      // GitHub's 405 for a merged pull request.
      const merged = await gh.mergePullRequest(pr.number, 'merge');
      gh.failNext(502, 1);
      const before = gh.requests.length;
      const { sha } = await client().mergePullRequest({ number: pr.number, sha: headSha });
      expect(sha).toBe(merged);
      expect(gh.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([
        `PUT /repos/acme/gitops/pulls/${pr.number}/merge`,
        `PUT /repos/acme/gitops/pulls/${pr.number}/merge`,
        `GET /repos/acme/gitops/pulls/${pr.number}`,
      ]);
      // Merged from another head than the one asked for: still a refusal.
      gh.failNext(502, 1);
      const err = await refusal(
        client().mergePullRequest({ number: pr.number, sha: '0'.repeat(40) }),
      );
      expect(err).toMatchObject({ status: 405 });
    });

    test('other failures are plain OperationErrors: 404, 422', async () => {
      const missing = await refusal(client().mergePullRequest({ number: 999 }));
      expect(missing).toBeInstanceOf(OperationError);
      expect(missing).not.toBeInstanceOf(PullRequestNotMergeableError);
      expect(missing.message).toMatch(
        /merge pull request #999 in acme\/gitops: HTTP 404: Not Found \(is the number right/,
      );
      const { pr } = await openPull('promote/bad-method', { 'envs/i.yaml': 'i\n' });
      const bad = await refusal(
        client().mergePullRequest({
          number: pr.number,
          mergeMethod: 'fast-forward' as 'merge',
        }),
      );
      expect(bad).not.toBeInstanceOf(PullRequestNotMergeableError);
      expect(bad.message).toMatch(/HTTP 422: Invalid request\..*merge_method/s);
      expect((await client().getPullRequest(pr.number)).state).toBe('open');
    });
  });

  describe('addLabels', () => {
    test('labels are added, created when new, and read back from GitHub', async () => {
      const { pr } = await openPull('promote/labels', { 'envs/l.yaml': 'l\n' });
      await client().addLabels(pr.number, ['gantry', 'stage/dev']);
      expect(gh.requests.at(-1)).toMatchObject({
        method: 'POST',
        path: `/repos/acme/gitops/issues/${pr.number}/labels`,
        body: { labels: ['gantry', 'stage/dev'] },
      });
      // Names match without regard to case; a label already there is not added twice.
      await client().addLabels(pr.number, ['Gantry', 'freight/abc']);
      const record = gh.pullRequests.find((p) => p.number === pr.number);
      expect(record?.labels).toEqual(['gantry', 'stage/dev', 'freight/abc']);
      expect(gh.labels.map((l) => l.name)).toEqual(['gantry', 'stage/dev', 'freight/abc']);

      const headers = { authorization: `token ${TOKEN}` };
      const listed = (await (
        await fetch(`${gh.url}/repos/acme/gitops/issues/${pr.number}/labels`, { headers })
      ).json()) as { name: string; color: string; default: boolean }[];
      expect(listed).toEqual([
        expect.objectContaining({ name: 'gantry', color: 'ededed', default: false }),
        expect.objectContaining({ name: 'stage/dev' }),
        expect.objectContaining({ name: 'freight/abc' }),
      ]);
      const pull = (await (
        await fetch(`${gh.url}/repos/acme/gitops/pulls/${pr.number}`, { headers })
      ).json()) as { labels: { name: string }[] };
      expect(pull.labels.map((l) => l.name)).toEqual(['gantry', 'stage/dev', 'freight/abc']);
    });

    test('no labels asks nothing; an unknown pull request or a bad name fails clearly', async () => {
      const before = gh.requests.length;
      await client().addLabels(1, []);
      expect(gh.requests.length).toBe(before);

      const missing = await refusal(client().addLabels(999, ['x']));
      expect(missing).toBeInstanceOf(OperationError);
      expect(missing.message).toMatch(
        /label pull request #999 in acme\/gitops with x: HTTP 404: Not Found \(is the number right/,
      );
      const bad = await refusal(client().addLabels(1, ['']));
      expect(bad.message).toMatch(/HTTP 422: Validation Failed: Label\.name invalid/);
    });
  });
});
