import { ConfigError } from '../util/errors.js';

/** What a command may touch: its streams and environment, never the process itself. */
export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  now?: () => Date;
  /**
   * How promote waits between asks of a step that is not done or failed (argocd-update's poll, a
   * step's retry): the lengths are the steps' own; tests pass a sleep that does not spend them on
   * the wall clock. Default: real time.
   */
  sleep?: (ms: number) => Promise<void>;
  /** Bold headings and such; off unless stdout is a terminal. */
  color?: boolean;
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A command line gantry cannot act on: exit 2, with a pointer to the help. */
export class UsageError extends ConfigError {
  override name = 'UsageError';
  constructor(
    message: string,
    /** The command whose help the pointer names; the global help when absent. */
    readonly command?: string,
    /** The message names gantry and the command itself: printed without the `gantry: ` prefix. */
    readonly framed = false,
  ) {
    super(message);
  }
}
