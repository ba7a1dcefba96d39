import { describe, expect, it } from 'vitest';
import { CLOSE_NO_INSTANCE, LabSocket, labSocketUrl, RECONNECT_DELAYS, type ConnectionStatus, type WebSocketLike } from './labSocket';
import type { ServerMessage } from './protocol';

class FakeSocket implements WebSocketLike {
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readyState = 0;
  sent: string[] = [];
  closedWith: number | null = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(data);
  }
  close(code?: number) {
    this.closedWith = code ?? 1000;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(messages: ServerMessage[]) {
    this.onmessage?.({ data: JSON.stringify({ type: 'batch', messages }) });
  }
  drop(code: number, reason = '') {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
}

function harness() {
  const sockets: FakeSocket[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const batches: ServerMessage[][] = [];
  const statuses: [ConnectionStatus, string | undefined][] = [];
  const socket = new LabSocket({
    url: 'ws://lab/ws/labs/i1',
    onBatch: (m) => batches.push(m),
    onStatus: (s, d) => statuses.push([s, d]),
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: () => {},
  });
  return { socket, sockets, timers, batches, statuses };
}

const hello: ServerMessage = { type: 'hello', instance: 'i1', protocol: 1 };

describe('LabSocket', () => {
  it('hands each batch over whole and in order, and is open once the server said hello', () => {
    const h = harness();
    h.socket.connect();
    h.sockets[0]!.open();
    h.sockets[0]!.receive([hello, { type: 'terminal', time: 0, node: 'pc1', text: 'a' }]);
    expect(h.batches).toEqual([[hello, { type: 'terminal', time: 0, node: 'pc1', text: 'a' }]]);
    expect(h.statuses.map(([s]) => s)).toEqual(['connecting', 'open']);
  });

  it('reconnects after a drop, waiting longer each time, and starts over after a hello', () => {
    const h = harness();
    h.socket.connect();
    h.sockets[0]!.drop(1006);
    h.timers.shift()!.fn();
    h.sockets[1]!.drop(1006);
    expect(h.timers.map((t) => t.ms)).toEqual([RECONNECT_DELAYS[1]]);
    h.timers.shift()!.fn();
    h.sockets[2]!.open();
    h.sockets[2]!.receive([hello]);
    h.sockets[2]!.drop(4008, 'too slow');
    expect(h.timers.map((t) => t.ms)).toEqual([RECONNECT_DELAYS[0]]);
    expect(h.statuses.at(-1)).toEqual(['reconnecting', 'too slow']);
    expect(h.sockets.map((s) => s.url)).toEqual(['ws://lab/ws/labs/i1', 'ws://lab/ws/labs/i1', 'ws://lab/ws/labs/i1']);
  });

  it('gives up when the instance does not exist', () => {
    const h = harness();
    h.socket.connect();
    h.sockets[0]!.open();
    h.sockets[0]!.drop(CLOSE_NO_INSTANCE, 'no instance "i1"');
    expect(h.timers).toEqual([]);
    expect(h.statuses.at(-1)).toEqual(['gone', 'no instance "i1"']);
  });

  it('keeps what is typed while reconnecting and sends it once the connection is back', () => {
    const h = harness();
    h.socket.connect();
    h.sockets[0]!.drop(1006);
    expect(h.socket.send({ type: 'line', node: 'pc1', text: 'ping -c 1 srv' })).toBe(true);
    h.timers.shift()!.fn();
    h.sockets[1]!.open();
    expect(h.sockets[1]!.sent).toEqual(['{"type":"line","node":"pc1","text":"ping -c 1 srv"}']);
    h.socket.send({ type: 'interrupt', node: 'pc1' });
    expect(h.sockets[1]!.sent[1]).toBe('{"type":"interrupt","node":"pc1"}');
  });

  it('close() ends the connection for good', () => {
    const h = harness();
    h.socket.connect();
    h.sockets[0]!.open();
    h.socket.close();
    expect(h.sockets[0]!.closedWith).toBe(1000);
    expect(h.socket.send({ type: 'snapshot' })).toBe(false);
    expect(h.statuses.at(-1)).toEqual(['closed', undefined]);
  });
});

describe('labSocketUrl', () => {
  it('uses ws: or wss: on the page host', () => {
    expect(labSocketUrl('abc', { protocol: 'http:', host: 'localhost:8080' })).toBe('ws://localhost:8080/ws/labs/abc');
    expect(labSocketUrl('abc', { protocol: 'https:', host: 'lab.example' })).toBe('wss://lab.example/ws/labs/abc');
  });
});

describe('LabSocket: the owner token', () => {
  function withToken(token: string | null) {
    const sockets: FakeSocket[] = [];
    const timers: { fn: () => void; ms: number }[] = [];
    const socket = new LabSocket({
      url: 'ws://lab/ws/labs/i1',
      onBatch: () => {},
      onStatus: () => {},
      token: () => token,
      createSocket: (url) => {
        const s = new FakeSocket(url);
        sockets.push(s);
        return s;
      },
      setTimer: (fn, ms) => timers.push({ fn, ms }),
      clearTimer: () => {},
    });
    return { socket, sockets, timers };
  }

  it('proves the token with an auth message first, before what waited for the connection', () => {
    const h = withToken('owner-1');
    h.socket.connect();
    h.socket.send({ type: 'line', node: 'pc1', text: 'ls' });
    h.sockets[0]!.open();
    expect(h.sockets[0]!.sent.map((t) => JSON.parse(t) as unknown)).toEqual([
      { type: 'auth', token: 'owner-1' },
      { type: 'line', node: 'pc1', text: 'ls' },
    ]);
  });

  it('proves it again on every new connection after a drop', () => {
    const h = withToken('owner-1');
    h.socket.connect();
    h.sockets[0]!.open();
    h.sockets[0]!.drop(1006);
    h.timers[0]!.fn();
    h.sockets[1]!.open();
    expect(h.sockets[1]!.sent).toEqual(['{"type":"auth","token":"owner-1"}']);
  });

  it('sends no auth message without a token: the connection only watches', () => {
    const h = withToken(null);
    h.socket.connect();
    h.sockets[0]!.open();
    expect(h.sockets[0]!.sent).toEqual([]);
  });

  it('never puts the token in the address', () => {
    const h = withToken('owner-1');
    h.socket.connect();
    expect(h.sockets[0]!.url).toBe('ws://lab/ws/labs/i1');
  });
});
