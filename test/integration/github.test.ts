import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GitHubClient } from '../../src/github/client.js';
import { OperationError } from '../../src/util/errors.js';
import { startFakeGitHub, type FakeGitHub } from '../support/github-fake.js';

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
