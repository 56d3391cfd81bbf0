// The process that starts the suite's git commands (test/support/git-launcher.ts).
//
// A vitest worker runs gantry in-process and grows to hundreds of MB; node starts a child by
// forking, which copies the parent's page tables, so each git command cost the worker several ms
// of CPU, and the worker's event loop stood still for it. This process stays small.
//
// Messages in: { id, file, args, cwd, env, input } to run one process, { kill: id } to SIGKILL
// one. Messages out: { id, code, stdout, stderr } when it closed, { id, error } when it could not
// start. The launcher's timeouts are its own; here a killed process is simply forgotten.
import { spawn } from 'node:child_process';

const running = new Map();

function run({ id, file, args, cwd, env, input }) {
  let child;
  try {
    child = spawn(file, args, { cwd, env, stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
  } catch (e) {
    process.send({ id, error: e.message });
    return;
  }
  running.set(id, child);
  const out = [];
  const err = [];
  child.stdout.on('data', (d) => out.push(d));
  child.stderr.on('data', (d) => err.push(d));
  child.on('error', (e) => {
    if (running.delete(id)) process.send({ id, error: e.message });
  });
  child.on('close', (code) => {
    if (!running.delete(id)) return;
    process.send({ id, code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err) });
  });
  if (child.stdin) {
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  }
}

function kill(id) {
  const child = running.get(id);
  if (!child) return;
  running.delete(id);
  child.kill('SIGKILL');
  // A grandchild may hold the pipes open after git dies.
  child.stdout.destroy();
  child.stderr.destroy();
}

process.on('message', (m) => (m.kill !== undefined ? kill(m.kill) : run(m)));
// The worker went away (finished or killed): so do its git commands.
process.on('disconnect', () => {
  for (const child of running.values()) child.kill('SIGKILL');
  process.exit(0);
});
