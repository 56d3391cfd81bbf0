import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Freight } from '../../src/freight/types.js';
import { makeFreight } from '../support/freight.js';
import { runSync, sharedLauncher } from '../support/git-launcher.js';
import { startGitHttpServer } from '../support/git-server.js';
import { startFakeGitHub } from '../support/github-fake.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { seedFreight } from '../support/seed-freight.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** A bare GitOps repository holding `files`, with `freight` recorded as discover would. */
async function seededRepo(
  root: string,
  name: string,
  files: Record<string, string>,
  freight: Freight[],
): Promise<string> {
  const bare = createBareRepo(root, name, files);
  await seedFreight(bare, 'echo', freight);
  return bare;
}

/** The runner's side of a bundled action run: INPUT_* variables, GITHUB_OUTPUT and summary files. */
function runnerFiles(inputs: Record<string, string>, extraEnv: Record<string, string>) {
  const output = join(tmp.path, `out-${Math.random().toString(36).slice(2)}`);
  const summary = `${output}-summary`;
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: tmp.path,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_REPOSITORY: 'acme/gitops',
    GITHUB_SERVER_URL: 'https://github.com',
    ...extraEnv,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const read = () => ({
    output: readFileSync(output, 'utf8'),
    summary: readFileSync(summary, 'utf8'),
  });
  return { env, read };
}

/**
 * Runs a bundled action as the runner does. Started by the worker's small launcher process (the
 * same node, the same arguments and environment), not forked from the worker itself.
 */
function runAction(
  entry: string,
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
) {
  const { env, read } = runnerFiles(inputs, extraEnv);
  const r = runSync(process.execPath, [join('dist', entry, 'index.js')], {
    cwd: process.cwd(),
    env,
  });
  return {
    code: r.status,
    stdout: r.stdout.toString('utf8'),
    stderr: r.stderr.toString('utf8'),
    ...read(),
  };
}

/**
 * runAction without blocking the event loop: needed when a server the action talks to (the fake
 * GitHub, the git server) runs in this process.
 */
async function runActionAsync(
  entry: string,
  inputs: Record<string, string>,
  extraEnv: Record<string, string>,
) {
  const { env, read } = runnerFiles(inputs, extraEnv);
  const r = await sharedLauncher()({
    file: process.execPath,
    args: [join('dist', entry, 'index.js')],
    cwd: process.cwd(),
    env,
    input: '',
    timeoutMs: 60_000,
  });
  const code = r.exitCode;
  const stdout = r.stdoutBytes.toString('utf8');
  const stderr = r.stderr;
  return { code, stdout, stderr, ...read() };
}

describe('dist/verify', () => {
  const valid = { stage: 'dev', token: 'ghs_SECRETtoken1234' };

  test('rejects a bad input before doing anything, without showing the token', () => {
    const r = runAction('verify', { ...valid, stage: 'Not A Stage', timeout: 'soon' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::add-mask::ghs_SECRETtoken1234');
    expect(r.stdout).toMatch(/::error::invalid input: input "(stage|timeout)" must/);
    expect(r.output).toBe('');
    expect(r.stdout.split('\n').filter((l) => l.includes('ghs_SECRETtoken1234'))).toEqual([
      '::add-mask::ghs_SECRETtoken1234',
    ]);
  });
});

test('dist/discover parses its inputs and fails before any work on a bad one', () => {
  const r = runAction('discover', { token: 'ghs_SECRETtoken1234', 'dry-run': 'perhaps' });
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('::add-mask::ghs_SECRETtoken1234');
  expect(r.stdout).toContain(
    '::error::invalid input: input "dry-run" must be true or false, not "perhaps"',
  );
  expect(r.output).toBe('');
});

test('dist/main runs the command named by the command input', () => {
  // verify's own input check answers, so the command reached verify.
  const r = runAction('main', { command: 'verify', stage: 'prod', timeout: 'forever' });
  expect(r.code).toBe(1);
  expect(r.stdout).toContain(
    '::error::invalid input: input "timeout" must be a duration such as 30m or 1h30m, not "forever"',
  );
  const bad = runAction('main', { command: 'deploy' });
  expect(bad.stdout).toContain(
    '::error::invalid input: input "command" must be one of discover, promote, verify, approve, environment, assemble, not "deploy"',
  );
});

test("dist/main with command: approve records an approval by the run's actor", async () => {
  const project = `project: echo
warehouses: [{name: echo, subscriptions: [{image: {repoURL: ghcr.io/acme/echo}}]}]
stages:
  - name: prod
    requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {stages: [dev]}}]
    promotionTemplate: {steps: [{uses: yaml-update}]}
  - name: dev
    requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {direct: true}}]
    promotionTemplate: {steps: [{uses: yaml-update}]}
`;
  const f = makeFreight('1.0.0', { alias: 'lucky-jaguar' });
  const bare = await seededRepo(tmp.path, 'approve', { '.gantry/echo.yaml': project }, [f]);
  const r = runAction(
    'main',
    {
      command: 'approve',
      stage: 'prod',
      freight: 'lucky-jaguar',
      reason: 'hotfix',
      repository: `file://${bare}`,
    },
    {
      GITHUB_ACTOR: 'alice',
      PATH: process.env.PATH ?? '',
      ...testGitEnv(tmp.path),
      // Step debug logging: every git command shows as a debug line.
      RUNNER_DEBUG: '1',
    },
  );
  expect(r.stdout).not.toContain('::error::');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^::debug::git ls-remote --tags file:\/\/.* exit 0 in \d+ ms/m);
  expect(r.output).toContain(f.id);
  const msg = git(bare, ['cat-file', '-p', `gantry/echo/approved/prod/${f.id}`]);
  expect(msg).toContain('"approvedBy": "alice"');
  expect(msg).toContain('"reason": "hotfix"');
});

test('dist/promote promotes the newest freight and writes outputs and the summary', async () => {
  const project = `project: echo
warehouses: [{name: echo, subscriptions: [{image: {repoURL: ghcr.io/acme/echo}}]}]
stages:
  - name: dev
    requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {direct: true}}]
    promotionTemplate:
      steps:
        - uses: yaml-update
          config: {path: values.yaml, updates: [{key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}]}
`;
  const f = makeFreight('2.0.0');
  const bare = await seededRepo(
    tmp.path,
    'promote',
    {
      '.gantry/echo.yaml': project,
      'values.yaml': 'image:\n  tag: 0.1.0\n',
    },
    [f],
  );
  const r = runAction(
    'promote',
    { stage: 'dev', repository: `file://${bare}`, 'dry-run': 'false' },
    {
      ...testGitEnv(tmp.path),
      GITHUB_ACTOR: 'bob',
      GITHUB_RUN_ID: '9',
      RUNNER_TEMP: join(tmp.path, 'rt'),
    },
  );
  expect(r.stdout).not.toContain('::error::');
  expect(r.code).toBe(0);
  const commit = git(bare, ['rev-parse', 'main']).trim();
  expect(r.output).toContain(f.id);
  expect(r.output).toContain(commit);
  expect(r.output).toMatch(/^changed<<.*\ntrue\n/m);
  expect(git(bare, ['show', 'main:values.yaml'])).toBe('image:\n  tag: 2.0.0\n');
  expect(
    git(bare, ['log', '-1', '--format=%(trailers:key=Gantry-Run,valueonly)', 'main']).trim(),
  ).toBe('https://github.com/acme/gitops/actions/runs/9');
});

test('dist/promote in pull-request mode opens the PR, records approvers, and outputs its URL', async () => {
  const token = 'ghs_PullRequestModeToken42';
  const project = `project: echo
warehouses: [{name: echo, subscriptions: [{image: {repoURL: ghcr.io/acme/echo}}]}]
stages:
  - name: prod
    environment: production
    requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {direct: true}}]
    promotionTemplate:
      mode: pull-request
      steps:
        - uses: yaml-update
          config: {path: values.yaml, updates: [{key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}]}
`;
  const root = join(tmp.path, 'prmode');
  const f = makeFreight('3.0.0');
  const bare = await seededRepo(
    join(root, 'acme'),
    'gitops',
    { '.gantry/echo.yaml': project, 'values.yaml': 'image:\n  tag: 0.1.0\n' },
    [f],
  );
  const server = await startGitHttpServer({
    root,
    auth: { username: 'x-access-token', password: token },
  });
  const gh = await startFakeGitHub({ owner: 'acme', repo: 'gitops', token, repoPath: bare });
  gh.setRunApprovals(77, [
    { login: 'carol', state: 'approved', comment: 'go', environments: ['production'] },
  ]);
  gh.setEnvironment('production', { reviewers: ['carol'] });
  try {
    const r = await runActionAsync(
      'promote',
      { stage: 'prod', repository: 'acme/gitops', token, 'dry-run': 'false' },
      {
        ...testGitEnv(tmp.path),
        GITHUB_REPOSITORY: 'acme/gitops',
        GITHUB_SERVER_URL: server.url,
        GITHUB_API_URL: gh.url,
        GITHUB_ACTOR: 'bob',
        GITHUB_RUN_ID: '77',
        RUNNER_TEMP: join(tmp.path, 'rt-pr'),
      },
    );
    expect(r.stdout).not.toContain('::error::');
    expect(r.stdout).not.toContain('::warning::');
    expect(r.code).toBe(0);
    expect(gh.pullRequests).toHaveLength(1);
    const url = 'https://github.com/acme/gitops/pull/1';
    expect(r.output).toMatch(new RegExp(`^pull-request-url<<.*\\n${url}\\n`, 'm'));
    expect(r.summary).toContain(`[pull request #1](${url})`);
    expect(r.summary).toContain('Approved by carol.');
    const head = 'gantry/promote/echo/prod';
    expect(git(bare, ['show', `${head}:values.yaml`])).toBe('image:\n  tag: 3.0.0\n');
    expect(
      git(bare, ['log', '-1', '--format=%(trailers:key=Approved-By,valueonly)', head]).trim(),
    ).toBe('carol');
    expect(r.stdout + r.summary + r.output).not.toMatch(/ghs_PullRequestModeToken42(?!\n)/);
    expect(
      r.stdout.split('\n').filter((l) => l.includes(token) && !l.startsWith('::add-mask::')),
    ).toEqual([]);
  } finally {
    await gh.close();
    await server.close();
  }
});

describe('the production gate, through the bundles', () => {
  const token = 'ghs_GateBundleToken77';
  const project = `project: echo
warehouses: [{name: echo, subscriptions: [{image: {repoURL: ghcr.io/acme/echo}}]}]
stages:
  - name: prod
    environment: production
    requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {direct: true}}]
    promotionTemplate:
      steps:
        - uses: yaml-update
          config: {path: values.yaml, updates: [{key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}]}
`;

  async function world(name: string) {
    const root = join(tmp.path, name);
    const bare = await seededRepo(
      join(root, 'acme'),
      'gitops',
      { '.gantry/echo.yaml': project, 'values.yaml': 'image:\n  tag: 0.1.0\n' },
      [makeFreight('3.0.0')],
    );
    const server = await startGitHttpServer({
      root,
      auth: { username: 'x-access-token', password: token },
    });
    const gh = await startFakeGitHub({ owner: 'acme', repo: 'gitops', token, repoPath: bare });
    gh.setEnvironment('production', { reviewers: ['carol'] });
    const env = {
      ...testGitEnv(tmp.path),
      GITHUB_REPOSITORY: 'acme/gitops',
      GITHUB_SERVER_URL: server.url,
      GITHUB_API_URL: gh.url,
      GITHUB_ACTOR: 'bob',
      GITHUB_RUN_ID: '501',
      GITHUB_SHA: git(bare, ['rev-parse', 'main']).trim(),
      RUNNER_TEMP: join(root, 'rt'),
    };
    return {
      bare,
      gh,
      env,
      close: async () => {
        await gh.close();
        await server.close();
      },
    };
  }

  test('the job ran under prod, the project says production with reviewers: refused, nothing committed', async () => {
    const w = await world('gate-drift');
    try {
      await w.gh.startJob({ runId: 501, environment: 'prod' });
      w.gh.setRunApprovals(501, []);
      const before = git(w.bare, ['rev-parse', 'main']).trim();
      const r = await runActionAsync(
        'promote',
        { stage: 'prod', repository: 'acme/gitops', token },
        w.env,
      );
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(
        '::error::refused: stage prod is gated by environment production (required reviewers (carol)), but run 501 did not pass that gate: the job ran under environment prod. Nothing was committed.',
      );
      expect(git(w.bare, ['rev-parse', 'main']).trim()).toBe(before);
      expect(r.output).toBe('');
    } finally {
      await w.close();
    }
  });

  test('the generated workflow: command environment says production, the job runs under it and is approved: promoted', async () => {
    const w = await world('gate-generated');
    try {
      // The workflow's first job asks gantry for the stage's environment …
      const asked = await runActionAsync(
        'main',
        { command: 'environment', stage: 'prod', repository: 'acme/gitops', token },
        w.env,
      );
      expect(asked.stdout).not.toContain('::error::');
      expect(asked.output).toMatch(/^environment<<.*\nproduction\n/m);
      // … GitHub runs the promote job under it once carol approves …
      await w.gh.startJob({ runId: 501, environment: 'production' });
      w.gh.setRunApprovals(501, [
        { login: 'carol', state: 'approved', environments: ['production'] },
      ]);
      // … and the promote step finds the gate passed.
      const r = await runActionAsync(
        'promote',
        { stage: 'prod', repository: 'acme/gitops', token },
        w.env,
      );
      expect(r.stdout).not.toContain('::error::');
      expect(r.stdout).not.toContain('::warning::');
      expect(r.stdout).toContain('gate passed: environment production approved by carol');
      expect(r.code).toBe(0);
      expect(git(w.bare, ['show', 'main:values.yaml'])).toBe('image:\n  tag: 3.0.0\n');
    } finally {
      await w.close();
    }
  });
});

test('dist/promote refuses a misspelt struct field and commits nothing (no `tag: null`)', async () => {
  const project = `project: echo
warehouses: [{name: echo, subscriptions: [{image: {repoURL: ghcr.io/acme/echo}}]}]
stages:
  - name: dev
    requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {direct: true}}]
    promotionTemplate:
      steps:
        - uses: yaml-update
          config: {path: values.yaml, updates: [{key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tga }}'}]}
`;
  const bare = await seededRepo(
    tmp.path,
    'strict-typo',
    { '.gantry/echo.yaml': project, 'values.yaml': 'image:\n  tag: 0.1.0\n' },
    [makeFreight('2.0.0')],
  );
  const before = git(bare, ['rev-parse', 'main']).trim();
  const r = runAction(
    'promote',
    { stage: 'dev', repository: `file://${bare}` },
    { ...testGitEnv(tmp.path), RUNNER_TEMP: join(tmp.path, 'rt-typo') },
  );
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('type Image has no field Tga (did you mean "Tag"?)');
  expect(git(bare, ['rev-parse', 'main']).trim()).toBe(before);
  expect(git(bare, ['show', 'main:values.yaml'])).toBe('image:\n  tag: 0.1.0\n');
});

test('dist/verify verifies the promoted freight and outputs the promotions now due', async () => {
  const project = `project: echo
warehouses: [{name: echo, subscriptions: [{image: {repoURL: ghcr.io/acme/echo}}]}]
stages:
  - name: dev
    requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {direct: true}}]
    promotionTemplate:
      steps:
        - uses: yaml-update
          config: {path: values.yaml, updates: [{key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}]}
    verification:
      - name: smoke
        successCondition: result.stdout == "ok\\n"
        provider:
          command: {run: echo ok}
  - name: staging
    autoPromotion: true
    requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {stages: [dev]}}]
    promotionTemplate:
      steps:
        - uses: compose-output
          config: {x: y}
`;
  const f = makeFreight('2.0.0');
  const bare = await seededRepo(
    tmp.path,
    'verify',
    {
      '.gantry/echo.yaml': project,
      'values.yaml': 'image:\n  tag: 0.1.0\n',
    },
    [f],
  );
  const env = {
    ...testGitEnv(tmp.path),
    GITHUB_REPOSITORY: 'acme/gitops',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_ACTOR: 'bob',
    GITHUB_RUN_ID: '11',
    RUNNER_TEMP: join(tmp.path, 'rt-verify'),
  };
  const promoted = runAction('promote', { stage: 'dev', repository: `file://${bare}` }, env);
  expect(promoted.code).toBe(0);
  const r = await runActionAsync('verify', { stage: 'dev', repository: `file://${bare}` }, env);
  expect(r.stdout).not.toContain('::error::');
  expect(r.code).toBe(0);
  expect(r.output).toMatch(/^result<<.*\nSuccessful\n/m);
  expect(r.output).toMatch(/^verified<<.*\ntrue\n/m);
  expect(r.output).toContain(`{"include":[{"project":"echo","stage":"staging","freight":"${f.id}"`);
  expect(r.summary).toContain('| smoke | 1 | ✅ Successful |');
  expect(r.summary).toContain('**Decision: Successful.**');
  expect(git(bare, ['cat-file', '-t', `gantry/echo/verified/dev/${f.id}`]).trim()).toBe('tag');
});

test('a problem of the project, not of the inputs, is not called an invalid input', async () => {
  const project = `project: echo
warehouses: [{name: echo, subscriptions: [{image: {repoURL: ghcr.io/acme/echo}}]}]
stages:
  - name: dev
    requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {direct: true}}]
    promotionTemplate:
      mode: pull-request
      steps:
        - uses: yaml-update
          config: {path: values.yaml, updates: [{key: image.tag, value: '1'}]}
`;
  const f = makeFreight('4.0.0');
  const bare = await seededRepo(
    tmp.path,
    'notinput',
    { '.gantry/echo.yaml': project, 'values.yaml': 'image:\n  tag: 0\n' },
    [f],
  );
  const r = runAction(
    'promote',
    { stage: 'dev', repository: `file://${bare}` },
    { ...testGitEnv(tmp.path), RUNNER_TEMP: join(tmp.path, 'rt-notinput') },
  );
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('::error::stage dev promotes by pull request, which needs');
  expect(r.stdout).not.toContain('invalid input');
});
