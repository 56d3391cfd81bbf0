import { describe, expect, it } from 'vitest';
import { githubRepoOf, initSettings, toDnsLabel } from '../../../src/init/index.js';
import { scalar } from '../../../src/init/text.js';
import { ConfigError } from '../../../src/util/errors.js';

function error(flags: Parameters<typeof initSettings>[0]): string {
  try {
    initSettings(flags);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('initSettings', () => {
  it('fills in the defaults: the project from the image, three stages, env/{stage}/values.yaml', () => {
    expect(initSettings({ image: 'ghcr.io/acme/echo' })).toEqual({
      project: 'echo',
      image: 'ghcr.io/acme/echo',
      registry: 'ghcr.io',
      stages: ['dev', 'staging', 'prod'],
      valuesPath: 'env/{stage}/values.yaml',
    });
  });

  it.each([
    ['nginx', 'nginx', 'docker.io'],
    ['docker.io/acme/Web_Frontend'.toLowerCase(), 'web-frontend', 'docker.io'],
    ['localhost:5000/team/echo.api', 'echo-api', 'localhost:5000'],
    [
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/cart__svc',
      'cart-svc',
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
    ],
  ])('names the project after the image %s: %s', (image, project, registry) => {
    expect(initSettings({ image })).toMatchObject({ project, registry, image });
  });

  it('takes the stages and values path given', () => {
    expect(
      initSettings({
        image: 'ghcr.io/acme/echo',
        project: 'shop',
        stages: ' qa , prod ',
        valuesPath: 'apps/echo/{stage}.yaml',
      }),
    ).toMatchObject({
      project: 'shop',
      stages: ['qa', 'prod'],
      valuesPath: 'apps/echo/{stage}.yaml',
    });
  });

  it.each<[string, Parameters<typeof initSettings>[0], RegExp]>([
    [
      'no image',
      {},
      /init needs --image: the container image repository[^]*--image ghcr\.io\/acme\/echo/,
    ],
    [
      'an image with a tag',
      { image: 'ghcr.io/acme/echo:1.0' },
      /--image "ghcr.io\/acme\/echo:1.0" names the tag "1.0"; gantry watches the repository and picks new tags itself \(SemVer by default\): --image ghcr.io\/acme\/echo$/,
    ],
    [
      'a registry port and a tag',
      { image: 'localhost:5000/echo:latest' },
      /names the tag "latest".*--image localhost:5000\/echo$/,
    ],
    [
      'a digest',
      { image: 'ghcr.io/acme/echo@sha256:abc' },
      /names one digest.*--image ghcr.io\/acme\/echo$/,
    ],
    [
      'a URL',
      { image: 'https://ghcr.io/acme/echo' },
      /without a URL scheme: --image ghcr.io\/acme\/echo$/,
    ],
    ['upper case', { image: 'ghcr.io/Acme/Echo' }, /lower case: --image ghcr.io\/acme\/echo$/],
    ['a bad component', { image: 'ghcr.io/acme/-echo' }, /^--image: invalid image repository/],
    [
      'a stage name in upper case',
      { image: 'ghcr.io/acme/echo', stages: 'dev,Prod' },
      /--stages: stage name "Prod" must be a lowercase DNS label.*; try "prod"$/,
    ],
    [
      'a stage name with an underscore',
      { image: 'ghcr.io/acme/echo', stages: 'dev,pre_prod' },
      /stage name "pre_prod".*try "pre-prod"/,
    ],
    [
      'a stage twice',
      { image: 'ghcr.io/acme/echo', stages: 'dev,prod,dev' },
      /stage "dev" is listed twice/,
    ],
    ['an empty stage', { image: 'ghcr.io/acme/echo', stages: 'dev,,prod' }, /stage 2 is empty/],
    ['no stages', { image: 'ghcr.io/acme/echo', stages: ' ' }, /--stages is empty/],
    [
      'a values path without {stage}',
      { image: 'ghcr.io/acme/echo', valuesPath: 'values.yaml' },
      /has no \{stage\}: every stage would edit the same file, so promoting dev would change prod too/,
    ],
    [
      'an absolute values path',
      { image: 'ghcr.io/acme/echo', valuesPath: '/srv/{stage}.yaml' },
      /must be relative to the repository root/,
    ],
    [
      'a values path leaving the repository',
      { image: 'ghcr.io/acme/echo', valuesPath: '../{stage}.yaml' },
      /no empty, "\." or "\.\." parts/,
    ],
    [
      'a values path in .gantry',
      { image: 'ghcr.io/acme/echo', valuesPath: '.gantry/{stage}.yaml' },
      /\.gantry\/ belongs to gantry/,
    ],
    [
      'another placeholder',
      { image: 'ghcr.io/acme/echo', valuesPath: 'env/{env}/{stage}.yaml' },
      /unknown placeholder \{env\}; the only one is \{stage\}/,
    ],
    [
      'a values path that is not YAML',
      { image: 'ghcr.io/acme/echo', valuesPath: 'env/{stage}/kustomization' },
      /edits a YAML file/,
    ],
    [
      'a bad project name',
      { image: 'ghcr.io/acme/echo', project: 'My App' },
      /--project "My App" must be a lowercase DNS label.*try --project my-app$/,
    ],
  ])('explains %s', (_, flags, want) => {
    expect(error(flags)).toMatch(want);
  });
});

describe('toDnsLabel', () => {
  it.each([
    ['Echo_App', 'echo-app'],
    ['--x--', 'x'],
    ['a'.repeat(70), 'a'.repeat(63)],
    ['___', ''],
  ])('%s → %s', (input, want) => expect(toDnsLabel(input)).toBe(want));
});

describe('scalar', () => {
  it.each([
    ['dev', 'dev'],
    ['env/dev/values.yaml', 'env/dev/values.yaml'],
    ['on', '"on"'],
    ['1', '"1"'],
    ['1e3', '"1e3"'],
    ['null', '"null"'],
    ['a b', '"a b"'],
    ['x #y', '"x #y"'],
    ['localhost:5000/echo', 'localhost:5000/echo'],
  ])('%s → %s', (input, want) => expect(scalar(input)).toBe(want));
});

describe('githubRepoOf', () => {
  it.each([
    ['https://github.com/acme/gitops.git', 'acme/gitops'],
    ['https://github.com/acme/gitops', 'acme/gitops'],
    ['git@github.com:acme/gitops.git', 'acme/gitops'],
    ['ssh://git@github.com/acme/git.ops.git', 'acme/git.ops'],
  ])('%s → %s on github.com', (url, want) => {
    const r = githubRepoOf(url);
    expect(r && `${r.owner}/${r.repo}`).toBe(want);
    expect(r?.apiUrl).toBe('https://api.github.com');
  });

  it('knows a GitHub Enterprise server only when the environment names it', () => {
    const url = 'https://ghe.acme.dev/platform/gitops.git';
    expect(githubRepoOf(url)).toBeUndefined();
    expect(githubRepoOf(url, { serverUrl: 'https://ghe.acme.dev' })).toEqual({
      owner: 'platform',
      repo: 'gitops',
      apiUrl: 'https://ghe.acme.dev/api/v3',
    });
  });

  it('leaves other remotes alone', () => {
    expect(githubRepoOf('file:///srv/gitops.git')).toBeUndefined();
    expect(githubRepoOf('https://gitlab.com/acme/gitops.git')).toBeUndefined();
  });
});
