/**
 * Kargo's promotion templates run as Kargo runs them, end to end on a git server speaking smart
 * HTTP with auth: the quickstart's rendered branches (main rendered into `stage/<stage>`, created
 * on first promotion) and a source checked out at the freight's commit.
 */
import { quickstartSteps } from '../support/kargo.js';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseRemote } from '../../src/git/index.js';
import { StateStore } from '../../src/state/index.js';
import type { Freight } from '../../src/freight/types.js';
import { makeFreight } from '../support/freight.js';
import { startGitHttpServer, type GitHttpServer } from '../support/git-server.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { runGantry } from '../support/cli.js';
import { loadProjectsFromFiles, type Project } from '../../src/pipeline/index.js';
import { promote } from '../../src/promotion/promote.js';
import { defaultRegistry } from '../../src/promotion/steps/registry.js';

const AUTH = { username: 'bot', password: 's3cret-pw' };

/** Kargo's quickstart PromotionTask, inlined as each stage's template. */
function renderedTemplate(indent: string): string {
  return `promotionTemplate:
  vars:
    - {name: gitopsRepo, value: '\${{ "GITOPS" }}'}
    - {name: imageRepo, value: ghcr.io/acme/echo}
  steps:
${quickstartSteps(4, { repoURL: '${{ vars.gitopsRepo }}', image: '${{ vars.imageRepo }}', commitAs: 'commit' })}    - uses: git-push
      as: push
      config: {path: ./out}
`
    .split('\n')
    .map((l) => (l ? indent + l : l))
    .join('\n');
}

/** Kargo's quickstart as it is written there: the stage's template is one task step. */
const TASK = `promotionTasks:
  - name: demo-promo-process
    vars:
      - name: gitopsRepo
      - {name: imageRepo, value: ghcr.io/acme/echo}
    steps:
      - uses: git-clone
        config:
          repoURL: \${{ vars.gitopsRepo }}
          checkout:
            - {branch: main, path: ./src}
            - {branch: 'stage/\${{ ctx.stage }}', create: true, path: ./out}
      - uses: git-clear
        config: {path: ./out}
      - uses: kustomize-set-image
        as: update
        config:
          path: ./src/base
          images:
            - {image: '\${{ vars.imageRepo }}', tag: '\${{ imageFrom(vars.imageRepo).Tag }}'}
      - uses: kustomize-build
        config: {path: './src/stages/\${{ ctx.stage }}', outPath: ./out}
      - uses: git-commit
        as: commit
        config: {path: ./out, message: '\${{ task.outputs.update.commitMessage }}'}
      - uses: git-push
        config: {path: ./out}
      - uses: compose-output
        as: result
        config: {commit: '\${{ task.outputs.commit.commit }}'}
`;

function project(gitops: string): string {
  // dev inlines the steps; staging and prod use the task, as the quickstart does.
  const stage = (name: string, sources: string) =>
    `  - name: ${name}
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: ${sources}
${
  name === 'dev'
    ? renderedTemplate('    ')
    : `    promotionTemplate:
      vars:
        - {name: gitopsRepo, value: GITOPS}
      steps:
        - task: {name: demo-promo-process}
          as: promo-process
        - uses: compose-output
          as: landed
          config: {commit: "\${{ outputs['promo-process'].commit }}"}
`
}`;
  return `project: demo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
stages:
${stage('dev', '{direct: true}')}
${stage('staging', '{stages: [dev]}')}
${stage('prod', '{stages: [staging]}')}
${TASK}`.replaceAll('GITOPS', gitops);
}

const BASE = {
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
};
const overlay = (stage: string) => ({
  [`stages/${stage}/kustomization.yaml`]: `resources:\n  - ../../base\nnamespace: ${stage}\n`,
});

describe('rendered branches (Kargo quickstart): dev → staging → prod', () => {
  const tmp = tempDir();
  let server: GitHttpServer;
  let bare: string;
  let url: string;
  const f1 = makeFreight('1.0.0', { createdAt: '2026-11-01T10:00:00.000Z' });
  const f2 = makeFreight('1.1.0', { createdAt: '2026-11-01T11:00:00.000Z' });
  const env = () => ({
    ...testGitEnv(tmp.path),
    GANTRY_CACHE_DIR: join(tmp.path, 'cache'),
    USER: 'alice',
  });
  const remote = () => url.replace('http://', `http://${AUTH.username}:${AUTH.password}@`);
  const cli = (args: string[]) =>
    runGantry([...args, '--repo', remote()], env(), () => new Date('2026-11-02T00:00:00Z'));
  // Freight recorded straight into the bare repository: set-up, not what the tests ask about.
  const record = async (f: Freight) => {
    const store = new StateStore({
      remote: parseRemote(`file://${bare}`),
      cacheDir: join(tmp.path, 'w'),
      baseEnv: testGitEnv(tmp.path),
    });
    await store.recordFreight('demo', f);
  };

  beforeAll(async () => {
    const root = join(tmp.path, 'srv');
    server = await startGitHttpServer({ root, auth: AUTH });
    url = `${server.url}/gitops.git`;
    bare = createBareRepo(root, 'gitops', {
      '.gantry/demo.yaml': project(url),
      ...BASE,
      ...overlay('dev'),
      ...overlay('staging'),
      ...overlay('prod'),
    });
    await record(f1);
  });
  afterAll(async () => {
    await server.close();
    tmp.cleanup();
  });

  test('lint accepts the template and knows each stage deploys from stage/<name>', async () => {
    const r = await cli(['lint']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('ok: 1 project (demo)');
  });

  test('--dry-run renders and shows the diff, and creates no branch', async () => {
    const r = await cli(['promote', '--stage', 'dev', '--dry-run']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('+      - image: ghcr.io/acme/echo:1.0.0');
    expect(r.out).toContain('+++ b/.gantry/state/demo/dev.yaml');
    expect(git(bare, ['branch', '--list', 'stage/dev'])).toBe('');
  });

  test('the first promotion creates stage/dev holding only the rendered manifests and the state', async () => {
    const mainBefore = git(bare, ['rev-parse', 'main']);
    const r = await cli(['promote', '--stage', 'dev']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`promoted ${f1.alias}`);
    expect(r.out).toContain('on stage/dev');
    // main is the source: the edit of ./src/base was never pushed.
    expect(git(bare, ['rev-parse', 'main'])).toBe(mainBefore);
    const files = git(bare, ['ls-tree', '-r', '--name-only', 'stage/dev']).trim().split('\n');
    expect(files.sort()).toEqual(['.gantry/state/demo/dev.yaml', 'dev-deployment-echo.yaml']);
    const rendered = git(bare, ['show', 'stage/dev:dev-deployment-echo.yaml']);
    expect(rendered).toContain('namespace: dev');
    expect(rendered).toContain('image: ghcr.io/acme/echo:1.0.0');
    expect(git(bare, ['show', 'stage/dev:.gantry/state/demo/dev.yaml'])).toContain(f1.id);
    // Kargo's shape: an empty orphan "Initial commit", then the promotion.
    expect(git(bare, ['log', '--format=%s', 'stage/dev']).trim().split('\n')).toEqual([
      'Updated ./src/base to use new image',
      'Initial commit',
    ]);
    expect(git(bare, ['ls-tree', 'stage/dev^'])).toBe('');
    // The message is the template's, gantry's record and trailers follow it.
    const body = git(bare, ['log', '-1', '--format=%B', 'stage/dev']);
    expect(body).toContain(`Gantry-Stage: dev`);
    expect(body).toContain(`Gantry-Freight: ${f1.id}`);
    // Every request carried the credentials, and none reached the server without them.
    expect(server.requests.every((q) => q.authorized || q.path.endsWith('/info/refs'))).toBe(true);
  });

  test('get stages reads the state from stage/dev; promoting the same freight again does nothing', async () => {
    const stages = await cli(['get', 'stages', '--output', 'json']);
    expect(stages.code).toBe(0);
    const dev = (JSON.parse(stages.out) as { stages: { name: string }[] }).stages.find(
      (s) => s.name === 'dev',
    );
    expect(JSON.stringify(dev)).toContain(f1.id);
    const tip = git(bare, ['rev-parse', 'stage/dev']);
    const again = await cli(['promote', '--stage', 'dev', '--freight', f1.alias]);
    expect(again.code).toBe(0);
    expect(git(bare, ['rev-parse', 'stage/dev'])).toBe(tip);
  });

  test('verified in dev, the freight moves to staging on its own new branch', async () => {
    expect((await cli(['verify', '--stage', 'dev'])).code).toBe(0);
    const r = await cli(['promote', '--stage', 'staging']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(git(bare, ['show', 'stage/staging:staging-deployment-echo.yaml'])).toContain(
      'namespace: staging',
    );
    // The task's steps ran under their inflated aliases, task.outputs read within the task.
    expect(r.out).toContain('step 6 (git-push "promo-process::step-6"): done');
    expect(git(bare, ['log', '-1', '--format=%s', 'stage/staging']).trim()).toBe(
      'Updated ./src/base to use new image',
    );
    expect((await cli(['verify', '--stage', 'staging'])).code).toBe(0);
    expect((await cli(['promote', '--stage', 'prod'])).code).toBe(0);
    expect(git(bare, ['show', 'stage/prod:.gantry/state/demo/prod.yaml'])).toContain(f1.id);
  });

  test('new freight re-renders stage/dev in one commit on top of the last', async () => {
    await record(f2);
    const before = git(bare, ['rev-parse', 'stage/dev']);
    const r = await cli(['promote', '--stage', 'dev']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(git(bare, ['rev-parse', 'stage/dev^'])).toBe(before);
    expect(git(bare, ['show', 'stage/dev:dev-deployment-echo.yaml'])).toContain(
      'image: ghcr.io/acme/echo:1.1.0',
    );
    expect(git(bare, ['show', 'stage/dev:.gantry/state/demo/dev.yaml'])).toContain(f2.id);
    const history = await cli(['get', 'promotions']);
    expect(history.code).toBe(0);
    expect(history.out).toContain(f2.alias);
    expect(history.out).toContain(f1.alias);
  });

  test('the workspace checks out what the reads fetched: no second fetch or listing of stage/dev, no history read without a soak', async () => {
    const f3 = makeFreight('1.2.0', { createdAt: '2026-11-01T12:00:00.000Z' });
    await record(f3);
    const before = git(bare, ['rev-parse', 'stage/dev']);
    const r = await runGantry(
      ['promote', '--stage', 'dev', '--repo', remote()],
      { ...env(), GANTRY_DEBUG: '1' },
      () => new Date('2026-11-02T00:00:00Z'),
    );
    expect(r.code).toBe(0);
    const gitLines = r.err.split('\n').filter((l) => /\bgit /.test(l));
    // stage/dev is fetched once, by the state read; main once, by the project read.
    expect(gitLines.filter((l) => / fetch .*refs\/heads\/stage\/dev/.test(l))).toHaveLength(1);
    expect(gitLines.filter((l) => /ls-remote origin/.test(l))).toEqual([]);
    // The clone's settings are written with its init, not one `git config` each.
    expect(gitLines.filter((l) => / config (?!--file)/.test(l))).toEqual([]);
    // No stage of this project soaks: promotion history is never read.
    expect(gitLines.filter((l) => /--filter=tree:0/.test(l))).toEqual([]);
    expect(git(bare, ['rev-parse', 'stage/dev^'])).toBe(before);
    expect(git(bare, ['show', 'stage/dev:dev-deployment-echo.yaml'])).toContain(
      'image: ghcr.io/acme/echo:1.2.0',
    );
    expect(git(bare, ['show', 'stage/dev:.gantry/state/demo/dev.yaml'])).toContain(f3.id);
    // The stage's state comes from the state read, and HEAD is never asked: the commit's ID is
    // read from the branch's ref file.
    expect(gitLines.filter((l) => / show [0-9a-f]{40}:\.gantry\//.test(l))).toEqual([]);
    expect(gitLines.filter((l) => /rev-parse/.test(l))).toEqual([]);
    // git-push knows the commit git-commit made carries the state: no look into it.
    expect(gitLines.filter((l) => / cat-file -e /.test(l))).toEqual([]);
  });

  test('a branch the template clones is fetched with the state read, not again by the workspace', async () => {
    const f4 = makeFreight('1.3.0', { createdAt: '2026-11-01T13:00:00.000Z' });
    await record(f4);
    // The project comes from the file, not from the remote: nothing has fetched main yet.
    const loaded = await loadProjectsFromFiles([{ file: '.gantry/demo.yaml', text: project(url) }]);
    const p = loaded.projects[0] as Project;
    const lines: string[] = [];
    const store = new StateStore({
      remote: parseRemote(remote()),
      cacheDir: join(tmp.path, 'inproc'),
      baseEnv: testGitEnv(tmp.path),
      trace: (l) => lines.push(l),
    });
    const out = await promote({
      project: p,
      stage: 'dev',
      freight: f4.id,
      store,
      registry: defaultRegistry(),
      dryRun: false,
      promotedBy: 'alice',
      clock: () => new Date('2026-11-02T00:00:00Z'),
      fetch,
      log: () => undefined,
    });
    expect(out.result?.changed).toBe(true);
    const fetches = lines.filter((l) => / fetch /.test(l));
    // The read cache's fetch of the stages' branches names main too; the workspace (its
    // checkouts live in a promote-* directory) fetches nothing.
    expect(fetches.filter((l) => /\/promote-[^/]*/.test(l))).toEqual([]);
    expect(
      fetches.filter((l) => /refs\/heads\/main:/.test(l) && /refs\/heads\/stage\/dev:/.test(l)),
    ).not.toEqual([]);
    expect(git(bare, ['show', 'stage/dev:dev-deployment-echo.yaml'])).toContain(
      'image: ghcr.io/acme/echo:1.3.0',
    );
  });
});
