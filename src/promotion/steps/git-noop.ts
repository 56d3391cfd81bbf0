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
import { KARGO_ONLY, nonEmpty, providerSchema, text } from './schema-parts.js';
import type { StepDefinition, StepResult } from './types.js';

const WHAT: Readonly<Record<string, string>> = {
  'git-clone': 'gantry checks out the stage branch itself',
  'git-commit': 'gantry commits the promotion itself',
  'git-push': 'gantry pushes the promotion itself',
  'git-open-pr': 'gantry opens the pull request itself in pull-request mode',
  'git-wait-for-pr': 'gantry tracks the pull request itself in pull-request mode',
};

const kargoString = { type: 'string', description: KARGO_ONLY } as const;
const kargoFlag = { type: 'boolean', description: KARGO_ONLY } as const;

const AUTHOR = {
  type: 'object',
  description: KARGO_ONLY,
  additionalProperties: false,
  properties: { name: kargoString, email: kargoString, signingKey: kargoString },
};

/**
 * Kargo's field names for each step (its schemas under pkg/promotion/runner/builtin/schemas), so
 * that a misspelt field is caught even though gantry does not act on it. Nothing is required:
 * gantry needs none of these fields.
 */
const SCHEMAS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'git-clone': {
    repoURL: kargoString,
    insecureSkipTLSVerify: kargoFlag,
    recurseSubmodules: kargoFlag,
    author: AUTHOR,
    checkout: {
      type: 'array',
      description: "The checkouts; gantry maps the one checkout's `path` onto the stage's branch.",
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['path'],
        properties: {
          as: kargoString,
          branch: kargoString,
          commit: kargoString,
          tag: kargoString,
          create: kargoFlag,
          path: nonEmpty('Where later steps find the checkout (`./out`).'),
          sparse: { type: 'array', items: nonEmpty('A directory.'), description: KARGO_ONLY },
        },
      },
    },
  },
  'git-commit': {
    path: kargoString,
    message: text("Goes into the promotion commit's body, after the version changes."),
    messageFromSteps: {
      type: 'array',
      items: nonEmpty('A step alias.'),
      description: 'Aliases of steps whose `commitMessage` outputs make the message.',
    },
    author: AUTHOR,
  },
  'git-push': {
    path: kargoString,
    targetBranch: kargoString,
    generateTargetBranch: kargoFlag,
    maxAttempts: { type: 'integer', minimum: 1, description: KARGO_ONLY },
    forcePush: kargoFlag,
    provider: providerSchema,
  },
  'git-open-pr': {
    repoURL: kargoString,
    sourceBranch: kargoString,
    targetBranch: kargoString,
    createTargetBranch: kargoFlag,
    title: kargoString,
    description: kargoString,
    labels: { type: 'array', items: nonEmpty('A label.'), description: KARGO_ONLY },
    provider: providerSchema,
    insecureSkipTLSVerify: kargoFlag,
  },
  'git-wait-for-pr': {
    repoURL: kargoString,
    prNumber: { type: 'integer', minimum: 1, description: KARGO_ONLY },
    provider: providerSchema,
    insecureSkipTLSVerify: kargoFlag,
    pollInterval: kargoString,
  },
};

function noop(name: string): StepDefinition {
  return {
    name,
    schema: {
      type: 'object',
      description: `Accepted so that Kargo templates run: ${WHAT[name] ?? 'gantry handles git itself'}.`,
      additionalProperties: false,
      properties: SCHEMAS[name] ?? {},
    },
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
