/**
 * A light start (issue 15): the CLI and the actions load only what they run. What a process loads
 * before its first import() is the static import closure of its entry; the bundle keeps each
 * import() in a chunk of its own, so these closures are what `gantry version` and an action's
 * input check cost.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** The modules `file` loads before any import(): value imports only (type imports are erased). */
function closure(file: string): { modules: string[]; packages: string[] } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    const text = readFileSync(f, 'utf8');
    const statements =
      /^(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s*'([^']+)';|^import\s+'([^']+)';/gms;
    for (const m of text.matchAll(statements)) {
      const names = m[2] ?? '';
      const typeOnly =
        Boolean(m[1]) ||
        (/^\{[^}]*\}$/s.test(names.trim()) &&
          names
            .replace(/[{}\s]/g, '')
            .split(',')
            .filter(Boolean)
            .every((n) => n.startsWith('type')));
      if (typeOnly) continue;
      const spec = (m[3] ?? m[4])!;
      if (spec.startsWith('node:')) continue;
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const ts = resolve(dirname(f), spec.replace(/\.js$/, '.ts'));
      if (existsSync(ts)) visit(ts);
    }
  };
  visit(resolve(ROOT, file));
  return { modules: [...seen].map((f) => relative(ROOT, f)).sort(), packages: [...packages] };
}

test('gantry version loads the command line and one command, no dependency', () => {
  const { modules, packages } = closure('src/cli/main.ts');
  expect(packages).toEqual([]);
  expect(modules.filter((m) => m.startsWith('src/cli/commands/'))).toEqual([
    'src/cli/commands/index.ts',
    'src/cli/commands/version.ts',
  ]);
  // The engine (project files, state, promotion, discovery, verification) waits for its command.
  expect(modules.filter((m) => !/^src\/(cli|util|git|github\/url)/.test(m))).toEqual([]);
  expect(modules.length).toBeLessThanOrEqual(16);
});

test('an action reads and checks its inputs before loading @actions/core or its work', () => {
  const { modules, packages } = closure('src/actions/run.ts');
  expect(packages).toEqual([]);
  expect(modules.filter((m) => /-action\.ts$/.test(m))).toEqual([]);
  expect(modules.length).toBeLessThanOrEqual(10);
});

test('each entry of the bundle starts its part with import(), never a static import', () => {
  const entry = readFileSync(resolve(ROOT, 'src/entry/index.ts'), 'utf8');
  expect(entry).not.toMatch(/^import /m);
  for (const part of [
    'cli/main',
    'actions/main',
    'actions/discover',
    'actions/promote',
    'actions/verify',
  ])
    expect(entry).toContain(`import('../${part}.js')`);
});

test('every command is loaded by its name, and only the one asked for', async () => {
  const { COMMAND_NAMES, loadCommand } = await import('../../src/cli/commands/index.js');
  for (const name of COMMAND_NAMES) expect((await loadCommand(name))?.name).toBe(name);
  expect(loadCommand('deploy')).toBeUndefined();
  expect(loadCommand('toString')).toBeUndefined();
});

describe('the runner commands written before @actions/core is loaded', () => {
  afterEach(() => vi.restoreAllMocks());

  /** What `fn` writes to stdout. */
  async function written(fn: () => void | Promise<void>): Promise<string> {
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    await fn();
    vi.restoreAllMocks();
    return out;
  }

  test('are the lines @actions/core writes, byte for byte', async () => {
    const core = await import('@actions/core');
    const runner = await import('../../src/actions/runner.js');
    const exitCode = process.exitCode;
    try {
      const awkward = 'line 1\nline 2\r\n100% sure, a:b';
      const where = {
        title: 'gantry, project: file',
        file: '.gantry/a,b.yaml',
        startLine: 3,
        startColumn: 0,
      };
      const calls: [string, (m: typeof runner) => void][] = [
        ['setSecret', (m) => m.setSecret(`s3cr%t\nx`)],
        ['info', (m) => m.info(awkward)],
        ['error', (m) => m.error(awkward)],
        ['error at', (m) => m.error(awkward, where)],
        ['error, no column', (m) => m.error('x', { file: 'f.yaml', startLine: 7 })],
        ['setFailed', (m) => m.setFailed(awkward)],
      ];
      for (const [what, call] of calls) {
        const ours = await written(() => call(runner));
        const theirs = await written(() => call(core as unknown as typeof runner));
        expect(ours, what).toBe(theirs);
      }
      process.exitCode = 0;
      await written(() => runner.setFailed('x'));
      expect(process.exitCode).toBe(1);
    } finally {
      process.exitCode = exitCode;
    }
  });

  test('an input is read as @actions/core reads it', async () => {
    const core = await import('@actions/core');
    const { getInput } = await import('../../src/actions/runner.js');
    vi.stubEnv('INPUT_DRY-RUN', '  true \n');
    vi.stubEnv('INPUT_REGISTRY_CREDENTIALS', 'a=b:c');
    for (const name of ['dry-run', 'registry credentials', 'Registry_Credentials', 'absent'])
      expect(getInput(name), name).toBe(core.getInput(name));
    expect(getInput('dry-run')).toBe('true');
    vi.unstubAllEnvs();
  });
});

test('a flag before the command word is read with every command’s flags: its value is not the command', async () => {
  const { runCli } = await import('../../src/cli/run.js');
  let out = '';
  let err = '';
  const io = { out: (t: string) => (out += t), err: (t: string) => (err += t), env: {} };
  // `get` is --repo's value; the command is version, which takes no --repo.
  expect(await runCli(['--repo', 'get', 'version'], io)).toBe(2);
  expect(err).toContain(
    'gantry version takes no --repo: that is a flag of gantry lint, get, discover, freight, promote, verify, approve and dashboard',
  );
  expect(out).toBe('');
  err = '';
  expect(await runCli(['-h', 'version'], io)).toBe(0);
  expect(out).toMatch(/^gantry version: /);
  expect(err).toBe('');
});
