/**
 * Helm discovery against real things: a classic repository of real chart archives and an
 * `index.yaml` written as Helm writes it, served over HTTP; and OCI charts pushed, in the shape
 * `helm push` produces, to Debian's `docker-registry` (distribution 2.8) started here.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { discoverCharts, type ChartDeps } from '../../src/discovery/helm.js';
import { fetchOciTagLister, startServer, type LocalServer } from '../support/helm.js';

const CONFIG_MEDIA_TYPE = 'application/vnd.cncf.helm.config.v1+json';
const CHART_MEDIA_TYPE = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';

function hasRegistry(): boolean {
  try {
    execFileSync('which', ['docker-registry'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

/** A chart archive as `helm package` makes it: `<name>/Chart.yaml` in a gzipped tar. */
function packageChart(dir: string, name: string, version: string): { tgz: Buffer; chart: object } {
  const chart = {
    apiVersion: 'v2',
    name,
    version,
    description: 'A chart for gantry tests',
    type: 'application',
  };
  const src = mkdtempSync(join(dir, 'src-'));
  mkdirSync(join(src, name, 'templates'), { recursive: true });
  writeFileSync(join(src, name, 'Chart.yaml'), stringify(chart));
  writeFileSync(join(src, name, 'values.yaml'), 'replicaCount: 1\n');
  const out = join(dir, `${name}-${version}.tgz`);
  execFileSync('tar', ['-C', src, '--owner=0', '--group=0', '--mtime=@0', '-czf', out, name]);
  return { tgz: readFileSync(out), chart };
}

function baseDeps(extra: Partial<ChartDeps> = {}): ChartDeps {
  return {
    timeoutMs: 5_000,
    listOciTags: () => Promise.reject(new Error('not an OCI test')),
    ...extra,
  };
}

describe('classic repository of packaged charts', () => {
  let dir: string;
  let server: LocalServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gantry-helm-'));
    const repo = join(dir, 'repo');
    mkdirSync(repo);
    const entries: Record<string, object[]> = { demo: [], other: [] };
    for (const [name, version] of [
      ['demo', '0.1.0'],
      ['demo', '0.2.0'],
      ['demo', '1.0.0-rc.1'],
      ['demo', '1.0.0+build.5'],
      ['other', '9.9.9'],
    ] as const) {
      const { tgz, chart } = packageChart(dir, name, version);
      const file = `${name}-${version}.tgz`;
      writeFileSync(join(repo, file), tgz);
      entries[name]?.unshift({
        ...chart,
        created: '2024-01-01T00:00:00.000000000Z',
        digest: sha256(tgz),
        urls: [file],
      });
    }
    // Helm's layout: indentless sequences, sorted keys, quoted timestamps.
    const index = stringify(
      { apiVersion: 'v1', entries, generated: '2024-01-01T00:00:00.000000000Z' },
      { indentSeq: false, sortMapEntries: true },
    );
    writeFileSync(join(repo, 'index.yaml'), index);
    server = await startServer((req, res) => {
      const path = (req.url ?? '/').replace(/^\/charts\//, '');
      try {
        res.writeHead(200).end(readFileSync(join(repo, path)));
      } catch {
        res.writeHead(404).end();
      }
    });
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the versions of the chart newest first, through the fast scanner', async () => {
    const warnings: string[] = [];
    const found = await discoverCharts(
      { repoURL: `${server.url}/charts/`, name: 'demo', discoveryLimit: 20 },
      baseDeps({ log: { info: () => undefined, warn: (l) => warnings.push(l) } }),
    );
    expect(warnings).toEqual([]);
    expect(found.map((c) => c.version)).toEqual(['1.0.0+build.5', '1.0.0-rc.1', '0.2.0', '0.1.0']);
  });

  it('applies the constraint and the limit', async () => {
    const found = await discoverCharts(
      {
        repoURL: `${server.url}/charts`,
        name: 'demo',
        semverConstraint: '< 1',
        discoveryLimit: 1,
      },
      baseDeps(),
    );
    expect(found).toEqual([{ version: '0.2.0' }]);
  });

  it('the chart archive the index points at is the one that was packaged', async () => {
    const res = await fetch(`${server.url}/charts/demo-0.2.0.tgz`);
    expect(res.status).toBe(200);
    const body = Buffer.from(await res.arrayBuffer());
    const index = await (await fetch(`${server.url}/charts/index.yaml`)).text();
    expect(index).toContain(sha256(body));
    expect(index).toMatch(/^ {2}demo:\n {2}- apiVersion: v2$/m);
  });
});

describe.skipIf(!hasRegistry())('OCI charts in docker-registry', () => {
  let dir: string;
  let registry: ChildProcess;
  let host: string;

  async function freePort(): Promise<number> {
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const address = srv.address();
    await new Promise<void>((r) => srv.close(() => r()));
    if (!address || typeof address === 'string') throw new Error('no port');
    return address.port;
  }

  async function waitForRegistry(): Promise<void> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      try {
        const res = await fetch(`http://${host}/v2/`);
        if (res.status === 200) return;
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) throw new Error('docker-registry did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function pushBlob(repo: string, data: Buffer): Promise<string> {
    const digest = `sha256:${sha256(data)}`;
    const start = await fetch(`http://${host}/v2/${repo}/blobs/uploads/`, { method: 'POST' });
    expect(start.status).toBe(202);
    const location = new URL(start.headers.get('location') ?? '', `http://${host}`);
    location.searchParams.set('digest', digest);
    const put = await fetch(location, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: data,
    });
    expect(put.status).toBe(201);
    return digest;
  }

  /** Push a chart as `helm push` does, under Helm's tag encoding (`+` written as `_`). */
  async function pushChart(repo: string, version: string): Promise<void> {
    const name = repo.split('/').pop() ?? repo;
    const { tgz, chart } = packageChart(dir, name, version);
    const config = Buffer.from(JSON.stringify(chart));
    const configDigest = await pushBlob(repo, config);
    const layerDigest = await pushBlob(repo, tgz);
    const manifest = {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: CONFIG_MEDIA_TYPE, digest: configDigest, size: config.length },
      layers: [{ mediaType: CHART_MEDIA_TYPE, digest: layerDigest, size: tgz.length }],
      annotations: {
        'org.opencontainers.image.title': name,
        'org.opencontainers.image.version': version,
        'org.opencontainers.image.description': 'A chart for gantry tests',
      },
    };
    const tag = version.replaceAll('+', '_');
    const res = await fetch(`http://${host}/v2/${repo}/manifests/${tag}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' },
      body: JSON.stringify(manifest),
    });
    expect(res.status).toBe(201);
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gantry-helm-oci-'));
    host = `127.0.0.1:${await freePort()}`;
    const config = join(dir, 'registry.yml');
    writeFileSync(
      config,
      stringify({
        version: 0.1,
        log: { level: 'error', accesslog: { disabled: true } },
        storage: { filesystem: { rootdirectory: join(dir, 'data') }, delete: { enabled: true } },
        http: { addr: host, secret: 'gantry-test-secret' },
      }),
    );
    registry = spawn('docker-registry', ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    registry.stderr?.resume();
    await waitForRegistry();
    for (const v of ['0.1.0', '0.2.0', '1.0.0-rc.1', '1.0.0', '1.0.0+build.5', '2.0.0-alpha.1']) {
      await pushChart('charts/demo', v);
    }
  });

  afterAll(() => {
    registry.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('the registry holds the tags in Helm encoding and the manifest in Helm shape', async () => {
    const res = await fetch(`http://${host}/v2/charts/demo/tags/list`);
    const { tags } = (await res.json()) as { tags: string[] };
    expect(tags.sort()).toEqual([
      '0.1.0',
      '0.2.0',
      '1.0.0',
      '1.0.0-rc.1',
      '1.0.0_build.5',
      '2.0.0-alpha.1',
    ]);
    const manifest = (await (
      await fetch(`http://${host}/v2/charts/demo/manifests/0.2.0`, {
        headers: { Accept: 'application/vnd.oci.image.manifest.v1+json' },
      })
    ).json()) as { config: { mediaType: string }; layers: { mediaType: string }[] };
    expect(manifest.config.mediaType).toBe(CONFIG_MEDIA_TYPE);
    expect(manifest.layers.map((l) => l.mediaType)).toEqual([CHART_MEDIA_TYPE]);
  });

  it('lists the chart versions, `_` read as `+`, newest first', async () => {
    const seen: string[] = [];
    const found = await discoverCharts(
      { repoURL: `oci://${host}/charts/demo`, discoveryLimit: 20 },
      baseDeps({ listOciTags: fetchOciTagLister(seen) }),
    );
    expect(found.map((c) => c.version)).toEqual([
      '2.0.0-alpha.1',
      '1.0.0+build.5',
      '1.0.0',
      '1.0.0-rc.1',
      '0.2.0',
      '0.1.0',
    ]);
    expect(seen).toEqual([`${host}/charts/demo`]);
  });

  it('applies Masterminds constraints to OCI charts', async () => {
    const deps = baseDeps({ listOciTags: fetchOciTagLister() });
    const stable = await discoverCharts(
      { repoURL: `OCI://${host}/charts/demo/`, semverConstraint: '^1', discoveryLimit: 20 },
      deps,
    );
    expect(stable.map((c) => c.version)).toEqual(['1.0.0+build.5', '1.0.0']);
    const pre = await discoverCharts(
      { repoURL: `oci://${host}/charts/demo`, semverConstraint: '>=1.0.0-0 <2', discoveryLimit: 2 },
      deps,
    );
    expect(pre.map((c) => c.version)).toEqual(['1.0.0+build.5', '1.0.0']);
  });
});
