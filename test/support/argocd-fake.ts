import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { selfSigned } from './tls.js';

/**
 * A local stand-in for the Argo CD API routes gantry calls:
 * - `GET /api/v1/applications/{name}?appNamespace=&project=&refresh=` (ApplicationService.Get),
 *   answering the Application object (metadata, spec, status.sync, status.health,
 *   status.operationState, status.conditions; top-level `operation` while a sync is requested);
 * - `PATCH /api/v1/applications/{name}` (ApplicationService.Patch; body ApplicationPatchRequest
 *   `{name, appNamespace, patch, patchType}`, patchType `json` (RFC 6902, the default) or
 *   `merge` (RFC 7386)). As Argo CD does, the patch applies to the server's current copy and the
 *   update is last-writer-wins: the client's resourceVersion is not compared. A failing `test`
 *   op is Argo CD's `error applying patch: testing value /p failed: test failed`, HTTP 500 code 2
 *   (a plain error from the patch library, which grpc-gateway reports as Unknown);
 * - `GET /api/v1/applications?selector=&appNamespace=` (ApplicationService.List): an
 *   ApplicationList `{metadata, items}` of the apps whose labels match the label selector
 *   (`k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`, `k`, `!k`, comma-separated, all must
 *   hold), in `appNamespace` when given; no match is `"items": null`, as Argo CD's nil slice;
 * - `POST /api/v1/applications/{name}/sync` (ApplicationService.Sync; body
 *   ApplicationSyncRequest `{name, appNamespace, revision, prune, infos, …}`): an operation
 *   already requested or running is 400 code 9 `another operation is already in progress`; a
 *   revision other than the source's targetRevision on an auto-synced app is 400 code 9
 *   `Cannot sync to R: auto-sync currently set to T`; a deny sync window is 403 code 7
 *   `cannot sync: blocked by sync window`. The sync then runs as the app's `sync` says (Running
 *   for some GETs, then its phase), at the revisions `resolveRevision` gives its sources.
 * Update and sync need the RBAC actions `update` and `sync`: a read-only token gets 403
 * `permission denied: applications, update, default/name, sub: …` (code 7).
 *
 * Auth and errors are Argo CD's, as its gRPC gateway writes them — `{"error", "code",
 * "message"}` with the gRPC code:
 * - no token: 401 `no session information` (code 16, Unauthenticated);
 * - a wrong token: 401 `invalid session: token signature is invalid` (code 16);
 * - a token without access, or an app that does not exist when no `project` is given: 403
 *   `permission denied` (code 7) — Argo CD ≥ 2.6.7 does not reveal whether an app exists
 *   (GHSA-2q5c-qw9c-fmvq, argo-cd issues #13000, #14004);
 * - an app that does not exist in the given `project`: 404 `applications.argoproj.io "x" not
 *   found` (code 5; argo-cd PR #13394); an app that exists in another project: 403.
 * Apps live in the server's namespace (`argocd`) unless given one; `appNamespace` selects it.
 *
 * Each app has a timeline of snapshots: a snapshot is served `times` GETs (default 1), the last
 * one forever after — "OutOfSync at the old revision twice, Progressing once, then Synced and
 * Healthy at the commit".
 */

export type SyncStatus = 'Synced' | 'OutOfSync' | 'Unknown';
export type HealthStatus =
  'Healthy' | 'Progressing' | 'Degraded' | 'Suspended' | 'Missing' | 'Unknown';
export type OperationPhase = 'Running' | 'Terminating' | 'Failed' | 'Error' | 'Succeeded';

export interface Snapshot {
  sync: SyncStatus;
  /** status.sync.revision (single-source apps). */
  revision?: string;
  /** status.sync.revisions (multi-source apps, one per source). */
  revisions?: string[];
  health: HealthStatus;
  healthMessage?: string;
  /** status.health.lastTransitionTime (Argo CD ≥ 2.12 sets it). */
  healthSince?: string;
  /** status.operationState; omitted: the app was never synced. */
  operation?: {
    phase: OperationPhase;
    /** The revision the sync was for (operation.sync.revision and syncResult.revision). */
    revision?: string;
    message?: string;
    startedAt?: string;
    /** Defaults to a time long past; null: not finished. */
    finishedAt?: string | null;
  };
  /** A sync is requested but not picked up yet (top-level `operation`). */
  requested?: { revision?: string };
  conditions?: { type: string; message: string }[];
  /**
   * status.reconciledAt: when Argo CD last compared the app with Git and assessed its health.
   * Default: the operation's finishedAt (Argo CD reconciles right after an operation), else long
   * ago; set it earlier than finishedAt for an app whose health was not reassessed yet.
   */
  reconciledAt?: string;
  /** How many GETs see this snapshot (default 1); the last snapshot stays. */
  times?: number;
}

export interface FakeApp {
  name: string;
  /** Default: the server's namespace, argocd. */
  namespace?: string;
  /** Default: default. */
  project?: string;
  /** spec.source.repoURL (every source's, for multi-source apps). Default: the GitOps repo. */
  repoURL?: string;
  timeline: Snapshot[];
  /** metadata.annotations (Kargo's authorized-stage annotation lives there). */
  annotations?: Record<string, string>;
  /** metadata.labels (what argocd-update's `selector` matches). */
  labels?: Record<string, string>;
  /**
   * spec.source or spec.sources (and syncPolicy) instead of the generated Git source: Helm
   * chart sources, Kustomize images, Helm parameters.
   */
  spec?: { source?: Record<string, unknown>; sources?: Record<string, unknown>[] } & Record<
    string,
    unknown
  >;
  /** What a sync POSTed for this app does. Default: Succeeded at once. */
  sync?: {
    /** GETs that see the operation Running before it ends (default 0). */
    runningGets?: number;
    phase?: 'Succeeded' | 'Failed' | 'Error';
    message?: string;
  };
  /** Sync requests refused by a deny sync window before one is accepted. */
  syncWindowDenies?: number;
}

/** A sync the fake accepted: the ApplicationSyncRequest's infos and the revisions it resolved. */
export interface AcceptedSync {
  infos: { name: string; value: string }[];
  revisions: string[];
  prune: boolean;
  /** GETs since it was accepted. */
  gets: number;
}

export interface RecordedArgoRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization?: string;
  /** The JSON body of a PATCH or POST. */
  body?: unknown;
}

export interface FakeArgoCD {
  url: string;
  /** The CA-less self-signed certificate (PEM) when started with tls. */
  certPem?: string;
  requests: RecordedArgoRequest[];
  setApp(app: FakeApp): void;
  /** The app's spec and annotations as they are now (after PATCHes). */
  live(
    name: string,
    namespace?: string,
  ): {
    spec: Record<string, unknown>;
    annotations: Record<string, string>;
    resourceVersion: number;
  };
  /** Someone else edits the app's spec (the Argo CD UI, kubectl). */
  edit(
    name: string,
    namespace: string | undefined,
    change: (spec: Record<string, unknown>) => void,
  ): void;
  /** Runs once, just before the next PATCH is applied (a concurrent edit between GET and PATCH). */
  beforeNextPatch(fn: () => void): void;
  /** Syncs accepted for an app, oldest first. */
  syncs(name: string, namespace?: string): AcceptedSync[];
  /** GETs served for an app so far. */
  gets(name: string, namespace?: string): number;
  failNext(status: number, grpcCode: number, message: string, count?: number): void;
  delayNext(ms: number, count?: number): void;
  close(): Promise<void>;
}

export interface FakeArgoCDOptions {
  /** The token that may read every application. */
  token: string;
  /** Tokens that may read only the listed applications (`name` or `namespace/name`). */
  limitedTokens?: Record<string, string[]>;
  /** Serve HTTPS with a self-signed certificate. */
  tls?: boolean;
  /** Tokens that may get applications but not update or sync them. */
  readOnlyTokens?: string[];
  /**
   * The revision Argo CD resolves a source's targetRevision to when it syncs (a branch to its
   * tip's SHA). Default: the targetRevision itself.
   */
  resolveRevision?: (source: Record<string, unknown>) => string | Promise<string>;
}

export const ARGOCD_NAMESPACE = 'argocd';
const LONG_AGO = '2025-01-01T00:00:00Z';
const REPO = 'https://github.com/acme/gitops.git';

function gatewayError(res: ServerResponse, status: number, code: number, message: string): void {
  res
    .writeHead(status, { 'content-type': 'application/json' })
    .end(JSON.stringify({ error: message, code, message }));
}

/** The Application object Argo CD's API returns, for one snapshot. */
export function applicationJson(app: FakeApp, s: Snapshot): Record<string, unknown> {
  const namespace = app.namespace ?? ARGOCD_NAMESPACE;
  const multi = s.revisions !== undefined;
  const repoURL = app.repoURL ?? REPO;
  const sources = multi
    ? s.revisions!.map((_, i) => ({
        repoURL,
        path: `apps/${app.name}/${i}`,
        targetRevision: 'main',
      }))
    : undefined;
  const source = { repoURL, path: `apps/${app.name}`, targetRevision: 'main' };
  const destination = { server: 'https://kubernetes.default.svc', namespace: app.name };
  const op = s.operation;
  const opRevision = op?.revision;
  return {
    metadata: {
      name: app.name,
      namespace,
      uid: `00000000-0000-4000-8000-${app.name
        .padEnd(12, '0')
        .slice(0, 12)
        .replace(/[^0-9a-f]/g, 'a')}`,
      resourceVersion: '4242',
      creationTimestamp: LONG_AGO,
      ...(app.annotations && { annotations: { ...app.annotations } }),
      ...(app.labels && { labels: { ...app.labels } }),
    },
    spec: {
      project: app.project ?? 'default',
      ...(multi ? { sources } : { source }),
      destination,
      syncPolicy: { automated: { prune: true, selfHeal: true } },
      ...structuredClone(app.spec),
    },
    ...(s.requested && {
      operation: {
        sync: { ...(s.requested.revision && { revision: s.requested.revision }), prune: true },
        initiatedBy: { automated: true },
        retry: { limit: 5 },
      },
    }),
    status: {
      resources: [
        {
          version: 'v1',
          kind: 'Service',
          namespace: app.name,
          name: app.name,
          status: s.sync,
          health: { status: s.health === 'Degraded' ? 'Healthy' : s.health },
        },
        {
          group: 'apps',
          version: 'v1',
          kind: 'Deployment',
          namespace: app.name,
          name: app.name,
          status: s.sync,
          health: {
            status: s.health,
            ...(s.healthMessage && { message: s.healthMessage }),
          },
        },
      ],
      sync: {
        status: s.sync,
        comparedTo: multi ? { sources, destination } : { source, destination },
        ...(s.revision !== undefined && { revision: s.revision }),
        ...(multi && { revisions: s.revisions }),
      },
      health: {
        status: s.health,
        ...(s.healthMessage && { message: s.healthMessage }),
        ...(s.healthSince && { lastTransitionTime: s.healthSince }),
      },
      ...(s.conditions?.length && {
        conditions: s.conditions.map((c) => ({ ...c, lastTransitionTime: LONG_AGO })),
      }),
      reconciledAt:
        s.reconciledAt ?? (op && op.finishedAt !== null ? (op.finishedAt ?? LONG_AGO) : LONG_AGO),
      ...(op && {
        operationState: {
          operation: {
            sync: { ...(opRevision && { revision: opRevision }), prune: true },
            initiatedBy: { automated: true },
            retry: { limit: 5 },
          },
          phase: op.phase,
          message:
            op.message ??
            (op.phase === 'Succeeded'
              ? 'successfully synced (all tasks run)'
              : op.phase === 'Running'
                ? 'waiting for healthy state of apps/Deployment/' + app.name
                : ''),
          ...(opRevision && {
            syncResult: {
              resources: [],
              ...(multi ? { revisions: s.revisions, sources } : { revision: opRevision, source }),
            },
          }),
          startedAt: op.startedAt ?? LONG_AGO,
          ...(op.finishedAt !== null && { finishedAt: op.finishedAt ?? LONG_AGO }),
        },
      }),
      sourceType: 'Kustomize',
      summary: { images: [`ghcr.io/acme/${app.name}:1.0.0`] },
      controllerNamespace: ARGOCD_NAMESPACE,
    },
  };
}

/** RFC 6901 pointer → keys. */
function pointerKeys(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new Error(`invalid JSON pointer ${JSON.stringify(path)}`);
  return path
    .slice(1)
    .split('/')
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (isObj(v)) {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys(v[k])]),
    );
  }
  return v;
}

/** RFC 6902 (add, remove, replace, test), with evanphx/json-patch's error texts. */
export function applyJsonPatch(doc: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw new Error('error decoding json patch: not a list of operations');
  let root = structuredClone(doc);
  for (const raw of ops) {
    if (!isObj(raw) || typeof raw.op !== 'string' || typeof raw.path !== 'string') {
      throw new Error('error decoding json patch: invalid operation');
    }
    const keys = pointerKeys(raw.path);
    const last = keys.pop();
    let parent: unknown = root;
    for (const k of keys) {
      parent = Array.isArray(parent) ? parent[Number(k)] : isObj(parent) ? parent[k] : undefined;
    }
    const at = (): unknown =>
      last === undefined
        ? root
        : Array.isArray(parent)
          ? parent[Number(last)]
          : isObj(parent)
            ? parent[last]
            : undefined;
    if (raw.op === 'test') {
      if (!deepEqual(at(), raw.value)) {
        throw new Error(`error applying patch: testing value ${raw.path} failed: test failed`);
      }
      continue;
    }
    if (last === undefined) {
      root = structuredClone(raw.value);
      continue;
    }
    if (!isObj(parent) && !Array.isArray(parent)) {
      throw new Error(
        `error applying patch: ${raw.op} operation does not apply: doc is missing path: "${raw.path}"`,
      );
    }
    if (raw.op === 'add' || raw.op === 'replace') {
      if (raw.op === 'replace' && at() === undefined) {
        throw new Error(
          `error applying patch: replace operation does not apply: doc is missing key: ${raw.path}`,
        );
      }
      if (Array.isArray(parent)) {
        const i = last === '-' ? parent.length : Number(last);
        if (raw.op === 'add') parent.splice(i, 0, structuredClone(raw.value));
        else parent[i] = structuredClone(raw.value);
      } else parent[last] = structuredClone(raw.value);
    } else if (raw.op === 'remove') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else Reflect.deleteProperty(parent, last);
    } else {
      throw new Error(`error applying patch: Unexpected kind: ${raw.op}`);
    }
  }
  return root;
}

/** RFC 7386. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return structuredClone(patch);
  const out: Record<string, unknown> = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) Reflect.deleteProperty(out, k);
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** Does a label selector string (Kubernetes' syntax) match these labels? */
export function matchesSelector(selector: string, labels: Record<string, string>): boolean {
  // Split on commas outside parentheses.
  const reqs = selector.match(/(?:[^,(]|\([^)]*\))+/g) ?? [];
  return reqs.every((raw) => {
    const r = raw.trim();
    let m = /^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(r);
    if (m) {
      const values = (m[3] ?? '').split(',').map((v) => v.trim());
      const has = (m[1] ?? '') in labels && values.includes(labels[m[1] ?? ''] ?? '');
      return m[2] === 'in' ? has : !has;
    }
    m = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(r);
    if (m) {
      const equal = labels[m[1] ?? ''] === m[3];
      return m[2] === '!=' ? !equal : equal;
    }
    if (r.startsWith('!')) return !(r.slice(1) in labels);
    return r in labels;
  });
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (!text) return resolve(undefined);
      try {
        resolve(JSON.parse(text));
      } catch {
        resolve(text);
      }
    });
    req.on('error', reject);
  });
}

interface Live {
  spec: Record<string, unknown>;
  annotations: Record<string, string>;
  resourceVersion: number;
  syncs: AcceptedSync[];
  windowDenies: number;
}

export async function startFakeArgoCD(opts: FakeArgoCDOptions): Promise<FakeArgoCD> {
  const requests: RecordedArgoRequest[] = [];
  const apps = new Map<string, FakeApp>();
  const served = new Map<string, number>();
  const failures: { status: number; code: number; message: string; count: number }[] = [];
  let delay: { ms: number; count: number } | undefined;
  const key = (name: string, ns?: string) => `${ns ?? ARGOCD_NAMESPACE}/${name}`;

  const snapshotFor = (app: FakeApp, n: number): Snapshot => {
    let seen = 0;
    for (const s of app.timeline) {
      seen += s.times ?? 1;
      if (n < seen) return s;
    }
    const last = app.timeline[app.timeline.length - 1];
    if (!last) throw new Error(`fake Argo CD: app ${app.name} has an empty timeline`);
    return last;
  };

  const live = new Map<string, Live>();
  let beforePatch: (() => void) | undefined;
  const liveOf = (app: FakeApp): Live => {
    const k = key(app.name, app.namespace);
    let l = live.get(k);
    if (!l) {
      const first = app.timeline[0];
      if (!first) throw new Error(`fake Argo CD: app ${app.name} has an empty timeline`);
      const json = applicationJson(app, first) as {
        spec: Record<string, unknown>;
        metadata: { annotations?: Record<string, string> };
      };
      l = {
        spec: json.spec,
        annotations: json.metadata.annotations ?? {},
        resourceVersion: 4242,
        syncs: [],
        windowDenies: app.syncWindowDenies ?? 0,
      };
      live.set(k, l);
    }
    return l;
  };

  /** The Application as a GET shows it now: the snapshot, the live spec, the sync it runs. */
  const render = (app: FakeApp, s: Snapshot, count: boolean): Record<string, unknown> => {
    const l = liveOf(app);
    const json = applicationJson(app, s) as {
      metadata: Record<string, unknown>;
      spec: Record<string, unknown>;
      operation?: unknown;
      status: Record<string, unknown>;
    };
    json.metadata.annotations = { ...l.annotations };
    if (!Object.keys(l.annotations).length) delete json.metadata.annotations;
    json.metadata.resourceVersion = String(l.resourceVersion);
    json.spec = structuredClone(l.spec);
    const sync = l.syncs[l.syncs.length - 1];
    if (!sync) return json;
    if (count) sync.gets++;
    const multi = Array.isArray(l.spec.sources) && l.spec.sources.length > 0;
    const sources = multi ? (l.spec.sources as unknown[]) : undefined;
    const source = multi ? undefined : l.spec.source;
    const running = sync.gets <= (app.sync?.runningGets ?? 0);
    const phase = running ? 'Running' : (app.sync?.phase ?? 'Succeeded');
    const finishedAt = new Date().toISOString();
    const revision = multi ? undefined : sync.revisions[0];
    delete json.operation;
    json.status.operationState = {
      operation: {
        sync: multi ? { revisions: sync.revisions } : { revision },
        initiatedBy: { username: 'gantry' },
        info: sync.infos,
        retry: {},
      },
      phase,
      message:
        app.sync?.message ??
        (phase === 'Succeeded'
          ? 'successfully synced (all tasks run)'
          : phase === 'Running'
            ? 'waiting for healthy state of apps/Deployment/' + app.name
            : 'one or more objects failed to apply'),
      startedAt: LONG_AGO,
      ...(!running && {
        finishedAt,
        syncResult: {
          resources: [],
          ...(multi ? { revisions: sync.revisions, sources } : { revision, source }),
        },
      }),
    };
    if (phase === 'Succeeded') {
      json.status.sync = {
        status: 'Synced',
        comparedTo: { ...(multi ? { sources } : { source }), destination: json.spec.destination },
        ...(multi ? { revisions: sync.revisions } : { revision }),
      };
      json.status.health = { status: 'Healthy', lastTransitionTime: finishedAt };
      json.status.reconciledAt = finishedAt;
    }
    return json;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const authorization = req.headers.authorization;
    const body = req.method === 'GET' ? undefined : await readJson(req);
    requests.push({
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      ...(authorization && { authorization }),
      ...(body !== undefined && { body }),
    });

    if (delay && delay.count > 0) {
      delay.count--;
      const ms = delay.ms;
      await new Promise((r) => setTimeout(r, ms));
    }
    const failure = failures[0];
    if (failure) {
      if (--failure.count <= 0) failures.shift();
      return gatewayError(res, failure.status, failure.code, failure.message);
    }

    if (url.pathname === '/api/v1/applications' && req.method === 'GET') {
      const bearer = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
      if (!bearer) return gatewayError(res, 401, 16, 'no session information');
      const limited = opts.limitedTokens?.[bearer];
      if (bearer !== opts.token && !limited && !opts.readOnlyTokens?.includes(bearer)) {
        return gatewayError(res, 401, 16, 'invalid session: token signature is invalid');
      }
      const selector = url.searchParams.get('selector') ?? '';
      const ns = url.searchParams.get('appNamespace') || undefined;
      // Argo CD leaves out of the list what the token may not get, with no error.
      const items = [...apps.values()]
        .filter((a) => (ns ? (a.namespace ?? ARGOCD_NAMESPACE) === ns : true))
        .filter((a) => !limited || limited.includes(a.name))
        .filter((a) => matchesSelector(selector, a.labels ?? {}))
        .map((a) =>
          render(
            a,
            snapshotFor(a, Math.max(0, (served.get(key(a.name, a.namespace)) ?? 1) - 1)),
            false,
          ),
        );
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          metadata: { resourceVersion: '4242' },
          items: items.length ? items : null,
        }),
      );
      return;
    }

    const m = /^\/api\/v1\/applications\/([^/]+)(\/sync)?$/.exec(url.pathname);
    const action =
      m && !m[2] && req.method === 'GET'
        ? 'get'
        : m && !m[2] && req.method === 'PATCH'
          ? 'update'
          : m && m[2] && req.method === 'POST'
            ? 'sync'
            : undefined;
    if (!m || !action) {
      // The gateway's answer for a route it does not have.
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }

    // Argo CD reads the token from the Authorization header (or the argocd.token cookie).
    const bearer = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    const cookie = /(?:^|;\s*)argocd\.token=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const token = bearer ?? cookie;
    if (!token) return gatewayError(res, 401, 16, 'no session information');
    const limited = opts.limitedTokens?.[token];
    const readOnly = opts.readOnlyTokens?.includes(token) ?? false;
    if (token !== opts.token && !limited && !readOnly) {
      return gatewayError(res, 401, 16, 'invalid session: token signature is invalid');
    }

    const name = decodeURIComponent(m[1] ?? '');
    const fields =
      typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    // Update and sync carry appNamespace and project in their bodies (grpc-gateway maps the
    // remaining fields of the request message from the body).
    const ns =
      url.searchParams.get('appNamespace') ||
      (typeof fields.appNamespace === 'string' ? fields.appNamespace : '') ||
      undefined;
    const project =
      url.searchParams.get('project') ||
      url.searchParams.get('projects') ||
      (typeof fields.project === 'string' ? fields.project : '') ||
      undefined;
    const app = apps.get(key(name, ns));
    const allowed =
      !limited || limited.includes(name) || limited.includes(key(name, ns ?? ARGOCD_NAMESPACE));

    if (!app) {
      if (project && allowed) {
        return gatewayError(res, 404, 5, `applications.argoproj.io "${name}" not found`);
      }
      return gatewayError(res, 403, 7, 'permission denied');
    }
    if (!allowed || (project && project !== (app.project ?? 'default'))) {
      return gatewayError(res, 403, 7, 'permission denied');
    }

    const k = key(name, ns);
    const l = liveOf(app);
    if (action === 'get') {
      const n = served.get(k) ?? 0;
      served.set(k, n + 1);
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(render(app, snapshotFor(app, n), true)));
      return;
    }
    const current = render(app, snapshotFor(app, Math.max(0, (served.get(k) ?? 1) - 1)), false);
    // Sync windows are checked before RBAC (ApplicationService.Sync's order).
    if (action === 'sync' && l.windowDenies > 0) {
      l.windowDenies--;
      return gatewayError(res, 403, 7, 'cannot sync: blocked by sync window');
    }
    if (readOnly) {
      return gatewayError(
        res,
        403,
        7,
        `permission denied: applications, ${action}, ${app.project ?? 'default'}/${name}, sub: read-only`,
      );
    }

    if (action === 'update') {
      beforePatch?.();
      beforePatch = undefined;
      const patchType = typeof fields.patchType === 'string' ? fields.patchType : '';
      let patched: unknown;
      try {
        const doc = render(app, snapshotFor(app, 0), false);
        const patch: unknown = JSON.parse(String(fields.patch ?? ''));
        if (patchType === 'json' || patchType === '') patched = applyJsonPatch(doc, patch);
        else if (patchType === 'merge') patched = mergePatch(doc, patch);
        else {
          return gatewayError(res, 400, 3, `Patch type '${patchType}' is not supported`);
        }
      } catch (err) {
        // A plain Go error: grpc-gateway answers it as Unknown, HTTP 500.
        return gatewayError(res, 500, 2, err instanceof Error ? err.message : String(err));
      }
      const next = patched as {
        spec?: Record<string, unknown>;
        metadata?: Record<string, unknown>;
      };
      l.spec = structuredClone(next.spec ?? {});
      l.annotations = { ...((next.metadata?.annotations as Record<string, string>) ?? {}) };
      l.resourceVersion++;
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(render(app, snapshotFor(app, 0), false)));
      return;
    }

    // sync
    const last = l.syncs[l.syncs.length - 1];
    const snapshotRequested = current.operation !== undefined;
    if (snapshotRequested || (last !== undefined && last.gets <= (app.sync?.runningGets ?? 0))) {
      return gatewayError(res, 400, 9, 'another operation is already in progress');
    }
    const spec = l.spec;
    const multi = Array.isArray(spec.sources) && spec.sources.length > 0;
    const sources = (multi ? spec.sources : [spec.source]) as Record<string, unknown>[];
    const revision = typeof fields.revision === 'string' ? fields.revision : '';
    const target = String(sources[0]?.targetRevision ?? '') || 'HEAD';
    const automated = isObj(spec.syncPolicy) && spec.syncPolicy.automated !== undefined;
    if (!multi && revision && revision !== target && automated) {
      return gatewayError(
        res,
        400,
        9,
        `Cannot sync to ${revision}: auto-sync currently set to ${String(sources[0]?.targetRevision ?? '')}`,
      );
    }
    const revisions = await Promise.all(
      sources.map(async (src) =>
        opts.resolveRevision ? opts.resolveRevision(src) : String(src.targetRevision ?? 'HEAD'),
      ),
    );
    const infos = Array.isArray(fields.infos)
      ? (fields.infos as { name: string; value: string }[])
      : [];
    l.syncs.push({ infos, revisions, prune: fields.prune === true, gets: 0 });
    const answer = render(app, snapshotFor(app, 0), false);
    answer.operation = {
      sync: { revisions: [], prune: fields.prune === true },
      initiatedBy: { username: 'gantry' },
      info: infos,
    };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) gatewayError(res, 500, 13, String(err));
    });
  };
  const tls = opts.tls ? await selfSigned() : undefined;
  const server = tls
    ? createHttpsServer({ key: tls.key, cert: tls.cert }, listener)
    : createHttpServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    ...(tls && { certPem: tls.cert }),
    requests,
    setApp: (app) => {
      apps.set(key(app.name, app.namespace), app);
      served.set(key(app.name, app.namespace), 0);
      live.delete(key(app.name, app.namespace));
    },
    live: (name, namespace) => {
      const app = apps.get(key(name, namespace));
      if (!app) throw new Error(`fake Argo CD: no app ${key(name, namespace)}`);
      const l = liveOf(app);
      return {
        spec: structuredClone(l.spec),
        annotations: { ...l.annotations },
        resourceVersion: l.resourceVersion,
      };
    },
    edit: (name, namespace, change) => {
      const app = apps.get(key(name, namespace));
      if (!app) throw new Error(`fake Argo CD: no app ${key(name, namespace)}`);
      const l = liveOf(app);
      change(l.spec);
      l.resourceVersion++;
    },
    beforeNextPatch: (fn) => {
      beforePatch = fn;
    },
    syncs: (name, namespace) => {
      const app = apps.get(key(name, namespace));
      return app ? [...liveOf(app).syncs] : [];
    },
    gets: (name, namespace) => served.get(key(name, namespace)) ?? 0,
    failNext: (status, code, message, count = 1) =>
      void failures.push({ status, code, message, count }),
    delayNext: (ms, count = 1) => {
      delay = { ms, count };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
