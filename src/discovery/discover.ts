import { evaluateBool, freightFunctions } from '../expr/index.js';
import { freightAlias } from '../freight/alias.js';
import { freightId } from '../freight/id.js';
import { newestFreight } from '../freight/order.js';
import type {
  Freight,
  FreightArtifacts,
  FreightChart,
  FreightCommit,
  FreightImage,
} from '../freight/types.js';
import { autoPromotionDecision } from '../pipeline/auto-promotion.js';
import type {
  ChartSubscription,
  GitSubscription,
  ImageSubscription,
  Project,
  Subscription,
  Warehouse,
} from '../pipeline/index.js';
import type { IndexEntry } from '../state/freight-index.js';
import type { ProjectSnapshot, StageState, StateStore } from '../state/index.js';
import { ConfigError, errorMessage, OperationError } from '../util/errors.js';
import { inGroup } from '../util/log-group.js';
import type { DiscoveredChart, DiscoveredCommit, DiscoveredImage, DiscoveryLog } from './types.js';

/** Where discovery looks; the adapter wires the registry client, Helm and git sources in. */
export interface DiscoverySources {
  images(sub: ImageSubscription): Promise<DiscoveredImage[]>;
  charts(sub: ChartSubscription): Promise<DiscoveredChart[]>;
  commits(sub: GitSubscription): Promise<DiscoveredCommit[]>;
}

export interface DiscoverOptions {
  project: Project;
  /** Only these warehouses; default: all of the project's. */
  warehouses?: string[];
  store: StateStore;
  sources: DiscoverySources;
  dryRun: boolean;
  clock: () => Date;
  /** Recorded in the freight as createdBy: a workflow run URL, or who ran the CLI. */
  createdBy: string;
  log: DiscoveryLog;
}

export interface SubscriptionReport {
  kind: Subscription['kind'];
  repoURL: string;
  /** Chart name for HTTP Helm repositories. */
  name?: string;
  strategy: string;
  /** What the subscription offers, newest first (at most discoveryLimit). */
  candidates: string[];
  /** The version that goes into the freight. */
  selected?: string;
  error?: string;
}

/**
 * `new`: not seen before this run. `recorded`: its freight tag exists now (false in a dry run and
 * under freightCreationPolicy Manual, where the freight is only reported).
 */
export type DiscoveredFreight = Freight & { new: boolean; recorded: boolean };

export interface WarehouseReport {
  name: string;
  freightCreationPolicy: Warehouse['freightCreationPolicy'];
  subscriptions: SubscriptionReport[];
  /** The freight the newest versions make; absent when a subscription found nothing. */
  freight?: DiscoveredFreight;
  /** Why no freight was recorded (a failed subscription, Manual policy, dry run), if so. */
  note?: string;
}

/** A promotion now due: the input of one promote workflow run. */
export interface DuePromotion {
  project: string;
  stage: string;
  freight: string;
  alias: string;
}

export interface SkippedPromotion {
  stage: string;
  reason: string;
}

export interface DiscoverResult {
  project: string;
  /** Nothing was written: freight and promotions are what the run would have recorded. */
  dryRun: boolean;
  warehouses: WarehouseReport[];
  /** Every freight the run saw, recorded now or before. */
  freight: DiscoveredFreight[];
  promotions: DuePromotion[];
  skipped: SkippedPromotion[];
}

/**
 * A repository URL as it may be recorded and shown: without `user:password@` and without a query
 * string (signed URLs carry tokens there). Freight tags are immutable; a credential in one would
 * stay in the repository's history for good.
 */
export function publicURL(url: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url;
  try {
    const u = new URL(url);
    if (!u.username && !u.password && !u.search) return url;
    u.username = '';
    u.password = '';
    u.search = '';
    return u.toString();
  } catch {
    return url;
  }
}

function describe(
  sub: Subscription,
): Pick<SubscriptionReport, 'kind' | 'repoURL' | 'name' | 'strategy'> {
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

type Found =
  | { kind: 'image'; artifact: FreightImage; candidates: string[] }
  | { kind: 'chart'; artifact: FreightChart; candidates: string[] }
  | { kind: 'git'; artifact: FreightCommit; candidates: string[] };

async function runSubscription(
  sub: Subscription,
  sources: DiscoverySources,
): Promise<Found | undefined> {
  switch (sub.kind) {
    case 'image': {
      const found = await sources.images(sub.image);
      const top = found[0];
      const candidates = found.map((i) => i.tag || i.digest || '');
      if (!top) return undefined;
      if (!top.digest)
        throw new OperationError(`${sub.image.repoURL}: no digest for the selected tag ${top.tag}`);
      const artifact: FreightImage = {
        repoURL: publicURL(sub.image.repoURL),
        tag: top.tag,
        digest: top.digest,
      };
      if (sub.image.name) artifact.subscriptionName = sub.image.name;
      return { kind: 'image', artifact, candidates };
    }
    case 'chart': {
      const found = await sources.charts(sub.chart);
      const top = found[0];
      if (!top) return undefined;
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
      if (!top) return undefined;
      const artifact: FreightCommit = { repoURL: publicURL(sub.git.repoURL), id: top.id };
      if (top.branch) artifact.branch = top.branch;
      if (top.tag) artifact.tag = top.tag;
      if (top.message) artifact.message = top.message;
      if (top.author) artifact.author = top.author;
      if (top.committer) artifact.committer = top.committer;
      if (sub.git.name) artifact.subscriptionName = sub.git.name;
      return { kind: 'git', artifact, candidates: found.map((c) => c.tag ?? c.id.slice(0, 7)) };
    }
  }
}

const versionOf = (f: Found): string =>
  f.kind === 'image'
    ? f.artifact.tag || f.artifact.digest
    : f.kind === 'chart'
      ? f.artifact.version
      : (f.artifact.tag ?? f.artifact.id.slice(0, 7));

function artifactsOf(found: readonly Found[]): FreightArtifacts {
  const artifacts: FreightArtifacts = { images: [], charts: [], commits: [] };
  for (const f of found) {
    if (f.kind === 'image') artifacts.images.push(f.artifact);
    else if (f.kind === 'chart') artifacts.charts.push(f.artifact);
    else artifacts.commits.push(f.artifact);
  }
  return artifacts;
}

interface KnownFreight {
  /**
   * Every recorded freight by ID. Those in `whole` are the records as stored; the others are
   * what the freight index says of them (ID, alias, warehouse, time: what choosing an alias and
   * the newest freight of a warehouse need), without artifacts.
   */
  known: Map<string, Freight>;
  whole: Set<string>;
  /** Aliases in use, so that a new freight gets another. */
  taken: Set<string>;
}

/**
 * What discovery must know of the project's recorded freight, read without every freight tag
 * when the freight index matches the tags: the index gives every ID and alias, and only the
 * newest freight of each warehouse (what a run usually finds again, and reports as stored) and
 * those whose alias was changed are read whole. Without a usable index: every freight.
 */
async function knownFreight(store: StateStore, project: string): Promise<KnownFreight> {
  let entries: readonly IndexEntry[] = [];
  const picked = await store.promotionRecords(project, (all, aliasNoteIds) => {
    entries = all;
    const newest = new Map<string, IndexEntry>();
    for (const e of all) {
      if (!e.createdAt) continue;
      const cur = newest.get(e.warehouse);
      newest.set(
        e.warehouse,
        cur ? (newestFreight([light(cur), light(e)])?.id === e.freightId ? e : cur) : e,
      );
    }
    return new Set([...aliasNoteIds, ...[...newest.values()].map((e) => e.freightId)]);
  });
  const snap: ProjectSnapshot = picked ?? (await store.snapshot(project));
  const known = new Map<string, Freight>();
  const taken = new Set<string>();
  // A tag gantry could not read has no time in the index: left out, as a full read leaves it.
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

/** A freight as the index describes it: no artifacts, no createdBy. */
function light(e: IndexEntry): Freight {
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
export async function discover(o: DiscoverOptions): Promise<DiscoverResult> {
  const { project, store, log } = o;
  const selected = o.warehouses?.length
    ? project.warehouses.filter((w) => o.warehouses?.includes(w.name))
    : project.warehouses;
  const unknown = (o.warehouses ?? []).filter((w) => !project.warehouses.some((x) => x.name === w));
  if (unknown.length)
    throw new ConfigError(`project ${project.name} has no warehouse ${unknown.join(', ')}`);

  // The state snapshot and the subscriptions run at once; awaited together, so that a failing
  // snapshot is an error of this call, not an unhandled rejection while subscriptions still run.
  // Each source bounds its own concurrency per host.
  const [state, reports] = await Promise.all([
    knownFreight(store, project.name),
    Promise.all(
      selected.map(
        async (
          w,
        ): Promise<{
          warehouse: Warehouse;
          subs: SubscriptionReport[];
          found: (Found | undefined)[];
        }> => {
          // Warehouses are queried at once; the adapter keeps each fold's lines together.
          const settled = await inGroup(
            log.group,
            `warehouse ${w.name} of ${project.name}`,
            async () => {
              const all = await Promise.allSettled(
                w.subscriptions.map((s) => runSubscription(s, o.sources)),
              );
              all.forEach((r, i) => {
                if (r.status === 'rejected') {
                  const url = describe(w.subscriptions[i] as Subscription).repoURL;
                  log.warn(`warehouse ${w.name}: ${url}: ${errorMessage(r.reason)}`);
                }
              });
              return all;
            },
          );
          const subs: SubscriptionReport[] = [];
          const found: (Found | undefined)[] = [];
          settled.forEach((r, i) => {
            const sub = w.subscriptions[i] as Subscription;
            if (r.status === 'fulfilled') {
              subs.push({
                ...describe(sub),
                candidates: r.value?.candidates ?? [],
                selected: r.value ? versionOf(r.value) : undefined,
              });
              found.push(r.value);
            } else {
              subs.push({ ...describe(sub), candidates: [], error: errorMessage(r.reason) });
              found.push(undefined);
            }
          });
          return { warehouse: w, subs, found };
        },
      ),
    ),
  ]);

  const { known, taken } = state;
  // Freight found again that the first read did not bring whole (an older one than the newest of
  // its warehouse, found after a rollback of the registry): read, as the report shows it stored.
  const again = reports.flatMap(({ warehouse, found }) => {
    if (found.some((f) => !f)) return [];
    const id = freightId(
      { kind: 'Warehouse', name: warehouse.name },
      artifactsOf(found as Found[]),
    );
    return known.has(id) && !state.whole.has(id) ? [id] : [];
  });
  if (again.length) {
    const snap =
      (await store.promotionRecords(project.name, () => new Set(again))) ??
      (await store.snapshot(project.name));
    for (const f of snap.freight) {
      known.set(f.id, f);
      state.whole.add(f.id);
    }
  }
  const result: DiscoverResult = {
    project: project.name,
    dryRun: o.dryRun,
    warehouses: [],
    freight: [],
    promotions: [],
    skipped: [],
  };

  for (const { warehouse, subs, found } of reports) {
    const report: WarehouseReport = {
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
    const artifacts = artifactsOf(found as Found[]);
    const origin = { kind: 'Warehouse' as const, name: warehouse.name };
    const id = freightId(origin, artifacts);
    const existing = known.get(id);
    if (existing) {
      // Not read whole (its tag could not be read): the artifacts found are the ones it names.
      const stored = state.whole.has(id) ? existing : { ...existing, ...artifacts };
      report.freight = { ...stored, new: false, recorded: true };
      result.freight.push(report.freight);
      continue;
    }
    const alias = freightAlias(id, taken);
    taken.add(alias);
    const freight: Freight = {
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
    } else {
      // Another run recorded the same freight first: report what is stored (its alias and time).
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
    selected.map((w) => w.name),
  );
  result.promotions = promotions;
  result.skipped = skipped;
  return result;
}

/**
 * Kargo's auto-promotion candidates for stages that take freight straight from a warehouse: the
 * newest freight of that warehouse (by creation time, ties by ID descending), when the
 * auto-promotion rule (pipeline/auto-promotion.ts) says it is due.
 */
export async function duePromotions(
  project: Project,
  freight: Freight[],
  store: StateStore,
  warehouses: string[],
): Promise<{ promotions: DuePromotion[]; skipped: SkippedPromotion[] }> {
  const stages = project.stages.filter((s) =>
    s.requestedFreight.some((r) => r.sources.direct && warehouses.includes(r.origin.name)),
  );
  const auto = stages.filter((s) => s.autoPromotion);
  if (!auto.length) return { promotions: [], skipped: [] };
  const states = await store.stageStates(project.name, auto);
  const promotions: DuePromotion[] = [];
  const skipped: SkippedPromotion[] = [];
  for (const stage of auto) {
    const state: StageState | undefined = states.get(stage.name);
    for (const req of stage.requestedFreight.filter(
      (r) => r.sources.direct && warehouses.includes(r.origin.name),
    )) {
      const candidate = newestFreight(freight.filter((f) => f.origin.name === req.origin.name));
      const decision = autoPromotionDecision({
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
      } else if (!decision.due && decision.why === 'held') {
        // Said once per stage, however many warehouses it takes freight from.
        if (!skipped.some((s) => s.stage === stage.name))
          skipped.push({ stage: stage.name, reason: decision.reason });
      }
    }
  }
  return { promotions, skipped };
}

/** Why freightCreationCriteria keeps `freight` from being recorded, or undefined when it does not. */
function criteriaUnmet(warehouse: Warehouse, freight: Freight): string | undefined {
  const expression = warehouse.freightCreationCriteria;
  if (!expression) return undefined;
  try {
    if (evaluateBool(expression, {}, { functions: freightFunctions([freight]) })) return undefined;
    return `freightCreationCriteria not met (${expression}): found, not recorded`;
  } catch (err) {
    return `freightCreationCriteria could not be evaluated (${expression}): ${errorMessage(err)}; found, not recorded`;
  }
}
