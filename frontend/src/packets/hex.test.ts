import { describe, expect, it } from 'vitest';
import { ARP_DETAIL } from '../test-fixtures';
import { asciiOf, bitPattern, fieldIds, hexRows, parseHex } from './hex';

describe('parseHex', () => {
  it('reads two hex digits per byte, either case', () => {
    expect(parseHex('0a1Bff')).toEqual([10, 27, 255]);
  });

  it('stops at the first pair that is not hex', () => {
    expect(parseHex('01zz02')).toEqual([1]);
  });
});

describe('hexRows', () => {
  const frame = parseHex(ARP_DETAIL.hex);

  it('lays the frame out 16 bytes a row with the row offset in hex', () => {
    const rows = hexRows(frame, null);
    expect(rows.map((r) => r.label)).toEqual(['0000', '0010', '0020', '0030']);
    expect(rows[0]!.cells.map((c) => c.hex).join(' ')).toBe('ff ff ff ff ff ff 02 00 00 00 00 01 08 06 00 01');
    expect(rows[3]!.cells).toHaveLength(60 - 48);
  });

  it('marks exactly the bytes of the selected field, in hex and ASCII alike', () => {
    const target = ARP_DETAIL.layers[1]!.fields[1]!; // arp.dst.proto_ipv4, bytes 38..41
    const selected = hexRows(frame, target)
      .flatMap((r) => r.cells)
      .filter((c) => c.selected);
    expect(selected.map((c) => c.offset)).toEqual([38, 39, 40, 41]);
    expect(selected.map((c) => c.hex)).toEqual(['0a', '00', '00', '02']);
  });

  it('shows printable bytes as ASCII and others as a dot', () => {
    expect([0x41, 0x7e, 0x20, 0x1f, 0x7f, 0xff].map(asciiOf).join('')).toBe('A~ ...');
  });
});

describe('fieldIds', () => {
  it('names fields by their Wireshark key and numbers repeats', () => {
    const layers = [
      {
        name: 'Transmission Control Protocol',
        offset: 34,
        length: 32,
        fields: ['tcp.srcport', 'tcp.options.nop', 'tcp.options.nop', 'tcp.options.mss_val', 'tcp.options.nop'].map((key, i) => ({
          key, label: key, value: '', offset: 34 + i, length: 1, bitMask: 0,
        })),
      },
    ];
    expect(fieldIds(layers)).toEqual([['tcp.srcport', 'tcp.options.nop', 'tcp.options.nop-2', 'tcp.options.mss_val', 'tcp.options.nop-3']]);
  });
});

describe('bitPattern', () => {
  it('shows the masked bits of a shared byte as Wireshark does', () => {
    // IPv4 version and header length share byte 14: 0x45
    const bytes = Array(20).fill(0);
    bytes[14] = 0x45;
    expect(bitPattern(bytes, { offset: 14, length: 1, bitMask: 0xf0 })).toBe('0100 ....');
    expect(bitPattern(bytes, { offset: 14, length: 1, bitMask: 0x0f })).toBe('.... 0101');
  });

  it('is null for a field that owns its bytes', () => {
    expect(bitPattern([1, 2], { offset: 0, length: 2, bitMask: 0 })).toBeNull();
  });
});
