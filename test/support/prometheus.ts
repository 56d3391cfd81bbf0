/**
 * A real Prometheus for tests: Debian's `prometheus` (2.42) on 127.0.0.1 with a free port and a
 * temporary TSDB, optionally preloaded with `promtool tsdb create-blocks-from openmetrics` (so
 * queries answer at once, instead of after the first scrape some 5 s after start), optionally
 * scraping local targets, optionally behind basic auth (`--web.config.file`, hashed with htpasswd
 * from apache2-utils).
 *
 * Needs the Debian package `prometheus` (which ships `promtool` too); scripts/install-test-deps.sh
 * installs it. `hasPrometheus()` lets a suite skip, with `PROMETHEUS_MISSING` as the reason, on a
 * machine without it.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

function onPath(command: string): boolean {
  for (const dir of (process.env.PATH ?? '/usr/bin:/bin').split(delimiter)) {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      // Next directory.
    }
  }
  return false;
}

/** Are `prometheus` and `promtool` installed? */
export function hasPrometheus(): boolean {
  return onPath('prometheus') && onPath('promtool');
}

export const PROMETHEUS_MISSING =
  'prometheus/promtool are not installed; install them with: apt-get install -y --no-install-recommends prometheus (scripts/install-test-deps.sh does)';

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve, reject) => {
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', resolve);
  });
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

export interface PrometheusOptions {
  /**
   * OpenMetrics text (without the final `# EOF`, which is added) loaded into the TSDB before
   * start; samples need timestamps (seconds), e.g. `up{job="x"} 1 1767225600`.
   */
  openMetrics?: string;
  /** `host:port` targets to scrape every second (job `test`). */
  scrapeTargets?: string[];
  /** Basic auth for every API call (`--web.config.file`; the hash comes from `htpasswd -B`). */
  basicAuth?: { user: string; password: string };
}

export interface TestPrometheus {
  /** `http://127.0.0.1:<port>` */
  url: string;
  dir: string;
  close(): Promise<void>;
}

async function waitReady(
  url: string,
  exited: Promise<unknown>,
  headers: Record<string, string>,
): Promise<boolean> {
  // Until /-/ready says 200 the TSDB (and the preloaded blocks) may not be open yet.
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && !gone) {
    try {
      const res = await fetch(`${url}/-/ready`, { headers, signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.status === 200) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/** Start Prometheus and wait until `/-/ready` answers; `close()` stops it and removes its data. */
export async function startPrometheus(opts: PrometheusOptions = {}): Promise<TestPrometheus> {
  if (!hasPrometheus()) throw new Error(PROMETHEUS_MISSING);
  const dir = mkdtempSync(join(tmpdir(), 'gantry-prometheus-'));
  const data = join(dir, 'data');
  try {
    if (opts.openMetrics !== undefined) {
      const seed = join(dir, 'seed.om');
      writeFileSync(seed, `${opts.openMetrics.trimEnd()}\n# EOF\n`);
      await run('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', seed, data]);
    }
    const targets = opts.scrapeTargets ?? [];
    writeFileSync(
      join(dir, 'prometheus.yml'),
      'global: {scrape_interval: 1s, evaluation_interval: 1s}\n' +
        (targets.length
          ? `scrape_configs:\n  - {job_name: test, static_configs: [{targets: ${JSON.stringify(targets)}}]}\n`
          : 'scrape_configs: []\n'),
    );
    const headers: Record<string, string> = {};
    const webArgs: string[] = [];
    if (opts.basicAuth) {
      const { user, password } = opts.basicAuth;
      const { stdout } = await run('htpasswd', ['-nbB', user, password]);
      const hash = stdout.trim().split(':').slice(1).join(':');
      writeFileSync(
        join(dir, 'web.yml'),
        `basic_auth_users:\n  ${user}: ${JSON.stringify(hash)}\n`,
      );
      webArgs.push(`--web.config.file=${join(dir, 'web.yml')}`);
      headers.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    }
    let child: ChildProcess | undefined;
    let url = '';
    let stderr = '';
    // A port found free may be taken before Prometheus binds it; try a few.
    for (let attempt = 0; attempt < 5 && !child; attempt++) {
      const port = await freePort();
      url = `http://127.0.0.1:${port}`;
      stderr = '';
      const proc = spawn(
        'prometheus',
        [
          `--config.file=${join(dir, 'prometheus.yml')}`,
          `--storage.tsdb.path=${data}`,
          `--web.listen-address=127.0.0.1:${port}`,
          '--log.level=warn',
          ...webArgs,
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      proc.stderr.on('data', (d: Buffer) => {
        stderr = (stderr + d.toString('utf8')).slice(-4000);
      });
      const exited = new Promise((r) => proc.once('exit', r));
      if (await waitReady(url, exited, headers)) child = proc;
      else proc.kill('SIGKILL');
    }
    if (!child) throw new Error(`prometheus did not start: ${stderr.trim() || '(no output)'}`);
    const proc = child;
    return {
      url,
      dir,
      close: async () => {
        const exited = new Promise<void>((r) => {
          if (proc.exitCode !== null || proc.signalCode !== null) r();
          else proc.once('exit', () => r());
        });
        proc.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
