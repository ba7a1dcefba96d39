import { describe, expect, it } from 'vitest';
import type { HistorySample, HistorySocket, HistoryTransition, ServerMessage, SocketHistoryResponse } from '../api/protocol';
import { arpRequest, PAUSED, tcpLabSnapshot } from '../test-fixtures';
import {
  applyBatch,
  DROPS_KEEP,
  FLIGHT_GRACE,
  initialLabState,
  mergeSocketHistory,
  simulatedTimeAt,
  TERMINAL_KEEP,
  type LabState,
} from './labState';

const connected = (over = {}): ServerMessage[] => [
  { type: 'hello', instance: 'i1', protocol: 1 },
  { type: 'snapshot', reason: 'connected', snapshot: tcpLabSnapshot(over) },
];

function loaded(over = {}): LabState {
  return applyBatch(initialLabState('i1'), connected(over), 1000);
}

describe('applyBatch: snapshots', () => {
  it('the connected snapshot draws the lab from scratch', () => {
    const s = loaded({ packets: 7, terminals: { pc1: '$ ping -c 1 srv\n' } });
    expect(s.loaded).toBe(true);
    expect(s.snapshotSeq).toBe(1);
    expect(s.snapshotReason).toBe('connected');
    expect(s.nodes.map((n) => n.id)).toEqual(['pc1', 'srv', 'sw1']);
    expect(s.packetCount).toBe(7);
    expect(s.terminals.pc1).toEqual({ text: '$ ping -c 1 srv\r\n', total: 17, epoch: 1, editing: null, editingAt: 17 });
    expect(s.run).toEqual(PAUSED);
    expect(s.runAt).toBe(1000);
  });

  it('a snapshot after an overflow clears the frames in flight and keeps terminals that did not change', () => {
    let s = loaded({ terminals: { pc1: 'hello\n' } });
    s = applyBatch(s, [arpRequest()], 1100);
    expect(s.flights).toHaveLength(1);
    const terminal = s.terminals.pc1;
    s = applyBatch(
      s,
      [
        { type: 'overflow', dropped: 5001, detail: 'this client fell behind: 5001 animation messages were left out; a fresh snapshot follows' },
        { type: 'snapshot', reason: 'overflow', snapshot: tcpLabSnapshot({ packets: 9000, terminals: { pc1: 'hello\n' } }) },
      ],
      1200,
    );
    expect(s.flights).toEqual([]);
    expect(s.packetCount).toBe(9000);
    expect(s.snapshotSeq).toBe(2);
    expect(s.snapshotReason).toBe('overflow');
    expect(s.terminals.pc1).toBe(terminal);
    expect(s.notices).toEqual([{ id: 1, kind: 'overflow', message: expect.stringContaining('5001'), count: 5001 }]);
  });

  it('a reset snapshot with other terminal text starts a new terminal epoch', () => {
    let s = loaded({ terminals: { pc1: 'old\n' } });
    s = applyBatch(s, [{ type: 'snapshot', reason: 'reset', snapshot: tcpLabSnapshot({ terminals: { pc1: '' } }) }], 2000);
    expect(s.terminals.pc1).toEqual({ text: '', total: 0, epoch: 2, editing: null, editingAt: 0 });
  });

  it('a snapshot hands over the line being typed, to draw after the terminal text', () => {
    const s = loaded({ terminals: { pc1: 'hello\n' }, editing: { pc1: { prompt: '$ ', line: 'ping 10.0', cursor: 9 } } });
    expect(s.terminals.pc1).toEqual({
      text: 'hello\r\n',
      total: 7,
      epoch: 1,
      editing: { prompt: '$ ', line: 'ping 10.0', cursor: 9 },
      editingAt: 7,
    });
  });

  it('a snapshot whose typed line changed starts a new terminal epoch even with the same text', () => {
    let s = loaded({ terminals: { pc1: 'hello\n' }, editing: { pc1: { prompt: '$ ', line: 'pi', cursor: 2 } } });
    s = applyBatch(
      s,
      [{ type: 'snapshot', reason: 'requested', snapshot: tcpLabSnapshot({ terminals: { pc1: 'hello\n' }, editing: { pc1: { prompt: '$ ', line: 'pin', cursor: 3 } } }) }],
      1100,
    );
    expect(s.terminals.pc1!.epoch).toBe(2);
    expect(s.terminals.pc1!.editing).toEqual({ prompt: '$ ', line: 'pin', cursor: 3 });
  });
});

describe('applyBatch: terminals typed at key by key', () => {
  it('echoes go into the terminal in order with what the node printed', () => {
    const s = applyBatch(
      loaded(),
      [
        { type: 'echo', node: 'pc1', text: '$ ls', prompt: '$ ', line: 'ls', cursor: 2 },
        { type: 'echo', node: 'pc1', text: '\r\x1b[J', prompt: '$ ', line: '', cursor: 0 },
        { type: 'terminal', time: 5, node: 'pc1', text: '$ ls\nbin\n' },
        { type: 'echo', node: 'pc1', text: '$ ', prompt: '$ ', line: '', cursor: 0 },
      ],
      1100,
    );
    expect(s.terminals.pc1!.text).toBe('$ ls\r\x1b[J$ ls\r\nbin\r\n$ ');
    expect(s.terminals.pc1!.total).toBe(s.terminals.pc1!.text.length);
    expect(s.terminals.pc1!.epoch).toBe(1);
  });

  it('an echo for a node of another tab changes only that node', () => {
    const before = loaded();
    const after = applyBatch(before, [{ type: 'echo', node: 'srv', text: '$ nc', prompt: '$ ', line: 'nc', cursor: 2 }], 1100);
    expect(after.terminals.srv!.text).toBe('$ nc');
    expect(after.terminals.pc1).toBe(before.terminals.pc1);
  });

  it('keeping the newest text forgets the snapshot line once its place scrolled away', () => {
    let s = loaded({ terminals: { pc1: 'a\n' }, editing: { pc1: { prompt: '$ ', line: 'x', cursor: 1 } } });
    s = applyBatch(s, [{ type: 'terminal', time: 1, node: 'pc1', text: ('y'.repeat(99) + '\n').repeat(TERMINAL_KEEP / 100 + 1) }], 1100);
    expect(s.terminals.pc1!.editing).toBeNull();
    expect(s.terminals.pc1!.editingAt).toBe(0);
    expect(s.terminals.pc1!.text.startsWith('y')).toBe(true);
  });
});

describe('applyBatch: frames', () => {
  it('a frame goes in flight, classified, and numbers the packet', () => {
    const s = applyBatch(loaded(), [arpRequest()], 1100);
    expect(s.flights).toEqual([
      {
        number: 1,
        link: 'pc1:eth0-sw1:p1',
        from: 'pc1',
        fromDevice: 'eth0',
        to: 'sw1',
        toDevice: 'p1',
        time: 0,
        leaves: 4800,
        arrives: 1_004_800,
        length: 60,
        protocol: 'ARP',
        summary: 'Who has 10.0.0.2? Tell 10.0.0.1',
        flood: true,
      },
    ]);
    expect(s.packetCount).toBe(1);
  });

  it('frame-received lands it', () => {
    let s = applyBatch(loaded(), [arpRequest()], 1100);
    s = applyBatch(s, [{ type: 'frame-received', time: 1_004_800, node: 'sw1', number: 1, device: 'p1', link: 'pc1:eth0-sw1:p1' }], 1200);
    expect(s.flights).toEqual([]);
    expect(s.latestTime).toBe(1_004_800);
  });

  it('copies sent by one node at one instant onto different cables are a flood', () => {
    const echo = { protocol: 'ICMP', summary: 'Echo (ping) request  id=0x0940, seq=1, ttl=64' };
    const s = applyBatch(
      loaded(),
      [
        arpRequest({ ...echo, node: 'pc1', number: 1, link: 'pc1:eth0-sw1:p1', time: 0 }),
        arpRequest({ ...echo, node: 'hub1', number: 2, link: 'srv:eth0-sw1:p2', time: 1_004_800, leaves: 1_009_600, arrives: 2_009_600 }),
        arpRequest({ ...echo, node: 'hub1', number: 3, link: 'pc3:eth0-sw1:p3', time: 1_004_800, leaves: 1_009_600, arrives: 2_009_600 }),
      ],
      1100,
    );
    expect(s.flights.map((f) => [f.number, f.flood])).toEqual([
      [1, false],
      [2, true],
      [3, true],
    ]);
  });

  it('a frame lost on the wire is marked halfway along its cable with its reason', () => {
    let s = applyBatch(loaded(), [arpRequest()], 1100);
    s = applyBatch(
      s,
      [{ type: 'frame-dropped', time: 1_004_800, node: 'pc1', number: 1, device: 'eth0', reason: 'LINK_LOSS', text: 'lost on the link', detail: null }],
      1300,
    );
    expect(s.flights).toEqual([]);
    expect(s.drops).toEqual([
      {
        id: 1,
        time: 1_004_800,
        node: 'pc1',
        device: 'eth0',
        number: 1,
        reason: 'LINK_LOSS',
        text: 'lost on the link',
        detail: null,
        link: { name: 'pc1:eth0-sw1:p1', from: 'pc1', to: 'sw1', at: 0.5 },
        protocol: 'ARP',
        seenAt: 1300,
      },
    ]);
  });

  it('a packet dropped above the interfaces is marked at its node', () => {
    const s = applyBatch(
      loaded(),
      [{ type: 'frame-dropped', time: 1_004_800, node: 'srv', number: 0, device: null, reason: 'PORT_UNREACHABLE', text: 'no socket', detail: 'udp 9' }],
      1300,
    );
    expect(s.drops[0]!.link).toBeNull();
    expect(s.drops[0]!.node).toBe('srv');
  });

  it('keeps the newest drops only', () => {
    const drops: ServerMessage[] = Array.from({ length: DROPS_KEEP + 5 }, (_, i) => ({
      type: 'frame-dropped', time: i, node: 'srv', number: 0, device: 'eth0', reason: 'NOT_FOR_US', text: 'not for us', detail: null,
    }));
    const s = applyBatch(loaded(), drops, 1300);
    expect(s.drops).toHaveLength(DROPS_KEEP);
    expect(s.drops[0]!.time).toBe(5);
  });

  it('forgets a flight whose arrival never came, once time is well past it', () => {
    let s = applyBatch(loaded(), [arpRequest()], 1100);
    s = applyBatch(s, [{ type: 'terminal', time: 1_004_800 + FLIGHT_GRACE + 1, node: 'pc1', text: '' }], 1200);
    expect(s.flights).toEqual([]);
  });
});

describe('applyBatch: state tables', () => {
  it('socket messages add, move and close a socket; tcp messages update its variables', () => {
    let s = applyBatch(
      loaded(),
      [{ type: 'socket', time: 1, node: 'srv', socket: 2, protocol: 'tcp', local: '10.0.0.2:8888', remote: '*:*', from: 'CLOSED', to: 'LISTEN', cause: 'listen()' }],
      1100,
    );
    expect(s.sockets.map((x) => [x.node, x.socket, x.state, x.local])).toEqual([['srv', 2, 'LISTEN', '10.0.0.2:8888']]);
    s = applyBatch(
      s,
      [
        { type: 'tcp', time: 2, node: 'srv', socket: 2, sndUna: 10, sndNxt: 11, sndWnd: 65535, rcvNxt: 20, rcvWnd: 65535, cwnd: 14600, ssthresh: 2147483647, srtt: 0, rttvar: 0, rto: 1_000_000_000, sendBuffered: 3, receiveBuffered: 4 },
        { type: 'socket', time: 3, node: 'srv', socket: 2, protocol: 'tcp', local: '10.0.0.2:8888', remote: '10.0.0.1:38186', from: 'FIN_WAIT_2', to: 'TIME_WAIT', cause: 'FIN received' },
      ],
      1200,
    );
    expect(s.sockets[0]).toMatchObject({ state: 'TIME_WAIT', remote: '10.0.0.1:38186', sndNxt: 11, cwnd: 14600, sendQueue: 3, receiveQueue: 4 });
    s = applyBatch(s, [{ type: 'socket', time: 4, node: 'srv', socket: 2, protocol: 'tcp', local: '', remote: '', from: 'TIME_WAIT', to: 'CLOSED', cause: '2MSL' }], 1300);
    expect(s.sockets).toEqual([]);
  });

  it('arp, mac and route messages keep their tables', () => {
    const s = applyBatch(
      loaded(),
      [
        { type: 'arp', time: 0, node: 'pc1', change: 'ADDED', address: '10.0.0.2', mac: null, device: 'eth0' },
        { type: 'arp', time: 4, node: 'pc1', change: 'UPDATED', address: '10.0.0.2', mac: '02:00:00:00:00:02', device: 'eth0' },
        { type: 'mac', time: 1, node: 'sw1', change: 'ADDED', mac: '02:00:00:00:00:01', port: 'p1' },
        { type: 'mac', time: 9, node: 'sw1', change: 'EXPIRED', mac: '02:00:00:00:00:01', port: 'p1' },
        { type: 'route', time: 0, node: 'pc1', change: 'REMOVED', destination: '10.0.0.0/24', via: null, device: 'eth0' },
      ],
      1100,
    );
    expect(s.arp).toEqual([{ node: 'pc1', address: '10.0.0.2', mac: '02:00:00:00:00:02', device: 'eth0', expires: 0 }]);
    expect(s.mac).toEqual([]);
    expect(s.routes).toEqual([]);
  });

  it('an interface going down marks it on its node', () => {
    const s = applyBatch(loaded(), [{ type: 'interface', time: 5, node: 'srv', device: 'eth0', up: false }], 1100);
    expect(s.nodes.find((n) => n.id === 'srv')!.interfaces[0]!.up).toBe(false);
  });

  it('terminal text is appended and counted, keeping the newest 64 KiB', () => {
    let s = applyBatch(loaded(), [{ type: 'terminal', time: 0, node: 'pc1', text: '$ ping -c 1 srv\n' }], 1100);
    s = applyBatch(s, [{ type: 'terminal', time: 8, node: 'pc1', text: 'x'.repeat(TERMINAL_KEEP) }], 1200);
    expect(s.terminals.pc1!.total).toBe(17 + TERMINAL_KEEP);
    expect(s.terminals.pc1!.text).toHaveLength(TERMINAL_KEEP);
    expect(s.terminals.pc1!.epoch).toBe(1);
  });

  it('check messages fill the step verdicts, explained in English and Korean', () => {
    const s = applyBatch(
      loaded(),
      [{ type: 'check', time: 7, step: 1, passed: true, why: 'srv listens on 8888', whyKo: 'srv가 8888에서 기다림' }],
      1100,
    );
    expect(s.checks).toEqual({
      1: { step: 1, passed: true, why: 'srv listens on 8888', whyKo: 'srv가 8888에서 기다림', time: 7 },
    });
  });

  it('a check message from a server without Korean keeps the English alone', () => {
    const s = applyBatch(loaded(), [{ type: 'check', time: 7, step: 1, passed: true, why: 'srv listens on 8888' }], 1100);
    expect(s.checks).toEqual({ 1: { step: 1, passed: true, why: 'srv listens on 8888', whyKo: null, time: 7 } });
  });

  it('a lab held to its events per second becomes a notice saying why', () => {
    const s = applyBatch(
      loaded(),
      [{ type: 'throttled', time: 1_757_395_200, limit: 200000, cause: 'switching-loop', node: 'sw1', moves: 6663, detail: 'the switches are cabled in a loop' }],
      1100,
    );
    expect(s.notices).toEqual([{ id: 1, kind: 'throttled', message: 'the switches are cabled in a loop' }]);
  });

  it('errors become notices', () => {
    const s = applyBatch(loaded(), [{ type: 'error', message: 'speed: must be from 1.0E-4 to 1000.0, got 5000', field: 'speed' }], 1100);
    expect(s.notices).toEqual([{ id: 1, kind: 'error', message: 'speed: must be from 1.0E-4 to 1000.0, got 5000', field: 'speed' }]);
  });

  it('leaves the previous state and its slices untouched', () => {
    const before = loaded();
    const flights = before.flights;
    const after = applyBatch(before, [arpRequest(), { type: 'terminal', time: 0, node: 'pc1', text: 'x' }], 1100);
    expect(before.flights).toBe(flights);
    expect(before.flights).toEqual([]);
    expect(before.terminals.pc1!.text).toBe('');
    expect(after.nodes).toBe(before.nodes);
  });
});

describe('simulatedTimeAt', () => {
  it('advances the last run state at its speed while playing', () => {
    const s = { run: { ...PAUSED, mode: 'PLAYING' as const, speed: 0.001, time: 2_000_000 }, runAt: 1000, latestTime: 2_000_000 };
    // 500 ms of wall clock at 0.001: 0.5 ms of simulated time
    expect(simulatedTimeAt(s, 1500)).toBe(2_500_000);
  });

  it('stands still while paused, and never runs behind the newest message', () => {
    expect(simulatedTimeAt({ run: { ...PAUSED, time: 7 }, runAt: 0, latestTime: 5 }, 99_999)).toBe(7);
    const playing = { run: { ...PAUSED, mode: 'PLAYING' as const, speed: 0.001, time: 0 }, runAt: 1000, latestTime: 60_000_000_000 };
    expect(simulatedTimeAt(playing, 1001)).toBe(60_000_000_000);
  });
});

describe('applyBatch: socket history for the TCP views', () => {
  const listen: ServerMessage = { type: 'socket', time: 1_000, node: 'srv', socket: 2, protocol: 'tcp', local: '10.0.0.2:8888', remote: '*:*', from: 'CLOSED', to: 'LISTEN', cause: 'listen()' };
  const tcp = (time: number, over = {}): ServerMessage => ({
    type: 'tcp', time, node: 'srv', socket: 2, sndUna: 100, sndNxt: 100, sndWnd: 65535, rcvNxt: 7, rcvWnd: 65535, cwnd: 14600,
    ssthresh: 2147483647, srtt: 0, rttvar: 0, rto: 1_000_000_000, sendBuffered: 0, receiveBuffered: 0, ...over,
  });

  it('keeps each state change with its cause, and the socket after it closed', () => {
    const s = applyBatch(
      loaded(),
      [
        listen,
        { type: 'socket', time: 9_000, node: 'srv', socket: 2, protocol: 'tcp', local: '10.0.0.2:8888', remote: '10.0.0.1:38186', from: 'FIN_WAIT_2', to: 'TIME_WAIT', cause: 'FIN received' },
        { type: 'socket', time: 60_009_000, node: 'srv', socket: 2, protocol: 'tcp', local: '10.0.0.2:8888', remote: '10.0.0.1:38186', from: 'TIME_WAIT', to: 'CLOSED', cause: '2MSL timer expired' },
      ],
      1100,
    );
    expect(s.sockets).toEqual([]);
    expect(s.socketHistory).toEqual([
      {
        key: 'srv/2', node: 'srv', socket: 2, protocol: 'tcp', local: '10.0.0.2:8888', remote: '10.0.0.1:38186', state: 'CLOSED',
        transitions: [
          { time: 1_000, from: 'CLOSED', to: 'LISTEN', cause: 'listen()' },
          { time: 9_000, from: 'FIN_WAIT_2', to: 'TIME_WAIT', cause: 'FIN received' },
          { time: 60_009_000, from: 'TIME_WAIT', to: 'CLOSED', cause: '2MSL timer expired' },
        ],
        samples: [],
      },
    ]);
  });

  it('samples cwnd, ssthresh, the advertised window and the bytes in flight, once per change', () => {
    const s = applyBatch(
      loaded(),
      [listen, tcp(2_000), tcp(3_000), tcp(4_000, { sndNxt: 1560, sndWnd: 64000 }), tcp(4_000, { sndNxt: 2000, sndWnd: 64000 })],
      1100,
    );
    expect(s.socketHistory[0]!.samples).toEqual([
      { time: 2_000, cwnd: 14600, ssthresh: 2147483647, sndWnd: 65535, rcvWnd: 65535, inFlight: 0 },
      { time: 4_000, cwnd: 14600, ssthresh: 2147483647, sndWnd: 64000, rcvWnd: 65535, inFlight: 1900 },
    ]);
  });

  it('counts bytes in flight across the wrap of sequence space', () => {
    const s = applyBatch(loaded(), [listen, tcp(2_000, { sndUna: 4294967000, sndNxt: 200 })], 1100);
    expect(s.socketHistory[0]!.samples[0]!.inFlight).toBe(496);
  });

  it('starts a history from a snapshot socket with its variables as the first sample', () => {
    const row = {
      node: 'pc1', socket: 1, protocol: 'tcp', local: '10.0.0.1:38186', remote: '10.0.0.2:8888', state: 'ESTABLISHED', iss: 1, irs: 2,
      sndUna: 50, sndNxt: 60, sndWnd: 65535, rcvNxt: 3, rcvWnd: 65000, cwnd: 2920, ssthresh: 65535, srtt: 0, rttvar: 0, rto: 0,
      mss: 1460, sendQueue: 0, receiveQueue: 0, timer: 'off', timerRemaining: 0, retransmitted: 0,
    };
    const s = loaded({ sockets: [row], run: { ...PAUSED, time: 5_000 } });
    expect(s.socketHistory).toEqual([
      {
        key: 'pc1/1', node: 'pc1', socket: 1, protocol: 'tcp', local: '10.0.0.1:38186', remote: '10.0.0.2:8888', state: 'ESTABLISHED',
        transitions: [], samples: [{ time: 5_000, cwnd: 2920, ssthresh: 65535, sndWnd: 65535, rcvWnd: 65000, inFlight: 10 }],
      },
    ]);
  });

  it('going back in time forgets what came after, and closes sockets the rebuilt lab does not have', () => {
    let s = applyBatch(loaded(), [listen, tcp(2_000)], 1100);
    s = applyBatch(
      s,
      [
        { type: 'socket', time: 5_000, node: 'pc1', socket: 1, protocol: 'tcp', local: '10.0.0.1:38186', remote: '10.0.0.2:8888', from: 'CLOSED', to: 'SYN_SENT', cause: 'connect()' },
        tcp(6_000, { cwnd: 2920 }),
        { type: 'frame-dropped', time: 7_000, node: 'srv', number: 0, device: null, reason: 'PORT_UNREACHABLE', text: 'no socket', detail: null },
      ],
      1200,
    );
    expect(s.horizon).toBe(7_000);
    s = applyBatch(s, [{ type: 'snapshot', reason: 'reset', snapshot: tcpLabSnapshot({ run: { ...PAUSED, time: 3_000 } }) }], 1300);
    expect(s.socketHistory.map((h) => [h.key, h.state, h.transitions.length, h.samples.map((x) => x.time)])).toEqual([['srv/2', 'CLOSED', 1, [2_000]]]);
    expect(s.marks).toEqual([]);
    expect(s.horizon).toBe(7_000);
  });
});

describe('applyBatch: timeline marks', () => {
  it('marks drops and timed check verdicts', () => {
    const s = applyBatch(
      loaded(),
      [
        { type: 'frame-dropped', time: 1_004_800, node: 'pc3', number: 2, device: 'eth0', reason: 'NOT_FOR_US', text: 'not for us', detail: null },
        { type: 'check', time: 2_000_000, step: 2, passed: true },
        { type: 'check', step: 3, passed: false },
      ],
      1100,
    );
    expect(s.marks).toEqual([
      { kind: 'drop', time: 1_004_800, node: 'pc3', what: 'NOT_FOR_US' },
      { kind: 'check', time: 2_000_000, node: null, what: '2', passed: true },
    ]);
  });

  it('the horizon is the latest time seen', () => {
    const s = applyBatch(loaded(), [{ type: 'terminal', time: 42, node: 'pc1', text: 'x' }], 1100);
    expect(s.horizon).toBe(42);
  });
});

describe('mergeSocketHistory: a page opened late gets each socket’s story from the server', () => {
  const transition = (time: number, from: string, to: string, cause: string, code: string): HistoryTransition => ({ time, from, to, cause, code, params: {} });
  const sample = (time: number, cwnd: number, sndNxt = 100): HistorySample => ({
    time, sndUna: 100, sndNxt, sndWnd: 65535, rcvNxt: 7, rcvWnd: 65535, cwnd, ssthresh: 2147483647, srtt: 0, rttvar: 0,
    rto: 1_000_000_000, sendBuffered: 0, receiveBuffered: 0,
  });
  const srv = (over: Partial<HistorySocket> = {}): HistorySocket => ({
    node: 'srv', socket: 2, protocol: 'tcp', local: '10.0.0.2:8888', remote: '10.0.0.1:58940', state: 'TIME_WAIT',
    transitions: [
      transition(6_028_800, 'LISTEN', 'SYN_RECEIVED', 'SYN received', 'syn-received'),
      transition(10_048_000, 'SYN_RECEIVED', 'ESTABLISHED', 'ACK of SYN+ACK received', 'ack-of-syn-ack'),
      transition(14_072_000, 'FIN_WAIT_2', 'TIME_WAIT', 'FIN received', 'fin-received'),
    ],
    samples: [sample(6_028_800, 0, 101), sample(10_048_000, 14600, 107), sample(10_048_000, 14600, 108), sample(14_072_000, 14607)],
    transitionsCut: 0, samplesCut: 0, ...over,
  });
  const history = (sockets: HistorySocket[], time = 14_072_000): SocketHistoryResponse => ({
    time, sockets, socketsCut: 0, limits: { sockets: 256, transitionsPerSocket: 64, samplesPerSocket: 2000, samples: 10000 },
  });

  it('gives a socket the page never heard the start of its whole story, causes coded', () => {
    const s = mergeSocketHistory(loaded(), history([srv()]));
    expect(s.socketHistory).toEqual([
      {
        key: 'srv/2', node: 'srv', socket: 2, protocol: 'tcp', local: '10.0.0.2:8888', remote: '10.0.0.1:58940', state: 'TIME_WAIT',
        transitions: [
          { time: 6_028_800, from: 'LISTEN', to: 'SYN_RECEIVED', cause: 'SYN received', code: 'syn-received', params: {} },
          { time: 10_048_000, from: 'SYN_RECEIVED', to: 'ESTABLISHED', cause: 'ACK of SYN+ACK received', code: 'ack-of-syn-ack', params: {} },
          { time: 14_072_000, from: 'FIN_WAIT_2', to: 'TIME_WAIT', cause: 'FIN received', code: 'fin-received', params: {} },
        ],
        // one sample per moment, the last of it; in flight is SND.NXT − SND.UNA
        samples: [
          { time: 6_028_800, cwnd: 0, ssthresh: 2147483647, sndWnd: 65535, rcvWnd: 65535, inFlight: 1 },
          { time: 10_048_000, cwnd: 14600, ssthresh: 2147483647, sndWnd: 65535, rcvWnd: 65535, inFlight: 8 },
          { time: 14_072_000, cwnd: 14607, ssthresh: 2147483647, sndWnd: 65535, rcvWnd: 65535, inFlight: 0 },
        ],
      },
    ]);
  });

  it('keeps what the page heard after the history’s moment, and the state it brought', () => {
    let s = loaded();
    s = applyBatch(s, [
      { type: 'socket', time: 14_072_000, node: 'srv', socket: 2, protocol: 'tcp', local: '10.0.0.2:8888', remote: '10.0.0.1:58940', from: 'FIN_WAIT_2', to: 'TIME_WAIT', cause: 'FIN received', code: 'fin-received', params: {} },
      { type: 'socket', time: 60_014_072_000, node: 'srv', socket: 2, protocol: 'tcp', local: '10.0.0.2:8888', remote: '10.0.0.1:58940', from: 'TIME_WAIT', to: 'CLOSED', cause: '2·MSL elapsed', code: 'time-wait-ended', params: {} },
    ], 1100);
    s = mergeSocketHistory(s, history([srv()]));
    const h = s.socketHistory.find((x) => x.key === 'srv/2')!;
    expect(h.state).toBe('CLOSED');
    expect(h.transitions.map((x) => `${x.time} ${x.to}`)).toEqual([
      '6028800 SYN_RECEIVED', '10048000 ESTABLISHED', '14072000 TIME_WAIT', '60014072000 CLOSED',
    ]);
  });

  it('keeps the sockets only the page knows, and says what the server left out', () => {
    const listen: ServerMessage = { type: 'socket', time: 20_000_000, node: 'pc1', socket: 9, protocol: 'tcp', local: '10.0.0.1:1', remote: '*:*', from: 'CLOSED', to: 'LISTEN', cause: 'listen() called' };
    const s = mergeSocketHistory(applyBatch(loaded(), [listen], 1100), history([srv({ transitionsCut: 3, samplesCut: 40 })]));
    expect(s.socketHistory.map((h) => h.key)).toEqual(['srv/2', 'pc1/9']);
    expect(s.socketHistory[0]!.cut).toEqual({ transitions: 3, samples: 40 });
  });
});
