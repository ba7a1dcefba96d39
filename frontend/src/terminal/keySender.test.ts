import { describe, expect, it } from 'vitest';
import { KEYS_INTERVAL, KeySender, splitKeys } from './keySender';

function harness() {
  const sent: string[] = [];
  let now = 1000;
  const timers: { run: () => void; at: number }[] = [];
  const sender = new KeySender({
    send: (d) => sent.push(d),
    now: () => now,
    setTimer: (run, ms) => {
      const t = { run, at: now + ms };
      timers.push(t);
      return t;
    },
    clearTimer: (t) => timers.splice(timers.indexOf(t as (typeof timers)[0]), 1),
  });
  const advance = (ms: number) => {
    now += ms;
    for (const t of [...timers]) if (t.at <= now) {
      timers.splice(timers.indexOf(t), 1);
      t.run();
    }
  };
  return { sender, sent, advance, timers };
}

describe('KeySender', () => {
  it('sends a key at once', () => {
    const h = harness();
    h.sender.type('l');
    expect(h.sent).toEqual(['l']);
  });

  it('keys typed faster than the interval wait and go together', () => {
    const h = harness();
    h.sender.type('l');
    h.advance(3);
    h.sender.type('s');
    h.sender.type('\r');
    expect(h.sent).toEqual(['l']);
    h.advance(KEYS_INTERVAL - 3);
    expect(h.sent).toEqual(['l', 's\r']);
  });

  it('a key after a pause goes at once again', () => {
    const h = harness();
    h.sender.type('a');
    h.advance(KEYS_INTERVAL);
    h.sender.type('b');
    expect(h.sent).toEqual(['a', 'b']);
  });

  it('Ctrl-C and arrow keys go as xterm gives them', () => {
    const h = harness();
    h.sender.type('\x1b[A');
    h.advance(50);
    h.sender.type('\x03');
    expect(h.sent).toEqual(['\x1b[A', '\x03']);
  });

  it('sends what waits when disposed', () => {
    const h = harness();
    h.sender.type('a');
    h.sender.type('b');
    h.sender.dispose();
    expect(h.sent).toEqual(['a', 'b']);
    expect(h.timers).toEqual([]);
  });

  it('cuts a long paste into messages the server takes', () => {
    const h = harness();
    h.sender.type('x'.repeat(5000));
    expect(h.sent.map((s) => s.length)).toEqual([4096, 904]);
  });
});

describe('splitKeys', () => {
  it('never cuts between the halves of a surrogate pair', () => {
    const parts = splitKeys('ab😀cd', 3);
    expect(parts).toEqual(['ab', '😀c', 'd']);
  });

  it('keeps Hangul whole (one unit each)', () => {
    expect(splitKeys('안녕하세요', 2)).toEqual(['안녕', '하세', '요']);
  });
});
