import * as core from './runner.js';
import type { RegistryCredential } from '../discovery/types.js';

const base64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

/**
 * A token and the forms it travels in: git and ghcr.io send it as basic auth for
 * `x-access-token`, and tools that echo headers show the base64 of either.
 */
export function maskToken(token: string): void {
  core.setSecret(token);
  core.setSecret(base64(token));
  core.setSecret(base64(`x-access-token:${token}`));
}

/** A password, and the base64 `user:password` of the Authorization header it goes out in. */
export function maskBasic(username: string, password: string): void {
  core.setSecret(password);
  core.setSecret(base64(`${username}:${password}`));
}

/** Whatever secret a registry credential holds, in the forms it is sent. */
export function maskRegistryCredential(c: RegistryCredential): void {
  if (c.password) maskBasic(c.username ?? '', c.password);
  if (c.identityToken) core.setSecret(c.identityToken);
  if (c.registryToken) maskToken(c.registryToken);
}
