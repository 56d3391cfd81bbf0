/**
 * bench/state: how long `gantry get stages` and `gantry get freight` take as freight piles up, next
 * to `git ls-remote` of the tags (the floor any git-based tool pays to see them).
 *
 *   npm run bench -- state            (or: npx tsx bench/state.ts [--runs N] [--sizes 1000,10000,50000]
 *                                      [--stages N] [--cli path/to/cli/index.js] [--history]
 *                                      [--ab path/to/other/cli/index.js])
 *
 * Builds the repositories with git plumbing (hash-object, update-ref, fast-import) in a temp dir:
 * `--stages` stages each running a freight with a verification tag, and `--sizes` freight tags.
 * Then it times the bundled CLI (dist/cli/index.js, or --cli) as a user runs it, cold (empty
 * cache, as in a fresh Actions job) and warm (cache kept, as on a laptop). The freight index is
 * built by one untimed `get freight` first (its build time is printed), as the first read after
 * an upgrade builds it. `--history` also runs the older comparison: the same tags with 10× the
 * promotion history.
 *
 * Before anything is timed, each fixture is flushed to disk (`sync`) and every timed command runs
 * once untimed: writing a 50,000-tag fixture leaves hundreds of MB of dirty pages whose writeback
 * would otherwise land in the first timed runs (ls-remote 240 ms instead of 167 ms). The timed
 * commands are unchanged, and cold still means an empty cache for each run.
 *
 * `--ab` times a second CLI (another build, say main's) in the same runs, one command of each in
 * turn, and prints its rows and the ratio: on a machine others share, load that comes and goes
 * then falls on both alike.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stageStateRef } from '../src/state/refs.js';
import { serializeStageState, toStageFreight } from '../src/state/stage-state.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    tags: { type: 'string', default: '10000' },
    commits: { type: 'string', default: '2000' },
    files: { type: 'string', default: '5000' },
    sizes: { type: 'string', default: '1000,10000,50000' },
    stages: { type: 'string', default: '20' },
    cli: { type: 'string' },
    ab: { type: 'string' },
    history: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);
const CLI = values.cli
  ? resolve(values.cli)
  : resolve(import.meta.dirname, '..', 'dist', 'cli', 'index.js');
const AB = values.ab ? resolve(values.ab) : undefined;
const root = mkdtempSync(join(tmpdir(), 'gantry-bench-state-'));
const env = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: root,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: join(root, '.gitconfig'),
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@example.test',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@example.test',
};
const git = (cwd: string, args: string[], input?: string | Buffer) =>
  execFileSync('git', args, { cwd, env, input, maxBuffer: 1 << 30, encoding: 'utf8' });

let STAGES = ['dev', 'qa', 'staging', 'prod-eu', 'prod-us'];
const projectFile = () => `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
stages:
${STAGES.map(
  (s, i) => `  - name: ${s}
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: ${i === 0 ? '{direct: true}' : `{stages: [${STAGES[i - 1]}]}`}
    promotionTemplate:
      steps:
        - uses: yaml-update
`,
).join('')}`;

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');
const freightDoc = (i: number) => {
  const id = sha1(`freight-${i}`);
  const tag = `1.${Math.floor(i / 100)}.${i % 100}`;
  const doc = {
    id,
    alias: `bench-${i}`,
    origin: { kind: 'Warehouse' as const, name: 'echo' },
    images: [
      {
        repoURL: 'ghcr.io/acme/echo',
        tag,
        digest: `sha256:${createHash('sha256').update(tag).digest('hex')}`,
      },
    ],
    charts: [],
    commits: [],
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    createdBy: 'bench',
  };
  return { id, tag, doc };
};

/** A bare repository with `files` manifests, `commits` promotion commits and `tags` freight tags. */
function buildRepo(name: string, tags: number, commits: number, files: number): string {
  const bare = join(root, `${name}.git`);
  git(root, ['init', '-q', '--bare', '-b', 'main', bare]);
  git(bare, ['config', 'uploadpack.allowFilter', 'true']);
  // History: one commit with the manifests and the project file, then the promotions.
  const lines: string[] = [];
  const data = (s: string) => `data ${Buffer.byteLength(s)}\n${s}`;
  lines.push(
    'commit refs/heads/main',
    'committer bench <bench@example.test> 1767225600 +0000',
    data('initial manifests'),
  );
  lines.push(`M 100644 inline .gantry/echo.yaml\n${data(projectFile())}`);
  for (let f = 0; f < files; f++) {
    lines.push(
      `M 100644 inline apps/app-${Math.floor(f / 50)}/manifest-${f}.yaml\n${data(`kind: ConfigMap\nmetadata: {name: cm-${f}}\ndata: {n: "${f}"}\n`)}`,
    );
  }
  for (let c = 0; c < commits; c++) {
    const stage = STAGES[c % STAGES.length] as string;
    const { id, tag, doc } = freightDoc(c % Math.max(tags, 1));
    // Written by gantry's own writer: the shape every promotion commits.
    const state = serializeStageState({
      project: 'echo',
      stage,
      freight: [toStageFreight(doc)],
      promotedAt: '2026-01-01T00:00:00Z',
      promotedBy: 'bench',
      approvedBy: [],
    });
    const msg = `promote(echo/${stage}): ${doc.alias}\n\nGantry-Project: echo\nGantry-Stage: ${stage}\nGantry-Freight: ${id}\nGantry-Alias: ${doc.alias}\nGantry-Warehouse: echo\nGantry-Promoted-By: bench\n`;
    lines.push(
      'commit refs/heads/main',
      `committer bench <bench@example.test> ${1767225600 + c * 60} +0000`,
      data(msg),
    );
    lines.push(`M 100644 inline .gantry/state/echo/${stage}.yaml\n${data(state)}`);
    lines.push(
      `M 100644 inline apps/app-${c % 100}/values.yaml\n${data(`image: {tag: "${tag}"}\n`)}`,
    );
  }
  git(bare, ['fast-import', '--quiet'], lines.join('\n') + '\n');
  // The stage state refs each promotion pushes with its commit (see stageStateRef).
  const promoted = STAGES.slice(0, Math.min(STAGES.length, commits));
  if (promoted.length) {
    const blobs = git(bare, [
      'rev-parse',
      ...promoted.map((s) => `main:.gantry/state/echo/${s}.yaml`),
    ])
      .trim()
      .split('\n');
    git(
      bare,
      ['update-ref', '--stdin'],
      promoted.map((s, i) => `update ${stageStateRef('echo', s)} ${blobs[i]}\n`).join(''),
    );
  }
  // Freight tags: tag objects written in one hash-object process, refs in one update-ref process.
  const tagDir = join(root, `${name}-tags`);
  mkdirSync(tagDir);
  const emptyTree = git(bare, ['mktree'], '').trim();
  const paths: string[] = [];
  const ids: string[] = [];
  for (let t = 0; t < tags; t++) {
    const { id, doc } = freightDoc(t);
    const body = `object ${emptyTree}\ntype tree\ntag gantry/echo/freight/${id}\ntagger bench <bench@example.test> ${1767225600 + t * 60} +0000\n\nfreight ${doc.alias}\n\n${JSON.stringify(doc, null, 2)}\n`;
    const p = join(tagDir, `${t}`);
    writeFileSync(p, body);
    paths.push(p);
    ids.push(id);
  }
  if (tags) {
    const oids = git(
      bare,
      ['hash-object', '-t', 'tag', '-w', '--stdin-paths'],
      paths.join('\n') + '\n',
    )
      .trim()
      .split('\n');
    git(
      bare,
      ['update-ref', '--stdin'],
      oids.map((o, t) => `create refs/tags/gantry/echo/freight/${ids[t]} ${o}\n`).join(''),
    );
    // A verified tag for the current freight of each stage, as verify leaves them: the last
    // promotion commit of each stage promoted freight (c % tags) for the last c of that stage.
    const verified: string[] = [];
    STAGES.forEach((stage, si) => {
      let c = commits - 1;
      while (c >= 0 && c % STAGES.length !== si) c--;
      if (c < 0) return;
      const { id, doc } = freightDoc(c % Math.max(tags, 1));
      const record = {
        project: 'echo',
        stage,
        freightId: id,
        alias: doc.alias,
        verifiedAt: '2026-01-02T00:00:00.000Z',
        verifiedBy: 'bench',
      };
      const body = `object ${emptyTree}\ntype tree\ntag gantry/echo/verified/${stage}/${id}\ntagger bench <bench@example.test> 1767312000 +0000\n\nverified ${doc.alias} in ${stage}\n\n${JSON.stringify(record, null, 2)}\n`;
      const oid = git(bare, ['hash-object', '-t', 'tag', '-w', '--stdin'], body).trim();
      verified.push(`create refs/tags/gantry/echo/verified/${stage}/${id} ${oid}\n`);
    });
    git(bare, ['update-ref', '--stdin'], verified.join(''));
    git(bare, ['pack-refs', '--all']);
    git(bare, ['repack', '-adq']);
  }
  rmSync(tagDir, { recursive: true, force: true });
  return bare;
}

/** CPU seconds (user + system, children included) of the last timed command, via /usr/bin/time. */
let lastCpuMs = NaN;
/** git processes the last timed gantry command ran (GANTRY_DEBUG=1 prints one line for each). */
let lastGits = NaN;
const TIME_BIN = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function time(cmd: string, args: string[], extraEnv: Record<string, string> = {}): number {
  const cpuFile = join(root, 'cpu.txt');
  const [bin, argv] = TIME_BIN
    ? [TIME_BIN, ['-f', '%U %S', '-o', cpuFile, cmd, ...args]]
    : [cmd, args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(bin, argv, {
    env: { ...env, ...extraEnv },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  lastGits = r.stderr.split('\n').filter((l) => l.startsWith('debug: git ')).length;
  lastCpuMs = TIME_BIN
    ? readFileSync(cpuFile, 'utf8')
        .trim()
        .split('\n')
        .pop()!
        .split(' ')
        .reduce((a, b) => a + Number(b) * 1000, 0)
    : NaN;
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function measure(label: string, bare: string) {
  const url = `file://${bare}`;
  const rows: [string, number][] = [];
  const floor = median(
    Array.from({ length: RUNS }, () => time('git', ['ls-remote', url, 'refs/tags/gantry/echo/'])),
  );
  rows.push(['git ls-remote (floor)', floor]);
  for (const kind of ['freight', 'stages', 'promotions']) {
    const cold = median(
      Array.from({ length: RUNS }, () => {
        const cache = mkdtempSync(join(root, 'cache-'));
        const ms = time(process.execPath, [CLI, 'get', kind, '--repo', url, '-o', 'json'], {
          GANTRY_CACHE_DIR: cache,
        });
        rmSync(cache, { recursive: true, force: true });
        return ms;
      }),
    );
    const warmCache = mkdtempSync(join(root, 'cache-'));
    time(process.execPath, [CLI, 'get', kind, '--repo', url, '-o', 'json'], {
      GANTRY_CACHE_DIR: warmCache,
    });
    const warm = median(
      Array.from({ length: RUNS }, () =>
        time(process.execPath, [CLI, 'get', kind, '--repo', url, '-o', 'json'], {
          GANTRY_CACHE_DIR: warmCache,
        }),
      ),
    );
    rows.push([`gantry get ${kind} (cold cache)`, cold], [`gantry get ${kind} (warm cache)`, warm]);
  }
  console.log(`\n${label}`);
  for (const [name, ms] of rows)
    console.log(`  ${name.padEnd(36)} ${ms.toFixed(0).padStart(6)} ms`);
  return new Map(rows);
}

/** Flushes the fixture just written to disk, so its writeback does not slow the timed runs. */
function settle(): void {
  spawnSync('sync', [], { stdio: 'ignore' });
}

const sh = (cmd: string) => execFileSync('sh', ['-c', cmd], { encoding: 'utf8' }).trim();
console.log(
  `bench/state: ${RUNS} runs each, median; node ${process.version}; ${git(root, ['--version']).trim()}; ${sh('nproc')} cores, load average ${sh('cut -d" " -f1-3 /proc/loadavg')} at start`,
);
let ok = true;

/** One command's medians, cold (fresh cache each run) and warm (cache kept): wall and CPU time. */
interface ColdWarm {
  cold: number;
  warm: number;
  coldCpu: number;
  warmCpu: number;
  coldGits: number;
  warmGits: number;
}

/**
 * coldWarm for each of `targets` (a CLI and the remote it reads), their runs taken in turn: two
 * builds on one repository (--ab), or one build on two repositories (the sizes' ratio), so that
 * whatever the machine does meanwhile weighs on each alike.
 */
function coldWarmEach(args: string[], targets: { cli: string; url: string }[]): ColdWarm[] {
  const clis = targets.map((t) => t.cli);
  const urlOf = (c: number) => (targets[c] as { url: string }).url;
  const run = (cli: string, cache: string, url: string) => {
    // GANTRY_DEBUG only prints a line per git command: the count is the bench's second measure,
    // steadier than time on a busy machine.
    const ms = time(process.execPath, [cli, ...args, '--repo', url], {
      GANTRY_CACHE_DIR: cache,
      GANTRY_DEBUG: '1',
    });
    return [ms, lastCpuMs, lastGits] as const;
  };
  type Run = readonly [number, number, number];
  const cold: Run[][] = clis.map(() => []);
  for (let i = 0; i < RUNS; i++)
    clis.forEach((cli, c) => {
      const cache = mkdtempSync(join(root, 'cache-'));
      cold[c]?.push(run(cli, cache, urlOf(c)));
      rmSync(cache, { recursive: true, force: true });
    });
  const warmCaches = clis.map((cli, c) => {
    const cache = mkdtempSync(join(root, 'cache-'));
    run(cli, cache, urlOf(c));
    return cache;
  });
  const warm: Run[][] = clis.map(() => []);
  for (let i = 0; i < RUNS; i++)
    clis.forEach((cli, c) => warm[c]?.push(run(cli, warmCaches[c] as string, urlOf(c))));
  for (const cache of warmCaches) rmSync(cache, { recursive: true, force: true });
  return clis.map((_, c) => {
    const [k, w] = [cold[c] ?? [], warm[c] ?? []];
    return {
      cold: median(k.map((r) => r[0])),
      coldCpu: median(k.map((r) => r[1])),
      coldGits: median(k.map((r) => r[2])),
      warm: median(w.map((r) => r[0])),
      warmCpu: median(w.map((r) => r[1])),
      warmGits: median(w.map((r) => r[2])),
    };
  });
}

// ---- freight scaling: get stages and a page of get freight at each size -----------------------
{
  STAGES = Array.from(
    { length: Number(values.stages) },
    (_, i) => `s${String(i + 1).padStart(2, '0')}`,
  );
  const sizes = values.sizes.split(',').map(Number);
  const ends = new Map<number, string>();
  const rows: {
    size: number;
    floor: number;
    /** The server's pack-objects for the stages' tags (one of a cold get stages' fetches). */
    serverPack: { wall: number; cpu: number };
    stages: ColdWarm;
    freight: ColdWarm;
    build: number;
    /** The same for --ab's CLI. */
    ab?: { stages: ColdWarm; freight: ColdWarm };
  }[] = [];
  for (const size of sizes) {
    const t0 = Date.now();
    // Few promotion commits and manifests: this part is about freight, not history.
    const bare = buildRepo(`scale-${size}`, size, STAGES.length * 10, 200);
    const built = Date.now() - t0;
    const url = `file://${bare}`;
    settle();
    // The first read after an upgrade builds the freight index from the tags: once, untimed here.
    const indexCache = mkdtempSync(join(root, 'cache-'));
    const build = time(process.execPath, [CLI, 'get', 'freight', '--repo', url, '-o', 'json'], {
      GANTRY_CACHE_DIR: indexCache,
    });
    rmSync(indexCache, { recursive: true, force: true });
    // Untimed warm-up: the server side's files in the page cache, as on any machine serving them.
    time('git', ['ls-remote', '--tags', url, 'refs/tags/gantry/echo/*']);
    for (const kind of ['stages', 'freight']) {
      const cache = mkdtempSync(join(root, 'cache-'));
      time(process.execPath, [CLI, 'get', kind, '--repo', url, '-o', 'json'], {
        GANTRY_CACHE_DIR: cache,
      });
      rmSync(cache, { recursive: true, force: true });
    }
    const floor = median(
      Array.from({ length: RUNS }, () =>
        time('git', ['ls-remote', '--tags', url, 'refs/tags/gantry/echo/*']),
      ),
    );
    // The server's share of each fetch: pack-objects writing the stages' tags, as the last fetch
    // of a cold get stages asks for them. git walks every tag of the repository for each pack it
    // writes (to order the pack), so this grows with freight, and a cold get stages makes three
    // such fetches: the tip with the stage state refs, then the project files' blobs and the
    // tags at the same time (the states known from the refs; else one after the other).
    const verified = git(bare, [
      'for-each-ref',
      '--format=%(objectname) %(refname)',
      'refs/tags/gantry/echo/verified/',
    ])
      .trim()
      .split('\n');
    const freightOids = git(bare, [
      'for-each-ref',
      '--format=%(objectname)',
      ...verified.map((l) => `refs/tags/gantry/echo/freight/${l.split('/').pop()}`),
    ]).trim();
    const wants = `${verified.map((l) => l.split(' ')[0]).join('\n')}\n${freightOids}\n`;
    // Ten in one timed shell: /usr/bin/time counts CPU in 10 ms steps.
    const wantsFile = join(root, 'wants.txt');
    writeFileSync(wantsFile, wants);
    const packRuns = Array.from({ length: RUNS }, () => {
      const ms = time('sh', [
        '-c',
        'for i in 1 2 3 4 5 6 7 8 9 10; do git -C "$0" pack-objects --revs --thin --stdout --filter=tree:0 <"$1" >/dev/null || exit 1; done',
        bare,
        wantsFile,
      ]);
      return [ms / 10, lastCpuMs / 10] as const;
    });
    const serverPack = {
      wall: median(packRuns.map((r) => r[0])),
      cpu: median(packRuns.map((r) => r[1])),
    };
    const targets = (AB ? [CLI, AB] : [CLI]).map((cli) => ({ cli, url }));
    const [stages, abStages] = coldWarmEach(['get', 'stages', '-o', 'json'], targets);
    const [freight, abFreight] = coldWarmEach(['get', 'freight', '-o', 'json'], targets);
    console.log(
      `  ${size} freight: repo built in ${built} ms; index built by the first get freight in ${build.toFixed(0)} ms`,
    );
    rows.push({
      size,
      floor,
      serverPack,
      stages: stages as ColdWarm,
      freight: freight as ColdWarm,
      build,
      ...(abStages && abFreight ? { ab: { stages: abStages, freight: abFreight } } : {}),
    });
    // The smallest and the largest stay for the ratio below.
    if (size === Math.min(...sizes) || size === Math.max(...sizes)) ends.set(size, url);
    else if (!values.keep) rmSync(bare, { recursive: true, force: true });
  }
  // The bar's ratio, the largest repository against the smallest, from runs taken in turn: the
  // rows above are measured one size after another, the largest just after its repository was
  // written (tens of seconds of I/O), and a faster machine, on which gantry's own share shrinks,
  // made that order alone worth 1.5x (get stages cold at 50,000 / 1,000 freight: 1.53-1.69x
  // measured by size, 1.11x taken in turn, on the same repositories).
  const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
  const turns =
    small !== large && ends.has(small) && ends.has(large)
      ? coldWarmEach(
          ['get', 'stages', '-o', 'json'],
          [small, large].map((n) => ({ cli: CLI, url: ends.get(n) as string })),
        )
      : undefined;
  if (!values.keep)
    for (const u of ends.values()) rmSync(fileURLToPath(u), { recursive: true, force: true });
  const f = (ms: number) => `${ms.toFixed(0)} ms`;
  const cols = (xs: string[], w = 14) => xs.map((x) => x.padStart(w)).join('');
  console.log(
    `\n${STAGES.length} stages; medians of ${RUNS}; wall time (CPU time, children included; git processes)`,
  );
  console.log(
    `  ${'freight'.padEnd(7)}${cols(['ls-remote', 'stages cold', 'stages warm', 'freight cold', 'freight warm'], 26)}${cols(['stages cold/ls-remote'], 24)}`,
  );
  const both = (ms: number, cpu: number, gits: number) => `${f(ms)} (${f(cpu)}; ${gits})`;
  for (const r of rows)
    console.log(
      `  ${String(r.size).padEnd(7)}${cols([f(r.floor), both(r.stages.cold, r.stages.coldCpu, r.stages.coldGits), both(r.stages.warm, r.stages.warmCpu, r.stages.warmGits), both(r.freight.cold, r.freight.coldCpu, r.freight.coldGits), both(r.freight.warm, r.freight.warmCpu, r.freight.warmGits)], 26)}${cols([`${(r.stages.cold / r.floor).toFixed(2)}x`], 24)}`,
    );
  console.log(
    `\nserver side, per fetch (git pack-objects of the stages' tags; a cold get stages fetches three times, the last two at once)`,
  );
  for (const r of rows)
    console.log(
      `  ${String(r.size).padEnd(7)}${cols([`${f(r.serverPack.wall)} (${f(r.serverPack.cpu)} CPU)`], 26)}`,
    );
  if (AB) {
    console.log(`\n--ab ${AB}, in the same runs (its time / ${CLI}'s in brackets)`);
    const vs = (b: number, a: number) => `${f(b)} (${(b / a).toFixed(2)}x)`;
    for (const r of rows) {
      const b = r.ab;
      if (!b) continue;
      console.log(
        `  ${String(r.size).padEnd(7)}${cols([vs(b.stages.cold, r.stages.cold), vs(b.stages.warm, r.stages.warm), vs(b.freight.cold, r.freight.cold), vs(b.freight.warm, r.freight.warm)], 26)}   git processes ${b.stages.coldGits} / ${b.freight.coldGits}`,
      );
    }
  }
  if (turns) {
    const [a, b] = turns as [ColdWarm, ColdWarm];
    const byRow = (k: 'cold' | 'warm') =>
      ((at(large)?.stages[k] ?? NaN) / (at(small)?.stages[k] ?? NaN)).toFixed(2);
    console.log(
      `\nget stages, ${large} vs ${small} freight, runs taken in turn (${RUNS} each; the rows above, one size after the other: cold ${byRow('cold')}x, warm ${byRow('warm')}x)`,
    );
    console.log(
      `  cold ${f(b.cold)} / ${f(a.cold)} = ${(b.cold / a.cold).toFixed(2)}x   warm ${f(b.warm)} / ${f(a.warm)} = ${(b.warm / a.warm).toFixed(2)}x`,
    );
  }
  function at(n: number) {
    return rows.find((r) => r.size === n);
  }
  const inTurn = (k: 'cold' | 'warm') =>
    turns && small === 1000 && large === 50000
      ? (turns[1] as ColdWarm)[k] / (turns[0] as ColdWarm)[k]
      : undefined;
  const checks: [string, number | undefined, (v: number) => boolean, string][] = [
    ['get stages cold at 10,000 freight', at(10000)?.stages.cold, (v) => v < 300, '< 300 ms'],
    ['get stages cold, 50,000 / 1,000 freight', inTurn('cold'), (v) => v <= 1.2, '<= 1.2x'],
    ['get stages warm, 50,000 / 1,000 freight', inTurn('warm'), (v) => v <= 1.2, '<= 1.2x'],
    [
      'get freight (default page) cold at 50,000',
      at(50000)?.freight.cold,
      (v) => v < 500,
      '< 500 ms',
    ],
  ];
  console.log('\nbars (issue 15):');
  for (const [name, v, pass, bar] of checks) {
    if (v === undefined) continue;
    const good = pass(v);
    ok &&= good;
    console.log(
      `  ${name.padEnd(44)} ${v < 10 ? `${v.toFixed(2)}x` : `${v.toFixed(0)} ms`}  (bar ${bar})  ${good ? 'ok' : 'OVER'}`,
    );
  }
}

// ---- history: the same tags with 10x the promotion history (--history) ------------------------
if (values.history) {
  STAGES = ['dev', 'qa', 'staging', 'prod-eu', 'prod-us'];
  const tags = Number(values.tags);
  const commits = Number(values.commits);
  const files = Number(values.files);
  let t0 = Date.now();
  const base = buildRepo('base', tags, commits, files);
  console.log(
    `\nbuilt base repo (${tags} freight tags, ${commits} promotion commits, ${files} manifests) in ${Date.now() - t0} ms`,
  );
  t0 = Date.now();
  const deep = buildRepo('deep', tags, commits * 10, files);
  console.log(
    `built 10x-history repo (${tags} freight tags, ${commits * 10} promotion commits) in ${Date.now() - t0} ms`,
  );
  settle();
  const a = measure(`base: ${tags} tags, ${commits} commits`, base);
  const b = measure(`10x history: ${tags} tags, ${commits * 10} commits`, deep);
  console.log('\nratio 10x-history / base (target ≤ 1.3), and base under 1 s:');
  for (const [name, ms] of a) {
    if (name.startsWith('git')) continue;
    const ratio = (b.get(name) ?? NaN) / ms;
    const pass = ratio <= 1.3 && ms < 1000;
    ok &&= pass;
    console.log(`  ${name.padEnd(36)} ${ratio.toFixed(2)}x   ${pass ? 'ok' : 'OVER'}`);
  }
}
console.log(`\nload average at end: ${sh('cut -d" " -f1-3 /proc/loadavg')}`);
if (!values.keep) rmSync(root, { recursive: true, force: true });
else console.log(`kept ${root}`);
process.exitCode = ok ? 0 : 1;
