import type { NodeView } from '../api/protocol';

/** The kinds the palette offers, in its order. */
export const PALETTE_KINDS = ['host', 'server', 'switch', 'hub', 'router'] as const;
export type PaletteKind = (typeof PALETTE_KINDS)[number];

/** How a new node of each kind is named: `pc1`, `srv1`, `sw1`, `hub1`, `r1`, as the catalogue's labs name theirs. */
export const NAME_PREFIX: Record<PaletteKind, string> = { host: 'pc', server: 'srv', switch: 'sw', hub: 'hub', router: 'r' };

/** The interfaces a new router gets (a running lab cannot add interfaces, so it has room for three networks). */
export const ROUTER_INTERFACES = ['eth0', 'eth1', 'eth2'];

/** The subnet new hosts and servers are numbered in, so that two of them can ping each other as soon as they are cabled. */
export const NEW_SUBNET = '10.0.0.';
export const NEW_PREFIX = 24;

/** The first `<prefix>N` (N from 1) that is neither a node nor a name the server refused as taken meanwhile. */
export function nextNodeId(kind: PaletteKind, nodes: readonly NodeView[], taken: ReadonlySet<string> = new Set()): string {
  const used = new Set([...nodes.map((n) => n.id), ...taken]);
  for (let n = 1; ; n++) {
    const id = `${NAME_PREFIX[kind]}${n}`;
    if (!used.has(id)) return id;
  }
}

/** The first free address of 10.0.0.1 … 10.0.0.254 among every node's interfaces, with its prefix; null when none is left. */
export function nextAddress(nodes: readonly NodeView[]): string | null {
  const used = new Set<string>();
  for (const n of nodes) for (const i of n.interfaces) if (i.ip) used.add(i.ip.split('/')[0]!);
  for (let host = 1; host < 255; host++) {
    const ip = `${NEW_SUBNET}${host}`;
    if (!used.has(ip)) return `${ip}/${NEW_PREFIX}`;
  }
  return null;
}

/**
 * A node written as in a lab file, placed at `position`: a host or server numbered in 10.0.0.0/24, a router with
 * three unnumbered interfaces, a switch or hub as it is.
 */
export function newNodeSpec(
  kind: PaletteKind,
  nodes: readonly NodeView[],
  position: { x: number; y: number },
  taken: ReadonlySet<string> = new Set(),
): Record<string, unknown> {
  const spec: Record<string, unknown> = { id: nextNodeId(kind, nodes, taken), kind };
  if (kind === 'host' || kind === 'server') {
    const ip = nextAddress(nodes);
    if (ip) spec.ip = ip;
  }
  if (kind === 'router') spec.interfaces = ROUTER_INTERFACES.map((name) => ({ name }));
  spec.position = { x: Math.round(position.x), y: Math.round(position.y) };
  return spec;
}

/**
 * The point nearest `center` (tried on rings of `spacing` around it) that is at least `spacing` from every node,
 * so that nodes added one after another in the middle of the view do not land on each other.
 */
export function freeSpotNear(center: { x: number; y: number }, taken: readonly { x: number; y: number }[], spacing = 90): { x: number; y: number } {
  const free = (p: { x: number; y: number }) => taken.every((q) => Math.hypot(p.x - q.x, p.y - q.y) >= spacing);
  if (free(center)) return center;
  for (let ring = 1; ring <= 6; ring++) {
    const steps = ring * 8;
    for (let i = 0; i < steps; i++) {
      const angle = (2 * Math.PI * i) / steps;
      const p = { x: Math.round(center.x + Math.cos(angle) * ring * spacing), y: Math.round(center.y + Math.sin(angle) * ring * spacing) };
      if (free(p)) return p;
    }
  }
  return center;
}
