/**
 * Kargo's `compose-output` step: every key of the (rendered) config becomes an output of the
 * step, so later steps read `outputs.<alias>.<key>`.
 */
import type { StepDefinition } from './types.js';

export const composeOutput: StepDefinition = {
  name: 'compose-output',
  // Any keys: each one is an output.
  schema: {
    type: 'object',
    description:
      'Makes each key of its config an output that later steps read as `outputs.<alias>.<key>`.',
  },
  run(config) {
    const outputs: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(config)) {
      Object.defineProperty(outputs, k, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return Promise.resolve({ outputs });
  },
};
