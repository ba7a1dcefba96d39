import type { ApiClient } from '../api/client';
import type { PacketQuery, PacketRow } from '../api/types';
import { sameQuery } from './filter';

/** Rows asked for per request (the server allows up to 1000). */
export const PAGE_SIZE = 500;
/** Rows kept; past this the oldest are let go (the list shows what is live). */
export const MAX_ROWS = 10_000;

export interface PacketFeedState {
  rows: PacketRow[];
  /** Matching packets the server keeps. */
  total: number;
  loading: boolean;
  error: string | null;
}

/**
 * The packet list of an instance, loaded over REST and kept up to date as the WebSocket says more packets were
 * numbered: only the pages past what is loaded are asked for, one request at a time. A new snapshot (the
 * instance went back in time, or was edited) or a new filter loads it again from the start.
 */
export class PacketFeed {
  private state: PacketFeedState = { rows: [], total: 0, loading: false, error: null };
  private query: PacketQuery = {};
  /** Index in the server's (filtered) list of `rows[0]`. */
  private offset = 0;
  private known = 0;
  private snapshotSeq = -1;
  private inFlight: AbortController | null = null;
  private again = false;
  private generation = 0;
  private stopped = false;

  constructor(
    private readonly api: Pick<ApiClient, 'packets'>,
    private readonly instanceId: string,
    private readonly onChange: (state: PacketFeedState) => void,
  ) {}

  getState(): PacketFeedState {
    return this.state;
  }

  setQuery(query: PacketQuery): void {
    if (sameQuery(query, this.query)) return;
    this.query = query;
    this.restart();
  }

  /** What the store knows: packets numbered so far, and which snapshot it drew from. */
  update(packetCount: number, snapshotSeq: number): void {
    if (snapshotSeq !== this.snapshotSeq) {
      this.snapshotSeq = snapshotSeq;
      this.known = packetCount;
      this.restart();
      return;
    }
    if (packetCount > this.known) {
      this.known = packetCount;
      this.fetch();
    }
  }

  stop(): void {
    this.stopped = true;
    this.inFlight?.abort();
  }

  private restart(): void {
    this.generation++;
    this.inFlight?.abort();
    this.inFlight = null;
    this.offset = 0;
    this.set({ rows: [], total: 0, loading: true, error: null });
    this.fetch();
  }

  private fetch(): void {
    if (this.stopped) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    const generation = this.generation;
    const loaded = this.offset + this.state.rows.length;
    const page = Math.floor(loaded / PAGE_SIZE);
    const abort = new AbortController();
    this.inFlight = abort;
    this.api.packets(this.instanceId, this.query, page, PAGE_SIZE, abort.signal).then(
      (result) => {
        if (generation !== this.generation) return;
        this.inFlight = null;
        const keep = this.state.rows.slice(0, Math.max(0, page * PAGE_SIZE - this.offset));
        let rows = keep.concat(result.packets);
        if (rows.length > MAX_ROWS) {
          this.offset += rows.length - MAX_ROWS;
          rows = rows.slice(rows.length - MAX_ROWS);
        }
        this.set({ rows, total: result.total, loading: false, error: null });
        const more = result.packets.length === PAGE_SIZE && this.offset + rows.length < result.total;
        if (more || this.again) {
          this.again = false;
          this.fetch();
        }
      },
      (error: unknown) => {
        if (generation !== this.generation || abort.signal.aborted) return;
        this.inFlight = null;
        this.again = false;
        this.set({ ...this.state, loading: false, error: error instanceof Error ? error.message : String(error) });
      },
    );
  }

  private set(state: PacketFeedState): void {
    this.state = state;
    this.onChange(state);
  }
}
