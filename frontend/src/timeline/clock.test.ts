import { describe, expect, it } from 'vitest';
import { bucketMarks, describeSpeed, formatClock, formatSeconds, nearestSpeed, parseTime } from './clock';

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

describe('going to a time', () => {
  it('reads a time with its unit, or seconds without one', () => {
    expect(parseTime('1.5s')).toBe(1_500_000_000);
    expect(parseTime('20ms')).toBe(20_000_000);
    expect(parseTime(' 300 us ')).toBe(300_000);
    expect(parseTime('300µs')).toBe(300_000);
    expect(parseTime('5ns')).toBe(5);
    expect(parseTime('2')).toBe(2_000_000_000);
    expect(parseTime('.5ms')).toBe(500_000);
  });

  it('refuses anything else', () => {
    expect(parseTime('soon')).toBeNull();
    expect(parseTime('-1s')).toBeNull();
    expect(parseTime('')).toBeNull();
    expect(parseTime('1 h')).toBeNull();
  });
});

describe('timeline marks', () => {
  it('groups marks that fall in one bucket, per kind, and keeps the first', () => {
    const marks = [
      { kind: 'drop', time: 10 },
      { kind: 'drop', time: 14 },
      { kind: 'check', time: 12 },
      { kind: 'drop', time: 990 },
    ];
    expect(bucketMarks(marks, 1000, 100)).toEqual([
      { bucket: 1, kind: 'check', first: marks[2], count: 1, at: 0.012 },
      { bucket: 1, kind: 'drop', first: marks[0], count: 2, at: 0.01 },
      { bucket: 99, kind: 'drop', first: marks[3], count: 1, at: 0.99 },
    ]);
  });

  it('puts a mark at the horizon in the last bucket, and has none before anything happened', () => {
    expect(bucketMarks([{ kind: 'drop', time: 1000 }], 1000, 100)[0]!.bucket).toBe(99);
    expect(bucketMarks([{ kind: 'drop', time: 0 }], 0)).toEqual([]);
  });
});
