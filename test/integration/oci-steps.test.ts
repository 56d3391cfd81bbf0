/**
 * oci-download and oci-push against a real registry (docker-registry with htpasswd auth), through
 * gantry's OCI client, with the examples of Kargo's reference pages.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { PromotionStep, PromotionTemplate } from '../../src/pipeline/types.js';
import { runSteps, type EngineContext } from '../../src/promotion/steps/engine.js';
import { ociDownload } from '../../src/promotion/steps/oci-download.js';
import { ociPush } from '../../src/promotion/steps/oci-push.js';
import { defaultRegistry } from '../../src/promotion/steps/registry.js';
import type { StepContext } from '../../src/promotion/steps/types.js';
import { ConfigError } from '../../src/util/errors.js';
import { RegistryPusher, startRegistry, type TestRegistry } from '../support/registry.js';
import { realTempDir, stepContext, stepFreight } from '../support/steps.js';

const users = { alice: 'oci-Step5-pw' };
const creds = { username: 'alice', password: users.alice };
const digestOf = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const HELM_LAYER = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';
const CONFIG_LAYER = 'application/vnd.example.config.v1+json';

let reg: TestRegistry;
let pusher: RegistryPusher;
let chart: Buffer;
let configFile: Buffer;
let chartDigest: string;
let multi: { digest: string; children: { digest: string }[] };

/** An artifact with the given layers (media type → bytes), pushed under `tag`. */
async function pushArtifact(
  repo: string,
  tag: string,
  layers: [string, Buffer][],
): Promise<string> {
  const config = Buffer.from('{}');
  const configDigest = await pusher.pushBlob(repo, config);
  const descs = [];
  for (const [mediaType, bytes] of layers) {
    descs.push({ mediaType, digest: await pusher.pushBlob(repo, bytes), size: bytes.length });
  }
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.cncf.helm.config.v1+json',
        digest: configDigest,
        size: config.length,
      },
      layers: descs,
    }),
  );
  await pusher.putManifest(repo, tag, manifest, 'application/vnd.oci.image.manifest.v1+json');
  return digestOf(manifest);
}

beforeAll(async () => {
  reg = await startRegistry({ auth: 'htpasswd', users });
  pusher = new RegistryPusher(reg.url, creds);
  chart = Buffer.from(`chart-archive-${'x'.repeat(2000)}`);
  configFile = Buffer.from('{"replicas": 3}\n');
  chartDigest = await pushArtifact('charts/my-app', '1.0.0', [
    [HELM_LAYER, chart],
    [CONFIG_LAYER, configFile],
  ]);
  multi = await pusher.pushIndex(
    'myapp',
    ['1.0.0'],
    [
      { architecture: 'amd64', os: 'linux' },
      { architecture: 'arm64', os: 'linux' },
    ],
  );
}, 60_000);
afterAll(async () => {
  await reg.close();
});

let wt: string;
let cleanup: () => void;
beforeEach(() => {
  const t = realTempDir();
  cleanup = t.cleanup;
  wt = path.join(t.dir, 'wt');
  mkdirSync(wt);
});
afterEach(() => cleanup());

const withCreds = (over: Partial<StepContext> = {}): StepContext =>
  stepContext(wt, {
    registryCredentials: new Map([[reg.host, creds]]),
    registryRetrySleep: async () => {},
    ...over,
  });

function engineCtx(): EngineContext {
  const f = stepFreight({
    images: [{ repoURL: `${reg.host}/myapp`, tag: '1.0.0', digest: multi.digest }],
  });
  return {
    worktree: wt,
    project: 'echo',
    stage: 'prod',
    freight: f,
    freightCollection: [f],
    fetch: () => Promise.reject(new Error('no network')),
    log: () => {},
    registryCredentials: new Map([[reg.host, creds]]),
  };
}
const step = (uses: string, config: Record<string, unknown>, as?: string): PromotionStep => ({
  uses,
  config,
  continueOnError: false,
  vars: [],
  ...(as ? { as } : {}),
});
const template = (steps: PromotionStep[]): PromotionTemplate => ({
  mode: 'direct',
  vars: [],
  steps,
});

describe('oci-download', () => {
  test("Kargo's examples: a Helm chart by tag, with oci://, by digest; a layer by media type", async () => {
    const r = await ociDownload.run(
      { imageRef: `${reg.host}/charts/my-app:1.0.0`, outPath: './charts/my-app-1.0.0.tgz' },
      withCreds(),
    );
    expect(readFileSync(path.join(wt, 'charts/my-app-1.0.0.tgz')).equals(chart)).toBe(true);
    expect(r.changed).toEqual(['charts/my-app-1.0.0.tgz']);
    await ociDownload.run(
      { imageRef: `oci://${reg.host}/charts/my-app:1.0.0`, outPath: './b/chart.tgz' },
      withCreds(),
    );
    expect(readFileSync(path.join(wt, 'b/chart.tgz')).equals(chart)).toBe(true);
    await ociDownload.run(
      { imageRef: `${reg.host}/charts/my-app@${chartDigest}`, outPath: './c/chart.tgz' },
      withCreds(),
    );
    expect(readFileSync(path.join(wt, 'c/chart.tgz')).equals(chart)).toBe(true);
    await ociDownload.run(
      {
        imageRef: `${reg.host}/charts/my-app:1.0.0`,
        outPath: './artifacts/config.json',
        mediaType: CONFIG_LAYER,
      },
      withCreds(),
    );
    expect(readFileSync(path.join(wt, 'artifacts/config.json'), 'utf8')).toBe('{"replicas": 3}\n');
    // No temporary files left beside the outputs.
    expect(readdirSync(path.join(wt, 'artifacts'))).toEqual(['config.json']);
  });

  test('an existing file needs allowOverwrite; an unknown media type and a missing tag fail, nothing written', async () => {
    writeFileSync(path.join(wt, 'chart.tgz'), 'old');
    const cfg = { imageRef: `${reg.host}/charts/my-app:1.0.0`, outPath: 'chart.tgz' };
    await expect(ociDownload.run(cfg, withCreds())).rejects.toThrow(
      'oci-download: config.outPath: file already exists at chart.tgz and overwrite is not allowed',
    );
    expect(readFileSync(path.join(wt, 'chart.tgz'), 'utf8')).toBe('old');
    await ociDownload.run({ ...cfg, allowOverwrite: true }, withCreds());
    expect(readFileSync(path.join(wt, 'chart.tgz')).equals(chart)).toBe(true);

    await expect(
      ociDownload.run({ ...cfg, outPath: 'x.bin', mediaType: 'application/nope' }, withCreds()),
    ).rejects.toThrow(/no layer found with media type "application\/nope"/);
    await expect(
      ociDownload.run(
        { ...cfg, imageRef: `${reg.host}/charts/my-app:9.9.9`, outPath: 'y' },
        withCreds(),
      ),
    ).rejects.toThrow(/9\.9\.9 not found/);
    expect(existsSync(path.join(wt, 'x.bin')) || existsSync(path.join(wt, 'y'))).toBe(false);
  });

  test('without credentials the registry refuses, and the password never shows', async () => {
    const err = await ociDownload
      .run({ imageRef: `${reg.host}/charts/my-app:1.0.0`, outPath: 'z.tgz' }, stepContext(wt))
      .catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^oci-download: .*authentication/i);
    expect((err as Error).message).not.toContain(users.alice);
  });

  test('outPath stays in the checkout; a reference needs a tag or digest', async () => {
    const { dir: outside, cleanup: c2 } = realTempDir();
    try {
      symlinkSync(outside, path.join(wt, 'link'));
      for (const outPath of ['../x.tgz', '/tmp/x.tgz', 'link/x.tgz', '.git/x']) {
        await expect(
          ociDownload.run({ imageRef: `${reg.host}/charts/my-app:1.0.0`, outPath }, withCreds()),
        ).rejects.toThrow(ConfigError);
      }
      expect(readdirSync(outside)).toEqual([]);
    } finally {
      c2();
    }
    await expect(
      ociDownload.run({ imageRef: `${reg.host}/charts/my-app`, outPath: 'a' }, withCreds()),
    ).rejects.toThrow(/name a tag .* or a digest/);
  });
});

describe('oci-push', () => {
  test("Kargo's retag example: the same repository, the digest kept, outputs image/digest/tag", async () => {
    const r = await ociPush.run(
      { srcRef: `${reg.host}/myapp@${multi.digest}`, destRef: `${reg.host}/myapp:v1.2.3` },
      withCreds(),
    );
    expect(r.outputs).toEqual({
      image: `${reg.host}/myapp:v1.2.3`,
      digest: multi.digest,
      tag: 'v1.2.3',
    });
    const head = await pusher.request('myapp', 'HEAD', '/v2/myapp/manifests/v1.2.3', {
      headers: { Accept: 'application/vnd.oci.image.index.v1+json' },
    });
    expect(head.headers.get('docker-content-digest')).toBe(multi.digest);
  });

  test("Kargo's per-stage example: copied to another repository, the digest feeding kustomize-set-image", async () => {
    mkdirSync(path.join(wt, 'out'));
    writeFileSync(
      path.join(wt, 'out/kustomization.yaml'),
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n',
    );
    const src = `${reg.host}/myapp`;
    const r = await runSteps(
      template([
        step(
          'oci-push',
          {
            srcRef: `${src}@\${{ imageFrom("${src}").Digest }}`,
            destRef: `${reg.host}/myapp/\${{ ctx.stage }}:\${{ imageFrom("${src}").Tag }}`,
          },
          'push-to-stage',
        ),
        step('kustomize-set-image', {
          path: './out',
          images: [
            {
              image: src,
              newName: `${reg.host}/myapp/\${{ ctx.stage }}`,
              digest: '${{ outputs["push-to-stage"].digest }}',
            },
          ],
        }),
      ]),
      engineCtx(),
      defaultRegistry(),
    );
    expect(r.outputs['push-to-stage']).toEqual({
      image: `${reg.host}/myapp/prod:1.0.0`,
      digest: multi.digest,
      tag: '1.0.0',
    });
    expect(readFileSync(path.join(wt, 'out/kustomization.yaml'), 'utf8')).toContain(
      `digest: ${multi.digest}`,
    );
    // Every image of the index and its blobs arrived in the new repository.
    for (const child of multi.children) {
      const res = await pusher.request(
        'myapp/prod',
        'GET',
        `/v2/myapp/prod/manifests/${child.digest}`,
        {
          headers: { Accept: 'application/vnd.oci.image.manifest.v1+json' },
        },
      );
      expect(res.status).toBe(200);
      const m = (await res.json()) as { config: { digest: string } };
      const blob = await pusher.request(
        'myapp/prod',
        'HEAD',
        `/v2/myapp/prod/blobs/${m.config.digest}`,
      );
      expect(blob.status).toBe(200);
    }
  });

  test("Kargo's annotation examples: bare and manifest: keys on images, index: on the index", async () => {
    const r = await ociPush.run(
      {
        srcRef: `${reg.host}/myapp@${multi.digest}`,
        destRef: `oci://${reg.host}/annotated/myapp:v1.2.3`,
        annotations: {
          'org.opencontainers.image.source': 'https://github.com/example/myapp',
          'index:org.opencontainers.image.revision': 'abc123',
          'manifest:org.opencontainers.image.description': 'my app image',
        },
      },
      withCreds(),
    );
    const digest = String(r.outputs?.['digest']);
    expect(digest).not.toBe(multi.digest);
    expect(r.outputs?.['image']).toBe(`${reg.host}/annotated/myapp:v1.2.3`);
    const res = await pusher.request(
      'annotated/myapp',
      'GET',
      '/v2/annotated/myapp/manifests/v1.2.3',
      {
        headers: { Accept: 'application/vnd.oci.image.index.v1+json' },
      },
    );
    const body = Buffer.from(await res.arrayBuffer());
    expect(digestOf(body)).toBe(digest);
    const index = JSON.parse(body.toString()) as {
      annotations: Record<string, string>;
      manifests: { digest: string; size: number }[];
    };
    expect(index.annotations).toEqual({ 'org.opencontainers.image.revision': 'abc123' });
    for (const d of index.manifests) {
      expect(multi.children.map((c) => c.digest)).not.toContain(d.digest);
      const child = await pusher.request(
        'annotated/myapp',
        'GET',
        `/v2/annotated/myapp/manifests/${d.digest}`,
        {
          headers: { Accept: 'application/vnd.oci.image.manifest.v1+json' },
        },
      );
      const bytes = Buffer.from(await child.arrayBuffer());
      expect(bytes.length).toBe(d.size);
      expect((JSON.parse(bytes.toString()) as { annotations: unknown }).annotations).toEqual({
        'org.opencontainers.image.source': 'https://github.com/example/myapp',
        'org.opencontainers.image.description': 'my app image',
      });
    }
  });

  test('a single image: index: keys ignored; a chart copied with its layers', async () => {
    const r = await ociPush.run(
      {
        srcRef: `oci://${reg.host}/charts/my-app:1.0.0`,
        destRef: `oci://${reg.host}/prod-charts/my-app:1.0.0`,
        annotations: { 'index:ignored': 'x' },
      },
      withCreds(),
    );
    expect(r.outputs?.['digest']).toBe(chartDigest);
    await ociDownload.run(
      { imageRef: `oci://${reg.host}/prod-charts/my-app:1.0.0`, outPath: 'copy.tgz' },
      withCreds(),
    );
    expect(readFileSync(path.join(wt, 'copy.tgz')).equals(chart)).toBe(true);
  });

  test('a dry run reads the source and says what it would push; nothing is pushed', async () => {
    const logs: string[] = [];
    const r = await ociPush.run(
      { srcRef: `${reg.host}/myapp:1.0.0`, destRef: `${reg.host}/dry/myapp:1.0.0` },
      withCreds({ dryRun: true, log: (l) => logs.push(l) }),
    );
    expect(r.outputs).toEqual({
      image: `${reg.host}/dry/myapp:1.0.0`,
      digest: multi.digest,
      tag: '1.0.0',
    });
    expect(logs.join('\n')).toContain('dry run: would push');
    const tags = await pusher.request('dry/myapp', 'GET', '/v2/dry/myapp/tags/list');
    expect(tags.status).toBe(404);
  });

  test('refused: a digest as destRef, a missing source, no credentials; the password never shows', async () => {
    await expect(
      ociPush.run(
        { srcRef: `${reg.host}/myapp:1.0.0`, destRef: `${reg.host}/myapp@${multi.digest}` },
        withCreds(),
      ),
    ).rejects.toThrow(/destRef: must name a tag/);
    await expect(
      ociPush.run(
        { srcRef: `${reg.host}/myapp:nope`, destRef: `${reg.host}/other:1` },
        withCreds(),
      ),
    ).rejects.toThrow(/nope not found/);
    const err = await ociPush
      .run({ srcRef: `${reg.host}/myapp:1.0.0`, destRef: `${reg.host}/other:1` }, stepContext(wt))
      .catch((e: unknown) => e as Error);
    expect((err as Error).message).toMatch(/^oci-push: /);
    expect((err as Error).message).not.toContain(users.alice);
    const tags = await pusher.request('other', 'GET', '/v2/other/tags/list');
    expect(tags.status).toBe(404);
  });
});
