/**
 * The github provider through the whole runner (real time, short intervals) against the local
 * fake of GitHub's REST API, read by the real GitHubClient: checks that pass after a few polls,
 * a failing check, a required check that never reports, check runs and statuses together,
 * ignore globs, and what happens without a token or a commit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitHubClient } from '../../../src/github/client.js';
import type { CheckRun, GitHubPort } from '../../../src/github/port.js';
import type { VerificationMetric } from '../../../src/pipeline/types.js';
import type { AnalysisResult } from '../../../src/verification/analysis.js';
import { github as provider } from '../../../src/verification/providers/github.js';
import { ConfigError } from '../../../src/util/errors.js';
import {
  analyze,
  metric as providerMetric,
  providerHarness,
  type AnalyzeOptions,
} from '../../support/analysis.js';
import { startFakeGitHub, type FakeGitHub } from '../../support/github-fake.js';

const TOKEN = 'ghs_verifyChecksToken0123456789';
const WHERE = 'stages[0].verification.metrics[0].provider';

let gh: FakeGitHub;
beforeAll(async () => {
  gh = await startFakeGitHub({ owner: 'acme', repo: 'gitops', token: TOKEN, branches: ['main'] });
});
afterAll(async () => {
  await gh.close();
});

let seq = 0;
/** A fresh commit SHA per test (the fake without a repository takes any SHA). */
const commit = () => (++seq).toString(16).padStart(8, '0').repeat(5);

/** The real client; `onPoll(n)` runs before the n-th read of check runs (one per measurement). */
class PollingClient extends GitHubClient {
  polls = 0;
  constructor(
    private readonly onPoll: (n: number) => void = () => undefined,
    token = TOKEN,
  ) {
    super({
      token,
      apiUrl: gh.url,
      owner: 'acme',
      repo: 'gitops',
      retryHooks: { sleep: async () => undefined },
    });
  }
  override async checkRuns(ref: string): Promise<CheckRun[]> {
    this.onPoll(++this.polls);
    return super.checkRuns(ref);
  }
}

/** A github metric named "checks", measured up to 10 times, 20 ms apart. */
const metric = (config: Record<string, unknown>, over: Partial<VerificationMetric> = {}) =>
  providerMetric('github', config, {
    name: 'checks',
    count: 10,
    interval: '20ms',
    intervalMs: 20,
    ...over,
  });

/** Through the runner, for promotion commit `sha`, reading GitHub through `github`. */
function analyse(
  sha: string | undefined,
  metrics: VerificationMetric[],
  github: GitHubPort | undefined,
  more: AnalyzeOptions = {},
) {
  return analyze(metrics, {
    target: sha === undefined ? {} : { commit: sha },
    ...(github && { github }),
    secrets: [TOKEN],
    ...more,
  });
}

const values = (r: AnalysisResult) => r.metrics[0]?.measurements.map((m) => [m.phase, m.value]);

describe('github provider: waiting for the checks on the promotion commit', () => {
  it('waits while checks run, then succeeds at the first measurement where all passed', async () => {
    const sha = commit();
    const client = new PollingClient((n) => {
      if (n === 1) {
        gh.setCheckRuns(sha, [
          { name: 'lint', status: 'queued' },
          { name: 'test', status: 'in_progress' },
        ]);
      } else if (n === 2) {
        gh.setCheckRuns(sha, [
          { name: 'lint', conclusion: 'success' },
          { name: 'test', status: 'in_progress' },
        ]);
      } else {
        gh.setCheckRuns(sha, [
          { name: 'lint', conclusion: 'success' },
          { name: 'test', conclusion: 'success' },
        ]);
      }
    });
    gh.setStatuses(sha, [
      { context: 'ci/e2e', state: 'success', targetUrl: 'https://ci.acme.dev' },
    ]);
    const before = gh.requests.length;
    const res = await analyse(sha, [metric({})], client);

    expect(res.phase).toBe('Successful');
    expect(res.metrics[0]?.message).toBe('Successful after 3 measurements: all 3 checks passed');
    expect(values(res)).toEqual([
      ['Inconclusive', '1 of 3 checks passed; waiting for lint, test'],
      ['Inconclusive', '2 of 3 checks passed; waiting for test'],
      ['Successful', 'all 3 checks passed'],
    ]);
    // Both reads, on the promotion commit, authenticated.
    const paths = new Set(gh.requests.slice(before).map((r) => r.path));
    expect(paths).toEqual(
      new Set([
        `/repos/acme/gitops/commits/${sha}/check-runs`,
        `/repos/acme/gitops/commits/${sha}/status`,
      ]),
    );
    expect(gh.requests.at(-1)?.authorization).toBe(`token ${TOKEN}`);
  });

  it('fails at once when a check fails, naming it', async () => {
    const sha = commit();
    gh.setCheckRuns(sha, [
      { name: 'lint', conclusion: 'failure' },
      { name: 'test', conclusion: 'success' },
      { name: 'e2e', status: 'in_progress' },
    ]);
    const res = await analyse(sha, [metric({})], new PollingClient());
    expect(res.phase).toBe('Failed');
    expect(values(res)).toEqual([['Failed', 'failed: lint (failure); 1 of 3 checks passed']]);
    expect(res.message).toBe(
      'metric "checks" assessed Failed: failed (1) > failureLimit (0): failed: lint (failure); 1 of 3 checks passed',
    );
  });

  it.each(['cancelled', 'timed_out', 'action_required'] as const)(
    'a check run that ended %s fails',
    async (conclusion) => {
      const sha = commit();
      gh.setCheckRuns(sha, [{ name: 'deploy-preview', conclusion }]);
      const res = await analyse(sha, [metric({})], new PollingClient());
      expect(values(res)).toEqual([['Failed', `failed: deploy-preview (${conclusion})`]]);
    },
  );

  it('neutral and skipped count as passed, as branch protection counts them', async () => {
    const sha = commit();
    gh.setCheckRuns(sha, [
      { name: 'docs', conclusion: 'skipped' },
      { name: 'bench', conclusion: 'neutral' },
      { name: 'build', conclusion: 'success' },
    ]);
    const res = await analyse(sha, [metric({})], new PollingClient());
    expect(values(res)).toEqual([['Successful', 'all 3 checks passed']]);
  });

  it('waits for a required check that has not reported, and is Inconclusive at the end of count', async () => {
    const sha = commit();
    gh.setCheckRuns(sha, [{ name: 'build', conclusion: 'success' }]);
    const client = new PollingClient();
    const res = await analyse(sha, [metric({ checks: ['build', 'e2e'] }, { count: 3 })], client);
    expect(res.phase).toBe('Inconclusive');
    expect(client.polls).toBe(3);
    expect(values(res)).toEqual(
      Array(3).fill(['Inconclusive', '1 of 2 checks passed; waiting for e2e (not reported yet)']),
    );
    expect(res.metrics[0]?.message).toBe(
      'still waiting after count (3) measurements: 1 of 2 checks passed; waiting for e2e (not reported yet)',
    );
  });

  it('a required check that appears later is waited for; the others are not required', async () => {
    const sha = commit();
    const client = new PollingClient((n) => {
      gh.setCheckRuns(sha, [
        { name: 'build', conclusion: 'success' },
        // Not required: its failure does not count.
        { name: 'flaky-lint', conclusion: 'failure' },
        ...(n >= 3 ? [{ name: 'e2e (chrome)', conclusion: 'success' as const }] : []),
      ]);
    });
    const res = await analyse(sha, [metric({ checks: ['build', 'e2e*'] })], client);
    expect(res.phase).toBe('Successful');
    expect(values(res)?.map((v) => v[1])).toEqual([
      '1 of 2 checks passed; waiting for e2e* (not reported yet)',
      '1 of 2 checks passed; waiting for e2e* (not reported yet)',
      'all 2 checks passed',
    ]);
  });

  it('reads check runs and commit statuses together; a status error fails', async () => {
    const sha = commit();
    const client = new PollingClient((n) => {
      gh.setStatuses(sha, [
        { context: 'ci/circleci: build', state: 'success' },
        { context: 'ci/jenkins', state: 'pending', description: 'queued' },
        ...(n >= 2
          ? [{ context: 'ci/jenkins', state: n >= 3 ? 'error' : 'pending' } as const]
          : []),
      ]);
    });
    gh.setCheckRuns(sha, [{ name: 'build', conclusion: 'success' }]);
    const res = await analyse(sha, [metric({ checks: ['build', 'ci/*'] })], client);
    expect(res.phase).toBe('Failed');
    expect(values(res)).toEqual([
      ['Inconclusive', '2 of 3 checks passed; waiting for ci/jenkins'],
      ['Inconclusive', '2 of 3 checks passed; waiting for ci/jenkins'],
      ['Failed', 'failed: ci/jenkins (error); 2 of 3 checks passed'],
    ]);
  });

  it('conditions see result.checks with their kind, state and url, and decide instead', async () => {
    const sha = commit();
    gh.setCheckRuns(sha, [
      { name: 'build', conclusion: 'success' },
      { name: 'slow-e2e', status: 'in_progress' },
    ]);
    gh.setStatuses(sha, [
      { context: 'security/snyk', state: 'success', targetUrl: 'https://snyk.io/r/1' },
    ]);
    const seen: string[] = [];
    const res = await analyse(
      sha,
      [
        metric(
          {},
          {
            successCondition:
              'result.failed == 0 && all(filter(result.checks, {.name != "slow-e2e"}), {.state == "success"})',
          },
        ),
      ],
      new PollingClient(),
      { log: (line) => void seen.push(line) },
    );
    expect(res.phase).toBe('Successful');
    expect(values(res)).toEqual([['Successful', '2 of 3 checks passed; waiting for slow-e2e']]);
    expect(seen).toContain(
      `metric "checks": github: reading the check runs and commit statuses of ${sha.slice(0, 7)}`,
    );

    // The result as conditions see it.
    const m = await provider.measure(
      provider.parse({}, WHERE),
      providerHarness({ github: new PollingClient(), target: { commit: sha } }).ctx,
    );
    expect(m.result).toEqual({
      ref: sha,
      checks: [
        {
          name: 'slow-e2e',
          kind: 'check-run',
          state: 'pending',
          conclusion: null,
          url: expect.stringMatching(/^https:\/\/github\.com\/acme\/gitops\/runs\/\d+$/),
        },
        {
          name: 'build',
          kind: 'check-run',
          state: 'success',
          conclusion: 'success',
          url: expect.stringMatching(/\/runs\/\d+$/),
        },
        {
          name: 'security/snyk',
          kind: 'status',
          state: 'success',
          conclusion: 'success',
          url: 'https://snyk.io/r/1',
        },
      ],
      missing: [],
      pending: 1,
      failed: 0,
      succeeded: 2,
    });
  });

  it('runs the docs/verify.md example with both conditions: one flaky e2e shard is tolerated', async () => {
    const shards = (...states: ('success' | 'failure' | null)[]) =>
      states.map((conclusion, i) =>
        conclusion ? { name: `e2e (${i + 1})`, conclusion } : { name: `e2e (${i + 1})` },
      );
    const example = (sha: string, timeline: ReturnType<typeof shards>[]) =>
      analyse(
        sha,
        [
          metric(
            { checks: ['e2e (*)'], includeStatuses: false },
            {
              name: 'e2e-shards',
              successCondition: 'len(filter(result.checks, {.state == "success"})) >= 3',
              failureCondition: 'result.failed > 1',
            },
          ),
        ],
        new PollingClient((n) => gh.setCheckRuns(sha, timeline[Math.min(n, timeline.length) - 1]!)),
      );
    const a = await example(commit(), [
      shards(null, null, null, null),
      shards('success', 'failure', null, 'success'),
      shards('success', 'failure', 'success', 'success'),
    ]);
    expect(a.phase).toBe('Successful');
    expect(a.metrics[0]?.measurements.map((m) => m.phase)).toEqual([
      'Inconclusive',
      'Inconclusive',
      'Successful',
    ]);
    const b = await example(commit(), [
      shards('success', 'failure', null, null),
      shards('success', 'failure', 'failure', null),
    ]);
    expect(b.phase).toBe('Failed');
    expect(b.metrics[0]?.measurements.map((m) => m.phase)).toEqual(['Inconclusive', 'Failed']);
  });

  it('leaves out ignored checks (globs), required or not', async () => {
    const sha = commit();
    gh.setCheckRuns(sha, [
      { name: 'build', conclusion: 'success' },
      { name: 'codecov/patch', conclusion: 'failure' },
      { name: 'gantry verify', status: 'in_progress' },
    ]);
    gh.setStatuses(sha, [{ context: 'preview/staging', state: 'failure' }]);
    const res = await analyse(
      sha,
      [metric({ ignore: ['codecov/*', 'preview/*', 'gantry *'] })],
      new PollingClient(),
    );
    expect(values(res)).toEqual([['Successful', '1 check passed: build']]);

    // A glob in checks matches around the ignored ones.
    const res2 = await analyse(
      sha,
      [metric({ checks: ['*'], ignore: ['codecov/*', 'preview/*', 'gantry *'] })],
      new PollingClient(),
    );
    expect(values(res2)).toEqual([['Successful', '1 check passed: build']]);
  });

  it('matches globs against the names GitHub reports in linear time', async () => {
    const sha = commit();
    // A name GitHub reports and a glob with many stars: a backtracking engine takes hours here.
    const long = `lint ${'a'.repeat(5_000)}`;
    gh.setCheckRuns(sha, [
      { name: long, conclusion: 'failure' },
      { name: 'build', conclusion: 'success' },
    ]);
    const started = performance.now();
    const res = await analyse(
      sha,
      [metric({ checks: ['build', `*${'a*'.repeat(12)}b`], ignore: [`*${'a*'.repeat(12)}!`] })],
      new PollingClient(),
    );
    expect(res.phase).toBe('Inconclusive');
    expect(res.metrics[0]?.measurements[0]?.message).toContain('waiting for *a*a*');
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('without a checks list, waits until at least one check has reported', async () => {
    const sha = commit();
    gh.setCheckRuns(sha, [{ name: 'codecov', conclusion: 'success' }]);
    const res = await analyse(
      sha,
      [metric({ ignore: ['codecov'] }, { count: 2 })],
      new PollingClient(),
    );
    expect(res.phase).toBe('Inconclusive');
    expect(values(res)).toEqual(
      Array(2).fill([
        'Inconclusive',
        `no check runs or commit statuses on ${sha.slice(0, 7)} yet (1 ignored)`,
      ]),
    );
  });

  it('reads only what it is told to, and a ref other than the promotion commit', async () => {
    const sha = commit();
    const other = commit();
    gh.setCheckRuns(other, [{ name: 'build', conclusion: 'failure' }]);
    gh.setStatuses(other, [{ context: 'ci', state: 'success' }]);
    const before = gh.requests.length;
    const res = await analyse(
      sha,
      [metric({ ref: other, includeCheckRuns: false })],
      new PollingClient(),
    );
    expect(values(res)).toEqual([['Successful', '1 check passed: ci']]);
    expect(gh.requests.slice(before).map((r) => r.path)).toEqual([
      `/repos/acme/gitops/commits/${other}/status`,
    ]);

    const res2 = await analyse(
      sha,
      [metric({ ref: other, includeStatuses: false })],
      new PollingClient(),
    );
    expect(values(res2)).toEqual([['Failed', 'failed: build (failure)']]);
  });
});

describe('github provider: what it cannot do', () => {
  it('is an Error without a token for the GitOps repository', async () => {
    const res = await analyse(commit(), [metric({})], undefined);
    expect(res.phase).toBe('Error');
    expect(res.metrics[0]?.measurements[0]?.message).toMatch(
      /^github: the github provider needs a token for the GitOps repository on GitHub/,
    );
    await expect(
      provider.measure(
        provider.parse({}, WHERE),
        providerHarness({ target: { commit: 'abc' } }).ctx,
      ),
    ).rejects.toBeInstanceOf(ConfigError);
  });

  it('is an Error when the promotion commit is not known (unless ref is set)', async () => {
    const res = await analyse(undefined, [metric({})], new PollingClient());
    expect(res.phase).toBe('Error');
    expect(res.metrics[0]?.measurements[0]?.message).toBe(
      'github: the promotion commit is not known, so there are no checks to read: set ref',
    );
  });

  it('is an Error when GitHub refuses: a wrong token (redacted), a missing permission', async () => {
    const wrong = 'ghs_wrongTokenABCDEFGH12345';
    const res = await analyse(commit(), [metric({})], new PollingClient(undefined, wrong), {
      secrets: [wrong],
    });
    expect(res.phase).toBe('Error');
    const message = res.metrics[0]?.measurements[0]?.message ?? '';
    expect(message).toMatch(/HTTP 401: Bad credentials \(the token is invalid or has expired\)/);
    expect(message).not.toContain(wrong);

    gh.answerNext(403, { message: 'Resource not accessible by integration' });
    const res2 = await analyse(commit(), [metric({ includeStatuses: false })], new PollingClient());
    expect(res2.metrics[0]?.measurements[0]?.message).toMatch(
      /HTTP 403: Resource not accessible by integration \(the token needs the checks: read permission\)/,
    );
  });

  it('retries after an Error measurement, within consecutiveErrorLimit', async () => {
    const sha = commit();
    gh.setCheckRuns(sha, [{ name: 'build', conclusion: 'success' }]);
    gh.failNext(503, 4); // the client's own retries (4 attempts) use them all up
    const res = await analyse(
      sha,
      [metric({ includeStatuses: false }, { consecutiveErrorLimit: 2 })],
      new PollingClient(),
    );
    expect(res.phase).toBe('Successful');
    expect(res.metrics[0]?.measurements.map((m) => m.phase)).toEqual(['Error', 'Successful']);
  });

  it('checks its fields before anything is measured', async () => {
    const bad = (config: unknown) => () => provider.parse(config, WHERE);
    expect(bad({ check: ['build'] })).toThrow(
      `${WHERE}: check: is not a field of the github provider (did you mean "checks"?)`,
    );
    expect(bad({ checks: [] })).toThrow(
      `${WHERE}: checks: must list at least one check name (leave it out to require every check)`,
    );
    expect(bad({ checks: 'build' })).toThrow(`${WHERE}: checks: must be a list of check names`);
    expect(bad({ checks: ['build', ''] })).toThrow(
      `${WHERE}: checks[1]: must be a non-empty check name`,
    );
    expect(bad({ checks: ['build', 'build'] })).toThrow(
      `${WHERE}: checks[1]: repeats checks[0] (build)`,
    );
    expect(bad({ checks: ['codecov/patch'], ignore: ['codecov/*'] })).toThrow(
      `${WHERE}: checks[0]: codecov/patch is also ignored (ignore[0]: codecov/*)`,
    );
    expect(bad({ includeStatuses: false, includeCheckRuns: false })).toThrow(
      'there is nothing to read',
    );
    expect(bad({ includeStatuses: 'no' })).toThrow(
      `${WHERE}: includeStatuses: must be true or false`,
    );
    expect(bad({ ref: '' })).toThrow(`${WHERE}: ref: must not be empty`);
    expect(bad(['build'])).toThrow(ConfigError);
    expect(provider.parse({ checks: [' build ', 'e2e*'], ref: ' abc ' }, WHERE)).toEqual({
      checks: ['build', 'e2e*'],
      ignore: [],
      ref: 'abc',
      includeCheckRuns: true,
      includeStatuses: true,
    });

    // Through the runner: the whole verification is Error, nothing is measured.
    const before = gh.requests.length;
    const res = await analyse(commit(), [metric({ checks: [] })], new PollingClient());
    expect(res.phase).toBe('Error');
    expect(res.message).toMatch(
      /^verification spec invalid: verification metric "checks": provider github: checks:/,
    );
    expect(gh.requests.length).toBe(before);
  });
});
