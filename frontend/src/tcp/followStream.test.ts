import { describe, expect, it } from 'vitest';
import type { PacketDetail } from '../api/types';
import { dataSegments, readableText, streamChunks, tcpPayload } from './followStream';
import type { Segment } from './segments';

function seg(number: number, dir: Segment['dir'], sent: number, relSeq: number, len: number): Segment {
  return {
    number, dir, sent, received: sent + 10, relSeq, relAck: 1,
    header: { srcPort: 1, dstPort: 2, flags: len ? ['PSH', 'ACK'] : ['ACK'], seq: relSeq, ack: 1, win: 65535, len },
  };
}

const bytesOf = (s: string) => new TextEncoder().encode(s);

describe('follow TCP stream', () => {
  it('takes the bytes after the TCP header, as many as the segment carries', () => {
    const detail = {
      layers: [
        { name: 'Ethernet II', offset: 0, length: 14, fields: [] },
        { name: 'Internet Protocol Version 4', offset: 14, length: 20, fields: [] },
        { name: 'Transmission Control Protocol', offset: 34, length: 20, fields: [] },
      ],
      // 54 header bytes, "hello\n", then Ethernet padding that is not data
      hex: '00'.repeat(54) + '68656c6c6f0a' + '0000',
    } as unknown as PacketDetail;
    expect(new TextDecoder().decode(tcpPayload(detail, 6))).toBe('hello\n');
  });

  it('keeps each byte once: a retransmission of bytes already sent is left out, and bare ACKs too', () => {
    const segments = [seg(1, 'ba', 10, 1, 6), seg(2, 'ab', 20, 1, 0), seg(3, 'ba', 1000, 1, 6), seg(4, 'ab', 1100, 1, 4)];
    expect(dataSegments(segments).map((s) => s.number)).toEqual([1, 4]);
  });

  it('joins what one side sent in a row into one chunk, in the order of the conversation', () => {
    const chunks = streamChunks([
      { segment: seg(1, 'ab', 10, 1, 4), payload: bytesOf('GET ') },
      { segment: seg(2, 'ab', 20, 5, 2), payload: bytesOf('/\n') },
      { segment: seg(3, 'ba', 30, 1, 3), payload: bytesOf('ok\n') },
    ]);
    expect(chunks).toEqual([
      { dir: 'ab', time: 10, bytes: 6, text: 'GET /\n' },
      { dir: 'ba', time: 30, bytes: 3, text: 'ok\n' },
    ]);
  });

  it('shows control bytes as dots and keeps line breaks, tabs and UTF-8 text', () => {
    expect(readableText(Uint8Array.from([0x00, 0x41, 0x09, 0x0a, 0x1b, ...bytesOf('한')]))).toBe('.A\t\n.한');
  });
});
