import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api/client';
import type { PacketRow } from '../api/types';
import type { LabStore } from '../store/labStore';
import { useLabState } from '../store/useStore';
import { parseTcpSummary, type Endpoint } from './segments';

/** Transmissions of one connection loaded at most (every hop counts): a ladder of thousands would not be read. */
export const CONNECTION_ROWS_MAX = 4000;
const PAGE = 1000;
/** How often a live connection's packets are asked for again while new packets are numbered (wall-clock ms). */
const REFRESH_MS = 400;

/**
 * Every transmission of the TCP connection between `a` and `b` in the instance's capture, oldest first: the packet
 * list asked for TCP to or from `a`'s address and port, then narrowed to the four-tuple.
 */
export async function loadConnectionRows(
  api: Pick<ApiClient, 'packets'>,
  instanceId: string,
  a: Endpoint,
  b: Endpoint,
  signal?: AbortSignal,
): Promise<{ rows: PacketRow[]; truncated: boolean }> {
  const rows: PacketRow[] = [];
  let truncated = false;
  for (let page = 0; ; page++) {
    const result = await api.packets(instanceId, { protocol: 'tcp', address: a.ip, port: a.port }, page, PAGE, signal);
    for (const r of result.packets) {
      const h = parseTcpSummary(r.summary);
      if (!h) continue;
      const ab = r.source === a.ip && r.destination === b.ip && h.srcPort === a.port && h.dstPort === b.port;
      const ba = r.source === b.ip && r.destination === a.ip && h.srcPort === b.port && h.dstPort === a.port;
      if (ab || ba) rows.push(r);
    }
    if (rows.length >= CONNECTION_ROWS_MAX) {
      truncated = true;
      rows.length = CONNECTION_ROWS_MAX;
      break;
    }
    if ((page + 1) * PAGE >= result.total || result.packets.length === 0) break;
  }
  return { rows, truncated };
}

export type ConnectionRows =
  | { status: 'loading' }
  | { status: 'loaded'; rows: PacketRow[]; truncated: boolean }
  | { status: 'failed'; reason: string };

/**
 * The connection's transmissions, kept current: asked for again (at most every 400 ms) while the lab numbers new
 * packets, and after every snapshot (the lab may have gone back in time).
 */
export function useConnectionRows(
  api: ApiClient,
  store: LabStore,
  instanceId: string,
  a: Endpoint | null,
  b: Endpoint | null,
): ConnectionRows {
  const packetCount = useLabState(store, (s) => s.packetCount);
  const snapshotSeq = useLabState(store, (s) => s.snapshotSeq);
  const [state, setState] = useState<ConnectionRows>({ status: 'loading' });
  const key = a && b ? `${a.ip}:${a.port}-${b.ip}:${b.port}` : '';
  const [tick, setTick] = useState(0);

  useEffect(() => setState({ status: 'loading' }), [key]);

  // new packets: look again, but not more often than REFRESH_MS
  const pending = useRef(0);
  useEffect(() => {
    if (pending.current) return;
    pending.current = window.setTimeout(() => {
      pending.current = 0;
      setTick((n) => n + 1);
    }, REFRESH_MS);
  }, [packetCount]);
  useEffect(() => () => clearTimeout(pending.current), []);

  useEffect(() => {
    if (!a || !b) return;
    const abort = new AbortController();
    loadConnectionRows(api, instanceId, a, b, abort.signal).then(
      (r) => setState({ status: 'loaded', ...r }),
      (e: unknown) => {
        if (!abort.signal.aborted) setState({ status: 'failed', reason: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => abort.abort();
    // a and b are described by key
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, instanceId, key, tick, snapshotSeq]);

  return state;
}
