import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  newestFreight
} from "./VO6IMAWJ.js";
import {
  inGroup
} from "./K45NAUQ5.js";
import {
  autoPromotionDecision
} from "./JPLNYXYI.js";
import {
  evaluateBool,
  freightFunctions
} from "./TFABZY5Z.js";
import {
  normalizeChartURL,
  normalizeGitURL
} from "./KKJNXGQK.js";
import {
  ConfigError,
  OperationError,
  errorMessage
} from "./HQMHHTDW.js";

// src/freight/alias.ts
import { createHash } from "node:crypto";

// src/freight/words.ts
function words(text) {
  return Object.freeze(text.trim().split(/\s+/));
}
var ADJECTIVES = words(`
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
var ANIMALS = words(`
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

// src/freight/alias.ts
var MAX_PAIR_ATTEMPTS = 64;
function candidate(id, attempt) {
  const h = createHash("sha256").update(attempt === 0 ? id : `${id}#${attempt}`, "utf8").digest();
  const adjective = ADJECTIVES[h.readUInt32BE(0) % ADJECTIVES.length];
  const animal = ANIMALS[h.readUInt32BE(4) % ANIMALS.length];
  return `${adjective}-${animal}`;
}
function freightAlias(id, taken) {
  for (let attempt = 0; attempt < MAX_PAIR_ATTEMPTS; attempt++) {
    const alias = candidate(id, attempt);
    if (!taken.has(alias)) return alias;
  }
  const base = candidate(id, 0);
  const hex = /^[0-9a-f]+$/.test(id) ? id : createHash("sha1").update(id, "utf8").digest("hex");
  for (let n = Math.min(6, hex.length); n <= hex.length; n++) {
    const alias = `${base}-${hex.slice(0, n)}`;
    if (!taken.has(alias)) return alias;
  }
  for (let k = 2; ; k++) {
    const alias = `${base}-${hex}-${k}`;
    if (!taken.has(alias)) return alias;
  }
}

// src/freight/id.ts
import { createHash as createHash2 } from "node:crypto";
function goCleanPath(p) {
  const rooted = p.startsWith("/");
  const out = [];
  for (const seg of p.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
      continue;
    }
    out.push(seg);
  }
  const joined = (rooted ? "/" : "") + out.join("/");
  return joined === "" ? "." : joined;
}
function goPathJoin(...elems) {
  const parts = elems.filter((e) => e !== "");
  return parts.length === 0 ? "" : goCleanPath(parts.join("/"));
}
function withSubscription(part, subscriptionName) {
  return subscriptionName ? `${part}:${subscriptionName}` : part;
}
function freightIdParts(artifacts) {
  const parts = [];
  for (const c of artifacts.commits) {
    const base = c.tag ? `${normalizeGitURL(c.repoURL)}:${c.tag}:${c.id}` : `${normalizeGitURL(c.repoURL)}:${c.id}`;
    parts.push(withSubscription(base, c.subscriptionName));
  }
  for (const i of artifacts.images) {
    parts.push(withSubscription(`${i.repoURL}:${i.tag}@${i.digest}`, i.subscriptionName));
  }
  for (const ch of artifacts.charts) {
    parts.push(
      withSubscription(
        `${goPathJoin(normalizeChartURL(ch.repoURL), ch.name)}:${ch.version}`,
        ch.subscriptionName
      )
    );
  }
  return parts.sort((a, b) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8")));
}
function freightId(origin, artifacts) {
  const text = `${origin.kind}/${origin.name}:${freightIdParts(artifacts).join("|")}`;
  return createHash2("sha1").update(text, "utf8").digest("hex");
}

// src/discovery/discover.ts
function publicURL(url) {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url;
  try {
    const u = new URL(url);
    if (!u.username && !u.password && !u.search) return url;
    u.username = "";
    u.password = "";
    u.search = "";
    return u.toString();
  } catch {
    return url;
  }
}
function describe(sub) {
  switch (sub.kind) {
    case "image":
      return {
        kind: "image",
        repoURL: publicURL(sub.image.repoURL),
        strategy: sub.image.imageSelectionStrategy
      };
    case "chart":
      return {
        kind: "chart",
        repoURL: publicURL(sub.chart.repoURL),
        name: sub.chart.name,
        strategy: "SemVer"
      };
    case "git":
      return {
        kind: "git",
        repoURL: publicURL(sub.git.repoURL),
        strategy: sub.git.commitSelectionStrategy
      };
  }
}
async function runSubscription(sub, sources) {
  switch (sub.kind) {
    case "image": {
      const found = await sources.images(sub.image);
      const top = found[0];
      const candidates = found.map((i) => i.tag || i.digest || "");
      if (!top) return void 0;
      if (!top.digest)
        throw new OperationError(`${sub.image.repoURL}: no digest for the selected tag ${top.tag}`);
      const artifact = {
        repoURL: publicURL(sub.image.repoURL),
        tag: top.tag,
        digest: top.digest
      };
      if (sub.image.name) artifact.subscriptionName = sub.image.name;
      return { kind: "image", artifact, candidates };
    }
    case "chart": {
      const found = await sources.charts(sub.chart);
      const top = found[0];
      if (!top) return void 0;
      return {
        kind: "chart",
        artifact: {
          repoURL: publicURL(sub.chart.repoURL),
          name: sub.chart.name ?? "",
          version: top.version
        },
        candidates: found.map((c) => c.version)
      };
    }
    case "git": {
      const found = await sources.commits(sub.git);
      const top = found[0];
      if (!top) return void 0;
      const artifact = { repoURL: publicURL(sub.git.repoURL), id: top.id };
      if (top.branch) artifact.branch = top.branch;
      if (top.tag) artifact.tag = top.tag;
      if (top.message) artifact.message = top.message;
      if (top.author) artifact.author = top.author;
      if (top.committer) artifact.committer = top.committer;
      if (sub.git.name) artifact.subscriptionName = sub.git.name;
      return { kind: "git", artifact, candidates: found.map((c) => c.tag ?? c.id.slice(0, 7)) };
    }
  }
}
var versionOf = (f) => f.kind === "image" ? f.artifact.tag || f.artifact.digest : f.kind === "chart" ? f.artifact.version : f.artifact.tag ?? f.artifact.id.slice(0, 7);
function artifactsOf(found) {
  const artifacts = { images: [], charts: [], commits: [] };
  for (const f of found) {
    if (f.kind === "image") artifacts.images.push(f.artifact);
    else if (f.kind === "chart") artifacts.charts.push(f.artifact);
    else artifacts.commits.push(f.artifact);
  }
  return artifacts;
}
async function knownFreight(store, project) {
  let entries = [];
  const picked = await store.promotionRecords(project, (all, aliasNoteIds) => {
    entries = all;
    const newest = /* @__PURE__ */ new Map();
    for (const e of all) {
      if (!e.createdAt) continue;
      const cur = newest.get(e.warehouse);
      newest.set(
        e.warehouse,
        cur ? newestFreight([light(cur), light(e)])?.id === e.freightId ? e : cur : e
      );
    }
    return /* @__PURE__ */ new Set([...aliasNoteIds, ...[...newest.values()].map((e) => e.freightId)]);
  });
  const snap = picked ?? await store.snapshot(project);
  const known = /* @__PURE__ */ new Map();
  const taken = /* @__PURE__ */ new Set();
  for (const e of entries) {
    if (!e.createdAt) continue;
    known.set(e.freightId, light(e));
    taken.add(e.alias);
  }
  for (const f of snap.freight) {
    known.set(f.id, f);
    taken.add(f.alias);
  }
  return { known, whole: new Set(snap.freight.map((f) => f.id)), taken };
}
function light(e) {
  return {
    id: e.freightId,
    alias: e.alias,
    origin: { kind: "Warehouse", name: e.warehouse },
    images: [],
    charts: [],
    commits: [],
    createdAt: e.createdAt
  };
}
async function discover(o) {
  const { project, store, log } = o;
  const selected = o.warehouses?.length ? project.warehouses.filter((w) => o.warehouses?.includes(w.name)) : project.warehouses;
  const unknown = (o.warehouses ?? []).filter((w) => !project.warehouses.some((x) => x.name === w));
  if (unknown.length)
    throw new ConfigError(`project ${project.name} has no warehouse ${unknown.join(", ")}`);
  const [state, reports] = await Promise.all([
    knownFreight(store, project.name),
    Promise.all(
      selected.map(
        async (w) => {
          const settled = await inGroup(
            log.group,
            `warehouse ${w.name} of ${project.name}`,
            async () => {
              const all = await Promise.allSettled(
                w.subscriptions.map((s) => runSubscription(s, o.sources))
              );
              all.forEach((r, i) => {
                if (r.status === "rejected") {
                  const url = describe(w.subscriptions[i]).repoURL;
                  log.warn(`warehouse ${w.name}: ${url}: ${errorMessage(r.reason)}`);
                }
              });
              return all;
            }
          );
          const subs = [];
          const found = [];
          settled.forEach((r, i) => {
            const sub = w.subscriptions[i];
            if (r.status === "fulfilled") {
              subs.push({
                ...describe(sub),
                candidates: r.value?.candidates ?? [],
                selected: r.value ? versionOf(r.value) : void 0
              });
              found.push(r.value);
            } else {
              subs.push({ ...describe(sub), candidates: [], error: errorMessage(r.reason) });
              found.push(void 0);
            }
          });
          return { warehouse: w, subs, found };
        }
      )
    )
  ]);
  const { known, taken } = state;
  const again = reports.flatMap(({ warehouse, found }) => {
    if (found.some((f) => !f)) return [];
    const id = freightId(
      { kind: "Warehouse", name: warehouse.name },
      artifactsOf(found)
    );
    return known.has(id) && !state.whole.has(id) ? [id] : [];
  });
  if (again.length) {
    const snap = await store.promotionRecords(project.name, () => new Set(again)) ?? await store.snapshot(project.name);
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
    skipped: []
  };
  for (const { warehouse, subs, found } of reports) {
    const report = {
      name: warehouse.name,
      freightCreationPolicy: warehouse.freightCreationPolicy,
      subscriptions: subs
    };
    result.warehouses.push(report);
    const missing = subs.filter((s, i) => !found[i]);
    if (missing.length) {
      report.note = `no freight: ${missing.map((s) => `${s.repoURL} ${s.error ? `failed (${s.error})` : "offered no version that passes its filters"}`).join("; ")}`;
      continue;
    }
    const artifacts = artifactsOf(found);
    const origin = { kind: "Warehouse", name: warehouse.name };
    const id = freightId(origin, artifacts);
    const existing = known.get(id);
    if (existing) {
      const stored2 = state.whole.has(id) ? existing : { ...existing, ...artifacts };
      report.freight = { ...stored2, new: false, recorded: true };
      result.freight.push(report.freight);
      continue;
    }
    const alias = freightAlias(id, taken);
    taken.add(alias);
    const freight = {
      id,
      alias,
      origin,
      ...artifacts,
      createdAt: o.clock().toISOString(),
      createdBy: o.createdBy
    };
    const unmet = criteriaUnmet(warehouse, freight);
    if (unmet) {
      report.freight = { ...freight, new: true, recorded: false };
      report.note = unmet;
      result.freight.push(report.freight);
      log.info(`warehouse ${warehouse.name}: ${unmet}`);
      continue;
    }
    if (warehouse.freightCreationPolicy === "Manual") {
      report.freight = { ...freight, new: true, recorded: false };
      report.note = "freightCreationPolicy is Manual: found, not recorded";
      result.freight.push(report.freight);
      continue;
    }
    if (o.dryRun) {
      report.freight = { ...freight, new: true, recorded: false };
      report.note = "dry run: not recorded";
      result.freight.push(report.freight);
      known.set(id, freight);
      continue;
    }
    const { created } = await store.recordFreight(project.name, freight);
    let stored = freight;
    if (created) {
      log.info(`recorded freight ${alias} (${id.slice(0, 7)}) from warehouse ${warehouse.name}`);
    } else {
      stored = (await store.snapshot(project.name)).freight.find((f) => f.id === id) ?? freight;
    }
    report.freight = { ...stored, new: created, recorded: true };
    result.freight.push(report.freight);
    known.set(id, stored);
  }
  const { promotions, skipped } = await duePromotions(
    project,
    [...known.values()],
    store,
    selected.map((w) => w.name)
  );
  result.promotions = promotions;
  result.skipped = skipped;
  return result;
}
async function duePromotions(project, freight, store, warehouses) {
  const stages = project.stages.filter(
    (s) => s.requestedFreight.some((r) => r.sources.direct && warehouses.includes(r.origin.name))
  );
  const auto = stages.filter((s) => s.autoPromotion);
  if (!auto.length) return { promotions: [], skipped: [] };
  const states = await store.stageStates(project.name, auto);
  const promotions = [];
  const skipped = [];
  for (const stage of auto) {
    const state = states.get(stage.name);
    for (const req of stage.requestedFreight.filter(
      (r) => r.sources.direct && warehouses.includes(r.origin.name)
    )) {
      const candidate2 = newestFreight(freight.filter((f) => f.origin.name === req.origin.name));
      const decision = autoPromotionDecision({
        autoPromotion: stage.autoPromotion,
        state,
        origin: req.origin.name,
        candidate: candidate2
      });
      if (decision.due && candidate2) {
        promotions.push({
          project: project.name,
          stage: stage.name,
          freight: candidate2.id,
          alias: candidate2.alias
        });
      } else if (!decision.due && decision.why === "held") {
        if (!skipped.some((s) => s.stage === stage.name))
          skipped.push({ stage: stage.name, reason: decision.reason });
      }
    }
  }
  return { promotions, skipped };
}
function criteriaUnmet(warehouse, freight) {
  const expression = warehouse.freightCreationCriteria;
  if (!expression) return void 0;
  try {
    if (evaluateBool(expression, {}, { functions: freightFunctions([freight]) })) return void 0;
    return `freightCreationCriteria not met (${expression}): found, not recorded`;
  } catch (err) {
    return `freightCreationCriteria could not be evaluated (${expression}): ${errorMessage(err)}; found, not recorded`;
  }
}

export {
  freightAlias,
  freightId,
  publicURL,
  discover,
  duePromotions
};
