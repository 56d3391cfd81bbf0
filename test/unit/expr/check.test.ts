import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
import { BUILTINS } from '../../../src/expr/builtins.js';
import {
  ANY,
  BUILTIN_SIGNATURES,
  checkExpression,
  checkTemplate,
  evaluate,
  FREIGHT_SIGNATURES,
  freightFunctions,
  structOf,
  type CheckEnv,
  type StaticType,
} from '../../../src/expr/index.js';
import { runSteps, STEP_CTX_TYPE } from '../../../src/promotion/steps/engine.js';
import { defaultRegistry } from '../../../src/promotion/steps/registry.js';
import { METRIC_CTX_TYPE, templateEnv } from '../../../src/verification/templates.js';
import { realTempDir, stepContext, stepFreight } from '../../support/steps.js';

const env: CheckEnv = {
  names: { vars: structOf('vars', { app: ANY }), ctx: ANY },
  functions: FREIGHT_SIGNATURES,
};
const messages = (source: string) => checkExpression(source, env).map((p) => p.message);

describe('static checks', () => {
  test('every builtin has an argument count, and only builtins do', () => {
    expect(Object.keys(BUILTIN_SIGNATURES).sort()).toEqual(Object.keys(BUILTINS).sort());
  });

  test.each([
    ['imageFrom("x").Tag', []],
    ['imageFrom("x")?.Tag ?? "latest"', []],
    ['let c = commitFrom(vars.app); c.ID[:7]', []],
    ['(imageFrom("a") ?? imageFrom("b")).Digest', []],
    ['chartFrom("x", "name", warehouse("w")).Version', []],
    ['filter([1, 2], # > 1)', []],
    [
      'imageFrom("x").tag',
      ['type Image has no field tag (did you mean "Tag"?) (fields: RepoURL, Tag, Digest)'],
    ],
    [
      'warehouse("w").Nmae',
      ['type FreightOrigin has no field Nmae (did you mean "Name"?) (fields: Kind, Name)'],
    ],
    [
      'let c = commitFrom(vars.app); c.Sha',
      [
        'type GitCommit has no field Sha (fields: RepoURL, ID, Branch, Tag, Message, Author, Committer)',
      ],
    ],
    ['imageFrom()', ['imageFrom(): expected 1 to 2 arguments, got 0']],
    ['upper("a", "b")', ['upper(): expected 1 argument, got 2']],
    ['uper("a")', ['unknown function uper() (did you mean "upper"?)']],
    ['vars.ap', ['type vars has no field ap (did you mean "app"?) (fields: app)']],
    ['stage', ['unknown name "stage"']],
    ['1 +', ['unexpected end of expression']],
  ])('%s', (source, want) => {
    expect(messages(source)).toEqual(want);
  });

  test('offsets point at the field, inside the template', () => {
    const template = 'v-${{ imageFrom("x").Tga }}';
    expect(checkTemplate(template, env)).toEqual([
      {
        offset: template.indexOf('Tga'),
        message: expect.stringMatching(/^type Image has no field Tga/),
      },
    ]);
    expect(checkTemplate('${{ quote(1) }} ${{ asYAML(1, 2) }}', env)).toEqual([
      { offset: 20, message: 'asYAML(): expected 1 argument, got 2' },
    ]);
  });
});

describe('freight structs at run time', () => {
  const functions = freightFunctions([stepFreight()]);
  const image = stepFreight().images[0];

  test('a field the struct has reads as usual; one it lacks is an error, not nil', () => {
    expect(evaluate(`imageFrom("${image?.repoURL}").Tag`, {}, { functions })).toBe(image?.tag);
    expect(() => evaluate(`imageFrom("${image?.repoURL}").Tga`, {}, { functions })).toThrow(
      /type Image has no field Tga \(did you mean "Tag"\?\)/,
    );
  });

  test('structs are still maps for JSON, keys() and ==', () => {
    const repo = image?.repoURL ?? '';
    expect(evaluate(`keys(imageFrom("${repo}"))`, {}, { functions })).toEqual([
      'RepoURL',
      'Tag',
      'Digest',
    ]);
    expect(evaluate(`toJSON(warehouse("w"))`, {}, { functions })).toBe(
      '{\n  "Kind": "Warehouse",\n  "Name": "w"\n}',
    );
    expect(
      evaluate(`warehouse("w") == {"Kind": "Warehouse", "Name": "w"}`, {}, { functions }),
    ).toBe(true);
    expect(evaluate(`imageFrom("nope/nope")?.Tga`, {}, { functions })).toBe(null);
  });
});

describe('step schemas', () => {
  test.each([...defaultRegistry().values()].map((s) => [s.name, s.schema] as const))(
    '%s has a schema ajv compiles',
    (_name, schema) => {
      expect(() => new Ajv({ strict: false }).compile(schema)).not.toThrow();
      expect(schema['type']).toBe('object');
    },
  );
});

describe("lint's picture of ctx matches what the run provides", () => {
  type Shape = { [k: string]: Shape | null };
  const shapeOf = (t: StaticType): Shape | null =>
    t.kind === 'struct'
      ? Object.fromEntries(Object.entries(t.fields).map(([k, v]) => [k, shapeOf(v)]))
      : null;
  const shapeOfValue = (v: unknown): Shape | null =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shapeOfValue(x)]))
      : null;

  test('promotion steps', async () => {
    const { dir, cleanup } = realTempDir('gantry-ctx-');
    try {
      const { index: _index, ...ctx } = stepContext(dir);
      const r = await runSteps(
        {
          mode: 'direct',
          vars: [],
          steps: [
            {
              uses: 'compose-output',
              as: 'c',
              config: { ctx: '${{ ctx }}' },
              continueOnError: false,
              vars: [],
            },
          ],
        },
        ctx,
        defaultRegistry(),
      );
      expect(shapeOfValue(r.outputs['c']?.['ctx'])).toEqual(shapeOf(STEP_CTX_TYPE));
    } finally {
      cleanup();
    }
  });

  test('verification metrics', () => {
    const env = templateEnv(
      { project: 'p', stage: 's', freightId: 'f', freightAlias: 'a', commit: 'c' },
      {},
    );
    expect(shapeOfValue(env['ctx'])).toEqual(shapeOf(METRIC_CTX_TYPE));
  });
});

test('an unclosed expression is reported at its opening delimiter', () => {
  expect(checkTemplate('a ${{ vars.app', env)).toEqual([
    { offset: 2, message: 'unclosed expression: no closing delimiter before the end of the text' },
  ]);
});
