import { describe, expect, it } from 'vitest';
import { screenFrom } from './XtermTerminal';
import { drawEditing, textWidth, toCrlf } from './screenText';

describe('drawEditing: the line a snapshot hands over, drawn as the server draws it', () => {
  it('draws the prompt and the line after the output, the cursor at its end', () => {
    expect(drawEditing('hello\r\n', { prompt: '$ ', line: 'ping 10.0', cursor: 9 }, 80)).toBe('$ ping 10.0');
  });

  it('moves the cursor back into the line, counting from where the row starts', () => {
    expect(drawEditing('hello\r\n', { prompt: '$ ', line: 'ping 10.0.0.2', cursor: 5 }, 80)).toBe('$ ping 10.0.0.2\r\x1b[7C');
  });

  it('starts after output that did not end its line', () => {
    expect(drawEditing('Password: ', { prompt: '', line: 'ab', cursor: 1 }, 80)).toBe('ab\r\x1b[11C');
  });

  it('counts Hangul as two columns each', () => {
    expect(drawEditing('', { prompt: '$ ', line: 'echo 안녕', cursor: 5 }, 80)).toBe('$ echo 안녕\r\x1b[7C');
  });

  it('goes up to the cursor’s row when the line wraps', () => {
    // 2 + 12 = 14 columns on a 10-column screen: the line ends on row 1, the cursor (column 3) is on row 0
    expect(drawEditing('', { prompt: '$ ', line: 'abcdefghijkl', cursor: 1 }, 10)).toBe('$ abcdefghijkl\x1b[1A\r\x1b[3C');
  });

  it('waits for the wrap when the line ends exactly at the right edge', () => {
    expect(drawEditing('', { prompt: '$ ', line: 'abcdefgh', cursor: 8 }, 10)).toBe('$ abcdefgh \r');
  });

  it('draws nothing for no prompt and no line', () => {
    expect(drawEditing('out\r\n', { prompt: '', line: '', cursor: 0 }, 80)).toBe('');
  });
});

describe('screenFrom: a terminal drawn from scratch', () => {
  it('puts the snapshot’s typed line between its text and the echoes after it', () => {
    const b = { text: 'hi\r\n' + '\r\x1b[2C\x1b[J$ lsx', total: 13, epoch: 1, editing: { prompt: '$ ', line: 'ls', cursor: 2 }, editingAt: 4 };
    expect(screenFrom(b, 80)).toBe('hi\r\n$ ls\r\x1b[2C\x1b[J$ lsx');
  });

  it('is the text alone without a typed line', () => {
    expect(screenFrom({ text: 'a\r\n', total: 3, epoch: 1, editing: null, editingAt: 3 }, 80)).toBe('a\r\n');
  });
});

describe('text helpers', () => {
  it('turns line feeds into carriage return and line feed once', () => {
    expect(toCrlf('a\nb\r\nc')).toBe('a\r\nb\r\nc');
  });

  it('measures wide, narrow and combining characters', () => {
    expect(textWidth('한글 ok')).toBe(7);
    expect(textWidth('e\u0301')).toBe(1);
  });
});
