import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { describe, expect, test } from 'vitest';
import {
  ACTIONS,
  Input,
  Output,
  ROOT_COMMANDS,
  type ActionName,
} from '../../src/actions/constants.js';
import { readCommand, readSettings } from '../../src/actions/settings.js';

interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

const load = (path: string) => YAML.parse(readFileSync(path, 'utf8')) as ActionYml;
const ctx = { serverUrl: 'https://github.com', repository: 'acme/gitops' };

/** Feeds every input a plausible value and records which names the code asked for. */
function recordReads(action: ActionName) {
  const read: string[] = [];
  const values: Record<string, string> = {
    [Input.stage]: 'dev',
    [Input.freight]: 'abc',
    [Input.mode]: 'direct',
    [Input.dryRun]: 'true',
    [Input.project]: 'echo',
    [Input.warehouse]: 'echo',
    [Input.repository]: 'acme/gitops',
    [Input.token]: 't0ken-value',
    [Input.dispatchWorkflow]: 'promote.yml',
    [Input.registryCredentials]: 'registry.acme.dev=bot:pw',
    [Input.reason]: 'because',
    [Input.images]: 'ghcr.io/acme/echo:1.0.0',
    [Input.command]: action,
  };
  const reader = (name: string) => {
    read.push(name);
    return values[name] ?? '';
  };
  return { read, reader };
}

describe.each(['discover', 'promote', 'verify'] as const)('%s/action.yml', (action) => {
  const yml = load(`${action}/action.yml`);

  test('declares exactly the inputs and outputs the code knows', () => {
    expect(Object.keys(yml.inputs).sort()).toEqual([...ACTIONS[action].inputs].sort());
    expect(Object.keys(yml.outputs).sort()).toEqual([...ACTIONS[action].outputs].sort());
  });

  test('the code reads every declared input and nothing else', () => {
    const { read, reader } = recordReads(action);
    readSettings(action, reader, ctx);
    expect([...new Set(read)].sort()).toEqual(Object.keys(yml.inputs).sort());
  });

  test('runs on node24 from its own bundle', () => {
    expect(yml.runs).toEqual({ using: 'node24', main: `../dist/${action}/index.js` });
  });

  test('every input and output is described', () => {
    for (const [name, def] of [...Object.entries(yml.inputs), ...Object.entries(yml.outputs)]) {
      expect(def.description, name).toMatch(/\S{3,}/);
    }
  });
});

describe('action.yml (root)', () => {
  const yml = load('action.yml');
  test('has command plus the union of every action input, and the union of outputs', () => {
    const inputs = new Set<string>([
      Input.command,
      ...ROOT_COMMANDS.flatMap((a) => ACTIONS[a].inputs),
    ]);
    const outputs = new Set<string>(ROOT_COMMANDS.flatMap((a) => ACTIONS[a].outputs));
    expect(Object.keys(yml.inputs).sort()).toEqual([...inputs].sort());
    expect(Object.keys(yml.outputs).sort()).toEqual([...outputs].sort());
    expect(yml.runs).toEqual({ using: 'node24', main: 'dist/main/index.js' });
  });

  test('each command reads only inputs the root action declares', () => {
    for (const action of ROOT_COMMANDS) {
      const { read, reader } = recordReads(action);
      readSettings(readCommand(reader), reader, ctx);
      for (const name of read)
        expect(Object.keys(yml.inputs), `${action} reads ${name}`).toContain(name);
    }
  });

  test('shared inputs are described alike in the sub-actions (same defaults)', () => {
    for (const action of ['discover', 'promote', 'verify'] as const) {
      const sub = load(`${action}/action.yml`);
      for (const [name, def] of Object.entries(sub.inputs)) {
        expect(yml.inputs[name]?.default, `${action}.${name}`).toBe(def.default);
      }
    }
  });

  test('every Output constant is declared somewhere', () => {
    expect(Object.values(Output).sort()).toEqual(Object.keys(yml.outputs).sort());
  });
});

describe('settings', () => {
  const read = (values: Record<string, string>) => (name: string) => values[name] ?? '';

  test.each([
    [{ stage: 'Dev!' }, 'promote', 'input "stage" must be a lowercase name'],
    [{}, 'promote', 'input "stage" is required for promote'],
    [
      { stage: 'dev', mode: 'yolo' },
      'promote',
      'input "mode" must be direct or pull-request, not "yolo"',
    ],
    [{ 'dry-run': 'maybe' }, 'discover', 'input "dry-run" must be true or false, not "maybe"'],
    [{ stage: 'prod' }, 'approve', 'input "freight" is required for approve'],
    [
      { repository: 'https://bot:pw@github.com/acme/x.git' },
      'discover',
      'must not carry credentials',
    ],
    [{ repository: 'not a repo' }, 'discover', 'must be owner/name or a git URL'],
  ] as const)('%j for %s fails with %s', (values, action, message) => {
    expect(() => readSettings(action, read({ repository: 'acme/gitops', ...values }), ctx)).toThrow(
      message,
    );
  });

  test('promote: argocd-server and argocd-token are read when given, absent otherwise', () => {
    const given = readSettings(
      'promote',
      read({
        repository: 'acme/gitops',
        stage: 'dev',
        'argocd-server': ' https://argocd.acme.dev ',
        'argocd-token': 'argo-t0ken',
      }),
      ctx,
    );
    expect(given).toMatchObject({
      argocdServer: 'https://argocd.acme.dev',
      argocdToken: 'argo-t0ken',
    });
    const unset = readSettings('promote', read({ repository: 'acme/gitops', stage: 'dev' }), ctx);
    expect(unset).not.toHaveProperty('argocdServer');
    expect(unset).not.toHaveProperty('argocdToken');
  });

  test('owner/name becomes a clone URL on the workflow server', () => {
    const s = readSettings('discover', read({ repository: 'acme/gitops' }), {
      serverUrl: 'https://ghe.example.com/',
    });
    expect(s).toMatchObject({
      repositoryUrl: 'https://ghe.example.com/acme/gitops.git',
      repository: 'acme/gitops',
      dryRun: false,
    });
  });

  test('a git URL on the workflow server names its repository too, in every form', () => {
    for (const url of [
      'https://github.com/acme/gitops.git',
      'ssh://git@github.com/acme/gitops',
      'git@github.com:acme/gitops.git',
    ]) {
      const s = readSettings('promote', read({ repository: url, stage: 'dev' }), {
        serverUrl: 'https://github.com',
        repository: 'acme/app',
      });
      expect(s, url).toMatchObject({ repositoryUrl: url, repository: 'acme/gitops' });
    }
    const ghes = { serverUrl: 'https://ghe.acme.dev', repository: 'acme/app' };
    expect(
      readSettings('discover', read({ repository: 'git@ghe.acme.dev:ops/gitops.git' }), ghes),
    ).toMatchObject({ repository: 'ops/gitops' });
    // Another server's repository is cloned, never given this server's API or token.
    for (const url of ['git@github.com:acme/gitops.git', 'https://gitlab.com/acme/gitops.git']) {
      const s = readSettings('discover', read({ repository: url }), ghes);
      expect(s, url).not.toHaveProperty('repository');
    }
  });

  test('the repository defaults to the workflow repository', () => {
    const s = readSettings('verify', read({ stage: 'dev' }), ctx);
    expect(s.repositoryUrl).toBe('https://github.com/acme/gitops.git');
  });

  test('registry-credentials: host=username:password a line, passwords may hold colons', () => {
    const s = readSettings(
      'discover',
      read({
        'registry-credentials':
          '# ours\nregistry.acme.dev=bot:pa:ss\n\nhttps://quay.io/ = robot$ci : tok\n',
      }),
      ctx,
    );
    expect(s.action === 'discover' && [...s.registryCredentials]).toEqual([
      ['registry.acme.dev', { username: 'bot', password: 'pa:ss' }],
      ['quay.io', { username: 'robot$ci', password: ' tok' }],
    ]);
  });

  test('a malformed registry-credentials line names the line, never its content', () => {
    const err = (() => {
      try {
        readSettings(
          'discover',
          read({ 'registry-credentials': 'ok.dev=a:b\nsecretpassword-only' }),
          ctx,
        );
      } catch (e) {
        return e as Error;
      }
      throw new Error('no error');
    })();
    expect(err.message).toBe(
      'input "registry-credentials", line 2: expected host=username:password',
    );
  });

  test('assemble: one version a line, blank lines and comments skipped; at least one', () => {
    const s = readSettings(
      'assemble',
      read({
        repository: 'acme/gitops',
        warehouse: 'echo',
        images: 'ghcr.io/acme/echo:1.4.0\n\n# the chart\n',
        charts: ' oci://ghcr.io/acme/charts/echo:1.4.0 ',
        commits: 'https://github.com/acme/cfg.git@main\nhttps://github.com/acme/app.git@v1.4.0',
      }),
      ctx,
    );
    expect(s).toMatchObject({
      action: 'assemble',
      warehouse: 'echo',
      images: ['ghcr.io/acme/echo:1.4.0'],
      charts: ['oci://ghcr.io/acme/charts/echo:1.4.0'],
      commits: ['https://github.com/acme/cfg.git@main', 'https://github.com/acme/app.git@v1.4.0'],
      dryRun: false,
    });
    expect(() =>
      readSettings('assemble', read({ repository: 'acme/gitops', warehouse: 'echo' }), ctx),
    ).toThrow('command assemble needs the versions: inputs "images", "charts" or "commits"');
    expect(() =>
      readSettings('assemble', read({ repository: 'acme/gitops', images: 'a/b:1' }), ctx),
    ).toThrow('input "warehouse" is required for assemble');
  });

  test('command must be known', () => {
    expect(() => readCommand(read({ command: 'deploy' }))).toThrow(
      'must be one of discover, promote, verify, approve, environment, assemble, not "deploy"',
    );
    expect(() => readCommand(read({}))).toThrow('input "command" is required');
  });
});
