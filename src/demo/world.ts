import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The demo's world, all under one directory and all plain git:
 *
 * - `app/`: the application's repository; each release is a tag (`v1.0.0`, `v1.1.0`, …), as
 *   a release workflow would push it. The warehouse subscribes to it by SemVer over its tags.
 * - `gitops.git` and its clone `gitops/`: the GitOps repository Argo CD would deploy from, with
 *   the values file of each stage and the gantry project `.gantry/echo.yaml`. gantry keeps all
 *   its state there (tags and promotion commits).
 */

export const PROJECT = 'echo';
export const STAGES = ['dev', 'staging', 'prod'] as const;
export const valuesPath = (stage: string) => `env/${stage}/values.yaml`;

export interface World {
  root: string;
  app: string;
  appURL: string;
  bare: string;
  clone: string;
  /** Git with the demo's identity; `cwd` is a repository of the world. */
  git: (cwd: string, ...args: string[]) => string;
}

/**
 * The environment for the demo's own git commands: the caller's, without the variables that would
 * point git at another repository (set when the demo runs from a git hook, say).
 */
export function demoGitEnv(
  baseEnv: Readonly<Record<string, string | undefined>>,
): Record<string, string | undefined> {
  const elsewhere =
    /^GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|COMMON_DIR|NAMESPACE|PREFIX)$/;
  return Object.fromEntries(Object.entries(baseEnv).filter(([k]) => !elsewhere.test(k)));
}

export function createWorld(
  root: string,
  baseEnv: Readonly<Record<string, string | undefined>>,
): World {
  const env = {
    ...demoGitEnv(baseEnv),
    GIT_AUTHOR_NAME: 'gantry demo',
    GIT_AUTHOR_EMAIL: 'demo@example.test',
    GIT_COMMITTER_NAME: 'gantry demo',
    GIT_COMMITTER_EMAIL: 'demo@example.test',
  };
  // A user's global config must not sign, hook or rewrite the demo's own commits.
  const fixed = ['-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', '-c', 'core.hooksPath='];
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', [...fixed, ...args], {
      cwd,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  const app = join(root, 'app');
  const bare = join(root, 'gitops.git');
  const clone = join(root, 'gitops');
  git(root, 'init', '-q', '-b', 'main', app);
  // Discovery fetches tag and commit objects only (a partial fetch); allow it, as forges do.
  git(app, 'config', 'uploadpack.allowFilter', 'true');
  git(root, 'init', '-q', '--bare', '-b', 'main', bare);
  git(bare, 'config', 'uploadpack.allowFilter', 'true');
  git(bare, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
  return { root, app, appURL: pathToFileURL(app).href, bare, clone, git };
}

/** A release of the app: a commit that says so, and its annotated tag `v<version>`. */
export function release(world: World, version: string): string {
  writeFileSync(join(world.app, 'VERSION'), `${version}\n`);
  writeFileSync(
    join(world.app, 'README.md'),
    `# echo\n\nA tiny service that answers with its version. Releases are the tags v*.\n`,
  );
  world.git(world.app, 'add', 'VERSION', 'README.md');
  world.git(world.app, 'commit', '-q', '-m', `echo ${version}`);
  world.git(world.app, 'tag', '-a', `v${version}`, '-m', `echo ${version}`);
  return world.git(world.app, 'rev-parse', '--short', 'HEAD').trim();
}

/**
 * The project: the app's releases flow dev → staging → prod. dev takes every new release
 * (auto-promotion), staging takes what dev verified (auto-promotion), prod takes what staging
 * verified after an hour's soak, or what someone approved, and is never promoted automatically.
 * Each stage is verified by asking its service which freight it runs.
 */
export function projectFile(world: World, services: Record<string, string>): string {
  const verification = (stage: string, comment = '') => `    verification:
${comment}      - name: running
        count: 1
        successCondition: result.healthy && result.freight == "\${{ ctx.freight.alias }}"
        provider:
          http: {url: '${services[stage] ?? ''}', timeoutSeconds: 5}
`;
  return `# yaml-language-server: $schema=https://raw.githubusercontent.com/gantry-dev/gantry/main/schema/project.schema.json
# The app's releases (the tags v* of its repository) flow dev -> staging -> prod.
project: ${PROJECT}
warehouses:
  - name: echo
    subscriptions:
      - git:
          repoURL: ${world.appURL}
          commitSelectionStrategy: SemVer
          semverConstraint: ^1.0.0
          discoveryLimit: 5
stages:
  - name: dev
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    autoPromotion: true
    # Every stage promotes the same way (the YAML anchor shares it): the release goes into
    # image.tag, and the freight's alias into an annotation that the running service reports.
    promotionTemplate: &promotion
      vars:
        - {name: app, value: '${world.appURL}'}
      steps:
        - uses: yaml-update
          config:
            path: env/\${{ ctx.stage }}/values.yaml
            updates:
              - {key: image.tag, value: '\${{ commitFrom(vars.app).Tag }}'}
              - {key: 'podAnnotations.gantry\\.io/freight', value: '\${{ ctx.targetFreight.alias }}'}
${verification(
  'dev',
  `      # Ask the stage's service once: does it run this freight, and is it healthy?
`,
)}  - name: staging
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {stages: [dev]}
    autoPromotion: true
    promotionTemplate: *promotion
${verification('staging')}  - name: prod
    environment: production # in a workflow, this GitHub environment's rules gate the job
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        # What staging verified, after an hour there; or what someone approved for prod.
        sources: {stages: [staging], requiredSoakTime: 1h}
    promotionTemplate: *promotion
${verification('prod')}`;
}

const values = (
  stage: string,
) => `# Helm values for echo in ${stage}. gantry's promotion steps set image.tag and the
# freight annotation; Argo CD (here: the demo's service for ${stage}) deploys what this file says.
image:
  repository: ghcr.io/acme/echo
  tag: v0.9.0
podAnnotations:
  gantry.io/freight: none
replicas: ${stage === 'prod' ? 3 : 1}
`;

/** The GitOps repository's first commit: the values of each stage and the project, pushed. */
export function seedGitOps(world: World, project: string): void {
  const { git, clone } = world;
  git(world.root, 'init', '-q', '-b', 'main', clone);
  const files: Record<string, string> = { [`.gantry/${PROJECT}.yaml`]: project };
  for (const s of STAGES) files[valuesPath(s)] = values(s);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(clone, path)), { recursive: true });
    writeFileSync(join(clone, path), text);
  }
  git(clone, 'add', '-A');
  git(clone, 'commit', '-q', '-m', `GitOps repo for ${PROJECT}, with a gantry project`);
  git(clone, 'remote', 'add', 'origin', world.bare);
  git(clone, 'push', '-q', '-u', 'origin', 'main');
}
