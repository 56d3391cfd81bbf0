/**
 * The examples of docs/concepts.md, docs/recipes.md, docs/kargo.md, docs/troubleshooting.md,
 * docs/promote.md, docs/discover.md, docs/state.md and README.md stay true: every code block is
 * checked by what it is (see test/support/docs.ts):
 *
 * - project files and fragments load with zero problems, name only built-in steps, and their
 *   verification providers accept their fields;
 * - recipes with before/after files are run with the step engine, and the result must be the
 *   "after" file byte for byte;
 * - workflows parse with GitHub's own parser and use only inputs and outputs the actions declare;
 * - `gantry …` command lines parse with the command line's own parser and usage;
 * - quoted messages and outputs are printed by a scenario below that makes gantry print them,
 *   against real git repositories, the step engine, the local GitHub fake, a local registry, and
 *   so on;
 * - documents gantry writes (tag messages, state files, deployment payloads) are written by a
 *   scenario and compared with the block as data;
 * - shell commands name npm scripts and files that exist.
 *
 * Set DOCS_PRINT=1 to print what every scenario printed (each runs: every one is quoted by a
 * document, which the last test checks).
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../../src/cli/run.js';
import { listHttpChartVersions } from '../../src/discovery/helm.js';
import { RegistryClient } from '../../src/discovery/oci/client.js';
import { parseImageRepository } from '../../src/discovery/oci/reference.js';
import { RegistryAuthenticator, loadDockerConfig } from '../../src/discovery/oci/auth.js';
import { parseRemote } from '../../src/git/index.js';
import { GitHubClient } from '../../src/github/client.js';
import { freightAlias } from '../../src/freight/alias.js';
import { freightId } from '../../src/freight/id.js';
import type { Freight } from '../../src/freight/types.js';
import { loadProjectsWith, type Project, type PromotionStep } from '../../src/pipeline/index.js';
import { promote, type PromoteGitHub } from '../../src/promotion/promote.js';
import type { GateRun } from '../../src/promotion/gate.js';
import { runSteps } from '../../src/promotion/steps/engine.js';
import { defaultRegistry } from '../../src/promotion/steps/registry.js';
import { StateStore } from '../../src/state/index.js';
import { errorMessage, formatProblem } from '../../src/util/errors.js';
import { initSettings, planInit } from '../../src/init/index.js';
import { workflowProblems } from '../../src/status/workflow-lint.js';
import { Redactor } from '../../src/util/redact.js';
import { table } from '../../src/util/table.js';
import { datadog } from '../../src/verification/providers/datadog.js';
import { defaultProviders } from '../../src/verification/providers/index.js';
import { verify } from '../../src/verification/verify.js';
import {
  brokenLinks,
  classify,
  cliGrammar,
  commandProblems,
  consoleCommands,
  consoleOutput,
  deepProblems,
  documentProblems,
  freightFor,
  gantryArgs,
  loadProjectBlock,
  matchesOutput,
  mermaidProblems,
  readBlocks,
  runCases,
  runStageSteps,
  shellCommandProblems,
  shellCommands,
  workflowActionProblems,
  workflowErrors,
  workflowText,
  type BlockKind,
  type CodeBlock,
} from '../support/docs.js';
import { providerHarness } from '../support/analysis.js';
import { makeFreight } from '../support/freight.js';
import { startFakeGitHub } from '../support/github-fake.js';
import { startHostileServer } from '../support/hostile-http.js';
import { startGitHttpServer } from '../support/git-server.js';
import { RegistryPusher, startRegistry } from '../support/registry.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { seedFreight } from '../support/seed-freight.js';
import { realTempDir, stepContext } from '../support/steps.js';

const DOCS = [
  'docs/concepts.md',
  'docs/recipes.md',
  'docs/kargo.md',
  'docs/troubleshooting.md',
  'docs/promote.md',
  'docs/discover.md',
  'docs/state.md',
  'docs/releasing.md',
  'README.md',
  'CONTRIBUTING.md',
];

const cleanups: (() => void | Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

// ---------------------------------------------------------------------------------------------
// A local GitOps repository and the command line against it

const VALUES = 'image:\n  repository: ghcr.io/acme/echo\n  tag: 0.9.0\n';

const stageYaml = (
  name: string,
  o: {
    sources?: string;
    branch?: string;
    mode?: string;
    auto?: boolean;
    verification?: string;
    environment?: string;
  } = {},
) => `  - name: ${name}
${o.environment ? `    environment: ${o.environment}\n` : ''}${o.branch ? `    branch: ${o.branch}\n` : ''}${o.auto ? '    autoPromotion: true\n' : ''}    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: ${o.sources ?? '{direct: true}'}
    promotionTemplate:
${o.mode ? `      mode: ${o.mode}\n` : ''}      steps:
        - uses: yaml-update
          config:
            path: env/${name}/values.yaml
            updates:
              - {key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}
${o.verification ? `    verification:\n${o.verification}` : ''}`;

const projectYaml = (stages: string[]) => `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
stages:
${stages.join('')}`;

interface World {
  bare: string;
  root: string;
  store: StateStore;
  project: Project;
  env: Record<string, string>;
  cli: (args: string[], o?: { env?: Record<string, string>; now?: Date }) => Promise<string>;
}

/** A bare GitOps repository with a project and its values files, freight recorded, and a CLI. */
async function world(
  stages: string[],
  o: { freight?: (string | Freight)[]; branches?: string[]; extra?: Record<string, string> } = {},
): Promise<World> {
  const tmp = tempDir('gantry-docs-');
  cleanups.push(tmp.cleanup);
  const names = stages.map((s) => /name: (\S+)/.exec(s)![1]!);
  const files: Record<string, string> = { '.gantry/echo.yaml': projectYaml(stages), ...o.extra };
  for (const n of names) files[`env/${n}/values.yaml`] = VALUES;
  const bare = createBareRepo(tmp.path, 'gitops', files, o.branches ?? []);
  const store = new StateStore({
    remote: parseRemote(`file://${bare}`),
    cacheDir: join(tmp.path, 'w'),
    baseEnv: testGitEnv(tmp.path),
  });
  const tags = o.freight ?? ['1.0.0'];
  const aliases = ['lucky-jaguar', 'brave-otter', 'calm-rhino'];
  await seedFreight(
    bare,
    'echo',
    tags.map((tag, i) =>
      typeof tag === 'string'
        ? makeFreight(tag, { alias: aliases[i]!, createdAt: `2026-11-01T1${i}:00:00.000Z` })
        : tag,
    ),
  );
  const env = {
    ...testGitEnv(tmp.path),
    GANTRY_CACHE_DIR: join(tmp.path, 'cache'),
    USER: 'alice',
  };
  const cli = async (args: string[], c: { env?: Record<string, string>; now?: Date } = {}) => {
    let text = '';
    const code = await runCli([...args, '--repo', `file://${bare}`], {
      out: (t) => (text += t),
      err: (t) => (text += t),
      env: { ...env, ...c.env },
      ...(c.now ? { now: () => c.now! } : {}),
    });
    return `${text}[exit ${code}]\n`;
  };
  const { projects } = loadProjectsWith([
    { file: '.gantry/echo.yaml', text: files['.gantry/echo.yaml']! },
  ]);
  return { bare, root: tmp.path, store, project: projects[0]!, env, cli };
}

/** A shell's view of a CLI run: `[exit N]` at the end becomes `$ echo $?` and N. */
const exitCode = (printed: string) => printed.replace(/\[exit (\d+)\]\n$/, '$ echo $?\n$1\n');

/**
 * Freight as discovery records it: Kargo's ID over the image's tag and digest, the alias that ID
 * gets. The digests are made up (`sha256:1111…` for the first release, and so on).
 */
function discovered(tag: string, digit: number, createdAt: string): Freight {
  const origin = { kind: 'Warehouse' as const, name: 'echo' };
  const images = [
    { repoURL: 'ghcr.io/acme/echo', tag, digest: `sha256:${String(digit).repeat(64)}` },
  ];
  const id = freightId(origin, { images, charts: [], commits: [] });
  return {
    id,
    alias: freightAlias(id, new Set()),
    origin,
    images,
    charts: [],
    commits: [],
    createdAt,
    createdBy: 'gantry demo',
  };
}

/** Releases 1.0.0, 1.1.0 and 1.2.0 of ghcr.io/acme/echo: oaken-catfish, gracious-grasshopper, calm-rhino. */
const RELEASES = [
  discovered('1.0.0', 1, '2026-11-21T21:27:21.171Z'),
  discovered('1.1.0', 2, '2026-11-21T22:27:21.171Z'),
  discovered('1.2.0', 3, '2026-11-21T23:27:21.171Z'),
] as const;

/** The message of the annotated tag `name` in a bare repository. */
const tagMessage = (bare: string, name: string) => {
  const raw = git(bare, ['cat-file', 'tag', name]);
  return raw.slice(raw.indexOf('\n\n') + 2);
};

/**
 * gantry's promote, as the promote action calls it (a run URL; GitHub when given); `at` is the
 * time of the promotion (its clock and its store's, which writes promotedAt).
 */
async function promoteAs(
  w: World,
  o: {
    stage: string;
    freight: string;
    by: string;
    run?: string;
    at?: Date;
    github?: PromoteGitHub;
    gate?: GateRun;
  },
) {
  const store = o.at
    ? new StateStore({
        remote: parseRemote(`file://${w.bare}`),
        cacheDir: join(w.root, `at-${o.at.getTime()}`),
        baseEnv: testGitEnv(w.root),
        clock: () => o.at!,
      })
    : w.store;
  return promote({
    project: w.project,
    stage: o.stage,
    freight: o.freight,
    store,
    registry: defaultRegistry(),
    dryRun: false,
    promotedBy: o.by,
    ...(o.run ? { run: o.run } : {}),
    ...(o.gate ? { gate: o.gate } : {}),
    clock: () => o.at ?? new Date(),
    fetch,
    log: () => undefined,
    ...(o.github ? { github: o.github } : {}),
  });
}

/** Runs `make` once, however many scenarios quote what it made. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= make());
}

const alias = (tag: string, i: number) =>
  makeFreight(tag, { alias: ['lucky-jaguar', 'brave-otter', 'calm-rhino'][i]! });

/** The step engine on a scratch checkout; returns the error it throws, as gantry prints it. */
async function stepError(files: Record<string, string>, steps: PromotionStep[]): Promise<string> {
  const { dir, cleanup } = realTempDir('gantry-docs-steps-');
  cleanups.push(cleanup);
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), content);
  }
  const { index: _index, ...ctx } = stepContext(dir);
  try {
    await runSteps({ mode: 'direct', vars: [], steps }, ctx, defaultRegistry());
    return 'no error';
  } catch (err) {
    const problems =
      (
        err as {
          problems?: {
            file: string;
            line: number;
            column: number;
            path: string;
            message: string;
          }[];
        }
      ).problems ?? [];
    return [
      `gantry: ${errorMessage(err)}`,
      ...problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.path}: ${p.message}`),
    ].join('\n');
  }
}

const step = (uses: string, config: Record<string, unknown>): PromotionStep => ({
  uses,
  config,
  continueOnError: false,
  vars: [],
});

/** A TCP port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

function authenticator(credentials: Record<string, { username?: string; password?: string }>) {
  const map = new Map(Object.entries(credentials));
  return (status: number) =>
    new RegistryAuthenticator({
      credentials: map,
      redactor: new Redactor(),
      sendToken: () => Promise.resolve({ status, headers: new Headers(), text: '{}' }),
    });
}

/** What `gantry lint` prints for a one-stage project whose dev stage runs `steps`. */
function lintSteps(steps: string): string {
  const text = projectYaml([stageYaml('dev')]).replace(
    / {6}steps:\n[\s\S]*$/,
    `      steps:\n${steps}`,
  );
  const { problems } = loadProjectsWith([{ file: '.gantry/echo.yaml', text }]);
  return problems.map((p) => `${formatProblem(p)}\n`).join('');
}

/**
 * docs/promote.md's worked example: its project file, with the GitOps repository a local one, and
 * its `main` (Kargo's quickstart layout: base/ and stages/<stage>/), promoted into dev.
 */
const workspaceQuickstart = once(async () => {
  const block = readBlocks('docs/promote.md').find(
    (b) => b.section === 'The promotion workspace' && b.lang === 'yaml',
  )!;
  const tmp = tempDir('gantry-docs-');
  cleanups.push(tmp.cleanup);
  const url = `file://${join(tmp.path, 'gitops.git')}`;
  const text = block.text.replace('https://github.com/acme/gitops.git', url);
  const bare = createBareRepo(tmp.path, 'gitops', {
    '.gantry/demo.yaml': text,
    'base/kustomization.yaml': 'resources:\n  - deploy.yaml\n',
    'base/deploy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: echo
spec:
  template:
    spec:
      containers:
        - name: echo
          image: ghcr.io/acme/echo:0.1.0
`,
    'stages/dev/kustomization.yaml': 'resources:\n  - ../../base\nnamespace: dev\n',
  });
  await seedFreight(bare, 'demo', [RELEASES[2]]);
  let out = '';
  const code = await runCli(['promote', '--stage', 'dev', '--by', 'gantry demo', '--repo', url], {
    out: (t) => (out += t),
    err: (t) => (out += t),
    env: { ...testGitEnv(tmp.path), GANTRY_CACHE_DIR: join(tmp.path, 'cache'), USER: 'alice' },
  });
  if (code !== 0) throw new Error(`the worked example did not promote:\n${out}`);
  return { bare, out };
});

// ---------------------------------------------------------------------------------------------
// Scenarios: each makes gantry print what a document quotes

const SCENARIOS: Record<string, () => Promise<string>> = {
  async 'promotion-commit'() {
    const w = await world([stageYaml('dev')]);
    await w.cli(['promote', '--stage', 'dev', '--by', 'octocat']);
    return git(w.bare, ['log', '-1', '--format=%B', 'main']);
  },

  async 'promote-and-hold'() {
    const w = await world([stageYaml('dev', { auto: true })], { freight: ['1.0.0', '1.1.0'] });
    const first = await w.cli(['promote', '--stage', 'dev']);
    const back = await w.cli(['promote', '--stage', 'dev', '--freight', 'lucky-jaguar']);
    return `$ gantry promote --stage dev\n${first}$ gantry promote --stage dev --freight lucky-jaguar\n${back}`;
  },

  async 'not-verified'() {
    const w = await world([stageYaml('dev'), stageYaml('staging', { sources: '{stages: [dev]}' })]);
    return (
      (await w.cli(['promote', '--stage', 'staging', '--freight', 'lucky-jaguar'])) +
      (await w.cli(['promote', '--stage', 'staging']))
    );
  },

  async 'soak-time'() {
    const w = await world([
      stageYaml('dev'),
      stageYaml('staging', { sources: '{stages: [dev], requiredSoakTime: 1h}' }),
    ]);
    await w.cli(['promote', '--stage', 'dev']);
    await w.cli(['verify', '--stage', 'dev']);
    const later = new Date(Date.now() + 20 * 60_000);
    return w.cli(['promote', '--stage', 'staging', '--freight', 'lucky-jaguar'], { now: later });
  },

  async 'all-of'() {
    const w = await world([
      stageYaml('dev'),
      stageYaml('qa'),
      stageYaml('prod', { sources: '{stages: [dev, qa], availabilityStrategy: All}' }),
    ]);
    await w.cli(['promote', '--stage', 'dev']);
    await w.cli(['verify', '--stage', 'dev']);
    return w.cli(['promote', '--stage', 'prod', '--freight', 'lucky-jaguar']);
  },

  async approve() {
    const w = await world([stageYaml('dev'), stageYaml('prod', { sources: '{stages: [dev]}' })]);
    const approve = await w.cli([
      'approve',
      '--stage',
      'prod',
      '--freight',
      'lucky-jaguar',
      '--reason',
      'hotfix for INC-231',
    ]);
    const promote = await w.cli(['promote', '--stage', 'prod', '--freight', 'lucky-jaguar']);
    return `$ gantry approve …\n${approve}$ gantry promote …\n${promote}`;
  },

  async 'branch-missing'() {
    const w = await world([stageYaml('dev'), stageYaml('staging', { branch: 'stage/staging' })]);
    // The other stages work as usual: only promoting into the missing branch fails.
    const dev = await w.cli(['promote', '--stage', 'dev']);
    if (!dev.includes('\npromoted ')) throw new Error(`dev should promote, printed: ${dev}`);
    return w.cli(['promote', '--stage', 'staging']);
  },

  // docs/init.md#gates: the job ran under prod, the project says production, which has reviewers.
  async 'gate-refused'() {
    const w = await world([stageYaml('prod', { environment: 'production' })]);
    const fake = await startFakeGitHub({
      owner: 'acme',
      repo: 'gitops',
      token: 'ghs_test',
      repoPath: w.bare,
    });
    cleanups.push(() => fake.close());
    fake.setEnvironment('production', { reviewers: ['carol'] });
    fake.setRunApprovals(7001, []);
    await fake.startJob({ runId: 7001, environment: 'prod' });
    const api = new GitHubClient({
      token: 'ghs_test',
      apiUrl: fake.url,
      owner: 'acme',
      repo: 'gitops',
    });
    const err = await promoteAs(w, {
      stage: 'prod',
      freight: 'lucky-jaguar',
      by: 'octocat',
      github: { repo: api, signCommits: false, deployments: true },
      gate: { api, id: 7001 },
    }).then(
      () => new Error('the promotion was not refused'),
      (e: unknown) => e as Error,
    );
    return `${err.message}\n`;
  },

  // docs/init.md#gates: the generated workflow, hand-edited back to the stage's name.
  async 'lint-workflow-drift'() {
    const plan = planInit(
      initSettings({ image: 'ghcr.io/acme/echo' }),
      { existing: new Map(), otherProjects: [] },
      { force: false },
    );
    const text = (path: string) => plan.write.find((f) => f.path === path)?.text ?? '';
    const project = text('.gantry/echo.yaml').replace(
      /^( {2}- name: prod\n)/m,
      '$1    environment: production\n',
    );
    const workflow = text('.github/workflows/gantry-promote.yml').replace(
      'environment: ${{ needs.environment.outputs.name }}',
      'environment: ${{ inputs.stage }}',
    );
    const files = [{ file: '.gantry/echo.yaml', text: project }];
    const { projects } = loadProjectsWith(files);
    return (
      workflowProblems(
        [{ file: '.github/workflows/gantry-promote.yml', text: workflow }],
        projects,
        files,
      )
        .map(formatProblem)
        .join('\n') + '\n'
    );
  },

  async 'pr-without-github'() {
    const w = await world([stageYaml('prod', { mode: 'pull-request' })]);
    return w.cli(['promote', '--stage', 'prod']);
  },

  async 'push-rejected'() {
    const w = await world([stageYaml('dev')]);
    const hook = join(w.bare, 'hooks', 'pre-receive');
    writeFileSync(
      hook,
      '#!/bin/sh\necho "main is a protected branch: changes must be made through a pull request" >&2\nexit 1\n',
    );
    chmodSync(hook, 0o755);
    return w.cli(['promote', '--stage', 'dev']);
  },

  async 'push-race'() {
    const w = await world([stageYaml('dev')]);
    const store = new StateStore({
      remote: parseRemote(`file://${w.bare}`),
      cacheDir: join(w.root, 'race'),
      baseEnv: testGitEnv(w.root),
      retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2, maxElapsedMs: 60_000 },
    });
    let n = 0;
    const racer = join(w.root, 'racer');
    git(w.root, ['clone', '-q', w.bare, racer]);
    try {
      await store.commitPromotion({
        project: 'echo',
        stage: 'dev',
        freight: alias('1.0.0', 0),
        promotedBy: 'alice',
        paths: ['env/dev'],
        edit: () => {
          // Another writer changes the stage's own files while this promotion is being made.
          mkdirSync(join(racer, 'env/dev'), { recursive: true });
          writeFileSync(join(racer, 'env/dev/other.txt'), String(n++));
          git(racer, ['add', '-A']);
          git(racer, ['commit', '-q', '-m', 'another writer']);
          git(racer, ['push', '-q', 'origin', 'main']);
          return Promise.resolve([]);
        },
      });
      return 'no error';
    } catch (err) {
      return `gantry: ${errorMessage(err)}`;
    }
  },

  async 'kargo-template-commit'() {
    // The recipe's own project file, promoted by the command line into a real repository.
    const run = readBlocks('docs/recipes.md').find(
      (b) => b.marker?.kind === 'project' && b.section.startsWith('A Kargo promotion template'),
    )!;
    const { project } = loadProjectBlock(run);
    const stage = project!.stages[0]!;
    const tmp = tempDir('gantry-docs-');
    cleanups.push(tmp.cleanup);
    // The template clones the GitOps repository by its URL: here, the local one.
    const url = `file://${join(tmp.path, 'gitops.git')}`;
    const bare = createBareRepo(
      tmp.path,
      'gitops',
      {
        '.gantry/kargo-demo.yaml': run.text.replace(
          'https://github.com/example/kargo-demo.git',
          url,
        ),
        'values.yaml': 'image:\n  repository: public.ecr.aws/nginx/nginx\n  tag: 1.26.3\n',
      },
      ['stage/test'],
    );
    const [freight] = freightFor(project!, stage, run.marker!);
    await seedFreight(bare, project!.name, [freight!]);
    let out = '';
    const code = await runCli(['promote', '--stage', stage.name, '--repo', url], {
      out: (t) => (out += t),
      err: (t) => (out += t),
      env: { ...testGitEnv(tmp.path), GANTRY_CACHE_DIR: join(tmp.path, 'cache'), USER: 'alice' },
    });
    if (code !== 0) return out;
    return git(bare, ['log', '-1', '--format=%B', 'stage/test']);
  },

  async 'yaml-scalar'() {
    return stepError({ 'env/dev/values.yaml': 'image:\n  tag: 1.3.0\n' }, [
      step('yaml-update', {
        path: 'env/dev/values.yaml',
        updates: [{ key: 'image.tag.value', value: '1.4.2' }],
      }),
    ]);
  },

  async 'yaml-key-not-found'() {
    return stepError({ 'env/dev/values.yaml': 'image:\n  tag: 1.3.0\n' }, [
      step('yaml-update', {
        path: 'env/dev/values.yaml',
        updates: [{ key: 'image.tga', value: '1.4.2' }],
      }),
    ]);
  },

  async 'yaml-not-scalar'() {
    return stepError(
      { 'env/dev/values.yaml': 'image:\n  repository: ghcr.io/acme/echo\n  tag: 1.3.0\n' },
      [
        step('yaml-update', {
          path: 'env/dev/values.yaml',
          updates: [{ key: 'image', value: '1.4.2' }],
        }),
      ],
    );
  },

  async 'yaml-empty-value'() {
    return stepError({ 'env/dev/values.yaml': 'image:\n  tag: 1.3.0\n' }, [
      step('yaml-update', {
        path: 'env/dev/values.yaml',
        updates: [{ key: 'image.tag', value: '${{ imageFrom("ghcr.io/acme/echo-api")?.Tag }}' }],
      }),
    ]);
  },

  async 'struct-field'() {
    return stepError({ 'env/dev/values.yaml': 'image:\n  tag: 1.3.0\n' }, [
      step('yaml-update', {
        path: 'env/dev/values.yaml',
        updates: [{ key: 'image.tag', value: '${{ imageFrom("ghcr.io/acme/echo").Tga }}' }],
      }),
    ]);
  },

  async 'multi-document'() {
    const manifests =
      'kind: Service\nmetadata: {name: echo}\n---\nkind: Deployment\nmetadata: {name: echo}\n';
    return stepError({ 'manifests/dev/echo.yaml': manifests }, [
      step('yaml-update', {
        path: 'manifests/dev/echo.yaml',
        updates: [{ key: 'spec.template.spec.containers.0.image', value: 'x' }],
      }),
    ]);
  },

  async 'no-such-file'() {
    return stepError({}, [
      step('yaml-update', {
        path: 'env/prod/values.yaml',
        updates: [{ key: 'image.tag', value: '1.4.2' }],
      }),
    ]);
  },

  async 'path-escape'() {
    return (
      (await stepError({}, [
        step('yaml-update', { path: '../charts/values.yaml', updates: [{ key: 'a', value: 'b' }] }),
      ])) +
      '\n' +
      (await stepError({}, [
        step('yaml-update', { path: '/etc/values.yaml', updates: [{ key: 'a', value: 'b' }] }),
      ]))
    );
  },

  async 'unknown-step'() {
    return stepError({}, [step('send-message', { message: 'promoted' })]);
  },

  async 'imagefrom-nil'() {
    return stepError({ 'values.yaml': 'image:\n  tag: 1.3.0\n' }, [
      step('yaml-update', {
        path: 'values.yaml',
        updates: [{ key: 'image.tag', value: '${{ imageFrom("ghcr.io/acme/echo-api").Tag }}' }],
      }),
    ]);
  },

  async 'workspace-branch'() {
    const { bare } = await workspaceQuickstart();
    return git(bare, ['ls-tree', '-r', '--name-only', 'stage/dev']);
  },

  async 'workspace-commit'() {
    const { bare } = await workspaceQuickstart();
    return git(bare, ['log', '--format=%B', 'stage/dev']);
  },

  async 'lint-stage-branch'() {
    return lintSteps(`        - uses: git-clone
          config:
            repoURL: https://github.com/acme/gitops.git
            checkout:
              - {branch: main, path: ./src}
              - {branch: 'release/\${{ imageFrom("ghcr.io/acme/echo").Tag }}', create: true, path: ./out}
        - uses: git-commit
          config: {path: ./out, message: render}
        - uses: git-push
          config: {path: ./out}
`);
  },

  async 'lint-outside-checkout'() {
    return lintSteps(`        - uses: git-clone
          config:
            repoURL: https://github.com/acme/gitops.git
            checkout:
              - {branch: main, path: ./src}
              - {branch: 'stage/\${{ ctx.stage }}', create: true, path: ./out}
        - uses: git-clear
          config: {path: ./out/manifests}
        - uses: kustomize-build
          config: {path: './src/stages/\${{ ctx.stage }}', outPath: ./manifests}
        - uses: git-commit
          config: {path: ./out, message: render}
        - uses: git-push
          config: {path: ./out}
`);
  },

  async 'lint-pr-bypassed'() {
    return lintSteps(`        - uses: git-clone
          config:
            repoURL: https://github.com/acme/gitops.git
            checkout:
              - {branch: 'stage/\${{ ctx.stage }}', path: ./out}
        - uses: yaml-update
          config:
            path: ./out/values.yaml
            updates: [{key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}]
        - uses: git-commit
          config: {path: ./out, message: bump}
        - uses: git-push
          as: push
          config: {path: ./out}
        - uses: git-open-pr
          as: open-pr
          config:
            repoURL: https://github.com/acme/gitops.git
            sourceBranch: \${{ outputs.push.branch }}
            targetBranch: 'stage/\${{ ctx.stage }}'
`);
  },

  async 'lint-force'() {
    return lintSteps(`        - uses: git-clone
          config:
            repoURL: https://github.com/acme/gitops.git
            checkout:
              - {branch: 'stage/\${{ ctx.stage }}', create: true, path: ./out}
        - uses: git-commit
          config: {path: ./out, message: render}
        - uses: git-push
          config: {path: ./out, force: true}
`);
  },

  async 'workspace-branch-missing'() {
    // A checkout of a stage branch nobody made yet, without create: true.
    const tmp = tempDir('gantry-docs-');
    cleanups.push(tmp.cleanup);
    const url = `file://${join(tmp.path, 'gitops.git')}`;
    const text = projectYaml([stageYaml('dev')]).replace(
      / {6}steps:\n[\s\S]*$/,
      `      steps:
        - uses: git-clone
          config:
            repoURL: ${url}
            checkout: [{branch: 'stage/\${{ ctx.stage }}', path: ./out}]
        - uses: yaml-update
          config:
            path: ./out/values.yaml
            updates: [{key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}]
        - uses: git-commit
          config: {path: ./out, message: bump}
        - uses: git-push
          config: {path: ./out}
`,
    );
    const bare = createBareRepo(tmp.path, 'gitops', { '.gantry/echo.yaml': text });
    await seedFreight(bare, 'echo', [makeFreight('1.0.0', { alias: 'lucky-jaguar' })]);
    let out = '';
    const code = await runCli(['promote', '--stage', 'dev', '--repo', url], {
      out: (t) => (out += t),
      err: (t) => (out += t),
      env: { ...testGitEnv(tmp.path), GANTRY_CACHE_DIR: join(tmp.path, 'cache'), USER: 'alice' },
    });
    return `${out.replaceAll(bare, '/srv/gitops.git')}[exit ${code}]\n`;
  },

  async 'project-file-caps'() {
    const w = await world([stageYaml('dev')]);
    const dir = join(w.root, 'clone');
    git(w.root, ['clone', '-q', w.bare, dir]);
    const text = projectYaml([stageYaml('dev')]);
    writeFileSync(join(dir, '.gantry/echo.yaml'), text + '#'.repeat(2 * 1024 * 1024) + '\n');
    let out = '';
    const code = await runCli(['lint', '--repo', dir], {
      out: (t) => (out += t),
      err: (t) => (out += t),
      env: { ...testGitEnv(w.root), GANTRY_CACHE_DIR: join(w.root, 'cache') },
    });
    return `${out}[exit ${code}]\n`;
  },

  async 'unreadable-tag'() {
    const w = await world([stageYaml('dev')]);
    git(w.bare, ['tag', '-a', '-m', 'hand-made', `gantry/echo/freight/${'f'.repeat(40)}`, 'main']);
    return w.cli(['get', 'freight']);
  },

  async 'git-credentials'() {
    const w = await world([stageYaml('dev')]);
    const server = await startGitHttpServer({
      root: w.root,
      auth: { username: 'x-access-token', password: 'the-Right-token' },
    });
    cleanups.push(() => server.close());
    const run = async (env: Record<string, string>) => {
      let text = '';
      const code = await runCli(['get', 'stages', '--repo', `${server.url}/gitops.git`], {
        out: (t) => (text += t),
        err: (t) => (text += t),
        env: { ...w.env, ...env },
      });
      return `${text}[exit ${code}]\n`;
    };
    return (await run({ GANTRY_TOKEN: 'a-Wrong-token' })) + (await run({}));
  },

  async 'kargo-task'() {
    const w = await world([stageYaml('dev')]);
    const kargo = projectYaml([stageYaml('dev')]).replace(
      / {6}steps:\n[\s\S]*$/,
      '      steps:\n        - task:\n            name: open-pr-and-wait\n',
    );
    const dir = join(w.root, 'clone');
    git(w.root, ['clone', '-q', w.bare, dir]);
    writeFileSync(join(dir, '.gantry/echo.yaml'), kargo);
    let text = '';
    const code = await runCli(['lint', '--repo', dir], {
      out: (t) => (text += t),
      err: (t) => (text += t),
      env: { ...testGitEnv(w.root), GANTRY_CACHE_DIR: join(w.root, 'cache') },
    });
    return `${text}[exit ${code}]\n`;
  },

  async 'verify-outcomes'() {
    const port = await closedPort();
    const w = await world([
      stageYaml('a', {
        verification: `      - name: smoke
        provider:
          command: {run: 'echo "expected 200, got 503" >&2; exit 1'}
`,
      }),
      stageYaml('b', {
        verification: `      - name: healthz
        consecutiveErrorLimit: 0
        provider:
          http: {url: 'http://127.0.0.1:${port}/healthz'}
`,
      }),
      stageYaml('c', {
        verification: `      - name: error-rate
        successCondition: result.json.rate < 0.01
        failureCondition: result.json.rate > 0.05
        provider:
          command: {run: 'echo {\\"rate\\": 0.03}'}
`,
      }),
    ]);
    let out = '';
    for (const s of ['a', 'b', 'c']) {
      await w.cli(['promote', '--stage', s]);
      out += `$ gantry verify --stage ${s}\n${await w.cli(['verify', '--stage', s])}`;
    }
    return out;
  },

  async 'verify-env-missing'() {
    const w = await world([
      stageYaml('staging', {
        verification: `      - name: error-rate
        successCondition: len(result) == 0 || result[0] < 0.01
        provider:
          prometheus:
            address: https://prometheus.acme.dev
            query: sum(rate(http_requests_total{code=~"5.."}[2m]))
            headers:
              - {key: Authorization, value: 'Bearer \${{ env.PROM_TOKEN }}'}
`,
      }),
    ]);
    await w.cli(['promote', '--stage', 'staging']);
    return w.cli(['verify', '--stage', 'staging']);
  },

  async 'not-running'() {
    const w = await world([stageYaml('dev')], { freight: ['1.0.0', '1.1.0'] });
    await w.cli(['promote', '--stage', 'dev']);
    return w.cli(['verify', '--stage', 'dev', '--freight', 'lucky-jaguar']);
  },

  async 'github-hints'() {
    const fake = await startFakeGitHub({
      owner: 'acme',
      repo: 'gitops',
      token: 'ghs_test',
      workflows: [{ file: 'gantry-promote.yml', id: 1, dispatchInputs: ['stage'] }],
      branches: ['main'],
    });
    cleanups.push(() => fake.close());
    const gh = new GitHubClient({
      token: 'ghs_test',
      apiUrl: fake.url,
      owner: 'acme',
      repo: 'gitops',
    });
    const forbidden = { message: 'Resource not accessible by integration' };
    const lines: string[] = [];
    const attempt = async (fn: () => Promise<unknown>) => {
      try {
        await fn();
        lines.push('no error');
      } catch (err) {
        lines.push(errorMessage(err));
      }
    };
    fake.answerNext(403, forbidden);
    await attempt(() =>
      gh.createPullRequest({
        head: 'gantry/promote/echo/prod',
        base: 'main',
        title: 't',
        body: 'b',
      }),
    );
    fake.answerNext(403, forbidden);
    await attempt(() =>
      gh.dispatchWorkflow({
        workflow: 'gantry-promote.yml',
        ref: 'main',
        inputs: { stage: 'staging', freight: 'x' },
      }),
    );
    await attempt(() =>
      gh.dispatchWorkflow({
        workflow: 'gantry-promote.yml',
        ref: 'main',
        inputs: { stage: 'staging', freight: 'x' },
      }),
    );
    fake.answerNext(403, forbidden);
    await attempt(() => gh.runApprovals(42));
    return lines.join('\n');
  },

  async 'registry-auth'() {
    const lines: string[] = [];
    const attempt = async (fn: () => Promise<unknown>) => {
      try {
        await fn();
        lines.push('no error');
      } catch (err) {
        lines.push(errorMessage(err));
      }
    };
    const bearer =
      'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:acme/echo:pull"';
    // Anonymous: the token service gives a token, the registry refuses it.
    await attempt(() =>
      authenticator({})(200).onUnauthorized(
        'ghcr.io',
        'repository:acme/echo:pull',
        bearer,
        'Bearer anon',
        true,
      ),
    );
    // Anonymous: the token service itself refuses.
    await attempt(() =>
      authenticator({})(401).onUnauthorized(
        'ghcr.io',
        'repository:acme/echo:pull',
        bearer,
        undefined,
        false,
      ),
    );
    // With credentials the token service rejects.
    await attempt(() =>
      authenticator({ 'docker.io': { username: 'acme-ci', password: 'wrong' } })(
        401,
      ).onUnauthorized(
        'docker.io',
        'repository:acme/echo:pull',
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io"',
        undefined,
        false,
      ),
    );
    const ecr = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';
    // Basic auth, nothing configured.
    await attempt(() =>
      authenticator({})(200).onUnauthorized(
        ecr,
        'repository:echo:pull',
        'Basic realm="ecr"',
        undefined,
        false,
      ),
    );
    // Basic auth, credentials rejected.
    const withCreds = authenticator({ [ecr]: { username: 'AWS', password: 'expired' } })(200);
    const header = await withCreds.onUnauthorized(
      ecr,
      'repository:echo:pull',
      'Basic realm="ecr"',
      undefined,
      false,
    );
    await attempt(() =>
      withCreds.onUnauthorized(ecr, 'repository:echo:pull', 'Basic realm="ecr"', header, true),
    );
    const { dir, cleanup } = realTempDir('gantry-docs-docker-');
    cleanups.push(cleanup);
    writeFileSync(join(dir, 'config.json'), '{"auths": {');
    await attempt(() => Promise.resolve(loadDockerConfig(join(dir, 'config.json'))));
    return lines.join('\n').replaceAll(dir, '/home/runner/.docker');
  },

  async debug() {
    const w = await world([stageYaml('dev')]);
    return w.cli(['get', 'stages'], { env: { GANTRY_DEBUG: '1' } });
  },

  async promote() {
    const [, v110, v120] = RELEASES;
    const w = await world(
      [stageYaml('dev'), stageYaml('staging', { sources: '{stages: [dev]}' })],
      {
        freight: [v110, v120],
      },
    );
    await w.cli(['promote', '--stage', 'dev', '--freight', v110.alias]);
    const dev = await w.cli(['promote', '--stage', 'dev']);
    const staging = await w.cli(['promote', '--stage', 'staging', '--freight', v120.alias]);
    return exitCode(
      `$ gantry promote --stage dev\n${dev}$ gantry promote --stage staging --freight ${v120.alias}\n${staging}`,
    );
  },

  async 'body-cap'() {
    // Each kind of hostile answer, each read by a different client, as discover, verify and
    // promote print them.
    const server = await startHostileServer((req, res, hostile) => {
      const path = req.url ?? '';
      if (path.includes('/tags/list')) return void hostile('endless');
      if (path.includes('/charts/')) return void hostile('huge-length');
      if (path.includes('/api/v1/query')) return void hostile('gzip-bomb');
      if (path.includes('/pulls/')) return void hostile('gzip-bomb');
      return void hostile('endless');
    });
    const lines: string[] = [];
    const attempt = async (fn: () => Promise<unknown>) => {
      try {
        await fn();
        lines.push('no error');
      } catch (err) {
        lines.push(errorMessage(err));
      }
    };
    try {
      await attempt(() =>
        new RegistryClient({ requestTimeoutMs: 20_000, concurrencyPerRegistry: 1 }).listTags(
          parseImageRepository(`${server.host}/acme/echo`),
        ),
      );
      await attempt(() =>
        listHttpChartVersions(`${server.url}/charts?sig=0123abcd`, 'echo', {
          timeoutMs: 20_000,
          listOciTags: () => Promise.reject(new Error('no OCI here')),
        }),
      );
      await attempt(() =>
        datadog.measure(
          datadog.parse(
            {
              address: server.url,
              apiKey: 'dd-api-key-0123',
              appKey: 'dd-app-key-0123',
              query: 'avg:x{*}',
            },
            'metric',
          ),
          providerHarness().ctx,
        ),
      );
      await attempt(() =>
        new GitHubClient({
          token: 'ghs_docsBodyCapToken0123',
          apiUrl: server.url,
          owner: 'acme',
          repo: 'gitops',
        }).getPullRequest(7),
      );
    } finally {
      await server.close();
    }
    return lines.join('\n');
  },
  async 'promote-commit-github'() {
    return (await promoteOnGitHub()).message;
  },

  async 'deployment-payload'() {
    return (await promoteOnGitHub()).payload;
  },

  async 'freight-tag'() {
    const [v100] = RELEASES;
    const w = await world([stageYaml('dev')], { freight: [v100] });
    return tagMessage(w.bare, `gantry/echo/freight/${v100.id}`);
  },

  async 'verification-approval'() {
    const [v100] = RELEASES;
    const w = await world(
      [
        stageYaml('dev', {
          verification: `      - name: smoke\n        provider:\n          command: {run: 'true'}\n`,
        }),
        stageYaml('prod', { sources: '{stages: [dev]}' }),
      ],
      { freight: [v100] },
    );
    await w.cli(['promote', '--stage', 'dev']);
    const run = 'https://github.com/acme/gitops/actions/runs/1';
    // As the verify action calls it: the run verifies.
    const outcome = await verify({
      project: w.project,
      stage: 'dev',
      store: w.store,
      providers: defaultProviders(),
      verifiedBy: run,
      run,
      fetch,
      env: w.env,
      secrets: [],
      clock: () => new Date('2026-11-22T00:27:21.394Z'),
      log: () => undefined,
    });
    if (!outcome.verified) throw new Error(`not verified: ${outcome.phase}`);
    await w.cli([
      'approve',
      '--stage',
      'prod',
      '--freight',
      v100.alias,
      '--by',
      'alice',
      '--reason',
      'hotfix',
    ]);
    const body = (tag: string) => {
      const message = tagMessage(w.bare, tag);
      return message.slice(message.indexOf('\n{') + 1);
    };
    return (
      body(`gantry/echo/verified/dev/${v100.id}`) + body(`gantry/echo/approved/prod/${v100.id}`)
    );
  },

  async 'state-commit'() {
    return (await statePromotion()).message;
  },

  async 'state-file'() {
    return (await statePromotion()).state;
  },

  async 'freight-notes'() {
    return (await notesPromotion()).tags;
  },

  async 'stage-metadata'() {
    return (await notesPromotion()).state;
  },

  async 'discover-dry-run'() {
    const registry = await startRegistry();
    cleanups.push(() => registry.close());
    await new RegistryPusher(registry.url).pushImage('acme/echo', [
      '1.0.0',
      '1.1.0',
      '1.2.0',
      '1.3.0',
      '2.0.0-rc.1',
      'latest',
    ]);
    const tmp = tempDir('gantry-docs-');
    cleanups.push(tmp.cleanup);
    const config = createBareRepo(tmp.path, 'echo-config', { 'config.yaml': 'replicas: 2\n' });
    const gitops = createBareRepo(tmp.path, 'gitops', {
      '.gantry/echo.yaml': `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ${registry.host}/acme/echo, constraint: ^1.0.0}
      - git: {repoURL: file://${config}, branch: main}
${stageYaml('dev', { auto: true }).replace(/^/, 'stages:\n')}`,
    });
    let out = '';
    let err = '';
    const code = await runCli(['discover', '--dry-run', '--repo', `file://${gitops}`], {
      out: (t) => (out += t),
      err: (t) => (err += t),
      env: { ...testGitEnv(tmp.path), GANTRY_CACHE_DIR: join(tmp.path, 'cache') },
    });
    if (code !== 0 || /warning|error/i.test(err)) throw new Error(`exit ${code}: ${err}${out}`);
    // What differs from run to run (the registry's port, the temporary directory, and the commit,
    // freight ID and alias that depend on them) is replaced by the values the document shows, and
    // the table laid out again.
    const [, alias = '', id = ''] = /^freight (\S+) \(([0-9a-f]{7})\)/m.exec(out) ?? [];
    const commit = /^git .* ([0-9a-f]{7}) +[0-9a-f]{7}/m.exec(out)?.[1] ?? '';
    const text = out
      .replaceAll(registry.host, '127.0.0.1:46471')
      .replaceAll(`file://${config}`, 'file:///tmp/gantry-test-6uNnel/echo-config.git')
      .replaceAll(commit, '2f5953d')
      .replaceAll(alias, 'arctic-prawn')
      .replaceAll(id, 'b38f74f');
    const lines = text.split('\n');
    const head = lines.findIndex((l) => l.startsWith('KIND '));
    let end = head + 1;
    while (/^(image|chart|git) /.test(lines[end] ?? '')) end++;
    const [headers, ...rows] = lines.slice(head, end).map((l) => l.split(/ {2,}/));
    lines.splice(head, end - head, table(headers!, rows).trimEnd());
    return `$ gantry discover --dry-run\n${lines.join('\n')}`;
  },

  async help() {
    let out = '';
    await runCli(['help'], { out: (t) => (out += t), err: (t) => (out += t), env: {} });
    return out;
  },

  async 'init-and-lint'() {
    // In a clone of the GitOps repository.
    const tmp = tempDir('gantry-docs-');
    cleanups.push(tmp.cleanup);
    const bare = createBareRepo(tmp.path, 'gitops', { 'README.md': '# gitops\n' });
    const dir = join(tmp.path, 'clone');
    git(tmp.path, ['clone', '-q', bare, dir]);
    const run = async (args: string[]) => {
      let text = '';
      const code = await runCli(args, {
        out: (t) => (text += t),
        err: (t) => (text += t),
        env: { ...testGitEnv(tmp.path), GANTRY_CACHE_DIR: join(tmp.path, 'cache') },
      });
      return `$ gantry ${args.join(' ')}\n${text}[exit ${code}]\n`;
    };
    return (
      (await run(['init', '--image', 'ghcr.io/acme/echo', '--dir', dir])) +
      (await run(['lint', '--repo', dir]))
    );
  },

  async 'lint-problems'() {
    const w = await world([stageYaml('dev')]);
    const dir = join(w.root, 'clone');
    git(w.root, ['clone', '-q', w.bare, dir]);
    writeFileSync(
      join(dir, '.gantry/echo.yaml'),
      `project: echo
warehouses:
  - name: echo
    subscriptions: [{ image: { repoURL: ghcr.io/acme/echo } }]
    freightCreationPolicy: automatic
stages:
  - name: dev
    promotionTemplate:
      steps: [{ uses: yaml-update, config: { path: env/dev/values.yaml, updates: [] } }]
    requestedFreigt:
      - origin: { kind: Warehouse, name: echo }
        sources: { direct: true }
`,
    );
    let text = '';
    const code = await runCli(['lint', '--repo', dir], {
      out: (t) => (text += t),
      err: (t) => (text += t),
      env: w.env,
    });
    return exitCode(`$ gantry lint\n${text}[exit ${code}]\n`);
  },

  async 'lint-expressions'() {
    const w = await world([stageYaml('dev')]);
    const dir = join(w.root, 'clone');
    git(w.root, ['clone', '-q', w.bare, dir]);
    writeFileSync(
      join(dir, '.gantry/echo.yaml'),
      `project: echo
warehouses:
  - name: echo
    subscriptions: [{ image: { repoURL: ghcr.io/acme/echo } }]
stages:
  - name: dev
    requestedFreight:
      - origin: { kind: Warehouse, name: echo }
        sources: { direct: true }
    promotionTemplate:
      steps:
        - uses: yaml-update
          config:
            pth: env/dev/values.yaml
            updates:
              - key: image.tag
                value: \${{ imageFrom("ghcr.io/acme/echo").Tga }}
`,
    );
    let text = '';
    const code = await runCli(['lint', '--repo', dir], {
      out: (t) => (text += t),
      err: (t) => (text += t),
      env: w.env,
    });
    return exitCode(`$ gantry lint\n${text}[exit ${code}]\n`);
  },

  async 'get-stages-pipeline'() {
    const [v100, , v120] = RELEASES;
    const w = await world(
      [
        stageYaml('dev'),
        stageYaml('staging', { sources: '{stages: [dev]}' }),
        stageYaml('prod', { sources: '{stages: [staging]}' }),
      ],
      { freight: [v100, v120] },
    );
    const now = new Date();
    const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    const by = 'gantry[bot]';
    await promoteAs(w, { stage: 'dev', freight: v100.alias, by, at: ago(180) });
    await w.cli(['verify', '--stage', 'dev']);
    await promoteAs(w, { stage: 'staging', freight: v100.alias, by, at: ago(120) });
    await w.cli(['verify', '--stage', 'staging']);
    await promoteAs(w, { stage: 'dev', freight: v120.alias, by, at: ago(12) });
    return `$ gantry get stages\n${await w.cli(['get', 'stages'], { now })}`;
  },

  async 'get-stages'() {
    const w = await world([stageYaml('dev'), stageYaml('prod', { sources: '{stages: [dev]}' })]);
    await w.cli(['promote', '--stage', 'dev']);
    return w.cli(['get', 'stages']);
  },
};

// docs/promote.md: calm-rhino into dev over gracious-grasshopper, from a workflow run whose
// environment gate carol approved, with GitHub recording the deployment.
const promoteOnGitHub = once(async () => {
  const [, v110, v120] = RELEASES;
  const w = await world([stageYaml('dev')], { freight: [v110, v120] });
  await w.cli(['promote', '--stage', 'dev', '--freight', v110.alias]);
  const fake = await startFakeGitHub({
    owner: 'acme',
    repo: 'gitops',
    token: 'ghs_test',
    repoPath: w.bare,
  });
  cleanups.push(() => fake.close());
  fake.setRunApprovals(42, [{ login: 'carol', state: 'approved', environments: ['dev'] }]);
  fake.setEnvironment('dev', { reviewers: ['carol'] });
  const api = new GitHubClient({
    token: 'ghs_test',
    apiUrl: fake.url,
    owner: 'acme',
    repo: 'gitops',
  });
  const outcome = await promoteAs(w, {
    stage: 'dev',
    freight: v120.alias,
    by: 'octocat',
    run: 'https://github.com/acme/gitops/actions/runs/42',
    github: { repo: api, signCommits: false, deployments: true },
    gate: { api, id: 42 },
  });
  if (outcome.warnings.length) throw new Error(outcome.warnings.join('\n'));
  return {
    message: git(w.bare, ['log', '-1', '--format=%B', 'main']),
    payload: JSON.stringify(fake.deployments[0]?.payload, null, 2) + '\n',
  };
});

// docs/state.md: calm-rhino into dev over gracious-grasshopper by a workflow run, approved by
// alice with `gantry approve`.
const statePromotion = once(async () => {
  const [, v110, v120] = RELEASES;
  const w = await world([stageYaml('dev')], { freight: [v110, v120] });
  await w.cli(['promote', '--stage', 'dev', '--freight', v110.alias]);
  await w.cli(['approve', '--stage', 'dev', '--freight', v120.alias, '--by', 'alice']);
  await promoteAs(w, {
    stage: 'dev',
    freight: v120.alias,
    by: 'gantry demo',
    run: 'https://github.com/acme/gitops/actions/runs/7',
    at: new Date('2026-11-22T00:28:22.285Z'),
  });
  return {
    message: git(w.bare, ['log', '-1', '--format=%B', 'main']),
    state: git(w.bare, ['show', 'main:.gantry/state/echo/dev.yaml']),
  };
});

/** A promotion whose template sets stage and freight metadata and the freight's alias. */
const notesPromotion = once(async () => {
  const [v100] = RELEASES;
  const stage = stageYaml('prod').replace(
    '      steps:\n',
    `      steps:
        - uses: set-metadata
          config:
            updates:
              - kind: Stage
                name: \${{ ctx.stage }}
                values: {region: eu-west-1}
              - kind: Freight
                name: \${{ ctx.targetFreight.name }}
                values: {ticket: OPS-42, approvedBy: alice}
        - uses: set-freight-alias
          config:
            name: \${{ ctx.targetFreight.name }}
            alias: echo-\${{ imageFrom('ghcr.io/acme/echo').Tag }}
`,
  );
  const w = await world([stage], { freight: [v100] });
  await promoteAs(w, {
    stage: 'prod',
    freight: v100.alias,
    by: 'gantry demo',
    run: 'https://github.com/acme/gitops/actions/runs/9',
    at: new Date('2026-11-22T01:00:00.000Z'),
  });
  const names = (kind: string) =>
    git(w.bare, ['tag', '-l', `gantry/echo/${kind}/*`])
      .split('\n')
      .filter(Boolean);
  return {
    tags: [...names('alias'), ...names('metadata')].map((t) => tagMessage(w.bare, t)).join(''),
    state: git(w.bare, ['show', 'main:.gantry/state/echo/prod.yaml']),
  };
});

const printed = new Map<string, Promise<string>>();
function scenario(id: string): Promise<string> {
  const run = SCENARIOS[id];
  if (!run) throw new Error(`no scenario "${id}" in ${import.meta.url}`);
  let p = printed.get(id);
  if (!p) {
    p = run().then((text) => {
      if (process.env.DOCS_PRINT) console.log(`--- scenario ${id}\n${text}`);
      return text;
    });
    printed.set(id, p);
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// The command line's grammar, from `gantry help`

let usage: Promise<string> | undefined;
/** Every command's usage lines: `gantry help` names the commands, `gantry help CMD` has its flags. */
function cliUsage(): Promise<string> {
  const help = async (args: string[]) => {
    let out = '';
    await runCli(args, { out: (t) => (out += t), err: () => undefined, env: {} });
    return out;
  };
  usage ??= (async () => {
    const list = /^Commands:\n((?: {2}.*\n)+)/m.exec(await help(['help']))?.[1] ?? '';
    const names = [...list.matchAll(/^ {2}(\w+)/gm)].map((m) => m[1]!);
    return (await Promise.all(names.map((n) => help(['help', n])))).join('\n');
  })();
  return usage;
}

async function parses(args: string[]): Promise<string> {
  let err = '';
  const code = await runCli([...args, '--help'], {
    out: () => undefined,
    err: (t) => (err += t),
    env: {},
  });
  return code === 0 ? '' : err.trim();
}

// ---------------------------------------------------------------------------------------------
// The documents

const label = (b: CodeBlock) => `${b.doc}:${b.line} (${b.section})`;

for (const doc of DOCS) {
  const blocks = readBlocks(doc);
  const kinds = new Map<CodeBlock, string>();
  const unrecognised: string[] = [];
  for (const b of blocks) {
    try {
      kinds.set(b, classify(b));
    } catch (err) {
      unrecognised.push(errorMessage(err));
    }
  }
  const of = (...k: string[]) => blocks.filter((b) => k.includes(kinds.get(b) ?? ''));

  describe(doc, () => {
    test('every code block is one the checks recognise, and is checked', () => {
      expect(blocks.length).toBeGreaterThan(0);
      expect(unrecognised).toEqual([]);
    });

    test('relative links lead to files and headings that exist', () => {
      expect(brokenLinks(doc)).toEqual([]);
    });

    for (const b of of('project', 'fragment', 'run')) {
      test(`${label(b)}: the project loads with no problems, and every step and provider exists`, () => {
        const loaded = loadProjectBlock(b);
        expect(loaded.problems, loaded.text).toEqual([]);
        expect(deepProblems(loaded.project!), loaded.text).toEqual([]);
      });
    }

    for (const c of runCases(blocks)) {
      test(`${label(c.run)}: running stage ${c.run.marker?.args['stage'] ?? '(first)'} turns the "before" files into the "after" files`, async () => {
        expect(Object.keys(c.files).length, 'a run needs file blocks before it').toBeGreaterThan(0);
        expect(Object.keys(c.expect).length, 'a run needs expect blocks after it').toBeGreaterThan(
          0,
        );
        const { project } = loadProjectBlock(c.run);
        const wanted = c.run.marker?.args['stage'];
        const stage = wanted ? project!.stages.find((s) => s.name === wanted) : project!.stages[0];
        expect(stage, `stage ${wanted}`).toBeDefined();
        const { dir, cleanup } = realTempDir('gantry-docs-run-');
        cleanups.push(cleanup);
        const freight = freightFor(project!, stage!, c.run.marker!);
        const run = await runStageSteps(project!, stage!, freight, c.files, dir);
        for (const [p, text] of Object.entries(c.expect)) expect(run.files[p], p).toBe(text);
        expect([...run.result.changed].sort()).toEqual(Object.keys(c.expect).sort());
      });
    }

    for (const b of of('workflow', 'steps', 'jobs')) {
      test(`${label(b)}: GitHub's parser accepts the workflow, and it uses only what the actions declare`, async () => {
        const text = workflowText(b, kinds.get(b) as BlockKind);
        expect(await workflowErrors('docs.yml', text), text).toEqual([]);
        expect(workflowActionProblems(text), text).toEqual([]);
      });
    }

    for (const b of of('console')) {
      test(`${label(b)}: each gantry command line parses`, async () => {
        const g = cliGrammar(await cliUsage());
        expect(g.commands).toContain('promote');
        const commands = consoleCommands(b.text);
        for (const args of commands) {
          expect(commandProblems(args, g), `gantry ${args.join(' ')}`).toEqual([]);
          expect(await parses(args), `gantry ${args.join(' ')}`).toBe('');
        }
      });
    }

    for (const b of of('output')) {
      const id = b.marker?.args['scenario'] ?? '';
      test(`${label(b)}: scenario ${id} prints what the block shows`, async () => {
        const quoted = b.lang === 'console' ? consoleOutput(b.text) : b.text;
        if (b.lang === 'console') {
          const g = cliGrammar(await cliUsage());
          for (const args of consoleCommands(b.text))
            expect(commandProblems(args, g), `gantry ${args.join(' ')}`).toEqual([]);
        }
        const text = await scenario(id);
        expect(matchesOutput(quoted, text), `printed:\n${text}\nquoted:\n${quoted}`).toBe(true);
      });
    }

    for (const b of of('document')) {
      const id = b.marker?.args['scenario'] ?? '';
      test(`${label(b)}: scenario ${id} writes the document the block shows`, async () => {
        const text = await scenario(id);
        expect(documentProblems(b, text), `written:\n${text}`).toEqual([]);
      });
    }

    for (const b of of('shell')) {
      test(`${label(b)}: every command exists (npm scripts, files, gantry command lines)`, async () => {
        const commands = shellCommands(b.text);
        expect(commands.length).toBeGreaterThan(0);
        const g = cliGrammar(await cliUsage());
        for (const words of commands) {
          const args = gantryArgs(words);
          if (args) {
            expect(commandProblems(args, g), words.join(' ')).toEqual([]);
            expect(await parses(args), words.join(' ')).toBe('');
          } else expect(shellCommandProblems(words), words.join(' ')).toEqual([]);
        }
      });
    }

    for (const b of of('kargo')) {
      test(`${label(b)}: Kargo resources, as Kargo writes them`, () => {
        const docs = b.text.split(/^---$/m).map((d) => parse(d) as Record<string, unknown>);
        for (const d of docs) {
          expect(String(d['apiVersion'])).toMatch(
            /^kargo\.akuity\.io\/v1alpha1$|^argoproj\.io\/v1alpha1$/,
          );
          expect(typeof d['kind']).toBe('string');
        }
      });
    }

    for (const b of of('mermaid')) {
      test(`${label(b)}: the diagram is a well-formed flowchart`, () => {
        expect(mermaidProblems(b.text)).toEqual([]);
      });
    }
  });
}

test('every scenario is quoted by a document', () => {
  const used = new Set(
    DOCS.flatMap((d) => readBlocks(d))
      .filter((b) => b.marker?.kind === 'output' || b.marker?.kind === 'document')
      .map((b) => b.marker?.args['scenario']),
  );
  expect(Object.keys(SCENARIOS).filter((id) => !used.has(id))).toEqual([]);
});
