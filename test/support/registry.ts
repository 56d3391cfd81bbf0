/**
 * Real OCI registries for tests: Debian's `docker-registry` (distribution 2.8) on 127.0.0.1 with
 * no auth, htpasswd (bcrypt) or bearer tokens from a small Node token server (RS256 JWTs with the
 * signing certificate in `x5c`); a proxy in front that pages `tags/list` (2.8 ignores `n`/`last`)
 * and injects faults; and helpers that push images, multi-platform indexes and many tags through
 * the HTTP API with fetch (no Docker).
 *
 * Needs the Debian packages `docker-registry` and `apache2-utils` (htpasswd), and `openssl`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash, createPrivateKey, randomBytes, sign } from 'node:crypto';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Agent, fetch, type Response } from 'undici';
import { writeSelfSigned } from './tls.js';

const INSTALL_HINT =
  'install it with: DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends docker-registry apache2-utils skopeo';

function onPath(command: string): boolean {
  for (const dir of (process.env.PATH ?? '/usr/bin:/bin').split(delimiter)) {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      // Next directory.
    }
  }
  return false;
}

/** Throws a message that says what to install when a command the harness needs is missing. */
export function requireCommand(command: string, debianPackage: string): void {
  if (!onPath(command)) {
    throw new Error(
      `${command} is not installed (Debian package ${debianPackage}); the registry tests need it: ${INSTALL_HINT}`,
    );
  }
}

/** A port nobody listens on right now (bind port 0, read it, release it). */
export async function freePort(): Promise<number> {
  const srv = createNetServer();
  await new Promise<void>((resolve, reject) => {
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', resolve);
  });
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((r) => server.close(() => r()));
}

export interface TokenServer {
  url: string;
  realm: string;
  service: string;
  /** Every token request: who asked (`''` for anonymous), for which scopes, how. */
  requests: { account: string; scopes: string[]; method: string; granted: boolean }[];
  /** Seconds a token lives (the `expires_in` sent). */
  expiresIn: number;
  close(): Promise<void>;
}

interface Keys {
  keyPem: string;
  certPem: string;
  certPath: string;
}

/** The token server's signing key and certificate (no subjectAltName: it signs, serves nothing). */
async function makeKeys(dir: string): Promise<Keys> {
  const { key, cert, certPath } = await writeSelfSigned(dir, 'token', {
    commonName: 'test-token',
    ip: null,
  });
  return { keyPem: key, certPem: cert, certPath };
}

const b64url = (b: Buffer | string): string => Buffer.from(b).toString('base64url');

function parseBasic(header: string | undefined): { user: string; pass: string } | null {
  if (!header?.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  return i < 0 ? null : { user: decoded.slice(0, i), pass: decoded.slice(i + 1) };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A token service per the Docker registry token spec: GET with optional basic auth, or POST
 * (OAuth2 `password` and `refresh_token` grants). Anonymous callers get `pull` (when
 * `anonymousPull`), known users what they ask for.
 */
async function startTokenServer(opts: {
  keys: Keys;
  users: Record<string, string>;
  refreshTokens: Record<string, string>;
  anonymousPull: boolean;
  expiresIn: number;
}): Promise<TokenServer> {
  const service = 'test-registry';
  const issuer = 'test-issuer';
  const key = createPrivateKey(opts.keys.keyPem);
  const der = opts.keys.certPem
    .replace(/-----(BEGIN|END) CERTIFICATE-----/g, '')
    .replace(/\s+/g, '');
  const state: TokenServer = {
    url: '',
    realm: '',
    service,
    requests: [],
    expiresIn: opts.expiresIn,
    close: async () => undefined,
  };
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      let account = '';
      let scopes = url.searchParams.getAll('scope');
      let authenticated = true;
      const basic = parseBasic(req.headers.authorization);
      if (req.method === 'POST') {
        const form = new URLSearchParams((await readBody(req)).toString('utf8'));
        scopes = form.getAll('scope').flatMap((s) => s.split(' '));
        if (form.get('grant_type') === 'refresh_token') {
          const user = opts.refreshTokens[form.get('refresh_token') ?? ''];
          authenticated = user !== undefined;
          account = user ?? '';
        } else if (form.get('grant_type') === 'password') {
          account = form.get('username') ?? '';
          authenticated = opts.users[account] === form.get('password');
        } else {
          authenticated = false;
        }
      } else if (basic) {
        account = basic.user;
        authenticated = opts.users[basic.user] === basic.pass;
      }
      state.requests.push({ account, scopes, method: req.method ?? 'GET', granted: authenticated });
      if (!authenticated) {
        res.writeHead(401, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ details: 'incorrect username or password' }));
        return;
      }
      const access = scopes
        .map((s) => s.split(':'))
        .filter((p) => p.length >= 3)
        .map(([type, ...rest]) => {
          const actions = (rest.pop() ?? '').split(',').filter(Boolean);
          const allowed = account
            ? actions
            : opts.anonymousPull
              ? actions.filter((a) => a === 'pull')
              : [];
          return { type, name: rest.join(':'), actions: allowed };
        });
      const now = Math.floor(Date.now() / 1000);
      const header = { alg: 'RS256', typ: 'JWT', x5c: [der] };
      const claims = {
        iss: issuer,
        sub: account,
        aud: service,
        exp: now + opts.expiresIn,
        nbf: now - 30,
        iat: now,
        jti: randomBytes(8).toString('hex'),
        access,
      };
      const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
      const token = `${input}.${b64url(sign('sha256', Buffer.from(input), key))}`;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          token,
          access_token: token,
          expires_in: opts.expiresIn,
          issued_at: new Date(now * 1000).toISOString(),
        }),
      );
    })().catch((err: unknown) => {
      res.writeHead(500).end(String(err));
    });
  });
  const port = await listen(server);
  state.url = `http://127.0.0.1:${port}`;
  state.realm = `${state.url}/token`;
  state.close = () => closeServer(server);
  return state;
}

export interface RegistryOptions {
  auth?: 'none' | 'htpasswd' | 'token';
  /** Users and passwords (htpasswd and token). Default alice / s3cret-… */
  users?: Record<string, string>;
  /** Token auth: OAuth2 refresh tokens (Docker config `identitytoken`) → user. */
  refreshTokens?: Record<string, string>;
  /** Token auth: may anonymous callers pull? Default true. */
  anonymousPull?: boolean;
  /** Token auth: token lifetime in seconds. Default 300. */
  tokenExpiresIn?: number;
  /** Serve HTTPS with a self-signed certificate. */
  tls?: boolean;
}

export interface TestRegistry {
  /** `127.0.0.1:<port>`: what image references name. */
  host: string;
  /** `http://127.0.0.1:<port>` (or https). */
  url: string;
  users: Record<string, string>;
  tokenServer?: TokenServer;
  dir: string;
  close(): Promise<void>;
}

export const DEFAULT_USERS = { alice: 's3cret-Regi5try-pw' };

/** Start a docker-registry on a free 127.0.0.1 port and wait until `/v2/` answers. */
export async function startRegistry(opts: RegistryOptions = {}): Promise<TestRegistry> {
  requireCommand('docker-registry', 'docker-registry');
  const auth = opts.auth ?? 'none';
  const users = opts.users ?? DEFAULT_USERS;
  const dir = mkdtempSync(join(tmpdir(), 'gantry-registry-'));
  let authYaml = '';
  let tokenServer: TokenServer | undefined;
  if (auth === 'htpasswd') {
    requireCommand('htpasswd', 'apache2-utils');
    const lines = Object.entries(users).map(([u, p]) =>
      execFileSync('htpasswd', ['-Bbn', u, p], { encoding: 'utf8' }).trim(),
    );
    writeFileSync(join(dir, 'htpasswd'), `${lines.join('\n')}\n`);
    authYaml = `auth:\n  htpasswd:\n    realm: basic-realm\n    path: ${join(dir, 'htpasswd')}\n`;
  } else if (auth === 'token') {
    const keys = await makeKeys(dir);
    tokenServer = await startTokenServer({
      keys,
      users,
      refreshTokens: opts.refreshTokens ?? {},
      anonymousPull: opts.anonymousPull ?? true,
      expiresIn: opts.tokenExpiresIn ?? 300,
    });
    authYaml =
      `auth:\n  token:\n    realm: ${tokenServer.realm}\n    service: ${tokenServer.service}\n` +
      `    issuer: test-issuer\n    rootcertbundle: ${keys.certPath}\n`;
  }
  let tlsYaml = '';
  if (opts.tls) {
    const { keyPath, certPath } = await writeSelfSigned(dir, 'tls');
    tlsYaml = `  tls:\n    certificate: ${certPath}\n    key: ${keyPath}\n`;
  }
  const scheme = opts.tls ? 'https' : 'http';
  let child: ChildProcess | undefined;
  let port = 0;
  let stderr = '';
  // A port picked free may be taken before the registry binds it; try a few.
  for (let attempt = 0; attempt < 5; attempt++) {
    port = await freePort();
    const config = join(dir, 'config.yml');
    writeFileSync(
      config,
      `version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\n` +
        `storage:\n  filesystem:\n    rootdirectory: ${join(dir, 'data')}\n  delete:\n    enabled: true\n` +
        `http:\n  addr: 127.0.0.1:${port}\n  secret: testsecret\n${tlsYaml}${authYaml}`,
    );
    stderr = '';
    const proc = spawn('docker-registry', ['serve', config], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    proc.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString('utf8')).slice(-4000);
    });
    const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
    const up = await waitUntilUp(`${scheme}://127.0.0.1:${port}/v2/`, exited, opts.tls ?? false);
    if (up) {
      child = proc;
      break;
    }
    proc.kill('SIGKILL');
  }
  if (!child) {
    await tokenServer?.close();
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`docker-registry did not start: ${stderr.trim() || '(no output)'}`);
  }
  const proc = child;
  return {
    host: `127.0.0.1:${port}`,
    url: `${scheme}://127.0.0.1:${port}`,
    users,
    ...(tokenServer && { tokenServer }),
    dir,
    close: async () => {
      const exited = new Promise<void>((r) => {
        if (proc.exitCode !== null || proc.signalCode !== null) r();
        else proc.once('exit', () => r());
      });
      proc.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await tokenServer?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitUntilUp(
  url: string,
  exited: Promise<number | null>,
  tls: boolean,
): Promise<boolean> {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && !gone) {
    const ok = await new Promise<boolean>((resolve) => {
      const u = new URL(url);
      const mod = tls ? import('node:https') : Promise.resolve({ request: httpRequest });
      void mod.then(({ request }) => {
        const r = request(
          {
            host: u.hostname,
            port: u.port,
            path: u.pathname,
            method: 'GET',
            rejectUnauthorized: false,
          },
          (res) => {
            res.resume();
            resolve(true);
          },
        );
        r.on('error', () => resolve(false));
        r.end();
      });
    });
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Paging and fault-injecting proxy

export type TagOrder = 'lexical' | 'reverse-lexical' | 'upstream' | ((tags: string[]) => string[]);

export interface PagingOptions {
  /** Largest page; a client's `n` is clamped to it. */
  pageSize: number;
  order: TagOrder;
  /** How the next link is written: `</v2/…>` (like GHCR) or `<http://host/v2/…>`. */
  link: 'relative' | 'absolute';
  /** Ignore the client's `n` and always send pageSize tags. */
  ignoreN?: boolean;
  /**
   * What `last` means. `after` (the default): the first tags after it in the chosen order, any
   * string (with lexical order: what distribution and GHCR do). `known`: a listed tag, else the
   * listing starts over from the first tag (a registry that ignores cursors it did not give).
   * `opaque`: next links carry a token instead of a tag (ECR, Quay), and `last` is that token.
   */
  cursor?: 'after' | 'known' | 'opaque';
  /** Spoil the pages asked for with a `last` that is not a listed tag (speculative cursors). */
  corrupt?: PageCorruption;
  /**
   * Order a listing once and keep it (with an index of its tags) for the pages after, instead of
   * ordering the whole listing for every page as a registry does. The same pages, without the
   * registry's per-page work: for tests, which page through 10,000-tag lists many times and
   * measure nothing. Benchmarks leave it off.
   */
  orderOnce?: boolean;
  /**
   * Compute pages (ordering the listing, finding the cursor, slicing) in a pool of this many
   * worker threads while pages are being computed, the main thread doing HTTP: a registry that
   * answers concurrent requests concurrently, as distribution (Go, a goroutine per request) and
   * GHCR do. Off by default: one thread then orders every page, so pages are answered one after
   * another whatever the client sends at once. Each worker keeps its own copy of a listing, sent
   * once when the proxy takes it, not per page. Function orders and `corrupt` stay on the main
   * thread (startProxy refuses them with workers). Same pages, Link headers and request records
   * as the one-thread proxy.
   */
  workers?: number;
  /**
   * With workers: a page asked while the proxy has no other request open is computed on the main
   * thread, as the one-thread proxy does (the default, true). A client that asks one page at a
   * time then pays no hand-off between threads, which it would not pay a registry either (here it
   * cost skopeo 8 to 40% of its listing, in thread wake-ups on two busy cores). False: every page
   * goes to a worker.
   */
  idleInline?: boolean;
}

export interface PageCorruption {
  /**
   * `unsorted`: two tags swapped; `out-of-range`: the page starts one tag early, at or before
   * `last`; `skip-first`: the first tag after `last` is left out (a cursor bug that only the
   * seams between chains can show).
   */
  kind: 'unsorted' | 'out-of-range' | 'skip-first';
  /** How many pages to spoil. Default 1. */
  times?: number;
}

export type FaultAction =
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  | { kind: 'hang' }
  | { kind: 'malformed-json' }
  /**
   * The registry's own 404 for a manifest it does not have (distribution's words and headers,
   * `detail` naming the reference), without asking it: a test whose tag list names 200,000 tags
   * without manifests spends its time in the registry's 404s otherwise.
   */
  | { kind: 'manifest-unknown' }
  | { kind: 'replace'; contentType: string; body: string; headers?: Record<string, string> };

export interface Fault {
  /** Which requests: method and a test on the path with query. */
  method?: string;
  path: RegExp;
  /** How many matching requests it applies to (then it is spent). Default: every one. */
  times?: number;
  action: FaultAction;
}

export interface ProxyRequest {
  method: string;
  path: string;
  status: number;
}

export interface RegistryProxy {
  host: string;
  url: string;
  paging: PagingOptions | null;
  /**
   * Repository name → the tag list the proxy pages instead of the registry's (with paging on):
   * tags the registry has no manifest for, in numbers no test could push.
   */
  fakeTags: Map<string, string[]>;
  requests: ProxyRequest[];
  /** Most requests the proxy had open at once (to check client concurrency limits). */
  maxInFlight: number;
  /** Tag pages it spoiled (see PagingOptions.corrupt). */
  corrupted: number;
  /**
   * With PagingOptions.workers: each page a worker computed, which worker and when it started
   * and ended (ms since the epoch, the workers' own clocks), to see pages computed at once.
   */
  workerPages: WorkerPage[];
  addFault(f: Fault): void;
  clearFaults(): void;
  /** Forget recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

export interface WorkerPage {
  worker: number;
  startedAt: number;
  endedAt: number;
}

/**
 * A worker of the paging pool (PagingOptions.workers): the one-thread proxy's page computation
 * below (orderTags, firstAfter, the opaque tokens, the Link header), in plain JavaScript so that
 * a worker runs it without a TypeScript loader (tests and benches load this file through one).
 * The integration test compares its pages with the one-thread proxy's, byte for byte.
 */
const PAGER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const lists = new Map();
function orderTags(tags, order) {
  if (order === 'lexical') return [...tags].sort();
  if (order === 'reverse-lexical') return [...tags].sort().reverse();
  return tags;
}
function firstAfter(sorted, key) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
const opaqueToken = (i) => Buffer.from('p' + i).toString('base64url');
const tokenIndex = (token) => {
  const m = /^p(\\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : 0;
};
parentPort.on('message', (m) => {
  if (m.type === 'tags') {
    lists.set(m.name, { tags: m.tags, ordered: undefined });
    return;
  }
  try {
    answer(m);
  } catch (err) {
    parentPort.postMessage({ id: m.id, error: String(err && err.stack ? err.stack : err) });
  }
});
function answer(m) {
  const startedAt = performance.timeOrigin + performance.now();
  const { paging, last } = m;
  const list = lists.get(m.name);
  let ordered = paging.orderOnce ? list.ordered : undefined;
  if (ordered === undefined || ordered.order !== paging.order) {
    ordered = { order: paging.order, tags: orderTags(list.tags, paging.order), at: undefined };
    if (paging.orderOnce) list.ordered = ordered;
  }
  const all = ordered.tags;
  const cursor = paging.cursor ?? 'after';
  let start = 0;
  if (last !== null) {
    if (cursor === 'opaque') start = tokenIndex(last);
    else {
      if (paging.orderOnce && !ordered.at) {
        ordered.at = new Map();
        for (const [i, t] of all.entries()) if (!ordered.at.has(t)) ordered.at.set(t, i);
      }
      const at = ordered.at ? (ordered.at.get(last) ?? -1) : all.indexOf(last);
      if (at >= 0) start = at + 1;
      else if (cursor === 'after' && paging.order === 'lexical') start = firstAfter(all, last);
      else if (cursor === 'after') start = all.length;
    }
  }
  const askedN = Number(m.n ?? '0');
  const n = paging.ignoreN || !(askedN > 0) ? paging.pageSize : Math.min(askedN, paging.pageSize);
  const end = start + n;
  const page = all.slice(start, end);
  let link;
  if (end < all.length && page.length > 0) {
    const token = cursor === 'opaque' ? opaqueToken(end) : (page[page.length - 1] ?? '');
    const next = '/v2/' + m.path + '/tags/list?n=' + n + '&last=' + encodeURIComponent(token);
    link = '<' + (paging.link === 'absolute' ? m.url + next : next) + '>; rel="next"';
  }
  const body = JSON.stringify({ name: m.docName, tags: page });
  const endedAt = performance.timeOrigin + performance.now();
  parentPort.postMessage({ id: m.id, body, link, worker: workerData.index, startedAt, endedAt });
}
`;

/** What a pool worker answers for a page. */
interface PagerAnswer {
  id: number;
  /** The worker's exception, instead of a page (the proxy answers 502 with it). */
  error?: string;
  body: string;
  link: string | undefined;
  worker: number;
  startedAt: number;
  endedAt: number;
}

/** The paging option a worker can follow: no function order, no spoiled pages. */
const poolable = (p: PagingOptions): boolean => typeof p.order !== 'function' && !p.corrupt;

/**
 * The worker threads of PagingOptions.workers. A page goes to the worker with the fewest pages
 * pending (round robin among equals); a listing goes to every worker once, when the proxy first
 * pages that array of tags for that repository name.
 */
class PagerPool {
  private readonly workers: Worker[] = [];
  private readonly pending: number[] = [];
  private readonly waiting = new Map<
    number,
    { resolve: (a: PagerAnswer) => void; reject: (e: Error) => void }
  >();
  /** Repository name → the tag array the workers hold for it. */
  private readonly sent = new Map<string, readonly string[]>();
  private nextId = 0;
  private turn = 0;

  static async start(size: number): Promise<PagerPool> {
    const pool = new PagerPool();
    for (let index = 0; index < size; index++) {
      const w = new Worker(PAGER_SOURCE, { eval: true, workerData: { index } });
      w.on('message', (a: PagerAnswer) => {
        pool.pending[index] = (pool.pending[index] ?? 1) - 1;
        const waiter = pool.waiting.get(a.id);
        pool.waiting.delete(a.id);
        if (a.error === undefined) waiter?.resolve(a);
        else waiter?.reject(new Error(`paging worker ${index}: ${a.error}`));
      });
      // A worker that dies fails every page waiting (each answers 502), not the process.
      w.on('error', (err) => {
        for (const waiter of pool.waiting.values()) waiter.reject(err);
        pool.waiting.clear();
      });
      pool.workers.push(w);
      pool.pending.push(0);
    }
    await Promise.all(
      pool.workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            w.once('online', resolve);
            w.once('error', reject);
          }),
      ),
    );
    // Not before: a process with nothing else to wait for would end while they start. After, no
    // test or bench hangs on a pool it forgot to close (its server keeps it alive while open).
    for (const w of pool.workers) w.unref();
    return pool;
  }

  page(
    name: string,
    tags: string[],
    request: {
      paging: PagingOptions;
      last: string | null;
      n: string | null;
      path: string;
      docName: string;
      url: string;
    },
  ): Promise<PagerAnswer> {
    if (this.sent.get(name) !== tags) {
      for (const w of this.workers) w.postMessage({ type: 'tags', name, tags });
      this.sent.set(name, tags);
    }
    let pick = 0;
    for (let k = 0; k < this.workers.length; k++) {
      const i = (this.turn + k) % this.workers.length;
      if ((this.pending[i] ?? 0) < (this.pending[pick] ?? 0) || k === 0) pick = i;
    }
    this.turn = (pick + 1) % this.workers.length;
    this.pending[pick] = (this.pending[pick] ?? 0) + 1;
    const id = this.nextId++;
    const { pageSize, order, link, ignoreN, cursor, orderOnce } = request.paging;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.workers[pick]?.postMessage({
        type: 'page',
        id,
        name,
        paging: { pageSize, order, link, ignoreN, cursor, orderOnce },
        last: request.last,
        n: request.n,
        path: request.path,
        docName: request.docName,
        url: request.url,
      });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** First index of `sorted` (ascending, code-unit order) holding a string after `key`. */
function firstAfter(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const opaqueToken = (i: number): string => Buffer.from(`p${i}`).toString('base64url');
const tokenIndex = (token: string): number => {
  const m = /^p(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : 0;
};

function orderTags(tags: string[], order: TagOrder): string[] {
  if (typeof order === 'function') return order([...tags]);
  if (order === 'lexical') return [...tags].sort();
  if (order === 'reverse-lexical') return [...tags].sort().reverse();
  return tags;
}

/**
 * A reverse proxy in front of a registry that pages `GET /v2/<name>/tags/list` itself (`n`,
 * `last` as a cursor in the chosen order, `Link: <…>; rel="next"` on every page but the last)
 * and applies faults. Everything else is passed through untouched.
 */
export async function startProxy(
  upstream: string,
  paging: PagingOptions | null = null,
  /** Delay every answer by this much: the round trip of a registry across a network. */
  latencyMs = 0,
): Promise<RegistryProxy> {
  const up = new URL(upstream);
  if (paging?.workers && !poolable(paging))
    throw new Error('startProxy: paging.workers cannot follow a function order or corrupt pages');
  const pool = paging?.workers ? await PagerPool.start(paging.workers) : undefined;
  const faults: (Fault & { left: number })[] = [];
  const hanging = new Set<ServerResponse>();
  const state: RegistryProxy = {
    host: '',
    url: '',
    paging,
    fakeTags: new Map(),
    requests: [],
    maxInFlight: 0,
    corrupted: 0,
    workerPages: [],
    addFault: (f) => faults.push({ ...f, left: f.times ?? Infinity }),
    clearFaults: () => faults.splice(0),
    reset: () => {
      state.requests.splice(0);
      state.maxInFlight = 0;
      state.corrupted = 0;
      state.workerPages.splice(0);
    },
    close: async () => undefined,
  };

  const forward = (
    req: IncomingMessage,
    body: Buffer,
    path: string,
  ): Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
  }> =>
    new Promise((resolve, reject) => {
      const r = httpRequest(
        {
          host: up.hostname,
          port: up.port,
          method: req.method,
          path,
          headers: { ...req.headers, host: up.host },
        },
        (res) => {
          void readBody(res).then(
            (b) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: b }),
            reject,
          );
        },
      );
      r.on('error', reject);
      r.end(body);
    });

  let inFlight = 0;
  /**
   * Whether another request is open once the requests already received have been read: a turn of
   * the event loop first, or a burst's first page would see none of the others (each is read
   * only after the page before it was answered).
   */
  const othersOpen = async (): Promise<boolean> => {
    await new Promise((r) => setImmediate(r));
    return inFlight > 1;
  };
  const snapshots = new Map<string, { name: string; tags: string[] | null }>();
  const orderedOnce = new WeakMap<
    string[],
    { order: TagOrder; tags: string[]; at: Map<string, number> | undefined }
  >();
  const server = createServer((req, res) => {
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    void (async () => {
      if (latencyMs) await new Promise((r) => setTimeout(r, latencyMs));
      const path = req.url ?? '/';
      const method = req.method ?? 'GET';
      const record = (status: number): void => {
        state.requests.push({ method, path, status });
      };
      const fault = faults.find(
        (f) => f.left > 0 && (!f.method || f.method === method) && f.path.test(path),
      );
      if (fault) {
        fault.left--;
        const a = fault.action;
        if (a.kind === 'hang') {
          record(0);
          hanging.add(res);
          res.on('close', () => hanging.delete(res));
          return;
        }
        if (a.kind === 'status') {
          record(a.status);
          res.writeHead(a.status, { 'Content-Type': 'application/json', ...a.headers });
          res.end(
            a.body ??
              JSON.stringify({
                errors: [{ code: 'UNAVAILABLE', message: `injected ${a.status}` }],
              }),
          );
          return;
        }
        if (a.kind === 'manifest-unknown') {
          record(404);
          const ref = decodeURIComponent(path.replace(/\?.*$/, '').replace(/^.*\//, ''));
          const body = Buffer.from(
            `${JSON.stringify({
              errors: [
                { code: 'MANIFEST_UNKNOWN', message: 'manifest unknown', detail: { Tag: ref } },
              ],
            })}\n`,
          );
          res.writeHead(404, {
            'Content-Type': 'application/json; charset=utf-8',
            'Docker-Distribution-Api-Version': 'registry/2.0',
            'Content-Length': String(body.length),
          });
          res.end(method === 'HEAD' ? undefined : body);
          return;
        }
        if (a.kind === 'malformed-json') {
          record(200);
          res.writeHead(200, {
            'Content-Type': /\/manifests\//.test(path)
              ? 'application/vnd.oci.image.manifest.v1+json'
              : 'application/json',
          });
          res.end(method === 'HEAD' ? undefined : '{"tags": ["1.0.0", ');
          return;
        }
        record(200);
        const body = Buffer.from(a.body);
        res.writeHead(200, {
          'Content-Type': a.contentType,
          'Content-Length': String(body.length),
          'Docker-Content-Digest': `sha256:${createHash('sha256').update(body).digest('hex')}`,
          ...a.headers,
        });
        res.end(method === 'HEAD' ? undefined : body);
        return;
      }
      const body = await readBody(req);
      const tagsList = /^\/v2\/(.+)\/tags\/list(?:\?.*)?$/.exec(path);
      if (state.paging && tagsList && method === 'GET') {
        const url = new URL(path, 'http://x');
        const name = tagsList[1] ?? '';
        const last = url.searchParams.get('last');
        // The first page reads the upstream list; later pages page through that snapshot, as a
        // registry paging a consistent listing would (and 10,000 tags are not re-read per page).
        const fake = state.fakeTags.get(name);
        let doc = fake ? { name, tags: fake } : last === null ? undefined : snapshots.get(name);
        if (!doc) {
          const upstreamRes = await forward(req, body, `/v2/${name}/tags/list`);
          if (upstreamRes.status !== 200) {
            record(upstreamRes.status);
            res.writeHead(upstreamRes.status, upstreamRes.headers);
            res.end(upstreamRes.body);
            return;
          }
          doc = JSON.parse(upstreamRes.body.toString('utf8')) as {
            name: string;
            tags: string[] | null;
          };
          snapshots.set(name, doc);
        }
        // Ordered for every page, as distribution reads a repository's whole tag directory for
        // every page: the per-page work of a registry, which benchmarks measure skopeo against
        // (unless orderOnce).
        const paging = state.paging;
        const listed = doc.tags ?? [];
        if (
          pool &&
          paging.workers &&
          poolable(paging) &&
          (paging.idleInline === false || (await othersOpen()))
        ) {
          const a = await pool.page(name, listed, {
            paging,
            last,
            n: url.searchParams.get('n'),
            path: tagsList[1] ?? '',
            docName: doc.name,
            url: state.url,
          });
          state.workerPages.push({ worker: a.worker, startedAt: a.startedAt, endedAt: a.endedAt });
          const headers: Record<string, string> = { 'Content-Type': 'application/json' };
          if (a.link !== undefined) headers.Link = a.link;
          record(200);
          res.writeHead(200, headers);
          res.end(a.body);
          return;
        }
        let ordered = paging.orderOnce ? orderedOnce.get(listed) : undefined;
        if (ordered?.order !== paging.order) {
          const tags = orderTags(listed, paging.order);
          ordered = { order: paging.order, tags, at: undefined };
          if (paging.orderOnce) orderedOnce.set(listed, ordered);
        }
        const all = ordered.tags;
        const cursor = paging.cursor ?? 'after';
        let start = 0;
        let known = true;
        if (last !== null) {
          if (cursor === 'opaque') start = tokenIndex(last);
          else {
            if (paging.orderOnce && !ordered.at) {
              ordered.at = new Map();
              for (const [i, t] of all.entries()) if (!ordered.at.has(t)) ordered.at.set(t, i);
            }
            const at = ordered.at ? (ordered.at.get(last) ?? -1) : all.indexOf(last);
            known = at >= 0;
            if (known) start = at + 1;
            else if (cursor === 'after' && paging.order === 'lexical')
              start = firstAfter(all, last);
            else if (cursor === 'after') start = all.length;
          }
        }
        const askedN = Number(url.searchParams.get('n') ?? '0');
        const n =
          paging.ignoreN || !(askedN > 0) ? paging.pageSize : Math.min(askedN, paging.pageSize);
        const end = start + n;
        let page = all.slice(start, end);
        const spoil = paging.corrupt;
        if (spoil && !known && page.length >= 2 && state.corrupted < (spoil.times ?? 1)) {
          state.corrupted++;
          if (spoil.kind === 'unsorted') page = [page[1], page[0], ...page.slice(2)] as string[];
          else if (spoil.kind === 'skip-first') page = all.slice(start + 1, end + 1);
          else page = all.slice(Math.max(0, start - 1), end - 1);
        }
        const headers: Record<string, string> = { 'Content-Type': 'application/json' };
        if (end < all.length && page.length > 0) {
          const token = cursor === 'opaque' ? opaqueToken(end) : (page[page.length - 1] ?? '');
          const next = `/v2/${tagsList[1]}/tags/list?n=${n}&last=${encodeURIComponent(token)}`;
          headers.Link = `<${paging.link === 'absolute' ? `${state.url}${next}` : next}>; rel="next"`;
        }
        record(200);
        res.writeHead(200, headers);
        res.end(JSON.stringify({ name: doc.name, tags: page }));
        return;
      }
      const upstreamRes = await forward(req, body, path);
      record(upstreamRes.status);
      res.writeHead(upstreamRes.status, upstreamRes.headers);
      res.end(upstreamRes.body);
    })().catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(502);
      res.end(String(err));
    });
  });
  const port = await listen(server);
  state.host = `127.0.0.1:${port}`;
  state.url = `http://127.0.0.1:${port}`;
  state.close = async () => {
    for (const r of hanging) r.destroy();
    await closeServer(server);
    await pool?.close();
  };
  return state;
}

// ---------------------------------------------------------------------------------------------
// Pushing

export interface ImageSpec {
  os?: string;
  architecture?: string;
  variant?: string;
  /** Config `created` (ISO). */
  created?: string;
  /** Manifest annotations. */
  annotations?: Record<string, string>;
  labels?: Record<string, string>;
  /** Manifest flavour. Default OCI. */
  format?: 'oci' | 'docker';
}

export interface PlatformSpec extends ImageSpec {
  /** Annotations on the index's descriptor for this platform. */
  descriptorAnnotations?: Record<string, string>;
}

export interface Pushed {
  digest: string;
  mediaType: string;
  bytes: Buffer;
}

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

const digestOf = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/**
 * Pushes through the registry's HTTP API with fetch: blobs (POST then PUT), manifests, indexes,
 * and one manifest under many tags at once. Handles Basic and Bearer challenges itself.
 */
export class RegistryPusher {
  private authHeader: string | undefined;
  private readonly tokens = new Map<string, string>();

  /** Skips certificate checks when the registry serves TLS (self-signed in tests). */
  private readonly dispatcher: Agent | undefined;

  constructor(
    readonly baseUrl: string,
    private readonly creds?: { username: string; password: string },
  ) {
    if (baseUrl.startsWith('https:'))
      this.dispatcher = new Agent({ connect: { rejectUnauthorized: false } });
  }

  private basic(): string | undefined {
    return this.creds
      ? `Basic ${Buffer.from(`${this.creds.username}:${this.creds.password}`).toString('base64')}`
      : undefined;
  }

  async request(
    repo: string,
    method: string,
    pathOrUrl: string,
    init: { headers?: Record<string, string>; body?: Buffer } = {},
  ): Promise<Response> {
    const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${this.baseUrl}${pathOrUrl}`;
    for (let i = 0; i < 3; i++) {
      const headers: Record<string, string> = { ...init.headers };
      const auth = this.tokens.get(repo) ?? this.authHeader;
      if (auth) headers.Authorization = auth;
      const res = await fetch(url, {
        method,
        headers,
        ...(init.body && { body: init.body }),
        ...(this.dispatcher && { dispatcher: this.dispatcher }),
      });
      if (res.status !== 401) return res;
      await res.arrayBuffer();
      const challenge = res.headers.get('www-authenticate') ?? '';
      if (challenge.startsWith('Basic')) {
        this.authHeader = this.basic();
        continue;
      }
      const realm = /realm="([^"]+)"/.exec(challenge)?.[1];
      const service = /service="([^"]+)"/.exec(challenge)?.[1];
      if (!realm) throw new Error(`push: unexpected challenge ${challenge}`);
      const tokenUrl = new URL(realm);
      if (service) tokenUrl.searchParams.set('service', service);
      tokenUrl.searchParams.set('scope', `repository:${repo}:pull,push`);
      const basic = this.basic();
      const tr = await fetch(tokenUrl, basic ? { headers: { Authorization: basic } } : {});
      if (!tr.ok) throw new Error(`push: token request failed with HTTP ${tr.status}`);
      const { token } = (await tr.json()) as { token: string };
      this.tokens.set(repo, `Bearer ${token}`);
    }
    throw new Error(`push: ${method} ${url} still unauthorized`);
  }

  async pushBlob(repo: string, bytes: Buffer): Promise<string> {
    const digest = digestOf(bytes);
    const head = await this.request(repo, 'HEAD', `/v2/${repo}/blobs/${digest}`);
    if (head.ok) return digest;
    const start = await this.request(repo, 'POST', `/v2/${repo}/blobs/uploads/`);
    await start.arrayBuffer();
    if (start.status !== 202)
      throw new Error(`push: starting an upload answered HTTP ${start.status}`);
    const location = new URL(start.headers.get('location') ?? '', this.baseUrl);
    location.searchParams.set('digest', digest);
    const put = await this.request(repo, 'PUT', location.href, {
      headers: { 'Content-Type': 'application/octet-stream' },
      body: bytes,
    });
    await put.arrayBuffer();
    if (put.status !== 201)
      throw new Error(`push: finishing an upload answered HTTP ${put.status}`);
    return digest;
  }

  async putManifest(
    repo: string,
    reference: string,
    bytes: Buffer,
    mediaType: string,
  ): Promise<string> {
    const res = await this.request(repo, 'PUT', `/v2/${repo}/manifests/${reference}`, {
      headers: { 'Content-Type': mediaType },
      body: bytes,
    });
    const text = await res.text();
    if (res.status !== 201)
      throw new Error(`push: manifest ${repo}:${reference} answered HTTP ${res.status}: ${text}`);
    return res.headers.get('docker-content-digest') ?? digestOf(bytes);
  }

  /** A single-platform image (config blob, no layers) under the given tags. */
  async pushImage(repo: string, tags: string[], spec: ImageSpec = {}): Promise<Pushed> {
    const config = Buffer.from(
      JSON.stringify({
        architecture: spec.architecture ?? 'amd64',
        os: spec.os ?? 'linux',
        ...(spec.variant && { variant: spec.variant }),
        ...(spec.created && { created: spec.created }),
        config: spec.labels ? { Labels: spec.labels } : {},
        rootfs: { type: 'layers', diff_ids: [] },
      }),
    );
    const configDigest = await this.pushBlob(repo, config);
    const docker = spec.format === 'docker';
    const mediaType = docker ? DOCKER_MANIFEST : OCI_MANIFEST;
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType,
        config: {
          mediaType: docker
            ? 'application/vnd.docker.container.image.v1+json'
            : 'application/vnd.oci.image.config.v1+json',
          digest: configDigest,
          size: config.length,
        },
        layers: [],
        ...(spec.annotations && { annotations: spec.annotations }),
      }),
    );
    const digest = digestOf(manifest);
    await this.putManifest(repo, digest, manifest, mediaType);
    await this.tagMany(repo, tags, manifest, mediaType);
    return { digest, mediaType, bytes: manifest };
  }

  /** An OCI index over one image per platform, under the given tags. */
  async pushIndex(
    repo: string,
    tags: string[],
    platforms: PlatformSpec[],
    annotations?: Record<string, string>,
  ): Promise<Pushed & { children: Pushed[] }> {
    const children: Pushed[] = [];
    for (const p of platforms) children.push(await this.pushImage(repo, [], p));
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: children.map((c, i) => {
          const p = platforms[i] ?? {};
          return {
            mediaType: c.mediaType,
            digest: c.digest,
            size: c.bytes.length,
            platform: {
              architecture: p.architecture ?? 'amd64',
              os: p.os ?? 'linux',
              ...(p.variant && { variant: p.variant }),
            },
            ...(p.descriptorAnnotations && { annotations: p.descriptorAnnotations }),
          };
        }),
        ...(annotations && { annotations }),
      }),
    );
    const digest = digestOf(index);
    await this.putManifest(repo, digest, index, OCI_INDEX);
    await this.tagMany(repo, tags, index, OCI_INDEX);
    return { digest, mediaType: OCI_INDEX, bytes: index, children };
  }

  /** PUT the same manifest under many tags, `concurrency` at once. */
  async tagMany(
    repo: string,
    tags: string[],
    bytes: Buffer,
    mediaType: string,
    concurrency = 8,
  ): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < tags.length) {
        const tag = tags[next++] ?? '';
        await this.putManifest(repo, tag, bytes, mediaType);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, tags.length) }, worker));
  }
}
