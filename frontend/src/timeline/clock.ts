// Simulated time as the UI writes it, and the play speeds it offers.

/** Speeds offered, slowest first: simulated seconds per wall-clock second (the server takes 0.0001 to 1000). */
export const SPEEDS = [0.0001, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.1, 1, 10, 100, 1000] as const;

/** The speed a lab starts playing at: a 1 ms hop takes half a second, slow enough to follow each frame. */
export const DEFAULT_SPEED = 0.002;

/** How a speed reads: `real` time, `slower` by a factor, or `faster` by one. */
export function describeSpeed(speed: number): { kind: 'real' | 'slower' | 'faster'; factor: number } {
  if (Math.abs(speed - 1) < 1e-9) return { kind: 'real', factor: 1 };
  if (speed < 1) return { kind: 'slower', factor: Math.round(1 / speed) };
  return { kind: 'faster', factor: Math.round(speed) };
}

/** The offered speed nearest to `speed` (the server may report one the menu does not list). */
export function nearestSpeed(speed: number): number {
  let best: number = SPEEDS[0];
  for (const s of SPEEDS) if (Math.abs(Math.log(s / speed)) < Math.abs(Math.log(best / speed))) best = s;
  return best;
}

/** Seconds with six decimals, as Wireshark's time column: `0.008051`. */
export function formatSeconds(ns: number): string {
  return (ns / 1e9).toFixed(6);
}

/**
 * A simulated time for the clock display, in the unit that keeps it readable: `0 s`, `804.8 µs`, `8.051 ms`,
 * `2.004800 s`, `1 min 0.000 s` past a minute.
 */
export function formatClock(ns: number): string {
  if (ns <= 0) return '0 s';
  if (ns < 1e6) return `${(ns / 1e3).toFixed(1)} µs`;
  if (ns < 1e9) return `${(ns / 1e6).toFixed(3)} ms`;
  if (ns < 60e9) return `${(ns / 1e9).toFixed(6)} s`;
  const minutes = Math.floor(ns / 60e9);
  return `${minutes} min ${((ns - minutes * 60e9) / 1e9).toFixed(3)} s`;
}

const UNITS: Record<string, number> = { s: 1e9, ms: 1e6, us: 1e3, 'µs': 1e3, ns: 1 };

/**
 * A simulated time typed by a person: `1.5s`, `20ms`, `300us` (or `µs`), `5ns`, or a bare number of seconds; null
 * when it is none of these or negative.
 */
export function parseTime(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(s|ms|us|µs|ns)?\s*$/.exec(text);
  if (!m) return null;
  return Math.round(Number(m[1]) * UNITS[m[2] ?? 's']!);
}

/** Marks within this fraction of the timeline's width are drawn as one marker. */
export const MARK_BUCKETS = 200;

/** Marks grouped by where they fall on a timeline ending at `horizon`: one group per bucket and kind. */
export function bucketMarks<M extends { kind: string; time: number }>(
  marks: readonly M[],
  horizon: number,
  buckets = MARK_BUCKETS,
): { bucket: number; kind: M['kind']; first: M; count: number; at: number }[] {
  if (horizon <= 0) return [];
  const groups = new Map<string, { bucket: number; kind: M['kind']; first: M; count: number; at: number }>();
  for (const m of marks) {
    const bucket = Math.min(buckets - 1, Math.max(0, Math.floor((m.time / horizon) * buckets)));
    const key = `${m.kind}:${bucket}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { bucket, kind: m.kind, first: m, count: 1, at: Math.min(1, m.time / horizon) });
  }
  return [...groups.values()].sort((a, b) => a.bucket - b.bucket || (a.kind < b.kind ? -1 : 1));
}
