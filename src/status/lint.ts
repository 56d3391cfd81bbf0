/**
 * Checks `gantry lint` adds to the loader's: what the schema cannot know because it depends on
 * what this gantry build has, the promotion steps and the verification providers. Each problem
 * points at the file, line and field, like the loader's own.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { Project } from '../pipeline/index.js';
import { sourceOf } from '../pipeline/parse.js';
import { problemAt, tidyProblems, type SourceFile } from '../pipeline/source.js';
import type { StepRegistry } from '../promotion/steps/engine.js';
import type { Problem } from '../util/errors.js';
import { didYouMean } from '../util/suggest.js';
import { strictProblems } from './lint-strict.js';
import { checkMetricConfigs, type ProviderRegistry } from '../verification/analysis.js';

/**
 * Kargo steps gantry has no equivalent for, with why and what to write instead: a team moving
 * over reads this from lint rather than "unknown step".
 */
const KARGO_ONLY_STEPS: Readonly<Record<string, string>> = {
  'send-message':
    "send-message posts through a Kargo MessageChannel, a resource in Kargo's cluster that gantry does not have: post to the chat's API with an http step (Slack: POST https://slack.com/api/chat.postMessage with Authorization: Bearer ${{ secret('slack').token }})",
};

export function runtimeProblems(
  files: readonly { file: string; text: string }[],
  projects: readonly Project[],
  steps: StepRegistry,
  providers: ProviderRegistry,
): Problem[] {
  const problems: Problem[] = [];
  for (const project of projects) {
    const text = files.find((f) => f.file === project.file)?.text;
    if (text === undefined) continue;
    // A project read from Kargo's manifests carries the map back to them.
    const loaded = sourceOf(project);
    const lineCounter = new LineCounter();
    const src: SourceFile = loaded?.redirect
      ? loaded
      : { file: project.file, doc: parseDocument(text, { lineCounter, merge: true }), lineCounter };
    const known = [...steps.keys()].sort();
    problems.push(...strictProblems(src, text, project, steps));
    project.stages.forEach((stage, i) => {
      stage.promotionTemplate.steps.forEach((step, j) => {
        if (steps.has(step.uses)) return;
        problems.push(
          problemAt(
            src,
            [...(step.source ?? ['stages', i, 'promotionTemplate', 'steps', j]), 'uses'],
            KARGO_ONLY_STEPS[step.uses] ??
              `unknown step ${JSON.stringify(step.uses)}${didYouMean(step.uses, known)}; gantry has ${known.join(', ')}`,
          ),
        );
      });
      stage.verification.forEach((metric, k) => {
        for (const message of checkMetricConfigs([metric], providers)) {
          problems.push(problemAt(src, ['stages', i, 'verification', k, 'provider'], message));
        }
      });
    });
  }
  return tidyProblems(problems);
}
