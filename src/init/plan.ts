/**
 * What `gantry init` writes, decided without touching the disk: the adapter says which files
 * exist and what the repository already holds; this says what to write, what to keep, and what
 * stops it. Nothing is written when any file would be overwritten without `force`: a partial set
 * of workflows and project files is worse than none.
 */
import { parse } from 'yaml';
import { PROJECT_DIR } from '../pipeline/index.js';
import { ConfigError } from '../util/errors.js';
import { renderProjectFile, renderValuesFile, type RenderOptions } from './project-file.js';
import { IMAGE_TAG_KEY, valuesPathFor, type InitSettings } from './settings.js';
import {
  DISCOVER_WORKFLOW,
  PROMOTE_WORKFLOW,
  renderDiscoverWorkflow,
  renderPromoteWorkflow,
  type WorkflowContext,
  type WorkflowProject,
} from './workflows.js';

export const WORKFLOW_DIR = '.github/workflows';

export type FileKind = 'project' | 'workflow' | 'values';

export interface PlannedFile {
  /** Relative to the repository root, with `/`. */
  path: string;
  kind: FileKind;
  text: string;
  /** The file exists and `force` allows replacing it, or it is a workflow init wrote unedited. */
  overwrite: boolean;
  /**
   * An existing workflow that is exactly what init writes for the repository's other projects:
   * nobody edited it, so init regenerates it (for the new project too) without `--force`.
   */
  regenerated?: boolean;
}

export interface InitPlan {
  settings: InitSettings;
  write: PlannedFile[];
  /** Values files that exist and are left alone (never overwritten, even with force). */
  kept: string[];
  warnings: string[];
  /** Every project the workflows serve, the new one included. */
  projects: WorkflowProject[];
}

export interface RepoFacts {
  /**
   * Contents of the files init may write that exist already (only values files need their
   * text; the others may map to '').
   */
  existing: ReadonlyMap<string, string>;
  /** The other projects of the repository (`.gantry/*.yaml` besides this one) that loaded. */
  otherProjects: readonly WorkflowProject[];
  github?: WorkflowContext['github'];
}

export function projectPath(project: string): string {
  return `${PROJECT_DIR}/${project}.yaml`;
}

/** Every path init would write for these settings, so the adapter can tell which exist. */
export function candidatePaths(s: InitSettings): string[] {
  return [
    projectPath(s.project),
    `${PROJECT_DIR}/${s.project}.yml`,
    `${WORKFLOW_DIR}/${DISCOVER_WORKFLOW}`,
    `${WORKFLOW_DIR}/${PROMOTE_WORKFLOW}`,
    ...s.stages.map((stage) => valuesPathFor(s.valuesPath, stage)),
  ];
}

function hasKey(yamlText: string, dotted: string): boolean | undefined {
  let doc: unknown;
  try {
    doc = parse(yamlText);
  } catch {
    return undefined;
  }
  let node = doc;
  for (const part of dotted.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return false;
    if (!(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}

/**
 * Decide the files. Throws a ConfigError (nothing to write) when files exist and `force` is off,
 * naming every one of them.
 */
export function planInit(
  s: InitSettings,
  facts: RepoFacts,
  o: RenderOptions & { force: boolean },
): InitPlan {
  const warnings: string[] = [];
  const self: WorkflowProject = {
    name: s.project,
    stages: s.stages,
    registries: [s.registry],
  };
  const byName = (a: WorkflowProject, b: WorkflowProject) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  const others = facts.otherProjects.filter((p) => p.name !== s.project);
  const projects = [...others, self].sort(byName);
  const ctx: WorkflowContext = { projects, ...(facts.github ? { github: facts.github } : {}) };

  const ymlTwin = `${PROJECT_DIR}/${s.project}.yml`;
  const planned: Omit<PlannedFile, 'overwrite'>[] = [
    { path: projectPath(s.project), kind: 'project', text: renderProjectFile(s, o) },
    {
      path: `${WORKFLOW_DIR}/${DISCOVER_WORKFLOW}`,
      kind: 'workflow',
      text: renderDiscoverWorkflow(ctx, o),
    },
    {
      path: `${WORKFLOW_DIR}/${PROMOTE_WORKFLOW}`,
      kind: 'workflow',
      text: renderPromoteWorkflow(ctx, o),
    },
  ];
  // A workflow that is byte for byte what init renders for the other projects was written by init
  // and never edited: adding a project must regenerate it (one project's workflow becomes the
  // matrix one), and asking for --force there would teach users to pass it by habit.
  const before: WorkflowContext = {
    projects: [...others].sort(byName),
    ...(facts.github ? { github: facts.github } : {}),
  };
  const unedited = (f: Omit<PlannedFile, 'overwrite'>): boolean => {
    if (f.kind !== 'workflow' || before.projects.length === 0) return false;
    const text = facts.existing.get(f.path);
    const render = f.path.endsWith(DISCOVER_WORKFLOW)
      ? renderDiscoverWorkflow
      : renderPromoteWorkflow;
    return text !== undefined && text === render(before, o);
  };
  for (const f of planned) if (unedited(f)) f.regenerated = true;
  const conflicts = planned
    .filter((f) => facts.existing.has(f.path) && !f.regenerated)
    .map((f) => f.path);
  // `.gantry/echo.yml` is the same project as `.gantry/echo.yaml`: two files would not lint.
  if (facts.existing.has(ymlTwin)) conflicts.push(ymlTwin);

  const kept: string[] = [];
  const seenValues = new Set<string>();
  for (const stage of s.stages) {
    const path = valuesPathFor(s.valuesPath, stage);
    if (seenValues.has(path)) continue;
    seenValues.add(path);
    const existing = facts.existing.get(path);
    if (existing === undefined) {
      planned.push({ path, kind: 'values', text: renderValuesFile(s, stage) });
      continue;
    }
    kept.push(path);
    const found = hasKey(existing, IMAGE_TAG_KEY);
    if (found === undefined) {
      warnings.push(
        `${path} is not valid YAML: the first promotion into ${stage} will fail until it is`,
      );
    } else if (!found) {
      warnings.push(
        `${path} has no ${IMAGE_TAG_KEY}: the first promotion into ${stage} adds it; if your manifests read the tag from another key, change "key: ${IMAGE_TAG_KEY}" in ${projectPath(s.project)}`,
      );
    }
  }

  if (conflicts.length && !o.force) {
    throw new ConfigError(
      [
        `nothing was written: ${conflicts.length === 1 ? 'this file exists' : 'these files exist'}:`,
        ...conflicts.map((c) => `  ${c}`),
        conflicts.includes(ymlTwin)
          ? `${ymlTwin} holds project ${s.project} already; edit it, or choose another name with --project.`
          : `Run again with --force to overwrite ${conflicts.length === 1 ? 'it' : 'them'}${
              projects.length > 1
                ? ` (the workflows are then written for the projects ${projects.map((p) => p.name).join(', ')})`
                : ''
            }; existing values files are never overwritten.`,
      ].join('\n'),
    );
  }
  if (conflicts.includes(ymlTwin)) {
    throw new ConfigError(
      `${ymlTwin} holds project ${s.project} already, and --force does not remove it: edit it, or choose another name with --project`,
    );
  }
  const write = planned.map((f) => ({ ...f, overwrite: facts.existing.has(f.path) }));
  return { settings: s, write, kept, warnings, projects };
}
