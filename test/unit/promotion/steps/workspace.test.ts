import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { PromotionStep, Stage } from '../../../../src/pipeline/types.js';
import { stepPaths } from '../../../../src/promotion/promote.js';
import {
  mapWorkspacePath,
  runSteps,
  workspacePrefix,
} from '../../../../src/promotion/steps/engine.js';
import { defaultRegistry } from '../../../../src/promotion/steps/registry.js';
import { ConfigError } from '../../../../src/util/errors.js';
import { realTempDir, stepContext } from '../../../support/steps.js';

let wt: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir: wt, cleanup } = realTempDir());
  mkdirSync(path.join(wt, 'env'), { recursive: true });
  writeFileSync(path.join(wt, 'env/values.yaml'), 'image:\n  tag: 1.0.0\n');
});
afterEach(() => cleanup());

const step = (uses: string, config: Record<string, unknown>, as?: string): PromotionStep => ({
  uses,
  config,
  continueOnError: false,
  vars: [],
  ...(as ? { as } : {}),
});

const run = (steps: PromotionStep[]) => {
  const { index: _index, ...ctx } = stepContext(wt);
  return runSteps({ mode: 'direct', vars: [], steps }, ctx, defaultRegistry());
};

const stage = (steps: PromotionStep[]): Stage => ({
  name: 'dev',
  environment: 'dev',
  requestedFreight: [],
  autoPromotion: false,
  promotionTemplate: { mode: 'direct', vars: [], steps },
  verification: [],
});

// The shape of Kargo's own templates: clone the stage branch into ./out, edit under ./out.
const kargoClone = step('git-clone', {
  repoURL: 'https://github.com/acme/gitops.git',
  checkout: [{ branch: 'stage/dev', path: './out' }],
});

describe('Kargo workspace paths', () => {
  test('paths under the git-clone checkout address the stage checkout', async () => {
    const res = await run([
      kargoClone,
      step('yaml-update', {
        path: './out/env/values.yaml',
        updates: [{ key: 'image.tag', value: '${{ imageFrom("ghcr.io/acme/echo").Tag }}' }],
      }),
      step('git-commit', { path: './out', message: 'bump' }),
    ]);
    expect(readFileSync(path.join(wt, 'env/values.yaml'), 'utf8')).toBe('image:\n  tag: 1.2.0\n');
    expect(res.changed).toEqual(['env/values.yaml']);
    expect(res.summary).toEqual(['- env/values.yaml: image.tag 1.0.0 → 1.2.0']);
  });

  test('mapWorkspacePath strips only the checkout prefix', () => {
    expect(mapWorkspacePath('./out/a/b.yaml', 'out')).toBe('a/b.yaml');
    expect(mapWorkspacePath('out', 'out')).toBe('.');
    expect(mapWorkspacePath('./outside/x', 'out')).toBe('./outside/x');
    expect(mapWorkspacePath('env/x', undefined)).toBe('env/x');
  });

  test('several checkouts are refused with the step named', () => {
    const two = step('git-clone', {
      checkout: [
        { branch: 'main', path: './src' },
        { branch: 'stage/dev', path: './out' },
      ],
    });
    expect(() => workspacePrefix([two])).toThrow(ConfigError);
    expect(() => workspacePrefix([two])).toThrow(/step 1 \(git-clone\).*2 checkouts/);
  });

  test('a checkout path that leaves the workspace or is an expression is refused', () => {
    const bad = (p: string) => step('git-clone', { checkout: [{ branch: 'x', path: p }] });
    expect(() => workspacePrefix([bad('../elsewhere')])).toThrow(/leaves the workspace/);
    expect(() => workspacePrefix([bad('${{ vars.dir }}')])).toThrow(/literal path/);
  });

  test('sparse paths follow the mapping; expressions, globs and git-clear need the whole tree', () => {
    expect(
      stepPaths(stage([kargoClone, step('yaml-update', { path: './out/env/values.yaml' })])),
    ).toEqual(['env/values.yaml']);
    expect(stepPaths(stage([step('yaml-update', { path: '${{ vars.f }}' })]))).toBeUndefined();
    expect(
      stepPaths(stage([step('delete', { paths: ['env/*.tmp'], pathsAreGlobs: true })])),
    ).toBeUndefined();
    expect(stepPaths(stage([step('git-clear', { path: '.' })]))).toBeUndefined();
    expect(stepPaths(stage([step('kustomize-set-image', { path: '.' })]))).toBeUndefined();
  });
});

describe('default step aliases', () => {
  test('a step without `as` publishes its outputs as step-<i>, and status() finds it', async () => {
    const res = await run([
      step('compose-output', { answer: 42 }),
      step('compose-output', {
        seen: '${{ outputs["step-0"].answer }}',
        state: '${{ status("step-0") }}',
      }),
    ]);
    expect(res.outputs['step-0']).toEqual({ answer: 42 });
    expect(res.outputs['step-1']).toEqual({ seen: 42, state: 'Succeeded' });
  });
});

describe('git-clear', () => {
  test('empties the checkout but keeps .gantry and .git', async () => {
    mkdirSync(path.join(wt, '.gantry/state/echo'), { recursive: true });
    writeFileSync(path.join(wt, '.gantry/echo.yaml'), 'x');
    mkdirSync(path.join(wt, '.git'));
    writeFileSync(path.join(wt, 'top.txt'), 'x');
    const res = await run([
      kargoClone,
      step('git-clear', { path: './out' }),
      step('compose-output', { ok: true }),
    ]);
    expect(existsSync(path.join(wt, 'env'))).toBe(false);
    expect(existsSync(path.join(wt, 'top.txt'))).toBe(false);
    expect(existsSync(path.join(wt, '.gantry/echo.yaml'))).toBe(true);
    expect(existsSync(path.join(wt, '.git'))).toBe(true);
    expect(res.changed.sort()).toEqual(['env', 'top.txt']);
  });

  test('a path other than the checkout is refused', async () => {
    await expect(run([step('git-clear', { path: './env' })])).rejects.toThrow(
      /git-clear: path "\.\/env": gantry has one checkout/,
    );
  });
});
