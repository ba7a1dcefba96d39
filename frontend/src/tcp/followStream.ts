import type { ApiClient } from '../api/client';
import type { LinkView } from '../api/protocol';
import type { PacketDetail } from '../api/types';
import { parseHex } from '../packets/hex';
import { loadConnectionRows } from './connectionPackets';
import { connectionSegments, type Direction, type Endpoint, type Segment } from './segments';

/** Data segments whose bytes are fetched at most (one request each). */
export const FOLLOW_SEGMENTS_MAX = 300;

/** A run of bytes one side sent, in the order the conversation went. */
export interface StreamChunk {
  dir: Direction;
  /** When its first segment left. */
  time: number;
  text: string;
  bytes: number;
}

export interface FollowedStream {
  chunks: StreamChunk[];
  /** Bytes each way. */
  ab: number;
  ba: number;
  /** Whether some data segments were left out (more than FOLLOW_SEGMENTS_MAX). */
  truncated: boolean;
}

/** The TCP payload of a dissected segment: the `len` bytes after the TCP header. */
export function tcpPayload(detail: PacketDetail, len: number): Uint8Array {
  const tcp = detail.layers.find((l) => l.name === 'Transmission Control Protocol');
  if (!tcp) return new Uint8Array(0);
  const bytes = parseHex(detail.hex);
  const start = tcp.offset + tcp.length;
  return Uint8Array.from(bytes.slice(start, Math.min(bytes.length, start + len)));
}

/** Bytes as a person reads them: UTF-8, with control characters other than line breaks and tabs shown as dots. */
export function readableText(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '.');
}

/**
 * The segments that carry new data, in the order they were sent: each byte once (a retransmission of bytes
 * already seen is left out), as the receiving application got them.
 */
export function dataSegments(segments: readonly Segment[]): Segment[] {
  const next: Partial<Record<Direction, number>> = {};
  const out: Segment[] = [];
  for (const s of [...segments].sort((x, y) => x.sent - y.sent || x.number - y.number)) {
    if (s.header.len === 0) continue;
    const end = s.relSeq + s.header.len;
    const seen = next[s.dir] ?? 0;
    if (end <= seen) continue; // all of it was sent before
    next[s.dir] = end;
    out.push(s);
  }
  return out;
}

/** Joins consecutive payloads of one side into one chunk, as Wireshark's "Follow TCP Stream" shows a conversation. */
export function streamChunks(parts: readonly { segment: Segment; payload: Uint8Array }[]): StreamChunk[] {
  const chunks: { dir: Direction; time: number; data: number[] }[] = [];
  for (const { segment, payload } of parts) {
    const last = chunks[chunks.length - 1];
    if (last && last.dir === segment.dir) last.data.push(...payload);
    else chunks.push({ dir: segment.dir, time: segment.sent, data: [...payload] });
  }
  return chunks.map((c) => ({ dir: c.dir, time: c.time, bytes: c.data.length, text: readableText(Uint8Array.from(c.data)) }));
}

/** Loads the connection's data segments and their bytes, and puts the conversation together. */
export async function followStream(
  api: Pick<ApiClient, 'packets' | 'packet'>,
  instanceId: string,
  a: Endpoint,
  b: Endpoint,
  links: readonly LinkView[],
  signal?: AbortSignal,
): Promise<FollowedStream> {
  const { rows } = await loadConnectionRows(api, instanceId, a, b, signal);
  const all = dataSegments(connectionSegments(rows, a, b, links));
  const wanted = all.slice(0, FOLLOW_SEGMENTS_MAX);
  const parts: { segment: Segment; payload: Uint8Array }[] = [];
  for (const segment of wanted) {
    const detail = await api.packet(instanceId, segment.number, signal);
    parts.push({ segment, payload: tcpPayload(detail, segment.header.len) });
  }
  const chunks = streamChunks(parts);
  const sum = (dir: Direction) => chunks.filter((c) => c.dir === dir).reduce((n, c) => n + c.bytes, 0);
  return { chunks, ab: sum('ab'), ba: sum('ba'), truncated: all.length > wanted.length };
}
