/**
 * Kargo's `argocd-update` step, through Argo CD's API server instead of Kubernetes: it points
 * Argo CD Applications' sources at what the promotion wants (a `targetRevision`, Kustomize
 * images, Helm parameters), asks Argo CD to sync them, and waits until the sync it started is over.
 *
 * Config (Kargo's schema): `apps[]` with `name` or `selector`, `namespace` (the Application's;
 * unset: the Argo CD server's own, `argocd` in a default install, as Kargo's controller default)
 * and `sources[]`: `repoURL` and `chart` pick the source (a chart source by both, exactly; a Git
 * source by its URL normalised), `desiredRevision` is what that source must be synced to for
 * the step (and the stage's health) to be done, `updateTargetRevision` also writes it into the
 * source's `targetRevision`, `kustomize.images[]` (`repoURL`, `tag` or `digest`, `newName`)
 * replaces the source's Kustomize images, `helm.images[]` (`key`, `value`) sets Helm parameters.
 *
 * `selector` (Kargo's: `matchLabels`, `matchExpressions` with In, NotIn, Exists, DoesNotExist)
 * picks Applications by label through Argo CD's list API (`GET /api/v1/applications?selector=`,
 * with `appNamespace` when `namespace` is given; without it, Argo CD lists every namespace it
 * serves, where Kargo lists only its default one). As in Kargo: apps that match but do not
 * authorize the stage are skipped (logged); none matching, or none authorized, fails the step;
 * with `sources`, every selected app must have the sources named, checked before any is changed.
 * The stage's health reads only apps named with a literal `name`: which apps a selector matched
 * is known to the promotion (the `apps` output), not to the template.
 *
 * Authorization (Kargo's rule): an Application is touched only if its annotation
 * `kargo.akuity.io/authorized-stage` (or gantry's alias `gantry.io/authorized-stage`) lists
 * `<project>:<stage>` (comma-separated entries); else the step fails and nothing is changed.
 * Whoever may edit the Application consents so, not whoever writes the template.
 *
 * Per app, each time the step runs (Kargo's order):
 * 1. `GET /api/v1/applications/{name}?appNamespace=`.
 * 2. Is an update needed? A sync requested and not picked up yet, or an operation running, is
 *    waited for. An operation this promotion started (its `infos` hold `gantry.io/promotion`)
 *    that finished is judged: its sync result at the desired revisions (or none asked for) ends
 *    the app with the operation's phase; another revision, or no sync result, starts a new one.
 *    Any other finished operation (or none) means: update and sync.
 * 3. Update: `PATCH /api/v1/applications/{name}` with an RFC 6902 JSON patch that tests the
 *    source(s) hold what was read and replaces them, and sets the hard-refresh annotation as
 *    Kargo does. Argo CD's update is last-writer-wins on the spec (it ignores the client's
 *    resourceVersion); the `test` op makes it a compare-and-swap: someone else's edit between
 *    the read and the write fails the patch, and the step reads again (3 tries).
 * 4. `POST /api/v1/applications/{name}/sync` (ApplicationSyncRequest) with no revision (Argo CD
 *    syncs the spec's targetRevision; an explicit one is refused when auto-sync is on) and
 *    `infos` naming the promotion. No `prune`: Kargo's operation does not prune either (an
 *    auto-synced app's own automated prune still applies to its own syncs); the retry strategy
 *    and sync options are the app's, which the API server copies from its syncPolicy. "another
 *    operation is already in progress" and "blocked by sync window" are waits, not failures.
 *
 * An operation still running leaves the step not done (StepPendingError): the engine asks again
 * every 5 s until the step's `retry.timeout`, by default Kargo's 5 minutes. A finished operation
 * that failed fails the step with Argo CD's message.
 *
 * Where Argo CD is: ARGOCD_SERVER and ARGOCD_AUTH_TOKEN in the environment the adapter passes
 * (the `argocd` provider's helpers). The token is never logged nor put in an error or output.
 *
 * A dry run reads and authorizes the apps and matches the sources, says what it would change,
 * and changes nothing.
 *
 * Output: `apps`, the `{name, namespace}` of each Application updated (Kargo's).
 */
import { ConfigError, OperationError, errorMessage } from '../../util/errors.js';
import { readText } from '../../util/http-body.js';
import {
  ARGOCD_MAX_BODY_BYTES,
  gatewayError,
  getApplication,
  resolveConnection,
  scrub,
  sourceMatches,
  type Application,
  type ArgoCDAppRef,
} from '../../verification/providers/argocd.js';
import { fieldError, isRecord, onlyKeys } from './config-check.js';
import { flag, nonEmpty, text } from './schema-parts.js';
import { StepPendingError, type StepContext, type StepDefinition } from './types.js';

const STEP = 'argocd-update';

/** Kargo's annotation, and gantry's alias for teams that do not want Kargo's name on their apps. */
export const AUTHORIZED_STAGE_ANNOTATIONS = [
  'kargo.akuity.io/authorized-stage',
  'gantry.io/authorized-stage',
] as const;

/** The `infos` entry that marks an Argo CD operation as this promotion's. */
export const PROMOTION_INFO = 'gantry.io/promotion';

const REFRESH_ANNOTATION = 'argocd.argoproj.io/refresh';

/** Kargo's default timeout of argocd-update (DefaultTimeout in its step registration). */
export const ARGOCD_UPDATE_TIMEOUT_MS = 5 * 60_000;
/** How long before the engine asks again about a sync that is still running. */
export const ARGOCD_UPDATE_POLL_MS = 5_000;
const REQUEST_TIMEOUT_MS = 10_000;
const PATCH_TRIES = 3;

interface KustomizeImage {
  repoURL: string;
  tag?: string;
  digest?: string;
  newName?: string;
}

interface SourceUpdate {
  repoURL: string;
  chart?: string;
  desiredRevision?: string;
  updateTargetRevision: boolean;
  kustomizeImages?: KustomizeImage[];
  helmImages?: { key: string; value: string }[];
}

interface AppUpdate {
  name: string;
  namespace?: string;
  sources: SourceUpdate[];
}

/** An `apps[]` entry: one Application by name, or those a label selector (as text) matches. */
export type AppEntry =
  AppUpdate | { selector: string; namespace?: string; sources: SourceUpdate[] };

/** A source of an Application's spec, as much as the step reads and writes. */
interface AppSource {
  repoURL?: string;
  chart?: string;
  targetRevision?: string;
  kustomize?: { images?: string[] } & Record<string, unknown>;
  helm?: { parameters?: { name: string; value?: string }[] } & Record<string, unknown>;
  [k: string]: unknown;
}

interface LiveApp extends Application {
  metadata?: Application['metadata'] & {
    annotations?: Record<string, string>;
    resourceVersion?: string;
  };
  spec?: { source?: AppSource; sources?: AppSource[] };
  operation?: Application['operation'] & { info?: { name?: string; value?: string }[] };
  status?: Application['status'] & {
    operationState?: NonNullable<NonNullable<Application['status']>['operationState']> & {
      operation?: { info?: { name?: string; value?: string }[] };
    };
  };
}

// --- config ---------------------------------------------------------------------------------

const K8S_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

function optString(obj: Record<string, unknown>, key: string, at: string): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') fieldError(STEP, `${at}.${key}`, 'must be a string');
  return v;
}

function reqString(obj: Record<string, unknown>, key: string, at: string): string {
  const v = optString(obj, key, at);
  if (v === undefined) fieldError(STEP, `${at}.${key}`, 'is required');
  return v;
}

function list(v: unknown, at: string, what: string): unknown[] {
  if (!Array.isArray(v) || v.length === 0) fieldError(STEP, at, `must list at least one ${what}`);
  return v;
}

function parseSource(raw: unknown, at: string): SourceUpdate {
  if (!isRecord(raw)) fieldError(STEP, at, 'must be a map with repoURL');
  onlyKeys(
    STEP,
    raw,
    ['repoURL', 'chart', 'desiredRevision', 'updateTargetRevision', 'kustomize', 'helm'],
    `${at}.`,
  );
  const repoURL = reqString(raw, 'repoURL', at);
  const chart = optString(raw, 'chart', at);
  const desiredRevision = optString(raw, 'desiredRevision', at);
  const u = raw['updateTargetRevision'];
  if (u !== undefined && u !== null && typeof u !== 'boolean') {
    fieldError(STEP, `${at}.updateTargetRevision`, 'must be true or false');
  }
  const updateTargetRevision = u === true;
  if (updateTargetRevision && desiredRevision === undefined) {
    fieldError(
      STEP,
      `${at}.updateTargetRevision`,
      'needs desiredRevision: it is what targetRevision is set to (an expression that came out empty?)',
    );
  }
  const out: SourceUpdate = {
    repoURL,
    ...(chart !== undefined && { chart }),
    ...(desiredRevision !== undefined && { desiredRevision }),
    updateTargetRevision,
  };
  const k = raw['kustomize'];
  if (k !== undefined && k !== null) {
    if (!isRecord(k)) fieldError(STEP, `${at}.kustomize`, 'must be a map with images');
    onlyKeys(STEP, k, ['images'], `${at}.kustomize.`);
    out.kustomizeImages = list(k['images'], `${at}.kustomize.images`, 'image').map((img, i) => {
      const where = `${at}.kustomize.images[${i}]`;
      if (!isRecord(img)) fieldError(STEP, where, 'must be a map with repoURL and tag or digest');
      onlyKeys(STEP, img, ['repoURL', 'tag', 'digest', 'newName'], `${where}.`);
      const tag = optString(img, 'tag', where);
      const digest = optString(img, 'digest', where);
      const newName = optString(img, 'newName', where);
      if ((tag === undefined) === (digest === undefined)) {
        fieldError(STEP, where, 'needs one of tag or digest (not both)');
      }
      return {
        repoURL: reqString(img, 'repoURL', where),
        ...(tag !== undefined && { tag }),
        ...(digest !== undefined && { digest }),
        ...(newName !== undefined && { newName }),
      };
    });
  }
  const h = raw['helm'];
  if (h !== undefined && h !== null) {
    if (!isRecord(h)) fieldError(STEP, `${at}.helm`, 'must be a map with images');
    onlyKeys(STEP, h, ['images'], `${at}.helm.`);
    out.helmImages = list(h['images'], `${at}.helm.images`, 'image').map((img, i) => {
      const where = `${at}.helm.images[${i}]`;
      if (!isRecord(img)) fieldError(STEP, where, 'must be a map with key and value');
      onlyKeys(STEP, img, ['key', 'value'], `${where}.`);
      const value = img['value'];
      // A value rendered from `${{ }}` may be a number (a chart version 2): Helm's --set takes text.
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        fieldError(STEP, `${where}.value`, 'must be a string');
      }
      return { key: reqString(img, 'key', where), value: String(value) };
    });
  }
  return out;
}

/** A label key (optional DNS prefix and `/`, then a name) or value, as Kubernetes allows them. */
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_PREFIX = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

function labelKey(v: unknown, at: string): string {
  if (typeof v !== 'string') fieldError(STEP, at, 'must be a label key (a string)');
  const slash = v.lastIndexOf('/');
  const prefix = slash < 0 ? undefined : v.slice(0, slash);
  const name = slash < 0 ? v : v.slice(slash + 1);
  if (!LABEL_NAME.test(name) || (prefix !== undefined && !LABEL_PREFIX.test(prefix))) {
    fieldError(STEP, at, `${JSON.stringify(v)} is not a label key`);
  }
  return v;
}

function labelValue(v: unknown, at: string): string {
  // A number or boolean from `${{ }}` is a label's text.
  const t = typeof v === 'number' || typeof v === 'boolean' ? String(v) : v;
  if (typeof t !== 'string' || (t !== '' && !LABEL_NAME.test(t))) {
    fieldError(STEP, at, `${JSON.stringify(v)} is not a label value`);
  }
  return t;
}

/**
 * Kargo's `selector` (a Kubernetes LabelSelector) as the label selector text Argo CD's list API
 * takes: `k=v` per matchLabels entry, `k in (a,b)`, `k notin (a,b)`, `k`, `!k` per expression.
 */
export function selectorText(raw: unknown, at: string): string {
  if (!isRecord(raw)) fieldError(STEP, at, 'must be a map with matchLabels or matchExpressions');
  onlyKeys(STEP, raw, ['matchLabels', 'matchExpressions'], `${at}.`);
  const terms: string[] = [];
  const labels = raw['matchLabels'];
  if (labels !== undefined && labels !== null) {
    if (!isRecord(labels)) fieldError(STEP, `${at}.matchLabels`, 'must be a map of label: value');
    for (const [k, v] of Object.entries(labels)) {
      const where = `${at}.matchLabels.${k}`;
      terms.push(`${labelKey(k, where)}=${labelValue(v, where)}`);
    }
  }
  const exprs = raw['matchExpressions'];
  if (exprs !== undefined && exprs !== null) {
    if (!Array.isArray(exprs)) {
      fieldError(STEP, `${at}.matchExpressions`, 'must be a list of {key, operator, values}');
    }
    exprs.forEach((e: unknown, i) => {
      const where = `${at}.matchExpressions[${i}]`;
      if (!isRecord(e)) fieldError(STEP, where, 'must be a map with key and operator');
      onlyKeys(STEP, e, ['key', 'operator', 'values'], `${where}.`);
      const key = labelKey(e['key'], `${where}.key`);
      const op = e['operator'];
      const values = e['values'] ?? [];
      if (!Array.isArray(values)) fieldError(STEP, `${where}.values`, 'must be a list of strings');
      const vals = values.map((v: unknown, j) => labelValue(v, `${where}.values[${j}]`));
      if (op === 'In' || op === 'NotIn') {
        if (!vals.length) fieldError(STEP, `${where}.values`, `must not be empty for ${op}`);
        terms.push(`${key} ${op === 'In' ? 'in' : 'notin'} (${vals.join(',')})`);
      } else if (op === 'Exists' || op === 'DoesNotExist') {
        if (vals.length) fieldError(STEP, `${where}.values`, `must be empty for ${op}`);
        terms.push(op === 'Exists' ? key : `!${key}`);
      } else {
        fieldError(
          STEP,
          `${where}.operator`,
          `must be In, NotIn, Exists or DoesNotExist, not ${JSON.stringify(op)}`,
        );
      }
    });
  }
  if (!terms.length) {
    fieldError(
      STEP,
      at,
      'needs matchLabels or matchExpressions (an empty selector would match every Application)',
    );
  }
  return terms.join(',');
}

export function parseArgoCDUpdateConfig(config: Record<string, unknown>): AppEntry[] {
  onlyKeys(STEP, config, ['apps'], 'config.');
  const apps = list(config['apps'], 'config.apps', 'application').map((raw, i): AppEntry => {
    const at = `config.apps[${i}]`;
    if (!isRecord(raw)) fieldError(STEP, at, 'must be a map with name or selector');
    onlyKeys(STEP, raw, ['name', 'namespace', 'selector', 'sources'], `${at}.`);
    const hasName = raw['name'] !== undefined && raw['name'] !== null && raw['name'] !== '';
    const hasSelector = raw['selector'] !== undefined && raw['selector'] !== null;
    if (hasName === hasSelector) {
      fieldError(STEP, at, 'needs either name or selector (not both)');
    }
    const namespace = optString(raw, 'namespace', at);
    if (namespace !== undefined && !K8S_NAME.test(namespace)) {
      fieldError(STEP, `${at}.namespace`, `${JSON.stringify(namespace)} is not a namespace name`);
    }
    const rawSources = raw['sources'];
    const sources =
      rawSources === undefined || rawSources === null
        ? []
        : list(rawSources, `${at}.sources`, 'source').map((s, j) =>
            parseSource(s, `${at}.sources[${j}]`),
          );
    if (hasSelector) {
      const selector = selectorText(raw['selector'], `${at}.selector`);
      return { selector, ...(namespace !== undefined && { namespace }), sources };
    }
    const name = reqString(raw, 'name', at);
    if (!K8S_NAME.test(name) || name.length > 253) {
      fieldError(STEP, `${at}.name`, `${JSON.stringify(name)} is not an Argo CD Application name`);
    }
    return { name, ...(namespace !== undefined && { namespace }), sources };
  });
  const seen = new Set<string>();
  apps.forEach((a, i) => {
    if (!('name' in a)) return;
    const key = `${a.namespace ?? ''}/${a.name}`;
    if (seen.has(key)) fieldError(STEP, `config.apps[${i}]`, `names ${a.name} a second time`);
    seen.add(key);
  });
  return apps;
}

// --- pure parts (exported for tests) --------------------------------------------------------

/**
 * Kargo's authorized-stage annotation value: `project:stage` entries separated by commas. Throws
 * on an entry that is not one (Kargo refuses globs too).
 */
export function authorizedStages(value: string): { project: string; stage: string }[] {
  const out: { project: string; stage: string }[] = [];
  for (const raw of value.split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const colon = entry.indexOf(':');
    const project = colon < 0 ? '' : entry.slice(0, colon).trim();
    const stage = colon < 0 ? '' : entry.slice(colon + 1).trim();
    if (!project || !stage) {
      throw new Error(
        `invalid authorized stage ${JSON.stringify(entry)}: expected <project>:<stage>`,
      );
    }
    if (project.includes('*') || stage.includes('*')) {
      throw new Error(
        `invalid authorized stage ${JSON.stringify(entry)}: glob expressions are not supported (Kargo dropped them too)`,
      );
    }
    out.push({ project, stage });
  }
  if (!out.length) throw new Error(`no authorized stage in ${JSON.stringify(value)}`);
  return out;
}

/** Why `app` may not be changed by this stage, or undefined when it may. */
export function unauthorizedReason(
  app: LiveApp,
  label: string,
  project: string,
  stage: string,
): string | undefined {
  const annotations = app.metadata?.annotations ?? {};
  const found = AUTHORIZED_STAGE_ANNOTATIONS.filter((k) => typeof annotations[k] === 'string');
  const want = `${project}:${stage}`;
  const add = `annotate it with ${AUTHORIZED_STAGE_ANNOTATIONS[0]}: "${want}" (or ${AUTHORIZED_STAGE_ANNOTATIONS[1]})`;
  if (!found.length) {
    return `Argo CD Application ${label} does not permit changes by stage ${stage} of project ${project}: it has no authorized-stage annotation; whoever may edit the Application must ${add}`;
  }
  for (const k of found) {
    let stages: { project: string; stage: string }[];
    try {
      stages = authorizedStages(annotations[k] ?? '');
    } catch (err) {
      return `Argo CD Application ${label}: annotation ${k}: ${errorMessage(err)}`;
    }
    if (stages.some((s) => s.project === project && s.stage === stage)) return undefined;
  }
  const listed = found.map((k) => `${k}: ${JSON.stringify(annotations[k])}`).join(', ');
  return `Argo CD Application ${label} does not permit changes by stage ${stage} of project ${project} (${listed}); to allow it, ${add}`;
}

const sourcesOf = (app: LiveApp): AppSource[] =>
  app.spec?.sources?.length ? app.spec.sources : app.spec?.source ? [app.spec.source] : [];

const matches = (update: SourceUpdate, source: AppSource): boolean => sourceMatches(update, source);

/** The desired revision of each of the app's sources ('' where none is asked for). */
export function desiredRevisions(update: AppUpdate, app: LiveApp): string[] {
  return sourcesOf(app).map(
    (s) => update.sources.find((u) => matches(u, s))?.desiredRevision ?? '',
  );
}

function kustomizeImage(i: KustomizeImage): string {
  const name = i.newName ? `${i.repoURL}=${i.newName}` : i.repoURL;
  return i.digest ? `${name}@${i.digest}` : `${name}:${i.tag ?? ''}`;
}

/**
 * The app's sources with the updates applied (a copy). Throws when an update matches no source:
 * the template names a source the Application does not have.
 */
export function desiredSources(update: AppUpdate, app: LiveApp, label: string): AppSource[] {
  const sources = structuredClone(sourcesOf(app));
  for (const u of update.sources) {
    const source = sources.find((s) => matches(u, s));
    if (!source) {
      const have = sourcesOf(app)
        .map((s) => (s.chart ? `${s.repoURL} (chart ${s.chart})` : s.repoURL))
        .join(', ');
      throw new OperationError(
        `no source of Argo CD Application ${label} matches repoURL ${u.repoURL}${u.chart ? ` and chart ${u.chart}` : ''}; its sources: ${have || 'none'}`,
      );
    }
    if (u.updateTargetRevision && u.desiredRevision) source.targetRevision = u.desiredRevision;
    if (u.kustomizeImages?.length) {
      source.kustomize = { ...source.kustomize, images: u.kustomizeImages.map(kustomizeImage) };
    }
    if (u.helmImages?.length) {
      const params = [...(source.helm?.parameters ?? [])];
      for (const { key, value } of u.helmImages) {
        const i = params.findIndex((p) => p.name === key);
        if (i >= 0) params[i] = { name: key, value };
        else params.push({ name: key, value });
      }
      source.helm = { ...source.helm, parameters: params };
    }
  }
  return sources;
}

type Phase = 'Running' | 'Succeeded' | 'Failed';

const COMPLETED = new Set(['Succeeded', 'Failed', 'Error']);

/**
 * Kargo's mustPerformUpdate, plus what the API makes visible and Kargo's direct write hides: a
 * sync requested (top-level `operation`) but not picked up yet.
 */
export function judge(
  update: AppUpdate,
  app: LiveApp,
  promotion: string,
): { update: true; why: string } | { update: false; phase: Phase; why: string } {
  const info = (infos: { name?: string; value?: string }[] | undefined) =>
    (infos ?? []).find((i) => i?.name === PROMOTION_INFO)?.value;
  if (app.operation) {
    const ours = info(app.operation.info) === promotion;
    return {
      update: false,
      phase: 'Running',
      why: ours ? 'sync requested' : 'a sync requested by someone else has not started yet',
    };
  }
  const op = app.status?.operationState;
  if (!op) return { update: true, why: 'no operation yet' };
  const done = COMPLETED.has(op.phase ?? '');
  if (info(op.operation?.info) !== promotion) {
    if (!done) {
      return {
        update: false,
        phase: 'Running',
        why: `waiting for an operation this promotion did not start (${op.phase ?? 'no phase'})`,
      };
    }
    return { update: true, why: 'the last operation was not this promotion' };
  }
  if (!done) return { update: false, phase: 'Running', why: `sync ${op.phase ?? 'running'}` };
  const result = op.syncResult;
  if (!result) return { update: true, why: 'the sync finished without a sync result' };
  const wanted = desiredRevisions(update, app);
  const observed = result.revisions?.length ? result.revisions : [result.revision ?? ''];
  for (const [i, want] of wanted.entries()) {
    if (want && observed[i] !== want) {
      return {
        update: true,
        why: `the sync went to ${observed.join(',')}, not ${wanted.map((w) => w || '-').join(',')}`,
      };
    }
  }
  const phase: Phase = op.phase === 'Succeeded' ? 'Succeeded' : 'Failed';
  return { update: false, phase, why: `sync ${op.phase}${op.message ? `: ${op.message}` : ''}` };
}

/** `/` and `~` escaped for a JSON pointer (RFC 6901). */
const pointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** The JSON patch that swaps the sources read for the desired ones, and asks a hard refresh. */
export function sourcePatch(app: LiveApp, sources: AppSource[]): unknown[] {
  const ops: unknown[] = [];
  if (app.spec?.sources?.length) {
    ops.push({ op: 'test', path: '/spec/sources', value: app.spec.sources });
    ops.push({ op: 'replace', path: '/spec/sources', value: sources });
  } else if (app.spec?.source) {
    ops.push({ op: 'test', path: '/spec/source', value: app.spec.source });
    ops.push({ op: 'replace', path: '/spec/source', value: sources[0] });
  }
  ops.push(
    app.metadata?.annotations
      ? { op: 'add', path: `/metadata/annotations/${pointer(REFRESH_ANNOTATION)}`, value: 'hard' }
      : { op: 'add', path: '/metadata/annotations', value: { [REFRESH_ANNOTATION]: 'hard' } },
  );
  return ops;
}

// --- Argo CD's API ------------------------------------------------------------------------

export interface Conn {
  server: string;
  token: string;
  fetch: typeof fetch;
}

class PatchTestFailed extends Error {}
class SyncRefused extends Error {}

/**
 * One request to Argo CD's API with the token, a timeout and a capped answer. A request that gets
 * no answer is an OperationError worded by `failed`, the token scrubbed from it.
 */
async function exchange(
  c: Conn,
  path: string,
  init: { method: string; body?: string },
  failed: (err: unknown) => string,
): Promise<{ status: number; answer: string }> {
  const url = `${c.server}${path}`;
  try {
    const res = await c.fetch(url, {
      method: init.method,
      headers: {
        Accept: 'application/json',
        ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        Authorization: `Bearer ${c.token}`,
      },
      ...(init.body !== undefined ? { body: init.body } : {}),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const answer = await readText(res, {
      url,
      maxBytes: ARGOCD_MAX_BODY_BYTES,
      what: 'the Argo CD response',
    });
    return { status: res.status, answer };
  } catch (err) {
    throw new OperationError(scrub(failed(err), [c.token]));
  }
}

async function send(
  c: Conn,
  method: 'PATCH' | 'POST',
  path: string,
  body: unknown,
  label: string,
): Promise<void> {
  const host = new URL(c.server).host;
  const { status, answer } = await exchange(
    c,
    path,
    { method, body: JSON.stringify(body) },
    (err) => {
      const cause =
        err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
      return `${method} ${path} on Argo CD (${host}) failed: ${errorMessage(err)}${cause}`;
    },
  );
  if (status === 200) return;
  const { message, code } = gatewayError(answer);
  const said = scrub(message, [c.token]);
  // A JSON patch whose `test` failed: someone changed the sources since they were read.
  if (method === 'PATCH' && /testing value .* failed/.test(message))
    throw new PatchTestFailed(said);
  // FailedPrecondition (9) "another operation is already in progress"; PermissionDenied (7)
  // "cannot sync: blocked by sync window": both end by themselves.
  if (
    method === 'POST' &&
    ((code === 9 && /another operation is already in progress/.test(message)) ||
      /blocked by sync window/.test(message))
  ) {
    throw new SyncRefused(said);
  }
  const verb = method === 'PATCH' ? 'update' : 'sync';
  const hint =
    status === 401
      ? ': check ARGOCD_AUTH_TOKEN (expired, revoked, or for another Argo CD)'
      : status === 403
        ? `: the token needs 'applications, ${verb}' on it`
        : '';
  throw new OperationError(
    `Argo CD (${host}) refused to ${verb} application ${label} (HTTP ${status}: ${said})${hint}`,
  );
}

/** `GET /api/v1/applications?selector=` (ApplicationService.List): the matching Applications. */
export async function listApplications(
  c: Conn,
  selector: string,
  namespace: string | undefined,
): Promise<LiveApp[]> {
  const params = new URLSearchParams({ selector });
  if (namespace) params.set('appNamespace', namespace);
  const path = `/api/v1/applications?${params.toString()}`;
  const host = new URL(c.server).host;
  const { status, answer } = await exchange(
    c,
    path,
    { method: 'GET' },
    (err) => `listing applications on Argo CD (${host}) failed: ${errorMessage(err)}`,
  );
  if (status !== 200) {
    const said = scrub(gatewayError(answer).message, [c.token]);
    const hint =
      status === 401 ? ': check ARGOCD_AUTH_TOKEN (expired, revoked, or for another Argo CD)' : '';
    throw new OperationError(
      `Argo CD (${host}) refused to list applications matching ${JSON.stringify(selector)} (HTTP ${status}: ${said})${hint}`,
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(answer);
  } catch {
    throw new OperationError(`Argo CD (${host}) answered the application list with malformed JSON`);
  }
  // An empty list may come as `items: null` or without items.
  const items = isRecord(doc) ? (doc['items'] ?? []) : undefined;
  if (!Array.isArray(items) || !items.every(isRecord)) {
    throw new OperationError(`Argo CD (${host}) answered the application list without items`);
  }
  return items as LiveApp[];
}

/**
 * The apps a `selector` entry names: those Argo CD lists that authorize the stage (the others
 * are logged and skipped, as Kargo does), checked to all have the sources the entry updates.
 */
async function selectedApps(
  c: Conn,
  entry: Extract<AppEntry, { selector: string }>,
  ctx: StepContext,
): Promise<AppUpdate[]> {
  const where = entry.namespace ? ` in namespace ${entry.namespace}` : '';
  const found = await listApplications(c, entry.selector, entry.namespace);
  if (!found.length) {
    throw new OperationError(
      `${STEP}: no Argo CD Applications match selector ${JSON.stringify(entry.selector)}${where}`,
    );
  }
  const authorized: LiveApp[] = [];
  for (const app of found) {
    const label = `${app.metadata?.namespace ?? '?'}/${app.metadata?.name ?? '?'}`;
    const refused = unauthorizedReason(app, label, ctx.project, ctx.stage);
    if (refused) ctx.log(`${STEP}: skipping ${label}, which matches the selector: ${refused}`);
    else authorized.push(app);
  }
  if (!authorized.length) {
    throw new OperationError(
      `${STEP}: ${found.length} Argo CD Application(s) match selector ${JSON.stringify(entry.selector)}${where}, but none authorizes stage ${ctx.stage} of project ${ctx.project} (annotation ${AUTHORIZED_STAGE_ANNOTATIONS[0]}: "${ctx.project}:${ctx.stage}")`,
    );
  }
  const updates = authorized.map((app) => ({
    name: app.metadata?.name ?? '',
    ...(app.metadata?.namespace ? { namespace: app.metadata.namespace } : {}),
    sources: entry.sources,
  }));
  // Kargo: every selected app must take the source updates, or none is changed.
  if (entry.sources.length && updates.length > 1) {
    const problems: string[] = [];
    updates.forEach((u, i) => {
      try {
        desiredSources(u, authorized[i] as LiveApp, `${u.namespace ?? ''}/${u.name}`);
      } catch (err) {
        problems.push(errorMessage(err));
      }
    });
    if (problems.length) {
      const shown = problems.slice(0, 3).join('; ');
      const more = problems.length > 3 ? ` (showing the first 3)` : '';
      throw new OperationError(
        `${STEP}: the Applications selected by ${JSON.stringify(entry.selector)} must have compatible sources; ${problems.length} do not${more}, and no Application was updated: ${shown}`,
      );
    }
  }
  ctx.log(
    `${STEP}: selector ${JSON.stringify(entry.selector)}${where} matched ${updates.map((u) => `${u.namespace ?? ''}/${u.name}`).join(', ')}`,
  );
  return updates;
}

// --- the step -------------------------------------------------------------------------------

export function connection(ctx: StepContext): { server: string; token: string } {
  const env = ctx.env ?? {};
  if (!env.ARGOCD_SERVER?.trim() || !env.ARGOCD_AUTH_TOKEN?.trim()) {
    const missing = [
      ...(env.ARGOCD_SERVER?.trim() ? [] : ['ARGOCD_SERVER']),
      ...(env.ARGOCD_AUTH_TOKEN?.trim() ? [] : ['ARGOCD_AUTH_TOKEN']),
    ];
    throw new ConfigError(
      `${STEP}: ${missing.join(' and ')} must be set in the environment (the promote job's env:, or the shell's): the Argo CD API server URL and a token that may get, update and sync the apps`,
    );
  }
  return resolveConnection({}, { env, secret: () => undefined });
}

async function processApp(
  c: Conn,
  update: AppUpdate,
  ctx: StepContext,
  promotion: string,
): Promise<{ phase: Phase; why: string; namespace: string }> {
  const ref: ArgoCDAppRef = {
    name: update.name,
    ...(update.namespace !== undefined && { namespace: update.namespace }),
  };
  const label = update.namespace ? `${update.namespace}/${update.name}` : update.name;
  const never = new AbortController().signal;
  for (let attempt = 1; ; attempt++) {
    let app: LiveApp;
    try {
      app = (await getApplication(
        { fetch: c.fetch, signal: never },
        { requestTimeoutMs: REQUEST_TIMEOUT_MS },
        c.server,
        c.token,
        ref,
        undefined,
      )) as LiveApp;
    } catch (err) {
      throw new OperationError(scrub(errorMessage(err), [c.token]));
    }
    const namespace = app.metadata?.namespace ?? update.namespace ?? '';
    const refused = unauthorizedReason(app, label, ctx.project, ctx.stage);
    if (refused) throw new OperationError(refused);

    const verdict = judge(update, app, promotion);
    if (!verdict.update) return { phase: verdict.phase, why: verdict.why, namespace };

    const sources = desiredSources(update, app, label);
    if (ctx.dryRun) {
      const to = sources.map((s) => s.targetRevision ?? 'HEAD').join(',');
      const changed = JSON.stringify(sources) !== JSON.stringify(sourcesOf(app));
      ctx.log(
        `${STEP}: dry run: would ${changed ? 'update and ' : ''}sync ${label} to ${to}; nothing was changed on Argo CD`,
      );
      return { phase: 'Succeeded', why: 'dry run', namespace };
    }
    try {
      await send(
        c,
        'PATCH',
        `/api/v1/applications/${encodeURIComponent(update.name)}`,
        {
          name: update.name,
          ...(update.namespace !== undefined && { appNamespace: update.namespace }),
          patchType: 'json',
          patch: JSON.stringify(sourcePatch(app, sources)),
        },
        label,
      );
    } catch (err) {
      if (err instanceof PatchTestFailed && attempt < PATCH_TRIES) {
        ctx.log(`${STEP}: ${label} changed while being updated; reading it again`);
        continue;
      }
      if (err instanceof PatchTestFailed) {
        throw new OperationError(
          `${STEP}: Argo CD Application ${label} kept changing while being updated (${PATCH_TRIES} tries): ${err.message}`,
        );
      }
      throw err;
    }
    try {
      await send(
        c,
        'POST',
        `/api/v1/applications/${encodeURIComponent(update.name)}/sync`,
        {
          name: update.name,
          ...(update.namespace !== undefined && { appNamespace: update.namespace }),
          infos: [
            { name: 'Reason', value: 'Promotion triggered a sync of this Application resource.' },
            { name: PROMOTION_INFO, value: promotion },
          ],
        },
        label,
      );
    } catch (err) {
      if (err instanceof SyncRefused) {
        return { phase: 'Running', why: `sync not started yet: ${err.message}`, namespace };
      }
      throw err;
    }
    const to = sources.map((s) => s.targetRevision ?? 'HEAD').join(',');
    ctx.log(`${STEP}: ${label}: updated, sync to ${to} requested (${verdict.why})`);
    return { phase: 'Running', why: 'sync requested', namespace };
  }
}

const imagesOf = (items: Record<string, unknown>, required: string[], description: string) => ({
  type: 'object',
  description,
  additionalProperties: false,
  required: ['images'],
  properties: {
    images: {
      type: 'array',
      minItems: 1,
      description: 'One entry per image.',
      items: { type: 'object', additionalProperties: false, required, properties: items },
    },
  },
});

export const argocdUpdate: StepDefinition = {
  name: STEP,
  defaultTimeoutMs: ARGOCD_UPDATE_TIMEOUT_MS,
  schema: {
    type: 'object',
    description:
      "Updates Argo CD Applications' sources through Argo CD's API, syncs them and waits for the sync (default `retry.timeout` 5m). Argo CD: the promote action's `argocd-server`/`argocd-token`, else `ARGOCD_SERVER`/`ARGOCD_AUTH_TOKEN`. Each app must be annotated `kargo.akuity.io/authorized-stage` (or `gantry.io/authorized-stage`) with `<project>:<stage>`.",
    additionalProperties: false,
    required: ['apps'],
    properties: {
      apps: {
        type: 'array',
        minItems: 1,
        description: 'The Applications to update and sync, by name or by label selector.',
        items: {
          type: 'object',
          additionalProperties: false,
          oneOf: [{ required: ['name'] }, { required: ['selector'] }],
          errorMessage: 'needs either name or selector (not both)',
          properties: {
            name: nonEmpty('The Application name. Either `name` or `selector`.'),
            namespace: nonEmpty(
              "The Application's namespace (a selector's: where to list); default: the Argo CD server's own (a selector: every namespace Argo CD serves).",
            ),
            selector: {
              type: 'object',
              additionalProperties: false,
              description:
                'Selects Applications by label (Argo CD list API); those that do not authorize the stage are skipped. Either `name` or `selector`. Not read by stage health.',
              properties: {
                matchLabels: {
                  type: 'object',
                  additionalProperties: { type: 'string' },
                  description: 'Labels an Application must all have, with these values.',
                },
                matchExpressions: {
                  type: 'array',
                  description: 'Requirements an Application must all meet.',
                  items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['key', 'operator'],
                    properties: {
                      key: nonEmpty('The label key.'),
                      operator: {
                        enum: ['In', 'NotIn', 'Exists', 'DoesNotExist'],
                        description: '`In`, `NotIn`, `Exists` or `DoesNotExist`.',
                      },
                      values: {
                        type: 'array',
                        items: { type: 'string' },
                        description: 'Required for `In` and `NotIn`; empty for the others.',
                      },
                    },
                  },
                },
              },
            },
            sources: {
              type: 'array',
              minItems: 1,
              description: 'Which sources to update, and how.',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['repoURL'],
                properties: {
                  repoURL: nonEmpty(
                    "The source's repoURL (a Git URL matches normalised; a chart repository exactly, with chart).",
                  ),
                  chart: text("The source's chart, for a Helm chart repository source."),
                  desiredRevision: text(
                    'The revision the source must be synced to for the step, and the stage health, to be done.',
                  ),
                  updateTargetRevision: flag(
                    "Also set the source's targetRevision to desiredRevision.",
                  ),
                  kustomize: imagesOf(
                    {
                      repoURL: nonEmpty('The image repository.'),
                      tag: text('The tag (or digest).'),
                      digest: text('The digest (or tag).'),
                      newName: text('A replacement image name.'),
                    },
                    ['repoURL'],
                    "Replaces the source's Kustomize images.",
                  ),
                  helm: imagesOf(
                    {
                      key: nonEmpty('The Helm parameter (--set notation).'),
                      value: text('Its value.'),
                    },
                    ['key', 'value'],
                    "Sets the source's Helm parameters.",
                  ),
                },
              },
            },
          },
        },
      },
    },
  },
  async run(config, ctx) {
    const apps = parseArgoCDUpdateConfig(config);
    const { server, token } = connection(ctx);
    const c: Conn = { server, token, fetch: ctx.fetch };
    // The engine names every promotion; a direct call (tests) gets one per stage and freight.
    const promotion = ctx.promotion ?? `${ctx.stage}.${ctx.freight.id.slice(0, 7)}`;
    const results: { name: string; namespace: string; phase: Phase; why: string }[] = [];
    const done = new Set<string>();
    // One after another, as Kargo does: a failed app stops the rest. Selectors are resolved and
    // their apps checked first, so a selection that cannot be updated changes nothing.
    const updates: AppUpdate[] = [];
    for (const entry of apps) {
      if ('name' in entry) updates.push(entry);
      else updates.push(...(await selectedApps(c, entry, ctx)));
    }
    for (const update of updates) {
      const key = `${update.namespace ?? ''}/${update.name}`;
      if (done.has(key)) continue;
      done.add(key);
      const r = await processApp(c, update, ctx, promotion);
      const label = update.namespace ? `${update.namespace}/${update.name}` : update.name;
      if (r.phase === 'Failed') {
        throw new OperationError(`Argo CD Application ${label}: ${scrub(r.why, [token])}`);
      }
      results.push({ name: update.name, ...r });
    }
    const running = results.filter((r) => r.phase === 'Running');
    if (running.length) {
      throw new StepPendingError(
        scrub(
          `${STEP}: ${running.map((r) => `${r.namespace ? `${r.namespace}/` : ''}${r.name}: ${r.why}`).join('; ')}`,
          [token],
        ),
        ARGOCD_UPDATE_POLL_MS,
      );
    }
    for (const r of results) ctx.log(`${STEP}: ${r.namespace}/${r.name}: ${r.why}`);
    return { outputs: { apps: results.map((r) => ({ name: r.name, namespace: r.namespace })) } };
  },
};
