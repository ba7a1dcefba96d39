import type { WebSocketLike } from '../api/labSocket';
import type { ClassMessage } from './types';

/** Where a class channel stands: `refused` when the server said no (a wrong token, an ended class): no retry helps. */
export type ChannelStatus = 'connecting' | 'open' | 'reconnecting' | 'refused' | 'closed';

/** Delays before reconnecting, ms. */
const DELAYS = [250, 500, 1000, 2000, 4000];

export interface ClassChannelOptions {
  url: string;
  onMessage(message: ClassMessage): void;
  onStatus(status: ChannelStatus, detail?: string): void;
  createSocket?: (url: string) => WebSocketLike;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/**
 * A class channel (`/ws/classes/{id}/dashboard` or `/student`): it only listens. It reconnects after a drop, and
 * every connection starts with the whole state again (`dashboard` or `me`), so nothing is missed. A close with a
 * code from 4400 (the server refused the token, or the class) stops it, with the reason the `error` before said.
 */
export class ClassChannel {
  private socket: WebSocketLike | null = null;
  private attempt = 0;
  private timer: unknown = null;
  private stopped = false;
  private lastError: string | undefined;
  private readonly createSocket: (url: string) => WebSocketLike;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly options: ClassChannelOptions) {
    this.createSocket = options.createSocket ?? ((url) => new WebSocket(url) as unknown as WebSocketLike);
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  connect(): void {
    this.stopped = false;
    this.open();
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
      socket.close(1000, 'leaving the class');
    }
    this.options.onStatus('closed');
  }

  private open(): void {
    this.options.onStatus(this.attempt === 0 ? 'connecting' : 'reconnecting');
    const socket = this.createSocket(this.options.url);
    this.socket = socket;
    socket.onopen = () => {};
    socket.onerror = () => {};
    socket.onmessage = (event) => {
      if (typeof event.data !== 'string') return;
      let message: ClassMessage;
      try {
        message = JSON.parse(event.data) as ClassMessage;
      } catch {
        return;
      }
      if (message.type === 'hello') {
        this.attempt = 0;
        this.options.onStatus('open');
      }
      if (message.type === 'error') this.lastError = message.message;
      this.options.onMessage(message);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.stopped) return;
      if (event.code >= 4400 && event.code < 4500) {
        this.stopped = true;
        this.options.onStatus('refused', this.lastError ?? event.reason);
        return;
      }
      const delay = DELAYS[Math.min(this.attempt, DELAYS.length - 1)]!;
      this.attempt++;
      this.options.onStatus('reconnecting', event.reason || undefined);
      this.timer = this.setTimer(() => {
        this.timer = null;
        if (!this.stopped) this.open();
      }, delay);
    };
  }
}
