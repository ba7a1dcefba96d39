import { describe, expect, it } from 'vitest';
import { ApiError, type ApiClient } from '../api/client';
import type { LinkView } from '../api/protocol';
import { fakeApi } from '../test-support';
import { tcpLabSnapshot } from '../test-fixtures';
import { addLinkEdit, addNodeEdit, EditHistory, moveEdit, removeLinkEdit, removeNodeEdit, setLinkEdit, setNodeEdit, type EditContext } from './edits';

const LINK: LinkView = tcpLabSnapshot().links[0]!;

const nameTaken = new ApiError(400, {
  title: 'Invalid lab',
  errors: [{ field: 'nodes[2].id', message: 'a node named "pc2" already exists' }],
});

/** A REST client that records each edit as `METHOD what`, and refuses what `refuse` says. */
function recordingContext(refuse: (call: string) => Error | null = () => null) {
  const calls: string[] = [];
  const call = (text: string, result: unknown = undefined) => {
    calls.push(text);
    const error = refuse(text);
    return error ? Promise.reject(error) : Promise.resolve(result);
  };
  const api = fakeApi([], {
    addNode: (_id, node) => call(`POST node ${JSON.stringify(node)}`, { id: node.id }),
    removeNode: (_id, node) => call(`DELETE node ${node}`),
    editNode: (_id, node, set) => call(`PATCH node ${node} ${JSON.stringify(set)}`),
    addLink: (_id, link) => call(`POST link ${link.a} ${link.b}`, LINK),
    removeLink: (_id, link) => call(`DELETE link ${link}`),
    editLink: (_id, link, set) => call(`PATCH link ${link} ${JSON.stringify(set)}`),
  } as Partial<ApiClient>);
  const ctx: EditContext = { api, instanceId: () => 'i1' };
  return { ctx, calls };
}

describe('edits', () => {
  it('a new node is undone by removing it, and made again the same way', async () => {
    const { ctx, calls } = recordingContext();
    const history = new EditHistory();
    await history.make(addNodeEdit({ id: 'pc2', kind: 'host', ip: '10.0.0.2/24' }), ctx);
    await history.undo(ctx);
    expect(calls).toEqual(['POST node {"id":"pc2","kind":"host","ip":"10.0.0.2/24"}', 'DELETE node pc2']);
  });

  it('made again after an undo, a node is added again under its name: the running lab took the name back', async () => {
    const { ctx, calls } = recordingContext();
    const history = new EditHistory();
    await history.make(addNodeEdit({ id: 'pc2', kind: 'host' }), ctx);
    await history.undo(ctx);
    await history.redo(ctx);
    expect(calls).toEqual(['POST node {"id":"pc2","kind":"host"}', 'DELETE node pc2', 'POST node {"id":"pc2","kind":"host"}']);
    expect(history.nextUndo()?.what).toEqual({ key: 'edit.addNode', params: { node: 'pc2' } });
  });

  it('undoing a node removal puts the node and its cables back as they were', async () => {
    const { ctx, calls } = recordingContext();
    const history = new EditHistory();
    await history.make(removeNodeEdit({ id: 'pc1', kind: 'host', ip: '10.0.0.1/24' }, [LINK]), ctx);
    await history.undo(ctx);
    expect(calls).toEqual(['DELETE node pc1', 'POST node {"id":"pc1","kind":"host","ip":"10.0.0.1/24"}', 'POST link pc1:eth0 sw1:p1']);
  });

  it('a cable is remembered with the ends the server chose, so undo and redo handle that very cable', async () => {
    const { ctx, calls } = recordingContext();
    const history = new EditHistory();
    const edit = addLinkEdit({ a: 'pc1', b: 'sw1' });
    await history.make(edit, ctx);
    await history.undo(ctx);
    await history.redo(ctx);
    expect(edit.link?.name).toBe('pc1:eth0-sw1:p1');
    expect(calls).toEqual(['POST link pc1 sw1', 'DELETE link pc1:eth0-sw1:p1', 'POST link pc1:eth0 sw1:p1']);
  });

  it('a change of values is undone by setting the values it had', async () => {
    const { ctx, calls } = recordingContext();
    const history = new EditHistory();
    await history.make(setLinkEdit(LINK.name, { delay: '1ms' }, { delay: '20ms' }), ctx);
    await history.make(moveEdit('pc1', { x: 10, y: 20 }, { x: 100.4, y: 200 }), ctx);
    await history.undo(ctx);
    await history.undo(ctx);
    expect(calls).toEqual([
      'PATCH link pc1:eth0-sw1:p1 {"delay":"20ms"}',
      'PATCH node pc1 {"position":{"x":100,"y":200}}',
      'PATCH node pc1 {"position":{"x":10,"y":20}}',
      'PATCH link pc1:eth0-sw1:p1 {"delay":"1ms"}',
    ]);
  });

  it('a new node whose name is refused is not kept, and the error goes to the caller', async () => {
    const { ctx, calls } = recordingContext(() => nameTaken);
    const history = new EditHistory();
    await expect(history.make(addNodeEdit({ id: 'pc2', kind: 'host' }), ctx)).rejects.toBe(nameTaken);
    expect(calls).toEqual(['POST node {"id":"pc2","kind":"host"}']);
    expect(history.nextUndo()).toBeNull();
  });

  it('undoing a node removal and redoing it is all live edits, never a restart of the lab', async () => {
    const { ctx, calls } = recordingContext();
    const history = new EditHistory();
    await history.make(removeNodeEdit({ id: 'pc1', kind: 'host' }, [LINK]), ctx);
    await history.undo(ctx);
    await history.redo(ctx);
    expect(calls).toEqual([
      'DELETE node pc1',
      'POST node {"id":"pc1","kind":"host"}',
      'POST link pc1:eth0 sw1:p1',
      'DELETE node pc1',
    ]);
  });

  it('a removed cable is undone by plugging the same cable into the same ends', async () => {
    const { ctx, calls } = recordingContext();
    const history = new EditHistory();
    await history.make(removeLinkEdit(LINK), ctx);
    await history.undo(ctx);
    expect(calls).toEqual(['DELETE link pc1:eth0-sw1:p1', 'POST link pc1:eth0 sw1:p1']);
  });

  it('a node edit that takes an interface off is undone by sending the interfaces it had', async () => {
    const { ctx, calls } = recordingContext();
    const history = new EditHistory();
    const before = { interfaces: [{ name: 'eth0', ip: '10.0.0.1/24' }, { name: 'eth1', ip: '10.0.1.1/24' }] };
    const after = { interfaces: [{ name: 'eth0', ip: '10.0.0.1/24' }], dns: ['10.0.0.53'] };
    await history.make(setNodeEdit('pc1', { ...before, dns: null }, after), ctx);
    await history.undo(ctx);
    expect(calls).toEqual([
      'PATCH node pc1 {"interfaces":[{"name":"eth0","ip":"10.0.0.1/24"}],"dns":["10.0.0.53"]}',
      'PATCH node pc1 {"interfaces":[{"name":"eth0","ip":"10.0.0.1/24"},{"name":"eth1","ip":"10.0.1.1/24"}],"dns":null}',
    ]);
  });

  it('a refused change is not kept, and the error goes to the caller', async () => {
    const invalid = new ApiError(400, { errors: [{ field: 'links[0].delay', message: 'expected a duration' }] });
    const { ctx } = recordingContext(() => invalid);
    const history = new EditHistory();
    await expect(history.make(setLinkEdit(LINK.name, { delay: '1ms' }, { delay: 'soon' }), ctx)).rejects.toBe(invalid);
    expect(history.nextUndo()).toBeNull();
  });

  it('a new change clears what was undone; undo and redo with nothing to do say so', async () => {
    const { ctx } = recordingContext();
    const history = new EditHistory();
    expect(await history.undo(ctx)).toBe(false);
    await history.make(moveEdit('pc1', null, { x: 1, y: 1 }), ctx);
    await history.undo(ctx);
    expect(history.nextRedo()).not.toBeNull();
    await history.make(moveEdit('pc1', null, { x: 2, y: 2 }), ctx);
    expect(history.nextRedo()).toBeNull();
    expect(await history.redo(ctx)).toBe(false);
  });
});
