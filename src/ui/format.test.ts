import { describe, expect, it } from 'vitest';
import { formatBytes, formatMs, formatSimTime, formatStateValue } from './format';

describe('formatting', () => {
  it('shows simulated time with millisecond precision', () => {
    expect(formatSimTime(0)).toBe('0.000 s');
    expect(formatSimTime(12345.6)).toBe('12.346 s');
  });
  it('shows durations and sizes as Flink\'s web UI does', () => {
    expect(formatMs(45)).toBe('45ms');
    expect(formatMs(2311)).toBe('2.31s');
    expect(formatMs(null)).toBe('-');
    expect(formatBytes(173)).toBe('173 B');
    expect(formatBytes(2048)).toBe('2.00 KB');
  });
  it('shows every kind of state value on one line', () => {
    expect(formatStateValue(5)).toBe('5');
    expect(formatStateValue([3, 5, 1])).toBe('[3, 5, 1]');
    expect(formatStateValue({ '1-5': 2, '6-10': 1 })).toBe('1-5: 2, 6-10: 1');
    expect(formatStateValue(null)).toBe('null');
  });
});
