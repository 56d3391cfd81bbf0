import { describe, expect, test } from 'vitest';
import { pushRaceLost } from '../../../src/state/store.js';
import { stateRefRefused } from '../../../src/state/transaction.js';

describe('pushRaceLost', () => {
  const atomic =
    'To file:///r.git\n!\t1:refs/heads/main\t[remote rejected] (atomic transaction failed)\n!\t2:refs/gantry/echo/stage/dev/state\t[remote rejected] (atomic transaction failed)\nDone\n';
  test('an atomic push whose branch moved on the server is a lost race', () => {
    const stderr =
      "remote: error: cannot lock ref 'refs/heads/main': is at 5f5a but expected 827d\nerror: failed to push some refs to 'file:///r.git'\n";
    expect(pushRaceLost({ stdout: atomic, stderr })).toBe(true);
  });
  test('an atomic push a hook refused is not', () => {
    const stdout =
      'To file:///r.git\n!\t1:refs/heads/main\t[remote rejected] (atomic transaction failed)\n!\t2:refs/gantry/echo/stage/dev/state\t[remote rejected] (hook declined)\nDone\n';
    expect(pushRaceLost({ stdout, stderr: 'error: failed to push some refs\n' })).toBe(false);
  });
  test("a plain push's non-fast-forward and stale lock are, as before", () => {
    expect(
      pushRaceLost({ stdout: '!\t1:refs/heads/main\t[rejected] (fetch first)\n', stderr: '' }),
    ).toBe(true);
    expect(
      pushRaceLost({
        stdout: '!\t1:refs/heads/main\t[remote rejected] (failed to update ref)\n',
        stderr: '',
      }),
    ).toBe(true);
  });
});

describe('stateRefRefused', () => {
  const ref = 'refs/gantry/echo/stage/dev/state';
  const blob = 'b'.repeat(40);
  test('a refusal of the state ref itself (an update hook, a host policy)', () => {
    // As git 2.39 reports an update hook's refusal of one ref of an atomic push.
    const stdout = `To file:///r.git\n!\tHEAD:refs/heads/main\t[remote rejected] (atomic push failure)\n!\t${blob}:${ref}\t[remote rejected] (hook declined)\nDone\n`;
    expect(stateRefRefused({ stdout, stderr: '' }, ref, blob)).toBe(true);
  });
  test("a blob git does not have (the state file went through a filter): git's own answer", () => {
    // As git 2.39 reports it: the pack cannot be built, so every ref reads "unpacker error".
    const stdout = `To ../r.git\n!\t1:refs/heads/main\t[remote rejected] (unpacker error)\n!\t${blob}:${ref}\t[remote rejected] (unpacker error)\n`;
    const stderr = `fatal: bad object ${blob}\nerror: remote unpack failed: eof before pack header was fully read\n`;
    expect(stateRefRefused({ stdout, stderr }, ref, blob)).toBe(true);
    expect(
      stateRefRefused(
        { stdout: '', stderr: `error: src refspec ${blob} does not match any\n` },
        ref,
        blob,
      ),
    ).toBe(true);
  });
  test('a refusal of the branch, of the whole push, a lost race or a dropped connection is not', () => {
    const branch = `To file:///r.git\n!\t1:refs/heads/main\t[remote rejected] (hook declined)\n!\t${blob}:${ref}\t[remote rejected] (atomic transaction failed)\nDone\n`;
    expect(stateRefRefused({ stdout: branch, stderr: '' }, ref, blob)).toBe(false);
    // A pre-receive hook (a protected branch) declines every ref with one reason.
    const whole = `To file:///r.git\n!\t1:refs/heads/main\t[remote rejected] (pre-receive hook declined)\n!\t${blob}:${ref}\t[remote rejected] (pre-receive hook declined)\nDone\n`;
    expect(
      stateRefRefused({ stdout: whole, stderr: 'remote: main is protected\n' }, ref, blob),
    ).toBe(false);
    const unpack = `To ../r.git\n!\t1:refs/heads/main\t[remote rejected] (unpacker error)\n!\t${blob}:${ref}\t[remote rejected] (unpacker error)\n`;
    expect(
      stateRefRefused(
        { stdout: unpack, stderr: 'error: remote unpack failed: disk full\n' },
        ref,
        blob,
      ),
    ).toBe(false);
    expect(
      stateRefRefused(
        { stdout: '', stderr: 'fatal: the remote end hung up unexpectedly\n' },
        ref,
        blob,
      ),
    ).toBe(false);
  });
});
