/** The helpers of test/support/docs.ts, on small inputs, so that a docs test failing means the doc. */
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  classify,
  cliGrammar,
  commandProblems,
  consoleCommands,
  consoleOutput,
  dataProblems,
  documentParts,
  documentProblems,
  gantryArgs,
  matchesOutput,
  mermaidProblems,
  parseBlocks,
  parseMarker,
  projectText,
  runCases,
  shellCommandProblems,
  shellCommands,
  shellWords,
  workflowActionProblems,
} from '../support/docs.js';
import { tempDir } from '../support/repos.js';

describe('blocks and markers', () => {
  const md = [
    '# Title',
    '',
    '<!-- docs-test: run stage=dev image=a/b:1 image="c/d:2" -->',
    '',
    '```yaml',
    'project: x',
    '```',
    '',
    '## Later',
    '',
    '~~~console',
    '$ gantry lint',
    '~~~',
  ].join('\n');

  test('fences, their language, line, section and the marker above', () => {
    const blocks = parseBlocks('x.md', md);
    expect(blocks.map((b) => [b.lang, b.line, b.section, b.text])).toEqual([
      ['yaml', 5, 'Title', 'project: x\n'],
      ['console', 11, 'Later', '$ gantry lint\n'],
    ]);
    expect(blocks[0]?.marker).toEqual({
      kind: 'run',
      words: [],
      args: { stage: 'dev', image: 'c/d:2' },
      lists: { stage: ['dev'], image: ['a/b:1', 'c/d:2'] },
    });
    expect(blocks[1]?.marker).toBeUndefined();
  });

  test('markers: words after the kind, quoted values', () => {
    expect(parseMarker('fragment stage')).toMatchObject({ kind: 'fragment', words: ['stage'] });
    expect(parseMarker('skip reason="a b"').args).toEqual({ reason: 'a b' });
  });

  test('an unclosed fence is an error', () => {
    expect(() => parseBlocks('x.md', '```yaml\na: 1\n')).toThrow(/never closed/);
  });

  const block = (lang: string, text: string, marker?: string) => ({
    doc: 'x.md',
    lang,
    text,
    line: 1,
    section: '',
    ...(marker ? { marker: parseMarker(marker) } : {}),
  });

  test('classification by content, and refusal of what no check knows', () => {
    expect(classify(block('yaml', 'on: push\njobs: {}\n'))).toBe('workflow');
    expect(classify(block('yaml', 'project: a\nwarehouses: []\nstages: []\n'))).toBe('project');
    expect(classify(block('yaml', 'stages: []\n'))).toBe('fragment');
    expect(classify(block('console', '$ gantry lint\n'))).toBe('console');
    expect(classify(block('sh', 'npm test\n'))).toBe('shell');
    expect(classify(block('yaml', 'a: 1\n', 'steps'))).toBe('steps');
    expect(() => classify(block('yaml', 'a: 1\n'))).toThrow(/no check recognises/);
    expect(() => classify(block('text', 'x\n'))).toThrow(/no check recognises/);
    expect(() => classify(block('yaml', 'a: 1\n', 'skip'))).toThrow(/reason/);
    expect(() => classify(block('yaml', 'a: 1\n', 'nonsense'))).toThrow(/unknown docs-test kind/);
  });

  test('fragments are wrapped with the warehouses and upstream stages they name', () => {
    const text = projectText(
      block(
        'yaml',
        'stages:\n  - name: prod\n    requestedFreight:\n      - origin: {kind: Warehouse, name: web}\n        sources: {stages: [staging]}\n',
      ),
    );
    const p = parse(text) as {
      warehouses: { name: string }[];
      stages: { name: string }[];
    };
    expect(p.warehouses.map((w) => w.name)).toEqual(['web']);
    expect(p.stages.map((s) => s.name)).toEqual(['staging', 'prod']);
  });

  test('a list of promotion steps, and fields of a stage, are wrapped in a stage', () => {
    const steps = parse(
      projectText(
        block(
          'yaml',
          '- uses: copy\n  config: {inPath: a, outPath: b}\n',
          'fragment promotion-steps',
        ),
      ),
    ) as { stages: { name: string; promotionTemplate: { steps: { uses: string }[] } }[] };
    expect(steps.stages.map((s) => s.promotionTemplate.steps.map((x) => x.uses))).toEqual([
      ['copy'],
    ]);
    const fields = parse(
      projectText(
        block(
          'yaml',
          'promotionTemplate:\n  mode: pull-request\n  steps: []\n',
          'fragment stage-fields',
        ),
      ),
    ) as { stages: { name: string; promotionTemplate: { mode: string } }[] };
    expect(fields.stages.map((s) => [s.name, s.promotionTemplate.mode])).toEqual([
      ['dev', 'pull-request'],
    ]);
    expect(() => projectText(block('yaml', 'a: 1\n', 'fragment promotion-steps'))).toThrow(
      /must be a list/,
    );
  });

  test('runs collect the file and expect blocks of their section', () => {
    const blocks = parseBlocks(
      'x.md',
      [
        '## A',
        '<!-- docs-test: file path=a.yaml -->',
        '```yaml',
        'a: 1',
        '```',
        '<!-- docs-test: run -->',
        '```yaml',
        'stages: []',
        '```',
        '<!-- docs-test: expect path=a.yaml -->',
        '```yaml',
        'a: 2',
        '```',
      ].join('\n'),
    );
    const [c] = runCases(blocks);
    expect(c?.files).toEqual({ 'a.yaml': 'a: 1\n' });
    expect(c?.expect).toEqual({ 'a.yaml': 'a: 2\n' });
  });
});

describe('command lines', () => {
  const usage = `gantry: x

Usage:
  gantry lint [--repo DIR|URL]
  gantry get stages|freight|promotions [--project P] [--limit N]
  gantry promote --stage S [--freight ID|ALIAS]
                 [--mode direct|pull-request]

Global options:
  --repo DIR|URL   somewhere
  --output FORMAT  table
`;
  const g = cliGrammar(usage);

  test('the grammar: commands, their flags, global flags, positional choices', () => {
    expect(g.commands).toEqual(['lint', 'get', 'promote']);
    expect([...g.flags.get('promote')!]).toEqual(['stage', 'freight', 'mode']);
    expect([...g.global]).toEqual(['repo', 'output']);
    expect(g.positionals.get('get')).toEqual(['stages', 'freight', 'promotions']);
  });

  test('problems: unknown command, a flag of another command, a missing positional', () => {
    expect(commandProblems(['promote', '--stage', 'dev', '--output', 'json'], g)).toEqual([]);
    expect(commandProblems(['deploy'], g)).toEqual(['no command "deploy"']);
    expect(commandProblems(['lint', '--stage', 'x'], g)).toEqual(['gantry lint takes no --stage']);
    expect(commandProblems(['get', 'stage'], g)).toEqual([
      'gantry get needs one of stages, freight, promotions',
    ]);
  });

  test('shell words and console commands', () => {
    expect(shellWords(`GANTRY_DEBUG=1 gantry approve --reason "a b" --by 'c d' # note`)).toEqual([
      'gantry',
      'approve',
      '--reason',
      'a b',
      '--by',
      'c d',
    ]);
    expect(consoleCommands('$ gantry promote \\\n  --stage dev\nout\n$ echo $?\n')).toEqual([
      ['promote', '--stage', 'dev'],
    ]);
    expect(consoleOutput('$ gantry lint\nok\n')).toBe('…\nok\n');
    expect(
      consoleCommands(
        "$ npx github:gantry-dev/gantry init --image x\n$ gantry lint && git commit -m 'a b'\n",
      ),
    ).toEqual([['init', '--image', 'x'], ['lint']]);
    // The registry's `gantry` is another package: a document that says so is wrong.
    expect(() => consoleCommands('$ npx gantry init --image x\n')).toThrow(
      /npx gantry does not run this repository's CLI/,
    );
  });
});

describe('shell blocks', () => {
  test('commands: comments dropped, lists split, assignments before a command dropped', () => {
    expect(
      shellCommands('npm ci   # deps\n./x.sh && A=1 npm test | tee log; npx gantry lint\n'),
    ).toEqual([
      ['npm', 'ci'],
      ['./x.sh'],
      ['npm', 'test'],
      ['tee', 'log'],
      ['npx', 'gantry', 'lint'],
    ]);
    expect(gantryArgs(['npx', '-y', 'github:gantry-dev/gantry', 'lint'])).toEqual(['lint']);
    expect(gantryArgs(['npx', 'github:gantry-dev/gantry#v1.2.3', 'version'])).toEqual(['version']);
    expect(() => gantryArgs(['npx', 'gantry', 'lint'])).toThrow(/does not run this repository/);
    expect(() => gantryArgs(['npx', '@gantry-dev/gantry', 'lint'])).toThrow();
    expect(gantryArgs(['npm', 'test'])).toBeUndefined();
  });

  test('what does not exist: scripts, files, executables', () => {
    const tmp = tempDir('gantry-docs-helpers-');
    try {
      const root = tmp.path;
      writeFileSync(
        join(root, 'package.json'),
        JSON.stringify({ scripts: { test: 'x', demo: 'y' } }),
      );
      mkdirSync(join(root, 'scripts'));
      writeFileSync(join(root, 'scripts/run.sh'), '#!/bin/sh\n');
      chmodSync(join(root, 'scripts/run.sh'), 0o755);
      writeFileSync(join(root, 'scripts/plain.sh'), '#!/bin/sh\n');
      chmodSync(join(root, 'scripts/plain.sh'), 0o644);
      const problems = (line: string) =>
        shellCommands(line).flatMap((w) => shellCommandProblems(w, root));
      expect(problems('npm test && npm run demo && ./scripts/run.sh && gantry lint')).toEqual([]);
      expect(problems('npm run bench')).toEqual(['package.json has no script "bench"']);
      expect(problems('npm ci')).toEqual(['npm ci needs package-lock.json']);
      expect(problems('npm link')).toEqual(['npm link needs a "bin" in package.json']);
      expect(problems('npm install --global gantry')).toEqual([
        "npm install --global gantry: installs something other than this repository's CLI",
      ]);
      expect(problems('./scripts/plain.sh')).toEqual(['./scripts/plain.sh: not executable']);
      expect(problems('./scripts/none.sh')).toEqual(['./scripts/none.sh: no such file']);
      expect(problems('make all')).toEqual(['make: not a command these docs know']);
    } finally {
      tmp.cleanup();
    }
  });
});

describe('documents gantry writes', () => {
  test('parts: text lines and the JSON values among them; YAML as one value', () => {
    expect(documentParts('freight a\n\n{\n  "id": "x}"\n}\n', '')).toEqual([
      { text: 'freight a\n\n' },
      { data: { id: 'x}' } },
    ]);
    expect(documentParts('{ "a": 1,\n  "b": [2] }\n{ "c": 3 }\n', 'json')).toEqual([
      { data: { a: 1, b: [2] } },
      { data: { c: 3 } },
    ]);
    expect(documentParts('# comment\na: [1]\n', 'yaml')).toEqual([{ data: { a: [1] } }]);
    expect(() => documentParts('{ "a": 1 } trailing\n', 'json')).toThrow(/text after/);
  });

  test('data: same keys, same values; … in a string matches any text, "…" any value', () => {
    expect(
      dataProblems({ id: '3c24af6…', at: '…', n: [1] }, { id: '3c24af6abc', at: { x: 1 }, n: [1] }),
    ).toEqual([]);
    expect(dataProblems({ a: 1, b: 'x' }, { a: 2, c: true })).toEqual([
      '$.a: the document shows 1, gantry writes 2',
      '$.b: gantry does not write it',
      '$.c: gantry writes true, the document leaves it out',
    ]);
    expect(dataProblems({ l: [1, 2] }, { l: [1] })).toEqual([
      '$.l: the document shows 2 items, gantry writes 1',
    ]);
    expect(dataProblems('sha256:1…', 'sha256:2222')).toHaveLength(1);
  });

  test('a document block against what gantry wrote: parts in order, text lines with …', () => {
    const b = {
      doc: 'x.md',
      lang: '',
      text: 'freight …\n\n{ "id": "ab…" }\n',
      line: 1,
      section: '',
    };
    expect(documentProblems(b, 'freight lucky-jaguar\n\n{\n  "id": "abc"\n}\n')).toEqual([]);
    expect(documentProblems(b, 'verified x\n\n{\n  "id": "abc"\n}\n')).toHaveLength(1);
    expect(documentProblems(b, '{\n  "id": "abc"\n}\n')).toHaveLength(1);
  });
});

describe('quoted output', () => {
  test('… matches text within a line; a … line matches any lines', () => {
    const printed =
      'step 1: done\npromoted x into dev: commit 1a2b3c4 on main\n  a: 1 → 2\n[exit 0]\n';
    expect(matchesOutput('promoted x into dev: commit … on main\n', printed)).toBe(true);
    expect(matchesOutput('step 1: done\n…\n[exit 0]\n', printed)).toBe(true);
    expect(matchesOutput('promoted y into dev…\n', printed)).toBe(false);
    expect(matchesOutput('step 1: done\n[exit 0]\n', printed)).toBe(false);
  });
});

describe('workflows', () => {
  test('inputs and outputs the actions do not declare, and required inputs left out', () => {
    const wf = `on: workflow_dispatch
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - id: p
        uses: gantry-dev/gantry/promote@v1
        with: { stag: dev }
      - run: echo \${{ steps.p.outputs.commits }}
      - uses: gantry-dev/gantry/verify@v1
      - uses: acme/gantry/verify@v1
`;
    expect(workflowActionProblems(wf)).toEqual([
      'job a: gantry-dev/gantry/promote@v1: no input "stag"',
      'job a: gantry-dev/gantry/verify@v1: required input "stage" is not set',
      "job a: uses acme/gantry/verify@v1: gantry's actions are gantry-dev/gantry[/discover|/promote|/verify]@v1",
      'job a: steps.p.outputs.commits: the action has no output "commits"',
    ]);
  });
});

describe('mermaid', () => {
  test('the supported subset, and edges to nodes never labelled', () => {
    expect(mermaidProblems('flowchart LR\n  a["A"] -->|"x"| b[("B")]\n  b -.-> a\n')).toEqual([]);
    expect(mermaidProblems('graph LR\n  a --> c\n  a["A"]\n')).toEqual([
      'line 1: not a flowchart header',
      'line 2: node c has no label anywhere',
    ]);
    expect(mermaidProblems('flowchart LR\n  a[A] --> b\n')).toEqual([
      'line 2: not in the supported subset: a[A] --> b',
    ]);
  });
});
