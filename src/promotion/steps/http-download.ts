/**
 * Kargo's `http-download` step: a GET of `url` saved at `outPath` (relative to the checkout;
 * parents created). Kargo's fields: `headers` and `queryParams` (`[{name, value}]`, query values
 * URL-encoded and added to the URL's own), `insecureSkipTLSVerify`, `timeout` (a Go duration for
 * the whole download, 5m by default) and `allowOverwrite` (default false: an existing file fails
 * the step before anything is sent). Redirects are followed; a non-2xx status fails the step (a
 * failure `retry.errorThreshold` may retry, as in Kargo). At most 100 MiB are saved (Kargo's
 * limit): a larger Content-Length fails before the body is read, a body that streams past the
 * limit fails as soon as it does. The body goes to a temporary file beside `outPath`, renamed
 * into place once complete, so a failed download leaves no partial file and an existing one
 * intact. No outputs.
 *
 * Secrets: header values, query values and URL credentials never reach logs or messages (the URL
 * is shown as `https://host/path?token=***`).
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseDuration } from '../../expr/index.js';
import { ConfigError, OperationError, errorMessage } from '../../util/errors.js';
import {
  BodyTooLargeError,
  bodyChunks,
  formatBytes,
  isTimeout,
  networkReason,
  safeURL,
} from '../../util/http-body.js';
import { Redactor } from '../../util/redact.js';
import { fieldError } from './config-check.js';
import { checkFields, optionalBool, requireString } from './engine.js';
import { writablePath } from './file-write.js';
import { nameValues } from './http.js';
import { normalizeRelative } from './safe-path.js';
import { flag, nonEmpty, text } from './schema-parts.js';
import type { StepDefinition } from './types.js';

const STEP = 'http-download';

/** Kargo's cap on a download. */
export const MAX_DOWNLOAD_BYTES = 100 << 20;

const DEFAULT_TIMEOUT_MS = 5 * 60_000;
const MAX_TIMEOUT_MS = 24 * 3600_000;
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const BAD_HEADER_VALUE = /[\0\r\n]/;

const FIELDS = [
  'url',
  'outPath',
  'allowOverwrite',
  'headers',
  'queryParams',
  'insecureSkipTLSVerify',
  'timeout',
] as const;

/** Header names and values as HTTP allows them: no request splitting through a template. */
function checkHeader(name: string, value: string, at: string): void {
  if (!HEADER_NAME.test(name)) {
    fieldError(STEP, `${at}.name`, `${JSON.stringify(name)} is not a header name`);
  }
  if (BAD_HEADER_VALUE.test(value)) {
    fieldError(STEP, `${at}.value`, `must not contain line breaks or NUL (header ${name})`);
  }
}

function timeoutMs(config: Record<string, unknown>): number {
  const v = config['timeout'];
  if (v === undefined || v === null || v === '') return DEFAULT_TIMEOUT_MS;
  if (typeof v !== 'string')
    fieldError(STEP, 'config.timeout', 'must be a Go duration such as 10m');
  let ns: number;
  try {
    ns = parseDuration(v).ns;
  } catch (err) {
    return fieldError(STEP, 'config.timeout', errorMessage(err));
  }
  if (ns <= 0) fieldError(STEP, 'config.timeout', `must be positive, got ${JSON.stringify(v)}`);
  const ms = Math.max(1, Math.round(ns / 1e6));
  if (ms > MAX_TIMEOUT_MS) fieldError(STEP, 'config.timeout', 'must be at most 24h');
  return ms;
}

const nameValuesSchema = (description: string) => ({
  type: 'array',
  description,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'value'],
    properties: { name: nonEmpty('The name.'), value: nonEmpty('The value.') },
  },
});

/** The step, with its cap (tests use a small one). */
export function makeHttpDownload(maxBytes = MAX_DOWNLOAD_BYTES): StepDefinition {
  return {
    name: STEP,
    schema: {
      type: 'object',
      description: `Downloads a file over HTTP(S) into the checkout (GET; at most ${formatBytes(MAX_DOWNLOAD_BYTES)}).`,
      additionalProperties: false,
      required: ['url', 'outPath'],
      properties: {
        url: nonEmpty('The absolute http(s) URL to download.'),
        outPath: nonEmpty('Where to save it, relative to the checkout; parents are created.'),
        allowOverwrite: flag(
          'Replace a file already at `outPath`; default false (then an existing file fails the step).',
        ),
        headers: nameValuesSchema('Request headers (`Authorization`, `Accept`).'),
        queryParams: nameValuesSchema('Query parameters added to the URL, URL-encoded.'),
        insecureSkipTLSVerify: flag("Do not verify the server's certificate."),
        timeout: text('How long the whole download may take (Go duration); default 5m.'),
      },
    },
    async run(config, ctx) {
      checkFields(STEP, config, FIELDS);
      const rawURL = requireString(STEP, config, 'url');
      let url: URL | undefined;
      try {
        url = new URL(rawURL);
      } catch {
        url = undefined;
      }
      // The URL is not echoed: it may carry a token.
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
        fieldError(STEP, 'config.url', 'must be an absolute http(s) URL');
      }
      const outRel = requireString(STEP, config, 'outPath');
      const headers = nameValues(STEP, config, 'headers', checkHeader);
      const queryParams = nameValues(STEP, config, 'queryParams');
      const insecure = optionalBool(STEP, config, 'insecureSkipTLSVerify') ?? false;
      const allowOverwrite = optionalBool(STEP, config, 'allowOverwrite') ?? false;
      const ms = timeoutMs(config);

      const outAbs = await writablePath(ctx.worktree, outRel, `${STEP}: outPath`);
      const shown = normalizeRelative(outRel);
      if (shown === '.')
        fieldError(STEP, 'config.outPath', 'names the checkout itself, not a file');
      const existing = await lstat(outAbs).catch(() => undefined);
      if (existing?.isDirectory()) {
        fieldError(STEP, 'config.outPath', `${JSON.stringify(shown)} is a directory`);
      }
      if (existing && !allowOverwrite) {
        fieldError(
          STEP,
          'config.outPath',
          `${JSON.stringify(shown)} already exists; set allowOverwrite: true to replace it`,
        );
      }

      for (const q of queryParams) url.searchParams.append(q.name, q.value);
      url.hash = '';
      const redactor = new Redactor();
      const requestHeaders = new Headers();
      if (url.username || url.password) {
        const user = decodeURIComponent(url.username);
        const pass = decodeURIComponent(url.password);
        redactor.addBasicAuth(user, pass);
        requestHeaders.set(
          'Authorization',
          `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`,
        );
        url.username = '';
        url.password = '';
      }
      for (const h of headers) {
        redactor.add(h.value);
        if (h.name.toLowerCase() === 'authorization') requestHeaders.delete('authorization');
        requestHeaders.append(h.name, h.value);
      }
      for (const v of url.searchParams.values()) redactor.add(v, encodeURIComponent(v));
      if (!requestHeaders.has('user-agent')) requestHeaders.set('User-Agent', 'gantry');
      const what = `GET ${safeURL(url)}`;
      const fail = (message: string): OperationError =>
        new OperationError(`${STEP}: ${what}: ${message}`);

      // undici only for an unverified TLS connection: every promotion loads this module.
      const dispatcher = insecure
        ? new (await import('undici')).Agent({ connect: { rejectUnauthorized: false } })
        : undefined;
      const dir = path.dirname(outAbs);
      const temp = path.join(
        dir,
        `.${path.basename(outAbs)}.${randomBytes(6).toString('hex')}.tmp`,
      );
      let size = 0;
      let unchanged: boolean;
      try {
        const signal = AbortSignal.timeout(ms);
        let res: Response;
        try {
          res = await ctx.fetch(url, {
            method: 'GET',
            headers: requestHeaders,
            redirect: 'follow',
            signal,
            ...(dispatcher && { dispatcher: dispatcher as unknown as RequestInit['dispatcher'] }),
          });
        } catch (err) {
          if (isTimeout(err)) throw fail(`no response within the timeout (config.timeout)`);
          throw fail(`request failed: ${redactor.redact(networkReason(err))}`);
        }
        if (res.status < 200 || res.status > 299) {
          await res.body?.cancel().catch(() => undefined);
          throw fail(`HTTP ${res.status}; only a 2xx response is saved`);
        }
        await mkdir(dir, { recursive: true });
        const file = await open(temp, 'wx', 0o600);
        try {
          for await (const chunk of bodyChunks(res, { url, maxBytes, what: 'the download' })) {
            await file.write(chunk);
            size += chunk.byteLength;
          }
        } catch (err) {
          if (err instanceof BodyTooLargeError) {
            const declared = err.declared !== undefined ? ` (Content-Length ${err.declared})` : '';
            throw fail(
              `the file${declared} is larger than ${formatBytes(maxBytes)}, the most the step downloads`,
            );
          }
          if (isTimeout(err))
            throw fail('the download did not finish within the timeout (config.timeout)');
          throw fail(`reading the response failed: ${redactor.redact(networkReason(err))}`);
        } finally {
          await file.close();
        }
        // The same bytes again (a re-run, a pinned version): nothing changes, nothing to commit.
        unchanged =
          existing?.isFile() === true &&
          existing.size === size &&
          (await readFile(temp)).equals(await readFile(outAbs));
        if (!unchanged) await rename(temp, outAbs);
      } catch (err) {
        if (err instanceof ConfigError || err instanceof OperationError) throw err;
        throw fail(redactor.redact(errorMessage(err)));
      } finally {
        await rm(temp, { force: true }).catch(() => undefined);
        await dispatcher?.destroy().catch(() => undefined);
      }
      if (unchanged) {
        ctx.log(`${STEP}: ${what}: ${shown} already holds these ${formatBytes(size)}`);
        return { summary: [], changed: [] };
      }
      ctx.log(`${STEP}: ${what}: saved ${formatBytes(size)} at ${shown}`);
      return { summary: [`- downloaded ${shown}`], changed: [shown] };
    },
  };
}

export const httpDownload = makeHttpDownload();
