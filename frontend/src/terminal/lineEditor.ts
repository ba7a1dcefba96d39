// The line a learner is typing at a node's terminal. The node's shell takes whole lines (protocol: `line`), so the
// browser edits the line itself, as readline would: cursor keys, history, Ctrl-A/E/U/K/W, and Ctrl-C/Ctrl-D, which
// go to the node as `interrupt` and `eof`.

export type EditorEvent =
  | { type: 'submit'; line: string }
  | { type: 'interrupt' }
  | { type: 'eof' }
  | { type: 'clear-screen' };

export const HISTORY_KEEP = 200;

export class LineEditor {
  buffer = '';
  /** Cursor position within `buffer`, 0 … buffer.length. */
  cursor = 0;
  private readonly history: string[] = [];
  /** Index into history while browsing it with ↑/↓; history.length when editing a new line. */
  private browsing = 0;
  /** The new line being typed before ↑ was pressed, restored by ↓ past the newest entry. */
  private draft = '';

  /** Takes what the terminal sent (keys, escape sequences, pasted text) and returns what it asks of the node. */
  input(data: string): EditorEvent[] {
    const events: EditorEvent[] = [];
    let i = 0;
    while (i < data.length) {
      const rest = data.slice(i);
      const seq = ESCAPES.find(([s]) => rest.startsWith(s));
      if (seq) {
        this.escape(seq[1]);
        i += seq[0].length;
        continue;
      }
      const c = data[i]!;
      i++;
      switch (c) {
        case '\r':
        case '\n':
          if (c === '\n' && data[i - 2] === '\r') break; // \r\n from a paste is one line end
          events.push(this.submit());
          break;
        case '\x7f':
        case '\b':
          this.backspace();
          break;
        case '\x03':
          this.setLine('');
          events.push({ type: 'interrupt' });
          break;
        case '\x04':
          if (this.buffer === '') events.push({ type: 'eof' });
          else this.deleteForward();
          break;
        case '\x01':
          this.cursor = 0;
          break;
        case '\x05':
          this.cursor = this.buffer.length;
          break;
        case '\x02':
          this.cursor = Math.max(0, this.cursor - 1);
          break;
        case '\x06':
          this.cursor = Math.min(this.buffer.length, this.cursor + 1);
          break;
        case '\x15':
          this.buffer = this.buffer.slice(this.cursor);
          this.cursor = 0;
          break;
        case '\x0b':
          this.buffer = this.buffer.slice(0, this.cursor);
          break;
        case '\x17':
          this.deleteWordBack();
          break;
        case '\x0c':
          events.push({ type: 'clear-screen' });
          break;
        case '\t':
          this.insert(' '); // no completion yet: a tab separates words as a space does
          break;
        case '\x1b':
          break; // an escape sequence this editor does not know: ignore its introducer
        default:
          if (c >= ' ') this.insert(c);
      }
    }
    return events;
  }

  private escape(action: EscapeAction): void {
    switch (action) {
      case 'up':
        this.browse(-1);
        break;
      case 'down':
        this.browse(1);
        break;
      case 'left':
        this.cursor = Math.max(0, this.cursor - 1);
        break;
      case 'right':
        this.cursor = Math.min(this.buffer.length, this.cursor + 1);
        break;
      case 'home':
        this.cursor = 0;
        break;
      case 'end':
        this.cursor = this.buffer.length;
        break;
      case 'delete':
        this.deleteForward();
        break;
      case 'word-left':
        this.cursor = wordStartBefore(this.buffer, this.cursor);
        break;
      case 'word-right':
        this.cursor = wordEndAfter(this.buffer, this.cursor);
        break;
    }
  }

  private submit(): EditorEvent {
    const line = this.buffer;
    if (line.trim() !== '' && this.history[this.history.length - 1] !== line) {
      this.history.push(line);
      if (this.history.length > HISTORY_KEEP) this.history.shift();
    }
    this.browsing = this.history.length;
    this.draft = '';
    this.setLine('');
    return { type: 'submit', line };
  }

  private browse(step: number): void {
    const next = this.browsing + step;
    if (next < 0 || next > this.history.length) return;
    if (this.browsing === this.history.length) this.draft = this.buffer;
    this.browsing = next;
    this.setLine(next === this.history.length ? this.draft : this.history[next]!);
  }

  private setLine(line: string): void {
    this.buffer = line;
    this.cursor = line.length;
  }

  private insert(text: string): void {
    this.buffer = this.buffer.slice(0, this.cursor) + text + this.buffer.slice(this.cursor);
    this.cursor += text.length;
  }

  private backspace(): void {
    if (this.cursor === 0) return;
    this.buffer = this.buffer.slice(0, this.cursor - 1) + this.buffer.slice(this.cursor);
    this.cursor--;
  }

  private deleteForward(): void {
    this.buffer = this.buffer.slice(0, this.cursor) + this.buffer.slice(this.cursor + 1);
  }

  private deleteWordBack(): void {
    const start = wordStartBefore(this.buffer, this.cursor);
    this.buffer = this.buffer.slice(0, start) + this.buffer.slice(this.cursor);
    this.cursor = start;
  }
}

type EscapeAction = 'up' | 'down' | 'left' | 'right' | 'home' | 'end' | 'delete' | 'word-left' | 'word-right';

/** Escape sequences xterm sends for editing keys, longest first so a prefix never wins. */
const ESCAPES: [string, EscapeAction][] = [
  ['\x1b[1;5D', 'word-left'],
  ['\x1b[1;5C', 'word-right'],
  ['\x1b[3~', 'delete'],
  ['\x1b[1~', 'home'],
  ['\x1b[4~', 'end'],
  ['\x1b[A', 'up'],
  ['\x1b[B', 'down'],
  ['\x1b[C', 'right'],
  ['\x1b[D', 'left'],
  ['\x1b[H', 'home'],
  ['\x1b[F', 'end'],
  ['\x1bOA', 'up'],
  ['\x1bOB', 'down'],
  ['\x1bOC', 'right'],
  ['\x1bOD', 'left'],
  ['\x1bOH', 'home'],
  ['\x1bOF', 'end'],
  ['\x1bb', 'word-left'],
  ['\x1bf', 'word-right'],
];

function wordStartBefore(text: string, at: number): number {
  let i = at;
  while (i > 0 && text[i - 1] === ' ') i--;
  while (i > 0 && text[i - 1] !== ' ') i--;
  return i;
}

function wordEndAfter(text: string, at: number): number {
  let i = at;
  while (i < text.length && text[i] === ' ') i++;
  while (i < text.length && text[i] !== ' ') i++;
  return i;
}
