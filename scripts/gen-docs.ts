// Generates the reference documentation from the files it documents, so it cannot drift:
//   docs/reference/project-file.md  from schema/project.schema.json
//   docs/reference/actions.md       from action.yml and */action.yml
//   docs/reference/steps.md         from the promotion steps' schemas (src/promotion/steps/)
// Usage: npm run docs   (test/docs.test.ts fails when the committed files differ)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { defaultRegistry } from '../src/promotion/steps/registry.js';

export const SCHEMA_FILE = 'schema/project.schema.json';
export const PROJECT_DOC = 'docs/reference/project-file.md';
export const ACTIONS_DOC = 'docs/reference/actions.md';
export const STEPS_DOC = 'docs/reference/steps.md';
const REPOSITORY = 'gantry-dev/gantry';
const VERSION = 'v1';

/** The actions, in the order they are documented: directory ('' for the root) and example inputs. */
export const ACTIONS: readonly { dir: string; file: string; example: Record<string, string> }[] = [
  {
    dir: '',
    file: 'action.yml',
    example: { command: 'promote', stage: 'staging', freight: '${{ inputs.freight }}' },
  },
  { dir: 'discover', file: 'discover/action.yml', example: { project: 'echo' } },
  {
    dir: 'promote',
    file: 'promote/action.yml',
    example: { stage: 'staging', freight: '${{ inputs.freight }}' },
  },
  { dir: 'verify', file: 'verify/action.yml', example: { stage: 'staging' } },
];

// ---------------------------------------------------------------------------------------------
// Markdown helpers

/** Escapes text for Markdown prose and table cells (so `<project>` is not taken for HTML). */
function md(text: string): string {
  return text
    .replace(/[\\`*_|]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s*\n\s*/g, ' ');
}

/** A code span; `|` is escaped so it can sit in a table cell. */
function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.includes('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\|/g, '\\|')}${pad}${fence}`;
}

/** GitHub's heading anchor for a heading text. */
export function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function link(title: string): string {
  return `[${title}](#${slug(title)})`;
}

function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

function valueText(value: unknown): string {
  return code(typeof value === 'string' ? value : JSON.stringify(value));
}

function humanize(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Project file reference

export interface SchemaNode {
  $id?: string;
  $ref?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  pattern?: string;
  patternErrorMessage?: string;
  errorMessage?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  deprecated?: boolean;
  not?: SchemaNode;
  if?: SchemaNode;
  then?: SchemaNode;
  else?: SchemaNode;
  allOf?: SchemaNode[];
  definitions?: Record<string, SchemaNode>;
}

/** Section titles that read better than the humanized definition name. Keys: see sectionKey. */
const TITLES: Record<string, string> = {
  root: 'Project',
  'def:freightRequest': 'Requested freight',
  'def:freightRequest.origin': 'Freight origin',
  'def:freightRequest.sources': 'Freight sources',
  'def:var': 'Variable',
  'def:promotionStep.retry': 'Step retry',
  'def:verificationMetric': 'Verification',
  'value:dnsLabel': 'DNS label',
  'value:regexList': 'Regular expression list',
};

interface Resolved {
  /** Name of the definition reached through $ref, if any. */
  ref?: string;
  /** The node with the definition merged in (the referring node's own keys win). */
  node: SchemaNode;
}

interface ObjectSection {
  key: string;
  title: string;
  node: SchemaNode;
  paths: string[];
}

interface ValueSection {
  ref: string;
  title: string;
  node: SchemaNode;
  usedBy: string[];
}

interface Child {
  key: string;
  title: string;
  node: SchemaNode;
  array: boolean;
}

class ProjectDoc {
  readonly objects = new Map<string, ObjectSection>();
  readonly values = new Map<string, ValueSection>();
  readonly index: { path: string; section: string }[] = [];

  constructor(readonly schema: SchemaNode) {}

  resolve(node: SchemaNode, seen: string[] = []): Resolved {
    if (node.$ref === undefined) return { node };
    const m = /^#\/definitions\/([^/]+)$/.exec(node.$ref);
    const name = m?.[1];
    const def = name === undefined ? undefined : this.schema.definitions?.[name];
    if (name === undefined || def === undefined || seen.includes(name)) {
      throw new Error(`gen-docs: cannot resolve $ref ${node.$ref}`);
    }
    const { $ref: _ref, ...own } = node;
    return { ref: name, node: { ...this.resolve(def, [...seen, name]).node, ...own } };
  }

  isObjectSection(node: SchemaNode): boolean {
    return node.type === 'object' && node.properties !== undefined;
  }

  /** Named non-object types whose format deserves its own explanation. */
  isValueType(r: Resolved): r is Required<Resolved> {
    return (
      r.ref !== undefined &&
      !this.isObjectSection(r.node) &&
      (r.node.pattern !== undefined || r.node.type === 'array')
    );
  }

  valueTitle(ref: string): string {
    return TITLES[`value:${ref}`] ?? humanize(ref);
  }

  /** The object type a property holds (directly or as array items), if it has its own section. */
  child(prop: SchemaNode, parent: ObjectSection, name: string): Child | undefined {
    let target = this.resolve(prop);
    let array = false;
    if (target.node.type === 'array' && target.node.items) {
      target = this.resolve(target.node.items);
      array = true;
    }
    if (!this.isObjectSection(target.node)) return undefined;
    // A section describes the definition itself, not the property that refers to it.
    const node =
      target.ref !== undefined
        ? this.resolve({ $ref: `#/definitions/${target.ref}` }).node
        : target.node;
    const key = target.ref !== undefined ? `def:${target.ref}` : `${parent.key}.${name}`;
    const title =
      TITLES[key] ??
      (target.ref !== undefined
        ? humanize(target.ref)
        : `${parent.title} ${humanize(name).toLowerCase()}`);
    return { key, title, node, array };
  }

  /** Collects the sections depth-first in schema order. */
  walk(key: string, title: string, node: SchemaNode, path: string, stack: string[] = []): void {
    let section = this.objects.get(key);
    if (!section) {
      section = { key, title, node, paths: [] };
      this.objects.set(key, section);
    }
    if (!section.paths.includes(path)) section.paths.push(path);
    if (stack.includes(key)) return;
    for (const [name, prop] of Object.entries(node.properties ?? {})) {
      const fieldPath = path === '' ? name : `${path}.${name}`;
      this.index.push({ path: fieldPath, section: title });
      this.noteValueTypes(prop, title);
      const child = this.child(prop, section, name);
      if (child) {
        this.walk(child.key, child.title, child.node, fieldPath + (child.array ? '[]' : ''), [
          ...stack,
          key,
        ]);
      }
    }
  }

  noteValueTypes(prop: SchemaNode, usedBy: string): void {
    const r = this.resolve(prop);
    if (this.isValueType(r)) {
      const existing = this.values.get(r.ref);
      const def = this.resolve({ $ref: `#/definitions/${r.ref}` }).node;
      const section = existing ?? {
        ref: r.ref,
        title: this.valueTitle(r.ref),
        node: def,
        usedBy: [],
      };
      if (!section.usedBy.includes(usedBy)) section.usedBy.push(usedBy);
      this.values.set(r.ref, section);
    }
    if (r.node.type === 'array' && r.node.items) this.noteValueTypes(r.node.items, usedBy);
  }

  typeText(r: Resolved): string {
    const n = r.node;
    let base: string;
    if (n.type === 'array') {
      base = `array of ${n.items ? this.typeText(this.resolve(n.items)) : 'any'}`;
    } else if (Array.isArray(n.type)) {
      base = n.type.join(' or ');
    } else {
      base = n.type ?? (n.const !== undefined ? typeof n.const : 'any');
    }
    return this.isValueType(r) ? `${base} (${link(this.valueTitle(r.ref))})` : base;
  }

  /** Validation facts not already explained by a value type's own section. */
  constraints(r: Resolved): string[] {
    const n = r.node;
    const out: string[] = [];
    if (this.isValueType(r)) return out;
    if (n.enum) out.push(`Allowed values: ${n.enum.map(valueText).join(', ')}.`);
    if (n.const !== undefined) out.push(`Always ${valueText(n.const)}.`);
    if (n.pattern !== undefined) out.push(`Must match ${code(n.pattern)}.`);
    if (n.minLength !== undefined && n.minLength > 1) {
      out.push(`At least ${n.minLength} characters.`);
    }
    if (n.maxLength !== undefined) out.push(`At most ${n.maxLength} characters.`);
    if (n.minimum !== undefined && n.maximum !== undefined) {
      out.push(`From ${n.minimum} to ${n.maximum}.`);
    } else if (n.minimum !== undefined) {
      out.push(`At least ${n.minimum}.`);
    } else if (n.maximum !== undefined) {
      out.push(`At most ${n.maximum}.`);
    }
    if (n.minItems !== undefined && n.minItems > 0) {
      out.push(`At least ${n.minItems} ${n.minItems === 1 ? 'entry' : 'entries'}.`);
    }
    if (n.maxItems !== undefined) out.push(`At most ${n.maxItems} entries.`);
    if (n.type === 'array' && n.items) {
      const items = this.resolve(n.items);
      if (!this.isObjectSection(items.node)) {
        out.push(...this.constraints(items).map((c) => `Each entry: ${c}`));
      }
    }
    return out;
  }

  renderSection(section: ObjectSection): string[] {
    const n = section.node;
    const required = new Set(n.required ?? []);
    const conditions = conditionals(n);
    const rows = Object.entries(n.properties ?? {}).map(([name, prop]) => {
      const rejected = isRejected(prop);
      const r = this.resolve(prop);
      const child = this.child(prop, section, name);
      const type = rejected
        ? '—'
        : child
          ? `${child.array ? 'array of ' : ''}${link(child.title)}`
          : this.typeText(r);
      const notes = conditions.fields.get(name) ?? [];
      const req = required.has(name)
        ? 'yes'
        : rejected
          ? 'must be omitted'
          : notes.length > 0
            ? [...notes]
                .sort((a, b) => Number(a.startsWith('must')) - Number(b.startsWith('must')))
                .join('; ')
            : 'no';
      const dflt = r.node.default === undefined ? '' : valueText(r.node.default);
      const desc = [
        ...(r.node.deprecated ? ['**Deprecated.**'] : []),
        md(r.node.description ?? ''),
        ...(rejected ? [] : this.constraints(r)),
      ]
        .filter((s) => s !== '')
        .join(' ');
      return [code(name), type, req, dflt, desc];
    });
    const rules: string[] = [];
    const names = Object.keys(n.properties ?? {});
    if (n.minProperties === 1 && n.maxProperties === 1 && n.additionalProperties === false) {
      rules.push(`Set exactly one of ${names.map(code).join(', ')}.`);
    } else {
      if (n.minProperties !== undefined) rules.push(`Set at least ${n.minProperties} field(s).`);
      if (n.maxProperties !== undefined) rules.push(`Set at most ${n.maxProperties} field(s).`);
    }
    rules.push(...conditions.rules.map((m) => `${md(m)}${m.endsWith('.') ? '' : '.'}`));
    if (n.additionalProperties !== false) {
      rules.push('Fields not listed here are allowed; the schema does not check them.');
    }
    const where =
      section.key === 'root'
        ? 'the top level of the file'
        : section.paths.map((p) => code(p)).join(', ');
    return [
      `## ${section.title}`,
      '',
      md(n.description ?? ''),
      '',
      `Appears at: ${where}`,
      '',
      ...table(['Field', 'Type', 'Required', 'Default', 'Description'], rows),
      ...(rules.length > 0 ? ['', '**Rules:**', '', ...rules.map((r) => `- ${r}`)] : []),
      '',
    ];
  }

  renderValue(v: ValueSection): string[] {
    const n = v.node;
    const facts: string[] = [`Type: ${this.typeText({ node: n })}.`];
    facts.push(...this.constraints({ node: n }));
    if (n.default !== undefined) facts.push(`Default: ${valueText(n.default)}.`);
    if (n.patternErrorMessage !== undefined) {
      facts.push(`When it does not match, gantry says it ${md(n.patternErrorMessage)}.`);
    }
    return [
      `### ${v.title}`,
      '',
      md(n.description ?? ''),
      '',
      ...facts.map((f) => `- ${f}`),
      `- Used by: ${v.usedBy.map(link).join(', ')}.`,
      '',
    ];
  }

  render(): string {
    const schemaUrl = this.schema.$id ?? `../../${SCHEMA_FILE}`;
    this.walk('root', TITLES['root'] ?? 'Project', this.schema, '');
    const titles = [...this.objects.values()].map((s) => s.title);
    const valueTitles = [...this.values.values()].map((v) => v.title);
    const all = [...titles, ...valueTitles, 'Value types', 'Field index'];
    const dup = all.find((t, i) => all.findIndex((u) => slug(u) === slug(t)) !== i);
    if (dup !== undefined)
      throw new Error(`gen-docs: two sections would share the anchor of "${dup}"`);
    return [
      `<!-- Generated by scripts/gen-docs.ts from ${SCHEMA_FILE}. Do not edit; run npm run docs. -->`,
      '',
      '# Project file reference',
      '',
      `Each gantry project is one YAML file in the GitOps repository, ${code('.gantry/<project>.yaml')} ` +
        `(or ${code('.yml')}); a repository may hold several projects. Field names follow Kargo's ` +
        'Warehouse and Stage custom resources (CRDs), so a Kargo spec translates almost field for field.',
      '',
      'For completion and validation in editors that use yaml-language-server (for example VS Code ' +
        'with the YAML extension), start the file with this modeline:',
      '',
      '```yaml',
      `# yaml-language-server: $schema=${schemaUrl}`,
      '```',
      '',
      `This page is generated from ${code(SCHEMA_FILE)}, the schema gantry checks every project ` +
        `file against (as ${code('gantry lint')} does). "Appears at" gives the YAML path of each object type ` +
        `(${code('[]')} marks a list entry); the Required column says when a field is conditionally ` +
        'required.',
      '',
      ...[...this.objects.values()].map((s) => `- ${link(s.title)}`),
      `- ${link('Value types')}`,
      `- ${link('Field index')}`,
      '',
      ...[...this.objects.values()].flatMap((s) => this.renderSection(s)),
      '## Value types',
      '',
      'Named value formats used by several fields.',
      '',
      ...[...this.values.values()].flatMap((v) => this.renderValue(v)),
      '## Field index',
      '',
      'Every field by its YAML path.',
      '',
      ...this.index.map((e) => `- ${code(e.path)}: ${link(e.section)}`),
      '',
    ].join('\n');
  }
}

function isRejected(node: SchemaNode): boolean {
  return node.not !== undefined && Object.keys(node.not).length === 0;
}

/** A readable form of a draft-07 `if` subschema (only the shapes the project schema uses). */
function describeCondition(cond: SchemaNode, negate: boolean): string {
  const parts = Object.entries(cond.properties ?? {}).flatMap(([name, p]) => {
    if (p.const !== undefined)
      return [`${code(name)} is ${negate ? 'not ' : ''}${valueText(p.const)}`];
    if (p.enum) {
      return [`${code(name)} is ${negate ? 'not ' : ''}one of ${p.enum.map(valueText).join(', ')}`];
    }
    if (p.pattern !== undefined) {
      return [`${code(name)} ${negate ? 'does not match' : 'matches'} ${code(p.pattern)}`];
    }
    return [];
  });
  if (parts.length === 0) return negate ? 'the condition does not hold' : 'the condition holds';
  return parts.join(negate ? ' or ' : ' and ');
}

function conditionals(node: SchemaNode): { fields: Map<string, string[]>; rules: string[] } {
  const fields = new Map<string, string[]>();
  const rules: string[] = [];
  const add = (field: string, note: string) =>
    fields.set(field, [...(fields.get(field) ?? []), note]);
  const apply = (branch: SchemaNode | undefined, cond: string) => {
    if (!branch) return;
    for (const field of branch.required ?? []) add(field, `when ${cond}`);
    for (const [field, p] of Object.entries(branch.properties ?? {})) {
      if (isRejected(p)) add(field, `must be omitted when ${cond}`);
      if (p.errorMessage !== undefined) rules.push(p.errorMessage);
    }
    if (branch.errorMessage !== undefined) rules.push(branch.errorMessage);
  };
  for (const block of [node, ...(node.allOf ?? [])]) {
    if (!block.if) continue;
    apply(block.then, describeCondition(block.if, false));
    apply(block.else, describeCondition(block.if, true));
  }
  return { fields, rules };
}

// ---------------------------------------------------------------------------------------------
// Actions reference

interface ActionInput {
  description?: string;
  required?: boolean | string;
  default?: unknown;
}

export interface ActionFile {
  name: string;
  description?: string;
  inputs?: Record<string, ActionInput | null>;
  outputs?: Record<string, { description?: string } | null>;
}

export function usesLine(dir: string): string {
  return `${REPOSITORY}${dir === '' ? '' : `/${dir}`}@${VERSION}`;
}

function renderAction(action: ActionFile, dir: string, example: Record<string, string>): string[] {
  const inputs = Object.entries(action.inputs ?? {});
  const outputs = Object.entries(action.outputs ?? {});
  const isRequired = (i: ActionInput | null) => i?.required === true || i?.required === 'true';
  const inputRows = inputs.map(([name, i]) => [
    code(name),
    isRequired(i) ? 'yes' : 'no',
    i?.default === undefined || i.default === '' ? '' : valueText(i.default),
    md(i?.description ?? ''),
  ]);
  const outputRows = outputs.map(([name, o]) => [code(name), md(o?.description ?? '')]);
  const id = dir === '' ? 'gantry' : dir;
  const withInputs = inputs
    .filter(([name, i]) => isRequired(i) || example[name] !== undefined)
    .map(([name]) => `    ${name}: ${example[name] ?? `<${name}>`}`);
  const stepName = dir === '' ? 'Run gantry' : humanize(dir);
  return [
    `## ${action.name}`,
    '',
    md(action.description ?? ''),
    '',
    '```yaml',
    `uses: ${usesLine(dir)}`,
    '```',
    '',
    '### Inputs',
    '',
    ...(inputRows.length > 0
      ? table(['Input', 'Required', 'Default', 'Description'], inputRows)
      : ['None.']),
    '',
    '### Outputs',
    '',
    ...(outputRows.length > 0 ? table(['Output', 'Description'], outputRows) : ['None.']),
    '',
    '### Example',
    '',
    '```yaml',
    `- name: ${stepName}`,
    `  id: ${id}`,
    `  uses: ${usesLine(dir)}`,
    ...(withInputs.length > 0 ? ['  with:', ...withInputs] : []),
    '```',
    '',
    ...(outputs.length > 0
      ? [
          `Later steps read the outputs as ${code(`steps.${id}.outputs.<name>`)}, e.g. ` +
            `${code(`\${{ steps.${id}.outputs.${outputs[0]![0]} }}`)}.`,
          '',
        ]
      : []),
  ];
}

function renderActions(
  actions: { action: ActionFile; dir: string; file: string; example: Record<string, string> }[],
): string {
  return [
    `<!-- Generated by scripts/gen-docs.ts from ${actions.map((a) => a.file).join(', ')}. Do not edit; run npm run docs. -->`,
    '',
    '# Actions reference',
    '',
    `gantry is used from workflows as four actions of the ${code(REPOSITORY)} repository: one per ` +
      'command, and the root action, which runs any command named by its `command` input. ' +
      'Inputs marked required must be set; the others have the default shown or none.',
    '',
    ...actions.map((a) => `- ${link(a.action.name)}: ${code(usesLine(a.dir))}`),
    '',
    ...actions.flatMap((a) => renderAction(a.action, a.dir, a.example)),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Promotion step reference

function typeText(node: SchemaNode): string {
  if (node.enum) return node.enum.map((v) => valueText(v)).join(', ');
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  if (types.length === 0) return 'any';
  return types
    .map((t) => (t === 'array' ? `list of ${node.items ? typeText(node.items) : 'any'}` : t))
    .join(' or ')
    .replace(/list of object/g, 'list of objects');
}

/** Prose whose backtick spans stay code spans (the step schemas write field names that way). */
function prose(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part) => (part.startsWith('`') ? part.replace(/\|/g, '\\|') : md(part)))
    .join('');
}

/** One row per field, nested fields as `updates[].key`. */
function stepRows(node: SchemaNode, prefix: string, rows: string[][]): void {
  const required = new Set(node.required ?? []);
  for (const [name, field] of Object.entries(node.properties ?? {})) {
    const path = `${prefix}${name}`;
    rows.push([
      code(path),
      typeText(field),
      required.has(name) ? 'yes' : '',
      prose(field.description ?? ''),
    ]);
    if (field.properties) stepRows(field, `${path}.`, rows);
    if (field.items?.properties) stepRows(field.items, `${path}[].`, rows);
  }
}

function renderSteps(steps: readonly { name: string; schema: SchemaNode }[]): string {
  const out: string[] = [
    '<!-- Generated by scripts/gen-docs.ts from the step schemas in src/promotion/steps/. Do not edit; run npm run docs. -->',
    '',
    '# Promotion steps reference',
    '',
    "The `config` of each built-in step, as `gantry lint` checks it before anything runs: an unknown field (with a did-you-mean), a missing or mistyped one is a problem at its line in the project file. A string holding `${{ }}` matches any type here; it is checked again once rendered. Fields marked gantry: are gantry's additions to Kargo's configs.",
    '',
    steps.map((s) => link(s.name)).join(' · '),
    '',
  ];
  for (const step of steps) {
    out.push(`## ${step.name}`, '', prose(step.schema.description ?? ''), '');
    const rows: string[][] = [];
    stepRows(step.schema, '', rows);
    if (rows.length) out.push(...table(['field', 'type', 'required', 'description'], rows), '');
    else out.push('Any keys.', '');
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------

/** The generated documents, by path relative to rootDir. Writes nothing. */
export function generateDocs(rootDir: string): Record<string, string> {
  const schema = JSON.parse(readFileSync(join(rootDir, SCHEMA_FILE), 'utf8')) as SchemaNode;
  const actions = ACTIONS.map((a) => ({
    ...a,
    action: parse(readFileSync(join(rootDir, a.file), 'utf8')) as ActionFile,
  }));
  return {
    [PROJECT_DOC]: new ProjectDoc(schema).render(),
    [ACTIONS_DOC]: renderActions(actions),
    [STEPS_DOC]: renderSteps(
      [...defaultRegistry().values()].map((d) => ({
        name: d.name,
        schema: d.schema as SchemaNode,
      })),
    ),
  };
}

function main(): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  for (const [path, content] of Object.entries(generateDocs(root))) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    console.log(`wrote ${path}`);
  }
}

if (
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(resolve(process.argv[1])).href
) {
  main();
}
