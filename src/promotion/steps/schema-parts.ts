/**
 * Pieces of the step schemas. Each field carries a `description`: `npm run docs` writes the step
 * reference (docs/reference/steps.md) from them.
 */

/** A non-empty string. */
export const nonEmpty = (description: string) =>
  ({ type: 'string', minLength: 1, description }) as const;

export const text = (description: string) => ({ type: 'string', description }) as const;

export const flag = (description: string) => ({ type: 'boolean', description }) as const;

/** A freight origin, as `fromOrigin` takes it: `{kind: Warehouse, name}`. */
export const originSchema = (description: string) => ({
  type: 'object',
  description,
  additionalProperties: false,
  required: ['kind', 'name'],
  properties: {
    kind: { enum: ['Warehouse'], description: 'Always `Warehouse`.' },
    name: nonEmpty('The warehouse name.'),
  },
});

/** Kargo's git providers (git-push, git-open-pr, git-wait-for-pr). */
export const providerSchema = {
  enum: ['azure', 'bitbucket', 'gitea', 'github', 'gitlab'],
  description: "Kargo's; gantry uses the repository's own host.",
};

/** A field of Kargo's that gantry accepts and does not act on (the git steps). */
export const KARGO_ONLY = "Kargo's; accepted, not used by gantry.";
