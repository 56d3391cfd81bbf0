import type { Project } from '../pipeline/index.js';
import type { RepoContext } from '../status/repo.js';
import type { CliIO } from './run.js';

export interface DashboardOptions {
  ctx: RepoContext;
  projects: Project[];
  /** Directory to write index.html (and its assets) into. */
  out: string;
  io: CliIO;
  now: () => Date;
}

/** `gantry dashboard`: written in src/dashboard/ (issue 6). */
export function dashboardCommand(o: DashboardOptions): Promise<number> {
  o.io.err('gantry: dashboard is not written yet (issue 6)\n');
  return Promise.resolve(1);
}
