import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runDiscover } from '../../src/discovery/run.js';
import { createSources, DISCOVERY_DEFAULTS } from '../../src/discovery/sources.js';
import { parseRemote } from '../../src/git/index.js';
import { GitHubClient } from '../../src/github/client.js';
import { loadProjectsFromFiles } from '../../src/pipeline/load.js';
import type { Project } from '../../src/pipeline/types.js';
import { promote } from '../../src/promotion/promote.js';
import { defaultRegistry } from '../../src/promotion/steps/registry.js';
import { StateStore } from '../../src/state/index.js';
import { defaultProviders } from '../../src/verification/index.js';
import { verify } from '../../src/verification/verify.js';
import { startGitHttpServer, type GitHttpServer } from '../support/git-server.js';
import { startFakeGitHub, type FakeGitHub } from '../support/github-fake.js';
import { startStageService, type StageService } from '../support/loop.js';
import { RegistryPusher, startRegistry, type TestRegistry } from '../support/registry.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { runGantry } from '../support/cli.js';

/**
 * The whole loop, as GitHub would run it, against a real registry (docker-registry), a real git
 * remote over smart HTTP with basic auth, and the fake GitHub API backed by that remote:
 *
 *   push image → discover (freight tag, dispatch for dev) → the promote workflow for dev
 *   (promote + verify against a service that reads what was promoted) → dispatch for staging →
 *   the workflow for staging → prod refused (soak time) → approve → prod promoted by hand;
 *   then a bad image: dev promoted, verification fails, the chain stops.
 *
 * Discovery, promotion and verification of the workflow runs use the core with the GitHub fake;
 * the steps a person takes (promote prod, approve, get stages) use the CLI.
 */

const TOKEN = 'ghs_loopE2eToken4242';
const WORKFLOW = 'gantry-promote.yml';
const VALUES = '# app\nimage:\n  tag: 0.9.0 # set by gantry\n';

const yamlUpdate = (stage: string, image: string) => `    promotionTemplate:
      steps:
        - uses: yaml-update
          config:
            path: env/${stage}/values.yaml
            updates:
              - {key: image.tag, value: '\${{ imageFrom("${image}").Tag }}'}
`;

/** Verified when the stage's service is healthy and runs the promotion commit's manifests. */
const healthz = (url: string) => `    verification:
      - name: healthz
        successCondition: result.health == "ok" && result.revision == "\${{ ctx.commit }}"
        provider:
          http:
            url: ${url}/healthz
            timeoutSeconds: 5
`;

const projectFile = (image: string, devUrl: string, stagingUrl: string) => `project: shop
warehouses:
  - name: app
    subscriptions:
      - image: {repoURL: ${image}, imageSelectionStrategy: SemVer, constraint: ^1.0.0, discoveryLimit: 5}
stages:
  - name: dev
    autoPromotion: true
    environmentUrl: ${devUrl}
    requestedFreight:
      - origin: {kind: Warehouse, name: app}
        sources: {direct: true}
${yamlUpdate('dev', image)}${healthz(devUrl)}  - name: staging
    autoPromotion: true
    environmentUrl: ${stagingUrl}
    requestedFreight:
      - origin: {kind: Warehouse, name: app}
        sources: {stages: [dev]}
${yamlUpdate('staging', image)}${healthz(stagingUrl)}  - name: prod
    environment: production
    autoPromotion: false
    requestedFreight:
      - origin: {kind: Warehouse, name: app}
        sources: {stages: [staging], requiredSoakTime: 1h}
${yamlUpdate('prod', image)}`;

interface StageJson {
  name: string;
  environment: string;
  freight: { id: string; alias: string }[];
  verified?: boolean;
}

describe('the whole loop: discover → dev → staging → prod, on a real registry and git remote', () => {
  const tmp = tempDir();
  const bare = join(tmp.path, 'acme', 'gitops.git');
  let registry: TestRegistry;
  let pusher: RegistryPusher;
  let server: GitHttpServer;
  let gh: FakeGitHub;
  let dev: StageService;
  let staging: StageService;
  let remote: string;
  let image: string;
  /** The clock of every workflow run; the CLI gets its own `now` per call. */
  const clock = () => new Date();
  const warnings: string[] = [];

  /** 1.2.0 is the bad build: the service runs it, but reports itself degraded. */
  const healthOf = (version: string) => (version === '1.2.0' ? 'degraded' : 'ok');

  beforeAll(async () => {
    [registry, server, dev, staging] = await Promise.all([
      startRegistry(),
      startGitHttpServer({
        root: tmp.path,
        auth: { username: 'x-access-token', password: TOKEN },
      }),
      startStageService({ bare: () => bare, stage: 'dev', healthOf }),
      startStageService({ bare: () => bare, stage: 'staging', healthOf }),
    ]);
    pusher = new RegistryPusher(registry.url);
    image = `${registry.host}/demo/app`;
    createBareRepo(join(tmp.path, 'acme'), 'gitops', {
      '.gantry/shop.yaml': projectFile(image, dev.url, staging.url),
      'env/dev/values.yaml': VALUES,
      'env/staging/values.yaml': VALUES,
      'env/prod/values.yaml': VALUES,
    });
    remote = `${server.url}/acme/gitops.git`;
    gh = await startFakeGitHub({
      owner: 'acme',
      repo: 'gitops',
      token: TOKEN,
      repoPath: bare,
      workflows: [
        { file: WORKFLOW, id: 7, dispatchInputs: ['stage', 'freight'], requiredInputs: ['stage'] },
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await Promise.all([gh?.close(), server?.close(), dev?.close(), staging?.close()]);
    await registry?.close();
    tmp.cleanup();
  });

  const api = () =>
    new GitHubClient({ token: TOKEN, apiUrl: gh.url, owner: 'acme', repo: 'gitops' });
  const runUrl = (id: number) => `https://github.com/acme/gitops/actions/runs/${id}`;
  const gitEnv = () => testGitEnv(tmp.path);
  const log = (line: string) => {
    if (/warning|error/i.test(line)) warnings.push(line);
  };

  /** A fresh runner: its own cache directory, the token as git credential, the project from main. */
  async function runner(id: number): Promise<{ store: StateStore; project: Project }> {
    const store = new StateStore({
      remote: parseRemote(remote, { kind: 'token', token: TOKEN }),
      cacheDir: join(tmp.path, 'runners', String(id)),
      baseEnv: gitEnv(),
      clock,
    });
    const loaded = await loadProjectsFromFiles(await store.projectFiles());
    expect(loaded.problems).toEqual([]);
    return { store, project: loaded.projects[0] as Project };
  }

  /** discover.yml: the discover action's use case, dispatching the promote workflow. */
  async function discoverWorkflow(id: number) {
    const { store, project } = await runner(id);
    const sources = createSources({
      registryCredentials: new Map(),
      gitEnv: gitEnv(),
      cacheDir: join(tmp.path, 'runners', String(id), 'discovery'),
      ...DISCOVERY_DEFAULTS,
      log: { info: log, warn: (l) => warnings.push(l) },
    });
    try {
      return await runDiscover({
        projects: [project],
        store,
        sources,
        dryRun: false,
        clock,
        createdBy: runUrl(id),
        log: { info: log, warn: (l) => warnings.push(l) },
        dispatch: { github: api(), workflow: WORKFLOW, ref: 'main', withProject: false },
      });
    } finally {
      await sources.close();
    }
  }

  /** promote.yml, first step: promote the dispatched inputs, recorded as a deployment. */
  async function promoteStep(inputs: Record<string, string>, id: number) {
    const { store, project } = await runner(id);
    return promote({
      project,
      stage: inputs.stage ?? '',
      freight: inputs.freight,
      store,
      registry: defaultRegistry(),
      dryRun: false,
      promotedBy: 'github-actions[bot]',
      run: runUrl(id),
      clock,
      fetch,
      log,
      github: { repo: api(), signCommits: false, deployments: true },
    });
  }

  /** promote.yml, second step: verify, and dispatch the workflow for what is due downstream. */
  async function verifyStep(inputs: Record<string, string>, id: number) {
    const { store, project } = await runner(id);
    return verify({
      project,
      stage: inputs.stage ?? '',
      freight: inputs.freight,
      store,
      providers: defaultProviders(),
      verifiedBy: runUrl(id),
      run: runUrl(id),
      fetch,
      env: {},
      secrets: [TOKEN],
      clock,
      timeoutMs: 20_000,
      log,
      github: api(),
      dispatch: { github: api(), workflow: WORKFLOW, ref: 'main', withProject: false },
    });
  }

  const cli = (args: string[], now: () => Date = clock) =>
    runGantry(
      [...args, '--repo', remote],
      {
        ...gitEnv(),
        GANTRY_CACHE_DIR: join(tmp.path, 'cli-cache'),
        GITHUB_TOKEN: TOKEN,
        GITHUB_SERVER_URL: server.url,
        GITHUB_API_URL: gh.url,
        USER: 'alice',
      },
      now,
    );

  const show = (path: string) => git(bare, ['show', `main:${path}`]);
  const tagOf = (stage: string) => /tag: (\S+)/.exec(show(`env/${stage}/values.yaml`))?.[1];
  const tip = () => git(bare, ['rev-parse', 'main']).trim();
  const trailers = (sha: string) =>
    git(bare, ['log', '-1', '--format=%(trailers:only,unfold)', sha]).trim().split('\n');
  const tags = (pattern: string) => git(bare, ['tag', '-l', pattern]).trim().split('\n');
  const deploymentsOf = (environment: string) =>
    gh.deployments.filter((d) => d.environment === environment);
  async function stagesJson(): Promise<Map<string, StageJson>> {
    const r = await cli(['get', 'stages', '--output', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { stages: StageJson[] };
    return new Map(doc.stages.map((s) => [s.name, s]));
  }

  test('discover → dev → verify → staging → verify → prod refused until approved; a bad build stops at dev', async () => {
    // ---- An image is published: discover records freight and starts the promotion of dev.
    await pusher.pushImage('demo/app', ['1.0.0', '1.1.0']);
    const first = await discoverWorkflow(1);
    const good = first.results[0]?.freight[0];
    expect(first.results[0]?.freight).toHaveLength(1);
    expect(good).toMatchObject({
      new: true,
      recorded: true,
      images: [{ repoURL: image, tag: '1.1.0', digest: expect.stringMatching(/^sha256:/) }],
      createdBy: runUrl(1),
    });
    if (!good) throw new Error('no freight discovered');
    expect(tags('gantry/shop/freight/*')).toEqual([`gantry/shop/freight/${good.id}`]);
    expect(first.dispatched).toEqual([
      { project: 'shop', stage: 'dev', freight: good.id, alias: good.alias, workflow: WORKFLOW },
    ]);
    expect(gh.dispatches).toEqual([
      { workflow: WORKFLOW, ref: 'main', inputs: { stage: 'dev', freight: good.id } },
    ]);

    // ---- GitHub runs promote.yml for dev with the dispatched inputs: promote.
    const devInputs = gh.dispatches[0]?.inputs ?? {};
    const devPromotion = await promoteStep(devInputs, 2);
    expect(devPromotion.warnings).toEqual([]);
    expect(devPromotion.result?.changed).toBe(true);
    const devCommit = devPromotion.result?.commit ?? '';
    expect(devCommit).toBe(tip());
    expect(tagOf('dev')).toBe('1.1.0');
    expect(tagOf('staging')).toBe('0.9.0');
    expect(trailers(devCommit)).toEqual(
      expect.arrayContaining(['Gantry-Stage: dev', `Gantry-Freight: ${good.id}`]),
    );
    expect(show('.gantry/state/shop/dev.yaml')).toContain(good.id);
    expect(deploymentsOf('dev')).toHaveLength(1);
    expect(deploymentsOf('dev')[0]).toMatchObject({ sha: devCommit });
    expect(deploymentsOf('dev')[0]?.statuses.map((s) => s.state)).toEqual(['in_progress']);
    expect(dev.served).toEqual([]);

    // ---- …then verify: the dev service serves what was promoted; staging is dispatched.
    const devVerify = await verifyStep(devInputs, 2);
    expect(devVerify.warnings).toEqual([]);
    expect(devVerify).toMatchObject({
      stage: 'dev',
      commit: devCommit,
      phase: 'Successful',
      verified: true,
      alreadyVerified: false,
    });
    expect(dev.served).toEqual([{ version: '1.1.0', revision: devCommit, health: 'ok' }]);
    expect(tags('gantry/shop/verified/*')).toEqual([`gantry/shop/verified/dev/${good.id}`]);
    const devDeployment = deploymentsOf('dev')[0];
    expect(devDeployment?.statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
    expect(devDeployment?.statuses[1]?.environmentUrl).toBe(dev.url);
    expect(devVerify.downstream).toEqual([
      {
        stage: 'staging',
        due: true,
        freight: { id: good.id, alias: good.alias },
        dispatched: { workflow: WORKFLOW },
      },
    ]);
    expect(gh.dispatches[1]).toEqual({
      workflow: WORKFLOW,
      ref: 'main',
      inputs: { stage: 'staging', freight: good.id },
    });
    expect(gh.dispatches).toHaveLength(2);

    // ---- promote.yml for staging, started by dev's verification.
    const stagingInputs = gh.dispatches[1]?.inputs ?? {};
    const stagingPromotion = await promoteStep(stagingInputs, 3);
    expect(stagingPromotion.warnings).toEqual([]);
    const stagingCommit = stagingPromotion.result?.commit ?? '';
    expect(stagingCommit).toBe(tip());
    expect(git(bare, ['rev-parse', `${stagingCommit}^`]).trim()).toBe(devCommit);
    expect(tagOf('staging')).toBe('1.1.0');
    expect(tagOf('prod')).toBe('0.9.0');
    expect(deploymentsOf('staging').map((d) => d.sha)).toEqual([stagingCommit]);
    expect(deploymentsOf('staging')[0]?.statuses.map((s) => s.state)).toEqual(['in_progress']);

    const stagingVerify = await verifyStep(stagingInputs, 3);
    expect(stagingVerify.warnings).toEqual([]);
    expect(stagingVerify).toMatchObject({ commit: stagingCommit, phase: 'Successful' });
    expect(staging.served).toEqual([{ version: '1.1.0', revision: stagingCommit, health: 'ok' }]);
    expect(tags('gantry/shop/verified/staging/*')).toEqual([
      `gantry/shop/verified/staging/${good.id}`,
    ]);
    expect(deploymentsOf('staging')[0]?.statuses.map((s) => s.state)).toEqual([
      'in_progress',
      'success',
    ]);
    // prod: auto-promotion is off, and the freight has not soaked an hour in staging yet. Soak
    // time counts from the promotion commit's committer time.
    const promotedAt = Number(git(bare, ['log', '-1', '--format=%ct', stagingCommit]).trim());
    const soakedAt = new Date((promotedAt + 3600) * 1000);
    const prodNext = stagingVerify.downstream;
    expect(prodNext).toHaveLength(1);
    expect(prodNext[0]).toMatchObject({
      stage: 'prod',
      due: false,
      freight: { id: good.id, alias: good.alias },
      availableAt: soakedAt.toISOString(),
    });
    expect(prodNext[0]?.reason).toMatch(
      new RegExp(
        `^needs 1h of soak time in staging; has \\d+s \\(available at ${soakedAt.toISOString().replace(/\./g, '\\.')}\\)$`,
      ),
    );
    expect(prodNext[0]?.dispatched).toBeUndefined();
    expect(gh.dispatches).toHaveLength(2);

    // ---- A person tries prod: refused, with the soak time and the instant it will be over.
    const beforeProd = tip();
    const refused = await cli(['promote', '--stage', 'prod', '--freight', good.alias]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(
      `gantry: freight ${good.alias} (${good.id.slice(0, 7)}) is not available to prod: needs 1h of soak time in staging`,
    );
    expect(refused.err).toContain(`(available at ${soakedAt.toISOString()})`);
    expect(tip()).toBe(beforeProd);
    expect(deploymentsOf('production')).toEqual([]);
    // One second before the instant it is still refused; at the instant the soak is enough.
    const early = await cli(
      ['promote', '--stage', 'prod', '--freight', good.alias, '--dry-run'],
      () => new Date(soakedAt.getTime() - 1000),
    );
    expect(early.code).toBe(1);
    expect(early.err).toContain('has 59m59s');
    const soaked = await cli(
      ['promote', '--stage', 'prod', '--freight', good.alias, '--dry-run'],
      () => soakedAt,
    );
    expect(soaked.err).not.toMatch(/warning|error/i);
    expect(soaked.code).toBe(0);
    expect(soaked.out).toContain(`would promote ${good.alias} (${good.id.slice(0, 7)}) into prod`);
    expect(tip()).toBe(beforeProd);

    // ---- Approve it for prod: now prod takes it without waiting, and the promotion lands.
    const approved = await cli([
      'approve',
      '--stage',
      'prod',
      '--freight',
      good.alias,
      '--by',
      'carol',
      '--reason',
      'release window',
    ]);
    expect(approved.code).toBe(0);
    expect(approved.out).toBe(
      `approved: ${good.alias} (${good.id.slice(0, 7)}) for prod by carol (release window)\n`,
    );
    expect(tags('gantry/shop/approved/*')).toEqual([`gantry/shop/approved/prod/${good.id}`]);
    // No --freight: the approved freight is the one prod may take.
    const prod = await cli(['promote', '--stage', 'prod']);
    expect(prod.err).not.toMatch(/warning|error/i);
    expect(prod.code).toBe(0);
    const prodCommit = tip();
    expect(prodCommit).not.toBe(beforeProd);
    expect(prod.out).toContain(
      `promoted ${good.alias} (${good.id.slice(0, 7)}) into prod: commit ${prodCommit.slice(0, 7)} on main`,
    );
    expect(tagOf('prod')).toBe('1.1.0');
    expect(trailers(prodCommit)).toEqual(
      expect.arrayContaining([
        'Gantry-Stage: prod',
        `Gantry-Freight: ${good.id}`,
        'Gantry-Promoted-By: Test Author', // GIT_AUTHOR_NAME comes before USER
      ]),
    );
    expect(deploymentsOf('production').map((d) => d.sha)).toEqual([prodCommit]);
    expect(deploymentsOf('production')[0]?.statuses.map((s) => s.state)).toEqual(['in_progress']);

    let stages = await stagesJson();
    for (const name of ['dev', 'staging', 'prod']) {
      expect(stages.get(name)?.freight.map((f) => f.alias)).toEqual([good.alias]);
    }
    expect(stages.get('dev')?.verified).toBe(true);
    expect(stages.get('staging')?.verified).toBe(true);
    expect(stages.get('prod')?.verified).toBe(false);
    expect(stages.get('prod')?.environment).toBe('production');
    const table = await cli(['get', 'stages']);
    expect(table.code).toBe(0);
    const short = good.id.slice(0, 7);
    expect(table.out).toMatch(new RegExp(`^dev +${good.alias} +${short} +yes `, 'm'));
    expect(table.out).toMatch(new RegExp(`^staging +${good.alias} +${short} +yes `, 'm'));
    expect(table.out).toMatch(new RegExp(`^prod +${good.alias} +${short} +no `, 'm'));

    // ---- A bad build: discover promotes it to dev, verification fails, the chain stops there.
    await pusher.pushImage('demo/app', ['1.2.0']);
    const second = await discoverWorkflow(4);
    const bad = second.results[0]?.freight[0];
    expect(bad).toMatchObject({ new: true, images: [{ tag: '1.2.0' }] });
    if (!bad) throw new Error('no freight discovered');
    expect(second.results[0]?.promotions).toEqual([
      { project: 'shop', stage: 'dev', freight: bad.id, alias: bad.alias },
    ]);
    expect(gh.dispatches[2]).toEqual({
      workflow: WORKFLOW,
      ref: 'main',
      inputs: { stage: 'dev', freight: bad.id },
    });
    expect(gh.dispatches).toHaveLength(3);

    const badInputs = gh.dispatches[2]?.inputs ?? {};
    const badPromotion = await promoteStep(badInputs, 5);
    const badCommit = badPromotion.result?.commit ?? '';
    expect(badCommit).toBe(tip());
    expect(tagOf('dev')).toBe('1.2.0');
    const badVerify = await verifyStep(badInputs, 5);
    expect(badVerify).toMatchObject({
      commit: badCommit,
      phase: 'Failed',
      verified: false,
      downstream: [],
    });
    expect(badVerify.analysis?.metrics[0]?.message).toContain('successCondition');
    expect(dev.served.at(-1)).toEqual({
      version: '1.2.0',
      revision: badCommit,
      health: 'degraded',
    });
    expect(tags(`gantry/shop/verified/*/${bad.id}`)).toEqual(['']);
    expect(deploymentsOf('dev').map((d) => d.sha)).toEqual([devCommit, badCommit]);
    expect(deploymentsOf('dev')[1]?.statuses.map((s) => s.state)).toEqual([
      'in_progress',
      'failure',
    ]);
    // Nothing was started for staging, which still runs the good build.
    expect(gh.dispatches).toHaveLength(3);
    expect(tagOf('staging')).toBe('1.1.0');
    expect(staging.served).toHaveLength(1);

    // The CLI agrees: verify fails (exit 1) and staging may not take the bad build.
    const reverify = await cli(['verify', '--stage', 'dev']);
    expect(reverify.code).toBe(1);
    expect(reverify.out).toContain(
      `verification of ${bad.alias} (${bad.id.slice(0, 7)}) in dev failed`,
    );
    const blocked = await cli(['promote', '--stage', 'staging', '--freight', bad.alias]);
    expect(blocked.code).toBe(1);
    expect(blocked.err).toContain(`is not available to staging: not verified in dev`);
    stages = await stagesJson();
    expect(stages.get('dev')).toMatchObject({ freight: [{ id: bad.id }], verified: false });
    expect(stages.get('staging')).toMatchObject({ freight: [{ id: good.id }], verified: true });
    expect(stages.get('prod')).toMatchObject({ freight: [{ id: good.id }] });
    expect(warnings).toEqual([]);
  }, 60_000);
});
