import { runCli } from '../../src/cli/run.js';

/**
 * Runs the gantry command line in-process, collecting what it prints. `sleep`, when given, is how
 * promote waits between asks of a step (argocd-update's poll): a test passes one that records the
 * wait and returns at once, where the fake it talks to moves on per request, not per second.
 */
export async function runGantry(
  args: string[],
  env: Record<string, string>,
  now?: () => Date,
  sleep?: (ms: number) => Promise<void>,
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    env,
    ...(now ? { now } : {}),
    ...(sleep ? { sleep } : {}),
  });
  return { code, out, err };
}

/** A sleep that records each wait and returns at the next turn of the event loop. */
export function recordedSleep(): { waits: number[]; sleep: (ms: number) => Promise<void> } {
  const waits: number[] = [];
  return {
    waits,
    sleep: (ms) => {
      waits.push(ms);
      return new Promise((r) => setImmediate(r));
    },
  };
}
