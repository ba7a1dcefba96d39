import type { LinkView } from '../api/protocol';

// Link values the way a lab file writes them (docs/lab-format.md, "Units"): the snapshot gives base units, an
// edit takes the lab file's words.

/** Bits per second as the largest unit that writes it whole: `100Mbps`, `64kbps`, `1Gbps`, `9600bps`. */
export function formatBandwidth(bps: number): string {
  for (const [unit, size] of [
    ['Gbps', 1e9],
    ['Mbps', 1e6],
    ['kbps', 1e3],
  ] as const) {
    if (bps >= size && bps % size === 0) return `${bps / size}${unit}`;
  }
  return `${bps}bps`;
}

/** Nanoseconds as the largest unit that writes them whole: `1ms`, `20ms`, `1.5s` is `1500ms`, `10us`, `0s`. */
export function formatDuration(ns: number): string {
  if (ns === 0) return '0s';
  for (const [unit, size] of [
    ['s', 1e9],
    ['ms', 1e6],
    ['us', 1e3],
  ] as const) {
    if (ns % size === 0) return `${ns / size}${unit}`;
  }
  return `${ns}ns`;
}

/** The keys of a link that the properties panel edits, as text fields hold them. */
export interface LinkFields {
  bandwidth: string;
  delay: string;
  jitter: string;
  loss: string;
  mtu: string;
  queue: string;
  up: boolean;
}

export function linkFields(link: LinkView): LinkFields {
  return {
    bandwidth: formatBandwidth(link.bandwidth),
    delay: formatDuration(link.delay),
    jitter: formatDuration(link.jitter),
    loss: String(link.loss),
    mtu: String(link.mtu),
    queue: String(link.queue),
    up: link.up,
  };
}

/**
 * What a PATCH of the link sends: only the keys that changed, in lab-file form (numbers as numbers when they read
 * as numbers, so the server's own message explains anything else).
 */
export function linkChanges(before: LinkFields, after: LinkFields): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  for (const key of ['bandwidth', 'delay', 'jitter'] as const) if (after[key].trim() !== before[key]) set[key] = after[key].trim();
  for (const key of ['loss', 'mtu', 'queue'] as const) {
    const text = after[key].trim();
    if (text !== before[key]) set[key] = text !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
  }
  if (after.up !== before.up) set.up = after.up;
  return set;
}

/** The cable as a lab file writes it, ends with their interfaces, to plug it in again exactly as it was. */
export function linkSpec(link: LinkView): Record<string, unknown> {
  return {
    a: link.a,
    b: link.b,
    bandwidth: formatBandwidth(link.bandwidth),
    delay: formatDuration(link.delay),
    jitter: formatDuration(link.jitter),
    loss: link.loss,
    mtu: link.mtu,
    queue: link.queue,
    up: link.up,
  };
}
