import type { LineEditor } from './lineEditor';

/** Where typing happens: drawn before the line being edited, dimmed, when the node's output is at a line start. */
export const INPUT_MARK = '› ';
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

/**
 * What the terminal shows, as escape sequences for xterm: the node's output, with the line being edited kept
 * below it. Output that arrives while a line is being typed is written above it, and the line is drawn again,
 * as readline does when a background job prints.
 */
export class TerminalScreen {
  /** The node's output after its last newline: the edit line continues it. */
  private partial = '';
  /** Row of the cursor within the edit line as last drawn (the edit line may wrap). */
  private cursorRow = 0;

  constructor(
    private readonly write: (data: string) => void,
    private readonly columns: () => number,
  ) {}

  /** Starts over, e.g. after `reset()` of the terminal: nothing drawn. */
  reset(): void {
    this.partial = '';
    this.cursorRow = 0;
  }

  /** Writes output of the node and redraws the edit line after it. */
  output(text: string, editor: LineEditor): void {
    if (text === '') return;
    const lastNewline = text.lastIndexOf('\n');
    const before = this.partial;
    this.partial = lastNewline >= 0 ? text.slice(lastNewline + 1) : this.partial + text;
    // erase the edit line (and the partial output it continues), then write the output whole
    this.write(this.erase() + toCrlf(before + text) + this.editLine(editor));
  }

  /**
   * Draws the edit line again after the editor changed. After Enter the submitted text simply disappears: the
   * node echoes it (the shell prints the prompt and the command line; a program's input is echoed as a tty does).
   */
  redraw(editor: LineEditor): void {
    this.write(this.erase() + toCrlf(this.partial) + this.editLine(editor));
  }

  private erase(): string {
    const up = this.cursorRow > 0 ? `\x1b[${this.cursorRow}A` : '';
    this.cursorRow = 0;
    return `${up}\r\x1b[J`;
  }

  /** The edit line's text after the partial output, with the cursor put where the editor has it. */
  private editLine(editor: LineEditor): string {
    const mark = this.partial === '' ? INPUT_MARK : '';
    const cols = Math.max(1, this.columns());
    const startCol = visibleLength(this.partial);
    const before = startCol + mark.length + editor.cursor;
    const total = startCol + mark.length + editor.buffer.length;
    const styledMark = mark ? DIM + mark + RESET : '';
    let out = styledMark + editor.buffer;
    // after writing, xterm's cursor is at `total` (in the pending-wrap state when that ends a row)
    const endRow = total > 0 && total % cols === 0 ? total / cols - 1 : Math.floor(total / cols);
    const row = Math.floor(before / cols);
    const col = before % cols;
    if (row < endRow) out += `\x1b[${endRow - row}A`;
    out += `\x1b[${col + 1}G`;
    this.cursorRow = row;
    return out;
  }
}

function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** Length on screen: escape sequences take no room. */
function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').length;
}
