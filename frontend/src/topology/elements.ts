import type { LinkView, NodeView } from '../api/protocol';

/** A node as the canvas draws it. */
export interface TopologyNode {
  id: string;
  kind: string;
  /** The name, then each numbered interface's address: what the label under the icon says. */
  label: string;
  position: { x: number; y: number } | null;
}

/** A cable as the canvas draws it, between two nodes, with the interface names at its ends. */
export interface TopologyEdge {
  /** The link's name, `pc1:eth0-sw1:p1`. */
  id: string;
  source: string;
  target: string;
  sourceInterface: string;
  targetInterface: string;
  up: boolean;
}

/** `pc1:eth0` → `["pc1", "eth0"]`. */
export function splitEnd(end: string): [string, string] {
  const i = end.indexOf(':');
  return i < 0 ? [end, ''] : [end.slice(0, i), end.slice(i + 1)];
}

export function topologyNodes(nodes: readonly NodeView[], positions: Record<string, { x: number; y: number }>): TopologyNode[] {
  return nodes.map((n) => {
    const addresses = n.interfaces.filter((i) => i.ip).map((i) => (n.interfaces.length > 1 ? `${i.name} ${i.ip}` : i.ip!));
    return { id: n.id, kind: n.kind, label: [n.id, ...addresses].join('\n'), position: positions[n.id] ?? null };
  });
}

export function topologyEdges(links: readonly LinkView[], nodes: readonly NodeView[]): TopologyEdge[] {
  const interfaceUp = new Map<string, boolean>();
  for (const n of nodes) for (const i of n.interfaces) interfaceUp.set(`${n.id}:${i.name}`, i.up);
  return links.map((l) => {
    const [source, sourceInterface] = splitEnd(l.a);
    const [target, targetInterface] = splitEnd(l.b);
    const up = l.up && interfaceUp.get(l.a) !== false && interfaceUp.get(l.b) !== false;
    return { id: l.name, source, target, sourceInterface, targetInterface, up };
  });
}

/** Whether every node has a position from the lab file; otherwise the canvas lays the topology out itself. */
export function hasAuthorLayout(nodes: readonly TopologyNode[]): boolean {
  return nodes.length > 0 && nodes.every((n) => n.position !== null);
}

/** The nodes an automatic layout grows from: those with the most cables (the switches and routers at the centre). */
export function layoutRoots(edges: readonly TopologyEdge[], nodes: readonly TopologyNode[]): string[] {
  const degree = new Map<string, number>(nodes.map((n) => [n.id, 0]));
  for (const e of edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const max = Math.max(0, ...degree.values());
  return max === 0 ? [] : nodes.filter((n) => degree.get(n.id) === max).map((n) => n.id).slice(0, 1);
}
