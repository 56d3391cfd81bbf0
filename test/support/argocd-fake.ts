import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { selfSigned } from './tls.js';

/**
 * A local stand-in for the one Argo CD API route gantry's `argocd` provider calls:
 * `GET /api/v1/applications/{name}?appNamespace=&project=&refresh=` (ApplicationService.Get),
 * answering the Application object (metadata, spec, status.sync, status.health,
 * status.operationState, status.conditions; top-level `operation` while a sync is requested).
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
}

export interface RecordedArgoRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization?: string;
}

export interface FakeArgoCD {
  url: string;
  /** The CA-less self-signed certificate (PEM) when started with tls. */
  certPem?: string;
  requests: RecordedArgoRequest[];
  setApp(app: FakeApp): void;
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
    },
    spec: {
      project: app.project ?? 'default',
      ...(multi ? { sources } : { source }),
      destination,
      syncPolicy: { automated: { prune: true, selfHeal: true } },
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

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const authorization = req.headers.authorization;
    requests.push({
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      ...(authorization && { authorization }),
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

    const m = /^\/api\/v1\/applications\/([^/]+)$/.exec(url.pathname);
    if (!m || req.method !== 'GET') {
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
    if (token !== opts.token && !limited) {
      return gatewayError(res, 401, 16, 'invalid session: token signature is invalid');
    }

    const name = decodeURIComponent(m[1] ?? '');
    const ns = url.searchParams.get('appNamespace') || undefined;
    const project =
      url.searchParams.get('project') || url.searchParams.get('projects') || undefined;
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
    const n = served.get(k) ?? 0;
    served.set(k, n + 1);
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify(applicationJson(app, snapshotFor(app, n))));
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
