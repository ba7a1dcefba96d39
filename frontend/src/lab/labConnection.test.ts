import { describe, expect, it } from 'vitest';
import type { WebSocketLike } from '../api/labSocket';
import type { SocketHistoryResponse } from '../api/protocol';
import { fakeApi } from '../test-support';
import { tcpLabSnapshot } from '../test-fixtures';
import { LabConnection } from './labConnection';

const LAB_FILE = `id: tcp-connection
title: {en: "A TCP connection", ko: "TCP 연결 하나"}
nodes:
  - {id: pc1, kind: host, ip: 10.0.0.1/24, position: {x: 100, y: 200}}
steps:
  - text: {en: "On srv run nc", ko: "srv에서 nc를 실행하세요"}
`;

function socketStub() {
  const s: WebSocketLike & { emit(data: unknown): void; sent: string[] } = {
    onopen: null,
    onmessage: null,
    onclose: null,
    onerror: null,
    readyState: 1,
    sent: [],
    send(data: string) {
      s.sent.push(data);
    },
    close() {},
    emit(data: unknown) {
      s.onmessage?.({ data: JSON.stringify(data) });
    },
  };
  return s;
}

describe('LabConnection', () => {
  it('feeds batches to the store, reads the lab file after the first snapshot, and sends run controls', async () => {
    const socket = socketStub();
    let labFiles = 0;
    const api = fakeApi([], { labFile: () => (labFiles++, Promise.resolve(LAB_FILE)) });
    const connection = new LabConnection('i1', api, { url: 'ws://x', createSocket: () => socket, now: () => 5 });
    connection.start();
    socket.emit({ type: 'batch', messages: [{ type: 'hello', instance: 'i1', protocol: 1 }, { type: 'snapshot', reason: 'connected', snapshot: tcpLabSnapshot() }] });
    await Promise.resolve();
    await Promise.resolve();
    const state = connection.store.getState();
    expect(state.connection).toBe('open');
    expect(state.loaded).toBe(true);
    expect(labFiles).toBe(1);
    expect(state.lab?.title).toEqual({ en: 'A TCP connection', ko: 'TCP 연결 하나' });
    expect(state.lab?.positions).toEqual({ pc1: { x: 100, y: 200 } });

    connection.control({ action: 'play', speed: 0.002, skipIdle: true });
    connection.line('pc1', 'ping -c 1 srv');
    connection.keys('pc1', '', 96);
    connection.keys('pc1', '\x1b[A\r');
    connection.interrupt('pc1');
    connection.eof('pc1');
    expect(socket.sent.map((t) => JSON.parse(t))).toEqual([
      { type: 'control', action: 'play', speed: 0.002, skipIdle: true },
      { type: 'line', node: 'pc1', text: 'ping -c 1 srv' },
      { type: 'keys', node: 'pc1', data: '', cols: 96 },
      { type: 'keys', node: 'pc1', data: '\x1b[A\r' },
      { type: 'interrupt', node: 'pc1' },
      { type: 'eof', node: 'pc1' },
    ]);
  });

  it('reads the lab file again after a reset snapshot (a topology edit may move nodes)', async () => {
    const socket = socketStub();
    let labFiles = 0;
    const api = fakeApi([], { labFile: () => (labFiles++, Promise.resolve(LAB_FILE)) });
    const connection = new LabConnection('i1', api, { url: 'ws://x', createSocket: () => socket });
    connection.start();
    socket.emit({ type: 'batch', messages: [{ type: 'snapshot', reason: 'connected', snapshot: tcpLabSnapshot() }] });
    await Promise.resolve();
    await Promise.resolve();
    socket.emit({ type: 'batch', messages: [{ type: 'snapshot', reason: 'requested', snapshot: tcpLabSnapshot() }] });
    expect(labFiles).toBe(1);
    socket.emit({ type: 'batch', messages: [{ type: 'snapshot', reason: 'reset', snapshot: tcpLabSnapshot() }] });
    expect(labFiles).toBe(2);
  });

  it('reads the socket history when asked, and drops an answer a snapshot made stale', async () => {
    const socket = socketStub();
    const answers: ((h: SocketHistoryResponse) => void)[] = [];
    const api = fakeApi([], {
      labFile: () => Promise.resolve(LAB_FILE),
      socketHistory: () => new Promise<SocketHistoryResponse>((resolve) => answers.push(resolve)),
    });
    const connection = new LabConnection('i1', api, { url: 'ws://x', createSocket: () => socket });
    connection.start();
    socket.emit({ type: 'batch', messages: [{ type: 'snapshot', reason: 'connected', snapshot: tcpLabSnapshot() }] });
    const history = (node: string): SocketHistoryResponse => ({
      time: 5, socketsCut: 0, limits: { sockets: 256, transitionsPerSocket: 64, samplesPerSocket: 2000, samples: 10000 },
      sockets: [{ node, socket: 1, protocol: 'tcp', local: null, remote: null, state: 'LISTEN', transitions: [], samples: [], transitionsCut: 0, samplesCut: 0 }],
    });

    connection.loadSocketHistory();
    socket.emit({ type: 'batch', messages: [{ type: 'snapshot', reason: 'reset', snapshot: tcpLabSnapshot() }] });
    answers[0]!(history('stale'));
    await Promise.resolve();
    await Promise.resolve();
    expect(connection.store.getState().socketHistory).toEqual([]);

    connection.loadSocketHistory();
    answers[1]!(history('srv'));
    await Promise.resolve();
    await Promise.resolve();
    expect(connection.store.getState().socketHistory.map((h) => h.key)).toEqual(['srv/1']);
  });
});
