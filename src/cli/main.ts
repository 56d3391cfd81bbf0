#!/usr/bin/env node
import { runCli } from './run.js';

// The only place the CLI touches the process: arguments, environment, streams, exit code.
const code = await runCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  env: process.env,
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
});
process.exitCode = code;
