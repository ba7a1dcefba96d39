import { describe, expect, it } from 'vitest';
import { flightAt } from './flightPainter';

describe('flightAt', () => {
  const hits = [
    { number: 5, x: 100, y: 100, w: 32, h: 16 },
    { number: 6, x: 110, y: 100, w: 32, h: 16 },
  ];

  it('finds the pill under the pointer, the one drawn on top when two overlap', () => {
    expect(flightAt(hits, { x: 90, y: 95 })!.number).toBe(5);
    expect(flightAt(hits, { x: 105, y: 100 })!.number).toBe(6);
  });

  it('finds nothing away from every pill', () => {
    expect(flightAt(hits, { x: 100, y: 130 })).toBeNull();
    expect(flightAt([], { x: 0, y: 0 })).toBeNull();
  });
});
