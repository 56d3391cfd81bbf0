// The thread behind the fixtures' synchronous git calls (test/support/git-launcher.ts `runSync`).
//
// A fixture's `git(...)` returns its output, so it cannot wait on a promise; started with
// execFileSync it forked the whole vitest worker (hundreds of MB) for each command. This thread
// relays each request to a small launcher process of its own (git-launcher-child.mjs), which
// forks instead, and wakes the waiting worker with Atomics.notify once the answer is posted.
import { fork } from 'node:child_process';
import { workerData } from 'node:worker_threads';

const { port, signal, child: childPath } = workerData;
const flag = new Int32Array(signal);
let child;

function start() {
  const c = fork(childPath, [], {
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [],
  });
  c.on('message', answer);
  c.on('exit', (code, sig) => {
    if (child === c) child = undefined;
    if (waiting !== undefined)
      answer({ id: waiting, error: `the git launcher exited (${sig ?? code})` });
  });
  return c;
}

let waiting;
function answer(m) {
  if (m.id !== waiting) return;
  waiting = undefined;
  port.postMessage(m);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

port.on('message', (request) => {
  child ??= start();
  waiting = request.id;
  child.send(request);
});
