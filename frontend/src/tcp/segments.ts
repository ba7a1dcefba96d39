import type { LinkView, NodeView } from '../api/protocol';
import type { PacketRow } from '../api/types';
import { splitEnd } from '../topology/elements';

/** One end of a TCP connection: its address and port, and the lab node that has the address (null if none). */
export interface Endpoint {
  ip: string;
  port: number;
  node: string | null;
}

/** The TCP header as the packet list's Info column writes it (`38186 → 8888 [SYN, ACK] Seq=… Ack=… Win=… Len=…`). */
export interface TcpHeaderSummary {
  srcPort: number;
  dstPort: number;
  /** As Wireshark names them: `SYN`, `ACK`, `FIN`, `PSH`, `RST`… */
  flags: string[];
  /** Raw sequence numbers. */
  seq: number;
  ack: number | null;
  win: number;
  len: number;
}

const SUMMARY = /^(\d+) → (\d+) \[([^\]]*)\] Seq=(\d+)(?: Ack=(\d+))? Win=(\d+)(?: Urg=\d+)? Len=(\d+)/;

/** Reads a TCP segment's Info column; null when it is not one (or was malformed). */
export function parseTcpSummary(summary: string): TcpHeaderSummary | null {
  const m = SUMMARY.exec(summary);
  if (!m) return null;
  return {
    srcPort: Number(m[1]),
    dstPort: Number(m[2]),
    flags: m[3] === '<None>' || m[3] === '' ? [] : m[3]!.split(', '),
    seq: Number(m[4]),
    ack: m[5] === undefined ? null : Number(m[5]),
    win: Number(m[6]),
    len: Number(m[7]),
  };
}

/** `10.0.0.1:38186` → `{ip, port}`; null for `*:*` and anything else without a port. */
export function parseAddress(text: string): { ip: string; port: number } | null {
  const i = text.lastIndexOf(':');
  if (i <= 0) return null;
  const port = Number(text.slice(i + 1));
  const ip = text.slice(0, i);
  if (!Number.isInteger(port) || port <= 0 || ip === '*' || ip === '0.0.0.0') return null;
  return { ip, port };
}

/** The node that has `ip` on one of its interfaces. */
export function nodeWithAddress(nodes: readonly NodeView[], ip: string): string | null {
  for (const n of nodes) for (const i of n.interfaces) if (i.ip && i.ip.split('/')[0] === ip) return n.id;
  return null;
}

/** Which way a segment goes: from the first endpoint (`a`) to the second, or back. */
export type Direction = 'ab' | 'ba';

/** One TCP segment of a connection, from its sender's interface to its receiver's. */
export interface Segment {
  /** The packet number of its transmission by the sender. */
  number: number;
  dir: Direction;
  header: TcpHeaderSummary;
  /** Simulated ns its first bit left the sender. */
  sent: number;
  /** Simulated ns its last bit reached the receiver; null when it never did (dropped on the way, or not yet). */
  received: number | null;
  /** Relative sequence and acknowledgment numbers (0 at each side's SYN, as Wireshark counts). */
  relSeq: number;
  relAck: number | null;
}

/** The node at the far end of a transmission's link from its sender. */
function receiverOf(row: PacketRow): string {
  const dash = row.link.indexOf('-', row.link.indexOf(':'));
  const [aNode] = splitEnd(row.link.slice(0, dash));
  const [bNode] = splitEnd(row.link.slice(dash + 1));
  return aNode === row.node ? bNode : aNode;
}

/** Simulated ns from a transmission's first bit leaving to its last bit arriving on `link`. */
export function transitTime(length: number, link: LinkView | undefined): number {
  if (!link) return 0;
  const serialization = link.bandwidth > 0 ? Math.round((length * 8 * 1e9) / link.bandwidth) : 0;
  return serialization + link.delay;
}

/**
 * The segments of the connection between `a` and `b`, from the packet list (every transmission on every link):
 * a segment leaves when its sender puts it on its own cable, and arrives when the last hop delivers it to the
 * receiver (that hop's start, plus the frame's serialization and the link's delay). Hops in between (a switch, a
 * router) are left out; a segment that never reached the receiver has `received` null. Retransmissions, which
 * carry the same header, are matched first in, first out.
 */
export function connectionSegments(
  rows: readonly PacketRow[],
  a: Endpoint,
  b: Endpoint,
  links: readonly LinkView[],
): Segment[] {
  const linkByName = new Map(links.map((l) => [l.name, l]));
  const segments: Segment[] = [];
  const waiting: Record<Direction, Map<string, Segment[]>> = { ab: new Map(), ba: new Map() };
  const sorted = [...rows].sort((x, y) => x.number - y.number);
  for (const row of sorted) {
    const header = parseTcpSummary(row.summary);
    if (!header) continue;
    let dir: Direction;
    if (row.source === a.ip && row.destination === b.ip && header.srcPort === a.port && header.dstPort === b.port) dir = 'ab';
    else if (row.source === b.ip && row.destination === a.ip && header.srcPort === b.port && header.dstPort === a.port) dir = 'ba';
    else continue;
    const sender = dir === 'ab' ? a.node : b.node;
    const receiver = dir === 'ab' ? b.node : a.node;
    const queue = waiting[dir];
    if (row.node === sender) {
      const segment: Segment = { number: row.number, dir, header, sent: row.time, received: null, relSeq: 0, relAck: null };
      segments.push(segment);
      const list = queue.get(row.summary) ?? [];
      list.push(segment);
      queue.set(row.summary, list);
    }
    if (receiverOf(row) === receiver) {
      const list = queue.get(row.summary);
      const segment = list?.shift();
      if (segment) segment.received = row.time + transitTime(row.length, linkByName.get(row.link));
    }
  }
  numberRelatively(segments);
  return segments;
}

/** Relative numbers: each direction counts from its SYN's sequence number (or its first segment's, if no SYN was seen). */
function numberRelatively(segments: Segment[]): void {
  const base: Partial<Record<Direction, number>> = {};
  for (const s of segments) if (s.header.flags.includes('SYN') && base[s.dir] === undefined) base[s.dir] = s.header.seq;
  for (const s of segments) if (base[s.dir] === undefined) base[s.dir] = s.header.seq;
  for (const s of segments) {
    const other: Direction = s.dir === 'ab' ? 'ba' : 'ab';
    s.relSeq = (s.header.seq - base[s.dir]!) >>> 0;
    s.relAck = s.header.ack === null ? null : base[other] === undefined ? s.header.ack : (s.header.ack - base[other]!) >>> 0;
  }
}

/** What an arrow of the ladder says: `[SYN, ACK] seq=0 ack=1 win=65535 len=0`. */
export function segmentLabel(s: Segment): string {
  const parts = [`[${s.header.flags.join(', ')}]`, `seq=${s.relSeq}`];
  if (s.relAck !== null) parts.push(`ack=${s.relAck}`);
  parts.push(`win=${s.header.win}`, `len=${s.header.len}`);
  return parts.join(' ');
}
