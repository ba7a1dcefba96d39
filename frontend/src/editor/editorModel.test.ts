import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { tcpLabSnapshot } from '../test-fixtures';
import { fieldErrors, panelField } from './fieldErrors';
import { formatBandwidth, formatDuration, linkChanges, linkFields, linkSpec } from './labUnits';
import { freeSpotNear, newNodeSpec, nextAddress, nextNodeId } from './newNode';

const { nodes, links } = tcpLabSnapshot();

describe('new nodes', () => {
  it('are named after their kind with the first free number, skipping names refused as taken', () => {
    expect(nextNodeId('host', nodes)).toBe('pc2');
    expect(nextNodeId('server', nodes)).toBe('srv1');
    expect(nextNodeId('switch', nodes)).toBe('sw2');
    expect(nextNodeId('host', nodes, new Set(['pc2', 'pc3']))).toBe('pc4');
    expect(nextNodeId('router', [])).toBe('r1');
  });

  it('get the first free address of 10.0.0.0/24', () => {
    expect(nextAddress(nodes)).toBe('10.0.0.3/24');
    expect(nextAddress([])).toBe('10.0.0.1/24');
  });

  it('are written as a lab file writes them, where they were dropped', () => {
    expect(newNodeSpec('host', [], { x: 120.4, y: 80.6 })).toEqual({ id: 'pc1', kind: 'host', ip: '10.0.0.1/24', position: { x: 120, y: 81 } });
    expect(newNodeSpec('router', nodes, { x: 0, y: 0 })).toEqual({
      id: 'r1', kind: 'router', interfaces: [{ name: 'eth0' }, { name: 'eth1' }, { name: 'eth2' }], position: { x: 0, y: 0 },
    });
    expect(newNodeSpec('hub', nodes, { x: 1, y: 2 })).toEqual({ id: 'hub1', kind: 'hub', position: { x: 1, y: 2 } });
  });
});

describe('link values in lab-file units', () => {
  it('writes a bandwidth in the largest unit that keeps it whole', () => {
    expect([formatBandwidth(100_000_000), formatBandwidth(1e9), formatBandwidth(64_000), formatBandwidth(1_500_000), formatBandwidth(9600)])
      .toEqual(['100Mbps', '1Gbps', '64kbps', '1500kbps', '9600bps']);
  });

  it('writes a duration in the largest unit that keeps it whole', () => {
    expect([formatDuration(1_000_000), formatDuration(0), formatDuration(1_500_000_000), formatDuration(10_000), formatDuration(7)])
      .toEqual(['1ms', '0s', '1500ms', '10us', '7ns']);
  });

  it('sends only what changed, numbers as numbers', () => {
    const before = linkFields(links[0]!);
    expect(before).toEqual({ bandwidth: '100Mbps', delay: '1ms', jitter: '0s', loss: '0', mtu: '1500', queue: '100', up: true });
    expect(linkChanges(before, { ...before, delay: ' 20ms ', loss: '0.1', up: false })).toEqual({ delay: '20ms', loss: 0.1, up: false });
    expect(linkChanges(before, { ...before, mtu: 'big' })).toEqual({ mtu: 'big' });
    expect(linkChanges(before, before)).toEqual({});
  });

  it('writes a cable back with both ends named, to plug it in again as it was', () => {
    expect(linkSpec(links[0]!)).toEqual({
      a: 'pc1:eth0', b: 'sw1:p1', bandwidth: '100Mbps', delay: '1ms', jitter: '0s', loss: 0, mtu: 1500, queue: 100, up: true,
    });
  });
});

describe('errors next to their fields', () => {
  it('maps the place in the lab file to the field inside the node or link', () => {
    expect(panelField('nodes[3].ip')).toBe('ip');
    expect(panelField('links[0].delay')).toBe('delay');
    expect(panelField('nodes[3].routes[0].via')).toBe('routes.0');
    expect(panelField('nodes[1].interfaces[2].ip')).toBe('interfaces.2.ip');
    expect(panelField('nodes[0].gateway')).toBe('gateway');
    expect(panelField('body')).toBeNull();
  });

  it('puts each error of a problem detail at its field, and the rest aside', () => {
    const error = new ApiError(400, {
      title: 'Invalid lab',
      detail: 'lab.yaml: nodes[1].ip: ...',
      errors: [
        { field: 'nodes[1].ip', message: 'expected an address/prefix such as 10.0.0.1/24, got "10.0.0.300/24"' },
        { field: 'nodes', message: 'at most 64 nodes' },
      ],
    });
    expect(fieldErrors(error)).toEqual({
      fields: { ip: 'expected an address/prefix such as 10.0.0.1/24, got "10.0.0.300/24"' },
      general: 'at most 64 nodes',
    });
    expect(fieldErrors(new Error('network down'))).toEqual({ fields: {}, general: 'network down' });
  });
});

describe('a free spot for a node added in the middle', () => {
  it('is the middle when nothing is there, else the nearest free point on a ring around it', () => {
    expect(freeSpotNear({ x: 0, y: 0 }, [])).toEqual({ x: 0, y: 0 });
    // (90, 0) and (64, 64) are within 90 of (10, 0); straight below is not
    expect(freeSpotNear({ x: 0, y: 0 }, [{ x: 10, y: 0 }], 90)).toEqual({ x: 0, y: 90 });
    expect(freeSpotNear({ x: 0, y: 0 }, [{ x: 0, y: 0 }, { x: 0, y: 90 }], 90)).toEqual({ x: 90, y: 0 });
  });
});
