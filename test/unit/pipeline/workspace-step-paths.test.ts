import { describe, expect, test } from 'vitest';
import { planWorkspace } from '../../../src/pipeline/workspace.js';
import { stepPaths } from '../../../src/promotion/promote.js';
import type { Stage } from '../../../src/pipeline/types.js';

const clone = {
  uses: 'git-clone',
  config: {
    repoURL: 'https://github.com/acme/gitops.git',
    checkout: [{ branch: 'stage/dev', create: true, path: './out' }],
  },
};

describe('paths of the steps Kargo added: yaml-merge inFiles/outFile, http bodyFromFile', () => {
  test('lint: each is checked against the checkouts, at its field', () => {
    const plan = planWorkspace('p', {
      name: 'dev',
      promotionTemplate: {
        steps: [
          clone,
          {
            uses: 'yaml-merge',
            config: { inFiles: ['./out/a.yaml', './src/b.yaml'], outFile: './elsewhere/c.yaml' },
          },
          { uses: 'http', config: { url: 'https://x', method: 'POST', bodyFromFile: 'tmp/body' } },
          { uses: 'git-push', config: { path: './out' } },
        ],
      },
    });
    expect(plan.problems.map((p) => [p.at.join('.'), p.message.replace(/^.*?: /, '')])).toEqual([
      [
        'promotionTemplate.steps.1.config.inFiles.1',
        'inFiles[1] "./src/b.yaml" is outside every checkout (checkouts made before this step: ./out), and no step before it writes it there',
      ],
      [
        'promotionTemplate.steps.2.config.bodyFromFile',
        'bodyFromFile "tmp/body" is outside every checkout (checkouts made before this step: ./out), and no step before it writes it there',
      ],
      // A written file outside the checkouts is the workspace's scratch space: a problem only
      // when nothing reads it later (told once every step has been seen).
      [
        'promotionTemplate.steps.1.config.outFile',
        'outFile "./elsewhere/c.yaml" is outside every checkout (checkouts made before this step: ./out), and no later step reads it: it would be lost with the workspace; write it into a checkout',
      ],
    ]);
  });

  test("the short form's sparse checkout includes them", () => {
    const stage = {
      promotionTemplate: {
        steps: [
          {
            uses: 'yaml-merge',
            config: { inFiles: ['./base/v.yaml', 'env/dev/o.yaml'], outFile: './out/v.yaml' },
          },
          {
            uses: 'http',
            config: { url: 'https://x', method: 'POST', bodyFromFile: './payload/b.json' },
          },
        ],
      },
    } as unknown as Stage;
    expect(stepPaths(stage)).toEqual([
      'out/v.yaml',
      'base/v.yaml',
      'env/dev/o.yaml',
      'payload/b.json',
    ]);
  });
});
