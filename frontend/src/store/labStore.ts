import type { ConnectionStatus } from '../api/labSocket';
import type { ServerMessage, SocketHistoryResponse } from '../api/protocol';
import type { LabInfo } from '../lab/labInfo';
import { applyBatch, initialLabState, mergeSocketHistory, type LabState } from './labState';

type Listener = (state: LabState) => void;

/**
 * The state of one open lab instance. The only writer is the lab's connection (server batches, connection status)
 * and the lab file it loads; views read it and subscribe. State changes flow one way: server → store → views.
 */
export class LabStore {
  private state: LabState;
  private readonly listeners = new Set<Listener>();

  constructor(
    instanceId: string,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.state = initialLabState(instanceId);
  }

  getState(): LabState {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One batch from the WebSocket. */
  receive(messages: readonly ServerMessage[]): void {
    this.set(applyBatch(this.state, messages, this.now()));
  }

  setConnection(status: ConnectionStatus, detail?: string): void {
    this.set({ ...this.state, connection: status, connectionDetail: detail ?? null });
  }

  setLabInfo(lab: LabInfo): void {
    this.set({ ...this.state, lab });
  }

  /** The server's recorded history of every socket, read over REST. */
  mergeSocketHistory(history: SocketHistoryResponse): void {
    this.set(mergeSocketHistory(this.state, history));
  }

  dismissNotice(id: number): void {
    this.set({ ...this.state, notices: this.state.notices.filter((n) => n.id !== id) });
  }

  private set(next: LabState): void {
    if (next === this.state) return;
    this.state = next;
    for (const l of this.listeners) l(next);
  }
}
