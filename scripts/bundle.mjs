// Builds dist/ (or --out DIR, which the drift test uses): one esbuild build of
// src/entry/index.ts with code splitting, so that each import() below it becomes a chunk of its
// own beside dist/index.js, and for the CLI and each action a two-line entry point
// dist/<name>/index.js that starts its part. A process loads only the chunks of what it runs; one
// build instead of five keeps the drift test short.
// Usage: node scripts/bundle.mjs [--out DIR]
import { build } from 'esbuild';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = resolve(values.out ?? join(root, 'dist'));

/** Each entry point in dist/ and the part of src/entry/index.ts it starts. */
export const ENTRIES = ['cli', 'main', 'discover', 'promote', 'verify'];

// Whatever an earlier build left (a chunk that no longer exists) goes.
rmSync(out, { recursive: true, force: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: { index: join(root, 'src', 'entry', 'index.ts') },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // package.json's engines say >=20.19; the actions run on node24.
  target: 'node20.19',
  tsconfig: join(root, 'tsconfig.json'),
  chunkNames: '[hash]',
  // node_modules may be a symlink to another checkout's install (the worktrees share one); with
  // the links kept, the paths esbuild writes in its comments and hashes into chunk names are the
  // same in every checkout, so the drift test compares like with like.
  preserveSymlinks: true,
  // The CommonJS dependencies (undici, yaml, semver …) call require() for Node's built-in
  // modules, which an ES module lacks: esbuild's require shim uses this one when it exists.
  banner: {
    js: "import { createRequire as gantryCreateRequire } from 'node:module';\nconst require = gantryCreateRequire(import.meta.url);",
  },
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});

/** The bundled packages, read from the metafile's inputs: name, directory and package.json. */
function bundledPackages(metafile) {
  const dirs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) dirs.add(m[1]);
  }
  const packages = new Map();
  for (const dir of dirs) {
    const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    const key = `${pkg.name}@${pkg.version}`;
    if (!packages.has(key)) packages.set(key, { dir: join(root, dir), pkg });
  }
  return [...packages.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

/** The text of a package's licence file, or undefined when it ships none. */
function licenceText(dir) {
  const names = [
    'LICENSE',
    'LICENSE.md',
    'LICENSE.txt',
    'LICENCE',
    'LICENCE.md',
    'license',
    'license.md',
  ];
  const name = names.find((n) => existsSync(join(dir, n)));
  return name === undefined ? undefined : readFileSync(join(dir, name), 'utf8').trim();
}

const notices = bundledPackages(result.metafile).map(({ dir, pkg }) => {
  const licence = typeof pkg.license === 'string' ? pkg.license : 'UNKNOWN';
  const text =
    licenceText(dir) ?? `(${pkg.name} ships no licence file; package.json says ${licence})`;
  return `${pkg.name} ${pkg.version}\n${licence}\n${text}\n`;
});
writeFileSync(join(out, 'licenses.txt'), notices.join('\n'));

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
