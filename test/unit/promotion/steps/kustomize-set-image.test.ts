import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import {
  buildTargetImagesFromConfig,
  kustomizeCommitMessage,
  kustomizeSetImage,
  mergeImages,
  updateKustomization,
  type KustomizeImage,
} from '../../../../src/promotion/steps/kustomize-set-image.js';
import { ConfigError } from '../../../../src/util/errors.js';
import {
  realTempDir as tempDir,
  stepFreight as freight,
  stepContext,
} from '../../../support/steps.js';

const BASE = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('gantry-kustomize-'));
});
afterEach(() => cleanup());

function write(rel: string, text: string): void {
  const p = path.join(dir, rel);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, text);
}
const read = (rel: string): string => readFileSync(path.join(dir, rel), 'utf8');
const targets = (...imgs: KustomizeImage[]): Map<string, KustomizeImage> =>
  new Map(imgs.map((i) => [i.name, i]));

// Conformance Q: pkg/promotion/runner/builtin/kustomize_image_setter_test.go
describe('kustomize-set-image: run (conformance Q)', () => {
  test('explicit image: newTag set, Kargo commit message', async () => {
    write('kustomization.yaml', BASE);
    const res = await kustomizeSetImage.run(
      { path: '.', images: [{ image: 'nginx', tag: '1.21.0' }] },
      stepContext(dir),
    );
    expect(read('kustomization.yaml')).toContain('newTag: 1.21.0');
    expect(res.outputs).toEqual({ commitMessage: 'Updated . to use new image\n\n- nginx:1.21.0' });
    expect(res.changed).toEqual(['kustomization.yaml']);
    expect(res.summary).toEqual(['- kustomization.yaml: nginx → nginx:1.21.0']);
  });

  test('automatic: every image of the freight collection', async () => {
    write('kustomization.yaml', BASE);
    const ctx = stepContext(dir, {
      freightCollection: [
        freight({
          origin: { kind: 'Warehouse', name: 'warehouse1' },
          images: [{ repoURL: 'nginx', tag: '', digest: 'sha256:123' }],
        }),
        freight({
          origin: { kind: 'Warehouse', name: 'warehouse2' },
          images: [{ repoURL: 'redis', tag: '6.2.5', digest: '' }],
        }),
      ],
    });
    const res = await kustomizeSetImage.run({ path: '.' }, ctx);
    const text = read('kustomization.yaml');
    expect(text).toContain('newTag: 6.2.5');
    expect(text).toContain('digest: sha256:123');
    expect(res.outputs).toEqual({
      commitMessage: 'Updated . to use new images\n\n- nginx@sha256:123\n- redis:6.2.5',
    });
  });

  test('no kustomization file', async () => {
    mkdirSync(path.join(dir, 'empty'));
    await expect(
      kustomizeSetImage.run({ path: 'empty', images: [] }, stepContext(dir)),
    ).rejects.toThrow(/could not discover kustomization file:/);
    await expect(kustomizeSetImage.run({ path: 'missing' }, stepContext(dir))).rejects.toThrow(
      /could not discover kustomization file:/,
    );
  });

  test.each([['kustomization.yml'], ['Kustomization']])('finds %s', async (name) => {
    write(`env/dev/${name}`, BASE);
    const res = await kustomizeSetImage.run(
      { path: 'env/dev', images: [{ image: 'nginx', tag: '1.0.0' }] },
      stepContext(dir),
    );
    expect(read(`env/dev/${name}`)).toContain('newTag: 1.0.0');
    expect(res.changed).toEqual([`env/dev/${name}`]);
    expect(res.outputs?.commitMessage).toBe('Updated env/dev to use new image\n\n- nginx:1.0.0');
  });

  test('two kustomization files are ambiguous', async () => {
    write('kustomization.yaml', BASE);
    write('kustomization.yml', BASE);
    await expect(kustomizeSetImage.run({ path: '.' }, stepContext(dir))).rejects.toThrow(
      /could not discover kustomization file: ambiguous result/,
    );
  });
});

describe('buildTargetImagesFromConfig (conformance Q)', () => {
  test('tag ⇒ newTag, digest ⇒ digest', () => {
    const got = buildTargetImagesFromConfig([
      { image: 'nginx', tag: 'fake-tag' },
      { image: 'redis', digest: 'fake-digest' },
    ]);
    expect(Object.fromEntries(got)).toEqual({
      nginx: { name: 'nginx', newTag: 'fake-tag' },
      redis: { name: 'redis', digest: 'fake-digest' },
    });
  });

  test('name, newName', () => {
    const got = buildTargetImagesFromConfig([
      { image: 'ghcr.io/acme/app', name: 'app', newName: 'ghcr.io/acme/app2', tag: '1' },
    ]);
    expect(Object.fromEntries(got)).toEqual({
      app: { name: 'app', newName: 'ghcr.io/acme/app2', newTag: '1' },
    });
  });

  const coll = [
    freight({
      origin: { kind: 'Warehouse', name: 'a' },
      images: [{ repoURL: 'nginx', tag: '1.2.3', digest: 'sha256:aaa' }],
    }),
    freight({
      origin: { kind: 'Warehouse', name: 'b' },
      images: [{ repoURL: 'nginx', tag: '2.0.0', digest: 'sha256:bbb' }],
    }),
  ];
  test.each([
    [
      { image: 'nginx', fromOrigin: { kind: 'Warehouse' as const, name: 'a' } },
      { newTag: '1.2.3' },
    ],
    [
      { image: 'nginx', useDigest: true, fromOrigin: { kind: 'Warehouse' as const, name: 'b' } },
      { digest: 'sha256:bbb' },
    ],
  ])('from the freight collection: %j', (cfg, want) => {
    expect(buildTargetImagesFromConfig([cfg], coll).get('nginx')).toEqual({
      name: 'nginx',
      ...want,
    });
  });

  test('ambiguous or missing freight image', () => {
    expect(() => buildTargetImagesFromConfig([{ image: 'nginx' }], coll)).toThrow(
      /images\[0\]: image nginx is ambiguous/,
    );
    expect(() => buildTargetImagesFromConfig([{ image: 'redis' }], coll)).toThrow(
      /no freight in the stage's freight collection has image redis/,
    );
  });
});

describe('kustomizeCommitMessage (conformance Q)', () => {
  const P = 'path/to/kustomization';
  test.each<[string, Record<string, KustomizeImage>, string]>([
    ['empty', {}, ''],
    [
      'one',
      { nginx: { name: 'nginx', newTag: '1.19' } },
      `Updated ${P} to use new image\n\n- nginx:1.19`,
    ],
    [
      'two',
      { nginx: { name: 'nginx', newTag: '1.19' }, redis: { name: 'redis', newTag: '6.0' } },
      `Updated ${P} to use new images\n\n- nginx:1.19\n- redis:6.0`,
    ],
    [
      'newName',
      { nginx: { name: 'nginx', newName: 'custom-nginx', newTag: '1.19' } },
      `Updated ${P} to use new image\n\n- custom-nginx:1.19`,
    ],
    [
      'digest',
      { nginx: { name: 'nginx', digest: 'sha256:abcdef1234567890' } },
      `Updated ${P} to use new image\n\n- nginx@sha256:abcdef1234567890`,
    ],
    [
      'mixed, sorted by key',
      {
        image3: { name: 'postgres', digest: 'sha256:abcdef1234567890' },
        image1: { name: 'nginx', newTag: '1.19' },
        image2: { name: 'redis', newName: 'custom-redis', newTag: '6.0' },
      },
      `Updated ${P} to use new images\n\n- nginx:1.19\n- custom-redis:6.0\n- postgres@sha256:abcdef1234567890`,
    ],
  ])('%s', (_, imgs, want) => {
    const msg = kustomizeCommitMessage(P, new Map(Object.entries(imgs)));
    expect(msg).toBe(want);
    if (want) expect(msg.split('\n').length - 1).toBe(Object.keys(imgs).length + 1);
  });
});

describe('mergeImages (conformance Q)', () => {
  test.each<[string, KustomizeImage[], KustomizeImage[], KustomizeImage[]]>([
    [
      'update and add',
      [{ name: 'nginx', newTag: '1.19.0' }],
      [
        { name: 'nginx', newTag: '1.21.0' },
        { name: 'redis', newTag: '6.2.5' },
      ],
      [
        { name: 'nginx', newTag: '1.21.0' },
        { name: 'redis', newTag: '6.2.5' },
      ],
    ],
    [
      'kept and sorted',
      [
        { name: 'nginx', newTag: '1.19.0' },
        { name: 'mysql', newTag: '8.0.0' },
      ],
      [{ name: 'nginx', newTag: '1.21.0' }],
      [
        { name: 'mysql', newTag: '8.0.0' },
        { name: 'nginx', newTag: '1.21.0' },
      ],
    ],
    [
      'newName * keeps the current newName',
      [{ name: 'nginx', newName: 'custom-nginx', newTag: '1.19.0' }],
      [{ name: 'nginx', newName: '*', newTag: '1.21.0' }],
      [{ name: 'nginx', newName: 'custom-nginx', newTag: '1.21.0' }],
    ],
    [
      'order mysql, nginx, redis',
      [{ name: 'nginx' }, { name: 'mysql' }],
      [{ name: 'redis' }],
      [{ name: 'mysql' }, { name: 'nginx' }, { name: 'redis' }],
    ],
    [
      '* with nothing to keep is dropped',
      [],
      [{ name: 'nginx', newName: '*', newTag: '1.0.0', digest: '*' }],
      [{ name: 'nginx', newTag: '1.0.0' }],
    ],
  ])('%s', (_, current, target, want) => {
    expect(mergeImages(current, targets(...target))).toEqual(want);
  });
});

describe('updateKustomization (conformance Q) and format preservation', () => {
  test('existing entry updated in place', () => {
    const text = `${BASE}images:\n- name: nginx\n  newTag: 1.19.0\n`;
    const out = updateKustomization(text, targets({ name: 'nginx', newTag: '1.21.0' }), 'k').text;
    expect(out).toBe(`${BASE}images:\n- name: nginx\n  newTag: 1.21.0\n`);
    expect(parse(out).images).toEqual([{ name: 'nginx', newTag: '1.21.0' }]);
  });

  test('images field created when missing', () => {
    const out = updateKustomization(BASE, targets({ name: 'nginx', newTag: '1.21.0' }), 'k').text;
    expect(parse(out).images).toEqual([{ name: 'nginx', newTag: '1.21.0' }]);
    expect(out.startsWith(BASE)).toBe(true);
  });

  test('a tag bump changes only the bytes of the tag', () => {
    const text = [
      '# overlay for dev',
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      '',
      'resources:',
      '  - ../../base # shared',
      '',
      'images:',
      '  # the app',
      '  - name: ghcr.io/acme/app',
      "    newTag: '1.0.0' # pinned by gantry",
      '  - name: redis',
      '    newTag: 7.0.0',
      '',
    ].join('\n');
    const out = updateKustomization(
      text,
      targets({ name: 'ghcr.io/acme/app', newTag: '1.1.0' }),
      'k',
    ).text;
    expect(out).toBe(text.replace("'1.0.0'", "'1.1.0'"));
  });

  test('comments survive a reordering rewrite of the list', () => {
    const text = [
      'apiVersion: kustomize.config.k8s.io/v1beta1 # api',
      'kind: Kustomization',
      'images:',
      '# images below are managed by gantry',
      '- name: redis # cache',
      '  newTag: 7.0.0',
      '# after the list',
      'resources:',
      '- deployment.yaml',
      '',
    ].join('\n');
    const out = updateKustomization(text, targets({ name: 'app', newTag: '1.0.0' }), 'k').text;
    expect(out).toContain('# images below are managed by gantry');
    expect(out).toContain('- name: redis # cache');
    expect(out).toContain('# after the list\nresources:\n- deployment.yaml\n');
    expect(out.startsWith('apiVersion: kustomize.config.k8s.io/v1beta1 # api\n')).toBe(true);
    expect(parse(out).images).toEqual([
      { name: 'app', newTag: '1.0.0' },
      { name: 'redis', newTag: '7.0.0' },
    ]);
  });

  test('a target replaces the entry (Kargo): a tag becomes a digest', () => {
    const text = `${BASE}images:\n- name: nginx\n  newName: my/nginx\n  newTag: 1.19.0\n`;
    const out = updateKustomization(text, targets({ name: 'nginx', digest: 'sha256:1' }), 'k');
    expect(parse(out.text).images).toEqual([{ name: 'nginx', digest: 'sha256:1' }]);
    expect(out.before).toEqual([{ name: 'nginx', newName: 'my/nginx', newTag: '1.19.0' }]);
  });

  test('tags that YAML would read as numbers or booleans are quoted', () => {
    const out = updateKustomization(
      BASE,
      targets({ name: 'a', newTag: '1.10' }, { name: 'b', newTag: 'yes' }),
      'k',
    ).text;
    expect(parse(out, { version: '1.1' }).images).toEqual([
      { name: 'a', newTag: '1.10' },
      { name: 'b', newTag: 'yes' },
    ]);
  });

  test('a numeric tag in the file reads as written', () => {
    const text = `${BASE}images:\n- name: nginx\n  newTag: 1.10\n`;
    const res = updateKustomization(text, targets({ name: 'nginx', newTag: '1.10' }), 'k');
    expect(res.text).toBe(text);
  });

  test('CRLF line endings stay', () => {
    const text = 'kind: Kustomization\r\nimages:\r\n- name: b\r\n  newTag: x\r\n';
    const out = updateKustomization(text, targets({ name: 'a', newTag: '1' }), 'k').text;
    expect(out).toBe(
      'kind: Kustomization\r\nimages:\r\n- name: a\r\n  newTag: "1"\r\n- name: b\r\n  newTag: x\r\n',
    );
  });

  test('flow-style images are rewritten as a block list', () => {
    const text = `${BASE}images: []\n`;
    const out = updateKustomization(text, targets({ name: 'a', newTag: 'v1' }), 'k').text;
    expect(parse(out)).toEqual({ ...parse(BASE), images: [{ name: 'a', newTag: 'v1' }] });
  });

  test('bad files', () => {
    expect(() => updateKustomization(`${BASE}images: x\n`, targets(), 'k')).toThrow(ConfigError);
    expect(() => updateKustomization(`${BASE}images:\n- newTag: 1\n`, targets(), 'k')).toThrow(
      /images\[0\] has no name/,
    );
    expect(() => updateKustomization('a: [\n', targets(), 'k')).toThrow(/not valid YAML/);
  });
});

describe('kustomize-set-image: run details', () => {
  test('unchanged file: no write, no changed paths, commit message still given (Kargo)', async () => {
    const text = `${BASE}images:\n- name: nginx\n  newTag: 1.21.0\n`;
    write('kustomization.yaml', text);
    const res = await kustomizeSetImage.run(
      { path: '.', images: [{ image: 'nginx', tag: '1.21.0' }] },
      stepContext(dir),
    );
    expect(read('kustomization.yaml')).toBe(text);
    expect(res.changed).toBeUndefined();
    expect(res.outputs?.commitMessage).toBe('Updated . to use new image\n\n- nginx:1.21.0');
  });

  test('summary names old and new', async () => {
    write('env/kustomization.yaml', `${BASE}images:\n- name: nginx\n  newTag: 1.19.0\n`);
    const res = await kustomizeSetImage.run(
      { path: 'env', images: [{ image: 'nginx', tag: '1.21.0' }] },
      stepContext(dir),
    );
    expect(res.summary).toEqual(['- env/kustomization.yaml: nginx nginx:1.19.0 → nginx:1.21.0']);
  });

  test('automatic mode refuses an image two warehouses provide', async () => {
    write('kustomization.yaml', BASE);
    const ctx = stepContext(dir, {
      freightCollection: [
        freight({ origin: { kind: 'Warehouse', name: 'a' } }),
        freight({ origin: { kind: 'Warehouse', name: 'b' } }),
      ],
    });
    await expect(kustomizeSetImage.run({ path: '.' }, ctx)).rejects.toThrow(
      /manual configuration required due to ambiguous result/,
    );
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    ['no path', {}, /path: must be a non-empty string/],
    ['unknown field', { path: '.', image: [] }, /image: is not a field/],
    ['images not a list', { path: '.', images: {} }, /images: must be a list/],
    ['no image', { path: '.', images: [{ tag: 'x' }] }, /images\[0\]\.image/],
    [
      'tag and digest',
      { path: '.', images: [{ image: 'a', tag: 'x', digest: 'y' }] },
      /images\[0\]: set either tag or digest/,
    ],
    [
      'bad origin',
      { path: '.', images: [{ image: 'a', fromOrigin: { kind: 'Stage', name: 'x' } }] },
      /fromOrigin\.kind: must be Warehouse/,
    ],
  ])('config error: %s', async (_, cfg, re) => {
    write('kustomization.yaml', BASE);
    const run = kustomizeSetImage.run(cfg, stepContext(dir));
    await expect(run).rejects.toThrow(ConfigError);
    await expect(kustomizeSetImage.run(cfg, stepContext(dir))).rejects.toThrow(re);
  });

  test.each([['../outside'], ['/etc']])('path %s outside the checkout is refused', async (p) => {
    await expect(kustomizeSetImage.run({ path: p }, stepContext(dir))).rejects.toThrow(ConfigError);
  });

  test('a kustomization that is a symlink is not followed', async () => {
    write('real.yaml', BASE);
    mkdirSync(path.join(dir, 'env'));
    symlinkSync(path.join(dir, 'real.yaml'), path.join(dir, 'env', 'kustomization.yaml'));
    await expect(kustomizeSetImage.run({ path: 'env' }, stepContext(dir))).rejects.toThrow(
      /could not discover kustomization file/,
    );
  });
});
