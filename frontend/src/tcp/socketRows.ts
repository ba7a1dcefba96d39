import type { SocketView } from '../api/protocol';
import type { SocketHistory } from '../store/labState';

/** One line of the socket table, as netstat -an shows it, with the node it is on. */
export interface SocketRow {
  key: string;
  node: string;
  socket: number;
  protocol: string;
  recvQ: number;
  sendQ: number;
  local: string;
  remote: string;
  state: string;
  /** Gone from the node (the page keeps it to look back at). */
  closed: boolean;
}

/**
 * The socket table's lines: every live socket of the chosen node (all nodes when null), then, if asked, the ones
 * that closed while this page watched; by node, then socket number.
 */
export function socketRows(
  live: readonly SocketView[],
  history: readonly SocketHistory[],
  node: string | null,
  showClosed: boolean,
): SocketRow[] {
  const rows: SocketRow[] = [];
  const liveKeys = new Set<string>();
  for (const s of live) {
    if (node !== null && s.node !== node) continue;
    const key = `${s.node}/${s.socket}`;
    liveKeys.add(key);
    rows.push({
      key, node: s.node, socket: s.socket, protocol: s.protocol, recvQ: s.receiveQueue, sendQ: s.sendQueue,
      local: s.local, remote: s.remote, state: s.state, closed: false,
    });
  }
  const order = (a: SocketRow, b: SocketRow) => (a.node === b.node ? a.socket - b.socket : a.node < b.node ? -1 : 1);
  rows.sort(order);
  if (!showClosed) return rows;
  const closed: SocketRow[] = [];
  for (const h of history) {
    if (liveKeys.has(h.key) || h.state !== 'CLOSED' || (node !== null && h.node !== node)) continue;
    closed.push({
      key: h.key, node: h.node, socket: h.socket, protocol: h.protocol, recvQ: 0, sendQ: 0,
      local: h.local, remote: h.remote, state: 'CLOSED', closed: true,
    });
  }
  return [...rows, ...closed.sort(order)];
}
