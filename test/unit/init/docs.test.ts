import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { initSettings, planInit } from '../../../src/init/index.js';
import { loadProjectsFromFiles } from '../../../src/pipeline/index.js';
import { formatProblem } from '../../../src/util/errors.js';
import { actionlint } from '../../support/actionlint.js';
import { parseGitHubWorkflow } from './workflow-parser.js';

const DOC = readFileSync(join(import.meta.dirname, '../../../docs/init.md'), 'utf8');

/** The fenced YAML blocks of the doc, with the indentation of list items removed. */
function yamlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^( *)```yaml\n([\s\S]*?)^\1```/gm)].map(([, indent, body]) =>
    body!
      .split('\n')
      .map((l) => l.slice(indent!.length))
      .join('\n'),
  );
}

const plan = planInit(
  initSettings({ image: 'ghcr.io/acme/echo' }),
  {
    existing: new Map(),
    otherProjects: [],
    github: { owner: 'acme', repo: 'gitops', apiUrl: 'https://api.github.com' },
  },
  { force: false },
);
const generated = (path: string) => plan.write.find((f) => f.path === path)!.text;
const PROJECT = generated('.gantry/echo.yaml');

describe('docs/init.md', () => {
  it.each([
    '.gantry/echo.yaml',
    '.github/workflows/gantry-discover.yml',
    '.github/workflows/gantry-promote.yml',
  ])('shows %s exactly as gantry init writes it', (path) => {
    expect(DOC).toContain('```yaml\n' + generated(path) + '```\n');
  });

  const blocks = yamlBlocks(DOC);

  it('has the examples this test knows about', () => {
    expect(blocks).toHaveLength(6);
  });

  it.each(blocks.map((b, i) => [i, b] as const))(
    'example %i is valid where it goes',
    async (_, block) => {
      const doc = parse(block) as unknown;
      if (doc && typeof doc === 'object' && 'jobs' in doc) {
        const parsed = await parseGitHubWorkflow('example.yml', block);
        expect(parsed.errors).toEqual([]);
        expect(await actionlint('example.yml', block)).toEqual([]);
      } else if (doc && typeof doc === 'object' && 'project' in doc) {
        const r = await loadProjectsFromFiles([{ file: '.gantry/echo.yaml', text: block }]);
        expect(r.problems.map(formatProblem)).toEqual([]);
      } else if (Array.isArray(doc) && (doc[0] as { name?: string }).name === 'prod') {
        // A stage: put it in place of the generated project's last stage.
        const at = PROJECT.indexOf('  - name: prod\n');
        const text = PROJECT.slice(0, at) + block.replace(/^(?=.)/gm, '  ');
        const r = await loadProjectsFromFiles([{ file: '.gantry/echo.yaml', text }]);
        expect(r.problems.map(formatProblem)).toEqual([]);
        const prod = r.projects[0]!.stages.at(-1)!;
        expect(prod).toMatchObject({ name: 'prod', branch: 'prod', autoPromotion: false });
        expect(prod.promotionTemplate.mode).toBe('pull-request');
      } else {
        // Steps for a job: wrap them in one, as the application's release workflow would.
        const steps = block.replace(/^(?=.)/gm, '      ');
        const wf = `on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;
        const parsed = await parseGitHubWorkflow('release.yml', wf);
        expect(parsed.errors).toEqual([]);
        expect(await actionlint('release.yml', wf)).toEqual([]);
      }
    },
  );
});
