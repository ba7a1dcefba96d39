import type { TcpSample } from '../store/labState';

/** The variables the window chart draws, in the order of its legend. */
export const SERIES = ['cwnd', 'ssthresh', 'sndWnd', 'inFlight'] as const;
export type SeriesName = (typeof SERIES)[number];

/** ssthresh before the first loss: "as large as possible" (RFC 5681 3.1), not a number worth a scale. */
export const SSTHRESH_INFINITE = 2147483647;

export interface ChartOptions {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const CHART_DEFAULTS: ChartOptions = { width: 460, height: 220, left: 56, right: 12, top: 12, bottom: 28 };

export interface ChartData {
  /** One SVG path per variable: a step line (a value holds until the next sample); empty when it has no value to draw. */
  paths: Record<SeriesName, string>;
  /** The top of the value axis, in bytes (a round number above the largest value). */
  max: number;
  /** First and last simulated time on the time axis. */
  from: number;
  to: number;
  yTicks: { y: number; value: number }[];
  xTicks: { x: number; time: number }[];
  /** Whether ssthresh was still "infinite" in some samples (those are not drawn). */
  ssthreshInfinite: boolean;
}

/** A round number at or above `v` (1, 2 or 5 times a power of ten), for the top of an axis. */
export function niceCeiling(v: number): number {
  if (v <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * power >= v) return m * power;
  return 10 * power;
}

function value(s: TcpSample, name: SeriesName): number | null {
  const v = s[name];
  if (name === 'ssthresh' && v >= SSTHRESH_INFINITE) return null;
  return v;
}

/**
 * The window chart of one connection: cwnd, ssthresh, the window the peer advertised and the bytes in flight over
 * simulated time, as step lines scaled into the plot area. Samples are the connection's `tcp` messages, oldest
 * first; the last value is drawn on to `until` (the lab's current time) when that is later.
 */
export function chartData(samples: readonly TcpSample[], until: number, options: Partial<ChartOptions> = {}): ChartData {
  const o = { ...CHART_DEFAULTS, ...options };
  const plotW = o.width - o.left - o.right;
  const plotH = o.height - o.top - o.bottom;
  const from = samples.length ? samples[0]!.time : 0;
  let to = samples.length ? Math.max(samples[samples.length - 1]!.time, until) : until;
  if (to <= from) to = from + 1;

  let largest = 0;
  let ssthreshInfinite = false;
  for (const s of samples) {
    for (const name of SERIES) {
      const v = value(s, name);
      if (v === null) ssthreshInfinite = true;
      else if (v > largest) largest = v;
    }
  }
  const max = niceCeiling(largest);
  const x = (t: number) => round(o.left + ((t - from) / (to - from)) * plotW);
  const y = (v: number) => round(o.top + plotH - (v / max) * plotH);

  const paths = {} as Record<SeriesName, string>;
  for (const name of SERIES) {
    let d = '';
    let drawing = false;
    for (let i = 0; i < samples.length; i++) {
      const s = samples[i]!;
      const v = value(s, name);
      if (v === null) {
        drawing = false;
        continue;
      }
      const sx = x(s.time);
      d += drawing ? ` H${sx} V${y(v)}` : `${d ? ' ' : ''}M${sx} ${y(v)}`;
      drawing = true;
      const next = samples[i + 1];
      if (!next || value(next, name) === null) d += ` H${x(next ? next.time : to)}`;
    }
    paths[name] = d;
  }

  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => ({ y: y(max * f), value: max * f }));
  const xTicks = [0, 0.5, 1].map((f) => ({ x: x(from + (to - from) * f), time: Math.round(from + (to - from) * f) }));
  return { paths, max, from, to, yTicks, xTicks, ssthreshInfinite };
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
