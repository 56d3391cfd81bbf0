/**
 * Kargo's promotion context and data functions through the command line, on real git
 * repositories: `ctx.promotion`, `ctx.meta.promotion.{actor,rollback}`, `ctx.meta.step.alias`,
 * `ctx.uiBaseUrl`, and `secret()`/`configMap()` fed from GANTRY_SECRET_* / GANTRY_CONFIGMAP_*
 * variables. lint knows them all; a secret written into a manifest stays there (the template's
 * choice) but never reaches the commit message, the state file or what gantry prints.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Freight } from '../../src/freight/types.js';
import { makeFreight } from '../support/freight.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { seedFreight } from '../support/seed-freight.js';
import { runGantry } from '../support/cli.js';

const SECRET = 'pa55-w0rd-never-printed';
const VALUES = 'image:\n  repository: ghcr.io/acme/app\n  tag: 0.1.0\n';

const steps = `        - uses: yaml-update
          as: bump
          config:
            path: env/dev/values.yaml
            updates:
              - {key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/app").Tag }}'}
              - {key: image.repository, value: "\${{ secret('db-creds').password }}"}
        - uses: file-write
          config:
            path: env/dev/context.txt
            overwrite: true
            contents: >-
              promotion=\${{ ctx.promotion }}
              actor=\${{ ctx.meta.promotion.actor }}
              rollback=\${{ ctx.meta.promotion.rollback }}
              alias=\${{ ctx.meta.step.alias }}
              ui=[\${{ ctx.uiBaseUrl }}]
              region=\${{ configMap('app').region }}
              domain=\${{ sharedConfigMap('org').domain }}
              token=\${{ len(sharedSecret('bot').token) }}
`;

const PROJECT = `project: app
warehouses:
  - name: app
    subscriptions:
      - image: {repoURL: ghcr.io/acme/app}
stages:
  - name: dev
    requestedFreight:
      - origin: {kind: Warehouse, name: app}
        sources: {direct: true}
    promotionTemplate:
      steps:
${steps}`;

const f1: Freight = makeFreight('1.0.0', {
  warehouse: 'app',
  createdAt: '2026-11-03T08:00:00.000Z',
});
const f2: Freight = makeFreight('1.1.0', {
  warehouse: 'app',
  createdAt: '2026-11-03T09:00:00.000Z',
});
for (const f of [f1, f2]) f.images = f.images.map((i) => ({ ...i, repoURL: 'ghcr.io/acme/app' }));

const tmp = tempDir('gantry-exprctx-');
afterAll(() => tmp.cleanup());
const env = {
  ...testGitEnv(tmp.path),
  GANTRY_CACHE_DIR: join(tmp.path, 'cache'),
  GANTRY_SECRET_DB_CREDS: JSON.stringify({ username: 'app', password: SECRET }),
  GANTRY_SHARED_SECRET_BOT__token: 'xoxb-0123456789',
  GANTRY_CONFIGMAP_APP: '{"region": "eu-west-1"}',
  GANTRY_SHARED_CONFIGMAP_ORG__domain: 'acme.example',
};
let n = 0;

async function gitops(projectText: string): Promise<string> {
  const name = `gitops-${++n}`;
  const bare = createBareRepo(tmp.path, name, {
    '.gantry/app.yaml': projectText,
    'env/dev/values.yaml': VALUES,
  });
  await seedFreight(bare, 'app', [f1, f2]);
  return bare;
}

const cli = (args: string[], e: Record<string, string> = env) =>
  runGantry(args, e, () => new Date('2026-11-03T12:00:00Z'));
const show = (bare: string, what: string) => git(bare, ['show', what], env);

describe("Kargo's ctx and data functions", () => {
  test('lint knows the new ctx fields and functions, and still catches a wrong field or count', async () => {
    expect(await cli(['lint', '--repo', `file://${await gitops(PROJECT)}`])).toMatchObject({
      code: 0,
      out: '',
    });
    const bad = PROJECT.replace('ctx.meta.promotion.actor', 'ctx.meta.promotion.actr')
      .replace("configMap('app').region", "configMap('app', 'x').region")
      .replace("sharedConfigMap('org').domain", "stageMetadata(ctx.stage, 'x').domain");
    const r = await cli(['lint', '--repo', `file://${await gitops(bad)}`]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('type promotion has no field actr');
    expect(r.out).toContain('configMap(): expected 1 argument, got 2');
    // stageMetadata() takes the stage only, as in Kargo.
    expect(r.out).toContain('stageMetadata(): expected 1 argument, got 2');
  });

  test('a rollback by hand: the steps see who, which promotion and rollback; the secret stays out of the message and output', async () => {
    const bare = await gitops(PROJECT);
    const dry = await cli(['promote', '--stage', 'dev', '--dry-run', '--repo', `file://${bare}`]);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('+  repository: ***');
    expect(dry.out + dry.err).not.toContain(SECRET);
    const r = await cli([
      'promote',
      '--stage',
      'dev',
      '--freight',
      f1.alias,
      '--by',
      'alice',
      '--repo',
      `file://${bare}`,
    ]);
    expect(r.code).toBe(0);
    const context = show(bare, 'main:env/dev/context.txt');
    expect(context).toMatch(
      /^promotion=dev\.[0-9a-z]+\.[0-9a-f]{7} actor=alice rollback=true alias=step-2 ui=\[\] region=eu-west-1 domain=acme\.example token=15$/,
    );
    // Written into the manifest on the template's say-so, as Kargo would.
    expect(show(bare, 'main:env/dev/values.yaml')).toContain(`repository: ${SECRET}`);
    const message = git(bare, ['log', '-1', '--format=%B', 'main'], env);
    expect(message).toContain('image.repository ghcr.io/acme/app → ***');
    for (const text of [message, show(bare, 'main:.gantry/state/app/dev.yaml'), r.out, r.err]) {
      expect(text).not.toContain(SECRET);
    }
    // The newest freight is no rollback.
    const again = await cli([
      'promote',
      '--stage',
      'dev',
      '--by',
      'bob',
      '--repo',
      `file://${bare}`,
    ]);
    expect(again.code).toBe(0);
    expect(show(bare, 'main:env/dev/context.txt')).toContain('actor=bob rollback=false');
  });

  test('a secret in a commit message is refused and nothing is committed', async () => {
    const text = `${PROJECT}        - uses: git-commit
          config: {message: "rotate \${{ secret('db-creds').password }}"}
`;
    const bare = await gitops(text);
    const before = git(bare, ['rev-parse', 'main'], env).trim();
    const r = await cli(['promote', '--stage', 'dev', '--repo', `file://${bare}`]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      'step 3 (git-commit): git-commit: message holds the value of a secret (secret() or sharedSecret())',
    );
    expect(r.err + r.out).not.toContain(SECRET);
    expect(git(bare, ['rev-parse', 'main'], env).trim()).toBe(before);
  });

  test('a malformed GANTRY_SECRET_ variable is a usage error naming it, never its value', async () => {
    const bare = await gitops(PROJECT);
    const r = await cli(['promote', '--stage', 'dev', '--repo', `file://${bare}`], {
      ...env,
      GANTRY_SECRET_DB_CREDS: SECRET,
    });
    expect(r.code).toBe(2);
    expect(r.err).toContain('environment variable GANTRY_SECRET_DB_CREDS must hold a JSON object');
    expect(r.err).not.toContain(SECRET);
  });
});
