import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { isMessageKey, type MessageKey } from '../i18n/messages';
import { useLab } from '../lab/LabContext';
import { simulatedTimeAt, type DropMark } from '../store/labState';
import { useLabState } from '../store/useStore';
import { hasAuthorLayout, layoutRoots, topologyEdges, topologyNodes, type TopologyEdge, type TopologyNode } from './elements';
import { newestPerPlace } from './dropPlaces';
import { pointOnCable, type Point } from './flightGeometry';
import { flightAt, paintFlights, type FlightHit } from './flightPainter';
import { iconFor, KIND_COLORS } from './icons';
import { Legend } from './Legend';

/** How long a drop stays marked, in wall-clock ms. */
const DROP_VISIBLE_MS = 30_000;

const STYLE = [
  {
    selector: 'node',
    style: {
      shape: 'round-rectangle',
      width: 56,
      height: 56,
      'background-color': '#ffffff',
      'border-width': 2,
      'border-color': 'data(color)',
      'background-image': 'data(icon)',
      'background-fit': 'contain',
      'background-width': '78%',
      'background-height': '78%',
      'background-clip': 'none',
      label: 'data(label)',
      'text-wrap': 'wrap',
      'text-valign': 'bottom',
      'text-margin-y': 6,
      'font-size': 12,
      'font-family': 'Inter, "Segoe UI", "Noto Sans KR", system-ui, sans-serif',
      'line-height': 1.25,
      color: '#14213d',
      'text-background-color': '#f5f7fb',
      'text-background-opacity': 0.9,
      'text-background-padding': '2px',
      'text-background-shape': 'roundrectangle',
    },
  },
  // a switch or hub sits above its hosts in an automatic layout: its name goes above it, clear of the cables
  { selector: 'node[kind = "switch"], node[kind = "hub"]', style: { 'text-valign': 'top', 'text-margin-y': -6 } },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f5b841' } },
  {
    selector: 'edge',
    style: {
      width: 3,
      'line-color': '#9aa8bd',
      'curve-style': 'bezier',
      'source-label': 'data(sourceInterface)',
      'target-label': 'data(targetInterface)',
      'source-text-offset': 34,
      'target-text-offset': 34,
      'font-size': 10,
      'font-family': 'ui-monospace, "DejaVu Sans Mono", monospace',
      color: '#4a5670',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
      'text-background-padding': '1px',
    },
  },
  { selector: 'edge.down', style: { 'line-style': 'dashed', 'line-color': '#b3261e' } },
];

function nodeElement(n: TopologyNode): ElementDefinition {
  return {
    group: 'nodes',
    data: { id: n.id, label: n.label, kind: n.kind, icon: iconFor(n.kind), color: KIND_COLORS[n.kind] ?? '#1f8fa3' },
    ...(n.position ? { position: { ...n.position } } : {}),
  };
}

function edgeElement(e: TopologyEdge): ElementDefinition {
  return {
    group: 'edges',
    data: { id: e.id, source: e.source, target: e.target, sourceInterface: e.sourceInterface, targetInterface: e.targetInterface },
    classes: e.up ? '' : 'down',
  };
}

function runLayout(cy: Core, nodes: TopologyNode[], edges: TopologyEdge[]): void {
  if (hasAuthorLayout(nodes)) {
    cy.layout({ name: 'preset', fit: true, padding: 48 }).run();
    return;
  }
  const roots = layoutRoots(edges, nodes);
  cy.layout({
    name: 'breadthfirst',
    fit: true,
    padding: 56,
    spacingFactor: 1.75,
    animate: false,
    ...(roots.length ? { roots: roots.map((r) => `#${CSS.escape(r)}`).join(',') } : {}),
  }).run();
}

/**
 * The network: Cytoscape draws nodes and cables (icons per kind, addresses under each node, interface names at
 * each cable's ends), an overlay canvas draws the frames on the wires, and a layer of positioned elements marks
 * drops and gives every node and cable a stable test id and an accessible name (a node is a button: Enter opens
 * its terminal, as a double-click does).
 */
export function TopologyView({
  onOpenTerminal,
  onInspectPacket,
}: {
  onOpenTerminal: (node: string) => void;
  /** A click on a frame in flight opens it in the packet inspector. */
  onInspectPacket: (number: number) => void;
}) {
  const { t } = useI18n();
  const { store } = useLab();
  const nodes = useLabState(store, (s) => s.nodes);
  const links = useLabState(store, (s) => s.links);
  const lab = useLabState(store, (s) => s.lab);
  const drops = useLabState(store, (s) => s.drops);
  const stage = useRef<HTMLDivElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);
  const [cy, setCy] = useState<Core | null>(null);
  const [, setViewport] = useState(0);
  const openTerminal = useRef(onOpenTerminal);
  openTerminal.current = onOpenTerminal;
  const inspectPacket = useRef(onInspectPacket);
  inspectPacket.current = onInspectPacket;
  const hits = useRef<FlightHit[]>([]);

  const positions = lab?.positions ?? {};
  const tnodes = useMemo(() => topologyNodes(nodes, positions), [nodes, lab]);
  const tedges = useMemo(() => topologyEdges(links, nodes), [links, nodes]);

  // one Cytoscape per view
  useEffect(() => {
    const instance = cytoscape({
      container: container.current!,
      style: STYLE as unknown as cytoscape.StylesheetJson,
      minZoom: 0.2,
      maxZoom: 4,
      boxSelectionEnabled: false,
    });
    let pending = 0;
    const bump = () => {
      if (pending) return;
      pending = requestAnimationFrame(() => {
        pending = 0;
        setViewport((v) => v + 1);
      });
    };
    instance.on('viewport resize position add remove layoutstop', bump);
    instance.on('dbltap', 'node', (e) => openTerminal.current((e.target as NodeSingular).id()));
    instance.on('tap', (e) => {
      const hit = flightAt(hits.current, e.renderedPosition);
      if (hit) inspectPacket.current(hit.number);
    });
    setCy(instance);
    const resize = new ResizeObserver(() => {
      instance.resize();
      bump();
    });
    resize.observe(container.current!);
    return () => {
      resize.disconnect();
      cancelAnimationFrame(pending);
      instance.destroy();
    };
  }, []);

  // nodes and cables follow the store; a new node without a position triggers a layout
  useEffect(() => {
    if (!cy) return;
    const wantedNodes = new Set(tnodes.map((n) => n.id));
    const wantedEdges = new Set(tedges.map((e) => e.id));
    let added = false;
    cy.batch(() => {
      cy.nodes().forEach((el) => {
        if (!wantedNodes.has(el.id())) el.remove();
      });
      cy.edges().forEach((el) => {
        if (!wantedEdges.has(el.id())) el.remove();
      });
      for (const n of tnodes) {
        const el = cy.getElementById(n.id);
        if (el.empty()) {
          cy.add(nodeElement(n));
          added = true;
        } else {
          el.data('label', n.label); // a node keeps where it was put (or dragged); only new nodes are placed
        }
      }
      for (const e of tedges) {
        const el = cy.getElementById(e.id);
        if (el.empty()) cy.add(edgeElement(e));
        else el.classes(e.up ? '' : 'down');
      }
    });
    if (added) runLayout(cy, tnodes, tedges);
  }, [cy, tnodes, tedges]);

  // frames on the wires, every animation frame
  useEffect(() => {
    if (!cy) return;
    const canvas = overlay.current!;
    let frame = 0;
    const draw = () => {
      frame = requestAnimationFrame(draw);
      const ratio = window.devicePixelRatio || 1;
      const w = canvas.clientWidth;
      const h = canvas.clientHeight;
      if (canvas.width !== Math.round(w * ratio) || canvas.height !== Math.round(h * ratio)) {
        canvas.width = Math.round(w * ratio);
        canvas.height = Math.round(h * ratio);
      }
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, w, h);
      const state = store.getState();
      const drawn = paintFlights(ctx, cy, state.flights, simulatedTimeAt(state, performance.now()), hits.current);
      canvas.dataset.drawn = String(drawn);
      // where each frame is, for tests that click one: "5@120,48 6@300,210"
      const frames = hits.current.map((h) => `${h.number}@${Math.round(h.x)},${Math.round(h.y)}`).join(' ');
      if (canvas.dataset.frames !== frames) canvas.dataset.frames = frames;
    };
    draw();
    return () => cancelAnimationFrame(frame);
  }, [cy, store]);

  // drop marks fade: look again every second while some are shown
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (drops.length === 0) return;
    const timer = setInterval(() => setNow(performance.now()), 1000);
    return () => clearInterval(timer);
  }, [drops.length]);
  const visibleDrops = drops.filter((d) => d.seenAt > Math.max(now, performance.now()) - DROP_VISIBLE_MS);

  const kindName = (kind: string) =>
    ['host', 'server', 'switch', 'hub', 'router'].includes(kind) ? t(`kind.${kind}` as MessageKey) : kind;

  const act = (fn: (c: Core) => void) => () => cy && fn(cy);

  return (
    <section class="topology" data-testid="topology" aria-label={t('topology.label')}>
      <div class="topology-tools" role="toolbar" aria-label={t('topology.label')}>
        <button type="button" class="tool small" data-testid="topology-fit" title={t('topology.fit.hint')} onClick={act((c) => c.fit(undefined, 48))}>
          {t('topology.fit')}
        </button>
        <button
          type="button"
          class="tool small"
          data-testid="topology-layout"
          title={t('topology.layout.hint')}
          onClick={act((c) => runLayout(c, tnodes.map((n) => ({ ...n, position: null })), tedges))}
        >
          {t('topology.layout')}
        </button>
        <button type="button" class="tool small" data-testid="topology-zoom-in" aria-label={t('topology.zoomIn')} title={t('topology.zoomIn')} onClick={act((c) => zoomBy(c, 1.25))}>
          +
        </button>
        <button type="button" class="tool small" data-testid="topology-zoom-out" aria-label={t('topology.zoomOut')} title={t('topology.zoomOut')} onClick={act((c) => zoomBy(c, 0.8))}>
          −
        </button>
      </div>
      <div class="topology-stage" ref={stage}>
        <div class="topology-canvas" ref={container} data-testid="topology-canvas" />
        <canvas class="topology-flights" ref={overlay} data-testid="topology-flights" aria-hidden="true" />
        {cy && (
          <div class="topology-anchors">
            {tnodes.map((n) => {
              const el = cy.getElementById(n.id);
              if (el.empty()) return null;
              const p = el.renderedPosition();
              const w = el.renderedWidth();
              const h = el.renderedHeight();
              return (
                <button
                  key={n.id}
                  type="button"
                  class="node-anchor"
                  data-testid={`topology-node-${n.id}`}
                  data-kind={n.kind}
                  aria-label={t('topology.node', { node: n.id, kind: kindName(n.kind) })}
                  style={{ left: `${p.x - w / 2}px`, top: `${p.y - h / 2}px`, width: `${w}px`, height: `${h}px` }}
                  onClick={() => onOpenTerminal(n.id)}
                />
              );
            })}
            {tedges.map((e) => {
              const el = cy.getElementById(e.id);
              if (el.empty() || !el.isEdge()) return null;
              const m = el.renderedMidpoint();
              return (
                <span
                  key={e.id}
                  class="link-anchor"
                  role="img"
                  data-testid={`topology-link-${e.id}`}
                  data-up={e.up ? 'true' : 'false'}
                  aria-label={t(e.up ? 'topology.link' : 'topology.link.down', { link: e.id })}
                  style={{ left: `${m.x - 4}px`, top: `${m.y - 4}px` }}
                />
              );
            })}
            {newestPerPlace(visibleDrops).map(({ drop, count }) => (
              <DropMarker key={drop.id} drop={drop} count={count} at={dropPoint(cy, drop)} />
            ))}
          </div>
        )}
        {nodes.length === 0 && (
          <p class="topology-empty status" data-testid="topology-empty">
            {t('topology.empty')}
          </p>
        )}
      </div>
      <Legend />
    </section>
  );
}

function zoomBy(cy: Core, factor: number): void {
  cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
}

/** Where a drop happened on screen: along the cable it was lost on, or beside the node that dropped it. */
function dropPoint(cy: Core, d: DropMark): Point | null {
  if (d.link) {
    const edge = cy.getElementById(d.link.name);
    if (edge.nonempty() && edge.isEdge()) {
      let s: Point = edge.renderedSourceEndpoint();
      let e: Point = edge.renderedTargetEndpoint();
      if (edge.source().id() !== d.link.from) [s, e] = [e, s];
      return pointOnCable(s, edge.renderedMidpoint(), e, d.link.at);
    }
  }
  const node = cy.getElementById(d.node);
  if (node.empty()) return null;
  const p = node.renderedPosition();
  return { x: p.x + node.renderedWidth() / 2, y: p.y - node.renderedHeight() / 2 };
}

function DropMarker({ drop, count, at }: { drop: DropMark; count: number; at: Point | null }) {
  const { t } = useI18n();
  if (!at) return null;
  const key = `drop.${drop.reason}`;
  const reason = isMessageKey(key) ? t(key) : drop.text;
  const text = t('drop.at', { node: drop.node, reason }) + (drop.detail ? ` (${drop.detail})` : '');
  return (
    <button
      type="button"
      class="drop-mark"
      data-testid={`drop-mark-${drop.id}`}
      data-reason={drop.reason}
      data-node={drop.node}
      data-count={count}
      aria-label={text}
      style={{ left: `${at.x - 10}px`, top: `${at.y - 10}px` }}
    >
      <span aria-hidden="true">✕</span>
      {count > 1 && (
        <span class="drop-count" aria-hidden="true">
          {count}
        </span>
      )}
      <span class="drop-tip" role="tooltip" data-testid={`drop-tip-${drop.id}`}>
        {text}
      </span>
    </button>
  );
}
