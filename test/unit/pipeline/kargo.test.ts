/**
 * Kargo's manifests read as they are: the quickstart's files load into the same Project a project
 * file gives, and every problem names the line and column in the Kargo file that holds it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  loadProjectsFromDir,
  loadProjectsWith,
  parseProjectFile,
  type Project,
} from '../../../src/pipeline/index.js';
import { parseKargoProject } from '../../../src/pipeline/kargo.js';
import { defaultRegistry } from '../../../src/promotion/steps/registry.js';
import { runtimeProblems } from '../../../src/status/lint.js';
import { defaultProviders } from '../../../src/verification/index.js';
import { formatted, yaml } from './helpers.js';

const QUICKSTART = fileURLToPath(new URL('../../fixtures/kargo/quickstart', import.meta.url));

const SIDE = '.gantry/demo.yaml';

/** `file:line:col` of the first occurrence of `needle` in `text` (where a problem should point). */
function at(file: string, text: string, needle: string, offset = 0): string {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not in ${file}`);
  const before = text.slice(0, i + offset).split('\n');
  return `${file}:${before.length}:${(before.at(-1)?.length ?? 0) + 1}:`;
}

function load(manifests: Record<string, string>, side = 'kargo: kargo\n') {
  const files = Object.entries(manifests).map(([name, text]) => ({ file: `kargo/${name}`, text }));
  return loadProjectsWith(
    [{ file: SIDE, text: side }],
    new Map([['kargo', files]]),
    parseKargoProject,
  );
}

/** Problems, plus those `gantry lint` adds (steps' configs, expressions) when the files load. */
function lint(manifests: Record<string, string>, side = 'kargo: kargo\n'): string[] {
  const { projects, problems } = load(manifests, side);
  if (problems.length) return formatted(problems);
  return formatted(
    runtimeProblems([{ file: SIDE, text: side }], projects, defaultRegistry(), defaultProviders()),
  );
}

const PROJECT = yaml`
  apiVersion: kargo.akuity.io/v1alpha1
  kind: Project
  metadata:
    name: demo
`;

const WAREHOUSE = yaml`
  apiVersion: kargo.akuity.io/v1alpha1
  kind: Warehouse
  metadata:
    name: echo
    namespace: demo
  spec:
    subscriptions:
    - name: app
      image:
        repoURL: ghcr.io/acme/echo
        constraint: ^1.0.0
        cacheByTag: true
        allowTags: ^v?1\\.
        ignoreTags: [1.0.1, 1.0.2+bad]
`;

const TASK = yaml`
  apiVersion: kargo.akuity.io/v1alpha1
  kind: PromotionTask
  metadata:
    name: update
    namespace: demo
  spec:
    vars:
    - name: file
    - name: key
      value: image.tag
    steps:
    - uses: yaml-update
      as: bump
      config:
        path: \${{ vars.file }}
        updates:
        - key: \${{ vars.key }}
          value: \${{ imageFrom("ghcr.io/acme/echo").Tag }}
`;

const STAGES = yaml`
  apiVersion: kargo.akuity.io/v1alpha1
  kind: Stage
  metadata:
    name: dev
    namespace: demo
  spec:
    vars:
    - name: file
      value: values.yaml
    requestedFreight:
    - origin:
        kind: Warehouse
        name: echo
      sources:
        direct: true
        autoPromotionOptions:
          selectionPolicy: NewestFreight
    promotionTemplate:
      spec:
        steps:
        - task:
            name: update
  ---
  apiVersion: kargo.akuity.io/v1alpha1
  kind: Stage
  metadata:
    name: gate
    namespace: demo
  spec:
    requestedFreight:
    - origin:
        kind: Warehouse
        name: echo
      sources:
        stages: [dev]
`;

const ALL = { 'project.yaml': PROJECT, 'warehouse.yaml': WAREHOUSE, 'task.yaml': TASK };

function only(result: { projects: Project[]; problems: unknown[] }): Project {
  expect(result.problems).toEqual([]);
  expect(result.projects).toHaveLength(1);
  return result.projects[0]!;
}

describe("Kargo's quickstart as it is", () => {
  it('loads with the gantry file beside it, and lint finds nothing', async () => {
    const { projects, problems } = await loadProjectsFromDir(QUICKSTART);
    expect(formatted(problems)).toEqual([]);
    const [p] = projects;
    expect(p?.name).toBe('kargo-demo');
    expect(p?.file).toBe('.gantry/kargo-demo.yaml');
    expect(p?.warehouses).toEqual([
      {
        name: 'kargo-demo',
        freightCreationPolicy: 'Automatic',
        subscriptions: [
          {
            kind: 'image',
            image: expect.objectContaining({
              repoURL: 'public.ecr.aws/nginx/nginx',
              constraint: '^1.29.0',
              discoveryLimit: 5,
            }) as unknown,
          },
        ],
      },
    ]);
    expect(
      p?.stages.map((s) => [
        s.name,
        s.branch,
        s.environment,
        s.autoPromotion,
        s.promotionTemplate.mode,
      ]),
    ).toEqual([
      ['test', 'stage/test', 'test', true, 'direct'],
      // glob:u* in the ProjectConfig
      ['uat', 'stage/uat', 'uat', true, 'direct'],
      // the gantry file's overrides
      ['prod', 'stage/prod', 'production', false, 'pull-request'],
    ]);
    // The PromotionTask is inflated as Kargo inflates it.
    expect(p?.stages[0]?.promotionTemplate.steps.map((s) => `${s.uses} ${s.alias}`)).toEqual([
      'git-clone promo-process::step-1',
      'git-clear promo-process::step-2',
      'kustomize-set-image promo-process::update',
      'kustomize-build promo-process::step-4',
      'git-commit promo-process::commit',
      'git-push promo-process::step-6',
      'argocd-update promo-process::step-7',
    ]);
    // The AnalysisTemplate's metric, its args filled from the Stage and the template's default.
    expect(p?.stages[2]?.verification).toEqual([
      expect.objectContaining({
        name: 'smoke',
        count: 3,
        failureLimit: 1,
        intervalMs: 10_000,
        successCondition: 'result == true',
        provider: {
          name: 'http',
          config: {
            url: 'https://${{ ctx.stage }}.kargo-demo.example.com/healthz',
            jsonPath: '{$.ok}',
          },
        },
      }),
    ]);
    const side = readFileSync(`${QUICKSTART}/.gantry/kargo-demo.yaml`, 'utf8');
    expect(
      runtimeProblems(
        [{ file: '.gantry/kargo-demo.yaml', text: side }],
        projects,
        defaultRegistry(),
        defaultProviders(),
      ),
    ).toEqual([]);
  });
});

describe("docs/kargo.md's gantry file", () => {
  it("is the quickstart fixture's, which the test above loads", () => {
    const docs = readFileSync(new URL('../../../docs/kargo.md', import.meta.url), 'utf8');
    const side = readFileSync(`${QUICKSTART}/.gantry/kargo-demo.yaml`, 'utf8');
    expect(docs).toContain('```yaml\n' + side + '```');
  });
});

describe('fields Kargo has and the project file spells otherwise', () => {
  it('named subscriptions, allowTags and ignoreTags, Stage vars, control-flow stages', () => {
    const p = only(load({ ...ALL, 'stages.yaml': STAGES }));
    const sub = p.warehouses[0]?.subscriptions[0];
    expect(sub?.kind === 'image' && sub.image).toMatchObject({
      name: 'app',
      allowTagsRegexes: ['^v?1\\.'],
      ignoreTagsRegexes: ['^1\\.0\\.1$', '^1\\.0\\.2\\+bad$'],
    });
    const [dev, gate] = p.stages;
    // Stage vars reach the task as the template's own.
    expect(dev?.promotionTemplate.vars).toEqual([{ name: 'file', value: 'values.yaml' }]);
    expect(dev?.promotionTemplate.steps.map((s) => s.alias)).toEqual(['task-1::bump']);
    // A Stage without promotionTemplate: no steps, the promotion records the freight only.
    expect(gate?.promotionTemplate).toEqual({ mode: 'direct', vars: [], steps: [] });
    expect(gate?.branch).toBeUndefined();
  });

  it("an AnalysisTemplate's args from the Stage, its vars included", () => {
    const analysis = yaml`
      apiVersion: argoproj.io/v1alpha1
      kind: ClusterAnalysisTemplate
      metadata:
        name: smoke
      spec:
        args:
        - name: url
        - name: expected
          value: ok
        metrics:
        - name: up
          successCondition: result == "{{args.expected}}"
          provider:
            web:
              url: "{{ args.url }}/health"
    `;
    const stages = `${STAGES}  vars:\n  - name: host\n    value: \${{ ctx.stage }}.example.com\n  verification:\n    analysisTemplates:\n    - name: smoke\n      kind: ClusterAnalysisTemplate\n    args:\n    - name: url\n      value: https://\${{ vars.host }}\n`;
    const p = only(load({ ...ALL, 'stages.yaml': stages, 'analysis.yaml': analysis }));
    expect(p.stages[1]?.verification).toEqual([
      expect.objectContaining({
        name: 'up',
        successCondition: 'result == "ok"',
        provider: { name: 'http', config: { url: 'https://${{ ctx.stage }}.example.com/health' } },
      }),
    ]);
  });

  it('one file of many documents and many files of one document give the same project', () => {
    const many = only(load({ ...ALL, 'stages.yaml': STAGES }));
    const one = only(load({ 'all.yaml': [PROJECT, WAREHOUSE, TASK, STAGES].join('---\n') }));
    expect(one).toEqual(many);
    // The same project as a project file: one internal model.
    const file = parseProjectFile(
      SIDE,
      yaml`
        project: demo
        warehouses:
          - name: echo
            subscriptions:
              - image:
                  repoURL: ghcr.io/acme/echo
                  name: app
                  constraint: ^1.0.0
                  allowTagsRegexes: ['^v?1\\.']
                  ignoreTagsRegexes: ['^1\\.0\\.1$', '^1\\.0\\.2\\+bad$']
        stages:
          - name: dev
            requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {direct: true}}]
            promotionTemplate:
              vars: [{name: file, value: values.yaml}]
              steps: [{task: {name: update}}]
          - name: gate
            requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {stages: [dev]}}]
            promotionTemplate: {steps: []}
        promotionTasks:
          - name: update
            kind: PromotionTask
            vars: [{name: file}, {name: key, value: image.tag}]
            steps:
              - uses: yaml-update
                as: bump
                config:
                  path: \${{ vars.file }}
                  updates:
                    - key: \${{ vars.key }}
                      value: \${{ imageFrom("ghcr.io/acme/echo").Tag }}
      `,
    );
    expect(formatted(file.problems)).toEqual([]);
    // Steps remember where they were written, which differs between the two forms.
    const strip = (x: Project) =>
      JSON.parse(JSON.stringify(x, (k, v: unknown) => (k === 'source' ? undefined : v))) as unknown;
    expect(strip(many)).toEqual(strip(file.project!));
  });

  it('resources of other projects in the same directory are left out', () => {
    const other = STAGES.replaceAll('namespace: demo', 'namespace: other').replaceAll(
      'name: dev',
      'name: other-dev',
    );
    const p = only(load({ ...ALL, 'stages.yaml': STAGES, 'other.yaml': other }));
    expect(p.stages.map((s) => s.name)).toEqual(['dev', 'gate']);
  });
});

describe('problems point into the Kargo files', () => {
  it('an unknown field of a Stage, with its suggestion', () => {
    const stages = STAGES.replace('requestedFreight:', 'requestedFreigt:');
    expect(lint({ ...ALL, 'stages.yaml': stages })).toEqual(
      [
        `${at('kargo/stages.yaml', stages, 'requestedFreigt')} spec.requestedFreigt: unknown field "requestedFreigt" (did you mean "requestedFreight"?)`,
      ].sort(),
    );
  });

  it('the same Stage twice, in two files', () => {
    const again = STAGES.slice(0, STAGES.indexOf('---'));
    expect(lint({ ...ALL, 'stages.yaml': STAGES, 'zz.yaml': again })).toEqual([
      `${at('kargo/zz.yaml', again, 'dev')} metadata.name: duplicate stage name "dev": the one at kargo/stages.yaml:4 has the same name`,
    ]);
  });

  it('freightCreationCriteria: read as written, its syntax checked where it is', () => {
    const criteria = (expression: string) =>
      WAREHOUSE.replace(
        'spec:\n',
        `spec:\n  freightCreationCriteria:\n    expression: ${expression}\n`,
      );
    const good = criteria(`imageFrom("ghcr.io/acme/echo").Tag != "1.0.3"`);
    const p = only(load({ ...ALL, 'warehouse.yaml': good, 'stages.yaml': STAGES }));
    expect(p.warehouses[0]?.freightCreationCriteria).toBe(
      'imageFrom("ghcr.io/acme/echo").Tag != "1.0.3"',
    );
    const bad = criteria('imageFrom("x"');
    expect(lint({ ...ALL, 'warehouse.yaml': bad, 'stages.yaml': STAGES })).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${at('kargo/warehouse.yaml', bad, 'imageFrom')} spec.freightCreationCriteria.expression: invalid freightCreationCriteria expression: `,
        ),
      ),
    ]);
  });

  it("other groups' resources are left alone, a typo of Kargo's apiVersion is not", () => {
    const kustomization =
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [stages.yaml]\n';
    const secret = 'apiVersion: v1\nkind: Secret\nmetadata: {name: creds, namespace: demo}\n';
    only(
      load({
        ...ALL,
        'stages.yaml': STAGES,
        'kustomization.yaml': kustomization,
        'secret.yaml': secret,
      }),
    );
    for (const typo of ['kargo.akuity.io/v1beta1', 'kargo.akuity.oi/v1alpha1']) {
      const stages = STAGES.replace('kargo.akuity.io/v1alpha1', typo);
      expect(lint({ ...ALL, 'stages.yaml': stages })[0]).toMatch(
        new RegExp(`^kargo/stages.yaml:1:13: apiVersion: gantry does not read "${typo}" resources`),
      );
    }
  });

  it('an unknown kind, with its suggestion', () => {
    const stages = STAGES.replace('kind: Stage', 'kind: Stag');
    const [first] = lint({ ...ALL, 'stages.yaml': stages });
    expect(first).toMatch(
      new RegExp(
        `^${at('kargo/stages.yaml', stages, 'Stag')} kind: unknown kind "Stag" \\(did you mean "Stage"\\?\\); gantry reads Project`,
      ),
    );
  });

  it('a Stage naming an unknown Warehouse', () => {
    const stages = STAGES.replace('name: echo', 'name: ecoh');
    expect(lint({ ...ALL, 'stages.yaml': stages })).toEqual([
      `${at('kargo/stages.yaml', stages, 'ecoh')} spec.requestedFreight[0].origin.name: unknown warehouse "ecoh" (did you mean "echo"?)`,
      `${at('kargo/stages.yaml', stages, 'dev]')} spec.requestedFreight[0].sources.stages[0]: upstream stage "dev" does not request freight from warehouse "echo", so it can never pass that freight on`,
    ]);
  });

  it("MatchUpstream is read, and needs exactly one upstream stage (Kargo's rule)", () => {
    const one = STAGES.replace(
      'stages: [dev]',
      'stages: [dev]\n      autoPromotionOptions:\n        selectionPolicy: MatchUpstream',
    );
    const p = only(load({ ...ALL, 'stages.yaml': one }));
    expect(p.stages[1]?.requestedFreight[0]?.sources.selectionPolicy).toBe('MatchUpstream');
    const direct = STAGES.replace(
      'selectionPolicy: NewestFreight',
      'selectionPolicy: MatchUpstream',
    );
    expect(lint({ ...ALL, 'stages.yaml': direct })).toEqual([
      `${at('kargo/stages.yaml', direct, 'MatchUpstream')} spec.requestedFreight[0].sources.autoPromotionOptions.selectionPolicy: MatchUpstream takes the freight of exactly one upstream stage; this request takes freight from the warehouse directly: use NewestFreight, or list one stage in stages`,
    ]);
  });

  it('a task step that leaves a var without a default unset', () => {
    const stages = STAGES.replace('  vars:\n  - name: file\n    value: values.yaml\n', '');
    expect(lint({ ...ALL, 'stages.yaml': stages })).toEqual([
      `${at('kargo/stages.yaml', stages, 'name: update')} spec.promotionTemplate.spec.steps[0].task: PromotionTask "update" needs var "file", which has no default: set it in the template's vars or in this step's vars`,
    ]);
  });

  it("a field of a subscription and an expression in a task's step", () => {
    const warehouse = WAREHOUSE.replace('constraint:', 'constrant:');
    expect(lint({ ...ALL, 'warehouse.yaml': warehouse, 'stages.yaml': STAGES })).toEqual([
      `${at('kargo/warehouse.yaml', warehouse, 'constrant')} spec.subscriptions[0].image.constrant: unknown field "constrant" (did you mean "constraint"?)`,
    ]);
    const task = TASK.replace('vars.key', 'vars.kye');
    expect(lint({ ...ALL, 'task.yaml': task, 'stages.yaml': STAGES })).toEqual([
      expect.stringContaining(
        `${at('kargo/task.yaml', task, 'vars.kye', 5)} spec.steps[0].config.updates[0].key: `,
      ),
    ]);
  });

  it('AnalysisTemplates: an unknown one, an undeclared arg, a job metric', () => {
    const analysis = yaml`
      apiVersion: argoproj.io/v1alpha1
      kind: AnalysisTemplate
      metadata:
        name: smoke
      spec:
        metrics:
        - name: up
          provider:
            web:
              url: https://{{args.hots}}/
        - name: batch
          provider:
            job:
              spec: {}
    `;
    const verified = (name: string) =>
      `${STAGES}  verification:\n    analysisTemplates:\n    - name: ${name}\n`;
    expect(lint({ ...ALL, 'stages.yaml': verified('smok'), 'analysis.yaml': analysis })).toEqual([
      `${at('kargo/stages.yaml', verified('smok'), 'smok')} spec.verification.analysisTemplates[0].name: unknown AnalysisTemplate "smok" (did you mean "smoke"?)`,
    ]);
    expect(lint({ ...ALL, 'stages.yaml': verified('smoke'), 'analysis.yaml': analysis })).toEqual([
      `${at('kargo/analysis.yaml', analysis, 'https://')} spec.metrics[0].provider.web.url: unknown arg "hots" in {{args.hots}}: declare it under spec.args`,
      `${at('kargo/analysis.yaml', analysis, 'job:')} spec.metrics[1].provider.job: a job metric runs a Kubernetes Job; gantry has no cluster: use a command metric, which runs the same check in the verify job`,
    ]);
  });

  it('the gantry file: a stage the manifests do not have, a project they do not define', () => {
    const side = 'kargo: ./kargo/\nproject: demo\nstages:\n  prd:\n    environment: production\n';
    expect(lint({ ...ALL, 'stages.yaml': STAGES }, side)).toEqual([
      `.gantry/demo.yaml:4:3: stages.prd: no Stage "prd" in the manifests under kargo/`,
    ]);
    expect(lint({ ...ALL, 'stages.yaml': STAGES }, 'kargo: kargo\nproject: dmeo\n')).toEqual([
      '.gantry/demo.yaml:2:10: project: the manifests under kargo/ define no Project "dmeo" (did you mean "demo"?) (Projects: demo); set project: to the one this file is for',
    ]);
    expect(lint({}, 'kargo: ../elsewhere\n')).toEqual([
      '.gantry/demo.yaml:1:8: kargo: invalid value "../elsewhere": must be a directory relative to the repository root, without ".." (e.g. kargo)',
    ]);
    expect(lint({}, 'kargo: kargo\n')).toEqual([
      ".gantry/demo.yaml:1:8: kargo: no Kargo manifests (*.yaml, *.yml) under kargo/: name the directory that holds the Project's Warehouses and Stages",
    ]);
  });

  it('promotion policies: an unknown stage; names, globs, regexes and labels as Kargo matches them', () => {
    const config = yaml`
      apiVersion: kargo.akuity.io/v1alpha1
      kind: ProjectConfig
      metadata:
        name: demo
      spec:
        promotionPolicies:
        - stage: dve
          autoPromotionEnabled: true
    `;
    expect(lint({ ...ALL, 'stages.yaml': STAGES, 'config.yaml': config })).toEqual([
      `${at('kargo/config.yaml', config, 'dve')} spec.promotionPolicies[0].stage: unknown stage "dve" (did you mean "dev"?)`,
    ]);
    const labelled = STAGES.replace('  name: gate\n', '  name: gate\n  labels:\n    tier: edge\n');
    const policies = (...list: string[]) =>
      `${config.slice(0, config.indexOf('  - stage: dve'))}${list.map((p) => `  - ${p}\n`).join('')}`;
    const auto = (...list: string[]) =>
      only(load({ ...ALL, 'stages.yaml': labelled, 'config.yaml': policies(...list) })).stages.map(
        (s) => s.autoPromotion,
      );
    expect(auto('stage: dev\n    autoPromotionEnabled: true')).toEqual([true, false]);
    expect(auto('stageSelector: {name: "glob:{de,ga}*"}\n    autoPromotionEnabled: true')).toEqual([
      true,
      true,
    ]);
    expect(auto('stageSelector: {name: "regexp:^g"}\n    autoPromotionEnabled: true')).toEqual([
      false,
      true,
    ]);
    expect(
      auto('stageSelector: {matchLabels: {tier: edge}}\n    autoPromotionEnabled: true'),
    ).toEqual([false, true]);
    expect(
      auto(
        'stageSelector: {matchExpressions: [{key: tier, operator: DoesNotExist}]}\n    autoPromotionEnabled: true',
      ),
    ).toEqual([true, false]);
    // The first policy that names a stage decides, even when it does not enable.
    expect(
      auto(
        'stageSelector: {name: gate}',
        'stageSelector: {name: "glob:*"}\n    autoPromotionEnabled: true',
      ),
    ).toEqual([true, false]);
    // With a stageSelector, stage is not read (as in Kargo).
    expect(
      auto('stage: dev\n    stageSelector: {name: gate}\n    autoPromotionEnabled: true'),
    ).toEqual([false, true]);
  });
});
