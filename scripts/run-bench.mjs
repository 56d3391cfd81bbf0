// npm run bench -- <name> [args]: runs bench/<name>.ts with tsx after making sure dist/ is built.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const [name = 'state', ...args] = process.argv.slice(2);
if (!existsSync(new URL(`../bench/${name}.ts`, import.meta.url))) {
  console.error(`no benchmark bench/${name}.ts`);
  process.exit(2);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${name}.ts`, ...args], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
