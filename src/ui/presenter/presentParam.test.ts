import { describe, expect, it } from 'vitest';
import { presentFromSearch } from './presentParam';

describe('?present=1', () => {
  it('switches presenter mode on with 1 or true', () => {
    expect(presentFromSearch('?present=1')).toBe(true);
    expect(presentFromSearch('?scenario=default&present=true')).toBe(true);
    expect(presentFromSearch('present=TRUE')).toBe(true);
  });
  it('leaves it off otherwise', () => {
    expect(presentFromSearch('')).toBe(false);
    expect(presentFromSearch('?present=0')).toBe(false);
    expect(presentFromSearch('?present=')).toBe(false);
    expect(presentFromSearch('?present=yes-please')).toBe(false);
    expect(presentFromSearch('?presenter=1')).toBe(false);
  });
});
