import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../support/github-fake.js';
import { RegistryPusher, startRegistry, type TestRegistry } from '../support/registry.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { runGantry } from '../support/cli.js';

const TOKEN = 'ghs_e2eDiscoverToken99';

function run(
  cmd: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const project = (registry: string, appRepo: string) => `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ${registry}/demo/app, imageSelectionStrategy: SemVer, constraint: ^1.0.0, discoveryLimit: 5}
      - git: {repoURL: ${appRepo}, commitSelectionStrategy: NewestFromBranch, branch: main}
stages:
  - name: dev
    autoPromotion: true
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate: {steps: [{uses: yaml-update}]}
  - name: staging
    autoPromotion: true
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {stages: [dev]}
    promotionTemplate: {steps: [{uses: yaml-update}]}
`;

describe('discover end to end: real registry, real git, the CLI and the bundled action', () => {
  const tmp = tempDir();
  let registry: TestRegistry;
  let pusher: RegistryPusher;
  let github: FakeGitHub;
  let gitops: string;
  let appRepo: string;
  const env = () => ({ ...testGitEnv(tmp.path), GANTRY_CACHE_DIR: join(tmp.path, 'cli-cache') });

  beforeAll(async () => {
    registry = await startRegistry();
    pusher = new RegistryPusher(registry.url);
    await pusher.pushImage('demo/app', ['1.0.0', '1.1.0', '2.0.0', '1.2.0-rc.1', 'latest']);
    const app = createBareRepo(tmp.path, 'app', { 'main.go': 'package main\n' });
    appRepo = `file://${app}`;
    gitops = createBareRepo(tmp.path, 'gitops', {
      '.gantry/echo.yaml': project(registry.host, appRepo),
    });
    github = await startFakeGitHub({
      owner: 'acme',
      repo: 'gitops',
      token: TOKEN,
      branches: ['main'],
      workflows: [
        {
          file: 'gantry-promote.yml',
          id: 7,
          dispatchInputs: ['stage', 'freight'],
          requiredInputs: ['stage'],
        },
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await github.close();
    await registry.close();
    tmp.cleanup();
  });

  const cli = (args: string[]) => runGantry(args, env());

  test('gantry discover --dry-run shows the freight and records nothing', async () => {
    const r = await cli(['discover', '--repo', `file://${gitops}`, '--dry-run']);
    expect(r.err).not.toMatch(/warning|error/);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^image +127\.0\.0\.1:\d+\/demo\/app +SemVer +1\.1\.0 +1\.1\.0, 1\.0\.0$/m,
    );
    expect(r.out).toMatch(/^git +file:\/\/\S+app\.git +NewestFromBranch +[0-9a-f]{7} /m);
    expect(r.out).toContain('dry run: not recorded');
    expect(git(gitops, ['tag', '-l'])).toBe('');
  });

  test('gantry discover records freight once and lists the promotion it makes due', async () => {
    const first = await cli(['discover', '--repo', `file://${gitops}`, '-o', 'json']);
    expect(first.code).toBe(0);
    const doc = JSON.parse(first.out) as {
      freight: {
        id: string;
        alias: string;
        new: boolean;
        images: { tag: string; digest: string }[];
      }[];
      promotions: unknown[];
    };
    expect(doc.freight).toHaveLength(1);
    expect(doc.freight[0]).toMatchObject({
      new: true,
      images: [{ tag: '1.1.0', digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) }],
    });
    expect(doc.promotions).toEqual([
      { project: 'echo', stage: 'dev', freight: doc.freight[0]?.id, alias: doc.freight[0]?.alias },
    ]);
    const second = JSON.parse(
      (await cli(['discover', '--repo', `file://${gitops}`, '-o', 'json'])).out,
    ) as typeof doc;
    expect(second.freight[0]).toMatchObject({ id: doc.freight[0]?.id, new: false });
    expect(git(gitops, ['tag', '-l']).trim().split('\n')).toHaveLength(1);
  });

  test('the bundled discover action: outputs, job summary and one workflow_dispatch per due promotion', async () => {
    await pusher.pushImage('demo/app', ['1.3.0']);
    const output = join(tmp.path, 'github-output');
    const summary = join(tmp.path, 'step-summary');
    writeFileSync(output, '');
    writeFileSync(summary, '');
    // Not spawnSync: the fake GitHub API answers from this very process.
    const r = await run(process.execPath, ['dist/discover/index.js'], {
      ...testGitEnv(tmp.path),
      INPUT_REPOSITORY: `file://${gitops}`,
      INPUT_TOKEN: TOKEN,
      'INPUT_DISPATCH-WORKFLOW': 'gantry-promote.yml',
      'INPUT_DRY-RUN': 'false',
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_REPOSITORY: 'acme/gitops',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: github.url,
      GITHUB_RUN_ID: '4242',
      GITHUB_REF_TYPE: 'branch',
      GITHUB_REF_NAME: 'main',
      RUNNER_TEMP: join(tmp.path, 'runner-temp'),
    });
    expect(r.stdout).not.toContain('::error::');
    expect(r.status).toBe(0);
    const outputs = readFileSync(output, 'utf8');
    const get = (name: string) => {
      const m = new RegExp(`^${name}<<(\\S+)\\n([\\s\\S]*?)\\n\\1$`, 'm').exec(outputs);
      return m?.[2];
    };
    const freight = JSON.parse(get('freight') ?? 'null') as {
      alias: string;
      id: string;
      new: boolean;
      createdBy: string;
      images: { tag: string }[];
    }[];
    expect(freight).toHaveLength(1);
    expect(freight[0]).toMatchObject({
      new: true,
      images: [{ tag: '1.3.0' }],
      createdBy: 'https://github.com/acme/gitops/actions/runs/4242',
    });
    expect(get('new-freight')).toBe('1');
    expect(JSON.parse(get('promotions') ?? '{}')).toEqual({
      include: [
        { project: 'echo', stage: 'dev', freight: freight[0]?.id, alias: freight[0]?.alias },
      ],
    });
    expect(github.dispatches).toEqual([
      {
        workflow: 'gantry-promote.yml',
        ref: 'main',
        inputs: { stage: 'dev', freight: freight[0]?.id },
      },
    ]);
    const md = readFileSync(summary, 'utf8');
    expect(md).toContain('## gantry discover');
    expect(md).toContain(`**New freight** **${freight[0]?.alias}**`);
    expect(md).toMatch(
      /\| dev \| \*\*[a-z]+-[a-z]+\*\* \(`[0-9a-f]{7}`\) \| started `gantry-promote.yml` \|/,
    );
    // The token appears once: in the mask command that tells the runner to hide it.
    const logLines = r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'));
    expect(logLines.join('\n') + md + outputs).not.toContain(TOKEN.slice(4));
  });
});
