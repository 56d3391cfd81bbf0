/**
 * The discover workflow's job matrix (`gantry get projects --output json`, key `matrix`): one job
 * per project, and one per warehouse for a project with more than `splitOver` warehouses.
 *
 * Inside one job a project's warehouses are already queried at once, so a job takes about as long
 * as its slowest warehouse; splitting pays only when a project has so many warehouses that one
 * runner's requests (16 at a time per registry) and CPU hold them up, and it costs a runner start
 * per job. Hence a high default. Each entry's `name` is unique in the matrix and is the job's
 * concurrency group: jobs of two projects, or of two warehouses of one project, never wait for
 * each other (freight of one project written by two jobs at once both lands: the second push
 * finds the freight index moved and records again on the new tip).
 */

/** More warehouses than this and a project's discovery runs as one job per warehouse. */
export const SPLIT_OVER = 10;

export interface MatrixEntry {
  /** The job's name and concurrency group: `<project>`, or `<project>/<warehouse>`. */
  name: string;
  project: string;
  /** Empty for a job that discovers every warehouse of the project. */
  warehouse: string;
}

export function discoverMatrix(
  projects: readonly { name: string; warehouses: readonly string[] }[],
  splitOver: number = SPLIT_OVER,
): { include: MatrixEntry[] } {
  const include = projects.flatMap((p): MatrixEntry[] =>
    p.warehouses.length > splitOver
      ? p.warehouses.map((w) => ({ name: `${p.name}/${w}`, project: p.name, warehouse: w }))
      : [{ name: p.name, project: p.name, warehouse: '' }],
  );
  return { include };
}
