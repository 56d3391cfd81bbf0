/**
 * What `gantry lint` knows of a template's workspace before it runs (src/pipeline/workspace.ts):
 * the branch a stage deploys from when the stage names none, and the templates that cannot work,
 * each reported at its file, line and column through the loader, as `gantry lint` prints them.
 */
import { describe, expect, it } from 'vitest';
import { loadProjectsWith } from '../../../src/pipeline/index.js';
import { planWorkspace } from '../../../src/pipeline/workspace.js';
import { formatted } from './helpers.js';

const FILE = '.gantry/demo.yaml';
const REPO = 'https://github.com/acme/gitops';

/**
 * A project whose stages are `stages` (each a YAML text indented by four spaces, starting at
 * `name:`). Line 6 is the first stage's `- name:`.
 */
function project(...stages: string[]): string {
  return `project: demo
warehouses:
  - name: echo
    subscriptions: [{image: {repoURL: ghcr.io/acme/echo}}]
stages:
${stages.map((s) => `  - ${s.trimStart()}`).join('')}`;
}

/** A stage whose template's steps (indented by eight spaces) follow `promotionTemplate:` at line 10. */
function stage(name: string, steps: string, o: { branch?: string; vars?: string } = {}): string {
  return `    name: ${name}
    requestedFreight:
      - {origin: {kind: Warehouse, name: echo}, sources: {direct: true}}
${o.branch ? `    branch: ${o.branch}\n` : ''}    promotionTemplate:
${o.vars ? `      vars:\n${o.vars}` : ''}      steps:
${steps}`;
}

function load(text: string) {
  const { projects, problems } = loadProjectsWith([{ file: FILE, text }]);
  return { stages: projects[0]?.stages ?? [], problems: formatted(problems) };
}

/** The quickstart's clone: main to ./src, the stage's branch (created when missing) to ./out. */
const CLONE = `        - uses: git-clone
          config:
            repoURL: ${REPO}
            checkout:
              - {branch: main, path: ./src}
              - {branch: 'stage/\${{ ctx.stage }}', create: true, path: ./out}
`;

/** Kargo's quickstart PromotionTask, as each stage's steps. */
const QUICKSTART = `${CLONE}        - uses: git-clear
          config: {path: ./out}
        - uses: kustomize-set-image
          as: update
          config:
            path: ./src/base
            images: [{image: ghcr.io/acme/echo, tag: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}]
        - uses: kustomize-build
          config: {path: './src/stages/\${{ ctx.stage }}', outPath: ./out}
        - uses: git-commit
          as: commit
          config: {path: ./out, message: '\${{ outputs.update.commitMessage }}'}
        - uses: git-push
          config: {path: ./out}
`;

/** Kargo's pull-request flow (git-open-pr's reference page): a generated branch, a PR, a wait. */
const PR_FLOW = `${CLONE}        - uses: git-clear
          config: {path: ./out}
        - uses: kustomize-build
          config: {path: './src/stages/\${{ ctx.stage }}', outPath: ./out}
        - uses: git-commit
          config: {path: ./out, message: 'render \${{ ctx.stage }}'}
        - uses: git-push
          as: push
          config: {path: ./out, generateTargetBranch: true}
        - uses: git-open-pr
          as: open-pr
          config:
            repoURL: ${REPO}
            sourceBranch: \${{ outputs.push.branch }}
            targetBranch: 'stage/\${{ ctx.stage }}'
        - uses: git-wait-for-pr
          as: wait-for-pr
          if: \${{ status('open-pr') != 'Skipped' }}
          config:
            repoURL: ${REPO}
            prNumber: \${{ outputs['open-pr'].pr.id }}
`;

/** git-clone's "common usage": the source at the freight's commit, the stage's branch beside it. */
const AT_COMMIT = `        - uses: git-clone
          config:
            repoURL: \${{ vars.gitRepo }}
            checkout:
              - {commit: '\${{ commitFrom(vars.gitRepo).ID }}', path: ./src}
              - {branch: 'stage/\${{ ctx.stage }}', create: true, path: ./out}
        - uses: git-clear
          config: {path: ./out}
        - uses: kustomize-build
          config: {path: './src/stages/\${{ ctx.stage }}', outPath: ./out}
        - uses: git-commit
          config: {path: ./out, message: 'render \${{ ctx.stage }}'}
        - uses: git-push
          config: {path: ./out}
`;

describe("Kargo's reference examples lint clean", () => {
  it('the quickstart: each stage deploys from stage/<name>', () => {
    const { stages, problems } = load(
      project(stage('dev', QUICKSTART), stage('staging', QUICKSTART)),
    );
    expect(problems).toEqual([]);
    expect(stages.map((s) => s.branch)).toEqual(['stage/dev', 'stage/staging']);
  });

  it("the pull-request flow: the stage deploys from the pull request's base", () => {
    const { stages, problems } = load(project(stage('prod', PR_FLOW)));
    expect(problems).toEqual([]);
    expect(stages[0]?.branch).toBe('stage/prod');
    const plan = planWorkspace('demo', {
      name: 'prod',
      promotionTemplate: { steps: stages[0]!.promotionTemplate.steps },
    });
    expect(plan.pushes).toEqual([
      {
        step: 4,
        path: 'out',
        target: 'gantry/promote/demo/prod',
        generated: true,
        tag: false,
        force: false,
        repoURL: REPO,
      },
    ]);
    expect(plan.pullRequests).toEqual([{ step: 5, target: 'stage/prod', repoURL: REPO }]);
  });

  it("the source at the freight's commit: a detached checkout, the branch from vars", () => {
    const { stages, problems } = load(
      project(stage('dev', AT_COMMIT, { vars: `        - {name: gitRepo, value: ${REPO}}\n` })),
    );
    expect(problems).toEqual([]);
    expect(stages[0]?.branch).toBe('stage/dev');
    const plan = planWorkspace('demo', {
      name: 'dev',
      promotionTemplate: {
        vars: [{ name: 'gitRepo', value: REPO }],
        steps: stages[0]!.promotionTemplate.steps,
      },
    });
    expect(plan.checkouts.map((c) => [c.path, c.branch, c.detached, c.create])).toEqual([
      ['src', undefined, true, false],
      ['out', 'stage/dev', false, true],
    ]);
  });
});

describe("more of Kargo's reference examples lint clean", () => {
  const clean = (steps: string, vars?: string) => {
    const { stages, problems } = load(project(stage('dev', steps, vars ? { vars } : {})));
    return { branch: stages[0]?.branch, problems };
  };

  it("git-clone's combining multiple sources: three checkouts, an overlay copied into the source", () => {
    const steps = `        - uses: git-clone
          config:
            repoURL: ${REPO}
            checkout:
              - {commit: '\${{ commitFrom(vars.repo, warehouse("echo")).ID }}', path: ./src}
              - {commit: '\${{ commitFrom(vars.repo, warehouse("echo")).ID }}', path: ./overlay}
              - {branch: 'stage/\${{ ctx.stage }}', create: true, path: ./out}
        - uses: git-clear
          config: {path: ./out}
        - uses: copy
          config: {inPath: ./overlay/stages/dev/kustomization.yaml, outPath: ./src/stages/dev/kustomization.yaml}
        - uses: kustomize-build
          config: {path: ./src/stages/dev, outPath: ./out}
        - uses: git-commit
          config: {path: ./out, message: render}
        - uses: git-push
          config: {path: ./out}
`;
    expect(clean(steps, `        - {name: repo, value: ${REPO}}\n`)).toEqual({
      branch: 'stage/dev',
      problems: [],
    });
  });

  it("git-clone's sparse checkout, blobless", () => {
    const steps = `        - uses: git-clone
          config:
            repoURL: ${REPO}
            blobless: true
            checkout:
              - {branch: main, path: ./src, sparse: [charts/my-app, configs/common]}
              - {branch: 'stage/\${{ ctx.stage }}', create: true, path: ./out, sparse: ['stages/\${{ ctx.stage }}']}
        - uses: helm-template
          config:
            path: ./src/charts/my-app
            releaseName: my-app
            valuesFiles: ['./src/configs/common/values.yaml']
            outPath: ./out/stages/dev/manifests.yaml
        - uses: git-commit
          config: {path: ./out, message: render}
        - uses: git-push
          config: {path: ./out}
`;
    expect(clean(steps)).toEqual({ branch: 'stage/dev', problems: [] });
  });

  it("git-tag's push after tag: a branch push, then the tag", () => {
    const steps = `${CLONE}        - uses: git-commit
          config: {path: ./out, message: render}
        - uses: git-push
          config: {path: ./out}
        - uses: git-tag
          config: {path: ./out, tag: v1.0.0, message: release}
        - uses: git-push
          config: {path: ./out, tag: v1.0.0}
`;
    expect(clean(steps)).toEqual({ branch: 'stage/dev', problems: [] });
  });

  it("the expressions page's template: fromFreight and a targetBranch from vars", () => {
    const steps = `        - uses: git-clone
          config:
            repoURL: \${{ vars.gitRepo }}
            checkout:
              - {fromFreight: true, path: ./src}
              - {branch: '\${{ vars.targetBranch }}', create: true, path: ./out}
        - uses: git-clear
          config: {path: ./out}
        - uses: kustomize-build
          config: {path: './src/stages/\${{ ctx.stage }}', outPath: ./out}
        - uses: git-commit
          config: {path: ./out, message: render}
        - uses: git-push
          config: {path: ./out, targetBranch: '\${{ vars.targetBranch }}'}
`;
    const vars = `        - {name: gitRepo, value: ${REPO}}
        - {name: targetBranch, value: 'stage/\${{ ctx.stage }}'}
`;
    expect(clean(steps, vars)).toEqual({ branch: 'stage/dev', problems: [] });
  });
});

describe("the stage's branch", () => {
  it('comes from vars built over ctx.stage and earlier vars', () => {
    const steps = `${CLONE.replace("'stage/${{ ctx.stage }}'", "'${{ vars.target }}'")}        - uses: git-commit
          config: {path: ./out, message: render}
        - uses: git-push
          config: {path: ./out, targetBranch: '\${{ vars.target }}'}
`;
    const vars = `        - {name: prefix, value: env}
        - {name: target, value: '\${{ vars.prefix }}/\${{ ctx.stage }}'}
`;
    const { stages, problems } = load(project(stage('qa', steps, { vars })));
    expect(problems).toEqual([]);
    expect(stages[0]?.branch).toBe('env/qa');
  });

  it("comes from git-open-pr's targetBranch, not from the generated head branch", () => {
    const steps = PR_FLOW.replace("targetBranch: 'stage/${{ ctx.stage }}'", 'targetBranch: main');
    const { stages, problems } = load(project(stage('prod', steps)));
    expect(problems).toEqual([]);
    expect(stages[0]?.branch).toBe('main');
  });

  it("is the stage's own branch: when set, it wins over what the template pushes", () => {
    // The push target needs the freight, so only the stage can say where it deploys from.
    const steps = `${CLONE}        - uses: git-commit
          config: {path: ./out, message: render}
        - uses: git-push
          config: {path: ./out, targetBranch: 'release/\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}
`;
    const { stages, problems } = load(project(stage('dev', steps, { branch: 'deploy/dev' })));
    expect(problems).toEqual([]);
    expect(stages[0]?.branch).toBe('deploy/dev');
  });

  it('is left to the stage for a template without git-clone (gantry checks out the branch)', () => {
    const steps = `        - uses: yaml-update
          config: {path: values.yaml, updates: [{key: image.tag, value: '1'}]}
        - uses: git-commit
          config: {path: ., message: bump}
`;
    const { stages, problems } = load(project(stage('dev', steps)));
    expect(problems).toEqual([]);
    expect(stages[0]?.branch).toBeUndefined();
  });
});

describe('templates that cannot work are lint errors at their line', () => {
  const at = (steps: string, o: { branch?: string } = {}) =>
    load(project(stage('dev', steps, o))).problems;

  it('a git step that needs a checkout in a template without git-clone', () => {
    const steps = `        - uses: yaml-update
          config: {path: values.yaml, updates: [{key: image.tag, value: '1'}]}
        - uses: git-push
          as: push
          config: {path: ./out}
`;
    expect(at(steps)).toEqual([
      `${FILE}:13:17: stages[0].promotionTemplate.steps[1].uses: step 2 (git-push "push"): git-push works on a checkout that a git-clone step made, and this template has none. Without git-clone, gantry checks out the stage's branch and commits and pushes it itself: remove this step, or add git-clone and the git-commit/git-push that go with it`,
    ]);
  });

  it('checkout paths: unknown before the run, the workspace itself, outside it, twice, nested', () => {
    const steps = `        - uses: git-clone
          config:
            repoURL: ${REPO}
            checkout:
              - {branch: main, path: '\${{ outputs.x.dir }}'}
              - {branch: main, path: .}
              - {branch: a, path: ../elsewhere}
              - {branch: stage/dev, path: ./out}
              - {branch: b, path: out/}
              - {branch: c, path: ./out/nested}
        - uses: git-commit
          config: {path: ./out, message: render}
        - uses: git-push
          config: {path: ./out}
`;
    expect(at(steps)).toEqual([
      `${FILE}:15:38: stages[0].promotionTemplate.steps[0].config.checkout[0].path: step 1 (git-clone): a checkout path must be known before the promotion runs (a literal, or an expression over ctx.stage and vars)`,
      `${FILE}:16:38: stages[0].promotionTemplate.steps[0].config.checkout[1].path: step 1 (git-clone): checkout path "." is the workspace itself; give each checkout its own directory (./src, ./out)`,
      `${FILE}:17:35: stages[0].promotionTemplate.steps[0].config.checkout[2].path: step 1 (git-clone): checkout path "../elsewhere" leaves the workspace`,
      `${FILE}:19:35: stages[0].promotionTemplate.steps[0].config.checkout[4].path: step 1 (git-clone): checkout path "out/" is used twice (step 1)`,
      `${FILE}:20:35: stages[0].promotionTemplate.steps[0].config.checkout[5].path: step 1 (git-clone): checkout path "./out/nested" overlaps the checkout at ./out (step 1)`,
    ]);
  });

  it('step paths: a git step on a directory that is not a checkout, a path outside every checkout or the workspace', () => {
    const steps = `${CLONE}        - uses: git-clear
          config: {path: ./out/manifests}
        - uses: kustomize-build
          config: {path: ./src/base, outPath: ./rendered}
        - uses: helm-template
          config:
            path: ./src/chart
            releaseName: echo
            outPath: ../out
            valuesFiles: [./src/values.yaml, ./values.yaml]
        - uses: git-commit
          config: {path: ./out, message: render}
        - uses: git-push
          config: {path: ./out}
`;
    expect(at(steps)).toEqual([
      `${FILE}:18:26: stages[0].promotionTemplate.steps[1].config.path: step 2 (git-clear): path "./out/manifests" is not a checkout (checkouts made before this step: ./src, ./out)`,
      `${FILE}:20:47: stages[0].promotionTemplate.steps[2].config.outPath: step 3 (kustomize-build): outPath "./rendered" is outside every checkout (checkouts made before this step: ./src, ./out), and no later step reads it: it would be lost with the workspace; write it into a checkout`,
      `${FILE}:25:22: stages[0].promotionTemplate.steps[3].config.outPath: step 4 (helm-template): outPath "../out" leaves the workspace`,
      `${FILE}:26:46: stages[0].promotionTemplate.steps[3].config.valuesFiles[1]: step 4 (helm-template): valuesFiles[1] "./values.yaml" is outside every checkout (checkouts made before this step: ./src, ./out), and no step before it writes it there`,
    ]);
  });

  it("a file written to the workspace's scratch space and read by a later step (Kargo's oci-download page)", () => {
    const steps = `${CLONE}        - uses: oci-download
          config: {imageRef: 'oci://registry.example/charts/echo:1.0.0', outPath: ./chart.tgz}
        - uses: untar
          config: {inPath: ./chart.tgz, outPath: ./unpacked}
        - uses: helm-template
          config:
            path: ./unpacked/echo
            releaseName: echo
            outPath: ./out/echo.yaml
        - uses: git-commit
          config: {path: ./out, message: render}
        - uses: git-push
          config: {path: ./out}
`;
    expect(at(steps)).toEqual([]);
  });

  it('a path used before the git-clone that makes its checkout', () => {
    const steps = `        - uses: git-clone
          config:
            repoURL: ${REPO}
            checkout: [{branch: main, path: ./src}]
        - uses: copy
          config: {inPath: ./src/a.yaml, outPath: ./out/a.yaml}
        - uses: git-clone
          config:
            repoURL: ${REPO}
            checkout: [{branch: stage/dev, path: ./out}]
        - uses: git-commit
          config: {path: ./out, message: copy}
        - uses: git-push
          config: {path: ./out}
`;
    expect(at(steps)).toEqual([
      `${FILE}:16:51: stages[0].promotionTemplate.steps[1].config.outPath: step 2 (copy): outPath "./out/a.yaml" is where step 3 (git-clone) makes its checkout ./out: git-clone needs that directory empty; write it after that step`,
    ]);
  });

  it('a force push to a branch others write', () => {
    const steps = `${CLONE}        - uses: git-commit
          config: {path: ./out, message: render}
        - uses: git-push
          config: {path: ./out, force: true}
`;
    expect(at(steps)).toEqual([
      `${FILE}:20:40: stages[0].promotionTemplate.steps[2].config.force: step 3 (git-push): gantry never force-pushes a branch that others may write; drop force (a push that loses a race runs the template again on the new tip), or push with generateTargetBranch: true`,
    ]);
  });

  it('a template that clones and never pushes', () => {
    const steps = `${CLONE}        - uses: git-commit
          config: {path: ./out, message: render}
`;
    expect(at(steps)).toEqual([
      `${FILE}:11:9: stages[0].promotionTemplate.steps: the template clones but never pushes (no git-push step): nothing it does would reach the branch the stage deploys from`,
    ]);
  });

  it('a template that pushes only a tag says so', () => {
    const steps = `${CLONE}        - uses: git-tag
          config: {path: ./out, tag: v1.0.0, message: release}
        - uses: git-push
          config: {path: ./out, tag: v1.0.0}
`;
    expect(at(steps)).toEqual([
      `${FILE}:11:9: stages[0].promotionTemplate.steps: the template clones but pushes only tags (step 3): nothing it does would reach the branch the stage deploys from; push the checkout of that branch with git-push`,
    ]);
  });

  it('a stage branch gantry cannot determine: pushes known only when the promotion runs, or only a generated branch', () => {
    const known = `${CLONE}        - uses: git-commit
          config: {path: ./out, message: render}
        - uses: git-push
          config: {path: ./out, targetBranch: 'release/\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}
`;
    expect(at(known)).toEqual([
      `${FILE}:11:9: stages[0].promotionTemplate.steps: gantry cannot tell which branch this stage deploys from: the template lands on (a branch known only when it runs). Set the stage's branch: (the branch Argo CD or Flux reads), so that gantry reads and writes its state there`,
    ]);
    const generated = `${CLONE}        - uses: git-commit
          config: {path: ./out, message: render}
        - uses: git-push
          config: {path: ./out, generateTargetBranch: true}
`;
    expect(at(generated)).toEqual([
      `${FILE}:11:9: stages[0].promotionTemplate.steps: gantry cannot tell which branch this stage deploys from: the template pushes only to a generated branch. Set the stage's branch: (the branch Argo CD or Flux reads), so that gantry reads and writes its state there`,
    ]);
  });

  it("a push straight to the branch the template's pull request targets", () => {
    const steps = PR_FLOW.replace(
      'config: {path: ./out, generateTargetBranch: true}',
      'config: {path: ./out}',
    );
    expect(at(steps)).toEqual([
      `${FILE}:25:19: stages[0].promotionTemplate.steps[4].config: step 5 (git-push "push") pushes straight to stage/dev, the branch that step 6 (git-open-pr "open-pr") opens a pull request into: the pull request would be bypassed. Push to a generated branch (generateTargetBranch: true) and let the merge land it`,
    ]);
  });

  it("two pushes to the stage's branch", () => {
    const steps = `${CLONE}        - uses: git-commit
          config: {path: ./out, message: render}
        - uses: git-push
          config: {path: ./out}
        - uses: git-commit
          config: {path: ./out, message: again}
        - uses: git-push
          config: {path: ./out}
`;
    expect(at(steps)).toEqual([
      `${FILE}:23:11: stages[0].promotionTemplate.steps[4]: the template pushes to the stage's branch stage/dev twice (steps 3 and 5): a promotion is one commit there, carrying the stage's state; push once`,
    ]);
  });

  it('pushes to a branch of the same name in another repository are not a second push', () => {
    const steps = `${CLONE}        - uses: git-clone
          config:
            repoURL: https://github.com/acme/app-config
            checkout: [{branch: 'stage/\${{ ctx.stage }}', path: ./config}]
        - uses: git-commit
          config: {path: ./out, message: render}
        - uses: git-push
          config: {path: ./out}
        - uses: git-commit
          config: {path: ./config, message: record}
        - uses: git-push
          config: {path: ./config}
`;
    expect(at(steps)).toEqual([]);
  });

  it("a stage's branch the template never pushes to", () => {
    const steps = `${CLONE}        - uses: git-commit
          config: {path: ./out, message: render}
        - uses: git-push
          config: {path: ./out}
`;
    expect(at(steps, { branch: 'deploy/dev' })).toEqual([
      `${FILE}:9:13: stages[0].branch: the stage deploys from deploy/dev, but the template never pushes there (it pushes to stage/dev); fix the stage's branch or the push's targetBranch`,
    ]);
  });
});
