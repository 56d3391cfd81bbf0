/**
 * GET and HEAD exchanges on kept-alive sockets (TCP, or TLS from node:tls), without node:http. A
 * tag listing is a hundred pages and more on one or a few connections; per exchange, node:http
 * builds an agent entry, a ClientRequest, an IncomingMessage, header objects and two streams, and
 * a whole-process profile of a 10,000-tag listing put node's HTTP and stream code at about a third
 * of the process's JavaScript time. This writes the request line and headers itself and reads the
 * answer from the socket's bytes: status line, headers, a body framed by Content-Length, chunked,
 * or the end of the connection. Everything else (request bodies, headers that need checking) stays
 * on node:http and node:https in transport.ts, which also keeps redirects, timeouts, aborts,
 * retries of a stale socket and content decoding for both paths.
 */
import { connect, isIP, type Socket } from 'node:net';
import type { connect as tlsConnect } from 'node:tls';

/**
 * TLS for an `https:` exchange: node:tls's connect (loaded by the caller when a request needs it)
 * and whether to skip certificate checks, as the subscription says. Connections are kept apart by
 * that choice: a socket opened without checks never carries a request that asked for them.
 */
export interface LeanTLS {
  connect: typeof tlsConnect;
  insecure: boolean;
}

/** What the transport needs of an answer: status, headers by lower-case name, raw body. */
export interface LeanAnswer {
  status: number;
  headers: Map<string, string>;
  /** The body as sent (still encoded when Content-Encoding says so). */
  body: Buffer;
}

/** An exchange in progress; `cancel` drops its connection (timeouts, aborts, a body too large). */
export interface LeanExchange {
  answer: Promise<LeanAnswer>;
  cancel(): void;
}

/**
 * Called for each body chunk with the running total; throwing ends the exchange with that error
 * (the transport's cap on what it reads).
 */
export type BodyCheck = (total: number, head: LeanAnswer) => void;

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const BAD_VALUE = /[\r\n\0]/;
/** Headers node:http keeps the first of when they repeat; others are joined with ", ". */
const FIRST_WINS = new Set([
  'age',
  'authorization',
  'content-length',
  'content-type',
  'etag',
  'expires',
  'from',
  'host',
  'if-modified-since',
  'if-unmodified-since',
  'last-modified',
  'location',
  'max-forwards',
  'proxy-authorization',
  'referer',
  'retry-after',
  'server',
  'user-agent',
]);

/** Whether these headers can be written as they are (else node:http sends them, or refuses). */
export function leanHeadersOK(headers: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(headers)) {
    if (!TOKEN.test(k) || BAD_VALUE.test(v)) return false;
  }
  return true;
}

function connectionError(message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { code: 'ECONNRESET' }, extra);
}

/** Kept-alive sockets by `host:port`, idle ones unref'd so that they never hold the process. */
export class LeanConnections {
  private readonly idle = new Map<string, Socket[]>();
  private readonly all = new Set<Socket>();
  private readonly onIdleGone = new WeakMap<Socket, () => void>();

  /** One exchange; `url` is `http:`, or `https:` with `tls`. */
  exchange(
    url: URL,
    method: 'GET' | 'HEAD',
    headers: Record<string, string>,
    check: BodyCheck,
    tls?: LeanTLS,
  ): LeanExchange {
    const port = Number(url.port || (tls ? 443 : 80));
    // URL keeps the brackets of an IPv6 address; connect wants the address alone.
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const key = `${tls ? (tls.insecure ? 'tls-insecure' : 'tls') : 'tcp'} ${host}:${port}`;
    let socket: Socket | undefined;
    let reused = false;
    const list = this.idle.get(key);
    while (list && list.length > 0) {
      const s = list.pop() as Socket;
      this.unpool(s);
      if (!s.destroyed && s.readable && s.writable) {
        socket = s;
        reused = true;
        break;
      }
      s.destroy();
    }
    if (!socket) {
      socket = tls
        ? tls.connect({
            host,
            port,
            // As node:https does: SNI names a host, never an address.
            ...(isIP(host) ? {} : { servername: host }),
            rejectUnauthorized: !tls.insecure,
          })
        : connect({ host, port, noDelay: true });
      if (tls) socket.setNoDelay(true);
      this.all.add(socket);
      const s = socket;
      socket.once('close', () => this.all.delete(s));
      // Errors are the exchange's to report; between exchanges one must not crash the process.
      socket.on('error', () => undefined);
    }
    socket.ref();
    let head = `${method} ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\n`;
    for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
    head += 'Connection: keep-alive\r\n\r\n';
    const reader = new AnswerReader(method, check);
    const s = socket;
    let settle!: { resolve: (a: LeanAnswer) => void; reject: (e: Error) => void };
    const answer = new Promise<LeanAnswer>((resolve, reject) => (settle = { resolve, reject }));
    let done = false;
    const finish = (err: Error | undefined, a?: LeanAnswer): void => {
      if (done) return;
      done = true;
      s.off('data', onData);
      s.off('end', onEnd);
      s.off('close', onEnd);
      s.off('error', onError);
      if (err) {
        s.destroy();
        settle.reject(err);
        return;
      }
      if (reader.reusable && !s.destroyed) this.pool(key, s);
      else s.destroy();
      settle.resolve(a as LeanAnswer);
    };
    const onData = (chunk: Buffer): void => {
      let a: LeanAnswer | undefined;
      try {
        a = reader.push(chunk);
      } catch (err) {
        finish(err as Error);
        return;
      }
      if (a) finish(undefined, a);
    };
    const onEnd = (): void => {
      if (done) return;
      let a: LeanAnswer | undefined;
      try {
        a = reader.end();
      } catch (err) {
        finish(err as Error);
        return;
      }
      if (a) {
        finish(undefined, a);
        return;
      }
      // A kept-alive socket the server closed just as it was reused: nothing of an answer came,
      // so the request is sent again on a new connection (transport.ts does that).
      if (!reader.started) {
        finish(connectionError('socket hang up', reused ? { staleSocket: true } : {}));
      } else finish(connectionError('aborted'));
    };
    const onError = (err: Error & { code?: string }): void => {
      const stale =
        reused && !reader.started && (err.code === 'ECONNRESET' || err.code === 'EPIPE');
      finish(stale ? Object.assign(err, { staleSocket: true }) : err);
    };
    s.on('data', onData);
    s.on('end', onEnd);
    s.on('close', onEnd);
    s.on('error', onError);
    s.write(head);
    return {
      answer,
      cancel: () => finish(connectionError('cancelled')),
    };
  }

  close(): void {
    for (const s of this.all) s.destroy();
    this.all.clear();
    this.idle.clear();
  }

  private pool(key: string, s: Socket): void {
    let list = this.idle.get(key);
    if (!list) this.idle.set(key, (list = []));
    list.push(s);
    // The server may close an idle connection at any time (keep-alive timeouts): then it leaves.
    const gone = (): void => {
      this.unpool(s);
      const l = this.idle.get(key);
      const at = l?.indexOf(s) ?? -1;
      if (l && at >= 0) l.splice(at, 1);
      s.destroy();
    };
    this.onIdleGone.set(s, gone);
    s.on('end', gone);
    s.on('close', gone);
    s.on('error', gone);
    s.on('data', gone);
    s.unref();
  }

  private unpool(s: Socket): void {
    const gone = this.onIdleGone.get(s);
    if (!gone) return;
    this.onIdleGone.delete(s);
    s.off('end', gone);
    s.off('close', gone);
    s.off('error', gone);
    s.off('data', gone);
  }
}

const CRLFCRLF = Buffer.from('\r\n\r\n');
const CRLF = Buffer.from('\r\n');

/** Reads one answer from a connection's bytes (1xx interim answers skipped). */
class AnswerReader {
  /** Bytes received and not yet consumed. */
  private pending: Buffer = Buffer.alloc(0);
  private answer: LeanAnswer | undefined;
  private framing: 'none' | 'length' | 'chunked' | 'close' = 'none';
  private left = 0;
  private chunkState: 'size' | 'data' | 'data-end' | 'trailers' = 'size';
  private readonly body: Buffer[] = [];
  private total = 0;
  started = false;
  reusable = false;

  constructor(
    private readonly method: string,
    private readonly check: BodyCheck,
  ) {}

  /** Takes bytes; returns the answer once it is complete. */
  push(chunk: Buffer): LeanAnswer | undefined {
    this.started = true;
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    for (;;) {
      if (!this.answer) {
        const end = this.pending.indexOf(CRLFCRLF);
        if (end < 0) {
          if (this.pending.length > 64 * 1024) throw new Error('response headers too large');
          return undefined;
        }
        const text = this.pending.toString('latin1', 0, end);
        this.pending = this.pending.subarray(end + 4);
        if (!this.readHead(text)) continue;
      }
      const done = this.readBody();
      if (done) return this.complete();
      return undefined;
    }
  }

  /** The connection ended: the answer if that is how its body ends, else undefined. */
  end(): LeanAnswer | undefined {
    if (this.answer && this.framing === 'close') {
      this.reusable = false;
      return this.complete();
    }
    return undefined;
  }

  /** Parses a head; false for an interim (1xx) answer, whose bytes are dropped. */
  private readHead(text: string): boolean {
    const lines = text.split('\r\n');
    const m = /^HTTP\/1\.([01]) (\d{3})(?: |$)/.exec(lines[0] ?? '');
    if (!m) throw connectionError('malformed HTTP response line');
    const minor = m[1];
    const status = Number(m[2]);
    const headers = new Map<string, string>();
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i] as string;
      const colon = line.indexOf(':');
      if (colon <= 0 || line[0] === ' ' || line[0] === '\t') {
        throw connectionError('malformed HTTP response header');
      }
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      const had = headers.get(name);
      if (had === undefined) headers.set(name, value);
      else if (name === 'content-length') {
        if (had !== value) throw connectionError('conflicting Content-Length');
      } else if (!FIRST_WINS.has(name)) headers.set(name, `${had}, ${value}`);
    }
    if (status >= 100 && status < 200 && status !== 101) return false;
    this.answer = { status, headers, body: Buffer.alloc(0) };
    const connection = (headers.get('connection') ?? '').toLowerCase();
    this.reusable =
      minor === '1' ? !/(^|,)\s*close\s*(,|$)/.test(connection) : /keep-alive/.test(connection);
    const te = headers.get('transfer-encoding');
    const length = headers.get('content-length');
    if (this.method === 'HEAD' || status === 204 || status === 304) this.framing = 'none';
    else if (te !== undefined) {
      if (/(^|,)\s*chunked\s*$/i.test(te)) this.framing = 'chunked';
      else this.framing = 'close';
    } else if (length !== undefined) {
      if (!/^\d+$/.test(length)) throw connectionError('malformed Content-Length');
      this.framing = 'length';
      this.left = Number(length);
    } else this.framing = 'close';
    if (this.framing === 'close') this.reusable = false;
    return true;
  }

  private take(bytes: Buffer): void {
    this.total += bytes.length;
    this.check(this.total, this.answer as LeanAnswer);
    this.body.push(bytes);
  }

  /** Consumes body bytes from `pending`; true once the body is complete. */
  private readBody(): boolean {
    switch (this.framing) {
      case 'none':
        return true;
      case 'close':
        if (this.pending.length > 0) this.take(this.pending);
        this.pending = Buffer.alloc(0);
        return false;
      case 'length': {
        const n = Math.min(this.left, this.pending.length);
        if (n > 0) this.take(this.pending.subarray(0, n));
        this.pending = this.pending.subarray(n);
        this.left -= n;
        return this.left === 0;
      }
      case 'chunked':
        return this.readChunks();
    }
  }

  private readChunks(): boolean {
    for (;;) {
      if (this.chunkState === 'size') {
        const eol = this.pending.indexOf(CRLF);
        if (eol < 0) {
          if (this.pending.length > 4096) throw connectionError('malformed chunk size');
          return false;
        }
        const line = this.pending.toString('latin1', 0, eol);
        this.pending = this.pending.subarray(eol + 2);
        const m = /^([0-9A-Fa-f]{1,12})[ \t]*(?:;.*)?$/.exec(line);
        if (!m) throw connectionError('malformed chunk size');
        this.left = parseInt(m[1] as string, 16);
        this.chunkState = this.left === 0 ? 'trailers' : 'data';
      } else if (this.chunkState === 'data') {
        const n = Math.min(this.left, this.pending.length);
        if (n > 0) this.take(this.pending.subarray(0, n));
        this.pending = this.pending.subarray(n);
        this.left -= n;
        if (this.left > 0) return false;
        this.chunkState = 'data-end';
      } else if (this.chunkState === 'data-end') {
        if (this.pending.length < 2) return false;
        if (this.pending[0] !== 0x0d || this.pending[1] !== 0x0a) {
          throw connectionError('malformed chunk end');
        }
        this.pending = this.pending.subarray(2);
        this.chunkState = 'size';
      } else {
        // Trailers: lines up to an empty one, ignored.
        const eol = this.pending.indexOf(CRLF);
        if (eol < 0) {
          if (this.pending.length > 64 * 1024) throw connectionError('trailers too large');
          return false;
        }
        this.pending = this.pending.subarray(eol + 2);
        if (eol === 0) return true;
      }
    }
  }

  private complete(): LeanAnswer {
    const a = this.answer as LeanAnswer;
    // Bytes past the answer: a server that does not keep to one answer per request.
    if (this.pending.length > 0) this.reusable = false;
    a.body = this.body.length === 1 ? (this.body[0] as Buffer) : Buffer.concat(this.body);
    return a;
  }
}
