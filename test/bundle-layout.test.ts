/**
 * The bundle as the actions run it: dist/ alone, checked out with nothing beside it. It must carry
 * every dependency (the CommonJS ones get the require() they call), build the same bytes every
 * time (the drift test compares bytes), and let each process load only the chunks of what it
 * runs.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtBundle } from './support/bundle-once.js';
import { createBareRepo, git, tempDir, testGitEnv } from './support/repos.js';

const ROOT = resolve(import.meta.dirname, '..');
const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** A copy of this run's bundle where no node_modules can be found, as on a runner. */
let dist: string;
beforeAll(async () => {
  dist = join(tmp.path, 'checkout', 'dist');
  cpSync(await builtBundle(), dist, { recursive: true });
}, 300_000);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/**
 * The modules bundled into a chunk, from the `// path` line esbuild writes above each one (an
 * unminified build: these lines are also what makes a stack trace in dist/ readable).
 */
function modulesOf(chunk: string): string[] {
  return [...readFileSync(chunk, 'utf8').matchAll(/^\/\/ ((?:src|node_modules)\/\S+)$/gm)].map(
    (m) => m[1]!,
  );
}

/** The environment of a step with no inputs: no INPUT_*, no GITHUB_*, and no NODE_OPTIONS. */
const bare = () => ({ PATH: process.env.PATH ?? '', HOME: tmp.path });

function run(args: string[], env: Record<string, string> = {}, cwd = tmp.path) {
  return new Promise<{ code: number | null; out: string }>((done) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...bare(), ...env } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.on('close', (code) => done({ code, out }));
  });
}

describe('dist/ copied where no node_modules is reachable', () => {
  test('no directory above the copy holds a node_modules', () => {
    // Otherwise a dependency left out of the bundle would still be found and the tests below
    // could not fail.
    for (let d = dist; d !== dirname(d); d = dirname(d))
      expect(existsSync(join(d, 'node_modules')), d).toBe(false);
  });

  test('gantry version, and each action with no inputs, start and answer', async () => {
    const version = await run([join(dist, 'cli', 'index.js'), 'version']);
    expect(version.out).toMatch(/^gantry \d+\.\d+\.\d+\n$/);
    expect(version.code).toBe(0);
    for (const action of ['discover', 'promote', 'verify']) {
      const r = await run([join(dist, action, 'index.js')]);
      expect(r.out, action).toMatch(/^::error::invalid input: input "\w+"/m);
      expect(r.code, action).toBe(1);
    }
    const main = await run([join(dist, 'main', 'index.js')]);
    expect(main.out).toContain('::error::invalid input: input "command"');
    expect(main.code).toBe(1);
  });

  test('the CommonJS dependencies find require() for the modules built into Node', async () => {
    // lint reads the project with yaml and checks it with ajv; the discover action goes on to
    // @actions/core, whose HTTP client's dependencies require http, https, net and tls. Built
    // without a require() in scope, both stop at `Dynamic require of "…" is not supported`.
    const repo = createBareRepo(tmp.path, 'gitops', {
      '.gantry/echo.yaml': `project: echo
warehouses: [{name: echo, subscriptions: [{image: {repoURL: ghcr.io/acme/echo}}]}]
stages:
  - name: dev
    requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {direct: true}}]
    promotionTemplate:
      steps:
        - uses: yaml-update
          config: {path: values.yaml, updates: [{key: image.tag, value: '1'}]}
`,
    });
    const clone = join(tmp.path, 'clone');
    git(tmp.path, ['clone', '-q', repo, clone], testGitEnv(tmp.path));
    const lint = await run([join(dist, 'cli', 'index.js'), 'lint'], testGitEnv(tmp.path), clone);
    expect(lint.out).not.toContain('require');
    expect(lint.code).toBe(0);

    const empty = join(tmp.path, 'empty.git');
    git(tmp.path, ['init', '-q', '--bare', empty], testGitEnv(tmp.path));
    const discover = await run([join(dist, 'discover', 'index.js')], {
      ...testGitEnv(tmp.path),
      INPUT_REPOSITORY: `file://${empty}`,
    });
    expect(discover.out).not.toContain('require');
    expect(discover.out).toContain(`::error::file://${empty} has no branches`);
  });
});

test('what the CommonJS dependencies still require() at run time is built into Node', () => {
  // esbuild bundles each require() of a package it can resolve; one left for run time (an
  // optional dependency, a computed name) would fail on a runner, where dist/ is all there is.
  const required = new Set(
    files(dist)
      .filter((f) => f.endsWith('.js'))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\b__require\(([^)]*)\)/g)])
      .map((m) => m[1]!),
  );
  expect(required.size).toBeGreaterThan(0);
  const named = [...required].map((r) => /^"([^"]+)"$/.exec(r)?.[1] ?? r);
  expect(named.filter((n) => !isBuiltin(n))).toEqual([]);
});

describe('each process loads only the chunks of what it runs', () => {
  /** The dist/ files a process loads, recorded by a module loader hook. */
  async function loaded(args: string[], env: Record<string, string> = {}): Promise<string[]> {
    const hooks = join(tmp.path, 'hooks');
    mkdirSync(hooks, { recursive: true });
    writeFileSync(
      join(hooks, 'hooks.mjs'),
      `import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(log, url + '\\n');
  return next(url, context);
}
`,
    );
    writeFileSync(
      join(hooks, 'register.mjs'),
      `import { register } from 'node:module';
register('./hooks.mjs', import.meta.url, { data: { log: process.env.LOAD_LOG } });
`,
    );
    const log = join(hooks, `${Math.random().toString(36).slice(2)}.log`);
    writeFileSync(log, '');
    await run(['--import', join(hooks, 'register.mjs'), ...args], { ...env, LOAD_LOG: log });
    const urls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    return urls.map((u) => relative(dist, fileURLToPath(u)));
  }

  const ENGINE = /^src\/(promotion|state|discovery|verification|pipeline\/kargo)/;

  test('gantry version: the command line and its one command, no dependency, no engine', async () => {
    const chunks = await loaded([join(dist, 'cli', 'index.js'), 'version']);
    expect(chunks.slice(0, 2)).toEqual(['cli/index.js', 'index.js']);
    const modules = chunks.flatMap((c) => modulesOf(join(dist, c)));
    expect(modules).toContain('src/cli/commands/version.ts');
    expect(modules.filter((m) => m.startsWith('node_modules/'))).toEqual([]);
    expect(modules.filter((m) => ENGINE.test(m))).toEqual([]);
    // No other command's module.
    expect(
      modules.filter((m) => m.startsWith('src/cli/commands/') && !/\/(index|version)\.ts$/.test(m)),
    ).toEqual([]);
  });

  test.each(['discover', 'promote', 'verify', 'main'])(
    'the %s action checks its inputs with its own chunks only, and a small part of dist/',
    async (action) => {
      const chunks = await loaded([join(dist, action, 'index.js')]);
      expect(chunks.every((c) => !c.startsWith('..'))).toBe(true);
      const modules = chunks.flatMap((c) => modulesOf(join(dist, c)));
      expect(modules).toContain(`src/actions/${action}.ts`);
      expect(modules.filter((m) => m.startsWith('node_modules/'))).toEqual([]);
      expect(modules.filter((m) => ENGINE.test(m))).toEqual([]);
      // Another action's own module would mean the five parts share one chunk.
      const others = ['discover', 'promote', 'verify', 'main'].filter((a) => a !== action);
      expect(modules.filter((m) => others.some((a) => m === `src/actions/${a}.ts`))).toEqual([]);
      const size = (fs: string[]) => fs.reduce((n, f) => n + statSync(f).size, 0);
      const all = size(files(dist).filter((f) => f.endsWith('.js')));
      expect(size(chunks.map((c) => join(dist, c)))).toBeLessThan(all / 20);
    },
  );
});

test('a second build, from a copy of the sources elsewhere with node_modules a symlink, is the same bytes', async () => {
  // The drift test compares bytes, and a worktree or a CI clone sits at another path than the
  // checkout that committed dist/, often with node_modules linked from elsewhere.
  const copy = join(tmp.path, 'elsewhere', 'gantry');
  for (const p of ['src', 'schema', 'scripts', 'package.json', 'tsconfig.json'])
    cpSync(join(ROOT, p), join(copy, p), { recursive: true });
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(copy, 'node_modules'));
  const again = join(tmp.path, 'again');
  const r = spawnSync(process.execPath, [join(copy, 'scripts/bundle.mjs'), '--out', again], {
    cwd: copy,
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  const first = await builtBundle();
  const names = (d: string) => files(d).map((f) => relative(d, f));
  expect(names(again).sort()).toEqual(names(first).sort());
  for (const f of names(first))
    expect(readFileSync(join(again, f)).equals(readFileSync(join(first, f))), f).toBe(true);
});

test('the starters, and licenses.txt names every bundled package with its licence text', () => {
  const cli = join(dist, 'cli', 'index.js');
  expect(readFileSync(cli, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  expect(statSync(cli).mode & 0o777).toBe(0o755);
  expect(JSON.parse(readFileSync(join(dist, 'package.json'), 'utf8'))).toEqual({ type: 'module' });

  const licences = readFileSync(join(dist, 'licenses.txt'), 'utf8');
  const packages = new Set(
    files(dist)
      .filter((f) => f.endsWith('.js'))
      .flatMap(modulesOf)
      .map((m) => /^(?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(m)?.[1])
      .filter((p): p is string => p !== undefined),
  );
  expect(packages.size).toBeGreaterThan(5);
  for (const p of packages) {
    const entry = new RegExp(
      `^${p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\d+\\.\\d+\\.\\d+\\n`,
      'm',
    );
    expect(licences, p).toMatch(entry);
  }
  // Each entry carries the licence's text, not only its name.
  expect(licences).toMatch(/^undici \d[^\n]*\nMIT\nMIT License\n\nCopyright/m);
});
