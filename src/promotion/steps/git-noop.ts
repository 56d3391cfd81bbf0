/**
 * Kargo's git steps (`git-clone`, `git-commit`, `git-push`, `git-open-pr`, `git-wait-for-pr`;
 * `git-clear` really clears, see git-clear.ts), accepted so that Kargo promotion templates run unchanged. gantry itself
 * checks out the stage's branch before the steps and makes one commit (pushed directly or through
 * a pull request, per the template's `mode`) after them, so these steps change nothing.
 *
 * Each logs a line saying so and adds nothing to the commit message (the note would be the same in
 * every promotion). `git-commit`'s `message` is returned as its `message` output; the engine
 * surfaces it (or the `commitMessage` outputs `messageFromSteps` names) as the commit message.
 *
 * Kargo's paths differ: its steps address a workspace holding checkouts (`./out`); the engine
 * maps the path of the template's one `git-clone` checkout to the stage's checkout (see
 * workspacePrefix in engine.ts).
 */
import type { StepDefinition, StepResult } from './types.js';

const WHAT: Readonly<Record<string, string>> = {
  'git-clone': 'gantry checks out the stage branch itself',
  'git-commit': 'gantry commits the promotion itself',
  'git-push': 'gantry pushes the promotion itself',
  'git-open-pr': 'gantry opens the pull request itself in pull-request mode',
  'git-wait-for-pr': 'gantry tracks the pull request itself in pull-request mode',
};

function noop(name: string): StepDefinition {
  return {
    name,
    run(config, ctx): Promise<StepResult> {
      const note = `${name}: accepted, no-op (${WHAT[name] ?? 'gantry handles git itself'})`;
      ctx.log(note);
      const result: StepResult = {};
      if (name === 'git-commit' && typeof config['message'] === 'string') {
        result.outputs = { message: config['message'] };
      }
      return Promise.resolve(result);
    },
  };
}

export const gitClone = noop('git-clone');
export const gitCommit = noop('git-commit');
export const gitPush = noop('git-push');
export const gitOpenPr = noop('git-open-pr');
export const gitWaitForPr = noop('git-wait-for-pr');

export const GIT_NOOP_STEPS: readonly StepDefinition[] = [
  gitClone,
  gitCommit,
  gitPush,
  gitOpenPr,
  gitWaitForPr,
];
