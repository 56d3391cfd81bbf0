export const id = 1871;
export const ids = [1871];
export const modules = {

/***/ 1871:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Au: () => (/* binding */ BodyTooLargeError),
/* harmony export */   BD: () => (/* binding */ bodyChunks),
/* harmony export */   JK: () => (/* binding */ safeURL),
/* harmony export */   Ul: () => (/* binding */ cappedFetch),
/* harmony export */   Wb: () => (/* binding */ tracedFetch),
/* harmony export */   d8: () => (/* binding */ networkReason),
/* harmony export */   kL: () => (/* binding */ isTimeout),
/* harmony export */   qc: () => (/* binding */ httpTraceLine),
/* harmony export */   x8: () => (/* binding */ readBody),
/* harmony export */   yR: () => (/* binding */ readText),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/**
 * Reading an HTTP response body with a ceiling. `fetch`'s own `text()`, `json()` and
 * `arrayBuffer()` keep whatever the server sends until it stops: an endless chunked answer
 * (no Content-Length) or a small gzip body that inflates to gigabytes fills the process
 * before any size check runs. Everything gantry reads over HTTP goes through here instead:
 * the body is read chunk by chunk, counted after content decoding, and the connection is
 * dropped the moment the count passes the cap.
 */

/** A body passed its cap; the connection has been dropped. */
class BodyTooLargeError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OperationError */ .OK {
    url;
    maxBytes;
    declared;
    name = 'BodyTooLargeError';
    constructor(url, maxBytes, 
    /** The Content-Length that gave it away before reading, if that is how it was caught. */
    declared, what = 'the response') {
        super(`${what} from ${url} is larger than ${formatBytes(maxBytes)}, the most gantry reads` +
            (declared !== undefined ? ` (it announced Content-Length: ${declared})` : ''));
        this.url = url;
        this.maxBytes = maxBytes;
        this.declared = declared;
    }
}
/**
 * `https://host/path?token=***`: no user info, no query values, no fragment. Signed URLs carry
 * their signature in the query and registries their tokens in user info; neither belongs in a
 * message.
 */
function safeURL(url) {
    let u;
    try {
        u = new URL(url);
    }
    catch {
        return '(an invalid URL)';
    }
    const keys = [...u.searchParams.keys()];
    const query = keys.length ? `?${keys.map((k) => `${encodeURIComponent(k)}=***`).join('&')}` : '';
    return `${u.protocol}//${u.host}${u.pathname}${query}`;
}
function formatBytes(n) {
    if (n < 1024)
        return `${n} B`;
    const unit = n < 1 << 20 ? ['KiB', 1024] : ['MiB', 1 << 20];
    const v = n / unit[1];
    return `${Number.isInteger(v) ? v : v.toFixed(1)} ${unit[0]}`;
}
function tooLarge(limit, declared) {
    return new BodyTooLargeError(safeURL(limit.url), limit.maxBytes, declared, limit.what);
}
/**
 * The body's chunks as they arrive, ending with BodyTooLargeError once more than `maxBytes`
 * arrived (or were announced: a Content-Length over the cap fails before any byte is read,
 * unless a Content-Encoding makes that length the compressed one). Stopping early, or failing,
 * cancels the body so the connection is not left streaming.
 */
async function* bodyChunks(res, limit) {
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (!res.headers.get('content-encoding') && declared > limit.maxBytes) {
        await res.body?.cancel().catch(() => undefined);
        throw tooLarge(limit, declared);
    }
    if (!res.body)
        return;
    const reader = res.body.getReader();
    let total = 0;
    let finished = false;
    try {
        for (;;) {
            const step = await reader.read();
            if (step.done) {
                finished = true;
                return;
            }
            total += step.value.byteLength;
            if (total > limit.maxBytes)
                throw tooLarge(limit);
            yield step.value;
        }
    }
    finally {
        if (!finished)
            await reader.cancel().catch(() => undefined);
        reader.releaseLock();
    }
}
/** The whole body, at most `maxBytes` of it (see bodyChunks). */
async function readBody(res, limit) {
    const chunks = [];
    let total = 0;
    for await (const chunk of bodyChunks(res, limit)) {
        chunks.push(chunk);
        total += chunk.byteLength;
    }
    return Buffer.concat(chunks, total);
}
/** The whole body as UTF-8 text, at most `maxBytes` of it (see bodyChunks). */
async function readText(res, limit) {
    return (await readBody(res, limit)).toString('utf8');
}
/** Statuses whose Response may not carry a body (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);
/**
 * A fetch whose responses are read whole, with the cap, before the caller sees them; for
 * libraries that read bodies themselves (Octokit reads with `text()` and swallows read errors,
 * so the cap must bite before it gets the Response). The BodyTooLargeError is thrown by fetch.
 */
function cappedFetch(inner, limit) {
    return async (input, init) => {
        const res = await inner(input, init);
        const url = res.url || (input instanceof Request ? input.url : String(input));
        const body = init?.method === 'HEAD' ? null : await readBody(res, { ...limit, url });
        const copy = new Response(NULL_BODY.has(res.status) || !body ? null : body, {
            status: res.status,
            statusText: res.statusText,
            headers: res.headers,
        });
        // The body is decoded now; a Content-Encoding kept would make a reader decode it twice.
        copy.headers.delete('content-encoding');
        copy.headers.delete('content-length');
        Object.defineProperty(copy, 'url', { value: res.url });
        return copy;
    };
}
/** Whether a fetch failed by its timeout (AbortSignal.timeout), however deep in the causes. */
function isTimeout(err) {
    return err instanceof Error && (err.name === 'TimeoutError' || isTimeout(err.cause));
}
/** `fetch failed: connect ECONNREFUSED 127.0.0.1:1` (the cause is where the reason is). */
function networkReason(err) {
    const parts = [];
    for (let e = err; e instanceof Error && parts.length < 4; e = e.cause) {
        if (!parts.includes(e.message))
            parts.push(e.message);
    }
    return parts.join(': ') || String(err);
}
/**
 * One line for a debug log about an HTTP exchange: `GET https://host/path?q=*** → 200 in 12 ms`.
 * The URL goes through safeURL, so no user info or query value reaches the log.
 */
function httpTraceLine(method, url, outcome, ms) {
    const what = `${method.toUpperCase()} ${safeURL(url)}`;
    return typeof outcome === 'number'
        ? `${what} → ${outcome} in ${ms.toFixed(0)} ms`
        : `${what} failed after ${ms.toFixed(0)} ms: ${isTimeout(outcome) ? 'timed out' : networkReason(outcome).replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, (u) => safeURL(u))}`;
}
/** `inner`, telling `trace` of every request it sends and what came back (see httpTraceLine). */
function tracedFetch(inner, trace) {
    return async (input, init) => {
        const req = input instanceof Request ? input : undefined;
        const url = req ? req.url : input instanceof URL ? input : String(input);
        const method = init?.method ?? req?.method ?? 'GET';
        const started = performance.now();
        try {
            const res = await inner(input, init);
            trace(httpTraceLine(method, url, res.status, performance.now() - started));
            return res;
        }
        catch (err) {
            const e = err instanceof Error ? err : new Error(String(err));
            trace(httpTraceLine(method, url, e, performance.now() - started));
            throw err;
        }
    };
}


/***/ })

};
