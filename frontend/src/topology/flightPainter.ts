import type { Core, EdgeSingular } from 'cytoscape';
import { PROTOCOL_COLORS, PROTOCOL_LABELS } from '../packets/protocolClass';
import type { Flight } from '../store/labState';
import { flightExtent, pointOnCable, type Point } from './flightGeometry';

/** Part of its way over which a flooded frame draws a ring spreading from its sender. */
const RING_SPAN = 0.4;

/** Where a frame's pill was drawn, so a click on it can open the packet. */
export interface FlightHit {
  number: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The frame whose pill is under `p` (the one drawn last, on top, when pills overlap), or null. */
export function flightAt(hits: readonly FlightHit[], p: Point, slack = 3): FlightHit | null {
  for (let i = hits.length - 1; i >= 0; i--) {
    const h = hits[i]!;
    if (Math.abs(p.x - h.x) <= h.w / 2 + slack && Math.abs(p.y - h.y) <= h.h / 2 + slack) return h;
  }
  return null;
}

/**
 * Draws the frames on the wires onto the overlay canvas, once per animation frame: one stroke for the stretch of
 * cable the frame occupies and a pill at its head with the protocol's name, so colour is never the only carrier.
 * A canvas rather than a DOM element per frame keeps hundreds of frames smooth. `hits` is refilled with where
 * each pill went.
 */
export function paintFlights(
  ctx: CanvasRenderingContext2D,
  cy: Core,
  flights: readonly Flight[],
  t: number,
  hits: FlightHit[] = [],
): number {
  hits.length = 0;
  const zoom = cy.zoom();
  const pill = { w: Math.max(24, 32 * Math.min(zoom, 1.4)), h: Math.max(13, 16 * Math.min(zoom, 1.4)) };
  const edges = new Map<string, EdgeSingular | null>();
  const rings = new Set<string>();
  let drawn = 0;
  ctx.font = `600 ${Math.round(pill.h * 0.62)}px Inter, "Segoe UI", "Noto Sans KR", system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineCap = 'round';
  for (const f of flights) {
    const extent = flightExtent(f, t);
    if (!extent) continue;
    let edge = edges.get(f.link);
    if (edge === undefined) {
      const found = cy.getElementById(f.link);
      edge = found.nonempty() && found.isEdge() ? (found as EdgeSingular) : null;
      edges.set(f.link, edge);
    }
    if (!edge) continue;
    let source: Point = edge.renderedSourceEndpoint();
    let target: Point = edge.renderedTargetEndpoint();
    const mid: Point = edge.renderedMidpoint();
    if (edge.source().id() !== f.from) [source, target] = [target, source];
    const head = pointOnCable(source, mid, target, extent.head);
    const tail = pointOnCable(source, mid, target, extent.tail);
    const color = PROTOCOL_COLORS[f.protocol];

    if (f.flood && extent.head < RING_SPAN && !rings.has(f.from + '@' + f.time)) {
      rings.add(f.from + '@' + f.time);
      const k = extent.head / RING_SPAN;
      ctx.strokeStyle = color;
      ctx.globalAlpha = 0.85 * (1 - k);
      ctx.lineWidth = 4;
      ctx.beginPath();
      ctx.arc(source.x, source.y, (24 + 70 * k) * Math.min(zoom, 1.5), 0, Math.PI * 2);
      ctx.stroke();
      ctx.globalAlpha = 1;
    }

    if (Math.hypot(head.x - tail.x, head.y - tail.y) > 1) {
      ctx.strokeStyle = color;
      ctx.lineWidth = Math.max(4, 6 * Math.min(zoom, 1.4));
      ctx.beginPath();
      ctx.moveTo(tail.x, tail.y);
      ctx.lineTo(head.x, head.y);
      ctx.stroke();
    }

    ctx.fillStyle = color;
    roundRect(ctx, head.x - pill.w / 2, head.y - pill.h / 2, pill.w, pill.h, pill.h / 2);
    ctx.fill();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
    ctx.fillStyle = '#ffffff';
    ctx.fillText(PROTOCOL_LABELS[f.protocol], head.x, head.y + 0.5);
    hits.push({ number: f.number, x: head.x, y: head.y, w: pill.w, h: pill.h });
    drawn++;
  }
  return drawn;
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}
