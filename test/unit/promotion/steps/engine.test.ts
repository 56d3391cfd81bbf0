import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { evaluate, freightFunctions } from '../../../../src/expr/index.js';
import type { PromotionStep, PromotionTemplate } from '../../../../src/pipeline/types.js';
import { runSteps, stepLabel, type EngineContext } from '../../../../src/promotion/steps/engine.js';
import { defaultRegistry } from '../../../../src/promotion/steps/registry.js';
import type { StepDefinition } from '../../../../src/promotion/steps/types.js';
import { ConfigError } from '../../../../src/util/errors.js';
import { dataFunctions, expressionDataFromEnv } from '../../../../src/promotion/expr-data.js';
import { stepFreight as freight } from '../../../support/steps.js';

let wt: string;
let logs: string[];

beforeEach(() => {
  wt = realpathSync(mkdtempSync(path.join(tmpdir(), 'gantry-engine-')));
  mkdirSync(path.join(wt, 'env', 'dev'), { recursive: true });
  writeFileSync(
    path.join(wt, 'env', 'dev', 'values.yaml'),
    '# dev values\nimage:\n  repository: ghcr.io/acme/echo\n  tag: 1.0.0 # bumped by gantry\n',
  );
  logs = [];
});
afterEach(() => rmSync(wt, { recursive: true, force: true }));

function ctx(over: Partial<EngineContext> = {}): EngineContext {
  const f = freight();
  return {
    worktree: wt,
    project: 'echo',
    stage: 'dev',
    freight: f,
    freightCollection: [f],
    fetch: () => Promise.reject(new Error('no network')),
    log: (l) => logs.push(l),
    ...over,
  };
}

function step(uses: string, config: Record<string, unknown>, over: Partial<PromotionStep> = {}) {
  return { uses, config, continueOnError: false, vars: [], ...over } satisfies PromotionStep;
}

function template(steps: PromotionStep[], vars: PromotionTemplate['vars'] = []): PromotionTemplate {
  return { mode: 'direct', vars, steps };
}

const values = () => readFileSync(path.join(wt, 'env/dev/values.yaml'), 'utf8');

describe('runSteps: expressions', () => {
  test('imageFrom in a yaml-update value, with template vars chaining', async () => {
    const res = await runSteps(
      template(
        [
          step(
            'yaml-update',
            {
              path: '${{ vars.file }}',
              updates: [{ key: 'image.tag', value: '${{ imageFrom(vars.image).Tag }}' }],
            },
            { as: 'update-image' },
          ),
        ],
        [
          { name: 'image', value: 'ghcr.io/acme/echo' },
          { name: 'dir', value: 'env/${{ ctx.stage }}' },
          { name: 'file', value: '${{ vars.dir }}/values.yaml' },
        ],
      ),
      ctx(),
      defaultRegistry(),
    );
    expect(values()).toBe(
      '# dev values\nimage:\n  repository: ghcr.io/acme/echo\n  tag: 1.2.0 # bumped by gantry\n',
    );
    expect(res.changed).toEqual(['env/dev/values.yaml']);
    expect(res.summary).toEqual(['- env/dev/values.yaml: image.tag 1.0.0 → 1.2.0']);
    expect(res.outputs['update-image']?.['commitMessage']).toBe(
      'Updated env/dev/values.yaml\n\n- image.tag: 1.2.0',
    );
    expect(res.statuses).toEqual(['Succeeded']);
  });

  test('step vars see template vars and earlier step vars, and shadow template vars', async () => {
    const res = await runSteps(
      template(
        [
          step(
            'compose-output',
            { a: '${{ vars.x }}', b: '${{ vars.y }}', c: '${{ vars.z }}' },
            {
              as: 'out',
              vars: [
                { name: 'y', value: '${{ vars.x }}-step' },
                { name: 'x', value: 'shadowed' },
                { name: 'z', value: '${{ vars.x }}' },
              ],
            },
          ),
        ],
        [{ name: 'x', value: 'tmpl' }],
      ),
      ctx(),
      defaultRegistry(),
    );
    expect(res.outputs['out']).toEqual({ a: 'shadowed', b: 'tmpl-step', c: 'shadowed' });
  });

  test('ctx, outputs between steps, chartFrom, commitFrom, warehouse', async () => {
    const res = await runSteps(
      template([
        step(
          'compose-output',
          {
            tag: '${{ imageFrom("ghcr.io/acme/echo", warehouse("echo")).Tag }}',
            chart: '${{ chartFrom("https://charts.example.com", "echo").Version }}',
            commit: '${{ commitFrom("https://github.com/acme/config").ID }}',
            who: '${{ ctx.project }}/${{ ctx.stage }}/${{ ctx.targetFreight.alias }}/${{ ctx.targetFreight.origin.name }}',
            id: '${{ ctx.targetFreight.name }}',
          },
          { as: 'first' },
        ),
        step(
          'compose-output',
          { msg: 'deploy ${{ outputs.first.tag }} (chart ${{ outputs["first"].chart }})' },
          { as: 'second' },
        ),
      ]),
      ctx(),
      defaultRegistry(),
    );
    expect(res.outputs['first']).toEqual({
      tag: '1.2.0',
      chart: '0.3.1',
      commit: 'c'.repeat(40),
      who: 'echo/dev/lucky-jaguar/echo',
      id: 'f'.repeat(40),
    });
    expect(res.outputs['second']).toEqual({ msg: 'deploy 1.2.0 (chart 0.3.1)' });
  });

  test('if skips a step when false and runs it when true', async () => {
    const res = await runSteps(
      template([
        step('compose-output', { v: 1 }, { as: 'a', if: '${{ ctx.stage == "prod" }}' }),
        step('compose-output', { v: 2 }, { as: 'b', if: '${{ ctx.stage == "dev" }}' }),
        step('compose-output', { v: 3 }, { as: 'c', if: 'vars.none == nil' }),
      ]),
      ctx(),
      defaultRegistry(),
    );
    expect(res.statuses).toEqual(['Skipped', 'Succeeded', 'Succeeded']);
    expect(Object.keys(res.outputs)).toEqual(['b', 'c']);
  });

  test('if must be a boolean', async () => {
    await expect(
      runSteps(
        template([step('compose-output', {}, { if: '${{ "yes" }}' })]),
        ctx(),
        defaultRegistry(),
      ),
    ).rejects.toThrow(/step 1 \(compose-output\): if: .*must evaluate to a boolean/);
  });

  test('without git-clone, the git-commit message becomes the commit message; messageFromSteps joins outputs', async () => {
    const res = await runSteps(
      template([
        step(
          'yaml-update',
          {
            path: 'env/dev/values.yaml',
            updates: [{ key: 'image.tag', value: '2.0.0' }],
          },
          { as: 'u' },
        ),
        step('git-commit', {
          path: './out',
          message: '${{ ctx.stage }}: ${{ outputs.u.commitMessage }}',
        }),
      ]),
      ctx(),
      defaultRegistry(),
    );
    expect(res.commitMessage).toBe('dev: Updated env/dev/values.yaml\n\n- image.tag: 2.0.0');
    const res2 = await runSteps(
      template([
        step('compose-output', { commitMessage: 'one' }, { as: 'a' }),
        step('compose-output', { commitMessage: 'two' }, { as: 'b' }),
        step('git-commit', { path: './out', messageFromSteps: ['a', 'b'] }),
      ]),
      ctx(),
      defaultRegistry(),
    );
    expect(res2.commitMessage).toBe('one\n\ntwo');
  });
});

describe("runSteps: retry (Kargo's errorThreshold and timeout)", () => {
  const flaky = (failures: number, calls: { n: number }): StepDefinition => ({
    name: 'flaky',
    schema: { type: 'object' },
    run() {
      calls.n++;
      return calls.n <= failures
        ? Promise.reject(new Error(`connection reset (${calls.n})`))
        : Promise.resolve({ outputs: { tries: calls.n } });
    },
  });
  const timed = () => {
    const waits: number[] = [];
    let now = 0;
    return {
      waits,
      over: {
        clock: () => new Date(now),
        sleep: (ms: number) => {
          waits.push(ms);
          now += ms;
          return Promise.resolve();
        },
      },
    };
  };

  test('a step is tried again until it has failed errorThreshold times in a row', async () => {
    const calls = { n: 0 };
    const t = timed();
    const res = await runSteps(
      template([step('flaky', {}, { as: 'f', retry: { errorThreshold: 3 } })]),
      ctx(t.over),
      new Map([['flaky', flaky(2, calls)]]),
    );
    expect(res.outputs['f']).toEqual({ tries: 3 });
    expect(t.waits).toEqual([1000, 2000]);
    expect(logs).toContain(
      'step 1 (flaky "f"): failed (1 of 3): connection reset (1); trying again in 1s',
    );

    const again = { n: 0 };
    await expect(
      runSteps(
        template([step('flaky', {}, { retry: { errorThreshold: 2 } })]),
        ctx(timed().over),
        new Map([['flaky', flaky(5, again)]]),
      ),
    ).rejects.toThrow('step 1 (flaky): connection reset (2)');
    expect(again.n).toBe(2);
  });

  test('without retry a failure is final, and configuration errors are never retried', async () => {
    const calls = { n: 0 };
    await expect(
      runSteps(
        template([step('flaky', {})]),
        ctx(timed().over),
        new Map([['flaky', flaky(1, calls)]]),
      ),
    ).rejects.toThrow('connection reset (1)');
    expect(calls.n).toBe(1);
    await expect(
      runSteps(
        template([
          step(
            'yaml-update',
            { path: 'missing.yaml', updates: [{ key: 'a', value: 1 }] },
            { retry: { errorThreshold: 5 } },
          ),
        ]),
        ctx(timed().over),
        defaultRegistry(),
      ),
    ).rejects.toThrow(ConfigError);
    expect(logs.some((l) => l.includes('trying again'))).toBe(false);
  });
});

describe('runSteps: errors', () => {
  test('errors name the step, its alias and what failed', async () => {
    const err = await runSteps(
      template([
        step('compose-output', {}),
        step(
          'yaml-update',
          { path: 'env/prod/values.yaml', updates: [{ key: 'image.tag', value: '1' }] },
          { as: 'update-image' },
        ),
      ]),
      ctx(),
      defaultRegistry(),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toBe(
      'step 2 (yaml-update "update-image"): yaml-update: path "env/prod/values.yaml": no such file',
    );
  });

  test('unknown step: ConfigError with a did-you-mean', async () => {
    const err = await runSteps(template([step('yaml-updte', {})]), ctx(), defaultRegistry()).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(
      /^step 1 \(yaml-updte\): unknown step "yaml-updte" \(did you mean "yaml-update"\?\)/,
    );
  });

  test('expression errors in config name the step and the config', async () => {
    await expect(
      runSteps(
        template([step('compose-output', { a: '${{ imageFrom("nope/nope").Tag }}' }, { as: 'x' })]),
        ctx(),
        defaultRegistry(),
      ),
    ).rejects.toThrow(
      /step 1 \(compose-output "x"\): config: a: cannot fetch Tag from nil at 1:25 in \$\{\{ imageFrom\("nope\/nope"\).Tag \}\}/,
    );
    expect(logs).toContain(
      'imageFrom(): the freight collection has no image from "nope/nope"; returning nil',
    );
  });

  test('continueOnError records the failure and goes on; success() and failure() do not count it, status() does', async () => {
    const res = await runSteps(
      template([
        step(
          'yaml-update',
          { path: 'missing.yaml', updates: [{ key: 'a', value: 1 }] },
          {
            as: 'bad',
            continueOnError: true,
          },
        ),
        step('compose-output', { ok: true }, { as: 'next' }),
        step(
          'compose-output',
          { failed: '${{ failure() }}', st: '${{ status("bad") }}' },
          { as: 'check' },
        ),
      ]),
      ctx(),
      defaultRegistry(),
    );
    expect(res.statuses).toEqual(['Errored', 'Succeeded', 'Succeeded']);
    expect(res.errors).toEqual([
      {
        index: 0,
        uses: 'yaml-update',
        alias: 'bad',
        message: 'step 1 (yaml-update "bad"): yaml-update: path "missing.yaml": no such file',
      },
    ]);
    // Kargo's HasFailures skips steps with continueOnError; status(alias) still says Errored.
    expect(res.outputs['check']).toEqual({ failed: false, st: 'Errored' });
  });

  test("Kargo's promotion-templates example: a failure allowed by continueOnError leaves success() true", async () => {
    const ran: string[] = [];
    const registry = defaultRegistry();
    registry.set('probe', {
      name: 'probe',
      schema: { type: 'object' },
      run: (config) => {
        ran.push(String(config['id']));
        return Promise.resolve({});
      },
    });
    registry.set('boom', {
      name: 'boom',
      schema: { type: 'object' },
      run: () => Promise.reject(new Error('kaput')),
    });
    const res = await runSteps(
      template([
        step('boom', {}, { continueOnError: true }),
        step('probe', { id: 'always' }, { if: '${{ always() }}' }),
        step('probe', { id: 'failure' }, { if: '${{ failure() }}' }),
        step('probe', { id: 'success' }, { if: '${{ success() }}' }),
        step('probe', { id: 'default' }),
      ]),
      ctx(),
      registry,
    );
    expect(ran).toEqual(['always', 'success', 'default']);
    expect(res.statuses).toEqual(['Errored', 'Succeeded', 'Skipped', 'Succeeded', 'Succeeded']);
  });

  test('a hard failure still turns success() false and failure() true', async () => {
    const registry = defaultRegistry();
    registry.set('boom', {
      name: 'boom',
      schema: { type: 'object' },
      run: () => Promise.reject(new Error('kaput')),
    });
    const seen: unknown[] = [];
    registry.set('probe', {
      name: 'probe',
      schema: { type: 'object' },
      run: (config) => {
        seen.push(config);
        return Promise.resolve({});
      },
    });
    await expect(
      runSteps(
        template([
          step('boom', {}, { continueOnError: true }),
          step('boom', {}),
          step(
            'probe',
            { s: '${{ success() }}', f: '${{ failure() }}' },
            { if: '${{ always() }}' },
          ),
        ]),
        ctx(),
        registry,
      ),
    ).rejects.toThrow(/^step 2 \(boom\): kaput$/);
    expect(seen).toEqual([{ s: false, f: true }]);
  });

  test('after a hard failure later steps are skipped unless their if says so; the first error is thrown', async () => {
    const ran: string[] = [];
    const registry = defaultRegistry();
    const probe: StepDefinition = {
      name: 'probe',
      schema: { type: 'object' },
      run: (config) => {
        ran.push(String(config['id']));
        return Promise.resolve({});
      },
    };
    const boom: StepDefinition = {
      name: 'boom',
      schema: { type: 'object' },
      run: () => Promise.reject(new Error('kaput')),
    };
    registry.set('probe', probe).set('boom', boom);
    await expect(
      runSteps(
        template([
          step('boom', {}),
          step('probe', { id: 'default' }),
          step('probe', { id: 'cleanup' }, { if: '${{ failure() }}' }),
          step('probe', { id: 'always' }, { if: '${{ always() }}' }),
        ]),
        ctx(),
        registry,
      ),
    ).rejects.toThrow(/^step 1 \(boom\): kaput$/);
    expect(ran).toEqual(['cleanup', 'always']);
  });

  test('path safety applies to rendered paths', async () => {
    await expect(
      runSteps(
        template([step('copy', { inPath: 'env', outPath: '${{ "../" + ctx.stage }}' })]),
        ctx(),
        defaultRegistry(),
      ),
    ).rejects.toThrow(/step 1 \(copy\): copy: outPath "..\/dev": leads outside the checkout/);
  });
});

describe('freight functions', () => {
  const a = freight();
  const b = freight({
    id: 'b'.repeat(40),
    origin: { kind: 'Warehouse', name: 'other' },
    images: [{ repoURL: 'ghcr.io/acme/echo', tag: '9.9.9', digest: 'sha256:999' }],
    charts: [{ repoURL: 'oci://ghcr.io/acme/charts/echo', name: '', version: '1.0.0' }],
    commits: [],
  });
  const functions = freightFunctions([a, b]);
  const ev = (s: string) => evaluate(s, {}, { functions });

  test('shapes (Kargo field names)', () => {
    expect(ev('imageFrom("ghcr.io/acme/echo", warehouse("echo"))')).toEqual({
      RepoURL: 'ghcr.io/acme/echo',
      Tag: '1.2.0',
      Digest: 'sha256:abc',
    });
    expect(ev('chartFrom("oci://ghcr.io/acme/charts/echo")')).toEqual({
      RepoURL: 'oci://ghcr.io/acme/charts/echo',
      Name: '',
      Version: '1.0.0',
    });
    expect(ev('chartFrom("https://charts.example.com", "echo", warehouse("echo")).Version')).toBe(
      '0.3.1',
    );
    expect(ev('commitFrom("https://github.com/acme/config.git")')).toEqual({
      RepoURL: 'https://github.com/acme/config.git',
      ID: 'c'.repeat(40),
      Branch: 'main',
      Tag: '',
      Message: 'bump',
      Author: 'A <a@example.com>',
      Committer: '',
    });
    expect(ev('warehouse("echo")')).toEqual({ Kind: 'Warehouse', Name: 'echo' });
  });

  test('ambiguous without an origin is an error asking for warehouse()', () => {
    expect(() => ev('imageFrom("ghcr.io/acme/echo")')).toThrow(/pass warehouse\("name"\)/);
  });

  test('absent: nil, so ?. and ?? work', () => {
    expect(ev('imageFrom("ghcr.io/acme/none")')).toBeNull();
    expect(ev('imageFrom("ghcr.io/acme/none")?.Tag ?? "latest"')).toBe('latest');
    expect(ev('imageFrom("ghcr.io/acme/echo", warehouse("nope"))')).toBeNull();
  });

  test('argument checks', () => {
    expect(() => ev('imageFrom(1)')).toThrow(/argument 1 must be string/);
    expect(() => ev('imageFrom("x", "y")')).toThrow(/must be map/);
    expect(() => ev('chartFrom("x", {"a": 1})')).toThrow(/warehouse\(name\)/);
  });

  test('stepLabel', () => {
    expect(stepLabel({ uses: 'copy' }, 0)).toBe('step 1 (copy)');
    expect(stepLabel({ uses: 'yaml-update', as: 'update-image' }, 1)).toBe(
      'step 2 (yaml-update "update-image")',
    );
  });
});

describe("Kargo's ctx: promotion, meta, uiBaseUrl", () => {
  test('the promotion, who promotes, rollback, the run page and each step its own alias', async () => {
    const res = await runSteps(
      template(
        [
          step(
            'compose-output',
            {
              promotion: '${{ ctx.promotion }}',
              actor: '${{ ctx.meta.promotion.actor }}',
              rollback: '${{ ctx.meta.promotion.rollback }}',
              ui: '${{ ctx.uiBaseUrl }}',
              alias: '${{ ctx.meta.step.alias }}',
              fromTemplateVar: '${{ vars.mine }}',
            },
            { as: 'first' },
          ),
          step('compose-output', {
            alias: '${{ ctx.meta.step.alias }}',
            fromTemplateVar: '${{ vars.mine }}',
          }),
        ],
        [{ name: 'mine', value: 'alias-${{ ctx.meta.step.alias }}' }],
      ),
      ctx({
        promotion: 'dev.abc.1234567',
        actor: 'alice',
        rollback: true,
        uiBaseUrl: 'https://github.com/acme/gitops/actions/runs/42',
      }),
      defaultRegistry(),
    );
    expect(res.outputs['first']).toEqual({
      promotion: 'dev.abc.1234567',
      actor: 'alice',
      rollback: true,
      ui: 'https://github.com/acme/gitops/actions/runs/42',
      alias: 'first',
      fromTemplateVar: 'alias-first',
    });
    expect(res.outputs['step-2']).toEqual({ alias: 'step-2', fromTemplateVar: 'alias-step-2' });
  });

  test('without them: a fresh promotion name shared by the steps, no actor, no rollback, no page', async () => {
    const res = await runSteps(
      template([
        step(
          'compose-output',
          {
            p: '${{ ctx.promotion }}',
            actor: '${{ quote(ctx.meta.promotion.actor) }}',
            rollback: '${{ ctx.meta.promotion.rollback }}',
            ui: '${{ quote(ctx.uiBaseUrl) }}',
          },
          { as: 'a' },
        ),
        step('compose-output', { p: '${{ ctx.promotion }}' }, { as: 'b' }),
      ]),
      ctx(),
      defaultRegistry(),
    );
    const p = res.outputs['a']?.['p'];
    expect(p).toMatch(/^dev\.[0-9a-z]+\.[0-9a-f]{7}$/);
    expect(res.outputs['b']?.['p']).toBe(p);
    expect(res.outputs['a']).toMatchObject({ actor: '', rollback: false, ui: '' });
  });
});

describe('secret(), sharedSecret(), configMap(), sharedConfigMap()', () => {
  const SECRET = 'hunter2-s3cr3t-value';
  const data = expressionDataFromEnv({
    GANTRY_SECRET_DB: JSON.stringify({ user: 'app', password: SECRET }),
    GANTRY_SHARED_SECRET_SLACK_BOT__token: 'xoxb-shared-token',
    GANTRY_CONFIGMAP_APP: '{"region": "eu-west-1", "replicas": 3}',
    GANTRY_SHARED_CONFIGMAP_ORG__domain: 'acme.example',
  });

  test('read what the workflow provides; a name nothing provides is an empty map, with a hint', async () => {
    const res = await runSteps(
      template([
        step(
          'compose-output',
          {
            user: "${{ secret('db').user }}",
            token: "${{ sharedSecret('slack-bot').token }}",
            region: "${{ configMap('app').region }}",
            replicas: "${{ configMap('app').replicas }}",
            domain: "${{ sharedConfigMap('org').domain }}",
            missing: "${{ secret('nope').key ?? 'none' }}",
            empty: "${{ len(configMap('nope')) }}",
          },
          { as: 'c' },
        ),
      ]),
      ctx({ data }),
      defaultRegistry(),
    );
    expect(res.outputs['c']).toEqual({
      user: 'app',
      token: 'xoxb-shared-token',
      region: 'eu-west-1',
      replicas: 3,
      domain: 'acme.example',
      missing: 'none',
      empty: 0,
    });
    expect(logs).toContain(
      `secret("nope"): nothing provides it, so it is empty; set GANTRY_SECRET_NOPE (a JSON object) or GANTRY_SECRET_NOPE__<KEY> in the promote step's env`,
    );
  });

  test('a secret a step writes into a file stays there, but never reaches the summary, the log or an error', async () => {
    const registry = defaultRegistry();
    registry.set('leak', {
      name: 'leak',
      schema: { type: 'object' },
      run: (config, c) => {
        c.log(`about to use ${String(config['v'])}`);
        return Promise.reject(new Error(`server said: bad password ${String(config['v'])}`));
      },
    });
    const res = await runSteps(
      template([
        step('yaml-update', {
          path: 'env/dev/values.yaml',
          updates: [{ key: 'image.tag', value: "${{ secret('db').password }}" }],
        }),
        step('leak', { v: "${{ secret('db').password }}" }, { continueOnError: true }),
      ]),
      ctx({ data }),
      registry,
    );
    expect(values()).toContain(`tag: ${SECRET}`);
    expect(res.summary).toEqual(['- env/dev/values.yaml: image.tag 1.0.0 → ***']);
    expect(res.errors[0]?.message).toBe('step 2 (leak): server said: bad password ***');
    expect(logs.join('\n')).not.toContain(SECRET);
    expect(logs).toContain('about to use ***');

    await expect(
      runSteps(
        template([step('leak', { v: "${{ secret('db').password }}" })]),
        ctx({ data }),
        registry,
      ),
    ).rejects.toThrow(/^step 1 \(leak\): server said: bad password \*\*\*$/);
  });

  test('a commit message, tag or pull request holding a secret is refused before anything is written', async () => {
    await expect(
      runSteps(
        template([step('git-commit', { message: "deploy with ${{ secret('db').password }}" })]),
        ctx({ data }),
        defaultRegistry(),
      ),
    ).rejects.toThrow(
      /^step 1 \(git-commit\): git-commit: message holds the value of a secret \(secret\(\) or sharedSecret\(\)\); .*Nothing was written$/,
    );
    await expect(
      runSteps(
        template([
          step(
            'yaml-update',
            {
              path: 'env/dev/values.yaml',
              updates: [{ key: 'image.tag', value: "${{ sharedSecret('slack-bot').token }}" }],
            },
            { as: 'up' },
          ),
          step('git-commit', { messageFromSteps: ['up'] }),
        ]),
        ctx({ data }),
        defaultRegistry(),
      ),
    ).rejects.toThrow(/git-commit: the commitMessage of step up holds the value of a secret/);
    // A config map is no secret: it may go into a message.
    const ok = await runSteps(
      template([step('git-commit', { message: "region ${{ configMap('app').region }}" })]),
      ctx({ data }),
      defaultRegistry(),
    );
    expect(ok.commitMessage).toBe('region eu-west-1');
  });
});

describe('expressionDataFromEnv', () => {
  test('whole maps and single keys merge, single keys winning; names normalized; other variables ignored', () => {
    const d = expressionDataFromEnv({
      GANTRY_SECRET_MY_CREDS__password: 'from-key',
      GANTRY_SECRET_MY_CREDS: '{"username": "u", "password": "from-json"}',
      GANTRY_SECRETS: 'not ours',
      GANTRY_SECRET_X: undefined,
      PATH: '/bin',
    });
    expect(d.secrets).toEqual({ MY_CREDS: { username: 'u', password: 'from-key' } });
    expect(dataFunctions(d).secret?.(['my-creds'], undefined as never)).toEqual({
      username: 'u',
      password: 'from-key',
    });
    expect(dataFunctions(d).secret?.(['my.creds'], undefined as never)).toEqual({
      username: 'u',
      password: 'from-key',
    });
    expect(d.sharedSecrets).toEqual({});
  });

  test.each([
    ['not json at all: s3cr3t-value'],
    ['["s3cr3t-value"]'],
    ['{"nested": {"a": "s3cr3t-value"}}'],
  ])('a whole map that is not a JSON object of scalars is refused without its value: %s', (raw) => {
    let message = '';
    try {
      expressionDataFromEnv({ GANTRY_SECRET_DB: raw });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    expect(message).toBe(
      'environment variable GANTRY_SECRET_DB must hold a JSON object of keys to strings (secret() reads it), like {"token": "…"}; for a single value use GANTRY_SECRET_DB__<KEY>',
    );
  });

  test('a malformed name is refused', () => {
    expect(() => expressionDataFromEnv({ GANTRY_CONFIGMAP_APP__: 'x' })).toThrow(
      'environment variable GANTRY_CONFIGMAP_APP__: expected GANTRY_CONFIGMAP_<NAME> (a JSON object) or GANTRY_CONFIGMAP_<NAME>__<KEY> (one value)',
    );
  });
});
