// Builds dist/ (or --out DIR, which the drift test uses): one ncc build of src/entry/index.ts, whose
// import()s ncc splits into chunks beside dist/index.js, and for the CLI and each action a
// two-line entry point dist/<name>/index.js that starts its part. A process loads only the
// chunks of what it runs; one build instead of five keeps the drift test short.
// Usage: node scripts/bundle.mjs [--out DIR]
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = resolve(values.out ?? join(root, 'dist'));

/** Each entry point in dist/ and the part of src/entry/index.ts it starts. */
export const ENTRIES = ['cli', 'main', 'discover', 'promote', 'verify'];

const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
// Whatever an earlier build left (a chunk that no longer exists) goes.
rmSync(out, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [
    ncc,
    'build',
    join(root, 'src', 'entry', 'index.ts'),
    '-o',
    out,
    '--license',
    'licenses.txt',
    '--quiet',
    '--target',
    'es2022',
    // tsc checks the types (npm run typecheck); checking them again in each build tripled its time.
    '--transpile-only',
  ],
  { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
);
for (const f of readdirSync(out)) {
  if (f.endsWith('.d.ts')) rmSync(join(out, f), { recursive: true, force: true });
}
for (const name of ENTRIES) {
  mkdirSync(join(out, name), { recursive: true });
  const file = join(out, name, 'index.js');
  const shebang = name === 'cli' ? '#!/usr/bin/env node\n' : '';
  writeFileSync(
    file,
    `${shebang}import { start } from '../index.js';\n\nawait start(${JSON.stringify(name)});\n`,
  );
  if (name === 'cli') chmodSync(file, 0o755);
  console.log(`${join(out, name, 'index.js')} starts ${name}`);
}
// The bundles are ES modules; say so for anyone who copies dist/ without the root package.json.
writeFileSync(join(out, 'package.json'), JSON.stringify({ type: 'module' }, null, 2) + '\n');
