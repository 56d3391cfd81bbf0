/**
 * The built-in verification providers, by the names used under a metric's `provider:` (Argo
 * Rollouts' `web` is read as `http` by the project loader). `runAnalysis` looks providers up
 * here; one file per provider.
 */
import type { ProviderRegistry } from '../analysis.js';
import type { ProviderDefinition } from '../types.js';
import { argocd } from './argocd.js';
import { command } from './command.js';
import { datadog } from './datadog.js';
import { github } from './github.js';
import { http } from './http.js';
import { prometheus } from './prometheus.js';

export function defaultProviders(): ProviderRegistry {
  // Each provider gets back only what its own parse returned, so the config types can be erased.
  const providers = [
    http,
    prometheus,
    command,
    datadog,
    argocd,
    github,
  ] as ProviderDefinition<unknown>[];
  return new Map(providers.map((p) => [p.name, p]));
}
