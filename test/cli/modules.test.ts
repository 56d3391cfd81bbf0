/**
 * The command line's modules import in one direction: run.ts over the commands, the commands over
 * the shared I/O, never back (init.ts once took EXIT from run.ts, a cycle).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src/cli');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The src/cli modules a module imports (type-only imports too: they are edges for readers). */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)[^;]*?from '(\.[^']+)\.js';/gms)]
    .map((m) => resolve(dirname(file), `${m[1]}.ts`))
    .filter((p) => p.startsWith(SRC));
}

test('no import cycle among src/cli modules', () => {
  const graph = new Map(files(SRC).map((f) => [f, imports(f)]));
  expect(graph.size).toBeGreaterThan(10);
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (f: string, path: string[]) => {
    if (state.get(f) === 'done') return;
    if (state.get(f) === 'open') {
      cycles.push([...path.slice(path.indexOf(f)), f].map((p) => relative(SRC, p)).join(' → '));
      return;
    }
    state.set(f, 'open');
    for (const g of graph.get(f) ?? []) visit(g, [...path, f]);
    state.set(f, 'done');
  };
  for (const f of graph.keys()) visit(f, []);
  expect(cycles).toEqual([]);
});

test('every command has its own module with its own option table', () => {
  const commands = files(join(SRC, 'commands')).filter((f) => !f.endsWith('index.ts'));
  // Eleven commands, and the freight family's two subcommands in modules of their own.
  expect(commands.length).toBe(13);
  for (const f of commands)
    expect(readFileSync(f, 'utf8'), f).toMatch(/flags: (\[|FLAGS|allFlags\(\))/);
});

/**
 * What a module loads when it is imported: its static value imports, followed through src/
 * (type-only imports load nothing; `await import()` loads when reached). Bare specifiers are
 * packages.
 */
function loads(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(import|export)(?! type )([^;]*?) from '([^']+)';/gms)) {
      const spec = m[3] as string;
      if (!spec.startsWith('.')) packages.add(spec.startsWith('@') ? spec : spec.split('/')[0]!);
      else if (spec.endsWith('.js')) {
        const ts = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
        // A generated JavaScript module (src/pipeline/generated/) imports nothing.
        if (existsSync(ts)) visit(ts);
      }
    }
  };
  visit(entry);
  return { files, packages };
}

test('get stages and get freight load no HTTP client, no discovery, no schema compiler: only what they show', () => {
  const { files, packages } = loads(join(SRC, 'commands', 'get.ts'));
  // Argo CD health reads and get warehouses import those when they run.
  expect([...packages]).not.toContain('undici');
  // The schemas are compiled ahead of time (scripts/gen-validators.ts): no Ajv at run time.
  expect([...packages]).not.toContain('ajv');
  expect([...files].filter((f) => f.includes('/src/discovery/'))).toEqual([]);
  // The walk follows the state and pipeline layers, so an import there counts too.
  expect([...files].some((f) => f.endsWith('/src/state/store.ts'))).toBe(true);
});

test('promote and verify load GitHub’s client (Octokit, undici) only when they talk to GitHub', () => {
  // promote's engine is imported by promote-run.ts, which the command loads once its first fetch
  // has started (test/cli/lazy-loads.test.ts).
  for (const [command, engine] of [
    ['promote-run.ts', '/src/promotion/promote.ts'],
    ['commands/verify.ts', '/src/verification/verify.ts'],
  ] as const) {
    const { files, packages } = loads(join(SRC, command));
    expect([...packages], command).not.toContain('@actions/github');
    expect([...packages], command).not.toContain('undici');
    expect(
      [...files].filter((f) => f.endsWith('/src/github/client.ts')),
      command,
    ).toEqual([]);
    // The walk reaches the engine, so an import deep in it (a step, a provider) counts too.
    expect([...files].some((f) => f.endsWith(engine))).toBe(true);
  }
});

test('gantry promote and the promote action load the engine only once the first fetch started', () => {
  // What each loads before it asks for the reads (the rest comes with an `await import()` after).
  for (const entry of [
    join(SRC, 'commands', 'promote.ts'),
    join(SRC, '../actions/promote-action.ts'),
  ]) {
    const { files } = loads(entry);
    const engine = [...files].filter(
      (f) => f.includes('/src/promotion/') && !f.endsWith('/src/promotion/expr-data.ts'),
    );
    expect(engine, entry).toEqual([]);
    expect(
      [...files].filter((f) => f.includes('/src/pipeline/')),
      entry,
    ).toEqual([]);
    expect(
      [...files].filter((f) => f.includes('/src/status/')),
      entry,
    ).toEqual([]);
    // It reaches the store, whose promoteNamedAhead starts the fetch.
    expect(
      [...files].some((f) => f.endsWith('/src/state/store.ts')),
      entry,
    ).toBe(true);
  }
});
