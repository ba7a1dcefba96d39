import { describe, expect, it } from 'vitest';
import type { TcpSample } from '../store/labState';
import { chartData, niceCeiling, SSTHRESH_INFINITE } from './chartData';

const plot = { width: 200, height: 120, left: 0, right: 0, top: 0, bottom: 0 };

function sample(time: number, cwnd: number, ssthresh: number, inFlight: number): TcpSample {
  return { time, cwnd, ssthresh, sndWnd: 65535, rcvWnd: 65535, inFlight };
}

/** Slow start, then a loss: cwnd halves and ssthresh gets its first finite value (RFC 5681 3.1). */
const SAMPLES = [sample(0, 14600, SSTHRESH_INFINITE, 0), sample(1000, 16060, SSTHRESH_INFINITE, 1460), sample(2000, 8030, 8030, 0)];

describe('the window chart', () => {
  it('draws each variable as a step line held until the next sample, and the last value on to now', () => {
    const data = chartData(SAMPLES, 4000, plot);
    expect(data.max).toBe(100000);
    expect(data.paths.cwnd).toBe('M0 102.5 H50 V100.7 H100 V110.4 H200');
    expect(data.paths.inFlight).toBe('M0 120 H50 V118.2 H100 V120 H200');
    expect(data.paths.sndWnd).toBe('M0 41.4 H50 V41.4 H100 V41.4 H200');
  });

  it('leaves out ssthresh while it is still infinite, and says so', () => {
    const data = chartData(SAMPLES, 4000, plot);
    expect(data.paths.ssthresh).toBe('M100 110.4 H200');
    expect(data.ssthreshInfinite).toBe(true);
  });

  it('scales to a round number above the largest finite value', () => {
    expect(chartData([{ ...sample(0, 2920, 4500, 0), sndWnd: 4096 }], 0, plot).max).toBe(5000);
    expect(chartData([{ ...sample(0, 2920, SSTHRESH_INFINITE, 0), sndWnd: 0 }], 0, plot).max).toBe(5000);
    expect([niceCeiling(1), niceCeiling(3), niceCeiling(65535), niceCeiling(0)]).toEqual([1, 5, 100000, 1]);
  });

  it('puts value ticks at quarters of the axis and time ticks at both ends and the middle', () => {
    const data = chartData(SAMPLES, 4000, plot);
    expect(data.yTicks).toEqual([
      { y: 120, value: 0 },
      { y: 90, value: 25000 },
      { y: 60, value: 50000 },
      { y: 30, value: 75000 },
      { y: 0, value: 100000 },
    ]);
    expect(data.xTicks).toEqual([
      { x: 0, time: 0 },
      { x: 100, time: 2000 },
      { x: 200, time: 4000 },
    ]);
  });

  it('draws a single sample as a level line', () => {
    const data = chartData([sample(500, 2920, SSTHRESH_INFINITE, 0)], 500, plot);
    // 2920 of 100000 (the advertised 65535 sets the scale): 3.5 px above the bottom
    expect(data.paths.cwnd).toBe('M0 116.5 H200');
    expect([data.from, data.to]).toEqual([500, 501]);
  });

  it('has nothing to draw without samples', () => {
    const data = chartData([], 1000, plot);
    expect(data.paths).toEqual({ cwnd: '', ssthresh: '', sndWnd: '', inFlight: '' });
  });
});
