/**
 * Kargo's `fail` step: ends the promotion as failed, with `message` when one is given. Meant to
 * run under an `if:` that detects a condition the promotion must not go past.
 */
import { OperationError } from '../../util/errors.js';
import { fieldError } from './config-check.js';
import { checkFields } from './engine.js';
import type { StepDefinition } from './types.js';

const STEP = 'fail';

export const fail: StepDefinition = {
  name: STEP,
  schema: {
    type: 'object',
    description: 'Fails the promotion, with `message` when one is given (put it under an `if:`).',
    additionalProperties: false,
    properties: {
      message: { type: 'string', minLength: 1, description: 'What the failure says.' },
    },
  },
  // async: a bad config rejects like the failure itself, never throws synchronously.
  async run(config) {
    checkFields(STEP, config, ['message']);
    const message = config['message'];
    if (message !== undefined && message !== null && typeof message !== 'string') {
      fieldError(STEP, 'config.message', `must be a string, got ${JSON.stringify(message)}`);
    }
    // Kargo's wording: "failed", or "failed: <message>".
    const text = typeof message === 'string' && message !== '' ? `failed: ${message}` : 'failed';
    await Promise.resolve();
    throw new OperationError(`${STEP}: ${text}`);
  },
};
