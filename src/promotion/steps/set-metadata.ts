/**
 * Kargo's `set-metadata` step: key/value pairs on the Stage or on Freight, which later steps and
 * later promotions read with `stageMetadata()` and `freightMetadata()`. Each update sets its keys
 * (a key set again is replaced, others stay). Where gantry keeps them: src/promotion/notes.ts.
 */
import { ConfigError } from '../../util/errors.js';
import { fieldError, isRecord, onlyKeys, requireField } from './config-check.js';
import { checkFields } from './engine.js';
import { nonEmpty } from './schema-parts.js';
import type { StepDefinition } from './types.js';

const STEP = 'set-metadata';

/** Bytes of JSON one update may hold: each is read again by every later command of the project. */
export const MAX_METADATA_BYTES = 64 * 1024;

export const setMetadata: StepDefinition = {
  name: STEP,
  schema: {
    type: 'object',
    description:
      "Sets metadata on the stage being promoted (kept in its state file) or on freight (a new record beside its tag); `stageMetadata()` and `freightMetadata()` read it in later steps and promotions. A stage's metadata can only be set by its own promotions.",
    additionalProperties: false,
    required: ['updates'],
    properties: {
      updates: {
        type: 'array',
        minItems: 1,
        description: 'The updates, applied in order.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['kind', 'name', 'values'],
          properties: {
            kind: { enum: ['Stage', 'Freight'], description: 'What the metadata is set on.' },
            name: nonEmpty(
              'The stage (the one being promoted: `${{ ctx.stage }}`) or the freight ID (`${{ ctx.targetFreight.name }}`).',
            ),
            values: {
              type: 'object',
              minProperties: 1,
              description:
                'Keys to set, each to any JSON value (string, number, boolean, list, map, null); other keys keep their values.',
            },
          },
        },
      },
    },
  },
  async run(config, ctx) {
    checkFields(STEP, config, ['updates']);
    const updates = config['updates'];
    if (!Array.isArray(updates) || updates.length === 0) {
      fieldError(STEP, 'config.updates', 'must be a list of at least one {kind, name, values}');
    }
    const parsed = updates.map((u: unknown, i) => {
      const at = `config.updates[${i}]`;
      if (!isRecord(u)) fieldError(STEP, at, 'must be a map with kind, name and values');
      onlyKeys(STEP, u, ['kind', 'name', 'values'], `${at}.`);
      const kind = u['kind'];
      if (kind !== 'Stage' && kind !== 'Freight') {
        fieldError(STEP, `${at}.kind`, `must be Stage or Freight, got ${JSON.stringify(kind)}`);
      }
      const name = requireField(STEP, u['name'], `${at}.name`);
      const values = u['values'];
      if (!isRecord(values) || Object.keys(values).length === 0) {
        fieldError(STEP, `${at}.values`, 'must be a map of at least one key');
      }
      if (Object.hasOwn(values, '')) fieldError(STEP, `${at}.values`, 'a key must not be empty');
      // Stored as JSON: what later reads get back is what JSON keeps (a time becomes its text).
      const json = JSON.stringify(values);
      if (Buffer.byteLength(json) > MAX_METADATA_BYTES) {
        fieldError(
          STEP,
          `${at}.values`,
          `holds ${Buffer.byteLength(json)} bytes of JSON, more than ${MAX_METADATA_BYTES}: metadata is read by every later command of the project; keep large data in a file of the repository`,
        );
      }
      return { kind, name, values: JSON.parse(json) as Record<string, unknown> };
    });
    const notes = ctx.notes;
    if (!notes) {
      throw new ConfigError(`${STEP}: runs in a promotion only (it records into gantry's state)`);
    }
    const summary: string[] = [];
    for (const u of parsed) {
      if (u.kind === 'Stage') {
        if (ctx.workspace?.stageRecorded) {
          throw new ConfigError(
            `${STEP}: stage ${u.name}: git-commit already wrote the stage's state into its checkout; gantry keeps stage metadata in that state file, so set it before the git-commit of the stage's checkout`,
          );
        }
        notes.setStageMetadata(u.name, u.values);
        summary.push(`- stage metadata: ${Object.keys(u.values).join(', ')}`);
      } else {
        notes.setFreightMetadata(u.name, u.values);
        ctx.log(
          `${STEP}: freight ${u.name.slice(0, 7)}: ${Object.keys(u.values).join(', ')} (recorded once the promotion is pushed)`,
        );
      }
    }
    await Promise.resolve();
    return { summary };
  },
};
