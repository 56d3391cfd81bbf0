import type { Command } from '../command.js';

/**
 * Every command, in the order `gantry help` lists them, each loaded when a command line asks for
 * it: a command's module imports all it needs to run, and `gantry version` should not pay for
 * promote's.
 */
const LOADERS = {
  lint: async () => (await import('./lint.js')).lintCommand,
  get: async () => (await import('./get.js')).getCommand,
  discover: async () => (await import('./discover.js')).discoverCommand,
  freight: async () => (await import('./freight.js')).freightCommand,
  promote: async () => (await import('./promote.js')).promoteCommand,
  verify: async () => (await import('./verify.js')).verifyCommand,
  approve: async () => (await import('./approve.js')).approveCommand,
  init: async () => (await import('./init.js')).initCommand,
  dashboard: async () => (await import('./dashboard.js')).dashboardCommand,
  demo: async () => (await import('./demo.js')).demoCommand,
  version: async () => (await import('./version.js')).versionCommand,
} satisfies Record<string, () => Promise<Command>>;

export const COMMAND_NAMES = Object.keys(LOADERS) as readonly (keyof typeof LOADERS)[];

/** The command of that name, or undefined when there is none. */
export function loadCommand(name: string): Promise<Command> | undefined {
  return Object.hasOwn(LOADERS, name) ? LOADERS[name as keyof typeof LOADERS]() : undefined;
}

/** Every command: for `gantry help`, and to name the command a misplaced flag belongs to. */
export function loadCommands(): Promise<Command[]> {
  return Promise.all(Object.values(LOADERS).map((load) => load()));
}
