// Builds one ncc bundle per entrypoint into dist/ (or into --out DIR, which the drift test uses).
// Usage: node scripts/bundle.mjs [--out DIR] [--only NAME]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string' }, only: { type: 'string' } } });
const out = resolve(values.out ?? join(root, 'dist'));

export const ENTRIES = {
  main: 'src/actions/main.ts',
  discover: 'src/actions/discover.ts',
  promote: 'src/actions/promote.ts',
  verify: 'src/actions/verify.ts',
  cli: 'src/cli/main.ts',
};

const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
for (const [name, entry] of Object.entries(ENTRIES)) {
  if (values.only && values.only !== name) continue;
  const dest = join(out, name);
  rmSync(dest, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [
      ncc,
      'build',
      join(root, entry),
      '-o',
      dest,
      '--license',
      'licenses.txt',
      '--quiet',
      '--target',
      'es2022',
    ],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  // ncc names ESM output index.js already; keep only what the runner needs.
  for (const f of readdirSync(dest)) {
    if (f.endsWith('.d.ts') || f === 'package.json')
      rmSync(join(dest, f), { recursive: true, force: true });
  }
  console.log(`bundled ${entry} -> ${join(dest, 'index.js')}`);
}
mkdirSync(out, { recursive: true });
// The bundles are ES modules; say so for anyone who copies dist/ without the root package.json.
writeFileSync(join(out, 'package.json'), JSON.stringify({ type: 'module' }, null, 2) + '\n');
