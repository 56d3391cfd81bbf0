/**
 * The command line as its own process writing into a pipe whose reader has gone
 * (`gantry get freight | head` once head has its lines): it stops quietly, as git does, instead
 * of dying with Node's unhandled EPIPE stack trace.
 */
import { spawn } from 'node:child_process';
import { expect, test } from 'vitest';

function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The reader leaves before the first line is written.
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

test('a closed stdout pipe ends the command quietly with its own exit code', async () => {
  const help = await runWithClosedStdout(['help']);
  expect(help.stderr).toBe('');
  expect(help.code).toBe(0);
  // A usage error still says so on stderr, and keeps its exit code.
  const bad = await runWithClosedStdout(['get', 'nothing']);
  expect(bad.stderr).toContain('get needs one of');
  expect(bad.stderr).not.toContain('EPIPE');
  expect(bad.code).toBe(2);
});
