import { describe, expect, it } from 'vitest';
import { tcpLabSnapshot } from '../test-fixtures';
import { hasAuthorLayout, layoutRoots, splitEnd, topologyEdges, topologyNodes } from './elements';

const snap = tcpLabSnapshot();

describe('topology elements', () => {
  it('labels each node with its name and addresses, and keeps the lab file positions', () => {
    const nodes = topologyNodes(snap.nodes, { pc1: { x: 10, y: 20 } });
    expect(nodes).toEqual([
      { id: 'pc1', kind: 'host', label: 'pc1\n10.0.0.1/24', position: { x: 10, y: 20 } },
      { id: 'srv', kind: 'server', label: 'srv\n10.0.0.2/24', position: null },
      { id: 'sw1', kind: 'switch', label: 'sw1', position: null },
    ]);
    expect(hasAuthorLayout(nodes)).toBe(false);
  });

  it('names each address by interface on a node with several', () => {
    const router = { id: 'r1', kind: 'router', gateway: null, interfaces: [
      { name: 'eth0', mac: 'm0', ip: '192.168.1.1/24', up: true, link: null },
      { name: 'eth1', mac: 'm1', ip: '10.0.12.1/30', up: true, link: null },
    ] };
    expect(topologyNodes([router], {})[0]!.label).toBe('r1\neth0 192.168.1.1/24\neth1 10.0.12.1/30');
  });

  it('draws each cable between its nodes with the interface names at its ends, dashed when unplugged', () => {
    const links = [{ ...snap.links[0]!, up: false }, snap.links[1]!];
    expect(topologyEdges(links, snap.nodes)).toEqual([
      { id: 'pc1:eth0-sw1:p1', source: 'pc1', target: 'sw1', sourceInterface: 'eth0', targetInterface: 'p1', up: false },
      { id: 'srv:eth0-sw1:p2', source: 'srv', target: 'sw1', sourceInterface: 'eth0', targetInterface: 'p2', up: true },
    ]);
  });

  it('grows an automatic layout from the most connected node', () => {
    const nodes = topologyNodes(snap.nodes, {});
    expect(layoutRoots(topologyEdges(snap.links, snap.nodes), nodes)).toEqual(['sw1']);
  });

  it('splits a link end into node and interface', () => {
    expect(splitEnd('r1:eth0')).toEqual(['r1', 'eth0']);
    expect(splitEnd('pc1')).toEqual(['pc1', '']);
  });
});
