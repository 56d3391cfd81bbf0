import { mkdtemp, rm, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkProjects,
  loadProjectsFromDir,
  loadProjectsFromFiles,
  loadProjectsWith,
  parseProjectFile,
  type Project,
} from '../../../src/pipeline/index.js';
import { formatted, yaml } from './helpers.js';

const REPO = fileURLToPath(new URL('../../fixtures/pipeline/repo', import.meta.url));

const small = (name: string): string => yaml`
  project: ${name}
  warehouses:
    - name: w
      subscriptions: [{image: {repoURL: ghcr.io/acme/${name}}}]
  stages:
    - name: dev
      requestedFreight: [{origin: {kind: Warehouse, name: w}, sources: {direct: true}}]
      promotionTemplate: {steps: [{uses: yaml-update}]}
`;

describe('loadProjectsFromDir', () => {
  it('loads the fixture repository with defaults applied', async () => {
    const { projects, problems } = await loadProjectsFromDir(REPO);
    expect(formatted(problems)).toEqual([]);
    expect(projects.map((p) => [p.name, p.file])).toEqual([
      ['echo', '.gantry/echo.yaml'],
      ['web', '.gantry/web.yml'],
    ]);
    const echo = projects[0]!;
    expect(echo).toEqual({
      name: 'echo',
      file: '.gantry/echo.yaml',
      warehouses: [
        {
          name: 'echo',
          freightCreationPolicy: 'Automatic',
          interval: '5m',
          subscriptions: [
            {
              kind: 'image',
              image: {
                repoURL: 'ghcr.io/acme/echo',
                imageSelectionStrategy: 'SemVer',
                constraint: '^1.0.0',
                strictSemvers: true,
                allowTagsRegexes: [],
                ignoreTagsRegexes: [],
                discoveryLimit: 5,
                insecureSkipTLSVerify: false,
              },
            },
            {
              kind: 'chart',
              chart: {
                repoURL: 'https://charts.acme.dev',
                name: 'echo',
                semverConstraint: '^2',
                discoveryLimit: 20,
              },
            },
            {
              kind: 'git',
              git: {
                repoURL: 'https://github.com/acme/echo-config',
                commitSelectionStrategy: 'NewestFromBranch',
                branch: 'main',
                strictSemvers: true,
                allowTagsRegexes: [],
                ignoreTagsRegexes: [],
                includePaths: [],
                excludePaths: [],
                discoveryLimit: 20,
                insecureSkipTLSVerify: false,
              },
            },
          ],
        },
      ],
      stages: [
        {
          name: 'dev',
          environment: 'dev',
          requestedFreight: [
            {
              origin: { kind: 'Warehouse', name: 'echo' },
              sources: { direct: true, stages: [], availabilityStrategy: 'OneOf' },
            },
          ],
          autoPromotion: true,
          promotionTemplate: {
            mode: 'direct',
            vars: [],
            steps: [
              {
                uses: 'yaml-update',
                alias: 'step-1',
                source: ['stages', 0, 'promotionTemplate', 'steps', 0],
                config: {
                  path: 'env/dev/values.yaml',
                  updates: [
                    { key: 'image.tag', value: '${{ imageFrom("ghcr.io/acme/echo").Tag }}' },
                  ],
                },
                continueOnError: false,
                vars: [],
              },
            ],
          },
          verification: [],
        },
        {
          name: 'prod',
          branch: 'main',
          environment: 'production',
          requestedFreight: [
            {
              origin: { kind: 'Warehouse', name: 'echo' },
              sources: {
                direct: false,
                stages: ['dev'],
                requiredSoakTime: '1h',
                requiredSoakTimeMs: 3_600_000,
                availabilityStrategy: 'OneOf',
              },
            },
          ],
          autoPromotion: false,
          promotionTemplate: {
            mode: 'pull-request',
            vars: [{ name: 'env', value: 'prod' }],
            steps: [
              {
                uses: 'yaml-update',
                as: 'update-values',
                alias: 'update-values',
                source: ['stages', 1, 'promotionTemplate', 'steps', 0],
                config: {
                  path: 'env/${{ vars.env }}/values.yaml',
                  updates: [
                    { key: 'image.tag', value: '${{ imageFrom("ghcr.io/acme/echo").Tag }}' },
                  ],
                },
                continueOnError: false,
                vars: [],
              },
              {
                uses: 'helm-update-chart',
                alias: 'step-2',
                source: ['stages', 1, 'promotionTemplate', 'steps', 1],
                config: {
                  path: 'env/prod/Chart.yaml',
                  charts: [
                    {
                      repository: 'https://charts.acme.dev',
                      name: 'echo',
                      version: '${{ chartFrom("https://charts.acme.dev", "echo").Version }}',
                    },
                  ],
                },
                continueOnError: false,
                vars: [],
              },
              {
                uses: 'compose-output',
                as: 'open-pr',
                alias: 'open-pr',
                source: ['stages', 1, 'promotionTemplate', 'steps', 2],
                if: '${{ vars.env == "prod" }}',
                config: {},
                continueOnError: false,
                vars: [{ name: 'title', value: 'Promote to prod' }],
                retry: { timeoutMs: 600_000, errorThreshold: 3 },
              },
            ],
          },
          verification: [
            {
              name: 'smoke',
              provider: { name: 'http', config: { url: 'https://echo.acme.dev/healthz' } },
              count: 1,
              failureLimit: 0,
              inconclusiveLimit: 0,
              consecutiveErrorLimit: 4,
              timeout: '5m',
              timeoutMs: 300_000,
            },
          ],
        },
      ],
    } satisfies Project);

    const web = projects[1]!;
    expect(web.warehouses[0]!.freightCreationPolicy).toBe('Manual');
    expect(web.warehouses[0]!.subscriptions).toEqual([
      {
        kind: 'image',
        image: expect.objectContaining({
          imageSelectionStrategy: 'Digest',
          constraint: 'latest',
          platform: 'linux/amd64',
        }),
      },
      { kind: 'chart', chart: { repoURL: 'oci://ghcr.io/acme/charts/web', discoveryLimit: 20 } },
      {
        kind: 'git',
        git: expect.objectContaining({
          name: 'web-tags',
          commitSelectionStrategy: 'SemVer',
          semverConstraint: '>= 1.2, < 2',
          includePaths: ['charts/', 'glob:deploy/**/*.yaml', 'regex:^values\\.ya?ml$'],
          excludePaths: ['regexp:README'],
        }),
      },
    ]);
    expect(web.stages[1]!.requestedFreight[0]!.sources.availabilityStrategy).toBe('All');
  });

  const tmp: string[] = [];
  afterAll(async () => {
    await Promise.all(tmp.map((d) => rm(d, { recursive: true, force: true })));
  });
  async function repoWith(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'gantry-pipeline-'));
    tmp.push(dir);
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), text);
    }
    return dir;
  }

  it('reports a missing .gantry directory', async () => {
    const dir = await repoWith({ 'README.md': 'hi' });
    const { projects, problems } = await loadProjectsFromDir(dir);
    expect(projects).toEqual([]);
    expect(formatted(problems)).toEqual([
      '.gantry/:1:1: no project files found: add a file .gantry/<project>.yaml describing warehouses and stages',
    ]);
  });

  it('reports a .gantry directory with only state files', async () => {
    const dir = await repoWith({ '.gantry/state/echo/dev.yaml': 'stage: dev\n' });
    const { problems } = await loadProjectsFromDir(dir);
    expect(formatted(problems)).toEqual([
      expect.stringContaining('.gantry/:1:1: no project files found'),
    ]);
  });

  it('reports problems of every file, sorted by file', async () => {
    const dir = await repoWith({
      '.gantry/b.yaml': small('b').replace('uses:', 'usse:'),
      '.gantry/a.yaml': 'project: [',
      '.gantry/c.yml': small('c'),
    });
    const { projects, problems } = await loadProjectsFromDir(dir);
    expect(projects.map((p) => p.file)).toEqual(['.gantry/c.yml']);
    expect(formatted(problems).map((p) => p.split(':')[0])).toEqual([
      '.gantry/a.yaml',
      '.gantry/b.yaml',
    ]);
    expect(formatted(problems)[1]).toContain(
      'unknown field "warehousse" (did you mean "warehouses"?)',
    );
  });
});

describe("Kargo's reader loads only for a Kargo file", () => {
  it('a Kargo gantry file is read through the reader loadProjectsFromFiles imports', async () => {
    // No manifests in the directory: Kargo's own reader says so, which gantry's parser could not.
    const { projects, problems } = await loadProjectsFromFiles([
      { file: '.gantry/echo.yaml', text: 'kargo: kargo\n' },
    ]);
    expect(projects).toEqual([]);
    expect(formatted(problems).join('\n')).toContain(
      'no Kargo manifests (*.yaml, *.yml) under kargo/',
    );
  });

  it('the synchronous core refuses a Kargo file it was given no reader for', () => {
    expect(() => loadProjectsWith([{ file: '.gantry/echo.yaml', text: 'kargo: kargo\n' }])).toThrow(
      /\.gantry\/echo\.yaml names Kargo's manifests/,
    );
  });
});

describe('checks across files', () => {
  it('two files with one project name', () => {
    const { projects, problems } = loadProjectsWith([
      { file: '.gantry/echo.yaml', text: small('echo') },
      { file: '.gantry/echo.yml', text: `# copy\n${small('echo')}` },
    ]);
    expect(projects).toHaveLength(2);
    expect(formatted(problems)).toEqual([
      '.gantry/echo.yml:2:1: project: project "echo" is already defined in .gantry/echo.yaml',
    ]);
  });

  it('file name must match the project name', () => {
    const { problems } = loadProjectsWith([
      { file: '.gantry/echo.yaml', text: small('echo') },
      { file: '.gantry/web-app.yml', text: small('web') },
    ]);
    expect(formatted(problems)).toEqual([
      '.gantry/web-app.yml:1:1: project: project "web" must be in a file named web.yml (this file is web-app.yml): rename the file or the project',
    ]);
  });

  it('checkProjects on hand-built projects points at line 1', () => {
    const a = parseProjectFile('.gantry/a.yaml', small('a')).project!;
    const copy: Project = { ...a, file: '.gantry/x/a.yaml' };
    expect(formatted(checkProjects([a, copy]))).toEqual([
      '.gantry/x/a.yaml:1:1: project: project "a" is already defined in .gantry/a.yaml',
    ]);
  });
});
