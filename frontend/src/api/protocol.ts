// The live lab protocol (docs/protocol.md is the contract): what an instance's snapshot holds and every
// message on /ws/labs/{id}. Hand-kept to mirror the document, one type per message, in its order.
// All times are simulated nanoseconds since the instance started.

export type RunMode = 'PAUSED' | 'PLAYING' | 'RUNNING';

/** How an instance runs (`run-state`, and `run` in a snapshot). */
export interface RunState {
  mode: RunMode;
  /** Simulated seconds per wall-clock second while playing: 1 is real time, 0.001 slow motion. */
  speed: number;
  skipIdle: boolean;
  time: number;
  events: number;
  pending: number;
  /** Recorded entries still ahead after going back in time. */
  replay: number;
  behind: boolean;
  /** Running as many events per second as an instance may (absent from older servers: read it as false). */
  throttled?: boolean;
}

export interface InterfaceView {
  name: string;
  mac: string;
  /** With its prefix length (`10.0.0.1/24`); null for switch ports and unnumbered interfaces. */
  ip: string | null;
  up: boolean;
  /** The cable plugged in, by its name, or null. */
  link: string | null;
}

export type NodeKind = 'host' | 'server' | 'switch' | 'hub' | 'router' | string;

export interface NodeView {
  id: string;
  kind: NodeKind;
  interfaces: InterfaceView[];
  gateway: string | null;
}

/** A cable, in base units (bits per second, nanoseconds, bytes). */
export interface LinkView {
  /** `pc1:eth0-sw1:p1`, as in traces and captures. */
  name: string;
  /** One end, `node:interface`. */
  a: string;
  b: string;
  bandwidth: number;
  delay: number;
  jitter: number;
  loss: number;
  mtu: number;
  queue: number;
  up: boolean;
}

/** A TCP (or UDP) socket with its variables, as `GET .../sockets` returns it. */
export interface SocketView {
  node: string;
  socket: number;
  protocol: string;
  local: string;
  remote: string;
  state: string;
  iss: number;
  irs: number;
  sndUna: number;
  sndNxt: number;
  sndWnd: number;
  rcvNxt: number;
  rcvWnd: number;
  cwnd: number;
  ssthresh: number;
  srtt: number;
  rttvar: number;
  rto: number;
  mss: number;
  sendQueue: number;
  receiveQueue: number;
  timer: string;
  timerRemaining: number;
  retransmitted: number;
}

export interface ArpRow {
  node: string;
  address: string;
  mac: string | null;
  device: string;
  expires: number;
}

export interface MacRow {
  node: string;
  mac: string;
  port: string;
  expires: number;
}

export interface RouteRow {
  node: string;
  destination: string;
  via: string | null;
  device: string;
  origin: string;
}

/** A step's check verdict, as the snapshot's `checks` hold it: see `CheckMessage`. */
export interface CheckResult {
  step: number;
  passed: boolean;
  why?: string | null;
  /** `why` in Korean; absent from older servers. */
  whyKo?: string | null;
  time?: number;
}

/** Everything needed to draw an instance from scratch. */
export interface Snapshot {
  instance: string;
  run: RunState;
  nodes: NodeView[];
  links: LinkView[];
  sockets: SocketView[];
  arp: ArpRow[];
  mac: MacRow[];
  routes: RouteRow[];
  /** The last 16 KiB each node's terminal printed, by node. */
  terminals: Record<string, string>;
  /** Transmissions numbered so far. */
  packets: number;
  /** Step verdicts, once the server sends them (not in protocol 1). */
  checks?: CheckResult[];
  /**
   * The line being typed at each terminal someone typed `keys` at (absent from older servers): drawn after the
   * terminal's text as `prompt` + `line`, the cursor before code point `cursor` of `line`.
   */
  editing?: Record<string, Editing>;
}

/** The line being typed at a node's terminal (the server's line discipline holds it). */
export interface Editing {
  /** `$ ` at the shell, empty while a command reads the terminal. */
  prompt: string;
  line: string;
  /** Code points of `line` before the cursor. */
  cursor: number;
}

export interface JobView {
  job: number;
  node: string;
  line: string;
  running: boolean;
  exitCode: number | null;
  started: number;
  ended: number | null;
  output: string;
}

// ---- server → client ----------------------------------------------------------------------------------------

export interface HelloMessage {
  type: 'hello';
  instance: string;
  protocol: number;
}

export type SnapshotReason = 'connected' | 'overflow' | 'reset' | 'requested';

export interface SnapshotMessage {
  type: 'snapshot';
  reason: SnapshotReason | string;
  snapshot: Snapshot;
}

export interface RunStateMessage {
  type: 'run-state';
  state: RunState;
}

/** A frame's first bit leaves `node`'s `device` at `time`; its last bit leaves at `leaves`, arrives at `arrives`. */
export interface FrameMessage {
  type: 'frame';
  time: number;
  node: string;
  number: number;
  device: string;
  link: string;
  toNode: string;
  toDevice: string;
  leaves: number;
  arrives: number;
  length: number;
  protocol: string;
  summary: string;
}

export interface FrameReceivedMessage {
  type: 'frame-received';
  time: number;
  node: string;
  number: number;
  device: string;
  link: string;
}

export interface FrameDroppedMessage {
  type: 'frame-dropped';
  time: number;
  node: string;
  /** The transmission it ends when lost on the wire, else 0. */
  number: number;
  /** Null above the interfaces. */
  device: string | null;
  reason: string;
  text: string;
  detail: string | null;
  /** The detail as a code to translate (`server-codes.json`), and the parts that vary (absent without a detail). */
  detailCode?: string;
  detailParams?: Record<string, string>;
}

export interface SocketMessage {
  type: 'socket';
  time: number;
  node: string;
  socket: number;
  protocol: string;
  local: string;
  remote: string;
  from: string;
  to: string;
  /** Why, in English. */
  cause: string;
  /** The cause as a code to translate (`server-codes.json`), and the parts of its text that vary. */
  code?: string;
  params?: Record<string, string>;
}

export interface TcpMessage {
  type: 'tcp';
  time: number;
  node: string;
  socket: number;
  sndUna: number;
  sndNxt: number;
  sndWnd: number;
  rcvNxt: number;
  rcvWnd: number;
  cwnd: number;
  ssthresh: number;
  srtt: number;
  rttvar: number;
  rto: number;
  sendBuffered: number;
  receiveBuffered: number;
}

export type TableChange = 'ADDED' | 'UPDATED' | 'REMOVED' | 'EXPIRED' | string;

export interface ArpMessage {
  type: 'arp';
  time: number;
  node: string;
  change: TableChange;
  address: string;
  mac: string | null;
  device: string;
}

export interface MacMessage {
  type: 'mac';
  time: number;
  node: string;
  change: TableChange;
  mac: string;
  port: string;
}

export interface RouteMessage {
  type: 'route';
  time: number;
  node: string;
  change: TableChange;
  destination: string;
  via: string | null;
  device: string;
}

export interface InterfaceMessage {
  type: 'interface';
  time: number;
  node: string;
  device: string;
  up: boolean;
}

export interface TerminalMessage {
  type: 'terminal';
  time: number;
  node: string;
  text: string;
}

/**
 * What a terminal typed at with `keys` must show of the line being typed, for every client: `text` is xterm data
 * (characters and control sequences) to write in order with the node's `terminal` messages.
 */
export interface EchoMessage extends Editing {
  type: 'echo';
  node: string;
  text: string;
}

export interface JobEndedMessage {
  type: 'job-ended';
  job: JobView;
}

export interface OverflowMessage {
  type: 'overflow';
  dropped: number;
  detail: string;
}

/** The instance began to run as many simulation events per second as it may; its clock is held to that rate. */
export interface ThrottledMessage {
  type: 'throttled';
  time: number;
  limit: number;
  /** `switching-loop` (a switch saw MAC addresses move between its ports) or `load`. */
  cause: string;
  node: string | null;
  moves: number;
  /** What happened, for a learner. */
  detail: string;
}

export interface ErrorMessage {
  type: 'error';
  message: string;
  field?: string;
}

/**
 * A step's check started or stopped passing (docs/protocol.md, `check`): why in English, and whyKo in Korean from
 * servers that send it.
 */
export interface CheckMessage {
  type: 'check';
  time?: number;
  step: number;
  passed: boolean;
  why?: string | null;
  whyKo?: string | null;
}

export type ServerMessage =
  | HelloMessage
  | SnapshotMessage
  | RunStateMessage
  | FrameMessage
  | FrameReceivedMessage
  | FrameDroppedMessage
  | SocketMessage
  | TcpMessage
  | ArpMessage
  | MacMessage
  | RouteMessage
  | InterfaceMessage
  | TerminalMessage
  | EchoMessage
  | JobEndedMessage
  | OverflowMessage
  | ThrottledMessage
  | ErrorMessage
  | CheckMessage;

/** Every text frame from the server: the messages of the last ~33 ms, in order. */
export interface BatchMessage {
  type: 'batch';
  messages: ServerMessage[];
}

// ---- REST reads beside the stream -----------------------------------------------------------------------------

/** A socket's state change in its recorded history (`GET .../sockets/history`), as a `socket` message has it. */
export interface HistoryTransition {
  time: number;
  from: string;
  to: string;
  cause: string;
  code: string;
  params: Record<string, string>;
}

/** A TCP connection's variables after a change, as a `tcp` message has them. */
export interface HistorySample {
  time: number;
  sndUna: number;
  sndNxt: number;
  sndWnd: number;
  rcvNxt: number;
  rcvWnd: number;
  cwnd: number;
  ssthresh: number;
  srtt: number;
  rttvar: number;
  rto: number;
  sendBuffered: number;
  receiveBuffered: number;
}

export interface HistorySocket {
  node: string;
  socket: number;
  protocol: string;
  local: string | null;
  remote: string | null;
  state: string;
  transitions: HistoryTransition[];
  samples: HistorySample[];
  /** The oldest state changes and samples left out to stay within the server's limits. */
  transitionsCut: number;
  samplesCut: number;
}

/** Every socket's story since the instance started, up to simulated time `time`. */
export interface SocketHistoryResponse {
  time: number;
  sockets: HistorySocket[];
  socketsCut: number;
  limits: { sockets: number; transitionsPerSocket: number; samplesPerSocket: number; samples: number };
}

// ---- client → server ----------------------------------------------------------------------------------------

export type ControlAction = 'pause' | 'play' | 'step' | 'step-frame' | 'run-until-idle' | 'advance' | 'seek';

export interface ControlMessage {
  type: 'control';
  action: ControlAction;
  speed?: number;
  skipIdle?: boolean;
  time?: number;
}

/**
 * Keys typed at a node's terminal as xterm's `onData` gives them (at most `MAX_KEYS` characters); the server edits
 * the line and answers with `echo`. `cols` is the terminal's width.
 */
export interface KeysMessage {
  type: 'keys';
  node: string;
  data: string;
  cols?: number;
}

/** The most characters one `keys` message may carry. */
export const MAX_KEYS = 4096;

export type ClientMessage =
  | { type: 'line'; node: string; text: string }
  | KeysMessage
  | { type: 'interrupt'; node: string }
  | { type: 'eof'; node: string }
  | ControlMessage
  | { type: 'snapshot' };

/** The protocol version this client speaks (`hello.protocol`). */
export const PROTOCOL_VERSION = 1;

/** Slowest and fastest play speeds the server accepts. */
export const MIN_SPEED = 0.0001;
export const MAX_SPEED = 1000;
