import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { freightMatrixMarkdown, pipelineMermaid } from '../../../src/status/markdown.js';
import { parseGitHubWorkflow } from '../init/workflow-parser.js';
import { threeStageStatus } from './fixture.js';

const DOC = readFileSync(join(import.meta.dirname, '../../../docs/dashboard.md'), 'utf8');

/** Fenced blocks of one language, with the indentation of list items removed. */
function blocks(lang: string): string[] {
  return [...DOC.matchAll(new RegExp(`^( *)\`\`\`${lang}\\n([\\s\\S]*?)^\\1\`\`\``, 'gm'))].map(
    ([, indent = '', body = '']) =>
      body
        .split('\n')
        .map((l) => l.slice(indent.length))
        .join('\n'),
  );
}

const cells = (row: string) =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

describe('docs/dashboard.md', () => {
  const { project, status } = threeStageStatus();

  test('the Mermaid example is what gantry writes for that pipeline (style lines left out)', () => {
    const [example] = blocks('mermaid');
    const real = pipelineMermaid(project, status).split('\n');
    for (const line of example?.trimEnd().split('\n') ?? ['missing']) expect(real).toContain(line);
    expect(real.filter((l) => l && !/^ {2}class(Def)? /.test(l)).join('\n')).toBe(
      example?.trimEnd(),
    );
  });

  test('the matrix example is what gantry writes (columns aligned in the doc)', () => {
    const doc = DOC.split('\n').filter((l) => /^ {2}\| (freight|\*\*)/.test(l));
    const real = freightMatrixMarkdown(project, status)
      .split('\n')
      .filter((l) => /^\| (freight|\*\*)/.test(l));
    expect(doc.map(cells)).toEqual(real.map(cells));
  });

  test('the Pages workflow: permissions, the dashboard command, upload and deploy', async () => {
    const [workflow] = blocks('yaml');
    expect((await parseGitHubWorkflow('gantry-dashboard.yml', workflow ?? '')).errors).toEqual([]);
    const wf = parse(workflow ?? '') as {
      permissions: Record<string, string>;
      on: Record<string, unknown>;
      jobs: Record<
        string,
        {
          needs?: string;
          environment?: { name: string };
          steps: { uses?: string; run?: string; with?: Record<string, string> }[];
        }
      >;
    };
    expect(wf.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    expect(Object.keys(wf.on)).toEqual(['schedule', 'workflow_dispatch', 'workflow_run']);
    const build = wf.jobs.build?.steps ?? [];
    expect(build.map((s) => s.uses ?? s.run)).toEqual([
      'actions/checkout@v4',
      'actions/checkout@v4',
      'node .gantry-cli/dist/cli/index.js dashboard --out site',
      'actions/upload-pages-artifact@v3',
    ]);
    expect(build[3]?.with).toEqual({ path: 'site' });
    expect(wf.jobs.deploy?.needs).toBe('build');
    expect(wf.jobs.deploy?.environment?.name).toBe('github-pages');
    expect(wf.jobs.deploy?.steps.map((s) => s.uses)).toEqual(['actions/deploy-pages@v4']);
  });
});
