import { describe, expect, it } from 'vitest';
import { flightExtent, pointOnCable } from './flightGeometry';

// the ARP request of the TCP lab: first bit at 0, last bit leaves at 4.8 µs, 1 ms of cable
const frame = { time: 0, leaves: 4800, arrives: 1_004_800 };

describe('flightExtent', () => {
  it('is nothing before the first bit leaves and once the last bit arrived', () => {
    expect(flightExtent(frame, -1)).toBeNull();
    expect(flightExtent(frame, 1_004_800)).toBeNull();
  });

  it('moves the head and the tail along the cable in proportion to simulated time', () => {
    expect(flightExtent(frame, 0)).toEqual({ head: 0, tail: 0 });
    expect(flightExtent(frame, 504_800)).toEqual({ head: 0.5048, tail: 0.5 });
    expect(flightExtent(frame, 1_000_000)).toEqual({ head: 1, tail: 0.9952 });
  });
});

describe('pointOnCable', () => {
  it('follows a straight cable linearly', () => {
    expect(pointOnCable({ x: 0, y: 0 }, { x: 50, y: 0 }, { x: 100, y: 0 }, 0.25)).toEqual({ x: 25, y: 0 });
  });

  it('passes through the midpoint of a curved cable halfway', () => {
    const p = pointOnCable({ x: 0, y: 0 }, { x: 50, y: 20 }, { x: 100, y: 0 }, 0.5);
    expect(p.x).toBeCloseTo(50);
    expect(p.y).toBeCloseTo(20);
  });
});
