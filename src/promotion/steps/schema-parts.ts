/** Pieces several step schemas share. */

export const NON_EMPTY = { type: 'string', minLength: 1 } as const;

/** A freight origin, as `fromOrigin` takes it: `{kind: Warehouse, name}`. */
export const ORIGIN_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'name'],
  properties: { kind: { enum: ['Warehouse'] }, name: { type: 'string', minLength: 1 } },
};

/** Kargo's git providers (git-push, git-open-pr, git-wait-for-pr). */
export const PROVIDER_SCHEMA = { enum: ['azure', 'bitbucket', 'gitea', 'github', 'gitlab'] };
