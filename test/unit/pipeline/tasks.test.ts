/**
 * Kargo's PromotionTasks in a project file: inflated into the templates that use them, with
 * Kargo's aliases and vars, and problems reported on the line a user edits (the task's step).
 */
import { describe, expect, it } from 'vitest';
import { loadProjectsWith } from '../../../src/pipeline/index.js';
import { runSteps } from '../../../src/promotion/steps/engine.js';
import { defaultRegistry } from '../../../src/promotion/steps/registry.js';
import { runtimeProblems } from '../../../src/status/lint.js';
import { defaultProviders } from '../../../src/verification/index.js';
import { realTempDir, stepContext } from '../../support/steps.js';
import { formatted } from './helpers.js';

const FILE = '.gantry/demo.yaml';

function project(template: string, tasks: string): string {
  return `project: demo
warehouses:
  - name: echo
    subscriptions: [{image: {repoURL: ghcr.io/acme/echo}}]
stages:
  - name: dev
    requestedFreight:
      - {origin: {kind: Warehouse, name: echo}, sources: {direct: true}}
    promotionTemplate:
${template}
promotionTasks:
${tasks}`;
}

const NOTIFY = `  - name: notify
    vars:
      - name: channel
      - {name: greeting, value: hello}
    steps:
      - uses: compose-output
        as: msg
        config: {text: '\${{ vars.greeting }} \${{ vars.channel }}'}
      - uses: compose-output
        config: {echo: '\${{ task.outputs.msg.text }}', stage: '\${{ ctx.stage }}'}
`;

const load = (text: string) => {
  const { projects, problems } = loadProjectsWith([{ file: FILE, text }]);
  return { project: projects[0], problems: formatted(problems) };
};

describe('promotion tasks', () => {
  it("inflates a task in place with Kargo's aliases, and task vars from defaults, template and step", () => {
    const { project: p, problems } = load(
      project(
        `      vars: [{name: greeting, value: hi}]
      steps:
        - uses: compose-output
          config: {a: b}
        - task: {name: notify}
          vars: [{name: channel, value: ops}]
        - task: {name: notify}
          as: again
          vars: [{name: channel, value: dev}]`,
        NOTIFY,
      ),
    );
    expect(problems).toEqual([]);
    const steps = p?.stages[0]?.promotionTemplate.steps ?? [];
    expect(steps.map((s) => s.alias)).toEqual([
      'step-1',
      'task-2::msg',
      'task-2::step-2',
      'again::msg',
      'again::step-2',
    ]);
    // The template sets greeting, so the task's default is not added; the step gives channel.
    expect(steps[1]?.vars).toEqual([{ name: 'channel', value: 'ops' }]);
    expect(steps[1]?.source).toEqual(['promotionTasks', 0, 'steps', 0]);
  });

  it('runs: task.outputs inside the task, compose-output as outputs.<task alias>', async () => {
    const { project: p } = load(
      project(
        `      steps:
        - task: {name: notify}
          as: n
          vars: [{name: channel, value: ops}]
        - uses: compose-output
          as: after
          config: {seen: '\${{ outputs.n.echo }}'}`,
        NOTIFY,
      ),
    );
    const template = p?.stages[0]?.promotionTemplate;
    if (!template) throw new Error('no template');
    const { dir, cleanup } = realTempDir();
    try {
      const { index: _index, ...ctx } = stepContext(dir);
      const res = await runSteps(template, ctx, defaultRegistry());
      expect(res.outputs['n::msg']).toEqual({ text: 'hello ops' });
      expect(res.outputs['n']).toEqual({ text: 'hello ops', echo: 'hello ops', stage: 'dev' });
      expect(res.outputs['after']).toEqual({ seen: 'hello ops' });
    } finally {
      cleanup();
    }
  });

  it('reports an unknown task, a missing var and a task that uses a task, each where it is written', () => {
    const { problems } = load(
      project(
        `      steps:
        - task: {name: notfy}
        - task: {name: notify}
        - task: {name: nested}`,
        `${NOTIFY}  - name: nested
    steps:
      - task: {name: notify}
`,
      ),
    );
    expect(problems).toEqual([
      `${FILE}:11:24: stages[0].promotionTemplate.steps[0].task.name: unknown PromotionTask "notfy" (PromotionTasks: notify, nested)`,
      `${FILE}:12:17: stages[0].promotionTemplate.steps[1].task: PromotionTask "notify" needs var "channel", which has no default: set it in the template's vars or in this step's vars`,
      `${FILE}:27:15: promotionTasks[1].steps[0].task: a promotion task cannot use another task ("notify"); inline its steps`,
    ]);
  });

  it('finds a ClusterPromotionTask by kind only', () => {
    const cluster = NOTIFY.replace(
      '  - name: notify\n',
      '  - name: notify\n    kind: ClusterPromotionTask\n',
    );
    const ok = load(
      project(
        `      steps:
        - task: {name: notify, kind: ClusterPromotionTask}
          vars: [{name: channel, value: ops}]`,
        cluster,
      ),
    );
    expect(ok.problems).toEqual([]);
    const wrongKind = load(
      project(
        `      steps:
        - task: {name: notify}
          vars: [{name: channel, value: ops}]`,
        cluster,
      ),
    );
    expect(wrongKind.problems).toEqual([
      `${FILE}:11:24: stages[0].promotionTemplate.steps[0].task.name: unknown PromotionTask "notify" (the project defines no PromotionTask in promotionTasks)`,
    ]);
  });

  it('a step with neither uses nor task, or both, is refused', () => {
    const { problems } = load(
      project(
        `      steps:
        - as: nothing
        - uses: compose-output
          task: {name: notify}`,
        NOTIFY,
      ),
    );
    expect(problems).toContain(
      `${FILE}:11:11: stages[0].promotionTemplate.steps[0]: a step needs uses (a built-in step) or task (a promotion task)`,
    );
    expect(problems).toContain(
      `${FILE}:12:11: stages[0].promotionTemplate.steps[1]: a step has either uses or task, not both`,
    );
  });

  it("a workspace problem inside a task points at the task's step, once for all the stages using it", () => {
    const text = `project: demo
warehouses:
  - name: echo
    subscriptions: [{image: {repoURL: ghcr.io/acme/echo}}]
stages:
${['dev', 'prod']
  .map(
    (s) => `  - name: ${s}
    requestedFreight:
      - {origin: {kind: Warehouse, name: echo}, sources: {direct: true}}
    promotionTemplate:
      steps:
        - task: {name: render}
`,
  )
  .join('')}promotionTasks:
  - name: render
    steps:
      - uses: git-clone
        config:
          repoURL: https://github.com/acme/gitops
          checkout: [{branch: 'stage/\${{ ctx.stage }}', create: true, path: ./out}]
      - uses: yaml-update
        config: {path: ./elsewhere/values.yaml, updates: [{key: a, value: b}]}
      - uses: git-commit
        config: {path: ./out, message: m}
      - uses: git-push
        config: {path: ./out}
`;
    const { problems } = load(text);
    expect(problems).toEqual([
      `${FILE}:26:24: promotionTasks[0].steps[1].config.path: step 2 (yaml-update): path "./elsewhere/values.yaml" is outside every checkout (checkouts made before this step: ./out), and no step before it writes it there`,
    ]);
  });

  it("strict lint checks task.outputs inside a task against the task's own earlier steps", () => {
    const bad = NOTIFY.replace('task.outputs.msg.text', 'task.outputs.mgs.text');
    const text = project(
      `      steps:
        - task: {name: notify}
          vars: [{name: channel, value: ops}]`,
      bad,
    );
    const { project: p } = load(text);
    if (!p) throw new Error('no project');
    const problems = formatted(
      runtimeProblems([{ file: FILE, text }], [p], defaultRegistry(), defaultProviders()),
    );
    expect(problems.join('\n')).toMatch(/promotionTasks\[0\]\.steps\[1\]\.config\.echo: .*"mgs"/);
  });
});
