/**
 * bench/spawn: what starting one child process costs the parent, by the parent's resident size.
 *
 *   npm run bench -- spawn            (or: node --import tsx bench/spawn.ts [--spawns N] [--sizes 0,150,300])
 *
 * Node starts children with fork() then exec() (libuv, Node 20 and 24 alike), and fork copies the
 * parent's page tables: the larger the parent, the dearer every git command it starts. A CLI
 * process of gantry is small; a vitest worker that has run many test files in-process is not, and
 * the suite starts tens of thousands of git processes from such workers. Each size runs in a fresh
 * process that first allocates that many MB of heap (buffers and objects, as a worker holds), then
 * starts `/bin/true` N times one after another and reports its own CPU for them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    spawns: { type: 'string', default: '300' },
    sizes: { type: 'string', default: '0,150,300' },
    child: { type: 'string' },
  },
});
const SPAWNS = Number(values.spawns);

if (values.child !== undefined) {
  const keep: unknown[] = [];
  for (let i = 0; i < Number(values.child); i++) {
    keep.push(Buffer.alloc(1 << 20, 1), new Array(20_000).fill({ i }));
  }
  const once = () => new Promise((done) => spawn('/bin/true').on('close', done));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < SPAWNS; i++) await once();
  const cpu = process.cpuUsage(cpu0);
  const rss = process.memoryUsage().rss;
  console.log(
    JSON.stringify({
      rssMB: Math.round(rss / 2 ** 20),
      wallMs: (performance.now() - t0) / SPAWNS,
      cpuMs: (cpu.user + cpu.system) / 1000 / SPAWNS,
      kept: keep.length,
    }),
  );
} else {
  console.log(
    `bench/spawn: ${SPAWNS} spawns of /bin/true per size; node ${process.version} (libuv ${process.versions.uv})`,
  );
  console.log('  heap added   parent RSS   wall per spawn   parent CPU per spawn');
  for (const size of values.sizes.split(',').map(Number)) {
    const r = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        import.meta.filename,
        '--child',
        String(size),
        '--spawns',
        String(SPAWNS),
      ],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`child for ${size} MB failed: ${r.stderr}`);
    const m = JSON.parse(r.stdout) as { rssMB: number; wallMs: number; cpuMs: number };
    console.log(
      `  ${String(size).padStart(7)} MB   ${String(m.rssMB).padStart(7)} MB   ${m.wallMs.toFixed(2).padStart(11)} ms   ${m.cpuMs.toFixed(2).padStart(15)} ms`,
    );
  }
}
