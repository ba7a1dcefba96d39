import { describe, expect, it } from 'vitest';
import { LineEditor } from './lineEditor';
import { TerminalScreen } from './terminalScreen';

function screen(cols = 80) {
  const out: string[] = [];
  return { s: new TerminalScreen((d) => out.push(d), () => cols), out };
}

describe('TerminalScreen', () => {
  it('writes output with CRLF line ends, then the input mark on the new line', () => {
    const { s, out } = screen();
    s.output('$ ping -c 1 srv\nPING srv\n', new LineEditor());
    expect(out).toEqual(['\r\x1b[J$ ping -c 1 srv\r\nPING srv\r\n\x1b[2m› \x1b[0m\x1b[3G']);
  });

  it('puts output that arrives mid-typing above the line being typed, and redraws it', () => {
    const { s, out } = screen();
    const e = new LineEditor();
    e.input('nc s');
    s.redraw(e);
    s.output('hello\n', e);
    expect(out[1]).toBe('\r\x1b[Jhello\r\n\x1b[2m› \x1b[0mnc s\x1b[7G');
  });

  it('continues output that did not end its line, without the input mark', () => {
    const { s, out } = screen();
    const e = new LineEditor();
    s.output('Password: ', e);
    e.input('x');
    s.redraw(e);
    expect(out[1]).toBe('\r\x1b[JPassword: x\x1b[12G');
  });

  it('goes back up over an edit line that wrapped before erasing it', () => {
    const { s, out } = screen(10);
    const e = new LineEditor();
    e.input('abcdefghijkl'); // 2 + 12 = 14 columns: two rows
    s.redraw(e);
    s.redraw(e);
    expect(out[1]!.startsWith('\x1b[1A\r\x1b[J')).toBe(true);
  });
});
