import { describe, expect, it } from 'vitest';
import { internKey } from './internKey';

describe('internKey', () => {
  it('keeps the text of every key', () => {
    for (const key of ['k1', '', '__proto__', 'constructor', '123', '-0', '1e3', 'Løve', '🦊', 'a'.repeat(300)]) {
      expect(internKey(key)).toBe(key);
    }
  });
});
