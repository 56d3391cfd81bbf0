/**
 * Kargo's `argocd-wait` step, through Argo CD's API: waits until Applications (by `name`, or by a
 * label `selector` listed when the step runs) meet the conditions of `waitFor` — `health`
 * (Healthy), `suspended`, `degraded` (any one of the health conditions given), and `sync`
 * (Synced) and `operation` (none in progress), which must all hold; default
 * `[health, sync, operation]`. It changes nothing, so unlike argocd-update it needs no
 * authorized-stage annotation. As in Kargo, an app waited on for `health` that turns Degraded
 * after being seen neither Degraded nor Unknown fails the step at once.
 *
 * The engine asks again every 5 s until the step's `retry.timeout` (default 5 minutes, as
 * argocd-update). Output: `apps`, the `{name, namespace}` of each app waited for (Kargo's).
 */
import { OperationError, errorMessage } from '../../util/errors.js';
import {
  getApplication,
  scrub,
  type Application,
  type ArgoCDAppRef,
} from '../../verification/providers/argocd.js';
import {
  ARGOCD_UPDATE_POLL_MS,
  ARGOCD_UPDATE_TIMEOUT_MS,
  connection,
  listApplications,
  selectorText,
  type Conn,
} from './argocd-update.js';
import { fieldError, isRecord, onlyKeys } from './config-check.js';
import { nonEmpty } from './schema-parts.js';
import { StepPendingError, type StepDefinition } from './types.js';

const STEP = 'argocd-wait';
const CONDITIONS = ['health', 'sync', 'operation', 'suspended', 'degraded'] as const;
type Condition = (typeof CONDITIONS)[number];
const HEALTH: Partial<Record<Condition, string>> = {
  health: 'Healthy',
  suspended: 'Suspended',
  degraded: 'Degraded',
};

interface WaitEntry {
  name?: string;
  selector?: string;
  namespace?: string;
  waitFor: Condition[];
}

export function parseArgoCDWaitConfig(config: Record<string, unknown>): WaitEntry[] {
  onlyKeys(STEP, config, ['apps'], 'config.');
  const apps = config['apps'];
  if (!Array.isArray(apps) || !apps.length) {
    fieldError(STEP, 'config.apps', 'must list at least one application');
  }
  return apps.map((raw, i) => {
    const at = `config.apps[${i}]`;
    if (!isRecord(raw)) fieldError(STEP, at, 'must be a map with name or selector');
    onlyKeys(STEP, raw, ['name', 'namespace', 'selector', 'waitFor'], `${at}.`);
    const name = raw['name'];
    const hasName = typeof name === 'string' && name !== '';
    if (hasName === (raw['selector'] !== undefined && raw['selector'] !== null)) {
      fieldError(STEP, at, 'needs one of name or selector (not both)');
    }
    const ns = raw['namespace'];
    if (ns !== undefined && (typeof ns !== 'string' || !ns)) {
      fieldError(STEP, `${at}.namespace`, 'must be a namespace name');
    }
    const waitFor = raw['waitFor'] ?? ['health', 'sync', 'operation'];
    if (
      !Array.isArray(waitFor) ||
      !waitFor.length ||
      waitFor.some((c) => !CONDITIONS.includes(c as Condition)) ||
      new Set(waitFor).size !== waitFor.length
    ) {
      fieldError(
        STEP,
        `${at}.waitFor`,
        `must be a list of distinct conditions among ${CONDITIONS.join(', ')}`,
      );
    }
    return {
      ...(hasName ? { name } : { selector: selectorText(raw['selector'], `${at}.selector`) }),
      ...(typeof ns === 'string' ? { namespace: ns } : {}),
      waitFor: waitFor as Condition[],
    };
  });
}

/** What keeps the app from meeting `waitFor`, or undefined when it meets it. */
function unmet(app: Application, waitFor: readonly Condition[]): string | undefined {
  const health = app.status?.health?.status ?? 'Unknown';
  const wanted = waitFor.flatMap((c) => (HEALTH[c] ? [HEALTH[c]] : []));
  if (wanted.length && !wanted.includes(health)) {
    return `health is ${health}, waiting for ${wanted.join(' or ')}`;
  }
  const sync = app.status?.sync?.status ?? 'Unknown';
  if (waitFor.includes('sync') && sync !== 'Synced') return `sync status is ${sync}`;
  const phase = app.status?.operationState?.phase;
  if (
    waitFor.includes('operation') &&
    (app.operation !== undefined || phase === 'Running' || phase === 'Terminating')
  ) {
    return `an operation is ${app.operation !== undefined ? 'requested' : 'running'}`;
  }
  return undefined;
}

/** Health first seen per promotion and app: a turn to Degraded during the wait fails it. */
const firstSeen = new Map<string, string>();

export const argocdWait: StepDefinition = {
  name: STEP,
  defaultTimeoutMs: ARGOCD_UPDATE_TIMEOUT_MS,
  schema: {
    type: 'object',
    description:
      "Waits until Argo CD Applications meet `waitFor` (default health, sync and operation), through Argo CD's API (default `retry.timeout` 5m). Changes nothing; needs no authorized-stage annotation. Output `apps`.",
    additionalProperties: false,
    required: ['apps'],
    properties: {
      apps: {
        type: 'array',
        minItems: 1,
        description: 'The Applications to wait for, by name or by label selector.',
        items: {
          type: 'object',
          additionalProperties: false,
          oneOf: [{ required: ['name'] }, { required: ['selector'] }],
          errorMessage: 'needs name or selector (one of them, as in Kargo)',
          properties: {
            name: nonEmpty('The Application name (or give `selector`).'),
            namespace: nonEmpty("The Application's namespace; default: the Argo CD server's own."),
            selector: {
              type: 'object',
              description:
                "Kubernetes' label selector (`matchLabels`, `matchExpressions`), as argocd-update's.",
            },
            waitFor: {
              type: 'array',
              items: { enum: [...CONDITIONS] },
              description:
                'health, suspended, degraded (any one of those given) and sync, operation (all given); default [health, sync, operation].',
            },
          },
        },
      },
    },
  },
  async run(config, ctx) {
    const entries = parseArgoCDWaitConfig(config);
    const { server, token } = connection(ctx);
    const c: Conn = { server, token, fetch: ctx.fetch };
    const apps: { ref: ArgoCDAppRef; waitFor: Condition[] }[] = [];
    for (const e of entries) {
      if (e.name !== undefined) {
        apps.push({
          ref: { name: e.name, ...(e.namespace ? { namespace: e.namespace } : {}) },
          waitFor: e.waitFor,
        });
        continue;
      }
      const found = await listApplications(c, e.selector ?? '', e.namespace);
      if (!found.length) {
        throw new OperationError(
          `${STEP}: no Argo CD Application matches the selector ${e.selector ?? ''}${e.namespace ? ` in namespace ${e.namespace}` : ''}`,
        );
      }
      for (const a of found) {
        const name = a.metadata?.name;
        if (!name) continue;
        const namespace = a.metadata?.namespace;
        apps.push({ ref: { name, ...(namespace ? { namespace } : {}) }, waitFor: e.waitFor });
      }
    }
    const waiting: string[] = [];
    const out: { name: string; namespace: string }[] = [];
    const never = new AbortController().signal;
    for (const { ref, waitFor } of apps) {
      let app: Application;
      try {
        app = await getApplication(
          { fetch: c.fetch, signal: never },
          { requestTimeoutMs: 10_000 },
          c.server,
          c.token,
          ref,
          undefined,
        );
      } catch (err) {
        throw new OperationError(scrub(errorMessage(err), [c.token]));
      }
      const namespace = app.metadata?.namespace ?? ref.namespace ?? '';
      const label = `${namespace ? `${namespace}/` : ''}${ref.name}`;
      const health = app.status?.health?.status ?? 'Unknown';
      const key = `${ctx.promotion ?? ''}#${ctx.index}#${label}`;
      const seen = firstSeen.get(key);
      if (seen === undefined) firstSeen.set(key, health);
      if (
        waitFor.includes('health') &&
        !waitFor.includes('degraded') &&
        health === 'Degraded' &&
        seen !== undefined &&
        seen !== 'Degraded' &&
        seen !== 'Unknown'
      ) {
        throw new OperationError(
          `${STEP}: Argo CD Application ${label} turned Degraded while waited for${app.status?.health?.message ? `: ${app.status.health.message}` : ''}`,
        );
      }
      const why = unmet(app, waitFor);
      if (why) waiting.push(`${label}: ${why}`);
      out.push({ name: ref.name, namespace });
    }
    if (waiting.length) {
      if (ctx.dryRun) {
        ctx.log(`${STEP}: dry run: would wait for ${waiting.join('; ')}`);
        return { outputs: { apps: out } };
      }
      throw new StepPendingError(
        scrub(`${STEP}: ${waiting.join('; ')}`, [token]),
        ARGOCD_UPDATE_POLL_MS,
      );
    }
    for (const a of out) ctx.log(`${STEP}: ${a.namespace}/${a.name}: ready`);
    return { outputs: { apps: out } };
  },
};
