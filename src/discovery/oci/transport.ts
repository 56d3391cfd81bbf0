/**
 * The registry client's HTTP exchanges: GETs and HEADs on lean-http.ts, the rest on node:http and
 * node:https. A tag listing is a hundred sequential pages and more; undici's fetch spends several
 * times the CPU of a plain request on each (WHATWG streams, Headers, Response objects), and
 * loading undici alone costs about as much as Node's own start-up. What fetch did for this client
 * is kept here:
 * - redirects followed (at most 20, as fetch does), a 303 turned into a GET, and `Authorization`
 *   dropped when a redirect leaves the origin (blob downloads redirect to signed storage URLs);
 * - one timeout for the whole exchange, body included;
 * - the body read up to a cap, the connection dropped the moment it is passed;
 * - connections kept alive per client (a listing reuses one connection for every page).
 * - `Accept-Encoding: gzip, deflate, br`, as fetch sent, and the body decoded within the cap.
 * node:http, node:https, node:tls and node:zlib are loaded when a request needs them: a listing
 * (GETs on the lean path over plain HTTP, plain bodies) loads none of them; node:http alone is
 * about ten of node's internal modules compiled at start.
 */
import type { Agent as HttpAgent, IncomingMessage } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import type { Readable } from 'node:stream';
import { BodyTooLargeError, safeURL } from '../../util/http-body.js';
import { LeanConnections, leanHeadersOK, type LeanTLS } from './lean-http.js';

/** Response headers, read by (case-insensitive) name. */
export interface HeaderReader {
  get(name: string): string | null;
}

export interface Exchange {
  status: number;
  headers: HeaderReader;
  body: Buffer;
  /** The address that answered (after redirects). */
  url: string;
}

export interface ExchangeRequest {
  method: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  insecure: boolean;
  timeoutMs: number;
  maxBytes: number;
  what: string;
  /** Drops the exchange at once (its connection closed) when aborted. */
  signal?: AbortSignal;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const DECODERS = new Set(['gzip', 'x-gzip', 'deflate', 'br']);
const MAX_REDIRECTS = 20;

class MapHeaders implements HeaderReader {
  constructor(private readonly raw: Map<string, string>) {}
  get(name: string): string | null {
    return this.raw.get(name.toLowerCase()) ?? null;
  }
}

class NodeHeaders implements HeaderReader {
  constructor(private readonly raw: IncomingMessage['headers']) {}
  get(name: string): string | null {
    const v = this.raw[name.toLowerCase()];
    if (v === undefined) return null;
    return Array.isArray(v) ? v.join(', ') : v;
  }
}

/** A timeout as fetch's AbortSignal.timeout reports it (the client tells it by its name). */
function timeoutError(ms: number): Error {
  const e = new Error(`the request did not finish within ${ms} ms`);
  e.name = 'TimeoutError';
  return e;
}

export class Transport {
  /** node:http and its kept-alive agent: request bodies and headers the lean path does not send. */
  private http: { request: typeof import('node:http').request; agent: HttpAgent } | undefined;
  /** GETs and HEADs (tag pages, manifests, tokens), HTTP and HTTPS: lean-http.ts. */
  private readonly lean = new LeanConnections();
  private tls:
    | { https: typeof import('node:https'); agent: HttpsAgent; connect: LeanTLS['connect'] }
    | undefined;
  private insecureAgent: HttpsAgent | undefined;

  private async loadHTTP(): Promise<NonNullable<Transport['http']>> {
    if (this.http) return this.http;
    const http = await import('node:http');
    this.http ??= { request: http.request, agent: new http.Agent({ keepAlive: true }) };
    return this.http;
  }

  private async loadTLS(): Promise<void> {
    if (this.tls) return;
    const [https, tls] = await Promise.all([import('node:https'), import('node:tls')]);
    this.tls ??= { https, agent: new https.Agent({ keepAlive: true }), connect: tls.connect };
  }

  /** One exchange, redirects followed. */
  async send(url: string, r: ExchangeRequest): Promise<Exchange> {
    const deadline = Date.now() + r.timeoutMs;
    let current = new URL(url);
    let method = r.method;
    let headers = { ...r.headers };
    let body = r.body;
    for (let hops = 0; ; hops++) {
      if (current.protocol === 'https:') await this.loadTLS();
      const res = await this.once(current, method, headers, body, r, deadline).catch(
        (err: unknown) => {
          // A kept-alive connection the server closed just as it was reused: the request never
          // reached the server, so it is sent again at once on a new one (undici does the same).
          if ((err as { staleSocket?: boolean }).staleSocket) {
            return this.once(current, method, headers, body, r, deadline);
          }
          throw err;
        },
      );
      const location = res.location;
      if (!REDIRECTS.has(res.status) || location === undefined) {
        return { status: res.status, headers: res.headers, body: res.body, url: current.href };
      }
      if (hops >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
      const next = new URL(location, current);
      if (next.origin !== current.origin) {
        headers = Object.fromEntries(
          Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'authorization'),
        );
      }
      if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
        if (method !== 'HEAD') method = 'GET';
        body = undefined;
      }
      current = next;
    }
  }

  close(): void {
    this.lean.close();
    this.http?.agent.destroy();
    this.tls?.agent.destroy();
    this.insecureAgent?.destroy();
    this.insecureAgent = undefined;
  }

  private agent(http: HttpAgent, url: URL, insecure: boolean): HttpAgent | HttpsAgent {
    const tls = this.tls;
    if (url.protocol === 'http:' || !tls) return http;
    if (!insecure) return tls.agent;
    this.insecureAgent ??= new tls.https.Agent({ keepAlive: true, rejectUnauthorized: false });
    return this.insecureAgent;
  }

  private once(
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: string | Buffer | undefined,
    r: ExchangeRequest,
    deadline: number,
  ): Promise<{ status: number; headers: HeaderReader; body: Buffer; location?: string }> {
    // As fetch does: registries compress large tag lists and manifests when asked.
    const sent = { 'Accept-Encoding': 'gzip, deflate, br', ...headers };
    if (
      (url.protocol === 'http:' || (url.protocol === 'https:' && this.tls)) &&
      body === undefined &&
      (method === 'GET' || method === 'HEAD') &&
      leanHeadersOK(sent)
    ) {
      const tls =
        url.protocol === 'https:' && this.tls
          ? { connect: this.tls.connect, insecure: r.insecure }
          : undefined;
      return this.leanOnce(url, method, sent, r, deadline, tls);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return Promise.reject(new Error(`unsupported protocol ${url.protocol} in ${safeURL(url)}`));
    }
    return this.loadHTTP().then((http) =>
      this.nodeOnce(http, url, method, sent, body, r, deadline),
    );
  }

  /** `once` on node:http / node:https: request bodies, and headers the lean path leaves alone. */
  private nodeOnce(
    http: NonNullable<Transport['http']>,
    url: URL,
    method: string,
    sent: Record<string, string>,
    body: string | Buffer | undefined,
    r: ExchangeRequest,
    deadline: number,
  ): Promise<{ status: number; headers: HeaderReader; body: Buffer; location?: string }> {
    return new Promise((resolve, reject) => {
      const send = url.protocol === 'http:' || !this.tls ? http.request : this.tls.https.request;
      const payload = body === undefined ? undefined : Buffer.from(body);
      const req = send(url, {
        method,
        headers: payload ? { ...sent, 'Content-Length': String(payload.length) } : sent,
        agent: this.agent(http.agent, url, r.insecure),
      });
      let done = false;
      const fail = (err: Error) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        req.destroy();
        reject(err);
      };
      const timer = setTimeout(
        () => fail(timeoutError(r.timeoutMs)),
        Math.max(0, deadline - Date.now()),
      );
      const signal = r.signal;
      if (signal) {
        if (signal.aborted) {
          fail(signal.reason as Error);
          return;
        }
        const abort = (): void => fail(signal.reason as Error);
        signal.addEventListener('abort', abort, { once: true });
        req.once('close', () => signal.removeEventListener('abort', abort));
      }
      let answered = false;
      req.on('error', (err: Error & { code?: string }) => {
        const stale =
          req.reusedSocket &&
          !answered &&
          (err.code === 'ECONNRESET' || err.code === 'EPIPE') &&
          (method === 'GET' || method === 'HEAD');
        fail(stale ? Object.assign(err, { staleSocket: true }) : err);
      });
      req.on('response', (res) => {
        answered = true;
        res.on('error', fail);
        const status = res.statusCode ?? 0;
        const h = new NodeHeaders(res.headers);
        const location = REDIRECTS.has(status) ? (h.get('location') ?? undefined) : undefined;
        const finish = (b: Buffer) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          resolve({ status, headers: h, body: b, ...(location !== undefined ? { location } : {}) });
        };
        if (method === 'HEAD' || location !== undefined) {
          res.resume();
          res.on('end', () => finish(Buffer.alloc(0)));
          return;
        }
        const declared = Number(h.get('content-length') ?? NaN);
        if (!h.get('content-encoding') && declared > r.maxBytes) {
          fail(new BodyTooLargeError(safeURL(url), r.maxBytes, declared, r.what));
          return;
        }
        // The cap counts what the body decodes to: a small compressed answer may inflate to any size.
        const encoding = (h.get('content-encoding') ?? '').trim().toLowerCase();
        const read = (decoded: Readable): void => {
          const chunks: Buffer[] = [];
          let total = 0;
          decoded.on('data', (c: Buffer) => {
            if (done) return;
            total += c.length;
            if (total > r.maxBytes) {
              fail(new BodyTooLargeError(safeURL(url), r.maxBytes, undefined, r.what));
              decoded.destroy();
              return;
            }
            chunks.push(c);
          });
          decoded.on('end', () => finish(Buffer.concat(chunks, total)));
        };
        if (!encoding || encoding === 'identity') read(res);
        else if (!DECODERS.has(encoding)) {
          fail(new Error(`unsupported Content-Encoding ${encoding} from ${safeURL(url)}`));
          return;
        } else {
          // The body waits (paused) while node:zlib loads, the first time only.
          res.pause();
          import('node:zlib').then((zlib) => {
            if (done) return;
            const decoder =
              encoding === 'deflate'
                ? zlib.createInflate()
                : encoding === 'br'
                  ? zlib.createBrotliDecompress()
                  : zlib.createGunzip();
            decoder.on('error', fail);
            read(res.pipe(decoder));
          }, fail);
        }
        // The connection closed before the body ended.
        res.on('close', () => {
          if (!res.complete) fail(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
        });
      });
      req.end(payload);
    });
  }

  /**
   * `once` on lean-http.ts: the same answers and errors (timeout, abort, cap, a stale socket
   * flagged for one more try, redirects handed back with their Location, bodies decoded).
   * A compressed body is capped as it arrives and again once decoded.
   */
  private leanOnce(
    url: URL,
    method: 'GET' | 'HEAD',
    sent: Record<string, string>,
    r: ExchangeRequest,
    deadline: number,
    tls: LeanTLS | undefined,
  ): Promise<{ status: number; headers: HeaderReader; body: Buffer; location?: string }> {
    return new Promise((resolve, reject) => {
      let done = false;
      // Set once the exchange exists: a failure before that (an aborted signal) has none to drop.
      let cancel = (): void => undefined;
      const signal = r.signal;
      const abort = (): void => fail(signal?.reason as Error);
      const settle = (): boolean => {
        if (done) return false;
        done = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', abort);
        return true;
      };
      const fail = (err: Error): void => {
        if (!settle()) return;
        cancel();
        reject(err);
      };
      const timer = setTimeout(
        () => fail(timeoutError(r.timeoutMs)),
        Math.max(0, deadline - Date.now()),
      );
      if (signal?.aborted) {
        fail(signal.reason as Error);
        return;
      }
      signal?.addEventListener('abort', abort, { once: true });
      let headChecked = false;
      const exchange = this.lean.exchange(
        url,
        method,
        sent,
        (total, head) => {
          // A redirect's body is never used: it is read to keep the connection, not capped.
          if (REDIRECTS.has(head.status) && head.headers.has('location')) return;
          if (!headChecked) {
            headChecked = true;
            const declared = Number(head.headers.get('content-length') ?? NaN);
            if (!head.headers.has('content-encoding') && declared > r.maxBytes) {
              throw new BodyTooLargeError(safeURL(url), r.maxBytes, declared, r.what);
            }
          }
          if (total > r.maxBytes) {
            throw new BodyTooLargeError(safeURL(url), r.maxBytes, undefined, r.what);
          }
        },
        tls,
      );
      cancel = () => exchange.cancel();
      exchange.answer.then((a) => {
        if (done) return;
        const status = a.status;
        const headers = new MapHeaders(a.headers);
        const location = REDIRECTS.has(status) ? (headers.get('location') ?? undefined) : undefined;
        const finish = (b: Buffer): void => {
          if (!settle()) return;
          resolve({ status, headers, body: b, ...(location !== undefined ? { location } : {}) });
        };
        const encoding = (headers.get('content-encoding') ?? '').trim().toLowerCase();
        if (method === 'HEAD' || location !== undefined) finish(Buffer.alloc(0));
        else if (!encoding || encoding === 'identity') finish(a.body);
        else if (!DECODERS.has(encoding)) {
          fail(new Error(`unsupported Content-Encoding ${encoding} from ${safeURL(url)}`));
        } else {
          import('node:zlib').then((zlib) => {
            if (done) return;
            // One past the cap: a body that decodes to more is refused, not cut.
            const o = { maxOutputLength: r.maxBytes + 1 };
            let out: Buffer;
            try {
              out =
                encoding === 'deflate'
                  ? zlib.inflateSync(a.body, o)
                  : encoding === 'br'
                    ? zlib.brotliDecompressSync(a.body, o)
                    : zlib.gunzipSync(a.body, o);
            } catch (err) {
              const e = err as Error & { code?: string };
              fail(
                e.code === 'ERR_BUFFER_TOO_LARGE'
                  ? new BodyTooLargeError(safeURL(url), r.maxBytes, undefined, r.what)
                  : e,
              );
              return;
            }
            if (out.length > r.maxBytes) {
              fail(new BodyTooLargeError(safeURL(url), r.maxBytes, undefined, r.what));
            } else finish(out);
          }, fail);
        }
      }, fail);
    });
  }
}
