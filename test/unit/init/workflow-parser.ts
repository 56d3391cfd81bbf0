/**
 * GitHub's own workflow parser (@actions/workflow-parser) for tests. It imports its JSON schema
 * without an import attribute, which bundlers accept and Node refuses; a loader hook adds the
 * attribute, so the package loads as it is published.
 */
import { register } from 'node:module';
import type { WorkflowTemplate } from '@actions/workflow-parser';

const HOOK = `export async function load(url, context, next) {
  if (url.endsWith('.json') && !context.importAttributes?.type)
    return next(url, { ...context, importAttributes: { ...context.importAttributes, type: 'json' } });
  return next(url, context);
}`;

let loaded: Promise<typeof import('@actions/workflow-parser')> | undefined;

function parser(): Promise<typeof import('@actions/workflow-parser')> {
  if (!loaded) {
    register(`data:text/javascript,${encodeURIComponent(HOOK)}`);
    loaded = import('@actions/workflow-parser');
  }
  return loaded;
}

export interface ParsedWorkflow {
  /** Every error the parser and the converter reported, as GitHub would show them. */
  errors: string[];
  /** The converted template with tokens turned into plain JSON (expressions as {expr}). */
  template: WorkflowTemplate;
  json: Record<string, unknown>;
}

const DROP = new Set(['file', 'range', 'definitionInfo', 'type']);

/** Parse a workflow file's text the way GitHub does. */
export async function parseGitHubWorkflow(name: string, content: string): Promise<ParsedWorkflow> {
  const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = await parser();
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((e) => e.message);
  if (!result.value) return { errors, template: {} as WorkflowTemplate, json: {} };
  const template = await convertWorkflowTemplate(result.context, result.value);
  for (const e of template.errors ?? []) if (!errors.includes(e.Message)) errors.push(e.Message);
  const json = JSON.parse(
    JSON.stringify(template, (k, v: unknown) =>
      DROP.has(k) && typeof v !== 'string' ? undefined : v,
    ),
  ) as Record<string, unknown>;
  return { errors, template, json };
}
