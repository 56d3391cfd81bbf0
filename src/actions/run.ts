import * as core from '@actions/core';
import { ConfigError, GantryError, errorMessage } from '../util/errors.js';
import { readCommand, readSettings, type ActionSettings, type RunnerContext } from './settings.js';
import type { ActionName } from './constants.js';

/** The issue that builds each action's core; until it lands the action says so and fails cleanly. */
const PENDING: Record<ActionName, string> = {
  discover: 'discovery (issue #3)',
  promote: 'promotion (issue #4)',
  verify: 'verification (issue #5)',
  approve: 'approvals (issue #4)',
};

async function execute(settings: ActionSettings): Promise<void> {
  throw new GantryError(
    `gantry ${settings.action} is not implemented yet: ${PENDING[settings.action]} builds it. ` +
      `The inputs were read and are valid; nothing was changed.`,
  );
}

/**
 * The whole of an action: read every input into typed settings (failing before any work when one
 * is wrong), call the core, write outputs and the job summary. One try/catch turns any error
 * into a failed step with a message that says what to fix.
 */
export async function runAction(action: ActionName | 'root'): Promise<void> {
  try {
    const read = (name: string) => core.getInput(name);
    const ctx: RunnerContext = {
      serverUrl: process.env.GITHUB_SERVER_URL || 'https://github.com',
      repository: process.env.GITHUB_REPOSITORY || undefined,
    };
    const name = action === 'root' ? readCommand(read) : action;
    const settings = readSettings(name, read, ctx);
    if (settings.token) core.setSecret(settings.token);
    core.info(
      `gantry ${name}: repository ${settings.repositoryUrl}${settings.project ? `, project ${settings.project}` : ''}`,
    );
    await execute(settings);
  } catch (err) {
    const prefix = err instanceof ConfigError ? 'invalid input: ' : '';
    core.setFailed(`${prefix}${errorMessage(err)}`);
  }
}
