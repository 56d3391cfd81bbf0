/**
 * `get stages` of a repository of gantry files loads neither Kargo's reader (its validators and
 * schemas) nor re2js: each loads when a project needs it. What a process loads is observed, not
 * inferred from imports: the CLI runs from the sources with a module hook that writes down every
 * module it loads.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeFreight } from '../support/freight.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { seedFreight } from '../support/seed-freight.js';

const ROOT = resolve(import.meta.dirname, '../..');

const project = (image: string) => `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image:
          repoURL: ghcr.io/acme/echo
${image}stages:
  - name: dev
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: yaml-update
`;

/** A module hook that writes down the URL of every module the process loads. */
const LOAD_HOOKS = `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.LOAD_LOG, url + '\\n');
  return next(url, context);
}
`;

describe('get stages loads what the project needs', () => {
  const tmp = tempDir();
  let hooks: string;
  beforeAll(() => {
    hooks = join(tmp.path, 'hooks.mjs');
    writeFileSync(hooks, LOAD_HOOKS);
    writeFileSync(
      join(tmp.path, 'register.mjs'),
      `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
    );
  });
  afterAll(() => tmp.cleanup());

  /** The modules (paths under the repository, or package names) `get stages` loaded. */
  function loaded(name: string, files: Record<string, string>): string[] {
    const bare = createBareRepo(tmp.path, name, files);
    const log = join(tmp.path, `${name}.log`);
    writeFileSync(log, '');
    const res = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        pathToFileURL(join(tmp.path, 'register.mjs')).href,
        join(ROOT, 'src/cli/main.ts'),
        'get',
        'stages',
        '--repo',
        `file://${bare}`,
      ],
      {
        cwd: ROOT,
        env: {
          ...testGitEnv(tmp.path),
          GANTRY_CACHE_DIR: join(tmp.path, `${name}-cache`),
          LOAD_LOG: log,
        },
        encoding: 'utf8',
      },
    );
    const modules = readFileSync(log, 'utf8')
      .split('\n')
      .filter((u) => u.startsWith('file:'))
      .map((u) => {
        const path = new URL(u).pathname;
        const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
        return pkg ? `package:${pkg[1]}` : path.replace(`${ROOT}/`, '');
      });
    // The command ran (a Kargo file with no manifests stops at its check, after loading).
    expect(modules, res.stderr).toContain('src/pipeline/load.ts');
    return [...new Set(modules)];
  }

  const KARGO = ['src/pipeline/kargo.ts', 'src/pipeline/generated/kargo-validators.js'];
  const kargoOf = (modules: string[]) => modules.filter((m) => KARGO.includes(m));

  test('a gantry file without patterns or expressions: no Kargo reader, no re2js', () => {
    const modules = loaded('plain', { '.gantry/echo.yaml': project('') });
    expect(kargoOf(modules)).toEqual([]);
    expect(modules).not.toContain('src/pipeline/kargo-schemas.ts');
    expect(modules).not.toContain('package:re2js');
    // It read and checked the project and the stages' state.
    expect(modules).toContain('src/pipeline/semantic.ts');
    expect(modules).toContain('src/state/store.ts');
  });

  test('a tag pattern loads re2js to check it, and still no Kargo reader', () => {
    const modules = loaded('pattern', {
      '.gantry/echo.yaml': project('          allowTagsRegexes: ["^v1\\\\."]\n'),
    });
    expect(modules).toContain('package:re2js');
    expect(kargoOf(modules)).toEqual([]);
  });

  test("a gantry file for Kargo's manifests loads Kargo's reader", () => {
    const modules = loaded('kargo', { '.gantry/echo.yaml': 'kargo: kargo\n' });
    expect(kargoOf(modules)).toEqual(KARGO);
    expect(modules).toContain('package:re2js');
  });

  test('the hook sees every module a process loads (a check of this test itself)', () => {
    const out = execFileSync(
      process.execPath,
      [
        '--import',
        pathToFileURL(join(tmp.path, 'register.mjs')).href,
        '-e',
        "import('re2js').then(() => undefined)",
      ],
      { cwd: ROOT, env: { ...process.env, LOAD_LOG: join(tmp.path, 'self.log') } },
    );
    expect(out.toString()).toBe('');
    expect(readFileSync(join(tmp.path, 'self.log'), 'utf8')).toMatch(/node_modules\/re2js\//);
  });
});

/**
 * `gantry promote --project P --freight F` starts its first fetch before it loads the promotion's
 * code (the engine, the steps, their editors: most of what the command loads), which then loads
 * while git works. Observed as above, with each process the CLI spawns written to the same log by
 * a preload that wraps child_process.spawn: it writes before the process starts, on the thread
 * that goes on to load modules, so the order in the log is the order of events.
 */
describe('a promotion of named freight loads its code while the first fetch runs', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  test('the fetch starts before src/promotion/ and the steps load', async () => {
    writeFileSync(join(tmp.path, 'hooks.mjs'), LOAD_HOOKS);
    writeFileSync(
      join(tmp.path, 'register.mjs'),
      `import { register, syncBuiltinESMExports } from 'node:module';
import { appendFileSync } from 'node:fs';
import cp from 'node:child_process';
register(${JSON.stringify(pathToFileURL(join(tmp.path, 'hooks.mjs')).href)});
const spawn = cp.spawn;
cp.spawn = (file, args, ...rest) => {
  appendFileSync(process.env.LOAD_LOG, 'spawn ' + file + ' ' + (args ?? []).join(' ') + '\\n');
  return spawn(file, args, ...rest);
};
syncBuiltinESMExports();
`,
    );
    const bare = createBareRepo(tmp.path, 'named', {
      '.gantry/echo.yaml': project('').replace(
        '        - uses: yaml-update\n',
        `        - uses: yaml-update
          config:
            path: env/dev/values.yaml
            updates: [{key: tag, value: "\${{ imageFrom('ghcr.io/acme/echo').Tag }}"}]
`,
      ),
      'env/dev/values.yaml': 'tag: 0.9.0\n',
    });
    const f = makeFreight('1.0.0');
    await seedFreight(bare, 'echo', [f]);
    const log = join(tmp.path, 'named.log');
    writeFileSync(log, '');
    const res = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        pathToFileURL(join(tmp.path, 'register.mjs')).href,
        join(ROOT, 'src/cli/main.ts'),
        'promote',
        '--repo',
        `file://${bare}`,
        '--project',
        'echo',
        '--stage',
        'dev',
        '--freight',
        f.id,
        '--by',
        'test',
      ],
      {
        cwd: ROOT,
        env: { ...testGitEnv(tmp.path), GANTRY_CACHE_DIR: join(tmp.path, 'cache'), LOAD_LOG: log },
        encoding: 'utf8',
      },
    );
    expect(res.status, res.stderr).toBe(0);
    expect(git(bare, ['show', 'main:env/dev/values.yaml'])).toBe('tag: 1.0.0\n');
    const lines = readFileSync(log, 'utf8')
      .split('\n')
      .map((l) => (l.startsWith('file:') ? new URL(l).pathname.replace(`${ROOT}/`, '') : l));
    const at = (line: string) => lines.indexOf(line);
    const fetch = lines.findIndex((l) => l.startsWith('spawn git fetch '));
    expect(fetch).toBeGreaterThan(0);
    // The first process the command starts is that fetch: the repository was opened first.
    expect(lines.findIndex((l) => l.startsWith('spawn '))).toBe(fetch);
    expect(at('src/state/store.ts')).toBeGreaterThanOrEqual(0);
    expect(at('src/state/store.ts')).toBeLessThan(fetch);
    for (const later of [
      // The project parser too: app/repo.ts loads it when it reads the project files.
      'src/pipeline/load.ts',
      'src/cli/promote-run.ts',
      'src/promotion/promote.ts',
      'src/promotion/steps/registry.ts',
      'src/promotion/yaml-edit.ts',
    ])
      expect(at(later), later).toBeGreaterThan(fetch);
  });
});
