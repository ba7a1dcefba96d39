import { MAX_KEYS } from '../api/protocol';

/** Least time between two `keys` messages of one terminal, ms: the server takes 100 a second per instance. */
export const KEYS_INTERVAL = 20;

export interface KeySenderOptions {
  /** Sends one `keys` message. */
  send: (data: string) => void;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/**
 * Sends what is typed at a terminal as `keys` messages: a key goes at once, keys typed faster than one per
 * `KEYS_INTERVAL` ms (a fast typist, a held key, Selenium) wait and go together, so a terminal stays under the
 * server's rate; a paste longer than a message holds is cut into messages, never inside a character.
 */
export class KeySender {
  private pending = '';
  private last = -Infinity;
  private timer: unknown = null;
  private readonly now: () => number;
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  constructor(private readonly options: KeySenderOptions) {
    this.now = options.now ?? (() => performance.now());
    this.setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  }

  type(data: string): void {
    if (data === '') return;
    this.pending += data;
    if (this.timer !== null) return;
    const wait = this.last + KEYS_INTERVAL - this.now();
    if (wait <= 0) this.flush();
    else this.timer = this.setTimer(() => {
      this.timer = null;
      this.flush();
    }, wait);
  }

  /** Sends what waits now. */
  flush(): void {
    if (this.timer !== null) {
      this.clearTimer(this.timer);
      this.timer = null;
    }
    if (this.pending === '') return;
    this.last = this.now();
    for (const part of splitKeys(this.pending)) this.options.send(part);
    this.pending = '';
  }

  /** The terminal closed: what waits is sent. */
  dispose(): void {
    this.flush();
  }
}

/** `data` in parts of at most `max` UTF-16 units, none ending between the two halves of a surrogate pair. */
export function splitKeys(data: string, max = MAX_KEYS): string[] {
  const parts: string[] = [];
  let i = 0;
  while (i < data.length) {
    let end = Math.min(data.length, i + max);
    const last = data.charCodeAt(end - 1);
    if (end < data.length && last >= 0xd800 && last <= 0xdbff) end--;
    parts.push(data.slice(i, end));
    i = end;
  }
  return parts;
}
