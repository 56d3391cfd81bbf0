import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  ACTION_REPO,
  DISCOVER_WORKFLOW,
  PROMOTE_WORKFLOW,
  initSettings,
  planInit,
  type InitFlags,
  type InitPlan,
  type RepoFacts,
  type WorkflowProject,
} from '../../../src/init/index.js';
import { loadProjectsWith } from '../../../src/pipeline/index.js';
import { formatProblem } from '../../../src/util/errors.js';
import { actionlint } from '../../support/actionlint.js';
import { parseGitHubWorkflow } from './workflow-parser.js';

const ROOT = join(import.meta.dirname, '../../..');

/** Inputs and outputs each action declares, read from its action.yml. */
function actionMeta(dir: string): { inputs: string[]; outputs: string[] } {
  const doc = parse(readFileSync(join(ROOT, dir, 'action.yml'), 'utf8')) as {
    inputs: Record<string, unknown>;
    outputs: Record<string, unknown>;
  };
  return { inputs: Object.keys(doc.inputs), outputs: Object.keys(doc.outputs) };
}

const NO_FACTS: RepoFacts = { existing: new Map(), otherProjects: [] };

function plan(flags: InitFlags, facts: RepoFacts = NO_FACTS, activeExamples = false): InitPlan {
  return planInit(initSettings(flags), facts, { force: false, activeExamples });
}

function file(p: InitPlan, path: string): string {
  const f = p.write.find((w) => w.path === path);
  if (!f) throw new Error(`no ${path} in ${p.write.map((w) => w.path).join(', ')}`);
  return f.text;
}

interface WorkflowDoc {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  'run-name'?: string;
  jobs: Record<
    string,
    {
      environment?: string;
      needs?: string | string[];
      outputs?: Record<string, string>;
      steps: {
        id?: string;
        uses?: string;
        run?: string;
        if?: string;
        with?: Record<string, unknown>;
      }[];
    }
  >;
}

/**
 * GitHub's parser finds no error, nor does actionlint; every gantry step uses inputs and outputs
 * its action has.
 */
async function checkWorkflow(path: string, content: string): Promise<WorkflowDoc> {
  const parsed = await parseGitHubWorkflow(path, content);
  expect(parsed.errors, `${path}:\n${content}`).toEqual([]);
  expect(await actionlint(path, content), `${path}:\n${content}`).toEqual([]);
  const doc = parse(content) as WorkflowDoc;
  // Step ids are unique across the workflow's jobs here, so one map serves every reference.
  const outputsOf = new Map<string, string[]>();
  for (const job of Object.values(doc.jobs)) {
    for (const step of job.steps) {
      const m = new RegExp(`^${ACTION_REPO}(?:/(\\w+))?@v1$`).exec(step.uses ?? '');
      if (m) {
        const meta = actionMeta(m[1] ?? '.');
        for (const key of Object.keys(step.with ?? {})) expect(meta.inputs).toContain(key);
        if (step.id) outputsOf.set(step.id, meta.outputs);
      } else if (step.id && step.run) {
        // A shell step's outputs are the names it writes to $GITHUB_OUTPUT.
        const names = [...step.run.matchAll(/echo "([\w-]+)=.*>> "\$GITHUB_OUTPUT"/g)];
        outputsOf.set(
          step.id,
          names.map((n) => n[1]!),
        );
      }
    }
  }
  for (const [, id, output] of content.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
    expect(outputsOf.get(id!), `steps.${id}.outputs.${output}`).toContain(output);
  }
  // A job reads another's outputs only when it needs that job and the job declares them.
  for (const [name, job] of Object.entries(doc.jobs)) {
    const text = JSON.stringify(job);
    for (const [, other, output] of text.matchAll(/needs\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      expect([job.needs].flat(), `${name} needs ${other}`).toContain(other);
      expect(
        Object.keys(doc.jobs[other!]?.outputs ?? {}),
        `needs.${other}.outputs.${output}`,
      ).toContain(output);
    }
  }
  return doc;
}

function lintProject(p: InitPlan): void {
  const path = `.gantry/${p.settings.project}.yaml`;
  const { projects, problems } = loadProjectsWith([{ file: path, text: file(p, path) }]);
  expect(problems.map(formatProblem)).toEqual([]);
  expect(projects).toHaveLength(1);
}

const CASES: {
  name: string;
  flags: InitFlags;
  project: string;
  stages: string[];
  values: string[];
  ghcr: boolean;
}[] = [
  {
    name: 'the defaults',
    flags: { image: 'ghcr.io/acme/echo' },
    project: 'echo',
    stages: ['dev', 'staging', 'prod'],
    values: ['env/dev/values.yaml', 'env/staging/values.yaml', 'env/prod/values.yaml'],
    ghcr: true,
  },
  {
    name: 'two stages and a values path of its own',
    flags: {
      image: 'ghcr.io/acme/echo',
      stages: 'qa,prod',
      valuesPath: 'apps/echo/{stage}.yaml',
    },
    project: 'echo',
    stages: ['qa', 'prod'],
    values: ['apps/echo/qa.yaml', 'apps/echo/prod.yaml'],
    ghcr: true,
  },
  {
    name: 'a Docker Hub image with a project name of its own and four stages',
    flags: {
      image: 'docker.io/acme/web-frontend',
      project: 'storefront',
      stages: 'dev,qa,staging,production',
      valuesPath: 'clusters/{stage}/storefront/values.yml',
    },
    project: 'storefront',
    stages: ['dev', 'qa', 'staging', 'production'],
    values: [
      'clusters/dev/storefront/values.yml',
      'clusters/qa/storefront/values.yml',
      'clusters/staging/storefront/values.yml',
      'clusters/production/storefront/values.yml',
    ],
    ghcr: false,
  },
];

describe.each(CASES)('gantry init with $name', (c) => {
  const p = plan(c.flags);

  it('writes the project, both workflows and a values file per stage', () => {
    expect(p.write.map((f) => f.path)).toEqual([
      `.gantry/${c.project}.yaml`,
      `.github/workflows/${DISCOVER_WORKFLOW}`,
      `.github/workflows/${PROMOTE_WORKFLOW}`,
      ...c.values,
    ]);
    expect(p.kept).toEqual([]);
    expect(p.warnings).toEqual([]);
  });

  it('writes a project file that lints clean, starting with the schema modeline', () => {
    const text = file(p, `.gantry/${c.project}.yaml`);
    expect(text.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=https://raw.githubusercontent.com/gantry-dev/gantry/main/schema/project.schema.json',
    );
    lintProject(p);
  });

  it('chains the stages: the first takes the warehouse, each next the one before', () => {
    const path = `.gantry/${c.project}.yaml`;
    const [project] = loadProjectsWith([{ file: path, text: file(p, path) }]).projects;
    expect(project!.name).toBe(c.project);
    expect(project!.warehouses).toHaveLength(1);
    const [sub] = project!.warehouses[0]!.subscriptions;
    expect(sub).toMatchObject({
      kind: 'image',
      image: { repoURL: c.flags.image, imageSelectionStrategy: 'SemVer', strictSemvers: true },
    });
    expect(project!.stages.map((s) => s.name)).toEqual(c.stages);
    project!.stages.forEach((stage, i) => {
      const [req] = stage.requestedFreight;
      expect(req!.origin).toEqual({ kind: 'Warehouse', name: c.project });
      if (i === 0) expect(req!.sources).toMatchObject({ direct: true, stages: [] });
      else expect(req!.sources).toMatchObject({ direct: false, stages: [c.stages[i - 1]] });
      expect(stage.autoPromotion).toBe(i < c.stages.length - 1);
      expect(stage.environment).toBe(stage.name);
      expect(stage.promotionTemplate.mode).toBe('direct');
      expect(stage.verification).toEqual([]);
      expect(stage.promotionTemplate.steps).toEqual([
        expect.objectContaining({
          uses: 'yaml-update',
          config: {
            path: c.values[i],
            updates: [{ key: 'image.tag', value: `\${{ imageFrom("${c.flags.image}").Tag }}` }],
          },
        }),
      ]);
    });
  });

  it('writes values files holding image.tag', () => {
    for (const path of c.values) {
      expect(parse(file(p, path))).toEqual({
        image: { repository: c.flags.image, tag: '0.0.0' },
      });
    }
  });

  it('writes a discover workflow GitHub parses: schedule, dispatch, a ping, least privilege', async () => {
    const text = file(p, `.github/workflows/${DISCOVER_WORKFLOW}`);
    const doc = await checkWorkflow(DISCOVER_WORKFLOW, text);
    const parsed = await parseGitHubWorkflow(DISCOVER_WORKFLOW, text);
    expect(parsed.template.events.schedule).toEqual([{ cron: '7,22,37,52 * * * *' }]);
    expect(parsed.template.events.workflow_dispatch).toBeDefined();
    expect(parsed.template.events.repository_dispatch).toEqual({ types: ['gantry-discover'] });
    expect(doc.permissions).toEqual({
      contents: 'write',
      actions: 'write',
      ...(c.ghcr ? { packages: 'read' } : {}),
    });
    expect(doc.concurrency).toEqual({ group: 'gantry-discover', 'cancel-in-progress': false });
    expect(parsed.template.jobs.map((j) => j.id.value)).toEqual(['discover']);
    expect(doc.jobs.discover!.steps).toEqual([
      {
        id: 'discover',
        uses: 'gantry-dev/gantry/discover@v1',
        with: { 'dispatch-workflow': 'gantry-promote.yml' },
      },
    ]);
  });

  it('writes a promote workflow GitHub parses: stage choice, environment, concurrency, promote then verify', async () => {
    const text = file(p, `.github/workflows/${PROMOTE_WORKFLOW}`);
    const doc = await checkWorkflow(PROMOTE_WORKFLOW, text);
    const parsed = await parseGitHubWorkflow(PROMOTE_WORKFLOW, text);
    expect(parsed.template.events.workflow_dispatch?.inputs).toEqual({
      stage: {
        type: 'choice',
        description: 'Stage to promote into',
        required: true,
        options: c.stages,
      },
      freight: {
        type: 'string',
        description: 'Freight alias or ID (empty, the newest freight available to the stage)',
        required: false,
        default: '',
      },
    });
    const [gate, job] = parsed.json.jobs as { id: string; environment?: { expr: string } }[];
    // The promote job runs under the environment the project names for the stage, which the
    // first job asks gantry for: no second place to keep in step.
    expect(gate!.id).toBe('environment');
    expect(doc.jobs.environment!.steps[0]).toMatchObject({
      uses: `${ACTION_REPO}@v1`,
      with: { command: 'environment', stage: '${{ inputs.stage }}' },
    });
    expect(job!.id).toBe('promote');
    expect(job!.environment).toMatchObject({ expr: 'needs.environment.outputs.name' });
    expect(doc.jobs.promote!.needs).toBe('environment');
    expect(doc['run-name']).toBe(
      "${{ github.event_name == 'pull_request' && format('verify the merge of {0}', github.event.pull_request.head.ref) || format('promote {0} into {1}', inputs.freight || 'the newest freight', inputs.stage) }}",
    );
    // A merged gantry pull request is verified by its own job; the promote job runs on dispatch.
    expect(doc.on).toHaveProperty('pull_request', { types: ['closed'] });
    expect((doc.jobs.promote as { if?: string }).if).toBe(
      "github.event_name == 'workflow_dispatch'",
    );
    const merged = doc.jobs['verify-merged'] as {
      if?: string;
      steps: { run?: string; with?: Record<string, unknown> }[];
    };
    expect(merged.if).toContain(
      "startsWith(github.event.pull_request.head.ref, 'gantry/promote/')",
    );
    // A Kargo template that waited on the pull request goes on after the wait, then verify.
    expect(merged.steps[1]?.with).toEqual({
      project: '${{ steps.target.outputs.project }}',
      stage: '${{ steps.target.outputs.stage }}',
      'resume-pull-request': '${{ github.event.pull_request.number }}',
    });
    expect(merged.steps[2]?.with).toEqual({
      project: '${{ steps.target.outputs.project }}',
      stage: '${{ steps.target.outputs.stage }}',
      'dispatch-workflow': 'gantry-promote.yml',
    });
    // The shell step splits the branch as gantry names it: gantry/promote/<project>/<stage>.
    const out = join(mkdtempSync(join(tmpdir(), 'gantry-init-')), 'output');
    execFileSync('sh', ['-c', merged.steps[0]?.run ?? 'exit 1'], {
      env: {
        HEAD_REF: 'gantry/promote/echo/prod',
        GITHUB_OUTPUT: out,
        PATH: process.env.PATH ?? '',
      },
    });
    const split = readFileSync(out, 'utf8');
    expect(split).toBe('project=echo\nstage=prod\n');
    expect(doc.permissions).toEqual({
      contents: 'write',
      'pull-requests': 'write',
      deployments: 'write',
      actions: 'write',
      checks: 'read',
      statuses: 'read',
    });
    expect(doc.concurrency).toEqual({
      group: 'gantry-promote-${{ github.event.pull_request.head.ref || inputs.stage }}',
      'cancel-in-progress': false,
    });
    expect(doc.jobs.promote!.environment).toBe('${{ needs.environment.outputs.name }}');
    expect(doc.jobs.promote!.steps).toEqual([
      {
        id: 'promote',
        uses: 'gantry-dev/gantry/promote@v1',
        with: { stage: '${{ inputs.stage }}', freight: '${{ inputs.freight }}' },
      },
      {
        id: 'verify',
        if: "steps.promote.outputs.pull-request-url == ''",
        uses: 'gantry-dev/gantry/verify@v1',
        with: {
          stage: '${{ inputs.stage }}',
          freight: '${{ steps.promote.outputs.freight }}',
          'dispatch-workflow': 'gantry-promote.yml',
        },
      },
    ]);
    const steps = (parsed.json.jobs as { steps: { id: string; if: { expr: string } }[] }[])[1]!
      .steps;
    expect(steps.map((s) => s.if.expr)).toEqual([
      'success()',
      "success() && (steps.promote.outputs.pull-request-url == '')",
    ]);
  });

  it('keeps its commented-out examples valid: turned on, they lint and parse too', async () => {
    const on = plan(c.flags, NO_FACTS, true);
    lintProject(on);
    const path = `.gantry/${c.project}.yaml`;
    const [project] = loadProjectsWith([{ file: path, text: file(on, path) }]).projects;
    const last = project!.stages.at(-1)!;
    expect(last.promotionTemplate.mode).toBe('pull-request');
    expect(last.environmentUrl).toBe(`https://${c.project}.example.com`);
    expect(last.requestedFreight[0]!.sources.requiredSoakTime).toBe('1h');
    expect(project!.stages.every((s) => s.verification[0]?.provider.name === 'http')).toBe(true);
    const discover = await checkWorkflow(
      DISCOVER_WORKFLOW,
      file(on, `.github/workflows/${DISCOVER_WORKFLOW}`),
    );
    expect(discover.jobs.discover!.steps[0]!.uses).toBe('docker/login-action@v3');
    const promote = await checkWorkflow(
      PROMOTE_WORKFLOW,
      file(on, `.github/workflows/${PROMOTE_WORKFLOW}`),
    );
    expect(promote.jobs.promote!.steps[0]!.with).toMatchObject({ 'sign-commits': true });
  });
});

describe('gantry init in a repository with other projects', () => {
  const others: WorkflowProject[] = [
    {
      name: 'api',
      stages: ['dev', 'canary', 'prod'],
      registries: ['123.dkr.ecr.eu-west-1.amazonaws.com'],
    },
  ];
  const p = plan(
    { image: 'ghcr.io/acme/echo' },
    {
      existing: new Map(),
      otherProjects: others,
      github: { owner: 'acme', repo: 'gitops', apiUrl: 'https://api.github.com' },
    },
  );

  it('offers every project and every stage in the promote workflow, and passes the project on', async () => {
    const text = file(p, `.github/workflows/${PROMOTE_WORKFLOW}`);
    const doc = await checkWorkflow(PROMOTE_WORKFLOW, text);
    const parsed = await parseGitHubWorkflow(PROMOTE_WORKFLOW, text);
    const inputs = parsed.template.events.workflow_dispatch?.inputs;
    expect(inputs?.project).toMatchObject({ type: 'choice', options: ['api', 'echo'] });
    expect(inputs?.stage).toMatchObject({
      type: 'choice',
      options: ['dev', 'canary', 'prod', 'staging'],
    });
    expect(doc.concurrency.group).toBe(
      "gantry-promote-${{ github.event.pull_request.head.ref || format('{0}-{1}', inputs.project, inputs.stage) }}",
    );
    expect(doc['run-name']).toContain(
      "format('promote {0} into {1}/{2}', inputs.freight || 'the newest freight', inputs.project, inputs.stage)",
    );
    for (const step of doc.jobs.promote!.steps)
      expect(step.with).toMatchObject({ project: '${{ inputs.project }}' });
  });

  it("reads every project's registries for the discover workflow, and names the repository in the ping", async () => {
    const text = file(p, `.github/workflows/${DISCOVER_WORKFLOW}`);
    const doc = await checkWorkflow(DISCOVER_WORKFLOW, text);
    expect(doc.permissions.packages).toBe('read');
    expect(text).toContain('#   gh api repos/acme/gitops/dispatches -f event_type=gantry-discover');
    expect(text).toContain('https://api.github.com/repos/acme/gitops/dispatches');
    expect(text).toContain('#     registry: 123.dkr.ecr.eu-west-1.amazonaws.com');
  });
});

describe('gantry init and files that exist', () => {
  const s = initSettings({ image: 'ghcr.io/acme/echo' });

  it('refuses, naming every file, and writes nothing without force', () => {
    const existing = new Map([
      ['.gantry/echo.yaml', 'project: echo\n'],
      ['.github/workflows/gantry-promote.yml', 'name: mine\n'],
    ]);
    expect(() => planInit(s, { existing, otherProjects: [] }, { force: false })).toThrow(
      /nothing was written: these files exist:\n {2}\.gantry\/echo\.yaml\n {2}\.github\/workflows\/gantry-promote\.yml\nRun again with --force/,
    );
  });

  it('overwrites with force, and never overwrites a values file', () => {
    const existing = new Map([
      ['.gantry/echo.yaml', 'project: echo\n'],
      ['env/dev/values.yaml', 'replicas: 2\n'],
      ['env/prod/values.yaml', 'image:\n  tag: 1.0.0\n'],
    ]);
    const p = planInit(s, { existing, otherProjects: [] }, { force: true });
    expect(p.write.map((f) => [f.path, f.overwrite])).toEqual([
      ['.gantry/echo.yaml', true],
      ['.github/workflows/gantry-discover.yml', false],
      ['.github/workflows/gantry-promote.yml', false],
      ['env/staging/values.yaml', false],
    ]);
    expect(p.kept).toEqual(['env/dev/values.yaml', 'env/prod/values.yaml']);
    expect(p.warnings).toEqual([
      'env/dev/values.yaml has no image.tag: the first promotion into dev adds it; if your manifests read the tag from another key, change "key: image.tag" in .gantry/echo.yaml',
    ]);
  });

  it('values files that exist are no reason to refuse', () => {
    const existing = new Map([['env/dev/values.yaml', 'image:\n  tag: 1.0.0\n']]);
    const p = planInit(s, { existing, otherProjects: [] }, { force: false });
    expect(p.kept).toEqual(['env/dev/values.yaml']);
    expect(p.write).toHaveLength(5);
  });

  it('refuses a project that exists as .yml, even with force', () => {
    const existing = new Map([['.gantry/echo.yml', 'project: echo\n']]);
    for (const force of [false, true]) {
      expect(() => planInit(s, { existing, otherProjects: [] }, { force })).toThrow(
        /\.gantry\/echo\.yml holds project echo already/,
      );
    }
  });
});

describe('gantry init with one stage', () => {
  it('promotes it automatically and lints', () => {
    const p = plan({ image: 'ghcr.io/acme/echo', stages: 'prod', valuesPath: 'values.yaml' });
    lintProject(p);
    const [project] = loadProjectsWith([
      { file: '.gantry/echo.yaml', text: file(p, '.gantry/echo.yaml') },
    ]).projects;
    expect(project!.stages).toMatchObject([{ name: 'prod', autoPromotion: true }]);
    expect(p.write.map((f) => f.path)).toContain('values.yaml');
  });
});

describe('gantry init and stage names YAML would misread', () => {
  it('quotes them, so GitHub and gantry read the same names', async () => {
    const p = plan({ image: 'ghcr.io/acme/echo', stages: 'on,1,null,yes' });
    lintProject(p);
    const parsed = await parseGitHubWorkflow(
      PROMOTE_WORKFLOW,
      file(p, `.github/workflows/${PROMOTE_WORKFLOW}`),
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.template.events.workflow_dispatch?.inputs?.stage?.options).toEqual([
      'on',
      '1',
      'null',
      'yes',
    ]);
  });
});
