import { ApiError, type ApiClient } from '../api/client';
import type { LinkView } from '../api/protocol';
import type { MessageKey } from '../i18n/messages';
import { linkSpec } from './labUnits';

/** The lab file's lists an edit puts things back into when the running lab cannot take them. */
export interface LabDocument {
  nodes: Record<string, unknown>[];
  links: Record<string, unknown>[];
}

/** What an edit needs: the REST client, the instance it edits now, and the way back for what a running lab refuses. */
export interface EditContext {
  api: ApiClient;
  instanceId(): string;
  /**
   * Starts the lab again from its lab file with `change` made to it. A running lab keeps the name of a removed node
   * and the cable of a removed link out of sight ("until the lab is reloaded", docs/protocol.md), so putting either
   * back is done this way.
   */
  reload(change: (lab: LabDocument) => void): Promise<void>;
  /**
   * Whether this running lab already refuses `key` (a removed node's name, or `node:interface` of a removed cable's
   * end): putting it back then goes straight to `reload`, without asking the server to refuse first.
   */
  spent(key: string): boolean;
}

/** One change to the network that can be undone: `apply` makes it (again), `revert` takes it back. */
export interface Edit {
  what: { key: MessageKey; params: Record<string, string> };
  apply(ctx: EditContext): Promise<void>;
  revert(ctx: EditContext): Promise<void>;
  /** What the running lab keeps taken once `apply` (or `revert`) was done: removed names and cable ends. */
  spends?: (done: 'apply' | 'revert') => string[];
}

/** Whether the server refused because the running lab keeps a removed name or cable until it is reloaded. */
export function refusedUntilReload(e: unknown): boolean {
  if (!(e instanceof ApiError) || e.status !== 400) return false;
  const texts = [e.message, ...(e.problem?.errors ?? []).map((x) => x.message)];
  return texts.some((t) => t.includes('until the lab is reloaded'));
}

async function orReload(
  ctx: EditContext,
  live: () => Promise<unknown>,
  change: (lab: LabDocument) => void,
  keys: readonly string[] = [],
): Promise<void> {
  if (keys.some((k) => ctx.spent(k))) {
    await ctx.reload(change);
    return;
  }
  try {
    await live();
  } catch (e) {
    if (!refusedUntilReload(e)) throw e;
    await ctx.reload(change);
  }
}

/**
 * A new node; undone by removing it. Made again after an undo, its name is back only once the lab is reloaded (the
 * first time, a refused name is the caller's to change: a new node is better named anew than the lab restarted).
 */
export function addNodeEdit(spec: Record<string, unknown>): Edit {
  const id = String(spec.id);
  let made = false;
  return {
    what: { key: 'edit.addNode', params: { node: id } },
    apply: async (ctx) => {
      if (!made) {
        await ctx.api.addNode(ctx.instanceId(), spec);
        made = true;
        return;
      }
      await orReload(ctx, () => ctx.api.addNode(ctx.instanceId(), spec), (lab) => lab.nodes.push(spec), [id]);
    },
    revert: async (ctx) => {
      await ctx.api.removeNode(ctx.instanceId(), id);
    },
    spends: (done) => (done === 'revert' ? [id] : []),
  };
}

/** Both ends of a cable, `node:interface`. */
function cableEnds(l: Pick<LinkView, 'a' | 'b'>): string[] {
  return [l.a, l.b];
}

/** A node taken out with its cables; undone by putting the node (as its lab file wrote it) and its cables back. */
export function removeNodeEdit(spec: Record<string, unknown>, cables: readonly LinkView[]): Edit {
  const id = String(spec.id);
  return {
    what: { key: 'edit.removeNode', params: { node: id } },
    apply: async (ctx) => {
      await ctx.api.removeNode(ctx.instanceId(), id);
    },
    revert: (ctx) =>
      orReload(
        ctx,
        async () => {
          await ctx.api.addNode(ctx.instanceId(), spec);
          for (const l of cables) await ctx.api.addLink(ctx.instanceId(), linkSpec(l));
        },
        (lab) => {
          if (!lab.nodes.some((n) => n.id === id)) lab.nodes.push(spec);
          for (const l of cables) if (!hasLink(lab, l)) lab.links.push(linkSpec(l));
        },
        [id, ...cables.flatMap(cableEnds)],
      ),
    spends: (done) => (done === 'apply' ? [id, ...cables.flatMap(cableEnds)] : []),
  };
}

function hasLink(lab: LabDocument, l: LinkView): boolean {
  return lab.links.some((x) => (x.a === l.a && x.b === l.b) || (x.a === l.b && x.b === l.a));
}

/**
 * A cable plugged in between two nodes (bare ends: the server picks the interface or port). Once made, it is
 * remembered with both ends named, so that undo and redo take out and put back that very cable.
 */
export function addLinkEdit(ends: { a: string; b: string }): Edit & { link: LinkView | null } {
  const edit = {
    link: null as LinkView | null,
    what: { key: 'edit.addLink' as MessageKey, params: { a: ends.a, b: ends.b } },
    apply: async (ctx: EditContext) => {
      if (!edit.link) {
        edit.link = await ctx.api.addLink(ctx.instanceId(), { a: ends.a, b: ends.b });
        return;
      }
      const spec = linkSpec(edit.link);
      await orReload(ctx, () => ctx.api.addLink(ctx.instanceId(), spec), (lab) => lab.links.push(spec), cableEnds(edit.link));
    },
    revert: async (ctx: EditContext) => {
      if (edit.link) await ctx.api.removeLink(ctx.instanceId(), edit.link.name);
    },
    spends: (done: 'apply' | 'revert') => (done === 'revert' && edit.link ? cableEnds(edit.link) : []),
  };
  return edit;
}

/** A cable taken out; undone by plugging the same cable (same ends and values) back in. */
export function removeLinkEdit(link: LinkView): Edit {
  const spec = linkSpec(link);
  return {
    what: { key: 'edit.removeLink', params: { link: link.name } },
    apply: async (ctx) => {
      await ctx.api.removeLink(ctx.instanceId(), link.name);
    },
    revert: (ctx) => orReload(ctx, () => ctx.api.addLink(ctx.instanceId(), spec), (lab) => lab.links.push(spec), cableEnds(link)),
    spends: (done) => (done === 'apply' ? cableEnds(link) : []),
  };
}

/** Node keys changed (addresses, gateway, routes); `before` holds the same keys as they were (null: absent). */
export function setNodeEdit(node: string, before: Record<string, unknown>, after: Record<string, unknown>): Edit {
  return {
    what: { key: 'edit.setNode', params: { node } },
    apply: async (ctx) => {
      await ctx.api.editNode(ctx.instanceId(), node, after);
    },
    revert: async (ctx) => {
      await ctx.api.editNode(ctx.instanceId(), node, before);
    },
  };
}

export function setLinkEdit(link: string, before: Record<string, unknown>, after: Record<string, unknown>): Edit {
  return {
    what: { key: 'edit.setLink', params: { link } },
    apply: async (ctx) => {
      await ctx.api.editLink(ctx.instanceId(), link, after);
    },
    revert: async (ctx) => {
      await ctx.api.editLink(ctx.instanceId(), link, before);
    },
  };
}

type Point = { x: number; y: number };

/** A node dragged to another place (kept in the lab file as its `position`). */
export function moveEdit(node: string, from: Point | null, to: Point): Edit {
  const at = (p: Point) => ({ position: { x: Math.round(p.x), y: Math.round(p.y) } });
  return {
    what: { key: 'edit.move', params: { node } },
    apply: async (ctx) => {
      await ctx.api.editNode(ctx.instanceId(), node, at(to));
    },
    revert: async (ctx) => {
      if (from) await ctx.api.editNode(ctx.instanceId(), node, at(from));
    },
  };
}

/**
 * Undo and redo: an edit made goes on the undo stack and clears the redo stack; undoing moves it across. One
 * change runs at a time. A change the server refuses stays where it was, and the error is thrown on.
 */
export class EditHistory {
  /** @param spent told what each change done leaves the running lab keeping taken */
  constructor(private readonly spent: (keys: string[]) => void = () => undefined) {}

  private readonly done: Edit[] = [];
  private readonly undone: Edit[] = [];
  private running: Promise<unknown> = Promise.resolve();

  /** How many changes are kept to undo. */
  static readonly LIMIT = 100;

  nextUndo(): Edit | null {
    return this.done[this.done.length - 1] ?? null;
  }

  nextRedo(): Edit | null {
    return this.undone[this.undone.length - 1] ?? null;
  }

  /** Makes `edit` and keeps it to undo. */
  make(edit: Edit, ctx: EditContext): Promise<void> {
    return this.serial(async () => {
      await edit.apply(ctx);
      this.spent(edit.spends?.('apply') ?? []);
      this.done.push(edit);
      if (this.done.length > EditHistory.LIMIT) this.done.shift();
      this.undone.length = 0;
    });
  }

  /** Takes back the last change; false when there is none. */
  undo(ctx: EditContext): Promise<boolean> {
    return this.serial(async () => {
      const edit = this.done[this.done.length - 1];
      if (!edit) return false;
      await edit.revert(ctx);
      this.spent(edit.spends?.('revert') ?? []);
      this.done.pop();
      this.undone.push(edit);
      return true;
    });
  }

  /** Makes again the last change undone; false when there is none. */
  redo(ctx: EditContext): Promise<boolean> {
    return this.serial(async () => {
      const edit = this.undone[this.undone.length - 1];
      if (!edit) return false;
      await edit.apply(ctx);
      this.spent(edit.spends?.('apply') ?? []);
      this.undone.pop();
      this.done.push(edit);
      return true;
    });
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.running.then(task, task);
    this.running = next.catch(() => undefined);
    return next;
  }
}
