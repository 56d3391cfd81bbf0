import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { PromotionStep, PromotionTemplate } from '../../../../src/pipeline/types.js';
import { runSteps, type EngineContext } from '../../../../src/promotion/steps/engine.js';
import { fail } from '../../../../src/promotion/steps/fail.js';
import { fileWrite } from '../../../../src/promotion/steps/file-write.js';
import { jsonParse } from '../../../../src/promotion/steps/json-parse.js';
import { defaultRegistry } from '../../../../src/promotion/steps/registry.js';
import { yamlMerge } from '../../../../src/promotion/steps/yaml-merge.js';
import { yamlParse } from '../../../../src/promotion/steps/yaml-parse.js';
import { ConfigError, OperationError } from '../../../../src/util/errors.js';
import { realTempDir, stepContext, stepFreight } from '../../../support/steps.js';

let wt: string;
let outside: string;
let cleanup: () => void;

beforeEach(() => {
  const t = realTempDir();
  cleanup = t.cleanup;
  wt = path.join(t.dir, 'wt');
  outside = path.join(t.dir, 'outside');
  mkdirSync(wt);
  mkdirSync(outside);
});
afterEach(() => cleanup());

const read = (rel: string) => readFileSync(path.join(wt, rel), 'utf8');
const write = (rel: string, text: string) => {
  mkdirSync(path.dirname(path.join(wt, rel)), { recursive: true });
  writeFileSync(path.join(wt, rel), text);
};

function engineCtx(logs: string[] = []): EngineContext {
  const f = stepFreight();
  return {
    worktree: wt,
    project: 'echo',
    stage: 'dev',
    freight: f,
    freightCollection: [f],
    fetch: () => Promise.reject(new Error('no network')),
    log: (l) => logs.push(l),
  };
}

const step = (uses: string, config: Record<string, unknown>, over: Partial<PromotionStep> = {}) =>
  ({ uses, config, continueOnError: false, vars: [], ...over }) satisfies PromotionStep;

const template = (steps: PromotionStep[]): PromotionTemplate => ({
  mode: 'direct',
  vars: [],
  steps,
});

describe('fail', () => {
  test("Kargo's example: fails with the message when the condition holds, not otherwise", async () => {
    const steps = (name: string) => [
      step('compose-output', { name }, { as: 'expected-name' }),
      step(
        'fail',
        { message: "Expected chart name ${{ outputs['expected-name'].name }}" },
        {
          if: "${{ outputs['expected-name'].name != chartFrom('https://charts.example.com', 'echo').Name }}",
        },
      ),
    ];
    await expect(
      runSteps(template(steps('other')), engineCtx(), defaultRegistry()),
    ).rejects.toThrow('step 2 (fail): fail: failed: Expected chart name other');
    await expect(
      runSteps(template(steps('echo')), engineCtx(), defaultRegistry()),
    ).resolves.toBeDefined();
  });

  test('without a message it says "failed"; a non-string message is a config error', async () => {
    await expect(fail.run({}, stepContext(wt))).rejects.toThrow(OperationError);
    await expect(fail.run({}, stepContext(wt))).rejects.toThrow(/^fail: failed$/);
    await expect(fail.run({ message: 3 }, stepContext(wt))).rejects.toThrow(
      'fail: config.message: must be a string, got 3',
    );
    await expect(fail.run({ mesage: 'x' }, stepContext(wt))).rejects.toThrow(
      /fail: unknown field "mesage" \(did you mean "message"\?\)/,
    );
  });
});

describe('file-write', () => {
  test('writes a new file with parents, mode 0600 by default', async () => {
    const r = await fileWrite.run(
      { path: './out/app-config.json', contents: '{}\n' },
      stepContext(wt),
    );
    expect(read('out/app-config.json')).toBe('{}\n');
    expect(statSync(path.join(wt, 'out/app-config.json')).mode & 0o777).toBe(0o600);
    expect(r.changed).toEqual(['out/app-config.json']);
    expect(r.summary).toEqual(['- wrote out/app-config.json']);
  });

  test('a number or boolean (what `${{ vars.n }}` alone renders to) is written as its text', async () => {
    await fileWrite.run({ path: 'n', contents: 3 }, stepContext(wt));
    expect(read('n')).toBe('3');
  });

  test('an empty contents writes an empty file; permissions apply', async () => {
    await fileWrite.run({ path: 'empty', contents: '', permissions: '0644' }, stepContext(wt));
    expect(read('empty')).toBe('');
    expect(statSync(path.join(wt, 'empty')).mode & 0o777).toBe(0o644);
  });

  test('an existing file is replaced only with overwrite; the same content changes nothing', async () => {
    write('a.txt', 'old\n');
    await expect(
      fileWrite.run({ path: 'a.txt', contents: 'new\n' }, stepContext(wt)),
    ).rejects.toThrow(
      'file-write: config.path: "a.txt" already exists; set overwrite: true to replace it',
    );
    expect(read('a.txt')).toBe('old\n');
    const r = await fileWrite.run(
      { path: 'a.txt', contents: 'new\n', overwrite: true },
      stepContext(wt),
    );
    expect(read('a.txt')).toBe('new\n');
    expect(r.changed).toEqual(['a.txt']);
    const again = await fileWrite.run(
      { path: 'a.txt', contents: 'new\n', overwrite: true },
      stepContext(wt),
    );
    expect(again.changed).toEqual([]);
  });

  test.each([
    [
      { path: 'x', contents: 'y', permissions: '0755' },
      'file-write: config.permissions: "0755" has executable bits',
    ],
    [
      { path: 'x', contents: 'y', permissions: '0666' },
      'file-write: config.permissions: "0666" is world-writable',
    ],
    [
      { path: 'x', contents: 'y', permissions: '644' },
      /config\.permissions: must be an octal file mode/,
    ],
    [
      { path: 'x', contents: 'y', permissions: '4644' },
      /config\.permissions: must be an octal file mode/,
    ],
    [{ path: 'x' }, 'file-write: config.contents: is required'],
    [
      { path: 'x', contents: { a: 1 } },
      /config\.contents: must be a string, got a map or list \(render it with asYAML\(\)/,
    ],
    [{ contents: 'y' }, 'file-write: path is required'],
  ])('bad input %j: a clear error, nothing written', async (config, message) => {
    await expect(fileWrite.run(config, stepContext(wt))).rejects.toThrow(message);
    expect(existsSync(path.join(wt, 'x'))).toBe(false);
  });

  test('paths that leave the checkout, go into .git or through a symbolic link are refused', async () => {
    symlinkSync(outside, path.join(wt, 'out-link'));
    mkdirSync(path.join(wt, 'real'));
    symlinkSync(path.join(wt, 'real'), path.join(wt, 'in-link'));
    const cases: [string, RegExp][] = [
      ['../escape.txt', /file-write: path "\.\.\/escape\.txt": leads outside the checkout/],
      ['/tmp/abs.txt', /absolute paths are not allowed/],
      ['.git/config', /may not touch the \.git directory/],
      ['out-link/x.txt', /out-link is a symbolic link that leads outside the checkout/],
      ['in-link/x.txt', /file-write: path "in-link\/x\.txt": goes through a symbolic link/],
    ];
    for (const [p, message] of cases) {
      await expect(fileWrite.run({ path: p, contents: 'x' }, stepContext(wt))).rejects.toThrow(
        message,
      );
    }
    expect(existsSync(path.join(outside, 'x.txt'))).toBe(false);
    expect(existsSync(path.join(wt, 'real', 'x.txt'))).toBe(false);
  });
});

describe('yaml-parse and json-parse', () => {
  test("Kargo's yaml-parse example: image.tag from values.yaml", async () => {
    write('src/charts/my-chart/values.yaml', 'image:\n  tag: "v1.2.3"\n');
    const r = await yamlParse.run(
      {
        path: './src/charts/my-chart/values.yaml',
        outputs: [{ name: 'imageTag', fromExpression: 'image.tag' }],
      },
      stepContext(wt),
    );
    expect(r.outputs).toEqual({ imageTag: 'v1.2.3' });
    expect(r.changed).toBeUndefined();
  });

  test("Kargo's json-parse example: image.tag from config.json", async () => {
    write('src/config.json', '{\n  "image": {\n    "tag": "v1.2.3"\n  }\n}\n');
    const r = await jsonParse.run(
      { path: './src/config.json', outputs: [{ name: 'imageTag', fromExpression: 'image.tag' }] },
      stepContext(wt),
    );
    expect(r.outputs).toEqual({ imageTag: 'v1.2.3' });
  });

  test("Kargo's file-write example: yaml-parse's apps[ctx.stage] rendered with asYAML into a file", async () => {
    write(
      'src/apps.yaml',
      'apps:\n  dev:\n    replicas: 1\n    image: echo:1.2.0\n  prod:\n    replicas: 3\n',
    );
    const res = await runSteps(
      template([
        step(
          'yaml-parse',
          {
            path: './src/apps.yaml',
            outputs: [{ name: 'appConfig', fromExpression: 'apps[ctx.stage]' }],
          },
          { as: 'read-config' },
        ),
        step('file-write', {
          path: './out/app-config.yaml',
          contents: "${{ asYAML(outputs['read-config'].appConfig) }}",
          overwrite: true,
        }),
        step('file-write', {
          path: './out/app-config.json',
          contents: "${{ asJSON(outputs['read-config'].appConfig) }}",
          overwrite: true,
        }),
      ]),
      engineCtx(),
      defaultRegistry(),
    );
    expect(parseYaml(read('out/app-config.yaml'))).toEqual({ replicas: 1, image: 'echo:1.2.0' });
    expect(JSON.parse(read('out/app-config.json'))).toEqual({ replicas: 1, image: 'echo:1.2.0' });
    expect(res.changed).toEqual(['out/app-config.yaml', 'out/app-config.json']);
  });

  test('expressions see the whole document and lists; a document with its own ctx keeps it', async () => {
    write('d.yaml', 'ctx: mine\nitems: [a, b, c]\n');
    const r = await yamlParse.run(
      {
        path: 'd.yaml',
        outputs: [
          { name: 'ctx', fromExpression: 'ctx' },
          { name: 'n', fromExpression: 'len(items)' },
          { name: 'last', fromExpression: 'items[-1]' },
        ],
      },
      stepContext(wt),
    );
    expect(r.outputs).toEqual({ ctx: 'mine', n: 3, last: 'c' });
  });

  test('bad input: the step, the field and the file are named', async () => {
    write('v.yaml', 'image:\n  tag: 1\n');
    write('bad.yaml', 'a: [1, 2\n');
    write('bad.json', '{\n  "a": 1,\n  "b" 2\n}\n');
    write('bad2.json', '{\n  "a": 1,\n  "b": }\n');
    write('list.yaml', '- 1\n- 2\n');
    write('empty.yaml', '');
    const y = (config: Record<string, unknown>) => yamlParse.run(config, stepContext(wt));
    await expect(y({ path: 'v.yaml', outputs: [] })).rejects.toThrow(
      'yaml-parse: config.outputs: is required',
    );
    await expect(
      y({ path: 'v.yaml', outputs: [{ name: 'x', fromExpression: 'image.' }] }),
    ).rejects.toThrow(/yaml-parse: config\.outputs\[0\]\.fromExpression: /);
    await expect(
      y({ path: 'v.yaml', outputs: [{ name: 'x', fromExpression: 'imag.tag' }] }),
    ).rejects.toThrow(
      /yaml-parse: config\.outputs\[0\]\.fromExpression "imag\.tag" on v\.yaml: .*unknown name "imag"/,
    );
    await expect(
      y({
        path: 'v.yaml',
        outputs: [
          { name: 'x', fromExpression: 'a' },
          { name: 'x', fromExpression: 'b' },
        ],
      }),
    ).rejects.toThrow('yaml-parse: config.outputs[1].name: "x" is already an output');
    await expect(
      y({ path: 'bad.yaml', outputs: [{ name: 'x', fromExpression: 'a' }] }),
    ).rejects.toThrow(/yaml-parse: bad\.yaml:\d+:\d+: not valid YAML/);
    await expect(
      y({ path: 'list.yaml', outputs: [{ name: 'x', fromExpression: 'a' }] }),
    ).rejects.toThrow(
      'yaml-parse: path "list.yaml": the document must be a map at the top level, not a list',
    );
    await expect(
      y({ path: 'empty.yaml', outputs: [{ name: 'x', fromExpression: 'a' }] }),
    ).rejects.toThrow('yaml-parse: path "empty.yaml": the file holds no YAML document');
    await expect(
      y({ path: 'nope.yaml', outputs: [{ name: 'x', fromExpression: 'a' }] }),
    ).rejects.toThrow('yaml-parse: path "nope.yaml": no such file');
    await expect(
      jsonParse.run(
        { path: 'bad.json', outputs: [{ name: 'x', fromExpression: 'a' }] },
        stepContext(wt),
      ),
    ).rejects.toThrow('json-parse: bad.json:3:7: not valid JSON: Unexpected number');
    await expect(
      jsonParse.run(
        { path: 'bad2.json', outputs: [{ name: 'x', fromExpression: 'a' }] },
        stepContext(wt),
      ),
    ).rejects.toThrow(/^json-parse: bad2\.json(:\d+:\d+)?: not valid JSON: Unexpected token '}'$/);
  });

  test('paths outside the checkout are refused', async () => {
    writeFileSync(path.join(outside, 'secret.yaml'), 'a: 1\n');
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(wt, 'link.yaml'));
    const outputs = [{ name: 'a', fromExpression: 'a' }];
    await expect(
      yamlParse.run({ path: '../outside/secret.yaml', outputs }, stepContext(wt)),
    ).rejects.toThrow(/yaml-parse: path .*leads outside the checkout/);
    await expect(jsonParse.run({ path: 'link.yaml', outputs }, stepContext(wt))).rejects.toThrow(
      /json-parse: path "link\.yaml": link\.yaml is a symbolic link that leads outside the checkout/,
    );
  });
});

describe('yaml-merge', () => {
  const kargoInputs = () => {
    write('src/charts/my-chart/values.yaml', 'service:\n  enabled: false\n');
    write('src/charts/qa/values.yaml', 'service:\n  enabled: true\n');
    write('src/charts/qa/cluster-a/values.yaml', 'service:\n  type: LoadBalancer\n');
  };
  const kargoConfig = {
    inFiles: [
      './src/charts/my-chart/values.yaml',
      './src/charts/qa/values.yaml',
      './src/charts/qa/cluster-a/values.yaml',
    ],
    outFile: './out/charts/my-chart/values.yaml',
  };

  test("Kargo's example: three values files merged into the stage's", async () => {
    kargoInputs();
    const r = await yamlMerge.run(kargoConfig, stepContext(wt));
    expect(read('out/charts/my-chart/values.yaml')).toBe(
      'service:\n  enabled: true\n  type: LoadBalancer\n',
    );
    expect(r.changed).toEqual(['out/charts/my-chart/values.yaml']);
    expect(r.outputs?.['commitMessage']).toBe(
      'Merged 3 YAML files to ./out/charts/my-chart/values.yaml\n- ./src/charts/my-chart/values.yaml\n- ./src/charts/qa/values.yaml\n- ./src/charts/qa/cluster-a/values.yaml',
    );
    const again = await yamlMerge.run(kargoConfig, stepContext(wt));
    expect(again.changed).toEqual([]);
  });

  test('maps merge, lists and scalars replace, null removes, comments and order of the base stay', async () => {
    write(
      'base.yaml',
      '# base values\nimage:\n  repo: echo # the repo\n  tag: 1.0.0\nports: [80, 443]\nextra:\n  a: 1\nkeep: yes\n',
    );
    write(
      'over.yaml',
      'image:\n  tag: 1.2.0 # bumped\nports:\n  - 8080\nextra: null\nnew:\n  b: 2\ngone: ~\n',
    );
    await yamlMerge.run(
      { inFiles: ['base.yaml', 'over.yaml'], outFile: 'out.yaml' },
      stepContext(wt),
    );
    expect(read('out.yaml')).toBe(
      '# base values\nimage:\n  repo: echo # the repo\n  tag: 1.2.0 # bumped\nports:\n  - 8080\nkeep: yes\nnew:\n  b: 2\n',
    );
  });

  test('a map replaces a scalar and a scalar a map; a file with aliases merges by value', async () => {
    write('a.yaml', 'x: 1\ny:\n  z: 2\n');
    write('b.yaml', 'defaults: &d {r: 1}\nx: {p: 1}\ny: flat\nz: *d\n');
    await yamlMerge.run({ inFiles: ['a.yaml', 'b.yaml'], outFile: 'o.yaml' }, stepContext(wt));
    expect(parseYaml(read('o.yaml'))).toEqual({
      x: { p: 1 },
      y: 'flat',
      defaults: { r: 1 },
      z: { r: 1 },
    });
  });

  test('missing files: an error naming the file, or skipped with ignoreMissingFiles (all missing: empty file)', async () => {
    write('a.yaml', 'a: 1\n');
    await expect(
      yamlMerge.run({ inFiles: ['a.yaml', 'missing.yaml'], outFile: 'o.yaml' }, stepContext(wt)),
    ).rejects.toThrow(
      'yaml-merge: config.inFiles[1]: "missing.yaml": no such file (set ignoreMissingFiles: true to skip missing files)',
    );
    expect(existsSync(path.join(wt, 'o.yaml'))).toBe(false);
    const r = await yamlMerge.run(
      { inFiles: ['a.yaml', 'missing.yaml'], outFile: 'o.yaml', ignoreMissingFiles: true },
      stepContext(wt),
    );
    expect(read('o.yaml')).toBe('a: 1\n');
    expect(r.outputs?.['commitMessage']).toBe('Wrote a.yaml to o.yaml');
    const none = await yamlMerge.run(
      { inFiles: ['missing.yaml'], outFile: 'none.yaml', ignoreMissingFiles: true },
      stepContext(wt),
    );
    expect(read('none.yaml')).toBe('');
    expect(none.outputs).toBeUndefined();
  });

  test('bad input: invalid YAML and multi-document files are named with the field; nothing written', async () => {
    write('a.yaml', 'a: 1\n');
    write('bad.yaml', 'a: [1\n');
    write('multi.yaml', 'a: 1\n---\nb: 2\n');
    await expect(
      yamlMerge.run({ inFiles: ['a.yaml', 'bad.yaml'], outFile: 'o.yaml' }, stepContext(wt)),
    ).rejects.toThrow(/yaml-merge: config\.inFiles\[1\]: bad\.yaml:\d+:\d+: not valid YAML/);
    await expect(
      yamlMerge.run({ inFiles: ['multi.yaml'], outFile: 'o.yaml' }, stepContext(wt)),
    ).rejects.toThrow(
      'yaml-merge: config.inFiles[0]: multi.yaml holds 2 YAML documents (the second starts at line 2)',
    );
    await expect(
      yamlMerge.run({ inFiles: [], outFile: 'o.yaml' }, stepContext(wt)),
    ).rejects.toThrow('yaml-merge: config.inFiles: is required');
    await expect(yamlMerge.run({ inFiles: ['a.yaml'] }, stepContext(wt))).rejects.toThrow(
      'yaml-merge: outFile is required',
    );
    expect(existsSync(path.join(wt, 'o.yaml'))).toBe(false);
  });

  test('paths out of the checkout are refused, for inputs and output', async () => {
    write('a.yaml', 'a: 1\n');
    writeFileSync(path.join(outside, 's.yaml'), 'secret: 1\n');
    symlinkSync(outside, path.join(wt, 'link'));
    await expect(
      yamlMerge.run({ inFiles: ['../outside/s.yaml'], outFile: 'o.yaml' }, stepContext(wt)),
    ).rejects.toThrow(/yaml-merge: config\.inFiles\[0\] .*leads outside the checkout/);
    await expect(
      yamlMerge.run({ inFiles: ['a.yaml'], outFile: 'link/o.yaml' }, stepContext(wt)),
    ).rejects.toThrow(
      /yaml-merge: outFile "link\/o\.yaml": link is a symbolic link that leads outside/,
    );
    await expect(
      yamlMerge.run({ inFiles: ['a.yaml'], outFile: '../o.yaml' }, stepContext(wt)),
    ).rejects.toThrow(ConfigError);
    expect(existsSync(path.join(outside, 'o.yaml'))).toBe(false);
  });
});
