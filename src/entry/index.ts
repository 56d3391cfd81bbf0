/**
 * The one bundle's entry. dist/<name>/index.js (the CLI, each action) is two lines calling start:
 * esbuild's code splitting puts each import() below, and each import() inside, in a chunk of its
 * own, so a process loads the part it runs and one build serves all five.
 */
const PARTS = {
  cli: () => import('../cli/main.js'),
  main: () => import('../actions/main.js'),
  discover: () => import('../actions/discover.js'),
  promote: () => import('../actions/promote.js'),
  verify: () => import('../actions/verify.js'),
};

export async function start(part: keyof typeof PARTS): Promise<void> {
  await PARTS[part]();
}
