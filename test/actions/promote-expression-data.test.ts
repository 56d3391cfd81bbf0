/**
 * The promote action hands the job's GANTRY_SECRET_* / GANTRY_CONFIGMAP_* variables to the
 * templates, registers every secret value with the runner (`::add-mask::`, one per value, since
 * the runner masks a JSON secret only whole), and gives the steps the run's actor and page as
 * `ctx.meta.promotion.actor` and `ctx.uiBaseUrl`. Against a real git repository over file://.
 */
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { promoteAction } from '../../src/actions/promote-action.js';
import { makeFreight } from '../support/freight.js';
import { useRunnerFiles } from '../support/action-runner.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { seedFreight } from '../support/seed-freight.js';

const PASSWORD = 'hunter2-action-secret';
const PROJECT = `project: app
warehouses:
  - name: app
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
stages:
  - name: dev
    requestedFreight:
      - origin: {kind: Warehouse, name: app}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: file-write
          config:
            path: env/dev/context.txt
            contents: "\${{ ctx.meta.promotion.actor }} \${{ ctx.uiBaseUrl }} \${{ configMap('app').region }} \${{ len(secret('db').password) }}"
`;

const tmp = tempDir('gantry-action-data-');
afterAll(() => tmp.cleanup());

const runner = useRunnerFiles(tmp.path);

test('secrets are masked one by one, and the steps see the actor, the run page and the data', async () => {
  const bare = createBareRepo(tmp.path, 'gitops', {
    '.gantry/app.yaml': PROJECT,
    'env/dev/values.yaml': 'a: 1\n',
  });
  await seedFreight(bare, 'app', [makeFreight('1.0.0', { warehouse: 'app' })]);
  const runUrl = 'https://github.com/acme/gitops/actions/runs/7';
  await promoteAction(
    {
      action: 'promote',
      repositoryUrl: `file://${bare}`,
      stage: 'dev',
      signCommits: false,
      deployments: false,
      dryRun: false,
    },
    {
      serverUrl: 'https://github.com',
      actor: 'octocat',
      runUrl,
      tempDir: join(tmp.path, 'runner-temp'),
      dockerConfigPath: join(tmp.path, 'docker'),
      env: {
        ...testGitEnv(tmp.path),
        GANTRY_SECRET_DB: JSON.stringify({ user: 'app', password: PASSWORD }),
        GANTRY_SECRET_DB__token: 'tok-123456',
        GANTRY_CONFIGMAP_APP__region: 'eu-west-1',
      },
    },
  );
  expect(runner.printed).toContain(`::add-mask::${PASSWORD}`);
  expect(runner.printed).toContain('::add-mask::tok-123456');
  // Three characters: masking "app" everywhere would shred the log.
  expect(runner.printed).not.toContain('::add-mask::app\n');
  expect(runner.printed).not.toContain('::add-mask::eu-west-1');
  expect(git(bare, ['show', 'main:env/dev/context.txt'])).toBe(
    `octocat ${runUrl} eu-west-1 ${PASSWORD.length}`,
  );
});
