// The TCP connection state diagram of RFC 9293 (section 3.3.2, figure 5): its eleven states and the transitions
// between them, placed for drawing. The server names states as the stack's TcpState does.

export const TCP_STATES = [
  'CLOSED',
  'LISTEN',
  'SYN_SENT',
  'SYN_RECEIVED',
  'ESTABLISHED',
  'FIN_WAIT_1',
  'FIN_WAIT_2',
  'CLOSE_WAIT',
  'CLOSING',
  'LAST_ACK',
  'TIME_WAIT',
] as const;
export type TcpStateName = (typeof TCP_STATES)[number];

export function isTcpState(s: string): s is TcpStateName {
  return (TCP_STATES as readonly string[]).includes(s);
}

/** Centre of each state's box in a 560 × 500 drawing: opening at the top, the two ways of closing below. */
export const STATE_POSITIONS: Record<TcpStateName, { x: number; y: number }> = {
  CLOSED: { x: 280, y: 28 },
  LISTEN: { x: 280, y: 108 },
  SYN_RECEIVED: { x: 100, y: 188 },
  SYN_SENT: { x: 460, y: 188 },
  ESTABLISHED: { x: 280, y: 268 },
  FIN_WAIT_1: { x: 100, y: 348 },
  CLOSING: { x: 280, y: 348 },
  CLOSE_WAIT: { x: 460, y: 348 },
  FIN_WAIT_2: { x: 100, y: 436 },
  TIME_WAIT: { x: 280, y: 436 },
  LAST_ACK: { x: 460, y: 436 },
};

export const STATE_BOX = { width: 118, height: 30 };
export const DIAGRAM_SIZE = { width: 560, height: 500 };

/**
 * One arrow of the diagram: what makes it happen and what is sent (`event / action`). `bend` curves it (positive to
 * the left of its direction) so that two arrows between the same states do not overlap; `via` routes it through
 * corner points instead (the ways back to CLOSED from the bottom row).
 */
export interface TcpTransition {
  from: TcpStateName;
  to: TcpStateName;
  label: string;
  bend?: number;
  via?: { x: number; y: number }[];
  /** Where the label goes when the middle of the arrow is crowded, and which end of the text is there. */
  labelAt?: { x: number; y: number; anchor: 'start' | 'middle' | 'end' };
}

export const TCP_TRANSITIONS: TcpTransition[] = [
  { from: 'CLOSED', to: 'LISTEN', label: 'listen()', bend: 14, labelAt: { x: 304, y: 68, anchor: 'start' } },
  { from: 'LISTEN', to: 'CLOSED', label: 'close()', bend: 14, labelAt: { x: 256, y: 68, anchor: 'end' } },
  {
    from: 'CLOSED',
    to: 'SYN_SENT',
    label: 'connect() / SYN',
    via: [{ x: 460, y: 28 }],
    labelAt: { x: 400, y: 20, anchor: 'middle' },
  },
  { from: 'SYN_SENT', to: 'CLOSED', label: 'close() / timeout', labelAt: { x: 380, y: 122, anchor: 'start' } },
  { from: 'LISTEN', to: 'SYN_RECEIVED', label: 'SYN / SYN+ACK' },
  { from: 'SYN_SENT', to: 'SYN_RECEIVED', label: 'SYN / SYN+ACK' },
  { from: 'SYN_SENT', to: 'ESTABLISHED', label: 'SYN+ACK / ACK' },
  { from: 'SYN_RECEIVED', to: 'ESTABLISHED', label: 'ACK' },
  { from: 'SYN_RECEIVED', to: 'FIN_WAIT_1', label: 'close() / FIN' },
  { from: 'ESTABLISHED', to: 'FIN_WAIT_1', label: 'close() / FIN' },
  { from: 'ESTABLISHED', to: 'CLOSE_WAIT', label: 'FIN / ACK' },
  { from: 'FIN_WAIT_1', to: 'FIN_WAIT_2', label: 'ACK' },
  { from: 'FIN_WAIT_1', to: 'CLOSING', label: 'FIN / ACK' },
  { from: 'FIN_WAIT_1', to: 'TIME_WAIT', label: 'FIN+ACK / ACK' },
  { from: 'FIN_WAIT_2', to: 'TIME_WAIT', label: 'FIN / ACK' },
  { from: 'CLOSING', to: 'TIME_WAIT', label: 'ACK' },
  { from: 'CLOSE_WAIT', to: 'LAST_ACK', label: 'close() / FIN' },
  {
    from: 'LAST_ACK',
    to: 'CLOSED',
    label: 'ACK',
    via: [
      { x: 540, y: 436 },
      { x: 540, y: 28 },
    ],
    labelAt: { x: 534, y: 250, anchor: 'end' },
  },
  {
    from: 'TIME_WAIT',
    to: 'CLOSED',
    label: '2·MSL',
    via: [
      { x: 280, y: 482 },
      { x: 552, y: 482 },
      { x: 552, y: 16 },
      { x: 339, y: 16 },
    ],
    labelAt: { x: 420, y: 474, anchor: 'middle' },
  },
];

export function transitionId(from: string, to: string): string {
  return `${from}-${to}`;
}

/** Where a line from a box's centre towards `toward` leaves the box. */
export function boxExit(center: { x: number; y: number }, toward: { x: number; y: number }): { x: number; y: number } {
  const dx = toward.x - center.x;
  const dy = toward.y - center.y;
  if (dx === 0 && dy === 0) return center;
  const hw = STATE_BOX.width / 2;
  const hh = STATE_BOX.height / 2;
  const t = Math.min(dx === 0 ? Infinity : hw / Math.abs(dx), dy === 0 ? Infinity : hh / Math.abs(dy));
  return { x: center.x + dx * t, y: center.y + dy * t };
}

/** The SVG path of a transition, where its label goes and which end of the label's text is there. */
export function transitionPath(tr: TcpTransition): { d: string; labelAt: { x: number; y: number }; anchor: 'start' | 'middle' | 'end' } {
  const path = arrowPath(tr);
  return tr.labelAt
    ? { d: path.d, labelAt: { x: tr.labelAt.x, y: tr.labelAt.y }, anchor: tr.labelAt.anchor }
    : { ...path, anchor: 'middle' };
}

function arrowPath(tr: TcpTransition): { d: string; labelAt: { x: number; y: number } } {
  const a = STATE_POSITIONS[tr.from];
  const b = STATE_POSITIONS[tr.to];
  const r = (v: number) => Math.round(v * 10) / 10;
  if (tr.via && tr.via.length) {
    const first = tr.via[0]!;
    const last = tr.via[tr.via.length - 1]!;
    const start = boxExit(a, first);
    const end = boxExit(b, last);
    const points = [start, ...tr.via, end];
    const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${r(p.x)} ${r(p.y)}`).join(' ');
    const mid = tr.via[Math.floor((tr.via.length - 1) / 2)]!;
    const next = tr.via[Math.floor((tr.via.length - 1) / 2) + 1] ?? end;
    return { d, labelAt: { x: r((mid.x + next.x) / 2), y: r((mid.y + next.y) / 2) } };
  }
  const bend = tr.bend ?? 0;
  const mx = (a.x + b.x) / 2;
  const my = (a.y + b.y) / 2;
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  // the left of the direction of travel (y grows downwards)
  const nx = (b.y - a.y) / len;
  const ny = -(b.x - a.x) / len;
  const control = { x: mx + nx * bend * 2, y: my + ny * bend * 2 };
  const start = boxExit(a, bend ? control : b);
  const end = boxExit(b, bend ? control : a);
  const d = bend
    ? `M${r(start.x)} ${r(start.y)} Q${r(control.x)} ${r(control.y)} ${r(end.x)} ${r(end.y)}`
    : `M${r(start.x)} ${r(start.y)} L${r(end.x)} ${r(end.y)}`;
  // a level arrow is short: its label goes above it rather than across it
  const above = !bend && a.y === b.y ? -9 : 0;
  return { d, labelAt: { x: r(mx + nx * bend), y: r(my + ny * bend + above) } };
}
