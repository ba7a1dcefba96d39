// Where a frame in flight is drawn: its extent along the cable at a simulated time, and points on the cable.

export interface Point {
  x: number;
  y: number;
}

/**
 * The part of the cable a frame occupies at simulated time `t`, as fractions from its sender (0) to its receiver
 * (1). Its first bit leaves at `time` and its last at `leaves`; each bit takes `arrives - leaves` to cross. So the
 * head is `(t - time) / propagation` along, the tail `(t - leaves) / propagation`. Null before it starts and once
 * its last bit arrived.
 */
export function flightExtent(
  f: { time: number; leaves: number; arrives: number },
  t: number,
): { head: number; tail: number } | null {
  if (t < f.time || t >= f.arrives) return null;
  const propagation = f.arrives - f.leaves;
  if (propagation <= 0) return { head: 1, tail: 1 };
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  return { head: clamp((t - f.time) / propagation), tail: clamp((t - f.leaves) / propagation) };
}

/**
 * A point at fraction `f` along a cable drawn from `source` through `mid` to `target`: Cytoscape draws a cable as
 * a straight line or a quadratic Bézier, whose control point is found from its midpoint (B(½) = ¼S + ½C + ¼T).
 */
export function pointOnCable(source: Point, mid: Point, target: Point, f: number): Point {
  const c = { x: 2 * mid.x - (source.x + target.x) / 2, y: 2 * mid.y - (source.y + target.y) / 2 };
  const u = 1 - f;
  return {
    x: u * u * source.x + 2 * u * f * c.x + f * f * target.x,
    y: u * u * source.y + 2 * u * f * c.y + f * f * target.y,
  };
}
