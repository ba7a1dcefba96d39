// The hex/ASCII view of a frame: rows of 16 bytes, each byte marked when it belongs to the selected field.

import type { DissectedField, DissectedLayer } from '../api/types';

export const BYTES_PER_ROW = 16;

/** A byte range of the frame, as a dissected field or layer gives it. */
export interface ByteRange {
  offset: number;
  length: number;
  /** Non-zero when only some bits of the bytes belong to the field. */
  bitMask?: number;
}

/** `"0a1B"` → `[10, 27]`; anything that is not a pair of hex digits ends the frame there. */
export function parseHex(hex: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const b = Number.parseInt(hex.slice(i, i + 2), 16);
    if (Number.isNaN(b)) break;
    bytes.push(b);
  }
  return bytes;
}

export interface HexCell {
  offset: number;
  hex: string;
  ascii: string;
  selected: boolean;
}

export interface HexRow {
  /** Offset of the row's first byte, as four hex digits: `0010`. */
  label: string;
  cells: HexCell[];
}

/** A printable ASCII byte as itself, anything else as a dot (as Wireshark and `xxd` do). */
export function asciiOf(byte: number): string {
  return byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.';
}

export function inRange(offset: number, range: ByteRange | null): boolean {
  return range !== null && offset >= range.offset && offset < range.offset + range.length;
}

export function hexRows(bytes: readonly number[], selected: ByteRange | null): HexRow[] {
  const rows: HexRow[] = [];
  for (let start = 0; start < bytes.length; start += BYTES_PER_ROW) {
    const cells: HexCell[] = [];
    for (let offset = start; offset < Math.min(start + BYTES_PER_ROW, bytes.length); offset++) {
      const b = bytes[offset]!;
      cells.push({ offset, hex: b.toString(16).padStart(2, '0'), ascii: asciiOf(b), selected: inRange(offset, selected) });
    }
    rows.push({ label: start.toString(16).padStart(4, '0'), cells });
  }
  return rows;
}

/**
 * A stable test id suffix for each field of a dissection: its Wireshark key, with `-2`, `-3`… for keys that occur
 * again (a TCP header has several `tcp.options.nop`).
 */
export function fieldIds(layers: readonly DissectedLayer[]): string[][] {
  const seen = new Map<string, number>();
  return layers.map((layer) =>
    layer.fields.map((field: DissectedField) => {
      const n = (seen.get(field.key) ?? 0) + 1;
      seen.set(field.key, n);
      return n === 1 ? field.key : `${field.key}-${n}`;
    }),
  );
}

/** The bits of a masked field as Wireshark shows them: `.... 0101` for a 0x0f mask over one byte. */
export function bitPattern(bytes: readonly number[], field: ByteRange): string | null {
  if (!field.bitMask) return null;
  let value = 0;
  for (let i = 0; i < field.length; i++) value = value * 256 + (bytes[field.offset + i] ?? 0);
  const width = field.length * 8;
  let out = '';
  for (let bit = width - 1; bit >= 0; bit--) {
    const inMask = Math.floor(field.bitMask / 2 ** bit) % 2 === 1;
    out += inMask ? String(Math.floor(value / 2 ** bit) % 2) : '.';
    if (bit % 4 === 0 && bit !== 0) out += ' ';
  }
  return out;
}
