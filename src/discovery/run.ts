import { dispatchPromotion, type DispatchTarget } from '../github/dispatch.js';
import type { Project } from '../pipeline/index.js';
import type { StateStore } from '../state/index.js';
import { ConfigError } from '../util/errors.js';
import {
  discover,
  type DiscoverResult,
  type DiscoverySources,
  type DuePromotion,
} from './discover.js';
import type { DiscoveryLog } from './types.js';

export interface DiscoverRunOptions {
  projects: Project[];
  warehouse?: string;
  store: StateStore;
  sources: DiscoverySources;
  dryRun: boolean;
  clock: () => Date;
  createdBy: string;
  log: DiscoveryLog;
  /**
   * Start this workflow (workflow_dispatch with inputs stage and freight, and project when the
   * repository has several projects) for each due promotion.
   */
  dispatch?: DispatchTarget;
}

export interface DispatchReport extends DuePromotion {
  workflow: string;
  error?: string;
}

export interface DiscoverRun {
  results: DiscoverResult[];
  dispatched: DispatchReport[];
}

/**
 * The discover use case, shared by the CLI and the action: discovery for each project, then one
 * workflow_dispatch per due promotion. A failed dispatch does not stop the others; it is reported
 * in `dispatched[].error` and the adapter fails the run after writing what happened. Freight
 * already recorded stays recorded.
 */
export async function runDiscover(o: DiscoverRunOptions): Promise<DiscoverRun> {
  const projects = o.warehouse
    ? o.projects.filter((p) => p.warehouses.some((w) => w.name === o.warehouse))
    : o.projects;
  if (o.warehouse && !projects.length) {
    throw new ConfigError(`no project has a warehouse named ${o.warehouse}`);
  }
  const results: DiscoverResult[] = [];
  for (const project of projects) {
    results.push(
      await discover({
        project,
        warehouses: o.warehouse ? [o.warehouse] : undefined,
        store: o.store,
        sources: o.sources,
        dryRun: o.dryRun,
        clock: o.clock,
        createdBy: o.createdBy,
        log: o.log,
      }),
    );
  }
  const dispatched: DispatchReport[] = [];
  if (o.dispatch && !o.dryRun) {
    for (const p of results.flatMap((r) => r.promotions)) {
      const report: DispatchReport = { ...p, workflow: o.dispatch.workflow };
      const error = await dispatchPromotion(o.dispatch, p);
      if (error === undefined) {
        o.log.info(`started ${o.dispatch.workflow} for ${p.stage} with ${p.alias}`);
      } else {
        report.error = error;
        o.log.warn(`could not start ${o.dispatch.workflow} for ${p.stage}: ${error}`);
      }
      dispatched.push(report);
    }
  }
  return { results, dispatched };
}

/**
 * The `promotions` output: a job matrix (`strategy.matrix: ${{ fromJSON(...) }}`). Empty in a dry
 * run: its freight was not recorded, and a job acting on it would find nothing.
 */
export function promotionsMatrix(
  results: DiscoverResult[],
  dryRun: boolean,
): { include: DuePromotion[] } {
  return { include: dryRun ? [] : results.flatMap((r) => r.promotions) };
}

/** What went wrong in a run, one line each: failed subscriptions and dispatches. */
export function runFailures(run: DiscoverRun): string[] {
  return [
    ...run.results.flatMap((r) =>
      r.warehouses.flatMap((w) =>
        w.subscriptions
          .filter((x) => x.error)
          .map((x) => `subscription failed: ${r.project}/${w.name}: ${x.repoURL}: ${x.error}`),
      ),
    ),
    ...run.dispatched
      .filter((d) => d.error)
      .map((d) => `could not start ${d.workflow} for ${d.stage}: ${d.error}`),
  ];
}
