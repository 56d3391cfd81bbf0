/**
 * The JSON schemas of Kargo's manifests as gantry reads them (./kargo.ts), and of the gantry file
 * that points at them. Data only: scripts/gen-validators.ts compiles them ahead of time into
 * ./generated/kargo-validators.js.
 */

/**
 * The gantry file's schema. Kept here rather than in schema/project.schema.json: it is a
 * different file (a pointer and overrides), and the project file's editor schema stays exact.
 */
export const SIDE_SCHEMA = {
  type: 'object',
  required: ['kargo'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    kargo: {
      type: 'string',
      minLength: 1,
      pattern: '^(?!/)(?!.*(^|/)\\.\\.(/|$)).*$',
      patternErrorMessage:
        'must be a directory relative to the repository root, without ".." (e.g. kargo)',
    },
    project: {
      type: 'string',
      pattern: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$',
      patternErrorMessage: 'must be a Kargo Project name (a lowercase DNS-1123 label)',
    },
    stages: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          environment: { type: 'string', minLength: 1 },
          environmentUrl: { type: 'string', minLength: 1 },
          branch: { type: 'string', minLength: 1 },
          mode: { enum: ['direct', 'pull-request'] },
        },
      },
    },
  },
} as const;

const NOT_IN_GANTRY = (message: string) => ({ not: {}, errorMessage: message });

/**
 * A field gantry accepts and does nothing with, and why: the schema lets it through, and
 * `gantry lint --kargo` lists it with its reason (the same table, so the two cannot disagree).
 */
export const IGNORED_KEY = 'x-gantry-ignored';
const IGNORED = (reason: string) => ({ [IGNORED_KEY]: reason });
const SHARD = 'Kargo’s controller shards; gantry runs in your workflows';

/** Subscription hints gantry drops, and why (it resolves digests on every discovery, and its
 * clones are always blob-less). */
export const DROPPED_SUBSCRIPTION_FIELDS: Readonly<
  Record<'image' | 'git' | 'chart', Record<string, string>>
> = {
  image: { cacheByTag: 'gantry resolves the digest of a tag on every discovery' },
  git: { blobless: 'gantry’s clones are always blob-less' },
  chart: {},
};

const metadata = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1 },
    namespace: { type: 'string' },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    annotations: { type: 'object' },
  },
};

const exprVars = {
  type: 'array',
  items: {
    type: 'object',
    required: ['name'],
    additionalProperties: false,
    properties: { name: { type: 'string' }, value: { type: 'string' } },
  },
};

/**
 * The envelope of each kind: Kargo's fields down to where the project file's schema takes over
 * (subscriptions, freight requests, steps and metrics are validated there, after mapping).
 * Fields gantry reads nothing from are allowed; fields it cannot honour are refused by name.
 */
function envelope(spec: object, specRequired = true): object {
  return {
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata', ...(specRequired ? ['spec'] : [])],
    additionalProperties: false,
    properties: {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata,
      spec,
      status: {},
    },
  };
}

export const SCHEMAS: Readonly<Record<string, object>> = {
  Project: envelope(
    {
      type: 'object',
      additionalProperties: false,
      properties: { promotionPolicies: { type: 'array' } },
    },
    false,
  ),
  ProjectConfig: envelope(
    {
      type: 'object',
      additionalProperties: false,
      properties: {
        promotionPolicies: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            properties: {
              stage: { type: 'string', minLength: 1 },
              stageSelector: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  name: { type: 'string', minLength: 1 },
                  matchLabels: { type: 'object', additionalProperties: { type: 'string' } },
                  matchExpressions: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['key', 'operator'],
                      additionalProperties: false,
                      properties: {
                        key: { type: 'string' },
                        operator: { enum: ['In', 'NotIn', 'Exists', 'DoesNotExist'] },
                        values: { type: 'array', items: { type: 'string' } },
                      },
                    },
                  },
                },
              },
              autoPromotionEnabled: { type: 'boolean' },
              autoRollback: NOT_IN_GANTRY(
                'gantry has no automatic rollback: promote the earlier freight again (gantry promote --freight)',
              ),
            },
          },
        },
        // Kargo-side configuration with no bearing on what gantry does: webhooks become a
        // repository_dispatch ping, links and windows have no equivalent (docs/kargo.md).
        webhookReceivers: IGNORED(
          'Kargo-side webhooks: run the discover workflow on a repository_dispatch or a schedule instead',
        ),
        freightLinks: IGNORED('links in Kargo’s UI; gantry’s job summaries link freight and runs'),
        stageLinks: IGNORED('links in Kargo’s UI; a stage’s environmentUrl (gantry file) links it'),
        promotionWindows: IGNORED(
          'no promotion windows: gate the stage’s GitHub environment (wait timer, reviewers, branch rules)',
        ),
      },
    },
    false,
  ),
  Warehouse: envelope({
    type: 'object',
    required: ['subscriptions'],
    additionalProperties: false,
    properties: {
      shard: IGNORED(SHARD),
      interval: {},
      freightCreationPolicy: {},
      subscriptions: { type: 'array', items: { type: 'object' } },
      freightCreationCriteria: {},
    },
  }),
  Stage: envelope({
    type: 'object',
    required: ['requestedFreight'],
    additionalProperties: false,
    properties: {
      shard: IGNORED(SHARD),
      vars: exprVars,
      requestedFreight: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            sources: {
              type: 'object',
              properties: {
                autoPromotionOptions: {
                  type: 'object',
                  additionalProperties: false,
                  properties: { selectionPolicy: { enum: ['NewestFreight', 'MatchUpstream'] } },
                },
              },
            },
          },
        },
      },
      promotionTemplate: {
        type: 'object',
        required: ['spec'],
        additionalProperties: false,
        properties: {
          spec: {
            type: 'object',
            additionalProperties: false,
            properties: { vars: exprVars, steps: { type: 'array' } },
          },
        },
      },
      verification: {
        type: 'object',
        additionalProperties: false,
        properties: {
          analysisTemplates: {
            type: 'array',
            items: {
              type: 'object',
              required: ['name'],
              additionalProperties: false,
              properties: {
                name: { type: 'string', minLength: 1 },
                kind: { enum: ['AnalysisTemplate', 'ClusterAnalysisTemplate'] },
              },
            },
          },
          args: exprVars,
          analysisRunMetadata: IGNORED(
            'labels and annotations of the AnalysisRun Kargo creates; gantry records verifications as tags',
          ),
        },
      },
      targets: NOT_IN_GANTRY(
        'targets select Kubernetes objects by label; gantry has no cluster: name the Argo CD applications in argocd-update',
      ),
    },
  }),
  PromotionTask: envelope({
    type: 'object',
    required: ['steps'],
    additionalProperties: false,
    properties: { vars: { type: 'array' }, steps: { type: 'array' } },
  }),
  AnalysisTemplate: envelope({
    type: 'object',
    required: ['metrics'],
    additionalProperties: false,
    properties: {
      args: {
        type: 'array',
        items: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', minLength: 1 },
            value: { type: 'string' },
            valueFrom: { type: 'object' },
          },
        },
      },
      metrics: { type: 'array', minItems: 1, items: { type: 'object' } },
      dryRun: NOT_IN_GANTRY('gantry has no dry-run metrics: remove dryRun'),
      measurementRetention: IGNORED(
        'gantry keeps every measurement of a run in the verify job’s summary',
      ),
    },
  }),
};
