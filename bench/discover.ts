/**
 * bench/discover: image discovery against a real registry (Debian's docker-registry) behind a
 * paging proxy, next to skopeo on the same repository.
 *
 *   npm run bench -- discover        (or: node --import tsx bench/discover.ts [--tags N] [--runs N])
 *
 * 1. A repository of 10,000 tags, pages of 100: `skopeo list-tags` vs gantry's SemVer selection
 *    with discoveryLimit 20 (time, and registry requests: at most pages + 20), in this process and
 *    as a whole process (bench/discover-process.ts bundled with esbuild into the temporary
 *    directory: node's start, loading the modules, the requests), with the CPU each process used,
 *    and `gantry discover --dry-run` from the bundled CLI (scripts/bundle.mjs into the temporary
 *    directory, or `--cli FILE`; `--process FILE` for a discover-process bundle built from another
 *    checkout, to compare versions) on a GitOps repository over file:// whose one project subscribes
 *    to the same repository, with an empty cache each run: what a scheduled job runs, which also
 *    reads the project file and the project's state from git.
 *    Interleaved (skopeo, gantry, skopeo, ...), medians. The proxy pages lexically, as
 *    distribution and GHCR do, so gantry lists the pages after the first in parallel chains over
 *    intervals of tag names (src/discovery/oci/tag-ranges.ts); the whole process also runs with
 *    one page after another (tagListConcurrency 1), the listing skopeo does.
 *
 *    Two servers, in the same interleaved runs, each with its own skopeo rows:
 *    - one thread: the proxy as it always was (the rows before this split measured it, so they
 *      stay comparable). It orders the whole 10,000-tag listing for every page, as distribution
 *      reads a repository's whole tag directory for every page: about 2 ms of CPU a page (a
 *      listing costs this process 210-250 ms of CPU for 101 pages, and its one thread is busy for
 *      80-90% of skopeo's wall time). So it answers one page at a time, whatever is asked at
 *      once: the listing takes the same time sequential or parallel, and the whole-process gap to
 *      skopeo is what happens before the first request (node's own start, about 48 ms to the
 *      first line of a script here, then about 6 ms of loading discovery's modules and 3 ms to
 *      the first write; skopeo's first request leaves about 15 ms after its start, gantry's
 *      about 70).
 *    - concurrent: the same proxy with `paging.workers` (test/support/registry.ts), a worker
 *      thread per core (as Go's GOMAXPROCS) computing the pages asked at once while the main
 *      thread does HTTP; a page asked alone is computed on the main thread as before, so that
 *      skopeo, which asks one page at a time, pays no hand-off between threads (sending every
 *      page to a worker cost it 8-40% here). Same pages, Link headers and request records
 *      (test/integration/registry-proxy-pool.test.ts).
 *      Distribution serves each request on its own goroutine and GHCR is a scaled service, so a
 *      real registry answers concurrent requests concurrently: the single thread is an artifact of
 *      emulating paging in node, and it hides what the issue asks to measure, parallel page
 *      fetches where the registry allows them. The issue's targets (the whole process at most
 *      1.1x skopeo among them) are on these rows, and decide the exit status.
 *    On this machine's two cores the pool's threads, the client and the registry share the CPU,
 *    so the concurrent server still serializes part of the work: its rows understate what a
 *    registry on its own machines would allow.
 *
 *    A/B against another checkout: bundle its bench/discover-process.ts with the options of the
 *    build() call below (banner included) into a directory of its own, then
 *      npm run bench -- discover --listing-only --process <that directory>/discover-process.mjs
 * 1b. The tag listing alone, whole process, for tag names of several shapes (test/support/
 *    tag-shapes.ts) served by the same proxy: skopeo, gantry sequential, gantry parallel: wall
 *    time, requests and CPU, so the split points are seen to help beyond the `M.m.p` tags of 1.
 * 2. NewestBuild, first and second run on the unchanged repository (the second: tag pages only).
 * 3. 50 subscriptions across 5 registries at once vs the slowest one alone (at most 2×).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { discoverImages } from '../src/discovery/images.js';
import {
  DEFAULT_TAG_LIST_CONCURRENCY,
  RegistryClient,
  TAG_LIST_BOUNDARIES_PER_CHAIN,
} from '../src/discovery/oci/client.js';
import type { ImageSubscription } from '../src/pipeline/index.js';
import {
  RegistryPusher,
  startProxy,
  startRegistry,
  type RegistryProxy,
  type TestRegistry,
} from '../test/support/registry.js';
import { createBareRepo, testGitEnv } from '../test/support/repos.js';
import { tagShapes } from '../test/support/tag-shapes.js';

const { values } = parseArgs({
  options: {
    tags: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '16' },
    cli: { type: 'string' },
    /**
     * A discover-process bundle built elsewhere (another checkout's bench/discover-process.ts,
     * bundled as below), for A/B runs against another version of discovery.
     */
    process: { type: 'string' },
    /** Sections 1 and 1b only (the tag listing), not NewestBuild and the 50 subscriptions. */
    'listing-only': { type: 'boolean', default: false },
  },
});
const TAGS = Number(values.tags);
const RUNS = Number(values.runs);
const PAGE = 100;
/** Section 1's concurrent server: a worker thread per core, as Go's GOMAXPROCS. */
const WORKERS = availableParallelism();
/** 1b's second proxy: a registry across a network. */
const RTT_MS = 20;
/** Most requests the parallel listing adds to the pages. */
const PARALLEL_EXTRA = TAG_LIST_BOUNDARIES_PER_CHAIN * DEFAULT_TAG_LIST_CONCURRENCY;
const quiet = { info: () => undefined, warn: (l: string) => console.error(`warning: ${l}`) };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const time = async (fn: () => Promise<unknown>): Promise<number> => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};
const sub = (repoURL: string, extra: Partial<ImageSubscription> = {}): ImageSubscription => ({
  repoURL,
  imageSelectionStrategy: 'SemVer',
  strictSemvers: true,
  allowTagsRegexes: [],
  ignoreTagsRegexes: [],
  discoveryLimit: 20,
  insecureSkipTLSVerify: false,
  ...extra,
});
const CONCURRENCY = Number(values.concurrency);
const client = () =>
  new RegistryClient({ requestTimeoutMs: 30_000, concurrencyPerRegistry: CONCURRENCY });
/**
 * A process's wall time and the CPU it used (user + system, from wait4 via `/usr/bin/time`), and
 * the registry requests it reports on stderr (`requests N`, bench/discover-process.ts).
 */
function timedProcess(
  cmd: string,
  args: string[],
  env?: Record<string, string>,
): Promise<{ ms: number; cpu: number; requests: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('/usr/bin/time', ['-f', 'cpu %U %S', cmd, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      ...(env && { env }),
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(err);
      if (code !== 0 || !m) reject(new Error(`${cmd} failed: ${err}`));
      else {
        const requests = Number(/^requests (\d+)$/m.exec(err)?.[1] ?? NaN);
        resolve({ ms, cpu: (Number(m[1]) + Number(m[2])) * 1000, requests });
      }
    });
  });
}
/** CPU used so far by this process's docker-registry children (from /proc), in ms. */
function registriesCpu(): number {
  let ms = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    // pid (comm) state ppid ... utime stime: fields 4, 14 and 15, in clock ticks (100 a second).
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (!stat.includes('(docker-registry)') || Number(f[1]) !== process.pid) continue;
    ms += (Number(f[11]) + Number(f[12])) * 10;
  }
  return ms;
}
type Timed = { ms: number; cpu: number; requests: number };
const mid = (xs: Timed[]): Timed => ({
  ms: median(xs.map((x) => x.ms)),
  cpu: median(xs.map((x) => x.cpu)),
  requests: xs[0]?.requests ?? 0,
});
interface Section1Server {
  title: string;
  proxy: RegistryProxy;
  repoURL: string;
  /** A GitOps repository whose one project subscribes to repoURL. */
  gitops: string;
  /** Its rows carry the issue's targets. */
  target: boolean;
}
const tagNames = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `${Math.floor(i / 1000)}.${Math.floor(i / 10) % 100}.${i % 10}`,
  );

async function seed(registry: TestRegistry, repo: string, tags: string[]): Promise<void> {
  const pusher = new RegistryPusher(registry.url);
  const base = await pusher.pushImage(repo, [tags[0] as string], {
    created: '2026-01-01T00:00:00Z',
  });
  await pusher.tagMany(repo, tags.slice(1), base.bytes, base.mediaType, 16);
}

const skopeoVersion =
  spawnSync('skopeo', ['--version'], { encoding: 'utf8' }).stdout.trim() || 'skopeo not installed';
console.log(
  `bench/discover: median of ${RUNS}; node ${process.version}; ${skopeoVersion}; ${execFileSync('docker-registry', ['--version'], { encoding: 'utf8' }).trim()}`,
);

const cacheRoot = mkdtempSync(join(tmpdir(), 'gantry-bench-discover-'));
const registries: TestRegistry[] = [];
const proxies: RegistryProxy[] = [];
try {
  // 1. One repository of TAGS tags behind a proxy that pages by 100, as GHCR does.
  const reg = await startRegistry();
  registries.push(reg);
  let t0 = Date.now();
  await seed(reg, 'bench/app', tagNames(TAGS));
  console.log(`pushed ${TAGS} tags in ${Date.now() - t0} ms`);
  const proxy = await startProxy(reg.url, { pageSize: PAGE, order: 'lexical', link: 'relative' });
  proxies.push(proxy);
  const pooled = await startProxy(reg.url, {
    pageSize: PAGE,
    order: 'lexical',
    link: 'relative',
    workers: WORKERS,
  });
  proxies.push(pooled);
  const repoURL = `${proxy.host}/bench/app`;
  const pages = Math.ceil(TAGS / PAGE);

  // Not spawnSync: the paging proxy answers from this process. Interleaved with gantry as its
  // own process, so that whatever else loads the machine weighs on both alike.
  // Split at dynamic imports as esbuild splits dist/: what discovery loads only when a subscription
  // needs it (the RE2 engine for tag regexes) stays out of a process whose subscription does not.
  const bundle = values.process
    ? resolve(values.process)
    : join(cacheRoot, 'process', 'discover-process.mjs');
  if (!values.process)
    await build({
      entryPoints: [new URL('./discover-process.ts', import.meta.url).pathname],
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outdir: join(cacheRoot, 'process'),
      outExtension: { '.js': '.mjs' },
      logLevel: 'error',
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
    });
  // The CLI as a scheduled job runs it, on a GitOps repository of one project.
  let cli = values.cli ? resolve(values.cli) : '';
  if (!cli) {
    execFileSync(process.execPath, ['scripts/bundle.mjs', '--out', join(cacheRoot, 'dist')], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    cli = join(cacheRoot, 'dist', 'cli', 'index.js');
  }
  const gitEnv = testGitEnv(cacheRoot);
  const gitopsFor = (name: string, url: string) =>
    createBareRepo(cacheRoot, name, {
      '.gantry/app.yaml': `project: app
warehouses:
  - name: app
    subscriptions:
      - image: {repoURL: ${url}, imageSelectionStrategy: SemVer, strictSemvers: true, discoveryLimit: 20}
stages:
  - name: dev
    requestedFreight:
      - origin: {kind: Warehouse, name: app}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: yaml-update
          config:
            path: env/dev.yaml
            updates: [{key: image.tag, value: "\${{ imageFrom('${url}').Tag }}"}]
`,
    });
  /** Section 1's two servers in front of the same registry, measured in the same runs. */
  const servers: Section1Server[] = [
    {
      title: 'one thread: the paging proxy orders every page on its one thread, one page at a time',
      proxy,
      repoURL,
      gitops: gitopsFor('gitops', repoURL),
      target: false,
    },
    {
      title: `concurrent: ${WORKERS} worker threads order the pages asked at once (answers concurrently, as distribution and GHCR do)`,
      proxy: pooled,
      repoURL: `${pooled.host}/bench/app`,
      gitops: gitopsFor('gitops-concurrent', `${pooled.host}/bench/app`),
      target: true,
    },
  ];
  const cliRun = (s: Section1Server, i: number) =>
    timedProcess(
      process.execPath,
      [cli, 'discover', '--project', 'app', '--repo', `file://${s.gitops}`, '--dry-run'],
      { ...gitEnv, GANTRY_CACHE_DIR: join(cacheRoot, `cli-${s.proxy.host}-${i}`) },
    );
  type Runs = {
    skopeo: Timed[];
    whole: Timed[];
    seq: Timed[];
    cli: Timed[];
    /** This process's CPU while skopeo listed (the proxy's: the bench does nothing else). */
    serverCpu: number[];
    /** How long the proxy's main thread was busy while skopeo listed. */
    serverBusy: number[];
    /** Pages the proxy's worker threads computed, each run (none on the one-thread server). */
    offMain: { skopeo: number[]; whole: number[]; seq: number[] };
  };
  const runs = new Map<Section1Server, Runs>(
    servers.map((s) => [
      s,
      {
        skopeo: [],
        whole: [],
        seq: [],
        cli: [],
        serverCpu: [],
        serverBusy: [],
        offMain: { skopeo: [], whole: [], seq: [] },
      },
    ]),
  );
  for (let i = 0; i < RUNS; i++) {
    for (const s of servers) {
      const r = runs.get(s) as Runs;
      const offMain = async (kind: keyof Runs['offMain'], run: () => Promise<Timed>) => {
        const before = s.proxy.workerPages.length;
        const t = await run();
        r.offMain[kind].push(s.proxy.workerPages.length - before);
        return t;
      };
      const cpu0 = process.cpuUsage();
      const elu0 = performance.eventLoopUtilization();
      r.skopeo.push(
        await offMain('skopeo', () =>
          timedProcess('skopeo', ['list-tags', '--tls-verify=false', `docker://${s.repoURL}`]),
        ),
      );
      const cpu = process.cpuUsage(cpu0);
      r.serverCpu.push((cpu.user + cpu.system) / 1000);
      r.serverBusy.push(performance.eventLoopUtilization(elu0).active);
      r.whole.push(
        await offMain('whole', () =>
          timedProcess(process.execPath, [
            bundle,
            s.repoURL,
            'SemVer',
            join(cacheRoot, `process-${s.proxy.host}-${i}`),
          ]),
        ),
      );
      r.seq.push(
        await offMain('seq', () =>
          timedProcess(process.execPath, [
            bundle,
            s.repoURL,
            'SemVer',
            join(cacheRoot, `process-seq-${s.proxy.host}-${i}`),
            '1',
          ]),
        ),
      );
      r.cli.push(await cliRun(s, i));
    }
  }
  const inProcess = new Map<Section1Server, { ms: number; requests: number; selected: string }>();
  for (const s of servers) {
    const semverTimes: number[] = [];
    let semverRequests = 0;
    let selected = '';
    for (let i = 0; i < RUNS; i++) {
      const c = client();
      s.proxy.reset();
      semverTimes.push(
        await time(async () => {
          const found = await discoverImages(sub(s.repoURL), c, {
            cacheDir: join(cacheRoot, `semver-${s.proxy.host}-${i}`),
            log: quiet,
            concurrencyPerRegistry: 8,
          });
          selected = found[0]?.tag ?? '';
        }),
      );
      semverRequests = s.proxy.requests.length;
      await c.close();
    }
    inProcess.set(s, { ms: median(semverTimes), requests: semverRequests, selected });
  }
  console.log(
    `\n1. ${TAGS} tags, pages of ${PAGE} (${pages} pages), two servers, runs interleaved`,
  );
  let semver = 0;
  let semverRequests = 0;
  let whole = 0;
  let skopeo = 0;
  for (const s of servers) {
    const r = runs.get(s) as Runs;
    const sk = mid(r.skopeo);
    const w = mid(r.whole);
    const q = mid(r.seq);
    const c = mid(r.cli);
    const ip = inProcess.get(s) as { ms: number; requests: number; selected: string };
    const target = (t: string) => (s.target ? `(target ≤ ${t})` : '             ').padEnd(15);
    if (s.target) {
      semver = ip.ms;
      semverRequests = ip.requests;
      whole = w.ms;
      skopeo = sk.ms;
    }
    console.log(`  ${s.title}`);
    console.log(
      `   skopeo list-tags                     ${sk.ms.toFixed(0).padStart(6)} ms                                 CPU ${sk.cpu.toFixed(0)} ms; the server's CPU ${median(r.serverCpu).toFixed(0)} ms (${(median(r.serverCpu) / pages).toFixed(1)} a page), its main thread busy ${median(r.serverBusy).toFixed(0)} ms`,
    );
    console.log(
      `   gantry SemVer, discoveryLimit 20     ${ip.ms.toFixed(0).padStart(6)} ms   ${(ip.ms / sk.ms).toFixed(2)}x skopeo ${target('1.5')}   selected ${ip.selected}`,
    );
    console.log(
      `   registry requests                    ${String(ip.requests).padStart(6)}      ${s.target ? `target ≤ ${pages + 20 + PARALLEL_EXTRA} (pages + 20 + ${PARALLEL_EXTRA}, one per boundary between parallel chains)` : ''}`,
    );
    console.log(
      `   gantry SemVer, whole process         ${w.ms.toFixed(0).padStart(6)} ms   ${(w.ms / sk.ms).toFixed(2)}x skopeo ${target('1.1')}   CPU ${w.cpu.toFixed(0)} ms vs skopeo ${sk.cpu.toFixed(0)} ms   ${w.requests} requests`,
    );
    console.log(
      `     the same, pages one after another  ${q.ms.toFixed(0).padStart(6)} ms   ${(q.ms / sk.ms).toFixed(2)}x skopeo                   CPU ${q.cpu.toFixed(0)} ms   ${q.requests} requests`,
    );
    console.log(
      `   gantry discover (CLI, --dry-run)     ${c.ms.toFixed(0).padStart(6)} ms   ${(c.ms / sk.ms).toFixed(2)}x skopeo                   CPU ${c.cpu.toFixed(0)} ms (also reads the project and its state from git)`,
    );
    if (s.target)
      console.log(
        `   pages the worker threads computed (median): skopeo ${median(r.offMain.skopeo)}, gantry ${median(r.offMain.whole)}, one after another ${median(r.offMain.seq)}; the rest on the main thread`,
      );
  }
  console.log(
    `   load average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );

  // 1b. The listing alone for tag names of several shapes: fake tag lists in the same proxy, and
  // in one that adds a network's round trip, where requests in flight at once overlap their waits.
  const shapes = Object.entries(tagShapes(TAGS));
  const netProxy = await startProxy(
    reg.url,
    { pageSize: PAGE, order: 'lexical', link: 'relative' },
    RTT_MS,
  );
  proxies.push(netProxy);
  for (const p of [proxy, netProxy]) {
    shapes.forEach(([, tags], k) => p.fakeTags.set(`shapes/s${k}`, tags));
  }
  const cell = (x: Timed) =>
    `${x.ms.toFixed(0).padStart(5)} ms ${String(x.requests).padStart(4)} req ${x.cpu.toFixed(0).padStart(4)} cpu`;
  for (const [p, label, runs] of [
    [proxy, 'loopback', RUNS],
    [netProxy, `${RTT_MS} ms round trip`, Math.min(RUNS, 3)],
  ] as const) {
    console.log(
      `\n1b. tag listing alone, whole process, ${TAGS} tags of each shape (but the last two), pages of ${PAGE}, ${label}, median of ${runs}`,
    );
    console.log(
      `   ${'shape'.padEnd(44)} ${'skopeo'.padStart(7)}  ${'sequential'.padEnd(25)}  ${'parallel'.padEnd(25)}  parallel/skopeo`,
    );
    const listRun = (k: number, chains?: string) =>
      timedProcess(process.execPath, [
        bundle,
        `${p.host}/shapes/s${k}`,
        'list',
        join(cacheRoot, 'list'),
        ...(chains ? [chains] : []),
      ]);
    for (const [k, [name, tags]] of shapes.entries()) {
      const sk: number[] = [];
      const sq: Timed[] = [];
      const par: Timed[] = [];
      for (let i = 0; i < runs; i++) {
        const url = `docker://${p.host}/shapes/s${k}`;
        sk.push((await timedProcess('skopeo', ['list-tags', '--tls-verify=false', url])).ms);
        sq.push(await listRun(k, '1'));
        par.push(await listRun(k));
      }
      const s1 = median(sk);
      const b = mid(par);
      console.log(
        `   ${`${name} (${tags.length})`.padEnd(44)} ${s1.toFixed(0).padStart(4)} ms  ${cell(mid(sq))}  ${cell(b)}  ${(b.ms / s1).toFixed(2)}x`,
      );
    }
    console.log(
      `   load average at the end: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  }

  let extra = 0;
  let all = 0;
  let slowest = 0;
  if (!values['listing-only']) {
    // 2. NewestBuild twice on the unchanged repository, sharing the cache directory.
    const nbCache = join(cacheRoot, 'newest-build');
    const nb = async (label: string) => {
      const c = client();
      proxy.reset();
      const ms = await time(() =>
        discoverImages(sub(repoURL, { imageSelectionStrategy: 'NewestBuild' }), c, {
          cacheDir: nbCache,
          log: quiet,
          concurrencyPerRegistry: 8,
        }),
      );
      const tagPages = proxy.requests.filter((r) => r.path.includes('/tags/list')).length;
      console.log(
        `   ${label.padEnd(36)} ${ms.toFixed(0).padStart(6)} ms   ${String(proxy.requests.length).padStart(6)} requests (${tagPages} tag pages)`,
      );
      await c.close();
      return proxy.requests.length - tagPages;
    };
    console.log('\n2. NewestBuild on the same repository');
    await nb('first run (reads build times)');
    extra = await nb('second run, nothing changed');
    console.log(`   second run: requests beyond the tag pages: ${extra} (target 0)`);

    // 3. 50 subscriptions across 5 registries, each repository 200 tags in pages of 100. Loopback
    // has no latency, so the work would be CPU-bound on this machine's 2 cores and concurrency could
    // not show; each proxy adds the round trip of a registry across the internet.
    const perRepo = 200;
    const RTT = 40;
    t0 = Date.now();
    const subs: ImageSubscription[] = [];
    for (let r = 0; r < 5; r++) {
      const reg5 = await startRegistry();
      registries.push(reg5);
      await Promise.all(
        Array.from({ length: 10 }, (_, k) => seed(reg5, `team/app-${k}`, tagNames(perRepo))),
      );
      const p = await startProxy(
        reg5.url,
        { pageSize: PAGE, order: 'lexical', link: 'relative' },
        RTT,
      );
      proxies.push(p);
      for (let k = 0; k < 10; k++) subs.push(sub(`${p.host}/team/app-${k}`));
    }
    console.log(
      `\n3. 50 subscriptions across 5 registries (${perRepo} tags each; pushed in ${Date.now() - t0} ms)`,
    );
    const singles: number[] = [];
    // Each measurement starts cold (a new client, as each scheduled run does).
    for (const s of subs) {
      const xs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const c = client();
        xs.push(
          await time(() =>
            discoverImages(s, c, {
              cacheDir: join(cacheRoot, 'single'),
              log: quiet,
              concurrencyPerRegistry: 8,
            }),
          ),
        );
        await c.close();
      }
      singles.push(median(xs));
    }
    slowest = Math.max(...singles);
    const alls: number[] = [];
    const allCpu: number[] = [];
    const registryCpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const c = client();
      const cpu0 = process.cpuUsage();
      const reg0 = registriesCpu();
      alls.push(
        await time(() =>
          Promise.all(
            subs.map((s) =>
              discoverImages(s, c, {
                cacheDir: join(cacheRoot, `all-${i}`),
                log: quiet,
                concurrencyPerRegistry: 8,
              }),
            ),
          ),
        ),
      );
      const cpu = process.cpuUsage(cpu0);
      allCpu.push((cpu.user + cpu.system) / 1000);
      registryCpu.push(registriesCpu() - reg0);
      await c.close();
    }
    all = median(alls);
    console.log(`   slowest single subscription           ${slowest.toFixed(0).padStart(6)} ms`);
    console.log(
      `   all 50 at once (${CONCURRENCY} per registry)       ${all.toFixed(0).padStart(6)} ms   ${(all / slowest).toFixed(2)}x the slowest (target ≤ 2)`,
    );
    // One subscription alone waits on three round trips; fifty at once also need this CPU, on
    // the machine's cores beside whatever else runs there, so the ratio follows the load.
    console.log(
      `   CPU of the 50: this process (client and proxies) ${median(allCpu).toFixed(0)} ms, the registries ${median(registryCpu).toFixed(0)} ms; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  }
  const ok =
    semver <= 1.5 * skopeo &&
    whole <= 1.1 * skopeo &&
    semverRequests <= pages + 20 + PARALLEL_EXTRA &&
    extra === 0 &&
    all <= 2 * slowest;
  console.log(`\n${ok ? 'all targets met' : 'A TARGET WAS MISSED'}`);
  process.exitCode = ok ? 0 : 1;
} finally {
  await Promise.all(proxies.map((p) => p.close()));
  await Promise.all(registries.map((r) => r.close()));
  rmSync(cacheRoot, { recursive: true, force: true });
}
