import type { Command } from '../command.js';
import { approveCommand } from './approve.js';
import { dashboardCommand } from './dashboard.js';
import { demoCommand } from './demo.js';
import { discoverCommand } from './discover.js';
import { freightCommand } from './freight.js';
import { getCommand } from './get.js';
import { initCommand } from './init.js';
import { lintCommand } from './lint.js';
import { promoteCommand } from './promote.js';
import { verifyCommand } from './verify.js';
import { versionCommand } from './version.js';

/** Every command, in the order `gantry help` lists them. */
export const COMMANDS: readonly Command[] = [
  lintCommand,
  getCommand,
  freightCommand,
  discoverCommand,
  promoteCommand,
  verifyCommand,
  approveCommand,
  initCommand,
  dashboardCommand,
  demoCommand,
  versionCommand,
];
