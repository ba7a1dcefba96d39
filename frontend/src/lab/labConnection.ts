import type { ApiClient } from '../api/client';
import { LabSocket, labSocketUrl, type WebSocketLike } from '../api/labSocket';
import type { ClientMessage, ControlMessage } from '../api/protocol';
import { LabStore } from '../store/labStore';
import { parseLabInfo } from './labInfo';

/** What views may ask of the server. They never touch the socket or the store's writers themselves. */
export interface LabActions {
  control(control: Omit<ControlMessage, 'type'>): void;
  /** A line typed at `node`'s terminal, without its newline. */
  line(node: string, text: string): void;
  /**
   * Keys typed at `node`'s terminal as xterm gives them; the server edits the line and every viewer gets its
   * `echo`. `cols` is the terminal's width (an empty `data` with `cols` tells only that).
   */
  keys(node: string, data: string, cols?: number): void;
  interrupt(node: string): void;
  eof(node: string): void;
  requestSnapshot(): void;
  /**
   * Reads every socket's history since the instance started (the TCP views, when opened and after each snapshot),
   * so they show connections from their start even when this page opened later.
   */
  loadSocketHistory(): void;
}

/**
 * One open lab: its store, fed by its WebSocket and its lab file. `start()` connects; `stop()` leaves. The lab
 * file is read again after a `reset` snapshot, since a topology edit may have changed the nodes and their places.
 */
export class LabConnection implements LabActions {
  readonly store: LabStore;
  private readonly socket: LabSocket;
  private lastSnapshotSeq = 0;
  private labFileLoads = 0;
  private historyLoads = 0;
  private unsubscribe: (() => void) | null = null;

  constructor(
    readonly instanceId: string,
    private readonly api: ApiClient,
    options: { url?: string; createSocket?: (url: string) => WebSocketLike; now?: () => number } = {},
  ) {
    this.store = new LabStore(instanceId, options.now);
    this.socket = new LabSocket({
      url: options.url ?? labSocketUrl(instanceId),
      onBatch: (messages) => this.store.receive(messages),
      onStatus: (status, detail) => this.store.setConnection(status, detail),
      ...(options.createSocket ? { createSocket: options.createSocket } : {}),
    });
  }

  start(): void {
    this.unsubscribe = this.store.subscribe((state) => {
      if (state.snapshotSeq !== this.lastSnapshotSeq) {
        this.lastSnapshotSeq = state.snapshotSeq;
        if (state.snapshotReason === 'reset' || state.lab === null) this.loadLabFile();
      }
    });
    this.socket.connect();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.socket.close();
  }

  private loadLabFile(): void {
    const load = ++this.labFileLoads;
    this.api.labFile(this.instanceId).then(
      (text) => {
        if (load === this.labFileLoads) this.store.setLabInfo(parseLabInfo(text));
      },
      () => {
        // the lab view works without it (no steps, automatic layout); the connection shows what is wrong
      },
    );
  }

  private send(message: ClientMessage): void {
    this.socket.send(message);
  }

  control(control: Omit<ControlMessage, 'type'>): void {
    this.send({ type: 'control', ...control });
  }

  line(node: string, text: string): void {
    this.send({ type: 'line', node, text });
  }

  keys(node: string, data: string, cols?: number): void {
    this.send({ type: 'keys', node, data, ...(cols !== undefined ? { cols } : {}) });
  }

  interrupt(node: string): void {
    this.send({ type: 'interrupt', node });
  }

  eof(node: string): void {
    this.send({ type: 'eof', node });
  }

  requestSnapshot(): void {
    this.send({ type: 'snapshot' });
  }

  loadSocketHistory(): void {
    const load = ++this.historyLoads;
    const seq = this.store.getState().snapshotSeq;
    this.api.socketHistory(this.instanceId).then(
      (history) => {
        // a newer read, or a snapshot since (the lab may have gone back in time), makes this one stale
        if (load === this.historyLoads && seq === this.store.getState().snapshotSeq) this.store.mergeSocketHistory(history);
      },
      () => {
        // the TCP views then start from what this page saw, as before
      },
    );
  }
}
