import { segmentLabel, type Segment } from './segments';

/** How a ladder is drawn: its width, where the lanes are, how tall a one-way trip and a quiet stretch are. */
export interface LadderOptions {
  width: number;
  /** Space above the first event (for the lane headings). */
  top: number;
  /** Distance of each lane from its side. */
  laneInset: number;
  /** Height of the most common one-way trip, so that the slope of an arrow shows its delay. */
  transitPx: number;
  /** Least height between two different moments, so labels do not sit on each other. */
  minStepPx: number;
  /** A quiet stretch longer than this many one-way trips is cut short and marked with its length. */
  breakAfterTransits: number;
  /** Height of a cut stretch. */
  breakPx: number;
  bottom: number;
}

export const LADDER_DEFAULTS: LadderOptions = {
  width: 460,
  top: 36,
  laneInset: 70,
  transitPx: 44,
  minStepPx: 18,
  breakAfterTransits: 6,
  breakPx: 30,
  bottom: 24,
};

export interface LadderArrow {
  /** The segment's packet number (its transmission by the sender). */
  number: number;
  dir: Segment['dir'];
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Never reached the receiver: drawn stopping halfway, with a cross. */
  lost: boolean;
  label: string;
  /** For the colour: a SYN, a FIN, a RST, data, or a bare ACK. */
  kind: 'syn' | 'fin' | 'rst' | 'data' | 'ack';
}

/** A quiet stretch that was cut short, at height `y`, lasting `ns`. */
export interface LadderBreak {
  y: number;
  ns: number;
}

/** A moment written beside the left lane. */
export interface LadderTick {
  y: number;
  time: number;
}

export interface LadderLayout {
  width: number;
  height: number;
  laneA: number;
  laneB: number;
  arrows: LadderArrow[];
  breaks: LadderBreak[];
  ticks: LadderTick[];
}

/** The one-way trip most segments took (the median), or 1 ms when none arrived. */
export function typicalTransit(segments: readonly Segment[]): number {
  const trips = segments.filter((s) => s.received !== null).map((s) => s.received! - s.sent).filter((d) => d > 0).sort((x, y) => x - y);
  return trips.length ? trips[Math.floor(trips.length / 2)]! : 1_000_000;
}

/**
 * Where everything of a ladder (sequence) diagram goes. Time runs downwards; between two moments the height is
 * proportional to the time between them (a typical one-way trip is `transitPx` tall, so a slower path slopes
 * more), at least `minStepPx`, and a quiet stretch of more than `breakAfterTransits` trips (a TIME_WAIT, a
 * retransmission timeout) is cut to `breakPx` and marked, so a whole connection fits.
 */
export function layoutLadder(segments: readonly Segment[], options: Partial<LadderOptions> = {}): LadderLayout {
  const o = { ...LADDER_DEFAULTS, ...options };
  const laneA = o.laneInset;
  const laneB = o.width - o.laneInset;
  const transit = typicalTransit(segments);
  const pxPerNs = o.transitPx / transit;
  const breakAfter = transit * o.breakAfterTransits;

  const moments = new Set<number>();
  for (const s of segments) {
    moments.add(s.sent);
    if (s.received !== null) moments.add(s.received);
  }
  const times = [...moments].sort((x, y) => x - y);
  const yOf = new Map<number, number>();
  const breaks: LadderBreak[] = [];
  let y = o.top;
  for (let i = 0; i < times.length; i++) {
    if (i > 0) {
      const gap = times[i]! - times[i - 1]!;
      if (gap > breakAfter) {
        breaks.push({ y: y + o.breakPx / 2, ns: gap });
        y += o.breakPx;
      } else {
        y += Math.max(o.minStepPx, Math.round(gap * pxPerNs));
      }
    }
    yOf.set(times[i]!, y);
  }

  const arrows: LadderArrow[] = segments.map((s) => {
    const fromA = s.dir === 'ab';
    const x1 = fromA ? laneA : laneB;
    const x2full = fromA ? laneB : laneA;
    const y1 = yOf.get(s.sent)!;
    const lost = s.received === null;
    const x2 = lost ? x1 + (x2full - x1) / 2 : x2full;
    const y2 = lost ? y1 + o.transitPx / 2 : yOf.get(s.received!)!;
    return { number: s.number, dir: s.dir, x1, y1, x2, y2, lost, label: segmentLabel(s), kind: kindOf(s) };
  });

  const ticks: LadderTick[] = [];
  let lastTickY = -Infinity;
  for (const s of segments) {
    const ty = yOf.get(s.sent)!;
    if (ty - lastTickY >= o.minStepPx) {
      ticks.push({ y: ty, time: s.sent });
      lastTickY = ty;
    }
  }

  const lowest = Math.max(y, ...arrows.map((a) => a.y2));
  return { width: o.width, height: Math.ceil(lowest + o.bottom), laneA, laneB, arrows, breaks, ticks };
}

function kindOf(s: Segment): LadderArrow['kind'] {
  const f = s.header.flags;
  if (f.includes('RST')) return 'rst';
  if (f.includes('SYN')) return 'syn';
  if (f.includes('FIN')) return 'fin';
  if (s.header.len > 0) return 'data';
  return 'ack';
}
