/**
 * The command line's modules import in one direction: run.ts over the commands, the commands over
 * the shared I/O, never back (init.ts once took EXIT from run.ts, a cycle).
 */
import { readdirSync, readFileSync } from 'node:fs';
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
