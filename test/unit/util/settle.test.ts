import { describe, expect, test } from 'vitest';
import { settleAll } from '../../../src/util/settle.js';

describe('settleAll', () => {
  test('resolves to the values in order, typed as a tuple', async () => {
    const [a, b] = await settleAll([Promise.resolve(1), Promise.resolve('two')]);
    expect(a + 1).toBe(2);
    expect(b.toUpperCase()).toBe('TWO');
  });

  test('throws the first rejection only after every other promise has settled', async () => {
    let slowDone = false;
    const slow = new Promise<number>((resolve) =>
      setTimeout(() => {
        slowDone = true;
        resolve(1);
      }, 50),
    );
    await expect(settleAll([Promise.reject(new Error('boom')), slow])).rejects.toThrow('boom');
    // Promise.all would have rejected at once, with the slow read still running.
    expect(slowDone).toBe(true);
  });
});
