/**
 * Which project files `gantry discover --project P` reads: its own file alone when that file
 * declares P (a matrix job's cost does not grow with the repository's projects), every file
 * otherwise.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openRepo } from '../../src/app/repo.js';
import { discoverProjects } from '../../src/discovery/projects.js';
import { ConfigError } from '../../src/util/errors.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';

const projectFile = (name: string) => `project: ${name}
warehouses:
  - name: ${name}
    subscriptions:
      - image: {repoURL: ghcr.io/acme/${name}}
stages:
  - name: dev
    requestedFreight:
      - origin: {kind: Warehouse, name: ${name}}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: yaml-update
          config:
            path: env/${name}/dev.yaml
            updates: [{key: image.tag, value: "\${{ imageFrom('ghcr.io/acme/${name}').Tag }}"}]
`;

describe('discoverProjects', () => {
  const tmp = tempDir('gantry-discover-projects-');
  const env = testGitEnv(tmp.path);
  let bare = '';
  let clone = '';
  beforeAll(() => {
    bare = createBareRepo(tmp.path, 'gitops', {
      '.gantry/api.yaml': projectFile('api'),
      '.gantry/web.yml': projectFile('web'),
      // Another project's file that gantry cannot read.
      '.gantry/broken.yaml': 'project: broken\nstages: 3\n',
    });
    clone = join(tmp.path, 'clone');
    git(tmp.path, ['clone', '-q', bare, clone], env);
  });
  afterAll(() => tmp.cleanup());

  for (const where of ['remote', 'clone'] as const) {
    test(`${where}: a project's own file alone, however broken another file is`, async () => {
      const repo = await openRepo({
        repo: where === 'remote' ? `file://${bare}` : clone,
        cacheDir: join(tmp.path, `cache-${where}`),
        baseEnv: env,
      });
      expect((await discoverProjects(repo, 'api')).map((p) => [p.name, p.file])).toEqual([
        ['api', '.gantry/api.yaml'],
      ]);
      expect((await discoverProjects(repo, 'web')).map((p) => p.file)).toEqual(['.gantry/web.yml']);
      // No file of its name: every file is read, and the broken one stops it as before.
      await expect(discoverProjects(repo, 'nosuch')).rejects.toThrow(ConfigError);
      await expect(discoverProjects(repo, 'broken')).rejects.toThrow(/broken\.yaml/);
      await expect(discoverProjects(repo)).rejects.toThrow(ConfigError);
    });
  }

  test("from the remote, only the project's own file is fetched, with its stages' states", async () => {
    const lines: string[] = [];
    const repo = await openRepo({
      repo: `file://${bare}`,
      cacheDir: join(tmp.path, 'cache-traced'),
      baseEnv: env,
      trace: (l) => lines.push(l),
    });
    await discoverProjects(repo, 'api');
    const blobOf = (path: string) => git(bare, ['rev-parse', `main:${path}`], env).trim();
    // The fetch of the files' blobs (by ID, after the tip's listing) names api.yaml's alone.
    const byId = lines.filter((l) => /fetch .* -- [0-9a-f]{40}/.test(l));
    expect(byId).toHaveLength(1);
    const ids = byId[0]?.split(' -- ')[1]?.split(' (')[0]?.trim().split(/\s+/);
    expect(ids).toEqual([blobOf('.gantry/api.yaml')]);
    expect(byId[0]).not.toContain(blobOf('.gantry/web.yml'));
    // Its stages' states were read with it (dev has none yet): known without another command.
    const before = lines.length;
    expect((await repo.store.stageStates('api', [{ name: 'dev' }])).get('dev')).toBeUndefined();
    expect(lines.slice(before)).toEqual([]);
  });

  test('a file of the project name that declares another project: the problem as before', async () => {
    const dir = join(tmp.path, 'local');
    mkdirSync(join(dir, '.gantry'), { recursive: true });
    git(dir, ['init', '-q'], env);
    git(dir, ['remote', 'add', 'origin', `file://${bare}`], env);
    writeFileSync(join(dir, '.gantry/api.yaml'), projectFile('web'));
    const repo = await openRepo({
      repo: dir,
      cacheDir: join(tmp.path, 'cache-local'),
      baseEnv: env,
    });
    await expect(discoverProjects(repo, 'api')).rejects.toThrow(
      /must be in a file named web\.yaml/,
    );
  });
});
