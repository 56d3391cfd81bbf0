import { readDashboardStatus, writeDashboard } from '../dashboard/index.js';
import type { Project } from '../pipeline/index.js';
import { remoteWebUrl } from '../github/url.js';
import type { RepoContext } from '../app/repo.js';
import { ConfigError } from '../util/errors.js';
import pkg from '../../package.json' with { type: 'json' };
import type { CliIO } from './io.js';

export interface DashboardOptions {
  ctx: RepoContext;
  projects: Project[];
  /** Directory to write index.html (and its assets) into. */
  out: string;
  io: CliIO;
  now: () => Date;
  /** Argo CD is asked through this (stage health); the global fetch when unset. */
  fetch?: typeof fetch;
}

/**
 * `gantry dashboard`: index.html and status.json in `--out`. Commit links point at the
 * repository's web page, derived from an https or ssh remote (`https://github.com/acme/gitops`),
 * or GANTRY_REPO_WEB_URL when set.
 */
export async function dashboardCommand(o: DashboardOptions): Promise<number> {
  const override = o.io.env.GANTRY_REPO_WEB_URL?.trim();
  if (override && !/^https?:\/\/[^\s/]+/i.test(override)) {
    throw new ConfigError(
      `GANTRY_REPO_WEB_URL must be the repository's web page (https://host/owner/name), not "${override}"`,
    );
  }
  const web = override || remoteWebUrl(o.ctx.store.remoteUrl);
  const now = o.now();
  const projects = await readDashboardStatus(o.ctx.store, o.projects, web, {
    env: o.io.env,
    fetch: o.fetch ?? fetch,
  });
  const files = await writeDashboard(o.out, {
    projects,
    now,
    repository: o.ctx.store.remoteUrl,
    version: pkg.version,
  });
  for (const { project, status } of projects) {
    o.io.err(
      `${project.name}: ${status.stages.length} stages, ${status.freightTotal} freight, ${status.promotions.length} recent promotions\n`,
    );
  }
  o.io.out(`wrote ${files.html} and ${files.json}\n`);
  return 0;
}
