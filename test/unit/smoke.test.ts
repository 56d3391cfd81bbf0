import { expect, test } from 'vitest';
test('smoke', () => { expect(1).toBe(1); });
