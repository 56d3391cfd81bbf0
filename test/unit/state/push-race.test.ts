import { describe, expect, test } from 'vitest';
import { pushRaceLost } from '../../../src/state/store.js';

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
