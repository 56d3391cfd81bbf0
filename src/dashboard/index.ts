/**
 * `gantry dashboard --out DIR`: a static page (index.html) and the data behind it (status.json),
 * from the GitOps repository's tags and stage branches. No server: publish DIR with GitHub Pages.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { maskUserinfo } from '../git/remote.js';
import type { Project } from '../pipeline/index.js';
import { pipelineGraph, type PipelineGraph } from '../status/graph.js';
import { pipelineStatus, type PipelineStatus } from '../status/pipeline.js';
import type { StateStore } from '../state/index.js';
import type { HealthSettings } from '../health/index.js';
import { renderPage } from './html.js';

export { renderPage } from './html.js';

/** How much history the page shows. */
export const DASHBOARD_LIMITS = { promotions: 30, freight: 100 } as const;

/** status.json: the page's data, for scripts and other views. */
export interface DashboardData {
  generatedAt: string;
  generator: string;
  repository: string;
  projects: (PipelineStatus & { graph: PipelineGraph })[];
}

export interface DashboardInput {
  projects: { project: Project; status: PipelineStatus }[];
  now: Date;
  repository: string;
  version: string;
}

/** The two files, as text: the same input gives the same bytes. */
export function renderDashboard(input: DashboardInput): { html: string; json: string } {
  const repository = maskUserinfo(input.repository);
  const data: DashboardData = {
    generatedAt: input.now.toISOString(),
    generator: `gantry ${input.version}`,
    repository,
    projects: input.projects.map(({ project, status }) => ({
      ...status,
      graph: pipelineGraph(project),
    })),
  };
  return {
    html: renderPage({ ...input, repository }),
    json: JSON.stringify(data, null, 2) + '\n',
  };
}

/**
 * Reads each project's status (with its promotion history) for the page; with `health`, each
 * stage's health from Argo CD too.
 */
export async function readDashboardStatus(
  store: StateStore,
  projects: Project[],
  repoWebUrl: string | undefined,
  health?: HealthSettings,
): Promise<{ project: Project; status: PipelineStatus }[]> {
  const out = [];
  for (const project of projects) {
    const status = await pipelineStatus(store, project, {
      promotions: DASHBOARD_LIMITS.promotions,
      freightLimit: DASHBOARD_LIMITS.freight,
      ...(repoWebUrl ? { repoWebUrl } : {}),
      ...(health ? { health } : {}),
    });
    out.push({ project, status });
  }
  return out;
}

/** Writes `index.html` and `status.json` into `dir` (created if missing); returns their paths. */
export async function writeDashboard(
  dir: string,
  input: DashboardInput,
): Promise<{ html: string; json: string }> {
  const files = renderDashboard(input);
  await mkdir(dir, { recursive: true });
  const html = join(dir, 'index.html');
  const json = join(dir, 'status.json');
  await writeFile(html, files.html);
  await writeFile(json, files.json);
  return { html, json };
}
