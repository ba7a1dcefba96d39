import { describe, expect, it } from 'vitest';
import { LineEditor } from './lineEditor';

describe('LineEditor', () => {
  it('submits the typed line on Enter and starts a new one', () => {
    const e = new LineEditor();
    expect(e.input('ping -c 1 srv')).toEqual([]);
    expect(e.input('\r')).toEqual([{ type: 'submit', line: 'ping -c 1 srv' }]);
    expect(e.buffer).toBe('');
  });

  it('edits in the middle with the cursor keys, backspace and delete', () => {
    const e = new LineEditor();
    e.input('nc srv 888');
    e.input('\x1b[D\x1b[D\x1b[D8'); // left ×3, type 8
    expect([e.buffer, e.cursor]).toEqual(['nc srv 8888', 8]);
    e.input('\x7f\x1b[3~'); // backspace, delete
    expect([e.buffer, e.cursor]).toEqual(['nc srv 88', 7]);
    e.input('\x01X\x05Y'); // Ctrl-A, Ctrl-E
    expect(e.buffer).toBe('Xnc srv 88Y');
  });

  it('recalls earlier lines with ↑ and ↓, and brings back the unfinished one', () => {
    const e = new LineEditor();
    e.input('first\rsecond\r');
    e.input('draf');
    e.input('\x1b[A');
    expect(e.buffer).toBe('second');
    e.input('\x1b[A\x1b[A');
    expect(e.buffer).toBe('first');
    e.input('\x1b[B\x1b[B');
    expect(e.buffer).toBe('draf');
  });

  it('does not keep blank lines or a repeat of the last line in history', () => {
    const e = new LineEditor();
    e.input('ls\r\rls\r');
    e.input('\x1b[A\x1b[A');
    expect(e.buffer).toBe('ls');
  });

  it('sends Ctrl-C as interrupt and drops the line being typed', () => {
    const e = new LineEditor();
    e.input('hello');
    expect(e.input('\x03')).toEqual([{ type: 'interrupt' }]);
    expect(e.buffer).toBe('');
  });

  it('sends Ctrl-D as end of input on an empty line only', () => {
    const e = new LineEditor();
    expect(e.input('\x04')).toEqual([{ type: 'eof' }]);
    e.input('ab\x01');
    expect(e.input('\x04')).toEqual([]);
    expect(e.buffer).toBe('b');
  });

  it('kills words and lines as readline does', () => {
    const e = new LineEditor();
    e.input('echo hello world\x17');
    expect(e.buffer).toBe('echo hello ');
    e.input('\x15');
    expect(e.buffer).toBe('');
  });

  it('submits each line of pasted text', () => {
    const e = new LineEditor();
    expect(e.input('a\r\nb\n')).toEqual([
      { type: 'submit', line: 'a' },
      { type: 'submit', line: 'b' },
    ]);
  });
});
