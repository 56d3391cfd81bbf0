import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { PromotionStep, PromotionTemplate } from '../../../../src/pipeline/types.js';
import { runSteps, type EngineContext } from '../../../../src/promotion/steps/engine.js';
import { defaultRegistry } from '../../../../src/promotion/steps/registry.js';
import { tomlParse } from '../../../../src/promotion/steps/toml-parse.js';
import { tomlUpdate } from '../../../../src/promotion/steps/toml-update.js';
import { setTomlValues } from '../../../../src/promotion/toml-edit.js';
import { ConfigError } from '../../../../src/util/errors.js';
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

function engineCtx(): EngineContext {
  const f = stepFreight();
  return {
    worktree: wt,
    project: 'echo',
    stage: 'dev',
    freight: f,
    freightCollection: [f],
    fetch: () => Promise.reject(new Error('no network')),
    log: () => {},
  };
}

const step = (uses: string, config: Record<string, unknown>, over: Partial<PromotionStep> = {}) =>
  ({ uses, config, continueOnError: false, vars: [], ...over }) satisfies PromotionStep;
const template = (steps: PromotionStep[]): PromotionTemplate => ({
  mode: 'direct',
  vars: [],
  steps,
});

describe('toml-parse', () => {
  test("Kargo's example: imageTag from image.tag of config.toml", async () => {
    write('src/config.toml', '[image]\ntag = "v1.2.3"\n\n[rbac]\ninstallClusterRoles = true\n');
    const r = await runSteps(
      template([
        step(
          'toml-parse',
          {
            path: './src/config.toml',
            outputs: [{ name: 'imageTag', fromExpression: 'image.tag' }],
          },
          { as: 'values' },
        ),
        step('compose-output', { tag: '${{ outputs.values.imageTag }}' }, { as: 'seen' }),
      ]),
      engineCtx(),
      defaultRegistry(),
    );
    expect(r.outputs['values']).toEqual({ imageTag: 'v1.2.3' });
    expect(r.outputs['seen']).toEqual({ tag: 'v1.2.3' });
  });

  test('types: integers, floats, booleans, arrays of tables; dates as their TOML text', async () => {
    write(
      'c.toml',
      'n = 42\nf = 1.5\nok = false\nwhen = 1979-05-27T07:32:00Z\nday = 1979-05-27\n[[svc]]\nport = 80\n[[svc]]\nport = 81\n',
    );
    const r = await tomlParse.run(
      {
        path: 'c.toml',
        outputs: [
          { name: 'n', fromExpression: 'n + 1' },
          { name: 'f', fromExpression: 'f' },
          { name: 'ok', fromExpression: '!ok' },
          { name: 'when', fromExpression: 'when' },
          { name: 'day', fromExpression: 'day' },
          { name: 'port', fromExpression: 'svc[1].port' },
        ],
      },
      stepContext(wt),
    );
    expect(r.outputs).toEqual({
      n: 43,
      f: 1.5,
      ok: true,
      when: '1979-05-27T07:32:00.000Z',
      day: '1979-05-27',
      port: 81,
    });
  });

  test('bad TOML names the file, line and column; a path outside the checkout is refused', async () => {
    write('bad.toml', 'a = 1\nkey = \n');
    await expect(
      tomlParse.run(
        { path: 'bad.toml', outputs: [{ name: 'a', fromExpression: 'a' }] },
        stepContext(wt),
      ),
    ).rejects.toThrow(/^toml-parse: bad\.toml:2:7: not valid TOML: invalid value/);
    writeFileSync(path.join(outside, 'x.toml'), 'a = 1\n');
    symlinkSync(outside, path.join(wt, 'link'));
    for (const p of ['../outside/x.toml', '/etc/hosts', 'link/x.toml']) {
      await expect(
        tomlParse.run({ path: p, outputs: [{ name: 'a', fromExpression: 'a' }] }, stepContext(wt)),
      ).rejects.toThrow(ConfigError);
    }
  });
});

describe('toml-update', () => {
  test("Kargo's example: image.tag of settings.toml from imageFrom(), comments and order kept", async () => {
    const before = [
      '# settings for the app',
      'name = "echo"   # the service',
      '',
      '[image]',
      '# which build runs',
      'tag = "1.0.0" # bumped by promotions',
      'pullPolicy = "IfNotPresent"',
      '',
      '[zeta]',
      'a = 1',
      '',
    ].join('\n');
    write('src/configs/settings.toml', before);
    const r = await runSteps(
      template([
        step(
          'toml-update',
          {
            path: './src/configs/settings.toml',
            updates: [{ key: 'image.tag', value: '${{ imageFrom("ghcr.io/acme/echo").Tag }}' }],
          },
          { as: 'up' },
        ),
      ]),
      engineCtx(),
      defaultRegistry(),
    );
    const tag = stepFreight().images[0]?.tag ?? '';
    expect(tag).not.toBe('');
    expect(read('src/configs/settings.toml')).toBe(
      before.replace('tag = "1.0.0" # bumped', `tag = '${tag}' # bumped`),
    );
    expect(r.outputs['up']).toEqual({
      commitMessage: `Updated src/configs/settings.toml\n\n- image.tag: '${tag}'`,
    });
  });

  test("Kargo's run case: three updates, outputs commitMessage in update order", async () => {
    write(
      'config.toml',
      'threshold = 1\n\n[package]\nversion = "1.0.0"\n\n[features]\nnewFeature = false\n',
    );
    const r = await tomlUpdate.run(
      {
        path: 'config.toml',
        updates: [
          { key: 'package.version', value: '1.0.1' },
          { key: 'features.newFeature', value: true },
          { key: 'threshold', value: 100 },
        ],
      },
      stepContext(wt),
    );
    expect(r.outputs).toEqual({
      commitMessage:
        "Updated config.toml\n\n- package.version: '1.0.1'\n- features.newFeature: true\n- threshold: 100",
    });
    expect(read('config.toml')).toBe(
      "threshold = 100\n\n[package]\nversion = '1.0.1'\n\n[features]\nnewFeature = true\n",
    );
    expect(r.changed).toEqual(['config.toml']);
    expect(r.summary).toEqual([
      '- config.toml: package.version 1.0.0 → 1.0.1',
      '- config.toml: features.newFeature false → true',
      '- config.toml: threshold 1 → 100',
    ]);
  });

  // The key forms of Kargo's reference page ("Writing Keys") and its edit cases.
  test.each([
    [
      '[package]\nversion = "1.0.0"\n',
      'package.version',
      '2.0.0',
      "[package]\nversion = '2.0.0'\n",
    ],
    [
      '[labels]\n"example.com/version" = "1.0.0"\n',
      'labels.example\\.com/version',
      '2.0.0',
      '[labels]\n"example.com/version" = \'2.0.0\'\n',
    ],
    ['values = [1, 2, 3]\n', 'values.1', 42, 'values = [1, 42, 3]\n'],
    ['[a.b]\nc = 1\n', 'a.b.c', 99, '[a.b]\nc = 99\n'],
    [
      'service = { name = "api", port = 8080 }\n',
      'service.port',
      9090,
      'service = { name = "api", port = 9090 }\n',
    ],
    [
      '[[services]]\nname = "api"\nport = 8080\n\n[[services]]\nname = "web"\nport = 8081\n',
      'services.1.port',
      9090,
      '[[services]]\nname = "api"\nport = 8080\n\n[[services]]\nname = "web"\nport = 9090\n',
    ],
    [
      'title = "old" # keep me\nactive = true\n',
      'title',
      'new',
      "title = 'new' # keep me\nactive = true\n",
    ],
    ['a.b.c = "x" # dotted\n', 'a.b.c', 'y', "a.b.c = 'y' # dotted\n"],
    ["s = 'x'\n", 's', "it's", 's = "it\'s"\n'],
    ['s = """\nmulti\nline"""\nt = 1\n', 's', 'one\tline', 's = "one\\tline"\nt = 1\n'],
    ['d = 1979-05-27 07:32:00Z # when\n', 'd', '2024-01-01', "d = '2024-01-01' # when\n"],
    ['f = 1.5\n', 'f', 0.25, 'f = 0.25\n'],
    [
      '[[fruit]]\nname = "apple"\n[fruit.physical]\ncolor = "red"\n[[fruit]]\nname = "banana"\n[fruit.physical]\ncolor = "yellow"\n',
      'fruit.1.physical.color',
      'green',
      '[[fruit]]\nname = "apple"\n[fruit.physical]\ncolor = "red"\n[[fruit]]\nname = "banana"\n[fruit.physical]\ncolor = \'green\'\n',
    ],
    [
      'arr = [\n  # first\n  "a", # a\n  "b",\n]\n',
      'arr.1',
      'c',
      'arr = [\n  # first\n  "a", # a\n  \'c\',\n]\n',
    ],
    ['\r\n[x]\r\ny = 1\r\n', 'x.y', 2, '\r\n[x]\r\ny = 2\r\n'],
    ['[ "a.b" . c ]\nd = 1\n', 'a\\.b.c.d', 2, '[ "a.b" . c ]\nd = 2\n'],
    ['x = [{a = 1}, {a = 2}] # c ]\n', 'x.1.a', 5, 'x = [{a = 1}, {a = 5}] # c ]\n'],
    ['s = """a\\"""b"""\nn = 1\n', 'n', 2, 's = """a\\"""b"""\nn = 2\n'],
    ['s = """a"""""\nn = 1\n', 'n', 2, 's = """a"""""\nn = 2\n'],
    [
      "[t]\ns = '''\nraw ' text\n''' # x\nn = 1\n",
      't.n',
      7,
      "[t]\ns = '''\nraw ' text\n''' # x\nn = 7\n",
    ],
    ['n = +1_000\nm = 0xff\n', 'm', 16, 'n = +1_000\nm = 16\n'],
  ])('%j: %s = %j', (before, key, value, after) => {
    expect(setTomlValues(before, [{ key, value }], 'f.toml')).toBe(after);
  });

  test('several updates of one key: the last wins', () => {
    expect(
      setTomlValues(
        'v = 1\n',
        [
          { key: 'v', value: 2 },
          { key: 'v', value: 3 },
        ],
        'f.toml',
      ),
    ).toBe('v = 3\n');
  });

  test('refused: missing keys, tables, arrays, non-scalar values, bad TOML; nothing written', async () => {
    const text = '[service]\nname = "api"\nports = [1, 2]\n';
    write('c.toml', text);
    const run = (key: string, value: unknown) =>
      tomlUpdate.run({ path: 'c.toml', updates: [{ key, value }] }, stepContext(wt));
    await expect(run('missing', 'x')).rejects.toThrow(
      'toml-update: c.toml: key "missing" not found; toml-update only changes keys the file has',
    );
    await expect(run('service', 'x')).rejects.toThrow(
      'toml-update: c.toml:1:1: key "service" addresses a table, not a scalar',
    );
    await expect(run('service.ports', 'x')).rejects.toThrow(/addresses an array, not a scalar/);
    await expect(run('service.name', ['a'])).rejects.toThrow(
      'toml-update: updates[0].value for key "service.name" is not a TOML scalar type',
    );
    await expect(run('service..name', 'x')).rejects.toThrow(/empty key part/);
    expect(read('c.toml')).toBe(text);
    write('bad.toml', 'key = \n');
    await expect(
      tomlUpdate.run({ path: 'bad.toml', updates: [{ key: 'key', value: 1 }] }, stepContext(wt)),
    ).rejects.toThrow(/^toml-update: bad\.toml:1:7: not valid TOML/);
  });

  test('an empty string over a value needs allowEmpty; paths stay in the checkout', async () => {
    write('c.toml', 'tag = "1.0"\n');
    await expect(
      tomlUpdate.run({ path: 'c.toml', updates: [{ key: 'tag', value: '' }] }, stepContext(wt)),
    ).rejects.toThrow(/would become an empty string/);
    expect(read('c.toml')).toBe('tag = "1.0"\n');
    await tomlUpdate.run(
      { path: 'c.toml', updates: [{ key: 'tag', value: '', allowEmpty: true }] },
      stepContext(wt),
    );
    expect(read('c.toml')).toBe("tag = ''\n");
    writeFileSync(path.join(outside, 'x.toml'), 'a = 1\n');
    symlinkSync(outside, path.join(wt, 'link'));
    for (const p of ['../outside/x.toml', 'link/x.toml']) {
      await expect(
        tomlUpdate.run({ path: p, updates: [{ key: 'a', value: 2 }] }, stepContext(wt)),
      ).rejects.toThrow(/outside the checkout/);
    }
    expect(readFileSync(path.join(outside, 'x.toml'), 'utf8')).toBe('a = 1\n');
  });
});
