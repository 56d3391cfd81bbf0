import { errorMessage } from '../util/errors.js';
import type { GitHubPort } from './port.js';

/** Where promotions are started: the promote workflow, on a ref, through GitHub's API. */
export interface DispatchTarget {
  github: GitHubPort;
  workflow: string;
  ref: string;
  /** Send `project` too: a stage name alone is ambiguous when two projects both have a `dev`. */
  withProject: boolean;
}

/**
 * Starts the promote workflow for one promotion (workflow_dispatch with inputs stage, freight
 * and, when needed, project). Returns the error text instead of throwing: one failed start must
 * not stop the others, and the caller reports each.
 */
export async function dispatchPromotion(
  t: DispatchTarget,
  p: { project: string; stage: string; freight: string },
): Promise<string | undefined> {
  try {
    await t.github.dispatchWorkflow({
      workflow: t.workflow,
      ref: t.ref,
      inputs: {
        stage: p.stage,
        freight: p.freight,
        ...(t.withProject ? { project: p.project } : {}),
      },
    });
    return undefined;
  } catch (err) {
    return errorMessage(err);
  }
}
