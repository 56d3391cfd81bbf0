/**
 * toml-update, toml-parse and oci-download through `gantry promote` on a real GitOps repository
 * and a real registry: lint accepts Kargo's configs, the registry credentials come from the Docker
 * config as discovery's do, and the promotion commits what the steps wrote.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Freight } from '../../src/freight/types.js';
import { makeFreight } from '../support/freight.js';
import { RegistryPusher, startRegistry, type TestRegistry } from '../support/registry.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { seedFreight } from '../support/seed-freight.js';
import { runGantry } from '../support/cli.js';

const APP = 'https://github.com/acme/app';
const NOW = new Date('2026-11-03T12:00:00Z');
const users = { alice: 'cli-Oci5-pw' };
const chart = Buffer.from('a chart archive');

let reg: TestRegistry;
const tmp = tempDir('gantry-oci-toml-');
beforeAll(async () => {
  reg = await startRegistry({ auth: 'htpasswd', users });
  const p = new RegistryPusher(reg.url, { username: 'alice', password: users.alice });
  const config = Buffer.from('{}');
  const configDigest = await p.pushBlob('charts/app', config);
  const layer = await p.pushBlob('charts/app', chart);
  await p.putManifest(
    'charts/app',
    '1.0.0',
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: {
          mediaType: 'application/vnd.cncf.helm.config.v1+json',
          digest: configDigest,
          size: config.length,
        },
        layers: [
          {
            mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip',
            digest: layer,
            size: chart.length,
          },
        ],
      }),
    ),
    'application/vnd.oci.image.manifest.v1+json',
  );
  mkdirSync(join(tmp.path, 'docker'));
  writeFileSync(
    join(tmp.path, 'docker', 'config.json'),
    JSON.stringify({
      auths: { [reg.host]: { auth: Buffer.from(`alice:${users.alice}`).toString('base64') } },
    }),
  );
}, 60_000);
afterAll(async () => {
  await reg.close();
  tmp.cleanup();
});

const project = () => `project: app
warehouses:
  - name: app
    subscriptions:
      - git: {repoURL: ${APP}}
stages:
  - name: dev
    requestedFreight:
      - origin: {kind: Warehouse, name: app}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: toml-update
          config:
            path: ./config/settings.toml
            updates:
              - key: app.version
                value: \${{ commitFrom("${APP}").Tag }}
        - uses: toml-parse
          as: settings
          config:
            path: ./config/settings.toml
            outputs:
              - name: chartVersion
                fromExpression: chart.version
        - uses: oci-download
          config:
            imageRef: oci://${reg.host}/charts/app:\${{ outputs.settings.chartVersion }}
            outPath: ./charts/app.tgz
            allowOverwrite: true
`;

const SETTINGS =
  '# app settings\n[app]\nversion = "v1.0.0" # set by promotions\n\n[chart]\nversion = "1.0.0"\n';

const freight: Freight = {
  ...makeFreight('v1.2.0', { warehouse: 'app', createdAt: '2026-11-03T09:00:00.000Z' }),
  images: [],
  commits: [{ repoURL: APP, id: 'a'.repeat(40), tag: 'v1.2.0' }],
};

let n = 0;
async function gitops(): Promise<string> {
  const name = `gitops-${++n}`;
  const bare = createBareRepo(tmp.path, name, {
    '.gantry/app.yaml': project(),
    'config/settings.toml': SETTINGS,
  });
  await seedFreight(bare, 'app', [freight], { now: new Date('2026-11-03T10:00:00Z') });
  return bare;
}

const baseEnv = () => ({
  ...testGitEnv(tmp.path),
  GANTRY_CACHE_DIR: join(tmp.path, 'cache'),
  HOME: join(tmp.path, 'home'),
});
const show = (bare: string, path: string) => git(bare, ['show', `main:${path}`], baseEnv());

describe('toml and oci steps through gantry promote', () => {
  test('with the Docker config: lint clean, TOML edited in place, the chart committed', async () => {
    const bare = await gitops();
    const env = { ...baseEnv(), DOCKER_CONFIG: join(tmp.path, 'docker') };
    const lint = await runGantry(['lint', '--repo', `file://${bare}`], env, () => NOW);
    expect(lint).toMatchObject({ code: 0, out: '' });
    const r = await runGantry(
      ['promote', '--stage', 'dev', '--repo', `file://${bare}`, '--by', 'tester'],
      env,
      () => NOW,
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(show(bare, 'config/settings.toml')).toBe(
      SETTINGS.replace('"v1.0.0" # set', "'v1.2.0' # set"),
    );
    expect(Buffer.from(show(bare, 'charts/app.tgz')).equals(chart)).toBe(true);
  });

  test('without credentials the registry refuses the download and nothing is committed', async () => {
    const bare = await gitops();
    const before = git(bare, ['rev-parse', 'main'], baseEnv()).trim();
    const r = await runGantry(
      ['promote', '--stage', 'dev', '--repo', `file://${bare}`, '--by', 'tester'],
      { ...baseEnv(), DOCKER_CONFIG: join(tmp.path, 'none') },
      () => NOW,
    );
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/oci-download: .*charts\/app:1\.0\.0: .*authentication/i);
    expect(git(bare, ['rev-parse', 'main'], baseEnv()).trim()).toBe(before);
  });
});
