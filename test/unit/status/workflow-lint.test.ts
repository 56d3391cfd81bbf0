import { describe, expect, test } from 'vitest';
import { renderPromoteWorkflow } from '../../../src/init/workflows.js';
import { loadProjectsFromFiles } from '../../../src/pipeline/load.js';
import { formatProblem } from '../../../src/util/errors.js';
import { workflowProblems } from '../../../src/status/workflow-lint.js';

const PROJECT = `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
stages:
  - name: dev
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: git-clear
  - name: prod
    environment: production
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {stages: [dev]}
    promotionTemplate:
      steps:
        - uses: git-clear
`;
const FILES = [{ file: '.gantry/echo.yaml', text: PROJECT }];
const loaded = await loadProjectsFromFiles(FILES);
if (loaded.problems.length) throw new Error(JSON.stringify(loaded.problems));
const { projects } = loaded;

/** A promote workflow as people write it by hand: the job's environment given inline. */
const handWritten = (environment: string | undefined, options = '[dev, prod]') => `name: promote
on:
  workflow_dispatch:
    inputs:
      stage:
        type: choice
        required: true
        options: ${options}
jobs:
  promote:
    runs-on: ubuntu-latest
${environment === undefined ? '' : `    environment: ${environment}\n`}    steps:
      - uses: gantry-dev/gantry/promote@v1
        with:
          stage: \${{ inputs.stage }}
`;

const lint = (text: string, file = '.github/workflows/promote.yml') =>
  workflowProblems([{ file, text }], projects, FILES).map(formatProblem);

describe('gantry lint over workflows', () => {
  test('the workflow gantry init writes: no problem (the environment comes from the project)', () => {
    const text = renderPromoteWorkflow({
      projects: [{ name: 'echo', stages: ['dev', 'prod'], registries: ['ghcr.io'] }],
    });
    expect(lint(text)).toEqual([]);
  });

  test('environment: ${{ inputs.stage }} while the project says production: the drift, both places named', () => {
    expect(lint(handWritten('${{ inputs.stage }}'))).toEqual([
      '.github/workflows/promote.yml:12:18: job promote promotes stage prod of echo under environment prod, but .gantry/echo.yaml:15 names environment production, whose protection rules would not gate it: run it under the environment gantry names for the stage (environment: ${{ needs.<job>.outputs.name }} from a job with command: environment, as gantry init writes it), or environment: production',
    ]);
  });

  test('a fixed environment gates every stage it runs, rightly or not', () => {
    const problems = lint(handWritten('production'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^\.github\/workflows\/promote\.yml:12:18: job promote promotes stage dev of echo under environment production, but \.gantry\/echo\.yaml:7 names environment dev/,
    );
    // The mapping form names it too.
    expect(lint(handWritten('{name: production, url: https://echo.example}'))).toHaveLength(1);
  });

  test('no environment at all: nothing gates any stage', () => {
    const problems = lint(handWritten(undefined));
    expect(problems).toHaveLength(2);
    expect(problems[1]).toContain(
      'job promote promotes stage prod of echo under no environment, so nothing gates it; .gantry/echo.yaml:15 names environment production',
    );
  });

  test('stage choices that are not the project stages: a stage added to the project, one removed', () => {
    const problems = lint(handWritten('${{ needs.x.outputs.y }}', '[dev, staging]'));
    expect(problems).toEqual([
      '.github/workflows/promote.yml:8:18: the stage choices ["dev","staging"] are not the stages of .gantry/echo.yaml:6: missing prod; no stage staging (set options to ["dev","prod"])',
    ]);
  });

  test('the root action with command: promote counts; other workflows do not', () => {
    const root = handWritten('${{ inputs.stage }}').replace(
      'gantry-dev/gantry/promote@v1\n        with:',
      'gantry-dev/gantry@v1\n        with:\n          command: promote',
    );
    expect(lint(root)).toHaveLength(1);
    const other = handWritten('${{ inputs.stage }}').replace(
      'gantry-dev/gantry/promote@v1',
      'actions/checkout@v4',
    );
    expect(lint(other)).toEqual([]);
    const verifyOnly = handWritten(undefined).replace('/promote@', '/verify@');
    expect(lint(verifyOnly)).toEqual([]);
  });

  test('environment.deployment: false hides the run from the gate check: named', () => {
    const problems = lint(
      handWritten('{name: "${{ needs.x.outputs.y }}", deployment: false}', '[dev, prod]'),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^\.github\/workflows\/promote\.yml:12:\d+: job promote promotes with environment\.deployment: false/,
      ),
    ]);
  });

  test('an environment from a job that is not gantry’s environment command is not trusted blindly but left alone', () => {
    expect(lint(handWritten('${{ matrix.env }}'))).toEqual([]);
  });
});
