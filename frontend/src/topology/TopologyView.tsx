import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { dropDetailText } from '../i18n/serverText';
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
import { EditorStatusLine, EditorTools } from '../editor/EditorTools';
import { freeSpotNear } from '../editor/newNode';
import { Palette } from '../editor/Palette';
import { NO_EDITOR, useEditor, type EditorState, type TopologyEditor } from '../editor/topologyEditor';

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
  // what the editor has selected (Cytoscape's own selection is off: the editor decides)
  { selector: 'node.picked', style: { 'border-width': 4, 'border-color': '#f5b841' } },
  { selector: 'edge.picked', style: { width: 6, 'line-color': '#f5b841' } },
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

/** The editor's selection and cable tool, or nothing selected and no tool in a read-only lab. */
function useEditorSlice<T>(editor: TopologyEditor | null, select: (s: EditorState) => T, fallback: T): T {
  const value = useEditor(editor ?? NO_EDITOR, select);
  return editor ? value : fallback;
}

/** The node under a model position (its body, not its label). */
function nodeAt(cy: Core, p: Point): string | null {
  const hit = cy.nodes().filter((n) => {
    const b = n.boundingBox({ includeLabels: false });
    return p.x >= b.x1 && p.x <= b.x2 && p.y >= b.y1 && p.y <= b.y2;
  });
  return hit.nonempty() ? hit.first().id() : null;
}

/** Fitting a small network into a large canvas stops at this zoom: two hosts are not drawn a hand high. */
const FIT_MAX_ZOOM = 1.25;

function runLayout(cy: Core, nodes: TopologyNode[], edges: TopologyEdge[]): void {
  if (hasAuthorLayout(nodes)) {
    cy.layout({ name: 'preset', fit: true, padding: 48 }).run();
  } else {
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
  if (cy.zoom() > FIT_MAX_ZOOM) {
    cy.zoom(FIT_MAX_ZOOM);
    cy.center();
  }
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
  editor,
}: {
  onOpenTerminal: (node: string) => void;
  /** A click on a frame in flight opens it in the packet inspector. */
  onInspectPacket: (number: number) => void;
  /** The topology editor, or null where the network cannot be changed (a read-only shared lab). */
  editor: TopologyEditor | null;
}) {
  const { t } = useI18n();
  const { store, readOnly } = useLab();
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
  const editorRef = useRef(editor);
  editorRef.current = editor;
  const cable = useEditorSlice(editor, (e) => e.cable, false);
  const cableRef = useRef(cable);
  cableRef.current = cable;
  const selection = useEditorSlice(editor, (e) => e.selection, null);
  const busy = useEditorSlice(editor, (e) => e.busy, false);
  const [rubber, setRubber] = useState<{ from: Point; to: Point } | null>(null);

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
      autounselectify: true,
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
      if (hit) {
        inspectPacket.current(hit.number);
        return;
      }
      const ed = editorRef.current;
      if (!ed || cableRef.current) return;
      const target = e.target as cytoscape.SingularElementArgument | Core;
      if (target === instance) ed.select(null);
      else if ((target as cytoscape.SingularElementArgument).isNode()) ed.select({ kind: 'node', id: (target as NodeSingular).id() });
      else ed.select({ kind: 'link', id: (target as cytoscape.EdgeSingular).id() });
    });
    // a node dragged to a new place keeps it: the editor writes it into the lab file (undoable)
    const grabbedAt = new Map<string, Point>();
    instance.on('grab', 'node', (e) => {
      const n = e.target as NodeSingular;
      grabbedAt.set(n.id(), { ...n.position() });
    });
    instance.on('dragfree', 'node', (e) => {
      const n = e.target as NodeSingular;
      const from = grabbedAt.get(n.id()) ?? null;
      grabbedAt.delete(n.id());
      void editorRef.current?.move(n.id(), from, { ...n.position() });
    });
    // the cable tool: from the node pressed to the node released over
    let cableFrom: string | null = null;
    instance.on('tapstart', 'node', (e) => {
      if (!cableRef.current || !editorRef.current) return;
      const n = e.target as NodeSingular;
      cableFrom = n.id();
      setRubber({ from: { ...n.renderedPosition() }, to: { ...e.renderedPosition } });
    });
    instance.on('tapdrag', (e) => {
      if (!cableFrom) return;
      const to = { ...e.renderedPosition };
      setRubber((r) => (r ? { from: r.from, to } : r));
    });
    instance.on('tapend', (e) => {
      if (!cableFrom) return;
      const from = cableFrom;
      cableFrom = null;
      setRubber(null);
      const to = nodeAt(instance, e.position);
      if (to && to !== from) void editorRef.current?.connect(from, to);
    });
    setCy(instance);
    // a resize (the properties panel opening beside the canvas, the window) keeps what was in the middle there
    let size = { w: container.current!.clientWidth, h: container.current!.clientHeight };
    const resize = new ResizeObserver(() => {
      const el = container.current;
      if (!el) return;
      const next = { w: el.clientWidth, h: el.clientHeight };
      const zoom = instance.zoom();
      const pan = instance.pan();
      const middle = { x: (size.w / 2 - pan.x) / zoom, y: (size.h / 2 - pan.y) / zoom };
      instance.resize();
      if (size.w > 0 && size.h > 0 && next.w > 0 && next.h > 0) {
        instance.pan({ x: next.w / 2 - middle.x * zoom, y: next.h / 2 - middle.y * zoom });
      }
      size = next;
      bump();
    });
    resize.observe(container.current!);
    return () => {
      resize.disconnect();
      cancelAnimationFrame(pending);
      instance.destroy();
    };
  }, []);

  // nodes and cables follow the store. The first nodes are laid out (the lab file's places, or automatically); a node
  // that comes later goes where the lab file or the editor put it, or somewhere free in the middle. A node keeps
  // where it is (or was dragged) until the lab file gives it another place (an edit, or undoing a move).
  useEffect(() => {
    if (!cy) return;
    const wantedNodes = new Set(tnodes.map((n) => n.id));
    const wantedEdges = new Set(tedges.map((e) => e.id));
    const first = cy.nodes().empty();
    const unplaced: string[] = [];
    cy.batch(() => {
      cy.nodes().forEach((el) => {
        if (!wantedNodes.has(el.id())) el.remove();
      });
      cy.edges().forEach((el) => {
        if (!wantedEdges.has(el.id())) el.remove();
      });
      for (const n of tnodes) {
        const el = cy.getElementById(n.id);
        const placed = n.position ?? editorRef.current?.placedAt(n.id) ?? null;
        if (el.empty()) {
          const added = cy.add(nodeElement({ ...n, position: placed }));
          added.scratch('_filePosition', n.position ? `${n.position.x},${n.position.y}` : null);
          if (!placed) unplaced.push(n.id);
        } else {
          el.data('label', n.label);
          const file = n.position ? `${n.position.x},${n.position.y}` : null;
          if (file !== null && file !== el.scratch('_filePosition')) {
            el.scratch('_filePosition', file);
            (el as unknown as NodeSingular).position({ ...n.position! });
          }
        }
      }
      for (const e of tedges) {
        const el = cy.getElementById(e.id);
        if (el.empty()) cy.add(edgeElement(e));
        else el.classes(e.up ? '' : 'down');
      }
    });
    if (first && tnodes.length > 1) runLayout(cy, tnodes, tedges);
    else if (unplaced.length) {
      for (const id of unplaced) {
        const taken = cy.nodes().filter((x) => x.id() !== id).map((x) => (x as NodeSingular).position());
        (cy.getElementById(id) as unknown as NodeSingular).position(freeSpotNear(viewCenter(cy), taken));
      }
    }
  }, [cy, tnodes, tedges]);

  // the editor's selection and tool on the canvas; in a read-only lab nodes stay where they are
  useEffect(() => {
    if (!cy) return;
    cy.autoungrabify(cable || !editor);
    cy.userPanningEnabled(!cable);
  }, [cy, cable, editor]);
  useEffect(() => {
    if (!cy) return;
    cy.elements('.picked').removeClass('picked');
    if (selection) cy.getElementById(selection.id).addClass('picked');
  }, [cy, selection, tnodes, tedges]);

  // what the editor asks of the view: the middle, fit, automatic layout
  const layoutInput = useRef({ tnodes, tedges });
  layoutInput.current = { tnodes, tedges };
  useEffect(() => {
    if (!cy || !editor) return;
    editor.attachView({
      center: () => freeSpotNear(viewCenter(cy), cy.nodes().map((n) => n.position())),
      fit: () => cy.fit(undefined, 48),
      layout: () => runLayout(cy, layoutInput.current.tnodes.map((n) => ({ ...n, position: null })), layoutInput.current.tedges),
    });
    return () => editor.attachView(null);
  }, [cy, editor]);

  const dropAt = (clientX: number, clientY: number): Point | null => {
    const el = container.current;
    if (!cy || !el) return null;
    const r = el.getBoundingClientRect();
    if (clientX < r.left || clientX > r.right || clientY < r.top || clientY > r.bottom) return null;
    const pan = cy.pan();
    const zoom = cy.zoom();
    return { x: (clientX - r.left - pan.x) / zoom, y: (clientY - r.top - pan.y) / zoom };
  };

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
      {editor && (
        <div class="topology-tools" role="toolbar" aria-label={t('editor.toolbar')}>
          <Palette editor={editor} dropAt={dropAt} disabled={busy} />
          <EditorTools editor={editor} />
        </div>
      )}
      <div class={cable ? 'topology-stage cabling' : 'topology-stage'} ref={stage}>
        <div class="topology-area">
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
                  onFocus={() => editor?.select({ kind: 'node', id: n.id })}
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
        {rubber && (
          <svg class="editor-rubber" data-testid="editor-rubber" aria-hidden="true">
            <line x1={rubber.from.x} y1={rubber.from.y} x2={rubber.to.x} y2={rubber.to.y} />
          </svg>
        )}
        {nodes.length === 0 && (
          <p class="topology-empty status" data-testid="topology-empty">
            {t(readOnly ? 'topology.empty' : 'topology.empty.build')}
          </p>
        )}
        {editor && <EditorStatusLine editor={editor} />}
        <div class="view-tools" role="toolbar" aria-label={t('topology.view')}>
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
        </div>
      </div>
      <Legend />
    </section>
  );
}

/** The model position in the middle of the canvas. */
function viewCenter(cy: Core): Point {
  const pan = cy.pan();
  const zoom = cy.zoom();
  return { x: (cy.width() / 2 - pan.x) / zoom, y: (cy.height() / 2 - pan.y) / zoom };
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
  const { t, lang } = useI18n();
  if (!at) return null;
  const key = `drop.${drop.reason}`;
  const reason = isMessageKey(key) ? t(key) : drop.text;
  const detail = dropDetailText(lang, drop);
  const text = t('drop.at', { node: drop.node, reason }) + (detail ? ` (${detail})` : '');
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
