import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freightAlias } from '../freight/alias.js';
import { freightId } from '../freight/id.js';
import type { Freight, FreightArtifacts } from '../freight/types.js';
import { parseRemote } from '../git/index.js';
import { StateStore } from '../state/index.js';
import type { CliIO } from './run.js';

/**
 * The README's first command: a GitOps repository on this machine (a bare repo plus a clone),
 * a three-stage project, freight recorded as discover would record it, dev and staging promoted,
 * dev verified, and the stage, freight and promotion tables printed by the real CLI commands.
 * No account, no network.
 */

const PROJECT = `# yaml-language-server: $schema=../schema/project.schema.json
project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo, imageSelectionStrategy: SemVer, constraint: ^1.0.0, discoveryLimit: 5}
stages:
  - name: dev
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    autoPromotion: true
    promotionTemplate:
      steps:
        - uses: yaml-update
          config:
            path: env/dev/values.yaml
            updates:
              - {key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}
  - name: staging
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {stages: [dev]}
    autoPromotion: true
    promotionTemplate:
      steps:
        - uses: yaml-update
          config:
            path: env/staging/values.yaml
            updates:
              - {key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}
  - name: prod
    environment: production
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {stages: [staging], requiredSoakTime: 1h}
    promotionTemplate:
      mode: pull-request
      steps:
        - uses: yaml-update
          config:
            path: env/prod/values.yaml
            updates:
              - {key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}
`;

const values = (tag: string) =>
  `# Helm values for echo; gantry sets image.tag on promotion.\nimage:\n  repository: ghcr.io/acme/echo\n  tag: ${tag} # set by gantry\nreplicas: 2\n`;

export interface DemoOptions {
  dir?: string;
  io: CliIO;
  /** Runs a gantry command line; `env` is laid over the demo's environment. */
  cli: (args: string[], env?: Record<string, string>) => Promise<number>;
}

export async function runDemo(opts: DemoOptions): Promise<number> {
  const { io } = opts;
  const root = opts.dir ? resolve(opts.dir) : mkdtempSync(join(tmpdir(), 'gantry-demo-'));
  mkdirSync(root, { recursive: true });
  const bare = join(root, 'gitops.git');
  const clone = join(root, 'gitops');
  const env = {
    ...io.env,
    GIT_AUTHOR_NAME: 'Demo',
    GIT_AUTHOR_EMAIL: 'demo@example.test',
    GIT_COMMITTER_NAME: 'Demo',
    GIT_COMMITTER_EMAIL: 'demo@example.test',
  };
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const say = (text: string) =>
    io.out(io.color ? `\n\u001b[1m## ${text}\u001b[0m\n` : `\n## ${text}\n`);

  // Everything the demo writes stays under its directory, the CLI's cache included.
  const cacheEnv = { GANTRY_CACHE_DIR: join(root, 'cache') };
  say(`A GitOps repository in ${root}`);
  git(root, 'init', '-q', '--bare', '-b', 'main', bare);
  git(bare, 'config', 'uploadpack.allowFilter', 'true');
  git(root, 'init', '-q', '-b', 'main', clone);
  const files: Record<string, string> = {
    '.gantry/echo.yaml': PROJECT.replace(
      '../schema/project.schema.json',
      'https://raw.githubusercontent.com/gantry-dev/gantry/main/schema/project.schema.json',
    ),
    'env/dev/values.yaml': values('0.9.0'),
    'env/staging/values.yaml': values('0.9.0'),
    'env/prod/values.yaml': values('0.9.0'),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(clone, path)), { recursive: true });
    writeFileSync(join(clone, path), text);
  }
  git(clone, 'add', '-A');
  git(clone, 'commit', '-q', '-m', 'GitOps repo for echo, with a gantry project');
  git(clone, 'remote', 'add', 'origin', bare);
  git(clone, 'push', '-q', '-u', 'origin', 'main');
  io.out(`bare repository: ${bare}\nclone:           ${clone}\n`);

  say('gantry lint');
  if ((await opts.cli(['lint', '--repo', clone], cacheEnv)) !== 0) return 1;

  const store = new StateStore({
    remote: parseRemote(pathToFileURL(bare).href),
    cacheDir: join(root, 'cache'),
    baseEnv: io.env,
  });
  say('Three releases of ghcr.io/acme/echo recorded as freight (what `gantry discover` will do)');
  const taken = new Set<string>();
  const freight: Freight[] = [];
  for (const [i, tag] of ['1.0.0', '1.1.0', '1.2.0'].entries()) {
    const artifacts: FreightArtifacts = {
      images: [{ repoURL: 'ghcr.io/acme/echo', tag, digest: `sha256:${String(i + 1).repeat(64)}` }],
      charts: [],
      commits: [],
    };
    const origin = { kind: 'Warehouse' as const, name: 'echo' };
    const id = freightId(origin, artifacts);
    const alias = freightAlias(id, taken);
    taken.add(alias);
    const f: Freight = {
      id,
      alias,
      origin,
      ...artifacts,
      createdAt: new Date(Date.now() - (3 - i) * 3_600_000).toISOString(),
      createdBy: 'gantry demo',
    };
    await store.recordFreight('echo', f);
    freight.push(f);
    io.out(`freight ${alias} (${id.slice(0, 7)}): ghcr.io/acme/echo:${tag}\n`);
  }

  const promote = async (stage: string, f: Freight) => {
    const res = await store.commitPromotion({
      project: 'echo',
      stage,
      freight: f,
      promotedBy: 'gantry demo',
      paths: [`env/${stage}/values.yaml`],
      edit: async (dir) => {
        writeFileSync(join(dir, `env/${stage}/values.yaml`), values(f.images[0]?.tag ?? ''));
        return [`- env/${stage}/values.yaml: image.tag`];
      },
    });
    io.out(
      `promoted ${f.alias} into ${stage}: commit ${res.commit.slice(0, 7)} (${res.changes.map((c) => `${c.artifact} ${c.from ?? 'none'} → ${c.to}`).join(', ')})\n`,
    );
  };
  const verify = async (stage: string, f: Freight) => {
    await store.recordVerification({
      project: 'echo',
      stage,
      freightId: f.id,
      alias: f.alias,
      verifiedAt: new Date().toISOString(),
      verifiedBy: 'gantry demo',
      summary: ['demo: Successful'],
    });
    io.out(`verified ${f.alias} in ${stage}\n`);
  };
  const [f1, f2, f3] = freight as [Freight, Freight, Freight];
  say('Promotions: each is one commit with the manifests and the stage state');
  await promote('dev', f1);
  await verify('dev', f1);
  await promote('staging', f1);
  await verify('staging', f1);
  await promote('dev', f2);
  await verify('dev', f2);
  await promote('dev', f3);

  say('gantry get stages');
  if ((await opts.cli(['get', 'stages', '--repo', clone], cacheEnv)) !== 0) return 1;
  say('gantry get freight');
  if ((await opts.cli(['get', 'freight', '--repo', clone], cacheEnv)) !== 0) return 1;
  say('gantry get promotions');
  if ((await opts.cli(['get', 'promotions', '--repo', clone], cacheEnv)) !== 0) return 1;
  say('History is plain git');
  io.out(
    execFileSync('git', ['log', '--format=%h %s', 'main'], { cwd: bare, env, encoding: 'utf8' }),
  );
  io.out(
    `\nTry: cd ${clone} && git fetch origin 'refs/tags/gantry/*:refs/tags/gantry/*' && git tag -n1 -l 'gantry/*'\n`,
  );
  return 0;
}
