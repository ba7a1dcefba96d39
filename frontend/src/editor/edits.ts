import type { ApiClient } from '../api/client';
import type { LinkView } from '../api/protocol';
import type { MessageKey } from '../i18n/messages';
import { linkSpec } from './labUnits';

/** What an edit needs: the REST client and the instance it edits. */
export interface EditContext {
  api: ApiClient;
  instanceId(): string;
}

/** One change to the network that can be undone: `apply` makes it (again), `revert` takes it back. */
export interface Edit {
  what: { key: MessageKey; params: Record<string, string> };
  apply(ctx: EditContext): Promise<void>;
  revert(ctx: EditContext): Promise<void>;
}

/**
 * A new node; undone by removing it, and made again the same way: the running lab takes a removed node's name back at
 * once.
 */
export function addNodeEdit(spec: Record<string, unknown>): Edit {
  const id = String(spec.id);
  return {
    what: { key: 'edit.addNode', params: { node: id } },
    apply: async (ctx) => {
      await ctx.api.addNode(ctx.instanceId(), spec);
    },
    revert: async (ctx) => {
      await ctx.api.removeNode(ctx.instanceId(), id);
    },
  };
}

/**
 * A node taken out with its cables; undone by putting the node (as its lab file wrote it) and its cables back into the
 * running lab, under the same names and on the same interfaces and ports.
 */
export function removeNodeEdit(spec: Record<string, unknown>, cables: readonly LinkView[]): Edit {
  const id = String(spec.id);
  return {
    what: { key: 'edit.removeNode', params: { node: id } },
    apply: async (ctx) => {
      await ctx.api.removeNode(ctx.instanceId(), id);
    },
    revert: async (ctx) => {
      await ctx.api.addNode(ctx.instanceId(), spec);
      for (const l of cables) await ctx.api.addLink(ctx.instanceId(), linkSpec(l));
    },
  };
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
      await ctx.api.addLink(ctx.instanceId(), linkSpec(edit.link));
    },
    revert: async (ctx: EditContext) => {
      if (edit.link) await ctx.api.removeLink(ctx.instanceId(), edit.link.name);
    },
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
    revert: async (ctx) => {
      await ctx.api.addLink(ctx.instanceId(), spec);
    },
  };
}

/**
 * Node keys changed (addresses and interfaces, gateway, routes, name servers, hosts lines, services); `before` holds
 * the same keys as they were (null: absent), so undoing a service added stops it and undoing one removed starts it.
 */
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
