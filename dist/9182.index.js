export const id = 9182;
export const ids = [9182,1324];
export const modules = {

/***/ 2204:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   de: () => (/* binding */ RegistryAuthenticator),
/* harmony export */   h3: () => (/* binding */ loadDockerConfig),
/* harmony export */   w4: () => (/* binding */ RegistryAuthError)
/* harmony export */ });
/* unused harmony exports parseWWWAuthenticate, registryKey, credentialFor */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2289);
/**
 * Registry authentication: anonymous, HTTP basic, and the bearer-token flow of the Docker
 * registry token specification (a 401 with `WWW-Authenticate: Bearer realm=…,service=…,scope=…`;
 * a token fetched from the realm, with basic credentials, an OAuth2 refresh token, or none; the
 * token sent as `Authorization: Bearer …` until it expires). Credentials come from a Docker config
 * file or from the adapter; they are never logged, and every message that could carry one goes
 * through a Redactor.
 */




/** Authentication was required and failed, or was refused. The message never holds a secret. */
class RegistryAuthError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK {
    name = 'RegistryAuthError';
}
/**
 * Parse a `WWW-Authenticate` header (RFC 7235): one or more challenges, each a scheme followed by
 * comma-separated `name=value` parameters whose values may be quoted strings holding commas, `=`
 * and backslash-escaped quotes (`scope="repository:a:pull,push"`).
 */
function parseWWWAuthenticate(header) {
    const out = [];
    let i = 0;
    const n = header.length;
    const skipSpace = () => {
        while (i < n && (header[i] === ' ' || header[i] === '\t'))
            i++;
    };
    const readToken = () => {
        const start = i;
        while (i < n && /[!#$%&'*+\-.^_`|~0-9A-Za-z]/.test(header[i] ?? ''))
            i++;
        return header.slice(start, i);
    };
    let current = null;
    while (i < n) {
        skipSpace();
        if (header[i] === ',') {
            i++;
            continue;
        }
        const start = i;
        const token = readToken();
        if (token === '') {
            i++; // Not a token character: skip it rather than loop forever.
            continue;
        }
        skipSpace();
        if (header[i] === '=' && current) {
            // `name=value` (a token68 such as `abc==` would also land here; no registry sends one).
            i++;
            skipSpace();
            let value = '';
            if (header[i] === '"') {
                i++;
                while (i < n && header[i] !== '"') {
                    if (header[i] === '\\' && i + 1 < n)
                        i++;
                    value += header[i];
                    i++;
                }
                i++; // Closing quote.
            }
            else {
                const vStart = i;
                while (i < n && header[i] !== ',' && header[i] !== ' ' && header[i] !== '\t')
                    i++;
                value = header.slice(vStart, i);
            }
            current.params[token.toLowerCase()] = value;
            continue;
        }
        if (start === i)
            break;
        current = { scheme: token.toLowerCase(), params: {} };
        out.push(current);
    }
    return out;
}
/** Fold a Docker config `auths` key to a registry host: no scheme, no path, Docker Hub as `docker.io`. */
function registryKey(key) {
    let host = key.trim();
    host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
    const slash = host.indexOf('/');
    if (slash >= 0)
        host = host.slice(0, slash);
    return (0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .canonicalRegistry */ .i7)(host);
}
function asString(v) {
    return typeof v === 'string' && v !== '' ? v : undefined;
}
/**
 * Read the `auths` of a Docker config file (`$DOCKER_CONFIG/config.json`, as `docker login`,
 * `docker/login-action` and cloud login actions write it) into credentials by registry host. Keys
 * with or without scheme are accepted; `https://index.docker.io/v1/` is Docker Hub (`docker.io`).
 * `auth` holds base64 `user:password`; `identitytoken` is an OAuth2 refresh token;
 * `registrytoken` a bearer token used as is. A missing file yields no credentials. Credential
 * helpers (`credsStore`, `credHelpers`) are not run.
 */
function loadDockerConfig(path) {
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return new Map();
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`cannot read Docker config ${path}: ${err.message}`);
    }
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        // JSON.parse quotes the offending text, which may be a secret: say only that it is broken.
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`cannot read Docker config ${path}: it is not valid JSON`);
    }
    const out = new Map();
    const auths = doc?.auths;
    if (typeof auths !== 'object' || auths === null)
        return out;
    for (const [key, raw] of Object.entries(auths)) {
        if (typeof raw !== 'object' || raw === null)
            continue;
        const entry = raw;
        const cred = {};
        const auth = asString(entry.auth);
        if (auth) {
            const decoded = Buffer.from(auth, 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`cannot read Docker config ${path}: the "auth" of ${JSON.stringify(key)} is not base64 of user:password`);
            }
            cred.username = decoded.slice(0, colon);
            cred.password = decoded.slice(colon + 1);
        }
        const username = asString(entry.username);
        const password = asString(entry.password);
        if (username)
            cred.username = username;
        if (password)
            cred.password = password;
        const identityToken = asString(entry.identitytoken);
        const registryToken = asString(entry.registrytoken);
        if (identityToken)
            cred.identityToken = identityToken;
        if (registryToken)
            cred.registryToken = registryToken;
        if (cred.password || cred.identityToken || cred.registryToken)
            out.set(registryKey(key), cred);
    }
    return out;
}
/** The credential for a registry host, whichever spelling the map's keys use. */
function credentialFor(credentials, registry) {
    const want = (0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .canonicalRegistry */ .i7)(registry);
    const direct = credentials.get(want);
    if (direct)
        return direct;
    for (const [key, cred] of credentials)
        if (registryKey(key) === want)
            return cred;
    return undefined;
}
/** Default token lifetime when the token service does not say (the spec's 60 s). */
const DEFAULT_EXPIRES_IN_S = 60;
/** Tokens are dropped this long before they expire, so none expires in flight. */
const EXPIRY_MARGIN_MS = 5_000;
/**
 * Remembers, per registry host, how it wants to be authenticated (learned from its first 401),
 * and caches bearer tokens per scope until they expire, so later requests carry the right header
 * from the start and cost no extra round trip.
 */
class RegistryAuthenticator {
    opts;
    schemes = new Map();
    tokens = new Map();
    inflight = new Map();
    now;
    constructor(opts) {
        this.opts = opts;
        this.now = opts.now ?? Date.now;
        for (const cred of opts.credentials.values()) {
            if (cred.username && cred.password)
                opts.redactor.addBasicAuth(cred.username, cred.password);
            opts.redactor.add(cred.password, cred.identityToken, cred.registryToken);
        }
    }
    credential(registry) {
        return credentialFor(this.opts.credentials, registry);
    }
    /** Who we authenticate as, for messages: the user name, or `an identity token`, never a secret. */
    who(registry) {
        const cred = this.credential(registry);
        if (cred?.username && !cred.identityToken)
            return cred.username;
        if (cred?.identityToken)
            return 'an identity token';
        if (cred?.registryToken)
            return 'a registry token';
        return 'anonymous';
    }
    basicHeader(registry) {
        const cred = this.credential(registry);
        if (!cred?.username || cred.password === undefined)
            return undefined;
        return `Basic ${Buffer.from(`${cred.username}:${cred.password}`).toString('base64')}`;
    }
    /** The header to send before any challenge is seen (none until the host has told us). */
    async authorization(registry, scope) {
        const scheme = this.schemes.get(registry);
        if (!scheme) {
            const token = this.credential(registry)?.registryToken;
            return token ? `Bearer ${token}` : undefined;
        }
        if (scheme.kind === 'basic')
            return this.basicHeader(registry);
        const cached = this.tokens.get(this.tokenKey(scheme, scope));
        if (cached && cached.expiresAt > this.now())
            return cached.header;
        return (await this.fetchToken(registry, scheme, scope)).header;
    }
    tokenKey(scheme, scope) {
        return `${scheme.realm}\u0000${scheme.service ?? ''}\u0000${scope}`;
    }
    /**
     * A request was answered 401. Learn the host's scheme from the challenge and return the header
     * to retry with, or throw a RegistryAuthError when retrying cannot help (no credentials, or the
     * credentials were just rejected).
     */
    async onUnauthorized(registry, scope, wwwAuthenticate, sent, retried) {
        const challenges = parseWWWAuthenticate(wwwAuthenticate ?? '');
        const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm);
        const basic = challenges.find((c) => c.scheme === 'basic');
        if (bearer?.params.realm) {
            const scheme = {
                kind: 'bearer',
                realm: bearer.params.realm,
                service: bearer.params.service,
            };
            this.schemes.set(registry, scheme);
            if (sent?.startsWith('Bearer ')) {
                const key = this.tokenKey(scheme, scope);
                const cached = this.tokens.get(key);
                if (cached?.header === sent)
                    this.tokens.delete(key);
                // A token fetched for this very request (or one given as is) was refused: a new one
                // would be refused too. A token cached from earlier may have been revoked: fetch anew.
                if (retried || cached?.header !== sent)
                    throw this.refused(registry, scope, bearer.params.error);
            }
            return (await this.fetchToken(registry, scheme, scope)).header;
        }
        if (basic) {
            this.schemes.set(registry, { kind: 'basic' });
            const header = this.basicHeader(registry);
            if (!header) {
                throw new RegistryAuthError(`authentication required for ${registry}: the registry wants a user name and password, and none is configured for it`);
            }
            if (sent === header) {
                throw new RegistryAuthError(`authentication failed for ${registry} as ${this.who(registry)}: the registry rejected the credentials`);
            }
            return header;
        }
        throw new RegistryAuthError(`authentication required for ${registry}, but its challenge is not one gantry understands: ${this.opts.redactor.redact(wwwAuthenticate ?? '(no WWW-Authenticate header)')}`);
    }
    refused(registry, scope, error) {
        const who = this.who(registry);
        const what = scope.split(':')[1] ?? scope;
        if (who === 'anonymous') {
            return new RegistryAuthError(`authentication required for ${registry}: anonymous access to ${what} was refused${error ? ` (${error})` : ''}; configure credentials for ${registry}`);
        }
        return new RegistryAuthError(`access denied for ${registry} as ${who}: the registry refused access to ${what}${error ? ` (${error})` : ''}`);
    }
    fetchToken(registry, scheme, scope) {
        const key = this.tokenKey(scheme, scope);
        // Requests running at once for the same scope share one token request.
        const running = this.inflight.get(key);
        if (running)
            return running;
        const p = this.requestToken(registry, scheme, scope).then((t) => {
            this.tokens.set(key, t);
            this.inflight.delete(key);
            return t;
        }, (err) => {
            this.inflight.delete(key);
            throw err;
        });
        this.inflight.set(key, p);
        return p;
    }
    async requestToken(registry, scheme, scope) {
        const cred = this.credential(registry);
        let realm;
        try {
            realm = new URL(scheme.realm);
        }
        catch {
            throw new RegistryAuthError(`authentication required for ${registry}, but its token realm ${JSON.stringify(scheme.realm)} is not a URL`);
        }
        if (realm.protocol !== 'https:' && realm.protocol !== 'http:') {
            throw new RegistryAuthError(`token realm of ${registry} is not http(s): ${realm.href}`);
        }
        const hasSecret = Boolean(cred?.password || cred?.identityToken);
        if (hasSecret && realm.protocol === 'http:' && !(0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isLoopbackHost */ .cW)(realm.host)) {
            throw new RegistryAuthError(`refusing to send credentials for ${registry} to a token service over plain HTTP (${realm.origin})`);
        }
        const who = this.who(registry);
        let res;
        if (cred?.identityToken) {
            const form = new URLSearchParams({
                grant_type: 'refresh_token',
                refresh_token: cred.identityToken,
                client_id: 'gantry',
                scope,
            });
            if (scheme.service)
                form.set('service', scheme.service);
            res = await this.opts.sendToken(realm.href, {
                method: 'POST',
                headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
                body: form.toString(),
            });
        }
        else {
            if (scheme.service)
                realm.searchParams.set('service', scheme.service);
            realm.searchParams.set('scope', scope);
            const headers = {};
            const basic = this.basicHeader(registry);
            if (basic) {
                headers.Authorization = basic;
                if (cred?.username)
                    realm.searchParams.set('account', cred.username);
            }
            res = await this.opts.sendToken(realm.href, { method: 'GET', headers });
        }
        if (res.status === 401 || res.status === 403) {
            throw new RegistryAuthError(who === 'anonymous'
                ? `authentication required for ${registry}: its token service ${realm.origin} refused anonymous access (HTTP ${res.status}); configure credentials for ${registry}`
                : `authentication failed for ${registry} as ${who}: its token service ${realm.origin} answered HTTP ${res.status}`);
        }
        if (res.status !== 200) {
            throw new RegistryAuthError(`token service ${realm.origin} for ${registry} answered HTTP ${res.status}: ${this.opts.redactor.redact(res.text.slice(0, 200))}`);
        }
        let body;
        try {
            body = JSON.parse(res.text);
        }
        catch {
            throw new RegistryAuthError(`token service ${realm.origin} for ${registry} answered with something that is not JSON`);
        }
        const token = asString(body.token) ?? asString(body.access_token);
        if (!token) {
            throw new RegistryAuthError(`token service ${realm.origin} for ${registry} answered without a token`);
        }
        this.opts.redactor.add(token);
        const expiresIn = typeof body.expires_in === 'number' && body.expires_in > 0
            ? body.expires_in
            : DEFAULT_EXPIRES_IN_S;
        const issued = typeof body.issued_at === 'string' ? Date.parse(body.issued_at) : NaN;
        // Trust our own clock over the server's when they disagree about "now".
        const start = Number.isFinite(issued) ? Math.min(issued, this.now()) : this.now();
        return {
            header: `Bearer ${token}`,
            expiresAt: start + expiresIn * 1000 - EXPIRY_MARGIN_MS,
        };
    }
}



/***/ }),

/***/ 847:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Z2: () => (/* binding */ MEDIA_TYPES),
  m_: () => (/* binding */ NotFoundError),
  bP: () => (/* binding */ RegistryClient),
  CA: () => (/* binding */ registryClientFor)
});

// UNUSED EXPORTS: DEFAULT_REGISTRY_RETRY, DEFAULT_TAG_LIST_CONCURRENCY, MANIFEST_ACCEPT, RegistryError, TAG_LIST_BOUNDARIES_PER_CHAIN, parseLinkNext

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/guards.ts
var guards = __webpack_require__(6936);
// EXTERNAL MODULE: ./src/util/http-body.ts
var http_body = __webpack_require__(1871);
// EXTERNAL MODULE: ./src/util/redact.ts
var redact = __webpack_require__(767);
// EXTERNAL MODULE: ./src/util/retry.ts
var retry = __webpack_require__(4266);
// EXTERNAL MODULE: ./src/discovery/oci/auth.ts
var auth = __webpack_require__(2204);
// EXTERNAL MODULE: ./src/discovery/oci/reference.ts
var oci_reference = __webpack_require__(2289);
;// CONCATENATED MODULE: ./src/discovery/oci/tag-ranges.ts
/**
 * Parallel tag listing for registries whose `?n=&last=` paging is lexical (distribution, GHCR,
 * Harbor, Artifact Registry): the answer to `last=X` is the first n tags after X in lexical order,
 * whether or not X is a tag. After page 1, the rest of the key space can then be cut at boundary
 * strings into intervals listed by independent chains at once. Where the boundaries fall decides
 * only the speed: an interval with no tags costs one request, and each chain's last page overlaps
 * the next interval (one request per boundary at most).
 *
 * Nothing here is trusted: every page is checked (ascending, after its cursor, same repository),
 * and the seams between intervals are checked against each other (the first tag a chain saw past
 * its upper boundary must be the first tag of the next chain). Any doubt returns `undefined`, and
 * the caller lists sequentially from the end of page 1, as it would have without this.
 *
 * "Page 1" here is the page the caller starts from: client.ts hands over page 2 of the listing
 * (and all tags so far), so that a listing of two pages never pays for boundary probes.
 */
// The OCI tag grammar, `[A-Za-z0-9_][A-Za-z0-9._-]{0,127}`: ASCII only, so JavaScript's string
// order (UTF-16 code units) is the byte order registries sort by.
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
/**
 * The URL chains request from, when page 1 shows lexical cursors: a full page of valid tags,
 * strictly ascending, whose next link is the same listing with `last` set to page 1's last tag.
 * Registries with opaque cursors (ECR's tokens, Quay's `next_page`) or other orders fail this.
 */
function lexicalTemplate(tags, next, pageURL) {
    if (tags.length < 2)
        return undefined;
    let prev = '';
    for (const t of tags) {
        if (typeof t !== 'string' || !TAG.test(t) || t <= prev)
            return undefined;
        prev = t;
    }
    if (next.origin !== pageURL.origin || next.pathname !== pageURL.pathname)
        return undefined;
    if (next.searchParams.getAll('last').length !== 1 || next.searchParams.get('last') !== prev) {
        return undefined;
    }
    return next;
}
const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const isDigit = (c) => c !== undefined && c >= '0' && c <= '9';
function commonPrefixLength(a, b) {
    const n = Math.min(a.length, b.length);
    let i = 0;
    while (i < n && a.charCodeAt(i) === b.charCodeAt(i))
        i++;
    return i;
}
const SEPARATORS = '._-';
/**
 * The characters position `d` probably takes, guessed from the run of letters and digits from it
 * on in the sample's tags (`6` in `2026.01.02-ab12cd3`, the whole of a digest): digits always;
 * letters of a case only where those runs have them, and only a–f (A–F) when they have no other
 * letter of that case (hex digests).
 */
function alphabetAt(sample, d) {
    let lower = '';
    let upper = '';
    for (const t of sample) {
        if (d >= t.length)
            continue;
        for (let i = d; i < t.length && !SEPARATORS.includes(t[i]); i++) {
            const c = t[i];
            if (c >= 'a' && c <= 'z' && c > lower)
                lower = c;
            else if (c >= 'A' && c <= 'Z' && c > upper)
                upper = c;
        }
    }
    const letters = (set, top) => top === '' ? '' : top <= (set === LOWER ? 'f' : 'F') ? set.slice(0, 6) : set;
    return DIGITS + letters(UPPER, upper) + letters(LOWER, lower);
}
/** Up to `k` of `xs`, spread evenly (the intervals between them about equal in candidates). */
function spread(xs, k) {
    if (xs.length <= k)
        return [...xs];
    return Array.from({ length: k }, (_, i) => xs[Math.floor(((i + 1) * xs.length) / (k + 1))]);
}
/** Whether only 9s follow position `d` in its run of constant digits (none: its last digit). */
function lowOrCarry(lo, d, varying) {
    for (let i = d + 1; i < varying && isDigit(lo[i]); i++)
        if (lo[i] !== '9')
            return false;
    return true;
}
/**
 * Up to `max` boundaries strictly between `lo` (a tag) and `hi` (a boundary; undefined: no upper
 * end), guessed from `sample` (the page that ended at `lo`). A boundary is a prefix of `lo` with
 * the character at one position raised: at the first position where the sample's tags differ
 * (the page's own spread continues there), and at constant digit positions that end a run of
 * digits or that the next increment carries into (counters: the `1` of `v1.`, the year's last
 * digit in `2026.`, the `2` of `2029.`). Constant letters are names (`build-`, `v`), and the
 * other digits of a number are high parts the page shows no sign of changing. Coarse positions
 * first, spread evenly when a position offers more than the room left.
 */
function splitPoints(lo, hi, sample, max) {
    if (max <= 0)
        return [];
    const floor = hi === undefined ? 0 : commonPrefixLength(lo, hi);
    let varying = lo.length;
    for (const t of sample)
        varying = Math.min(varying, commonPrefixLength(t, lo));
    varying = Math.max(varying, floor);
    const out = [];
    for (let d = floor; d < lo.length && d <= varying && out.length < max; d++) {
        const c = lo[d];
        const counter = isDigit(c) && lowOrCarry(lo, d, varying);
        if (d < varying && !counter)
            continue;
        const alphabet = alphabetAt(sample, d);
        const top = d === floor && hi !== undefined ? hi[d] : undefined;
        const prefix = lo.slice(0, d);
        const candidates = [];
        for (const x of alphabet)
            if (x > c && (top === undefined || x < top))
                candidates.push(prefix + x);
        out.push(...spread(candidates, max - out.length));
    }
    return out.sort();
}
class Violation extends Error {
}
// The two loops over every tag of a page are functions of their own: inline, V8 would optimize
// the whole async chain for them (see addNewTags in client.ts).
/** Whether every tag is a string, after `cursor` and after the one before it. */
function ascendingAfter(tags, cursor) {
    let prev = cursor;
    for (const t of tags) {
        if (typeof t !== 'string' || t <= prev)
            return false;
        prev = t;
    }
    return true;
}
/** Appends to `out` the leading tags up to `hi` (all when undefined); returns how many. */
function keepUpTo(tags, hi, out) {
    let keep = 0;
    while (keep < tags.length && (hi === undefined || tags[keep] <= hi)) {
        out.push(tags[keep]);
        keep++;
    }
    return keep;
}
/**
 * The tags after page 1, listed by up to `concurrency` chains at once, in lexical order: exactly
 * what following the next links one by one returns; undefined when a page or seam says the
 * registry does not page lexically (then nothing of this listing is used). A request error ends
 * every chain (each finishes the request it has in flight) and is thrown.
 */
async function listTagRanges(opts) {
    const { template, firstPage, concurrency } = opts;
    const pageSize = firstPage.length;
    const intervals = [];
    const running = new Set();
    let boundaries = 0;
    let stopped = false;
    let failure;
    let violation = false;
    let gathered = firstPage.length;
    let pages = 1;
    const urlFor = (cursor) => {
        const u = new URL(template.href);
        u.searchParams.set('last', cursor);
        return u.href;
    };
    /** Cuts `iv` at boundaries after `from`, each new interval with a chain of its own. */
    const split = (iv, from, sample) => {
        const room = Math.min(concurrency - running.size, opts.maxBoundaries - boundaries);
        const points = splitPoints(from, iv.hi, sample, room);
        if (points.length === 0)
            return;
        boundaries += points.length;
        const at = intervals.indexOf(iv);
        const added = points.map((p, i) => ({
            lo: p,
            hi: i + 1 < points.length ? points[i + 1] : iv.hi,
            tags: [],
            end: false,
        }));
        iv.hi = points[0];
        intervals.splice(at + 1, 0, ...added);
        for (const a of added)
            start(a);
    };
    const chain = async (iv) => {
        let cursor = iv.lo;
        for (;;) {
            if (stopped)
                return;
            const page = await opts.fetchPage(urlFor(cursor));
            if (stopped)
                return;
            pages++;
            if (page.name !== opts.name)
                throw new Violation();
            if (!ascendingAfter(page.tags, cursor))
                throw new Violation();
            const fresh = page.tags;
            const prev = fresh[fresh.length - 1] ?? cursor;
            if (iv.first === undefined)
                iv.first = fresh[0] ?? null;
            const keep = keepUpTo(fresh, iv.hi, iv.tags);
            gathered += keep;
            opts.onPage?.(gathered, pages);
            if (keep < fresh.length) {
                iv.beyond = fresh[keep];
                return;
            }
            if (!page.next || fresh.length === 0) {
                iv.end = true;
                return;
            }
            if (page.next.origin !== template.origin ||
                page.next.pathname !== template.pathname ||
                page.next.searchParams.get('last') !== prev) {
                throw new Violation();
            }
            cursor = prev;
            if (fresh.length >= pageSize &&
                running.size < concurrency &&
                boundaries < opts.maxBoundaries) {
                split(iv, cursor, fresh);
            }
        }
    };
    function start(iv) {
        const p = chain(iv)
            .catch((err) => {
            if (err instanceof Violation)
                violation = true;
            else
                failure ??= err;
            stopped = true;
        })
            .finally(() => running.delete(p));
        running.add(p);
    }
    const last = firstPage[firstPage.length - 1];
    const root = { lo: last, hi: undefined, tags: [], end: false };
    intervals.push(root);
    // The root chain starts at page 1's own cursor, so it is the sequential listing's page 2.
    start(root);
    split(root, last, firstPage);
    while (running.size > 0)
        await Promise.all([...running]);
    if (failure !== undefined)
        throw failure;
    if (violation)
        return undefined;
    for (let i = 0; i < intervals.length; i++) {
        const iv = intervals[i];
        const next = intervals[i + 1];
        if (!next) {
            if (!iv.end)
                return undefined;
            break;
        }
        if (iv.end ? next.first !== null : next.first !== iv.beyond)
            return undefined;
    }
    const out = [];
    for (const iv of intervals)
        for (const t of iv.tags)
            out.push(t);
    return out;
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/discovery/oci/transport.ts
/**
 * The registry client's HTTP exchanges, on node:http and node:https. A tag listing is a hundred
 * sequential pages and more; undici's fetch spends several times the CPU of a plain request on
 * each (WHATWG streams, Headers, Response objects), and loading undici alone costs about as much
 * as Node's own start-up. What fetch did for this client is kept here:
 * - redirects followed (at most 20, as fetch does), a 303 turned into a GET, and `Authorization`
 *   dropped when a redirect leaves the origin (blob downloads redirect to signed storage URLs);
 * - one timeout for the whole exchange, body included;
 * - the body read up to a cap, the connection dropped the moment it is passed;
 * - connections kept alive per client (a listing reuses one connection for every page).
 * No `Accept-Encoding` is sent, so bodies arrive as they are (fetch asked for gzip and decoded it).
 */




const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;
class NodeHeaders {
    raw;
    constructor(raw) {
        this.raw = raw;
    }
    get(name) {
        const v = this.raw[name.toLowerCase()];
        if (v === undefined)
            return null;
        return Array.isArray(v) ? v.join(', ') : v;
    }
}
/** A timeout as fetch's AbortSignal.timeout reports it (the client tells it by its name). */
function timeoutError(ms) {
    const e = new Error(`the request did not finish within ${ms} ms`);
    e.name = 'TimeoutError';
    return e;
}
class Transport {
    http = new external_node_http_.Agent({ keepAlive: true });
    https = new external_node_https_.Agent({ keepAlive: true });
    insecureAgent;
    /** One exchange, redirects followed. */
    async send(url, r) {
        const deadline = Date.now() + r.timeoutMs;
        let current = new URL(url);
        let method = r.method;
        let headers = { ...r.headers };
        let body = r.body;
        for (let hops = 0;; hops++) {
            const res = await this.once(current, method, headers, body, r, deadline).catch((err) => {
                // A kept-alive connection the server closed just as it was reused: the request never
                // reached the server, so it is sent again at once on a new one (undici does the same).
                if (err.staleSocket) {
                    return this.once(current, method, headers, body, r, deadline);
                }
                throw err;
            });
            const location = res.location;
            if (!REDIRECTS.has(res.status) || location === undefined) {
                return { status: res.status, headers: res.headers, body: res.body, url: current.href };
            }
            if (hops >= MAX_REDIRECTS)
                throw new Error(`more than ${MAX_REDIRECTS} redirects`);
            const next = new URL(location, current);
            if (next.origin !== current.origin) {
                headers = Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'authorization'));
            }
            if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
                if (method !== 'HEAD')
                    method = 'GET';
                body = undefined;
            }
            current = next;
        }
    }
    close() {
        this.http.destroy();
        this.https.destroy();
        this.insecureAgent?.destroy();
        this.insecureAgent = undefined;
    }
    agent(url, insecure) {
        if (url.protocol === 'http:')
            return this.http;
        if (!insecure)
            return this.https;
        this.insecureAgent ??= new external_node_https_.Agent({ keepAlive: true, rejectUnauthorized: false });
        return this.insecureAgent;
    }
    once(url, method, headers, body, r, deadline) {
        return new Promise((resolve, reject) => {
            if (url.protocol !== 'http:' && url.protocol !== 'https:') {
                reject(new Error(`unsupported protocol ${url.protocol} in ${(0,http_body/* safeURL */.JK)(url)}`));
                return;
            }
            const send = url.protocol === 'http:' ? external_node_http_.request : external_node_https_.request;
            const payload = body === undefined ? undefined : Buffer.from(body);
            // As fetch does: registries compress large tag lists and manifests when asked.
            const sent = { 'Accept-Encoding': 'gzip, deflate, br', ...headers };
            const req = send(url, {
                method,
                headers: payload ? { ...sent, 'Content-Length': String(payload.length) } : sent,
                agent: this.agent(url, r.insecure),
            });
            let done = false;
            const fail = (err) => {
                if (done)
                    return;
                done = true;
                clearTimeout(timer);
                req.destroy();
                reject(err);
            };
            const timer = setTimeout(() => fail(timeoutError(r.timeoutMs)), Math.max(0, deadline - Date.now()));
            let answered = false;
            req.on('error', (err) => {
                const stale = req.reusedSocket &&
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
                const finish = (b) => {
                    if (done)
                        return;
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
                    fail(new http_body/* BodyTooLargeError */.Au((0,http_body/* safeURL */.JK)(url), r.maxBytes, declared, r.what));
                    return;
                }
                // The cap counts what the body decodes to: a small compressed answer may inflate to any size.
                const encoding = (h.get('content-encoding') ?? '').trim().toLowerCase();
                let decoded = res;
                if (encoding && encoding !== 'identity') {
                    const decoder = encoding === 'gzip' || encoding === 'x-gzip'
                        ? (0,external_node_zlib_.createGunzip)()
                        : encoding === 'deflate'
                            ? (0,external_node_zlib_.createInflate)()
                            : encoding === 'br'
                                ? (0,external_node_zlib_.createBrotliDecompress)()
                                : undefined;
                    if (!decoder) {
                        fail(new Error(`unsupported Content-Encoding ${encoding} from ${(0,http_body/* safeURL */.JK)(url)}`));
                        return;
                    }
                    decoder.on('error', fail);
                    decoded = res.pipe(decoder);
                }
                const chunks = [];
                let total = 0;
                decoded.on('data', (c) => {
                    if (done)
                        return;
                    total += c.length;
                    if (total > r.maxBytes) {
                        fail(new http_body/* BodyTooLargeError */.Au((0,http_body/* safeURL */.JK)(url), r.maxBytes, undefined, r.what));
                        decoded.destroy();
                        return;
                    }
                    chunks.push(c);
                });
                decoded.on('end', () => finish(Buffer.concat(chunks, total)));
                // The connection closed before the body ended.
                res.on('close', () => {
                    if (!res.complete)
                        fail(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
                });
            });
            req.end(payload);
        });
    }
}

;// CONCATENATED MODULE: ./src/discovery/oci/client.ts
/**
 * A client for the OCI distribution API (`/v2/…`), the part discovery needs: list tags, resolve a
 * tag to a digest, read manifests and config blobs. No Docker, no registry SDK.
 *
 * How it behaves on shared registries:
 * - at most `concurrencyPerRegistry` requests in flight per registry host (token services are
 *   not limited: a slot is never held while waiting for a token, so nothing can deadlock);
 * - a timeout on every request, body included (AbortSignal);
 * - 429 and 5xx (not 501) retried a bounded number of times, with full-jitter backoff, or after
 *   what `Retry-After` asks (seconds or an HTTP date) when that is not longer than
 *   `maxRetryAfterMs`; connection resets retried likewise; timeouts are not retried, so an
 *   unresponsive registry costs one timeout, not several;
 * - authentication learned once per host and tokens cached per scope (see auth.ts);
 * - digests verified when computed from a body; manifest media types checked.
 */










const MEDIA_TYPES = {
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociIndex: 'application/vnd.oci.image.index.v1+json',
};
const INDEX_TYPES = new Set([MEDIA_TYPES.dockerManifestList, MEDIA_TYPES.ociIndex]);
const MANIFEST_TYPES = new Set([MEDIA_TYPES.dockerManifest, MEDIA_TYPES.ociManifest]);
/** Content types that say nothing; the body's own `mediaType` decides then. */
const GENERIC_TYPES = new Set(['', 'application/json', 'application/octet-stream', 'text/plain']);
/** Every manifest shape gantry reads. Distribution 2.8 hides OCI indexes without this. */
const MANIFEST_ACCEPT = [
    MEDIA_TYPES.ociIndex,
    MEDIA_TYPES.dockerManifestList,
    MEDIA_TYPES.ociManifest,
    MEDIA_TYPES.dockerManifest,
].join(', ');
/** A registry answered in a way that ends the operation. Messages never hold secrets. */
class RegistryError extends errors/* OperationError */.OK {
    status;
    name = 'RegistryError';
    constructor(message, status) {
        super(message);
        this.status = status;
    }
}
/** The tag, digest or repository does not exist (HTTP 404). */
class NotFoundError extends RegistryError {
    name = 'NotFoundError';
}
const DEFAULT_TAG_LIST_CONCURRENCY = 4;
/** Boundaries per chain over a whole listing: each costs one request at most beyond the pages. */
const TAG_LIST_BOUNDARIES_PER_CHAIN = 4;
const DEFAULT_REGISTRY_RETRY = {
    attempts: 4,
    baseDelayMs: 250,
    maxDelayMs: 8_000,
};
/** A counting semaphore: at most `limit` holders at once, first come first served. */
class Semaphore {
    limit;
    active = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
    }
    async acquire() {
        if (this.active < this.limit) {
            this.active++;
            return;
        }
        await new Promise((resolve) => this.waiting.push(resolve));
    }
    release() {
        const next = this.waiting.shift();
        if (next)
            next();
        else
            this.active--;
    }
}
const RETRYABLE_CODES = new Set([
    'ECONNRESET',
    'EPIPE',
    'ECONNABORTED',
    'UND_ERR_SOCKET',
    'UND_ERR_CLOSED',
]);
function errorCode(err) {
    let e = err;
    for (let depth = 0; depth < 4 && e; depth++) {
        const code = e.code;
        if (typeof code === 'string')
            return code;
        e = e.cause;
    }
    return undefined;
}
/** The most telling part of a network error: its code, or the innermost cause's message. */
function networkReason(err) {
    const code = errorCode(err);
    if (code)
        return code;
    let e = err;
    while (e?.cause instanceof Error)
        e = e.cause;
    return e instanceof Error ? e.message : String(e);
}
function isTimeout(err) {
    const name = err?.name;
    return name === 'TimeoutError' || errorCode(err) === 'UND_ERR_HEADERS_TIMEOUT';
}
/** The `rel="next"` target of an RFC 5988 `Link` header, or undefined. */
function parseLinkNext(header) {
    if (!header)
        return undefined;
    const re = /<([^>]*)>((?:\s*;\s*[^;,=\s]+\s*(?:=\s*(?:"[^"]*"|[^;,]*))?)*)/g;
    for (const m of header.matchAll(re)) {
        const params = m[2] ?? '';
        const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]*))/i.exec(params);
        const rels = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
        if (rels.includes('next'))
            return m[1];
    }
    return undefined;
}
/**
 * Appends the tags of one page not seen before; returns how many. A function of its own because it
 * is the hot loop of a listing: were it inline, V8 would optimize all of listTags (an async
 * function of a few hundred lines) for it, which took longer than the listing itself.
 */
function addNewTags(page, seen, tags) {
    let added = 0;
    for (const t of page) {
        if (typeof t !== 'string' || seen.has(t))
            continue;
        seen.add(t);
        tags.push(t);
        added++;
    }
    return added;
}
function mediaTypeOf(headers) {
    return (headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}
const DIGEST = /^(sha256|sha512):([a-f0-9]+)$/;
function computeDigest(algorithm, bytes) {
    return `${algorithm}:${(0,external_node_crypto_.createHash)(algorithm).update(bytes).digest('hex')}`;
}
/** Distribution's `{"errors":[{"code":…,"message":…}]}`, shortened for a message. */
function registryErrorText(body) {
    const text = body.toString('utf8').slice(0, 2000);
    try {
        const doc = JSON.parse(text);
        if (Array.isArray(doc.errors) && doc.errors.length > 0) {
            return doc.errors
                .map((e) => [e.code, e.message].filter(Boolean).join(': '))
                .join('; ')
                .slice(0, 300);
        }
    }
    catch {
        // Not JSON: show the start of it.
    }
    return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}
function stringMap(v) {
    if (!(0,guards/* isRecord */.u)(v))
        return undefined;
    const out = {};
    for (const [k, val] of Object.entries(v))
        if (typeof val === 'string')
            out[k] = val;
    return out;
}
function toDescriptor(v) {
    if (!(0,guards/* isRecord */.u)(v) || typeof v.digest !== 'string')
        return null;
    const d = {
        mediaType: typeof v.mediaType === 'string' ? v.mediaType : '',
        digest: v.digest,
        size: typeof v.size === 'number' ? v.size : 0,
    };
    const p = v.platform;
    if ((0,guards/* isRecord */.u)(p) && typeof p.os === 'string' && typeof p.architecture === 'string') {
        d.platform = { os: p.os, architecture: p.architecture };
        if (typeof p.variant === 'string' && p.variant !== '')
            d.platform.variant = p.variant;
    }
    const annotations = stringMap(v.annotations);
    if (annotations)
        d.annotations = annotations;
    return d;
}
class RegistryClient {
    opts;
    semaphores = new Map();
    counts = new Map();
    redactor = new redact/* Redactor */.p();
    auth;
    retryPolicy;
    transport = new Transport();
    /** Hosts reached with TLS verification off: their token services (same host) are too. */
    insecureHosts = new Set();
    constructor(opts) {
        this.opts = opts;
        this.retryPolicy = opts.retry ?? DEFAULT_REGISTRY_RETRY;
        this.auth = new auth/* RegistryAuthenticator */.de({
            credentials: opts.credentials ?? new Map(),
            redactor: this.redactor,
            sendToken: (url, init) => this.sendToken(url, init),
        });
    }
    /** Requests sent to a host (`127.0.0.1:5000`, `auth.docker.io`), retries and 401s included; all hosts without one. */
    requestCount(host) {
        if (host !== undefined)
            return this.counts.get(host) ?? 0;
        let total = 0;
        for (const n of this.counts.values())
            total += n;
        return total;
    }
    /** Requests per host, for benchmarks and summaries. */
    requestCounts() {
        return Object.fromEntries(this.counts);
    }
    /** Close the connections this client keeps open between requests. */
    close() {
        this.transport.close();
        return Promise.resolve();
    }
    /**
     * Every tag of the repository, in the order the registry gave them, following `Link: <…>;
     * rel="next"` (relative or absolute, same origin only). Registries that do not page return
     * everything at once; a next link already visited, or a page that adds no new tag, ends the
     * listing, so registries that page oldest-first or lexically (or misbehave) cannot loop.
     *
     * When pages 1 and 2 show lexical cursors (see tag-ranges.ts), the rest is listed by up to
     * `tagListConcurrency` chains at once over intervals of the key space, with the same result;
     * a page or seam that breaks the lexical contract drops those pages and lists the rest one
     * page after another from page 2's next link.
     */
    async listTags(repo, onProgress) {
        const origin = (0,oci_reference/* registryOrigin */._g)(repo);
        const pageSize = this.opts.tagPageSize ?? 1000;
        let url = `${origin}/v2/${repo.repository}/tags/list?n=${pageSize}`;
        const visited = new Set();
        const seen = new Set();
        const tags = [];
        let pages = 0;
        while (url) {
            visited.add(url);
            const page = await this.tagPage(repo, url, pages + 1);
            pages++;
            const before = tags.at(-1);
            const added = addNewTags(page.tags, seen, tags);
            onProgress?.(tags.length, pages);
            if (!page.next || added === 0)
                break;
            if (page.next.origin !== origin) {
                throw new RegistryError(`registry ${repo.registry} sent a next-page link to another origin (${page.next.origin}); not following it`);
            }
            // Chains start once page 2 also names a next page: a listing of two pages then costs its
            // two requests (no boundary probes), and a long one only one round trip more than from
            // page 1. Page 2 must go on after page 1's last tag, as lexical cursors do.
            const head = page.tags[0];
            if (pages === 2 && typeof head === 'string' && before !== undefined && head > before) {
                const rest = await this.listTagsInParallel(repo, page, url, tags, onProgress);
                if (rest) {
                    for (const t of rest)
                        tags.push(t);
                    return tags;
                }
            }
            url = visited.has(page.next.href) ? undefined : page.next.href;
        }
        return tags;
    }
    /** The tags after page 2 listed by parallel chains, or undefined: go on one page at a time. */
    async listTagsInParallel(repo, first, url, firstTags, onProgress) {
        const concurrency = Math.min(this.opts.tagListConcurrency ?? DEFAULT_TAG_LIST_CONCURRENCY, Math.max(1, this.opts.concurrencyPerRegistry));
        if (concurrency < 2 || !first.next)
            return undefined;
        const template = lexicalTemplate(first.tags, first.next, new URL(url));
        if (!template)
            return undefined;
        let pageNo = 2;
        return listTagRanges({
            template,
            firstPage: firstTags,
            name: first.name,
            concurrency,
            maxBoundaries: TAG_LIST_BOUNDARIES_PER_CHAIN * concurrency,
            fetchPage: (u) => this.tagPage(repo, u, ++pageNo),
            ...(onProgress && { onPage: onProgress }),
        });
    }
    /** One page of a tag listing: its tags, its next link (resolved) and its `name`. */
    async tagPage(repo, url, pageNo) {
        const res = await this.request(repo, 'GET', url, 'application/json');
        const what = `tags of ${(0,oci_reference/* repositoryName */.aR)(repo)}`;
        if (res.status === 404) {
            throw new NotFoundError(`repository ${repo.repository} not found on registry ${repo.registry} (${registryErrorText(res.body)})`, 404);
        }
        this.expectOk(res, repo, `listing ${what}`);
        let doc;
        try {
            doc = JSON.parse(res.body.toString('utf8'));
        }
        catch (err) {
            throw new RegistryError(`malformed JSON from registry ${repo.registry} listing tags of repository ${repo.repository} (page ${pageNo}): ${err.message.slice(0, 120)}`);
        }
        const pageTags = (0,guards/* isRecord */.u)(doc) ? doc.tags : undefined;
        if (!(0,guards/* isRecord */.u)(doc) ||
            (pageTags !== null && pageTags !== undefined && !Array.isArray(pageTags))) {
            throw new RegistryError(`malformed tag list from registry ${repo.registry} for repository ${repo.repository}: expected {"name":…,"tags":[…]}`);
        }
        const link = parseLinkNext(res.headers.get('link'));
        const next = link ? new URL(link, res.url || url) : undefined;
        return {
            tags: pageTags ?? [],
            ...(next && { next }),
            name: doc.name,
        };
    }
    /**
     * The digest of a tag (or digest) with a `HEAD` request. When the registry does not send
     * `Docker-Content-Digest` or names no known manifest type, the manifest is fetched and its
     * digest computed from the body.
     */
    async resolveDigest(repo, reference) {
        const url = this.manifestURL(repo, reference);
        const res = await this.request(repo, 'HEAD', url, MANIFEST_ACCEPT);
        if (res.status === 404)
            throw this.notFound(repo, reference, res);
        this.expectOk(res, repo, `resolving ${reference}`);
        const digest = res.headers.get('docker-content-digest') ?? '';
        const mediaType = mediaTypeOf(res.headers);
        if (DIGEST.test(digest) && (INDEX_TYPES.has(mediaType) || MANIFEST_TYPES.has(mediaType))) {
            if (DIGEST.test(reference) && reference !== digest) {
                throw new RegistryError(`registry ${repo.registry} answered ${digest} for ${(0,oci_reference/* repositoryName */.aR)(repo)}@${reference}`);
            }
            const length = Number(res.headers.get('content-length'));
            return { digest, mediaType, ...(length > 0 && { size: length }) };
        }
        const m = await this.getManifest(repo, reference);
        return { digest: m.digest, mediaType: m.mediaType, size: m.bytes.length };
    }
    /** A manifest or index by tag or digest, parsed and checked (digest, media type, shape). */
    async getManifest(repo, reference) {
        const url = this.manifestURL(repo, reference);
        const res = await this.request(repo, 'GET', url, MANIFEST_ACCEPT, this.opts.maxManifestBytes ?? 4 << 20);
        if (res.status === 404)
            throw this.notFound(repo, reference, res);
        this.expectOk(res, repo, `reading the manifest of ${reference}`);
        const where = `reference ${reference} in repository ${repo.repository} on registry ${repo.registry}`;
        const byRef = DIGEST.exec(reference);
        const header = res.headers.get('docker-content-digest') ?? '';
        const byHeader = DIGEST.exec(header);
        const algorithm = byRef?.[1] ?? byHeader?.[1] ?? 'sha256';
        const digest = computeDigest(algorithm, res.body);
        if (byRef && digest !== reference) {
            throw new RegistryError(`the manifest served for ${where} has digest ${digest}, not the one asked for`);
        }
        if (byHeader && header !== digest) {
            throw new RegistryError(`the manifest served for ${where} has digest ${digest}, but the registry says ${header}`);
        }
        let doc;
        try {
            doc = JSON.parse(res.body.toString('utf8'));
        }
        catch (err) {
            throw new RegistryError(`malformed JSON in the manifest of ${where}: ${err.message.slice(0, 120)}`);
        }
        if (!(0,guards/* isRecord */.u)(doc))
            throw new RegistryError(`malformed manifest for ${where}: not a JSON object`);
        const contentType = mediaTypeOf(res.headers);
        const declared = typeof doc.mediaType === 'string' ? doc.mediaType : '';
        let mediaType = contentType;
        if (GENERIC_TYPES.has(contentType)) {
            mediaType =
                declared ||
                    (Array.isArray(doc.manifests)
                        ? MEDIA_TYPES.ociIndex
                        : (0,guards/* isRecord */.u)(doc.config)
                            ? MEDIA_TYPES.ociManifest
                            : '');
        }
        const known = 'gantry reads Docker v2 manifests and manifest lists, OCI manifests and OCI indexes';
        if (INDEX_TYPES.has(mediaType)) {
            const manifests = Array.isArray(doc.manifests) ? doc.manifests.map(toDescriptor) : null;
            if (!manifests || manifests.some((d) => d === null)) {
                throw new RegistryError(`malformed ${mediaType} for ${where}: "manifests" must be a list of descriptors`);
            }
            const index = {
                schemaVersion: typeof doc.schemaVersion === 'number' ? doc.schemaVersion : 2,
                mediaType,
                manifests: manifests,
            };
            const annotations = stringMap(doc.annotations);
            if (annotations)
                index.annotations = annotations;
            return { kind: 'index', index, digest, mediaType, size: res.body.length, bytes: res.body };
        }
        if (MANIFEST_TYPES.has(mediaType)) {
            const config = toDescriptor(doc.config);
            const layers = Array.isArray(doc.layers) ? doc.layers.map(toDescriptor) : [];
            if (!config || layers.some((d) => d === null)) {
                throw new RegistryError(`malformed ${mediaType} for ${where}: it needs a "config" descriptor`);
            }
            const manifest = {
                schemaVersion: typeof doc.schemaVersion === 'number' ? doc.schemaVersion : 2,
                mediaType,
                config,
                layers: layers,
            };
            const annotations = stringMap(doc.annotations);
            if (annotations)
                manifest.annotations = annotations;
            return {
                kind: 'manifest',
                manifest,
                digest,
                mediaType,
                size: res.body.length,
                bytes: res.body,
            };
        }
        const shown = mediaType || declared || '(none)';
        const hint = shown.includes('manifest.v1+')
            ? '; Docker schema 1 manifests are obsolete and not supported'
            : '';
        throw new RegistryError(`unknown manifest media type ${JSON.stringify(shown)} for ${where} (${known}${hint})`);
    }
    /**
     * A blob, its digest verified: a config blob (small: `maxBlobBytes`), or up to `maxBytes` for
     * the steps that move artifacts (oci-download, oci-push).
     */
    async getBlob(repo, digest, maxBytes) {
        const m = DIGEST.exec(digest);
        if (!m?.[1])
            throw new RegistryError(`not a digest: ${JSON.stringify(digest)}`);
        const url = `${(0,oci_reference/* registryOrigin */._g)(repo)}/v2/${repo.repository}/blobs/${digest}`;
        const limit = maxBytes ?? this.opts.maxBlobBytes ?? 8 << 20;
        const res = await this.request(repo, 'GET', url, '*/*', limit);
        if (res.status === 404)
            throw this.notFound(repo, digest, res);
        this.expectOk(res, repo, `reading blob ${digest}`);
        const actual = computeDigest(m[1], res.body);
        if (actual !== digest) {
            throw new RegistryError(`blob ${digest} of repository ${repo.repository} on registry ${repo.registry} has digest ${actual}`);
        }
        return res.body;
    }
    /** Whether the repository has the blob (`HEAD /v2/<name>/blobs/<digest>`), asked with push rights. */
    async hasBlob(repo, digest) {
        const url = `${(0,oci_reference/* registryOrigin */._g)(repo)}/v2/${repo.repository}/blobs/${digest}`;
        const res = await this.request(repo, 'HEAD', url, '*/*', 0, {});
        if (res.status === 404)
            return false;
        this.expectOk(res, repo, `checking blob ${digest}`);
        return true;
    }
    /**
     * Upload a blob in one request: `POST /v2/<name>/blobs/uploads/` opens an upload, `PUT
     * <location>?digest=` sends it whole (the distribution spec's monolithic upload).
     */
    async putBlob(repo, digest, bytes) {
        const start = `${(0,oci_reference/* registryOrigin */._g)(repo)}/v2/${repo.repository}/blobs/uploads/`;
        const opened = await this.request(repo, 'POST', start, '*/*', 1 << 20, {});
        if (opened.status !== 202)
            this.expectOk(opened, repo, `opening an upload of ${digest}`);
        const location = opened.headers.get('location');
        if (opened.status !== 202 || !location) {
            throw new RegistryError(`registry ${repo.registry} answered HTTP ${opened.status} without an upload location when opening an upload in repository ${repo.repository}`, opened.status);
        }
        const target = new URL(location, opened.url || start);
        if (target.origin !== new URL(start).origin) {
            throw new RegistryError(`registry ${repo.registry} sent an upload location on another origin (${target.origin}); not sending the blob there`);
        }
        target.searchParams.set('digest', digest);
        const put = await this.request(repo, 'PUT', target.href, '*/*', 1 << 20, {
            body: bytes,
            contentType: 'application/octet-stream',
        });
        if (put.status !== 201)
            this.expectOk(put, repo, `uploading blob ${digest}`);
    }
    /** Store a manifest or index under a tag or its digest; returns the digest the registry gives. */
    async putManifest(repo, reference, bytes, mediaType) {
        const url = this.manifestURL(repo, reference);
        const res = await this.request(repo, 'PUT', url, '*/*', 1 << 20, {
            body: bytes,
            contentType: mediaType,
        });
        this.expectOk(res, repo, `storing the manifest ${reference}`);
        const digest = computeDigest('sha256', bytes);
        const said = res.headers.get('docker-content-digest');
        if (said && said !== digest) {
            throw new RegistryError(`registry ${repo.registry} stored ${repo.repository}:${reference} as ${said}, but the manifest sent has digest ${digest}`);
        }
        return digest;
    }
    manifestURL(repo, reference) {
        return `${(0,oci_reference/* registryOrigin */._g)(repo)}/v2/${repo.repository}/manifests/${encodeURIComponent(reference).replace(/%3A/gi, ':')}`;
    }
    notFound(repo, reference, res) {
        return new NotFoundError(`${reference} not found in repository ${repo.repository} on registry ${repo.registry} (${registryErrorText(res.body) || 'HTTP 404'})`, 404);
    }
    expectOk(res, repo, doing) {
        if (res.status >= 200 && res.status < 300)
            return;
        const text = this.redactor.redact(registryErrorText(res.body));
        throw new RegistryError(`registry ${repo.registry} answered HTTP ${res.status} ${doing} in repository ${repo.repository}${text ? `: ${text}` : ''}`, res.status);
    }
    semaphore(host) {
        let s = this.semaphores.get(host);
        if (!s) {
            s = new Semaphore(Math.max(1, this.opts.concurrencyPerRegistry));
            this.semaphores.set(host, s);
        }
        return s;
    }
    /**
     * A registry request with auth (401 ⇒ challenge ⇒ retry, at most twice) and retries. Writes
     * (`push`) ask for a token scoped `pull,push`; their bodies are buffers, so a retry resends them.
     */
    async request(repo, method, url, accept, maxBytes = 16 << 20, write) {
        const scope = `repository:${repo.repository}:${write ? 'pull,push' : 'pull'}`;
        if (repo.insecureSkipTLSVerify)
            this.insecureHosts.add(repo.apiHost);
        let authorization = await this.auth.authorization(repo.registry, scope);
        for (let authTries = 0;; authTries++) {
            const headers = { Accept: accept };
            if (authorization)
                headers.Authorization = authorization;
            if (write?.contentType)
                headers['Content-Type'] = write.contentType;
            const init = { method, headers, ...(write?.body ? { body: write.body } : {}) };
            const res = await this.withRetries(repo.apiHost, method, url, () => this.send(repo.apiHost, url, init, repo.insecureSkipTLSVerify, true, maxBytes));
            if (res.status === 401) {
                if (authTries >= 2) {
                    throw new auth/* RegistryAuthError */.w4(`authentication failed for ${repo.registry}: still refused after authenticating`);
                }
                authorization = await this.auth.onUnauthorized(repo.registry, scope, res.headers.get('www-authenticate'), authorization, authTries > 0);
                continue;
            }
            if (res.status === 403) {
                throw new auth/* RegistryAuthError */.w4(`access denied by registry ${repo.registry} to repository ${repo.repository}: ${this.redactor.redact(registryErrorText(res.body)) || 'HTTP 403'}`);
            }
            return res;
        }
    }
    async sendToken(url, init) {
        const host = new URL(url).host;
        const res = await this.withRetries(host, init.method, url, () => this.send(host, url, init, this.insecureHosts.has(host), false, 1 << 20));
        return { status: res.status, headers: res.headers, text: res.body.toString('utf8') };
    }
    /** Runs `attempt` until it answers something that is not 429/5xx, or the tries run out. */
    async withRetries(host, method, url, attempt) {
        const path = new URL(url).pathname;
        const policy = this.retryPolicy;
        const maxRetryAfter = this.opts.maxRetryAfterMs ?? 60_000;
        for (let tryNo = 1;; tryNo++) {
            let res;
            try {
                res = await attempt();
            }
            catch (err) {
                if (err instanceof RegistryError || err instanceof http_body/* BodyTooLargeError */.Au)
                    throw err;
                if (isTimeout(err)) {
                    throw new RegistryError(`registry ${host} did not answer ${method} ${path} within ${this.opts.requestTimeoutMs} ms`);
                }
                const code = errorCode(err);
                const failure = new RegistryError(`cannot reach registry ${host} (${method} ${path}): ${this.redactor.redact(networkReason(err))}`);
                if (code && RETRYABLE_CODES.has(code) && tryNo < policy.attempts) {
                    await this.pause(host, tryNo, (0,retry/* backoffDelay */.EY)(tryNo, policy, this.opts.random), failure.message);
                    continue;
                }
                throw failure;
            }
            const retryable = res.status === 429 || (res.status >= 500 && res.status !== 501);
            if (!retryable)
                return res;
            const detail = this.redactor.redact(registryErrorText(res.body));
            const failure = `registry ${host} answered HTTP ${res.status} to ${method} ${path}`;
            if (tryNo >= policy.attempts) {
                throw new RegistryError(`${failure} ${tryNo} times; giving up${detail ? ` (last answer: ${detail})` : ''}`, res.status);
            }
            const retryAfter = (0,retry/* parseRetryAfter */.mu)(res.headers.get('retry-after'));
            if (retryAfter !== undefined && retryAfter > maxRetryAfter) {
                throw new RegistryError(`${failure} and asks to retry after ${Math.ceil(retryAfter / 1000)} s, longer than the ${Math.ceil(maxRetryAfter / 1000)} s gantry waits`, res.status);
            }
            // Retry-After is a floor; a little jitter keeps many clients from returning at once.
            const delay = retryAfter !== undefined
                ? retryAfter +
                    Math.round((this.opts.random ?? Math.random)() * Math.min(1000, policy.baseDelayMs))
                : (0,retry/* backoffDelay */.EY)(tryNo, policy, this.opts.random);
            await this.pause(host, tryNo, delay, failure);
        }
    }
    async pause(host, tryNo, delay, why) {
        this.opts.log?.warn(`${why}; retrying in ${(delay / 1000).toFixed(1)} s (try ${tryNo + 1} of ${this.retryPolicy.attempts})`);
        await (this.opts.sleep ?? retry/* sleep */.yy)(delay);
    }
    /** One HTTP exchange: a concurrency slot (registries only), a timeout, the body read up to `maxBytes`. */
    async send(host, url, init, insecure, limited, maxBytes) {
        const sem = limited ? this.semaphore(host) : undefined;
        await sem?.acquire();
        try {
            this.counts.set(host, (this.counts.get(host) ?? 0) + 1);
            const started = performance.now();
            const res = await this.transport
                .send(url, {
                method: init.method,
                headers: { 'User-Agent': this.opts.userAgent ?? 'gantry', ...init.headers },
                ...(init.body !== undefined && { body: init.body }),
                insecure,
                timeoutMs: this.opts.requestTimeoutMs,
                // Streamed and counted: an endless chunked tag list must fail at the cap, not fill memory.
                maxBytes,
                what: 'the registry response',
            })
                .catch((err) => {
                const e = err instanceof Error ? err : new Error(String(err));
                this.opts.trace?.((0,http_body/* httpTraceLine */.qc)(init.method, url, e, performance.now() - started));
                throw err;
            });
            this.opts.trace?.((0,http_body/* httpTraceLine */.qc)(init.method, url, res.status, performance.now() - started));
            return res;
        }
        finally {
            sem?.release();
        }
    }
}
/** A client configured from discovery settings (one per discover run, shared by subscriptions). */
function registryClientFor(settings) {
    return new RegistryClient({
        credentials: settings.registryCredentials,
        requestTimeoutMs: settings.requestTimeoutMs,
        concurrencyPerRegistry: settings.concurrencyPerRegistry,
        log: settings.log,
        ...(settings.trace ? { trace: settings.trace } : {}),
    });
}


/***/ }),

/***/ 2289:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _g: () => (/* binding */ registryOrigin),
/* harmony export */   aR: () => (/* binding */ repositoryName),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   fb: () => (/* binding */ parseImageRepository),
/* harmony export */   i7: () => (/* binding */ canonicalRegistry),
/* harmony export */   o_: () => (/* binding */ parseImageReference)
/* harmony export */ });
/* unused harmony exports DOCKER_HUB, DOCKER_HUB_API */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/**
 * Image repository references as subscriptions write them (`nginx`, `ghcr.io/acme/echo`,
 * `127.0.0.1:5000/demo/app`), read the way Docker reads them: a first path component with a `.` or
 * a `:`, or `localhost`, names a registry; anything else is a Docker Hub repository, where a single
 * name lives under `library/`. A subscription names a repository, so a tag or digest is an error.
 */

/** Docker Hub as references name it, and as credentials are keyed. */
const DOCKER_HUB = 'docker.io';
/** Where Docker Hub's registry API answers. */
const DOCKER_HUB_API = 'registry-1.docker.io';
const DOCKER_HUB_ALIASES = new Set([DOCKER_HUB, 'index.docker.io', DOCKER_HUB_API]);
// Repository path components, as the distribution spec defines them.
const COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const HOSTNAME = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
const IPV6 = /^\[[0-9A-Fa-f:.]+\]$/;
const TAG = /^[\w][\w.-]{0,127}$/;
function bad(repoURL, why) {
    return new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`invalid image repository ${JSON.stringify(repoURL)}: ${why}`);
}
function isRegistryHost(component) {
    return component.includes('.') || component.includes(':') || component === 'localhost';
}
function validHost(host) {
    const m = /^(.*?)(?::([0-9]{1,5}))?$/.exec(host);
    const name = m?.[1] ?? '';
    if (m?.[2] !== undefined && Number(m[2]) > 65535)
        return false;
    return HOSTNAME.test(name) || IPV6.test(name);
}
/** Loopback hosts are reached over plain HTTP (Docker's default insecure registries). */
function isLoopbackHost(host) {
    const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
    return name === 'localhost' || name === '[::1]' || /^127(?:\.[0-9]{1,3}){3}$/.test(name ?? '');
}
/** Fold the spellings of a registry host: Docker Hub's aliases become `docker.io`; lower case. */
function canonicalRegistry(host) {
    const lower = host.toLowerCase();
    return DOCKER_HUB_ALIASES.has(lower) ? DOCKER_HUB : lower;
}
/**
 * Parse a subscription's `repoURL`. Throws a ConfigError that says what is wrong, e.g. when the
 * reference carries a tag (`nginx:1.25`) or digest (`…@sha256:…`), or uses a URL scheme.
 */
function parseImageRepository(repoURL, opts = {}) {
    const ref = repoURL.trim();
    if (ref === '')
        throw bad(repoURL, 'it is empty');
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) {
        throw bad(repoURL, 'write it without a URL scheme, e.g. `ghcr.io/acme/app`');
    }
    if (ref.includes('@')) {
        throw bad(repoURL, 'it names a digest; subscribe to the repository and let discovery pick');
    }
    const slash = ref.indexOf('/');
    const first = slash >= 0 ? ref.slice(0, slash) : '';
    let registry;
    let path;
    if (slash >= 0 && isRegistryHost(first)) {
        if (!validHost(first))
            throw bad(repoURL, `${JSON.stringify(first)} is not a registry host`);
        registry = canonicalRegistry(first);
        path = ref.slice(slash + 1);
    }
    else {
        registry = DOCKER_HUB;
        path = ref;
    }
    const lastSlash = path.lastIndexOf('/');
    const colon = path.indexOf(':', lastSlash + 1);
    if (colon >= 0) {
        const tag = path.slice(colon + 1);
        throw bad(repoURL, TAG.test(tag)
            ? `it names the tag ${JSON.stringify(tag)}; write the repository alone and choose tags with a selection strategy`
            : 'a `:` after the registry host is not allowed');
    }
    if (registry === DOCKER_HUB && !path.includes('/'))
        path = `library/${path}`;
    for (const component of path.split('/')) {
        if (!COMPONENT.test(component)) {
            throw bad(repoURL, component === ''
                ? 'it has an empty path component'
                : `${JSON.stringify(component)} is not a valid repository name component (lower case letters, digits and . _ - separators)`);
        }
    }
    if (path.length > 255)
        throw bad(repoURL, 'the repository name is longer than 255 characters');
    return {
        registry,
        apiHost: registry === DOCKER_HUB ? DOCKER_HUB_API : registry,
        repository: path,
        scheme: isLoopbackHost(registry) ? 'http' : 'https',
        insecureSkipTLSVerify: opts.insecureSkipTLSVerify ?? false,
    };
}
/** `docker.io/library/nginx`, `127.0.0.1:5000/demo/app`: the full name, for messages and keys. */
function repositoryName(repo) {
    return `${repo.registry}/${repo.repository}`;
}
/** `https://ghcr.io`, `http://127.0.0.1:5000`: where the `/v2/` API of the registry lives. */
function registryOrigin(repo) {
    return `${repo.scheme}://${repo.apiHost}`;
}
const DIGEST_REF = /^sha256:[a-f0-9]{64}$|^sha512:[a-f0-9]{128}$/;
/**
 * `registry/repo:tag`, `registry/repo@sha256:…`, either with `oci://` in front. A reference with
 * both a tag and a digest is read by its digest, as Docker does. `what` names the field.
 */
function parseImageReference(ref, what, opts = {}) {
    const helm = ref.startsWith('oci://');
    const body = helm ? ref.slice('oci://'.length) : ref;
    const bad = (why) => new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`${what} ${JSON.stringify(ref)}: ${why}`);
    let rest = body;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST_REF.test(digest))
            throw bad(`${JSON.stringify(digest)} is not a digest (sha256:<64 hex>)`);
    }
    let tag;
    // A colon after the last slash starts the tag; one before it belongs to the registry's port.
    const colon = rest.indexOf(':', rest.lastIndexOf('/') + 1);
    if (colon >= 0) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG.test(tag))
            throw bad(`${JSON.stringify(tag)} is not a valid tag`);
    }
    if (tag === undefined && digest === undefined) {
        throw bad('name a tag (`repo:1.0.0`) or a digest (`repo@sha256:…`)');
    }
    let repo;
    try {
        repo = parseImageRepository(rest, opts);
    }
    catch (err) {
        throw bad(err instanceof Error ? err.message : String(err));
    }
    return { repo, ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }), helm };
}


/***/ }),

/***/ 1324:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ inGroup)
/* harmony export */ });
/** `fn` inside the fold `name` when the adapter folds, else simply `fn`. */
function inGroup(group, name, fn) {
    return group ? group(name, fn) : fn();
}


/***/ })

};
