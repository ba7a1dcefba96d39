import { instanceOfSocketUrl, pageInstanceTokens } from './instanceTokens';
import type { BatchMessage, ClientMessage, ServerMessage } from './protocol';

/** Proves the connection holds the instance's owner (or replay) token; the server answers `authorized`. */
export interface AuthMessage {
  type: 'auth';
  token: string;
}

/**
 * Where the connection to an instance stands: `connecting` the first time, `open` once the server said hello,
 * `reconnecting` after it dropped (a fresh snapshot follows the next hello), `gone` when the instance does not exist
 * (close code 4404: retrying cannot help), `closed` after `close()`.
 */
export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'gone' | 'closed';

/** The part of the browser's WebSocket this client uses, so tests can hand it a fake. */
export interface WebSocketLike {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface LabSocketOptions {
  url: string;
  /** Called once per text frame with the batch's messages, in order. */
  onBatch(messages: ServerMessage[]): void;
  onStatus(status: ConnectionStatus, detail?: string): void;
  createSocket?: (url: string) => WebSocketLike;
  /**
   * The instance's owner (or replay) token, sent in an `auth` message first thing on every connection: without it the
   * server lets the connection watch but refuses its input. By default, the token this browser keeps for the
   * instance of a `/ws/labs/{id}` URL (docs/protocol.md).
   */
  token?: () => string | null;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** The server closes with this code when the instance does not exist (docs/protocol.md). */
export const CLOSE_NO_INSTANCE = 4404;
/** Delays before reconnecting, in ms: quick at first, then every 8 s. */
export const RECONNECT_DELAYS = [250, 500, 1000, 2000, 4000, 8000];
/** Client messages kept while reconnecting (typed lines, controls), sent once the connection is back. */
export const MAX_QUEUED = 200;

const OPEN = 1;

/**
 * The WebSocket of one instance (`/ws/labs/{id}`): unpacks batches, reconnects with back-off after a drop, and
 * keeps what the user sent meanwhile. It holds no lab state: every (re)connection starts with `hello` and a
 * `snapshot` that the store draws from scratch, which is also how the "fell behind" path ends.
 */
export class LabSocket {
  private socket: WebSocketLike | null = null;
  private attempt = 0;
  private timer: unknown = null;
  private stopped = false;
  private readonly queue: string[] = [];
  private readonly createSocket: (url: string) => WebSocketLike;
  private readonly token: () => string | null;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly options: LabSocketOptions) {
    this.createSocket = options.createSocket ?? ((url) => new WebSocket(url) as unknown as WebSocketLike);
    const instance = instanceOfSocketUrl(options.url);
    const tokens = options.token ? null : pageInstanceTokens();
    this.token = options.token ?? (() => (instance && tokens ? tokens.get(instance) : null));
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  connect(): void {
    this.stopped = false;
    this.open();
  }

  /** Sends now, or once the connection is back; false when it had to be dropped (closed, or too many waiting). */
  send(message: ClientMessage): boolean {
    if (this.stopped) return false;
    const text = JSON.stringify(message);
    if (this.socket && this.socket.readyState === OPEN) {
      this.socket.send(text);
      return true;
    }
    if (this.queue.length >= MAX_QUEUED) return false;
    this.queue.push(text);
    return true;
  }

  close(): void {
    this.stopped = true;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.onmessage = null;
      socket.close(1000, 'leaving the lab');
    }
    this.options.onStatus('closed');
  }

  private open(): void {
    this.options.onStatus(this.attempt === 0 ? 'connecting' : 'reconnecting');
    const socket = this.createSocket(this.options.url);
    this.socket = socket;
    socket.onopen = () => {
      // the server speaks first (hello, then the snapshot); the token goes before what waited, which needs it
      const token = this.token();
      if (token) socket.send(JSON.stringify({ type: 'auth', token } satisfies AuthMessage));
      for (const text of this.queue.splice(0)) socket.send(text);
    };
    socket.onmessage = (event) => this.receive(event.data);
    socket.onerror = () => {
      // onclose follows and decides what to do
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.stopped) return;
      if (event.code === CLOSE_NO_INSTANCE) {
        this.stopped = true;
        this.options.onStatus('gone', event.reason);
        return;
      }
      const delay = RECONNECT_DELAYS[Math.min(this.attempt, RECONNECT_DELAYS.length - 1)]!;
      this.attempt++;
      this.options.onStatus('reconnecting', event.reason || undefined);
      this.timer = this.setTimer(() => {
        this.timer = null;
        if (!this.stopped) this.open();
      }, delay);
    };
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let parsed: BatchMessage | ServerMessage;
    try {
      parsed = JSON.parse(data) as BatchMessage | ServerMessage;
    } catch {
      return; // the server sends JSON only; a broken frame is not worth tearing the lab down for
    }
    const messages = parsed.type === 'batch' ? parsed.messages : [parsed];
    if (messages.some((m) => m.type === 'hello')) {
      this.attempt = 0;
      this.options.onStatus('open');
    }
    this.options.onBatch(messages);
  }
}

/** The WebSocket URL of an instance, on the page's own host. */
export function labSocketUrl(instanceId: string, location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws/labs/${encodeURIComponent(instanceId)}`;
}
