import { describe, expect, it } from 'vitest';
import type { PacketRow } from '../api/types';
import { tcpLabSnapshot } from '../test-fixtures';
import { layoutLadder, typicalTransit } from './ladderLayout';
import { connectionSegments, parseAddress, parseTcpSummary, segmentLabel, transitTime, type Endpoint, type Segment } from './segments';

const LINKS = tcpLabSnapshot().links;
const PC1: Endpoint = { ip: '10.0.0.1', port: 38186, node: 'pc1' };
const SRV: Endpoint = { ip: '10.0.0.2', port: 8888, node: 'srv' };
/** One 60-byte frame across one 100 Mbit/s, 1 ms cable: 4.8 µs on the wire and 1 ms of propagation. */
const HOP = 1_004_800;

function row(number: number, time: number, node: string, link: string, up: boolean, summary: string, length = 60): PacketRow {
  return {
    number, time, node, device: node === 'sw1' ? 'p?' : 'eth0', link, protocol: 'TCP',
    source: up ? '10.0.0.1' : '10.0.0.2', destination: up ? '10.0.0.2' : '10.0.0.1', length, summary,
  };
}

const PC1_LINK = 'pc1:eth0-sw1:p1';
const SRV_LINK = 'srv:eth0-sw1:p2';
const SYN = '38186 → 8888 [SYN] Seq=1804289383 Win=65535 Len=0 MSS=1460';
const SYN_ACK = '8888 → 38186 [SYN, ACK] Seq=846930886 Ack=1804289384 Win=65535 Len=0 MSS=1460';
const ACK = '38186 → 8888 [ACK] Seq=1804289384 Ack=846930887 Win=65535 Len=0';

/** The handshake of the TCP lab: each segment crosses pc1's cable and srv's, through sw1. */
const HANDSHAKE: PacketRow[] = [
  row(5, 2_011_200, 'pc1', PC1_LINK, true, SYN),
  row(6, 2_011_200 + HOP, 'sw1', SRV_LINK, true, SYN),
  row(7, 2_011_200 + 2 * HOP, 'srv', SRV_LINK, false, SYN_ACK),
  row(8, 2_011_200 + 3 * HOP, 'sw1', PC1_LINK, false, SYN_ACK),
  row(9, 2_011_200 + 4 * HOP, 'pc1', PC1_LINK, true, ACK),
  row(10, 2_011_200 + 5 * HOP, 'sw1', SRV_LINK, true, ACK),
];

describe('reading segments from the packet list', () => {
  it('reads the Info column of a TCP segment', () => {
    expect(parseTcpSummary(SYN_ACK)).toEqual({
      srcPort: 8888, dstPort: 38186, flags: ['SYN', 'ACK'], seq: 846930886, ack: 1804289384, win: 65535, len: 0,
    });
    expect(parseTcpSummary('Echo (ping) request  id=0x0940, seq=1, ttl=64')).toBeNull();
  });

  it('reads a socket address and refuses a wildcard', () => {
    expect(parseAddress('10.0.0.2:8888')).toEqual({ ip: '10.0.0.2', port: 8888 });
    expect(parseAddress('*:*')).toBeNull();
  });

  it('a hop takes the frame serialization plus the propagation delay', () => {
    expect(transitTime(60, LINKS[0])).toBe(HOP);
  });

  it('each segment leaves its sender and arrives when the last hop delivers it, numbered from each SYN', () => {
    const segments = connectionSegments(HANDSHAKE, PC1, SRV, LINKS);
    expect(segments.map((s) => [s.number, s.dir, s.sent, s.received, s.relSeq, s.relAck])).toEqual([
      [5, 'ab', 2_011_200, 2_011_200 + 2 * HOP, 0, null],
      [7, 'ba', 2_011_200 + 2 * HOP, 2_011_200 + 4 * HOP, 0, 1],
      [9, 'ab', 2_011_200 + 4 * HOP, 2_011_200 + 6 * HOP, 1, 1],
    ]);
    expect(segments.map(segmentLabel)).toEqual([
      '[SYN] seq=0 win=65535 len=0',
      '[SYN, ACK] seq=0 ack=1 win=65535 len=0',
      '[ACK] seq=1 ack=1 win=65535 len=0',
    ]);
  });

  it('a segment lost after the switch never arrives, and its retransmission is matched on its own', () => {
    const rows = [
      row(5, 0, 'pc1', PC1_LINK, true, SYN),
      // sw1 forwards it, and srv's cable loses it: no row delivers it to srv
      row(6, 1_000_000_000, 'pc1', PC1_LINK, true, SYN),
      row(7, 1_000_000_000 + HOP, 'sw1', SRV_LINK, true, SYN),
    ];
    const segments = connectionSegments(rows, PC1, SRV, LINKS);
    expect(segments.map((s) => [s.number, s.received])).toEqual([
      [5, 1_000_000_000 + 2 * HOP],
      [6, null],
    ]);
  });

  it('leaves out other connections between the same hosts', () => {
    const other = row(11, 9_000_000, 'pc1', PC1_LINK, true, '38190 → 8888 [SYN] Seq=5 Win=65535 Len=0');
    expect(connectionSegments([...HANDSHAKE, other], PC1, SRV, LINKS)).toHaveLength(3);
  });
});

function segment(over: Partial<Segment> & Pick<Segment, 'number' | 'dir' | 'sent' | 'received'>): Segment {
  return { header: { srcPort: 1, dstPort: 2, flags: ['ACK'], seq: 0, ack: 0, win: 100, len: 0 }, relSeq: 0, relAck: 0, ...over };
}

describe('laying out the ladder', () => {
  const options = { width: 400, top: 30, laneInset: 50, transitPx: 40, minStepPx: 10, breakAfterTransits: 5, breakPx: 20, bottom: 10 };

  it('puts the first endpoint on the left lane and draws each arrow from its sender to its receiver', () => {
    const layout = layoutLadder(connectionSegments(HANDSHAKE, PC1, SRV, LINKS), options);
    expect([layout.laneA, layout.laneB]).toEqual([50, 350]);
    expect(layout.arrows.map((a) => [a.number, a.x1, a.x2, a.kind])).toEqual([
      [5, 50, 350, 'syn'],
      [7, 350, 50, 'syn'],
      [9, 50, 350, 'ack'],
    ]);
  });

  it('a one-way trip of the usual length is transitPx tall, and the next segment starts where the last arrived', () => {
    const layout = layoutLadder(connectionSegments(HANDSHAKE, PC1, SRV, LINKS), options);
    expect(layout.arrows.map((a) => [a.y1, a.y2])).toEqual([
      [30, 70],
      [70, 110],
      [110, 150],
    ]);
    expect(layout.height).toBe(160);
  });

  it('keeps moments apart by at least minStepPx (whole pixels), and keeps them in time order', () => {
    const transit = 1_000_000;
    const layout = layoutLadder(
      [
        segment({ number: 1, dir: 'ab', sent: 0, received: transit }),
        segment({ number: 2, dir: 'ab', sent: 1_000, received: transit + 1_000 }),
      ],
      options,
    );
    // 1 µs apart is less than a pixel: the second segment is drawn minStepPx lower, and so is its arrival
    expect(layout.arrows.map((a) => [a.y1, a.y2])).toEqual([
      [30, 80],
      [40, 90],
    ]);
  });

  it('cuts a quiet stretch short and says how long it was', () => {
    const transit = 1_000_000;
    const layout = layoutLadder(
      [
        segment({ number: 1, dir: 'ab', sent: 0, received: transit }),
        segment({ number: 2, dir: 'ba', sent: 60 * 1e9, received: 60 * 1e9 + transit }),
      ],
      options,
    );
    expect(layout.breaks).toEqual([{ y: 80, ns: 60 * 1e9 - transit }]);
    expect(layout.arrows[1]).toMatchObject({ y1: 90, y2: 130 });
  });

  it('draws a segment that never arrived stopping halfway, half a trip down', () => {
    const layout = layoutLadder([segment({ number: 1, dir: 'ba', sent: 0, received: null })], options);
    expect(layout.arrows[0]).toMatchObject({ x1: 350, x2: 200, y1: 30, y2: 50, lost: true });
  });

  it('the usual trip is the median of those that arrived', () => {
    expect(
      typicalTransit([
        segment({ number: 1, dir: 'ab', sent: 0, received: 3 }),
        segment({ number: 2, dir: 'ab', sent: 0, received: 1 }),
        segment({ number: 3, dir: 'ab', sent: 0, received: 2 }),
        segment({ number: 4, dir: 'ab', sent: 0, received: null }),
      ]),
    ).toBe(2);
  });

  it('writes the time beside each send that has room for it', () => {
    const layout = layoutLadder(connectionSegments(HANDSHAKE, PC1, SRV, LINKS), options);
    expect(layout.ticks).toEqual([
      { y: 30, time: 2_011_200 },
      { y: 70, time: 2_011_200 + 2 * HOP },
      { y: 110, time: 2_011_200 + 4 * HOP },
    ]);
  });
});
