/**
 * `gantry lint` over `.github/workflows/*`: the workflows that run gantry's promote action must
 * run each promotion under the GitHub environment the project names for its stage, and offer the
 * stages the projects have. A job whose `environment:` drifted from the project file is a
 * production gate that does not gate; this finds it before a run does (the promote action refuses
 * such a run too, but only once someone starts it).
 */
import { LineCounter, parseDocument, type Node } from 'yaml';
import type { Project } from '../pipeline/index.js';
import { sourceOf as loadedSource } from '../pipeline/parse.js';
import {
  findNode,
  locate,
  positionOf,
  type PathSegment,
  type SourceFile,
} from '../pipeline/source.js';
import type { Problem } from '../util/errors.js';

export interface TextFile {
  file: string;
  text: string;
}

/** `<owner>/gantry/promote@ref`, or the root action `<owner>/gantry@ref` (then `command:`). */
const GANTRY_USES = /^[\w.-]+\/gantry(?:\/([\w-]+))?@\S+$/;

/** `${{ inputs.x }}` or `${{ github.event.inputs.x }}`: the workflow_dispatch input `x`. */
const INPUT_EXPR = /^\$\{\{\s*(?:github\.event\.)?inputs\.([\w-]+)\s*\}\}$/;
const NEEDS_EXPR = /^\$\{\{\s*needs\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}$/;
const STEP_OUTPUT_EXPR = /^\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}$/;

type Json = unknown;

function get(value: Json, key: string): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, Json>)[key]
    : undefined;
}

function str(value: Json): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

interface Step {
  index: number;
  id?: string;
  uses?: string;
  with: Record<string, Json>;
}

function stepsOf(job: Json): Step[] {
  const steps = get(job, 'steps');
  if (!Array.isArray(steps)) return [];
  return steps.map((s: Json, index) => {
    const w = get(s, 'with');
    return {
      index,
      id: str(get(s, 'id')),
      uses: str(get(s, 'uses')),
      with: w !== null && typeof w === 'object' ? (w as Record<string, Json>) : {},
    };
  });
}

/** Which gantry command a step runs, if it is one of gantry's actions. */
function gantryCommand(step: Step): string | undefined {
  const m = GANTRY_USES.exec(step.uses ?? '');
  if (!m) return undefined;
  return m[1] ?? str(step.with.command);
}

/** The job's environment name as written (`environment: x` or `environment: {name: x}`). */
function environmentOf(job: Json): string | undefined {
  const env = get(job, 'environment');
  return str(env) ?? str(get(env, 'name'));
}

/** Whether `${{ needs.J.outputs.O }}` is the environment gantry's `environment` command said. */
function isGantryEnvironment(jobs: Json, expr: string): boolean {
  const [, jobId, outputName] = NEEDS_EXPR.exec(expr) ?? [];
  if (!jobId || !outputName) return false;
  const job = get(jobs, jobId);
  const output = str(get(get(job, 'outputs'), outputName));
  const step = STEP_OUTPUT_EXPR.exec(output ?? '');
  if (!step || step[2] !== 'environment') return false;
  return stepsOf(job).some((s) => s.id === step[1] && gantryCommand(s) === 'environment');
}

interface Choice {
  options: string[];
  path: PathSegment[];
}

/** A workflow_dispatch choice input's options. */
function choiceInput(doc: Json, name: string): Choice | undefined {
  const input = get(get(get(get(doc, 'on'), 'workflow_dispatch'), 'inputs'), name);
  const options = get(input, 'options');
  if (get(input, 'type') !== 'choice' || !Array.isArray(options)) return undefined;
  return {
    options: options.map(String),
    path: ['on', 'workflow_dispatch', 'inputs', name, 'options'],
  };
}

/** The values an expression in `with:` may take: a literal, or a choice input's options. */
function valuesOf(doc: Json, value: Json): string[] | undefined {
  const text = str(value);
  if (text === undefined) return undefined;
  if (!text.includes('${{')) return [text];
  const input = INPUT_EXPR.exec(text.trim())?.[1];
  return input ? choiceInput(doc, input)?.options : undefined;
}

function at(
  src: SourceFile,
  path: PathSegment[],
  anchor: 'key' | 'value' = 'value',
): { line: number; column: number } {
  const found = findNode(src, path);
  const node = anchor === 'key' ? (found.key ?? found.value) : found.value;
  return positionOf(src, (node ?? found.nearest) as Node | undefined);
}

/** `file:line` of the field that names a stage's environment (its name when it has none). */
function stageEnvironmentPlace(src: SourceFile | undefined, project: Project, i: number): string {
  if (!src) return project.file;
  // A project read from Kargo's manifests: the environment is in the gantry file, the name in
  // the Stage's manifest.
  const env = locate(src, ['stages', i, 'environment']);
  const hasField = findNode(env.src, env.segments).value !== undefined;
  const where = hasField ? env : locate(src, ['stages', i, 'name']);
  const { line } = at(where.src, where.segments);
  return `${where.src.file}:${line}`;
}

function sourceOf(file: TextFile): SourceFile | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter });
  if (doc.errors.length) return undefined;
  return { file: file.file, doc, lineCounter };
}

/**
 * Problems with the promote jobs of `workflows`, positioned in the workflow and naming the
 * project file's line: a job that runs under another environment than its stage's (or none),
 * and a stage choice list that is not the projects' stages.
 */
export function workflowProblems(
  workflows: readonly TextFile[],
  projects: readonly Project[],
  projectFiles: readonly TextFile[],
): Problem[] {
  const problems: Problem[] = [];
  const projectSources = new Map<string, SourceFile | undefined>();
  for (const f of projectFiles) projectSources.set(f.file, sourceOf(f));

  for (const wf of workflows) {
    const src = sourceOf(wf);
    if (!src) continue; // GitHub reports a workflow it cannot parse; gantry lints its own files.
    const doc: Json = src.doc.toJS();
    const jobs = get(doc, 'jobs');
    if (jobs === null || typeof jobs !== 'object') continue;
    const problem = (path: PathSegment[], message: string) =>
      problems.push({ file: wf.file, ...at(src, path), path: '', message });

    let promotes = false;
    let stageChoiceProjects: Project[] | undefined;
    for (const [jobId, job] of Object.entries(jobs as Record<string, Json>)) {
      for (const step of stepsOf(job)) {
        if (gantryCommand(step) !== 'promote') continue;
        promotes = true;
        const named = valuesOf(doc, step.with.project);
        const candidates =
          step.with.project === undefined
            ? [...projects]
            : named
              ? projects.filter((p) => named.includes(p.name))
              : [];
        const stageExpr = str(step.with.stage)?.trim() ?? '';
        if (INPUT_EXPR.exec(stageExpr)?.[1] === 'stage') stageChoiceProjects = candidates;
        const stageValues = valuesOf(doc, step.with.stage);
        const stagesOf = (p: Project) =>
          stageValues
            ? p.stages.filter((s) => stageValues.includes(s.name))
            : INPUT_EXPR.test(stageExpr)
              ? p.stages // a free-text stage input may name any stage
              : [];
        const envRaw = environmentOf(job)?.trim();
        const envPath: PathSegment[] = ['jobs', jobId, 'environment'];
        // Without the deployment GitHub makes for the job, a gate passed by a wait timer or by
        // branch rules leaves no trace for the promote step to find, and it refuses the run.
        if (get(get(job, 'environment'), 'deployment') === false) {
          problem(
            [...envPath, 'deployment'],
            `job ${jobId} promotes with environment.deployment: false, so GitHub records no deployment for it and the promote step cannot confirm the job passed its environment's wait timer or branch rules; remove it`,
          );
        }
        if (envRaw !== undefined && isGantryEnvironment(jobs, envRaw)) continue;
        const envIsStage = envRaw !== undefined && INPUT_EXPR.exec(envRaw)?.[1] === 'stage';
        // An expression gantry cannot follow (a matrix, another job's own output) is left alone.
        if (envRaw !== undefined && envRaw.includes('${{') && !envIsStage) continue;
        for (const project of candidates) {
          for (const stage of stagesOf(project)) {
            const i = project.stages.indexOf(stage);
            const loaded = loadedSource(project);
            const place = stageEnvironmentPlace(
              loaded?.redirect ? loaded : projectSources.get(project.file),
              project,
              i,
            );
            const ranUnder = envIsStage ? stage.name : envRaw;
            if (ranUnder === stage.environment) continue;
            const fix = `run it under the environment gantry names for the stage (environment: \${{ needs.<job>.outputs.name }} from a job with command: environment, as gantry init writes it), or environment: ${stage.environment}`;
            problem(
              ranUnder === undefined ? ['jobs', jobId] : envPath,
              ranUnder === undefined
                ? `job ${jobId} promotes stage ${stage.name} of ${project.name} under no environment, so nothing gates it; ${place} names environment ${stage.environment}: ${fix}`
                : `job ${jobId} promotes stage ${stage.name} of ${project.name} under environment ${ranUnder}, but ${place} names environment ${stage.environment}, whose protection rules would not gate it: ${fix}`,
            );
          }
        }
      }
    }
    if (!promotes) continue;

    // The stage choices offered must be the stages there are.
    const choice = choiceInput(doc, 'stage');
    if (choice && stageChoiceProjects) {
      const want: string[] = [];
      for (const p of stageChoiceProjects)
        for (const s of p.stages) if (!want.includes(s.name)) want.push(s.name);
      const extra = choice.options.filter((o) => !want.includes(o));
      const missing = want.filter((s) => !choice.options.includes(s));
      if (extra.length || missing.length) {
        const files = stageChoiceProjects
          .map((p) => {
            const psrc = projectSources.get(p.file);
            return psrc ? `${p.file}:${at(psrc, ['stages'], 'key').line}` : p.file;
          })
          .join(', ');
        problem(
          choice.path,
          `the stage choices ${JSON.stringify(choice.options)} are not the stages of ${files}: ${[
            missing.length ? `missing ${missing.join(', ')}` : '',
            extra.length ? `no stage ${extra.join(', ')}` : '',
          ]
            .filter(Boolean)
            .join('; ')} (set options to ${JSON.stringify(want)})`,
        );
      }
    }
  }
  return problems;
}
