/**
 * The whole process against a registry whose tag list never ends: `gantry discover` runs as a
 * user runs it (its own node process, from source) and must exit 1 with the cap error, holding
 * no more memory than the cap allows. Before the cap was applied while reading, this process
 * grew by the speed of the loopback until the 30 s request timeout (4.4 GB seen).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startHostileServer, type HostileServer } from '../support/hostile-http.js';
import { createBareRepo, tempDir, testGitEnv } from '../support/repos.js';

const MAX_RSS_BYTES = 300 << 20;

const tmp = tempDir();
let server: HostileServer;

beforeAll(async () => {
  server = await startHostileServer((req, res, hostile) => {
    if (/^\/v2\/demo\/app\/tags\/list/.test(req.url ?? '')) {
      return void hostile('endless', {}, '{"name":"demo/app","tags":[');
    }
    res.writeHead(404).end();
  });
});
afterAll(async () => {
  await server.close();
  tmp.cleanup();
});

const project = (registry: string) => `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ${registry}/demo/app, imageSelectionStrategy: SemVer}
stages:
  - name: dev
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate: {steps: [{uses: yaml-update}]}
`;

/** Runs the CLI from source in its own process; resolves with its exit, output and peak RSS. */
function gantry(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; signal: string | null; err: string; maxRss: number }> {
  const rssFile = join(tmp.path, 'max-rss');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', './test/support/max-rss.ts', 'src/cli/main.ts', ...args],
      { env: { ...env, GANTRY_TEST_MAX_RSS_FILE: rssFile }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    // Past this the process is reading the flood to the request timeout: kill it, and fail.
    const killer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      let maxRss = Number.NaN;
      try {
        maxRss = Number(readFileSync(rssFile, 'utf8'));
      } catch {
        // Killed before its exit handler ran: no number, and the test fails on the exit code.
      }
      resolve({ code, signal, err, maxRss });
    });
  });
}

test(
  'gantry discover against an endless tag list exits 1 with the cap error, under 300 MB',
  { timeout: 60_000 },
  async () => {
    const gitops = createBareRepo(tmp.path, 'gitops', {
      '.gantry/echo.yaml': project(server.host),
    });
    const r = await gantry(['discover', '--repo', `file://${gitops}`, '--dry-run'], {
      ...testGitEnv(tmp.path),
      GANTRY_CACHE_DIR: join(tmp.path, 'cache'),
    });
    console.log(
      `gantry discover against an endless tag list: peak RSS ${(r.maxRss / 2 ** 20).toFixed(0)} MiB, ` +
        `${(server.written() / 2 ** 20).toFixed(0)} MiB sent by the server`,
    );
    expect(r.signal).toBeNull();
    expect(r.err).toContain(
      `the registry response from ${server.url}/v2/demo/app/tags/list?n=*** is larger than 16 MiB, the most gantry reads`,
    );
    expect(r.code).toBe(1);
    expect(r.maxRss).toBeGreaterThan(0);
    expect(r.maxRss).toBeLessThan(MAX_RSS_BYTES);
  },
);
