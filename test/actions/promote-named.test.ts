/**
 * The promote action with `project` and `freight` given reads as the CLI's named promote does: the
 * fetch that names the default branch also lists the project's tags and brings the freight index
 * and the named freight's tags, so no `ls-remote` of every tag and no index fetch of its own. The
 * same action without `project` (the project is known only after the first read) lists the tags.
 * Read from the `::debug::git …` line the action prints for each git command.
 */
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { promoteAction } from '../../src/actions/promote-action.js';
import { makeFreight } from '../support/freight.js';
import { useRunnerFiles } from '../support/action-runner.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { seedFreight } from '../support/seed-freight.js';

const tmp = tempDir('gantry-action-named-');
afterAll(() => tmp.cleanup());

// Step debug logging: the action prints each git command as a debug line.
const runner = useRunnerFiles(tmp.path, { RUNNER_DEBUG: '1' });

/** The git commands the promotion ran before its push. */
async function promoteWith(name: string, project: string | undefined): Promise<string[]> {
  const bare = createBareRepo(tmp.path, name, {
    '.gantry/app.yaml': `project: app
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
        - uses: yaml-update
          config:
            path: env/dev/values.yaml
            updates: [{key: image.tag, value: "\${{ imageFrom('ghcr.io/acme/echo').Tag }}"}]
`,
    'env/dev/values.yaml': 'image: {tag: 0.9.0}\n',
  });
  const older = makeFreight('1.0.0', { warehouse: 'app' });
  const f = makeFreight('1.1.0', { warehouse: 'app' });
  await seedFreight(bare, 'app', [older, f]);
  await promoteAction(
    {
      action: 'promote',
      repositoryUrl: `file://${bare}`,
      stage: 'dev',
      ...(project !== undefined && { project }),
      freight: f.id,
      signCommits: false,
      deployments: false,
      dryRun: false,
    },
    {
      serverUrl: 'https://github.com',
      tempDir: join(tmp.path, `${name}-runner-temp`),
      dockerConfigPath: join(tmp.path, 'no-docker-config.json'),
      env: testGitEnv(tmp.path),
    },
  );
  expect(git(bare, ['show', 'main:env/dev/values.yaml'])).toBe('image: {tag: 1.1.0}\n');
  expect(git(bare, ['show', 'main:.gantry/state/app/dev.yaml'])).toContain(f.id);
  const commands = runner.printed
    .split('\n')
    .filter((l) => l.startsWith('::debug::git '))
    .map((l) => l.slice('::debug::git '.length));
  // The reads of the promotion: what runs before its push (the job summary reads again after).
  const push = commands.findIndex((c) => c.startsWith('push '));
  expect(push).toBeGreaterThan(0);
  return commands.slice(0, push);
}

test('project and freight given: before the push, no ls-remote and no freight-index fetch of its own', async () => {
  const commands = await promoteWith('named', 'app');
  expect(commands.filter((c) => c.startsWith('ls-remote'))).toEqual([]);
  // The index comes with the fetch that names the default branch, not in a fetch of its own.
  const indexFetches = commands.filter((c) => c.startsWith('fetch') && c.includes('freight-index'));
  expect(indexFetches).toHaveLength(1);
  expect(indexFetches[0]).toContain('+HEAD:');
});

test('freight without project: the tags are listed as before', async () => {
  const commands = await promoteWith('unnamed', undefined);
  expect(commands.filter((c) => c.startsWith('ls-remote')).length).toBeGreaterThan(0);
});
