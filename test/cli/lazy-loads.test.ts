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
import { createBareRepo, tempDir, testGitEnv } from '../support/repos.js';

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

describe('get stages loads what the project needs', () => {
  const tmp = tempDir();
  let hooks: string;
  beforeAll(() => {
    hooks = join(tmp.path, 'hooks.mjs');
    writeFileSync(
      hooks,
      `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.LOAD_LOG, url + '\\n');
  return next(url, context);
}
`,
    );
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
