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
import { NON_EMPTY, PROVIDER_SCHEMA } from './schema-parts.js';
import type { StepDefinition, StepResult } from './types.js';

const WHAT: Readonly<Record<string, string>> = {
  'git-clone': 'gantry checks out the stage branch itself',
  'git-commit': 'gantry commits the promotion itself',
  'git-push': 'gantry pushes the promotion itself',
  'git-open-pr': 'gantry opens the pull request itself in pull-request mode',
  'git-wait-for-pr': 'gantry tracks the pull request itself in pull-request mode',
};

const BRANCH_CHECKOUT = {
  type: 'object',
  additionalProperties: false,
  required: ['path'],
  properties: {
    as: { type: 'string' },
    branch: { type: 'string' },
    commit: { type: 'string' },
    tag: { type: 'string' },
    create: { type: 'boolean' },
    path: NON_EMPTY,
    sparse: { type: 'array', items: NON_EMPTY },
  },
};

/**
 * Kargo's field names for each step (its schemas under pkg/promotion/runner/builtin/schemas), so
 * that a misspelt field is caught even though gantry does not act on it. Nothing is required:
 * gantry needs none of these fields.
 */
const SCHEMAS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'git-clone': {
    repoURL: NON_EMPTY,
    insecureSkipTLSVerify: { type: 'boolean' },
    recurseSubmodules: { type: 'boolean' },
    author: {
      type: 'object',
      additionalProperties: false,
      properties: {
        name: { type: 'string' },
        email: { type: 'string' },
        signingKey: { type: 'string' },
      },
    },
    checkout: { type: 'array', items: BRANCH_CHECKOUT },
  },
  'git-commit': {
    path: NON_EMPTY,
    message: { type: 'string' },
    messageFromSteps: { type: 'array', items: NON_EMPTY },
    author: {
      type: 'object',
      additionalProperties: false,
      properties: {
        name: { type: 'string' },
        email: { type: 'string' },
        signingKey: { type: 'string' },
      },
    },
  },
  'git-push': {
    path: NON_EMPTY,
    targetBranch: { type: 'string' },
    generateTargetBranch: { type: 'boolean' },
    maxAttempts: { type: 'integer', minimum: 1 },
    forcePush: { type: 'boolean' },
    provider: PROVIDER_SCHEMA,
  },
  'git-open-pr': {
    repoURL: NON_EMPTY,
    sourceBranch: { type: 'string' },
    targetBranch: { type: 'string' },
    createTargetBranch: { type: 'boolean' },
    title: { type: 'string' },
    description: { type: 'string' },
    labels: { type: 'array', items: NON_EMPTY },
    provider: PROVIDER_SCHEMA,
    insecureSkipTLSVerify: { type: 'boolean' },
  },
  'git-wait-for-pr': {
    repoURL: NON_EMPTY,
    prNumber: { type: 'integer', minimum: 1 },
    provider: PROVIDER_SCHEMA,
    insecureSkipTLSVerify: { type: 'boolean' },
    pollInterval: { type: 'string' },
  },
};

function noop(name: string): StepDefinition {
  return {
    name,
    schema: { type: 'object', additionalProperties: false, properties: SCHEMAS[name] ?? {} },
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
