import { describe, expect, it } from 'vitest';
import type { WebSocketLike } from '../api/labSocket';
import { ClassChannel, type ChannelStatus } from './classChannel';
import type { ClassMessage } from './types';

class FakeSocket implements WebSocketLike {
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readyState = 1;
  send() {}
  close() {}
  receive(m: ClassMessage) {
    this.onmessage?.({ data: JSON.stringify(m) });
  }
  drop(code: number, reason = '') {
    this.onclose?.({ code, reason });
  }
}

function harness() {
  const sockets: FakeSocket[] = [];
  const timers: (() => void)[] = [];
  const messages: ClassMessage[] = [];
  const statuses: [ChannelStatus, string | undefined][] = [];
  const channel = new ClassChannel({
    url: 'ws://x/ws/classes/c1/student?token=t',
    onMessage: (m) => messages.push(m),
    onStatus: (s, d) => statuses.push([s, d]),
    createSocket: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    setTimer: (fn) => timers.push(fn),
    clearTimer: () => {},
  });
  return { channel, sockets, timers, messages, statuses };
}

describe('a class channel', () => {
  it('is open once the server says hello, and passes every message on', () => {
    const h = harness();
    h.channel.connect();
    h.sockets[0]!.receive({ type: 'hello', role: 'student' });
    h.sockets[0]!.receive({ type: 'instance', instance: 'i2' });

    expect(h.statuses).toEqual([
      ['connecting', undefined],
      ['open', undefined],
    ]);
    expect(h.messages.map((m) => m.type)).toEqual(['hello', 'instance']);
  });

  it('connects again after a drop', () => {
    const h = harness();
    h.channel.connect();
    h.sockets[0]!.drop(1006);
    h.timers[0]!();

    expect(h.sockets).toHaveLength(2);
    expect(h.statuses.map((s) => s[0])).toEqual(['connecting', 'reconnecting', 'reconnecting']);
  });

  it('stops when the server refuses, with the reason its error gave', () => {
    const h = harness();
    h.channel.connect();
    h.sockets[0]!.receive({ type: 'error', message: 'This token is neither the teacher’s nor a student’s of this class.' });
    h.sockets[0]!.drop(4403, 'Wrong token');

    expect(h.statuses.at(-1)).toEqual(['refused', 'This token is neither the teacher’s nor a student’s of this class.']);
    expect(h.timers).toHaveLength(0);
  });
});
