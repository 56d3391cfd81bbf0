/**
 * What a test that runs an action in-process needs from the runner: the step summary and output
 * files the runner hands every step (GITHUB_STEP_SUMMARY, GITHUB_OUTPUT), extra runner variables
 * (RUNNER_DEBUG for the debug log), and what the action printed on stdout, where the runner reads
 * its workflow commands (`::add-mask::`, `::debug::`). Registers a beforeEach that sets them up
 * fresh and an afterEach that puts stdout and the environment back.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

export interface RunnerFiles {
  /** What the action wrote to stdout in the current test. */
  readonly printed: string;
}

export function useRunnerFiles(root: string, vars: Record<string, string> = {}): RunnerFiles {
  const names = ['GITHUB_STEP_SUMMARY', 'GITHUB_OUTPUT', ...Object.keys(vars)];
  const saved = new Map<string, string | undefined>();
  const write = process.stdout.write.bind(process.stdout);
  const state = { printed: '' };
  beforeEach(() => {
    for (const name of names) saved.set(name, process.env[name]);
    state.printed = '';
    process.stdout.write = ((chunk: string | Uint8Array) => {
      state.printed += String(chunk);
      return true;
    }) as typeof process.stdout.write;
    const files = join(root, 'runner');
    mkdirSync(files, { recursive: true });
    writeFileSync(join(files, 'summary.md'), '');
    writeFileSync(join(files, 'output'), '');
    process.env['GITHUB_STEP_SUMMARY'] = join(files, 'summary.md');
    process.env['GITHUB_OUTPUT'] = join(files, 'output');
    Object.assign(process.env, vars);
  });
  afterEach(() => {
    process.stdout.write = write;
    // Reflect.deleteProperty: process.env keeps no key for an unset variable.
    for (const [name, value] of saved) {
      if (value === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = value;
    }
  });
  return {
    get printed() {
      return state.printed;
    },
  };
}
