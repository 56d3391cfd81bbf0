import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  BodyTooLargeError,
  bodyChunks,
  cappedFetch,
  formatBytes,
  readBody,
  readText,
  safeURL,
  tracedFetch,
} from '../../../src/util/http-body.js';

/** A Response whose body arrives in `chunks`, and which records whether it was cancelled. */
function streamed(
  chunks: Uint8Array[],
  headers: Record<string, string> = {},
): { res: Response; cancelled: () => boolean; pulled: () => number } {
  let cancelled = false;
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks[pulled++];
      if (next) controller.enqueue(next);
      else controller.close();
    },
    cancel() {
      cancelled = true;
    },
  });
  return {
    res: new Response(body, { headers }),
    cancelled: () => cancelled,
    pulled: () => pulled,
  };
}

const bytes = (n: number, fill = 0x61) => new Uint8Array(n).fill(fill);
const limit = (maxBytes: number) => ({
  url: 'https://user:pa55word@example.com/v2/x/tags/list?n=100&token=abc#frag',
  maxBytes,
  what: 'the answer',
});

describe('safeURL', () => {
  it('drops user info and fragment, and hides every query value', () => {
    expect(safeURL('https://user:pa55@example.com:8443/a/b?sig=s3cr3t&n=1#x')).toBe(
      'https://example.com:8443/a/b?sig=***&n=***',
    );
    expect(safeURL(new URL('http://127.0.0.1:5000/v2/'))).toBe('http://127.0.0.1:5000/v2/');
    expect(safeURL('not a url')).toBe('(an invalid URL)');
  });
});

describe('formatBytes', () => {
  it('says B, KiB or MiB, with one decimal when not whole', () => {
    expect(
      [0, 1023, 1024, 10_000, 1 << 20, 16 << 20, 512 << 20, 1.5 * 2 ** 20].map(formatBytes),
    ).toEqual(['0 B', '1023 B', '1 KiB', '9.8 KiB', '1 MiB', '16 MiB', '512 MiB', '1.5 MiB']);
  });
});

describe('readBody', () => {
  it('reads a body of exactly the cap', async () => {
    const s = streamed([bytes(600), bytes(400)]);
    expect((await readBody(s.res, limit(1000))).length).toBe(1000);
  });

  it('stops at the first chunk past the cap, cancels the stream, and names URL and cap', async () => {
    const s = streamed([bytes(600), bytes(401), bytes(600), bytes(600)]);
    const err = await readBody(s.res, limit(1000)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BodyTooLargeError);
    expect((err as BodyTooLargeError).message).toBe(
      'the answer from https://example.com/v2/x/tags/list?n=***&token=*** is larger than 1000 B, the most gantry reads',
    );
    expect((err as BodyTooLargeError).maxBytes).toBe(1000);
    expect(s.cancelled()).toBe(true);
    expect(s.pulled()).toBeLessThanOrEqual(3);
  });

  it('refuses a Content-Length over the cap before reading', async () => {
    const s = streamed([bytes(10)], { 'Content-Length': '5000' });
    const err = (await readBody(s.res, limit(1000)).catch((e: unknown) => e)) as BodyTooLargeError;
    expect(err.message).toMatch(
      /is larger than 1000 B, the most gantry reads \(it announced Content-Length: 5000\)$/,
    );
    expect(err.declared).toBe(5000);
    expect(s.pulled()).toBe(0);
    expect(s.cancelled()).toBe(true);
  });

  it('does not trust a Content-Length when the body is encoded: it counts decoded bytes', async () => {
    // What fetch hands over is already decoded; Content-Length still tells the wire size.
    const s = streamed([bytes(800)], { 'Content-Length': '5000', 'Content-Encoding': 'gzip' });
    expect((await readBody(s.res, limit(1000))).length).toBe(800);
  });

  it('reads a body-less response as empty', async () => {
    expect(await readText(new Response(null, { status: 204 }), limit(10))).toBe('');
  });

  it('bodyChunks cancels the stream when its reader stops early', async () => {
    const s = streamed([bytes(10), bytes(10), bytes(10)]);
    for await (const chunk of bodyChunks(s.res, limit(1000))) {
      expect(chunk.length).toBe(10);
      break;
    }
    expect(s.cancelled()).toBe(true);
  });
});

describe('cappedFetch', () => {
  const inner =
    (make: () => Response): typeof fetch =>
    () =>
      Promise.resolve(make());

  it('hands back the body read whole, decoded, with status and headers', async () => {
    const gz = gzipSync('{"ok":true}');
    const f = cappedFetch(
      inner(
        () =>
          streamed([new Uint8Array(Buffer.from('{"ok":true}'))], {
            'Content-Type': 'application/json',
            'Content-Encoding': 'gzip',
            'Content-Length': String(gz.length),
            ETag: '"abc"',
          }).res,
      ),
      { maxBytes: 100, what: 'the answer' },
    );
    const res = await f('https://example.com/x');
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"abc"');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.json()).toEqual({ ok: true });
  });

  it('keeps statuses that carry no body', async () => {
    for (const status of [204, 304]) {
      const f = cappedFetch(
        inner(() => new Response(null, { status })),
        {
          maxBytes: 100,
          what: 'the answer',
        },
      );
      expect((await f('https://example.com/x')).status).toBe(status);
    }
  });

  it('throws the cap error from fetch itself', async () => {
    const f = cappedFetch(
      inner(() => streamed([bytes(60), bytes(60)]).res),
      {
        maxBytes: 100,
        what: 'the answer',
      },
    );
    await expect(f('https://example.com/x?q=secret')).rejects.toThrow(
      'the answer from https://example.com/x?q=*** is larger than 100 B, the most gantry reads',
    );
  });
});

describe('tracedFetch', () => {
  it('tells each request and its status, the URL without user info or query values', async () => {
    const lines: string[] = [];
    const inner = (async () => new Response('ok', { status: 201 })) as typeof fetch;
    const f = tracedFetch(inner, (l) => lines.push(l));
    const res = await f('https://bot:pw@example.test/a/b?token=s3cret&x=1', { method: 'post' });
    expect(res.status).toBe(201);
    expect(lines).toEqual([
      expect.stringMatching(
        /^POST https:\/\/example\.test\/a\/b\?token=\*\*\*&x=\*\*\* → 201 in \d+ ms$/,
      ),
    ]);
  });

  it('tells a failed request with its reason, any URL in the reason made safe, and rethrows', async () => {
    const lines: string[] = [];
    const cause = new Error('connect ECONNREFUSED https://example.test/x?sig=s3cret');
    const inner = (async () => {
      throw new TypeError('fetch failed', { cause });
    }) as typeof fetch;
    const f = tracedFetch(inner, (l) => lines.push(l));
    await expect(f(new URL('https://example.test/x?sig=s3cret'))).rejects.toThrow('fetch failed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^GET https:\/\/example\.test\/x\?sig=\*\*\* failed after \d+ ms: fetch failed: connect ECONNREFUSED/,
    );
    expect(lines[0]).not.toContain('s3cret');
  });
});
