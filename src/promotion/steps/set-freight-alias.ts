/**
 * Kargo's `set-freight-alias` step: gives freight a new alias. The freight's tag is immutable, so
 * the new alias is a record of its own, newest wins (src/state/freight-notes.ts); as in Kargo, an
 * alias another freight of the project holds is refused.
 */
import { ConfigError } from '../../util/errors.js';
import { requireField } from './config-check.js';
import { checkFields } from './engine.js';
import { nonEmpty } from './schema-parts.js';
import type { StepDefinition } from './types.js';

const STEP = 'set-freight-alias';

export const setFreightAlias: StepDefinition = {
  name: STEP,
  schema: {
    type: 'object',
    description:
      'Gives freight a new alias, unique in the project (`gantry get freight` and `--freight <alias>` use it); recorded once the promotion is pushed, beside the freight tag, which never changes.',
    additionalProperties: false,
    required: ['name', 'alias'],
    properties: {
      name: nonEmpty('The freight ID (`${{ ctx.targetFreight.name }}`).'),
      alias: nonEmpty(
        'The new alias: at most 63 letters, digits, `-`, `_` or `.`, starting and ending with a letter or digit (a Kubernetes label value, as in Kargo).',
      ),
    },
  },
  async run(config, ctx) {
    checkFields(STEP, config, ['name', 'alias']);
    const name = requireField(STEP, config['name'], 'config.name');
    const alias = requireField(STEP, config['alias'], 'config.alias');
    if (!ctx.notes) {
      throw new ConfigError(`${STEP}: runs in a promotion only (it records into gantry's state)`);
    }
    const { previous } = ctx.notes.setFreightAlias(name, alias);
    await Promise.resolve();
    // Kargo's message.
    ctx.log(
      `${STEP}: updated alias of freight ${name.slice(0, 7)} from "${previous}" to "${alias}"`,
    );
    return {};
  },
};
