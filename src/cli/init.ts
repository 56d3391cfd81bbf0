import type { CliIO } from './run.js';

export interface InitOptions {
  /** Root of the GitOps repository clone to write into. */
  dir: string;
  project?: string;
  image?: string;
  /** Comma-separated stage names, in pipeline order. */
  stages?: string;
  /** Values file per stage; `{stage}` is replaced by the stage name. */
  valuesPath?: string;
  force: boolean;
  io: CliIO;
}

/** `gantry init`: written in src/init/ (issue 6). */
export function initCommand(o: InitOptions): Promise<number> {
  o.io.err('gantry: init is not written yet (issue 6)\n');
  return Promise.resolve(1);
}
