import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api/client';
import type { LabStore } from '../store/labStore';
import {
  addLinkEdit,
  addNodeEdit,
  EditHistory,
  moveEdit,
  removeLinkEdit,
  removeNodeEdit,
  type Edit,
  type EditContext,
} from './edits';
import { newNodeSpec, type PaletteKind } from './newNode';

export type Selection = { kind: 'node'; id: string } | { kind: 'link'; id: string } | null;

/** What the editor says in its status line: a refused change. */
export type EditorStatus = { kind: 'error'; reason: string } | null;

/** What the topology view lends the editor: where the middle of the view is, fit and automatic layout. */
export interface EditorView {
  center(): { x: number; y: number };
  fit(): void;
  layout(): void;
}

export interface EditorState {
  selection: Selection;
  /** The cable tool: dragging from a node to another plugs in a cable instead of moving the node. */
  cable: boolean;
  help: boolean;
  busy: boolean;
  status: EditorStatus;
  undo: Edit | null;
  redo: Edit | null;
}

type Listener = (state: EditorState) => void;

/** Tries at naming a new node past names taken meanwhile (by another tab of the same lab). */
const NAME_TRIES = 8;

/**
 * The topology editor of one lab: what is selected, the cable tool, the help overlay, and every change to the
 * network through the REST topology edits, kept to undo and redo. Every undo and redo is a live edit: the running
 * lab takes back a removed node's name and a removed cable's ends at once, so none of them restarts the lab.
 */
export class TopologyEditor {
  private state: EditorState = { selection: null, cable: false, help: false, busy: false, status: null, undo: null, redo: null };
  private readonly listeners = new Set<Listener>();
  /** Names the server said were taken when this editor tried them for a new node. */
  private readonly taken = new Set<string>();
  private readonly history = new EditHistory();
  private view: EditorView | null = null;
  /** Where nodes added here were put: the canvas places them there before the lab file (with positions) is read. */
  private readonly placed = new Map<string, { x: number; y: number }>();
  private readonly ctx: EditContext;

  constructor(
    api: ApiClient,
    private instanceId: string,
    private store: LabStore,
  ) {
    this.ctx = { api, instanceId: () => this.instanceId };
  }

  getState(): EditorState {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The lab view of this editor's instance (again, when it is opened again) hands over its store. */
  attach(instanceId: string, store: LabStore): void {
    this.instanceId = instanceId;
    this.store = store;
  }

  attachView(view: EditorView | null): void {
    this.view = view;
  }

  select(selection: Selection): void {
    const same =
      selection === this.state.selection ||
      (selection && this.state.selection && selection.kind === this.state.selection.kind && selection.id === this.state.selection.id);
    if (!same) this.set({ selection });
  }

  setCable(cable: boolean): void {
    this.set({ cable });
  }

  setHelp(help: boolean): void {
    this.set({ help });
  }

  dismissStatus(): void {
    this.set({ status: null });
  }

  fit(): void {
    this.view?.fit();
  }

  /** Where a node added here was put, until the lab file says so itself. */
  placedAt(node: string): { x: number; y: number } | null {
    return this.placed.get(node) ?? null;
  }

  layout(): void {
    this.view?.layout();
  }

  /**
   * Makes a change and keeps it to undo. Resolves to null when it was made, else to the error (a refused change's
   * problem detail names its fields: the properties panel shows them there, other callers in the status line).
   */
  async make(edit: Edit, { report = true }: { report?: boolean } = {}): Promise<unknown> {
    this.set({ busy: true });
    try {
      await this.history.make(edit, this.ctx);
      this.set({ busy: false, status: this.state.status?.kind === 'error' ? null : this.state.status });
      return null;
    } catch (e) {
      this.set({ busy: false, ...(report ? { status: { kind: 'error', reason: reason(e) } } : {}) });
      return e;
    } finally {
      this.set({ undo: this.history.nextUndo(), redo: this.history.nextRedo() });
    }
  }

  async undo(): Promise<void> {
    await this.step(() => this.history.undo(this.ctx));
  }

  async redo(): Promise<void> {
    await this.step(() => this.history.redo(this.ctx));
  }

  private async step(task: () => Promise<boolean>): Promise<void> {
    this.set({ busy: true });
    try {
      await task();
      this.set({ busy: false });
    } catch (e) {
      this.set({ busy: false, status: { kind: 'error', reason: reason(e) } });
    } finally {
      this.set({ undo: this.history.nextUndo(), redo: this.history.nextRedo() });
    }
  }

  /** Adds a node of `kind` where it was dropped, or in the middle of the view; selects it once it is there. */
  async addNode(kind: PaletteKind, at?: { x: number; y: number }): Promise<void> {
    const position = at ?? this.view?.center() ?? { x: 0, y: 0 };
    for (let attempt = 0; attempt < NAME_TRIES; attempt++) {
      const spec = newNodeSpec(kind, this.store.getState().nodes, position, this.taken);
      this.placed.set(String(spec.id), spec.position as { x: number; y: number });
      const error = await this.make(addNodeEdit(spec), { report: false });
      if (!error) {
        this.select({ kind: 'node', id: String(spec.id) });
        return;
      }
      if (!nameTaken(error)) {
        this.set({ status: { kind: 'error', reason: reason(error) } });
        return;
      }
      this.taken.add(String(spec.id));
    }
  }

  /** Plugs a cable in between two nodes (the server picks a free interface or a new switch port). */
  async connect(a: string, b: string): Promise<void> {
    if (a === b) return;
    const edit = addLinkEdit({ a, b });
    const error = await this.make(edit);
    if (!error && edit.link) this.select({ kind: 'link', id: edit.link.name });
  }

  async move(node: string, from: { x: number; y: number } | null, to: { x: number; y: number }): Promise<void> {
    if (from && Math.round(from.x) === Math.round(to.x) && Math.round(from.y) === Math.round(to.y)) return;
    await this.make(moveEdit(node, from, to));
  }

  /** Deletes what is selected: a node (with its cables) or a cable. */
  async deleteSelection(): Promise<void> {
    const selection = this.state.selection;
    if (!selection) return;
    const s = this.store.getState();
    if (selection.kind === 'node') {
      const spec = s.lab?.nodes[selection.id] ?? this.specFromSnapshot(selection.id);
      if (!spec) return;
      const cables = s.links.filter((l) => l.a.startsWith(`${selection.id}:`) || l.b.startsWith(`${selection.id}:`));
      const error = await this.make(removeNodeEdit(spec, cables));
      if (!error) this.select(null);
    } else {
      const link = s.links.find((l) => l.name === selection.id);
      if (!link) return;
      const error = await this.make(removeLinkEdit(link));
      if (!error) this.select(null);
    }
  }

  /** A node as a lab file would write it, from what the snapshot shows (when the lab file is not read yet). */
  private specFromSnapshot(id: string): Record<string, unknown> | null {
    const n = this.store.getState().nodes.find((x) => x.id === id);
    if (!n) return null;
    const spec: Record<string, unknown> = { id, kind: n.kind };
    if (n.kind !== 'switch' && n.kind !== 'hub') {
      spec.interfaces = n.interfaces.map((i) => (i.ip ? { name: i.name, ip: i.ip } : { name: i.name }));
      if (n.gateway) spec.gateway = n.gateway;
    }
    return spec;
  }

  private set(patch: Partial<EditorState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l(this.state);
  }
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function nameTaken(e: unknown): boolean {
  const text = e instanceof Error ? e.message : '';
  return /already/.test(text);
}

const editors = new Map<string, TopologyEditor>();

/** The editor of an instance: the one it had (its undo history kept while the page is open), or a new one. */
export function editorFor(api: ApiClient, instanceId: string, store: LabStore): TopologyEditor {
  let editor = editors.get(instanceId);
  if (!editor) {
    editor = new TopologyEditor(api, instanceId, store);
    editors.set(instanceId, editor);
  }
  editor.attach(instanceId, store);
  return editor;
}

/** A slice of the editor's state; re-renders only when it changes. */
export function useEditor<T>(editor: TopologyEditor, select: (s: EditorState) => T): T {
  const [value, setValue] = useState(() => select(editor.getState()));
  useEffect(() => {
    setValue(() => select(editor.getState()));
    return editor.subscribe((s) => {
      const next = select(s);
      setValue((prev) => (Object.is(prev, next) ? prev : next));
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);
  return value;
}

const NOTHING: EditorState = { selection: null, cable: false, help: false, busy: false, status: null, undo: null, redo: null };

/** What the editor hooks of a lab that cannot be edited read: nothing selected, no tool, never changing. */
export const NO_EDITOR = { getState: () => NOTHING, subscribe: () => () => undefined } as unknown as TopologyEditor;
