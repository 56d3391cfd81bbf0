import { freightAlias } from '../freight/alias.js';
import { freightId } from '../freight/id.js';
import type {
  Freight,
  FreightArtifacts,
  FreightChart,
  FreightCommit,
  FreightImage,
} from '../freight/types.js';
import type {
  ChartSubscription,
  GitSubscription,
  ImageSubscription,
  Project,
  Subscription,
  Warehouse,
} from '../pipeline/index.js';
import type { StageState, StateStore } from '../state/index.js';
import { errorMessage, OperationError } from '../util/errors.js';
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

export type DiscoveredFreight = Freight & { new: boolean };

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
  warehouses: WarehouseReport[];
  /** Every freight the run saw, recorded now or before. */
  freight: DiscoveredFreight[];
  promotions: DuePromotion[];
  skipped: SkippedPromotion[];
}

function describe(
  sub: Subscription,
): Pick<SubscriptionReport, 'kind' | 'repoURL' | 'name' | 'strategy'> {
  switch (sub.kind) {
    case 'image':
      return {
        kind: 'image',
        repoURL: sub.image.repoURL,
        strategy: sub.image.imageSelectionStrategy,
      };
    case 'chart':
      return {
        kind: 'chart',
        repoURL: sub.chart.repoURL,
        name: sub.chart.name,
        strategy: 'SemVer',
      };
    case 'git':
      return { kind: 'git', repoURL: sub.git.repoURL, strategy: sub.git.commitSelectionStrategy };
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
      const candidates = found.map((i) => i.tag || i.digest);
      if (!top) return undefined;
      const artifact: FreightImage = {
        repoURL: sub.image.repoURL,
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
        artifact: { repoURL: sub.chart.repoURL, name: sub.chart.name ?? '', version: top.version },
        candidates: found.map((c) => c.version),
      };
    }
    case 'git': {
      const found = await sources.commits(sub.git);
      const top = found[0];
      if (!top) return undefined;
      const artifact: FreightCommit = { repoURL: sub.git.repoURL, id: top.id };
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
    throw new OperationError(`project ${project.name} has no warehouse ${unknown.join(', ')}`);

  const snapshotPromise = store.snapshot(project.name);
  // Subscriptions of all warehouses run at once; each source bounds its own concurrency per host.
  const reports = await Promise.all(
    selected.map(
      async (
        w,
      ): Promise<{
        warehouse: Warehouse;
        subs: SubscriptionReport[];
        found: (Found | undefined)[];
      }> => {
        const settled = await Promise.allSettled(
          w.subscriptions.map((s) => runSubscription(s, o.sources)),
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
            log.warn(`warehouse ${w.name}: ${describe(sub).repoURL}: ${errorMessage(r.reason)}`);
          }
        });
        return { warehouse: w, subs, found };
      },
    ),
  );

  const snapshot = await snapshotPromise;
  const known = new Map(snapshot.freight.map((f) => [f.id, f]));
  const taken = new Set(snapshot.freight.map((f) => f.alias));
  const result: DiscoverResult = {
    project: project.name,
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
    const artifacts: FreightArtifacts = { images: [], charts: [], commits: [] };
    for (const f of found as Found[]) {
      if (f.kind === 'image') artifacts.images.push(f.artifact);
      else if (f.kind === 'chart') artifacts.charts.push(f.artifact);
      else artifacts.commits.push(f.artifact);
    }
    const origin = { kind: 'Warehouse' as const, name: warehouse.name };
    const id = freightId(origin, artifacts);
    const existing = known.get(id);
    if (existing) {
      report.freight = { ...existing, new: false };
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
    if (warehouse.freightCreationPolicy === 'Manual') {
      report.freight = { ...freight, new: false };
      report.note = 'freightCreationPolicy is Manual: found, not recorded';
      continue;
    }
    if (o.dryRun) {
      report.freight = { ...freight, new: true };
      report.note = 'dry run: not recorded';
      result.freight.push(report.freight);
      continue;
    }
    const { created } = await store.recordFreight(project.name, freight);
    report.freight = { ...freight, new: created };
    if (created)
      log.info(`recorded freight ${alias} (${id.slice(0, 7)}) from warehouse ${warehouse.name}`);
    result.freight.push(report.freight);
    known.set(id, freight);
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
 * newest freight of that warehouse (by creation time, ties by ID descending), unless the stage
 * already runs it, has auto-promotion off, or is held after a manual rollback.
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
    if (state?.autoPromotionHold) {
      skipped.push({
        stage: stage.name,
        reason: `held since ${state.autoPromotionHold.since} by ${state.autoPromotionHold.by}: ${state.autoPromotionHold.reason}`,
      });
      continue;
    }
    for (const req of stage.requestedFreight.filter(
      (r) => r.sources.direct && warehouses.includes(r.origin.name),
    )) {
      const candidate = newestFreight(freight.filter((f) => f.origin.name === req.origin.name));
      if (!candidate) continue;
      const current = state?.freight.find((f) => f.origin.name === req.origin.name);
      if (current?.id === candidate.id) continue;
      promotions.push({
        project: project.name,
        stage: stage.name,
        freight: candidate.id,
        alias: candidate.alias,
      });
    }
  }
  return { promotions, skipped };
}

/** Newest by creation time; equal times fall back to the ID, descending (Kargo sorts by name). */
export function newestFreight<T extends Pick<Freight, 'id' | 'createdAt'>>(
  freight: T[],
): T | undefined {
  return [...freight].sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id),
  )[0];
}
