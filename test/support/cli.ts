import { runCli } from '../../src/cli/run.js';

/** Runs the gantry command line in-process, collecting what it prints. */
export async function runGantry(
  args: string[],
  env: Record<string, string>,
  now?: () => Date,
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    env,
    ...(now ? { now } : {}),
  });
  return { code, out, err };
}
