import { describe, expect, it } from 'vitest';
import { describeSpeed, formatClock, formatSeconds, nearestSpeed } from './clock';

describe('clock', () => {
  it('writes packet times as seconds with six decimals', () => {
    expect(formatSeconds(8_050_560)).toBe('0.008051');
    expect(formatSeconds(60_002_009_600)).toBe('60.002010');
  });

  it('writes the simulated clock in a readable unit', () => {
    expect(formatClock(0)).toBe('0 s');
    expect(formatClock(804_800)).toBe('804.8 µs');
    expect(formatClock(8_050_560)).toBe('8.051 ms');
    expect(formatClock(2_004_800_000)).toBe('2.004800 s');
    expect(formatClock(300_007_042_720)).toBe('5 min 0.007 s');
  });

  it('reads a speed as real time, slower or faster by a factor', () => {
    expect(describeSpeed(1)).toEqual({ kind: 'real', factor: 1 });
    expect(describeSpeed(0.002)).toEqual({ kind: 'slower', factor: 500 });
    expect(describeSpeed(10)).toEqual({ kind: 'faster', factor: 10 });
  });

  it('finds the offered speed nearest to one the server reports', () => {
    expect(nearestSpeed(0.0021)).toBe(0.002);
    expect(nearestSpeed(3)).toBe(1);
    expect(nearestSpeed(5000)).toBe(1000);
  });
});
