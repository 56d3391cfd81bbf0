export const id = 4883;
export const ids = [4883];
export const modules = {

/***/ 4883:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ discover),
/* harmony export */   publicURL: () => (/* binding */ publicURL)
/* harmony export */ });
/* unused harmony export duePromotions */
/* harmony import */ var _expr_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1750);
/* harmony import */ var _freight_alias_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7044);
/* harmony import */ var _freight_id_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2370);
/* harmony import */ var _freight_order_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1447);
/* harmony import */ var _pipeline_auto_promotion_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4731);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17);
/* harmony import */ var _util_log_group_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1324);







/**
 * A repository URL as it may be recorded and shown: without `user:password@` and without a query
 * string (signed URLs carry tokens there). Freight tags are immutable; a credential in one would
 * stay in the repository's history for good.
 */
function publicURL(url) {
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url))
        return url;
    try {
        const u = new URL(url);
        if (!u.username && !u.password && !u.search)
            return url;
        u.username = '';
        u.password = '';
        u.search = '';
        return u.toString();
    }
    catch {
        return url;
    }
}
function describe(sub) {
    switch (sub.kind) {
        case 'image':
            return {
                kind: 'image',
                repoURL: publicURL(sub.image.repoURL),
                strategy: sub.image.imageSelectionStrategy,
            };
        case 'chart':
            return {
                kind: 'chart',
                repoURL: publicURL(sub.chart.repoURL),
                name: sub.chart.name,
                strategy: 'SemVer',
            };
        case 'git':
            return {
                kind: 'git',
                repoURL: publicURL(sub.git.repoURL),
                strategy: sub.git.commitSelectionStrategy,
            };
    }
}
async function runSubscription(sub, sources) {
    switch (sub.kind) {
        case 'image': {
            const found = await sources.images(sub.image);
            const top = found[0];
            const candidates = found.map((i) => i.tag || i.digest || '');
            if (!top)
                return undefined;
            if (!top.digest)
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .OperationError */ .OK(`${sub.image.repoURL}: no digest for the selected tag ${top.tag}`);
            const artifact = {
                repoURL: publicURL(sub.image.repoURL),
                tag: top.tag,
                digest: top.digest,
            };
            if (sub.image.name)
                artifact.subscriptionName = sub.image.name;
            return { kind: 'image', artifact, candidates };
        }
        case 'chart': {
            const found = await sources.charts(sub.chart);
            const top = found[0];
            if (!top)
                return undefined;
            return {
                kind: 'chart',
                artifact: {
                    repoURL: publicURL(sub.chart.repoURL),
                    name: sub.chart.name ?? '',
                    version: top.version,
                },
                candidates: found.map((c) => c.version),
            };
        }
        case 'git': {
            const found = await sources.commits(sub.git);
            const top = found[0];
            if (!top)
                return undefined;
            const artifact = { repoURL: publicURL(sub.git.repoURL), id: top.id };
            if (top.branch)
                artifact.branch = top.branch;
            if (top.tag)
                artifact.tag = top.tag;
            if (top.message)
                artifact.message = top.message;
            if (top.author)
                artifact.author = top.author;
            if (top.committer)
                artifact.committer = top.committer;
            if (sub.git.name)
                artifact.subscriptionName = sub.git.name;
            return { kind: 'git', artifact, candidates: found.map((c) => c.tag ?? c.id.slice(0, 7)) };
        }
    }
}
const versionOf = (f) => f.kind === 'image'
    ? f.artifact.tag || f.artifact.digest
    : f.kind === 'chart'
        ? f.artifact.version
        : (f.artifact.tag ?? f.artifact.id.slice(0, 7));
function artifactsOf(found) {
    const artifacts = { images: [], charts: [], commits: [] };
    for (const f of found) {
        if (f.kind === 'image')
            artifacts.images.push(f.artifact);
        else if (f.kind === 'chart')
            artifacts.charts.push(f.artifact);
        else
            artifacts.commits.push(f.artifact);
    }
    return artifacts;
}
/**
 * What discovery must know of the project's recorded freight, read without every freight tag
 * when the freight index matches the tags: the index gives every ID and alias, and only the
 * newest freight of each warehouse (what a run usually finds again, and reports as stored) and
 * those whose alias was changed are read whole. Without a usable index: every freight.
 */
async function knownFreight(store, project) {
    let entries = [];
    const picked = await store.promotionRecords(project, (all, aliasNoteIds) => {
        entries = all;
        const newest = new Map();
        for (const e of all) {
            if (!e.createdAt)
                continue;
            const cur = newest.get(e.warehouse);
            newest.set(e.warehouse, cur ? ((0,_freight_order_js__WEBPACK_IMPORTED_MODULE_4__/* .newestFreight */ .u)([light(cur), light(e)])?.id === e.freightId ? e : cur) : e);
        }
        return new Set([...aliasNoteIds, ...[...newest.values()].map((e) => e.freightId)]);
    });
    const snap = picked ?? (await store.snapshot(project));
    const known = new Map();
    const taken = new Set();
    // A tag gantry could not read has no time in the index: left out, as a full read leaves it.
    for (const e of entries) {
        if (!e.createdAt)
            continue;
        known.set(e.freightId, light(e));
        taken.add(e.alias);
    }
    for (const f of snap.freight) {
        known.set(f.id, f);
        taken.add(f.alias);
    }
    return { known, whole: new Set(snap.freight.map((f) => f.id)), taken };
}
/** A freight as the index describes it: no artifacts, no createdBy. */
function light(e) {
    return {
        id: e.freightId,
        alias: e.alias,
        origin: { kind: 'Warehouse', name: e.warehouse },
        images: [],
        charts: [],
        commits: [],
        createdAt: e.createdAt,
    };
}
/**
 * Kargo's Warehouse, run once: ask every subscription for its newest versions, make freight of
 * the newest of each, record it as a freight tag unless it exists (idempotent), and list the
 * auto-promotions now due.
 */
async function discover(o) {
    const { project, store, log } = o;
    const selected = o.warehouses?.length
        ? project.warehouses.filter((w) => o.warehouses?.includes(w.name))
        : project.warehouses;
    const unknown = (o.warehouses ?? []).filter((w) => !project.warehouses.some((x) => x.name === w));
    if (unknown.length)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(`project ${project.name} has no warehouse ${unknown.join(', ')}`);
    // The state snapshot and the subscriptions run at once; awaited together, so that a failing
    // snapshot is an error of this call, not an unhandled rejection while subscriptions still run.
    // Each source bounds its own concurrency per host.
    const [state, reports] = await Promise.all([
        knownFreight(store, project.name),
        Promise.all(selected.map(async (w) => {
            // Warehouses are queried at once; the adapter keeps each fold's lines together.
            const settled = await (0,_util_log_group_js__WEBPACK_IMPORTED_MODULE_5__/* .inGroup */ .H)(log.group, `warehouse ${w.name} of ${project.name}`, async () => {
                const all = await Promise.allSettled(w.subscriptions.map((s) => runSubscription(s, o.sources)));
                all.forEach((r, i) => {
                    if (r.status === 'rejected') {
                        const url = describe(w.subscriptions[i]).repoURL;
                        log.warn(`warehouse ${w.name}: ${url}: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(r.reason)}`);
                    }
                });
                return all;
            });
            const subs = [];
            const found = [];
            settled.forEach((r, i) => {
                const sub = w.subscriptions[i];
                if (r.status === 'fulfilled') {
                    subs.push({
                        ...describe(sub),
                        candidates: r.value?.candidates ?? [],
                        selected: r.value ? versionOf(r.value) : undefined,
                    });
                    found.push(r.value);
                }
                else {
                    subs.push({ ...describe(sub), candidates: [], error: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(r.reason) });
                    found.push(undefined);
                }
            });
            return { warehouse: w, subs, found };
        })),
    ]);
    const { known, taken } = state;
    // Freight found again that the first read did not bring whole (an older one than the newest of
    // its warehouse, found after a rollback of the registry): read, as the report shows it stored.
    const again = reports.flatMap(({ warehouse, found }) => {
        if (found.some((f) => !f))
            return [];
        const id = (0,_freight_id_js__WEBPACK_IMPORTED_MODULE_2__/* .freightId */ .L)({ kind: 'Warehouse', name: warehouse.name }, artifactsOf(found));
        return known.has(id) && !state.whole.has(id) ? [id] : [];
    });
    if (again.length) {
        const snap = (await store.promotionRecords(project.name, () => new Set(again))) ??
            (await store.snapshot(project.name));
        for (const f of snap.freight) {
            known.set(f.id, f);
            state.whole.add(f.id);
        }
    }
    const result = {
        project: project.name,
        dryRun: o.dryRun,
        warehouses: [],
        freight: [],
        promotions: [],
        skipped: [],
    };
    for (const { warehouse, subs, found } of reports) {
        const report = {
            name: warehouse.name,
            freightCreationPolicy: warehouse.freightCreationPolicy,
            subscriptions: subs,
        };
        result.warehouses.push(report);
        const missing = subs.filter((s, i) => !found[i]);
        if (missing.length) {
            report.note = `no freight: ${missing.map((s) => `${s.repoURL} ${s.error ? `failed (${s.error})` : 'offered no version that passes its filters'}`).join('; ')}`;
            continue;
        }
        const artifacts = artifactsOf(found);
        const origin = { kind: 'Warehouse', name: warehouse.name };
        const id = (0,_freight_id_js__WEBPACK_IMPORTED_MODULE_2__/* .freightId */ .L)(origin, artifacts);
        const existing = known.get(id);
        if (existing) {
            // Not read whole (its tag could not be read): the artifacts found are the ones it names.
            const stored = state.whole.has(id) ? existing : { ...existing, ...artifacts };
            report.freight = { ...stored, new: false, recorded: true };
            result.freight.push(report.freight);
            continue;
        }
        const alias = (0,_freight_alias_js__WEBPACK_IMPORTED_MODULE_1__/* .freightAlias */ .E)(id, taken);
        taken.add(alias);
        const freight = {
            id,
            alias,
            origin,
            ...artifacts,
            createdAt: o.clock().toISOString(),
            createdBy: o.createdBy,
        };
        // Kargo's freightCreationCriteria: over the versions found, as its controller evaluates it.
        const unmet = criteriaUnmet(warehouse, freight);
        if (unmet) {
            report.freight = { ...freight, new: true, recorded: false };
            report.note = unmet;
            result.freight.push(report.freight);
            log.info(`warehouse ${warehouse.name}: ${unmet}`);
            continue;
        }
        if (warehouse.freightCreationPolicy === 'Manual') {
            report.freight = { ...freight, new: true, recorded: false };
            report.note = 'freightCreationPolicy is Manual: found, not recorded';
            result.freight.push(report.freight);
            continue;
        }
        if (o.dryRun) {
            report.freight = { ...freight, new: true, recorded: false };
            report.note = 'dry run: not recorded';
            result.freight.push(report.freight);
            // Counted for the promotions it would make due (reported as such), though not written.
            known.set(id, freight);
            continue;
        }
        const { created } = await store.recordFreight(project.name, freight);
        let stored = freight;
        if (created) {
            log.info(`recorded freight ${alias} (${id.slice(0, 7)}) from warehouse ${warehouse.name}`);
        }
        else {
            // Another run recorded the same freight first: report what is stored (its alias and time).
            stored = (await store.snapshot(project.name)).freight.find((f) => f.id === id) ?? freight;
        }
        report.freight = { ...stored, new: created, recorded: true };
        result.freight.push(report.freight);
        known.set(id, stored);
    }
    const { promotions, skipped } = await duePromotions(project, [...known.values()], store, selected.map((w) => w.name));
    result.promotions = promotions;
    result.skipped = skipped;
    return result;
}
/**
 * Kargo's auto-promotion candidates for stages that take freight straight from a warehouse: the
 * newest freight of that warehouse (by creation time, ties by ID descending), when the
 * auto-promotion rule (pipeline/auto-promotion.ts) says it is due.
 */
async function duePromotions(project, freight, store, warehouses) {
    const stages = project.stages.filter((s) => s.requestedFreight.some((r) => r.sources.direct && warehouses.includes(r.origin.name)));
    const auto = stages.filter((s) => s.autoPromotion);
    if (!auto.length)
        return { promotions: [], skipped: [] };
    const states = await store.stageStates(project.name, auto);
    const promotions = [];
    const skipped = [];
    for (const stage of auto) {
        const state = states.get(stage.name);
        for (const req of stage.requestedFreight.filter((r) => r.sources.direct && warehouses.includes(r.origin.name))) {
            const candidate = (0,_freight_order_js__WEBPACK_IMPORTED_MODULE_4__/* .newestFreight */ .u)(freight.filter((f) => f.origin.name === req.origin.name));
            const decision = (0,_pipeline_auto_promotion_js__WEBPACK_IMPORTED_MODULE_6__/* .autoPromotionDecision */ .V4)({
                autoPromotion: stage.autoPromotion,
                state,
                origin: req.origin.name,
                candidate,
            });
            if (decision.due && candidate) {
                promotions.push({
                    project: project.name,
                    stage: stage.name,
                    freight: candidate.id,
                    alias: candidate.alias,
                });
            }
            else if (!decision.due && decision.why === 'held') {
                // Said once per stage, however many warehouses it takes freight from.
                if (!skipped.some((s) => s.stage === stage.name))
                    skipped.push({ stage: stage.name, reason: decision.reason });
            }
        }
    }
    return { promotions, skipped };
}
/** Why freightCreationCriteria keeps `freight` from being recorded, or undefined when it does not. */
function criteriaUnmet(warehouse, freight) {
    const expression = warehouse.freightCreationCriteria;
    if (!expression)
        return undefined;
    try {
        if ((0,_expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .evaluateBool */ .cG)(expression, {}, { functions: (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .freightFunctions */ .L$)([freight]) }))
            return undefined;
        return `freightCreationCriteria not met (${expression}): found, not recorded`;
    }
    catch (err) {
        return `freightCreationCriteria could not be evaluated (${expression}): ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(err)}; found, not recorded`;
    }
}


/***/ }),

/***/ 7044:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E: () => (/* binding */ freightAlias)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/freight/words.ts
/**
 * Words for freight aliases (`lucky-jaguar`): short, friendly, lowercase a–z, no duplicates.
 * An alias is stored in its freight document once assigned, so editing these lists only changes
 * the aliases of freight recorded afterwards.
 */
function words(text) {
    return Object.freeze(text.trim().split(/\s+/));
}
/** 343 adjectives. */
const ADJECTIVES = words(`
  able active adept agile airy alert amber amiable ample amused apt arctic ardent artful
  astute azure balmy basic blazing blissful blithe bold bonny bouncy brainy brave breezy
  bright brisk bronze bubbly buoyant busy calm candid caring charming cheerful cheery chic
  chill chirpy civil classy clean clear clever cobalt colorful comfy cool coral cosmic cozy
  crafty crimson crisp cuddly curious curly cute dainty dandy dapper daring dashing dazzled
  dazzling decent deft devoted dewy diligent dreamy dulcet dynamic eager early earnest earthy
  easy elated electric elegant emerald enchanted endless epic evergreen exotic fabled fair
  famous fancy fast fearless festive fiery fine firm fit fleet floral flowing fluent fluffy
  flying fond frank free fresh friendly frosty funny fuzzy gallant genial gentle giant gifted
  gilded glad gleaming glossy glowing golden good graceful gracious grand great green gusty
  hallowed handy happy hardy harmonious hazy hearty helpful heroic honest honeyed hopeful
  humble icy ideal indigo inventive ivory jade jaunty jazzy jolly jovial joyful jubilant just
  keen kind kindly kinetic laughing lavish leafy legendary lilac limber lively lofty loving
  loyal lucid lucky lunar lush lyrical magic majestic mellow merry mighty mild mindful minty
  misty modest mossy musical mystic natural nautical neat neon nifty nimble noble novel oaken
  optimal orange patient peaceful pearly pensive peppy perky placid playful plentiful plucky
  plush poised polished polite posh precise prime pristine proper proud prudent punctual pure
  purple quaint quick quiet quirky radiant rapid rare ready regal relaxed resolute rich rising
  robust rosy roving royal ruby rugged rustic sage sandy sapphire satin savvy scarlet scenic
  secret serene sharp shining shiny silent silky silver simple sincere skillful sleek sleepy
  smart smooth snappy snowy snug soaring sociable social solar solid sonic sparkly speedy
  spiffy spirited splendid sporty spry stable starry stately steady stellar stoic sturdy
  sublime sugary sunlit sunny super supple sweet swift tawny tender thankful thoughtful
  thrifty tidal tidy timely tiny topaz tranquil tropical true trusty tuneful twinkly unique
  upbeat upright urban useful valiant vast velvet verdant vibrant vital vivid wandering warm
  whimsical wholesome windy wiry wise witty wondrous wooden woolly young zany zealous zesty
  zippy
`);
/** 346 animals. */
const ANIMALS = words(`
  aardvark albatross alligator alpaca anchovy angelfish ant anteater antelope armadillo avocet
  axolotl baboon badger barracuda bat beagle bear beaver bee beetle beluga bison bittern
  blackbird bluebird bobcat bongo bonobo budgie buffalo bullfinch bumblebee bunny burbot
  butterfly buzzard camel canary capybara caracal cardinal caribou cassowary cat catfish
  chameleon cheetah chickadee chicken chinchilla chipmunk cicada clam coati cockatoo cod
  condor cormorant cougar cow coyote crab crane crayfish cricket crow cuckoo curlew dachshund
  deer dingo dodo dolphin donkey dormouse dove dragonfly duck dugong dunlin eagle eel egret
  eider eland elk emu ermine falcon fennec ferret finch firefly flamingo flounder foal fox
  frog fulmar gadwall galago gannet gazelle gecko gerbil gharial gibbon giraffe gnu goat goby
  godwit goldfish goose gopher gorilla gosling grasshopper grebe greyhound grouse guanaco
  guineafowl gull guppy haddock halibut hamster hare hawk hedgehog heron herring hippo hoopoe
  horse hummingbird husky hyrax ibex ibis iguana impala jacana jackal jackdaw jaguar jay
  jellyfish jerboa kakapo kangaroo katydid kea kestrel kingfisher kinkajou kittiwake kiwi
  koala koi krill kudu ladybug lamb lark lemming lemur leopard limpet linnet lion llama
  lobster loon lorikeet lovebird lynx macaw mackerel magpie mallard manakin manatee mandrill
  mantis margay marlin marmot meerkat merlin mink minnow mockingbird mole mongoose moorhen
  moose moth mouse mule muskox narwhal nene newt nightingale numbat nuthatch ocelot octopus
  okapi opossum orangutan orca oriole oryx osprey ostrich otter owl ox oyster panda pangolin
  panther parakeet parrot partridge peacock peafowl pelican penguin perch petrel pheasant
  pigeon piglet pika pipit platypus plover pony poodle porcupine porpoise potoo prawn
  ptarmigan pufferfish puffin puma quail quetzal quokka quoll rabbit raccoon raven redstart
  reindeer rhea rhino roadrunner robin rook sable salamander salmon sandpiper saola sardine
  scallop seahorse seal sealion serval shearwater sheep shelduck shrimp siskin skylark sloth
  smelt snail snipe sole sparrow springbok squid squirrel starfish stingray stoat stork
  sturgeon sunbird swallow swan tadpole takin tamarin tapir tarsier teal tern terrier thrush
  tiger titmouse tortoise toucan treefrog trout tuna turaco turkey turtle urchin vicuna vireo
  vole wagtail wallaby walleye walrus wapiti warbler waxwing weasel weaver whale whimbrel
  whippet wigeon wildcat wolf wombat woodcock woodpecker wren yak yellowhammer zebra zebu
`);

;// CONCATENATED MODULE: ./src/freight/alias.ts
/**
 * Human names for freight, such as `lucky-jaguar`: an adjective and an animal chosen by hash bits
 * of the freight ID, so every run that discovers the same freight proposes the same alias.
 */


/** Attempts at an adjective-animal pair before falling back to a hex suffix. */
const MAX_PAIR_ATTEMPTS = 64;
function candidate(id, attempt) {
    const h = (0,external_node_crypto_.createHash)('sha256')
        .update(attempt === 0 ? id : `${id}#${attempt}`, 'utf8')
        .digest();
    const adjective = ADJECTIVES[h.readUInt32BE(0) % ADJECTIVES.length];
    const animal = ANIMALS[h.readUInt32BE(4) % ANIMALS.length];
    return `${adjective}-${animal}`;
}
/**
 * The alias for a freight ID that is not in `taken`. Deterministic: the first candidate comes from
 * the ID's hash; while it is taken, the next comes from hashing `id#1`, `id#2`, …; after
 * {@link MAX_PAIR_ATTEMPTS} taken pairs the first pair gets a hex suffix from the ID
 * (`lucky-jaguar-3f9a2c`), lengthened until free.
 */
function freightAlias(id, taken) {
    for (let attempt = 0; attempt < MAX_PAIR_ATTEMPTS; attempt++) {
        const alias = candidate(id, attempt);
        if (!taken.has(alias))
            return alias;
    }
    const base = candidate(id, 0);
    const hex = /^[0-9a-f]+$/.test(id) ? id : (0,external_node_crypto_.createHash)('sha1').update(id, 'utf8').digest('hex');
    for (let n = Math.min(6, hex.length); n <= hex.length; n++) {
        const alias = `${base}-${hex.slice(0, n)}`;
        if (!taken.has(alias))
            return alias;
    }
    for (let k = 2;; k++) {
        const alias = `${base}-${hex}-${k}`;
        if (!taken.has(alias))
            return alias;
    }
}


/***/ }),

/***/ 2370:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ freightId)
/* harmony export */ });
/* unused harmony export freightIdParts */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _urls_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6066);
/**
 * The freight ID: Kargo's recipe (`pkg/api/freight.go: GenerateFreightID`), so the same artifacts
 * from the same warehouse get the same 40-hex ID in Kargo and in gantry.
 *
 *   commit: normalizeGit(repoURL) + (":" + tag)? + ":" + id + (":" + subscriptionName)?
 *   image:  repoURL + ":" + tag + "@" + digest + (":" + subscriptionName)?   (repoURL as given)
 *   chart:  goPathJoin(normalizeChart(repoURL), name) + ":" + version + (":" + subscriptionName)?
 *   id = hex(SHA-1("Warehouse/" + origin.name + ":" + sortedBytewise(parts).join("|")))
 */


/** Go's `path.Clean`: collapse slashes, resolve `.` and `..`, drop a trailing slash. */
function goCleanPath(p) {
    const rooted = p.startsWith('/');
    const out = [];
    for (const seg of p.split('/')) {
        if (seg === '' || seg === '.')
            continue;
        if (seg === '..') {
            if (out.length > 0 && out[out.length - 1] !== '..')
                out.pop();
            else if (!rooted)
                out.push('..');
            continue;
        }
        out.push(seg);
    }
    const joined = (rooted ? '/' : '') + out.join('/');
    return joined === '' ? '.' : joined;
}
/** Go's `path.Join`: empty elements are ignored, the result is cleaned, all-empty gives "". */
function goPathJoin(...elems) {
    const parts = elems.filter((e) => e !== '');
    return parts.length === 0 ? '' : goCleanPath(parts.join('/'));
}
function withSubscription(part, subscriptionName) {
    return subscriptionName ? `${part}:${subscriptionName}` : part;
}
/** The strings that are hashed, one per artifact, sorted byte-wise (exported for diagnostics). */
function freightIdParts(artifacts) {
    const parts = [];
    for (const c of artifacts.commits) {
        const base = c.tag
            ? `${(0,_urls_index_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizeGitURL */ .Pn)(c.repoURL)}:${c.tag}:${c.id}`
            : `${(0,_urls_index_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizeGitURL */ .Pn)(c.repoURL)}:${c.id}`;
        parts.push(withSubscription(base, c.subscriptionName));
    }
    for (const i of artifacts.images) {
        parts.push(withSubscription(`${i.repoURL}:${i.tag}@${i.digest}`, i.subscriptionName));
    }
    for (const ch of artifacts.charts) {
        parts.push(withSubscription(`${goPathJoin((0,_urls_index_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizeChartURL */ .D$)(ch.repoURL), ch.name)}:${ch.version}`, ch.subscriptionName));
    }
    // Go sorts strings by bytes (UTF-8), which JS's default UTF-16 order does not always match.
    return parts.sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
}
/** 40 lowercase hex characters identifying the artifacts from this origin. */
function freightId(origin, artifacts) {
    const text = `${origin.kind}/${origin.name}:${freightIdParts(artifacts).join('|')}`;
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha1').update(text, 'utf8').digest('hex');
}


/***/ }),

/***/ 4731:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $f: () => (/* binding */ escapeRegex),
/* harmony export */   SD: () => (/* binding */ selectorNameProblem),
/* harmony export */   V4: () => (/* binding */ autoPromotionDecision),
/* harmony export */   mK: () => (/* binding */ matchingPolicy)
/* harmony export */ });
/* unused harmony exports nameMatches, policyMatches, autoPromotionEnabled, holdReason */
/* harmony import */ var _util_regex_core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8887);
/**
 * The auto-promotion rule, in one place: which stages auto-promote (a project file's
 * `autoPromotion`, or Kargo's ProjectConfig `promotionPolicies` and a Stage's
 * `autoPromotionOptions`), and whether a stage may now auto-promote a given freight. Discovery
 * (freight straight from a warehouse) and verification (freight verified upstream) both ask
 * `autoPromotionDecision`; the Kargo reader asks `matchingPolicy`. Which freight a stage with Kargo's
 * `selectionPolicy: MatchUpstream` takes is chosen by verify (`downstreamOf`), the only path
 * where such a stage gets freight.
 *
 * It lives beside the pipeline model rather than in promotion/: the Kargo reader, a pipeline
 * module, decides with it when it reads the manifests, and pipeline/ importing promotion/ would
 * make the folders a cycle.
 */

function escapeRegex(s) {
    return s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
/**
 * `glob:` selectors, as Kargo's doublestar globs read a name without `/`: `*` any run of
 * characters, `?` one, `[…]` a class (`[!…]` or `[^…]` negated), `{a,b}` alternatives.
 */
function globRegex(glob) {
    let out = '';
    let depth = 0;
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '\\' && i + 1 < glob.length)
            out += escapeRegex(glob[++i]);
        else if (c === '*')
            out += '.*';
        else if (c === '?')
            out += '.';
        else if (c === '[') {
            const end = glob.indexOf(']', i + 2);
            if (end < 0) {
                out += '\\[';
                continue;
            }
            const body = glob.slice(i + 1, end).replace(/^[!^]/, '^');
            out += `[${body.replace(/\\/g, '\\\\')}]`;
            i = end;
        }
        else if (c === '{') {
            depth++;
            out += '(?:';
        }
        else if (c === '}' && depth > 0) {
            depth--;
            out += ')';
        }
        else if (c === ',' && depth > 0)
            out += '|';
        else
            out += escapeRegex(c);
    }
    return new RegExp(`^${out}$`);
}
const REGEX_PREFIX = /^regexp?:/;
/**
 * Why a selector name cannot be matched (a `regex:` that does not compile, as Go's regexp says
 * it), or undefined when it can.
 */
function selectorNameProblem(pattern) {
    const regex = REGEX_PREFIX.exec(pattern);
    if (!regex)
        return undefined;
    try {
        (0,_util_regex_core_js__WEBPACK_IMPORTED_MODULE_0__/* .compileRegex */ .DL)(pattern.slice(regex[0].length));
        return undefined;
    }
    catch (err) {
        return err instanceof Error ? err.message : String(err);
    }
}
/** A selector name against a stage name: exact, `glob:`, or an unanchored `regex:`/`regexp:`. */
function nameMatches(pattern, name) {
    const regex = REGEX_PREFIX.exec(pattern);
    if (regex) {
        try {
            return (0,_util_regex_core_js__WEBPACK_IMPORTED_MODULE_0__/* .compileRegex */ .DL)(pattern.slice(regex[0].length)).test(name);
        }
        catch {
            return false; // selectorNameProblem reports it where the policy is written
        }
    }
    if (pattern.startsWith('glob:')) {
        try {
            return globRegex(pattern.slice('glob:'.length)).test(name);
        }
        catch {
            return false;
        }
    }
    return pattern === name;
}
/** A Kubernetes label selector (matchLabels and matchExpressions, ANDed) over a Stage's labels. */
function labelsMatch(selector, labels) {
    const want = selector.matchLabels ?? {};
    if (Object.entries(want).some(([k, v]) => labels[k] !== v))
        return false;
    return (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
        const has = Object.prototype.hasOwnProperty.call(labels, key);
        switch (operator) {
            case 'In':
                return has && values.includes(labels[key]);
            case 'NotIn':
                return !has || !values.includes(labels[key]);
            case 'Exists':
                return has;
            default:
                return !has;
        }
    });
}
/**
 * Whether a promotion policy names a stage, as Kargo decides it: by `stageSelector` when it has
 * one (its name, exact or `glob:`/`regex:`/`regexp:`, and its label selector, both when both are
 * set), else by `stage`.
 */
function policyMatches(policy, stage) {
    const selector = policy.stageSelector;
    if (!selector)
        return policy.stage === stage.name;
    const { name } = selector;
    if (name !== undefined && name !== '' && !nameMatches(name, stage.name))
        return false;
    return labelsMatch(selector, stage.labels ?? {});
}
/** The index of the policy that governs a stage (Kargo takes the first that matches), or -1. */
function matchingPolicy(policies, stage) {
    return policies.findIndex((p) => policyMatches(p, stage));
}
/**
 * Whether a stage auto-promotes under Kargo's policies: the first matching policy's
 * `autoPromotionEnabled`; a stage no policy names, or whose policy leaves it unset, does not
 * (Kargo's default).
 */
function autoPromotionEnabled(policies, stage) {
    return policies[matchingPolicy(policies, stage)]?.autoPromotionEnabled === true;
}
/** The hold message discover and verify both print. */
function holdReason(hold) {
    return `held since ${hold.since} by ${hold.by}: ${hold.reason}`;
}
/**
 * Kargo's auto-promotion rule: a stage auto-promotes the newest freight available to it, unless
 * it already runs that freight, auto-promotion is off for it, or it is held after a manual
 * rollback. The checks run in that order, so that a stage up to date says so rather than
 * "held".
 */
function autoPromotionDecision(q) {
    if (!q.candidate)
        return { due: false, why: 'none', reason: 'no freight available' };
    const current = q.state?.freight.find((f) => f.origin.name === q.origin);
    if (current?.id === q.candidate.id) {
        return { due: false, why: 'current', reason: `already runs ${q.candidate.alias}` };
    }
    if (!q.autoPromotion) {
        return { due: false, why: 'off', reason: 'auto-promotion is off: promote it by hand' };
    }
    const hold = q.state?.autoPromotionHold;
    if (hold)
        return { due: false, why: 'held', reason: holdReason(hold) };
    return { due: true };
}


/***/ })

};
