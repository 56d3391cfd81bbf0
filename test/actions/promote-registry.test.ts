/**
 * The promote action gives oci-download and oci-push the registry credentials discovery uses: the
 * Docker config (as docker/login-action writes it), each password masked with the runner. Against
 * a real registry and a real git repository over file://.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { promoteAction } from '../../src/actions/promote-action.js';
import { makeFreight } from '../support/freight.js';
import { RegistryPusher, startRegistry, type TestRegistry } from '../support/registry.js';
import { useRunnerFiles } from '../support/action-runner.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { seedFreight } from '../support/seed-freight.js';

const PASSWORD = 'action-Registry-pw9';
const tmp = tempDir('gantry-action-registry-');
let reg: TestRegistry;
const artifact = Buffer.from('config from the registry\n');

beforeAll(async () => {
  reg = await startRegistry({ auth: 'htpasswd', users: { alice: PASSWORD } });
  const p = new RegistryPusher(reg.url, { username: 'alice', password: PASSWORD });
  const config = Buffer.from('{}');
  const configDigest = await p.pushBlob('configs/app', config);
  const layer = await p.pushBlob('configs/app', artifact);
  await p.putManifest(
    'configs/app',
    '1.0.0',
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: {
          mediaType: 'application/vnd.oci.empty.v1+json',
          digest: configDigest,
          size: config.length,
        },
        layers: [{ mediaType: 'text/plain', digest: layer, size: artifact.length }],
      }),
    ),
    'application/vnd.oci.image.manifest.v1+json',
  );
}, 60_000);
afterAll(async () => {
  await reg.close();
  tmp.cleanup();
});

const runner = useRunnerFiles(tmp.path);

test("the Docker config's credentials reach oci-download, and the password is masked", async () => {
  const bare = createBareRepo(tmp.path, 'gitops', {
    '.gantry/app.yaml': `project: app
warehouses:
  - name: app
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
stages:
  - name: dev
    requestedFreight:
      - origin: {kind: Warehouse, name: app}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: oci-download
          config:
            imageRef: ${reg.host}/configs/app:1.0.0
            outPath: env/dev/app.conf
`,
    'env/dev/values.yaml': 'a: 1\n',
  });
  await seedFreight(bare, 'app', [makeFreight('1.0.0', { warehouse: 'app' })]);
  const docker = join(tmp.path, 'docker-config.json');
  writeFileSync(
    docker,
    JSON.stringify({
      auths: { [reg.host]: { auth: Buffer.from(`alice:${PASSWORD}`).toString('base64') } },
    }),
  );
  await promoteAction(
    {
      action: 'promote',
      repositoryUrl: `file://${bare}`,
      stage: 'dev',
      signCommits: false,
      deployments: false,
      dryRun: false,
    },
    {
      serverUrl: 'https://github.com',
      tempDir: join(tmp.path, 'runner-temp'),
      dockerConfigPath: docker,
      env: testGitEnv(tmp.path),
    },
  );
  expect(runner.printed).toContain(`::add-mask::${PASSWORD}`);
  expect(git(bare, ['show', 'main:env/dev/app.conf'])).toBe(artifact.toString());
});
