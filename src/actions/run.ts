import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from './runner.js';
import { ConfigError, errorMessage, formatProblem, type Problem } from '../util/errors.js';
import { readCommand, readSettings, type ActionSettings, type RunnerContext } from './settings.js';
import { Input, type ActionName } from './constants.js';
import { maskBasic, maskToken } from './mask.js';

/**
 * Each action's work is loaded once its inputs have been read: an input mistake is reported
 * without loading the engine, and an action loads only its own part.
 */
async function execute(settings: ActionSettings, ctx: RunnerContext): Promise<void> {
  switch (settings.action) {
    case 'discover':
      return (await import('./discover-action.js')).discoverAction(settings, ctx);
    case 'approve':
      return (await import('./approve-action.js')).approveAction(settings, ctx);
    case 'promote':
      return (await import('./promote-action.js')).promoteAction(settings, ctx);
    case 'verify':
      return (await import('./verify-action.js')).verifyAction(settings, ctx);
    case 'environment':
      return (await import('./environment-action.js')).environmentAction(settings, ctx);
    case 'assemble':
      return (await import('./assemble-action.js')).assembleAction(settings, ctx);
  }
}

/**
 * The whole of an action: read every input into typed settings (failing before any work when one
 * is wrong), call the core, write outputs and the job summary. One try/catch turns any error
 * into a failed step with a message that says what to fix.
 */
export async function runAction(action: ActionName | 'root'): Promise<void> {
  // "invalid input" only for what the inputs said; a project file's problem is named as it is.
  let readingInputs = true;
  try {
    const read = (name: string) => core.getInput(name);
    const env = process.env;
    const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
    const ctx: RunnerContext = {
      serverUrl,
      repository: env.GITHUB_REPOSITORY || undefined,
      apiUrl: env.GITHUB_API_URL || undefined,
      runUrl:
        env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
          ? `${serverUrl}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
          : undefined,
      runId: /^\d+$/.test(env.GITHUB_RUN_ID ?? '') ? Number(env.GITHUB_RUN_ID) : undefined,
      sha: /^[0-9a-f]{40}$/.test(env.GITHUB_SHA ?? '') ? env.GITHUB_SHA : undefined,
      // On pull_request events GITHUB_REF_NAME is `<n>/merge`; the branch the workflow file is on,
      // where a dispatch must start it, is the pull request's base.
      refBranch: env.GITHUB_EVENT_NAME?.startsWith('pull_request')
        ? env.GITHUB_BASE_REF || undefined
        : env.GITHUB_REF_TYPE === 'branch'
          ? env.GITHUB_REF_NAME || undefined
          : undefined,
      tempDir: env.RUNNER_TEMP || tmpdir(),
      dockerConfigPath: join(
        env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker'),
        'config.json',
      ),
      actor: env.GITHUB_ACTOR || undefined,
      env,
    };
    // Secrets are masked before anything else runs, so that no message, not even a validation
    // error, shows them.
    const token = read(Input.token).trim();
    if (token) maskToken(token);
    const name = action === 'root' ? readCommand(read) : action;
    if (name === 'promote') {
      const argocdToken = read(Input.argocdToken).trim();
      if (argocdToken) maskToken(argocdToken);
    }
    if (name === 'discover' || name === 'assemble') {
      for (const line of read(Input.registryCredentials).split(/\r?\n/)) {
        const m = /^[^=]+=([^:]+):(.+)$/.exec(line.trim());
        if (m?.[1] && m[2]) maskBasic(m[1].trim(), m[2]);
      }
    }
    const settings = readSettings(name, read, ctx);
    readingInputs = false;
    core.info(
      `gantry ${name}: repository ${settings.repositoryUrl}${settings.project ? `, project ${settings.project}` : ''}`,
    );
    await execute(settings, ctx);
  } catch (err) {
    if (err instanceof ConfigError && err.problems.length) {
      annotate(err.problems);
      const n = err.problems.length;
      const where =
        n === 1
          ? '1 problem, shown on its file above'
          : `${n} problems, each shown on its file above`;
      core.setFailed(`${headline(err).replace(/:$/, '')}: ${where}`);
      return;
    }
    const prefix = err instanceof ConfigError && readingInputs ? 'invalid input: ' : '';
    core.setFailed(`${prefix}${errorMessage(err)}`);
  }
}

/**
 * Each project-file problem as an error annotation on its file, line and column: a pull request
 * that breaks a project file shows the problem on the line that broke it.
 */
function annotate(problems: readonly Problem[]): void {
  for (const p of problems) {
    core.error(p.path ? `${p.path}: ${p.message}` : p.message, {
      title: 'gantry project file',
      file: p.file,
      startLine: p.line,
      startColumn: p.column,
    });
  }
}

/** A ConfigError's message without the problem lines its constructor appended. */
function headline(err: ConfigError): string {
  const appended = `\n${err.problems.map(formatProblem).join('\n')}`;
  return err.message.endsWith(appended)
    ? err.message.slice(0, -appended.length)
    : (err.message.split('\n')[0] ?? '');
}
