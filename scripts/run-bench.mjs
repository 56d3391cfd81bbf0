// npm run bench -- <name> [args]: runs bench/<name>.ts with tsx. Most benches time the bundled CLI
// (dist/), so a missing bundle stops here and a bundle older than src/ is called out: its numbers
// would be those of older code.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';

const [name = 'state', ...args] = process.argv.slice(2);
if (!existsSync(new URL(`../bench/${name}.ts`, import.meta.url))) {
  console.error(`no benchmark bench/${name}.ts`);
  process.exit(2);
}
const bundle = new URL('../dist/index.js', import.meta.url);
if (!existsSync(bundle)) {
  console.error(
    'dist/index.js is missing: run `npm run bundle` first (the benches time the bundle)',
  );
  process.exit(2);
}
const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .reduce((t, e) => Math.max(t, statSync(`${e.parentPath}/${e.name}`).mtimeMs), 0);
if (newest(new URL('../src', import.meta.url).pathname) > statSync(bundle).mtimeMs) {
  console.error(
    'warning: src/ changed after dist/ was built; `npm run bundle` first, or these numbers are of the older bundle',
  );
}
const r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${name}.ts`, ...args], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
