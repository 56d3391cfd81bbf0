/**
 * Helpers that keep the examples in Markdown documents true: read a document's fenced code
 * blocks, decide what each one is (a project file or a fragment of one, a GitHub workflow or a
 * fragment of one, a command line, a file before or after a promotion, a message gantry prints),
 * and check it with gantry's own code.
 *
 * A block is classified by a marker, an HTML comment on the line right above its fence (blank
 * lines between them are allowed):
 *
 *     <!-- docs-test: KIND [WORD …] [key=value …] -->
 *
 * Values may be quoted ("a b"); a key given twice collects a list. Kinds:
 *
 * | kind                         | the block                                                        |
 * | ---------------------------- | ---------------------------------------------------------------- |
 * | `project`                    | a whole project file (detected without a marker: top-level `project:`, `warehouses:` and `stages:`) |
 * | `fragment stages`            | `stages:` (and maybe `warehouses:`) without the rest; detected when `stages:` or `warehouses:` is at the top level |
 * | `fragment stage`             | one stage (a mapping with `name`, `promotionTemplate`, …)        |
 * | `fragment template`          | a promotion template (`steps:`, `vars:`, `mode:`)                |
 * | `fragment verification`      | `verification:` with its metrics                                 |
 * | `fragment stage-fields`      | some fields of one stage (`promotionTemplate:`, …) without its name and freight |
 * | `fragment promotion-steps`   | a list of promotion steps (`- uses: …`)                          |
 * | `run stage=S image=R:T …`    | a project file or fragment that is also run: its stage's steps are applied to the `file` blocks before it, and the result compared with the `expect` blocks after it (same section) |
 * | `file path=P`                | the content of P in the checkout before the next `run`           |
 * | `expect path=P`              | the content of P after the previous `run`                        |
 * | `workflow`                   | a whole GitHub workflow (detected: top-level `on:` and `jobs:`)  |
 * | `steps`                      | a list of workflow steps, checked inside a one-job workflow      |
 * | `jobs`                       | a `jobs:` mapping, checked inside a workflow                     |
 * | `console`                    | (```console, no marker needed) each `$ gantry …` line must parse |
 * | `output scenario=ID`         | text gantry prints; the test named ID must print it (`…` matches any text on a line; a line that is only `…` matches any lines) |
 * | `document scenario=ID`       | a JSON or YAML document gantry writes (a tag message, a state file, an API payload); the scenario's text and the block are compared as data: the same keys, the same values, `…` in a string matches any text and `"…"` any value; lines that are not JSON (a tag's subject) are compared as text |
 * | `shell`                      | (```sh, no marker needed) each command must exist: `npm run S` a package.json script, `./x` an executable file, `gantry …` a command line that parses |
 * | `kargo`                      | Kargo's own resources, shown for comparison: valid YAML, `apiVersion: kargo.akuity.io/…` |
 * | `mermaid`                    | (```mermaid, no marker needed) a flowchart in the subset below   |
 * | `skip reason="…"`            | not checked; the reason is required                              |
 *
 * The helpers are for any document; test/docs/docs-examples.test.ts applies them to the docs it
 * owns.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { compileExpr } from '../../src/expr/index.js';
import { freightAlias } from '../../src/freight/alias.js';
import { freightId } from '../../src/freight/id.js';
import type { Freight, FreightArtifacts } from '../../src/freight/types.js';
import { loadProjectsWith, type Project, type Stage } from '../../src/pipeline/index.js';
import { runSteps, type RunStepsResult } from '../../src/promotion/steps/engine.js';
import { defaultRegistry } from '../../src/promotion/steps/registry.js';
import { formatProblem } from '../../src/util/errors.js';
import { defaultProviders } from '../../src/verification/providers/index.js';
import { envReferences, metricParts, renderMetric } from '../../src/verification/templates.js';

// ---------------------------------------------------------------------------------------------
// Reading blocks

export interface Marker {
  kind: string;
  /** Words after the kind that are not key=value. */
  words: string[];
  /** key=value pairs; a key given more than once holds the last value here … */
  args: Record<string, string>;
  /** … and all of them here. */
  lists: Record<string, string[]>;
}

export interface CodeBlock {
  /** The document, as given to readBlocks. */
  doc: string;
  /** The fence's info string's first word: `yaml`, `console`, `mermaid`, `text`, … */
  lang: string;
  text: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The text of the nearest heading above (any level). */
  section: string;
  marker?: Marker;
}

const MARKER = /^<!--\s*docs-test:\s*([\s\S]*?)\s*-->$/;

/** `kind word key=value key="a b"` into a Marker. */
export function parseMarker(source: string): Marker {
  const tokens = [...source.matchAll(/([\w.-]+)=(?:"([^"]*)"|(\S+))|"([^"]*)"|(\S+)/g)];
  const marker: Marker = { kind: '', words: [], args: {}, lists: {} };
  for (const t of tokens) {
    if (t[1] !== undefined) {
      const value = t[2] ?? t[3] ?? '';
      marker.args[t[1]] = value;
      (marker.lists[t[1]] ??= []).push(value);
    } else {
      const word = t[4] ?? t[5] ?? '';
      if (!marker.kind) marker.kind = word;
      else marker.words.push(word);
    }
  }
  return marker;
}

/** Every fenced code block of a Markdown text (``` or ~~~ fences, not indented ones). */
export function parseBlocks(doc: string, markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) section = heading[1]!.trim();
    const open = /^(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (!open) continue;
    const fence = open[1]!;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !(lines[j] ?? '').startsWith(fence)) body.push(lines[j++] ?? '');
    if (j >= lines.length) throw new Error(`${doc}:${i + 1}: code block never closed`);
    // The marker: the first non-blank line above the fence, when it is one.
    let k = i - 1;
    while (k >= 0 && (lines[k] ?? '').trim() === '') k--;
    const m = MARKER.exec((lines[k] ?? '').trim());
    blocks.push({
      doc,
      lang: open[2] ?? '',
      text: body.join('\n') + (body.length ? '\n' : ''),
      line: i + 1,
      section,
      ...(m ? { marker: parseMarker(m[1] ?? '') } : {}),
    });
    i = j;
  }
  return blocks;
}

export function readBlocks(doc: string): CodeBlock[] {
  return parseBlocks(doc, readFileSync(doc, 'utf8'));
}

// ---------------------------------------------------------------------------------------------
// Classifying

export type BlockKind =
  | 'project'
  | 'fragment'
  | 'run'
  | 'file'
  | 'expect'
  | 'workflow'
  | 'steps'
  | 'jobs'
  | 'console'
  | 'output'
  | 'document'
  | 'shell'
  | 'kargo'
  | 'mermaid'
  | 'skip';

const KINDS: readonly BlockKind[] = [
  'project',
  'fragment',
  'run',
  'file',
  'expect',
  'workflow',
  'steps',
  'jobs',
  'console',
  'output',
  'document',
  'shell',
  'kargo',
  'mermaid',
  'skip',
];

const SHELL_LANGS = ['sh', 'bash', 'shell'];

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * What a block is: its marker's kind, or what its content says (a project file, a `stages:` or
 * `warehouses:` fragment, a workflow, a console session, a Mermaid diagram). Throws for a block
 * that is none of these, so that no example goes unchecked.
 */
export function classify(block: CodeBlock): BlockKind {
  const where = `${block.doc}:${block.line}`;
  if (block.marker) {
    const kind = block.marker.kind as BlockKind;
    if (!KINDS.includes(kind)) throw new Error(`${where}: unknown docs-test kind "${kind}"`);
    if (kind === 'skip' && !block.marker.args['reason'])
      throw new Error(`${where}: docs-test skip needs reason="…"`);
    return kind;
  }
  if (block.lang === 'console') return 'console';
  if (SHELL_LANGS.includes(block.lang)) return 'shell';
  if (block.lang === 'mermaid') return 'mermaid';
  if (block.lang === 'yaml' || block.lang === 'yml') {
    let data: unknown;
    try {
      data = parse(block.text);
    } catch (err) {
      throw new Error(`${where}: not valid YAML: ${String(err)}`, { cause: err });
    }
    if (isObj(data)) {
      if ('on' in data && 'jobs' in data) return 'workflow';
      if ('project' in data && 'stages' in data && 'warehouses' in data) return 'project';
      if ('stages' in data || 'warehouses' in data) return 'fragment';
    }
  }
  throw new Error(
    `${where}: a \`\`\`${block.lang} block that no check recognises: put a <!-- docs-test: … --> marker above it (see test/support/docs.ts)`,
  );
}

// ---------------------------------------------------------------------------------------------
// Project files and fragments

const DEFAULT_PROJECT = 'echo';

function stubStage(name: string, warehouse: string): Obj {
  return {
    name,
    requestedFreight: [
      { origin: { kind: 'Warehouse', name: warehouse }, sources: { direct: true } },
    ],
    promotionTemplate: {
      steps: [{ uses: 'yaml-update', config: { path: 'values.yaml', updates: [] } }],
    },
  };
}

/**
 * The project file a block stands for: the block itself when it is a whole project, or the
 * fragment wrapped in a minimal project (warehouses for the origins it names, stages for the
 * upstream stages it names).
 */
export function projectText(block: CodeBlock): string {
  const data: unknown = parse(block.text);
  const word =
    block.marker?.kind === 'fragment' || block.marker?.kind === 'run'
      ? block.marker.words[0]
      : undefined;
  if (word === 'promotion-steps') {
    if (!Array.isArray(data))
      throw new Error(`${block.doc}:${block.line}: a promotion-steps fragment must be a list`);
    return wrapStages(
      [{ ...stubStage('dev', 'echo'), promotionTemplate: { steps: data as unknown[] } }],
      [],
    );
  }
  if (!isObj(data))
    throw new Error(`${block.doc}:${block.line}: a project block must be a mapping`);
  const what = word ?? ('project' in data ? 'project' : 'stages');
  if (what === 'project') return block.text;
  let stages: Obj[];
  let warehouses: Obj[] = [];
  switch (what) {
    case 'stages':
      stages = Array.isArray(data['stages']) ? (data['stages'] as Obj[]) : [];
      warehouses = Array.isArray(data['warehouses']) ? (data['warehouses'] as Obj[]) : [];
      break;
    case 'stage':
      stages = [data];
      break;
    case 'template':
      stages = [{ ...stubStage('dev', 'echo'), promotionTemplate: data }];
      break;
    case 'verification':
    case 'stage-fields':
      stages = [{ ...stubStage('dev', 'echo'), ...data }];
      break;
    default:
      throw new Error(`${block.doc}:${block.line}: unknown fragment "${what}"`);
  }
  return wrapStages(stages, warehouses);
}

/** A project of `stages`, with `warehouses` and those their origins name, and upstream stages. */
function wrapStages(stages: Obj[], warehouses: Obj[]): string {
  const origins = new Set<string>();
  const upstream = new Set<string>();
  for (const s of stages) {
    for (const r of (s['requestedFreight'] as Obj[] | undefined) ?? []) {
      const o = r['origin'];
      if (isObj(o) && typeof o['name'] === 'string') origins.add(o['name']);
      const src = r['sources'];
      if (isObj(src) && Array.isArray(src['stages']))
        for (const u of src['stages']) if (typeof u === 'string') upstream.add(u);
    }
  }
  const named = new Set(stages.map((s) => s['name']));
  const have = new Set(warehouses.map((w) => w['name']));
  for (const o of origins) {
    if (!have.has(o))
      warehouses.push({ name: o, subscriptions: [{ image: { repoURL: `ghcr.io/acme/${o}` } }] });
  }
  if (!warehouses.length)
    warehouses.push({ name: 'echo', subscriptions: [{ image: { repoURL: 'ghcr.io/acme/echo' } }] });
  const firstWarehouse = String(warehouses[0]!['name']);
  if (!stages.length) stages.push(stubStage('dev', firstWarehouse));
  for (const u of upstream) if (!named.has(u)) stages.unshift(stubStage(u, firstWarehouse));
  return stringify({ project: DEFAULT_PROJECT, warehouses, stages });
}

/** The project file's name for a project text. */
function projectFile(text: string): string {
  const data: unknown = parse(text);
  const name = isObj(data) && typeof data['project'] === 'string' ? data['project'] : 'echo';
  return `.gantry/${name}.yaml`;
}

export interface LoadedBlock {
  project?: Project;
  /** gantry lint's problems, formatted as it prints them. */
  problems: string[];
  text: string;
}

/** Load a project block (wrapped when it is a fragment) as `gantry lint` would. */
export function loadProjectBlock(block: CodeBlock): LoadedBlock {
  const text = projectText(block);
  const { projects, problems } = loadProjectsWith([{ file: projectFile(text), text }]);
  return { project: projects[0], problems: problems.map(formatProblem), text };
}

/**
 * What gantry would refuse later, at promotion or verification time, that `gantry lint` does
 * not check: step names that are not built in, step configs that reference no such step, and
 * verification providers whose fields do not check out (rendered with stand-in values for the
 * `${{ env.X }}` they read).
 */
export function deepProblems(project: Project): string[] {
  const out: string[] = [];
  const registry = defaultRegistry();
  const providers = defaultProviders();
  for (const stage of project.stages) {
    for (const [i, step] of stage.promotionTemplate.steps.entries()) {
      if (!registry.has(step.uses))
        out.push(`stage ${stage.name}: step ${i + 1}: gantry has no step "${step.uses}"`);
    }
    for (const metric of stage.verification) {
      const where = `stage ${stage.name}: verification metric ${JSON.stringify(metric.name)}`;
      const provider = providers.get(metric.provider.name);
      if (!provider) {
        out.push(`${where}: no provider "${metric.provider.name}"`);
        continue;
      }
      const env = Object.fromEntries(
        envReferences([metric.provider.config]).map((r) => [r.name, `value-of-${r.name}`]),
      );
      try {
        const rendered = renderMetric(
          where,
          metricParts(metric),
          {
            project: project.name,
            stage: stage.name,
            freightId: 'e'.repeat(40),
            freightAlias: 'lucky-jaguar',
            commit: 'f'.repeat(40),
          },
          env,
        );
        provider.parse(rendered.config, where);
        for (const c of [rendered.successCondition, rendered.failureCondition])
          if (c !== undefined) compileExpr(c);
      } catch (err) {
        out.push(`${where}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Running a stage's steps

/**
 * One freight per warehouse the stage requests, with the versions a `run` marker names:
 * `image=REPO:TAG` (repeatable), `chart=NAME@VERSION` (the chart's name, or an OCI URL's last
 * segment), `commit=SHA`. Versions it does not name are `1.0.0` (commits: a hash of the URL).
 */
export function freightFor(project: Project, stage: Stage, marker: Marker): Freight[] {
  const images = new Map(
    (marker.lists['image'] ?? []).map((s) => {
      const at = s.lastIndexOf(':');
      return [s.slice(0, at), s.slice(at + 1)] as const;
    }),
  );
  const charts = new Map(
    (marker.lists['chart'] ?? []).map((s) => s.split('@') as [string, string]),
  );
  const commit = marker.args['commit'];
  const used = new Set<string>();
  const out: Freight[] = [];
  const taken = new Set<string>();
  for (const req of stage.requestedFreight) {
    const warehouse = project.warehouses.find((w) => w.name === req.origin.name);
    if (!warehouse) throw new Error(`no warehouse ${req.origin.name}`);
    const artifacts: FreightArtifacts = { images: [], charts: [], commits: [] };
    for (const sub of warehouse.subscriptions) {
      if (sub.kind === 'image') {
        const tag = images.get(sub.image.repoURL) ?? '1.0.0';
        used.add(`image=${sub.image.repoURL}`);
        artifacts.images.push({
          repoURL: sub.image.repoURL,
          tag,
          digest: `sha256:${createHash('sha256').update(`${sub.image.repoURL}:${tag}`).digest('hex')}`,
        });
      } else if (sub.kind === 'chart') {
        const oci = sub.chart.repoURL.startsWith('oci://');
        const name = oci ? (sub.chart.repoURL.split('/').pop() ?? '') : (sub.chart.name ?? '');
        used.add(`chart=${name}`);
        artifacts.charts.push({
          repoURL: sub.chart.repoURL,
          name: oci ? '' : name,
          version: charts.get(name) ?? '1.0.0',
        });
      } else {
        artifacts.commits.push({
          repoURL: sub.git.repoURL,
          id: commit ?? createHash('sha1').update(sub.git.repoURL).digest('hex'),
          ...(sub.git.branch ? { branch: sub.git.branch } : {}),
        });
      }
    }
    const origin = { kind: 'Warehouse' as const, name: warehouse.name };
    const id = freightId(origin, artifacts);
    const alias = freightAlias(id, taken);
    taken.add(alias);
    out.push({ id, alias, origin, ...artifacts, createdAt: '2026-11-01T10:00:00.000Z' });
  }
  for (const repo of images.keys())
    if (!used.has(`image=${repo}`)) throw new Error(`image=${repo}: no subscription to that image`);
  for (const name of charts.keys())
    if (!used.has(`chart=${name}`)) throw new Error(`chart=${name}: no subscription to that chart`);
  return out;
}

export interface StepRun {
  result: RunStepsResult;
  /** The files after the run, for the paths given. */
  files: Record<string, string>;
  log: string[];
}

/**
 * Apply `stage`'s steps, with `freight` (the first is the freight promoted, all of them the
 * collection), to a checkout holding `files`, as `gantry promote` does before it commits.
 */
export async function runStageSteps(
  project: Project,
  stage: Stage,
  freight: Freight[],
  files: Record<string, string>,
  worktree: string,
): Promise<StepRun> {
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(worktree, p)), { recursive: true });
    writeFileSync(path.join(worktree, p), content);
  }
  const log: string[] = [];
  const result = await runSteps(
    stage.promotionTemplate,
    {
      worktree,
      project: project.name,
      stage: stage.name,
      freight: freight[0]!,
      freightCollection: freight,
      fetch: () => Promise.reject(new Error('no network in docs tests')),
      log: (l) => log.push(l),
    },
    defaultRegistry(),
  );
  const after: Record<string, string> = {};
  const read = (p: string) =>
    existsSync(path.join(worktree, p)) ? readFileSync(path.join(worktree, p), 'utf8') : '';
  for (const p of Object.keys(files)) after[p] = read(p);
  for (const p of result.changed) after[p] = read(p);
  return { result, files: after, log };
}

export interface RunCase {
  run: CodeBlock;
  files: Record<string, string>;
  expect: Record<string, string>;
}

/**
 * Groups each `run` block with the `file` and `expect` blocks of its section: a block belongs to
 * the last run above it in the section, or, when there is none, to the first run below it.
 */
export function runCases(blocks: readonly CodeBlock[]): RunCase[] {
  const cases: RunCase[] = [];
  const bySection = new Map<string, CodeBlock[]>();
  for (const b of blocks) bySection.set(b.section, [...(bySection.get(b.section) ?? []), b]);
  for (const section of bySection.values()) {
    const runs = section.filter((b) => b.marker?.kind === 'run');
    const mine = new Map(runs.map((r) => [r, { run: r, files: {}, expect: {} } as RunCase]));
    for (const b of section) {
      const kind = b.marker?.kind;
      if (kind !== 'file' && kind !== 'expect') continue;
      const p = b.marker?.args['path'];
      if (!p) throw new Error(`${b.doc}:${b.line}: docs-test ${kind} needs path=…`);
      const above = runs.filter((r) => r.line < b.line).at(-1);
      const owner = above ?? runs.find((r) => r.line > b.line);
      if (!owner)
        throw new Error(`${b.doc}:${b.line}: docs-test ${kind} with no run in its section`);
      const c = mine.get(owner)!;
      if (kind === 'file') c.files[p] = b.text;
      else c.expect[p] = b.text;
    }
    cases.push(...mine.values());
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------
// GitHub workflows

const HOOK = `export async function load(url, context, next) {
  if (url.endsWith('.json') && !context.importAttributes?.type)
    return next(url, { ...context, importAttributes: { ...context.importAttributes, type: 'json' } });
  return next(url, context);
}`;

let workflowParser: Promise<typeof import('@actions/workflow-parser')> | undefined;

/**
 * @actions/workflow-parser imports its JSON schema without an import attribute, which Node
 * refuses; a loader hook adds the attribute so the package loads as published.
 */
function loadWorkflowParser(): Promise<typeof import('@actions/workflow-parser')> {
  if (!workflowParser) {
    register(`data:text/javascript,${encodeURIComponent(HOOK)}`);
    workflowParser = import('@actions/workflow-parser');
  }
  return workflowParser;
}

/** Every error GitHub's workflow parser reports for a workflow file. */
export async function workflowErrors(name: string, content: string): Promise<string[]> {
  const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } =
    await loadWorkflowParser();
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((e) => e.message);
  if (!result.value) return errors.length ? errors : ['the parser returned nothing'];
  const template = await convertWorkflowTemplate(result.context, result.value);
  for (const e of template.errors ?? []) if (!errors.includes(e.Message)) errors.push(e.Message);
  return errors;
}

/** The workflow a `steps` or `jobs` fragment stands for. */
export function workflowText(block: CodeBlock, kind: BlockKind): string {
  if (kind === 'workflow') return block.text;
  const data: unknown = parse(block.text);
  const jobs =
    kind === 'steps'
      ? { example: { 'runs-on': 'ubuntu-latest', steps: data } }
      : isObj(data) && isObj(data['jobs'])
        ? data['jobs']
        : data;
  return stringify({ on: { workflow_dispatch: {} }, jobs });
}

export interface ActionSpec {
  inputs: Record<string, { required?: boolean; default?: unknown } | null>;
  outputs: Record<string, unknown>;
}

/** gantry's actions by the `uses:` the docs write, read from the action.yml files. */
export function gantryActions(root = '.'): Map<string, ActionSpec> {
  const files: Record<string, string> = {
    'gantry-dev/gantry@v1': 'action.yml',
    'gantry-dev/gantry/discover@v1': 'discover/action.yml',
    'gantry-dev/gantry/promote@v1': 'promote/action.yml',
    'gantry-dev/gantry/verify@v1': 'verify/action.yml',
  };
  const out = new Map<string, ActionSpec>();
  for (const [uses, file] of Object.entries(files)) {
    const a = parse(readFileSync(path.join(root, file), 'utf8')) as Partial<ActionSpec>;
    out.set(uses, { inputs: a.inputs ?? {}, outputs: a.outputs ?? {} });
  }
  return out;
}

/**
 * Inputs and outputs of the other actions the docs use, as their action.yml files declare them
 * (the inputs listed are those the docs may set; a key outside this list is reported).
 */
export const OTHER_ACTIONS: Record<string, { inputs: string[]; outputs: string[] }> = {
  'actions/create-github-app-token@v2': {
    inputs: [
      'app-id',
      'private-key',
      'owner',
      'repositories',
      'skip-token-revoke',
      'github-api-url',
      'permission-contents',
      'permission-actions',
      'permission-pull-requests',
      'permission-deployments',
      'permission-checks',
      'permission-statuses',
    ],
    outputs: ['token', 'installation-id', 'app-slug'],
  },
  'docker/login-action@v3': {
    inputs: ['registry', 'username', 'password', 'ecr', 'logout'],
    outputs: [],
  },
  'aws-actions/configure-aws-credentials@v4': {
    inputs: [
      'aws-region',
      'role-to-assume',
      'role-session-name',
      'aws-access-key-id',
      'aws-secret-access-key',
    ],
    outputs: [],
  },
  'aws-actions/amazon-ecr-login@v2': {
    inputs: ['registries', 'mask-password'],
    outputs: ['registry'],
  },
  'actions/cache@v4': {
    inputs: ['path', 'key', 'restore-keys'],
    outputs: ['cache-hit'],
  },
  'actions/checkout@v4': {
    inputs: ['repository', 'ref', 'token', 'path', 'fetch-depth', 'persist-credentials'],
    outputs: [],
  },
};

interface WorkflowStep {
  id?: string;
  uses?: string;
  with?: Obj;
}

/**
 * What a workflow asks of the actions that they do not offer: `with:` keys an action does not
 * declare, required inputs left out, `steps.<id>.outputs.<name>` and `needs.<job>.outputs.<name>`
 * that nothing declares, and gantry actions under another owner than the docs use.
 */
export function workflowActionProblems(text: string, actions = gantryActions()): string[] {
  const problems: string[] = [];
  const wf = parse(text) as Obj;
  const jobs = isObj(wf['jobs']) ? wf['jobs'] : {};
  for (const [jobName, rawJob] of Object.entries(jobs)) {
    if (!isObj(rawJob)) continue;
    const steps = (Array.isArray(rawJob['steps']) ? rawJob['steps'] : []) as WorkflowStep[];
    const byId = new Map<string, { inputs: string[]; outputs: string[] }>();
    for (const step of steps) {
      const uses = step.uses;
      if (!uses) continue;
      const given = Object.keys(step.with ?? {});
      const gantry = actions.get(uses);
      if (/(^|\/)gantry(\/|@)/.test(uses) && !gantry) {
        problems.push(
          `job ${jobName}: uses ${uses}: gantry's actions are gantry-dev/gantry[/discover|/promote|/verify]@v1`,
        );
        continue;
      }
      let spec: { inputs: string[]; outputs: string[] } | undefined;
      if (gantry) {
        spec = { inputs: Object.keys(gantry.inputs), outputs: Object.keys(gantry.outputs) };
        for (const [name, input] of Object.entries(gantry.inputs)) {
          if (input?.required && !given.includes(name))
            problems.push(`job ${jobName}: ${uses}: required input "${name}" is not set`);
        }
      } else spec = OTHER_ACTIONS[uses];
      if (!spec) {
        problems.push(
          `job ${jobName}: uses ${uses}: not an action these docs know (add it to OTHER_ACTIONS with its inputs)`,
        );
        continue;
      }
      for (const key of given)
        if (!spec.inputs.includes(key)) problems.push(`job ${jobName}: ${uses}: no input "${key}"`);
      if (step.id) byId.set(step.id, spec);
    }
    const jobText = stringify(rawJob);
    for (const m of jobText.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      const spec = byId.get(m[1]!);
      const runStep = steps.some((s) => s.id === m[1] && !s.uses);
      if (runStep) continue; // a run: step writes its own outputs
      if (!spec) problems.push(`job ${jobName}: ${m[0]}: no step with id ${m[1]} uses an action`);
      else if (!spec.outputs.includes(m[2]!))
        problems.push(`job ${jobName}: ${m[0]}: the action has no output "${m[2]}"`);
    }
    for (const m of jobText.matchAll(/needs\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      const other = jobs[m[1]!];
      const outputs = isObj(other) && isObj(other['outputs']) ? other['outputs'] : {};
      if (!(m[2]! in outputs))
        problems.push(`job ${jobName}: ${m[0]}: job ${m[1]} has no such output`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Command lines

export interface CliGrammar {
  commands: string[];
  /** Flags of each command, from its usage lines. */
  flags: Map<string, Set<string>>;
  /** Flags every command takes (the usage's global options). */
  global: Set<string>;
  /** Positional alternatives, e.g. get → stages, freight, promotions. */
  positionals: Map<string, string[]>;
}

/** The command line's grammar, read from `gantry help`. */
export function cliGrammar(usage: string): CliGrammar {
  const g: CliGrammar = {
    commands: [],
    flags: new Map(),
    global: new Set(),
    positionals: new Map(),
  };
  let current: string | undefined;
  let inGlobal = false;
  for (const line of usage.split('\n')) {
    const cmd = /^\s+gantry (\w+)(?:\s+([\w|]+))?(.*)$/.exec(line);
    if (cmd) {
      current = cmd[1]!;
      inGlobal = false;
      if (!g.commands.includes(current)) g.commands.push(current);
      const flags = g.flags.get(current) ?? new Set<string>();
      g.flags.set(current, flags);
      if (cmd[2] && !cmd[2].startsWith('-') && cmd[2].includes('|'))
        g.positionals.set(current, cmd[2].split('|'));
      for (const f of line.matchAll(/--([\w-]+)/g)) flags.add(f[1]!);
      continue;
    }
    if (/^Global options:/.test(line)) {
      inGlobal = true;
      current = undefined;
      continue;
    }
    if (/^\S/.test(line)) {
      inGlobal = false;
      current = undefined;
      continue;
    }
    if (inGlobal) {
      const f = /^\s+--([\w-]+)/.exec(line);
      if (f) g.global.add(f[1]!);
    } else if (current && /^\s+\[/.test(line)) {
      for (const f of line.matchAll(/--([\w-]+)/g)) g.flags.get(current)!.add(f[1]!);
    }
  }
  return g;
}

/** Shell words of one command line: quotes, backslash escapes; `VAR=value` prefixes dropped. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let has = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < line.length) cur += line[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[++i];
      has = true;
    } else if (c === '#' && !has) {
      break;
    } else if (/\s/.test(c)) {
      if (has) words.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (quote) throw new Error(`unclosed quote in: ${line}`);
  if (has) words.push(cur);
  while (words.length && /^[A-Z_][A-Z0-9_]*=/.test(words[0]!)) words.shift();
  return words;
}

/**
 * The `gantry …` command lines of a console block (`$ ` prompts, `\` continuations joined; also
 * `npx gantry …`, and each command of a `&&` list).
 */
export function consoleCommands(text: string): string[][] {
  const out: string[][] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] ?? '';
    if (!line.startsWith('$ ')) continue;
    line = line.slice(2);
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + ' ' + lines[++i];
    for (const words of shellCommands(line)) {
      const args = gantryArgs(words);
      if (args) out.push(args);
    }
  }
  return out;
}

/**
 * The output a console block shows, for outputPattern: each `$ ` command line becomes `…` (its
 * output follows whatever came before: other commands' output, exit codes).
 */
export function consoleOutput(text: string): string {
  return text
    .split('\n')
    .map((l) => (l.startsWith('$ ') ? '…' : l))
    .join('\n');
}

/** What is wrong with `gantry <args>` by the grammar (the parser itself is asked separately). */
export function commandProblems(args: string[], g: CliGrammar): string[] {
  const [command, ...rest] = args;
  if (!command) return ['no command'];
  if (!g.commands.includes(command)) return [`no command "${command}"`];
  const problems: string[] = [];
  const allowed = new Set([...(g.flags.get(command) ?? []), ...g.global]);
  for (const w of rest) {
    const f = /^--([\w-]+)/.exec(w);
    if (f && f[1] !== 'help' && !allowed.has(f[1]!))
      problems.push(`gantry ${command} takes no --${f[1]}`);
  }
  const alternatives = g.positionals.get(command);
  if (alternatives) {
    const positional = rest.find(
      (w, i) => !w.startsWith('-') && !(rest[i - 1] ?? '').startsWith('--'),
    );
    if (!positional || !alternatives.includes(positional))
      problems.push(`gantry ${command} needs one of ${alternatives.join(', ')}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Text gantry prints

/**
 * A matcher for quoted output: `…` matches any text within a line, a line that is only `…`
 * matches any number of lines; trailing spaces are ignored. It matches anywhere in the text.
 */
export function outputPattern(quoted: string): RegExp {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const lines = quoted.replace(/\n+$/, '').split('\n');
  const parts = lines.map((l) =>
    l.trim() === '…'
      ? '(?:[^\\n]*\\n)*?'
      : `[ \\t]*${l.trim().split('…').map(esc).join('[^\\n]*?')}[ \\t]*\\n`,
  );
  return new RegExp(parts.join(''));
}

/** Whether `printed` contains what `quoted` shows (see outputPattern). */
export function matchesOutput(quoted: string, printed: string): boolean {
  return outputPattern(quoted).test(printed.replace(/\r\n/g, '\n').replace(/\n*$/, '\n'));
}

// ---------------------------------------------------------------------------------------------
// Documents gantry writes

/** A part of a document: lines of text, or one JSON (or YAML) value. */
export type DocumentPart = { text: string } | { data: unknown };

/** Where the JSON value that starts at `from` (a `{` or `[`) ends, strings and escapes skipped. */
function jsonEnd(text: string, from: number): number {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

/**
 * A document's parts: a YAML block is one value (comments dropped); otherwise each line that
 * starts with `{` or `[` starts a JSON value, and the lines between values are text (a tag's
 * subject line and the blank line after it). Blank lines between values are dropped.
 */
export function documentParts(text: string, lang: string): DocumentPart[] {
  if (lang === 'yaml' || lang === 'yml') return [{ data: parse(text) as unknown }];
  const parts: DocumentPart[] = [];
  let pos = 0;
  let pending = '';
  while (pos < text.length) {
    const eol = text.indexOf('\n', pos);
    const lineEnd = eol < 0 ? text.length : eol + 1;
    if (text[pos] === '{' || text[pos] === '[') {
      if (pending.trim()) parts.push({ text: pending });
      pending = '';
      const end = jsonEnd(text, pos);
      const source = text.slice(pos, end);
      try {
        parts.push({ data: JSON.parse(source) as unknown });
      } catch (err) {
        throw new Error(`not valid JSON: ${errorText(err)}\n${source}`, { cause: err });
      }
      const rest = text.indexOf('\n', end);
      const after = text.slice(end, rest < 0 ? text.length : rest);
      if (after.trim()) throw new Error(`text after a JSON value on its line: ${after}`);
      pos = rest < 0 ? text.length : rest + 1;
      continue;
    }
    pending += text.slice(pos, lineEnd);
    pos = lineEnd;
  }
  if (pending.trim()) parts.push({ text: pending });
  return parts;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** `…` in a quoted string matches any text; `"…"` alone matches any value. */
function wildcard(quoted: string): RegExp {
  const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${quoted.split('…').map(esc).join('[\\s\\S]*?')}$`);
}

/**
 * How `actual` (what gantry wrote) differs from `quoted` (what a document shows): every key the
 * one has the other has, arrays are as long, scalars are equal; a quoted string with `…` matches
 * any text there, and `"…"` any value. Empty when they agree.
 */
export function dataProblems(quoted: unknown, actual: unknown, at = '$'): string[] {
  if (quoted === '…') return [];
  if (typeof quoted === 'string' && quoted.includes('…')) {
    return typeof actual === 'string' && wildcard(quoted).test(actual)
      ? []
      : [
          `${at}: the document shows ${JSON.stringify(quoted)}, gantry writes ${JSON.stringify(actual)}`,
        ];
  }
  if (Array.isArray(quoted)) {
    if (!Array.isArray(actual))
      return [`${at}: the document shows a list, gantry writes ${JSON.stringify(actual)}`];
    const out: string[] = [];
    if (quoted.length !== actual.length)
      out.push(`${at}: the document shows ${quoted.length} items, gantry writes ${actual.length}`);
    for (let i = 0; i < Math.min(quoted.length, actual.length); i++)
      out.push(...dataProblems(quoted[i], actual[i], `${at}[${i}]`));
    return out;
  }
  if (isObj(quoted)) {
    if (!isObj(actual))
      return [`${at}: the document shows a mapping, gantry writes ${JSON.stringify(actual)}`];
    const out: string[] = [];
    for (const k of Object.keys(quoted)) {
      if (!(k in actual)) out.push(`${at}.${k}: gantry does not write it`);
      else out.push(...dataProblems(quoted[k], actual[k], `${at}.${k}`));
    }
    for (const k of Object.keys(actual))
      if (!(k in quoted))
        out.push(
          `${at}.${k}: gantry writes ${JSON.stringify(actual[k])}, the document leaves it out`,
        );
    return out;
  }
  return Object.is(quoted, actual)
    ? []
    : [
        `${at}: the document shows ${JSON.stringify(quoted)}, gantry writes ${JSON.stringify(actual)}`,
      ];
}

/**
 * How the text gantry wrote differs from a `document` block: the same parts in the same order,
 * text parts equal line by line (`…` matching any text within a line), data parts as dataProblems
 * says.
 */
export function documentProblems(block: CodeBlock, written: string): string[] {
  const quoted = documentParts(block.text, block.lang);
  const actual = documentParts(written, block.lang);
  const shape = (parts: DocumentPart[]) => parts.map((p) => ('text' in p ? 'text' : 'data'));
  if (shape(quoted).join() !== shape(actual).join())
    return [
      `the document is ${shape(quoted).join(', ')}; gantry writes ${shape(actual).join(', ')}:\n${written}`,
    ];
  const out: string[] = [];
  quoted.forEach((q, i) => {
    const a = actual[i]!;
    if ('text' in q && 'text' in a) {
      const lines = (t: string) => t.replace(/\s+$/, '').split('\n');
      const [ql, al] = [lines(q.text), lines(a.text)];
      if (
        ql.length !== al.length ||
        ql.some((l, j) => !wildcard(l.trimEnd()).test(al[j]!.trimEnd()))
      )
        out.push(`part ${i + 1}: the document shows\n${q.text}gantry writes\n${a.text}`);
    } else if ('data' in q && 'data' in a) {
      out.push(...dataProblems(q.data, a.data, `part ${i + 1}`));
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Shell commands

/** A command line cut at `&&`, `||`, `;` and `|` outside quotes; a `#` comment ends it. */
function splitCommandList(line: string): string[] {
  const pieces: string[] = [];
  let cur = '';
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') cur += c + (line[++i] ?? '');
      else {
        if (c === quote) quote = undefined;
        cur += c;
      }
    } else if (c === '\\') cur += c + (line[++i] ?? '');
    else if (c === '"' || c === "'") {
      quote = c;
      cur += c;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) break;
    else if (c === ';' || c === '|' || (c === '&' && line[i + 1] === '&')) {
      if (line[i + 1] === c) i++;
      pieces.push(cur);
      cur = '';
    } else cur += c;
  }
  pieces.push(cur);
  return pieces;
}

/**
 * The commands of a shell block: comments dropped, `&&`, `||`, `;` and `|` lists split, and
 * `VAR=value` assignments before a command dropped.
 */
export function shellCommands(text: string): string[][] {
  const out: string[][] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] ?? '';
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + ' ' + lines[++i];
    for (const piece of splitCommandList(line)) {
      const words = shellWords(piece);
      if (words.length) out.push(words);
    }
  }
  return out;
}

/**
 * The package specs that install this repository's CLI today: the GitHub repository package.json
 * names (npm packs its committed tree), with or without a ref.
 */
function installSpec(spec: string | undefined, root = '.'): boolean {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    repository?: { url?: string };
  };
  const repo = /github\.com\/([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(pkg.repository?.url ?? '')?.[1];
  return !!repo && (spec === `github:${repo}` || spec?.startsWith(`github:${repo}#`) === true);
}

/**
 * The `gantry …` arguments of a command (`gantry`, `npx github:<owner>/gantry`), or undefined.
 * `npx gantry` is refused: it runs whatever the registry holds under the name gantry, which is not
 * this project.
 */
export function gantryArgs(words: readonly string[], root = '.'): string[] | undefined {
  if (words[0] === 'gantry') return words.slice(1);
  if (words[0] === 'npx') {
    const [spec, ...rest] = words.slice(1).filter((w) => w !== '-y' && w !== '--yes');
    if (installSpec(spec, root)) return rest;
    throw new Error(
      `${words.join(' ')}: npx ${spec ?? ''} does not run this repository's CLI; write npx github:<owner>/gantry (package.json's repository)`,
    );
  }
  return undefined;
}

/**
 * What does not exist of a shell command a document shows, in the repository at `root`: npm
 * scripts (`npm test`, `npm run S`), `npm ci`'s lock file, `npm link`'s bin, executable files
 * (`./x`), `node FILE`. `gantry …` commands are checked by the command line's grammar, not here.
 */
export function shellCommandProblems(words: readonly string[], root = '.'): string[] {
  const [cmd, ...args] = words;
  if (!cmd || gantryArgs(words)) return [];
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
    bin?: unknown;
  };
  const scripts = pkg.scripts ?? {};
  const script = (name: string) =>
    name in scripts ? [] : [`package.json has no script "${name}"`];
  if (cmd === 'npm') {
    const [sub, name] = args;
    if (sub === 'test' || sub === 't') return script('test');
    if (sub === 'run' || sub === 'run-script')
      return name ? script(name) : ['npm run needs a script name'];
    if (sub === 'ci')
      return existsSync(path.join(root, 'package-lock.json'))
        ? []
        : ['npm ci needs package-lock.json'];
    if (sub === 'link') return pkg.bin ? [] : ['npm link needs a "bin" in package.json'];
    if (sub === 'install' || sub === 'i') {
      const specs = args.slice(1).filter((a) => !a.startsWith('-'));
      return specs.length && specs.every((spec) => installSpec(spec, root))
        ? []
        : [`npm ${args.join(' ')}: installs something other than this repository's CLI`];
    }
    return [`npm ${sub ?? ''}: not a command these docs know`];
  }
  if (cmd === 'node') {
    const file = args.find((a) => !a.startsWith('-'));
    return file && existsSync(path.join(root, file)) ? [] : [`node ${file ?? ''}: no such file`];
  }
  if (cmd.includes('/')) {
    const file = path.join(root, cmd);
    if (!existsSync(file)) return [`${cmd}: no such file`];
    return statSync(file).mode & 0o111 ? [] : [`${cmd}: not executable`];
  }
  return [`${cmd}: not a command these docs know`];
}

// ---------------------------------------------------------------------------------------------
// Mermaid

/**
 * Checks a flowchart in a small subset of Mermaid: `flowchart LR|TD|TB|RL|BT`, nodes `id["…"]`,
 * `id(["…"])`, `id[("…")]`, `id{"…"}`, edges `a --> b`, `a -.-> b`, `a -->|"…"| b`, `subgraph
 * id ["…"]` … `end`, and `%%` comments. Returns what does not fit, and edges to undefined nodes.
 */
export function mermaidProblems(src: string): string[] {
  const problems: string[] = [];
  const lines = src.replace(/\n+$/, '').split('\n');
  if (!/^flowchart (LR|TD|TB|RL|BT)$/.test(lines[0] ?? ''))
    problems.push(`line 1: not a flowchart header`);
  const nodes = new Set<string>();
  const edges: [string, string, number][] = [];
  let depth = 0;
  const node = String.raw`(\w+)(?:\["[^"\n]*"\]|\(\["[^"\n]*"\]\)|\[\("[^"\n]*"\)\]|\{"[^"\n]*"\})?`;
  const edgeRe = new RegExp(
    String.raw`^\s*${node}\s+(?:-->|-\.->|==>)(?:\|"[^"\n]*"\|)?\s+${node}\s*$`,
  );
  const nodeRe = new RegExp(String.raw`^\s*${node}\s*$`);
  lines.slice(1).forEach((line, i) => {
    const n = i + 2;
    if (line.trim() === '' || /^\s*%%/.test(line)) return;
    let m: RegExpExecArray | null;
    if ((m = /^\s*subgraph (\w+)(?: \["[^"\n]*"\])?\s*$/.exec(line))) {
      depth++;
      nodes.add(m[1]!);
    } else if (/^\s*end\s*$/.test(line)) {
      depth--;
      if (depth < 0) problems.push(`line ${n}: end without subgraph`);
    } else if ((m = edgeRe.exec(line))) {
      const defines = (s: string) => /[[({]/.test(s);
      const [, a, b] = m;
      if (defines(line.split(/-->|-\.->|==>/)[0] ?? '')) nodes.add(a!);
      if (defines(line.split(/-->|-\.->|==>/)[1]?.replace(/^\|"[^"]*"\|/, '') ?? '')) nodes.add(b!);
      edges.push([a!, b!, n]);
    } else if ((m = nodeRe.exec(line)) && /[[({]/.test(line)) {
      nodes.add(m[1]!);
    } else problems.push(`line ${n}: not in the supported subset: ${line.trim()}`);
  });
  if (depth !== 0) problems.push('subgraph without end');
  for (const [a, b, n] of edges)
    for (const x of [a, b])
      if (!nodes.has(x)) problems.push(`line ${n}: node ${x} has no label anywhere`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Links

/** GitHub's anchor for a heading. */
export function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Relative links of a Markdown document whose file or `#anchor` does not exist. */
export function brokenLinks(doc: string): string[] {
  const text = readFileSync(doc, 'utf8').replace(/^(`{3,}|~{3,})[\s\S]*?^\1/gm, '');
  const problems: string[] = [];
  const anchors = (file: string) => {
    const body = readFileSync(file, 'utf8').replace(/^(`{3,}|~{3,})[\s\S]*?^\1/gm, '');
    const seen = new Map<string, number>();
    const out = new Set<string>();
    for (const m of body.matchAll(/^#{1,6}\s+(.+)$/gm)) {
      const base = anchorOf(m[1]!);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      out.add(n ? `${base}-${n}` : base);
    }
    return out;
  };
  for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = m[1]!;
    if (/^[a-z]+:/i.test(target)) continue;
    const [file, anchor] = target.split('#') as [string, string | undefined];
    const resolved = file ? path.join(path.dirname(doc), file) : doc;
    if (!existsSync(resolved)) {
      problems.push(`${target}: no such file`);
      continue;
    }
    if (anchor && resolved.endsWith('.md') && !anchors(resolved).has(anchor))
      problems.push(`${target}: no heading with that anchor`);
  }
  return problems;
}
