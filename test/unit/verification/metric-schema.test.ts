/**
 * A stage's `verification` in the project file: defaults, Argo's `web` alias, and the problems
 * the loader reports with file:line:column and field path.
 */
import { describe, expect, it } from 'vitest';
import { parseProjectFile } from '../../../src/pipeline/index.js';
import { formatProblem } from '../../../src/util/errors.js';

const FILE = '.gantry/echo.yaml';

/** A project whose only stage has `verification` as given (indented under the stage). */
function withVerification(verification: string): string {
  return [
    'project: echo',
    'warehouses:',
    '  - name: echo',
    '    subscriptions:',
    '      - image: {repoURL: ghcr.io/acme/echo}',
    'stages:',
    '  - name: dev',
    '    requestedFreight:',
    '      - origin: {kind: Warehouse, name: echo}',
    '        sources: {direct: true}',
    '    promotionTemplate:',
    '      steps:',
    '        - uses: yaml-update',
    '    verification:',
    ...verification.split('\n').map((l) => `      ${l}`),
  ].join('\n');
}
// Line of the first line of `verification` in the file above.
const FIRST = 15;

function problems(verification: string): string[] {
  return parseProjectFile(FILE, withVerification(verification)).problems.map(formatProblem);
}

describe('verification metrics in the project file', () => {
  it('applies Argo Rollouts defaults and reads web as http', () => {
    const { project, problems: found } = parseProjectFile(
      FILE,
      withVerification(
        [
          '- name: smoke',
          '  provider: {web: {url: "https://echo.acme.dev/healthz"}}',
          '- name: rate',
          '  initialDelay: 30s',
          '  interval: 1m',
          '  count: 5',
          '  failureLimit: 2',
          '  inconclusiveLimit: 1',
          '  consecutiveErrorLimit: 0',
          '  timeout: 90s',
          '  successCondition: result[0] >= 0.95',
          '  failureCondition: result[0] < 0.5',
          '  provider:',
          '    prometheus: {address: "http://prometheus:9090", query: up}',
        ].join('\n'),
      ),
    );
    expect(found).toEqual([]);
    expect(project?.stages[0]?.verification).toEqual([
      {
        name: 'smoke',
        provider: { name: 'http', config: { url: 'https://echo.acme.dev/healthz' } },
        count: 1,
        failureLimit: 0,
        inconclusiveLimit: 0,
        consecutiveErrorLimit: 4,
        timeout: '5m',
        timeoutMs: 300_000,
      },
      {
        name: 'rate',
        provider: {
          name: 'prometheus',
          config: { address: 'http://prometheus:9090', query: 'up' },
        },
        successCondition: 'result[0] >= 0.95',
        failureCondition: 'result[0] < 0.5',
        initialDelay: '30s',
        initialDelayMs: 30_000,
        interval: '1m',
        intervalMs: 60_000,
        count: 5,
        failureLimit: 2,
        inconclusiveLimit: 1,
        consecutiveErrorLimit: 0,
        timeout: '90s',
        timeoutMs: 90_000,
      },
    ]);
  });

  /** `file:line:` of the n-th line (0-based) of the verification block. */
  const at = (n: number): string => `${FILE}:${FIRST + n}:`;

  it.each([
    {
      name: 'no provider',
      yaml: '- name: smoke',
      want: [`missing required field "provider"`],
    },
    {
      name: 'two providers',
      yaml: '- name: smoke\n  provider: {http: {}, command: {}}',
      want: [
        'provider: a verification provider needs exactly one of http, web, prometheus, datadog, command, argocd, github',
      ],
    },
    {
      name: 'a misspelt provider',
      yaml: '- name: smoke\n  provider: {promethus: {}}',
      want: ['provider.promethus: unknown field "promethus" (did you mean "prometheus"?)'],
    },
    {
      name: 'a misspelt metric field',
      yaml: '- name: smoke\n  succesCondition: "true"\n  provider: {http: {}}',
      want: ['succesCondition: unknown field "succesCondition" (did you mean "successCondition"?)'],
    },
    {
      name: 'count 0, a negative limit, a duration without unit',
      yaml: '- name: smoke\n  count: 0\n  failureLimit: -1\n  interval: "30"\n  provider: {http: {}}',
      want: [
        'count: must be at least 1, got 0',
        'failureLimit: must be at least 0, got -1',
        'interval: invalid value "30": must be a Go duration',
      ],
    },
    {
      name: 'a provider config that is not a mapping',
      yaml: '- name: smoke\n  provider: {http: "https://x"}',
      want: ['provider.http: expected a mapping, got the string "https://x"'],
    },
  ])('$name', ({ yaml, want }) => {
    const got = problems(yaml);
    expect(got).toHaveLength(want.length);
    want.forEach((w, i) => expect(got[i]).toContain(w));
  });

  it('semantic checks: names, Argo count rules, conditions, with line numbers', () => {
    const got = problems(
      [
        '- name: smoke', // 0
        '  provider: {http: {}}',
        '  successCondition: result.ok ==', // 2
        '- name: smoke', // 3
        '  count: 3', // 4
        '  provider: {http: {}}',
        '- name: bg', // 6
        '  interval: 5m',
        '  failureLimit: 3', // 8
        '  provider: {http: {}}',
        '- name: few', // 10
        '  count: 2', // 11
        '  interval: 1m',
        '  inconclusiveLimit: 3',
        '  provider: {http: {}}',
        '- name: templated', // 15
        '  successCondition: result == ${{ ctx.freight.alias }',
        '  provider: {http: {}}',
      ].join('\n'),
    );
    expect(got).toEqual([
      `${at(2)}27: stages[0].verification[0].successCondition: invalid successCondition: unexpected end of expression at 1:13`,
      `${at(3)}15: stages[0].verification[1].name: duplicate verification metric name "smoke": verification[0] already uses it`,
      `${at(4)}16: stages[0].verification[1].count: interval must be set when count is more than 1 (the time between measurements, e.g. interval: 30s)`,
      `${at(8)}23: stages[0].verification[2].failureLimit: failureLimit (3) needs count set to at least 3: without count gantry takes 1 measurement (Argo Rollouts measures forever when interval is set without count; a verification must end)`,
      `${at(11)}16: stages[0].verification[3].count: count (2) must be at least inconclusiveLimit (3)`,
    ]);
  });
});
