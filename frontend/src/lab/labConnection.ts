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
  interrupt(node: string): void;
  eof(node: string): void;
  requestSnapshot(): void;
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

  interrupt(node: string): void {
    this.send({ type: 'interrupt', node });
  }

  eof(node: string): void {
    this.send({ type: 'eof', node });
  }

  requestSnapshot(): void {
    this.send({ type: 'snapshot' });
  }
}
