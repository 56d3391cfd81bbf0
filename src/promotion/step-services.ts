import type { PromoteOptions } from './promote.js';

type Services = Pick<
  PromoteOptions,
  'fetch' | 'log' | 'group' | 'env' | 'registryCredentials' | 'dryRun' | 'sleep'
>;

/**
 * What every run of a promotion's steps gets from the command that runs them (the short form, the
 * workspace form, the steps resumed after a pull request merged): the same I/O, waits, log, environment,
 * registry credentials and dry-run setting, the optional ones left out rather than undefined.
 */
export function stepServices(o: Services) {
  return {
    fetch: o.fetch,
    log: o.log,
    ...(o.sleep ? { sleep: o.sleep } : {}),
    ...(o.group ? { group: o.group } : {}),
    ...(o.env ? { env: o.env } : {}),
    ...(o.registryCredentials ? { registryCredentials: o.registryCredentials } : {}),
    dryRun: o.dryRun,
  };
}
