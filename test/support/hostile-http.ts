/**
 * Servers that answer with bodies no client should read whole: an endless chunked stream (no
 * Content-Length), a Content-Length of 10 GiB followed by an endless stream, and a small gzip
 * body that inflates far past any cap (Content-Length tells the compressed size only).
 * Each counts the bytes it wrote, so a test can tell a client that stopped from one that kept
 * reading until a timeout.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export type Hostility = 'endless' | 'huge-length' | 'gzip-bomb';
export const HOSTILITIES: readonly Hostility[] = ['endless', 'huge-length', 'gzip-bomb'];

/** What a gzip bomb inflates to: more than every cap gantry sets, but for the Helm index. */
export const BOMB_BYTES = 96 << 20;
let bomb: Buffer | undefined;

/** JSON-looking filler, so a client that parses as it reads sees plausible text. */
const FILLER = Buffer.from('"1.0.0-filler",'.repeat(4096));

export interface HostileServer {
  url: string;
  host: string;
  /** Body bytes written so far, over every answer (compressed bytes for the bomb). */
  written(): number;
  close(): Promise<void>;
}

/**
 * Answer `res` with a hostile body of `kind`. `prefix` starts the body (`{"tags":[`); `headers`
 * are added (a content type, a digest).
 */
export function sendHostile(
  res: ServerResponse,
  kind: Hostility,
  count: (n: number) => void,
  headers: Record<string, string> = {},
  prefix = '',
): void {
  if (kind === 'gzip-bomb') {
    bomb ??= gzipSync(Buffer.concat([Buffer.from(prefix), Buffer.alloc(BOMB_BYTES, 0x20)]));
    res.writeHead(200, {
      'Content-Type': 'application/json',
      ...headers,
      'Content-Encoding': 'gzip',
      'Content-Length': String(bomb.length),
    });
    count(bomb.length);
    res.end(bomb);
    return;
  }
  res.writeHead(200, {
    'Content-Type': 'application/json',
    ...headers,
    ...(kind === 'huge-length' && { 'Content-Length': String(10 * 2 ** 30) }),
  });
  let open = true;
  res.on('close', () => (open = false));
  res.write(prefix);
  // As fast as the client reads, never faster (backpressure), until it hangs up.
  const pump = (): void => {
    while (open) {
      count(FILLER.length);
      if (!res.write(FILLER)) {
        res.once('drain', pump);
        return;
      }
    }
  };
  pump();
}

/** A server whose every answer comes from `handler`; `hostile` answers with a hostile body. */
export async function startHostileServer(
  handler: (
    req: IncomingMessage,
    res: ServerResponse,
    hostile: (kind: Hostility, headers?: Record<string, string>, prefix?: string) => void,
    base: string,
  ) => void,
): Promise<HostileServer> {
  let written = 0;
  const count = (n: number): void => {
    written += n;
  };
  let base = '';
  const server = createServer((req, res) => {
    // Requests with bodies (POSTs) are drained first, so the answer is not mistaken for an abort.
    req.resume();
    req.on('end', () =>
      handler(
        req,
        res,
        (kind, headers, prefix) => sendHostile(res, kind, count, headers, prefix),
        base,
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    host: `127.0.0.1:${port}`,
    written: () => written,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
