#!/usr/bin/env node
import { runCli } from './run.js';

// A reader that stops early (`gantry get freight | head`) closes the pipe: what is left to print
// has nowhere to go, which is no failure of the command. It runs to its end and exits with its
// own code; only writing stops. Anything else wrong with stdout is an error.
let stdoutClosed = false;
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  stdoutClosed = true;
});

// The only place the CLI touches the process: arguments, environment, streams, exit code.
const code = await runCli(process.argv.slice(2), {
  out: (t) => {
    if (!stdoutClosed) process.stdout.write(t);
  },
  err: (t) => process.stderr.write(t),
  env: process.env,
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
});
process.exitCode = code;
