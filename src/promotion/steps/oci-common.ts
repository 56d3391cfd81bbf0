/**
 * What oci-download and oci-push share: gantry's OCI client (discovery's: token scopes, retries,
 * Retry-After, per-host limits), built per step run with the credentials discovery uses.
 */
import { RegistryClient } from '../../discovery/oci/client.js';
import type { StepContext } from './types.js';

/** Per request, the body included: a blob of up to 1 GiB must have time to arrive. */
const OCI_STEP_REQUEST_TIMEOUT_MS = 10 * 60_000;

export function stepRegistryClient(ctx: StepContext): RegistryClient {
  return new RegistryClient({
    credentials: ctx.registryCredentials ?? new Map(),
    requestTimeoutMs: OCI_STEP_REQUEST_TIMEOUT_MS,
    concurrencyPerRegistry: 4,
    log: { info: ctx.log, warn: ctx.log },
    ...(ctx.registryRetrySleep ? { sleep: ctx.registryRetrySleep } : {}),
  });
}
