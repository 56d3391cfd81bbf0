import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';
import { runAction } from '../../src/actions/run.js';
import { parseRemote } from '../../src/git/index.js';
import { StateStore } from '../../src/state/index.js';
import { makeFreight } from '../support/freight.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { seedFreight } from '../support/seed-freight.js';

/** The promote action with `stage: a,b` and `downstream-of`, run as the runner runs it. */

const tmp = tempDir();
let gitops: string;
const f1 = makeFreight('1.0.0', { createdAt: '2026-11-03T09:00:00.000Z' });
const f2 = makeFreight('1.1.0', { createdAt: '2026-11-03T11:00:00.000Z' });

const stage = (name: string, sources: string) => `  - name: ${name}
    requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: ${sources}}]
    promotionTemplate:
      steps:
        - uses: yaml-update
          config: {path: ${name}.yaml, updates: [{key: tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}]}
`;

beforeAll(async () => {
  gitops = createBareRepo(tmp.path, 'gitops', {
    '.gantry/echo.yaml': `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
stages:
${stage('dev', '{direct: true}')}${stage('qa', '{stages: [dev]}')}${stage('uat', '{stages: [dev]}')}`,
    'dev.yaml': 'tag: none\n',
    'qa.yaml': 'tag: none\n',
    'uat.yaml': 'tag: none\n',
  });
  const store = new StateStore({
    remote: parseRemote(`file://${gitops}`),
    cacheDir: join(tmp.path, 'seed'),
    baseEnv: testGitEnv(tmp.path),
  });
  await seedFreight(gitops, 'echo', [f1, f2]);
  await store.commitPromotion({ project: 'echo', stage: 'dev', freight: f1, promotedBy: 'al' });
  await store.recordVerification({
    project: 'echo',
    stage: 'dev',
    freightId: f1.id,
    alias: f1.alias,
    verifiedAt: '2026-11-03T10:30:00Z',
    verifiedBy: 'ci',
  });
});
afterAll(() => tmp.cleanup());
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

async function run(inputs: Record<string, string>) {
  const out = join(tmp.path, `out-${Math.random().toString(36).slice(2)}`);
  writeFileSync(out, '');
  writeFileSync(`${out}-summary`, '');
  const env: Record<string, string> = {
    ...testGitEnv(tmp.path),
    GITHUB_OUTPUT: out,
    GITHUB_STEP_SUMMARY: `${out}-summary`,
    GITHUB_REPOSITORY: 'acme/gitops',
    GITHUB_SERVER_URL: 'https://github.com',
    RUNNER_TEMP: join(tmp.path, 'rt'),
    GITHUB_RUN_ID: '',
  };
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  for (const [k, v] of Object.entries({ deployments: 'false', ...inputs }))
    vi.stubEnv(`INPUT_${k.toUpperCase()}`, v);
  let stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  await runAction('root');
  vi.restoreAllMocks();
  const output = readFileSync(out, 'utf8');
  const value = (name: string) =>
    new RegExp(`^${name}<<(\\S+)\\n([\\s\\S]*?)\\n\\1$`, 'm').exec(output)?.[2];
  return { stdout, value };
}

const file = (name: string) => git(gitops, ['show', `main:${name}.yaml`]).trim();

test('downstream-of dev: every stage that takes from dev gets what dev runs', async () => {
  const r = await run({
    command: 'promote',
    repository: `file://${gitops}`,
    'downstream-of': 'dev',
  });
  expect(r.stdout).not.toMatch(/::error/);
  const results = JSON.parse(r.value('results') ?? '') as {
    stage: string;
    changed: boolean;
    freight: string;
  }[];
  expect(results.map((x) => [x.stage, x.changed, x.freight])).toEqual([
    ['qa', true, f1.id],
    ['uat', true, f1.id],
  ]);
  expect(r.value('freight')).toBe(f1.id);
  expect(file('qa')).toBe('tag: 1.0.0');
  expect(file('uat')).toBe('tag: 1.0.0');
});

test('stage: qa,dev with freight qa may not take: dev is promoted, the step fails naming qa', async () => {
  const r = await run({
    command: 'promote',
    repository: `file://${gitops}`,
    stage: 'qa,dev',
    freight: f2.alias,
  });
  expect(r.stdout).toMatch(
    /::error::1 of 2 stages were not promoted: qa \(freight \S+ \(\w+\) is not available to qa: not verified in dev/,
  );
  const results = JSON.parse(r.value('results') ?? '') as { stage: string; error?: string }[];
  expect(results.map((x) => [x.stage, x.error === undefined])).toEqual([
    ['qa', false],
    ['dev', true],
  ]);
  expect(file('dev')).toBe('tag: 1.1.0');
  expect(file('qa')).toBe('tag: 1.0.0');
});
