import type { Editing } from '../api/protocol';

// What a terminal writes into xterm.js: the node's output and the server's echoes of the line being typed
// (docs/protocol.md, `echo`). The server's line discipline edits the line; this only draws what it says, and draws
// the line a snapshot hands over the way the server's own screen (runtime/TerminalScreen.java) would have.

const CSI = '\x1b[';

/** A node's output as a terminal shows it: each line feed also returns the carriage. */
export function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/**
 * Columns a character takes, as the server counts them: none for controls and combining marks, two for East Asian
 * wide characters (Hangul, CJK, full-width forms: UAX #11's W and F), one for the rest. xterm.js counts the same.
 */
export function charWidth(c: number): number {
  if (c < 0x20 || (c >= 0x7f && c < 0xa0)) return 0;
  if (/\p{Mn}|\p{Me}|\p{Cf}/u.test(String.fromCodePoint(c))) return 0;
  const wide =
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x1f300 && c <= 0x1f64f) ||
    (c >= 0x1f900 && c <= 0x1f9ff) ||
    (c >= 0x20000 && c <= 0x3fffd);
  return wide ? 2 : 1;
}

/** Columns a text without control sequences takes. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/** The column where `written` leaves the cursor, counting past the width when its last row wrapped. */
function printedColumns(written: string): number {
  // eslint-disable-next-line no-control-regex
  const plain = written.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
  const lineStart = Math.max(plain.lastIndexOf('\n'), plain.lastIndexOf('\r')) + 1;
  return textWidth(plain.slice(lineStart));
}

/**
 * The xterm data that draws `editing` after `written` (what the terminal showed before it) on a screen `cols`
 * wide, with the cursor before code point `editing.cursor` of the line: the same as the server's screen draws it,
 * so that the `echo` messages that follow, which move relative to where the line starts, land right.
 */
export function drawEditing(written: string, editing: Editing, cols: number): string {
  const columns = Math.max(1, cols);
  const text = editing.prompt + editing.line;
  if (text === '') return '';
  const cursorColumns = textWidth(editing.prompt) + textWidth([...editing.line].slice(0, editing.cursor).join(''));
  let out = '';
  let printed = printedColumns(written);
  if (printed > 0 && printed % columns === 0) {
    // the printed text filled its last row exactly: the terminal waits to wrap; start on the next row
    out += ' \r';
    printed = 0;
  }
  const start = printed % columns;
  out += text;
  const end = start + textWidth(text);
  const endRow = Math.floor(end / columns);
  if (end > 0 && end % columns === 0) out += ' \r';
  const at = start + cursorColumns;
  const up = endRow - Math.floor(at / columns);
  if (up > 0) out += `${CSI}${up}A`;
  if (at !== end) {
    out += '\r';
    if (at % columns > 0) out += `${CSI}${at % columns}C`;
  }
  return out;
}
