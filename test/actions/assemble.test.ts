import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';
import { runAction } from '../../src/actions/run.js';
import { RegistryPusher, startRegistry, type TestRegistry } from '../support/registry.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';

/** The root action's `command: assemble`, run in this process as the runner would run it. */

const tmp = tempDir();
let registry: TestRegistry;
let gitops: string;
let digest = '';

beforeAll(async () => {
  registry = await startRegistry();
  digest = (await new RegistryPusher(registry.url).pushImage('demo/app', ['1.0.0', '1.1.0']))
    .digest;
  gitops = createBareRepo(tmp.path, 'gitops', {
    '.gantry/echo.yaml': `project: echo
warehouses:
  - name: echo
    freightCreationPolicy: Manual
    subscriptions:
      - image: {repoURL: ${registry.host}/demo/app, imageSelectionStrategy: SemVer}
stages:
  - name: dev
    requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {direct: true}}]
    promotionTemplate: {steps: [{uses: yaml-update}]}
`,
  });
}, 60_000);
afterAll(async () => {
  await registry.close();
  tmp.cleanup();
});
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
  for (const [k, v] of Object.entries(inputs)) vi.stubEnv(`INPUT_${k.toUpperCase()}`, v);
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
  return { stdout, value, summary: readFileSync(`${out}-summary`, 'utf8') };
}

test('command: assemble records the freight once; the outputs say which and whether new', async () => {
  const inputs = {
    command: 'assemble',
    repository: `file://${gitops}`,
    warehouse: 'echo',
    images: `${registry.host}/demo/app:1.0.0\n`,
  };
  const first = await run(inputs);
  expect(first.stdout).not.toMatch(/::error/);
  const tags = git(gitops, ['tag', '-l']).split('\n').filter(Boolean);
  expect(tags).toHaveLength(1);
  const id = first.value('freight');
  expect(tags[0]).toBe(`gantry/echo/freight/${id}`);
  expect(first.value('new-freight')).toBe('1');
  expect(first.summary).toMatch(
    /^### Freight recorded\n\n`\S+` \(`[0-9a-f]{7}`\) from warehouse `echo` of echo: app:1\.0\.0\n/,
  );
  const message = git(gitops, ['tag', '-l', '--format=%(contents)', tags[0]!]);
  expect(message).toContain(digest);

  const again = await run(inputs);
  expect(again.value('freight')).toBe(id);
  expect(again.value('new-freight')).toBe('0');
  expect(git(gitops, ['tag', '-l']).split('\n').filter(Boolean)).toHaveLength(1);
});

test('command: assemble with an image of no subscription fails and writes nothing', async () => {
  const r = await run({
    command: 'assemble',
    repository: `file://${gitops}`,
    warehouse: 'echo',
    images: 'ghcr.io/acme/other:1.0.0',
  });
  expect(r.stdout).toMatch(
    /::error::--image ghcr\.io\/acme\/other:1\.0\.0: warehouse echo of project echo has no image subscription for it/,
  );
  expect(git(gitops, ['tag', '-l']).split('\n').filter(Boolean)).toHaveLength(1);
});
