/**
 * The `argocd` provider: waits until Argo CD has deployed the promotion, reading each
 * Application through Argo CD's REST API (`GET /api/v1/applications/{name}`, Bearer token).
 *
 * An application is
 * - **ready** when it is Synced at the target revision (the promotion commit unless `revision`
 *   says otherwise), no sync is running, and its health is Healthy;
 * - **failed** when its spec is invalid (InvalidSpecError), when its last sync to the target
 *   revision ended Failed or Error, or when it is Degraded at the target revision;
 * - **waiting** otherwise: an old revision, OutOfSync, a sync running, Progressing, Suspended,
 *   Missing or Unknown health, or a health verdict younger than 10 s after the sync (Kargo's
 *   cooldown, so a status from before the sync is not taken for the new one).
 *
 * The measurement's phase is Failed if any application failed, Inconclusive (still waiting) if
 * any is waiting, else Successful; `result.applications` lists each, so conditions can decide
 * instead. Kargo's argocd-update health check (internal/health/checker/builtin/argocd.go) is the
 * model: the same revision comparison (status.sync.revisions for multi-source apps), the same
 * "sync in progress" test and the same cooldown; where Kargo calls Missing/Unknown health
 * unhealthy, a verification waits on them (they end Inconclusive, not Failed).
 *
 * Failures to measure (401/403/404, unreachable server) are thrown: Error measurements.
 */
import type { Agent } from 'undici';
import { parseDuration } from '../../pipeline/duration.js';
import { normalizeGitURL } from '../../urls/index.js';
import { ConfigError, errorMessage } from '../../util/errors.js';
import { BodyTooLargeError, readText } from '../../util/http-body.js';
import { suggest } from '../../util/suggest.js';
import type {
  Measurement,
  MeasurementPhase,
  ProviderContext,
  ProviderDefinition,
} from '../types.js';
import { fail, isRecord, optionalNonEmptyString } from './fields.js';

export interface ArgoCDAppRef {
  name: string;
  /** The Application's namespace (Argo CD's `appNamespace`); the server's own when unset. */
  namespace?: string;
  /** With a project, Argo CD answers 404 for a missing app instead of 403. */
  project?: string;
}

export interface ArgoCDConfig {
  /** Argo CD API server base URL; ARGOCD_SERVER when unset. */
  server?: string;
  applications: ArgoCDAppRef[];
  token?: string;
  /** Skip TLS certificate verification (self-signed Argo CD). */
  insecure: boolean;
  /** undefined: the promotion commit; '' : do not compare revisions. */
  revision?: string;
  /** `refresh` query parameter: ask Argo CD to compare with Git now (normal) or regenerate (hard). */
  refresh?: 'normal' | 'hard';
  requestTimeoutMs: number;
}

export type ArgoCDAppState = 'ready' | 'waiting' | 'failed';

/** One application as conditions see it in `result.applications`. */
export interface ArgoCDAppResult {
  name: string;
  namespace?: string;
  /** status.sync.status: Synced, OutOfSync or Unknown. */
  sync: string;
  /** status.sync.revision (multi-source apps: the revisions joined by ","). */
  revision: string;
  revisions: string[];
  /** status.health.status: Healthy, Progressing, Degraded, Suspended, Missing or Unknown. */
  health: string;
  /** status.operationState.phase: Running, Succeeded, Failed, Error, Terminating, or "". */
  operation: string;
  /** The operation's message, else the health message, else an error condition's. */
  message: string;
  state: ArgoCDAppState;
  /** Why this state, one line. */
  reason: string;
}

export interface ArgoCDResult {
  /** The revision waited for (short form), or null when revisions are not compared. */
  revision: string | null;
  applications: ArgoCDAppResult[];
}

/** After a sync finishes, how long a health status is not trusted (Kargo uses 10 s too). */
export const HEALTH_COOLDOWN_MS = 10_000;

const FIELDS = [
  'server',
  'applications',
  'namespace',
  'appNamespace',
  'project',
  'token',
  'insecure',
  'revision',
  'refresh',
  'requestTimeout',
] as const;
const APP_FIELDS = ['name', 'namespace', 'appNamespace', 'project'] as const;
const DEFAULT_REQUEST_TIMEOUT = '10s';
const MAX_BODY_IN_MESSAGE = 300;
/** Kubernetes object names (DNS-1123 subdomain). */
const K8S_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** Names, URLs and tokens: a non-empty string, trimmed. */
function optionalString(where: string, obj: Record<string, unknown>, field: string) {
  return optionalNonEmptyString(where, obj, field)?.trim();
}

function unknownFields(
  where: string,
  obj: Record<string, unknown>,
  allowed: readonly string[],
  prefix: string,
) {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) {
      const hint = suggest(k, allowed);
      fail(
        where,
        `${prefix}${k}`,
        `is not a field of the argocd provider${hint ? ` (did you mean ${hint}?)` : ''}`,
      );
    }
  }
}

/** `namespace` and its Argo CD spelling `appNamespace` are the same thing; take either. */
function namespaceOf(where: string, obj: Record<string, unknown>, prefix: string) {
  const a = optionalString(where, obj, 'namespace');
  const b = optionalString(where, obj, 'appNamespace');
  if (a !== undefined && b !== undefined && a !== b) {
    fail(
      where,
      `${prefix}appNamespace`,
      'names another namespace than namespace: use one of the two',
    );
  }
  const ns = a ?? b;
  if (ns !== undefined && !K8S_NAME.test(ns)) {
    fail(where, `${prefix}namespace`, `"${ns}" is not a Kubernetes namespace name`);
  }
  return ns;
}

function serverUrl(where: string, field: string, text: string): string {
  // `argocd --server argocd.example.com` takes a host; the API is HTTPS there too.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    fail(where, field, `"${text}" is not a URL (expected https://argocd.example.com)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    fail(where, field, `must be an http(s) URL, not "${text}"`);
  }
  if (url.username || url.password) {
    fail(where, field, 'must not hold credentials: use token (or ARGOCD_AUTH_TOKEN)');
  }
  if (url.search || url.hash) fail(where, field, 'must not have a query or fragment');
  // Keep a path: Argo CD may be served under --rootpath (https://host/argocd).
  return url.toString().replace(/\/+$/, '');
}

function parseApp(where: string, raw: unknown, i: number, defaults: Omit<ArgoCDAppRef, 'name'>) {
  const prefix = `applications[${i}].`;
  let name: string;
  let namespace = defaults.namespace;
  let project = defaults.project;
  if (typeof raw === 'string') {
    name = raw.trim();
  } else if (isRecord(raw)) {
    unknownFields(where, raw, APP_FIELDS, prefix);
    const n = optionalString(where, raw, 'name');
    if (n === undefined) fail(where, `${prefix}name`, 'is required');
    name = n;
    namespace = namespaceOf(where, raw, prefix) ?? namespace;
    project = optionalString(where, raw, 'project') ?? project;
  } else {
    fail(where, `applications[${i}]`, 'must be an application name or {name, namespace, project}');
  }
  // `argocd app get ns/name` style.
  const slash = name.indexOf('/');
  if (slash >= 0) {
    const ns = name.slice(0, slash);
    if (namespace !== undefined && typeof raw !== 'string' && namespace !== ns) {
      fail(where, `${prefix}name`, `says namespace ${ns} but namespace is ${namespace}`);
    }
    namespace = ns;
    name = name.slice(slash + 1);
    if (!K8S_NAME.test(namespace))
      fail(where, `applications[${i}]`, `"${ns}" is not a namespace name`);
  }
  if (!K8S_NAME.test(name) || name.length > 253) {
    fail(where, `applications[${i}]`, `"${name}" is not an Argo CD Application name`);
  }
  return {
    name,
    ...(namespace !== undefined && { namespace }),
    ...(project !== undefined && { project }),
  };
}

function parse(config: unknown, where: string): ArgoCDConfig {
  if (!isRecord(config)) fail(where, 'argocd', 'must be a mapping');
  unknownFields(where, config, FIELDS, '');

  const namespace = namespaceOf(where, config, '');
  const project = optionalString(where, config, 'project');
  const apps = config.applications;
  if (!Array.isArray(apps) || apps.length === 0) {
    fail(where, 'applications', 'must list at least one Argo CD Application name');
  }
  const applications = apps.map((a, i) =>
    parseApp(where, a, i, {
      ...(namespace !== undefined && { namespace }),
      ...(project !== undefined && { project }),
    }),
  );
  const seen = new Set<string>();
  applications.forEach((a, i) => {
    const key = `${a.namespace ?? ''}/${a.name}`;
    if (seen.has(key)) fail(where, `applications[${i}]`, `lists ${a.name} twice`);
    seen.add(key);
  });

  const insecure = config.insecure ?? false;
  if (typeof insecure !== 'boolean') fail(where, 'insecure', 'must be true or false');

  let revision: string | undefined;
  if (config.revision !== undefined && config.revision !== null) {
    if (typeof config.revision !== 'string') fail(where, 'revision', 'must be a string');
    revision = config.revision.trim();
  }

  const refresh = config.refresh;
  if (refresh !== undefined && refresh !== null && refresh !== 'normal' && refresh !== 'hard') {
    fail(where, 'refresh', 'must be normal or hard');
  }

  const timeoutText = optionalString(where, config, 'requestTimeout') ?? DEFAULT_REQUEST_TIMEOUT;
  let requestTimeoutMs: number;
  try {
    requestTimeoutMs = parseDuration(timeoutText);
  } catch (err) {
    fail(where, 'requestTimeout', errorMessage(err));
  }
  if (requestTimeoutMs <= 0) fail(where, 'requestTimeout', 'must be more than 0');

  const server = optionalString(where, config, 'server');
  const token = optionalString(where, config, 'token');
  return {
    ...(server !== undefined && { server: serverUrl(where, 'server', server) }),
    applications,
    ...(token !== undefined && { token }),
    insecure,
    ...(revision !== undefined && { revision }),
    ...((refresh === 'normal' || refresh === 'hard') && { refresh }),
    requestTimeoutMs,
  };
}

// --- the Application object, as much of it as we read -------------------------------------

export interface AppStatus {
  reconciledAt?: string;
  sync?: { status?: string; revision?: string; revisions?: string[] };
  health?: { status?: string; message?: string; lastTransitionTime?: string };
  operationState?: {
    phase?: string;
    message?: string;
    finishedAt?: string;
    operation?: { sync?: { revision?: string; revisions?: string[] } };
    syncResult?: { revision?: string; revisions?: string[] };
  };
  conditions?: { type?: string; message?: string }[];
}

/** The fields of an Argo CD Application that gantry reads. */
export interface Application {
  metadata?: { name?: string; namespace?: string };
  spec?: {
    source?: { repoURL?: string; chart?: string };
    sources?: { repoURL?: string; chart?: string }[];
  };
  operation?: { sync?: { revision?: string; revisions?: string[] } };
  status?: AppStatus;
}

/**
 * Does an argocd-update `sources[]` entry name this source of an Application? A chart source by
 * repoURL and chart, exactly (Kargo's rule); a Git source by its URL normalised (Kargo normalises
 * when it updates; gantry also does when it reads health, so the two never disagree).
 */
export function sourceMatches(
  entry: { repoURL: string; chart?: string | undefined },
  source: { repoURL?: string | undefined; chart?: string | undefined },
): boolean {
  if (source.chart || entry.chart) {
    return source.repoURL === entry.repoURL && source.chart === entry.chart;
  }
  return normalizeGitURL(source.repoURL ?? '') === normalizeGitURL(entry.repoURL);
}

export const isSha = (r: string) => /^[0-9a-f]{7,64}$/i.test(r);
export const short = (r: string) => (/^[0-9a-f]{40,64}$/i.test(r) ? r.slice(0, 7) : r);

/** A commit SHA matches its abbreviations; anything else (chart versions, tags) matches exactly. */
export function sameRevision(observed: string, wanted: string): boolean {
  if (!observed || !wanted) return false;
  if (isSha(observed) && isSha(wanted)) {
    const a = observed.toLowerCase();
    const b = wanted.toLowerCase();
    return a.startsWith(b) || b.startsWith(a);
  }
  return observed === wanted;
}

const nonEmpty = (xs: (string | undefined)[] | undefined) =>
  (xs ?? []).filter((x): x is string => typeof x === 'string' && x !== '');

/** Decides one application; `now` for the health cooldown. Exported for the runner's summaries. */
export function assessApplication(
  ref: ArgoCDAppRef,
  app: Application,
  wanted: string | undefined,
  now: Date,
): ArgoCDAppResult {
  const status = app.status ?? {};
  const sync = status.sync?.status || 'Unknown';
  const revisions = nonEmpty(status.sync?.revisions).length
    ? nonEmpty(status.sync?.revisions)
    : nonEmpty([status.sync?.revision]);
  const health = status.health?.status ?? '';
  const op = status.operationState;
  const operation = op?.phase ?? '';
  const conditions = (status.conditions ?? []).filter((c) => c && typeof c.type === 'string');
  const errorCondition = conditions.find((c) => /Error$/.test(c.type ?? ''));
  const message = (op?.message || status.health?.message || errorCondition?.message || '').trim();

  const base = {
    name: ref.name,
    ...(ref.namespace !== undefined && { namespace: ref.namespace }),
    sync,
    revision: revisions.join(','),
    revisions,
    health: health || 'Unknown',
    operation,
    message,
  };
  const out = (state: ArgoCDAppState, reason: string): ArgoCDAppResult => ({
    ...base,
    state,
    reason,
  });
  const at = revisions.length ? revisions.map(short).join(',') : 'no revision';
  const want = wanted ? short(wanted) : '';
  const why = (text: string) => (text ? `: ${oneLine(text)}` : '');

  const invalid = conditions.find((c) => c.type === 'InvalidSpecError');
  if (invalid) return out('failed', `InvalidSpecError${why(invalid.message ?? '')}`);

  // Kargo's "a sync appears to be in progress": an operation is requested, or the last one has
  // not finished. Terminating is still running.
  const inProgress =
    app.operation?.sync !== undefined ||
    operation === 'Running' ||
    operation === 'Terminating' ||
    (op !== undefined && !op.finishedAt);
  const opRevisions = nonEmpty([
    ...(op?.syncResult?.revisions ?? []),
    op?.syncResult?.revision,
    ...(op?.operation?.sync?.revisions ?? []),
    op?.operation?.sync?.revision,
  ]);
  const opForTarget = !wanted || opRevisions.some((r) => sameRevision(r, wanted));

  if (!inProgress && (operation === 'Failed' || operation === 'Error') && opForTarget) {
    const to = opRevisions.find(isSha) ?? opRevisions[0];
    return out(
      'failed',
      `sync${to ? ` to ${short(to)}` : ''} ${operation}${why(op?.message ?? '')}`,
    );
  }
  if (app.operation?.sync !== undefined) {
    // Requested (by auto-sync, a user or Kargo) and not picked up yet: the operationState is
    // still the previous operation's.
    const requested = nonEmpty([
      ...(app.operation.sync.revisions ?? []),
      app.operation.sync.revision,
    ]);
    const to = requested.find(isSha) ?? requested[0];
    return out('waiting', `sync requested${to ? ` to ${short(to)}` : ''}`);
  }
  if (inProgress) {
    const to = opRevisions.find(isSha) ?? opRevisions[0];
    return out(
      'waiting',
      `sync ${operation || 'started'}${to ? ` to ${short(to)}` : ''}${why(op?.message ?? '')}`,
    );
  }
  const atTarget = !wanted || revisions.some((r) => sameRevision(r, wanted));
  if (!atTarget) {
    const lastOp =
      operation === 'Failed' || operation === 'Error'
        ? `; last sync ${operation}${why(op?.message ?? '')}`
        : '';
    return out('waiting', `${sync} at ${at} (waiting for ${want})${lastOp}`);
  }

  // An error condition makes the health status unreliable (Kargo checks conditions first).
  const comparison = conditions.find((c) => c.type === 'ComparisonError');
  if (comparison) return out('waiting', `ComparisonError${why(comparison.message ?? '')}`);

  // The health status may still be the one from before the sync: let Argo CD reassess it.
  if (wanted && op !== undefined) {
    const changed = status.health?.lastTransitionTime;
    const since = changed || op.finishedAt;
    const t = since ? Date.parse(since) : NaN;
    const age = now.getTime() - t;
    if (!Number.isNaN(t) && age < HEALTH_COOLDOWN_MS) {
      const seconds = Math.max(0, Math.round(age / 1000));
      const event = changed ? 'health changed' : 'sync finished';
      return out(
        'waiting',
        `${health || 'Unknown'} at ${at}, but the ${event} only ${seconds} s ago; waiting for Argo CD to reassess health`,
      );
    }
  }

  if (health === 'Degraded') {
    return out('failed', `Degraded at ${at}${why(status.health?.message ?? '')}`);
  }
  if (sync !== 'Synced') return out('waiting', `${sync} at ${at}`);
  if (health !== 'Healthy') {
    return out(
      'waiting',
      `Synced at ${at}, ${health || 'no health yet'}${why(status.health?.message ?? '')}`,
    );
  }
  return out('ready', `Synced at ${at} and Healthy`);
}

export function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_BODY_IN_MESSAGE ? `${flat.slice(0, MAX_BODY_IN_MESSAGE)}…` : flat;
}

// --- HTTP --------------------------------------------------------------------------------------

export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('***');
  return out;
}

/** grpc-gateway's error body: `{"error": "…", "code": 16, "message": "…"}` (code: the gRPC code). */
export function gatewayError(body: string): { message: string; code?: number } {
  try {
    const parsed: unknown = JSON.parse(body);
    if (isRecord(parsed)) {
      const m = parsed.message ?? parsed.error;
      if (typeof m === 'string' && m) {
        return { message: m, ...(typeof parsed.code === 'number' && { code: parsed.code }) };
      }
    }
  } catch {
    // not JSON
  }
  return { message: oneLine(body) || '(empty body)' };
}

/**
 * Most of an Argo CD answer read. An Application carries its resource tree and sync history;
 * one with thousands of resources is a few MiB, so 32 MiB leaves room without letting a broken
 * server fill the process.
 */
export const ARGOCD_MAX_BODY_BYTES = 32 << 20;

/** gRPC NotFound: Argo CD's "no such application", as opposed to a proxy's 404 for a wrong path. */
const GRPC_NOT_FOUND = 5;

const appLabel = (ref: ArgoCDAppRef) => (ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name);

/**
 * One Application, read with `GET /api/v1/applications/{name}` within `requestTimeoutMs`.
 * Throws an Error that says what went wrong (unreachable, 401, 403, 404, not JSON), never
 * holding the token. Stage health (src/health) reads applications through here too.
 */
export async function getApplication(
  ctx: Pick<ProviderContext, 'fetch' | 'signal'>,
  config: Pick<ArgoCDConfig, 'refresh' | 'requestTimeoutMs'>,
  server: string,
  token: string,
  ref: ArgoCDAppRef,
  dispatcher: Agent | undefined,
): Promise<Application> {
  const params = new URLSearchParams();
  if (ref.namespace) params.set('appNamespace', ref.namespace);
  if (ref.project) params.set('project', ref.project);
  if (config.refresh) params.set('refresh', config.refresh);
  const query = params.toString();
  const url = `${server}/api/v1/applications/${encodeURIComponent(ref.name)}${query ? `?${query}` : ''}`;
  const host = new URL(server).host;
  const label = appLabel(ref);
  const timeout = AbortSignal.timeout(config.requestTimeoutMs);
  const signal = AbortSignal.any([ctx.signal, timeout]);
  let status: number;
  let statusText: string;
  let body: string;
  try {
    const res = await ctx.fetch(url, {
      method: 'GET',
      headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
      signal,
      redirect: 'follow',
      ...(dispatcher && { dispatcher }),
    });
    status = res.status;
    statusText = res.statusText;
    body = await readText(res, {
      url,
      maxBytes: ARGOCD_MAX_BODY_BYTES,
      what: 'the Argo CD response',
    });
  } catch (err) {
    if (err instanceof BodyTooLargeError) throw err;
    if (timeout.aborted) {
      throw new Error(
        `Argo CD (${host}) did not answer for application ${label} within ${config.requestTimeoutMs / 1000}s`,
        { cause: err },
      );
    }
    if (ctx.signal.aborted) {
      throw new Error(`request to Argo CD (${host}) was cancelled`, { cause: err });
    }
    const cause =
      err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
    const tls = /certificate|self.signed|CERT_/i.test(cause)
      ? ' (a self-signed certificate? set insecure: true to skip verification)'
      : '';
    throw new Error(
      scrub(`Argo CD (${host}) unreachable: ${errorMessage(err)}${cause}${tls}`, [token]),
      { cause: err },
    );
  }

  if (status === 200) {
    try {
      return JSON.parse(body) as Application;
    } catch {
      throw new Error(
        `Argo CD (${host}) answered application ${label} with a body that is not JSON: ${oneLine(body)}`,
      );
    }
  }
  const what = `${status}${statusText ? ` ${statusText}` : ''}`;
  const { message: said, code } = gatewayError(body);
  let message: string;
  switch (status) {
    case 401:
      message =
        `Argo CD (${host}) rejected the token (${what}: ${said}): check token / ARGOCD_AUTH_TOKEN; ` +
        'it may have expired, been revoked, or belong to another Argo CD';
      break;
    case 403:
      message =
        `Argo CD (${host}) denied access to application ${label} (${what}: ${said}): the token ` +
        "lacks 'applications, get' on it, or the application does not exist (Argo CD answers 403 " +
        `for both${ref.project ? '' : '; set project to tell them apart'}); check the name and namespace`;
      break;
    case 404:
      message =
        code === GRPC_NOT_FOUND
          ? `application ${label} not found on Argo CD (${host}) (or the token cannot see it): ${said}`
          : `${host} answered ${what} for ${new URL(url).pathname}, not as Argo CD's API would ` +
            `(${said}): is server the Argo CD URL, with its --rootpath if it has one?`;
      break;
    default:
      message = `Argo CD (${host}) answered ${what} for application ${label}: ${said}`;
  }
  throw new Error(scrub(message, [token]));
}

/**
 * The server and token of a config: its own fields, else ARGOCD_SERVER and ARGOCD_AUTH_TOKEN
 * from the environment the adapter passed. Throws ConfigError naming what is missing.
 */
export function resolveConnection(
  config: Pick<ArgoCDConfig, 'server' | 'token'>,
  ctx: Pick<ProviderContext, 'env' | 'secret'>,
): { server: string; token: string } {
  const token = config.token ?? ctx.env.ARGOCD_AUTH_TOKEN?.trim();
  if (token) ctx.secret(token);
  const server = config.server ?? ctx.env.ARGOCD_SERVER?.trim();
  const missing = [
    ...(server ? [] : ['the Argo CD server (server, or ARGOCD_SERVER in the environment)']),
    ...(token ? [] : ['a token (token, or ARGOCD_AUTH_TOKEN in the environment)']),
  ];
  if (!server || !token) throw new ConfigError(`argocd: ${missing.join(' and ')} is required`);
  return { server: config.server ?? serverUrl('argocd', 'ARGOCD_SERVER', server), token };
}

function summarise(results: ArgoCDAppResult[], phase: MeasurementPhase): string {
  const show = (r: ArgoCDAppResult) =>
    `${r.namespace ? `${r.namespace}/` : ''}${r.name}: ${r.reason}`;
  if (phase === 'Successful') {
    if (results.length === 1 && results[0]) return show(results[0]);
    return `${results.length} applications Synced and Healthy (${results.map((r) => r.name).join(', ')})`;
  }
  const first: ArgoCDAppState = phase === 'Failed' ? 'failed' : 'waiting';
  const shown = results.filter((r) => r.state === first);
  const count = (state: ArgoCDAppState) => results.filter((r) => r.state === state).length;
  const also = (['waiting', 'ready'] as const)
    .filter((state) => state !== first && count(state) > 0)
    .map((state) => `${count(state)} ${state}`);
  return `${shown.map(show).join('; ')}${also.length ? `; also ${also.join(', ')}` : ''}`;
}

async function measure(config: ArgoCDConfig, ctx: ProviderContext): Promise<Measurement> {
  const { server, token } = resolveConnection(config, ctx);
  const wanted = config.revision === undefined ? ctx.target.commit : config.revision || undefined;
  // undici is loaded only for this: `get stages` reaches this module and must not pay for it.
  const dispatcher = config.insecure
    ? new (await import('undici')).Agent({ connect: { rejectUnauthorized: false } })
    : undefined;
  try {
    ctx.log(
      `argocd: ${config.applications.map(appLabel).join(', ')} on ${new URL(server).host}` +
        (wanted ? `, waiting for ${short(wanted)}` : ', revision not compared'),
    );
    const apps = await Promise.all(
      config.applications.map((ref) => getApplication(ctx, config, server, token, ref, dispatcher)),
    );
    const now = ctx.clock();
    const applications = apps.map((app, i) =>
      assessApplication(config.applications[i] as ArgoCDAppRef, app, wanted, now),
    );
    const phase: MeasurementPhase = applications.some((a) => a.state === 'failed')
      ? 'Failed'
      : applications.some((a) => a.state === 'waiting')
        ? 'Inconclusive'
        : 'Successful';
    const result: ArgoCDResult = { revision: wanted ? short(wanted) : null, applications };
    return { result, phase, detail: scrub(summarise(applications, phase), [token]) };
  } finally {
    await dispatcher?.close();
  }
}

export const argocd: ProviderDefinition<ArgoCDConfig> = { name: 'argocd', parse, measure };
