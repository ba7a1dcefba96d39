import type { ConnectionStatus } from '../api/labSocket';
import type {
  ArpRow,
  CheckResult,
  Editing,
  LinkView,
  MacRow,
  NodeView,
  RouteRow,
  RunState,
  ServerMessage,
  Snapshot,
  SocketHistoryResponse,
  SocketView,
} from '../api/protocol';
import type { LabInfo } from '../lab/labInfo';
import { classifyFrame, type ProtocolClass } from '../packets/protocolClass';
import { toCrlf } from '../terminal/screenText';

/** A frame on a wire: drawn moving from `from` to `to` between `time` and `arrives`. */
export interface Flight {
  number: number;
  link: string;
  from: string;
  fromDevice: string;
  to: string;
  toDevice: string;
  /** First bit leaves. */
  time: number;
  /** Last bit leaves. */
  leaves: number;
  /** Last bit arrives. */
  arrives: number;
  length: number;
  protocol: ProtocolClass;
  summary: string;
  /**
   * Whether it is drawn fanning out: an ARP request (sent to everyone), or one of the copies a node sent onto
   * several cables at the same instant (a switch flooding, a hub repeating).
   */
  flood: boolean;
}

/** Where and why a frame was dropped, as the topology marks it. */
export interface DropMark {
  /** Unique within the store, for keys and test ids. */
  id: number;
  time: number;
  node: string;
  device: string | null;
  number: number;
  reason: string;
  text: string;
  detail: string | null;
  detailCode?: string;
  detailParams?: Record<string, string>;
  /** The link it was lost on, with how far along (0 at `node`'s end... 1 at the other), or null at the node. */
  link: { name: string; from: string; to: string; at: number } | null;
  protocol: ProtocolClass | null;
  /** Wall-clock ms when it was received (marks fade after a while). */
  seenAt: number;
}

/**
 * A node's terminal as xterm data: what the node printed (with CRLF line ends) and the server's `echo`es of the
 * line being typed, in the order they came, so that every viewer's screen is the server's. With how much was ever
 * appended (to write only what is new) and its epoch.
 */
export interface TerminalBuffer {
  text: string;
  /** Characters appended since the epoch began. */
  total: number;
  /** Bumped when the text was replaced by a snapshot: a terminal view then redraws from scratch. */
  epoch: number;
  /**
   * The line being typed when the snapshot was taken, which a view draws after the first `editingAt` characters
   * of `text` (the snapshot's text; the echoes after it go on from that line). Null when none was typed.
   */
  editing: Editing | null;
  editingAt: number;
}

export interface Notice {
  id: number;
  kind: 'error' | 'overflow' | 'protocol' | 'throttled';
  message: string;
  field?: string;
  /** For `overflow`: how many animation messages were left out. */
  count?: number;
}

/** A socket moved from one state to another, and why (the `socket` message). */
export interface SocketTransition {
  time: number;
  from: string;
  to: string;
  /** In English, as the server words it. */
  cause: string;
  /** The cause's code and the parts that vary, to say it in the UI's language (absent from older servers). */
  code?: string;
  params?: Record<string, string>;
}

/** A TCP connection's variables at one moment (a `tcp` message, or a snapshot's socket row). */
export interface TcpSample {
  time: number;
  cwnd: number;
  ssthresh: number;
  /** The window the peer advertised (SND.WND). */
  sndWnd: number;
  rcvWnd: number;
  /** Bytes sent and not yet acknowledged: SND.NXT − SND.UNA, modulo 2³². */
  inFlight: number;
}

/**
 * One socket as this page saw it over time: the TCP views draw its state diagram and chart from this, and keep
 * showing it after it closed. Starts when the page first heard of it (a snapshot or a `socket` message).
 */
export interface SocketHistory {
  /** `node/socket`. */
  key: string;
  node: string;
  socket: number;
  protocol: string;
  local: string;
  remote: string;
  /** The newest state, `CLOSED` once it is gone. */
  state: string;
  transitions: SocketTransition[];
  samples: TcpSample[];
  /** State changes and samples from before what is kept, that the server left out (its history is bounded). */
  cut?: { transitions: number; samples: number };
}

/** Something the timeline marks at its simulated time. */
export interface TimelineMark {
  kind: 'drop' | 'check';
  time: number;
  node: string | null;
  /** The drop's reason, or the check's step number. */
  what: string;
  passed?: boolean;
}

export interface LabState {
  instanceId: string;
  connection: ConnectionStatus;
  connectionDetail: string | null;
  /** True once the first snapshot arrived. */
  loaded: boolean;
  /** Bumped on every snapshot: views that load things over REST (the packet list) reload. */
  snapshotSeq: number;
  snapshotReason: string | null;
  run: RunState | null;
  /** Wall-clock ms when `run` arrived, to advance the clock between messages. */
  runAt: number;
  /** The newest simulated time any message carried. */
  latestTime: number;
  nodes: NodeView[];
  links: LinkView[];
  sockets: SocketView[];
  arp: ArpRow[];
  mac: MacRow[];
  routes: RouteRow[];
  terminals: Record<string, TerminalBuffer>;
  /** Transmissions numbered so far. */
  packetCount: number;
  flights: Flight[];
  drops: DropMark[];
  /** Step index → verdict. */
  checks: Record<number, CheckResult>;
  notices: Notice[];
  lab: LabInfo | null;
  nextId: number;
  /** Every socket this page saw, oldest first (the live ones are also in `sockets`). */
  socketHistory: SocketHistory[];
  /** Drops and check verdicts by simulated time, for the timeline's markers. */
  marks: TimelineMark[];
  /** The latest simulated time this page saw: how far the timeline can be scrubbed without running ahead. */
  horizon: number;
}

/** Characters of terminal text kept per node (the server's snapshot holds 16 KiB). */
export const TERMINAL_KEEP = 64 * 1024;
/** Drop marks kept. */
export const DROPS_KEEP = 40;
/** Notices kept. */
export const NOTICES_KEEP = 5;
/** Sockets whose history is kept. */
export const HISTORIES_KEEP = 200;
/** TCP samples kept per socket (the oldest go first). */
export const SAMPLES_KEEP = 5000;
/** State changes kept per socket. */
export const TRANSITIONS_KEEP = 200;
/** Timeline markers kept. */
export const MARKS_KEEP = 2000;
/** A flight still not received this long (simulated ns) after it should have arrived is forgotten. */
export const FLIGHT_GRACE = 1_000_000_000;

export function initialLabState(instanceId: string): LabState {
  return {
    instanceId,
    connection: 'connecting',
    connectionDetail: null,
    loaded: false,
    snapshotSeq: 0,
    snapshotReason: null,
    run: null,
    runAt: 0,
    latestTime: 0,
    nodes: [],
    links: [],
    sockets: [],
    arp: [],
    mac: [],
    routes: [],
    terminals: {},
    packetCount: 0,
    flights: [],
    drops: [],
    checks: {},
    notices: [],
    lab: null,
    nextId: 1,
    socketHistory: [],
    marks: [],
    horizon: 0,
  };
}

/**
 * Applies one batch of server messages, in order, and returns the new state (the old one is untouched: views
 * compare slices by identity). Each slice a batch touches is copied once, not once per message, since a batch
 * of a busy lab holds thousands of frames.
 *
 * @param now wall-clock ms, for the run clock and the drop marks' age
 */
export function applyBatch(state: LabState, messages: readonly ServerMessage[], now: number): LabState {
  const d = new Draft(state);
  for (const m of messages) applyMessage(d, m, now);
  return d.finish(now);
}

function applyMessage(d: Draft, m: ServerMessage, now: number): void {
  const s = d.state;
  if ('time' in m && typeof m.time === 'number' && m.time > s.latestTime) s.latestTime = m.time;
  switch (m.type) {
    case 'hello':
      if (m.protocol !== 1) {
        d.notice('protocol', `this page speaks protocol 1, the server ${m.protocol}`);
      }
      return;
    case 'snapshot':
      applySnapshot(d, m.snapshot, m.reason, now);
      return;
    case 'run-state':
      s.run = m.state;
      s.runAt = now;
      if (m.state.time > s.latestTime) s.latestTime = m.state.time;
      return;
    case 'frame': {
      const flights = d.flights();
      const copies = flights.some((f) => f.from === m.node && f.time === m.time && f.link !== m.link);
      const protocol = classifyFrame(m.protocol, m.summary);
      const flood = copies || (protocol === 'ARP' && m.summary.startsWith('Who has'));
      if (copies) for (let i = 0; i < flights.length; i++) {
        const f = flights[i]!;
        if (f.from === m.node && f.time === m.time && !f.flood) flights[i] = { ...f, flood: true };
      }
      flights.push({
        number: m.number,
        link: m.link,
        from: m.node,
        fromDevice: m.device,
        to: m.toNode,
        toDevice: m.toDevice,
        time: m.time,
        leaves: m.leaves,
        arrives: m.arrives,
        length: m.length,
        protocol,
        summary: m.summary,
        flood,
      });
      if (m.number > s.packetCount) s.packetCount = m.number;
      return;
    }
    case 'frame-received': {
      const i = s.flights.findIndex((f) => f.number === m.number);
      if (i >= 0) d.flights().splice(i, 1);
      return;
    }
    case 'frame-dropped': {
      const i = m.number > 0 ? s.flights.findIndex((f) => f.number === m.number) : -1;
      const flight = i >= 0 ? s.flights[i]! : null;
      if (i >= 0) d.flights().splice(i, 1);
      const drops = d.drops();
      drops.push({
        id: s.nextId++,
        time: m.time,
        node: m.node,
        device: m.device,
        number: m.number,
        reason: m.reason,
        text: m.text,
        detail: m.detail,
        ...(m.detailCode ? { detailCode: m.detailCode, detailParams: m.detailParams ?? {} } : {}),
        link: flight ? { name: flight.link, from: flight.from, to: flight.to, at: dropPosition(flight, m) } : null,
        protocol: flight?.protocol ?? null,
        seenAt: now,
      });
      if (drops.length > DROPS_KEEP) drops.splice(0, drops.length - DROPS_KEEP);
      d.mark({ kind: 'drop', time: m.time, node: m.node, what: m.reason });
      return;
    }
    case 'socket': {
      const h = d.history(m.node, m.socket, m.protocol);
      h.state = m.to;
      if (m.local) h.local = m.local;
      if (m.remote) h.remote = m.remote;
      h.transitions.push({
        time: m.time,
        from: m.from,
        to: m.to,
        cause: m.cause,
        ...(m.code ? { code: m.code, params: m.params ?? {} } : {}),
      });
      if (h.transitions.length > TRANSITIONS_KEEP) h.transitions.splice(0, h.transitions.length - TRANSITIONS_KEEP);
      const sockets = d.sockets();
      const i = sockets.findIndex((x) => x.node === m.node && x.socket === m.socket);
      if (m.to === 'CLOSED') {
        if (i >= 0) sockets.splice(i, 1);
        return;
      }
      const base = i >= 0 ? sockets[i]! : emptySocket(m.node, m.socket, m.protocol);
      const next = { ...base, local: m.local, remote: m.remote, state: m.to, protocol: m.protocol };
      if (i >= 0) sockets[i] = next;
      else sockets.push(next);
      return;
    }
    case 'tcp': {
      d.sample(m.node, m.socket, {
        time: m.time,
        cwnd: m.cwnd,
        ssthresh: m.ssthresh,
        sndWnd: m.sndWnd,
        rcvWnd: m.rcvWnd,
        inFlight: inFlight(m.sndNxt, m.sndUna),
      });
      const i = s.sockets.findIndex((x) => x.node === m.node && x.socket === m.socket);
      if (i < 0) return;
      const sockets = d.sockets();
      sockets[i] = {
        ...sockets[i]!,
        sndUna: m.sndUna,
        sndNxt: m.sndNxt,
        sndWnd: m.sndWnd,
        rcvNxt: m.rcvNxt,
        rcvWnd: m.rcvWnd,
        cwnd: m.cwnd,
        ssthresh: m.ssthresh,
        srtt: m.srtt,
        rttvar: m.rttvar,
        rto: m.rto,
        sendQueue: m.sendBuffered,
        receiveQueue: m.receiveBuffered,
      };
      return;
    }
    case 'arp': {
      const arp = d.table('arp');
      const i = arp.findIndex((r) => r.node === m.node && r.address === m.address);
      if (m.change === 'REMOVED' || m.change === 'EXPIRED') {
        if (i >= 0) arp.splice(i, 1);
      } else {
        const row = { node: m.node, address: m.address, mac: m.mac, device: m.device, expires: i >= 0 ? arp[i]!.expires : 0 };
        if (i >= 0) arp[i] = row;
        else arp.push(row);
      }
      return;
    }
    case 'mac': {
      const mac = d.table('mac');
      const i = mac.findIndex((r) => r.node === m.node && r.mac === m.mac);
      if (m.change === 'REMOVED' || m.change === 'EXPIRED') {
        if (i >= 0) mac.splice(i, 1);
      } else {
        const row = { node: m.node, mac: m.mac, port: m.port, expires: i >= 0 ? mac[i]!.expires : 0 };
        if (i >= 0) mac[i] = row;
        else mac.push(row);
      }
      return;
    }
    case 'route': {
      const routes = d.table('routes');
      const i = routes.findIndex((r) => r.node === m.node && r.destination === m.destination);
      if (m.change === 'REMOVED' || m.change === 'EXPIRED') {
        if (i >= 0) routes.splice(i, 1);
      } else {
        const row = { node: m.node, destination: m.destination, via: m.via, device: m.device, origin: m.via ? 'STATIC' : 'CONNECTED' };
        if (i >= 0) routes[i] = row;
        else routes.push(row);
      }
      return;
    }
    case 'interface': {
      const nodes = d.nodes();
      const i = nodes.findIndex((n) => n.id === m.node);
      if (i < 0) return;
      const node = nodes[i]!;
      nodes[i] = { ...node, interfaces: node.interfaces.map((f) => (f.name === m.device ? { ...f, up: m.up } : f)) };
      return;
    }
    case 'terminal':
      d.appendTerminal(m.node, toCrlf(m.text));
      return;
    case 'echo':
      d.appendTerminal(m.node, m.text);
      return;
    case 'job-ended':
      return; // its output already came as terminal text
    case 'overflow':
      d.notice('overflow', m.detail, undefined, m.dropped);
      d.flights().length = 0;
      return;
    case 'error':
      d.notice('error', m.message, m.field);
      return;
    case 'throttled':
      d.notice('throttled', m.detail);
      return;
    case 'check':
      d.checks()[m.step] = { step: m.step, passed: m.passed, why: m.why ?? null, whyKo: m.whyKo ?? null, time: m.time };
      if (typeof m.time === 'number') d.mark({ kind: 'check', time: m.time, node: null, what: String(m.step), passed: m.passed });
      return;
  }
}

/** Where along its link a lost frame is marked: mid-cable when the wire lost it, else where it had got to. */
function dropPosition(f: Flight, m: { time: number; reason: string }): number {
  if (m.reason === 'LINK_LOSS' || m.reason === 'LINK_DOWN') return 0.5;
  const span = f.arrives - f.time;
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, (m.time - f.time) / span));
}

function applySnapshot(d: Draft, snap: Snapshot, reason: string, now: number): void {
  const s = d.state;
  const previous = s.terminals;
  // going back in time: what this page saw after the new moment has not happened (yet) in the rebuilt lab
  const t = snap.run.time;
  if (t < s.latestTime) d.forgetAfter(t, snap.sockets);
  s.loaded = true;
  s.snapshotSeq++;
  s.snapshotReason = reason;
  s.run = snap.run;
  s.runAt = now;
  s.latestTime = snap.run.time;
  s.nodes = snap.nodes;
  s.links = snap.links;
  s.sockets = snap.sockets;
  s.arp = snap.arp;
  s.mac = snap.mac;
  s.routes = snap.routes;
  s.packetCount = snap.packets;
  s.flights = [];
  if (snap.checks) {
    s.checks = {};
    for (const c of snap.checks) s.checks[c.step] = c;
  }
  const terminals: Record<string, TerminalBuffer> = {};
  for (const [node, printed] of Object.entries(snap.terminals ?? {})) {
    const old = previous[node];
    const text = toCrlf(printed);
    const editing = snap.editing?.[node] ?? null;
    // a terminal already showing exactly this keeps its epoch, so a reconnect does not flicker it
    const same = old && old.text === text && old.editingAt === text.length && sameEditing(old.editing, editing);
    terminals[node] = same ? old : { text, total: text.length, epoch: (old?.epoch ?? 0) + 1, editing, editingAt: text.length };
  }
  s.terminals = terminals;
  d.markReplaced();
  const present = new Set(snap.sockets.map((x) => socketKey(x.node, x.socket)));
  for (const h of s.socketHistory) {
    if (h.state !== 'CLOSED' && !present.has(h.key)) d.history(h.node, h.socket, h.protocol).state = 'CLOSED';
  }
  for (const x of snap.sockets) {
    const h = d.history(x.node, x.socket, x.protocol);
    h.state = x.state;
    h.local = x.local;
    h.remote = x.remote;
    if (x.protocol === 'tcp') {
      d.sample(x.node, x.socket, {
        time: t,
        cwnd: x.cwnd,
        ssthresh: x.ssthresh,
        sndWnd: x.sndWnd,
        rcvWnd: x.rcvWnd,
        inFlight: inFlight(x.sndNxt, x.sndUna),
      });
    }
  }
}

/**
 * Merges the server's recorded history of every socket (`GET .../sockets/history`, since the instance started) into
 * what this page saw: for each socket the server knows, its state changes and samples up to the history's `time`
 * are the server's, and what this page heard after that moment stays. So a page opened late, or reloaded, draws a
 * connection from its first SYN. Sockets the server forgot keep what the page saw.
 */
export function mergeSocketHistory(state: LabState, history: SocketHistoryResponse): LabState {
  const until = history.time;
  const byKey = new Map(state.socketHistory.map((h) => [h.key, h]));
  const merged: SocketHistory[] = [];
  const seen = new Set<string>();
  for (const x of history.sockets) {
    const key = socketKey(x.node, x.socket);
    if (seen.has(key)) continue; // a UDP and a TCP socket of one number: the page keys them by number alone
    seen.add(key);
    const mine = byKey.get(key);
    const transitions: SocketTransition[] = x.transitions.map((t) => ({
      time: t.time,
      from: t.from,
      to: t.to,
      cause: t.cause,
      code: t.code,
      params: t.params,
    }));
    const samples: TcpSample[] = [];
    for (const v of x.samples) {
      const sample = { time: v.time, cwnd: v.cwnd, ssthresh: v.ssthresh, sndWnd: v.sndWnd, rcvWnd: v.rcvWnd, inFlight: inFlight(v.sndNxt, v.sndUna) };
      const last = samples[samples.length - 1];
      if (last && last.time === sample.time) samples.pop();
      else if (last && sameVariables(last, sample)) continue;
      samples.push(sample);
    }
    const laterTransitions = mine ? mine.transitions.filter((t) => t.time > until) : [];
    const laterSamples = mine ? mine.samples.filter((t) => t.time > until) : [];
    merged.push({
      key,
      node: x.node,
      socket: x.socket,
      protocol: x.protocol,
      local: x.local ?? mine?.local ?? '',
      remote: x.remote ?? mine?.remote ?? '',
      state: laterTransitions.length > 0 ? mine!.state : x.state,
      transitions: [...transitions, ...laterTransitions].slice(-TRANSITIONS_KEEP),
      samples: [...samples, ...laterSamples].slice(-SAMPLES_KEEP),
      ...(x.transitionsCut > 0 || x.samplesCut > 0 ? { cut: { transitions: x.transitionsCut, samples: x.samplesCut } } : {}),
    });
  }
  // sockets only this page knows (first heard of after the history was read, or forgotten by the server) stay
  for (const h of state.socketHistory) if (!seen.has(h.key)) merged.push(h);
  return { ...state, socketHistory: merged.slice(-HISTORIES_KEEP) };
}

/** SND.NXT − SND.UNA in sequence space (modulo 2³²). */
export function inFlight(sndNxt: number, sndUna: number): number {
  return (sndNxt - sndUna) >>> 0;
}

/** The key of a socket in `socketHistory` and in views' selections. */
export function socketKey(node: string, socket: number): string {
  return `${node}/${socket}`;
}

function sameEditing(a: Editing | null, b: Editing | null): boolean {
  return a === b || (a !== null && b !== null && a.prompt === b.prompt && a.line === b.line && a.cursor === b.cursor);
}

function sameVariables(a: TcpSample, b: TcpSample): boolean {
  return a.cwnd === b.cwnd && a.ssthresh === b.ssthresh && a.sndWnd === b.sndWnd && a.rcvWnd === b.rcvWnd && a.inFlight === b.inFlight;
}

function emptySocket(node: string, socket: number, protocol: string): SocketView {
  return {
    node, socket, protocol, local: '', remote: '', state: '', iss: 0, irs: 0, sndUna: 0, sndNxt: 0, sndWnd: 0,
    rcvNxt: 0, rcvWnd: 0, cwnd: 0, ssthresh: 0, srtt: 0, rttvar: 0, rto: 0, mss: 0, sendQueue: 0, receiveQueue: 0,
    timer: 'off', timerRemaining: 0, retransmitted: 0,
  };
}

/** A state being changed by one batch: each slice is copied the first time the batch changes it. */
class Draft {
  readonly state: LabState;
  private readonly copied = new Set<string>();

  constructor(base: LabState) {
    this.state = { ...base };
  }

  /** Histories this batch already copied (their arrays may be changed in place). */
  private readonly ownHistories = new Set<string>();

  private own<K extends 'flights' | 'drops' | 'sockets' | 'nodes' | 'arp' | 'mac' | 'routes' | 'notices' | 'socketHistory' | 'marks'>(key: K): LabState[K] {
    if (!this.copied.has(key)) {
      this.copied.add(key);
      (this.state[key] as unknown[]) = [...(this.state[key] as unknown[])];
    }
    return this.state[key];
  }

  flights() { return this.own('flights'); }
  drops() { return this.own('drops'); }
  sockets() { return this.own('sockets'); }
  nodes() { return this.own('nodes'); }
  table<K extends 'arp' | 'mac' | 'routes'>(key: K): LabState[K] { return this.own(key); }

  /** The socket's history, copied once per batch; made when the page had not heard of the socket yet. */
  history(node: string, socket: number, protocol: string): SocketHistory {
    const key = socketKey(node, socket);
    const list = this.own('socketHistory');
    const i = list.findIndex((h) => h.key === key);
    if (i < 0) {
      const h: SocketHistory = { key, node, socket, protocol, local: '', remote: '', state: '', transitions: [], samples: [] };
      this.ownHistories.add(key);
      list.push(h);
      if (list.length > HISTORIES_KEEP) {
        // the oldest closed sockets go first; live ones stay
        const closed = list.findIndex((x) => x.state === 'CLOSED');
        list.splice(closed >= 0 ? closed : 0, 1);
      }
      return h;
    }
    if (!this.ownHistories.has(key)) {
      this.ownHistories.add(key);
      const old = list[i]!;
      list[i] = { ...old, transitions: [...old.transitions], samples: [...old.samples] };
    }
    return list[i]!;
  }

  /** A TCP sample for a socket the page knows; one equal to the previous sample is not kept twice. */
  sample(node: string, socket: number, sample: TcpSample): void {
    const key = socketKey(node, socket);
    if (!this.state.socketHistory.some((h) => h.key === key)) return;
    const h = this.history(node, socket, 'tcp');
    const last = h.samples[h.samples.length - 1];
    if (last && last.time === sample.time) h.samples.pop();
    else if (last && sameVariables(last, sample)) return;
    h.samples.push(sample);
    if (h.samples.length > SAMPLES_KEEP) h.samples.splice(0, h.samples.length - SAMPLES_KEEP);
  }

  mark(mark: TimelineMark): void {
    const marks = this.own('marks');
    marks.push(mark);
    if (marks.length > MARKS_KEEP) marks.splice(0, marks.length - MARKS_KEEP);
  }

  /**
   * The lab went back to `t`: marks, state changes and samples after it are forgotten, sockets first heard of
   * after it too, and a socket the rebuilt lab does not have is closed.
   */
  forgetAfter(t: number, live: readonly SocketView[]): void {
    const s = this.state;
    if (s.marks.some((m) => m.time > t)) s.marks = s.marks.filter((m) => m.time <= t);
    this.copied.delete('marks');
    const alive = new Set(live.map((x) => socketKey(x.node, x.socket)));
    const kept: SocketHistory[] = [];
    for (const h of s.socketHistory) {
      const first = Math.min(h.transitions[0]?.time ?? Infinity, h.samples[0]?.time ?? Infinity);
      if (first > t && !alive.has(h.key)) continue;
      const transitions = h.transitions.filter((x) => x.time <= t);
      const samples = h.samples.filter((x) => x.time <= t);
      const state = alive.has(h.key) ? h.state : 'CLOSED';
      kept.push(
        transitions.length === h.transitions.length && samples.length === h.samples.length && state === h.state
          ? h
          : { ...h, transitions, samples, state },
      );
    }
    s.socketHistory = kept;
    this.copied.delete('socketHistory');
    this.ownHistories.clear();
    s.horizon = Math.max(s.horizon, s.latestTime);
  }

  checks(): Record<number, CheckResult> {
    if (!this.copied.has('checks')) {
      this.copied.add('checks');
      this.state.checks = { ...this.state.checks };
    }
    return this.state.checks;
  }

  appendTerminal(node: string, text: string): void {
    if (!this.copied.has('terminals')) {
      this.copied.add('terminals');
      this.state.terminals = { ...this.state.terminals };
    }
    const old = this.state.terminals[node] ?? { text: '', total: 0, epoch: 1, editing: null, editingAt: 0 };
    let all = old.text + text;
    let editing = old.editing;
    let editingAt = old.editingAt;
    if (all.length > TERMINAL_KEEP) {
      // the oldest text goes, from a line's start, so no control sequence is cut in two
      let cut = all.length - TERMINAL_KEEP;
      const lineEnd = all.indexOf('\n', cut);
      if (lineEnd >= 0 && lineEnd < all.length - 1) cut = lineEnd + 1;
      all = all.slice(cut);
      editingAt -= cut;
      if (editingAt < 0) {
        editing = null;
        editingAt = 0;
      }
    }
    this.state.terminals[node] = { text: all, total: old.total + text.length, epoch: old.epoch, editing, editingAt };
  }

  notice(kind: Notice['kind'], message: string, field?: string, count?: number): void {
    const notices = this.own('notices');
    notices.push({ id: this.state.nextId++, kind, message, ...(field ? { field } : {}), ...(count !== undefined ? { count } : {}) });
    if (notices.length > NOTICES_KEEP) notices.splice(0, notices.length - NOTICES_KEEP);
  }

  /** A snapshot replaced these slices wholesale: later messages of the batch must copy before changing them. */
  markReplaced(): void {
    for (const key of ['flights', 'sockets', 'nodes', 'arp', 'mac', 'routes', 'checks', 'terminals']) {
      this.copied.delete(key);
    }
  }

  finish(_now: number): LabState {
    const s = this.state;
    if (s.latestTime > s.horizon) s.horizon = s.latestTime;
    // frames whose end was lost (an overflow left it out) must not hang on a wire forever
    const horizon = s.latestTime - FLIGHT_GRACE;
    if (s.flights.some((f) => f.arrives < horizon)) s.flights = s.flights.filter((f) => f.arrives >= horizon);
    return s;
  }
}

/**
 * The simulated time to draw at wall-clock `now`: the last run state's time, advanced at its speed while playing,
 * never behind the newest message.
 */
export function simulatedTimeAt(state: Pick<LabState, 'run' | 'runAt' | 'latestTime'>, now: number): number {
  const run = state.run;
  if (!run) return state.latestTime;
  if (run.mode !== 'PLAYING') return Math.max(run.time, state.latestTime);
  const advanced = run.time + run.speed * Math.max(0, now - state.runAt) * 1e6;
  return Math.max(advanced, state.latestTime);
}
