import { describe, expect, it } from 'vitest';
import { parseProjectFile } from '../../../src/pipeline/index.js';
import { formatProblem } from '../../../src/util/errors.js';
import { formatted, yaml } from './helpers.js';
// re2js, as the commands that run expressions and patterns load it (util/regex.ts).
import '../../../src/util/regex.js';

const FILE = '.gantry/echo.yaml';

/** A minimal valid project; cases below spell out whole files so line numbers are easy to read. */
const MINIMAL = yaml`
  project: echo
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
          - uses: yaml-update
`;

interface Case {
  name: string;
  text: string;
  /** Each entry: `line:col path` prefix and a message substring; the problem count must match. */
  want: [where: string, message: string][];
}

function at(where: string): string {
  const [pos, path] = where.split(' ');
  return path ? `${FILE}:${pos}: ${path}: ` : `${FILE}:${pos}: `;
}

const cases: Case[] = [
  {
    name: 'YAML syntax error',
    text: yaml`
      project: echo
      warehouses: [
      stages: []
    `,
    want: [
      ['3:1', 'YAML syntax error: Flow sequence in block collection must be sufficiently indented'],
    ],
  },
  {
    name: 'two YAML documents in one file',
    text: `${MINIMAL}\n---\nproject: other\n`,
    want: [['15:1', 'exactly one YAML document']],
  },
  {
    name: 'duplicate key',
    text: yaml`
      project: echo
      project: echo2
    `,
    want: [['2:1', 'YAML syntax error: Map keys must be unique']],
  },
  {
    name: 'empty file',
    text: '',
    want: [['1:1', 'a project file must be a mapping with project, warehouses and stages']],
  },
  {
    name: 'misspelled top-level field',
    text: MINIMAL.replace('stages:', 'stgaes:'),
    // Reported once, as the misspelling, not again as a missing "stages".
    want: [['6:1 stgaes', 'unknown field "stgaes" (did you mean "stages"?)']],
  },
  {
    name: 'misspelled stage field',
    text: MINIMAL.replace('requestedFreight:', 'requestedFreigt:'),
    want: [
      [
        '8:5 stages[0].requestedFreigt',
        'unknown field "requestedFreigt" (did you mean "requestedFreight"?)',
      ],
    ],
  },
  {
    name: 'misspelled field deep in a flow mapping',
    text: MINIMAL.replace(
      '{repoURL: ghcr.io/acme/echo}',
      '{repoURL: ghcr.io/acme/echo, discoverLimit: 5}',
    ),
    want: [
      [
        '5:45 warehouses[0].subscriptions[0].image.discoverLimit',
        'unknown field "discoverLimit" (did you mean "discoveryLimit"?)',
      ],
    ],
  },
  {
    name: 'misspelled subscription kind',
    text: MINIMAL.replace('- image:', '- imag:'),
    want: [
      ['5:9 warehouses[0].subscriptions[0].imag', 'unknown field "imag" (did you mean "image"?)'],
    ],
  },
  {
    name: 'unknown field without a close match lists the allowed ones',
    text: MINIMAL.replace('    subscriptions:', '    colour: blue\n    subscriptions:'),
    want: [
      [
        '4:5 warehouses[0].colour',
        'unknown field "colour" (allowed: name, freightCreationPolicy, freightCreationCriteria, interval, subscriptions)',
      ],
    ],
  },
  {
    name: 'wrong enum value with suggestion',
    text: MINIMAL.replace(
      '    subscriptions:',
      '    freightCreationPolicy: automatc\n    subscriptions:',
    ),
    want: [
      [
        '4:28 warehouses[0].freightCreationPolicy',
        'invalid value "automatc": must be one of Automatic, Manual (did you mean "Automatic"?)',
      ],
    ],
  },
  {
    name: 'wrong origin kind',
    text: MINIMAL.replace('kind: Warehouse', 'kind: Warehose'),
    want: [
      [
        '9:24 stages[0].requestedFreight[0].origin.kind',
        'invalid value "Warehose": must be Warehouse (did you mean "Warehouse"?)',
      ],
    ],
  },
  {
    name: 'missing required field',
    text: MINIMAL.replace('  - name: dev\n', '  - \n'),
    want: [['8:5 stages[0]', 'missing required field "name"']],
  },
  {
    name: 'wrong type',
    text: MINIMAL.replace(
      '{repoURL: ghcr.io/acme/echo}',
      '{repoURL: ghcr.io/acme/echo, discoveryLimit: "5"}',
    ),
    want: [
      [
        '5:61 warehouses[0].subscriptions[0].image.discoveryLimit',
        'expected an integer, got the string "5" (remove the quotes)',
      ],
    ],
  },
  {
    name: 'yes is not a boolean in YAML 1.2',
    text: MINIMAL.replace(
      '    promotionTemplate:',
      '    autoPromotion: yes\n    promotionTemplate:',
    ),
    want: [
      [
        '11:20 stages[0].autoPromotion',
        'expected true or false, got the string "yes" (write true)',
      ],
    ],
  },
  {
    name: 'discoveryLimit out of range',
    text: MINIMAL.replace(
      '{repoURL: ghcr.io/acme/echo}',
      '{repoURL: ghcr.io/acme/echo, discoveryLimit: 500}',
    ),
    want: [
      [
        '5:61 warehouses[0].subscriptions[0].image.discoveryLimit',
        'must be between 1 and 100, got 500',
      ],
    ],
  },
  {
    name: 'project name is not a DNS label',
    text: MINIMAL.replace('project: echo', 'project: Echo_App'),
    want: [['1:10 project', 'invalid value "Echo_App": must be a lowercase DNS-1123 label']],
  },
  {
    name: 'deprecated allowTags',
    text: MINIMAL.replace(
      '{repoURL: ghcr.io/acme/echo}',
      "{repoURL: ghcr.io/acme/echo, allowTags: '^v1'}",
    ),
    want: [
      [
        '5:45 warehouses[0].subscriptions[0].image.allowTags',
        'allowTags is deprecated: use allowTagsRegexes',
      ],
    ],
  },
  {
    name: 'deprecated ignoreTags on git',
    text: MINIMAL.replace(
      '- image: {repoURL: ghcr.io/acme/echo}',
      "- git: {repoURL: 'https://github.com/acme/echo', ignoreTags: [x]}",
    ),
    want: [
      [
        '5:56 warehouses[0].subscriptions[0].git.ignoreTags',
        'ignoreTags is deprecated: use ignoreTagsRegexes',
      ],
    ],
  },
  {
    name: 'oci chart with a name',
    text: MINIMAL.replace(
      '- image: {repoURL: ghcr.io/acme/echo}',
      '- chart: {repoURL: oci://ghcr.io/acme/charts/echo, name: echo}',
    ),
    want: [
      ['5:58 warehouses[0].subscriptions[0].chart.name', 'name must be omitted for oci:// charts'],
    ],
  },
  {
    name: 'http chart without a name',
    text: MINIMAL.replace(
      '- image: {repoURL: ghcr.io/acme/echo}',
      '- chart: {repoURL: https://charts.acme.dev}',
    ),
    want: [
      [
        '5:16 warehouses[0].subscriptions[0].chart',
        'name (the chart name) is required for an https:// or http:// chart repository',
      ],
    ],
  },
  {
    name: 'chart repoURL without scheme',
    text: MINIMAL.replace(
      '- image: {repoURL: ghcr.io/acme/echo}',
      '- chart: {repoURL: charts.acme.dev, name: echo}',
    ),
    want: [
      [
        '5:26 warehouses[0].subscriptions[0].chart.repoURL',
        'must start with https://, http:// (a chart repository) or oci://',
      ],
    ],
  },
  {
    name: 'Digest without constraint',
    text: MINIMAL.replace(
      '{repoURL: ghcr.io/acme/echo}',
      '{repoURL: ghcr.io/acme/echo, imageSelectionStrategy: Digest}',
    ),
    want: [
      [
        '5:16 warehouses[0].subscriptions[0].image',
        'imageSelectionStrategy Digest needs constraint: the mutable tag to follow',
      ],
    ],
  },
  {
    name: 'image repoURL with a tag',
    text: MINIMAL.replace('{repoURL: ghcr.io/acme/echo}', '{repoURL: "ghcr.io/acme/echo:1.0"}'),
    want: [
      [
        '5:26 warehouses[0].subscriptions[0].image.repoURL',
        'must be an image repository such as ghcr.io/acme/echo',
      ],
    ],
  },
  {
    name: 'subscription with neither image, chart nor git',
    text: MINIMAL.replace('- image: {repoURL: ghcr.io/acme/echo}', '- {}'),
    want: [
      [
        '5:9 warehouses[0].subscriptions[0]',
        'a subscription needs exactly one of image, chart, git',
      ],
    ],
  },
  {
    name: 'subscription with two kinds',
    text: MINIMAL.replace(
      '- image: {repoURL: ghcr.io/acme/echo}',
      '- image: {repoURL: ghcr.io/acme/echo}\n        git: {repoURL: "https://github.com/acme/echo"}',
    ),
    want: [
      [
        '5:9 warehouses[0].subscriptions[0]',
        'a subscription needs exactly one of image, chart, git',
      ],
    ],
  },
  {
    name: 'bad duration',
    text: MINIMAL.replace('{direct: true}', '{stages: [], direct: true, requiredSoakTime: 1d}'),
    want: [
      [
        '10:63 stages[0].requestedFreight[0].sources.requiredSoakTime',
        'invalid value "1d": must be a Go duration such as 90s, 30m, 1h or 1h30m',
      ],
    ],
  },
  {
    name: 'bad platform',
    text: MINIMAL.replace(
      '{repoURL: ghcr.io/acme/echo}',
      '{repoURL: ghcr.io/acme/echo, platform: linux}',
    ),
    want: [
      [
        '5:55 warehouses[0].subscriptions[0].image.platform',
        'invalid value "linux": must be os/arch or os/arch/variant, e.g. linux/amd64',
      ],
    ],
  },
  {
    name: 'bad step alias',
    text: MINIMAL.replace('- uses: yaml-update', '- uses: yaml-update\n          as: 1st'),
    want: [
      [
        '14:15 stages[0].promotionTemplate.steps[0].as',
        'invalid value "1st": must start with a letter',
      ],
    ],
  },
  {
    name: 'empty warehouses (empty steps make a control-flow stage)',
    text: yaml`
      project: echo
      warehouses: []
      stages:
        - name: dev
          requestedFreight:
            - origin: {kind: Warehouse, name: echo}
              sources: {direct: true}
          promotionTemplate: {steps: []}
    `,
    want: [['2:13 warehouses', 'must have at least one entry']],
  },
  // ---- semantic checks (the schema passes) ----
  {
    name: 'duplicate warehouse and stage names',
    text: yaml`
      project: echo
      warehouses:
        - name: echo
          subscriptions: [{image: {repoURL: ghcr.io/acme/echo}}]
        - name: echo
          subscriptions: [{image: {repoURL: ghcr.io/acme/echo2}}]
      stages:
        - name: dev
          requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {direct: true}}]
          promotionTemplate: {steps: [{uses: yaml-update}]}
        - name: dev
          requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {direct: true}}]
          promotionTemplate: {steps: [{uses: yaml-update}]}
    `,
    want: [
      [
        '5:11 warehouses[1].name',
        'duplicate warehouse name "echo": warehouses[0] at line 3 has the same name',
      ],
      ['11:11 stages[1].name', 'duplicate stage name "dev": stages[0] at line 8 has the same name'],
    ],
  },
  {
    name: 'unknown warehouse with suggestion',
    text: MINIMAL.replace('name: echo}', 'name: ecoh}'),
    want: [
      [
        '9:41 stages[0].requestedFreight[0].origin.name',
        'unknown warehouse "ecoh" (did you mean "echo"?)',
      ],
    ],
  },
  {
    name: 'unknown warehouse without suggestion lists the warehouses',
    text: MINIMAL.replace('name: echo}', 'name: billing}'),
    want: [
      [
        '9:41 stages[0].requestedFreight[0].origin.name',
        'unknown warehouse "billing" (warehouses: echo)',
      ],
    ],
  },
  {
    name: 'sources with neither direct nor stages',
    text: MINIMAL.replace('{direct: true}', '{direct: false}'),
    want: [['10:18 stages[0].requestedFreight[0].sources', 'sources must set direct: true']],
  },
  {
    name: 'unknown upstream stage with suggestion, and self-reference',
    text: yaml`
      project: echo
      warehouses:
        - name: echo
          subscriptions: [{image: {repoURL: ghcr.io/acme/echo}}]
      stages:
        - name: staging
          requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {direct: true}}]
          promotionTemplate: {steps: [{uses: yaml-update}]}
        - name: prod
          requestedFreight:
            - origin: {kind: Warehouse, name: echo}
              sources: {stages: [stagign, prod]}
          promotionTemplate: {steps: [{uses: yaml-update}]}
    `,
    want: [
      [
        '12:28 stages[1].requestedFreight[0].sources.stages[0]',
        'unknown stage "stagign" (did you mean "staging"?)',
      ],
      [
        '12:37 stages[1].requestedFreight[0].sources.stages[1]',
        'stage "prod" cannot take freight from itself',
      ],
    ],
  },
  {
    name: 'same origin twice, upstream without that origin',
    text: yaml`
      project: echo
      warehouses:
        - name: echo
          subscriptions: [{image: {repoURL: ghcr.io/acme/echo}}]
        - name: web
          subscriptions: [{image: {repoURL: ghcr.io/acme/web}}]
      stages:
        - name: dev
          requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {direct: true}}]
          promotionTemplate: {steps: [{uses: yaml-update}]}
        - name: prod
          requestedFreight:
            - origin: {kind: Warehouse, name: echo}
              sources: {direct: true}
            - origin: {kind: Warehouse, name: echo}
              sources: {stages: [dev]}
            - origin: {kind: Warehouse, name: web}
              sources: {stages: [dev]}
          promotionTemplate: {steps: [{uses: yaml-update}]}
    `,
    want: [
      [
        '15:41 stages[1].requestedFreight[1].origin.name',
        'warehouse "echo" is requested twice by stage "prod" (also requestedFreight[0])',
      ],
      [
        '18:28 stages[1].requestedFreight[2].sources.stages[0]',
        'upstream stage "dev" does not request freight from warehouse "web"',
      ],
    ],
  },
  {
    name: 'cycle between stages',
    text: yaml`
      project: echo
      warehouses:
        - name: echo
          subscriptions: [{image: {repoURL: ghcr.io/acme/echo}}]
      stages:
        - name: dev
          requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {direct: true, stages: [qa]}}]
          promotionTemplate: {steps: [{uses: yaml-update}]}
        - name: qa
          requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {stages: [dev]}}]
          promotionTemplate: {steps: [{uses: yaml-update}]}
    `,
    want: [
      [
        '7:97 stages[0].requestedFreight[0].sources.stages[0]',
        'stages form a cycle: dev -> qa -> dev',
      ],
    ],
  },
  {
    name: 'longer cycle is reported once, from the first stage in the file',
    text: yaml`
      project: echo
      warehouses:
        - name: echo
          subscriptions: [{image: {repoURL: ghcr.io/acme/echo}}]
      stages:
        - name: a
          requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {stages: [c]}}]
          promotionTemplate: {steps: [{uses: x}]}
        - name: b
          requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {stages: [a]}}]
          promotionTemplate: {steps: [{uses: x}]}
        - name: c
          requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {stages: [b]}}]
          promotionTemplate: {steps: [{uses: x}]}
    `,
    want: [
      [
        '7:83 stages[0].requestedFreight[0].sources.stages[0]',
        'stages form a cycle: a -> b -> c -> a',
      ],
    ],
  },
  {
    name: 'invalid regexes',
    text: yaml`
      project: echo
      warehouses:
        - name: echo
          subscriptions:
            - image:
                repoURL: ghcr.io/acme/echo
                allowTagsRegexes: ['(?i)^v1\.', '^v1(']
            - git:
                repoURL: https://github.com/acme/echo
                ignoreTagsRegexes: ['a[']
                includePaths: ['charts/', 'glob:[', 'regex:(?<=x)y']
                excludePaths: ['regexp:*']
      stages:
        - name: dev
          requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {direct: true}}]
          promotionTemplate: {steps: [{uses: yaml-update}]}
    `,
    want: [
      [
        '7:42 warehouses[0].subscriptions[0].image.allowTagsRegexes[1]',
        'error compiling regular expression "^v1("',
      ],
      [
        '10:31 warehouses[0].subscriptions[1].git.ignoreTagsRegexes[0]',
        'error compiling regular expression "a["',
      ],
      [
        '11:47 warehouses[0].subscriptions[1].git.includePaths[2]',
        'error compiling regular expression "(?<=x)y"',
      ],
      [
        '12:26 warehouses[0].subscriptions[1].git.excludePaths[0]',
        'error compiling regular expression "*"',
      ],
    ],
  },
  {
    name: 'invalid semver constraints',
    text: yaml`
      project: echo
      warehouses:
        - name: echo
          subscriptions:
            - image: {repoURL: ghcr.io/acme/echo, constraint: invalid}
            - image: {repoURL: ghcr.io/acme/other, imageSelectionStrategy: Lexical, constraint: anything}
            - chart: {repoURL: https://charts.acme.dev, name: echo, semverConstraint: '>= 1.2 <'}
            - git: {repoURL: https://github.com/acme/echo, commitSelectionStrategy: SemVer, semverConstraint: 'x.y'}
      stages:
        - name: dev
          requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {direct: true}}]
          promotionTemplate: {steps: [{uses: yaml-update}]}
    `,
    want: [
      [
        '5:57 warehouses[0].subscriptions[0].image.constraint',
        'error parsing semver constraint "invalid"',
      ],
      [
        '7:81 warehouses[0].subscriptions[2].chart.semverConstraint',
        'error parsing semver constraint ">= 1.2 <"',
      ],
      [
        '8:105 warehouses[0].subscriptions[3].git.semverConstraint',
        'error parsing semver constraint "x.y"',
      ],
    ],
  },
  {
    name: 'bad branch names',
    text: yaml`
      project: echo
      warehouses:
        - name: echo
          subscriptions:
            - git: {repoURL: https://github.com/acme/echo, branch: 'feature..x'}
      stages:
        - name: dev
          branch: 'env/dev.lock'
          requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {direct: true}}]
          promotionTemplate: {steps: [{uses: yaml-update}]}
    `,
    want: [
      [
        '5:62 warehouses[0].subscriptions[0].git.branch',
        'invalid branch name "feature..x": a branch name cannot contain ".."',
      ],
      [
        '8:13 stages[0].branch',
        'invalid branch name "env/dev.lock": a branch name component cannot end with ".lock"',
      ],
    ],
  },
  {
    name: 'duplicate step alias',
    text: yaml`
      project: echo
      warehouses:
        - name: echo
          subscriptions: [{image: {repoURL: ghcr.io/acme/echo}}]
      stages:
        - name: dev
          requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {direct: true}}]
          promotionTemplate:
            steps:
              - {uses: yaml-update, as: update}
              - {uses: json-update, as: commit}
              - {uses: git-commit, as: update}
    `,
    want: [
      [
        '12:34 stages[0].promotionTemplate.steps[2].as',
        'duplicate step alias "update": steps[0] already uses it',
      ],
    ],
  },
  {
    name: 'many problems in one file are all reported',
    text: yaml`
      project: echo
      warehouses:
        - name: echo
          freightCreationPolicy: Auto
          subscriptions:
            - image: {repoURL: ghcr.io/acme/echo, strategy: SemVer}
      stages:
        - name: Dev
          requestedFreight: [{origin: {kind: Warehouse}, sources: {direct: true}}]
          promotionTemplate: {steps: [{use: yaml-update}]}
          verification: [{}]
    `,
    want: [
      [
        '4:28 warehouses[0].freightCreationPolicy',
        'must be one of Automatic, Manual (did you mean "Automatic"?)',
      ],
      [
        '6:45 warehouses[0].subscriptions[0].image.strategy',
        'unknown field "strategy" (did you mean "imageSelectionStrategy"?)',
      ],
      ['8:11 stages[0].name', 'invalid value "Dev": must be a lowercase DNS-1123 label'],
      ['9:33 stages[0].requestedFreight[0].origin', 'missing required field "name"'],
      [
        '10:34 stages[0].promotionTemplate.steps[0].use',
        'unknown field "use" (did you mean "uses"?)',
      ],
      ['11:20 stages[0].verification[0]', 'missing required fields "name", "provider"'],
    ],
  },
];

describe('parseProjectFile: problems', () => {
  it.each(cases)('$name', ({ text, want }) => {
    const { project, problems } = parseProjectFile(FILE, text);
    const got = formatted(problems);
    const lines = text.split('\n');
    const shown = problems.map(
      (p) =>
        `${formatProblem(p)}\n    >> ${(lines[p.line - 1] ?? '').slice(p.column - 1, p.column + 30)}`,
    );
    expect(project).toBeUndefined();
    for (const [where, message] of want) {
      const prefix = at(where);
      expect(
        got.some((g) => g.startsWith(prefix) && g.includes(message)),
        `${prefix}…${message}\nin:\n${shown.join('\n')}`,
      ).toBe(true);
    }
    expect(got, got.join('\n')).toHaveLength(want.length);
  });

  it('the minimal project is valid', () => {
    expect(formatted(parseProjectFile(FILE, MINIMAL).problems)).toEqual([]);
  });
});

describe('parseProjectFile: accepted input', () => {
  it('a top-level list is not a project', () => {
    expect(formatted(parseProjectFile(FILE, '- project: echo\n').problems)).toEqual([
      `${FILE}:1:1: a project file must be a mapping with project, warehouses and stages, found a list`,
    ]);
  });

  it('allows the $schema key and YAML anchors', () => {
    const text = yaml`
      $schema: https://raw.githubusercontent.com/gantry-dev/gantry/main/schema/project.schema.json
      project: echo
      warehouses:
        - name: echo
          subscriptions: [{image: {repoURL: ghcr.io/acme/echo}}]
      stages:
        - name: dev
          requestedFreight: &fromWarehouse
            - origin: {kind: Warehouse, name: echo}
              sources: {direct: true}
          promotionTemplate: &template
            steps: [{uses: yaml-update, config: {path: values.yaml}}]
        - name: qa
          requestedFreight: *fromWarehouse
          promotionTemplate: *template
    `;
    const { project, problems } = parseProjectFile(FILE, text);
    expect(formatted(problems)).toEqual([]);
    expect(project?.stages.map((s) => [s.name, s.promotionTemplate.steps[0]?.config])).toEqual([
      ['dev', { path: 'values.yaml' }],
      ['qa', { path: 'values.yaml' }],
    ]);
  });

  it('points into the anchored node for problems behind an alias', () => {
    const text = yaml`
      project: echo
      warehouses:
        - name: echo
          subscriptions: [{image: {repoURL: ghcr.io/acme/echo}}]
      stages:
        - name: dev
          requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {direct: true}}]
          promotionTemplate: &template
            steps: [{uses: yaml-update, continueOnErorr: true}]
        - name: qa
          requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {direct: true}}]
          promotionTemplate: *template
    `;
    expect(formatted(parseProjectFile(FILE, text).problems)).toEqual([
      `${FILE}:9:35: stages[0].promotionTemplate.steps[0].continueOnErorr: unknown field "continueOnErorr" (did you mean "continueOnError"?)`,
      `${FILE}:9:35: stages[1].promotionTemplate.steps[0].continueOnErorr: unknown field "continueOnErorr" (did you mean "continueOnError"?)`,
    ]);
  });

  it('reports several missing fields of one mapping once', () => {
    const text = yaml`
      project: echo
      warehouses: [{name: echo, subscriptions: [{image: {repoURL: ghcr.io/acme/echo}}]}]
      stages:
        - name: dev
    `;
    expect(formatted(parseProjectFile(FILE, text).problems)).toEqual([
      `${FILE}:4:5: stages[0]: missing required fields "requestedFreight", "promotionTemplate"`,
    ]);
  });
});
