/**
 * Test support for Helm discovery: a local HTTP server on 127.0.0.1, a generator of index files in
 * Helm's own layout, and a minimal fetch-based `listOciTags` for the OCI distribution API.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  authorization?: string;
}

export interface LocalServer {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

export type Handler = (
  req: IncomingMessage,
  res: ServerResponse,
  n: number,
) => void | Promise<void>;

/** A server that hands every request (with its 0-based number) to `handler`. */
export async function startServer(handler: Handler): Promise<LocalServer> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const n = requests.length;
    requests.push({
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    });
    Promise.resolve(handler(req, res, n)).catch((err: unknown) => {
      res.writeHead(500).end(String(err));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export interface GeneratedIndexOptions {
  charts: number;
  versionsPerChart: number;
  /** `indentless` is what Helm writes (`  chart:\n  - …`); `indented` puts items 2 deeper. */
  style?: 'indentless' | 'indented';
}

export const generatedChartName = (c: number): string => `chart-${String(c).padStart(4, '0')}`;
export const generatedVersion = (v: number): string =>
  `${Math.floor(v / 100)}.${Math.floor(v / 10) % 10}.${v % 10}`;

/**
 * An index in Helm's layout (keys sorted, indentless sequences, quoted timestamps), with the
 * fields real entries carry, about 200 bytes per version.
 */
export function generateIndex(opts: GeneratedIndexOptions): string {
  const d = opts.style === 'indented' ? '    ' : '  ';
  const k = `${d}  `;
  const parts: string[] = ['apiVersion: v1\nentries:\n'];
  for (let c = 0; c < opts.charts; c++) {
    const name = generatedChartName(c);
    parts.push(`  ${name}:\n`);
    for (let v = opts.versionsPerChart - 1; v >= 0; v--) {
      const version = generatedVersion(v);
      parts.push(
        `${d}- apiVersion: v2\n` +
          `${k}appVersion: ${version}\n` +
          `${k}created: "2024-01-01T00:00:00.000000000Z"\n` +
          `${k}dependencies:\n${k}- name: common\n${k}  version: 2.x.x\n` +
          `${k}description: A generated chart for the ${name} service\n` +
          `${k}digest: ${'0123456789abcdef'.repeat(4)}\n` +
          `${k}name: ${name}\n` +
          `${k}urls:\n${k}- https://charts.example.com/${name}-${version}.tgz\n` +
          `${k}version: ${version}\n`,
      );
    }
  }
  parts.push('generated: "2024-01-01T00:00:00.000000000Z"\n');
  return parts.join('');
}

/**
 * `listOciTags` over the distribution API, plain HTTP, anonymous: enough for tests against a
 * local registry (the real client, with auth and pagination, lives in src/discovery/oci).
 */
export function fetchOciTagLister(seen: string[] = []): (repository: string) => Promise<string[]> {
  return async (repository) => {
    seen.push(repository);
    const slash = repository.indexOf('/');
    const host = repository.slice(0, slash);
    const name = repository.slice(slash + 1);
    const res = await fetch(`http://${host}/v2/${name}/tags/list`);
    if (!res.ok) throw new Error(`tags/list for ${repository}: HTTP ${res.status}`);
    const body = (await res.json()) as { tags?: string[] | null };
    return body.tags ?? [];
  };
}
